"""The follower-audit tables measured against the fake-follower figures they are calibrated to.

Like ``tests/test_calibration.py``: each test prints its statistic (``pytest -s``) and asserts it
within the tolerance in its docstring; the figures come from the ``benchmarks`` table (HypeAuditor
2019, SRF Data 2017, HypeAuditor's mass-follower cut-off). The truth (which accounts are fake, who
bought followers) comes from the generator, as the files never hold it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers import data, generate


@pytest.fixture(scope="module")
def t() -> dict:
    influencers, posts = data.load_influencers(), data.load_posts()
    return {
        "influencers": influencers.set_index("influencer_id"),
        "growth": data.load_follower_growth(),
        "sample": data.load_follower_sample(),
        "truth": generate.follower_audit_truth(influencers, posts),
    }


def test_fake_share_of_the_sample_sits_between_hypeauditor_2019_and_srf_data_2017(t):
    """Fake share of the follower sample within [HypeAuditor 2019 - 3, SRF Data 2017 + 3] points
    (22.23% of IG influencers' followers suspicious worldwide; ~30% fake across 115 Swiss influencers)."""
    share = 100 * t["truth"].fake.mean()
    low, high = (
        generate.benchmark("suspicious_followers_pct_2019"),
        generate.benchmark("fake_followers_avg_pct_swiss"),
    )
    print(f"\nfake share of the sample {share:.1f}% (HypeAuditor 2019 {low}%, SRF Data 2017 {high}%)")
    assert low - 3 <= share <= high + 3


def test_sampled_fakes_follow_the_creators_audience_authenticity(t):
    """Per creator, the sample's fake share tracks 1 - audience_authenticity: mean gap by authenticity
    quartile <= 4 points, and the least authentic quartile has at least twice the fakes of the most."""
    sample = t["sample"].assign(fake=t["truth"].fake.reindex(t["sample"]["follower_id"]).to_numpy())
    per = sample.groupby("influencer_id")["fake"].mean().to_frame("sampled")
    per["expected"] = 1 - t["influencers"].loc[per.index, "audience_authenticity"]
    per["quartile"] = pd.qcut(per["expected"], 4, labels=["most real", "q2", "q3", "least real"])
    table = per.groupby("quartile", observed=True)[["sampled", "expected"]].mean()
    print(f"\n{(100 * table).round(1).to_string()}")
    assert (table["sampled"] - table["expected"]).abs().max() <= 0.04
    assert table.loc["least real", "sampled"] >= 2 * table.loc["most real", "sampled"]


def test_most_fakes_are_mass_followers_and_few_real_accounts_are(t):
    """Following more than HypeAuditor's 1,500 accounts: >= 50% of fake accounts, <= 5% of real ones."""
    cut = generate.benchmark("mass_follower_following_threshold")
    fake = t["truth"].fake.reindex(t["sample"]["follower_id"]).to_numpy()
    mass = (t["sample"]["following"] > cut).to_numpy()
    print(f"\nmass followers: fake {mass[fake].mean():.0%}, real {mass[~fake].mean():.0%}")
    assert mass[fake].mean() >= 0.5 and mass[~fake].mean() <= 0.05


def test_fake_accounts_look_like_the_signals_audit_tools_name(t):
    """Modash / SRF Data signals: fakes have fewer posts, fewer followers, younger accounts, more empty
    bios and fewer profile pictures than real accounts (medians or shares), each by at least a factor 2."""
    fake = t["truth"].fake.reindex(t["sample"]["follower_id"]).to_numpy()
    s = t["sample"]
    real, fk = s[~fake], s[fake]
    print(
        f"\n{s.groupby(fake)[['posts', 'followers', 'account_age_days', 'bio_length']].median().to_string()}"
    )
    for col in ("posts", "followers", "account_age_days"):
        assert real[col].median() >= 2 * max(fk[col].median(), 1)
    assert (fk["bio_length"] == 0).mean() >= 2 * (real["bio_length"] == 0).mean() - 0.01
    assert (~fk["has_profile_picture"]).mean() >= 2 * (~real["has_profile_picture"]).mean()


def test_organic_growth_is_a_fraction_of_a_percent_a_day(t):
    """Median daily gain over followers, across creators: between 0.03% and 0.5% a day."""
    g = t["growth"].sort_values(["influencer_id", "date"])
    rate = g.groupby("influencer_id")["followers"].diff() / g["followers"]
    median = rate.groupby(g["influencer_id"]).median().median()
    print(f"\nmedian daily growth {100 * median:.3f}% of followers")
    assert 0.0003 <= median <= 0.005


def test_purchases_are_steps_of_what_srf_data_says_followers_cost(t):
    """Planted purchases: 0.4-15% of followers; priced at SRF Data 2017's $5-15 per 1,000 they cost
    from under $1 to a few thousand dollars each."""
    purchases = t["truth"].purchases.merge(
        t["influencers"]["followers"], left_on="influencer_id", right_index=True
    )
    bought = purchases["share"] * purchases["followers"]
    low = bought / 1000 * generate.benchmark("fake_followers_cost_usd_per_1000_low")
    high = bought / 1000 * generate.benchmark("fake_followers_cost_usd_per_1000_high")
    print(
        f"\n{len(purchases)} purchases; followers bought {bought.median():,.0f} (median); "
        f"cost ${low.min():,.2f}-${high.max():,.0f}"
    )
    assert purchases["share"].between(0.004, 0.15).all()
    assert np.isfinite(high).all() and high.max() < 100_000
