"""Lesson 11 (capstone): plan a campaign end to end for a fictional brand, with the course's own tools.

The plan is built in the order a team works, each step reusing what an earlier lesson built:

1. **Brief** (:class:`Brief`, :meth:`Workbench.brief`): a brand from the (synthetic) data, its home
   niche (where its past campaigns fit best), a goal, a budget, and a product launch from the brand's
   calendar with its embargo and PR events. Planning starts :data:`LEAD_DAYS` before the launch.
2. **Goal -> KPIs** (:data:`GOAL_METRICS`, :data:`KPI_SPECS`): awareness is judged on reach,
   impressions and CPM; consideration on engagements, clicks, CPE and CPC; conversion on conversions,
   CPA and ROAS (lessons 05 and 09).
3. **Allocation + forecast** (lesson 05's budget planner,
   :func:`helpers.analysis.budget.forecast_split`): the budget is split across follower tiers;
   each tier's money buys creators at the average fee of past campaigns **with the same goal**, and
   replaying those campaigns gives a median and an 80% interval (10th-90th percentile).
4. **Shortlist** (lesson 07's scorecard, :func:`helpers.analysis.scoring.score_candidates`): the
   brief's niche ranked by weighted engagement, niche fit, audience quality and cost; every slot the
   allocation bought is filled with the best-scored creator of that tier, plus reserves, because only
   a share of creators reply to a first message (lessons 06-07).
5. **Schedule** (lesson 06's relationship calendar, :mod:`helpers.analysis.schedule`): the signed
   creators' cadence, briefings under embargo, the launch-day executive email, trips, the draft
   posting plan and every conflict, cut to the campaign window.
6. **Measurement plan** (lessons 09 and 10): the KPIs with formulas, denominators and target ranges, one
   promo code and one tracked link per creator, audience-quality and disclosure checks, and EMV's
   limits.
7. **Self-assessment** (:data:`RUBRIC`, :func:`plan_checks`, :func:`self_assessment`) and **export**
   (:func:`export_plan`): a Markdown summary, the shortlist as CSV and the schedule as ``.ics`` (+ CSV)
   in a **new** folder, never over an existing file.

Units: money in US dollars (``*_usd``), dates as ``numpy.datetime64`` days, shares in percent
(``*_pct``) unless called a share (0-1). All data is SYNTHETIC course data: the plan teaches a method;
its numbers are not market facts. Course assumptions (no published source) are marked as such.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import io
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ... import data, metrics, paths, plots
from ...safe_files import csv_safe, plain_stem, write_new
from .. import measurement, schedule, scoring
from ..budget import (
    N_SIMS,
    OUTCOMES,
    SEED,
    BudgetForecast,
    BudgetInputError,
    TierHistory,
    forecast_split,
    simulate_tier,
    tier_histories,
)
from ..planning import GOALS
from ..scoring import ScorecardInputError, score_candidates

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "DEFAULT_BRAND",
    "DEFAULT_BUDGET_USD",
    "DEFAULT_CADENCE",
    "DEFAULT_GOAL",
    "DEFAULT_SPLIT",
    "DEFAULT_WEIGHTS",
    "DRAFT_PARTS",
    "FOLLOW_UP_DAYS",
    "GOAL_METRICS",
    "KNOWN_TO_BRAND",
    "KPI_SPECS",
    "LEAD_DAYS",
    "LEVELS",
    "MIN_LOCAL_SHARE",
    "MIN_NICHE_FIT",
    "POSTS_PER_CREATOR",
    "POST_SPACING_DAYS",
    "REQUIRED_TERMS",
    "RUBRIC",
    "SPLITS",
    "TIERS",
    "TIMELINE_KEY",
    "Brief",
    "CampaignPlan",
    "Criterion",
    "DraftContext",
    "ExportedPlan",
    "Finding",
    "KPISpec",
    "PlanDraft",
    "PlanError",
    "Workbench",
    "bench_schedule",
    "brand_niche",
    "build_plan",
    "candidate_table",
    "draft_context",
    "draft_posts",
    "draw_emv_check",
    "draw_forecast",
    "draw_timeline",
    "emv_check",
    "export_plan",
    "findings_table",
    "is_blank",
    "kpi_display",
    "kpi_table",
    "launch_options",
    "main_kpi",
    "markdown_table",
    "measurement_plan",
    "model_draft",
    "new_subfolder",
    "plan_checks",
    "plan_markdown",
    "prepare",
    "promo_code",
    "replay_forecast",
    "review_draft",
    "rubric_table",
    "self_assessment",
    "shortlist_csv",
    "show_markdown",
    "split_table",
    "track_record",
    "tracked_link",
    "window_schedule",
]

# --------------------------------------------------------------------------------------------------
# Constants (course assumptions are marked)
# --------------------------------------------------------------------------------------------------

#: Days between the start of planning and the launch (COURSE ASSUMPTION: eight weeks, enough to find,
#: sign and brief creators; lesson 05 shows signing takes days to weeks depending on the route).
LEAD_DAYS = 56
#: Days after the launch the campaign window runs: posts plus a measurement period (COURSE ASSUMPTION).
FOLLOW_UP_DAYS = 42
#: Sponsored posts each signed creator publishes (the median campaign in the data has 2).
POSTS_PER_CREATOR = 2
#: Days between a creator's posts.
POST_SPACING_DAYS = 7
#: Lowest niche fit (0-1) of a creator a plan signs (COURSE ASSUMPTION). In the synthetic data the
#: conversion rate grows as exp(2.5 x (niche_fit - 0.6)) (datasheet, effect 3): a creator at 0.5 converts
#: about 0.8x as well as one at 0.6, one at 0.26 under half as well.
MIN_NICHE_FIT = 0.5
#: A creator's history with the brand that makes a first message unnecessary: they are asked directly.
#: The outreach table's reply rates are measured on first messages, so they apply only to the others.
KNOWN_TO_BRAND: tuple[str, ...] = ("long-term partner", "one-off collaborator")
#: Share (0-1) of the signed creators who should be based in the launch city for the audience check
#: (COURSE ASSUMPTION: the data has no audience-country split, so a creator's home city stands in).
MIN_LOCAL_SHARE = 0.5
#: Creators in one city for an executive trip to be planned (lesson 06's rule).
TRIP_MIN_CREATORS = 3
#: Follower tiers a budget is split across (Mediakix cut-offs, as in lesson 05's planner).
TIERS: tuple[str, ...] = metrics.tier_labels("mediakix", include_below=False)
#: Named budget splits, percent per tier (nano, micro, mid, macro, mega).
SPLITS: dict[str, dict[str, float]] = {
    "micro + mid": {"nano": 0, "micro": 50, "mid": 50, "macro": 0, "mega": 0},
    "balanced (lesson 05 default)": {"nano": 20, "micro": 40, "mid": 30, "macro": 10, "mega": 0},
    "nano + micro": {"nano": 50, "micro": 50, "mid": 0, "macro": 0, "mega": 0},
    "all micro": {"nano": 0, "micro": 100, "mid": 0, "macro": 0, "mega": 0},
    "mid + macro (reach)": {"nano": 0, "micro": 0, "mid": 50, "macro": 50, "mega": 0},
    "one big name (mega)": {"nano": 0, "micro": 0, "mid": 0, "macro": 0, "mega": 100},
}
DEFAULT_SPLIT = "micro + mid"
#: Scorecard weights (lesson 07's criteria); niche fit counts double.
DEFAULT_WEIGHTS: dict[str, float] = {
    "engagement": 1.0,
    "niche_fit": 2.0,
    "audience_quality": 1.0,
    "cost": 1.0,
}
DEFAULT_BRAND = "Kestrel Athletics"
DEFAULT_GOAL = "conversion"
DEFAULT_BUDGET_USD = 20_000
DEFAULT_CADENCE = "monthly call"
#: Domain of the example tracked links (reserved for examples by RFC 2606: it never reaches a shop).
LINK_DOMAIN = "shop.example.com"

_DAY = np.timedelta64(1, "D")


class PlanError(ValueError):
    """A plan that cannot be built from these inputs; the message says what to change."""


# --------------------------------------------------------------------------------------------------
# KPIs tied to the goal
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class KPISpec:
    """One KPI: how it is computed, its unit and whether a higher value is better."""

    name: str
    formula: str
    unit: str
    denominator: str
    higher_is_better: bool
    source: str


KPI_SPECS: dict[str, KPISpec] = {
    "reach": KPISpec(
        "reach",
        "sum of each post's reach",
        "accounts",
        "none (a count); people reached by two posts count twice",
        True,
        "creators' insights screenshots",
    ),
    "impressions": KPISpec(
        "impressions",
        "sum of each post's impressions",
        "impressions",
        "none (a count)",
        True,
        "creators' insights",
    ),
    "CPM": KPISpec(
        "CPM",
        "fees / impressions x 1,000",
        "USD per 1,000 impressions",
        "impressions",
        False,
        "fees (contracts) + insights",
    ),
    "engagements": KPISpec(
        "engagements",
        "likes + comments + shares + saves",
        "engagements",
        "none (a count)",
        True,
        "creators' insights",
    ),
    "clicks": KPISpec(
        "clicks", "clicks on the tracked links", "clicks", "none (a count)", True, "link tracker (UTM)"
    ),
    "CPE": KPISpec(
        "CPE", "fees / engagements", "USD per engagement", "engagements", False, "fees + insights"
    ),
    "CPC": KPISpec("CPC", "fees / clicks", "USD per click", "clicks", False, "fees + link tracker"),
    "conversions": KPISpec(
        "conversions",
        "orders with the creator's promo code or through their tracked link, each order once",
        "orders",
        "none (a count)",
        True,
        "shop orders export",
    ),
    "CPA": KPISpec("CPA", "fees / conversions", "USD per conversion", "conversions", False, "fees + orders"),
    "ROAS": KPISpec(
        "ROAS",
        "revenue of attributed orders / fees",
        "ratio (revenue per USD of fees)",
        "fees",
        True,
        "shop orders export",
    ),
}

#: The KPIs of each goal: the count it must move first, then its cost metric(s).
GOAL_METRICS: dict[str, tuple[str, ...]] = {
    "awareness": ("reach", "impressions", "CPM"),
    "consideration": ("engagements", "clicks", "CPE", "CPC"),
    "conversion": ("conversions", "CPA", "ROAS"),
}


def main_kpi(goal: str) -> str:
    """The count a goal is judged on first: reach, engagements or conversions."""
    return {"awareness": "reach", "consideration": "engagements", "conversion": "conversions"}[goal]


# --------------------------------------------------------------------------------------------------
# The brief
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Brief:
    """What the brand asks for, from the synthetic data.

    Attributes:
        brand: the brand.
        niche: its home niche (where its past campaigns fit best: :func:`brand_niche`).
        goal: awareness, consideration or conversion.
        budget_usd: money for creator fees, USD.
        product: the product launched.
        launch: launch day; ``launch_city``: where.
        embargo_start, embargo_end: the embargo before the launch (inclusive; creators may not post).
        pr_events: (day, title, city) of the brand's PR events in the campaign window.
        planning_start: first day of the campaign window (:data:`LEAD_DAYS` before launch).
        window_end: last day of the window (:data:`FOLLOW_UP_DAYS` after launch).
        avg_order_usd: the brand's revenue per attributed order in past campaigns, USD.
        past_campaigns: the brand's past campaigns in the data.
    """

    brand: str
    niche: str
    goal: str
    budget_usd: float
    product: str
    launch: np.datetime64
    launch_city: str
    embargo_start: np.datetime64 | None
    embargo_end: np.datetime64 | None
    pr_events: tuple[tuple[np.datetime64, str, str], ...]
    planning_start: np.datetime64
    window_end: np.datetime64
    avg_order_usd: float
    past_campaigns: int

    def table(self) -> pd.DataFrame:
        """The brief as a two-column table (item, value) for display."""
        embargo = (
            f"{self.embargo_start} to {self.embargo_end} (no posts about the product)"
            if self.embargo_start is not None
            else "none"
        )
        pr = "; ".join(f"{d}: {t} ({c})" for d, t, c in self.pr_events) or "none in the window"
        rows = {
            "brand": f"{self.brand} (fictional)",
            "niche": f"{self.niche} (where its {self.past_campaigns} past campaigns fit best)",
            "goal": self.goal,
            "budget": f"USD {self.budget_usd:,.0f} for creator fees",
            "launch": f"{self.product}, {self.launch} in {self.launch_city}",
            "embargo": embargo,
            "PR events": pr,
            "campaign window": f"{self.planning_start} to {self.window_end}",
            "revenue per order": f"USD {self.avg_order_usd:,.2f} (the brand's past attributed orders)",
        }
        return pd.DataFrame({"value": list(rows.values())}, index=pd.Index(list(rows), name="brief"))

    def text(self) -> str:
        """The brief in two sentences."""
        return (
            f"{self.brand} launches the {self.product} in {self.launch_city} on {self.launch}; "
            f"creators may not post about it before then. Goal: {self.goal}, with "
            f"USD {self.budget_usd:,.0f} for creator fees, in the {self.niche} niche; planning starts "
            f"{self.planning_start}."
        )


def brand_niche(
    brand: str, campaigns: pd.DataFrame, influencers: pd.DataFrame, min_campaigns: int = 3
) -> str:
    """The niche whose creators fit ``brand``'s audience best: the highest mean ``niche_fit`` over the
    brand's past campaigns, among niches with at least ``min_campaigns`` of them."""
    mine = campaigns[campaigns["brand"].astype(str) == brand]
    joined = mine.merge(influencers[["influencer_id", "niche"]], on="influencer_id", how="inner")
    if joined.empty:
        raise PlanError(f"{brand!r} has no past campaigns to learn its niche from: choose another brand.")
    grouped = joined.groupby(joined["niche"].astype(str))["niche_fit"].agg(["mean", "size"])
    eligible = grouped[grouped["size"] >= min_campaigns]
    table = eligible if not eligible.empty else grouped
    return str(table["mean"].sort_index().idxmax())


