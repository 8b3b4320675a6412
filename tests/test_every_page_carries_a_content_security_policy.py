"""Every page of the public site and of the workspace, the API's documentation and error pages
included, answers with a Content-Security-Policy that allows no inline script or style and nothing
from another site. (The browser tests fail on any violation the browser reports.)"""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests import test_editor_fixtures as fixtures
from tests.test_browser_every_page_meets_wcag_aa import editor_pages, public_pages

fixture_world = fixtures.world


@pytest.fixture
def world(fixture_world, erin, editors_group, django_user_model):
    """The workspace's world with a proposal of each editor's (the second-opinion pages show them)."""
    ed = django_user_model.objects.create_user("ed", "ed@example.org", "ed-password-123")
    ed.groups.add(editors_group)
    fixtures.make_proposals(fixture_world, erin=erin, other_editor=ed)
    return fixture_world


pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, list[str]]:
    header = response.get("Content-Security-Policy")
    assert header, f"{response.request['PATH_INFO']}: no Content-Security-Policy"
    parsed = {}
    for part in header.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


def assert_strict(response, *, inline_style: bool = False, framable: bool = False) -> None:
    """`framable`: an embed, which other sites may frame (frame-ancestors from the settings)."""
    policy = directives(response)
    assert policy["script-src"] == ["'self'"], f"{response.request['PATH_INFO']}: {policy['script-src']}"
    style = ["'self'", "'unsafe-inline'"] if inline_style else ["'self'"]
    assert policy["style-src"] == style, f"{response.request['PATH_INFO']}: {policy['style-src']}"
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == (["*"] if framable else ["'none'"])
    for name, values in policy.items():
        if framable and name == "frame-ancestors":
            continue
        assert "'unsafe-eval'" not in values and "*" not in values and "https:" not in values
        assert "'unsafe-inline'" not in values or (inline_style and name == "style-src")


def test_every_public_page_carries_a_strict_policy(client, world):
    paths = [
        *public_pages(),
        reverse("public:api:docs"),
        reverse("public:api:api-root"),
        reverse("public:export_csv"),
        reverse("public:feed_changes"),
        "/no-such-page/",
    ]
    for path in paths:
        response = client.get(path, HTTP_ACCEPT="text/html")
        assert response.status_code in (200, 404), path
        assert_strict(response, framable=path.startswith("/embed/"))


def test_the_redoc_page_alone_allows_inline_style_and_never_inline_script(client):
    """ReDoc (third-party) writes <style> elements at run time and takes no nonce for them."""
    assert_strict(client.get(reverse("public:api:redoc")), inline_style=True)


def test_every_workspace_page_carries_a_strict_policy(erin_client, world):
    for path in [*editor_pages(world), reverse("login")]:
        response = erin_client.get(path)
        assert response.status_code == 200, path
        assert_strict(response)


def test_the_pages_name_no_inline_script_or_style(client, erin_client, world):
    """What the policy would block is not there to block: no <script> without src, no <style>, no
    style or on… attribute (the Swagger UI page's set-up script is a file of its own)."""
    inline = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>|<style\b|\sstyle=|\son[a-z]+=", re.I)
    pages = [(client, p) for p in [*public_pages(), reverse("public:api:docs"), reverse("public:api:redoc")]]
    pages += [(erin_client, p) for p in editor_pages(world)]
    found = []
    for who, path in pages:
        body = who.get(path).content.decode()
        found += [f"{path}: {m.group(0)}" for m in inline.finditer(body)]
    assert not found, "\n".join(found)
