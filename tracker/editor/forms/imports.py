"""Bringing documents in: pasted text, an uploaded file, an address, a feed."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

from tracker.commitments.models import Meeting, Party
from tracker.editor.forms.fields import DATE, FastSelect, apply_errors, formfield, http_only, size_label
from tracker.ingest import feeds, filetypes, pipeline
from tracker.ingest.models import Article, DocumentKind, Feed


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
            raise ValidationError(f"The text is longer than the {size_label(settings.UPLOAD_MAX_BYTES)} limit.")
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
                f"“{name}” is {size_label(upload.size)}, larger than the {size_label(settings.UPLOAD_MAX_BYTES)} limit."
            )
        data = upload.read(settings.UPLOAD_MAX_BYTES + 1)
        if len(data) > settings.UPLOAD_MAX_BYTES:  # the size the client declared was wrong
            raise ValidationError(f"“{name}” is larger than the {size_label(settings.UPLOAD_MAX_BYTES)} limit.")
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
        return http_only(self.cleaned_data["url"])

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
        return http_only(self.cleaned_data["url"])

    def save(self, *, user) -> Feed | None:  # type: ignore[override]  # saved through a verb, by its author
        """Add the feed, or change it; either way it is polled once committed."""
        try:
            if self.instance.pk is None:
                return feeds.add_feed(**self.cleaned_data, author=user)
            return feeds.update_feed(feed=self.instance, **self.cleaned_data, author=user)
        except ValidationError as error:
            apply_errors(self, error)
            return None
