"""Performance figures for the course, one per line: ``<figure> <value> <unit> [key=value ...]``.

Budgets (checked by reading this output, not by timed tests):

* widget labs: p50 <= 100 ms and p95 <= 250 ms per update with the bundled data (``data=1x``),
  p50 <= 200 ms with ten times the rows (``data=10x``). An update = a control change ->
  recompute -> figure redrawn and rendered (SVG, as the lab shows it), exactly what a learner waits for.
* ``course_exec_ratio`` <= 2.0 (the median of the interleaved passes): time to execute every
  notebook / time to execute the same number of notebooks that only import the course (each
  notebook reduced to its own imports); figures are content and are never cached.
* per notebook (medians of the passes): ``setup_cell_s`` <= 0.6 s (the first code cell: imports and
  data loading), ``max_cell_s`` <= 0.5 s (the slowest other cell), ``kernel_rss_mb`` <= 200 MB
  (the kernel's resident memory after Run All).
* ``byo_1m_rows_ratio`` <= 3 and ``byo_1m_rows_peak_ratio`` <= 2: reading a 1,000,000-row creator
  export with ``read_influencer_export`` vs plain ``pandas.read_csv``, side by side (tools/bench_byo.py).

* JupyterHub (``hub_*``, ``learner_*``, see :func:`bench_hub`): no budget; they measure what one
  learner costs a hub, for the sizing sheet in lessons/trainer_guide.md.

Usage: python tools/bench.py [--quick] [--passes N] [--hub-users 2,5,10] [--hub-only]
"""

from __future__ import annotations

import argparse
import ast
import compileall
import copy
import os
import sys
import tempfile
import time
import tracemalloc
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import nbformat
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from helpers import course, data, generate, paths, schema  # noqa: E402
from helpers.widgets import LABS, Lab  # noqa: E402
from helpers.widgets.base import control_values  # noqa: E402


def emit(figure: str, value: float, unit: str, **keys: object) -> None:
    """Print one figure line."""
    extra = "".join(f" {k}={v}" for k, v in keys.items())
    print(f"{figure} {value:.3f} {unit}{extra}", flush=True)


def time_lab(lab: Lab, updates: int, rng: np.random.Generator) -> np.ndarray:
    """Milliseconds per update for ``updates`` random control changes."""
    names = list(lab.controls)
    times = []
    for _ in range(updates):
        name = names[rng.integers(len(names))]
        values = control_values(lab.controls[name])
        value = values[rng.integers(len(values))]
        if value == lab.controls[name].value:
            continue
        start = time.perf_counter()
        lab.controls[name].value = value  # triggers exactly one update, as in the browser
        times.append((time.perf_counter() - start) * 1000)
    return np.asarray(times)


def bench_labs(updates: int) -> None:
    """Per-lab p50/p95 update time at 1x and 10x data."""
    needed = sorted({t for cls in LABS.values() for t in cls.tables})
    scales = {"1x": {name: data.load_table(name) for name in needed}}
    t0 = time.perf_counter()
    ten = generate.generate_all(scale=10)
    emit("generate_10x_s", time.perf_counter() - t0, "s")
    scales["10x"] = {name: ten[name] for name in needed}
    for scale, tables in scales.items():
        for name, cls in sorted(LABS.items()):
            t0 = time.perf_counter()
            lab = cls.from_tables(tables)
            build_ms = (time.perf_counter() - t0) * 1000
            rng = np.random.default_rng(7)
            ms = time_lab(lab, updates, rng)
            emit("widget_build_ms", build_ms, "ms", lab=name, data=scale)
            emit("widget_update_p50_ms", float(np.percentile(ms, 50)), "ms", lab=name, data=scale)
            emit("widget_update_p95_ms", float(np.percentile(ms, 95)), "ms", lab=name, data=scale)


def import_lines(nb: nbformat.NotebookNode) -> list[str]:
    """The notebook's top-level import statements, in order (each as written, one per entry)."""
    lines = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        tree = ast.parse(cell.source)
        for node in tree.body:
            if isinstance(node, ast.Import | ast.ImportFrom):
                lines.append(ast.get_source_segment(cell.source, node) or ast.unparse(node))
    return lines


