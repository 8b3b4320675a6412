"""What every editor view shares: the gate, saving a form through its verb, the way back."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.generic import FormView
from django.views.generic.detail import SingleObjectMixin

from tracker.editor.permissions import EditorRequiredMixin

__all__ = ["EditorRequiredMixin", "ObjectFormView", "SaveFormMixin", "filtered", "next_url"]


def filtered(filterset):
    """The filtered rows, or none when a filter is invalid (an article with nothing left to review,
    say): an invalid filter must not quietly show everything."""
    return filterset.qs if not filterset.is_bound or filterset.is_valid() else filterset.queryset.none()


def next_url(request, default: str) -> str:
    """Where to go after an action: the page it came from (same site only), else `default`."""
    url = request.POST.get("next") or request.GET.get("next")
    safe = url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=request.is_secure())
    if url and safe:
        return url
    return default


class SaveFormMixin:
    """`form.save(user=...)` makes the change through its verb and returns None if the verb refused
    (the errors are then on the form). The view only routes."""

    success_message = ""

    def form_valid(self, form):
        saved = form.save(user=self.request.user)
        if not saved:
            return self.form_invalid(form)
        self.saved = saved
        if message := self.get_success_message(saved):
            messages.success(self.request, message)
        return HttpResponseRedirect(self.get_success_url())

    def get_success_message(self, saved) -> str:
        return self.success_message.format(saved=saved, view=self)


class ObjectFormView(SaveFormMixin, SingleObjectMixin, FormView):
    """A form about one object (a candidate, a commitment, an assessment), handed to the form as
    the keyword `form_object_kwarg`."""

    form_object_kwarg = ""

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), self.form_object_kwarg: self.object}