def launch_options(brand: str, calendar: pd.DataFrame, year: int = schedule.YEAR) -> pd.DataFrame:
    """The brand's product launches that leave :data:`LEAD_DAYS` to plan and :data:`FOLLOW_UP_DAYS`
    to measure inside ``year``: columns ``event_id``, ``title``, ``start_date``, ``city``."""
    events = calendar[
        (calendar["brand"].astype(str) == brand) & (calendar["event_type"].astype(str) == "product_launch")
    ]
    day = events["start_date"].to_numpy("datetime64[D]")
    first, last = schedule.period_bounds("year", year)
    ok = (day - LEAD_DAYS * _DAY >= first) & (day + FOLLOW_UP_DAYS * _DAY <= last)
    out = events.loc[ok, ["event_id", "title", "start_date", "city"]].copy()
    out["title"] = out["title"].astype(str)
    out["city"] = out["city"].astype(str)
    return out.sort_values(["start_date", "event_id"], kind="stable").reset_index(drop=True)


def _as_day(value: Any) -> np.datetime64:
    return np.datetime64(pd.Timestamp(value).date(), "D")


# --------------------------------------------------------------------------------------------------
# The workbench: the tables and everything computed once from them
# --------------------------------------------------------------------------------------------------


@dataclass
class Workbench:
    """The course tables plus what every plan reuses, computed once (use :func:`prepare`).

    Attributes:
        candidates: lesson 07's candidate table (creators with past campaigns) + ``tier`` (Mediakix).
        reply_rates: share (0-1) of first messages answered, by template style
            (``personalised``, ``generic``), from the outreach table.
        disclosure_pct: per creator, the share of past sponsored posts that were disclosed (percent);
            empty when no posts table was given.
    """

    influencers: pd.DataFrame
    campaigns: pd.DataFrame
    outreach: pd.DataFrame
    calendar: pd.DataFrame
    candidates: pd.DataFrame
    reply_rates: dict[str, float]
    disclosure_pct: pd.Series
    _histories: dict[str, dict[str, TierHistory]] = field(default_factory=dict, repr=False)
    _ratios: dict[str, dict[str, float]] = field(default_factory=dict, repr=False)
    _briefs: dict[tuple, Brief] = field(default_factory=dict, repr=False)
    _history_of: dict[str, pd.Series] = field(default_factory=dict, repr=False)
    _scores: dict[tuple, pd.DataFrame] = field(default_factory=dict, repr=False)
    _forecasts: dict[tuple, Any] = field(default_factory=dict, repr=False)
    _schedules: dict[tuple, tuple[schedule.Schedule, dict[str, float]]] = field(
        default_factory=dict, repr=False
    )
    _events: dict[str, pd.DataFrame] = field(default_factory=dict, repr=False)
    _selections: dict[tuple, dict[str, Any]] = field(default_factory=dict, repr=False)

    def __repr__(self) -> str:
        return (
            f"<Workbench: {len(self.influencers):,} creators, {len(self.campaigns):,} past campaigns, "
            f"{self.campaigns['brand'].nunique()} brands (synthetic)>"
        )

    @property
    def brands(self) -> list[str]:
        """Brands with past campaigns and at least one launch that fits the campaign window."""
        names = sorted(set(self.campaigns["brand"].astype(str)))
        return [b for b in names if not launch_options(b, self.calendar).empty]

    def histories(self, goal: str) -> dict[str, TierHistory]:
        """Past campaigns **with this goal**, grouped by Mediakix tier (the planner's input)."""
        if goal not in self._histories:
            same_goal = self.campaigns[self.campaigns["goal"].astype(str) == goal]
            self._histories[goal] = tier_histories(same_goal, self.influencers, "mediakix", "all")
        return self._histories[goal]

    def ratios(self, goal: str) -> dict[str, float]:
        """Pooled ratios of past campaigns with this goal: ``impressions_per_reach`` and
        ``clicks_per_reach`` (used to derive impressions and clicks from the forecast reach)."""
        if goal not in self._ratios:
            rows = self.campaigns[self.campaigns["goal"].astype(str) == goal]
            reach = float(rows["reach"].sum())
            self._ratios[goal] = {
                "impressions_per_reach": float(rows["impressions"].sum()) / reach if reach else float("nan"),
                "clicks_per_reach": float(rows["clicks"].sum()) / reach if reach else float("nan"),
            }
        return self._ratios[goal]

    def brief(
        self,
        brand: str = DEFAULT_BRAND,
        goal: str = DEFAULT_GOAL,
        budget_usd: float = DEFAULT_BUDGET_USD,
        launch: int = 1,
    ) -> Brief:
        """The brief for ``brand``: its niche, the ``launch``-th launch that fits a campaign window
        (1 = the first), that launch's embargo and PR events; ``goal`` and ``budget_usd`` as given."""
        if goal not in GOALS:
            raise PlanError(f"Unknown goal {goal!r}: choose one of {', '.join(GOALS)}.")
        key = (brand, launch)
        if key not in self._briefs:
            self._briefs[key] = self._base_brief(brand, launch)
        base = self._briefs[key]
        return Brief(**{**base.__dict__, "goal": goal, "budget_usd": float(budget_usd)})

    def _base_brief(self, brand: str, launch: int) -> Brief:
        options = launch_options(brand, self.calendar)
        if options.empty:
            raise PlanError(f"{brand!r} has no launch with {LEAD_DAYS} days to plan in {schedule.YEAR}.")
        if not 1 <= launch <= len(options):
            raise PlanError(f"{brand} has launches 1 to {len(options)} that fit a campaign window.")
        row = options.iloc[launch - 1]
        day = _as_day(row["start_date"])
        events = self.calendar[self.calendar["brand"].astype(str) == brand]
        kind = events["event_type"].astype(str)
        emb = events[kind == "embargo"]
        emb_end = emb["end_date"].to_numpy("datetime64[D]")
        before = emb[(emb_end < day) & (emb_end >= day - 3 * _DAY)]
        embargo = (
            (_as_day(before["start_date"].iloc[-1]), _as_day(before["end_date"].iloc[-1]))
            if len(before)
            else (None, None)
        )
        start, end = day - LEAD_DAYS * _DAY, day + FOLLOW_UP_DAYS * _DAY
        pr = events[kind == "pr_event"]
        pr_day = pr["start_date"].to_numpy("datetime64[D]")
        pr = pr[(pr_day >= day) & (pr_day <= end)]
        mine = self.campaigns[self.campaigns["brand"].astype(str) == brand]
        conversions = float(mine["conversions"].sum())
        pool = mine if conversions > 0 else self.campaigns
        aov = float(pool["revenue_usd"].sum()) / max(float(pool["conversions"].sum()), 1.0)
        return Brief(
            brand=brand,
            niche=brand_niche(brand, self.campaigns, self.influencers),
            goal=DEFAULT_GOAL,
            budget_usd=float(DEFAULT_BUDGET_USD),
            product=str(row["title"]).removeprefix("Launch: "),
            launch=day,
            launch_city=str(row["city"]),
            embargo_start=embargo[0],
            embargo_end=embargo[1],
            pr_events=tuple(
                (_as_day(d), str(t), str(c))
                for d, t, c in zip(pr["start_date"], pr["title"], pr["city"], strict=True)
            ),
            planning_start=start,
            window_end=end,
            avg_order_usd=aov,
            past_campaigns=len(mine),
        )

    def history_of(self, brand: str) -> pd.Series:
        """Per creator: what they already are to ``brand`` ("long-term partner", "one-off collaborator",
        "replied to outreach"); creators not in the series are new to the brand."""
        if brand not in self._history_of:
            roster = schedule.brand_roster(brand, self.influencers, self.campaigns, self.outreach)
            labels = {"partners": "long-term partner", "collaborators": "one-off collaborator"}
            labels["prospects"] = "replied to outreach"
            self._history_of[brand] = pd.Series(
                roster["segment"].map(labels).to_numpy(), index=roster["influencer_id"].to_numpy()
            )
        return self._history_of[brand]

    def ranked(
        self, niche: str, weights: Mapping[str, float], min_authenticity: float | None = None
    ) -> pd.DataFrame:
        """Every candidate of ``niche`` ranked by the lesson-07 scorecard (best first), with ``score``
        (0-1); creators whose audience authenticity is below ``min_authenticity`` (share 0-1) are
        screened out before ranking (None keeps everyone)."""
        key = (niche, tuple(sorted((k, float(v)) for k, v in weights.items())), min_authenticity)
        if key not in self._scores:
            pool = self.candidates[self.candidates["niche"].astype(str) == niche]
            if min_authenticity is not None:
                pool = pool[pool["audience_authenticity"] >= min_authenticity]
            if pool.empty:
                raise PlanError(f"No {niche} creators with a track record pass the screening: relax it.")
            try:
                by_score = score_candidates(pool, dict(weights), n=len(pool), niche="all").by_score
            except ScorecardInputError as err:
                raise PlanError(str(err)) from err
            keep = [c for c in _RANKED_COLUMNS if c in by_score.columns]
            _bounded(self._scores)[key] = by_score[keep]
        return self._scores[key]

    def forecast(self, goal: str, budget_usd: float, shares: Mapping[str, float]) -> BudgetForecast:
        """Lesson 05's planner for this goal, budget (USD) and split (percent per tier), cached:
        a :class:`~helpers.analysis.budget.BudgetForecast` (numbers ``<outcome>_p10/_p50/_p90``,
        ``creators``, ``unspent_usd``; a per-tier table, rounded to whole numbers as the lab shows it)."""
        key = (goal, float(budget_usd), tuple(sorted(shares.items())))
        if key not in self._forecasts:
            try:
                result = forecast_split(self.histories(goal), budget_usd, dict(shares))
            except BudgetInputError as err:
                raise PlanError(str(err)) from err
            result = dataclasses.replace(result, table=result.table.round(0))
            _bounded(self._forecasts)[key] = result
        return self._forecasts[key]

    def events(self, brand: str) -> pd.DataFrame:
        """The brand's calendar with text columns, sorted by date (lesson 06's ``PlanInput.events``)."""
        if brand not in self._events:
            events = self.calendar[self.calendar["brand"].astype(str) == brand].copy()
            for column in ("event_type", "city", "title"):
                events[column] = events[column].astype(str)
            self._events[brand] = events.sort_values(["start_date", "event_id"], kind="stable").reset_index(
                drop=True
            )
        return self._events[brand]


def _bounded(cache: dict) -> dict:
    """The cache, emptied first when it holds more than 128 entries (a lab explores many settings)."""
    if len(cache) > 128:
        cache.clear()
    return cache


def prepare(
    influencers: pd.DataFrame | None = None,
    campaigns: pd.DataFrame | None = None,
    outreach: pd.DataFrame | None = None,
    calendar: pd.DataFrame | None = None,
    posts: pd.DataFrame | None = None,
) -> Workbench:
    """A :class:`Workbench` on these tables (default: the bundled, synthetic ones). With an empty
    ``posts`` table, creators' past disclosure is not checked (NaN)."""
    influencers = data.load_influencers() if influencers is None else influencers
    campaigns = data.load_campaigns() if campaigns is None else campaigns
    outreach = data.load_outreach() if outreach is None else outreach
    calendar = data.load_calendar() if calendar is None else calendar
    posts = data.load_posts() if posts is None else posts
    candidates = scoring.candidate_table(influencers, campaigns)
    candidates["tier"] = metrics.assign_tier(candidates["followers"], "mediakix").astype(str)
    flags = metrics.audience_quality_flags(
        candidates["followers"].to_numpy(dtype=float),
        following=candidates["following"].to_numpy(dtype=float),
        authenticity=candidates["audience_authenticity"].to_numpy(dtype=float),
        # the ER flags compare with Instagram benchmarks (HypeAuditor 2018): TikTok's and YouTube's
        # different rates would trip them, so they are checked on Instagram only (as in lesson 10)
        er_pct=np.where(
            candidates["platform"].astype(str).to_numpy() == "instagram",
            candidates["er_pct"].to_numpy(dtype=float),
            np.nan,
        ),
    )
    candidates["flags"] = np.where(flags["reasons"].to_numpy() == "", "none", flags["reasons"].to_numpy())
    rates = outreach.groupby(outreach["template_style"].astype(str))["replied"].mean()
    disclosure = (
        measurement.disclosure_by_creator(posts)["disclosed_pct"]
        if len(posts)
        else pd.Series(dtype=float, name="disclosed_pct")
    )
    return Workbench(
        influencers=influencers,
        campaigns=campaigns,
        outreach=outreach,
        calendar=calendar,
        candidates=candidates,
        reply_rates={k: float(v) for k, v in rates.items()},
        disclosure_pct=disclosure,
    )


# --------------------------------------------------------------------------------------------------
# Steps of the plan
# --------------------------------------------------------------------------------------------------


def split_table(split: str | Mapping[str, float]) -> dict[str, float]:
    """A split as percent per tier (every tier present, missing ones 0). Accepts a name of
    :data:`SPLITS` or a mapping tier -> percent (any non-negative scale)."""
    if isinstance(split, str):
        if split not in SPLITS:
            raise PlanError(f"Unknown split {split!r}: choose one of {', '.join(SPLITS)}.")
        split = SPLITS[split]
    unknown = set(split) - set(TIERS)
    if unknown:
        raise PlanError(f"Unknown tier(s) {sorted(unknown)} in the split: tiers are {', '.join(TIERS)}.")
    return {t: float(split.get(t, 0.0)) for t in TIERS}


