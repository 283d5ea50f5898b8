"""Seeded generator of the course's synthetic datasets, calibrated to published figures.

Run ``make data`` (= ``python -m helpers.generate --out datasets``) to rebuild ``datasets/``::

    python -m helpers.generate --out datasets [--seed 2025] [--scale 1] [--long-term-uplift 0.15]

The output is byte-identical on every run with the same arguments: one seeded
``numpy.random.Generator`` per part of the data (no global random state), rows sorted by primary
key, fixed float formatting, ``\\n`` line ends, no timestamps. ``--scale K`` multiplies the number of
creators, campaigns and outreach messages (posts follow the creators).

Single source of truth for the calibration: the published figures live in :data:`BENCHMARK_FIGURES`
(written to ``benchmarks.csv``) and the generator reads its targets from them with
:func:`benchmark`. Every other modelling choice is a field of :class:`Params` with its unit and
meaning; the datasheet lists them all.

Built-in effects (each documented in ``datasets/README.md`` with the source it mimics):

1. engagement rate by followers falls with follower count; Instagram band medians sit near
   HypeAuditor's 2018 medians, and the creator-to-creator spread is bounded above (no 6-10x
   outliers: the 99th percentile of a band stays within a few times its median);
2. engagement with sponsored posts, relative to the creator's own organic posts, is an inverted U in
   log followers (Wies, Bleier & Edeling 2023). The peak is not coded anywhere: it emerges from two
   opposing, monotone mechanisms - a sponsored post's extra reach grows with log followers, while
   the relationship score (and with it the share of reached people who engage with an ad) falls;
3. campaigns follow a funnel, reach -> clicks (bounded click-through rate) -> conversions (bounded
   conversion rate), with fees at the creator's rate card times the posts (bounded negotiation
   noise), so cost per acquisition is tens of dollars in every tier; conversions per dollar depend
   on niche fit and audience authenticity more than on followers;
4. fake-follower share grows with tier;
5. personalised and executive-signed outreach is replied to more often;
6. prices rise sub-linearly with followers and with engagement (brands pay for engagement); most
   creators are priced inside the IMH range of their tier and platform;
7. long-term partnerships convert better only through :attr:`Params.long_term_uplift`, a
   hypothesis parameter (no peer-reviewed support; set it to 0 to remove the effect).
"""

from __future__ import annotations

import argparse
import io
import math
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path

import numpy as np
import pandas as pd

from . import schema
from .data import validate
from .schema import (
    BRANDS,
    CITIES,
    CONTACT_FORMATS,
    NICHES,
    PLATFORMS,
    PREFERRED_CADENCES,
    TABLES,
    VIDEO_FORMATS,
    Table,
    datasheet_columns_markdown,
    write_schema_json,
)

__all__ = [
    "AFFILIATE_STREAM_KEY",
    "AUDIT_STREAM_KEY",
    "AUDIT_TABLES",
    "BASE_ROWS",
    "BENCHMARK_FIGURES",
    "DEFAULT_PARAMS",
    "DEFAULT_SEED",
    "ER_BANDS",
    "ER_BAND_KEYS",
    "LANDSCAPE_FIGURES",
    "PARAM_DOCS",
    "PRICE_TIERS",
    "PUBLISHER_IS_VENDOR",
    "REGION_STREAM_KEY",
    "Figure",
    "FollowerAuditTruth",
    "LandscapeFigure",
    "Params",
    "affiliate_sales",
    "benchmark",
    "follower_audit",
    "follower_audit_truth",
    "generate_all",
    "main",
    "params_markdown",
    "platform_er_multipliers",
    "price_model",
    "price_range",
    "region_sales",
    "sizes_markdown",
    "to_csv_text",
    "update_datasheet",
    "write_datasets",
]

#: The documented default seed of the bundled data.
DEFAULT_SEED = 2025
#: Rows at scale 1 (posts follow from the creators: about 22 per creator).
BASE_ROWS: Mapping[str, int] = {"influencers": 2000, "campaigns": 1000, "outreach": 2500}
YEAR = 2025
_YEAR_START = np.datetime64(f"{YEAR}-01-01")
_DAYS_IN_YEAR = 365

# =====================================================================================================
# Published figures (REAL). One row each in benchmarks.csv / landscape.csv.
# =====================================================================================================
#: Whether a publisher sells influencer-marketing or social-analytics services, tools or data (or
#: publishes on that industry's behalf). Decided from what each publisher sells, by hand; the
#: platform's own user counts, analyst firms and public media are not vendors.
PUBLISHER_IS_VENDOR: Mapping[str, bool] = {
    "HypeAuditor": True,  # audience-analytics and influencer-search software
    "Influencer Marketing Hub": True,  # industry publisher financed by influencer-marketing platforms
    "Markerly": True,  # influencer-marketing platform
    "influencer-hero": True,  # influencer-marketing software
    "InfluencerDB": True,  # influencer-marketing software
    "Rival IQ": True,  # social-media analytics software
    "Jumper Media": True,  # Instagram growth service
    "HYPR": True,  # influencer-search platform
    "Modash": True,  # influencer-search software
    "wordontheblock": True,  # influencer-marketing agency blog
    "Forrester": False,  # independent analyst firm
    "eMarketer": False,  # independent analyst firm
    "SRF Data": False,  # data team of the Swiss public broadcaster
    "Instagram": False,  # the platform's own user counts, as reported by the press
}


@dataclass(frozen=True)
class Figure:
    """A published figure used as a calibration target or teaching benchmark."""

    key: str
    group: str
    value: float
    unit: str
    definition: str
    source: str
    year: int | None
    confidence: str
    publisher: str

    @property
    def is_vendor_estimate(self) -> bool:
        """See :data:`PUBLISHER_IS_VENDOR`."""
        return PUBLISHER_IS_VENDOR[self.publisher]


_HA18 = "HypeAuditor blog, 37K Instagram accounts, March 2018"
_IMH = "Influencer Marketing Hub"
_IMH_PRICE = "Influencer Marketing Hub (IMH) price ranges, widely quoted"
_ER_BAND_LABELS = ("0_1k", "1k_5k", "5k_20k", "20k_100k", "100k_1m", "1m_plus")
_ER_BAND_TEXT = ("0-1K", "1K-5K", "5K-20K", "20K-100K", "100K-1M", "more than 1M")
_ER_MEDIANS = (16.99, 6.45, 3.76, 2.63, 2.57, 2.56)
_ER_MEANS = (10.58, 4.26, 2.28, 1.62, 1.55, 1.54)
_PRICE_TIER_TEXT = {
    "nano": "1K-10K",
    "micro": "10K-50K",
    "mid": "50K-500K",
    "macro": "500K-1M",
    "mega": "1M+",
}
_PRICE_RANGES: Mapping[str, Mapping[str, tuple[float, float | None]]] = {
    "instagram": {
        "nano": (10, 100),
        "micro": (100, 500),
        "mid": (500, 5_000),
        "macro": (5_000, 10_000),
        "mega": (10_000, None),
    },
    "youtube": {
        "nano": (20, 200),
        "micro": (200, 1_000),
        "mid": (1_000, 10_000),
        "macro": (10_000, 20_000),
        "mega": (20_000, None),
    },
    "tiktok": {"nano": (5, 25), "micro": (25, 125), "mid": (125, 1_250)},
}
_PRICE_ITEM = {
    "instagram": "sponsored Instagram post",
    "youtube": "sponsored YouTube video",
    "tiktok": "sponsored TikTok post",
}


def _f(key: str, group: str, value: float, unit: str, year: int | None, confidence: str, publisher: str,
       source: str, definition: str) -> Figure:  # fmt: skip
    return Figure(key, group, value, unit, definition, source, year, confidence, publisher)


def _er_figures() -> list[Figure]:
    out = []
    for stat, values in (("median", _ER_MEDIANS), ("mean", _ER_MEANS)):
        for label, text, value in zip(_ER_BAND_LABELS, _ER_BAND_TEXT, values, strict=True):
            definition = (
                "Instagram engagement rate by followers, (likes + comments) / followers x 100 per account, "
                f"{stat} over accounts with {text} followers"
            )
            key = f"ig_er_{stat}_pct_{label}"
            out.append(_f(key, "engagement", value, "%", 2018, "P", "HypeAuditor", _HA18, definition))
    return out


def _price_figures() -> list[Figure]:
    out = []
    for platform, tiers in _PRICE_RANGES.items():
        for tier, (low, high) in tiers.items():
            for end, value in (("low", low), ("high", high)):
                if value is None:
                    continue
                definition = (
                    f"{'Lower' if end == 'low' else 'Upper'} end of the quoted price of one "
                    f"{_PRICE_ITEM[platform]}, {tier} tier ({_PRICE_TIER_TEXT[tier]} followers)"
                )
                key = f"price_usd_{platform}_{tier}_{end}"
                out.append(_f(key, "price", value, "USD per post", None, "S", _IMH, _IMH_PRICE, definition))
    return out


_IMH21 = "Influencer Marketing Hub, benchmark report 2021"
_IDB = "InfluencerDB (via secondary report)"
_MARKERLY = "Markerly 2016 via Marketing Dive"
_HA23 = "HypeAuditor, State of Influencer Marketing 2023"
_HA21 = "HypeAuditor 2021"
_BANDS = "attributed to HypeAuditor / Influencer Marketing Hub"
_WOTB = "wordontheblock, influencer CPM benchmarks 2023"
_CPM = "USD per 1,000 impressions"
_HYPR = "HYPR, disclosed sponsored Instagram posts, Q4 2016"
_SRF = "SRF Data 2017, 115 Swiss Instagram influencers (CC BY-SA 4.0)"
_PER_1000 = "USD per 1,000 followers"
_EMK = "eMarketer via Awin, US influencer-marketing spend 2024"

