"""Controls that say what they do (issue 14 item 6): a constraint is shown where it binds, and a
control either changes what the learner sees or says why it does not."""

from __future__ import annotations

import pytest

from helpers.widgets import LABS

# --- budget planner: tier shares that do not add up to 100% ----------------------------------------


def test_budget_planner_says_when_tier_shares_do_not_add_up_and_shows_the_split_used():
    lab = LABS["budget-planner"]()
    assert "add up to 100%" in lab.split_note.value
    assert "warning" not in lab.split_note.value
    result = lab.set(share_nano=50, share_micro=50, share_mid=30, share_macro=20, share_mega=0)
    assert result.numbers["share_total_pct"] == pytest.approx(150)
    assert "150%" in result.summary and "not 100%" in result.summary
    assert "nano 33%, micro 33%, mid 20%, macro 13%" in result.summary
    assert "course-lab-split-warning" in lab.split_note.value and "150%" in lab.split_note.value
    used = [result.numbers[f"share_used_pct_{t}"] for t in ("nano", "micro", "mid", "macro", "mega")]
    assert sum(used) == pytest.approx(100)
    assert "share used (%)" in lab._table.value


def test_budget_planner_split_note_clears_when_the_shares_add_up_again():
    lab = LABS["budget-planner"]()
    lab.set(share_nano=90)
    assert "course-lab-split-warning" in lab.split_note.value
    result = lab.set(share_nano=20)
    assert "course-lab-split-warning" not in lab.split_note.value
    assert "not 100%" not in result.summary


# --- landscape lab: the first view -----------------------------------------------------------------


def test_landscape_lab_opens_on_the_fullest_chart_not_a_nearly_empty_one():
    lab = LABS["landscape"]()
    counts = lab.landscape["metric"].astype(str).value_counts()
    first = lab.values()
    assert first["metric"] == counts.idxmax()
    assert lab.result.numbers["figures_shown"] == counts.max(), "some figures of the first view are hidden"
