"""Deals with creators: pay models, cited rate ranges, and who carries the risk of a post's sales.

A deal fixes what a creator is paid and what the brand pays; the sales a post brings are uncertain.
This module draws that uncertainty from the bundled (synthetic) past campaigns - the sales per post of
creators of one platform and follower tier - and computes, for each pay model, the distribution of the
creator's earnings and of the brand's cost per sale over the same seeded draws:

* **gifting** (product seeding): the creator gets the product, nothing else, and owes no post;
* **flat fee** per deliverable: the creator is paid whatever the post sells;
* **affiliate** (commission): the creator earns a share of the revenue each sale brings, nothing more;
* **hybrid**: a (usually smaller) fee plus a commission.

All functions are pure: tables and numbers in, numbers and frames out. Units: US dollars, sales
(conversions) per post, percent where the name says ``pct``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .. import metrics

__all__ = [
    "CASES",
    "GIFT_POST_CHANCE",
    "N_SIMS",
    "PAY_MODELS",
    "SEED",
    "DealOutcome",
    "MediaKitFit",
    "RateRange",
    "SalesHistory",
    "audience_fit",
    "compare_pay_models",
    "cost_per_thousand_reached",
    "crossover_sales",
    "deal_outcome",
    "draw_outcomes",
    "example_media_kit",
    "pay",
    "rate_range",
    "rate_table",
    "sales_histories",
]

#: The four pay models, in the order every table and figure shows them.
PAY_MODELS: tuple[str, ...] = ("gifting", "flat fee", "affiliate", "hybrid")
#: Simulated outcomes per comparison (more = smoother percentiles, slower).
N_SIMS = 2_000
#: Seed of the draws, so the same controls always give the same numbers.
SEED = 808
#: Chance that a gifted creator posts at all. A course assumption, not a published figure: a gift
#: buys no obligation to post, and the lab shows what that uncertainty does to the brand's cost per sale.
GIFT_POST_CHANCE = 0.5
#: Platforms with cited price ranges (``price_usd_<platform>_<tier>_low/high`` in the benchmarks table).
PLATFORMS: tuple[str, ...] = ("instagram", "tiktok", "youtube")
#: Tiers of the cited price ranges: Mediakix's follower bands.
TIERS: tuple[str, ...] = ("nano", "micro", "mid", "macro", "mega")


# --------------------------------------------------------------------------------------------------
# Cited rate ranges (the benchmarks table: real, with a source per row)
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RateRange:
    """A quoted price range for one sponsored post (YouTube: one video), USD.

    ``high_usd`` is NaN for an open-ended top tier ("$10K+"); ``low_usd`` is NaN where no range is
    quoted (TikTok macro and mega)."""

    platform: str
    tier: str
    low_usd: float
    high_usd: float
    source: str

    @property
    def quoted(self) -> bool:
        """Whether the source quotes a price for this tier at all."""
        return not math.isnan(self.low_usd)

    def describe(self) -> str:
        """``"USD 500-5,000"``, ``"USD 10,000 and up"`` or ``"no quoted range"`` (no "$": two of them in
        one output would be typeset as mathematics in JupyterLab)."""
        if not self.quoted:
            return "no quoted range"
        if math.isnan(self.high_usd):
            return f"USD {self.low_usd:,.0f} and up"
        return f"USD {self.low_usd:,.0f}-{self.high_usd:,.0f}"


def _benchmark(benchmarks: pd.DataFrame, key: str) -> tuple[float, str]:
    rows = benchmarks.loc[benchmarks["key"].astype(str) == key]
    if rows.empty:
        return math.nan, ""
    return float(rows["value"].iloc[0]), str(rows["source"].iloc[0])


def rate_range(benchmarks: pd.DataFrame, platform: str, tier: str) -> RateRange:
    """The cited price range of one post for ``platform`` and Mediakix ``tier`` (benchmarks table)."""
    low, source = _benchmark(benchmarks, f"price_usd_{platform}_{tier}_low")
    high, source_high = _benchmark(benchmarks, f"price_usd_{platform}_{tier}_high")
    return RateRange(platform, tier, low, high, source or source_high)


def rate_table(benchmarks: pd.DataFrame) -> pd.DataFrame:
    """Cited price ranges per post as text, tiers (rows) x platforms (columns)."""
    rows = {tier: {p: rate_range(benchmarks, p, tier).describe() for p in PLATFORMS} for tier in TIERS}
    table = pd.DataFrame(rows).T
    table.index.name = "tier (Mediakix)"
    return table


# --------------------------------------------------------------------------------------------------
# Sales per post from the (synthetic) past campaigns
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SalesHistory:
    """Past campaigns of one platform and tier: sales (conversions) per post and fee per post, USD."""

    platform: str
    tier: str
    sales_per_post: np.ndarray
    fee_per_post_usd: np.ndarray

    @property
    def campaigns(self) -> int:
        """How many past campaigns the draws come from."""
        return len(self.sales_per_post)


def sales_histories(
    campaigns: pd.DataFrame, influencers: pd.DataFrame
) -> dict[tuple[str, str], SalesHistory]:
    """Past campaigns grouped by the creator's platform and Mediakix tier: sales and fee per post."""
    joined = campaigns.merge(influencers[["influencer_id", "followers", "platform"]], on="influencer_id")
    posts = joined["n_posts"].clip(lower=1).to_numpy(dtype=float)
    frame = pd.DataFrame(
        {
            "platform": joined["platform"].astype(str).to_numpy(),
            "tier": metrics.assign_tier(joined["followers"], "mediakix").astype(str).to_numpy(),
            "sales": joined["conversions"].to_numpy(dtype=float) / posts,
            "fee": joined["fee_usd"].to_numpy(dtype=float) / posts,
        }
    )
    found = {}
    for (platform, tier), rows in frame.groupby(["platform", "tier"], sort=False):
        found[(str(platform), str(tier))] = SalesHistory(
            str(platform), str(tier), rows["sales"].to_numpy(), rows["fee"].to_numpy()
        )
    return found


