"""`manage.py create_editor` creates an editor with a generated password, printed once."""

from __future__ import annotations

import io
import re

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.urls import reverse

from tracker.editor.roles import EDITORS, is_editor


def create(*args) -> str:
    out = io.StringIO()
    call_command("create_editor", *args, stdout=out)
    return out.getvalue()


def test_it_creates_an_editor_who_can_log_in(client, db):
    output = create("edith", "--email", "edith@example.org")
    password = re.search(r"Password \(shown this once\): (\S+)", output).group(1)
    user = User.objects.get(username="edith")
    assert is_editor(user) and user.groups.filter(name=EDITORS).exists()
    assert not user.is_staff and not user.is_superuser
    assert user.email == "edith@example.org"
    response = client.post(reverse("login"), {"username": "edith", "password": password})
    assert response["Location"] == reverse("editor:home")
    assert client.get(reverse("editor:inbox")).status_code == 200


def test_each_editor_gets_a_different_password(db):
    first = re.search(r"once\): (\S+)", create("a1")).group(1)
    second = re.search(r"once\): (\S+)", create("a2")).group(1)
    assert first != second and len(first) >= 12


def test_an_existing_user_is_not_overwritten(db, olga):
    with pytest.raises(CommandError, match="exists already"):
        create("olga")
    assert not is_editor(User.objects.get(username="olga"))


def test_if_missing_adds_the_role_and_prints_no_password(db, olga):
    output = create("olga", "--if-missing")
    assert "Password" not in output
    olga.refresh_from_db()
    assert olga.check_password("olga-password-123")
    assert is_editor(olga)
