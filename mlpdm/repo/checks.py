"""Check a docs directory: every answers file valid, every brief current, the index up to date."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from jinja2 import BaseLoader

from mlpdm.core.answers.document import AnswersDoc, is_outdated, parse_answers_doc, questionnaire_id_of
from mlpdm.core.answers.schema import answers_schema, has_modeline, schema_name, schema_text
from mlpdm.core.brief.frontmatter import (
    HEAD_BYTES,
    compare_brief,
    front_matter_problems,
    is_feature_brief,
    recorded_language,
    says_generated,
)
from mlpdm.core.brief.portfolio import Entry, render_index
from mlpdm.core.brief.render import is_override, render_brief, render_digest
from mlpdm.core.decision.engine import Verdict, decide
from mlpdm.core.questionnaire.model import Questionnaire, SourceFile
from mlpdm.core.questionnaire.upgrade import questions_to_update
from mlpdm.core.text.encoding import decode_head
from mlpdm.core.text.errors import Problem, UserError
from mlpdm.core.text.languages import resolve_language
from mlpdm.core.text.messages import t
from mlpdm.core.text.slug import is_valid_slug
from mlpdm.repo.cache import cache_key, code_files, recall, remember
from mlpdm.repo.confine import inside
from mlpdm.repo.files import atomic_write, is_regular, parse_yaml, read_text, regular_or_absent
from mlpdm.repo.workspace import ANSWERS_SUFFIX, DRAFT_SUFFIX, FeatureFiles, locked_write

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Place:
    """Where in a file one part of a finding is: what `check --format github` annotates."""

    path: str  # as the user reads it, like CheckProblem.path
    line: int | None
    message: str  # without the place


@dataclass(frozen=True)
class CheckProblem:
    """One line of `mlpdm check` output."""

    path: str
    code: str
    severity: Severity
    message: str
    # The lines it points at, when known (each problem of an answers file has its own); else
    # the finding is about ``path`` as a whole.
    places: tuple[Place, ...] = ()

    def as_dict(self) -> dict[str, str]:
        """For --format json."""
        return {"path": self.path, "code": self.code, "severity": self.severity, "message": self.message}


@dataclass
class Report:
    """What a check found and, with --fix, what it changed."""

    checked: int = 0
    findings: list[CheckProblem] = field(default_factory=list)
    fixed: list[str] = field(default_factory=list)

    def add(
        self, path: Path | str, code: str, severity: Severity, message: str, places: tuple[Place, ...] = ()
    ) -> None:
        """Record a finding."""
        self.findings.append(CheckProblem(str(path), code, severity, message, places))

    def failed(self, *, strict: bool) -> bool:
        """Whether the check fails (errors, or any finding with --strict)."""
        return any(f.severity == "error" or strict for f in self.findings)


@dataclass(frozen=True)
class Loaded:
    """A feature whose answers file parsed, with what the index shows of it."""

    files: FeatureFiles
    entry: Entry


@dataclass
class Checker:
    """Checks one docs directory. Questionnaires, loader and clock are injected by the CLI."""

    docs: Path
    questionnaire_for: Callable[[str], Questionnaire]
    loader: BaseLoader
    lang: str
    today: dt.date
    index_path: Path | None = None
    fail_on: frozenset[str] = frozenset()
    display_root: Path | None = None
    brief_lang: str = "en"  # for a brief that does not exist yet; others keep their own language
    root: Path | None = None  # files that lead outside it once links are followed are not read
    loaded: list[Loaded] = field(default_factory=list)
    _render_bases: dict[tuple[int, str], str] = field(default_factory=dict, repr=False)
    _schemas: set[Path] = field(default_factory=set, repr=False)  # checked once per folder and id

    def say(self, key: str, **params: object) -> str:
        """A finding's text in the checker's language."""
        return t(f"check.{key}", self.lang, **params)

    def show(self, path: Path) -> str:
        """A path as the user reads it: relative to where they ran the command."""
        base = self.display_root or Path.cwd()
        try:
            return os.path.relpath(path, base)
        except ValueError:  # another drive on Windows
            return str(path)

    # -- the whole directory ---------------------------------------------------------------
    def run(self, *, fix: bool = False, force: bool = False, briefs: bool = True) -> Report:
        """Check everything; ``fix`` re-renders what is missing or stale (hand edits only with ``force``).

        ``briefs=False`` (for `mlpdm index`) reads and decides every answers file but does not
        render the briefs to compare them.
        """
        report = Report()
        if not self.docs.is_dir():
            raise UserError.of("not_a_directory", path=self.show(self.docs))
        answers_files = [p for p in sorted(self.docs.rglob(f"*{ANSWERS_SUFFIX}")) if self._inside(p, report)]
        slugs = {FeatureFiles.slug_of(p) for p in answers_files}
        if self.index_path is not None and self.index_path.name.removesuffix(".md") in slugs and briefs:
            # index = "<slug>.md" would make the portfolio page and that brief overwrite each other.
            report.add(self.show(self.index_path), "index-is-a-brief", "error", self.say("index_is_a_brief"))
            self.index_path = None
        for path in answers_files:
            report.checked += 1
            self._check_answers(path, slugs, report, fix=fix, force=force, briefs=briefs)
        for draft in sorted(self.docs.rglob(f"*{DRAFT_SUFFIX}")):
            report.add(
                self.show(draft),
                "interview-unfinished",
                "warning",
                self.say("draft"),
            )
        self._check_orphans(answers_files, report)
        if self.index_path is not None and briefs:
            self._check_index(report, fix=fix, force=force)
        return report

    def _inside(self, path: Path, report: Report) -> bool:
        if self.root is None or inside(path, self.root):
            return True
        report.add(
            self.show(path), "outside-repository", "error", self.say("outside", root=self.show(self.root))
        )
        return False

    # -- one answers file -------------------------------------------------------------------
    def _check_answers(
        self, path: Path, slugs: set[str], report: Report, *, fix: bool, force: bool, briefs: bool
    ) -> None:
        shown = self.show(path)
        try:
            text = read_text(path, what="answers", shown=shown)
            data, source = parse_yaml(text, shown)
            questionnaire = self.questionnaire_for(questionnaire_id_of(data) or "default")
            doc = parse_answers_doc(data, questionnaire, source)
        except UserError as error:
            message, _ = error.text(self.lang)
            details = t("p.sep", self.lang).join(p.text(self.lang) for p in error.problems) or message
            report.add(shown, "answers-invalid", "error", details, _places(error, self.lang, shown))
            return
        expected = FeatureFiles.slug_of(path)
        if doc.slug != expected:
            message = self.say("slug_mismatch", slug=repr(doc.slug), expected=repr(expected))
            report.add(shown, "slug-mismatch", "error", message, _at(source, ("meta", "slug"), message))
            return
        try:
            files = FeatureFiles.named_by(path)
        except UserError as error:  # a name no command writes a brief for: never a path to one
            message = error.text(self.lang)[0]
            report.add(shown, "slug-mismatch", "error", message, _at(source, ("meta", "slug"), message))
            return
        if has_modeline(text):
            self._check_schema(path, questionnaire, report, fix=fix)
        verdict = decide(questionnaire, doc.answers)
        self.loaded.append(Loaded(files, Entry.of(doc, verdict)))
        if is_outdated(questionnaire, doc.questionnaire_version, doc.base_version):
            new, changed = questions_to_update(questionnaire, doc)
            message = self.say(
                "outdated",
                id=questionnaire.id,
                made=_version(doc),
                now=_version_of(questionnaire),
                new=len(new),
                changed=len(changed),
                path=shown,
            )
            places = _at(source, ("questionnaire", "version"), message)
            report.add(shown, "questionnaire-outdated", "error", message, places)
        elif briefs:
            self._check_brief(files, text, doc, questionnaire, verdict, report, fix=fix, force=force)
        self._check_decision(shown, source, doc, verdict, slugs, report)
        self._check_dates_and_verdict(shown, source, doc, verdict, report)

    def _check_schema(self, path: Path, questionnaire: Questionnaire, report: Report, *, fix: bool) -> None:
        """The schema an answers file's first line points editors at: there, and current.

        In the repository's language, like the file every interview and decision keeps there.
        """
        schema = path.with_name(schema_name(questionnaire.id))
        if schema in self._schemas:
            return
        self._schemas.add(schema)
        shown, name = self.show(schema), schema.name
        # Beside an answers file already found inside the repository; a link there is never
        # followed (it could lead anywhere), nor replaced.
        if os.path.lexists(schema) and not is_regular(schema):
            report.add(shown, "schema-not-regular", "error", self.say("schema_not_regular", name=name))
            return
        fresh = schema_text(answers_schema(questionnaire, self.brief_lang))
        try:
            existing = read_text(schema, what="schema", shown=shown) if schema.exists() else None
        except UserError:
            existing = ""  # unreadable or not UTF-8: not the schema mlpdm writes
        if existing == fresh:
            return
        if fix:
            try:
                atomic_write(schema, fresh)
            except UserError as error:
                report.add(shown, "schema-not-written", "error", error.text(self.lang)[0])
                return
            report.fixed.append(self.say("schema_rewritten" if existing else "schema_written", path=shown))
            return
        if existing is None:
            report.add(shown, "schema-missing", "warning", self.say("schema_missing", name=name))
        else:
            version = questionnaire.version
            report.add(
                shown,
                "schema-stale",
                "warning",
                self.say("schema_stale", name=name, id=questionnaire.id, version=version),
            )

    def _check_dates_and_verdict(
        self, shown: str, source: SourceFile, doc: AnswersDoc, verdict: Verdict, report: Report
    ) -> None:
        review = doc.meta.get("review_by")
        if review and review < self.today.isoformat():
            message = self.say("review_overdue", date=review)
            report.add(
                shown, "review-overdue", "warning", message, _at(source, ("meta", "review_by"), message)
            )
        if verdict.id in self.fail_on:
            report.add(shown, "verdict-fail-on", "error", self.say("fail_on", verdict=verdict.id))

    def _check_brief(
        self,
        files: FeatureFiles,
        text: str,
        doc: AnswersDoc,
        questionnaire: Questionnaire,
        verdict: Verdict,
        report: Report,
        *,
        fix: bool,
        force: bool,
    ) -> None:
        brief = files.brief
        shown = self.show(brief)
        if os.path.lexists(brief) and not is_regular(brief):  # a link, pipe or device: never followed
            report.add(shown, "brief-not-regular", "error", self.say("brief.not_regular"))
            return
        existing, unreadable = self._read_brief(brief)
        if unreadable:
            if not (fix and force):  # reported; the other features go on
                problems = t("p.sep", self.lang).join(p.text(self.lang) for p in unreadable)
                places = tuple(_place(p, self.lang, shown) for p in unreadable)
                message = self.say("brief.invalid", problems=problems)
                report.add(shown, "brief-invalid", "error", message, places)
                return
            # --fix --force replaces it, whatever it holds, in the repository's language.
            fresh = render_brief(questionnaire, doc, verdict, lang=self.brief_lang, loader=self.loader)
            key = self._render_key(questionnaire, self.brief_lang, text)
            self._write_brief(files, {files.answers: text}, fresh, key, report, lost=True)
            return
        lang = self.language_of(existing)
        # Current means: these bytes are what the answers render to. A digest stored in the
        # brief proves nothing (anyone can recompute one); the per-user cache remembers what
        # this machine itself rendered from exactly these inputs.
        key = self._render_key(questionnaire, lang, text)
        if existing is not None and recall("brief", key) == _digest(existing):
            return
        fresh = render_brief(questionnaire, doc, verdict, lang=lang, loader=self.loader)
        state = compare_brief(existing, fresh)
        if state == "current":
            remember("brief", key, _digest(fresh))
            return
        lost = state in ("edited", "not-generated")
        if fix and (not lost or force):
            seen = {files.answers: text, files.brief: existing}
            self._write_brief(files, seen, fresh, key, report, lost=lost)
            return
        message = self.say(f"brief.{state}")
        places = ()
        if not lost:
            # The answers file is what a pull request changed (or where a missing brief belongs):
            # a reviewer sees the problem on the file in front of them, at its first line.
            places = (Place(self.show(files.answers), 1, message),)
        code = "brief-edited" if lost else "brief-missing" if state == "missing" else "brief-stale"
        report.add(shown, code, "error", message, places)

    def _write_brief(
        self,
        files: FeatureFiles,
        seen: dict[Path, str | None],
        fresh: str,
        key: str,
        report: Report,
        *,
        lost: bool,
    ) -> None:
        """``check --fix``: the brief rendered again, under the feature's lock.

        Only over the files in ``seen`` as they were read (a brief that could not be read is
        left out: it is replaced only with --force, whatever it holds).
        """
        shown = self.show(files.brief)
        try:
            locked_write(files, "mlpdm check --fix", [(files.brief, fresh)], seen=seen, then="")
        except UserError as error:  # a full disk, a read-only folder, a change meanwhile: go on
            report.add(shown, "brief-not-written", "error", error.text(self.lang)[0])
            return
        remember("brief", key, _digest(fresh))
        report.fixed.append(self.say("rerendered_lost" if lost else "rerendered", path=shown))

    def _read_brief(self, brief: Path) -> tuple[str | None, tuple[Problem, ...]]:
        """The brief's text (None when there is none), and why it cannot be used if it cannot."""
        if not brief.exists():
            return None, ()
        shown = self.show(brief)
        try:
            text = read_text(brief, what="brief", shown=shown)
        except UserError as error:  # not UTF-8, too big, unreadable
            return None, (error.as_problem(),)
        return text, front_matter_problems(text, shown)

    def _render_key(self, questionnaire: Questionnaire, lang: str, text: str) -> str:
        """A key of everything a brief is rendered from: these answers and what renders them."""
        base = self._render_bases.get((id(questionnaire), lang))
        if base is None:
            import jinja2  # its version is part of what renders a brief

            digest = render_digest(questionnaire, self.loader, lang)
            base = cache_key("brief", f"{digest}\0{jinja2.__version__}", code_files())
            self._render_bases[(id(questionnaire), lang)] = base
        return hashlib.sha256(f"{base}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()[:32]

    def _check_decision(
        self,
        shown: str,
        source: SourceFile,
        doc: AnswersDoc,
        verdict: Verdict,
        slugs: set[str],
        report: Report,
    ) -> None:
        if is_override(verdict.id, doc.status) and not doc.decision.get("rationale"):
            message = self.say("no_rationale", status=repr(doc.status), verdict=verdict.id)
            places = _at(source, ("decision", "status"), message)
            report.add(shown, "decision-no-rationale", "error", message, places)
        if doc.status == "superseded":
            successor = doc.decision.get("superseded_by")
            if not successor:
                message = self.say("no_successor")
                places = _at(source, ("decision", "status"), message)
                report.add(shown, "superseded-no-successor", "error", message, places)
            elif successor not in slugs:
                message = self.say("successor_missing", slug=repr(successor))
                places = _at(source, ("decision", "superseded_by"), message)
                report.add(shown, "superseded-no-successor", "error", message, places)

    # -- briefs without answers, and the index ---------------------------------------------
    def _check_orphans(self, answers_files: list[Path], report: Report) -> None:
        named = [p for p in answers_files if is_valid_slug(FeatureFiles.slug_of(p))]
        with_answers = {FeatureFiles.named_by(p).brief for p in named}
        for brief in sorted(self.docs.rglob("*.md")):
            if brief in with_answers or brief == self.index_path or not is_regular(brief):
                continue
            if self.root is not None and not inside(brief, self.root):
                continue  # not read; an unrelated file that happens to be a link
            try:
                head = _head(brief, self.show(brief))
            except UserError as error:
                message, _ = error.text(self.lang)
                report.add(
                    self.show(brief),
                    "markdown-unreadable",
                    "warning",
                    self.say("markdown_unreadable", problem=message),
                )
                continue
            if is_feature_brief(head):
                report.add(
                    self.show(brief),
                    "brief-orphan",
                    "error",
                    self.say("orphan"),
                )

    def _check_index(self, report: Report, *, fix: bool, force: bool) -> None:
        assert self.index_path is not None
        shown = self.show(self.index_path)
        try:
            # Never read, and never replaced even with --force: only a regular file is an index.
            regular_or_absent(self.index_path)
        except UserError:
            report.add(shown, "index-not-regular", "error", self.say("index_not_regular"))
            return
        if not self.index_path.exists():
            if fix:
                atomic_write(self.index_path, self.index_text())
                report.fixed.append(self.say("written", path=shown))
            return  # an index is optional until a team writes one
        try:
            existing = read_text(self.index_path, what="index", shown=shown)
        except UserError as error:
            if not (fix and force):
                message, _ = error.text(self.lang)
                report.add(
                    shown, "index-unreadable", "warning", self.say("index_unreadable", problem=message)
                )
                return
            existing = ""
        fresh = self.index_text(self.language_of(existing))
        if existing == fresh:
            return
        if not says_generated(existing) and not force:
            report.add(
                shown,
                "index-not-generated",
                "warning",
                self.say("index_not_generated"),
            )
            return
        if fix:
            atomic_write(self.index_path, fresh)
            report.fixed.append(self.say("rewritten", path=shown))
            return
        report.add(shown, "index-stale", "error", self.say("index_stale"))

    def language_of(self, existing: str | None, flag: str | None = None) -> str:
        """The language to render a brief or the page in.

        ``flag``, else the one ``existing`` (the file on disk) was rendered in, else the
        repository's.
        """
        return resolve_language(flag, recorded=recorded_language(existing), default=self.brief_lang)[0]

    def index_text(self, lang: str | None = None) -> str:
        """The portfolio page for the answers files that parsed (in the repository's language)."""
        assert self.index_path is not None
        entries = [
            (item.entry, Path(os.path.relpath(item.files.brief, self.index_path.parent)).as_posix())
            for item in self.loaded
        ]
        return render_index(entries, lang=lang or self.brief_lang, loader=self.loader)


def _at(source: SourceFile, key: tuple[str, ...], message: str) -> tuple[Place, ...]:
    """The line of ``key`` in the answers file (nothing when the file does not have it)."""
    where = source.line_of(key)
    return (Place(where.path, where.line, message),) if where.line else ()


def _place(problem: Problem, lang: str, shown: str) -> Place:
    """A problem as a place in a file: its own place, or ``shown`` as a whole."""
    text = problem.text(lang)
    if problem.where is None:
        return Place(shown, None, text)
    return Place(problem.where.path, problem.where.line, text.removeprefix(f"{problem.where}: "))


def _places(error: UserError, lang: str, shown: str) -> tuple[Place, ...]:
    """Each problem of an answers file that cannot be used, at its line."""
    if error.problems:
        return tuple(_place(p, lang, shown) for p in error.problems)
    message, _ = error.text(lang)
    if error.where is None:
        return (Place(shown, None, message),)
    return (Place(error.where.path, error.where.line, message.removeprefix(f"{error.where}: ")),)


def _version(doc: AnswersDoc) -> str:
    return f"{doc.questionnaire_version}" + (f" (base v{doc.base_version})" if doc.base_version else "")


def _version_of(questionnaire: Questionnaire) -> str:
    return f"{questionnaire.version}" + (
        f" (base v{questionnaire.base_version})" if questionnaire.base_version else ""
    )


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _head(path: Path, shown: str) -> str:
    """The start of a Markdown file, enough for its front matter (a UserError if not UTF-8)."""
    try:
        with path.open("rb") as handle:
            data = handle.read(HEAD_BYTES)
    except OSError:
        return ""
    return decode_head(data, shown)


def iter_problems(report: Report) -> Iterator[CheckProblem]:
    """Findings sorted for stable output: by path, then code."""
    yield from sorted(report.findings, key=lambda f: (f.path, f.code))
