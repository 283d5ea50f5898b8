"""Every notebook, opened in a real JupyterLab in Chromium: before anything runs it shows its stored
labs (stored_views.py); Run All Cells works with no error, every widget lab renders its controls,
changing a control changes the lab's output, and every lab responds while the trainer presents the
notebook as a slideshow (deck.py).

Each notebook is opened and run once (module-scoped fixture ``notebook_run``: the stored views are
checked on the freshly opened page, then it runs); the tests below then read the same page. The
notebook is never saved (autosave is off and the server serves a temporary copy anyway).
"""

from __future__ import annotations

import re
import time
import urllib.error
import warnings
from dataclasses import dataclass, field
from typing import Any

import pytest
from browser_support import MENUS_JS, RUN_TIMEOUT_S, LabDriver, Notebook, PageFactory, Server, run_all_cells
from deck import present_and_move_every_lab, slideshow_lab_notebooks, stop_deck
from stored_views import check_stored_views, stored_views

pytestmark = pytest.mark.browser

PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"

# An error output: JupyterLab 4 renders `error` outputs as stderr text, so recognise the traceback.
ERROR_RE = re.compile(
    r"Traceback \(most recent call last\)|^\s*Cell In\[\d*\]|^\s*\w*(Error|Exception|Interrupt)\b.*:",
    re.MULTILINE,
)
# A widget that did not render: ipywidgets' placeholders (anywhere in the outputs) ...
WIDGET_PLACEHOLDER_RE = re.compile(r"Loading widget\.\.\.|Error displaying widget")
# ... or the text/plain fallback of a widget's repr shown instead of the widget.
WIDGET_REPR_RE = re.compile(
    r"^(VBox|HBox|Box|GridBox|Tab|Accordion|Stack|AppLayout|TwoByTwoLayout|GridspecLayout|"
    r"IntSlider|FloatSlider|Dropdown|Output|HTML|Image)\((children|value|description|layout|outputs)=",
    re.MULTILINE,
)

# State of every code cell of the current notebook: prompt and outputs (nested widget outputs too).
_CELLS_JS = f"""
() => [...document.querySelectorAll('{PANEL} .jp-CodeCell')].map((cell, i) => ({{
  prompt: (cell.querySelector('.jp-InputPrompt') || {{textContent: ''}}).textContent.trim(),
  outputs: [...cell.querySelectorAll('.jp-OutputArea-output')]
    .filter(o => !o.querySelector('.jp-OutputArea-output'))
    .map(o => ({{mime: o.getAttribute('data-mime-type'), text: o.innerText.slice(0, 4000)}})),
  allText: [...cell.querySelectorAll('.jp-OutputArea-output')]
    .map(o => o.innerText).join('\\n').slice(0, 4000),
}}))
"""

_STATUS_JS = f"""
() => {{
  const ind = document.querySelector('{PANEL} .jp-Notebook-ExecutionIndicator');
  return ind ? ind.getAttribute('data-status') : null;
}}
"""

# Run All has finished: the kernel is idle, no cell waits ([*]), and either every non-empty code
# cell has an execution count or a cell failed (JupyterLab stops Run All at an error).
_FINISHED_JS = f"""
([expected]) => {{
  const ind = document.querySelector('{PANEL} .jp-Notebook-ExecutionIndicator');
  if (!ind || ind.getAttribute('data-status') !== 'idle') return false;
  const cells = [...document.querySelectorAll('{PANEL} .jp-CodeCell')];
  const prompts = cells.map(c => (c.querySelector('.jp-InputPrompt') || {{textContent: ''}}).textContent);
  if (prompts.some(p => p.includes('*'))) return false;
  const numbered = prompts.map(p => /\\d/.test(p));
  const allRan = expected.every((mustRun, i) => !mustRun || numbered[i]);
  const stderr = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]';
  const failed = [...document.querySelectorAll(`{PANEL} ${{stderr}}`)]
    .some(o => /Traceback \\(most recent call last\\)|Error|Exception/.test(o.innerText));
  return allRan || failed;
}}
"""

_CLEARED_JS = f"""
() => ![...document.querySelectorAll('{PANEL} .jp-CodeCell')].some(c =>
  /\\d/.test((c.querySelector('.jp-InputPrompt') || {{textContent: ''}}).textContent)
  || c.querySelector('.jp-OutputArea-output'))
"""


@dataclass
class NotebookRun:
    notebook: Notebook
    page: Any
    cells: list[dict[str, Any]]
    must_run: list[bool]
    may_raise: list[bool]
    first_lines: list[str]
    seconds: float
    external_requests: list[str] = field(default_factory=list)
    #: What the stored-views check found on the freshly opened page (None: it passed or did not apply).
    stored_problem: str | None = None
    #: Hosts other than 127.0.0.1 the page asked for while it showed the stored notebook.
    stored_external: list[str] = field(default_factory=list)


