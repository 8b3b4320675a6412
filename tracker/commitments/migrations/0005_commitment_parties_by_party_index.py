"""An index on the commitment–party links by party, then commitment.

Used by the public list's party choices (`public.filters._public_parties`: "has this party a
published commitment?", a LIMIT 1 probe per party, which without it read every link for each of
the 250 parties that have none) and by every "commitments of this party" join, which can then
walk one party's links in commitment order. The link table is Django's own (auto-created), so the
index is plain SQL, the same on SQLite and PostgreSQL.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("commitments", "0004_reference_data")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX commitment_parties_by_party_idx ON commitments_commitment_parties (party_id, commitment_id);",
            "DROP INDEX commitment_parties_by_party_idx;",
        )
    ]
