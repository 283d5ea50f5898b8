"""The pacing estimator (:mod:`helpers.pacing`) and the check that no lesson plan is far off it.

Unit tests: word counting, each rate's unit (one item costs exactly its rate), the estimate grows with
every count and every per-item rate, bad input is refused with a message, notebook and plan parsing on
small hand-made inputs. Course test: every lesson plan's minutes against the estimate from its stored
notebook; ``pytest tests/test_pacing.py -s`` prints the table.

Tolerance: a plan is flagged when planned / estimated is below 0.5 or above 2.0. The estimate counts
content at assumed rates, each of which could easily be off by a third for a given room, and plans
rightly add time the content does not show (a pitch between pairs, a longer discussion). A factor of
two is beyond what those reasons explain: it means a section is missing from the plan or the notebook
grew or shrank without the plan following.
"""

from __future__ import annotations

from dataclasses import fields, replace

import nbformat
import pytest
from hypothesis import given
from hypothesis import strategies as st
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from helpers import course, pacing
from helpers.exercises import lesson_modules, questions_in, quizzes_in
from helpers.pacing import Comparison, Content, Rates
from helpers.paths import REPO_ROOT
from helpers.widgets import LABS

CONTENT_FIELDS = [f.name for f in fields(Content)]
#: Per-item rates: more minutes per item means more minutes in total.
PER_ITEM_RATES = [f.name for f in fields(Rates) if f.name != "words_per_minute"]
LESSONS = [item.number for item in course.COURSE if item.exists()]

counts = st.integers(min_value=0, max_value=5_000)
contents = st.builds(Content, *(counts for _ in CONTENT_FIELDS))


# -----------------------------------------------------------------------------------------------------
# Words
# -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0),
        ("Influence is not popularity.", 4),
        ("Don't quote 40,000 or 2.5 % as follower-brand facts", 8),
        ("See [the datasheet](../datasets/README.md#a-very-long-anchor) first", 4),
        ("<b>bold</b> and <i>italic</i>", 3),
        ("| minutes | section |\n|---|---|\n| 3 | setup |", 4),
        ("## Key points\n* one\n* two", 4),
    ],
)
def test_count_words_counts_visible_words_only(text, expected):
    assert pacing.count_words(text) == expected


# -----------------------------------------------------------------------------------------------------
# The estimator: units, monotonicity, zero, bad input
# -----------------------------------------------------------------------------------------------------


def test_no_content_takes_zero_minutes():
    assert pacing.estimate_minutes(Content()) == 0


@pytest.mark.parametrize(
    ("content", "minutes"),
    [
        (Content(markdown_words=int(pacing.PRESENTING_WORDS_PER_MINUTE)), 1.0),
        (Content(code_cells=1), pacing.MINUTES_PER_CODE_CELL),
        (Content(labs=1), pacing.MINUTES_PER_LAB),
        (Content(exercises=1), pacing.MINUTES_PER_EXERCISE),
        (Content(quiz_questions=1), pacing.MINUTES_PER_QUIZ_QUESTION),
        (Content(discussion_prompts=1), pacing.MINUTES_PER_DISCUSSION_PROMPT),
    ],
    ids=CONTENT_FIELDS,
)
def test_one_unit_of_each_kind_costs_exactly_its_rate_in_minutes(content, minutes):
    assert pacing.estimate_minutes(content) == pytest.approx(minutes)


def test_words_are_converted_at_the_words_per_minute_rate():
    content = Content(markdown_words=600)
    assert pacing.estimate_minutes(content, Rates(words_per_minute=150)) == pytest.approx(4.0)
    assert pacing.estimate_minutes(content, Rates(words_per_minute=100)) == pytest.approx(6.0)


def test_breakdown_sums_to_the_estimate_and_names_every_content_field():
    content = Content(1_200, 10, 1, 4, 3, 4)
    parts = pacing.estimate_breakdown(content)
    assert list(parts) == CONTENT_FIELDS
    assert sum(parts.values()) == pytest.approx(pacing.estimate_minutes(content))


