"""Who acts in a Chinese clause: a party, a side, a pair, a state organ or a collective.

- Collectives (双方, 两国, 两国元首, 各方, 我们, 三方, 成员国, 与会领导人, 会议 ...) are the document's
  parties, groupings written out as their members on the document's date (lexicon membership data).
- 中方 is China, 美方 the United States; a text that names 哈萨克斯坦 calls it 哈方 and pairs it as 中哈.
  A first character that only one country's Chinese name starts with (孟 for 孟加拉国) is that country
  even when the text never writes the full name.
- Chinese state organs (国务院, 商务部, 海关总署, 外交部 ...) act for China.
- The actor is the party a clause opens with, not one named later in it ("中方将向巴勒斯坦提供…").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from tracker.extraction.context import DocumentContext
from tracker.extraction.lexicon import Lexicon

NUMERAL = "一二三四五六七八九十"
CJK = re.compile(r"[\u3400-\u9fff]")

# One-character names in compounds: 中美 (China and the United States), 中欧, 中法 ...
ONE_CHAR = {
    "中": "China",
    "美": "United States",
    "欧": "EU",
    "法": "France",
    "德": "Germany",
    "日": "Japan",
    "俄": "Russia",
    "英": "United Kingdom",
    "印": "India",
    "韩": "South Korea",
    "澳": "Australia",
    "加": "Canada",
    "越": "Vietnam",
    "朝": "North Korea",
    "意": "Italy",
}
PAIR_AFTER = (
    "(?=双方|两国|两党|关系|合作|领导人|元首|外长|总理|建交|友谊|三方|三国|自由贸易|自贸|经贸|人文|投资协定|"
    "战略对话|峰会|会谈)"
)
MIDDLE_EAST = "东"  # 中东 is the Middle East, not China and Timor-Leste
COLLECTIVE = re.compile(
    r"双方|两国|两军|两国元首|两国领导人|两国总理|与会各方|各方|我们|各成员国|成员国|与会.{0,6}(?:领导人|外长|部长|代表团团长)|领导人|各代表团|会议|"
    r"各国(?:主管部门|政府|领导人|元首)|与会各国|"
    rf"三方|[{NUMERAL}]国(?=元首|领导人|外长|首脑|政府)?"
)
# A state organ of China: in a Chinese text it acts for China.
CHINESE_ORGAN = re.compile(
    r"(?:中国|我国)?(?:国务院|商务部|外交部|财政部|海关总署|国家发展改革委|国家[^，。]{1,8}(?:局|委员会)|中国政府|我国)"
)
NOT_SIDE = set("中双我各对该本他你三两")  # 双方, 我方, 各方, 对方, 三方 ... are no country's side
JOIN = re.compile(r"\s*(?:和|与|同|及|、|以及)\s*")
LEADING = re.compile(
    rf"^[\s“”\"]*(?:——)?(?:[{NUMERAL}]+是|[{NUMERAL}]+、|第[{NUMERAL}]+(?:条|项|点)|\d+[.、．](?!\d)|\d+）|（[{NUMERAL}\d]+）)?\s*"
    r"(?:此外|同时|另外|其中|还|也|并|而|同日|会上|会后|会谈后)?[，,]?\s*(?:可由|由)?"
)
CHINA_SPEAKS = re.compile(r"中方|我国|国家主席|国务院总理")
# China's leader at the meeting, named by title only: "国务院总理李强出席…会议"
CHINA_ATTENDS = re.compile(
    r"(?:国家主席|国务院总理|国务院副总理|外交部长)[\u4e00-\u9fff]{2,3}?(?:在[^，。]{1,12})?(?:出席|与会|参加)"
)
BODY = re.compile(r"(?:委员会|秘书处|政府|方面)")


@functools.lru_cache(maxsize=4)
def unique_initials(lexicon: Lexicon) -> dict[str, str]:
    """First characters that start the Chinese name of exactly one country ("孟" -> Bangladesh)."""
    seen: dict[str, set[str]] = {}
    for entry in lexicon.parties:
        if entry.kind != "country":
            continue
        for alias in entry.aliases:
            if CJK.match(alias) and len(alias) >= 2 and not alias.endswith("方"):
                seen.setdefault(alias[0], set()).add(entry.name)
    return {char: next(iter(names)) for char, names in seen.items() if len(names) == 1 and char not in NOT_SIDE}


def compounds(text: str, chars: dict[str, str], *, anchored: bool = False) -> list[tuple[str, ...]]:
    """The parties of each compound like 中美 (双方), 中欧 (关系) or 中日韩 (合作) in ``text`` (only at
    its start when ``anchored``)."""
    known = re.escape("".join(chars))
    pattern = re.compile(rf"([{known}])([{known}])([{known}])?{PAIR_AFTER}")
    found = []
    for match in [pattern.match(text)] if anchored else pattern.finditer(text):
        if match is None:
            continue
        parties = tuple(sorted({chars[c] for c in match.groups() if c}))
        if len(parties) == len([c for c in match.groups() if c]):
            found.append(parties)
    return found


def pair_parties(text: str, chars: dict[str, str] | None = None) -> list[str]:
    """The parties of the most frequent compound like 中美 or 中日韩 in a text."""
    counts: dict[tuple[str, ...], int] = {}
    for parties in compounds(text, chars or ONE_CHAR):
        counts[parties] = counts.get(parties, 0) + 1
    return list(max(counts, key=counts.get)) if counts else []


# Officials by their title: "智利总统博里奇", "国家主席习近平", "国务院总理李强"; a later "博里奇表示，将…"
# speaks for that party.
OFFICIAL_TITLE = "总统|总理|首相|副总统|副总理|外长|外交部长|部长|国王|主席|议长|大使|国务卿|秘书长|特使"
CHINESE_TITLE = re.compile(
    r"(?:国家主席|国务院总理|国务院副总理|国务委员|外交部长|中共中央政治局委员|中央外办主任)"
    r"([\u4e00-\u9fff]{2,3}?)(?=[同与和在，、出会表指强说宣\d])"
)
FOREIGN_TITLE = re.compile(rf"(?:{OFFICIAL_TITLE})([\u4e00-\u9fff]{{2,4}}?)(?=[同与和在，、出会表指强说宣。])")


def find_officials(text: str, lexicon: Lexicon) -> dict[str, str]:
    """Names of officials and the party each speaks for, from "<country><title><name>" and from the
    titles of China's leaders."""
    officials = {m.group(1): "China" for m in CHINESE_TITLE.finditer(text)}
    for match in FOREIGN_TITLE.finditer(text):
        before = text[max(0, match.start() - 12) : match.start()]
        mentions = [m for m in lexicon.mentions(before) if m.party and m.end == len(before)]
        if mentions and match.group(1) not in officials:
            officials[match.group(1)] = mentions[-1].party
    return officials


