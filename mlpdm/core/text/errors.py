"""The one exception hierarchy of mlpdm: user mistakes carry a message, a hint and a place."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any


@dataclass(frozen=True)
class Location:
    """Where a problem is: a file and, when known, a 1-based line."""

    path: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


class MlpdmError(Exception):
    """Base of every error mlpdm raises on purpose."""


@dataclass(frozen=True)
class Localized:
    """A value of a message given in several languages, such as a question's label."""

    texts: Mapping[str, str]

    def text(self, lang: str) -> str:
        """The text in ``lang`` (English when it has none in ``lang``)."""
        from mlpdm.core.text.languages import pick

        return pick(self.texts, lang)


@dataclass(frozen=True)
class Msg:
    """A catalogue message not yet put into words: its key and values (values may be Msgs)."""

    key: str
    params: tuple[tuple[str, Any], ...] = ()

    def text(self, lang: str) -> str:
        """The message in ``lang``."""
        from mlpdm.core.text.messages import t

        return t(self.key, lang, **{k: in_words(v, lang) for k, v in self.params})


def in_words(value: Any, lang: str) -> Any:
    """A message's value as shown in ``lang``: a Msg or Localized put into words, else as is."""
    return value.text(lang) if isinstance(value, Msg | Localized) else value


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, with its place."""

    message: str
    where: Location | None = None
    msg: Msg | None = None  # when set, the message can be shown in any language
    fix: Msg | None = None  # what to do about it, shown after the problem

    @classmethod
    def of(cls, key: str, where: Location | None = None, /, **params: Any) -> Problem:
        """A problem whose text is the catalogue's ``problem.<key>``."""
        msg = Msg(f"problem.{key}", tuple(params.items()))
        return cls(msg.text("en"), where, msg)

    def advise(self, fix: Msg | None) -> Problem:
        """This problem with what to do about it."""
        return replace(self, fix=fix)

    def text(self, lang: str) -> str:
        """The problem with its place, in ``lang``: ``file:line: what is wrong — what to do``."""
        message = self.msg.text(lang) if self.msg else self.message
        if self.fix is not None:
            from mlpdm.core.text.messages import t

            message = t("p.problem_fix", lang, problem=message, fix=self.fix.text(lang))
        return f"{self.where}: {message}" if self.where else message

    def __str__(self) -> str:
        return self.text("en")


class UserError(MlpdmError):
    """A mistake the user can fix: bad input, a missing file, an unknown choice.

    The CLI prints it as one paragraph (no traceback) and exits with code 2.
    """

    def __init__(
        self,
        message: str,
        *,
        hint: str | None = None,
        where: Location | None = None,
        problems: tuple[Problem, ...] = (),
        key: str | None = None,
        params: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.where = where
        self.problems = problems
        # With a key, the message and hint come from the catalogue (error.<key>, and
        # error.<key>.hint when it exists), so they can be shown in the user's language.
        self.key = key
        self.params = dict(params or {})

    @classmethod
    def of(
        cls, key: str, /, *, where: Location | None = None, problems: tuple[Problem, ...] = (), **params: Any
    ) -> UserError:
        """A UserError whose texts come from the message catalogue."""
        error = cls("", where=where, problems=problems, key=key, params=params)
        error.message, error.hint = error.text("en")
        error.args = (error.message,)
        return error

    def text(self, lang: str) -> tuple[str, str | None]:
        """The message and hint in ``lang``."""
        if self.key is None:
            return self.message, self.hint
        from mlpdm.core.text.messages import MESSAGES, t

        params = {k: in_words(v, lang) for k, v in self.params.items()}
        hint_key = f"error.{self.key}.hint"
        hint = t(hint_key, lang, **params) if hint_key in MESSAGES else None
        return t(f"error.{self.key}", lang, **params), hint

    def msg(self) -> Msg:
        """The message without its hint, to be put into words inside another message."""
        if self.key is None:
            return Msg("error.plain", (("text", self.message),))
        return Msg(f"error.{self.key}", tuple(self.params.items()))

    def as_problem(self) -> Problem:
        """This error as one problem among others (its message names its own place)."""
        return Problem(self.message, None, self.msg())


class InterviewInterrupted(BaseException):
    """The person stopped the interview (Ctrl-C, end of input, terminal closed).

    A BaseException, as KeyboardInterrupt is: it may be raised by a signal anywhere, and no
    ``except Exception`` on the way (in mlpdm or a library) may take it for a failure of its
    own, swallow it or report it; only the interview's top level catches it.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
