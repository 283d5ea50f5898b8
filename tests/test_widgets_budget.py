"""Budget planner: money per tier -> creators bought -> outcomes with an 80% interval."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers.widgets import BudgetPlanner, LabInputError, budget_planner_update, tier_histories
from helpers.widgets.budget import TierHistory


def _history(tier: str, fee: float, conversions: float) -> TierHistory:
    n = 5
    return TierHistory(
        tier=tier,
        fee_usd=np.full(n, fee),
        outcomes={
            "reach": np.full(n, 10_000.0),
            "engagements": np.full(n, 500.0),
            "conversions": np.full(n, conversions),
        },
    )


def test_budget_planner_buys_whole_creators_at_the_average_fee():
    histories = {"nano": _history("nano", 100, 2), "micro": _history("micro", 1_000, 10)}
    result = budget_planner_update(histories, 2_050, {"nano": 50, "micro": 50})
    # nano: $1,025 buys 10 creators x 2 conversions; micro: $1,025 buys 1 creator x 10 conversions
    assert result.numbers["creators"] == 11
    assert result.numbers["conversions_p50"] == pytest.approx(30)
    assert result.numbers["unspent_usd"] == pytest.approx(2_050 - 10 * 100 - 1_000)
    assert result.table.loc["nano", "creators"] == 10


def test_budget_planner_interval_brackets_the_median_when_outcomes_vary():
    rng = np.random.default_rng(0)
    h = TierHistory(
        "micro",
        rng.uniform(800, 1200, 50),
        {
            "reach": rng.uniform(1e4, 5e4, 50),
            "engagements": rng.uniform(100, 900, 50),
            "conversions": rng.uniform(0, 40, 50),
        },
    )
    result = budget_planner_update({"micro": h}, 20_000, {"micro": 100})
    n = result.numbers
    assert n["conversions_p10"] < n["conversions_p50"] < n["conversions_p90"]


def test_budget_planner_is_deterministic_for_the_same_controls():
    h = {
        "micro": TierHistory(
            "micro",
            np.array([900.0, 1100]),
            {
                "reach": np.array([1e4, 3e4]),
                "engagements": np.array([100.0, 300]),
                "conversions": np.array([5.0, 15]),
            },
        )
    }
    a = budget_planner_update(h, 30_000, {"micro": 100})
    b = budget_planner_update(h, 30_000, {"micro": 100})
    assert a.numbers == b.numbers


def test_budget_planner_shares_are_normalised():
    histories = {"nano": _history("nano", 100, 2)}
    a = budget_planner_update(histories, 1_000, {"nano": 100})
    b = budget_planner_update(histories, 1_000, {"nano": 5})
    assert a.numbers["creators"] == b.numbers["creators"] == 10


@pytest.mark.parametrize(
    ("budget", "shares", "message"),
    [
        (0, {"nano": 100}, "budget above"),
        (1_000, {"nano": 0, "micro": 0}, "at least one tier"),
        (50, {"nano": 100}, "buys no creator"),
        (1_000, {"mega": 100}, "no past mega campaigns"),
    ],
)
def test_budget_planner_explains_what_to_change(budget, shares, message):
    with pytest.raises(LabInputError, match=message):
        budget_planner_update({"nano": _history("nano", 100, 2)}, budget, shares)


def test_tier_histories_groups_campaigns_by_creator_tier():
    influencers = pd.DataFrame(
        {"influencer_id": ["a", "b"], "followers": [5_000, 300_000], "platform": ["instagram", "tiktok"]}
    )
    campaigns = pd.DataFrame(
        {
            "influencer_id": ["a", "a", "b"],
            "fee_usd": [100.0, 120.0, 4_000.0],
            "reach": [1e3, 2e3, 1e5],
            "engagements": [50.0, 60.0, 2_000.0],
            "conversions": [1.0, 2.0, 30.0],
        }
    )
    h = tier_histories(campaigns, influencers, "mediakix")
    assert set(h) == {"nano", "mid"}
    assert h["nano"].mean_fee_usd == pytest.approx(110)
    assert set(tier_histories(campaigns, influencers, "mediakix", platform="tiktok")) == {"mid"}


def test_budget_planner_lab_reports_message_when_every_share_is_zero():
    lab = BudgetPlanner()
    zeros = {k: 0.0 for k in lab.controls if k.startswith("share_")}
    result = lab.set(**zeros)
    assert not result.ok and "at least one tier" in result.message
