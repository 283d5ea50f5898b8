"""Lesson 06: a relationship calendar - who to contact, how often, tied to launches, PR and trips.

The pieces, all pure functions on the tables :mod:`helpers.data` loads:

1. **Roster** (:func:`brand_roster`): a brand's creators in three segments - *partners* (at least one
   long-term campaign with the brand), *collaborators* (one-off campaigns only) and *prospects*
   (replied to the brand's outreach, no campaign yet).
2. **Cadence** per segment (:data:`CADENCES`): a monthly, quarterly or biannual call (one per
   creator, staggered over the period so the team is not swamped on one day) or newsletter (one
   send per period to the whole segment, on the period's first Tuesday), or none - or
   :data:`PREFERRED`: each creator's own choice (``influencers.preferred_cadence`` and
   ``preferred_format``, what a brand learns by asking), one newsletter per cadence for those who
   prefer a newsletter.
3. **Launch tie-ins**: a briefing call with every partner :data:`BRIEFING_DAYS` days before each
   product launch (inside the embargo - briefing under embargo is what an embargo is for), and an
   email sent on behalf of an executive to partners and collaborators on launch day.
4. **Executive trips**, grouped by city (``influencers.city``), for one of two bases
   (:data:`TRIP_BASES`): *key partners* (:func:`key_partner_mask`: the partners who bring most of the
   revenue attributed to partners net of their fees) - every city with one gets a trip to meet them -
   or *creators*:
   every city with at least ``trip_min_creators`` partners and collaborators. A trip lasts
   :data:`TRIP_DAYS` days, on the brand's first launch, PR event or trade show there (or, for a city
   without one, on a date spread over the year). :func:`trip_value` sets each trip's cost
   (:data:`TRIP_COST_USD`, a course assumption) against the revenue the creators met brought net of
   their fees, and names the creators met whose fees exceeded their revenue (deals to review).
5. **Conflicts** (:func:`find_conflicts`): a campaign post or a newsletter inside an embargo, more
   overlapping trips than executives who travel, and a regular contact fewer than ``min_gap_days``
   days from another contact with the same creator.
6. **Export** (:func:`to_ics`, :func:`to_csv`, :func:`write_exports`): an iCalendar file (RFC 5545:
   all-day events, CRLF line ends, lines folded at 75 octets, escaped text without control
   characters, a stable UID per entry, a fixed DTSTAMP) and a CSV whose text cells cannot run as
   spreadsheet formulas, written into a folder without ever overwriting a file; each file appears
   under its name only once complete, and the name must be a plain file name.

Units: dates are ``datetime64`` days (all-day, inclusive ``end``), gaps in **days**, workload in
**staff hours** (:data:`STAFF_HOURS`, a course assumption with no published source). The calendar,
creators and posts are SYNTHETIC course data.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ..safe_files import csv_safe, plain_stem, write_new

__all__ = [
    "BRIEFING_DAYS",
    "CADENCES",
    "CONFLICT_KINDS",
    "ENTRY_KINDS",
    "FORMATS",
    "KEY_PARTNER_REVENUE_SHARE",
    "KIND_LABELS",
    "NO_CADENCE",
    "PERIODS",
    "PREFERENCE_COLUMNS",
    "PREFERRED",
    "REGULAR_KINDS",
    "SEGMENTS",
    "SEGMENT_LABELS",
    "STAFF_HOURS",
    "TOUCHPOINT_KINDS",
    "TRIP_BASES",
    "TRIP_COST_USD",
    "TRIP_DAYS",
    "PlanInput",
    "Schedule",
    "brand_roster",
    "build_schedule",
    "cadence_options",
    "city_counts",
    "embargo_breaches",
    "escape_text",
    "example_draft",
    "export_preview",
    "find_conflicts",
    "fold_line",
    "in_period",
    "key_partner_mask",
    "net_of_fees_usd",
    "parse_cadence",
    "period_bounds",
    "plan_input",
    "preference_table",
    "regular_contacts_per_creator",
    "segment_table",
    "summarise",
    "to_csv",
    "to_ics",
    "trip_finding",
    "trip_plan",
    "trip_value",
    "unique_export_paths",
    "workload_by_cadence",
    "write_exports",
]

#: Calendar year of the course data.
YEAR = 2025
#: Creator segments, in display order.
SEGMENTS: tuple[str, ...] = ("partners", "collaborators", "prospects")
SEGMENT_LABELS: dict[str, str] = {
    "partners": "Long-term partners",
    "collaborators": "One-off collaborators",
    "prospects": "Prospects (replied)",
}
#: Months between two touchpoints of a cadence.
CADENCES: dict[str, int] = {"monthly": 1, "quarterly": 3, "biannual": 6}
#: Days over which the calls of one period are spread (staggered), per cadence.
CALL_WINDOW_DAYS: dict[str, int] = {"monthly": 20, "quarterly": 60, "biannual": 120}
#: How a cadence reaches a creator: one-to-one call or one-to-many newsletter.
FORMATS: tuple[str, ...] = ("call", "newsletter")
#: The "no regular contact" cadence value.
NO_CADENCE = "none"
#: The cadence value "each creator's own preference": every creator of the segment is contacted at
#: the cadence and in the format they asked for (:data:`PREFERENCE_COLUMNS` of the roster).
PREFERRED = "preferred"
#: Roster columns holding each creator's preference (from ``influencers``; SYNTHETIC in the course data).
PREFERENCE_COLUMNS: tuple[str, ...] = ("preferred_cadence", "preferred_format")
#: Days between a partner's embargoed briefing call and the launch.
BRIEFING_DAYS = 7
#: Length of an executive trip (days, inclusive).
TRIP_DAYS = 2
#: Cost of one executive trip, USD (COURSE ASSUMPTION, no published source): flights, two hotel
#: nights and two days of a senior executive's time.
TRIP_COST_USD = 3000.0
#: Key partners: the fewest partners who together bring at least this share (0-1) of the revenue net
#: of fees (revenue minus fees, summed over the partners whose revenue exceeded their fees) of all the
#: brand's partners in the year (a course choice, a Pareto-style cut).
KEY_PARTNER_REVENUE_SHARE = 0.8
#: Who executive trips are planned for: cities with a key partner, or cities with at least
#: ``trip_min_creators`` partners and collaborators.
TRIP_BASES: tuple[str, ...] = ("key partners", "creators")
#: Staff hours per calendar entry (COURSE ASSUMPTION, no published source): a call with its
#: preparation; a newsletter send; an email drafted for an executive's signature; a two-day trip.
STAFF_HOURS: dict[str, float] = {
    "call": 0.75,
    "briefing": 0.75,
    "newsletter": 4.0,
    "exec_email": 1.5,
    "trip": 16.0,
}
#: Every kind of calendar entry: touchpoints first, then the brand's calendar and campaign posts.
ENTRY_KINDS: tuple[str, ...] = (
    "call",
    "newsletter",
    "briefing",
    "exec_email",
    "trip",
    "product_launch",
    "pr_event",
    "embargo",
    "trade_show",
    "post",
)
#: Regular (cadence) contacts: these can move; launch contacts and trips are tied to their dates.
REGULAR_KINDS: tuple[str, ...] = ("call", "newsletter")
#: Kinds that contact creators (touchpoints).
TOUCHPOINT_KINDS: tuple[str, ...] = ("call", "newsletter", "briefing", "exec_email", "trip")
KIND_LABELS: dict[str, str] = {
    "call": "Call",
    "newsletter": "Newsletter",
    "briefing": "Briefing under embargo",
    "exec_email": "Executive email",
    "trip": "Executive trip",
    "product_launch": "Launch",
    "pr_event": "PR event",
    "embargo": "Embargo",
    "trade_show": "Trade show",
    "post": "Campaign post",
}
#: Kinds of conflict :func:`find_conflicts` reports, in display order.
CONFLICT_KINDS: tuple[str, ...] = ("post in embargo", "newsletter in embargo", "trip clash", "too close")
#: Periods a schedule can be viewed or counted in.
PERIODS: tuple[str, ...] = ("year", "Q1", "Q2", "Q3", "Q4")

_ENTRY_COLUMNS = (
    "entry_id",
    "kind",
    "start",
    "end",
    "segment",
    "title",
    "city",
    "creators",
    "n_creators",
)
_CONTACT_COLUMNS = ("entry_id", "influencer_id", "handle", "date", "kind", "segment")
_CONFLICT_COLUMNS = ("date", "kind", "who", "detail", "fix", "entries")
_DAY = np.timedelta64(1, "D")


# --- cadences and periods ------------------------------------------------------------------------------
def cadence_options(include_preferred: bool = False) -> list[tuple[str, str]]:
    """(label, value) pairs for a cadence menu: ``"quarterly call"`` ... and ``"none"``; with
    ``include_preferred``, first ``("each creator's preference", PREFERRED)``."""
    options = [(f"{c} {f}", f"{c} {f}") for f in FORMATS for c in CADENCES]
    first = [("each creator's preference", PREFERRED)] if include_preferred else []
    return [*first, *options, ("no regular contact", NO_CADENCE)]


def _is_preferred(value: str) -> bool:
    return " ".join(str(value).lower().split()) in (PREFERRED, "each creator's preference")


def parse_cadence(value: str) -> tuple[str, str] | None:
    """``"quarterly call"`` -> ``("quarterly", "call")``; ``"none"`` -> None. Raises on anything else."""
    text = " ".join(str(value).lower().split())
    if text in (NO_CADENCE, "no regular contact", ""):
        return None
    parts = text.split(" ")
    if len(parts) != 2 or parts[0] not in CADENCES or parts[1] not in FORMATS:
        choices = ", ".join(repr(v) for _, v in cadence_options())
        raise ValueError(f"unknown cadence {value!r}; use one of {choices}")
    return parts[0], parts[1]


def period_bounds(period: str, year: int = YEAR) -> tuple[np.datetime64, np.datetime64]:
    """First and last day (inclusive) of ``"year"`` or a quarter ``"Q1"``..``"Q4"`` of ``year``."""
    if period == "year":
        return np.datetime64(f"{year}-01-01"), np.datetime64(f"{year}-12-31")
    if period not in PERIODS:
        raise ValueError(f"unknown period {period!r}; use one of {', '.join(PERIODS)}")
    q = int(period[1])
    start = np.datetime64(f"{year}-{3 * q - 2:02d}-01")
    end = np.datetime64(f"{year + (q == 4)}-{(3 * q) % 12 + 1:02d}-01") - _DAY
    return start, end


def in_period(dates: pd.Series | np.ndarray, period: str, year: int = YEAR) -> np.ndarray:
    """Boolean mask: which dates fall in ``period`` (inclusive bounds)."""
    first, last = period_bounds(period, year)
    d = np.asarray(dates, dtype="datetime64[D]")
    return (d >= first) & (d <= last)


def _weekday(days: np.ndarray) -> np.ndarray:
    """Monday = 0 ... Sunday = 6 for ``datetime64[D]`` values (1970-01-01 was a Thursday)."""
    return (days.astype("int64") + 3) % 7


def _to_weekday(days: np.ndarray, backwards: bool = False) -> np.ndarray:
    """Move Saturdays and Sundays to the next Monday (or, ``backwards``, the previous Friday)."""
    wd = _weekday(days)
    if backwards:
        shift = np.select([wd == 5, wd == 6], [-1, -2], 0)
    else:
        shift = np.select([wd == 5, wd == 6], [2, 1], 0)
    return days + shift.astype("timedelta64[D]")


def _period_starts(months: int, year: int) -> np.ndarray:
    return np.array([f"{year}-{m:02d}-01" for m in range(1, 13, months)], dtype="datetime64[D]")


def _first_tuesdays(months: int, year: int) -> np.ndarray:
    starts = _period_starts(months, year)
    return starts + ((1 - _weekday(starts)) % 7).astype("timedelta64[D]")


# --- inputs: the roster and the brand's calendar ---------------------------------------------------------
def brand_roster(
    brand: str, influencers: pd.DataFrame, campaigns: pd.DataFrame, outreach: pd.DataFrame
) -> pd.DataFrame:
    """A brand's creators with their segment.

    Columns ``influencer_id``, ``handle``, ``city``, ``followers``, ``segment`` (partners,
    collaborators, prospects) and, when ``influencers`` has them, :data:`PREFERENCE_COLUMNS`; when
    ``campaigns`` has them, ``revenue_usd`` and ``fee_usd`` (the creator's campaigns with this brand,
    summed; 0 for prospects) and, with both, ``key_partner`` (:func:`key_partner_mask`); sorted by
    segment, then ``influencer_id``. Empty when the brand has no campaigns and no replies.
    """
    mine = campaigns[campaigns["brand"].astype(str) == brand]
    long_term = set(mine.loc[mine["partnership"].astype(str) == "long_term", "influencer_id"])
    worked = set(mine["influencer_id"])
    replied = outreach[(outreach["brand"].astype(str) == brand) & outreach["replied"].astype(bool)]
    ids = sorted(worked | set(replied["influencer_id"]))
    segment = np.where(
        np.isin(ids, list(long_term)),
        "partners",
        np.where(np.isin(ids, list(worked)), "collaborators", "prospects"),
    )
    roster = pd.DataFrame({"influencer_id": pd.Series(ids, dtype="str"), "segment": segment})
    prefs = [c for c in PREFERENCE_COLUMNS if c in influencers.columns]
    people = influencers[["influencer_id", "handle", "city", "followers", *prefs]].copy()
    for column in ("city", *prefs):
        people[column] = people[column].astype(str)
    roster = roster.merge(people, on="influencer_id", how="inner")
    order = {s: i for i, s in enumerate(SEGMENTS)}
    roster = roster.assign(_o=roster["segment"].map(order)).sort_values(
        ["_o", "influencer_id"], kind="stable"
    )
    money = [c for c in ("revenue_usd", "fee_usd") if c in mine.columns]
    if money:
        sums = mine.groupby("influencer_id", observed=True)[money].sum()
        sums.index = sums.index.astype(str)
        for column in money:
            roster[column] = roster["influencer_id"].map(sums[column]).fillna(0.0).astype(float)
    columns = ["influencer_id", "handle", "city", "followers", "segment", *prefs, *money]
    roster = roster[columns].reset_index(drop=True)
    if len(money) == 2:
        roster["key_partner"] = key_partner_mask(roster)
    return roster


def net_of_fees_usd(roster: pd.DataFrame) -> np.ndarray:
    """Each roster row's revenue net of fees, USD: ``revenue_usd - fee_usd`` (the creator's campaigns with
    the brand this year). Still revenue, not profit: the cost of the goods sold is not taken off. Raises
    when the roster lacks either column."""
    missing = [c for c in ("revenue_usd", "fee_usd") if c not in roster.columns]
    if missing:
        raise ValueError(
            f"key partners need the roster column(s) {', '.join(missing)}: build the plan from "
            "data.load_campaigns()"
        )
    return roster["revenue_usd"].to_numpy(dtype=float) - roster["fee_usd"].to_numpy(dtype=float)


def key_partner_mask(roster: pd.DataFrame, share: float = KEY_PARTNER_REVENUE_SHARE) -> np.ndarray:
    """Which roster rows are **key partners**: the fewest partners (largest first) who together bring at
    least ``share`` (0-1) of what all the brand's partners brought net of their fees
    (:func:`net_of_fees_usd`, summed over the partners whose revenue exceeded their fees - revenue, not
    profit). A partner whose fees matched or exceeded their revenue is never key, however much revenue
    they brought: that deal needs a review before anyone flies out. Raises when the roster has no
    ``revenue_usd`` or ``fee_usd`` column."""
    net = net_of_fees_usd(roster)
    partner = roster["segment"].to_numpy(dtype=object) == "partners"
    earning = partner & (net > 0)
    total = net[earning].sum()
    key = np.zeros(len(roster), dtype=bool)
    if total <= 0:
        return key
    idx = np.flatnonzero(earning)
    idx = idx[np.argsort(-net[idx], kind="stable")]
    before = np.concatenate([[0.0], np.cumsum(net[idx])[:-1]])
    key[idx[before < share * total]] = True
    return key


@dataclass(frozen=True)
class PlanInput:
    """Everything a brand's schedule is built from.

    Attributes:
        brand: the brand's name.
        roster: :func:`brand_roster` output.
        events: the brand's calendar rows (``event_id``, ``event_type``, ``title``, ``start_date``,
            ``end_date``, ``city``).
        posts: the brand's campaign posts (``post_id``, ``influencer_id``, ``handle``, ``campaign_id``,
            ``date``): the draft posting plan.
        year: calendar year.
    """

    brand: str
    roster: pd.DataFrame
    events: pd.DataFrame
    posts: pd.DataFrame
    year: int = YEAR


def plan_input(
    brand: str,
    influencers: pd.DataFrame,
    campaigns: pd.DataFrame,
    outreach: pd.DataFrame,
    calendar: pd.DataFrame,
    posts: pd.DataFrame,
    year: int = YEAR,
) -> PlanInput:
    """Collect a brand's roster, calendar and campaign posts (see :class:`PlanInput`)."""
    events = calendar[calendar["brand"].astype(str) == brand].copy()
    events["event_type"] = events["event_type"].astype(str)
    events["city"] = events["city"].astype(str)
    events = events.sort_values(["start_date", "event_id"], kind="stable").reset_index(drop=True)
    brand_campaigns = campaigns.loc[campaigns["brand"].astype(str) == brand, "campaign_id"]
    mine = posts[posts["campaign_id"].isin(brand_campaigns)][
        ["post_id", "influencer_id", "campaign_id", "date"]
    ]
    handles = influencers.set_index("influencer_id")["handle"]
    mine = mine.assign(handle=mine["influencer_id"].map(handles).fillna(mine["influencer_id"]))
    mine = mine.sort_values(["date", "post_id"], kind="stable").reset_index(drop=True)
    roster = brand_roster(brand, influencers, campaigns, outreach)
    return PlanInput(brand=brand, roster=roster, events=events, posts=mine, year=year)