def _import_only_notebook(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The notebook reduced to its imports (its partner in the denominator of ``course_exec_ratio``)."""
    only = nbformat.v4.new_notebook()
    only.cells = [nbformat.v4.new_code_cell("\n".join(import_lines(nb)) or "import helpers")]
    only.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return only


@dataclass
class CellProfile:
    """What one run of a notebook cost, cell by cell: seconds per code cell (as the kernel reports
    them: from its ``execute_input`` to its ``execute_reply``) and the kernel's resident memory after
    the last cell, in MB (filled by :func:`_exec_seconds` when asked for)."""

    cell_seconds: list[float] = field(default_factory=list)
    kernel_rss_mb: float = float("nan")

    @property
    def setup_cell_s(self) -> float:
        """Seconds of the first code cell (the setup cell: imports and data loading)."""
        return self.cell_seconds[0] if self.cell_seconds else float("nan")

    @property
    def max_cell(self) -> tuple[int, float]:
        """(position among the code cells, seconds) of the slowest code cell after the setup cell."""
        rest = self.cell_seconds[1:]
        if not rest:
            return -1, float("nan")
        index = max(range(len(rest)), key=rest.__getitem__)
        return index + 1, rest[index]


def _rss_mb(pid: int) -> float:
    """Resident memory of process ``pid`` in MB (Linux ``/proc``; NaN elsewhere)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return float("nan")
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024 / 1e6
    return float("nan")


def _kernel_seconds(cell: nbformat.NotebookNode) -> float:
    """Seconds the kernel spent on one executed cell (nbclient's timing metadata)."""
    timing = cell.metadata.get("execution", {})
    start, end = timing.get("iopub.execute_input"), timing.get("shell.execute_reply")
    if not (start and end):
        return float("nan")
    parse = datetime.fromisoformat
    return (parse(end.replace("Z", "+00:00")) - parse(start.replace("Z", "+00:00"))).total_seconds()


def _exec_seconds(nb: nbformat.NotebookNode, profile: CellProfile | None = None) -> float:
    """Wall seconds to run ``nb`` in a fresh kernel, as ``tools/nbtools.py`` builds notebooks (same
    environment, working directory and fresh progress file); with ``profile``, also fills it."""
    from nbclient import NotebookClient

    from nbtools import EXEC_ENV, NOTEBOOKS

    rss: list[float] = []
    with tempfile.TemporaryDirectory(prefix="course-progress-") as progress_dir:
        env = EXEC_ENV | {"COURSE_PROGRESS_FILE": str(Path(progress_dir) / ".course_progress.json")}
        old = {k: os.environ.get(k) for k in env}
        os.environ.update(env)
        try:
            client = NotebookClient(
                nb,
                timeout=300,
                kernel_name="python3",
                record_timing=True,
                resources={"metadata": {"path": str(NOTEBOOKS)}},
            )
            if profile is not None:
                # after each cell, while the kernel is alive: the last value is "after Run All"
                client.on_cell_executed = lambda **_: rss.append(_rss_mb(client.km.provisioner.pid))
            t0 = time.perf_counter()
            client.execute()
            elapsed = time.perf_counter() - t0
        finally:
            for k, v in old.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
    if profile is not None:
        profile.cell_seconds = [_kernel_seconds(c) for c in nb.cells if c.cell_type == "code"]
        profile.kernel_rss_mb = rss[-1] if rss else float("nan")
    return elapsed


def bench_course_exec(passes: int = 3) -> None:
    """Execute every notebook vs the same notebooks reduced to their imports.

    Interleaved (each notebook's import-only partner runs right before it) so that both sides see the same
    machine load, and repeated ``passes`` times because a shared 2-core machine drifts by 20-30%
    between runs: one ``course_exec_ratio`` line per pass, then the median per notebook and of the
    passes' ratios (the figure to compare with the budget), with the spread.
    """
    paths = sorted((ROOT / "notebooks").glob("*.ipynb"))
    if not paths:
        print("course_exec_ratio skipped: no notebooks")
        return
    notebooks = {path.stem[:2]: nbformat.read(path, as_version=4) for path in paths}
    seconds: dict[str, list[float]] = {key: [] for key in notebooks}
    profiles: dict[str, list[CellProfile]] = {key: [] for key in notebooks}
    ratios, fulls, bases = [], [], []
    for number in range(1, passes + 1):
        full = base = 0.0
        for key, nb in notebooks.items():
            base += _exec_seconds(_import_only_notebook(nb))
            profile = CellProfile()
            elapsed = _exec_seconds(copy.deepcopy(nb), profile)
            seconds[key].append(elapsed)
            profiles[key].append(profile)
            full += elapsed
        fulls.append(full)
        bases.append(base)
        ratios.append(full / base)
        emit("course_exec_ratio", full / base, "x", notebooks=len(paths), run=number)
    for key, values in seconds.items():
        emit("notebook_exec_s", float(np.median(values)), "s", notebook=key, stat="median")
    emit_cell_figures(profiles)
    emit("course_exec_s", float(np.median(fulls)), "s", notebooks=len(paths), stat="median")
    emit("course_import_only_s", float(np.median(bases)), "s", notebooks=len(paths), stat="median")
    emit(
        "course_exec_ratio",
        float(np.median(ratios)),
        "x",
        notebooks=len(paths),
        stat="median",
        runs=passes,
        lo=f"{min(ratios):.3f}",
        hi=f"{max(ratios):.3f}",
    )


def emit_cell_figures(profiles: dict[str, list[CellProfile]]) -> None:
    """Per notebook, medians over the passes: ``setup_cell_s`` (budget <= 0.6 s), ``max_cell_s`` (the
    slowest other cell, <= 0.5 s; ``cell`` = its position among the code cells) and ``kernel_rss_mb``
    (after Run All, <= 200 MB)."""
    for key, runs in profiles.items():
        if not runs:
            continue
        emit("setup_cell_s", float(np.median([p.setup_cell_s for p in runs])), "s", notebook=key)
        slowest = [p.max_cell for p in runs]
        cells = [index for index, _ in slowest]
        emit(
            "max_cell_s",
            float(np.median([sec for _, sec in slowest])),
            "s",
            notebook=key,
            cell=max(set(cells), key=cells.count),
        )
        emit("kernel_rss_mb", float(np.median([p.kernel_rss_mb for p in runs])), "MB", notebook=key)


def bench_data() -> None:
    """Time and peak memory of loading every bundled table (uncached)."""
    tracemalloc.start()
    t0 = time.perf_counter()
    for name in schema.TABLES:
        data.load_table(name, path=paths.data_dir())
    elapsed = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    emit("load_all_tables_s", elapsed, "s")
    emit("load_all_tables_peak_mb", peak / 1e6, "MB")


def bench_metrics_1m() -> None:
    """Lesson 12's finding analysis (sponsored lift per creator, binned medians with bootstrap CIs, both
    fits in log followers) on 1,000,000 posts; creators are resampled from the bundled data.
    Time: median of 3 runs (budget <= 1 s); peak memory: one more run under tracemalloc."""
    from helpers.analysis import finding

    influencers, posts = finding.resample_creators(data.load_influencers(), data.load_posts(), 1_000_000)
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        finding.analyse_posts(influencers, posts)
        times.append(time.perf_counter() - t0)
    tracemalloc.start()
    finding.analyse_posts(influencers, posts)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    emit("metrics_1m_posts_s", float(np.median(times)), "s", posts=len(posts), creators=len(influencers))
    emit("metrics_1m_posts_peak_mb", peak / 1e6, "MB", posts=len(posts))


def bench_hub(user_counts: list[int]) -> None:
    """Simulated learners at once on a real local JupyterHub (tools/local_hub.py: the hub, its
    configurable-http-proxy, one jupyterhub-singleuser server per learner, as in tests/test_hub.py):
    each logs in, starts a server, follows the class link (nbgitpuller clones the course into their
    home) and runs lesson 03's notebook cell by cell over the kernel websocket. Per number of learners
    (``users``): ``hub_spawn_p95_s`` (start my server -> ready), ``hub_cell_p95_ms`` (one cell, sent ->
    kernel idle, over every cell of every learner), ``hub_run_all_p95_s``; per learner (medians):
    ``learner_rss_mb`` (server + kernel after Run All), ``learner_idle_rss_mb`` (the server alone, after
    the pull), ``learner_spawn_cpu_s`` and ``learner_cpu_s`` (CPU seconds of starting the server, and of
    server + kernel for opening the notebook and Run All); ``hub_rss_mb`` (the hub and its proxy) and
    ``hub_output_mismatches`` (cells whose outputs strict nbval would reject: must be 0). The sizing
    sheet in lessons/trainer_guide.md is derived from these lines."""
    import local_hub

    if not local_hub.CHP.exists():
        print(f"hub_spawn_p95_s skipped: {local_hub.CHP} is missing (make hub-deps)")
        return
    lesson = next(lesson for lesson in course.COURSE if lesson.slug == local_hub.BENCH_LESSON_SLUG)
    for users in user_counts:
        try:
            days, hub_rss = local_hub.simulate_class(users, f"notebooks/{lesson.notebook}")
        except local_hub.HubError as err:
            print(f"hub_spawn_p95_s failed users={users}: {str(err).splitlines()[0]}")
            break
        cells = [ms for day in days for ms in day.cell_ms]
        keys = {"users": users, "notebook": lesson.number}
        emit("hub_spawn_p95_s", float(np.percentile([d.spawn_s for d in days], 95)), "s", users=users)
        emit("hub_cell_p95_ms", float(np.percentile(cells, 95)), "ms", **keys)
        emit("hub_run_all_p95_s", float(np.percentile([d.run_all_s for d in days], 95)), "s", **keys)
        emit("learner_rss_mb", float(np.median([d.rss_mb for d in days])), "MB", **keys)
        emit("learner_idle_rss_mb", float(np.median([d.idle_rss_mb for d in days])), "MB", users=users)
        emit("learner_spawn_cpu_s", float(np.median([d.spawn_cpu_s for d in days])), "s", users=users)
        emit("learner_cpu_s", float(np.median([d.cpu_s for d in days])), "s", **keys)
        emit("hub_rss_mb", hub_rss, "MB", users=users)
        emit("hub_output_mismatches", float(sum(len(d.problems) for d in days)), "cells", **keys)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="fewer updates, skip notebook execution")
    parser.add_argument(
        "--passes", type=int, default=3, help="interleaved runs of the course (default 3; median reported)"
    )
    parser.add_argument(
        "--hub-users",
        default="2,5,10",
        help="numbers of simulated learners at once on a local JupyterHub (default 2,5,10; '' skips)",
    )
    parser.add_argument(
        "--hub-only", action="store_true", help="only the JupyterHub lines (hub_*, learner_*)"
    )
    args = parser.parse_args()
    if args.passes < 1:
        parser.error(f"--passes must be at least 1, got {args.passes}")
    try:
        hub_users = [int(n) for n in args.hub_users.split(",") if n.strip()]
    except ValueError:
        parser.error(f"--hub-users takes numbers separated by commas, e.g. 2,5,10; got {args.hub_users!r}")
    if any(n < 1 for n in hub_users):
        parser.error(f"--hub-users needs at least 1 learner per run, got {args.hub_users!r}")
    if args.hub_only:
        bench_hub(hub_users)
        return 0
    bench_data()
    bench_metrics_1m()
    from bench_byo import bench_byo_export  # a 1,000,000-row export: the course's reader vs pandas

    bench_byo_export(runs=1 if args.quick else 3)
    bench_labs(updates=15 if args.quick else 60)
    if not args.quick:
        # Bytecode for helpers, as a learner's Python writes it on the first import (unless
        # PYTHONDONTWRITEBYTECODE is set, as on some CI machines: then every kernel would compile it
        # again and the setup cells would measure the compiler).
        compileall.compile_dir(ROOT / "src", quiet=1)
        bench_course_exec(args.passes)
        bench_hub(hub_users)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
