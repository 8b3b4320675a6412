"""Editors log in and out; an outsider who logs in sees no editor page; the account pages are
never cached and need the CSRF token."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

LOGIN = reverse("login")


def test_an_editor_logs_in_and_lands_in_the_workspace(client, erin):
    page = client.get(LOGIN)
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    response = client.post(LOGIN, {"username": "erin", "password": "erin-password-123"})
    assert response["Location"] == reverse("editor:home")
    assert client.get(reverse("editor:home")).status_code == 200


def test_the_page_asked_for_comes_next(client, erin):
    inbox = reverse("editor:inbox")
    login = client.get(inbox)["Location"]
    response = client.post(login, {"username": "erin", "password": "erin-password-123", "next": inbox})
    assert response["Location"] == inbox


def test_a_wrong_password_is_refused(client, erin):
    response = client.post(LOGIN, {"username": "erin", "password": "guess"})
    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.content.decode()
    assert client.get(reverse("editor:home")).status_code == 302


def test_an_outsider_who_logs_in_sees_no_editor_page(client, olga):
    client.post(LOGIN, {"username": "olga", "password": "olga-password-123"})
    response = client.get(reverse("editor:home"))
    assert response.status_code == 403
    assert "not an editor account" in response.content.decode()


def test_log_out_takes_a_post(erin_client):
    assert erin_client.get(reverse("logout")).status_code == 405
    response = erin_client.post(reverse("logout"))
    assert response.status_code == 302
    assert erin_client.get(reverse("editor:home")).status_code == 302  # to the log-in page again


def test_the_log_in_form_needs_the_csrf_token(erin):
    client = Client(enforce_csrf_checks=True)
    response = client.post(LOGIN, {"username": "erin", "password": "erin-password-123"})
    assert response.status_code == 403
    page = client.get(LOGIN)
    assert b'name="csrfmiddlewaretoken"' in page.content


def test_the_workspace_nav_has_a_log_out_button(erin_client, db):
    page = erin_client.get(reverse("editor:home")).content.decode()
    assert f'<form method="post" action="{reverse("logout")}"' in page
