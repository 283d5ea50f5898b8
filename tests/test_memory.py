"""Kernel memory (issue 15 item 8: at most 200 MB per notebook after Run All, ``make bench``'s
``kernel_rss_mb``). Notebook 10 was over it: its follower audit sorted every creator's windows at
once (tens of MB for a moment, most of which a kernel keeps), and every load of a bundled table
copied the cached one. These tests keep both fixed without timing anything."""

from __future__ import annotations

import tracemalloc

import numpy as np
import pandas as pd
import pytest

from helpers import data
from helpers.analysis import audit


def _growth_table(creators: int, days: int = 90, seed: int = 3) -> pd.DataFrame:
    """Daily follower counts of ``creators`` creators with noisy gains, a few bought steps and a few
    missing days (so some windows lack history)."""
    rng = np.random.default_rng(seed)
    gains = rng.normal(30, 8, (creators, days)).round()
    gains[rng.random((creators, days)) < 0.01] += 5_000  # bought steps
    followers = 10_000 + np.cumsum(gains, axis=1)
    frame = pd.DataFrame(
        {
            "influencer_id": np.repeat([f"INF{i:03d}" for i in range(creators)], days),
            "date": np.tile(pd.date_range("2025-07-01", periods=days, freq="D").to_numpy(), creators),
            "followers": followers.ravel().astype(int),
        }
    )
    return frame.drop(index=rng.choice(len(frame), size=len(frame) // 50, replace=False))


@pytest.mark.parametrize("block", [1, 5, 10_000])
def test_growth_scores_do_not_depend_on_how_many_creators_are_scored_at_once(monkeypatch, block):
    growth = _growth_table(creators=37)  # not a multiple of any block size
    settings = [{}, {"window": 7, "min_history": 3}, {"window": 40, "min_history": 40}]
    expected = [audit.growth_scores(growth, **kw) for kw in settings]
    assert expected[0]["score"].notna().any() and expected[2]["score"].isna().any()
    monkeypatch.setattr(audit, "_WINDOW_BLOCK", block)  # 10_000: every creator at once
    for kw, scores in zip(settings, expected, strict=True):
        pd.testing.assert_frame_equal(audit.growth_scores(growth, **kw), scores, check_exact=True)


def test_scoring_the_bundled_follower_growth_needs_little_memory_at_once():
    growth, posts = data.load_follower_growth(), data.load_posts()
    audit.growth_scores(growth, posts)  # first call: imports and caches out of the measurement
    tracemalloc.start()
    try:
        audit.growth_scores(growth, posts)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # 240 creators x 180 days x 28-day windows all at once peaked at 22.6 MB; in blocks, 4.7 MB
    assert peak / 1e6 < 10, f"growth_scores peaked at {peak / 1e6:.1f} MB on the bundled data"


@pytest.mark.skipif(not data.COPY_ON_WRITE, reason="pandas before 3 does not copy on write")
def test_loads_of_a_bundled_table_share_memory_until_one_is_changed():
    first, second = data.load_posts(), data.load_posts()
    assert np.shares_memory(first["likes"].to_numpy(), second["likes"].to_numpy())
    original = first.copy()
    second.loc[second.index[0], "likes"] = -1
    second["influencer_id"] = "someone else"
    del second["date"]
    pd.testing.assert_frame_equal(first, original)
    pd.testing.assert_frame_equal(data.load_posts(), original)
    assert not np.shares_memory(first["likes"].to_numpy(), second["likes"].to_numpy())