def kpi_table(
    goal: str,
    numbers: Mapping[str, float],
    spent_usd: float,
    ratios: Mapping[str, float],
    avg_order_usd: float,
) -> pd.DataFrame:
    """The goal's KPIs with an 80% interval: columns ``low``, ``median``, ``high``, ``unit``.

    ``numbers`` holds the planner's ``<outcome>_p10/_p50/_p90`` for reach, engagements and
    conversions. Impressions and clicks are the forecast reach times the pooled ratios of past
    campaigns with the same goal (``ratios``); revenue is conversions x ``avg_order_usd``. Cost
    metrics divide ``spent_usd`` (fees) by a count, so their low end comes from the count's high end.
    ``low`` <= ``median`` <= ``high`` in every row.
    """
    pct = ("p10", "p50", "p90")
    counts: dict[str, np.ndarray] = {
        o: np.array([numbers[f"{o}_{p}"] for p in pct], dtype=float)
        for o in ("reach", "engagements", "conversions")
    }
    counts["impressions"] = counts["reach"] * ratios["impressions_per_reach"]
    counts["clicks"] = counts["reach"] * ratios["clicks_per_reach"]
    revenue = counts["conversions"] * avg_order_usd
    with np.errstate(divide="ignore", invalid="ignore"):
        values = {
            "CPM": spent_usd / counts["impressions"] * 1000,
            "CPE": spent_usd / counts["engagements"],
            "CPC": spent_usd / counts["clicks"],
            "CPA": spent_usd / counts["conversions"],
            "ROAS": revenue / spent_usd if spent_usd > 0 else np.full(3, np.nan),
        }
    values |= counts
    rows = []
    for kpi in GOAL_METRICS[goal]:
        v = np.where(np.isfinite(values[kpi]), values[kpi], np.nan)
        lo, hi = (
            np.nanmin(v) if np.isfinite(v).any() else np.nan,
            np.nanmax(v) if np.isfinite(v).any() else np.nan,
        )
        rows.append({"kpi": kpi, "low": lo, "median": v[1], "high": hi, "unit": KPI_SPECS[kpi].unit})
    return pd.DataFrame(rows).set_index("kpi")


def draft_posts(
    shortlist: pd.DataFrame,
    launch: np.datetime64,
    offset_days: int = 0,
    posts_per_creator: int = POSTS_PER_CREATOR,
    spacing_days: int = POST_SPACING_DAYS,
    campaign_id: str = "PLAN",
) -> pd.DataFrame:
    """The draft posting plan: each creator's first post ``offset_days`` after the launch (negative:
    before it), staggered over three days (creator i starts ``i % 3`` days later) so the feed is not
    flooded in one day, then one post every ``spacing_days``. Columns ``post_id``, ``influencer_id``,
    ``handle``, ``campaign_id``, ``date`` (the format :func:`helpers.analysis.schedule.build_schedule`
    reads)."""
    n = len(shortlist)
    if n == 0 or posts_per_creator < 1:
        return pd.DataFrame(
            {
                "post_id": pd.Series(dtype=str),
                "influencer_id": pd.Series(dtype=str),
                "handle": pd.Series(dtype=str),
                "campaign_id": pd.Series(dtype=str),
                "date": pd.Series(dtype="datetime64[s]"),
            }
        )
    creator = np.repeat(np.arange(n), posts_per_creator)
    k = np.tile(np.arange(posts_per_creator), n)
    days = np.datetime64(launch, "D") + (offset_days + creator % 3 + k * spacing_days).astype(
        "timedelta64[D]"
    )
    ids = shortlist["influencer_id"].to_numpy(dtype=object)[creator]
    return pd.DataFrame(
        {
            "post_id": [f"{campaign_id}-{i + 1:03d}-{j + 1}" for i, j in zip(creator, k, strict=True)],
            "influencer_id": ids,
            "handle": shortlist["handle"].to_numpy(dtype=object)[creator],
            "campaign_id": campaign_id,
            "date": pd.to_datetime(days),
        }
    )


def window_schedule(sched: schedule.Schedule, first: np.datetime64, last: np.datetime64) -> schedule.Schedule:
    """The part of a schedule inside ``first``..``last`` (inclusive): entries that overlap it,
    contacts and conflicts dated inside it."""
    e = sched.entries
    keep = (e["start"].to_numpy("datetime64[D]") <= last) & (e["end"].to_numpy("datetime64[D]") >= first)
    c = sched.contacts
    cday = c["date"].to_numpy("datetime64[D]")
    k = sched.conflicts
    kday = k["date"].to_numpy("datetime64[D]")
    return schedule.Schedule(
        sched.brand,
        e[keep].reset_index(drop=True),
        c[(cday >= first) & (cday <= last)].reset_index(drop=True),
        k[(kday >= first) & (kday <= last)].reset_index(drop=True),
        sched.executives,
    )


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-")


def promo_code(brand: str, handle: str) -> str:
    """A creator's promo code: the brand's first word and the handle, upper case, letters and digits
    only (``KESTREL-AMARARUNS``), at most 24 characters."""
    word = re.sub(r"[^A-Z0-9]", "", str(brand).split()[0].upper())
    who = re.sub(r"[^A-Z0-9]", "", str(handle).upper())
    return f"{word}-{who}"[:24]


def tracked_link(product: str, platform: str, campaign: str, handle: str) -> str:
    """A creator's tracked link with UTM parameters (source = platform, medium = influencer,
    campaign, content = handle) on the example domain :data:`LINK_DOMAIN`."""
    return (
        f"https://{LINK_DOMAIN}/{_slug(product)}?utm_source={_slug(platform)}&utm_medium=influencer"
        f"&utm_campaign={_slug(campaign)}&utm_content={_slug(handle)}"
    )


# --------------------------------------------------------------------------------------------------
# The plan
# --------------------------------------------------------------------------------------------------

#: Columns of a ranked candidate kept for the shortlist (besides ``role`` and ``history``).
_RANKED_COLUMNS = [
    "tier",
    "handle",
    "platform",
    "city",
    "followers",
    "er_pct",
    "niche_fit",
    "audience_authenticity",
    "price_per_post_usd",
    "score",
    "flags",
]
_SHORTLIST_COLUMNS = [
    "role",
    "tier",
    "handle",
    "influencer_id",
    "platform",
    "city",
    "followers",
    "er_pct",
    "niche_fit",
    "audience_authenticity",
    "price_per_post_usd",
    "score",
    "flags",
    "history",
]


@dataclass
class CampaignPlan:
    """A whole campaign plan (build it with :func:`build_plan`).

    Attributes:
        brief: the :class:`Brief`.
        weights: scorecard weights; ``split_pct``: budget share per tier, percent; ``cadence``: the
            signed creators' regular contact; ``post_offset_days``: first post relative to launch.
        allocation: per tier: ``share_pct``, ``budget_usd``, ``slots`` (creators the tier's money buys
            at the average past fee, lesson 05's planner), ``avg_fee_usd``, ``filled`` (slots the
            shortlist fills), ``spend_usd`` (filled x average fee) and ``pool`` (candidates of that
            tier in the niche after screening).
        shortlist: ``role`` "sign" (fills a slot) or "reserve" (contact if a first choice says no),
            creator columns, ``score`` (0-1) and ``history`` with the brand.
        forecast: :func:`replay_forecast` numbers for the creators signed (``<outcome>_p10/_p50/_p90``,
            ``creators``, ``spent_usd``, ``unspent_usd``).
        forecast_table: its per-tier table.
        kpis: :func:`kpi_table` output.
        posts: the draft posting plan (:func:`draft_posts`).
        schedule: the checked schedule, cut to the campaign window.
        reply_rate: share (0-1) of personalised first messages answered (outreach table).
        contact_target: names to contact to sign every slot: each signed creator who already worked
            with the brand (:data:`KNOWN_TO_BRAND`, asked directly) counts once; the other slots need
            first messages at ``reply_rate``: ``known + ceil((slots - known) / reply_rate)``.
        tracking: per signed creator: promo code, tracked link, authenticity, flags, past disclosure.
        ratios: pooled impressions and clicks per reach of past campaigns with the goal.
        counts: :func:`helpers.analysis.schedule.summarise` of the windowed schedule (touchpoints,
            staff hours, conflicts...).
        notes: warnings in words (unspent money, unfilled slots, short reserve list).
    """

    brief: Brief
    weights: dict[str, float]
    split_pct: dict[str, float]
    min_authenticity: float | None
    cadence: str
    post_offset_days: int
    allocation: pd.DataFrame
    shortlist: pd.DataFrame
    forecast: dict[str, float]
    forecast_table: pd.DataFrame
    kpis: pd.DataFrame
    posts: pd.DataFrame
    schedule: schedule.Schedule
    reply_rate: float
    contact_target: int
    tracking: pd.DataFrame
    ratios: dict[str, float]
    counts: dict[str, float]
    notes: list[str] = field(default_factory=list)

    def __repr__(self) -> str:
        return f"<CampaignPlan: {self.summary()}>"

    @functools.cached_property
    def signed(self) -> pd.DataFrame:
        """The creators to sign (shortlist rows with role "sign"); computed once."""
        return self.shortlist[self.shortlist["role"] == "sign"]

    @property
    def spent_usd(self) -> float:
        """Fees of the creators the plan signs (creators x their tier's average past fee), USD."""
        return float(self.forecast["spent_usd"])

    @property
    def campaign_id(self) -> str:
        """A short id for the campaign: brand's first word + product, upper case."""
        return f"{self.brief.brand.split()[0]}-{self.brief.product}".upper().replace(" ", "-")

    def numbers(self) -> dict[str, float]:
        """Headline figures: creators, spend, the main KPI's interval, schedule counts."""
        kpi = main_kpi(self.brief.goal)
        window = self.counts
        conflicts = self.schedule.conflicts["kind"].value_counts()
        return {
            "creators": float(len(self.signed)),
            "slots": float(self.allocation["slots"].sum()),
            "reserves": float((self.shortlist["role"] == "reserve").sum()),
            "spent_usd": self.spent_usd,
            "unspent_usd": float(self.forecast["unspent_usd"]),
            f"{kpi}_p10": float(self.forecast[f"{kpi}_p10"]),
            f"{kpi}_p50": float(self.forecast[f"{kpi}_p50"]),
            f"{kpi}_p90": float(self.forecast[f"{kpi}_p90"]),
            "touchpoints": window["touchpoints"],
            "staff_hours": window["staff_hours"],
            "posts": float(len(self.posts)),
            "conflicts": float(len(self.schedule.conflicts)),
            "posts_in_embargo": float(conflicts.get("post in embargo", 0)),
            "contact_target": float(self.contact_target),
        }

    def summary(self) -> str:
        """The plan in two or three sentences."""
        b, kpi = self.brief, main_kpi(self.brief.goal)
        f = self.forecast
        cost = {"awareness": "CPM", "consideration": "CPE", "conversion": "CPA"}[b.goal]
        cost_value = float(self.kpis.loc[cost, "median"])
        n = {"touchpoints": self.counts["touchpoints"], "posts": float(len(self.posts))}
        n["conflicts"] = float(len(self.schedule.conflicts))
        text = (
            f"{b.brand}, {b.goal}: ${self.spent_usd:,.0f} of ${b.budget_usd:,.0f} signs "
            f"{len(self.signed)} creators -> {kpi} {plots.human_number(f[f'{kpi}_p50'])} "
            f"(80% interval {plots.human_number(f[f'{kpi}_p10'])}-{plots.human_number(f[f'{kpi}_p90'])}), "
            f"{cost} ${cost_value:,.2f}. "
            f"Schedule: {n['touchpoints']:,.0f} contacts, {n['posts']:,.0f} posts, "
        )
        conflicts = int(n["conflicts"])
        text += (
            f"{conflicts} conflict{'s' if conflicts != 1 else ''} to fix." if conflicts else "no conflicts."
        )
        return text


def build_plan(
    bench: Workbench,
    brief: Brief,
    *,
    weights: Mapping[str, float] | None = None,
    split: str | Mapping[str, float] = DEFAULT_SPLIT,
    min_authenticity: float | None = metrics.AUTHENTICITY_MIN,
    cadence: str = DEFAULT_CADENCE,
    post_offset_days: int = 0,
    posts_per_creator: int = POSTS_PER_CREATOR,
    min_niche_fit: float | None = None,
) -> CampaignPlan:
    """Build the whole plan for ``brief`` (see the module docstring for the steps).

    Args:
        bench: :func:`prepare` output.
        brief: :meth:`Workbench.brief` output.
        weights: scorecard weights per criterion (lesson 07); default :data:`DEFAULT_WEIGHTS`.
        split: a name of :data:`SPLITS` or percent per tier.
        min_authenticity: screen out creators whose audience authenticity (share 0-1) is below this
            before ranking (default 0.75, Modash's fraud signal); None screens nobody.
        cadence: regular contact with the signed creators (``"monthly call"``..., ``"none"``).
        post_offset_days: first post relative to launch day, days (negative = before the launch).
        posts_per_creator: sponsored posts per creator.
        min_niche_fit: leave out creators whose niche fit (0-1) is below this after ranking (e.g.
            :data:`MIN_NICHE_FIT`); None (default) keeps everyone and lets the self-check flag misfits.

    Raises :class:`PlanError` (a ``ValueError``) with a message saying what to change when the budget
    buys nobody, every weight is 0, nobody passes the screening, or an input is unknown.
    """
    weights = dict(DEFAULT_WEIGHTS if weights is None else weights)
    shares = split_table(split)
    try:
        schedule.parse_cadence(cadence)
    except ValueError as err:
        raise PlanError(str(err)) from err
    selection = _select(bench, brief, shares, weights, min_authenticity, min_niche_fit)
    notes = list(selection["notes"])
    signed = selection["signed"]
    forecast_numbers, forecast_table = selection["forecast"]
    unspent = float(forecast_numbers["unspent_usd"])
    campaign_id = f"{brief.brand.split()[0]}-{brief.product}".upper().replace(" ", "-")
    posts = draft_posts(signed, brief.launch, post_offset_days, posts_per_creator, campaign_id=campaign_id)
    sched, counts = bench_schedule(bench, brief, signed, posts, cadence)
    kpis = kpi_table(
        brief.goal,
        forecast_numbers,
        brief.budget_usd - unspent,
        bench.ratios(brief.goal),
        brief.avg_order_usd,
    )
    return CampaignPlan(
        brief=brief,
        weights=weights,
        split_pct=shares,
        min_authenticity=min_authenticity,
        cadence=cadence,
        post_offset_days=int(post_offset_days),
        allocation=selection["allocation"].copy(deep=False),  # shallow copies: the cache stays intact
        shortlist=selection["shortlist"].copy(deep=False),
        forecast=dict(forecast_numbers),
        forecast_table=forecast_table,
        kpis=kpis,
        posts=posts,
        schedule=sched,
        reply_rate=bench.reply_rates.get("personalised", float("nan")),
        contact_target=selection["contact_target"],
        tracking=selection["tracking"].copy(deep=False),
        ratios=bench.ratios(brief.goal),
        counts=counts,
        notes=notes,
    )


