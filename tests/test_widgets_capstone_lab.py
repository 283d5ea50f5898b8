"""Capstone planner lab (lesson 11): every control changes the plan, friendly messages at the extremes,
and the Export button is the only thing that ever writes a file."""

from __future__ import annotations

import pytest

from helpers.analysis import capstone
from helpers.widgets import CapstonePlanner, LabInputError
from helpers.widgets.capstone_lab import DEFAULTS, capstone_update


@pytest.fixture(scope="module")
def bench() -> capstone.Workbench:
    return capstone.prepare()


@pytest.fixture(scope="module")
def lab(tmp_path_factory) -> CapstonePlanner:
    return CapstonePlanner(out_dir=tmp_path_factory.mktemp("exports"))


def test_default_controls_give_a_plan_with_its_kpis(bench):
    result = capstone_update(bench)
    assert result.ok and result.summary.startswith(DEFAULTS["brand"])
    n = result.numbers
    assert n["kpi_p10"] <= n["kpi_p50"] <= n["kpi_p90"]
    assert n["creators"] > 0 and 0 < n["spent_usd"] <= DEFAULTS["budget_usd"]
    assert list(result.table.index) == list(capstone.GOAL_METRICS[DEFAULTS["goal"]])
    assert 0 <= n["checks_passed"] <= n["checks"]
    print(result.summary)


def test_the_update_is_pure_same_controls_same_numbers(bench):
    a = capstone_update(bench, goal="awareness", budget_usd=30_000)
    b = capstone_update(bench, goal="awareness", budget_usd=30_000)
    assert a.numbers == b.numbers and a.summary == b.summary


def test_the_goal_decides_the_kpis(bench):
    for goal, kpis in capstone.GOAL_METRICS.items():
        result = capstone_update(bench, goal=goal)
        assert list(result.table.index) == list(kpis)
        assert capstone.main_kpi(goal) in result.summary


def test_a_bigger_budget_signs_at_least_as_many_creators(bench):
    small = capstone_update(bench, budget_usd=10_000, split="all micro")
    large = capstone_update(bench, budget_usd=20_000, split="all micro")
    assert large.numbers["creators"] >= small.numbers["creators"]
    assert large.numbers["kpi_p50"] >= small.numbers["kpi_p50"]


def test_early_posts_show_up_as_embargo_conflicts(bench):
    early = capstone_update(bench, post_offset_days=-3)
    on_time = capstone_update(bench, post_offset_days=0)
    assert early.numbers["posts_in_embargo"] > 0
    assert on_time.numbers["posts_in_embargo"] == 0
    assert "conflict" in early.summary


def test_impossible_controls_give_a_message_that_says_what_to_change(bench):
    with pytest.raises(LabInputError, match="budget above"):
        capstone_update(bench, budget_usd=0)
    with pytest.raises(LabInputError, match="Raise the budget"):
        capstone_update(bench, budget_usd=2_500, split="one big name (mega)")


def test_the_lab_shows_two_panels_and_a_message_at_the_extremes(lab):
    assert len(lab.fig.axes) == 2
    result = lab.set(budget_usd=0)
    assert not result.ok and "budget" in result.message
    result = lab.set(budget_usd=DEFAULTS["budget_usd"])
    assert result.ok
    assert "expected" in lab.fig.axes[0].get_title(loc="left")


def test_controls_and_updates_never_write_only_the_export_button_does(lab):
    folder = lab.out_dir
    for offset in (-5, 0, 7):
        lab.set(post_offset_days=offset)
    assert list(folder.iterdir()) == [], "updating the lab wrote a file"
    lab.set(post_offset_days=0)
    lab.export_button.click()
    first = sorted(folder.iterdir())
    assert len(first) == 1 and lab.last_export is not None
    assert lab.last_export.names() == ["plan.md", "shortlist.csv", "schedule.ics", "schedule.csv"]
    before = {p: p.read_bytes() for p in first[0].iterdir()}
    lab.export_button.click()
    assert len(list(folder.iterdir())) == 2, "a second export goes to a new folder"
    assert {p: p.read_bytes() for p in first[0].iterdir()} == before, "the first export is untouched"
    assert "plan.md" in lab.export_status.value


def test_export_after_a_message_writes_nothing(lab):
    folder = lab.out_dir
    count = len(list(folder.iterdir()))
    lab.set(budget_usd=0)
    assert lab.export() is None and "Nothing to export" in lab.export_status.value
    assert len(list(folder.iterdir())) == count
    lab.set(budget_usd=DEFAULTS["budget_usd"])
