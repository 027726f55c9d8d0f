"""`mlpdm questionnaire list | show | validate`: see and check questionnaires."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table
from rich.tree import Tree

from mlpdm.cli.common import LangOption, resolve_lang
from mlpdm.core.questionnaire.length import path_lengths, rule_reach
from mlpdm.core.questionnaire.model import OUTCOMES, Questionnaire
from mlpdm.core.text.languages import pick
from mlpdm.core.text.messages import t
from mlpdm.repo.resources import load_packaged_questionnaire, load_questionnaire_ref, packaged_questionnaires
from mlpdm.terminal.console import VisibleText as Text  # shows control characters, never drops them
from mlpdm.terminal.console import make_console

app = typer.Typer(
    no_args_is_help=True,
    rich_markup_mode=None,
    add_completion=False,
)

RefArgument = Annotated[
    str,
    typer.Argument(
        metavar="ID|PATH",
    ),
]


@app.command("list")
def list_(ctx: typer.Context, lang: LangOption = None) -> None:
    """List the questionnaires shipped with mlpdm."""
    language = resolve_lang(ctx, lang)
    table = Table(title=t("qn.title", language))
    for column in ("id", "version", "title", "sections", "questions", "rules"):
        table.add_column(t(f"qn.column.{column}", language))
    for qid in packaged_questionnaires():
        q = load_packaged_questionnaire(qid)
        table.add_row(
            qid,
            str(q.version),
            Text(pick(q.title, language)),
            str(len(q.sections)),
            str(len(q.question_index)),
            str(len(q.rules)),
        )
    make_console().print(table)


@app.command("show")
def show(ctx: typer.Context, ref: RefArgument, lang: LangOption = None) -> None:
    """Show a questionnaire's sections, questions, conditions and rules."""
    language = resolve_lang(ctx, lang)
    q = load_questionnaire_ref(ref)
    console = make_console()
    tree = Tree(Text.assemble((f"{q.id} v{q.version}", "bold"), "  ", pick(q.title, language)))
    for section in q.sections:
        branch = tree.add(
            Text.assemble(
                (pick(section.title, language), "bold magenta"),
                (f"  {t('qn.when', language)}: {section.when}" if section.when else "", "dim"),
            )
        )
        for question in section.questions:
            line = Text.assemble(
                (question.id, "cyan"),
                f" ({question.type}{'' if question.required else ', ' + t('qn.optional', language)}) ",
                pick(question.prompt, language),
                (f"  [{', '.join(question.points)}]", "green"),
                (f"  {t('qn.when', language)}: {question.when}" if question.when else "", "dim"),
            )
            branch.add(line)
    rules = tree.add(Text(t("qn.rules", language, count=len(q.rules)), style="bold magenta"))
    for rule in q.rules:
        # Every outcome the rule can take, most severe first (its severity tiers and its base).
        outcomes = sorted({rule.outcome, *(tier.outcome for tier in rule.severity)}, key=OUTCOMES.index)
        rules.add(
            Text.assemble(
                (f"{'/'.join(outcomes):<24}", "yellow"),
                (rule.id, "cyan"),
                "  ",
                pick(rule.title, language),
                (f"  [{', '.join(rule.points)}]", "green"),
            )
        )
    console.print(tree)
    lengths = path_lengths(q)
    console.print(
        Text(
            t("qn.length", language, shortest=lengths.shortest, longest=lengths.longest, total=lengths.total),
            style="bold",
        )
    )


@app.command("validate")
def validate(ctx: typer.Context, ref: RefArgument, lang: LangOption = None) -> None:
    """Check a questionnaire: structure, ids, conditions, references, translations."""
    language = resolve_lang(ctx, lang)
    q = load_questionnaire_ref(ref)
    console = make_console()
    console.print(
        Text.assemble(("✓ ", "bold green"), t("qn.valid", language, ref=ref, summary=_summary(q, language)))
    )
    uncovered = [
        c.id
        for c in q.checklist
        if not any(c.id in question.points for question in q.question_index.values())
    ]
    if uncovered:
        console.print(Text("  " + t("qn.uncovered", language, points=", ".join(uncovered)), style="yellow"))
    for rule_id, reach in rule_reach(q).items():
        if reach in ("never", "always"):
            text = t(f"qn.rule_{reach}", language, rule=repr(rule_id))
            console.print(Text("  " + text, style="yellow"), soft_wrap=True)


def _summary(q: Questionnaire, lang: str) -> str:
    return t(
        "qn.summary",
        lang,
        questions=len(q.question_index),
        sections=len(q.sections),
        derived=len(q.derived),
        rules=len(q.rules),
        first=q.checklist[0].id,
        last=q.checklist[-1].id,
        points=len(q.checklist),
    )
