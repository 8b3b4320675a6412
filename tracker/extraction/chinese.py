"""Commitments in Chinese text: the cues of devset-zh/README.md, clause by clause.

The flow, one module per step:
- ``zh_segment``: paragraphs, sentences, clauses, and list items carrying their lead-in
  (一是…二是…, （一）, 第一, ——我们一致同意，…, 李强建议，一是…；二是…);
- ``zh_cues``: the grammar of a commitment, one named rule per cue (agreement, will, committed to,
  intent, own call, explore, reaffirmed, designation) and per veto reason (willingness, hope,
  normative, past ...);
- ``zh_parties``: who acts (a side, a pair, a state organ, a collective resolved to the document's
  parties and the members of a grouping on the document's date);
- here: a sentence's committing clauses grouped into candidates (a new one where the actor, the
  strength, the deadline or the topic changes), and each candidate's deadline.

Chinese readouts chain clauses with "，", and the labelling rules split a sentence at its clauses when
only one of them commits or when their topics differ, so each clause is judged on its own: it commits
when it carries a cue, or when it follows a committing clause of the same sentence without a cue of its
own ("同意继续保持沟通势头，加强宏观经济政策协调"); a veto ends the commitment, and a modal veto
(要, 愿, 应, 希望) governs the actor-less clauses after it. Two readings work on whole sentences: a
measure announced with a later start ("自4月10日起…加征关税") is firm, and an actor-less sentence takes
the actor of the sentence before it in its paragraph ("中方将设立…。还将派遣…").
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tracker.extraction import zh_segment as seg
from tracker.extraction.context import DocumentContext
from tracker.extraction.deadlines import Deadline, find_chinese_deadlines
from tracker.extraction.zh_cues import (
    AIM,
    BASIS,
    FIRM,
    HEDGED,
    KEEP_IN_TOUCH,
    MODAL_VETOES,
    PURPOSE,
    SOFT_VETOES,
    Cue,
    Reading,
    is_vague,
    proposal_reading,
    read_clause,
)
from tracker.extraction.zh_parties import (
    Names,
    answer_sections,
    document_parties,
    resolve,
    section_parties,
    subject,
)
from tracker.extraction.zh_topics import extra_topic_matches, longest_matches

if TYPE_CHECKING:
    from tracker.extraction.detect import Detected

__all__ = ["ChineseCandidate", "detect_chinese", "detect_document"]

CONFIDENCE = 0.55
# "自4月10日12时01分起…", "…于今年7月1日正式生效", "4月9日生效": a measure with a start date
EFFECT = re.compile(
    r"自[^，。；]{2,24}?起|[^，。；]{0,14}?\d{1,2}月\d{1,2}日[^，。；]{0,8}?(?:生效|起实施|起施行|实施)"
)
# A clause with only its actor and the cue ("与会各方一致同意，") commits to nothing by itself
BARE_CUE = re.compile(r".{0,12}?(?:一致同意|同意|商定|决定|承诺|表示|认为)[，,：:；;]?")
# "商务部发布2025年第18号公告，对…实施出口管制": issued, and in force the same day
PROMULGATED = re.compile(r"发布[^，。；]{0,16}公告|公告称|即日起")
# "李强表示，…": who speaks, before what is said
SPEAKER = re.compile(r"^[^，。；]{1,12}?(?:表示|指出|强调|说|介绍|认为)[，,：:]")
# "…认为，" / "…进展表明，": a clause ending in a view verb, whose content is the next clause
VIEW_THEN_CONTENT = re.compile(r"(?:认为|相信|表明|证明)[，,：:]$")
# A clause that is a whole act of dialogue on a matter: "就国际和地区问题加强沟通", "举行…磋商"
OWN_DIALOGUE = re.compile(
    r"(?:就|围绕)[^，。；]{2,20}?(?:加强|保持|开展|进行|深化)|(?:建立|举行|启动|开展)[^，。；]{0,12}?(?:对话|磋商)"
)
# A later clause about the thing just agreed keeps with it, deadline and all: "建立…机制，年内召开首次会议"
# refers back to it, "推进…建设，年底前完成…移交" / "扩大…规模，明年…达到10万人" sets its target.
# The occasion or basis of a commitment, said before it: "以建交75周年为契机", "在…的基础上", "本着…精神"
FRAME = re.compile(r"(?:以|在)[^，。；]{0,24}(?:为契机|基础上|之际)|本着[^，。；]{0,16}精神")
NEW_ACTION = re.compile(
    r"(?:并|同时|还)?(?:加快|加强|推进|推动|扩大|深化|建立|设立|启动|开展|举办|举行|签署|商签|恢复)"
)
REFERS_BACK = re.compile(r"(?:.{0,6})(?:首次|第一次|其|该|届时)")
TARGET = re.compile(
    r"^[^，。；]{0,24}?(?:完成|建成|达到|实现|提交|落成|开通|投入使用|全面运营)"
    r"|\d+(?:\.\d+)?(?:家|个|名|人|所|项|万|亿)"
)


@dataclass
class ChineseCandidate:
    start: int  # offsets into the text given to detect_chinese
    end: int
    parties: list[str]
    topics: list[str]
    strength: str
    confidence: float
    reasons: tuple[str, ...] = ()


@dataclass
class _Clause:
    start: int
    end: int
    topics: list[str]
    actors: list[str] | None
    strength: str
    deadline: str | None
    kind: str


def detect_chinese(text: str, context: DocumentContext) -> list[ChineseCandidate]:
    names = Names.build(text, context)
    context.parties = whole = document_parties(text, context, names)
    sections = [] if context.given else answer_sections(text)
    local = [(a, b, section_parties(text[a:b], context, names)) for a, b in sections]
    results: list[ChineseCandidate] = []
    previous: tuple[int, list[str] | None] = (-1, None)  # (paragraph, actor) of the sentence before
    asked = _question_paragraphs(text)
    for unit in seg.units(text):
        if unit.paragraph in asked:
            continue  # "问：有消息称，中方将…能否证实？": what a journalist asks commits nobody
        # in a spokesperson's answers, 双方 is the pair the question and its answer are about
        context.parties = next((p for a, b, p in local if a <= unit.start < b and p), whole)
        measure = announced_measure(text, unit, context, names)
        if measure is not None:
            results.append(measure)
            continue
        # Chinese drops a subject the sentence before named ("中方将设立…。还将派遣…"): within a paragraph,
        # an actor-less sentence takes the actor of the one before
        actor = _unit_subject(text, unit, context, names)
        if actor is None and unit.lead is None and previous[0] == unit.paragraph:
            actor = previous[1]
        previous = (unit.paragraph, actor)
        results.extend(_read_unit(text, unit, actor, context, names))
    context.parties = whole
    return results


# A journalist's question in a briefing transcript: "问：…", "记者：…", "（记者）…？"
QUESTION_PARAGRAPH = re.compile(r"\s*(?:<[^>]+>)?\s*(?:问|记者|提问)[：:]")


def _question_paragraphs(text: str) -> set[int]:
    """The indexes of the paragraphs that ask a question: their words are the journalist's."""
    return {
        number
        for number, (start, end) in enumerate(seg.paragraphs(text))
        if QUESTION_PARAGRAPH.match(text, start, end) or text[start:end].rstrip().endswith(("？", "?"))
    }