@dataclass
class Names:
    """A document's short forms of its parties: "哈方" (the Kazakh side) and "哈" in "中哈". Built from
    the Chinese names of the parties the text names, as Chinese writes a side by the first character
    of its name, and from the characters only one country's name starts with."""

    sides: dict[str, str]  # "哈方" -> "Kazakhstan"
    chars: dict[str, str]  # "哈" -> "Kazakhstan" (with the fixed one-character names)
    officials: dict[str, str] = field(default_factory=dict)  # "博里奇" -> "Chile"
    displaced: set[str] = field(default_factory=set)  # "Brazil" when "巴方" is Pakistan in this text

    @classmethod
    def build(cls, text: str, context: DocumentContext) -> Names:
        lexicon = context.lexicon
        mentions = [m for m in lexicon.mentions(text) if m.party]
        named = {m.party for m in mentions} | set(context.parties)
        # named in full, not only by a side form ("巴方"), which the lexicon may read as another country
        in_full = {m.party for m in mentions if not text[m.start : m.end].endswith("方")}
        # a party the text names only by a side form the lexicon reads ("巴方" as Brazil), unless the caller gave it
        side_only = {m.party for m in mentions} - in_full - (set(context.parties) if context.given else set())
        by_char: dict[str, set[str]] = {}
        for party in in_full | (set(context.parties) - side_only):
            for alias in _chinese_aliases(lexicon, party):
                if len(alias) >= 2:
                    by_char.setdefault(alias[0], set()).add(party)
        chars = dict(ONE_CHAR)
        for char, party in unique_initials(lexicon).items():
            # only where the text pairs it with China ("中孟关系"): 不, 以, 海 ... are words too; and not
            # where 中 and the character name a region (中亚 is Central Asia, 中东 the Middle East)
            region = char in MIDDLE_EAST or lexicon.canonical("中" + char) is not None
            if not region and re.search(f"中{char}{PAIR_AFTER}", text):
                chars.setdefault(char, party)
        for char, parties in by_char.items():
            if len(parties) == 1 and char not in NOT_SIDE and char not in ONE_CHAR:
                chars[char] = next(iter(parties))
        sides = {}
        displaced: set[str] = set()  # what the lexicon reads a side form as, where the text means another
        for char, party in chars.items():
            side = char + "方"
            # "巴方" is Brazil in the lexicon, Pakistan in a text that names Pakistan and not Brazil
            known = lexicon.canonical(side)
            if side in text and char not in NOT_SIDE and (known is None or known not in in_full):
                sides[side] = party
                if known not in (None, party):
                    displaced.add(known)
        for party in named:
            for alias in _chinese_aliases(lexicon, party):
                if 2 <= len(alias) <= 3 and lexicon.canonical(alias + "方") is None:
                    sides.setdefault(alias + "方", party)
        return cls(sides, chars, find_officials(text, lexicon), displaced)

    def at(self, text: str, position: int) -> tuple[str, int] | None:
        """(party, end) of the longest side form starting at ``position``."""
        for length in (4, 3, 2):
            side = text[position : position + length]
            if side in self.sides:
                return self.sides[side], position + length
        return None


