"""Chinese text cut into the units the labelling rules judge: paragraphs, sentences, clauses, and the
items of a list together with the lead-in that governs them.

Chinese outcome lists come in a few shapes, and each item inherits what its lead-in says:
- a lead-in sentence ending in "：" (我们一致同意做好以下4个方面工作：) before item paragraphs
  (一是…, （一）…, 第一，…, 1. …);
- a lead-in and its items in one sentence (同意…：一是…；二是…；, 李强建议，一是…；二是…);
- a paragraph that opens with an agreement and nothing else (——我们一致同意，…。…。…。): the
  sentences after it that name no actor of their own are further items of the same agreement.
A lead-in is read for its kind (agreed, proposed, normative "要", announced measures) and its actor.

Markup that survives cleaning in news records (HTML <p>, <br>, <strong>, &nbsp; and the literal "\\n"
of JSON records) separates paragraphs and clauses; it is never part of a unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NUMERAL = "一二三四五六七八九十"

# Paragraph breaks: blank lines, line breaks, the "\n" escapes of a JSON record, and HTML block tags.
PARAGRAPH_BREAK = re.compile(r"\s*\n\s*|\\n|\s*</?p\b[^>]*>\s*|\s*<br\s*/?>\s*|\s{2,}", re.I)
SENTENCE_END = re.compile(r"[。！？!?]")
CLAUSE_END = re.compile(r"[，；;：:]")
# Inline markup and entities: not text, so a clause never starts or ends in them.
MARKUP = re.compile(r"</?[a-zA-Z][^>]*>|&(?:nbsp|amp|lt|gt|quot);|\\[nt]")
EDGE = '，；;：:、 \u3000\t“”"'

# Item markers: 一是 / 二要 / 第一， / 第一条 / （一） / (1) / 1. / 1、 / 一、 / ——
ITEM_MARKER = re.compile(
    rf"\s*(?:[{NUMERAL}]+是(?:要)?|[{NUMERAL}]要|首先要?|其次|第[{NUMERAL}]+(?:条|项|点)?[，、,]?|（[{NUMERAL}\d]+）|\(\d+\)|\d+[.、．](?!\d)|\d+）|"
    rf"[{NUMERAL}]+、|——)\s*"
)
# The markers an item inside a sentence starts with (after "：" or "；").
INLINE_MARKER = re.compile(
    rf"\s*(?:[{NUMERAL}]+是|[{NUMERAL}]要|第[{NUMERAL}]+[，、]|（[{NUMERAL}\d]+）|\(\d+\)|\d+[.、．](?!\d)|\d+）)\s*"
)

# Lead-in kinds: what the items below a lead-in inherit.
AGREED, PROPOSED, NORMATIVE, ANNOUNCED = "agreed", "proposed", "normative", "announced"
LEAD_IN_KINDS = (
    # 要 first: "今年要坚持几条原则：" is an exhortation even when it names an agreement
    (NORMATIVE, re.compile(r"(?<![重主需纲摘必首只])要(?![求点素闻])|应当|应该")),
    (PROPOSED, re.compile(r"建议|倡议|提出.{0,6}(?:主张|设想|举措|倡议)")),
    # "双方将在以下领域开展合作：" carries "will" into its items as an agreement does
    (AGREED, re.compile(r"一致同意|同意|商定|决定|达成.{0,8}共识|^(?:双方|两国|各方|三方|我们)(?:还)?将(?!于)")),
    (ANNOUNCED, re.compile(r"宣布|举措|措施")),
)
# A sentence that opens a list: ends in "：", or says what follows ("以下", "如下", "N点建议").
OPENS_LIST = re.compile(rf"[：:]\s*$|以下|如下|(?:[{NUMERAL}\d]+|几|两)(?:点|项|条|个方面)")
# "…同意…：一是…" or "李强建议，一是…": a lead-in followed by its first item inside one sentence.
INLINE_LEAD_IN = re.compile(
    r"[^。；;]*?(?:[：:]|(?:建议|倡议|同意|主张)[，,])(?=\s*(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，、]|"
    r"（[一二三四五六七八九十\d]+）|\(\d+\)|\d+[.、．](?!\d)|\d+）))"
    # "双方同意推动…合作，包括：成立…；建立…；恢复…。": items without markers, one per "；"
    r"|[^。；;]*?[：:](?=[^。；;]+[；;][^。]*[。！？]?)"
)
# A paragraph that opens with an agreement and nothing else ("我们一致同意，"), or an em-dash item of
# an outcome list that opens with one ("——双方同意加强…。扩大…。")
BARE_AGREEMENT = re.compile(
    r"^\s*(?:——\s*[^，。；]{0,12}?(?:一致同意|同意|商定|决定)[，,：:]?|[^，。；]{0,12}?(?:一致同意|同意|商定|决定)[，,：:])"
)


@dataclass(frozen=True)
class Lead:
    kind: str  # AGREED, PROPOSED, NORMATIVE or ANNOUNCED
    text: str  # the lead-in itself, for its actor and its deadline


@dataclass(frozen=True)
class Unit:
    start: int
    end: int
    lead: Lead | None = None  # the lead-in whose item this unit is
    paragraph: int = 0  # the index of its paragraph: an actor-less sentence may take the actor before it


def paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in PARAGRAPH_BREAK.finditer(text):
        if text[start : match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    position = start
    for match in SENTENCE_END.finditer(text, start, end):
        if text[position : match.end()].strip():
            spans.append((position, match.end()))
        position = match.end()
    if text[position:end].strip():
        spans.append((position, end))
    return spans


# "、" joins verb phrases as well as nouns: "加强禁毒合作、扩大人文交流" is two clauses, "深化教育、文化、
# 旅游等领域合作" one. It cuts only before an action verb, after a phrase of its own.
VERB_AFTER_ENUMERATION = re.compile(
    r"(?<=[\u4e00-\u9fff]{4})(?<!加强)(?<!深化)(?<!扩大)(?<!推进)(?<!推动)(?<!拓展)"
    r"、(?=(?:年内|年底前|明年|今年|尽快|尽早|共同|积极|进一步|继续)?"
    r"(?:加强|扩大|深化|推进|推动|举行|召开|建立|设立|开展|启动|签署|商签|完成|落实|提供|派遣|开通|实施|恢复)"
    r"[^、，。；]{3})"
)


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of a sentence, cut after "，", "；" and "：", before a verb phrase joined by "、",
    and at inline markup."""
    pieces = []
    position = start
    pattern = rf"{CLAUSE_END.pattern}|{VERB_AFTER_ENUMERATION.pattern}|{MARKUP.pattern}"
    for match in re.finditer(pattern, text[start:end]):
        cut = start + match.end()
        pieces.append((position, cut))
        position = cut
    if position < end:
        pieces.append((position, end))
    return [(a, b) for a, b in pieces if MARKUP.sub("", text[a:b]).strip(EDGE + "。")]


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without markup, an item marker or clause punctuation at its edges (the final "。" stays)."""
    changed = True
    while changed and start < end:
        changed = False
        markup = MARKUP.match(text, start, end)
        if markup:
            start, changed = markup.end(), True
        while start < end and text[start] in EDGE + "。":
            start, changed = start + 1, True
        marker = ITEM_MARKER.match(text, start, end)
        if marker and marker.end() > start:
            start, changed = marker.end(), True
    changed = True
    while changed and end > start:
        changed = False
        tail = re.search(rf"(?:{MARKUP.pattern})\s*$", text[start:end])
        if tail:
            end, changed = start + tail.start(), True
        while end > start and text[end - 1] in EDGE and not _closes_quote(text, start, end):
            end, changed = end - 1, True
    return start, end


def _closes_quote(text: str, start: int, end: int) -> bool:
    """Whether the span's last character closes a quotation opened inside it (“旧金山愿景”): it stays."""
    return text[end - 1] == "”" and text.count("“", start, end) > text.count("”", start, end - 1)


