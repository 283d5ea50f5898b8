"""Incrementality: did the campaign *cause* the sales? Three estimates against a planted truth.

Input: a regions x weeks table in the format of :func:`helpers.generate.region_sales` (``region``,
``week``, ``population``, ``held_out``, ``impressions``, ``orders``, ``code_orders``). The bundled
version is synthetic; its true lift is known only to the generator, so each estimate can be checked.

* :func:`attribution_estimate` counts the orders that used the creator's promo code. It has no
  sampling interval - it is a count - and its error is bias: buyers the campaign brought who never
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
from statistics import NormalDist

import numpy as np
import pandas as pd

from .. import metrics

__all__ = ["attribution_estimate", "compare_estimates", "emv_estimate", "holdout_estimate", "t_quantile"]


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


def _exposed_person_weeks(table: pd.DataFrame) -> float:
    """Thousands of people x weeks in the regions that saw the campaign."""
    exposed = table[~table["held_out"].astype(bool)]
    return float(exposed["population"].sum()) / 1000


def attribution_estimate(table: pd.DataFrame) -> dict[str, float]:
    """Orders that used the promo code, everywhere: ``orders`` (count) and ``per_1000`` (per 1,000
    people per week in the exposed regions). No interval: the error of a count is bias, not noise."""
    orders = float(table["code_orders"].sum())
    return {"orders": orders, "per_1000": orders / _exposed_person_weeks(table)}


def holdout_estimate(table: pd.DataFrame, level: float = 0.95) -> dict[str, float]:
    """Difference in mean weekly orders per 1,000 people, exposed minus held-out regions, with a
    Welch ``level`` interval (regions are the units: each region's orders over all weeks / its
    population in thousands / weeks).

    Returns ``per_1000``, ``low_per_1000``, ``high_per_1000``, ``se_per_1000``, ``df`` and the same
    scaled to the exposed regions' people and weeks as ``orders``, ``low``, ``high`` (counts).
    Raises ValueError when either group has fewer than 2 regions.
    """
    per_region = table.groupby("region", observed=True).agg(
        orders=("orders", "sum"),
        population=("population", "first"),
        weeks=("week", "nunique"),
        held_out=("held_out", "first"),
    )
    rate = per_region["orders"] / (per_region["population"] / 1000) / per_region["weeks"]
    held = per_region["held_out"].astype(bool)
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

    One row per method (``promo-code attribution``, ``holdout``, ``EMV``); columns ``orders``
    (estimate), ``low``, ``high`` (95 % interval; NaN where the method has none), ``true_orders``
    and ``error`` (estimate - truth). EMV's row is the EMV divided by ``avg_order_usd`` (USD per
    order): the orders an "EMV = revenue" report would imply.
    """
    if avg_order_usd <= 0:
        raise ValueError("avg_order_usd must be above 0 (USD per order)")
    code = attribution_estimate(table)
    hold = holdout_estimate(table)
    emv = emv_estimate(table, cpm_rate)["emv_usd"] / avg_order_usd
    rows = {
        "promo-code attribution": (code["orders"], np.nan, np.nan),
        "holdout": (hold["orders"], hold["low"], hold["high"]),
        "EMV": (emv, np.nan, np.nan),
    }
    out = pd.DataFrame.from_dict(rows, orient="index", columns=["orders", "low", "high"])
    out["true_orders"] = float(true_orders)
    out["error"] = out["orders"] - out["true_orders"]
    return out