# --- building a schedule ----------------------------------------------------------------------------------
@dataclass
class Schedule:
    """A brand's relationship calendar.

    Attributes:
        brand: the brand.
        entries: one row per calendar entry (touchpoints, the brand's events, campaign posts):
            ``entry_id`` (stable, unique), ``kind`` (:data:`ENTRY_KINDS`), ``start``/``end``
            (inclusive days), ``segment`` ("" when none), ``title``, ``city``, ``creators`` (handles
            separated by "; "), ``n_creators``, and ``check`` (conflicts the entry is part of, "" if none).
        contacts: one row per creator reached by a touchpoint: ``entry_id``, ``influencer_id``,
            ``handle``, ``date``, ``kind``, ``segment``.
        conflicts: :func:`find_conflicts` output.
        executives: executives available for trips (used by the trip-clash rule).
    """

    brand: str
    entries: pd.DataFrame
    contacts: pd.DataFrame
    conflicts: pd.DataFrame
    executives: int = 1


Columns = dict[str, np.ndarray]


def _columns(names: tuple[str, ...], n: int, **values: object) -> Columns:
    """Columns of length ``n``: arrays as given, scalars repeated; dates as ``datetime64[D]``."""
    out: Columns = {}
    for name in names:
        value = values.get(name, 0 if name == "n_creators" else "")
        if name in ("start", "end", "date"):
            array = np.asarray(value, dtype="datetime64[D]")
        elif name == "n_creators":
            array = np.asarray(value, dtype=np.int64)
        else:
            array = np.asarray(value, dtype=object)
        out[name] = np.broadcast_to(array, (n,)) if array.ndim == 0 else array
    return out


