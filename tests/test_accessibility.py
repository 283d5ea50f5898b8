"""Accessibility of everything a learner or trainer reads or looks at (issue #7).

* Markdown (stored notebooks, notebooks built from ``tools/notebooks``, lesson plans, READMEs,
  CONTRIBUTING): headings in order, descriptive link text, alt text on images.
* The house palette (:data:`helpers.plots.PALETTE`): distinguishable in greyscale (or always paired
  with different hatches and markers) and under simulated protanopia, deuteranopia and tritanopia.
* Figures of every widget lab and of every analysis ``draw_*`` function a notebook uses: legend
  entries differ by more than colour, and bars grouped by series differ by hatch.

The checking functions are plain functions of text or of a Matplotlib Figure; the first tests below
feed them deliberately bad input, so a checker that stopped finding problems would fail.
"""

from __future__ import annotations

import functools
import importlib.util
import itertools
import json
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.collections import Collection, PathCollection
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.offsetbox import DrawingArea, HPacker, TextArea
from matplotlib.patches import Patch

from helpers import colour, plots

ROOT = Path(__file__).resolve().parents[1]

# =====================================================================================================
# Markdown checks
# =====================================================================================================

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*#*[ \t]*$")
_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
#: ``[text](target)`` or ``[text][ref]`` not preceded by ``!``; the text may hold one image (a badge).
_LINK = re.compile(r"(?<!!)\[((?:[^\[\]]|!\[[^\]]*\]\([^)]*\))*)\](?:\(([^)]*)\)|\[([^\]]*)\])")
_HTML_LINK = re.compile(r"<a\b[^>]*>(.*?)</a>", re.I | re.S)
_HTML_IMG = re.compile(r"<img\b[^>]*>", re.I)
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^>\s]+)>")
_BARE_URL = re.compile(r"(?<![(<\"'=\w])(?:https?://|www\.)[^\s)>\]]+")
_URL_TEXT = re.compile(r"^\s*<?(?:https?://|ftp://|www\.)", re.I)
#: Link text that says nothing about where the link goes (compared lower-case, punctuation stripped).
VAGUE_LINK_TEXT = frozenset(
    {"", "here", "click here", "click", "this", "this link", "link", "read more", "more", "go", "this page"}
)
#: Alt text that says nothing about the image.
VAGUE_ALT_TEXT = frozenset({"image", "picture", "img", "figure", "graphic", "photo", "screenshot", "icon"})


