"""A commitment's status card and a dialogue's scorecard can be embedded in other sites' frames
(and only they: every other page keeps X-Frame-Options: DENY), described by oEmbed, offered as a
snippet on the public pages, cached, marked when a status rests on demonstration data; drafts and
unknown addresses are a 404, unknown formats a 501, and none of it writes anything."""

from __future__ import annotations

import datetime
import json
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from tests.test_every_public_page_hides_what_came_later import later_event, urls_of  # noqa: F401 (fixture)
from tracker.commitments import actions
from tracker.commitments.models import Assessment, Commitment, StatusStep
from tracker.commitments.status import Status
from tracker.demo import dialogue as demo

D = datetime.date
pytestmark = pytest.mark.django_db
EMBEDS = ("/embed/",)


@pytest.fixture
def assessed(make_commitment, erin):
    commitment = make_commitment(title="Exchange lists")
    actions.record_assessment(
        commitment=commitment, status=Status.IN_PROGRESS, as_of=D(2018, 3, 1), rationale="Lists sent.", author=erin
    )
    return commitment


def oembed(client, url, **params):
    return client.get(reverse("public:oembed"), {"url": url, **params})


def test_the_status_card_shows_the_status_and_may_be_framed(rob_client, assessed):
    response = rob_client.get(reverse("public:embed_commitment", args=[assessed.reference]))
    assert response.status_code == 200
    assert not response.has_header("X-Frame-Options")
    html = response.content.decode()
    assert "st-in_progress" in html and "since 1 March 2018" in html and assessed.title in html
    assert 'lang="en"' in html and "<script" not in html and "style=" not in html


def test_a_card_served_from_the_cache_may_still_be_framed(rob_client, assessed):
    url = reverse("public:embed_commitment", args=[assessed.reference])
    first = rob_client.get(url)
    Commitment.objects.filter(pk=assessed.pk).update(title="Changed behind the cache's back")
    second = rob_client.get(url)
    assert second.content == first.content  # served from the cache
    assert not second.has_header("X-Frame-Options")


def test_the_card_as_of_a_date_shows_the_status_then(rob_client, assessed):
    url = reverse("public:embed_commitment", args=[assessed.reference])
    html = rob_client.get(url, {"as_of": "2018-01-01"}).content.decode()
    assert "st-not_assessed" in html and "1 March 2018" not in html
    assert rob_client.get(url, {"as_of": "2017-01-01"}).status_code == 404  # not yet made


def test_the_scorecard_counts_the_dialogues_statuses(rob_client, assessed, dialogue):
    response = rob_client.get(reverse("public:embed_dialogue", args=[dialogue.slug]))
    assert response.status_code == 200 and not response.has_header("X-Frame-Options")
    html = response.content.decode()
    assert dialogue.name in html and "1 commitment" in html and "Compliance score by party" in html


def test_drafts_and_unknown_things_are_not_embedded(rob_client, make_commitment, dialogue):
    draft = make_commitment(title="Hidden draft", publish=False)
    assert rob_client.get(reverse("public:embed_commitment", args=[draft.reference])).status_code == 404
    assert rob_client.get(reverse("public:embed_commitment", args=["NOPE-1"])).status_code == 404
    # A dialogue whose only commitment is a draft has nothing to show.
    assert rob_client.get(reverse("public:embed_dialogue", args=[dialogue.slug])).status_code == 404
    page = f"http://testserver{reverse('public:commitment_detail', args=[draft.reference])}"
    response = oembed(rob_client, page)
    assert response.status_code == 404 and "No published commitment has that reference" in response.content.decode()


def test_a_bad_date_is_a_400_that_says_why(rob_client, assessed):
    response = rob_client.get(reverse("public:embed_commitment", args=[assessed.reference]), {"as_of": "2018-02-30"})
    assert response.status_code == 400 and "“2018-02-30” is not a date" in response.content.decode()


def test_oembed_describes_a_commitment_page_with_its_iframe(rob_client, assessed):
    page = f"http://testserver{assessed.get_absolute_url()}"
    response = oembed(rob_client, page, format="json", maxwidth="300")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    document = json.loads(response.content)
    assert document["version"] == "1.0" and document["type"] == "rich"
    assert document["width"] == 300 and document["height"] > 0
    src = f"http://testserver{reverse('public:embed_commitment', args=[assessed.reference])}"
    assert f'<iframe src="{src}" width="300"' in document["html"]
    assert assessed.reference in document["title"] and "title=" in document["html"]