def _stack(parts: list[Columns], names: tuple[str, ...]) -> Columns:
    parts = [p for p in parts if len(p[names[0]])]
    if not parts:
        return _columns(
            names,
            0,
            **{
                k: np.array([], dtype="datetime64[D]" if k in ("start", "end", "date") else object)
                for k in names
            },
        )
    return {k: np.concatenate([p[k] for p in parts]) for k in names}


def _people(roster: pd.DataFrame, mask: np.ndarray | None = None) -> dict[str, np.ndarray]:
    cols = ("influencer_id", "handle", "city", "segment")  # preferences are read by _preference_parts
    table = roster if mask is None else roster[mask]
    return {c: table[c].to_numpy(dtype=object) for c in cols}


def _contact_cols(
    entry_ids: np.ndarray, people: dict[str, np.ndarray], take: np.ndarray, dates: np.ndarray, kind: str
) -> Columns:
    return _columns(
        _CONTACT_COLUMNS,
        len(take),
        entry_id=entry_ids,
        influencer_id=people["influencer_id"][take],
        handle=people["handle"][take],
        date=dates,
        kind=kind,
        segment=people["segment"][take],
    )


def _cadence_part(
    people: dict[str, np.ndarray], segment: str, cadence: str, fmt: str, year: int, tag: str = ""
) -> tuple[Columns, Columns]:
    """Entries and contacts of one segment's cadence (``people``: that segment's creators; ``tag``
    keeps newsletter ids unique when one segment gets several newsletters)."""
    n = len(people["influencer_id"])
    if n == 0:
        return _stack([], _ENTRY_COLUMNS), _stack([], _CONTACT_COLUMNS)
    months = CADENCES[cadence]
    if fmt == "call":
        starts = _period_starts(months, year)
        offsets = 1 + (np.arange(n) * CALL_WINDOW_DAYS[cadence]) // n  # from the 2nd: no New Year calls
        days = _to_weekday(starts[:, None] + offsets[None, :].astype("timedelta64[D]")).ravel()
        take = np.tile(np.arange(n), len(starts))
        handles = people["handle"][take]
        ids = "call-" + people["influencer_id"][take] + "-" + np.datetime_as_string(days).astype(object)
        entries = _columns(
            _ENTRY_COLUMNS,
            len(days),
            entry_id=ids,
            kind="call",
            start=days,
            end=days,
            segment=segment,
            title=f"{cadence.capitalize()} call with " + handles,
            city=people["city"][take],
            creators=handles,
            n_creators=1,
        )
        return entries, _contact_cols(ids, people, take, days, "call")
    sends = _first_tuesdays(months, year)
    ids = np.array([f"newsletter-{segment}-{tag}{d}" for d in sends], dtype=object)
    entries = _columns(
        _ENTRY_COLUMNS,
        len(sends),
        entry_id=ids,
        kind="newsletter",
        start=sends,
        end=sends,
        segment=segment,
        title=f"{cadence.capitalize()} newsletter to {n} {SEGMENT_LABELS[segment].lower()}",
        creators="; ".join(people["handle"]),
        n_creators=n,
    )
    take = np.tile(np.arange(n), len(sends))
    return entries, _contact_cols(np.repeat(ids, n), people, take, np.repeat(sends, n), "newsletter")


def _preference_parts(
    roster: pd.DataFrame, mask: np.ndarray, segment: str, year: int
) -> tuple[list[Columns], list[Columns]]:
    """Cadence entries and contacts of one segment when every creator gets their own preference:
    calls per creator at their cadence, one newsletter per cadence for those who prefer newsletters."""
    missing = [c for c in PREFERENCE_COLUMNS if c not in roster.columns]
    if missing:
        raise ValueError(
            f"'each creator's preference' needs the roster columns {', '.join(missing)}: build the plan "
            "from data.load_influencers(), or choose a cadence such as 'quarterly call' for the segment"
        )
    cadence = roster["preferred_cadence"].astype(str).to_numpy()
    fmt = roster["preferred_format"].astype(str).to_numpy()
    unknown = sorted(set(cadence[mask]) - set(CADENCES)) + sorted(set(fmt[mask]) - set(FORMATS))
    if unknown:
        raise ValueError(
            f"unknown preference(s) {unknown}: preferred_cadence must be one of {', '.join(CADENCES)} "
            f"and preferred_format one of {', '.join(FORMATS)}"
        )
    entries, contacts = [], []
    for f in FORMATS:
        for c in CADENCES:
            group = mask & (cadence == c) & (fmt == f)
            if group.any():
                e, k = _cadence_part(_people(roster, group), segment, c, f, year, tag=f"{c}-")
                entries.append(e)
                contacts.append(k)
    return entries, contacts


def _launch_part(roster: pd.DataFrame, events: pd.DataFrame) -> tuple[Columns, Columns]:
    """Embargoed briefings with partners and launch-day executive emails to partners + collaborators."""
    launches = events[events["event_type"] == "product_launch"]
    segments = roster["segment"].to_numpy(dtype=object)
    partners = _people(roster, segments == "partners")
    audience = _people(roster, np.isin(segments, ["partners", "collaborators"]))
    n_p, n_a = len(partners["handle"]), len(audience["handle"])
    entry_parts, contact_parts = [], []
    for event_id, title, day in zip(
        launches["event_id"], launches["title"], launches["start_date"].to_numpy("datetime64[D]"), strict=True
    ):
        product = str(title).removeprefix("Launch: ")
        if n_p:
            brief_day = _to_weekday(np.array([day - BRIEFING_DAYS * _DAY]), backwards=True)[0]
            ids = "briefing-" + partners["influencer_id"] + f"-{event_id}"
            entry_parts.append(
                _columns(
                    _ENTRY_COLUMNS,
                    n_p,
                    entry_id=ids,
                    kind="briefing",
                    start=brief_day,
                    end=brief_day,
                    segment="partners",
                    title=f"Embargoed briefing on {product} with " + partners["handle"],
                    city=partners["city"],
                    creators=partners["handle"],
                    n_creators=1,
                )
            )
            contact_parts.append(
                _contact_cols(ids, partners, np.arange(n_p), np.full(n_p, brief_day), "briefing")
            )
        if n_a:
            eid = f"exec-email-{event_id}"
            entry_parts.append(
                _columns(
                    _ENTRY_COLUMNS,
                    1,
                    entry_id=[eid],
                    kind="exec_email",
                    start=[day],
                    end=[day],
                    segment="partners, collaborators",
                    title=f"Launch email on behalf of an executive: {product} ({n_a} creators)",
                    creators="; ".join(audience["handle"]),
                    n_creators=n_a,
                )
            )
            contact_parts.append(
                _contact_cols(
                    np.full(n_a, eid, dtype=object), audience, np.arange(n_a), np.full(n_a, day), "exec_email"
                )
            )
    return _stack(entry_parts, _ENTRY_COLUMNS), _stack(contact_parts, _CONTACT_COLUMNS)


