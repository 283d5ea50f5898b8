"""The hub tools: the class link (`make hub-link`, tools/hub_link.py), the strict-nbval comparison of
tests/test_hub.py and the hub lines of `make bench`.

The link must decode to the course repository, branch and first notebook exactly as nbgitpuller
reads them; a hub address or option that could smuggle a query, a script or a shell command is
refused with a message, and `make hub-link` passes whatever is typed as inert arguments. The QR code
PNG holds the link's QR symbol module for module. The strict-nbval comparison the multi-user test
(tests/test_hub.py) applies to outputs that came through a learner's server flags a changed output
and an error, and ignores what nbval ignores.
"""

from __future__ import annotations

import copy
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import matplotlib.image
import nbformat
import numpy as np
import pytest
import segno

from helpers.course import COURSE

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import hub_link  # noqa: E402
import local_hub  # noqa: E402

START = COURSE[0]


def _decoded(link: str) -> tuple[str, dict[str, str]]:
    parts = urlsplit(link)
    query = parse_qs(parts.query, strict_parsing=True, keep_blank_values=True)
    assert all(len(values) == 1 for values in query.values()), query
    return f"{parts.scheme}://{parts.netloc}{parts.path}", {key: values[0] for key, values in query.items()}


def _nbgitpuller_folder(repo: str) -> str:
    """The folder nbgitpuller's page (UIHandler) clones into when the link gives no targetpath."""
    return repo.rstrip("/").split("/")[-1]


@pytest.mark.parametrize(
    ("hub", "base"),
    [
        ("https://hub.example.edu", "https://hub.example.edu/hub/user-redirect/git-pull"),
        ("https://hub.example.edu/", "https://hub.example.edu/hub/user-redirect/git-pull"),
        ("https://hub.example.edu/hub/", "https://hub.example.edu/hub/user-redirect/git-pull"),
        ("https://example.edu/jupyter", "https://example.edu/jupyter/hub/user-redirect/git-pull"),
        ("http://127.0.0.1:8000", "http://127.0.0.1:8000/hub/user-redirect/git-pull"),
    ],
)
def test_link_decodes_to_the_course_repo_branch_and_start_notebook(hub: str, base: str) -> None:
    link = hub_link.hub_link(hub)
    where, query = _decoded(link)
    assert where == base
    assert query == {
        "repo": hub_link.DEFAULT_REPO,
        "branch": "main",
        "urlpath": f"lab/tree/{_nbgitpuller_folder(hub_link.DEFAULT_REPO)}/notebooks/{START.notebook}",
    }
    assert (ROOT / "notebooks" / START.notebook).is_file()
    assert " " not in link and "\n" not in link


@pytest.mark.parametrize(
    "repo",
    [
        "https://git.example.edu/team/course&branch=evil",
        "https://git.example.edu/team/course%20x",
        "https://git.example.edu/team/course.git",
        "git@git.example.edu:team/course",
        "file:///srv/git/course",
    ],
)
def test_any_repository_and_branch_round_trip_exactly_through_the_link(repo: str) -> None:
    link = hub_link.hub_link("https://hub.example.edu", repo=repo, branch="day-2/update")
    _, query = _decoded(link)
    assert query["repo"] == repo
    assert query["branch"] == "day-2/update"
    assert query["urlpath"] == f"lab/tree/{_nbgitpuller_folder(repo)}/notebooks/{START.notebook}"


@pytest.mark.parametrize(
    "hub",
    [
        "",
        "hub.example.edu",
        "javascript:alert(1)",
        "ftp://hub.example.edu",
        "https://hub.example.edu/?next=https://evil.example",
        "https://hub.example.edu/#x",
        "https://trainer:secret@hub.example.edu",
        'https://hub.example.edu" onmouseover="x',
        "https://hub example.edu",
        "https://hub.example.edu/$(touch x)",
        "https://hub.example.edu/`id`",
        "https://hub.example.edu:99999",
        "https://hub.example.edu/a;b",
        "https://hub.example.edu\nX-Injected: 1",
    ],
)
def test_hostile_or_malformed_hub_addresses_are_refused_with_a_message(hub: str) -> None:
    with pytest.raises(hub_link.LinkError, match="HUB"):
        hub_link.hub_link(hub)


@pytest.mark.parametrize(
    ("repo", "branch"),
    [
        ("https://git.example.edu/course?x=1", "main"),
        ("ssh://git.example.edu/course", "main"),
        ("https://git.example.edu/course", "--upload-pack=touch x"),
        ("https://git.example.edu/course", "main; rm -rf ~"),
        ("https://git.example.edu/course", "a..b"),
        ("https://git.example.edu/course", ""),
    ],
)
def test_bad_repository_or_branch_is_refused_with_a_message(repo: str, branch: str) -> None:
    with pytest.raises(hub_link.LinkError, match=r"REPO|BRANCH"):
        hub_link.hub_link("https://hub.example.edu", repo=repo, branch=branch)