def lead_kind(lead_in: str) -> str | None:
    for kind, pattern in LEAD_IN_KINDS:
        if pattern.search(lead_in):
            return kind
    return None


def inline_items(text: str, start: int, end: int) -> tuple[Lead, list[tuple[int, int]]] | None:
    """A sentence holding its own lead-in and items ("…同意…：一是…；二是…"): the lead and each item
    without its marker; None when the sentence is no such list."""
    lead = INLINE_LEAD_IN.match(text, start, end)
    if lead is None:
        return None
    kind = lead_kind(text[start : lead.end()])
    if kind is None:
        return None
    items = []
    for piece in re.finditer(r"[^；;]+[；;]?", text[lead.end() : end]):
        a, b = lead.end() + piece.start(), lead.end() + piece.end()
        marker = INLINE_MARKER.match(text, a, b)
        if marker:
            a = marker.end()
        if text[a:b].strip("；;。 "):
            items.append((a, b))
    return Lead(kind, text[start : lead.end()]), items


# Who reported, where and when, before the first sentence's words: "新华社北京3月14日电 ",
# "央视网消息（新闻联播）：", "据塔斯社报道，", "当地时间8日，"
DATELINE = re.compile(
    r"\s*(?:(?:新华社|中新社|人民网|央视网|新华网|本报)[^，。：:]{0,24}?(?:电|消息|讯)(?:<[^>]+>)*(?:[（(][^）)]{0,12}[）)])?[：:\s]*"
    r"|据[^，。]{1,20}?报道[，,]\s*)?(?:(?:当地时间|北京时间|[^，。]{0,6}时间)[^，。]{1,16}?[，,]\s*)?"
)
# "中方建议，金砖国家…": one party's proposal for the actors named after it.
PROPOSAL_FRAME = re.compile(r"\s*[^，。；]{0,12}?(?:建议|提议)[，,：:]")


