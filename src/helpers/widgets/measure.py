"""Campaign meter: one campaign measured three ways (engagement rates) and priced two ways (EMV vs revenue).

Pick a campaign from the bundled (synthetic) data and two EMV reference rates. The lab shows

* the campaign's engagement rate **per follower, per reach and per view** (the same likes + comments
  + shares over three denominators), next to the median campaign of its platform, and where the
  campaign ranks among all campaigns under each denominator - the ranking moves with the denominator;
* its **EMV** (impressions / 1000 x reference CPM + engagements x reference CPE, both chosen by you)
  beside its **cost** and the **revenue** it really brought, with the ROI on that revenue and the
  "ROI" you would claim if EMV were revenue. ROI and ROAS here are computed on revenue, not profit:
  making and shipping what was sold costs money too, so an ROI above 0 is not yet a profit. EMV is
  not revenue and not a return: it prices attention at paid-media rates and subtracts nothing
  (ignyteiq; CreatorIQ calls it a relative metric);
* its **profit after margin** (revenue x the product's gross margin - cost, the margin a control:
  the brand's own figure, 40 % by default) and the ROI on that margin, which is below 0 whenever the
  ROAS is under the break-even ROAS of 1 / margin.

Default reference CPM: $10, the middle of the $5-15 Instagram influencer CPM benchmark
(wordontheblock 2023, a vendor). The default reference CPE ($0.10) is an assumption: vendors do not
publish theirs - which is the point of making both rates explicit controls.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from .. import plots
from ..analysis import measurement
from ..analysis.measurement import campaign_report
from .base import Lab, LabInputError, LabResult, dropdown, register, slider

#: Campaign goals in funnel order (the examples cover each goal on each platform).
GOALS: tuple[str, ...] = ("awareness", "consideration", "conversion")
#: Fee quantiles at which example campaigns are picked within each platform x goal.
EXAMPLE_QUANTILES: tuple[float, ...] = (0.25, 0.75)
#: Default EMV reference rates: USD per 1,000 impressions (middle of the $5-15 Instagram CPM
#: benchmark, wordontheblock 2023) and USD per engagement (a course assumption).
DEFAULT_CPM_RATE = 10.0
DEFAULT_CPE_RATE = 0.10
#: Default gross margin of the product, percent of the price: a course assumption (margins are the
#: brand's own figure; the course data has none), the 40 % of lesson 09's example.
DEFAULT_MARGIN_PCT = 40.0
#: Bar labels of the engagement panel, in order.
ER_CATEGORIES: tuple[str, ...] = tuple(measurement.ER_LABELS.values())


def example_campaigns(report: pd.DataFrame) -> list[tuple[str, str]]:
    """A short, varied list of campaigns to choose from: ``[(label, campaign_id), ...]``.

    Within each platform x goal, among campaigns with at least one video post (so all three
    engagement rates exist), the campaigns at the fee quantiles :data:`EXAMPLE_QUANTILES`. Falls back
    to every campaign when none has a video post.
    """
    pool = report[report["video_posts"] > 0]
    if pool.empty:
        pool = report
    chosen: list[str] = []
    for platform in sorted(pool["platform"].astype(str).unique()):
        for goal in GOALS:
            group = pool[(pool["platform"].astype(str) == platform) & (pool["goal"].astype(str) == goal)]
            if group.empty:
                continue
            ordered = group.sort_values(["fee_usd"], kind="stable")
            for q in EXAMPLE_QUANTILES:
                cid = ordered.index[min(int(q * len(ordered)), len(ordered) - 1)]
                if cid not in chosen:
                    chosen.append(cid)
    if not chosen:
        chosen = list(report.index[:10])
    return [(_label(cid, report.loc[cid]), cid) for cid in chosen]


def _label(cid: str, row: pd.Series) -> str:
    return f"{cid} · {row['brand']} x @{row['handle']} ({row['platform']}, {row['goal']})"


def _usd(value: float) -> str:
    """Dollars for sentences: cents only for amounts under $10 (a CPE of $0.32), "$0" for nothing."""
    return f"${value:,.0f}" if abs(value) >= 10 or value == 0 else f"${value:,.2f}"


def _reach_vs_followers(rates: dict[str, float]) -> str:
    """Why the campaign's rate per reach sits above or below its rate per follower.

    Rate per follower / rate per reach = reach per post / followers (same interactions on top), so
    the ratio of the two rates says how many of the creator's followers an average post reached.
    Empty when either rate is missing."""
    per_follower, per_reach = rates["er_followers_pct"], rates["er_reach_pct"]
    if not (np.isfinite(per_follower) and np.isfinite(per_reach)) or per_reach <= 0:
        return ""
    reached = per_follower / per_reach
    if reached > 1:
        return (
            f" Each post reached {reached:.1f} times the creator's followers (a feed or a brand's boost"
            " showed it to non-followers), so the rate per reach is the lower one."
        )
    return (
        f" Each post reached {reached:.0%} of the creator's followers,"
        " so the rate per reach is the higher one."
    )


def campaign_meter_update(
    report: pd.DataFrame,
    campaign_id: str,
    cpm_rate: float = DEFAULT_CPM_RATE,
    cpe_rate: float = DEFAULT_CPE_RATE,
    include_discovery: bool = False,
    margin_pct: float = DEFAULT_MARGIN_PCT,
) -> LabResult:
    """Measure one campaign: three engagement rates, the cost ladder, EMV vs ROI on revenue, and the
    profit after the product's margin.

    Args:
        report: :func:`helpers.analysis.measurement.campaign_report` output.
        campaign_id: the campaign to measure.
        cpm_rate: EMV reference rate, USD per 1,000 impressions (>= 0).
        cpe_rate: EMV reference rate, USD per engagement (>= 0).
        include_discovery: count the cost of finding the creator (``discovery_cost_usd``) in the
            cost, as well as the fee.
        margin_pct: the product's gross margin, percent of the price (0 < margin <= 100).

    Numbers: ``er_followers_pct``, ``er_reach_pct``, ``er_views_pct`` (percent; NaN without video
    posts), ``beats_*`` (percent of campaigns with a lower rate), ``reach``, ``impressions``,
    ``frequency``, ``cost_usd``, ``revenue_usd``, ``emv_usd``, ``cpm_usd``, ``cpe_usd``, ``cpc_usd``,
    ``cpa_usd``, ``roas`` (ratio), ``roi`` and ``emv_roi`` (fractions), ``emv_gap`` (fraction of
    cost), ``emv_to_revenue`` (ratio), ``margin`` (fraction), ``profit_after_margin_usd``,
    ``margin_roi`` (fraction) and ``break_even_roas`` (ratio). Table: the campaign's report card, one
    metric per row.
    """
    _check_meter_controls(report, campaign_id, cpm_rate, cpe_rate, margin_pct)
    row = report.loc[campaign_id]
    if measurement.campaign_cost(row, include_discovery) <= 0:
        raise LabInputError(f"{campaign_id} cost nothing, so ROI is undefined: choose another campaign.")
    numbers = measurement.campaign_numbers(row, cpm_rate, cpe_rate, include_discovery, margin_pct / 100)
    cost_text = "fee + discovery cost" if include_discovery else "fee"
    return LabResult(
        summary=meter_summary(
            campaign_id, str(row["platform"]), numbers, cost_text, cpm_rate=cpm_rate, cpe_rate=cpe_rate
        ),
        numbers=numbers,
        table=report_card(row, numbers, cost_text, cpm_rate=cpm_rate, cpe_rate=cpe_rate),
        extra={
            "platform": str(row["platform"]),
            "medians": [float(row[f"median_{c}"]) for c in measurement.ER_COLUMNS],
            "cpm_rate": cpm_rate,
            "cpe_rate": cpe_rate,
        },
    )


def _check_meter_controls(
    report: pd.DataFrame, campaign_id: str, cpm_rate: float, cpe_rate: float, margin_pct: float
) -> None:
    """Raise :class:`LabInputError` for control values the meter cannot compute."""
    if campaign_id not in report.index:
        raise LabInputError(f"No campaign {campaign_id!r} in the data: choose one from the list.")
    if cpm_rate < 0 or cpe_rate < 0:
        raise LabInputError("Reference rates cannot be negative: set the CPM and CPE rates to $0 or more.")
    if not 0 < margin_pct <= 100:
        raise LabInputError(
            f"A gross margin of {margin_pct:g}% is not possible: set it above 0% and at most 100% "
            "(the share of each sale left after making and shipping the goods)."
        )


def _ranking_text(numbers: dict[str, float], known: list[str]) -> str:
    """How far apart the campaign's ranks are under its best and worst denominators (empty when
    they are within a point)."""
    best = max(known, key=lambda c: numbers[f"beats_{c}"])
    worst = min(known, key=lambda c: numbers[f"beats_{c}"])
    if best == worst or numbers[f"beats_{best}"] - numbers[f"beats_{worst}"] < 1:
        return ""
    return (
        f" It beats {numbers[f'beats_{best}']:.0f}% of campaigns {measurement.ER_LABELS[best]} but "
        f"{numbers[f'beats_{worst}']:.0f}% {measurement.ER_LABELS[worst]}."
    )


def meter_summary(
    campaign_id: str,
    platform: str,
    numbers: dict[str, float],
    cost_text: str,
    *,
    cpm_rate: float,
    cpe_rate: float,
) -> str:
    """The meter's sentence from :func:`helpers.analysis.measurement.campaign_numbers`: engagement
    rates and ranks, cost, revenue and ROI, profit after margin, and the ROI EMV would claim."""
    rates = {c: numbers[c] for c in measurement.ER_COLUMNS}
    known = [c for c, v in rates.items() if np.isfinite(v)]
    er_text = ", ".join(f"{rates[c]:.1f}% {measurement.ER_LABELS[c]}" for c in known)
    if len(known) < 3:
        er_text += " (no video post, so no rate per view)"
    margin_pct = numbers["margin"] * 100
    return (
        f"{campaign_id} ({platform}): engagement rate {er_text}.{_ranking_text(numbers, known)}"
        f"{_reach_vs_followers(rates)} "
        f"It cost {_usd(numbers['cost_usd'])} ({cost_text}) and brought "
        f"{_usd(numbers['revenue_usd'])} of revenue: "
        f"ROI on revenue {numbers['roi']:+.0%}. "
        f"With a gross margin of {margin_pct:g}%, profit after margin is "
        f"{_signed_usd(numbers['profit_after_margin_usd'])} "
        f"(ROI on margin {numbers['margin_roi']:+.0%}; break-even ROAS {numbers['break_even_roas']:.2f}). "
        f"EMV at ${cpm_rate:g} per 1,000 impressions + ${cpe_rate:.2f} per engagement is "
        f"{_usd(numbers['emv_usd'])}; "
        f"reading EMV as revenue would claim an ROI of {numbers['emv_roi']:+.0%}."
    )


def report_card(
    campaign: pd.Series, numbers: dict[str, float], cost_text: str, *, cpm_rate: float, cpe_rate: float
) -> pd.DataFrame:
    """The meter's table: one metric per row (value as shown, and how it is computed)."""
    n = numbers
    margin_pct = n["margin"] * 100
    card = [
        (
            "ER per follower",
            f"{n['er_followers_pct']:.2f}%",
            "(likes + comments + shares) per post / followers x 100",
        ),
        ("ER per reach", f"{n['er_reach_pct']:.2f}%", "(likes + comments + shares) / reach x 100"),
        ("ER per view", _pct_or_na(n["er_views_pct"]), "same, video posts only, / views x 100"),
        ("reach", f"{n['reach']:,.0f}", "accounts reached, summed over posts (repeat viewers count twice)"),
        ("impressions", f"{n['impressions']:,.0f}", "times the posts were shown"),
        ("frequency", f"{n['frequency']:.2f}", "impressions / reach"),
        ("cost", _usd(n["cost_usd"]), cost_text),
        ("CPM", _usd(n["cpm_usd"]), "cost / impressions x 1,000"),
        ("CPE", _usd(n["cpe_usd"]), "cost / engagements (likes + comments + shares + saves)"),
        ("CPC", _na_or(n["cpc_usd"], _usd), "cost / clicks on tracked links"),
        ("CPA", _na_or(n["cpa_usd"], _usd), "cost / conversions (links + promo codes)"),
        (
            "revenue",
            _usd(n["revenue_usd"]),
            f"{int(campaign['conversions']):,} conversions, "
            f"{int(campaign['promo_code_uses']):,} with the promo code",
        ),
        ("ROAS", f"{n['roas']:.2f}", "revenue / cost"),
        ("ROI", f"{n['roi']:+.0%}", "(revenue - cost) / cost: on revenue, not profit"),
        (
            "profit after margin",
            _signed_usd(n["profit_after_margin_usd"]),
            f"revenue x {margin_pct:g}% gross margin - cost",
        ),
        ("ROI on margin", f"{n['margin_roi']:+.0%}", "profit after margin / cost"),
        ("EMV", _usd(n["emv_usd"]), f"impressions / 1,000 x ${cpm_rate:g} + engagements x ${cpe_rate:.2f}"),
        ("'ROI' from EMV", f"{n['emv_roi']:+.0%}", "what you would claim if EMV were revenue - it is not"),
    ]
    return pd.DataFrame(card, columns=["metric", "value", "how it is computed"]).set_index("metric")


