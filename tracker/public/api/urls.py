from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
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
    path("docs/", SpectacularSwaggerView.as_view(url_name="public:api:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="public:api:schema"), name="redoc"),
    path("meetings/<slug:slug>/comparison/", meetings.meeting_comparison, name="meeting-comparison"),
    path("", include(router.urls)),
]
