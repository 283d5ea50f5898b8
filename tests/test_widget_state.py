"""Stored notebooks carry the widget state of their build, so their labs show before anyone runs them.

``tools/nbtools.py`` keeps nbclient's record of the widget models (``metadata.widgets``), prunes it
to the models the stored views need, and renames their random ids to stable ones. The browser
test ``tests/browser/test_jupyterlab.py`` (with ``stored_views.py``) checks that JupyterLab renders them.
"""

from __future__ import annotations

import importlib.util
import json
import re
import uuid
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
STATE = "application/vnd.jupyter.widget-state+json"
VIEW = "application/vnd.jupyter.widget-view+json"


def _nbtools():
    spec = importlib.util.spec_from_file_location("nbtools_for_tests", ROOT / "tools" / "nbtools.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


nbtools = _nbtools()


def _model(name: str, **state) -> dict:
    return {
        "model_name": name,
        "model_module": "@jupyter-widgets/controls",
        "model_module_version": "2.0.0",
        "state": {"_model_name": name, **state},
    }


def _executed(ids: dict[str, str]) -> nbformat.NotebookNode:
    """A notebook as nbclient leaves it: a VBox(slider) view, a closed model nothing shows."""
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("lab")
    cell.id = "lab-cell"
    cell.outputs = [
        nbformat.v4.new_output(
            "display_data",
            data={
                "text/plain": "VBox(...)",
                VIEW: {"model_id": ids["box"], "version_major": 2, "version_minor": 0},
            },
        )
    ]
    nb.cells = [cell]
    nb.metadata["widgets"] = {
        STATE: {
            "version_major": 2,
            "version_minor": 0,
            "state": {
                ids["closed"]: _model("HTMLModel", value="gone"),
                ids["slider"]: _model("IntSliderModel", value=3, layout=f"IPY_MODEL_{ids['layout']}"),
                ids["layout"]: _model("LayoutModel"),
                ids["box"]: _model("VBoxModel", children=[f"IPY_MODEL_{ids['slider']}"]),
            },
        }
    }
    return nb


def _random_ids() -> dict[str, str]:
    return {k: uuid.uuid4().hex for k in ("box", "slider", "layout", "closed")}


def test_two_builds_with_random_model_ids_store_the_same_notebook():
    first = nbtools.stable_widget_state(_executed(_random_ids()), "05_x")
    second = nbtools.stable_widget_state(_executed(_random_ids()), "05_x")
    assert nbformat.writes(first) == nbformat.writes(second)


def test_kept_models_are_the_shown_ones_and_what_they_refer_to_with_references_renamed():
    ids = _random_ids()
    nb = nbtools.stable_widget_state(_executed(ids), "05_x")
    state = nb.metadata.widgets[STATE]["state"]
    names = sorted(m["model_name"] for m in state.values())
    assert names == ["IntSliderModel", "LayoutModel", "VBoxModel"], (
        "the closed model nothing shows is dropped"
    )
    text = json.dumps(nb)
    assert not any(old in text for old in ids.values()), "an old random id survived"
    view = nb.cells[0].outputs[0].data[VIEW]["model_id"]
    box = state[view]
    slider = state[box["state"]["children"][0].removeprefix("IPY_MODEL_")]
    assert slider["state"]["value"] == 3
    assert slider["state"]["layout"].removeprefix("IPY_MODEL_") in state


def test_a_notebook_without_widgets_keeps_no_widget_metadata():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("1 + 1")]
    nb.metadata["widgets"] = {STATE: {"version_major": 2, "version_minor": 0, "state": {}}}
    assert "widgets" not in nbtools.stable_widget_state(nb, "00_x").metadata


def test_cell_ids_do_not_change_between_builds():
    def cell_ids() -> list[str]:
        nb = nbtools.NB("05_x").md("# Title").code("1 + 1").notebook()
        return [c.id for c in nb.cells]

    assert cell_ids() == cell_ids()
    assert len(set(cell_ids())) == len(cell_ids())


STORED = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", STORED, ids=[p.stem[:2] for p in STORED])
def test_every_stored_widget_view_has_its_model_stored(path: Path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    state = nb.get("metadata", {}).get("widgets", {}).get(STATE, {}).get("state", {})
    views = [
        out["data"][VIEW]["model_id"]
        for cell in nb["cells"]
        for out in cell.get("outputs", [])
        if VIEW in out.get("data", {})
    ]
    missing = [v for v in views if v not in state]
    assert not missing, (
        f"{path.name} shows {len(missing)} widget(s) whose state is not stored: they read "
        "'VBox(children=...' until the notebook runs. Rebuild it: .venv/bin/python tools/nbtools.py "
        + path.stem[:2]
    )
    refs = set(re.findall(r"IPY_MODEL_([0-9a-f]{32})", json.dumps(state)))
    assert refs <= set(state), f"{path.name}: stored widgets refer to models that are not stored"
