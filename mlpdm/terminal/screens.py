"""What the interview draws: question screens, help, the review table, the verdict panel.

Every text from a user or a questionnaire goes into a ``WrappedText``, never into markup,
so brackets and escape codes in an answer are shown as typed (ESC as ^[).
"""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.progress_bar import ProgressBar
from rich.rule import Rule
from rich.table import Table
from rich.tree import Tree

from mlpdm.core.answers.inputs import options
from mlpdm.core.answers.steps import Step
from mlpdm.core.decision.diagram import gates, outcome_text
from mlpdm.core.decision.engine import Verdict
from mlpdm.core.questionnaire.model import Question, Questionnaire
from mlpdm.core.text.languages import pick
from mlpdm.core.text.messages import t
from mlpdm.core.text.readable import display_value
from mlpdm.terminal.console import (
    WrappedText as Text,  # Rich Text that also breaks between Japanese characters
)

VERDICT_STYLE = {
    "no-go-risk": "bold white on red",
    "no-go-not-needed": "bold white on blue",
    "not-ready": "bold black on dark_orange",
    "go-with-conditions": "bold black on yellow",
    "go": "bold white on green",
}
VERDICT_BORDER = {
    "no-go-risk": "red",
    "no-go-not-needed": "blue",
    "not-ready": "dark_orange",
    "go-with-conditions": "yellow",
    "go": "green",
}


def plain(text: str, style: str = "") -> Text:
    """User or questionnaire text, shown literally (control characters visible, as ^[)."""
    return Text(text, style=style)


def intro(questionnaire: Questionnaire, *, questions: int, sections: int, lang: str) -> Panel:
    """The opening panel: what will be asked, how long, the keys."""
    body = Group(
        plain(pick(questionnaire.description, lang)),
        Text(""),
        Text(t("interview.intro.body", lang, count=questions, sections=sections)),
    )
    return Panel(
        body, title=Text(t("interview.intro.title", lang), style="bold"), border_style="cyan", padding=(1, 2)
    )


def step_header(step: Step, lang: str, *, prefilled: tuple[int, str] | None = None) -> RenderableType:
    """Section and question counters, and a progress bar (saying how many answers came from a file)."""
    section = Text.assemble(
        (t("interview.section", lang, number=step.section_number, count=step.section_count), "bold cyan"),
        "  ",
        plain(pick(step.section.title, lang), "bold"),
    )
    bar = Table.grid(padding=(0, 1))
    bar.add_column()
    bar.add_column(width=24)
    bar.add_column()
    bar.add_row(
        Text(
            t("interview.question", lang, number=step.number_in_section, count=step.count_in_section),
            style="dim",
        ),
        ProgressBar(total=max(step.total, 1), completed=step.answered, width=24),
        Text(
            t("interview.progress", lang, answered=step.answered, total=step.total)
            if prefilled is None
            else t(
                "interview.progress_prefilled",
                lang,
                answered=step.answered,
                total=step.total,
                count=prefilled[0],
                path=prefilled[1],
            ),
            style="dim",
        ),
    )
    parts: list[RenderableType] = [Rule(style="cyan"), section, bar]
    if step.number_in_section == 1 and step.section.intro:
        parts.append(plain(pick(step.section.intro, lang), "italic"))
    return Group(*parts)


def step_body(questionnaire: Questionnaire, step: Step, lang: str) -> RenderableType:
    """The question, its example and options, and how to answer."""
    question = step.question
    parts: list[RenderableType] = [Text(""), plain(pick(question.prompt, lang), "bold")]
    if question.example:
        parts.append(plain(t("interview.example", lang, example=pick(question.example, lang)), "dim"))
    if question.type in ("choice", "multi", "yesno"):
        parts.append(_options(question, step.current, lang))
    hints = [_type_hint(question, lang)]
    if not question.required:
        hints.append(_optional_hint(question, step.current, lang))
    hints.append(t("interview.hint.keys", lang))
    parts.append(Text(" · ".join(h for h in hints if h), style="dim"))
    if step.current is not None and question.type in ("longtext", "list"):
        parts.append(
            Text.assemble(
                (t("p.labelled", lang, label=t("interview.current", lang), text=""), "dim"),
                plain(display_value(question, step.current, lang)),
            )
        )
    return Group(*parts)


def _options(question: Question, current: Any, lang: str) -> Table:
    table = Table.grid(padding=(0, 1))
    table.add_column(justify="right", style="cyan")
    table.add_column()
    chosen = set(current) if isinstance(current, list) else {current}
    for number, value in enumerate(options(question), start=1):
        mark = "•" if value in chosen else " "
        table.add_row(
            f"{mark}{number}",
            plain(
                display_value(question, value, lang)
                if question.type != "multi"
                else display_value(question, [value], lang)
            ),
        )
    return table


def _optional_hint(question: Question, current: Any, lang: str) -> str:
    """What Enter does on an optional question: skip it, or keep the answer already there."""
    if current is None:
        return t("interview.hint.optional", lang)
    if current == question.default:
        return t("interview.hint.optional_default", lang)
    return t("interview.hint.optional_kept", lang)


def _type_hint(question: Question, lang: str) -> str:
    kind = question.type
    if kind == "choice":
        return t("interview.hint.choice", lang)
    if kind == "multi":
        return t("interview.hint.multi", lang)
    if kind == "yesno":
        return t("interview.hint.yesno_unsure" if question.unsure else "interview.hint.yesno", lang)
    if kind == "longtext":
        return t("interview.hint.longtext", lang)
    if kind == "list":
        return t("interview.hint.list", lang)
    if kind == "number":
        low, high = question.min, question.max
        if low is not None and high is not None:
            return t("interview.hint.number_bounds", lang, min=_num(low), max=_num(high))
        if low is not None:
            return t("interview.hint.number_min", lang, min=_num(low))
        return t("interview.hint.number", lang)
    return ""


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def prompt_text(question: Question, current: Any, lang: str) -> Text:
    """The input prompt, showing the answer Enter would keep."""
    if current is not None and question.type not in ("longtext", "list"):
        return Text.assemble(
            ("[", "dim"),
            plain(display_value(question, current, lang), "dim"),
            ("] ", "dim"),
            ("› ", "bold cyan"),
        )
    return Text("› ", style="bold cyan")


