"""What a document tells us about who is speaking: its parties, its officials, its issuer.

- document parties: the parties the meeting or statement is between. Given by the caller when
  known (the editor picked the meeting); otherwise inferred from the title (a title naming two or
  more parties is the best evidence there is), from a grouping that speaks for its members ("Quad
  Leaders' Joint Statement"), or from the most-mentioned parties of the text.
- officials: "Chinese Foreign Minister Zhao Ming" makes a later "Zhao said" Chinese.
- issuer: a government site (whitehouse.gov, *.gov.cn, ec.europa.eu) speaks for its government,
  so "The President" of a White House readout is the United States.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from tracker.extraction.leaders import leaders_on
from tracker.extraction.lexicon import GENERIC_WEIGHT, Lexicon, Mention
from tracker.extraction.topics import GENERIC_TOPIC, coverage_matches

TITLE_TOPIC_WEIGHT = 3.0  # a title word says what the whole document is about

# Words before a party name that make it an object or a place, not an actor.
OBJECT_PREPOSITIONS = re.compile(
    r"(?:\b(?:with|between|against|toward|towards|to|from|for|on|by|over|about|into|onto|in|at|across|"
    r"among|amongst|regarding|concerning|than|like|including|through|under|within|per|visiting|"
    r"besides|beyond|upon|around)\s+(?:the\s+|all\s+|other\s+)?)$",
    re.I,
)

COLLECTIVE = re.compile(
    r"\b(?:(?:the|both|all|these|our|their)\s+(?:two\s+|three\s+|four\s+|five\s+|respective\s+|participating\s+|"
    r"member\s+)?(?:sides|countries|nations|governments|leaders|presidents|parties|partners|ministers|delegations|"
    r"militaries|heads of state|co-chairs|teams|states|economies|administrations|prime ministers|premiers|"
    r"interlocutors|counterparts|"
    r"foreign ministers|defen[cs]e ministers|officials|senior officials|experts)"
    r"|the\s+leaders|the\s+presidents|each\s+side|neither\s+(?:government|side|country|party)|both\s+sides"
    r"|all\s+parties|all\s+sides|the\s+participants|member\s+states"
    # "the three NSAs", "the two national security advisors", "the four foreign ministers": a number of
    # office-holders or bodies is the parties they speak for
    r"|the\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:[\w-]+\s+){0,2}?"
    r"(?:[A-Z]{2,5}s|advis[eo]rs|envoys|heads|chiefs|secretaries|ministers|ministries|agencies|navies|"
    r"coast guards|chairs|signatories|members|representatives|negotiators|commanders))\b"
    # a bare plural office opening the subject, as communiqués write it: "Ministers resolved to",
    # "Leaders instructed their teams", "Finance Ministers and Central Bank Governors will"
    r"|(?-i:^\s*(?:[A-Z][a-z]+\s+){0,2}(?:Leaders|Ministers|Heads of State|Heads of Government|Governors|"
    r"Participants|Member States|Signatories|Co-Chairs)(?:\s+and\s+(?:[A-Z][a-z]+\s+){0,3}[A-Z][a-z]+s)?\s*$)",
    re.I,
)
# A roll call of the participants: "the Prime Ministers of Denmark, Finland and India", "we, the
# Foreign Ministers of Australia, India, Japan, and the United States", "Trade ministers of Japan,
# South Korea and China": the office-holders of the parties listed after "of".
ROLL_CALL = re.compile(
    r"\b(?:[Ll]eaders|[Hh]eads of (?:State|Government)(?: and (?:State|Government))?|[Pp]rime [Mm]inisters|"
    r"[Pp]residents|(?:[A-Z][a-z]+\s+|[a-z]+\s+)?[Mm]inisters|[Gg]overnments|[Rr]epresentatives|[Dd]elegations)"
    r"\s+of\s+(?:the\s+)?(?=[A-Z])"
)
PRONOUN_WE = re.compile(r"(?:^|(?<=[\s“\"(]))(?:we|We|our|Our|us)\b")
PRONOUN_THEY = re.compile(r"(?:^|(?<=[\s“\"(]))(?:they|They|their|Their)\b")

TITLE = (
    r"(?:President|Vice President|Premier|Vice Premier|Prime Minister|Chancellor|Foreign Minister|Minister|"
    r"Secretary of State|Secretary|State Councilor|State Councillor|Councilor|Ambassador|Director|Mr\.|Ms\.|Mrs\.|"
    r"Dr\.|Spokesperson|Spokesman|Spokeswoman|Advisor|Adviser|Commissioner|General|Admiral|King|Queen|Emperor|"
    r"Sheikh|Emir|Crown Prince|Chairman|Chairwoman|Chair|Senator|Governor|Attorney General|Representative|"
    r"Counselor|Envoy|Special Envoy|Minister-Counselor|Deputy Secretary|Under Secretary|Undersecretary)"
)
# Names may hold lower-case particles: "President von der Leyen", "Lula da Silva", "de la Fuente".
_NAME_PART = r"(?:\s+(?:(?:von|van|der|den|de|da|do|dos|das|del|la|le|bin|al|el|di|du)\s+)*[A-Z][\w.’'-]*)"
PERSON = re.compile(rf"\b(?:the\s+)?{TITLE}{_NAME_PART}{{1,3}}|\b(?:the|The)\s+{TITLE}\b")
# Government bodies named without their country ("the Department of State", "USAID"); on a
# government's own site they are that government.
AGENCY = re.compile(
    r"\b(?:Department|Ministry|Agency|Administration|Secretariat|Cabinet|Commission|Office of|Bureau|"
    r"Development Finance Corporation|Export-Import Bank|Coast Guard|Armed Forces|Navy|Army|Air Force|"
    r"Corps|Service|Fund|Facility|USAID|DFC|EXIM|NASA|DOD|DOE|DHS|DOJ|FBI|USTR|NOAA|EPA|MCC)\b"
)
# Words that make the words after them a person's name (not "Trade and Investment Framework").
_TITLE_CORE = {
    "president",
    "premier",
    "minister",
    "secretary",
    "councilor",
    "councillor",
    "ambassador",
    "director",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "advisor",
    "adviser",
    "commissioner",
    "general",
    "admiral",
    "chairman",
    "chairwoman",
    "chair",
    "envoy",
    "representative",
    "chancellor",
    "king",
    "queen",
    "prince",
    "emir",
    "governor",
    "senator",
    "president-elect",
    "leader",
    "official",
    "counterpart",
}
# Words of an official's title and office, never part of the person's name ("Acting Secretary of
# Homeland Security Elaine Duke"): the core titles and the words that qualify them.
_TITLE_WORDS = _TITLE_CORE | {
    "acting",
    "affairs",
    "assistant",
    "attorney",
    "central",
    "chief",
    "commerce",
    "commission",
    "communist",
    "council",
    "crown",
    "defence",
    "defense",
    "delegation",
    "department",
    "deputy",
    "executive",
    "finance",
    "for",
    "foreign",
    "former",
    "head",
    "homeland",
    "house",
    "member",
    "military",
    "ministry",
    "national",
    "new",
    "of",
    "office",
    "officials",
    "party",
    "politburo",
    "prime",
    "principal",
    "public",
    "security",
    "senior",
    "side",
    "special",
    "state",
    "team",
    "the",
    "top",
    "trade",
    "treasury",
    "under",
    "vice",
    "visiting",
    "white",
}

_ISSUER_HOSTS = [
    (
        re.compile(r"(?:^|\.)(?:whitehouse|state|defense|commerce|treasury|justice|dhs|ustr)\.gov$|\.gov$|\.mil$"),
        "United States",
    ),
    (re.compile(r"(?:^|\.)europa\.eu$"), "EU"),
    (re.compile(r"(?:^|\.)gc\.ca$|(?:^|\.)canada\.ca$"), "Canada"),
    (re.compile(r"(?:^|\.)fmprc\.gov\.cn$|\.gov\.cn$|(?:^|\.)mfa\.gov\.cn$"), "China"),
]
_COUNTRY_GOV = re.compile(r"(?:^|\.)(?:gov|go|gob|gouv|govt|government)\.(?P<cc>[a-z]{2})$")


@dataclass
class DocumentContext:
    lexicon: Lexicon
    doc_date: datetime.date | None
    parties: list[str]  # canonical, sorted, groupings written out as members
    issuer: str | None = None
    officials: dict[str, str] = field(default_factory=dict)  # name token -> party
    text: str = ""
    given: bool = False  # the caller named the parties (the meeting's): nothing overrides them

    @functools.cached_property
    def topics(self) -> list[str]:
        """The document's topics, most frequent first (the fallback for a clause that names none): the
        lexicon's keywords and the wider vocabulary of each topic, the title's words counting more."""
        title, _newline, _body = self.text.partition("\n")
        scores: dict[str, float] = defaultdict(float)
        for start, _end, key in topic_matches(self.text, self.lexicon):
            weight = TITLE_TOPIC_WEIGHT if start < len(title) else 1.0
            scores[key] += weight * (GENERIC_WEIGHT if key == GENERIC_TOPIC else 1.0)
        order = {key: index for index, key in enumerate(self.lexicon.topic_keys)}
        return sorted(scores, key=lambda k: (-scores[k], order.get(k, len(order))))

    @classmethod
    def build(
        cls,
        text: str,
        *,
        lexicon: Lexicon,
        doc_date: datetime.date | None,
        parties: list[str] | None = None,
        title: str | None = None,
        site: str | None = None,
    ) -> DocumentContext:
        mentions = lexicon.mentions(text)
        officials = find_officials(text, mentions)
        leaders = {
            name: country
            for name, country in leaders_on(doc_date).items()
            if name not in officials and lexicon.canonical(country) and re.search(rf"\b{name}\b", text)
        }
        officials.update({name: lexicon.canonical(country) or country for name, country in leaders.items()})
        if parties:
            canonical = [lexicon.canonical(p) or p for p in parties]
        else:
            canonical = infer_parties(text, mentions, lexicon=lexicon, title=title, issuer=issuer_for(site, lexicon))
            canonical = _with_title_leaders(canonical, title, leaders, lexicon)
        return cls(
            lexicon=lexicon,
            doc_date=doc_date,
            parties=lexicon.expand(canonical, doc_date),
            issuer=issuer_for(site, lexicon),
            officials=officials,
            text=(title or "") + "\n" + text,
            given=bool(parties),
        )

    def party_of_person(self, name: str) -> str | None:
        tokens = [t for t in re.findall(r"[A-Z][\w’'-]+", name) if t.lower() not in _TITLE_WORDS]
        for token in reversed(tokens):
            if token in self.officials:
                return self.officials[token]
        return None


def topic_matches(text: str, lexicon: Lexicon) -> list[tuple[int, int, str]]:
    """The lexicon's keywords and the wider vocabulary of each topic; where two overlap, the longer
    phrase stands ("weapons of mass destruction" over "weapons"), the lexicon's on a tie."""
    found = [(a, b, key, 0) for a, b, key in lexicon.topic_matches(text)]
    found += [(a, b, key, 1) for a, b, key in coverage_matches(text)]
    found.sort(key=lambda m: (m[0] - m[1], m[3], m[0]))  # longest first, then the lexicon's
    kept: list[tuple[int, int, str]] = []
    for a, b, key, _source in found:
        if not any(a < y and x < b for x, y, _key in kept):
            kept.append((a, b, key))
    return sorted(kept)


