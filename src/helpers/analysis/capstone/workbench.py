"""The workbench: the course tables loaded once, and everything computed once from them (ranked candidates per
niche, tier histories, schedules), shared by every plan (:class:`Workbench`, :func:`prepare`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ... import data, metrics
from .. import measurement, schedule, scoring
from ..budget import (
    BudgetForecast,
    BudgetInputError,
    TierHistory,
    forecast_split,
    tier_histories,
)
from ..planning import GOALS
from ..scoring import ScorecardInputError, score_candidates
from .brief import Brief, _as_day, brand_niche, launch_options
from .settings import (
    _DAY,
    DEFAULT_BRAND,
    DEFAULT_BUDGET_USD,
    DEFAULT_GOAL,
    FOLLOW_UP_DAYS,
    LEAD_DAYS,
    PlanError,
)

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
