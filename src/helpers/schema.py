"""The schema of every bundled table: the single source of truth for columns, types and units.

Everything else is derived from the objects in this module:

* :mod:`helpers.generate` writes the CSV files in this column order and dumps the schema to
  ``datasets/schema.json`` (:func:`write_schema_json`);
* :mod:`helpers.data` parses and validates every file against it;
* the column section of the datasheet (``datasets/README.md``) is rendered by
  :func:`datasheet_columns_markdown`, and the tests check that both files are in sync.

A column's ``dtype`` is one of ``int``, ``float``, ``str``, ``bool``, ``date`` (ISO ``YYYY-MM-DD``)
or ``category`` (with its allowed values, in order). ``minimum``/``maximum`` are validation limits
(what the column may hold at all), not the range observed in the bundled data.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

DType = Literal["int", "float", "str", "bool", "date", "category"]
DTYPES: tuple[str, ...] = ("int", "float", "str", "bool", "date", "category")

SCHEMA_VERSION = 1
SCHEMA_JSON_NAME = "schema.json"

# --- allowed values of the category columns (order = display order) ---------------------------------
PLATFORMS: tuple[str, ...] = ("instagram", "tiktok", "youtube")
NICHES: tuple[str, ...] = (
    "beauty",
    "fashion",
    "fitness",
    "food",
    "gaming",
    "travel",
    "tech",
    "parenting",
    "finance",
    "home",
)
CITIES: tuple[str, ...] = (
    "New York",
    "Los Angeles",
    "Toronto",
    "Mexico City",
    "Sao Paulo",
    "London",
    "Paris",
    "Berlin",
    "Lagos",
    "Dubai",
    "Mumbai",
    "Singapore",
    "Tokyo",
    "Sydney",
)
#: Post formats. Instagram: image, carousel, reel; TikTok: video, carousel (photo mode);
#: YouTube: video, short. ``views`` exist for the video formats only (:data:`VIDEO_FORMATS`).
FORMATS: tuple[str, ...] = ("image", "carousel", "reel", "video", "short")
VIDEO_FORMATS: tuple[str, ...] = ("reel", "video", "short")
#: Fictional brands (invented names; any resemblance to a real company is coincidental).
BRANDS: tuple[str, ...] = (
    "Lumora Skin",
    "Glowtheory",
    "Threadnest",
    "Kestrel Athletics",
    "Mesa Pantry",
    "Pixelforge",
    "Wanderloom",
    "Voltarc",
    "Little Sprout",
    "Ledgerly",
    "Nestwell Home",
    "Brightbrew",
)
GOALS: tuple[str, ...] = ("awareness", "consideration", "conversion")
PARTNERSHIPS: tuple[str, ...] = ("one_off", "long_term")
DISCOVERY_CHANNELS: tuple[str, ...] = ("organic", "platform", "agency")
OUTREACH_STYLES: tuple[str, ...] = ("generic", "personalised")
SENDER_ROLES: tuple[str, ...] = ("coordinator", "manager", "executive")
CONTACT_CHANNELS: tuple[str, ...] = ("email", "dm", "phone")
#: How often a creator prefers to hear from a brand: every month, every quarter, twice a year.
PREFERRED_CADENCES: tuple[str, ...] = ("monthly", "quarterly", "biannual")
#: How a creator prefers to hear from a brand: a one-to-one call or a one-to-many newsletter.
CONTACT_FORMATS: tuple[str, ...] = ("call", "newsletter")
EVENT_TYPES: tuple[str, ...] = ("product_launch", "pr_event", "embargo", "trade_show")
LANDSCAPE_METRICS: tuple[str, ...] = ("market_size", "instagram_monthly_active_users", "engagement_rate")
BENCHMARK_GROUPS: tuple[str, ...] = (
    "engagement",
    "price",
    "cpm",
    "fraud",
    "audience_quality",
    "disclosure",
    "sponsored_share",
    "spend",
)
#: Confidence tags of published figures: P = read in the primary source, S = read only in a
#: secondary page quoting it. (Unverified "U" figures are never bundled.)
CONFIDENCE: tuple[str, ...] = ("P", "S")


@dataclass(frozen=True)
class Column:
    """One column of a table.

    ``unit`` is a short unit ("count", "USD", "share 0-1", "days", ...; "" when none applies);
    ``decimals`` is how many decimals a float column is written with; ``ordered`` marks an ordered
    category (e.g. a funnel or a hierarchy).
    """

    name: str
    dtype: DType
    unit: str
    definition: str
    nullable: bool = False
    minimum: float | None = None
    maximum: float | None = None
    categories: tuple[str, ...] = ()
    ordered: bool = False
    unique: bool = False
    decimals: int | None = None

    def __post_init__(self) -> None:
        if self.dtype not in DTYPES:
            raise ValueError(f"column {self.name!r}: unknown dtype {self.dtype!r}")
        if (self.dtype == "category") != bool(self.categories):
            raise ValueError(
                f"column {self.name!r}: categories are required for, and only for, dtype category"
            )
        if self.dtype == "float" and self.decimals is None:
            raise ValueError(f"float column {self.name!r} needs decimals (fixed CSV formatting)")


@dataclass(frozen=True)
class ForeignKey:
    """``columns`` of this table refer to ``ref_columns`` of table ``ref_table`` (nulls are allowed
    where the column is nullable and are not checked)."""

    columns: tuple[str, ...]
    ref_table: str
    ref_columns: tuple[str, ...]


@dataclass(frozen=True)
class Rule:
    """A row-level check between two columns, e.g. ``impressions >= reach``. Rows where either
    side is missing are not checked. Booleans compare as 0/1 (``disclosed <= sponsored`` means "a
    post can only be disclosed if it is sponsored")."""

    left: str
    op: Literal[">=", "<="]
    right: str
    reason: str


@dataclass(frozen=True)
class Table:
    """A bundled table: ``<name>.csv`` in the datasets folder, rows sorted by the primary key."""

    name: str
    description: str
    synthetic: bool
    primary_key: tuple[str, ...]
    columns: tuple[Column, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    rules: tuple[Rule, ...] = ()
    _by_name: dict[str, Column] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_name = {c.name: c for c in self.columns}
        if len(by_name) != len(self.columns):
            raise ValueError(f"table {self.name!r}: duplicate column names")
        referenced = set(self.primary_key)
        referenced |= {c for fk in self.foreign_keys for c in fk.columns}
        referenced |= {c for r in self.rules for c in (r.left, r.right)}
        if missing := referenced - set(by_name):
            raise ValueError(f"table {self.name!r}: keys/rules name unknown columns {sorted(missing)}")
        object.__setattr__(self, "_by_name", by_name)

    @property
    def file(self) -> str:
        """File name inside the datasets folder."""
        return f"{self.name}.csv"

    @property
    def column_names(self) -> tuple[str, ...]:
        """Column names in file order."""
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        """The column called ``name`` (KeyError if there is none)."""
        return self._by_name[name]


def _c(name: str, dtype: DType, unit: str, definition: str, **kw: Any) -> Column:
    return Column(name, dtype, unit, definition, **kw)


def _count(name: str, definition: str, **kw: Any) -> Column:
    return Column(name, "int", "count", definition, minimum=0, **kw)


def _score(name: str, definition: str) -> Column:
    return Column(name, "float", "score 0-10", definition, minimum=0, maximum=10, decimals=1)


def _usd(name: str, definition: str) -> Column:
    return Column(name, "float", "USD", definition, minimum=0, decimals=2)


def _cat(name: str, values: tuple[str, ...], definition: str, **kw: Any) -> Column:
    return Column(name, "category", "", definition, categories=values, **kw)


_INFLUENCER_ID = _c("influencer_id", "str", "", "Creator identifier, 'INF' followed by digits.")

INFLUENCERS = Table(
    name="influencers",
    description="One row per creator: audience, prices, audience quality and four sources of influence.",
    synthetic=True,
    primary_key=("influencer_id",),
    columns=(
        _INFLUENCER_ID,
        _c(
            "handle",
            "str",
            "",
            "Invented social-media handle (no real account is meant).",
            unique=True,
        ),
        _cat("platform", PLATFORMS, "Platform of the account; every count in the row refers to it."),
        _cat("niche", NICHES, "Main topic of the creator's content."),
        _cat("city", CITIES, "City where the creator is based (to plan face-to-face meetings)."),
        _count("followers", "Followers (YouTube: subscribers) at the end of 2025, fake ones included."),
        _count(
            "following",
            "Accounts the creator follows (YouTube: subscriptions); fake-heavy accounts follow more.",
        ),
        _count(
            "posts_count", "Posts published since the account was created (the posts table holds 2025 only)."
        ),
        _c(
            "account_age_days",
            "int",
            "days",
            "Days from the account's creation to 2025-12-31.",
            minimum=0,
        ),
        _c(
            "avg_likes",
            "float",
            "likes per post",
            "Mean likes per post over the creator's 2025 posts in the posts table.",
            minimum=0,
            decimals=1,
        ),
        _c(
            "avg_comments",
            "float",
            "comments per post",
            "Mean comments per post over the creator's 2025 posts.",
            minimum=0,
            decimals=1,
        ),
        _c(
            "avg_shares",
            "float",
            "shares per post",
            "Mean shares per post over the creator's 2025 posts.",
            minimum=0,
            decimals=1,
        ),
        _c(
            "avg_saves",
            "float",
            "saves per post",
            "Mean saves per post over the creator's 2025 posts.",
            minimum=0,
            decimals=1,
        ),
        _c(
            "audience_authenticity",
            "float",
            "share 0-1",
            "Share of followers that are real, active people (1 - fake share), as audit tools estimate it.",
            minimum=0,
            maximum=1,
            decimals=3,
        ),
        _c(
            "has_bought_followers",
            "bool",
            "",
            "Ground truth of the simulation: the creator bought followers or joined follow-for-follow "
            "schemes. Real data never has this column.",
        ),
        _usd(
            "price_per_post_usd",
            "Rate-card price of one sponsored post (YouTube: one integrated video), USD.",
        ),
        _c(
            "is_celebrity", "bool", "", "Famous offline (actor, athlete, musician...); most creators are not."
        ),
        _score(
            "authority_score", "Authority: credentials and recognised standing in the niche (rating 0-10)."
        ),
        _score(
            "knowledge_score", "Knowledge: subject expertise in the niche (0-10); highest for niche experts."
        ),
        _score("position_score", "Position: prominence from fame or status (0-10); highest for celebrities."),
        _score(
            "relationship_score",
            "Relationship: closeness to the audience (0-10); falls as the follower count grows.",
        ),
        _cat(
            "preferred_cadence",
            PREFERRED_CADENCES,
            "How often the creator prefers to hear from a brand (monthly, quarterly, biannual = twice "
            "a year), as a brand learns by asking; synthetic, drawn independently of every other column.",
            ordered=True,
        ),
        _cat(
            "preferred_format",
            CONTACT_FORMATS,
            "How the creator prefers those regular contacts: a one-to-one call or a newsletter "
            "(synthetic, drawn independently of every other column).",
        ),
    ),
    foreign_keys=(ForeignKey(("niche", "platform"), "niches", ("niche", "platform")),),
)

NICHES_TABLE = Table(
    name="niches",
    description="Size of each niche's audience per platform, to express followers as a share of the niche.",
    synthetic=True,
    primary_key=("niche", "platform"),
    columns=(
        _cat("niche", NICHES, "Topic."),
        _cat("platform", PLATFORMS, "Platform."),
        _c(
            "niche_audience",
            "int",
            "people",
            "Users of the platform interested in the niche (synthetic order of magnitude).",
            minimum=1,
        ),
    ),
)

POSTS = Table(
    name="posts",
    description="Every post of every creator in 2025, organic and sponsored, with its engagement and reach.",
    synthetic=True,
    primary_key=("post_id",),
    columns=(
        _c("post_id", "str", "", "Post identifier, 'P' followed by digits."),
        _c("influencer_id", "str", "", "Creator who published the post (-> influencers)."),
        _c(
            "campaign_id",
            "str",
            "",
            "Campaign the post belongs to (-> campaigns); empty for organic posts and for sponsored posts "
            "of brands outside this dataset.",
            nullable=True,
        ),
        _c("date", "date", "date", "Day the post went live (2025)."),
        _cat(
            "format",
            FORMATS,
            "Instagram: image, carousel, reel; TikTok: video, carousel (photo mode); YouTube: video, short.",
        ),
        _c("sponsored", "bool", "", "Paid for by a brand (in cash or in kind)."),
        _c(
            "disclosed",
            "bool",
            "",
            "Carries a clear ad disclosure (#ad, paid-partnership label); always False for organic posts.",
        ),
        _count("likes", "Likes."),
        _count("comments", "Comments."),
        _count("shares", "Shares / reposts / sends."),
        _count("saves", "Saves (YouTube: added to a playlist)."),
        _count("reach", "Unique accounts that saw the post."),
        _count("impressions", "Times the post was shown (>= reach)."),
        _count(
            "views",
            "Video plays; for video formats only (reel, video, short), empty otherwise.",
            nullable=True,
        ),
    ),
    foreign_keys=(
        ForeignKey(("influencer_id",), "influencers", ("influencer_id",)),
        ForeignKey(("campaign_id",), "campaigns", ("campaign_id",)),
    ),
    rules=(
        Rule("impressions", ">=", "reach", "an account that saw the post was shown it at least once"),
        Rule("disclosed", "<=", "sponsored", "only sponsored posts can carry an ad disclosure"),
    ),
)

CAMPAIGNS = Table(
    name="campaigns",
    description="Brand-creator collaborations in 2025: how the creator was found, the cost, and the results.",
    synthetic=True,
    primary_key=("campaign_id",),
    columns=(
        _c("campaign_id", "str", "", "Campaign identifier, 'CMP' followed by digits."),
        _cat("brand", BRANDS, "Fictional brand that ran the campaign."),
        _c("influencer_id", "str", "", "Creator hired (-> influencers)."),
        _c("start_date", "date", "date", "Day the campaign's first post went live."),
        _c("end_date", "date", "date", "Day the campaign's last post went live."),
        _cat("goal", GOALS, "Main goal of the campaign (funnel stage).", ordered=True),
        _cat("partnership", PARTNERSHIPS, "A single collaboration or a long-term (multi-month) partnership."),
        _c(
            "n_posts",
            "int",
            "posts",
            "Sponsored posts delivered (rows in posts with this campaign_id).",
            minimum=1,
        ),
        _c(
            "niche_fit",
            "float",
            "share 0-1",
            "Fit between the creator's audience and the brand's niche (0 none, 1 perfect).",
            minimum=0,
            maximum=1,
            decimals=3,
        ),
        _cat(
            "discovery_channel",
            DISCOVERY_CHANNELS,
            "How the creator was found: own search, a platform, an agency.",
        ),
        _usd(
            "discovery_cost_usd",
            "Cost of finding and signing the creator: staff time (organic), subscription share + staff time "
            "(platform) or agency fee, USD.",
        ),
        _c("days_to_sign", "int", "days", "Days from the first search to the signed agreement.", minimum=0),
        _cat("outreach_style", OUTREACH_STYLES, "First message: a generic template or a personalised one."),
        _usd("fee_usd", "Fee paid to the creator for all posts of the campaign, USD."),
        _count("impressions", "Sum of the impressions of the campaign's posts."),
        _count("reach", "Sum of the reach of the campaign's posts (people reached twice count twice)."),
        _count("engagements", "Sum of likes + comments + shares + saves of the campaign's posts."),
        _count("clicks", "Clicks on the campaign's tracked links."),
        _count("conversions", "Purchases attributed to the campaign (tracked links and promo codes)."),
        _count("promo_code_uses", "Conversions that used the creator's promo code (part of conversions)."),
        _usd("revenue_usd", "Revenue of the attributed conversions, USD."),
    ),
    foreign_keys=(ForeignKey(("influencer_id",), "influencers", ("influencer_id",)),),
    rules=(
        Rule("end_date", ">=", "start_date", "a campaign ends after it starts"),
        Rule(
            "impressions", ">=", "reach", "impressions count every showing, reach each account once per post"
        ),
        Rule("conversions", "<=", "clicks", "every attributed conversion comes from a click"),
        Rule("promo_code_uses", "<=", "conversions", "promo-code uses are a subset of conversions"),
    ),
)

OUTREACH = Table(
    name="outreach",
    description="First messages brands sent to creators in 2025 and whether the creator replied.",
    synthetic=True,
    primary_key=("message_id",),
    columns=(
        _c("message_id", "str", "", "Message identifier, 'MSG' followed by digits."),
        _cat("brand", BRANDS, "Brand that sent the message."),
        _c("influencer_id", "str", "", "Creator contacted (-> influencers)."),
        _c("sent_date", "date", "date", "Day the message was sent (2025)."),
        _cat("template_style", OUTREACH_STYLES, "A generic template or a personalised message."),
        _cat("sender_role", SENDER_ROLES, "Who signed the message.", ordered=True),
        _cat("channel", CONTACT_CHANNELS, "Email, platform direct message or phone call."),
        _c("replied", "bool", "", "The creator replied (within 30 days)."),
        _c(
            "days_to_reply",
            "int",
            "days",
            "Days from sending to the reply; empty when there was no reply.",
            nullable=True,
            minimum=0,
            maximum=30,
        ),
    ),
    foreign_keys=(ForeignKey(("influencer_id",), "influencers", ("influencer_id",)),),
)

CALENDAR = Table(
    name="calendar",
    description="Each brand's 2025 calendar: product launches, PR events, embargoes and trade shows.",
    synthetic=True,
    primary_key=("event_id",),
    columns=(
        _c("event_id", "str", "", "Event identifier, 'EVT' followed by digits."),
        _cat("brand", BRANDS, "Brand whose calendar holds the event."),
        _cat(
            "event_type",
            EVENT_TYPES,
            "product_launch; pr_event; embargo (creators must not post about the coming launch); trade_show.",
        ),
        _c("title", "str", "", "Short title of the event."),
        _c("start_date", "date", "date", "First day of the event."),
        _c(
            "end_date",
            "date",
            "date",
            "Last day of the event (inclusive; equals start_date for one-day events).",
        ),
        _cat("city", CITIES, "Where the event takes place (embargoes: the launch city)."),
    ),
    rules=(Rule("end_date", ">=", "start_date", "an event ends on or after its first day"),),
)

LANDSCAPE = Table(
    name="landscape",
    description="REAL published figures: market size, Instagram users, engagement; one source per row.",
    synthetic=False,
    primary_key=("series", "period"),
    columns=(
        _cat("metric", LANDSCAPE_METRICS, "What is measured."),
        _c(
            "series",
            "str",
            "",
            "Which publisher's series the figure belongs to (figures of one series compare).",
        ),
        _c("year", "int", "year", "Year the figure refers to.", minimum=2000, maximum=2100),
        _c("period", "str", "", "Period as published: YYYY, YYYY-MM or YYYY-Qn."),
        _c("value", "float", "see unit", "The published figure.", minimum=0, decimals=2),
        _c("unit", "str", "", "Unit of value."),
        _c("definition", "str", "", "What exactly the figure measures (denominators differ between series)."),
        _c("source", "str", "", "Who published it (the citation)."),
        _cat(
            "confidence",
            CONFIDENCE,
            "P = read in the primary source; S = read in a secondary page quoting it.",
        ),
        _c(
            "is_vendor_estimate",
            "bool",
            "",
            "The publisher sells influencer-marketing or social-analytics services or tools.",
        ),
    ),
)

BENCHMARKS = Table(
    name="benchmarks",
    description="REAL published figures the synthetic data is calibrated to, and teaching benchmarks.",
    synthetic=False,
    primary_key=("key",),
    columns=(
        _c("key", "str", "", "Stable snake_case name of the figure (used by the generator and the lessons)."),
        _cat("group", BENCHMARK_GROUPS, "Topic of the figure."),
        _c(
            "value",
            "float",
            "see unit",
            "The published figure (a range is two rows, *_low and *_high).",
            decimals=2,
        ),
        _c("unit", "str", "", "Unit of value."),
        _c("definition", "str", "", "What exactly the figure measures."),
        _c("source", "str", "", "Who published it."),
        _c(
            "year",
            "int",
            "year",
            "Year of the data or of the publication; empty when the source gives none.",
            nullable=True,
            minimum=2000,
            maximum=2100,
        ),
        _cat(
            "confidence",
            CONFIDENCE,
            "P = read in the primary source; S = read in a secondary page quoting it.",
        ),
        _c(
            "is_vendor_estimate",
            "bool",
            "",
            "The publisher sells influencer-marketing or social-analytics services or tools.",
        ),
    ),
)

FOLLOWER_GROWTH = Table(
    name="follower_growth",
    description=(
        "Daily follower counts of 240 Instagram creators over the last 180 days of 2025, to audit "
        "their growth (some bought followers in these days; which ones is not in the data)."
    ),
    synthetic=True,
    primary_key=("influencer_id", "date"),
    columns=(
        _c("influencer_id", "str", "", "Creator (-> influencers)."),
        _c("date", "date", "date", "Day of the count (2025-07-05 to 2025-12-31, every day)."),
        _count(
            "followers",
            "Followers at the end of the day, fake ones included; the last day equals the creator's "
            "followers in influencers.",
        ),
    ),
    foreign_keys=(ForeignKey(("influencer_id",), "influencers", ("influencer_id",)),),
)

FOLLOWER_SAMPLE = Table(
    name="follower_sample",
    description=(
        "A random sample of 15 followers of each creator in follower_growth, with the account "
        "features fake-follower audits look at (which accounts are fake is not in the data)."
    ),
    synthetic=True,
    primary_key=("follower_id",),
    columns=(
        _c("follower_id", "str", "", "Sampled follower account, 'FLW' followed by digits (no real account)."),
        _c("influencer_id", "str", "", "Creator the account follows (-> influencers)."),
        _count("posts", "Posts the follower account has published."),
        _count("followers", "Accounts that follow the follower account."),
        _count(
            "following",
            "Accounts the follower account follows (Instagram allows at most 7,500).",
            maximum=7500,
        ),
        _c("has_profile_picture", "bool", "", "The account has a profile picture."),
        _c("is_private", "bool", "", "The account is private."),
        _c("account_age_days", "int", "days", "Days from the account's creation to 2025-12-31.", minimum=0),
        _c("bio_length", "int", "characters", "Characters in the account's bio (0: empty bio).", minimum=0),
        _count("digits_in_username", "Digits in the account's username (e.g. 4 in 'anna_84_21')."),
    ),
    foreign_keys=(ForeignKey(("influencer_id",), "influencers", ("influencer_id",)),),
)

REGION_SALES = Table(
    name="region_sales",
    description=(
        "A creator campaign run as an experiment: weekly orders in 60 regions, some held out at random "
        "(no creator posted there). The true effect is planted by the generator, not stored here."
    ),
    synthetic=True,
    primary_key=("region", "week"),
    columns=(
        _c("region", "str", "", "Region identifier, 'R' followed by digits."),
        _c("week", "int", "week", "Campaign week, 1 to 8.", minimum=1),
        _count("population", "People living in the region (the same every week)."),
        _c(
            "held_out",
            "bool",
            "",
            "The region was drawn at random to be left out: no creator posted there (no impressions).",
        ),
        _count("impressions", "Impressions of the campaign's posts in the region that week (0 if held out)."),
        _count("orders", "Orders from the region that week, with or without a promo code."),
        _count(
            "code_orders",
            "Orders that used a creator's promo code (part of orders); codes leak to coupon sites, so "
            "held-out regions have some too.",
        ),
    ),
    rules=(Rule("orders", ">=", "code_orders", "promo-code orders are part of the orders"),),
)

AFFILIATE_SALES = Table(
    name="affiliate_sales",
    description=(
        "One retailer's affiliate programme: one sponsored post by each Instagram creator, with the "
        "purchases the retailer linked to it and the fee paid."
    ),
    synthetic=True,
    primary_key=("influencer_id",),
    columns=(
        _c("influencer_id", "str", "", "Creator who published the post (-> influencers; Instagram only)."),
        _usd("fee_usd", "Fee paid for the post: the creator's price_per_post_usd, USD."),
        _count("engagements", "Likes + comments on the post."),
        _count("purchases", "Purchases the retailer linked to the post (affiliate link or code)."),
        _usd("revenue_usd", "Revenue of those purchases, USD."),
    ),
    foreign_keys=(ForeignKey(("influencer_id",), "influencers", ("influencer_id",)),),
)


#: Every table, in the order of the datasheet.
TABLES: Mapping[str, Table] = {
    t.name: t
    for t in (
        INFLUENCERS,
        NICHES_TABLE,
        POSTS,
        CAMPAIGNS,
        OUTREACH,
        CALENDAR,
        LANDSCAPE,
        BENCHMARKS,
        FOLLOWER_GROWTH,
        FOLLOWER_SAMPLE,
        REGION_SALES,
        AFFILIATE_SALES,
    )
}


def get_table(name: str) -> Table:
    """The :class:`Table` called ``name``; a KeyError lists the known tables otherwise."""
    try:
        return TABLES[name]
    except KeyError:
        raise KeyError(f"unknown table {name!r}; the tables are: {', '.join(TABLES)}") from None


# --- serialisation ---------------------------------------------------------------------------------
def _column_dict(col: Column) -> dict[str, Any]:
    return {
        "name": col.name,
        "dtype": col.dtype,
        "unit": col.unit,
        "definition": col.definition,
        "nullable": col.nullable,
        "minimum": col.minimum,
        "maximum": col.maximum,
        "categories": list(col.categories) or None,
        "ordered": col.ordered,
        "unique": col.unique,
        "decimals": col.decimals,
    }


def schema_dict() -> dict[str, Any]:
    """The whole schema as plain JSON-compatible data (what ``schema.json`` holds)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "note": "Generated from src/helpers/schema.py by `make data`; do not edit by hand.",
        "tables": [
            {
                "name": t.name,
                "file": t.file,
                "description": t.description,
                "synthetic": t.synthetic,
                "primary_key": list(t.primary_key),
                "foreign_keys": [
                    {
                        "columns": list(fk.columns),
                        "ref_table": fk.ref_table,
                        "ref_columns": list(fk.ref_columns),
                    }
                    for fk in t.foreign_keys
                ],
                "rules": [
                    {"left": r.left, "op": r.op, "right": r.right, "reason": r.reason} for r in t.rules
                ],
                "columns": [_column_dict(c) for c in t.columns],
            }
            for t in TABLES.values()
        ],
    }


def schema_json() -> str:
    """``schema.json`` as text: 2-space indent, keys in schema order, trailing newline."""
    return json.dumps(schema_dict(), indent=2, ensure_ascii=False) + "\n"


def write_schema_json(folder: str | Path) -> Path:
    """Write ``schema.json`` into ``folder`` and return its path."""
    path = Path(folder) / SCHEMA_JSON_NAME
    path.write_text(schema_json(), encoding="utf-8", newline="\n")
    return path


# --- datasheet section -----------------------------------------------------------------------------
#: Markers around the generated part of ``datasets/README.md``.
COLUMNS_BEGIN = (
    "<!-- BEGIN GENERATED COLUMNS: rendered from src/helpers/schema.py by `make data`; do not edit -->"
)
COLUMNS_END = "<!-- END GENERATED COLUMNS -->"


def _fmt_number(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:g}"


def _values_cell(col: Column) -> str:
    if col.dtype == "category":
        joiner = " < " if col.ordered else ", "
        return joiner.join(col.categories)
    lo, hi = col.minimum, col.maximum
    if lo is not None and hi is not None:
        return f"{_fmt_number(lo)} to {_fmt_number(hi)}"
    if lo is not None:
        return f">= {_fmt_number(lo)}"
    if hi is not None:
        return f"<= {_fmt_number(hi)}"
    return ""


def _md(text: str) -> str:
    return text.replace("|", "\\|")


def datasheet_columns_markdown() -> str:
    """The datasheet's column section (Markdown), one table per dataset, rendered from the schema."""
    lines: list[str] = []
    for t in TABLES.values():
        kind = "synthetic" if t.synthetic else "real published figures"
        lines.append(f"### `{t.file}` ({kind})")
        lines.append("")
        lines.append(_md(t.description))
        lines.append("")
        lines.append(f"Primary key: {', '.join(f'`{k}`' for k in t.primary_key)}.")
        for fk in t.foreign_keys:
            cols = ", ".join(fk.columns)
            refs = ", ".join(fk.ref_columns)
            lines.append(f"Foreign key: `{cols}` -> `{fk.ref_table}.{refs}`.")
        for r in t.rules:
            lines.append(f"Check: `{r.left} {r.op} {r.right}` ({_md(r.reason)}).")
        lines.append("")
        lines.append("| column | type | unit | empty allowed | values | definition |")
        lines.append("|---|---|---|---|---|---|")
        for c in t.columns:
            dtype = c.dtype + (", unique" if c.unique else "")
            nullable = "yes" if c.nullable else "no"
            cells = [f"`{c.name}`", dtype, _md(c.unit), nullable, _md(_values_cell(c)), _md(c.definition)]
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
