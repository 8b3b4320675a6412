"""CSV import: upload, preview (the import run and rolled back), confirm (run and committed).

The views only route the upload to the verb, `tracker.commitments.csv_import.import_csv`."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.generic import FormView

from tracker.commitments import csv_import
from tracker.editor.forms.csv import CsvConfirmForm, CsvUploadForm
from tracker.editor.views.base import EditorRequiredMixin


class CsvImport(EditorRequiredMixin, FormView):
    """Upload a CSV: every row is validated and the import is tried; nothing is written yet."""

    form_class = CsvUploadForm
    template_name = "editor/csv_import.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(columns=csv_import.COLUMNS, **kwargs)

    def form_valid(self, form):
        outcome = csv_import.import_csv(form.text, author=self.request.user, commit=False)
        context = self.get_context_data(
            form=form, outcome=outcome, confirm_form=CsvConfirmForm(initial={"csv_text": form.text})
        )
        return render(self.request, self.template_name, context, status=200 if not outcome.errors else 422)


class CsvConfirm(EditorRequiredMixin, FormView):
    """Write the previewed file, all rows or none."""

    form_class = CsvConfirmForm
    template_name = "editor/csv_import.html"
    http_method_names = ["post"]

    def get_context_data(self, **kwargs):
        return super().get_context_data(columns=csv_import.COLUMNS, **kwargs)

    def form_valid(self, form):
        outcome = csv_import.import_csv(form.cleaned_data["csv_text"], author=self.request.user, commit=True)
        if not outcome.written:
            context = self.get_context_data(form=CsvUploadForm(), outcome=outcome, confirm_form=None)
            return render(self.request, self.template_name, context, status=422)
        counts = outcome.counts
        messages.success(
            self.request,
            f"Imported: {counts['create']} created, {counts['update']} updated, {counts['unchanged']} unchanged.",
        )
        return redirect("editor:commitment_list")
