"""Beyond shared subjects, the alignment weighs who is to act (the leaders themselves, or the
officials they delegate to), the kind of act (negotiate further against carry out), the parties
(one side's own statement against a joint pledge), and the people, places and months a pledge
names in either language."""

from tracker.extraction import align_lexicon as lexicon
from tracker.extraction.align import Item, align, score

BOTH = ("China", "United States")


def item(text, strength="firm", parties=BOTH, **fields):
    return Item(text=text, strength=strength, parties=parties, **fields)


def test_the_leaders_own_contact_is_not_what_they_delegate_to_officials():
    english = [item("The two presidents agreed that senior officials will keep channels of communication open.")]
    chinese = [item("两国元首同意保持经常性联系。"), item("双方外交团队保持沟通。")]
    assert lexicon.actor(english[0].text, "en") == lexicon.DELEGATED
    assert lexicon.actor(chinese[0].text, "zh") == lexicon.LEADERS
    result = align(english, chinese)
    assert [(p.a, p.b) for p in result.aligned] == [(0, 1)]
    assert result.only_b == [0]


def test_a_call_between_the_two_presidents_is_the_leaders_own_act():
    assert lexicon.actor("They are planning a call between President Smith and President Wang.", "en") == "leaders"
    assert lexicon.actor("The two sides agreed to keep talking.", "en") is None


def test_negotiating_further_is_not_carrying_out_what_was_agreed():
    negotiate = item("The leaders tasked their ministers to negotiate the remaining tariff questions.")
    carry_out = item("责成双方部长落实关税问题共识。")
    talk_on = item("双方部长可继续商谈关税问题。", strength="hedged")
    assert lexicon.primary_act(negotiate.text, "en") == "discuss"
    assert lexicon.primary_act(carry_out.text, "zh") == "implement"
    assert score(negotiate, carry_out)[0] < score(negotiate, talk_on)[0]
    assert [(p.a, p.b, p.relation) for p in align([negotiate], [talk_on, carry_out]).aligned] == [(0, 0, "a_stronger")]


def test_one_sides_own_statement_is_not_a_joint_pledge_on_the_same_field():
    unilateral = item(
        "The United States will keep restricting exports of advanced chips, without limiting trade.",
        parties=("United States",),
    )
    joint = item("双方同意加强经贸政策协调。")
    assert align([unilateral], [joint]).aligned == []


def test_named_officials_places_and_months_are_shared_across_languages():
    english = [
        item("Secretary Yellen will visit China in July to continue the talks in Beijing."),
        item("Secretary Blinken will travel to Beijing."),
    ]
    chinese = [item("布林肯国务卿将访华。"), item("耶伦财长将于7月访华，在北京继续会谈。")]
    assert {"name:yellen", "place:beijing", "name:to-china", "month:7"} <= lexicon.names(english[0].text, "en")
    assert {"name:yellen", "place:beijing", "name:to-china", "month:7"} <= lexicon.names(chinese[1].text, "zh")
    result = align(english, chinese)
    assert [(p.a, p.b) for p in result.aligned] == [(0, 1), (1, 0)]
    assert "Yellen" in result.aligned[0].shared and "July" in result.aligned[0].shared


def test_a_capitalised_month_counts_and_the_verb_may_does_not():
    assert lexicon.names("The two sides may meet again.", "en") == set()
    assert lexicon.names("They will meet again in May and next year.", "en") == {"month:5", "when:next-year"}
    assert lexicon.names("双方将于明年十一月再次会晤。", "zh") == {"month:11", "when:next-year"}


def test_a_trade_truce_is_paired_on_numbers_goods_officials_and_dates():
    english = [
        item("The two sides agreed to suspend the additional 24 percent tariff for 90 days."),
        item("China will purchase 12 million metric tons of U.S. soybeans this year.", parties=("China",)),
        item("China will suspend its export controls on rare earths announced in October.", parties=("China",)),
        item("The United States will reduce the fentanyl-related tariff to 10 percent.", parties=("United States",)),
        item("Secretary Bessent and Vice Premier He Lifeng will continue the economic and trade consultations."),
        item("The United States will continue to defend its allies in the Indo-Pacific.", parties=("United States",)),
    ]
    chinese = [
        item("双方同意将24%的额外关税暂停90天。"),
        item("中方将暂停实施10月宣布的稀土出口管制措施。", parties=("China",)),
        item("美方将把芬太尼关税降至10%。", parties=("United States",)),
        item("中方将扩大美国农产品采购。", parties=("China",)),
        item("何立峰副总理与贝森特财长将继续保持经贸磋商。"),
        item("双方同意扩大人文交流。"),
    ]
    result = align(english, chinese)
    assert [(p.a, p.b) for p in result.aligned] == [(0, 0), (1, 3), (2, 1), (3, 2), (4, 4)]
    assert result.only_a == [5] and result.only_b == [5]
    shared = {p.a: p.shared for p in result.aligned}
    assert {"24", "90"} <= set(shared[0])
    assert "farm goods" in shared[1] and "rare earths" in shared[2] and "October" in shared[2]
    assert {"Bessent", "He Lifeng"} <= set(shared[4])


def test_leaders_who_only_agree_are_not_the_ones_who_act():
    # "两国元首同意" names who agreed; the dialogue they agree on is the governments'.
    assert lexicon.actor("两国元首同意建立人工智能政府间对话。", "zh") == lexicon.DELEGATED
    assert lexicon.actor("两国元首同意推进气候合作。", "zh") is None
    assert lexicon.actor("The two leaders agreed to expand climate cooperation.", "en") is None
    assert lexicon.actor("The two leaders agreed to stay in touch.", "en") == lexicon.LEADERS
    officials = item("Senior officials will set up an intergovernmental dialogue on artificial intelligence.")
    leaders_agree = item("两国元首同意建立人工智能政府间对话。")
    assert [(p.a, p.b) for p in align([officials], [leaders_agree]).aligned] == [(0, 0)]
