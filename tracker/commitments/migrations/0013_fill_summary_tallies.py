"""Fill the summary rows (`summaries.rebuild`: three GROUP BYs over the commitments and
`PartyStatus`). Its own migration, after the tables and their indexes exist."""

from django.db import migrations


def fill(apps, schema_editor):
    from tracker.commitments import summaries

    summaries.rebuild()


class Migration(migrations.Migration):
    dependencies = [("commitments", "0012_summary_tallies")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