def announced_measure(text: str, unit: seg.Unit, context: DocumentContext, names: Names) -> ChineseCandidate | None:
    """A measure announced with a later start ("自4月10日起…加征34%关税", "协定于今年7月1日正式生效"):
    firm for its actor, the whole sentence from the actor on; one in force the same day is past."""
    sentence = text[unit.start : unit.end]
    effect = EFFECT.search(sentence)
    if effect is None or read_clause(effect.group(0)).veto:
        return None
    dates = [d for d in find_chinese_deadlines(effect.group(0), context.doc_date) if d.exact]
    if not dates:
        return None
    effect_at = unit.start + effect.start()
    for c_start, c_end in seg.clauses(text, unit.start, unit.end):
        if c_start > effect_at:
            return None  # no actor before the start date
        actors = subject(seg.MARKUP.sub("", text[c_start:c_end]).strip(), context, names)
        if actors is None:
            continue  # "央视网消息（新闻联播）：", "美国东部时间4月2日，": who reported, and when
        start, end = seg.trim(text, c_start, unit.end)
        topics = _rank(sentence, context)
        return ChineseCandidate(
            start, end, resolve(actors, context), topics or ["trade"], FIRM, CONFIDENCE, ("announced-measure",)
        )
    return None


def _carried(text: str, unit: seg.Unit, context: DocumentContext, names: Names) -> str | None:
    """The strength a list item inherits from its lead-in: an agreement makes every item firm (a later
    sentence of the paragraph with an actor of its own is no item)."""
    agreed = unit.lead is not None and (unit.lead.kind == seg.AGREED or _announces_will(unit.lead, context, names))
    return FIRM if agreed and _listed(text, unit, context, names) else None