def _chinese_aliases(lexicon: Lexicon, party: str) -> list[str]:
    entry = lexicon.party(party)
    return [a for a in (entry.aliases if entry else []) if CJK.match(a) and not a.endswith("方")]


def subject(clause: str, context: DocumentContext, names: Names | None = None) -> list[str] | None:
    """The actor a clause opens with: a party or a side ("中国和非盟还将…", "哈方将…"), a pair ("中法双方"),
    a Chinese state organ, or a collective (the document's parties); None when it opens with none."""
    lead = LEADING.match(clause)
    position = lead.end() if lead else 0
    head = clause[position : position + 16]
    chars = names.chars if names else ONE_CHAR
    pair = compounds(head, chars, anchored=True)
    if pair:
        return list(pair[0])
    if COLLECTIVE.match(head) or re.match(r"中.双方|中.两国|在双方", head):
        return list(context.parties)
    if CHINESE_ORGAN.match(head):
        return ["China"]
    found = _named_actors(head, context, names)
    if not found and names is not None:
        # "博里奇表示，将…": a reported clause without an actor of its own is its speaker's
        speaker = re.match(r"([\u4e00-\u9fff]{2,4}?)(?:表示|指出|强调|说|宣布|介绍)", head)
        found = [names.officials[speaker.group(1)]] if speaker and speaker.group(1) in names.officials else []
    return sorted(set(found)) if found else None


def _named_actors(head: str, context: DocumentContext, names: Names | None) -> list[str]:
    """Parties named at the start of ``head``, joined by 和 / 与 / 、 ("中方和非盟委员会"), with a partner
    of a joint action ("中方将同赞方共同推进…")."""
    found, at = _actors_from(head, 0, context, names)
    partner = WITH_PARTNER.match(head, at) if found else None
    if partner:
        others, end = _actors_from(head, partner.end(), context, names)
        if others and TOGETHER.match(head, end):
            found += others
    return found