def _with_title_leaders(parties: list[str], title: str | None, leaders: dict[str, str], lexicon: Lexicon) -> list[str]:
    """A title that names a leader without the country ("Readout of President Biden's Meeting with
    President Xi of China") names that leader's country as a party too."""
    if not title or len(parties) >= 2:
        return parties
    named = [lexicon.canonical(c) for n, c in leaders.items() if re.search(rf"\b{n}\b", title)]
    return list(dict.fromkeys([*parties, *[p for p in named if p]]))


def issuer_for(site: str | None, lexicon: Lexicon) -> str | None:
    """The government a site speaks for, when the site is a government's own."""
    if not site:
        return None
    host = site.lower().removeprefix("www.")
    for regex, party in _ISSUER_HOSTS:
        if regex.search(host):
            return party
    match = _COUNTRY_GOV.search(host)
    if match:
        return lexicon.country_by_code(match.group("cc")) or lexicon.canonical(match.group("cc").upper())
    return None


OPENING_CHARS = 800  # where a statement says who met


def infer_parties(
    text: str, mentions: list[Mention], *, lexicon: Lexicon, title: str | None, issuer: str | None = None
) -> list[str]:
    """The parties a document is between, when nobody told us."""
    if title:
        title_parties = list(dict.fromkeys(title_actors(title, lexicon)))
        groups = [p for p in title_parties if lexicon.written_as_members(p)]
        if groups:
            return title_parties
        if len(title_parties) >= 2:
            return title_parties
        if len(title_parties) == 1 and issuer and issuer not in title_parties and lexicon.is_country(title_parties[0]):
            # a government's own readout or fact sheet naming one counterpart ("Readout of the President's
            # Call with the Prime Minister of India"): the issuer and that counterpart
            title_parties = [issuer, *title_parties]
    else:
        title_parties = []
    # the opening names who met: "The Prime Ministers of Denmark, Finland, Iceland, India ... met in Oslo"
    opening = roll_call(text[:OPENING_CHARS], lexicon)
    if opening and set(title_parties) <= set(opening[0]):
        return opening[0]
    counts = Counter(m.party for m in mentions if m.party)
    if not counts:
        return title_parties
    for group, count in counts.items():
        if lexicon.written_as_members(group) and count >= 3 and count >= 0.5 * counts.most_common(1)[0][1]:
            return [group, *title_parties]
    ranked = [party for party, _ in counts.most_common()]
    top = counts[ranked[0]]
    chosen = list(title_parties)
    for party in ranked:
        if len(chosen) >= 2:
            break
        # in a long text, a party named once (in a link list, say) is no party of the document
        if party not in chosen and (not chosen or counts[party] >= 2 or top <= 3):
            chosen.append(party)
    if len(chosen) >= 2:
        second = min(counts.get(p, 0) for p in chosen[:2])
        for party in ranked:
            if party not in chosen and counts[party] >= max(3, 0.75 * second):
                chosen.append(party)
    return chosen


