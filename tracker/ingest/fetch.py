"""The safe HTTP client: the only way the pipeline reaches the internet.

Editors paste URLs and feeds point wherever their owners like, so every fetch is treated as
hostile input (server-side request forgery). What this module guarantees, hop by hop:

- only http and https, no userinfo, no backslashes or control characters, ports 80 and 443;
- the host name is resolved once, every address it resolves to is checked against an explicit
  list of forbidden networks, and the connection is pinned to the checked address (a second DNS
  lookup could answer differently: DNS rebinding);
- at most five redirects, each one checked the same way;
- connect and read timeouts, plus an overall deadline that cuts slow-drip responses;
- a size cap on the bytes received and, separately, on the decompressed bytes (gzip bombs);
- only HTML, plain text and XML feeds, decoded with the right charset (GBK pages too).

Callers (the fetch task, the feed poller, the `extract` command) get a `FetchResult` or one of
two errors: `FetchRetryable` (may succeed later; the Celery task retries it) and `FetchRefused`
(never retried; its message is shown to editors as is).
"""

from __future__ import annotations

import contextlib
import ipaddress
import re
import socket
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import charset_normalizer
import requests
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from requests.adapters import HTTPAdapter
from requests.structures import CaseInsensitiveDict
from requests_hardened import Config, HTTPSession
from requests_hardened.ip_filter_adapter import IPFilterAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import HTTPError as Urllib3HTTPError
from urllib3.exceptions import ReadTimeoutError
from urllib3.util import parse_url
from urllib3.util.connection import allowed_gai_family
from w3lib.encoding import html_to_unicode, resolve_encoding

MAX_REDIRECTS = 5
DEFAULT_PORTS = {"http": 80, "https": 443}
# Fallbacks for when Django settings are not configured (the pure-Python tools, scripts).
DEFAULTS = {
    "FETCH_MAX_BYTES": 10 * 1024 * 1024,
    "FETCH_CONNECT_TIMEOUT": 5,
    "FETCH_READ_TIMEOUT": 20,
    # A server that keeps sending a byte every few seconds never trips the read timeout; this
    # wall-clock limit on the whole fetch (all redirects included) does.
    "FETCH_TOTAL_TIMEOUT": 60,
    "FETCH_USER_AGENT": "CommitmentTracker/0.1 (+https://github.com/commitment-tracker)",
}
_CHUNK = 64 * 1024

# Forbidden destinations, written out rather than left to `ipaddress.is_private`: on Python 3.11
# that property misses 100.64.0.0/10 (carrier-grade NAT, which reaches internal workloads in
# some clouds) and its ranges change between Python releases. IPv4-mapped IPv6 addresses are
# checked by their embedded IPv4 address (see `is_forbidden_address`).
FORBIDDEN_NETWORKS = tuple(
    ipaddress.ip_network(network)
    for network in (
        "0.0.0.0/8",  # "this network"; 0.0.0.0 reaches the local host on Linux
        "10.0.0.0/8",  # private
        "100.64.0.0/10",  # carrier-grade NAT
        "127.0.0.0/8",  # loopback
        "169.254.0.0/16",  # link-local, including cloud metadata at 169.254.169.254
        "172.16.0.0/12",  # private
        "192.0.0.0/24",  # IETF protocol assignments
        "192.0.2.0/24",  # documentation (TEST-NET-1)
        "192.88.99.0/24",  # 6to4 relay anycast
        "192.168.0.0/16",  # private
        "198.18.0.0/15",  # benchmarking
        "198.51.100.0/24",  # documentation (TEST-NET-2)
        "203.0.113.0/24",  # documentation (TEST-NET-3)
        "224.0.0.0/4",  # multicast
        "240.0.0.0/4",  # reserved, including 255.255.255.255 (broadcast)
        "::/128",  # unspecified
        "::1/128",  # loopback
        "::/96",  # deprecated IPv4-compatible addresses
        "64:ff9b::/96",  # NAT64: reaches whatever IPv4 address is embedded
        "64:ff9b:1::/48",  # local-use NAT64
        "100::/64",  # discard-only
        "2001::/23",  # IETF protocol assignments: Teredo, ORCHID, benchmarking...
        "2001:db8::/32",  # documentation
        "2002::/16",  # 6to4: reaches the embedded IPv4 address; forbidden outright, it is obsolete
        "fc00::/7",  # unique local
        "fe80::/10",  # link-local
        "fec0::/10",  # site-local (deprecated)
        "ff00::/8",  # multicast
    )
)
_IPV4_MAPPED = ipaddress.ip_network("::ffff:0:0/96")

