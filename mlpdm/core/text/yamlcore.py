"""YAML as mlpdm reads and writes it: the safe loader with YAML 1.2 core values, located errors.

PyYAML implements YAML 1.1, where ``1:30`` is the number 90, ``2026-13-45`` is a date that
cannot be built, ``0o17`` is text and a repeated key silently replaces the first. mlpdm
reads the YAML 1.2 core schema instead: plain scalars are null, ``true``/``false``, decimal,
``0o`` octal or ``0x`` hex integers, floats, or text. Nothing is a date or a sexagesimal
number by accident; mlpdm checks its date fields itself. One exception keeps hand-written
answers working: ``yes``/``no``/``on``/``off`` stay booleans as in YAML 1.1, which a yes/no
question reads back as "yes"/"no".

Every value that cannot be built (``!!int abc``, ``!!timestamp notadate``, an integer of
more than 4,300 digits), a repeated key and an unclosed quote becomes a UserError with the
file and line. Writing uses a dumper that quotes any text either YAML version would read as
something else, so what mlpdm writes reads back the same here and in YAML 1.1 tools.
"""

from __future__ import annotations

import math
import re
from typing import Any, ClassVar

import yaml
from yaml.constructor import SafeConstructor

from mlpdm.core.questionnaire.model import SourceFile
from mlpdm.core.text.errors import Location, UserError

try:  # the C parser is several times faster; the resolver and constructors stay in Python
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

MAX_YAML_NODES = 200_000  # refuses alias "billion laughs" expansions before building them
MAX_YAML_DEPTH = 64
MAX_INT_DIGITS = 4_300  # Python's own limit for int <-> str (3.11+); the same on every Python
_INT_LIMIT = 10**MAX_INT_DIGITS

_TAG = "tag:yaml.org,2002:"
_BOOL_WORDS = {
    "true": True,
    "false": False,
    "yes": True,
    "no": False,
    "on": True,
    "off": False,
}
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)$")
_INT = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
# What opens a construct that the parser only misses at its end: reported where it opens.
_OPENERS = {
    "while scanning a quoted scalar": "yaml_unclosed_quote",
    "while parsing a flow sequence": "yaml_unclosed_bracket",
    "while parsing a flow mapping": "yaml_unclosed_brace",
}


class _ValueProblem(yaml.MarkedYAMLError):
    """A scalar or mapping that cannot be built: a catalogue key and the node's place."""

    problem_mark: yaml.Mark  # the node's start, which the composer sets on every node

    def __init__(self, message_key: str, node: yaml.Node, **params: Any) -> None:
        super().__init__(problem=message_key, problem_mark=node.start_mark)
        self.message_key = message_key
        self.params = params


def _shown(value: Any) -> str:
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _construct_int(loader: CoreLoader, node: yaml.ScalarNode) -> int:
    text = str(loader.construct_scalar(node))
    if not _INT.match(text):
        raise _ValueProblem("yaml_not_int", node, value=_shown(text))
    digits = text.lstrip("+-")
    base = {"0o": 8, "0x": 16}.get(digits[:2], 10)
    if base != 10:
        digits = digits[2:]
    # int() itself refuses more than 4,300 decimal digits on Python 3.11+ (leading zeros count);
    # a long hex number passes int() but could not be written out in decimal.
    if len(digits) > MAX_INT_DIGITS or (value := int(digits, base)) >= _INT_LIMIT:
        raise _ValueProblem("yaml_huge_int", node, digits=f"{len(digits):,}", limit=f"{MAX_INT_DIGITS:,}")
    return -value if text.startswith("-") else value


def _construct_float(loader: CoreLoader, node: yaml.ScalarNode) -> float:
    text = str(loader.construct_scalar(node))
    if not _FLOAT.match(text) and not _INT.match(text):
        raise _ValueProblem("yaml_not_float", node, value=_shown(text))
    lowered = text.lower().lstrip("+")
    if lowered in (".inf", "-.inf", ".nan"):
        return {".inf": math.inf, "-.inf": -math.inf, ".nan": math.nan}[lowered]
    if text.startswith(("0o", "0x")):
        return float(_construct_int(loader, node))
    return float(text)


