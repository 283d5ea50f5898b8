"""Capstone (lesson 11): brief -> KPIs -> allocation + forecast -> shortlist -> schedule -> measurement
plan -> self-assessment -> export. Relations and ranges only: the bundled data may be regenerated."""

from __future__ import annotations

import csv
import io
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import metrics
from helpers.analysis import capstone, schedule
from helpers.widgets import budget_planner_update


@pytest.fixture(scope="module")
def bench() -> capstone.Workbench:
    return capstone.prepare()


@pytest.fixture(scope="module")
def brief(bench) -> capstone.Brief:
    return bench.brief()


@pytest.fixture(scope="module")
def plan(bench, brief) -> capstone.CampaignPlan:
    return capstone.build_plan(bench, brief)


# --- the brief ----------------------------------------------------------------------------------------------


def test_brand_niche_is_where_the_brands_campaigns_fit_best():
    campaigns = pd.DataFrame(
        {
            "brand": ["A"] * 6,
            "influencer_id": ["i1", "i2", "i3", "i4", "i5", "i6"],
            "niche_fit": [0.9, 0.8, 0.85, 0.3, 0.2, 0.99],
        }
    )
    influencers = pd.DataFrame(
        {
            "influencer_id": ["i1", "i2", "i3", "i4", "i5", "i6"],
            "niche": ["food"] * 3 + ["tech"] * 2 + ["home"],
        }
    )
    # "home" has the best fit but only one campaign: too few to trust
    assert capstone.brand_niche("A", campaigns, influencers, min_campaigns=2) == "food"
    with pytest.raises(capstone.PlanError, match="no past campaigns"):
        capstone.brand_niche("B", campaigns, influencers)


def test_launch_options_leave_time_to_plan_and_to_measure():
    calendar = pd.DataFrame(
        {
            "brand": ["A", "A", "A"],
            "event_id": ["E1", "E2", "E3"],
            "event_type": ["product_launch"] * 3,
            "title": ["Launch: x", "Launch: y", "Launch: z"],
            "start_date": pd.to_datetime(["2025-01-20", "2025-06-01", "2025-12-10"]),
            "city": ["Paris"] * 3,
        }
    )
    options = capstone.launch_options("A", calendar)
    assert options["title"].tolist() == ["Launch: y"]  # January: no time to plan; December: none to measure


def test_the_default_brief_comes_from_the_calendar(bench, brief):
    assert brief.brand in bench.brands
    events = bench.events(brief.brand)
    launches = events.loc[events["event_type"] == "product_launch", "start_date"].to_numpy("datetime64[D]")
    assert brief.launch in launches
    assert brief.planning_start == brief.launch - capstone.LEAD_DAYS * np.timedelta64(1, "D")
    assert brief.window_end == brief.launch + capstone.FOLLOW_UP_DAYS * np.timedelta64(1, "D")
    if brief.embargo_start is not None:
        assert brief.embargo_start <= brief.embargo_end < brief.launch
    assert brief.niche in set(bench.influencers["niche"].astype(str))
    assert brief.avg_order_usd > 0
    assert all(brief.launch <= day <= brief.window_end for day, _, _ in brief.pr_events)
    table = brief.table()
    assert {"goal", "budget", "launch", "embargo"} <= set(table.index)
    print(brief.text())


def test_brief_rejects_unknown_goals_and_launches(bench):
    with pytest.raises(capstone.PlanError, match="Unknown goal"):
        bench.brief(goal="fame")
    with pytest.raises(capstone.PlanError, match="launches 1 to"):
        bench.brief(launch=99)


# --- goal -> KPIs -------------------------------------------------------------------------------------------


def test_kpis_follow_the_goal_and_every_interval_is_ordered():
    percentiles = {"p10": 100.0, "p50": 200.0, "p90": 400.0}
    numbers = {f"{o}_{p}": v for o in ("reach", "engagements", "conversions") for p, v in percentiles.items()}
    ratios = {"impressions_per_reach": 1.5, "clicks_per_reach": 0.01}
    for goal, kpis in capstone.GOAL_METRICS.items():
        table = capstone.kpi_table(goal, numbers, 1_000.0, ratios, 50.0)
        assert list(table.index) == list(kpis)
        assert (table["low"] <= table["median"]).all() and (table["median"] <= table["high"]).all()
    conv = capstone.kpi_table("conversion", numbers, 1_000.0, ratios, 50.0)
    # a cost metric's optimistic end comes from the count's optimistic end
    assert conv.loc["CPA", "low"] == pytest.approx(1_000 / 400)
    assert conv.loc["CPA", "high"] == pytest.approx(1_000 / 100)
    assert conv.loc["ROAS", "median"] == pytest.approx(200 * 50 / 1_000)
    aware = capstone.kpi_table("awareness", numbers, 1_000.0, ratios, 50.0)
    assert aware.loc["impressions", "median"] == pytest.approx(300)
    assert aware.loc["CPM", "median"] == pytest.approx(1_000 / 300 * 1_000)


