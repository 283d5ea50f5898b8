"""Small text helpers shared by every layer (no imports beyond the standard library)."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["two_lines", "word_list"]


def word_list(items: Sequence[str], last: str = "and") -> str:
    """Items as a sentence lists them: ``a``, ``a and b``, ``a, b and c`` (``last="or"``: ``a, b or c``)."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def two_lines(label: str) -> str:
    """``label`` broken into two lines at the space that leaves the longer line shortest (a category label
    under a bar, e.g. ``"ER 4x below band"`` -> ``"ER 4x\\nbelow band"``); unchanged without a space."""
    spaces = [i for i, ch in enumerate(label) if ch == " "]
    if not spaces:
        return label
    cut = min(spaces, key=lambda i: max(i, len(label) - i - 1))
    return label[:cut] + "\n" + label[cut + 1 :]
