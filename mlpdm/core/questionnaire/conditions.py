"""Compile and evaluate `when` conditions: Jinja2 expressions over the answers, in a sandbox."""

from __future__ import annotations

import marshal
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import CodeType
from typing import Any

from jinja2 import StrictUndefined, TemplateSyntaxError, UndefinedError, nodes
from jinja2.environment import TemplateExpression
from jinja2.exceptions import SecurityError
from jinja2.parser import Parser
from jinja2.sandbox import ImmutableSandboxedEnvironment

from mlpdm.core.evaluation.planner import CONDITION_FUNCTIONS
from mlpdm.core.questionnaire.sandbox import CONDITION_LIMITS, BoundedSandbox, LimitError, budget, checked
from mlpdm.core.text.errors import Msg

# Filters whose output is bounded by their input (no widths, counts or formats to inflate).
SAFE_FILTERS = frozenset(
    {
        "length",
        "count",
        "lower",
        "upper",
        "trim",
        "list",
        "first",
        "last",
        "min",
        "max",
        "sum",
        "unique",
        "sort",
        "select",
        "reject",
        "int",
        "float",
        "abs",
        "round",
        "default",
        "d",
        "join",
        "string",
        "bool",
    }
)
# Names a condition may use besides question and derived ids.
BUILTIN_NAMES = frozenset({"true", "false", "none", "True", "False", "None", *CONDITION_FUNCTIONS})


class ConditionError(Exception):
    """A condition that cannot be compiled or evaluated; the caller adds the file and line."""

    def __init__(self, message: str, msg: Msg | None = None) -> None:
        super().__init__(message)
        self.msg = msg  # set when the message can be shown in any language


def _limit_passed(text: str, exc: LimitError) -> ConditionError:
    shown = text if len(text) <= 80 else text[:77] + "..."  # `not ` x 5,000 would fill the screen
    msg = Msg(f"problem.condition_{exc.kind}", (("condition", repr(shown)), ("limit", f"{exc.limit:,}")))
    return ConditionError(msg.text("en"), msg)


def _environment() -> ImmutableSandboxedEnvironment:
    # StrictUndefined makes a misspelt id fail loudly instead of reading as false.
    env = BoundedSandbox(limits=CONDITION_LIMITS, undefined=StrictUndefined, autoescape=False)
    env.globals.update(CONDITION_FUNCTIONS)
    return env


_ENV = _environment()


_MEMO_LIMIT = 20_000

# Conditions already compiled, by their text: the names and literals each reads and its
# generated Python code, marshalled. A shell may fill it from a per-user cache (see
# ``generated_code``): parsing a condition and generating its code is most of the cost of
# its first evaluation, and a render evaluates over a hundred. Only what compiled from
# exactly this text before belongs here: nothing in it is parsed or checked again.
Precompiled = tuple[frozenset[str], frozenset[Any], bytes]
PRECOMPILED: dict[str, Precompiled] = {}


