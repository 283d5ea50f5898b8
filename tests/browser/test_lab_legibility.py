"""What a learner reads on a lab's controls, in JupyterLab and in app mode (Voila), at 1024x768 and 1440x900.

* Every option of the campaign meter's menu (lesson 09) fits the closed menu: the option's text, measured
  with the menu's own font, is no wider than the box that shows it (the menu's width less its padding and
  arrow), and so does every option of the other labs' menus here. A cut option ("CMP00101 · Kestrel
  Athletics x @chl") cannot be told from its neighbours. (test_jupyterlab.py checks every lab's menus in
  every notebook at the browser tests' default size.)
* Every button of the labs and of the quizzes meets WCAG AA contrast (4.5:1 for its text): the ratio of
  its computed text and background colours, and axe-core's ``color-contrast`` rule on each button
  scrolled into view (the copy inside ``axe-playwright-python``, injected: nothing is fetched).
  ipywidgets' own button colours put white text on light cyan, green or orange (2.7-4.1:1); the labs'
  and the quiz's style sheets (``helpers.widgets.base.button_css`` in ``LAB_CSS`` and in the quiz's
  title) darken them.

One generated notebook shows the labs with menus or buttons exactly as their app notebooks do
(``app_view("<lab>")``), a lesson's quiz, and a lab-styled box with one button of every ipywidgets style
(so a style no lab uses yet is covered too). JupyterLab runs it with the file browser open; Voila renders
it with the course's app template. Screenshots: test-artifacts/legibility/.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from browser_support import ARTIFACTS, MENUS_JS, RUN_TIMEOUT_S, PageFactory, Server, run_all_cells
from test_jupyterlab import _FINISHED_JS, PANEL, wait_kernel_ready

pytestmark = pytest.mark.browser

NOTEBOOK = "legibility-labs.ipynb"
SHOTS = ARTIFACTS / "legibility"
VIEWPORTS = {"1024x768": {"width": 1024, "height": 768}, "1440x900": {"width": 1440, "height": 900}}
#: Labs with a menu or a button (app_view names).
LABS = ("campaign-meter", "capstone-planner", "relationship-calendar", "research-lab")
#: The lab whose menu is screenshotted (and must be found).
MENU_LAB = "campaign-meter"
BUTTON_STYLES = ("primary", "success", "info", "warning", "danger")
CELLS = [
    *(f'from helpers.app_links import app_view\n\napp_view("{lab}")' for lab in LABS),
    "from helpers.exercises import lesson03\n\nlesson03.quiz",
    "import ipywidgets as w\n"
    "from helpers.widgets.base import LAB_CSS\n\n"
    f"styles = {BUTTON_STYLES!r}\n"
    "box = w.VBox([w.HTML(f'<style>{LAB_CSS}</style>'),\n"
    "              *(w.Button(description=f'{s} button', button_style=s) for s in styles)])\n"
    "box.add_class('course-lab')\n"
    "box.add_class('course-lab-button-styles')\n"
    "box",
]


def legibility_notebook() -> dict[str, Any]:
    return {
        "cells": [
            {
                "cell_type": "code",
                "execution_count": None,
                "id": f"cell-{i}",
                "metadata": {},
                "outputs": [],
                "source": code,
            }
            for i, code in enumerate(CELLS)
        ],
        "metadata": {
            "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


@dataclass
class Shown:
    mode: str
    page: Any


def _wait_rendered(page: Any) -> None:
    """Every lab's figure and the quiz's and the style box's buttons are drawn."""
    page.wait_for_function(
        "([n]) => [...document.querySelectorAll('.course-lab .course-lab-output img')]"
        ".filter(i => i.src && i.naturalWidth > 0).length >= n"
        " && document.querySelectorAll('.course-quiz button').length > 0"
        " && document.querySelectorAll('.course-lab-button-styles button').length >= 5",
        arg=[len(LABS)],
        timeout=RUN_TIMEOUT_S * 1000,
    )
    time.sleep(1)


@pytest.fixture(scope="module")
def notebook(served_root: Path) -> str:
    (served_root / NOTEBOOK).write_text(json.dumps(legibility_notebook(), indent=1), encoding="utf-8")
    return NOTEBOOK