def replay_forecast(
    histories: Mapping[str, TierHistory], creators: Mapping[str, int], budget_usd: float
) -> tuple[dict[str, float], pd.DataFrame]:
    """Lesson 05's forecast for a given number of creators per tier: each creator delivers a past
    campaign of its tier drawn at random, repeated ``N_SIMS`` times with the planner's seed, by the
    planner's own engine (:func:`helpers.analysis.budget.simulate_tier`). With every slot filled it
    equals :func:`~helpers.analysis.budget.forecast_split`'s forecast; with fewer creators it
    forecasts only the creators the plan can sign.

    Returns numbers (``creators``, ``spent_usd`` = creators x average fee, ``unspent_usd``,
    ``<outcome>_p10/_p50/_p90`` for reach, engagements, conversions) and a per-tier table (``creators``,
    ``spend_usd`` and the same percentiles), tiers in order.
    """
    rng = np.random.default_rng(SEED)
    totals = {o: np.zeros(N_SIMS) for o in OUTCOMES}
    rows, spent = [], 0.0
    for tier in TIERS:
        n, history = int(creators.get(tier, 0)), histories.get(tier)
        if n <= 0 or history is None:
            continue
        sims = simulate_tier(history, (n + 0.5) * history.mean_fee_usd, rng)  # buys exactly n creators
        spent += n * history.mean_fee_usd
        row: dict[str, Any] = {"tier": tier, "creators": n, "spend_usd": n * history.mean_fee_usd}
        for o in OUTCOMES:
            totals[o] += sims[o]
            p10, p50, p90 = np.percentile(sims[o], [10, 50, 90])
            row |= {f"{o}_p50": p50, f"{o}_p10": p10, f"{o}_p90": p90}
        rows.append(row)
    numbers: dict[str, float] = {
        "creators": float(sum(r["creators"] for r in rows)),
        "spent_usd": spent,
        "unspent_usd": float(budget_usd) - spent,
    }
    for o in OUTCOMES:
        p10, p50, p90 = np.percentile(totals[o], [10, 50, 90])
        numbers |= {f"{o}_p10": float(p10), f"{o}_p50": float(p50), f"{o}_p90": float(p90)}
    table = pd.DataFrame(rows).set_index("tier") if rows else pd.DataFrame(index=pd.Index([], name="tier"))
    return numbers, table.round(0)


def _select(
    bench: Workbench,
    brief: Brief,
    shares: Mapping[str, float],
    weights: Mapping[str, float],
    min_authenticity: float | None,
    min_niche_fit: float | None = None,
) -> dict[str, Any]:
    """Allocation, shortlist (signed + reserves), contact target and tracking for these inputs
    (cached on the workbench). Keys: ``forecast`` (:func:`replay_forecast` of the creators actually
    signed), ``allocation``, ``shortlist``, ``signed``, ``contact_target``, ``tracking``, ``notes``."""
    key = (
        brief.brand,
        str(brief.launch),
        brief.goal,
        brief.budget_usd,
        tuple(shares.items()),
        tuple(sorted(weights.items())),
        min_authenticity,
        min_niche_fit,
    )
    if key in bench._selections:
        return bench._selections[key]
    forecast = bench.forecast(brief.goal, brief.budget_usd, shares)
    histories = bench.histories(brief.goal)
    per_tier = forecast.table
    ranked = bench.ranked(brief.niche, weights, min_authenticity)
    if min_niche_fit is not None:
        ranked = ranked[ranked["niche_fit"] >= min_niche_fit]
    reply = bench.reply_rates.get("personalised", float("nan"))
    total_share = max(sum(shares.values()), 1e-12)
    notes: list[str] = []
    picks, alloc = [], []
    for tier in TIERS:
        slots = int(per_tier.loc[tier, "creators"]) if tier in per_tier.index else 0
        if not slots and not shares[tier]:
            continue
        pool = ranked[ranked["tier"] == tier]
        history = histories.get(tier)
        need = math.ceil(slots / reply) if slots and reply > 0 else slots
        chosen = pool.head(need)
        alloc.append(
            {
                "tier": tier,
                "share_pct": 100 * shares[tier] / total_share,
                "budget_usd": brief.budget_usd * shares[tier] / total_share,
                "slots": slots,
                "avg_fee_usd": history.mean_fee_usd if history is not None else float("nan"),
                "filled": min(slots, len(pool)),
                "spend_usd": min(slots, len(pool)) * history.mean_fee_usd if history is not None else 0.0,
                "pool": len(pool),
            }
        )
        if slots > len(pool):
            notes.append(
                f"only {len(pool)} {tier} creators in {brief.niche} pass the screening with a track record, "
                f"for {slots} slots: widen the search (lesson 05's discovery routes) or move money to "
                "another tier"
            )
        picks.append(chosen.assign(role=np.where(np.arange(len(chosen)) < slots, "sign", "reserve")))
    allocation = pd.DataFrame(alloc).set_index("tier")
    filled = allocation["filled"].to_dict()
    if not sum(filled.values()):
        raise PlanError(
            f"No {brief.niche} creator fills the slots this split buys: choose another split, raise the "
            "budget or relax the screening."
        )
    forecast_numbers, forecast_table = replay_forecast(histories, filled, brief.budget_usd)
    unspent = forecast_numbers["unspent_usd"]
    if unspent > 0.10 * brief.budget_usd:
        notes.insert(
            0,
            f"${unspent:,.0f} of the budget is not spent (slots the niche cannot fill, or less than one "
            "creator's average fee left in a tier): move it to another tier or keep it as a contingency",
        )
    shortlist = _shortlist(pd.concat(picks), bench.history_of(brief.brand))
    signed = shortlist[shortlist["role"] == "sign"]
    slots_total = int(allocation["slots"].sum())
    known, cold = _contact_split(signed, slots_total)
    contact_target = known + (math.ceil(cold / reply) if reply > 0 else cold)
    if len(shortlist) < contact_target:
        notes.append(
            f"you need about {contact_target} names to sign {slots_total} ({known} who already work with "
            f"the brand, asked directly, + {contact_target - known} first messages at a {reply:.0%} reply "
            f"rate for {cold} new names); the shortlist has {len(shortlist)}"
        )
    campaign_id = f"{brief.brand.split()[0]}-{brief.product}".upper().replace(" ", "-")
    selection = {
        "forecast": (forecast_numbers, forecast_table),
        "allocation": allocation,
        "shortlist": shortlist,
        "signed": signed,
        "contact_target": contact_target,
        "tracking": _tracking(brief, signed, bench.disclosure_pct, campaign_id),
        "notes": notes,
    }
    _bounded(bench._selections)[key] = selection
    return selection


def _contact_split(signed: pd.DataFrame, slots: int) -> tuple[int, int]:
    """(creators to sign who already worked with the brand, slots left for new names)."""
    known = int(signed["history"].isin(KNOWN_TO_BRAND).sum())
    return known, max(slots - known, 0)


def _shortlist(picks: pd.DataFrame, history_of: pd.Series) -> pd.DataFrame:
    """Picked candidates (indexed by influencer id, with ``role``) in display order: signed before
    reserves, then by tier and score; numbered from 1."""
    table = picks.assign(
        history=history_of.reindex(picks.index).fillna("new to the brand").to_numpy(),
        influencer_id=picks.index.to_numpy(),
        platform=picks["platform"].astype(str),
        city=picks["city"].astype(str),
        _r=(picks["role"] == "reserve").astype(int),
        _t=picks["tier"].map({t: i for i, t in enumerate(TIERS)}),
    )
    table = table.sort_values(["_r", "_t", "score"], ascending=[True, True, False], kind="stable")
    table = table[_SHORTLIST_COLUMNS].reset_index(drop=True)
    table.index = pd.RangeIndex(1, len(table) + 1, name="#")
    return table


def bench_schedule(
    bench: Workbench, brief: Brief, signed: pd.DataFrame, posts: pd.DataFrame, cadence: str
) -> tuple[schedule.Schedule, dict[str, float]]:
    """Lesson 06's calendar for the signed creators - every one briefed under embargo as a partner of
    this launch -, the brand's events and the draft posts, checked and cut to the campaign window
    (cached on the workbench: the same inputs give the same schedule). Returns the schedule and
    :func:`helpers.analysis.schedule.summarise` of it."""
    key = (
        brief.brand,
        str(brief.launch),
        tuple(signed["influencer_id"].astype(str)),
        tuple(posts["date"].astype(str)),
        cadence,
    )
    if key not in bench._schedules:
        roster = pd.DataFrame(
            {
                "influencer_id": signed["influencer_id"].astype(str).to_numpy(),
                "handle": signed["handle"].astype(str).to_numpy(),
                "city": signed["city"].astype(str).to_numpy(),
                "followers": signed["followers"].to_numpy(),
                "segment": "partners",
            }
        )
        year = int(str(brief.launch)[:4])
        plan_input = schedule.PlanInput(brief.brand, roster, bench.events(brief.brand), posts, year)
        full = schedule.build_schedule(
            plan_input,
            {"partners": cadence},
            tie_to_launches=True,
            skip_calls_near_launches=True,
            trip_min_creators=TRIP_MIN_CREATORS,
            executives=1,
            min_gap_days=7,
        )
        windowed = window_schedule(full, brief.planning_start, brief.window_end)
        _bounded(bench._schedules)[key] = (windowed, schedule.summarise(windowed, "year", year))
    return bench._schedules[key]


def _tracking(
    brief: Brief, signed: pd.DataFrame, disclosure_pct: pd.Series, campaign_id: str
) -> pd.DataFrame:
    """Per signed creator: promo code, tracked link, authenticity, audience-quality flags (lesson 10)
    and the share of their past sponsored posts that were disclosed (percent; NaN if unknown)."""
    handles = signed["handle"].astype(str).to_numpy()
    return pd.DataFrame(
        {
            "handle": handles,
            "tier": signed["tier"].to_numpy(),
            "promo_code": [promo_code(brief.brand, h) for h in handles],
            "tracked_link": [
                tracked_link(brief.product, p, campaign_id, h)
                for p, h in zip(signed["platform"], handles, strict=True)
            ],
            "audience_authenticity": signed["audience_authenticity"].to_numpy(dtype=float),
            "flags": signed["flags"].to_numpy(),
            "past_disclosed_pct": disclosure_pct.reindex(signed["influencer_id"].to_numpy()).to_numpy(
                dtype=float
            ),
        },
        index=signed.index,
    )


# --------------------------------------------------------------------------------------------------
# Measurement plan and the EMV check
# --------------------------------------------------------------------------------------------------


def _fmt_value(value: float, unit: str) -> str:
    """A KPI value for reading: dollars with cents for money, ratios with two decimals, counts whole."""
    if not np.isfinite(value):
        return "n/a"
    if unit.startswith("USD"):
        return f"USD {value:,.2f}"
    if unit.startswith("ratio"):
        return f"{value:,.2f}"
    return f"{value:,.0f}"


def kpi_display(kpis: pd.DataFrame) -> pd.DataFrame:
    """:func:`kpi_table` output as text for reading: counts whole, money in dollars and cents, ratios
    with two decimals; columns ``low (80%)``, ``median``, ``high (80%)``, ``unit``."""
    out = pd.DataFrame(
        {
            col: [_fmt_value(float(v), u) for v, u in zip(kpis[src], kpis["unit"], strict=True)]
            for col, src in (("low (80%)", "low"), ("median", "median"), ("high (80%)", "high"))
        },
        index=kpis.index,
    )
    out["unit"] = kpis["unit"]
    return out


def measurement_plan(plan: CampaignPlan) -> pd.DataFrame:
    """What will be measured, how, on which denominator, from which data, against which target.

    One row per KPI of the goal (target = the forecast's 80% interval, "floor" = its pessimistic end),
    then the rules every campaign report needs: attribution, engagement rate, audience quality,
    disclosure, return, EMV and incrementality. Columns ``what``, ``how``, ``denominator``,
    ``data``, ``target or rule``.
    """
    rows = []
    for kpi, row in plan.kpis.iterrows():
        spec = KPI_SPECS[str(kpi)]
        alarm = "below" if spec.higher_is_better else "above"
        floor = row["low"] if spec.higher_is_better else row["high"]
        rows.append(
            {
                "what": f"KPI: {kpi}",
                "how": spec.formula,
                "denominator": spec.denominator,
                "data": spec.source,
                "target or rule": (
                    f"median {_fmt_value(row['median'], spec.unit)}; 80% range "
                    f"{_fmt_value(row['low'], spec.unit)}-{_fmt_value(row['high'], spec.unit)}; "
                    f"alarm if {alarm} {_fmt_value(floor, spec.unit)}"
                ),
            }
        )
    n = len(plan.signed)
    rows += [
        {
            "what": "Attribution",
            "how": f"one promo code and one tracked (UTM) link per creator ({n} of each); an order counts "
            "once, whichever it used",
            "denominator": "-",
            "data": "shop orders export + link tracker",
            "target or rule": (
                "attributed orders are a floor: device switches and word of mouth go unrecorded"
            ),
        },
        {
            "what": "Engagement rate",
            "how": "(likes + comments + shares) / reach x 100 per post; per follower only to compare "
            "with published benchmarks",
            "denominator": "reach (say so in the report)",
            "data": "creators' insights screenshots",
            "target or rule": "never compare rates with different denominators",
        },
        {
            "what": "Audience quality",
            "how": "authenticity and lesson 10's flags for every creator, before signing",
            "denominator": "followers",
            "data": "audit tool or the creator's insights",
            "target or rule": "authenticity of at least 75% (Modash); a flag is a reason to look, not proof",
        },
        {
            "what": "Disclosure",
            "how": "check every sponsored post on the day it goes live",
            "denominator": "sponsored posts",
            "data": "the posts themselves",
            "target or rule": (
                "100% disclosed, clearly and at the start (#ad or the platform's paid-partnership "
                "label): FTC Endorsement Guides, 16 CFR 255"
            ),
        },
        {
            "what": "Return",
            "how": (
                "ROI on revenue = (revenue - all-in cost) / all-in cost; ROAS = revenue / fees; "
                "profit after margin = revenue x the product's gross margin - all-in cost"
            ),
            "denominator": "cost (fees + finding creators + products sent)",
            "data": "orders + contracts + invoices + the brand's gross margin",
            "target or rule": (
                "report ROI on revenue all-in, pooled over the campaign, never the mean of creators' ROIs, "
                "next to profit after margin: below a ROAS of 1 / margin the campaign loses money"
            ),
        },
        {
            "what": "EMV (if anyone asks for it)",
            "how": "impressions / 1,000 x a stated reference CPM",
            "denominator": "-",
            "data": "insights + the reference rate",
            "target or rule": "a relative attention measure, never revenue or ROI: it prices attention at "
            "paid-media rates and subtracts no cost",
        },
        {
            "what": "Incrementality",
            "how": (
                "a new product has no sales before its launch to compare with, so keep a comparison "
                "group instead: before the launch, draw by lot some comparable areas (districts, cities "
                "or shops) where no creator promotes it, then compare sales per 1,000 people in the "
                "areas with creators and in the held-out ones over the same weeks"
            ),
            "denominator": "people living in each area (sales per 1,000 people)",
            "data": "shop and online sales by week and by area (delivery postcode)",
            "target or rule": (
                "draw the held-out areas by lot before the launch, never after; hold out several, so "
                "one odd area cannot decide; report the difference as what the creators caused - "
                "attributed sales (codes, links) show only part of it"
            ),
        },
    ]
    return pd.DataFrame(rows)