def _construct_bool(loader: CoreLoader, node: yaml.ScalarNode) -> bool:
    text = str(loader.construct_scalar(node))
    if text.lower() not in _BOOL_WORDS:
        raise _ValueProblem("yaml_not_bool", node, value=_shown(text))
    return _BOOL_WORDS[text.lower()]


def _construct_timestamp(loader: CoreLoader, node: yaml.ScalarNode) -> Any:
    # Only an explicit !!timestamp gets here: plain dates are text (see the module docstring).
    try:
        return SafeConstructor.construct_yaml_timestamp(loader, node)
    except (ValueError, TypeError, AttributeError, OverflowError):
        raise _ValueProblem("yaml_not_date", node, value=_shown(node.value)) from None


class CoreLoader(_BaseLoader):
    """PyYAML's safe loader (the C parser where there is one) with YAML 1.2 core values.

    Repeated keys and values that cannot be built raise an error at their node.
    """

    # Filled below: these, not YAML 1.1's. PyYAML keeps the table on the class (add_implicit_resolver
    # is a classmethod); types-PyYAML declares it per instance.
    yaml_implicit_resolvers: ClassVar[dict[Any, Any]] = {}  # type: ignore[misc]

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        """Build one node; any failure of a constructor is reported at that node."""
        try:
            return super().construct_object(node, deep)
        except yaml.MarkedYAMLError:
            raise
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError):
            raise _ValueProblem("yaml_bad_value", node, tag=node.tag, value=_shown(node.value)) from None

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        """A mapping; a key written twice is an error naming both lines (a merge ``<<`` may override)."""
        if isinstance(node, yaml.MappingNode):
            seen: dict[Any, yaml.Node] = {}
            for key_node, _ in node.value:
                if key_node.tag == _TAG + "merge":
                    continue
                key = self.construct_object(key_node, deep=True)
                try:
                    first = seen.setdefault(key, key_node)
                except TypeError:  # unhashable: the constructor reports it below
                    continue
                if first is not key_node:
                    raise _ValueProblem(
                        "yaml_duplicate_key",
                        key_node,
                        key=_shown(key),
                        first=first.start_mark.line + 1,
                        second=key_node.start_mark.line + 1,
                    )
        return super().construct_mapping(node, deep)


for _tag, _pattern, _first in (
    ("bool", _BOOL, "tTfFyYnNoO"),
    ("int", _INT, "-+0123456789"),
    ("float", _FLOAT, "-+0123456789."),
    ("null", _NULL, ["~", "n", "N", ""]),
    ("merge", re.compile(r"^(?:<<)$"), "<"),
):
    CoreLoader.add_implicit_resolver(_TAG + _tag, _pattern, list(_first))
CoreLoader.add_constructor(_TAG + "int", _construct_int)
CoreLoader.add_constructor(_TAG + "float", _construct_float)
CoreLoader.add_constructor(_TAG + "bool", _construct_bool)
CoreLoader.add_constructor(_TAG + "timestamp", _construct_timestamp)


