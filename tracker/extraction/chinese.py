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
States, and so on through the lexicon's Chinese aliases; a text that names 哈萨克斯坦 calls it 哈方 and
pairs it as 中哈. The actor is the party a clause opens with, not one named later in it; a sentence is
cut where the actor, the strength or the deadline changes; an outcome list inside one sentence
("同意…：一是…；二是…") commits each item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.extraction.context import DocumentContext
from tracker.extraction.deadlines import find_chinese_deadlines

FIRM, INTENT, HEDGED = "firm", "intent", "hedged"

_FIRM = re.compile(r"一致同意|同意|商定|决定|承诺|确认将|重申将|致力于|将继续|将进一步|将")
_INTENT = re.compile(r"将共同努力|共同努力|将努力|致力于推动|致力于促进|计划|拟|争取|力争")
# 支持 / 主张 / 呼吁 + a concrete joint action of the parties themselves: called for own action (intent)
_OWN_CALL = re.compile(
    r"(?:支持|主张|呼吁)(?:双方|两国|各方|中.双方|我们|彼此)?(?:尽快|尽早|早日|积极|共同)?"
    r"(?:启动|建立|签署|商签|举行|召开|达成|落实|开展|设立|成立|恢复|重启)"
)
# 可 is "may" only before a verb of doing ("双方可在…", "可视情…"), not in 可行, 可预期, 可持续
_HEDGED = re.compile(
    r"探讨|(?<!可行性)(?<!前期)(?<!联合)(?<!课题)研究(?=[\u4e00-\u9fff])(?!报告|成果|中心|机构|院|所|项目)"
    r"|积极考虑|考虑|可以|可(?=在|就|视|根据|按|通过|探讨|考虑|研究|开展|进一步|适时)"
)
# "将积极考虑", "还将探讨", "将共同努力": the verb after 将 sets the strength, as "will explore" does
_MODAL_THEN = re.compile(r"将(?:进一步|继续|积极|共同|一道|联合)?(?=探讨|研究|积极考虑|考虑|共同努力|努力|争取|力争)")
_VETO = re.compile(
    r"愿意|愿|准备|有意|希望|期待|期望|盼|应当|应该|(?<![因答回])应(?![对用邀])|(?<![重主需纲摘必首只])要(?![求点素闻])|"
    r"必须|有必要|认为|相信|如果|如|若|倘若|不寻求|不会|讨论|交换意见|已经|已|曾|正在|持续推进|敦促|支持|主张|"
    r"没有变|不变|没变|"
    r"呼吁.{0,6}(?:日方|美方|各国)"
)
_PAST = re.compile(r"了(?!解)|过去")
_UNCHANGED = re.compile(r"没有变|不会变|不变|没变")  # "…的目标没有变": a position, not a pledge
_PREDICTION = re.compile(r"^(?:这|此|该|它|这些|这将)|将为.{0,20}(?:空间|条件|机遇|动力)|带来|有利于")
_LOGISTICS = re.compile(
    r"(?:将于|定于).{0,20}(?:出席|访问|会见|会晤|主持|访华|出访)"
    r"|(?:将于|定于).{0,20}(?:举行|召开|举办)(?:[^，。；]{0,30}(?:会议|会谈|会晤|峰会|论坛|对话|磋商|年会|会)|[。，；]|$)"
    r"|出席|访问|举行会晤|下次会议|下一届|下届"
)
_COLLECTIVE = re.compile(
    r"双方|两国|两国元首|两国领导人|两国总理|与会各方|各方|我们|成员国|各代表团|[三四五六七八九十]国(?=元首|领导人|外长|首脑)"
)
_BARE_CUE = re.compile(r".{0,12}?(?:一致同意|同意|商定|决定|承诺|表示|认为)[，,：:；;]?")
_NUMERAL = "一二三四五六七八九十"
_ITEM_MARK = re.compile(rf"\s*(?:（[{_NUMERAL}\d]+）|[{_NUMERAL}]+、|\d+[.、])\s*")
_ITEM = re.compile(rf"^(?:[{_NUMERAL}]+是|第[{_NUMERAL}]+[，、]|（[{_NUMERAL}\d]+）|\d+[.、])")
_LEAD_IN = re.compile(r"(?:同意|商定|决定).{0,20}[：:]\s*$|(?:同意|商定|决定).{0,12}以下")
_PARAGRAPH = re.compile(r"\s{2,}|\\n|\n")
_SENTENCE_END = re.compile(r"[。！？!?]")
_CONCRETE = re.compile(
    r"合作|机制|对话|磋商|会议|协议|协定|计划|项目|资金|美元|亿|倡议|伙伴|沟通|交流|解决|中心|实验室|园区|基地|走廊|"
    r"工程|平台|基金|援助|奖学金|名额|培训|免签|签证|航线|展馆|办事处|谈判"
)


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


