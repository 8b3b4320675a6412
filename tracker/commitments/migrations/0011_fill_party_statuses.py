"""Fill `PartyStatus` from the assessment log by the rule the application uses
(`party_status.rebuild`: the rule is code, not data). It reads the models as they are when this
runs, which holds as long as no later migration changes PartyStatus or the log. Its own migration:
the schema changes of 0010 (deferred index creation) cannot share a transaction with the rows."""

from django.db import migrations


def fill(apps, schema_editor):
    from tracker.commitments import party_status

    party_status.rebuild()


class Migration(migrations.Migration):
    dependencies = [("commitments", "0010_party_status_copies_publication_and_dialogue")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
