"""Chinese texts found while scoring batch 10 of tests/unseen_chinese_statements blind: items numbered
with a fullwidth full stop ('2．'), '——' items under a '双方同意：' lead-in, a grouping named in an
attendance list, an action governed by a condition or by 视情, a journalist's question in a briefing,
and keeping in touch with no matter named."""

import datetime

from tracker.extraction.detect import detect

DAY = datetime.date(2031, 4, 2)
BOTH = ["Chile", "China"]


def found(body, parties=("China", "Chile")):
    text = "中国和智利举行会谈。\n\n" + body
    return [(f.text, f.strength, f.parties) for f in detect(text, doc_date=DAY, parties=list(parties))]


def test_items_numbered_with_a_fullwidth_full_stop_are_read_with_their_actor():
    body = "会议取得以下成果：\n\n1．会议通过联合声明。\n\n2．中方将在未来三年为智方培训500名技术人员。"
    assert found(body) == [("中方将在未来三年为智方培训500名技术人员。", "firm", ["China"])]


def test_dash_items_under_an_agreed_lead_in_each_carry_the_agreement():
    body = "双方同意：\n\n——年内举行第二轮战略对话；\n\n——尽快启动自由贸易协定升级谈判。"
    assert found(body) == [
        ("年内举行第二轮战略对话", "firm", BOTH),
        ("尽快启动自由贸易协定升级谈判。", "firm", BOTH),
    ]


def test_a_dash_paragraph_without_a_lead_in_above_it_is_no_item():
    assert found("中方重申一个中国原则。\n\n——年内举行第二轮战略对话。") == []


def test_a_grouping_in_an_attendance_list_stands_for_its_members_and_china_stays_a_party():
    text = (
        "国务院总理李强出席东盟与中日韩领导人会议。东盟十一国领导人、日本首相、韩国总统出席会议。"
        "\n\n与会领导人同意年内建立10+3供应链合作网络。"
    )
    parties = detect(text, doc_date=DAY)[0].parties
    assert {"China", "Japan", "South Korea", "Vietnam", "Timor-Leste"} <= set(parties) and len(parties) == 14


def test_an_action_on_a_condition_or_as_circumstances_require_is_hedged():
    assert found("如智方恢复对中国产品的保障措施，中方将对相关进口关税进行调整。") == [
        ("中方将对相关进口关税进行调整。", "hedged", ["China"])
    ]
    assert found("商务部将视情调整出口许可管理措施。") == [("商务部将视情调整出口许可管理措施。", "hedged", ["China"])]


def test_a_journalists_question_in_a_briefing_commits_nobody():
    body = (
        "问：有消息称，中方将同智方举行联合海上搜救演练。能否证实？"
        "\n\n答：中国和智利同意于明年举行首次联合海上搜救演练。"
    )
    assert [f[0] for f in found(body)] == ["中国和智利同意于明年举行首次联合海上搜救演练。"]


def test_keeping_in_touch_with_no_matter_named_is_vague_but_a_matter_makes_it_count():
    assert found("双方同意保持沟通。") == []
    assert found("双方同意就人工智能安全问题保持沟通。") != []


def test_a_sentence_that_is_itself_a_list_takes_the_counting_lead_in_before_it_which_is_no_commitment():
    body = (
        "下一步，商务部将会同有关部门，从两个方面推出新的措施。"
        "一是今年内新增出口信贷额度500亿元；二是明年6月底前再设立10个跨境电商综合试验区。"
    )
    assert found(body) == [
        ("今年内新增出口信贷额度500亿元", "firm", ["China"]),
        ("明年6月底前再设立10个跨境电商综合试验区。", "firm", ["China"]),
    ]


def test_the_side_of_a_grouping_whose_members_are_the_parties_is_those_members():
    text = (
        "中国—海合会战略对话在利雅得举行。中国外交部长与沙特阿拉伯、阿联酋、卡塔尔、科威特、阿曼、巴林外交大臣出席。"
        "\n\n海方将继续向中方稳定供应原油和液化天然气。"
    )
    parties = detect(text, doc_date=DAY)[0].parties
    assert parties == ["Bahrain", "Kuwait", "Oman", "Qatar", "Saudi Arabia", "United Arab Emirates"]


def test_an_agreement_already_reached_on_a_future_act_is_no_past_act():
    assert found("中智双方已同意于10月举行新一轮自贸协定升级谈判。") == [
        ("中智双方已同意于10月举行新一轮自贸协定升级谈判。", "firm", BOTH)
    ]
    assert found("中智双方已举行新一轮自贸协定升级谈判。") == []
