"""Two accounts of one meeting, side by side: which pledges both report, which one side words more
firmly, and which appear on one side only.

The two accounts are usually in two languages (the White House in English, Xinhua in Chinese), so
they are compared on what they name, not on their words: each commitment becomes a weighted set of
concepts from the bilingual lexicon (`bilingual.concepts_in`: subjects, named mechanisms and
places, numbers), plus what `align_lexicon` adds for alignment (named officials, cities, traded
goods, months and relative years, the kinds of act), the topic keys and the deadline year the
extraction found, which are the same in both languages. The score is the weighted overlap of the two
sets (cosine), scaled down when the parties differ (one side's own statement against a joint
pledge), when one names the leaders' own act and the other one they delegate ("两国元首保持经常性
联系" against officials keeping channels open), and when the two main acts differ ("discuss further"
against "carry out").

Assignment: one to one, best pairs first, from MIN_SCORE; then one account's bundle ("maintain
communication on these and other issues") takes each further item of the other account that it
covers, from a lower MIN_EXTRA, of the same parties, actor and act. The constants were chosen by a
grid search scored leave-one-pair-out on the labelled pairs (README: "Two sides' accounts").

The relation of an aligned pair comes from the two strengths (firm > intent > hedged) and shows the
cue words that carry them. Accounts in the same language also get a word-level difference.

Pure Python, no Django: `manage.py compare_readouts` and the ingest pipeline both call `align`.
"""

from __future__ import annotations

import datetime
import difflib
import math
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tracker.extraction import align_lexicon as lexicon
from tracker.extraction import bilingual

if TYPE_CHECKING:
    from tracker.extraction.detect import Detected

# A pair is proposed when its score reaches MIN_SCORE, one to one, best first. A commitment already
# paired takes a further partner (a bundled sentence against each item the other account lists)
# only when at least COVERED of what that partner names, by weight, is named by the bundle too.
MIN_SCORE = 0.25
# A further partner of a bundle needs less: its score must reach MIN_EXTRA, it must be covered by the
# bundle, and have the bundle's parties and actor.
MIN_EXTRA = 0.15
COVERED = 0.4
# Commitments whose parties differ (one side's unilateral pledge against a joint one) are rarely the
# same pledge: their score is scaled down rather than ruled out, since an account may attribute a
# joint action to one side.
OTHER_PARTIES = 0.3
# The leaders' own pledge ("两国元首同意继续保持经常性联系") against one they delegate (officials to keep
# communication open), and two different kinds of act ("discuss further" against "carry out"), are
# scaled down the same way.
OTHER_ACTOR = 0.3
OTHER_ACT = 0.7
# Two pledges that each name what they are about (a subject of the shared lexicon's SUBJECT weight,
# "counterterrorism", "students", or an alignment subject, "wildlife") and share none of it are about
# different things, whatever generic words they share ("cooperation", "exchanges", "a working-group
# meeting in April"): scaled down as pledges of other parties are.
OTHER_SUBJECT = 0.3
# Forms of engagement carry SUBJECT weight but say nothing of what the pledge is about; some fields
# of FIELD weight do.
_FORMS = frozenset({"working-group", "visits", "phone-call", "missions"})
_FIELDS = frozenset(
    {"agriculture", "energy", "maritime", "finance", "investment", "science", "military", "law-enforcement"}
)
# The kind of act a pledge names is a feature too, weighing half the vocabulary every readout shares.
# It stands in for the few verbs of the shared lexicon (_LEXICON_VERBS), whose looser patterns
# ("further" is "increase", "更多" too) pair what only shares a manner of speaking.
ACT_WEIGHT = 0.5
_LEXICON_VERBS = frozenset({"resume", "establish", "increase", "follow-up"})


# The pairs chosen so far: (index in a, index in b) -> (score, the shared features).
Chosen = dict[tuple[int, int], tuple[float, list[str]]]


@dataclass
class Item:
    """One commitment of one account, as the extraction (or the record) has it."""

    text: str
    strength: str = "firm"
    parties: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    deadline: datetime.date | None = None
    language: str | None = None

    def lang(self) -> str:
        if self.language:
            return "zh" if self.language.startswith("zh") else "en"
        return "zh" if bilingual.is_chinese(self.text) else "en"


