"""A PNG renamed .txt is refused the same way wherever it comes in: the editor's upload form, the
`import_article` command (a path or standard input) and the pipeline itself; nothing is stored."""

import io
import sys

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from tracker.ingest import pipeline
from tracker.ingest.models import Article

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
TEXT = "China and the United States agreed to establish a joint working group before the end of 2019.\n"


def test_the_command_refuses_a_png_renamed_txt(tmp_path, reference_data):
    path = tmp_path / "statement.txt"
    path.write_bytes(PNG)
    with pytest.raises(CommandError, match="looks like a PNG image"):
        call_command("import_article", str(path))
    assert not Article.objects.exists()


def test_the_command_refuses_a_png_on_standard_input(monkeypatch, reference_data):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PNG)))
    with pytest.raises(CommandError, match="looks like a PNG image"):
        call_command("import_article", "-")
    assert not Article.objects.exists()


def test_the_pipeline_refuses_binary_bytes_even_without_a_name(reference_data):
    with pytest.raises(pipeline.InputError, match="looks like a PNG image"):
        pipeline.import_article(data=PNG)
    assert not Article.objects.exists()


def test_the_upload_form_gives_the_same_message(erin_client, reference_data):
    response = erin_client.post(
        reverse("editor:import_file"),
        {"file-file": SimpleUploadedFile("statement.txt", PNG, "text/plain"), "file-kind": "news"},
    )
    assert "“statement.txt” is not a text file: it looks like a PNG image." in response.content.decode()
    assert not Article.objects.exists()


def test_text_still_comes_in_through_the_command(tmp_path, reference_data, django_capture_on_commit_callbacks):
    path = tmp_path / "statement.txt"
    path.write_text(TEXT)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_article", str(path), stdout=io.StringIO())
    assert Article.objects.get().filename == "statement.txt"
