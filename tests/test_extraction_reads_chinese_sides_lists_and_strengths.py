"""Chinese readouts beyond 中方 and 美方: every country has its Chinese name, a text that names 挪威
calls it 挪方 and pairs it as 中挪; the actor is the party a clause opens with, not one named later in
it; a sentence is split where the actor, the strength or the deadline changes; 将 + 探讨 is hedged,
支持 + a joint act of the parties themselves is intent; 将于…举行 a meeting is logistics, but not an
exercise; an outcome list inside one sentence ("同意…：一是…；二是…") commits each item."""

import datetime

from tracker.extraction.detect import detect
from tracker.extraction.lexicon import default_lexicon

DAY = datetime.date(2031, 4, 2)
PARTIES = ["China", "Norway"]


def run(text, parties=PARTIES):
    return detect(text, doc_date=DAY, parties=list(parties))


def test_every_country_has_its_chinese_name_and_places_are_not_countries():
    lexicon = default_lexicon()
    assert lexicon.canonical("挪威") == "Norway" and lexicon.canonical("吉尔吉斯斯坦") == "Kyrgyzstan"
    assert [m.party for m in lexicon.mentions("内蒙古和印度洋")] == [None, None]


def test_a_side_and_a_pair_are_read_from_the_name_the_text_uses():
    text = "挪威首相访华。中挪双方同意建立海洋经济对话机制。挪方将向中方出口更多三文鱼。"
    found = detect(text, doc_date=DAY)
    assert [f.parties for f in found] == [["China", "Norway"], ["Norway"]]


def test_the_actor_is_the_party_the_clause_opens_with():
    (found,) = run("中方将向挪威提供两千万元援助，用于北极科研合作。")
    assert found.parties == ["China"]


def test_a_sentence_splits_where_the_actor_or_the_deadline_changes():
    text = "挪方将简化中国公民签证手续，两国将于年内互设文化中心。"
    found = run(text)
    assert [(f.parties, f.deadline_label) for f in found] == [(["Norway"], None), (["China", "Norway"], "2031 (年内)")]


def test_a_later_deadline_of_the_thing_just_agreed_stays_with_it():
    (found,) = run("双方同意建立海洋合作联委会，年内召开首次会议。")
    assert found.text == "双方同意建立海洋合作联委会，年内召开首次会议。"


def test_the_verb_after_jiang_sets_the_strength():
    assert run("双方将探讨开展北极航道联合研发。")[0].strength == "hedged"
    assert run("双方将共同努力，推动尽早达成自由贸易协定。")[0].strength == "intent"
    assert run("中方支持双方尽快启动自由贸易协定谈判。")[0].strength == "intent"
    assert run("双方将开展可行性研究，推进铁路合作。")[0].strength == "firm"


def test_a_meeting_fixed_for_a_date_is_logistics_but_an_exercise_is_not():
    assert run("两国将于明年上半年举行第三轮战略对话。") == []
    assert run("与会各方一致同意，下届部长级会议定于2032年在奥斯陆举行。") == []
    (found,) = run("双方将于明年举行“北极之盾—2032”海上联合演习。")
    assert found.deadline_label == "2032 (明年)"


def test_an_outcome_list_inside_one_sentence_commits_each_item():
    text = "两国元首一致同意做好以下工作：一是年内启动自由贸易协定谈判；二是2032年底前建成联合海洋实验室。"
    found = run(text)
    assert [f.text for f in found] == ["年内启动自由贸易协定谈判", "2032年底前建成联合海洋实验室。"]
    assert all(f.parties == PARTIES and f.strength == "firm" for f in found)


def test_a_bare_agreement_or_a_clause_without_a_field_commits_to_nothing():
    assert run("双方同意深化政治互信。") == []
