"""Turning a file's bytes into text, or a one-line reason why not.

Every offset the index stores points into the decoded text, so decoding
happens exactly once, here, and nothing downstream rewrites the text.
"""

from __future__ import annotations

import codecs
import os
import unicodedata

# Signatures of common binary formats people save with a wrong extension.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.epub)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
)


_PREFERRED = ("cp1252", "latin_1", "iso8859_15")


class DecodeError(ValueError):
    """The file is not text we can read; the message says why, in one line."""


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)`` for a text file's bytes.

    UTF-8 with or without a byte-order mark first (the common case, and
    strict so that mojibake is never stored), UTF-16/32 by their marks, then
    charset-normalizer's best guess for legacy encodings such as cp1252.
    """
    if not data.strip():
        raise DecodeError("the file is empty")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise DecodeError(f"this is {what}, not text")
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding)), encoding
            except UnicodeDecodeError as exc:
                raise DecodeError(f"it starts with a {encoding} mark but is not valid {encoding}: {exc.reason}") from exc
    if b"\x00" in data:
        raise DecodeError("it holds NUL bytes, so it looks binary, not text")
    try:
        return _checked(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only for the rare legacy file

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise DecodeError("its encoding could not be recognised; save it as UTF-8")
    # Short texts often fit several code pages equally well; among equals,
    # prefer the Western ones news files are most often saved in.
    equals = [m for m in matches if m.chaos == best.chaos and m.coherence == best.coherence]
    for preferred in _PREFERRED:
        chosen = next((m for m in equals if preferred in m.could_be_from_charset), None)
        if chosen is not None:
            return _checked(str(chosen)), preferred
    return _checked(str(best)), best.encoding


def _checked(text: str) -> str:
    if "\x00" in text:
        raise DecodeError("it holds NUL characters, so it looks binary, not text")
    if not text.strip():
        raise DecodeError("the file holds no text")
    return normalize(text)


def normalize(text: str) -> str:
    """The one Unicode form of every text the index holds and every query:
    NFC, so "Pashinyán" typed with a combining accent (NFD, as macOS and
    some exports write it) is the same word as the precomposed one.  NFC
    only joins characters that are the same letter, so the text reads the
    same; compatibility forms (ligatures, full-width letters) are kept."""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def path_text(path: str | os.PathLike[str]) -> str:
    """A file name as text that can always be stored and printed.

    A name that is not valid UTF-8 reaches Python with lone surrogates,
    which no UTF-8 writer accepts; its bad bytes are written as ``\\xe9``
    instead, the same every time, so the same file keeps the same path."""
    raw = os.fspath(path)
    try:
        raw.encode("utf-8")
        return raw
    except UnicodeEncodeError:
        return raw.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace") if _escapable(raw) else raw.encode("utf-8", "backslashreplace").decode("ascii")


def _escapable(raw: str) -> bool:
    try:
        raw.encode("utf-8", "surrogateescape")
        return True
    except UnicodeEncodeError:
        return False
