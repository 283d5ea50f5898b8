"""Static decks (``make slides``) show each lab's first view: a picture, since no kernel runs there.

The stored notebooks carry their widget state (tools/nbtools.py); tools/slides.py turns a lab's
stored summary sentence and figure into static HTML above the note that says how to use the lab
live. A deck built from a notebook without widget state shows the note alone.
"""

from __future__ import annotations

import base64
import importlib.util
import re
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NB05 = ROOT / "notebooks" / "05_what_works_strategy_and_discovery.ipynb"
STATE = "application/vnd.jupyter.widget-state+json"
VIEW = "application/vnd.jupyter.widget-view+json"
IMG_RE = re.compile(
    r'<img class="course-static-figure" alt="([^"]*)" src="data:image/svg\+xml;base64,([^"]+)">'
)


def _slides():
    spec = importlib.util.spec_from_file_location("slides_for_lab_views", ROOT / "tools" / "slides.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


slides = _slides()


def _lab_outputs(nb: nbformat.NotebookNode) -> list[str]:
    return [
        "".join(o["data"]["text/html"])
        for c in nb.cells
        for o in c.get("outputs", [])
        if "course-static-widget" in "".join(o.get("data", {}).get("text/html", ""))
        and "Interactive lab" in "".join(o["data"]["text/html"])
    ]


@pytest.fixture(scope="module")
def stored() -> nbformat.NotebookNode:
    nb = nbformat.read(NB05, as_version=4)
    if STATE not in nb.metadata.get("widgets", {}):
        pytest.fail(f"{NB05.name} stores no widget state: rebuild it with tools/nbtools.py 05")
    return nb


def test_each_lab_shows_its_stored_summary_and_figure_above_the_note(stored):
    state = stored.metadata.widgets[STATE]["state"]
    deck = slides.static_widgets(stored, NB05.name)
    outputs = _lab_outputs(deck)
    assert len(outputs) == 2, "notebook 05 has two labs"
    summaries = [
        re.sub(r"<[^>]+>", "", m["state"]["value"])
        for m in state.values()
        if m["model_name"] == "HTMLModel" and "course-lab-summary" in str(m["state"].get("value", ""))
    ]
    for html_text in outputs:
        figure = IMG_RE.search(html_text)
        assert figure, f"no figure in the lab's static view: {html_text[:200]}"
        svg = base64.b64decode(figure.group(2)).decode("utf-8")
        assert "<svg" in svg and "</svg>" in svg
        assert figure.group(1) in summaries, "the figure's alt text is the lab's summary sentence"
        assert html_text.index("course-static-figure") < html_text.index("course-static-widget"), "note below"
    assert "widgets" not in deck.metadata


def test_without_stored_state_a_lab_shows_the_note_alone(stored):
    bare = nbformat.from_dict(stored)
    bare.metadata.pop("widgets")
    outputs = _lab_outputs(slides.static_widgets(bare, NB05.name))
    assert len(outputs) == 2
    assert not any("<img" in h for h in outputs)


def test_a_quiz_stays_a_note(stored):
    deck = slides.static_widgets(stored, NB05.name)
    quiz = [
        "".join(o["data"]["text/html"])
        for c in deck.cells
        for o in c.get("outputs", [])
        if "Quiz 05.quiz" in "".join(o.get("data", {}).get("text/html", ""))
    ]
    assert quiz and not any("<img" in q for q in quiz)
