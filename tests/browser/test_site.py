"""The course website (``make site``) read in Chromium, served from 127.0.0.1, with no other host.

The site is built once per session into a temporary folder by tools/site_build.py (never ``_site/``)
and served by Python's ``http.server`` on 127.0.0.1. Every request to any other host is aborted and
recorded, so a page that still reached for a CDN fails here even on a machine that is online.

Every page of the site is visited. A page fails when it tried another host, logged a console error
or threw, asked the local server for a file it does not have, shows an image that did not load, or,
on a lesson page, shows raw widget text (``VBox(...)``) where its labs and checks should be drawn
from the stored widget state. The accessibility check on each page runs axe-core (the copy inside
the ``axe-playwright-python`` package, injected into the page: nothing fetched) for WCAG 2 A/AA
(alt text, colour contrast computed from the page's styles, names of links and controls, ...) and
a check of its own that headings go down one level at a time. A keyboard test tabs through a lesson
page until the navigation links and the launch links have all had the focus.
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import itertools
import json
import os
import sys
import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
from browser_support import OPEN_PAGES, REPO

pytestmark = pytest.mark.browser

_spec = importlib.util.spec_from_file_location("course_site_build_browser", REPO / "tools" / "site_build.py")
assert _spec is not None and _spec.loader is not None
site_build = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = site_build
_spec.loader.exec_module(site_build)

LESSONS = [p.stem for p in sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))]
PLANS = [p.stem for p in sorted((REPO / "lessons").glob("*.md"))]
TEMPLATES = [p.stem for p in sorted((REPO / "templates").glob("*.md"))]
GUIDES = [p.stem for p in sorted((REPO / "docs").glob("*.md"))]
#: Every page the site must have: home, search, index, each lesson, each plan, the trainer guide, about.
PAGES = [
    "index.html",
    "search.html",
    "genindex.html",
    *(f"notebooks/{stem}.html" for stem in LESSONS),
    *(f"lessons/{stem}.html" for stem in PLANS),
    *(f"templates/{stem}.html" for stem in TEMPLATES),
    *(f"docs/{stem}.html" for stem in GUIDES),
    "datasets/README.html",
    "about/cite.html",
    "about/changelog.html",
    "about/code_of_conduct.html",
]
#: axe-core rule sets run on every page: WCAG 2.0/2.1 levels A and AA.
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

_RENDERED_JS = """() => {
  const scripts = document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]');
  const views = document.querySelectorAll('.jupyter-widgets.widget-inline-hbox, .jupyter-widgets.widget-vbox,'
    + ' .jupyter-widgets.widget-hbox, .jupyter-widgets.widget-html, .jupyter-widgets.widget-button');
  const pending = [...document.images].filter(img => !img.complete).length;
  return {scripts: scripts.length, views: views.length, pending};
}"""

_IMAGES_JS = """() => [...document.images]
  .filter(img => img.offsetParent !== null || img.closest('.course-lab'))
  .map(img => ({src: img.currentSrc.slice(0, 80), ok: img.complete && img.naturalWidth > 0,
               alt: img.getAttribute('alt')}))"""

_HEADINGS_JS = """() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
  .filter(h => h.getClientRects().length > 0
               && !h.closest('nav, dialog, .bd-sidebar-primary, .bd-sidebar-secondary'))
  .map(h => ({level: Number(h.tagName[1]), text: h.textContent.trim().slice(0, 60)}))"""


_LINKS_JS = """() => [...document.querySelectorAll('a[href]')].map(a => a.href)
  .filter(h => h.startsWith(location.origin + '/'))"""


def served_file(site: Path, base: str, href: str) -> bool:
    """Whether a same-site link leads to a file of the site (a folder means its index.html)."""
    path = urllib.parse.unquote(urllib.parse.urlsplit(href).path).lstrip("/")
    target = site / path
    return target.is_file() or (target / "index.html").is_file()


def heading_problems(headings: list[dict[str, Any]]) -> list[str]:
    """One h1 first, and no heading more than one level below the one before it."""
    if not headings:
        return ["the page has no heading"]
    problems = []
    if headings[0]["level"] != 1:
        problems.append(f"the first heading is h{headings[0]['level']} ({headings[0]['text']!r}), not h1")
    if sum(h["level"] == 1 for h in headings) != 1:
        problems.append(f"{sum(h['level'] == 1 for h in headings)} h1 headings (one expected)")
    for before, after in itertools.pairwise(headings):
        if after["level"] > before["level"] + 1:
            problems.append(
                f"h{before['level']} {before['text']!r} is followed by h{after['level']} {after['text']!r}"
            )
    return problems


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole site, built once into a temporary folder (from the stored notebooks, never run), or
    the site already built in ``$COURSE_SITE_DIR`` (e.g. ``_site`` after ``make site``)."""
    if os.environ.get("COURSE_SITE_DIR"):
        return Path(os.environ["COURSE_SITE_DIR"]).resolve()
    work = tmp_path_factory.mktemp("course-site")
    site_build.build(out_dir=work / "site", stage_dir=work / "stage", cache_dir=site_build.DEFAULT_CACHE)
    # nothing but the site and the staging folder is left behind (myst-nb's scratch folder is removed)
    assert sorted(p.name for p in work.iterdir()) == ["site", "stage", "stage-doctrees"]
    return work / "site"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site silently, and notes every path it had to answer with an error (e.g. a 404 for
    ``/favicon.ico``, which the browser asks for by itself and which no page event reports)."""

    errors: ClassVar[list[str]] = []

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        _QuietHandler.errors.append(f"{code} {self.path}")
        super().send_error(code, message, explain)


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    """``http://127.0.0.1:<port>/`` serving the built site (a thread; stopped after the module)."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


