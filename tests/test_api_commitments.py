"""The read API's commitments: each with its status (now, or on `as_of`) and its whole history,
filtered by the same filters as the public list, cursor-paginated; drafts are not found."""

import datetime

import pytest
from django.urls import reverse

from tests import test_public_fixtures as fx

story = fx.story
draft = fx.draft

pytestmark = pytest.mark.django_db

D = datetime.date


def test_commitments_come_with_their_status_and_history(rob_client, story, draft):
    data = fx.api_get(rob_client, "commitment-list")
    assert [c["reference"] for c in data["results"]] == [story.commitment.reference]
    item = data["results"][0]
    assert item["status"]["status"] == "partial" and item["status"]["since"] == "2019-05-01"
    assert item["parties"] == ["cn", "us"] and item["topics"] == ["repatriation/fugitives"]
    assert item["dialogue"] == "test-led" and item["meeting"] == "test-led-2017"
    history = item["history"]
    assert [a["id"] for a in history] == [
        story.started.pk,
        story.china_stalled.pk,
        story.fulfilled.pk,
        story.correction.pk,
    ]
    assert history[3]["is_correction"] and history[3]["supersedes"] == story.fulfilled.pk
    assert history[0]["evidence"][0]["title"] == "Two suspects handed over"
    assert "author" not in history[0]


def test_one_commitment_by_reference_and_drafts_are_not_found(rob_client, story, draft):
    item = fx.api_get(rob_client, "commitment-detail", story.commitment.reference)
    assert item["title"] == "Repatriate fugitives within 30 days"
    response = rob_client.get(reverse("public:api:commitment-detail", args=[draft.reference]))
    assert response.status_code == 404


def test_the_list_filters_apply_with_as_of(rob_client, story, make_commitment, united_states):
    make_commitment(quote="The United States will train officers.", parties=[united_states])
    assert len(fx.api_get(rob_client, "commitment-list", party="cn")["results"]) == 1
    past = fx.api_get(rob_client, "commitment-list", as_of="2018-06-01", status="in_progress")["results"]
    assert [c["reference"] for c in past] == [story.commitment.reference]
    assert past[0]["status"] == {
        "status": "in_progress",
        "label": "In progress",
        "since": "2018-03-01",
        "on": "2018-06-01",
        "party": None,
        "is_demonstration": False,
    }
    assert [a["id"] for a in past[0]["history"]] == [story.started.pk]
    assert past[0]["current"] is None  # a view as of a date shows nothing later
    now = fx.api_get(rob_client, "commitment-detail", story.commitment.reference)
    assert now["current"] == {
        "status": "partial",
        "label": "Partially fulfilled",
        "since": "2019-05-01",
        "on": None,
        "party": None,
        "is_demonstration": False,
    }


def test_invalid_filters_are_refused_with_400(rob_client, story):
    response = rob_client.get(reverse("public:api:commitment-list"), {"as_of": "2999-01-01"})
    assert response.status_code == 400
    assert "is in the future" in response.content.decode()


def test_pages_are_cursor_paginated(rob_client, make_commitment):
    for i in range(3):
        make_commitment(quote=f"The sides will hold talk {i}.")
    first = fx.api_get(rob_client, "commitment-list", page_size=2)
    assert len(first["results"]) == 2 and first["next"] and "cursor=" in first["next"]
    second = rob_client.get(first["next"], HTTP_ACCEPT="application/json").json()
    assert len(second["results"]) == 1 and second["next"] is None


def test_answers_may_be_kept_briefly_by_shared_caches(rob_client, story):
    response = rob_client.get(reverse("public:api:commitment-list"), HTTP_ACCEPT="application/json")
    assert response["Cache-Control"] == "public, max-age=60"
