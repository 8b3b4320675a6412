"""Parties and topics as one lookup object, built from plain lists.

The default comes from the package data (``default_parties()``, ``default_topics()``); the
Django side builds one from its database rows so that editors' aliases and keywords take effect:

    Lexicon(parties=[PartyEntry(name, short_name, kind, code, aliases=[...])],
            topics=[TopicEntry(key, name, keywords=[...])])

Aliases are matched case-sensitively (they are proper names, and "US" is not "us") with one
regex compiled from a character trie, which keeps a few thousand aliases fast.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from tracker.extraction.parties import NOT_PARTIES, PartyEntry, default_parties
from tracker.extraction.topics import GENERIC_TOPIC, TopicEntry, default_topics

_CJK = re.compile(r"[\u3400-\u9fff]")
# A keyword ending in a lower-case noun-like letter also matches its plural (not "talks", "AI", "gas").
_PLURALISABLE = re.compile(r"[a-rt-z]$")
_MEMBER_SUFFIXES = ("countries", "member states", "member countries", "members", "nations", "states", "leaders")
_CJK_MEMBER_SUFFIXES = ("成员国", "各成员国", "国家")

# How much a keyword of the generic topic counts against a keyword of a subject topic.
GENERIC_WEIGHT = 0.4


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    party: str | None  # canonical name; None for a blocker such as "South China Sea"
    alias: str
    members: bool = False  # "ASEAN countries", "EU member states": the members, not the organisation


def _apostrophes(text: str) -> str:
    return text.replace("\u2019", "'").replace("\u2018", "'")


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation of words, compiled from their character trie (longest match first)."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            body = "(?:" + body + ")?"
        return body

    return build(trie)


class Lexicon:
    def __init__(self, parties: list[PartyEntry] | None = None, topics: list[TopicEntry] | None = None):
        self.parties = list(parties) if parties is not None else default_parties()
        self.topics = list(topics) if topics is not None else default_topics()
        self._by_name = {p.name: p for p in self.parties}
        self._by_code = {p.code.lower(): p for p in self.parties}
        self._alias: dict[str, str | None] = {}
        for blocker in NOT_PARTIES:
            self._alias[_apostrophes(blocker)] = None
        self._member_alias: set[str] = set()
        for party in self.parties:
            for alias in [party.name, party.short_name, *party.aliases]:
                alias = _apostrophes(re.sub(r"^the\s+", "", alias.strip(), flags=re.I))
                if alias and alias not in self._alias:
                    self._alias[alias] = party.name
        for party in self.parties:
            if not party.members:
                continue
            for alias in {party.name, party.short_name}:
                for suffix in _MEMBER_SUFFIXES:
                    key = _apostrophes(f"{alias} {suffix}")
                    if key not in self._alias:
                        self._alias[key] = party.name
                        self._member_alias.add(key)
            # "上海合作组织成员国", "东盟国家": the members, as "ASEAN countries" are
            for alias in party.aliases:
                if _CJK.match(alias):
                    for suffix in _CJK_MEMBER_SUFFIXES:
                        key = alias + suffix
                        if key not in self._alias:
                            self._alias[key] = party.name
                            self._member_alias.add(key)
        # Latin aliases end at word boundaries; Chinese has none ("中方同意" holds the alias "中方").
        latin = [a for a in self._alias if not _CJK.match(a)]
        cjk = [a for a in self._alias if _CJK.match(a)]
        pattern = r"(?<![\w'])(?:" + trie_pattern(latin) + r")(?![\w])"
        if cjk:
            pattern += "|" + trie_pattern(cjk)
        self._alias_re = re.compile(pattern)
        self._lower_alias = {alias.lower(): name for alias, name in self._alias.items() if name}
        # detect asks about the same chunks of a sentence several times
        self._mention_cache: dict[str, tuple[Mention, ...]] = {}
        # All topics in one pass: a named group per topic, the longest keyword first within each, and
        # one word-boundary check around them all. (A keyword of two topics counts for the first.)
        # Chinese keywords have no word boundaries and go in a second pattern, used on Chinese text.
        latin_groups, cjk_groups = [], []
        self._topic_keys: dict[str, str] = {}
        self._topic_order: dict[str, int] = {}
        for i, topic in enumerate(self.topics):
            self._topic_order[topic.key] = i
            self._topic_keys[f"t{i}"] = topic.key
            words = {k.strip() for k in topic.keywords if k.strip()}
            latin_words = self._keyword_alternation([k for k in words if not _CJK.match(k)])
            cjk_words = self._keyword_alternation([k for k in words if _CJK.match(k)])
            if latin_words:
                latin_groups.append(f"(?P<t{i}>{latin_words})")
            if cjk_words:
                cjk_groups.append(f"(?P<t{i}>{cjk_words})")
        self._any_topic = (
            re.compile(r"(?<![\w])(?:" + "|".join(latin_groups) + r")(?![\w])", re.I) if latin_groups else None
        )
        self._any_topic_cjk = re.compile("|".join(cjk_groups)) if cjk_groups else None

    # --- parties -------------------------------------------------------------------------

    def mentions(self, text: str) -> list[Mention]:
        """Every party alias in a text, blockers included (party None), left to right."""
        cached = self._mention_cache.get(text)
        if cached is not None:
            return list(cached)
        found = self._find_mentions(text)
        if len(self._mention_cache) > 2048:
            self._mention_cache.clear()
        self._mention_cache[text] = tuple(found)
        return found

    def _find_mentions(self, text: str) -> list[Mention]:
        normalised = _apostrophes(text)
        return [
            Mention(
                m.start(), m.end(), self._alias[m.group()], text[m.start() : m.end()], m.group() in self._member_alias
            )
            for m in self._alias_re.finditer(normalised)
        ]

    def parties_in(self, text: str) -> list[str]:
        """Canonical names of the parties named in a text, in order of first mention."""
        seen: list[str] = []
        for mention in self.mentions(text):
            if mention.party and mention.party not in seen:
                seen.append(mention.party)
        return seen

    def party(self, name: str) -> PartyEntry | None:
        return self._by_name.get(name)

    def country_by_code(self, code: str) -> str | None:
        """The country of an ISO 3166 alpha-2 code ("au" is Australia, not the African Union's "AU")."""
        party = self._by_code.get(code.lower())
        return party.name if party and party.kind == "country" else None

    def canonical(self, name_or_alias: str) -> str | None:
        key = _apostrophes(re.sub(r"^the\s+", "", name_or_alias.strip(), flags=re.I))
        if key in self._alias:
            return self._alias[key]
        by_code = self._by_code.get(key.lower())
        if by_code:
            return by_code.name
        return self._lower_alias.get(key.lower())

    def members(self, name: str, on: datetime.date | None = None) -> list[str]:
        """Canonical names of an organisation's members on a date (all known members when None)."""
        party = self._by_name.get(name)
        if party is None:
            return []
        names = []
        for code in party.members:
            since = party.member_since.get(code)
            if on is not None and since and datetime.date.fromisoformat(since) > on:
                continue
            until = party.member_until.get(code)
            if until and (on is None or datetime.date.fromisoformat(until) < on):
                continue  # a member that left: only on dates before it left
            member = self._by_code.get(code.lower())
            if member:
                names.append(member.name)
        return names

    def written_as_members(self, name: str) -> bool:
        party = self._by_name.get(name)
        return bool(party and party.written_as_members and party.members)

    def expand(self, names: Iterable[str], on: datetime.date | None = None) -> list[str]:
        """Groupings that speak for their members replaced by the members, sorted, unique."""
        out: set[str] = set()
        for name in names:
            if self.written_as_members(name):
                out.update(self.members(name, on))
            else:
                out.add(name)
        return sorted(out)

    def expand_collective(self, names: Iterable[str], on: datetime.date | None = None) -> list[str]:
        """Like ``expand``, for a collective subject ("the two sides", "we"): groupings whose leaders
        meet as states are their members too."""
        out: set[str] = set()
        for name in self.expand(names, on):
            party = self._by_name.get(name)
            members = self.members(name, on) if party and party.members_when_collective else []
            out.update(members or [name])
        return sorted(out)

    def actors(self, mention: Mention, on: datetime.date | None = None) -> list[str]:
        """The parties a mention stands for: "ASEAN countries" are ASEAN's members."""
        if mention.party is None:
            return []
        if mention.members:
            return self.members(mention.party, on) or [mention.party]
        return [mention.party]

    def is_country(self, name: str) -> bool:
        party = self._by_name.get(name)
        return bool(party and party.kind == "country")

    # --- topics --------------------------------------------------------------------------

    @staticmethod
    def _keyword_alternation(keywords: list[str]) -> str:
        """Keywords as one alternation compiled from character tries (longest match first): "cyber*"
        matches any word starting "cyber"; a keyword ending in a lower-case letter other than "s" also
        matches its plural ("reactor" finds "small modular reactors")."""
        stems = [k[:-1] for k in keywords if k.endswith("*")]
        plural = [k for k in keywords if not k.endswith("*") and _PLURALISABLE.search(k)]
        plain = [k for k in keywords if not k.endswith("*") and not _PLURALISABLE.search(k)]
        parts = [
            trie_pattern(plural) + "(?:e?s)?" if plural else "",
            trie_pattern(plain) if plain else "",
            trie_pattern(stems) + r"[\w-]*" if stems else "",
        ]
        return "|".join(p for p in parts if p)

    def topic_scores(self, text: str) -> dict[str, float]:
        scores: dict[str, float] = {}
        for _start, _end, key in self.topic_matches(text):
            scores[key] = scores.get(key, 0.0) + (GENERIC_WEIGHT if key == GENERIC_TOPIC else 1.0)
        return scores

    def topic_matches(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, topic key) of every keyword in a text."""
        found = []
        if self._any_topic is not None:
            found = [(m.start(), m.end(), self._topic_keys[str(m.lastgroup)]) for m in self._any_topic.finditer(text)]
        if self._any_topic_cjk is not None and _CJK.search(text):
            found += [
                (m.start(), m.end(), self._topic_keys[str(m.lastgroup)]) for m in self._any_topic_cjk.finditer(text)
            ]
            found.sort()
        return found

    def topics_for(self, text: str) -> list[str]:
        """Topic keys found in a text, most relevant first (the generic topic only when alone or strong)."""
        scores = self.topic_scores(text)
        return sorted(scores, key=lambda k: (-scores[k], self._topic_order[k]))

    @property
    def topic_keys(self) -> list[str]:
        return [topic.key for topic in self.topics]


@functools.lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return Lexicon()
