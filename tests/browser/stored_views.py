"""A stored notebook shows its labs and quizzes before anyone runs it.

Used by ``test_jupyterlab.py``'s ``test_stored_notebook_shows_its_labs_before_run_all``: the check runs on
the freshly opened page, before that page's Run All (one page per notebook serves every test of it).

The stored notebooks carry the widget state of their build (``metadata.widgets``, written by
``tools/nbtools.py``). JupyterLab renders every widget view from it when the notebook is opened,
so a learner sees each lab's controls and figure (not ``VBox(children=(...``) before Run All.
Nothing is executed here: the notebook is opened and looked at.
"""

from __future__ import annotations

import re
from typing import Any

from browser_support import ARTIFACTS, LabDriver, Notebook

from helpers.widgets.base import DISCONNECTED_MARK_COLOUR

PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
# What a widget view shows when its model is missing: ipywidgets' placeholders or the widget's repr.
UNRENDERED_RE = re.compile(
    r"Loading widget\.\.\.|Error displaying widget|model not found|"
    r"^(VBox|HBox|Box|IntSlider|FloatSlider|Dropdown|HTML|Image)\((children|value|description|layout)=",
    re.MULTILINE,
)


def stored_views(nb: Notebook) -> list[dict[str, Any]]:
    """The widget views in the stored outputs, each with the stored state of its model (or None)."""
    data = nb.load()
    state = data.get("metadata", {}).get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    return [
        {"model_id": view["model_id"], "model": state.get(view["model_id"])}
        for cell in data.get("cells", [])
        for out in cell.get("outputs", [])
        if (view := out.get("data", {}).get(WIDGET_VIEW))
    ]


def _stored_lab_count(views: list[dict[str, Any]]) -> int:
    return sum(1 for v in views if v["model"] and "course-lab" in v["model"]["state"].get("_dom_classes", []))


def _stored_figure_count(nb: Notebook) -> int:
    """Stored Image models with a picture (the labs' figures), shown (not ``display: none``)."""
    state = nb.load().get("metadata", {}).get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    count = 0
    for model in state.values():
        if model["model_name"] != "ImageModel" or not model.get("buffers"):
            continue
        layout = state.get(str(model["state"].get("layout", "")).removeprefix("IPY_MODEL_"), {})
        if layout.get("state", {}).get("display") != "none":
            count += 1
    return count


# Every output area of the notebook: a rendered widget (JupyterLab puts the widget's element
# directly in the output area) or not, and its text.
_OUTPUTS_JS = f"""
() => [...document.querySelectorAll('{PANEL} .jp-OutputArea-output')].map(o => ({{
  widget: !!o.querySelector(':scope > .jupyter-widgets'),
  text: o.innerText.slice(0, 300),
}}))
"""

# The lab's figure: an <img> in its output that the browser decoded (a real picture, not a blank box).
_FIGURE_JS = """
([lab]) => {
  const root = document.querySelector(`[data-browser-test-lab="${lab}"]`);
  const imgs = root ? [...root.querySelectorAll('.course-lab-output img')] : [];
  return imgs.map(img => ({complete: img.complete, w: img.naturalWidth, h: img.naturalHeight,
                           shown: img.getBoundingClientRect().width}));
}
"""


#: ipywidgets' not-connected mark (a broken chain before a view with no kernel yet), as drawn in the course:
#: every one on a stored lab or quiz, in DISCONNECTED_MARK_COLOUR (ipywidgets' own red reads as an error).
_MARKS_JS = """(panel) => [...document.querySelectorAll(panel + ' .jupyter-widgets-disconnected')]
  .filter(el => getComputedStyle(el, '::before').content !== 'none')
  .map(el => ({cls: el.className.slice(0, 80), colour: getComputedStyle(el, '::before').color}))"""
_GREY_MARK = "rgb({}, {}, {})".format(*bytes.fromhex(DISCONNECTED_MARK_COLOUR[1:]))


def check_stored_views(page: Any, notebook: Notebook, labs: LabDriver) -> None:
    """On a page where ``notebook`` was just opened (nothing run): every stored widget view renders,
    every stored lab shows its controls and draws its figure. Fails with an AssertionError."""
    views = stored_views(notebook)
    expected_labs = _stored_lab_count(views)
    page.wait_for_function(
        "([sel, n]) => document.querySelectorAll(sel).length >= n",
        arg=[f"{PANEL} .course-lab", max(expected_labs, 1)],
        timeout=60_000,
    )
    # No cell has run in this session: every prompt shows the stored count or nothing, none [*].
    prompts = page.locator(f"{PANEL} .jp-CodeCell .jp-InputPrompt").all_text_contents()
    assert not any("*" in p for p in prompts), f"a cell ran while the notebook opened: {prompts}"

    # Widgets render one after another: wait (bounded) until every stored view has rendered.
    try:
        page.wait_for_function(
            f"(n) => ({_OUTPUTS_JS})().filter(o => o.widget).length >= n", arg=len(views), timeout=30_000
        )
    except Exception as err:  # playwright TimeoutError: the assertion below says what is missing
        if type(err).__name__ != "TimeoutError":
            raise
    outputs = page.evaluate(_OUTPUTS_JS)
    widgets = [o for o in outputs if o["widget"]]
    assert len(widgets) == len(views), f"{len(views)} stored widget views, JupyterLab renders {len(widgets)}"
    bad = [o["text"] for o in outputs if UNRENDERED_RE.search(o["text"])]
    assert not bad, f"widgets shown as text or placeholders, not rendered: {bad[:3]}"

    found = labs.find(page)
    assert len(found) == expected_labs, f"{expected_labs} stored labs, {len(found)} rendered"
    drawn = 0
    for lab in found:
        assert lab.controls, f"{lab.label} shows no control before Run All:\n{lab.text}"
        labs.wait_filled(page, lab, timeout_ms=30_000)
        figures = page.evaluate(_FIGURE_JS, [lab.index])
        blank = [
            f for f in figures if f["shown"] > 0 and not (f["complete"] and f["w"] > 100 and f["h"] > 50)
        ]
        assert not blank, f"{lab.label} shows a figure that did not draw before Run All: {blank}"
        drawn += sum(1 for f in figures if f["shown"] > 100)
    # Every stored lab figure (an Image model with a value) is drawn on the page.
    assert drawn >= _stored_figure_count(notebook), (
        f"{_stored_figure_count(notebook)} stored lab figures, {drawn} drawn before Run All"
    )
    marks = page.evaluate(_MARKS_JS, PANEL)
    assert marks, "no not-connected mark beside the stored views (notebook 00 explains one: update it)"
    red = [m for m in marks if m["colour"] != _GREY_MARK]
    assert not red, f"{len(red)} of {len(marks)} not-connected marks are not the course's grey: {red[:3]}"
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator(f"{PANEL} .course-lab").first.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / f"stored-widgets-{notebook.id}.png"))
