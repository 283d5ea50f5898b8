"""Step 2, goal -> KPIs: which metrics judge each goal (:data:`GOAL_METRICS`), how each is computed and what a
good range is (:data:`KPI_SPECS`), and the KPI table a plan shows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd


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
