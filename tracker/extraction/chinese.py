"""Commitments in Chinese text: the cues of devset-zh/README.md, clause by clause.

Chinese readouts chain clauses with "，", and the labelling rules split a sentence at its clauses
when only one of them commits or when their topics differ. So each clause is judged on its own:
- a clause commits when it carries a cue (同意, 商定, 决定, 承诺, 将, 致力于 ...: firm; 共同努力,
  计划, 拟, 争取: intent; 探讨, 研究, 积极考虑, 可: hedged), or when it follows such a clause in the
  same sentence without a cue of its own ("同意继续保持沟通势头，加强宏观经济政策协调");
- it does not when willingness, hope, "should", need, discussion, a past act or a condition
  governs it (愿, 希望, 应, 要, 有必要, 讨论, 已, 如);
- adjacent committing clauses with the same topic are one commitment;
- a lead-in ending in "：" that agrees (我们一致同意做好以下4个方面工作：) makes its enumerated
  items (一是…, 二是…) commitments of the parties.
Subjects: 双方, 两国, 两国元首, 各方, 我们 are the document's parties; 中方 is China, 美方 the United
States, and so on through the lexicon's Chinese aliases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.extraction.context import DocumentContext

FIRM, INTENT, HEDGED = "firm", "intent", "hedged"

_FIRM = re.compile(r"一致同意|同意|商定|决定|承诺|确认将|重申将|致力于|将继续|将进一步|将")
_INTENT = re.compile(r"将共同努力|共同努力|将努力|计划|拟|争取|力争")
_HEDGED = re.compile(r"探讨|研究|积极考虑|考虑|可以|可")
_VETO = re.compile(
    r"愿意|愿|准备|有意|希望|期待|期望|盼|应当|应该|(?<![因答回])应(?![对用邀])|(?<![重主需纲摘必首只])要(?![求点素闻])|"
    r"必须|有必要|认为|相信|如果|如|若|倘若|不寻求|不会|讨论|交换意见|已经|已|曾|正在|持续推进|敦促|支持|主张|"
    r"没有变|不变|没变|"
    r"呼吁.{0,6}(?:日方|美方|各国)"
)
_PAST = re.compile(r"了(?!解)|过去")
_UNCHANGED = re.compile(r"没有变|不会变|不变|没变")  # "…的目标没有变": a position, not a pledge
_PREDICTION = re.compile(r"^(?:这|此|该|它|这些|这将)|将为.{0,20}(?:空间|条件|机遇|动力)|带来|有利于")
_LOGISTICS = re.compile(r"将于|出席|访问|举行会晤|下次会议")
_COLLECTIVE = re.compile(r"双方|两国|两国元首|两国领导人|两国总理|各方|我们|成员国|各代表团")
_NUMERAL = "一二三四五六七八九十"
_ITEM = re.compile(rf"^(?:[{_NUMERAL}]+是|第[{_NUMERAL}]+[，、]|（[{_NUMERAL}\d]+）|\d+[.、])")
_LEAD_IN = re.compile(r"(?:同意|商定|决定).{0,20}[：:]\s*$|(?:同意|商定|决定).{0,12}以下")
_PARAGRAPH = re.compile(r"\s{2,}|\\n|\n")
_SENTENCE_END = re.compile(r"[。！？!?]")
_CONCRETE = re.compile(r"合作|机制|对话|磋商|会议|协议|协定|计划|项目|资金|美元|亿|倡议|伙伴|沟通|交流|解决")


@dataclass
class ChineseCandidate:
    start: int  # offsets into the text given to detect_chinese
    end: int
    parties: list[str]
    topics: list[str]
    strength: str
    confidence: float


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in _PARAGRAPH.finditer(text):
        if text[start : match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    position = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if text[position : match.end()].strip():
            spans.append((position, match.end()))
        position = match.end()
    if text[position:end].strip():
        spans.append((position, end))
    return spans


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    position = start
    for match in re.finditer(r"[，；;：:]", text[start:end]):
        cut = start + match.end()
        pieces.append((position, cut))
        position = cut
    if position < end:
        pieces.append((position, end))
    return [(a, b) for a, b in pieces if text[a:b].strip("，；;：: ")]


# One-character names in compounds: 中美 (China and the United States), 中欧, 中法 ...
_ONE_CHAR = {
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
_PAIR = re.compile(
    r"([中美欧法德日俄英印韩澳加越朝意])([中美欧法德日俄英印韩澳加越朝意])(?=双方|两国|关系|合作|领导人|元首)"
)


def pair_parties(text: str) -> list[str]:
    """The parties of the most frequent compound like 中美 or 中欧 in a text."""
    counts: dict[tuple[str, str], int] = {}
    for match in _PAIR.finditer(text):
        if match.group(1) != match.group(2):
            key = tuple(sorted((_ONE_CHAR[match.group(1)], _ONE_CHAR[match.group(2)])))
            counts[key] = counts.get(key, 0) + 1
    return list(max(counts, key=counts.get)) if counts else []


def _subject(clause: str, context: DocumentContext) -> list[str] | None:
    head = clause[:12]
    pair = _PAIR.search(head)
    if pair and pair.group(1) != pair.group(2):
        return sorted({_ONE_CHAR[pair.group(1)], _ONE_CHAR[pair.group(2)]})
    named = []
    for mention in context.lexicon.mentions(head):
        if mention.party:
            named.extend(context.lexicon.actors(mention, context.doc_date))
    if _COLLECTIVE.search(head[:6]) or re.match(r"中.双方|中.两国", head):
        return list(context.parties)
    if named:
        return sorted(set(named))
    return None


def _cue(clause: str) -> tuple[str | None, int]:
    """(strength, position) of the clause's commitment cue, or (None, -1)."""
    found = []
    for rank, (strength, regex) in enumerate(((INTENT, _INTENT), (HEDGED, _HEDGED), (FIRM, _FIRM))):
        match = regex.search(clause)
        if match:
            found.append((match.start(), rank, strength))
    if not found:
        return None, -1
    position, _order, strength = min(found)
    return strength, position


