from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from tracker.public.api import meetings, root, views

router = DefaultRouter()
router.APIRootView = root.APIRoot
router.register("commitments", views.CommitmentViewSet, basename="commitment")
router.register("assessments", views.AssessmentViewSet, basename="assessment")
router.register("dialogues", views.DialogueViewSet, basename="dialogue")
router.register("meetings", views.MeetingViewSet, basename="meeting")
router.register("parties", views.PartyViewSet, basename="party")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves Swagger UI's set-up script as a file: no inline script (the site's CSP).
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="public:api:schema"), name="docs"),
    # ReDoc (third-party) writes <style> elements at run time and takes no nonce for them: its page
    # alone allows inline style (and its search worker, started from a blob). Its scripts stay under
    # the site's policy.
    path(
        "redoc/",
        csp_update({"style-src": [UNSAFE_INLINE], "worker-src": ["blob:"]})(
            SpectacularRedocView.as_view(url_name="public:api:schema")
        ),
        name="redoc",
    ),
    path("meetings/<slug:slug>/comparison/", meetings.meeting_comparison, name="meeting-comparison"),
    path("", include(router.urls)),
]