def test_main_kpi_is_the_count_each_goal_moves_first():
    assert [capstone.main_kpi(g) for g in ("awareness", "consideration", "conversion")] == [
        "reach",
        "engagements",
        "conversions",
    ]


# --- allocation and forecast --------------------------------------------------------------------------------


def test_split_table_accepts_names_and_mappings_and_rejects_unknown_tiers():
    assert capstone.split_table("all micro")["micro"] == 100
    assert capstone.split_table({"nano": 1}) == {
        "nano": 1.0,
        "micro": 0.0,
        "mid": 0.0,
        "macro": 0.0,
        "mega": 0.0,
    }
    with pytest.raises(capstone.PlanError, match="Unknown tier"):
        capstone.split_table({"giga": 10})
    with pytest.raises(capstone.PlanError, match="Unknown split"):
        capstone.split_table("everything")


def test_replay_equals_the_budget_planner_when_every_slot_is_filled(bench):
    shares = capstone.split_table("balanced (lesson 05)")
    histories = bench.histories("conversion")
    planner = budget_planner_update(histories, 40_000, shares)
    creators = planner.table["creators"].astype(int).to_dict()
    numbers, table = capstone.replay_forecast(histories, creators, 40_000)
    for key in ("conversions_p10", "conversions_p50", "conversions_p90", "reach_p50", "unspent_usd"):
        assert numbers[key] == pytest.approx(planner.numbers[key])
    assert table["creators"].to_dict() == creators


def test_fewer_creators_forecast_fewer_conversions(bench):
    histories = bench.histories("conversion")
    full, _ = capstone.replay_forecast(histories, {"micro": 12}, 20_000)
    half, _ = capstone.replay_forecast(histories, {"micro": 6}, 20_000)
    assert half["conversions_p50"] < full["conversions_p50"]
    assert half["unspent_usd"] > full["unspent_usd"]


def test_the_plan_spends_at_most_its_budget_and_forecasts_a_range(plan):
    f = plan.forecast
    assert 0 < plan.spent_usd <= plan.brief.budget_usd
    for o in ("reach", "engagements", "conversions"):
        assert f[f"{o}_p10"] <= f[f"{o}_p50"] <= f[f"{o}_p90"]
    assert plan.forecast["creators"] == len(plan.signed)
    assert (plan.allocation["filled"] <= plan.allocation["slots"]).all()
    assert plan.allocation["filled"].sum() == len(plan.signed)


# --- shortlist ----------------------------------------------------------------------------------------------


def test_the_shortlist_comes_from_the_niche_screened_and_ranked(bench, plan):
    signed = plan.signed
    assert len(signed) > 0
    ids = signed["influencer_id"]
    niches = bench.influencers.set_index("influencer_id").loc[ids, "niche"].astype(str)
    assert (niches == plan.brief.niche).all()
    assert (plan.shortlist["audience_authenticity"] >= metrics.AUTHENTICITY_MIN).all()
    assert set(plan.shortlist["role"]) <= {"sign", "reserve"}
    roles = plan.shortlist["role"].tolist()
    assert roles == sorted(roles, key=lambda r: r == "reserve"), "signed creators come first"
    for tier, rows in signed.groupby("tier"):
        reserves = plan.shortlist[(plan.shortlist["role"] == "reserve") & (plan.shortlist["tier"] == tier)]
        if len(reserves):
            assert rows["score"].min() >= reserves["score"].max(), "the best-scored creators are signed"
    slots = int(plan.allocation["slots"].sum())
    known = int(signed["history"].isin(capstone.KNOWN_TO_BRAND).sum())
    assert 0 < known < slots, "the default plan mixes partners and new names"
    assert plan.contact_target == known + math.ceil((slots - known) / plan.reply_rate)
    assert plan.contact_target < math.ceil(slots / plan.reply_rate), "partners are not cold-contacted"


def test_without_screening_low_authenticity_creators_can_be_picked(bench, brief):
    loose = capstone.build_plan(bench, brief, min_authenticity=None)
    strict = capstone.build_plan(bench, brief)
    assert loose.shortlist["audience_authenticity"].min() <= strict.shortlist["audience_authenticity"].min()


