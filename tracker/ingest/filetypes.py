"""What a file brought in really is: text, or something else behind a .txt name.

The pipeline reads .txt, .md and .html. The extension is checked first, then the bytes: a PDF or
an image renamed to statement.txt would otherwise reach the extractor as mojibake, and the editor
would see an article with no commitments (or "analysed", language zh, title "�PNG") instead of
a clear refusal. Every entry point refuses alike: the editor's upload form (before it reads the
whole file) and `pipeline.import_article`, which the command and feeds go through.
"""

from __future__ import annotations

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")

# Leading bytes of the binary formats editors are most likely to try (magic numbers).
SIGNATURES = [
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"BM", None),  # checked below: "BM" also starts ordinary words
    (b"PK\x03\x04", "a Word, OpenDocument or ZIP file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word or Excel file"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", None),  # checked below, like BM
]

# Control characters that never occur in text (tab, newline, form feed, carriage return and
# escape do, in old GB2312 pages).
_CONTROL = frozenset(range(0, 32)) - {9, 10, 12, 13, 27}


def sniff(data: bytes) -> str | None:
    """None if `data` looks like text (any charset); else what it looks like, for the message."""
    head = data[:8192]
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "a WebP image"
    if head[4:12] in {b"ftypheic", b"ftypmif1", b"ftypavif"}:
        return "an HEIC or AVIF image"
    for signature, what in SIGNATURES:
        if what and head.startswith(signature):
            return what
    if head.startswith(b"BM") and len(head) > 14 and head[6:10] == b"\x00\x00\x00\x00":
        return "a BMP image"
    if head.startswith(b"MZ") and b"\x00" in head[:64]:
        return "a program"
    if b"\x00" in head:
        # UTF-16 text has NULs too, but the pipeline expects UTF-8 or a legacy 8-bit/GBK charset.
        return "a binary file"
    if head and sum(byte in _CONTROL for byte in head) / len(head) > 0.01:
        return "a binary file"
    return None


def suffix_of(filename: str) -> str:
    return ("." + filename.rsplit(".", 1)[-1].lower()) if "." in filename else ""


def refusal(name: str, data: bytes | None = None) -> str | None:
    """Why the file `name` (with these bytes, when given) cannot be imported; None if it can.

    An empty name (bytes from standard input) skips the extension check, never the bytes'."""
    if name and suffix_of(name) not in TEXT_SUFFIXES:
        return (
            f"“{name}” cannot be imported: only .txt, .md and .html files can. "
            "Save a PDF or Word document as text or HTML first, or paste its text."
        )
    what = sniff(data) if data is not None else None
    if what:
        return (
            f"“{name or 'The file'}” is not a text file: it looks like {what}. "
            "Only .txt, .md and .html files can be imported; save it as text first, or paste its text."
        )
    return None
