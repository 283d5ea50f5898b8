"""The course website, built offline from the stored notebooks (``make site``).

Sphinx with myst-nb and sphinx-book-theme (the stack of Jupyter Book 1) turns the executed notebooks
in ``notebooks/`` (never re-run: ``nb_execution_mode = "off"``), the lesson plans and the trainer
guide in ``lessons/``, the changelog, the code of conduct and a generated home page (the course map,
from ``helpers.course.COURSE``) into a static site in ``_site/``: navigation, Sphinx's own search,
the figures, and the labs' and checks' first view drawn from the notebooks' stored widget state.

Nothing is downloaded while building, and nothing is loaded from another host when the site is read:

* the theme ships its fonts and scripts; Sphinx's search index is a local file;
* the widget renderer is ``@jupyter-widgets/html-manager`` (``dist/embed.js`` and its fonts), copied
  into ``_static/`` from the npm tarball of a pinned version whose integrity hash is checked. The
  tarball is kept in ``build/site-cache/`` (fetched once from the npm registry when missing, as
  ``make slides`` does for reveal.js);
* at the end every HTML and CSS file is scanned, and the build fails if a page would load anything
  from another host (a link that a reader may click is not a load).

Each lesson page has launch links under its title (:func:`launch_links`): Binder, and a JupyterHub
through nbgitpuller when a hub address is given (``--hub-url``, or ``$COURSE_HUB_URL``).

Usage::

    python tools/site_build.py                    # -> _site/ (open _site/index.html)
    python tools/site_build.py --out DIR          # another folder (new, empty or written by this tool)
    python tools/site_build.py --hub-url https://hub.example.edu

Nothing outside the output folder, the staging folder (``build/site-src/``) and the cache is written.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import html
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from hub_link import DEFAULT_REPO, LinkError, check_hub, hub_link  # noqa: E402 (tools/hub_link.py, `make hub-link`)
from slides import (  # noqa: E402 (tools/slides.py, `make slides`)
    APP_LINK_CELL_RE,
    css_references,
    is_remote,
    package_files,
)

CONFIG_DIR = Path(__file__).resolve().parent / "site_config"
DEFAULT_OUT = ROOT / "_site"
DEFAULT_STAGE = ROOT / "build" / "site-src"
DEFAULT_CACHE = ROOT / "build" / "site-cache"
MARKER = ".written-by-tools-site_build"
NOTEBOOK_NAME_RE = re.compile(r"^(\d\d)_[a-z0-9_]+$")

TITLE = "Influencer marketing, hands on"
AUTHOR = "The Influencer Marketing Course authors"
#: The repository the launch links open: `make hub-link`'s (the README's Binder badge, a test checks).
REPOSITORY_URL = DEFAULT_REPO
REPOSITORY = urllib.parse.urlsplit(REPOSITORY_URL).path.strip("/")
BINDER_URL = "https://mybinder.org"
BINDER_REF = "HEAD"

# --------------------------------------------------------------------------------------------
# The pinned widget renderer: `npm view @jupyter-widgets/html-manager@1.0.15 dist.integrity`
# (1.0.x renders ipywidgets 8's models, the course's ipywidgets=8.1)
# --------------------------------------------------------------------------------------------

HTML_MANAGER_VERSION = "1.0.15"
HTML_MANAGER_INTEGRITY = (
    "sha512-5thBIV6ymNgmPVOHvzx+gGy8ZSKmSazhtGw4/c4xJDVzRhG9PTeQsRjF3FUTopvFi//SABeNz1yp47bCrJ3CQA=="
)
DEFAULT_REGISTRY = "https://registry.npmjs.org"
DOWNLOAD_TIMEOUT_S = 60
#: Folder of the renderer inside ``_static`` (pages load ``_static/<this>/embed.js``).
WIDGETS_DIR = "jupyter-widgets"
#: Font files that the renderer's stylesheet loads from beside embed.js.
WIDGET_FONT_SUFFIXES = (".woff2", ".woff", ".ttf", ".eot", ".svg")


class SiteError(Exception):
    """Something the user can fix; the message says what is wrong and what to do."""


# --------------------------------------------------------------------------------------------
# Launch links
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LaunchLink:
    """One way to run a lesson live: the link text and where it goes."""

    label: str
    url: str


def binder_url(notebook: str, repository: str = REPOSITORY, ref: str = BINDER_REF) -> str:
    """mybinder.org link that builds the repository and opens ``notebooks/<notebook>`` in JupyterLab."""
    return f"{BINDER_URL}/v2/gh/{repository}/{ref}?urlpath=lab/tree/notebooks/{urllib.parse.quote(notebook)}"


def check_hub_url(hub_url: str) -> str:
    """The hub's base address as `make hub-link` accepts it (tools/hub_link.py), or :class:`SiteError`."""
    try:
        return check_hub(hub_url)
    except LinkError as err:
        raise SiteError(f"{err} (make site HUB_URL=... or --hub-url)") from None


