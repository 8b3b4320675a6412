"""The canonical form of an article's URL, which is unique per Article.

Two addresses of the same article (a link shared from social media with tracking parameters, an
upper-case host, an explicit :443) must map to one canonical URL, or the same readout is imported
twice. The opposite mistake is worse: two different articles mapped to one URL would make the
second look like a duplicate of the first and never be imported. So only parameters known to be
tracking are dropped (courlan's tracker list is broader, dropping "ref", "source", "session",
"uid"..., which some sites use to identify the page itself), and the path keeps its case.
"""

from __future__ import annotations

import re
from urllib.parse import unquote_plus, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

# Query parameters added by analytics and ad platforms; they never change the page served.
TRACKING_PARAMETERS = frozenset(
    {
        "fbclid",  # Facebook
        "gclid",  # Google Ads
        "gclsrc",
        "dclid",  # Google Display
        "gbraid",  # Google Ads (iOS)
        "wbraid",
        "msclkid",  # Microsoft Ads
        "twclid",  # Twitter / X
        "yclid",  # Yandex
        "igshid",  # Instagram
        "mc_cid",  # Mailchimp
        "mc_eid",
        "_ga",  # Google Analytics cross-domain linking
        "_gl",
        "_hsenc",  # HubSpot
        "_hsmi",
        "mkt_tok",  # Marketo
        "oly_anon_id",  # Omeda
        "oly_enc_id",
        "vero_id",  # Vero
        "wt.mc_id",  # Webtrends
    }
)
TRACKING_PREFIXES = ("utm_",)  # utm_source, utm_medium, utm_campaign, utm_term, utm_content, ...
_DEFAULT_PORTS = {"http": 80, "https": 443}
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def canonical_url(url: str) -> str:
    """The canonical form of an http(s) URL: for telling whether two URLs are the same article.

    Lower-case scheme and host (IDNA-encoded), default port dropped, userinfo and fragment
    dropped, tracking parameters dropped, the rest of the query sorted, percent-encoding
    normalised, dot segments resolved, path case kept. Raises ValueError for anything that is not
    an absolute http(s) URL with a host.
    """
    url = url.strip()
    if not _SCHEME.match(url) or urlsplit(url).scheme.lower() not in _DEFAULT_PORTS:
        raise ValueError(f"Not an http or https URL: {url!r}")
    parts = urlsplit(url)
    if not parts.hostname:
        raise ValueError(f"URL without a host: {url!r}")
    query = "&".join(pair for pair in parts.query.split("&") if pair and not _is_tracking(pair))
    # w3lib: lower-case scheme and host, IDNA, sorted query, percent-encoding, no fragment.
    canonical = canonicalize_url(urlunsplit((parts.scheme, parts.netloc, parts.path, query, "")))

    parts = urlsplit(canonical)
    host = parts.hostname.rstrip(".")  # "example.org." is the same host as "example.org"
    if ":" in host:
        host = f"[{host}]"
    port = parts.port
    netloc = host if port is None or port == _DEFAULT_PORTS[parts.scheme] else f"{host}:{port}"
    return urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))


def _is_tracking(pair: str) -> bool:
    name = unquote_plus(pair.split("=", 1)[0]).strip().lower()
    return name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES)
