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

from mlpdm.core.answers.steps import Interview
from mlpdm.core.brief.render import brief_context
from mlpdm.core.decision.engine import decide
from mlpdm.core.text.messages import t
from mlpdm.repo.resources import load_packaged_questionnaire
from mlpdm.repo.workspace import read_answers
from mlpdm.terminal.screens import help_panel, prompt_text, step_body, step_header, verdict_panel

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "invoice-ocr.answers.yaml"
OUT = ROOT / "docs" / "images"
# English only: Rich's SVG export squeezes CJK glyphs into its monospace grid, which reads
# badly; the Japanese screens are shown as text in the README instead.
SUFFIX = {"en": ""}


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


def interview_picture(lang: str) -> None:
    """One question of the example interview, with "?" typed for help."""
    q = load_packaged_questionnaire()
    doc = read_answers(EXAMPLE, q)
    # Everything answered up to the precision/recall question, as in the example.
    order = list(q.question_index)
    before = {k: v for k, v in doc.answers.items() if order.index(k) < order.index("error_balance")}
    step = Interview.start(q, before).current()
    assert step is not None and step.question.id == "error_balance"
    out = console()
    out.print(step_header(step, lang))
    out.print(step_body(q, step, lang))
    out.print(Text.assemble(prompt_text(step.question, None, lang), "?"))
    out.print(help_panel(q, step.question, lang))
    out.print(Text.assemble(prompt_text(step.question, None, lang), "1"))
    out.save_svg(str(OUT / f"interview{SUFFIX[lang]}.svg"), title="mlpdm interview")


def verdict_picture(lang: str) -> None:
    """The verdict panel that ends the example interview."""
    q = load_packaged_questionnaire()
    doc = read_answers(EXAMPLE, q)
    verdict = decide(q, doc.answers)
    context = brief_context(q, doc, verdict, lang)
    out = console()
    out.print(verdict_panel(verdict, context["findings"], lang, whatif=context["whatif"]))
    for path in ("docs/mlpdm/invoice-ocr.answers.yaml", "docs/mlpdm/invoice-ocr.md"):
        out.print(Text(t("interview.written", lang, path=path), style="green"))
    out.save_svg(str(OUT / f"verdict{SUFFIX[lang]}.svg"), title="mlpdm interview — the verdict")


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for lang in SUFFIX:
        interview_picture(lang)
        verdict_picture(lang)
    print(f"wrote the interview and verdict pictures in {', '.join(SUFFIX)} to {OUT}")
