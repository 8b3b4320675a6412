"""Forms of the second opinion (`commitments/second_opinion.py`) and of an editor's own settings.

On a dialogue that requires two editors, the assessment and correction forms keep their fields and
their checks but propose instead of record; the views pick these classes for such a commitment.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction

from tracker.commitments import second_opinion
from tracker.editor.forms.fields import apply_errors
from tracker.editor.forms.records import AssessmentForm, CorrectionForm
from tracker.editor.models import EditorPreference


def _run(form, verb, **kwargs):
    """Call a verb for `form`; its refusal goes onto the form and the method returns None."""
    try:
        with transaction.atomic():
            return verb(**kwargs)
    except ValidationError as error:
        apply_errors(form, error)
        return None


class ProposalForm(AssessmentForm):
    """The assessment form of a commitment whose dialogue requires a second opinion."""

    proposes = True  # the template says so, and its button proposes rather than records

    def save(self, *, user):
        data = self.cleaned_data

        def propose():
            return second_opinion.propose_assessment(
                commitment=self.commitment,
                party=self.only_party or data["party"],
                status=data["status"],
                as_of=data["as_of"],
                rationale=data["rationale"],
                evidence=self.evidence(author=user),
                author=user,
            )

        return _run(self, propose)


class ProposedCorrectionForm(CorrectionForm):
    """The correction form of such a commitment: the correction waits for a second opinion too."""

    proposes = True

    def save(self, *, user):
        data = self.cleaned_data
        old = self.assessment

        def propose():
            return second_opinion.propose_assessment(
                commitment=old.commitment,
                party=data["party"] if "party" in self.fields else old.party,
                status=data["status"],
                as_of=data["as_of"],
                rationale=data["rationale"],
                evidence=self.evidence(author=user),
                supersedes=old,
                correction_reason=data["reason"],
                author=user,
            )

        return _run(self, propose)


class ReviseForm(AssessmentForm):
    """The proposer's revision of a waiting or disagreed proposal."""

    correction_reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), required=False, label="What was wrong (for a correction)"
    )

    def __init__(self, *args, proposal, **kwargs):
        self.proposal = proposal
        kwargs["initial"] = {
            "party": proposal.party_id,
            "status": proposal.status,
            "as_of": proposal.as_of,
            "rationale": proposal.rationale,
            "correction_reason": proposal.correction_reason,
            **(kwargs.get("initial") or {}),
        }
        super().__init__(*args, commitment=proposal.commitment, **kwargs)
        if proposal.supersedes_id is None:
            del self.fields["correction_reason"]

    def save(self, *, user):
        data = self.cleaned_data
        evidence = self.evidence(author=user) if data.get("evidence_url") or data.get("evidence_article") else None

        def revise():
            return second_opinion.revise(
                proposal=self.proposal,
                editor=user,
                party=self.only_party or data["party"],
                status=data["status"],
                as_of=data["as_of"],
                rationale=data["rationale"],
                # No new evidence given: the proposal keeps what it cites.
                evidence=self.proposal.evidence.all() if evidence is None else evidence,
                correction_reason=data.get("correction_reason", ""),
            )

        return _run(self, revise)


class DisagreeForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Why you disagree",
        help_text="The proposer reads it to revise or withdraw the assessment.",
    )

    def __init__(self, *args, proposal, **kwargs):
        self.proposal = proposal
        super().__init__(*args, **kwargs)

    def save(self, *, user):
        return _run(
            self, second_opinion.disagree, proposal=self.proposal, editor=user, reason=self.cleaned_data["reason"]
        )


class PreferenceForm(forms.ModelForm):
    class Meta:
        model = EditorPreference
        fields = ["daily_digest"]

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_daily_digest(self):
        wanted = self.cleaned_data["daily_digest"]
        if wanted and not self.user.email:
            raise ValidationError("Your account has no e-mail address: ask an administrator to add one first.")
        return wanted

    def save(self, *, user):  # type: ignore[override]  # saved through a verb, by its editor
        preference, _ = EditorPreference.objects.update_or_create(
            user=user, defaults={"daily_digest": self.cleaned_data["daily_digest"]}
        )
        return preference