class Visit:
    """A page in its own browser context, with everything it tried and everything it said recorded."""

    def __init__(self, browser: Any, base_url: str) -> None:
        self.base = base_url
        self.off_host: list[str] = []
        self.missing: list[str] = []
        self.console: list[str] = []
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
        self.context.set_default_timeout(30_000)
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.console.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda err: self.console.append(f"uncaught: {err}"))
        self.page.on("response", self._response)
        self.page.on("popup", lambda popup: self.off_host.append(f"popup {popup.url}"))
        OPEN_PAGES.append(self.page)  # screenshotted to test-artifacts/ if the test fails

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(self.base) or url.startswith(("data:", "blob:", "about:")):
            route.continue_()
        else:
            self.off_host.append(url)
            route.abort()

    def _response(self, response: Any) -> None:
        if response.url.startswith(self.base) and response.status >= 400:
            asker = response.request.headers.get("referer", "?")
            self.missing.append(f"{response.status} {response.url[len(self.base) :]} (asked by {asker})")

    def open(self, path: str) -> Any:
        served_before = len(_QuietHandler.errors)
        self.page.goto(self.base + path, wait_until="load")
        # The widget renderer replaces each stored view's <script> by the drawn widget (deferred script).
        try:
            self.page.wait_for_function(
                f"() => {{ const s = ({_RENDERED_JS})(); return s.pending === 0 && s.views >= s.scripts; }}",
                timeout=30_000,
            )
        except Exception as err:  # say what is missing rather than only "timeout"
            counts = self.page.evaluate(_RENDERED_JS)
            raise AssertionError(
                f"{path}: the stored widget views were not drawn within 30 s ({counts['scripts']} stored, "
                f"{counts['views']} drawn, {counts['pending']} images loading); off-host requests: "
                f"{self.off_host[:3]}, console errors: {self.console[:3]}"
            ) from err
        self.page.wait_for_timeout(200)  # the favicon and late loads
        self.missing += [f"{e} (server)" for e in _QuietHandler.errors[served_before:]]
        return self.page

    def close(self) -> None:
        if self.page in OPEN_PAGES:
            OPEN_PAGES.remove(self.page)
        self.context.close()


@pytest.fixture
def visit(browser: Any, base_url: str) -> Iterator[Visit]:
    v = Visit(browser, base_url)
    yield v
    v.close()


