"""The party and topic datasets seed the database: every ISO 3166 country under the name the
labelling rules use, the common organisations, and exactly the fixed topic list; a Lexicon built
from plain lists resolves aliases, demonyms, capitals and groupings."""

import datetime

from tracker.extraction.lexicon import Lexicon, default_lexicon
from tracker.extraction.parties import PartyEntry, default_parties
from tracker.extraction.topics import TopicEntry, default_topics

TOPIC_KEYS = [
    "counter-narcotics",
    "cybersecurity",
    "repatriation/fugitives",
    "immigration",
    "counter-terrorism",
    "law-enforcement",
    "trade",
    "climate",
    "energy",
    "defense",
    "technology",
    "nonproliferation",
    "people-to-people",
    "dialogue",
]


def test_countries_use_common_short_names_and_lower_case_iso_codes():
    by_code = {p.code: p for p in default_parties()}
    expected = {
        "cn": "China",
        "us": "United States",
        "kr": "South Korea",
        "ru": "Russia",
        "ir": "Iran",
        "vn": "Vietnam",
        "la": "Laos",
        "kp": "North Korea",
        "gb": "United Kingdom",
        "tw": "Taiwan",
    }
    for code, name in expected.items():
        assert by_code[code].name == name and by_code[code].kind == "country"
    assert sum(p.kind == "country" for p in by_code.values()) >= 249


def test_countries_carry_official_names_demonyms_capitals_and_abbreviations():
    by_code = {p.code: p for p in default_parties()}
    assert {"U.S.", "American", "Washington", "United States of America"} <= set(by_code["us"].aliases)
    assert {"PRC", "Chinese", "Beijing", "People's Republic of China"} <= set(by_code["cn"].aliases)
    assert "ROK" in by_code["kr"].aliases


def test_an_alias_shared_by_two_countries_belongs_to_neither():
    aliases = [a for p in default_parties() if p.kind == "country" for a in p.aliases]
    assert aliases.count("Congolese") == 0
    assert aliases.count("American") == 1


def test_organisations_carry_codes_aliases_and_members():
    by_code = {p.code: p for p in default_parties()}
    for code in ("eu", "asean", "g7", "g20", "un", "brics", "quad", "nato", "au_org", "wto", "iaea"):
        assert by_code[code].kind == "organisation"
    assert sorted(by_code["quad"].members) == ["au", "in", "jp", "us"]
    assert "Association of Southeast Asian Nations" in by_code["asean"].aliases


def test_the_topics_are_exactly_the_fixed_list_with_names_and_keywords():
    topics = default_topics()
    assert [t.key for t in topics] == TOPIC_KEYS
    assert all(t.name and t.keywords for t in topics)


def test_the_lexicon_resolves_aliases_without_false_friends():
    lexicon = default_lexicon()
    text = "U.S.-China talks in Beijing near the South China Sea; Chinese and American officials; ROK"
    assert lexicon.parties_in(text) == ["United States", "China", "South Korea"]
    assert lexicon.canonical("PRC") == "China"
    assert lexicon.canonical("U.S.") == "United States"
    assert lexicon.canonical("Freedonia") is None


def test_groupings_that_speak_for_their_members_are_written_out_by_date():
    lexicon = default_lexicon()
    assert lexicon.expand(["Quad"]) == ["Australia", "India", "Japan", "United States"]
    assert lexicon.expand(["BRICS"], datetime.date(2020, 11, 17)) == [
        "Brazil",
        "China",
        "India",
        "Russia",
        "South Africa",
    ]
    assert "Egypt" in lexicon.expand(["BRICS"], datetime.date(2025, 1, 1))
    assert lexicon.expand(["EU", "China"]) == ["China", "EU"]  # the EU acts as itself


def test_a_lexicon_is_built_from_plain_lists_such_as_database_rows():
    lexicon = Lexicon(
        parties=[PartyEntry("Freedonia", "Freedonia", "country", "fd", aliases=["Freedonian", "Fredville"])],
        topics=[TopicEntry("fisheries", "Fisheries", keywords=["fish*", "trawler"])],
    )
    assert lexicon.parties_in("The Freedonian minister met in Fredville.") == ["Freedonia"]
    assert lexicon.topics_for("joint patrols against illegal trawlers and fishing") == ["fisheries"]


def test_island_states_keep_their_chinese_names_while_island_territories_do_not():
    by_code = {entry.code: entry for entry in default_parties()}
    for code, name in [("is", "冰岛"), ("sb", "所罗门群岛"), ("mh", "马绍尔群岛")]:
        assert name in by_code[code].aliases
    assert not any("开曼群岛" in alias for entry in by_code.values() for alias in entry.aliases)