def hub_url_for(notebook: str, hub_url: str) -> str:
    """The nbgitpuller link (tools/hub_link.py, as `make hub-link` makes it): the hub clones or updates
    the course into the learner's home folder and opens ``notebooks/<notebook>`` in JupyterLab."""
    try:
        return hub_link(hub_url, notebook=f"notebooks/{notebook}")
    except LinkError as err:
        raise SiteError(f"{err} (make site HUB_URL=... or --hub-url)") from None


def launch_links(notebook: str, hub_url: str | None = None) -> list[LaunchLink]:
    """Ways to run lesson ``notebook`` live: Binder always, a JupyterHub when ``hub_url`` is given."""
    links = [LaunchLink("Run on Binder", binder_url(notebook))]
    if hub_url:
        links.append(LaunchLink("Run on your JupyterHub", hub_url_for(notebook, hub_url)))
    return links


# --------------------------------------------------------------------------------------------
# What goes on the site
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Lesson:
    """A lesson page: number, stem (``03_why_it_works``), title, promise, minutes, lesson plan stem."""

    number: str
    stem: str
    title: str
    promise: str
    minutes: int | None
    plan: str | None

    @property
    def docname(self) -> str:
        """The page's name in the site, e.g. ``notebooks/03_why_it_works``."""
        return f"notebooks/{self.stem}"


def find_lessons(root: Path = ROOT) -> list[Lesson]:
    """Every stored notebook ``notebooks/NN_*.ipynb`` in number order, described by ``COURSE`` (a notebook
    that ``COURSE`` does not list yet keeps its place and is titled from its file name)."""
    from helpers.course import COURSE

    course = {lesson.number: lesson for lesson in COURSE}
    lessons = []
    for path in sorted((root / "notebooks").glob("*.ipynb")):
        match = NOTEBOOK_NAME_RE.match(path.stem)
        if not match:
            continue
        known = course.get(match.group(1))
        slug = path.stem[3:]
        if known and known.slug != slug:
            known = None  # a notebook COURSE describes under another name: not this one
        plan = root / "lessons" / f"{path.stem}.md"
        lessons.append(
            Lesson(
                number=match.group(1),
                stem=path.stem,
                title=known.title if known else slug.replace("_", " ").capitalize(),
                promise=known.promise if known else "",
                minutes=known.minutes if known else None,
                plan=plan.stem if plan.is_file() else None,
            )
        )
    if not lessons:
        raise SiteError(f"no notebooks in {root / 'notebooks'}: the site shows the stored notebooks")
    return lessons


def course_version() -> str:
    """The course's version: ``helpers.__version__``."""
    import helpers

    return helpers.__version__