def test_qr_png_holds_the_links_qr_symbol_module_for_module(tmp_path: Path) -> None:
    link = hub_link.hub_link("https://hub.example.edu")
    png = hub_link.write_qr(link, tmp_path / "qr" / "class.png")
    pixels = matplotlib.image.imread(png)
    dark = (pixels[..., :3].mean(axis=-1) if pixels.ndim == 3 else pixels) < 0.5
    symbol = segno.make(link, error="m", micro=False)
    modules = np.array([list(row) for row in symbol.matrix], dtype=bool)
    scale, border = 10, 4
    assert dark.shape == ((len(modules) + 2 * border) * scale,) * 2
    centres = dark[border * scale + scale // 2 :: scale, border * scale + scale // 2 :: scale][
        : len(modules), : len(modules)
    ]
    assert np.array_equal(centres, modules)
    assert symbol.designator.startswith(tuple(str(v) for v in range(1, 16))), (
        "too dense to scan from the back row"
    )


def test_qr_refuses_a_file_that_is_not_png(tmp_path: Path) -> None:
    with pytest.raises(hub_link.LinkError, match=r"\.png"):
        hub_link.write_qr("https://hub.example.edu/", tmp_path / "qr.svg")


def test_cli_prints_the_link_and_exits_2_with_the_message_for_a_bad_hub(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert hub_link.main(["https://hub.example.edu", "--branch", "", "--repo", ""]) == 0
    assert capsys.readouterr().out.strip() == hub_link.hub_link("https://hub.example.edu")
    assert hub_link.main(["https://hub.example.edu/?x"]) == 2
    assert "hub-link: HUB=" in capsys.readouterr().err


MAKE = shutil.which("make")


def _make_hub_link(tmp_path: Path, *assignments: str) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "HUB", "REPO", "BRANCH", "QR")
    }
    return subprocess.run(
        [MAKE, "-s", "-o", ".venv/.runtime-installed", "hub-link", f"QR={tmp_path / 'qr.png'}", *assignments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.skipif(MAKE is None, reason="GNU make is not installed")
def test_make_hub_link_prints_the_link_and_writes_the_qr_code(tmp_path: Path) -> None:
    result = _make_hub_link(tmp_path, "HUB=https://hub.example.edu", "BRANCH=day-2")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == hub_link.hub_link("https://hub.example.edu", branch="day-2")
    assert (tmp_path / "qr.png").read_bytes().startswith(b"\x89PNG")


@pytest.mark.skipif(MAKE is None, reason="GNU make is not installed")
@pytest.mark.parametrize(
    "assignment",
    [
        "HUB=https://hub.example.edu/;touch {marker}",
        "HUB=$$(touch {marker})",
        "HUB=`touch {marker}`",
        "HUB=$(shell touch {marker})",
        "HUB=x' ; touch {marker} ; '",
        "HUB=--help",
        "REPO=$(shell touch {marker})",
        "BRANCH=`touch {marker}`",
    ],
    ids=[
        "semicolon",
        "dollar-paren",
        "backticks",
        "make-shell",
        "quotes",
        "option",
        "repo-make-shell",
        "branch-backticks",
    ],
)
def test_make_hub_link_runs_nothing_from_what_is_typed(assignment: str, tmp_path: Path) -> None:
    marker = tmp_path / "marker"
    hub = [] if assignment.startswith("HUB=") else ["HUB=https://hub.example.edu"]
    result = _make_hub_link(tmp_path, *hub, assignment.format(marker=marker))
    assert not marker.exists(), f"a value ran a command: {result.stdout}{result.stderr}"
    assert result.returncode != 0
    assert "hub-link: " in result.stderr, result.stderr
    assert result.stdout == ""


# -------------------------------------------------------------------------------------------------
# The strict-nbval comparison of tests/test_hub.py
# -------------------------------------------------------------------------------------------------

PATTERNS = local_hub.sanitize_patterns(ROOT / "tests" / "nbval_sanitize.cfg")


def _as_run(nb: nbformat.NotebookNode) -> local_hub.NotebookRun:
    """A run whose outputs are exactly the stored ones (what a correct kernel returns)."""
    cells = [c for c in nb.cells if c.cell_type == "code"]
    return local_hub.NotebookRun([(c, local_hub.CellRun(copy.deepcopy(list(c.outputs)), 1.0)) for c in cells])


@pytest.fixture(scope="module")
def stored() -> nbformat.NotebookNode:
    lesson = next(lesson for lesson in COURSE if lesson.slug == "why_it_works")
    return nbformat.read(ROOT / "notebooks" / lesson.notebook, as_version=4)


def _checked_text_output(run: local_hub.NotebookRun) -> dict:
    for cell, out in run.cells:
        if local_hub.nbval_options(cell)["check"] and cell.execution_count is not None:
            for output in out.outputs:
                if output.get("output_type") == "stream" or "text/plain" in output.get("data", {}):
                    return output
    raise AssertionError("no checked cell with text output")


def test_the_stored_outputs_themselves_pass(stored) -> None:
    assert _as_run(stored).mismatches(PATTERNS) == []


def test_a_changed_number_in_a_checked_cell_fails(stored) -> None:
    run = _as_run(stored)
    output = _checked_text_output(run)
    if output["output_type"] == "stream":
        output["text"] = output["text"] + "1"
    else:
        output["data"]["text/plain"] = output["data"]["text/plain"] + "1"
    assert len(run.mismatches(PATTERNS)) == 1


def test_an_error_fails_and_volatile_differences_and_sanitized_text_pass(stored) -> None:
    run = _as_run(stored)
    cell, out = run.cells[-1]
    out.outputs.append({"output_type": "error", "ename": "ValueError", "evalue": "boom", "traceback": []})
    assert run.mismatches(PATTERNS) == [f"cell {len(run.cells) - 1}: ValueError: boom"]
    cell = nbformat.v4.new_code_cell("x", metadata={"tags": ["nbval-ignore-output"]}, execution_count=1)
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="took 12 ms at 0xdeadbeef\n")]
    ignored = local_hub.NotebookRun(
        [(cell, local_hub.CellRun([{"output_type": "stream", "name": "stdout", "text": "other"}], 1.0))]
    )
    assert ignored.mismatches(PATTERNS) == []
    cell.metadata["tags"] = []
    same = local_hub.CellRun(
        [{"output_type": "stream", "name": "stdout", "text": "took 3.5 ms at 0x0123456789\n"}], 1.0
    )
    assert local_hub.NotebookRun([(cell, same)]).mismatches(PATTERNS) == []


