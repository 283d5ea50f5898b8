"""Incrementality lab: did the creators cause the sales? Three estimates against a planted truth.

Each setting runs one simulated experiment (:func:`helpers.generate.region_sales`, seeded): regions
are held out at random (no creator posts there), the campaign adds a planted number of orders in the
others, and some buyers find the promo code on coupon sites. At the default settings and draw 1 the
experiment is the bundled ``region_sales`` table. The lab estimates the campaign's incremental orders
three ways and shows each against the planted truth, which a real brand never sees:

* **promo-code attribution** - orders that used a creator's code. It misses the buyers the campaign
  brought who never type the code and counts leaked codes used by people who would have bought
  anyway; its interval (counting noise only) is narrow around a biased number;
* **holdout** - exposed minus held-out regions, orders per 1,000 people a week, with a Welch 95 %
  interval (:func:`helpers.analysis.incrementality.holdout_estimate`): unbiased, and precise once the
  campaign is big enough and the holdout share near one half;
* **EMV** - impressions priced at a USD 10 CPM (the middle of the USD 5-15 Instagram benchmark,
  wordontheblock 2023, a vendor), shown as the orders it would buy at a USD 50 average order (a
  course assumption). It reads no sales: it is the same whatever the campaign caused.

Controls: the campaign's size (regions it runs in), the holdout share, code leakage (share of
baseline buyers who use a leaked code), the true effect (hidden in real life) and the draw (run the
same experiment again with another seed).
"""

from __future__ import annotations

from typing import Any, ClassVar

import ipywidgets as w
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from .. import generate, plots
from ..analysis import incrementality as inc
from ..tables import Column
from .base import Lab, LabInputError, LabResult, register
from .measure import few_ticks, two_panels

#: Campaign sizes: regions the campaign runs in (held-out regions included).
SIZES: tuple[int, ...] = (10, 20, 40, 60, 100, 200, 400)
#: Holdout shares (percent of regions left out at random).
HOLDOUT_PCTS: tuple[int, ...] = (10, 20, 30, 40, 50)
#: Code leakage: percent of baseline buyers who use a code found on a coupon site.
LEAKAGE_PCTS: tuple[float, ...] = (0.0, 1.0, 2.0, 5.0, 10.0)
#: True effects: orders per 1,000 people per week the campaign adds where creators post.
EFFECTS: tuple[float, ...] = (0.0, 0.1, 0.2, 0.4, 0.8)
#: Draws: draw 1 is the bundled table's seed.
DRAWS: tuple[int, ...] = tuple(range(1, 21))
#: The bundled ``region_sales`` table's settings (the generator's defaults).
DEFAULTS: dict[str, Any] = {
    "regions": 60,
    "holdout_pct": 30,
    "leakage_pct": 1.0,
    "effect_per_1000": 0.4,
    "draw": 1,
}
#: What each method measures, for the result's table.
MEASURES: dict[str, str] = {
    "planted truth": "what the campaign caused (the generator's secret)",
    inc.METHODS[0]: "code uses: misses buyers without a code, counts leaked codes",
    inc.METHODS[1]: "exposed minus held-out regions: caused orders, with noise",
    inc.METHODS[2]: "impressions priced at a CPM, / USD 50 per order: no sales read",
}
#: Bars of the left panel, in order.
BAR_LABELS: tuple[str, ...] = ("planted truth", "promo codes", "holdout", "EMV as orders")
#: The two groups of regions the holdout compares.
GROUPS: tuple[str, ...] = ("exposed", "held out")


def _orders(value: float) -> str:
    return f"{value:,.0f}"


def incrementality_update(
    regions: int = DEFAULTS["regions"],
    holdout_pct: float = DEFAULTS["holdout_pct"],
    leakage_pct: float = DEFAULTS["leakage_pct"],
    effect_per_1000: float = DEFAULTS["effect_per_1000"],
    draw: int = DEFAULTS["draw"],
    seed: int = generate.DEFAULT_SEED,
) -> LabResult:
    """Simulate one experiment and estimate its incremental orders three ways.

    Args: as :func:`helpers.analysis.incrementality.run_experiment` (units there).

    Numbers: ``true_orders``, ``code_orders`` (+ ``code_low`` / ``code_high``), ``holdout_orders``
    (+ ``holdout_low`` / ``holdout_high``), ``emv_usd``, ``emv_orders``, ``leaked_code_orders``,
    ``held_out_code_orders`` (counts, USD), ``holdout_covers`` (1 if the 95 % interval holds the truth).
    """
    try:
        experiment = inc.run_experiment(regions, holdout_pct, leakage_pct, effect_per_1000, draw, seed)
    except inc.ExperimentInputError as err:
        raise LabInputError(str(err)) from None
    numbers = inc.experiment_numbers(experiment)
    return LabResult(
        summary=incrementality_summary(experiment, numbers),
        numbers=numbers,
        table=estimates_table(experiment),
        extra={"rates": inc.region_rates(experiment.sales), "effect": effect_per_1000},
    )


