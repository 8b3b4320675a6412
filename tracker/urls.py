from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path

from tracker.health import healthz


def favicon(request):
    """Browsers and feed readers ask for /favicon.ico whatever a page names (the admin's pages name
    none): send them to the icon rather than log a 404 on every first visit. Resolved per request,
    as the collected file's hashed name is only known once collectstatic has run."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))


urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("favicon.ico", favicon),
    path("admin/", admin.site.urls),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("editor/", include("tracker.editor.urls")),
    path("", include("tracker.public.urls")),
]
