"""Slide metadata that every slideshow reads the same way.

The trainers present with jupyterlab-slideshow (tests/browser/test_jupyterlab.py with deck.py). It puts a cell
whose slide type is ``"-"`` on no slide at all, while a cell with no slide type continues the
current slide, as ``"-"`` does for RISE and nbconvert's decks. So the notebook builder writes no
slide type for "continue", and no stored notebook carries ``"-"``.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _nbtools():
    spec = importlib.util.spec_from_file_location("nbtools_for_slides", ROOT / "tools" / "nbtools.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_builder_writes_no_slide_type_for_cells_that_continue_a_slide():
    nb = _nbtools().NB("05_x").md("## A section", slide="slide").code("1 + 1").md("more").notebook()
    kinds = [c.metadata.get("slideshow", {}).get("slide_type") for c in nb.cells]
    assert "-" not in kinds
    section = next(c for c in nb.cells if c.source == "## A section")
    code = next(c for c in nb.cells if c.cell_type == "code")
    assert section.metadata["slideshow"]["slide_type"] == "slide"
    assert "slideshow" not in code.metadata


STORED = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", STORED, ids=[p.stem[:2] for p in STORED])
def test_stored_notebook_has_no_cell_the_slideshow_would_hide(path: Path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    hidden = [i for i, c in enumerate(cells) if c["metadata"].get("slideshow", {}).get("slide_type") == "-"]
    assert not hidden, (
        f"{path.name}: cells {hidden[:8]} have slide type '-', which jupyterlab-slideshow shows on no "
        f"slide; rebuild: .venv/bin/python tools/nbtools.py {path.stem[:2]}"
    )
