"""Today's full dump and data package are built offline (`manage.py build_exports`, beat's task)
and served as files: they hold what the live code path gives, value for value; a build replaces
the file served at once, never leaving a reader half a file; a missing build is a clear 503; a
conditional GET that matches is a 304; a large tracker is never built in a request."""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import json
import zipfile

import pytest
from django.core.management import call_command
from django.db import OperationalError, connection
from django.urls import reverse
from django.utils import timezone

from tests import test_public_fixtures as fx
from tracker.commitments import cache as public_cache
from tracker.commitments.models import Commitment
from tracker.public import exports, offline

story = fx.story
make_many = fx.make_many

pytestmark = pytest.mark.django_db

SITE = "http://testserver"


@pytest.fixture(autouse=True)
def exports_dir(settings, tmp_path):
    """An empty exports storage of this test's own."""
    location = tmp_path / "exports"
    settings.STORAGES = {
        **settings.STORAGES,
        "exports": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": location, "allow_overwrite": True},
        },
    }
    return location


@pytest.fixture
def large(settings):
    """Make the tracker count as one too large to build in a request."""
    settings.EXPORTS_ON_DEMAND_MAX = 0


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def built_file(kind) -> bytes:
    with offline.storage().open(offline.current(kind)["name"], "rb") as handle:
        return handle.read()


def tables(archive: bytes) -> dict[str, list[dict]]:
    with zipfile.ZipFile(io.BytesIO(archive)) as package:
        found = {"datapackage.json": json.loads(package.read("datapackage.json"))}
        for name in package.namelist():
            if name.startswith("data/"):
                found[name] = list(csv.DictReader(io.StringIO(package.read(name).decode("utf-8"))))
    return found


# --- The files hold what the live code path gives -----------------------------------------------


def test_the_built_dump_equals_the_live_dump_of_today_value_for_value(rob_client, make_many, story):
    make_many(3)
    offline.build(offline.DUMP, site=SITE)
    built = json.loads(built_file(offline.DUMP))
    today = timezone.localdate().isoformat()
    live = json.loads(body(rob_client.get(reverse("public:export_dump"), {"as_of": today})))

    # The live dump of today reads each status from the log; the file, the denormalised status.
    assert built["commitments"] == live["commitments"]
    assert len(built["commitments"]) == 4
    assert built["meetings"] == live["meetings"]
    # Documented differences: a dated dump names its date and leaves the dialogues' state out.
    assert [{**d, "state": None, "state_note": None} for d in built["dialogues"]] == live["dialogues"]
    assert built["as_of"] is None and live["as_of"] == today
    assert {k: v for k, v in built.items() if k not in {"generated_at", "as_of", "commitments", "dialogues"}} == {
        k: v for k, v in live.items() if k not in {"generated_at", "as_of", "commitments", "dialogues"}
    }


def test_the_built_dump_holds_the_rows_of_the_json_export(rob_client, make_many):
    make_many(3)
    offline.build(offline.DUMP, site=SITE)
    built = json.loads(built_file(offline.DUMP))
    listed = json.loads(body(rob_client.get(reverse("public:export_json"))))["commitments"]
    assert [{k: c[k] for k in listed[0]} for c in built["commitments"]] == listed


def test_the_built_package_equals_the_live_package_of_today_value_for_value(rob_client, make_many, story):
    make_many(3)
    offline.build(offline.DATAPACKAGE, site=SITE)
    built = tables(built_file(offline.DATAPACKAGE))
    today = timezone.localdate().isoformat()
    live = tables(body(rob_client.get(reverse("public:export_datapackage"), {"as_of": today})))

    assert set(built) == set(live)
    for name in built:
        if name in {"datapackage.json", "data/dialogues.csv"}:
            continue
        assert built[name] == live[name], name
    assert len(built["data/commitments.csv"]) == 4 and len(built["data/assessments.csv"]) >= 8
    # A dated package leaves the dialogues' state out; everything else is the same.
    assert [{**d, "state": "", "state_note": ""} for d in built["data/dialogues.csv"]] == live["data/dialogues.csv"]
    assert built["datapackage.json"]["resources"] == live["datapackage.json"]["resources"]


# --- Serving the file ------------------------------------------------------------------------------