# -------------------------------------------------------------------------------------------------
# tools/bench.py's hub lines (make bench): the repository's figure format, one set per class size
# -------------------------------------------------------------------------------------------------


def test_bench_hub_prints_one_set_of_figures_per_class_size(monkeypatch, capsys) -> None:
    import importlib.util
    import re

    spec = importlib.util.spec_from_file_location("course_bench_for_hub", ROOT / "tools" / "bench.py")
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench
    spec.loader.exec_module(bench)

    def fake_class(users: int, notebook: str):
        assert notebook.startswith("notebooks/03_") and (ROOT / notebook).is_file()
        days = [
            local_hub.LearnerDay(
                f"l{i}", 10.0 + i, 2.0, [100.0 * (i + 1), 50.0], 5.0 + i, 145.0, 339.0 + i, 2.5, []
            )
            for i in range(users)
        ]
        return days, 180.0

    monkeypatch.setattr(local_hub, "simulate_class", fake_class)
    monkeypatch.setattr(local_hub, "CHP", ROOT / "pyproject.toml")  # any existing file: the proxy "is there"
    bench.bench_hub([2, 5])
    lines = capsys.readouterr().out.strip().splitlines()
    line = re.compile(r"^([a-z0-9_]+) (-?\d+\.\d{3}) (\S+)((?: [a-z0-9_]+=\S+)*)$")
    parsed = [line.match(text) for text in lines]
    assert all(parsed), lines
    figures = {(m[1], dict(kv.split("=") for kv in m[4].split())["users"]): float(m[2]) for m in parsed}
    assert figures[("learner_rss_mb", "2")] == 339.5  # median of 339, 340
    assert figures[("learner_rss_mb", "5")] == 341.0
    assert figures[("hub_spawn_p95_s", "5")] == pytest.approx(np.percentile([10, 11, 12, 13, 14], 95))
    assert figures[("hub_cell_p95_ms", "2")] == pytest.approx(np.percentile([100, 50, 200, 50], 95))
    assert figures[("hub_output_mismatches", "5")] == 0
    assert {name for name, _ in figures} >= {
        "hub_spawn_p95_s",
        "hub_cell_p95_ms",
        "learner_rss_mb",
        "learner_cpu_s",
    }


def test_an_app_link_under_a_hub_prefix_and_a_course_subfolder_compares_equal_to_the_stored_one() -> None:
    stored = '<a class="course-app-link" href="/voila/render/apps/budget-planner.ipynb">'
    folder = "/user/ada/voila/render/influencer-marketing-course/apps"
    on_hub = f'<a class="course-app-link" href="{folder}/budget-planner.ipynb">'
    elsewhere = f'<a class="course-app-link" href="{folder}/deal-lab.ipynb">'
    cell = nbformat.v4.new_code_cell("link", execution_count=1)
    cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": stored})]

    def run(html: str) -> local_hub.NotebookRun:
        return local_hub.NotebookRun(
            [
                (
                    cell,
                    local_hub.CellRun(
                        [{"output_type": "display_data", "data": {"text/html": html}, "metadata": {}}], 1.0
                    ),
                )
            ]
        )

    assert run(on_hub).mismatches(PATTERNS) == []
    assert len(run(elsewhere).mismatches(PATTERNS)) == 1


