"""Drive one interview: show each step, read answers, autosave, review, write the brief."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from jinja2 import BaseLoader
from rich.console import Console

from mlpdm.core.answers.coerce import AnswerError, check_relations
from mlpdm.core.answers.document import AnswersDoc
from mlpdm.core.answers.inputs import BACK_WORDS, HELP_WORDS, Answer, Back, Help, fold, interpret, yes_no_word
from mlpdm.core.answers.prefill import Prefill
from mlpdm.core.answers.schema import with_modeline
from mlpdm.core.answers.steps import Interview, Step, skipped_optional, visible_questions
from mlpdm.core.brief.review import review_by
from mlpdm.core.decision.engine import decide
from mlpdm.core.questionnaire.model import Questionnaire
from mlpdm.core.questionnaire.upgrade import questions_to_update
from mlpdm.core.text.errors import InterviewInterrupted, Msg, UserError
from mlpdm.core.text.languages import first_undecodable, pick
from mlpdm.core.text.messages import t
from mlpdm.core.text.readable import display_value
from mlpdm.core.text.slug import slugify
from mlpdm.repo.files import file_state
from mlpdm.repo.roundtrip import update_yaml
from mlpdm.repo.workspace import (
    FeatureFiles,
    FeatureLock,
    answers_text,
    ensure_unchanged,
    is_generated_brief,
    keep_schema,
    read_answers,
    write_answers,
    write_files,
)
from mlpdm.terminal.console import (
    WrappedText as Text,  # Rich Text that also breaks between Japanese characters
)
from mlpdm.terminal.prompts import Prompter
from mlpdm.terminal.screens import (
    help_panel,
    intro,
    plain,
    prompt_text,
    review_table,
    step_body,
    step_header,
    verdict_panel,
)


@dataclass
class Outcome:
    """What an interview left behind, for the caller's summary and tests."""

    answers_path: Path | None = None
    brief_path: Path | None = None
    verdict: str | None = None
    interrupted: str | None = None
    draft_path: Path | None = None


