"""Imported text is escaped everywhere, and links shown to readers are http or https only: a
`javascript:` address in a source or evidence is shown, if at all, as text, never as a link."""

import datetime

import pytest
from django.urls import reverse

from tracker.commitments import actions
from tracker.commitments.models import Commitment, Evidence
from tracker.commitments.status import Status
from tracker.public.templatetags.public_tags import safe_href

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
EVIL = "javascript:alert(document.cookie)"


@pytest.fixture
def hostile(make_commitment, erin, china):
    commitment = make_commitment(
        quote=f"The sides will {SCRIPT} cooperate.",
        title=f"Cooperate {SCRIPT}",
        deadline_text=SCRIPT,
    )
    # The model's URL validation refuses this on entry; rows written by other doors (an import, a
    # migration, the database itself) are not validated, so the page must not trust the column.
    Commitment.objects.filter(pk=commitment.pk).update(source_url=EVIL)
    commitment.refresh_from_db()
    actions.add_source(commitment=commitment, url="JavaScript:alert(2)", quote=SCRIPT, issuing_party=china)
    evidence = Evidence.objects.create(url="data:text/html,<b>x</b>", title=f"Report {SCRIPT}", passage=SCRIPT)
    actions.record_assessment(
        commitment=commitment,
        status=Status.IN_PROGRESS,
        as_of=datetime.date(2018, 1, 1),
        rationale=f"Because {SCRIPT}",
        author=erin,
        evidence=[evidence],
    )
    return commitment


def pages(commitment, dialogue, china):
    return [
        reverse("public:dashboard"),
        reverse("public:commitment_list"),
        reverse("public:commitment_detail", args=[commitment.reference]),
        reverse("public:dialogue_detail", args=[dialogue.slug]),
        reverse("public:party_detail", args=[china.code]),
    ]


def test_text_is_escaped_on_every_page(rob_client, hostile, dialogue, china):
    for url in pages(hostile, dialogue, china):
        html = rob_client.get(url).content.decode()
        assert SCRIPT not in html, url
        assert "&lt;script&gt;" in html, url


def test_a_javascript_or_data_address_is_never_a_link(rob_client, hostile, dialogue, china):
    for url in pages(hostile, dialogue, china):
        html = rob_client.get(url).content.decode().lower()
        assert 'href="javascript:' not in html and "href='javascript:" not in html, url
        assert 'href="data:' not in html and 'cite="javascript:' not in html, url
    detail = rob_client.get(reverse("public:commitment_detail", args=[hostile.reference])).content.decode()
    assert "Report &lt;script&gt;alert(1)&lt;/script&gt;" in detail  # the evidence title, as text


def test_feeds_escape_text_and_drop_unsafe_links(rob_client, hostile):
    xml = rob_client.get(reverse("public:feed_changes")).content.decode()
    assert SCRIPT not in xml
    assert "javascript:" not in xml.lower() and "data:text" not in xml


def test_exports_and_the_api_carry_no_unsafe_address(rob_client, hostile):
    csv_text = b"".join(rob_client.get(reverse("public:export_csv")).streaming_content).decode()
    assert "javascript:" not in csv_text.lower()
    api = rob_client.get(reverse("public:api:commitment-list"), HTTP_ACCEPT="application/json").json()
    item = api["results"][0]
    assert item["source_url"] == ""
    assert item["history"][0]["evidence"][0]["url"] == ""


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://www.state.gov/readout", True),
        ("http://example.org/x", True),
        ("javascript:alert(1)", False),
        (" JAVASCRIPT:alert(1)", False),
        ("data:text/html,hi", False),
        ("vbscript:msgbox", False),
        ("//evil.example/x", False),
        ("https:///no-host", False),
        ("", False),
    ],
)
def test_only_http_and_https_addresses_with_a_host_are_links(url, safe):
    assert bool(safe_href(url)) is safe
