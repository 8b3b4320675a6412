"""The database's own guarantees for the record.

1. The assessment log is append-only. A trigger refuses every UPDATE of an assessment or of the
   evidence it cites, on SQLite and PostgreSQL. On PostgreSQL a trigger refuses DELETE too; it is
   a row trigger, so TRUNCATE (used by test-database flushes, never by the app) is unaffected.
   SQLite has no TRUNCATE: its test flushes are DELETEs, so there deletes are refused by the model
   and queryset guards and by the PROTECT foreign keys instead.
2. On PostgreSQL the commitment's search vector is kept by a trigger (title weighted above the
   quote) and indexed with GIN, so every write path keeps full-text search right.
"""

from django.db import migrations

APPEND_ONLY_TABLES = ["commitments_assessment", "commitments_assessmentevidence"]


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    execute = schema_editor.execute
    if vendor == "sqlite":
        for table in APPEND_ONLY_TABLES:
            execute(
                f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
                f"BEGIN SELECT RAISE(ABORT, 'append-only: {table} rows are never updated'); END;"
            )
    elif vendor == "postgresql":
        execute(
            """
            CREATE OR REPLACE FUNCTION tracker_append_only() RETURNS trigger AS $$
            BEGIN
                RAISE EXCEPTION 'append-only: %% rows are never %%', TG_TABLE_NAME, lower(TG_OP)
                    USING ERRCODE = 'integrity_constraint_violation';
            END;
            $$ LANGUAGE plpgsql;
            """
        )
        for table in APPEND_ONLY_TABLES:
            execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION tracker_append_only();"
            )
        execute(
            """
            CREATE OR REPLACE FUNCTION tracker_commitment_search_vector() RETURNS trigger AS $$
            BEGIN
                NEW.search_vector :=
                    setweight(to_tsvector('pg_catalog.english', coalesce(NEW.reference, '')), 'A') ||
                    setweight(to_tsvector('pg_catalog.english', coalesce(NEW.title, '')), 'A') ||
                    setweight(to_tsvector('pg_catalog.english', coalesce(NEW.quote, '')), 'B');
                RETURN NEW;
            END;
            $$ LANGUAGE plpgsql;
            """
        )
        execute(
            "CREATE TRIGGER commitments_commitment_search_vector BEFORE INSERT OR UPDATE OF reference, title, quote "
            "ON commitments_commitment FOR EACH ROW EXECUTE FUNCTION tracker_commitment_search_vector();"
        )
        # Used by CommitmentQuerySet.search().
        execute(
            "CREATE INDEX commitment_search_vector_idx ON commitments_commitment USING gin (search_vector);"
        )


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    execute = schema_editor.execute
    if vendor == "sqlite":
        for table in APPEND_ONLY_TABLES:
            execute(f"DROP TRIGGER IF EXISTS {table}_no_update;")
    elif vendor == "postgresql":
        for table in APPEND_ONLY_TABLES:
            execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table};")
        execute("DROP FUNCTION IF EXISTS tracker_append_only();")
        execute("DROP INDEX IF EXISTS commitment_search_vector_idx;")
        execute("DROP TRIGGER IF EXISTS commitments_commitment_search_vector ON commitments_commitment;")
        execute("DROP FUNCTION IF EXISTS tracker_commitment_search_vector();")


class Migration(migrations.Migration):
    dependencies = [("commitments", "0002_source_links")]

    operations = [migrations.RunPython(forwards, backwards)]