def detect_chinese(text: str, context: DocumentContext) -> list[ChineseCandidate]:
    results: list[ChineseCandidate] = []
    if not context.parties:
        context.parties = pair_parties(text)
    lead_in = False
    for p_start, p_end in _paragraphs(text):
        paragraph = text[p_start:p_end].strip()
        is_item = bool(_ITEM.match(paragraph))
        if not is_item:
            lead_in = False
        for s_start, s_end in _sentences(text, p_start, p_end):
            sentence = text[s_start:s_end].strip()
            if _LEAD_IN.search(sentence):
                lead_in = True
                continue
            if is_item and _ITEM.match(sentence) and len(sentence) < 14:
                continue  # "二是拓展务实合作。": the heading of an item, not its content
            results.extend(_sentence(text, s_start, s_end, context, committed_by_lead_in=is_item and lead_in))
    return results


def _sentence(text: str, s_start: int, s_end: int, context: DocumentContext, *, committed_by_lead_in: bool):
    """Committing clause groups of one sentence: from the first cue (or all of a listed item) to a
    clause that vetoes, cut where the topic changes."""
    lexicon = context.lexicon
    clauses = _clauses(text, s_start, s_end)
    sentence = text[s_start:s_end]
    subject = _subject(sentence.strip(), context)
    strength = FIRM if committed_by_lead_in else None
    chosen: list[tuple[int, int, list[str]]] = []
    for c_start, c_end in clauses:
        clause = text[c_start:c_end].strip()
        cue, position = _cue(clause)
        before = clause[: max(position, 0)] if cue else clause
        vetoed = _VETO.search(before) or (cue is None and _VETO.search(clause[:6]))
        if vetoed or _PAST.search(clause) or _UNCHANGED.search(clause):
            if chosen:
                break
            strength = FIRM if committed_by_lead_in else None
            continue
        if cue is not None and strength is None:
            if _PREDICTION.search(clause) or _LOGISTICS.search(clause):
                continue
            own = _subject(clause, context)
            if own is None and subject is None and not committed_by_lead_in and not _COLLECTIVE.search(sentence):
                continue  # a cue with nobody named to act on it
            strength = cue
            subject = own or subject
        if strength is None:
            continue
        chosen.append((c_start, c_end, _rank(clause, lexicon)))
    if not chosen:
        return []
    if not any(topics for _a, _b, topics in chosen) and not _CONCRETE.search(sentence):
        return []
    parties = lexicon.expand(subject or list(context.parties), context.doc_date)
    if not parties:
        return []
    groups: list[ChineseCandidate] = []
    for c_start, c_end, topics in chosen:
        start = c_start + (len(text[c_start:c_end]) - len(text[c_start:c_end].lstrip()))
        end = c_end
        while end > start and text[end - 1] in "，；;：: ":
            end -= 1
        # a clause without a topic of its own, or only general dialogue, goes with the clause before
        if groups and (not topics or topics == ["dialogue"] or not groups[-1].topics or topics[0] in groups[-1].topics):
            groups[-1].end = end
            if not groups[-1].topics:
                groups[-1].topics = topics
            continue
        groups.append(ChineseCandidate(start, end, parties, topics, strength or FIRM, 0.55))
    for group in groups:
        if not group.topics:
            group.topics = list(context.topics[:1]) or ["dialogue"]
    return groups


def _rank(clause: str, lexicon) -> list[str]:
    scores: dict[str, float] = {}
    for _start, _end, key in lexicon.topic_matches(clause):
        scores[key] = scores.get(key, 0.0) + (0.4 if key == "dialogue" else 1.0)
    return sorted(scores, key=lambda k: -scores[k])
