"""Who acts in a Chinese multilateral or bilateral text: the countries a sentence lists as attending
are the parties (a partial list adds to the grouping's members), 中亚 is a region and not a pairing
with Armenia, a side form is read as the country the text names in full (巴方 after 巴基斯坦 is
Pakistan, not Brazil), 各国主管部门 is every party, and a commitment of unnamed actors (有关成员国)
is no commitment. The actor inside a speaker's words carries to the speaker's next sentence; a
partner in a joint action (中方将同赞方共同…) acts too; a side form is read even when the country's
full name is only in the title."""

import datetime

from tracker.extraction.detect import detect

DAY = datetime.date(2031, 6, 20)
FIVE = ["China", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Uzbekistan"]


def found(text):
    return [(f.text, f.parties, f.strength) for f in detect(text, doc_date=DAY)]


def test_the_countries_listed_as_attending_are_the_parties_of_a_collective_subject():
    text = (
        "第九届峰会于2031年6月19日在杜尚别举行。中国、哈萨克斯坦、吉尔吉斯斯坦、塔吉克斯坦、乌兹别克斯坦"
        "五国元首出席。\n\n与会领导人一致同意，年内建立中国—中亚应急管理合作机制。"
    )
    ((_text, parties, strength),) = found(text)
    assert (parties, strength) == (FIVE, "firm")


def test_a_list_of_leaders_with_their_titles_counts_as_attendance():
    text = (
        "哈萨克斯坦总统、吉尔吉斯斯坦总统、塔吉克斯坦总统和乌兹别克斯坦总统出席会议。国家主席习近平主持。\n\n"
        "各方将加强打击毒品走私合作。"
    )
    ((_text, parties, _strength),) = found(text)
    assert set(parties) >= set(FIVE[1:])


def test_central_asia_is_a_region_not_china_and_armenia():
    text = (
        "中国、哈萨克斯坦、吉尔吉斯斯坦、塔吉克斯坦、乌兹别克斯坦领导人出席中国—中亚峰会。\n\n"
        "双方同意启动中国—中亚自由贸易区联合可行性研究。"
    )
    assert all("Armenia" not in parties for _t, parties, _s in found(text))


def test_a_side_form_is_the_country_the_text_names_in_full():
    text = "王毅同巴基斯坦外长举行中巴外长战略对话。\n\n巴方将全力保障在巴中国人员安全。"
    assert [parties for _t, parties, _s in found(text)] == [["Pakistan"]]


def test_the_competent_authorities_of_each_country_are_every_party():
    text = "中国、柬埔寨、老挝、缅甸、泰国、越南领导人出席会议。\n\n各国主管部门将加强打击电信诈骗的执法合作。"
    ((_text, parties, _strength),) = found(text)
    assert parties == ["Cambodia", "China", "Laos", "Myanmar", "Thailand", "Vietnam"]


def test_unnamed_member_states_make_no_commitment():
    text = (
        "中国、俄罗斯、印度、伊朗领导人出席会议。\n\n成员国将加强反恐合作。"
        "有关成员国将研究开展本币结算合作。有意愿的成员国将建立联合实验室。"
    )
    assert [t for t, _parties, _s in found(text)] == ["成员国将加强反恐合作。"]


def test_the_actor_inside_a_speakers_words_carries_to_the_next_sentence():
    text = "国务院总理李强20日同智利总统会谈。\n\n李强表示，中方将扩大进口智利车厘子。还将在智利设立鲁班工坊。"
    assert [(parties, strength) for _t, parties, strength in found(text)] == [(["China"], "firm")] * 2


def test_a_partner_in_a_joint_action_is_a_party_too():
    text = "国家主席习近平同赞比亚总统会谈。\n\n中方将同赞方共同推进坦赞铁路激活项目。中方将同赞方举行会谈。"
    assert [parties for _t, parties, _s in found(text)][:1] == [["China", "Zambia"]]


def test_a_side_form_is_read_when_the_full_name_is_only_in_the_title():
    text = "双方同意设立打击电信诈骗联合工作组。泰方承诺为中国游客提供更加便利的入境条件。"
    result = detect(text, doc_date=DAY, title="中华人民共和国和泰王国联合声明")
    assert [f.parties for f in result] == [["China", "Thailand"], ["Thailand"]]


def test_the_parties_of_a_party_to_party_meeting_come_from_its_compound_name():
    text = "中越两党两国领导人会谈13日在河内举行。\n\n双方商定，年内举行两国口岸管理合作委员会首次会议。"
    assert [parties for _t, parties, _s in found(text)] == [["China", "Vietnam"]]
