"""Draw the README's pictures of the interview and the verdict panel, from the real screens.

Run from the repository root:  python docs/screenshots.py
It replays one question of the interview on the invoice-OCR example (with "?" for help)
and the final verdict panel, and saves what rich drew as SVG in docs/images/.
"""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console
from rich.text import Text

from mlpdm.core.decision import decide
from mlpdm.core.interview import Interview
from mlpdm.core.render import brief_context
from mlpdm.resources import load_packaged_questionnaire
from mlpdm.screens import help_panel, prompt_text, step_body, step_header, verdict_panel
from mlpdm.workspace import read_answers

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "invoice-ocr.answers.yaml"
OUT = ROOT / "docs" / "images"


def console() -> Console:
    """A console that records what it draws instead of showing it."""
    return Console(
        record=True,
        file=io.StringIO(),
        width=100,
        force_terminal=True,
        color_system="truecolor",
        markup=False,
        emoji=False,
    )


def interview_picture() -> None:
    """One question of the example interview, with "?" typed for help."""
    q = load_packaged_questionnaire()
    doc = read_answers(EXAMPLE, q)
    # Everything answered up to the precision/recall question, as in the example.
    order = list(q.question_index)
    before = {k: v for k, v in doc.answers.items() if order.index(k) < order.index("error_balance")}
    step = Interview.start(q, before).current()
    assert step is not None and step.question.id == "error_balance"
    out = console()
    out.print(step_header(step, "en"))
    out.print(step_body(q, step, "en"))
    out.print(Text.assemble(prompt_text(step.question, None, "en"), "?"))
    out.print(help_panel(q, step.question, "en"))
    out.print(Text.assemble(prompt_text(step.question, None, "en"), "1"))
    out.save_svg(str(OUT / "interview.svg"), title="mlpdm interview")


def verdict_picture() -> None:
    """The verdict panel that ends the example interview."""
    q = load_packaged_questionnaire()
    doc = read_answers(EXAMPLE, q)
    verdict = decide(q, doc.answers)
    context = brief_context(q, doc, verdict, "en")
    out = console()
    out.print(verdict_panel(verdict, context["findings"], "en", whatif=context["whatif"]))
    out.print(Text.assemble(("Wrote ", "green"), "docs/mlpdm/invoice-ocr.answers.yaml"))
    out.print(Text.assemble(("Wrote ", "green"), "docs/mlpdm/invoice-ocr.md"))
    out.save_svg(str(OUT / "verdict.svg"), title="mlpdm interview — the verdict")


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    interview_picture()
    verdict_picture()
    print(f"wrote {OUT / 'interview.svg'} and {OUT / 'verdict.svg'}")
