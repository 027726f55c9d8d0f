"""Slugs: readable file names that can never leave the docs directory."""

from __future__ import annotations

import pytest

from mlpdm.core.text.slug import is_valid_slug, slugify


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Invoice OCR", "invoice-ocr"),
        ("  Sales-call summaries (v2)!  ", "sales-call-summaries-v2"),
        ("請求書 AI-OCR", "請求書-ai-ocr"),
        ("ＦＡＱ　ボット", "faq-ボット"),
        ("請求書ＯＣＲ（β版）", "請求書ocr-β版"),  # the README's example
        ("問い合わせメールの自動振り分け", "問い合わせメールの自動振り分け"),
        ("\u30ab\u3099", "\u30ac"),  # a decomposed voiced kana is composed again, not split at its mark
        ("../../etc/passwd", "etc-passwd"),
        ("/absolute/path", "absolute-path"),
        ("a∕b⁄c", "a-b-c"),  # look-alikes of "/"
        ("CON", "con-feature"),
        ("...", "feature"),
        ("x" * 100, "x" * 60),
    ],
)
def test_slugify(name, slug):
    assert slugify(name) == slug
    assert is_valid_slug(slug)


def test_invalid_slugs():
    for bad in ["", "a/b", "..", "a..b", "UPPER", "with space"]:
        assert not is_valid_slug(bad)
