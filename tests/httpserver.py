"""A local HTTP server for tests that fetch: the network edge, without the internet.

A test registers routes (path -> status, headers, body) and fetches from `server.url(path)`.
The `http_server` fixture starts one per test on 127.0.0.1 with an ephemeral port and opens the
fetch guard for exactly that server (`allow_test_server`). Use it from a test module with

    from tests import httpserver

    http_server = httpserver.http_server  # (an assignment, so that ruff sees no shadowed import)

    def test_it_fetches_a_page(http_server):
        http_server.route("/page", body=b"<p>Hello</p>")
        result = fetch_url(http_server.url("/page"))

Every request the server received is in `server.requests`, so a test can assert that a refused
address was never contacted or that a conditional header was sent. `route` also serves bodies in
slow chunks or without a Content-Length, `redirect` answers with a Location, `raw_route` sends
bytes as they are (malformed or slowly dripped headers), and `LocalHTTPServer(tls=(cert, key))`
serves https (see tests/test_fetch_over_https.py for a throwaway certificate).
"""

from __future__ import annotations

import contextlib
import ssl
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tracker.ingest.fetch import allow_test_server


@dataclass
class Route:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    # bytes, or a callable returning the chunks to send one after the other
    body: bytes | Callable[[], Iterable[bytes]] = b""
    delay: float = 0.0  # seconds to wait before each chunk (slow-drip responses)
    content_length: bool = True  # send Content-Length for a bytes body; else the body ends at close
    raw: bool = False  # the body chunks are the whole response, status line and headers included


@dataclass(frozen=True)
class ReceivedRequest:
    method: str
    path: str
    headers: dict[str, str]


class LocalHTTPServer:
    """A threaded http.server on 127.0.0.1 with an ephemeral port and registered routes."""

    host = "127.0.0.1"

    def __init__(self, *, tls: tuple[str, str] | None = None) -> None:
        """`tls`: (certificate file, key file) to serve https instead of http."""
        self.routes: dict[str, Route] = {}
        self.requests: list[ReceivedRequest] = []
        self._lock = threading.Lock()
        self._server = _Server((self.host, 0), _handler_for(self))
        self.scheme = "http"
        if tls is not None:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*tls)
            self._server.socket = context.wrap_socket(self._server.socket, server_side=True)
            self.scheme = "https"
        self.port: int = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)

    def start(self) -> LocalHTTPServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def url(self, path: str = "/") -> str:
        return f"{self.scheme}://{self.host}:{self.port}{path}"

    def route(
        self,
        path: str,
        *,
        status: int = 200,
        body: bytes | Callable[[], Iterable[bytes]] = b"",
        content_type: str | None = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
        delay: float = 0.0,
        content_length: bool = True,
    ) -> Route:
        """Answer GET `path` (with its query string, if the test gives one) with this response.

        `body` may be a callable returning chunks, sent `delay` seconds apart (slow drip); with
        `content_length=False` the body is not announced and ends when the connection closes.
        """
        all_headers = {"Content-Type": content_type} if content_type else {}
        all_headers.update(headers or {})
        route = Route(status=status, headers=all_headers, body=body, delay=delay, content_length=content_length)
        self.routes[path] = route
        return route

    def raw_route(self, path: str, chunks: Iterable[bytes], *, delay: float = 0.0) -> Route:
        """Answer `path` with these bytes as the whole response (status line and headers too),
        `delay` seconds before each chunk: for malformed or slowly dripped headers."""
        chunk_list = list(chunks)
        route = Route(body=lambda: chunk_list, delay=delay, raw=True)
        self.routes[path] = route
        return route

    def redirect(self, path: str, to: str, *, status: int = 302) -> Route:
        """Answer `path` with a redirect to `to` (a path on this server or any URL)."""
        return self.route(path, status=status, content_type=None, headers={"Location": to})

    def hits(self, path: str) -> int:
        with self._lock:
            return sum(1 for request in self.requests if request.path == path)

    def _record(self, request: ReceivedRequest) -> None:
        with self._lock:
            self.requests.append(request)


class _Server(ThreadingHTTPServer):
    daemon_threads = True  # a slow-drip handler must not keep the test run waiting
    block_on_close = False

    def handle_error(self, request, client_address) -> None:
        # Clients that give up on purpose (size caps, deadlines) reset the connection: expected.
        pass


def _handler_for(server: LocalHTTPServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"  # one request per connection; a body may end at close

        def do_GET(self) -> None:
            server._record(ReceivedRequest("GET", self.path, dict(self.headers.items())))
            route = server.routes.get(self.path) or server.routes.get(self.path.split("?", 1)[0])
            if route is None:
                route = Route(status=404, headers={"Content-Type": "text/plain"}, body=b"not found")
            with contextlib.suppress(ConnectionError, OSError):
                self._respond(route)

        def _respond(self, route: Route) -> None:
            if route.raw:
                self._send_chunks(route)
                return
            self.send_response(route.status)
            for name, value in route.headers.items():
                self.send_header(name, value)
            if isinstance(route.body, bytes) and route.content_length and "Content-Length" not in route.headers:
                self.send_header("Content-Length", str(len(route.body)))
            self.send_header("Connection", "close")
            self.end_headers()
            self._send_chunks(route)

        def _send_chunks(self, route: Route) -> None:
            chunks: Iterable[bytes] = [route.body] if isinstance(route.body, bytes) else route.body()
            for chunk in chunks:
                if route.delay:
                    time.sleep(route.delay)
                self.wfile.write(chunk)
                self.wfile.flush()

        def log_message(self, format, *args) -> None:
            pass

    return Handler


@pytest.fixture
def http_server() -> Iterator[LocalHTTPServer]:
    """A started LocalHTTPServer, and the fetch guard open for exactly its host and port."""
    server = LocalHTTPServer().start()
    try:
        with allow_test_server(server.host, server.port):
            yield server
    finally:
        server.stop()
