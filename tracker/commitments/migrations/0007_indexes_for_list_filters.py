"""Indexes for the public list's filters (measured at 200,000 commitments: docs/performance.md).

1. The commitment–party links by party, then commitment. Used by the list's party choices
   (`public.filters._public_parties`: "has this party a published commitment?", a LIMIT 1 probe
   per party, which without it read every link for each of the 250 parties that have none) and
   by every "commitments of this party" join, which can then walk one party's links in
   commitment order. The link table is Django's own (auto-created), so this one is plain SQL.
2. Commitments by meeting, then reference: the list filtered by a meeting, in the default
   reference order, is then a range of this index; without it the keyset page walked the whole
   reference index and filtered on the meeting (605 ms for a meeting of 2,127 commitments).

Plain SQL for both (the same on SQLite and PostgreSQL), so the model's state, which other work
edits, is left alone.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("commitments", "0006_meeting_account_alignments")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX commitment_parties_by_party_idx ON commitments_commitment_parties (party_id, commitment_id);",
            "DROP INDEX commitment_parties_by_party_idx;",
        ),
        migrations.RunSQL(
            "CREATE INDEX commitment_meeting_reference_idx ON commitments_commitment (meeting_id, reference);",
            "DROP INDEX commitment_meeting_reference_idx;",
        ),
    ]
