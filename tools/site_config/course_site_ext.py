"""Sphinx extension of the course website: launch links under each lesson's title, and a line above
every stored widget view saying that it is the first view (no kernel runs behind a static page).

The links themselves are computed by tools/site_build.py (``launch_links``) and handed over in
``site_settings.json``; this module only places them.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

SETTINGS = json.loads((Path(__file__).resolve().parent / "site_settings.json").read_text(encoding="utf-8"))

H1_END_RE = re.compile(r"</h1>")
WIDGET_VIEW_RE = re.compile(r'<script type="application/vnd\.jupyter\.widget-view\+json">')
STATIC_NOTE = (
    '<p class="course-static-note">First view, as the notebook stored it. To move the controls or '
    "check an answer, run the lesson live (the links under the lesson's title).</p>"
)


def launch_nav(pagename: str) -> str:
    """The launch links of lesson page ``pagename`` as a ``<nav>`` ("" for other pages)."""
    lesson = SETTINGS["lessons"].get(pagename)
    if not lesson:
        return ""
    items = " ".join(
        f'<a class="course-launch-link" href="{html.escape(link["url"], quote=True)}">'
        f"{html.escape(link['label'])}</a>"
        for link in lesson["links"]
    )
    return (
        f'<nav class="course-launch" aria-label="Run lesson {html.escape(lesson["number"])} live">'
        f'<span class="course-launch-lead">{html.escape(lesson["lead"])}</span> {items}</nav>'
    )


def place(app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """Launch links right after a lesson's title; a first-view line above each stored widget view."""
    body = context.get("body")
    if not body:
        return
    nav = launch_nav(pagename)
    if nav:
        body = H1_END_RE.sub(lambda m: m.group(0) + nav, body, count=1)
    context["body"] = WIDGET_VIEW_RE.sub(lambda m: STATIC_NOTE + m.group(0), body)


def setup(app: Any) -> dict[str, Any]:
    app.connect("html-page-context", place)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
