"""tools/bench.py: the figure-line format and the repeated, interleaved course-execution ratio."""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))  # bench imports nbtools the way `make bench` runs it
_spec = importlib.util.spec_from_file_location("course_bench_tool", ROOT / "tools" / "bench.py")
assert _spec and _spec.loader
bench = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = bench  # dataclasses look their module up while it loads
_spec.loader.exec_module(bench)

LINE = re.compile(
    r"^(?P<figure>[a-z0-9_]+) (?P<value>-?\d+\.\d{3}) (?P<unit>\S+)(?P<keys>( [a-z0-9_]+=\S+)*)$"
)


def _parse(text: str) -> list[tuple[str, float, str, dict[str, str]]]:
    rows = []
    for line in text.strip().splitlines():
        match = LINE.match(line)
        assert match, f"not '<figure> <value> <unit> [key=value ...]': {line!r}"
        keys = dict(pair.split("=", 1) for pair in match["keys"].split())
        rows.append((match["figure"], float(match["value"]), match["unit"], keys))
    return rows


def test_emit_prints_one_figure_per_line_with_its_keys(capsys):
    bench.emit("widget_update_p50_ms", 42.12345, "ms", lab="budget-planner", data="1x")
    assert capsys.readouterr().out == "widget_update_p50_ms 42.123 ms lab=budget-planner data=1x\n"


def test_course_exec_ratio_is_the_median_of_interleaved_passes(tmp_path, monkeypatch, capsys):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    for name in ("01_a", "02_b"):
        nb = nbformat.v4.new_notebook(
            cells=[nbformat.v4.new_code_cell("import math\n\ntotal = math.fsum(range(10))")]
        )
        nbformat.write(nb, notebooks / f"{name}.ipynb")
    calls: list[str] = []

    def fake_exec(nb: nbformat.NotebookNode, profile=None) -> float:  # import-only: 2 s; notebook: 3-5 s
        if nb.cells[0].source == "import math":
            assert profile is None
            calls.append("import-only")
            return 2.0
        calls.append("notebook")
        run = calls.count("notebook")
        # setup cell 0.4-0.6 s, a second cell 0.2 s, a third 0.1-0.3 s, 150-170 MB
        profile.cell_seconds = [0.3 + run * 0.1 % 0.3, 0.2, 0.1 * (run % 3 + 1)]
        profile.kernel_rss_mb = 150.0 + 10 * (run % 3)
        return 3.0 + run // 2 * 0.5

    monkeypatch.setattr(bench, "ROOT", tmp_path)
    monkeypatch.setattr(bench, "_exec_seconds", fake_exec)
    bench.bench_course_exec(passes=3)
    rows = _parse(capsys.readouterr().out)
    assert calls == ["import-only", "notebook"] * 6  # interleaved, both sides under the same load
    runs = [r for r in rows if r[0] == "course_exec_ratio" and "run" in r[3]]
    assert [r[3]["run"] for r in runs] == ["1", "2", "3"]
    median = [r for r in rows if r[0] == "course_exec_ratio" and r[3].get("stat") == "median"]
    assert len(median) == 1
    ratios = sorted(r[1] for r in runs)
    assert median[0][1] == pytest.approx(ratios[1], abs=1e-3)
    assert float(median[0][3]["lo"]) == pytest.approx(ratios[0], abs=1e-3)
    assert float(median[0][3]["hi"]) == pytest.approx(ratios[-1], abs=1e-3)
    per_notebook = {r[3]["notebook"]: r[1] for r in rows if r[0] == "notebook_exec_s"}
    assert set(per_notebook) == {"01", "02"}
    for figure, unit in (("setup_cell_s", "s"), ("max_cell_s", "s"), ("kernel_rss_mb", "MB")):
        lines = [r for r in rows if r[0] == figure]
        assert [r[3]["notebook"] for r in lines] == ["01", "02"], figure
        assert {r[2] for r in lines} == {unit}, figure


def test_each_import_only_partner_runs_exactly_its_notebooks_imports():
    """The ratio's denominator pays for the same imports as the notebooks, no more and no less."""
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        (cell,) = bench._import_only_notebook(nb).cells
        tree = ast.parse(cell.source)
        assert tree.body and all(isinstance(n, ast.Import | ast.ImportFrom) for n in tree.body), path.name
        wanted = [
            ast.dump(n)
            for c in nb.cells
            if c.cell_type == "code"
            for n in ast.parse(c.source).body
            if isinstance(n, ast.Import | ast.ImportFrom)
        ]
        assert [ast.dump(n) for n in tree.body] == wanted, path.name
        assert any("helpers" in line for line in bench.import_lines(nb)), path.name


def test_a_notebook_without_imports_is_paired_with_importing_the_course():
    nb = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_markdown_cell("# T")]
    )
    assert bench._import_only_notebook(nb).cells[0].source == "import helpers"


