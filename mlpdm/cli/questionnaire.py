"""`mlpdm questionnaire list | show | validate`: see and check questionnaires."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from mlpdm.cli.common import LangOption, resolve_lang
from mlpdm.console import make_console
from mlpdm.core.paths import path_lengths, rule_reach
from mlpdm.core.questionnaire import Questionnaire
from mlpdm.core.text import pick
from mlpdm.resources import load_packaged_questionnaire, load_questionnaire_ref, packaged_questionnaires

app = typer.Typer(
    help="List, show and validate questionnaires (the shipped ones or your team's own YAML file).",
    no_args_is_help=True,
)

RefArgument = Annotated[
    str,
    typer.Argument(
        help="A questionnaire id (see `mlpdm questionnaire list`) or a path to a YAML file.",
        metavar="ID|PATH",
    ),
]


@app.command("list")
def list_(ctx: typer.Context, lang: LangOption = None) -> None:
    """List the questionnaires shipped with mlpdm.

    Example: mlpdm questionnaire list
    """
    language = resolve_lang(ctx, lang)
    table = Table(title="Questionnaires")
    for column in ("id", "version", "title", "sections", "questions", "rules"):
        table.add_column(column)
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
    """Show a questionnaire's sections, questions, conditions and rules.

    Example: mlpdm questionnaire show default
    """
    language = resolve_lang(ctx, lang)
    q = load_questionnaire_ref(ref)
    console = make_console()
    tree = Tree(Text.assemble((f"{q.id} v{q.version}", "bold"), "  ", pick(q.title, language)))
    for section in q.sections:
        branch = tree.add(
            Text.assemble(
                (pick(section.title, language), "bold magenta"),
                (f"  when: {section.when}" if section.when else "", "dim"),
            )
        )
        for question in section.questions:
            line = Text.assemble(
                (question.id, "cyan"),
                f" ({question.type}{'' if question.required else ', optional'}) ",
                pick(question.prompt, language),
                (f"  [{', '.join(question.points)}]", "green"),
                (f"  when: {question.when}" if question.when else "", "dim"),
            )
            branch.add(line)
    rules = tree.add(Text(f"Rules ({len(q.rules)})", style="bold magenta"))
    for rule in q.rules:
        rules.add(
            Text.assemble(
                (f"{rule.outcome:<12}", "yellow"),
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
            f"Interview length: {lengths.shortest} to {lengths.longest} of {lengths.total} questions, "
            "depending on the answers.",
            style="bold",
        )
    )


@app.command("validate")
def validate(ref: RefArgument) -> None:
    """Check a questionnaire: structure, ids, conditions, references, translations.

    Lists every problem with its file and line and exits with code 2; exits 0 when valid.

    Example: mlpdm questionnaire validate questionnaires/default.yaml
    """
    q = load_questionnaire_ref(ref)
    console = make_console()
    console.print(Text.assemble(("✓ ", "bold green"), f"{ref} is valid: ", _summary(q)))
    uncovered = [
        c.id
        for c in q.checklist
        if not any(c.id in question.points for question in q.question_index.values())
    ]
    if uncovered:
        console.print(
            Text(f"  warning: no question covers checklist point(s) {', '.join(uncovered)}", style="yellow")
        )
    for rule_id, reach in rule_reach(q).items():
        if reach in ("never", "always"):
            text = "can never fire" if reach == "never" else "fires for every answer"
            console.print(Text(f"  warning: rule {rule_id!r} {text}", style="yellow"), soft_wrap=True)


def _summary(q: Questionnaire) -> str:
    return (
        f"{len(q.question_index)} questions in {len(q.sections)} sections, "
        f"{len(q.derived)} derived values, {len(q.rules)} rules, "
        f"checklist {q.checklist[0].id}–{q.checklist[-1].id} ({len(q.checklist)} points)"
    )
