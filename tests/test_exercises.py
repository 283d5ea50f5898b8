"""Core mechanics of helpers.exercises: answer kinds, tolerance, blanks, hints, solutions, feedback."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import helpers.exercises as exercises
from helpers.exercises import (
    BLANK,
    ChoicePart,
    ChoiceQuestion,
    Mistake,
    NumberPart,
    NumericQuestion,
    Question,
    Result,
    SetQuestion,
    Status,
    TableQuestion,
    TupleQuestion,
    ____,
    is_blank,
)

COMMON = {"hints": ["first hint", "second hint"], "solution_code": "answer = 42"}


def numeric(**kwargs) -> NumericQuestion:
    return NumericQuestion(**({"id": "99.q1", "title": "A number", "expected": 2.5} | COMMON | kwargs))


# -- the blank sentinel ---------------------------------------------------------------------------


@pytest.mark.parametrize("blank", [____, BLANK, None, ..., [____, ____], (None,)], ids=repr)
def test_untouched_answer_says_not_attempted_yet(blank):
    result = numeric().check(blank)
    assert result.status is Status.NOT_ATTEMPTED
    assert not result
    assert "Not attempted yet" in repr(result)
    assert "____" in result.message and "hint()" in result.message


def test_check_without_argument_is_not_attempted():
    assert numeric().check().status is Status.NOT_ATTEMPTED


def test_blank_is_a_singleton_with_a_readable_repr():
    assert exercises.Blank() is ____ and repr(____) == "____"


def test_half_filled_starter_with_arithmetic_on_the_blank_still_runs():
    followers = 80_000
    assert (____ + 150) / followers * 100 is ____
    assert round(____, 2) is ____ and -____ is ____
    assert ____.sum() is ____ and ____["likes"] is ____ and ____(1) is ____


def test_blank_absorbs_numpy_and_pandas_operands():
    assert np.float64(2.0) * ____ is ____
    assert pd.Series([1, 2]) * ____ is ____
    assert np.array([1, 2]) + ____ is ____


def test_is_blank_does_not_treat_zero_or_empty_as_blank():
    assert not is_blank(0) and not is_blank("") and not is_blank([]) and not is_blank(False)


# -- numbers ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("answer", [2.5, 2.5024, 2.4976, 5 / 2, np.float64(2.5), np.array(2.5)])
def test_numeric_answer_within_relative_tolerance_is_correct(answer):
    assert numeric(rel_tol=1e-3).check(answer).ok


def test_numeric_answer_just_outside_relative_tolerance_is_wrong():
    assert not numeric(rel_tol=1e-3).check(2.51).ok


def test_numeric_absolute_tolerance_accepts_answers_near_zero_expected():
    q = numeric(expected=0.0, abs_tol=0.01)
    assert q.check(0.009).ok and not q.check(0.02).ok


def test_integer_answer_to_integer_question_with_zero_tolerance():
    q = numeric(expected=17, rel_tol=0.0)
    assert q.check(17).ok and q.check(np.int64(17)).ok and not q.check(18).ok


def test_bool_is_not_accepted_as_a_number():
    assert numeric(expected=1).check(True).status is Status.WRONG_TYPE


def test_number_written_as_text_is_told_to_drop_quotes_and_percent_sign():
    result = numeric().check("2.5%")
    assert result.status is Status.WRONG_TYPE
    assert "without quotes" in result.message and "% sign" in result.message


def test_series_given_for_a_number_is_told_to_reduce_it():
    result = numeric().check(pd.Series([2.5, 2.5]))
    assert result.status is Status.WRONG_TYPE and "single number" in result.message


def test_wrong_type_message_names_expected_and_given_type():
    result = numeric().check(object())
    assert "a number" in result.message and "an `object`" in result.message


def test_fraction_given_for_a_percentage_is_a_named_slip():
    result = numeric(unit="%").check(0.025)
    assert result.status is Status.MISTAKE
    assert "as a fraction" in result.message and "multiply by 100" in result.message


def test_fraction_slip_allows_rounding_but_not_a_far_miss():
    assert numeric(unit="%").check(0.0251).status is Status.MISTAKE
    result = numeric(unit="%").check(0.03)
    assert result.status is Status.WRONG and "as a fraction" not in result.message


def test_answer_100_times_too_small_without_a_unit_is_detected_as_factor_of_100():
    result = numeric().check(0.025)
    assert result.status is Status.WRONG
    assert "100 times too small" in result.message and "percentage/fraction" in result.message


def test_percentage_given_for_a_fraction_is_detected_as_factor_of_100():
    result = numeric(expected=0.025).check(2.5)
    assert "100 times too large" in result.message and "Divide by 100" in result.message


def test_percent_question_multiplied_by_100_twice_is_detected():
    assert "multiply by 100 twice" in numeric(unit="%").check(250).message


@pytest.mark.parametrize("answer", [2500.0, 0.0025])
def test_factor_of_1000_is_detected_both_ways(answer):
    assert "1,000 times" in numeric().check(answer).message


def test_factor_of_10_points_to_the_decimal_point():
    assert "10 times too large" in numeric().check(25.0).message


def test_scale_detection_can_be_switched_off():
    message = numeric(unit="%", detect_scale=False).check(0.025).message
    assert "100 times" not in message and "too low" in message


def test_generic_wrong_number_says_how_far_and_suggests_hint():
    result = numeric().check(5.6)
    assert result.status is Status.WRONG
    assert "about 2.2x too high" in result.message and "`ex.q1.hint()`" in result.message


def test_generic_wrong_number_below_expected_reports_percent_too_low():
    assert "about 20% too low" in numeric().check(2.0).message


def test_near_miss_suggests_rounding_and_states_the_tolerance():
    message = numeric(rel_tol=1e-3).check(2.52).message
    assert "close but 0.8% too high" in message and "tolerance is 0.1%" in message and "round" in message


def test_wrong_sign_is_reported():
    assert "wrong sign" in numeric().check(-2.5).message


def test_nan_answer_points_to_division_by_zero_or_missing_values():
    assert "NaN" in numeric().check(math.nan).message


def test_zero_expected_reports_absolute_difference():
    assert "off by 3" in numeric(expected=0).check(3).message


# -- known mistakes --------------------------------------------------------------------------------


def test_known_mistake_value_gets_its_own_message():
    q = numeric(mistakes=[Mistake(4.0, "You divided by reach; this question asks per follower.")])
    result = q.check(4.0)
    assert result.status is Status.MISTAKE
    assert result.message == "You divided by reach; this question asks per follower."


def test_known_mistake_takes_precedence_over_built_in_factor_of_100():
    q = numeric(unit="%", mistakes=[Mistake(0.025, "Custom: multiply by 100.")])
    assert q.check(0.025).message == "Custom: multiply by 100."


def test_known_mistake_value_uses_the_question_tolerance():
    q = numeric(rel_tol=0.01, mistakes=[Mistake(4.0, "per reach")])
    assert q.check(4.03).message == "per reach"


def test_first_matching_mistake_wins():
    q = numeric(
        mistakes=[
            Mistake(when=lambda a: a > 3, feedback="first", example=5),
            Mistake(5.0, "second"),
        ]
    )
    assert q.check(5.0).message == "first"


def test_mistake_predicate_can_catch_wrong_types_before_the_type_message():
    q = numeric(mistakes=[Mistake(when=lambda a: isinstance(a, str), feedback="no text", example="x")])
    assert q.check("2.5").message == "no text"


def test_failing_mistake_predicate_is_ignored():
    q = numeric(mistakes=[Mistake(when=lambda a: a.nope, feedback="never", example=1)])
    assert q.check(5.6).status is Status.WRONG


def test_lazy_mistake_value_is_computed():
    q = numeric(mistakes=[Mistake(lambda: 2.0 * 2, "lazy mistake")])
    assert q.check(4.0).message == "lazy mistake"


def test_mistake_needs_feedback_and_exactly_one_of_value_or_when():
    with pytest.raises(ValueError, match="feedback"):
        Mistake(1.0, "")
    with pytest.raises(ValueError, match="either"):
        Mistake(1.0, "both", when=lambda a: True, example=1)
    with pytest.raises(ValueError, match="example"):
        Mistake(when=lambda a: True, feedback="no example")


# -- lazily computed expected values ---------------------------------------------------------------


def test_lazy_expected_is_computed_once_and_only_when_needed():
    calls = []

    def expected() -> float:
        calls.append(1)
        return 2.5

    q = numeric(expected=expected)
    assert calls == []
    assert q.check(____).status is Status.NOT_ATTEMPTED and calls == []
    assert q.check(2.5).ok and q.check(2.6).status is Status.WRONG
    assert calls == [1]


def test_failing_lazy_expected_reports_an_error_instead_of_raising():
    def broken() -> float:
        raise FileNotFoundError("datasets/influencers.csv")

    result = numeric(expected=broken).check(2.5)
    assert result.status is Status.ERROR and "FileNotFoundError" in result.message


# -- text and choices ------------------------------------------------------------------------------


def choice(**kwargs) -> ChoiceQuestion:
    base = {"id": "99.q2", "title": "Tier", "expected": "micro", "choices": ["nano", "micro", "macro"]}
    return ChoiceQuestion(**(base | COMMON | kwargs))


@pytest.mark.parametrize("answer", ["micro", "Micro", "  MICRO ", "micro\n"])
def test_choice_ignores_case_and_surrounding_whitespace(answer):
    assert choice().check(answer).ok


def test_choice_collapses_inner_whitespace():
    assert choice(expected="mid tier", choices=()).check("Mid   tier").ok


def test_choice_accepts_any_listed_spelling():
    q = choice(expected=("mid-tier", "mid tier", "mid"), choices=())
    assert q.check("Mid Tier").ok and q.check("mid").ok


def test_choice_answer_outside_the_options_lists_them():
    result = choice().check("huge")
    assert "not one of the options" in result.message and "'nano', 'micro', 'macro'" in result.message


def test_choice_valid_but_wrong_option_gets_generic_message():
    result = choice().check("nano")
    assert result.status is Status.WRONG and "'nano' is not the answer" in result.message


def test_choice_known_mistake_matches_case_insensitively():
    q = choice(mistakes=[Mistake("macro", "Macro starts at 500,000.")])
    assert q.check("MACRO").message == "Macro starts at 500,000."


def test_choice_non_text_answer_is_told_to_use_quotes():
    result = choice().check(3)
    assert result.status is Status.WRONG_TYPE and "in quotes" in result.message


# -- sets and lists of ids -------------------------------------------------------------------------


def ids(**kwargs) -> SetQuestion:
    base = {"id": "99.q3", "title": "Ids", "expected": ["c1", "c2", "c3", "c4"]}
    return SetQuestion(**(base | COMMON | kwargs))


@pytest.mark.parametrize(
    "answer",
    [
        ["c4", "c3", "c2", "c1"],
        {"c1", "c2", "c3", "c4"},
        ("c1", "c2", "c3", "c4"),
        pd.Series(["c2", "c1", "c4", "c3"]),
        pd.Index(["c1", "c2", "c3", "c4"]),
        np.array(["c3", "c1", "c2", "c4"]),
    ],
    ids=["list", "set", "tuple", "series", "index", "ndarray"],
)
def test_set_question_ignores_order_and_container_type(answer):
    assert ids().check(answer).ok


def test_set_question_counts_missing_and_names_extra_ids():
    result = ids().check(["c1", "c2", "c99"])
    assert result.status is Status.WRONG
    assert "2 missing" in result.message and "1 that should not be there (e.g. 'c99')" in result.message


def test_set_question_does_not_reveal_the_missing_ids():
    assert "c4" not in ids().check(["c1", "c2", "c3"]).message


def test_set_question_spots_ids_of_the_wrong_type():
    q = ids(expected=[1, 2, 3])
    message = q.check(["1", "2", "3"]).message
    assert "wrong type" in message and "`int`" in message


def test_set_question_accepts_numpy_integers_for_int_ids():
    assert ids(expected=[1, 2, 3]).check(np.array([3, 2, 1])).ok


def test_set_question_reports_duplicates():
    assert "more than once" in ids().check(["c1", "c2", "c3", "c4", "c4"]).message


def test_ordered_question_reports_first_wrong_position():
    q = ids(ordered=True)
    assert q.check(["c1", "c2", "c3", "c4"]).ok
    assert "position 2 should be 'c2'" in q.check(["c1", "c3", "c2", "c4"]).message


def test_set_question_single_string_is_wrong_type():
    assert ids().check("c1").status is Status.WRONG_TYPE


# -- pandas Series and DataFrames ------------------------------------------------------------------


def series_q(**kwargs) -> TableQuestion:
    expected = pd.Series({"nano": 4.8, "micro": 2.1, "macro": 1.2}, name="er")
    base = {"id": "99.q4", "title": "ER by tier", "expected": expected, "rel_tol": 1e-3}
    return TableQuestion(**(base | COMMON | kwargs))


def frame_q(**kwargs) -> TableQuestion:
    expected = pd.DataFrame({"er": [4.8, 2.1], "n": [10, 20]}, index=pd.Index(["nano", "micro"], name="tier"))
    base = {"id": "99.q5", "title": "Table", "expected": expected, "rel_tol": 1e-3}
    return TableQuestion(**(base | COMMON | kwargs))


def test_series_within_tolerance_in_any_order_and_any_name_is_correct():
    answer = pd.Series({"macro": 1.2001, "nano": 4.8, "micro": 2.1}, name="whatever")
    assert series_q().check(answer).ok


def test_series_order_matters_when_asked():
    answer = pd.Series({"macro": 1.2, "nano": 4.8, "micro": 2.1})
    assert "wrong order" in series_q(check_order=True).check(answer).message


def test_series_differing_value_names_the_label_and_both_values():
    message = series_q().check(pd.Series({"nano": 5.1, "micro": 2.1, "macro": 1.2})).message
    assert "1 value(s) differ" in message and "at 'nano' you have 5.1, expected 4.8" in message


def test_series_missing_index_labels_are_named():
    message = series_q().check(pd.Series({"nano": 4.8, "micro": 2.1})).message
    assert "1 index label(s) missing (e.g. 'macro')" in message


def test_series_all_values_off_by_100_is_detected():
    message = series_q().check(pd.Series({"nano": 0.048, "micro": 0.021, "macro": 0.012})).message
    assert "Every value is 100 times too small" in message


def test_dataframe_given_for_a_series_is_told_to_select_a_column():
    result = series_q().check(pd.DataFrame({"er": [4.8]}))
    assert result.status is Status.WRONG_TYPE and "Select one column" in result.message


def test_dataframe_equal_within_tolerance_with_columns_in_any_order():
    expected = frame_q().expected_value
    assert frame_q().check(expected[["n", "er"]].iloc[::-1] * 1.0001).ok


def test_dataframe_missing_column_is_named():
    message = frame_q().check(frame_q().expected_value[["er"]]).message
    assert "missing column(s) 'n'" in message


def test_dataframe_differing_cell_names_row_and_column():
    answer = frame_q().expected_value.copy()
    answer.loc["micro", "n"] = 25
    assert "at ('micro', 'n') you have 25, expected 20" in frame_q().check(answer).message


def test_dataframe_with_text_columns_and_missing_values_compares_them():
    expected = pd.DataFrame({"tier": ["nano", None], "x": [1.0, np.nan]})
    q = TableQuestion(id="99.q6", title="t", expected=expected, **COMMON)
    assert q.check(expected.copy()).ok
    changed = expected.copy()
    changed.loc[0, "tier"] = "micro"
    assert "at (0, 'tier') you have 'micro', expected 'nano'" in q.check(changed).message


# -- a tuple of numbers and choices ------------------------------------------------------------------


def creators(**kwargs) -> TupleQuestion:
    """Two counts, then a letter, as in 02.q2: the engaged niche fans of A (4,200) and B (950), then who
    wins."""
    parts = [
        NumberPart(
            label="number for creator A", expected=lambda: 4_200 * 1.0, rel_tol=0.01, advice="Multiply."
        ),
        NumberPart(
            label="number for creator B", expected=lambda: 19_000 * 0.05, rel_tol=0.01, advice="Multiply."
        ),
        ChoicePart(
            label="letter",
            options=("A", "B"),
            expected="A",
            aliases={"creator a": "A", "creator b": "B"},
            advice="which creator reaches more fans?",
        ),
    ]
    base = {"id": "99.q8", "title": "Who", "parts": parts, "example": (1000, 2000, "B")}
    return TupleQuestion(**(base | COMMON | kwargs))


def test_tuple_question_expects_the_tuple_of_its_parts_computed():
    q = creators()
    assert q.expected_value == (4_200.0, 950.0, "A")
    assert q.check((4_200, 950, "A")).ok
    assert q.check([4_210, 949.0, " creator a "]).ok  # within 1 %, a list, an alias
    assert q.check((np.int64(4_200), np.float64(950), "a")).ok


@pytest.mark.parametrize(
    ("answer", "says"),
    [
        ("A", "You gave a `str`"),
        ((4_200, 950), "You gave 2 items"),
        ((4_200, "950", "A"), "write 950 without quotes"),
        ((4_200, True, "A"), "should be a number; you gave a `bool`"),
        ((4_200, 950, "C"), 'The letter should be "A" or "B"; "C" is not one of them'),
        ((4_200, 950, 1), "should be text in quotes"),
    ],
)
def test_tuple_question_malformed_answer_gets_the_shape_with_an_example(answer, says):
    result = creators().check(answer)
    assert result.status is Status.WRONG_TYPE
    assert says in result.message
    assert (
        "Answer with three things, in this order: number for creator A, number for creator B and the letter"
        in (result.message)
    )
    assert '`(1000, 2000, "B")`' in result.message


def test_tuple_question_names_the_wrong_number_and_how_far_off():
    result = creators().check((4_200, 9_500, "A"))
    assert result.status is Status.WRONG
    assert result.message.startswith("Your number for creator B is 10 times too large")
    assert "Multiply." in result.message and "`ex.q8.hint()`" in result.message
    percent = creators().check((42, 950, "A")).message  # a fraction/percentage slip on one part
    assert percent.startswith("Your number for creator A is 100 times too small")
    far = creators().check((8_400, 950, "A")).message
    assert far.startswith("Your number for creator A (8,400) is about 2x too high.")
    assert "wrong sign" in creators().check((-4_200, 950, "A")).message


def test_tuple_question_right_numbers_wrong_choice_says_read_them_again():
    result = creators().check((4_200, 950, "B"))
    assert result.status is Status.WRONG
    assert result.message.startswith(
        "Your numbers are right; read them again: which creator reaches more fans?"
    )
    q = creators()
    q.parts = (*q.parts[:2], ChoicePart(label="letter", options=("A", "B"), expected="A"))
    assert q.check((4_200, 950, "B")).message.startswith(
        'Your numbers are right, but "B" is not the right letter.'
    )


def test_tuple_question_known_mistakes_test_parts_with_their_tolerance():
    q = creators()
    q.mistakes = (
        Mistake(
            when=lambda a: q.part_is(a, 0, 4_200) and q.part_is(a, 1, 950) and q.part_is(a, 2, "B"),
            feedback="Popularity is not influence.",
            example=(4_200, 950, "B"),
        ),
    )
    result = q.check((4_180, 951, "creator B"))
    assert result.status is Status.MISTAKE and result.message == "Popularity is not influence."
    assert not q.part_is("not a tuple", 0, 4_200)
    assert not q.part_is((4_200, 950, "C"), 0, 4_200)  # malformed: no part is anything


def test_tuple_question_choice_first_then_number_with_why_not_others_and_whole():
    q = TupleQuestion(
        id="99.q9",
        title="Embargo",
        parts=[
            ChoicePart(
                label="letter", options=("A", "B", "C"), expected="B", why_not={"C": "C is one day early."}
            ),
            NumberPart(
                label="number of posts",
                expected=5,
                rel_tol=0.0,
                whole=True,
                others=lambda: {"the agency's own count": 15},
                advice="Count again.",
            ),
        ],
        example=("A", 3),
        **COMMON,
    )
    assert q.check(("b", 5.0)).ok
    assert q.check(("C", 2)).message.startswith("C is one day early.")
    assert q.check(("A", 2)).message.startswith('"A" is not the right letter.')
    assert q.check(("C", 5)).message.startswith("Your number is right. C is one day early.")
    assert q.check(("B", 15)).message.startswith(
        "Right letter, but your number of posts (15) is the agency's own count. Count again."
    )
    assert q.check(("B", 7)).message.startswith(
        "Right letter, but your number of posts (7) is about 40% too high."
    )
    whole = q.check(("B", 4.5))
    assert whole.status is Status.WRONG_TYPE and "a count: give a whole number, not 4.5" in whole.message
    assert q.generic_wrong_answer() == ("B", 8.0) and q.check(q.generic_wrong_answer()).status is Status.WRONG


def test_tuple_question_numbers_are_numeric_questions_for_the_course_tests():
    [a, b] = creators().as_numeric()
    assert (a.id, a.expected_value, a.rel_tol) == ("99.q8", 4_200.0, 0.01)
    assert b.expected_value == 950.0 and b._is_correct(955) and not b._is_correct(1_000)


def test_tuple_question_definitions_are_validated():
    with pytest.raises(ValueError, match="one item per part"):
        creators(example=(1, "B"))
    with pytest.raises(ValueError, match="one a choice"):
        creators(
            parts=[NumberPart(label="x", expected=1.0), NumberPart(label="y", expected=2.0)], example=(1, 2)
        )


# -- custom checkers -------------------------------------------------------------------------------


def even_checker(answer):
    return (answer % 2 == 0, "Even, as required." if answer % 2 == 0 else "That number is odd.")


def custom(**kwargs) -> Question:
    base = {"id": "99.q7", "title": "Even", "checker": even_checker, "wrong_example": 3}
    return Question(**(base | COMMON | kwargs))


def test_custom_checker_ok_and_message_are_used():
    assert custom().check(4).ok and "Even, as required." in custom().check(4).message
    result = custom().check(3)
    assert result.status is Status.WRONG and "That number is odd." in result.message
    assert "hint()" in result.message


def test_custom_checker_may_return_a_bare_bool():
    q = custom(checker=lambda a: a == "yes")
    assert q.check("yes").ok and not q.check("no").ok


def test_custom_checker_that_raises_gives_an_error_result_not_an_exception():
    result = custom().check("text")
    assert result.status is Status.ERROR and "TypeError" in result.message


def test_custom_checker_known_mistakes_come_first():
    q = custom(mistakes=[Mistake(6, "Six is even but the question asks for 4.")])
    assert q.check(6).status is Status.MISTAKE


# -- definitions are validated ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"id": "1.q1"}, "should look like"),
        ({"hints": []}, "at least one hint"),
        ({"solution_code": " "}, "solution_code"),
        ({"checker": even_checker}, "exactly one of"),
        ({"var": "not a name"}, "not a Python name"),
    ],
)
def test_invalid_question_definitions_are_rejected(change, message):
    with pytest.raises(ValueError, match=message):
        numeric(**change)


def test_default_starter_assigns_the_blank_to_var():
    q = numeric(var="rate")
    assert q.starter == "rate = ____"
    assert q.cell_code() == "rate = ____\nex.q1.check(rate)"


# -- hints and solutions ---------------------------------------------------------------------------


def test_hints_are_revealed_one_at_a_time_in_order():
    q = numeric()
    first, second = q.hint(), q.hint()
    assert "hint 1 of 2" in repr(first) and "first hint" in repr(first) and "`ex.q1.hint()`" in repr(first)
    assert "hint 2 of 2" in repr(second) and "second hint" in repr(second)


def test_after_the_last_hint_it_says_no_more_and_points_to_solution():
    q = numeric()
    q.hint(), q.hint()
    last = repr(q.hint())
    assert "no more hints" in last and "`ex.q1.solution()`" in last and "`ex.q1.hint(1)`" in last


def test_a_specific_hint_can_be_shown_again():
    q = numeric()
    assert "first hint" in repr(q.hint(1)) and "second hint" in repr(q.hint(2))
    with pytest.raises(ValueError, match="hints 1 to 2"):
        q.hint(3)


def test_solution_shows_code_and_explanation():
    q = numeric(explanation="Because **reasons**.")
    shown = q.solution()
    assert "    answer = 42" in repr(shown) and "Because **reasons**." in repr(shown)
    assert "```python\nanswer = 42\n```" in shown._repr_markdown_()
    assert (
        "<code>answer = 42</code>" in shown._repr_html_()
        and "<strong>reasons</strong>" in shown._repr_html_()
    )


def test_results_record_hints_used_and_solution_seen_and_reset_clears_them():
    q = numeric()
    q.hint()
    q.solution()
    result = q.check(2.5)
    assert result.hints_used == 1 and result.solution_seen
    q.reset()
    assert q.check(2.5).hints_used == 0


# -- feedback rendering ----------------------------------------------------------------------------


def test_correct_feedback_is_a_short_confirmation_plus_why():
    result = numeric(why="2,000 / 80,000 × 100 = 2.5 %.").check(2.5)
    assert repr(result) == "✔ 99.q1 A number: Correct\n2,000 / 80,000 × 100 = 2.5 %."


def test_plain_markdown_and_html_renderings_are_deterministic():
    first, second = numeric().check(object()), numeric().check(object())
    assert repr(first) == repr(second) and first._repr_html_() == second._repr_html_()
    assert first._repr_markdown_() == second._repr_markdown_()
    assert "0x" not in repr(first) and "0x" not in first._repr_html_()


def test_html_feedback_escapes_the_learners_answer():
    html = choice().check("<script>alert(1)</script>")._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_result_is_truthy_only_when_correct():
    assert numeric().check(2.5) and not numeric().check(3.0)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (2000.0, "2,000"),
        (0.025, "0.025"),
        (2.3125, "2.3125"),
        (1 / 3, "0.333333"),
        (1234567.891, "1,234,568"),
    ],
)
def test_numbers_in_messages_are_short_and_free_of_float_noise(value, text):
    assert exercises._fmt_number(value) == text


# -- progress hook ---------------------------------------------------------------------------------


@pytest.fixture
def only_these_listeners():
    """The package's own ``on_check`` list (the one progress appends to), emptied for the test and
    restored after it: only the listeners the test appends hear its checks."""
    saved = list(exercises.on_check)
    exercises.on_check.clear()
    yield exercises.on_check
    exercises.on_check[:] = saved


@pytest.fixture
def recorded(only_these_listeners):
    seen: list[Result] = []
    only_these_listeners.append(seen.append)
    return seen


def test_progress_listeners_get_the_id_and_pass_or_fail(recorded):
    q = numeric()
    q.check(3.0)
    q.check(2.5)
    assert [(r.question_id, r.ok) for r in recorded] == [("99.q1", False), ("99.q1", True)]


def test_evaluate_does_not_notify_listeners(recorded):
    numeric().evaluate(2.5)
    assert recorded == []


def test_failing_progress_listener_warns_but_check_still_works(only_these_listeners):
    def broken(result):
        raise OSError("disk full")

    only_these_listeners.append(broken)
    with pytest.warns(RuntimeWarning, match="disk full"):
        assert numeric().check(2.5).ok


# -- robustness ------------------------------------------------------------------------------------

ANY_ANSWER = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.lists(st.one_of(st.integers(), st.text(max_size=5)), max_size=5),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=3),
)


@settings(max_examples=200, deadline=None)
@given(answer=ANY_ANSWER)
def test_check_never_raises_and_always_explains(answer):
    for question in (numeric(), choice(), ids(), series_q(), custom()):
        result = question.evaluate(answer)
        assert isinstance(result, Result)
        assert result.ok or result.message


# -- 07.q5: trimming a brief, with feedback per line -------------------------------------------------


def test_brief_exercise_gives_feedback_for_every_misjudged_line():
    from helpers.exercises import lesson07

    q5 = lesson07.q5
    assert q5.evaluate(["h", "G", "E", "C", "A"]).ok, "order and case do not matter"
    assert q5.evaluate("A, C, E, G, H").ok
    result = q5.evaluate(["A", "B", "C", "E"])  # cut B (the law), kept G and H (house rules)
    assert result.status is Status.WRONG
    assert "7 of 10 lines judged right" in result.message
    assert "Keep B:" in result.message and "Cut G too:" in result.message and "Cut H too:" in result.message
    assert "Keep D" not in result.message and "Cut A" not in result.message
    assert "letters" in q5.evaluate(["A", "Z"]).message
    assert not q5.evaluate(["A", "B"]).ok
    # one quick fact check (J) is not over-control: cutting it with the house rules is a named slip
    slip = q5.evaluate(["A", "C", "E", "G", "H", "J"])
    assert slip.status is Status.MISTAKE and "not J" in slip.message
    # every line the brief shows has a verdict, and the task text shows every line
    text = lesson07.brief_markdown()
    assert all(f"**{k}.** {line}" in text for k, line in lesson07.BRIEF_LINES.items())


# -- display inside a real kernel ------------------------------------------------------------------


@pytest.mark.slow  # not in `make test-fast` (the contributor's loop); `make test` runs it
def test_in_a_kernel_check_hint_and_quiz_each_display_once_even_as_last_line():
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("from helpers.exercises import ____, lesson00 as ex"),
        nbformat.v4.new_code_cell("ex.q1.check(____)"),
        nbformat.v4.new_code_cell("result = ex.q1.check(3.0)\nprint('after')"),
        nbformat.v4.new_code_cell("result"),
        nbformat.v4.new_code_cell("ex.q1.hint()"),
        nbformat.v4.new_code_cell("ex.quiz"),
    ]
    nbclient.NotebookClient(nb, timeout=60, kernel_name="python3").execute()
    last_line, middle, shown_again, hint, quiz = (cell.outputs for cell in nb.cells[1:])
    assert len(last_line) == 1 and "Not attempted yet" in last_line[0]["data"]["text/plain"]
    assert {"text/plain", "text/html", "text/markdown"} <= set(last_line[0]["data"])
    assert [o.get("output_type") for o in middle] == ["display_data", "stream"]
    assert "Correct" in middle[0]["data"]["text/plain"]
    assert len(shown_again) == 1 and "Correct" in shown_again[0]["data"]["text/plain"]
    assert len(hint) == 1 and "hint 1 of 2" in hint[0]["data"]["text/plain"]
    assert len(quiz) == 1 and quiz[0]["data"]["text/plain"].startswith("Quiz 00.quiz:")
    assert "application/vnd.jupyter.widget-view+json" in quiz[0]["data"]
