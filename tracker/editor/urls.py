"""The editor workspace. Every view passes `EditorRequiredMixin`: tests/test_editor_permissions.py
walks this list and refuses each URL to an outsider and to an anonymous reader."""

from django.urls import path

from tracker.editor import views
from tracker.editor.views import alignments, archive, second_opinion
from tracker.editor.views.queue import DigestPreference

app_name = "editor"

urlpatterns = [
    path("", views.Home.as_view(), name="home"),
    # Bringing documents in, and their progress through the pipeline.
    path("import/", views.ImportPage.as_view(), name="import"),
    path("import/text/", views.ImportText.as_view(), name="import_text"),
    path("import/file/", views.ImportFile.as_view(), name="import_file"),
    path("import/url/", views.ImportUrl.as_view(), name="import_url"),
    path("articles/", views.ArticleList.as_view(), name="article_list"),
    path("articles/<int:pk>/", views.ArticleDetail.as_view(), name="article_detail"),
    path("articles/<int:pk>/status/", views.ArticleStatus.as_view(), name="article_status"),
    path("articles/<int:pk>/retry/", views.ArticleRetry.as_view(), name="article_retry"),
    path("feeds/", views.FeedList.as_view(), name="feed_list"),
    path("feeds/new/", views.FeedCreate.as_view(), name="feed_create"),
    path("feeds/<int:pk>/edit/", views.FeedUpdate.as_view(), name="feed_update"),
    path("feeds/<int:pk>/poll/", views.FeedPoll.as_view(), name="feed_poll"),
    # The review inbox: proposed commitments.
    path("inbox/", views.Inbox.as_view(), name="inbox"),
    path("inbox/bulk/", views.BulkReview.as_view(), name="bulk_review"),
    path("candidates/<int:pk>/accept/", views.CandidateAccept.as_view(), name="candidate_accept"),
    path("candidates/<int:pk>/edit/", views.CandidateEdit.as_view(), name="candidate_edit"),
    path("candidates/<int:pk>/merge/", views.CandidateMerge.as_view(), name="candidate_merge"),
    path("candidates/<int:pk>/reject/", views.CandidateReject.as_view(), name="candidate_reject"),
    # The evidence inbox: proposed evidence.
    path("evidence/", views.EvidenceInbox.as_view(), name="evidence_inbox"),
    path("suggestions/<int:pk>/accept/", views.SuggestionAccept.as_view(), name="suggestion_accept"),
    path("suggestions/<int:pk>/reject/", views.SuggestionReject.as_view(), name="suggestion_reject"),
    path("articles/<int:pk>/not-evidence/", views.ArticleNotEvidence.as_view(), name="article_not_evidence"),
    path(
        "articles/<int:pk>/suggest-evidence/", views.ArticleSuggestEvidence.as_view(), name="article_suggest_evidence"
    ),
    # The record by hand.
    path("commitments/", views.CommitmentList.as_view(), name="commitment_list"),
    path("commitments/new/", views.CommitmentCreate.as_view(), name="commitment_create"),
    path("commitments/<str:reference>/", views.CommitmentDetail.as_view(), name="commitment_detail"),
    path("commitments/<str:reference>/edit/", views.CommitmentUpdate.as_view(), name="commitment_update"),
    path("commitments/<str:reference>/publish/", views.CommitmentPublish.as_view(), name="commitment_publish"),
    path("commitments/<str:reference>/unpublish/", views.CommitmentUnpublish.as_view(), name="commitment_unpublish"),
    path("commitments/<str:reference>/sources/new/", views.SourceCreate.as_view(), name="source_create"),
    path("commitments/<str:reference>/assess/", views.AssessmentCreate.as_view(), name="assessment_create"),
    path(
        "commitments/<str:reference>/assessments/<int:pk>/correct/",
        views.AssessmentCorrect.as_view(),
        name="assessment_correct",
    ),
    path("commitments/<str:reference>/history/", views.CommitmentHistory.as_view(), name="commitment_history"),
    path("meetings/", views.MeetingList.as_view(), name="meeting_list"),
    path("meetings/new/", views.MeetingCreate.as_view(), name="meeting_create"),
    path("meetings/<int:pk>/", views.MeetingDetail.as_view(), name="meeting_detail"),
    path("meetings/<int:pk>/edit/", views.MeetingUpdate.as_view(), name="meeting_update"),
    path("meetings/<int:pk>/history/", views.MeetingHistory.as_view(), name="meeting_history"),
    path("meetings/<int:pk>/alignments/", alignments.MeetingAlignments.as_view(), name="meeting_alignments"),
    path("alignments/<int:pk>/confirm/", alignments.AlignmentConfirm.as_view(), name="alignment_confirm"),
    path("alignments/<int:pk>/change/", alignments.AlignmentChange.as_view(), name="alignment_change"),
    path("alignments/<int:pk>/reject/", alignments.AlignmentReject.as_view(), name="alignment_reject"),
    path("dialogues/", views.DialogueList.as_view(), name="dialogue_list"),
    path("dialogues/new/", views.DialogueCreate.as_view(), name="dialogue_create"),
    path("dialogues/<int:pk>/", views.DialogueDetail.as_view(), name="dialogue_detail"),
    path("dialogues/<int:pk>/edit/", views.DialogueUpdate.as_view(), name="dialogue_update"),
    path("dialogues/<int:pk>/history/", views.DialogueHistory.as_view(), name="dialogue_history"),
    # Archived sources: live pages changed or gone, failed captures.
    path("archive/", archive.ArchiveList.as_view(), name="archive"),
    path("archive/<int:pk>/copy/", archive.ArchivedCopyView.as_view(), name="archived_copy"),
    path("archive/<int:pk>/retry/", archive.ArchiveRetry.as_view(), name="archive_retry"),
    path("csv/", views.CsvImport.as_view(), name="csv_import"),
    path("csv/confirm/", views.CsvConfirm.as_view(), name="csv_confirm"),
    # Second opinions on the assessments of dialogues that require two editors.
    path("second-opinions/", second_opinion.SecondOpinionList.as_view(), name="second_opinions"),
    path("second-opinions/<int:pk>/agree/", second_opinion.ProposalAgree.as_view(), name="proposal_agree"),
    path("second-opinions/<int:pk>/disagree/", second_opinion.ProposalDisagree.as_view(), name="proposal_disagree"),
    path("second-opinions/<int:pk>/revise/", second_opinion.ProposalRevise.as_view(), name="proposal_revise"),
    path("second-opinions/<int:pk>/withdraw/", second_opinion.ProposalWithdraw.as_view(), name="proposal_withdraw"),
    # The editor's own settings.
    path("settings/digest/", DigestPreference.as_view(), name="digest_preference"),
]
