"""A filtered CSV or JSON export streams keyset chunks in reference order: the first one small (the
response's first part waits for it), then the ids of each chunk from the index of published
commitments in reference order, then their columns by id. No row is lost or repeated at a chunk's
edge, and on PostgreSQL the walk for ids reads the index alone."""

import csv
import io

import pytest
from django.db import connection
from django.urls import reverse

from tracker.commitments.models import Commitment, Meeting
from tracker.public import exports
from tracker.public.filters import with_shown_status

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_dialogues(make_commitment, meeting, dialogue):
    """Commitments of the dialogue whose references sort after another meeting's."""
    other = Meeting.objects.create(title="Other talks", slug="other-talks", date=meeting.date)
    made = []
    for i in range(7):
        made.append(make_commitment(quote=f"The sides will meet {i}.", title=f"Ours {i}", reference=f"ZZ-{i:02d}"))
        make_commitment(quote=f"Others will meet {i}.", title=f"Theirs {i}", reference=f"AA-{i:02d}", meeting=other)
    make_commitment(quote="A draft.", title="Draft", reference="ZZ-03b", publish=False)
    return dialogue, made


def csv_references(response) -> list[str]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return [row["reference"] for row in csv.DictReader(io.StringIO(text))]


@pytest.mark.parametrize(("first", "size"), [(1, 2), (2, 3), (100, 1000)])
def test_the_chunks_hold_every_row_once_in_reference_order(rob_client, two_dialogues, monkeypatch, first, size):
    dialogue, made = two_dialogues
    monkeypatch.setattr(exports, "FIRST_CHUNK", first)
    monkeypatch.setattr(exports, "CHUNK", size)
    response = rob_client.get(reverse("public:export_csv"), {"dialogue": dialogue.slug})
    assert csv_references(response) == sorted(c.reference for c in made)


def test_the_rows_are_the_same_whatever_the_chunk_sizes(two_dialogues, monkeypatch):
    published = with_shown_status(Commitment.objects.published())
    whole = list(exports.commitment_rows(published, native=True, site="https://t.example"))
    monkeypatch.setattr(exports, "FIRST_CHUNK", 1)
    monkeypatch.setattr(exports, "CHUNK", 4)
    assert list(exports.commitment_rows(published, native=True, site="https://t.example")) == whole
    assert len(whole) == 14


def test_on_postgresql_the_ids_of_a_dialogue_s_chunk_come_from_the_index_alone(two_dialogues, postgres_required):
    dialogue, _ = two_dialogues
    ids = (
        Commitment.objects.published()
        .filter(meeting__dialogue=dialogue)
        .order_by("reference")
        .values_list("pk", "reference")[:1000]
    )
    sql, params = ids.query.sql_with_params()
    with connection.cursor() as cursor:
        # A handful of rows: without statistics worth the name, the planner would as well sort them.
        # Told not to sort, it must walk an index in reference order; the one it takes is read alone.
        for setting in ("enable_seqscan", "enable_sort", "enable_bitmapscan"):
            cursor.execute(f"SET LOCAL {setting} = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'commitment_pub_ref_idx'")
        [(definition,)] = cursor.fetchall()
    # On a handful of freshly inserted rows (no visibility map yet) the planner may as well walk the
    # unique index on reference and read the heap; at scale it reads commitment_pub_ref_idx alone
    # (docs/performance.md). Either way it walks reference order and never sorts the set.
    assert "(reference) INCLUDE (id, meeting_id" in definition and "WHERE is_published" in definition, definition
    assert "Index Only Scan using commitment_pub_ref_idx" in plan or "Index Scan using" in plan, plan
    assert "Sort" not in plan, plan
