"""Named slips: a rule that turns the right answer into a predictable wrong one gets its own feedback,
in exercises and in quiz questions, across the whole course."""

from __future__ import annotations

import math
import types

import numpy as np
import pytest

from helpers.exercises import (
    Mistake,
    NumericQuestion,
    Question,
    Slip,
    Status,
    all_questions,
    all_quizzes,
    validate_lesson,
)
from helpers.exercises import lesson12 as ex10
from helpers.exercises.quiz import Numeric, Quiz
from helpers.exercises.slips import (
    FRACTION_FOR_PERCENT,
    LOG_SLOPE_FOR_PERCENT_CHANGE,
    PERCENT_FOR_FRACTION,
    ROAS_FOR_ROI,
    TEN_TO_THE_LOG_SLOPE,
    revenue_for_profit,
    wrong_denominator,
)

COMMON = {"id": "99.q1", "title": "A number", "hints": ["h"], "solution_code": "answer = 1"}
DOUBLED = Slip("doubled", lambda e: 2 * e, "You counted everything twice.")


def numeric(**kwargs) -> NumericQuestion:
    return NumericQuestion(**({"expected": 40.0} | COMMON | kwargs))


def test_a_slip_answer_gets_the_slips_feedback_as_a_known_mistake():
    result = numeric(slips=[DOUBLED]).check(80)
    assert result.status is Status.MISTAKE and result.message == "You counted everything twice."


def test_a_slip_follows_the_right_answer_wherever_it_is():
    q = NumericQuestion(expected=lambda: 7.0, slips=[DOUBLED], **COMMON)
    assert q.check(14).status is Status.MISTAKE and q.check(7).ok


def test_the_questions_own_mistakes_come_before_its_slips():
    q = numeric(slips=[DOUBLED], mistakes=[Mistake(80, "A specific message.")])
    assert q.check(80).message == "A specific message."


def test_other_wrong_answers_still_get_the_generic_how_far_message():
    result = numeric(slips=[DOUBLED]).check(50)
    assert result.status is Status.WRONG and "too high" in result.message


def test_a_percentage_question_knows_the_fraction_slip_without_being_told():
    q = numeric(unit="%")
    assert q.all_slips() == (FRACTION_FOR_PERCENT,)
    assert q.check(0.4).message == FRACTION_FOR_PERCENT.feedback
    assert numeric(unit="%", detect_scale=False).all_slips() == ()
    assert numeric().all_slips() == ()


def test_a_slip_that_would_give_the_right_answer_never_fires_and_is_reported():
    q = numeric(expected=0.0, unit="%", slips=[DOUBLED])
    assert q.live_slips() == ()
    assert q.check(0.0).ok

    module = types.ModuleType("helpers.exercises.lesson99")
    module.q1 = q
    assert validate_lesson(module) == ["99.q1: slip 'doubled' gives the right answer"]


def test_slip_tolerance_accepts_a_rounded_slip_answer():
    q = numeric(expected=-44.03, unit="%", slips=[LOG_SLOPE_FOR_PERCENT_CHANGE])
    slope = math.log1p(-0.4403)
    assert q.check(round(slope, 2)).message == LOG_SLOPE_FOR_PERCENT_CHANGE.feedback
    assert q.check(-0.7).status is Status.WRONG


def test_slips_work_on_any_question_kind():
    q = Question(expected="mid", slips=[Slip("plural", lambda e: e + "s", "One tier, singular.")], **COMMON)
    assert q.check("mids").status is Status.MISTAKE


def test_slips_reach_numeric_quiz_questions():
    quiz = Quiz(id="99.quiz", title="t", questions=[Numeric(prompt="Share?", answer=12.5, unit="%")])
    quiz.answer(0, "0.125")
    assert quiz.check(0).message == FRACTION_FOR_PERCENT.feedback


