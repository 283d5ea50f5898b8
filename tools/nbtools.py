"""Build and execute the course notebooks from their Python sources.

Every notebook is written as a small Python script in ``tools/notebooks/`` (reviewable diffs, one
skeleton for all), turned into ``notebooks/NN_name.ipynb`` and executed in place, so the stored
notebooks carry outputs for strict ``pytest --nbval``.

Usage::

    python tools/nbtools.py            # build + execute every notebook
    python tools/nbtools.py 00 03      # only these numbers
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
import sys
import tempfile
import textwrap
from pathlib import Path
from types import ModuleType

import nbformat
from nbclient import NotebookClient

from helpers import course


def _load_tool(name: str) -> ModuleType:
    """A sibling module of tools/ (by path: tests load this file by path too, without tools/ on sys.path)."""
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name(f"{name}.py"))
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "tools" / "notebooks"
NOTEBOOKS = ROOT / "notebooks"
KERNEL = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
#: Environment for the kernel while executing: the course's warning policy, fixed hashing.
EXEC_ENV = {
    "PYTHONHASHSEED": "0",
    "PYTHONWARNINGS": _load_tool("warning_policy").PYTHONWARNINGS,
}


#: How a trainer's notes cell starts and ends (see :meth:`NB.notes`): the notes stay out of a
#: self-paced learner's way until opened; ``tools/slides.py`` unfolds them for reveal's speaker view.
NOTES_OPEN = '<details class="trainer-notes"><summary>Trainer notes</summary>'
NOTES_CLOSE = "</details>"


#: Counts spelled out at the start of a sentence ("Nine short exercises..."), 0-10.
NUMBER_WORDS = dict(
    enumerate(("No", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten"))
)


class NB:
    """A notebook under construction: markdown, code and speaker-notes cells with slide metadata."""

    def __init__(self, name: str | None = None) -> None:
        """``name``: the notebook's file stem (``"03_why_it_works"``); with it the finished notebook
        gets course navigation (home, previous, next) below its title and at its end."""
        self.name = name
        self.cells: list[nbformat.NotebookNode] = []

    @staticmethod
    def _meta(slide: str | None, tags: tuple[str, ...]) -> dict:
        meta: dict = {}
        # "-" (continue the current slide) is written as no slide type at all: RISE and nbconvert read
        # a missing type as "-", while jupyterlab-slideshow shows a cell typed "-" on no slide.
        if slide and slide != "-":
            meta["slideshow"] = {"slide_type": slide}
        if tags:
            meta["tags"] = list(tags)
        return meta

    def md(self, text: str, slide: str | None = "-", tags: tuple[str, ...] = ()) -> NB:
        """Add a markdown cell (``slide``: slide, subslide, fragment, -, skip, notes)."""
        cell = nbformat.v4.new_markdown_cell(textwrap.dedent(text).strip("\n"))
        cell.metadata = self._meta(slide, tags)
        self.cells.append(cell)
        return self

    def code(self, src: str, slide: str | None = "-", tags: tuple[str, ...] = ()) -> NB:
        """Add a code cell."""
        cell = nbformat.v4.new_code_cell(textwrap.dedent(src).strip("\n"))
        cell.metadata = self._meta(slide, tags)
        self.cells.append(cell)
        return self

    def volatile(self, src: str, slide: str | None = "-") -> NB:
        """Add a code cell whose output is a live widget or machine-specific (nbval ignores its output)."""
        return self.code(src, slide, tags=("nbval-ignore-output",))

    def exercise(self, question, text: str, slide: str = "slide") -> NB:
        """Add an exercise: task text, the starter cell (runs as it stands) and where to find help."""
        self.md(text, slide=slide)
        self.code(question.cell_code())
        return self.md(
            f"Stuck? `ex.{question.name}.hint()` gives a hint (run it again for the next one); "
            f"`ex.{question.name}.solution()` shows a solution and explains it.",
            slide="fragment",
        )

    def notes(self, text: str) -> NB:
        """Add a trainer's speaker-notes cell: folded away under a "Trainer notes" line in the notebook
        (an HTML ``<details>`` block: closed in JupyterLab, on GitHub and nbviewer; a click opens it),
        hidden in the slideshow, and unfolded into the speaker notes of the static decks."""
        body = textwrap.dedent(text).strip("\n")
        return self.md(f"{NOTES_OPEN}\n\n{body}\n\n{NOTES_CLOSE}", slide="notes")

    def _nav_cell(self) -> nbformat.NotebookNode:
        """Home / previous / next links (hidden in the slideshow: the slides have "What's next")."""
        cell = nbformat.v4.new_markdown_cell(course.navigation_markdown(str(self.name)[:2]))
        cell.metadata = self._meta("skip", ("course-navigation",))
        return cell

    def notebook(self) -> nbformat.NotebookNode:
        """The finished, unexecuted notebook."""
        nb = nbformat.v4.new_notebook()
        nb.cells = list(self.cells)
        if self.name:
            nb.cells[1:1] = [self._nav_cell()]
            nb.cells.append(self._nav_cell())
        # Cell ids from the notebook's name and the cell's position (nbformat draws random ones):
        # a rebuild with the same cells gives the same file.
        for k, cell in enumerate(nb.cells):
            cell.id = hashlib.sha256(f"{self.name}/cell/{k}".encode()).hexdigest()[:8]
        nb.metadata = {
            "kernelspec": KERNEL,
            "language_info": {"name": "python"},
            "rise": {"scroll": True, "theme": "white", "transition": "none", "enable_chalkboard": False},
        }
        return nb


def sources() -> dict[str, Path]:
    """Notebook sources by number: ``{"00": tools/notebooks/nb00_start_here.py, ...}``."""
    return {p.stem[2:4]: p for p in sorted(SOURCES.glob("nb[0-9][0-9]_*.py"))}


def load_source(path: Path) -> tuple[str, NB]:
    """Import a notebook source; it defines ``NAME`` (file stem) and ``build() -> NB``."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.NAME, module.build()


