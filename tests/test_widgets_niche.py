"""Niche-reach lab: rankings by followers, niche share and engaged share, and the profile card."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import data
from helpers.analysis.influence import SOURCES_OF_POWER, niche_reach_table, rank_niche
from helpers.widgets import LABS, LabInputError
from helpers.widgets.niche import TOP_N, NicheReach, niche_reach_update


@pytest.fixture
def influencers() -> pd.DataFrame:
    # fin: small, in a small niche; fash: 3x the followers in a niche 7.5x larger; star: a celebrity.
    return pd.DataFrame(
        {
            "influencer_id": ["fin", "fash", "star"],
            "handle": ["@fin", "@fash", "@star"],
            "niche": ["finance", "fashion", "fashion"],
            "platform": ["tiktok", "instagram", "instagram"],
            "followers": [150_000, 450_000, 3_000_000],
            "avg_likes": [9_000.0, 9_000.0, 30_000.0],
            "avg_comments": [600.0, 300.0, 300.0],
            "is_celebrity": [False, False, True],
            "authority_score": [7.0, 5.0, 8.0],
            "knowledge_score": [9.0, 5.0, 3.0],
            "position_score": [2.0, 4.0, 9.0],
            "relationship_score": [8.0, 5.0, 1.0],
        }
    )


@pytest.fixture
def niches() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "niche": ["finance", "fashion"],
            "platform": ["tiktok", "instagram"],
            "niche_audience": [75_000_000, 560_000_000],
        }
    )


@pytest.fixture
def reach(influencers, niches) -> pd.DataFrame:
    return niche_reach_table(influencers, niches)


def test_share_of_niche_ranks_a_smaller_creator_above_a_bigger_one(reach):
    by_share = niche_reach_update(reach, niche="all", platform="all", rank_by="niche_share")
    by_followers = niche_reach_update(reach, niche="all", platform="all", rank_by="followers")
    assert by_share.table["handle"].tolist() == ["@star", "@fin", "@fash"]
    assert by_followers.table["handle"].tolist() == ["@star", "@fash", "@fin"]
    assert by_share.numbers["card_niche_share_pct"] == pytest.approx(3_000_000 / 560_000_000 * 100)


def test_engaged_share_puts_the_engaged_niche_creator_first(reach):
    result = niche_reach_update(reach, niche="all", platform="all", rank_by="engaged_share")
    assert result.table["handle"].iloc[0] == "@fin"  # 9,600 engaged in 75M vs 30,300 in 560M
    assert result.numbers["card_engaged_share_pct"] == pytest.approx(9_600 / 75_000_000 * 100)


def test_profile_card_carries_the_four_sources_and_the_equivalent_following(reach):
    result = niche_reach_update(reach, niche="finance", platform="all", rank_by="niche_share", card=1)
    n = result.numbers
    assert (n["card_authority"], n["card_knowledge"], n["card_position"], n["card_relationship"]) == (
        7.0,
        9.0,
        2.0,
        8.0,
    )
    # 0.2% of finance on TikTok; the largest TikTok niche here is finance itself (75M)
    assert n["card_equivalent_followers"] == pytest.approx(150_000)
    assert n["card_is_celebrity"] == 0
    assert "knowledge" in result.summary and "@fin" in result.summary


def test_summary_explains_why_rankings_agree_inside_one_niche_and_platform(reach):
    result = niche_reach_update(reach, niche="fashion", platform="instagram", rank_by="niche_share")
    assert "same denominator" in result.summary
    assert result.numbers["overlap_with_followers_top"] == 2


@pytest.mark.parametrize(
    ("controls", "message"),
    [
        ({"niche": "finance", "platform": "instagram"}, "No creators in finance, Instagram"),
        ({"niche": "finance", "platform": "all", "card": 2}, "choose a profile card from 1 to 1"),
        ({"rank_by": "popularity"}, "Unknown ranking"),
    ],
)
def test_impossible_controls_get_a_friendly_message(reach, controls, message):
    with pytest.raises(LabInputError, match=message):
        niche_reach_update(reach, **controls)


def test_lab_is_registered_and_shows_a_message_then_recovers(influencers, niches):
    assert LABS["niche-reach"] is NicheReach
    lab = NicheReach(influencers, niches)
    assert lab.result.ok
    bad = lab.set(niche="finance", platform="all", card=3)
    assert not bad.ok and "course-lab-message" in lab._summary.value
    good = lab.set(card=1)
    assert good.ok and len(lab.fig.axes) == 2
    assert lab.fig.axes[1].get_title(loc="left") == "#1 @fin"


def test_lab_on_bundled_data_lists_top_n_and_responds_to_every_ranking():
    lab = NicheReach()
    for rank_by in ("followers", "niche_share", "engaged_share"):
        result = lab.set(niche="all", platform="all", rank_by=rank_by, card=TOP_N)
        assert result.ok and len(result.table) == TOP_N
        print(f"\n{rank_by}: {result.summary}  ({lab.last_update_ms:.0f} ms)")
    engaged = lab.set(rank_by="engaged_share", card=1).numbers["overlap_with_followers_top"]
    assert engaged < TOP_N  # the engaged ranking is not the follower ranking


@pytest.fixture(scope="module")
def bundled_reach() -> pd.DataFrame:
    return niche_reach_table(data.load_influencers(), data.load_niches())


@pytest.mark.parametrize("column", ["followers", "niche_share_pct", "engaged_share_pct"])
def test_rank_niche_lists_the_top_of_the_selection_in_order(bundled_reach, column):
    reach = bundled_reach
    for niche in [None, *sorted(reach["niche"].astype(str).unique())]:
        for platform in [None, "instagram", "youtube"]:
            keep = pd.Series(True, index=reach.index)
            if niche:
                keep &= reach["niche"].astype(str) == niche
            if platform:
                keep &= reach["platform"].astype(str) == platform
            chosen = reach[keep]
            ranking = rank_niche(reach, column, niche, platform, TOP_N)
            ranked = ranking.ranked
            assert ranking.creators == len(chosen) and len(ranked) == min(TOP_N, len(chosen))
            assert set(ranked.index) <= set(chosen.index)
            assert ranked[column].is_monotonic_decreasing
            if len(ranked) and len(chosen) > len(ranked):  # nobody left out ranks above the last listed
                assert chosen.drop(ranked.index)[column].max() <= ranked[column].iloc[-1]
            assert 0 <= ranking.overlap <= len(ranked)
            if column == "followers" or (column == "niche_share_pct" and niche and platform):
                # one niche on one platform shares one denominator: the share ranks as followers do
                assert ranking.overlap == len(ranked), (niche, platform)
            medians = chosen[list(SOURCES_OF_POWER)].median()
            assert ranking.medians == pytest.approx(
                {label: medians[col] for col, label in SOURCES_OF_POWER.items()} if len(chosen) else {}
            )