def index_markdown(
    lessons: Sequence[Lesson],
    hub_url: str | None,
    version: str,
    templates: Sequence[str] = (),
    guides: Sequence[str] = (),
) -> str:
    """The home page: what the course is and how to use the site, and the course map."""
    rows = ["| # | lesson | you will be able to | minutes | for trainers |", "|---|---|---|---|---|"]
    for lesson in lessons:
        plan = f"[lesson plan {lesson.number}](lessons/{lesson.plan}.md)" if lesson.plan else ""
        minutes = "" if lesson.minutes is None else str(lesson.minutes)
        rows.append(
            f"| {lesson.number} | [{lesson.title}]({lesson.docname}.ipynb) | {lesson.promise} "
            f"| {minutes} | {plan} |"
        )
    total = sum(lesson.minutes or 0 for lesson in lessons)
    rows.append(f"| | **whole course** | | **{total}** | [trainer guide](lessons/trainer_guide.md) |")
    where = "on Binder or on your organisation's JupyterHub" if hub_url else "on Binder"
    lessons_toc = "\n".join(f"{lesson.number} · {lesson.title} <{lesson.docname}>" for lesson in lessons)
    plans_toc = "\n".join(
        f"Lesson plan {lesson.number} <lessons/{lesson.plan}>" for lesson in lessons if lesson.plan
    )
    templates_toc = "\n".join(f"templates/{name}" for name in templates)
    guides_toc = "\n".join(f"docs/{name}" for name in guides)
    return f"""# {TITLE}

An open course on **influencer marketing**: what it is, who counts as an influencer, why it works,
what works and what does not, and how to measure it. Each lesson is a Jupyter notebook with figures,
widget labs and self-check exercises, and has a lesson plan for trainers.

This website shows every lesson as it was last run: its text, its figures, and the first view of its
labs and checks. To move a lab's controls or check an answer, run the lesson live: {where} (the links
under each lesson's title), or on your own computer (`make lab`, see the repository's README).
Search the whole course with the search box. This is version {version} of the course.

## Course map

{chr(10).join(rows)}

Minutes are for a trainer-led group working in pairs, exercises included.

```{{toctree}}
:caption: Lessons
:hidden:

{lessons_toc}
```

```{{toctree}}
:caption: For trainers
:hidden:

Trainer guide <lessons/trainer_guide>
{guides_toc}
{plans_toc}
```

```{{toctree}}
:caption: To take away
:hidden:

The course data: datasheet <datasets/README>
{templates_toc}
```

```{{toctree}}
:caption: About the course
:hidden:

about/cite
about/changelog
about/code_of_conduct
```
"""


def cite_markdown(root: Path = ROOT) -> str:
    """How to cite the course, with the repository's CITATION.cff as it is."""
    cff = (root / "CITATION.cff").read_text(encoding="utf-8")
    return f"""# How to cite the course

Cite the version you taught or used: the footer of every page and `helpers.__version__` name it, and
the [changelog](changelog.md) says what each version changed. The repository's `CITATION.cff` holds
the citation in the Citation File Format, which GitHub and Zenodo read:

```yaml
{cff.rstrip()}
```
"""


# A relative Markdown link ``](target)`` or ``](target#anchor)``.
MD_LINK_RE = re.compile(r"\]\((?![a-z][a-z0-9+.-]*:|#|/)([^)\s#]+)(#[^)\s]*)?\)", re.IGNORECASE)


def rewrite_links(text: str, source: Path, staged: dict[Path, Path], dest: Path, root: Path = ROOT) -> str:
    """The relative links of ``source`` (a repository file, staged at ``dest``) pointed at their staged
    copy, or, for repository files the site does not hold (README, datasheet), at the repository."""

    def replace(match: re.Match[str]) -> str:
        target, anchor = match.group(1), match.group(2) or ""
        resolved = (source.parent / urllib.parse.unquote(target)).resolve()
        if resolved in staged:
            return f"]({Path(os.path.relpath(staged[resolved], dest.parent)).as_posix()}{anchor})"
        if resolved.is_relative_to(root.resolve()) and resolved.exists():
            relative = resolved.relative_to(root.resolve()).as_posix()
            return f"]({REPOSITORY_URL}/blob/{BINDER_REF}/{relative}{anchor})"
        return match.group(0)

    return MD_LINK_RE.sub(replace, text)


def _source(cell: dict) -> str:
    return cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])


def staged_notebook(text: str, source: Path, staged: dict[Path, Path], dest: Path, root: Path) -> str:
    """A notebook's JSON with :func:`rewrite_links` applied to its Markdown cells, without the cells that
    only show a lab's full-screen link (it opens the lab in a running Voila server, which a static site
    does not have; the static slide decks leave them out too)."""
    nb = json.loads(text)
    nb["cells"] = [
        cell
        for cell in nb.get("cells", [])
        if not (cell.get("cell_type") == "code" and APP_LINK_CELL_RE.fullmatch(_source(cell).strip()))
    ]
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "markdown":
            cell["source"] = rewrite_links(_source(cell), source, staged, dest, root)
    return json.dumps(nb, ensure_ascii=False)