def wait_kernel_ready(page: Any, server: Server, path: str, timeout_s: float = 90) -> None:
    """The notebook's kernel is started, connected to this page, and idle.

    JupyterLab's execution indicator says "idle" before the session even exists, so the server's
    session list (a websocket connection to the kernel) is checked too.
    """
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            sessions = server.api("GET", "api/sessions")
        except (OSError, urllib.error.URLError):
            sessions = []
        kernel = next((s["kernel"] for s in sessions if s.get("path") == path and s.get("kernel")), None)
        if kernel and kernel.get("connections", 0) >= 1 and page.evaluate(_STATUS_JS) == "idle":
            return
        time.sleep(0.25)
    raise AssertionError(f"the kernel of {path} was not connected and idle after {timeout_s:.0f} s")


def clear_all_outputs(page: Any) -> None:
    """Edit > Clear Outputs of All Cells (in memory only): saved outputs and execution counts
    must not pass for a fresh run, and saved widget views would not find their models."""
    page.get_by_role("menuitem", name="Edit", exact=True).click()
    page.get_by_role("menuitem", name="Clear Outputs of All Cells", exact=True).click()
    page.wait_for_function(_CLEARED_JS, timeout=15_000)


@pytest.fixture(scope="module")
def notebook_run(
    course_notebook: Notebook, jupyter_lab: Server, new_page: PageFactory, request: pytest.FixtureRequest
) -> NotebookRun:
    code_cells = course_notebook.code_cells()
    must_run = ["".join(c.get("source", "")).strip() != "" for c in code_cells]
    may_raise = ["raises-exception" in c.get("metadata", {}).get("tags", []) for c in code_cells]
    first_lines = [("".join(c.get("source", "")).strip().splitlines() or [""])[0][:60] for c in code_cells]
    page = new_page()
    # Finalizers (not try/finally) keep the page open until after the setup report, so a failure
    # while running the notebook still gets its screenshot.
    request.addfinalizer(lambda: jupyter_lab.shutdown_sessions(course_notebook.path))
    request.addfinalizer(page.close)
    seen_external = len(new_page.external_requests)

    page.goto(jupyter_lab.url(f"lab/tree/{course_notebook.path}", reset=""))
    page.locator(f"{PANEL} .jp-Notebook").first.wait_for(state="visible", timeout=90_000)
    stop_deck(page)  # jupyterlab-slideshow keeps "presenting" in the user's settings
    stored_problem = None
    if stored_views(course_notebook):
        try:
            check_stored_views(page, course_notebook, LabDriver())
        except AssertionError as err:
            stored_problem = str(err)
    stored_external = new_page.external_requests[seen_external:]
    wait_kernel_ready(page, jupyter_lab, course_notebook.path)
    clear_all_outputs(page)
    start = time.monotonic()
    run_all_cells(page)
    try:
        page.wait_for_function(_FINISHED_JS, arg=[must_run], timeout=RUN_TIMEOUT_S * 1000, polling=250)
    except Exception as err:
        if type(err).__name__ != "TimeoutError":
            raise
        prompts = [cell["prompt"] for cell in page.evaluate(_CELLS_JS)]
        raise AssertionError(
            f"Run All Cells of {course_notebook.path} did not finish in {RUN_TIMEOUT_S:.0f} s "
            f"(BROWSER_TEST_RUN_TIMEOUT_S); kernel {page.evaluate(_STATUS_JS)!r}, code prompts {prompts}"
        ) from None
    seconds = time.monotonic() - start
    # Widgets render asynchronously after their output arrives: give "Loading widget..." time to go.
    try:
        page.wait_for_function(
            f"() => ![...document.querySelectorAll('{PANEL} .jp-OutputArea-output')]"
            ".some(o => o.innerText.includes('Loading widget...'))",
            timeout=30_000,
        )
    except Exception as err:
        if type(err).__name__ != "TimeoutError":
            raise
    cells = page.evaluate(_CELLS_JS)
    assert len(cells) == len(code_cells), (
        f"JupyterLab shows {len(cells)} code cells, the file has {len(code_cells)}"
    )
    return NotebookRun(
        course_notebook,
        page,
        cells,
        must_run,
        may_raise,
        first_lines,
        seconds,
        new_page.external_requests[seen_external:],
        stored_problem,
        stored_external,
    )


def _last_lines(text: str, n: int = 12) -> str:
    return "\n".join(text.strip().splitlines()[-n:])


