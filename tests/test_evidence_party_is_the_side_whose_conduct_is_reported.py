"""The party of a piece of evidence is the side whose conduct it reports: not the side that
appraises it ("中方赞赏澳方遣返…" reports Australia's conduct), not a joint pair named as whom a
measure served ("…，便利了两国人员往来"), and, in Chinese media, China when a Chinese state body is
the subject though no country is named. Texts written for the tests."""

from tracker.extraction.evidence import Unit, _named_in, acting_party, read_passage
from tracker.extraction.lexicon import default_lexicon


def named(text, *parties):
    return sorted((text.index(alias), party) for alias, party in parties)


def test_the_side_appraised_is_the_one_whose_conduct_is_reported():
    text = "中方赞赏智方今年5月向中方遣返一名外逃犯罪嫌疑人。"
    assert acting_party(text, named(text, ("中方", "China"), ("智方", "Chile"))) == "Chile"
    text = "Chile welcomed the return by Peru of two fugitives in May."
    assert acting_party(text, named(text, ("Chile", "Chile"), ("Peru", "Peru"))) == "Peru"
    # Without an appraisal the subject named first still acts.
    text = "中方向智方遣返一名外逃犯罪嫌疑人。"
    assert acting_party(text, named(text, ("中方", "China"), ("智方", "Chile"))) == "China"


def test_both_countries_named_as_who_a_measure_served_do_not_make_it_joint():
    text = "中方自今年3月起对智利实施免签政策，便利了两国人员往来。"
    assert acting_party(text, named(text, ("中方", "China"))) == "China"
    text = "双方今年3月起互免签证，便利了人员往来。"
    assert acting_party(text, named(text, ("双方", "China"))) is None


def test_a_chinese_state_body_as_subject_is_china_acting():
    lexicon = default_lexicon()
    lead = "新华社北京5月5日电 国家禁毒委员会办公室5月4日宣布，"
    clause = "两种新型阿片已正式列入管制目录。"
    unit = Unit(clause, len(lead), len(lead + clause), 0, len(lead + clause), read_passage(clause), 0, lead=lead)
    assert _named_in(unit, frozenset({"China", "Chile"}), lexicon) == [(0, "China")]
    assert _named_in(unit, frozenset({"Chile"}), lexicon) == []
