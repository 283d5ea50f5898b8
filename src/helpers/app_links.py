"""App mode: every widget lab full screen, without code, in Voilà.

A trainer can show any lab on a projector as an *app*: Voilà runs a tiny notebook and shows only
its output (it strips the code). This module is the single place that knows about app mode:

* :func:`app_notebook` builds the app notebook of a lab (``apps/<lab>.ipynb``, committed, written
  by ``python tools/app.py --write-apps``; a test checks that ``apps/`` matches the lab registry);
* :func:`app_view` is what that notebook shows: the lab, with larger type when Voilà renders it;
* :func:`app_link` is the link a course notebook puts next to a lab, e.g.
  ``app_links.app_link("budget-planner")`` -> "Open the budget planner lab full screen (Voilà)".

URLs: Voilà, as a Jupyter server extension, renders ``<base>voila/render/<path>``, where ``<base>``
is the server's base URL ("/" locally, ``$JUPYTERHUB_SERVICE_PREFIX`` under JupyterHub/Binder)
and ``<path>`` is relative to the server's root folder, which is the repository (``make lab`` and
Binder start the server there).
"""

from __future__ import annotations

import difflib
import html
import json
import os
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import ipywidgets as w

from .widgets import LABS

#: Folder of the app notebooks, relative to the repository (and to the Jupyter server's root).
APPS_DIR = "apps"
#: Environment variable holding the server's base URL under JupyterHub (and so on Binder).
BASE_URL_ENV = "JUPYTERHUB_SERVICE_PREFIX"
#: Marker in an app notebook's metadata: written by :func:`app_notebook` (regenerate, don't edit).
GENERATOR = "helpers.app_links.app_notebook"

#: Larger type and a wide figure for a projector. Every rule is scoped to ``body[data-voila]``
#: (the page Voilà renders), so the same widget keeps its usual size inside JupyterLab.
PROJECTOR_CSS = """
body[data-voila] .course-app .course-lab {
  --jp-widgets-font-size: 18px;
  --jp-widgets-inline-height: 36px;
  --jp-widgets-slider-handle-size: 20px;
  font-size: 18px;
}
body[data-voila] .course-app .course-lab h3 { font-size: 1.9em; }
body[data-voila] .course-app .course-lab-summary { font-size: 1.4em !important; line-height: 1.4; }
body[data-voila] .course-app .course-lab-output img {
  width: 100%;
  height: auto;
  max-height: 62vh;
  object-fit: contain;
  object-position: left top;
}
""".strip()


class UnknownLabError(ValueError):
    """A lab name that is not in the registry; the message lists the valid names."""


def lab_names() -> list[str]:
    """Every registered lab name, sorted (the names ``tools/app.py`` and :func:`app_link` accept)."""
    return sorted(LABS)


def check_lab_name(name: str | None) -> str:
    """Return ``name`` as a registered lab name, or raise :class:`UnknownLabError` saying what to use.

    Case, spaces and underscores are forgiven (``Budget_Planner`` -> ``budget-planner``).
    """
    valid = lab_names()
    listing = ", ".join(valid)
    if name is None or not str(name).strip():
        raise UnknownLabError(f"no lab name given. Name one of the labs: {listing}")
    key = "-".join(str(name).strip().lower().replace("_", " ").replace("-", " ").split())
    if key in LABS:
        return key
    close = difflib.get_close_matches(key, valid, n=1)
    hint = f" Did you mean '{close[0]}'?" if close else ""
    raise UnknownLabError(f"unknown lab '{name}'.{hint} The labs are: {listing}")


def app_path(name: str) -> str:
    """The app notebook of lab ``name``, relative to the repository root (POSIX): ``apps/<name>.ipynb``."""
    return f"{APPS_DIR}/{check_lab_name(name)}.ipynb"


def base_url(env: Mapping[str, str] | None = None) -> str:
    """The Jupyter server's base URL path, with a slash at both ends ("/" unless under JupyterHub).

    ``env`` defaults to the process environment (a kernel inherits its server's environment).
    """
    prefix = (os.environ if env is None else env).get(BASE_URL_ENV, "").strip().strip("/")
    return f"/{prefix}/" if prefix else "/"


def app_href(name: str, base: str = "/") -> str:
    """Absolute URL path of the lab's app under a Jupyter server with base URL ``base``."""
    base = "/" + base.strip("/") + "/" if base.strip("/") else "/"
    return base + "voila/render/" + urllib.parse.quote(app_path(name))


def link_text(name: str) -> str:
    """Descriptive link text: ``"Open the budget planner lab full screen (Voilà)"``."""
    words = check_lab_name(name).replace("-", " ")
    label = words if words.endswith("lab") else f"{words} lab"
    return f"Open the {label} full screen (Voilà)"


@dataclass(frozen=True)
class AppLink:
    """A link to a lab's app page; shows as a link in a notebook and as text elsewhere."""

    lab: str
    href: str
    text: str
    title: str

    def _repr_html_(self) -> str:
        return (
            f'<a class="course-app-link" href="{html.escape(self.href)}" target="_blank" '
            f'rel="noopener" title="{html.escape(self.title)}">{html.escape(self.text)}</a>'
        )

    def __repr__(self) -> str:
        return f"{self.text}: {self.href}"


def app_link(name: str, env: Mapping[str, str] | None = None) -> AppLink:
    """Link to lab ``name`` full screen in Voilà, for the notebook cell after the lab.

    The address works in JupyterLab started at the repository root (``make lab``) and under
    JupyterHub/Binder, whose base URL comes from ``$JUPYTERHUB_SERVICE_PREFIX``. Without that
    variable the output is the same on every machine: ``/voila/render/apps/<name>.ipynb``.
    For a projector without JupyterLab, ``make app LAB=<name>`` serves the same page.
    """
    lab = check_lab_name(name)
    title = f"{LABS[lab].title} - the lab alone, without code, in a new tab"
    return AppLink(lab=lab, href=app_href(lab, base_url(env)), text=link_text(lab), title=title)


def app_view(name: str) -> w.VBox:
    """What an app notebook shows: the lab, in a box that gets larger type on a Voilà page.

    The style sheet is an HTML widget in front of the lab; its rules only match on a Voilà page.
    """
    lab = LABS[check_lab_name(name)]()
    style = w.HTML(f"<style>{PROJECTOR_CSS}</style>", layout=w.Layout(height="0px", margin="0px"))
    box = w.VBox([style, lab.widget])
    box.add_class("course-app")
    return box


def app_code(name: str) -> str:
    """The only cell of the app notebook of lab ``name`` (hidden by Voilà)."""
    return f'from helpers.app_links import app_view\n\napp_view("{check_lab_name(name)}")'


def app_notebook(name: str) -> dict[str, Any]:
    """The app notebook of lab ``name`` (nbformat 4.5, unexecuted): one code cell, no markdown.

    Voilà shows its output only; the page title (browser tab) is the lab's title.
    """
    lab = check_lab_name(name)
    cell = {
        "cell_type": "code",
        "execution_count": None,
        "id": f"app-{lab}",
        "metadata": {},
        "outputs": [],
        "source": app_code(lab).splitlines(keepends=True),
    }
    return {
        "cells": [cell],
        "metadata": {
            "course_app": {"lab": lab, "generated_by": GENERATOR},
            "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
            "title": LABS[lab].title,
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def app_notebook_text(name: str) -> str:
    """:func:`app_notebook` as the exact file text (the layout nbformat writes: indent 1, sorted keys)."""
    return json.dumps(app_notebook(name), indent=1, sort_keys=True, ensure_ascii=False) + "\n"
