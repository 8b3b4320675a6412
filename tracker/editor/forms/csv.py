"""The CSV import's upload and confirmation; the verb is `commitments.csv_import.import_rows`."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

from tracker.editor.forms.fields import size_label
from tracker.ingest import filetypes


class CsvUploadForm(forms.Form):
    file = forms.FileField(label="CSV file", help_text="The public CSV export, edited.")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if filetypes.suffix_of(upload.name) not in {".csv", ".txt"}:
            raise ValidationError(f"“{upload.name}” is not a .csv file.")
        if upload.size > settings.UPLOAD_MAX_BYTES:
            raise ValidationError(
                f"“{upload.name}” is {size_label(upload.size)}, "
                f"larger than the {size_label(settings.UPLOAD_MAX_BYTES)} limit."
            )
        data = upload.read(settings.UPLOAD_MAX_BYTES + 1)
        if len(data) > settings.UPLOAD_MAX_BYTES:
            raise ValidationError(f"“{upload.name}” is larger than the {size_label(settings.UPLOAD_MAX_BYTES)} limit.")
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
