"""Tier-scheme explorer: counts per tier under two schemes and who changes tier."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.widgets import LabInputError, TierExplorer, tier_explorer_update


@pytest.fixture
def creators() -> pd.DataFrame:
    # 30K: micro (Mediakix), micro (Later x Fohr), mid (HypeAuditor); 3K: nano/nano/nano;
    # 200K: mid/mid/macro; 2M: mega everywhere.
    return pd.DataFrame(
        {
            "influencer_id": ["a", "b", "c", "d"],
            "followers": [30_000, 3_000, 200_000, 2_000_000],
            "platform": ["instagram", "instagram", "tiktok", "youtube"],
            "niche": ["beauty", "food", "beauty", "tech"],
        }
    )


def test_tier_explorer_counts_creators_whose_tier_depends_on_the_scheme(creators):
    result = tier_explorer_update(creators, "mediakix", "hypeauditor")
    assert result.numbers["creators"] == 4
    assert result.numbers["changed"] == 2  # 30K (micro -> mid) and 200K (mid -> macro)
    assert result.numbers["changed_pct"] == pytest.approx(50.0)
    table = result.table
    assert list(table.columns) == ["A: Mediakix", "B: HypeAuditor"]
    assert table.loc["micro", "A: Mediakix"] == 1 and table.loc["mid", "B: HypeAuditor"] == 1
    assert table.sum().tolist() == [4, 4]


def test_tier_explorer_same_scheme_twice_says_to_pick_two(creators):
    result = tier_explorer_update(creators, "later_fohr", "later_fohr")
    assert result.numbers["changed"] == 0
    assert "two different schemes" in result.summary


def test_tier_explorer_filters_platform_and_niche(creators):
    result = tier_explorer_update(creators, "mediakix", "hypeauditor", platform="instagram", niche="beauty")
    assert result.numbers["creators"] == 1


def test_tier_explorer_empty_selection_raises_a_friendly_lab_error(creators):
    with pytest.raises(LabInputError, match="No creators match"):
        tier_explorer_update(creators, "mediakix", "hypeauditor", platform="youtube", niche="beauty")


def test_tier_explorer_lab_shows_message_for_empty_selection(creators):
    lab = TierExplorer(creators)
    result = lab.set(platform="youtube", niche="beauty")
    assert not result.ok and "No creators match" in result.message
    assert "course-lab-message" in lab._summary.value
    assert lab.set(niche="tech").ok
