"""The parties that can commit: every ISO 3166 country and the common organisations.

``default_parties()`` seeds the database. Country names are the common short English names the
labelling rules use ("China", "United States", "South Korea", "Russia", "Iran", "Vietnam",
"Laos"); the ISO alpha-2 code, lower-case, is the code. Aliases come from pycountry (official
and common names) and countryinfo (demonyms, capitals, alternative spellings), plus the
abbreviations diplomatic texts actually use ("U.S.", "PRC", "ROK", "DPRK", "UK").

Organisations carry their member codes where membership is fixed by treaty or by the grouping
itself. ``written_as_members`` marks informal groupings (Quad, BRICS, G7, G20) whose statements
speak for their members: the labelling rules write "we" in a Quad statement as the four
countries, while the EU, ASEAN or the UN act as parties of their own.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any


@dataclass
class PartyEntry:
    name: str
    short_name: str
    kind: str  # "country" or "organisation"
    code: str
    aliases: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)  # member codes of an organisation
    # member code -> ISO date of joining, for groupings that grew (BRICS); members without an
    # entry are founding members.
    member_since: dict[str, str] = field(default_factory=dict)
    # member code -> ISO date of its last day as a member, for members that left (the UK and the EU)
    member_until: dict[str, str] = field(default_factory=dict)
    written_as_members: bool = False
    # An intergovernmental grouping whose leaders meet as states (ASEAN): named, it is a party of its own
    # ("the United States and ASEAN agreed"); "the two sides", "we", "the leaders" are its members.
    members_when_collective: bool = False


COUNTRY = "country"
ORGANISATION = "organisation"

# pycountry names that are not what a reader calls the country.
_SHORT_NAMES = {
    "bo": "Bolivia",
    "bn": "Brunei",
    "cd": "Democratic Republic of the Congo",
    "cg": "Republic of the Congo",
    "ci": "Ivory Coast",
    "cv": "Cape Verde",
    "cz": "Czech Republic",
    "fm": "Micronesia",
    "gb": "United Kingdom",
    "ir": "Iran",
    "kp": "North Korea",
    "kr": "South Korea",
    "la": "Laos",
    "md": "Moldova",
    "mk": "North Macedonia",
    "ps": "Palestine",
    "ru": "Russia",
    "sy": "Syria",
    "tw": "Taiwan",
    "tz": "Tanzania",
    "us": "United States",
    "va": "Vatican City",
    "ve": "Venezuela",
    "vn": "Vietnam",
    "tr": "Turkey",
    "sz": "Eswatini",
    "tl": "Timor-Leste",
    "fk": "Falkland Islands",
    "vg": "British Virgin Islands",
    "vi": "U.S. Virgin Islands",
    "mf": "Saint Martin",
    "sx": "Sint Maarten",
    "bq": "Caribbean Netherlands",
    "sh": "Saint Helena",
    "kn": "Saint Kitts and Nevis",
    "lc": "Saint Lucia",
    "vc": "Saint Vincent and the Grenadines",
    "pm": "Saint Pierre and Miquelon",
    "hm": "Heard Island and McDonald Islands",
    "um": "U.S. Minor Outlying Islands",
    "ax": "Åland Islands",
}

_SHORT = {"us": "U.S.", "gb": "UK", "kr": "ROK", "kp": "DPRK", "cn": "PRC", "ae": "UAE", "cd": "DRC"}

# Abbreviations, leaders' seats and demonyms that countryinfo lacks or spells differently.
_EXTRA_ALIASES = {
    "us": [
        "U.S.",
        "US",
        "USA",
        "U.S.A.",
        "America",
        "American",
        "Americans",
        "United States of America",
        "Washington",
        "White House",
        "U.S. side",
        "American side",
        # national agencies that act for the government without naming it
        "USAID",
        "Peace Corps",
        "Pentagon",
        "State Department",
        "Millennium Challenge Corporation",
        "U.S. International Development Finance Corporation",
    ],
    "cn": ["PRC", "P.R.C.", "People's Republic of China", "Chinese", "Beijing", "Chinese side", "Chinese Government"],
    "gb": ["UK", "U.K.", "Britain", "Great Britain", "British", "London"],
    "kr": ["ROK", "Republic of Korea", "Korea", "South Korean", "South Koreans", "Seoul", "KOICA"],
    "kp": ["DPRK", "Democratic People's Republic of Korea", "North Korean", "Pyongyang"],
    "ru": ["Russian Federation", "Russian", "Russians", "Moscow", "Kremlin"],
    "jp": ["Japanese", "Tokyo", "JICA"],
    "in": ["Indian", "New Delhi", "Republic of India"],
    "ir": ["Iranian", "Tehran", "Islamic Republic of Iran"],
    "tw": ["Taipei", "Taiwanese"],
    "ae": ["UAE", "U.A.E.", "Emirati", "Abu Dhabi"],
    "cd": ["DRC", "DR Congo", "Kinshasa"],
    "de": ["German", "Berlin", "Federal Republic of Germany"],
    "fr": ["French", "Paris"],
    "au": ["Australian", "Canberra"],
    "ca": ["Canadian", "Ottawa"],
    "mx": ["Mexican", "Mexico City"],
    "id": ["Indonesian", "Jakarta"],
    "ph": ["Philippine", "Filipino", "Manila"],
    "vn": ["Vietnamese", "Hanoi", "Viet Nam"],
    "la": ["Lao", "Laotian", "Lao PDR", "Vientiane"],
    "mm": ["Burma", "Burmese", "Myanmar's"],
    "za": ["South African"],
    "br": ["Brazilian", "Brasilia", "Brasília"],
    "pk": ["Pakistani", "Islamabad"],
    "tr": ["Türkiye", "Turkiye", "Turkish", "Ankara"],
    "sa": ["Saudi", "Riyadh", "Kingdom of Saudi Arabia"],
    "nz": ["New Zealander", "Wellington"],
    "ke": ["Kenyan", "Nairobi"],
    # demonyms the packages lack or share with a territory
    "no": ["Norwegian", "Oslo"],
    "kz": ["Kazakh", "Kazakhstani", "Astana"],
    "kg": ["Kyrgyz", "Kyrgyzstani", "Bishkek"],
    "uz": ["Uzbek", "Uzbekistani", "Tashkent"],
    "tj": ["Tajik", "Tajikistani", "Dushanbe"],
    "tm": ["Turkmen", "Turkmenistani", "Ashgabat"],
    "ar": ["Argentine", "Argentinian", "Buenos Aires"],
    "ps": ["Palestinian", "Palestinians"],
    "bw": ["Botswanan", "Motswana"],
}

# Chinese names (and the "X方" side forms of Chinese readouts) of the parties they most often name.
_CHINESE_ALIASES = {
    "cn": ["中国", "中方", "中华人民共和国"],
    "us": ["美国", "美方"],
    "fr": ["法国", "法方"],
    "de": ["德国", "德方"],
    "jp": ["日本", "日方"],
    "ru": ["俄罗斯", "俄方"],
    "gb": ["英国", "英方"],
    "in": ["印度", "印方"],
    "kr": ["韩国", "韩方"],
    "kp": ["朝鲜", "朝方"],
    "br": ["巴西", "巴方"],
    "za": ["南非"],
    "ca": ["加拿大", "加方"],
    "au": ["澳大利亚", "澳方"],
    "mx": ["墨西哥", "墨方"],
    "vn": ["越南", "越方"],
    "pk": ["巴基斯坦"],
    "ir": ["伊朗"],
    "it": ["意大利", "意方"],
    "es": ["西班牙"],
    "id": ["印度尼西亚", "印尼"],
    "ph": ["菲律宾", "菲方"],
    "th": ["泰国"],
    "sg": ["新加坡"],
    "my": ["马来西亚"],
    "sa": ["沙特阿拉伯", "沙特"],
    "tr": ["土耳其"],
    "il": ["以色列"],
    "ua": ["乌克兰"],
    "eg": ["埃及"],
    "ke": ["肯尼亚"],
    "nz": ["新西兰"],
    "la": ["老挝"],
    "kh": ["柬埔寨"],
    "mm": ["缅甸"],
    "ng": ["尼日利亚"],
    "ar": ["阿根廷"],
    "cl": ["智利"],
    "pe": ["秘鲁"],
    "kz": ["哈萨克斯坦"],
}
# Chinese names that the ISO translation spells otherwise than Chinese official usage, or that are
# ambiguous in Chinese diplomatic text ("刚果" is either Congo; "黑山" and "关岛" name places).
_CHINESE_NAME_FIXES = {
    "kg": ["吉尔吉斯斯坦", "吉尔吉斯"],
    "bo": ["玻利维亚"],
    "cd": ["刚果（金）", "刚果(金)"],
    "cg": ["刚果（布）", "刚果(布)"],
    "ae": ["阿拉伯联合酋长国"],
    "ps": ["巴勒斯坦"],
    # States whose names carry a territory mark (岛, 群岛) and would be dropped with the territories.
    "is": ["冰岛"],
    "sb": ["所罗门群岛"],
    "mh": ["马绍尔群岛"],
    "ck": ["库克群岛"],
}
_CHINESE_SKIPPED = {
    "刚果",
    "黑山",
    "中国台湾省",
    "香港",
    "澳门",
    "中国香港特别行政区",
    "中国澳门特别行政区",
    "波利维亚",
}
_TERRITORY_MARKS = ("属", "领地", "群岛", "岛", "特别行政区", "中国台湾")


def _chinese_country_names() -> dict[str, list[str]]:
    """Chinese names of every country, from the ISO 3166 translation that pycountry ships (common and
    official names), with the fixes above; territories left out. Empty if the catalogue is missing."""
    try:
        import gettext

        import pycountry

        translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"])
    except OSError:  # a pycountry without locales: the explicit names above still work
        return {}
    names: dict[str, list[str]] = {}
    for country in pycountry.countries:
        code = country.alpha_2.lower()
        found = []
        for attr in ("name", "common_name", "official_name"):
            english = getattr(country, attr, None)
            chinese = translation.gettext(english) if english else ""
            if chinese and chinese != english and _CJK_NAME.fullmatch(chinese) and chinese not in found:
                found.append(chinese)
        found = [n for n in found if n not in _CHINESE_SKIPPED and not any(m in n for m in _TERRITORY_MARKS)]
        if code in {"hk", "mo", "tw"}:
            continue
        names[code] = [*_CHINESE_NAME_FIXES.get(code, []), *found]
    return names


_CJK_NAME = re.compile(r"[\u3400-\u9fff（）()]+")

_CHINESE_ORGANISATION_ALIASES = {
    "eu": ["欧盟", "欧方", "欧洲联盟"],
    "asean": ["东盟"],
    "un": ["联合国"],
    "brics": ["金砖国家"],
    "g20": ["二十国集团"],
    "g7": ["七国集团"],
    "wto": ["世界贸易组织", "世贸组织"],
    "sco": ["上海合作组织", "上合组织"],
    "apec": ["亚太经合组织"],
    "au_org": ["非洲联盟", "非盟"],
    "gcc": ["海湾阿拉伯国家合作委员会", "海合会"],
    "celac": ["拉美和加勒比国家共同体", "拉共体"],
    "mercosur": ["南方共同市场"],
    "arableague": ["阿拉伯国家联盟", "阿盟"],
    "c5": ["中亚国家", "中亚五国", "中亚"],
    "c5plus1": [],
    "rcep": ["区域全面经济伙伴关系协定"],
    "nato": ["北约"],
}

# Capitals that name something else at least as often as the government.
_AMBIGUOUS_CAPITALS = {
    "Victoria",
    "Kingston",
    "Georgetown",
    "Saint John's",
    "Hamilton",
    "Jamestown",
    "Washington D.C.",
    "Washington, D.C.",
    "Lobamba",
    "Sucre",
    "Yamoussoukro",
    "Jerusalem",
    "Nicosia",
    "Road Town",
    "Avarua",
    "Alofi",
    "Adamstown",
    "Plymouth",
    "King Edward Point",
    "Sri Jayawardenepura Kotte",
    "Palikir",
    "Ngerulmud",
    "Basseterre",
    "Castries",
    "Kingstown",
    "Praia",
    "Apia",
    "Funafuti",
    "Mata-Utu",
    "The Valley",
    "Charlotte Amalie",
    "Philipsburg",
    "Marigot",
    "Gustavia",
    "Willemstad",
    "Oranjestad",
    "Kralendijk",
    "Cockburn Town",
    "George Town",
    "Brades",
    "Stanley",
    "Douglas",
    "Saint Helier",
    "St. Peter Port",
    "Longyearbyen",
    "Tórshavn",
    "Nuuk",
    "Papeete",
    "Nouméa",
    "Hagåtña",
    "Saipan",
    "Pago Pago",
    "Flying Fish Cove",
    "West Island",
    "Kingston ",
    "Vatican City",
    "Monaco",
    "San Marino",
    "Singapore",
    "Luxembourg",
    "Djibouti",
    "Kuwait City",
    "Panama City",
    "Guatemala City",
    "Mexico City",
    "Brasília",
    "Santiago",
    "Lima",
    "Bern",
    "Valletta",
    "Dili",
}

# Names that contain a party's alias but are not that party: matched first, mapped to nothing.
NOT_PARTIES = [
    "South China Sea",
    "East China Sea",
    "China Sea",
    "Indian Ocean",
    "Latin America",
    "Latin American",
    "North America",
    "North American",
    "South America",
    "South American",
    "Central America",
    "Central American",
    "Korean Peninsula",
    "Korean War",
    "Indo-Pacific",
    "American Samoa",
    "Washington Declaration",
    "Washington Post",
    "New Mexico",
    "New York",
    "New Jersey",
    "Papua New Guinea",
    "Chinese Taipei",
    "Hong Kong Special Administrative Region",
    "Macau Special Administrative Region",
    "Macao Special Administrative Region",
    "Native American",
    "African American",
    "Asian American",
    "Chinese Communist Party",
    "Communist Party of China",
    "Jordan River",
    "Georgia Tech",
    "内蒙古",
    "印度洋",
    "中非合作",
    "中非关系",
    "中非友好",
    "中非双方",
    "中非命运共同体",
]

_ORGANISATIONS: list[dict[str, Any]] = [
    {
        "name": "EU",
        "short": "EU",
        "code": "eu",
        "aliases": ["European Union", "E.U.", "European Commission", "European Council", "EU side", "Brussels"],
        "members": "at be bg hr cy cz dk ee fi fr de gr hu ie it lv lt lu mt nl pl pt ro sk si es se gb",
        "since": {"hr": "2013-07-01", "bg": "2007-01-01", "ro": "2007-01-01"},
        "until": {"gb": "2020-01-31"},
    },
    {
        "name": "ASEAN",
        "short": "ASEAN",
        "code": "asean",
        "aliases": ["Association of Southeast Asian Nations"],
        "members": "bn kh id la my mm ph sg th vn tl",
        "since": {"tl": "2025-10-26"},
        "collective_members": True,
    },
    {
        "name": "G7",
        "short": "G7",
        "code": "g7",
        "aliases": ["Group of Seven", "G-7"],
        "members": "ca fr de it jp gb us",
        "as_members": True,
    },
    {
        "name": "G20",
        "short": "G20",
        "code": "g20",
        "aliases": ["Group of Twenty", "G-20"],
        "members": "ar au br ca cn fr de in id it jp kr mx ru sa za tr gb us eu au_org",
        "since": {"au_org": "2023-09-09"},
        "as_members": True,
    },
    {"name": "UN", "short": "UN", "code": "un", "aliases": ["United Nations", "U.N."]},
    {
        "name": "BRICS",
        "short": "BRICS",
        "code": "brics",
        "aliases": [],
        "members": "br ru in cn za eg et ir ae id",
        "since": {
            "za": "2011-04-14",
            "eg": "2024-01-01",
            "et": "2024-01-01",
            "ir": "2024-01-01",
            "ae": "2024-01-01",
            "id": "2025-01-06",
        },
        "as_members": True,
    },
    {
        "name": "Quad",
        "short": "Quad",
        "code": "quad",
        "aliases": ["Quadrilateral Security Dialogue", "the Quad", "QUAD"],
        "members": "au in jp us",
        "as_members": True,
    },
    {"name": "NATO", "short": "NATO", "code": "nato", "aliases": ["North Atlantic Treaty Organization"]},
    {"name": "African Union", "short": "AU", "code": "au_org", "aliases": ["AU"]},
    {"name": "WTO", "short": "WTO", "code": "wto", "aliases": ["World Trade Organization"]},
    {"name": "IAEA", "short": "IAEA", "code": "iaea", "aliases": ["International Atomic Energy Agency"]},
    {"name": "WHO", "short": "WHO", "code": "who", "aliases": ["World Health Organization"]},
    {"name": "IMF", "short": "IMF", "code": "imf", "aliases": ["International Monetary Fund"]},
    {"name": "World Bank", "short": "World Bank", "code": "worldbank", "aliases": []},
    {"name": "OPEC", "short": "OPEC", "code": "opec", "aliases": ["Organization of the Petroleum Exporting Countries"]},
    {"name": "APEC", "short": "APEC", "code": "apec", "aliases": ["Asia-Pacific Economic Cooperation"]},
    {
        "name": "SCO",
        "short": "SCO",
        "code": "sco",
        "aliases": ["Shanghai Cooperation Organisation", "Shanghai Cooperation Organization"],
        "members": "cn ru in pk kz kg tj uz ir by",
        "since": {"in": "2017-06-09", "pk": "2017-06-09", "ir": "2023-07-04", "by": "2024-07-04"},
        "collective_members": True,
    },
    {
        "name": "OSCE",
        "short": "OSCE",
        "code": "osce",
        "aliases": ["Organization for Security and Co-operation in Europe"],
    },
    {
        "name": "OECD",
        "short": "OECD",
        "code": "oecd",
        "aliases": ["Organisation for Economic Co-operation and Development"],
    },
    {
        "name": "GCC",
        "short": "GCC",
        "code": "gcc",
        "aliases": ["Gulf Cooperation Council"],
        "members": "bh kw om qa sa ae",
        "collective_members": True,
    },
    {
        "name": "Mercosur",
        "short": "Mercosur",
        "code": "mercosur",
        "aliases": ["MERCOSUR"],
        "members": "ar br py uy bo",
        "collective_members": True,
    },
    {
        "name": "CELAC",
        "short": "CELAC",
        "code": "celac",
        "aliases": ["Community of Latin American and Caribbean States"],
    },
    # Groupings that are no organisation of their own: named, they stand for their members.
    {
        "name": "Central Asia",
        "short": "C5",
        "code": "c5",
        "aliases": ["Central Asian countries", "Central Asian states", "Central Asian nations", "C5"],
        "members": "kz kg tj tm uz",
        "as_members": True,
    },
    {
        "name": "C5+1",
        "short": "C5+1",
        "code": "c5plus1",
        "aliases": ["C5+1 diplomatic platform", "C5+1 format"],
        "members": "us kz kg tj tm uz",
        "as_members": True,
    },
    {
        "name": "RCEP",
        "short": "RCEP",
        "code": "rcep",
        "aliases": ["Regional Comprehensive Economic Partnership"],
        "members": "bn kh id la my mm ph sg th vn cn jp kr au nz",
        "as_members": True,
    },
    {"name": "Pacific Islands Forum", "short": "PIF", "code": "pif", "aliases": ["PIF"]},
    {"name": "Arab League", "short": "Arab League", "code": "arableague", "aliases": ["League of Arab States"]},
]


def _latin(text: str) -> bool:
    return all(ord(ch) < 0x250 or ch in "’" for ch in text)


def _demonym_plural(demonym: str) -> list[str]:
    if demonym.endswith(("ese", "ss", "sh", "ch")):
        return []
    return [demonym + "s"]


_held_back_capitals: dict[str, set[str]] = {}


def capital_of_party(word: str) -> str | None:
    """The country whose capital a name is, for capitals kept out of the aliases because they name
    other things too ("Santiago", "Lima"): a caller may accept them where that country is a party."""
    _country_rows()
    owners = _held_back_capitals.get(word.strip())
    return next(iter(owners)) if owners and len(owners) == 1 else None


@functools.lru_cache(maxsize=1)
def _country_rows() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(code, name, aliases) for every ISO 3166 country, from the installed packages.

    An alias that the packages give to two countries ("American" is the demonym of the United
    States and of four US territories, "Congolese" of both Congos) is kept only where it is one
    of our explicit aliases, and dropped otherwise: a wrong party is worse than none.
    """
    import pycountry
    from countryinfo import CountryInfo
    from countryinfo.exceptions import CountryNotFoundError

    generated: dict[str, list[str]] = {}
    explicit: dict[str, list[str]] = {}
    chinese = _chinese_country_names()
    names: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_2.lower()
        names[code] = _SHORT_NAMES.get(code) or getattr(country, "common_name", None) or country.name
        explicit[code] = [
            *_EXTRA_ALIASES.get(code, []),
            *_CHINESE_ALIASES.get(code, []),
            *[n for n in chinese.get(code, []) if n not in _CHINESE_ALIASES.get(code, [])],
        ]
        aliases: list[str] = [
            getattr(country, "official_name", None) or "",
            country.name,
            getattr(country, "common_name", None) or "",
        ]
        try:
            info = CountryInfo(country.alpha_2)
            demonym = info.demonym() or ""
            capital = info.capital() or ""
            alternatives = info.alt_spellings() or []
        except (CountryNotFoundError, KeyError):
            demonym, capital, alternatives = "", "", []
        if demonym:
            aliases += [demonym, *_demonym_plural(demonym)]
        if capital and capital not in _AMBIGUOUS_CAPITALS and len(capital) > 3:
            aliases.append(capital)
        elif capital and len(capital) > 3:
            _held_back_capitals.setdefault(capital, set()).add(names[code])
        # Two- and three-letter codes ("CN", "CHN") are mostly ordinary words or noise in prose.
        aliases += [a for a in alternatives if len(a) > 3 and _latin(a)]
        generated[code] = [a.strip() for a in aliases if a.strip() and not re.search(r",\s", a)]
    claimed: dict[str, set[str]] = {}
    for code, aliases in generated.items():
        for alias in {*aliases, names[code]}:
            claimed.setdefault(alias, set()).add(code)
    explicit_owner = {alias: code for code, aliases in explicit.items() for alias in aliases}
    explicit_owner.update({name: code for code, name in names.items()})
    rows = []
    for code in generated:
        unique: list[str] = []
        for alias in [*explicit[code], *generated[code]]:
            owner = explicit_owner.get(alias)
            if owner is not None and owner != code:
                continue
            if owner is None and len(claimed.get(alias, ())) > 1:
                continue
            if alias != names[code] and alias not in unique:
                unique.append(alias)
        rows.append((code, names[code], tuple(unique)))
    return tuple(rows)


def default_parties() -> list[PartyEntry]:
    """Every ISO 3166 country and the common organisations, with aliases (fresh objects each call)."""
    parties = [
        PartyEntry(name=name, short_name=_SHORT.get(code, name), kind=COUNTRY, code=code, aliases=list(aliases))
        for code, name, aliases in _country_rows()
    ]
    for row in _ORGANISATIONS:
        parties.append(
            PartyEntry(
                name=row["name"],
                short_name=row["short"],
                kind=ORGANISATION,
                code=row["code"],
                aliases=[*row["aliases"], *_CHINESE_ORGANISATION_ALIASES.get(row["code"], [])],
                members=row.get("members", "").split(),
                member_since=dict(row.get("since", {})),
                member_until=dict(row.get("until", {})),
                written_as_members=row.get("as_members", False),
                members_when_collective=row.get("collective_members", False),
            )
        )
    return parties
