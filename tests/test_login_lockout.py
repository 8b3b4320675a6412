"""Brute force on the log-in form: after AXES_FAILURE_LIMIT wrong passwords, that username from
that address is locked out, checked before any password hash is computed; other addresses and
other accounts are not affected, and the lock lifts by itself after the cool-off."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth.hashers import get_hasher
from django.urls import reverse

LOGIN = reverse("login")
ATTACKER = "203.0.113.7"
OFFICE = "198.51.100.20"


def attempt(client, password, ip=ATTACKER, username="erin"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


def lock_out(client):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "wrong-guess")


@pytest.fixture
def hasher_calls(monkeypatch):
    """Counts every use of the password hasher (verify or encode)."""
    calls = []
    hasher = type(get_hasher())
    for name in ("verify", "encode"):
        original = getattr(hasher, name)

        def counted(self, *args, _original=original, _name=name, **kwargs):
            calls.append(_name)
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(hasher, name, counted)
    return calls


def test_the_lock_out_page_after_too_many_wrong_passwords(client, erin):
    lock_out(client)
    response = attempt(client, "erin-password-123")  # even the right password now
    assert response.status_code == 429
    page = response.content.decode()
    assert "Too many failed log-ins" in page and "Try again in 15 minutes" in page
    assert "_auth_user_id" not in client.session


def test_a_locked_out_attempt_computes_no_password_hash(client, erin, hasher_calls):
    attempt(client, "wrong-guess")
    assert hasher_calls  # an ordinary attempt does hash the password: the spy works
    lock_out(client)
    hasher_calls.clear()
    response = attempt(client, "erin-password-123")
    assert response.status_code == 429
    assert hasher_calls == []


def test_the_editor_can_still_log_in_from_elsewhere(client, erin):
    lock_out(client)
    response = attempt(client, "erin-password-123", ip=OFFICE)
    assert response.status_code == 302 and response["Location"] == reverse("editor:home")


def test_other_accounts_are_not_locked_out_from_that_address(client, erin, olga):
    lock_out(client)
    response = attempt(client, "olga-password-123", username="olga")
    assert response.status_code == 302


def test_the_lock_lifts_after_the_cool_off(client, erin):
    with time_machine.travel(datetime.datetime.now(datetime.UTC), tick=False) as traveller:
        lock_out(client)
        assert attempt(client, "erin-password-123").status_code == 429
        traveller.shift(settings.AXES_COOLOFF_TIME + datetime.timedelta(seconds=1))
        response = attempt(client, "erin-password-123")
    assert response.status_code == 302 and response["Location"] == reverse("editor:home")
