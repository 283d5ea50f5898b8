"""The live slideshow: a trainer presents a lesson and every lab on its slides responds.

Used by ``test_jupyterlab.py``'s ``test_every_lab_responds_during_the_slideshow`` on the page where the
notebook has just been run (one Run All per notebook serves every JupyterLab test of it).

The course presents with jupyterlab-slideshow (the notebook toolbar's "Toggle Deck" button,
command ``deck:toggle``): the slides are the notebook itself, so a lab keeps JupyterLab's widget
manager and its kernel. (RISE's ``/rise/`` page does not render ipywidgets 8 labs: it shows
``VBox(children=(...`` and fails with "Exception opening new comm".)

The trainer's steps, as the trainer guide gives them: open the notebook, Run All, click the title,
Toggle Deck, then step through every slide, subslide and fragment (as Space does). On every slide
that shows a lab, the test changes a control as the trainer would and waits for the lab's output
(summary sentence and figure) to change, *while the deck is presenting*.
"""

from __future__ import annotations

import contextlib
from typing import Any

from browser_support import ARTIFACTS, LabDriver, Notebook, course_notebooks

PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
DECK_TOGGLE = f'{PANEL} .jp-Toolbar [data-command="deck:toggle"]'
# The next step, as Space takes it: down into a subslide or fragment when there is one, else forward
# to the next slide (the forward arrow alone skips a slide's subslides).
DOWN = ".jp-Deck-Remote .jp-deck-mod-direction-down"
FORWARD = ".jp-Deck-Remote .jp-deck-mod-direction-forward"
MAX_STEPS = 200

# The deck's state: presenting or not, and the labs on the current slide (marked by LabDriver.find).
_DECK_JS = """
() => ({
  presenting: !!document.querySelector('.jp-NotebookPanel.jp-Deck'),
  onscreen: [...document.querySelectorAll('[data-browser-test-lab]')]
    .filter(lab => lab.closest('.jp-deck-mod-onscreen.jp-deck-mod-visible'))
    .map(lab => Number(lab.getAttribute('data-browser-test-lab'))),
  forward: !!document.querySelector('.jp-Deck-Remote .jp-deck-mod-direction-forward:not(.jp-mod-disabled)'),
  down: !!document.querySelector('.jp-Deck-Remote .jp-deck-mod-direction-down:not(.jp-mod-disabled)'),
  // where the deck is: the active cell (each step forward moves it; a step onto a cell that is
  // already on screen changes nothing else)
  step: [...document.querySelectorAll('.jp-NotebookPanel.jp-Deck .jp-Notebook .jp-Cell')]
    .findIndex(c => c.classList.contains('jp-mod-active')),
})
"""


def slideshow_lab_notebooks() -> list[Notebook]:
    """Every course notebook that shows a helpers.widgets lab."""
    return [nb for nb in course_notebooks() if nb.mentions_a_lab()]


def stop_deck(page: Any) -> None:
    """Leave presentation mode (the deck's stop button). jupyterlab-slideshow keeps "presenting" in
    the user's settings, so a page opened after a slideshow starts in the deck, menus hidden."""
    if page.evaluate("() => !!document.querySelector('.jp-NotebookPanel.jp-Deck')"):
        page.locator(".jp-Deck-Remote .jp-deck-mod-stop").first.click()
        page.wait_for_function("() => !document.querySelector('.jp-NotebookPanel.jp-Deck')", timeout=15_000)


def present_and_move_every_lab(page: Any, notebook: Notebook, labs: LabDriver) -> None:
    """On a page where ``notebook`` has run: start the deck at the title, step through every slide,
    subslide and fragment, and change a control of every lab on its slide while presenting; then stop.
    Fails (AssertionError) when a lab is never on a slide, does not respond, or the menus stay hidden."""
    try:
        page.wait_for_function("() => document.querySelectorAll('.course-lab').length > 0", timeout=30_000)
        expected = len(labs.find(page))

        # Start the slideshow at the title, as a trainer does.
        page.locator(f"{PANEL} .jp-Notebook .jp-Cell").first.click()
        page.locator(DECK_TOGGLE).first.click()
        page.wait_for_function("() => !!document.querySelector('.jp-NotebookPanel.jp-Deck')", timeout=15_000)

        moved: dict[int, str] = {}
        steps: list[int] = []
        for _step in range(MAX_STEPS):
            labs.find(page)  # (re)marks labs and their controls; the indices are stable on one page
            deck = page.evaluate(_DECK_JS)
            assert deck["presenting"], "the deck stopped presenting while walking through the slides"
            steps.append(deck["step"])
            for index in deck["onscreen"]:
                if index in moved:
                    continue
                lab = labs.find(page)[index]
                assert lab.controls, f"{lab.label} shows no control on its slide:\n{lab.text}"
                action, _tried = labs.change_and_wait(page, lab)
                moved[index] = action
                if len(moved) == 1:
                    ARTIFACTS.mkdir(exist_ok=True)
                    page.screenshot(path=str(ARTIFACTS / f"slideshow-{notebook.id}.png"))
            if not deck["forward"] and not deck["down"]:
                break
            page.locator(DOWN if deck["down"] else FORWARD).click()
            page.wait_for_function(
                f"(before) => ({_DECK_JS})().step !== before", arg=deck["step"], timeout=10_000
            )
        assert expected and len(moved) == expected, (
            f"{expected} labs in {notebook.path}, {len(moved)} shown and moved on a slide ({moved}); "
            f"deck steps (active cell): {steps}"
        )
        stop_deck(page)
        assert page.get_by_role("menuitem", name="Edit", exact=True).is_visible(), (
            "the menus did not come back"
        )
    finally:
        with contextlib.suppress(Exception):  # leave no deck on for the next test, even after a failure
            stop_deck(page)