def test_stored_notebook_shows_its_labs_before_run_all(notebook_run: NotebookRun) -> None:
    """Before anyone runs it, the notebook shows every stored lab and quiz (not ``VBox(...)``)."""
    if not stored_views(notebook_run.notebook):
        pytest.skip(f"{notebook_run.notebook.path} stores no widget view")
    assert notebook_run.stored_problem is None, f"{notebook_run.notebook.path}: {notebook_run.stored_problem}"
    assert not notebook_run.stored_external, (
        f"the stored notebook asked other hosts for: {notebook_run.stored_external[:5]}"
    )


def test_notebook_runs_all_cells_without_errors(notebook_run: NotebookRun) -> None:
    problems = []
    for i, cell in enumerate(notebook_run.cells):
        where = f"code cell {i + 1} {cell['prompt']} ({notebook_run.first_lines[i]!r})"
        for out in cell["outputs"]:
            if out["mime"] == "application/vnd.jupyter.stderr" and ERROR_RE.search(out["text"]):
                if not notebook_run.may_raise[i]:
                    problems.append(f"{where} shows an error:\n{_last_lines(out['text'])}")
            elif out["mime"] == "application/vnd.jupyter.stderr":
                warnings.warn(
                    f"{notebook_run.notebook.path}: {where} writes to stderr: {out['text'][:300]}",
                    UserWarning,
                    stacklevel=1,
                )
            elif out["mime"] == "text/plain" and WIDGET_REPR_RE.search(out["text"]):
                problems.append(f"{where}: a widget shows as text, not rendered:\n{_last_lines(out['text'])}")
        if WIDGET_PLACEHOLDER_RE.search(cell["allText"]):
            problems.append(f"{where}: a widget did not render:\n{_last_lines(cell['allText'])}")
    not_run = [
        f"{i + 1} ({notebook_run.first_lines[i]!r})"
        for i, cell in enumerate(notebook_run.cells)
        if notebook_run.must_run[i] and not re.search(r"\d", cell["prompt"])
    ]
    if not_run:
        problems.append(
            f"Run All Cells did not execute code cell(s) {', '.join(not_run)}: it stops at the first error "
            "(tag a cell `raises-exception` if its error is intended)"
        )
    assert not problems, f"{notebook_run.notebook.path}:\n\n" + "\n\n".join(problems)
    if notebook_run.external_requests:
        warnings.warn(
            f"{notebook_run.notebook.path} tried to reach the network: {notebook_run.external_requests[:5]}",
            UserWarning,
            stacklevel=1,
        )


def test_every_lab_renders_its_controls(notebook_run: NotebookRun, labs: LabDriver) -> None:
    found = labs.find(notebook_run.page)
    if not found:
        pytest.skip(f"{notebook_run.notebook.path} shows no .course-lab")
    problems = []
    for lab in found:
        if lab.name is None:
            problems.append(f"{lab.label} lacks its course-lab-<name> class")
        if not lab.controls:
            problems.append(f"{lab.label} shows no control a learner can change:\n{lab.text}")
        if lab.outputs == 0:
            problems.append(f"{lab.label} has no .course-lab-output element")
        if WIDGET_PLACEHOLDER_RE.search(lab.text):
            problems.append(f"{lab.label} did not render:\n{lab.text}")
    assert not problems, f"{notebook_run.notebook.path}:\n" + "\n".join(problems)


def test_every_menu_option_of_every_lab_is_shown_whole(notebook_run: NotebookRun) -> None:
    """A cut option ("@lucia_runs, Insta") cannot be told from its neighbours: each option's text, in the
    menu's font, fits the closed menu (at the browser tests' 1280x900, file browser as JupyterLab opens)."""
    menus = notebook_run.page.evaluate(MENUS_JS)
    if not menus:
        pytest.skip(f"{notebook_run.notebook.path} shows no lab menu")
    cut = [
        f"{m['lab']} {m['label']!r} ({m['room']} px for text): {o['text']!r} needs {o['px']} px"
        for m in menus
        for o in m["options"]
        if o["px"] > m["room"]
    ]
    assert not cut, f"{notebook_run.notebook.path}: menu options cut:\n" + "\n".join(cut)


def test_changing_a_control_changes_lab_output(notebook_run: NotebookRun, labs: LabDriver) -> None:
    found = [lab for lab in labs.find(notebook_run.page) if lab.controls and lab.outputs]
    if not found:
        pytest.skip(f"{notebook_run.notebook.path} shows no .course-lab with controls and an output")
    failures = []
    for lab in found:
        try:
            labs.change_and_wait(notebook_run.page, lab)
        except AssertionError as err:
            failures.append(str(err))
    assert not failures, f"{notebook_run.notebook.path}:\n" + "\n".join(failures)


SLIDESHOW_NOTEBOOKS = {nb.path for nb in slideshow_lab_notebooks()}