@pytest.fixture(scope="module")
def in_jupyterlab(notebook: str, jupyter_lab: Server, new_page: PageFactory) -> Iterator[Shown]:
    page = new_page()
    page.set_viewport_size(VIEWPORTS["1024x768"])
    try:
        page.goto(jupyter_lab.url(f"lab/tree/{notebook}", reset=""))
        page.locator(f"{PANEL} .jp-Notebook").first.wait_for(state="visible", timeout=90_000)
        wait_kernel_ready(page, jupyter_lab, notebook)
        if not page.locator("#filebrowser").is_visible():  # as on a projector: the file browser open
            page.keyboard.press("Control+Shift+F")
        run_all_cells(page)
        page.wait_for_function(_FINISHED_JS, arg=[[True] * len(CELLS)], timeout=RUN_TIMEOUT_S * 1000)
        _wait_rendered(page)
        yield Shown("jupyterlab", page)
    finally:
        page.close()
        jupyter_lab.shutdown_sessions(notebook)


@pytest.fixture(scope="module")
def in_app_mode(notebook: str, voila_server: Server, new_page: PageFactory) -> Iterator[Shown]:
    page = new_page()
    page.set_viewport_size(VIEWPORTS["1024x768"])
    try:
        page.goto(voila_server.url(f"voila/render/{notebook}"))
        _wait_rendered(page)
        yield Shown("app", page)
    finally:
        page.close()


@pytest.fixture(params=["jupyterlab", "app"])
def shown(request: pytest.FixtureRequest) -> Shown:
    return request.getfixturevalue("in_jupyterlab" if request.param == "jupyterlab" else "in_app_mode")


def _resize(shown: Shown, size: str) -> None:
    shown.page.set_viewport_size(VIEWPORTS[size])
    time.sleep(0.5)  # let the widgets lay out again


@pytest.mark.parametrize("size", list(VIEWPORTS))
def test_every_menu_option_of_every_lab_is_shown_whole(shown: Shown, size: str) -> None:
    _resize(shown, size)
    menus = shown.page.evaluate(MENUS_JS)
    assert any(m["lab"] == f"course-lab-{MENU_LAB}" for m in menus), f"no campaign menu found: {menus}"
    cut = [
        f"{m['lab']} {m['label']!r} ({m['width']} px wide, {m['room']} px for text): "
        f"{o['text']!r} needs {o['px']} px"
        for m in menus
        for o in m["options"]
        if o["px"] > m["room"]
    ]
    SHOTS.mkdir(parents=True, exist_ok=True)
    shown.page.locator(".course-lab-campaign-meter").scroll_into_view_if_needed()
    shown.page.screenshot(path=str(SHOTS / f"{shown.mode}-{size}-campaign-meter.png"))
    assert not cut, f"{shown.mode} at {size}: menu options cut:\n" + "\n".join(cut)


BUTTONS = ".course-lab button.jupyter-button, .course-quiz button.jupyter-button"
#: WCAG 2 AA: text contrast of at least 4.5:1.
MIN_CONTRAST = 4.5

# Each button's text colour and the colour under it (its own background, else its nearest painted
# ancestor's), as [r, g, b, a] in 0..255 (alpha 0..1), with its text and style.
_BUTTON_COLOURS_JS = """
bs => bs.map(b => {
  const rgba = c => (c.match(/[\\d.]+/g) || []).map(Number).concat([1]).slice(0, 4);
  let e = b, back = [255, 255, 255, 1];
  while (e) {
    const c = rgba(getComputedStyle(e).backgroundColor);
    if (c.length === 4 && c[3] > 0) { back = c; break; }
    e = e.parentElement;
  }
  return {text: b.innerText.trim(), style: [...b.classList].find(c => c.startsWith('mod-')) || 'default',
          fore: rgba(getComputedStyle(b).color), back};
})
"""


