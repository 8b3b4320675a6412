"""``manage.py suggest_evidence --commitments FILE.jsonl DOC... --json``: read later documents
against tracked commitments and print what the evidence inbox would propose, writing nothing.

The reading is the pipeline's (`tracker.extraction.evidence.read_follow_up`, fed the document's
clean text as `extract_document` gives it); only the commitments come from a file instead of the
database: one JSON object per line with `ref`, `text`, `parties`, `topics`, `made` (YYYY-MM-DD)
and `source` (the name of the document it was made in, which is never its own evidence).
Output, one line per document: {"path", "date", "suggestions": [{"ref", "text", "start", "end",
"status", "party", "score"}], "reaffirmations": [{"ref", "text", "start", "end", "score"}]}; offsets are
into the document's clean text.
"""

import datetime
import json
import re
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from tracker.extraction.cli import load_source
from tracker.extraction.document import extract_document
from tracker.extraction.evidence import read_follow_up
from tracker.extraction.lexicon import default_lexicon
from tracker.extraction.match import CommitmentInfo
from tracker.ingest.fetch import load_url

_NAME_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:\.[a-z]+)?$")


def load_commitments(path: str) -> list[CommitmentInfo]:
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    # The file names no meeting parties: those of all the commitments made in one source stand in.
    at_table: dict[str, set[str]] = {}
    for row in rows:
        at_table.setdefault(str(row.get("source") or ""), set()).update(row.get("parties") or [])
    commitments = []
    for number, row in enumerate(rows, start=1):
        commitments.append(
            CommitmentInfo(
                id=number,
                text=row["text"],
                parties=frozenset(row.get("parties") or []),
                topics=frozenset(row.get("topics") or []),
                made_on=datetime.date.fromisoformat(row["made"]) if row.get("made") else None,
                meeting=str(row.get("source") or "").replace("-", " "),
                reference=row.get("ref") or str(number),
                meeting_parties=frozenset(at_table[str(row.get("source") or "")]),
            )
        )
    return commitments


def _lexicon():
    """The database's lexicon, as the pipeline uses; the shipped one when there is no database."""
    from tracker.commitments.models import Party
    from tracker.ingest.database_lexicon import lexicon_from_database

    try:
        if Party.objects.exists():
            return lexicon_from_database()
    except DatabaseError:
        pass
    return default_lexicon()


class Command(BaseCommand):
    help = "Propose evidence in later documents for tracked commitments read from a JSONL file (writes nothing)."

    def add_arguments(self, parser):
        parser.add_argument("documents", nargs="+", metavar="DOC")
        parser.add_argument("--commitments", required=True, help="JSONL file of tracked commitments")
        parser.add_argument("--json", action="store_true", help="one JSON object per document per line (the default)")
        parser.add_argument("--date", help="the documents' date, YYYY-MM-DD (else their own, or their file name's)")

    def handle(self, *args, documents, commitments, date=None, **options):
        try:
            tracked = load_commitments(commitments)
            given = datetime.date.fromisoformat(date) if date else None
        except (OSError, ValueError, KeyError) as error:
            raise CommandError(f"suggest_evidence: {error}") from error
        lexicon = _lexicon()
        for source in documents:
            self.stdout.write(json.dumps(self._document(source, tracked, given, lexicon), ensure_ascii=False))

    def _document(self, source, tracked, given, lexicon) -> dict:
        data, content_type = load_source(source, load_url)
        name = Path(source).name
        result = extract_document(data, filename=name, content_type=content_type, lexicon=lexicon)
        document = result.document
        named = _NAME_DATE.search(name)
        published = given or document.date or (datetime.date.fromisoformat(named.group(1)) if named else None)
        stem = name.rsplit(".", 1)[0]
        # A document's own commitments are never evidence in it (the pipeline excludes the
        # commitments whose source is the article).
        considered = [c for c in tracked if c.meeting.replace(" ", "-") != stem]
        by_id = {c.id: c for c in considered}
        suggestions, reaffirmations = [], []
        for card in read_follow_up(
            document.text, considered, published=published, lexicon=lexicon, title=document.title or ""
        ):
            for link in card.links:
                row = {
                    "ref": by_id[link.commitment_id].reference,
                    "text": card.text,
                    "start": card.start,
                    "end": card.end,
                    "score": link.score,
                }
                if card.kind == "evidence":
                    suggestions.append({**row, "status": link.status, "party": link.party})
                else:
                    reaffirmations.append(row)
        return {
            "path": source,
            "date": published.isoformat() if published else None,
            "suggestions": suggestions,
            "reaffirmations": reaffirmations,
        }
