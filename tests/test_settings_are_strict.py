"""Settings come from the environment through strict helpers: a typo stops the process."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from tracker.settings import envbool, envint

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, **env):
    withheld = {"SECRET_KEY", "DEBUG", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL"}
    environment = {k: v for k, v in os.environ.items() if k not in withheld}
    environment.update(env)
    environment["DJANGO_SETTINGS_MODULE"] = "tracker.settings"
    # An empty .env stand-in: the developer's .env must not supply the key these tests withhold.
    environment["DOTENV_PATH"] = os.devnull
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("value", ["ture", "2", "enabled"])
def test_a_boolean_that_is_not_true_or_false_is_an_error(monkeypatch, value):
    monkeypatch.setenv("SOME_FLAG", value)
    with pytest.raises(ImproperlyConfigured):
        envbool("SOME_FLAG", False)


def test_booleans_and_numbers_read_their_usual_spellings(monkeypatch):
    monkeypatch.setenv("SOME_FLAG", "yes")
    monkeypatch.setenv("SOME_NUMBER", "12")
    assert envbool("SOME_FLAG", False) is True
    assert envbool("UNSET_FLAG_FOR_TEST", True) is True
    assert envint("SOME_NUMBER", 1) == 12
    monkeypatch.setenv("SOME_NUMBER", "twelve")
    with pytest.raises(ImproperlyConfigured):
        envint("SOME_NUMBER", 1)


def test_without_debug_the_secret_key_is_required():
    result = run_manage("check")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_check_deploy_is_clean_with_production_variables():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="a-long-random-production-key-" + "k3y" * 20,
        ALLOWED_HOSTS="tracker.example.org",
        DEBUG="false",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