def emv_check(plan: CampaignPlan, cpm_rate_usd: float) -> dict[str, float]:
    """What an EMV report would say about the plan's median forecast, next to its revenue and spend.

    ``emv_usd`` = median impressions / 1,000 x ``cpm_rate_usd`` (impressions = forecast reach x the
    pooled impressions-per-reach of past campaigns with the goal); ``revenue_usd`` = median conversions
    x the brand's revenue per order; ``spend_usd`` = fees; ``emv_to_revenue`` (ratio).
    """
    impressions = plan.forecast["reach_p50"] * plan.ratios["impressions_per_reach"]
    emv = float(metrics.emv(impressions, cpm_rate=cpm_rate_usd))
    revenue = plan.forecast["conversions_p50"] * plan.brief.avg_order_usd
    return {
        "emv_usd": emv,
        "revenue_usd": float(revenue),
        "spend_usd": plan.spent_usd,
        "emv_to_revenue": emv / revenue if revenue > 0 else float("nan"),
    }


# --------------------------------------------------------------------------------------------------
# Self-assessment rubric
# --------------------------------------------------------------------------------------------------

#: Rubric levels, lowest first (a learner gives 1-4 or the level's name).
LEVELS: tuple[str, ...] = ("beginning", "developing", "proficient", "excellent")


@dataclass(frozen=True)
class Criterion:
    """One criterion of the rubric: what it asks and a descriptor per level (:data:`LEVELS`)."""

    key: str
    name: str
    question: str
    levels: tuple[str, str, str, str]


RUBRIC: tuple[Criterion, ...] = (
    Criterion(
        "goal",
        "Goal and KPIs",
        "Does every number the plan promises follow from one goal?",
        (
            "no goal, or KPIs that do not match it (e.g. reach for a sales goal)",
            "one goal and its main count, without a cost metric or target",
            "the goal's count and cost metric, each with a target range",
            "as proficient, plus an alarm level and a reason why this goal fits the brief",
        ),
    ),
    Criterion(
        "shortlist",
        "Shortlist",
        "Are the creators chosen for fit, audience quality and cost - not popularity?",
        (
            "chosen by followers or by name",
            "a scorecard, but weights not explained or audience quality not checked",
            "a weighted scorecard in the brand's niche; every slot filled; flags checked",
            "as proficient, plus reserves for the reply rate and a reason for every weight",
        ),
    ),
    Criterion(
        "budget",
        "Budget and allocation",
        "Does the money buy what the plan needs?",
        (
            "one number, no split",
            "a split across tiers, but money left idle or slots the niche cannot fill",
            "a split whose creators exist in the niche, with little money unspent",
            "as proficient, plus a contingency and the cost of finding creators counted",
        ),
    ),
    Criterion(
        "schedule",
        "Schedule",
        "Does outreach follow the brand's calendar without conflicts?",
        (
            "no dates",
            "dates for posts only, or conflicts left in",
            "contacts, briefings and posts around the launch; no conflict left",
            "as proficient, plus a workload check and a calendar file the team can import",
        ),
    ),
    Criterion(
        "forecast",
        "Forecast",
        "Is the forecast a range, with its assumptions stated?",
        (
            "no forecast, or a single number",
            "a median without a range",
            "a median and an 80% interval for every KPI",
            "as proficient, plus what would move the range and which data it rests on",
        ),
    ),
    Criterion(
        "measurement",
        "Measurement plan",
        "Will the team be able to tell afterwards whether it worked?",
        (
            "'we will look at the results'",
            "metrics named, without denominators or data sources",
            "metrics with formulas and denominators; codes + links; disclosure checks; EMV's limits",
            "as proficient, plus incrementality and a reporting date",
        ),
    ),
)


def rubric_table() -> pd.DataFrame:
    """The rubric: one row per criterion, its question and one column per level."""
    rows = {c.name: {"question": c.question, **dict(zip(LEVELS, c.levels, strict=True))} for c in RUBRIC}
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "criterion"
    return table


def plan_checks(plan: CampaignPlan) -> pd.DataFrame:
    """Automatic checks of a plan, each tied to a rubric criterion: columns ``criterion``, ``check``,
    ``passed`` (bool) and ``detail``. They are evidence for a self-assessment, not a grade."""
    b = plan.brief
    a = plan.allocation
    k = plan.kpis
    conflicts = plan.schedule.conflicts
    first_post = plan.posts["date"].min() if len(plan.posts) else None
    briefed = set(plan.schedule.contacts.loc[plan.schedule.contacts["kind"] == "briefing", "influencer_id"])
    signed_ids = set(plan.signed["influencer_id"])
    low_auth = plan.tracking["audience_authenticity"] < metrics.AUTHENTICITY_MIN
    finite = np.isfinite(k[["low", "median", "high"]].to_numpy(dtype=float))
    wide = bool(finite.all() and (k["high"] > k["low"]).all())
    unspent = plan.forecast["unspent_usd"]
    slots = int(a["slots"].sum())
    known, cold = _contact_split(plan.signed, slots)
    enough = len(plan.shortlist) >= plan.contact_target
    misfits = plan.signed[plan.signed["niche_fit"] < MIN_NICHE_FIT]
    local = int((plan.signed["city"].astype(str) == b.launch_city).sum())
    local_ok = bool(len(plan.signed)) and local >= MIN_LOCAL_SHARE * len(plan.signed)
    checks = [
        (
            "goal",
            "KPIs match the goal",
            list(k.index) == list(GOAL_METRICS[b.goal]),
            f"{b.goal}: {', '.join(k.index)}",
        ),
        (
            "forecast",
            "every KPI has an 80% interval",
            wide,
            "low < high for every KPI" if wide else "a KPI has no range",
        ),
        (
            "shortlist",
            "every slot filled from the niche",
            bool((a["filled"] >= a["slots"]).all()),
            f"{len(plan.signed)} of {int(a['slots'].sum())} slots filled in {b.niche}",
        ),
        (
            "shortlist",
            "enough names to contact for the reply rate",
            enough,
            f"{len(plan.shortlist)} names for {plan.contact_target} needed: {known} of the {slots} to sign "
            f"already work with {b.brand} (ask them directly); {cold} new names need first messages, and "
            f"only {plan.reply_rate:.0%} of personalised first messages get a reply"
            + ("" if enough else " - widen the search (lesson 05's routes) or plan fewer slots"),
        ),
        (
            "shortlist",
            f"every signed creator fits the niche (fit at least {MIN_NICHE_FIT:.1f})",
            misfits.empty,
            "all fit"
            if misfits.empty
            else ", ".join(
                f"@{h} {f:.3f}" for h, f in zip(misfits["handle"], misfits["niche_fit"], strict=True)
            )
            + f" below {MIN_NICHE_FIT:.1f}: swap for a reserve that fits, or screen by fit",
        ),
        (
            "shortlist",
            f"audiences where the launch is ({b.launch_city})",
            local_ok,
            f"{local} of {len(plan.signed)} signed creators are based in {b.launch_city}. The data has no "
            "audience-country split, so a creator's home city stands in for it: ask each creator for "
            "their audience's top countries (platform insights) before signing",
        ),
        (
            "shortlist",
            "every signed creator's audience at least 75% authentic",
            not bool(low_auth.any()),
            f"{int(low_auth.sum())} below 75%" if low_auth.any() else "all at or above 75%",
        ),
        (
            "budget",
            "at most 10% of the budget unspent",
            unspent <= 0.10 * b.budget_usd,
            f"USD {unspent:,.0f} unspent of USD {b.budget_usd:,.0f}",
        ),
        (
            "schedule",
            "no conflicts in the campaign window",
            conflicts.empty,
            "none"
            if conflicts.empty
            else "; ".join(f"{n} {kind}" for kind, n in conflicts["kind"].value_counts().items()),
        ),
        (
            "schedule",
            "first post on or after launch day",
            first_post is not None and _as_day(first_post) >= b.launch,
            f"first post {_as_day(first_post)}, launch {b.launch}" if first_post is not None else "no posts",
        ),
        (
            "schedule",
            "every signed creator briefed before launch",
            bool(signed_ids) and signed_ids <= briefed,
            f"{len(signed_ids & briefed)} of {len(signed_ids)} briefed",
        ),
        (
            "measurement",
            "a promo code and a tracked link per creator",
            len(plan.tracking) == len(plan.signed) and plan.tracking["promo_code"].is_unique,
            f"{len(plan.tracking)} codes and links",
        ),
    ]
    return pd.DataFrame(checks, columns=["criterion", "check", "passed", "detail"])


def _level_index(value: int | str) -> int:
    if isinstance(value, str):
        text = value.strip().lower()
        if text in LEVELS:
            return LEVELS.index(text) + 1
        raise ValueError(f"unknown level {value!r}: use 1-4 or one of {', '.join(LEVELS)}")
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or not 1 <= int(value) <= 4:
        raise ValueError(f"level {value!r} is not 1-4 (1 = beginning ... 4 = excellent)")
    return int(value)


def self_assessment(plan: CampaignPlan, levels: Mapping[str, int | str]) -> pd.DataFrame:
    """A learner's self-assessment next to the plan's automatic checks.

    ``levels`` maps a criterion key (``goal``, ``shortlist``, ``budget``, ``schedule``, ``forecast``,
    ``measurement``) to 1-4 or a level name. Columns ``level`` (1-4), ``descriptor`` (what that level
    means), ``checks passed`` ("2 of 3") and ``note`` (a nudge when a high level meets a failed check).
    Raises ``ValueError`` naming the problem for an unknown criterion or level; a criterion left out
    or left blank (``None``, ``____``) shows as not assessed.
    """
    keys = {c.key for c in RUBRIC}
    unknown = set(levels) - keys
    if unknown:
        raise ValueError(
            f"unknown criterion {sorted(unknown)}: criteria are {', '.join(c.key for c in RUBRIC)}"
        )
    checks = plan_checks(plan)
    rows = []
    for c in RUBRIC:
        mine = checks[checks["criterion"] == c.key]
        passed, total = int(mine["passed"].sum()), len(mine)
        failed = mine.loc[~mine["passed"], "check"].tolist()
        if c.key in levels and not is_blank(levels[c.key]):
            lvl = _level_index(levels[c.key])
            descriptor = c.levels[lvl - 1]
            note = (
                f"look again: {'; '.join(failed)}"
                if failed and lvl >= 3
                else ("consistent with the checks" if not failed else "the checks agree there is work to do")
            )
        else:
            lvl, descriptor, note = 0, "not assessed", ""
        rows.append(
            {
                "criterion": c.name,
                "level": lvl,
                "descriptor": descriptor,
                "checks passed": f"{passed} of {total}" if total else "-",
                "note": note,
            }
        )
    return pd.DataFrame(rows).set_index("criterion")


# --------------------------------------------------------------------------------------------------
# The learner's own plan: a draft with blanks, reviewed part by part
# --------------------------------------------------------------------------------------------------

#: The parts of a :class:`PlanDraft`, in the order a team decides them, with what each must say.
DRAFT_PARTS: dict[str, str] = {
    "goal": "the campaign's one goal: awareness, consideration or conversion",
    "kpis": "the goal's KPIs, by name (section 1's table)",
    "split_pct": "percent of the budget per tier (nano, micro, mid, macro, mega), adding to 100",
    "shortlist": "handles from the candidate table, each with your reason",
    "reply_rate": "the share (0-1) of first messages to new names you expect answered",
    "creative_brief": "a few sentences for the creators: what to show, what is up to them, disclosure",
    "contract": "the key terms: usage rights, disclosure, payment terms",
    "measurement": "how you will know it worked: attribution, and a holdout for what the campaign caused",
}
#: Contract terms a draft must fill in (lesson 08: disclosure is the law; the others avoid disputes).
REQUIRED_TERMS: dict[str, str] = {
    "usage rights": "where and for how long the brand may reuse the creator's content",
    "disclosure": "how every sponsored post is labelled (FTC Endorsement Guides)",
    "payment terms": "how much, when and on what condition the creator is paid",
}
#: Words that mark a disclosure in a brief (a word check: it cannot judge the sentence).
_DISCLOSURE_WORDS = re.compile(r"#ad\b|disclos|paid partnership|sponsored|advertis|\bad label", re.I)
#: Phrasings that impose the brand's business rules on a creator (lesson 07, exercise 07.q5), with
#: what each imposes. A word check: it catches common phrasings, not every one.
_BUSINESS_RULES: dict[str, str] = {
    r"word for word|verbatim|exact (caption|script|wording)|read (out )?(our|the) script": (
        "the brand's words in the creator's mouth"
    ),
    r"brand colou?rs|our studio|house style": "the brand's look instead of the creator's",
    r"post (only )?at \d|post at (exactly|precisely)|posting time": "the brand's posting routine",
    r"approv\w+ (chain|by (the )?(legal|marketing|every|all))|\d+[- ]day approval": (
        "the brand's internal approval chain"
    ),
    r"must not (change|edit)|no changes": "no room for the creator's own voice",
}
_HOLDOUT_WORDS = re.compile(r"hold[- ]?out|held[- ]out|control (group|area|region|cit)", re.I)


