"""Deal lab: choose a pay model, fee, commission and creator tier; see who carries the risk.

One post's sales are uncertain. The lab draws them from the bundled (synthetic) past campaigns of
creators of the chosen platform and tier, and shows for every pay model - gifting, flat fee,
affiliate, hybrid - the spread of the creator's earnings and of the brand's cost per sale over the
same seeded draws, and the sales level above which affiliate pays the creator more than the flat fee.
The pure update function is :func:`deal_lab_update`; the arithmetic is in
:mod:`helpers.analysis.deals`.
"""

from __future__ import annotations

import math
from typing import Any, ClassVar

import ipywidgets as w
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from .. import plots
from ..analysis import deals
from ..tables import Column
from .base import Lab, LabInputError, LabResult, dropdown, register
from .measure import few_ticks, two_panels

#: Fewest past campaigns a platform and tier needs before the lab draws outcomes from them.
MIN_CAMPAIGNS = 5
#: Fee stops of the slider, USD per post (the cited ranges run from $5 to $20,000 and up).
FEE_STOPS: tuple[int, ...] = (0, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 20_000, 50_000)
#: How each platform is written in a sentence.
PLATFORM_NAMES = {"instagram": "Instagram", "tiktok": "TikTok", "youtube": "YouTube"}
#: Order-value stops, USD: the revenue one sale brings the brand.
ORDER_VALUE_STOPS: tuple[int, ...] = (10, 25, 50, 100, 250, 500)


def _dollars(value: float) -> str:
    return f"${value:,.0f}"


def _cents(value: float) -> str:
    return f"${value:,.2f}"


def creator_phrase(row: pd.Series) -> str:
    """What the creator earns, whole dollars: "a median $55 per post (80% of outcomes $10 to $220)",
    or "$500 per post in every outcome" when the 80% interval has no width."""
    p10, p50, p90 = row["creator_p10"], row["creator_p50"], row["creator_p90"]
    if p10 == p90:
        return f"{_dollars(p50)} per post in every outcome"
    return f"a median {_dollars(p50)} per post (80% of outcomes {_dollars(p10)} to {_dollars(p90)})"


def cost_phrase(row: pd.Series) -> str:
    """What the brand pays per sale, dollars and cents: a median and its 80% interval, "in every outcome"
    when the interval has no width, and what an outcome without a sale does to it."""
    p10, p50, p90 = row["cost_per_sale_p10"], row["cost_per_sale_p50"], row["cost_per_sale_p90"]
    if not math.isfinite(p50):
        return (
            f"for no sale at all in {row['no_sale_pct']:.0f}% of outcomes, so its median cost per sale has "
            "no upper bound"
        )
    if p10 == p90:
        return f"{_cents(p50)} per sale in every outcome with a sale"
    top = _cents(p90) if math.isfinite(p90) else "no upper bound (over 10% of outcomes bring no sale)"
    return f"a median {_cents(p50)} per sale (80% of outcomes {_cents(p10)} to {top})"


def fee_position(fee_usd: float, cited: deals.RateRange) -> str:
    """Where a fee sits against the cited range: "below", "inside", "above" (or no range)."""
    if not cited.quoted:
        return "not comparable: the source quotes no range for this tier"
    if fee_usd < cited.low_usd:
        return "below the cited range"
    if math.isnan(cited.high_usd) or fee_usd <= cited.high_usd:
        return "inside the cited range"
    return "above the cited range"


def fixed_or_varies(what: str, spread: pd.Series) -> str:
    """A short title naming the pay models under which ``what`` has no spread or some, whichever list is
    shorter: "Creator's pay varies: affiliate, hybrid" (NaN - nothing paid, nothing sold - is left out)."""
    known = spread.dropna()
    fixed = [str(m) for m, v in known.items() if v == 0]
    varies = [str(m) for m, v in known.items() if v != 0]
    if not varies:
        return f"{what} is fixed under every model"
    if not fixed:
        return f"{what} varies under every model"
    if len(fixed) < len(varies):
        return f"{what} is fixed: {', '.join(fixed)}"
    return f"{what} varies: {', '.join(varies)}"


