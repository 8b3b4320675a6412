"""Forms of the editor workspace. Each `save()` calls the one verb that makes the change
(`actions.*`, `review.*`, `pipeline.import_article`): the views only route requests to them."""

from __future__ import annotations

import datetime
import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.forms.utils import flatatt
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import slugify

from tracker.commitments import actions
from tracker.commitments.models import Commitment, Dialogue, Meeting, Party, Topic
from tracker.commitments.status import Status
from tracker.ingest import filetypes, outbox, pipeline, review
from tracker.ingest.models import Article, Candidate, DocumentKind, Feed, Suggestion

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class FastSelectMixin:
    """Options rendered in Python rather than one template each: a select of every party (some
    250 options, four of them on the import page) renders in milliseconds, not a third of a second."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (
                    "" if option["value"] is None else option["value"],
                    " selected" if option["selected"] else "",
                    option["label"],
                )
                for _, group, _ in widget["optgroups"]
                for option in group
            ),
        )
        return format_html('<select name="{}"{}>{}</select>', widget["name"], flatatt(widget["attrs"]), options)


class FastSelect(FastSelectMixin, forms.Select):
    pass


def formfield(field, **kwargs):
    """ModelForm fields as the model says, addresses typed without a scheme taken as https, and
    selects of parties and meetings rendered fast."""
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    if isinstance(field, models.ForeignKey):
        kwargs["widget"] = FastSelect
    return field.formfield(**kwargs)


def apply_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a verb's ValidationError on the form: on its field when the form has one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


class ArticleField(forms.ModelChoiceField):
    """An imported article, found by words of its title or its date, as an editor remembers it.

    The page lists the recent ones in <datalist id="articles"> (editor/_datalist_articles.html),
    whose entries read "Title — 12 Mar 2019 — #42": the browser narrows them as she types, with
    no JavaScript. Whatever she types is searched here too, so an older article is found as well:
    a "#42" (or a bare number) picks that article; otherwise every word must occur in the title
    (or address, or file name), and a date (2019-03-12) matches the publication date. One match
    is taken; several are listed back, so she can add a word or pick from the list.
    """

    widget = forms.TextInput(
        attrs={
            "list": "articles",
            "size": 60,
            "autocomplete": "off",
            "placeholder": "Words of its title, or its date (2019-03-12)",
        }
    )
    default_error_messages = {"invalid_choice": "There is no article with that number."}
    SHOWN = 5

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", "An imported article: type words of its title or its date, then pick it.")
        super().__init__(queryset=Article.objects.defer("raw", "text", "metadata"), **kwargs)

    def to_python(self, value):
        text = " ".join(str(value or "").split())
        if text in self.empty_values:
            return None
        if number := re.fullmatch(r"(?:.*\s)?#(\d+)|#?(\d+)", text):
            return super().to_python(number.group(1) or number.group(2))
        matches = list(self._search(text)[: self.SHOWN + 1])
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise ValidationError(f"No imported article matches “{text}”: try fewer words, or its date.")
        listed = "; ".join(article_choice_label(article) for article in matches[: self.SHOWN])
        more = " and more" if len(matches) > self.SHOWN else ""
        raise ValidationError(
            f"Several articles match “{text}”: {listed}{more}. Add a word, or pick one from the list."
        )

    def prepare_value(self, value):
        return article_choice_label(value) if isinstance(value, Article) else super().prepare_value(value)

    def _search(self, text: str):
        queryset = self.queryset.order_by("-published_on", "-pk")
        for word in text.split():
            try:
                day = datetime.date.fromisoformat(word)
            except ValueError:
                queryset = queryset.filter(
                    Q(title__icontains=word) | Q(url__icontains=word) | Q(filename__icontains=word)
                )
            else:
                queryset = queryset.filter(published_on=day)
        return queryset


def article_choice_label(article: Article) -> str:
    """How an article reads in the picker's list (and in "several match"): title, date, number."""
    parts = [str(article)[:100]]
    if article.published_on:
        parts.append(f"{article.published_on.day} {article.published_on:%b %Y}")
    return " — ".join([*parts, f"#{article.pk}"])


class CommitmentRefField(forms.ModelChoiceField):
    """A commitment by its reference (e.g. LECD-2017-03), typed or picked from <datalist id="commitments">."""

    widget = forms.TextInput(attrs={"list": "commitments", "size": 16, "autocomplete": "off"})
    default_error_messages = {"invalid_choice": "There is no commitment with that reference."}

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(queryset=Commitment.objects.all(), to_field_name="reference", **kwargs)

    def to_python(self, value):
        return super().to_python(value.strip().upper() if isinstance(value, str) else value)


