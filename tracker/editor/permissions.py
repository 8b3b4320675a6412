"""The one gate of the editor workspace: editors in, everyone else out, nothing cached.

`editor_gate` is the only permission check, and `EditorRequiredMixin`, the first base of every
editor view, its only caller. Anonymous readers are sent to the login page; a logged-in outsider
gets a 403 page. Every response of the workspace, the refusals included, carries
`Cache-Control: private, no-store`, so no proxy or back button shows a draft or an inbox to the
next person at the machine.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

from tracker.editor.roles import is_editor


def editor_gate(request):
    """None when the user may use the workspace; otherwise the response that refuses them."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not is_editor(request.user):
        return render(request, "editor/forbidden.html", status=403)
    return None


def _refuse_or_run(request, view, *args, **kwargs):
    # The gate runs before the view, so a refused POST never reaches a form or a verb.
    refusal = editor_gate(request)
    response = refusal if refusal is not None else view(request, *args, **kwargs)
    add_never_cache_headers(response)
    return response


class EditorRequiredMixin:
    """First base of every editor view: 403 for outsiders, login for anonymous readers."""

    # Forms post; nothing in the workspace is PUT or DELETE (Django's form views would take a PUT
    # as a POST).
    http_method_names: Sequence[str] = ["get", "post", "head", "options"]

    def dispatch(self, request, *args, **kwargs):
        return _refuse_or_run(request, super().dispatch, *args, **kwargs)
