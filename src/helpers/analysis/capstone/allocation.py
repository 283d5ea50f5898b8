"""Step 3, allocation and forecast: a named or custom budget split across follower tiers
(:func:`split_table`), and the forecast of a plan's own picks replayed on past campaigns
(:func:`replay_forecast`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from ..budget import (
    N_SIMS,
    OUTCOMES,
    SEED,
    TierHistory,
    simulate_tier,
)
from .settings import SPLITS, TIERS, PlanError


def split_table(split: str | Mapping[str, float]) -> dict[str, float]:
    """A split as percent per tier (every tier present, missing ones 0). Accepts a name of
    :data:`SPLITS` or a mapping tier -> percent (any non-negative scale)."""
    if isinstance(split, str):
        if split not in SPLITS:
            raise PlanError(f"Unknown split {split!r}: choose one of {', '.join(SPLITS)}.")
        split = SPLITS[split]
    unknown = set(split) - set(TIERS)
    if unknown:
        raise PlanError(f"Unknown tier(s) {sorted(unknown)} in the split: tiers are {', '.join(TIERS)}.")
    return {t: float(split.get(t, 0.0)) for t in TIERS}


def replay_forecast(
    histories: Mapping[str, TierHistory], creators: Mapping[str, int], budget_usd: float
) -> tuple[dict[str, float], pd.DataFrame]:
    """Lesson 05's forecast for a given number of creators per tier: each creator delivers a past
    campaign of its tier drawn at random, repeated ``N_SIMS`` times with the planner's seed, by the
    planner's own engine (:func:`helpers.analysis.budget.simulate_tier`). With every slot filled it
    equals :func:`~helpers.analysis.budget.forecast_split`'s forecast; with fewer creators it
    forecasts only the creators the plan can sign.

    Returns numbers (``creators``, ``spent_usd`` = creators x average fee, ``unspent_usd``,
    ``<outcome>_p10/_p50/_p90`` for reach, engagements, conversions) and a per-tier table (``creators``,
    ``spend_usd`` and the same percentiles), tiers in order.
    """
    rng = np.random.default_rng(SEED)
    totals = {o: np.zeros(N_SIMS) for o in OUTCOMES}
    rows, spent = [], 0.0
    for tier in TIERS:
        n, history = int(creators.get(tier, 0)), histories.get(tier)
        if n <= 0 or history is None:
            continue
        sims = simulate_tier(history, (n + 0.5) * history.mean_fee_usd, rng)  # buys exactly n creators
        spent += n * history.mean_fee_usd
        row: dict[str, Any] = {"tier": tier, "creators": n, "spend_usd": n * history.mean_fee_usd}
        for o in OUTCOMES:
            totals[o] += sims[o]
            p10, p50, p90 = np.percentile(sims[o], [10, 50, 90])
            row |= {f"{o}_p50": p50, f"{o}_p10": p10, f"{o}_p90": p90}
        rows.append(row)
    numbers: dict[str, float] = {
        "creators": float(sum(r["creators"] for r in rows)),
        "spent_usd": spent,
        "unspent_usd": float(budget_usd) - spent,
    }
    for o in OUTCOMES:
        p10, p50, p90 = np.percentile(totals[o], [10, 50, 90])
        numbers |= {f"{o}_p10": float(p10), f"{o}_p50": float(p50), f"{o}_p90": float(p90)}
    table = pd.DataFrame(rows).set_index("tier") if rows else pd.DataFrame(index=pd.Index([], name="tier"))
    return numbers, table.round(0)
