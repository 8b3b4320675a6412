"""Every editor URL refuses olga (logged in, not an editor: 403) and rob (anonymous: to the log-in
page), by GET and by form POST, and a refused POST changes nothing in the database. Every editor
response, refusals included, is uncacheable. The POSTs are real ones: erin's change the record.
"""

from __future__ import annotations

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, get_resolver, reverse

from tests import test_editor_fixtures as fixtures
from tracker.commitments.status import Status
from tracker.ingest import archive, tasks

world = fixtures.world

STATEMENT = "The two sides agreed to hold the third round in Beijing before the end of 2019."


def csv_text(w) -> str:
    return (
        "reference,title,quote,parties,topics,strength,meeting,made_on\n"
        f"{w.commitment.reference},New title,{w.commitment.quote},cn;us,repatriation/fugitives,firm,"
        f"{w.meeting.slug},2017-10-04\n"
    )


def commitment_form(w, **changes) -> dict:
    data = {
        "title": "Open a liaison office",
        "quote": "China will open a liaison office in Washington.",
        "meeting": w.meeting.pk,
        "parties": [p.pk for p in w.meeting.parties.all()],
        "topics": [w.cyber.pk],
        "strength": "firm",
        "made_on": "2017-10-04",
        "deadline_granularity": "",
    }
    data.update(changes)
    return data


