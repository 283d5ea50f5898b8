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
    b, cands = context.brief, context.candidates
    out: list[Finding] = []
    add = out.append
    goal = None
    # goal
    if is_blank(draft.goal):
        add(_not_filled("goal"))
    elif str(draft.goal).strip().lower() not in GOAL_METRICS:
        add(
            Finding(
                "goal", "goal.unknown", f"{draft.goal!r} is not a goal: use one of {', '.join(GOAL_METRICS)}"
            )
        )
    else:
        goal = str(draft.goal).strip().lower()
        if goal != b.goal:
            add(
                Finding(
                    "goal",
                    "goal.not_the_brief",
                    f"the brief asks for {b.goal}, not {goal}: the client sets the goal",
                )
            )
    # KPIs
    if is_blank(draft.kpis):
        add(_not_filled("kpis"))
    else:
        items = draft.kpis if isinstance(draft.kpis, list | tuple | set | frozenset) else [draft.kpis]
        names = [str(k).strip() for k in items if not is_blank(k)]
        by_lower = {k.lower(): k for k in KPI_SPECS}
        unknown = [n for n in names if n.lower() not in by_lower]
        known = [by_lower[n.lower()] for n in names if n.lower() in by_lower]
        if unknown:
            add(
                Finding(
                    "kpis",
                    "kpis.unknown",
                    f"not KPIs of any goal here: {', '.join(unknown)} (followers, likes and "
                    f"EMV are not what a campaign is judged on); use names from {', '.join(KPI_SPECS)}",
                )
            )
        target = goal or b.goal
        wanted = GOAL_METRICS[target]
        foreign = [k for k in known if k not in wanted]
        count = wanted[0]
        costs = {"awareness": ["CPM"], "consideration": ["CPE", "CPC"], "conversion": ["CPA"]}[target]
        if foreign:
            add(
                Finding(
                    "kpis",
                    "kpis.other_goal",
                    f"{', '.join(foreign)} belong{'s' if len(foreign) == 1 else ''} to another "
                    f"goal: a {target} campaign is judged on {', '.join(wanted)}",
                )
            )
        if count not in known or not any(c in known for c in costs):
            missing = [
                m
                for m in ([count] if count not in known else [])
                + ([] if any(c in known for c in costs) else [" or ".join(costs)])
            ]
            add(
                Finding(
                    "kpis",
                    "kpis.incomplete",
                    f"a {target} goal needs its count and a cost metric: add {' and '.join(missing)}",
                )
            )
    # budget split
    slots: dict[str, int] | None = None
    if is_blank(draft.split_pct):
        add(_not_filled("split_pct"))
    elif not isinstance(draft.split_pct, Mapping):
        add(
            Finding(
                "split_pct",
                "split_pct.not_a_dict",
                'write the split as {"micro": 50, "mid": 50, ...}: percent per tier',
            )
        )
    else:
        values = {str(t): (0.0 if is_blank(v) else v) for t, v in draft.split_pct.items()}
        bad = [t for t in values if t not in TIERS]
        numeric = all(
            isinstance(v, int | float) and not isinstance(v, bool) and v >= 0 for v in values.values()
        )
        if bad or not numeric:
            add(
                Finding(
                    "split_pct",
                    "split_pct.unreadable",
                    f"tiers are {', '.join(TIERS)} and each share a percent of 0 or more"
                    + (f"; unknown: {', '.join(bad)}" if bad else ""),
                )
            )
        else:
            total = float(sum(values.values()))
            if abs(total - 100) > 0.5:
                word = "spends more than the budget" if total > 100 else "leaves money without a plan"
                add(
                    Finding(
                        "split_pct",
                        "split_pct.total",
                        f"the split adds to {total:g}%, not 100%: it {word}"
                        + (" (shares are percent: 50, not 0.5)" if total <= 1.5 else ""),
                    )
                )
            else:
                slots = _slots(values, b.budget_usd, context.fee_usd)
                idle = [t for t in TIERS if values.get(t, 0) > 0 and not slots[t]]
                for t in idle:
                    add(
                        Finding(
                            "split_pct",
                            "split_pct.idle",
                            f"{values[t]:g}% for {t} (${b.budget_usd * values[t] / 100:,.0f}) "
                            f"does not buy one {t} creator "
                            f"(average fee ${context.fee_usd.get(t, float('nan')):,.0f}): "
                            "move it or keep it as a contingency",
                        )
                    )
    # shortlist
    picks: pd.DataFrame | None = None
    if is_blank(draft.shortlist):
        add(_not_filled("shortlist"))
    elif not isinstance(draft.shortlist, Mapping | list | tuple | set | frozenset):
        add(
            Finding(
                "shortlist",
                "shortlist.not_a_dict",
                'write the shortlist as {"handle": "reason", ...}: one reason per creator',
            )
        )
    else:
        listed = draft.shortlist if isinstance(draft.shortlist, Mapping) else dict.fromkeys(draft.shortlist)
        handles = [str(h).strip().lstrip("@") for h in listed if not is_blank(h)]
        unknown = [h for h in handles if h not in cands.index]
        if unknown:
            add(
                Finding(
                    "shortlist",
                    "shortlist.unknown",
                    f"not in the candidate table: {', '.join('@' + h for h in unknown)} - copy "
                    "handles from it",
                )
            )
        no_reason = [
            str(h).strip().lstrip("@")
            for h, r in listed.items()
            if not is_blank(h) and (is_blank(r) or len(str(r).split()) < 3)
        ]
        if no_reason:
            add(
                Finding(
                    "shortlist",
                    "shortlist.no_reason",
                    "a reason (a few words on fit, audience or cost) is missing for "
                    + ", ".join("@" + h for h in no_reason),
                )
            )
        picks = cands.loc[[h for h in dict.fromkeys(handles) if h in cands.index]]
        misfits = picks[picks["niche_fit"] < MIN_NICHE_FIT]
        if len(misfits):
            add(
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
            add(
                Finding(
                    "shortlist",
                    "shortlist.authenticity",
                    ", ".join(f"@{h} {a:.0%}" for h, a in doubtful["audience_authenticity"].items())
                    + f": audience less than {metrics.AUTHENTICITY_MIN:.0%} authentic (a fraud "
                    "signal, lesson 10)",
                )
            )
        if len(picks):
            local = int((picks["city"] == b.launch_city).sum())
            if local < MIN_LOCAL_SHARE * len(picks):
                add(
                    Finding(
                        "shortlist",
                        "shortlist.geography",
                        f"{local} of {len(picks)} creators {'is' if local == 1 else 'are'} based in "
                        f"{b.launch_city}, where "
                        f"the product launches (at least {MIN_LOCAL_SHARE:.0%} wanted). The "
                        "data has no audience-country split, so home city stands in: ask each "
                        "creator for their audience's top countries before signing",
                    )
                )
        if slots is not None and len(picks):
            have = picks["tier"].value_counts()
            short = [t for t in TIERS if slots[t] > int(have.get(t, 0))]
            for t in short:
                add(
                    Finding(
                        "shortlist",
                        "shortlist.cannot_absorb",
                        f"the {t} money buys {slots[t]} creators at the average fee "
                        f"(${context.fee_usd[t]:,.0f}) "
                        f"but the shortlist has {int(have.get(t, 0))} {t} creators: the budget "
                        f"cannot be spent - add {t} creators or move the money",
                    )
                )
            unpaid = sorted(set(picks["tier"]) - {t for t in TIERS if slots[t]})
            if unpaid:
                add(
                    Finding(
                        "shortlist",
                        "shortlist.no_money",
                        f"no money buys a {' or '.join(unpaid)} creator in your split: "
                        + ", ".join(f"@{h}" for h in picks.index[picks["tier"].isin(unpaid)])
                        + " cannot be paid",
                    )
                )
            total = sum(slots.values())
            reply = context.reply_rates.get("personalised", float("nan"))
            known_by_tier = picks[picks["history"].isin(KNOWN_TO_BRAND)]["tier"].value_counts()
            known = sum(min(slots[t], int(known_by_tier.get(t, 0))) for t in TIERS)
            cold = max(total - known, 0)
            needed = known + (math.ceil(cold / reply) if reply > 0 else cold)
            if len(picks) < needed:
                add(
                    Finding(
                        "shortlist",
                        "shortlist.too_short",
                        f"{len(picks)} names for about {needed} needed: {known} of the {total} "
                        f"to sign already work with {b.brand} (ask them directly); {cold} new "
                        f"names need first messages, and only {reply:.0%} of personalised first "
                        "messages get a reply - add names",
                    )
                )
    # reply rate
    rates = context.reply_rates
    if is_blank(draft.reply_rate):
        add(_not_filled("reply_rate"))
    elif (
        not isinstance(draft.reply_rate, int | float)
        or isinstance(draft.reply_rate, bool)
        or not 0 < draft.reply_rate <= 1
    ):
        add(
            Finding(
                "reply_rate",
                "reply_rate.unreadable",
                f"{draft.reply_rate!r} is not a share between 0 and 1 (write 0.25 for 25%)",
            )
        )
    elif draft.reply_rate > rates.get("personalised", 1) + 0.05:
        add(
            Finding(
                "reply_rate",
                "reply_rate.optimistic",
                f"{draft.reply_rate:.0%} is more than the outreach table shows: "
                f"{rates.get('personalised', float('nan')):.0%} "
                f"of personalised and {rates.get('generic', float('nan')):.0%} of generic first "
                "messages got a reply. Plan with the measured rate, and ask partners directly",
            )
        )
    # creative brief
    if is_blank(draft.creative_brief):
        add(_not_filled("creative_brief"))
    else:
        text = str(draft.creative_brief)
        if not _DISCLOSURE_WORDS.search(text):
            add(
                Finding(
                    "creative_brief",
                    "creative_brief.no_disclosure",
                    "the brief does not ask for disclosure: say how every sponsored post is "
                    "labelled (e.g. #ad or the platform's paid-partnership label)",
                )
            )
        rules = [why for pattern, why in _BUSINESS_RULES.items() if re.search(pattern, text, re.I)]
        if rules:
            add(
                Finding(
                    "creative_brief",
                    "creative_brief.business_rules",
                    "the brief imposes the brand's business rules: "
                    + "; ".join(rules)
                    + ". The audience follows the creator's voice: turn each into a question for them",
                )
            )
    # contract
    if is_blank(draft.contract):
        add(_not_filled("contract"))
    elif not isinstance(draft.contract, Mapping):
        add(
            Finding(
                "contract",
                "contract.not_a_dict",
                'write the terms as {"usage rights": "...", "disclosure": "...", "payment terms": "..."}',
            )
        )
    else:
        filled = {
            str(k).strip().lower().replace("_", " ")
            for k, v in draft.contract.items()
            if not is_blank(k) and not is_blank(v)
        }
        missing = [t for t in REQUIRED_TERMS if t not in filled]
        if missing:
            add(
                Finding(
                    "contract",
                    "contract.missing_terms",
                    "missing: " + "; ".join(f"{t} ({REQUIRED_TERMS[t]})" for t in missing),
                )
            )
    # measurement
    if is_blank(draft.measurement):
        add(_not_filled("measurement"))
    elif not _HOLDOUT_WORDS.search(str(draft.measurement)):
        add(
            Finding(
                "measurement",
                "measurement.no_holdout",
                "no holdout: codes and links count only the sales you can see, and some would "
                "have happened anyway. Draw a few comparable areas by lot before the launch, "
                "keep creators out of them, and compare sales per 1,000 people",
            )
        )
    return out


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
