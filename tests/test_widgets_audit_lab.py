"""Follower-audit lab: precision and recall move as the lesson says; flagging nobody is said plainly."""

from __future__ import annotations

import math

import numpy as np
import pytest

from helpers import data, generate, plots
from helpers.analysis import audit
from helpers.widgets import LABS
from helpers.widgets.audit_lab import THRESHOLD_STOPS, FollowerAuditLab, audit_update


@pytest.fixture(scope="module")
def lab() -> FollowerAuditLab:
    return FollowerAuditLab()


@pytest.fixture(autouse=True)
def defaults(lab):
    first = lab.values()
    yield
    lab.set(**first)


def test_the_lab_is_registered_and_opens_on_a_result(lab):
    assert LABS["follower-audit"] is FollowerAuditLab
    assert lab.result.ok, lab.result.message
    assert "precision" in lab.result.summary and "recall" in lab.result.summary


def test_numbers_are_the_analysis_scored_against_the_generators_truth(lab):
    result = lab.set(threshold=10.0, excuse_strong_posts=True, signals_needed=3)
    influencers, posts = data.load_influencers(), data.load_posts()
    truth = generate.follower_audit_truth(influencers, posts)
    scores = audit.growth_scores(data.load_follower_growth(), posts)
    growth = audit.score_flags(audit.creator_flags(scores, 10.0), truth.bought)
    sample = data.load_follower_sample().set_index("follower_id")
    followers = audit.score_flags(audit.flag_followers(sample, 3), truth.fake)
    n = result.numbers
    assert (n["flagged"], n["caught"], n["honest_accused"]) == (growth.flagged, growth.caught, growth.accused)
    assert n["precision_pct"] == pytest.approx(100 * growth.precision)
    assert n["follower_recall_pct"] == pytest.approx(100 * followers.recall)
    assert f"accuses {growth.accused} of the {growth.innocent} creators" in result.summary


def test_a_stricter_threshold_gives_higher_precision_and_lower_recall(lab):
    loose = lab.set(threshold=5.0).numbers
    strict = lab.set(threshold=30.0).numbers
    assert strict["precision_pct"] > loose["precision_pct"]
    assert strict["recall_pct"] < loose["recall_pct"]
    assert strict["honest_accused"] < loose["honest_accused"]


def test_the_strictest_threshold_flags_nobody_and_says_so(lab):
    result = lab.set(threshold=THRESHOLD_STOPS[-1])
    assert result.ok
    assert result.numbers["flagged"] == 0 and math.isnan(result.numbers["precision_pct"])
    assert result.numbers["recall_pct"] == 0
    assert "no creator is flagged" in result.summary and "precision cannot be computed" in result.summary
    assert "Nobody flagged: recall 0%" in plots.figure_text(lab.fig)


def test_more_follower_signals_needed_gives_higher_precision_and_lower_recall(lab):
    loose = lab.set(signals_needed=1).numbers
    strict = lab.set(signals_needed=5).numbers
    assert strict["follower_precision_pct"] > loose["follower_precision_pct"]
    assert strict["follower_recall_pct"] < loose["follower_recall_pct"]
    assert strict["real_accused"] < loose["real_accused"]


def test_excusing_strong_posts_accuses_fewer_honest_creators(lab):
    blind = lab.set(threshold=10.0, excuse_strong_posts=False).numbers
    fair = lab.set(threshold=10.0, excuse_strong_posts=True).numbers
    assert fair["honest_accused"] < blind["honest_accused"]


def test_the_chart_marks_the_flagged_days_and_the_planted_purchases_of_the_creator(lab):
    buyer = lab.prepared.creators.index[0]  # the biggest planted purchase comes first
    result = lab.set(creator_id=buyer, threshold=10.0, excuse_strong_posts=True)
    lines = lab.fig.axes[0]._course_lines
    scores = lab.prepared.scores[lab.prepared.scores["influencer_id"] == buyer]
    expected = (scores["score"] >= 10.0) & ~scores["after_strong_post"]
    assert len(lines["flag"].get_xdata()) == int(expected.sum()) >= 1
    assert len(lines["planted"].get_xdata()) == len(lab.prepared.delivery_days[buyer]) >= 1
    assert len(lines["gain"].get_xdata()) == len(scores)
    assert result.extra["creator_id"] == buyer


def test_the_menu_shows_handles_and_followers_never_the_truth(lab):
    labels = lab.prepared.creators["label"]
    assert labels.str.startswith("@").all()
    assert not labels.str.contains("bought|fake|honest|shout", case=False).any()
    truth = generate.follower_audit_truth(data.load_influencers(), data.load_posts())
    picked = lab.prepared.creators.index
    assert truth.bought.reindex(picked).any() and not truth.bought.reindex(picked).all()


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"threshold": 0.0}, "above 0"),
        ({"signals_needed": 9}, "between 1 and 7"),
        ({"creator_id": "INF99999"}, "choose one from the list"),
    ],
)
def test_values_the_lab_cannot_use_get_a_message(lab, values, message):
    with pytest.raises(Exception, match=message):
        audit_update(lab.prepared, **values)


def test_the_update_is_pure_and_repeatable(lab):
    first = audit_update(lab.prepared, threshold=15.0)
    again = audit_update(lab.prepared, threshold=15.0)
    assert first.summary == again.summary
    assert np.array_equal(first.table.to_numpy(), again.table.to_numpy())