def _codes_text(numbers: dict[str, float]) -> str:
    """What the promo-code count gets wrong: too many or too few, and why (or, with no effect, that every
    code use is a leaked one)."""
    true_orders, leaked = numbers["true_orders"], numbers["leaked_code_orders"]
    codes = _orders(numbers["code_orders"])
    if true_orders <= 0:
        return (
            f"Promo codes still count {codes}: every one a leaked code used by a buyer who would have "
            "bought anyway."
        )
    missed = true_orders - (numbers["code_orders"] - leaked)
    off = (numbers["code_orders"] - true_orders) / true_orders
    direction = (
        f"{abs(off):.0%} too {'many' if off > 0 else 'few'}"
        if abs(off) >= 0.05
        else f"within {abs(off):.0%} of the truth - by luck, two errors cancelling"
    )
    return (
        f"Promo codes count {codes}, {direction}: {_orders(missed)} buyers they brought never typed "
        f"a code, and {_orders(leaked)} code uses were leaked codes used by buyers who would have "
        "bought anyway."
    )


def incrementality_summary(experiment: inc.Experiment, numbers: dict[str, float]) -> str:
    """The lab's sentence: the planted truth, what codes, the holdout and EMV say about it."""
    n = numbers
    covers = "covers" if n["holdout_covers"] else "misses"
    return (
        f"The creators caused {_orders(n['true_orders'])} orders (planted; a brand never sees this). "
        f"{_codes_text(n)} The holdout ({experiment.held} of {experiment.regions} regions left out) "
        "estimates "
        f"{_orders(n['holdout_orders'])}, 95% interval {_orders(n['holdout_low'])} to "
        f"{_orders(n['holdout_high'])}: it {covers} the truth. "
        f"EMV prices the impressions at ${n['emv_usd']:,.0f}, whatever the campaign caused."
    )


def estimates_table(experiment: inc.Experiment) -> pd.DataFrame:
    """The lab's table: the planted truth and each method's orders, 95 % interval, error against the
    truth (percent) and what it measures."""
    est, true_orders = experiment.estimates, experiment.truth["incremental_orders"]
    rows = [
        ("planted truth", true_orders, np.nan, np.nan),
        *[
            (m, float(est.loc[m, "orders"]), float(est.loc[m, "low"]), float(est.loc[m, "high"]))
            for m in inc.METHODS
        ],
    ]
    table = pd.DataFrame(rows, columns=["method", "orders", "low", "high"]).set_index("method")
    table["error_pct"] = (table["orders"] - true_orders) / true_orders * 100 if true_orders > 0 else np.nan
    table["measures"] = [MEASURES[m] for m in table.index]
    return table


def _strip_x(count: int, centre: float) -> np.ndarray:
    """x positions of ``count`` dots spread evenly around ``centre`` (a strip plot without random jitter)."""
    return centre + np.linspace(-0.25, 0.25, count) if count > 1 else np.full(count, centre)


def _region_artists(ax: Axes) -> dict[str, Any]:
    """The right panel's artists, made once per figure: one dot collection and one mean line per group."""
    artists = getattr(ax, "_course_regions", None)
    if artists is None or artists["dots"][0] not in ax.collections:  # new, or cleared after a message
        plots.reset_axes(ax)
        plots.style_axes(ax)
        dots, means = [], []
        for i, name in enumerate(GROUPS):
            dots.append(
                ax.scatter(
                    [], [], color=plots.PALETTE[i], marker=plots.MARKERS[i], s=22, alpha=0.75, label=name
                )
            )
            means.append(ax.plot([i - 0.35, i + 0.35], [0, 0], color="#222222", linewidth=2.2)[0])
        ax.set_xticks([0, 1], list(GROUPS))
        ax.set_xlim(-0.6, 1.6)
        ax.set_ylabel("weekly orders per 1,000")
        artists = {"dots": dots, "means": means}
        ax._course_regions = artists  # type: ignore[attr-defined]
    return artists