#: Every published figure bundled in benchmarks.csv (calibration targets and teaching benchmarks).
# fmt: off
BENCHMARK_FIGURES: tuple[Figure, ...] = (
    *_er_figures(),
    _f("ig_like_rate_pct_under_1k", "engagement", 8.0, "%", 2016, "S", "Markerly", _MARKERLY,
       "Instagram likes / followers x 100, accounts under 1K followers (about 8%)"),
    _f("ig_like_rate_pct_1k_10k", "engagement", 4.0, "%", 2016, "S", "Markerly", _MARKERLY,
       "Instagram likes / followers x 100, accounts with 1K-10K followers (about 4%)"),
    _f("ig_like_rate_pct_10k_100k", "engagement", 2.37, "%", 2016, "S", "Markerly", _MARKERLY,
       "Instagram likes / followers x 100, accounts with 10K-100K followers"),
    _f("ig_like_rate_pct_1m_10m", "engagement", 1.66, "%", 2016, "S", "Markerly", _MARKERLY,
       "Instagram likes / followers x 100, accounts with 1M-10M followers"),
    _f("er_pct_instagram_micro_2021", "engagement", 3.86, "%", 2021, "S", _IMH, _IMH21,
       "Engagement rate of micro-influencers on Instagram"),
    _f("er_pct_instagram_mega_2021", "engagement", 1.21, "%", 2021, "S", _IMH, _IMH21,
       "Engagement rate of mega-influencers on Instagram"),
    _f("er_pct_youtube_micro_2021", "engagement", 1.64, "%", 2021, "S", _IMH, _IMH21,
       "Engagement rate of micro-influencers on YouTube"),
    _f("er_pct_youtube_mega_2021", "engagement", 0.37, "%", 2021, "S", _IMH, _IMH21,
       "Engagement rate of mega-influencers on YouTube"),
    _f("er_pct_tiktok_micro_2021", "engagement", 18.0, "%", 2021, "S", _IMH, _IMH21,
       "Engagement rate of micro-influencers on TikTok (about 18%)"),
    _f("er_pct_tiktok_mega_2021", "engagement", 5.0, "%", 2021, "S", _IMH, _IMH21,
       "Engagement rate of mega-influencers on TikTok (about 5%)"),
    _f("er_pct_instagram_nano_2023", "engagement", 2.78, "%", 2023, "S", "HypeAuditor", _HA23,
       "Engagement rate of nano-influencers on Instagram"),
    _f("er_pct_tiktok_nano_2023", "engagement", 12.6, "%", 2023, "S", "HypeAuditor", _HA23,
       "Engagement rate of nano-influencers on TikTok"),
    _f("er_median_pct_youtube_2024", "engagement", 0.54, "%", 2024, "P", "influencer-hero",
       "influencer-hero (vendor blog), 2024", "Median YouTube engagement rate, January 2024"),
    _f("like_follower_ratio_pct_sponsored_2016", "engagement", 4.0, "%", 2016, "S", "InfluencerDB", _IDB,
       "Instagram like-follower ratio of sponsored posts, 2016"),
    _f("like_follower_ratio_pct_organic_2016", "engagement", 4.5, "%", 2016, "S", "InfluencerDB", _IDB,
       "Instagram like-follower ratio of organic posts, 2016"),
    _f("like_follower_ratio_pct_sponsored_2019", "engagement", 2.4, "%", 2019, "S", "InfluencerDB", _IDB,
       "Instagram like-follower ratio of sponsored posts, Q1 2019"),
    _f("like_follower_ratio_pct_organic_2019", "engagement", 1.9, "%", 2019, "S", "InfluencerDB", _IDB,
       "Instagram like-follower ratio of organic posts, Q1 2019"),
    _f("er_quality_low_below_pct", "engagement", 1.0, "%", None, "S", "HypeAuditor", _BANDS,
       "ER quality bands: an engagement rate by followers below this is 'low'"),
    _f("er_quality_average_below_pct", "engagement", 3.5, "%", None, "S", "HypeAuditor", _BANDS,
       "ER quality bands: from 1% up to this value is 'average'"),
    _f("er_quality_high_below_pct", "engagement", 6.0, "%", None, "S", "HypeAuditor", _BANDS,
       "ER quality bands: from 3.5% up to this value is 'high'; above it 'very high'"),
    *_price_figures(),
    _f("cpm_usd_instagram_low", "cpm", 5.0, _CPM, 2023, "P", "wordontheblock", _WOTB,
       "Lower end of the influencer CPM benchmark on Instagram (cost / impressions x 1000)"),
    _f("cpm_usd_instagram_high", "cpm", 15.0, _CPM, 2023, "P", "wordontheblock", _WOTB,
       "Upper end of the influencer CPM benchmark on Instagram"),
    _f("cpm_usd_tiktok_low", "cpm", 5.0, _CPM, 2023, "P", "wordontheblock", _WOTB,
       "Lower end of the influencer CPM benchmark on TikTok"),
    _f("cpm_usd_tiktok_high", "cpm", 15.0, _CPM, 2023, "P", "wordontheblock", _WOTB,
       "Upper end of the influencer CPM benchmark on TikTok"),
    _f("cpm_usd_youtube_low", "cpm", 15.0, _CPM, 2023, "P", "wordontheblock", _WOTB,
       "Lower end of the influencer CPM benchmark on YouTube"),
    _f("cpm_usd_youtube_high", "cpm", 30.0, _CPM, 2023, "P", "wordontheblock", _WOTB,
       "Upper end of the influencer CPM benchmark on YouTube"),
    _f("suspicious_followers_pct_2019", "fraud", 22.23, "%", 2019, "S", "HypeAuditor", "HypeAuditor 2019",
       "Share of Instagram influencers' followers that are suspicious (bots, mass followers...)"),
    _f("fraud_accounts_pct_1m_plus", "fraud", 66.0, "%", 2021, "S", "HypeAuditor", _HA21,
       "Share of Instagram accounts with 1M+ followers that engaged in fraud (bought followers, likes...)"),
    _f("fraud_accounts_pct_1k_5k", "fraud", 42.0, "%", 2021, "S", "HypeAuditor", _HA21,
       "Share of Instagram accounts with 1K-5K followers that engaged in fraud"),
    _f("real_people_accounts_pct", "fraud", 55.0, "%", 2021, "S", "HypeAuditor", _HA21,
       "Share of Instagram accounts that are real people"),
    _f("fake_followers_avg_pct_swiss", "fraud", 30.0, "%", 2017, "P", "SRF Data", _SRF,
       "Average share of fake followers across 115 Swiss influencers (random-forest classifier)"),
    _f("fake_followers_cost_usd_per_1000_low", "fraud", 5.0, _PER_1000, 2017, "P", "SRF Data", _SRF,
       "Lower end of the price of 1,000 bought followers"),
    _f("fake_followers_cost_usd_per_1000_high", "fraud", 15.0, _PER_1000, 2017, "P", "SRF Data", _SRF,
       "Upper end of the price of 1,000 bought followers"),
    _f("marketers_hit_by_fraud_pct_2019", "fraud", 63.0, "%", 2019, "S", _IMH, f"{_IMH} 2019",
       "Share of surveyed marketers who experienced influencer fraud"),
    _f("marketers_hit_by_fraud_pct_2020", "fraud", 68.0, "%", 2020, "S", _IMH, f"{_IMH} 2020",
       "Share of surveyed marketers who experienced influencer fraud"),
    _f("mass_follower_following_threshold", "audience_quality", 1500.0, "accounts followed", None, "P",
       "HypeAuditor", "HypeAuditor Audience Quality Score documentation",
       "A follower who follows more than this many accounts counts as a 'mass follower'"),
    _f("credibility_fraud_signal_below_pct", "audience_quality", 75.0, "%", None, "P", "Modash",
       "Modash documentation", "A 'followers credibility' below this value often signals fraud"),
    _f("fully_compliant_influencers_pct", "disclosure", 14.0, "%", 2020, "P", _IMH,
       "Influencer Marketing Hub 2020", "Share of influencers fully compliant with ad-disclosure rules"),
    _f("sponsored_posts_pct_under_100k", "sponsored_share", 63.0, "%", 2016, "P", "HYPR", _HYPR,
       "Share of disclosed sponsored Instagram posts published by accounts under 100K followers"),
    _f("sponsored_posts_pct_100k_1m", "sponsored_share", 31.0, "%", 2016, "P", "HYPR", _HYPR,
       "Share of disclosed sponsored Instagram posts published by accounts with 100K-1M followers"),
    _f("sponsored_posts_pct_over_1m", "sponsored_share", 6.0, "%", 2016, "P", "HYPR", _HYPR,
       "Share of disclosed sponsored Instagram posts published by accounts over 1M followers"),
    _f("us_spend_share_pct_instagram_2024", "spend", 44.0, "%", 2024, "S", "eMarketer", _EMK,
       "Share of US influencer-marketing spend on Instagram, 2024"),
    _f("us_spend_share_pct_tiktok_2024", "spend", 18.0, "%", 2024, "S", "eMarketer", _EMK,
       "Share of US influencer-marketing spend on TikTok, 2024"),
    _f("us_spend_share_pct_youtube_2024", "spend", 18.0, "%", 2024, "S", "eMarketer", _EMK,
       "Share of US influencer-marketing spend on YouTube, 2024"),
    _f("us_spend_share_pct_facebook_2024", "spend", 13.0, "%", 2024, "S", "eMarketer", _EMK,
       "Share of US influencer-marketing spend on Facebook, 2024 (about 13%)"),
    _f("brand_annual_spend_pct_under_10k", "spend", 49.0, "%", 2021, "S", _IMH, _IMH21,
       "Share of brands spending under $10K a year on influencer marketing"),
    _f("brand_annual_spend_pct_10k_50k", "spend", 23.0, "%", 2021, "S", _IMH, _IMH21,
       "Share of brands spending $10K-50K a year on influencer marketing"),
    _f("brand_annual_spend_pct_50k_100k", "spend", 12.0, "%", 2021, "S", _IMH, _IMH21,
       "Share of brands spending $50K-100K a year on influencer marketing"),
    _f("brand_annual_spend_pct_100k_500k", "spend", 7.5, "%", 2021, "S", _IMH, _IMH21,
       "Share of brands spending $100K-500K a year on influencer marketing"),
    _f("brand_annual_spend_pct_over_500k", "spend", 8.6, "%", 2021, "S", _IMH, _IMH21,
       "Share of brands spending over $500K a year on influencer marketing"),
)
# fmt: on
_FIGURES_BY_KEY: Mapping[str, Figure] = {f.key: f for f in BENCHMARK_FIGURES}


def benchmark(key: str) -> float:
    """The value of the published figure ``key`` (see :data:`BENCHMARK_FIGURES`)."""
    return _FIGURES_BY_KEY[key].value


@dataclass(frozen=True)
class LandscapeFigure:
    """A real published figure for the 'then and now' lesson."""

    metric: str
    series: str
    year: int
    period: str
    value: float
    unit: str
    definition: str
    source: str
    confidence: str
    publisher: str

    @property
    def is_vendor_estimate(self) -> bool:
        """See :data:`PUBLISHER_IS_VENDOR`."""
        return PUBLISHER_IS_VENDOR[self.publisher]


def _market(year: int, value: float, confidence: str) -> LandscapeFigure:
    return LandscapeFigure(
        "market_size",
        "Influencer Marketing Hub market size",
        year,
        str(year),
        value,
        "USD billion",
        "Estimated global influencer-marketing market size",
        f"Influencer Marketing Hub, State of Influencer Marketing benchmark report ({year} figure)",
        confidence,
        "Influencer Marketing Hub",
    )


def _mau(period: str, value: float) -> LandscapeFigure:
    return LandscapeFigure(
        "instagram_monthly_active_users",
        "Instagram monthly active users",
        int(period[:4]),
        period,
        value,
        "million users",
        "Instagram monthly active users as announced by the company",
        "statistico; digitalinformationworld (reporting Instagram's announcements)",
        "S",
        "Instagram",
    )


def _er(series: str, period: str, value: float, confidence: str, publisher: str, source: str,
        definition: str) -> LandscapeFigure:  # fmt: skip
    return LandscapeFigure(
        "engagement_rate",
        series,
        int(period[:4]),
        period,
        value,
        "%",
        definition,
        source,
        confidence,
        publisher,
    )


_FORRESTER_SERIES = "Forrester top-50 brands interaction rate"
_FORRESTER = "Forrester press release (top 50 brands' Instagram interaction rate)"
_FORRESTER_DEF = "Interactions per follower per post on the Instagram posts of the top 50 brands"
_RIVAL = "Rival IQ, Social Media Industry Benchmark Report 2023"
_IDB_S, _IDB_O = "InfluencerDB sponsored like-follower ratio", "InfluencerDB organic like-follower ratio"

#: Real figures of the landscape table (figures tagged U in the references are left out).
# fmt: off
LANDSCAPE_FIGURES: tuple[LandscapeFigure, ...] = (
    _market(2016, 1.7, "S"),
    _market(2020, 9.7, "S"),
    _market(2021, 13.8, "S"),
    _market(2022, 16.4, "P"),
    _market(2023, 21.1, "P"),
    _market(2024, 24.0, "S"),
    _market(2025, 32.55, "S"),
    _mau("2014-12", 300),
    _mau("2018-06", 1000),
    _mau("2021-12", 2000),
    _mau("2025-09", 3000),
    _er(_FORRESTER_SERIES, "2014", 4.2, "P", "Forrester", _FORRESTER, _FORRESTER_DEF),
    _er(_FORRESTER_SERIES, "2015", 2.3, "P", "Forrester", _FORRESTER, _FORRESTER_DEF),
    _er("Jumper Media average Instagram engagement", "2016-03", 4.3, "P", "Jumper Media", "Jumper Media 2019",
        "Average Instagram engagement rate"),
    _er("Rival IQ brand Instagram engagement rate", "2019", 1.22, "S", "Rival IQ", _RIVAL,
        "Engagement rate of brands' Instagram accounts"),
    _er("Rival IQ brand Instagram engagement rate", "2022", 0.47, "S", "Rival IQ", _RIVAL,
        "Engagement rate of brands' Instagram accounts"),
    _er("Rival IQ brand TikTok median engagement rate", "2022", 5.69, "S", "Rival IQ", _RIVAL,
        "Median engagement rate of brands' TikTok accounts"),
    _er(_IDB_S, "2016", 4.0, "S", "InfluencerDB", _IDB, "Likes / followers of sponsored Instagram posts"),
    _er(_IDB_S, "2019-Q1", 2.4, "S", "InfluencerDB", _IDB, "Likes / followers of sponsored Instagram posts"),
    _er(_IDB_O, "2016", 4.5, "S", "InfluencerDB", _IDB, "Likes / followers of organic Instagram posts"),
    _er(_IDB_O, "2019-Q1", 1.9, "S", "InfluencerDB", _IDB, "Likes / followers of organic Instagram posts"),
)
# fmt: on

# =====================================================================================================
# Calibration targets derived from the figures (nothing below restates a published number)
# =====================================================================================================
#: HypeAuditor 2018 follower bands (lower bounds, followers) and their median ER targets (%).
ER_BANDS: tuple[float, ...] = (0, 1_000, 5_000, 20_000, 100_000, 1_000_000)
ER_BAND_KEYS: tuple[str, ...] = tuple(f"ig_er_median_pct_{label}" for label in _ER_BAND_LABELS)
#: Tier lower bounds (followers) the IMH price ranges are quoted with (the Mediakix scheme).
PRICE_TIERS: Mapping[str, float] = {
    "nano": 1_000,
    "micro": 10_000,
    "mid": 50_000,
    "macro": 500_000,
    "mega": 1_000_000,
}


def _geomean(values: Sequence[float]) -> float:
    return float(np.exp(np.mean(np.log(values))))


def platform_er_multipliers() -> dict[str, float]:
    """ER of TikTok and YouTube relative to Instagram at the same follower count.

    Geometric mean of the published same-tier ratios: TikTok/Instagram from IMH 2021 (micro, mega)
    and HypeAuditor 2023 (nano); YouTube/Instagram from IMH 2021 (micro, mega).
    """
    b = benchmark
    tiktok = _geomean(
        [
            b("er_pct_tiktok_micro_2021") / b("er_pct_instagram_micro_2021"),
            b("er_pct_tiktok_mega_2021") / b("er_pct_instagram_mega_2021"),
            b("er_pct_tiktok_nano_2023") / b("er_pct_instagram_nano_2023"),
        ]
    )
    youtube = _geomean(
        [
            b("er_pct_youtube_micro_2021") / b("er_pct_instagram_micro_2021"),
            b("er_pct_youtube_mega_2021") / b("er_pct_instagram_mega_2021"),
        ]
    )
    return {"instagram": 1.0, "tiktok": tiktok, "youtube": youtube}


def _tier_bounds(tier: str) -> tuple[float, float]:
    names = list(PRICE_TIERS)
    lo = PRICE_TIERS[tier]
    i = names.index(tier)
    hi = PRICE_TIERS[names[i + 1]] if i + 1 < len(names) else lo * 10
    return lo, hi


def price_range(platform: str, tier: str) -> tuple[float, float | None]:
    """IMH (low, high) price per post in USD for a platform and tier; high is None when open-ended."""
    low = benchmark(f"price_usd_{platform}_{tier}_low")
    key = f"price_usd_{platform}_{tier}_high"
    return low, (benchmark(key) if key in _FIGURES_BY_KEY else None)


def price_model(elasticity: float) -> tuple[float, dict[str, float]]:
    """Instagram price curve ``log10 price = a + elasticity * log10 followers`` and platform multipliers.

    ``a`` is the least-squares intercept through the geometric mid-points (followers and price) of
    the closed IMH Instagram ranges; a platform's multiplier is the geometric mean, over the tiers
    where both are quoted, of its range mid-point divided by Instagram's.
    """

    def mid(platform: str, tier: str) -> float | None:
        low, high = price_range(platform, tier)
        return None if high is None else math.sqrt(low * high)

    closed = [t for t in PRICE_TIERS if mid("instagram", t) is not None]
    a = float(
        np.mean(
            [
                math.log10(mid("instagram", t))
                - elasticity * math.log10(math.sqrt(math.prod(_tier_bounds(t))))
                for t in closed
            ]
        )
    )
    mult = {"instagram": 1.0}
    for platform in ("tiktok", "youtube"):
        ratios = [
            mid(platform, t) / mid("instagram", t)
            for t in closed
            if f"price_usd_{platform}_{t}_high" in _FIGURES_BY_KEY
        ]
        mult[platform] = _geomean(ratios)
    return a, mult