# A host whose last label is a number is an IPv4 address in one of the legacy forms that
# inet_aton() accepts (2130706433, 0x7f000001, 0177.0.0.1, 127.1). No real domain ends in a
# number, so they are refused rather than guessed at.
_NUMERIC_LABEL = re.compile(r"(?:0x[0-9a-f]*|[0-9]+)", re.IGNORECASE)
# Characters that make parsers disagree about where the host ends (urllib3 and urllib.parse
# read http://127.0.0.1:80\@evil.com/ differently), or that are never valid in a URL.
_BAD_URL_CHARS = re.compile(r"[\\\x00-\x20\x7f]")

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain", "text/markdown", "text/x-markdown"})
FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml"}
)
TYPES_BY_KIND = {"html": HTML_TYPES, "text": TEXT_TYPES, "feed": FEED_TYPES}
_ACCEPT_BY_KIND = {
    "html": "text/html,application/xhtml+xml;q=0.9",
    "text": "text/plain;q=0.8,text/markdown;q=0.8",
    "feed": "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9",
}
_KIND_NAMES = {"html": "web pages", "text": "plain text", "feed": "feeds"}
_CONTENT_ENCODINGS = frozenset({"", "identity", "gzip", "x-gzip", "deflate"})
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>]", re.IGNORECASE)
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE | re.DOTALL)


class FetchError(Exception):
    """A fetch that did not produce a document. `message` is written for editors."""

    retryable = False

    def __init__(self, message: str, *, status: int | None = None):
        super().__init__(message)
        self.message = message
        self.status = status


class FetchRetryable(FetchError):
    """Can succeed later: timeouts, connection errors and resets, HTTP 5xx and 429."""

    retryable = True


class FetchRefused(FetchError):
    """Never retried: a forbidden destination, HTTP 4xx, too large, the wrong kind of document."""


@dataclass(frozen=True)
class FetchResult:
    url: str  # as asked for
    final_url: str  # after redirects, normalised the way it was requested
    status: int
    content_type: str  # media type only, lower case, e.g. "text/html"
    encoding: str | None  # the charset `text` was decoded with
    body: bytes  # decompressed, at most max_bytes
    text: str | None  # None for 304 Not Modified
    etag: str | None
    last_modified: str | None
    not_modified: bool


@dataclass(frozen=True)
class _Allowance:
    host: str
    port: int
    address: ipaddress.IPv4Address | ipaddress.IPv6Address


# Set only by `allow_test_server`; there is deliberately no setting that feeds it.
_test_allowance: ContextVar[_Allowance | None] = ContextVar("fetch_test_allowance", default=None)
_active_deadline: ContextVar[_Deadline | None] = ContextVar("fetch_active_deadline", default=None)


@contextmanager
def allow_test_server(host: str, port: int) -> Iterator[None]:
    """TEST ONLY: let fetches in this context reach exactly one local server.

    The allowance matches a URL whose host is written exactly as `host` (an IP literal) and whose
    port is `port`, and a connection to that very address and port; `localhost`, other spellings
    of the address (2130706433, [::ffff:127.0.0.1]) and other ports stay refused. It lives in a
    context variable, so it covers the code the test runs in its own thread and nothing else.
    """
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        raise ValueError("allow_test_server() takes an IP address such as 127.0.0.1") from None
    token = _test_allowance.set(_Allowance(host=host, port=port, address=address))
    try:
        yield
    finally:
        _test_allowance.reset(token)