def _luminance(rgb: list[float]) -> float:
    """WCAG 2 relative luminance of an sRGB colour (0..255 channels)."""
    linear = [c / 255 / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb[:3]]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(fore: list[float], back: list[float]) -> float:
    """WCAG 2 contrast ratio of text ``fore`` (blended onto ``back`` by its alpha) on ``back``."""
    alpha = fore[3]
    shown = [alpha * f + (1 - alpha) * b for f, b in zip(fore[:3], back[:3], strict=True)]
    light, dark = sorted((_luminance(shown), _luminance(back)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def axe_violations(page: Any) -> list[str]:
    """axe-core's colour-contrast violations on every button of the labs and quizzes, each scrolled into
    view first (axe leaves out what is scrolled out of sight; in JupyterLab it finds no button to check,
    hence the ratio computed from the buttons' colours as well)."""
    from axe_playwright_python.base import AXE_SCRIPT

    page.evaluate(AXE_SCRIPT)
    found: list[str] = []
    buttons = page.locator(BUTTONS)
    for i in range(buttons.count()):
        button = buttons.nth(i)
        button.scroll_into_view_if_needed()
        found += button.evaluate(
            "b => axe.run(b, {runOnly: {type: 'rule', values: ['color-contrast']}, preload: false})"
            ".then(r => r.violations.flatMap(v => v.nodes.map(n =>"
            "   n.html.slice(0, 90) + ': ' + (n.failureSummary || '').replace(/\\n/g, ' ').slice(0, 160))))"
        )
    return found


def test_every_lab_and_quiz_button_meets_aa_contrast(shown: Shown) -> None:
    _resize(shown, "1024x768")
    buttons = shown.page.locator(BUTTONS).evaluate_all(_BUTTON_COLOURS_JS)
    styles = {b["style"] for b in buttons}
    assert {f"mod-{s}" for s in BUTTON_STYLES} <= styles, f"buttons of styles {sorted(styles)} on the page"
    low = [
        f"{b['style']} button {b['text']!r}: {contrast_ratio(b['fore'], b['back']):.2f}:1 "
        f"(text rgba{tuple(b['fore'])} on rgba{tuple(b['back'])})"
        for b in buttons
        if contrast_ratio(b["fore"], b["back"]) < MIN_CONTRAST
    ]
    assert not low, f"{shown.mode}: button text below WCAG AA contrast ({MIN_CONTRAST}:1):\n" + "\n".join(low)
    violations = axe_violations(shown.page)
    assert not violations, f"{shown.mode}: axe-core colour-contrast:\n" + "\n".join(violations)


# Each quiz option: its radio button and where its text's first and last lines are drawn.
_RADIOS_JS = """
() => [...document.querySelectorAll('.course-quiz .widget-radio-box label')]
  .filter(l => l.getBoundingClientRect().width > 0)
  .map(l => {
    const input = l.querySelector('input').getBoundingClientRect();
    // the option's words: its text nodes (the radio button is an element, not measured here)
    const lines = [];
    const walker = document.createTreeWalker(l, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      lines.push(...[...range.getClientRects()].filter(r => r.width > 2));
    }
    const top = Math.min(...lines.map(r => r.top));
    return {text: l.innerText.trim().slice(0, 60), inputTop: input.top, inputBottom: input.bottom,
            inputRight: input.right, textTop: top, textLeft: Math.min(...lines.map(r => r.left))};
  })
"""


@pytest.mark.parametrize("size", list(VIEWPORTS))
def test_a_long_quiz_option_wraps_beside_its_radio_button(shown: Shown, size: str) -> None:
    """A quiz option longer than a line keeps its radio button beside its first line and wraps its text
    in a column to the right (not a first line above the button, the rest beside it)."""
    _resize(shown, size)
    radios = shown.page.evaluate(_RADIOS_JS)
    assert radios, "no quiz options found"
    wrong = [
        f"{r['text']!r}: text at x>={r['textLeft']:.0f}, y>={r['textTop']:.0f}; radio button at "
        f"y={r['inputTop']:.0f}-{r['inputBottom']:.0f}, x<={r['inputRight']:.0f}"
        for r in radios
        if r["textTop"] < r["inputTop"] - 6 or r["textLeft"] < r["inputRight"] - 1
    ]
    SHOTS.mkdir(parents=True, exist_ok=True)
    shown.page.locator(".course-quiz").first.scroll_into_view_if_needed()
    shown.page.screenshot(path=str(SHOTS / f"{shown.mode}-{size}-quiz-options.png"))
    assert not wrong, f"{shown.mode} at {size}: options wrap above their radio button:\n" + "\n".join(wrong)