@given(content=contents, field=st.sampled_from(CONTENT_FIELDS), extra=st.integers(1, 500))
def test_estimate_grows_strictly_with_every_count(content, field, extra):
    more = replace(content, **{field: getattr(content, field) + extra})
    assert pacing.estimate_minutes(more) > pacing.estimate_minutes(content)


@given(content=contents, rate=st.sampled_from(PER_ITEM_RATES), factor=st.floats(1.01, 10))
def test_estimate_never_falls_when_a_per_item_rate_rises(content, rate, factor):
    base = Rates()
    slower = replace(base, **{rate: getattr(base, rate) * factor})
    assert pacing.estimate_minutes(content, slower) >= pacing.estimate_minutes(content, base)


@given(content=contents, factor=st.floats(1.01, 10))
def test_estimate_never_rises_when_presenting_gets_faster(content, factor):
    faster = Rates(words_per_minute=pacing.PRESENTING_WORDS_PER_MINUTE * factor)
    assert pacing.estimate_minutes(content, faster) <= pacing.estimate_minutes(content)


@pytest.mark.parametrize("bad", [-1, 2.5, True, "3"])
def test_content_refuses_counts_that_are_not_whole_numbers(bad):
    with pytest.raises(ValueError, match=r"Content\.labs must be a whole number >= 0"):
        Content(labs=bad)


@pytest.mark.parametrize("bad", [0, -30.0, False])
def test_rates_refuse_zero_or_negative_rates(bad):
    with pytest.raises(ValueError, match=r"Rates\.words_per_minute must be a positive number"):
        Rates(words_per_minute=bad)


# -----------------------------------------------------------------------------------------------------
# Comparison and tolerance
# -----------------------------------------------------------------------------------------------------


def _comparison(planned: int, estimated_lab_count: int) -> Comparison:
    rates = Rates(minutes_per_lab=10)
    return pacing.compare_minutes("99", planned, Content(labs=estimated_lab_count), rates)


def test_comparison_reports_planned_estimated_and_their_ratio():
    result = _comparison(planned=45, estimated_lab_count=3)
    assert (result.planned, result.estimated, result.ratio) == (45, pytest.approx(30.0), pytest.approx(1.5))


@pytest.mark.parametrize(
    ("planned", "far_off"),
    [(14, True), (15, False), (30, False), (60, False), (61, True)],
)
def test_plan_is_far_off_only_outside_half_to_double_the_estimate(planned, far_off):
    assert _comparison(planned, estimated_lab_count=3).far_off is far_off


def test_comparison_refuses_empty_content_and_non_positive_plans():
    with pytest.raises(ValueError, match="no measurable content"):
        pacing.compare_minutes("99", 30, Content())
    with pytest.raises(ValueError, match="planned minutes must be > 0"):
        pacing.compare_minutes("99", 0, Content(labs=1))


# -----------------------------------------------------------------------------------------------------
# Reading a notebook and a plan
# -----------------------------------------------------------------------------------------------------


def _quiz_cell(questions: int | None) -> nbformat.NotebookNode:
    cell = new_code_cell("ex.quiz")
    if questions is not None:
        text = f"Quiz 99.quiz: A title (with brackets) ({questions} questions)"
        cell.outputs = [new_output("display_data", data={"text/plain": text})]
    return cell


def _notebook(quiz_questions: int | None = 3) -> nbformat.NotebookNode:
    notes = new_markdown_cell("Trainer notes are never counted as presented words")
    notes.metadata["slideshow"] = {"slide_type": "notes"}
    return new_notebook(
        cells=[
            new_markdown_cell("# Title\n\nFour words [linked here](https://example.org/x)."),
            notes,
            new_code_cell("from helpers import widgets\nfrom helpers.exercises import ____, lesson99 as ex"),
            new_code_cell("lab = widgets.TierExplorer()\nlab"),
            new_code_cell("widgets.BudgetPlanner()"),  # a preview: an ordinary cell
            new_code_cell("widgets.scorecard_update(table, weights)"),  # a function, not a lab
            new_code_cell("answer = ____\nex.q1.check(answer)"),
            new_code_cell("ex.q1.check(0.03)"),  # the same exercise again
            new_code_cell("ex.q2.check(____)"),
            new_code_cell("ex.q2.hint()"),
            _quiz_cell(quiz_questions),
        ]
    )


