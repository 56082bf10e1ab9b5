"""Bytes to text: accept UTF-8 (with or without BOM) and UTF-16 with a BOM, refuse the rest."""

from __future__ import annotations

import codecs

from claimgraph.errors import UnreadableInput

_REENCODE_HINT = "re-encode it as UTF-8, e.g. iconv -f WINDOWS-1252 -t UTF-8 FILE > FILE.utf8"

# Signatures of common binary formats, so the reason names what the file is.
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"{\\rtf", "an RTF document"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
_MAX_CONTROL_SHARE = 0.01  # above 1% control characters the "text" is binary data


def decode_input(data: bytes, path: str) -> str:
    """The decoded text of ``data`` (BOM dropped); raises ``UnreadableInput`` if not text."""
    text = _decode(data, path)
    if not text.strip():
        what = "standard input" if path == "-" else "file"
        reason = f"{what} is empty" if not text else f"{what} contains only whitespace"
        raise UnreadableInput(path, reason)
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise UnreadableInput(path, "binary data (control characters), not text")
    return text


def _decode(data: bytes, path: str) -> str:
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise UnreadableInput(path, f"UTF-32 text is not supported; {_REENCODE_HINT}")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")  # the BOM picks the byte order and is dropped
        except UnicodeDecodeError as error:
            raise UnreadableInput(path, f"invalid UTF-16 ({error.reason})") from None
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise UnreadableInput(path, f"binary file ({kind}), not text")
    if b"\x00" in data:
        raise UnreadableInput(path, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        byte = data[error.start]
        reason = f"not valid UTF-8 (byte 0x{byte:02x} at offset {error.start}); {_REENCODE_HINT}"
        raise UnreadableInput(path, reason) from None


def _control_share(text: str) -> float:
    sample = text[:100_000]
    controls = sum(1 for char in sample if char < " " and char not in _ALLOWED_CONTROLS)
    return controls / len(sample)
