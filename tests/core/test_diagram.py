"""The decision diagram: gates in order of precedence, the path to the verdict marked."""

from __future__ import annotations

from mlpdm.core.decision.diagram import gates, mermaid
from mlpdm.core.decision.engine import decide
from tests.core.scenarios import CLEAN, FIRES, with_changes


def test_gates_follow_the_verdict(default_q):
    answers = with_changes({**FIRES["no-kpi"], **FIRES["output-used-downstream"]})
    verdict = decide(default_q, answers)
    result = gates(verdict)
    assert [g.outcome for g in result] == ["blocker", "not-needed", "prerequisite", "condition"]
    assert [g.failed for g in result] == [False, False, True, True]
    assert [g.deciding for g in result] == [False, False, True, False]
    assert [g.on_path for g in result] == [True, True, True, False]


def test_mermaid_marks_the_path_and_the_reached_verdict(default_q):
    verdict = decide(default_q, with_changes(FIRES["unreviewed-severe-harm"]))
    text = mermaid(verdict, "en")
    assert text.startswith("flowchart TD\n")
    assert 'g1 == "Unacceptable risk found: F1" ==> v1' in text
    assert "class v1 reached" in text and "class v5 idle" in text
    assert "linkStyle 0,1 stroke-width:3px" in text


def test_go_path_runs_through_every_gate(default_q):
    text = mermaid(decide(default_q, CLEAN), "en")
    assert 'g4 == "No conditions" ==> v5' in text and "class v5 reached" in text
    assert "linkStyle 0,2,4,6,8 stroke-width:3px" in text


def test_the_diagrams_arrows_say_each_outcome_in_words(default_q):
    """An arrow marked "yes" from "Unacceptable risk?" has to be turned round to be read."""
    verdict = decide(default_q, with_changes(FIRES["no-kpi"]))
    for lang, expected in {
        "en": ['g1 == "No unacceptable risk" ==> g2', 'g3 == "Prerequisites missing: F1" ==> v3'],
        "ja": ['g1 == "許容できないリスクなし" ==> g2', 'g3 == "前提条件の不足あり：F1" ==> v3'],
    }.items():
        text = mermaid(verdict, lang)
        assert all(edge in text for edge in expected), text
        assert '"yes' not in text and '"no"' not in text and "はい" not in text and "いいえ" not in text


def test_the_terminal_tree_says_each_gates_outcome_in_words(default_q):
    """Not "✓ Unacceptable risk?", which reads as "yes, there is": the outcome itself."""
    import io

    from mlpdm.terminal.console import make_console
    from mlpdm.terminal.screens import decision_tree

    answers = with_changes({**FIRES["no-kpi"], **FIRES["output-used-downstream"]})
    expected = {
        "en": ["✓ No unacceptable risk", "✓ Simpler software would not do", "✗ Prerequisites missing"],
        "ja": ["✓ 許容できないリスクなし", "✓ より単純なソフトウェアでは不十分", "✗ 前提条件の不足あり"],
    }
    for lang, lines in expected.items():
        screen = io.StringIO()
        make_console(file=screen, width=120).print(decision_tree(decide(default_q, answers), lang))
        shown = screen.getvalue()
        assert all(line in shown for line in lines), shown
        assert "?" not in shown and "？" not in shown
