"""A bilingual (English <-> Chinese) lexicon of what diplomatic accounts talk about.

Two accounts of one meeting rarely share a word: the White House writes "resume high-level
military-to-military communication", Xinhua writes "恢复两军高层沟通". Both name the same
*concepts* (military, communication, resume), and so do the named mechanisms and programmes
("Military Maritime Consultative Agreement" / "海上军事安全磋商机制"), places ("San Francisco" /
"旧金山"), numbers and years. `concepts_in` maps a text of either language onto those concept keys,
so that `align.py` can compare the two accounts on what they say rather than on their words.

Each concept carries a weight: specific subjects (fentanyl, flights, artificial intelligence) say
more about which pledge a sentence is than the vocabulary every readout shares (cooperation,
communication, both sides), which weighs little. Verbs and their strength cues are kept apart
(`STRENGTH_CUES`): they say how firmly, not what.

Pure Python; no Django, no downloaded model. Editing the lexicon is editing data: add a row.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# Weights: a named mechanism or programme (4) > a specific subject (3) > a field of policy (2) >
# the shared vocabulary of readouts (1). The verbs of pledges are left out: every pledge has one,
# and on the development pairs counting them paired less of what should be paired.
NAMED, SUBJECT, FIELD, COMMON = 4.0, 3.0, 2.0, 1.0
VENUE = COMMON


@dataclass(frozen=True)
class Concept:
    key: str
    weight: float
    en: tuple[str, ...]  # regular expressions, matched case-insensitively at word starts
    zh: tuple[str, ...]  # substrings
    label: str = ""  # shown to readers ("topics one side raises and the other omits")
    salient: bool = False  # a subject a reader wants to know one side left out


def _c(
    key: str, weight: float, en: Iterable[str], zh: Iterable[str], label: str = "", salient: bool = False
) -> Concept:
    return Concept(key, weight, tuple(en), tuple(zh), label or key.replace("-", " "), salient)


CONCEPTS: tuple[Concept, ...] = (
    # --- named mechanisms, programmes, places and groupings --------------------------------------
    # A meeting's venue names the meeting, which every item of both accounts shares, more than a pledge:
    # "落实好巴厘岛会晤共识" and "follow up on their discussions in San Francisco" are one pledge.
    _c("san-francisco", VENUE, [r"san francisco", r"woodside", r"filoli"], ["旧金山"], "San Francisco"),
    _c("bali", VENUE, [r"bali"], ["巴厘岛"], "Bali"),
    _c("lima", VENUE, [r"lima\b"], ["利马"], "Lima"),
    _c("apec", NAMED, [r"apec\b", r"asia-pacific economic cooperation"], ["亚太经合组织", "亚太经合"], "APEC"),
    _c("g20", NAMED, [r"g-?20\b", r"group of twenty"], ["二十国集团"], "G20"),
    _c("cop", NAMED, [r"cop ?\d\d", r"conference of the parties"], ["缔约方大会"], "the UN climate conference"),
    _c("mmca", NAMED, [r"military maritime consultative", r"mmca\b"], ["海上军事安全磋商"], "the MMCA talks"),
    _c("defense-talks", NAMED, [r"defen[cs]e policy coordination"], ["国防部工作会晤"], "defence policy talks"),
    _c("theater-commanders", NAMED, [r"theat(?:er|re) command"], ["战区领导", "战区"], "theater commanders"),
    _c("working-group", SUBJECT, [r"working group"], ["工作组"], "working group"),
    _c("hotline", NAMED, [r"hotline", r"direct line"], ["热线", "直通电话"], "hotline"),
    _c("un", FIELD, [r"united nations", r"\bu\.?n\.? "], ["联合国"], "the United Nations"),
    _c("wto", NAMED, [r"world trade organi[sz]ation", r"\bwto\b"], ["世贸组织", "世界贸易组织"], "the WTO"),
    # --- specific subjects -----------------------------------------------------------------------
    _c(
        "narcotics",
        SUBJECT,
        [r"drug", r"narcotic", r"counternarcotic", r"counter-narcotic", r"fentanyl", r"precursor"],
        ["禁毒", "毒品", "芬太尼", "易制毒", "前体"],
        "counter-narcotics",
        True,
    ),
    _c("fentanyl", SUBJECT, [r"fentanyl", r"synthetic drug"], ["芬太尼", "合成毒品"], "fentanyl"),
    _c(
        "ai",
        SUBJECT,
        [r"artificial intelligence", r"\bai\b"],
        ["人工智能"],
        "artificial intelligence",
        True,
    ),
    _c("flights", SUBJECT, [r"flight", r"air transport", r"airline", r"aviation"], ["航班", "航空", "直航"], "flights"),
    _c("climate", SUBJECT, [r"climate", r"emission", r"methane"], ["气候", "排放", "甲烷"], "climate change", True),
    _c("nuclear", SUBJECT, [r"nuclear"], ["核武", "核"], "nuclear weapons", True),
    _c("taiwan", SUBJECT, [r"taiwan", r"cross-strait"], ["台湾", "台海", "两岸"], "Taiwan", True),
    _c("ukraine", SUBJECT, [r"ukrain", r"russia"], ["乌克兰", "俄罗斯", "乌克兰危机"], "Ukraine and Russia", True),
    _c("dprk", SUBJECT, [r"dprk", r"north korea", r"korean peninsula"], ["朝鲜", "半岛"], "the DPRK", True),
    _c(
        "middle-east",
        SUBJECT,
        [r"middle east", r"gaza", r"israel", r"iran"],
        ["中东", "加沙", "巴以", "伊朗"],
        "the Middle East",
        True,
    ),
    _c(
        "south-china-sea", SUBJECT, [r"south china sea", r"philippine"], ["南海", "菲律宾"], "the South China Sea", True
    ),
    _c(
        "human-rights",
        SUBJECT,
        [r"human rights", r"xinjiang", r"tibet", r"hong kong"],
        ["人权", "新疆", "西藏", "香港"],
        "human rights",
        True,
    ),
    _c(
        "export-controls",
        SUBJECT,
        [r"export control", r"advanced (?:u\.s\. )?technolog", r"national security", r"semiconductor", r"chip"],
        ["出口管制", "芯片", "半导体", "科技封锁", "打压"],
        "export controls and technology",
        True,
    ),
    _c("allies", SUBJECT, [r"all(?:y|ies)\b", r"indo-pacific"], ["盟友", "印太"], "alliances", True),
    _c("tariffs", SUBJECT, [r"tariff", r"sanction"], ["关税", "制裁"], "tariffs and sanctions", True),
    _c("cyber", SUBJECT, [r"cyber", r"hack"], ["网络安全", "网络攻击", "黑客"], "cyber security", True),
    _c(
        "fugitives",
        SUBJECT,
        [r"fugitive", r"repatriat", r"illegal immigra"],
        ["追逃", "遣返", "非法移民"],
        "repatriation",
    ),
    _c(
        "students",
        SUBJECT,
        [r"student", r"education", r"scholar", r"academic"],
        ["留学生", "教育", "学者", "学生"],
        "students and education",
    ),
    _c("journalists", SUBJECT, [r"journalist", r"media", r"press"], ["记者", "媒体"], "journalists"),
    _c("youth", SUBJECT, [r"youth", r"young"], ["青年", "青少年"], "youth exchanges"),
    _c(
        "culture", SUBJECT, [r"cultur", r"sport", r"tourism", r"tourist"], ["文化", "体育", "旅游"], "culture and sport"
    ),
    _c(
        "health",
        SUBJECT,
        [r"health", r"pandemic", r"disease"],
        ["卫生", "健康", "疫情", "公共卫生"],
        "public health",
        True,
    ),
    _c("food-security", SUBJECT, [r"food security", r"food"], ["粮食"], "food security"),
    _c("macroeconomy", SUBJECT, [r"macroeconom", r"macro-econom"], ["宏观经济"], "macroeconomic policy"),
    _c("visits", SUBJECT, [r"visit", r"trip"], ["访问", "访华", "访美", "互访", "到访"], "visits"),
    _c("phone-call", SUBJECT, [r"telephone", r"phone", r"\bcall\b"], ["通话", "电话"], "telephone calls"),
    # --- fields of policy ------------------------------------------------------------------------
    _c(
        "military",
        FIELD,
        [r"military", r"defen[cs]e\b", r"armed forces", r"mil-mil"],
        ["两军", "军事", "国防", "军队", "军"],
        "military relations",
        True,
    ),
    _c("law-enforcement", FIELD, [r"law enforcement", r"police", r"policing"], ["执法", "警务"], "law enforcement"),
    _c(
        "economy",
        FIELD,
        [r"econom", r"commerc", r"business", r"trade\b"],
        ["经济", "经贸", "商务", "工商", "贸易"],
        "the economy and trade",
        True,
    ),
    _c("finance", FIELD, [r"financ", r"treasury", r"monetary"], ["金融", "财金", "财政"], "finance"),
    _c("diplomacy", FIELD, [r"diploma", r"foreign minist", r"secretary of state"], ["外交"], "diplomacy"),
    _c(
        "exchanges",
        FIELD,
        [r"people-to-people", r"exchange", r"ties between (?:the )?(?:two )?peoples"],
        ["人文交流", "交流", "民间"],
        "people-to-people exchanges",
    ),
    _c(
        "international",
        FIELD,
        [r"international", r"regional", r"global issue", r"global challenge", r"multilateral"],
        ["国际", "地区", "全球性", "多边"],
        "international and regional issues",
    ),
    _c("agriculture", FIELD, [r"agricultur", r"farm"], ["农业", "农产品"], "agriculture"),
    _c("energy", FIELD, [r"energy", r"\boil\b", r"\bgas\b"], ["能源", "石油", "天然气"], "energy"),
    # --- the shared vocabulary of readouts (low weight) ------------------------------------------
    _c(
        "communication",
        COMMON,
        [r"communicat", r"channel", r"contact", r"in touch", r"dialogue"],
        ["沟通", "联系", "渠道", "对话"],
        "communication",
    ),
    _c(
        "consultation",
        COMMON,
        [r"consultation", r"talks\b", r"mechanism", r"working-level"],
        ["磋商", "会晤", "机制"],
        "consultation mechanisms",
    ),
    _c("teams", COMMON, [r"\bteams?\b", r"officials"], ["团队", "官员"], "teams and officials"),
    # "the two leaders" / "两国元首" is who speaks in every sentence of a readout, not what is pledged
    _c("high-level", COMMON, [r"high-level", r"senior"], ["高层", "高级"], "high-level contact"),
    _c(
        "follow-up",
        COMMON,
        [r"follow[- ]?up", r"implement", r"carry out", r"build on", r"consensus", r"vision"],
        ["跟进", "落实", "共识", "愿景"],
        "following up agreements",
    ),
    _c("resume", COMMON, [r"resum", r"restor", r"re-?establish", r"reopen"], ["恢复", "重启"], "resuming"),
    _c(
        "establish",
        COMMON,
        [r"establish", r"set up", r"launch", r"creat"],
        ["建立", "成立", "设立", "启动"],
        "establishing",
    ),
    _c(
        "increase",
        COMMON,
        [r"increas", r"expan", r"more\b", r"further"],
        ["增加", "扩大", "进一步", "更多"],
        "expanding",
    ),
    _c(
        "manage",
        COMMON,
        [r"responsibl", r"manag", r"stabili", r"competition", r"difference"],
        ["管控", "管理", "分歧", "稳定", "竞争"],
        "managing the relationship",
    ),
    _c("cooperation", COMMON, [r"cooperat", r"collaborat", r"work together"], ["合作"], "cooperation"),
    # --- further subjects and fields ---------------------------------------------------------------
    _c(
        "arms-control",
        SUBJECT,
        [r"arms control", r"nonproliferation", r"non-proliferation", r"disarmament"],
        ["军控", "不扩散", "裁军"],
        "arms control",
        True,
    ),
    _c("maritime", FIELD, [r"maritime", r"ocean", r"fisher"], ["海洋", "海上", "渔业"], "maritime affairs"),
    _c("space", SUBJECT, [r"outer space", r"\bspace\b"], ["太空", "外空"], "outer space"),
    _c("terrorism", SUBJECT, [r"terroris"], ["恐怖", "反恐"], "counter-terrorism", True),
    _c("visas", SUBJECT, [r"visa"], ["签证", "免签"], "visas"),
    _c("missions", SUBJECT, [r"embass", r"consulat", r"diplomatic mission"], ["使馆", "领馆", "使领馆"], "embassies"),
    _c("supply-chains", SUBJECT, [r"supply chain"], ["供应链", "产业链"], "supply chains"),
    _c("investment", FIELD, [r"invest"], ["投资"], "investment"),
    _c("afghanistan", SUBJECT, [r"afghan"], ["阿富汗"], "Afghanistan", True),
    _c("myanmar", SUBJECT, [r"myanmar", r"burma"], ["缅甸"], "Myanmar", True),
    # --- more mechanisms and fields --------------------------------------------------------------
    _c("coordination", COMMON, [r"coordinat"], ["协调"], "policy coordination"),
    _c("government", COMMON, [r"government", r"intergovernmental"], ["政府"], "government-to-government"),
    _c("science", FIELD, [r"scien", r"research"], ["科技", "科学", "科研"], "science and technology"),
    _c(
        "development", FIELD, [r"development finance", r"debt", r"poverty"], ["债务", "减贫", "发展融资"], "development"
    ),
    _c("green", FIELD, [r"clean energy", r"renewable", r"green"], ["清洁能源", "可再生", "绿色"], "clean energy"),
    _c("disaster", SUBJECT, [r"disaster", r"humanitarian"], ["灾害", "救灾", "人道"], "disaster relief"),
    _c("crime", SUBJECT, [r"crime", r"money laundering", r"smuggl"], ["犯罪", "洗钱", "走私"], "transnational crime"),
)

# Strength cue words, shown beside a "one side firmer" pair. firm > intent > hedged.
STRENGTH_CUES: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "firm": (
            "agreed",
            "agree",
            "will",
            "committed to",
            "decided",
            "pledged",
            "tasked",
            "shall",
            "welcomed",
            "resume",
            "resuming",
            "reaffirmed",
            "continue to",
        ),
        "intent": (
            "intend",
            "work towards",
            "work toward",
            "strive",
            "seek",
            "aim",
            "called for",
            "expect",
            "hope",
            "committed to work",
            "endeavour",
            "endeavor",
            "plan to",
        ),
        "hedged": ("may", "could", "might", "explore", "consider", "as appropriate", "where possible", "discuss"),
    },
    "zh": {
        "firm": ("同意", "商定", "决定", "承诺", "将", "责成", "一致", "确认", "恢复", "成立", "建立"),
        "intent": ("愿", "致力于", "努力", "争取", "期待", "希望", "推动", "计划"),
        "hedged": ("可以", "可", "探讨", "研究", "考虑", "适时", "视情"),
    },
}

STRENGTH_ORDER = {"hedged": 0, "intent": 1, "firm": 2}

_CJK = re.compile(r"[\u3400-\u9fff]")
_DIGITS = re.compile(r"(?<![\d.])\d+(?:[.,]\d+)?")
_ZH_NUMERAL = re.compile(r"[零〇一二两三四五六七八九十百千万]+")
_ZH_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_UNIT = {"十": 10, "百": 100, "千": 1000, "万": 10000}
_EN_NUMBER = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
    "twenty": 20,
    "thirty": 30,
    "hundred": 100,
}
_EN_NUMBER_RE = re.compile(r"\b(" + "|".join(_EN_NUMBER) + r")\b", re.I)
# Numbers every readout carries that say nothing about which pledge a sentence is.
_NOISE_NUMBERS = {1, 2}


def is_chinese(text: str) -> bool:
    """More CJK characters than Latin letters."""
    cjk = len(_CJK.findall(text))
    latin = sum(1 for ch in text if "a" <= ch.lower() <= "z")
    return cjk > latin


def _compiled() -> list[tuple[Concept, re.Pattern[str]]]:
    return [(c, re.compile(r"(?<![a-z])(?:" + "|".join(c.en) + ")", re.I)) for c in CONCEPTS]


_EN_PATTERNS = _compiled()


def concepts_in(text: str, language: str | None = None) -> set[str]:
    """The concept keys a text names, whichever its language (`language` "en"/"zh", else guessed)."""
    language = language or ("zh" if is_chinese(text) else "en")
    if language.startswith("zh"):
        found = {c.key for c in CONCEPTS if any(word in text for word in c.zh)}
    else:
        found = {c.key for c, pattern in _EN_PATTERNS if pattern.search(text)}
    return found | {f"number:{n}" for n in numbers_in(text, language)}


def zh_numeral(text: str) -> int | None:
    """十二 -> 12, 三十 -> 30, 两 -> 2, 二〇二四 style digit runs -> 2024; None if not a numeral."""
    if not text:
        return None
    if all(ch in _ZH_DIGIT for ch in text) and len(text) > 1:
        return int("".join(str(_ZH_DIGIT[ch]) for ch in text))
    total, current = 0, 0
    for ch in text:
        if ch in _ZH_DIGIT:
            current = _ZH_DIGIT[ch]
        elif ch in _ZH_UNIT:
            unit = _ZH_UNIT[ch]
            if unit == 10000:
                total = (total + (current or 0)) * unit
            else:
                total += (current or 1) * unit
            current = 0
    return total + current


def numbers_in(text: str, language: str | None = None) -> set[int]:
    """Numbers written in digits, in English words or in Chinese numerals, normalised to integers."""
    language = language or ("zh" if is_chinese(text) else "en")
    found = set()
    for match in _DIGITS.finditer(text):
        try:
            found.add(int(float(match.group().replace(",", ""))))
        except ValueError:
            continue
    if language.startswith("zh"):
        for match in _ZH_NUMERAL.finditer(text):
            value = zh_numeral(match.group())
            if value is not None:
                found.add(value)
    else:
        found.update(_EN_NUMBER[m.group(1).lower()] for m in _EN_NUMBER_RE.finditer(text))
    return found - _NOISE_NUMBERS


def weight(key: str) -> float:
    if key.startswith("number:"):
        return SUBJECT
    if key.startswith("year:"):
        return FIELD
    return _WEIGHTS.get(key, COMMON)


_WEIGHTS = {c.key: c.weight for c in CONCEPTS}
_LABELS = {c.key: c.label for c in CONCEPTS}
SALIENT = frozenset(c.key for c in CONCEPTS if c.salient)


def label(key: str) -> str:
    if key.startswith(("number:", "year:")):
        return key.split(":", 1)[1]
    return _LABELS.get(key, key)


def strength_cues(text: str, strength: str, language: str | None = None) -> list[str]:
    """The words of `text` that carry its strength (e.g. ["committed to work", "towards"] -> intent)."""
    language = "zh" if (language or ("zh" if is_chinese(text) else "en")).startswith("zh") else "en"
    cues = STRENGTH_CUES[language].get(strength, ())
    if language == "zh":
        found = [cue for cue in cues if cue in text]
    else:
        lowered = text.lower()
        found = [cue for cue in cues if re.search(r"\b" + re.escape(cue) + r"\b", lowered)]
    # Keep the longest cues: "committed to work" says more than "committed to".
    return [cue for cue in found if not any(cue != other and cue in other for other in found)]


_CHINESE = {c.key: c.zh for c in CONCEPTS}


def chinese_terms(*keys: str) -> tuple[str, ...]:
    """The Chinese names of the given concepts, in lexicon order (shared with evidence reading)."""
    return tuple(term for key in keys for term in _CHINESE[key])
