"""Step 7, self-assessment: the rubric (:data:`RUBRIC`), the checks a plan passes or fails
(:func:`plan_checks`) and a learner's own levels beside them (:func:`self_assessment`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ... import metrics
from .brief import _as_day
from .draft import is_blank
from .kpis import GOAL_METRICS
from .plan import CampaignPlan
from .settings import MIN_LOCAL_SHARE, MIN_NICHE_FIT
from .shortlist import _contact_split

#: Rubric levels, lowest first (a learner gives 1-4 or the level's name).
LEVELS: tuple[str, ...] = ("beginning", "developing", "proficient", "excellent")


@dataclass(frozen=True)
class Criterion:
    """One criterion of the rubric: what it asks and a descriptor per level (:data:`LEVELS`)."""

    key: str
    name: str
    question: str
    levels: tuple[str, str, str, str]


RUBRIC: tuple[Criterion, ...] = (
    Criterion(
        "goal",
        "Goal and KPIs",
        "Does every number the plan promises follow from one goal?",
        (
            "no goal, or KPIs that do not match it (e.g. reach for a sales goal)",
            "one goal and its main count, without a cost metric or target",
            "the goal's count and cost metric, each with a target range",
            "as proficient, plus an alarm level and a reason why this goal fits the brief",
        ),
    ),
    Criterion(
        "shortlist",
        "Shortlist",
        "Are the creators chosen for fit, audience quality and cost - not popularity?",
        (
            "chosen by followers or by name",
            "a scorecard, but weights not explained or audience quality not checked",
            "a weighted scorecard in the brand's niche; every slot filled; flags checked",
            "as proficient, plus reserves for the reply rate and a reason for every weight",
        ),
    ),
    Criterion(
        "budget",
        "Budget and allocation",
        "Does the money buy what the plan needs?",
        (
            "one number, no split",
            "a split across tiers, but money left idle or slots the niche cannot fill",
            "a split whose creators exist in the niche, with little money unspent",
            "as proficient, plus a contingency and the cost of finding creators counted",
        ),
    ),
    Criterion(
        "schedule",
        "Schedule",
        "Does outreach follow the brand's calendar without conflicts?",
        (
            "no dates",
            "dates for posts only, or conflicts left in",
            "contacts, briefings and posts around the launch; no conflict left",
            "as proficient, plus a workload check and a calendar file the team can import",
        ),
    ),
    Criterion(
        "forecast",
        "Forecast",
        "Is the forecast a range, with its assumptions stated?",
        (
            "no forecast, or a single number",
            "a median without a range",
            "a median and an 80% interval for every KPI",
            "as proficient, plus what would move the range and which data it rests on",
        ),
    ),
    Criterion(
        "measurement",
        "Measurement plan",
        "Will the team be able to tell afterwards whether it worked?",
        (
            "'we will look at the results'",
            "metrics named, without denominators or data sources",
            "metrics with formulas and denominators; codes + links; disclosure checks; EMV's limits",
            "as proficient, plus incrementality and a reporting date",
        ),
    ),
)


def rubric_table() -> pd.DataFrame:
    """The rubric: one row per criterion, its question and one column per level."""
    rows = {c.name: {"question": c.question, **dict(zip(LEVELS, c.levels, strict=True))} for c in RUBRIC}
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "criterion"
    return table


#: One automatic check: (criterion key, what is checked, passed, detail in words).
Check = tuple[str, str, bool, str]


def _goal_checks(plan: CampaignPlan) -> list[Check]:
    """Goal and forecast: the KPIs are the goal's, and each has an 80% interval."""
    b, k = plan.brief, plan.kpis
    finite = np.isfinite(k[["low", "median", "high"]].to_numpy(dtype=float))
    wide = bool(finite.all() and (k["high"] > k["low"]).all())
    return [
        (
            "goal",
            "KPIs match the goal",
            list(k.index) == list(GOAL_METRICS[b.goal]),
            f"{b.goal}: {', '.join(k.index)}",
        ),
        (
            "forecast",
            "every KPI has an 80% interval",
            wide,
            "low < high for every KPI" if wide else "a KPI has no range",
        ),
    ]


def _slot_checks(plan: CampaignPlan) -> list[Check]:
    """Shortlist, counts: every slot filled from the niche, and enough names for the reply rate."""
    b, a = plan.brief, plan.allocation
    slots = int(a["slots"].sum())
    known, cold = _contact_split(plan.signed, slots)
    enough = len(plan.shortlist) >= plan.contact_target
    return [
        (
            "shortlist",
            "every slot filled from the niche",
            bool((a["filled"] >= a["slots"]).all()),
            f"{len(plan.signed)} of {slots} slots filled in {b.niche}",
        ),
        (
            "shortlist",
            "enough names to contact for the reply rate",
            enough,
            f"{len(plan.shortlist)} names for {plan.contact_target} needed: {known} of the {slots} to sign "
            f"already work with {b.brand} (ask them directly); {cold} new names need first messages, and "
            f"only {plan.reply_rate:.0%} of personalised first messages get a reply"
            + ("" if enough else " - widen the search (lesson 05's routes) or plan fewer slots"),
        ),
    ]