_LIST_GLUE = re.compile(r"^(?:\s*,)?\s*(?:,|and|&|as well as)?\s*(?:the\s+)?$", re.I)


# "... and Uzbekistan and the High Representative of the European Union": one more office-holder
_ANOTHER_OFFICE = re.compile(r"^\s*(?:,\s*)?(?:and|as well as)\s+the\s+(?:[A-Z][\w-]*\s+){1,5}of\s+(?:the\s+)?$")


def roll_call(text: str, lexicon: Lexicon, start: int = 0) -> tuple[list[str], int] | None:
    """The parties listed after an office held by several ("the Prime Ministers of Denmark, Finland and
    India"), and where the list ends; None when no such list of two or more parties starts the text
    at ``start`` or later."""
    for match in ROLL_CALL.finditer(text, start):
        listed: list[str] = []
        end = match.end()
        for mention in lexicon.mentions(text[match.end() : match.end() + 400]):
            gap = text[end : match.end() + mention.start]
            glued = _LIST_GLUE.match(gap) or _ANOTHER_OFFICE.match(gap)
            if mention.party is None or (listed and not glued) or (not listed and gap.strip()):
                break
            listed.append(mention.party)
            end = match.end() + mention.end
        if len(set(listed)) >= 2:
            return list(dict.fromkeys(listed)), end
    return None