def prose_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, line) of markdown outside fenced code blocks (``` and ~~~ fences)."""
    fence = ""
    for number, line in enumerate(text.splitlines(), start=1):
        match = _FENCE.match(line)
        if fence:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = ""
            continue
        if match:
            fence = match.group(1)
            continue
        yield number, line


def headings(text: str) -> list[tuple[int, int, str]]:
    """ATX headings as (line number, level 1-6, heading text); ``#`` lines in code fences are not headings."""
    found = []
    for number, line in prose_lines(text):
        match = _HEADING.match(line)
        if match:
            found.append((number, len(match.group(1)), (match.group(2) or "").strip()))
    return found


def heading_problems(text: str) -> list[str]:
    """What is wrong with the heading outline: exactly one h1, first, and no level skipped going down."""
    found = headings(text)
    if not found:
        return ["no heading at all: start the document with one '# Title'"]
    problems = []
    h1 = [h for h in found if h[1] == 1]
    if len(h1) != 1:
        lines = ", ".join(f"line {n}" for n, _, _ in h1) or "none"
        problems.append(f"{len(h1)} level-1 headings ({lines}); keep exactly one '# Title'")
    if found[0][1] != 1:
        problems.append(f"line {found[0][0]}: the first heading {found[0][2]!r} should be the '# Title'")
    for (_, before, _), (number, level, text) in itertools.pairwise(found):
        if level > before + 1:
            problems.append(
                f"line {number}: h{before} -> h{level} ({text!r}) skips a level; use {'#' * (before + 1)}"
            )
    problems += [f"line {n}: empty heading; give it words" for n, _, text in found if not text]
    return problems


def _outside_code(line: str, pattern: re.Pattern[str]) -> tuple[list[re.Match[str]], str]:
    """Matches of ``pattern`` that do not start inside an inline code span, and the line with those
    matches and every code span blanked out (for the patterns applied after this one)."""
    spans = [m.span() for m in _INLINE_CODE.finditer(line)]
    matches = [m for m in pattern.finditer(line) if not any(a <= m.start() < b for a, b in spans)]
    rest = list(line)
    for a, b in spans + [m.span() for m in matches]:
        rest[a:b] = " " * (b - a)
    return matches, "".join(rest)


def links(text: str) -> list[tuple[int, str, str]]:
    """Links as (line number, visible text, target): markdown, reference, HTML, autolinks and bare URLs.

    A link whose text is only an image (a badge) has the image's alt text as its visible text. Links
    inside code (fenced blocks, inline code spans) are not links.
    """
    found = []
    for number, raw in prose_lines(text):
        matches, line = _outside_code(raw, _LINK)
        for match in matches:
            label = match.group(1)
            image = _IMAGE.fullmatch(label.strip())
            found.append((number, image.group(1) if image else label, match.group(2) or match.group(3) or ""))
        for match in _HTML_LINK.finditer(line):
            found.append((number, re.sub(r"<[^>]+>", "", match.group(1)), match.group(0)))
        line = _HTML_LINK.sub(" ", line)
        for match in _AUTOLINK.finditer(line):
            found.append((number, match.group(1), match.group(1)))
        line = _AUTOLINK.sub(" ", line)
        for match in _BARE_URL.finditer(line):
            found.append((number, match.group(0), match.group(0)))
    return found


def link_text_problems(text: str) -> list[str]:
    """Links whose visible text does not say where they go: 'here', 'this', 'link', a bare URL, empty."""
    problems = []
    for number, label, target in links(text):
        words = re.sub(r"[^\w\s]", "", label.replace("`", "")).strip().lower()
        words = re.sub(r"\s+", " ", words)
        if words in VAGUE_LINK_TEXT:
            problems.append(
                f"line {number}: link text {label!r} (to {target!r}) says nothing; name the target"
            )
        elif _URL_TEXT.match(label):
            problems.append(f"line {number}: the URL {label!r} is its own link text; write what it points to")
    return problems


def _file_name_forms(src: str) -> set[str]:
    name = src.split("?")[0].split("#")[0].rstrip("/").rsplit("/", 1)[-1].lower()
    stem = name.rsplit(".", 1)[0]
    return {name, stem, re.sub(r"[-_.]+", " ", stem).strip()}


def images(text: str) -> list[tuple[int, str | None, str]]:
    """Images as (line number, alt text or None when an ``<img>`` has no alt attribute, source)."""
    found: list[tuple[int, str | None, str]] = []
    for number, raw in prose_lines(text):
        matches, line = _outside_code(raw, _IMAGE)
        for match in matches:
            found.append((number, match.group(1), match.group(2)))
        for match in _HTML_IMG.finditer(line):
            tag = match.group(0)
            alt = re.search(r"\balt\s*=\s*(?:\"([^\"]*)\"|'([^']*)')", tag, re.I)
            src = re.search(r"\bsrc\s*=\s*(?:\"([^\"]*)\"|'([^']*)')", tag, re.I)
            found.append(
                (
                    number,
                    None if alt is None else (alt.group(1) if alt.group(1) is not None else alt.group(2)),
                    "" if src is None else (src.group(1) if src.group(1) is not None else src.group(2)),
                )
            )
    return found


def alt_text_problems(text: str) -> list[str]:
    """Images with no alt text, or alt text that is only the file name or a word like 'image'."""
    problems = []
    for number, alt, src in images(text):
        words = re.sub(r"\s+", " ", (alt or "").strip().lower())
        if not words:
            problems.append(f"line {number}: image {src!r} has no alt text; describe what it shows")
        elif words in _file_name_forms(src) or words in VAGUE_ALT_TEXT:
            problems.append(f"line {number}: alt text {alt!r} of {src!r} does not describe the image")
    return problems


# --- the documents -----------------------------------------------------------------------------------


def markdown_files() -> dict[str, Path]:
    """Every markdown document learners and trainers read (any ``lessons/*.md`` counts)."""
    fixed = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", ROOT / "datasets" / "README.md"]
    files = [p for p in fixed if p.exists()] + sorted((ROOT / "lessons").glob("*.md"))
    return {str(p.relative_to(ROOT)): p for p in files}


def notebook_markdown(cells: list[dict]) -> str:
    """The markdown cells of a notebook, in order, as one document (headings are checked across cells)."""
    sources = [c["source"] if isinstance(c["source"], str) else "".join(c["source"]) for c in cells]
    return "\n\n".join(s for c, s in zip(cells, sources, strict=True) if c["cell_type"] == "markdown")


def stored_notebooks() -> dict[str, Path]:
    return {p.name: p for p in sorted((ROOT / "notebooks").glob("*.ipynb"))}


def _nbtools() -> ModuleType:
    spec = importlib.util.spec_from_file_location("nbtools", ROOT / "tools" / "nbtools.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@functools.cache
def source_notebooks() -> dict[str, str]:
    """Markdown of every notebook built in memory from ``tools/notebooks`` (not executed), by name."""
    tools = str(ROOT / "tools")
    sys.path.insert(0, tools)  # the sources import ``nbtools``
    try:
        nbtools = _nbtools()
        built = {}
        for path in nbtools.sources().values():
            name, builder = nbtools.load_source(path)
            built[f"tools/notebooks/{path.name} -> {name}.ipynb"] = notebook_markdown(
                builder.notebook().cells
            )
        return built
    finally:
        sys.path.remove(tools)


def _stored_markdown(name: str) -> str:
    return notebook_markdown(json.loads(stored_notebooks()[name].read_text(encoding="utf-8"))["cells"])


MARKDOWN_FILES = sorted(markdown_files())
STORED_NOTEBOOKS = sorted(stored_notebooks())
CHECKS: dict[str, Callable[[str], list[str]]] = {
    "headings": heading_problems,
    "link_text": link_text_problems,
    "alt_text": alt_text_problems,
}


# --- the checkers find what they should ---------------------------------------------------------------


def test_heading_check_flags_skipped_levels_extra_h1_and_a_missing_title():
    assert heading_problems("# T\n## A\n### B\n## C\n### D\n#### E\n") == []
    assert any("h2 -> h4" in p for p in heading_problems("# T\n## A\n#### B\n"))
    assert any("2 level-1" in p for p in heading_problems("# T\n## A\n# Again\n"))
    assert any("first heading" in p for p in heading_problems("## Objectives\n### X\n"))
    assert heading_problems("no headings here") == [
        "no heading at all: start the document with one '# Title'"
    ]


def test_heading_check_ignores_hash_lines_in_fenced_code_and_inline_text():
    text = "# Title\n```sh\n# a comment\n### not a heading\n```\n~~~\n# also code\n~~~\n## Real\n#hashtag\n"
    assert [level for _, level, _ in headings(text)] == [1, 2]
    assert heading_problems(text) == []


def test_headings_are_read_across_notebook_cells_in_order():
    cells = [
        {"cell_type": "markdown", "source": ["# Title\n", "promise"]},
        {"cell_type": "code", "source": "# a Python comment, not a heading"},
        {"cell_type": "markdown", "source": "#### Too deep"},
    ]
    assert any("h1 -> h4" in p for p in heading_problems(notebook_markdown(cells)))


@pytest.mark.parametrize(
    "bad",
    [
        "More in the lesson, [here](notes.md).",
        "[Click here](https://example.org) for the data.",
        "See [this](a.md).",
        "[Read more...](b.md)",
        "[link](c.md)",
        "[](d.md)",
        "[https://example.org/report](https://example.org/report)",
        "Sources: <https://example.org/report>",
        "Sources: https://example.org/report",
        'See <a href="x.html">here</a>.',
        "[here][ref]",
        "[![](badge.svg)](https://example.org)",
    ],
)
def test_link_text_check_flags_vague_text_and_bare_urls(bad):
    assert link_text_problems(bad), bad


def test_link_text_check_accepts_descriptive_links_and_ignores_code():
    good = (
        "[04 - The landscape, then and now](04_landscape_then_and_now.ipynb) and "
        "[![Launch the course in Binder](https://mybinder.org/badge_logo.svg)](https://mybinder.org/v2/x) "
        "and `pip download https://example.org/x` in code.\n```\ncurl https://example.org\n```\n"
    )
    assert link_text_problems(good) == []
    assert [label for _, label, _ in links(good)] == [
        "04 - The landscape, then and now",
        "Launch the course in Binder",
    ]


@pytest.mark.parametrize(
    "bad",
    [
        "![](figures/reach.png)",
        "![reach.png](figures/reach.png)",
        "![reach_by_tier](figures/reach_by_tier.svg)",
        "![Reach by tier](figures/reach-by-tier.svg)",
        "![image](a.png)",
        '<img src="chart.png">',
        '<img src="chart.png" alt="">',
        "<img alt='chart' src='img/chart.png'>",
    ],
)
def test_alt_text_check_flags_missing_empty_and_file_name_alt_text(bad):
    assert alt_text_problems(bad), bad


def test_alt_text_check_accepts_descriptive_alt_text():
    good = '![Reach falls as tiers grow](img/r.png) <img src="a.png" alt="Binder launch button">'
    assert alt_text_problems(good) == []


# --- the course's documents ---------------------------------------------------------------------------


@pytest.mark.parametrize("check", sorted(CHECKS))
@pytest.mark.parametrize("name", MARKDOWN_FILES)
def test_markdown_documents_pass_heading_link_text_and_alt_text_checks(name, check):
    text = markdown_files()[name].read_text(encoding="utf-8")
    assert CHECKS[check](text) == [], f"{name}: {check}"


@pytest.mark.parametrize("check", sorted(CHECKS))
@pytest.mark.parametrize("name", STORED_NOTEBOOKS)
def test_stored_notebooks_pass_heading_link_text_and_alt_text_checks(name, check):
    assert CHECKS[check](_stored_markdown(name)) == [], f"notebooks/{name}: {check}"


@pytest.mark.parametrize("check", sorted(CHECKS))
def test_notebooks_built_from_sources_pass_heading_link_text_and_alt_text_checks(check):
    problems = {name: CHECKS[check](text) for name, text in source_notebooks().items()}
    assert source_notebooks(), "no notebook sources found in tools/notebooks"
    assert {name: p for name, p in problems.items() if p} == {}, check


def test_every_document_the_checks_promise_is_checked():
    assert {"README.md", "CONTRIBUTING.md", "datasets/README.md"} <= set(MARKDOWN_FILES)
    assert sum(name.startswith("lessons/") for name in MARKDOWN_FILES) >= 11
    assert len(STORED_NOTEBOOKS) >= 11
    assert len(source_notebooks()) == len(STORED_NOTEBOOKS)


# =====================================================================================================
# Palette: greyscale and colour-vision deficiency
# =====================================================================================================

#: Minimum CIEDE2000 difference between two palette colours as a viewer with a dichromacy sees them (and
#: between their greys). About 1 is a just-noticeable difference between two large patches side by side;
#: chart marks are small, apart and often on a projector, so categories need a margin an order of
#: magnitude larger. The margin is meaningful: colours dichromats are known to confuse fall far below it
#: (Matplotlib's tab:red vs tab:green under deuteranopia: about 4.6), while the Okabe-Ito palette, designed
#: for these viewers, clears it (its closest pair, orange vs reddish purple under tritanopia: about 10.9).
MIN_DELTA_E00 = 10.0


def close_pairs(labs: list, threshold: float = MIN_DELTA_E00) -> list[tuple[int, int, float]]:
    """Positions (i, j) of colours closer than ``threshold`` in CIEDE2000, with their difference."""
    pairs = []
    for i, j in itertools.combinations(range(len(labs)), 2):
        delta = colour.delta_e_2000(labs[i], labs[j])
        if delta < threshold:
            pairs.append((i, j, round(delta, 2)))
    return pairs


def test_close_pairs_finds_colours_that_look_alike():
    greys = [colour.greyscale_lab(c) for c in ("#E69F00", "#56B4E9", "#000000")]  # orange, sky blue, black
    assert close_pairs(greys) == [(0, 1, pytest.approx(0.6, abs=0.1))]


def test_house_palette_hatches_and_markers_pair_up_by_position():
    assert len(plots.HATCHES) == len(plots.MARKERS) == len(plots.PALETTE)
    assert len(set(plots.HATCHES)) == len(plots.HATCHES), "two series would share a hatch"
    assert len(set(plots.MARKERS)) == len(plots.MARKERS), "two series would share a marker"


def test_palette_colours_close_in_greyscale_always_get_different_hatches_and_markers():
    greys = [colour.greyscale_lab(c) for c in plots.PALETTE]
    for i, j, delta in close_pairs(greys):
        where = (
            f"PALETTE[{i}] {plots.PALETTE[i]} and PALETTE[{j}] {plots.PALETTE[j]} (grey Delta E00 {delta})"
        )
        assert plots.HATCHES[i] != plots.HATCHES[j], f"{where} share a hatch"
        assert plots.MARKERS[i] != plots.MARKERS[j], f"{where} share a marker"


@pytest.mark.parametrize("deficiency", colour.DEFICIENCIES)
def test_palette_stays_distinguishable_under_simulated_dichromacy(deficiency):
    seen = [colour.srgb_to_lab(colour.simulate_deficiency(c, deficiency)) for c in plots.PALETTE]
    named = [(plots.PALETTE[i], plots.PALETTE[j], delta) for i, j, delta in close_pairs(seen)]
    assert named == [], f"under {deficiency} these colours are closer than Delta E00 {MIN_DELTA_E00}"


# =====================================================================================================
# Figures: no information by colour alone
# =====================================================================================================

_NO_MARKER = {None, "None", "none", "", " ", ","}
_NO_LINE = {"None", "none", "", " "}


def _features(artist: Artist) -> tuple:
    """What tells a legend key apart without colour: kind, line style, marker, hollow, hatch, fill."""
    if isinstance(artist, Line2D):
        marker = artist.get_marker()
        marker = None if marker in _NO_MARKER else str(marker)
        style = artist.get_linestyle()
        style = None if style in _NO_LINE or artist.get_linewidth() == 0 else style
        hollow = marker is not None and str(artist.get_markerfacecolor()).lower() == "none"
        return ("line", style, marker, hollow)
    if isinstance(artist, Patch):
        return ("patch", artist.get_hatch() or "", artist.get_fill(), artist.get_linestyle())
    if isinstance(artist, PathCollection):
        shapes = tuple(tuple(p.vertices.round(2).ravel()) for p in artist.get_paths()[:1])
        return ("markers", shapes, artist.get_hatch() or "")
    if isinstance(artist, Collection):
        return (type(artist).__name__, artist.get_hatch() or "", str(artist.get_linestyle()))
    return (type(artist).__name__,)


def legend_entries(legend: Legend) -> list[tuple[str, tuple]]:
    """(label, non-colour signature) of each legend entry, from the key artists the legend drew."""
    entries = []
    for box in legend.findobj(HPacker):
        parts = box.get_children()
        keys = [p for p in parts if isinstance(p, DrawingArea)]
        texts = [p for p in parts if isinstance(p, TextArea)]
        if len(parts) == 2 and len(keys) == 1 and len(texts) == 1:
            signature = tuple(sorted({_features(a) for a in keys[0].get_children()}, key=repr))
            entries.append((texts[0].get_text(), signature))
    return entries


def colour_only_problems(fig: Figure) -> list[str]:
    """Legend entries told apart by colour alone, and bar series that share a hatch, on every Axes.

    Two entries with the same key are fine when one of them is also written on the Axes (a direct
    label): the other is then the one without.
    """
    problems = []
    for n, ax in enumerate(fig.axes):
        where = f"axes {n} ({ax.get_title() or 'untitled'})"
        problems += _legend_problems(ax, where) + _bar_problems(ax, where)
    return problems


def _legend_problems(ax: Axes, where: str) -> list[str]:
    legend = ax.get_legend()
    if legend is None or not legend.get_visible():
        return []
    entries = legend_entries(legend)
    direct = {t.get_text().strip() for t in ax.texts if t.get_visible()}
    problems = []
    for (a, sig_a), (b, sig_b) in itertools.combinations(entries, 2):
        if sig_a == sig_b and not {a.strip(), b.strip()} & direct:
            problems.append(f"{where}: legend entries {a!r} and {b!r} differ by colour only ({sig_a})")
    return problems


def _bar_problems(ax: Axes, where: str) -> list[str]:
    series = {
        c.get_label(): {p.get_hatch() or "" for p in c.patches}
        for c in ax.containers
        if isinstance(c, BarContainer) and c.patches and not str(c.get_label()).startswith("_")
    }
    return [
        f"{where}: bar series {a!r} and {b!r} share hatch {sorted(series[a] & series[b])}"
        for a, b in itertools.combinations(series, 2)
        if series[a] & series[b]
    ]


def test_colour_only_check_flags_lines_and_bars_told_apart_by_colour_alone():
    fig, (left, right) = plots.new_figure(1, 2)
    left.plot([0, 1], [0, 1], color=plots.PALETTE[0], label="a")
    left.plot([0, 1], [1, 0], color=plots.PALETTE[1], label="b")
    left.legend()
    right.bar([0, 1], [1, 2], width=0.4, color=plots.PALETTE[0], label="x")
    right.bar([0.4, 1.4], [2, 1], width=0.4, color=plots.PALETTE[1], label="y")
    right.legend()
    problems = colour_only_problems(fig)
    assert any("'a' and 'b'" in p for p in problems)
    assert any("bar series 'x' and 'y'" in p for p in problems)


def test_colour_only_check_accepts_markers_hatches_line_styles_and_direct_labels():
    fig, (left, mid, right) = plots.new_figure(1, 3)
    plots.bar_groups(left, ["p", "q"], {"x": [1, 2], "y": [2, 1]})
    plots.scatter_groups(mid, {"g": ([1, 2], [1, 2]), "h": ([1, 2], [2, 1])})
    right.plot([0, 1], [0, 1], color=plots.PALETTE[0], label="solid")
    right.plot([0, 1], [1, 0], color=plots.PALETTE[1], linestyle="--", label="dashed")
    right.plot([0, 1], [1, 1], color=plots.PALETTE[2], label="named")
    right.plot([0, 1], [0.5, 0.5], color=plots.PALETTE[3], label="also named")
    right.text(1, 1, "named")
    right.text(1, 0.5, "also named")
    right.legend()
    assert colour_only_problems(fig) == []


def test_errorbar_legend_keys_are_read_with_their_markers():
    fig, ax = plots.new_figure()
    ax.errorbar([1, 2], [1, 2], yerr=0.1, fmt="o", color=plots.PALETTE[0], label="a")
    ax.errorbar([1, 2], [2, 1], yerr=0.1, fmt="o", color=plots.PALETTE[1], label="b")
    ax.legend()
    assert colour_only_problems(fig), "same marker, different colour only"


# --- the widget labs ----------------------------------------------------------------------------------


def _lab_names() -> list[str]:
    from helpers.widgets import LABS

    return sorted(LABS)


@pytest.mark.parametrize("name", _lab_names())
def test_lab_figure_does_not_carry_information_by_colour_alone(name):
    from helpers.widgets import LABS

    lab = LABS[name]()  # bundled data; the constructor runs the first update
    assert lab.result.ok, f"{name} could not draw its first result: {lab.result.message}"
    assert colour_only_problems(lab.fig) == []


# --- the analysis figures the notebooks show ----------------------------------------------------------

_ANALYSIS_IMPORT = re.compile(r"from helpers\.analysis import ([\w ,]+)")
_DRAW_CALL = re.compile(r"\b(\w+)\.(draw_\w+)\(")


def notebook_draw_functions() -> set[str]:
    """``module.draw_x`` for every analysis draw function called in ``tools/notebooks`` (aliases resolved)."""
    used = set()
    for path in sorted((ROOT / "tools" / "notebooks").glob("nb[0-9][0-9]_*.py")):
        text = path.read_text(encoding="utf-8")
        aliases = {}
        for match in _ANALYSIS_IMPORT.finditer(text):
            for item in match.group(1).split(","):
                module, _, alias = item.strip().partition(" as ")
                aliases[(alias or module).strip()] = module.strip()
        for owner, function in _DRAW_CALL.findall(text):
            if owner in aliases:
                used.add(f"{aliases[owner]}.{function}")
    return used


@functools.cache
def _tables() -> dict:
    from helpers import data

    return {
        "landscape": data.load_landscape(),
        "benchmarks": data.load_benchmarks(),
        "campaigns": data.load_campaigns(),
        "outreach": data.load_outreach(),
        "influencers": data.load_influencers(),
        "posts": data.load_posts(),
    }


@functools.cache
def _capstone_plans() -> tuple:
    from helpers.analysis import capstone
    from helpers.exercises import lesson11

    bench = capstone.prepare()
    brief = bench.brief(lesson11.BRAND, goal=lesson11.GOAL, budget_usd=lesson11.BUDGET_USD)
    plan = capstone.build_plan(bench, brief, split="micro + mid")
    hurried = capstone.build_plan(
        bench, brief, split="micro + mid", post_offset_days=-2, cadence="monthly newsletter"
    )
    return plan, hurried


@functools.cache
def _creators() -> tuple:
    from helpers.analysis import finding

    creators = finding.creator_table(_tables()["influencers"], _tables()["posts"])
    return creators, creators.dropna(subset=["lift"])


def _one(draw: Callable[[Axes], object], figsize: tuple[float, float] = plots.FIGSIZE) -> Figure:
    fig, ax = plots.new_figure(figsize=figsize)
    draw(ax)
    return fig


def _fig_brand_vs_creator() -> Figure:
    from helpers.analysis import trust

    t = _tables()
    return _one(
        lambda ax: trust.draw_brand_vs_creator(
            ax, trust.brand_vs_creator_engagement(t["landscape"], t["benchmarks"])
        )
    )


def _fig_metric(metric: str) -> Callable[[], Figure]:
    def build() -> Figure:
        from helpers.analysis import landscape as la

        return _one(lambda ax: la.draw_metric(ax, _tables()["landscape"], metric))

    return build


def _fig_discovery() -> Figure:
    from helpers.analysis import planning

    campaigns = _tables()["campaigns"]
    fig, axes = plots.new_figure(3, 1, figsize=(9, 11.5))  # stacked, as notebook 05 shows it
    planning.draw_discovery_overview(
        axes, planning.signed_by_day(campaigns), planning.discovery_summary(campaigns)
    )
    return fig


def _fig_reply_curve() -> Figure:
    from helpers.analysis import relationships

    curve = relationships.reply_delay_curve(_tables()["outreach"], "template_style")
    return _one(lambda ax: relationships.draw_reply_curve(ax, curve, mark_day=7))


def _fig_uplift() -> Figure:
    from helpers.analysis import relationships

    experiment = relationships.uplift_experiment([0.0, 0.15, 0.5])
    return _one(lambda ax: relationships.draw_uplift_experiment(ax, experiment))


def _fig_reply_rates() -> Figure:
    from helpers.analysis import pitfalls

    return _one(lambda ax: pitfalls.draw_reply_rates(ax, _tables()["outreach"], "sender_role"))


def _fig_drivers() -> Figure:
    from helpers import widgets
    from helpers.analysis import pitfalls

    candidates = widgets.candidate_table(_tables()["influencers"], _tables()["campaigns"])
    return _one(lambda ax: pitfalls.draw_drivers(ax, pitfalls.value_drivers(candidates)))


def _fig_sources() -> Figure:
    from helpers.analysis import pitfalls

    return _one(
        lambda ax: pitfalls.draw_sources(ax, pitfalls.influence_sources_by_tier(_tables()["influencers"]))
    )


def _fig_forecast() -> Figure:
    from helpers.analysis import capstone

    return _one(lambda ax: capstone.draw_forecast(ax, _capstone_plans()[0]))


def _fig_timeline() -> Figure:
    from helpers.analysis import capstone

    return _one(lambda ax: capstone.draw_timeline(ax, _capstone_plans()[1]), figsize=(12, 5))


def _fig_emv_check() -> Figure:
    from helpers.analysis import capstone

    cpm = _tables()["benchmarks"].set_index("key")["value"]
    low, high = cpm["cpm_usd_instagram_low"], cpm["cpm_usd_instagram_high"]
    rates = {f"${low:.0f} CPM": low, f"${high:.0f} CPM": high}
    return _one(lambda ax: capstone.draw_emv_check(ax, _capstone_plans()[0], rates))


def _fig_finding_with_published() -> Figure:
    from helpers.analysis import finding

    creators, _ = _creators()
    bins = finding.binned_medians(creators["followers"], creators["er_pct"], width=0.5)

    def draw(ax: Axes) -> None:
        finding.draw_finding(ax, bins, None, measure="er")
        finding.draw_published(ax)

    return _one(draw)


def _fig_finding_lift() -> Figure:
    from helpers.analysis import finding

    _, lifts = _creators()
    bins = finding.binned_medians(lifts["followers"], lifts["lift"], width=0.5)
    fit = finding.fit_log_followers(lifts["followers"], lifts["lift"], degree=2)
    return _one(lambda ax: finding.draw_finding(ax, bins, fit, measure="lift"))


def _fig_series_samples() -> Figure:
    from helpers.analysis import finding

    creators, _ = _creators()
    comparison = finding.compare_samples(creators, "er_pct")
    return _one(lambda ax: finding.draw_series(ax, comparison, measure="er"))


def _fig_tier_medians() -> Figure:
    from helpers.analysis import finding

    _, lifts = _creators()
    return _one(
        lambda ax: finding.draw_tier_medians(ax, finding.tier_medians(lifts, "lift")), figsize=(12, 5)
    )


def _fig_published_er() -> Figure:
    from helpers.analysis import finding

    return _one(lambda ax: finding.draw_published_er(ax, finding.published_er_table()))


def _fig_audit_tradeoff() -> Figure:
    from helpers import data
    from helpers.analysis import audit

    posts = data.load_posts()
    scores = audit.growth_scores(data.load_follower_growth(), posts)
    truth = audit.planted_truth(data.load_influencers(), posts)
    trade = audit.tradeoff(audit.worst_scores(scores), truth.bought, [3, 5, 10, 20, 30, 50, 100, 500])

    def draw(ax: Axes) -> None:
        audit.draw_tradeoff(ax, trade, marks=(10, 30))
        plots.set_title(ax, "From 10 to 30: precision 64% -> 89%, recall 88% -> 69%", "synthetic course data")

    return _one(draw, figsize=(11, 5))


#: One figure per way a notebook calls an analysis draw function: case id -> (function, builder).
FIGURES: dict[str, tuple[str, Callable[[], Figure]]] = {
    "nb03 brand vs creator": ("trust.draw_brand_vs_creator", _fig_brand_vs_creator),
    "nb04 engagement rate": ("landscape.draw_metric", _fig_metric("engagement_rate")),
    "nb04 instagram users": ("landscape.draw_metric", _fig_metric("instagram_monthly_active_users")),
    "nb04 market size": ("landscape.draw_metric", _fig_metric("market_size")),
    "nb05 discovery overview": ("planning.draw_discovery_overview", _fig_discovery),
    "nb06 reply curve": ("relationships.draw_reply_curve", _fig_reply_curve),
    "nb06 uplift experiment": ("relationships.draw_uplift_experiment", _fig_uplift),
    "nb07 reply rates": ("pitfalls.draw_reply_rates", _fig_reply_rates),
    "nb07 value drivers": ("pitfalls.draw_drivers", _fig_drivers),
    "nb07 influence sources": ("pitfalls.draw_sources", _fig_sources),
    "nb09 forecast": ("capstone.draw_forecast", _fig_forecast),
    "nb09 timeline": ("capstone.draw_timeline", _fig_timeline),
    "nb09 EMV check": ("capstone.draw_emv_check", _fig_emv_check),
    "nb10 finding + published": ("finding.draw_finding finding.draw_published", _fig_finding_with_published),
    "nb10 lift finding": ("finding.draw_finding", _fig_finding_lift),
    "nb10 published benchmark": ("finding.draw_published_er", _fig_published_er),
    "nb10 samples compared": ("finding.draw_series", _fig_series_samples),
    "nb10 tier medians": ("finding.draw_tier_medians", _fig_tier_medians),
    "nb10 follower audit trade-off": ("audit.draw_tradeoff", _fig_audit_tradeoff),
}


def test_every_analysis_draw_function_a_notebook_uses_has_a_figure_check():
    used = notebook_draw_functions()
    covered = {name for function, _ in FIGURES.values() for name in function.split()}
    assert len(used) >= 10, f"found only {sorted(used)} in tools/notebooks: is the grep still right?"
    assert used - covered == set(), "add a case to FIGURES for each of these"


@pytest.mark.parametrize("case", sorted(FIGURES))
def test_analysis_figure_does_not_carry_information_by_colour_alone(case):
    _, build = FIGURES[case]
    assert colour_only_problems(build()) == []