def test_plan_errors_say_what_to_change(bench, brief):
    with pytest.raises(capstone.PlanError, match="budget"):
        capstone.build_plan(bench, bench.brief(budget_usd=0))
    with pytest.raises(capstone.PlanError, match="weight"):
        capstone.build_plan(bench, brief, weights={k: 0 for k in capstone.DEFAULT_WEIGHTS})
    with pytest.raises(capstone.PlanError, match="cadence"):
        capstone.build_plan(bench, brief, cadence="daily fax")
    with pytest.raises(capstone.PlanError, match="screening"):
        capstone.build_plan(bench, brief, min_authenticity=1.01)


# --- schedule -----------------------------------------------------------------------------------------------


def test_draft_posts_start_at_the_offset_staggered_and_spaced():
    shortlist = pd.DataFrame({"influencer_id": ["a", "b", "c", "d"], "handle": ["A", "B", "C", "D"]})
    launch = np.datetime64("2025-05-26")
    posts = capstone.draft_posts(shortlist, launch, offset_days=-2, posts_per_creator=2, spacing_days=7)
    assert len(posts) == 8 and posts["post_id"].is_unique
    days = (posts["date"].to_numpy("datetime64[D]") - launch).astype(int)
    assert sorted(days[::2]) == [-2, -2, -1, 0]  # creators a..d start 0, 1, 2, 0 days after the offset
    assert (days[1::2] - days[::2] == 7).all()
    assert capstone.draft_posts(shortlist.iloc[:0], launch).empty


def test_the_schedule_briefs_every_creator_before_launch_and_stays_in_the_window(plan):
    b, s = plan.brief, plan.schedule
    contacts = s.contacts
    briefed = contacts[contacts["kind"] == "briefing"]
    assert set(plan.signed["influencer_id"]) <= set(briefed["influencer_id"])
    assert (briefed["date"].to_numpy("datetime64[D]") < b.launch).all()
    e = s.entries
    assert (e["start"].to_numpy("datetime64[D]") <= b.window_end).all()
    assert (e["end"].to_numpy("datetime64[D]") >= b.planning_start).all()
    assert (e["kind"] == "post").sum() == len(plan.posts)


def test_posting_before_the_launch_breaks_the_embargo(bench, brief):
    assert brief.embargo_start is not None, "the default brand's launch has an embargo"
    early = capstone.build_plan(bench, brief, post_offset_days=-3)
    on_time = capstone.build_plan(bench, brief, post_offset_days=0)
    kinds = early.schedule.conflicts["kind"]
    assert (kinds == "post in embargo").sum() >= len(early.signed) // 3
    assert not (on_time.schedule.conflicts["kind"] == "post in embargo").any()
    failed = capstone.plan_checks(early).set_index("check")["passed"]
    assert not failed["no conflicts in the campaign window"]
    assert not failed["first post on or after launch day"]


def test_window_schedule_keeps_what_overlaps_the_window(plan):
    s = plan.schedule
    first, last = plan.brief.launch, plan.brief.launch + np.timedelta64(3, "D")
    cut = capstone.window_schedule(s, first, last)
    assert len(cut.entries) <= len(s.entries)
    assert (cut.contacts["date"].to_numpy("datetime64[D]") >= first).all()
    assert (cut.entries["end"].to_numpy("datetime64[D]") >= first).all()


# --- measurement --------------------------------------------------------------------------------------------


def test_promo_codes_and_links_are_unique_and_traceable(plan):
    t = plan.tracking
    assert t["promo_code"].is_unique and t["tracked_link"].is_unique
    assert capstone.promo_code("Kestrel Athletics", "amara.runs_2") == "KESTREL-AMARARUNS2"
    link = capstone.tracked_link("Trail shoe", "instagram", "KESTREL-TRAIL-SHOE", "amara.runs")
    assert link.startswith(f"https://{capstone.LINK_DOMAIN}/trail-shoe?")
    assert "utm_medium=influencer" in link and "utm_content=amara-runs" in link


def test_the_measurement_plan_names_kpis_denominators_attribution_disclosure_and_emv(plan):
    table = capstone.measurement_plan(plan)
    what = table["what"].tolist()
    assert [w for w in what if w.startswith("KPI: ")] == [f"KPI: {k}" for k in plan.kpis.index]
    for needed in ("Attribution", "Engagement rate", "Disclosure", "Return", "Incrementality"):
        assert needed in what
    holdout = table.set_index("what").loc["Incrementality"]
    assert "weeks before the launch" not in holdout["how"], "a new product has no sales before its launch"
    assert "by lot" in holdout["how"] and "held-out" in holdout["how"]
    assert "before the launch, never after" in holdout["target or rule"]
    emv = table.set_index("what").loc["EMV (if anyone asks for it)", "target or rule"]
    assert "never revenue or ROI" in emv
    assert table["denominator"].str.len().gt(0).all()


