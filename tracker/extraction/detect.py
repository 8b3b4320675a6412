"""Commitment candidates: sentences -> clauses -> (trigger, subject, object) -> a decision.

The labelling rules (devset/README.md) define a commitment as a named party that will do, or
agreed / pledged / committed / decided / intends / plans to do, a specific future action. Each
rule becomes a check here, in this order for every clause:

1. a trigger (``triggers.py``) proposes the clause;
2. named rules decide (``_CONTEXT_VETOES``, ``_KIND_RULES``: one per trigger kind, ``_OBJECT_VETOES``),
   each returning the name of its veto or None; ``explain`` shows which rule decided each trigger.
   The context before a trigger can veto: hope, willingness, "should", a condition, a call on others;
3. the subject must resolve to named parties ("the two sides", "we", "the leaders" resolve to the
   document's parties; "The report will ..." has no party and is a prediction);
4. the object must be specific: a topic of the fixed list, a mechanism, a named agreement or a
   quantity ("a strong partnership" is vague); "agreed to a Framework" is a past act,
   "commitment to the complete denuclearization" a principle;
5. strength, topic and deadline are read off the clause; a clause that names no topic takes the one of
   the rest of its sentence, then of its paragraph, then of its heading, before the document's.

Clauses: a sentence is cut where a new verb phrase is coordinated ("... discussed X and tasked
their teams to ..."), at semicolons, at reporting participles (", stressing that ...") and between
two deadlines joined by "and"; committing pieces with the same parties, topics and deadline are
joined again (one commitment per sentence unless its parts differ, as the rules ask). A list
lead-in ("agree to take the following steps by June 30, 2030:") is not a candidate; its deadline,
parties and strength go to the items below it.
"""

from __future__ import annotations

import datetime
import itertools
import re
from dataclasses import dataclass, field

from tracker.extraction.chinese import detect_document as detect_chinese_document
from tracker.extraction.context import (
    AGENCY,
    COLLECTIVE,
    OBJECT_PREPOSITIONS,
    PERSON,
    PRONOUN_THEY,
    PRONOUN_WE,
    DocumentContext,
    roll_call,
    topic_matches,
)
from tracker.extraction.deadlines import Deadline, find_deadlines
from tracker.extraction.language import CJK, dominant_script
from tracker.extraction.lexicon import GENERIC_WEIGHT, Lexicon, Mention, default_lexicon
from tracker.extraction.parties import capital_of_party
from tracker.extraction.sentences import paragraph_spans, split_sentences
from tracker.extraction.topics import GENERIC_TOPIC
from tracker.extraction.triggers import (
    AGENTIVE_PREDICTION_VERBS,
    COMMITMENT_GOVERNORS,
    FIRM,
    HEDGE_VERBS,
    HEDGED,
    INTENT,
    INTENT_VERBS,
    PREDICTION_OBJECTS,
    PREDICTION_VERBS,
    Trigger,
    find_triggers,
)

__all__ = ["Detected", "Lexicon", "detect"]


@dataclass
class Detected:
    text: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    parties: list[str]
    topics: list[str]
    deadline: datetime.date | None
    deadline_text: str | None
    deadline_granularity: str | None
    deadline_exact: bool
    strength: str
    confidence: float
    deadline_label: str | None = None  # the deadline as the labelled data writes it
    reasons: list[str] = field(default_factory=list)  # why it was kept, for reviewers and debugging


# --- units: sentences and list items ---------------------------------------------------------

_ITEM_MARKER = re.compile(r"^(?:[-*+•]|--|\d{1,2}[.)]|[a-h][.)]|[ivx]{1,4}\)|\([a-zA-Z0-9]{1,3}\))\s+")
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’ -]{2,40}(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?,\s+)?"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})\s*(?:\([A-Za-z ]+\))?\s*(?:--|—|–)\s+"
    r"|^[A-Z][A-Z.'’ -]{2,40}(?:\s*\([A-Za-z ]+\))?\s*(?::|--|—|–|-)\s+(?=[A-Z])"
)
_INLINE_DATELINE = re.compile(
    r"\b[A-Z]{3,}(?:\s+[A-Z]{3,})?,\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})\s*"
    r"(?:\([A-Za-z ]+\))?\s*(?:--|—|–)\s+"
)
_CREDIT = re.compile(r"^\((?:[A-Z][\w ]*/)?[A-Z][\w .]*\)\s+")
_PREAMBLE = re.compile(
    r"^(?:Recalling|Reflecting|Recogni[sz]ing|Noting|Acknowledging|Bearing in mind|Mindful|Considering|Welcoming|"
    r"Reaffirming|Emphasi[sz]ing|Underlining|Stressing|Guided by)\b[^;]*?,\s+(?=[a-zA-Z])"
)


# A bold run-in title that ends with a colon and is followed by a sentence of its own.
_RUN_IN_LABEL = re.compile(r"\*\*[^*\n]{2,160}?(?::\s*\*\*|\*\*\s*:)\s+(?=[A-Z\"“])")


@dataclass
class _Unit:
    start: int
    end: int
    paragraph: int
    is_item: bool
    first_in_paragraph: bool
    last_in_paragraph: bool


def _units(text: str) -> list[_Unit]:
    sentences = split_sentences(text)
    paragraphs = paragraph_spans(text)
    units: list[_Unit] = []
    for index, sentence in enumerate(sentences):
        start, end = sentence.start, sentence.end
        para_start = paragraphs[sentence.paragraph][0]
        first = index == 0 or sentences[index - 1].paragraph != sentence.paragraph
        last = index == len(sentences) - 1 or sentences[index + 1].paragraph != sentence.paragraph
        piece = text[start:end]
        is_item = False
        marker = _ITEM_MARKER.match(piece)
        if marker and (start == para_start or piece.startswith("--")):
            is_item = True
            start += marker.end()
        for regex in (_CREDIT, _DATELINE, _ITEM_MARKER):
            match = regex.match(text[start:end])
            if match and start + match.end() < end:
                start += match.end()
                is_item = is_item or regex is _ITEM_MARKER
        label = _RUN_IN_LABEL.match(text, start, end)
        if label and label.end() < end:
            start = label.end()  # "**Appoint an Envoy:** The Administration ...": the bold title is a heading
            is_item = False  # ... and what follows it is prose, not the lead-in's continuation
        inline = _INLINE_DATELINE.search(text, start, end)
        if inline and inline.start() > start:
            # a page dump runs the menu into the dateline: the sentence starts after it
            start = inline.end()
        if not first and units and units[-1].is_item and units[-1].paragraph == sentence.paragraph:
            is_item = True  # "1. Support X. Establish Y.": the item's later sentences complete the lead-in too
        units.extend(_inline_list_units(text, _Unit(start, end, sentence.paragraph, is_item, first, last)))
    return units


# An enumerated list run into one sentence: "we decide to: a) establish X; b) promote Y." The lead-in
# ends at the colon, each item starts at its marker.
_INLINE_ITEM = re.compile(
    r"(?<=[:;])\s+(?:and\s+)?(?:\((?:[ivx]{1,4}|[a-h]|\d{1,2})\)|(?:[ivx]{1,4}|[a-h]|\d{1,2})\))\s+"
)


_OWN_SUBJECT = re.compile(r"(?:we|they|it|the|our|their|both|each|all|this|these|its)\b", re.I)


def _inline_list_units(text: str, unit: _Unit) -> list[_Unit]:
    """A sentence holding a lead-in and two or more enumerated items, as a lead-in unit and item units;
    any other sentence as it is."""
    markers = list(_INLINE_ITEM.finditer(text, unit.start, unit.end))
    if len(markers) < 2 or text[markers[0].start() - 1] != ":" or _OWN_SUBJECT.match(text, markers[0].end()):
        return [unit]  # "...: (i) we will deploy ...; (ii) we will impose ...": clauses of one sentence
    lead = _Unit(unit.start, markers[0].start(), unit.paragraph, unit.is_item, unit.first_in_paragraph, True)
    items = [
        _Unit(marker.end(), following.start() if following else unit.end, unit.paragraph, True, False, False)
        for marker, following in itertools.zip_longest(markers, markers[1:])
    ]
    items[-1].last_in_paragraph = unit.last_in_paragraph
    return [lead, *items]


_FURNITURE = re.compile(
    r"^(?:Related (?:reading|news|articles?|stories|links|coverage)|Most (?:Read|Popular|Viewed|Shared)|We Recommend|"
    r"Hot News|Recommended|Read more|Also read|Read also|Trending|Popular|Links?:|More from|Top Stories|Latest News|"
    r"Editor'?s Picks?|Follow us|Share this|Sign up|Subscribe|Copyright|©|Advertisement|Photos?:|Video:|"
    r"Add your comment|Please enable JavaScript|\(Web editor)",
    re.I,
)


def _looks_like_boilerplate(sentence: str, title: str | None, *, listed: bool = False) -> bool:
    """Page furniture, headlines and link titles. ``listed``: an item under a lead-in, which may be a
    verbless imperative full of names ("Convene the first meeting of a U.S.-Kenya ... Dialogue")."""
    if _FURNITURE.match(sentence):
        return True  # page furniture: link lists, share buttons, credits
    words = sentence.split()
    if len(words) > 110 or not re.search(r"[a-z]", sentence):
        return True
    content = [w for w in words[1:] if len(w) > 3 and w[0].isalpha()]
    capitalised = len(content) >= 6 and sum(w[0].isupper() for w in content) / len(content) > 0.6
    if capitalised and not listed and not _finite_verbs(sentence):
        return True  # a headline or a run of link titles: capitalised words and no verb in lower case
    if title and _jaccard(_word_set(sentence), _word_set(title)) >= 0.8:
        return True
    return sentence.rstrip().endswith("?")


