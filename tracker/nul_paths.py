"""Addresses with a NUL byte are answered 404 before any view runs.

No reference, slug or code holds a NUL, so such an address names nothing. Left to the views, the
NUL reaches the database, and PostgreSQL refuses any query that contains one (a ValueError, so a
500) on every route that looks a path segment up: commitments, feeds, API detail routes, the
editor's pages. One check here covers them all, whichever route is added next.
"""

from django.http import Http404


class RefuseNulPathsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path_info:
            raise Http404("No such page.")
        return self.get_response(request)