def test_emv_check_prices_impressions_and_is_not_revenue(plan):
    check = capstone.emv_check(plan, cpm_rate_usd=10.0)
    impressions = plan.forecast["reach_p50"] * plan.ratios["impressions_per_reach"]
    assert check["emv_usd"] == pytest.approx(impressions / 1000 * 10)
    assert check["revenue_usd"] == pytest.approx(plan.forecast["conversions_p50"] * plan.brief.avg_order_usd)
    assert check["emv_to_revenue"] == pytest.approx(check["emv_usd"] / check["revenue_usd"])


# --- rubric -------------------------------------------------------------------------------------------------


def test_the_rubric_has_four_levels_per_criterion():
    table = capstone.rubric_table()
    assert list(table.columns) == ["question", *capstone.LEVELS]
    assert len(table) == len(capstone.RUBRIC) >= 5
    assert table.notna().all().all()


def test_plan_checks_cover_every_criterion(plan):
    checks = capstone.plan_checks(plan)
    assert set(checks["criterion"]) == {c.key for c in capstone.RUBRIC}
    assert checks["passed"].map(type).eq(bool).all()
    print(checks.to_string())


def test_self_assessment_reads_levels_and_flags_claims_the_checks_contradict(bench, brief, plan):
    table = capstone.self_assessment(plan, {"goal": 3, "schedule": "excellent"})
    assert table.loc["Goal and KPIs", "level"] == 3
    assert table.loc["Schedule", "level"] == 4
    assert table.loc["Shortlist", "descriptor"] == "not assessed"
    early = capstone.build_plan(bench, brief, post_offset_days=-3)
    claimed = capstone.self_assessment(early, {"schedule": 4})
    assert claimed.loc["Schedule", "note"].startswith("look again")
    with pytest.raises(ValueError, match="unknown criterion"):
        capstone.self_assessment(plan, {"vibes": 4})
    with pytest.raises(ValueError, match="1-4"):
        capstone.self_assessment(plan, {"goal": 5})
    with pytest.raises(ValueError, match="unknown level"):
        capstone.self_assessment(plan, {"goal": "perfect"})


# --- export -------------------------------------------------------------------------------------------------


def test_markdown_table_escapes_pipes():
    text = capstone.markdown_table(pd.DataFrame({"a": ["x|y"], "b": [1.5]}, index=pd.Index(["r"], name="k")))
    assert text.splitlines()[0] == "| k | a | b |"
    assert "x\\|y" in text and "1.50" in text


def test_export_writes_a_new_folder_and_never_overwrites(plan, tmp_path):
    (tmp_path / "keep.txt").write_text("mine")
    first = capstone.export_plan(plan, tmp_path)
    second = capstone.export_plan(plan, tmp_path, levels={"goal": 3})
    assert first.folder != second.folder and second.folder.name.endswith("-2")
    assert (tmp_path / "keep.txt").read_text() == "mine"
    assert first.names() == ["plan.md", "shortlist.csv", "schedule.ics", "schedule.csv"]
    md = first.files["markdown"].read_text(encoding="utf-8")
    assert md.startswith(f"# Campaign plan: {plan.brief.brand}") and "SYNTHETIC" in md
    assert "## Self-assessment" not in md and "## Self-assessment" in second.files["markdown"].read_text()
    ics = first.files["calendar"].read_bytes()
    assert ics.startswith(b"BEGIN:VCALENDAR\r\n") and ics.endswith(b"END:VCALENDAR\r\n")
    assert ics.count(b"BEGIN:VEVENT") == len(plan.schedule.entries)
    rows = list(csv.DictReader(io.StringIO(first.files["shortlist"].read_text(encoding="utf-8"))))
    assert len(rows) == len(plan.shortlist)
    assert sum(1 for r in rows if r["promo_code"]) == len(plan.signed)


def test_new_subfolder_never_reuses_an_existing_folder(tmp_path):
    (tmp_path / "plan").mkdir()
    (tmp_path / "plan-2").mkdir()
    assert capstone.new_subfolder(tmp_path, "plan").name == "plan-3"


def test_the_same_plan_exports_the_same_bytes(plan, tmp_path):
    a = capstone.export_plan(plan, tmp_path / "a")
    b = capstone.export_plan(plan, tmp_path / "b")
    for kind in a.files:
        assert a.files[kind].read_bytes() == b.files[kind].read_bytes(), kind


# --- figures ------------------------------------------------------------------------------------------------


