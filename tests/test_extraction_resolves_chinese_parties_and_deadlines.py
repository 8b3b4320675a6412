"""Who commits and by when in Chinese texts: collectives (双方, 三方, 与会成员国领导人, 会议) are the
document's parties with groupings written out as their members on the document's date; compounds
(中孟, 中日韩) name the sides; state organs act for China; a readout naming one partner is that partner
and China. Deadlines: a named day (4月10日, 今年7月1日), 下半年, a designated year, and the year a 届时
refers to; a measure announced with a later start is firm, one issued and in force that day is past."""

import datetime

from tracker.extraction.deadlines import find_chinese_deadlines
from tracker.extraction.detect import detect

DAY = datetime.date(2031, 4, 2)


def test_member_states_of_a_grouping_are_its_members_on_the_document_s_date():
    text = "上海合作组织成员国元首理事会会议举行。\n\n与会成员国领导人同意加强反恐合作。"
    (later,) = detect(text, doc_date=datetime.date(2024, 7, 5))
    (earlier,) = detect(text, doc_date=datetime.date(2022, 9, 16))
    assert "Belarus" in later.parties and "China" in later.parties and len(later.parties) == 10
    assert "Belarus" not in earlier.parties and "Iran" not in earlier.parties


def test_a_three_way_compound_names_three_parties():
    text = "第十次中日韩领导人会议举行。\n\n三方同意将2032—2033年定为中日韩旅游年。"
    (one,) = detect(text, doc_date=DAY)
    assert one.parties == ["China", "Japan", "South Korea"]
    assert one.deadline_label == "2032-2033"


def test_a_readout_naming_one_partner_makes_the_two_sides_that_partner_and_china():
    (one,) = detect("李强同孟加拉国总理会谈。\n\n双方同意启动投资协定谈判。", doc_date=DAY)
    assert one.parties == ["Bangladesh", "China"]


def test_a_side_written_by_the_first_character_of_its_name_when_paired_with_china():
    text = "李强同哈西娜会谈。中孟关系发展良好。\n\n孟方将简化中国公民签证手续。"
    assert [f.parties for f in detect(text, doc_date=DAY)] == [["Bangladesh"]]


def test_a_measure_announced_with_a_later_start_is_firm_for_the_state_organ_that_announced_it():
    text = "商务部新闻发言人今天宣布，自5月1日起，对原产于某国的进口商品加征10%关税。"
    (one,) = detect(text, doc_date=DAY)
    assert (one.parties, one.strength, one.deadline_label) == (["China"], "firm", "2031-05-01")
    assert one.text.startswith("商务部")


def test_a_measure_issued_and_in_force_the_same_day_is_past():
    assert detect("海关总署发布公告，决定暂停3家企业产品输华。", doc_date=DAY) == []


def test_an_agreement_entering_into_force_on_a_later_day_carries_that_day():
    text = "中智自由贸易协定升级议定书于今年7月1日正式生效。"
    (one,) = detect(text, doc_date=DAY)
    assert (one.parties, one.deadline_label) == (["Chile", "China"], "2031-07-01")


def test_by_then_takes_the_year_of_the_event_before_it():
    text = "中方支持智利承办2033年世博会，届时将派团参展。"
    (one,) = detect(text, doc_date=DAY, parties=["China", "Chile"])
    assert (one.text, one.parties, one.deadline_label) == ("届时将派团参展。", ["China"], "2033")


def test_named_days_and_half_years_resolve_against_the_document_date():
    assert [d.label for d in find_chinese_deadlines("自4月10日12时01分起加征关税", DAY)] == ["2031-04-10"]
    assert [d.label for d in find_chinese_deadlines("下半年举办投资论坛", DAY)] == ["2031-12-31 (下半年)"]
    assert [d.label for d in find_chinese_deadlines("明年3月1日起实施", DAY)] == ["2032-03-01"]
    assert find_chinese_deadlines("当地时间3月8日", DAY) == []  # already past


def test_periods_counted_in_years_run_from_the_document_date():
    day = datetime.date(2024, 5, 8)
    assert [d.label for d in find_chinese_deadlines("中方将在未来3年邀请300名青年", day)] == ["2027-05-08 (未来3年)"]
    assert [d.label for d in find_chinese_deadlines("今后五年内建成", day)] == ["2029-05-08 (今后五年内)"]
    assert [d.label for d in find_chinese_deadlines("半年内完成", day)] == ["2024-11-08 (半年内)"]
    assert [d.label for d in find_chinese_deadlines("年内完成", day)] == ["2024 (年内)"]


def test_a_pledge_not_to_act_is_firm_but_a_bare_denial_is_a_position():
    parties = ["China", "United States"]
    (pledge,) = detect("美方承诺不寻求改变中国体制。", doc_date=DAY, parties=parties)
    assert (pledge.parties, pledge.strength) == (["United States"], "firm")
    assert detect("美国不寻求新冷战。", doc_date=DAY, parties=parties) == []


def test_a_commitment_naming_no_topic_takes_its_paragraph_s_before_the_document_s():
    # Given a document mostly about drugs, and a paragraph about exchanges with a topic-less pledge
    text = "中智双方讨论了禁毒问题、毒品走私和禁毒执法。\n\n双方愿扩大人文交流。双方同意互派考察团。"
    # When it is read, then the pledge takes the topic of its paragraph
    (one,) = detect(text, doc_date=DAY)
    assert (one.text, one.topics) == ("双方同意互派考察团。", ["people-to-people"])


def test_a_chinese_account_of_a_summit_counts_china_among_the_collective():
    text = (
        "中国—中亚峰会在阿拉木图举行。国家主席习近平同哈萨克斯坦总统、吉尔吉斯斯坦总统、塔吉克斯坦总统、"
        "土库曼斯坦总统、乌兹别克斯坦总统出席。\n\n与会各方同意加快推进跨境铁路建设，力争2035年前建成通车。"
    )
    (one,) = detect(text, doc_date=DAY)
    assert "China" in one.parties and "Kazakhstan" in one.parties and len(one.parties) == 6
    # and the aim that names no field of its own stays with the agreement, with its deadline
    assert one.text == "与会各方同意加快推进跨境铁路建设，力争2035年前建成通车。"
    assert one.deadline_label == "2035"
