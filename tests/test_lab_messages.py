"""Issue 12 item 17: a lab's error message is shown once, in the message area (never also as text
inside the figure), and notebook 12's research lab ends Run All usable (errors are demonstrated on a
separate instance)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import ipywidgets as w
import pytest

from helpers import widgets
from helpers.widgets.base import Lab, LabInputError, LabResult

ROOT = Path(__file__).resolve().parents[1]


class _Picky(Lab):
    name = "picky-test"
    title = "Picky"

    def make_controls(self) -> dict[str, w.ValueWidget]:
        return {"mode": w.Dropdown(options=["ok", "bad"], value="ok")}

    def compute(self, **values: Any) -> LabResult:
        if values["mode"] == "bad":
            raise LabInputError("Choose 'ok': this message must appear exactly once.")
        return LabResult(summary="fine")

    def draw(self, fig, result: LabResult) -> None:
        fig.axes[0].plot([0, 1], [0, 1])


def test_an_error_appears_once_in_the_message_area_and_the_figure_is_hidden():
    lab = _Picky()
    result = lab.set(mode="bad")
    assert not result.ok
    assert lab._summary.value.count("must appear exactly once") == 1
    assert b"must appear exactly once" not in bytes(lab._image.value), "the message is drawn in the figure"
    assert lab._image.layout.display == "none"
    assert lab.set(mode="ok").ok
    assert lab._image.layout.display != "none", "the figure comes back with a result"


def test_a_bad_upload_shows_its_message_once():
    lab = widgets.ResearchLab()
    result = lab.load_file(b"handle;likes\nsomeone;120\n", name="no_followers.csv")
    assert not result.ok
    assert lab._summary.value.count("no_followers.csv") == 1
    assert b"no_followers.csv" not in bytes(lab._image.value)


@pytest.mark.slow  # not in `make test-fast` (the contributor's loop); `make test` runs it
def test_notebook_10_leaves_its_research_lab_usable_after_run_all():
    """Run every code cell of the stored notebook 12 in order, as Run All does, then look at the
    lab the learner plays with."""
    notebook = json.loads((ROOT / "notebooks" / "12_research_lab.ipynb").read_text(encoding="utf-8"))
    namespace: dict[str, Any] = {"display": lambda *args, **kwargs: None}
    for cell in notebook["cells"]:
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        if source.lstrip().startswith(("%", "!")):
            continue
        exec(compile(source, "<notebook 12>", "exec"), namespace)
    lab = namespace["lab"]
    assert isinstance(lab, widgets.ResearchLab)
    assert lab.result.ok, f"the learner's lab ends Run All showing: {lab.result.message}"
    assert "course-lab-message" not in lab._summary.value
