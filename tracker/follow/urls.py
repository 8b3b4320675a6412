"""Included into tracker/public/urls.py, so the names are `public:follow_*`."""

from django.urls import path

from tracker.follow import views

urlpatterns = [
    path("follow/", views.follow, name="follow_subscribe"),
    path("follow/confirm/<str:token>/", views.confirm, name="follow_confirm"),
    path("follow/unsubscribe/<str:key>/", views.unsubscribe, name="follow_unsubscribe"),
]