class PartyPicker(forms.CheckboxSelectMultiple):
    """Some 280 parties as a list of checkboxes, the chosen ones first, with a filter box.

    Without JavaScript it is a plain checkbox list in a scrolling box (tick as many as needed; the
    browser's find works in it); editor.js shows the filter box, which narrows the list to the
    parties whose name, short name, code or alias contains what is typed. Rendered in Python, not
    one template per option (FastSelectMixin explains why).
    """

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = [option for _, group, _ in widget["optgroups"] for option in group]
        options.sort(key=lambda option: not option["selected"])
        base = widget["attrs"].get("id") or f"id_{name}"
        rows = format_html_join(
            "",
            '<li data-terms="{}"><label><input type="checkbox" name="{}" value="{}" id="{}_{}"{}> {}</label></li>',
            (
                (_party_terms(o["value"]), name, o["value"], base, i, " checked" if o["selected"] else "", o["label"])
                for i, o in enumerate(options)
            ),
        )
        return format_html(
            '<div class="party-picker" data-picker>'
            '<input type="search" class="picker-filter" placeholder="Type to find a party: name, code or alias" '
            'aria-label="Find a party" aria-controls="{}_list" autocomplete="off" hidden>'
            '<ul class="picker-options" id="{}_list">{}</ul></div>',
            base,
            base,
            rows,
        )


def _party_terms(value) -> str:
    """What the filter box matches besides the label: short name, code and aliases."""
    party = getattr(value, "instance", None)
    if party is None:
        return ""
    return " ".join([party.short_name, party.code, party.iso_alpha3, *(party.aliases or [])]).lower()


def party_field(**kwargs) -> forms.ModelMultipleChoiceField:
    kwargs.setdefault("help_text", "Tick every party that commits; type in the box to find one.")
    return forms.ModelMultipleChoiceField(queryset=Party.objects.all(), widget=PartyPicker, **kwargs)


def topic_field(**kwargs) -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(queryset=Topic.objects.all(), widget=forms.CheckboxSelectMultiple, **kwargs)


# --- Import ------------------------------------------------------------------------------------


class ImportForm(forms.Form):
    """What every import asks: the meeting, the kind of document and the side that issued it."""

    meeting = forms.ModelChoiceField(
        queryset=Meeting.objects.select_related("dialogue"),
        widget=FastSelect,
        required=False,
        empty_label="— none (a news report, or choose later) —",
        help_text="The meeting the document reports on. Needed before its commitments can be accepted.",
    )
    kind = forms.ChoiceField(choices=DocumentKind.choices, initial=DocumentKind.JOINT_STATEMENT)
    issuing_party = forms.ModelChoiceField(
        queryset=Party.objects.all(),
        widget=FastSelect,
        required=False,
        empty_label="— joint, or not a party's own —",
        help_text="For a readout: the side that issued it.",
    )
    title = forms.CharField(max_length=500, required=False)
    published_on = forms.DateField(
        required=False, widget=DATE, label="Date", help_text="Deadlines such as “within three months” count from it."
    )

    def source_kwargs(self) -> dict:
        raise NotImplementedError

    def save(self, *, user) -> tuple[Article, bool] | None:
        """Import the document; None (with errors on the form) if the pipeline refused it."""
        data = self.cleaned_data
        try:
            return pipeline.import_article(
                **self.source_kwargs(),
                meeting=data["meeting"],
                kind=data["kind"],
                issuing_party=data["issuing_party"],
                published_on=data["published_on"],
                title=data["title"],
                created_by=user,
            )
        except pipeline.InputError as error:
            apply_errors(self, error)
            return None


class PasteForm(ImportForm):
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 12}), strip=False, label="Text of the document")

    field_order = ["text"]

    def clean_text(self):
        text = self.cleaned_data["text"]
        if not text.strip():
            raise ValidationError("Paste the text of the document.")
        if len(text.encode("utf-8")) > settings.UPLOAD_MAX_BYTES:
            raise ValidationError(f"The text is longer than the {_size(settings.UPLOAD_MAX_BYTES)} limit.")
        return text

    def source_kwargs(self):
        return {"text": self.cleaned_data["text"]}


