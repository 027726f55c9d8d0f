"""Every text mlpdm shows exists in both languages, with the same placeholders."""

from __future__ import annotations

import re
import string

import pytest

from mlpdm.core.text.languages import LANGUAGES
from mlpdm.core.text.messages import MESSAGES, t
from mlpdm.repo.resources import load_packaged_questionnaire
from tests.conftest import REPO


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_has_every_language_with_the_same_placeholders(key):
    entry = MESSAGES[key]
    assert set(entry) == set(LANGUAGES), f"{key}: languages {sorted(entry)}"
    for lang in LANGUAGES:
        assert entry[lang].strip(), f"{key}: empty {lang} text"
    assert placeholders(entry["ja"]) == placeholders(entry["en"]), key


def test_japanese_texts_are_japanese():
    """A ja text copied from English by mistake would pass the check above; catch it here."""
    kana_or_kanji = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
    english_sentence = re.compile(r"[A-Za-z]{3,} [a-z]{3,} [a-z]{3,}")
    untranslated = [
        key
        for key, entry in MESSAGES.items()
        if english_sentence.search(entry["en"]) and not kana_or_kanji.search(entry["ja"])
    ]
    assert untranslated == ["error.trials_or_rate.hint"]  # a command line, the same in both


def keys_used_in(text: str) -> set[str]:
    return set(re.findall(r"""\bt\(\s*["']([a-z_.\-]+)["']""", text))


def test_every_key_the_code_and_templates_use_exists():
    used: dict[str, str] = {}
    sources = [*(REPO / "mlpdm").rglob("*.py"), *(REPO / "templates").glob("*.j2")]
    for path in sources:
        for key in keys_used_in(path.read_text(encoding="utf-8")):
            used[key] = str(path.relative_to(REPO))
    assert len(used) > 100  # the scan itself works
    missing = {k: where for k, where in used.items() if k not in MESSAGES}
    assert not missing, missing


def test_the_default_questionnaire_is_complete_in_both_languages():
    from mlpdm.core.questionnaire.model import translated_languages

    q = load_packaged_questionnaire()
    assert q.languages == ("en", "ja")
    assert translated_languages(q) == ("en", "ja")


def test_a_missing_japanese_text_in_the_questionnaire_fails_validation(tmp_path, runner):
    from mlpdm.cli.app import app

    text = (REPO / "questionnaires" / "default.yaml").read_text(encoding="utf-8")
    # Drop the Japanese of the first question's prompt.
    broken = re.sub(r'(prompt: \{en: "[^"]*"), ja: "[^"]*"\}', r"\1}", text, count=1)
    assert broken != text
    path = tmp_path / "q.yaml"
    path.write_text(broken, encoding="utf-8")
    result = runner.invoke(app, ["questionnaire", "validate", str(path)])
    assert result.exit_code == 2
    assert "text has no ja translation" in result.output


def test_japanese_punctuation_in_labels():
    assert t("p.labelled", "en", label="Error", text="x") == "Error: x"
    assert t("p.labelled", "ja", label="エラー", text="x") == "エラー：x"


def test_no_stray_spaces_between_japanese_words():
    """YAML's folded text joins lines with a space, which Japanese does not use."""
    from mlpdm.core.questionnaire.model import _texts

    between = re.compile(r"[\u3001\u3002\u3040-\u30ff\u4e00-\u9fff] [\u3040-\u30ff\u4e00-\u9fff]")
    q = load_packaged_questionnaire()
    texts = [text["ja"] for _, text in _texts(q) if text] + [v["ja"] for v in MESSAGES.values()]
    assert not [text for text in texts if between.search(text)]
