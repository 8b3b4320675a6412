"""Editors pick parties from some 280 with a checkbox list and a filter box, not a Ctrl-click list:
without JavaScript the ticked boxes are what is saved; with it, typing narrows the list."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests import test_editor_fixtures as fixtures
from tracker.commitments.models import Party

world = fixtures.world

pytestmark = pytest.mark.django_db


def test_the_commitment_form_offers_every_party_as_a_checkbox_the_chosen_first(erin_client, world):
    # When Erin edits a commitment of the United States and China
    page = erin_client.get(reverse("editor:commitment_update", args=[world.commitment.reference])).content.decode()
    # Then the parties are checkboxes, not a multiple select, one per party
    assert not re.search(r'<select[^>]*name="parties"', page)
    boxes = re.findall(r'<input type="checkbox" name="parties" value="(\d+)"[^>]*?( checked)?>', page)
    assert len(boxes) == Party.objects.count() > 200
    # And the two chosen come first, ticked
    assert {int(value) for value, ticked in boxes[:2]} == {world.china.pk, world.united_states.pk}
    assert [ticked for _, ticked in boxes[:3]] == [" checked", " checked", ""]
    # And a filter box waits for JavaScript (hidden without it), with no Ctrl-click instructions
    assert re.search(r'<input type="search" class="picker-filter"[^>]* hidden>', page)
    assert "Ctrl" not in page


def test_ticked_parties_are_saved_without_javascript(erin_client, world):
    japan = Party.objects.get(code="jp")
    url = reverse("editor:meeting_update", args=[world.meeting.pk])
    form = erin_client.get(url).context["form"]
    data = {name: value for name, value in form.initial.items() if value not in (None, "")}
    data.update(date="2017-10-04", parties=[world.china.pk, japan.pk])
    response = erin_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    world.meeting.refresh_from_db()
    assert set(world.meeting.parties.all()) == {world.china, japan}


def test_the_filter_box_matches_codes_and_aliases_too(erin_client, world):
    page = erin_client.get(reverse("editor:commitment_create")).content.decode()
    row = re.search(
        rf'<li data-terms="([^"]*)"><label><input type="checkbox" name="parties" value="{world.united_states.pk}"',
        page,
    )
    assert row is not None
    assert {"us", "usa"} <= set(row.group(1).split())
