"""No exercise's answer is on screen above its check cell.

For every numeric exercise (``ex.qN.check(...)`` in a stored notebook), and every number of an exercise
that asks for numbers and a choice in one tuple (:class:`~helpers.exercises.TupleQuestion`, each number
part as a :class:`~helpers.exercises.NumericQuestion` of its own), every number a learner can read
above the check cell - markdown, printed text, tables (text/plain, or HTML without one) and figure
text (titles, subtitles, value labels: :func:`helpers.plots.show` stores it in the PNG's Description
chunk) - is compared with the exercise's expected answer, as the question itself compares it
(its tolerance) and as the number is written (18.27 shown as "18.3" or "18" gives the answer away).
A learner who can copy the answer from the screen learns nothing from the exercise.

Whole numbers under 10, and whole numbers under 100 written without a % or $ sign, are skipped: they are
everywhere (list items, counts of creators, "5 USD CPM") and saying one is the answer would be noise.
Run with ``-s`` to print every hit with its context.
"""

from __future__ import annotations

import base64
import html
import io
import json
import math
import re
import sys
from pathlib import Path

import pytest
from PIL import Image

from helpers.exercises import NumericQuestion, TupleQuestion, all_questions, all_quizzes
from helpers.exercises.quiz import Numeric

ROOT = Path(__file__).resolve().parents[1]
_NUMBER = re.compile(
    r"(?<![\w.])(?P<usd>\\?\$)?(?P<num>-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?)(?P<scale>[KM](?![a-zA-Z]))?(?P<pct>\s?%)?(?![\w])"
)
_LIST_ITEM = re.compile(r"^\s*(?:#+\s*)?\d+\.\s", re.M)
_TAG = re.compile(r"<style.*?</style>|<[^>]+>", re.S)
_PERCENT_UNITS = ("%", "percentage points")
_MONEY_UNITS = ("USD", "")
#: (test id, question): every numeric exercise, and every number part of a tuple exercise ("02.q2[number
#: for creator A]"), each compared with the screen as the part's own check compares it
_NUMERIC = [(q.id, q) for q in all_questions() if isinstance(q, NumericQuestion)] + [
    (f"{q.id}[{part.label}]", number)
    for q in all_questions()
    if isinstance(q, TupleQuestion)
    for part, number in zip(q.numbers(), q.as_numeric(), strict=True)
]


def _joined(value: str | list[str]) -> str:
    return "".join(value) if isinstance(value, list) else value


def _figure_text(png_b64: str | list[str]) -> str:
    image = Image.open(io.BytesIO(base64.b64decode(_joined(png_b64))))
    image.load()
    return str(image.text.get("Description", ""))


def visible_texts(cell: dict, own: str | None = None) -> list[tuple[str, str]]:
    """(kind, text) for everything a learner reads in a cell: markdown, or a code cell's outputs
    (not its code, not widget placeholders). The stored feedback, hint or solution of an exercise is
    skipped only in a cell that calls the exercise ``own`` itself (``ex.q1.solution()`` for q1): a
    stored solution of another exercise is on screen like any other text."""
    if cell["cell_type"] == "markdown":
        return [("markdown", _LIST_ITEM.sub(" ", _joined(cell["source"])))]
    found = []
    for output in cell.get("outputs", []):
        if "text" in output:
            found.append(("printed", _joined(output["text"])))
        data = output.get("data", {})
        if "application/vnd.jupyter.widget-view+json" in data:
            continue  # the text/plain is a VBox(...) repr nobody sees; widget views are live
        rich = _joined(data.get("text/html", "")) + _joined(data.get("text/markdown", ""))
        own_call = own is not None and re.search(rf"\b{own}\.", _joined(cell["source"]))
        if ("course-feedback" in rich or "course-note" in rich) and own_call:
            continue  # this exercise's own feedback, hint or solution: the learner's own doing
        if "text/plain" in data:
            found.append(("table/text", _joined(data["text/plain"])))
        elif rich:
            found.append(("html", html.unescape(_TAG.sub(" ", rich))))
        if "image/png" in data:
            found.append(("figure", _figure_text(data["image/png"])))
    return found


def _decimals(token: str) -> int:
    return len(token.split(".", 1)[1]) if "." in token else 0


def _significant_digits(token: str) -> int:
    """Significant digits as written, trailing zeros not counted: '0.800' -> 1, '18.3' -> 3, '50' -> 1."""
    return len(token.replace(",", "").replace("-", "").replace(".", "").strip("0"))


