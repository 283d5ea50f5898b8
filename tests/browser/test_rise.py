"""A notebook renders as a RISE (reveal.js) slideshow in Chromium.

jupyterlab-rise 0.43 serves a standalone presenter at ``/rise/<path>`` on the JupyterLab server
(the "Render as slideshow" / ``RISE:slideshow`` command opens the same URL). Cells whose
``metadata.slideshow.slide_type`` is ``slide`` / ``subslide`` start a new reveal.js section.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from browser_support import Notebook, Server

pytestmark = pytest.mark.browser

SECTIONS = ".reveal .slides section"


def _first_heading(nb: Notebook) -> str | None:
    for cell in nb.load().get("cells", []):
        if cell.get("cell_type") == "markdown":
            match = re.search(r"^#+\s+(.+)$", "".join(cell.get("source", "")), re.MULTILINE)
            if match:
                return match.group(1).strip()
    return None


def test_notebook_renders_as_rise_slideshow(
    slideshow_notebook: Notebook, jupyter_lab: Server, page: Any
) -> None:
    expected = slideshow_notebook.slide_count()
    try:
        page.goto(jupyter_lab.url(f"rise/{slideshow_notebook.path}"))
        page.wait_for_function(
            "([sel, n]) => document.querySelectorAll(sel).length >= n",
            arg=[SECTIONS, min(expected, 2)],
            timeout=90_000,
        )
        sections = page.locator(SECTIONS).count()
        assert sections >= 2, f"expected a slideshow with >= 2 sections, found {sections}"
        assert sections >= expected, (
            f"{expected} slide/subslide cells, but only {sections} reveal.js sections"
        )

        # The first slide is shown and carries the notebook's first heading.
        present = page.locator(".reveal .slides > section.present").first
        present.wait_for(state="visible")
        heading = _first_heading(slideshow_notebook)
        if heading:
            assert heading[:40] in page.locator(".reveal .slides").inner_text()

        # Moving on works: the next-slide control switches the present section.
        first_index = page.evaluate(
            "() => [...document.querySelectorAll('.reveal .slides > section')]"
            ".findIndex(s => s.classList.contains('present'))"
        )
        page.locator(".reveal .controls .navigate-right").click()
        page.wait_for_function(
            "(first) => [...document.querySelectorAll('.reveal .slides > section')]"
            ".findIndex(s => s.classList.contains('present')) > first"
            " || !!document.querySelector("
            "'.reveal .slides > section.present > section.present:not(:first-child)')",
            arg=first_index,
            timeout=15_000,
        )
    finally:
        jupyter_lab.shutdown_sessions(slideshow_notebook.path)
