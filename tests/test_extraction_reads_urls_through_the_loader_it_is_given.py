"""The extraction command line imports no app: a URL is read by the `load_url` its caller passes
(`manage.py extract` passes the safe fetcher); without one, a URL fails alone and files still work."""

import io
import json

from tracker.extraction.cli import extract_sources
from tracker.ingest.fetch import load_url

URL = "https://example.org/readout"
PAGE = b"The two sides agreed to hold the next round of trade talks by the end of March 2031.\n"


def test_a_url_is_read_by_the_loader_passed_in():
    asked = []

    def loader(url):
        asked.append(url)
        return PAGE, "text/plain"

    out, err = io.StringIO(), io.StringIO()
    assert extract_sources([URL], parties=["Japan", "Canada"], out=out, err=err, load_url=loader) == 0
    assert asked == [URL]
    data = json.loads(out.getvalue())
    assert data["path"] == URL and len(data["commitments"]) == 1


def test_without_a_loader_a_url_fails_alone(tmp_path):
    path = tmp_path / "readout.txt"
    path.write_bytes(PAGE)
    out, err = io.StringIO(), io.StringIO()
    assert extract_sources([URL, str(path)], out=out, err=err) == 1
    assert "manage.py extract" in err.getvalue()
    assert len(out.getvalue().splitlines()) == 1


def test_the_management_command_passes_the_safe_fetcher(monkeypatch):
    from tracker.ingest.management.commands import extract

    passed = {}
    monkeypatch.setattr(extract, "extract_sources", lambda sources, **kw: passed.update(kw) or 0)
    extract.Command().handle(sources=[URL])
    assert passed["load_url"] is load_url
