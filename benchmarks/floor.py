"""The floor for `mlpdm check`: the least work any tool must do to check a folder of briefs.

For every answers file it reads the file and its brief, parses the YAML with PyYAML's C
loader and renders one template compiled once up front, then compares the text with the
brief on disk. No validation, no rules, no decision: what is left when all of mlpdm's own
work is taken away.

    python benchmarks/floor.py DOCS_DIR
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml
from jinja2 import Environment

TEMPLATE = """\
# {{ meta.feature }}

| Question | Answer |
|---|---|
{% for key, value in answers.items() -%}
| {{ key }} | {{ value }} |
{% endfor %}
Owner: {{ meta.owner }} · {{ meta.date }}
"""


def main(docs: Path) -> int:
    template = Environment(autoescape=False).from_string(TEMPLATE)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    compared = differ = 0
    for path in sorted(docs.rglob("*.answers.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
        text = template.render(meta=data["meta"], answers=data["answers"])
        brief = path.with_name(path.name.removesuffix(".answers.yaml") + ".md")
        differ += text != brief.read_text(encoding="utf-8")  # always: the point is the work, not the answer
        compared += 1
    print(f"{compared} files compared ({differ} differ from this stand-in template)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1])))
