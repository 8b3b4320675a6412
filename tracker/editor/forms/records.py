"""The record by hand: commitments, their sources and assessments, meetings and dialogues."""

from __future__ import annotations

from typing import cast

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from tracker.commitments import actions
from tracker.commitments.models import Commitment, Dialogue, Meeting, Party
from tracker.commitments.status import Status
from tracker.editor.forms.fields import (
    DATE,
    ArticleField,
    CommitmentRefField,
    FastSelect,
    apply_errors,
    formfield,
    http_only,
    party_field,
    topic_field,
)
from tracker.ingest import decisions, pipeline


class CommitmentForm(forms.ModelForm):
    """Every descriptive field of a commitment; its status only ever changes through assessments."""

    parties = party_field()
    topics = topic_field(help_text="Most relevant first in texts.")
    parent = CommitmentRefField(help_text="A reference, if this is a sub-commitment of another.")
    predecessor = CommitmentRefField(help_text="The same pledge made at an earlier round.")

    class Meta:
        model = Commitment
        formfield_callback = formfield
        fields = [
            "title",
            "quote",
            "source_url",
            "meeting",
            "parties",
            "topics",
            "strength",
            "deadline",
            "deadline_text",
            "deadline_granularity",
            "made_on",
            "parent",
            "predecessor",
            "notes",
        ]
        widgets = {
            "quote": forms.Textarea(attrs={"rows": 4}),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "deadline": DATE,
            "made_on": DATE,
        }
        labels = {"deadline_text": "Deadline as written", "deadline_granularity": "Deadline precision"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["meeting"]).queryset = Meeting.objects.select_related("dialogue")
        self.fields["made_on"].required = False
        self.fields["made_on"].help_text = "Leave empty for the meeting's date."
        if self.instance.pk:
            for name in ("parent", "predecessor"):
                cast(forms.ModelChoiceField, self.fields[name]).queryset = Commitment.objects.exclude(
                    pk=self.instance.pk
                )
                related = getattr(self.instance, name)
                self.initial[name] = related.reference if related else ""

    def clean(self):
        data = super().clean()
        assert data is not None  # Form.clean returns cleaned_data
        if not data.get("made_on") and data.get("meeting"):
            data["made_on"] = data["meeting"].date
        return data

    def _post_clean(self):
        # Model validation runs in the verbs (full_clean), with the meeting's date filled in.
        pass

    def save(self, *, user) -> Commitment | None:  # type: ignore[override]  # saved through a verb, by its author
        data = dict(self.cleaned_data)
        parties, topics = data.pop("parties"), data.pop("topics")
        extra = {name: data.pop(name) for name in ("reference", "publish") if name in data}
        try:
            if self.instance.pk:
                return actions.update_commitment(
                    commitment=self.instance, author=user, parties=parties, topics=topics, **data
                )
            return actions.create_commitment(
                parties=parties,
                topics=topics,
                author=user,
                reference=extra.get("reference") or None,
                publish=extra.get("publish", False),
                **data,
            )
        except ValidationError as error:
            apply_errors(self, error)
            return None


class CommitmentCreateForm(CommitmentForm):
    reference = forms.RegexField(
        regex=r"^[A-Za-z][A-Za-z0-9]*-\d{4}-\d+$",
        required=False,
        help_text="Leave empty for the next free one of the meeting, e.g. LECD-2017-04.",
        error_messages={"invalid": "A reference looks like LECD-2017-03."},
    )
    publish = forms.BooleanField(required=False, label="Publish at once")

    field_order = ["reference"]

    def clean_reference(self):
        reference = self.cleaned_data["reference"].strip().upper()
        if reference and Commitment.objects.filter(reference=reference).exists():
            raise ValidationError(f"{reference} is taken.")
        return reference


class SourceForm(forms.Form):
    """Another document stating the commitment: an article in the system, or an address."""

    article = ArticleField()
    url = forms.URLField(max_length=2000, required=False, label="or address", assume_scheme="https")
    quote = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    issuing_party = forms.ModelChoiceField(queryset=Party.objects.all(), widget=FastSelect, required=False)

    def __init__(self, *args, commitment: Commitment, **kwargs):
        self.commitment = commitment
        super().__init__(*args, **kwargs)

    def clean_url(self):
        url = self.cleaned_data["url"]
        return http_only(url) if url else url

    def clean(self):
        data = super().clean()
        assert data is not None  # Form.clean returns cleaned_data
        if not data.get("article") and not data.get("url") and not self.errors:
            raise ValidationError("Choose an article or give an address.")
        return data

    def save(self, *, user):
        data = self.cleaned_data
        try:
            return actions.add_source(
                commitment=self.commitment,
                article=data["article"],
                url=data["url"],
                quote=data["quote"],
                issuing_party=data["issuing_party"],
                author=user,
            )
        except ValidationError as error:
            apply_errors(self, error)
            return None


