"""The commitment page as of any date: a commitment whose status changed twice (in progress,
then fulfilled) and was corrected once (fulfilled → partially fulfilled) reads, on each date,
exactly as the tracker stood then; later assessments are invisible, the page says it is a
historical view, and it carries a citation with a permanent, dated link."""

import datetime

import pytest
from django.urls import reverse

from tests import test_public_fixtures as fx

story = fx.story

pytestmark = pytest.mark.django_db

D = datetime.date


def page(client, commitment, as_of=None):
    url = reverse("public:commitment_detail", args=[commitment.reference])
    return client.get(url, {"as_of": as_of.isoformat()} if as_of else {})


def overall_status(response) -> str:
    return response.context["overall_status"]


def test_before_the_first_assessment_the_commitment_is_not_yet_assessed(rob_client, story):
    # Given the story, when a reader asks for the page as of the day before the first assessment
    response = page(rob_client, story.commitment, D(2018, 2, 28))
    # Then it is "not yet assessed", and no assessment is listed
    assert response.status_code == 200
    assert overall_status(response) == "not_assessed"
    assert response.context["history"] == []
    assert response.context["hidden_later"] == 4
    assert "4 later assessments hidden in this historical view" in response.content.decode()


def test_after_the_first_change_it_is_in_progress_and_later_entries_are_hidden(rob_client, story):
    response = page(rob_client, story.commitment, D(2019, 4, 30))
    assert overall_status(response) == "in_progress"
    shown = [a.pk for a in response.context["history"]]
    assert shown == [story.started.pk, story.china_stalled.pk]
    assert response.context["hidden_later"] == 2
    html = response.content.decode()
    assert "All suspects were handed over" not in html
    assert "2 later assessments hidden in this historical view" in html


def test_on_the_day_of_the_second_change_the_correction_replaces_what_it_corrects(rob_client, story):
    # The fulfilled entry was later corrected to partially fulfilled, with the same as_of date
    response = page(rob_client, story.commitment, D(2019, 5, 1))
    assert overall_status(response) == "partial"
    rows = {a.pk: a for a in response.context["history"]}
    assert rows[story.fulfilled.pk].corrected_by == story.correction
    html = response.content.decode()
    assert "Corrected on 1 June 2019</strong> because: The May report counted three suspects twice." in html
    assert f'<li id="assessment-{story.fulfilled.pk}" class="history-item is-corrected' in html


def test_a_party_lane_has_its_own_status_on_each_date(rob_client, story, china, united_states):
    before = page(rob_client, story.commitment, D(2018, 8, 31))
    after = page(rob_client, story.commitment, D(2018, 9, 1))
    lanes_before = {lane.name: lane.current for lane in before.context["timeline"].lanes}
    lanes_after = {lane.name: lane.current for lane in after.context["timeline"].lanes}
    # China follows the overall status until assessed on its own, then has its own
    assert (lanes_before[china.name].status, lanes_before[china.name].inherited) == ("in_progress", True)
    assert (lanes_after[china.name].status, lanes_after[china.name].inherited) == ("stalled", False)
    assert lanes_after[united_states.name].inherited is True


def test_the_page_says_clearly_it_is_a_historical_view(rob_client, story):
    html = page(rob_client, story.commitment, D(2018, 6, 1)).content.decode()
    assert "Historical view: the tracker as it stood on 1 June 2018." in html
    assert "See today’s view" in html


def test_today_the_page_shows_the_current_status_without_a_historical_banner(rob_client, story):
    response = page(rob_client, story.commitment)
    assert overall_status(response) == "partial" == story.commitment.current_status
    assert "Historical view" not in response.content.decode()


def test_the_statuses_match_the_models_status_on_for_every_date(rob_client, story, china):
    # The page computes statuses from the log it loads; the model's reading is the reference
    for day in [D(2018, 2, 28), D(2018, 3, 1), D(2018, 9, 1), D(2019, 4, 30), D(2019, 5, 1), D(2020, 1, 1)]:
        response = page(rob_client, story.commitment, day)
        lanes = {lane.party: lane.current for lane in response.context["timeline"].lanes}
        assert overall_status(response) == story.commitment.status_on(day)
        own = story.commitment.status_on(day, party=china)
        if own != "not_assessed":
            assert lanes[china].status == own


def test_the_citation_has_a_permanent_link_with_the_date_and_bibtex(rob_client, story, settings):
    settings.SITE_URL = "https://tracker.example.org"
    response = page(rob_client, story.commitment, D(2018, 6, 1))
    citation = response.context["citation"]
    assert (
        citation.permalink == f"https://tracker.example.org/commitments/{story.commitment.reference}/?as_of=2018-06-01"
    )
    assert "Status as of 1 June 2018: In progress (overall)" in citation.text
    assert citation.bibtex.startswith("@misc{")
    assert r"howpublished = {\url{https://tracker.example.org/commitments/" in citation.bibtex
    assert citation.permalink in response.content.decode()


def test_todays_citation_also_carries_a_date_so_it_never_changes(rob_client, story):
    citation = page(rob_client, story.commitment).context["citation"]
    assert "?as_of=" in citation.permalink


def test_a_commitment_made_after_the_date_is_hidden_with_a_message(rob_client, story):
    response = page(rob_client, story.commitment, D(2017, 10, 3))
    assert response.status_code == 404
    assert "had not been made on 3 October 2017" in response.content.decode()


def test_an_invalid_or_future_date_gives_a_clear_message_not_an_error(rob_client, story):
    url = reverse("public:commitment_detail", args=[story.commitment.reference])
    for value, message in [
        ("2019-13-01", "is not a date. Write the date as YYYY-MM-DD"),
        ("yesterday", "is not a date"),
        ("2999-01-01", "is in the future"),
    ]:
        response = rob_client.get(url, {"as_of": value})
        assert response.status_code == 400, value
        html = response.content.decode()
        assert message in html
        assert "Showing today’s view instead." in html


def test_the_sql_reading_of_the_list_agrees_with_the_models_status_on(story):
    from tracker.commitments.models import Commitment

    for day in [D(2018, 2, 28), D(2018, 3, 1), D(2019, 4, 30), D(2019, 5, 1), D(2021, 1, 1)]:
        row = Commitment.objects.with_status_on(day).get(pk=story.commitment.pk)
        assert row.status_on_day == story.commitment.status_on(day), day
    assert row.status_on_day_as_of == D(2019, 5, 1)  # the correction's date