def _trip_people(roster: pd.DataFrame, basis: str) -> np.ndarray:
    """Which roster rows an executive trip is for (see :data:`TRIP_BASES`)."""
    if basis not in TRIP_BASES:
        raise ValueError(f"unknown trip basis {basis!r}; use one of {', '.join(TRIP_BASES)}")
    if basis == "key partners":
        if "key_partner" in roster.columns:
            return roster["key_partner"].to_numpy(dtype=bool)
        return key_partner_mask(roster)
    seg = roster["segment"].to_numpy(dtype=object)
    return (seg == "partners") | (seg == "collaborators")


def _trips(
    roster: pd.DataFrame,
    events: pd.DataFrame,
    trip_min_creators: int | None,
    year: int,
    basis: str = "creators",
) -> Columns:
    """:func:`trip_plan` as columns of numpy arrays (fast path for the lab)."""
    if trip_min_creators is None:  # no trips at all
        roster = roster.iloc[:0]
        trip_min_creators = 1
    mask = _trip_people(roster, basis)
    if basis == "key partners":
        trip_min_creators = 1  # every city with a key partner
    city = roster["city"].to_numpy(dtype=object)[mask]
    handle = roster["handle"].to_numpy(dtype=object)[mask]
    names, counts = np.unique(city.astype(str), return_counts=True)
    keep = counts >= max(int(trip_min_creators), 1)
    order = np.lexsort((names[keep], -counts[keep]))
    cities, sizes = names[keep][order], counts[keep][order]
    kind = events["event_type"].to_numpy(dtype=object)
    anchor_mask = (kind == "product_launch") | (kind == "pr_event") | (kind == "trade_show")
    a_city = events["city"].to_numpy(dtype=object)[anchor_mask].astype(str)
    a_start = events["start_date"].to_numpy("datetime64[D]")[anchor_mask]
    a_end = events["end_date"].to_numpy("datetime64[D]")[anchor_mask]
    a_title = events["title"].to_numpy(dtype=object)[anchor_mask]
    free = [c for c in cities if c not in set(a_city)]
    spacing = 280 // max(len(free), 1)
    n = len(cities)
    starts = np.empty(n, dtype="datetime64[D]")
    ends = np.empty(n, dtype="datetime64[D]")
    anchors = np.empty(n, dtype=object)
    handles = np.empty(n, dtype=object)
    for k, name in enumerate(cities):
        here = np.flatnonzero(a_city == name)
        if here.size:
            first = here[np.argmin(a_start[here])]
            starts[k] = a_start[first]
            ends[k] = max(a_end[first], a_start[first] + (TRIP_DAYS - 1) * _DAY)
            anchors[k] = str(a_title[first])
        else:
            starts[k] = _to_weekday(
                np.array([np.datetime64(f"{year}-02-03") + free.index(name) * spacing * _DAY])
            )[0]
            ends[k] = starts[k] + (TRIP_DAYS - 1) * _DAY
            anchors[k] = ""
        handles[k] = "; ".join(handle[city == name])
    return {
        "city": cities.astype(object),
        "creators": sizes.astype(np.int64),
        "start": starts,
        "end": ends,
        "anchor": anchors,
        "handles": handles,
    }


def trip_plan(
    roster: pd.DataFrame,
    events: pd.DataFrame,
    trip_min_creators: int | None = 5,
    year: int = YEAR,
    basis: str = "creators",
) -> pd.DataFrame:
    """Executive trips grouped by city: one row per city with at least ``trip_min_creators`` partners
    and collaborators (creators), the largest group first - or, with ``basis="key partners"``, one
    row per city with at least one key partner (:func:`key_partner_mask`; ``trip_min_creators`` is
    then not used, except that None still plans no trips), meeting the key partners.

    Columns ``city``, ``creators`` (count), ``start``/``end`` (inclusive days: :data:`TRIP_DAYS`
    long, or as long as the brand event the trip is planned around), ``anchor`` (that event's title:
    the brand's first launch, PR event or trade show in the city; "" when the city has none and the
    date is spread over the year from early February) and ``handles`` (creators to meet).
    ``trip_min_creators=None`` plans no trips.
    """
    return pd.DataFrame(_trips(roster, events, trip_min_creators, year, basis))


def trip_value(
    roster: pd.DataFrame, trips: pd.DataFrame, trip_cost_usd: float = TRIP_COST_USD
) -> pd.DataFrame:
    """What each trip of :func:`trip_plan` costs against what the creators it meets brought net of fees.

    One row per trip (index ``city``): ``creators_met`` (count), ``key_partners_met`` (count),
    ``revenue_met_usd`` and ``fees_met_usd`` (revenue attributed to the met creators' campaigns with the
    brand this year, and the fees paid for them, USD), ``key_revenue_usd``, ``key_fees_usd`` and
    ``key_net_usd`` (the key partners' revenue, fees and revenue minus fees), ``trip_cost_usd``
    (``trip_cost_usd``, a course assumption), ``key_net_per_trip_usd`` (key partners' revenue net of
    fees per dollar of trip: revenue, not profit), ``deals_to_review`` (count of creators met whose fees
    exceeded their revenue) and ``review_handles`` (their handles, "; "-separated, largest fee overrun
    first). A last row ``all trips`` holds the totals. Needs the roster's ``revenue_usd`` and ``fee_usd``
    (:func:`brand_roster` with the course campaigns).
    """
    key = key_partner_mask(roster)
    net = net_of_fees_usd(roster)
    handle = roster["handle"].astype(str).to_numpy()
    revenue = roster["revenue_usd"].to_numpy(dtype=float)
    fee = roster["fee_usd"].to_numpy(dtype=float)
    rows = {}
    overrun_all: list[int] = []
    for city, handles in zip(trips["city"], trips["handles"], strict=True):
        met = np.isin(handle, [h for h in str(handles).split("; ") if h])
        overrun = np.flatnonzero(met & (net < 0))
        overrun = overrun[np.argsort(net[overrun], kind="stable")]
        overrun_all.extend(overrun.tolist())
        rows[str(city)] = {
            "creators_met": int(met.sum()),
            "key_partners_met": int((met & key).sum()),
            "revenue_met_usd": float(revenue[met].sum()),
            "fees_met_usd": float(fee[met].sum()),
            "key_revenue_usd": float(revenue[met & key].sum()),
            "key_fees_usd": float(fee[met & key].sum()),
            "key_net_usd": float(net[met & key].sum()),
            "trip_cost_usd": float(trip_cost_usd),
            "deals_to_review": len(overrun),
            "review_handles": "; ".join(handle[overrun]),
        }
    numbers = [
        "creators_met",
        "key_partners_met",
        "revenue_met_usd",
        "fees_met_usd",
        "key_revenue_usd",
        "key_fees_usd",
        "key_net_usd",
        "trip_cost_usd",
        "deals_to_review",
    ]
    table = pd.DataFrame.from_dict(rows, orient="index", columns=[*numbers, "review_handles"])
    table = table.astype({c: "float64" for c in numbers})
    table.loc["all trips", numbers] = table[numbers].sum() if len(table) else 0.0
    everyone = np.array(overrun_all, dtype=np.int64)
    everyone = everyone[np.argsort(net[everyone], kind="stable")]
    table.loc["all trips", "review_handles"] = "; ".join(handle[everyone])
    table = table.astype({"creators_met": "int64", "key_partners_met": "int64", "deals_to_review": "int64"})
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = table["key_net_usd"] / table["trip_cost_usd"]
    table.insert(table.columns.get_loc("trip_cost_usd") + 1, "key_net_per_trip_usd", ratio)
    table.index.name = "city"
    return table


def _usd_net(net: float) -> str:
    """``$1,234 net of fees`` or ``$1,234 less than their fees``."""
    return f"${net:,.0f} net of fees" if net >= 0 else f"${-net:,.0f} less than their fees"


