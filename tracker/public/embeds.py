"""Embeds: a commitment's status card and a dialogue's scorecard for other sites' pages, and oEmbed.

`/embed/commitments/<ref>/` and `/embed/dialogues/<slug>/` are the only pages allowed in a frame
(`framable`: no `X-Frame-Options`, and a Content-Security-Policy whose `frame-ancestors` is
`settings.EMBED_FRAME_ANCESTORS`, any site by default); every other page keeps the site-wide
`X-Frame-Options: DENY` and `frame-ancestors 'none'` against clickjacking. Both are applied
outside the page cache, so a page served from the cache may be framed too (the cache stores the
body only). Embeds read the status by the same rule as the pages (`filters.with_shown_status`: the
stored steps of `status.headline`), take `?as_of=`, show the demonstration marker where a status
rests on demonstration data, and 404 for drafts, unknown references and commitments not yet made
on the date asked.

`/oembed/?url=…&format=json` answers for the address of a commitment or dialogue page (or of an
embed) of this site with a "rich" oEmbed response holding the iframe (https://oembed.com/):
404 for an address that is not one, 501 for a format other than JSON.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from functools import wraps
from urllib.parse import parse_qs, urlencode, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import Resolver404, resolve, reverse
from django.utils.html import escape
from django.views.decorators.clickjacking import xframe_options_exempt

from tracker.commitments.models import Commitment, Dialogue
from tracker.public import links
from tracker.public.asof import ViewDate, parse_as_of, view_date
from tracker.public.caching import public_page
from tracker.public.filters import with_shown_status
from tracker.public.scorecards import overall_scorecard, party_scorecards_counted

# The iframe's size: what the card needs at the site's type size, without scrolling.
SIZES = {"commitment": (420, 240), "dialogue": (520, 440)}
# How long an oEmbed consumer may keep the answer (seconds): a status can change any day.
CACHE_AGE = 3600


def framable(view):
    """Let other sites frame the view: no X-Frame-Options, and frame-ancestors from the settings
    (read at each request; the rest of the site-wide policy stays as it is)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response._csp_replace = {"frame-ancestors": list(settings.EMBED_FRAME_ANCESTORS)}
        return response

    return xframe_options_exempt(wrapped)


def _published(day: ViewDate):
    commitments = Commitment.objects.published()
    return commitments.made_by(day.day) if day.historical else commitments


def _bad_date(request, vd: ViewDate):
    """An embed never falls back to today's view quietly: a bad date is a 400 saying why."""
    try:
        parse_as_of(request.GET.get("as_of", ""))
    except ValidationError as error:
        message = error.messages[0]
    return render(request, "public/embed_error.html", {"message": message}, status=400)


def _context(request, vd: ViewDate, **extra) -> dict:
    return {"view_date": vd, "site_url": links.site_url(request), **extra}


@framable
@public_page
def embed_commitment(request, reference):
    vd = view_date(request)
    if vd.error:
        return _bad_date(request, vd)
    commitment = get_object_or_404(
        with_shown_status(Commitment.objects.published(), vd.as_of)
        .select_related("meeting__dialogue")
        .prefetch_related("parties"),
        reference=reference,
    )
    if commitment.made_on > vd.day:
        raise Http404("Not yet made on that date")
    page = commitment.get_absolute_url() + (f"?as_of={vd.day:%Y-%m-%d}" if vd.historical else "")
    context = _context(request, vd, commitment=commitment, page_url=links.absolute(page, request))
    return render(request, "public/embed_commitment.html", context)


@framable
@public_page
def embed_dialogue(request, slug):
    vd = view_date(request)
    if vd.error:
        return _bad_date(request, vd)
    dialogue = get_object_or_404(Dialogue.objects.prefetch_related("parties"), slug=slug)
    made = _published(vd).filter(meeting__dialogue=dialogue)
    if not made.exists():
        raise Http404("No published commitments of this dialogue on that date")
    overall = overall_scorecard(with_shown_status(made, vd.as_of))
    page = dialogue.get_absolute_url() + (f"?as_of={vd.day:%Y-%m-%d}" if vd.historical else "")
    context = _context(
        request,
        vd,
        dialogue=dialogue,
        overall=overall,
        party_cards=party_scorecards_counted(made, vd.day),
        page_url=links.absolute(page, request),
    )
    return render(request, "public/embed_dialogue.html", context)


# --- The snippet and oEmbed ---------------------------------------------------------------------


@dataclass(frozen=True)
class Embed:
    kind: str  # "commitment" or "dialogue"
    title: str
    src: str
    width: int
    height: int

    @property
    def html(self) -> str:
        return (
            f'<iframe src="{escape(self.src)}" width="{self.width}" height="{self.height}" '
            f'title="{escape(self.title)}" loading="lazy"></iframe>'
        )


