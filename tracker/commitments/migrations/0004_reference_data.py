"""Seed the parties and topics (the same code as `manage.py load_reference_data`)."""

from django.db import migrations


def seed(apps, schema_editor):
    from tracker.commitments.reference_data import sync

    sync(apps.get_model("commitments", "Party"), apps.get_model("commitments", "Topic"))


class Migration(migrations.Migration):
    dependencies = [("commitments", "0003_append_only_and_search")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
