"""The pipeline's lexicon is the database's parties and topics on top of the shipped datasets:
editors' additions count at once, and names the code learns in an upgrade reach rows seeded
before it."""

import pytest

from tracker.commitments.models import Party, Topic
from tracker.ingest.database_lexicon import lexicon_from_database

pytestmark = pytest.mark.django_db


def test_an_alias_added_by_an_editor_is_used_by_the_next_analysis(reference_data):
    lexicon = lexicon_from_database()
    assert lexicon.canonical("Land of the Morning Calm") is None
    korea = Party.objects.get(code="kr")
    korea.aliases = [*korea.aliases, "Land of the Morning Calm"]
    korea.save()
    assert lexicon_from_database().canonical("Land of the Morning Calm") == korea.name


def test_shipped_aliases_and_keywords_reach_rows_seeded_without_them(reference_data):
    Party.objects.filter(code="cn").update(aliases=[])
    Topic.objects.filter(key="counter-narcotics").update(keywords=[])
    Party.objects.get(code="cn").save()  # a history row, as an edit in the admin would leave
    lexicon = lexicon_from_database()
    assert lexicon.canonical("Beijing") == "China"
    assert "counter-narcotics" in lexicon.topics_for("They will fight fentanyl trafficking together.")


def test_a_party_only_the_database_knows_is_recognised(reference_data):
    Party.objects.create(name="Atlantis", code="atl", kind="country", aliases=["Atlantean"])
    assert lexicon_from_database().canonical("Atlantean") == "Atlantis"
