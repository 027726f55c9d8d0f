r"""GitHub workflow commands (``::error file=…,line=…::message``), escaped as GitHub reads them.

A runner treats any output line that starts with ``::`` as a command, so a newline inside a
message (an answer, a file name) must never reach the output as a newline: it would start a
command of its own. GitHub's escaping: ``%`` ``\r`` ``\n`` in the message; in a property also
``:`` and ``,``, which separate properties.
"""

from __future__ import annotations

from typing import Literal

Level = Literal["error", "warning", "notice"]

_DATA = (("%", "%25"), ("\r", "%0D"), ("\n", "%0A"))
_PROPERTY = (*_DATA, (":", "%3A"), (",", "%2C"))


def escape_data(text: str) -> str:
    """A message as GitHub reads it back literally."""
    for raw, escaped in _DATA:  # "%" first, so the escapes themselves are not escaped again
        text = text.replace(raw, escaped)
    return text


def escape_property(text: str) -> str:
    """A property value (file, title) as GitHub reads it back literally."""
    for raw, escaped in _PROPERTY:
        text = text.replace(raw, escaped)
    return text


def workflow_command(
    level: Level, message: str, *, file: str | None = None, line: int | None = None, title: str | None = None
) -> str:
    """One annotation: ``::error file=PATH,line=N,title=T::message`` (absent properties left out)."""
    properties = [
        f"{name}={escape_property(str(value))}"
        for name, value in (("file", file), ("line", line), ("title", title))
        if value is not None
    ]
    head = f"::{level} {','.join(properties)}" if properties else f"::{level}"
    return f"{head}::{escape_data(message)}"
