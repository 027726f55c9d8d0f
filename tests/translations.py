"""Which English texts changed since their Japanese was last reviewed.

Every text mlpdm shows exists in English and Japanese. When an English text changes, its
Japanese must be read again; this keeps a fingerprint of the English each Japanese text was
last reviewed against (tests/translations.lock.json), and tests/core/test_translations.py fails
until the review is recorded:

    python -m tests.translations             # list the texts to review
    python -m tests.translations --accept    # after reviewing them: record the English as reviewed
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from mlpdm.core.brief.frontmatter import text_digest
from mlpdm.core.text.messages import MESSAGES

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "tests" / "translations.lock.json"
QUESTIONNAIRES = sorted((ROOT / "questionnaires").glob("*.yaml"))


def _localized(node: Any, path: str) -> Iterator[tuple[str, dict[str, str]]]:
    """Every {en, ja} text in a parsed YAML tree, keyed by where it is."""
    if isinstance(node, dict):
        if "en" in node and "ja" in node and all(isinstance(v, str) for v in node.values()):
            yield path, node
            return
        label = node.get("id") or node.get("value")
        for key, value in node.items():
            yield from _localized(value, f"{path}.{key}" if label is None else f"{path}[{label}].{key}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _localized(item, f"{path}[{index}]" if not isinstance(item, dict) else path)


def texts() -> dict[str, dict[str, str]]:
    """Every bilingual text: the catalogue's by key, each questionnaire's by its place."""
    found = {f"catalogue:{key}": text for key, text in MESSAGES.items() if "en" in text and "ja" in text}
    for path in QUESTIONNAIRES:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for section, node in data.items():  # the file's own id is not part of any place
            for where, text in _localized(node, f"{path.name}:{section}"):
                found[f"questionnaire:{where}"] = text
    return found


def current() -> dict[str, str]:
    """The fingerprint of each text's English, now."""
    return {key: text_digest(text["en"]) for key, text in sorted(texts().items())}


def reviewed() -> dict[str, str]:
    """The fingerprints recorded when the Japanese texts were last reviewed."""
    return json.loads(LOCK.read_text(encoding="utf-8")) if LOCK.exists() else {}


def to_review() -> dict[str, str]:
    """Texts whose English is new or changed since their Japanese was reviewed: key -> why."""
    now, then = current(), reviewed()
    out = {key: "new" for key in now if key not in then}
    out.update({key: "English changed" for key in now if key in then and then[key] != now[key]})
    out.update({key: "gone" for key in then if key not in now})
    return dict(sorted(out.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accept", action="store_true", help="record the current English as reviewed")
    args = parser.parse_args(argv)
    if args.accept:
        LOCK.write_text(json.dumps(current(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"recorded {len(current())} texts as reviewed in {LOCK.relative_to(ROOT)}")
        return 0
    pending = to_review()
    all_texts = texts()
    for key, why in pending.items():
        text = all_texts.get(key, {})
        print(f"{key} ({why})\n  en: {text.get('en', '—')}\n  ja: {text.get('ja', '—')}")
    done = "every Japanese text was reviewed against its English"
    print(f"{len(pending)} text(s) to review" if pending else done)
    return 1 if pending else 0


if __name__ == "__main__":
    sys.exit(main())
