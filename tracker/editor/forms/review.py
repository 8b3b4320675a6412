"""The two inboxes: decisions on candidates (proposed commitments) and on suggestions (proposed
evidence), each routed to its verb in `tracker.ingest.decisions`."""

from __future__ import annotations

from typing import cast

from django import forms
from django.core.exceptions import ValidationError

from tracker.commitments import actions
from tracker.commitments.models import Commitment, Meeting, Party
from tracker.commitments.status import Status
from tracker.editor.forms.fields import DATE, CommitmentRefField, FastSelect, apply_errors, party_field, topic_field
from tracker.ingest import decisions
from tracker.ingest.models import Candidate, Suggestion


class CandidateAcceptForm(forms.Form):
    """Edit then accept: the candidate's proposal, changed where the editor knows better."""

    title = forms.CharField(max_length=250)
    quote = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}))
    meeting = forms.ModelChoiceField(queryset=Meeting.objects.select_related("dialogue"), widget=FastSelect)
    parties = party_field()
    topics = topic_field()
    strength = forms.ChoiceField(choices=Commitment.Strength.choices)
    deadline = forms.DateField(required=False, widget=DATE)
    deadline_text = forms.CharField(max_length=200, required=False, label="Deadline as written")
    deadline_granularity = forms.ChoiceField(
        choices=[("", "—"), *Commitment.Granularity.choices], required=False, label="Deadline precision"
    )
    parent = CommitmentRefField(help_text="A reference, if this is a sub-commitment.")
    predecessor = CommitmentRefField(help_text="The same pledge at an earlier round.")
    publish = forms.BooleanField(required=False, label="Publish at once")

    def __init__(self, *args, candidate: Candidate, **kwargs):
        self.candidate = candidate
        kwargs["initial"] = {
            "title": actions.short_title(candidate.quote),
            "quote": candidate.quote,
            "meeting": candidate.article.meeting_id,
            "parties": [p.pk for p in candidate.parties.all()],
            "topics": [t.pk for t in candidate.topics.all()],
            "strength": candidate.strength,
            "deadline": candidate.deadline,
            "deadline_text": candidate.deadline_text,
            "deadline_granularity": candidate.deadline_granularity,
            **(kwargs.get("initial") or {}),
        }
        super().__init__(*args, **kwargs)

    def save(self, *, user) -> Commitment | None:
        try:
            return decisions.accept_candidate(candidate=self.candidate, reviewer=user, **self.cleaned_data)
        except ValidationError as error:
            apply_errors(self, error)
            return None


class CandidateMergeForm(forms.Form):
    commitment = CommitmentRefField(required=True, label="Commitment it repeats")

    def __init__(self, *args, candidate: Candidate, **kwargs):
        self.candidate = candidate
        if candidate.duplicate_of is not None:
            kwargs["initial"] = {"commitment": candidate.duplicate_of.reference, **(kwargs.get("initial") or {})}
        super().__init__(*args, **kwargs)

    def save(self, *, user) -> Commitment | None:
        try:
            return decisions.merge_candidate(
                candidate=self.candidate, commitment=self.cleaned_data["commitment"], reviewer=user
            )
        except ValidationError as error:
            apply_errors(self, error)
            return None


REJECTION_REASONS = [
    "Not a commitment: a past action",
    "Not a commitment: a call on others",
    "Not a commitment: discussed or noted only",
    "Too vague to verify",
    "Already proposed from this article",
]


class RejectForm(forms.Form):
    reason = forms.CharField(
        max_length=1000,
        widget=forms.TextInput(attrs={"list": "reasons", "placeholder": "Why? e.g. a past action"}),
    )

    def __init__(self, *args, candidate: Candidate, **kwargs):
        self.candidate = candidate
        super().__init__(*args, **kwargs)

    def save(self, *, user) -> bool:
        try:
            decisions.reject_candidate(candidate=self.candidate, reviewer=user, reason=self.cleaned_data["reason"])
        except ValidationError as error:
            apply_errors(self, error)
            return False
        return True


class BulkReviewForm(forms.Form):
    """Accept or reject the ticked candidates: all of them or, if one cannot be, none."""

    candidates = forms.ModelMultipleChoiceField(
        queryset=Candidate.objects.pending(), error_messages={"required": "Tick at least one candidate."}
    )
    action = forms.ChoiceField(choices=[("accept", "Accept"), ("reject", "Reject")])
    reason = forms.CharField(max_length=1000, required=False)

    def clean(self):
        data = super().clean()
        assert data is not None  # Form.clean returns cleaned_data
        if data.get("action") == "reject" and not (data.get("reason") or "").strip():
            self.add_error("reason", "Give a reason for rejecting them.")
        return data

    def save(self, *, user) -> int:
        """How many were decided; 0 (with errors on the form) if any one was refused."""
        data = self.cleaned_data
        try:
            return decisions.decide_candidates(
                candidates=list(data["candidates"].select_related("article")),
                accept=data["action"] == "accept",
                reason=data["reason"],
                reviewer=user,
            )
        except ValidationError as error:
            apply_errors(self, error)
            return 0


