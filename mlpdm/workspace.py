"""A feature's files in the docs directory: the answers, the brief and the interview draft."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

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
            raise UserError(
                f"{self.slug!r} cannot be used as a file name",
                hint="Slugs use letters, digits and hyphens only; mlpdm makes one from the feature name.",
            )

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
        with path.open(encoding="utf-8", errors="replace") as handle:
            head = handle.read(4096)
    except FileNotFoundError:
        return True
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror}", where=Location(str(path))) from None
    if head.startswith("---\n"):
        front = head.split("\n---\n", 1)[0] + "\n"
        return "\ngenerator: mlpdm\n" in front
    return head.lstrip().startswith("{") and '"generator": "mlpdm"' in head