def _announces_will(lead: seg.Lead, context: DocumentContext, names: Names) -> bool:
    """A lead-in in which a named actor will take the measures it counts ("商务部将…从四个方面推出新的政策措施。"):
    its items carry the "will"."""
    return (
        lead.kind == seg.ANNOUNCED
        and WILL_CUE.search(lead.text) is not None
        and _lead_actor(lead, context, names) is not None
    )


def _lead_actor(lead: seg.Lead, context: DocumentContext, names: Names) -> list[str] | None:
    """The actor of a lead-in, past a time phrase that opens it ("下一步，商务部将…")."""
    own = subject(lead.text, context, names)
    opening = OPENING_PHRASE.match(lead.text)
    if own is None and opening:
        own = subject(lead.text[opening.end() :], context, names)
    return own


# "下一步，", "今后，", "为此，": a phrase before the actor of a sentence
OPENING_PHRASE = re.compile(r"\s*(?:下一步|今后|此外|为此|同时|近期|今年|明年)[，,]\s*")
WILL_CUE = re.compile(r"(?<!即)将(?!近|军|领|士|来)")


def _read_unit(
    text: str, unit: seg.Unit, actor: list[str] | None, context: DocumentContext, names: Names
) -> list[ChineseCandidate]:
    """Committing clause groups of one unit: from the first cue (or all of an agreed item) to a clause
    that vetoes."""
    if unit.lead is not None and unit.lead.kind == seg.NORMATIVE and _listed(text, unit, context, names):
        return []  # 一要…二要…: exhortations, not outcomes
    if PROMULGATED.search(text, unit.start, unit.end):
        return []  # a measure of an announcement issued that day, with no later start: in force, past
    chosen = _committing_clauses(text, unit, actor, context, names)
    if not chosen or all(BARE_CUE.fullmatch(seg.MARKUP.sub("", text[c.start : c.end]).strip()) for c in chosen):
        return []
    if not any(c.topics for c in chosen) and not any(not is_vague(text[c.start : c.end], c.topics) for c in chosen):
        return []
    groups = _group(text, chosen, context)
    for group in groups:
        if not group.topics:
            group.topics = _nearest_topics(text, unit, context)
    return groups


def _listed(text: str, unit: seg.Unit, context: DocumentContext, names: Names) -> bool:
    """An item of the list its lead-in opened: numbered, or without an actor of its own ("中方将…" after
    an exhortation list is a sentence of its own)."""
    sentence = seg.MARKUP.sub("", text[unit.start : unit.end]).strip()
    marker = seg.ITEM_MARKER.match(sentence)
    if marker and marker.end() > 0:
        return True
    return subject(SPEAKER.sub("", sentence), context, names) is None and subject(sentence, context, names) is None