def help_panel(questionnaire: Questionnaire, question: Question, lang: str) -> Panel:
    """Why this question matters, the checklist points behind it, and the terms it uses."""
    points = ", ".join(f"{p} — {pick(questionnaire.checklist_index[p].title, lang)}" for p in question.points)
    parts: list[RenderableType] = [
        plain(pick(question.help, lang)),
        Text(""),
        plain(t("interview.help.points", lang, points=points), "cyan"),
    ]
    terms = questionnaire.terms_for(question, lang)
    if terms:
        parts.append(Text(""))
        parts.append(Text(t("interview.help.terms", lang), style="bold"))
        for entry in terms:
            parts.append(
                Text.assemble(
                    plain(pick(entry.term, lang), "bold"),
                    t("p.labelled", lang, label="", text=""),
                    plain(pick(entry.definition, lang)),
                )
            )
    return Panel(
        Group(*parts), title=Text(t("interview.help.title", lang)), border_style="blue", padding=(0, 1)
    )


def review_table(rows: list[tuple[int, str, str, str]], lang: str) -> Table:
    """All answers, numbered so any one can be changed."""
    table = Table(title=Text(t("interview.review.title", lang), style="bold"), show_lines=False, expand=True)
    table.add_column("#", justify="right", style="cyan", no_wrap=True)
    table.add_column(t("brief.question", lang), ratio=2)
    table.add_column(t("brief.answer", lang), ratio=3)
    section = None
    for number, section_title, label, value in rows:
        if section_title != section:
            table.add_row("", plain(section_title, "bold magenta"), "")
            section = section_title
        shown = value if len(value) <= 160 else value[:157] + "…"
        table.add_row(str(number), plain(label), plain(shown))
    return table


def decision_tree(verdict: Verdict, lang: str) -> Tree:
    """The gates of the decision as a tree, as the brief's diagram shows them."""
    tree = Tree(Text(t("diagram.title", lang), style="bold"))
    for gate in gates(verdict):
        mark, style = ("✗", "red") if gate.failed else ("✓", "green")
        label = Text.assemble((f"{mark} ", style), outcome_text(gate, lang))
        if gate.findings:
            label.append(f"  {t('p.comma', lang).join(gate.findings)}", style="dim")
        if gate.deciding:
            label.append(f"  → {t(f'verdict.{gate.verdict}', lang)}", style="bold")
        tree.add(label)
    if verdict.id == "go":
        tree.add(Text(f"→ {t('verdict.go', lang)}", style="bold green"))
    return tree


def _action(finding: dict[str, Any], lang: str) -> RenderableType:
    """A finding's action; its steps, when it has them, one to a line with a hanging indent."""
    if not finding["steps"]:
        return plain(finding["action"])
    steps = Table.grid()  # the bullet carries its own space: "- " or "・"
    steps.add_column(no_wrap=True)
    steps.add_column()
    for step in finding["steps"]:
        steps.add_row(t("p.bullet", lang), plain(step))
    return Group(plain(finding["lead"]), steps) if finding["lead"] else steps


def verdict_panel(
    verdict: Verdict,
    findings: list[dict[str, Any]],
    lang: str,
    *,
    whatif: dict[str, Any] | None = None,
    top: int = 3,
) -> Panel:
    """The verdict in colour, with the reasons that set it and what would change it."""
    label = Text(f" {t(f'verdict.{verdict.id}', lang)} ", style=VERDICT_STYLE[verdict.id])
    parts: list[RenderableType] = [label, Text(""), Text(t(f"interview.explain.{verdict.id}", lang))]
    deciding = [f for f in findings if f["deciding"]]
    shown = deciding[:top] if deciding else [f for f in findings if f["outcome"] != "note"][:top]
    if shown:
        parts.append(Text(""))
        parts.append(Text(t("interview.top_reasons", lang), style="bold"))
        reasons = Table.grid(padding=(0, 1))
        reasons.add_column(no_wrap=True)
        reasons.add_column()
        for f in shown:
            # "  (blocker)" in English, "（ブロッカー）" in Japanese: no space before a full-width bracket.
            outcome = t("p.paren", lang, text=f["outcome_label"])
            title = Text.assemble(
                plain(f["title"], "bold"), (f" {outcome}" if outcome[:1] == " " else outcome, "dim")
            )
            reasons.add_row(Text(" •", style="bold"), title)
            reasons.add_row(Text(" →", style="dim"), _action(f, lang))
        parts.append(reasons)
    rest = len(findings) - len(shown)
    if rest > 0:
        parts.append(Text(t("interview.more_findings", lang, count=rest), style="dim"))
    target = (whatif or {}).get("target")
    if target:
        parts.append(Text(""))
        parts.append(Text(t("p.labelled", lang, label=target["heading"], text="").rstrip(), style="bold"))
        steps = Table.grid(padding=(0, 1))
        steps.add_column(justify="right", no_wrap=True)
        steps.add_column()
        for number, change in enumerate(target["changes"], start=1):
            steps.add_row(Text(f"{number}.", style="bold"), plain(change))
        parts.append(steps)
    parts.append(Text(""))
    parts.append(decision_tree(verdict, lang))
    return Panel(Group(*parts), border_style=VERDICT_BORDER[verdict.id], padding=(1, 2))
