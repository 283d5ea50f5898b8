"""Sphinx configuration of the course website (``make site``; see tools/site_build.py).

tools/site_build.py copies this folder into a staging folder together with the pages, and writes
``site_settings.json`` beside this file: the course title, version and the lessons' launch links.
Nothing here is downloaded: the theme (sphinx-book-theme) ships its fonts and scripts, the search
index is Sphinx's own, and the widget renderer (@jupyter-widgets/html-manager) is copied into
``_static/`` by the builder.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
SETTINGS = json.loads((HERE / "site_settings.json").read_text(encoding="utf-8"))

project = SETTINGS["title"]
author = SETTINGS["author"]
copyright = SETTINGS["copyright"]
version = release = SETTINGS["version"]
language = "en"

extensions = ["myst_nb", "course_site_ext"]
source_suffix = {".md": "myst-nb", ".ipynb": "myst-nb"}
exclude_patterns = ["_build", "**/.ipynb_checkpoints"]
templates_path = ["_templates"]
html_static_path = ["_static"]
html_css_files = ["course-site.css"]
html_js_files = [("course-site.js", {"defer": "defer"})]

# Notebooks are shown as stored (executed by `make notebooks`), never run here.
nb_execution_mode = "off"
# The widget renderer from the local copy (myst-nb's default loads require.js and the renderer from
# two CDNs). embed.js is html-manager's self-contained bundle: no require.js; its fonts sit beside it.
nb_ipywidgets_js = {SETTINGS["widgets_js"]: {"defer": "defer"}}
# No dollar maths: the course writes USD, and plans that still hold "$" pairs must stay text.
myst_enable_extensions = ["colon_fence", "deflist", "html_image"]
myst_heading_anchors = 3

html_theme = "sphinx_book_theme"
html_title = SETTINGS["title"]
# A local icon: without one, browsers ask the server for /favicon.ico (a 404 in the console).
html_favicon = "_static/favicon.svg"
html_show_sourcelink = False
html_context = {"default_mode": "light"}
html_theme_options = {
    "home_page_in_toc": True,
    "show_navbar_depth": 1,
    "use_download_button": True,
    "use_fullscreen_button": False,
    "use_repository_button": False,
    # the launch links are the course's own (tools/site_build.py: Binder, and a JupyterHub when set)
    "launch_buttons": {},
    "search_bar_text": "Search the course…",
}