def gives_away(question: NumericQuestion, token: str, usd: bool, pct: bool, scale: str = "") -> bool:
    """Whether the number written as ``token`` on screen (with a $ before it, a % after it, a K or M
    after it) is the question's answer: one the check accepts, or the answer rounded to the digits shown.
    A percentage's sign is in the words around it: "falls 44%" gives away a change of -44 %."""
    value = float(token.replace(",", ""))
    signs = (1, -1) if pct else (1,)
    expected = float(question.expected_value)
    other_kind = (pct and question.unit not in _PERCENT_UNITS) or (usd and question.unit not in _MONEY_UNITS)
    # "miss 30% of the replies" for 30.25: the answer rounded to a whole number, with its unit, gives
    # it away whether the check accepts 30 (a leak) or rejects it (a learner who read the right number
    # is marked wrong) - however few significant digits it has
    whole = (usd or pct) and "." not in token and abs(value) >= 10 and not scale and not other_kind
    if whole and any(sign * value == round(expected) for sign in signs):
        return True
    if scale:  # "40K followers": a learner types 40000, which the check may accept
        return question._is_correct(value * {"K": 1e3, "M": 1e6}[scale])
    if "." not in token and (abs(value) < 10 or (abs(value) < 100 and not (usd or pct))):
        return False
    if _significant_digits(token) < 2:  # 0.5, 50, 0.800, 1.0: every notebook is full of them
        return False
    if (pct and question.unit not in _PERCENT_UNITS) or (usd and question.unit not in _MONEY_UNITS):
        return False  # a different kind of number: 14 % is not a CPM of $14.29, $15 is not 15 posts
    shown = round(expected, _decimals(token))
    return any(
        question._is_correct(sign * value) or math.isclose(shown, sign * value, abs_tol=1e-9)
        for sign in signs
    )


#: Numbers above an exercise that equal its answer by coincidence, each checked by hand: question id ->
#: (a piece of the text around the number, why it gives nothing away).
COINCIDENCES: dict[str, list[tuple[str, str]]] = {
    "02.q2": [
        (
            "likes + comments per post | 4,200",
            "the task's own input: creator A's likes + comments per post, all of them finance fans; seeing "
            "that engaged people, not followers, are the count is the exercise",
        )
    ],
    "02.q4": [
        ("position (8.6/10)", "a power score out of 10, not conversions per $1,000"),
        ("Relationship falls from 8.7", "the relationship-power score in the figure's title"),
    ],
    "06.q1": [
        ("reached 11.4 million Instagram users", "a case study's reach, not a plan's expected replies")
    ],
    "09.q2": [("1.5 means", "the ROAS in the definition's example, not a frequency")],
}


def _coincidence(question: NumericQuestion, context: str) -> bool:
    return any(piece in context for piece, _ in COINCIDENCES.get(question.id, []))


def _check_cell(cells: list[dict], question: NumericQuestion) -> int:
    call = re.compile(rf"\b{question.name}\.check\(")
    for i, cell in enumerate(cells):
        if cell["cell_type"] == "code" and call.search(_joined(cell["source"])):
            return i
    raise AssertionError(f"{question.id}: no `ex.{question.name}.check(...)` cell in the stored notebook")


def _cells(lesson: str) -> list[dict]:
    [path] = (ROOT / "notebooks").glob(f"{lesson}_*.ipynb")
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def hits_above(question: NumericQuestion, label: str | None = None, listed: bool = False) -> list[str]:
    """Every place above the question's check cell where its answer can be read (``label`` names the
    question in the hits; default its id), but the listed :data:`COINCIDENCES` (``listed=True``: those
    too)."""
    cells = _cells(question.lesson)
    above = cells[: _check_cell(cells, question)]
    return _hits(question, label or question.id, question.name, above, listed)


