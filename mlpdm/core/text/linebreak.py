"""Where to break a line of mixed Japanese and English text to fit a width.

English breaks only at spaces; Japanese may break between any two characters, except that a
line must not start with closing punctuation or small kana, nor end with an opening bracket
(kinsoku shori, JIS X 4051 in its simplest form). Rich's wrapping knows only the first rule, so
a Japanese sentence with a few English words in it wraps at those words and leaves ragged gaps.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Callable

# Never at the start of a line.
NO_START = frozenset(
    "、。，．,.)）]］｝〕〉》」』】〙〗〟’”｠»ー～…‥・：；:;!?！？ゝゞヽヾ々ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ"
)
# Never at the end of a line.
NO_END = frozenset("(（[［｛〔〈《「『【〘〖〝‘“｟«")


def breaks_anywhere(ch: str) -> bool:
    """Whether a line may break before or after ``ch``: East Asian wide characters."""
    return unicodedata.east_asian_width(ch) in ("W", "F")


def _units(text: str) -> list[tuple[int, int]]:
    """Spans that stay on one line: a word with its trailing spaces, or one wide character."""
    units: list[list[int]] = []
    glue_next = False  # the previous character was an opening bracket
    for i, ch in enumerate(text):
        if ch.isspace():
            if units:
                units[-1][1] = i + 1
            else:
                units.append([i, i + 1])
            glue_next = False
            continue
        previous = text[i - 1] if i else ""
        joins_previous = (
            bool(units)
            and not previous.isspace()
            and (
                glue_next
                or ch in NO_START
                or unicodedata.combining(ch)
                or not (breaks_anywhere(ch) or breaks_anywhere(previous))
            )
        )
        if joins_previous:
            units[-1][1] = i + 1
        else:
            units.append([i, i + 1])
        glue_next = ch in NO_END
    return [(start, end) for start, end in units]


def break_offsets(text: str, width: int, cell_len: Callable[[str], int], *, fold: bool = True) -> list[int]:
    """Offsets at which to split ``text`` so no line is wider than ``width`` cells.

    Same contract as Rich's ``divide_line``: trailing spaces do not count towards the width,
    and a unit wider than a whole line is folded (``fold``) or left to be cropped. Where a
    line must break inside Japanese text, it breaks at the start of a phrase (see
    phrase_start) when one lies within the last third of the line, not mid-word.
    """
    offsets: list[int] = []
    used = 0
    line: list[tuple[int, int]] = []  # each unit on the current line: (start, cells before it)
    for start, end in _units(text):
        piece = text[start:end]
        visible = cell_len(piece.rstrip())
        if used + visible <= width:
            line.append((start, used))
            used += cell_len(piece)
            continue
        if visible > width and fold:
            if start and used:
                offsets.append(start)
            used, line = 0, []
            for i, ch in enumerate(piece):
                size = cell_len(ch)
                if used + size > width and not ch.isspace():
                    offsets.append(start + i)
                    used = 0
                used += size
            continue
        cut = _phrase_cut(text, line, start, used, visible, width) if start and used else start
        if start and used:
            offsets.append(cut)
        moved = [(s, before) for s, before in line if s >= cut] if cut != start else []
        base = moved[0][1] if moved else used
        line = [(s, before - base) for s, before in moved]
        used -= base
        line.append((start, used))
        used += cell_len(piece)
    return offsets


def _phrase_cut(
    text: str, line: list[tuple[int, int]], start: int, used: int, visible: int, width: int
) -> int:
    """Where to end a full line: at ``start``, or at an earlier phrase start not far back."""
    if phrase_start(text, start):
        return start
    # A ragged line reads better than a word cut in two, but two thirds of a line is as short as it gets.
    shortest = width - width // 3
    for s, before in reversed(line[1:]):
        if before < shortest:
            break
        if phrase_start(text, s) and used - before + visible <= width:
            return s
    return start


# Punctuation that ends a phrase: a line may start right after it.
PHRASE_END = frozenset("、。，．）」』】〕〉》〙〗〟’”｠»！？：；")


def _hiragana(ch: str) -> bool:
    return "\u3041" <= ch <= "\u309f"


def phrase_start(text: str, i: int) -> bool:
    """Whether a phrase starts at ``text[i]``, so that a line may start there without splitting one.

    After a space or phrase-ending punctuation, at an opening bracket, and where hiragana (the
    particles and endings that close a Japanese phrase) gives way to kanji, katakana or Latin
    letters: "…バージョンが|固定されておらず、|提供元が…". A rough rule without a dictionary,
    which is enough to keep a line from ending in the middle of "変えられる".
    """
    if i <= 0 or i >= len(text):
        return True
    previous, ch = text[i - 1], text[i]
    if previous.isspace() or previous in PHRASE_END or ch in NO_END:
        return True
    return _hiragana(previous) and not _hiragana(ch) and ch not in NO_START and not ch.isspace()


def cell_width(text: str) -> int:
    """Terminal cells ``text`` takes: two for East Asian wide characters, none for combining marks."""
    return sum(0 if unicodedata.combining(ch) else 2 if breaks_anywhere(ch) else 1 for ch in text)


def wrap_lines(text: str, width: int) -> list[str]:
    """``text`` as lines of at most ``width`` cells, each paragraph (blank-line separated) on its own.

    Runs of whitespace inside a paragraph collapse to one space, as in any help text.
    """
    lines: list[str] = []
    for number, paragraph in enumerate(text.split("\n\n")):
        flat = " ".join(paragraph.split())
        if number:
            lines.append("")
        cuts = [0, *break_offsets(flat, max(width, 1), cell_width), len(flat)]
        lines += [flat[a:b].rstrip() for a, b in itertools.pairwise(cuts) if a < b]
    return lines
