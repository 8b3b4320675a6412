"""Two joint pledges of one meeting are the same pledge even when the extraction's party lists
differ (one caught the venue, 'in Singapore'); one side's own pledge against a joint one is still
scaled down."""

from tracker.extraction.align import OTHER_PARTIES, Item, align, score

CRISIS_EN = (
    "The two sides committed to work toward establishing a crisis communications working group by the end of the year."
)
CRISIS_ZH = "并建立危机沟通工作组。"


def test_joint_pledges_with_a_venue_in_one_party_list_pair():
    english = [Item(CRISIS_EN, "intent", parties=("China", "Singapore"))]
    chinese = [Item(CRISIS_ZH, parties=("China", "United States"))]
    result = align(english, chinese)
    assert [(p.a, p.b, p.relation) for p in result.aligned] == [(0, 0, "b_stronger")]


def test_a_joint_score_does_not_depend_on_a_stray_party():
    joint = score(
        Item(CRISIS_EN, "intent", parties=("China", "United States")),
        Item(CRISIS_ZH, parties=("China", "United States")),
    )
    stray = score(
        Item(CRISIS_EN, "intent", parties=("China", "Singapore")), Item(CRISIS_ZH, parties=("China", "United States"))
    )
    assert stray[0] == joint[0] > 0.5


def test_one_sides_own_pledge_against_a_joint_one_is_still_scaled_down():
    joint = score(
        Item(CRISIS_EN, parties=("China", "United States")), Item(CRISIS_ZH, parties=("China", "United States"))
    )
    own = score(Item(CRISIS_EN, parties=("United States",)), Item(CRISIS_ZH, parties=("China", "United States")))
    assert abs(own[0] - joint[0] * OTHER_PARTIES) < 1e-9
