"""The sandbox conditions and templates run in: Jinja2's immutable sandbox, with limits.

A team's questionnaire and templates are reviewed, but a mistake or a hostile change must
not hang mlpdm, fill memory or end in a traceback. On top of what the immutable sandbox
refuses (private attributes, unsafe calls, changes to lists and dicts), this sandbox bounds:

- **depth**: brackets, ``not``, signs, ``if … else`` and block statements nested more than
  MAX_NESTING deep, and operators, filters and statements applied one on another more than
  MAX_TREE deep, are refused before Jinja's parser and code generator recurse into them;
- **size**: every value a filter, a call or an operator builds is measured (strings by
  length; lists, tuples, dicts and sets through their items, so a list that appears twice
  counts twice, as its text would), before it is built where a width, count, separator or
  replacement could blow it up, and after otherwise; ``Limits.value`` is the most;
- **work**: each character or item built, each call and each loop step spends from one
  budget per template render or condition evaluation (``Limits.work``);
- **output**: a template renders at most ``Limits.output`` characters.

Past a limit, ``LimitError`` says which one; the callers add the file and line.
"""

from __future__ import annotations

import inspect
import re
import string
import types
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import wraps
from typing import Any, cast

from jinja2 import nodes
from jinja2.environment import Template
from jinja2.exceptions import SecurityError
from jinja2.lexer import Token, TokenStream
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Namespace, generate_lorem_ipsum

MAX_NESTING = 20  # Jinja's parser recurses about a dozen frames for each bracket or block
MAX_TREE = 100  # its code generator recurses a few frames for each node
STEP = 100  # the work a call or a loop step counts for, against one character built
MAX_INT_BITS = 14_000  # Python itself refuses to show an int of more than 4,300 digits


@dataclass(frozen=True)
class Limits:
    """How much one condition evaluation or one template render may build and do."""

    value: int  # characters (or items) in any one value
    work: int  # characters and items built, plus STEP for each call and loop step
    output: int  # characters a template renders


CONDITION_LIMITS = Limits(value=100_000, work=1_000_000, output=0)
# Generous for a brief from the largest answers file (2 MB) shown several times over.
TEMPLATE_LIMITS = Limits(value=10_000_000, work=100_000_000, output=10_000_000)


class LimitError(SecurityError):
    """A limit was passed: ``kind`` is nesting, tree, value, work or output."""

    def __init__(self, kind: str, limit: int, lineno: int | None = None, filename: str | None = None) -> None:
        super().__init__(f"{kind} limit of {limit:,} passed")
        self.kind = kind
        self.limit = limit
        self.lineno = lineno
        self.filename = filename


# -- the work budget ----------------------------------------------------------------------------


class _Budget:
    __slots__ = ("left", "limit", "memo")

    def __init__(self, limit: int) -> None:
        self.left = limit
        self.limit = limit
        self.memo: dict[int, tuple[Any, int]] = {}  # sizes of containers met (see measure)


_BUDGET: ContextVar[_Budget | None] = ContextVar("mlpdm_sandbox_budget", default=None)


@contextmanager
def budget(limits: Limits) -> Iterator[None]:
    """One evaluation's or render's work budget (outside one, nothing is counted)."""
    token = _BUDGET.set(_Budget(limits.work))
    try:
        yield
    finally:
        _BUDGET.reset(token)


def _spend(units: int) -> None:
    current = _BUDGET.get()
    if current is not None:
        current.left -= units
        if current.left < 0:
            raise LimitError("work", current.limit)


# -- measuring values ---------------------------------------------------------------------------

# Concrete types only: an isinstance check against an abstract base class costs ten times
# more, and this check runs on every filter's and call's arguments.
_VIEWS: tuple[type, ...] = (type({}.keys()), type({}.values()), type({}.items()))
_CONTAINERS = (list, tuple, dict, set, frozenset, *_VIEWS, Namespace)
_SIZED = (str, list, tuple, dict, set, frozenset)


def measure(value: Any, limit: int) -> int:
    """About how many characters ``value`` takes as text; counting stops once past ``limit``.

    A container shared many times is counted each time, because that is what turning it
    into text (or JSON, or a join) costs; but it is walked once: within a render or an
    evaluation, the size of each list, tuple, dict and set is remembered (templates cannot
    change them), so ``[m, m, m]`` costs three look-ups, not three walks of ``m``. No
    recursion, so nesting cannot exhaust Python's stack.
    """
    if isinstance(value, str):
        return len(value)
    if not isinstance(value, _CONTAINERS):
        return _atom(value)
    current = _BUDGET.get()
    size, visited = _walk(value, limit, current.memo if current is not None else {})
    _spend(visited)  # walking costs too: a loop that measures a growing list runs out
    return size