@dataclass(frozen=True)
class Condition:
    """A compiled condition with the names it reads."""

    source: str
    names: frozenset[str]
    constants: frozenset[Any]  # literals it compares with, e.g. 'unsure' or 1000
    # Stores its value as ``result``; None when taken from PRECOMPILED (parsed again if needed).
    _template: nodes.Template | None = field(compare=False, repr=False)
    order: tuple[str, ...] = ()  # the names, sorted: the order evaluate_values takes them in
    # Python code is generated on first evaluation: validating a questionnaire needs only
    # the parse, and an interview's first question needs few of its conditions.
    _compiled: list[Callable[..., Any]] = field(default_factory=list, compare=False, repr=False)
    # Results by the values of the names read: evaluating a Jinja expression costs tens of
    # microseconds, and the same few combinations recur across questions, answers and files.
    _memo: dict[tuple[Any, ...], bool] = field(default_factory=dict, compare=False, repr=False)

    def evaluate(self, context: Mapping[str, Any]) -> bool:
        """Evaluate against ``context`` (id -> answer); native truthiness, no string guessing."""
        return self.evaluate_values(tuple(context.get(name, _MISSING) for name in self.order))

    def evaluate_values(self, values: tuple[Any, ...]) -> bool:
        """Evaluate with the values of ``names`` in sorted order (no dictionary to build)."""
        key = _memo_key(values)
        if key is not None:
            cached = self._memo.get(key)
            if cached is not None:
                return cached
        result = self._evaluate({n: v for n, v in zip(self.order, values, strict=True) if v is not _MISSING})
        if key is not None:
            if len(self._memo) >= _MEMO_LIMIT:
                self._memo.clear()
            self._memo[key] = result
        return result

    def _evaluate(self, context: Mapping[str, Any]) -> bool:
        if not self._compiled:
            template = _ENV.template_class.from_code(_ENV, self.code(), _ENV.make_globals(None), None)
            self._compiled.append(TemplateExpression(template, undefined_to_none=False))
        try:
            with budget(CONDITION_LIMITS):
                return bool(self._compiled[0](**context))
        except LimitError as exc:
            raise _limit_passed(self.source, exc) from None
        except UndefinedError as exc:
            raise ConditionError(f"condition {self.source!r} uses an unknown name: {exc}") from None
        except SecurityError as exc:
            raise ConditionError(
                f"condition {self.source!r} tried something the sandbox forbids: {exc}"
            ) from None
        except Exception as exc:  # a type error inside a team's expression, e.g. 'a' in 3
            raise ConditionError(f"condition {self.source!r} failed: {type(exc).__name__}: {exc}") from None

    def code(self) -> CodeType:
        """The Python code generated for the condition (taken from PRECOMPILED when there)."""
        stored = PRECOMPILED.get(self.source)
        if stored is not None:
            try:
                code = marshal.loads(stored[2])
            except (EOFError, ValueError, TypeError):
                code = None
            if isinstance(code, CodeType):
                return code
        template = self._template
        if template is None:  # a condition from the cache keeps no tree: parse it again
            template = _parsed(self.source)._template
        assert template is not None  # _parsed always keeps the tree it checked
        try:
            return _ENV.compile(template)
        except TemplateSyntaxError as exc:  # what only code generation notices
            raise ConditionError(
                f"condition {self.source!r} is not a valid expression: {exc.message}"
            ) from None
        except LimitError as exc:
            raise _limit_passed(self.source, exc) from None


def generated_code(sources: Iterable[str]) -> dict[str, Precompiled]:
    """Each condition that compiles, by its text, as PRECOMPILED keeps it."""
    out: dict[str, Precompiled] = {}
    for source in sources:
        try:
            condition = compile_condition(source)
            out[condition.source] = (condition.names, condition.constants, marshal.dumps(condition.code()))
        except ConditionError:
            continue  # evaluating it will say what is wrong, with its file and line
    return out


def _as_template(expression: nodes.Expr) -> nodes.Template:
    """The template that stores the condition's value as ``result``."""
    return nodes.Template([nodes.Assign(nodes.Name("result", "store"), expression, lineno=1)], lineno=1)


_MISSING = object()


def _memo_key(values: tuple[Any, ...]) -> tuple[Any, ...] | None:
    """A hashable key for the values a condition reads, or None when they cannot make one.

    The type name is part of the key because True == 1 == 1.0 would otherwise collide.
    """
    key = tuple([(v.__class__, tuple(v) if v.__class__ is list else v) for v in values])
    try:
        hash(key)
    except TypeError:
        return None
    return key


@lru_cache(maxsize=4096)
def compile_condition(source: str) -> Condition:
    """Compile ``source``; raise ConditionError with Jinja's message on a syntax error.

    Compiled conditions are cached: a questionnaire's conditions are compiled once per process.
    """
    text = source.strip()
    if not text:
        raise ConditionError("condition is empty")
    stored = PRECOMPILED.get(text)
    if stored is not None:
        names, constants, _ = stored
        return Condition(
            source=text, names=names, constants=constants, _template=None, order=tuple(sorted(names))
        )
    return _parsed(text)


