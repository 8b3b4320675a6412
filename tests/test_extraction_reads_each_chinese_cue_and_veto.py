"""Each Chinese cue of the labelling rules is one named rule (zh_cues): agreement, will, committed
to, intent, a call for the parties' own action, explore, designation; and each veto reason is named:
willingness, hope, should, need, past, ongoing, discussion, welcome, position, prediction, logistics,
principle. 将 marking an object (= 把) is no "will"."""

import datetime

import pytest

from tracker.extraction.detect import detect
from tracker.extraction.zh_cues import find_cue, is_vague, read_clause

DAY = datetime.date(2031, 4, 2)


def commitments(sentence):
    text = "中国和智利举行会谈。\n\n" + sentence
    return [(f.text, f.strength) for f in detect(text, doc_date=DAY, parties=["China", "Chile"])]


@pytest.mark.parametrize(
    ("clause", "kind", "strength"),
    [
        ("双方同意建立矿业合作联委会", "agreement", "firm"),
        ("双方约定互设文化中心", "agreement", "firm"),
        ("中方将派遣农业专家组", "will", "firm"),
        ("两国致力于2035年前建成海底光缆", "committed-to", "firm"),
        ("双方计划明年举行海上联合搜救演练", "intent", "intent"),
        ("双方将共同努力，推动尽早签署投资协定", "will-then-verb", "intent"),
        ("双方同意探索建立锂电池研发平台", "will-then-verb", "hedged"),
        ("双方支持尽快启动自贸协定升级谈判", "own-call", "intent"),
        ("双方将积极考虑开通直航航线", "will-then-verb", "hedged"),
        ("会议宣布2032年为“中智科技合作年”", "designation", "firm"),
        ("双方重申全面落实《海洋合作协定》", "reaffirmed", "firm"),
        ("双方视情开展联合巡逻", "explore", "hedged"),
    ],
)
def test_each_cue_rule_names_itself_and_its_strength(clause, kind, strength):
    cue = find_cue(clause)
    assert (cue.kind, cue.strength) == (kind, strength)


@pytest.mark.parametrize(
    ("clause", "reason"),
    [
        ("中方愿同智方加强矿业合作", "willingness"),
        ("希望智方为中国企业提供公平环境", "hope"),
        ("双方应当加强在联合国的协作", "normative"),
        ("双方要深化铜矿合作", "normative"),
        ("双方认为加强气候合作十分重要", "need"),
        ("双方已经完成自贸协定升级谈判", "past"),
        ("双方签署了科技合作协定", "past"),
        ("双方正在落实去年达成的共识", "ongoing"),
        ("双方就气候变化问题交换意见", "discussed"),
        ("中方欢迎智方参加进博会", "welcomed"),
        ("智方将继续奉行一个中国政策", "position"),
        ("中方将坚定支持智方维护国家主权", "position"),
        ("智利总统将于下月访华", "logistics"),
        ("坚持公平正义", "principle"),
        ("鼓励两国企业扩大相互投资", "call on others"),
        ("不仅为彼此经济社会建设提供坚实助力", "prediction"),
    ],
)
def test_each_veto_rule_gives_its_reason(clause, reason):
    assert read_clause(clause).veto == reason


def test_a_veto_after_the_cue_does_not_undo_the_agreement():
    # Given an agreement followed, in the same clause, by a word that would veto before it
    # When the clause is read, then the agreement stands
    assert read_clause("双方同意尽快恢复已中断的航线").cue.kind == "agreement"


def test_jiang_marking_an_object_is_no_will_but_an_agreement_still_commits():
    assert find_cue("中方始终将智利作为拉美外交的重要伙伴") is None
    assert commitments("中方始终将智利作为拉美外交的重要伙伴。") == []
    assert commitments("双方一致同意将2032年确定为“中智文化年”。") == [
        ("双方一致同意将2032年确定为“中智文化年”。", "firm")
    ]


def test_more_cooperation_with_no_field_is_vague_and_a_negative_pledge_is_not():
    assert is_vague("双方将继续推进务实合作", [])
    assert commitments("两国致力于深化全面战略伙伴关系。") == []
    assert commitments("智方承诺不再同台湾发生任何官方往来。") == [("智方承诺不再同台湾发生任何官方往来。", "firm")]


def test_reaffirming_a_principle_is_no_cue():
    assert find_cue("双方重申一个中国原则") is None


def test_a_prediction_and_a_conditional_threat_are_not_pledges():
    assert commitments("相信双方合作将为两国人民带来更多福祉。") == []
    assert commitments("如智方胆敢挑衅，中方必将坚决反击。") == []


def test_should_governs_the_clauses_after_it_until_one_names_its_own_actor():
    # Given a "要" clause followed by actor-less clauses, and one followed by an agreement of both sides
    governed = "习近平指出，各方要发挥建设性作用，致力于缓和局势，早日重启对话。"
    released = "智方希望中方扩大进口，双方同意年内启动自贸协定升级谈判。"
    # Then the first commits nothing and the second only from the agreement on
    assert commitments(governed) == []
    assert commitments(released) == [("双方同意年内启动自贸协定升级谈判。", "firm")]


def test_words_that_only_contain_a_modal_character_do_not_veto():
    assert read_clause("维护产业链供应链稳定畅通").veto is None
    assert read_clause("双方同意如期举行第三轮对话").veto is None
    assert read_clause("加强若干领域合作").veto is None
    assert read_clause("这对两国都很重要").veto != "normative"


def test_a_reported_clause_without_an_actor_is_its_speaker_s():
    text = (
        "国家主席习近平同智利总统博里奇会谈。\n\n习近平表示，将扩大进口智利车厘子。"
        "\n\n博里奇表示，将简化中国公民签证手续。"
    )
    found = detect(text, doc_date=DAY)
    assert [(f.text, f.parties) for f in found] == [
        ("将扩大进口智利车厘子。", ["China"]),
        ("将简化中国公民签证手续。", ["Chile"]),
    ]


def test_about_to_and_becoming_are_no_will():
    assert find_cue("第二届博览会即将开幕") is None
    assert read_clause("双方合作将成为地区合作的典范").veto == "prediction"
    assert read_clause("中方将为全球发展作出更大贡献").veto == "prediction"


def test_agreeing_with_a_view_is_not_agreeing_to_act():
    assert read_clause("智方同意习近平主席的看法").veto == "agreed view"


def test_an_actor_less_sentence_takes_the_actor_of_the_sentence_before_it_in_its_paragraph():
    text = "中国和智利举行会谈。\n\n中方将设立中智科创孵化园。还将派遣农业专家组。"
    found = detect(text, doc_date=DAY, parties=["China", "Chile"])
    assert [(f.text, f.parties) for f in found] == [
        ("中方将设立中智科创孵化园。", ["China"]),
        ("还将派遣农业专家组。", ["China"]),
    ]


def test_nouns_that_contain_a_cue_character_are_no_cue():
    assert find_cue("发挥决定性作用") is None
    assert find_cue("共同制定合作计划") is None
    assert find_cue("两国将来还要") is None
    assert find_cue("双方计划明年举行联合演练").kind == "intent"