def _walk(value: Any, limit: int, memo: dict[int, tuple[Any, int]]) -> tuple[int, int]:
    """The size of a container (stopping past ``limit``), and how many items were visited."""
    visited = 0
    # Each frame: the container, the iterator over its children, the size counted so far.
    frames: list[list[Any]] = [[value, _children(value), 2]]
    while frames:
        frame = frames[-1]
        for child in frame[1]:
            visited += 1
            if isinstance(child, str):
                frame[2] += len(child) + 2  # quotes and a separator
            elif not isinstance(child, _CONTAINERS):
                frame[2] += _atom(child) + 1
            elif (known := memo.get(id(child))) is not None and known[0] is child:
                frame[2] += known[1]
            else:
                frames.append([child, _children(child), 2])
                break
            if frame[2] > limit:
                return frame[2], visited
        else:
            frames.pop()
            size = frame[2]
            if not isinstance(frame[0], Namespace):  # the one kind of object a template can change
                memo[id(frame[0])] = (frame[0], size)
            if not frames:
                return size, visited
            frames[-1][2] += size
            if frames[-1][2] > limit:
                return frames[-1][2], visited
    return 0, visited  # not reached


def _children(container: Any) -> Iterator[Any]:
    if isinstance(container, Namespace):
        container = object.__getattribute__(container, "_Namespace__attrs")
    if isinstance(container, dict):
        for key, item in container.items():
            yield key
            yield item
    else:
        yield from container