def _checked_history(
    histories: dict[tuple[str, str], deals.SalesHistory],
    pay_model: str,
    platform: str,
    tier: str,
    order_value_usd: float,
) -> deals.SalesHistory:
    """The platform and tier's past sales; :class:`LabInputError` for an unknown pay model, fewer than
    :data:`MIN_CAMPAIGNS` past campaigns or an order value of $0 or less."""
    if pay_model not in deals.PAY_MODELS:
        raise LabInputError(f"Choose a pay model among {', '.join(deals.PAY_MODELS)}.")
    history = histories.get((platform, tier))
    found = 0 if history is None else history.campaigns
    if history is None or found < MIN_CAMPAIGNS:
        raise LabInputError(
            f"The data holds {found} past {platform} {tier} campaigns, too few to draw outcomes from "
            f"(at least {MIN_CAMPAIGNS}): choose another tier or platform."
        )
    if order_value_usd <= 0:
        raise LabInputError("Set an order value above $0: a sale must bring some revenue.")
    return history


def deal_summary(
    deal: deals.DealComparison, *, pay_model: str, platform: str, tier: str, fee_usd: float
) -> str:
    """The lab's sentence: what the chosen pay model gives the creator and costs the brand per sale,
    where affiliate overtakes the flat fee, and where the fee sits in the cited range."""
    chosen, cross, cited = deal.table.loc[pay_model], deal.crossover_sales, deal.cited
    if math.isfinite(cross):
        where = (
            f"Affiliate pays the creator more than the flat fee above {cross:,.0f} sales per post, which "
            f"{deal.affiliate_beats_flat_pct:.0f}% of simulated posts reach (median "
            f"{deal.median_sales:,.1f} sales)."
        )
    else:
        where = "At 0% commission affiliate pays the creator nothing, so the flat fee always pays more."
    return (
        f"{pay_model.capitalize()}, {tier}-tier {PLATFORM_NAMES.get(platform, platform)} creator: the "
        f"creator earns {creator_phrase(chosen)}; the brand pays {cost_phrase(chosen)}. "
        + (
            "(The gift is counted at its retail price, the order value; it costs the brand less to make.) "
            if pay_model == "gifting"
            else ""
        )
        + f"{where} "
        f"Your fee of ${fee_usd:,.0f} is {fee_position(fee_usd, cited)}"
        + (f" ({cited.describe()} per post)." if cited.quoted else ".")
    )


def deal_lab_update(
    histories: dict[tuple[str, str], deals.SalesHistory],
    ranges: dict[tuple[str, str], deals.RateRange],
    *,
    pay_model: str = "flat fee",
    platform: str = "instagram",
    tier: str = "mid",
    fee_usd: float = 1_000,
    commission_pct: float = 15,
    order_value_usd: float = 50,
) -> LabResult:
    """Compare the four pay models for one post by a ``platform`` creator of ``tier``.

    Returns numbers ``<field>_<model>`` for every :class:`~helpers.analysis.deals.DealOutcome` field
    (model names with ``_`` for spaces, e.g. ``creator_sd_flat_fee``), the chosen model's fields
    without suffix, ``crossover_sales`` (sales per post above which affiliate pays the creator more than
    the flat fee), ``affiliate_beats_flat_pct`` (share of simulated posts above it), ``median_sales``,
    ``campaigns`` (past campaigns drawn from) and the cited range (``range_low_usd``,
    ``range_high_usd``); a table with one row per pay model.
    """
    history = _checked_history(histories, pay_model, platform, tier, order_value_usd)
    cited = ranges.get((platform, tier), deals.RateRange(platform, tier, math.nan, math.nan, ""))
    terms = {"fee_usd": fee_usd, "commission_pct": commission_pct, "order_value_usd": order_value_usd}
    deal = deals.compare_deal(history, cited, **terms)
    summary = deal_summary(deal, pay_model=pay_model, platform=platform, tier=tier, fee_usd=fee_usd)
    # "beats the flat fee" is in ``numbers`` but not in the table: for the hybrid (the same fee plus a
    # commission) it is true by construction, so as a table row it would only look like a finding
    shown = deal.table.drop(columns="beats_flat_pct")
    return LabResult(
        summary=summary, numbers=deal.numbers(pay_model), table=shown, extra={"pay_model": pay_model}
    )


def _set_title(ax: Axes, finding: str, subtitle: str) -> None:
    """:func:`helpers.plots.set_title`, skipped when the axes already show this title and subtitle
    (fitting a title measures its text: the costliest part of a redraw)."""
    if getattr(ax, "_deal_title", None) == (finding, subtitle) and ax.get_title(loc="left") == finding:
        return
    plots.set_title(ax, finding, subtitle)
    ax._deal_title = (finding, subtitle)  # type: ignore[attr-defined]