def _unit_subject(text: str, unit: seg.Unit, context: DocumentContext, names: Names) -> list[str] | None:
    """The actor a unit opens with; for a list item without one, the actor named after its lead-in's
    verb ("宣布中方…举措"), the parties of a proposal (what one side proposes is joint), or the
    lead-in's own actor ("我们一致同意…：")."""
    sentence = seg.MARKUP.sub("", text[unit.start : unit.end]).strip()
    # who acts in what a speaker says ("李强表示，中方将…"), else the speaker ("博里奇表示，将…")
    own = subject(SPEAKER.sub("", sentence), context, names) or subject(sentence, context, names)
    if own is not None or unit.lead is None:
        return own
    after = re.sub(r"^.*?(?:建议|提议|倡议|同意|宣布|决定)[，,：:]?", "", unit.lead.text)
    named = subject(after, context, names) if after != unit.lead.text else None
    if named is not None:
        return named
    if unit.lead.kind == seg.PROPOSED:
        return list(context.parties)
    return _lead_actor(unit.lead, context, names)


def _committing_clauses(
    text: str, unit: seg.Unit, actors: list[str] | None, context: DocumentContext, names: Names
) -> list[_Clause]:
    carried = _carried(text, unit, context, names)
    strength = carried
    chosen: list[_Clause] = []
    governed = False  # inside the scope of a modal veto ("各方要…，致力于…，早日重启对话")
    view = False  # the clause before ends in a view verb: this one is what is viewed, whoever acts in it
    held: list[tuple[int, int]] = []  # principle or position clauses inside a commitment
    conditioned = False  # "如美方恢复…，商务部将…": an action on a condition is hedged
    for c_start, c_end in seg.clauses(text, unit.start, unit.end):
        clause = seg.MARKUP.sub("", text[c_start:c_end]).strip()
        reading = read_clause(clause)
        if not reading.veto and governed:
            governed = not _leaves_modal_scope(clause, reading.cue, context, names, view)
        view = bool(VIEW_THEN_CONTENT.search(clause))
        if chosen and PURPOSE.match(clause):
            reading = Reading()  # the purpose of the commitment before: part of it
        if not chosen and reading.cue is not None and BASIS.search(clause):
            held.append((c_start, c_end))  # "将根据…情况，": the next clause's verb sets the strength
            continue
        if chosen and reading.veto in SOFT_VETOES and subject(clause, context, names) is None:
            held.append((c_start, c_end))  # kept only if a committing clause follows
            continue
        if reading.veto or governed:
            if chosen:
                break
            conditioned = conditioned or reading.veto == "condition"
            governed = governed or reading.veto in MODAL_VETOES
            strength = carried
            continue
        cue = reading.cue
        if cue is None and unit.lead is not None and unit.lead.kind == seg.PROPOSED:
            # each clause of a proposal stands alone: a concrete joint action, or more cooperation (vague)
            cue = proposal_reading(clause)
            if cue is None:
                if chosen:
                    break
                continue
        actors, strength = _apply_cue(clause, cue, actors, strength, unit, context, names)
        if strength is None:
            continue
        if conditioned and strength == FIRM:
            strength = HEDGED
        deadlines = find_chinese_deadlines(clause, context.doc_date)
        chosen.extend(_Clause(a, b, [], actors, strength, None, "carried-through") for a, b in held)
        held = []
        chosen.append(
            _Clause(
                c_start,
                c_end,
                _rank(clause, context),
                actors,
                strength,
                deadlines[0].label if deadlines else None,
                cue.kind if cue else "continued",
            )
        )
    return chosen


def _leaves_modal_scope(clause: str, cue: Cue | None, context: DocumentContext, names: Names, view: bool) -> bool:
    """A clause after "要" / "愿" / "应" / "希望" is still governed by it unless it names an actor of its own
    or agrees ("…希望…，双方同意…"); the content of a view ("…进展表明，双方可以…") leaves only by agreeing."""
    if cue is not None and cue.kind == "agreement":
        return True
    return not view and subject(clause, context, names) is not None