def _atom(value: Any) -> int:
    """About the length of a number (or other single value) as text."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value.bit_length() * 3 // 10 + 1  # digits
    return 1 if value is None else 8


def _depth(value: Any, limit: int) -> int:
    """How deeply containers nest in ``value`` (at most ``limit``), level by level.

    Each level keeps each container once, so a shared one is not walked again and again.
    """
    level = {id(value): value} if isinstance(value, _CONTAINERS) else {}
    depth = 0
    while level and depth < limit:
        depth += 1
        below: dict[int, Any] = {}
        for container in level.values():
            for child in _children(container):
                if isinstance(child, _CONTAINERS):
                    below[id(child)] = child
        level = below
    return depth


def _size(value: Any) -> int:
    """The cheap size of a result: its length, not looking inside (its items were built already)."""
    return len(value) if isinstance(value, _SIZED) else 1


# -- depth, checked on the tokens and on the tree ---------------------------------------------

_OPEN = {"lparen", "lbracket", "lbrace"}
_CLOSE = {"rparen", "rbracket", "rbrace"}
_PREFIX = {"sub", "add"}
_BLOCKS = {"if", "for", "macro", "call", "filter", "with", "block", "autoescape", "trans"}
_KEYWORDS = {"and", "or", "not", "in", "is", "if", "else"}


def check_nesting(tokens: Iterable[Token], limit: int = MAX_NESTING) -> None:
    """Refuse, before parsing, what would make Jinja's parser recurse too deeply.

    Counts open brackets and block statements, runs of prefix operators (``not not x``,
    ``- - 1``) and the ``if … else`` chains inside each bracket; a LimitError names the line.
    One pass, a few comparisons a token: templates and conditions are lexed once for both.
    """
    tags = _Tags()
    saved: list[int] = []  # ``level`` before each open bracket
    level = prefix = 0  # within the current expression: brackets and ``if``s; the prefix run
    for token in tokens:
        kind = token.type
        if kind in _TAGS or tags.statement:
            if tags.step(kind, token.value):
                saved.clear()
                level = prefix = 0
            if tags.blocks > limit:
                raise LimitError("nesting", limit, token.lineno)
            continue
        if kind in _OPEN:
            saved.append(level)
            level += prefix + 1
            prefix = 0
        elif kind in _CLOSE:
            level = saved.pop() if saved else 0
            prefix = 0
        elif kind in _PREFIX or (kind == "name" and token.value == "not"):
            prefix += 1
        elif kind == "name" and token.value == "if":
            level += 1
        elif kind in _OPERANDS and token.value not in _KEYWORDS:
            prefix = 0  # an operand ends the run
        else:
            continue
        if tags.blocks + level + prefix > limit:
            raise LimitError("nesting", limit, token.lineno)


_TAGS = {"block_begin", "variable_begin", "block_end", "assign"}
_OPERANDS = {"name", "integer", "float", "string"}


class _Tags:
    """The block statements open at each token: {% if %}, {% for %}, {% set x %}..."""

    def __init__(self) -> None:
        self.blocks = 0
        self.statement = False  # the next token names a block statement
        self.set_block = False  # in {% set x %} with no '=' so far

    def step(self, kind: str, value: str) -> bool:
        """Take a tag token (or a name); whether an expression starts here."""
        if kind in ("block_begin", "variable_begin"):
            self.statement = kind == "block_begin"
            return True
        if self.statement:
            self.statement = False
            if kind != "name":
                return False
            if value in _BLOCKS:
                self.blocks += 1
            elif value.startswith("end") and value[3:] in _BLOCKS | {"set"}:
                self.blocks = max(self.blocks - 1, 0)
            self.set_block = value == "set"
        elif kind == "assign":
            self.set_block = False
        elif kind == "block_end" and self.set_block:
            self.blocks += 1
            self.set_block = False
        return False


def check_tree(root: nodes.Node, limit: int = MAX_TREE) -> list[nodes.For | nodes.Concat]:
    """Refuse, before code generation, a tree deeper than ``limit`` (without recursing).

    Returns the loops and ``~`` concatenations in it, for BoundedSandbox to meter.
    """
    metered: list[nodes.For | nodes.Concat] = []
    level = [root]
    depth = 0
    while level:  # level by level: what Node.iter_child_nodes yields, without a generator a node
        if depth > limit:
            raise LimitError("tree", limit, getattr(level[0], "lineno", None))
        below = []
        for node in level:
            if isinstance(node, _METERED):
                metered.append(node)
            for field in node.fields:
                child = getattr(node, field)
                if isinstance(child, nodes.Node):
                    below.append(child)
                elif isinstance(child, list):
                    below.extend([item for item in child if isinstance(item, nodes.Node)])
        level = below
        depth += 1
    return metered


_METERED = (nodes.For, nodes.Concat)
_CHECKED = "bounded_metered"  # what a tree checked by ``checked`` carries


def checked(template: nodes.Template) -> nodes.Template:
    """``template``, its depth checked now: BoundedSandbox then compiles it without a second walk."""
    setattr(template, _CHECKED, check_tree(template))
    return template


# -- pre-checks for what can build much from little --------------------------------------------

_PERCENT = re.compile(r"%(?:\([^)]*\))?[#0 +\-]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?[a-zA-Z%]")
_DIGITS = re.compile(r"\d+")


def _ints(args: Iterable[Any]) -> Iterator[int]:
    for arg in _values(args):
        if isinstance(arg, int) and not isinstance(arg, bool):
            yield arg


def _values(args: Iterable[Any]) -> Iterator[Any]:
    """The values a format can take from ``args``: the items of tuples, lists and mappings too."""
    for arg in args:
        if isinstance(arg, tuple | list):
            yield from arg
        elif isinstance(arg, Mapping):
            yield from arg.values()
        else:
            yield arg


def _check_format(
    fmt: str, widths: Iterable[str], fields: int, nested: bool, args: tuple[Any, ...], limit: int
) -> None:
    """Refuse a format that would build more than ``limit`` characters.

    That is: a width or precision past the limit (written, or given by ``*`` or ``{}``), or
    a value used so often that the result passes it (``'%(a)s%(a)s' % d``, ``'{0}{0}'.format(x)``).
    """
    if any(int(w) > limit for w in widths) or (nested and any(n > limit for n in _ints(args))):
        raise LimitError("value", limit)
    largest = max((_text(v, limit) for v in _values(args)), default=0)
    if len(fmt) + fields * largest > limit:
        raise LimitError("value", limit)


def _check_percent(fmt: str, args: tuple[Any, ...], limit: int) -> None:
    """``'%10s' % x`` and the ``format`` filter."""
    specs = [m for m in _PERCENT.finditer(fmt) if m.group() != "%%"]
    parts = [p for m in specs for p in m.groups() if p]
    widths = [p for p in parts if p != "*"]
    _check_format(fmt, widths, len(specs), "*" in parts, args, limit)


def _check_braces(fmt: str, args: tuple[Any, ...], limit: int) -> None:
    """``'{:>10}'.format(x)``: the same for format specifications."""
    fields = [(name, spec) for _, name, spec, _ in string.Formatter().parse(fmt) if name is not None]
    widths = [d for _, spec in fields for d in _DIGITS.findall(spec or "")]
    _check_format(fmt, widths, len(fields), any("{" in (spec or "") for _, spec in fields), args, limit)


def _replaced(s: str, old: str, new: str, count: int | None = None) -> int:
    found = s.count(old) if old else len(s) + 1
    if count is not None and count >= 0:
        found = min(found, count)
    return len(s) + found * max(len(new) - len(old), 0)


def _text(value: Any, limit: int) -> int:
    return len(value) if isinstance(value, str) else measure(value, limit)


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


# The filters whose result can be far larger than what goes in, with the most they can
# build; the values are bound to the filter's own parameter names.
_FILTER_BOUNDS: dict[str, Callable[[Mapping[str, Any], int], int]] = {
    "center": lambda a, n: max(_text(a["value"], n), _int(a.get("width", 80))),
    "indent": lambda a, n: (
        _text(a["s"], n)
        + (str(a["s"]).count("\n") + 1) * (len(w) if isinstance(w := a.get("width", 4), str) else _int(w))
    ),
    "wordwrap": lambda a, n: (_text(a["s"], n) + 1) * (1 + _text(a.get("wrapstring") or "\n", n)),
    "replace": lambda a, n: _replaced(str(a["s"]), str(a["old"]), str(a["new"]), a.get("count")),
    "batch": lambda a, n: _int(a["linecount"]) * (1 + measure(a.get("fill_with"), n)),
    "slice": lambda a, n: _int(a["slices"]) * (1 + measure(a.get("fill_with"), n)),
    # Indentation repeats on every line, once for each level the line is nested in.
    "tojson": lambda a, n: measure(a["value"], n) * (1 + _int(a.get("indent")) * _depth(a["value"], n)),
    "pprint": lambda a, n: measure(a["value"], n) * (1 + _depth(a["value"], n)),
    "urlize": lambda a, n: (
        (len(str(a["value"])) // 4 + 1) * (_text(a.get("target") or "", n) + _text(a.get("rel") or "", n))
    ),
}


def _join_bound(items: list[Any], separator: Any, limit: int) -> int:
    total = _text(separator, limit) * max(len(items) - 1, 0)
    for item in items:
        total += _text(item, limit)
        if total > limit:
            break
    return total


# Methods of str whose result can be far larger than the string (the others return at most
# a few times its length, which the check after the call catches).
_STR_BOUNDS: dict[str, Callable[[str, tuple[Any, ...], Mapping[str, Any], int], int]] = {
    "center": lambda s, a, k, n: max(len(s), _int(a[0] if a else k.get("width"))),
    "ljust": lambda s, a, k, n: max(len(s), _int(a[0] if a else k.get("width"))),
    "rjust": lambda s, a, k, n: max(len(s), _int(a[0] if a else k.get("width"))),
    "zfill": lambda s, a, k, n: max(len(s), _int(a[0] if a else k.get("width"))),
    "expandtabs": lambda s, a, k, n: len(s) + s.count("\t") * _int(a[0] if a else k.get("tabsize", 8)),
    "replace": lambda s, a, k, n: _replaced(s, str(a[0]), str(a[1]), *a[2:3]) if len(a) >= 2 else 0,
    "translate": lambda s, a, k, n: (
        len(s) * (1 + max((_text(v, n) for v in a[0].values()), default=0))
        if a and isinstance(a[0], Mapping)
        else len(s)
    ),
}


def _lipsum_bound(args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> int:
    bound = inspect.signature(generate_lorem_ipsum).bind(*args, **kwargs)
    bound.apply_defaults()
    return _int(bound.arguments["n"]) * _int(bound.arguments["max"]) * 12  # words of up to 12 letters


# -- the sandbox ------------------------------------------------------------------------------


class BoundedTemplate(Template):
    """A template whose render counts its work and the characters it outputs."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        """Render like Jinja, within the environment's limits."""
        limits: Limits = self.environment.limits  # type: ignore[attr-defined]
        with budget(limits):
            context = self.new_context(dict(*args, **kwargs))
            pieces: list[str] = []
            size = 0
            # Jinja compiles the template's root to a generator function (annotated as Iterator).
            stream = cast(Generator[str, None, None], self.root_render_func(context))
            try:
                for piece in stream:
                    size += len(piece)
                    if size > limits.output:
                        break
                    pieces.append(piece)
            except Exception:
                self.environment.handle_exception()  # shows template lines in the traceback
        if size > limits.output:
            frame = getattr(stream, "gi_frame", None)  # where the template is: at the last piece
            line = self.get_corresponding_lineno(frame.f_lineno) if frame else None
            stream.close()
            raise LimitError("output", limits.output, line, self.filename or self.name)
        return "".join(pieces)