def is_forbidden_address(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Whether a connection to `address` could reach a private, local or special network."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.scope_id:
            return True
        if address in _IPV4_MAPPED:
            # ::ffff:a.b.c.d connects to a.b.c.d over IPv4; judge it by that address.
            return is_forbidden_address(address.ipv4_mapped)
    if any(address in network for network in FORBIDDEN_NETWORKS):
        return True
    return (
        address.is_reserved
        or address.is_unspecified
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
    )


def fetch_url(
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    kinds: frozenset[str] = frozenset({"html", "text", "feed"}),
    max_bytes: int | None = None,
) -> FetchResult:
    """Fetch one document safely; see the module docstring for what is checked.

    `kinds` narrows what is accepted ("html", "text", "feed"). `etag` / `last_modified` make the
    request conditional; a 304 answer comes back with `not_modified=True` and no body.
    """
    kinds = frozenset(kinds)
    if not kinds or not kinds <= TYPES_BY_KIND.keys():
        raise ValueError(f"kinds must be a non-empty subset of {sorted(TYPES_BY_KIND)}, not {sorted(kinds)}")
    limit = max_bytes if max_bytes is not None else int(_setting("FETCH_MAX_BYTES"))
    headers = {
        "Accept": ",".join(_ACCEPT_BY_KIND[kind] for kind in ("html", "text", "feed") if kind in kinds) + ",*/*;q=0.1",
        "Accept-Encoding": "gzip, deflate",
    }
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified

    deadline = _Deadline(float(_setting("FETCH_TOTAL_TIMEOUT")))
    with _new_session() as session, deadline:
        try:
            return _fetch(session, url, headers, kinds, limit, deadline, validators=(etag, last_modified))
        except FetchError:
            raise
        except Exception as exc:
            # Whatever breaks once the deadline has cut the connection is the deadline's doing.
            if deadline.expired:
                raise deadline.error() from exc
            raise


# --- the request loop -----------------------------------------------------------------------------


def _fetch(session, url, headers, kinds, limit, deadline, *, validators) -> FetchResult:
    visited: list[str] = []
    target = url
    for hops in range(MAX_REDIRECTS + 1):
        try:
            target = _checked_url(target)
            if target in visited:
                raise FetchRefused(f"The page redirects in a loop ({target} was already visited); it is not fetched.")
            visited.append(target)
            response = _send(session, target, headers, deadline)
        except FetchRefused as refused:
            if hops and not refused.message.startswith("The page redirects"):
                # Say that it was a redirect: the editor only ever saw the first address.
                raise FetchRefused(
                    f"The page redirects to {target}. {refused.message}", status=refused.status
                ) from None
            raise
        try:
            if response.status_code in (301, 302, 303, 307, 308):
                location = _location(response)
                if location is None:
                    raise FetchRefused(
                        f"The site answered with a redirect (HTTP {response.status_code}) but did not say where to.",
                        status=response.status_code,
                    )
                if hops == MAX_REDIRECTS:
                    raise FetchRefused(
                        f"The page redirects more than {MAX_REDIRECTS} times; it is not fetched.",
                        status=response.status_code,
                    )
                target = urljoin(target, location)
                continue
            return _result(url, target, response, kinds, limit, deadline, validators=validators)
        finally:
            response.close()
    raise AssertionError("unreachable")  # pragma: no cover


def _send(session, target, headers, deadline) -> requests.Response:
    deadline.check()
    timeout = (
        float(_setting("FETCH_CONNECT_TIMEOUT")),
        min(float(_setting("FETCH_READ_TIMEOUT")), max(deadline.remaining(), 0.1)),
    )
    try:
        response = session.get(target, headers=headers, stream=True, allow_redirects=False, timeout=timeout)
    except FetchError:
        raise
    except Exception as exc:
        raise _network_error(exc, deadline) from exc
    if deadline.expired:
        # Headers cut short by the deadline can parse as a complete (truncated) response.
        response.close()
        raise deadline.error()
    return response


def _location(response: requests.Response) -> str | None:
    location = response.headers.get("Location")
    if not location:
        return None
    # Headers arrive as latin-1; most servers mean UTF-8 (requests does the same).
    try:
        return location.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return location


def _result(original_url, final_url, response, kinds, limit, deadline, *, validators) -> FetchResult:
    status = response.status_code
    etag = response.headers.get("ETag")
    last_modified = response.headers.get("Last-Modified")
    if status == 304:
        if not any(validators):
            raise FetchRefused("The site answered 'not modified' to a request that was not conditional.", status=304)
        return FetchResult(
            url=original_url,
            final_url=final_url,
            status=304,
            content_type="",
            encoding=None,
            body=b"",
            text=None,
            # A 304 need not repeat the validators; keep the ones sent, for the next poll.
            etag=etag or validators[0],
            last_modified=last_modified or validators[1],
            not_modified=True,
        )
    _raise_for_status(status)

    content_type_header = response.headers.get("Content-Type", "")
    media_type = content_type_header.split(";", 1)[0].strip().lower()
    needs_sniffing = _check_media_type(media_type, kinds)

    encoding = response.headers.get("Content-Encoding", "").strip().lower()
    if encoding not in _CONTENT_ENCODINGS:
        raise FetchRefused(f"The site sent the page compressed in a way that cannot be read ({encoding}).")

    declared_length = response.headers.get("Content-Length", "")
    if declared_length.isdigit() and int(declared_length) > limit:
        # The declared length counts the bytes on the wire, compressed or not.
        raise FetchRefused(f"The page is larger than the {_size(limit)} limit.")

    body = _read_body(response.raw, _Decompressor(encoding), limit, deadline)
    if needs_sniffing:
        media_type = _sniffed_media_type(media_type, body, kinds)

    charset, text = html_to_unicode(
        content_type_header or None, body, default_encoding="cp1252", auto_detect_fun=_detect_encoding
    )
    if "\x00" in text[:8192]:
        # No text format has NUL characters; binary files nearly always do (git's test, too).
        raise FetchRefused("The document could not be read as text (it looks like a binary file).")
    return FetchResult(
        url=original_url,
        final_url=final_url,
        status=status,
        content_type=media_type,
        encoding=charset,
        body=body,
        text=text,
        etag=etag,
        last_modified=last_modified,
        not_modified=False,
    )


def _raise_for_status(status: int) -> None:
    if 200 <= status < 300:
        return
    if status == 429:
        raise FetchRetryable("The site asked us to slow down (HTTP 429); it will be tried again later.", status=429)
    if status >= 500:
        raise FetchRetryable(
            f"The site had a server error (HTTP {status}); it will be tried again later.", status=status
        )
    messages = {
        401: "The page needs a login (HTTP 401); it is not fetched.",
        403: "The site refused access to the page (HTTP 403).",
        404: "The page was not found (HTTP 404). Check the address.",
        410: "The page has been removed (HTTP 410).",
    }
    raise FetchRefused(messages.get(status, f"The site refused the request (HTTP {status})."), status=status)


def _check_media_type(media_type: str, kinds: frozenset[str]) -> bool:
    """Refuse what is not one of `kinds`; return True when the body must be sniffed first."""
    if any(media_type in TYPES_BY_KIND[kind] for kind in kinds):
        return False
    # Being pragmatic about feeds: many are served as text/html or text/plain, and some with no
    # type at all, so when a feed is wanted those are accepted if the body is an RSS/Atom document.
    if "feed" in kinds and media_type in HTML_TYPES | TEXT_TYPES:
        return True
    if not media_type and kinds & {"feed", "html"}:
        return True
    raise FetchRefused(
        f"The address points to {_describe_media_type(media_type)}; only {_describe_kinds(kinds)} are fetched."
    )


def _sniffed_media_type(media_type: str, body: bytes, kinds: frozenset[str]) -> str:
    head = body[:2048]
    if "feed" in kinds and _FEED_ROOT.search(head):
        return media_type or "application/xml"
    if not media_type and "html" in kinds and _HTML_START.match(head):
        return "text/html"
    raise FetchRefused(
        f"The address points to {_describe_media_type(media_type)}; only {_describe_kinds(kinds)} are fetched."
    )


def _describe_media_type(media_type: str) -> str:
    if not media_type:
        return "a document of unknown type (the site did not say)"
    if media_type in HTML_TYPES:
        return f"a web page ({media_type})"
    if media_type in TEXT_TYPES:
        return f"plain text ({media_type})"
    if media_type in FEED_TYPES:
        return f"a feed or XML document ({media_type})"
    if media_type == "application/pdf":
        return "a PDF document (application/pdf)"
    if media_type.startswith(("image/", "video/", "audio/")):
        return f"{'an' if media_type.startswith('image/') else 'a'} {media_type.split('/')[0]} file ({media_type})"
    if media_type == "application/octet-stream":
        return "a binary file (application/octet-stream)"
    return f"a file of type {media_type}"


def _describe_kinds(kinds: frozenset[str]) -> str:
    names = [_KIND_NAMES[kind] for kind in ("html", "text", "feed") if kind in kinds]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _read_body(raw, decompressor: _Decompressor, limit: int, deadline: _Deadline) -> bytes:
    """Read at most `limit` bytes off the wire and at most `limit` bytes once decompressed.

    The decompression is done here rather than by urllib3 so that both counts are checked after
    every read: urllib3 keeps reading while a stream decompresses to nothing, which would let a
    stream of empty gzip members run past the compressed-size cap.
    """
    parts: list[bytes] = []
    received = produced = 0
    try:
        while True:
            deadline.check()
            # read1: return what one read of the socket gives, so the deadline is checked often.
            data = raw.read1(_CHUNK, decode_content=False)
            if not data:
                break
            received += len(data)
            if received > limit:
                if decompressor.identity:
                    raise FetchRefused(f"The page is larger than the {_size(limit)} limit.")
                raise FetchRefused(f"The compressed page is larger than the {_size(limit)} limit.")
            out = decompressor.decompress(data, limit - produced + 1)
            produced += len(out)
            if produced > limit:
                raise FetchRefused(f"The page is larger than the {_size(limit)} limit once decompressed.")
            parts.append(out)
    except FetchError:
        raise
    except zlib.error as exc:
        raise FetchRefused("The page was sent compressed but could not be decompressed.") from exc
    except Exception as exc:
        raise _network_error(exc, deadline) from exc
    # The deadline ends a slow body by shutting the socket, which reads as a normal end of file.
    deadline.check()
    return b"".join(parts)


def _network_error(exc: Exception, deadline: _Deadline) -> FetchError:
    if deadline.expired:
        return deadline.error()
    if isinstance(exc, requests.exceptions.SSLError):
        return FetchRefused("The site's secure connection could not be verified (TLS certificate error).")
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return FetchRetryable("The site did not accept a connection in time; it will be tried again later.")
    if isinstance(exc, requests.exceptions.ReadTimeout | ReadTimeoutError | TimeoutError):
        return FetchRetryable("The site stopped answering (read timeout); it will be tried again later.")
    if isinstance(exc, requests.exceptions.ConnectionError | Urllib3HTTPError | OSError):
        return FetchRetryable("The site could not be reached or closed the connection; it will be tried again later.")
    if isinstance(exc, requests.RequestException):
        return FetchRefused(f"The address could not be fetched: {exc}")
    raise exc


# --- checking addresses ---------------------------------------------------------------------------


def _checked_url(url: str) -> str:
    """Return `url` as requests will send it, or refuse it; the address is checked at connect."""
    if not isinstance(url, str) or not url.strip():
        raise FetchRefused("No address was given.")
    url = url.strip()
    if _BAD_URL_CHARS.search(url):
        raise FetchRefused(
            "The address contains characters that are not allowed in a web address (spaces, "
            "backslashes or control characters)."
        )
    scheme = urlsplit(url).scheme.lower()
    if scheme not in DEFAULT_PORTS:
        shown = f"{scheme}:" if scheme else "an address without http:// or https://"
        raise FetchRefused(f"Only web addresses (http and https) are fetched, not {shown}.")
    try:
        prepared = requests.Request("GET", url).prepare().url
    except (requests.RequestException, ValueError, UnicodeError) as exc:
        raise FetchRefused(f"That is not a valid web address: {exc}") from exc

    # The URL is parsed again by urllib3 (which requests uses to prepare it) and by urllib.parse
    # (which requests uses to pick the connection); if they disagree about the host, refuse.
    try:
        ours, theirs = parse_url(prepared), urlsplit(prepared)
        their_port = theirs.port
    except ValueError as exc:
        raise FetchRefused(f"That is not a valid web address: {exc}") from exc
    if ours.auth or theirs.username is not None or theirs.password is not None:
        raise FetchRefused("Addresses with a user name or password in them (user@host) are not fetched.")
    host = (ours.host or "").strip("[]").lower()
    if not host or host != (theirs.hostname or "") or ours.port != their_port:
        raise FetchRefused("The address is ambiguous about which host it points to; it is not fetched.")
    _check_port(host, their_port or DEFAULT_PORTS[scheme])
    return prepared


def _check_port(host: str, port: int) -> None:
    # Only the standard web ports: other ports reach mail, database and admin services that have
    # no business being fetched, even on public hosts (a sensible hardening, not a standard).
    if port in (80, 443) or _allowed(host, port, None):
        return
    # The weightier reason first: an address inside a private network is refused on any port, and
    # an editor who reads only "port 8102" would try port 80 of the same address next.
    _refuse_local_host(host, port)
    raise FetchRefused(f"Only the standard web ports (80 and 443) are fetched, not port {port}.")


def _refuse_local_host(host: str, port: int) -> None:
    """Refuse a host that names a forbidden address by itself, with no DNS lookup: an IP address,
    a number posing as a name, or localhost (RFC 6761: always this machine)."""
    if host.rstrip(".") == "localhost" or host.rstrip(".").endswith(".localhost"):
        raise FetchRefused(
            f"That address points into a private network and is not fetched ({host}: "
            f"{_network_of(ipaddress.ip_address('127.0.0.1'))})."
        )
    try:
        ipaddress.ip_address(host)
    except ValueError:
        if not _NUMERIC_LABEL.fullmatch(host.rstrip(".").rsplit(".", 1)[-1]):
            return  # a name: checked when it is resolved, at fetch time
    _resolve(host, port)  # an address: checked here, no lookup


def check_address(url: str) -> None:
    """Refuse now, without any lookup or connection, an address that no fetch could ever reach:
    its form, its scheme and port, and an IP address (or localhost) in a forbidden network.

    The import form calls it so that a refused address is refused with its reason while the editor
    still has the form in front of them, rather than becoming a failed article that no retry can
    mend. Names are resolved and checked at fetch time, as always.
    """
    parts = urlsplit(_checked_url(url))
    _refuse_local_host((parts.hostname or "").lower(), parts.port or DEFAULT_PORTS[parts.scheme])


def _allowed(host: str, port: int, address) -> bool:
    allowance = _test_allowance.get()
    return (
        allowance is not None
        and host == allowance.host
        and port == allowance.port
        and (address is None or address == allowance.address)
    )


def _resolve(host: str, port: int) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    """Resolve `host` once, check every answer, and return the address to connect to.

    If any answer is forbidden the host is refused, even when another answer is public: a name
    that mixes public and internal addresses is either misconfigured or a rebinding attempt, and
    refusing makes the outcome independent of the order DNS happens to return. Otherwise the
    first answer is used, as getaddrinfo orders them (RFC 6724) and as urllib3 would.
    """
    try:
        literal = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    if literal is not None:
        addresses = [literal]
    elif "%" in host or ":" in host:
        raise FetchRefused(f"That address ({host}) is not a valid host name; it is not fetched.")
    else:
        if _NUMERIC_LABEL.fullmatch(host.rstrip(".").rsplit(".", 1)[-1]):
            raise FetchRefused(
                f"That address ({host}) is an IP address written in an unusual numeric form; it is not fetched."
            )
        try:
            answers = socket.getaddrinfo(host, port, family=allowed_gai_family(), type=socket.SOCK_STREAM)
        except socket.gaierror as exc:
            if exc.errno in (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", socket.EAI_NONAME)):
                raise FetchRefused(f"The site's name ({host}) does not exist; check the address.") from exc
            raise FetchRetryable(f"The site's name ({host}) could not be looked up; it will be tried again.") from exc
        addresses = [
            ipaddress.ip_address(sockaddr[0])
            for family, _type, _proto, _name, sockaddr in answers
            if family in (socket.AF_INET, socket.AF_INET6)
        ]
        if not addresses:
            raise FetchRefused(f"The site's name ({host}) has no internet address.")
    for address in addresses:
        if is_forbidden_address(address) and not _allowed(host, port, address):
            where = str(address) if literal is not None else f"{host} resolves to {address}"
            raise FetchRefused(
                f"That address points into a private network and is not fetched ({where}: {_network_of(address)})."
            )
    return addresses[0]


def _network_of(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    """What a forbidden address reaches, in an editor's words."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    if address.is_loopback or address in FORBIDDEN_NETWORKS[0]:
        return "the server this app runs on"
    if address.is_link_local:
        return "a link-local address, such as a cloud provider's metadata service"
    if address.is_multicast or address.is_reserved or address.is_unspecified:
        return "a reserved or multicast address, not a web site"
    return "an address of a private or internal network, not the public internet"


class _GuardedAdapter(IPFilterAdapter):
    """requests-hardened's adapter, with our own resolution and address check.

    Like `IPFilterAdapter`, it pins the connection to the resolved address while keeping the
    Host header, SNI and certificate checks on the original name. Unlike it, it checks every
    address the name resolves to against FORBIDDEN_NETWORKS (requests-hardened checks only the
    first, using `is_private`), so its own lookup is skipped: one lookup, one checked answer.
    """

    def __init__(self, *, https: bool):
        super().__init__(is_https_proto=https, allow_loopback=False, tls_sni_support=True)

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        # Connections register their sockets with the fetch's deadline (see _Deadline).
        self.poolmanager.pool_classes_by_scheme = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}

    def build_connection_pool_key_attributes(self, request, verify, cert=None):
        host_params, pool_kwargs = HTTPAdapter.build_connection_pool_key_attributes(self, request, verify, cert)
        scheme, hostname, port = host_params["scheme"], host_params["host"], host_params["port"]
        if scheme not in DEFAULT_PORTS or not hostname:
            raise FetchRefused("Only web addresses (http and https) are fetched.")
        effective_port = port or DEFAULT_PORTS[scheme]
        # Checked again here because this is the host and port the socket will really use.
        _check_port(hostname, effective_port)
        address = _resolve(hostname, effective_port)

        request.headers = CaseInsensitiveDict(request.headers or {})
        host_header = f"[{hostname}]" if ":" in hostname else hostname
        if port is not None:
            host_header += f":{port}"
        request.headers["Host"] = host_header
        if scheme == "https":
            # Verify the certificate and send SNI for the name, not for the pinned address.
            pool_kwargs["assert_hostname"] = hostname
            pool_kwargs["server_hostname"] = hostname
        host_params["host"] = f"[{address}]" if address.version == 6 else str(address)
        return host_params, pool_kwargs


def _new_session() -> requests.Session:
    session = HTTPSession(
        Config(
            ip_filter_enable=False,  # our adapters below do the filtering
            ip_filter_allow_loopback_ips=False,
            never_redirect=True,  # redirects are followed by _fetch, each hop checked
            default_timeout=(float(_setting("FETCH_CONNECT_TIMEOUT")), float(_setting("FETCH_READ_TIMEOUT"))),
            user_agent_override=str(_setting("FETCH_USER_AGENT")),
        )
    )
    # No proxies, .netrc credentials or CA bundles from the environment: a proxy would connect
    # on our behalf to an address we never checked.
    session.trust_env = False
    session.mount("http://", _GuardedAdapter(https=False))
    session.mount("https://", _GuardedAdapter(https=True))
    return session


# --- the overall deadline ----------------------------------------------------------------------


class _Deadline:
    """A wall-clock limit on one fetch.

    Timeouts on the socket apply to each read, so a server that drips a byte every few seconds
    (in the headers or in the body) never trips them. A timer shuts down the sockets of the
    fetch when the deadline passes, which wakes up whatever read is blocked on them.
    """

    def __init__(self, seconds: float):
        self.seconds = seconds
        self._ends_at = time.monotonic() + seconds
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self.expired = False
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._token = _active_deadline.set(self)
        self._timer.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._timer.cancel()
        _active_deadline.reset(self._token)

    def remaining(self) -> float:
        return self._ends_at - time.monotonic()

    def check(self) -> None:
        if self.expired or self.remaining() <= 0:
            raise self.error()

    def error(self) -> FetchRetryable:
        return FetchRetryable(
            f"The site sent the page too slowly (more than {self.seconds:g} seconds); it will be tried again later."
        )

    def watch(self, sock: socket.socket | None) -> None:
        if sock is None:
            return
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shutdown(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shutdown(sock)


def _shutdown(sock: socket.socket) -> None:
    # socket.socket.shutdown, not SSLSocket.shutdown: cut the TCP connection under TLS without
    # touching the TLS object another thread is reading from.
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


class _WatchedHTTPConnection(HTTPConnection):
    def connect(self) -> None:
        super().connect()
        if (deadline := _active_deadline.get()) is not None:
            deadline.watch(self.sock)


class _WatchedHTTPSConnection(HTTPSConnection):
    def connect(self) -> None:
        super().connect()
        if (deadline := _active_deadline.get()) is not None:
            deadline.watch(self.sock)


class _WatchedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _WatchedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


# --- bodies ------------------------------------------------------------------------------------


class _Decompressor:
    """gzip / deflate decompression with a cap on the output of every call (zlib's max_length)."""

    def __init__(self, content_encoding: str):
        self.identity = content_encoding in ("", "identity")
        self._gzip = content_encoding in ("gzip", "x-gzip")
        self._obj = zlib.decompressobj(16 + zlib.MAX_WBITS if self._gzip else zlib.MAX_WBITS)
        self._deflate_format_known = self._gzip
        self._ignore_rest = False

    def decompress(self, data: bytes, max_length: int) -> bytes:
        """Return at most `max_length` bytes; the caller stops once it gets that many."""
        if self.identity:
            return data
        if self._ignore_rest:
            return b""
        if not self._deflate_format_known:
            # "deflate" is meant to be zlib-wrapped, but some servers send raw deflate.
            self._deflate_format_known = True
            try:
                return self._obj.decompress(data, max_length)
            except zlib.error:
                self._obj = zlib.decompressobj(-zlib.MAX_WBITS)
                return self._obj.decompress(data, max_length)
        out = self._obj.decompress(data, max_length)
        while self._gzip and self._obj.eof and self._obj.unused_data and len(out) < max_length:
            # The next member of a multi-member gzip stream (concatenated .gz files).
            rest = self._obj.unused_data
            self._obj = zlib.decompressobj(16 + zlib.MAX_WBITS)
            try:
                out += self._obj.decompress(rest, max_length - len(out))
            except zlib.error:
                # Trailing garbage after a complete member: ignored, as browsers and urllib3 do.
                self._ignore_rest = True
                break
        return out


def _detect_encoding(body: bytes) -> str | None:
    """Used when neither the header, a BOM, <meta> nor an XML declaration names the charset."""
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    best = charset_normalizer.from_bytes(body[:200_000]).best()
    if best is None:
        return None
    # resolve_encoding maps gb2312/gbk to gb18030, their superset, as browsers do.
    return resolve_encoding(best.encoding)


def _setting(name: str):
    try:
        return getattr(settings, name, DEFAULTS[name])
    except ImproperlyConfigured:
        return DEFAULTS[name]


def _size(limit: int) -> str:
    mb = 1024 * 1024
    if limit >= mb:
        return f"{limit // mb} MB" if limit % mb == 0 else f"{limit / mb:.1f} MB"
    if limit >= 1024:
        return f"{limit / 1024:.0f} KB"
    return f"{limit} bytes"


def load_url(url: str) -> tuple[bytes, str | None]:
    """(body, content type) of an HTML or text document: the URL loader the extraction command
    line is given (`tracker.extraction.cli.load_source`), so that extraction imports no app."""
    result = fetch_url(url, kinds=frozenset({"html", "text"}))
    return result.body, result.content_type