def strip_volatile_metadata(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Remove execution timestamps so stored notebooks diff cleanly (widget state: see below), and
    merge consecutive printed chunks of the same stream: how the kernel splits one cell's prints into
    messages depends on timing (a busy machine splits more), what was printed does not."""
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        for out in cell.get("outputs", []):
            out.get("metadata", {}).pop("execution", None)
        if cell.get("outputs"):
            cell.outputs = coalesce_streams(cell.outputs)
    return nb


def coalesce_streams(outputs: list) -> list:
    """``outputs`` with each run of consecutive ``stream`` outputs of the same name joined into one."""
    merged: list = []
    for out in outputs:
        previous = merged[-1] if merged else None
        if (
            out.get("output_type") == "stream"
            and previous is not None
            and previous.get("output_type") == "stream"
            and previous.get("name") == out.get("name")
        ):
            previous["text"] = "".join(previous["text"]) + "".join(out["text"])
        else:
            merged.append(out)
    return merged


WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
_MODEL_REF_RE = re.compile(r"IPY_MODEL_([0-9a-f]{32})")


def _model_refs(value: object) -> list[str]:
    """Model ids a widget state refers to (``"IPY_MODEL_<id>"`` strings, in order)."""
    return _MODEL_REF_RE.findall(json.dumps(value, sort_keys=True))


def stable_widget_state(nb: nbformat.NotebookNode, stem: str) -> nbformat.NotebookNode:
    """Keep the widget state a stored notebook needs to show its labs before anyone runs it, with
    model ids that do not change between rebuilds.

    nbclient records every widget model the kernel created (``metadata.widgets``), under random
    comm ids. Kept: the models that a stored widget view shows, and the models they refer to
    (children, layouts, styles); dropped: models no output shows (closed or temporary widgets).
    Each kept id is replaced, in the state and in the views, by an id derived from the notebook's
    name and the model's position (first view first, depth first), so a rebuild with the same
    outputs gives the same file. JupyterLab, nbconvert's HTML and nbviewer render the views from
    this state; a running kernel replaces it with live widgets.
    """
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    views = [
        out["data"][WIDGET_VIEW]
        for cell in nb.cells
        for out in cell.get("outputs", [])
        if WIDGET_VIEW in out.get("data", {})
    ]
    order: list[str] = []
    pending = [v["model_id"] for v in views]
    while pending:
        model_id = pending.pop(0)
        if model_id in order or model_id not in state:
            continue
        order.append(model_id)
        pending[:0] = _model_refs(state[model_id]["state"])
    if not order:
        nb.metadata.pop("widgets", None)
        return nb
    new_ids = {old: hashlib.sha256(f"{stem}/{k}".encode()).hexdigest()[:32] for k, old in enumerate(order)}

    def rename(value: object) -> object:
        text = json.dumps(value)
        text = _MODEL_REF_RE.sub(lambda m: "IPY_MODEL_" + new_ids.get(m.group(1), m.group(1)), text)
        return json.loads(text)

    nb.metadata["widgets"] = {
        WIDGET_STATE: {
            "version_major": 2,
            "version_minor": 0,
            "state": {new_ids[old]: rename(state[old]) for old in order},
        }
    }
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            view = out.get("data", {}).get(WIDGET_VIEW)
            if view and view["model_id"] in new_ids:
                view["model_id"] = new_ids[view["model_id"]]
    return nbformat.from_dict(nb)


def execute(nb: nbformat.NotebookNode, timeout: int = 300) -> nbformat.NotebookNode:
    """Run every cell top to bottom in a fresh kernel with ``notebooks/`` as working directory."""
    # A fresh, empty progress file per kernel: a build never records into the learner's file and
    # the stored progress overview starts from zero (see helpers.progress).
    with tempfile.TemporaryDirectory(prefix="course-progress-") as progress_dir:
        env = EXEC_ENV | {"COURSE_PROGRESS_FILE": str(Path(progress_dir) / ".course_progress.json")}
        old = {k: os.environ.get(k) for k in env}
        os.environ.update(env)
        try:
            client = NotebookClient(
                nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}
            )
            client.execute()
        finally:
            for k, v in old.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
    return strip_volatile_metadata(nb)


def build(numbers: list[str] | None = None) -> list[Path]:
    """Build and execute the notebooks with these numbers (all when None); return written paths."""
    written = []
    for number, path in sources().items():
        if numbers and number not in numbers:
            continue
        name, builder = load_source(path)
        nb = stable_widget_state(execute(builder.notebook()), name)
        out = NOTEBOOKS / f"{name}.ipynb"
        nbformat.write(nb, out)
        written.append(out)
        print(f"built {out.relative_to(ROOT)} ({len(nb.cells)} cells)")
    return written


if __name__ == "__main__":
    build(sys.argv[1:] or None)
