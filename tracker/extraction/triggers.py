"""Commitment triggers: the words that can make a clause an undertaking, with their strength.

From the labelling rules:
- firm: will, shall, commit(ted), agree(d), pledge(d), vow, decided, determined, "remain committed",
  "are resuming", "welcomed the resumption of", announced a concrete future action;
- intent: intend, plan, announced plans, aim to, expect to, resolve(d), "will work (together) to /
  towards", "committed to work towards", "called for" (the parties' own action), "expressed their
  intention";
- hedged: may, as required, subject to agreement, will explore / consider.

A trigger only proposes; ``detect`` decides, with the subject, the object and the context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FIRM, INTENT, HEDGED = "firm", "intent", "hedged"

# Adverbs that may sit between a modal or a commitment verb and its verb.
ADVERBS = (
    r"(?:(?:also|further|jointly|together|now|soon|then|both|each|all|actively|immediately|swiftly|promptly|fully|"
    r"first|again|collectively|additionally|closely|equally|likewise|therefore|thus|not|never|continue to|"
    r"continuously|constantly|formally|duly|urgently|quickly|gradually|progressively|subsequently|"
    r"mutually|separately|strongly|firmly|vigorously|steadily|always|henceforth|thereafter|"
    # any other -ly adverb, but not the verbs that end in -ly ("will supply", "would apply")
    r"(?!(?:supply|apply|comply|rely|reply|multiply|imply|fly|ally|resupply)\b)[a-z]+ly)\s+)*"
)
_PARENTHETICAL = r"(?:,[^,;:]{1,50},\s*)?"
# "pledged on Tuesday to", "agreed at the meeting to", "agreed in principle to", "agreed with the Prime
# Minister to"
_WHEN = (
    r"(?:(?:on|in|at|during|last|this|earlier|later|after|following|with)\s+"
    r"(?!(?:the\s+)?(?:need|necessity|importance|urgency|desirability|value|benefits?|principles?\s+of)\b)"
    # the time or place phrase ends before a conjunction: "plan on climate adaptation and pledged to" is two verbs
    r"(?:(?!(?:and|or|but|to)\b)[\w.’'-]+\s+){1,7}?)?"
)

# Verbs whose future is an assessment of effects, not an undertaking ("the report will broaden").
PREDICTION_VERBS = {
    "help",
    "contribute",
    "benefit",
    "boost",
    "bring",
    "lead",
    "result",
    "enable",
    "serve",
    "mean",
    "remain",
    "become",
    "broaden",
    "inflate",
    "shrink",
    "grow",
    "rise",
    "fall",
    "increase",
    "decrease",
    "need",
    "face",
    "see",
    "end",
    "affect",
    "hurt",
    "undermine",
    "get",
    "come",
    "go",
    "happen",
    "depend",
    "require",
    "cost",
    "last",
    "take place",
    "reach",
    "find",
    "build upon",
    "provide access",
}
# Verbs of effect that are a party's action when a party is their subject: "We will help Ukraine
# rebuild", "Japan will contribute $5 million"; "the agreement will help" is an assessment.
AGENTIVE_PREDICTION_VERBS = {"help", "contribute", "boost", "bring", "increase", "decrease", "end", "reach", "lead"}
# "will create a working group" is a pledge, "will create more opportunities" a prediction.
PREDICTION_OBJECTS = re.compile(r"^(?:more|new)?\s*(?:opportunit|space|conditions|momentum|impetus|benefits?)", re.I)
HEDGE_VERBS = {"explore", "consider", "study", "examine", "assess", "evaluate", "look"}
INTENT_VERBS = {"work", "strive", "seek", "endeavour", "endeavor", "try", "aim", "attempt", "make"}
# Present progressive of a start verb is an announced action ("Both sides are also resuming ...");
# of any other verb it is ongoing activity ("We are also working to strengthen ...").
START_VERBS = (
    r"resuming|launching|establishing|opening|creating|starting|initiating|deploying|convening|introducing|"
    r"inaugurating|setting up|beginning|unveiling|hosting"
)

# Verbs that govern "their commitment to ..." as a (re)statement of it.
COMMITMENT_GOVERNORS = re.compile(
    r"\b(?:reaffirm|renew|reiterat|reinforc|recommit|re-commit|restat|reconfirm|underscor|emphasi[sz]|stress|"
    r"highlight|confirm|affirm|reassert|uphold|honou?r|express|state|declar)\w*\b",
    re.I,
)


# Who a government tasks: its own officials and bodies ("their teams", "Finance Ministers", "the envoys").
AGENTS = (
    r"(?:teams?|ministers?|ministries|officials|envoys|negotiators|agencies|departments|representatives|"
    r"secretaries|advis[eo]rs|experts|governments|administrations|staffs?|sherpas|co-chairs|working groups?|"
    r"delegations)"
)


@dataclass(frozen=True)
class Trigger:
    start: int  # where the trigger words start in the sentence
    end: int  # where its object starts
    kind: str
    strength: str
    verb: str = ""  # the verb after a modal or "to", lower-case


_COMMIT_VERBS = {
    "commit": FIRM,
    "recommit": FIRM,
    "recommitted": FIRM,
    "re-committed": FIRM,
    "commits": FIRM,
    "committed": FIRM,
    "committing": FIRM,
    "pledge": FIRM,
    "pledges": FIRM,
    "pledged": FIRM,
    "pledging": FIRM,
    "vow": FIRM,
    "vows": FIRM,
    "vowed": FIRM,
    "agree": FIRM,
    "agrees": FIRM,
    "agreed": FIRM,
    "agreeing": FIRM,
    "consent": FIRM,
    "concur": FIRM,
    "concurred": FIRM,
    "consents": FIRM,
    "consented": FIRM,
    "decide": FIRM,
    "decides": FIRM,
    "decided": FIRM,
    "undertake": FIRM,
    "undertakes": FIRM,
    "undertook": FIRM,
    "promise": FIRM,
    "promises": FIRM,
    "promised": FIRM,
    "determined": FIRM,
    # "affirmed to strengthen", "reaffirmed to continue": a pledge in the wording of some joint statements
    "affirm": FIRM,
    "affirmed": FIRM,
    "reaffirm": FIRM,
    "reaffirmed": FIRM,
    "resolve": INTENT,
    "resolves": INTENT,
    "resolved": INTENT,
    "intend": INTENT,
    "intends": INTENT,
    "intended": INTENT,
    "plan": INTENT,
    "plans": INTENT,
    "planned": INTENT,
    "planning": INTENT,
    "aim": INTENT,
    "aims": INTENT,
    "aimed": INTENT,
    "aiming": INTENT,
    "expect": INTENT,
    "expects": INTENT,
    "seek": INTENT,
    "seeks": INTENT,
}

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("modal", re.compile(rf"\b(?P<trig>will|shall|would)\b\s*{_PARENTHETICAL}{ADVERBS}(?P<verb>[a-z][a-z-]*)", re.I)),
    # journalistic future: "Russia is to supply the fuel", "the two sides are to sign"
    ("is_to", re.compile(rf"\b(?P<trig>is|are)\s+(?:also\s+)?to\s+{ADVERBS}(?P<verb>(?!be\b)[a-z][a-z-]*)")),
    # funds pledged or committed: "Japan pledged $500 million to ...", "committed US$2 billion for ..."
    (
        "funds",
        re.compile(
            r"\b(?P<trig>pledge[sd]?|commit(?:s|ted)?)\s+"
            r"(?:an?\s+additional\s+|a\s+further\s+|another\s+)?"
            r"(?P<verb>[A-Z]{0,3}\$|€|£|\d[\d,.]*\s*(?:million|billion))",
            re.I,
        ),
    ),
    ("may", re.compile(rf"\b(?P<trig>may)\s+{ADVERBS}(?P<verb>[a-z][a-z-]*)")),
    (
        "verb_to",
        re.compile(
            r"\b(?P<trig>"
            + "|".join(sorted(_COMMIT_VERBS, key=len, reverse=True))
            + rf")\s+{ADVERBS}{_WHEN}to\s+{ADVERBS}"
            r"(?P<verb>[A-Za-z][a-z-]*)",
            re.I,
        ),
    ),
    (
        "agreed_on",
        re.compile(
            r"\b(?P<trig>agree[sd]?\s+(?:on|upon|to))\s+(?P<verb>(?:the\s+)?(?:establishment|creation|launch|holding|"
            r"resumption|formation|setting up|expansion|extension|opening|convening|conclusion|implementation)\s+of)\b",
            re.I,
        ),
    ),
    (
        "reached",
        re.compile(
            r"\b(?P<trig>(?:reached|struck|concluded|signed)\s+(?:an?\s+|the\s+)?(?:agreement|deal|consensus|understanding))"
            r"\s+to\s+(?P<verb>[a-z][a-z-]*)",
            re.I,
        ),
    ),
    ("intention", re.compile(r"\b(?P<trig>intentions?|intent)\s+to\s+(?P<verb>[a-z][a-z-]*)", re.I)),
    # "are exploring the launch of", "is considering opening": an option studied, hedged
    (
        "progressive",
        re.compile(
            r"\b(?P<trig>is|are|am)\s+(?:also\s+|now\s+|jointly\s+|actively\s+)?(?P<verb>exploring|considering|studying)\s+"
            r"(?=(?:the\s+|a\s+|an\s+)?(?:launch|establishment|creation|opening|possibility|feasibility|options?|ways?|"
            r"[a-z]+ing)\b)",
            re.I,
        ),
    ),
    (
        "nod",
        re.compile(
            r"\b(?P<trig>gave|give|gives|giving)\s+(?:a|the)\s+(?:nod|green light)\s+to\s+(?P<verb>[a-z]+)", re.I
        ),
    ),
    (
        "plans",
        re.compile(
            r"\b(?P<trig>announce[sd]?|unveil(?:s|ed)?|ha[sv]e?|outlined?)\s+(?:its\s+|their\s+|new\s+)?"
            r"plans?\s+to\s+(?P<verb>[a-z]+)",
            re.I,
        ),
    ),
    (
        "progressive",
        re.compile(
            rf"\b(?P<trig>is|are|am)\s+(?:also\s+|now\s+|currently\s+|jointly\s+)?(?P<verb>{START_VERBS})\b", re.I
        ),
    ),
    ("commitment", re.compile(r"\b(?P<trig>commitments?)\s+(?P<verb>to|in|under)\b", re.I)),
    # an instrument that binds a party: "The agreement commits Peru to lowering tariffs ..."
    (
        "binds",
        re.compile(
            r"\b(?P<trig>commits|committed|obliges|obligates|binds)\s+(?P<who>(?!itself\b|themselves\b|to\b|their\b|its\b|our\b)"
            r"[^,;:]{2,50}?)\s+to\s+(?P<verb>[a-z][a-z-]*)",
            re.I,
        ),
    ),
    ("welcomed", re.compile(r"\b(?P<trig>welcome[sd]?|hail(?:s|ed)?)\s+(?P<verb>\w+)", re.I)),
    (
        "tasked",
        re.compile(
            r"\b(?P<trig>tasked|instructed|instruct|directed|mandated|empowered|charged|authori[sz]ed)\s+(?:[\w’'-]+\s+){0,5}?"
            r"(?:to|with)\s+(?P<verb>[a-z][a-z-]*)"
            # asking one's own agents is tasking them: "asked their climate envoys to", "We ask Finance Ministers to"
            rf"|\b(?P<trig2>ask(?:s|ed)?|request(?:s|ed)?|task(?:s)?)\s+(?:(?:their|its|our|his|her)\s+(?:respective\s+)?)?"
            rf"(?:[\w’'-]+\s+){{0,4}}?{AGENTS}(?:,[^,]{{2,60}},)?\s+to\s+(?P<verb2>[a-z][a-z-]*)",
            re.I,
        ),
    ),
    # "committed their full efforts toward guiding", "devote our resources to building": effort pledged to an action
    (
        "verb_to",
        re.compile(
            r"\b(?P<trig>commit(?:s|ted)?|devot(?:e|es|ed)|dedicat(?:e|es|ed)|pledge[sd]?)\s+(?:their|its|our|his|her)\s+"
            r"(?:full\s+|best\s+|utmost\s+|joint\s+|collective\s+)?(?:efforts?|support|resources|energies|attention)\s+"
            r"(?:to|toward|towards)\s+(?P<verb>[a-z]+ing)\b",
            re.I,
        ),
    ),
    # "set a target of doubling trade", "adopted the goal to triple": a quantified aim they bind themselves to
    (
        "verb_to",
        re.compile(
            r"\b(?P<trig>set|sets|adopted|adopt|adopts)\s+(?:themselves\s+|ourselves\s+)?(?:a|an|the)\s+"
            r"(?:joint\s+|common\s+|new\s+|shared\s+)?(?:target|goal)\s+(?:of|to)\s+(?P<verb>[a-z]+)\b",
            re.I,
        ),
    ),
    # "we are taking additional measures", "are taking the following new measures": announced action
    (
        "progressive",
        re.compile(
            r"\b(?P<trig>is|are|am)\s+(?:also\s+|now\s+|today\s+|jointly\s+)?(?P<verb>taking)\s+"
            r"(?=(?:the\s+following\s+|further\s+|additional\s+|new\s+|concrete\s+|immediate\s+|[\w-]+\s+){0,3}"
            r"(?:measures|actions|steps)\b)",
            re.I,
        ),
    ),
    # "proposed convening a symposium", "proposed that the two sides build", "proposed the joint building of"
    ("proposed", re.compile(r"\b(?P<trig>propose[sd]?)\s+(?:to\s+)?(?P<verb>[a-z]+)\b", re.I)),
    (
        "scheduled",
        re.compile(
            r"\b(?P<trig>is|are|will be)\s+(?:also\s+)?(?P<verb>planned|scheduled|slated|set)\s+(?:for|to)\b", re.I
        ),
    ),
    (
        "called_on",
        re.compile(
            r"\b(?P<trig>call(?:s|ed)?\s+(?:on|upon))\s+(?P<who>[^,;:]{2,40}?)\s+to\s+[\"“]?(?P<verb>[a-z]+)", re.I
        ),
    ),
    (
        "called_for",
        re.compile(
            r"\b(?P<trig>call(?:s|ed)?\s+for)\s+(?:the\s+|an?\s+)?(?:early\s+|swift\s+|speedy\s+|prompt\s+|immediate\s+)?"
            r"(?P<verb>start|launch|establishment|conclusion|resumption|holding|convening|opening|commencement|"
            r"negotiations?)\b",
            re.I,
        ),
    ),
    ("announces", re.compile(r"\b(?P<trig>announce[sd]?|is announcing|are announcing)\s+(?P<verb>\S+)", re.I)),
    # a restated target: "is well on its way to doubling ... by 2025", "remains on track to train ... by 2026"
    (
        "on_track",
        re.compile(
            r"\b(?P<trig>(?:is|are|remains?)\s+(?:well\s+|still\s+|firmly\s+)?(?:on\s+(?:its|their|our)\s+way|"
            r"on\s+track|on\s+course)\s+to)\s+(?P<verb>[a-z]+)",
            re.I,
        ),
    ),
    # an accepted invitation to visit: "Marcos accepted an invitation ... to visit Tokyo", "..., which X accepted"
    ("accepted", re.compile(r"\b(?P<trig>accept(?:s|ed))\b(?P<verb>)", re.I)),
    (
        "promise",
        re.compile(
            r"\b(?P<trig>keep|honou?r|fulfil+)\s+(?:its|their|our|his|her)\s+(?:promises?|pledges?)\s+"
            r"(?P<verb>of|to)\b",
            re.I,
        ),
    ),
]


# Words one of which a sentence must contain for a pattern to be worth running (most sentences
# of a page hold none of them; the regexes cost far more than these substring tests).
_NEEDLES = {
    "is_to": (" to ",),
    "funds": ("pledg", "commit"),
    "modal": ("will", "shall", "would"),
    "may": ("may ",),
    "verb_to": (" to", "target", "goal"),
    "agreed_on": ("agree",),
    "reached": ("agreement", "deal", "consensus", "understanding"),
    "intention": ("intent",),
    "nod": ("nod", "green light"),
    "plans": ("plan",),
    "progressive": ("ing",),
    "commitment": ("commitment",),
    "binds": ("commit", "oblig", "bind"),
    "welcomed": ("welcom", "hail"),
    "tasked": ("task", "instruct", "direct", "mandat", "empower", "charg", "authori", "ask", "request"),
    "proposed": ("propos",),
    "scheduled": ("planned", "scheduled", "slated", "set "),
    "called_on": ("call",),
    "called_for": ("call",),
    "announces": ("announc",),
    "promise": ("promise", "pledge"),
    "accepted": ("accept",),
    "on_track": ("on track", "on course", "way to"),
}


def find_triggers(sentence: str) -> list[Trigger]:
    """Every trigger in a sentence, left to right; at one position the longest reading wins."""
    found: list[Trigger] = []
    lower = sentence.lower()
    for kind, regex in _PATTERNS:
        if not any(needle in lower for needle in _NEEDLES[kind]):
            continue
        for match in regex.finditer(sentence):
            trig = "trig" if match.group("trig") is not None else "trig2"  # patterns with two alternatives
            verb = (match.group("verb" if trig == "trig" else "verb2") or "").lower()
            strength = _strength(kind, match.group(trig).lower(), verb)
            found.append(Trigger(match.start(trig), match.end(), kind, strength, verb))
    found.sort(key=lambda t: (t.start, -(t.end - t.start)))
    unique: list[Trigger] = []
    for trigger in found:
        if unique and unique[-1].start == trigger.start:
            continue
        unique.append(trigger)
    return unique


def _strength(kind: str, trig: str, verb: str) -> str:
    if kind == "modal":
        if verb in HEDGE_VERBS:
            return HEDGED
        if verb in INTENT_VERBS:
            return INTENT
        return FIRM
    if kind == "may" or (kind == "tasked" and verb in HEDGE_VERBS):
        return HEDGED  # "may", "asked their envoys to explore"
    if kind == "verb_to":
        strength = _COMMIT_VERBS.get(trig, FIRM)
        if verb in {"explore", "consider", "study"}:
            return HEDGED
        return strength
    if kind == "progressive" and verb in HEDGE_VERBS | {"exploring", "considering", "studying"}:
        return HEDGED
    if kind in {"intention", "plans", "called_on", "called_for", "proposed", "scheduled"}:
        return INTENT
    return FIRM