# name: (URL kwargs, POST data or None for a read-only page). Callables take the world.
SPECS = {
    "home": (None, None),
    "import": (None, None),
    "import_text": (
        None,
        lambda w: {"text-text": STATEMENT, "text-kind": "joint_statement", "text-meeting": w.meeting.pk},
    ),
    "import_file": (
        None,
        lambda w: {"file-file": SimpleUploadedFile("readout.txt", STATEMENT.encode()), "file-kind": "readout"},
    ),
    "import_url": (None, lambda w: {"url-url": "https://www.example.org/readout", "url-kind": "readout"}),
    "article_list": (None, None),
    "article_detail": (lambda w: {"pk": w.statement.pk}, None),
    "article_status": (lambda w: {"pk": w.statement.pk}, None),
    "article_retry": (lambda w: {"pk": w.failed.pk}, lambda w: {}),
    "feed_list": (None, None),
    "feed_create": (
        None,
        lambda w: {"feed-url": "https://other.example.org/rss", "feed-kind": "news", "feed-is_active": "on"},
    ),
    "feed_update": (lambda w: {"pk": w.feed.pk}, lambda w: {"url": w.feed.url, "title": "Renamed", "kind": "news"}),
    "feed_poll": (lambda w: {"pk": w.feed.pk}, lambda w: {}),
    "inbox": (None, None),
    "bulk_review": (None, lambda w: {"candidates": [w.working_group.pk], "action": "accept"}),
    "candidate_accept": (lambda w: {"pk": w.working_group.pk}, lambda w: {}),
    "candidate_edit": (
        lambda w: {"pk": w.working_group.pk},
        lambda w: {
            "title": "Set up a working group on counter-narcotics",
            "quote": w.working_group.quote,
            "meeting": w.meeting.pk,
            "parties": [p.pk for p in w.meeting.parties.all()],
            "topics": [w.narcotics.pk],
            "strength": "firm",
        },
    ),
    "candidate_merge": (lambda w: {"pk": w.hotline.pk}, lambda w: {"commitment": w.commitment.reference}),
    "candidate_reject": (lambda w: {"pk": w.hotline.pk}, lambda w: {"reason": "A past action"}),
    "evidence_inbox": (None, None),
    "suggestion_accept": (lambda w: {"pk": w.suggestion.pk}, lambda w: {f"s{w.suggestion.pk}-status": ""}),
    "suggestion_reject": (lambda w: {"pk": w.suggestion.pk}, lambda w: {"reason": "Unrelated"}),
    "article_not_evidence": (lambda w: {"pk": w.news.pk}, lambda w: {}),
    "article_suggest_evidence": (lambda w: {"pk": w.news.pk}, lambda w: {}),
    "commitment_list": (None, None),
    "commitment_create": (None, lambda w: commitment_form(w)),
    "commitment_detail": (lambda w: {"reference": w.commitment.reference}, None),
    "commitment_update": (
        lambda w: {"reference": w.commitment.reference},
        lambda w: commitment_form(w, title="Edited title", quote=w.commitment.quote),
    ),
    "commitment_publish": (lambda w: {"reference": w.draft.reference}, lambda w: {}),
    "commitment_unpublish": (lambda w: {"reference": w.commitment.reference}, lambda w: {}),
    "source_create": (
        lambda w: {"reference": w.commitment.reference},
        lambda w: {"url": "https://www.example.org/other-readout", "quote": "Both sides will repatriate."},
    ),
    "assessment_create": (
        lambda w: {"reference": w.commitment.reference},
        lambda w: {"status": Status.IN_PROGRESS, "as_of": "2018-03-05", "rationale": "Two suspects handed over."},
    ),
    "assessment_correct": (
        lambda w: {"reference": w.commitment.reference, "pk": w.assessment.pk},
        lambda w: {"status": Status.NO_INFORMATION, "as_of": "2017-12-01", "rationale": "R", "reason": "Misread."},
    ),
    "commitment_history": (lambda w: {"reference": w.commitment.reference}, None),
    "meeting_list": (None, None),
    "meeting_create": (
        None,
        lambda w: {"title": "Second round", "kind": "round", "date": "2018-10-04", "parties": [w.china.pk]},
    ),
    "meeting_detail": (lambda w: {"pk": w.meeting.pk}, None),
    "meeting_update": (
        lambda w: {"pk": w.meeting.pk},
        lambda w: {
            "title": "First round (renamed)",
            "slug": w.meeting.slug,
            "kind": "round",
            "date": "2017-10-04",
            "parties": [p.pk for p in w.meeting.parties.all()],
            "dialogue": w.dialogue.pk,
        },
    ),
    "meeting_history": (lambda w: {"pk": w.meeting.pk}, None),
    "dialogue_list": (None, None),
    "dialogue_create": (
        None,
        lambda w: {
            "name": "Another dialogue",
            "slug": "another",
            "reference_prefix": "AD",
            "state": "active",
            "parties": [p.pk for p in w.meeting.parties.all()],
        },
    ),
    "dialogue_detail": (lambda w: {"pk": w.dialogue.pk}, None),
    "dialogue_update": (
        lambda w: {"pk": w.dialogue.pk},
        lambda w: {
            "name": "Renamed dialogue",
            "slug": w.dialogue.slug,
            "reference_prefix": w.dialogue.reference_prefix,
            "state": "suspended",
            "parties": [p.pk for p in w.dialogue.parties.all()],
        },
    ),
    "dialogue_history": (lambda w: {"pk": w.dialogue.pk}, None),
    "csv_import": (None, lambda w: {"file": SimpleUploadedFile("c.csv", csv_text(w).encode())}),
    "meeting_alignments": (lambda w: {"pk": w.meeting.pk}, None),
    "alignment_confirm": (lambda w: {"pk": w.alignment.pk}, lambda w: {"relation": "same"}),
    "alignment_change": (lambda w: {"pk": w.alignment.pk}, lambda w: {"relation": "a_stronger"}),
    "alignment_reject": (lambda w: {"pk": w.alignment.pk}, lambda w: {"reason": "Not the same pledge"}),
    "csv_confirm": (None, lambda w: {"csv_text": csv_text(w)}),
    "second_opinions": (None, None),
    "proposal_agree": (lambda w: {"pk": w.theirs.pk}, lambda w: {}),
    "proposal_disagree": (lambda w: {"pk": w.theirs.pk}, lambda w: {"reason": "The handover was not confirmed."}),
    "proposal_revise": (
        lambda w: {"pk": w.mine.pk},
        lambda w: {"status": Status.NOT_STARTED, "as_of": "2018-03-05", "rationale": "No handover yet."},
    ),
    "proposal_withdraw": (lambda w: {"pk": w.mine.pk}, lambda w: {}),
    "digest_preference": (None, lambda w: {"daily_digest": "on"}),
    "archive": (None, None),
    "archived_copy": (lambda w: {"pk": w.text_copy.pk}, None),
    "archive_retry": (lambda w: {"pk": w.failed_copy.pk}, lambda w: {}),
}
POSTS = sorted(name for name, (_, post) in SPECS.items() if post)
# Views that only take a POST (their GET is 405 for everyone).
POST_ONLY = {
    "import_text",
    "import_file",
    "import_url",
    "article_retry",
    "feed_create",
    "feed_poll",
    "bulk_review",
    "candidate_accept",
    "commitment_publish",
    "commitment_unpublish",
    "csv_confirm",
    "alignment_confirm",
    "alignment_change",
    "alignment_reject",
    "article_not_evidence",
    "article_suggest_evidence",
    "proposal_agree",
    "proposal_withdraw",
    "archive_retry",
}
GETS = sorted(name for name in SPECS if name not in POST_ONLY)


