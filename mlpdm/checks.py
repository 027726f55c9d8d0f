"""Check a docs directory: every answers file valid, every brief current, the index up to date."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from jinja2 import BaseLoader

from mlpdm.core.answers import AnswersDoc, is_outdated, parse_answers_doc, questionnaire_id_of
from mlpdm.core.decision import Finding as RuleFinding
from mlpdm.core.decision import Verdict, decide
from mlpdm.core.errors import UserError
from mlpdm.core.freshness import (
    compare_brief,
    is_current,
    is_generated,
    sealed_front_matter,
    split_front_matter,
)
from mlpdm.core.messages import t
from mlpdm.core.portfolio import Entry, for_index, render_index
from mlpdm.core.questionnaire import Questionnaire
from mlpdm.core.render import is_override, render_brief, render_digest, text_digest
from mlpdm.core.versions import questions_to_update
from mlpdm.files import atomic_write, parse_yaml, read_text
from mlpdm.workspace import ANSWERS_SUFFIX, DRAFT_SUFFIX, FeatureFiles, locked_write

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Finding:
    """One line of `mlpdm check` output."""

    path: str
    code: str
    severity: Severity
    message: str

    def as_dict(self) -> dict[str, str]:
        """For --format json."""
        return {"path": self.path, "code": self.code, "severity": self.severity, "message": self.message}


@dataclass
class Report:
    """What a check found and, with --fix, what it changed."""

    checked: int = 0
    findings: list[Finding] = field(default_factory=list)
    fixed: list[str] = field(default_factory=list)

    def add(self, path: Path | str, code: str, severity: Severity, message: str) -> None:
        """Record a finding."""
        self.findings.append(Finding(str(path), code, severity, message))

    def failed(self, *, strict: bool) -> bool:
        """Whether the check fails (errors, or any finding with --strict)."""
        return any(f.severity == "error" or strict for f in self.findings)


@dataclass(frozen=True)
class Loaded:
    """An answers file that parsed, with what the index shows of it (see for_index)."""

    path: Path
    doc: AnswersDoc
    verdict: Verdict


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
    loaded: list[Loaded] = field(default_factory=list)

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
    def run(self, *, fix: bool = False, force: bool = False) -> Report:
        """Check everything; ``fix`` re-renders what is missing or stale (hand edits only with ``force``)."""
        report = Report()
        if not self.docs.is_dir():
            raise UserError.of("not_a_directory", path=self.show(self.docs))
        answers_files = sorted(self.docs.rglob(f"*{ANSWERS_SUFFIX}"))
        slugs = {p.name.removesuffix(ANSWERS_SUFFIX) for p in answers_files}
        for path in answers_files:
            report.checked += 1
            self._check_answers(path, slugs, report, fix=fix, force=force)
        for draft in sorted(self.docs.rglob(f"*{DRAFT_SUFFIX}")):
            report.add(
                self.show(draft),
                "interview-unfinished",
                "warning",
                self.say("draft"),
            )
        self._check_orphans(answers_files, report)
        if self.index_path is not None:
            self._check_index(report, fix=fix, force=force)
        return report

    # -- one answers file -------------------------------------------------------------------
    def _check_answers(self, path: Path, slugs: set[str], report: Report, *, fix: bool, force: bool) -> None:
        shown = self.show(path)
        brief = path.with_name(path.name.removesuffix(ANSWERS_SUFFIX) + ".md")
        existing = brief.read_text(encoding="utf-8") if brief.is_file() else None  # read once, used twice
        try:
            text = read_text(path, what="answers")
            recorded = self._recorded(path, text, existing)
            if recorded is not None:  # the brief vouches for these very answers: nothing to parse
                self.loaded.append(Loaded(path, *recorded))
                self._check_dates_and_verdict(shown, *recorded, report)
                return
            data, source = parse_yaml(text, shown)
            questionnaire = self.questionnaire_for(questionnaire_id_of(data) or "default")
            doc = parse_answers_doc(data, questionnaire, source)
        except UserError as error:
            message, _ = error.text(self.lang)
            details = t("p.sep", self.lang).join(p.text(self.lang) for p in error.problems) or message
            report.add(shown, "answers-invalid", "error", details)
            return
        expected = path.name.removesuffix(ANSWERS_SUFFIX)
        if doc.slug != expected:
            report.add(
                shown,
                "slug-mismatch",
                "error",
                self.say("slug_mismatch", slug=repr(doc.slug), expected=repr(expected)),
            )
            return
        verdict = decide(questionnaire, doc.answers)
        self.loaded.append(Loaded(path, *for_index(doc, verdict)))
        if is_outdated(questionnaire, doc.questionnaire_version, doc.base_version):
            new, changed = questions_to_update(questionnaire, doc)
            report.add(
                shown,
                "questionnaire-outdated",
                "error",
                self.say(
                    "outdated",
                    id=questionnaire.id,
                    made=_version(doc),
                    now=_version_of(questionnaire),
                    new=len(new),
                    changed=len(changed),
                    path=shown,
                ),
            )
        else:
            self._check_brief(path, text, existing, doc, questionnaire, verdict, report, fix=fix, force=force)
        self._check_decision(shown, doc, verdict, slugs, report)
        self._check_dates_and_verdict(shown, doc, verdict, report)

    def _check_dates_and_verdict(self, shown: str, doc: AnswersDoc, verdict: Verdict, report: Report) -> None:
        review = doc.meta.get("review_by")
        if review and review < self.today.isoformat():
            report.add(
                shown,
                "review-overdue",
                "warning",
                self.say("review_overdue", date=review),
            )
        if verdict.id in self.fail_on:
            report.add(shown, "verdict-fail-on", "error", self.say("fail_on", verdict=verdict.id))

    def _recorded(self, path: Path, text: str, brief: str | None) -> tuple[AnswersDoc, Verdict] | None:
        """What the index needs of an answers file, read from its brief, when that is proof enough.

        The brief must be sealed (its file digest matches: unchanged since mlpdm wrote it),
        rendered from exactly this text of the answers file, and with the questionnaire,
        templates, wording and language in use now (the render digest). Then parsing the
        answers, deciding and rendering would give back that very brief, so it is current and
        its front matter tells the verdict. Anything else (no brief, an older brief, a team
        decision whose rationale or successor needs checking, an outdated questionnaire)
        returns None and the answers are checked in full.
        """
        if brief is None:
            return None
        stem = path.name.removesuffix(ANSWERS_SUFFIX)
        front = sealed_front_matter(brief)
        if (
            front is None
            or front.get("answers_file_digest") != text_digest(text)
            or front.get("slug") != stem
        ):
            return None
        ref = front.get("questionnaire") or {}
        try:
            questionnaire = self.questionnaire_for(str(ref.get("id")))
        except UserError:
            return None
        status, verdict_id = front.get("status", "draft"), front.get("verdict")
        if (
            front.get("render_digest") != render_digest(questionnaire, self.loader, self.lang)
            or is_outdated(questionnaire, ref.get("version"), ref.get("base_version"))
            or is_override(str(verdict_id), status)
            or status == "superseded"
        ):
            return None
        rules = questionnaire.rule_index
        top = front.get("top_reason")
        if top is not None and top not in rules:
            return None
        meta = {
            key: str(front[key]) for key in ("feature", "slug", "owner", "date", "review_by") if key in front
        }
        doc = AnswersDoc(
            questionnaire.id, ref["version"], meta, {}, {"status": status}, ref.get("base_version")
        )
        return doc, Verdict(verdict_id, (RuleFinding(rules[top], (), rules[top].outcome),) if top else ())

    def _check_brief(
        self,
        path: Path,
        text: str,
        existing: str | None,
        doc: AnswersDoc,
        questionnaire: Questionnaire,
        verdict: Verdict,
        report: Report,
        *,
        fix: bool,
        force: bool,
    ) -> None:
        brief = path.with_name(f"{doc.slug}.md")  # the slug matches the file name by now
        # Most briefs are current; that is known from their front matter without rendering.
        if existing is not None and is_current(
            existing, questionnaire, doc, verdict, lang=self.lang, loader=self.loader
        ):
            return
        fresh = render_brief(
            questionnaire, doc, verdict, lang=self.lang, loader=self.loader, source_text=text
        )
        comparison = compare_brief(existing, fresh)
        shown = self.show(brief)
        codes = {
            "missing": "brief-missing",
            "stale": "brief-stale",
            "outdated-render": "brief-stale",
            "edited": "brief-edited",
            "not-generated": "brief-edited",
        }
        if comparison.state == "current":
            return
        if fix and (comparison.state in ("missing", "stale", "outdated-render") or force):
            try:  # under the feature's lock, and only over the files as they were read
                files = FeatureFiles(brief.parent, doc.slug)
                locked_write(
                    files, "mlpdm check --fix", [(brief, fresh)], seen={path: text, brief: existing}, then=""
                )
            except UserError as error:
                report.add(shown, "brief-not-fixed", "error", error.text(self.lang)[0])
                return
            lost = comparison.state in ("edited", "not-generated")
            report.fixed.append(self.say("rerendered_lost" if lost else "rerendered", path=shown))
            return
        report.add(shown, codes[comparison.state], "error", self.say(f"brief.{comparison.state}"))

    def _check_decision(
        self, shown: str, doc: AnswersDoc, verdict: Verdict, slugs: set[str], report: Report
    ) -> None:
        if is_override(verdict.id, doc.status) and not doc.decision.get("rationale"):
            report.add(
                shown,
                "decision-no-rationale",
                "error",
                self.say("no_rationale", status=repr(doc.status), verdict=verdict.id),
            )
        if doc.status == "superseded":
            successor = doc.decision.get("superseded_by")
            if not successor:
                report.add(shown, "superseded-no-successor", "error", self.say("no_successor"))
            elif successor not in slugs:
                report.add(
                    shown,
                    "superseded-no-successor",
                    "error",
                    self.say("successor_missing", slug=repr(successor)),
                )

    # -- briefs without answers, and the index ---------------------------------------------
    def _check_orphans(self, answers_files: list[Path], report: Report) -> None:
        with_answers = {p.with_name(p.name.removesuffix(ANSWERS_SUFFIX) + ".md") for p in answers_files}
        for brief in sorted(self.docs.rglob("*.md")):
            if brief in with_answers or brief == self.index_path:
                continue
            front, _ = split_front_matter(_head(brief))
            if is_generated(front) and front and "slug" in front:
                report.add(
                    self.show(brief),
                    "brief-orphan",
                    "error",
                    self.say("orphan"),
                )

    def _check_index(self, report: Report, *, fix: bool, force: bool) -> None:
        assert self.index_path is not None
        fresh = self.index_text()
        shown = self.show(self.index_path)
        if not self.index_path.exists():
            if fix:
                atomic_write(self.index_path, fresh)
                report.fixed.append(self.say("written", path=shown))
            return  # an index is optional until a team writes one
        existing = self.index_path.read_text(encoding="utf-8")
        if existing == fresh:
            return
        front, _ = split_front_matter(existing)
        if not is_generated(front) and not force:
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

    def index_text(self) -> str:
        """The portfolio page for the answers files that parsed."""
        assert self.index_path is not None
        entries = [
            Entry(
                item.doc,
                item.verdict,
                Path(
                    os.path.relpath(item.path.with_name(f"{item.doc.slug}.md"), self.index_path.parent)
                ).as_posix(),
            )
            for item in self.loaded
        ]
        return render_index(entries, lang=self.lang, loader=self.loader)


def _version(doc: AnswersDoc) -> str:
    return f"{doc.questionnaire_version}" + (f" (base v{doc.base_version})" if doc.base_version else "")


def _version_of(questionnaire: Questionnaire) -> str:
    return f"{questionnaire.version}" + (
        f" (base v{questionnaire.base_version})" if questionnaire.base_version else ""
    )


def _head(path: Path) -> str:
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            return handle.read(8192)
    except OSError:
        return ""


def iter_problems(report: Report) -> Iterator[Finding]:
    """Findings sorted for stable output: by path, then code."""
    yield from sorted(report.findings, key=lambda f: (f.path, f.code))
