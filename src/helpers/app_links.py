"""App mode: every widget lab full screen, without code, in Voilà.

A trainer can show any lab on a projector as an *app*: Voilà runs a tiny notebook and shows only
its output (it strips the code). This module is the single place that knows about app mode:

* :func:`app_notebook` builds the app notebook of a lab (``apps/<lab>.ipynb``, committed, written
  by ``python tools/app.py --write-apps``; a test checks that ``apps/`` matches the lab registry);
* :func:`app_view` is what that notebook shows: the lab, with larger type when Voilà renders it;
* :func:`app_link` is the link a course notebook puts next to a lab, e.g.
  ``app_links.app_link("budget-planner")`` -> "Open the budget planner lab full screen (Voilà)".

URLs: Voilà, as a Jupyter server extension, renders ``<base>voila/render/<path>``, where ``<base>``
is the server's base URL ("/" locally, e.g. ``/user/alice/`` under JupyterHub or Binder) and
``<path>`` is relative to the server's root folder. The course folder may sit anywhere under that
root (``make lab`` and Binder serve the course folder itself; nbgitpuller puts it in
``~/<repository>/`` under a hub whose root is the home folder), so the link is computed in the kernel
from where things are: :func:`running_server` reads the root folder and base URL of the Jupyter server
that started the kernel (its ``jpserver-<pid>.json``), :func:`helpers.paths.course_dir` is the course
folder of the running notebook, and :func:`server_path` is the app notebook's path between them.
A link written without a server (nbclient, the stored notebooks) is ``/voila/render/apps/<lab>.ipynb``
with the ``$JUPYTERHUB_SERVICE_PREFIX`` base when set: right for ``make lab``; elsewhere, running the
cell rewrites it for that server.

Why not a relative link: JupyterLab turns every relative link in a notebook's output or Markdown into
"open this file in JupyterLab" (a notebook tab), so a relative link could never open Voilà.
"""

from __future__ import annotations

import difflib
import html
import json
import os
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import paths, widgets

if TYPE_CHECKING:  # ipywidgets and the labs load when a link or view is made, not on import
    import ipywidgets as w


def __getattr__(name: str) -> Any:
    """``app_links.LABS`` is :data:`helpers.widgets.LABS`, looked up when first used (the labs load then)."""
    if name == "LABS":
        return widgets.LABS
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


