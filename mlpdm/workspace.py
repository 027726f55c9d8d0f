"""A feature's files in the docs directory: the answers, the brief and the interview draft."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mlpdm.core.answers import AnswersDoc, parse_answers_doc
from mlpdm.core.errors import Location, UserError
from mlpdm.core.questionnaire import Questionnaire
from mlpdm.core.slug import is_valid_slug
from mlpdm.files import atomic_write, dump_yaml, load_yaml_file

ANSWERS_SUFFIX = ".answers.yaml"
DRAFT_SUFFIX = ".draft.yaml"


@dataclass(frozen=True)
class FeatureFiles:
    """Where one feature's files live."""

    directory: Path
    slug: str

    def __post_init__(self) -> None:
        if not is_valid_slug(self.slug):
            raise UserError.of("bad_slug", slug=self.slug)

    @property
    def answers(self) -> Path:
        """The answers file: the single source of truth."""
        return self.directory / f"{self.slug}{ANSWERS_SUFFIX}"

    @property
    def brief(self) -> Path:
        """The rendered brief."""
        return self.directory / f"{self.slug}.md"

    @property
    def draft(self) -> Path:
        """Answers of an unfinished interview, saved after every answer."""
        return self.directory / f"{self.slug}{DRAFT_SUFFIX}"

    @classmethod
    def for_answers(cls, path: Path, slug: str) -> FeatureFiles:
        """The files that belong with an answers file."""
        return cls(path.parent, slug)


def answers_text(doc: AnswersDoc, *, brief_name: str, draft: bool = False) -> str:
    """The answers file as written to disk: a short header comment, then plain YAML."""
    if draft:
        header = (
            "# mlpdm: an unfinished interview, saved after every answer.\n"
            "# Resume it with `mlpdm interview` and the same feature name.\n"
        )
    else:
        header = (
            f"# mlpdm answers: the source of truth for {brief_name}.\n"
            "# Edit the answers here, then run `mlpdm render` on this file to update the brief.\n"
        )
    return header + dump_yaml(doc.to_mapping())


def read_answers(path: Path, questionnaire: Questionnaire, *, partial: bool = False) -> AnswersDoc:
    """Load and validate an answers file (a draft may lack required answers)."""
    data, source = load_yaml_file(path, what="answers")
    return parse_answers_doc(data, questionnaire, source, partial=partial)


def write_answers(path: Path, doc: AnswersDoc, *, brief_name: str, draft: bool = False) -> None:
    """Write an answers file atomically."""
    atomic_write(path, answers_text(doc, brief_name=brief_name, draft=draft))


def is_generated_brief(path: Path) -> bool:
    """Whether ``path`` is missing or holds output mlpdm wrote (so it may be replaced).

    A Markdown brief says ``generator: mlpdm`` in its front matter, a JSON one has a
    ``"generator": "mlpdm"`` key; anything else is treated as a person's file.
    """
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return False  # a device, pipe or folder: never opened (a pipe would block) nor replaced
        with path.open(encoding="utf-8", errors="replace") as handle:
            head = handle.read(4096)
    except (FileNotFoundError, NotADirectoryError):
        return True
    except OSError as exc:
        raise UserError.of("cannot_read", where=Location(str(path)), path=path, reason=exc.strerror) from None
    if head.startswith("---\n"):
        front = head.split("\n---\n", 1)[0] + "\n"
        return "\ngenerator: mlpdm\n" in front
    return head.lstrip().startswith("{") and '"generator": "mlpdm"' in head


class FeatureLock:
    """Refuses a second interview on the same feature while one is running.

    A ``<slug>.lock`` file, created exclusively, names the process that holds it. A lock left
    by a process that no longer runs on this machine (killed, crashed) is taken over.
    """

    def __init__(self, files: FeatureFiles, *, command: str = "mlpdm interview") -> None:
        self.path = files.directory / f"{files.slug}.lock"
        self.command = command
        self.taken_over: dict[str, Any] | None = None

    def __enter__(self) -> FeatureLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        holder = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "started": dt.datetime.now().isoformat(timespec="seconds"),
            "command": self.command,
        }
        for _ in range(2):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                other = self._read()
                if other is not None and _alive(other):
                    raise UserError.of(
                        "lock_held",
                        pid=other.get("pid"),
                        host=other.get("host"),
                        started=other.get("started"),
                        lock=self.path,
                    ) from None
                self.taken_over = other
                self.path.unlink(missing_ok=True)
                continue
            except OSError as exc:
                raise UserError.of("cannot_write", path=self.path, reason=exc.strerror) from None
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(holder, handle)
            return self
        raise UserError.of("lock_failed", lock=self.path)

    def __exit__(self, *exc_info: object) -> None:
        with contextlib.suppress(OSError):
            self.path.unlink()

    def _read(self) -> dict[str, Any] | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None


def _alive(holder: dict[str, Any]) -> bool:
    """Whether the process named by a lock still runs (always assumed on another host)."""
    if holder.get("host") != socket.gethostname():
        return True
    pid = holder.get("pid")
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