def stage(stage_dir: Path, lessons: Sequence[Lesson], hub_url: str | None, version: str, root: Path) -> None:
    """Write the Sphinx project (configuration, pages, settings) to ``stage_dir``, emptied first."""
    if stage_dir.exists():
        shutil.rmtree(stage_dir)
    shutil.copytree(CONFIG_DIR, stage_dir, ignore=shutil.ignore_patterns("__pycache__"))
    pages: dict[Path, Path] = {}
    for lesson in lessons:
        pages[root / "notebooks" / f"{lesson.stem}.ipynb"] = stage_dir / f"{lesson.docname}.ipynb"
        if lesson.plan:
            pages[root / "lessons" / f"{lesson.plan}.md"] = stage_dir / "lessons" / f"{lesson.plan}.md"
    pages[root / "lessons" / "trainer_guide.md"] = stage_dir / "lessons" / "trainer_guide.md"
    for extra in sorted((root / "templates").glob("*.md")):  # lesson 08's take-away templates
        pages[extra] = stage_dir / "templates" / extra.name
    for extra in sorted((root / "docs").glob("*.md")):  # guides for trainers (e.g. a class on a JupyterHub)
        pages[extra] = stage_dir / "docs" / extra.name
    pages[root / "datasets" / "README.md"] = stage_dir / "datasets" / "README.md"
    pages[root / "CHANGELOG.md"] = stage_dir / "about" / "changelog.md"
    pages[root / "CODE_OF_CONDUCT.md"] = stage_dir / "about" / "code_of_conduct.md"
    staged = {source.resolve(): dest for source, dest in pages.items()}
    for source, dest in staged.items():
        if not source.is_file():
            raise SiteError(f"{source} is missing; the site shows it")
        dest.parent.mkdir(parents=True, exist_ok=True)
        text = source.read_text(encoding="utf-8")
        if source.suffix == ".ipynb":
            text = staged_notebook(text, source, staged, dest, root)
        else:
            text = rewrite_links(text, source, staged, dest, root)
        dest.write_text(text, encoding="utf-8")
    (stage_dir / "about" / "cite.md").write_text(cite_markdown(root), encoding="utf-8")
    templates = [
        p.stem for p in sorted((stage_dir / "templates").glob("*.md"), key=lambda p: p.stem != "README")
    ]
    guides = [p.stem for p in sorted((stage_dir / "docs").glob("*.md"))]
    index = index_markdown(lessons, hub_url, version, templates, guides)
    (stage_dir / "index.md").write_text(index, encoding="utf-8")
    settings = {
        "title": TITLE,
        "author": AUTHOR,
        "copyright": f"{AUTHOR}; code MIT licence, content CC BY 4.0",
        "version": version,
        "widgets_js": f"{WIDGETS_DIR}/embed.js",
        "lessons": {
            lesson.docname: {
                "number": lesson.number,
                "lead": "Run this lesson live:",
                "links": [vars(link) for link in launch_links(f"{lesson.stem}.ipynb", hub_url)],
            }
            for lesson in lessons
        },
    }
    (stage_dir / "site_settings.json").write_text(json.dumps(settings, indent=1), encoding="utf-8")


# --------------------------------------------------------------------------------------------
# The widget renderer (npm tarball, pinned, cached)
# --------------------------------------------------------------------------------------------


def sri_digest(data: bytes, integrity: str = HTML_MANAGER_INTEGRITY) -> str:
    """Subresource-integrity string (``sha512-<base64>``) of ``data``, same algorithm as ``integrity``."""
    algorithm = integrity.split("-", 1)[0]
    return f"{algorithm}-{base64.b64encode(hashlib.new(algorithm, data).digest()).decode('ascii')}"


