"""Static HTML slide decks of the course notebooks that open offline (``make slides``).

One reveal.js deck per notebook (``_slides/NN_name.slides.html``) and an index page
(``_slides/index.html``). The decks need no network: reveal.js and its speaker-notes plugin are
served from ``_slides/reveal.js/`` (relative URLs), a copy taken from the npm registry tarball of a
pinned version whose integrity hash is checked before anything is extracted. The tarball is cached
in ``build/slides-cache/``, so later runs are offline.

nbconvert's reveal template pulls require.js, jQuery, MathJax, Mermaid, the widget renderer and
reveal.js itself from CDNs. The template below (``TEMPLATE``) drops the first five (the decks need
none of them: reveal.js is loaded with plain ``<script>`` tags, scrolling needs no jQuery, the course
has no TeX or Mermaid, and widgets cannot run without a kernel) and points reveal.js at the local
copy. Widget outputs (labs, quizzes) become a short static note that says how to use them live.
Every written file is scanned afterwards, and the run fails if anything would still be loaded from
the network.

Usage::

    python tools/slides.py               # every notebook -> _slides/
    python tools/slides.py 01 09         # only these numbers
    python tools/slides.py --out DIR     # another output folder (new, empty, or written by this tool)

Nothing outside the output folder and the cache folder is written.
"""

from __future__ import annotations

import argparse
import base64
import copy
import hashlib
import html
import io
import os
import posixpath
import re
import sys
import tarfile
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from typing import Any

import jinja2
import nbformat
from nbconvert import SlidesExporter
from traitlets.config import Config

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
DEFAULT_OUT = ROOT / "_slides"
DEFAULT_CACHE = ROOT / "build" / "slides-cache"

# --------------------------------------------------------------------------------------------
# The pinned reveal.js (npm registry tarball + its integrity hash from the registry metadata,
# `npm view reveal.js@5.2.1 dist.integrity`)
# --------------------------------------------------------------------------------------------

REVEAL_VERSION = "5.2.1"
REVEAL_INTEGRITY = (
    "sha512-r7//6mIM5p34hFiDMvYfXgyjXqGRta+/psd9YtytsgRlrpRzFv4RbH76TXd2qD+7ZPZEbpBDhdRhJaFgfQ7zNQ=="
)
DEFAULT_REGISTRY = "https://registry.npmjs.org"
DOWNLOAD_TIMEOUT_S = 60
#: Folder of the reveal.js copy inside the output folder (the decks refer to it relatively).
REVEAL_DIR = "reveal.js"
#: Files of the package every deck needs; theme CSS and the fonts it imports are added per theme.
REVEAL_FILES = ("LICENSE", "dist/reveal.css", "dist/reveal.js", "plugin/notes/notes.js")
#: reveal.js themes that load no remote font (several others @import Google Fonts).
OFFLINE_THEMES = ("white", "black", "white-contrast", "black-contrast", "serif", "dracula")

#: Marks an output folder as written by this tool (it may then be overwritten by it).
MARKER = ".written-by-tools-slides"
#: Presentation size in CSS pixels (reveal.js scales it to the screen).
SLIDE_WIDTH, SLIDE_HEIGHT = 1280, 800

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
#: A cell that only shows a lab's full-screen (Voila) link: dropped from static decks.
APP_LINK_CELL_RE = re.compile(r'app_links\.app_link\("[a-z0-9-]+"\)')
LAB_CALL_RE = re.compile(r"\bwidgets\.([A-Z]\w*)\s*\(")
NOTEBOOK_NAME_RE = re.compile(r"^(\d\d)_[a-z0-9_]+$")
#: TeX math would need MathJax, which the decks do not ship (the course uses none).
TEX_RE = re.compile(r"\$\$|\\\(|\\\[|\\begin\{")
#: A trainer's notes cell as the notebooks store it: folded in a ``<details>`` block (tools/nbtools.py
#: ``NB.notes``), so a self-paced learner sees only its "Trainer notes" line.
FOLDED_NOTES_RE = re.compile(
    r"^\s*<details\b[^>]*>\s*<summary>(?P<summary>.*?)</summary>\s*(?P<body>.*?)\s*</details>\s*$", re.DOTALL
)


class SlidesError(Exception):
    """Something the user can fix; the message says what is wrong and what to do."""


