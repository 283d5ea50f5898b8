"""Every lab works on a 1024x768 projector: in JupyterLab (file browser open) and in app mode (Voila).

What a room sees when a trainer moves a control: the control and the figure it changes on screen at
once, figure text large enough to read from the back (at least 12 CSS px as rendered, not as drawn),
sliders with a track to drag, control labels in full, and a summary sentence no larger than the
figure's title.

Every lab of the registry (``apps/<lab>.ipynb``, which a unit test keeps equal to the registry) is
shown by one generated notebook, one lab per cell exactly as its app notebook shows it
(``app_view("<lab>")``), so each mode costs one kernel: JupyterLab runs it at 1024x768 with the file
browser open; Voila renders it with the course's app template (the projector style of ``make app``
applies). Each lab is scrolled to the top of the visible area and measured:

* the first control and the whole figure lie inside the visible area at the same time;
* every text of every figure (an SVG in an ``img``) renders at >= 12 CSS px: its font size in the
  SVG's units times the image's rendered size over its natural size;
* every slider's track is at least 120 px wide; no control label is cut (scrollWidth > clientWidth);
* the summary sentence's font size is at most the figure title's rendered size (the figure's largest
  text).

A screenshot of each lab at 1024x768 is left in test-artifacts/projector/.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from browser_support import ARTIFACTS, REPO, RUN_TIMEOUT_S, PageFactory, Server
from deck import DECK_TOGGLE, FORWARD, stop_deck
from test_jupyterlab import _FINISHED_JS, PANEL, run_all_cells, wait_kernel_ready

pytestmark = pytest.mark.browser

VIEWPORT = {"width": 1024, "height": 768}
MIN_TEXT_PX = 12.0
MIN_TRACK_PX = 120.0
NOTEBOOK = "projector-labs.ipynb"
SHOTS = ARTIFACTS / "projector"


def app_cells() -> list[tuple[str, str]]:
    """(lab name, code) of every app notebook in apps/: the code that shows the lab in app mode."""
    found = []
    for path in sorted((REPO / "apps").glob("*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        (cell,) = [c for c in nb["cells"] if c["cell_type"] == "code"]
        found.append((nb["metadata"]["course_app"]["lab"], "".join(cell["source"])))
    return found


def labs_notebook(cells: list[tuple[str, str]]) -> dict[str, Any]:
    """One notebook showing every lab, one per cell (each a slide, for the slideshow)."""
    return {
        "cells": [
            {
                "cell_type": "code",
                "execution_count": None,
                "id": f"lab-{name}",
                "metadata": {"slideshow": {"slide_type": "slide"}},
                "outputs": [],
                "source": code,
            }
            for name, code in cells
        ],
        "metadata": {
            "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


# Measure the lab `name` as it is on screen now: the visible area is the viewport clipped by the
# element that scrolls the lab (the notebook panel in JupyterLab, the page in Voila).
_MEASURE_JS = """
async ([name]) => {
  const lab = document.querySelector(`.course-lab-${name}`);
  if (!lab) return {missing: true};
  let scroller = lab.parentElement;
  while (scroller && scroller !== document.body) {
    const s = getComputedStyle(scroller);
    if (/(auto|scroll)/.test(s.overflowY) && scroller.scrollHeight > scroller.clientHeight) break;
    scroller = scroller.parentElement;
  }
  const area = scroller && scroller !== document.body
    ? scroller.getBoundingClientRect() : {top: 0, bottom: innerHeight, left: 0, right: innerWidth};
  const view = {top: Math.max(0, area.top), bottom: Math.min(innerHeight, area.bottom),
                left: Math.max(0, area.left), right: Math.min(innerWidth, area.right)};
  const box = r => ({top: Math.round(r.top), bottom: Math.round(r.bottom),
                     left: Math.round(r.left), right: Math.round(r.right)});
  const inside = r => r.top >= view.top - 1 && r.bottom <= view.bottom + 1
                      && r.left >= view.left - 1 && r.right <= view.right + 1 && r.height > 0;
  const controls = [...lab.querySelectorAll('.widget-slider, .widget-dropdown, .widget-checkbox, '
    + '.widget-toggle-buttons, .widget-select, .widget-text, .widget-upload, .widget-button')]
    .filter(c => !c.closest('.course-lab-output') && c.getBoundingClientRect().height > 0);
  const first = controls[0];
  const img = lab.querySelector('.course-lab-output img');
  const figures = [];
  for (const im of lab.querySelectorAll('.course-lab-output img')) {
    const r = im.getBoundingClientRect();
    if (!r.width) continue;
    const text = await (await fetch(im.src)).text();
    const svg = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
    const vb = (svg.getAttribute('viewBox') || '').split(/[ ,]+/).map(Number);
    // object-fit: contain shows the whole image inside its box, at the smaller of the two scales
    const fit = getComputedStyle(im).objectFit;
    const sx = r.width / vb[2], sy = r.height / vb[3];
    const scale = fit === 'contain' || fit === 'scale-down' ? Math.min(sx, sy) : sx;
    const sizes = [...svg.querySelectorAll('text')].map(t => {
      const style = (t.getAttribute('style') || '') + ';' + (t.parentElement.getAttribute('style') || '');
      const m = style.match(/font:[^;]*?([\\d.]+)px/) || style.match(/font-size:\\s*([\\d.]+)/);
      const size = m ? Number(m[1]) : Number(t.getAttribute('font-size') || 0);
      return {size: size * scale, text: t.textContent.trim().slice(0, 40)};
    }).filter(s => s.size > 0 && s.text);
    sizes.sort((a, b) => a.size - b.size);
    figures.push({rect: box(r), scale, smallest: sizes[0] || null,
                  largest: sizes.length ? sizes[sizes.length - 1].size : 0, texts: sizes.length,
                  inside: inside(r)});
  }
  const tracks = [...lab.querySelectorAll('.widget-slider .noUi-target')]
    .filter(t => !t.closest('.course-lab-output'))
    .map(t => ({label: (t.closest('.widget-slider').querySelector('.widget-label') || {}).textContent || '',
                width: Math.round(t.getBoundingClientRect().width)}));
  // a label is cut when the box that clips it (itself, or an inline label's parent) is narrower than
  // its text: ipywidgets ends such a label with an ellipsis ("Count the cost of finding the...")
  const cut = [...lab.querySelectorAll('.widget-label, .widget-label-basic, .widget-label-basic span')]
    .filter(l => !l.closest('.course-lab-output') && l.textContent.trim())
    .map(l => getComputedStyle(l).display === 'inline' ? l.parentElement : l)
    .filter(b => getComputedStyle(b).overflowX !== 'visible' && b.scrollWidth > b.clientWidth + 1)
    .map(b => `${b.textContent.trim()} (${b.scrollWidth} px in ${b.clientWidth})`);
  const summary = lab.querySelector('.course-lab-summary');
  return {
    view: box(view),
    lab: box(lab.getBoundingClientRect()),
    first: first ? {rect: box(first.getBoundingClientRect()), inside: inside(first.getBoundingClientRect()),
                    text: first.innerText.trim().slice(0, 40)} : null,
    figures, tracks, cut,
    summaryPx: summary ? parseFloat(getComputedStyle(summary).fontSize) : 0,
  };
}
"""

# Scroll the lab's top to the top of the visible area (the scrolling ancestor, or the page).
_SCROLL_JS = """
([name]) => {
  const lab = document.querySelector(`.course-lab-${name}`);
  lab.scrollIntoView({block: 'start'});
}
"""


@dataclass
class Shown:
    """A page showing every lab (one kernel), in one mode."""

    mode: str
    page: Any
    names: list[str]


def problems(name: str, m: dict[str, Any]) -> list[str]:
    """What is wrong with lab ``name`` as measured by _MEASURE_JS (empty when it is projector-ready)."""
    found = []
    if m.get("missing"):
        return [f"{name}: not on the page"]
    if not m["figures"]:
        return [f"{name}: no figure shown"]
    if m["first"] is None:
        found.append(f"{name}: no control found")
    elif not (m["first"]["inside"] and all(f["inside"] for f in m["figures"])):
        found.append(
            f"{name}: the first control ({m['first']['text']!r} at {m['first']['rect']}) and the figure "
            f"({[f['rect'] for f in m['figures']]}) are not on screen together (visible area {m['view']}; "
            f"lab {m['lab']['bottom'] - m['lab']['top']} px tall)"
        )
    for f in m["figures"]:
        small = f["smallest"]
        if small and small["size"] < MIN_TEXT_PX - 0.05:
            found.append(
                f"{name}: figure text {small['text']!r} renders at {small['size']:.1f} px "
                f"(< {MIN_TEXT_PX:.0f}; image shown at {f['scale']:.2f}x its SVG units)"
            )
    title = max(f["largest"] for f in m["figures"])
    if m["summaryPx"] > title + 0.05:
        found.append(
            f"{name}: summary at {m['summaryPx']:.1f} px is larger than the figure title ({title:.1f} px)"
        )
    found += [
        f"{name}: slider {t['label']!r} track is {t['width']} px (< {MIN_TRACK_PX:.0f})"
        for t in m["tracks"]
        if t["width"] < MIN_TRACK_PX
    ]
    found += [f"{name}: control label cut: {text}" for text in m["cut"]]
    return found


def check_every_lab(shown: Shown, deck: bool = False) -> None:
    """Measure every lab in turn: scrolled to the top of the visible area, or (``deck``) on its slide,
    the deck then stepping forward to the next."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    failures: list[str] = []
    for i, name in enumerate(shown.names):
        if deck and i:
            shown.page.locator(FORWARD).click()
            shown.page.wait_for_function(
                "([n]) => !!document.querySelector(`.jp-deck-mod-onscreen .course-lab-${n}`)", arg=[name]
            )
        elif not deck:
            shown.page.evaluate(_SCROLL_JS, [name])
        time.sleep(0.2)
        measured = shown.page.evaluate(_MEASURE_JS, [name])
        shown.page.screenshot(path=str(SHOTS / f"{shown.mode}-{name}.png"))
        failures += problems(name, measured)
    assert not failures, f"{shown.mode} at 1024x768:\n" + "\n".join(failures)