def _parsed(text: str) -> Condition:
    try:
        # Parsed as Environment.compile_expression parses, but only once: the same tree is
        # checked here and turned into code on first use. Its depth is checked on the tokens
        # first, and on the tree before anything walks it, as both Jinja's parser and the
        # walks below recurse.
        parser = Parser(_ENV, text, state="variable")  # checks the nesting on the tokens
        expression = parser.parse_expression()
        if not parser.stream.eos:
            raise TemplateSyntaxError("chunk after expression", parser.stream.current.lineno, None, None)
        template = checked(_as_template(expression))  # the tree code generation will walk
    except TemplateSyntaxError as exc:
        raise ConditionError(f"condition {text!r} is not a valid expression: {exc.message}") from None
    except LimitError as exc:
        raise _limit_passed(text, exc) from None
    expression.set_environment(_ENV)
    tree = nodes.Output([expression])  # find_all() visits children only, so give the root a parent
    # Refuse before anything is folded or run. Read the literals first too, as folding rewrites lists.
    _reject_unsafe(tree, text)
    constants = frozenset(
        node.value for node in tree.find_all(nodes.Const) if isinstance(node.value, str | int | float)
    )
    # An expression binds no names (Jinja has no comprehensions), so every name it reads
    # comes from outside.
    names = frozenset(node.name for node in tree.find_all(nodes.Name)) - BUILTIN_NAMES
    return Condition(
        source=text, names=names, constants=constants, _template=template, order=tuple(sorted(names))
    )


def _reject_unsafe(ast: nodes.Node, text: str) -> None:
    """Refuse, before anything runs, what a condition never needs and an attacker would use.

    Private attributes (``__class__``, ``__globals__``: the sandbox would refuse them too,
    but here the error names the file and line), calls other than mlpdm's own functions
    (``range``, ``lipsum``, methods), filters outside SAFE_FILTERS, unknown tests (code
    generation would find those, but only on first use: too late for `questionnaire
    validate` to name the line), powers (``10**10**10`` runs for ever) and repeating strings
    or lists (``'a' * 10**9`` fills memory). One walk over the tree checks them all.
    """
    for node in ast.find_all(nodes.Node):
        problem = _unsafe(node)
        if problem:
            raise ConditionError(f"condition {text!r} {problem}")


def _unsafe(node: nodes.Node) -> str | None:
    """What is wrong with one node of a condition, if anything."""
    if isinstance(node, nodes.Getattr | nodes.Getitem):
        attr = getattr(node, "attr", None)
        arg = getattr(node, "arg", None)
        if attr is None and isinstance(arg, nodes.Const):
            attr = arg.value
        if isinstance(attr, str) and attr.startswith("_"):
            return f"reads the private attribute {attr!r}, which is not allowed"
    elif isinstance(node, nodes.Call):
        callee = node.node
        if not (isinstance(callee, nodes.Name) and callee.name in CONDITION_FUNCTIONS):
            name = callee.name if isinstance(callee, nodes.Name) else "a method"
            return f"calls {name}; conditions may only call {', '.join(sorted(CONDITION_FUNCTIONS))}"
    elif isinstance(node, nodes.Test) and node.name not in _ENV.tests:
        return f"uses the unknown test {node.name!r}"
    elif isinstance(node, nodes.Filter) and node.name not in SAFE_FILTERS:
        return f"uses the filter {node.name!r}; conditions may use {', '.join(sorted(SAFE_FILTERS))}"
    elif isinstance(node, nodes.Pow):
        return "uses '**', which conditions do not allow"
    elif isinstance(node, nodes.Mul) and any(
        isinstance(o, nodes.List | nodes.Tuple)
        or (isinstance(o, nodes.Const) and isinstance(o.value, str | list | tuple))
        for o in (node.left, node.right)
    ):
        return "repeats a string or list with '*', which is not allowed"
    return None
