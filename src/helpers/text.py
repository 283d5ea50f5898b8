"""Small text helpers shared by every layer (no imports beyond the standard library)."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["word_list"]


def word_list(items: Sequence[str], last: str = "and") -> str:
    """Items as a sentence lists them: ``a``, ``a and b``, ``a, b and c`` (``last="or"``: ``a, b or c``)."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]
