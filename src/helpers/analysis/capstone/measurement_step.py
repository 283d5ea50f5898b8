"""Step 6, the measurement plan: each KPI with its formula, denominator, target range and data source, the
tracking, audience and disclosure checks, and the EMV check (:func:`measurement_plan`, :func:`emv_check`).
"""

from __future__ import annotations

import pandas as pd

from ... import metrics
from .kpis import KPI_SPECS, _fmt_value
from .plan import CampaignPlan


def kpi_rows(plan: CampaignPlan) -> list[dict[str, str]]:
    """One measurement-plan row per KPI of the plan: formula, denominator, data source, and the target
    (median, 80% range) with its alarm level at the pessimistic end of the range."""
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
    return rows


#: The rules every campaign report needs beyond attribution, as measurement-plan rows (lessons 09-10).
REPORT_RULES: tuple[dict[str, str], ...] = (
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
)


def rule_rows(n: int) -> list[dict[str, str]]:
    """The rules every campaign report needs, for ``n`` signed creators: attribution, then
    :data:`REPORT_RULES` (engagement rate, audience quality, disclosure, return, EMV, incrementality)."""
    return [
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
        *REPORT_RULES,
    ]


def measurement_plan(plan: CampaignPlan) -> pd.DataFrame:
    """What will be measured, how, on which denominator, from which data, against which target.

    One row per KPI of the goal (target = the forecast's 80% interval, "floor" = its pessimistic end),
    then the rules every campaign report needs: attribution, engagement rate, audience quality,
    disclosure, return, EMV and incrementality. Columns ``what``, ``how``, ``denominator``,
    ``data``, ``target or rule``.
    """
    return pd.DataFrame(kpi_rows(plan) + rule_rows(len(plan.signed)))


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
