"""Line breaks for mixed Japanese and English text."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from mlpdm.core.text.linebreak import NO_END, NO_START, break_offsets, phrase_start


def lines(text: str, width: int) -> list[str]:
    cuts = [0, *break_offsets(text, width, cell_len), len(text)]
    return [text[a:b] for a, b in itertools.pairwise(cuts)]


def test_japanese_fills_each_line_instead_of_breaking_at_the_english_words():
    text = "ML モデルや LLM の API を使った機能のための、ガイドつきレビュー。そもそも ML が必要か"
    got = lines(text, 30)
    assert "".join(got) == text
    # Nearly full lines: this text has a phrase start near the end of every line.
    assert all(cell_len(line.rstrip()) >= 24 for line in got[:-1])
    from rich._wrap import divide_line  # what Rich alone would do, for comparison

    assert len(got) < len(divide_line(text, 30)) + 1


def test_english_still_breaks_only_at_spaces():
    assert lines("the quick brown fox jumps", 10) == ["the quick ", "brown fox ", "jumps"]


def test_kinsoku_no_closing_mark_at_a_line_start_and_no_opening_mark_at_an_end():
    # Width 6 would put "。" first on the second line; it stays with the character before it.
    assert lines("あいう。えお", 6) == ["あい", "う。", "えお"]
    assert all(line[:1] not in NO_START for line in lines("あいう。えお", 6))
    for line in lines("これは「テスト」です。", 8)[:-1]:
        assert line[-1:] not in NO_END


@pytest.mark.parametrize("width", [1, 2, 3])
def test_a_line_narrower_than_a_word_folds_it(width):
    got = lines("abcdef 日本語", width)
    assert "".join(got) == "abcdef 日本語"
    assert all(cell_len(line.rstrip()) <= max(width, 2) for line in got)


@given(
    st.lists(st.sampled_from([*"ab 日本語の「」。、ー", "ML", "  "]), max_size=60).map("".join),
    st.integers(min_value=2, max_value=40),
)
def test_lines_keep_every_character_and_fit(text, width):
    got = lines(text, width)
    assert "".join(got) == text
    assert all(cell_len(line.rstrip()) <= width for line in got)


REVIEW_NOTE = (
    "見直し期限は 2027-05-18 です（LLM のバージョンが固定されておらず、"
    "提供元がいつでもモデルを変えられるため、通常より早めています）。"
)


@pytest.mark.parametrize("width", range(40, 121))
def test_japanese_breaks_between_phrases_not_inside_a_word(width):
    # Every terminal width, not a few round ones: at 40 and 64 the note used to wrap as
    # "提供元がい / つでも" and "固定されておら / ず".
    got = lines(REVIEW_NOTE, width)
    assert "".join(got) == REVIEW_NOTE and len(got) > 1
    cuts = list(itertools.accumulate(len(line) for line in got))[:-1]
    assert all(phrase_start(REVIEW_NOTE, cut) for cut in cuts), got
    # Not "…提供元がいつで / もモデルを…" nor "…変え / られる…".
    assert not any(line.endswith(("いつで", "変え", "提供")) for line in got)


def test_a_line_without_a_phrase_start_near_its_end_still_fills_up():
    # No phrase starts anywhere, so it breaks between characters as before.
    assert lines("あいうえおかきくけこさしすせそ", 10) == ["あいうえお", "かきくけこ", "さしすせそ"]