class EvidenceFields(forms.Form):
    """Evidence for an assessment: an address (fetched and archived), or an article in the system."""

    evidence_url = forms.URLField(
        max_length=2000,
        required=False,
        label="Evidence address",
        assume_scheme="https",
        help_text="It is fetched and archived with its content hash.",
    )
    evidence_article = ArticleField(label="or an imported article")
    evidence_passage = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False, label="Quoted passage")

    def clean_evidence_url(self):
        url = self.cleaned_data["evidence_url"]
        return http_only(url) if url else url

    def clean(self):
        data = super().clean()
        assert data is not None  # Form.clean returns cleaned_data
        if data.get("evidence_url") and data.get("evidence_article"):
            raise ValidationError("Give an address or an article, not both.")
        return data

    def evidence(self, *, author) -> list:
        """The Evidence rows to cite (imports the address first)."""
        data = self.cleaned_data
        article = data.get("evidence_article")
        if data.get("evidence_url"):
            try:
                article, _ = pipeline.import_article(url=data["evidence_url"], created_by=author)
            except pipeline.InputError as error:
                raise ValidationError({"evidence_url": error.messages}) from None
        if article is None:
            return []
        return [
            decisions.evidence_from_article(article=article, passage=data.get("evidence_passage", ""), author=author)
        ]


class AssessmentForm(EvidenceFields):
    party = forms.ModelChoiceField(
        queryset=Party.objects.none(),
        required=False,
        empty_label="The commitment as a whole",
        help_text="Or one side's compliance.",
    )
    status = forms.ChoiceField(choices=Status.choices)
    as_of = forms.DateField(widget=DATE, label="True since", help_text="The date it became true in the world.")
    rationale = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}))

    field_order = ["party", "status", "as_of", "rationale"]

    def __init__(self, *args, commitment: Commitment, **kwargs):
        self.commitment = commitment
        kwargs["initial"] = {"as_of": timezone.localdate(), **(kwargs.get("initial") or {})}
        super().__init__(*args, **kwargs)
        parties = list(commitment.parties.all())
        if len(parties) == 1:
            # One committing party: its status is the overall status (methodology, "headline"),
            # so there is no choice to make; the assessment is recorded for that party.
            del self.fields["party"]
            self.only_party: Party | None = parties[0]
        else:
            self.only_party = None
            cast(forms.ModelChoiceField, self.fields["party"]).queryset = commitment.parties.all()

    def save(self, *, user):
        data = self.cleaned_data
        try:
            with transaction.atomic():
                return actions.record_assessment(
                    commitment=self.commitment,
                    party=self.only_party or data["party"],
                    status=data["status"],
                    as_of=data["as_of"],
                    rationale=data["rationale"],
                    evidence=self.evidence(author=user),
                    author=user,
                )
        except ValidationError as error:
            apply_errors(self, error)
            return None


class CorrectionForm(EvidenceFields):
    party = forms.ModelChoiceField(
        queryset=Party.objects.none(),
        required=False,
        empty_label="The commitment as a whole",
        label="For",
        help_text="Change it if the assessment was recorded for the wrong party.",
    )
    status = forms.ChoiceField(choices=Status.choices)
    as_of = forms.DateField(widget=DATE, label="True since")
    rationale = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}))
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        label="What was wrong",
        help_text="Shown with the correction; the corrected assessment stays in the log.",
    )

    field_order = ["party", "status", "as_of", "rationale", "reason"]

    def __init__(self, *args, assessment, **kwargs):
        self.assessment = assessment
        kwargs["initial"] = {
            "party": assessment.party_id,
            "status": assessment.status,
            "as_of": assessment.as_of,
            "rationale": assessment.rationale,
            **(kwargs.get("initial") or {}),
        }
        super().__init__(*args, **kwargs)
        parties = assessment.commitment.parties.all()
        if len(parties) == 1 and assessment.party_id is None:
            del self.fields["party"]  # one committing party: the whole and the party are one status
        else:
            cast(forms.ModelChoiceField, self.fields["party"]).queryset = parties

    def save(self, *, user):
        data = self.cleaned_data
        try:
            with transaction.atomic():
                return actions.correct_assessment(
                    assessment=self.assessment,
                    party=data["party"] if "party" in self.fields else self.assessment.party,
                    status=data["status"],
                    as_of=data["as_of"],
                    rationale=data["rationale"],
                    reason=data["reason"],
                    evidence=self.evidence(author=user),
                    author=user,
                )
        except ValidationError as error:
            apply_errors(self, error)
            return None


class MeetingForm(forms.ModelForm):
    parties = party_field()

    class Meta:
        model = Meeting
        formfield_callback = formfield
        fields = ["dialogue", "title", "slug", "kind", "date", "end_date", "place", "co_chairs", "parties", "summary"]
        widgets = {
            "date": DATE,
            "end_date": DATE,
            "co_chairs": forms.Textarea(attrs={"rows": 2}),
            "summary": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["slug"].help_text = "Leave empty to make one from the title and date."

    def clean(self):
        data = super().clean()
        assert data is not None  # Form.clean returns cleaned_data
        if not data.get("slug") and data.get("title") and data.get("date"):
            data["slug"] = slugify(f"{data['title']} {data['date']:%Y-%m-%d}")[:120]
        return data

    def save(self, *, user):  # type: ignore[override]  # the editor's forms all save by user
        return super().save()


class DialogueForm(forms.ModelForm):
    parties = party_field()

    class Meta:
        model = Dialogue
        formfield_callback = formfield
        fields = [
            "name",
            "short_name",
            "slug",
            "reference_prefix",
            "parties",
            "state",
            "state_note",
            "established_on",
            "description",
            "requires_second_opinion",
        ]
        widgets = {"established_on": DATE, "description": forms.Textarea(attrs={"rows": 3})}

    def clean_reference_prefix(self):
        return self.cleaned_data["reference_prefix"].strip().upper()

    def save(self, *, user):  # type: ignore[override]  # the editor's forms all save by user
        return super().save()