def trip_finding(value: pd.DataFrame, worth_ratio: float = 2.0, list_at_most: int = 4) -> str:
    """Plain-language reading of :func:`trip_value`: what the trips cost, the key partners they meet and
    what those brought net of their fees (revenue, not profit); which trips meet no key partner; in
    which cities the key partners brought less than ``worth_ratio`` times the trip's cost net of fees (a
    video call may do there); and which creators met cost more in fees than they brought (review the deal
    before flying out; at most ``list_at_most`` handles named)."""
    if value.empty or "all trips" not in value.index or len(value) == 1:
        return "No executive trips are planned."
    trips, total = value.drop(index="all trips"), value.loc["all trips"]
    n_key = int(total["key_partners_met"])
    text = (
        f"{len(trips)} trip{'s' if len(trips) != 1 else ''} cost about ${total['trip_cost_usd']:,.0f} "
        f"and meet {n_key} key partner{'s' if n_key != 1 else ''}, "
        f"who brought ${total['key_revenue_usd']:,.0f} of revenue this year on "
        f"${total['key_fees_usd']:,.0f} of fees: {_usd_net(total['key_net_usd'])}, "
        f"{total['key_net_per_trip_usd']:.1f} times the trips' cost (revenue net of fees, not profit)."
    )
    empty = list(trips.index[trips["key_partners_met"] == 0])
    if empty:
        verb = "trips meet" if len(empty) != 1 else "trip meets"
        text += f" {len(empty)} {verb} no key partner: {', '.join(empty)}."
    thin = trips[(trips["key_partners_met"] > 0) & (trips["key_net_per_trip_usd"] < worth_ratio)]
    if len(thin):
        text += (
            f" In {', '.join(thin.index)} the key partners brought less than {worth_ratio:g} times the "
            "trip's cost net of their fees: a video call may serve them as well."
        )
    n_review = int(total["deals_to_review"])
    if n_review:
        names = [h for h in str(total["review_handles"]).split("; ") if h]
        shown = ", ".join(names[:list_at_most]) + (
            f" and {n_review - list_at_most} more" if n_review > list_at_most else ""
        )
        text += (
            f" {n_review} of the creators met cost more in fees than they brought ({shown}): review "
            f"{'those deals' if n_review != 1 else 'that deal'} before flying out."
        )
    return text


def _trip_part(
    roster: pd.DataFrame,
    events: pd.DataFrame,
    trip_min_creators: int | None,
    year: int,
    basis: str = "creators",
) -> tuple[Columns, Columns]:
    trips = _trips(roster, events, trip_min_creators, year, basis)
    if not len(trips["city"]):
        return _stack([], _ENTRY_COLUMNS), _stack([], _CONTACT_COLUMNS)
    people = _people(roster, _trip_people(roster, basis))
    starts = trips["start"]
    ids = np.array([f"trip-{_slug(c)}-{d}" for c, d in zip(trips["city"], starts, strict=True)], dtype=object)
    who = "with key partners " if basis == "key partners" else ""
    titles = np.array(
        [
            f"Executive trip to {c}: {n} face-to-face meetings {who}("
            + (f"around {a}" if a else "date spread over the year")
            + ")"
            for c, n, a in zip(trips["city"], trips["creators"], trips["anchor"], strict=True)
        ],
        dtype=object,
    )
    entries = _columns(
        _ENTRY_COLUMNS,
        len(ids),
        entry_id=ids,
        kind="trip",
        start=starts,
        end=trips["end"],
        segment="partners" if basis == "key partners" else "partners, collaborators",
        title=titles,
        city=trips["city"],
        creators=trips["handles"],
        n_creators=trips["creators"],
    )
    city_of_trip = {c: k for k, c in enumerate(trips["city"])}
    trip_index = np.array([city_of_trip.get(c, -1) for c in people["city"]], dtype=np.int64)
    take = np.flatnonzero(trip_index >= 0)
    contacts = _contact_cols(ids[trip_index[take]], people, take, starts[trip_index[take]], "trip")
    return entries, contacts


def _event_part(events: pd.DataFrame) -> Columns:
    return _columns(
        _ENTRY_COLUMNS,
        len(events),
        entry_id=events["event_id"].to_numpy(dtype=object),
        kind=events["event_type"].to_numpy(dtype=object),
        start=events["start_date"].to_numpy("datetime64[D]"),
        end=events["end_date"].to_numpy("datetime64[D]"),
        title=events["title"].to_numpy(dtype=object),
        city=events["city"].to_numpy(dtype=object),
    )


def _post_part(posts: pd.DataFrame) -> Columns:
    days = posts["date"].to_numpy("datetime64[D]")
    handles = posts["handle"].to_numpy(dtype=object)
    return _columns(
        _ENTRY_COLUMNS,
        len(posts),
        entry_id=posts["post_id"].to_numpy(dtype=object),
        kind="post",
        start=days,
        end=days,
        title="Campaign post by " + handles + " (" + posts["campaign_id"].to_numpy(dtype=object) + ")",
        creators=handles,
        n_creators=1,
    )


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _pair_keys(ids: np.ndarray, days: np.ndarray, codes: dict[str, int]) -> np.ndarray:
    """One sortable integer per (creator, day)."""
    code = np.array([codes[i] for i in ids], dtype=np.int64)
    return code * 1_000_000 + days.astype("int64")


def _near_any(keys: np.ndarray, others: np.ndarray, gap: int) -> np.ndarray:
    """Which ``keys`` have an ``others`` key of the same creator fewer than ``gap`` days away."""
    if not others.size or not keys.size:
        return np.zeros(keys.size, dtype=bool)
    others = np.sort(others)
    pos = np.searchsorted(others, keys)
    near = np.zeros(keys.size, dtype=bool)
    for p in (pos - 1, pos):
        ok = (p >= 0) & (p < others.size)
        diff = np.abs(others[np.clip(p, 0, others.size - 1)] - keys)
        near |= ok & (diff < gap)  # different creators are >= 1,000,000 apart
    return near


def build_schedule(
    plan: PlanInput,
    cadences: Mapping[str, str],
    *,
    tie_to_launches: bool = True,
    skip_calls_near_launches: bool = False,
    trip_min_creators: int | None = 5,
    executives: int = 1,
    min_gap_days: int = 7,
    trip_basis: str = "creators",
) -> Schedule:
    """Build a brand's calendar for the year and check it.

    Args:
        plan: :func:`plan_input` output.
        cadences: cadence per segment, e.g. ``{"partners": "monthly call", "collaborators":
            "quarterly newsletter", "prospects": "none"}`` (missing segments: none), or
            :data:`PREFERRED` to follow each creator's own preferred cadence and format.
        tie_to_launches: add embargoed briefings with partners and launch-day executive emails.
        skip_calls_near_launches: drop a regular call when the same creator already has a launch
            contact (briefing, executive email) or a trip meeting fewer than ``min_gap_days`` days
            away - that contact replaces the call.
        trip_min_creators: a city gets an executive trip from this many partners + collaborators
            (creators); above the largest city's count, or None, there are no trips.
        trip_basis: ``"creators"`` (the rule above) or ``"key partners"`` (a trip to every city with
            a key partner, to meet the key partners; ``trip_min_creators`` None still means no trips).
        executives: executives who can travel at the same time (more trips than this on one day is
            a clash).
        min_gap_days: two contacts with one creator fewer than this many days apart are "too close"
            (0 switches the rule off).
    """
    unknown = set(cadences) - set(SEGMENTS)
    if unknown:
        raise ValueError(f"unknown segment(s) {sorted(unknown)}; segments are {', '.join(SEGMENTS)}")
    roster_segments = plan.roster["segment"].to_numpy(dtype=object)
    cadence_entries, cadence_contacts = [], []
    for segment in SEGMENTS:
        value = cadences.get(segment, NO_CADENCE)
        if _is_preferred(value):
            e_parts, c_parts = _preference_parts(plan.roster, roster_segments == segment, segment, plan.year)
            cadence_entries += e_parts
            cadence_contacts += c_parts
            continue
        parsed = parse_cadence(value)
        if parsed is not None:
            e, c = _cadence_part(
                _people(plan.roster, roster_segments == segment), segment, *parsed, plan.year
            )
            cadence_entries.append(e)
            cadence_contacts.append(c)
    cad_e, cad_c = _stack(cadence_entries, _ENTRY_COLUMNS), _stack(cadence_contacts, _CONTACT_COLUMNS)
    if tie_to_launches:
        launch_e, launch_c = _launch_part(plan.roster, plan.events)
    else:
        launch_e, launch_c = _stack([], _ENTRY_COLUMNS), _stack([], _CONTACT_COLUMNS)
    trip_e, trip_c = _trip_part(plan.roster, plan.events, trip_min_creators, plan.year, trip_basis)
    anchors = _stack([launch_c, trip_c], _CONTACT_COLUMNS)
    if skip_calls_near_launches and min_gap_days > 0 and len(anchors["date"]) and len(cad_c["date"]):
        codes = {i: k for k, i in enumerate(plan.roster["influencer_id"])}
        near = (cad_c["kind"] == "call") & _near_any(
            _pair_keys(cad_c["influencer_id"], cad_c["date"], codes),
            _pair_keys(anchors["influencer_id"], anchors["date"], codes),
            min_gap_days,
        )
        keep = ~np.isin(cad_e["entry_id"], cad_c["entry_id"][near])
        cad_c = {k: v[~near] for k, v in cad_c.items()}
        cad_e = {k: v[keep] for k, v in cad_e.items()}
    entries_cols = _stack(
        [cad_e, launch_e, trip_e, _event_part(plan.events), _post_part(plan.posts)], _ENTRY_COLUMNS
    )
    contact_cols = _stack([cad_c, launch_c, trip_c], _CONTACT_COLUMNS)
    kind_rank = np.array([ENTRY_KINDS.index(k) for k in entries_cols["kind"]], dtype=np.int64)
    order = np.lexsort((entries_cols["entry_id"].astype(str), kind_rank, entries_cols["start"]))
    entries = pd.DataFrame({k: v[order] for k, v in entries_cols.items()})
    corder = np.lexsort(
        (
            contact_cols["entry_id"].astype(str),
            contact_cols["influencer_id"].astype(str),
            contact_cols["date"],
        )
    )
    contacts = pd.DataFrame({k: v[corder] for k, v in contact_cols.items()})
    conflicts = find_conflicts(entries, contacts, executives=executives, min_gap_days=min_gap_days)
    entries["check"] = _checks(entries["entry_id"].to_numpy(dtype=object), conflicts)
    return Schedule(plan.brand, entries, contacts, conflicts, executives)


