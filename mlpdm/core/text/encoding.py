"""Bytes to text: UTF-8 only, with the place of the first byte that is not UTF-8."""

from __future__ import annotations

from mlpdm.core.text.errors import Location, UserError


def decode_utf8(data: bytes, path: str) -> str:
    """``data`` as UTF-8 text; a UserError naming the file, line and byte offset otherwise."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise not_utf8(data, exc.start, path) from None


def not_utf8(data: bytes, offset: int, path: str) -> UserError:
    """The error for a byte at ``offset`` of ``data`` that does not decode as UTF-8."""
    line = data.count(b"\n", 0, offset) + 1
    return UserError.of(
        "not_utf8",
        where=Location(path, line),
        path=path,
        line=line,
        byte=offset,
        value=f"0x{data[offset]:02X}",
    )


def decode_head(data: bytes, path: str) -> str:
    """The start of a file read only in part: a character cut at the end is not an error."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.end == len(data):
            return data[: exc.start].decode("utf-8")
        raise not_utf8(data, exc.start, path) from None
