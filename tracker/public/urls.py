from django.urls import path

from tracker.public import views

app_name = "public"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("commitments/", views.commitment_list, name="commitment_list"),
    path("commitments/<str:reference>/", views.commitment_detail, name="commitment_detail"),
    path("dialogues/<slug:slug>/", views.dialogue_detail, name="dialogue_detail"),
    path("parties/<slug:code>/", views.party_detail, name="party_detail"),
]