# --- Evidence suggestions ---------------------------------------------------------------------


class SuggestionAcceptForm(forms.Form):
    """Accept the passage as evidence; with a status, record an assessment that cites it."""

    status = forms.ChoiceField(
        choices=[("", "Evidence only, no assessment"), *Status.choices], required=False, label="Record status"
    )
    party = forms.ModelChoiceField(
        queryset=Party.objects.none(), required=False, empty_label="The commitment as a whole"
    )
    as_of = forms.DateField(required=False, widget=DATE, label="True since")
    rationale = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)
    later = forms.CharField(
        max_length=40,
        required=False,
        label="Later commitment",
        help_text="Its reference; empty for the commitment this passage became.",
    )

    also = forms.MultipleChoiceField(
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Also evidence for",
        help_text="The other commitments this passage reports on; those left unticked are set aside.",
    )

    def __init__(self, *args, suggestion, alternatives=None, **kwargs):
        self.suggestion = suggestion
        # The card's other proposals for this passage (given by the inbox, else looked up).
        self.alternatives = (
            list(decisions.alternatives_of(suggestion).select_related("commitment"))
            if (alternatives is None)
            else list(alternatives)
        )
        kwargs["initial"] = {
            "status": suggestion.proposed_status,
            "party": suggestion.party_id,
            "as_of": suggestion.article.published_on,
            # The passage is the reason the pipeline proposes the status; the editor edits it.
            "rationale": f"{suggestion.article}: “{suggestion.passage[:300]}”" if suggestion.proposed_status else "",
            **(kwargs.get("initial") or {}),
        }
        kwargs["prefix"] = kwargs.get("prefix") or f"s{suggestion.pk}"
        super().__init__(*args, **kwargs)
        # The commitment's parties, already prefetched by the inbox: no query per suggestion.
        parties = list(suggestion.commitment.parties.all())
        party_choice = cast(forms.ModelChoiceField, self.fields["party"])
        party_choice.queryset = Party.objects.filter(pk__in=[p.pk for p in parties])
        party_choice.choices = [("", "The commitment as a whole"), *((p.pk, p.name) for p in parties)]
        # A restatement is lineage: no status, no party, only the later commitment it links.
        self.is_restatement = suggestion.kind == Suggestion.Kind.RESTATEMENT
        for name in ("status", "party", "as_of", "rationale", "also") if self.is_restatement else ("later",):
            del self.fields[name]
        if "also" in self.fields:
            if self.alternatives:
                cast(forms.ChoiceField, self.fields["also"]).choices = [
                    (str(s.pk), f"{s.commitment.reference} {s.commitment.title}") for s in self.alternatives
                ]
            else:
                del self.fields["also"]
        # One committing party: its status is the overall status (methodology, "headline"), so
        # there is no "whole or party" choice; the assessment is recorded for that party.
        self.only_party = parties[0] if len(parties) == 1 else None
        if self.only_party is not None and "party" in self.fields:
            del self.fields["party"]

    def clean_later(self):
        reference = (self.cleaned_data.get("later") or "").strip()
        if not reference:
            return None
        later = Commitment.objects.filter(reference__iexact=reference).first()
        if later is None:
            raise ValidationError(f"No commitment {reference}.")
        return later

    def clean(self):
        data = super().clean()
        assert data is not None  # Form.clean returns cleaned_data
        if data.get("status") and not (data.get("rationale") or "").strip():
            self.add_error("rationale", "Say why: the rationale is what readers cite.")
        return data

    def save(self, *, user):
        data = self.cleaned_data
        try:
            if self.is_restatement:
                return decisions.accept_restatement(suggestion=self.suggestion, reviewer=user, later=data["later"])
            return decisions.accept_suggestion(
                suggestion=self.suggestion,
                reviewer=user,
                status=data["status"] or None,
                as_of=data["as_of"],
                rationale=data["rationale"],
                party=self.only_party or data.get("party"),
                also=[s for s in self.alternatives if str(s.pk) in set(data.get("also") or ())],
            )
        except ValidationError as error:
            apply_errors(self, error)
            return None


class SuggestionRejectForm(forms.Form):
    reason = forms.CharField(max_length=1000, required=False)

    def __init__(self, *args, suggestion, **kwargs):
        self.suggestion = suggestion
        super().__init__(*args, **kwargs)

    def save(self, *, user) -> bool:
        try:
            decisions.reject_suggestion(suggestion=self.suggestion, reviewer=user, reason=self.cleaned_data["reason"])
        except ValidationError as error:
            apply_errors(self, error)
            return False
        return True
