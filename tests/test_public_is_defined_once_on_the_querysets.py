"""What readers may see is defined once, on the QuerySets (`Commitment.objects.published()`,
`Dialogue.objects.public(day)`, `.with_public_counts(day)`, `Party.objects.public()`,
`Meeting.objects.public(day)`, `Commitment.objects.with_shown_status(day, party)`): no module of
the public site filters on publication by hand, so a change of the rule is made in one place."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

PUBLIC = Path(__file__).resolve().parent.parent / "tracker" / "public"

# A filter on the publication flag written out in a query: `commitment__is_published=True`,
# `.filter(is_published=...)`, `Q(commitments__is_published...)`. (Reading the flag of a row, or
# exporting it as a column, is no filter.)
BY_HAND = re.compile(r"is_published\s*=\s*(True|False)\b|\b(filter|exclude|Q|get)\([^)]*is_published")


def offending_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if BY_HAND.search(line) and not line.strip().startswith("#")]


@pytest.mark.parametrize("path", sorted(PUBLIC.rglob("*.py")), ids=lambda p: str(p.relative_to(PUBLIC)))
def test_no_public_module_filters_publication_by_hand(path):
    assert offending_lines(path.read_text()) == [], f"{path.name}: use the QuerySet methods of commitments.models"


def test_the_check_catches_a_filter_by_hand():
    assert offending_lines('links.filter(party=OuterRef("pk"), commitment__is_published=True)')
    assert offending_lines("Commitment.objects.filter(is_published=True)")
    assert not offending_lines("Commitment.objects.published()")
    assert not offending_lines("return other if other is not None and other.is_published else None")