# =====================================================================================================
# Modelling assumptions (synthetic; every field is listed in the datasheet)
# =====================================================================================================
@dataclass(frozen=True)
class Params:
    """Every synthetic assumption of the generator; :data:`PARAM_DOCS` gives each one's unit and meaning.

    Change one with ``generate_all(params=dataclasses.replace(DEFAULT_PARAMS, name=value))``.
    """

    # creators
    platform_shares: tuple[float, float, float] = (0.60, 0.25, 0.15)
    follower_min: int = 500
    follower_log10_mean: float = 3.9
    follower_log10_sd: float = 0.95
    follower_log10_max: float = 7.3
    celebrity_share: float = 0.015
    celebrity_log10_mean: float = 6.6
    celebrity_log10_sd: float = 0.5
    er_creator_sd: float = 0.35
    er_creator_max_ratio: float = 2.5
    fake_share_at_10k: float = 0.13
    fake_logit_per_decade: float = 0.3
    fake_logit_sd: float = 0.5
    bought_share_mean: float = 0.22
    relationship_at_min: float = 9.0
    relationship_per_decade: float = -1.6
    relationship_sd: float = 0.8
    celebrity_relationship_drop: float = 1.5
    price_elasticity: float = 0.95
    price_er_elasticity: float = 0.5
    price_sd: float = 0.2
    posts_per_creator: float = 22.0
    sponsored_share_at_10k: float = 0.06
    sponsored_logit_per_decade: float = 1.3
    sponsored_share_max: float = 0.35
    celebrity_sponsored_factor: float = 0.3
    # the two mechanisms behind the inverted U of sponsored engagement
    sponsored_reach_boost_per_decade: float = 0.45
    relationship_floor: float = 0.1
    # disclosure
    partial_disclosure_mean: float = 0.35
    # campaigns
    long_term_share: float = 0.3
    embargo_respect_share: float = 0.85
    long_term_uplift: float = 0.15
    fee_negotiation_sd: float = 0.1
    click_through_rates: tuple[float, float, float] = (0.006, 0.010, 0.014)
    platform_ctr_factors: tuple[float, float, float] = (1.0, 0.15, 2.5)
    ctr_engagement_elasticity: float = 0.5
    ctr_relationship_power: float = 0.5
    authenticity_exponent: float = 2.0
    ctr_max: float = 0.03
    base_conversion_rate: float = 0.04
    niche_fit_effect: float = 2.5
    credibility_effect: float = 0.8
    conversion_rate_max: float = 0.15
    # outreach
    reply_rate_base: float = 0.15
    reply_odds_personalised: float = 2.2
    reply_odds_manager: float = 1.3
    reply_odds_executive: float = 1.9
    reply_odds_dm: float = 0.8
    reply_odds_phone: float = 1.4
    reply_odds_per_decade: float = 0.75
    reply_odds_celebrity: float = 0.5
    # each creator's preferred contact rhythm (asked, not imposed)
    preferred_cadence_shares: tuple[float, float, float] = (0.3, 0.45, 0.25)
    preferred_call_share: float = 0.6
    # one retailer's affiliate programme (affiliate_sales; Beichert et al. 2024)
    affiliate_buy_rate: float = 0.10
    affiliate_relationship_power: float = 1.5
    affiliate_basket_usd: float = 60.0


#: Unit and meaning of every :class:`Params` field (rendered into the datasheet).
PARAM_DOCS: Mapping[str, tuple[str, str]] = {
    "platform_shares": ("share", "Creators on Instagram, TikTok, YouTube."),
    "follower_min": ("followers", "Smallest account in the data."),
    "follower_log10_mean": (
        "log10 followers",
        "Centre of the non-celebrities' truncated-normal log10 followers.",
    ),
    "follower_log10_sd": ("log10 followers", "Spread of that distribution."),
    "follower_log10_max": ("log10 followers", "Largest non-celebrity account (7.3 = 20M)."),
    "celebrity_share": ("share", "Creators famous offline."),
    "celebrity_log10_mean": ("log10 followers", "Centre of the celebrities' log10 followers (6.6 = 4M)."),
    "celebrity_log10_sd": (
        "log10 followers",
        "Spread of the celebrities' log10 followers (truncated to 5.0-7.9).",
    ),
    "er_creator_sd": (
        "ln ER",
        "Creator-to-creator spread of the audience's engagement propensity around the calibrated ER curve "
        "(before the audience-authenticity factor). Below the curve it is log-normal; above it the log "
        "is soft-capped (see er_creator_max_ratio).",
    ),
    "er_creator_max_ratio": (
        "ratio",
        "Upper bound of the engagement propensity: for z > 0 (z normal with spread er_creator_sd), "
        "ln propensity = ln(this) x tanh(z / ln(this)), so no creator engages more than this many times "
        "the curve for their size (times their audience authenticity relative to a typical account, "
        "at most about 1.2-1.5). Why: real ER distributions are right-skewed, but HypeAuditor's band "
        "means are about 0.6 of its medians, so the long tail is one of *low* engagement; a bounded "
        "upper tail keeps the 99th percentile of ER within a platform and band at about 2-3.5 times its "
        "median (an unbounded log-normal with spread 0.4 reached 4.1).",
    ),
    "fake_share_at_10k": ("share", "Median fake-follower share of a 10K account that bought no followers."),
    "fake_logit_per_decade": ("logit per decade", "Growth of that fake share per tenfold followers."),
    "fake_logit_sd": ("logit", "Creator-to-creator spread of the fake share."),
    "bought_share_mean": (
        "share",
        "Mean extra fake share of creators who bought followers (Beta distributed).",
    ),
    "relationship_at_min": ("score 0-10", "Mean relationship score of the smallest accounts."),
    "relationship_per_decade": (
        "score per decade",
        "Change of the relationship score per tenfold followers.",
    ),
    "relationship_sd": ("score", "Creator-to-creator spread of the relationship score."),
    "celebrity_relationship_drop": ("score", "Celebrities' lower relationship score at equal followers."),
    "price_elasticity": (
        "log price / log followers",
        "Price grows as followers to this power (< 1: sub-linear).",
    ),
    "price_er_elasticity": (
        "log price / log ER",
        "Brands pay for engagement: price grows as (creator's ER / typical ER of the platform at that "
        "follower count)^this. 0.5: twice the typical engagement costs about 41% more.",
    ),
    "price_sd": (
        "ln USD",
        "Creator-to-creator spread of prices besides followers and engagement (log-normal, median 1).",
    ),
    "posts_per_creator": ("posts", "Mean number of 2025 posts per creator (at least 6, of which 3 organic)."),
    "sponsored_share_at_10k": ("share", "Share of a 10K account's posts that are sponsored."),
    "sponsored_logit_per_decade": (
        "logit per decade",
        "Growth of the sponsored share per tenfold followers.",
    ),
    "sponsored_share_max": ("share", "Upper limit of any creator's sponsored share."),
    "celebrity_sponsored_factor": (
        "ratio",
        "Celebrities' sponsored share relative to others with equal followers.",
    ),
    "sponsored_reach_boost_per_decade": (
        "ratio per decade",
        "Mechanism 1 of the inverted U (reach): a sponsored post reaches 1 + this x (log10 followers - "
        "log10 follower_min) times the creator's organic reach (brand amplification, re-shares).",
    ),
    "relationship_floor": (
        "ratio",
        "Mechanism 2 of the inverted U (relationship): people reached engage with an ad at "
        "floor + (1 - floor) x relationship_score / 10 times the organic rate.",
    ),
    "partial_disclosure_mean": (
        "share",
        "Mean share of sponsored posts disclosed by creators who are not fully compliant (Beta distributed).",
    ),
    "long_term_share": ("share", "Campaigns that are long-term partnerships."),
    "embargo_respect_share": (
        "share",
        "Campaign posts that would fall in their brand's embargo and are moved to the launch day instead.",
    ),
    "long_term_uplift": (
        "ratio",
        "HYPOTHESIS, not a finding: long-term partnerships convert clicks (1 + this) times as well. "
        "Vendor claims only, no peer-reviewed study; set 0 to remove the effect.",
    ),
    "fee_negotiation_sd": (
        "ln USD",
        "Negotiation noise: fee = price_per_post x n_posts x exp(e), e normal with this spread, "
        "truncated at +-2 spreads (fees stay within about -18% / +22% of the rate card).",
    ),
    "click_through_rates": (
        "clicks per account reached",
        "Funnel step 1, for awareness, consideration, conversion goals: link clicks per account reached "
        "(summed over the campaign's posts) of an all-real audience with relationship score 10 and "
        "typical engagement, on Instagram.",
    ),
    "platform_ctr_factors": (
        "ratio",
        "CTR on Instagram, TikTok, YouTube relative to Instagram. TikTok: most of its reach is For You "
        "viewers who do not follow the creator and captions carry no link; YouTube: description links "
        "and long watch time. Chosen so that the cost per click is of the same order on every platform.",
    ),
    "ctr_engagement_elasticity": (
        "log CTR / log ER",
        "An engaged audience clicks more: CTR grows as (engagement propensity)^this (the creator's ER "
        "relative to the curve, without the authenticity factor). At the defaults it equals "
        "price_er_elasticity: engagement is priced in, so it is not by itself a bargain.",
    ),
    "ctr_relationship_power": (
        "power",
        "CTR scales as (ad acceptance)^this, ad acceptance being mechanism 2 of the inverted U "
        "(relationship_floor + (1 - relationship_floor) x relationship_score / 10): people reached by a "
        "distant creator, or by the brand's amplification of a big one, click an ad less.",
    ),
    "authenticity_exponent": (
        "power",
        "CTR scales as audience_authenticity^this (fake followers are counted in reach but never click).",
    ),
    "ctr_max": ("share", "Upper bound of the click-through rate per account reached."),
    "base_conversion_rate": (
        "conversions per click",
        "Funnel step 2: conversion rate of a click at niche fit 0.6 and average credibility.",
    ),
    "niche_fit_effect": ("ln per unit fit", "Conversion rate grows as exp(this x niche_fit)."),
    "credibility_effect": (
        "ln per unit",
        "Conversion rate grows as exp(this x (knowledge + authority) / 20).",
    ),
    "conversion_rate_max": (
        "conversions per click",
        "Upper bound of the conversion rate before the long-term uplift.",
    ),
    "reply_rate_base": (
        "share",
        "Reply rate of a generic email from a coordinator to a creator up to 10K followers.",
    ),
    "reply_odds_personalised": ("odds ratio", "Personalised message vs generic template."),
    "reply_odds_manager": ("odds ratio", "Signed by a manager vs a coordinator."),
    "reply_odds_executive": ("odds ratio", "Signed by an executive vs a coordinator."),
    "reply_odds_dm": ("odds ratio", "Platform direct message vs email."),
    "reply_odds_phone": ("odds ratio", "Phone call vs email."),
    "reply_odds_per_decade": (
        "odds ratio per decade",
        "Per tenfold followers above 10K (big creators are busier).",
    ),
    "reply_odds_celebrity": ("odds ratio", "Celebrity vs other creators."),
    "preferred_cadence_shares": (
        "share",
        "Creators who prefer to be contacted monthly, quarterly, twice a year (biannual); drawn from a "
        "stream of its own, independent of every other column (an assumption, no published shares).",
    ),
    "preferred_call_share": (
        "share",
        "Creators who prefer a one-to-one call to a newsletter (the rest prefer the newsletter).",
    ),
    "affiliate_buy_rate": (
        "purchases per engagement",
        "affiliate_sales: purchases per engagement (likes + comments) on the post of a creator with "
        "relationship score 10 (engagement carries revenue, as in Beichert et al. 2024).",
    ),
    "affiliate_relationship_power": (
        "power",
        "affiliate_sales: purchases per engagement scale as (relationship_score / 10)^this, so revenue "
        "per follower falls steeply from nano to macro (Beichert et al. 2024: an order of magnitude).",
    ),
    "affiliate_basket_usd": ("USD", "affiliate_sales: mean revenue per purchase."),
}

DEFAULT_PARAMS = Params()