def test_cell_figures_are_medians_of_the_passes_per_notebook(capsys):
    """setup = first code cell; max = slowest *other* cell (with its position); RSS after Run All."""
    runs = [
        bench.CellProfile([0.9, 0.2, 0.45, 0.1], 180.0),
        bench.CellProfile([0.5, 0.3, 0.40, 0.1], 150.0),
        bench.CellProfile([0.7, 0.1, 0.60, 0.2], 190.0),
    ]
    bench.emit_cell_figures({"03": runs})
    rows = {r[0]: r for r in _parse(capsys.readouterr().out)}
    assert set(rows) == {"setup_cell_s", "max_cell_s", "kernel_rss_mb"}
    assert rows["setup_cell_s"][1:] == (0.7, "s", {"notebook": "03"})
    assert rows["max_cell_s"][1:] == (0.45, "s", {"notebook": "03", "cell": "2"})
    assert rows["kernel_rss_mb"][1:] == (180.0, "MB", {"notebook": "03"})


@pytest.mark.slow  # not in `make test-fast` (the contributor's loop); `make test` runs it
def test_profiled_run_times_each_cell_in_the_kernel_and_reads_its_memory():
    """A real kernel: a 1 s sleep shows as the slowest cell, a 60 MB array in the kernel's RSS."""
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell("import time\nimport numpy as np"),
            nbformat.v4.new_markdown_cell("text"),
            nbformat.v4.new_code_cell("x = 1"),
            nbformat.v4.new_code_cell("time.sleep(1.0)"),
            nbformat.v4.new_code_cell("big = np.ones(60_000_000 // 8)"),
        ]
    )
    profile = bench.CellProfile()
    wall = bench._exec_seconds(nb, profile)
    assert len(profile.cell_seconds) == 4  # code cells only
    assert profile.max_cell[0] == 2 and 1.0 <= profile.max_cell[1] < wall
    assert profile.cell_seconds[1] < 0.2
    assert 60 + 30 < profile.kernel_rss_mb < 1000  # a bare kernel is > 30 MB; plus the array


@pytest.mark.slow  # not in `make test-fast` (the contributor's loop); `make test` runs it
def test_byo_export_lines_are_ratios_measured_side_by_side(monkeypatch, capsys, tmp_path):
    """`make bench` prints the reader/pandas ratios of a large export (here 3,000 rows, two runs each)."""
    import bench_byo

    reads: list[str] = []
    real = bench_byo.read_in_child

    def recorded(which, path):
        reads.append(which)
        return real(which, path)

    monkeypatch.setattr(bench_byo, "read_in_child", recorded)
    figures = bench_byo.bench_byo_export(rows=3000, runs=2)
    assert reads == ["pandas", "reader", "pandas", "reader"], "interleaved, in separate children"
    rows = _parse(capsys.readouterr().out)
    ratios = {r[0]: r for r in rows if r[0].endswith("ratio")}
    assert set(ratios) == {"byo_1m_rows_ratio", "byo_1m_rows_peak_ratio"}
    assert ratios["byo_1m_rows_ratio"][2:] == ("x", {"rows": "3000", "file_mb": "0"})
    assert ratios["byo_1m_rows_peak_ratio"][2:] == ("x", {"rows": "3000"})
    seconds = {r[3]["reader"]: r[1] for r in rows if r[0] == "byo_1m_rows_read_s"}
    peaks = {r[3]["reader"]: r[1] for r in rows if r[0] == "byo_1m_rows_peak_mb"}
    assert ratios["byo_1m_rows_ratio"][1] == pytest.approx(figures["byo_1m_rows_ratio"], abs=1e-3)
    assert ratios["byo_1m_rows_peak_ratio"][1] == pytest.approx(figures["byo_1m_rows_peak_ratio"], abs=1e-3)
    assert set(seconds) == set(peaks) == {"read_influencer_export", "pandas.read_csv"}
    assert all(value > 0 for value in seconds.values())
    assert 50 < peaks["pandas.read_csv"] < 1000, "a child's own peak (pandas imported), not the test's"
    assert figures["byo_1m_rows_peak_ratio"] == pytest.approx(
        peaks["read_influencer_export"] / peaks["pandas.read_csv"], rel=2e-3
    )


def test_byo_export_is_synthetic_seeded_and_read_by_both(tmp_path):
    import pandas as pd

    import bench_byo
    from helpers.exports import read_influencer_export

    first = bench_byo.write_export(tmp_path / "a.csv", 500)
    second = bench_byo.write_export(tmp_path / "b.csv", 500)
    assert first.read_bytes() == second.read_bytes(), "seeded"
    plain, ours = pd.read_csv(first), read_influencer_export(first)
    assert list(plain.columns) == ["handle", "followers", "avg_likes", "avg_comments", "platform"]
    assert plain["followers"].nunique() > 400, "nearly every count differs, as in a real export"
    assert ours["followers"].astype("int64").tolist() == plain["followers"].tolist()
    assert ours["avg_likes"].tolist() == plain["avg_likes"].tolist()