def _apply_cue(
    clause: str,
    cue: Cue | None,
    actors: list[str] | None,
    strength: str | None,
    unit: seg.Unit,
    context: DocumentContext,
    names: Names,
) -> tuple[list[str] | None, str | None]:
    """(actors, strength) after a clause: a cue with an actor of its own starts a new reading; a weaker
    cue after a commitment lowers it ("…，还将探讨…"); a cue with nobody named to act on it is none."""
    if cue is None:
        return actors, strength
    own = subject(clause, context, names)
    if strength is None or own is not None:
        if own is None and actors is None and unit.lead is None:
            return actors, None
        return own or actors, cue.strength
    if cue.strength != FIRM and not AIM.match(clause):
        return actors, cue.strength
    return actors, strength


def _group(text: str, chosen: list[_Clause], context: DocumentContext) -> list[ChineseCandidate]:
    """One candidate per run of clauses with the same actors, strength and deadline, split again where
    a clause names a topic of its own."""
    groups: list[ChineseCandidate] = []
    keys: list[tuple[tuple[tuple[str, ...], str], str | None]] = []  # ((parties, strength), deadline)
    frame: tuple[int, int] | None = None
    for clause in chosen:
        parties = resolve(clause.actors, context)
        if not parties:
            continue
        start, end = seg.trim(text, clause.start, clause.end)
        if end <= start:
            continue
        key = (tuple(parties), clause.strength)
        # a deadline of the thing just agreed ("建立…机制，年内召开首次会议") stays with it
        refers_back = (
            REFERS_BACK.match(text[start:end])
            or AIM.match(text[start:end])
            or (keys and keys[-1][1] is None and TARGET.search(text[start:end]))
        )
        # a new action without the deadline of the one before is a commitment of its own ("2025年底前完成
        # 一期工程，加快推进二期工程…")
        undated_action = clause.deadline is None and keys and keys[-1][1] and NEW_ACTION.match(text[start:end])
        same = (
            groups
            and keys[-1][0] == key
            and not undated_action
            and (clause.deadline is None or clause.deadline == keys[-1][1] or refers_back)
        )
        if same and _joins(text[start:end], clause.topics, groups[-1].topics):
            groups[-1].end = end
            groups[-1].topics = groups[-1].topics or clause.topics
            keys[-1] = (key, keys[-1][1] or clause.deadline)  # the group's deadline, wherever it is said
            continue
        if is_vague(text[start:end], clause.topics):
            if groups and keys[-1][0][0] == key[0] and groups[-1].end >= clause.start - 1:
                # "加快推进铁路建设，力争2030年前建成通车": the aim of the clause before, with its deadline
                groups[-1].end = end
            elif FRAME.search(text[start:end]):
                frame = (start, clause.end)  # "双方同意以建交75周年为契机，办好…": the occasion of what follows
            continue  # "双方同意深化政治互信": no field, no measure of its own
        if frame is not None and frame[1] >= clause.start - 1:
            start = frame[0]
        frame = None
        groups.append(ChineseCandidate(start, end, parties, clause.topics, clause.strength, CONFIDENCE, (clause.kind,)))
        keys.append((key, clause.deadline))
    # "双方同意保持沟通" and nothing more: keeping in touch with no matter named is vague
    return [g for g in groups if not KEEP_IN_TOUCH.search(text[g.start : g.end])]


def _nearest_topics(text: str, unit: seg.Unit, context: DocumentContext) -> list[str]:
    """The topic of a commitment that names none: its sentence's, then what its paragraph said before it (nearest
    evidence first; not for a list item, whose paragraph holds other items each on its own topic),
    else dialogue, the catch-all of general engagement."""
    own = _rank(text[unit.start : unit.end], context)[:1]
    if own or unit.lead is not None:
        return own or ["dialogue"]
    start = next((a for a, b in seg.paragraphs(text) if a <= unit.start < b), unit.start)
    # what the paragraph said before it, not what a later sentence commits to
    return _rank(text[start : unit.start], context)[:1] or ["dialogue"]


def _joins(clause: str, topics: list[str], previous: list[str]) -> bool:
    """A clause without a topic of its own, with only general dialogue, with the topic before it, or
    whose 将 marks an object ("将创新合作打造成…增长点") goes with the clause before."""
    if topics == ["dialogue"] and previous and "dialogue" not in previous and OWN_DIALOGUE.match(clause):
        return False  # "扩大人文交流，就国际和地区问题加强沟通": talks on a matter of their own
    if not topics or topics == ["dialogue"] or not previous or (set(topics) - {"dialogue"}) & set(previous):
        return True
    return bool(re.match(r"将[^，。；]{1,20}?(?:打造|建设|转)", clause))