@pytest.fixture(scope="module")
def lab_cells(served_root: Path) -> list[tuple[str, str]]:
    cells = app_cells()
    assert cells, "no app notebook in apps/ (run `python tools/app.py --write-apps`)"
    (served_root / NOTEBOOK).write_text(json.dumps(labs_notebook(cells), indent=1), encoding="utf-8")
    return cells


def _wait_figures(page: Any, count: int) -> None:
    page.wait_for_function(
        "([n]) => [...document.querySelectorAll('.course-lab .course-lab-output img')]"
        ".filter(i => i.src && i.naturalWidth > 0).length >= n",
        arg=[count],
        timeout=RUN_TIMEOUT_S * 1000,
    )
    time.sleep(1)  # let the last widget views lay out


@pytest.fixture(scope="module")
def in_jupyterlab(
    lab_cells: list[tuple[str, str]], jupyter_lab: Server, new_page: PageFactory
) -> Iterator[Shown]:
    page = new_page()
    page.set_viewport_size(VIEWPORT)
    try:
        page.goto(jupyter_lab.url(f"lab/tree/{NOTEBOOK}", reset=""))
        page.locator(f"{PANEL} .jp-Notebook").first.wait_for(state="visible", timeout=90_000)
        wait_kernel_ready(page, jupyter_lab, NOTEBOOK)
        if not page.locator("#filebrowser").is_visible():  # the projector case: file browser open
            page.keyboard.press("Control+Shift+F")
        assert page.locator("#filebrowser").is_visible(), "the file browser is not open"
        run_all_cells(page)
        page.wait_for_function(_FINISHED_JS, arg=[[True] * len(lab_cells)], timeout=RUN_TIMEOUT_S * 1000)
        _wait_figures(page, len(lab_cells))
        yield Shown("jupyterlab", page, [name for name, _ in lab_cells])
    finally:
        page.close()
        jupyter_lab.shutdown_sessions(NOTEBOOK)