# --------------------------------------------------------------------------------------------
# reveal.js: download (once), verify, copy the files the decks use
# --------------------------------------------------------------------------------------------


def tarball_url(version: str = REVEAL_VERSION, registry: str | None = None) -> str:
    """URL of reveal.js's tarball in the npm registry (``$NPM_CONFIG_REGISTRY`` if set)."""
    base = (registry or os.environ.get("NPM_CONFIG_REGISTRY") or DEFAULT_REGISTRY).rstrip("/")
    return f"{base}/reveal.js/-/reveal.js-{version}.tgz"


def sri_digest(data: bytes, integrity: str = REVEAL_INTEGRITY) -> str:
    """Subresource-integrity string (``sha512-<base64>``) of ``data``, same algorithm as ``integrity``."""
    algorithm = integrity.split("-", 1)[0]
    return f"{algorithm}-{base64.b64encode(hashlib.new(algorithm, data).digest()).decode('ascii')}"


def verify_integrity(data: bytes, integrity: str = REVEAL_INTEGRITY, origin: str = "") -> None:
    """Raise :class:`SlidesError` unless ``data`` has the pinned integrity hash."""
    actual = sri_digest(data, integrity)
    if actual != integrity:
        raise SlidesError(
            f"reveal.js {REVEAL_VERSION} tarball {origin} failed its integrity check: expected "
            f"{integrity}, got {actual}. Delete the file and run again; if a registry mirror serves "
            "it, check the mirror (NPM_CONFIG_REGISTRY)."
        )