def test_the_file_is_sent_with_its_digest_and_date_and_a_matching_conditional_get_is_a_304(rob_client, story, large):
    entry = offline.build(offline.DUMP, site=SITE)
    response = rob_client.get(reverse("public:export_dump"))
    content = body(response)
    assert response.status_code == 200
    assert hashlib.sha256(content).hexdigest() == entry["sha256"] and len(content) == entry["size"]
    assert response["ETag"] == f'"{entry["sha256"]}"'
    assert response["Content-Disposition"].startswith('attachment; filename="commitment-tracker-')
    assert "public" in response["Cache-Control"]

    again = rob_client.get(reverse("public:export_dump"), HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304 and body(again) == b""
    assert again["ETag"] == response["ETag"]
    since = rob_client.get(reverse("public:export_dump"), HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert since.status_code == 304
    other = rob_client.get(reverse("public:export_dump"), HTTP_IF_NONE_MATCH='"0123"')
    assert other.status_code == 200 and body(other) == content


def test_without_a_build_a_large_tracker_answers_a_clear_503(rob_client, story, large):
    for name in ("public:export_dump", "public:export_datapackage"):
        response = rob_client.get(reverse(name))
        text = body(response).decode()
        assert response.status_code == 503, name
        assert "has not been built yet" in text and "manage.py build_exports" in text
        assert "?as_of=" in text  # what can be had now
        assert response["Retry-After"] and "public" not in response["Cache-Control"]
    assert offline.current(offline.DUMP) is None  # nothing was built in the request


def test_a_large_tracker_gets_the_latest_file_even_when_stale_and_never_a_build_in_the_request(
    rob_client, story, large
):
    first = offline.build(offline.DUMP, site=SITE)
    Commitment.objects.filter(pk=story.commitment.pk).update(title="Renamed since")
    public_cache.changed()  # what every public change does after its commit
    response = rob_client.get(reverse("public:export_dump"))
    assert response["ETag"] == f'"{first["sha256"]}"'
    assert "Renamed since" not in body(response).decode()
    assert offline.current(offline.DUMP)["sha256"] == first["sha256"]


def test_a_small_tracker_is_built_in_the_request_when_missing_or_stale(rob_client, story):
    first = json.loads(body(rob_client.get(reverse("public:export_dump"))))
    assert [c["reference"] for c in first["commitments"]] == [story.commitment.reference]
    Commitment.objects.filter(pk=story.commitment.pk).update(title="Renamed since")
    public_cache.changed()
    second = json.loads(body(rob_client.get(reverse("public:export_dump"))))
    assert second["commitments"][0]["title"] == "Renamed since"


def test_the_built_file_is_still_served_when_the_database_is_down(rob_client, story, large):
    entry = offline.build(offline.DUMP, site=SITE)

    def dead(execute, sql, params, many, context):
        raise OperationalError("server closed the connection unexpectedly")

    with connection.execute_wrapper(dead):
        response = rob_client.get(reverse("public:export_dump"))
        assert response.status_code == 200 and hashlib.sha256(body(response)).hexdigest() == entry["sha256"]


# --- Replacing the file -----------------------------------------------------------------------------


def test_a_reader_never_sees_half_a_file_while_a_build_replaces_it(rob_client, story, monkeypatch):
    first = offline.build(offline.DUMP, site=SITE)
    old = built_file(offline.DUMP)
    # A reader who started before the switch reads the whole old file, after it too.
    early = rob_client.get(reverse("public:export_dump"))
    Commitment.objects.filter(pk=story.commitment.pk).update(title="Renamed since")

    seen_during = []
    live_parts = exports.dump_parts

    def slow_parts(*args, **kwargs):
        for part in live_parts(*args, **kwargs):
            yield part
            # Mid-build: the new file is being written; the address still sends the old one, whole.
            seen_during.append(body(rob_client.get(reverse("public:export_dump"))))

    monkeypatch.setattr(exports, "dump_parts", slow_parts)
    second = offline.build(offline.DUMP, site=SITE)

    assert seen_during and all(seen == old for seen in seen_during)
    assert body(early) == old
    after = body(rob_client.get(reverse("public:export_dump")))
    assert hashlib.sha256(after).hexdigest() == second["sha256"] != first["sha256"]
    assert b"Renamed since" in after
    # The served file and the one before are kept; no scratch file is left behind.
    _, names = offline.storage().listdir("")
    assert sorted(names) == sorted([first["name"], second["name"], offline.DUMP.manifest])


def test_a_failed_build_leaves_the_file_served_and_no_scratch_file(story, monkeypatch):
    first = offline.build(offline.DUMP, site=SITE)

    def failing(*args, **kwargs):
        yield "{"
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(exports, "dump_parts", failing)
    with pytest.raises(OperationalError):
        offline.build(offline.DUMP, site=SITE)
    assert offline.current(offline.DUMP) == first
    assert sorted(offline.storage().listdir("")[1]) == sorted([first["name"], offline.DUMP.manifest])


def test_older_builds_are_removed_but_the_one_before_is_kept(story):
    names = [offline.build(offline.DUMP, site=SITE)["name"] for _ in range(3)]
    kept = set(offline.storage().listdir("")[1])
    assert names[-1] in kept
    assert len(kept - {offline.DUMP.manifest}) <= 2


# --- When it is built --------------------------------------------------------------------------------


def test_beat_builds_when_nothing_is_built_when_data_changed_and_at_least_daily(story, settings):
    assert offline.due(offline.DUMP) == "nothing built yet"
    entry = offline.build(offline.DUMP, site=SITE)
    settings.SITE_URL = SITE
    built = offline.generated_at(entry)
    assert offline.due(offline.DUMP, now=built + datetime.timedelta(minutes=5)) == ""
    public_cache.changed()
    # Changed, but built a moment ago: it waits (an editor's burst of work costs one build).
    assert offline.due(offline.DUMP, now=built + datetime.timedelta(minutes=5)) == ""
    later = built + datetime.timedelta(minutes=settings.EXPORTS_REBUILD_MINUTES)
    assert offline.due(offline.DUMP, now=later) == "the public data changed since it was built"
    offline.build(offline.DUMP, site=SITE)
    entry = offline.current(offline.DUMP)
    day_later = offline.generated_at(entry) + datetime.timedelta(hours=settings.EXPORTS_MAX_AGE_HOURS)
    assert offline.due(offline.DUMP, now=day_later).startswith("built ")


def test_the_beat_schedule_runs_the_build_task(settings):
    from tracker.celery import app

    entry = settings.CELERY_BEAT_SCHEDULE["build-exports"]
    assert entry["task"] == "tracker.public.tasks.build_exports"
    assert entry["schedule"] == datetime.timedelta(minutes=settings.EXPORTS_CHECK_MINUTES)
    app.loader.import_default_modules()
    task = app.tasks["tracker.public.tasks.build_exports"]
    assert task.time_limit == settings.EXPORTS_BUILD_TIME_LIMIT < settings.CELERY_BROKER_VISIBILITY_TIMEOUT


def test_the_task_builds_what_is_due_once(story):
    from tracker.public.tasks import build_exports

    names = build_exports.delay().get()
    assert len(names) == 2 and {offline.current(k)["name"] for k in offline.KINDS.values()} == set(names)


def test_the_command_builds_both_files_and_says_what_it_wrote(story):
    out = io.StringIO()
    call_command("build_exports", "--site", SITE, stdout=out)
    text = out.getvalue()
    for kind in offline.KINDS.values():
        entry = offline.current(kind)
        assert entry["site"] == SITE
        assert f"Built the {kind.key}: {entry['name']}" in text and entry["sha256"] in text
    out = io.StringIO()
    call_command("build_exports", "--if-due", stdout=out)
    assert out.getvalue().strip() == "Nothing to build."


def test_the_exports_page_says_when_each_file_was_built_and_its_size(rob_client, story):
    page = rob_client.get(reverse("public:exports")).content.decode()
    assert page.count("not built yet") == 2
    entry = offline.build(offline.DUMP, site=SITE)
    page = rob_client.get(reverse("public:exports")).content.decode()  # a new build shows at once
    assert page.count("not built yet") == 1
    assert entry["sha256"] in page and entry["generated_at"] in page
    assert f"{entry['size']}\xa0bytes" in page or "KB" in page
