"""Tables fit the notebook on a 1024x768 screen (a projector): no table is wider than the output
it sits in, so nobody has to scroll a table sideways to read its last columns.

Notebook 05 is opened in JupyterLab at 1024x768 (file browser as JupyterLab opens it), run (Run All),
and every table it shows is measured: the labs' tables (budget planner, discovery) and the tables the
notebook displays through ``helpers.tables``.
"""

from __future__ import annotations

import time
from typing import Any

import pytest
from browser_support import ARTIFACTS, RUN_TIMEOUT_S, PageFactory, Server, course_notebooks
from test_jupyterlab import _FINISHED_JS, PANEL, clear_all_outputs, run_all_cells, wait_kernel_ready

pytestmark = pytest.mark.browser

VIEWPORT = {"width": 1024, "height": 768}
#: The notebook with the widest lab tables (budget planner: money, creators and three intervals).
NOTEBOOK = "05_what_works_strategy_and_discovery.ipynb"

# Each table in the notebook's outputs: how wide it is (scrollWidth) against the element that holds it
# and the output area, and whether an ancestor inside the output scrolls sideways to show it.
_TABLES_JS = f"""
() => [...document.querySelectorAll('{PANEL} .jp-OutputArea-output table.course-table')].map(t => {{
  const out = t.closest('.jp-OutputArea-output');
  let clipped = null;
  for (let el = t.parentElement; el && el !== out.parentElement; el = el.parentElement) {{
    if (el.scrollWidth > el.clientWidth + 1) {{ clipped = el.className || el.tagName; break; }}
  }}
  const head = [...t.querySelectorAll('thead th')].map(th => th.innerText.trim()).slice(0, 4).join(' | ');
  const cols = [...t.querySelectorAll('thead th')].map(th => {{
    const cs = getComputedStyle(th);
    const width = Math.round(th.getBoundingClientRect().width);
    return `${{width}}px ${{cs.whiteSpace}} ${{cs.fontSize}} ${{cs.padding}}`;
  }});
  return {{head, width: t.scrollWidth, parent: t.parentElement.clientWidth,
           right: t.getBoundingClientRect().right, outRight: out.getBoundingClientRect().right,
           lab: !!t.closest('.course-lab'), clipped, cols}};
}})
"""


@pytest.fixture
def wide_page(new_page: PageFactory) -> Any:
    page = new_page()
    page.set_viewport_size(VIEWPORT)
    yield page
    page.close()


def test_every_table_of_a_lab_notebook_fits_at_1024x768(jupyter_lab: Server, wide_page: Any) -> None:
    (notebook,) = [nb for nb in course_notebooks() if nb.path.endswith(NOTEBOOK)]
    page = wide_page
    try:
        page.goto(jupyter_lab.url(f"lab/tree/{notebook.path}", reset=""))
        page.locator(f"{PANEL} .jp-Notebook").first.wait_for(state="visible", timeout=90_000)
        wait_kernel_ready(page, jupyter_lab, notebook.path)
        clear_all_outputs(page)
        must_run = ["".join(c.get("source", "")).strip() != "" for c in notebook.code_cells()]
        run_all_cells(page)
        page.wait_for_function(_FINISHED_JS, arg=[must_run], timeout=RUN_TIMEOUT_S * 1000, polling=250)
        page.wait_for_function(
            f"() => document.querySelectorAll('{PANEL} .course-lab .course-lab-output table').length >= 2",
            timeout=60_000,
        )
        time.sleep(1)  # let the last widget views lay out
        found = page.evaluate(_TABLES_JS)
        assert sum(t["lab"] for t in found) >= 2, f"the labs' tables were not found: {found}"
        assert sum(not t["lab"] for t in found) >= 3, f"the notebook's own tables were not found: {found}"
        wide = [
            t
            for t in found
            if t["width"] > t["parent"] + 1 or t["right"] > t["outRight"] + 1 or t["clipped"] is not None
        ]
        ARTIFACTS.mkdir(exist_ok=True)
        page.locator(
            f"{PANEL} .course-lab-budget-planner .course-lab-output table"
        ).first.scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / "tables-fit-1024.png"))
        assert wide == [], f"tables wider than the notebook at 1024x768 (scroll sideways to read): {wide}"
    finally:
        jupyter_lab.shutdown_sessions(notebook.path)
