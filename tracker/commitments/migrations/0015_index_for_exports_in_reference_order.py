"""The exports' next chunk in reference order, from the index alone (docs/performance.md).

A filtered export reads the ids of its next 1,000 commitments first (`public.exports._row_chunks`),
walking published commitments in reference order. With the id, the meeting (the dialogue filter)
and the date made (`as_of`) in the index, that walk never reads the table: for the largest dialogue at 200,000 commitments, whose references
start after 105,000 others, the first chunk's ids take 0.12 s instead of 1.2 s. On SQLite the
INCLUDE columns are left out (Django drops them there).
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('commitments', '0014_second_opinion'),
        ('ingest', '0002_suggestion_kind_rank_restated_by'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='commitment',
            index=models.Index(condition=models.Q(('is_published', True)), fields=['reference'], include=('id', 'meeting', 'made_on'), name='commitment_pub_ref_idx'),
        ),
    ]
