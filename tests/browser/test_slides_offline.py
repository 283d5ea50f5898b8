"""The static decks of ``make slides`` present offline in Chromium, opened from file:// URLs.

Every course notebook is built into a temporary folder by tools/slides.py (never ``_slides/``).
Each page aborts and records every request that is not a file:// (or data:/about:) URL, so a
deck that still reached for a CDN fails here even on a machine that is online. A failing test
leaves a screenshot in test-artifacts/ (conftest.py).
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import OPEN_PAGES, REPO

pytestmark = pytest.mark.browser

_spec = importlib.util.spec_from_file_location("course_slides_tool_browser", REPO / "tools" / "slides.py")
assert _spec is not None and _spec.loader is not None
slides = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = slides
_spec.loader.exec_module(slides)

LOCAL_SCHEMES = ("file:", "data:", "about:", "blob:")
STEMS = [p.stem for p in sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))]

# "h/v/f": reveal.js's current position (horizontal, vertical, fragment).
_POSITION_JS = "() => { const i = Reveal.getIndices(); return `${i.h}/${i.v}/${i.f}`; }"


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every course notebook's deck, built once into a temporary folder."""
    out = tmp_path_factory.mktemp("offline-slides") / "decks"
    slides.build((), out_dir=out, cache_dir=slides.DEFAULT_CACHE)
    return out


@pytest.fixture
def offline_page(browser: Any) -> Iterator[tuple[Any, list[str]]]:
    """A page in its own context where every non-file request (popups too) is aborted and recorded."""
    attempted: list[str] = []

    def record(request: Any) -> None:
        if not request.url.startswith(LOCAL_SCHEMES):
            attempted.append(request.url)

    def route(route: Any) -> None:
        if route.request.url.startswith(LOCAL_SCHEMES):
            route.continue_()
        else:
            attempted.append(route.request.url)
            route.abort()

    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="en-US")
    context.set_default_timeout(30_000)
    context.route("**/*", route)
    context.on("request", record)
    page = context.new_page()
    OPEN_PAGES.append(page)  # screenshotted to test-artifacts/ if the test fails
    yield page, attempted
    if page in OPEN_PAGES:
        OPEN_PAGES.remove(page)
    context.close()


def _open(page: Any, path: Path) -> None:
    page.goto(path.as_uri())
    page.wait_for_function("() => window.Reveal && Reveal.isReady()", timeout=30_000)


@pytest.mark.parametrize("stem", STEMS)
def test_deck_presents_from_file_url_without_network(
    decks: Path, offline_page: tuple[Any, list[str]], stem: str
) -> None:
    page, attempted = offline_page
    _open(page, decks / f"{stem}.slides.html")

    total = page.evaluate("() => Reveal.getTotalSlides()")
    assert total > 1, f"{stem}: reveal.js counts {total} slide(s)"
    assert total == slides.count_slides(REPO / "notebooks" / f"{stem}.ipynb")
    page.locator(".reveal .slides > section.present h1").first.wait_for(state="visible")

    before = page.evaluate(_POSITION_JS)
    page.keyboard.press("ArrowRight")
    page.wait_for_function(f"(before) => ({_POSITION_JS})() !== before", arg=before, timeout=10_000)
    for _ in range(10):  # the on-screen "next" control, through any fragments, to the second slide
        if page.evaluate("() => Reveal.getIndices().h") >= 1:
            break
        page.locator(".reveal .controls .navigate-right.enabled").first.click()
    assert page.evaluate("() => Reveal.getIndices().h") >= 1, f"{stem}: the next control did not move on"

    # Fonts and stylesheets are loaded by the time Reveal is ready; give late loads a moment too.
    page.wait_for_timeout(300)
    assert not attempted, f"{stem} tried to reach the network: {sorted(set(attempted))[:10]}"


def test_speaker_notes_window_opens_offline_and_shows_the_trainer_notes(
    decks: Path, offline_page: tuple[Any, list[str]]
) -> None:
    page, attempted = offline_page
    _open(page, decks / f"{STEMS[0]}.slides.html")
    with page.expect_popup() as popup:
        page.keyboard.press("s")
    speaker = popup.value
    try:
        speaker.wait_for_function(
            "() => (document.querySelector('.speaker-controls-notes') || {})"
            ".innerText?.includes('Trainer notes')",
            timeout=15_000,
        )
        # the whole note, unfolded: no closed <details> left for the presenter to open mid-talk
        notes = speaker.evaluate(
            "() => { const n = document.querySelector('.speaker-controls-notes');"
            " return {closed: !!n.querySelector('details:not([open])'),"
            " words: n.innerText.split(/\\s+/).length}; }"
        )
        assert not notes["closed"] and notes["words"] > 12, notes
    finally:
        speaker.close()
    assert not attempted, f"the speaker view tried to reach the network: {sorted(set(attempted))[:10]}"


def test_index_page_links_open_decks_offline(decks: Path, offline_page: tuple[Any, list[str]]) -> None:
    page, attempted = offline_page
    page.goto((decks / "index.html").as_uri())
    links = page.locator("main li a")
    assert links.count() == len(STEMS)
    links.nth(1).click()
    page.wait_for_function("() => window.Reveal && Reveal.isReady()", timeout=30_000)
    assert page.url.endswith(f"{STEMS[1]}.slides.html") or f"{STEMS[1]}.slides.html#" in page.url
    assert not attempted, f"tried to reach the network: {sorted(set(attempted))[:10]}"
