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
# "h/v": index of the present top-level section and of the present section inside it.
_POSITION_JS = """() => {
  const top = [...document.querySelectorAll('.reveal .slides > section')];
  const h = top.findIndex(s => s.classList.contains('present'));
  const inner = h >= 0 ? [...top[h].querySelectorAll(':scope > section')] : [];
  return `${h}/${inner.findIndex(s => s.classList.contains('present'))}`;
}"""


def _first_heading(nb: Notebook) -> str | None:
    for cell in nb.load().get("cells", []):
        hidden = cell.get("metadata", {}).get("slideshow", {}).get("slide_type") in ("skip", "notes")
        if cell.get("cell_type") == "markdown" and not hidden:
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

        # A slide is shown, and the slides carry the notebook's first heading (compared as DOM text:
        # the theme may upper-case headings with CSS).
        page.locator(".reveal .slides > section.present").first.wait_for(state="visible")
        heading = _first_heading(slideshow_notebook)
        if heading:
            shown = page.locator(".reveal .slides").text_content() or ""
            assert heading[:40].lower() in shown.lower(), f"the slides lack {heading!r}: {shown[:300]!r}"

        # Moving on works: reveal.js's next control (right, or down into a subslide) changes the slide.
        before = page.evaluate(_POSITION_JS)
        page.locator(
            ".reveal .controls .navigate-right.enabled, .reveal .controls .navigate-down.enabled"
        ).first.click()
        page.wait_for_function(f"(before) => ({_POSITION_JS})() !== before", arg=before, timeout=15_000)
    finally:
        jupyter_lab.shutdown_sessions(slideshow_notebook.path)
