"""A changed English text fails until its Japanese has been reviewed (see tests/translations.py)."""

from __future__ import annotations

from tests import translations


def test_every_japanese_text_was_reviewed_against_its_current_english():
    pending = translations.to_review()
    assert not pending, (
        f"{len(pending)} English text(s) are new or changed since their Japanese was reviewed: "
        f"{', '.join(list(pending)[:5])}{' …' if len(pending) > 5 else ''}. Read each Japanese text "
        "against its English (python -m tests.translations lists them), then record the review "
        "with python -m tests.translations --accept."
    )


def test_the_inventory_covers_the_catalogue_and_the_questionnaire():
    keys = set(translations.texts())
    assert any(k.startswith("catalogue:help.") for k in keys)  # command-line help too
    assert any(k.startswith("questionnaire:default.yaml:rules[") for k in keys)
    assert any(k.startswith("questionnaire:default.yaml:sections") and k.endswith(".prompt") for k in keys)
    assert len(keys) > 1000


def test_a_changed_english_text_is_caught(monkeypatch):
    text = translations.texts()
    key = next(k for k in text if k.startswith("catalogue:"))
    changed = {k: dict(v) for k, v in text.items()}
    changed[key]["en"] += " (reworded)"
    monkeypatch.setattr(translations, "texts", lambda: changed)
    assert translations.to_review() == {key: "English changed"}