def parse_yaml(text: str, path: str, *, first_line: int = 1) -> tuple[Any, SourceFile]:
    """Parse YAML with the safe loader only, and record the line of every mapping key and item.

    Raises UserError with file:line on a syntax error, on any tag that would construct a
    Python object, on a value that cannot be built, on a repeated key, and on documents that
    are too large or too deeply nested. ``first_line`` is the file line ``text`` starts on
    (front matter starts on line 2).
    """
    offset = first_line - 1
    loader = CoreLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, SourceFile(path, {})
        lines: dict[tuple[Any, ...], int] = {}
        _index_lines(node, (), lines, depth=0, budget=[MAX_YAML_NODES], offset=offset)
        data = loader.construct_document(node)
    except _ValueProblem as exc:
        line = exc.problem_mark.line + 1 + offset
        params = {**exc.params}
        for key in ("first", "second"):
            if key in params:
                params[key] += offset
        raise UserError.of(
            exc.message_key, where=Location(path, line), place=f"{path}:{line}", **params
        ) from None
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, text, path, offset) from None
    except yaml.YAMLError as exc:
        raise UserError.of("yaml_syntax", where=Location(path), place=path, problem=str(exc)) from None
    except _TooBig as exc:
        line = exc.line + offset
        raise UserError.of(
            "yaml_too_big", where=Location(path, line), place=f"{path}:{line}", problem=str(exc)
        ) from None
    finally:
        loader.dispose()
    return data, SourceFile(path, lines)


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, path: str, offset: int) -> UserError:
    opener = _OPENERS.get(exc.context or "")
    if opener and exc.context_mark is not None:
        # An unclosed quote or bracket is only noticed where the file (or the next
        # construct) ends; the line to fix is the one where it opens.
        line: int | None = exc.context_mark.line + 1 + offset
        end = (exc.problem_mark.line + 1 + offset) if exc.problem_mark else line
        return UserError.of(opener, where=Location(path, line), place=f"{path}:{line}", end=end)
    mark = exc.problem_mark or exc.context_mark
    if mark and (spanning := _quote_spanning_lines(text, mark.line)) is not None:
        # A quote left open closes at the next quote further down, and the parser only
        # stumbles after that: the line to fix is the one where the long quote opens.
        start, end = (n + 1 + offset for n in spanning)
        return UserError.of(
            "yaml_quote_spans",
            where=Location(path, start),
            place=f"{path}:{start}",
            end=end,
            error=mark.line + 1 + offset,
        )
    line = mark.line + 1 + offset if mark else None
    problem = exc.problem or "invalid YAML"
    kind = "yaml_tag" if "constructor" in problem or "tag" in problem else "yaml_syntax"
    return UserError.of(
        kind, where=Location(path, line), place=f"{path}:{line}" if line else path, problem=problem
    )


def _quote_spanning_lines(text: str, before: int) -> tuple[int, int] | None:
    """The first and last line of a quoted scalar over several lines that ends before ``before``."""
    try:
        for token in yaml.scan(text, Loader=_BaseLoader):
            if token.start_mark.line >= before:
                break
            if (
                isinstance(token, yaml.ScalarToken)
                and token.style in ('"', "'")
                and token.end_mark.line > token.start_mark.line
            ):
                return token.start_mark.line, token.end_mark.line
    except yaml.YAMLError:
        pass
    return None


class _TooBig(Exception):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


def _index_lines(
    node: yaml.Node,
    path: tuple[Any, ...],
    lines: dict[tuple[Any, ...], int],
    *,
    depth: int,
    budget: list[int],
    offset: int,
) -> None:
    # Walks the node graph counting every visit, so aliases that multiply a subtree count
    # as often as they would be expanded; that is what bounds an alias bomb.
    budget[0] -= 1
    if budget[0] < 0:
        raise _TooBig(
            f"more than {MAX_YAML_NODES:,} YAML nodes (after expanding aliases)", node.start_mark.line + 1
        )
    if depth > MAX_YAML_DEPTH:
        raise _TooBig(f"nested deeper than {MAX_YAML_DEPTH} levels", node.start_mark.line + 1)
    lines.setdefault(path, node.start_mark.line + 1 + offset)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is None:
                continue
            lines.setdefault((*path, key), key_node.start_mark.line + 1 + offset)
            _index_lines(value_node, (*path, key), lines, depth=depth + 1, budget=budget, offset=offset)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _index_lines(item, (*path, index), lines, depth=depth + 1, budget=budget, offset=offset)


# -- writing ----------------------------------------------------------------------------------


class SafeDumper(yaml.SafeDumper):
    """PyYAML's safe dumper, quoting text that YAML 1.1 *or* 1.2 would read as something else.

    ``09``, ``1e3`` and ``0o17`` are plain text to YAML 1.1 but numbers to 1.2.
    """


for _tag, _pattern, _first in (
    ("int", _INT, "-+0123456789"),
    ("float", _FLOAT, "-+0123456789."),
):
    SafeDumper.add_implicit_resolver(_TAG + _tag, _pattern, list(_first))


def safe_dump(data: Any, **options: Any) -> str:
    """``yaml.safe_dump`` with the dumper above."""
    return yaml.dump(data, Dumper=options.pop("Dumper", SafeDumper), **options)
