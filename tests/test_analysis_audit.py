"""Follower audit: growth scores, follower signals, and flags scored against the planted truth."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest

from helpers import data, generate
from helpers.analysis import audit


def series(gains: list[float] | np.ndarray, creator: str = "INF1", start: int = 10_000) -> pd.DataFrame:
    """A follower-growth table from daily gains (followers per day), one row per day."""
    followers = start + np.concatenate([[0], np.cumsum(gains)])
    return pd.DataFrame(
        {
            "influencer_id": creator,
            "date": pd.date_range("2025-07-01", periods=len(followers), freq="D"),
            "followers": followers.astype(int),
        }
    )


def steady_gains(days: int = 60, seed: int = 0) -> np.ndarray:
    return 20 + np.random.default_rng(seed).integers(-5, 6, days)


def post(creator: str, date: str, engagements: int) -> dict:
    return {
        "influencer_id": creator,
        "date": pd.Timestamp(date),
        "likes": engagements,
        "comments": 0,
        "shares": 0,
        "saves": 0,
    }


@pytest.fixture(scope="module")
def bundled():
    influencers, posts = data.load_influencers(), data.load_posts()
    growth, sample = data.load_follower_growth(), data.load_follower_sample()
    truth = generate.follower_audit_truth(influencers, posts)
    scores = audit.growth_scores(growth, posts)
    signals = audit.follower_signals(sample)["n_signals"]
    signals.index = sample["follower_id"]
    return {"scores": scores, "truth": truth, "signals": signals, "sample": sample, "growth": growth}


# --- growth scores ---------------------------------------------------------------------------------
def test_a_bought_step_scores_far_above_steady_days():
    gains = steady_gains()
    gains[45] += 3_000  # 3,000 followers arrive in one day
    scores = audit.growth_scores(series(gains))
    day = scores.iloc[46]  # row 0 is the first count, without a gain
    assert day["gain"] == gains[45]
    assert day["score"] > 100
    others = scores.drop(index=46)["score"].dropna()
    assert others.abs().max() < 5
    assert audit.creator_flags(scores, threshold=10).loc["INF1"]


def test_score_is_gain_minus_median_over_the_robust_spread():
    gains = np.array([10, 12, 8, 10, 14, 6, 10, 10, 50], dtype=float)
    scores = audit.growth_scores(series(gains), window=8, min_history=8)
    history = gains[:8]
    median = np.median(history)
    spread = 1.4826 * np.median(np.abs(history - median))
    last = scores.iloc[-1]
    assert last["baseline"] == median and last["spread"] == pytest.approx(spread)
    assert last["score"] == pytest.approx((50 - median) / spread)


def test_days_without_enough_history_get_no_score():
    scores = audit.growth_scores(series(steady_gains(30)), window=28, min_history=14)
    assert scores["score"].iloc[:15].isna().all()  # the first count and 14 gains of history
    assert scores["score"].iloc[15:].notna().all()


def test_a_bump_after_a_strong_post_is_excused_and_a_bump_without_one_is_not():
    gains = steady_gains()
    gains[45] += 3_000
    growth = pd.concat([series(gains, "POST"), series(gains, "QUIET")])
    spike_day = growth["date"].iloc[46]
    posts = pd.DataFrame(
        [
            post("POST", "2025-07-05", 100),
            post("POST", "2025-07-20", 110),
            post("POST", "2025-07-30", 90),
            post("POST", str(spike_day.date() - pd.Timedelta(days=1)), 900),  # 9x the creator's median post
            post("QUIET", "2025-07-05", 100),
            post("QUIET", "2025-07-20", 100),
            post("QUIET", "2025-07-30", 100),
        ]
    )
    scores = audit.growth_scores(growth, posts)
    excused = scores.set_index(["influencer_id", "date"])["after_strong_post"]
    assert excused[("POST", spike_day)] and not excused[("QUIET", spike_day)]
    strict = audit.creator_flags(scores, threshold=10, excuse_strong_posts=True)
    blind = audit.creator_flags(scores, threshold=10, excuse_strong_posts=False)
    assert not strict["POST"] and strict["QUIET"]
    assert blind["POST"] and blind["QUIET"]


def test_a_post_three_days_before_the_spike_excuses_nothing_with_two_post_days():
    gains = steady_gains()
    gains[45] += 3_000
    growth = series(gains)
    spike_day = growth["date"].iloc[46]
    posts = pd.DataFrame(
        [
            post("INF1", "2025-07-05", 100),
            post("INF1", "2025-07-06", 100),
            post("INF1", str(spike_day.date() - pd.Timedelta(days=3)), 900),
        ]
    )
    two = audit.growth_scores(growth, posts, post_days=2)
    three = audit.growth_scores(growth, posts, post_days=3)
    assert not two["after_strong_post"].iloc[46] and three["after_strong_post"].iloc[46]
    assert audit.creator_flags(two, 10)["INF1"] and not audit.creator_flags(three, 10)["INF1"]


def test_strong_posts_compare_each_post_with_its_own_creators_median():
    posts = pd.DataFrame(
        [
            post("A", "2025-01-01", 100),
            post("A", "2025-01-02", 100),
            post("A", "2025-01-03", 250),
            post("B", "2025-01-01", 1_000),
            post("B", "2025-01-02", 1_000),
        ]
    )
    strong = audit.strong_posts(posts, viral_ratio=2.0)
    assert list(strong["influencer_id"]) == ["A"] and strong["ratio"].iloc[0] == 2.5


@pytest.mark.parametrize(
    ("frame", "message"),
    [
        (pd.DataFrame({"influencer_id": ["A"], "followers": [1]}), "'date'"),
        (pd.DataFrame(columns=["influencer_id", "date", "followers"]), "empty"),
        (pd.concat([series([1, 2]), series([1, 2]).tail(1)]), "two rows for the same creator and day"),
    ],
)
def test_bad_growth_tables_get_a_message_that_says_what_to_fix(frame, message):
    with pytest.raises(ValueError, match=message):
        audit.growth_scores(frame)


# --- follower signals ------------------------------------------------------------------------------
def accounts() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "follower_id": ["bot", "person"],
            "posts": [0, 240],
            "followers": [5, 380],
            "following": [3_000, 420],
            "has_profile_picture": [False, True],
            "account_age_days": [30, 2_500],
            "bio_length": [0, 48],
            "digits_in_username": [5, 0],
        }
    ).set_index("follower_id")


def test_a_bulk_made_account_shows_every_signal_and_a_person_none():
    signals = audit.follower_signals(accounts())
    assert signals.loc["bot", "n_signals"] == len(audit.FOLLOWER_SIGNALS)
    assert signals.loc["person", "n_signals"] == 0
    assert list(signals.columns[:-1]) == list(audit.FOLLOWER_SIGNALS)


def test_signal_thresholds_are_tunable():
    loose = audit.FollowerRules(mass_following=5_000, min_age_days=10, min_digits=6)
    signals = audit.follower_signals(accounts(), loose)
    assert not signals.loc["bot", ["mass_following", "young_account", "digits"]].any()
    assert signals.loc["bot", "n_signals"] == len(audit.FOLLOWER_SIGNALS) - 3
    assert audit.flag_followers(accounts(), signals_needed=4, rules=loose)["bot"]
    assert not audit.flag_followers(accounts(), signals_needed=5, rules=loose)["bot"]


def test_a_sample_without_a_needed_column_gets_a_message():
    with pytest.raises(ValueError, match="bio_length"):
        audit.follower_signals(accounts().drop(columns="bio_length"))


# --- scoring flags against the truth ---------------------------------------------------------------
def test_score_counts_caught_accused_precision_and_recall():
    ids = pd.Index(list("abcdef"))
    flags = pd.Series([True, True, True, False, False, False], index=ids)
    truth = pd.Series([True, True, False, True, False, False], index=ids)
    s = audit.score_flags(flags, truth)
    assert (s.flagged, s.guilty, s.caught, s.accused, s.innocent) == (3, 3, 2, 1, 3)
    assert s.precision == pytest.approx(2 / 3) and s.recall == pytest.approx(2 / 3)
    assert s.accused_share == pytest.approx(1 / 3)


def test_flagging_nobody_has_no_precision_and_zero_recall():
    truth = pd.Series([True, False], index=["a", "b"])
    s = audit.score_flags(pd.Series(False, index=truth.index), truth)
    assert s.flagged == 0 and math.isnan(s.precision) and s.recall == 0


def test_flags_and_truth_must_cover_the_same_ids():
    with pytest.raises(ValueError, match="same ids"):
        audit.score_flags(pd.Series([True], index=["a"]), pd.Series([True], index=["b"]))


# --- on the bundled data: the directions the lesson teaches -------------------------------------------
def test_a_stricter_growth_threshold_raises_precision_and_lowers_recall(bundled):
    worst = audit.worst_scores(bundled["scores"])
    table = audit.tradeoff(worst, bundled["truth"].bought, [5, 10, 30])
    print(f"\n{table.round(1).to_string()}")
    assert table["precision_pct"].is_monotonic_increasing
    assert table["recall_pct"].is_monotonic_decreasing
    assert table.loc[30.0, "precision_pct"] > table.loc[5.0, "precision_pct"] + 30
    assert table.loc[30.0, "recall_pct"] < table.loc[5.0, "recall_pct"] - 15


def test_a_strict_growth_rule_still_accuses_honest_creators(bundled):
    """ "A flag is not proof": at 30 spreads, with strong posts excused, someone honest is flagged."""
    strict = audit.score_flags(audit.creator_flags(bundled["scores"], 30), bundled["truth"].bought)
    print(f"\nthreshold 30: {strict}")
    assert strict.accused >= 1 and strict.precision < 1


def test_excusing_days_after_strong_posts_accuses_fewer_honest_creators(bundled):
    truth = bundled["truth"].bought
    blind = audit.score_flags(audit.creator_flags(bundled["scores"], 10, excuse_strong_posts=False), truth)
    fair = audit.score_flags(audit.creator_flags(bundled["scores"], 10, excuse_strong_posts=True), truth)
    assert fair.accused < blind.accused and fair.precision > blind.precision


def test_an_extreme_threshold_flags_nobody(bundled):
    worst = audit.worst_scores(bundled["scores"])
    assert not audit.creator_flags(bundled["scores"], worst.max() + 1).any()


def test_more_follower_signals_needed_raises_precision_and_lowers_recall(bundled):
    table = audit.tradeoff(bundled["signals"], bundled["truth"].fake, [1, 2, 3, 4, 5])
    print(f"\n{table.round(1).to_string()}")
    assert table["precision_pct"].is_monotonic_increasing
    assert table["recall_pct"].is_monotonic_decreasing
    assert table.loc[1.0, "precision_pct"] < 50 < 90 < table.loc[5.0, "precision_pct"]


def test_the_fast_median_equals_numpys_nanmedian_including_empty_windows():
    rng = np.random.default_rng(1)
    values = rng.normal(size=(40, 30, 28))
    values[rng.random(values.shape) < 0.3] = np.nan
    values[0, 0, :] = np.nan
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # the all-NaN window
        expected = np.nanmedian(values, axis=2)
    np.testing.assert_allclose(audit._nan_median(values), expected, equal_nan=True)
