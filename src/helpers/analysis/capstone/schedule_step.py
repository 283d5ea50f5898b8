"""Step 5, the schedule: the signed creators' draft posts and the relationship calendar (lesson 06) cut to the
campaign window (:func:`draft_posts`, :func:`window_schedule`, :func:`bench_schedule`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import schedule
from .brief import Brief
from .settings import POST_SPACING_DAYS, POSTS_PER_CREATOR, TRIP_MIN_CREATORS
from .workbench import Workbench, _bounded


def draft_posts(
    shortlist: pd.DataFrame,
    launch: np.datetime64,
    offset_days: int = 0,
    posts_per_creator: int = POSTS_PER_CREATOR,
    spacing_days: int = POST_SPACING_DAYS,
    campaign_id: str = "PLAN",
) -> pd.DataFrame:
    """The draft posting plan: each creator's first post ``offset_days`` after the launch (negative:
    before it), staggered over three days (creator i starts ``i % 3`` days later) so the feed is not
    flooded in one day, then one post every ``spacing_days``. Columns ``post_id``, ``influencer_id``,
    ``handle``, ``campaign_id``, ``date`` (the format :func:`helpers.analysis.schedule.build_schedule`
    reads)."""
    n = len(shortlist)
    if n == 0 or posts_per_creator < 1:
        return pd.DataFrame(
            {
                "post_id": pd.Series(dtype=str),
                "influencer_id": pd.Series(dtype=str),
                "handle": pd.Series(dtype=str),
                "campaign_id": pd.Series(dtype=str),
                "date": pd.Series(dtype="datetime64[s]"),
            }
        )
    creator = np.repeat(np.arange(n), posts_per_creator)
    k = np.tile(np.arange(posts_per_creator), n)
    days = np.datetime64(launch, "D") + (offset_days + creator % 3 + k * spacing_days).astype(
        "timedelta64[D]"
    )
    ids = shortlist["influencer_id"].to_numpy(dtype=object)[creator]
    return pd.DataFrame(
        {
            "post_id": [f"{campaign_id}-{i + 1:03d}-{j + 1}" for i, j in zip(creator, k, strict=True)],
            "influencer_id": ids,
            "handle": shortlist["handle"].to_numpy(dtype=object)[creator],
            "campaign_id": campaign_id,
            "date": pd.to_datetime(days),
        }
    )


def window_schedule(sched: schedule.Schedule, first: np.datetime64, last: np.datetime64) -> schedule.Schedule:
    """The part of a schedule inside ``first``..``last`` (inclusive): entries that overlap it,
    contacts and conflicts dated inside it."""
    e = sched.entries
    keep = (e["start"].to_numpy("datetime64[D]") <= last) & (e["end"].to_numpy("datetime64[D]") >= first)
    c = sched.contacts
    cday = c["date"].to_numpy("datetime64[D]")
    k = sched.conflicts
    kday = k["date"].to_numpy("datetime64[D]")
    return schedule.Schedule(
        sched.brand,
        e[keep].reset_index(drop=True),
        c[(cday >= first) & (cday <= last)].reset_index(drop=True),
        k[(kday >= first) & (kday <= last)].reset_index(drop=True),
        sched.executives,
    )


def bench_schedule(
    bench: Workbench, brief: Brief, signed: pd.DataFrame, posts: pd.DataFrame, cadence: str
) -> tuple[schedule.Schedule, dict[str, float]]:
    """Lesson 06's calendar for the signed creators - every one briefed under embargo as a partner of
    this launch -, the brand's events and the draft posts, checked and cut to the campaign window
    (cached on the workbench: the same inputs give the same schedule). Returns the schedule and
    :func:`helpers.analysis.schedule.summarise` of it."""
    key = (
        brief.brand,
        str(brief.launch),
        tuple(signed["influencer_id"].astype(str)),
        tuple(posts["date"].astype(str)),
        cadence,
    )
    if key not in bench._schedules:
        roster = pd.DataFrame(
            {
                "influencer_id": signed["influencer_id"].astype(str).to_numpy(),
                "handle": signed["handle"].astype(str).to_numpy(),
                "city": signed["city"].astype(str).to_numpy(),
                "followers": signed["followers"].to_numpy(),
                "segment": "partners",
            }
        )
        year = int(str(brief.launch)[:4])
        plan_input = schedule.PlanInput(brief.brand, roster, bench.events(brief.brand), posts, year)
        full = schedule.build_schedule(
            plan_input,
            {"partners": cadence},
            tie_to_launches=True,
            skip_calls_near_launches=True,
            trip_min_creators=TRIP_MIN_CREATORS,
            executives=1,
            min_gap_days=7,
        )
        windowed = window_schedule(full, brief.planning_start, brief.window_end)
        _bounded(bench._schedules)[key] = (windowed, schedule.summarise(windowed, "year", year))
    return bench._schedules[key]
