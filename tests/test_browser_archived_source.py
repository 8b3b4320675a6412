"""An archived source in a real browser: a reader sees the "archived copy" link with its capture
time and hash beside the source, opens it and finds the page as captured with its script not run;
after the live page changed, the source says so. Screenshots go to the temporary directory."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

import pytest

from tests import httpserver
from tracker.commitments import actions
from tracker.ingest import archive
from tracker.ingest.archive import ArchivedCopy

http_server = httpserver.http_server  # the local test server, as a pytest fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SHOTS = str(Path(tempfile.gettempdir()) / "browser-archive")
TEXT = (
    "The two sides agreed to repatriate illegal immigrants after verifying their identities, and to "
    "issue travel documents within 30 days of verification. The process will be finalized within three "
    "months, officials of both sides said after the first Law Enforcement and Cybersecurity Dialogue."
)


def readout(text: str = TEXT) -> bytes:
    return (
        "<html><head><title>Readout of the dialogue</title></head><body><h1>Readout of the dialogue</h1>"
        f"<p>{text}</p><script>document.body.insertAdjacentHTML('beforeend', '<p id=ran>script ran</p>')"
        "</script></body></html>"
    ).encode()


def test_a_reader_opens_the_archived_copy_of_a_source(page, live_server, http_server, commitment, settings):
    # Given a source cited while archiving is on: captured from the (local) site after the commit
    settings.ARCHIVE_ON_CITE = True
    http_server.route("/readout", body=readout())
    actions.add_source(commitment=commitment, url=http_server.url("/readout"), quote=commitment.quote)
    copy = ArchivedCopy.objects.get(url=http_server.url("/readout"))
    assert copy.state == ArchivedCopy.State.ARCHIVED
    assert copy.sha256 == hashlib.sha256(readout()).hexdigest()

    # The reader sees the link, the capture time and the hash beside the source
    page.goto(f"{live_server.url}{commitment.get_absolute_url()}")
    sources = page.locator("ul.sources")
    line = sources.locator(".archived-copy").first
    assert "archived copy" in line.inner_text()
    assert "captured" in line.inner_text() and "UTC" in line.inner_text()
    assert copy.sha256 == line.locator("code.digest").inner_text().replace("\n", "").replace(" ", "")
    sources.scroll_into_view_if_needed()
    page.screenshot(path=f"{SHOTS}-1-source.png", full_page=True)

    # Opening it shows the page as captured; its script did not run (the sandbox)
    line.get_by_role("link", name="archived copy").click()
    page.wait_for_load_state()
    assert "finalized within three months" in page.inner_text("body")
    assert page.locator("#ran").count() == 0
    page.screenshot(path=f"{SHOTS}-2-copy.png", full_page=True)

    # When the live page's text changes and the re-check runs, the source says so
    http_server.route("/readout", body=readout(TEXT.replace("within 30 days", "within 60 days")))
    assert archive.recheck(copy.pk) == ArchivedCopy.Live.CHANGED
    page.goto(f"{live_server.url}{commitment.get_absolute_url()}")
    page.reload()  # the browser may keep the page for a minute (Cache-Control); the server's is new
    assert "The live page has changed since it was cited." in page.locator("ul.sources").inner_text()
    page.screenshot(path=f"{SHOTS}-3-changed.png", full_page=True)