# "中方将同赞方共同推进…", "中国还将与东盟一道…": a partner in the same action
WITH_PARTNER = re.compile(r"(?:还将|将继续|将)(?:同|与|和)")
TOGETHER = re.compile(r"一道|一起|共同|携手|联合")


def _actors_from(head: str, at: int, context: DocumentContext, names: Names | None) -> tuple[list[str], int]:
    """The parties named from ``at`` on and where their names end."""
    found: list[str] = []
    lexicon = context.lexicon
    while at < len(head):
        mention = next((m for m in lexicon.mentions(head[at:]) if m.start == 0 and m.party), None)
        side = names.at(head, at) if names else None
        if side is not None and (mention is None or mention.end <= side[1] - at):
            found.append(side[0])  # the document's own side form first: "巴方" after "巴基斯坦"
            at = side[1]
        elif mention is not None:
            found.extend(lexicon.actors(mention, context.doc_date))
            at += mention.end
        else:
            break
        body = BODY.match(head, at)  # "中方和非盟委员会": an organisation's body is the organisation
        if body:
            at = body.end()
        join = JOIN.match(head[at:])
        if not join:
            break
        at += join.end()
    return found, at


# Who attended: "中国、哈萨克斯坦、…六国元首出席", "中国国家主席习近平、巴西总统卢拉和俄罗斯总统普京出席"
ATTENDED = re.compile(r"出席|与会|参加|参会")
# Between two attending countries: a title and a name at most, then 、 / 和 / 及 / 与
ATTENDEE_GAP = re.compile(r"[^，。；：:（(]{0,14}?[、和及与]")


def attendees(text: str, context: DocumentContext) -> list[str]:
    """The countries of the longest list of three or more in a sentence that says they attended."""
    lexicon = context.lexicon
    best: list[str] = []
    for sentence in re.split(r"[。！？\n]", text):
        if not ATTENDED.search(sentence):
            continue
        run: list[str] = []
        end = None
        for mention in lexicon.mentions(sentence):
            countries = _attending_countries(mention.party, context)
            if not countries or "观察员" in sentence[max(0, mention.start - 4) : mention.start]:
                continue  # "东盟国家和东盟观察员东帝汶领导人…出席": an observer attends, no party
            if (
                end is not None
                and set(countries) <= set(run)
                and ATTENDEE_GAP.fullmatch(sentence[end : mention.start] + "、")
            ):
                end = mention.end  # the same country again ("中国国家主席习近平" names it twice)
                continue
            if end is None or not ATTENDEE_GAP.fullmatch(sentence[end : mention.start]):
                run = []
            run.extend(countries)
            end = mention.end
            if len(set(run)) > len(best):
                best = sorted(set(run))
    return best if len(best) >= 3 else []


def _attending_countries(party: str | None, context: DocumentContext) -> list[str]:
    """The countries a mention in an attendance list stands for: a country, or a grouping's members
    ("东盟十一国领导人、日本首相、韩国总统出席会议")."""
    if not party:
        return []
    if context.lexicon.is_country(party):
        return [party]
    members = context.lexicon.expand_collective([party], context.doc_date)
    return members if len(members) > 1 else []


# "蒙古国作为观察员国代表与会", "以嘉宾身份出席": present, but no party to what the members decide
OBSERVER = re.compile(r"作为(?:观察员|对话伙伴|嘉宾|特邀嘉宾|主席国客人)|以(?:观察员|对话伙伴|嘉宾)(?:国)?身份")


def observers(text: str, context: DocumentContext) -> set[str]:
    """Countries a clause names as observers or guests of the meeting."""
    lexicon = context.lexicon
    found: set[str] = set()
    for clause in re.split(r"[，,。；;！？\n]", text):
        if OBSERVER.search(clause):
            found |= {m.party for m in lexicon.mentions(clause) if m.party and lexicon.is_country(m.party)}
    return found


