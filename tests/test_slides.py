"""tools/slides.py: static reveal.js decks that open offline.

Two course notebooks are built into a temporary folder (never ``_slides/``); the reveal.js tarball
comes from ``build/slides-cache/`` (downloaded once from the npm registry when missing).
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import urllib.error
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("course_slides_tool", ROOT / "tools" / "slides.py")
assert _spec is not None and _spec.loader is not None
slides = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = slides
_spec.loader.exec_module(slides)

NUMBERS = ("00", "01")
ANY_URL_RE = re.compile(r"(?:https?:)?//[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}", re.IGNORECASE)


def _notebook(stem: str) -> dict[str, Any]:
    return json.loads((ROOT / "notebooks" / f"{stem}.ipynb").read_text(encoding="utf-8"))


def _slide_types(stem: str) -> list[str]:
    return [c["metadata"].get("slideshow", {}).get("slide_type", "-") for c in _notebook(stem)["cells"]]


class _Sections(HTMLParser):
    """Nesting of reveal.js sections, speaker-notes asides and fragments in a deck."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.top: list[list[str]] = []  # per top-level section: text of its first heading etc.
        self.inner = 0
        self.asides: list[str] = []
        self.fragments = 0
        self._aside = False
        self.local_refs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "section":
            self.depth += 1
            if self.depth == 1:
                self.top.append([])
            elif self.depth == 2:
                self.inner += 1
        elif tag == "aside" and found.get("class") == "notes":
            self._aside = True
            self.asides.append("")
        elif tag == "div" and "fragment" in (found.get("class") or "").split():
            self.fragments += 1
        if tag in ("script", "link", "img") and (found.get("src") or found.get("href")):
            self.local_refs.append(found.get("src") or found.get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "section":
            self.depth -= 1
        elif tag == "aside":
            self._aside = False

    def handle_data(self, data: str) -> None:
        if self._aside:
            self.asides[-1] += data
        elif self.depth and self.top:
            self.top[-1].append(data)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    out = tmp_path_factory.mktemp("slides") / "decks"
    report = slides.build(NUMBERS, out_dir=out, cache_dir=slides.DEFAULT_CACHE)
    return out, report


def _deck(out: Path, stem: str) -> tuple[str, _Sections]:
    page = (out / f"{stem}.slides.html").read_text(encoding="utf-8")
    parsed = _Sections()
    parsed.feed(page)
    return page, parsed


STEMS = [p.stem for n in NUMBERS for p in sorted((ROOT / "notebooks").glob(f"{n}_*.ipynb"))]


def test_build_writes_one_deck_per_notebook_and_an_index(built: tuple[Path, Any]) -> None:
    out, report = built
    assert sorted(p.name for p in report.decks) == sorted(f"{s}.slides.html" for s in STEMS)
    assert (out / "index.html").is_file()
    assert report.total_bytes > 0 and report.scanned_files >= len(STEMS) + 1


@pytest.mark.parametrize("stem", STEMS)
def test_deck_html_contains_no_http_or_protocol_relative_url(built: tuple[Path, Any], stem: str) -> None:
    page, _ = _deck(built[0], stem)
    found = sorted(set(ANY_URL_RE.findall(page)))
    assert not found, f"{stem}: URLs in the deck: {found[:10]}"


def test_index_and_copied_reveal_files_load_nothing_from_the_network(built: tuple[Path, Any]) -> None:
    out, _ = built
    index = (out / "index.html").read_text(encoding="utf-8")
    assert not ANY_URL_RE.findall(index)
    assert slides.check_offline(out) >= 5


@pytest.mark.parametrize("stem", STEMS)
def test_reveal_assets_referenced_by_the_deck_exist_locally(built: tuple[Path, Any], stem: str) -> None:
    out, _ = built
    _, parsed = _deck(out, stem)
    refs = [r for r in parsed.local_refs if not r.startswith("data:")]
    assert "reveal.js/dist/reveal.js" in refs and "reveal.js/plugin/notes/notes.js" in refs
    assert any(r.startswith("reveal.js/dist/theme/") for r in refs)
    missing = [r for r in refs if not (out / r).is_file()]
    assert not missing, f"{stem} refers to files that are not in {out}: {missing}"


def test_theme_fonts_imported_by_the_copied_css_exist(built: tuple[Path, Any]) -> None:
    out, _ = built
    css_files = sorted((out / slides.REVEAL_DIR).rglob("*.css"))
    assert css_files
    for css in css_files:
        for ref in slides.css_references(css.read_text(encoding="utf-8")):
            if not ref.startswith("data:"):
                assert (css.parent / ref.split("?")[0].split("#")[0]).is_file(), f"{css}: missing {ref}"


@pytest.mark.parametrize("stem", STEMS)
def test_one_section_per_slide_and_subslide_as_in_the_metadata(built: tuple[Path, Any], stem: str) -> None:
    _, parsed = _deck(built[0], stem)
    types = _slide_types(stem)
    visible = [t for t in types if t not in ("notes", "skip")]
    forced = int(visible[0] not in ("slide", "subslide"))  # nbconvert opens a slide at the first cell
    assert len(parsed.top) == types.count("slide") + forced
    assert parsed.inner == types.count("slide") + types.count("subslide") + forced
    assert slides.count_slides(ROOT / "notebooks" / f"{stem}.ipynb") == parsed.inner


@pytest.mark.parametrize("stem", STEMS)
def test_speaker_notes_cells_become_aside_notes(built: tuple[Path, Any], stem: str) -> None:
    _, parsed = _deck(built[0], stem)
    notebook = slides.unfold_notes(nbformat.reads(json.dumps(_notebook(stem)), as_version=4))
    cells = [c for c in notebook.cells if c.metadata.get("slideshow", {}).get("slide_type") == "notes"]
    assert len(parsed.asides) == len(cells) >= 1
    first_words = " ".join("".join(cells[0]["source"]).replace("**", "").split()[:4])
    assert first_words.startswith("Trainer notes.")  # unfolded: not behind a <details> fold in speaker view
    assert first_words in " ".join(parsed.asides[0].split())


@pytest.mark.parametrize("stem", STEMS)
def test_fragment_cells_become_reveal_fragments(built: tuple[Path, Any], stem: str) -> None:
    _, parsed = _deck(built[0], stem)
    assert parsed.fragments == _slide_types(stem).count("fragment")


@pytest.mark.parametrize("stem", STEMS)
def test_title_slide_comes_first(built: tuple[Path, Any], stem: str) -> None:
    page, parsed = _deck(built[0], stem)
    from helpers.course import lesson

    title = lesson(stem[:2]).title
    first = " ".join("".join(parsed.top[0]).split())
    assert title in first[:120], f"first slide starts with {first[:80]!r}, not the title {title!r}"
    assert re.search(r"<section[^>]*>\s*<section[^>]*>.*?<h1", page, re.DOTALL)


@pytest.mark.parametrize("stem", STEMS)
def test_widget_outputs_become_static_notes_not_empty_widget_views(
    built: tuple[Path, Any], stem: str
) -> None:
    page, _ = _deck(built[0], stem)
    widgets = sum(
        slides.WIDGET_VIEW in o.get("data", {})
        for c in _notebook(stem)["cells"]
        for o in c.get("outputs", [])
    )
    assert widgets >= 1
    assert slides.WIDGET_VIEW not in page
    assert page.count('class="course-static-widget"') == widgets


@pytest.mark.parametrize("stem", STEMS)
def test_full_screen_app_links_are_left_out_of_static_decks(built: tuple[Path, Any], stem: str) -> None:
    page, _ = _deck(built[0], stem)
    assert any("app_links.app_link(" in "".join(c["source"]) for c in _notebook(stem)["cells"])
    assert "course-app-link" not in page and "voila/render" not in page


def test_lab_note_names_the_app_command_and_the_notebook(built: tuple[Path, Any]) -> None:
    page, _ = _deck(built[0], "01_what_is_influencer_marketing")
    assert "make app LAB=tier-explorer" in page
    assert "notebooks/01_what_is_influencer_marketing.ipynb" in page


def test_links_to_built_notebooks_point_to_their_decks(built: tuple[Path, Any]) -> None:
    page, _ = _deck(built[0], "01_what_is_influencer_marketing")
    assert 'href="00_start_here.slides.html"' in page
    assert 'href="00_start_here.ipynb"' not in page


def test_index_links_every_deck_with_its_title(built: tuple[Path, Any]) -> None:
    from helpers.course import lesson

    index = (built[0] / "index.html").read_text(encoding="utf-8")
    for stem in STEMS:
        link = re.search(rf'<a href="{re.escape(stem)}\.slides\.html">([^<]+)</a>', index)
        assert link, f"no link to {stem} in the index"
        assert lesson(stem[:2]).title in link.group(1)


def test_scanner_flags_remote_scripts_styles_and_imports_but_not_hyperlinks(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(
        '<script src="https://cdn.example.org/x.js"></script>'
        '<link rel="stylesheet" href="//cdn.example.org/a.css">'
        "<style>@import url(https://fonts.example.org/f.css);</style>"
        '<img srcset="a.png 1x, https://img.example.org/b.png 2x">'
        '<a href="https://example.org/source">a source</a> <p>https://example.org in prose</p>',
        encoding="utf-8",
    )
    found = slides.remote_references(page)
    assert len(found) == 4, found
    assert not any("example.org/source" in f for f in found)
    css = tmp_path / "t.css"
    css.write_text(
        "/* https://example.org */ @import url(https://fonts.example.org/x.css);", encoding="utf-8"
    )
    assert slides.remote_references(css) == ["https://fonts.example.org/x.css"]
    with pytest.raises(slides.SlidesError, match="would load from the network"):
        slides.check_offline(tmp_path)


def test_tampered_tarball_fails_the_integrity_check() -> None:
    with pytest.raises(slides.SlidesError, match="integrity"):
        slides.verify_integrity(b"not reveal.js")


def test_unreachable_registry_error_says_how_to_get_reveal(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise urllib.error.URLError("no network")

    monkeypatch.setattr(slides.urllib.request, "urlopen", refuse)
    with pytest.raises(slides.SlidesError, match=r"npm pack reveal\.js@") as err:
        slides.reveal_tarball(tmp_path / "empty-cache")
    assert "registry" in str(err.value)
    assert not (tmp_path / "empty-cache").exists()


def test_cached_tarball_is_used_without_network(
    monkeypatch: pytest.MonkeyPatch, built: tuple[Path, Any]
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the cache should have been used")

    monkeypatch.setattr(slides.urllib.request, "urlopen", refuse)
    assert slides.sri_digest(slides.reveal_tarball(slides.DEFAULT_CACHE)) == slides.REVEAL_INTEGRITY


def test_theme_that_loads_remote_fonts_is_refused(built: tuple[Path, Any]) -> None:
    files = slides.package_files(slides.reveal_tarball(slides.DEFAULT_CACHE))
    with pytest.raises(slides.SlidesError, match="from the network"):
        slides.theme_files("simple", files)
    assert "dist/theme/fonts/source-sans-pro/source-sans-pro.css" in slides.theme_files("white", files)


def test_build_refuses_a_folder_it_did_not_write_and_leaves_it_alone(tmp_path: Path) -> None:
    mine = tmp_path / "notes.txt"
    mine.write_text("my own file", encoding="utf-8")
    with pytest.raises(slides.SlidesError, match=r"not empty and was not written by tools/slides\.py"):
        slides.build(("00",), out_dir=tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    assert mine.read_text(encoding="utf-8") == "my own file"


def test_unknown_notebook_number_is_a_clear_error() -> None:
    with pytest.raises(slides.SlidesError, match="no notebook numbered 99"):
        slides.find_decks(("99",))


def test_tex_math_is_refused_because_no_mathjax_is_shipped() -> None:
    import nbformat

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("Reach is $$\\sum_i r_i$$")])
    with pytest.raises(slides.SlidesError, match="MathJax"):
        slides.check_no_tex(nb, "x.ipynb")
    slides.check_no_tex(
        nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("costs $5 to $10")]), "y"
    )
