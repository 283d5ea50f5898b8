"""The plan: :class:`CampaignPlan` holds every step's result, and :func:`build_plan` runs the steps in order
(brief, KPIs, allocation, shortlist, schedule, tracking).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from ... import metrics, plots
from .. import schedule
from .allocation import split_table
from .brief import Brief
from .kpis import kpi_table, main_kpi
from .schedule_step import bench_schedule, draft_posts
from .settings import DEFAULT_CADENCE, DEFAULT_SPLIT, DEFAULT_WEIGHTS, POSTS_PER_CREATOR, PlanError
from .shortlist import _select
from .workbench import Workbench


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