def axe_violations(page: Any) -> list[str]:
    """axe-core's WCAG 2 A/AA violations on the page, one line each (rule, impact, first elements)."""
    from axe_playwright_python.base import AXE_SCRIPT

    page.evaluate(AXE_SCRIPT)
    result = page.evaluate(
        # preload off: axe would fetch the stylesheets again (resolving @import against the page, not the
        # stylesheet); the browser has already loaded and applied them
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'],"
        " preload: false})",
        AXE_TAGS,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} - {len(v['nodes'])} element(s), e.g. "
        + "; ".join(" ".join(n["target"]) + " " + n.get("failureSummary", "").replace("\n", " ")[:160]
                    for n in v["nodes"][:3])
        for v in result["violations"]
    ]  # fmt: skip


def stored_labs(stem: str) -> int:
    """How many labs notebook ``stem`` shows: its widget views whose stored model is a ``course-lab``."""
    nb = json.loads((REPO / "notebooks" / f"{stem}.ipynb").read_text(encoding="utf-8"))
    state = nb["metadata"].get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    views = [
        output["data"][WIDGET_VIEW]["model_id"]
        for cell in nb["cells"]
        for output in cell.get("outputs", [])
        if WIDGET_VIEW in output.get("data", {})
    ]
    return sum("course-lab" in state.get(v, {}).get("state", {}).get("_dom_classes", []) for v in views)


def check_lesson_page(page: Any, stem: str) -> None:
    """A lesson page draws each stored lab with its controls and described figure, marks each stored
    view as a first view, and has its launch links under its title."""
    stored = page.locator('script[type="application/vnd.jupyter.widget-view+json"]').count()
    labs = page.locator(".course-lab")
    assert labs.count() == stored_labs(stem), f"{stem}: {labs.count()} labs drawn, {stored_labs(stem)} stored"
    for i in range(labs.count()):
        lab = labs.nth(i)
        lab.scroll_into_view_if_needed()
        if lab.locator(".course-lab-output").count():  # a lab with controls (not the environment check)
            controls = lab.locator("input, select, button, textarea, [role=slider]")
            assert controls.count() > 0, f"{stem}: lab {i + 1} shows no control"
        assert lab.locator("img").count() == 0 or lab.locator("img").first.evaluate(
            "img => img.naturalWidth > 0 && img.getAttribute('alt').length > 20"
        ), f"{stem}: lab {i + 1}'s figure did not load or has no description"
    if stored:
        assert page.locator(".course-static-note").count() == stored, (
            "each stored view says it is the first view"
        )
    launch = page.locator("nav.course-launch a")
    hrefs = [launch.nth(i).get_attribute("href") for i in range(launch.count())]
    assert site_build.binder_url(f"{stem}.ipynb") in hrefs, hrefs
    # the launch links sit right under the title
    assert (
        page.evaluate("() => document.querySelector('nav.course-launch').previousElementSibling.tagName")
        == "H1"
    )


@pytest.mark.parametrize("path", PAGES)
def test_page_reads_offline_complete_and_accessible(site: Path, visit: Visit, path: str) -> None:
    assert (site / path).is_file(), f"the site has no {path}"
    page = visit.open(path)

    images = page.evaluate(_IMAGES_JS)
    dead_links = [href for href in page.evaluate(_LINKS_JS) if not served_file(site, visit.base, href)]
    broken = [img["src"] for img in images if not img["ok"]]
    no_alt = [img["src"] for img in images if not (img["alt"] or "").strip()]
    text = page.locator("main").inner_text()
    raw_widgets = [
        line for line in text.splitlines() if line.strip().startswith(("VBox(", "HBox(", "Button("))
    ]
    problems = {
        "requests to other hosts (aborted)": sorted(set(visit.off_host)),
        "files the server does not have": list(visit.missing),
        "console errors": list(visit.console),
        "images that did not load": broken,
        "links to pages the site does not have": sorted(set(dead_links))[:5],
        "images without alt text": no_alt,
        "raw widget text instead of controls": raw_widgets[:5],
        "headings out of order": heading_problems(page.evaluate(_HEADINGS_JS)),
        "axe-core (WCAG 2 A/AA)": axe_violations(page),
    }
    assert not any(problems.values()), f"{path}: " + "; ".join(f"{k}: {v}" for k, v in problems.items() if v)
    if path.startswith("notebooks/"):
        check_lesson_page(page, Path(path).stem)
    footer = page.locator(".bd-footer-content").inner_text()
    assert f"version {site_build.course_version()}" in footer, (
        f"{path}: footer without the version: {footer!r}"
    )