# --- conflicts --------------------------------------------------------------------------------------------
def _fmt_day(day: np.datetime64) -> str:
    return str(np.datetime64(day, "D"))


def find_conflicts(
    entries: pd.DataFrame, contacts: pd.DataFrame, *, executives: int = 1, min_gap_days: int = 7
) -> pd.DataFrame:
    """Every conflict in a draft schedule, one row each, sorted by date.

    Rules (see :data:`CONFLICT_KINDS`):

    * **post in embargo** - a campaign post dated inside an embargo (first to last day);
    * **newsletter in embargo** - a newsletter sent inside an embargo (it goes to many creators and
      may leak the coming product). Calls and briefings inside an embargo are fine: briefing
      creators under embargo is what an embargo is for;
    * **trip clash** - on some day more executive trips overlap than ``executives`` can make;
    * **too close** - a regular contact (call or newsletter) with a creator fewer than
      ``min_gap_days`` days from another contact with the same creator (0 switches the rule off).
      Two launch contacts or trip meetings close together are not flagged: they are tied to dates
      the brand does not move, and each carries news.

    Works on any table with the columns of :attr:`Schedule.entries` (``entry_id``, ``kind``,
    ``start``, ``end``, ``title``, ``city``, ``creators``) and :attr:`Schedule.contacts`
    (``entry_id``, ``influencer_id``, ``handle``, ``date``, ``kind``) - a hand-written draft too.
    Returns the columns ``date``, ``kind``, ``who``, ``detail``, ``fix`` and ``entries`` (the entry
    ids involved, separated by "; ").
    """
    rows: list[tuple] = []
    kinds = entries["kind"].astype(str).to_numpy()
    start = entries["start"].to_numpy("datetime64[D]")
    end = entries["end"].to_numpy("datetime64[D]")
    ids = entries["entry_id"].astype(str).to_numpy()
    titles = entries["title"].astype(str).to_numpy()
    creators = entries["creators"].astype(str).to_numpy()
    embargo = np.flatnonzero(kinds == "embargo")
    for kind, rule in (("post", "post in embargo"), ("newsletter", "newsletter in embargo")):
        idx = np.flatnonzero(kinds == kind)
        if not (idx.size and embargo.size):
            continue
        inside = (start[idx][:, None] >= start[embargo][None, :]) & (
            start[idx][:, None] <= end[embargo][None, :]
        )
        for i, j in zip(*np.nonzero(inside), strict=True):
            item, emb = idx[i], embargo[j]
            launch_day = _fmt_day(end[emb] + _DAY)
            subject = titles[emb].removeprefix("Embargo: ")
            if kind == "post":
                who = creators[item]
                detail = f"{titles[item]} on {_fmt_day(start[item])} falls in the embargo on {subject}"
                fix = f"move the post to launch day ({launch_day}) or later"
            else:
                who = titles[item]
                detail = f"Newsletter on {_fmt_day(start[item])} goes out during the embargo on {subject}"
                fix = f"keep {subject} out of it, or send it from {launch_day}"
            rows.append((start[item], rule, who, detail, fix, f"{ids[item]}; {ids[emb]}"))
    rows += _trip_clashes(kinds, start, end, ids, entries["city"].astype(str).to_numpy(), executives)
    if min_gap_days > 0 and len(contacts):
        rows += _too_close(contacts, min_gap_days)
    rank = {k: i for i, k in enumerate(CONFLICT_KINDS)}
    rows.sort(key=lambda r: (np.datetime64(r[0], "D"), rank[r[1]], r[2], r[5]))
    table = pd.DataFrame(rows, columns=list(_CONFLICT_COLUMNS))
    table["date"] = np.array([np.datetime64(r[0], "D") for r in rows], dtype="datetime64[D]")
    return table


def _trip_clashes(
    kinds: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
    ids: np.ndarray,
    cities: np.ndarray,
    executives: int,
) -> list[tuple]:
    trips = np.flatnonzero(kinds == "trip")
    if trips.size < 2:
        return []
    first, last = start[trips].min(), end[trips].max()
    days = np.arange(first, last + _DAY, _DAY)
    active = (days[:, None] >= start[trips][None, :]) & (days[:, None] <= end[trips][None, :])
    busy = active.sum(axis=1) > max(executives, 0)
    rows, seen = [], set()
    for d in np.flatnonzero(busy):
        group = tuple(trips[active[d]])
        if group in seen:
            continue
        seen.add(group)
        names = " and ".join(cities[g] for g in group)
        plural = "executive travels" if executives == 1 else "executives travel"
        rows.append(
            (
                days[d],
                "trip clash",
                names,
                f"Trips to {names} overlap on {_fmt_day(days[d])}; only {executives} {plural}",
                "move one trip, or send another executive",
                "; ".join(ids[g] for g in group),
            )
        )
    return rows


def _too_close(contacts: pd.DataFrame, min_gap_days: int) -> list[tuple]:
    who = contacts["influencer_id"].astype(str).to_numpy()
    days = contacts["date"].to_numpy("datetime64[D]")
    ids = contacts["entry_id"].astype(str).to_numpy()
    order = np.lexsort((ids, days, who))
    who, days, ids = who[order], days[order], ids[order]
    kinds = contacts["kind"].astype(str).to_numpy()[order]
    regular = np.isin(kinds, REGULAR_KINDS)
    same = who[1:] == who[:-1]
    gap = (days[1:] - days[:-1]).astype("int64")
    flagged = np.flatnonzero(same & (gap < min_gap_days) & (regular[1:] | regular[:-1]))
    if not flagged.size:
        return []
    handles = contacts["handle"].astype(str).to_numpy()[order]
    rows = []
    for i in flagged:
        a, b = i, i + 1
        when = "on the same day as" if gap[i] == 0 else f"{gap[i]} day{'s' if gap[i] > 1 else ''} after"
        movable = b if regular[b] else a
        rows.append(
            (
                days[b],
                "too close",
                handles[b],
                f"{KIND_LABELS[kinds[b]]} {when} {_a(KIND_LABELS[kinds[a]].lower())} ({_fmt_day(days[a])})",
                f"move or skip the {KIND_LABELS[kinds[movable]].lower()} on {_fmt_day(days[movable])}",
                f"{ids[a]}; {ids[b]}",
            )
        )
    return rows


def _a(noun: str) -> str:
    """The noun with its indefinite article: 'a call', 'an executive email'."""
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


def _checks(entry_ids: np.ndarray, conflicts: pd.DataFrame) -> np.ndarray:
    """Per entry: the conflicts it is part of, as text ("" when none)."""
    notes: dict[str, list[str]] = {}
    for kind, detail, involved in zip(
        conflicts["kind"], conflicts["detail"], conflicts["entries"], strict=True
    ):
        for eid in str(involved).split("; "):
            notes.setdefault(eid, []).append(f"{kind}: {detail}")
    if not notes:
        return np.full(len(entry_ids), "", dtype=object)
    return np.array(["; ".join(notes.get(eid, ())) for eid in entry_ids], dtype=object)


