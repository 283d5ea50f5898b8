"""How long does a notebook take in class? An estimate from what the notebook contains.

The lesson plans in ``lessons/`` give each notebook its minutes, section by section. This module
gives an independent, rough second opinion computed from measurable content, so a plan whose minutes
are far from what its notebook holds is noticed (``tests/test_pacing.py`` flags it):

- words of learner-facing markdown (speaker-notes cells excluded), presented at a stated rate;
- code cells to run and read that are not a lab, an exercise or the quiz;
- widget labs to explore, exercises to attempt, quiz questions to answer;
- discussion prompts listed in the lesson plan.

Every rate below is **a course assumption** chosen by the course authors from their own teaching
practice, not a research finding; change them in :class:`Rates` to match your room. The estimate is
for a room of learners working in pairs with a trainer presenting, not for a self-paced learner.

Inputs are read from the stored ``.ipynb`` JSON with :mod:`nbformat` (no kernel, no Jupyter server)
and from the Markdown lesson plan. The estimator itself, :func:`estimate_minutes`, is a pure function
of counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import nbformat

from .course import COURSE, lesson
from .paths import REPO_ROOT

__all__ = [
    "FAR_OFF_HIGH",
    "FAR_OFF_LOW",
    "MINUTES_PER_CODE_CELL",
    "MINUTES_PER_DISCUSSION_PROMPT",
    "MINUTES_PER_EXERCISE",
    "MINUTES_PER_LAB",
    "MINUTES_PER_QUIZ_QUESTION",
    "PRESENTING_WORDS_PER_MINUTE",
    "Comparison",
    "Content",
    "Rates",
    "compare",
    "compare_all",
    "compare_minutes",
    "content_of_notebook",
    "count_words",
    "discussion_prompts",
    "estimate_breakdown",
    "estimate_minutes",
    "pacing_table",
    "planned_minutes",
    "read_content",
]

# -----------------------------------------------------------------------------------------------------
# Rates: course assumptions, with units
# -----------------------------------------------------------------------------------------------------

#: Words per minute at which a trainer presents slide text (learners read along, the trainer adds a
#: sentence or two). Course assumption: slower than reading silently, because a slide is talked
#: through, tables and figure titles are pointed at, and questions come in. Unit: words / minute.
PRESENTING_WORDS_PER_MINUTE = 120.0

#: Minutes per ordinary code cell: run it, wait, look at the table or figure together. Course
#: assumption; the course's cells run in about a second each, so this is reading time. Unit: minutes.
MINUTES_PER_CODE_CELL = 0.75

#: Minutes per widget lab: the trainer moves the controls on the projector, then pairs try the
#: prompts. Course assumption (the plans give a lab 6-9 minutes, the capstone more). Unit: minutes.
MINUTES_PER_LAB = 6.0

#: Minutes per exercise: read the task, write a line or two of pandas, check, maybe a hint. Course
#: assumption for pairs; a slow pair takes twice as long. Unit: minutes.
MINUTES_PER_EXERCISE = 2.5

#: Minutes per concept-quiz question: read, choose, read the feedback. Course assumption. Unit: minutes.
MINUTES_PER_QUIZ_QUESTION = 0.75

#: Minutes per discussion prompt in the lesson plan: a question to the room and two or three
#: answers. Course assumption; trainers rarely use every prompt. Unit: minutes.
MINUTES_PER_DISCUSSION_PROMPT = 1.5

#: A plan is "far off" when planned / estimated falls outside [FAR_OFF_LOW, FAR_OFF_HIGH]. The
#: estimate counts content, not teaching choices (a longer discussion, a pitch between pairs), so
#: only a factor of two either way is treated as a sign that the plan or the notebook is wrong.
FAR_OFF_LOW = 0.5
FAR_OFF_HIGH = 2.0


@dataclass(frozen=True)
class Rates:
    """The pacing rates in one place, defaulting to the module constants (see each constant's note).

    Attributes:
        words_per_minute: presenting rate for markdown, words / minute.
        minutes_per_code_cell: minutes per ordinary code cell.
        minutes_per_lab: minutes per widget lab.
        minutes_per_exercise: minutes per exercise.
        minutes_per_quiz_question: minutes per quiz question.
        minutes_per_discussion_prompt: minutes per discussion prompt in the plan.
    """

    words_per_minute: float = PRESENTING_WORDS_PER_MINUTE
    minutes_per_code_cell: float = MINUTES_PER_CODE_CELL
    minutes_per_lab: float = MINUTES_PER_LAB
    minutes_per_exercise: float = MINUTES_PER_EXERCISE
    minutes_per_quiz_question: float = MINUTES_PER_QUIZ_QUESTION
    minutes_per_discussion_prompt: float = MINUTES_PER_DISCUSSION_PROMPT

    def __post_init__(self) -> None:
        for item in fields(self):
            value = getattr(self, item.name)
            if not isinstance(value, int | float) or isinstance(value, bool) or not value > 0:
                raise ValueError(
                    f"Rates.{item.name} must be a positive number, got {value!r}; "
                    "a rate of zero would make that content free (or, for words, divide by zero)."
                )


@dataclass(frozen=True)
class Content:
    """Measurable content of one lesson (counts, no units beyond 'how many').

    Attributes:
        markdown_words: words in learner-facing markdown cells (speaker notes excluded).
        code_cells: code cells that are not a lab, an exercise check or the quiz.
        labs: widget labs the notebook keeps to explore (``lab = widgets.SomeLab(...)``).
        exercises: distinct exercises checked in the notebook (``ex.qN.check(...)``).
        quiz_questions: questions in the notebook's concept quiz (or quizzes).
        discussion_prompts: list items under ``## Discussion prompts`` in the lesson plan.
    """

    markdown_words: int = 0
    code_cells: int = 0
    labs: int = 0
    exercises: int = 0
    quiz_questions: int = 0
    discussion_prompts: int = 0

    def __post_init__(self) -> None:
        for item in fields(self):
            value = getattr(self, item.name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ValueError(f"Content.{item.name} must be a whole number >= 0 (a count), got {value!r}.")


# -----------------------------------------------------------------------------------------------------
# The estimator (pure)
# -----------------------------------------------------------------------------------------------------


def estimate_breakdown(content: Content, rates: Rates = Rates()) -> dict[str, float]:
    """Minutes per kind of content, in :class:`Content` field order. Unit: minutes."""
    return {
        "markdown_words": content.markdown_words / rates.words_per_minute,
        "code_cells": content.code_cells * rates.minutes_per_code_cell,
        "labs": content.labs * rates.minutes_per_lab,
        "exercises": content.exercises * rates.minutes_per_exercise,
        "quiz_questions": content.quiz_questions * rates.minutes_per_quiz_question,
        "discussion_prompts": content.discussion_prompts * rates.minutes_per_discussion_prompt,
    }


def estimate_minutes(content: Content, rates: Rates = Rates()) -> float:
    """Estimated class time for a lesson with this content, in minutes (not rounded).

    A sum of content counts times their rates: it grows with every count and is zero for no content.
    """
    return sum(estimate_breakdown(content, rates).values())


@dataclass(frozen=True)
class Comparison:
    """A lesson plan's minutes beside the estimate.

    Attributes:
        number: two-digit lesson number.
        planned: minutes in the lesson plan (``**Time:** N minutes``).
        estimated: :func:`estimate_minutes` of the notebook's content, minutes.
        ratio: planned / estimated (1.0 = agree; 2.0 = the plan allows twice the estimate).
        content: the counts the estimate was computed from.
    """

    number: str
    planned: int
    estimated: float
    ratio: float
    content: Content

    @property
    def far_off(self) -> bool:
        """Whether the ratio is outside [:data:`FAR_OFF_LOW`, :data:`FAR_OFF_HIGH`]."""
        return not FAR_OFF_LOW <= self.ratio <= FAR_OFF_HIGH


def compare_minutes(number: str, planned: int, content: Content, rates: Rates = Rates()) -> Comparison:
    """Planned vs estimated minutes for counts already read (pure)."""
    if planned <= 0:
        raise ValueError(f"lesson {number}: planned minutes must be > 0, got {planned}.")
    estimated = estimate_minutes(content, rates)
    if estimated <= 0:
        raise ValueError(
            f"lesson {number}: the notebook has no measurable content (no words, cells, labs or "
            "exercises), so there is nothing to compare the plan with; is it an empty notebook?"
        )
    return Comparison(number, planned, estimated, planned / estimated, content)


# -----------------------------------------------------------------------------------------------------
# Reading the inputs: notebook JSON and lesson plan
# -----------------------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+(?:['’.,-][^\W_]+)*")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_HTML_TAG = re.compile(r"<[^>]+>")
#: A lab the notebook keeps and explores: ``lab = widgets.SomeLab(...)``. A bare ``widgets.SomeLab()``
#: (a preview, as in 00_start_here) is counted as an ordinary code cell.
_LAB = re.compile(r"^\s*\w+\s*=\s*widgets\.([A-Z]\w*)\(", re.M)
_EXERCISE = re.compile(r"\bex\.(q\d+\w*)\.check\(")
_QUIZ = re.compile(r"\bex\.quiz\d*\b")
_QUIZ_SIZE = re.compile(r"^Quiz \S+: .*\((\d+) questions?\)\s*$")
_TIME = re.compile(r"\*\*Time:\*\*\s*(\d+)\s*minutes")
#: A top-level list item: ``- text``, ``* text``, ``1. text`` or ``1) text`` at the start of a line.
_LIST_ITEM = re.compile(r"^(?:[-*+]|\d+[.)])[ \t]+\S", re.M)


def count_words(markdown: str) -> int:
    """Words a reader sees in a Markdown text: link targets and HTML tags are not counted.

    A word is a run of letters or digits, possibly joined by an apostrophe, hyphen, comma or point
    ("don't", "follower-brand", "40,000", "2.5" each count once).
    """
    visible = _HTML_TAG.sub(" ", _LINK_TARGET.sub("]", markdown))
    return len(_WORD.findall(visible))


def _slide_type(cell: nbformat.NotebookNode) -> str:
    return cell.get("metadata", {}).get("slideshow", {}).get("slide_type", "-")


def _quiz_questions(cell: nbformat.NotebookNode, where: str) -> int:
    for output in cell.get("outputs", []):
        text = output.get("data", {}).get("text/plain", "")
        match = _QUIZ_SIZE.match(text if isinstance(text, str) else "".join(text))
        if match:
            return int(match.group(1))
    raise ValueError(
        f"{where}: the quiz cell has no stored output saying 'Quiz NN.quiz: ... (N questions)'. "
        "The notebook must be stored executed: rebuild it with tools/nbtools.py."
    )


def content_of_notebook(notebook: nbformat.NotebookNode, where: str = "notebook") -> Content:
    """Counts from a notebook read with :func:`nbformat.read` (pure; ``discussion_prompts`` is 0).

    The quiz size is read from the quiz cell's stored output, so the notebook must be executed.
    ``where`` names the notebook in error messages.
    """
    words = cells = labs = quiz = 0
    exercises: set[str] = set()
    for cell in notebook.cells:
        source = cell.source
        if cell.cell_type == "markdown" and _slide_type(cell) != "notes":
            words += count_words(source)
        elif cell.cell_type == "code":
            found_labs = _LAB.findall(source)
            found_exercises = _EXERCISE.findall(source)
            labs += len(found_labs)
            exercises.update(found_exercises)
            if _QUIZ.search(source):
                quiz += _quiz_questions(cell, where)
            elif not found_labs and not found_exercises:
                cells += 1
    return Content(
        markdown_words=words, code_cells=cells, labs=labs, exercises=len(exercises), quiz_questions=quiz
    )


def _plan_section(plan: str, title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\s*$(.*?)(?=^## |\Z)", plan, re.M | re.S)
    return match.group(1) if match else ""


def discussion_prompts(plan: str) -> int:
    """Top-level list items (bulleted or numbered) under ``## Discussion prompts`` in a lesson plan (0 if
    the plan has no such section)."""
    return len(_LIST_ITEM.findall(_plan_section(plan, "Discussion prompts")))


def planned_minutes(plan: str) -> int:
    """The plan's stated time, from its header ``**Time:** N minutes``. Unit: minutes."""
    match = _TIME.search(plan)
    if not match:
        raise ValueError(
            "the lesson plan does not state its time; add '**Time:** N minutes' to its header "
            "(see lessons/00_start_here.md)."
        )
    return int(match.group(1))


