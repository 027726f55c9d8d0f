"""File-name slugs for features: readable, safe on every file system, never a path."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Collection

MAX_SLUG = 60
# Names Windows reserves whatever the extension; a repo is often checked out there too.
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
)


def slugify(name: str) -> str:
    """Make a slug from a feature name.

    The rule: NFKC-normalise (full-width letters become ASCII), lower-case, keep letters and
    digits of any script (so Japanese names stay readable), turn every other run of
    characters into one hyphen, trim hyphens, cut to 60 characters. Path separators, dots
    and look-alikes of them are never kept, so a slug cannot leave its directory. Returns
    "feature" when nothing usable is left.
    """
    text = unicodedata.normalize("NFKC", name).lower()
    kept = "".join(ch if _is_word(ch) else "-" for ch in text)
    slug = re.sub(r"-+", "-", kept).strip("-")[:MAX_SLUG].strip("-")
    if not slug:
        return "feature"
    if slug in _RESERVED:
        slug = f"{slug}-feature"
    return slug


def _is_word(ch: str) -> bool:
    # Letters (L*), marks that belong to them (M*, e.g. Japanese voicing marks) and digits (Nd).
    category = unicodedata.category(ch)
    return category[0] in "LM" or category == "Nd"


def is_valid_slug(slug: str) -> bool:
    """Whether ``slug`` is what ``slugify`` could have produced (used to check hand-edited files)."""
    return bool(slug) and slugify(slug) == slug


def find_slug(name: str, known: Collection[str]) -> str | None:
    """The slug in ``known`` that ``name`` gives, as a slug or as the feature's name; else None."""
    for candidate in (name.strip(), slugify(name)):
        if candidate in known:
            return candidate
    return None


def closest_slug(name: str, known: Collection[str]) -> str | None:
    """The slug in ``known`` that ``name`` most likely meant (a typo, a word left out), if any."""
    close = difflib.get_close_matches(slugify(name), sorted(known), n=1, cutoff=0.6)
    return close[0] if close else None