def html_manager_tarball(cache_dir: Path = DEFAULT_CACHE) -> bytes:
    """The verified html-manager tarball: from ``cache_dir`` when there and intact, else from npm."""
    name = f"html-manager-{HTML_MANAGER_VERSION}.tgz"
    cached = cache_dir / name
    if cached.is_file():
        data = cached.read_bytes()
        if sri_digest(data) == HTML_MANAGER_INTEGRITY:
            return data
        print(f"site: {cached} does not match its integrity hash; fetching it again", file=sys.stderr)
    registry = (os.environ.get("NPM_CONFIG_REGISTRY") or DEFAULT_REGISTRY).rstrip("/")
    url = f"{registry}/@jupyter-widgets/html-manager/-/{name}"
    try:
        with urllib.request.urlopen(url, timeout=DOWNLOAD_TIMEOUT_S) as response:
            data = response.read()
    except (urllib.error.URLError, OSError) as err:
        raise SiteError(
            f"could not fetch @jupyter-widgets/html-manager {HTML_MANAGER_VERSION} from {url} ({err}). "
            "`make site` needs the npm registry once; the tarball is then cached. Connect and run again, "
            f"or fetch it with npm: `npm pack @jupyter-widgets/html-manager@{HTML_MANAGER_VERSION} "
            f"--pack-destination {cache_dir}` and rename the file to {name}."
        ) from err
    if sri_digest(data) != HTML_MANAGER_INTEGRITY:
        raise SiteError(
            f"@jupyter-widgets/html-manager {HTML_MANAGER_VERSION} from {url} failed its integrity check "
            f"(expected {HTML_MANAGER_INTEGRITY}); check the registry mirror (NPM_CONFIG_REGISTRY)."
        )
    cache_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=cache_dir, delete=False, suffix=".part") as part:
        part.write(data)
    Path(part.name).replace(cached)
    return data


def install_widget_renderer(static_dir: Path, cache_dir: Path = DEFAULT_CACHE) -> list[Path]:
    """Copy html-manager's ``dist/embed.js``, licence notes and fonts to ``static_dir/jupyter-widgets/``."""
    files = package_files(html_manager_tarball(cache_dir))
    wanted = ["dist/embed.js", "dist/embed.js.LICENSE.txt", "package.json"]
    wanted += sorted(p for p in files if p.startswith("dist/") and p.endswith(WIDGET_FONT_SUFFIXES))
    written = []
    for path in wanted:
        if path not in files:
            raise SiteError(f"@jupyter-widgets/html-manager {HTML_MANAGER_VERSION} has no {path}")
        target = static_dir / WIDGETS_DIR / Path(path).name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(files[path])
        written.append(target)
    return written


# --------------------------------------------------------------------------------------------
# After Sphinx: alt text for the stored figures, the offline scan
# --------------------------------------------------------------------------------------------


def png_description(png: bytes) -> str:
    """The PNG's ``Description`` text chunk, "" when it has none. ``helpers.plots.show`` stores there
    every visible text of a figure (titles, axis labels, value labels, legend)."""
    pos = 8
    while pos + 8 <= len(png):
        (length,) = struct.unpack(">I", png[pos : pos + 4])
        kind, payload = png[pos + 4 : pos + 8], png[pos + 8 : pos + 8 + length]
        if kind == b"iTXt" and payload.startswith(b"Description\x00"):
            # keyword NUL, compression flag, method, language tag NUL, translated keyword NUL, text
            fields = payload[len(b"Description\x00") + 2 :].split(b"\x00", 2)
            return fields[-1].decode("utf-8", errors="replace") if len(fields) == 3 else ""
        if kind == b"tEXt" and payload.startswith(b"Description\x00"):
            return payload[len(b"Description\x00") :].decode("latin-1")
        if kind == b"IEND":
            break
        pos += 12 + length
    return ""


#: A value label (``17.5``, ``0.067%``, ``2.4x``, ``$1,200``, ``12K``): left out of alt text.
VALUE_LABEL_RE = re.compile(r"^[-+−~≈$]?[\d.,]+\s*(%|x|[KkMB])?$")


def alt_from_description(text: str) -> str:
    """Alt text from a figure's texts: its words (title, subtitle, axis labels, legend), in order."""
    lines = [line.strip() for line in text.splitlines()]
    words = [line for line in lines if line and not VALUE_LABEL_RE.match(line)]
    return "Figure: " + "; ".join(words) if words else ""


IMG_RE = re.compile(r"<img\b[^>]*>")
ATTR_RE = re.compile(r'\b(alt|src)="([^"]*)"')


