"""Discovery-approach comparison: cost, time, niche fit and value per channel."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import data
from helpers.analysis.planning import channel_comparison, discovery_table
from helpers.widgets import LABS, LabInputError
from helpers.widgets.discovery import (
    CHANNELS,
    MIN_CAMPAIGNS,
    DiscoveryComparison,
    discovery_update,
)


def _table(per_channel: int = MIN_CAMPAIGNS) -> pd.DataFrame:
    """``per_channel`` identical past campaigns per channel with easy numbers."""
    spec = {
        "organic": {"cost": 100.0, "days": 30, "fit": 0.4, "fee": 1_000.0, "conv": 10},
        "platform": {"cost": 200.0, "days": 15, "fit": 0.6, "fee": 1_000.0, "conv": 12},
        "agency": {"cost": 600.0, "days": 7, "fit": 0.8, "fee": 1_000.0, "conv": 16},
    }
    rows = [
        {
            "channel": ch,
            "niche": "food",
            "goal": "conversion",
            "discovery_cost_usd": s["cost"],
            "days_to_sign": float(s["days"]),
            "niche_fit": s["fit"],
            "fee_usd": s["fee"],
            "conversions": float(s["conv"]),
        }
        for ch, s in spec.items()
        for _ in range(per_channel)
    ]
    return pd.DataFrame(rows)


def test_cost_scales_with_the_number_of_creators():
    result = discovery_update(_table(), creators=8, deadline_days=20)
    assert result.numbers["organic_discovery_usd"] == pytest.approx(800)
    assert result.numbers["agency_discovery_usd"] == pytest.approx(4_800)
    assert result.extra["cheapest"] == "organic"


def test_deadline_decides_who_signs_in_time():
    result = discovery_update(_table(), creators=10, deadline_days=20)
    assert result.numbers["organic_in_time_pct"] == 0
    assert result.numbers["platform_in_time_pct"] == 100
    assert result.numbers["agency_expected_signed"] == pytest.approx(10)
    assert result.extra["fastest"] == "agency"


def test_value_counts_fees_and_discovery_costs():
    result = discovery_update(_table(), creators=1, deadline_days=60)
    # agency: 16 conversions for 1,000 + 600 all-in -> 10 per $1,000
    assert result.numbers["agency_conv_per_1k_usd"] == pytest.approx(10.0)
    assert result.numbers["organic_conv_per_1k_usd"] == pytest.approx(1000 * 10 / 1_100)
    assert result.extra["best_fit"] == "agency"
    assert list(result.table.index) == list(CHANNELS)


def test_a_deadline_nobody_meets_is_said_in_the_summary():
    result = discovery_update(_table(), creators=3, deadline_days=0)
    assert "move the deadline" in result.summary


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"creators": 0}, "at least 1 creator"),
        ({"deadline_days": -1}, "cannot be in the past"),
        ({"niche": "gaming"}, "Too few past campaigns"),
        ({"goal": "awareness"}, "Set niche or goal to 'all'"),
    ],
)
def test_impossible_selections_raise_a_friendly_message(kwargs, message):
    with pytest.raises(LabInputError, match=message):
        discovery_update(_table(), **kwargs)


def test_too_few_campaigns_in_one_channel_is_refused():
    table = _table()
    table = table[~((table["channel"] == "agency") & (table.index % 2 == 0))]
    with pytest.raises(LabInputError, match="agency"):
        discovery_update(table)


def test_discovery_table_joins_the_creators_niche():
    campaigns = pd.DataFrame(
        {
            "influencer_id": ["a"],
            "discovery_channel": ["agency"],
            "goal": ["conversion"],
            "discovery_cost_usd": [500.0],
            "days_to_sign": [7],
            "niche_fit": [0.8],
            "fee_usd": [2_000.0],
            "conversions": [20],
        }
    )
    influencers = pd.DataFrame({"influencer_id": ["a"], "niche": ["food"]})
    table = discovery_table(campaigns, influencers)
    assert table.loc[0, "niche"] == "food" and table.loc[0, "channel"] == "agency"


def test_lab_is_registered_and_draws_four_panels():
    assert LABS["discovery"] is DiscoveryComparison
    lab = DiscoveryComparison()
    assert lab.result.ok, lab.result.message
    assert len(lab.fig.axes) == 4
    result = lab.set(creators=5, deadline_days=14)
    assert "Signing 5 creators within 14 days" in result.summary
    assert b"<svg" in bytes(lab._image.value[:400])


def test_lab_shows_a_message_across_the_figure_then_recovers():
    lab = DiscoveryComparison(campaigns=None, influencers=None)
    lab.table = _table()
    lab.controls["niche"].options = ["all", "food", "gaming"]
    result = lab.set(niche="gaming")
    assert not result.ok and "Too few" in lab._summary.value
    assert lab._message.get_text().startswith("Too few")
    result = lab.set(niche="all")
    assert result.ok and lab._message.get_text() == ""
    for ax in lab.fig.axes:  # the panels are rebuilt: bars, channel names and label are back
        texts = [t.get_text() for t in ax.texts]
        assert all(ch in texts for ch in CHANNELS) and len(ax.patches) == len(CHANNELS)


def test_channel_comparison_on_the_bundled_campaigns_adds_up_and_the_deadline_only_helps():
    table = discovery_table(data.load_campaigns(), data.load_influencers())
    earlier = None
    for deadline in (0, 7, 14, 21, 30, 60, 365):
        channels = channel_comparison(table, creators=12, deadline_days=deadline, channels=CHANNELS)
        assert list(channels.index) == list(CHANNELS)
        assert channels["campaigns"].sum() == len(table)
        assert (channels["discovery_usd"] == channels["per_creator_usd"] * 12).all()
        assert channels["expected_signed"].to_numpy() == pytest.approx(
            channels["in_time_pct"].to_numpy() * 0.12
        )
        assert channels["niche_fit"].between(0, 1).all() and channels["in_time_pct"].between(0, 100).all()
        if earlier is not None:  # a later deadline never signs fewer in time
            assert (channels["in_time_pct"] >= earlier["in_time_pct"]).all(), deadline
        earlier = channels
    agency = table[table["channel"] == "agency"]
    all_in = agency["fee_usd"].sum() + agency["discovery_cost_usd"].sum()
    assert channels.loc["agency", "conv_per_1k_usd"] == pytest.approx(
        1000 * agency["conversions"].sum() / all_in
    )