def test_keyboard_reaches_navigation_and_launch_links(site: Path, visit: Visit) -> None:
    stem = LESSONS[min(3, len(LESSONS) - 1)]
    page = visit.open(f"notebooks/{stem}.html")
    wanted = page.evaluate(
        """() => [...document.querySelectorAll('nav.bd-docs-nav a, nav.course-launch a')]
             .filter(a => a.offsetParent !== null).map(a => a.href)"""
    )
    assert len(wanted) > len(LESSONS), wanted
    focused: set[str] = set()
    unmarked: list[str] = []
    for _ in range(600):
        page.keyboard.press("Tab")
        state = page.evaluate(
            """() => { const a = document.activeElement; if (!a || a.tagName !== 'A') return null;
                 const s = getComputedStyle(a);
                 return {href: a.href, marked: s.outlineStyle !== 'none' && s.outlineWidth !== '0px'
                                           || s.boxShadow !== 'none'}; }"""
        )
        if state:
            focused.add(state["href"])
            if state["href"] in wanted and not state["marked"]:
                unmarked.append(state["href"])
        if set(wanted) <= focused:
            break
    assert set(wanted) <= focused, f"never reached with Tab: {sorted(set(wanted) - focused)[:5]}"
    assert not unmarked, f"focused without a visible focus mark: {unmarked[:5]}"


def test_search_finds_lessons_offline(site: Path, visit: Visit) -> None:
    page = visit.open("search.html?q=engagement+rate")
    page.wait_for_function("() => document.querySelectorAll('#search-results li').length > 0", timeout=30_000)
    hits = page.evaluate("() => [...document.querySelectorAll('#search-results li a')].map(a => a.href)")
    assert any("/notebooks/" in urllib.parse.urlsplit(h).path for h in hits), hits[:10]
    assert not visit.off_host and not visit.console, (visit.off_host, visit.console)


#: The Markdown pages of the site and their sources: plans, trainer guide, templates, guides, datasheet.
MARKDOWN_PAGES = {
    **{f"lessons/{stem}.html": REPO / "lessons" / f"{stem}.md" for stem in PLANS},
    **{f"templates/{stem}.html": REPO / "templates" / f"{stem}.md" for stem in TEMPLATES},
    **{f"docs/{stem}.html": REPO / "docs" / f"{stem}.md" for stem in GUIDES},
    "datasets/README.html": REPO / "datasets" / "README.md",
}

_MATH_JS = """() => { const main = document.querySelector('main');
  return {text: main.innerText,
          math: [...main.querySelectorAll('.math, mjx-container, math, .MathJax')]
                  .map(m => m.textContent.trim().slice(0, 60))}; }"""


@pytest.mark.parametrize(
    "path", sorted(p for p, src in MARKDOWN_PAGES.items() if "$" in src.read_text("utf-8"))
)
def test_dollar_amounts_stay_text_not_maths(site: Path, visit: Visit, path: str) -> None:
    """A plan that writes "$5-15 ... $15-30" shows both amounts: no pair of "$" is read as inline maths
    (myst's dollarmath is off for the site, tools/site_config/conf.py), whether or not the plan escapes it."""
    source = MARKDOWN_PAGES[path].read_text(encoding="utf-8")
    shown = visit.open(path).evaluate(_MATH_JS)
    assert not shown["math"], f"{path}: dollar amounts typeset as maths: {shown['math'][:5]}"
    assert shown["text"].count("$") >= source.count("$"), (
        f"{path}: the plan writes {source.count('$')} '$', the page shows {shown['text'].count('$')}"
    )