def described_tag(tag: str, page: Path) -> str | None:
    """``<img ...>`` with the figure's own words as alt text, or None when it keeps its own: only stored
    figures (``_images/``) whose alt text is their file name (myst-nb's default) get new words."""
    attrs = dict(ATTR_RE.findall(tag))
    src, alt = attrs.get("src", ""), attrs.get("alt", "")
    if "_images/" not in src or (alt and Path(alt).name != Path(src).name):
        return None
    image = page.parent / urllib.parse.unquote(src)
    words = alt_from_description(png_description(image.read_bytes())) if image.is_file() else ""
    if not words:
        return None
    new_alt = f'alt="{html.escape(words, quote=True)}"'
    return re.sub(r'\balt="[^"]*"', new_alt, tag) if "alt=" in tag else f"<img {new_alt}{tag[4:]}"


def describe_images(out_dir: Path) -> int:
    """Give each stored figure in the site's pages its own words as alt text; returns how many."""
    described = 0
    for page in sorted(out_dir.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        parts, last = [], 0
        for match in IMG_RE.finditer(text):
            new = described_tag(match.group(0), page)
            if new is not None:
                parts += [text[last : match.start()], new]
                last = match.end()
                described += 1
        if parts:
            page.write_text("".join(parts) + text[last:], encoding="utf-8")
    return described


IPYNB_HREF_RE = re.compile(
    r"""href=(["'])(?![a-z][a-z0-9+.-]*:|/|#)([^"'#?]+)\.ipynb(#[^"']*)?\1""", re.IGNORECASE
)


def link_lesson_pages(out_dir: Path) -> int:
    """Point links to a notebook (``03_why_it_works.ipynb``) at its page (``03_why_it_works.html``) where
    Sphinx could not: links inside outputs, such as the course map that ``00_start_here`` displays.
    Returns how many links were changed."""
    changed = 0
    for page in sorted(out_dir.rglob("*.html")):
        text = page.read_text(encoding="utf-8")

        def to_page(match: re.Match[str], page: Path = page) -> str:
            nonlocal changed
            quote, path, anchor = match.group(1), match.group(2), match.group(3) or ""
            if not (page.parent / (urllib.parse.unquote(path) + ".html")).is_file():
                return match.group(0)
            changed += 1
            return f"href={quote}{path}.html{anchor}{quote}"

        new = IPYNB_HREF_RE.sub(to_page, text)
        if new != text:
            page.write_text(new, encoding="utf-8")
    return changed


#: Attributes whose URL the browser loads by itself (a link's href is followed only when clicked).
LOAD_ATTRS = {"src", "srcset", "data", "poster", "background", "xlink:href"}
#: ``<link rel=...>`` kinds that name a page rather than load one.
LINK_RELS_NOT_LOADED = {"canonical", "alternate", "author", "license", "next", "prev", "search", "index"}


class _LoadScanner(HTMLParser):
    """What an HTML page would load from another host: src attributes, stylesheets, icons, styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.remote: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        rel = set((dict(attrs).get("rel") or "").lower().split())
        for name, value in attrs:
            if value is None:
                continue
            if name in LOAD_ATTRS or (tag == "link" and name == "href" and not rel <= LINK_RELS_NOT_LOADED):
                urls = (
                    [part.strip().split(" ")[0] for part in value.split(",")] if name == "srcset" else [value]
                )
                self.remote += [f"<{tag} {name}={url}>" for url in urls if is_remote(url)]
            elif name == "style":
                self.remote += [f"<{tag} style> {url}" for url in css_references(value) if is_remote(url)]


def remote_loads(out_dir: Path) -> list[str]:
    """Every reference in the site's HTML and CSS files that a browser would load from another host."""
    problems = []
    for path in sorted(out_dir.rglob("*")):
        if path.suffix == ".html":
            scanner = _LoadScanner()
            scanner.feed(path.read_text(encoding="utf-8", errors="replace"))
            scanner.close()
            problems += [f"{path.relative_to(out_dir)}: {ref}" for ref in scanner.remote]
        elif path.suffix == ".css":
            text = path.read_text(encoding="utf-8", errors="replace")
            problems += [
                f"{path.relative_to(out_dir)}: {ref}" for ref in css_references(text) if is_remote(ref)
            ]
    return problems


# --------------------------------------------------------------------------------------------
# The whole build
# --------------------------------------------------------------------------------------------


def prepare_out_dir(out_dir: Path) -> None:
    """Accept ``out_dir`` when new, empty or written by this tool (then emptied); refuse otherwise."""
    if out_dir.exists() and not out_dir.is_dir():
        raise SiteError(f"{out_dir} is a file; give a folder with --out")
    if out_dir.is_dir() and any(out_dir.iterdir()):
        if not (out_dir / MARKER).is_file():
            raise SiteError(
                f"{out_dir} is not empty and was not written by tools/site_build.py (no {MARKER} in it), "
                "so nothing there is overwritten. Move its files away or pass --out with a new folder."
            )
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / MARKER).write_text("Written by tools/site_build.py (make site); safe to delete.\n")