def test_figures_state_the_finding_and_redraw_in_place(bench, brief, plan):
    from helpers import plots

    _fig, (left, right) = plots.new_figure(1, 2)
    capstone.draw_forecast(left, plan)
    capstone.draw_timeline(right, plan)
    assert "expected" in left.get_title(loc="left")
    assert "conflict" in right.get_title(loc="left").lower()
    lines = len(right.lines)
    capstone.draw_timeline(right, capstone.build_plan(bench, brief, post_offset_days=-3))
    assert len(right.lines) == lines, "the timeline moves its artists instead of adding new ones"
    assert right.get_title(loc="left").split()[0].isdigit()


# --- any valid input gives a consistent plan or a friendly error --------------------------------------------


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    split=st.sampled_from(list(capstone.SPLITS)),
    goal=st.sampled_from(["awareness", "consideration", "conversion"]),
    budget=st.integers(0, 40).map(lambda k: 2_500 * k),
    offset=st.integers(-14, 21),
    cadence=st.sampled_from([v for _, v in schedule.cadence_options()]),
)
def test_any_valid_input_gives_a_consistent_plan_or_a_plan_error(bench, split, goal, budget, offset, cadence):
    try:
        plan = capstone.build_plan(
            bench,
            bench.brief(goal=goal, budget_usd=budget),
            split=split,
            post_offset_days=offset,
            cadence=cadence,
        )
    except capstone.PlanError as err:
        assert str(err)
        return
    assert plan.spent_usd <= budget + 1e-6
    assert len(plan.signed) == plan.forecast["creators"] > 0
    assert list(plan.kpis.index) == list(capstone.GOAL_METRICS[goal])


def _failing(plan) -> dict[str, str]:
    checks = capstone.plan_checks(plan)
    return dict(
        zip(checks.loc[~checks["passed"], "check"], checks.loc[~checks["passed"], "detail"], strict=True)
    )


def test_the_worked_plan_fails_the_checks_it_should_fail(plan):
    """Issue 12 item 9: the worked plan used to pass "9 of 9" while its shortlist was too short for
    the reply rate, signed a creator at niche fit 0.26 and never looked at the launch market."""
    failing = _failing(plan)
    short = failing["enough names to contact for the reply rate"]
    assert f"{len(plan.shortlist)} names for {plan.contact_target} needed" in short
    assert "already work with" in short and "widen the search" in short
    fit = failing[f"every signed creator fits the niche (fit at least {capstone.MIN_NICHE_FIT:.1f})"]
    low = plan.signed[plan.signed["niche_fit"] < capstone.MIN_NICHE_FIT]
    assert not low.empty and all(f"@{h}" in fit for h in low["handle"])
    market = failing[f"audiences where the launch is ({plan.brief.launch_city})"]
    assert "no audience-country split" in market and "ask each creator" in market
    assert len(failing) == 3, failing


def test_fit_screening_clears_the_fit_check_and_says_what_is_left(bench, brief):
    fitted = capstone.build_plan(bench, brief, min_niche_fit=capstone.MIN_NICHE_FIT)
    assert (fitted.shortlist["niche_fit"] >= capstone.MIN_NICHE_FIT).all()
    failing = _failing(fitted)
    assert not any(c.startswith("every signed creator fits the niche") for c in failing)
    assert "every slot filled from the niche" in failing, "the fitting pool is too small for the slots"


def test_the_local_audience_check_passes_only_when_most_creators_are_local(plan):
    from dataclasses import replace

    check = f"audiences where the launch is ({plan.brief.launch_city})"
    n = len(plan.signed)
    for local, expected in ((n, True), (math.ceil(n * capstone.MIN_LOCAL_SHARE), True), (n // 3, False)):
        cities = plan.shortlist["city"].astype(str).copy()
        signed_rows = plan.shortlist.index[plan.shortlist["role"] == "sign"]
        cities.loc[signed_rows] = "Elsewhere"
        cities.loc[signed_rows[:local]] = plan.brief.launch_city
        moved = replace(plan, shortlist=plan.shortlist.assign(city=cities))
        passed = capstone.plan_checks(moved).set_index("check")
        assert bool(passed.loc[check, "passed"]) is expected, local
        assert f"{local} of {n} signed creators are based in" in passed.loc[check, "detail"]


def test_a_plan_of_partners_needs_fewer_names_than_a_plan_of_strangers(plan):
    """The reply rate of first messages is applied only to creators new to the brand."""
    known = int(plan.signed["history"].isin(capstone.KNOWN_TO_BRAND).sum())
    slots = int(plan.allocation["slots"].sum())
    assert plan.contact_target - known == math.ceil((slots - known) / plan.reply_rate)
