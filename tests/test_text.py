"""helpers.text: how a sentence lists items."""

from __future__ import annotations

import pytest

from helpers.text import word_list


@pytest.mark.parametrize(
    ("items", "last", "expected"),
    [
        ([], "and", ""),
        (["a"], "and", "a"),
        (["a", "b"], "and", "a and b"),
        (["a", "b", "c"], "and", "a, b and c"),
        (['"A"', '"B"', '"C"'], "or", '"A", "B" or "C"'),
    ],
)
def test_word_list_joins_items_as_a_sentence_does(items, last, expected):
    assert word_list(items, last) == expected
