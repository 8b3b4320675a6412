"""Fill the summary rows (`summaries.rebuild`: three GROUP BYs over the commitments and
`PartyStatus`). Its own migration, after the tables and their indexes exist."""

from django.db import migrations


def fill(apps, schema_editor):
    from tracker.commitments import summaries

    summaries.rebuild()
    if schema_editor.connection.vendor == "postgresql":
        # Fresh statistics: without them the planner takes the new tables for empty ones.
        with schema_editor.connection.cursor() as cursor:
            for table in ("commitments_statustally", "commitments_partytally", "commitments_deadlinetally"):
                cursor.execute(f"ANALYZE {table}")


class Migration(migrations.Migration):
    dependencies = [("commitments", "0012_summary_tallies")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
