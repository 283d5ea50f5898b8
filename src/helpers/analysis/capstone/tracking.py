"""One promo code and one tracked link per signed creator (:func:`promo_code`, :func:`tracked_link`), so each
creator's sales can be told apart.
"""

from __future__ import annotations

import re

import pandas as pd

from .brief import Brief
from .settings import LINK_DOMAIN


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-")


def promo_code(brand: str, handle: str) -> str:
    """A creator's promo code: the brand's first word and the handle, upper case, letters and digits
    only (``KESTREL-AMARARUNS``), at most 24 characters."""
    word = re.sub(r"[^A-Z0-9]", "", str(brand).split()[0].upper())
    who = re.sub(r"[^A-Z0-9]", "", str(handle).upper())
    return f"{word}-{who}"[:24]


def tracked_link(product: str, platform: str, campaign: str, handle: str) -> str:
    """A creator's tracked link with UTM parameters (source = platform, medium = influencer,
    campaign, content = handle) on the example domain :data:`LINK_DOMAIN`."""
    return (
        f"https://{LINK_DOMAIN}/{_slug(product)}?utm_source={_slug(platform)}&utm_medium=influencer"
        f"&utm_campaign={_slug(campaign)}&utm_content={_slug(handle)}"
    )


def _tracking(
    brief: Brief, signed: pd.DataFrame, disclosure_pct: pd.Series, campaign_id: str
) -> pd.DataFrame:
    """Per signed creator: promo code, tracked link, authenticity, audience-quality flags (lesson 10)
    and the share of their past sponsored posts that were disclosed (percent; NaN if unknown)."""
    handles = signed["handle"].astype(str).to_numpy()
    return pd.DataFrame(
        {
            "handle": handles,
            "tier": signed["tier"].to_numpy(),
            "promo_code": [promo_code(brief.brand, h) for h in handles],
            "tracked_link": [
                tracked_link(brief.product, p, campaign_id, h)
                for p, h in zip(signed["platform"], handles, strict=True)
            ],
            "audience_authenticity": signed["audience_authenticity"].to_numpy(dtype=float),
            "flags": signed["flags"].to_numpy(),
            "past_disclosed_pct": disclosure_pct.reindex(signed["influencer_id"].to_numpy()).to_numpy(
                dtype=float
            ),
        },
        index=signed.index,
    )
