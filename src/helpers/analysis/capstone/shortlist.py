"""Step 4, the shortlist: every slot the allocation bought is filled with the best-scored creator of its tier,
plus reserves for the creators who will not reply.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from .allocation import replay_forecast
from .brief import Brief
from .settings import KNOWN_TO_BRAND, TIERS, PlanError
from .tracking import _tracking
from .workbench import Workbench, _bounded

_SHORTLIST_COLUMNS = [
    "role",
    "tier",
    "handle",
    "influencer_id",
    "platform",
    "city",
    "followers",
    "er_pct",
    "niche_fit",
    "audience_authenticity",
    "price_per_post_usd",
    "score",
    "flags",
    "history",
]


def _select(
    bench: Workbench,
    brief: Brief,
    shares: Mapping[str, float],
    weights: Mapping[str, float],
    min_authenticity: float | None,
    min_niche_fit: float | None = None,
) -> dict[str, Any]:
    """Allocation, shortlist (signed + reserves), contact target and tracking for these inputs
    (cached on the workbench). Keys: ``forecast`` (:func:`replay_forecast` of the creators actually
    signed), ``allocation``, ``shortlist``, ``signed``, ``contact_target``, ``tracking``, ``notes``."""
    key = (
        brief.brand,
        str(brief.launch),
        brief.goal,
        brief.budget_usd,
        tuple(shares.items()),
        tuple(sorted(weights.items())),
        min_authenticity,
        min_niche_fit,
    )
    if key in bench._selections:
        return bench._selections[key]
    forecast = bench.forecast(brief.goal, brief.budget_usd, shares)
    histories = bench.histories(brief.goal)
    per_tier = forecast.table
    ranked = bench.ranked(brief.niche, weights, min_authenticity)
    if min_niche_fit is not None:
        ranked = ranked[ranked["niche_fit"] >= min_niche_fit]
    reply = bench.reply_rates.get("personalised", float("nan"))
    total_share = max(sum(shares.values()), 1e-12)
    notes: list[str] = []
    picks, alloc = [], []
    for tier in TIERS:
        slots = int(per_tier.loc[tier, "creators"]) if tier in per_tier.index else 0
        if not slots and not shares[tier]:
            continue
        pool = ranked[ranked["tier"] == tier]
        history = histories.get(tier)
        need = math.ceil(slots / reply) if slots and reply > 0 else slots
        chosen = pool.head(need)
        alloc.append(
            {
                "tier": tier,
                "share_pct": 100 * shares[tier] / total_share,
                "budget_usd": brief.budget_usd * shares[tier] / total_share,
                "slots": slots,
                "avg_fee_usd": history.mean_fee_usd if history is not None else float("nan"),
                "filled": min(slots, len(pool)),
                "spend_usd": min(slots, len(pool)) * history.mean_fee_usd if history is not None else 0.0,
                "pool": len(pool),
            }
        )
        if slots > len(pool):
            notes.append(
                f"only {len(pool)} {tier} creators in {brief.niche} pass the screening with a track record, "
                f"for {slots} slots: widen the search (lesson 05's discovery routes) or move money to "
                "another tier"
            )
        picks.append(chosen.assign(role=np.where(np.arange(len(chosen)) < slots, "sign", "reserve")))
    allocation = pd.DataFrame(alloc).set_index("tier")
    filled = allocation["filled"].to_dict()
    if not sum(filled.values()):
        raise PlanError(
            f"No {brief.niche} creator fills the slots this split buys: choose another split, raise the "
            "budget or relax the screening."
        )
    forecast_numbers, forecast_table = replay_forecast(histories, filled, brief.budget_usd)
    unspent = forecast_numbers["unspent_usd"]
    if unspent > 0.10 * brief.budget_usd:
        notes.insert(
            0,
            f"${unspent:,.0f} of the budget is not spent (slots the niche cannot fill, or less than one "
            "creator's average fee left in a tier): move it to another tier or keep it as a contingency",
        )
    shortlist = _shortlist(pd.concat(picks), bench.history_of(brief.brand))
    signed = shortlist[shortlist["role"] == "sign"]
    slots_total = int(allocation["slots"].sum())
    known, cold = _contact_split(signed, slots_total)
    contact_target = known + (math.ceil(cold / reply) if reply > 0 else cold)
    if len(shortlist) < contact_target:
        notes.append(
            f"you need about {contact_target} names to sign {slots_total} ({known} who already work with "
            f"the brand, asked directly, + {contact_target - known} first messages at a {reply:.0%} reply "
            f"rate for {cold} new names); the shortlist has {len(shortlist)}"
        )
    campaign_id = f"{brief.brand.split()[0]}-{brief.product}".upper().replace(" ", "-")
    selection = {
        "forecast": (forecast_numbers, forecast_table),
        "allocation": allocation,
        "shortlist": shortlist,
        "signed": signed,
        "contact_target": contact_target,
        "tracking": _tracking(brief, signed, bench.disclosure_pct, campaign_id),
        "notes": notes,
    }
    _bounded(bench._selections)[key] = selection
    return selection


def _contact_split(signed: pd.DataFrame, slots: int) -> tuple[int, int]:
    """(creators to sign who already worked with the brand, slots left for new names)."""
    known = int(signed["history"].isin(KNOWN_TO_BRAND).sum())
    return known, max(slots - known, 0)


def _shortlist(picks: pd.DataFrame, history_of: pd.Series) -> pd.DataFrame:
    """Picked candidates (indexed by influencer id, with ``role``) in display order: signed before
    reserves, then by tier and score; numbered from 1."""
    table = picks.assign(
        history=history_of.reindex(picks.index).fillna("new to the brand").to_numpy(),
        influencer_id=picks.index.to_numpy(),
        platform=picks["platform"].astype(str),
        city=picks["city"].astype(str),
        _r=(picks["role"] == "reserve").astype(int),
        _t=picks["tier"].map({t: i for i, t in enumerate(TIERS)}),
    )
    table = table.sort_values(["_r", "_t", "score"], ascending=[True, True, False], kind="stable")
    table = table[_SHORTLIST_COLUMNS].reset_index(drop=True)
    table.index = pd.RangeIndex(1, len(table) + 1, name="#")
    return table


def who_signs(signed: pd.DataFrame) -> dict[str, float]:
    """What the brand and the authenticity screen change: who signs. Medians over the signed
    creators of niche fit (0-1) and of real audience (%), and the lowest real audience (%)."""
    real = signed["audience_authenticity"].astype(float) * 100
    return {
        "signed_median_niche_fit": float(signed["niche_fit"].astype(float).median()),
        "signed_median_real_audience_pct": float(real.median()),
        "signed_lowest_real_audience_pct": float(real.min()),
    }