# --- fixed lookup tables of the generator (synthetic; described in the datasheet) ---
#: Instagram audience interested in each niche, millions of users; other platforms scale it.
_NICHE_AUDIENCE_IG_M = {
    "beauty": 480, "fashion": 560, "fitness": 390, "food": 450, "gaming": 260,
    "travel": 410, "tech": 240, "parenting": 180, "finance": 150, "home": 260,
}  # fmt: skip
_NICHE_PLATFORM_FACTOR = {
    "instagram": {},
    "tiktok": {"gaming": 0.8, "finance": 0.5},
    "youtube": {"gaming": 1.8, "tech": 1.4},
}
_PLATFORM_AUDIENCE_FACTOR = {"instagram": 1.0, "tiktok": 0.6, "youtube": 0.7}
#: Share of creators per niche, by platform (weights).
_NICHE_WEIGHTS = {
    "instagram": (14, 14, 11, 11, 5, 11, 6, 9, 7, 12),
    "tiktok": (15, 13, 12, 14, 9, 9, 7, 8, 6, 7),
    "youtube": (9, 7, 10, 10, 18, 9, 16, 7, 8, 6),
}
_RELATED_NICHES = {
    ("beauty", "fashion"), ("fashion", "travel"), ("fitness", "food"), ("food", "home"),
    ("food", "travel"), ("gaming", "tech"), ("tech", "finance"), ("parenting", "home"),
    ("parenting", "food"), ("fitness", "beauty"),
}  # fmt: skip
#: Formats per platform with their probability, reach multiplier and engagement multiplier.
_FORMATS = {
    "instagram": {"image": (0.35, 0.85, 0.9), "carousel": (0.30, 1.0, 1.1), "reel": (0.35, 1.35, 1.05)},
    "tiktok": {"video": (0.85, 1.0, 1.0), "carousel": (0.15, 0.8, 0.85)},
    "youtube": {"video": (0.60, 1.0, 1.0), "short": (0.40, 1.2, 0.7)},
}
#: Reach of an organic post as a share of followers at 10K followers, and its change per decade.
_REACH_AT_10K = {"instagram": (0.55, -0.05), "tiktok": (1.4, -0.15), "youtube": (0.38, -0.05)}
_COMMENT_RATIO = {"instagram": 0.03, "tiktok": 0.012, "youtube": 0.06}
_SHARE_RATIO = {"instagram": 0.04, "tiktok": 0.08, "youtube": 0.03}
_SAVE_RATIO = {"image": 0.03, "carousel": 0.08, "reel": 0.05, "video": 0.03, "short": 0.02}
#: Brands: home niche and average order value (USD).
_BRAND_PROFILE = {
    "Lumora Skin": ("beauty", 42.0), "Glowtheory": ("beauty", 28.0), "Threadnest": ("fashion", 65.0),
    "Kestrel Athletics": ("fitness", 80.0), "Mesa Pantry": ("food", 35.0), "Pixelforge": ("gaming", 55.0),
    "Wanderloom": ("travel", 120.0), "Voltarc": ("tech", 150.0), "Little Sprout": ("parenting", 38.0),
    "Ledgerly": ("finance", 90.0), "Nestwell Home": ("home", 70.0), "Brightbrew": ("food", 24.0),
}  # fmt: skip
_BRAND_PRODUCTS = {
    "beauty": ("Dew serum", "SPF 50 fluid", "Night balm", "Lip tint"),
    "fashion": ("Linen capsule", "Denim line", "Winter coats", "Sneaker drop"),
    "fitness": ("Trail shoe", "Yoga set", "Protein bar", "Smart band"),
    "food": ("Spice box", "Oat drink", "Cold brew", "Snack range"),
    "gaming": ("Pro headset", "Keyboard X", "Controller", "Game bundle"),
    "travel": ("Carry-on", "Weekender bag", "Packing cubes", "Travel pillow"),
    "tech": ("Earbuds", "Power bank", "Smart lamp", "Phone case"),
    "parenting": ("Baby carrier", "Snack cups", "Play mat", "Night light"),
    "finance": ("Budget app", "Savings card", "Invest plan", "Kids account"),
    "home": ("Linen bedding", "Candle set", "Storage line", "Rug collection"),
}
_FIRST_NAMES = (
    "amara", "kenji", "lucia", "ravi", "noor", "mateo", "sofia", "yuki", "aisha", "liam", "mei",
    "tariq", "elena", "kofi", "ingrid", "diego", "hana", "omar", "zara", "jonas", "priya", "felix",
    "leila", "arjun", "camila", "ade", "nina", "tomas", "sakura", "idris", "maya", "bruno", "anya",
    "kai", "fatima", "pablo", "rosa", "emeka", "lena", "jin", "valeria", "samir", "chloe", "dmitri",
    "ayla", "marco", "wanjiru", "theo", "isabel", "hamza", "mila", "rafael", "ines", "kwame", "alba",
    "haruto", "selin", "luca", "zainab", "erik", "nadia", "joao", "chiara", "ikenna", "astrid",
    "vikram", "lucas", "amira", "sven", "dalia", "hugo", "keiko", "yusuf", "olga", "andres", "freya",
    "malik", "sana", "nico", "farah", "ola", "bea", "tenzin", "jade", "kiran", "maxime",
)  # fmt: skip
_NICHE_WORDS = {
    "beauty": ("glow", "blush", "skin", "beauty", "lashes"),
    "fashion": ("style", "threads", "wardrobe", "outfits", "chic"),
    "fitness": ("lifts", "runs", "fit", "moves", "strong"),
    "food": ("cooks", "bakes", "eats", "kitchen", "plates"),
    "gaming": ("plays", "gg", "gamer", "quest", "pixel"),
    "travel": ("travels", "roams", "wander", "abroad", "trips"),
    "tech": ("tech", "gadgets", "codes", "bytes", "unboxed"),
    "parenting": ("mama", "papa", "littles", "family", "kids"),
    "finance": ("money", "saves", "invests", "budget", "cents"),
    "home": ("home", "nest", "decor", "rooms", "cozy"),
}  # fmt: skip