def url_for(name, w) -> str:
    kwargs_for, _ = SPECS[name]
    return reverse(f"editor:{name}", kwargs=kwargs_for(w) if kwargs_for else None)


def snapshot() -> dict:
    """Every row of the record, the pipeline's tables, users and groups, and their history."""
    state = {}
    for model in apps.get_models():
        if model._meta.app_label in {"commitments", "ingest", "editor"} or model._meta.label in {
            "auth.User",
            "auth.Group",
        }:
            state[model._meta.label] = [
                {k: bytes(v) if isinstance(v, memoryview) else v for k, v in row.items()}
                for row in model.objects.order_by("pk").values()
            ]
    return state


@pytest.fixture(autouse=True)
def second_account(request):
    """The other side's readout of the world's meeting, one sentence of it proposed as the same
    pledge as the statement's working group (for the alignment views)."""
    if "world" not in request.fixturenames:
        return
    from tracker.commitments.models import Alignment
    from tracker.ingest.models import Article

    w = request.getfixturevalue("world")
    text = "双方同意成立禁毒合作工作组。"
    account = Article.objects.create(
        origin="paste", state="analysed", kind="readout", text=text, meeting=w.meeting, issuing_party=w.china
    )
    candidate = fixtures.make_candidate(account, text, parties=[w.china, w.united_states], topics=[w.narcotics])
    candidate.state = "merged"
    candidate.commitment = w.commitment
    candidate.save()
    w.alignment = Alignment.objects.create(meeting=w.meeting, candidate_a=w.working_group, candidate_b=candidate)


@pytest.fixture(autouse=True)
def proposals(request, django_user_model):
    """Two proposals on a commitment of a dialogue that requires a second opinion: erin's own
    (to revise or withdraw) and another editor's (for erin to agree or disagree with)."""
    if "world" not in request.fixturenames:
        return
    w = request.getfixturevalue("world")
    ed = django_user_model.objects.create_user("ed", "ed@example.org", "ed-password-123")
    ed.groups.add(request.getfixturevalue("editors_group"))
    fixtures.make_proposals(w, erin=request.getfixturevalue("erin"), other_editor=ed)