def download(url: str, timeout: float = DOWNLOAD_TIMEOUT_S) -> bytes:
    """The bytes at ``url``; a clear :class:`SlidesError` when the registry cannot be reached."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read()
    except (urllib.error.URLError, OSError) as err:
        raise SlidesError(
            f"could not download reveal.js {REVEAL_VERSION} from {url} ({err}). `make slides` needs the "
            "npm registry once; the tarball is then cached. Connect to the network and run again, or "
            f"fetch it with npm: `npm pack reveal.js@{REVEAL_VERSION} --pack-destination "
            f"{DEFAULT_CACHE.relative_to(ROOT)}`."
        ) from err


def reveal_tarball(cache_dir: Path = DEFAULT_CACHE) -> bytes:
    """The verified reveal.js tarball: from ``cache_dir`` when it is there and intact, else downloaded."""
    cached = cache_dir / f"reveal.js-{REVEAL_VERSION}.tgz"
    if cached.is_file():
        data = cached.read_bytes()
        if sri_digest(data) == REVEAL_INTEGRITY:
            return data
        print(f"slides: {cached} does not match its integrity hash; downloading it again", file=sys.stderr)
    url = tarball_url()
    data = download(url)
    verify_integrity(data, origin=f"from {url}")
    cache_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=cache_dir, delete=False, suffix=".part") as part:
        part.write(data)
    Path(part.name).replace(cached)
    return data


def package_files(tarball: bytes) -> dict[str, bytes]:
    """Regular files of an npm package tarball, keyed by their path inside the package."""
    files: dict[str, bytes] = {}
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        for member in archive.getmembers():
            parts = PurePosixPath(member.name).parts
            if not member.isfile() or len(parts) < 2 or ".." in parts:
                continue
            extracted = archive.extractfile(member)
            if extracted is not None:
                files["/".join(parts[1:])] = extracted.read()
    return files


CSS_COMMENT_RE = re.compile(r"/\*.*?\*/", re.DOTALL)
CSS_REF_RE = re.compile(r"""url\(\s*['"]?([^'")\s]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")


def css_references(css: str) -> list[str]:
    """Every ``url(...)`` and ``@import "..."`` target of a stylesheet (comments ignored)."""
    text = CSS_COMMENT_RE.sub("", css)
    return [m.group(1) or m.group(2) for m in CSS_REF_RE.finditer(text)]


def theme_files(theme: str, files: Mapping[str, bytes]) -> list[str]:
    """Package paths a theme needs: its CSS and, recursively, the local files that CSS refers to."""
    start = f"dist/theme/{theme}.css"
    if start not in files:
        raise SlidesError(f"reveal.js {REVEAL_VERSION} has no theme {theme!r}; use one of {OFFLINE_THEMES}")
    needed, todo = [], [start]
    while todo:
        path = todo.pop()
        if path in needed:
            continue
        needed.append(path)
        if not path.endswith(".css"):
            continue
        for ref in css_references(files[path].decode("utf-8")):
            if ref.startswith("data:"):
                continue
            if is_remote(ref):
                raise SlidesError(
                    f"reveal.js theme {theme!r} loads {ref} from the network; set the notebook's "
                    f"metadata.rise.theme to one of {OFFLINE_THEMES}"
                )
            target = posixpath.normpath(posixpath.join(posixpath.dirname(path), ref.split("?")[0]))
            target = target.split("#")[0]
            if target not in files:
                raise SlidesError(f"{path} refers to {ref}, which is not in the reveal.js package")
            todo.append(target)
    return needed


def install_reveal(out_dir: Path, themes: Iterable[str], cache_dir: Path = DEFAULT_CACHE) -> list[Path]:
    """Copy reveal.js (core, notes plugin, ``themes`` and their fonts) to ``out_dir/reveal.js``."""
    files = package_files(reveal_tarball(cache_dir))
    wanted = list(REVEAL_FILES)
    for theme in sorted(set(themes)):
        wanted += [p for p in theme_files(theme, files) if p not in wanted]
    written = []
    for path in wanted:
        target = out_dir / REVEAL_DIR / path
        write_bytes(target, files[path], out_dir)
        written.append(target)
    return written


# --------------------------------------------------------------------------------------------
# Notebooks -> decks
# --------------------------------------------------------------------------------------------

#: The deck template: nbconvert's reveal template without any CDN (see the module docstring).
TEMPLATE = r"""
{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_css -%}
<style type="text/css">
.course-static-widget {
  border: 2px dashed #8a8a8a; border-radius: 6px; padding: 0.6em 0.9em; margin: 0.4em 0;
  background: #f6f6f6; color: #222; font-size: 0.9em; line-height: 1.4;
}
.course-static-widget code { font-size: 0.95em; }
.course-static-summary { font-size: 0.8em; line-height: 1.35; margin: 0.2em 0; }
.course-static-figure { display: block; max-width: 100%; max-height: 60vh; margin: 0.2em 0; }
.reveal .slides { text-align: left; }
.reveal .slides section.course-scroll { overflow-y: auto; }
</style>
{%- endblock html_head_css -%}
{% block footer_js %}
<script src="{{ resources.reveal.url_prefix }}/dist/reveal.js"></script>
<script src="{{ resources.reveal.url_prefix }}/plugin/notes/notes.js"></script>
<script>
(function () {
  var scroll = {{ resources.reveal.scroll | json_dumps }};
  // Slides taller than the screen scroll inside themselves (the notebook's rise.scroll setting).
  function fitCurrentSlide() {
    if (!scroll) { return; }
    var limit = document.querySelector('.reveal').clientHeight * 0.95;
    document.querySelectorAll('.reveal .slides section.present section, .reveal .slides > section.present')
      .forEach(function (section) {
        if (section.scrollHeight > limit) {
          section.classList.add('course-scroll');
          section.style.height = '95vh';
          section.style.marginTop = '20px';
        }
      });
  }
  Reveal.initialize({
    controls: true,
    progress: true,
    hash: true,
    center: false,
    transition: {{ resources.reveal.transition | json_dumps }},
    slideNumber: {{ resources.reveal.number | json_dumps }},
    width: {{ resources.reveal.width }},
    height: {{ resources.reveal.height }},
    plugins: [RevealNotes]
  }).then(fitCurrentSlide);
  Reveal.on('slidechanged', fitCurrentSlide);
}());
</script>
{% endblock footer_js %}
"""
TEMPLATE_NAME = "course_slides.html.j2"


@dataclass(frozen=True)
class Deck:
    """One notebook to present: its number, file stem, title and one-line promise."""

    source: Path
    number: str
    stem: str
    title: str
    promise: str
    minutes: int | None

    @property
    def file_name(self) -> str:
        """File name of the deck, e.g. ``03_why_it_works.slides.html``."""
        return f"{self.stem}.slides.html"


def find_decks(numbers: Sequence[str] = (), notebooks_dir: Path = NOTEBOOKS) -> list[Deck]:
    """The notebooks to turn into decks (all, or those whose number is in ``numbers``)."""
    from helpers.course import COURSE

    lessons = {lesson.number: lesson for lesson in COURSE}
    decks = []
    for path in sorted(notebooks_dir.glob("*.ipynb")):
        match = NOTEBOOK_NAME_RE.match(path.stem)
        if not match or (numbers and match.group(1) not in numbers):
            continue
        lesson = lessons.get(match.group(1))
        title = lesson.title if lesson else path.stem.partition("_")[2].replace("_", " ").capitalize()
        decks.append(
            Deck(
                path,
                match.group(1),
                path.stem,
                title,
                lesson.promise if lesson else "",
                lesson.minutes if lesson else None,
            )
        )
    missing = sorted(set(numbers) - {d.number for d in decks})
    if missing:
        raise SlidesError(
            f"no notebook numbered {', '.join(missing)} in {notebooks_dir}; "
            "give two-digit numbers of existing notebooks, e.g. `python tools/slides.py 01 08`"
        )
    if not decks:
        raise SlidesError(f"no notebooks NN_name.ipynb found in {notebooks_dir}; run `make notebooks` first")
    return decks


def lab_names() -> dict[str, str]:
    """Widget lab class name -> lab name (what ``make app LAB=<name>`` takes)."""
    from helpers.widgets import LABS

    return {cls.__name__: name for name, cls in LABS.items()}


def lab_titles() -> dict[str, str]:
    """Widget lab class name -> its human title."""
    from helpers.widgets import LABS

    return {cls.__name__: cls.title for cls in LABS.values()}


def widget_note(
    code: str, plain: str, notebook: str, labs: Mapping[str, str], titles: Mapping[str, str]
) -> str:
    """HTML that stands in for a widget in a static deck: what it is and how to use it live.

    ``code`` is the cell's source, ``plain`` the widget's text/plain representation and ``notebook``
    the notebook's file name.
    """
    open_it = f"open <code>notebooks/{html.escape(notebook)}</code> in JupyterLab (<code>make lab</code>)"
    match = LAB_CALL_RE.search(code)
    if match and match.group(1) in labs:
        cls = match.group(1)
        return (
            '<div class="course-static-widget"><strong>Interactive lab: '
            f"{html.escape(titles.get(cls, cls))}.</strong> It needs a running notebook: {open_it}, "
            f"or show it full screen with <code>make app LAB={html.escape(labs[cls])}</code>.</div>"
        )
    if plain.startswith("Quiz "):
        return (
            f'<div class="course-static-widget"><strong>{html.escape(plain)}.</strong> '
            f"The quiz is interactive: {open_it} to answer it.</div>"
        )
    return (
        '<div class="course-static-widget"><strong>Interactive widget.</strong> '
        f"It needs a running notebook: {open_it}.</div>"
    )


_MODEL_REF_RE = re.compile(r"^IPY_MODEL_([0-9a-f]{32})$")


def _lab_output_model(state: Mapping[str, Any], model_id: str) -> Mapping[str, Any] | None:
    """The ``course-lab-output`` box inside the widget ``model_id`` (depth first), if any."""
    pending, seen = [model_id], set()
    while pending:
        current = pending.pop(0)
        model = state.get(current)
        if current in seen or model is None:
            continue
        seen.add(current)
        if "course-lab-output" in model["state"].get("_dom_classes", []):
            return model
        children = [
            m.group(1) for c in model["state"].get("children", []) if (m := _MODEL_REF_RE.match(str(c)))
        ]
        pending[:0] = children
    return None


def lab_first_view(state: Mapping[str, Any], model_id: str) -> str:
    """HTML of a lab's first view as the notebook stored it (tools/nbtools.py keeps the widget
    state): its summary sentence and its figure (an inline SVG picture); "" without stored state.
    A static deck cannot run the lab, so this is a picture of it, not a control."""
    box = _lab_output_model(state, model_id)
    if box is None:
        return ""
    summary, figure = "", ""
    summary_text = ""
    for ref in box["state"].get("children", []):  # the figure, the summary, the table, notes (any order)
        match = _MODEL_REF_RE.match(str(ref))
        child = state.get(match.group(1)) if match else None
        if child is None:
            continue
        value = str(child["state"].get("value") or "")
        if (
            child["model_name"] == "HTMLModel"
            and not summary
            and re.search(r"course-lab-(summary|message)", value)
        ):
            summary_text = re.sub(r"<[^>]+>", "", value)
            summary = f'<div class="course-static-summary">{value}</div>'
        elif child["model_name"] == "ImageModel" and not figure:
            fmt = str(child["state"].get("format", "png"))
            data = next((b["data"] for b in child.get("buffers", []) if b.get("path") == ["value"]), None)
            if data and fmt in ("svg+xml", "png", "jpeg"):
                figure = (
                    f'<img class="course-static-figure" alt="{{alt}}" src="data:image/{fmt};base64,{data}">'
                )
    alt = html.escape(summary_text or "the lab's figure", quote=True)
    return summary + figure.replace("{alt}", alt, 1)


def static_widgets(nb: nbformat.NotebookNode, notebook: str) -> nbformat.NotebookNode:
    """A copy of ``nb`` whose widget views are replaced by static notes (no kernel in a static deck),
    each lab's note under a picture of its first view when the notebook stores its widget state,
    and whose full-screen app-link cells are left out (they need a running server)."""
    nb = copy.deepcopy(nb)
    state = (
        nb.metadata.pop("widgets", {}).get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
    )
    labs, titles = lab_names(), lab_titles()
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_VIEW not in data:
                continue
            plain = "".join(data.get("text/plain", ""))
            note = widget_note("".join(cell.source), plain, notebook, labs, titles)
            view = lab_first_view(state, str(data[WIDGET_VIEW].get("model_id", "")))
            output["data"] = {"text/html": view + note, "text/plain": plain}
    # A full-screen app link needs a running Jupyter server; the lab's note already names `make app`.
    nb.cells = [cell for cell in nb.cells if not APP_LINK_CELL_RE.fullmatch(cell.source.strip())]
    return nb


def unfold_notes(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``nb`` whose trainer's notes cells are open: the ``<details>`` fold learners see in the
    notebook becomes ``**Trainer notes.** <text>``, so reveal's speaker view (S) shows the whole note
    at once. Notes cells without the fold are kept as they are."""
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if cell.cell_type != "markdown" or cell.metadata.get("slideshow", {}).get("slide_type") != "notes":
            continue
        folded = FOLDED_NOTES_RE.match(cell.source)
        if folded:
            cell.source = f"**{folded['summary'].strip().rstrip('.')}.** {folded['body']}"
    return nb


def check_no_tex(nb: nbformat.NotebookNode, notebook: str) -> None:
    """Raise if a markdown cell uses TeX math: the offline decks ship no MathJax."""
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown" and TEX_RE.search(cell.source):
            raise SlidesError(
                f"{notebook} cell {index} uses TeX math, but the offline decks ship no MathJax; write the "
                "formula in plain text or Unicode, or add a local MathJax to tools/slides.py"
            )


def rise_settings(nb: nbformat.NotebookNode) -> dict[str, Any]:
    """The notebook's RISE settings that a static deck honours (theme, transition, scroll)."""
    rise = nb.metadata.get("rise", {})
    return {
        "theme": str(rise.get("theme", "white")),
        "transition": str(rise.get("transition", "none")),
        "scroll": bool(rise.get("scroll", True)),
    }


def make_exporter(settings: Mapping[str, Any]) -> SlidesExporter:
    """An nbconvert SlidesExporter with the offline template and every CDN URL emptied."""
    config = Config()
    config.SlidesExporter.reveal_url_prefix = REVEAL_DIR
    config.SlidesExporter.reveal_theme = settings["theme"]
    config.SlidesExporter.reveal_transition = settings["transition"]
    config.SlidesExporter.reveal_scroll = settings["scroll"]
    config.SlidesExporter.reveal_number = "c/t"
    config.SlidesExporter.reveal_width = str(SLIDE_WIDTH)
    config.SlidesExporter.reveal_height = str(SLIDE_HEIGHT)
    config.SlidesExporter.exclude_input_prompt = True
    config.SlidesExporter.exclude_output_prompt = True
    for trait in (
        "require_js_url",
        "mathjax_url",
        "jquery_url",
        "jupyter_widgets_base_url",
        "font_awesome_url",
    ):
        config.SlidesExporter[trait] = ""
    exporter = SlidesExporter(
        config=config,
        extra_loaders=[jinja2.DictLoader({TEMPLATE_NAME: TEMPLATE})],
        template_file=TEMPLATE_NAME,
    )
    exporter.mermaid_js_url = ""
    exporter.mermaid_layout_elk_js_url = ""
    return exporter


HREF_RE = re.compile(r'(<a\s[^>]*?\bhref=")([^"]*)(")')
NOTEBOOK_LINK_RE = re.compile(r"^(\d\d_[a-z0-9_]+)\.ipynb(#.*)?$")


def rewrite_links(page: str, built: Iterable[str], notebook_dir: Path, out_dir: Path) -> str:
    """Point relative links of a deck at the right place from ``out_dir``.

    A link to a notebook that has a deck (stem in ``built``) goes to that deck; other relative links
    go to the same file as from the notebook's folder. Absolute URLs and anchors are left alone.
    """
    decks = set(built)

    def fix(match: re.Match[str]) -> str:
        target = html.unescape(match.group(2))
        if not target or target.startswith("#") or re.match(r"^[a-zA-Z][\w+.-]*:|^//", target):
            return match.group(0)
        notebook = NOTEBOOK_LINK_RE.match(target)
        if notebook and notebook.group(1) in decks:
            new = f"{notebook.group(1)}.slides.html{notebook.group(2) or ''}"
        else:
            new = Path(os.path.relpath(notebook_dir / target, out_dir)).as_posix()
        return match.group(1) + html.escape(new) + match.group(3)

    return HREF_RE.sub(fix, page)


STYLE_RE = re.compile(r"(<style[^>]*>)(.*?)(</style>)", re.DOTALL | re.IGNORECASE)


def strip_style_comments(page: str) -> str:
    """Drop the comments of inlined stylesheets (their reference URLs), keeping copyright notices."""

    def strip_block(match: re.Match[str]) -> str:
        css = CSS_COMMENT_RE.sub(lambda c: c.group(0) if "Copyright" in c.group(0) else "", match.group(2))
        return match.group(1) + css + match.group(3)

    return STYLE_RE.sub(strip_block, page)


def render_deck(deck: Deck, built: Iterable[str], out_dir: Path) -> tuple[str, dict[str, Any]]:
    """HTML of one deck, and the RISE settings it used."""
    nb = nbformat.read(deck.source, as_version=4)
    check_no_tex(nb, deck.source.name)
    settings = rise_settings(nb)
    nb = unfold_notes(static_widgets(nb, deck.source.name))
    resources = {"metadata": {"name": f"{deck.number} {deck.title}", "path": str(deck.source.parent)}}
    body, _ = make_exporter(settings).from_notebook_node(nb, resources=resources)
    return strip_style_comments(rewrite_links(body, built, deck.source.parent, out_dir)), settings


def count_slides(nb_path: Path) -> int:
    """Number of slides and subslides of a notebook (reveal.js sections with content)."""
    nb = nbformat.read(nb_path, as_version=4)
    types = [c.metadata.get("slideshow", {}).get("slide_type", "-") for c in nb.cells]
    visible = [t for t in types if t not in ("notes", "skip")]
    first_is_new = bool(visible) and visible[0] not in ("slide", "subslide")
    return sum(t in ("slide", "subslide") for t in types) + int(first_is_new)


def index_page(decks: Sequence[Deck], slide_counts: Mapping[str, int]) -> str:
    """The index page: a descriptive link to every deck, and how to present."""
    items = []
    for deck in decks:
        minutes = f", {deck.minutes} minutes" if deck.minutes else ""
        promise = f" <span class='promise'>{html.escape(deck.promise)}</span>" if deck.promise else ""
        items.append(
            f'<li><a href="{html.escape(deck.file_name)}">{deck.number} {html.escape(deck.title)}: '
            f"slides</a> ({slide_counts[deck.stem]} slides{minutes}).{promise}</li>"
        )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Influencer marketing, hands on: slide decks</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 52em; margin: 2em auto; padding: 0 1em;
       line-height: 1.5; color: #1a1a1a; }}
li {{ margin: 0.6em 0; }}
.promise {{ display: block; color: #444; }}
kbd {{ border: 1px solid #999; border-radius: 3px; padding: 0 0.3em; }}
</style>
</head>
<body>
<main>
<h1>Influencer marketing, hands on: slide decks</h1>
<p>Static slides of every course notebook. They open offline, straight from this folder.</p>
<ul>
{chr(10).join(items)}
</ul>
<h2>Presenting</h2>
<p><kbd>→</kbd> / <kbd>Space</kbd> next, <kbd>S</kbd> speaker notes (a second window),
<kbd>Esc</kbd> overview, <kbd>F</kbd> full screen.</p>
<p>Labs and quizzes are interactive only in a running notebook: use <code>make lab</code> and present the
notebook itself as a live slideshow (run it, then <b>Toggle Deck</b> in the notebook toolbar: every lab on a
slide responds), or <code>make app LAB=&lt;name&gt;</code> for one lab full screen.</p>
</main>
</body>
</html>
"""


# --------------------------------------------------------------------------------------------
# Writing safely, and the offline scan
# --------------------------------------------------------------------------------------------


def prepare_out_dir(out_dir: Path) -> None:
    """Create ``out_dir`` or accept it when it is empty or was written by this tool; refuse otherwise."""
    if out_dir.exists() and not out_dir.is_dir():
        raise SlidesError(f"{out_dir} is a file; give a folder with --out")
    if out_dir.is_dir() and any(out_dir.iterdir()) and not (out_dir / MARKER).is_file():
        raise SlidesError(
            f"{out_dir} is not empty and was not written by tools/slides.py (no {MARKER} in it); "
            "so nothing there is overwritten. Move its files away or pass --out with a new folder."
        )
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / MARKER).write_text(
        "Written by tools/slides.py (make slides); safe to delete.\n", encoding="utf-8"
    )


def write_bytes(target: Path, data: bytes, out_dir: Path) -> None:
    """Write ``data`` to ``target``, which must lie inside ``out_dir`` (unchanged files are not rewritten)."""
    target, root = target.resolve(), out_dir.resolve()
    if not target.is_relative_to(root):
        raise SlidesError(f"refusing to write {target}: outside the output folder {root}")
    if target.is_file() and target.read_bytes() == data:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


#: Attributes whose URL a browser loads by itself, or follows (a/href, area/href, form/action).
URL_ATTRS = {"src", "href", "srcset", "data", "poster", "action", "formaction", "background", "xlink:href"}
#: Links the reader may click; they load nothing when the deck opens.
NAVIGATION = {("a", "href"), ("area", "href")}
#: Namespace names are identifiers, never fetched.
NAMESPACES = ("http://www.w3.org/2000/svg", "http://www.w3.org/1999/xhtml", "http://www.w3.org/1999/xlink")
URL_IN_CODE_RE = re.compile(
    r"""(?:https?:)?//[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}[^\s"'`)<>]*""", re.IGNORECASE
)
JS_COMMENT_RE = re.compile(r"/\*.*?\*/", re.DOTALL)
#: URL text inside the pinned reveal.js files that is never loaded, with the reason.
INERT_VENDOR_URLS = {
    "https://github.com/markedjs/marked.": "text of an error message (notes plugin's markdown parser)",
    "https://marked.js.org/#/USING_ADVANCED.md#options": "text of a deprecation message (same parser)",
}


def is_remote(url: str) -> bool:
    """Whether ``url`` would be fetched from another host (http(s) or protocol-relative)."""
    url = url.strip().lower()
    return url.startswith(("http://", "https://", "//", "ftp://", "ws://", "wss://"))


def urls_in_code(text: str) -> list[str]:
    """URLs (absolute or protocol-relative) in script or style text, namespace names excepted."""
    found = [m.group(0) for m in URL_IN_CODE_RE.finditer(JS_COMMENT_RE.sub("", text))]
    return [u for u in found if not u.startswith(NAMESPACES)]


class _RemoteScanner(HTMLParser):
    """Collects what an HTML page would load from the network."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.remote: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in URL_ATTRS and (tag, name) not in NAVIGATION:
                candidates = (
                    [part.strip().split(" ")[0] for part in value.split(",")] if name == "srcset" else [value]
                )
                self.remote += [f"<{tag} {name}={v}>" for v in candidates if is_remote(v)]
            elif name == "style":
                self.remote += [f"<{tag} style> {u}" for u in urls_in_code(value)]
            elif (
                name == "content" and "url=" in value.lower() and is_remote(value.lower().split("url=", 1)[1])
            ):
                self.remote.append(f"<{tag} content={value}>")
        self._in = tag if tag in ("script", "style") else None

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self.remote += [f"<{self._in}> {u}" for u in urls_in_code(data)]


def remote_references(path: Path) -> list[str]:
    """What ``path`` (HTML, CSS or JS) would load from the network; empty when it works offline.

    Hyperlinks (``<a href>``) and visible text are not loads. In the pinned reveal.js files, URL
    text in comments and in the messages listed in ``INERT_VENDOR_URLS`` is not a load either.
    """
    text = path.read_text(encoding="utf-8", errors="replace")
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        scanner = _RemoteScanner()
        scanner.feed(text)
        scanner.close()
        return scanner.remote
    if suffix == ".css":
        return [ref for ref in css_references(text) if is_remote(ref)]
    if suffix in (".js", ".mjs"):
        return [u for u in urls_in_code(text) if u not in INERT_VENDOR_URLS]
    return []


def check_offline(out_dir: Path) -> int:
    """Scan every HTML/CSS/JS file under ``out_dir``; raise :class:`SlidesError` listing remote loads."""
    problems, scanned = [], 0
    for path in sorted(out_dir.rglob("*")):
        if path.suffix.lower() in (".html", ".htm", ".css", ".js", ".mjs") and path.is_file():
            scanned += 1
            problems += [f"{path.relative_to(out_dir)}: {ref}" for ref in remote_references(path)]
    if problems:
        listing = "\n  ".join(problems[:30])
        raise SlidesError(
            f"{len(problems)} reference(s) would load from the network, so the decks would not work "
            f"offline:\n  {listing}\nMake them local in tools/slides.py (template or copied assets)."
        )
    return scanned


# --------------------------------------------------------------------------------------------
# The whole build
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BuildReport:
    """What a build wrote: deck files, slide counts, total size (bytes) and wall time (seconds)."""

    decks: list[Path]
    slides: dict[str, int]
    total_bytes: int
    seconds: float
    scanned_files: int


def build(
    numbers: Sequence[str] = (),
    out_dir: Path = DEFAULT_OUT,
    cache_dir: Path = DEFAULT_CACHE,
    notebooks_dir: Path = NOTEBOOKS,
) -> BuildReport:
    """Write the decks, the index and the reveal.js copy to ``out_dir``, then check they work offline."""
    start = time.perf_counter()
    decks = find_decks(numbers, notebooks_dir)
    prepare_out_dir(out_dir)
    built = [d.stem for d in decks]
    themes, written, slides = set(), [], {}
    for deck in decks:
        page, settings = render_deck(deck, built, out_dir)
        themes.add(settings["theme"])
        target = out_dir / deck.file_name
        write_bytes(target, page.encode("utf-8"), out_dir)
        written.append(target)
        slides[deck.stem] = count_slides(deck.source)
    install_reveal(out_dir, themes, cache_dir)
    write_bytes(out_dir / "index.html", index_page(decks, slides).encode("utf-8"), out_dir)
    scanned = check_offline(out_dir)
    total = sum(p.stat().st_size for p in out_dir.rglob("*") if p.is_file())
    return BuildReport(written, slides, total, time.perf_counter() - start, scanned)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python tools/slides.py [NN ...] [--out DIR] [--cache DIR]``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("numbers", nargs="*", help="two-digit notebook numbers (default: every notebook)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: _slides/)")
    parser.add_argument(
        "--cache", type=Path, default=DEFAULT_CACHE, help="download cache (default: build/slides-cache/)"
    )
    args = parser.parse_args(argv)
    try:
        report = build(args.numbers, args.out, args.cache)
    except SlidesError as err:
        print(f"slides: error: {err}", file=sys.stderr)
        return 1
    slides = sum(report.slides.values())
    shown = args.out.resolve()
    shown = shown.relative_to(Path.cwd()) if shown.is_relative_to(Path.cwd()) else shown
    print(
        f"slides: {len(report.decks)} decks ({slides} slides) + index.html in {shown}/, "
        f"{report.total_bytes / 1e6:.1f} MB in total, {report.seconds:.1f} s; "
        f"reveal.js {REVEAL_VERSION} local; {report.scanned_files} files scanned, no network reference"
    )
    print(f"slides: open {shown / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