@dataclass
class _Names:
    """A document's short forms of its parties: "哈方" (the Kazakh side) and "哈" in "中哈" for a text
    that names 哈萨克斯坦. Built from the Chinese names of the parties the text names, as Chinese
    writes a side by the first character of its name."""

    sides: dict[str, str]  # "哈方" -> "Kazakhstan"
    chars: dict[str, str]  # "哈" -> "Kazakhstan" (with the fixed one-character names)

    @classmethod
    def build(cls, text: str, context: DocumentContext) -> _Names:
        lexicon = context.lexicon
        named = {m.party for m in lexicon.mentions(text) if m.party} | set(context.parties)
        by_char: dict[str, set[str]] = {}
        for party in named:
            entry = lexicon.party(party)
            if entry is None:
                continue
            for alias in entry.aliases:
                if _CJK.match(alias) and len(alias) >= 2 and not alias.endswith("方"):
                    by_char.setdefault(alias[0], set()).add(party)
        chars = dict(_ONE_CHAR)
        sides = {}
        for char, parties in by_char.items():
            if len(parties) != 1 or char in _NOT_SIDE:
                continue
            party = next(iter(parties))
            if char not in chars:
                chars[char] = party
            side = char + "方"
            if lexicon.canonical(side) is None and chars.get(char) == party:
                sides[side] = party
        for party in named:
            entry = lexicon.party(party)
            for alias in entry.aliases if entry else []:
                if _CJK.match(alias) and 2 <= len(alias) <= 3 and not alias.endswith("方"):
                    side = alias + "方"
                    if lexicon.canonical(side) is None:
                        sides.setdefault(side, party)
        return cls(sides, chars)

    def at(self, text: str, position: int) -> tuple[str, int] | None:
        """(party, end) of the longest side form starting at ``position``."""
        for length in (4, 3, 2):
            side = text[position : position + length]
            if side in self.sides:
                return self.sides[side], position + length
        return None


_CJK = re.compile(r"[\u3400-\u9fff]")
_NOT_SIDE = set("中双我各对该本他我你")  # 双方, 我方, 各方, 对方 ... are no country's side
_JOIN = re.compile(r"\s*(?:和|与|同|及|、|以及)\s*")
_LEADING = re.compile(
    rf"^[\s“”\"]*(?:[{_NUMERAL}]+、|\d+[.、]|（[{_NUMERAL}\d]+）)?\s*(?:此外|同时|另外|其中|还|也|并|而)?[，,]?\s*"
)


