"""The methodology and data pages explain the status scale (from status.py), what counts as a
commitment, the compliance score, evidence, corrections, editors' names, and the export columns."""

import pytest
from django.urls import reverse

from tracker.commitments.status import STATUS_MEANINGS
from tracker.public.exports import COLUMN_NAMES

pytestmark = pytest.mark.django_db


def test_the_methodology_page_publishes_the_status_scale_and_the_rules(rob_client):
    html = rob_client.get(reverse("public:methodology")).content.decode()
    for status, meaning in STATUS_MEANINGS.items():
        assert status.label in html
        assert meaning in html
    for heading in [
        "What counts as a commitment",
        "The compliance score",
        "How evidence is chosen",
        "Corrections",
        "Who records assessments",
    ]:
        assert heading in html
    assert "(mean + 1) ÷ 2 × 100" in html
    assert "recorded by the editors" in html
    assert "names are not shown" in html


def test_the_data_page_documents_every_export_column(rob_client):
    html = rob_client.get(reverse("public:exports")).content.decode()
    for name in COLUMN_NAMES:
        assert f"<code>{name}</code>" in html
    assert "-joined party codes (ISO 3166 alpha-2" in html
