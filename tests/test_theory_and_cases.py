"""Issue 16 items 6-7: theory boxes where they explain what the learner just saw, and a real example
(a named case or study) in every lesson.

Read from the stored, executed notebooks: what a learner meets, in the order they meet it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpers import course

ROOT = Path(__file__).resolve().parents[1]

#: lesson -> (theory name as the box titles it, words its citation must carry)
THEORY_BOXES: dict[str, list[tuple[str, tuple[str, ...]]]] = {
    "02": [
        ("source credibility", ("Hovland", "Weiss", "1951", "Ohanian", "1990")),
        ("the two-step flow", ("Katz", "Lazarsfeld", "1955")),
    ],
    "03": [
        ("social proof", ("Cialdini", "1984")),
        ("parasocial interaction", ("Horton", "Wohl", "1956")),
        ("the persuasion knowledge model", ("Friestad", "Wright", "1994")),
    ],
}

#: Named real cases, studies and published sources the course cites (calibration notes); one of them in
#: a lesson's own text makes the lesson not all-fictional.
REAL_SOURCES = (
    "Lord & Taylor",
    "Warner Bros",
    "Wies",
    "Beichert",
    "Leung",
    "De Veirman",
    "Hughes",
    "Campbell",
    "Pan,",
    "Boerman",
    "Solis",
    "HypeAuditor",
    "InfluencerDB",
    "Forrester",
    "Rival IQ",
    "Influencer Marketing Hub",
    "HYPR",
    "SRF",
    "Markerly",
    "Katz",
    "Hovland",
)

#: Lessons exempt from the real-example rule, with the reason.
NO_CASE_NEEDED = {"00": "orientation: how the course and JupyterLab work, no marketing content"}


def _cells(number: str) -> list[dict]:
    lesson = course.lesson(number)
    path = ROOT / "notebooks" / lesson.notebook
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _text(cell: dict) -> str:
    source = cell["source"]
    return source if isinstance(source, str) else "".join(source)


def _has_figure(cell: dict) -> bool:
    outputs = cell.get("outputs", []) if cell["cell_type"] == "code" else []
    return any("image/png" in out.get("data", {}) for out in outputs)


@pytest.mark.parametrize(
    ("number", "name", "citation"),
    [(number, name, citation) for number, boxes in THEORY_BOXES.items() for name, citation in boxes],
)
def test_theory_box_is_cited_short_and_follows_a_figure_of_its_section(number, name, citation):
    cells = _cells(number)
    title = f"**Theory box - {name}.**"
    found = [i for i, cell in enumerate(cells) if cell["cell_type"] == "markdown" and title in _text(cell)]
    assert len(found) == 1, f"lesson {number}: expected one box titled {title!r}, found {len(found)}"
    index = found[0]
    box = _text(cells[index])
    missing = [word for word in citation if word not in box]
    assert not missing, f"lesson {number}, box {name!r}: citation lacks {missing}"
    words = len(re.findall(r"[A-Za-z']+", box))
    assert words <= 140, f"lesson {number}, box {name!r}: {words} words; a theory box is short (<= 140)"
    # tied to what the learner just saw: a figure between the section's heading and the box
    markdown = [i for i in range(index) if cells[i]["cell_type"] == "markdown"]
    headings = [i for i in markdown if "\n## " in "\n" + _text(cells[i])]
    start = max(headings)
    assert any(_has_figure(cell) for cell in cells[start:index]), (
        f"lesson {number}, box {name!r}: no figure in its section above it - the box must explain "
        "something the learner has just seen"
    )


WRITTEN = [item for item in course.COURSE if item.exists(ROOT)]


@pytest.mark.parametrize("lesson", WRITTEN, ids=lambda x: x.number)
def test_every_lesson_has_a_real_example(lesson):
    if lesson.number in NO_CASE_NEEDED:
        pytest.skip(NO_CASE_NEEDED[lesson.number])
    prose = "\n".join(_text(cell) for cell in _cells(lesson.number) if cell["cell_type"] == "markdown")
    named = [name for name in REAL_SOURCES if name in prose]
    assert named, f"lesson {lesson.number} names no real case or study: all its brands are fictional"


def test_the_real_example_check_fails_on_an_all_fictional_lesson():
    prose = "Glowtheory launched a serum with 12 synthetic creators; the lab shows the rest."
    assert not [name for name in REAL_SOURCES if name in prose]