def _subject(clause: str, context: DocumentContext, names: _Names | None = None) -> list[str] | None:
    """The actor a clause opens with: a party or a side ("中国和非盟还将…", "哈方将…"), a pair ("中法双方"),
    or a collective (双方, 两国, 各方: the document's parties). A party named later in the clause is an
    object or a place ("中方将向巴勒斯坦提供…"), not the actor."""
    lead = _LEADING.match(clause)
    position = lead.end() if lead else 0
    head = clause[position : position + 14]
    chars = names.chars if names else _ONE_CHAR
    pair = re.match(r"([\u3400-\u9fff])([\u3400-\u9fff])(?=双方|两国|关系|合作|领导人|元首)", head)
    if pair and pair.group(1) in chars and pair.group(2) in chars and chars[pair.group(1)] != chars[pair.group(2)]:
        return sorted({chars[pair.group(1)], chars[pair.group(2)]})
    if _COLLECTIVE.match(head) or re.match(r"中.双方|中.两国", head):
        return list(context.parties)
    found: list[str] = []
    at = 0
    lexicon = context.lexicon
    while at < len(head):
        mention = next((m for m in lexicon.mentions(head[at:]) if m.start == 0 and m.party), None)
        if mention is not None:
            found.extend(lexicon.actors(mention, context.doc_date))
            at += mention.end
        else:
            side = names.at(head, at) if names else None
            if side is None:
                break
            found.append(side[0])
            at = side[1]
        head_rest = head[at:]
        # "中方和非盟委员会": an organisation's body is the organisation
        body = re.match(r"(?:委员会|秘书处|政府|方面)", head_rest)
        if body:
            at += body.end()
        join = _JOIN.match(head[at:])
        if not join:
            break
        at += join.end()
    if found:
        return sorted(set(found))
    return None


def _cue(clause: str) -> tuple[str | None, int]:
    """(strength, position) of the clause's commitment cue, or (None, -1)."""
    own_call = _OWN_CALL.search(clause)
    if own_call:
        return INTENT, own_call.start()
    modal = _MODAL_THEN.search(clause)
    if modal:
        after = clause[modal.end() :]
        return (INTENT if re.match(r"共同努力|努力|争取|力争", after) else HEDGED), modal.start()
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
    if not context.given:
        # A compound that names both sides ("中美双方", "中欧两国") says who the parties are more
        # surely than counting mentions, which a dateline ("新华社北京") or one side's "美方" tilts.
        context.parties = pair_parties(text) or context.parties
    names = _Names.build(text, context)
    # a party that the text names and then calls by its side ("哈萨克斯坦总统…", "哈方…") is a party of it
    for side, party in names.sides.items():
        if party not in context.parties and text.count(side) >= 1:
            context.parties = sorted({*context.parties, *context.lexicon.expand([party], context.doc_date)})
    lead_in = False
    for p_start, p_end in _paragraphs(text):
        paragraph = text[p_start:p_end].strip()
        is_item = bool(_ITEM.match(paragraph))
        if not is_item:
            lead_in = False
        for s_start, s_end in _sentences(text, p_start, p_end):
            sentence = text[s_start:s_end].strip()
            items = _inline_items(text, s_start, s_end)
            if items:
                # "一致同意做好以下工作：一是…；二是…。": the lead-in and its items in one sentence
                for i_start, i_end in items:
                    results.extend(_sentence(text, i_start, i_end, context, committed_by_lead_in=True, names=names))
                continue
            if _LEAD_IN.search(sentence):
                lead_in = True
                continue
            if is_item and _ITEM.match(sentence) and len(sentence) < 14:
                continue  # "二是拓展务实合作。": the heading of an item, not its content
            results.extend(
                _sentence(text, s_start, s_end, context, committed_by_lead_in=is_item and lead_in, names=names)
            )
    return results


_INLINE_LEAD_IN = re.compile(r"(?:同意|商定|决定|确定)[^：:。；;]{0,24}[：:]")
_INLINE_MARKER = re.compile(rf"\s*(?:[{_NUMERAL}]+是|第[{_NUMERAL}]+[，、]|（[{_NUMERAL}\d]+）|\(\d+\)|\d+[.、])\s*")