def units(text: str) -> list[Unit]:
    """Every sentence of the text as a unit, items of a list carrying their lead-in. A lead-in ending
    in "：" or announcing "以下…" is not a unit itself; one that only counts its items ("宣布…6项举措。")
    is judged too. A lead-in governs the rest of its paragraph and the item paragraphs after it."""
    found: list[Unit] = []
    lead: Lead | None = None
    for number, (p_start, p_end) in enumerate(paragraphs(text)):
        paragraph = MARKUP.sub("", text[p_start:p_end]).strip()
        # a numbered item keeps the lead-in above it; so does a "——" item under a lead-in ending in "："
        if not (ITEM_MARKER.match(paragraph) and (not paragraph.startswith("——") or _opened_by_colon(lead))):
            lead = None
        bare = BARE_AGREEMENT.match(paragraph)
        if bare:
            lead = None
        spans = sentences(text, p_start, p_end)
        for index, (s_start, s_end) in enumerate(spans):
            if index == 0 and len(spans) > 1 and is_item_heading(MARKUP.sub("", text[s_start:s_end]).strip()):
                continue  # "三是促进人文交流。" before the sentences that say how: a heading
            s_start = _after_dateline(text, s_start, s_end)
            sentence = MARKUP.sub("", text[s_start:s_end]).strip()
            marked = _marked_items(text, s_start, s_end) if lead is not None else None
            if marked:
                # "…从四个方面推出新的政策措施。一是…；二是…。": the counting lead-in only introduces them
                if (
                    found
                    and found[-1].paragraph == number
                    and found[-1].lead is None
                    and lead is not None
                    and lead.text in text[found[-1].start : found[-1].end]
                ):
                    found.pop()
                found.extend(Unit(a, b, lead, number) for a, b in marked)
                continue
            inline = inline_items(text, s_start, s_end)
            if inline is not None:
                lead, items = inline
                found.extend(Unit(a, b, lead, number) for a, b in items)
                continue
            frame = PROPOSAL_FRAME.match(text, s_start, s_end)
            if frame and lead is None:
                found.append(Unit(frame.end(), s_end, Lead(PROPOSED, text[s_start : frame.end()]), number))
                continue
            kind = lead_kind(sentence)
            if kind and OPENS_LIST.search(sentence) and not ITEM_MARKER.match(sentence):
                lead = Lead(kind, sentence)
                if sentence.endswith(("：", ":")) or re.search(r"以下|如下", sentence):
                    continue
                found.append(Unit(s_start, s_end, None, number))
                continue
            if bare and index > 0:
                found.append(Unit(s_start, s_end, Lead(AGREED, bare.group(0)), number))
                continue
            found.append(Unit(s_start, s_end, lead, number))
    return found


def _opened_by_colon(lead: Lead | None) -> bool:
    """Whether a lead-in ends in "：" ("双方同意：") and so governs the "——" items below it."""
    return lead is not None and lead.text.rstrip().endswith(("：", ":"))


def _marked_items(text: str, start: int, end: int) -> list[tuple[int, int]] | None:
    """The items of a sentence that is itself a list ("一是…；二是…；三是…。"), each without its marker;
    None when the sentence does not open with a marker or holds one item only."""
    pieces = [(start + m.start(), start + m.end()) for m in re.finditer(r"[^；;]+[；;]?", text[start:end])]
    if len(pieces) < 2 or not all(INLINE_MARKER.match(text, a, b) for a, b in pieces[:2]):
        return None
    items = []
    for a, b in pieces:
        marker = INLINE_MARKER.match(text, a, b)
        items.append((marker.end() if marker else a, b))
    return items


# The heading of a numbered item: a short phrase with no clause break, a general verb and its aim
# ("二是拓展务实合作。", "三是促进人文交流。"); "一是建立联合工作组。" is an item of its own
ITEM_HEADING_LENGTH = 12
HEADING_VERB = re.compile(r"增进|拓展|促进|推动|深化|加强|扩大|巩固|提升|密切|夯实|携手|共同")


def is_item_heading(sentence: str) -> bool:
    """A numbered item's first sentence that only names it, when sentences of its own follow."""
    marker = ITEM_MARKER.match(sentence)
    if not marker or marker.end() == 0 or sentence.startswith("——"):
        return False
    body = sentence[marker.end() :].rstrip("。！？!?")
    return len(body) <= ITEM_HEADING_LENGTH and not CLAUSE_END.search(body) and bool(HEADING_VERB.match(body))


def _after_dateline(text: str, start: int, end: int) -> int:
    """The start of a sentence past its markup and its dateline."""
    position = start
    while (markup := MARKUP.match(text, position, end)) or text[position:end][:1].isspace():
        position = markup.end() if markup else position + 1
    dateline = DATELINE.match(text, position, end)
    if dateline and dateline.end() > position:
        position = dateline.end()
        while markup := MARKUP.match(text, position, end):
            position = markup.end()
    return position