def draw_outcomes(
    history: SalesHistory, n: int = N_SIMS, seed: int = SEED, gift_post_chance: float = GIFT_POST_CHANCE
) -> tuple[np.ndarray, np.ndarray]:
    """``n`` simulated outcomes of one post: sales if the post goes live (drawn with replacement from
    the history), and whether a gifted creator posts (True with ``gift_post_chance``). The same draws
    serve every pay model, so their differences come from the deal, not from luck."""
    if history.campaigns == 0:
        raise ValueError(f"no past {history.platform} {history.tier} campaigns to draw sales from")
    rng = np.random.default_rng(seed)
    sales = history.sales_per_post[rng.integers(0, history.campaigns, size=n)]
    gifted_posts = rng.random(n) < gift_post_chance
    return sales, gifted_posts


# --------------------------------------------------------------------------------------------------
# Pay models
# --------------------------------------------------------------------------------------------------


def pay(
    pay_model: str,
    sales: np.ndarray,
    *,
    fee_usd: float,
    commission_pct: float,
    order_value_usd: float,
    gifted_posts: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per outcome: (sales the brand gets, the brand's cost in USD, the creator's earnings in USD).

    Gifting: the product (worth ``order_value_usd`` at retail) is the whole payment and sales come only
    where the creator posts (``gifted_posts``). Flat fee: ``fee_usd`` whatever the sales. Affiliate:
    ``commission_pct`` of each sale's revenue (``order_value_usd``). Hybrid: fee plus commission.
    """
    if pay_model not in PAY_MODELS:
        raise ValueError(f"unknown pay model {pay_model!r}; choose one of {PAY_MODELS}")
    sales = np.asarray(sales, dtype=float)
    commission = commission_pct / 100 * order_value_usd * sales
    if pay_model == "gifting":
        posted = np.ones_like(sales, dtype=bool) if gifted_posts is None else gifted_posts
        got = np.where(posted, sales, 0.0)
        cost = np.full_like(sales, float(order_value_usd))
        return got, cost, cost.copy()
    if pay_model == "flat fee":
        cost = np.full_like(sales, float(fee_usd))
    elif pay_model == "affiliate":
        cost = commission
    else:
        cost = fee_usd + commission
    return sales, cost, cost.copy()


def crossover_sales(fee_usd: float, commission_pct: float, order_value_usd: float) -> float:
    """Sales per post at which a commission pays as much as the flat fee: fee / (commission x order
    value). Above it the creator earns more on affiliate (and the brand pays more); below it the flat
    fee pays the creator more. Infinite when the commission earns nothing."""
    per_sale = commission_pct / 100 * order_value_usd
    return math.inf if per_sale <= 0 else fee_usd / per_sale


def _q(values: np.ndarray, pct: float) -> float:
    # no interpolation: between a finite value and an infinite one it would give NaN
    return float(np.percentile(values, pct, method="inverted_cdf"))


@dataclass(frozen=True)
class DealOutcome:
    """One pay model over the simulated outcomes: 10th, 50th and 90th percentiles (USD).

    Cost per sale is the brand's cost / the sales it got; an outcome the brand paid for without a sale
    has an infinite cost per sale, one without a sale and without a cost (a commission on no sales) is
    left out (``no_sale_pct`` says how often a post brought no sale)."""

    pay_model: str
    creator_p10: float
    creator_p50: float
    creator_p90: float
    creator_sd: float
    brand_cost_p50: float
    cost_per_sale_p10: float
    cost_per_sale_p50: float
    cost_per_sale_p90: float
    cost_per_sale_spread: float
    no_sale_pct: float
    beats_flat_pct: float

    def as_row(self) -> dict[str, float | str]:
        """The outcome as a plain dict (one table row)."""
        return dict(self.__dict__)


def deal_outcome(
    pay_model: str,
    sales: np.ndarray,
    gifted_posts: np.ndarray,
    *,
    fee_usd: float,
    commission_pct: float,
    order_value_usd: float,
) -> DealOutcome:
    """Percentiles of the creator's earnings and the brand's cost per sale for one pay model.

    ``cost_per_sale_spread`` is p90 - p10 of the cost per sale (infinite when over 10 % of outcomes
    bring no sale): how much the brand's cost per sale depends on luck. ``beats_flat_pct`` is the
    share of outcomes in which this model pays the creator more than the flat fee would."""
    terms = {"fee_usd": fee_usd, "commission_pct": commission_pct, "order_value_usd": order_value_usd}
    got, cost, earnings = pay(pay_model, sales, gifted_posts=gifted_posts, **terms)
    per_sale = np.where(got > 0, cost / np.where(got > 0, got, 1.0), math.inf)
    # an outcome without a sale and without a cost (a commission on nothing) costs nothing per sale
    paid_for = per_sale[(got > 0) | (cost > 0)]
    p10, p50, p90 = (_q(paid_for, p) if paid_for.size else math.nan for p in (10, 50, 90))
    return DealOutcome(
        pay_model=pay_model,
        creator_p10=_q(earnings, 10),
        creator_p50=_q(earnings, 50),
        creator_p90=_q(earnings, 90),
        creator_sd=float(earnings.std()),
        brand_cost_p50=_q(cost, 50),
        cost_per_sale_p10=p10,
        cost_per_sale_p50=p50,
        cost_per_sale_p90=p90,
        cost_per_sale_spread=p90 - p10 if math.isfinite(p90) else math.inf,
        no_sale_pct=float(100 * (got <= 0).mean()),
        beats_flat_pct=float(100 * (earnings > fee_usd).mean()),
    )


def compare_pay_models(
    history: SalesHistory,
    *,
    fee_usd: float,
    commission_pct: float,
    order_value_usd: float,
    n: int = N_SIMS,
    seed: int = SEED,
) -> pd.DataFrame:
    """Every pay model on the same seeded draws: one row per model (:class:`DealOutcome` fields)."""
    sales, gifted = draw_outcomes(history, n, seed)
    terms = {"fee_usd": fee_usd, "commission_pct": commission_pct, "order_value_usd": order_value_usd}
    rows = [deal_outcome(m, sales, gifted, **terms).as_row() for m in PAY_MODELS]
    return pd.DataFrame(rows).set_index("pay_model")


@dataclass(frozen=True)
class DealComparison:
    """The four pay models for one post by a creator of one platform and tier, and where affiliate
    overtakes the flat fee (build it with :func:`compare_deal`).

    Attributes:
        table: :func:`compare_pay_models` (one row per pay model).
        crossover_sales: sales per post above which affiliate pays the creator more than the flat fee.
        affiliate_beats_flat_pct: simulated posts above the crossover, percent.
        median_sales: median simulated sales per post.
        campaigns: past campaigns the sales are drawn from (count).
        cited: the cited rate range for the platform and tier.
    """

    table: pd.DataFrame
    crossover_sales: float
    affiliate_beats_flat_pct: float
    median_sales: float
    campaigns: int
    cited: RateRange

    def numbers(self, pay_model: str) -> dict[str, float]:
        """``crossover_sales``, ``affiliate_beats_flat_pct``, ``median_sales``, ``campaigns``,
        ``range_low_usd``, ``range_high_usd``, then ``<field>_<model>`` for every :class:`DealOutcome`
        field of every model (``_`` for spaces) and the ``pay_model``'s fields without suffix."""
        numbers: dict[str, float] = {
            "crossover_sales": self.crossover_sales,
            "affiliate_beats_flat_pct": self.affiliate_beats_flat_pct,
            "median_sales": self.median_sales,
            "campaigns": float(self.campaigns),
            "range_low_usd": self.cited.low_usd,
            "range_high_usd": self.cited.high_usd,
        }
        for model, row in self.table.iterrows():
            numbers |= {f"{k}_{str(model).replace(' ', '_')}": float(v) for k, v in row.items()}
        return numbers | {k: float(v) for k, v in self.table.loc[pay_model].items()}


def compare_deal(
    history: SalesHistory, cited: RateRange, *, fee_usd: float, commission_pct: float, order_value_usd: float
) -> DealComparison:
    """Every pay model on the same seeded draws of ``history``, the affiliate crossover and how many
    simulated posts pass it (:class:`DealComparison`)."""
    table = compare_pay_models(
        history, fee_usd=fee_usd, commission_pct=commission_pct, order_value_usd=order_value_usd
    )
    cross = crossover_sales(fee_usd, commission_pct, order_value_usd)
    sales, _ = draw_outcomes(history)
    return DealComparison(
        table=table,
        crossover_sales=cross,
        affiliate_beats_flat_pct=float(100 * (sales > cross).mean()) if math.isfinite(cross) else 0.0,
        median_sales=float(np.median(sales)),
        campaigns=history.campaigns,
        cited=cited,
    )


# --------------------------------------------------------------------------------------------------
# Two real cases (FTC actions), as published, and the arithmetic a learner can do on them
# --------------------------------------------------------------------------------------------------

#: Published facts of two FTC cases (``calibration.md``, "Real cases"): numbers as stated, USD.
CASES: dict[str, dict[str, float | str]] = {
    "Lord & Taylor": {
        "creators": 50,
        "fee_low_usd": 1_000,
        "fee_high_usd": 4_000,
        "reached": 11_400_000,
        "engagements": 328_000,
        "source": "FTC press release (complaint March 2016, final order May 2016, File No. 152-3181); "
        "reach and engagement figures via press coverage",
    },
    "Warner Bros.": {
        "views": 5_500_000,
        "pewdiepie_views": 3_700_000,
        "source": "FTC press release, July 2016 (Warner Bros. Home Entertainment); view counts via press "
        "coverage",
    },
}


# --------------------------------------------------------------------------------------------------
# Case arithmetic and audience fit
# --------------------------------------------------------------------------------------------------


def cost_per_thousand_reached(total_cost_usd: float, reached: float) -> float:
    """Cost per 1,000 accounts reached, USD: cost / reached x 1,000 (reach = unique accounts, so this
    is at least the CPM, which divides by impressions)."""
    if reached <= 0:
        raise ValueError("reached must be above 0 accounts")
    return total_cost_usd / reached * 1_000


@dataclass(frozen=True)
class MediaKitFit:
    """How much of a creator's audience is real people in the launch market."""

    handle: str
    followers: float
    real_followers: float
    in_market: float
    in_market_per_1k_usd: float


def example_media_kit() -> pd.DataFrame:
    """Four creators' media-kit figures for a launch in one market: SYNTHETIC, invented for the lesson.

    Columns: ``followers``, ``audience_authenticity`` (0-1, as an audit tool estimates it),
    ``audience_in_market`` (0-1 share of the audience located in the launch market, as a platform's
    audience insights report it) and ``fee_usd`` (quoted fee for one post)."""
    return pd.DataFrame(
        {
            "handle": ["big_city_bites", "home_cook_hana", "grill_and_chill", "kitchen_katie"],
            "followers": [480_000, 95_000, 160_000, 22_000],
            "audience_authenticity": [0.62, 0.91, 0.84, 0.93],
            "audience_in_market": [0.14, 0.71, 0.38, 0.88],
            "fee_usd": [4_800, 1_500, 1_900, 260],
        }
    ).set_index("handle")


def audience_fit(media_kit: pd.DataFrame) -> pd.DataFrame:
    """Per creator: real followers (followers x authenticity), real followers in the launch market
    (x share in market) and those per USD 1,000 of fee, best first by the last."""
    real = media_kit["followers"] * media_kit["audience_authenticity"]
    in_market = real * media_kit["audience_in_market"]
    fit = pd.DataFrame(
        {
            "followers": media_kit["followers"],
            "real_followers": real,
            "in_market": in_market,
            "in_market_per_1k_usd": in_market / media_kit["fee_usd"] * 1_000,
        }
    )
    return fit.sort_values("in_market_per_1k_usd", ascending=False)
