"""Lesson 06: people talk to people - outreach replies, patience, and the long-term hypothesis.

Functions take the tables as :mod:`helpers.data` loads them:

* ``outreach`` - one row per first message (``template_style``, ``sender_role``, ``channel``,
  ``replied``, ``days_to_reply``);
* ``campaigns`` - one row per campaign (``partnership`` one_off / long_term, ``niche_fit``,
  ``clicks``, ``conversions``), joined to ``influencers`` for the credibility scores.

Units: reply rates and shares are **percent (0-100)**; 95% intervals are Wilson score intervals in
percent; delays are **days**; uplifts are **fractions** (0.15 = conversions per click 15% higher).

Everything here describes the course's SYNTHETIC data. Its reply-rate gaps exist because the
generator builds them in (an assumption taken from the source article, with no published rates
behind it), and the long-term uplift is a hypothesis parameter of the generator: vendors claim
such an effect, no peer-reviewed study measured it. The data can show how to measure an effect,
never that it exists.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from .. import generate, plots

__all__ = [
    "Z_95",
    "adjusted_uplift",
    "draw_reply_curve",
    "draw_uplift_experiment",
    "generator_hypothesis",
    "late_reply_share",
    "partnership_conversion",
    "patience_finding",
    "personalisation_finding",
    "raw_uplift",
    "reply_delay_curve",
    "reply_rate_pivot",
    "reply_rates",
    "sender_finding",
    "uplift_experiment",
    "wilson_interval",
]

#: z value of a two-sided 95% interval.
Z_95 = 1.959963984540054


def wilson_interval(
    successes: np.ndarray, trials: np.ndarray, z: float = Z_95
) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval of a proportion, as two arrays of **fractions** (low, high).

    Better than "p +- 1.96 SE" for small groups and rates near 0 or 1. Groups with 0 trials give NaN.
    """
    k = np.asarray(successes, dtype=float)
    n = np.asarray(trials, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = k / n
        denom = 1 + z**2 / n
        centre = (p + z**2 / (2 * n)) / denom
        half = z * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / denom
    return centre - half, centre + half


def reply_rates(
    outreach: pd.DataFrame, by: str | Sequence[str] = ("template_style", "sender_role")
) -> pd.DataFrame:
    """Reply rate per group of first messages, with its 95% interval.

    Returns one row per group (empty groups dropped) and the columns ``messages`` (count),
    ``replies`` (count), ``reply_rate_pct``, ``ci_low_pct`` and ``ci_high_pct`` (percent).
    """
    keys = [by] if isinstance(by, str) else list(by)
    grouped = outreach.groupby(keys, observed=True)["replied"]
    table = pd.DataFrame({"messages": grouped.size(), "replies": grouped.sum().astype("int64")})
    low, high = wilson_interval(table["replies"].to_numpy(), table["messages"].to_numpy())
    table["reply_rate_pct"] = 100 * table["replies"] / table["messages"]
    table["ci_low_pct"] = 100 * low
    table["ci_high_pct"] = 100 * high
    return table


def reply_rate_pivot(
    outreach: pd.DataFrame, rows: str = "template_style", columns: str = "sender_role"
) -> pd.DataFrame:
    """Reply rate in **percent** with ``rows`` down and ``columns`` across (plain string labels,
    in the categories' order)."""
    rates = reply_rates(outreach, [rows, columns])["reply_rate_pct"].unstack(columns)
    rates.index = pd.Index([str(v) for v in rates.index], name=rows)
    rates.columns = pd.Index([str(v) for v in rates.columns], name=columns)
    return rates


def reply_delay_curve(outreach: pd.DataFrame, by: str = "template_style", max_days: int = 30) -> pd.DataFrame:
    """Share of the *eventual* replies (within 30 days) already received after each day of waiting.

    Index: days waited, 0..``max_days``; one column per group of ``by``; values in **percent** of
    that group's replies (100 at the last day). It shows how much patience pays: the replies a
    brand would miss by giving up early.
    """
    replied = outreach[outreach["replied"]]
    days = np.arange(max_days + 1)
    curves = {}
    for name, group in replied.groupby(by, observed=True):
        delays = group["days_to_reply"].to_numpy(dtype=float, na_value=np.nan)
        delays = delays[np.isfinite(delays)]
        if delays.size:
            curves[str(name)] = 100 * np.searchsorted(np.sort(delays), days, side="right") / delays.size
    out = pd.DataFrame(curves, index=pd.Index(days, name="days_waited"))
    return out


def late_reply_share(outreach: pd.DataFrame, after_days: int) -> float:
    """Percent of the replies that arrived **more than** ``after_days`` days after sending
    (messages without a reply do not count). NaN when there is no reply at all."""
    delays = outreach.loc[outreach["replied"], "days_to_reply"].to_numpy(dtype=float, na_value=np.nan)
    delays = delays[np.isfinite(delays)]
    if not delays.size:
        return float("nan")
    return float(100 * (delays > after_days).mean())


# --- the long-term partnership hypothesis ------------------------------------------------------------
def partnership_conversion(campaigns: pd.DataFrame) -> pd.DataFrame:
    """Campaigns, clicks, conversions and conversions per click (percent) by partnership type."""
    grouped = campaigns.groupby("partnership", observed=True)
    table = pd.DataFrame(
        {
            "campaigns": grouped.size(),
            "mean_niche_fit": grouped["niche_fit"].mean(),
            "clicks": grouped["clicks"].sum(),
            "conversions": grouped["conversions"].sum(),
        }
    )
    table["conversion_rate_pct"] = 100 * table["conversions"] / table["clicks"]
    table.index = pd.Index([str(v) for v in table.index], name="partnership")
    return table


def raw_uplift(campaigns: pd.DataFrame) -> float:
    """Naive uplift (fraction): long-term conversions per click / one-off conversions per click - 1.

    Not adjusted for anything: if long-term partners are chosen differently (better niche fit, more
    credible creators), this mixes that choice with the partnership itself.
    """
    rates = partnership_conversion(campaigns)["conversion_rate_pct"]
    return float(rates["long_term"] / rates["one_off"] - 1)


def adjusted_uplift(campaigns: pd.DataFrame, influencers: pd.DataFrame) -> float:
    """Uplift (fraction) of conversions per click for long-term partnerships, **adjusted** for niche
    fit and the creator's credibility ((knowledge + authority) / 20).

    ``exp(b) - 1`` where ``b`` is the long-term coefficient of a click-weighted least-squares fit of
    ``ln((conversions + 0.5) / (clicks + 1))`` on long-term (0/1), niche fit and credibility (the
    same estimate the datasheet's calibration test uses). Campaigns without clicks are left out.
    """
    scores = influencers[["influencer_id", "knowledge_score", "authority_score"]]
    c = campaigns.merge(scores, on="influencer_id", how="inner")
    c = c[c["clicks"] > 0]
    if c.empty or c["partnership"].astype(str).nunique() < 2:
        return float("nan")
    y = np.log((c["conversions"].to_numpy(float) + 0.5) / (c["clicks"].to_numpy(float) + 1))
    design = np.column_stack(
        [
            np.ones(len(c)),
            (c["partnership"].astype(str) == "long_term").to_numpy(float),
            c["niche_fit"].to_numpy(float),
            ((c["knowledge_score"] + c["authority_score"]) / 20).to_numpy(float),
        ]
    )
    w = np.sqrt(c["clicks"].to_numpy(float))
    beta = np.linalg.lstsq(design * w[:, None], y * w, rcond=None)[0]
    return float(np.exp(beta[1]) - 1)


def generator_hypothesis() -> float:
    """The ``long_term_uplift`` the generator uses by default (fraction) - the value ``make data``
    builds the bundled data with. A hypothesis parameter, not a measured effect."""
    return float(generate.DEFAULT_PARAMS.long_term_uplift)


def uplift_experiment(uplifts: Iterable[float], seed: int = generate.DEFAULT_SEED) -> pd.DataFrame:
    """Regenerate the synthetic data once per hypothesised uplift and measure it again.

    For each value ``u`` (fraction, >= 0) the generator rebuilds the campaigns in memory with
    ``long_term_uplift=u`` (nothing is written to disk; creators and posts are built once, since
    the uplift acts only in the campaign funnel). Returns one row per value with
    ``raw_uplift_pct`` and ``adjusted_uplift_pct`` (percent). The estimates follow whatever was
    put in: the simulation illustrates the method, it cannot test the claim.
    """
    uplifts = list(uplifts)
    for u in uplifts:
        if not np.isfinite(u) or u < 0:
            raise ValueError(f"an uplift must be a number >= 0 (0.15 = +15%); got {u!r}")
    influencers, variants = generate.generate_uplift_variants(uplifts, seed=seed)
    rows = [
        {
            "hypothesised_uplift_pct": 100 * float(u),
            "raw_uplift_pct": 100 * raw_uplift(variants[float(u)]),
            "adjusted_uplift_pct": 100 * adjusted_uplift(variants[float(u)], influencers),
        }
        for u in uplifts
    ]
    return pd.DataFrame(rows).set_index("hypothesised_uplift_pct")


# --- findings and figures for the notebook ----------------------------------------------------------------
def personalisation_finding(rates: pd.DataFrame) -> str:
    """Title for reply rates by ``template_style`` (:func:`reply_rates` by that column)."""
    r = rates["reply_rate_pct"]
    ratio = r["personalised"] / r["generic"]
    if ratio > 1.05:
        return f"Personalised first messages got {ratio:.1f}x the replies of templates"
    return "Personalised and template messages got about the same reply rate"


def sender_finding(pivot: pd.DataFrame) -> str:
    """Title for the reply-rate pivot (:func:`reply_rate_pivot`, styles down, senders across)."""
    lift = pivot["executive"] - pivot["coordinator"]
    if (lift > 0).all():
        return f"An executive's signature added {lift.min():.0f}-{lift.max():.0f} points in both styles"
    return "An executive's signature did not help in every style"


def patience_finding(outreach: pd.DataFrame, days: int = 3) -> str:
    """Title for the reply-delay curve: the share of replies a brand misses by giving up early."""
    return f"Giving up after {days} days would miss {late_reply_share(outreach, days):.0f}% of the replies"


def draw_reply_curve(ax: Axes, curve: pd.DataFrame, mark_day: int = 7) -> Axes:
    """Step lines of :func:`reply_delay_curve` (one per group, colour + marker) and a marker line
    at ``mark_day``; y in percent of the eventual replies."""
    plots.style_axes(ax)
    for i, column in enumerate(curve.columns):
        ax.step(
            curve.index,
            curve[column],
            where="post",
            label=column,
            color=plots.PALETTE[i % len(plots.PALETTE)],
            marker=plots.MARKERS[i % len(plots.MARKERS)],
            markevery=5,
            linewidth=2.2,
        )
    ax.axvline(mark_day, color="#555555", linestyle="--", linewidth=1.2)
    ax.annotate(f"day {mark_day}", (mark_day, 5), xytext=(4, 0), textcoords="offset points")
    ax.set_xlabel("days waited after sending")
    ax.set_ylabel("% of the replies received")
    ax.set_ylim(0, 103)
    ax.legend(loc="lower right")
    return ax


def draw_uplift_experiment(ax: Axes, table: pd.DataFrame) -> Axes:
    """Hypothesised uplift (x) against the adjusted and raw estimates (y), all in percent, with the
    line on which estimate = hypothesis."""
    plots.style_axes(ax)
    x = table.index.to_numpy(dtype=float)
    span = [min(0.0, float(np.nanmin(table.to_numpy()))), float(np.nanmax([x.max(), *table.max()])) * 1.1 + 1]
    ax.plot(span, span, color="#999999", linestyle=":", label="estimate = hypothesis")
    for i, (column, label) in enumerate(
        (("adjusted_uplift_pct", "adjusted estimate"), ("raw_uplift_pct", "raw ratio (not adjusted)"))
    ):
        ax.plot(
            x,
            table[column],
            marker=plots.MARKERS[i],
            color=plots.PALETTE[i],
            linewidth=2,
            markersize=9,
            label=label,
        )
    ax.set_xlabel("long_term_uplift put into the generator (%)")
    ax.set_ylabel("uplift measured in the data (%)")
    ax.legend(loc="upper left")
    return ax
