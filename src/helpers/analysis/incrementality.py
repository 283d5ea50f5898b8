"""Incrementality: did the campaign *cause* the sales? Three estimates against a planted truth.

Input: a regions x weeks table in the format of :func:`helpers.generate.region_sales` (``region``,
``week``, ``population``, ``held_out``, ``impressions``, ``orders``, ``code_orders``); the bundled
``region_sales`` table is one. It is synthetic; its true effect is known only to the generator
(:func:`planted_truth`), so each estimate can be checked.

* :func:`attribution_estimate` counts the orders that used the creator's promo code. Its interval
  covers counting noise only (Poisson); its real error is bias: buyers the campaign brought who never
  type the code are missed (an under-count), and codes leaked to coupon sites are used by people who
  would have bought anyway (an over-count).
* :func:`holdout_estimate` compares regions left out at random with the others: the difference in
  mean weekly orders per 1,000 people, with a Welch 95 % interval. Random assignment makes it
  unbiased; its interval shrinks with more regions and a holdout share near one half.
* :func:`emv_estimate` prices the impressions at a reference CPM. It does not look at sales at all:
  the same impressions give the same EMV whether the campaign sold nothing or a lot.

Units: orders (counts), orders per 1,000 people per week (``*_per_1000``), USD (``*_usd``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist
from typing import Any

import numpy as np
import pandas as pd

from .. import generate, metrics
from ..tables import Column

__all__ = [
    "AVG_ORDER_USD",
    "CPM_RATE",
    "ESTIMATE_COLUMNS",
    "GROUP_COLUMNS",
    "METHODS",
    "Experiment",
    "ExperimentInputError",
    "attribution_estimate",
    "compare_estimates",
    "emv_estimate",
    "experiment_numbers",
    "group_rates",
    "held_out_code_orders",
    "holdout_estimate",
    "planted_truth",
    "region_rates",
    "run_experiment",
    "t_quantile",
]

#: USD per 1,000 impressions for EMV (middle of the USD 5-15 benchmark, wordontheblock 2023, vendor).
CPM_RATE = 10.0
#: USD per order, to show EMV as the orders an "EMV = revenue" report implies (a course assumption).
AVG_ORDER_USD = 50.0
#: The three methods, in the order every table and chart shows them.
METHODS: tuple[str, ...] = ("promo-code attribution", "holdout", "EMV")
#: How :func:`group_rates` is shown (column -> label, unit, format).
GROUP_COLUMNS: dict[str, Column] = {
    "regions": Column("regions", fmt="count"),
    "people": Column("people", fmt="count"),
    "orders": Column("orders (all weeks)", fmt="count"),
    "orders_per_1000": Column("orders per 1,000 people a week, mean of regions", fmt="decimal2"),
}
#: How :func:`compare_estimates` is shown.
ESTIMATE_COLUMNS: dict[str, Column] = {
    "orders": Column("estimate (orders)", fmt="count"),
    "low": Column("95% interval from", fmt="count"),
    "high": Column("95% interval to", fmt="count"),
    "true_orders": Column("planted truth (orders)", fmt="count"),
    "error": Column("estimate - truth", fmt="count"),
    "covers_truth": Column("interval holds the truth", fmt="yesno"),
}


def t_quantile(p: float, df: float) -> float:
    """Quantile ``p`` of Student's t with ``df`` degrees of freedom (Cornish-Fisher expansion of the
    normal quantile; within 0.01 of the exact value for df >= 5 at p = 0.975)."""
    z = NormalDist().inv_cdf(p)
    return (
        z
        + (z**3 + z) / (4 * df)
        + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * df**2)
        + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * df**3)
    )


def planted_truth(seed: int = generate.DEFAULT_SEED, **settings: float) -> dict[str, float]:
    """What only the generator knows about the experiment ``generate.region_sales(seed, **settings)``
    (the bundled ``region_sales`` table at the defaults): ``lift_per_1000`` (orders per 1,000 people
    per week the campaign adds in exposed regions), ``incremental_orders`` (count) and
    ``leaked_code_orders`` (code uses by buyers who would have bought anyway)."""
    return generate.region_sales(seed, **settings)[1]  # type: ignore[arg-type]


def _exposed_person_weeks(table: pd.DataFrame) -> float:
    """Thousands of people x weeks in the regions that saw the campaign."""
    exposed = table[~table["held_out"].astype(bool)]
    return float(exposed["population"].sum()) / 1000


def region_rates(table: pd.DataFrame) -> pd.DataFrame:
    """One row per region (one row per region and week in ``table``): ``population``, ``held_out``,
    ``weeks``, ``orders``, ``code_orders`` (counts over the weeks) and ``orders_per_1000`` (mean
    weekly orders per 1,000 people). Index: ``region``, sorted."""
    codes, regions = pd.factorize(table["region"], sort=True)
    n = len(regions)
    weeks = np.bincount(codes, minlength=n).astype(float)
    population = np.bincount(codes, weights=table["population"].to_numpy(float), minlength=n) / weeks
    orders = np.bincount(codes, weights=table["orders"].to_numpy(float), minlength=n)
    held = np.bincount(codes, weights=table["held_out"].to_numpy(float), minlength=n) > 0
    per_region = pd.DataFrame(
        {
            "population": population,
            "held_out": held,
            "weeks": weeks.astype(np.int64),
            "orders": orders,
            "code_orders": np.bincount(codes, weights=table["code_orders"].to_numpy(float), minlength=n),
            "orders_per_1000": orders / (population / 1000) / weeks,
        },
        index=pd.Index(regions, name="region"),
    )
    return per_region


def group_rates(table: pd.DataFrame) -> pd.DataFrame:
    """Exposed vs held-out regions side by side: ``regions``, ``people`` (count), ``orders``,
    ``code_orders`` (counts over all weeks) and ``orders_per_1000`` (mean over the regions of their
    weekly orders per 1,000 people). Index: ``exposed``, ``held out``."""
    per_region = region_rates(table)
    group = np.where(per_region["held_out"], "held out", "exposed")
    out = per_region.groupby(group).agg(
        regions=("orders", "size"),
        people=("population", "sum"),
        orders=("orders", "sum"),
        code_orders=("code_orders", "sum"),
        orders_per_1000=("orders_per_1000", "mean"),
    )
    out.index.name = "group"
    return out.reindex(["exposed", "held out"])


def held_out_code_orders(table: pd.DataFrame) -> int:
    """Promo-code orders in the held-out regions, where no creator posted: every one of them used a
    leaked code (count)."""
    return int(table.loc[table["held_out"].astype(bool), "code_orders"].sum())


def attribution_estimate(table: pd.DataFrame, level: float = 0.95) -> dict[str, float]:
    """Orders that used the promo code, everywhere: ``orders`` (count), ``low`` / ``high`` (the
    ``level`` Poisson interval of the count: counting noise only, not the bias) and ``per_1000``
    (per 1,000 people per week in the exposed regions)."""
    orders = float(table["code_orders"].sum())
    half = NormalDist().inv_cdf(0.5 + level / 2) * math.sqrt(orders)
    return {
        "orders": orders,
        "low": max(orders - half, 0.0),
        "high": orders + half,
        "per_1000": orders / _exposed_person_weeks(table),
    }


def holdout_estimate(table: pd.DataFrame, level: float = 0.95) -> dict[str, float]:
    """Difference in mean weekly orders per 1,000 people, exposed minus held-out regions, with a
    Welch ``level`` interval (regions are the units: each region's orders over all weeks / its
    population in thousands / weeks).

    Returns ``per_1000``, ``low_per_1000``, ``high_per_1000``, ``se_per_1000``, ``df`` and the same
    scaled to the exposed regions' people and weeks as ``orders``, ``low``, ``high`` (counts).
    Raises ValueError when either group has fewer than 2 regions.
    """
    per_region = region_rates(table)
    rate = per_region["orders_per_1000"]
    held = per_region["held_out"]
    exposed_rates, held_rates = rate[~held].to_numpy(), rate[held].to_numpy()
    if len(exposed_rates) < 2 or len(held_rates) < 2:
        raise ValueError(
            f"a holdout needs at least 2 regions on each side; got {len(exposed_rates)} exposed and "
            f"{len(held_rates)} held out - raise the holdout share or the number of regions"
        )
    va, vb = exposed_rates.var(ddof=1) / len(exposed_rates), held_rates.var(ddof=1) / len(held_rates)
    se = math.sqrt(va + vb)
    df = (
        (va + vb) ** 2 / (va**2 / (len(exposed_rates) - 1) + vb**2 / (len(held_rates) - 1))
        if se > 0
        else math.inf
    )
    diff = float(exposed_rates.mean() - held_rates.mean())
    half = (
        t_quantile(0.5 + level / 2, df) if math.isfinite(df) else NormalDist().inv_cdf(0.5 + level / 2)
    ) * se
    scale = _exposed_person_weeks(table)
    values = {
        "per_1000": diff,
        "low_per_1000": diff - half,
        "high_per_1000": diff + half,
        "se_per_1000": se,
        "df": df,
        "orders": diff * scale,
        "low": (diff - half) * scale,
        "high": (diff + half) * scale,
    }
    return {k: float(v) for k, v in values.items()}


def emv_estimate(table: pd.DataFrame, cpm_rate: float) -> dict[str, float]:
    """EMV of the campaign's impressions at ``cpm_rate`` USD per 1,000 (``emv_usd``). It reads no
    sales: it is a price on attention, not an estimate of what the campaign caused."""
    return {"emv_usd": float(metrics.emv(float(table["impressions"].sum()), cpm_rate=cpm_rate))}


def compare_estimates(
    table: pd.DataFrame, true_orders: float, avg_order_usd: float, cpm_rate: float = 10.0
) -> pd.DataFrame:
    """The three estimates of the campaign's incremental orders next to the planted truth.

    One row per method (:data:`METHODS`); columns ``orders`` (estimate), ``low``, ``high`` (95 %
    interval: counting noise for the code count, Welch for the holdout, NaN for EMV, which estimates
    nothing to have an interval about), ``true_orders``, ``error`` (estimate - truth) and
    ``covers_truth`` (the interval holds the truth). EMV's row is the EMV divided by
    ``avg_order_usd`` (USD per order): the orders an "EMV = revenue" report would imply.
    """
    if avg_order_usd <= 0:
        raise ValueError("avg_order_usd must be above 0 (USD per order)")
    code = attribution_estimate(table)
    hold = holdout_estimate(table)
    emv = emv_estimate(table, cpm_rate)["emv_usd"] / avg_order_usd
    rows = {
        METHODS[0]: (code["orders"], code["low"], code["high"]),
        METHODS[1]: (hold["orders"], hold["low"], hold["high"]),
        METHODS[2]: (emv, np.nan, np.nan),
    }
    out = pd.DataFrame.from_dict(rows, orient="index", columns=["orders", "low", "high"])
    out["true_orders"] = float(true_orders)
    out["error"] = out["orders"] - out["true_orders"]
    out["covers_truth"] = (out["low"] <= out["true_orders"]) & (out["true_orders"] <= out["high"])
    return out


# --- one experiment, as the incrementality lab runs it -------------------------------------------------


class ExperimentInputError(ValueError):
    """Settings an experiment cannot be simulated or estimated with; the message says what to change."""


def _settings(regions: int, holdout_pct: float, leakage_pct: float, effect_per_1000: float) -> dict[str, Any]:
    return {
        "n_regions": int(regions),
        "holdout_share": holdout_pct / 100,
        "code_leakage": leakage_pct / 100,
        "lift_per_1000": float(effect_per_1000),
    }


@dataclass(frozen=True)
class Experiment:
    """One simulated experiment and its three estimates.

    Attributes:
        sales: the :func:`helpers.generate.region_sales` table (one row per region and week).
        truth: the generator's planted figures (``incremental_orders``, ``leaked_code_orders``...).
        estimates: :func:`compare_estimates` (one row per method).
        regions: regions the campaign runs in; held: how many of them were held out.
    """

    sales: pd.DataFrame
    truth: dict[str, Any]
    estimates: pd.DataFrame
    regions: int
    held: int


def run_experiment(
    regions: int, holdout_pct: float, leakage_pct: float, effect_per_1000: float, draw: int, seed: int
) -> Experiment:
    """Simulate one experiment with the generator and estimate its incremental orders three ways.

    Args:
        regions: regions the campaign runs in, held-out ones included (count, >= 4).
        holdout_pct: percent of the regions left out at random (0-100).
        leakage_pct: percent of baseline buyers who use a leaked promo code (0-100).
        effect_per_1000: the planted truth - orders per 1,000 people per week the campaign adds.
        draw: which run of the experiment (1 = the bundled ``region_sales`` table at the defaults).
        seed: the base seed (draw 1 uses it unchanged).

    Raises :class:`ExperimentInputError` for settings that cannot be simulated or estimated.
    """
    if regions < 4:
        raise ExperimentInputError("The campaign needs at least 4 regions: choose a bigger campaign.")
    if not 0 <= holdout_pct <= 100 or not 0 <= leakage_pct <= 100:
        raise ExperimentInputError(
            "Holdout share and code leakage are percentages: choose values from 0 to 100."
        )
    if effect_per_1000 < 0:
        raise ExperimentInputError("The true effect cannot be negative here: choose 0 or more.")
    sales, truth = generate.region_sales(
        seed + int(draw) - 1, **_settings(regions, holdout_pct, leakage_pct, effect_per_1000)
    )
    held = int(sales.loc[sales["week"] == 1, "held_out"].sum())
    try:
        estimates = compare_estimates(sales, truth["incremental_orders"], AVG_ORDER_USD, CPM_RATE)
    except ValueError:
        raise ExperimentInputError(
            f"{held} of {regions} regions held out: a holdout needs at least 2 regions on each side. "
            "Raise the holdout share or the campaign size."
        ) from None
    return Experiment(sales, truth, estimates, regions, held)


def experiment_numbers(experiment: Experiment) -> dict[str, float]:
    """The experiment's figures by name: ``true_orders``, ``code_orders`` (+ ``code_low`` / ``code_high``),
    ``holdout_orders`` (+ ``holdout_low`` / ``holdout_high``), ``emv_usd``, ``emv_orders``,
    ``leaked_code_orders``, ``held_out_code_orders``, ``held_out_regions`` (counts, USD) and
    ``holdout_covers`` (1 if the 95 % interval holds the truth)."""
    code, hold, emv = (experiment.estimates.loc[m] for m in METHODS)
    return {
        "true_orders": experiment.truth["incremental_orders"],
        "code_orders": float(code["orders"]),
        "code_low": float(code["low"]),
        "code_high": float(code["high"]),
        "holdout_orders": float(hold["orders"]),
        "holdout_low": float(hold["low"]),
        "holdout_high": float(hold["high"]),
        "holdout_covers": float(bool(hold["covers_truth"])),
        "emv_usd": float(emv["orders"]) * AVG_ORDER_USD,
        "emv_orders": float(emv["orders"]),
        "leaked_code_orders": experiment.truth["leaked_code_orders"],
        "held_out_code_orders": float(held_out_code_orders(experiment.sales)),
        "held_out_regions": float(experiment.held),
    }