def draw_deal(fig: Figure, result: LabResult) -> None:
    """Left: the creator's earnings per pay model (median, 80% interval); right: the brand's cost per
    sale (median, 80% interval; a line to the top: over 10% of outcomes bring no sale)."""
    left, right = two_panels(fig)
    table = result.table
    assert table is not None
    models = list(table.index)
    plots.bar_groups(
        left,
        models,
        {"creator earns (median)": table["creator_p50"].to_numpy()},
        errors={"creator earns (median)": (table["creator_p10"].to_numpy(), table["creator_p90"].to_numpy())},
        ylabel="USD per post",
    )
    _set_title(
        left,
        fixed_or_varies("Creator's pay", table["creator_sd"]),
        f"lines: 80% of outcomes; {result.numbers['campaigns']:,.0f} synthetic past campaigns",
    )
    mid = table["cost_per_sale_p50"].to_numpy(dtype=float)
    low = table["cost_per_sale_p10"].to_numpy(dtype=float)
    high = table["cost_per_sale_p90"].to_numpy(dtype=float)
    finite = np.concatenate([v[np.isfinite(v)] for v in (mid, low, high)])
    cap = 1.1 * float(finite.max()) if finite.size and finite.max() > 0 else 1.0
    plots.bar_groups(
        right,
        models,
        {"brand pays per sale (median)": mid},
        errors={"brand pays per sale (median)": (np.minimum(low, cap), np.minimum(high, cap))},
        ylabel="USD per sale",
        value_format="{:,.2f}",
    )
    _set_title(
        right,
        fixed_or_varies("Brand's cost per sale", table["cost_per_sale_spread"]),
        "lines: 80% of outcomes; n/a or a line to the top: no sale in 10%+",
    )
    few_ticks(left, right)


@register
class DealLab(Lab):
    """Deal lab (lesson 08): pay models, who carries the risk, where affiliate beats flat fee."""

    name = "deal-lab"
    title = "Deal lab: pay model, fee and commission - who carries the risk?"
    tables = ("campaigns", "influencers", "benchmarks")
    figsize = (plots.LAB_WIDTH_IN, 5.9)  # the projector width, its two panels stacked
    table_index = Column("pay model", fmt="text")
    table_columns: ClassVar[dict[str, Column]] = {
        "creator": Column(
            "creator earns: median (80% interval)",
            "USD",
            "count",
            ("creator_p50", "creator_p10", "creator_p90"),
        ),
        "cost_per_sale": Column(
            "brand pays per sale: median (80% interval)",
            "USD",
            "decimal2",
            ("cost_per_sale_p50", "cost_per_sale_p10", "cost_per_sale_p90"),
        ),
        "no_sale_pct": Column("posts with no sale", "%", "percent"),
        "creator_sd": Column("creator earns: standard deviation", "USD", "count"),
        "brand_cost_p50": Column("brand pays: median", "USD", "count"),
        "cost_per_sale_spread": Column("cost per sale: p90 - p10", "USD", "decimal"),
    }

    def prepare(self, tables: dict[str, pd.DataFrame]) -> None:
        self.histories = deals.sales_histories(tables["campaigns"], tables["influencers"])
        self.ranges = {
            (p, t): deals.rate_range(tables["benchmarks"], p, t) for p in deals.PLATFORMS for t in deals.TIERS
        }

    def make_controls(self) -> dict[str, w.ValueWidget]:
        def stops(description: str, values: tuple[int, ...], value: int, width: str) -> w.SelectionSlider:
            return w.SelectionSlider(
                options=[(f"${v:,}", v) for v in values],
                value=value,
                description=description,
                continuous_update=False,
                style={"description_width": "initial"},
                layout=w.Layout(width=width),
            )

        return {
            "pay_model": dropdown("Pay model", list(deals.PAY_MODELS), "flat fee"),
            "platform": dropdown("Platform", list(deals.PLATFORMS), "instagram"),
            "tier": dropdown("Creator tier (Mediakix)", list(deals.TIERS), "mid"),
            "fee_usd": stops("Fee per post", FEE_STOPS, 1_000, "420px"),
            "commission_pct": w.IntSlider(
                value=15,
                min=0,
                max=50,
                step=5,
                description="Commission (% of sale)",
                continuous_update=False,
                style={"description_width": "initial"},
                layout=w.Layout(width="360px"),
            ),
            "order_value_usd": stops("Order value", ORDER_VALUE_STOPS, 50, "360px"),
        }

    def compute(self, **values: Any) -> LabResult:
        return deal_lab_update(self.histories, self.ranges, **values)

    def draw(self, fig: Figure, result: LabResult) -> None:
        draw_deal(fig, result)