@dataclass
class InterviewSession:
    """One run of ``mlpdm interview``; the console, prompter and clock are injected."""

    console: Console
    prompter: Prompter
    questionnaire: Questionnaire
    loader: BaseLoader
    directory: Path
    lang: str = "en"
    today: Callable[[], dt.date] = dt.date.today
    resume_command: Callable[[str], str] = lambda feature: f'mlpdm interview "{feature}"'
    review_months: int = 6
    meta: dict[str, str] = field(default_factory=dict)
    decision: dict[str, str] = field(default_factory=dict)
    review_reason: str | None = None
    schema_lang: str = "en"  # of the schema kept beside the answers (the repository's language)
    prefill: Prefill | None = None  # answers given with --data, asked no more
    # Held around every file write, so a signal waits until the files are whole (interrupts.py).
    hold_signals: Callable[[], AbstractContextManager[None]] = contextlib.nullcontext
    files: FeatureFiles | None = field(default=None, init=False)
    # The answers file as this interview first read it (None: there was none), so that what
    # someone else wrote there meanwhile is never silently replaced.
    answers_seen: str | None = field(default=None, init=False)
    # What the run so far left behind: the caller's, too, should a signal stop it outside run().
    outcome: Outcome = field(default_factory=Outcome, init=False)

    # -- the whole run ---------------------------------------------------------------------
    def run(self, feature: str | None, owner: str | None = None, owner_default: str | None = None) -> Outcome:
        """Run the interview; whenever it is stopped (Ctrl-C, a signal, end of input), keep the draft."""
        outcome = self.outcome = Outcome()
        try:
            self._run(feature, owner, owner_default, outcome)
        except InterviewInterrupted as stop:
            return self.stopped(stop.reason)
        return outcome

    def _run(
        self, feature: str | None, owner: str | None, owner_default: str | None, outcome: Outcome
    ) -> None:
        if feature and first_undecodable(feature) is not None:
            raise UserError.of("argument_not_utf8", what=t("interview.asking.feature", self.lang))
        name = (
            feature.strip()
            if feature and feature.strip()
            else self._ask_required(t("interview.feature_prompt", self.lang))
        )
        name = " ".join(name.split())  # on one line, as the answers file's reader gives it back
        self.meta["feature"] = name
        files = FeatureFiles(self.directory, slugify(name))
        outcome.draft_path = files.draft
        with self._locked(files, "mlpdm interview"):
            start = self._starting_point(files, name)
            if start is None:
                return
            state, then = start
            if self.prefill is not None:
                state, then = self._prefilled(state), "unanswered"
            self.meta["feature"] = name
            self.meta["slug"] = files.slug
            if not owner and self.prefill is not None and not self.meta.get("owner"):
                owner = self.prefill.owner
            if owner:
                self.meta["owner"] = owner
            elif not self.meta.get("owner"):
                self._ask_owner(owner_default)
            if self.prefill is not None and self.prefill.answers:
                self._save_draft(state, files)  # what the file gave survives a stop before the first answer
            state = self._ask_all(state, files, then=then)
            state = self._review(state, files)
            self._finish(state, files, outcome)

    def update(
        self, doc: AnswersDoc, again: tuple[str, ...] = (), *, read: tuple[Path, str] | None = None
    ) -> Outcome:
        """Ask only the questions added or changed since ``doc`` was made (and ``again``), then re-render.

        ``read`` is the file ``doc`` was parsed from and the text parsed: once the feature's
        lock is taken, the update starts only if the file still holds that text.
        """
        outcome = self.outcome = Outcome()
        try:
            self._update(doc, again, read, outcome)
        except InterviewInterrupted as stop:
            return self.stopped(stop.reason)
        return outcome

    def _update(
        self, doc: AnswersDoc, again: tuple[str, ...], read: tuple[Path, str] | None, outcome: Outcome
    ) -> None:
        files = FeatureFiles(self.directory, doc.slug)
        outcome.draft_path = files.draft
        self.meta.update(doc.meta)
        self.decision.update(doc.decision)
        new, changed = questions_to_update(self.questionnaire, doc, again)
        kept = {k: v for k, v in doc.answers.items() if k not in changed}
        # Optional questions left out of the file count as skipped, so only new and changed
        # ones (and any that a new answer reveals) are asked.
        for question in visible_questions(self.questionnaire, kept):
            if question.id not in kept and question.id not in new and not question.required:
                kept[question.id] = None
        state = Interview.start(self.questionnaire, kept, suggested={k: doc.answers[k] for k in changed})
        self.console.print(
            Text(
                t("interview.update", self.lang, feature=doc.feature, new=len(new), changed=len(changed)),
                style="bold",
            )
        )
        with self._locked(files, "mlpdm interview --update"):
            if read is not None:
                # Parsed before the lock was ours: a change made in between would be
                # written over at the end, unseen. Nothing is asked or written then.
                path, text = read
                ensure_unchanged(path, text, key="update_changed")
            self.answers_seen = file_state(files.answers)
            state = self._ask_all(state, files, then="unanswered")
            self._finish(state, files, outcome)

    @contextlib.contextmanager
    def _locked(self, files: FeatureFiles, command: str) -> Iterator[None]:
        """The feature's lock for the whole interview, taken and released without interruption."""
        lock = FeatureLock(files, command=command)
        taken = False
        try:
            with self.hold_signals():  # a signal meanwhile is raised once the lock is ours
                lock.__enter__()
                taken = True
                self.files = files
            yield
        finally:
            if taken:
                with self.hold_signals():
                    lock.__exit__(None, None, None)

    # -- start, resume or revise ----------------------------------------------------------
    def _starting_point(
        self, files: FeatureFiles, name: str
    ) -> tuple[Interview, Literal["next", "unanswered"]] | None:
        """Where the interview starts, and where each answer leads; None: the person declined."""
        q = self.questionnaire
        self.answers_seen = file_state(files.answers)
        if files.draft.exists():
            draft = read_answers(files.draft, q, partial=True)
            question = t(
                "interview.resume",
                self.lang,
                feature=draft.feature or name,
                answered=len(draft.answers),
                path=files.draft,
            )
            if self._confirm(question):
                self.meta.update(draft.meta)
                self.decision.update(self._decision_now(files, draft))
                state = Interview.start(q, draft.answers)
                self._show_intro(state)
                step = state.current()
                if step is not None:
                    self.console.print(
                        Text(
                            t("interview.resumed", self.lang, number=step.answered + 1, total=step.total),
                            style="green",
                        )
                    )
                return state, "next"
            self.console.print(Text(t("interview.fresh_start", self.lang), style="yellow"))
        elif self.answers_seen is not None:
            existing = read_answers(files.answers, q, partial=True)
            if not self._confirm(
                t("interview.revise", self.lang, feature=existing.feature or name, path=files.answers)
            ):
                return None
            self.meta.update(existing.meta)
            self.decision.update(existing.decision)
            # Revising starts at the review: an optional question the file leaves out was
            # skipped, not forgotten. Only a required answer still missing is asked first.
            state = Interview.start(q, skipped_optional(q, existing.answers))
            self._show_untranslated()
            return state, "unanswered"
        state = Interview.start(q)
        self._show_intro(state)
        return state, "next"

    def _prefilled(self, state: Interview) -> Interview:
        """``state`` with the answers of --data (they win over a draft's), saying what was not used."""
        prefill = self.prefill
        assert prefill is not None
        for rejected in prefill.rejected:
            text = t(
                "interview.prefill_rejected",
                self.lang,
                place=rejected.where,
                label=rejected.question.label(self.lang),
                reason=rejected.reason.text(self.lang),
            )
            self.console.print(Text(text, style="yellow"))
        answers = {**state.answers, **prefill.answers}
        for rejected in prefill.rejected:  # asked again, whatever a draft said
            answers.pop(rejected.question.id, None)
        if prefill.whole:  # an answers file: the optional questions it leaves out were skipped
            answers = skipped_optional(self.questionnaire, answers)
            for rejected in prefill.rejected:
                answers.pop(rejected.question.id, None)
        prefilled = Interview.start(self.questionnaire, answers)
        vis = prefilled.visibility()
        given = sum(1 for q in vis.questions if q.id in prefill.answers)
        left = sum(1 for q in vis.questions if q.id not in answers)
        said = t("interview.prefilled", self.lang, count=given, path=prefill.path, left=left)
        self.console.print(Text(said, style="green"))
        return prefilled

    def _decision_now(self, files: FeatureFiles, draft: AnswersDoc) -> dict[str, str]:
        """The team's decision as the answers file holds it now, else as the draft copied it.

        `mlpdm decide` may record a decision while an interview is stopped with its draft
        kept; the interview never asks for one, so resuming must not put the old one back.
        """
        if self.answers_seen is None:
            return dict(draft.decision)
        try:
            return dict(read_answers(files.answers, self.questionnaire, partial=True).decision)
        except UserError:  # a file that does not read: the draft's copy, as before
            return dict(draft.decision)

    def _show_intro(self, state: Interview) -> None:
        vis = state.visibility()
        self.console.print(
            intro(
                self.questionnaire, questions=len(vis.questions), sections=len(vis.sections), lang=self.lang
            )
        )
        self._show_untranslated()

    def _show_untranslated(self) -> None:
        if self.lang not in self.questionnaire.languages:
            # Say so once, rather than let English texts appear unexplained mid-interview.
            note = t("interview.untranslated", self.lang, questionnaire=self.questionnaire.id)
            self.console.print(Text(note, style="yellow"))

    def _ask_owner(self, default: str | None) -> None:
        prompt = Text.assemble(
            (t("interview.owner_prompt", self.lang), "bold"),
            (f" [{default}]" if default else "", "dim"),
            ": ",
        )
        typed = self._read(prompt, t("interview.asking.owner", self.lang)).strip()
        owner = typed or (default or "")
        if owner:
            self.meta["owner"] = " ".join(owner.split())

    # -- asking -------------------------------------------------------------------------------
    def _ask_all(
        self, state: Interview, files: FeatureFiles, then: Literal["next", "unanswered"] = "next"
    ) -> Interview:
        """Ask until every applicable question has an answer.

        In the first pass each answer leads to the next question in order (so after going
        back, the person walks forward again); after an edit on the review screen, only
        questions that became relevant and have no answer yet are asked.
        """
        while (step := state.current()) is not None:
            state, _ = self._ask_step(state, step, files, then=then)
        return state

    def _ask_step(
        self, state: Interview, step: Step, files: FeatureFiles, *, then: Literal["next", "unanswered"]
    ) -> tuple[Interview, bool]:
        """Show one question until it is answered (True) or the person goes back (False)."""
        self.console.print(step_header(step, self.lang, prefilled=self._from_file(state)))
        self.console.print(step_body(self.questionnaire, step, self.lang))
        asking = t("interview.asking.question", self.lang, prompt=step.question.label(self.lang))
        while True:
            lines = self._read_answer(step, asking)
            try:
                command = interpret(step.question, lines, step.current, self.lang)
                if isinstance(command, Answer):
                    check_relations(self.questionnaire, step.question, command.value, state.answers)
            except AnswerError as exc:
                self._refuse(exc.msg, asking)
                continue
            if isinstance(command, Help):
                self.console.print(help_panel(self.questionnaire, step.question, self.lang))
                continue
            if isinstance(command, Back):
                earlier = state.back()
                if earlier.position == state.position:
                    self._refuse(Msg("interview.at_start"), asking, style="yellow", labelled=False)
                    continue
                return earlier, False
            assert isinstance(command, Answer)
            state = state.answer(command.value, then=then)
            self._save_draft(state, files)
            return state, True

    def _from_file(self, state: Interview) -> tuple[int, str] | None:
        """How many of the answers that apply came from --data (and stay as given), and from where."""
        if self.prefill is None:
            return None
        given = self.prefill.answers
        count = sum(
            1
            for q in state.visibility().questions
            if q.id in given and state.answers.get(q.id) == given[q.id]
        )
        return (count, Path(self.prefill.path).name) if count else None  # short: it shares a line

    def _read_answer(self, step: Step, asking: str) -> list[str]:
        question = step.question
        first = self._read(prompt_text(question, step.current, self.lang), asking)
        if question.type not in ("longtext", "list") or not first.strip():
            return [first]
        if fold(first) in BACK_WORDS | HELP_WORDS:
            return [first]
        lines = [first]
        while True:
            more = self._read(Text("… ", style="dim"), asking)
            if not more.strip():
                return lines
            lines.append(more)

    def _ask_required(self, label: str) -> str:
        asking = t("interview.asking.feature", self.lang)
        while True:
            typed = self._read(Text.assemble((label, "bold"), ": "), asking).strip()
            if typed:
                return typed
            self._refuse(Msg("interview.required"), asking, quiet=True)

    def _confirm(self, question: str) -> bool:
        while True:
            typed = self._read(Text.assemble(plain(question), " ", ("[Y/n] ", "bold")), question)
            said = yes_no_word(typed) if typed.strip() else "yes"
            if said in ("yes", "no"):
                return said == "yes"
            self._refuse(Msg("interview.expected_yes_no"), question, quiet=True)

    # -- reading lines ------------------------------------------------------------------------
    def _read(self, prompt: Text, asking: str) -> str:
        """One line typed; a byte that is not UTF-8 is refused here, at the boundary."""
        while True:
            line = self.prompter.read_line(prompt)
            bad = first_undecodable(line)
            if bad is None:
                return line
            index, byte = bad
            self._refuse(
                Msg(
                    "interview.not_utf8",
                    (("byte", f"0x{byte:02X}" if byte is not None else "?"), ("at", index + 1)),
                ),
                asking,
            )

    def _refuse(
        self, reason: Msg, asking: str, *, style: str = "red", labelled: bool = True, quiet: bool = False
    ) -> None:
        """A line that was not accepted: at a terminal, say why (the caller asks again).

        Without a terminal the run stops instead (exit 2), naming the input line and the
        question: trying the next line against the same question would put every answer after
        it under the wrong question. Accepted answers are in the draft already.
        """
        line = getattr(self.prompter, "piped_line", None)
        if line is None:
            if not quiet:
                text = reason.text(self.lang)
                if labelled:
                    text = t("interview.invalid", self.lang, reason=text)
                self.console.print(Text(text, style=style))
            return
        files = self.files
        if files is not None and files.draft.exists():
            feature = self.meta.get("feature", files.slug)
            saved = Msg(
                "interview.piped_saved", (("path", files.draft), ("command", self.resume_command(feature)))
            )
        else:
            saved = Msg("interview.piped_nothing_saved")
        raise UserError.of("piped_rejected", line=line, asking=asking, reason=reason, saved=saved)

    # -- review -------------------------------------------------------------------------------
    def _review(self, state: Interview, files: FeatureFiles) -> Interview:
        while True:
            state = self._ask_all(state, files, then="unanswered")
            vis = state.visibility()
            rows: list[tuple[int, str, str, str]] = []
            ids: list[str] = []
            for section, questions in vis.sections:
                for question in questions:
                    ids.append(question.id)
                    value = display_value(question, state.answers.get(question.id), self.lang)
                    rows.append((len(ids), pick(section.title, self.lang), question.label(self.lang), value))
            self.console.print(review_table(rows, self.lang))
            number = self._review_choice(len(ids))
            if number is None:
                return state
            target = state.goto(ids[number - 1])
            step = target.current()
            assert step is not None
            edited, answered = self._ask_step(target, step, files, then="unanswered")
            # Going back while editing cancels the edit and returns to the review.
            if answered:
                state = edited

    def _review_choice(self, count: int) -> int | None:
        """The answer number typed at the review (None: Enter, write the brief).

        A number that is not one is refused right under the prompt, and the prompt comes
        again without the table: redrawn, the table would push the message out of sight.
        """
        asking = t("interview.asking.review", self.lang)
        prompt = Text.assemble((t("interview.review.prompt", self.lang), "bold"), ": ")
        while True:
            line = self._read(prompt, asking)
            typed = fold(line)  # full-width digits typed with a Japanese IME count too
            if not typed:
                return None
            if typed in BACK_WORDS:
                return count  # "back" from the review edits the last answer
            if typed.isdigit() and 1 <= int(typed) <= count:
                return int(typed)
            bad = Msg("interview.review.bad_number", (("number", line.strip()), ("count", count)))
            self._refuse(bad, asking, labelled=False)

    # -- finishing ----------------------------------------------------------------------------
    def _doc(self, state: Interview, *, final: bool) -> AnswersDoc:
        meta = dict(self.meta)
        answers = state.saved_answers()
        if final:
            today = self.today()
            meta["date"] = today.isoformat()
            due, self.review_reason = review_by(
                self.questionnaire, answers, today, self.review_months, self.lang
            )
            meta["review_by"] = due.isoformat()
        q = self.questionnaire
        return AnswersDoc(q.id, q.version, meta, answers, dict(self.decision), q.base_version)

    def _save_draft(self, state: Interview, files: FeatureFiles) -> None:
        with self.hold_signals():  # the answer just given is saved whole, whatever arrives
            write_answers(files.draft, self._doc(state, final=False), brief_name=files.brief.name, draft=True)

    def _finish(self, state: Interview, files: FeatureFiles, outcome: Outcome) -> None:
        # Imported here: the renderer (what-if search, plan, diagram) is needed only now, and
        # the first question should not wait for it.
        from mlpdm.core.brief.render import brief_context, render_brief

        doc = self._doc(state, final=True)
        verdict = decide(self.questionnaire, doc.answers)
        replaced = self.answers_seen is not None
        # A file edited by hand keeps its comments and layout; a new one is written plain.
        seen = self.answers_seen
        source = (update_yaml(seen, doc.to_mapping()) if seen is not None else None) or answers_text(
            doc, brief_name=files.brief.name
        )
        source = with_modeline(source, self.questionnaire.id)  # editors check it against the schema
        brief = render_brief(self.questionnaire, doc, verdict, lang=self.lang, loader=self.loader)
        if files.brief.exists() and not is_generated_brief(files.brief):
            raise UserError.of("interview_blocked", path=files.brief, draft=files.draft)
        with self.hold_signals():
            self._save_draft(state, files)  # the draft is what a refusal below keeps
            ensure_unchanged(files.answers, self.answers_seen, key="answers_changed", draft=files.draft)
            write_files(
                [(files.answers, source), (files.brief, brief), (files.draft, None)],
                then=t("interview.partly_written", self.lang, answers=files.answers, draft=files.draft),
            )
            outcome.answers_path, outcome.brief_path = files.answers, files.brief
            schema_failed = keep_schema(files.directory, self.questionnaire, self.schema_lang)
        context = brief_context(self.questionnaire, doc, verdict, self.lang)
        self.console.print()
        self.console.print(verdict_panel(verdict, context["findings"], self.lang, whatif=context["whatif"]))
        if self.review_reason:
            text = t(
                "interview.review_sooner", self.lang, date=doc.meta["review_by"], reason=self.review_reason
            )
            self.console.print(Text(text, style="yellow"))
        for path in (files.answers, files.brief):
            note = f" {t('interview.replaced', self.lang)}" if replaced else ""
            written = Text(t("interview.written", self.lang, path=path), style="green")
            self.console.print(Text.assemble(written, (note, "dim")))
        self.console.print(
            Text(t("interview.next", self.lang, command=f"mlpdm render {files.answers}"), style="dim")
        )
        if schema_failed is not None:
            said = t("schema.not_kept", self.lang, reason=schema_failed.text(self.lang)[0])
            self.console.print(Text(said, style="yellow"))
        outcome.verdict = verdict.id

    def stopped(self, reason: str) -> Outcome:
        """Record why the interview stopped, say what was kept and how to resume.

        Said once: when the run was stopped already (end of input, then Ctrl-C while that is
        said), the first reason stands and nothing is said again.
        """
        outcome = self.outcome
        if outcome.interrupted is not None:
            return outcome
        outcome.interrupted = reason
        with self.hold_signals():  # a Ctrl-C now must not cut the resume hint off
            self._say_stopped(outcome, reason)
        return outcome

    def _say_stopped(self, outcome: Outcome, reason: str) -> None:
        files = self.files
        self.console.print(
            Text(
                t("interview.interrupted", self.lang, reason=t(f"interview.reason.{reason}", self.lang)),
                style="yellow",
            )
        )
        if outcome.answers_path is not None and outcome.brief_path is not None:
            # Stopped just after the files were written: they are complete.
            for path in (outcome.answers_path, outcome.brief_path):
                self.console.print(Text(t("interview.written", self.lang, path=path)))
        elif files is not None and files.draft.exists():
            self.console.print(Text(t("interview.saved_draft", self.lang, path=files.draft)))
            feature = self.meta.get("feature", files.slug)
            self.console.print(
                Text(
                    t("interview.resume_hint", self.lang, command=self.resume_command(feature)), style="bold"
                )
            )
        else:
            command = (
                self.resume_command(self.meta.get("feature", files.slug)) if files else "mlpdm interview"
            )
            self.console.print(Text(t("interview.nothing_saved", self.lang, command=command)))