# General topics weigh less than the specific ones they come with: "执法部门禁毒合作" is counter-narcotics
TOPIC_WEIGHT = {"dialogue": 0.4, "law-enforcement": 0.8}


def _rank(clause: str, context: DocumentContext) -> list[str]:
    scores: dict[str, float] = {}
    for _start, _end, key in longest_matches(context.lexicon.topic_matches(clause) + extra_topic_matches(clause)):
        scores[key] = scores.get(key, 0.0) + TOPIC_WEIGHT.get(key, 1.0)
    return sorted(scores, key=lambda k: -scores[k])


# --- candidates as the detector's results ---------------------------------------------------------


def detect_document(text: str, context: DocumentContext) -> list[Detected]:
    """The Chinese branch of ``detect.detect``: candidates with their sentence and deadline."""
    from tracker.extraction.detect import Detected  # detect imports this module: a late import breaks the cycle

    spans = seg.paragraphs(text)
    found = []
    for candidate in detect_chinese(text, context):
        sentence = next(((a, b) for a, b in spans if a <= candidate.start < b), (candidate.start, candidate.end))
        deadline = chinese_deadline(text, sentence[0], candidate.start, candidate.end, context.doc_date)
        found.append(
            Detected(
                text=text[candidate.start : candidate.end],
                start=candidate.start,
                end=candidate.end,
                sentence_start=sentence[0],
                sentence_end=sentence[1],
                parties=sorted(candidate.parties),
                topics=list(candidate.topics),
                deadline=deadline.date if deadline else None,
                deadline_text=deadline.text if deadline else None,
                deadline_granularity=deadline.granularity if deadline else None,
                deadline_exact=bool(deadline and deadline.exact),
                strength=candidate.strength,
                confidence=candidate.confidence,
                deadline_label=deadline.label if deadline else None,
                reasons=["chinese", *candidate.reasons],
            )
        )
    return found


def chinese_deadline(
    text: str, sentence_start: int, start: int, end: int, doc_date: datetime.date | None
) -> Deadline | None:
    """The first deadline inside the committing clause, else one fronted before it in its sentence
    ("“十五五”期间，中国将…", "年底前，双方将…"), else a year the clause designates ("将2032年定为…年")
    or the year a 届时 ("by then") refers to ("承办2033年世博会，届时将派团参展")."""
    inside = find_chinese_deadlines(text[start:end], doc_date)
    if inside:
        return inside[0]
    head = text[sentence_start:start]
    cut = max(head.rfind(mark) for mark in "。！？；>\n") + 1  # the start of the clause's sentence
    fronted = [d for d in find_chinese_deadlines(head[cut:], doc_date) if d.start <= 2]
    if fronted:
        return fronted[0]
    designated = DESIGNATED_YEAR.search(text, start, end)
    if designated:
        return _year_deadline(designated, designated.group("first"), designated.group("last"))
    if text.startswith("届时", start):
        years = list(YEAR.finditer(head[cut:]))
        return _year_deadline(years[-1], years[-1].group("first")) if years else None
    return None


# "宣布2032年为…年", "将2025—2026年定为…年": the years of a designated programme
DESIGNATED_YEAR = re.compile(r"(?P<first>\d{4})(?:[—–-](?P<last>\d{4}))?年(?:为|定为|确定为)")
YEAR = re.compile(r"(?P<first>\d{4})年")


def _year_deadline(match: re.Match[str], first: str, last: str | None = None) -> Deadline:
    """The end of the last year named, labelled "2032" or "2025-2026" as the labelled data writes it."""
    label = f"{first}-{last}" if last else first
    day = datetime.date(int(last or first), 12, 31)
    return Deadline(match.start(), match.end(), match.group(0), day, "year", False, label)
