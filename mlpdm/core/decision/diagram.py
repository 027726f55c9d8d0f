"""The decision as gates, in order of precedence, and as a Mermaid flowchart."""

from __future__ import annotations

from dataclasses import dataclass

from mlpdm.core.decision.engine import OUTCOME_VERDICT, Verdict
from mlpdm.core.text.messages import t

# Gates in the order the verdict is decided (product.md): the first gate with findings wins.
GATES: tuple[tuple[str, str], ...] = (
    ("blocker", "no-go-risk"),
    ("not-needed", "no-go-not-needed"),
    ("prerequisite", "not-ready"),
    ("condition", "go-with-conditions"),
)


@dataclass(frozen=True)
class Gate:
    """One gate: which outcome it checks, the findings that failed it, whether the path ran through it."""

    outcome: str
    verdict: str
    findings: tuple[str, ...]  # finding numbers, e.g. ("F1", "F3")
    on_path: bool
    deciding: bool

    @property
    def failed(self) -> bool:
        """Whether any finding failed this gate."""
        return bool(self.findings)


def gates(verdict: Verdict) -> tuple[Gate, ...]:
    """The gates with their findings numbered as in the brief (F1, F2, … in findings order)."""
    numbers: dict[str, list[str]] = {outcome: [] for outcome, _ in GATES}
    for index, finding in enumerate(verdict.findings, start=1):
        if finding.outcome in numbers:
            numbers[finding.outcome].append(f"F{index}")
    out = []
    reached = False
    for outcome, gate_verdict in GATES:
        deciding = OUTCOME_VERDICT[outcome] == verdict.id
        out.append(Gate(outcome, gate_verdict, tuple(numbers[outcome]), not reached, deciding))
        reached = reached or deciding
    return tuple(out)


def outcome_text(gate: Gate, lang: str) -> str:
    """A gate's outcome in words, "Unacceptable risk found" or "No unacceptable risk".

    A bare mark next to the gate's question ("✓ Unacceptable risk?") reads as "yes".
    """
    return _outcome(gate.outcome, gate.failed, lang)


def _outcome(outcome: str, found: bool, lang: str) -> str:
    return t(f"diagram.outcome.{outcome}.{'found' if found else 'clear'}", lang)


_ARROWS = {"thick": ("==", "==>"), "normal": ("--", "-->"), "dotted": ("-.", ".->")}


def _edge(source: str, target: str, label: str, style: str) -> str:
    start, end = _ARROWS[style]
    if not label:
        return f"    {source} {end} {target}"
    return f'    {source} {start} "{label}" {end} {target}'


def mermaid(verdict: Verdict, lang: str) -> str:
    """A Mermaid flowchart of the gates, with the path taken and failed gates marked.

    Only mlpdm's own labels go into the diagram (no user text), so nothing needs escaping.
    Thick arrows are the path to the verdict; dotted ones lead to verdicts not reached. Each
    arrow says the outcome it stands for ("No unacceptable risk"), not "yes" or "no" to the
    gate's question, which a reader has to turn round in their head.
    """
    lines = ["flowchart TD", f'    start(["{t("diagram.start", lang)}"])']
    taken: list[int] = []
    edges = 0
    previous, previous_label = "start", ""
    gate_list = gates(verdict)
    for index, gate in enumerate(gate_list, start=1):
        node, outcome_node = f"g{index}", f"v{index}"
        lines.append(f'    {node}{{"{t(f"diagram.gate.{gate.outcome}", lang)}"}}')
        lines.append(f'    {outcome_node}["{t(f"verdict.{gate.verdict}", lang)}"]')
        lines.append(_edge(previous, node, previous_label, "thick" if gate.on_path else "normal"))
        if gate.on_path:
            taken.append(edges)
        edges += 1
        found = _outcome(gate.outcome, True, lang)
        if gate.findings:
            found = t("p.labelled", lang, label=found, text=t("p.comma", lang).join(gate.findings))
        lines.append(_edge(node, outcome_node, found, "thick" if gate.deciding else "dotted"))
        if gate.deciding:
            taken.append(edges)
        edges += 1
        previous, previous_label = node, _outcome(gate.outcome, False, lang)
    go_reached = verdict.id == "go"
    lines.append(f'    v5["{t("verdict.go", lang)}"]')
    lines.append(_edge(previous, "v5", previous_label, "thick" if go_reached else "normal"))
    if go_reached:
        taken.append(edges)
    lines += [
        "    classDef failed fill:#fde2e1,stroke:#c0392b,color:#000",
        "    classDef passed fill:#e3f4e1,stroke:#2e7d32,color:#000",
        "    classDef reached fill:#fff3bf,stroke:#000,stroke-width:3px,color:#000",
        "    classDef idle fill:#f4f4f4,stroke:#bbb,color:#777",
    ]
    for index, gate in enumerate(gate_list, start=1):
        lines.append(f"    class g{index} {'failed' if gate.failed else 'passed'}")
        lines.append(f"    class v{index} {'reached' if gate.deciding else 'idle'}")
    lines.append(f"    class v5 {'reached' if go_reached else 'idle'}")
    lines.append(f"    linkStyle {','.join(map(str, taken))} stroke-width:3px")
    return "\n".join(lines) + "\n"
