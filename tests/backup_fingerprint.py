"""Print what a backup must keep of a database, as JSON: the rows of every model and a checksum of
every public export. tests/test_backups_restore_every_public_export_unchanged.py runs it against
the database before a backup and the one restored from it (DATABASE_URL), and compares.

    DATABASE_URL=postgres://... python tests/backup_fingerprint.py

The JSON exports say when they were generated; that one field is left out of their checksum.
"""

import hashlib
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")

EXPORTS = ["/exports/commitments.csv", "/exports/commitments.json", "/exports/dump.json", "/api/commitments/"]


def _checksum(path: str, body: bytes) -> str:
    if path.endswith(".json"):
        document = json.loads(body)
        for part in [document, *document.values()]:
            if isinstance(part, dict):
                part.pop("generated_at", None)
        body = json.dumps(document, sort_keys=True).encode()
    return hashlib.sha256(body).hexdigest()


def fingerprint() -> dict:
    from django.apps import apps
    from django.test import Client

    counts = {model._meta.label: model._default_manager.count() for model in apps.get_models()}
    client = Client()
    exports = {}
    for path in EXPORTS:
        response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
        body = b"".join(response.streaming_content) if response.streaming else response.content
        exports[path] = _checksum(path, body)
    return {"counts": counts, "exports": exports}


if __name__ == "__main__":
    import django

    django.setup()
    print(json.dumps(fingerprint(), sort_keys=True))