def title_actors(title: str, lexicon: Lexicon) -> list[str]:
    """Parties named in a title, without venues ("... Summit in Hanoi, Vietnam")."""
    actors: list[str] = []
    previous_end = -10
    previous_venue = False
    for mention in lexicon.mentions(title):
        if mention.party is None:
            continue
        before = title[max(0, mention.start - 6) : mention.start]
        venue = bool(re.search(r"\b(?:in|at)\s+$", before)) or (
            previous_venue and title[previous_end : mention.start].strip() == ","
        )
        if not venue:
            actors.append(mention.party)
        previous_end, previous_venue = mention.end, venue
    return actors


_OF_PARTY = re.compile(rf"\b{TITLE}\s+(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){{0,2}})\s+of\s+(?:the\s+)?$")
_TOKEN = re.compile(r"[\w.’'-]+")
_TITLE_OF_BEFORE = re.compile(rf"\b{TITLE}\s+of\s+(?:the\s+)?$")
_APPOSITIVE_NAME = re.compile(rf",\s+(?P<name>[A-Z][\w’'-]+{_NAME_PART}{{1,3}})\s*(?:,|\band\b|$)")


def find_officials(text: str, mentions: list[Mention]) -> dict[str, str]:
    """Name tokens of officials introduced with their country.

    "Chinese Foreign Minister Zhao Ming", "U.S. Trade Representative Jane Roe" (party, title
    words, then the name) and "President Xi Jinping of the People's Republic of China".
    """
    officials: dict[str, str] = {}
    for mention in mentions:
        if mention.party is None:
            continue
        after = text[mention.end : mention.end + 100].split("\n")[0]  # a heading does not name the next line
        after = re.sub(r"^['’]s\b", "", after)
        tokens = _TOKEN.findall(after)[:10]
        titles = 0
        name: list[str] = []
        for token in tokens:
            if not name and token.lower() in _TITLE_WORDS:
                titles += token.lower() in _TITLE_CORE
                continue
            if token[:1].isupper() and token.lower() not in _TITLE_WORDS and not token.endswith("."):
                name.append(token)
                if len(name) == 3:
                    break
                continue
            break
        if titles and name:
            for token in name:
                officials.setdefault(token, mention.party)
        # "the President of the European Commission, Ursula von der Leyen": title of party, name
        appositive = _TITLE_OF_BEFORE.search(text[max(0, mention.start - 60) : mention.start])
        name_after = _APPOSITIVE_NAME.match(text[mention.end : mention.end + 80]) if appositive else None
        if name_after:
            for token in re.findall(r"[A-Z][\w’'-]+", name_after.group("name")):
                if token.lower() not in _TITLE_WORDS:
                    officials.setdefault(token, mention.party)
        before = text[max(0, mention.start - 80) : mention.start]
        of_match = _OF_PARTY.search(before)
        if of_match:
            for token in of_match.group("name").split():
                if token.lower() not in _TITLE_WORDS:
                    officials.setdefault(token, mention.party)
    return officials
