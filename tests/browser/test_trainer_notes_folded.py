"""Trainer notes in a real JupyterLab: closed for the learner, one click opens them.

The stored notebook 00 is opened (not run); every notes cell must render as a closed
``<details>`` whose only visible text is its "Trainer notes" summary, and clicking the summary
must show the note. (tests/test_trainer_notes.py checks every notebook source without a browser.)
"""

from __future__ import annotations

from typing import Any

import pytest
from browser_support import Server, course_notebooks

pytestmark = pytest.mark.browser

PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
START_HERE = next(nb for nb in course_notebooks() if nb.path.endswith("00_start_here.ipynb"))

_NOTES_JS = f"""
() => [...document.querySelectorAll('{PANEL} .jp-MarkdownCell details.trainer-notes')].map(d => {{
  const body = [...d.children].filter(e => e.tagName !== 'SUMMARY');
  return {{
    open: d.open,
    summary: (d.querySelector('summary') || {{innerText: ''}}).innerText.trim(),
    bodyText: body.map(e => e.textContent).join(' ').trim().slice(0, 80),
    bodyShown: body.some(e => e.checkVisibility() && e.getBoundingClientRect().height > 0),
  }};
}})
"""


def _notes_cells() -> int:
    cells = START_HERE.load()["cells"]
    return sum(1 for c in cells if c["metadata"].get("slideshow", {}).get("slide_type") == "notes")


def test_trainer_notes_are_closed_until_clicked(jupyter_lab: Server, page: Any) -> None:
    expected = _notes_cells()
    assert expected >= 1
    page.goto(jupyter_lab.url(f"lab/tree/{START_HERE.path}", reset=""))
    page.locator(f"{PANEL} .jp-Notebook").first.wait_for(state="visible", timeout=90_000)
    page.wait_for_function(
        "([sel, n]) => document.querySelectorAll(sel).length >= n",
        arg=[f"{PANEL} .jp-MarkdownCell details.trainer-notes", expected],
        timeout=60_000,
    )
    notes = page.evaluate(_NOTES_JS)
    assert len(notes) == expected
    for note in notes:
        assert note["summary"] == "Trainer notes" and note["bodyText"], note
        assert not note["open"] and not note["bodyShown"], f"a note is visible without a click: {note}"
    page.locator(f"{PANEL} .jp-MarkdownCell details.trainer-notes summary").first.click()
    opened = page.evaluate(_NOTES_JS)[0]
    assert opened["open"] and opened["bodyShown"], opened
