"""Each rule that decides a clause has a name: ``explain`` lists, for every trigger of a sentence, the
rule that vetoed it (a wish, a prediction, a relative clause, a vague object, a demand on others,
a past year) or "kept", so a maintainer can see and test each rule alone."""

import datetime

from tracker.extraction.context import DocumentContext
from tracker.extraction.detect import explain
from tracker.extraction.lexicon import default_lexicon

DAY = datetime.date(2031, 4, 2)


def verdicts(sentence):
    context = DocumentContext.build(sentence, lexicon=default_lexicon(), doc_date=DAY, parties=["Ghana", "Norway"])
    return [verdict for _kind, _clause, verdict in explain(sentence, context)]


def test_a_pledge_with_a_specific_object_is_kept():
    assert verdicts("Norway will provide Ghana with two patrol boats.") == ["kept"]


def test_a_hope_before_the_trigger_is_a_wish():
    assert verdicts("Ghana hopes that Norway will open a consulate in Kumasi.") == ["wish-or-condition"]


def test_an_effect_of_a_thing_is_a_prediction():
    assert verdicts("The new port will help trade in the region.") == ["prediction"]


def test_a_future_in_a_relative_clause_describes_it():
    assert "relative-clause" in verdicts("Ghana opened a training centre that will train customs officers.")


def test_a_pledge_without_an_identifiable_object_is_vague():
    assert verdicts("The two sides will strengthen their friendship.") == ["vague-object"]


def test_a_call_on_every_country_is_a_demand_on_others():
    assert verdicts("The two sides called on all countries to lift their export bans.") == ["demand-on-others"]


def test_an_agreement_about_a_past_year_is_a_past_act():
    assert verdicts("Ghana agreed to repay the loans it received in 2019.") == ["past-year"]