def test_every_lab_responds_during_the_slideshow(notebook_run: NotebookRun, labs: LabDriver) -> None:
    """After Run All, as the trainer guide says: Toggle Deck at the title, step through every slide
    (Space), and every lab responds to a control while the deck is presenting."""
    if notebook_run.notebook.path not in SLIDESHOW_NOTEBOOKS:
        pytest.skip(f"{notebook_run.notebook.path} shows no lab to present")
    present_and_move_every_lab(notebook_run.page, notebook_run.notebook, labs)


# --------------------------------------------------------------------------------------------
# Static figures: every text at least 12 CSS px as shown (plots.show stores each PNG's smallest text)
# --------------------------------------------------------------------------------------------

MIN_FIGURE_TEXT_PX = 12.0

_STATIC_FIGURES_JS = f"""
() => [...document.querySelectorAll('{PANEL} .jp-RenderedImage img')]
  .filter(img => !img.closest('.course-lab') && img.naturalWidth > 0)
  .map(img => ({{src: img.src, natural: img.naturalWidth,
                 shown: img.getBoundingClientRect().width}}))
"""


def png_text_and_dpi(png: bytes) -> tuple[dict[str, str], float]:
    """A PNG's text chunks (tEXt, iTXt) by keyword, and its resolution in dots per inch (pHYs; 72 if none)."""
    texts: dict[str, str] = {}
    dpi, pos = 72.0, 8
    while pos + 8 <= len(png):
        length = int.from_bytes(png[pos : pos + 4], "big")
        kind, payload = png[pos + 4 : pos + 8], png[pos + 8 : pos + 8 + length]
        if kind == b"tEXt":
            key, _, value = payload.partition(b"\x00")
            texts[key.decode("latin-1")] = value.decode("latin-1")
        elif kind == b"iTXt":
            key, _, rest = payload.partition(b"\x00")
            texts[key.decode("latin-1")] = rest[2:].split(b"\x00", 2)[-1].decode("utf-8")
        elif kind == b"pHYs" and payload[8:9] == b"\x01":  # pixels per metre
            dpi = int.from_bytes(payload[:4], "big") * 0.0254
        pos += 12 + length
    return texts, dpi


def static_figure_problems(page: Any, where: str) -> list[str]:
    """Static figures whose smallest text renders under 12 CSS px on ``page`` as laid out now."""
    import base64
    import json

    problems = []
    for i, figure in enumerate(page.evaluate(_STATIC_FIGURES_JS)):
        header, _, data = figure["src"].partition(",")
        if not header.endswith(";base64"):
            problems.append(f"{where}: figure {i + 1} is not an inline PNG ({header[:40]})")
            continue
        texts, dpi = png_text_and_dpi(base64.b64decode(data))
        if "Smallest text" not in texts:
            problems.append(
                f"{where}: figure {i + 1} was not shown by helpers.plots.show (no 'Smallest text')"
            )
            continue
        smallest = json.loads(texts["Smallest text"])
        px = smallest["pt"] * dpi / 72 * min(1.0, figure["shown"] / figure["natural"])
        if px < MIN_FIGURE_TEXT_PX - 0.05:
            problems.append(
                f"{where}: figure {i + 1} ({figure['natural']} px wide, shown at {figure['shown']:.0f}) "
                f"shows {smallest['text']!r} at {px:.1f} px ({smallest['pt']} pt)"
            )
    return problems


def _file_browser(page: Any, shown: bool) -> None:
    if page.locator("#filebrowser").is_visible() != shown:
        page.keyboard.press("Control+Shift+F" if shown else "Control+b")
        page.wait_for_function(
            "([shown]) => !!document.querySelector('#filebrowser')?.checkVisibility() === shown", arg=[shown]
        )
        time.sleep(0.5)  # let the notebook lay out again


def test_static_figure_text_is_at_least_12px(notebook_run: NotebookRun) -> None:
    """What a room reads on a projector: every static figure at 1024x768 with the file browser open (what
    a learner sees first) and closed, and at 1440x900 with it open."""
    page = notebook_run.page
    if not page.evaluate(_STATIC_FIGURES_JS):
        pytest.skip(f"{notebook_run.notebook.path} shows no static figure")
    before, browser_open = page.viewport_size, page.locator("#filebrowser").is_visible()
    problems = []
    try:
        for size, browser in (
            ({"width": 1024, "height": 768}, True),
            ({"width": 1024, "height": 768}, False),
            ({"width": 1440, "height": 900}, True),
        ):
            page.set_viewport_size(size)
            _file_browser(page, browser)
            where = f"{size['width']}x{size['height']}, file browser {'open' if browser else 'closed'}"
            problems += static_figure_problems(page, where)
    finally:
        page.set_viewport_size(before)
        _file_browser(page, browser_open)
    assert not problems, f"{notebook_run.notebook.path}: figure text under 12 px:\n" + "\n".join(problems)