def _creator_checks(plan: CampaignPlan) -> list[Check]:
    """Shortlist, the signed creators: niche fit, home city against the launch city, authentic audience."""
    b, signed = plan.brief, plan.signed
    misfits = signed[signed["niche_fit"] < MIN_NICHE_FIT]
    local = int((signed["city"].astype(str) == b.launch_city).sum())
    low_auth = plan.tracking["audience_authenticity"] < metrics.AUTHENTICITY_MIN
    return [
        (
            "shortlist",
            f"every signed creator fits the niche (fit at least {MIN_NICHE_FIT:.1f})",
            misfits.empty,
            "all fit"
            if misfits.empty
            else ", ".join(
                f"@{h} {f:.3f}" for h, f in zip(misfits["handle"], misfits["niche_fit"], strict=True)
            )
            + f" below {MIN_NICHE_FIT:.1f}: swap for a reserve that fits, or screen by fit",
        ),
        (
            "shortlist",
            f"audiences where the launch is ({b.launch_city})",
            bool(len(signed)) and local >= MIN_LOCAL_SHARE * len(signed),
            f"{local} of {len(signed)} signed creators are based in {b.launch_city}. The data has no "
            "audience-country split, so a creator's home city stands in for it: ask each creator for "
            "their audience's top countries (platform insights) before signing",
        ),
        (
            "shortlist",
            "every signed creator's audience at least 75% authentic",
            not bool(low_auth.any()),
            f"{int(low_auth.sum())} below 75%" if low_auth.any() else "all at or above 75%",
        ),
    ]


def _budget_checks(plan: CampaignPlan) -> list[Check]:
    """Budget: at most 10% of it unspent."""
    unspent, budget = plan.forecast["unspent_usd"], plan.brief.budget_usd
    return [
        (
            "budget",
            "at most 10% of the budget unspent",
            unspent <= 0.10 * budget,
            f"USD {unspent:,.0f} unspent of USD {budget:,.0f}",
        )
    ]


def _schedule_checks(plan: CampaignPlan) -> list[Check]:
    """Schedule: no conflicts, the first post on or after launch day, every signed creator briefed."""
    b, conflicts, contacts = plan.brief, plan.schedule.conflicts, plan.schedule.contacts
    first_post = plan.posts["date"].min() if len(plan.posts) else None
    briefed = set(contacts.loc[contacts["kind"] == "briefing", "influencer_id"])
    signed_ids = set(plan.signed["influencer_id"])
    return [
        (
            "schedule",
            "no conflicts in the campaign window",
            conflicts.empty,
            "none"
            if conflicts.empty
            else "; ".join(f"{n} {kind}" for kind, n in conflicts["kind"].value_counts().items()),
        ),
        (
            "schedule",
            "first post on or after launch day",
            first_post is not None and _as_day(first_post) >= b.launch,
            f"first post {_as_day(first_post)}, launch {b.launch}" if first_post is not None else "no posts",
        ),
        (
            "schedule",
            "every signed creator briefed before launch",
            bool(signed_ids) and signed_ids <= briefed,
            f"{len(signed_ids & briefed)} of {len(signed_ids)} briefed",
        ),
    ]


def _measurement_checks(plan: CampaignPlan) -> list[Check]:
    """Measurement: one unique promo code and tracked link per signed creator."""
    return [
        (
            "measurement",
            "a promo code and a tracked link per creator",
            len(plan.tracking) == len(plan.signed) and plan.tracking["promo_code"].is_unique,
            f"{len(plan.tracking)} codes and links",
        )
    ]


def plan_checks(plan: CampaignPlan) -> pd.DataFrame:
    """Automatic checks of a plan, each tied to a rubric criterion: columns ``criterion``, ``check``,
    ``passed`` (bool) and ``detail``. They are evidence for a self-assessment, not a grade."""
    checks = [
        *_goal_checks(plan),
        *_slot_checks(plan),
        *_creator_checks(plan),
        *_budget_checks(plan),
        *_schedule_checks(plan),
        *_measurement_checks(plan),
    ]
    return pd.DataFrame(checks, columns=["criterion", "check", "passed", "detail"])


def _level_index(value: int | str) -> int:
    if isinstance(value, str):
        text = value.strip().lower()
        if text in LEVELS:
            return LEVELS.index(text) + 1
        raise ValueError(f"unknown level {value!r}: use 1-4 or one of {', '.join(LEVELS)}")
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or not 1 <= int(value) <= 4:
        raise ValueError(f"level {value!r} is not 1-4 (1 = beginning ... 4 = excellent)")
    return int(value)


def self_assessment(plan: CampaignPlan, levels: Mapping[str, int | str]) -> pd.DataFrame:
    """A learner's self-assessment next to the plan's automatic checks.

    ``levels`` maps a criterion key (``goal``, ``shortlist``, ``budget``, ``schedule``, ``forecast``,
    ``measurement``) to 1-4 or a level name. Columns ``level`` (1-4), ``descriptor`` (what that level
    means), ``checks passed`` ("2 of 3") and ``note`` (a nudge when a high level meets a failed check).
    Raises ``ValueError`` naming the problem for an unknown criterion or level; a criterion left out
    or left blank (``None``, ``____``) shows as not assessed.
    """
    keys = {c.key for c in RUBRIC}
    unknown = set(levels) - keys
    if unknown:
        raise ValueError(
            f"unknown criterion {sorted(unknown)}: criteria are {', '.join(c.key for c in RUBRIC)}"
        )
    checks = plan_checks(plan)
    rows = []
    for c in RUBRIC:
        mine = checks[checks["criterion"] == c.key]
        passed, total = int(mine["passed"].sum()), len(mine)
        failed = mine.loc[~mine["passed"], "check"].tolist()
        if c.key in levels and not is_blank(levels[c.key]):
            lvl = _level_index(levels[c.key])
            descriptor = c.levels[lvl - 1]
            note = (
                f"look again: {'; '.join(failed)}"
                if failed and lvl >= 3
                else ("consistent with the checks" if not failed else "the checks agree there is work to do")
            )
        else:
            lvl, descriptor, note = 0, "not assessed", ""
        rows.append(
            {
                "criterion": c.name,
                "level": lvl,
                "descriptor": descriptor,
                "checks passed": f"{passed} of {total}" if total else "-",
                "note": note,
            }
        )
    return pd.DataFrame(rows).set_index("criterion")
