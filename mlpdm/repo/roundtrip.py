"""Rewrite a YAML file people edit by hand, keeping its comments and layout byte for byte.

Used on the write paths only (``mlpdm decide``, revising an interview); reading stays with
PyYAML's fast loader in files.py. Only the entries whose value changed are written anew (in
the style mlpdm writes); every other line, comment and blank line stays as it was. The
places come from PyYAML's own parse of the file, and the result is read back with mlpdm's
reader: it must give exactly the data asked for, otherwise None tells the caller to write
plain YAML instead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeGuard

import yaml

from mlpdm.core.text.errors import UserError
from mlpdm.repo.files import dump_yaml, parse_yaml

# Line breaks PyYAML counts that a split on "\n" does not: with them the places are unsure.
_OTHER_BREAKS = re.compile("[\r\x85\u2028\u2029]")


@dataclass(frozen=True)
class _Edit:
    start: int  # first line replaced (0-based)
    end: int  # first line kept after it
    text: str
    order: int  # keeps several insertions at one place in the order asked


def update_yaml(original: str, data: Mapping[str, Any]) -> str | None:
    """``original`` changed so that mlpdm reads exactly ``data`` from it; None when unsure.

    Keys missing from ``data`` are removed, new keys go after their predecessor in ``data``,
    and an entry is rewritten only where mlpdm's reader sees a different value (types
    included), so untouched answers keep their text, quoting and comments.
    """
    if _OTHER_BREAKS.search(original):
        return None
    try:
        before, _ = parse_yaml(original, "<original>")
        node = yaml.compose(original, Loader=yaml.SafeLoader)
    except (UserError, yaml.YAMLError):
        return None
    if not isinstance(before, dict) or not isinstance(node, yaml.MappingNode):
        return None
    lines = original.split("\n")
    if lines[-1] == "":
        lines.pop()
    edits: list[_Edit] = []
    if not _plan(node, before, data, lines, edits):
        return None
    for edit in sorted(edits, key=lambda e: (e.start, e.order), reverse=True):
        lines[edit.start : edit.end] = edit.text.split("\n")[:-1]
    text = "\n".join(lines) + "\n"
    try:
        after, _ = parse_yaml(text, "<rewritten>")
    except UserError:
        return None
    return text if same(after, data) else None


def same(a: Any, b: Any) -> bool:
    """Equal values of the same types, all the way down (``True`` is not ``1``, ``1`` not ``1.0``)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, Mapping):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def _plan(
    node: yaml.MappingNode,
    before: Mapping[str, Any],
    data: Mapping[str, Any],
    lines: list[str],
    edits: list[_Edit],
) -> bool:
    """Add the edits that make the block mapping ``node`` (read as ``before``) hold ``data``."""
    spans = _spans(node, lines)
    if spans is None:
        return False
    column = node.value[0][0].start_mark.column if node.value else 0
    previous_end: int | None = None
    for order, (key, value) in enumerate(data.items()):
        if key in spans:
            start, end, value_node = spans[key]
            old = before.get(key)
            if isinstance(value, Mapping) and isinstance(old, Mapping) and _is_block_mapping(value_node):
                if not _plan(value_node, old, value, lines, edits):
                    return False
            elif not same(old, value):
                edits.append(_Edit(start, end, _entry(key, value, column), order))
            previous_end = end
            continue
        at = previous_end if previous_end is not None else min((s for s, _, _ in spans.values()), default=0)
        edits.append(_Edit(at, at, _entry(key, value, column), order))
    for key, (start, end, _) in spans.items():
        if key not in data:
            edits.append(_Edit(start, end, "", len(data)))  # before any insertion at its place
    return True


def _spans(node: yaml.MappingNode, lines: list[str]) -> dict[str, tuple[int, int, yaml.Node]] | None:
    """Each key's lines ``[start, end)``: its key line to the last line of its value.

    Comment and blank lines after a value are left out, so they stay with what follows.
    None when the mapping is not a plain block mapping with one key per line.
    """
    if node.flow_style or not node.value:
        return None if node.flow_style else {}
    column = node.value[0][0].start_mark.column
    spans: dict[str, tuple[int, int, yaml.Node]] = {}
    for key_node, value_node in node.value:
        mark = key_node.start_mark
        if (
            not isinstance(key_node, yaml.ScalarNode)
            or key_node.style
            or mark.column != column
            or lines[mark.line][:column].strip()
            or key_node.value in spans
        ):
            return None
        end_mark = value_node.end_mark
        end = end_mark.line + (1 if end_mark.column > 0 else 0)
        end = max(end, mark.line + 1)
        while end - 1 > mark.line and _is_gap(lines[end - 1], column):
            end -= 1
        spans[key_node.value] = (mark.line, end, value_node)
    return spans


def _is_gap(line: str, column: int) -> bool:
    stripped = line.lstrip(" ")
    return not stripped or (stripped.startswith("#") and len(line) - len(stripped) <= column)


def _is_block_mapping(node: yaml.Node) -> TypeGuard[yaml.MappingNode]:
    return isinstance(node, yaml.MappingNode) and not node.flow_style and bool(node.value)


def _entry(key: str, value: Any, column: int) -> str:
    """``key: value`` as mlpdm writes it, indented to ``column``."""
    pad = " " * column
    return "".join(pad + line if line.strip() else line for line in dump_yaml({key: value}).splitlines(True))