# -------------------------------------------------------------------------------------------------
# The trainer guide's sizing sheet: every derived number follows from the measured ones it cites
# -------------------------------------------------------------------------------------------------

GUIDE = (ROOT / "lessons" / "trainer_guide.md").read_text(encoding="utf-8")


def _sizing_sheet() -> str:
    start = GUIDE.index("### Sizing sheet: memory and CPU per learner")
    end = GUIDE.find("\n## ", start)
    return GUIDE[start : end if end != -1 else None]


def _table_rows(text: str, first_header: str) -> list[list[str]]:
    lines = [line for line in text.splitlines() if line.strip().startswith("|")]
    start = next(
        i for i, line in enumerate(lines) if line.strip().strip("|").split("|")[0].strip() == first_header
    )
    rows = []
    for line in lines[start + 2 :]:
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != len(lines[start].strip().strip("|").split("|")):
            break
        rows.append(cells)
    return rows


def test_sizing_sheet_derives_its_numbers_from_the_measured_ones() -> None:
    import math
    import re

    sheet = _sizing_sheet()
    measured = {row[2]: row[1] for row in _table_rows(sheet, "figure")}
    server = float(re.match(r"(\d+) MB", measured["`learner_idle_rss_mb`"])[1])
    kernel = float(
        re.search(r"at most (\d+) MB", next(v for k, v in measured.items() if "kernel_rss_mb" in k))[1]
    )
    cpu = float(re.match(r"([\d.]+) CPU s", measured["`learner_cpu_s`"])[1])
    one_notebook = float(re.match(r"(\d+) MB", measured["`learner_rss_mb`"])[1])
    plan = server + 2 * kernel
    assert (
        f"plan {plan:.0f} MB** = one server ({server:.0f}) + two open notebooks (2 × {kernel:.0f})" in sheet
    )
    assert f"(145 + 4 × 200 = {server + 4 * kernel:.0f} MB)" in sheet
    assert server + 4 * kernel <= 1024**3 / 1e6, "the 1G limit must hold the server and four notebooks"
    assert plan <= 550, "the 550M guarantee must hold the planned learner"
    rows = _table_rows(sheet, "server")
    assert len(rows) >= 3
    alone = []
    for name, by_memory, by_cpu, fits in rows:
        gib, cores = (int(n) for n in re.match(r"(\d+) GB, (\d+) cores", name).groups())
        free_mb = gib * 1024**3 / 1e6 - 1000
        assert int(by_memory) == math.floor(free_mb / plan), name
        assert int(by_cpu) == math.floor(30 * cores / cpu), name
        assert int(fits) == min(int(by_memory), int(by_cpu)), name
        alone.append(str(math.floor(free_mb / one_notebook)))
    assert f"hold about {', '.join(alone[:-1])} and {alone[-1]}" in sheet


def test_hub_admin_config_uses_the_sizing_sheets_limits_guarantees_and_culling() -> None:
    """docs/hub.md's Zero to JupyterHub snippet and TLJH commands carry the sizing sheet's numbers."""
    import re

    import yaml

    doc = (ROOT / "docs" / "hub.md").read_text(encoding="utf-8")
    sheet = _sizing_sheet()
    block = re.search(r"```yaml\n(.*?)```", doc, re.S)[1]
    config = yaml.safe_load(block)
    memory, cpu = config["singleuser"]["memory"], config["singleuser"]["cpu"]
    assert f"memory guarantee\n  ({memory['guarantee']})" in sheet
    assert f"**Limit: {memory['limit']}**" in sheet
    assert f"**CPU limit to {cpu['limit']}**" in sheet and f"**guarantee to {cpu['guarantee']}**" in sheet
    assert cpu["guarantee"] <= cpu["limit"]
    assert config["cull"]["enabled"] is True
    assert f"(`timeout: {config['cull']['timeout']}`)" in sheet
    assert f"**Idle culling: {config['cull']['timeout'] // 60} minutes**" in sheet
    assert f"tljh-config set limits.memory {memory['limit']}\n" in doc
    assert f"tljh-config set limits.cpu {cpu['limit']}\n" in doc
    assert f"tljh-config set services.cull.timeout {config['cull']['timeout']}\n" in doc
    # the longest break of the guide's timetables plus 30 minutes
    breaks = [int(m) for m in re.findall(r"^\| [^|]+ \| — \| (?:Lunch|Break) \| (\d+) \|$", GUIDE, re.M)]
    assert breaks and config["cull"]["timeout"] == (max(breaks) + 30) * 60