def draw_incrementality(fig: Figure, result: LabResult) -> None:
    """Left: incremental orders - planted truth and the three estimates, with their 95 % intervals;
    right: each region's weekly orders per 1,000 people, exposed vs held out, with the two means."""
    left, right = two_panels(fig)
    n = result.numbers
    values = [n["true_orders"], n["code_orders"], n["holdout_orders"], n["emv_orders"]]
    low = [np.nan, n["code_low"], n["holdout_low"], np.nan]
    high = [np.nan, n["code_high"], n["holdout_high"], np.nan]
    plots.bar_groups(
        left,
        list(BAR_LABELS),
        {"incremental orders": values},
        ylabel="incremental orders",
        errors={"incremental orders": (low, high)},
    )
    bottom = min(0.0, float(np.nanmin([*values, *low])) * 1.15)
    left.set_ylim(bottom, left.get_ylim()[1])
    truth = getattr(left, "_course_truth", None)
    if truth is None or truth not in left.lines:
        truth = left.axhline(0, color="#444444", linestyle="--", linewidth=1.2)
        left._course_truth = truth  # type: ignore[attr-defined]
        left.yaxis.set_major_formatter(plots.HUMAN)
    truth.set_ydata([n["true_orders"]] * 2)
    verdict = "covers" if n["holdout_covers"] else "misses"
    plots.set_title(
        left,
        f"Holdout {verdict} the truth; codes off by {n['code_orders'] - n['true_orders']:+,.0f}",
        "dashed: planted truth; lines: 95% intervals; synthetic experiment",
    )
    rates = result.extra["rates"]
    artists = _region_artists(right)
    held = rates["held_out"].to_numpy(bool)
    means = []
    for i, mask in enumerate((~held, held)):
        y = rates["orders_per_1000"].to_numpy(float)[mask]
        artists["dots"][i].set_offsets(np.column_stack([_strip_x(len(y), float(i)), y]))
        mean = float(y.mean()) if len(y) else float("nan")
        artists["means"][i].set_ydata([mean, mean])
        means.append(mean)
    y_all = rates["orders_per_1000"].to_numpy(float)
    pad = 0.08 * (float(y_all.max() - y_all.min()) or 1.0)
    right.set_ylim(float(y_all.min()) - pad, float(y_all.max()) + pad)
    plots.set_title(
        right,
        f"Exposed {means[0]:.2f} vs held out {means[1]:.2f} per 1,000 a week",
        f"one dot per region ({int((~held).sum())} exposed, {int(held.sum())} held out); line: mean",
    )
    few_ticks(left, right)


@register
class IncrementalityLab(Lab):
    """Incrementality lab (lesson 10)."""

    name = "incrementality"
    title = "Incrementality: promo codes, a holdout and EMV against the planted truth"
    tables = ()
    figsize = (plots.LAB_WIDTH_IN, 5.8)
    table_columns: ClassVar[dict[str, Column]] = {
        "orders": Column("incremental orders", fmt="count"),
        "low": Column("95% interval from", fmt="count"),
        "high": Column("95% interval to", fmt="count"),
        "error_pct": Column("off the truth", "%", fmt="percent"),
        "measures": Column("what it measures", fmt="text"),
    }

    def make_controls(self) -> dict[str, w.ValueWidget]:
        def pick(
            description: str, options: list[tuple[str, Any]], value: Any, width: str = "360px"
        ) -> w.SelectionSlider:
            return w.SelectionSlider(
                options=options,
                value=value,
                description=description,
                continuous_update=False,
                style={"description_width": "initial"},
                layout=w.Layout(width=width),
            )

        return {
            "regions": pick("Campaign size (regions)", [(f"{v}", v) for v in SIZES], DEFAULTS["regions"]),
            "holdout_pct": pick(
                "Holdout share (%)", [(f"{v}", v) for v in HOLDOUT_PCTS], DEFAULTS["holdout_pct"]
            ),
            "leakage_pct": pick(
                "Code leakage (% of buyers)", [(f"{v:g}", v) for v in LEAKAGE_PCTS], DEFAULTS["leakage_pct"]
            ),
            "effect_per_1000": pick(
                "True effect (orders per 1,000 a week)",
                [(f"{v:g}", v) for v in EFFECTS],
                DEFAULTS["effect_per_1000"],
                "420px",
            ),
            "draw": pick(
                "Run the experiment again (draw)", [(f"{v}", v) for v in DRAWS], DEFAULTS["draw"], "420px"
            ),
        }

    def compute(self, **values: Any) -> LabResult:
        return incrementality_update(**values)

    def draw(self, fig: Figure, result: LabResult) -> None:
        draw_incrementality(fig, result)
