"""The capstone's settings: the course assumptions a plan is built on (lead time, posts per creator, lowest
niche fit...), the named budget splits and scorecard weights, the defaults of the lab, and
:class:`PlanError`.
"""

from __future__ import annotations

import numpy as np

from ... import metrics

#: Days between the start of planning and the launch (COURSE ASSUMPTION: eight weeks, enough to find,
#: sign and brief creators; lesson 05 shows signing takes days to weeks depending on the route).
LEAD_DAYS = 56
#: Days after the launch the campaign window runs: posts plus a measurement period (COURSE ASSUMPTION).
FOLLOW_UP_DAYS = 42
#: Sponsored posts each signed creator publishes (the median campaign in the data has 2).
POSTS_PER_CREATOR = 2
#: Days between a creator's posts.
POST_SPACING_DAYS = 7
#: Lowest niche fit (0-1) of a creator a plan signs (COURSE ASSUMPTION). In the synthetic data the
#: conversion rate grows as exp(2.5 x (niche_fit - 0.6)) (datasheet, effect 3): a creator at 0.5 converts
#: about 0.8x as well as one at 0.6, one at 0.26 under half as well.
MIN_NICHE_FIT = 0.5
#: A creator's history with the brand that makes a first message unnecessary: they are asked directly.
#: The outreach table's reply rates are measured on first messages, so they apply only to the others.
KNOWN_TO_BRAND: tuple[str, ...] = ("long-term partner", "one-off collaborator")
#: Share (0-1) of the signed creators who should be based in the launch city for the audience check
#: (COURSE ASSUMPTION: the data has no audience-country split, so a creator's home city stands in).
MIN_LOCAL_SHARE = 0.5
#: Creators in one city for an executive trip to be planned (lesson 06's rule).
TRIP_MIN_CREATORS = 3
#: Follower tiers a budget is split across (Mediakix cut-offs, as in lesson 05's planner).
TIERS: tuple[str, ...] = metrics.tier_labels("mediakix", include_below=False)
#: Named budget splits, percent per tier (nano, micro, mid, macro, mega).
SPLITS: dict[str, dict[str, float]] = {
    "micro + mid": {"nano": 0, "micro": 50, "mid": 50, "macro": 0, "mega": 0},
    "balanced (lesson 05)": {"nano": 20, "micro": 40, "mid": 30, "macro": 10, "mega": 0},
    "nano + micro": {"nano": 50, "micro": 50, "mid": 0, "macro": 0, "mega": 0},
    "all micro": {"nano": 0, "micro": 100, "mid": 0, "macro": 0, "mega": 0},
    "mid + macro (reach)": {"nano": 0, "micro": 0, "mid": 50, "macro": 50, "mega": 0},
    "one big name (mega)": {"nano": 0, "micro": 0, "mid": 0, "macro": 0, "mega": 100},
}
DEFAULT_SPLIT = "micro + mid"
#: Scorecard weights (lesson 07's criteria); niche fit counts double.
DEFAULT_WEIGHTS: dict[str, float] = {
    "engagement": 1.0,
    "niche_fit": 2.0,
    "audience_quality": 1.0,
    "cost": 1.0,
}
DEFAULT_BRAND = "Kestrel Athletics"
DEFAULT_GOAL = "conversion"
DEFAULT_BUDGET_USD = 20_000
DEFAULT_CADENCE = "monthly call"
#: Domain of the example tracked links (reserved for examples by RFC 2606: it never reaches a shop).
LINK_DOMAIN = "shop.example.com"

_DAY = np.timedelta64(1, "D")


class PlanError(ValueError):
    """A plan that cannot be built from these inputs; the message says what to change."""
