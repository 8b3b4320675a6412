"""Strength follows the labelling rules: firm for will / agreed / committed / decided and
announced actions, intent for intend / plan / aim / will work to / called for their own action,
hedged for may / will explore or consider / as required."""

import datetime

import pytest

from tracker.extraction.detect import detect

PARTIES = ["Brazil", "South Africa"]


@pytest.mark.parametrize(
    ("sentence", "strength"),
    [
        ("Brazil will open a trade office in Johannesburg.", "firm"),
        ("The two sides agreed to launch negotiations on an investment agreement.", "firm"),
        ("South Africa is committed to joining the biofuels alliance.", "firm"),
        ("The leaders decided to establish a joint commission on energy.", "firm"),
        ("Both sides are resuming direct flights between Sao Paulo and Johannesburg.", "firm"),
        ("The leaders welcomed the resumption of the defence dialogue.", "firm"),
        ("The two countries intend to expand cooperation on vaccine research.", "intent"),
        ("Brazil plans to host a trade fair for South African companies.", "intent"),
        ("The two sides will work together to reduce barriers to agricultural trade.", "intent"),
        ("They committed to work towards a significant increase in student exchanges.", "intent"),
        ("The two sides expressed their intention to strengthen cooperation on counter-narcotics.", "intent"),
        ("The two sides will explore cooperation on critical minerals.", "hedged"),
        ("Brazil will actively consider supplying vaccines to South Africa.", "hedged"),
        ("South Africa may also provide training for Brazilian customs officers.", "hedged"),
    ],
)
def test_the_strength_is_read_off_the_committing_words(sentence, strength):
    found = detect(sentence, doc_date=datetime.date(2030, 1, 10), parties=PARTIES)
    assert len(found) == 1, [f.text for f in found]
    assert found[0].strength == strength