def _hits(
    question: NumericQuestion, label: str, own: str, cells: list[dict], listed: bool = False
) -> list[str]:
    hits = []
    for i, cell in enumerate(cells):
        for kind, text in visible_texts(cell, own):
            for match in _NUMBER.finditer(text):
                if gives_away(
                    question, match["num"], bool(match["usd"]), bool(match["pct"]), match["scale"] or ""
                ):
                    start = max(0, match.start() - 70)
                    context = " ".join(text[start : match.end() + 30].split())
                    if not listed and (
                        _coincidence(question, context)
                        or any(p in context for p, _ in COINCIDENCES.get(label, []))
                    ):
                        continue
                    answer = f"{question.expected_value:.4g}"
                    shown = float(match["num"].replace(",", ""))
                    rejected = not any(question._is_correct(v) for v in (shown, -shown))
                    why = " [the check rejects this rounding: confusing]" if rejected else ""
                    hits.append(f"{label} (answer {answer}) cell {i} {kind}{why}: ...{context}...")
    return list(dict.fromkeys(hits))


def test_the_scan_finds_an_answer_in_a_table_a_title_and_a_sentence():
    """The scan itself: a number the question would accept, or the answer rounded as displayed, is
    found; a different number and a small count are not."""
    question = NumericQuestion(
        id="99.q1", title="t", expected=18.27, abs_tol=0.01, unit="%", hints=["h"], solution_code="x"
    )
    assert gives_away(question, "18.27", False, False)
    assert gives_away(question, "18.3", False, True)
    assert gives_away(question, "18", False, True)
    assert not gives_away(question, "18", False, False)  # a bare count under 100
    assert not gives_away(question, "18.4", False, True)
    assert not gives_away(question, "18.3", True, False)  # $18.30 is not 18.3 %
    assert not gives_away(question, "0.800", False, False)  # one significant digit
    assert gives_away(question, "-18.3", False, True)  # "falls 18.3 %" gives away -18.3 too
    followers = NumericQuestion(
        id="99.q2", title="t", expected=39_928, rel_tol=0.01, hints=["h"], solution_code="x"
    )
    assert gives_away(followers, "40", False, False, "K")  # "peaks near 40K followers"
    assert not gives_away(followers, "45", False, False, "K")
    figure = {"cell_type": "code", "outputs": []}
    from helpers import plots

    fig, ax = plots.new_figure()
    plots.set_title(ax, "Only 18.3% of creators label every ad", "synthetic")
    shown = plots.show(fig)
    figure["outputs"] = [
        {"output_type": "display_data", "data": {"image/png": base64.b64encode(shown.data).decode()}}
    ]
    [(kind, text)] = visible_texts(figure)
    assert kind == "figure" and "Only 18.3% of creators" in text


def test_the_scan_reads_whole_roundings_and_other_exercises_solutions():
    """A figure title "miss 30% of the replies" gives away 30.25 % (whether or not the check accepts
    30); a stored solution of another exercise is on screen, the exercise's own is not."""
    late = NumericQuestion(
        id="99.q3", title="t", expected=30.25, rel_tol=1e-3, unit="%", hints=["h"], solution_code="x"
    )
    assert gives_away(late, "30", False, True)  # rejected by the check, yet the answer as shown
    assert not gives_away(late, "30", False, False)  # a bare 30 is a count
    assert not gives_away(late, "40", False, True)
    assert gives_away(late, "30", True, False) is False  # $30 is money, not a share
    solution = {
        "cell_type": "code",
        "source": "ex.q1.solution()",
        "outputs": [
            {
                "output_type": "display_data",
                "data": {
                    "text/html": '<div class="course-note">by reach instead: 6.9 %</div>',
                    "text/plain": "by reach instead: 6.9 %",
                },
            }
        ],
    }
    assert visible_texts(solution, "q1") == []  # q1's own solution: the learner asked for it
    [(_, text)] = visible_texts(solution, "q2")  # q2's answer in q1's solution is on screen
    assert "6.9 %" in text


def test_the_scan_finds_a_tuple_exercises_number_planted_above_it(monkeypatch):
    """07.q3's fee (numbers and a letter in one tuple) printed above its check cell, rounded as a table
    would show it, is found; the stored notebook without it is clean."""
    [(label, fee)] = [(lb, q) for lb, q in _NUMERIC if lb.startswith("07.q3[")]
    stored = _cells("07")
    assert hits_above(fee, label) == []
    at = _check_cell(stored, fee)
    shown = f"USD {fee.expected_value:,.0f} for one post"
    planted = {
        "cell_type": "code",
        "source": "print(fee)",
        "outputs": [{"output_type": "stream", "text": shown}],
    }
    monkeypatch.setattr(sys.modules[__name__], "_cells", lambda lesson: [*stored[:at], planted, *stored[at:]])
    [hit] = hits_above(fee, label)
    assert hit.startswith(f"{label} (answer {fee.expected_value:.4g}) cell {at} printed")


