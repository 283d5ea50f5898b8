"""tools/site_build.py (``make site``) without a browser: launch links, the pages it finds, links
between pages, figure descriptions and the offline scan. The site itself is read in Chromium by
tests/browser/test_site.py.
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import json
import re
import sys
import threading
import urllib.parse
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import pytest

from helpers import plots
from helpers.course import COURSE

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("course_site_build", ROOT / "tools" / "site_build.py")
assert _spec is not None and _spec.loader is not None
site_build = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = site_build
_spec.loader.exec_module(site_build)


# --------------------------------------------------------------------------------------------
# Launch links
# --------------------------------------------------------------------------------------------


def test_binder_link_of_start_here_is_the_readmes_badge_link():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    badge = re.search(r"\]\((https://mybinder\.org/v2/gh/[^)\s]+)\)", readme)
    assert badge, "README has no Binder link"
    assert site_build.binder_url("00_start_here.ipynb") == badge.group(1)


def test_hub_link_clones_the_course_with_nbgitpuller_and_opens_the_lesson():
    url = site_build.hub_url_for("03_why_it_works.ipynb", "https://hub.example.edu/")
    parts = urllib.parse.urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == (
        "https",
        "hub.example.edu",
        "/hub/user-redirect/git-pull",
    )
    query = urllib.parse.parse_qs(parts.query)
    assert query["repo"] == [site_build.REPOSITORY_URL]
    folder = site_build.REPOSITORY_URL.rsplit("/", 1)[-1]
    assert query["urlpath"] == [f"lab/tree/{folder}/notebooks/03_why_it_works.ipynb"]


def test_launch_links_add_the_hub_only_when_one_is_given():
    assert [link.label for link in site_build.launch_links("01_x.ipynb")] == ["Run on Binder"]
    with_hub = site_build.launch_links("01_x.ipynb", "https://hub.example.edu")
    assert [link.label for link in with_hub] == ["Run on Binder", "Run on your JupyterHub"]


@pytest.mark.parametrize(
    "bad", ["hub.example.edu", "javascript:alert(1)", "https://hub.example.edu/?next=x", "https://a b.edu"]
)
def test_a_hub_address_that_is_not_a_plain_url_is_refused_with_a_message(bad):
    with pytest.raises(site_build.SiteError, match="HUB"):
        site_build.check_hub_url(bad)


# --------------------------------------------------------------------------------------------
# Pages: the course map follows COURSE and the notebooks present, not a fixed list
# --------------------------------------------------------------------------------------------


def _tiny_course(root: Path, stems: list[str]) -> None:
    (root / "notebooks").mkdir(parents=True)
    (root / "lessons").mkdir()
    for stem in stems:
        nb = {"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
        (root / "notebooks" / f"{stem}.ipynb").write_text(json.dumps(nb), encoding="utf-8")


def test_lessons_are_every_stored_notebook_in_number_order_titled_from_course(tmp_path):
    first, second = COURSE[0], COURSE[1]
    _tiny_course(tmp_path, [f"{second.number}_{second.slug}", f"{first.number}_{first.slug}", "99_brand_new"])
    (tmp_path / "lessons" / f"{first.number}_{first.slug}.md").write_text("# plan\n", encoding="utf-8")
    lessons = site_build.find_lessons(tmp_path)
    assert [x.number for x in lessons] == [first.number, second.number, "99"]
    assert lessons[0].title == first.title and lessons[0].minutes == first.minutes
    assert lessons[0].plan == f"{first.number}_{first.slug}" and lessons[1].plan is None
    assert lessons[2].title == "Brand new" and lessons[2].minutes is None  # not in COURSE yet: still shown


def test_the_repositorys_lessons_are_the_course_maps_lessons():
    found = [(x.number, x.title) for x in site_build.find_lessons()]
    assert found == [(x.number, x.title) for x in COURSE if x.exists()]


def test_home_page_maps_every_lesson_with_its_plan_and_minutes():
    lessons = site_build.find_lessons()
    page = site_build.index_markdown(lessons, None, "9.9.9", ["README"])
    for lesson in lessons:
        assert f"[{lesson.title}]({lesson.docname}.ipynb)" in page
        assert f"{lesson.number} · {lesson.title} <{lesson.docname}>" in page  # navigation
    assert f"**{sum(x.minutes or 0 for x in lessons)}**" in page
    assert "9.9.9" in page and "Binder" in page and "JupyterHub" not in page
    assert "JupyterHub" in site_build.index_markdown(lessons, "https://hub.example.edu", "9.9.9")


def test_links_point_to_staged_pages_or_to_the_repository(tmp_path):
    root = tmp_path / "repo"
    (root / "lessons").mkdir(parents=True)
    (root / "notebooks").mkdir()
    (root / "datasets").mkdir()
    plan = root / "lessons" / "03_x.md"
    nb = root / "notebooks" / "03_x.ipynb"
    for path in (plan, nb, root / "README.md", root / "datasets" / "extra.csv"):
        path.write_text("x", encoding="utf-8")
    stage = tmp_path / "stage"
    staged = {plan.resolve(): stage / "lessons" / "03_x.md", nb.resolve(): stage / "notebooks" / "03_x.ipynb"}
    text = (
        "[nb](../notebooks/03_x.ipynb#lab) [readme](../README.md) [csv](../datasets/extra.csv) "
        "[web](https://example.org/a.md) [here](#top) [gone](../nowhere.md)"
    )
    out = site_build.rewrite_links(text, plan, staged, stage / "lessons" / "03_x.md", root)
    assert "[nb](../notebooks/03_x.ipynb#lab)" in out
    assert f"[readme]({site_build.REPOSITORY_URL}/blob/HEAD/README.md)" in out
    assert f"[csv]({site_build.REPOSITORY_URL}/blob/HEAD/datasets/extra.csv)" in out
    assert "[web](https://example.org/a.md)" in out and "[here](#top)" in out
    assert "[gone](../nowhere.md)" in out  # left for Sphinx to report (the build fails on it)


# --------------------------------------------------------------------------------------------
# Figures get the figure's own words as alt text; the offline scan
# --------------------------------------------------------------------------------------------


def _figure_png() -> bytes:
    fig, ax = plots.new_figure(figsize=(4, 3))
    ax.bar(["nano", "mega"], [6.4, 2.5], label="median ER")
    ax.set_title("The smallest accounts engage more")
    ax.set_ylabel("median ER by followers (%)")
    ax.text(0, 6.4, "6.4")
    image = plots.show(fig)
    return image.data


def test_alt_text_is_the_figures_words_without_its_value_labels():
    description = site_build.png_description(_figure_png())
    assert "The smallest accounts engage more" in description
    alt = site_build.alt_from_description(description)
    assert alt.startswith("Figure: ") and "The smallest accounts engage more" in alt
    assert "median ER by followers (%)" in alt and "6.4" not in alt


def test_stored_figures_get_their_description_as_alt_text(tmp_path):
    (tmp_path / "_images").mkdir()
    (tmp_path / "_images" / "abc.png").write_bytes(_figure_png())
    (tmp_path / "notebooks").mkdir()
    page = tmp_path / "notebooks" / "03_x.html"
    page.write_text(
        '<p><img alt="../_images/abc.png" src="../_images/abc.png" /> '
        '<img alt="A chosen description" src="../_images/abc.png" /></p>',
        encoding="utf-8",
    )
    assert site_build.describe_images(tmp_path) == 1
    html = page.read_text(encoding="utf-8")
    assert 'alt="Figure: ' in html and "The smallest accounts engage more" in html
    assert 'alt="A chosen description"' in html  # an author's alt text is kept


def test_offline_scan_finds_what_a_page_would_load_from_another_host(tmp_path):
    (tmp_path / "a.html").write_text(
        '<link rel="stylesheet" href="https://cdn.example.com/x.css">'
        '<script src="//cdn.example.com/require.js"></script>'
        '<img src="http://example.com/i.png"><div style="background: url(https://e.com/b.png)"></div>'
        '<a href="https://mybinder.org/v2/gh/x">Run on Binder</a><link rel="canonical" href="https://x.org/">'
        '<script src="_static/local.js"></script>',
        encoding="utf-8",
    )
    (tmp_path / "s.css").write_text('@import "https://fonts.example.com/f.css"; a{}', encoding="utf-8")
    found = site_build.remote_loads(tmp_path)
    assert len(found) == 5, found
    assert not [f for f in found if "mybinder" in f or "x.org" in f or "local.js" in f]


def test_an_output_folder_that_holds_other_files_is_never_emptied(tmp_path):
    (tmp_path / "thesis.docx").write_text("mine", encoding="utf-8")
    with pytest.raises(site_build.SiteError, match=r"not written by tools/site_build\.py"):
        site_build.prepare_out_dir(tmp_path)
    assert (tmp_path / "thesis.docx").read_text(encoding="utf-8") == "mine"


def test_a_widget_renderer_that_fails_its_integrity_check_is_refused_and_not_cached(tmp_path, monkeypatch):
    """A registry (here a local server) that serves other bytes under the pinned name is refused."""
    name = f"html-manager-{site_build.HTML_MANAGER_VERSION}.tgz"
    served = tmp_path / "registry" / "@jupyter-widgets" / "html-manager" / "-"
    served.mkdir(parents=True)
    (served / name).write_bytes(b"not the pinned tarball")
    handler = functools.partial(_Quiet, directory=str(tmp_path / "registry"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        monkeypatch.setenv("NPM_CONFIG_REGISTRY", f"http://127.0.0.1:{server.server_address[1]}")
        with pytest.raises(site_build.SiteError, match="integrity check"):
            site_build.html_manager_tarball(tmp_path / "cache")
    finally:
        server.shutdown()
        server.server_close()
    assert not (tmp_path / "cache" / name).exists()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def test_lab_full_screen_link_cells_are_left_out_and_links_rewritten(tmp_path):
    nb = {
        "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": "[plan](../lessons/03_x.md)"},
            {
                "cell_type": "code",
                "metadata": {},
                "source": 'app_links.app_link("budget-planner")',
                "outputs": [],
            },
            {
                "cell_type": "code",
                "metadata": {},
                "source": "lab = widgets.BudgetPlanner()\nlab",
                "outputs": [],
            },
        ],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    root = tmp_path / "repo"
    (root / "notebooks").mkdir(parents=True)
    (root / "lessons").mkdir()
    source, plan = root / "notebooks" / "03_x.ipynb", root / "lessons" / "03_x.md"
    plan.write_text("x", encoding="utf-8")
    stage = tmp_path / "stage"
    staged = {plan.resolve(): stage / "lessons" / "03_x.md"}
    out = json.loads(
        site_build.staged_notebook(json.dumps(nb), source, staged, stage / "notebooks" / "03_x.ipynb", root)
    )
    sources = [cell["source"] for cell in out["cells"]]
    assert sources == ["[plan](../lessons/03_x.md)", "lab = widgets.BudgetPlanner()\nlab"]


def test_links_to_notebooks_inside_outputs_lead_to_their_pages(tmp_path):
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "01_x.html").write_text("page", encoding="utf-8")
    page = tmp_path / "notebooks" / "00_start.html"
    page.write_text(
        '<a href="01_x.ipynb">01</a> <a href="01_x.ipynb#lab">lab</a> <a href="02_missing.ipynb">02</a> '
        "<a href='01_x.ipynb'>in an HTML output</a> "
        '<a href="https://mybinder.org/v2/gh/o/r/HEAD?urlpath=lab/tree/notebooks/01_x.ipynb">Binder</a>',
        encoding="utf-8",
    )
    assert site_build.link_lesson_pages(tmp_path) == 3
    html = page.read_text(encoding="utf-8")
    assert 'href="01_x.html"' in html and 'href="01_x.html#lab"' in html and "href='01_x.html'" in html
    assert 'href="02_missing.ipynb"' in html and "tree/notebooks/01_x.ipynb" in html
