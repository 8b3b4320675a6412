"""The columns of a commitment as a table: the public CSV and JSON exports write them
(`tracker.public.exports`), the editors' CSV import reads them back (`tracker.commitments.csv_import`),
the data package and /exports/ document them. Defined here, below both, so they cannot drift apart.
"""

# (column, what it holds): the documentation of the export format, shown on /exports/.
COLUMNS = [
    ("reference", "Stable reference of the commitment, e.g. LECD-2017-03. Unique; the key of the import."),
    ("title", "Short title written by the editors."),
    ("quote", "The exact words of the source."),
    (
        "parties",
        "The committing parties, as ';'-joined party codes (ISO 3166 alpha-2 in lower case for "
        "countries, e.g. cn;us). The import also accepts party names.",
    ),
    ("topics", "The topics, as ';'-joined topic keys, e.g. cybersecurity;repatriation/fugitives."),
    ("strength", "firm (“will”), intent (“intend to”) or hedged (“may include”)."),
    ("deadline", "The deadline as a date (YYYY-MM-DD), or empty."),
    ("deadline_text", "The deadline phrase as written in the source, e.g. “within three months”."),
    ("deadline_granularity", "How precise the deadline is: day, month, quarter, half, year, vague, or empty."),
    ("made_on", "The date the commitment was made (YYYY-MM-DD)."),
    ("meeting", "The slug of the meeting it was made at."),
    ("dialogue", "The slug of the dialogue of that meeting, or empty for a standalone statement (read-only)."),
    ("parent", "Reference of the commitment this one is part of, or empty."),
    ("predecessor", "Reference of the same pledge made at an earlier round, or empty."),
    ("source_url", "Address of the source document (http or https only)."),
    (
        "current_status",
        "The overall status key (see the methodology); in an export with as_of, the status on that date (read-only).",
    ),
    ("current_status_as_of", "The date that status became true (YYYY-MM-DD), or empty (read-only)."),
    (
        "status_party",
        "Whose status current_status is: empty for the commitment as a whole (the overall status, by the "
        "rule on the methodology page); a party code when the export was filtered by that party (read-only).",
    ),
    (
        "status_is_demonstration",
        "1 when that status rests on demonstration data, invented to show the app at work (read-only).",
    ),
    (
        "is_published",
        "1 for published commitments (exports hold nothing else). On import: 1 publishes, 0 unpublishes, "
        "empty leaves it as it is.",
    ),
    ("url", "The commitment's page on this site (read-only)."),
]
COLUMN_NAMES = [name for name, _ in COLUMNS]