@dataclass
class Pair:
    a: int
    b: int
    relation: str  # same | a_stronger | b_stronger
    score: float
    shared: list[str]  # concept labels both name, most specific first
    cues_a: list[str] = field(default_factory=list)
    cues_b: list[str] = field(default_factory=list)
    diff: list[tuple[str, str]] = field(default_factory=list)  # same-language pairs: (op, words)


@dataclass
class Alignment:
    aligned: list[Pair]
    only_a: list[int]
    only_b: list[int]

    def as_json(self) -> dict[str, Any]:
        return {
            "aligned": [
                {
                    "a": p.a,
                    "b": p.b,
                    "relation": p.relation,
                    "score": round(p.score, 3),
                    "shared": p.shared,
                    "cues_a": p.cues_a,
                    "cues_b": p.cues_b,
                    **({"diff": p.diff} if p.diff else {}),
                }
                for p in self.aligned
            ],
            "only_a": self.only_a,
            "only_b": self.only_b,
        }


def features(item: Item) -> set[str]:
    """The language-independent keys of a commitment: concepts, named people, places and goods,
    months and relative dates, the kinds of act, topics, deadline year."""
    language = item.lang()
    keys = bilingual.concepts_in(lexicon.mask_false_friends(item.text), language) - _LEXICON_VERBS
    keys |= lexicon.names(item.text, language)
    keys |= {f"act:{act}" for act in lexicon.acts(item.text, language)}
    keys |= {f"topic:{t}" for t in item.topics}
    if item.deadline:
        keys.add(f"year:{item.deadline.year}")
    return keys


def _weight(key: str) -> float:
    kind = key.split(":", 1)[0] if ":" in key else ""
    if kind == "topic":
        return bilingual.COMMON
    if kind == "act":
        return ACT_WEIGHT
    if kind == "name":
        return bilingual.NAMED
    if kind in ("month", "when", "place", "subject"):
        return bilingual.FIELD
    return bilingual.weight(key)


def _other_acts(a: Item, b: Item, fa: set[str], fb: set[str]) -> bool:
    """Whether the two name different main acts: each one's first act is a kind that rules others
    out ("set up", "resume", "discuss", "carry out" ...) and not among the acts the other names."""
    main_a, main_b = lexicon.primary_act(a.text, a.lang()), lexicon.primary_act(b.text, b.lang())
    if main_a not in lexicon.HARD_ACTS or main_b not in lexicon.HARD_ACTS:
        return False
    return f"act:{main_a}" not in fb and f"act:{main_b}" not in fa


_WORD = re.compile(r"\w+", re.UNICODE)


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if len(w) > 2}


def score(a: Item, b: Item, fa: set[str] | None = None, fb: set[str] | None = None) -> tuple[float, list[str]]:
    """(similarity in [0, 1], the shared keys most specific first)."""
    fa = features(a) if fa is None else fa
    fb = features(b) if fb is None else fb
    shared = fa & fb
    if not _names_something(shared):
        value = 0.0  # the same verb, or the same broad topic, alone is not the same pledge
    else:
        total_a = sum(_weight(k) for k in fa)
        total_b = sum(_weight(k) for k in fb)
        value = sum(_weight(k) for k in shared) / math.sqrt(total_a * total_b)
    actor_a, actor_b = lexicon.actor(a.text, a.lang()), lexicon.actor(b.text, b.lang())
    if actor_a and actor_b and actor_a != actor_b:
        value *= OTHER_ACTOR
    if _other_acts(a, b, fa, fb):
        value *= OTHER_ACT
    if _other_subjects(fa, fb):
        value *= OTHER_SUBJECT
    if a.lang() == b.lang():
        # Same language: the words themselves count too.
        wa, wb = _words(a.text), _words(b.text)
        if wa and wb:
            value = max(value, len(wa & wb) / len(wa | wb))
    if _other_parties(a, b):
        value *= OTHER_PARTIES
    ordered = sorted(shared, key=lambda k: (-_weight(k), k))
    return value, ordered


def _subjects(keys: set[str]) -> set[str]:
    return {
        k
        for k in keys
        if k.startswith("subject:")
        or k in _FIELDS
        or (":" not in k and k not in _FORMS and bilingual.weight(k) == bilingual.SUBJECT)
    }