def export_preview(sched: Schedule, lines: int = 14) -> str:
    """Export ``sched`` twice into a temporary folder (deleted afterwards) and describe what was
    written: the file names of both exports (the second never overwrites the first) and the first
    ``lines`` lines of the ``.ics`` file. Nothing is left on disk."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        first = write_exports(sched, folder)
        second = write_exports(sched, folder)
        head = first[0].read_bytes().decode("utf-8").split("\r\n")[:lines]
        n_events = first[0].read_bytes().count(b"BEGIN:VEVENT")
        n_rows = first[1].read_text(encoding="utf-8").count("\n") - 1
    return "\n".join(
        [
            f"first export:  {first[0].name} ({n_events} events), {first[1].name} ({n_rows} rows)",
            f"second export: {second[0].name}, {second[1].name} (nothing overwritten)",
            "",
            f"{first[0].name}, first {lines} lines (CRLF line ends; long lines are folded):",
            *head,
        ]
    )


# --- a hand-written draft (exercise 06.q4) ------------------------------------------------------------
def example_draft() -> Schedule:
    """A small hand-written draft for a fictional outdoor brand, with conflicts to find by reading.

    Entries (2025): an embargo on a trail shoe 3-16 March and its launch in Berlin on 17 March; two
    campaign posts (A1 on 10 March, A2 on launch day); an embargoed briefing (B1, 10 March) and a
    regular call (B2, 13 March) with the same creator, and a later call with another (B3, 1 April);
    a newsletter to two collaborators (C1, 4 March); executive trips to Berlin (D1, 17-18 March)
    and Paris (D2, 18-19 March). Conflicts are not computed: call :func:`find_conflicts`.
    """
    rows = [
        ("E1", "embargo", "2025-03-03", "2025-03-16", "", "Embargo: Trail shoe", "Berlin", ""),
        ("E2", "product_launch", "2025-03-17", "2025-03-17", "", "Launch: Trail shoe", "Berlin", ""),
        ("A1", "post", "2025-03-10", "2025-03-10", "", "Campaign post by mila.runs", "", "mila.runs"),
        ("A2", "post", "2025-03-17", "2025-03-17", "", "Campaign post by tom.trails", "", "tom.trails"),
        (
            "B1",
            "briefing",
            "2025-03-10",
            "2025-03-10",
            "partners",
            "Briefing with mila.runs",
            "Lisbon",
            "mila.runs",
        ),
        (
            "B2",
            "call",
            "2025-03-13",
            "2025-03-13",
            "partners",
            "Monthly call with mila.runs",
            "Lisbon",
            "mila.runs",
        ),
        (
            "B3",
            "call",
            "2025-04-01",
            "2025-04-01",
            "partners",
            "Monthly call with tom.trails",
            "Berlin",
            "tom.trails",
        ),
        (
            "C1",
            "newsletter",
            "2025-03-04",
            "2025-03-04",
            "collaborators",
            "Newsletter to 2 collaborators",
            "",
            "ana.peaks; li.hikes",
        ),
        (
            "D1",
            "trip",
            "2025-03-17",
            "2025-03-18",
            "partners",
            "Executive trip to Berlin",
            "Berlin",
            "tom.trails",
        ),
        (
            "D2",
            "trip",
            "2025-03-18",
            "2025-03-19",
            "collaborators",
            "Executive trip to Paris",
            "Paris",
            "ana.peaks",
        ),
    ]
    entries = pd.DataFrame(
        rows, columns=["entry_id", "kind", "start", "end", "segment", "title", "city", "creators"]
    )
    entries["n_creators"] = [0, 0, 1, 1, 1, 1, 1, 2, 1, 1]
    for col in ("start", "end"):
        entries[col] = pd.to_datetime(entries[col], format="%Y-%m-%d")
    contact_rows = [
        ("B1", "INF-MILA", "mila.runs", "2025-03-10", "briefing", "partners"),
        ("B2", "INF-MILA", "mila.runs", "2025-03-13", "call", "partners"),
        ("B3", "INF-TOM", "tom.trails", "2025-04-01", "call", "partners"),
        ("C1", "INF-ANA", "ana.peaks", "2025-03-04", "newsletter", "collaborators"),
        ("C1", "INF-LI", "li.hikes", "2025-03-04", "newsletter", "collaborators"),
        ("D1", "INF-TOM", "tom.trails", "2025-03-17", "trip", "partners"),
        ("D2", "INF-ANA", "ana.peaks", "2025-03-18", "trip", "collaborators"),
    ]
    contacts = pd.DataFrame(contact_rows, columns=list(_CONTACT_COLUMNS))
    contacts["date"] = pd.to_datetime(contacts["date"], format="%Y-%m-%d")
    conflicts = pd.DataFrame({c: pd.Series(dtype=object) for c in _CONFLICT_COLUMNS})
    entries["check"] = ""
    return Schedule("Trailhead (a made-up brand)", entries, contacts, conflicts)


# --- summaries ---------------------------------------------------------------------------------------------
def summarise(schedule: Schedule, period: str = "year", year: int = YEAR) -> dict[str, float]:
    """Counts for one period: ``touchpoints`` (creator contacts), ``creators_reached``, entries per
    touchpoint kind (``call``, ``newsletter``, ``briefing``, ``exec_email``, ``trip``), ``posts``,
    ``staff_hours`` (:data:`STAFF_HOURS`), ``conflicts`` and one count per conflict kind."""
    contacts = schedule.contacts[in_period(schedule.contacts["date"], period, year)]
    entries = schedule.entries[in_period(schedule.entries["start"], period, year)]
    conflicts = schedule.conflicts[in_period(schedule.conflicts["date"], period, year)]
    per_kind = entries["kind"].value_counts()
    numbers: dict[str, float] = {
        "touchpoints": float(len(contacts)),
        "creators_reached": float(contacts["influencer_id"].nunique()),
    }
    for kind in TOUCHPOINT_KINDS:
        numbers[kind] = float(per_kind.get(kind, 0))
    numbers["posts"] = float(per_kind.get("post", 0))
    numbers["staff_hours"] = float(sum(STAFF_HOURS[k] * numbers[k] for k in TOUCHPOINT_KINDS))
    numbers["conflicts"] = float(len(conflicts))
    counts = conflicts["kind"].value_counts()
    for kind in CONFLICT_KINDS:
        numbers[kind.replace(" ", "_")] = float(counts.get(kind, 0))
    return numbers


def workload_by_cadence(plan: PlanInput, segment: str = "partners") -> pd.DataFrame:
    """Touchpoints and staff hours a year for one segment under every cadence (no tie-ins, no trips).

    Index: cadence values (``"monthly call"`` ...), and last :data:`PREFERRED` (each creator's own
    preference) when the roster has :data:`PREFERENCE_COLUMNS`; columns ``touchpoints`` (creator
    contacts a year), ``entries`` (calls or sends a year) and ``staff_hours`` (per :data:`STAFF_HOURS`).
    """
    rows = {}
    mask = plan.roster["segment"].to_numpy(dtype=object) == segment
    for _, value in cadence_options():
        parsed = parse_cadence(value)
        if parsed is None:
            continue
        people = _people(plan.roster, plan.roster["segment"].to_numpy(dtype=object) == segment)
        entries, contacts = _cadence_part(people, segment, *parsed, plan.year)
        n_entries, n_contacts = len(entries["entry_id"]), len(contacts["entry_id"])
        hours = STAFF_HOURS[parsed[1]] * n_entries
        rows[value] = {"touchpoints": n_contacts, "entries": n_entries, "staff_hours": hours}
    if all(c in plan.roster.columns for c in PREFERENCE_COLUMNS):
        e_parts, c_parts = _preference_parts(plan.roster, mask, segment, plan.year)
        kinds = np.concatenate([p["kind"] for p in e_parts]) if e_parts else np.array([], dtype=object)
        rows[PREFERRED] = {
            "touchpoints": sum(len(p["entry_id"]) for p in c_parts),
            "entries": len(kinds),
            "staff_hours": float(sum(STAFF_HOURS[str(k)] for k in kinds)),
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "cadence"
    return table


def embargo_breaches(calendar: pd.DataFrame, campaigns: pd.DataFrame, posts: pd.DataFrame) -> pd.DataFrame:
    """Campaign posts dated inside their own brand's embargo, counted per brand.

    Columns ``campaign_posts`` (the brand's campaign posts), ``in_embargo`` (of those, dated inside
    one of the brand's embargoes, first to last day) and ``in_embargo_pct``; one row per brand with
    campaign posts, most breaches first.
    """
    brand_of = campaigns.set_index("campaign_id")["brand"].astype(str)
    mine = posts[posts["campaign_id"].notna()]
    brand = mine["campaign_id"].map(brand_of).to_numpy(dtype=object)
    days = mine["date"].to_numpy("datetime64[D]")
    inside = np.zeros(len(mine), dtype=bool)
    embargoes = calendar[calendar["event_type"].astype(str) == "embargo"]
    for name, first, last in zip(
        embargoes["brand"].astype(str),
        embargoes["start_date"].to_numpy("datetime64[D]"),
        embargoes["end_date"].to_numpy("datetime64[D]"),
        strict=True,
    ):
        inside |= (brand == name) & (days >= first) & (days <= last)
    table = (
        pd.DataFrame({"brand": brand, "in_embargo": inside})
        .groupby("brand")
        .agg(campaign_posts=("in_embargo", "size"), in_embargo=("in_embargo", "sum"))
    )
    table["in_embargo"] = table["in_embargo"].astype("int64")
    table["in_embargo_pct"] = 100 * table["in_embargo"] / table["campaign_posts"]
    return table.sort_values(["in_embargo", "campaign_posts"], ascending=[False, False], kind="stable")


def preference_table(roster: pd.DataFrame) -> pd.DataFrame:
    """Creators per segment (rows, :data:`SEGMENTS` order) and preferred cadence + format (columns
    ``"monthly call"`` ..., :func:`cadence_options` order), as counts; zero columns are dropped."""
    missing = [c for c in PREFERENCE_COLUMNS if c not in roster.columns]
    if missing:
        raise ValueError(
            f"the roster has no {', '.join(missing)} column: build it from data.load_influencers()"
        )
    labels = roster["preferred_cadence"].astype(str) + " " + roster["preferred_format"].astype(str)
    table = pd.crosstab(roster["segment"], labels)
    order = [v for _, v in cadence_options() if v in table.columns]
    table = table.reindex(index=list(SEGMENTS), columns=order, fill_value=0).fillna(0).astype("int64")
    table.index.name, table.columns.name = "segment", "prefers"
    return table


def regular_contacts_per_creator(sched: Schedule, kinds: tuple[str, ...] = REGULAR_KINDS) -> pd.DataFrame:
    """What each creator actually got: regular contacts (``kinds``) per creator in the schedule's
    year, and the cadence that number corresponds to (12 = monthly, 4 = quarterly, 2 = biannual,
    anything else = ""). Columns ``influencer_id``, ``handle``, ``contacts``, ``formats`` (the kinds
    used, joined by "+") and ``cadence``."""
    regular = sched.contacts[sched.contacts["kind"].astype(str).isin(kinds)]
    grouped = regular.groupby("influencer_id", sort=True)
    table = pd.DataFrame(
        {
            "handle": grouped["handle"].first(),
            "contacts": grouped.size().astype("int64"),
            "formats": grouped["kind"].agg(lambda k: "+".join(sorted(set(map(str, k))))),
        }
    )
    per_year = {12 // months: name for name, months in CADENCES.items()}
    table["cadence"] = table["contacts"].map(per_year).fillna("")
    return table.reset_index()


def segment_table(roster: pd.DataFrame) -> pd.DataFrame:
    """Creators per segment (rows in :data:`SEGMENTS` order) with the segment's description."""
    counts = roster["segment"].value_counts()
    return pd.DataFrame(
        {
            "creators": [int(counts.get(s, 0)) for s in SEGMENTS],
            "who": [SEGMENT_LABELS[s] for s in SEGMENTS],
        },
        index=pd.Index(SEGMENTS, name="segment"),
    )


def city_counts(roster: pd.DataFrame) -> pd.Series:
    """Partners + collaborators per city (creators a face-to-face trip could meet), largest first."""
    people = roster[roster["segment"].isin(["partners", "collaborators"])]
    counts = people["city"].astype(str).value_counts()
    return counts.sort_index().sort_values(ascending=False, kind="stable").rename("creators")


# --- export: iCalendar and CSV ---------------------------------------------------------------------------
#: PRODID of the exported calendars (RFC 5545 section 3.7.3).
PRODID = "-//Open Influencer Marketing Course//Relationship calendar 1.0//EN"
#: Fixed DTSTAMP of exported events, so the same schedule always exports the same bytes.
DTSTAMP = "20250101T000000Z"
#: Right-hand side of every UID (RFC 5545 recommends a domain-like suffix for global uniqueness).
UID_DOMAIN = "influencer-course.invalid"


#: Characters a TEXT value may not hold (RFC 5545 section 3.3.11: CONTROL, except the tab) - line
#: breaks are escaped as ``\\n`` before these are removed - and the C1 controls U+0080-U+009F.
_ICS_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def escape_text(text: str) -> str:
    """Escape a TEXT value (RFC 5545 section 3.3.11): backslash, semicolon, comma and line breaks
    (CRLF, CR or LF -> ``\\n``) are escaped; other control characters (NUL, BEL, VT, ...) are removed."""
    lines = str(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out = [
        _ICS_CONTROL.sub("", line).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
        for line in lines
    ]
    return "\\n".join(out)


def fold_line(line: str, limit: int = 75) -> str:
    """Fold a content line into physical lines of at most ``limit`` octets (UTF-8), joined by CRLF
    and one leading space (RFC 5545 section 3.1); never splits a multi-byte character."""
    data = line.encode("utf-8")
    if len(data) <= limit:
        return line
    pieces, current, size, budget = [], [], 0, limit
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > budget:
            pieces.append("".join(current))
            current, size, budget = [], 0, limit - 1  # continuation lines start with a space
        current.append(char)
        size += width
    pieces.append("".join(current))
    return "\r\n ".join(pieces)


def _ics_date(day: np.datetime64) -> str:
    return str(np.datetime64(day, "D")).replace("-", "")


def to_ics(
    schedule: Schedule,
    *,
    calendar_name: str | None = None,
    dtstamp: str = DTSTAMP,
    kinds: tuple[str, ...] = ENTRY_KINDS,
) -> str:
    """The schedule as an iCalendar (``.ics``) text, RFC 5545, with CRLF line ends.

    One all-day VEVENT per entry of ``kinds`` (``DTSTART;VALUE=DATE`` and an exclusive
    ``DTEND;VALUE=DATE`` one day after the last day), with a stable ``UID``, a fixed ``DTSTAMP``,
    ``SUMMARY`` (prefixed "CHECK:" when the entry is part of a conflict), ``DESCRIPTION`` (creators
    and conflicts), ``LOCATION`` and ``CATEGORIES``. Opens in common calendar apps.
    """
    brand = schedule.brand
    name = calendar_name or f"{brand} relationship calendar"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    entries = schedule.entries[schedule.entries["kind"].astype(str).isin(kinds)]
    brand_slug = _slug(brand)
    for row in entries.itertuples(index=False):
        summary = f"{KIND_LABELS[row.kind]}: {row.title}"
        if row.check:
            summary = "CHECK: " + summary
        description = [f"{brand}. {KIND_LABELS[row.kind]}."]
        if row.segment:
            description.append(f"Segment: {row.segment}.")
        if row.creators:
            description.append(f"Creators: {row.creators}.")
        if row.check:
            description.append(f"Conflicts: {row.check}.")
        lines += [
            "BEGIN:VEVENT",
            f"UID:{row.entry_id}-{brand_slug}@{UID_DOMAIN}",
            f"DTSTAMP:{dtstamp}",
            f"DTSTART;VALUE=DATE:{_ics_date(row.start)}",
            f"DTEND;VALUE=DATE:{_ics_date(np.datetime64(row.end, 'D') + _DAY)}",
            f"SUMMARY:{escape_text(summary)}",
            f"DESCRIPTION:{escape_text(chr(10).join(description))}",
        ]
        if row.city:
            lines.append(f"LOCATION:{escape_text(row.city)}")
        lines += [f"CATEGORIES:{escape_text(KIND_LABELS[row.kind])}", "TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(fold_line(line) + "\r\n" for line in lines)


def to_csv(schedule: Schedule) -> str:
    """The schedule's entries as CSV text (ISO dates, ``\\n`` line ends, UTF-8 safe); text cells a
    spreadsheet would run as a formula are neutralised (:func:`helpers.safe_files.csv_safe`)."""
    table = schedule.entries.copy()
    table.insert(0, "brand", schedule.brand)
    table["start"] = np.datetime_as_string(table["start"].to_numpy("datetime64[D]"))
    table["end"] = np.datetime_as_string(table["end"].to_numpy("datetime64[D]"))
    buf = io.StringIO()
    csv_safe(table).to_csv(buf, index=False, lineterminator="\n")
    return buf.getvalue()


def unique_export_paths(folder: Path, stem: str, suffixes: tuple[str, ...] = (".ics", ".csv")) -> list[Path]:
    """Paths ``stem.ics``, ``stem.csv`` in ``folder`` - or ``stem-2.*``, ``stem-3.*``... : the first
    number for which **none** of the files exists yet."""
    n = 1
    while True:
        name = stem if n == 1 else f"{stem}-{n}"
        paths = [folder / f"{name}{s}" for s in suffixes]
        if not any(p.exists() for p in paths):
            return paths
        n += 1


def write_exports(schedule: Schedule, folder: Path | str, stem: str | None = None) -> tuple[Path, Path]:
    """Write ``<stem>.ics`` and ``<stem>.csv`` into ``folder`` (created if needed) and return their
    paths. Never overwrites: if a name is taken, ``<stem>-2``, ``<stem>-3``... is used. Each file
    appears under its name only once completely written (:func:`helpers.safe_files.write_new`), and a
    failed export leaves neither file behind.

    ``stem`` must be a plain file name (``ValueError`` otherwise: no folder part, no ``..``, not
    absolute). Problems writing raise ``OSError`` (e.g. ``PermissionError``) from the file system."""
    stem = plain_stem(stem or f"{_slug(schedule.brand)}-relationship-calendar", "export name")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    ics, csv = to_ics(schedule).encode("utf-8"), to_csv(schedule).encode("utf-8")
    for _ in range(1000):
        ics_path, csv_path = unique_export_paths(folder, stem)
        try:
            write_new(ics_path, ics)
        except FileExistsError:
            continue
        try:
            write_new(csv_path, csv)
        except FileExistsError:
            ics_path.unlink()
            continue
        except BaseException:
            ics_path.unlink(missing_ok=True)  # no half export
            raise
        return ics_path, csv_path
    raise RuntimeError(f"could not find a free file name for {stem!r} in {folder}")  # pragma: no cover
