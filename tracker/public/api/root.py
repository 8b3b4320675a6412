"""/api/: what the read API is and where its documentation lives, instead of DRF's "Api Root"."""

from __future__ import annotations

from django.urls import reverse
from rest_framework import routers
from rest_framework.response import Response

from tracker.public import links

# The documentation views of api/urls.py, by the key they appear under at /api/.
DOCUMENTATION = {
    "schema": ("public:api:schema", "The OpenAPI 3 schema (YAML; add ?format=json for JSON)."),
    "docs": ("public:api:docs", "Interactive documentation (Swagger UI): try every endpoint."),
    "redoc": ("public:api:redoc", "Reference documentation (Redoc)."),
}


class APIRoot(routers.APIRootView):
    """Read-only JSON of everything the tracker publishes: commitments with their status now or on
    any past date (?as_of=YYYY-MM-DD), the append-only log of assessments with its evidence,
    dialogues, meetings and parties. No account or key is needed; drafts and editors' names are
    never shown. Lists are paginated and take the same filters as the public list pages.

    Start with the documentation below (docs, redoc, schema); the links before it are the
    collections. The CSV and JSON exports and the full dump are described at /exports/.
    """

    def get_view_name(self):
        return "Commitment Tracker read API"

    def get(self, request, *args, **kwargs):
        # Absolute links as everywhere else: SITE_URL when set, else the request's address.
        def url(name: str) -> str:
            return links.absolute(reverse(name), request)

        # The collections stay at the top level, where clients of the first version found them.
        return Response(
            {
                **{prefix: url(f"public:api:{name}") for prefix, name in self.api_root_dict.items()},
                "name": self.get_view_name(),
                "description": " ".join(self.__doc__.split("\n\n")[0].split()),
                "documentation": {
                    key: {"url": url(name), "about": about} for key, (name, about) in DOCUMENTATION.items()
                },
                "exports": url("public:exports"),
            }
        )
