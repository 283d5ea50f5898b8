"""Trainer notes: folded away in the learner's view of a notebook, unfolded in the slides' speaker notes.

Every ``nb.notes(...)`` cell of every notebook source is built (without executing) and rendered the
way GitHub and nbviewer do (Markdown with HTML blocks): its text must sit inside a closed ``<details>``
element whose visible summary is "Trainer notes", and nothing of it outside. The static decks
(``tools/slides.py``) must carry the same text unfolded, in reveal's speaker-notes ``<aside>``.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from nbconvert.filters import markdown2html

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ROOT / "tools"


def _tool(name: str):
    spec = importlib.util.spec_from_file_location(f"course_{name}_tool_for_notes", TOOLS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


nbtools = _tool("nbtools")
slides = _tool("slides")
NUMBERS = sorted(nbtools.sources())


def _notes_cells(nb: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    return [c for c in nb.cells if c.metadata.get("slideshow", {}).get("slide_type") == "notes"]


def _built(number: str) -> nbformat.NotebookNode:
    sys.path.insert(0, str(TOOLS))
    try:
        _name, nb = nbtools.load_source(nbtools.sources()[number])
    finally:
        sys.path.remove(str(TOOLS))
    return nb.notebook()


class _Visible(HTMLParser):
    """Text a reader sees without opening anything: outside closed <details>, or in their <summary>."""

    def __init__(self) -> None:
        super().__init__()
        self.closed_depth = 0  # nesting inside closed <details>
        self.in_summary = False
        self.visible: list[str] = []
        self.hidden: list[str] = []
        self.details_open_attr = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "details":
            if "open" in dict(attrs):
                self.details_open_attr += 1
            else:
                self.closed_depth += 1
        elif tag == "summary":
            self.in_summary = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "details" and self.closed_depth:
            self.closed_depth -= 1
        elif tag == "summary":
            self.in_summary = False

    def handle_data(self, data: str) -> None:
        if data.strip():
            (self.hidden if self.closed_depth and not self.in_summary else self.visible).append(data.strip())


def _words(text: str) -> str:
    """Text as lower-case words, Markdown and punctuation dropped (link targets too)."""
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.casefold()).split())


def _body(source: str) -> str:
    """The note's own text (without the fold), as words."""
    folded = slides.FOLDED_NOTES_RE.match(source)
    assert folded, f"not folded: {source[:80]!r}"
    return _words(folded["body"])


def _ends(words: str, n: int = 8) -> tuple[str, str]:
    """The first and the last ``n`` words: both inside means the whole note is."""
    split = words.split()
    return " ".join(split[:n]), " ".join(split[-n:])


@pytest.mark.parametrize("number", NUMBERS)
def test_every_trainer_note_is_folded_away_in_the_learners_view(number):
    cells = _notes_cells(_built(number))
    assert cells, f"{number}: no trainer notes"
    for cell in cells:
        parsed = _Visible()
        parsed.feed(markdown2html(cell.source))
        assert parsed.details_open_attr == 0, "a note must start closed"
        assert parsed.visible == ["Trainer notes"], f"{number}: visible without a click: {parsed.visible[:3]}"
        hidden = _words(" ".join(parsed.hidden))
        first, last = _ends(_body(cell.source))
        assert first in hidden and last in hidden, f"{number}: the note's text is not all inside the fold"


def test_the_stored_start_here_notebook_has_its_notes_folded():
    """00 is rebuilt with this change; the other stored notebooks follow when the course is rebuilt
    (tests/test_notebooks_structure.py compares every stored notebook with its source)."""
    stored = nbformat.read(ROOT / "notebooks" / "00_start_here.ipynb", as_version=4)
    cells = _notes_cells(stored)
    assert len(cells) == len(_notes_cells(_built("00"))) >= 1
    for cell in cells:
        assert cell.source.startswith(nbtools.NOTES_OPEN) and cell.source.endswith(nbtools.NOTES_CLOSE)


def test_the_decks_unfold_every_note_into_speaker_notes(tmp_path):
    """What reveal's speaker view (S) shows: the whole note, with no fold to open; one aside per note."""
    nb = _built("01")
    path = tmp_path / "01_what_is_influencer_marketing.ipynb"
    nbformat.write(nb, path)
    unfolded = slides.unfold_notes(nb)
    for before, after in zip(_notes_cells(nb), _notes_cells(unfolded), strict=True):
        assert after.source.startswith("**Trainer notes.** ") and "<details" not in after.source
        assert _words(after.source) == "trainer notes " + _body(before.source)
    body, _ = slides.make_exporter(slides.rise_settings(nb)).from_notebook_node(unfolded)
    asides = body.split('<aside class="notes">')[1:]
    assert len(asides) == len(_notes_cells(nb)) >= 1
    for aside, cell in zip(asides, _notes_cells(nb), strict=True):
        note = aside.split("</aside>", 1)[0]
        assert "<details" not in note
        parsed = _Visible()
        parsed.feed(note)
        first, last = _ends(_body(cell.source))
        shown = _words(" ".join(parsed.visible))
        assert shown.startswith("trainer notes " + first) and last in shown


def test_notes_without_the_fold_pass_through_the_decks_unchanged():
    cell = nbformat.v4.new_markdown_cell("**Trainer notes.** Older notebooks wrote notes like this.")
    cell.metadata["slideshow"] = {"slide_type": "notes"}
    nb = nbformat.v4.new_notebook(cells=[cell])
    assert slides.unfold_notes(nb).cells[0].source == cell.source