@dataclass
class PlanDraft:
    """The learner's plan, part by part (see :data:`DRAFT_PARTS`). Every part starts blank - ``None``,
    ``...``, an empty string or container, or the exercises' ``____`` - and a blank part is reviewed
    as "not filled in yet", never as an error.

    Attributes:
        goal: ``"awareness"``, ``"consideration"`` or ``"conversion"``.
        kpis: KPI names (:data:`KPI_SPECS`), e.g. ``["reach", "CPM"]``.
        split_pct: percent of the budget per tier (:data:`TIERS`), adding to 100.
        shortlist: handle (from :func:`candidate_table`) -> the reason you chose that creator.
        reply_rate: share (0-1) of first messages to creators new to the brand you expect answered.
        creative_brief: the brief for the creators, a few sentences.
        contract: key term -> what it says (:data:`REQUIRED_TERMS`).
        measurement: how you will measure, in a few sentences.
    """

    goal: Any = None
    kpis: Any = None
    split_pct: Any = None
    shortlist: Any = None
    reply_rate: Any = None
    creative_brief: Any = None
    contract: Any = None
    measurement: Any = None


@dataclass(frozen=True)
class Finding:
    """One piece of feedback on a draft: the ``part`` (:data:`DRAFT_PARTS`), a stable ``code``
    (``"<part>.<problem>"``, or ``"<part>.not_filled"``) and the ``message`` in words."""

    part: str
    code: str
    message: str

    @property
    def not_filled(self) -> bool:
        """True for "not filled in yet" feedback (a blank part), False for a problem."""
        return self.code.endswith(".not_filled")


@dataclass(frozen=True)
class DraftContext:
    """What a draft is checked against, from the data (build it with :func:`draft_context`).

    Attributes:
        brief: the :class:`Brief`.
        candidates: :func:`candidate_table` (one row per creator of the niche, indexed by handle).
        fee_usd: average past fee per tier of campaigns with the brief's goal, USD.
        reply_rates: share (0-1) of first messages answered, by template style (outreach table).
    """

    brief: Brief
    candidates: pd.DataFrame
    fee_usd: dict[str, float]
    reply_rates: dict[str, float]


def candidate_table(bench: Workbench, brief: Brief) -> pd.DataFrame:
    """The creators a learner picks from: every creator of the brief's niche with a track record
    (no screening), indexed by ``handle``, sorted by tier and then lesson 07's score (default weights):
    tier, platform, city, followers, engagement rate (percent), niche fit and audience authenticity
    (0-1), price per post (USD), score (0-1), flags and history with the brand."""
    ranked = bench.ranked(brief.niche, DEFAULT_WEIGHTS, None)
    history = bench.history_of(brief.brand).reindex(ranked.index).fillna("new to the brand").to_numpy()
    order = {t: i for i, t in enumerate(("below nano", *TIERS))}
    table = ranked.assign(
        history=history,
        platform=ranked["platform"].astype(str),
        city=ranked["city"].astype(str),
        _t=ranked["tier"].map(order),
    ).sort_values(["_t", "score"], ascending=[True, False], kind="stable")
    return table.drop(columns="_t").set_index("handle")


def draft_context(bench: Workbench, brief: Brief) -> DraftContext:
    """The :class:`DraftContext` for ``brief``: candidates, average fees per tier and reply rates."""
    fees = {t: h.mean_fee_usd for t, h in bench.histories(brief.goal).items() if t in TIERS}
    return DraftContext(brief, candidate_table(bench, brief), fees, dict(bench.reply_rates))


def is_blank(value: Any) -> bool:
    """True for a part not filled in yet: None, ``...``, the exercises' ``____``, blank text, or a
    container holding only blanks (``[____]``, ``{____: ____}``, ``{"nano": ____, ...}``)."""
    if value is None or value is Ellipsis or type(value).__name__ == "Blank":
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, Mapping):
        return all(is_blank(v) and (is_blank(k) or isinstance(k, str)) for k, v in value.items())
    if isinstance(value, list | tuple | set | frozenset):
        return all(is_blank(v) for v in value)
    return False


def _not_filled(part: str) -> Finding:
    return Finding(part, f"{part}.not_filled", f"not filled in yet: {DRAFT_PARTS[part]}")


