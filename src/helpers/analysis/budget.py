"""Budget planning maths (lesson 05, reused by the capstone): past campaigns per follower tier, and a
seeded simulation of what a budget split across tiers buys.

Each tier's money buys as many creators as its average fee allows, and every simulated creator
delivers the outcome of a past campaign of that tier drawn at random. Repeating the draw
``N_SIMS`` times gives an 80 % interval (10th-90th percentile) as well as the median. Money in US
dollars, outcomes in counts (reach: accounts; engagements; conversions: purchases).

The budget-planner lab (:mod:`helpers.widgets.budget`) is controls plus a call to
:func:`forecast_split`; the capstone calls it directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .. import metrics


class BudgetInputError(ValueError):
    """A budget or split that cannot be forecast; the message says what to change."""


#: Outcomes the planner forecasts, in display order (campaigns table columns).
OUTCOMES: tuple[str, ...] = ("reach", "engagements", "conversions")
#: Number of simulated campaigns per forecast (more = smoother intervals, slower).
N_SIMS = 400
#: Seed of the forecast's random draws, so the same controls always give the same numbers.
SEED = 2026
#: Above this many creators per tier the sum of draws uses the normal approximation
#: (central limit theorem) instead of drawing every creator.
EXACT_DRAW_LIMIT = 60


@dataclass(frozen=True)
class TierHistory:
    """Past campaigns of one tier: fees (USD) and outcomes (counts) as arrays."""

    tier: str
    fee_usd: np.ndarray
    outcomes: dict[str, np.ndarray]

    @property
    def mean_fee_usd(self) -> float:
        """Average fee per campaign in USD."""
        return float(self.fee_usd.mean())


def tier_histories(
    campaigns: pd.DataFrame, influencers: pd.DataFrame, scheme: str = "mediakix", platform: str = "all"
) -> dict[str, TierHistory]:
    """Group past campaigns by the creator's tier under ``scheme`` (optionally one platform)."""
    joined = campaigns.merge(
        influencers[["influencer_id", "followers", "platform"]], on="influencer_id", how="inner"
    )
    if platform != "all":
        joined = joined[joined["platform"].astype(str) == platform]
    joined = joined.assign(tier=metrics.assign_tier(joined["followers"], scheme).astype(str))
    histories: dict[str, TierHistory] = {}
    for tier in metrics.tier_labels(scheme):
        rows = joined[joined["tier"] == tier]
        if rows.empty:
            continue
        histories[tier] = TierHistory(
            tier=tier,
            fee_usd=rows["fee_usd"].to_numpy(dtype=float),
            outcomes={o: rows[o].to_numpy(dtype=float) for o in OUTCOMES},
        )
    return histories


def simulate_tier(history: TierHistory, money_usd: float, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Simulated totals (``N_SIMS`` values per outcome) for ``money_usd`` spent on this tier."""
    n_creators = int(money_usd // history.mean_fee_usd)
    totals: dict[str, np.ndarray] = {}
    if n_creators == 0:
        return {o: np.zeros(N_SIMS) for o in OUTCOMES} | {"creators": np.zeros(N_SIMS)}
    if n_creators <= EXACT_DRAW_LIMIT:
        idx = rng.integers(0, len(history.fee_usd), size=(N_SIMS, n_creators))
        for o in OUTCOMES:
            totals[o] = history.outcomes[o][idx].sum(axis=1)
    else:
        for o in OUTCOMES:
            values = history.outcomes[o]
            mean, sd = values.mean() * n_creators, values.std() * np.sqrt(n_creators)
            totals[o] = np.clip(rng.normal(mean, sd, size=N_SIMS), 0, None)
    totals["creators"] = np.full(N_SIMS, float(n_creators))
    return totals


@dataclass(frozen=True)
class BudgetForecast:
    """What a budget split buys: plan-wide ``numbers`` and a per-tier ``table``.

    ``numbers``: ``<outcome>_p10/_p50/_p90`` for the whole plan (counts), ``creators``,
    ``unspent_usd``, ``share_total_pct`` (what the shares add up to), ``share_used_pct_<tier>`` (the
    split used, percent) and ``cost_per_conversion_usd_p50``. ``table`` (index: tier): ``share_pct``,
    ``budget_usd``, ``creators`` and the median and 80 % interval of each outcome. ``notes``: tiers whose
    money stayed unspent, and why.
    """

    numbers: dict[str, float]
    table: pd.DataFrame
    notes: list[str] = field(default_factory=list)


def forecast_split(
    histories: dict[str, TierHistory], budget_usd: float, shares_pct: dict[str, float]
) -> BudgetForecast:
    """Forecast outcomes for ``budget_usd`` (USD, > 0) split across tiers by ``shares_pct`` (percent per
    tier; scaled to sum to 100 when they do not). Seeded: the same inputs give the same numbers.

    Raises :class:`BudgetInputError` for a budget of 0 or less, every share at 0, or a budget that buys
    no creator in the chosen tiers.
    """
    if not budget_usd or budget_usd <= 0:
        raise BudgetInputError("Set a budget above $0.")
    total_share = sum(max(v, 0.0) for v in shares_pct.values())
    if total_share <= 0:
        raise BudgetInputError("Every tier is at 0%: move at least one tier's slider above 0%.")
    used = {tier: 100 * max(share, 0.0) / total_share for tier, share in shares_pct.items()}
    rng = np.random.default_rng(SEED)
    rows = []
    plan_totals = {o: np.zeros(N_SIMS) for o in OUTCOMES}
    spent = 0.0
    notes = []
    for tier, share in shares_pct.items():
        money = budget_usd * max(share, 0.0) / total_share
        if money <= 0:
            continue
        history = histories.get(tier)
        if history is None:
            notes.append(f"no past {tier} campaigns in this selection, so its ${money:,.0f} stays unspent")
            continue
        sims = simulate_tier(history, money, rng)
        n = int(sims["creators"][0])
        if n == 0:
            notes.append(
                f"${money:,.0f} does not buy one {tier} creator (average fee ${history.mean_fee_usd:,.0f})"
            )
            continue
        spent += n * history.mean_fee_usd
        row: dict[str, Any] = {"tier": tier, "share_pct": used[tier], "budget_usd": money, "creators": n}
        for o in OUTCOMES:
            plan_totals[o] += sims[o]
            p10, p50, p90 = np.percentile(sims[o], [10, 50, 90])
            row |= {f"{o}_p50": p50, f"{o}_p10": p10, f"{o}_p90": p90}
        rows.append(row)
    if not rows:
        raise BudgetInputError(
            "This budget buys no creator in the chosen tiers: "
            + "; ".join(notes)
            + ". Raise the budget or shift it to cheaper tiers."
        )
    table = pd.DataFrame(rows).set_index("tier")
    numbers: dict[str, float] = {
        "creators": float(table["creators"].sum()),
        "unspent_usd": budget_usd - spent,
        "share_total_pct": total_share,
    } | {f"share_used_pct_{tier}": pct for tier, pct in used.items()}
    for o in OUTCOMES:
        p10, p50, p90 = np.percentile(plan_totals[o], [10, 50, 90])
        numbers |= {f"{o}_p10": p10, f"{o}_p50": p50, f"{o}_p90": p90}
    numbers["cost_per_conversion_usd_p50"] = float(metrics.cpa(spent, numbers["conversions_p50"]))
    return BudgetForecast(numbers=numbers, table=table, notes=notes)


def adds_up(total_pct: float) -> bool:
    """Whether tier shares totalling ``total_pct`` percent count as 100 % (within 0.05 points)."""
    return abs(total_pct - 100.0) < 0.05