@pytest.fixture(autouse=True)
def archived_copies(request):
    """The statement's copy (its pasted text) and a capture that failed (for the archive views)."""
    if "world" not in request.fixturenames:
        return
    w = request.getfixturevalue("world")
    w.text_copy = archive.ensure_copy(archive.Key(article_id=w.statement.pk))
    w.failed_copy = archive.ArchivedCopy.objects.create(
        url="https://gone.example.org/cited", state="failed", reason="The page was not found (HTTP 404)."
    )


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Polling a feed would reach the network; the task itself is tested elsewhere."""
    polled = []
    monkeypatch.setattr(tasks.poll_feed, "delay", lambda feed_id: polled.append(feed_id))
    return polled


def editor_url_names() -> set[str]:
    resolver = get_resolver()
    _, editor = next((p, r) for p, r in resolver.namespace_dict.values() if r.app_name == "editor")
    return {p.name for p in editor.url_patterns if isinstance(p, URLPattern)}


def test_every_editor_url_is_covered_here():
    assert editor_url_names() == set(SPECS)


def test_olga_gets_a_403_page_everywhere(olga_client, world, subtests):
    for name in GETS:
        with subtests.test(name):
            response = olga_client.get(url_for(name, world))
            assert response.status_code == 403
            assert b"This page is for editors" in response.content
            assert "no-store" in response["Cache-Control"]


def test_rob_is_sent_to_log_in_everywhere(rob_client, world, subtests):
    for name in GETS:
        with subtests.test(name):
            url = url_for(name, world)
            response = rob_client.get(url)
            assert response.status_code == 302
            location = urlsplit(response["Location"])
            assert location.path == reverse("login")
            assert parse_qs(location.query) == {"next": [url]}
            assert "no-store" in response["Cache-Control"]


def test_erin_gets_every_page_uncached(erin_client, world, subtests):
    for name in GETS:
        with subtests.test(name):
            response = erin_client.get(url_for(name, world))
            assert response.status_code == 200
            assert "no-store" in response["Cache-Control"]
            assert "private" in response["Cache-Control"]


def test_a_refused_post_changes_nothing(olga, world, subtests):
    rob, outsider = Client(), Client()
    outsider.force_login(olga)
    before = snapshot()
    for name in POSTS:
        _, data_for = SPECS[name]
        url = url_for(name, world)
        with subtests.test(name):
            response = rob.post(url, data_for(world))
            assert response.status_code == 302 and urlsplit(response["Location"]).path == reverse("login")
            response = outsider.post(url, data_for(world))
            assert response.status_code == 403
            assert "no-store" in response["Cache-Control"]
            assert snapshot() == before


def test_the_same_posts_by_erin_change_the_record(erin_client, world, no_network, subtests):
    """So the refusals above refuse something that would have happened. Each POST runs in a
    savepoint rolled back after it, so each starts from the same world."""
    for name in POSTS:
        _, data_for = SPECS[name]
        with subtests.test(name), transaction.atomic():
            before = snapshot()
            response = erin_client.post(url_for(name, world), data_for(world))
            assert response.status_code in {200, 302}, response.content[:2000]
            if name == "feed_poll":
                assert no_network == [world.feed.pk]
            elif name == "csv_import":  # the preview: checked and rolled back
                assert b"Preview" in response.content
                assert snapshot() == before
            else:
                assert response.status_code == 302, response.context["form"].errors if response.context else response
                assert snapshot() != before
            transaction.set_rollback(True)


def test_a_post_without_the_csrf_token_is_refused(erin, world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(erin)
    before = snapshot()
    response = client.post(reverse("editor:commitment_publish", args=[world.draft.reference]))
    assert response.status_code == 403
    assert snapshot() == before


def test_the_forms_carry_the_csrf_token(erin_client, world):
    for name in ("import", "inbox", "evidence_inbox", "commitment_detail", "csv_import"):
        response = erin_client.get(url_for(name, world))
        assert b'name="csrfmiddlewaretoken"' in response.content, name


def test_an_inactive_editor_is_refused(client, erin, world):
    erin.is_active = False
    erin.save()
    client.force_login(erin)
    assert client.get(reverse("editor:home")).status_code in {302, 403}


def test_a_superuser_is_an_editor(client, db, world):
    from django.contrib.auth.models import User

    admin = User.objects.create_superuser("ada", "ada@example.org", "ada-password-123")
    client.force_login(admin)
    assert client.get(reverse("editor:home")).status_code == 200


def test_the_dates_in_the_posts_are_in_the_past():
    # record_assessment refuses future dates; keep the fixtures' dates honest.
    assert datetime.date(2018, 3, 5) < datetime.date.today()