@dataclass(frozen=True)
class BuildReport:
    """What a build wrote: lesson stems, HTML pages, total size (bytes), wall time (s), figures described."""

    lessons: list[str]
    pages: int
    total_bytes: int
    seconds: float
    described_figures: int


def build(
    out_dir: Path = DEFAULT_OUT,
    hub_url: str | None = None,
    cache_dir: Path = DEFAULT_CACHE,
    stage_dir: Path = DEFAULT_STAGE,
    root: Path = ROOT,
) -> BuildReport:
    """Stage the pages, run Sphinx (a warning fails the build), describe figures, refuse off-host loads."""
    start = time.perf_counter()
    hub_url = check_hub_url(hub_url) if hub_url else None
    lessons = find_lessons(root)
    version = course_version()
    prepare_out_dir(out_dir)
    stage(stage_dir, lessons, hub_url, version, root)
    install_widget_renderer(stage_dir / "_static", cache_dir)
    doctrees = stage_dir.with_name(f"{stage_dir.name}-doctrees")
    command = [
        sys.executable, "-m", "sphinx", "-b", "html", "-q", "-W", "--keep-going", "-E",
        "-d", str(doctrees), str(stage_dir), str(out_dir),
    ]  # fmt: skip
    # myst-nb writes the notebooks' output files to <out_dir>/../jupyter_execute (hard-coded): a folder
    # this build made there is removed, so `make site` leaves nothing but _site/ in the checkout
    scratch = out_dir.resolve().parent / "jupyter_execute"
    scratch_existed = scratch.exists()
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    finally:
        if not scratch_existed:
            shutil.rmtree(scratch, ignore_errors=True)
    if result.returncode != 0:
        raise SiteError(f"Sphinx could not build the site:\n{result.stderr.strip()[-4000:]}")
    described = describe_images(out_dir)
    link_lesson_pages(out_dir)
    problems = remote_loads(out_dir)
    if problems:
        listing = "\n  ".join(problems[:30])
        raise SiteError(
            f"{len(problems)} reference(s) would load from another host, so the site would not work "
            f"offline:\n  {listing}\nMake them local in tools/site_config/ or tools/site_build.py."
        )
    total = sum(p.stat().st_size for p in out_dir.rglob("*") if p.is_file())
    pages = sum(1 for _ in out_dir.rglob("*.html"))
    return BuildReport([x.stem for x in lessons], pages, total, time.perf_counter() - start, described)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python tools/site_build.py [--out DIR] [--hub-url URL] [--cache DIR]``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: _site/)")
    parser.add_argument(
        "--hub-url",
        default=os.environ.get("COURSE_HUB_URL") or None,
        help="JupyterHub address for nbgitpuller launch links (default: $COURSE_HUB_URL, else none)",
    )
    parser.add_argument(
        "--cache", type=Path, default=DEFAULT_CACHE, help="download cache (build/site-cache/)"
    )
    args = parser.parse_args(argv)
    try:
        report = build(args.out, args.hub_url, args.cache)
    except SiteError as err:
        print(f"site: error: {err}", file=sys.stderr)
        return 1
    shown = args.out.resolve()
    shown = shown.relative_to(Path.cwd()) if shown.is_relative_to(Path.cwd()) else shown
    print(
        f"site: {len(report.lessons)} lessons, {report.pages} pages in {shown}/, "
        f"{report.total_bytes / 1e6:.1f} MB, {report.seconds:.0f} s; {report.described_figures} figures "
        "described; widget renderer local; nothing loads from another host"
    )
    print(f"site: open {shown / 'index.html'}, or serve it: python -m http.server -d {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