def test_oembed_keeps_the_date_of_the_address(rob_client, assessed, dialogue):
    page = f"http://testserver{dialogue.get_absolute_url()}?as_of=2018-01-01"
    document = json.loads(oembed(rob_client, page).content)
    assert f"{reverse('public:embed_dialogue', args=[dialogue.slug])}?as_of=2018-01-01" in document["html"]


@pytest.mark.parametrize(
    ("url", "status", "message"),
    [
        ("https://elsewhere.example.org/commitments/TLED-2017-01/", 404, "Only addresses of this site"),
        ("http://testserver/methodology/", 404, "Only a commitment’s page and a dialogue’s page"),
        ("http://testserver/no/such/page/", 404, "There is no page at that address"),
        ("javascript:alert(1)", 404, "Only addresses of this site"),
        ("", 404, "Give the address"),
        ("http://testserver/commitments/TLED-2017-01/?as_of=2018-13-01", 404, "“2018-13-01” is not a date"),
    ],
)
def test_oembed_refuses_what_it_cannot_describe(rob_client, assessed, url, status, message):
    counts = (Assessment.objects.count(), StatusStep.objects.count())
    response = oembed(rob_client, url)
    assert response.status_code == status and message in response.content.decode()
    assert (Assessment.objects.count(), StatusStep.objects.count()) == counts


def test_oembed_answers_501_for_formats_other_than_json(rob_client, assessed):
    response = oembed(rob_client, f"http://testserver{assessed.get_absolute_url()}", format="xml")
    assert response.status_code == 501 and "format=json" in response.content.decode()
    bad = oembed(rob_client, f"http://testserver{assessed.get_absolute_url()}", maxwidth="wide")
    assert bad.status_code == 400 and "maxwidth must be a whole number" in bad.content.decode()


def test_the_pages_offer_the_snippet_and_oembed_discovery(rob_client, assessed, dialogue):
    page = rob_client.get(assessed.get_absolute_url()).content.decode()
    src = f"http://testserver{reverse('public:embed_commitment', args=[assessed.reference])}"
    assert f"&lt;iframe src=&quot;{src}&quot;" in page  # the code, as text to copy
    assert 'type="application/json+oembed"' in page
    assert '<label for="embed-code-commitment">' in page and 'id="embed-code-commitment"' in page
    historical = rob_client.get(assessed.get_absolute_url(), {"as_of": "2018-01-01"}).content.decode()
    assert f"{src}?as_of=2018-01-01" in historical
    scorecard = rob_client.get(dialogue.get_absolute_url()).content.decode()
    assert reverse("public:embed_dialogue", args=[dialogue.slug]) in scorecard
    assert "?" + urlencode({"url": f"http://testserver{dialogue.get_absolute_url()}"}) in scorecard.replace(
        "&amp;", "&"
    )


def test_demonstration_statuses_are_marked_in_the_embeds(rob_client, reference_data):
    demo.load(use_shared=False, log=lambda *a: None)
    shown = Commitment.objects.get(meeting__slug="lecd-2017-washington", title__startswith="U.S. to use")
    assert shown.current_status_is_demonstration
    card = rob_client.get(reverse("public:embed_commitment", args=[shown.reference])).content.decode()
    assert "tag-demo" in card
    dialogue = shown.meeting.dialogue
    scorecard = rob_client.get(reverse("public:embed_dialogue", args=[dialogue.slug])).content.decode()
    assert "demo-note" in scorecard
    document = json.loads(oembed(rob_client, f"http://testserver{shown.get_absolute_url()}").content)
    assert document["title"].endswith("[demonstration data]")


def test_every_other_public_page_keeps_x_frame_options_deny(rob_client, later_event):  # noqa: F811
    checked = 0
    for url in urls_of(later_event):
        response = rob_client.get(url, HTTP_ACCEPT="application/json")
        if response.status_code == 406:
            response = rob_client.get(url, HTTP_ACCEPT="text/html")
        if url.startswith(EMBEDS):
            assert not response.has_header("X-Frame-Options"), url
        else:
            assert response.get("X-Frame-Options") == "DENY", url
            checked += 1
    assert checked > 20
