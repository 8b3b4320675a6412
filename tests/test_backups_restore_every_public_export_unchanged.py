"""Issue 13, backup and restore: the two procedures of docs/operations.md, run as written, give
back a database with the same rows in every table and the same bytes in every public export.

1. pg_dump in the custom format, pg_restore into a new, empty database.
2. `manage.py dumpdata` (natural keys; what migrations create, the per-party status projection and
   the summary rows are left out) into JSON, then `manage.py migrate`, `manage.py flush`,
   `manage.py loaddata`, `manage.py rebuild_party_statuses` and `manage.py rebuild_summaries` into a
   new, empty database.

PostgreSQL only (the commands are PostgreSQL's); skipped without it, failing under
CI_REQUIRE_SERVICES=1.
"""

import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from tests.celery_worker import database_url
from tests.services import missing_service

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True),
]

# docs/operations.md, "JSON dump": what migrate creates in any database is not dumped.
DUMPDATA = [
    "dumpdata",
    "--natural-foreign",
    "--natural-primary",
    "--exclude=contenttypes",
    "--exclude=auth.permission",
    "--exclude=sessions",
    "--exclude=commitments.partystatus",  # projections of the log: rebuilt after the load
    "--exclude=commitments.statustally",
    "--exclude=commitments.partytally",
    "--exclude=commitments.deadlinetally",
]


def _env(url: str) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tracker.settings",
        "SECRET_KEY": "backup-test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "DATABASE_URL": url,
        "ALLOWED_HOSTS": "testserver",
        "SECURE_SSL_REDIRECT": "false",
        "DEBUG": "false",
    }
    env.pop("REDIS_URL", None)  # the exports come from the database, not from a page cache
    return env


def _run(command: list[str], url: str, **env: str) -> str:
    done = subprocess.run(
        command, cwd=ROOT, env={**_env(url), **env}, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, f"{command} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _fingerprint(url: str) -> dict:
    return json.loads(_run([sys.executable, "tests/backup_fingerprint.py"], url))


@pytest.fixture
def data(postgres_required, reference_data):
    for tool in ("pg_dump", "pg_restore", "createdb", "dropdb"):
        if shutil.which(tool) is None:
            missing_service(f"{tool} is not installed")
    call_command("load_demo", "--seed", "/nonexistent/seed.txt", verbosity=0)


@pytest.fixture
def empty_database():
    """A new, empty database beside the test database; dropped afterwards."""
    source = urlsplit(database_url())
    name = f"tracker_faults_restore_{uuid.uuid4().hex[:8]}"
    server = ["-h", source.hostname or "127.0.0.1", "-p", str(source.port or 5432), "-U", source.username or "postgres"]
    subprocess.run(["createdb", *server, name], check=True, timeout=60)
    yield source._replace(path=f"/{name}").geturl()
    subprocess.run(["dropdb", *server, "--if-exists", "--force", name], check=True, timeout=60)


def test_pg_dump_and_pg_restore_give_back_every_row_and_export(data, empty_database, tmp_path):
    before = _fingerprint(database_url())
    assert before["counts"]["commitments.Commitment"] > 0
    archive = tmp_path / "tracker.dump"
    subprocess.run(["pg_dump", "--format=custom", "--file", str(archive), database_url()], check=True, timeout=120)
    subprocess.run(
        ["pg_restore", "--no-owner", "--exit-on-error", "--dbname", empty_database, str(archive)],
        check=True,
        timeout=120,
    )
    assert _fingerprint(empty_database) == before


def test_a_json_dump_loads_into_an_empty_database_with_every_row_and_export(data, empty_database, tmp_path):
    before = _fingerprint(database_url())
    dump = tmp_path / "tracker.json"
    _run([sys.executable, "manage.py", *DUMPDATA, "--output", str(dump)], database_url())
    assert dump.stat().st_size > 0
    _run([sys.executable, "manage.py", "migrate", "--noinput"], empty_database)
    _run([sys.executable, "manage.py", "flush", "--no-input"], empty_database)
    _run([sys.executable, "manage.py", "loaddata", str(dump)], empty_database, SIMPLE_HISTORY_ENABLED="false")
    _run([sys.executable, "manage.py", "rebuild_party_statuses"], empty_database)
    _run([sys.executable, "manage.py", "rebuild_summaries"], empty_database)
    assert _fingerprint(empty_database) == before
