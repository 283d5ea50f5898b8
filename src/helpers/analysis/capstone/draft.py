"""The learner's own plan: a :class:`PlanDraft` with blanks, reviewed part by part against the data and the
course's rules (:func:`review_draft`), and the model draft a finished plan gives (:func:`model_draft`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ... import metrics
from .brief import Brief
from .kpis import GOAL_METRICS, KPI_SPECS
from .plan import CampaignPlan
from .settings import (
    DEFAULT_WEIGHTS,
    FOLLOW_UP_DAYS,
    KNOWN_TO_BRAND,
    MIN_LOCAL_SHARE,
    MIN_NICHE_FIT,
    POSTS_PER_CREATOR,
    TIERS,
)
from .workbench import Workbench

#: The parts of a :class:`PlanDraft`, in the order a team decides them, with what each must say.
DRAFT_PARTS: dict[str, str] = {
    "goal": "the campaign's one goal: awareness, consideration or conversion",
    "kpis": "the goal's KPIs, by name (section 1's table)",
    "split_pct": "percent of the budget per tier (nano, micro, mid, macro, mega), adding to 100",
    "shortlist": "handles from the candidate table, each with your reason",
    "reply_rate": "the share (0-1) of first messages to new names you expect answered",
    "creative_brief": "a few sentences for the creators: what to show, what is up to them, disclosure",
    "contract": "the key terms: usage rights, disclosure, payment terms",
    "measurement": "how you will know it worked: attribution, and a holdout for what the campaign caused",
}
#: Contract terms a draft must fill in (lesson 08: disclosure is the law; the others avoid disputes).
REQUIRED_TERMS: dict[str, str] = {
    "usage rights": "where and for how long the brand may reuse the creator's content",
    "disclosure": "how every sponsored post is labelled (FTC Endorsement Guides)",
    "payment terms": "how much, when and on what condition the creator is paid",
}
#: Words that mark a disclosure in a brief (a word check: it cannot judge the sentence).
_DISCLOSURE_WORDS = re.compile(r"#ad\b|disclos|paid partnership|sponsored|advertis|\bad label", re.I)
#: Phrasings that impose the brand's business rules on a creator (lesson 07, exercise 07.q5), with
#: what each imposes. A word check: it catches common phrasings, not every one.
_BUSINESS_RULES: dict[str, str] = {
    r"word for word|verbatim|exact (caption|script|wording)|read (out )?(our|the) script": (
        "the brand's words in the creator's mouth"
    ),
    r"brand colou?rs|our studio|house style": "the brand's look instead of the creator's",
    r"post (only )?at \d|post at (exactly|precisely)|posting time": "the brand's posting routine",
    r"approv\w+ (chain|by (the )?(legal|marketing|every|all))|\d+[- ]day approval": (
        "the brand's internal approval chain"
    ),
    r"must not (change|edit)|no changes": "no room for the creator's own voice",
}
_HOLDOUT_WORDS = re.compile(r"hold[- ]?out|held[- ]out|control (group|area|region|cit)", re.I)


@dataclass
class PlanDraft:
    """The learner's plan, part by part (see :data:`DRAFT_PARTS`). Every part starts blank - ``None``,
    ``...``, an empty string or container, or the exercises' ``____`` - and a blank part is reviewed
    as "not filled in yet", never as an error.

    Attributes:
        goal: ``"awareness"``, ``"consideration"`` or ``"conversion"``.
        kpis: KPI names (:data:`KPI_SPECS`), e.g. ``["reach", "CPM"]``.
        split_pct: percent of the budget per tier (:data:`TIERS`), adding to 100.
        shortlist: handle (from :func:`candidate_table`) -> the reason you chose that creator.
        reply_rate: share (0-1) of first messages to creators new to the brand you expect answered.
        creative_brief: the brief for the creators, a few sentences.
        contract: key term -> what it says (:data:`REQUIRED_TERMS`).
        measurement: how you will measure, in a few sentences.
    """

    goal: Any = None
    kpis: Any = None
    split_pct: Any = None
    shortlist: Any = None
    reply_rate: Any = None
    creative_brief: Any = None
    contract: Any = None
    measurement: Any = None


@dataclass(frozen=True)
class Finding:
    """One piece of feedback on a draft: the ``part`` (:data:`DRAFT_PARTS`), a stable ``code``
    (``"<part>.<problem>"``, or ``"<part>.not_filled"``) and the ``message`` in words."""

    part: str
    code: str
    message: str

    @property
    def not_filled(self) -> bool:
        """True for "not filled in yet" feedback (a blank part), False for a problem."""
        return self.code.endswith(".not_filled")


@dataclass(frozen=True)
class DraftContext:
    """What a draft is checked against, from the data (build it with :func:`draft_context`).

    Attributes:
        brief: the :class:`Brief`.
        candidates: :func:`candidate_table` (one row per creator of the niche, indexed by handle).
        fee_usd: average past fee per tier of campaigns with the brief's goal, USD.
        reply_rates: share (0-1) of first messages answered, by template style (outreach table).
    """

    brief: Brief
    candidates: pd.DataFrame
    fee_usd: dict[str, float]
    reply_rates: dict[str, float]


def candidate_table(bench: Workbench, brief: Brief) -> pd.DataFrame:
    """The creators a learner picks from: every creator of the brief's niche with a track record
    (no screening), indexed by ``handle``, sorted by tier and then lesson 07's score (default weights):
    tier, platform, city, followers, engagement rate (percent), niche fit and audience authenticity
    (0-1), price per post (USD), score (0-1), flags and history with the brand."""
    ranked = bench.ranked(brief.niche, DEFAULT_WEIGHTS, None)
    history = bench.history_of(brief.brand).reindex(ranked.index).fillna("new to the brand").to_numpy()
    order = {t: i for i, t in enumerate(("below nano", *TIERS))}
    table = ranked.assign(
        history=history,
        platform=ranked["platform"].astype(str),
        city=ranked["city"].astype(str),
        _t=ranked["tier"].map(order),
    ).sort_values(["_t", "score"], ascending=[True, False], kind="stable")
    return table.drop(columns="_t").set_index("handle")


def draft_context(bench: Workbench, brief: Brief) -> DraftContext:
    """The :class:`DraftContext` for ``brief``: candidates, average fees per tier and reply rates."""
    fees = {t: h.mean_fee_usd for t, h in bench.histories(brief.goal).items() if t in TIERS}
    return DraftContext(brief, candidate_table(bench, brief), fees, dict(bench.reply_rates))


def is_blank(value: Any) -> bool:
    """True for a part not filled in yet: None, ``...``, the exercises' ``____``, blank text, or a
    container holding only blanks (``[____]``, ``{____: ____}``, ``{"nano": ____, ...}``)."""
    if value is None or value is Ellipsis or type(value).__name__ == "Blank":
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, Mapping):
        return all(is_blank(v) and (is_blank(k) or isinstance(k, str)) for k, v in value.items())
    if isinstance(value, list | tuple | set | frozenset):
        return all(is_blank(v) for v in value)
    return False


def _not_filled(part: str) -> Finding:
    return Finding(part, f"{part}.not_filled", f"not filled in yet: {DRAFT_PARTS[part]}")


def _slots(split: Mapping[str, float], budget_usd: float, fee_usd: Mapping[str, float]) -> dict[str, int]:
    """Creators each tier's share of the budget buys at the tier's average fee (lesson 05's planner)."""
    return {
        t: int((budget_usd * float(split.get(t, 0) or 0) / 100) // fee_usd[t]) if fee_usd.get(t) else 0
        for t in TIERS
    }


def chosen_goal(value: Any) -> str | None:
    """The goal a draft names, lower case, or None when it is blank or not one of :data:`GOAL_METRICS`."""
    if is_blank(value):
        return None
    goal = str(value).strip().lower()
    return goal if goal in GOAL_METRICS else None


def review_goal(value: Any, brief: Brief) -> list[Finding]:
    """The goal part: one of :data:`GOAL_METRICS`, and the brief's."""
    if is_blank(value):
        return [_not_filled("goal")]
    goal = chosen_goal(value)
    if goal is None:
        return [
            Finding("goal", "goal.unknown", f"{value!r} is not a goal: use one of {', '.join(GOAL_METRICS)}")
        ]
    if goal != brief.goal:
        return [
            Finding(
                "goal",
                "goal.not_the_brief",
                f"the brief asks for {brief.goal}, not {goal}: the client sets the goal",
            )
        ]
    return []


#: The cost metrics that complete a goal's KPIs (one of them is enough).
_GOAL_COSTS: dict[str, list[str]] = {
    "awareness": ["CPM"],
    "consideration": ["CPE", "CPC"],
    "conversion": ["CPA"],
}


def review_kpis(value: Any, goal: str) -> list[Finding]:
    """The KPI part, for the campaign's ``goal``: names from :data:`KPI_SPECS`, none of another goal's,
    and the goal's count with one of its cost metrics."""
    if is_blank(value):
        return [_not_filled("kpis")]
    out: list[Finding] = []
    items = value if isinstance(value, list | tuple | set | frozenset) else [value]
    names = [str(k).strip() for k in items if not is_blank(k)]
    by_lower = {k.lower(): k for k in KPI_SPECS}
    unknown = [n for n in names if n.lower() not in by_lower]
    known = [by_lower[n.lower()] for n in names if n.lower() in by_lower]
    if unknown:
        out.append(
            Finding(
                "kpis",
                "kpis.unknown",
                f"not KPIs of any goal here: {', '.join(unknown)} (followers, likes and "
                f"EMV are not what a campaign is judged on); use names from {', '.join(KPI_SPECS)}",
            )
        )
    wanted = GOAL_METRICS[goal]
    foreign = [k for k in known if k not in wanted]
    if foreign:
        out.append(
            Finding(
                "kpis",
                "kpis.other_goal",
                f"{', '.join(foreign)} belong{'s' if len(foreign) == 1 else ''} to another "
                f"goal: a {goal} campaign is judged on {', '.join(wanted)}",
            )
        )
    count, costs = wanted[0], _GOAL_COSTS[goal]
    missing = ([count] if count not in known else []) + (
        [] if any(c in known for c in costs) else [" or ".join(costs)]
    )
    if missing:
        out.append(
            Finding(
                "kpis",
                "kpis.incomplete",
                f"a {goal} goal needs its count and a cost metric: add {' and '.join(missing)}",
            )
        )
    return out


def readable_split(value: Any) -> dict[str, float] | None:
    """A draft's split as percent per tier (blank shares as 0), or None when it is blank, not a dict,
    names an unknown tier or holds a share that is not a number of 0 or more."""
    if is_blank(value) or not isinstance(value, Mapping):
        return None
    values = {str(t): (0.0 if is_blank(v) else v) for t, v in value.items()}
    numeric = all(isinstance(v, int | float) and not isinstance(v, bool) and v >= 0 for v in values.values())
    return values if numeric and all(t in TIERS for t in values) else None


def split_slots(value: Any, context: DraftContext) -> dict[str, int] | None:
    """Creators per tier the draft's split buys at the average fees, or None for a split that is blank,
    unreadable or does not add to 100% (within half a point)."""
    values = readable_split(value)
    if values is None or abs(float(sum(values.values())) - 100) > 0.5:
        return None
    return _slots(values, context.brief.budget_usd, context.fee_usd)


def review_split(value: Any, context: DraftContext) -> list[Finding]:
    """The budget split: a dict of tiers to percent adding to 100, and no tier's money too little
    for one creator."""
    if is_blank(value):
        return [_not_filled("split_pct")]
    if not isinstance(value, Mapping):
        return [
            Finding(
                "split_pct",
                "split_pct.not_a_dict",
                'write the split as {"micro": 50, "mid": 50, ...}: percent per tier',
            )
        ]
    values = readable_split(value)
    if values is None:
        bad = [t for t in dict.fromkeys(map(str, value)) if t not in TIERS]
        return [
            Finding(
                "split_pct",
                "split_pct.unreadable",
                f"tiers are {', '.join(TIERS)} and each share a percent of 0 or more"
                + (f"; unknown: {', '.join(bad)}" if bad else ""),
            )
        ]
    total = float(sum(values.values()))
    if abs(total - 100) > 0.5:
        word = "spends more than the budget" if total > 100 else "leaves money without a plan"
        return [
            Finding(
                "split_pct",
                "split_pct.total",
                f"the split adds to {total:g}%, not 100%: it {word}"
                + (" (shares are percent: 50, not 0.5)" if total <= 1.5 else ""),
            )
        ]
    budget, fees = context.brief.budget_usd, context.fee_usd
    slots = _slots(values, budget, fees)
    return [
        Finding(
            "split_pct",
            "split_pct.idle",
            f"{values[t]:g}% for {t} (${budget * values[t] / 100:,.0f}) does not buy one {t} creator "
            f"(average fee ${fees.get(t, float('nan')):,.0f}): move it or keep it as a contingency",
        )
        for t in TIERS
        if values.get(t, 0) > 0 and not slots[t]
    ]


def _listed(value: Any) -> Mapping[Any, Any]:
    """A shortlist as handle -> reason (a list of handles gives no reasons)."""
    return value if isinstance(value, Mapping) else dict.fromkeys(value)


def _handles(listed: Mapping[Any, Any]) -> list[str]:
    return [str(h).strip().lstrip("@") for h in listed if not is_blank(h)]


def shortlist_picks(value: Any, candidates: pd.DataFrame) -> pd.DataFrame | None:
    """The candidate-table rows of the draft's shortlist (each handle once, unknown ones left out), or
    None when the shortlist is blank or not a dict or list."""
    if is_blank(value) or not isinstance(value, Mapping | list | tuple | set | frozenset):
        return None
    handles = _handles(_listed(value))
    return candidates.loc[[h for h in dict.fromkeys(handles) if h in candidates.index]]


def _review_listing(listed: Mapping[Any, Any], candidates: pd.DataFrame) -> list[Finding]:
    """Handles not in the candidate table, and creators listed without a reason of three words or more."""
    out: list[Finding] = []
    unknown = [h for h in _handles(listed) if h not in candidates.index]
    if unknown:
        out.append(
            Finding(
                "shortlist",
                "shortlist.unknown",
                f"not in the candidate table: {', '.join('@' + h for h in unknown)} - copy handles from it",
            )
        )
    no_reason = [
        str(h).strip().lstrip("@")
        for h, r in listed.items()
        if not is_blank(h) and (is_blank(r) or len(str(r).split()) < 3)
    ]
    if no_reason:
        out.append(
            Finding(
                "shortlist",
                "shortlist.no_reason",
                "a reason (a few words on fit, audience or cost) is missing for "
                + ", ".join("@" + h for h in no_reason),
            )
        )
    return out


def _review_fit(picks: pd.DataFrame, brief: Brief) -> list[Finding]:
    """The picked creators' niche fit, audience authenticity and home city against the launch city."""
    out: list[Finding] = []
    misfits = picks[picks["niche_fit"] < MIN_NICHE_FIT]
    if len(misfits):
        out.append(
            Finding(
                "shortlist",
                "shortlist.niche_fit",
                ", ".join(f"@{h} {f:.3f}" for h, f in misfits["niche_fit"].items())
                + f": niche fit below {MIN_NICHE_FIT:.1f} - a poor fit converts less however "
                "well it ranks; choose a creator who fits",
            )
        )
    doubtful = picks[picks["audience_authenticity"] < metrics.AUTHENTICITY_MIN]
    if len(doubtful):
        out.append(
            Finding(
                "shortlist",
                "shortlist.authenticity",
                ", ".join(f"@{h} {a:.0%}" for h, a in doubtful["audience_authenticity"].items())
                + f": audience less than {metrics.AUTHENTICITY_MIN:.0%} authentic (a fraud "
                "signal, lesson 10)",
            )
        )
    local = int((picks["city"] == brief.launch_city).sum()) if len(picks) else 0
    if len(picks) and local < MIN_LOCAL_SHARE * len(picks):
        out.append(
            Finding(
                "shortlist",
                "shortlist.geography",
                f"{local} of {len(picks)} creators {'is' if local == 1 else 'are'} based in "
                f"{brief.launch_city}, where the product launches (at least {MIN_LOCAL_SHARE:.0%} wanted). "
                "The data has no audience-country split, so home city stands in: ask each "
                "creator for their audience's top countries before signing",
            )
        )
    return out


def _contacts_needed(
    picks: pd.DataFrame, slots: Mapping[str, int], reply_rate: float
) -> tuple[int, int, int]:
    """``(known, cold, needed)`` for filling ``slots`` from ``picks``: picks already known to the brand
    (:data:`KNOWN_TO_BRAND`, asked directly, up to each tier's slots), the remaining slots to fill with
    new names, and the names needed when only ``reply_rate`` of first messages get a reply."""
    known_by_tier = picks[picks["history"].isin(KNOWN_TO_BRAND)]["tier"].value_counts()
    known = sum(min(slots[t], int(known_by_tier.get(t, 0))) for t in TIERS)
    cold = max(sum(slots.values()) - known, 0)
    return known, cold, known + (math.ceil(cold / reply_rate) if reply_rate > 0 else cold)


def _review_absorb(picks: pd.DataFrame, slots: Mapping[str, int], context: DraftContext) -> list[Finding]:
    """Whether the picks can take the split's money: enough creators per tier, none in a tier without
    money, and enough names for the measured reply rate."""
    have = picks["tier"].value_counts()
    out = [
        Finding(
            "shortlist",
            "shortlist.cannot_absorb",
            f"the {t} money buys {slots[t]} creators at the average fee (${context.fee_usd[t]:,.0f}) "
            f"but the shortlist has {int(have.get(t, 0))} {t} creators: the budget "
            f"cannot be spent - add {t} creators or move the money",
        )
        for t in TIERS
        if slots[t] > int(have.get(t, 0))
    ]
    unpaid = sorted(set(picks["tier"]) - {t for t in TIERS if slots[t]})
    if unpaid:
        out.append(
            Finding(
                "shortlist",
                "shortlist.no_money",
                f"no money buys a {' or '.join(unpaid)} creator in your split: "
                + ", ".join(f"@{h}" for h in picks.index[picks["tier"].isin(unpaid)])
                + " cannot be paid",
            )
        )
    reply = context.reply_rates.get("personalised", float("nan"))
    known, cold, needed = _contacts_needed(picks, slots, reply)
    if len(picks) < needed:
        out.append(
            Finding(
                "shortlist",
                "shortlist.too_short",
                f"{len(picks)} names for about {needed} needed: {known} of the {sum(slots.values())} "
                f"to sign already work with {context.brief.brand} (ask them directly); {cold} new "
                f"names need first messages, and only {reply:.0%} of personalised first "
                "messages get a reply - add names",
            )
        )
    return out


def review_shortlist(value: Any, context: DraftContext, slots: Mapping[str, int] | None) -> list[Finding]:
    """The shortlist: handles from the candidate table, each with a reason, fitting the niche with a
    real, local enough audience; with the split's ``slots`` (None when the split is not usable), whether
    it can absorb the money and is long enough for the reply rate."""
    if is_blank(value):
        return [_not_filled("shortlist")]
    picks = shortlist_picks(value, context.candidates)
    if picks is None:
        return [
            Finding(
                "shortlist",
                "shortlist.not_a_dict",
                'write the shortlist as {"handle": "reason", ...}: one reason per creator',
            )
        ]
    out = _review_listing(_listed(value), context.candidates) + _review_fit(picks, context.brief)
    if slots is not None and len(picks):
        out += _review_absorb(picks, slots, context)
    return out


def review_reply_rate(value: Any, rates: Mapping[str, float]) -> list[Finding]:
    """The assumed reply rate: a share in (0, 1], at most 5 points above the outreach table's
    personalised rate."""
    if is_blank(value):
        return [_not_filled("reply_rate")]
    if not isinstance(value, int | float) or isinstance(value, bool) or not 0 < value <= 1:
        return [
            Finding(
                "reply_rate",
                "reply_rate.unreadable",
                f"{value!r} is not a share between 0 and 1 (write 0.25 for 25%)",
            )
        ]
    if value > rates.get("personalised", 1) + 0.05:
        return [
            Finding(
                "reply_rate",
                "reply_rate.optimistic",
                f"{value:.0%} is more than the outreach table shows: "
                f"{rates.get('personalised', float('nan')):.0%} "
                f"of personalised and {rates.get('generic', float('nan')):.0%} of generic first "
                "messages got a reply. Plan with the measured rate, and ask partners directly",
            )
        ]
    return []


def review_creative_brief(value: Any) -> list[Finding]:
    """The creative brief: asks for disclosure, imposes none of the brand's business rules (word checks)."""
    if is_blank(value):
        return [_not_filled("creative_brief")]
    out: list[Finding] = []
    text = str(value)
    if not _DISCLOSURE_WORDS.search(text):
        out.append(
            Finding(
                "creative_brief",
                "creative_brief.no_disclosure",
                "the brief does not ask for disclosure: say how every sponsored post is "
                "labelled (e.g. #ad or the platform's paid-partnership label)",
            )
        )
    rules = [why for pattern, why in _BUSINESS_RULES.items() if re.search(pattern, text, re.I)]
    if rules:
        out.append(
            Finding(
                "creative_brief",
                "creative_brief.business_rules",
                "the brief imposes the brand's business rules: "
                + "; ".join(rules)
                + ". The audience follows the creator's voice: turn each into a question for them",
            )
        )
    return out


def review_contract(value: Any) -> list[Finding]:
    """The contract: a dict of terms filling every one of :data:`REQUIRED_TERMS`."""
    if is_blank(value):
        return [_not_filled("contract")]
    if not isinstance(value, Mapping):
        return [
            Finding(
                "contract",
                "contract.not_a_dict",
                'write the terms as {"usage rights": "...", "disclosure": "...", "payment terms": "..."}',
            )
        ]
    filled = {
        str(k).strip().lower().replace("_", " ")
        for k, v in value.items()
        if not is_blank(k) and not is_blank(v)
    }
    missing = [t for t in REQUIRED_TERMS if t not in filled]
    if not missing:
        return []
    return [
        Finding(
            "contract",
            "contract.missing_terms",
            "missing: " + "; ".join(f"{t} ({REQUIRED_TERMS[t]})" for t in missing),
        )
    ]


def review_measurement(value: Any) -> list[Finding]:
    """The measurement plan: keeps a holdout (a word check)."""
    if is_blank(value):
        return [_not_filled("measurement")]
    if _HOLDOUT_WORDS.search(str(value)):
        return []
    return [
        Finding(
            "measurement",
            "measurement.no_holdout",
            "no holdout: codes and links count only the sales you can see, and some would "
            "have happened anyway. Draw a few comparable areas by lot before the launch, "
            "keep creators out of them, and compare sales per 1,000 people",
        )
    ]


def review_draft(draft: PlanDraft, context: DraftContext) -> list[Finding]:
    """Specific feedback on a :class:`PlanDraft`, part by part (pure: reads only its arguments).

    A blank part gets one "not filled in yet" finding. A filled part is checked against the brief and
    the data: the goal against the brief; KPIs against the goal (:data:`GOAL_METRICS`); the split adds
    to 100 and the shortlist can absorb it (enough creators in each tier for the slots its money buys,
    none in a tier without money); the shortlist's handles exist, each has a reason, fits the niche
    (:data:`MIN_NICHE_FIT`), has an audience at least 75% authentic, enough are based in the launch city
    (:data:`MIN_LOCAL_SHARE`, the city proxy for audience geography) and the list is long enough for the
    reply rate (first messages only to creators new to the brand, :data:`KNOWN_TO_BRAND`); the assumed
    reply rate against the outreach table; the creative brief asks for disclosure and imposes no
    business rules; the contract has :data:`REQUIRED_TERMS`; the measurement plan keeps a holdout.
    Returns the findings in :data:`DRAFT_PARTS` order; an empty list means nothing to flag.
    """
    goal = chosen_goal(draft.goal) or context.brief.goal
    return [
        *review_goal(draft.goal, context.brief),
        *review_kpis(draft.kpis, goal),
        *review_split(draft.split_pct, context),
        *review_shortlist(draft.shortlist, context, split_slots(draft.split_pct, context)),
        *review_reply_rate(draft.reply_rate, context.reply_rates),
        *review_creative_brief(draft.creative_brief),
        *review_contract(draft.contract),
        *review_measurement(draft.measurement),
    ]


def findings_table(findings: list[Finding]) -> pd.DataFrame:
    """Findings for display: one row each (part, feedback), or one row saying nothing is flagged."""
    if not findings:
        return pd.DataFrame(
            {"part": ["all"], "feedback": ["nothing flagged - compare with the model answer"]}
        )
    return pd.DataFrame({"part": [f.part for f in findings], "feedback": [f.message for f in findings]})


def model_draft(plan: CampaignPlan, context: DraftContext) -> PlanDraft:
    """The worked plan (:func:`build_plan`) written as a :class:`PlanDraft`: the model answer, with
    its honest weaknesses (the review flags what :func:`plan_checks` fails)."""
    b = plan.brief
    cands = context.candidates
    reasons = {}
    for h in plan.shortlist["handle"]:
        row = cands.loc[h]
        reasons[str(h)] = (
            f"score {row['score']:.2f}, fit {row['niche_fit']:.2f}, "
            f"{row['audience_authenticity']:.0%} authentic, {row['history']}"
        )
    return PlanDraft(
        goal=b.goal,
        kpis=list(GOAL_METRICS[b.goal]),
        split_pct={t: float(v) for t, v in plan.split_pct.items()},
        shortlist=reasons,
        reply_rate=round(plan.reply_rate, 2),
        creative_brief=(
            f"{b.product} launches in {b.launch_city} on {b.launch}. Show how it fits your own training, "
            "in your own words and setting; the format and the day within the launch week are yours. "
            "Nothing before launch day (embargo). Disclose every post: #ad and the platform's "
            "paid-partnership label. No health claims."
        ),
        contract={
            "deliverables": f"{POSTS_PER_CREATOR} posts, the first on or after launch day",
            "usage rights": "the brand may reshare the posts on its own accounts for 6 months, no paid ads",
            "disclosure": "#ad and the paid-partnership label on every post; posts checked on the day",
            "payment terms": "the agreed fee, half on signing and half within 30 days of the last post",
        },
        measurement=(
            f"{', '.join(GOAL_METRICS[b.goal])} from one promo code and one tracked link per creator "
            "(each order once). Holdout: before the launch, draw comparable areas by lot where no creator "
            "promotes the product; compare sales per 1,000 people over the same weeks. Report "
            f"{FOLLOW_UP_DAYS // 7} weeks after launch."
        ),
    )