def _signed_usd(value: float) -> str:
    """Dollars with the sign in front: "-$180" for a loss, "$1,200" for a gain."""
    return ("-" if value < 0 else "") + _usd(abs(value))


def _pct_or_na(value: float) -> str:
    return f"{value:.2f}%" if np.isfinite(value) else "n/a (no video post)"


def _na_or(value: float, fmt: Any) -> str:
    return fmt(value) if np.isfinite(value) else "n/a (none)"


def plain_dollars(text: str) -> str:
    """The text as is: the house style (``text.parse_math`` off) already draws "$" literally, so an
    escape would show as a backslash (the learner saw ``\\$10``)."""
    return text


def few_ticks(*axes: Axes) -> None:
    """At most about four y ticks: the values are written on the bars, and every tick label is text the
    lab must lay out again on each update."""
    for ax in axes:
        if not getattr(ax.yaxis.get_major_locator(), "_course_few_ticks", False):  # set once per build
            locator = MaxNLocator(nbins=4)
            locator._course_few_ticks = True  # type: ignore[attr-defined]
            ax.yaxis.set_major_locator(locator)


def legend_on_top(ax: Axes, headroom: float = 1.3) -> None:
    """One legend row above the bars: raise the y limit by ``headroom`` and centre the legend at the top,
    so it never hides a bar or its value label (call after :func:`helpers.plots.bar_groups`)."""
    low, high = ax.get_ylim()
    ax.set_ylim(low, high * headroom)
    labels = tuple(ax.get_legend_handles_labels()[1])
    legend = ax.get_legend()
    if legend is None or getattr(legend, "_course_on_top", None) != labels:  # else it is already there
        legend = ax.legend(loc="upper center", ncols=len(labels), frameon=False)
        legend._course_on_top = labels  # type: ignore[attr-defined]