def document_parties(text: str, context: DocumentContext, names: Names) -> list[str]:
    """The document's parties when the caller gave none (observers and guests left out)."""
    parties = _document_parties(text, context, names)
    guests = set() if context.given else observers(text, context) - {"China"}
    members = [p for p in parties if p not in guests]
    return members if members else parties


def _document_parties(text: str, context: DocumentContext, names: Names) -> list[str]:
    """A compound naming both sides ("中美双方") says who the parties are more surely than counting
    mentions, which a dateline ("新华社北京") tilts; a side the text calls by its short form ("孟方") is a
    party too."""
    parties = [p for p in context.parties if context.given or p not in names.displaced]
    if not context.given:
        present = attendees(text, context)
        if present:
            # a full list of who attended is the parties; a partial one (a host named elsewhere) adds to them
            known = context.lexicon.expand_collective(parties, context.doc_date)
            found = present if len(present) >= len(known) else sorted({*known, *present})
            china_there = ("China" in known and CHINA_SPEAKS.search(text)) or CHINA_ATTENDS.search(text)
            if china_there and "China" not in found:
                found = sorted({"China", *found})  # a Chinese account of a meeting China attends
            return found
        parties = pair_parties(text, names.chars) or parties
        for side, party in names.sides.items():
            if party not in parties and side in text:
                parties = sorted({*parties, *context.lexicon.expand([party], context.doc_date)})
        if "China" not in parties and len(parties) > 1 and CHINA_SPEAKS.search(text):
            # a Chinese account of a summit China attends ("国家主席习近平…出席", "中方…")
            parties = sorted({"China", *parties})
        if len(parties) == 1 and "China" not in parties and COLLECTIVE.search(text):
            # a Chinese readout of a meeting with one named partner ("李强同孟加拉国总理会谈",
            # then "双方…"): the other side is China, whose leaders it names without a country
            parties = sorted({"China", *parties})
    return parties


# A spokesperson's answers: each question opens a section about its own matter ("问：…中国和老挝…")
QUESTION = re.compile(r"^[ \t\u3000]*(?:<[^>]+>)?\s*问[：:]", re.MULTILINE)


def answer_sections(text: str) -> list[tuple[int, int]]:
    """(start, end) of each question with its answer, in a text of two or more questions."""
    starts = [m.start() for m in QUESTION.finditer(text)]
    return list(zip(starts, [*starts[1:], len(text)], strict=True)) if len(starts) > 1 else []


def section_parties(section: str, context: DocumentContext, names: Names) -> list[str] | None:
    """The parties a question and its answer name (a pair like 中老, countries in full, side forms):
    their 双方 is these two, not every country of the briefing; None when the section names none."""
    lexicon = context.lexicon
    named = {m.party for m in lexicon.mentions(section) if m.party and lexicon.is_country(m.party)}
    named |= set(pair_parties(section, names.chars))
    named |= {party for side, party in names.sides.items() if side in section}
    if named and "China" not in named and CHINA_SPEAKS.search(section):
        named.add("China")
    return sorted(named) if len(named) > 1 else None


def resolve(actors: list[str] | None, context: DocumentContext) -> list[str]:
    """Actors as parties: a collective (the document's parties) with groupings written out as their
    members; a named party as itself (an organisation that speaks for members as its members)."""
    lexicon = context.lexicon
    if actors is None or actors == list(context.parties):
        return lexicon.expand_collective(actors or list(context.parties), context.doc_date)
    present = set(lexicon.expand_collective(list(context.parties), context.doc_date))
    out: set[str] = set()
    for actor in actors:
        members = lexicon.expand_collective([actor], context.doc_date)
        # "海方将…" in a text whose parties are the GCC's members: the side is those members
        out.update(
            members if len(members) > 1 and set(members) <= present else lexicon.expand([actor], context.doc_date)
        )
    return sorted(out)