def _other_subjects(fa: set[str], fb: set[str]) -> bool:
    """Whether both name what they are about and the two share none of it."""
    subjects_a, subjects_b = _subjects(fa), _subjects(fb)
    return bool(subjects_a and subjects_b) and not subjects_a & subjects_b


def _other_parties(a: Item, b: Item) -> bool:
    """Whether one is one side's own pledge and the other another side's or a joint one. Two joint
    pledges of one meeting are not told apart by their party lists: where those differ, one list
    has usually caught the venue or a third country named in passing ("in Singapore")."""
    if not (a.parties and b.parties) or set(a.parties) == set(b.parties):
        return False
    return len(set(a.parties)) < 2 or len(set(b.parties)) < 2


def relation(strength_a: str, strength_b: str) -> str:
    rank_a = bilingual.STRENGTH_ORDER.get(strength_a, 2)
    rank_b = bilingual.STRENGTH_ORDER.get(strength_b, 2)
    if rank_a == rank_b:
        return "same"
    return "a_stronger" if rank_a > rank_b else "b_stronger"


def word_diff(text_a: str, text_b: str) -> list[tuple[str, str]]:
    """Word-level difference of two wordings: [("equal"|"delete"|"insert", words), ...]."""
    words_a, words_b = text_a.split(), text_b.split()
    out: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=words_a, b=words_b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(("equal", " ".join(words_a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("delete", " ".join(words_a[i1:i2])))
        if j2 > j1:
            out.append(("insert", " ".join(words_b[j1:j2])))
    return out


# A lead-in that announces a list ("agreed to the following:", "…，包括") is not itself a pledge:
# its items are. It stays one-sided rather than pairing with every item of the other account.
_LEAD_IN = re.compile(r"(?:[:：]|\b(?:including|as follows|the following)|包括|如下)\s*[,，;；]?\s*$", re.I)


def is_lead_in(text: str) -> bool:
    return bool(_LEAD_IN.search(text.strip()))


def align(items_a: list[Item], items_b: list[Item]) -> Alignment:
    """Propose the pairs of two accounts' commitments; everything unpaired is one-sided."""
    fa = [features(item) for item in items_a]
    fb = [features(item) for item in items_b]
    lead_a = {i for i, item in enumerate(items_a) if is_lead_in(item.text)}
    lead_b = {j for j, item in enumerate(items_b) if is_lead_in(item.text)}
    scores = {}
    for i, a in enumerate(items_a):
        for j, b in enumerate(items_b):
            if i in lead_a or j in lead_b:
                continue
            value, shared = score(a, b, fa[i], fb[j])
            if value >= MIN_EXTRA:
                scores[i, j] = (value, shared)
    # One to one first, best pairs first; then the further pairs of a bundled sentence: a
    # commitment already paired takes another partner only when that partner is one of the items
    # it lists, i.e. most of what the partner names is named by the bundle too.
    chosen: Chosen = {}
    used_a: set[int] = set()
    used_b: set[int] = set()
    ranked = sorted(scores.items(), key=lambda kv: -kv[1][0])
    for (i, j), found in ranked:
        if found[0] >= MIN_SCORE and i not in used_a and j not in used_b:
            chosen[i, j] = found
            used_a.add(i)
            used_b.add(j)
    for (i, j), found in ranked:
        if (
            (i, j) in chosen
            or not _same_frame(items_a[i], items_b[j])
            or _other_acts(items_a[i], items_b[j], fa[i], fb[j])
        ):
            continue
        if (j not in used_b and _covered(fb[j], fa[i])) or (i not in used_a and _covered(fa[i], fb[j])):
            chosen[i, j] = found
            used_a.add(i)
            used_b.add(j)
    _umbrellas(items_a, items_b, fa, fb, chosen)
    pairs = [_pair(items_a[i], items_b[j], i, j, value, shared) for (i, j), (value, shared) in sorted(chosen.items())]
    paired_a = {p.a for p in pairs}
    paired_b = {p.b for p in pairs}
    return Alignment(
        aligned=pairs,
        only_a=[i for i in range(len(items_a)) if i not in paired_a],
        only_b=[j for j in range(len(items_b)) if j not in paired_b],
    )


# A pledge that says it covers more than it names: "maintain communication on these and other issues",
# "在各领域保持沟通". The labelling rules align such a bundle with each item the other account lists.
_UMBRELLA = re.compile(
    r"\b(?:these and other|this and other|a range of|a wide range of|all levels|other issues)\b"
    r"|各领域|各层级|各方面|等领域",
    re.I,
)


def _umbrellas(
    items_a: list[Item], items_b: list[Item], fa: list[set[str]], fb: list[set[str]], chosen: Chosen
) -> None:
    """Pair an umbrella pledge naming nothing specific with each still unpaired item of the other
    account that names all it names (and of the same parties and actor)."""
    for own, other, f_own, f_other, flip in ((items_a, items_b, fa, fb, False), (items_b, items_a, fb, fa, True)):
        paired = {key[0 if flip else 1] for key in chosen}
        for i, item in enumerate(own):
            generic = f_own[i] and all(_weight(k) <= bilingual.COMMON for k in f_own[i])
            if not (generic and _UMBRELLA.search(item.text)):
                continue
            for j, partner in enumerate(other):
                if j in paired or not _same_frame(item, partner) or not _covered(f_own[i], f_other[j]):
                    continue
                key = (j, i) if flip else (i, j)
                a, b = (partner, item) if flip else (item, partner)
                chosen[key] = score(a, b, fa[key[0]], fb[key[1]])
                paired.add(j)


def _same_frame(a: Item, b: Item) -> bool:
    """An item a bundle lists has the bundle's parties and actor (when both say who acts)."""
    if _other_parties(a, b):
        return False
    actor_a, actor_b = lexicon.actor(a.text, a.lang()), lexicon.actor(b.text, b.lang())
    return not (actor_a and actor_b and actor_a != actor_b)


def _covered(item: set[str], bundle: set[str]) -> bool:
    """Whether most of what `item` names (by weight) is named by `bundle` too."""
    total = sum(_weight(k) for k in item)
    shared = item & bundle
    if not _names_something(shared):
        return False  # a shared verb or broad topic is not a listed item
    return total > 0 and sum(_weight(k) for k in shared) / total >= COVERED


def _names_something(shared: set[str]) -> bool:
    """Whether shared keys include a subject, name, place or date, not only kinds of act and topics."""
    return any(_weight(k) > 0 and not k.startswith(("act:", "topic:")) for k in shared)


def _pair(a: Item, b: Item, i: int, j: int, value: float, shared: list[str]) -> Pair:
    return Pair(
        a=i,
        b=j,
        relation=relation(a.strength, b.strength),
        score=value,
        shared=list(dict.fromkeys(_label(k) for k in shared if not k.startswith("act:"))),
        cues_a=bilingual.strength_cues(a.text, a.strength, a.lang()),
        cues_b=bilingual.strength_cues(b.text, b.strength, b.lang()),
        diff=word_diff(a.text, b.text) if a.lang() == b.lang() else [],
    )


def _label(key: str) -> str:
    if key.split(":", 1)[0] in ("name", "place", "month", "when", "subject"):
        return lexicon.label(key)
    return bilingual.label(key.removeprefix("topic:"))


def omitted_topics(text_a: str, text_b: str) -> tuple[list[str], list[str]]:
    """Salient subjects (Taiwan, export controls, human rights ...) one account raises and the other
    does not mention at all: (raised by A only, raised by B only), as labels."""
    in_a = bilingual.concepts_in(lexicon.mask_false_friends(text_a)) & bilingual.SALIENT
    in_b = bilingual.concepts_in(lexicon.mask_false_friends(text_b)) & bilingual.SALIENT
    return (
        sorted(bilingual.label(k) for k in in_a - in_b),
        sorted(bilingual.label(k) for k in in_b - in_a),
    )


def item_from_detected(detected: Detected, language: str | None = None) -> Item:
    """An `Item` from the extraction's `Detected` commitment."""
    return Item(
        text=detected.text,
        strength=detected.strength,
        parties=tuple(detected.parties),
        topics=tuple(detected.topics),
        deadline=detected.deadline,
        language=language,
    )