# Filters that rearrange, pick or count and never turn their input into text: what they
# return is measured like any result, and text made from it later is measured then.
_STRUCTURAL = frozenset(
    {
        "length", "count", "first", "last", "list", "reverse", "sort", "unique", "min", "max",
        "select", "reject", "selectattr", "rejectattr", "map", "batch", "slice", "groupby",
        "dictsort", "items", "attr", "default", "d", "random", "sum", "abs", "int", "float",
        "round",
    }
)  # fmt: skip

LOOP_FILTER = "_bounded_loop"
CONCAT_FILTER = "_bounded_concat"


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox with limits on depth, size, work and output (see the module)."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    template_class = BoundedTemplate

    def __init__(self, *, limits: Limits, **options: Any) -> None:
        super().__init__(**options)
        self.limits = limits
        if self.finalize is not None:
            self.finalize = self._bounded_finalize(self.finalize)
        self.filters = {name: self._bounded_filter(name, f) for name, f in self.filters.items()}
        self.filters[LOOP_FILTER] = self._loop
        self.filters[CONCAT_FILTER] = self._concat
        self._lipsum = self.globals.get("lipsum")

    def add_filters(self, **filters: Callable[..., Any]) -> None:
        """Add filters, bounded like the built-in ones."""
        self.filters.update({name: self._bounded_filter(name, f) for name, f in filters.items()})

    # -- what is checked before Jinja parses or generates code
    def _tokenize(
        self, source: str, name: str | None, filename: str | None = None, state: str | None = None
    ) -> TokenStream:
        # The parser reads its tokens from here: they are checked first, and lexed only once.
        tokens = list(super()._tokenize(source, name, filename, state))
        try:
            check_nesting(tokens)
        except LimitError as exc:
            exc.filename = filename or name
            raise
        return TokenStream(iter(tokens), name, filename)

    def _generate(
        self, source: nodes.Template, name: str | None, filename: str | None, defer_init: bool = False
    ) -> str:
        metered = source.__dict__.pop(_CHECKED, None)
        if metered is None:
            try:
                metered = check_tree(source)
            except LimitError as exc:
                exc.filename = filename or name
                raise
        self._meter(metered)
        return super()._generate(source, name, filename, defer_init=defer_init)

    def _meter(self, metered: list[nodes.For | nodes.Concat]) -> None:
        """Route every loop and every ``~`` through a filter that counts them."""
        for node in metered:
            if isinstance(node, nodes.For):
                node.iter = nodes.Filter(node.iter, LOOP_FILTER, [], [], None, None, lineno=node.iter.lineno)
                node.iter.set_environment(self)
            else:
                joined = nodes.Filter(
                    nodes.Tuple(node.nodes, "load", lineno=node.lineno),
                    CONCAT_FILTER,
                    [],
                    [],
                    None,
                    None,
                    lineno=node.lineno,
                )
                joined.set_environment(self)
                node.nodes = [joined]

    # -- what is checked while it runs
    def _built(self, value: Any, steps: int = 0) -> Any:
        # Inlined _size and _spend: this runs for every filter, call, operator and {{ }}.
        size = len(value) if isinstance(value, _SIZED) else 1
        if size > self.limits.value:
            raise LimitError("value", self.limits.value)
        current = _BUDGET.get()
        if current is not None:
            current.left -= size + steps
            if current.left < 0:
                raise LimitError("work", current.limit)
        return value

    def _inputs(self, args: Iterable[Any]) -> None:
        # Containers are measured all the way down: turning one into text costs that much.
        limit = self.limits.value
        for arg in args:
            if isinstance(arg, _CONTAINERS) and measure(arg, limit) > limit:
                raise LimitError("value", limit)

    def _bounded_filter(self, name: str, func: Callable[..., Any]) -> Callable[..., Any]:
        passes = 1 if hasattr(func, "jinja_pass_arg") else 0  # the environment or context goes first
        bound = _FILTER_BOUNDS.get(name)
        signature = inspect.signature(func) if bound or name == "join" else None
        percent = name == "format"

        structural = name in _STRUCTURAL

        def bounded(*args: Any, **kwargs: Any) -> Any:
            values = args[passes:]
            if not structural:
                self._inputs(values)
                self._inputs(kwargs.values())
            limit = self.limits.value
            if signature is not None and values:
                if name == "join":  # the items are measured, so an iterator is read once here
                    items = list(values[0])
                    args = (*args[:passes], items, *values[1:])
                    separator = signature.bind(*args, **kwargs).arguments.get("d", "")
                    if _join_bound(items, separator, limit) > limit:
                        raise LimitError("value", limit)
                elif bound is not None and bound(signature.bind(*args, **kwargs).arguments, limit) > limit:
                    raise LimitError("value", limit)
            if percent and values and isinstance(values[0], str):
                _check_percent(values[0], (*values[1:], kwargs), limit)
            return self._built(func(*args, **kwargs))

        bounded.__name__ = name
        if passes:
            bounded.jinja_pass_arg = func.jinja_pass_arg  # type: ignore[attr-defined]
        return bounded

    def _bounded_finalize(self, finalize: Callable[[Any], Any]) -> Callable[[Any], Any]:
        def bounded(value: Any) -> Any:
            if not isinstance(value, str):
                self._inputs((value,))
            return self._built(finalize(value))

        return bounded

    def _loop(self, iterable: Any) -> Any:
        """A loop's items, each counted as a step."""
        try:
            count = len(iterable)
        except TypeError:
            return self._counted(iterable)
        _spend(STEP * count)
        return iterable

    @staticmethod
    def _counted(iterable: Iterable[Any]) -> Iterator[Any]:
        for item in iterable:
            _spend(STEP)
            yield item

    def _concat(self, pieces: tuple[Any, ...]) -> str:
        """``a ~ b``: the pieces measured before they are turned into text."""
        self._inputs(pieces)
        limit = self.limits.value
        if sum(_text(p, limit) for p in pieces) > limit:
            raise LimitError("value", limit)
        return self._built("".join(map(str, pieces)))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """Calls (macros, globals, methods) cost a step and are measured like filters."""
        __self._inputs(args)
        if kwargs:
            __self._inputs(kwargs.values())
        limit = __self.limits.value
        if isinstance(__obj, types.BuiltinMethodType) and isinstance(__obj.__self__, str):
            method = _STR_BOUNDS.get(__obj.__name__)
            if method is not None and method(__obj.__self__, args, kwargs, limit) > limit:
                raise LimitError("value", limit)
            if __obj.__name__ == "join" and args:
                items = list(args[0])
                args = (items, *args[1:])
                if _join_bound(items, __obj.__self__, limit) > limit:
                    raise LimitError("value", limit)
        elif __obj is __self._lipsum and _lipsum_bound(args, kwargs) > limit:
            raise LimitError("value", limit)
        return __self._built(super().call(__context, __obj, *args, **kwargs), STEP)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """``str.format`` as the sandbox wraps it, with its widths checked first."""
        formatter = super().wrap_str_format(value)
        if formatter is None:
            return None
        text: str = value.__self__

        @wraps(formatter)
        def checked(*args: Any, **kwargs: Any) -> str:
            _check_braces(text, (*args, kwargs), self.limits.value)
            return formatter(*args, **kwargs)

        return checked

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        """Refuse powers, repetitions and formats that would explode; measure ``+`` after.

        Intercepting them also stops Jinja from folding constants such as ``[1] * 10**9``
        while it compiles, which would otherwise hang before the sandbox ever runs.
        """
        limit = self.limits.value
        if operator == "**":
            if (
                not all(isinstance(v, int | float) for v in (left, right))
                or abs(right) > 64
                or abs(left) > 10**6
            ):
                raise SecurityError("'**' is limited to small numbers")
            return left**right
        if operator == "*":
            for seq, count in ((left, right), (right, left)):
                if (
                    isinstance(seq, str | list | tuple)
                    and isinstance(count, int)
                    and measure(seq, limit) * count > limit
                ):
                    raise LimitError("value", limit)
            if (
                isinstance(left, int)
                and isinstance(right, int)
                and left.bit_length() + right.bit_length() > MAX_INT_BITS
            ):
                raise LimitError("value", MAX_INT_BITS * 3 // 10)  # about the digits
            return self._built(left * right)
        if operator == "%" and isinstance(left, str):
            self._inputs((right,))
            _check_percent(left, (right,), limit)
            return self._built(left % right)
        return self._built(self.binop_table[operator](left, right))
