"""Given the raw bytes of a page, extraction decodes them by byte-order mark, declared charset or
detection, so that GBK and GB18030 Chinese pages read right."""

from tracker.extraction.decoding import decode_bytes
from tracker.extraction.document import extract_document

CHINESE = "中美双方同意加强禁毒合作，并将在年底前举行新一轮执法合作磋商。双方还同意建立热线联系机制。"


def test_a_utf8_byte_order_mark_is_honoured_and_removed():
    assert decode_bytes("\ufeffThe two sides agreed.".encode("utf-8")) == "The two sides agreed."


def test_a_gbk_page_declared_in_a_meta_tag_decodes_right():
    page = f'<html><head><meta charset="gbk"></head><body><p>{CHINESE}</p></body></html>'
    assert CHINESE in decode_bytes(page.encode("gbk"))


def test_a_gb2312_label_is_read_as_gb18030_which_contains_it():
    rare = "𠀀"  # outside GB2312 and GBK, present in GB18030
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>'
        f"<body>{rare}{CHINESE}</body></html>"
    )
    assert rare + CHINESE in decode_bytes(page.encode("gb18030"))


def test_undeclared_gb18030_text_is_detected():
    text = (CHINESE * 4).encode("gb18030")
    assert decode_bytes(text).startswith(CHINESE)


def test_the_http_header_charset_wins_over_guessing():
    assert (
        decode_bytes("Caf\xe9 talks".encode("latin-1"), content_type="text/plain; charset=iso-8859-1") == "Café talks"
    )


def test_extract_document_accepts_bytes():
    page = (
        '<html><head><meta charset="gb18030"><title>示例</title></head>'
        f"<body><article><p>{CHINESE}</p></article></body></html>"
    )
    result = extract_document(page.encode("gb18030"), filename="report.html")
    assert CHINESE in result.document.text
    assert result.document.language == "zh"