def _paths(number: str, root: Path) -> tuple[Path, Path]:
    item = lesson(number)
    notebook = root / "notebooks" / item.notebook
    plan = root / "lessons" / item.lesson_plan
    for path in (notebook, plan):
        if not path.exists():
            raise FileNotFoundError(
                f"lesson {number}: {path} is missing; pacing reads the stored notebook (build it with "
                f"tools/nbtools.py {number}) and its lesson plan in lessons/."
            )
    return notebook, plan


def read_content(number: str, root: Path = REPO_ROOT) -> tuple[Content, int]:
    """Counts of lesson ``number``'s stored notebook and plan, and the plan's minutes."""
    notebook_path, plan_path = _paths(number, root)
    notebook = nbformat.read(notebook_path, as_version=4)
    plan = plan_path.read_text(encoding="utf-8")
    counts = content_of_notebook(notebook, where=notebook_path.name)
    content = Content(**{**asdict(counts), "discussion_prompts": discussion_prompts(plan)})
    return content, planned_minutes(plan)


def compare(number: str, root: Path = REPO_ROOT, rates: Rates = Rates()) -> Comparison:
    """Planned vs estimated minutes for lesson ``number`` (``"00"`` .. ``"12"``)."""
    content, planned = read_content(number, root)
    return compare_minutes(number, planned, content, rates)


def compare_all(root: Path = REPO_ROOT, rates: Rates = Rates()) -> list[Comparison]:
    """:func:`compare` for every course lesson whose notebook is stored."""
    return [compare(item.number, root, rates) for item in COURSE if item.exists(root)]


def pacing_table(comparisons: Iterable[Comparison]) -> str:
    """A Markdown table: lesson, planned and estimated minutes, ratio, and a flag when far off."""
    rows = [
        "| lesson | planned min | estimated min | planned / estimated | words | cells | labs | "
        "exercises | quiz qs | prompts | check |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for c in comparisons:
        n = c.content
        flag = "FAR OFF" if c.far_off else "ok"
        rows.append(
            f"| {c.number} | {c.planned} | {c.estimated:.0f} | {c.ratio:.2f} | {n.markdown_words} | "
            f"{n.code_cells} | {n.labs} | {n.exercises} | {n.quiz_questions} | {n.discussion_prompts} | "
            f"{flag} |"
        )
    return "\n".join(rows)
