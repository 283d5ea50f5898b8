"""Concept quizzes driven as a learner would, without a browser: choose, click Check, read feedback."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

import helpers.exercises as exercises
from helpers.exercises import Mistake, Status
from helpers.exercises.quiz import (
    QUIZ_CSS,
    MultipleChoice,
    Numeric,
    Option,
    Quiz,
    answer_key_stats,
    parse_number,
)


def make_quiz() -> Quiz:
    return Quiz(
        id="99.quiz1",
        title="Test quiz",
        questions=[
            MultipleChoice(
                prompt="Which is a vendor claim?",
                options=[
                    Option("A definition", feedback="A definition is not a claim."),
                    Option("A sales page figure", correct=True, feedback="Yes: the seller says so."),
                    Option("A peer-reviewed study", feedback="Reviewed independently."),
                ],
            ),
            Numeric(
                prompt="4 % of 50,000?",
                answer=2000,
                unit="engagements",
                why="0.04 × 50,000.",
                mistakes=[Mistake(200_000, "You multiplied by 4, not 4 %.")],
            ),
        ],
    )


def radio(quiz: Quiz) -> widgets.RadioButtons:
    return quiz.widget.children[2].children[1]


def check_button(quiz: Quiz, i: int) -> widgets.Button:
    return quiz.widget.children[2 + i].children[-2]


def test_quiz_is_one_box_of_ipywidgets_with_large_font_css():
    quiz = make_quiz()
    assert isinstance(quiz.widget, widgets.VBox)
    assert "course-quiz" in quiz.widget._dom_classes
    assert isinstance(quiz.widget.children[0], widgets.HTML) and quiz.widget.children[0].value == QUIZ_CSS
    assert "font-size: 1.2rem" in QUIZ_CSS
    assert check_button(quiz, 0).style.font_size == "1.15rem"


def test_multiple_choice_starts_with_nothing_selected_and_options_in_given_order():
    quiz = make_quiz()
    assert radio(quiz).value is None
    assert [label for label, _ in radio(quiz).options] == [
        "A definition",
        "A sales page figure",
        "A peer-reviewed study",
    ]


def test_options_keep_their_order_every_time_the_quiz_is_built():
    assert [o for o in radio(make_quiz()).options] == [o for o in radio(make_quiz()).options]


def test_choosing_the_correct_option_and_clicking_check_shows_correct_feedback():
    quiz = make_quiz()
    radio(quiz).value = 1
    check_button(quiz, 0).click()
    assert "Correct" in quiz.feedback(0) and "Yes: the seller says so." in quiz.feedback(0)
    assert "Yes: the seller says so." in quiz.feedback_html(0)


def test_correct_answer_also_explains_why_the_other_options_are_wrong():
    quiz = make_quiz()
    quiz.answer(0, "A sales page figure")
    message = quiz.check(0).message
    assert "A definition is not a claim." in message and "Reviewed independently." in message


def test_wrong_option_shows_its_own_explanation():
    quiz = make_quiz()
    quiz.answer(0, 2)
    result = quiz.check(0)
    assert result.status is Status.MISTAKE
    assert "Reviewed independently." in result.message and "A definition is not" not in result.message
    assert "Reviewed independently." in quiz.feedback_html(0)


def test_checking_without_choosing_says_not_attempted():
    assert make_quiz().check(0).status is Status.NOT_ATTEMPTED


def test_changing_the_choice_clears_stale_feedback():
    quiz = make_quiz()
    quiz.answer(0, 2)
    quiz.check(0)
    quiz.answer(0, 1)
    assert quiz.feedback(0) == "" and quiz.feedback_html(0) == ""


def test_answer_rejects_unknown_options():
    quiz = make_quiz()
    with pytest.raises(ValueError, match="not an option"):
        quiz.answer(0, "Nonsense")
    with pytest.raises(ValueError, match="options 0 to 2"):
        quiz.answer(0, 7)


def test_numeric_answer_typed_in_the_box_is_checked_with_tolerance():
    quiz = make_quiz()
    quiz.answer(1, "2,010")
    result = quiz.check(1)
    assert result.ok and "0.04 × 50,000." in result.message


def test_numeric_known_mistake_gets_its_message():
    quiz = make_quiz()
    quiz.answer(1, 200_000)
    assert quiz.check(1).message == "You multiplied by 4, not 4 %."


def test_numeric_quiz_reuses_scale_and_how_far_feedback():
    quiz = make_quiz()
    quiz.answer(1, "20")
    assert "100 times too small" in quiz.check(1).message
    quiz.answer(1, "2600")
    assert "about 30% too high" in quiz.check(1).message and "Try again." in quiz.check(1).message


def test_numeric_text_that_is_not_a_number_is_explained():
    quiz = make_quiz()
    quiz.answer(1, "two thousand")
    result = quiz.check(1)
    assert result.status is Status.WRONG_TYPE and "not a number" in result.message


def test_check_all_clicks_every_button_and_returns_results_in_order():
    quiz = make_quiz()
    quiz.answer(0, 1)
    quiz.answer(1, 2000)
    results = quiz.check()
    assert [r.question_id for r in results] == ["99.quiz1.1", "99.quiz1.2"] and all(results)


def test_reset_clears_answers_and_feedback():
    quiz = make_quiz()
    quiz.answer(0, 1)
    quiz.answer(1, "5")
    quiz.check()
    quiz.reset()
    assert radio(quiz).value is None and quiz.feedback(0) == quiz.feedback(1) == ""


def test_quiz_checks_are_reported_to_progress_listeners():
    seen = []
    saved = list(exercises.on_check)  # the package's own list, the one progress appends to
    exercises.on_check[:] = [seen.append]
    try:
        quiz = make_quiz()
        quiz.answer(0, 1)
        quiz.check(0)
    finally:
        exercises.on_check[:] = saved
    assert [(r.question_id, r.ok) for r in seen] == [("99.quiz1.1", True)]


def test_displaying_a_quiz_publishes_the_widget_with_a_deterministic_text_fallback(monkeypatch):
    published = []
    monkeypatch.setattr("IPython.display.display", lambda obj, raw=False: published.append((obj, raw)))
    make_quiz()._ipython_display_()
    [(bundle, raw)] = published
    assert raw and bundle["text/plain"] == "Quiz 99.quiz1: Test quiz (2 questions)"
    assert "application/vnd.jupyter.widget-view+json" in bundle


@pytest.mark.parametrize(
    ("text", "value"),
    [("2000", 2000.0), ("2,000", 2000.0), ("2 000", 2000.0), ("3,5", 3.5), ("4 %", 4.0), ("-1.5", -1.5)],
)
def test_parse_number_reads_numbers_as_people_type_them(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "abc", "1.2.3", "nan", "inf"])
def test_parse_number_rejects_non_numbers(text):
    assert parse_number(text) is None


def test_definitions_are_validated():
    with pytest.raises(ValueError, match="exactly one option must be correct"):
        MultipleChoice(prompt="?", options=[Option("a", feedback="x"), Option("b", feedback="y")])
    with pytest.raises(ValueError, match="needs feedback"):
        Option("a", correct=True)
    with pytest.raises(ValueError, match="should look like"):
        Quiz(id="quiz1", title="t", questions=make_quiz().questions)
    assert Quiz(id="01.quiz", title="t", questions=make_quiz().questions).question_id(0) == "01.quiz.1"


# -- the course's answer key: no position or length tell ---------------------------------------------

COURSE_QUIZZES = exercises.all_quizzes()
COURSE_CHOICES = [
    (quiz.question_id(i), q)
    for quiz in COURSE_QUIZZES
    for i, q in enumerate(quiz.questions)
    if isinstance(q, MultipleChoice)
]


def test_answer_key_stats_count_positions_and_length_tells():
    def mc(texts: list[str], correct: int) -> MultipleChoice:
        return MultipleChoice(
            prompt="?",
            options=[Option(t, correct=k == correct, feedback=f"fb {k}") for k, t in enumerate(texts)],
        )

    quiz = Quiz(
        id="99.quiz",
        title="t",
        questions=[
            mc(["a long correct one", "b", "c"], 0),  # longest
            mc(["aaa", "b", "cc"], 1),  # shortest
            mc(["aa", "bb", "cc", "dd"], 1),  # tied lengths: neither
            Numeric(prompt="n?", answer=1),
        ],
    )
    stats = answer_key_stats([quiz])
    assert (stats.questions, stats.positions, stats.fewest_options) == (3, {0: 1, 1: 2}, 3)
    assert (stats.correct_longest, stats.correct_shortest) == (1, 1)
    assert stats.top_position_share == pytest.approx(2 / 3)
    assert "A 1, B 2" in str(stats)


def test_course_answer_key_has_no_position_or_length_tell():
    """No stored position holds more than 40 % of the correct options, and the correct option is the
    single longest (or the single shortest) in at most a third of the questions. Run with -s to see
    the statistics."""
    stats = answer_key_stats(COURSE_QUIZZES)
    print(f"\nanswer key: {stats}")
    assert stats.questions >= 30
    assert stats.top_position_share <= 0.40, stats
    assert stats.longest_share <= 1 / 3, stats
    assert stats.shortest_share <= 1 / 3, stats


@pytest.mark.parametrize(("qid", "question"), COURSE_CHOICES, ids=[qid for qid, _ in COURSE_CHOICES])
def test_course_question_has_three_options_each_with_its_own_feedback(qid, question):
    options = question.options
    assert len(options) >= 3, f"{qid}: only {len(options)} options"
    feedbacks = [o.feedback.strip() for o in options]
    assert len(set(feedbacks)) == len(feedbacks), f"{qid}: two options share a feedback"
    texts = [o.text.strip() for o in options]
    assert len(set(texts)) == len(texts), f"{qid}: two options read the same"
    for option in options:
        assert len(option.feedback) >= 40, f"{qid}: {option.text!r} has a one-word feedback"