def embed_for(obj, *, day: datetime.date | None, request, maxwidth=None, maxheight=None) -> Embed:
    """The iframe of a commitment or dialogue, as of `day` (None: always the current status)."""
    if isinstance(obj, Commitment):
        kind, path = "commitment", reverse("public:embed_commitment", args=[obj.reference])
        title = f"{obj.reference}: {obj.title} — status on {settings.SITE_NAME}"
    else:
        kind, path = "dialogue", reverse("public:embed_dialogue", args=[obj.slug])
        title = f"{obj.name}: scorecard on {settings.SITE_NAME}"
    width, height = SIZES[kind]
    width, height = min(width, maxwidth or width), min(height, maxheight or height)
    src = links.absolute(path + (f"?{urlencode({'as_of': day.isoformat()})}" if day else ""), request)
    return Embed(kind, title, src, width, height)


def _not_found(message: str) -> HttpResponse:
    return HttpResponse(message + "\n", status=404, content_type="text/plain; charset=utf-8")


def _positive(raw: str, name: str) -> int | None:
    if not raw:
        return None
    if not raw.isdigit() or int(raw) == 0:
        raise ValueError(f"{name} must be a whole number of pixels, e.g. {name}=400.")
    return int(raw)


EMBEDDABLE = {
    "public:commitment_detail": ("reference", Commitment),
    "public:embed_commitment": ("reference", Commitment),
    "public:dialogue_detail": ("slug", Dialogue),
    "public:embed_dialogue": ("slug", Dialogue),
}


def _target(url: str, request):
    """(key, model, as_of date or None) of the page at the address `url`, or Http404 with the
    reason (ValidationError for a bad as_of in it)."""
    parts = urlsplit(url)
    # This site's host names (the port left aside: the same site is often served on several).
    ours = {urlsplit(links.site_url(request)).hostname, request.get_host().rsplit(":", 1)[0].strip("[]").lower()}
    if parts.scheme not in ("http", "https") or parts.hostname not in ours:
        raise Http404(f"Only addresses of this site ({links.site_url(request)}) can be embedded.")
    try:
        match = resolve(parts.path)
    except Resolver404:
        raise Http404("There is no page at that address.") from None
    if match.view_name not in EMBEDDABLE:
        raise Http404("Only a commitment’s page and a dialogue’s page can be embedded.")
    key, model = EMBEDDABLE[match.view_name]
    raw = parse_qs(parts.query).get("as_of", [""])[0]
    return match.kwargs[key], model, parse_as_of(raw) if raw.strip() else None


def _find(key: str, model, day: datetime.date | None):
    """The published commitment (annotated with its status on `day`) or the dialogue with
    published commitments that `key` names, or Http404."""
    published = Commitment.objects.published()
    if model is Commitment:
        found = with_shown_status(published, day).filter(reference=key).first()
        if found is None or (day and found.made_on > day):
            raise Http404("No published commitment has that reference" + (" on that date." if day else "."))
        return found, found.status_on_day_is_demonstration
    dialogue = Dialogue.objects.filter(slug=key).first()
    made = published.filter(meeting__dialogue=dialogue)
    made = made.made_by(day) if day else made
    if dialogue is None or not made.exists():
        raise Http404("No dialogue with published commitments has that address.")
    return dialogue, overall_scorecard(with_shown_status(made, day)).demo > 0


@public_page
def oembed(request):
    fmt = request.GET.get("format", "json") or "json"
    if fmt != "json":
        return HttpResponse(
            f"The format “{fmt[:20]}” is not offered: ask for format=json.\n",
            status=501,
            content_type="text/plain; charset=utf-8",
        )
    url = request.GET.get("url", "").strip()
    if not url:
        return _not_found("Give the address of a commitment’s or a dialogue’s page in url=.")
    try:
        maxwidth = _positive(request.GET.get("maxwidth", ""), "maxwidth")
        maxheight = _positive(request.GET.get("maxheight", ""), "maxheight")
    except ValueError as error:
        return HttpResponse(f"{error}\n", status=400, content_type="text/plain; charset=utf-8")
    try:
        key, model, day = _target(url, request)
        vd = view_date(request)
        if day is None and vd.historical:
            day = vd.day  # the oEmbed request's own as_of, when the address names no date
        obj, is_demonstration = _find(key, model, day)
    except ValidationError as error:
        return _not_found(f"The address’s as_of: {error.messages[0]}")
    except Http404 as error:
        return _not_found(str(error))
    embed = embed_for(obj, day=day, request=request, maxwidth=maxwidth, maxheight=maxheight)
    site = links.site_url(request)
    document = {
        "version": "1.0",
        "type": "rich",
        "provider_name": settings.SITE_NAME,
        "provider_url": site + "/",
        "title": embed.title + (" [demonstration data]" if is_demonstration else ""),
        "html": embed.html,
        "width": embed.width,
        "height": embed.height,
        "cache_age": CACHE_AGE,
    }
    return HttpResponse(json.dumps(document, ensure_ascii=False), content_type="application/json; charset=utf-8")


def oembed_url(page_url: str, request) -> str:
    return links.absolute(reverse("public:oembed") + "?" + urlencode({"url": page_url, "format": "json"}), request)