def test_notebook_counts_presented_words_cells_labs_exercises_and_quiz_questions():
    got = pacing.content_of_notebook(_notebook())
    assert got == Content(
        markdown_words=5, code_cells=4, labs=1, exercises=2, quiz_questions=3, discussion_prompts=0
    )


def test_notebook_stored_without_quiz_output_gets_a_message_saying_how_to_fix_it():
    with pytest.raises(ValueError, match=r"my\.ipynb: the quiz cell has no stored output.*tools/nbtools\.py"):
        pacing.content_of_notebook(_notebook(quiz_questions=None), where="my.ipynb")


PLAN = """# Lesson plan 99

**Notebook:** x · **Time:** 35 minutes · **Audience:** everyone

## Discussion prompts

- A first prompt that runs on
  over two lines, with a list inside:
  - a nested item is part of the first prompt
1. A numbered prompt.
2) Another numbered prompt.

## Common misconceptions

- not a prompt
"""


def test_discussion_prompts_counts_top_level_items_of_that_section_only():
    assert pacing.discussion_prompts(PLAN) == 3
    assert pacing.discussion_prompts("# A plan without prompts\n\n- an item\n") == 0


def test_planned_minutes_reads_the_header_and_explains_a_missing_one():
    assert pacing.planned_minutes(PLAN) == 35
    with pytest.raises(ValueError, match=r"add '\*\*Time:\*\* N minutes'"):
        pacing.planned_minutes("# Lesson plan without a time\n")


def test_missing_notebook_is_reported_with_the_command_that_builds_it(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"tools/nbtools\.py 03"):
        pacing.read_content("03", root=tmp_path)


# -----------------------------------------------------------------------------------------------------
# The course: counts agree with the exercise modules and the lab registry; plans are not far off
# -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("number", LESSONS)
def test_counted_exercises_and_quiz_questions_match_the_lesson_module(number):
    module = next(m for m in lesson_modules() if m.__name__.endswith(f"lesson{number}"))
    content, _ = pacing.read_content(number)
    assert content.exercises == len(questions_in(module))
    assert content.quiz_questions == sum(len(quiz.questions) for quiz in quizzes_in(module))


@pytest.mark.parametrize("number", LESSONS)
def test_every_counted_lab_is_a_registered_lab(number):
    notebook = nbformat.read(REPO_ROOT / "notebooks" / course.lesson(number).notebook, as_version=4)
    names = [name for cell in notebook.cells for name in pacing._LAB.findall(cell.source)]
    registered = {cls.__name__ for cls in LABS.values()}
    assert names, f"lesson {number} keeps no lab in a variable (lab = widgets.SomeLab())"
    assert set(names) <= registered, f"not registered labs: {sorted(set(names) - registered)}"


def test_no_lesson_plan_is_far_off_the_estimate_from_its_notebook():
    comparisons = pacing.compare_all()
    assert [c.number for c in comparisons] == LESSONS
    print(f"\nplan minutes vs estimate (far off outside {pacing.FAR_OFF_LOW}x-{pacing.FAR_OFF_HIGH}x):")
    print(pacing.pacing_table(comparisons))
    flagged = [
        f"lesson {c.number}: plan {c.planned} min, estimate {c.estimated:.0f} min (ratio {c.ratio:.2f})"
        for c in comparisons
        if c.far_off
    ]
    assert not flagged, "lesson plans far off the pacing estimate:\n" + "\n".join(flagged)
