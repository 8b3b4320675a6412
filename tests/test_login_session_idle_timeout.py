"""A session ends after SESSION_COOKIE_AGE without a request; each request starts the idle
clock again (SESSION_SAVE_EVERY_REQUEST), so an editor at work is never logged out."""

from __future__ import annotations

import datetime

import time_machine
from django.conf import settings
from django.urls import reverse

HOME = reverse("editor:home")


def test_an_idle_session_expires_and_an_active_one_does_not(client, erin):
    idle = datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    with time_machine.travel(datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC), tick=False) as traveller:
        client.post(reverse("login"), {"username": "erin", "password": "erin-password-123"})
        assert client.get(HOME).status_code == 200
        # Working: a request just before each idle period ends keeps the session alive all day.
        for _ in range(4):
            traveller.shift(idle - datetime.timedelta(minutes=1))
            assert client.get(HOME).status_code == 200
        # Away for longer than the idle timeout: logged out.
        traveller.shift(idle + datetime.timedelta(minutes=1))
        response = client.get(HOME)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_session_cookie_is_http_only_and_same_site(client, erin):
    response = client.post(reverse("login"), {"username": "erin", "password": "erin-password-123"})
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert int(cookie["max-age"]) == settings.SESSION_COOKIE_AGE
