"""Atom feeds of status changes: all, per commitment, per dialogue, per party, per list filter.

A status change is an assessment of a published commitment, corrections included and labelled
as such. Items are ordered by when they were recorded here (what a subscriber has not seen yet),
and each links to its row of the commitment's history. Editors' names are never shown: the
author of every entry is the tracker's editors.
"""

from __future__ import annotations

from types import SimpleNamespace

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from tracker.commitments.models import Assessment, Commitment, Dialogue, Party
from tracker.public import links
from tracker.public.asof import long_date, view_date
from tracker.public.caching import public_page
from tracker.public.filters import CommitmentFilter
from tracker.public.templatetags.public_tags import safe_href

ITEMS = 50


class StatusChanges(Feed):
    """One instance per request (see _feed_view), which carries the site's address: Django makes
    relative links absolute with the request's host, and SITE_URL, when set, must win over it."""

    feed_type = Atom1Feed
    author_name = "The editors"
    site = ""
    path = ""

    def absolute(self, path: str) -> str:
        return f"{self.site}{path}"

    def feed_url(self, obj):
        return self.absolute(self.path)

    def get_object(self, request, *args, **kwargs):
        return self.dated(request, SimpleNamespace())

    def commitments(self, obj):
        return Commitment.objects.published()

    def title(self, obj):
        return f"{settings.SITE_NAME}: status changes"

    def subtitle(self, obj):
        return "Every assessment of a published commitment, corrections included, newest first."

    def link(self, obj):
        return self.absolute(reverse("public:commitment_list"))

    def dated(self, request, obj):
        """`obj` with the feed's `as_of` date (None: today) attached: a feed read as of a date
        holds only the entries dated by then, of the commitments made by then."""
        obj.feed_day = view_date(request).as_of
        return obj

    def log(self, obj):
        day = getattr(obj, "feed_day", None)
        commitments = self.commitments(obj)
        if day is not None:
            commitments = commitments.made_by(day)
        log = (
            Assessment.objects.filter(commitment__in=commitments.values("pk"))
            .select_related("commitment", "party", "supersedes")
            .prefetch_related("evidence")
            .order_by("-recorded_at", "-id")
        )
        return log if day is None else log.filter(as_of__lte=day)

    def items(self, obj):
        return self.log(obj)[:ITEMS]

    def item_title(self, item):
        lane = item.party.name if item.party_id else "overall"
        prefix = "Correction: " if item.supersedes_id else ""
        demo = " [demonstration]" if item.is_demonstration else ""
        return (
            f"{prefix}{item.commitment.reference} {item.get_status_display()} ({lane}) "
            f"as of {long_date(item.as_of)}{demo}"
        )

    def item_description(self, item):
        parts = [f"<p><strong>{escape(item.commitment.title)}</strong></p>"]
        if item.is_demonstration:
            parts.append("<p><em>Demonstration data, not a real assessment.</em></p>")
        if item.supersedes_id:
            parts.append(
                f"<p>Correction of the entry dated {escape(long_date(item.supersedes.as_of))} "
                f"({escape(item.supersedes.get_status_display())}): {escape(item.correction_reason)}</p>"
            )
        parts.append(f"<p>{escape(item.rationale)}</p>")
        links = []
        for evidence in item.evidence.all():
            href = safe_href(evidence.url)
            title = escape(evidence.title)
            links.append(f'<li><a href="{escape(href)}">{title}</a></li>' if href else f"<li>{title}</li>")
        if links:
            parts.append("<p>Evidence:</p><ul>" + "".join(links) + "</ul>")
        return "".join(parts)

    def item_link(self, item):
        return self.absolute(f"{item.commitment.get_absolute_url()}#assessment-{item.pk}")

    def item_guid(self, item):
        return self.item_link(item)

    item_guid_is_permalink = True

    def item_pubdate(self, item):
        return item.recorded_at

    def item_updateddate(self, item):
        return item.recorded_at

    def item_categories(self, item):
        return [item.status] + (["correction"] if item.supersedes_id else [])


class FilteredStatusChanges(StatusChanges):
    """The changes of the commitments a list filter selects: the list page links here."""

    def get_object(self, request, *args, **kwargs):
        filterset = CommitmentFilter(request.GET, queryset=Commitment.objects.published(), request=request)
        if not filterset.is_valid():
            raise InvalidFilter(filterset)
        return self.dated(request, filterset)

    def commitments(self, obj):
        return obj.qs

    def log(self, obj):
        """With a party chosen, "status" means that party's: its own entries and the whole's,
        which it follows until assessed on its own (the other parties' entries are left out)."""
        log = super().log(obj)
        party = obj.status_party
        return log if party is None else log.filter(Q(party=party) | Q(party__isnull=True))

    def title(self, obj):
        party = f", status of {obj.status_party.name}" if obj.status_party else ""
        return f"{settings.SITE_NAME}: status changes" + (" (filtered" + party + ")" if obj.active else "")

    def link(self, obj):
        query = obj.data.urlencode()
        return self.absolute(reverse("public:commitment_list") + (f"?{query}" if query else ""))


class InvalidFilter(Exception):
    def __init__(self, filterset):
        self.filterset = filterset


class CommitmentChanges(StatusChanges):
    def get_object(self, request, reference):
        return self.dated(request, get_object_or_404(Commitment.objects.published(), reference=reference))

    def commitments(self, obj):
        return Commitment.objects.published().filter(pk=obj.pk)

    def title(self, obj):
        return f"{obj.reference}: status changes"

    def subtitle(self, obj):
        return obj.title

    def link(self, obj):
        return self.absolute(obj.get_absolute_url())


class DialogueChanges(StatusChanges):
    def get_object(self, request, slug):
        dialogue = get_object_or_404(Dialogue, slug=slug)
        if not Commitment.objects.published().filter(meeting__dialogue=dialogue).exists():
            raise Dialogue.DoesNotExist
        return self.dated(request, dialogue)

    def commitments(self, obj):
        return Commitment.objects.published().filter(meeting__dialogue=obj)

    def title(self, obj):
        return f"{obj.name}: status changes"

    def link(self, obj):
        return self.absolute(obj.get_absolute_url())


class PartyChanges(StatusChanges):
    def get_object(self, request, code):
        return self.dated(request, get_object_or_404(Party, code=code))

    def commitments(self, obj):
        return Commitment.objects.published().filter(parties=obj)

    def title(self, obj):
        return f"{obj.name}: status changes"

    def link(self, obj):
        return self.absolute(obj.get_absolute_url())


def _feed_view(feed_class):
    @public_page
    def view(request, *args, **kwargs):
        feed = feed_class()
        feed.site, feed.path = links.site_url(request), request.get_full_path()
        try:
            return feed(request, *args, **kwargs)
        except InvalidFilter as error:
            messages = [f"{name}: {m}" for name, ms in error.filterset.errors.items() for m in ms]
            return HttpResponseBadRequest(
                "The filters could not be applied:\n" + "\n".join(messages) + "\n", content_type="text/plain"
            )

    return view


all_changes = _feed_view(FilteredStatusChanges)
commitment_changes = _feed_view(CommitmentChanges)
dialogue_changes = _feed_view(DialogueChanges)
party_changes = _feed_view(PartyChanges)
