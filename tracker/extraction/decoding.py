"""Bytes to text: byte-order mark, then the declared charset (HTTP header or <meta>), then detection.

Chinese pages are often GBK or GB18030 and declare it only in a <meta> tag, or not at all; a page
decoded as UTF-8 with replacement characters loses every Chinese sentence, so detection must run
before any lossy fallback. w3lib does the BOM/declared/guess sequence; charset-normalizer (already
a dependency of requests) is the last resort for bytes that declare nothing and are not UTF-8.
"""

from __future__ import annotations

import codecs

from w3lib.encoding import html_to_unicode, read_bom, resolve_encoding

# GB2312 and GBK are subsets of GB18030: decoding with the superset never loses a character
# that a page labelled with the narrower name actually uses.
_WIDEN = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "ascii": "utf-8", "iso-8859-1": "cp1252"}


def _widen(encoding: str) -> str:
    name = codecs.lookup(encoding).name
    return _WIDEN.get(name, name)


def _guess(data: bytes) -> str | None:
    """The encoding a detector believes in, or None; UTF-8 first because it rarely decodes by accident."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - charset-normalizer ships with requests
        return None
    best = from_bytes(data[:200_000]).best()
    return best.encoding if best else None


def decode_bytes(data: bytes, *, content_type: str | None = None) -> str:
    """Decode a document's raw bytes to text (HTML or plain text alike)."""
    bom_encoding, _bom = read_bom(data)
    if bom_encoding:
        return data[len(_bom or b"") :].decode(bom_encoding, errors="replace")
    # html_to_unicode: HTTP header, then <meta charset>, then the auto-detect callback.
    encoding, text = html_to_unicode(content_type, data, auto_detect_fun=_guess)
    widened = _widen(resolve_encoding(encoding) or encoding)
    if widened != codecs.lookup(encoding).name:
        text = data.decode(widened, errors="replace")
    if "\ufffd" in text and encoding.lower().replace("-", "") != "utf8":
        guessed = _guess(data)
        if guessed and _widen(guessed) != widened:
            alternative = data.decode(_widen(guessed), errors="replace")
            if alternative.count("\ufffd") < text.count("\ufffd"):
                text = alternative
    return text
