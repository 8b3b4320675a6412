"""https works through the pinned connection, and a certificate that does not check out is refused."""

import shutil
import subprocess

import pytest
import requests

from tests.httpserver import LocalHTTPServer
from tracker.ingest import fetch
from tracker.ingest.fetch import FetchRefused, allow_test_server, fetch_url


@pytest.fixture
def certificate(tmp_path):
    """A self-signed certificate for 127.0.0.1, made with the openssl command line tool."""
    if shutil.which("openssl") is None:
        pytest.skip("needs the openssl command")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
    )
    return str(cert), str(key)


@pytest.fixture
def https_server(certificate):
    server = LocalHTTPServer(tls=certificate).start()
    try:
        with allow_test_server(server.host, server.port):
            yield server
    finally:
        server.stop()


def test_it_refuses_a_site_whose_certificate_cannot_be_verified(https_server):
    https_server.route("/", body=b"<p>self-signed</p>")

    with pytest.raises(FetchRefused, match="certificate") as refused:
        fetch_url(https_server.url("/"))

    assert refused.value.retryable is False
    assert https_server.hits("/") == 0


def test_it_fetches_over_https_when_the_certificate_checks_out(https_server, certificate, monkeypatch):
    # Given a client that trusts the test certificate (the real one trusts the public CAs)
    new_session = fetch._new_session

    def trusting_session() -> requests.Session:
        session = new_session()
        session.verify = certificate[0]
        return session

    monkeypatch.setattr(fetch, "_new_session", trusting_session)
    https_server.route("/readout", body=b"<p>Joint statement</p>")

    # When the page is fetched over https, then it arrives, with the Host header of the URL
    result = fetch_url(https_server.url("/readout"))

    assert result.text == "<p>Joint statement</p>"
    assert result.final_url == https_server.url("/readout")
    assert https_server.requests[-1].headers["Host"] == f"127.0.0.1:{https_server.port}"