def two_panels(fig: Figure) -> list[Axes]:
    """The figure's two panels, one above the other (created on first use; the base lab starts with one)."""
    return plots.lab_panels(fig, 2)


def draw_campaign_meter(fig: Figure, result: LabResult) -> None:
    """Left: the three engagement rates vs the platform median; right: cost, revenue and EMV."""
    left, right = two_panels(fig)
    n = result.numbers
    rates = [n[c] for c in measurement.ER_COLUMNS]
    plots.bar_groups(
        left,
        list(ER_CATEGORIES),
        {"this campaign": rates, "platform median": result.extra["medians"]},
        ylabel="engagement rate (%)",
        value_format="{:.1f}%",
    )
    legend_on_top(left)
    known = [r for r in rates if np.isfinite(r)]
    plots.set_title(
        left,
        f"Same posts: {min(known):.1f}% to {max(known):.1f}%",
        f"one numerator, three denominators; vs the median {result.extra['platform']} campaign",
    )
    plots.bar_groups(
        right,
        ["cost", "revenue", "EMV"],
        {"USD": [n["cost_usd"], n["revenue_usd"], n["emv_usd"]]},
        ylabel="US dollars",
        value_format="${:,.0f}",
    )
    right.yaxis.set_major_formatter(plots.USD)
    few_ticks(left, right)
    ratio = n["emv_to_revenue"]
    rates_text = f"${result.extra['cpm_rate']:g} CPM + ${result.extra['cpe_rate']:.2f} CPE"
    finding = (
        f"EMV = {ratio:.1f}x revenue: not a return"
        if np.isfinite(ratio)
        else plain_dollars(f"No revenue, yet EMV = {_usd(n['emv_usd'])}")
    )
    plots.set_title(
        right,
        finding,
        plain_dollars(f"ROI on revenue {n['roi']:+.0%}; EMV at {rates_text}"),
    )