def _slots(split: Mapping[str, float], budget_usd: float, fee_usd: Mapping[str, float]) -> dict[str, int]:
    """Creators each tier's share of the budget buys at the tier's average fee (lesson 05's planner)."""
    return {
        t: int((budget_usd * float(split.get(t, 0) or 0) / 100) // fee_usd[t]) if fee_usd.get(t) else 0
        for t in TIERS
    }


def review_draft(draft: PlanDraft, context: DraftContext) -> list[Finding]:
    """Specific feedback on a :class:`PlanDraft`, part by part (pure: reads only its arguments).

    A blank part gets one "not filled in yet" finding. A filled part is checked against the brief and
    the data: the goal against the brief; KPIs against the goal (:data:`GOAL_METRICS`); the split adds
    to 100 and the shortlist can absorb it (enough creators in each tier for the slots its money buys,
    none in a tier without money); the shortlist's handles exist, each has a reason, fits the niche
    (:data:`MIN_NICHE_FIT`), has an audience at least 75% authentic, enough are based in the launch city
    (:data:`MIN_LOCAL_SHARE`, the city proxy for audience geography) and the list is long enough for the
    reply rate (first messages only to creators new to the brand, :data:`KNOWN_TO_BRAND`); the assumed
    reply rate against the outreach table; the creative brief asks for disclosure and imposes no
    business rules; the contract has :data:`REQUIRED_TERMS`; the measurement plan keeps a holdout.
    Returns the findings in :data:`DRAFT_PARTS` order; an empty list means nothing to flag.
    """
    b, cands = context.brief, context.candidates
    out: list[Finding] = []
    add = out.append
    goal = None
    # goal
    if is_blank(draft.goal):
        add(_not_filled("goal"))
    elif str(draft.goal).strip().lower() not in GOAL_METRICS:
        add(
            Finding(
                "goal", "goal.unknown", f"{draft.goal!r} is not a goal: use one of {', '.join(GOAL_METRICS)}"
            )
        )
    else:
        goal = str(draft.goal).strip().lower()
        if goal != b.goal:
            add(
                Finding(
                    "goal",
                    "goal.not_the_brief",
                    f"the brief asks for {b.goal}, not {goal}: the client sets the goal",
                )
            )
    # KPIs
    if is_blank(draft.kpis):
        add(_not_filled("kpis"))
    else:
        items = draft.kpis if isinstance(draft.kpis, list | tuple | set | frozenset) else [draft.kpis]
        names = [str(k).strip() for k in items if not is_blank(k)]
        by_lower = {k.lower(): k for k in KPI_SPECS}
        unknown = [n for n in names if n.lower() not in by_lower]
        known = [by_lower[n.lower()] for n in names if n.lower() in by_lower]
        if unknown:
            add(
                Finding(
                    "kpis",
                    "kpis.unknown",
                    f"not KPIs of any goal here: {', '.join(unknown)} (followers, likes and "
                    f"EMV are not what a campaign is judged on); use names from {', '.join(KPI_SPECS)}",
                )
            )
        target = goal or b.goal
        wanted = GOAL_METRICS[target]
        foreign = [k for k in known if k not in wanted]
        count = wanted[0]
        costs = {"awareness": ["CPM"], "consideration": ["CPE", "CPC"], "conversion": ["CPA"]}[target]
        if foreign:
            add(
                Finding(
                    "kpis",
                    "kpis.other_goal",
                    f"{', '.join(foreign)} belong{'s' if len(foreign) == 1 else ''} to another "
                    f"goal: a {target} campaign is judged on {', '.join(wanted)}",
                )
            )
        if count not in known or not any(c in known for c in costs):
            missing = [
                m
                for m in ([count] if count not in known else [])
                + ([] if any(c in known for c in costs) else [" or ".join(costs)])
            ]
            add(
                Finding(
                    "kpis",
                    "kpis.incomplete",
                    f"a {target} goal needs its count and a cost metric: add {' and '.join(missing)}",
                )
            )
    # budget split
    slots: dict[str, int] | None = None
    if is_blank(draft.split_pct):
        add(_not_filled("split_pct"))
    elif not isinstance(draft.split_pct, Mapping):
        add(
            Finding(
                "split_pct",
                "split_pct.not_a_dict",
                'write the split as {"micro": 50, "mid": 50, ...}: percent per tier',
            )
        )
    else:
        values = {str(t): (0.0 if is_blank(v) else v) for t, v in draft.split_pct.items()}
        bad = [t for t in values if t not in TIERS]
        numeric = all(
            isinstance(v, int | float) and not isinstance(v, bool) and v >= 0 for v in values.values()
        )
        if bad or not numeric:
            add(
                Finding(
                    "split_pct",
                    "split_pct.unreadable",
                    f"tiers are {', '.join(TIERS)} and each share a percent of 0 or more"
                    + (f"; unknown: {', '.join(bad)}" if bad else ""),
                )
            )
        else:
            total = float(sum(values.values()))
            if abs(total - 100) > 0.5:
                word = "spends more than the budget" if total > 100 else "leaves money without a plan"
                add(
                    Finding(
                        "split_pct",
                        "split_pct.total",
                        f"the split adds to {total:g}%, not 100%: it {word}"
                        + (" (shares are percent: 50, not 0.5)" if total <= 1.5 else ""),
                    )
                )
            else:
                slots = _slots(values, b.budget_usd, context.fee_usd)
                idle = [t for t in TIERS if values.get(t, 0) > 0 and not slots[t]]
                for t in idle:
                    add(
                        Finding(
                            "split_pct",
                            "split_pct.idle",
                            f"{values[t]:g}% for {t} (${b.budget_usd * values[t] / 100:,.0f}) "
                            f"does not buy one {t} creator "
                            f"(average fee ${context.fee_usd.get(t, float('nan')):,.0f}): "
                            "move it or keep it as a contingency",
                        )
                    )
    # shortlist
    picks: pd.DataFrame | None = None
    if is_blank(draft.shortlist):
        add(_not_filled("shortlist"))
    elif not isinstance(draft.shortlist, Mapping | list | tuple | set | frozenset):
        add(
            Finding(
                "shortlist",
                "shortlist.not_a_dict",
                'write the shortlist as {"handle": "reason", ...}: one reason per creator',
            )
        )
    else:
        listed = draft.shortlist if isinstance(draft.shortlist, Mapping) else dict.fromkeys(draft.shortlist)
        handles = [str(h).strip().lstrip("@") for h in listed if not is_blank(h)]
        unknown = [h for h in handles if h not in cands.index]
        if unknown:
            add(
                Finding(
                    "shortlist",
                    "shortlist.unknown",
                    f"not in the candidate table: {', '.join('@' + h for h in unknown)} - copy "
                    "handles from it",
                )
            )
        no_reason = [
            str(h).strip().lstrip("@")
            for h, r in listed.items()
            if not is_blank(h) and (is_blank(r) or len(str(r).split()) < 3)
        ]
        if no_reason:
            add(
                Finding(
                    "shortlist",
                    "shortlist.no_reason",
                    "a reason (a few words on fit, audience or cost) is missing for "
                    + ", ".join("@" + h for h in no_reason),
                )
            )
        picks = cands.loc[[h for h in dict.fromkeys(handles) if h in cands.index]]
        misfits = picks[picks["niche_fit"] < MIN_NICHE_FIT]
        if len(misfits):
            add(
                Finding(
                    "shortlist",
                    "shortlist.niche_fit",
                    ", ".join(f"@{h} {f:.3f}" for h, f in misfits["niche_fit"].items())
                    + f": niche fit below {MIN_NICHE_FIT:.1f} - a poor fit converts less however "
                    "well it ranks; choose a creator who fits",
                )
            )
        doubtful = picks[picks["audience_authenticity"] < metrics.AUTHENTICITY_MIN]
        if len(doubtful):
            add(
                Finding(
                    "shortlist",
                    "shortlist.authenticity",
                    ", ".join(f"@{h} {a:.0%}" for h, a in doubtful["audience_authenticity"].items())
                    + f": audience less than {metrics.AUTHENTICITY_MIN:.0%} authentic (a fraud "
                    "signal, lesson 10)",
                )
            )
        if len(picks):
            local = int((picks["city"] == b.launch_city).sum())
            if local < MIN_LOCAL_SHARE * len(picks):
                add(
                    Finding(
                        "shortlist",
                        "shortlist.geography",
                        f"{local} of {len(picks)} creators {'is' if local == 1 else 'are'} based in "
                        f"{b.launch_city}, where "
                        f"the product launches (at least {MIN_LOCAL_SHARE:.0%} wanted). The "
                        "data has no audience-country split, so home city stands in: ask each "
                        "creator for their audience's top countries before signing",
                    )
                )
        if slots is not None and len(picks):
            have = picks["tier"].value_counts()
            short = [t for t in TIERS if slots[t] > int(have.get(t, 0))]
            for t in short:
                add(
                    Finding(
                        "shortlist",
                        "shortlist.cannot_absorb",
                        f"the {t} money buys {slots[t]} creators at the average fee "
                        f"(${context.fee_usd[t]:,.0f}) "
                        f"but the shortlist has {int(have.get(t, 0))} {t} creators: the budget "
                        f"cannot be spent - add {t} creators or move the money",
                    )
                )
            unpaid = sorted(set(picks["tier"]) - {t for t in TIERS if slots[t]})
            if unpaid:
                add(
                    Finding(
                        "shortlist",
                        "shortlist.no_money",
                        f"no money buys a {' or '.join(unpaid)} creator in your split: "
                        + ", ".join(f"@{h}" for h in picks.index[picks["tier"].isin(unpaid)])
                        + " cannot be paid",
                    )
                )
            total = sum(slots.values())
            reply = context.reply_rates.get("personalised", float("nan"))
            known_by_tier = picks[picks["history"].isin(KNOWN_TO_BRAND)]["tier"].value_counts()
            known = sum(min(slots[t], int(known_by_tier.get(t, 0))) for t in TIERS)
            cold = max(total - known, 0)
            needed = known + (math.ceil(cold / reply) if reply > 0 else cold)
            if len(picks) < needed:
                add(
                    Finding(
                        "shortlist",
                        "shortlist.too_short",
                        f"{len(picks)} names for about {needed} needed: {known} of the {total} "
                        f"to sign already work with {b.brand} (ask them directly); {cold} new "
                        f"names need first messages, and only {reply:.0%} of personalised first "
                        "messages get a reply - add names",
                    )
                )
    # reply rate
    rates = context.reply_rates
    if is_blank(draft.reply_rate):
        add(_not_filled("reply_rate"))
    elif (
        not isinstance(draft.reply_rate, int | float)
        or isinstance(draft.reply_rate, bool)
        or not 0 < draft.reply_rate <= 1
    ):
        add(
            Finding(
                "reply_rate",
                "reply_rate.unreadable",
                f"{draft.reply_rate!r} is not a share between 0 and 1 (write 0.25 for 25%)",
            )
        )
    elif draft.reply_rate > rates.get("personalised", 1) + 0.05:
        add(
            Finding(
                "reply_rate",
                "reply_rate.optimistic",
                f"{draft.reply_rate:.0%} is more than the outreach table shows: "
                f"{rates.get('personalised', float('nan')):.0%} "
                f"of personalised and {rates.get('generic', float('nan')):.0%} of generic first "
                "messages got a reply. Plan with the measured rate, and ask partners directly",
            )
        )
    # creative brief
    if is_blank(draft.creative_brief):
        add(_not_filled("creative_brief"))
    else:
        text = str(draft.creative_brief)
        if not _DISCLOSURE_WORDS.search(text):
            add(
                Finding(
                    "creative_brief",
                    "creative_brief.no_disclosure",
                    "the brief does not ask for disclosure: say how every sponsored post is "
                    "labelled (e.g. #ad or the platform's paid-partnership label)",
                )
            )
        rules = [why for pattern, why in _BUSINESS_RULES.items() if re.search(pattern, text, re.I)]
        if rules:
            add(
                Finding(
                    "creative_brief",
                    "creative_brief.business_rules",
                    "the brief imposes the brand's business rules: "
                    + "; ".join(rules)
                    + ". The audience follows the creator's voice: turn each into a question for them",
                )
            )
    # contract
    if is_blank(draft.contract):
        add(_not_filled("contract"))
    elif not isinstance(draft.contract, Mapping):
        add(
            Finding(
                "contract",
                "contract.not_a_dict",
                'write the terms as {"usage rights": "...", "disclosure": "...", "payment terms": "..."}',
            )
        )
    else:
        filled = {
            str(k).strip().lower().replace("_", " ")
            for k, v in draft.contract.items()
            if not is_blank(k) and not is_blank(v)
        }
        missing = [t for t in REQUIRED_TERMS if t not in filled]
        if missing:
            add(
                Finding(
                    "contract",
                    "contract.missing_terms",
                    "missing: " + "; ".join(f"{t} ({REQUIRED_TERMS[t]})" for t in missing),
                )
            )
    # measurement
    if is_blank(draft.measurement):
        add(_not_filled("measurement"))
    elif not _HOLDOUT_WORDS.search(str(draft.measurement)):
        add(
            Finding(
                "measurement",
                "measurement.no_holdout",
                "no holdout: codes and links count only the sales you can see, and some would "
                "have happened anyway. Draw a few comparable areas by lot before the launch, "
                "keep creators out of them, and compare sales per 1,000 people",
            )
        )
    return out


def findings_table(findings: list[Finding]) -> pd.DataFrame:
    """Findings for display: one row each (part, feedback), or one row saying nothing is flagged."""
    if not findings:
        return pd.DataFrame(
            {"part": ["all"], "feedback": ["nothing flagged - compare with the model answer"]}
        )
    return pd.DataFrame({"part": [f.part for f in findings], "feedback": [f.message for f in findings]})


def model_draft(plan: CampaignPlan, context: DraftContext) -> PlanDraft:
    """The worked plan (:func:`build_plan`) written as a :class:`PlanDraft`: the model answer, with
    its honest weaknesses (the review flags what :func:`plan_checks` fails)."""
    b = plan.brief
    cands = context.candidates
    reasons = {}
    for h in plan.shortlist["handle"]:
        row = cands.loc[h]
        reasons[str(h)] = (
            f"score {row['score']:.2f}, fit {row['niche_fit']:.2f}, "
            f"{row['audience_authenticity']:.0%} authentic, {row['history']}"
        )
    return PlanDraft(
        goal=b.goal,
        kpis=list(GOAL_METRICS[b.goal]),
        split_pct={t: float(v) for t, v in plan.split_pct.items()},
        shortlist=reasons,
        reply_rate=round(plan.reply_rate, 2),
        creative_brief=(
            f"{b.product} launches in {b.launch_city} on {b.launch}. Show how it fits your own training, "
            "in your own words and setting; the format and the day within the launch week are yours. "
            "Nothing before launch day (embargo). Disclose every post: #ad and the platform's "
            "paid-partnership label. No health claims."
        ),
        contract={
            "deliverables": f"{POSTS_PER_CREATOR} posts, the first on or after launch day",
            "usage rights": "the brand may reshare the posts on its own accounts for 6 months, no paid ads",
            "disclosure": "#ad and the paid-partnership label on every post; posts checked on the day",
            "payment terms": "the agreed fee, half on signing and half within 30 days of the last post",
        },
        measurement=(
            f"{', '.join(GOAL_METRICS[b.goal])} from one promo code and one tracked link per creator "
            "(each order once). Holdout: before the launch, draw comparable areas by lot where no creator "
            "promotes the product; compare sales per 1,000 people over the same weeks. Report "
            f"{FOLLOW_UP_DAYS // 7} weeks after launch."
        ),
    )


# --------------------------------------------------------------------------------------------------
# Export: Markdown summary, CSV shortlist, .ics schedule - into a new folder
# --------------------------------------------------------------------------------------------------


def markdown_table(table: pd.DataFrame, floatfmt: str = "{:,.2f}", index: bool = True) -> str:
    """A DataFrame as a GitHub-flavoured Markdown table (no extra dependency); ``|`` in cells is escaped."""

    def cell(value: Any) -> str:
        if isinstance(value, float | np.floating):
            text = floatfmt.format(value) if np.isfinite(value) else "n/a"
        else:
            text = str(value)
        return text.replace("|", "\\|").replace("\n", " ")

    columns = ([table.index.name or ""] if index else []) + [str(c) for c in table.columns]
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for label, *row in table.itertuples(name=None):  # itertuples keeps each column's type
        values = ([cell(label)] if index else []) + [cell(v) for v in row]
        lines.append("| " + " | ".join(values) + " |")
    return "\n".join(lines)


def shortlist_csv(plan: CampaignPlan) -> str:
    """The shortlist (signed + reserves) with each signed creator's promo code and tracked link, as CSV
    text (``\\n`` line ends); text cells a spreadsheet would run as a formula are neutralised
    (:func:`helpers.safe_files.csv_safe`)."""
    table = plan.shortlist.join(plan.tracking[["promo_code", "tracked_link"]])
    buf = io.StringIO()
    csv_safe(table).to_csv(buf, lineterminator="\n", float_format="%.4g")
    return buf.getvalue()


def plan_markdown(plan: CampaignPlan, levels: Mapping[str, int | str] | None = None) -> str:
    """The whole plan as a Markdown document (deterministic: no timestamps). ``levels`` adds the
    learner's self-assessment."""
    b = plan.brief
    kpis = kpi_display(plan.kpis)
    alloc = plan.allocation[
        ["share_pct", "budget_usd", "slots", "avg_fee_usd", "filled", "spend_usd", "pool"]
    ]
    signed = plan.signed[
        ["tier", "handle", "platform", "followers", "niche_fit", "audience_authenticity", "history"]
    ]
    tracking = plan.tracking[["handle", "promo_code", "flags", "past_disclosed_pct"]]
    numbers = plan.numbers()
    conflicts = plan.schedule.conflicts
    key_dates = [f"- {b.planning_start}: planning starts; first personalised messages go out"]
    if b.embargo_start is not None:
        key_dates.append(f"- {b.embargo_start} to {b.embargo_end}: embargo (briefings allowed, no posts)")
    key_dates.append(f"- {b.launch}: launch in {b.launch_city}; executive email to every creator")
    key_dates += [f"- {d}: {t} ({c})" for d, t, c in b.pr_events]
    if len(plan.posts):
        key_dates.append(
            f"- {_as_day(plan.posts['date'].min())} to {_as_day(plan.posts['date'].max())}: posts"
        )
    key_dates.append(f"- {b.window_end}: final report")
    parts = [
        f"# Campaign plan: {b.brand} - {b.product}",
        "",
        "*Built with the open influencer-marketing course (lesson 11). All creators, prices and results "
        "are SYNTHETIC course data: use the method, not the numbers.*",
        "",
        "## Brief",
        b.text(),
        "",
        markdown_table(b.table()),
        "",
        "## Goal and KPIs",
        f"Goal: **{b.goal}**. KPIs with the forecast's 80% interval (creator fees only):",
        "",
        markdown_table(kpis),
        "",
        "## Budget allocation",
        f"Split: {', '.join(f'{t} {v:g}%' for t, v in plan.split_pct.items() if v)}. "
        f"Spend USD {plan.spent_usd:,.0f} of USD {b.budget_usd:,.0f}.",
        "",
        markdown_table(alloc, floatfmt="{:,.0f}"),
        "",
        "## Shortlist",
        f"Scorecard weights: {', '.join(f'{k} {v:g}' for k, v in plan.weights.items())}. "
        f"{len(plan.signed)} creators to sign, {int(numbers['reserves'])} reserves; at a "
        f"{plan.reply_rate:.0%} reply rate, contact about {plan.contact_target}.",
        "",
        markdown_table(signed),
        "",
        "## Schedule",
        f"Cadence: {plan.cadence}. {numbers['touchpoints']:,.0f} contacts, {numbers['posts']:,.0f} posts, "
        f"about {numbers['staff_hours']:,.0f} staff hours (a course assumption) in the window.",
        "",
        *key_dates,
        "",
        (
            "No conflicts."
            if conflicts.empty
            else markdown_table(
                conflicts[["date", "kind", "who", "fix"]].assign(date=lambda t: t["date"].astype(str)),
                index=False,
            )
        ),
        "",
        "## Forecast",
        _forecast_sentence(plan),
        "",
        "## Measurement plan",
        markdown_table(measurement_plan(plan), index=False),
        "",
        "### Tracking per creator",
        markdown_table(tracking, floatfmt="{:,.0f}", index=False),
        "",
        "## Self-check",
        markdown_table(plan_checks(plan), index=False),
    ]
    if levels is not None:
        parts += ["", "## Self-assessment", markdown_table(self_assessment(plan, levels))]
    if plan.notes:
        parts += ["", "## Notes", *[f"- {n}" for n in plan.notes]]
    return "\n".join(parts) + "\n"


def _forecast_sentence(plan: CampaignPlan) -> str:
    kpi, f = main_kpi(plan.brief.goal), plan.forecast
    low, mid, high = (plots.human_number(f[f"{kpi}_{p}"]) for p in ("p10", "p50", "p90"))
    return (
        f"{kpi}: median {mid}, 80% interval {low}-{high}: past campaigns with the same goal and tiers, "
        f"one per signed creator, replayed {N_SIMS} times (lesson 05's planner). A planning range, not a "
        "promise."
    )


@dataclass(frozen=True)
class ExportedPlan:
    """Where an export went: the new ``folder`` and its ``files`` by kind (markdown, shortlist,
    calendar, schedule_csv)."""

    folder: Path
    files: dict[str, Path]

    def names(self) -> list[str]:
        """The file names written, in order."""
        return [p.name for p in self.files.values()]


def new_subfolder(parent: Path | str, stem: str) -> Path:
    """Create and return a folder ``parent/stem`` that did not exist before - or ``stem-2``,
    ``stem-3``...: never an existing folder (created atomically with ``mkdir``). ``stem`` must be a
    plain name (``ValueError`` otherwise: no folder part, no ``..``, not absolute)."""
    plain_stem(stem, "folder name")
    parent = Path(parent)
    parent.mkdir(parents=True, exist_ok=True)
    for n in range(1, 10_000):
        folder = parent / (stem if n == 1 else f"{stem}-{n}")
        try:
            folder.mkdir()
        except FileExistsError:
            continue
        return folder
    raise RuntimeError(f"no free folder name for {stem!r} in {parent}")  # pragma: no cover


def export_plan(
    plan: CampaignPlan, folder: Path | str | None = None, levels: Mapping[str, int | str] | None = None
) -> ExportedPlan:
    """Write the plan into a NEW subfolder of ``folder`` (default :func:`helpers.paths.output_dir`):
    ``plan.md`` (:func:`plan_markdown`), ``shortlist.csv`` (:func:`shortlist_csv`), ``schedule.ics``
    (RFC 5545, :func:`helpers.analysis.schedule.to_ics`) and ``schedule.csv``. Never overwrites: the
    subfolder is new, and each file appears under its name only once completely written
    (:func:`helpers.safe_files.write_new`); if a write fails, the files written so far and the new
    subfolder are removed again, and the ``OSError`` is raised."""
    parent = Path(folder) if folder is not None else paths.output_dir()
    target = new_subfolder(parent, f"{_slug(plan.brief.brand)}-{_slug(plan.brief.product)}-plan")
    name = f"{plan.brief.brand} - {plan.brief.product} campaign"
    contents = {
        "markdown": ("plan.md", plan_markdown(plan, levels)),
        "shortlist": ("shortlist.csv", shortlist_csv(plan)),
        "calendar": ("schedule.ics", schedule.to_ics(plan.schedule, calendar_name=name)),
        "schedule_csv": ("schedule.csv", schedule.to_csv(plan.schedule)),
    }
    files: dict[str, Path] = {}
    try:
        for kind, (filename, text) in contents.items():
            files[kind] = write_new(target / filename, text.encode("utf-8"))
    except BaseException:
        for path in files.values():  # no half plan: this export's own new folder goes again
            path.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            target.rmdir()
        raise
    return ExportedPlan(target, files)


# --------------------------------------------------------------------------------------------------
# Figures
# --------------------------------------------------------------------------------------------------


def draw_forecast(ax: Axes, plan: CampaignPlan, *, plain: bool = False) -> Axes:
    """Median of the goal's main count per tier, with the 80% interval (lesson 05's bars).

    ``plain=True`` (the lab) switches the axis machinery off - the medians are written on the bars and
    the tiers under them as plain text - for faster redraws."""
    kpi = main_kpi(plan.brief.goal)
    table = plan.forecast_table
    label = f"{kpi} (median)"
    plots.bar_groups(
        ax,
        [str(t) for t in table.index],
        {label: table[f"{kpi}_p50"].to_numpy(dtype=float)},
        errors={
            label: (table[f"{kpi}_p10"].to_numpy(dtype=float), table[f"{kpi}_p90"].to_numpy(dtype=float))
        },
        ylabel=f"{kpi} (bars: 80% interval)",
        value_format="{:,.0f}",
    )
    ax.yaxis.set_major_formatter(plots.HUMAN)
    if plain:
        _plain_bars(ax, [str(t) for t in table.index])
        # no y axis here: each bar says its median and its 80% interval in words
        labels = ax._course_bars.labels[0]  # type: ignore[attr-defined]
        for text, tier in zip(labels, table.index, strict=True):
            row = table.loc[tier]
            text.set_text(f"{row[f'{kpi}_p50']:,.0f}\n({row[f'{kpi}_p10']:,.0f}-{row[f'{kpi}_p90']:,.0f})")
    f = plan.forecast
    plots.set_title(
        ax,
        f"{plots.human_number(f[kpi + '_p50'])} {kpi} expected "
        f"({plots.human_number(f[kpi + '_p10'])}-{plots.human_number(f[kpi + '_p90'])})",
        f"${plan.spent_usd:,.0f} in fees; per tier: median (80% interval); synthetic replay"
        if plain  # the lab: no y axis, and the panel beside it starts where this line must end
        else f"${plan.spent_usd:,.0f} in fees; synthetic past {plan.brief.goal} campaigns replayed",
    )
    return ax


def _plain_bars(ax: Axes, categories: list[str]) -> None:
    """Category names under the bars and a baseline as plain artists (created once per bar layout);
    the axes themselves are switched off."""
    from matplotlib.transforms import blended_transform_factory

    names = getattr(ax, "_capstone_names", None)
    if not (names and all(t in ax.texts for t in names) and [t.get_text() for t in names] == categories):
        under = blended_transform_factory(ax.transData, ax.transAxes)
        bars = ax.patches[: len(categories)]
        names = [
            ax.text(b.get_x() + b.get_width() / 2, -0.02, c, transform=under, ha="center", va="top",
                    fontsize=plots.BASE_FONT_PT - 1)
            for b, c in zip(bars, categories, strict=True)
        ]  # fmt: skip
        ax.axhline(0, color="#333333", linewidth=0.8)
        ax._capstone_names = names  # type: ignore[attr-defined]
    ax.set_axis_off()


#: What the timeline's markers mean (for a caption or a lab's key).
TIMELINE_KEY = (
    "▲ launch, ◆ PR event, ■ trade show (brand calendar) · | campaign post · ▼ briefing · "
    "● call, ⬢ newsletter · ★ executive email · ▶ executive trip · ✖ conflict · shaded: embargo"
)
#: Rows of the campaign timeline, top to bottom.
TIMELINE_ROWS: tuple[tuple[str, str], ...] = (
    ("calendar", "brand calendar"),
    ("posts", "campaign posts"),
    ("briefing", "briefings"),
    ("regular", "calls / newsletters"),
    ("exec_email", "executive email"),
    ("trip", "executive trips"),
    ("conflict", "conflicts"),
)


_TIMELINE_STYLES: dict[str, tuple[str, str, str, float]] = {
    "product_launch": ("calendar", "^", plots.PALETTE[7], 11),
    "pr_event": ("calendar", "D", plots.PALETTE[4], 8),
    "trade_show": ("calendar", "s", plots.PALETTE[5], 8),
    "post": ("posts", "|", plots.PALETTE[0], 14),
    "briefing": ("briefing", "v", plots.PALETTE[2], 9),
    "call": ("regular", "o", plots.PALETTE[1], 7),
    "newsletter": ("regular", "h", plots.PALETTE[1], 8),  # not the trade show's square
    "exec_email": ("exec_email", "*", plots.PALETTE[7], 13),
    "trip": ("trip", ">", plots.PALETTE[3], 9),
}
_ROW_Y: dict[str, int] = {key: len(TIMELINE_ROWS) - 1 - i for i, (key, _) in enumerate(TIMELINE_ROWS)}


@dataclass
class _TimelineArtists:
    """The timeline's artists, created once per Axes and moved on every redraw (fast lab updates)."""

    embargo: Any
    points: dict[str, Any]
    conflicts: Any


def _timeline_artists(ax: Axes) -> _TimelineArtists:
    """Build the timeline once: the axis machinery is switched off (the slowest part of a redraw) and
    the row names, day labels and guide lines are plain artists that never change."""
    from matplotlib.collections import PolyCollection
    from matplotlib.transforms import blended_transform_factory

    plots.reset_axes(ax)
    ax.set_axis_off()
    ax.set_ylim(-0.6, len(TIMELINE_ROWS) - 0.4)
    ax.set_xlim(-LEAD_DAYS - 3, FOLLOW_UP_DAYS + 3)  # room for half a marker on the first and last days
    rows_x = blended_transform_factory(ax.transAxes, ax.transData)
    days_y = blended_transform_factory(ax.transData, ax.transAxes)
    size = plots.BASE_FONT_PT - 1
    for key, label in TIMELINE_ROWS:
        ax.text(-0.01, _ROW_Y[key], label, transform=rows_x, ha="right", va="center", fontsize=size)
    left, right = -LEAD_DAYS - 1, FOLLOW_UP_DAYS + 1
    ax.hlines([_ROW_Y[k] for k, _ in TIMELINE_ROWS], left, right, colors="#DDDDDD", linewidth=0.8, zorder=0)
    ticks = np.arange(-(LEAD_DAYS // 28) * 28, FOLLOW_UP_DAYS + 1, 28)
    ax.vlines(ticks, -0.6, len(TIMELINE_ROWS) - 0.4, colors="#EEEEEE", linewidth=0.8, zorder=0)
    for day in ticks:
        label = "launch" if day == 0 else f"{day:+d}"
        ax.text(day, -0.02, label, transform=days_y, ha="center", va="top", fontsize=size)
    ax.text(
        0.5,
        -0.1,
        "days from launch (shaded = embargo)",
        transform=ax.transAxes,
        ha="center",
        va="top",
        fontsize=plots.BASE_FONT_PT,
    )
    ax.hlines(-0.6, left, right, colors="#333333", linewidth=0.8)
    embargo = PolyCollection([], facecolors="#BBBBBB", alpha=0.35, hatch="//", edgecolors="none", zorder=0)
    ax.add_collection(embargo)
    ax.axvline(0, color=plots.PALETTE[7], linewidth=1.5, zorder=1)
    points = {}
    for kind, (_row, marker, colour, size) in _TIMELINE_STYLES.items():
        (points[kind],) = ax.plot(
            [],
            [],
            linestyle="none",
            marker=marker,
            color=colour,
            markersize=size,
            markeredgewidth=1.6 if marker == "|" else 0.5,
            markeredgecolor=colour if marker == "|" else "#333333",
            zorder=3,
        )
    (conflicts,) = ax.plot(
        [],
        [],
        linestyle="none",
        marker="X",
        markersize=12,
        color=plots.PALETTE[3],
        markeredgecolor="black",
        zorder=5,
    )
    artists = _TimelineArtists(embargo, points, conflicts)
    ax._capstone_timeline = artists  # type: ignore[attr-defined]
    return artists


def draw_timeline(ax: Axes, plan: CampaignPlan) -> Axes:
    """The campaign window on one axis, in days from launch: the embargo (shaded), launch, PR events
    and trade shows, posts, briefings, regular contacts, the executive email, trips and conflicts
    (crosses). Called again on the same Axes, it moves its artists instead of redrawing them."""
    artists: _TimelineArtists | None = getattr(ax, "_capstone_timeline", None)
    if artists is None or artists.conflicts not in ax.lines:
        artists = _timeline_artists(ax)
    b = plan.brief
    e = plan.schedule.entries
    day = (e["start"].to_numpy("datetime64[D]") - b.launch).astype("int64")
    end = (e["end"].to_numpy("datetime64[D]") - b.launch).astype("int64")
    kind = e["kind"].to_numpy(dtype=object)
    emb = kind == "embargo"
    top, bottom = len(TIMELINE_ROWS) - 0.4, -0.6
    artists.embargo.set_verts(
        [
            [(a - 0.5, bottom), (a - 0.5, top), (z + 0.5, top), (z + 0.5, bottom)]
            for a, z in zip(day[emb], end[emb], strict=True)
        ]
    )
    for k, (row, *_style) in _TIMELINE_STYLES.items():
        xs = np.unique(day[kind == k])
        artists.points[k].set_data(xs, np.full(xs.size, _ROW_Y[row]))
    cdays = np.unique((plan.schedule.conflicts["date"].to_numpy("datetime64[D]") - b.launch).astype("int64"))
    artists.conflicts.set_data(cdays, np.full(cdays.size, _ROW_Y["conflict"]))
    n = len(plan.schedule.conflicts)
    plots.set_title(
        ax,
        f"{n} conflict{'s' if n != 1 else ''} to fix before export"
        if n
        else "No schedule conflicts (the other self-checks still apply)",
        f"{b.brand}, {b.planning_start} to {b.window_end}; synthetic calendar",
    )
    return ax


def track_record(bench: Workbench, plan: CampaignPlan) -> pd.DataFrame:
    """The signed creators' past record next to the same number of most-followed creators of the niche
    (unscreened: the popularity trap of lesson 07). One row each: ``creators``, ``conversions_per_1k_usd``
    (their past campaigns' conversions per $1,000 of fees, pooled), ``median_followers``,
    ``median_niche_fit`` (0-1) and ``median_authenticity`` (share 0-1)."""
    pool = bench.candidates[bench.candidates["niche"].astype(str) == plan.brief.niche]
    n = len(plan.signed)
    groups = {
        "your shortlist": pool.loc[pool.index.intersection(plan.signed["influencer_id"])],
        f"the {n} most-followed": pool.sort_values(["followers"], ascending=False, kind="stable").head(n),
    }
    rows = {}
    for name, g in groups.items():
        rows[name] = {
            "creators": len(g),
            "conversions_per_1k_usd": 1000
            * float(
                metrics.conversions_per_dollar(
                    float(g["past_conversions"].sum()), float(g["past_fees_usd"].sum())
                )
            ),
            "median_followers": float(g["followers"].median()),
            "median_niche_fit": float(g["niche_fit"].median()),
            "median_authenticity": float(g["audience_authenticity"].median()),
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "creators chosen by"
    return table


def draw_emv_check(ax: Axes, plan: CampaignPlan, cpm_rates_usd: Mapping[str, float]) -> Axes:
    """Bars: the fees, the median forecast revenue, and EMV at each reference CPM (USD per 1,000
    impressions) in ``cpm_rates_usd`` (label -> rate). The title states how far EMV is from revenue."""
    checks = {label: emv_check(plan, rate) for label, rate in cpm_rates_usd.items()}
    first = next(iter(checks.values()))
    labels = ["fees", "forecast revenue", *[f"EMV at {k}" for k in checks]]
    values = [first["spend_usd"], first["revenue_usd"], *[c["emv_usd"] for c in checks.values()]]
    plots.bar_groups(ax, labels, {"USD": values}, value_format="${:,.0f}", ylabel="USD (median forecast)")
    for bar in ax.patches[2 : len(labels)]:  # EMV bars look different: they are not money
        bar.set_facecolor(plots.PALETTE[1])
        bar.set_hatch(plots.HATCHES[1])
    ax.yaxis.set_major_formatter(plots.USD)
    low, high = min(c["emv_usd"] for c in checks.values()), max(c["emv_usd"] for c in checks.values())
    revenue = first["revenue_usd"]
    plots.set_title(
        ax,
        f"EMV would report {plots.usd(low)}-{plots.usd(high)}; the forecast revenue is {plots.usd(revenue)}",
        "EMV = impressions / 1,000 x a reference CPM: a price on attention, not money; synthetic forecast",
    )
    return ax


def show_markdown(text: str) -> Any:
    """Display Markdown text (e.g. :func:`plan_markdown`) rendered in a notebook."""
    from IPython.display import Markdown

    return Markdown(text)
