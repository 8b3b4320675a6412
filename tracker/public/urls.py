from django.urls import include, path

from tracker.public import archive, changes, embeds, exports, feeds, meetings, offline, views

app_name = "public"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("commitments/", views.commitment_list, name="commitment_list"),
    path("commitments/<str:reference>/", views.commitment_detail, name="commitment_detail"),
    path("dialogues/", views.dialogue_list, name="dialogue_list"),
    path("dialogues/<slug:slug>/", views.dialogue_detail, name="dialogue_detail"),
    path("meetings/<slug:slug>/", meetings.meeting_detail, name="meeting_detail"),
    path("meetings/<slug:slug>/comparison.<str:fmt>", meetings.meeting_export, name="meeting_export"),
    path("parties/", views.party_list, name="party_list"),
    path("parties/<slug:code>/", views.party_detail, name="party_detail"),
    path("methodology/", views.methodology, name="methodology"),
    path("exports/", offline.exports_page, name="exports"),
    path("exports/commitments.csv", exports.export_csv, name="export_csv"),
    path("exports/commitments.json", exports.export_json, name="export_json"),
    path("exports/dump.json", offline.dump, name="export_dump"),
    path("exports/datapackage.zip", offline.export_datapackage, name="export_datapackage"),
    path("feeds/changes/", feeds.all_changes, name="feed_changes"),
    path("feeds/commitments/<str:reference>/", feeds.commitment_changes, name="feed_commitment"),
    path("feeds/dialogues/<slug:slug>/", feeds.dialogue_changes, name="feed_dialogue"),
    path("feeds/parties/<slug:code>/", feeds.party_changes, name="feed_party"),
    path("changes/", changes.changes_page, name="changes"),
    path("changes/changes.csv", changes.changes_csv, name="changes_csv"),
    path("feeds/window/", changes.changes_feed, name="changes_feed"),
    path("corrections/", changes.corrections_page, name="corrections"),
    path("feeds/corrections/", changes.corrections_feed, name="corrections_feed"),
    path("embed/commitments/<str:reference>/", embeds.embed_commitment, name="embed_commitment"),
    path("embed/dialogues/<slug:slug>/", embeds.embed_dialogue, name="embed_dialogue"),
    path("oembed/", embeds.oembed, name="oembed"),
    path("archive/<int:capture>/", archive.archived_copy, name="archived_copy"),
    path("api/", include(("tracker.public.api.urls", "api"))),
    # Follow by e-mail (tracker.follow): public:follow_subscribe, _confirm, _unsubscribe.
    path("", include("tracker.follow.urls")),
]