def _word_set(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


# --- clauses -------------------------------------------------------------------------------------

_DISCOURSE_VERBS = (
    r"discuss(?:ed|es)?|note[sd]?|noting|stress(?:ed|es)?|emphasi[sz](?:ed|es|e)|underscor(?:ed|es|e)|"
    r"highlight(?:ed|s)?|express(?:ed|es)?|raise[sd]?|reiterat(?:ed|es|e)|reaffirm(?:ed|s)?|welcome[sd]?|"
    r"encourag(?:ed|es|e)|urge[sd]?|call(?:ed|s)?|acknowledg(?:ed|es|e)|recogni[sz](?:ed|es|e)|praise[sd]?|"
    r"commend(?:ed|s)?|condemn(?:ed|s)?|oppose[sd]?|support(?:ed|s)?|exchang(?:ed|es)|review(?:ed|s)?|held|met|"
    r"sign(?:ed|s)|launch(?:ed|es)|join(?:ed|s)|designat(?:ed|es)|establish(?:ed|es)|announc(?:ed|es)|stated|"
    r"said|says|add(?:ed|s)|explain(?:ed|s)|describ(?:ed|es)|hail(?:ed|s)|applaud(?:ed|s)|appreciat(?:ed|es)|"
    r"invit(?:ed|es)|ask(?:ed|s)|thank(?:ed|s)|congratulat(?:ed|es)|endors(?:ed|es)|recall(?:ed|s)?|shar(?:ed|es)|"
    r"convey(?:ed|s)|attend(?:ed|s)|visit(?:ed|s)|host(?:ed|s)|decid(?:ed|es)|affirm(?:ed|s)|confirm(?:ed|s)|"
    r"reconfirm(?:ed|s)|underlin(?:ed|es)|look(?:ed|s)? forward|agree[sd]?|commit(?:ted|s)?|pledge[sd]?|"
    r"plann?(?:ed|s)|intend(?:ed|s)|task(?:ed|s)|instruct(?:ed|s)|direct(?:ed|s)|gave|consent(?:ed|s)|vow(?:ed|s)|"
    r"resolv(?:ed|es)|promis(?:ed|es)|propos(?:ed|es)|offer(?:ed|s)|took|made|showed|conducted|agreed"
)
_COORDINATED_VERB = re.compile(
    rf"(?:,\s+and|\s+and|,\s+while|,\s+but|,\s+whereas)\s+(?:(?:also|further|then|jointly|both|have|has|had)\s+)*"
    rf"(?=(?:will|would|shall|may|are|is|{_DISCOURSE_VERBS})\b)",
)
_SEMICOLON = re.compile(r";\s+(?:and\s+|but\s+)?")
_FINITE = re.compile(
    rf"\b(?:is|are|was|were|has|have|had|will|would|shall|may|can|could|must|should|{_DISCOURSE_VERBS})\b"
)


def _finite_verbs(text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
    """Finite verbs of a stretch of text, leaving out infinitives ("to support")."""
    end = len(text) if end is None else end
    return [
        m
        for m in _FINITE.finditer(text, start, end)
        if not re.search(r"\bto\s+$", text[max(0, m.start() - 4) : m.start()], re.I)
    ]


@dataclass
class _Clause:
    start: int
    end: int
    coordinated: bool  # starts with its verb: the subject is the sentence's first subject
    participial: bool = False  # ", stressing that ...", ", expressing the hope that ...": the speaker goes on


# ", and the United States will ...": a new subject and its verb after a comma start a clause.
_NEW_SUBJECT = re.compile(
    r"(?:,\s+and|,\s+while|,\s+but|,\s+whereas|;\s+and)\s+(?P<subject>(?:[\w.’'-]+\s+){1,6}?)"
    r"(?=(?:also\s+|will\s+also\s+|would\s+also\s+)?(?:will|shall|would|agreed|agree|agrees|committed|commits|"
    r"pledged|intends?|plans?|decided|vowed|undertook|undertakes)\b)"
)


def _new_subject_cuts(sentence: str, lexicon: Lexicon | None) -> list[int]:
    cuts: list[int] = []
    if lexicon is None or ", " not in sentence:
        return cuts
    for match in _NEW_SUBJECT.finditer(sentence):
        subject = match.group("subject").strip()
        # the subject's head is a party, "the two sides", "we": not "the China-ASEAN forum"
        mentions = [m for m in lexicon.mentions(subject) if m.party]
        named = bool(mentions) and not re.search(
            r"\w", re.sub(r"['’]s\b|\b(?:side|government|delegation)\b", "", subject[mentions[-1].end :])
        )
        collective = COLLECTIVE.search(subject) and COLLECTIVE.search(subject).end() == len(subject)
        pronoun = re.fullmatch(r"(?:we|they)(?:\s+both|\s+all)?", subject, re.I)
        if not (named or collective or pronoun):
            continue
        # ", and we will": a pronoun after a comma cannot be a second subject of the verb before it
        verb_before = _finite_verbs(sentence, 0, match.start()) or (pronoun and match.group().startswith(","))
        if verb_before and not _inside_brackets(sentence, match.start()):
            cuts.append(match.start("subject"))
    return cuts


_PAST_THEN_MODAL = re.compile(r"(?:will|shall)\b")
_PAST_FORM = re.compile(r"\b[a-z]{3,}ed\b")

# A lead-in and its first enumerated item inside one sentence: "... new measures: (i) ..."
_INLINE_LIST = re.compile(r":\s+(?=\((?:[ivx]{1,4}|[a-h]|\d{1,2})\)\s)")


def _clauses(sentence: str, lexicon: Lexicon | None = None) -> list[_Clause]:
    cuts: list[tuple[int, bool]] = [(cut, False) for cut in _new_subject_cuts(sentence, lexicon)]
    for match in _SEMICOLON.finditer(sentence):
        # "...; we will launch a working group" starts a clause; "...; accepting vehicles built to
        # U.S. standards" is the next item of a list and does not.
        following = sentence[match.end() :].split(";")[0].split(",")[0]
        if _finite_verbs(following):
            cuts.append((match.end(), False))
    for match in _INLINE_LIST.finditer(sentence):
        cuts.append((match.end(), False))  # "... the following measures: (i) we will ...": the items are clauses
    for match in _COORDINATED_VERB.finditer(sentence):
        previous = max([c for c, _ in cuts if c <= match.start()], default=0)
        # "China and the United States agreed": "and" joins subjects, there is no verb before it yet;
        # "completed a patrol in May, and will conduct two more": a past act, then a pledge
        # ", and will deploy experts": after a comma, "and" + a modal starts a new predicate; so it does
        # after a verb in the past ("completed a patrol and will conduct two more")
        verb_before = _finite_verbs(sentence, previous, match.start()) or (
            _PAST_THEN_MODAL.match(sentence, match.end())
            and (match.group().startswith(",") or _PAST_FORM.search(sentence, previous, match.start()))
        )
        if verb_before and not _inside_brackets(sentence, match.start()):
            cuts.append((match.end(), True))
    participles = set()
    for match in _PARTICIPLE.finditer(sentence):
        if not _inside_brackets(sentence, match.start()):
            cuts.append((match.end(), True))
            participles.add(match.end())
    cuts = sorted(dict(sorted(cuts, key=lambda c: c[1])).items())
    clauses: list[_Clause] = []
    starts = [(0, False), *cuts]
    for i, (start, coordinated) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(sentence)
        if end > start:
            clauses.append(_Clause(start, end, coordinated, start in participles))
    return clauses


# A reporting participle continues the speaker's words in a clause of its own.
_PARTICIPLE = re.compile(
    r",\s+(?=(?:stressing|adding|noting|saying|underscoring|emphasi[sz]ing|stating|expressing|pointing out|"
    r"calling|urging|hoping|warning|highlighting|reiterating|explaining)\b)"
)


def _inside_brackets(text: str, position: int) -> bool:
    return text.count("(", 0, position) > text.count(")", 0, position)


# --- vetoes and object checks -----------------------------------------------------------------

_VETO_BEFORE = re.compile(
    r"\b(?:hope[sd]?|hoping|wish(?:es|ed)?|wants?|wanted|would like|willing|ready|prepared|optimistic|confident|"
    r"believes?|believed|trusts? that|looks? forward|looked forward|desires?|aspires?|should|must|ought|"
    r"needs? to|needed to|if|unless|whether|could|might|likely|unlikely|expects?\s+(?:that|the|\w+\s+to)|"
    r"expected|urg(?:es|ed|ing)|encourag(?:es|ed|ing)|ask(?:s|ed|ing)|invit(?:es|ed|ing)|press(?:es|ed|ing)|"
    r"demand(?:s|ed|ing)|call(?:s|ed|ing)? (?:on|upon)|it is our hope|whereas|(?<!that is )(?<!this is )why|how)\b",
    re.I,
)
_NEGATED = re.compile(r"\b(?:not|never|no longer|refused to|declined to|failed to)\s+(?:\w+\s+)?$", re.I)
_NEGATED_MODAL = re.compile(r"(?:will|shall|would)\s+(?:[a-z]+ly\s+)?(?:not|never)\b(?!\s+only\b)", re.I)
_CONDITION_AFTER = re.compile(r"\b(?:if|unless|provided that|on condition that)\s", re.I)
_REPORTING = re.compile(
    r"\b(?:said|says|say|added|adds|stated|announced|announces|noted|notes|noting|told\s+[\w ]{1,40}?|"
    r"reaffirmed|reaffirms|reiterated|reiterates|emphasi[sz]ed|emphasi[sz]es|stressed|stresses|underscored|"
    r"underscores|highlighted|highlights|agreed|agree|decided|decides|confirmed|explained|indicated|vowed|"
    r"pledged|promised|declared|expressed|according to|it has been decided|it was decided|it is agreed)\s+(?:that\s+)?",
)
_REPORTED_MODAL = re.compile(
    r"\b(?:said|says|say|saying|added|adding|stated|stating|announced|announcing|noted|noting|told|telling|reaffirmed|reiterated|emphasi[sz]ed|stressed|"
    r"underscored|highlighted|agreed|agree|decided|confirmed|explained|indicated|vowed|pledged|promised|declared|"
    r"decided|been decided|was decided)\b",
)
_AGREED_THAT = re.compile(r"\b(?:agreed|agree|decided|decide|been decided|was decided|agreement)\s+that\b", re.I)
# "agreed to the establishment of a working group" agrees to a future action, named by a noun
_AGREED_NOUN_ACTION = re.compile(
    r"(?:the\s+)?(?:establishment|creation|launch|holding|resumption|formation|setting up|expansion|extension|"
    r"opening|start|convening|conclusion|negotiation|development|implementation)\s+of\b"
    # a measure that lasts from now on: "agreed to a six-month truce", "agreed to a moratorium on"
    r"|(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:truce|ceasefire|cease-fire|moratorium|standstill)\b",
    re.I,
)
_EVENT_NOUN = re.compile(
    r"\b(?:consultations?|talks|meetings?|dialogues?|summits?|exercises?|drills?|negotiations?|rounds?|webinars?|"
    r"conferences?|forums?|visits?|calls?|sessions?|symposi\w+|workshops?|trainings?|reviews?|stud(?:y|ies)|"
    r"agreements?|deals?|accords?|treaty|treaties|programm?es?|projects?|plans?|funding|assistance|aid|"
    r"shipments?|deliver(?:y|ies)|fuel|supplies|vaccines?|tariffs?|duties|measures|negotiators|flights)\b",
    re.I,
)
_NOUN_READINGS = {"plan", "plans", "aim", "aims", "pledge", "pledges", "promise", "promises", "vow", "vows", "resolve"}
_NOUN_BEFORE = re.compile(r"(?:['’]s?|\b(?:the|a|an|its|their|his|her|our|this|that|whose|any|new))\s+$", re.I)
# A time adverbial of the past in front of the trigger ("Last year, ...", "Two years ago ...").
_PAST_TIME = re.compile(
    r"\b(?:last|previous)\s+(?:year|month|week|decade|summer|autumn|fall|winter|spring|January|February|March|April|"
    r"May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday)\b|\b(?:years|months|weeks|decades)\s+ago\b|\bearlier\s+this\s+(?:year|month|week)\b|\bin\s+the\s+past\b",
    re.I,
)
_SUBORDINATE_START = re.compile(r"^\s*(?:After|Before|When|Since|As|Although|Though|While|Once|If)\b")
_PAST_YEAR = re.compile(r"\b(?:in|during|back in)\s+((?:19|20)[0-9]{2})\b(?!\s*[-–])")
_ON_SOMEONE_TO = re.compile(r"\s*\w+\s+(?:(?:on|upon)\s+)?(?:[\w’'.-]+\s+){0,5}?to\s+\w")
_PRESSING_VERBS = {"press", "urge", "encourage", "ask", "call", "push", "demand", "request", "invite", "expect"}
_LOGISTICS_VERBS = {
    "attend",
    "host",
    "co-chair",
    "chair",
    "participate",
    "travel",
    "address",
    "lead",
    "arrive",
    "visit",
}
_HOSTING_VERBS = {"host", "co-chair", "chair", "lead", "address"}
_EVENT_OBJECT = re.compile(
    r"\s*(?:[\w’'.-]+\s+){0,6}?(?:summit|meeting|conference|forum|talks|session|round|dialogue|visit|ceremony|"
    r"games|olympics|expo|exhibition|delegation|event|festival|celebration|COP\d*|consultations?|gathering|"
    r"negotiations|workshop|seminar|symposium)s?\b",
    re.I,
)
# "will hold the next round of the dialogue in Hanoi": when and where a meeting is held (logistics)
_NEXT_EVENT = re.compile(
    r"^\s*[\w-]+\s+(?:(?:the|their|its|our|a)\s+)?next\s+(?:[\w-]+\s+){0,2}?(?:round|meeting|session|summit|"
    r"edition|dialogue|consultations?|conference|forum)\b",
    re.I,
)
# "welcomed Turkmenistan's intention to ...": another party's plan, welcomed or noted
_OTHERS_PLAN = re.compile(
    r"\b(?:welcom|applaud|hail|commend|prais|appreciat|acknowledg|took note of|not(?:ed|es|ing)\b)\w*\s+"
    r"(?:the\s+)?(?:[\w.’'-]+\s+){0,4}?[\w.’'-]+['’]s?\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
_AUX_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been)\s+$", re.I)

_DETERMINERS = {
    "a",
    "an",
    "the",
    "this",
    "these",
    "that",
    "those",
    "their",
    "our",
    "its",
    "his",
    "her",
    "all",
    "any",
    "each",
    "every",
    "such",
    "universal",
    "robust",
    "strong",
    "close",
    "closer",
    "deeper",
    "enhanced",
    "further",
    "greater",
    "mutual",
    "continued",
    "lasting",
    "full",
    "complete",
    "shared",
    "common",
    "international",
    "global",
    "regional",
    "bilateral",
    "multilateral",
    "peace",
    "stability",
    "freedom",
    "democracy",
    "human",
    "respect",
    "adherence",
    "cooperation",
    "collaboration",
    "partnership",
    "policy",
    "principle",
    "principles",
    "values",
}
# After "committed to" (a gerund or a noun follows), adjectives of principle start a noun phrase:
# "committed to free trade", "to peaceful and prosperous relations" (after "agreed to" they would
# be verbs: "agreed to open talks", "to secure supply chains").
_PRINCIPLE_ADJECTIVES = {
    "free",
    "fair",
    "open",
    "peaceful",
    "prosperous",
    "sustainable",
    "inclusive",
    "rules-based",
    "democratic",
    "balanced",
    "stable",
    "secure",
    "resilient",
    "unwavering",
    "ironclad",
    "steadfast",
}
_INSTRUMENT = re.compile(
    r"\b(?:[A-Z][\w.’'-]*\s+){1,8}(?:Agreement|Declaration|Dialogue|Initiative|Plan|Memorandum|Framework|Accord|"
    r"Treaty|Statement|Consensus|Roadmap|Mechanism|Partnership|Programme|Program|Strategy|Guidelines|Convention|"
    r"Charter|Communiqu[eé]|Protocol|Working Group|Committee|Forum|Group|Arrangement|Compact|Vision|Ally|Alliance|"
    r"Mission|Corridor|"
    # a named facility: "a new American Corner", "the Digital Innovation Hub", "a Regional Training Center"
    r"Corner|Center|Centre|Hub|Institute|Academy|Laboratory|Facility)\b"
    r"|\bMemorandum of [Uu]nderstanding\b|\bMoU\b"
)
_MECHANISM = re.compile(
    r"\b(?:working groups?|mechanisms?|agreements?|treaty|framework|protocols?|memorand\w+|roadmaps?|road maps?|"
    r"plans?|programmes?|programs?|forums?|symposi\w+|reports?|database|hotline|centers?|centres?|offices?|funds?|"
    r"funding|task force|committee|platforms?|arrangements?|alliances?|coalitions?|exercises?|webinars?|"
    r"conferences?|negotiat\w+|visits?|summits?|meetings?|talks|consultations?|dialogues?|tariffs?|"
    r"rules of origin|standards|regulations?|licen[cs]es?|ban|prohibition|"
    r"moratorium|sanctions|investigations?|prosecutions?|deployments?|personnel|telephone call|call|flights|"
    r"delegations?|joint statement|communiqu[eé]|hotlines?|channels?|exchanges|deals?|missions?|corridors?|"
    r"consulates?|embass(?:y|ies)|workshops?|seminars?|symposi(?:um|a)|mutual recognition|joint patrols?"
    # concrete measures and means: "taking additional measures", "target financial institutions"
    r"|measures|actions|steps|restrictions|controls|assistance|aid|grants?|loans?|financing|"
    r"financial institutions|networks|reconstruction|projects?|initiatives?|training|capacity[- ]building|"
    r"strateg(?:y|ies)|commissions?|councils?|cells?|units?|hubs?)\b",
    re.I,
)
_QUANTITY = re.compile(
    r"\$\s?\d|\b\d[\d,.]*\s*(?:percent|per cent|%|million|billion|trillion|tons?|tonnes?)\b"
    # "500 officers", "20 additional non-intrusive inspection units"
    r"|\b(?!(?:19|20)\d\d\b)\d[\d,.]*\s+(?:more\s+|new\s+|additional\s+)?(?:[a-z-]+\s+){0,2}[a-z-]+s\b"
    # "five additional coastal radar systems", "two more patrol vessels", "a third Hamilton-class cutter"
    r"|\b(?:one|a|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred)\s+(?:million|billion|thousand)\b"
    r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundreds|thousands|dozens)\s+"
    r"(?:more\s+|new\s+|additional\s+|further\s+)?(?:[\w-]+\s+){0,2}[a-z-]+s\b"
    r"|\ba\s+(?:second|third|fourth|fifth|sixth)\s+(?:[\w-]+\s+){0,2}[a-z-]+\b",
    re.I,
)
_PURPOSE_CUT = re.compile(
    r"\b(?:so as to|in order to|so that|with a view to|in line with|with the aim of)\b"
    # a clause of time or reason: "stand by Nigeria as it confronts terrorism" commits to no action on terrorism
    r"|,?\s+\b(?:as|while|because|since|whereas|when)\s+(?:it|they|we|he|she|its|their|our|the country|the two)\b"
    # a relative clause describes what is built, it is not what is done: "... architecture in which ASEAN is its center"
    # ("finding areas in which to deepen partnerships" is an infinitive: what is to be done)
    r"|\s+(?:in which|under which|whereby|through which)\b(?!\s+to\b)",
    re.I,
)
_GENERIC_MEANS = re.compile(
    r",?\s*(?:including\s+)?(?:through|via|within|using)\s+(?:the\s+|their\s+|our\s+|its\s+)?"
    r"(?:(?:existing|relevant|regional|multilateral|bilateral|various|appropriate|other|[\w]+-led)\s+)*"
    r"(?:mechanisms|frameworks|platforms|channels|formats|fora|forums)\b",
    re.I,
)
# Standing by a partner is solidarity, not an action ("will continue to stand with Kazakhstan").
_STANDING = re.compile(
    r"^\s*(?:continue\s+to\s+)?stand(?:ing)?\s+(?:(?:firmly|shoulder to shoulder)\s+)?(?:with|by|behind|up\s+for)\b",
    re.I,
)
_EFFECT_PARTICIPLE = re.compile(
    r",\s+(?:giving|handing|dealing|delivering\s+a\s+(?:blow|boost)|marking|signalling|signaling|paving|raising|"
    r"boosting|easing|fuelling|fueling|ending|capping|sparking|setting\s+the\s+stage|underscoring|highlighting|"
    r"reflecting|amid)\b"
)
_LONG_PURPOSE = re.compile(r",\s+(?:to|so as to|in order to|so that)\s+\w+")
_WELCOME_FUTURE = re.compile(
    r"^(?:the\s+)?(?:(?:future|early|upcoming|forthcoming|planned|swift|prompt)\s+)?(?:resumption|establishment|launch|creation|start|holding|convening|opening|commencement|"
    r"formation|setting up|restoration|reopening)\s+of\b"
    # "welcomed the signing of deals during the visit" is the day's act; a signing to come is not
    r"|^(?:the\s+)?(?:future|early|upcoming|forthcoming|planned|swift|prompt)\s+signing\s+of\b",
    re.I,
)
_WELCOME_UPCOMING = re.compile(r"\b(?:upcoming|forthcoming|planned|planning for|next round|scheduled)\b", re.I)
_ANNOUNCE_OBJECT = re.compile(
    r"^(?:(?:a|an|the|its|their|new|additional|more than|over|nearly|up to|approximately)\s+)*(?:[A-Z]{0,3}\$|USD|€|£|"
    r"EUR\b|\d[\d.,]*\s*(?:million|billion)|new\b|(?:a|the)\s+(?:review|new|plan|program|programme|initiative|fund|"
    r"office|center|centre)|the\s+(?:opening|launch|establishment|creation|start|expansion)\s+of"
    # "a Global Gateway investment package of EUR 4.7 billion": a named package, fund or programme
    r"|(?:an?|the)\s+(?:[\w’'-]+\s+){0,4}?(?:package|programme|program|initiative|fund|facility|grant|loan|"
    r"credit line|scholarships?)\b)",
    re.I,
)


_NOUN_SUFFIX = re.compile(r"\w(?:acy|tion|sion|ment|ity|ness|ance|ence|ism|ship|hood)s?$", re.I)


def _object_is_action(obj: str, *, committed: bool = False) -> bool:
    """After 'commitment to' / 'committed to': a verb or gerund is an action, a noun phrase is not."""
    first = re.match(r"[\w’'-]+", obj.strip())
    if not first:
        return False
    word = first.group()
    if committed and word.lower() in _PRINCIPLE_ADJECTIVES:
        return False  # "committed to free trade": a principle, not an action
    if committed and _NOUN_SUFFIX.search(word) and not re.match(r"[\w’'-]+\s+of\b", obj.strip()):
        return False  # "committed to diplomacy" (but "committed to completion of the clean-up" is an action)
    if word.lower() in _VERB_TOO and _ARTICLE_NEXT.match(obj.strip(), first.end()):
        return True  # "agreed to complete the feasibility study": a verb before its object
    return not word[0].isupper() and word.lower() not in _DETERMINERS


# Words of the determiner list that are verbs too, when an article or a possessive follows them.
_VERB_TOO = frozenset({"complete", "close", "further", "respect"})
_ARTICLE_NEXT = re.compile(r"\s+(?:the|a|an|its|their|our|his|her|this|these|those|all)\b", re.I)


_MARKDOWN_LINK = re.compile(r"\[([^\]\n]{1,200})\]\([^)\s]{1,500}\)")


def _plain(text: str) -> str:
    """Markdown links and emphasis reduced to their words, for the checks of the object."""
    return _MARKDOWN_LINK.sub(r"\1", text).replace("**", "").replace("__", "")


# A way of acting followed by the action: "a holistic approach to address ...", "joint efforts to counter ..."
_MEANS_TO_ACT = re.compile(
    r"\s*(?:(?:a|an|the|their|our|its|joint|new|common|comprehensive|holistic|coordinated|concerted|shared)\s+)*"
    r"(?:[\w-]+\s+)?(?:approach|strategy|efforts?|plan|measures|steps|actions?)\s+to\s+(?P<action>[a-z].*)",
    re.I,
)


def _noun_object_counts(obj: str, lexicon: Lexicon, context: DocumentContext) -> bool:
    """A noun object counts when it is a named agreement or mechanism, cooperation in a named field,
    or a defence commitment to a named party ("extended deterrence to the ROK")."""
    head = _plain(obj)[:160]
    if _INSTRUMENT.search(head):
        return True
    means = _MEANS_TO_ACT.match(head)
    if means and any(t != GENERIC_TOPIC for t in lexicon.topic_scores(means.group("action"))):
        return True  # "committed to a holistic approach to address drug trafficking": a way of acting on a field
    topics = [t for t in lexicon.topic_scores(head) if t != "dialogue"]
    if re.match(r"(?:[\w-]+\s+){0,3}?(?:cooperation|collaboration)\b", head, re.I) and topics:
        return True
    return bool(
        re.search(r"\b(?:deterrence|defen[cs]e|security)\b", head) and any(m.party for m in lexicon.mentions(head))
    )


def _specific(obj: str, lexicon: Lexicon) -> bool:
    """The committed action has an identifiable object: a topic of the list, a mechanism, a named
    agreement or a quantity, rather than only words of aspiration ("strengthen our partnership
    for the challenges of our time"). Measured: also accepting any concrete-looking noun costs
    more precision than it gains recall."""
    obj = _plain(obj)
    if _STANDING.match(obj):
        return False
    cut = _PURPOSE_CUT.search(obj)
    core = obj[: cut.start()] if cut else obj
    # generic means are no object: "work with ASEAN, including through ASEAN-led mechanisms"
    core = _GENERIC_MEANS.sub(" ", core)
    if lexicon.topic_scores(core):
        return True
    return bool(_MECHANISM.search(core) or _INSTRUMENT.search(core) or _QUANTITY.search(core))


# --- subjects ---------------------------------------------------------------------------------


@dataclass
class _Subject:
    parties: list[str]
    how: str  # "named", "collective", "pronoun", "person", "issuer", "passive"


def _resolve_region(region: str, context: DocumentContext, *, quoted_party: str | None) -> _Subject | None:
    """The actor named in the text before a trigger: the last comma-separated chunk that names one."""
    region = region.strip()
    if not region:
        return None
    listed = roll_call(region, context.lexicon)
    if listed and not region[listed[1] :].strip(" ,"):
        # "Trade ministers of Japan, South Korea and China agreed": the parties of the roll call
        return _Subject(context.lexicon.expand(listed[0], context.doc_date), "named")
    chunks = [c for c in re.split(r",\s+|\s+--\s+|\s+—\s+|\(|\)", region) if c.strip()]
    lexicon = context.lexicon
    for index in range(len(chunks) - 1, -1, -1):
        chunk = chunks[index]
        found = _subject_in_chunk(chunk, context, quoted_party=quoted_party)
        if found is None:
            if _finite_verbs(chunk) and index < len(chunks) - 1:
                return None  # crossed into another clause: whoever acts there is not our subject
            continue
        if found.how == "named":
            # "The United States, Mexico, and Canada commit": earlier chunks that are only names
            parties = list(found.parties)
            j = index - 1
            while j >= 0 and _only_names(chunks[j], lexicon):
                named = [p for m in lexicon.mentions(chunks[j]) for p in lexicon.actors(m, context.doc_date)]
                parties = named + parties
                j -= 1
            found = _Subject(sorted(set(parties)), "named")
        return found
    return None


# A country referred to by a definite description instead of its name.
_ANAPHOR = re.compile(
    r"(?:(?:also|now)\s+)?(?:the|The|his|His|her|Her|its|Its)\s+"
    r"(?:(?:country['’]s|nation['’]s|new|federal|national|central)\s+)?"
    r"(?:(?:government|kingdom|country|emirate|republic|administration|authorities|nation|sultanate)"
    # "the Gulf state", "the oil-rich kingdom", "the East African country": a description of the country
    r"|(?:[A-Z][\w-]+\s+|[a-z]+-[a-z]+\s+){1,2}(?:state|nation|country|kingdom|emirate|republic|monarchy))"
    r"(?:\s+(?:also|now|itself))?"
)


def _antecedent(frame: str, preceding: str, context: DocumentContext) -> _Subject | None:
    """The country a definite description ("the government", "the kingdom") stands for: the last
    country named as an actor in the sentence's reporting frame, else in the text just before; a
    party of the document is preferred to any other country."""
    lexicon = context.lexicon
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", preceding) if s.strip()]
    for index, piece in enumerate([frame, *reversed(sentences)]):
        named = [
            p
            for m in _subject_mentions(piece, lexicon)
            for p in lexicon.actors(m, context.doc_date)
            if lexicon.is_country(p)
        ]
        persons = [context.officials[t] for t in re.findall(r"\b[A-Z][\w’'-]+\b", piece) if t in context.officials]
        candidates = named + persons if index == 0 else named
        if not candidates:
            continue
        own = {p for p in candidates if p in context.parties} or set(candidates)
        # two countries acting together just before ("Qatar and Kenya signed ..."): no telling which
        return _Subject([own.pop()], "named") if len(own) == 1 else None
    return None


def _only_names(chunk: str, lexicon: Lexicon) -> bool:
    rest = chunk
    for mention in reversed(lexicon.mentions(chunk)):
        if mention.party is None:
            return False
        rest = rest[: mention.start] + rest[mention.end :]
    return bool(lexicon.mentions(chunk)) and not re.sub(r"\b(?:and|the|of|government|s)\b|[’'\s]", "", rest, flags=re.I)


# After a country's name, words that make the phrase a company or companies ("Turkish Airlines",
# "Saudi Aramco", "French energy group TotalEnergies", "Chinese enterprises"): actions of companies
# are third-party acts in the labelling rules, not the country's.
_COMPANY_AFTER = re.compile(
    r"^['’]?s?\s+(?:(?:state-owned|state|national|private|leading|major|biggest|largest|[a-z]+)\s+){0,2}"
    r"(?:Airlines|Airways|Air|Aramco|Telecom|Railways|Petroleum|Motors|Holdings|Corporation|Corp\b|Inc\b|Ltd\b|"
    r"companies|company|firms?|enterprises?|businesses|corporations|carriers?|airlines?|banks|lenders|insurers|"
    r"investors|exporters|importers|manufacturers|producers|shipbuilders|shipyards|steelmakers|automakers|"
    r"carmakers|chipmakers|(?:energy|oil|gas|mining|defen[cs]e|tech)\s+"
    r"(?:groups?|giants?|majors?|firms?|companies|company)|private sector)\b"
)


# ... and words before a name that make it part of a company's name ("the national carrier Air Astana").
_COMPANY_BEFORE = re.compile(
    r"\b(?:carrier|airline|company|firm|group|giant|operator|conglomerate|Air|Bank)\s+(?:[A-Z][\w&-]*\s+)?$"
    # an industry body: "the Federation of Indian Export Organisations", "the Association of German ..."
    r"|\b(?:Federation|Association|Confederation|Chambers?)\s+of\s+(?:the\s+)?$"
)


_COORDINATED = re.compile(r"^\s*(?:,\s*)?(?:(?:and|or)\s+)?(?:the\s+)?$")


def _subject_mentions(chunk: str, lexicon: Lexicon) -> list[Mention]:
    """Party mentions that can be the actor: not after a preposition ("with China"), nor coordinated
    with a name after one ("troops in Afghanistan and Iraq"), not a company."""
    found = []
    object_end = None  # where the last name after a preposition ended
    for m in lexicon.mentions(chunk):
        if not m.party:
            continue
        placed = OBJECT_PREPOSITIONS.search(chunk[max(0, m.start - 30) : m.start]) or (
            object_end is not None and _COORDINATED.match(chunk[object_end : m.start])
        )
        object_end = m.end if placed else None
        if (
            not placed
            and not _COMPANY_AFTER.match(chunk[m.end : m.end + 60])
            and not _COMPANY_BEFORE.search(chunk[max(0, m.start - 40) : m.start])
            and not _THING_AFTER.match(chunk[m.end :])
        ):
            found.append(m)
    return found


# After a country's name, a head noun that makes the phrase a thing of the country, not the country
# acting: "The U.S. National Strategy on the Pacific Islands will align with ...".
_THING_AFTER = re.compile(
    r"^['’]?s?\s+(?:[\w-]+\s+){0,3}?(?:Strategy|Plan|Programme|Program|Initiative|Framework|Report|Act|Law|"
    r"Budget|Policy|strategy|plan|programme|program|initiative|framework|report|law|budget|economy|exports|"
    r"imports|market|policy)(?:\s+(?:on|for|of)\s+[^,]*)?\s*$"
)


def _subject_in_chunk(chunk: str, context: DocumentContext, *, quoted_party: str | None) -> _Subject | None:
    lexicon = context.lexicon
    mentions = _subject_mentions(chunk, lexicon)
    if mentions:
        # "Mexico's delegation", "the U.S. side", "China and the United States", "ASEAN countries"
        return _Subject(sorted({p for m in mentions for p in lexicon.actors(m, context.doc_date)}), "named")
    if COLLECTIVE.search(chunk):
        return _Subject(list(context.parties), "collective")
    if PRONOUN_WE.search(chunk):
        if quoted_party:
            return _Subject([quoted_party], "pronoun")
        return _Subject(list(context.parties), "pronoun")
    if PRONOUN_THEY.search(chunk):
        return _Subject(list(context.parties), "pronoun")
    speaker = quoted_party or (context.parties[0] if len(context.parties) == 1 else None)
    if speaker and _SPEAKER_I.search(chunk.strip()):
        return _Subject([speaker], "pronoun")  # "Today I commit to": the one speaker's country
    if context.issuer and AGENCY.search(chunk):
        return _Subject([context.issuer], "issuer")
    persons = PERSON.findall(chunk)
    bare = [t for t in re.findall(r"\b[A-Z][\w’'-]+\b", chunk) if t in context.officials]
    if len(persons) >= 2 or (persons and " and " in chunk and len(persons) + len(bare) >= 2):
        return _Subject(list(context.parties), "collective")
    named = [context.party_of_person(p) for p in persons] + [context.officials[t] for t in bare]
    named = [p for p in named if p]
    if named:
        return _Subject(sorted(set(named)), "person")
    if persons and context.issuer:
        return _Subject([context.issuer], "issuer")
    tail = re.search(r"(?:^|\bthat\s+)([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)(?:\s+(?:also|now))?\s*$", chunk.strip())
    capital = capital_of_party(tail.group(1)) if tail else None
    if capital and capital in context.parties:
        return _Subject([capital], "named")  # "Lima would open a consulate": the capital of a party
    if "EU" in context.parties and _THE_COMMISSION.fullmatch(chunk.strip()):
        return _Subject(["EU"], "named")  # "The Commission will launch a call": the European Commission
    if len(context.parties) >= 2 and _JOINT_BODY.match(chunk):
        return _Subject(list(context.parties), "collective")  # "The Joint Committee will meet annually"
    return None


_SPEAKER_I = re.compile(r"(?:^|\s)I$")
_THE_COMMISSION = re.compile(r"(?:the|The)\s+(?:European\s+)?Commission(?:\s+(?:also|now))?")
# A body of the parties' own as a subject, the whole chunk before the verb: its parties act.
_JOINT_BODY = re.compile(
    r"\s*(?:the|The|this|This|our|Our|a|A|the new|The new)?\s*(?:(?:[A-Z][\w.’'-]*|joint|bilateral|new)\s+){0,6}"
    r"(?:[Ww]orking [Gg]roups?|Group|Committee|Commission|Council|Task Force|Steering Committee|Mechanism|"
    r"joint committee|joint commission|working group|task force|steering committee)\s*(?:\([^)]{1,20}\))?\s*$"
)


def _quoted_party(paragraph: str, sentence_start_in_paragraph: int, context: DocumentContext) -> str | None:
    """Inside a quotation, "we" is the speaker's side: the one party the quoted paragraph names."""
    before = paragraph[:sentence_start_in_paragraph]
    opens = before.count("“") + before.count('"') - before.count("”")
    if not (opens % 2 == 1 or paragraph[sentence_start_in_paragraph:].lstrip().startswith(("“", '"'))):
        return None
    # the attribution after the closing quote names the speaker: '"We will ...," the Australian minister said'
    closing = _ATTRIBUTION.search(paragraph, sentence_start_in_paragraph)
    if closing:
        speakers = {m.party for m in context.lexicon.mentions(closing.group("who")) if m.party}
        speakers = {p for p in speakers if context.lexicon.is_country(p)}
        if len(speakers) == 1:
            return speakers.pop()
        named = {context.party_of_person(n) for n in PERSON.findall(closing.group("who"))} - {None}
        if len(named) == 1:
            return named.pop()
    parties = {m.party for m in context.lexicon.mentions(paragraph) if m.party}
    parties = {p for p in parties if context.lexicon.is_country(p)}
    return next(iter(parties)) if len(parties) == 1 else None


_ATTRIBUTION = re.compile(r"[,.!?]?[”\"]\s*,?\s*(?P<who>[^.;“\"]{3,90}?)\s+(?:said|says|told|added|stated|noted)\b")


# --- the decision for one clause: a table of named rules --------------------------------------
#
# A trigger proposes a clause; named rules decide. Each rule reads the clause (a ``_Reading``) and
# returns the name of a veto, or None to let the clause through; a few refine the reading on the
# way (the object, the strength, the owner of a possessive "its commitment to"). The vetoes of the
# context run first, then the rule of the trigger's kind, then the checks of the object; then the
# subject is resolved and strength, topic, deadline and confidence are read off the clause.
# ``explain`` lists, for each trigger of a sentence, the rule that vetoed it or "kept".


@dataclass
class _Candidate:
    start: int  # offsets in the sentence
    end: int
    parties: list[str]
    strength: str
    topics: list[str]
    deadline: Deadline | None
    confidence: float
    reasons: list[str]
    object_start: int = 0  # where the committed action starts: deadlines before it are not its deadlines


@dataclass
class _Reading:
    """One trigger in one clause, as the rules see it."""

    sentence: str
    clause: _Clause
    clauses: list[_Clause]
    trigger: Trigger
    context: DocumentContext
    quoted_party: str | None
    preceding: str
    before: str  # the clause before the trigger
    verb_start: int  # where the committed action starts: the verb after the modal or "to"
    obj: str  # the committed action, to the end of the clause
    strength: str
    region_start: int  # where the subject may start: after the last reporting verb
    reporting: re.Match[str] | None
    reasons: list[str]
    passive: bool = False
    owner: _Subject | None = None  # "the agreement commits Peru to", "Japan's commitment to": the subject

    @property
    def lexicon(self) -> Lexicon:
        return self.context.lexicon

    @property
    def veto_zone(self) -> str:
        return self.sentence[self.clause.start : self.trigger.start]

    @property
    def agreed_that(self) -> bool:
        return bool(_AGREED_THAT.search(self.sentence, self.clause.start, self.trigger.start))

    @property
    def clause_text(self) -> str:
        return self.sentence[self.clause.start : self.clause.end]


def _reading(
    sentence: str,
    clause: _Clause,
    clauses: list[_Clause],
    trigger: Trigger,
    context: DocumentContext,
    *,
    quoted_party: str | None,
    preceding: str,
) -> _Reading:
    # the object starts at the verb after the modal or "to": "tasked their teams to discuss them"
    has_verb = trigger.verb and trigger.kind not in {"commitment", "promise"}
    verb_start = trigger.end - len(trigger.verb) if has_verb else trigger.end
    region_start, reporting = clause.start, None
    for match in _REPORTING.finditer(sentence, clause.start, trigger.start):
        region_start, reporting = match.end(), match
    return _Reading(
        sentence=sentence,
        clause=clause,
        clauses=clauses,
        trigger=trigger,
        context=context,
        quoted_party=quoted_party,
        preceding=preceding,
        before=sentence[clause.start : trigger.start],
        verb_start=verb_start,
        obj=sentence[verb_start : clause.end],
        strength=trigger.strength,
        region_start=region_start,
        reporting=reporting,
        reasons=[trigger.kind],
    )


# -- vetoes of the context before the trigger


def _veto_wish_or_condition(r: _Reading) -> str | None:
    """Hope, willingness, "should", a condition or a call on others before the trigger."""
    if r.trigger.kind != "called_on" and _VETO_BEFORE.search(r.veto_zone):
        return "wish-or-condition"
    return None


def _veto_others_plan(r: _Reading) -> str | None:
    """ "welcomed Turkmenistan's intention to join": someone else's plan, welcomed."""
    if r.trigger.kind in {"intention", "plans", "commitment", "verb_to", "funds"} and _OTHERS_PLAN.search(r.veto_zone):
        return "others-plan"
    return None


def _veto_next_meeting(r: _Reading) -> str | None:
    """ "will host the next round", "will hold the next meeting in Hanoi": where and when a meeting is
    held is logistics; "agreed to hold the next round by March" is a decision."""
    if not _NEXT_EVENT.match(r.obj):
        return None
    if r.trigger.verb in _HOSTING_VERBS or (r.trigger.kind in {"modal", "is_to"} and not r.agreed_that):
        return "next-meeting-logistics"
    return None


# A refrained-from measure bound to a term is a negative pledge: "will not impose new export restrictions
# during the term of the Partnership", "will not raise tariffs further while talks continue".
_PLEDGED_TERM = re.compile(
    r"\b(?:during\s+the\s+(?:term|period|life|duration|course)\s+of|for\s+the\s+(?:duration|term|life)\s+of|"
    r"while\s+(?:the\s+)?(?:talks|negotiations|consultations|the\s+truce|the\s+agreement)\b|as\s+long\s+as|"
    r"under\s+the\s+(?:truce|agreement|arrangement|deal|framework)|for\s+(?:the\s+next\s+)?(?:\w+\s+)?(?:years|months))",
    re.I,
)


def _veto_negated(r: _Reading) -> str | None:
    """ "declined to join", and "will not impose tariffs": a pledge negated is a refusal, not a pledge
    ("will not only ... but also" is no negation); bound to a term it is a negative pledge."""
    if r.trigger.kind != "modal" and _NEGATED.search(r.before):
        return "negated"
    if r.trigger.kind == "modal" and _NEGATED_MODAL.match(r.sentence, r.trigger.start):
        return None if _PLEDGED_TERM.search(r.sentence, r.clause.start, r.clause.end) else "negated"
    return None


def _veto_conditional_would(r: _Reading) -> str | None:
    """ "said the United States would expand its support if Congress approves funding": a reported
    "would" bound to a condition that follows is a hypothesis, not a pledge."""
    would = r.trigger.kind == "modal" and r.sentence[r.trigger.start : r.trigger.start + 5].lower() == "would"
    if would and _CONDITION_AFTER.search(r.sentence, r.trigger.end, r.clause.end):
        return "conditional-would"
    return None


def _veto_past_agreement(r: _Reading) -> str | None:
    """ "Last year, X and Y signed an agreement to ...": a past act."""
    if r.trigger.kind == "reached" and _PAST_TIME.search(r.veto_zone):
        return "past-agreement"
    return None


# An announcement of commitments not yet named introduces the list that names them.
_ANNOUNCES_WHAT_FOLLOWS = re.compile(
    r"(?:announce|unveil|outline|present)\s+(?:a\s+(?:series|number|range|set|package)\s+of\s+|"
    r"(?:new|additional|further|several|a few|more|major|significant)\s+)+"
    r"(?:commitments|initiatives|deliverables|actions|steps|announcements|outcomes)\b",
    re.I,
)


def _veto_announces_what_follows(r: _Reading) -> str | None:
    """ "the Vice President will announce new commitments to ...": the list below names them."""
    window = r.sentence[r.trigger.start : min(r.clause.end, r.trigger.end + 80)]
    return "announces-what-follows" if _ANNOUNCES_WHAT_FOLLOWS.search(window) else None


_CONTEXT_VETOES = (
    _veto_announces_what_follows,
    _veto_wish_or_condition,
    _veto_others_plan,
    _veto_next_meeting,
    _veto_negated,
    _veto_conditional_would,
    _veto_past_agreement,
)

# -- one rule per kind of trigger

# "the objective of the dialogue is to expand ...": an explanation, not a pledge
_EXPLAINED_BY = re.compile(
    r"\b(?:aims?|goals?|objectives?|purposes?|tasks?|plans?|ideas?|priorit(?:y|ies)|missions?|intentions?|"
    r"points?|challenges?|key|aspirations?|hopes?|wish|idea|role|job|duty|way)\b",
    re.I,
)
_RELATIVE_BEFORE = re.compile(r"\b(?:which|that|who)\s+$", re.I)
_PARTICIPLE_WORD = re.compile(r"(?:\w+(?:ed|en)|held|made|set|put|built|sent|taken|given|met|done|kept|sold)$")


def _read_will_be(r: _Reading) -> str | None:
    """ "will be held" is a passive act, "will be working" a progressive one, "will be vigorous" a state."""
    after = r.sentence[r.trigger.end : r.trigger.end + 40]
    following = re.match(r"\s*(?:\w+ly\s+)?(\w+)", after)
    word = following.group(1).lower() if following else ""
    if word.endswith("ing"):
        r.obj = r.sentence[r.trigger.end : r.clause.end]
        return None
    if _PARTICIPLE_WORD.match(word):
        r.passive = True
        return None
    return "a-state"


def _predicts(verb: str, obj: str) -> bool:
    """ "will help", "will lead to", "will create more opportunities": an assessment of effects."""
    if verb in PREDICTION_VERBS and not (verb == "lead" and not re.match(r"lead\s+to\b", obj)):
        return True
    return verb in {"create", "bring", "open"} and bool(PREDICTION_OBJECTS.match(obj[len(verb) :].strip()))


_SUBJECT_TAIL = re.compile(
    r"(?:\s+(?:also|further|jointly|together|now|both|all|each|continue to|collectively))*\s*$", re.I
)


def _party_is_subject(r: _Reading) -> bool:
    """The words right before the modal are a party ("We", "the two sides", "Japan"), not a thing
    that a party owns ("Japan's aid", "the agreement")."""
    region = _SUBJECT_TAIL.sub("", r.sentence[r.region_start : r.trigger.start])
    chunk = re.split(r",\s+", region)[-1].strip()
    if not chunk or re.search(r"['’]s?$", chunk):
        return False
    if re.fullmatch(r"(?:we|they)", chunk, re.I) or (
        COLLECTIVE.search(chunk) and COLLECTIVE.search(chunk).end() == len(chunk)
    ):
        return True
    mentions = _subject_mentions(chunk, r.lexicon)
    return bool(mentions) and mentions[-1].end == len(chunk)


def _rule_future(r: _Reading) -> str | None:
    """ "will", "shall", "would" (reported) and "is to" + a verb of action."""
    sentence, trigger, clause, verb = r.sentence, r.trigger, r.clause, r.trigger.verb
    if trigger.kind == "is_to" and _EXPLAINED_BY.search(r.before):
        return "explanation"
    reported_from = 0 if clause.coordinated else clause.start
    if sentence[trigger.start : trigger.start + 5].lower().startswith("would") and not _REPORTED_MODAL.search(
        sentence, reported_from, trigger.start
    ):
        return "conditional-would"  # "said X would ... and would ..." is reported speech; a bare "would" is not
    if _RELATIVE_BEFORE.search(r.before):
        return "relative-clause"  # "which will provide": a relative clause describes, it does not pledge
    if verb == "be":
        veto = _read_will_be(r)
        if veto:
            return veto
    elif verb in {"have", "need"} and re.match(r"\w+\s+to\b", r.obj):
        return "obligation"  # "will have to", "will need to"
    if _predicts(verb, r.obj) and not (verb in AGENTIVE_PREDICTION_VERBS and _party_is_subject(r)):
        return "prediction"
    # attending or visiting is logistics; hosting or leading is only when what is hosted is an
    # event ("host the summit"), not a project or a mission ("host pilot projects")
    if (
        verb in _LOGISTICS_VERBS
        and not r.agreed_that
        and (verb not in _HOSTING_VERBS or _EVENT_OBJECT.match(r.obj[len(verb) :]))
    ):
        return "logistics"
    if verb in _PRESSING_VERBS and _ON_SOMEONE_TO.match(r.obj[len(verb) :]):
        return "demand-on-others"  # "Canberra would press Beijing to remove barriers"
    if r.agreed_that:
        r.reasons.append("agreed-that")
    return None


def _rule_verb_to(r: _Reading) -> str | None:
    """ "agreed / pledged / committed / decided / resolved / intend / plan to" + a verb."""
    trig = r.sentence[r.trigger.start : r.trigger.end].split()[0].lower()
    if trig in _NOUN_READINGS and _NOUN_BEFORE.search(r.before):
        return "a-noun"  # "welcomed Vietnam's plan to finalize": someone's plan, not a pledge
    if trig.startswith("expect") and _AUX_BEFORE.search(r.before):
        return "prediction"  # "is expected to"
    verb_on = r.sentence[r.verb_start :]
    if trig.startswith(("agree", "consent")) and not (_object_is_action(verb_on) or _AGREED_NOUN_ACTION.match(verb_on)):
        return "agreed-to-a-text"  # "agreed to a Framework": the agreement is the day's completed act
    if trig.startswith(("plan", "aim", "seek", "expect")) and _AUX_BEFORE.search(r.before) and trig != "planning":
        return "a-description"  # "the centre is planned to", "the fund is aimed to"
    if trig.startswith(("commit", "agree", "pledge")) and re.match(r"\s*work\s+(?:\w+\s+)?towards?\b", r.obj):
        r.strength = INTENT  # "committed to work towards": an effort, not a result
    if (
        trig.startswith("commit")
        and not _object_is_action(verb_on, committed=True)
        and not _noun_object_counts(r.sentence[r.verb_start : r.clause.end], r.lexicon, r.context)
    ):
        return "committed-to-a-principle"
    return None


_PRINCIPLES_OF = re.compile(
    r"\s*(?:the\s+)?(?:(?:purposes|values|spirit)\s+and\s+)?(?:purposes|principles|values|spirit)\s+(?:of|enshrined|set\s+out)\b",
    re.I,
)


def _rule_commitment(r: _Reading) -> str | None:
    """ "reaffirmed their commitment to" + an action, a named instrument or cooperation in a field."""
    sentence, trigger, clause = r.sentence, r.trigger, r.clause
    governor = None
    for match in COMMITMENT_GOVERNORS.finditer(sentence, max(clause.start, trigger.start - 90), trigger.start):
        governor = match
    if governor is None:
        return "no-governing-verb"
    obj_text = sentence[trigger.end : clause.end]
    if _PRINCIPLES_OF.match(obj_text):
        return "committed-to-a-principle"  # "the purposes and principles of the Charter"
    if trigger.verb == "to" and not _object_is_action(obj_text, committed=True):
        if not _noun_object_counts(obj_text, r.lexicon, r.context):
            return "committed-to-a-principle"
    elif trigger.verb in {"in", "under"} and not _INSTRUMENT.search(obj_text[:150]):
        return "no-named-instrument"
    if re.match(r"\s*work\s+(?:\w+\s+)?towards?\b", obj_text):
        r.strength = INTENT  # "their commitment to work toward": an effort, not a result
    possessor = sentence[governor.end() : trigger.start]
    if any(m.party for m in r.lexicon.mentions(possessor)):
        r.before, r.region_start = possessor, governor.end()  # "reaffirmed Japan's commitment to"
    # the owner is an actor named before, not a place ("the conference held in Paris, we reaffirm our ...")
    owners = [m.party for m in _subject_mentions(r.before, r.lexicon)]
    if owners:
        r.owner = _Subject(sorted(set(owners)), "named")
    return None


def _rule_welcomed(r: _Reading) -> str | None:
    """ "welcomed the resumption of", "welcomed the upcoming visit": a future joint act, not another party's."""
    welcomed = r.sentence[r.trigger.end - len(r.trigger.verb) : r.clause.end].strip()
    if re.match(r"(?:[\w.-]+\s+){0,3}?[\w.-]+['’]s?\s", welcomed) and r.lexicon.mentions(welcomed[:40]):
        first = r.lexicon.mentions(welcomed[:40])[0]
        if welcomed[first.end : first.end + 2] in {"'s", "’s"}:
            return "others-plan"
    if not _WELCOME_FUTURE.match(welcomed):
        if not _WELCOME_UPCOMING.search(welcomed):
            return "welcomed-a-past-act"
        if re.search(r"\bplann(?:ing|ed)\b", welcomed, re.I):
            r.strength = INTENT
    r.obj = welcomed
    return None


def _rule_announces(r: _Reading) -> str | None:
    if not _ANNOUNCE_OBJECT.match(r.sentence[r.trigger.end - len(r.trigger.verb) : r.clause.end]):
        return "announced-no-new-measure"
    return None


_BINDING_TEXT = re.compile(
    r"\b(?:agreement|deal|treaty|accord|framework|memorandum|protocol|pact|arrangement|declaration|statement|plan)\b",
    re.I,
)


def _rule_binds(r: _Reading) -> str | None:
    """ "The agreement commits Peru to lowering tariffs": the party bound acts, whatever binds it."""
    who = re.search(r"\s(.+?)\s+to\s+\w+$", r.sentence[r.trigger.start : r.trigger.end])
    mentions = r.lexicon.mentions(who.group(1) if who else "")
    bound = [p for m in mentions for p in r.lexicon.actors(m, r.context.doc_date)]
    if not bound or not _BINDING_TEXT.search(r.before):
        return "nothing-binds"
    r.owner = _Subject(sorted(set(bound)), "named")
    return None


# Every country, not the parties of the text: "called on all countries to refrain from ..."
_THE_WORLD = re.compile(r"\ball\s+(?:countries|nations|states|governments)\b|\binternational community\b", re.I)


def _rule_called_on(r: _Reading) -> str | None:
    """ "called on all parties to": a call that includes the speaker's side; a call on another is a demand."""
    who = re.search(r"(?:on|upon)\s+(.+?)\s+to\s+[\"“]?\w+$", r.sentence[r.trigger.start : r.trigger.end])
    target = who.group(1) if who else ""
    if _THE_WORLD.search(target) or not (COLLECTIVE.search(target) or re.search(r"\b(?:BRICS|ASEAN|member)\b", target)):
        return "demand-on-others"
    if _MORE_COOPERATION.match(r.obj):
        return "called-for-more-cooperation"  # vague, like "called for more collaboration in a field"
    return None


def _rule_on_track(r: _Reading) -> str | None:
    """ "remains on track to train 500 officers by 2026": a restated target with its date."""
    verb = re.sub(r"ing$", "", r.trigger.verb)
    if r.trigger.verb in PREDICTION_VERBS or verb in PREDICTION_VERBS or verb.startswith("becom"):
        return "an-assessment"  # "on track to become a regional hub"
    if not find_deadlines(r.sentence[r.trigger.start : r.clause.end], r.context.doc_date):
        return "no-target-date"
    return None


def _rule_scheduled(r: _Reading) -> str | None:
    """ "are set to sign an agreement in April" (the subject acts), "is planned for May" (a dated event)."""
    sentence, trigger = r.sentence, r.trigger
    active = re.match(r"\s*(?:[a-z]+ly\s+)?([a-z]+)", sentence[trigger.end : r.clause.end])
    if sentence[trigger.start : trigger.end].endswith("to") and active:
        if active.group(1) in PREDICTION_VERBS or active.group(1) == "be":
            return "a-forecast"  # "is set to become the largest ..."
        r.obj = sentence[trigger.end : r.clause.end]
        if "planned" not in sentence[trigger.start : trigger.end]:
            r.strength = FIRM
        return None
    if not find_deadlines(sentence[trigger.start : r.clause.end], r.context.doc_date):
        return "a-description"  # "is planned" with no date
    r.passive = True
    return None


def _rule_may(r: _Reading) -> str | None:
    return "a-possibility" if r.sentence[r.verb_start :].startswith("be ") else None


def _rule_promise(r: _Reading) -> str | None:
    """ "we count on China to keep its promise to": the party counted on is the one that promised."""
    count_on = re.search(r"\bcount on\s+(.{2,40}?)\s+to\s*$", r.sentence[r.clause.start : r.trigger.start])
    names = [m.party for m in r.lexicon.mentions(count_on.group(1)) if m.party] if count_on else []
    if names:
        r.owner = _Subject(sorted(set(names)), "named")
    return None


_KIND_RULES = {
    "modal": _rule_future,
    "is_to": _rule_future,
    "verb_to": _rule_verb_to,
    "commitment": _rule_commitment,
    "welcomed": _rule_welcomed,
    "announces": _rule_announces,
    "binds": _rule_binds,
    "called_on": _rule_called_on,
    "on_track": _rule_on_track,
    "scheduled": _rule_scheduled,
    "may": _rule_may,
    "promise": _rule_promise,
}

# -- checks of the object


def _veto_vague_object(r: _Reading) -> str | None:
    if r.passive:
        r.obj = r.clause_text  # passive: what is done is the subject
    if r.trigger.kind not in {"welcomed", "announces"} and not _specific(r.obj, r.lexicon):
        return "vague-object"
    return None


def _veto_past_year(r: _Reading) -> str | None:
    """ "agreed to remove ... sanctions passed in 2006": a past act."""
    if r.context.doc_date is None:
        return None
    for match in _PAST_YEAR.finditer(r.sentence, r.clause.start, r.clause.end):
        if int(match.group(1)) < r.context.doc_date.year:
            return "past-year"
    return None


# "are determined to place urgent priority on climate change": a priority, not an action
_PRIORITY = re.compile(r"\s*(?:place|put|give|accord|attach)\s+(?:\w+\s+){0,2}?priority\b", re.I)


def _veto_priority(r: _Reading) -> str | None:
    return "a-priority" if _PRIORITY.match(r.obj) else None


# Watching what is already agreed is no new action: "will continue to monitor the implementation of
# the agreement", "will review progress" (the rules' "reference").
_MONITORING = re.compile(
    r"\s*(?:continue\s+to\s+)?(?:closely\s+)?(?:monitor|review|follow(?:\s+up\s+on)?|track|take\s+stock\s+of|"
    r"keep\s+under\s+review)\s+(?:closely\s+)?(?:the\s+|their\s+|its\s+|our\s+)?"
    r"(?:implementation|progress|developments|situation|status)\b",
    re.I,
)


# Objects that state a stance or a manner rather than an action (labelled vague or position):
# "take resolute measures to safeguard the legitimate rights and interests of", "continue to support the EU
# and China in resolving", "continue to welcome German companies to invest", "keep close communication",
# "report on progress on these initiatives".
_STANCE_OBJECT = re.compile(
    r"\s*(?:continue\s+to\s+)?(?:"
    r"(?:take|adopt)\s+(?:\w+\s+){0,2}?(?:measures|steps|actions?)\s+(?:(?:necessary|needed|required)\s+)?(?:to\s+)?"
    r"(?:safeguard|protect|defend|uphold)\b|"
    r"(?:safeguard|protect|defend|uphold)\s+(?:its|their|our|the)\s+(?:\w+\s+){0,3}?(?:interests|rights)\b|"
    r"(?:support|welcome|encourage)\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){1,4}(?:(?:and|or)\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){1,3})?"
    r"(?:companies\s+|firms\s+|businesses\s+|enterprises\s+|investors\s+)?(?:in|to)\s+[a-z]+|"
    r"(?:keep|maintain|stay)\s+(?:in\s+)?(?:close\s+|closer\s+)?(?:communication|contact|touch)\s*(?:[.;,]|$)|"
    r"report\s+(?:back\s+)?on\s+(?:the\s+)?progress\b)",
)


def _veto_stance(r: _Reading) -> str | None:
    """An object that states a stance, a manner or a report rather than an action (see ``_STANCE_OBJECT``)."""
    if _QUANTITY.search(r.obj):
        return None  # "will support Ukraine in rebuilding its grid with 500 million dollars": a measure
    return "stance-not-action" if _STANCE_OBJECT.match(r.obj) else None


# "called on the two sides to strengthen cooperation in clean energy": more cooperation in a field, not an act
_MORE_COOPERATION = re.compile(
    r"\s*(?:further\s+)?(?:strengthen|deepen|enhance|expand|step\s+up|boost|promote|increase|intensify)\s+"
    r"(?:\w+\s+){0,2}?(?:cooperation|collaboration|exchanges|ties|coordination|communication)\b(?![^,;.]*\b(?:by|through)\b)",
    re.I,
)


# "we will keep our sanctions policy under review": a policy kept under review is no action
_KEPT_UNDER_REVIEW = re.compile(
    r"\s*(?:continue\s+to\s+)?keep\s+(?:[\w’'-]+\s+){1,5}?under\s+(?:close\s+)?review\b", re.I
)


def _veto_monitoring(r: _Reading) -> str | None:
    return "monitoring" if _MONITORING.match(r.obj) or _KEPT_UNDER_REVIEW.match(r.obj) else None


_OBJECT_VETOES = (_veto_monitoring, _veto_stance, _veto_priority, _veto_vague_object, _veto_past_year)

# -- the subject

_REPORTED_PRONOUN = re.compile(
    r"\s*(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|"
    r"on \w+day)\s+(?:that\s+)?)?"
    # "Japan said separately that it would", "Seoul added later that it will"
    r"(?:(?:[a-z]+ly|also|later|again|earlier|too)\s+(?:that\s+)?)?(?:it|he|she|its|his|her|their)\b"
)


def _actor(r: _Reading) -> _Subject | None:
    """Who acts: the owner a rule found, else the text before the trigger, a reported "it", a
    description of a country, or the subject of the sentence's first clause."""
    if r.owner is not None:
        return r.owner
    region = _PREAMBLE.sub("", r.sentence[r.region_start : r.trigger.start])
    subject = _resolve_region(region, r.context, quoted_party=r.quoted_party)
    if subject is None and r.reporting is not None and _REPORTED_PRONOUN.match(region):
        # "Tokyo announced Friday it will send ...": "it" is whoever announced
        frame = r.sentence[r.clause.start : r.reporting.start()]
        subject = _resolve_region(frame, r.context, quoted_party=r.quoted_party)
    if subject is None and _ANAPHOR.fullmatch(re.split(r",\s+|\bthat\s+", region.strip())[-1]):
        # "Turkish Trade Minister Omer Bolat said the government would ...": the country last named
        subject = _antecedent(r.sentence[: r.region_start], r.preceding, r.context)
        if subject is not None:
            r.reasons.append("anaphor")
    if subject is None and r.clause.coordinated:
        subject = _inherited_subject(r.sentence, r.clauses, r.context, quoted_party=r.quoted_party)
        if subject is not None:
            r.reasons.append("inherited-subject")
    if (
        subject is not None
        and _QUOTED_WE_AGREED.search(region)
        and r.quoted_party
        and _AGREEING.match(r.sentence, r.trigger.start)
    ):
        # a minister's "We have agreed to hold the first round": an agreement has both sides to it
        subject = _Subject(list(r.context.parties), "collective")
    return subject


_QUOTED_WE_AGREED = re.compile(r"\b[Ww]e\s+(?:have\s+)?(?:also\s+)?$")
_AGREEING = re.compile(r"(?:agree|agreed|decided)\b", re.I)


def _proposer(r: _Reading) -> _Subject:
    """A proposal of joint action: the group it names, the parties of its that-clause, or all parties."""
    head = r.obj[:90]
    lexicon = r.lexicon
    groups = [
        m.party
        for m in lexicon.mentions(head)
        if m.party and lexicon.party(m.party) and lexicon.party(m.party).kind == "organisation"
    ]
    named = [p for m in lexicon.mentions(head) for p in lexicon.actors(m, r.context.doc_date)]
    if groups:
        return _Subject(list(groups), "named")
    if r.trigger.verb == "that" and len(set(named)) >= 2:
        return _Subject(sorted(set(named)), "named")
    return _Subject(list(r.context.parties), "collective")


# "a joint working group will be established by 2032": a body the parties set up, with a date
_BODY_NOUN = re.compile(
    r"\b(?:working groups?|mechanisms?|committees?|commissions?|councils?|task forces?|centres?|centers?|"
    r"offices?|hotlines?|funds?|platforms?|secretariats?)\b",
    re.I,
)
_PASSIVE_AGENT = re.compile(r"\bby\s+((?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)")
_NEXT_ROUND = re.compile(r"\bnext\s+(?:\w+\s+)?(?:meeting|round|session|summit)\b")


def _passive_subject(r: _Reading, subject: _Subject | None, deadlines: list[Deadline]) -> _Subject | str:
    """ "consultations will be held by the end of this year": an agreed event with a date, by the
    parties unless an agent is named; "the plant would be launched this year" names no event and no actor."""
    agents = _PASSIVE_AGENT.findall(r.before) + _PASSIVE_AGENT.findall(r.sentence, r.trigger.start, r.clause.end)
    named = [p for a in agents for p in r.context.lexicon.parties_in(a)]
    r.reasons.append("passive")
    if named:
        return _Subject(sorted(set(named)), "named")
    if subject is not None and subject.how == "named":
        return subject
    subject_text = r.sentence[r.region_start : r.trigger.start]
    # "agreed that the next dialogue will be held in Washington": the agreement dates nothing but decides it
    if not (deadlines or r.agreed_that) or not (_EVENT_NOUN.search(subject_text) or _BODY_NOUN.search(subject_text)):
        return "passive-without-event-or-date"
    if _SUBORDINATE_START.match(r.before):
        return "subordinate-clause"
    if _NEXT_ROUND.search(subject_text):
        return "next-meeting-logistics"
    return _Subject(list(r.context.parties), "passive")


# -- the fields

_HEDGES = re.compile(
    r"\b(?:as required|as needed|as appropriate|where appropriate|if necessary|subject to|"
    r"is prepared to|are prepared to)\b",
    re.I,
)
# An action that waits on another process: "once the review is concluded", "once the agreement enters
# into force", "upon ratification"
_ON_CONDITION = re.compile(
    r"\b(?:once|upon|after)\s+(?:the\s+)?[^,;.]{3,100}?\b(?:is|are|has been|have been)\s+"
    r"(?:concluded|completed|ratified|approved|signed|adopted|finali[sz]ed|in force)\b|"
    r"\bonce\s+[^,;.]{3,100}?\b(?:enters?\s+into\s+force|takes?\s+effect|is\s+in\s+place)\b",
    re.I,
)
# "will work with the region to explore program expansion": the action itself is only explored
_EXPLORED = re.compile(r"^(?:[\w’'-]+\s+){0,6}?to\s+(?:explore|consider|study|examine|assess)\b", re.I)


def _hedged(r: _Reading) -> str:
    """The trigger's strength, softened when the action is optional or conditional ("subject to
    congressional notification, will ...", "is prepared to request", "to explore")."""
    if _EXPLORED.match(r.obj):
        return HEDGED
    if r.strength == FIRM and _HEDGES.search(r.sentence, r.clause.start, r.clause.end):
        return HEDGED
    if _ON_CONDITION.search(r.sentence, r.clause.start, r.clause.end) or _CONDITION_AFTER.search(
        r.sentence, r.trigger.end, r.clause.end
    ):
        return HEDGED  # "once the review is concluded, ... will open negotiations", "intends to buy ... if"
    return r.strength


BASE_CONFIDENCE = 0.45
TRIGGER_CONFIDENCE = {
    "verb_to": 0.3,
    "commitment": 0.25,
    "modal": 0.2,
    "nod": 0.3,
    "intention": 0.3,
    "plans": 0.25,
    "welcomed": 0.1,
    "tasked": 0.25,
    "progressive": 0.15,
    "proposed": 0.1,
    "called_on": 0.05,
    "called_for": 0.1,
    "promise": 0.25,
    "announces": 0.15,
    "may": 0.1,
}
OTHER_TRIGGER_CONFIDENCE = 0.1
SUBJECT_CONFIDENCE = {"named": 0.15, "collective": 0.15, "pronoun": 0.1, "person": 0.05, "issuer": 0.0, "passive": -0.1}
INHERITED_SUBJECT_PENALTY = 0.05
LONG_SENTENCE, LONG_SENTENCE_PENALTY = 450, 0.1


def _confidence(r: _Reading, how: str) -> float:
    confidence = BASE_CONFIDENCE + TRIGGER_CONFIDENCE.get(r.trigger.kind, OTHER_TRIGGER_CONFIDENCE)
    confidence += SUBJECT_CONFIDENCE.get(how, 0)
    if "inherited-subject" in r.reasons:
        confidence -= INHERITED_SUBJECT_PENALTY
    if len(r.sentence) > LONG_SENTENCE:
        confidence -= LONG_SENTENCE_PENALTY
    return max(0.05, min(0.98, confidence))


def _decide(r: _Reading) -> _Candidate | str:
    """The candidate a trigger makes of its clause, or the name of the rule that vetoed it."""
    for rule in (*_CONTEXT_VETOES, _KIND_RULES.get(r.trigger.kind), *_OBJECT_VETOES):
        veto = rule(r) if rule else None
        if veto:
            return veto
    subject = _actor(r)
    if r.trigger.kind == "proposed":
        subject = _proposer(r)
    elif r.trigger.kind == "called_on":
        subject = _Subject(list(r.context.parties), "collective")  # "all parties": the speaker's side included
    deadlines = find_deadlines(r.clause_text, r.context.doc_date)
    if r.passive:
        subject = _passive_subject(r, subject, deadlines)
        if isinstance(subject, str):
            return subject
    if subject is None or not subject.parties:
        return "no-party"
    if subject.how in {"collective", "pronoun", "passive"}:
        parties = r.lexicon.expand_collective(subject.parties, r.context.doc_date)
    else:
        parties = r.lexicon.expand(subject.parties, r.context.doc_date)
    r.reasons.append(f"subject:{subject.how}")
    clause = r.clause
    topics = _clause_topics(r.sentence[r.trigger.start : clause.end], r.clause_text, r.lexicon)
    if not topics:
        topics = list(r.context.topics[:1]) or ["dialogue"]  # no subject word in the clause: the document's
        r.reasons.append("topic-fallback")
    strength = _hedged(r)
    return _Candidate(
        start=clause.start,
        end=clause.end,
        parties=parties,
        strength=strength,
        topics=topics,
        deadline=_choose_deadline(deadlines, clause.start, r.verb_start),
        confidence=_confidence(r, subject.how),
        reasons=r.reasons,
        object_start=r.verb_start,
    )


def _evaluate(
    sentence: str,
    clause: _Clause,
    clauses: list[_Clause],
    trigger: Trigger,
    context: DocumentContext,
    *,
    quoted_party: str | None,
    preceding: str = "",
) -> _Candidate | None:
    if trigger.kind == "accepted":
        return _accepted_invitation(sentence, clause, trigger, context, quoted_party=quoted_party)
    reading = _reading(sentence, clause, clauses, trigger, context, quoted_party=quoted_party, preceding=preceding)
    decided = _decide(reading)
    return None if isinstance(decided, str) else decided


def explain(sentence: str, context: DocumentContext, *, quoted_party: str | None = None) -> list[tuple[str, str, str]]:
    """(trigger kind, clause, "kept" or the veto's name) for every trigger of a sentence: which rule decided."""
    clauses = _clauses(sentence, context.lexicon)
    out = []
    for trigger in find_triggers(sentence):
        clause = next((c for c in clauses if c.start <= trigger.start < c.end), None)
        if clause is None:
            continue
        if trigger.kind == "accepted":
            found = _accepted_invitation(sentence, clause, trigger, context, quoted_party=quoted_party)
            verdict = "kept" if found else "no-accepted-visit"
        else:
            reading = _reading(sentence, clause, clauses, trigger, context, quoted_party=quoted_party, preceding="")
            decided = _decide(reading)
            verdict = decided if isinstance(decided, str) else "kept"
        out.append((trigger.kind, sentence[clause.start : clause.end], verdict))
    return out


_INVITATION = re.compile(r"\binvit(?:ation|ed|es)\b", re.I)
_VISIT = re.compile(r"\b(?:to\s+)?(?:visit|travel to|attend|come to|pay\s+(?:an?\s+)?(?:\w+\s+)?visit)\b", re.I)


def _accepted_invitation(
    sentence: str, clause: _Clause, trigger: Trigger, context: DocumentContext, *, quoted_party: str | None
) -> _Candidate | None:
    """An accepted invitation to visit is a pledge to make the visit, by whoever accepted it. When the
    accepter is not named as a party, a two-party text's other party is: the host invited the guest."""
    text = sentence[clause.start : clause.end]
    if not (_INVITATION.search(text) and _VISIT.search(text)):
        return None
    if _NEGATED.search(sentence[clause.start : trigger.start]):
        return None
    region = sentence[clause.start : trigger.start]
    region = re.split(r",\s+(?:and|which|but)\s+|\band\s+", region)[-1] if region.strip() else ""
    subject = _resolve_region(region, context, quoted_party=quoted_party) if region.strip() else None
    parties = list(subject.parties) if subject and subject.how in {"named", "person", "issuer"} else []
    if not parties:
        visit = _VISIT.search(text)
        hosts = set(context.lexicon.parties_in(text[visit.end() :])) if visit else set()
        guests = [p for p in context.parties if p not in hosts]
        if hosts and len(context.parties) == 2 and len(guests) == 1:
            parties = guests
    if not parties:
        return None
    deadlines = find_deadlines(text, context.doc_date)
    return _Candidate(
        start=clause.start,
        end=clause.end,
        parties=context.lexicon.expand(parties, context.doc_date),
        strength=FIRM,
        topics=rank_topics(text, context.lexicon) or ["dialogue"],
        deadline=deadlines[0] if deadlines else None,
        confidence=0.6,
        reasons=["accepted", "visit"],
        object_start=clause.start,
    )


_ENUMERATION = re.compile(r"\b(?:including|such as|e\.g\.|among them|notably)\b", re.I)
_LIMITING = re.compile(r"\b(?:without|while|whereas|rather than|instead of|unlike)\b", re.I)


def rank_topics(text: str, lexicon: Lexicon) -> list[str]:
    """Topics of a clause, most relevant first.

    Keywords near the start of the clause (the committed action and the head of its object) count
    more than those at its end; those in an enumeration ("including on commercial, economic ...
    issues") count half, and those after "without" or "while" hardly at all ("... without unduly
    limiting trade and investment"). The generic topic (dialogue) counts less than any subject
    topic, except when the subjects are only a string of modifiers of a generic head ("diplomatic,
    military, law enforcement, commercial, and financial channels"): engagement with no single subject.
    """
    matches = [m for m in topic_matches(text, lexicon) if not _MODIFIER_SUFFIX.match(text, m[1])]
    if not matches:
        return []
    enumeration = _ENUMERATION.search(text)
    if _modifiers_of_generic_head(text, matches) or _examples_of_generic_action(matches, enumeration):
        return [GENERIC_TOPIC]
    length = max(len(text), 1)
    limiting = _LIMITING.search(text)
    purpose = _PURPOSE.search(text)
    scores: dict[str, float] = {}
    first_seen: dict[str, int] = {}
    for start, end, key in matches:
        weight = 1.0 - HEAD_DECAY * start / length
        if _MEANS.fullmatch(text, start, end):
            weight *= MEANS_WEIGHT
        if enumeration and start > enumeration.start():
            weight *= 0.5
        if limiting and start > limiting.start():
            weight *= 0.2
        if purpose and start > purpose.start():
            weight *= PURPOSE_WEIGHT
        if key == GENERIC_TOPIC:
            weight *= GENERIC_WEIGHT
        scores[key] = scores.get(key, 0.0) + weight
        first_seen.setdefault(key, start)
    ranked = sorted(scores, key=lambda k: (-scores[k], first_seen[k]))
    specific = [k for k in ranked if k in _NARROWER.get(ranked[0], ())]
    return [*specific[:1], *(k for k in ranked if k not in specific[:1])]


# A broad topic gives way to a narrower one named in the same clause: police work against drugs,
# cybercrime, fugitives, irregular migration or terrorism is labelled with the narrower topic.
_NARROWER = {
    "law-enforcement": (
        "counter-narcotics",
        "cybersecurity",
        "repatriation/fugitives",
        "immigration",
        "counter-terrorism",
    ),
}

# paying for something is the means, not the subject ("will finance a hydropower dam"): such a word
# counts little beside the thing paid for
_MEANS = re.compile(r"financ(?:e|es|ed|ing)|fund(?:s|ed|ing)?|training", re.I)
MEANS_WEIGHT = 0.3

# How much less a topic word at the end of a clause counts than one at its start (the committed
# action and its object come first; purposes, beneficiaries and background follow).
HEAD_DECAY = 0.8
# a purpose after the object (", to restore ...", "so that ...") says why, not what: it counts less
_PURPOSE = re.compile(r",\s*(?:in order\s+)?to\s+(?!the\b|a\b|an\b)[a-z]+|\bso (?:that|as to)\b|\bin order to\b", re.I)
PURPOSE_WEIGHT = 0.5
# "science-based prevention", "market-driven reform": a topic word that only qualifies another noun
_MODIFIER_SUFFIX = re.compile(r"-(?:based|driven|led|oriented|related|focused|informed|linked)\b", re.I)
# subject words joined by commas and "and"/"or" in front of one generic head noun
_MODIFIER_GLUE = re.compile(r"^(?:\s*,?\s*(?:and|or)?\s*)$", re.I)
MODIFIER_TOPICS = 3  # distinct subjects in such a string that say "no single subject"


def _examples_of_generic_action(matches: list[tuple[int, int, str]], enumeration: re.Match[str] | None) -> bool:
    """The action names only generic engagement, and what follows "including" lists at least
    ``MODIFIER_TOPICS`` subjects as examples ("consultations ..., including on commercial, maritime,
    arms control ... issues"): engagement with no single subject."""
    if enumeration is None:
        return False
    before = {key for start, _end, key in matches if start < enumeration.start()}
    after = {key for start, _end, key in matches if start > enumeration.start()} - {GENERIC_TOPIC}
    return before == {GENERIC_TOPIC} and len(after) >= MODIFIER_TOPICS


def _modifiers_of_generic_head(text: str, matches: list[tuple[int, int, str]]) -> bool:
    """A run of subject words of at least ``MODIFIER_TOPICS`` topics, joined only by commas and "and",
    that ends right before a generic keyword ("commercial, and financial channels")."""
    run: list[str] = []
    previous_end = None
    for start, end, key in matches:
        if previous_end is not None and not _MODIFIER_GLUE.match(text[previous_end:start]):
            run = []
        if key == GENERIC_TOPIC:
            if len(set(run)) >= MODIFIER_TOPICS and text[previous_end:start].strip() == "":
                return True
            run = []
        else:
            run.append(key)
        previous_end = end
    return False


def _clause_topics(action: str, clause: str, lexicon: Lexicon) -> list[str]:
    """The topics of the committed action (from its trigger on); when it names only the generic
    topic or none, a subject named earlier in the clause ("Given the revenues Russia draws from its
    exports, we will work on further measures") is its subject."""
    topics = rank_topics(action, lexicon)
    if topics[:1] in ([], [GENERIC_TOPIC]):
        subjects = [t for t in rank_topics(clause, lexicon) if t != GENERIC_TOPIC]
        if subjects:
            return subjects
    return topics


_FRONTED_TIME = re.compile(r"^\s*(?:by|in|within|before|during|over|early|later|next|from|starting)\b", re.I)


def _choose_deadline(deadlines: list[Deadline], clause_start: int, trigger_start: int) -> Deadline | None:
    """The deadline of the committed action: after the trigger, or fronted at the very start
    ("In the coming weeks, the two sides will ..."); not a date in the reporting frame."""
    offset = trigger_start - clause_start
    after = [d for d in deadlines if d.start >= offset]
    if after:
        return after[0]
    fronted = [d for d in deadlines if d.start <= 3 and _FRONTED_TIME.match(d.text)]
    return fronted[0] if fronted else None


def _inherited_subject(
    sentence: str, clauses: list[_Clause], context: DocumentContext, *, quoted_party: str | None
) -> _Subject | None:
    first = clauses[0]
    finite = _finite_verbs(sentence, first.start, first.end)
    end = finite[0].start() if finite else first.end
    if finite and re.fullmatch(r"said|says|told|added|stated|announced", finite[0].group()):
        # "Lula said Brazil aims to ... and would create ...": the reported subject goes on
        after = finite[0].end()
        starts = [t.start for t in find_triggers(sentence[after : first.end])]
        stop = after + starts[0] if starts else (finite[1].start() if len(finite) > 1 else first.end)
        reported = _resolve_region(sentence[after:stop], context, quoted_party=quoted_party)
        if reported is not None:
            return reported
    return _resolve_region(_PREAMBLE.sub("", sentence[first.start : end]), context, quoted_party=quoted_party)


# --- the document ---------------------------------------------------------------------------


# The capitalised participles that open the preambular clauses of a declaration.
_PREAMBULAR = re.compile(
    r"^\s*(?:RECALLING|RECOGNI[SZ]ING|REAFFIRMING|NOTING|ACKNOWLEDGING|WELCOMING|EMPHASI[SZ]ING|UNDERLINING|"
    r"STRESSING|BEARING IN MIND|MINDFUL|CONSIDERING|DESIRING|CONVINCED|AWARE|CONSCIOUS|GUIDED|EXPRESSING|"
    r"HIGHLIGHTING|UNDERSCORING|REFLECTING|APPRECIATING|AFFIRMING|BUILDING ON)\b"
)


@dataclass
class _LeadIn:
    parties: list[str] | None
    strength: str | None
    deadline: Deadline | None
    subject: str | None = None  # a lead-in that is only a subject ("The Prime Ministers also:")


def detect(
    text: str,
    *,
    doc_date: datetime.date | None,
    parties: list[str] | None = None,
    lexicon: Lexicon | None = None,
    title: str | None = None,
    site: str | None = None,
) -> list[Detected]:
    """Commitment candidates in ``text`` (paragraphs separated by blank lines), in document order.

    ``parties``: the meeting's parties when known; otherwise inferred from ``title`` and the text.
    ``site``: the publishing host, so that a government's own site speaks for that government.
    """
    lexicon = lexicon or default_lexicon()
    context = DocumentContext.build(text, lexicon=lexicon, doc_date=doc_date, parties=parties, title=title, site=site)
    if dominant_script(text[:20000]) == CJK:
        return detect_chinese_document(text, context)
    paragraphs = paragraph_spans(text)
    results: list[Detected] = []
    lead_in: _LeadIn | None = None
    # A page dump repeats its headline inside the text: a trigger in the headline is not a pledge.
    headlines = _occurrences(text, title)
    whole = context.parties
    sections = [] if context.given else _answer_sections(text, paragraphs, context)
    for unit in _units(text):
        # in a briefing's answers, "the two sides" are the pair the question and its answer are about
        context.parties = next((p for a, b, p in sections if a <= unit.start < b), whole)
        sentence = text[unit.start : unit.end]
        if not unit.is_item and unit.first_in_paragraph:
            lead_in = None
        if _looks_like_boilerplate(sentence, title, listed=unit.is_item and lead_in is not None):
            continue
        if _PREAMBULAR.match(sentence):
            continue  # "RECOGNISING that ...;": the preamble of a declaration states no action
        if _BOLD_TITLE.fullmatch(sentence):
            continue  # "**Modernize the alliance.**" over a list item: the item's title, not an action
        para_start, para_end = paragraphs[unit.paragraph]
        quoted = _quoted_party(text[para_start:para_end], unit.start - para_start, context)
        preceding = text[max(para_start - 400, 0) : unit.start]
        candidates = _sentence_candidates(sentence, context, quoted_party=quoted, preceding=preceding)
        candidates = [c for c in candidates if not any(a <= unit.start + c.object_start < b for a, b in headlines)]
        if sentence.rstrip().endswith(":") and unit.last_in_paragraph:
            # a lead-in: not a commitment itself; its deadline and actors go to the items below
            deadlines = find_deadlines(sentence, doc_date)
            best = candidates[0] if candidates else None
            lead_in = _LeadIn(
                parties=best.parties if best else None,
                strength=best.strength if best else None,
                deadline=deadlines[-1] if deadlines else None,
            )
            if best is None:
                lead_in.parties, lead_in.strength = _lead_in_actors(sentence, context, quoted)
                if lead_in.parties is None and _BARE_SUBJECT.fullmatch(sentence.strip()):
                    lead_in.subject = sentence.strip().rstrip(":")
            continue
        if unit.is_item and lead_in is not None and lead_in.subject and not candidates:
            # "The Prime Ministers also:" / "- agreed to hold a 2+2 dialogue ...": the item completes the subject
            candidates = _completing_subject(sentence, lead_in.subject, context, quoted, preceding)
        if unit.is_item and lead_in is not None:
            if not candidates and lead_in.parties and lead_in.strength and _continues_lead_in(sentence, lexicon):
                candidates = _lead_in_item(sentence, lead_in, context)
            for candidate in candidates:
                if candidate.deadline is None and lead_in.deadline is not None:
                    candidate.deadline = lead_in.deadline
        for candidate in candidates:
            if "topic-fallback" in candidate.reasons:
                # the rest of the sentence, without the clauses split off from it for their own topics
                siblings = [(unit.start + o.start, unit.start + o.end) for o in candidates if o is not candidate]
                candidate.topics = _context_topics(text, paragraphs, unit, siblings, context) or candidate.topics
            results.append(_to_detected(text, unit, sentence, candidate))
    context.parties = whole
    return results


# A journalist's question in a briefing transcript: "Reuters: Will China ...?", "Q: ...?", "Question (BBC): ...?"
_ASKED = re.compile(
    r"\s*(?:Q\s*:|QUESTION\b[^:\n]{0,40}:|Question\b[^:\n]{0,40}:|[A-Z][\w .’'&()-]{1,40}:)[^\n]*\?\s*$"
)


def _answer_sections(
    text: str, paragraphs: list[tuple[int, int]], context: DocumentContext
) -> list[tuple[int, int, list[str]]]:
    """(start, end, parties) of each question with its answer, in a text of two or more questions, where
    the section names two or more parties."""
    asked = [(a, b) for a, b in paragraphs if _ASKED.fullmatch(text[a:b])]
    if len(asked) < 2:
        return []
    sections = []
    for (start, question_end), end in zip(asked, [*(a for a, _b in asked[1:]), len(text)], strict=True):
        # named in the question and again in the answer: a city named only in the answer is no party
        named = sorted(
            _parties_named(text[start:question_end], context) & _parties_named(text[question_end:end], context)
        )
        if len(named) > 1:
            sections.append((start, end, context.lexicon.expand(named, context.doc_date)))
    return sections


def _parties_named(text: str, context: DocumentContext) -> set[str]:
    return {m.party for m in context.lexicon.mentions(text) if m.party}


# A lead-in that is a subject only: "The Prime Ministers also:", "The two sides:"
_BARE_SUBJECT = re.compile(
    r"(?:The\s+|Both\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4}(?:\s+(?:also|further|jointly))?\s*:"
)


def _completing_subject(
    item: str, subject: str, context: DocumentContext, quoted: str | None, preceding: str
) -> list[_Candidate]:
    """The candidates of a list item read with the subject its lead-in gave it, offsets in the item."""
    prefix = subject + " "
    shifted = []
    for piece in re.finditer(r"[^\n]+", item):  # bullets run together on following lines: each completes it
        at = piece.start() + len(_ITEM_MARKER.match(piece.group()).group() if _ITEM_MARKER.match(piece.group()) else "")
        for candidate in _sentence_candidates(
            prefix + item[at : piece.end()], context, quoted_party=quoted, preceding=preceding
        ):
            if candidate.end <= len(prefix):
                continue
            candidate.start = at + max(0, candidate.start - len(prefix))
            candidate.end = at + candidate.end - len(prefix)
            candidate.object_start = at + max(0, candidate.object_start - len(prefix))
            shifted.append(candidate)
    return shifted


_BOLD_TITLE = re.compile(r"\s*(?:\*\*|__)[^*_\n]{2,160}(?:\*\*|__)[.:]?\s*")


# Item verbs that encourage, call on or acknowledge others: no action of the parties themselves
_NOT_AN_ACTION_ITEM = re.compile(
    r"\s*(?:to\s+)?(?:encourage|urge|call|invite|welcome|note|recogni[sz]e|acknowledge|recall|commend|appreciate|"
    r"congratulate|express|stress|emphasi[sz]e|underline|underscore|highlight)\b",
    re.I,
)


def _lead_in_item(item: str, lead_in: _LeadIn, context: DocumentContext) -> list[_Candidate]:
    """A list item that completes its lead-in's verb ("decide to:" / "1. Establish a working group ...")
    is a commitment of the lead-in's parties when its object is specific; its own verb can soften the
    lead-in's strength ("2. Explore a joint programme" is hedged); "Encourage partnerships between
    universities" asks others to act."""
    if _NOT_AN_ACTION_ITEM.match(item) or not _specific(item, context.lexicon):
        return []
    first = re.match(r"\s*(?:to\s+)?([A-Za-z]+)", item)
    verb = first.group(1).lower() if first else ""
    strength = lead_in.strength
    if verb in HEDGE_VERBS or _HEDGES.search(item):
        strength = HEDGED  # "Explore ...", "Provide $500 million ..., subject to congressional notification"
    elif verb in INTENT_VERBS and strength == FIRM:
        strength = INTENT
    deadlines = find_deadlines(item, context.doc_date)
    topics = rank_topics(item, context.lexicon) or ["dialogue"]
    return [
        _Candidate(
            0, len(item), lead_in.parties, strength, topics, deadlines[-1] if deadlines else None, 0.6, ["lead-in"]
        )
    ]


_HEADING_MARKUP = re.compile(r"^\s*(?:#{1,6}\s+\S|\*\*[^*]{2,120}\*\*[.:]?\s*$|__[^_]{2,120}__\s*$)")
_RUN_IN_HEADING = re.compile(r"^\s*\*\*(?P<label>[^*]{2,80}?)[.:]?\*\*[.:]?\s")


def _context_topics(
    text: str,
    paragraphs: list[tuple[int, int]],
    unit: _Unit,
    siblings: list[tuple[int, int]],
    context: DocumentContext,
) -> list[str]:
    """The topic of a committing clause that names none: the rest of its sentence, then its paragraph,
    then the heading it stands under, before the document's main topic (nearest evidence first).
    Clauses split off the same sentence for a topic of their own (``siblings``) are no evidence."""
    lexicon = context.lexicon
    blanked = text
    for a, b in siblings:
        blanked = blanked[:a] + " " * (b - a) + blanked[b:]
    para_start, para_end = paragraphs[unit.paragraph]
    sentence = blanked[unit.start : unit.end]
    paragraph = blanked[para_start:para_end]
    for piece in (sentence, paragraph, _heading_before(text, paragraphs, unit.paragraph)):
        topics = [t for t in rank_topics(piece, lexicon) if t != GENERIC_TOPIC] if piece else []
        if topics:
            return topics
    return []


def _heading_before(text: str, paragraphs: list[tuple[int, int]], index: int) -> str:
    """The heading a paragraph stands under: the nearest Markdown heading or bold line above it, or
    the bold run-in label that opens the paragraph itself ("**Defense and Security.** The ...")."""
    start, end = paragraphs[index]
    run_in = _RUN_IN_HEADING.match(text[start:end])
    if run_in:
        return run_in.group("label")
    for j in range(index - 1, max(-1, index - 30), -1):
        a, b = paragraphs[j]
        if _HEADING_MARKUP.match(text[a:b]):
            return text[a:b]
    return ""


_NOT_A_VERB = re.compile(
    r"(?:The|A|An|This|These|That|Those|Our|Their|Its|We|They|It|In|On|At|By|For|With|As|All|Each|Both|Some|Many|"
    r"Most|More|Other|Such|Any|No|New|Further|Additional)$|\w+(?:tion|sion|ment|ance|ence|ity|ship|ness|ure|ism|al)$"
)


# Imperatives that look like nouns by their ending ("Enhance cooperation", "Implement the plan").
_VERBS_LIKE_NOUNS = {
    "enhance",
    "advance",
    "finance",
    "balance",
    "commence",
    "influence",
    "implement",
    "supplement",
    "complement",
    "document",
    "augment",
    "reinforce",
    "focus",
    "address",
    "harness",
    "access",
}


def _continues_lead_in(item: str, lexicon: Lexicon) -> bool:
    """A list item that completes its lead-in's verb: "to ..."/"expand ..." in lower case, or an
    imperative or gerund in upper case ("Establish a joint cell", "Expanding cooperation"); not a
    noun phrase ("Purchases of energy products") nor a sentence with a subject of its own."""
    words = re.findall(r"[\w’'-]+", item[:80])
    if not words:
        return False
    first = words[0]
    if first[0].islower():
        return True
    if first.lower() not in _VERBS_LIKE_NOUNS and (
        _NOT_A_VERB.match(first) or (first.endswith("s") and not first.endswith("ss"))
    ):
        return False
    if len(words) > 1 and words[1].lower() == "of":
        return False
    return not lexicon.mentions(first)


_LEAD_IN_VERB = re.compile(
    r"\b(?P<verb>agree[sd]?|commit(?:s|ted)?|pledge[sd]?|decide[sd]?|resolve[sd]?|intend(?:s|ed)?|plan(?:s|ned)?|"
    r"undert(?:ake|akes|ook)|vow(?:s|ed)?|announce[sd]?|will(?:\s+(?:jointly|also|further))?(?=\s*:)|"
    # "will take the following steps by March 31, 2032:"
    r"will(?:\s+(?:jointly|also|further))?\s+[a-z]+(?=\s+the\s+following\b)|"
    r"commitments?|will work to|will seek to)\b(?:\s+[\w-]+){0,5}?\s*(?:to|on|upon|the following[\w\s,]*)?\s*:\s*$",
)


def _lead_in_actors(sentence: str, context: DocumentContext, quoted: str | None) -> tuple[list[str] | None, str | None]:
    """Who commits and how firmly, in a lead-in such as 'The two sides agreed on the following:'."""
    match = _LEAD_IN_VERB.search(sentence)
    if match is None:
        return None, None
    verb = match.group("verb").lower()
    if _VETO_BEFORE.search(sentence[: match.start()]):
        return None, None
    region = _PREAMBLE.sub("", sentence[: match.start()])
    subject = _resolve_region(region, context, quoted_party=quoted)
    if subject is None and _SUBJECTLESS_LEAD_IN.fullmatch(region):
        # "Hereby decide to:" in a joint statement: the signatories speak, as "we" would
        subject = _Subject(list(context.parties), "collective")
    if subject is None:
        return None, None
    if subject.how in {"collective", "pronoun"}:
        return context.lexicon.expand_collective(subject.parties, context.doc_date), _lead_in_strength(verb)
    return context.lexicon.expand(subject.parties, context.doc_date), _lead_in_strength(verb)


_SUBJECTLESS_LEAD_IN = re.compile(r"\s*(?:(?:hereby|jointly|together|also|further|now|therefore),?\s*)*", re.I)


def _lead_in_strength(verb: str) -> str:
    return INTENT if verb.startswith(("resolve", "intend", "plan", "will work", "will seek")) else FIRM


def _occurrences(text: str, title: str | None) -> list[tuple[int, int]]:
    if not title or len(title) < 20:
        return []
    return [(m.start(), m.end()) for m in re.finditer(re.escape(title), text)]


def _sentence_candidates(
    sentence: str, context: DocumentContext, *, quoted_party: str | None, preceding: str = ""
) -> list[_Candidate]:
    triggers = find_triggers(sentence)
    if not triggers:
        return []
    clauses = _clauses(sentence, context.lexicon)
    found: list[tuple[_Clause, _Candidate | None]] = []
    for clause in clauses:
        candidate = None
        for trigger in triggers:
            if not (clause.start <= trigger.start < clause.end):
                continue
            candidate = _evaluate(
                sentence, clause, clauses, trigger, context, quoted_party=quoted_party, preceding=preceding
            )
            if candidate is not None:
                break
        found.append((clause, candidate))
    return _assemble(sentence, found, context)


def _assemble(
    sentence: str, found: list[tuple[_Clause, _Candidate | None]], context: DocumentContext
) -> list[_Candidate]:
    merged: list[_Candidate] = []
    previous_clause = None
    for clause, candidate in found:
        if candidate is None:
            # "... and highlighted that any attack will be met with ...": a future statement that
            # continues a commitment stays with it; anything else ends it.
            continues = merged and previous_clause is not None and merged[-1].end == clause.start
            future = re.search(r"\b(?:will|shall)\b", sentence[clause.start : clause.end])
            if continues and not clause.participial and future:
                merged[-1].end = clause.end
            previous_clause = None
            continue
        after_lead_in = sentence[: clause.start].rstrip().endswith(":")
        if merged and merged[-1].end == clause.start and _same(merged[-1], candidate) and not after_lead_in:
            merged[-1].end = candidate.end
            merged[-1].confidence = max(merged[-1].confidence, candidate.confidence)
        else:
            merged.append(candidate)
        previous_clause = clause
    out: list[_Candidate] = []
    for candidate in merged:
        pieces = _split_by_deadlines(sentence, candidate, context)
        if len(pieces) > 1:
            for (
                piece
            ) in pieces:  # each piece is about what it says: "... hold the next COSBAN meeting, and launch a satellite"
                own = sentence[piece.object_start : piece.end]
                piece.topics = _clause_topics(own, own, context.lexicon) or piece.topics
        out.extend(pieces)
    for candidate in out:
        candidate.start, candidate.end = _trim_span(sentence, candidate.start, candidate.end, candidate.object_start)
    return [c for c in out if not sentence[c.start : c.end].rstrip().endswith(":")]  # an inline lead-in


def _same(a: _Candidate, b: _Candidate) -> bool:
    # Strength is not a reason to split: "will reduce ... and may also identify ..." is one term.
    return (
        a.parties == b.parties
        and set(a.topics) == set(b.topics)
        and (a.deadline.label if a.deadline else None) == (b.deadline.label if b.deadline else None)
    )


def _split_by_deadlines(sentence: str, candidate: _Candidate, context: DocumentContext) -> list[_Candidate]:
    """'peaking emissions by 2030 and achieving carbon neutrality by 2060': one commitment per deadline."""
    deadlines = [
        d
        for d in find_deadlines(sentence[candidate.start : candidate.end], context.doc_date)
        if candidate.start + d.start >= candidate.object_start
    ]
    labels = {d.label for d in deadlines}
    if len(deadlines) < 2 or len(labels) < 2:
        return _split_after_deadline(sentence, candidate, deadlines, context)
    pieces: list[_Candidate] = []
    start = candidate.start
    for first, second in itertools.pairwise(deadlines):
        gap_start = candidate.start + first.end
        gap_end = candidate.start + second.start
        conj = re.search(r"(?:,\s*)?\band\b", sentence[gap_start:gap_end])
        if conj is None or first.label == second.label:
            continue
        cut = gap_start + conj.start()
        pieces.append(_replace(candidate, start, cut, first))
        start = gap_start + conj.start() + conj.group().index("and")  # the second piece starts at "and"
    last = deadlines[-1]
    pieces.append(_replace(candidate, start, candidate.end, last))
    for piece in pieces[1:]:
        # "... in October, and we aim to conclude ... by March": a later piece with a verb of its own
        own = [t for t in find_triggers(sentence[piece.start : piece.end]) if t.kind == "verb_to"]
        if own:
            piece.strength = own[0].strength
    return pieces if len(pieces) > 1 else [candidate]


# After a deadline, a second infinitive or modal starts an action of its own: "... to deliver a
# programme by the end of March 2023 and to continue working together for budget support ...".
_NEXT_ACTION = re.compile(r"\s*,?\s*and\s+(?:to|will|shall)\s+[a-z]+", re.I)


def _split_after_deadline(
    sentence: str, candidate: _Candidate, deadlines: list[Deadline], context: DocumentContext
) -> list[_Candidate]:
    """One deadline and a second action coordinated by "and to" / "and will": two commitments, the
    deadline going to the action that holds it ("agreed to increase X and to complete Y in 2028")."""
    if len(deadlines) != 1:
        return [candidate]
    lexicon = context.lexicon
    deadline = deadlines[0]
    at = candidate.start + deadline.start
    for following in _NEXT_ACTION.finditer(sentence, candidate.object_start, candidate.end):
        cut = following.start() + following.group().index("and")
        if cut <= candidate.object_start + 3:
            continue
        if following.start() >= candidate.start + deadline.end:  # the deadline, then the second action
            first_piece = _replace(candidate, candidate.start, cut, deadline)
            if not _second_action_commits(
                sentence[following.end() - len(following.group().split()[-1]) : candidate.end]
            ):
                return [first_piece]  # "... and will continue to welcome companies to invest": no pledge of its own
            return [first_piece, _replace(candidate, cut, candidate.end, None)]
        first = sentence[candidate.object_start : cut]
        if cut < at and any(t != GENERIC_TOPIC for t in rank_topics(first, lexicon)) and _specific(first, lexicon):
            # the first action, then the second with its deadline; a first action of no subject of its own
            # ("committed to broaden their dialogue and to ...") stays with the second
            return [_replace(candidate, candidate.start, cut, None), _replace(candidate, cut, candidate.end, deadline)]
    return [candidate]


def _second_action_commits(obj: str) -> bool:
    """Whether the action after "and will" / "and to" is a commitment of its own: no stance."""
    return not _STANCE_OBJECT.match(obj)


def _replace(candidate: _Candidate, start: int, end: int, deadline: Deadline | None) -> _Candidate:
    return _Candidate(
        start,
        end,
        list(candidate.parties),
        candidate.strength,
        list(candidate.topics),
        deadline,
        candidate.confidence,
        [*candidate.reasons, "deadline-split"],
        max(start, candidate.object_start),
    )


def _trim_span(sentence: str, start: int, end: int, object_start: int = 0) -> tuple[int, int]:
    piece = sentence[start:end]
    # a long trailing purpose clause explains the pledge; it is not the pledge (unless the action
    # itself is the "to" clause: "asked their envoys, A and B, to explore ...")
    purpose = None
    for match in _LONG_PURPOSE.finditer(piece):
        if start + match.start() < object_start:
            continue
        if len(piece[match.start() :].split()) > 12 and match.start() > len(piece) * 0.35:
            purpose = match
            break
    if purpose is None:
        effect = _EFFECT_PARTICIPLE.search(piece)
        if effect and len(piece[effect.start() :].split()) > 6 and len(piece[: effect.start()].split()) >= 8:
            purpose = effect  # ", giving Tehran a boost as it struggles ...": the author's assessment
    if purpose is not None:
        end = start + purpose.start()
    while end > start and sentence[end - 1] in " ,;":
        end -= 1
    match = re.search(r"(?:,|;)?\s*(?:and|but|while)$", sentence[start:end])
    if match and match.start() > 0:
        end = start + match.start()
    while start < end and sentence[start] in " ,;":
        start += 1
    return start, end


def _to_detected(text: str, unit: _Unit, sentence: str, candidate: _Candidate) -> Detected:
    start = unit.start + candidate.start
    end = unit.start + candidate.end
    deadline = candidate.deadline
    return Detected(
        text=text[start:end],
        start=start,
        end=end,
        sentence_start=unit.start,
        sentence_end=unit.end,
        parties=sorted(candidate.parties),
        topics=list(candidate.topics),
        deadline=deadline.date if deadline else None,
        deadline_text=deadline.text if deadline else None,
        deadline_granularity=deadline.granularity if deadline else None,
        deadline_exact=bool(deadline and deadline.exact),
        strength=candidate.strength,
        confidence=round(candidate.confidence, 2),
        deadline_label=deadline.label if deadline else None,
        reasons=list(candidate.reasons),
    )
