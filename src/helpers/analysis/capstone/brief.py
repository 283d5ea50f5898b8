"""Step 1, the brief: a brand from the (synthetic) data, its home niche, a goal, a budget and a launch from
the brand's calendar (:class:`Brief`, :func:`brand_niche`, :func:`launch_options`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .. import schedule
from .settings import _DAY, FOLLOW_UP_DAYS, LEAD_DAYS, PlanError


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