@register
class CampaignMeter(Lab):
    """ER denominators and EMV vs ROI on revenue on one campaign (lesson 09)."""

    name = "campaign-meter"
    title = "Campaign meter: three engagement rates, and EMV vs ROI on revenue"
    tables = ("campaigns", "posts", "influencers")
    figsize = (plots.LAB_WIDTH_IN, 5.9)

    def prepare(self, tables: dict[str, pd.DataFrame]) -> None:
        self.report = campaign_report(tables["campaigns"], tables["posts"], tables["influencers"])
        self.examples = example_campaigns(self.report)

    def make_controls(self) -> dict[str, w.ValueWidget]:
        # Menu labels short enough to show whole in the narrowest place the menu gets (a third of the
        # lab at 1024x768 in JupyterLab, beside the figure in app mode): the creator and the platform,
        # e.g. "@lucia_runs, Instagram" (the summary sentence starts with the campaign's id).
        # A label two campaigns share gets the campaign's id, so each option stays distinct.
        names = {"instagram": "Instagram", "tiktok": "TikTok", "youtube": "YouTube"}
        short = {
            cid: f"@{self.report.loc[cid, 'handle']}, "
            + names.get(str(self.report.loc[cid, "platform"]), str(self.report.loc[cid, "platform"]))
            for _label, cid in self.examples
        }
        counts = pd.Series(list(short.values())).value_counts()
        options = [(text if counts[text] == 1 else f"{cid} · {text}", cid) for cid, text in short.items()]
        campaign = dropdown("Campaign", options, self.examples[0][1])
        return {
            "campaign_id": campaign,
            "cpm_rate": slider("EMV: $ per 1,000 impressions", DEFAULT_CPM_RATE, 0, 50, 1),
            "cpe_rate": slider("EMV: $ per engagement", DEFAULT_CPE_RATE, 0, 1, 0.01, readout_format=".2f"),
            "include_discovery": w.Checkbox(
                value=False, description="Count the cost of finding the creator", indent=False
            ),
            "margin_pct": slider(
                "Product's gross margin (%)", DEFAULT_MARGIN_PCT, 5, 100, 5, readout_format=".0f"
            ),
        }

    def compute(self, **values: Any) -> LabResult:
        return campaign_meter_update(self.report, **values)

    def draw(self, fig: Figure, result: LabResult) -> None:
        draw_campaign_meter(fig, result)