class UploadForm(ImportForm):
    file = forms.FileField(
        help_text="A .txt, .md or .html file.",
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(filetypes.TEXT_SUFFIXES)}),
    )

    field_order = ["file"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = upload.name
        if problem := filetypes.refusal(name):
            raise ValidationError(problem)
        if upload.size > settings.UPLOAD_MAX_BYTES:
            raise ValidationError(
                f"“{name}” is {_size(upload.size)}, larger than the {_size(settings.UPLOAD_MAX_BYTES)} limit."
            )
        data = upload.read(settings.UPLOAD_MAX_BYTES + 1)
        if len(data) > settings.UPLOAD_MAX_BYTES:  # the size the client declared was wrong
            raise ValidationError(f"“{name}” is larger than the {_size(settings.UPLOAD_MAX_BYTES)} limit.")
        if problem := filetypes.refusal(name, data):
            raise ValidationError(problem)
        if not data.strip():
            raise ValidationError(f"“{name}” is empty.")
        self.data_bytes = data
        return upload

    def source_kwargs(self):
        return {"data": self.data_bytes, "filename": self.cleaned_data["file"].name}


class UrlForm(ImportForm):
    url = forms.URLField(max_length=2000, label="Address", assume_scheme="https")

    field_order = ["url"]

    def clean_url(self):
        return _http_only(self.cleaned_data["url"])

    def source_kwargs(self):
        return {"url": self.cleaned_data["url"]}


class FeedForm(forms.ModelForm):
    class Meta:
        model = Feed
        formfield_callback = formfield
        fields = ["url", "title", "kind", "meeting", "issuing_party", "is_active"]
        labels = {"url": "Feed address (RSS or Atom)"}
        help_texts = {"meeting": "Leave empty for a news feed: its articles are matched as evidence."}

    def clean_url(self):
        return _http_only(self.cleaned_data["url"])

    def save(self, *, user):
        """Save the feed and, once it is committed, poll it at once rather than at the next beat."""
        is_new = self.instance.pk is None
        with transaction.atomic():
            if is_new:
                self.instance.created_by = user
            feed = super().save()
            transaction.on_commit(lambda: outbox.send("poll_feed", feed.pk))
        return feed


def _http_only(url: str) -> str:
    if not url.lower().startswith(("http://", "https://")):
        raise ValidationError("Only http and https addresses can be imported.")
    return url


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")
    return f"{max(1, n // 1024)} KB"


# --- Review: candidates ------------------------------------------------------------------------


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
            return review.accept_candidate(candidate=self.candidate, reviewer=user, **self.cleaned_data)
        except ValidationError as error:
            apply_errors(self, error)
            return None


class CandidateMergeForm(forms.Form):
    commitment = CommitmentRefField(required=True, label="Commitment it repeats")

    def __init__(self, *args, candidate: Candidate, **kwargs):
        self.candidate = candidate
        if candidate.duplicate_of_id:
            kwargs["initial"] = {"commitment": candidate.duplicate_of.reference, **(kwargs.get("initial") or {})}
        super().__init__(*args, **kwargs)

    def save(self, *, user) -> Commitment | None:
        try:
            return review.merge_candidate(
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
            review.reject_candidate(candidate=self.candidate, reviewer=user, reason=self.cleaned_data["reason"])
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
        if data.get("action") == "reject" and not (data.get("reason") or "").strip():
            self.add_error("reason", "Give a reason for rejecting them.")
        return data

    def save(self, *, user) -> int:
        """How many were decided; 0 (with errors on the form) if any one was refused."""
        candidates = list(self.cleaned_data["candidates"].select_related("article"))
        failed = []
        try:
            with transaction.atomic():
                for candidate in candidates:
                    try:
                        if self.cleaned_data["action"] == "accept":
                            review.accept_candidate(candidate=candidate, reviewer=user)
                        else:
                            review.reject_candidate(
                                candidate=candidate, reviewer=user, reason=self.cleaned_data["reason"]
                            )
                    except ValidationError as error:
                        failed.append(f"“{candidate.quote[:60]}…”: {'; '.join(error.messages)}")
                if failed:
                    raise _Rollback
        except _Rollback:
            for message in failed:
                self.add_error(None, message)
            return 0
        return len(candidates)


class _Rollback(Exception):
    pass


# --- Review: evidence suggestions --------------------------------------------------------------


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
            list(review.alternatives_of(suggestion).select_related("commitment"))
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
        self.fields["party"].queryset = Party.objects.filter(pk__in=[p.pk for p in parties])
        self.fields["party"].choices = [("", "The commitment as a whole"), *((p.pk, p.name) for p in parties)]
        # A restatement is lineage: no status, no party, only the later commitment it links.
        self.is_restatement = suggestion.kind == Suggestion.Kind.RESTATEMENT
        for name in ("status", "party", "as_of", "rationale", "also") if self.is_restatement else ("later",):
            del self.fields[name]
        if "also" in self.fields:
            if self.alternatives:
                self.fields["also"].choices = [
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
        if data.get("status") and not (data.get("rationale") or "").strip():
            self.add_error("rationale", "Say why: the rationale is what readers cite.")
        return data

    def save(self, *, user):
        data = self.cleaned_data
        try:
            if self.is_restatement:
                return review.accept_restatement(suggestion=self.suggestion, reviewer=user, later=data["later"])
            return review.accept_suggestion(
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
            review.reject_suggestion(suggestion=self.suggestion, reviewer=user, reason=self.cleaned_data["reason"])
        except ValidationError as error:
            apply_errors(self, error)
            return False
        return True


# --- Commitments -------------------------------------------------------------------------------


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
        self.fields["meeting"].queryset = Meeting.objects.select_related("dialogue")
        self.fields["made_on"].required = False
        self.fields["made_on"].help_text = "Leave empty for the meeting's date."
        if self.instance.pk:
            for name in ("parent", "predecessor"):
                self.fields[name].queryset = Commitment.objects.exclude(pk=self.instance.pk)
                related = getattr(self.instance, name)
                self.initial[name] = related.reference if related else ""

    def clean(self):
        data = super().clean()
        if not data.get("made_on") and data.get("meeting"):
            data["made_on"] = data["meeting"].date
        return data

    def _post_clean(self):
        # Model validation runs in the verbs (full_clean), with the meeting's date filled in.
        pass

    def save(self, *, user) -> Commitment | None:
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
        return _http_only(url) if url else url

    def clean(self):
        data = super().clean()
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


# --- Assessments -------------------------------------------------------------------------------


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
        return _http_only(url) if url else url

    def clean(self):
        data = super().clean()
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
        return [review.evidence_from_article(article=article, passage=data.get("evidence_passage", ""), author=author)]


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
            self.only_party = parties[0]
        else:
            self.only_party = None
            self.fields["party"].queryset = commitment.parties.all()

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
            self.fields["party"].queryset = parties

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


# --- Meetings and dialogues --------------------------------------------------------------------


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
        if not data.get("slug") and data.get("title") and data.get("date"):
            data["slug"] = slugify(f"{data['title']} {data['date']:%Y-%m-%d}")[:120]
        return data

    def save(self, *, user):
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

    def save(self, *, user):
        return super().save()


# --- CSV import --------------------------------------------------------------------------------


class CsvUploadForm(forms.Form):
    file = forms.FileField(label="CSV file", help_text="The public CSV export, edited.")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if filetypes.suffix_of(upload.name) not in {".csv", ".txt"}:
            raise ValidationError(f"“{upload.name}” is not a .csv file.")
        if upload.size > settings.UPLOAD_MAX_BYTES:
            raise ValidationError(
                f"“{upload.name}” is {_size(upload.size)}, larger than the {_size(settings.UPLOAD_MAX_BYTES)} limit."
            )
        data = upload.read(settings.UPLOAD_MAX_BYTES + 1)
        if len(data) > settings.UPLOAD_MAX_BYTES:
            raise ValidationError(f"“{upload.name}” is larger than the {_size(settings.UPLOAD_MAX_BYTES)} limit.")
        what = filetypes.sniff(data)
        if what:
            raise ValidationError(f"“{upload.name}” is not a CSV file: it looks like {what}.")
        try:
            self.text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError(
                f"“{upload.name}” is not UTF-8 text; export it from your spreadsheet as CSV UTF-8."
            ) from None
        return upload


class CsvConfirmForm(forms.Form):
    """The previewed file, posted back as it was so the confirmed import is the one previewed."""

    csv_text = forms.CharField(widget=forms.HiddenInput, strip=False)

    def clean_csv_text(self):
        text = self.cleaned_data["csv_text"]
        if len(text.encode("utf-8")) > settings.UPLOAD_MAX_BYTES:
            raise ValidationError("The file is larger than the limit.")
        return text