def test_percent_for_fraction_and_roas_for_roi_slips():
    q = numeric(expected=0.5, slips=[PERCENT_FOR_FRACTION, ROAS_FOR_ROI])
    assert q.check(50).message == PERCENT_FOR_FRACTION.feedback
    assert q.check(1.5).message == ROAS_FOR_ROI.feedback


def test_ten_to_the_slope_slip_follows_the_log_fit():
    slope = -0.5
    q = numeric(expected=math.expm1(slope) * 100, unit="%", slips=[TEN_TO_THE_LOG_SLOPE])
    assert q.check((10**slope - 1) * 100).message == TEN_TO_THE_LOG_SLOPE.feedback


def test_wrong_denominator_and_revenue_builders_name_the_slip():
    per_reach = wrong_denominator(6.9, used="reach", wanted="followers")
    assert "rate per reach" in per_reach.feedback and "divide by the followers" in per_reach.feedback
    revenue = revenue_for_profit(lambda: 2_700.0, cost="the fee")
    assert revenue.resolved_value() == 2_700.0 and "subtract the fee" in revenue.feedback
    q = numeric(expected=900.0, mistakes=[revenue])
    assert q.check(2_700).message == revenue.feedback


def test_slip_definitions_are_validated():
    with pytest.raises(ValueError, match="name and feedback"):
        Slip("x", lambda e: e, " ")
    with pytest.raises(ValueError, match="rel_tol"):
        Slip("x", lambda e: e, "y", rel_tol=2)


# -- the course ---------------------------------------------------------------------------------------

EXERCISE_SLIPS = [(q, s) for q in all_questions() for s in q.live_slips()]
QUIZ_SLIPS = [
    (z, i, s)
    for z in all_quizzes()
    for i, item in enumerate(z.questions)
    if isinstance(item, Numeric)
    for s in item._checker.live_slips()
]


def test_the_course_names_slips():
    print(f"\nslips checked: {len(EXERCISE_SLIPS)} in exercises, {len(QUIZ_SLIPS)} in quiz questions")
    assert EXERCISE_SLIPS and QUIZ_SLIPS
    assert any(s is TEN_TO_THE_LOG_SLOPE for _, _, s in QUIZ_SLIPS)


@pytest.mark.parametrize(
    ("question", "slip"), EXERCISE_SLIPS, ids=[f"{q.id}-{s.name}" for q, s in EXERCISE_SLIPS] or None
)
def test_every_exercise_slip_is_recognised_as_a_known_mistake(question, slip):
    result = question.evaluate(slip.sample(question.expected_value))
    assert result.status is Status.MISTAKE
    mine = question.matching_slip(slip.sample(question.expected_value))
    assert result.message in {m.feedback for m in question.mistakes} | {mine.feedback if mine else ""}


@pytest.mark.parametrize(
    ("quiz", "i", "slip"), QUIZ_SLIPS, ids=[f"{z.question_id(i)}-{s.name}" for z, i, s in QUIZ_SLIPS] or None
)
def test_every_quiz_slip_is_recognised_as_a_known_mistake(quiz, i, slip):
    quiz.answer(i, slip.sample(quiz.questions[i].answer))
    assert quiz.check(i).status is Status.MISTAKE


def test_typing_the_slope_in_10_q2_is_named():
    """The issue's example: the slope itself (about -0.58) used to get only 'about 76x too low'."""
    creators = ex10.q2.setup  # the fit is recomputed here as a learner would, not read from the module
    namespace: dict = {}
    exec(compile(creators, "<12.q2 setup>", "exec"), namespace)
    frame = namespace["creators"]
    frame = frame[frame["platform"] == ex10.PLATFORM]  # the starter's filter
    slope = np.polyfit(np.log10(frame["followers"]), np.log(frame["er_pct"]), 1)[0]
    for typed in (slope, round(float(slope), 2)):
        result = ex10.q2.evaluate(typed)
        assert result.status is Status.MISTAKE and "slope itself" in result.message
    assert "raised 10" in ex10.q2.evaluate((10**slope - 1) * 100).message
    assert "fraction" in ex10.q2.evaluate(math.exp(slope) - 1).message