# =====================================================================================================
# Helpers
# =====================================================================================================
def _expit(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _logit(p: float) -> float:
    return math.log(p / (1 - p))


def _lognormal_mean1(rng: np.random.Generator, sigma: float, size: int) -> np.ndarray:
    """Multiplicative noise with mean 1."""
    return rng.lognormal(-0.5 * sigma * sigma, sigma, size)


def _truncated_normal(
    rng: np.random.Generator, mean: float, sd: float, lo: float, hi: float, size: int
) -> np.ndarray:
    out = rng.normal(mean, sd, size)
    bad = (out < lo) | (out > hi)
    while bad.any():
        out[bad] = rng.normal(mean, sd, int(bad.sum()))
        bad = (out < lo) | (out > hi)
    return out


def _days(day_index: np.ndarray) -> np.ndarray:
    return (_YEAR_START + day_index.astype("timedelta64[D]")).astype("datetime64[us]")


def _ids(prefix: str, n: int, width: int) -> list[str]:
    return [f"{prefix}{i:0{width}d}" for i in range(1, n + 1)]


def _rows(base: int, scale: float) -> int:
    return max(20, round(base * scale))


# =====================================================================================================
# Tables
# =====================================================================================================
def _niches_table() -> pd.DataFrame:
    rows = []
    for niche in NICHES:
        for platform in PLATFORMS:
            factor = _NICHE_PLATFORM_FACTOR[platform].get(niche, _PLATFORM_AUDIENCE_FACTOR[platform])
            rows.append((niche, platform, round(_NICHE_AUDIENCE_IG_M[niche] * factor * 1e6)))
    return pd.DataFrame(rows, columns=["niche", "platform", "niche_audience"])


def _typical_fake_share(x: np.ndarray, p: Params) -> np.ndarray:
    """Expected fake share at log10 followers ``x`` (used to centre the ER adjustment)."""
    base = _expit(_logit(p.fake_share_at_10k) + p.fake_logit_per_decade * (x - 4))
    return 1 - (1 - base) * (1 - _p_bought(x) * p.bought_share_mean)


def _p_bought(x: np.ndarray) -> np.ndarray:
    """Probability of having bought followers: HypeAuditor 2021's fraud shares by tier (42% of 1K-5K
    accounts, 66% of 1M+), interpolated in log followers between the tiers' centres."""
    x_small = math.log10(math.sqrt(1_000 * 5_000))
    x_big = math.log10(math.sqrt(1_000_000 * 10_000_000))
    return np.interp(
        x,
        [x_small, x_big],
        [benchmark("fraud_accounts_pct_1k_5k") / 100, benchmark("fraud_accounts_pct_1m_plus") / 100],
    )


def _creators(rng: np.random.Generator, n: int, p: Params, niches: pd.DataFrame) -> pd.DataFrame:
    """Creators with their latent traits (columns starting with '_' are not written)."""
    platform = rng.choice(len(PLATFORMS), size=n, p=np.asarray(p.platform_shares) / sum(p.platform_shares))
    niche = np.empty(n, dtype=np.int64)
    for k, name in enumerate(PLATFORMS):
        idx = np.flatnonzero(platform == k)
        w = np.asarray(_NICHE_WEIGHTS[name], dtype=float)
        niche[idx] = rng.choice(len(NICHES), size=idx.size, p=w / w.sum())
    celeb = rng.random(n) < p.celebrity_share
    x_min = math.log10(p.follower_min)
    x = _truncated_normal(rng, p.follower_log10_mean, p.follower_log10_sd, x_min, p.follower_log10_max, n)
    x[celeb] = _truncated_normal(
        rng, p.celebrity_log10_mean, p.celebrity_log10_sd, 5.0, 7.9, int(celeb.sum())
    )
    audience = niches.set_index(["niche", "platform"])["niche_audience"]
    cap = audience.reindex(
        pd.MultiIndex.from_arrays([np.asarray(NICHES)[niche], np.asarray(PLATFORMS)[platform]])
    ).to_numpy()
    followers = np.minimum(np.round(10.0**x), np.floor(0.4 * cap)).astype(np.int64)
    x = np.log10(followers)

    # audience quality: a size-dependent base fake share, plus bought followers (HypeAuditor 2021 shares)
    base_fake = _expit(
        _logit(p.fake_share_at_10k) + p.fake_logit_per_decade * (x - 4) + rng.normal(0, p.fake_logit_sd, n)
    )
    bought = rng.random(n) < _p_bought(x)
    extra = rng.beta(2.0, 2.0 * (1 - p.bought_share_mean) / p.bought_share_mean, n) * bought
    fake = 1 - (1 - base_fake) * (1 - extra)
    authenticity = np.round(1 - fake, 3)
    following = np.exp(rng.normal(math.log(450) + 3.0 * fake + 1.0 * bought, 0.6, n)) * np.where(
        celeb, 0.4, 1.0
    )
    following = np.clip(np.round(following), 20, 7500).astype(np.int64)

    # four sources of influence (0-10)
    expertise = rng.normal(0, 1, n)
    niche_names = np.asarray(NICHES)[niche]
    expert_niche = np.isin(niche_names, ["finance", "tech", "fitness", "parenting"])
    knowledge = 5.0 + 1.6 * expertise + 0.7 * expert_niche - 1.0 * celeb + rng.normal(0, 0.5, n)
    authority = 2.5 + 0.45 * knowledge + 0.5 * (x - 4) + 1.0 * celeb + rng.normal(0, 0.8, n)
    position = 1.0 + 1.3 * (x - x_min) + 2.5 * celeb + rng.normal(0, 0.6, n)
    relationship = (
        p.relationship_at_min
        + p.relationship_per_decade * (x - x_min)
        - p.celebrity_relationship_drop * celeb
        + rng.normal(0, p.relationship_sd, n)
    )

    def score(v: np.ndarray) -> np.ndarray:
        return np.round(np.clip(v, 0, 10), 1)

    price_noise = rng.lognormal(0, p.price_sd, n)
    age = (
        np.clip(np.exp(rng.normal(math.log(900) + 0.25 * (x - 4), 0.5, n)), 60, 5400).round().astype(np.int64)
    )
    sponsored_share = _expit(_logit(p.sponsored_share_at_10k) + p.sponsored_logit_per_decade * (x - 4))
    sponsored_share = np.minimum(sponsored_share, p.sponsored_share_max)
    sponsored_share = sponsored_share * np.where(celeb, p.celebrity_sponsored_factor, 1.0)
    n_posts = np.maximum(6, np.round(_lognormal_mean1(rng, 0.45, n) * p.posts_per_creator)).astype(np.int64)
    city = np.asarray(CITIES)[rng.integers(0, len(CITIES), n)]
    posts_per_day = n_posts / _DAYS_IN_YEAR * rng.uniform(0.6, 1.4, n)

    # engagement: the audience's propensity to engage (bounded above), times audience authenticity
    # relative to a typical account of that size; the ER curve of _creator_er multiplies this factor.
    # Drawn last, so that the draws above stay in their historical order.
    propensity = _engagement_propensity(rng, n, p)
    er_factor = authenticity / (1 - _typical_fake_share(x, p)) * propensity

    # prices: sub-linear in followers, rising with engagement, IMH-calibrated per platform
    intercept, plat_mult = price_model(p.price_elasticity)
    plat_names = np.asarray(PLATFORMS)[platform]
    mult = np.vectorize(plat_mult.__getitem__)(plat_names)
    price = 10 ** (intercept + p.price_elasticity * x) * mult * er_factor**p.price_er_elasticity * price_noise
    price = np.maximum(np.round(price), 5.0)

    return pd.DataFrame(
        {
            "platform": plat_names,
            "niche": niche_names,
            "city": city,
            "followers": followers,
            "following": following,
            "account_age_days": age,
            "audience_authenticity": authenticity,
            "has_bought_followers": bought,
            "price_per_post_usd": price,
            "is_celebrity": celeb,
            "authority_score": score(authority),
            "knowledge_score": score(knowledge),
            "position_score": score(position),
            "relationship_score": score(relationship),
            "_x": x,
            "_propensity": propensity,
            "_er_factor": er_factor,
            "_sponsored_share": sponsored_share,
            "_n_posts": n_posts,
            "_posts_per_day": posts_per_day,
        }
    )


def _contact_preferences(rng: np.random.Generator, n: int, p: Params) -> tuple[np.ndarray, np.ndarray]:
    """Each creator's preferred contact rhythm: a cadence (:data:`~helpers.schema.PREFERRED_CADENCES`,
    shares ``p.preferred_cadence_shares``) and a format (:data:`~helpers.schema.CONTACT_FORMATS`, a
    call with probability ``p.preferred_call_share``). Independent of every other trait: the course
    has no data on what drives the preference, so it is what a brand learns by asking."""
    shares = np.asarray(p.preferred_cadence_shares, dtype=float)
    cadence = np.asarray(PREFERRED_CADENCES)[rng.choice(len(shares), size=n, p=shares / shares.sum())]
    fmt = np.where(rng.random(n) < p.preferred_call_share, CONTACT_FORMATS[0], CONTACT_FORMATS[1])
    return cadence, fmt


def _engagement_propensity(rng: np.random.Generator, n: int, p: Params) -> np.ndarray:
    """Each creator's engagement propensity around the ER curve: log-normal below the curve; above it
    the log is soft-capped at ``ln(er_creator_max_ratio)`` (tanh), so the upper tail is bounded."""
    z = rng.normal(0, p.er_creator_sd, n)
    cap = math.log(p.er_creator_max_ratio)
    return np.exp(np.where(z > 0, cap * np.tanh(z / cap), z))


def _handles(rng: np.random.Generator, niches: np.ndarray) -> list[str]:
    first = np.asarray(_FIRST_NAMES)[rng.integers(0, len(_FIRST_NAMES), niches.size)]
    word_idx = rng.integers(0, 5, niches.size)
    sep = np.asarray(["", ".", "_"])[rng.integers(0, 3, niches.size)]
    base = [f"{f}{s}{_NICHE_WORDS[n][w]}" for f, s, n, w in zip(first, sep, niches, word_idx, strict=True)]
    seen: dict[str, int] = {}
    out = []
    for h in base:
        seen[h] = seen.get(h, 0) + 1
        out.append(h if seen[h] == 1 else f"{h}{seen[h]}")
    # a suffixed handle could collide with a base one; make every handle unique
    final, used = [], set()
    for h in out:
        candidate, k = h, 1
        while candidate in used:
            k += 1
            candidate = f"{h}_{k}"
        used.add(candidate)
        final.append(candidate)
    return final


def _creator_er(creators: pd.DataFrame, deviation: np.ndarray) -> np.ndarray:
    """Expected ER by followers (a fraction, likes + comments over followers) of every creator.

    ER = curve(log followers) x platform multiplier x ``deviation`` (the creator's own factor:
    audience authenticity relative to typical, times the bounded engagement propensity of
    :func:`_engagement_propensity`). The Instagram curve is
    piecewise log-linear through one knot per HypeAuditor band, placed at the median log followers
    of the Instagram creators in that band. The knot heights are solved (a few fixed-point steps)
    so that the median expected ER of the Instagram creators in each band equals the published
    band median exactly; the posts then add only their own sampling noise. Other platforms: the
    same curve times :func:`platform_er_multipliers`.
    """
    x = creators["_x"].to_numpy()
    ig = (creators["platform"] == "instagram").to_numpy()
    edges = [*ER_BANDS, math.inf]
    knots_x, targets, members = [], [], []
    for k, key in enumerate(ER_BAND_KEYS):
        lo, hi = edges[k], edges[k + 1]
        in_band = ig & (10**x >= lo) & (10**x < hi)
        centre = math.log10(math.sqrt(max(lo, 500) * (hi if math.isfinite(hi) else lo * 10)))
        knots_x.append(float(np.median(x[in_band])) if in_band.any() else centre)
        targets.append(math.log(benchmark(key) / 100))
        members.append(in_band)
    knots_y = np.array(targets)
    for _ in range(20):
        er_ig = np.exp(np.interp(x, knots_x, knots_y)) * deviation
        gaps = np.array(
            [
                t - math.log(np.median(er_ig[m])) if m.any() else 0.0
                for t, m in zip(targets, members, strict=True)
            ]
        )
        knots_y = knots_y + gaps
        if np.abs(gaps).max() < 1e-6:
            break
    curve = np.exp(np.interp(x, knots_x, knots_y))
    return curve * creators["platform"].map(platform_er_multipliers()).to_numpy(dtype=float) * deviation


def _sponsored_lift(creators: pd.DataFrame, p: Params) -> tuple[np.ndarray, np.ndarray]:
    """Per creator: reach boost of a sponsored post (mechanism 1) and its engagement lift.

    lift = kappa x reach_boost x relationship_factor, where kappa is the published sponsored/organic
    like-follower ratio (InfluencerDB 2016), reach_boost grows with log followers and the
    relationship factor falls with the relationship score. Neither has a peak; their product does.
    """
    x = creators["_x"].to_numpy()
    boost = 1 + p.sponsored_reach_boost_per_decade * (x - math.log10(p.follower_min))
    relation = (
        p.relationship_floor + (1 - p.relationship_floor) * creators["relationship_score"].to_numpy() / 10
    )
    kappa = benchmark("like_follower_ratio_pct_sponsored_2016") / benchmark(
        "like_follower_ratio_pct_organic_2016"
    )
    return boost, kappa * boost * relation


def _campaign_plan(
    rng: np.random.Generator, creators: pd.DataFrame, calendar: pd.DataFrame, n: int, p: Params
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Campaigns before their results, and their post schedule (campaign index, day of year).

    Most posts that would fall inside their brand's embargo are moved to the launch day, when the
    embargo lifts (:attr:`Params.embargo_respect_share`); the rest stay as conflicts to find.
    """
    brand = rng.integers(0, len(BRANDS), n)
    channel = rng.choice(3, size=n, p=[0.40, 0.35, 0.25])  # organic, platform, agency
    match_probs = np.array([[0.45, 0.25, 0.30], [0.55, 0.25, 0.20], [0.70, 0.20, 0.10]])
    u = rng.random(n)
    match = (u[:, None] > np.cumsum(match_probs[channel], axis=1)).sum(axis=1)  # 0 same, 1 related, 2 other
    weights = (creators["_sponsored_share"] * creators["_n_posts"]).to_numpy()
    creator_niche = creators["niche"].to_numpy()
    chosen = np.empty(n, dtype=np.int64)
    for b, name in enumerate(BRANDS):
        home = _BRAND_PROFILE[name][0]
        related = {a if b2 == home else b2 for a, b2 in _RELATED_NICHES if home in (a, b2)}
        pools = [
            creator_niche == home,
            np.isin(creator_niche, sorted(related)),
            ~np.isin(creator_niche, [home, *sorted(related)]),
        ]
        for m, pool in enumerate(pools):
            idx = np.flatnonzero((brand == b) & (match == m))
            if idx.size == 0:
                continue
            cand = np.flatnonzero(pool) if pool.any() else np.arange(len(creators))
            w = weights[cand] / weights[cand].sum()
            chosen[idx] = cand[rng.choice(cand.size, size=idx.size, p=w)]
    fit_base = np.array([0.70, 0.45, 0.20])[match] + np.array([0.0, 0.03, 0.08])[channel]
    niche_fit = np.round(np.clip(fit_base + rng.normal(0, 0.08, n), 0.02, 0.99), 3)

    long_term = rng.random(n) < p.long_term_share
    n_posts = np.where(long_term, np.minimum(3 + rng.poisson(2.0, n), 8), 1 + rng.binomial(2, 0.4, n))
    start = np.where(long_term, rng.integers(0, 300, n), rng.integers(0, 352, n))
    span = np.where(long_term, rng.integers(60, 181, n), 14)
    camp_idx = np.repeat(np.arange(n), n_posts)
    offsets = (rng.random(camp_idx.size) * np.repeat(span, n_posts)).astype(np.int64)
    first = np.r_[True, camp_idx[1:] != camp_idx[:-1]]
    offsets[first] = 0  # the first post goes live on the start date
    day = np.minimum(start[camp_idx] + offsets, _DAYS_IN_YEAR - 1)
    respect = rng.random(day.size) < p.embargo_respect_share
    post_brand = np.asarray(BRANDS)[brand[camp_idx]]
    embargoes = calendar[calendar["event_type"] == "embargo"]
    for name, first, last in zip(embargoes["brand"], embargoes["_start"], embargoes["_end"], strict=True):
        inside = respect & (post_brand == name) & (day >= first) & (day <= last)
        day = np.where(inside, last + 1, day)
    schedule = pd.DataFrame({"campaign": camp_idx, "day": day})

    personalised = rng.random(n) < np.where(channel == 2, 0.6, 0.4)
    median_days = np.array([30.0, 16.0, 8.0])[channel] * np.where(personalised, 0.8, 1.0)
    days_to_sign = np.maximum(1, np.round(median_days * rng.lognormal(0, 0.35, n))).astype(np.int64)
    price = creators["price_per_post_usd"].to_numpy()[chosen]
    negotiation = np.clip(
        rng.normal(0, p.fee_negotiation_sd, n), -2 * p.fee_negotiation_sd, 2 * p.fee_negotiation_sd
    )
    fee = np.round(price * n_posts * np.exp(negotiation), 2)
    hourly = 45.0
    staff_hours = np.array([6.0, 2.0, 1.0])[channel] * rng.lognormal(0, 0.4, n)
    subscription_share = np.where(channel == 1, 2000.0 / 8, 0.0)  # a $2,000/month tool, ~8 signings a month
    agency_fee = np.where(channel == 2, np.maximum(500.0, 0.2 * fee), 0.0)
    discovery_cost = np.round(staff_hours * hourly + subscription_share + agency_fee, 2)

    plan = pd.DataFrame(
        {
            "brand": np.asarray(BRANDS)[brand],
            "_creator": chosen,
            "goal": np.asarray(schema.GOALS)[rng.choice(3, size=n, p=[0.35, 0.30, 0.35])],
            "partnership": np.where(long_term, "long_term", "one_off"),
            "n_posts": n_posts.astype(np.int64),
            "niche_fit": niche_fit,
            "discovery_channel": np.asarray(schema.DISCOVERY_CHANNELS)[channel],
            "discovery_cost_usd": discovery_cost,
            "days_to_sign": days_to_sign,
            "outreach_style": np.where(personalised, "personalised", "generic"),
            "fee_usd": fee,
        }
    )
    return plan, schedule


def _posts(
    rng: np.random.Generator, creators: pd.DataFrame, plan: pd.DataFrame, schedule: pd.DataFrame, p: Params
) -> pd.DataFrame:
    """Every 2025 post. Engagement and reach follow the creator's calibrated ER, the format, and for
    sponsored posts the two mechanisms of :func:`_sponsored_lift`."""
    n = len(creators)
    campaign_creator = plan["_creator"].to_numpy()[schedule["campaign"].to_numpy()]
    campaign_posts = np.bincount(campaign_creator, minlength=n)
    total = creators["_n_posts"].to_numpy()
    drawn = rng.binomial(total, creators["_sponsored_share"].to_numpy())
    other_sponsored = np.maximum(drawn - campaign_posts, 0)
    sponsored_total = campaign_posts + other_sponsored
    organic = np.maximum(total - sponsored_total, 3)
    total = organic + sponsored_total

    # rows: organic, then other sponsored, then campaign posts (per creator order does not matter)
    creator = np.concatenate(
        [np.repeat(np.arange(n), organic), np.repeat(np.arange(n), other_sponsored), campaign_creator]
    )
    n_free = int(organic.sum() + other_sponsored.sum())
    sponsored = np.r_[
        np.zeros(int(organic.sum()), bool),
        np.ones(int(other_sponsored.sum()), bool),
        np.ones(len(schedule), bool),
    ]
    campaign = np.r_[np.full(n_free, -1), schedule["campaign"].to_numpy()]
    day = np.r_[rng.integers(0, _DAYS_IN_YEAR, n_free), schedule["day"].to_numpy()]
    m = creator.size

    platform = creators["platform"].to_numpy()[creator]
    fmt = np.empty(m, dtype=object)
    reach_mult = np.empty(m)
    eng_mult = np.empty(m)
    u = rng.random(m)
    for name, table in _FORMATS.items():
        rows = np.flatnonzero(platform == name)
        probs = np.array([v[0] for v in table.values()])
        norm = float(np.dot(probs, [v[2] for v in table.values()]))  # keeps the creator's mean ER on target
        pick = (u[rows, None] > np.cumsum(probs)[None, :]).sum(axis=1)
        pick = np.minimum(pick, len(probs) - 1)
        names = np.asarray(list(table))
        fmt[rows] = names[pick]
        reach_mult[rows] = np.array([v[1] for v in table.values()])[pick]
        eng_mult[rows] = np.array([v[2] for v in table.values()])[pick] / norm

    followers = creators["followers"].to_numpy().astype(float)
    x = creators["_x"].to_numpy()
    er = _creator_er(creators, creators["_er_factor"].to_numpy())
    boost, lift = _sponsored_lift(creators, p)
    mix = (organic + sponsored_total * lift) / total  # so that the mean over all posts stays on target
    er_organic = er / mix

    reach_rate = np.array(
        [
            _REACH_AT_10K[pl][0] * 10 ** (_REACH_AT_10K[pl][1] * (xi - 4))
            for pl, xi in zip(creators["platform"], x, strict=True)
        ]
    )
    common = _lognormal_mean1(rng, 0.30, m)
    s_boost = np.where(sponsored, boost[creator], 1.0)
    s_lift = np.where(sponsored, lift[creator], 1.0)
    reach_exp = (
        followers[creator]
        * reach_rate[creator]
        * reach_mult
        * s_boost
        * common
        * _lognormal_mean1(rng, 0.1, m)
    )
    eng_exp = (
        followers[creator] * er_organic[creator] * eng_mult * s_lift * common * _lognormal_mean1(rng, 0.2, m)
    )

    comment_ratio = np.array([_COMMENT_RATIO[pl] for pl in creators["platform"]]) * rng.lognormal(0, 0.35, n)
    c = comment_ratio[creator]
    likes = rng.poisson(eng_exp / (1 + c))
    comments = rng.poisson(eng_exp * c / (1 + c))
    share_ratio = np.array([_SHARE_RATIO[pl] for pl in creators["platform"]]) * rng.lognormal(0, 0.4, n)
    shares = rng.poisson(eng_exp * share_ratio[creator] * _lognormal_mean1(rng, 0.3, m))
    save_ratio = np.vectorize(_SAVE_RATIO.__getitem__)(fmt.astype(str))
    saves = rng.poisson(eng_exp * save_ratio * _lognormal_mean1(rng, 0.4, m))
    reach = np.maximum(np.round(reach_exp).astype(np.int64), likes + comments)
    impressions = np.round(reach * (1 + rng.gamma(2.0, 0.2, m))).astype(np.int64)
    is_video = np.isin(fmt.astype(str), VIDEO_FORMATS)
    views = np.maximum(np.round(impressions * rng.uniform(0.8, 1.0, m)).astype(np.int64), likes)

    # disclosure: a fully compliant share of creators (IMH 2020) discloses every sponsored post
    compliant = rng.random(n) < benchmark("fully_compliant_influencers_pct") / 100
    rate = np.where(
        compliant, 1.0, rng.beta(2.0, 2.0 * (1 - p.partial_disclosure_mean) / p.partial_disclosure_mean, n)
    )
    disclosed = sponsored & (rng.random(m) < rate[creator])

    posts = pd.DataFrame(
        {
            "_creator": creator,
            "_campaign": campaign,
            "_day": day,
            "format": fmt.astype(str),
            "sponsored": sponsored,
            "disclosed": disclosed,
            "likes": likes.astype(np.int64),
            "comments": comments.astype(np.int64),
            "shares": shares.astype(np.int64),
            "saves": saves.astype(np.int64),
            "reach": reach,
            "impressions": impressions,
            "views": pd.Series(views, dtype="Int64").where(is_video),
        }
    )
    # stable, meaningful order: by creator, then date, then generation order
    order = np.lexsort((np.arange(m), day, creator))
    return posts.iloc[order].reset_index(drop=True)


def _campaign_results(
    rng: np.random.Generator,
    rng_uplift: np.random.Generator,
    plan: pd.DataFrame,
    posts: pd.DataFrame,
    creators: pd.DataFrame,
    p: Params,
) -> pd.DataFrame:
    """Sum each campaign's posts, then run the funnel: reach -> clicks (click-through rate) ->
    conversions (conversion rate); then promo-code uses and revenue.

    CTR = click_through_rates[goal] x platform factor x ad acceptance^k x authenticity^a x
    propensity^b, at most ``ctr_max``. Ad acceptance is mechanism 2 of :func:`_sponsored_lift`
    (``relationship_floor + (1 - relationship_floor) x relationship_score / 10``): people reached by
    a distant creator, or by the brand's amplification of a big one, click an ad less.
    Conversion rate = base x exp(niche_fit_effect x (niche_fit - 0.6)) x credibility factor, at most
    ``conversion_rate_max``. Followers have no term of their own: they act through reach, fee,
    relationship score and audience authenticity.
    """
    n = len(plan)
    in_campaign = posts[posts["_campaign"] >= 0]
    by = in_campaign.groupby("_campaign")
    totals = pd.DataFrame(
        {
            "impressions": by["impressions"].sum(),
            "reach": by["reach"].sum(),
            "engagements": by[["likes", "comments", "shares", "saves"]].sum().sum(axis=1),
            "_first": by["_day"].min(),
            "_last": by["_day"].max(),
        }
    ).reindex(np.arange(n))
    c = plan["_creator"].to_numpy()
    auth = creators["audience_authenticity"].to_numpy()[c]
    credibility = (creators["knowledge_score"].to_numpy()[c] + creators["authority_score"].to_numpy()[c]) / 20
    goal_ctr = dict(zip(schema.GOALS, p.click_through_rates, strict=True))
    platform_ctr = dict(zip(PLATFORMS, p.platform_ctr_factors, strict=True))
    acceptance = (
        p.relationship_floor + (1 - p.relationship_floor) * creators["relationship_score"].to_numpy()[c] / 10
    )
    ctr = np.minimum(
        plan["goal"].map(goal_ctr).to_numpy(float)
        * creators["platform"].map(platform_ctr).to_numpy(float)[c]
        * acceptance**p.ctr_relationship_power
        * auth**p.authenticity_exponent
        * creators["_propensity"].to_numpy()[c] ** p.ctr_engagement_elasticity,
        p.ctr_max,
    )
    clicks = rng.binomial(totals["reach"].to_numpy().astype(np.int64), ctr)
    long_term = (plan["partnership"] == "long_term").to_numpy()
    base_cvr = np.minimum(
        p.base_conversion_rate
        * np.exp(p.niche_fit_effect * (plan["niche_fit"].to_numpy() - 0.6))
        * np.exp(p.credibility_effect * (credibility - 0.5)),
        p.conversion_rate_max,
    )
    base = rng.binomial(clicks, base_cvr)
    # The hypothesis: a long-term partnership converts clicks (1 + uplift) times as well. Drawn as
    # extra conversions among the clicks that did not convert, from a stream of its own, so that the
    # uplift changes nothing else: with uplift 0 the data equal the base data exactly.
    boosted = np.minimum(base_cvr * (1 + p.long_term_uplift), 0.9)
    extra_p = np.where(long_term, (boosted - base_cvr) / (1 - base_cvr), 0.0)
    extra = rng_uplift.binomial(clicks - base, extra_p)
    conversions = base + extra
    promo = rng.binomial(base, 0.45) + rng_uplift.binomial(extra, 0.45)
    aov = plan["brand"].map({b: v[1] for b, v in _BRAND_PROFILE.items()}).to_numpy(float)
    revenue = np.round(conversions * aov * rng.lognormal(0, 0.15, n), 2)
    out = plan.copy()
    out["start_date"] = _days(totals["_first"].to_numpy())
    out["end_date"] = _days(totals["_last"].to_numpy())
    for col in ("impressions", "reach", "engagements"):
        out[col] = totals[col].to_numpy().astype(np.int64)
    out["clicks"] = clicks.astype(np.int64)
    out["conversions"] = conversions.astype(np.int64)
    out["promo_code_uses"] = promo.astype(np.int64)
    out["revenue_usd"] = revenue
    return out


def _outreach(rng: np.random.Generator, creators: pd.DataFrame, n: int, p: Params) -> pd.DataFrame:
    """First messages from brands to creators; reply odds per :class:`Params` (synthetic assumptions)."""
    brand = rng.integers(0, len(BRANDS), n)
    home = np.asarray([_BRAND_PROFILE[b][0] for b in BRANDS])[brand]
    in_niche = rng.random(n) < 0.6
    chosen = rng.integers(0, len(creators), n)
    niche = creators["niche"].to_numpy()
    for name in NICHES:
        idx = np.flatnonzero(in_niche & (home == name))
        pool = np.flatnonzero(niche == name)
        if idx.size and pool.size:
            chosen[idx] = pool[rng.integers(0, pool.size, idx.size)]
    personalised = rng.random(n) < 0.35
    role = rng.choice(3, size=n, p=[0.6, 0.3, 0.1])
    channel = rng.choice(3, size=n, p=[0.6, 0.3, 0.1])
    x = creators["_x"].to_numpy()[chosen]
    celeb = creators["is_celebrity"].to_numpy()[chosen]
    log_odds = (
        _logit(p.reply_rate_base)
        + math.log(p.reply_odds_personalised) * personalised
        + math.log(p.reply_odds_manager) * (role == 1)
        + math.log(p.reply_odds_executive) * (role == 2)
        + math.log(p.reply_odds_dm) * (channel == 1)
        + math.log(p.reply_odds_phone) * (channel == 2)
        + math.log(p.reply_odds_per_decade) * np.maximum(0, x - 4)
        + math.log(p.reply_odds_celebrity) * celeb
    )
    replied = rng.random(n) < _expit(log_odds)
    delay = np.exp(rng.normal(math.log(3.0) - 0.3 * personalised - 0.4 * (role == 2), 0.8, n))
    days_to_reply = pd.Series(np.minimum(np.round(delay), 30).astype(np.int64), dtype="Int64").where(replied)
    sent = rng.integers(0, _DAYS_IN_YEAR, n)
    out = pd.DataFrame(
        {
            "brand": np.asarray(BRANDS)[brand],
            "_creator": chosen,
            "_day": sent,
            "template_style": np.where(personalised, "personalised", "generic"),
            "sender_role": np.asarray(schema.SENDER_ROLES)[role],
            "channel": np.asarray(schema.CONTACT_CHANNELS)[channel],
            "replied": replied,
            "days_to_reply": days_to_reply,
        }
    )
    order = np.lexsort((np.arange(n), sent))
    return out.iloc[order].reset_index(drop=True)


def _calendar(rng: np.random.Generator) -> pd.DataFrame:
    """Per brand: 3-5 launches, each preceded by an embargo; PR events; trade shows."""
    rows = []
    for brand in BRANDS:
        niche = _BRAND_PROFILE[brand][0]
        products = _BRAND_PRODUCTS[niche]
        n_launch = int(rng.integers(3, 6))
        launch_days = np.sort(rng.choice(np.arange(30, 350), size=n_launch, replace=False))
        for k, d in enumerate(launch_days):
            product = products[k % len(products)] + (
                "" if k < len(products) else f" {k // len(products) + 1}"
            )
            city = CITIES[int(rng.integers(0, len(CITIES)))]
            embargo = int(rng.integers(10, 29))
            rows.append((brand, "embargo", f"Embargo: {product}", d - embargo, d - 1, city))
            rows.append((brand, "product_launch", f"Launch: {product}", d, d, city))
            if rng.random() < 0.6:
                pr_day = min(int(d + rng.integers(0, 10)), _DAYS_IN_YEAR - 1)
                pr_city = CITIES[int(rng.integers(0, len(CITIES)))]
                kind = ("Press preview", "Creator meetup", "Pop-up opening", "Media dinner")[
                    int(rng.integers(0, 4))
                ]
                rows.append((brand, "pr_event", f"{kind}: {product}", pr_day, pr_day, pr_city))
        for _ in range(int(rng.integers(1, 3))):
            d = int(rng.integers(0, _DAYS_IN_YEAR - 4))
            city = CITIES[int(rng.integers(0, len(CITIES)))]
            rows.append(
                (
                    brand,
                    "trade_show",
                    f"{niche.title()} trade show {city}",
                    d,
                    d + int(rng.integers(1, 4)),
                    city,
                )
            )
    cal = pd.DataFrame(rows, columns=["brand", "event_type", "title", "_start", "_end", "city"])
    cal["start_date"] = _days(cal["_start"].to_numpy())
    cal["end_date"] = _days(cal["_end"].to_numpy())
    brand_order = {b: i for i, b in enumerate(BRANDS)}
    type_order = {t: i for i, t in enumerate(schema.EVENT_TYPES)}
    cal = cal.assign(_b=cal["brand"].map(brand_order), _t=cal["event_type"].map(type_order))
    cal = cal.sort_values(["_start", "_b", "_t", "title"], kind="stable").reset_index(drop=True)
    cal.insert(0, "event_id", _ids("EVT", len(cal), 4))
    return cal


def _landscape_table() -> pd.DataFrame:
    rows = [
        {
            "metric": f.metric,
            "series": f.series,
            "year": f.year,
            "period": f.period,
            "value": f.value,
            "unit": f.unit,
            "definition": f.definition,
            "source": f.source,
            "confidence": f.confidence,
            "is_vendor_estimate": f.is_vendor_estimate,
        }
        for f in LANDSCAPE_FIGURES
    ]
    return pd.DataFrame(rows).sort_values(["series", "period"], kind="stable").reset_index(drop=True)


def _benchmarks_table() -> pd.DataFrame:
    rows = [
        {
            "key": f.key,
            "group": f.group,
            "value": f.value,
            "unit": f.unit,
            "definition": f.definition,
            "source": f.source,
            "year": pd.NA if f.year is None else f.year,
            "confidence": f.confidence,
            "is_vendor_estimate": f.is_vendor_estimate,
        }
        for f in BENCHMARK_FIGURES
    ]
    table = pd.DataFrame(rows)
    table["year"] = table["year"].astype("Int64")
    return table.sort_values("key", kind="stable").reset_index(drop=True)


def _finish(frame: pd.DataFrame, table: Table) -> pd.DataFrame:
    """Schema column order, floats rounded to the written decimals, typed, sorted by primary key
    (categories sort in the schema's order)."""
    frame = frame[list(table.column_names)].copy()
    for col in table.columns:
        if col.dtype == "float":
            frame[col.name] = frame[col.name].astype("float64").round(col.decimals) + 0.0
    frame = validate(frame, table.name, source=f"generator output ({table.name})")
    return frame.sort_values(list(table.primary_key), kind="stable").reset_index(drop=True)


@dataclass
class _Core:
    """The parts of the data that do not depend on the campaign funnel (see :func:`_core`)."""

    streams: list[np.random.SeedSequence]
    niches: pd.DataFrame
    creators: pd.DataFrame
    calendar: pd.DataFrame
    plan: pd.DataFrame
    posts: pd.DataFrame


def _core(seed: int, scale: float, params: Params) -> _Core:
    """Creators, calendar, campaign plan and posts: everything the funnel (and so the
    long-term-uplift hypothesis) cannot change. One child seed stream per part of the data."""
    if not scale > 0:
        raise ValueError(f"scale must be > 0, got {scale!r}")
    # A ninth child stream (spawn key 8) was added for the contact preferences: children 0-7 are the
    # same as before, so every value drawn from them is unchanged.
    streams = np.random.SeedSequence(seed).spawn(9)
    rng_creators, rng_handles, rng_plan, rng_posts, _, _, rng_calendar, _, rng_preferences = (
        np.random.default_rng(s) for s in streams
    )
    niches = _niches_table()
    creators = _creators(rng_creators, _rows(BASE_ROWS["influencers"], scale), params, niches)
    creators.insert(0, "influencer_id", _ids("INF", len(creators), 5))
    creators.insert(1, "handle", _handles(rng_handles, creators["niche"].to_numpy()))
    cadence, fmt = _contact_preferences(rng_preferences, len(creators), params)
    creators["preferred_cadence"] = cadence
    creators["preferred_format"] = fmt
    calendar = _calendar(rng_calendar)
    plan, schedule = _campaign_plan(
        rng_plan, creators, calendar, _rows(BASE_ROWS["campaigns"], scale), params
    )
    posts = _posts(rng_posts, creators, plan, schedule, params)
    return _Core(streams, niches, creators, calendar, plan, posts)


def _campaigns(core: _Core, params: Params) -> pd.DataFrame:
    """The campaign funnel on ``core`` (which is left unchanged), with campaign ids in start-date order.

    Fresh generators from the core's results and uplift streams each call, so the same core and
    parameters always give the same campaigns.
    """
    rng_results = np.random.default_rng(core.streams[4])
    rng_uplift = np.random.default_rng(core.streams[7])
    campaigns = _campaign_results(rng_results, rng_uplift, core.plan, core.posts, core.creators, params)
    campaigns["campaign_id"] = _campaign_ids(campaigns)
    campaigns["influencer_id"] = core.creators["influencer_id"].to_numpy()[campaigns["_creator"].to_numpy()]
    return campaigns


def _campaign_ids(campaigns: pd.DataFrame) -> np.ndarray:
    """``CMP00001``... numbered by start date (ties by plan order)."""
    order = np.lexsort((np.arange(len(campaigns)), campaigns["start_date"].to_numpy()))
    ids = np.empty(len(campaigns), dtype=object)
    ids[order] = _ids("CMP", len(campaigns), 5)
    return ids


def _link_posts_and_creators(core: _Core, campaign_ids: np.ndarray) -> None:
    """Give posts their ids, creator, campaign and date, and creators their post averages (in place)."""
    creators, posts = core.creators, core.posts
    ids = creators["influencer_id"].to_numpy()
    posts["influencer_id"] = ids[posts["_creator"].to_numpy()]
    posts["post_id"] = _ids("P", len(posts), 7)
    posts["campaign_id"] = pd.Series(campaign_ids[posts["_campaign"].clip(lower=0).to_numpy()]).where(
        posts["_campaign"].to_numpy() >= 0
    )
    posts["date"] = _days(posts["_day"].to_numpy())

    per_creator = posts.groupby("_creator")[["likes", "comments", "shares", "saves"]].mean()
    per_creator = per_creator.reindex(np.arange(len(creators)))
    for col in ("likes", "comments", "shares", "saves"):
        creators[f"avg_{col}"] = per_creator[col].to_numpy()
    n_2025 = np.bincount(posts["_creator"].to_numpy(), minlength=len(creators))
    lifetime = np.round(creators["account_age_days"].to_numpy() * creators["_posts_per_day"].to_numpy())
    creators["posts_count"] = np.maximum(lifetime, n_2025).astype(np.int64)


def generate_all(
    seed: int = DEFAULT_SEED,
    scale: float = 1.0,
    *,
    long_term_uplift: float | None = None,
    params: Params = DEFAULT_PARAMS,
) -> dict[str, pd.DataFrame]:
    """Generate every table in memory, typed as :mod:`helpers.data` loads them.

    Args:
        seed: seed of the ``numpy.random.SeedSequence`` (one child generator per part of the data).
        scale: multiplies the number of creators, campaigns and outreach messages (> 0).
        long_term_uplift: shortcut for ``params.long_term_uplift`` (the hypothesis parameter).
        params: all other modelling assumptions.

    Returns:
        ``{table name: DataFrame}`` in the order of :data:`helpers.schema.TABLES`.
    """
    if long_term_uplift is not None:
        params = replace(params, long_term_uplift=float(long_term_uplift))
    core = _core(seed, scale, params)
    campaigns = _campaigns(core, params)
    _link_posts_and_creators(core, campaigns["campaign_id"].to_numpy())

    creators = core.creators
    rng_outreach = np.random.default_rng(core.streams[5])
    outreach = _outreach(rng_outreach, creators, _rows(BASE_ROWS["outreach"], scale), params)
    outreach.insert(0, "message_id", _ids("MSG", len(outreach), 6))
    outreach["influencer_id"] = creators["influencer_id"].to_numpy()[outreach["_creator"].to_numpy()]
    outreach["sent_date"] = _days(outreach["_day"].to_numpy())

    raw = {
        "influencers": creators,
        "niches": core.niches,
        "posts": core.posts,
        "campaigns": campaigns,
        "outreach": outreach,
        "calendar": core.calendar,
        "landscape": _landscape_table(),
        "benchmarks": _benchmarks_table(),
    }
    tables = {name: _finish(raw[name], TABLES[name]) for name in raw}
    # the follower-audit tables come from a stream of their own, after the creators and posts
    growth, sample, _ = follower_audit(tables["influencers"], tables["posts"], seed)
    tables |= {"follower_growth": growth, "follower_sample": sample}
    # incrementality and the two rankings (issue 17 items 1, 4): streams of their own too
    tables |= {
        "region_sales": region_sales(seed)[0],
        "affiliate_sales": affiliate_sales(tables["influencers"], seed, params),
    }
    return {name: tables[name] if name in raw else _finish(tables[name], TABLES[name]) for name in TABLES}


def generate_uplift_variants(
    uplifts: Sequence[float], seed: int = DEFAULT_SEED, *, params: Params = DEFAULT_PARAMS
) -> tuple[pd.DataFrame, dict[float, pd.DataFrame]]:
    """Creators once, and the campaigns table once per hypothesised long-term uplift.

    Equal to ``generate_all(seed, long_term_uplift=u)["influencers"]`` and ``[...]["campaigns"]``
    for each ``u`` (fraction, >= 0), but creators and posts are built only once: the uplift acts
    only in the campaign funnel. Returns ``(influencers, {u: campaigns})``, typed and validated.
    """
    core = _core(seed, 1.0, params)
    variants = {float(u): _campaigns(core, replace(params, long_term_uplift=float(u))) for u in uplifts}
    # Start dates (and so campaign ids) come from the posts, whatever the uplift.
    any_variant = next(iter(variants.values())) if variants else _campaigns(core, params)
    _link_posts_and_creators(core, any_variant["campaign_id"].to_numpy())
    influencers = _finish(core.creators, TABLES["influencers"])
    return influencers, {u: _finish(c, TABLES["campaigns"]) for u, c in variants.items()}


# =====================================================================================================
# Writing
# =====================================================================================================
def _format_column(series: pd.Series, col: schema.Column) -> np.ndarray:
    missing = series.isna().to_numpy()
    if col.dtype == "float":
        values = np.where(missing, 0.0, series.to_numpy(dtype=float, na_value=np.nan)) + 0.0
        text = np.char.mod(f"%.{col.decimals}f", values)
    elif col.dtype == "int":
        text = (
            np.where(missing, 0, series.to_numpy(dtype="float64", na_value=np.nan))
            .astype(np.int64)
            .astype(str)
        )
    elif col.dtype == "bool":
        text = np.where(series.to_numpy(dtype=bool, na_value=False), "True", "False")
    elif col.dtype == "date":
        text = series.dt.strftime("%Y-%m-%d").to_numpy(dtype=object, na_value="")
    else:
        text = series.astype(object).to_numpy()
    return np.where(missing, "", text).astype(object)


def to_csv_text(frame: pd.DataFrame, table: Table) -> str:
    """The CSV text of a typed table: schema column order, fixed decimals, empty cells for missing
    values, ``\\n`` line ends."""
    out = pd.DataFrame({c.name: _format_column(frame[c.name], c) for c in table.columns})
    buffer = io.StringIO()
    out.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


SIZES_BEGIN = "<!-- BEGIN GENERATED SIZES: written by `make data`; do not edit -->"
SIZES_END = "<!-- END GENERATED SIZES -->"
PARAMS_BEGIN = (
    "<!-- BEGIN GENERATED PARAMETERS: rendered from helpers.generate.Params by `make data`; do not edit -->"
)
PARAMS_END = "<!-- END GENERATED PARAMETERS -->"


def sizes_markdown(tables: Mapping[str, pd.DataFrame], seed: int, scale: float) -> str:
    """The datasheet's size section: rows and columns per table, seed and scale."""
    lines = [
        f"Generated with seed {seed} at scale {scale:g}.",
        "",
        "| file | rows | columns |",
        "|---|---:|---:|",
    ]
    lines += [f"| `{TABLES[n].file}` | {len(df):,} | {df.shape[1]} |" for n, df in tables.items()]
    return "\n".join(lines) + "\n"


def params_markdown(params: Params = DEFAULT_PARAMS) -> str:
    """The datasheet's parameter section: every :class:`Params` field, its value, unit and meaning."""
    lines = ["| parameter | value | unit | meaning |", "|---|---|---|---|"]
    for f in fields(Params):
        value = getattr(params, f.name)
        shown = ", ".join(f"{v:g}" for v in value) if isinstance(value, tuple) else f"{value:g}"
        unit, doc = PARAM_DOCS[f.name]
        lines.append(f"| `{f.name}` | {shown} | {unit} | {doc} |")
    return "\n".join(lines) + "\n"


def _replace_block(text: str, begin: str, end: str, body: str, path: Path) -> str:
    start, stop = text.find(begin), text.find(end)
    if start < 0 or stop < start:
        raise ValueError(
            f"{path}: the markers {begin!r} ... {end!r} are missing; add them around the generated section"
        )
    return text[: start + len(begin)] + "\n" + body + text[stop:]


def update_datasheet(
    path: Path, tables: Mapping[str, pd.DataFrame], seed: int, scale: float, params: Params
) -> bool:
    """Refresh the generated sections of the datasheet at ``path`` (columns, sizes, parameters).

    Returns False (and changes nothing) when the file does not exist.
    """
    if not path.exists():
        return False
    text = path.read_text(encoding="utf-8")
    text = _replace_block(text, schema.COLUMNS_BEGIN, schema.COLUMNS_END, datasheet_columns_markdown(), path)
    text = _replace_block(text, SIZES_BEGIN, SIZES_END, sizes_markdown(tables, seed, scale), path)
    text = _replace_block(text, PARAMS_BEGIN, PARAMS_END, params_markdown(params), path)
    path.write_text(text, encoding="utf-8", newline="\n")
    return True


def write_datasets(
    out: str | Path,
    seed: int = DEFAULT_SEED,
    scale: float = 1.0,
    *,
    params: Params = DEFAULT_PARAMS,
) -> dict[str, pd.DataFrame]:
    """Generate every table and write ``<out>/<table>.csv``, ``schema.json`` and the generated
    sections of ``<out>/README.md`` (when it exists). Returns the tables."""
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    tables = generate_all(seed, scale, params=params)
    for name, frame in tables.items():
        (folder / TABLES[name].file).write_text(
            to_csv_text(frame, TABLES[name]), encoding="utf-8", newline=""
        )
    write_schema_json(folder)
    update_datasheet(folder / "README.md", tables, seed, scale, params)
    return tables


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m helpers.generate --out datasets [--seed N] [--scale K]``."""
    parser = argparse.ArgumentParser(prog="python -m helpers.generate", description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, type=Path, help="folder to write the CSV files into")
    parser.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default {DEFAULT_SEED})"
    )
    parser.add_argument("--scale", type=float, default=1.0, help="multiply the number of rows (default 1)")
    parser.add_argument(
        "--long-term-uplift",
        type=float,
        default=DEFAULT_PARAMS.long_term_uplift,
        help="hypothesis parameter: extra conversion rate of long-term partnerships (default %(default)s)",
    )
    args = parser.parse_args(argv)
    began = time.perf_counter()
    params = replace(DEFAULT_PARAMS, long_term_uplift=args.long_term_uplift)
    tables = write_datasets(args.out, args.seed, args.scale, params=params)
    rows = ", ".join(f"{name} {len(df):,}" for name, df in tables.items())
    print(f"wrote {len(tables)} tables to {args.out} in {time.perf_counter() - began:.1f} s: {rows}")
    return 0


# ---------------------------------------------------------------------------------------------
# Incrementality with a known answer (issue 17 item 1): regions x weeks, a planted lift
# ---------------------------------------------------------------------------------------------
#: Spawn key of the region-sales stream: its own SeedSequence, independent of the nine streams of
#: :func:`generate_all`, so drawing it never changes a value of the bundled tables.
REGION_STREAM_KEY = 17


def region_sales(
    seed: int = DEFAULT_SEED,
    *,
    n_regions: int = 60,
    weeks: int = 8,
    holdout_share: float = 0.3,
    lift_per_1000: float = 0.4,
    code_use: float = 0.6,
    code_leakage: float = 0.01,
    impressions_per_person: float = 0.5,
    region_spread: float = 0.10,
) -> tuple[pd.DataFrame, dict[str, float]]:
    """Weekly orders of ``n_regions`` regions over ``weeks`` campaign weeks, with a planted lift.

    Synthetic. A share ``holdout_share`` of the regions, drawn at random, is held out (no creator
    posts there); in every other region the campaign adds ``lift_per_1000`` orders per 1,000 people
    per week on average (Poisson noise) - the **true lift**, which the table does not show.
    Baseline demand: about 2 orders per 1,000 people per week, times a region factor (lognormal,
    sigma ``region_spread``: regions differ by about that share) and weekly noise (Poisson). Promo
    codes: a share ``code_use`` of the buyers the
    campaign brought type the creator's code (the others buy without it); ``code_leakage`` is the
    share of *baseline* buyers, in every region, who find the code on a coupon site and use it.
    Impressions: ``impressions_per_person`` per person per week in exposed regions.

    Returns ``(table, truth)``: ``table`` has one row per region and week - ``region``, ``week``
    (1..weeks), ``population``, ``held_out`` (bool), ``impressions``, ``orders``, ``code_orders``
    (orders that used the code); ``truth`` holds what only the generator knows:
    ``lift_per_1000`` (orders per 1,000 people per week in exposed regions), ``incremental_orders``
    (the planted lift summed over exposed regions and weeks) and ``leaked_code_orders``.
    Drawn from its own stream (:data:`REGION_STREAM_KEY`), byte-identical for the same arguments.
    """
    if n_regions < 2 or weeks < 1:
        raise ValueError("region_sales needs at least 2 regions and 1 week")
    for name, value in (
        ("holdout_share", holdout_share),
        ("code_use", code_use),
        ("code_leakage", code_leakage),
    ):
        if not 0 <= value <= 1:
            raise ValueError(f"{name} is a share in [0, 1]; got {value:g}")
    if lift_per_1000 < 0 or impressions_per_person < 0 or region_spread < 0:
        raise ValueError("lift_per_1000, impressions_per_person and region_spread cannot be negative")
    rng = np.random.default_rng(np.random.SeedSequence([seed, REGION_STREAM_KEY]))
    population = np.round(rng.lognormal(np.log(200_000), 0.6, n_regions), -2)
    factor = rng.lognormal(0.0, region_spread, n_regions)
    n_held = round(holdout_share * n_regions)
    n_held = min(max(n_held, 1 if holdout_share > 0 else 0), n_regions - 1)
    held_out = np.zeros(n_regions, dtype=bool)
    held_out[rng.choice(n_regions, size=n_held, replace=False)] = True
    pop = np.repeat(population, weeks)
    held = np.repeat(held_out, weeks)
    base = rng.poisson(np.repeat(factor, weeks) * 2.0 * pop / 1000)
    incremental = np.where(held, 0, rng.poisson(lift_per_1000 * pop / 1000))
    leaked = rng.binomial(base, code_leakage)
    used = rng.binomial(incremental, code_use)
    table = pd.DataFrame(
        {
            "region": np.repeat([f"R{i + 1:03d}" for i in range(n_regions)], weeks),
            "week": np.tile(np.arange(1, weeks + 1), n_regions),
            "population": pop.astype("int64"),
            "held_out": held,
            "impressions": np.where(held, 0, np.round(impressions_per_person * pop)).astype("int64"),
            "orders": (base + incremental).astype("int64"),
            "code_orders": (leaked + used).astype("int64"),
        }
    )
    truth = {
        "lift_per_1000": float(lift_per_1000),
        "incremental_orders": float(incremental.sum()),
        "leaked_code_orders": float(leaked.sum()),
    }
    return table, truth


# ---------------------------------------------------------------------------------------------
# Follower audit (issue 17 item 2): daily follower counts and a sample of followers, planted truth
# ---------------------------------------------------------------------------------------------
#: Spawn key of the follower-audit stream: its own SeedSequence, independent of the streams of
#: :func:`generate_all`'s other tables, so adding these tables changed no value of the others.
AUDIT_STREAM_KEY = 23
#: The two tables drawn from that stream (after the creators and posts they refer to).
AUDIT_TABLES: tuple[str, ...] = ("follower_growth", "follower_sample")
#: Instagram creators with at least this many followers can be audited (smaller accounts gain a
#: handful of followers a day: too few to tell a step from noise).
AUDIT_MIN_FOLLOWERS = 2_000
#: Creators in the audit (fewer when the data has fewer eligible creators).
AUDIT_CREATORS = 240
#: Days of follower counts per creator, ending on the last day of the year.
AUDIT_DAYS = 180
#: Sampled followers per audited creator.
AUDIT_FOLLOWERS_PER_CREATOR = 15
#: A post with at least this many times the creator's median engagement (likes + comments + shares
#: + saves) can bring a bump of new followers.
AUDIT_STRONG_POST_RATIO = 2.0

# Follower-account profiles (synthetic assumptions, listed in the datasheet): median posts, median
# followers, median following, P(profile picture), P(private), median account age (days), spread of
# the log age, P(empty bio), mean digits in the username.
_ACCOUNT_PROFILES: Mapping[str, tuple[float, float, float, float, float, float, float, float, float]] = {
    "active": (150, 400, 450, 0.97, 0.35, 2000, 0.7, 0.25, 0.4),  # real people who post
    "lurker": (3, 60, 250, 0.75, 0.5, 700, 0.9, 0.7, 1.0),  # real people who mostly read
    "bot": (2, 25, 2600, 0.3, 0.15, 150, 0.7, 0.85, 3.5),  # bulk-made fake accounts
    "aged": (25, 180, 1100, 0.85, 0.25, 800, 0.7, 0.45, 1.5),  # older fakes dressed up as people
}
_LURKER_SHARE = 0.25  # of real followers
_AGED_FAKE_SHARE = 0.25  # of fake followers


@dataclass(frozen=True)
class FollowerAuditTruth:
    """What only the generator knows about the follower-audit tables (never written to a file).

    Attributes:
        bought: per audited creator (index ``influencer_id``), True when followers were bought
            during the :data:`AUDIT_DAYS` of ``follower_growth``.
        purchases: one row per planted purchase: ``influencer_id``, ``date`` (first delivery day),
            ``share`` (followers bought as a share of the creator's followers, 0-1), ``days``
            (delivery days).
        bumps: one row per organic bump: ``influencer_id``, ``date`` (first day), ``cause``
            (``"post"``: a strong post of the creator's own; ``"shout-out"``: another account
            mentioned them - no post of theirs explains it) and ``share`` (followers gained, 0-1).
        fake: per sampled follower (index ``follower_id``), True for a fake account.
    """

    bought: pd.Series
    purchases: pd.DataFrame
    bumps: pd.DataFrame
    fake: pd.Series


def _decaying(days_left: int, half_life: float) -> np.ndarray:
    """Weights summing to 1 that halve every ``half_life`` days, over ``days_left`` days."""
    weights = 0.5 ** (np.arange(days_left) / half_life)
    return weights / weights.sum()


def _audit_creators(influencers: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    instagram = influencers["platform"].astype(str) == "instagram"
    eligible = influencers[instagram & (influencers["followers"] >= AUDIT_MIN_FOLLOWERS)]
    n = min(AUDIT_CREATORS, len(eligible))
    picked = np.sort(rng.choice(len(eligible), size=n, replace=False))
    return eligible.iloc[picked].sort_values("influencer_id", kind="stable").reset_index(drop=True)


def _growth_paths(
    rng: np.random.Generator, creators: pd.DataFrame, posts: pd.DataFrame, dates: np.ndarray
) -> tuple[np.ndarray, np.ndarray, list[tuple], list[tuple]]:
    """Daily relative gains (creators x days) with organic bumps and bought steps; the truth."""
    ids = creators["influencer_id"].astype(str).to_numpy()
    n, days = len(ids), len(dates)
    x = np.log10(creators["followers"].to_numpy(float))
    # organic growth: about 0.12% of followers a day at 10K (faster for smaller accounts), with
    # heavy-tailed day-to-day noise (Student t, 4 degrees of freedom) in units of that drift
    drift = np.exp(rng.normal(math.log(0.0012) - 0.35 * (x - 4), 0.5, n))
    relative = drift[:, None] * (1 + 0.45 * rng.standard_t(4, (n, days)))

    # bumps after the creator's own strong posts (from the posts table), fading over a few days
    engagements = posts[["likes", "comments", "shares", "saves"]].sum(axis=1).astype(float)
    median = engagements.groupby(posts["influencer_id"].astype(str)).transform("median")
    strength = (engagements / median.where(median > 0)).to_numpy()
    post_ids = posts["influencer_id"].astype(str).to_numpy()
    post_dates = posts["date"].to_numpy().astype("datetime64[D]")
    post_days = ((post_dates - dates[0]) / np.timedelta64(1, "D")).astype(int)
    post_rows = pd.Index(ids).get_indexer(post_ids)  # -1: a creator outside the audit
    strong = np.flatnonzero((strength >= AUDIT_STRONG_POST_RATIO) & (post_days >= 0) & (post_rows >= 0))
    bumps: list[tuple] = []
    for k in strong[np.lexsort((post_days[strong], post_ids[strong]))]:
        if rng.random() >= 0.75:  # not every strong post brings followers
            continue
        i, day = int(post_rows[k]), int(post_days[k])
        share = 0.012 * (strength[k] - 1) * rng.lognormal(0, 0.4)
        relative[i, day:] += share * _decaying(days - day, rng.uniform(1.0, 3.0))
        bumps.append((ids[i], dates[day], "post", share))
    # shout-outs: another account features the creator; a bump no post of theirs explains
    for i in np.flatnonzero(rng.random(n) < 0.10):
        day = int(rng.integers(30, days - 5))
        share = 0.04 * rng.lognormal(0, 0.5)
        relative[i, day:] += share * _decaying(days - day, rng.uniform(1.0, 3.0))
        bumps.append((ids[i], dates[day], "shout-out", share))

    # purchases: only creators who ever bought (influencers.has_bought_followers), not all of them in
    # these days; delivered in 1-2 days as a step, then the platform removes up to 30% in 4 weeks
    buys = creators["has_bought_followers"].astype(bool).to_numpy() & (rng.random(n) < 0.45)
    purchases: list[tuple] = []
    for i in np.flatnonzero(buys):
        for _ in range(1 + int(rng.random() < 0.3)):
            day = int(rng.integers(30, days - 3))
            share = math.exp(rng.uniform(math.log(0.004), math.log(0.15)))
            delivery = 1 + int(rng.random() < 0.35)
            relative[i, day : day + delivery] += share / delivery
            purge = rng.uniform(0.0, 0.3) * share
            after = day + delivery
            relative[i, after : after + 28] -= purge / 28
            purchases.append((ids[i], dates[day], share, delivery))
    return relative, buys, bumps, purchases


def _follower_accounts(rng: np.random.Generator, fake: np.ndarray) -> dict[str, np.ndarray]:
    """Account features of sampled followers, by profile (:data:`_ACCOUNT_PROFILES`)."""
    size = fake.size
    kind = np.where(
        fake,
        np.where(rng.random(size) < _AGED_FAKE_SHARE, "aged", "bot"),
        np.where(rng.random(size) < _LURKER_SHARE, "lurker", "active"),
    )
    cols = {k: np.zeros(size) for k in ("posts", "followers", "following", "age", "bio", "digits")}
    cols |= {"picture": np.zeros(size, bool), "private": np.zeros(size, bool)}
    for name, profile in _ACCOUNT_PROFILES.items():
        posts, followers, following, picture, private, age, age_sd, no_bio, digits = profile
        sel = kind == name
        k = int(sel.sum())
        cols["posts"][sel] = np.floor(rng.lognormal(math.log(posts + 0.5), 1.0, k))
        cols["followers"][sel] = np.floor(rng.lognormal(math.log(followers), 0.9, k))
        cols["following"][sel] = np.clip(np.floor(rng.lognormal(math.log(following), 0.6, k)), 0, 7500)
        cols["picture"][sel] = rng.random(k) < picture
        cols["private"][sel] = rng.random(k) < private
        cols["age"][sel] = np.clip(np.round(rng.lognormal(math.log(age), age_sd, k)), 1, 5400)
        bio = np.clip(np.round(rng.lognormal(math.log(45), 0.6, k)), 1, 150)
        cols["bio"][sel] = np.where(rng.random(k) < no_bio, 0, bio)
        cols["digits"][sel] = np.minimum(rng.poisson(digits, k), 8)
    return cols


def follower_audit(
    influencers: pd.DataFrame, posts: pd.DataFrame, seed: int = DEFAULT_SEED
) -> tuple[pd.DataFrame, pd.DataFrame, FollowerAuditTruth]:
    """The follower-audit tables of these creators and posts, and their planted truth.

    Synthetic. :data:`AUDIT_CREATORS` Instagram creators with at least :data:`AUDIT_MIN_FOLLOWERS`
    followers, drawn at random:

    * ``follower_growth``: followers on each of the last :data:`AUDIT_DAYS` days of the year, ending
      at the creator's ``followers`` in ``influencers``. Organic growth with day-to-day noise; a bump
      that fades over a few days after some of the creator's strong posts (engagement >=
      :data:`AUDIT_STRONG_POST_RATIO` x their median post, from ``posts``) and, for about 10% of
      creators, after a shout-out by another account; and, for about 45% of the creators who
      ``has_bought_followers``, one or two purchases of 0.4-15% of their followers delivered in one
      or two days.
    * ``follower_sample``: :data:`AUDIT_FOLLOWERS_PER_CREATOR` followers of each audited creator,
      each fake with probability ``1 - audience_authenticity`` (so the sample's fake share follows
      the creators' audience authenticity, calibrated to HypeAuditor 2019's 22.23% and below SRF
      Data 2017's 30% Swiss average), with account features drawn from :data:`_ACCOUNT_PROFILES`.

    Drawn from its own stream (:data:`AUDIT_STREAM_KEY`); byte-identical for the same arguments.
    Returns ``(follower_growth, follower_sample, truth)``; the truth is never written to a file.
    """
    rng = np.random.default_rng(np.random.SeedSequence([seed, AUDIT_STREAM_KEY]))
    creators = _audit_creators(influencers, rng)
    ids = creators["influencer_id"].astype(str).to_numpy()
    n = len(ids)
    end = np.datetime64(f"{YEAR}-12-31")
    dates = end - np.arange(AUDIT_DAYS - 1, -1, -1).astype("timedelta64[D]")
    relative, bought, bumps, purchases = _growth_paths(rng, creators, posts, dates)
    # followers: compound the daily gains, scaled so that the last day equals influencers.followers
    log_level = np.cumsum(np.log1p(relative), axis=1)
    final = creators["followers"].to_numpy(float)
    log_level += (np.log(final) - log_level[:, -1])[:, None] if n else 0.0
    followers = np.round(np.exp(log_level)).astype(np.int64)
    growth = pd.DataFrame(
        {
            "influencer_id": np.repeat(ids, AUDIT_DAYS),
            "date": np.tile(dates, n).astype("datetime64[us]"),
            "followers": followers.ravel(),
        }
    )

    per = AUDIT_FOLLOWERS_PER_CREATOR
    fake_share = 1 - creators["audience_authenticity"].to_numpy(float)
    fake = rng.random(n * per) < np.repeat(fake_share, per)
    cols = _follower_accounts(rng, fake)
    follower_ids = _ids("FLW", n * per, 6)
    sample = pd.DataFrame(
        {
            "follower_id": follower_ids,
            "influencer_id": np.repeat(ids, per),
            "posts": cols["posts"].astype(np.int64),
            "followers": cols["followers"].astype(np.int64),
            "following": cols["following"].astype(np.int64),
            "has_profile_picture": cols["picture"],
            "is_private": cols["private"],
            "account_age_days": cols["age"].astype(np.int64),
            "bio_length": cols["bio"].astype(np.int64),
            "digits_in_username": cols["digits"].astype(np.int64),
        }
    )
    truth = FollowerAuditTruth(
        bought=pd.Series(bought, index=pd.Index(ids, name="influencer_id"), name="bought"),
        purchases=pd.DataFrame(purchases, columns=["influencer_id", "date", "share", "days"]),
        bumps=pd.DataFrame(bumps, columns=["influencer_id", "date", "cause", "share"]),
        fake=pd.Series(fake, index=pd.Index(follower_ids, name="follower_id"), name="fake"),
    )
    return growth, sample, truth


def follower_audit_truth(
    influencers: pd.DataFrame, posts: pd.DataFrame, seed: int = DEFAULT_SEED
) -> FollowerAuditTruth:
    """The planted truth of the follower-audit tables generated from these ``influencers`` and
    ``posts`` with ``seed`` (the bundled ones: ``data.load_influencers()``, ``data.load_posts()`` and
    :data:`DEFAULT_SEED`). Tests and the audit lab score flags against it."""
    return follower_audit(influencers, posts, seed)[2]


# ---------------------------------------------------------------------------------------------
# Revenue per follower falls with size (issue 17 item 4, Beichert et al. 2024): an affiliate programme
# ---------------------------------------------------------------------------------------------
#: Spawn key of the affiliate-sales stream (issue 17, item 4): its own SeedSequence, so drawing it
#: never changes a value of the other tables.
AFFILIATE_STREAM_KEY = 1704


def affiliate_sales(
    influencers: pd.DataFrame, seed: int = DEFAULT_SEED, params: Params = DEFAULT_PARAMS
) -> pd.DataFrame:
    """One sponsored Instagram post per Instagram creator for one retailer's affiliate programme.

    Synthetic, in the design of Beichert et al. (2024): purchases linked to single sponsored posts.
    The post's engagements (likes + comments) are the creator's average per post times lognormal
    noise (sigma 0.3, mean 1); each engagement turns into a purchase with probability
    ``affiliate_buy_rate x (relationship_score / 10) ^ affiliate_relationship_power`` (Poisson), so
    engagement mediates revenue and closer creators convert better; each purchase brings
    ``affiliate_basket_usd`` times lognormal noise (sigma 0.15, mean 1). The fee is the creator's
    ``price_per_post_usd``. Revenue per follower then falls steeply with follower count (engagement
    rate and relationship both fall), by about an order of magnitude from nano to macro.

    Returns columns ``influencer_id``, ``fee_usd``, ``engagements``, ``purchases``, ``revenue_usd``.
    Drawn from its own stream (:data:`AFFILIATE_STREAM_KEY`), byte-identical for the same arguments.
    """
    inf = influencers[influencers["platform"].astype(str) == "instagram"].sort_values("influencer_id")
    rng = np.random.default_rng(np.random.SeedSequence([seed, AFFILIATE_STREAM_KEY]))
    n = len(inf)
    typical = (inf["avg_likes"] + inf["avg_comments"]).to_numpy(float)
    engagements = rng.poisson(typical * rng.lognormal(-(0.3**2) / 2, 0.3, n))
    relationship = inf["relationship_score"].to_numpy(float) / 10
    buy_rate = params.affiliate_buy_rate * relationship**params.affiliate_relationship_power
    purchases = rng.poisson(engagements * buy_rate)
    revenue = purchases * params.affiliate_basket_usd * rng.lognormal(-(0.15**2) / 2, 0.15, n)
    return pd.DataFrame(
        {
            "influencer_id": inf["influencer_id"].to_numpy(),
            "fee_usd": inf["price_per_post_usd"].to_numpy(float),
            "engagements": engagements.astype(np.int64),
            "purchases": purchases.astype(np.int64),
            "revenue_usd": np.round(revenue, 2),
        }
    )


if __name__ == "__main__":
    sys.exit(main())