def _inline_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The enumerated items of a sentence that holds its own lead-in ("…同意…：一是…；二是…"), each
    without its marker; empty when the sentence is no such list."""
    lead = _INLINE_LEAD_IN.search(text, start, end)
    if lead is None or not _INLINE_MARKER.match(text, lead.end(), end):
        return []
    items = []
    position = lead.end()
    for piece in re.finditer(r"[^；;]+[；;]?", text[lead.end() : end]):
        a, b = lead.end() + piece.start(), lead.end() + piece.end()
        marker = _INLINE_MARKER.match(text, a, b)
        if marker:
            a = marker.end()
        if text[a:b].strip("；;。 "):
            items.append((a, b))
        position = b
    return items if position else []


def _sentence(
    text: str,
    s_start: int,
    s_end: int,
    context: DocumentContext,
    *,
    committed_by_lead_in: bool,
    names: _Names | None = None,
):
    """Committing clause groups of one sentence: from the first cue (or all of a listed item) to a
    clause that vetoes; a new group where the actor, the strength, the deadline or the topic changes
    ("哈方将提供签证便利，两国将于年内互设文化中心": two actors, two commitments)."""
    lexicon = context.lexicon
    clauses = _clauses(text, s_start, s_end)
    sentence = text[s_start:s_end]
    subject = _subject(sentence.strip(), context, names)
    strength = FIRM if committed_by_lead_in else None
    # (start, end, topics, actors, strength, deadline label)
    chosen: list[tuple[int, int, list[str], list[str] | None, str, str | None]] = []
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
        if (cue is not None and _PREDICTION.search(clause)) or _LOGISTICS.search(clause):
            if chosen:
                break  # "与会各方一致同意，将…会议定于2027年在非洲举行": the agreement is on logistics
            continue
        own = _subject(clause, context, names) if cue is not None else None
        if cue is not None and (strength is None or own is not None):
            if own is None and subject is None and not committed_by_lead_in and not _COLLECTIVE.search(sentence):
                continue  # a cue with nobody named to act on it
            subject = own or subject
            strength = cue
        elif cue is not None and strength is not None and cue != FIRM:
            strength = cue  # "…，还将探讨…": the same actors, a weaker undertaking
        if strength is None:
            continue
        deadlines = find_chinese_deadlines(clause, context.doc_date)
        label = deadlines[0].label if deadlines else None
        chosen.append((c_start, c_end, _rank(clause, lexicon), subject, strength, label))
    # a clause that holds only its actor and the cue ("与会各方一致同意，") commits to nothing by itself
    if chosen and all(_BARE_CUE.fullmatch(text[a:b].strip()) for a, b, *_rest in chosen):
        return []
    if not chosen:
        return []
    if not any(topics for _a, _b, topics, *_rest in chosen) and not _CONCRETE.search(sentence):
        return []
    groups: list[ChineseCandidate] = []
    keys: list[tuple] = []
    for c_start, c_end, topics, actors, clause_strength, label in chosen:
        if actors is None or actors == list(context.parties):
            parties = lexicon.expand_collective(actors or list(context.parties), context.doc_date)
        else:
            parties = lexicon.expand(actors, context.doc_date)
        if not parties:
            continue
        start = c_start + (len(text[c_start:c_end]) - len(text[c_start:c_end].lstrip()))
        marker = _ITEM_MARK.match(text, start, c_end)
        if marker:
            start = marker.end()
        end = c_end
        while end > start and text[end - 1] in "，；;：: ":
            end -= 1
        key = (tuple(parties), clause_strength)
        # a deadline of the thing just agreed ("建立…机制，年内召开首次会议") stays with it
        refers_back = re.match(r"(?:.{0,6})(?:首次|第一次|其|该)", text[start:end])
        same = groups and keys[-1][0] == key and (label is None or label == keys[-1][1] or refers_back)
        # a clause without a topic of its own, or only general dialogue, goes with the clause before
        if same and (not topics or topics == ["dialogue"] or not groups[-1].topics or topics[0] in groups[-1].topics):
            groups[-1].end = end
            if not groups[-1].topics:
                groups[-1].topics = topics
            continue
        if not topics and not _CONCRETE.search(text[start:end]):
            continue  # "双方同意深化政治互信": no field, no measure of its own (vague)
        groups.append(ChineseCandidate(start, end, parties, topics, clause_strength, 0.55))
        keys.append((key, label))
    for group in groups:
        if not group.topics:
            group.topics = list(context.topics[:1]) or ["dialogue"]
    return groups


def _rank(clause: str, lexicon) -> list[str]:
    scores: dict[str, float] = {}
    for _start, _end, key in lexicon.topic_matches(clause):
        scores[key] = scores.get(key, 0.0) + (0.4 if key == "dialogue" else 1.0)
    return sorted(scores, key=lambda k: -scores[k])
