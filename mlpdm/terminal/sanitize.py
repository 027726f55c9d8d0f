"""The one sanitiser for the terminal, and plain text written to the standard streams.

Everything mlpdm shows passes through ``terminal_safe``: Rich consoles (console.py) apply it
to all they print, and what is not printed through a console (a document or JSON on stdout,
a usage error, the version) is written with ``emit``. No other code writes to the standard
streams (tests/robust/test_terminal.py checks that). This module does not import Rich, so
`mlpdm --version` stays quick.
"""

from __future__ import annotations

import json
import re
from typing import Any

import typer

from mlpdm.core.text.markdown import BIDI_CONTROLS

# C0 and C1 controls but tab and newline, bidi controls, and lone surrogates (a file name
# that is not UTF-8): what a terminal would obey, or what cannot be written to it at all.
UNSAFE = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{BIDI_CONTROLS}\\ud800-\\udfff]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return f"^{chr(code + 64)}"
    if code <= 0x9F:
        return f"<{code:02x}>"
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8
        return f"<{code - 0xDC00:02x}>"
    return f"<U+{code:04X}>"


def terminal_safe(text: str) -> str:
    """Text with control characters shown in caret notation (ESC as ^[), never sent as codes.

    C1 controls show as ``<9b>``, bidi controls as ``<U+202E>``: an answer, a questionnaire
    or a file name cannot move the cursor, recolour the screen, set the window title, write
    the clipboard (OSC 52) or make a line read in another order.
    """
    return UNSAFE.sub(_visible, text)


def json_safe(text: str) -> str:
    """JSON text with DEL, C1, bidi controls and lone surrogates written as JSON escapes.

    ``json.dumps`` escapes only C0 controls; these others are legal in a JSON string but
    obeyed by a terminal. Escaped, they mean the same to a JSON reader and nothing to a screen.
    """
    return UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def emit(text: str, *, err: bool = False, nl: bool = True) -> None:
    """Plain text (a document, JSON, a usage error) to stdout or stderr, made terminal-safe.

    What does not go through a console goes through here; nothing else in mlpdm writes to
    the standard streams (tests/robust/test_terminal.py checks that).
    """
    typer.echo(terminal_safe(text), err=err, nl=nl)


def emit_json(data: Any) -> None:
    """Data as indented JSON on stdout (``ensure_ascii=False``: Japanese stays readable)."""
    emit(json_safe(json.dumps(data, ensure_ascii=False, indent=2)))
