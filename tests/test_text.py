"""helpers.text: how a sentence lists items."""

from __future__ import annotations

import pytest

from helpers.text import two_lines, word_list


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


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("ER 4x below band", "ER 4x\nbelow band"),
        ("growth spike", "growth\nspike"),
        ("a b c d e", "a b\nc d e"),
        ("followers", "followers"),
    ],
)
def test_two_lines_breaks_at_the_space_that_leaves_the_longer_line_shortest(label, expected):
    assert two_lines(label) == expected
    lines = two_lines(label).split("\n")
    spaces = [i for i, ch in enumerate(label) if ch == " "]
    assert max(map(len, lines)) == min((max(i, len(label) - i - 1) for i in spaces), default=len(label))