@pytest.mark.parametrize("qid", sorted(q for q in COINCIDENCES if ".q" in q and "quiz" not in q))
def test_every_listed_coincidence_is_still_on_screen(qid):
    """A coincidence listed for an exercise is still found above it: an entry left behind when the
    notebook or the answer changed would hide a real leak that happens to share its words."""
    found = " ".join(hit for label, q in _NUMERIC if q.id == qid for hit in hits_above(q, label, listed=True))
    for piece, _ in COINCIDENCES[qid]:
        assert piece in found, f"{qid}: the listed coincidence {piece!r} is no longer on screen; remove it"


def test_every_number_of_a_tuple_exercise_is_scanned():
    """The tuple exercises' numbers are in the scan, each with its own tolerance and unit."""
    scanned = {label for label, _ in _NUMERIC}
    tuples = [q for q in all_questions() if isinstance(q, TupleQuestion)]
    assert tuples, "the course has exercises asking for numbers and a choice"
    for question in tuples:
        for part in question.numbers():
            assert f"{question.id}[{part.label}]" in scanned


@pytest.mark.parametrize("label,question", _NUMERIC, ids=[label for label, _ in _NUMERIC])
def test_no_answer_on_screen_above_its_exercise(label, question):
    hits = hits_above(question, label)
    for hit in hits:
        print(hit)
    assert not hits, f"{label}'s answer is on screen above its check cell:\n" + "\n".join(hits)


def _quiz_numerics() -> list[tuple[str, str, NumericQuestion]]:
    """(quiz question id, the quiz's attribute name, its number checker) for every numeric quiz question."""
    found = []
    for quiz in all_quizzes():
        for i, question in enumerate(quiz.questions):
            if isinstance(question, Numeric):
                found.append((quiz.question_id(i), quiz.id.split(".", 1)[1], question._checker))
    return found


_QUIZ_NUMERICS = _quiz_numerics()


def quiz_hits_above(qid: str, name: str, checker: NumericQuestion) -> list[str]:
    """Every place above the quiz cell (``ex.quiz``) where a numeric quiz answer can be read. Unlike
    exercises, a whole-number percentage under 10 counts: a quiz asks for few, memorable numbers."""
    cells = _cells(qid[:2])
    call = re.compile(rf"\bex\.{name}\b")
    [at] = [i for i, c in enumerate(cells) if c["cell_type"] == "code" and call.search(_joined(c["source"]))]
    hits = _hits(checker, qid, name, cells[:at])
    expected = float(checker.expected_value)
    if checker.unit == "%" and expected == round(expected) and abs(expected) < 10:
        small = re.compile(rf"(?<![\w.,]){round(abs(expected))}\s?%")
        for i, cell in enumerate(cells[:at]):
            for kind, text in visible_texts(cell, name):
                for match in small.finditer(text):
                    start = max(0, match.start() - 70)
                    context = " ".join(text[start : match.end() + 30].split())
                    if not any(p in context for p, _ in COINCIDENCES.get(qid, [])):
                        hits.append(f"{qid} (answer {expected:g}) cell {i} {kind}: ...{context}...")
    return list(dict.fromkeys(hits))


@pytest.mark.parametrize("qid,name,checker", _QUIZ_NUMERICS, ids=[q[0] for q in _QUIZ_NUMERICS])
def test_no_quiz_answer_on_screen_above_the_quiz(qid, name, checker):
    hits = quiz_hits_above(qid, name, checker)
    for hit in hits:
        print(hit)
    assert not hits, f"{qid}'s answer is on screen above the quiz:\n" + "\n".join(hits)


@pytest.mark.parametrize(
    "path", sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")), ids=lambda p: p.stem
)
def test_every_stored_figure_carries_its_text(path):
    """The scan reads figure titles from the PNG's Description chunk: a figure shown without
    :func:`helpers.plots.show` (or a notebook not rebuilt since) would hide its title from the scan."""
    missing = []
    for i, cell in enumerate(json.loads(path.read_text(encoding="utf-8"))["cells"]):
        for output in cell.get("outputs", []):
            png = output.get("data", {}).get("image/png")
            if png is not None and not _figure_text(png):
                missing.append(i)
    assert not missing, (
        f"{path.name}: figures without text (cells {missing}): show them with plots.show, rebuild"
    )
