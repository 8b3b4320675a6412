"""What a subscription follows: a published commitment, a dialogue, a party or a list filter, and
the published commitments that brings into a digest. Every target starts from
`Commitment.objects.published()`, so a digest never shows what the public pages hide."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.http import QueryDict
from django.urls import reverse

from tracker.commitments.models import Commitment, Dialogue, Party
from tracker.public.filters import CommitmentFilter

# Parameters of the list that do not choose commitments: paging, sorting and the date viewed.
LIST_IGNORED = ("after", "before", "sort", "as_of", "page")


class TargetError(ValueError):
    """Nothing public to follow there; the message says why, for the reader."""


@dataclass(frozen=True)
class Target:
    kind: str
    key: str  # what is stored: the reference, slug, code or normalised query string
    label: str
    path: str
    commitments: QuerySet


def _list_query(raw: str) -> str:
    params = QueryDict(raw, mutable=True)
    for name in LIST_IGNORED:
        params.pop(name, None)
    return urlencode(sorted((k, v) for k, values in params.lists() for v in values if v))


def resolve(kind: str, key: str) -> Target:
    published = Commitment.objects.published()
    key = (key or "").strip()
    if kind == "commitment":
        commitment = published.filter(reference=key).first()
        if commitment is None:
            raise TargetError(f"There is no published commitment with the reference “{key[:40]}” to follow.")
        return Target(
            kind,
            key,
            f"{commitment.reference}: {commitment.title}",
            commitment.get_absolute_url(),
            published.filter(pk=commitment.pk),
        )
    if kind == "dialogue":
        dialogue = Dialogue.objects.filter(slug=key).first()
        commitments = published.filter(meeting__dialogue=dialogue) if dialogue else published.none()
        if dialogue is None or not commitments.exists():
            raise TargetError(f"There is no dialogue “{key[:40]}” with published commitments to follow.")
        return Target(kind, key, dialogue.name, dialogue.get_absolute_url(), commitments)
    if kind == "party":
        party = Party.objects.filter(code=key).first()
        commitments = published.filter(parties=party) if party else published.none()
        if party is None or not commitments.exists():
            raise TargetError(f"There is no party “{key[:40]}” with published commitments to follow.")
        return Target(kind, key, party.name, party.get_absolute_url(), commitments)
    if kind == "list":
        query = _list_query(key)
        filterset = CommitmentFilter(QueryDict(query), queryset=published)
        if not filterset.is_valid():
            raise TargetError("This list filter is not valid: correct it on the list page, then follow it.")
        label = "Commitments (filtered)" if query else "All published commitments"
        path = reverse("public:commitment_list") + (f"?{query}" if query else "")
        return Target(kind, query, label, path, published.filter(pk__in=filterset.qs.values("pk")))
    raise TargetError("Choose a commitment, a dialogue, a party or a list to follow.")