#: Folder of the app notebooks, relative to the repository (and to the Jupyter server's root).
APPS_DIR = "apps"
#: Environment variable holding the server's base URL under JupyterHub (and so on Binder).
BASE_URL_ENV = "JUPYTERHUB_SERVICE_PREFIX"
#: Environment variable a Jupyter server sets for every kernel it starts: the server's process id.
PARENT_PID_ENV = "JPY_PARENT_PID"
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
body[data-voila] .course-app .course-lab h3 { font-size: 1.4em; }
body[data-voila] .course-app .course-lab-summary { font-size: 15px; line-height: 1.4; }
body[data-voila] .course-app .course-lab-output img {
  width: 100%;
  height: auto;
  max-height: 78vh;
  object-fit: contain;
  object-position: left top;
}
""".strip()


class UnknownLabError(ValueError):
    """A lab name that is not in the registry; the message lists the valid names."""


def lab_names() -> list[str]:
    """Every registered lab name, sorted (the names ``tools/app.py`` and :func:`app_link` accept)."""
    return sorted(widgets.LABS)


def check_lab_name(name: str | None) -> str:
    """Return ``name`` as a registered lab name, or raise :class:`UnknownLabError` saying what to use.

    Case, spaces and underscores are forgiven (``Budget_Planner`` -> ``budget-planner``).
    """
    valid = lab_names()
    listing = ", ".join(valid)
    if name is None or not str(name).strip():
        raise UnknownLabError(f"no lab name given. Name one of the labs: {listing}")
    key = "-".join(str(name).strip().lower().replace("_", " ").replace("-", " ").split())
    if key in widgets.LABS:
        return key
    close = difflib.get_close_matches(key, valid, n=1)
    hint = f" Did you mean '{close[0]}'?" if close else ""
    raise UnknownLabError(f"unknown lab '{name}'.{hint} The labs are: {listing}")


def app_path(name: str) -> str:
    """The app notebook of lab ``name``, relative to the course folder (POSIX): ``apps/<name>.ipynb``."""
    return f"{APPS_DIR}/{check_lab_name(name)}.ipynb"


def _slashes(base: str) -> str:
    """A base URL path with one slash at both ends (``"/"`` for an empty one)."""
    inner = base.strip().strip("/")
    return f"/{inner}/" if inner else "/"


def base_url(env: Mapping[str, str] | None = None) -> str:
    """The base URL path from ``$JUPYTERHUB_SERVICE_PREFIX``, with a slash at both ends ("/" without it).

    ``env`` defaults to the process environment (a kernel inherits its server's environment).
    """
    return _slashes((os.environ if env is None else env).get(BASE_URL_ENV, ""))


@dataclass(frozen=True)
class ServerInfo:
    """What a kernel needs to know about the Jupyter server that started it: the server's root folder
    (URL paths are relative to it) and its base URL (``"/"``, or e.g. ``"/user/alice/"`` on a hub)."""

    root_dir: Path
    base_url: str


def _runtime_dir(env: Mapping[str, str] | None) -> Path | None:
    """Jupyter's runtime folder (where a server writes ``jpserver-<pid>.json``) for ``env``."""
    if env is not None:
        folder = env.get("JUPYTER_RUNTIME_DIR", "").strip()
        return Path(folder) if folder else None
    try:
        from jupyter_core.paths import jupyter_runtime_dir
    except ImportError:  # pragma: no cover - jupyter_core comes with every Jupyter kernel
        return None
    return Path(jupyter_runtime_dir())


def running_server(env: Mapping[str, str] | None = None) -> ServerInfo | None:
    """The Jupyter server (JupyterLab, Notebook, a hub's single-user server) that started this kernel,
    or None (e.g. a notebook run by nbclient/nbval, a plain Python process).

    Every Jupyter server writes its root folder and base URL into ``jpserver-<pid>.json`` in Jupyter's
    runtime folder, and starts its kernels with ``$JPY_PARENT_PID`` set to its process id; this reads
    that file (root folder and base URL only). ``env`` defaults to the process environment (then the
    parent process id is tried too); pass a mapping to decide everything from it (tests)."""
    environ = os.environ if env is None else env
    folder = _runtime_dir(env)
    if folder is None:
        return None
    pids = [environ.get(PARENT_PID_ENV, "").strip()]
    if env is None:
        pids.append(str(os.getppid()))
    for pid in pids:
        if not pid.isdigit():
            continue
        try:
            info = json.loads((folder / f"jpserver-{pid}.json").read_text(encoding="utf-8"))
            root, base = info["root_dir"], info.get("base_url") or "/"
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if isinstance(root, str) and isinstance(base, str):
            return ServerInfo(Path(root), _slashes(base))
    return None


def server_path(name: str, course: Path | None = None, root: Path | None = None) -> str:
    """Path (POSIX) of lab ``name``'s app notebook relative to the server's root folder ``root``: the
    course folder's place under the root, then ``apps/<name>.ipynb`` (``course/apps/x.ipynb`` when
    the root is one folder above the course, as under nbgitpuller). Without both folders, or when the
    course is not under the root, :func:`app_path` (the server's root is the course folder)."""
    relative = app_path(name)
    if course is None or root is None:
        return relative
    try:
        inside = Path(course).resolve().relative_to(Path(root).resolve())
    except (OSError, ValueError):
        return relative
    return (inside / relative).as_posix() if inside.parts else relative


def app_href(name: str, base: str = "/", path: str | None = None) -> str:
    """Absolute URL path of the lab's app under a Jupyter server with base URL ``base``; ``path`` is
    the app notebook relative to the server's root (default :func:`app_path`)."""
    return _slashes(base) + "voila/render/" + urllib.parse.quote(path or app_path(name))


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


def app_link(name: str, env: Mapping[str, str] | None = None, course: Path | None = None) -> AppLink:
    """Link to lab ``name`` full screen in Voilà, for the notebook cell after the lab.

    In a kernel started by a Jupyter server the address is that server's base URL, then
    ``voila/render/``, then the app notebook's path from the server's root folder through the course
    folder (``course``, default :func:`helpers.paths.course_dir`): it works wherever the course folder
    sits under the root and under any base URL (``make lab``, Binder, a hub with nbgitpuller). Without
    a server (nbclient, nbval, the stored notebooks) it is ``/voila/render/apps/<name>.ipynb`` with the
    ``$JUPYTERHUB_SERVICE_PREFIX`` base when set. ``env`` defaults to the process environment; pass a
    mapping to decide from it alone. For a projector without JupyterLab, ``make app LAB=<name>`` serves
    the same page.
    """
    lab = check_lab_name(name)
    title = f"{widgets.LABS[lab].title} - the lab alone, without code, in a new tab"
    server = running_server(env)
    if server is None:
        href = app_href(lab, base_url(env))
    else:
        where = paths.course_dir() if course is None else course
        href = app_href(lab, server.base_url, server_path(lab, where, server.root_dir))
    return AppLink(lab=lab, href=href, text=link_text(lab), title=title)


def app_view(name: str) -> w.VBox:
    """What an app notebook shows: the lab, in a box that gets larger type on a Voilà page.

    The style sheet is an HTML widget in front of the lab; its rules only match on a Voilà page.
    """
    import ipywidgets as w

    lab = widgets.LABS[check_lab_name(name)]()
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
            "title": widgets.LABS[lab].title,
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def app_notebook_text(name: str) -> str:
    """:func:`app_notebook` as the exact file text (the layout nbformat writes: indent 1, sorted keys)."""
    return json.dumps(app_notebook(name), indent=1, sort_keys=True, ensure_ascii=False) + "\n"