@pytest.fixture(scope="module")
def in_app_mode(
    lab_cells: list[tuple[str, str]], voila_server: Server, new_page: PageFactory
) -> Iterator[Shown]:
    page = new_page()
    page.set_viewport_size(VIEWPORT)
    try:
        page.goto(voila_server.url(f"voila/render/{NOTEBOOK}"))
        _wait_figures(page, len(lab_cells))
        yield Shown("app", page, [name for name, _ in lab_cells])
    finally:
        page.close()


def test_every_lab_fits_a_1024x768_projector_in_jupyterlab(in_jupyterlab: Shown) -> None:
    check_every_lab(in_jupyterlab)


def test_every_lab_fits_a_1024x768_projector_in_app_mode(in_app_mode: Shown) -> None:
    check_every_lab(in_app_mode)


def test_every_lab_fits_a_1024x768_projector_in_the_slideshow(in_jupyterlab: Shown) -> None:
    """The same notebook presented with jupyterlab-slideshow (Toggle Deck), one lab per slide."""
    page = in_jupyterlab.page
    page.locator(f"{PANEL} .jp-Notebook .jp-Cell").first.click()
    page.locator(DECK_TOGGLE).first.click()
    page.wait_for_function("() => !!document.querySelector('.jp-NotebookPanel.jp-Deck')", timeout=15_000)
    try:
        check_every_lab(Shown("slideshow", page, in_jupyterlab.names), deck=True)
    finally:
        stop_deck(page)
