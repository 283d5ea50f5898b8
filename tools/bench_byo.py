"""Bring-your-own export at scale: ``read_influencer_export`` against plain ``pandas.read_csv``.

Budget: ``byo_1m_rows_ratio`` <= 3 (time) and ``byo_1m_rows_peak_ratio`` <= 2 (peak memory) on a
1,000,000-row export (~44 MB), both read side by side in one run.

Each read runs in a fresh child process (the same imports on both sides: pandas and helpers.exports),
interleaved (pandas, reader, pandas, reader, ...) so that both sides see the same machine load. Time:
wall seconds of the read alone; peak: the child's maximum resident memory after the read (``VmHWM``
on Linux, else ``ru_maxrss``), imports included on both sides. The ratios are reader / pandas of the
medians over the runs.

The export is synthetic: creators resampled (seeded) from the bundled ``influencers`` table, every
count and average moved by a random factor so that nearly every value is distinct, as in a real
export. Usage: ``python tools/bench_byo.py [--rows N] [--runs N]`` (``make bench`` runs it too).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

#: One read in a child process: prints "<seconds> <peak resident memory in bytes>".
_CHILD = """
import resource, sys, time
import pandas as pd
from helpers.exports import read_influencer_export
which, path = sys.argv[1], sys.argv[2]
t0 = time.perf_counter()
frame = pd.read_csv(path) if which == "pandas" else read_influencer_export(path)
seconds = time.perf_counter() - t0
try:  # Linux: this process's own high-water mark (ru_maxrss would carry the parent's over a fork)
    status = open("/proc/self/status").read().split("VmHWM:")[1].split()
    peak = int(status[0]) * 1024
except (OSError, IndexError):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * (1 if sys.platform == "darwin" else 1024)
print(seconds, peak, len(frame))
"""


def write_export(path: Path, rows: int, seed: int = 15) -> Path:
    """Write a synthetic creator export of ``rows`` rows (handle, followers, avg_likes, avg_comments,
    platform) resampled from the bundled data; returns ``path``."""
    import pandas as pd

    from helpers import data

    creators = data.load_influencers()
    rng = np.random.default_rng(seed)
    pick = creators.iloc[rng.integers(len(creators), size=rows)]
    noise = rng.lognormal(0.0, 0.1, size=(rows, 3))
    followers = np.rint(pick["followers"].to_numpy() * noise[:, 0]).astype(np.int64)
    pd.DataFrame(
        {
            "handle": pick["handle"].to_numpy() + "_" + np.arange(rows).astype(str),
            "followers": followers,
            "avg_likes": np.round(pick["avg_likes"].to_numpy() * noise[:, 1], 1),
            "avg_comments": np.round(pick["avg_comments"].to_numpy() * noise[:, 2], 1),
            "platform": pick["platform"].to_numpy(),
        }
    ).to_csv(path, index=False)
    return path


def read_in_child(which: str, path: Path) -> tuple[float, float]:
    """(seconds, peak resident MB) of one read of ``path`` by ``which`` ("pandas" or "reader")."""
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, which, str(path)], capture_output=True, text=True, check=True
    )
    seconds, peak, _rows = done.stdout.split()
    return float(seconds), int(peak) / 1e6


def bench_byo_export(rows: int = 1_000_000, runs: int = 3) -> dict[str, float]:
    """Print the reader/pandas time and peak-memory ratios (and the medians behind them)."""
    from bench import emit  # the one line format of every figure

    seconds: dict[str, list[float]] = {"pandas": [], "reader": []}
    peaks: dict[str, list[float]] = {"pandas": [], "reader": []}
    with tempfile.TemporaryDirectory(prefix="course-byo-") as folder:
        path = write_export(Path(folder) / "export.csv", rows)
        size_mb = path.stat().st_size / 1e6
        for _ in range(runs):
            for which in ("pandas", "reader"):
                elapsed, peak = read_in_child(which, path)
                seconds[which].append(elapsed)
                peaks[which].append(peak)
    med = {k: float(np.median(v)) for k, v in seconds.items()}
    peak = {k: float(np.median(v)) for k, v in peaks.items()}
    figures = {
        "byo_1m_rows_ratio": med["reader"] / med["pandas"],
        "byo_1m_rows_peak_ratio": peak["reader"] / peak["pandas"],
    }
    emit("byo_1m_rows_read_s", med["reader"], "s", rows=rows, reader="read_influencer_export")
    emit("byo_1m_rows_read_s", med["pandas"], "s", rows=rows, reader="pandas.read_csv")
    emit("byo_1m_rows_peak_mb", peak["reader"], "MB", rows=rows, reader="read_influencer_export")
    emit("byo_1m_rows_peak_mb", peak["pandas"], "MB", rows=rows, reader="pandas.read_csv")
    emit("byo_1m_rows_ratio", figures["byo_1m_rows_ratio"], "x", rows=rows, file_mb=f"{size_mb:.0f}")
    emit("byo_1m_rows_peak_ratio", figures["byo_1m_rows_peak_ratio"], "x", rows=rows)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if args.rows < 1 or args.runs < 1:
        parser.error("--rows and --runs must be at least 1")
    bench_byo_export(args.rows, args.runs)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    raise SystemExit(main())
