"""The site's URLconf plus `/__noop__/`, a view that does nothing, for benchmarks/web.py only.

Every page's requests per second are divided by the no-op view's, measured on the same server in
the same run: the ratio says what the page costs beyond the server, the middleware and the client.
"""

from django.http import HttpResponse
from django.urls import path

from tracker.urls import urlpatterns as site_patterns


def noop(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("__noop__/", noop, name="benchmark_noop"), *site_patterns]
