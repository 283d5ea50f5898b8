"""Exercises for notebooks/05_what_works_strategy_and_discovery.

Expected answers are computed lazily from the bundled (synthetic) data, so they follow the data
if it is regenerated. The notebook source is ``tools/notebooks/nb05_what_works_strategy_and_discovery.py``.
"""

from __future__ import annotations

import functools
import itertools
import math
import numbers
from typing import Any

import numpy as np

from helpers.exercises import ChoiceQuestion, Mistake, NumericQuestion, Question
from helpers.exercises.quiz import MultipleChoice, Numeric, Option, Quiz

_SETUP = """
from helpers import data, metrics, widgets
from helpers.analysis import planning
from helpers.exercises import lesson05 as ex
campaigns = data.load_campaigns()
influencers = data.load_influencers()
joined = planning.with_creators(campaigns, influencers)
"""


def _joined():
    from helpers import data
    from helpers.analysis import planning

    return planning.with_creators(data.load_campaigns(), data.load_influencers())


# --------------------------------------------------------------------------------------------------
# q1: cost per engagement by tier
# --------------------------------------------------------------------------------------------------


def _cpe_by_tier(cost: str = "fee_usd"):
    totals = _joined().groupby("tier")[[cost, "engagements"]].sum()
    return totals[cost] / totals["engagements"]


def _cpe_mean_of_ratios():
    from helpers import metrics

    joined = _joined()
    return metrics.cpe(joined["fee_usd"], joined["engagements"]).groupby(joined["tier"]).mean()


def _engagements_per_dollar():
    totals = _joined().groupby("tier")[["fee_usd", "engagements"]].sum()
    return totals["engagements"] / totals["fee_usd"]


def agency_findings_markdown() -> str:
    """05.q1's two agency findings and the options, with the numbers computed from the data."""
    pooled, mean = _cpe_by_tier(), _cpe_mean_of_ratios()
    return (
        '* **Agency A:** "Mid-tier creators are the cheaper source of engagement: '
        f"USD {pooled['mid']:.3f} per engagement against "
        f"USD {pooled['micro']:.3f} for micro\" - each tier's total fees / its total "
        "engagements.\n"
        f'* **Agency B:** "Micro creators are the cheaper source: USD {mean["micro"]:.3f} per engagement '
        f"against USD {mean['mid']:.3f} for mid\" - the average of every campaign's own CPE.\n\n"
        + "\n".join(f"{k}. {v}" for k, v in CPE_OPTIONS.items())
    )


#: 05.q1's answers: letter -> text.
CPE_OPTIONS: dict[str, str] = {
    "A": "Agency A: pooled totals say what each tier's money bought, every dollar counted once.",
    "B": "Agency B: averaging the campaigns treats every campaign fairly, big or small.",
    "C": "Neither: the same data gives two answers, so CPE cannot compare tiers.",
    "D": "Either: both are correct averages, so pick the one that suits the brief.",
}

q1 = ChoiceQuestion(
    id="05.q1",
    title="Which cost-per-engagement finding guides the budget?",
    expected="A",
    choices=tuple(CPE_OPTIONS),
    setup=_SETUP,
    starter='finding = ____  # "A", "B", "C" or "D"',
    var="finding",
    hints=[
        "A budget question is about money: if you move $10,000 into a tier, how many engagements does it "
        "buy? Which average answers that?",
        "In an average of campaign CPEs, a $300 campaign counts as much as a $300,000 one. In total fees / "
        "total engagements, every dollar counts once. Compute both for mid and micro from `joined` to see "
        "which campaigns drive agency B's number.",
    ],
    solution_code="""
    totals = joined.groupby("tier")[["fee_usd", "engagements"]].sum()
    pooled = totals["fee_usd"] / totals["engagements"]  # agency A: USD per engagement, per tier
    per_campaign = (joined["fee_usd"] / joined["engagements"]).groupby(joined["tier"]).mean()  # agency B
    print(pooled[["mid", "micro"]], per_campaign[["mid", "micro"]], sep="\\n")
    finding = "A"
    """,
    explanation=(
        "Pooled cost per engagement = a tier's total creator fees / its total engagements. Pooling answers "
        "the budget question - *what did this tier's money buy?* - because every dollar and every "
        "engagement counts once. The average of campaign CPEs answers another question (what a typical "
        "campaign looked like) and lets many small, expensive-per-engagement campaigns outweigh the big "
        "ones where most of the money went. The tier with the lowest CPE is the cheapest source of "
        "engagement; it is not necessarily the cheapest source of conversions (compare with the CPA figure)."
    ),
    why="Total fees / total engagements per tier: what each tier's money bought, dollar for dollar.",
    mistakes=[
        Mistake(
            "B",
            "Treating every campaign alike is the problem: a $300 campaign weighs as much as a $300,000 one, "
            "so agency B's number says little about what your budget buys. Pool the money instead.",
            name="mean of ratios for a budget",
        ),
        Mistake(
            "C",
            "CPE compares tiers well once the question is clear. The two agencies average differently; for "
            "a budget, total fees / total engagements is the one that answers it.",
        ),
        Mistake(
            "D",
            "Both are averages, but of different things: only the pooled one says what a dollar of budget "
            "buys. The other describes a typical campaign.",
        ),
    ],
)


# --------------------------------------------------------------------------------------------------
# q2: a split that meets a KPI inside a budget
# --------------------------------------------------------------------------------------------------

#: The brief of q2: budget (USD), the cap per tier (percent) and the planner's default split.
BUDGET_USD = 40_000
MAX_SHARE_PCT = 50
DEFAULT_SPLIT: dict[str, float] = {"nano": 20, "micro": 40, "mid": 30, "macro": 10, "mega": 0}
#: The target is this much above the default split's median conversions (1.15 = +15 %).
TARGET_LIFT = 1.15
TIERS: tuple[str, ...] = tuple(DEFAULT_SPLIT)


@functools.cache
def _histories():
    from helpers import data
    from helpers.widgets.budget import tier_histories

    return tier_histories(data.load_campaigns(), data.load_influencers(), "mediakix", "all")


def forecast_conversions(shares: dict[str, float]) -> float:
    """Median conversions the budget planner forecasts for ``shares`` of :data:`BUDGET_USD`
    (0 when the split buys no creator)."""
    from helpers.widgets import LabInputError, budget_planner_update

    try:
        return float(budget_planner_update(_histories(), BUDGET_USD, shares).numbers["conversions_p50"])
    except LabInputError:
        return 0.0


@functools.cache
def q2_target() -> int:
    """The brief's KPI: median conversions to reach with :data:`BUDGET_USD` (computed from the data).

    +15 % on the planner's default split, capped just below the best half-and-half split of two
    tiers (with a 50 % cap per tier, the best split puts half the budget in each of the two tiers
    that buy the most conversions per dollar), so that the target can always be met.
    """
    best = max(
        forecast_conversions({a: MAX_SHARE_PCT, b: 100 - MAX_SHARE_PCT})
        for a, b in itertools.combinations(TIERS, 2)
    )
    wanted = math.ceil(forecast_conversions(DEFAULT_SPLIT) * TARGET_LIFT)
    return int(min(wanted, math.floor(best * 0.98)))


def _shares(answer: Any) -> dict[str, float] | None:
    """The answer as {tier: percent}, or None when it is not a dict of numbers for known tiers."""
    if not isinstance(answer, dict) or not answer:
        return None
    if not all(
        k in TIERS and isinstance(v, numbers.Real) and not isinstance(v, bool | np.bool_)
        for k, v in answer.items()
    ):
        return None
    return {k: float(v) for k, v in answer.items()}


def _not_100(answer: Any) -> bool:
    shares = _shares(answer)
    return shares is not None and abs(sum(shares.values()) - 100) > 0.5


def _over_cap(answer: Any) -> bool:
    shares = _shares(answer)
    return shares is not None and max(shares.values()) > MAX_SHARE_PCT


def _is_default(answer: Any) -> bool:
    shares = _shares(answer)
    return shares is not None and all(shares.get(t, 0.0) == DEFAULT_SPLIT[t] for t in TIERS)


def _check_split(answer: Any) -> tuple[bool, str]:
    shares = _shares(answer)
    if shares is None:
        return False, (
            'Give a dict of tier -> percent, such as {"nano": 30, "micro": 40, "mid": 30, "macro": 0, '
            f'"mega": 0}}; the tiers are {", ".join(TIERS)}, and each value is a number.'
        )
    if any(v < 0 for v in shares.values()):
        return False, "A share cannot be negative: use 0 for a tier you skip."
    got, target = forecast_conversions(shares), q2_target()
    if got >= target:
        return True, f"Your split forecasts a median of {got:,.0f} conversions (target {target:,})."
    return False, (
        f"Your split forecasts a median of {got:,.0f} conversions; the brief asks for at least {target:,}. "
        "Move money towards the tiers with the most conversions per $1,000."
    )


q2 = Question(
    id="05.q2",
    title="A split that meets the KPI inside the budget",
    checker=_check_split,
    setup=_SETUP,
    starter='shares = ____  # a dict, e.g. {"nano": 20, "micro": 40, "mid": 30, "macro": 10, "mega": 0}',
    var="shares",
    hints=[
        "Start from the tiers that buy the most conversions per $1,000 (the figure above), and test a split "
        "with `ex.forecast_conversions(shares)`: it returns the planner's median for $40,000.",
        "Beware expensive tiers: 50 % of $40,000 may buy only one or two creators there, and money that "
        "buys no whole creator stays unspent. Try every half-and-half pair of tiers and keep the best.",
    ],
    solution_code="""
    tiers = ["nano", "micro", "mid", "macro", "mega"]
    pairs = [{a: 50, b: 50} for i, a in enumerate(tiers) for b in tiers[i + 1 :]]
    best = max(pairs, key=ex.forecast_conversions)  # the planner's median for each half-and-half split
    shares = {tier: best.get(tier, 0) for tier in tiers}
    """,
    explanation=(
        "Conversions per $1,000 differ by tier, so the split decides the result: with the 50 % cap, the "
        "best split puts half the budget in each of the two tiers where the planner finds the most "
        "conversions. Trying every pair is a small, systematic search. Two traps: money in an expensive "
        "tier may not buy even one creator (it stays unspent), and a forecast built on past campaigns "
        "carries uncertainty - read the 80 % interval, not only the median. The cap is the brief's rule "
        "against betting everything on one tier."
    ),
    why="The split meets the brief: more conversions than the default, no tier above half the budget.",
    mistakes=[
        Mistake(
            when=_not_100,
            feedback="Your shares do not add up to 100 %: give every tier a percent of the budget.",
            example={"nano": 50, "micro": 30},
        ),
        Mistake(
            when=_over_cap,
            feedback="More than 50 % in one tier breaks the brief: no tier may get over half the budget.",
            example={"nano": 60, "micro": 40, "mid": 0, "macro": 0, "mega": 0},
        ),
        Mistake(
            when=_is_default,
            feedback="That is the planner's default split - the baseline the brief asks you to beat.",
            example=dict(DEFAULT_SPLIT),
        ),
    ],
    wrong_example={"nano": 0, "micro": 0, "mid": 0, "macro": 50, "mega": 50},
)


# --------------------------------------------------------------------------------------------------
# q3: which discovery route fits a brief with a deadline and a discovery budget
# --------------------------------------------------------------------------------------------------

#: 05.q3's brief: creators to sign, days until launch, discovery budget (USD), share signed in time (%).
Q3_CREATORS = 10
Q3_DEADLINE_DAYS = 24
Q3_BUDGET_USD = 4_000
Q3_IN_TIME_PCT = 90


def route_facts() -> dict[str, dict[str, float]]:
    """Per discovery channel: expected discovery spend for :data:`Q3_CREATORS` creators at the mean and
    at the median cost per creator (USD), and the share of past signings done within
    :data:`Q3_DEADLINE_DAYS` days (percent)."""
    from helpers import data

    campaigns = data.load_campaigns()
    by_channel = campaigns.groupby("discovery_channel", observed=True)
    cost = by_channel["discovery_cost_usd"]
    in_time = by_channel["days_to_sign"].apply(lambda d: 100 * float((d <= Q3_DEADLINE_DAYS).mean()))
    return {
        str(ch): {
            "spend_mean_usd": Q3_CREATORS * float(cost.mean()[ch]),
            "spend_median_usd": Q3_CREATORS * float(cost.median()[ch]),
            "in_time_pct": float(in_time[ch]),
        }
        for ch in ("organic", "platform", "agency")
    }


#: 05.q3's answers: letter -> text.
ROUTE_OPTIONS: dict[str, str] = {
    "A": "Organic search: it costs least per creator, so the budget has room to spare.",
    "B": "Split the list: organic search for five creators and an agency for the other five.",
    "C": "An agency: it signs fastest and finds the best fit, so it is worth the extra cost.",
    "D": "A platform: it fits the discovery budget and signs most creators before launch.",
}


q3 = ChoiceQuestion(
    id="05.q3",
    title="Which route for this launch?",
    expected="D",
    choices=tuple(ROUTE_OPTIONS),
    setup=_SETUP,
    starter='route = ____  # "A", "B", "C" or "D"',
    var="route",
    hints=[
        "A brief with hard limits is decided in two steps: strike out every route that breaks a limit "
        "(money, deadline), then choose among what is left.",
        "Money: the expected discovery spend is creators x the mean discovery cost per creator (you pay for "
        "every creator, the expensive ones too). Time: the share of past signings done within the deadline "
        "- the left panel of section 5's figure, or Lab 2 set to the brief. Check both for each route.",
    ],
    solution_code=f"""
    by_channel = campaigns.groupby("discovery_channel", observed=True)
    spend = {Q3_CREATORS} * by_channel["discovery_cost_usd"].mean()  # USD for {Q3_CREATORS} creators
    in_time = 100 * by_channel["days_to_sign"].apply(lambda d: (d <= {Q3_DEADLINE_DAYS}).mean())  # percent
    print(spend.round(0), in_time.round(1), sep="\\n")
    route = "D"
    """,
    explanation=(
        "Each route breaks a different limit: organic search fits the budget but most of its past signings "
        "took longer than the deadline; an agency is fast and finds better-fitting creators, but its fee "
        "(a share of the creator's fee) puts ten searches far over the discovery budget. The platform is "
        "the only route inside both limits. With a longer deadline organic search would come back into "
        "play, and with a bigger budget the agency - the brief decides, not a ranking of channels. The "
        "channel costs and delays are course assumptions in this synthetic data (datasheet)."
    ),
    why="The platform is the one route inside both the discovery budget and the deadline.",
    mistakes=[
        Mistake(
            "A",
            f"Cheapest is not enough: fewer than half of past organic signings were done within "
            f"{Q3_DEADLINE_DAYS} days, so most of the {Q3_CREATORS} creators would miss the launch. "
            "Strike out every route that breaks a limit of the brief first.",
            name="cheapest route, deadline ignored",
        ),
        Mistake(
            "C",
            f"The agency meets the deadline, but finding {Q3_CREATORS} creators through it costs more "
            f"than the USD {Q3_BUDGET_USD:,} discovery budget, even at its median cost per creator. "
            "Whether an agency pays for itself is 05.q4's question; this budget cannot pay for it.",
            name="fastest route, budget ignored",
        ),
        Mistake(
            "B",
            f"Five agency creators alone cost more than the USD {Q3_BUDGET_USD:,} budget to find (at "
            "the agency's mean cost per creator), and most of the organic half "
            "would still sign after the launch.",
            name="split that breaks both limits",
        ),
    ],
)


# --------------------------------------------------------------------------------------------------
# q4: when an agency pays for itself
# --------------------------------------------------------------------------------------------------


def _cpa_by_channel(include_discovery: bool = True):
    from helpers import data

    totals = (
        data.load_campaigns()
        .groupby("discovery_channel", observed=True)[["fee_usd", "discovery_cost_usd", "conversions"]]
        .sum()
    )
    cost = totals["fee_usd"] + (totals["discovery_cost_usd"] if include_discovery else 0)
    return cost / totals["conversions"]


def _saving(include_discovery: bool = True) -> float:
    cpa = _cpa_by_channel(include_discovery)
    return float(cpa["organic"] - cpa["agency"])


def _saving_mean_of_ratios() -> float:
    from helpers import data, metrics

    campaigns = data.load_campaigns()
    cpa = metrics.cpa(campaigns["fee_usd"] + campaigns["discovery_cost_usd"], campaigns["conversions"])
    by_channel = cpa.groupby(campaigns["discovery_channel"], observed=True).mean()
    return float(by_channel["organic"] - by_channel["agency"])


q4 = NumericQuestion(
    id="05.q4",
    title="Does the agency pay for itself?",
    expected=lambda: _saving(True),
    abs_tol=0.01,
    rel_tol=1e-3,
    setup=_SETUP,
    starter="""
    columns = ["fee_usd", "discovery_cost_usd", "conversions"]
    totals = campaigns.groupby("discovery_channel", observed=True)[columns].sum()
    all_in_cpa = ____  # a Series: (fees + discovery costs) / conversions, one value per channel
    saving = ____  # organic minus agency, USD per conversion
    """,
    var="saving",
    hints=[
        "All-in CPA = (fee_usd + discovery_cost_usd) / conversions, computed on the totals of each channel.",
        "Then take the organic channel's all-in CPA minus the agency's: positive means the agency route "
        "costs less per conversion.",
    ],
    solution_code="""
    all_in_cpa = (totals["fee_usd"] + totals["discovery_cost_usd"]) / totals["conversions"]
    saving = all_in_cpa["organic"] - all_in_cpa["agency"]
    """,
    explanation=(
        "An agency pays for itself when the conversions it adds are worth more than its fee - so compare "
        "cost per conversion **all-in**: creator fees plus the cost of finding them. A positive saving means "
        "agency-found campaigns cost less per conversion even after the agency's fee; a negative one means "
        "its better-fitting creators did not make up for its fee in this data. Two cautions: the channels "
        "were used for different creators and goals (compare like with like before deciding), and an "
        "agency also buys time - which matters when a launch date is fixed."
    ),
    why="All-in cost per conversion is the fair comparison: the agency's fee is part of the price.",
    mistakes=[
        Mistake(
            lambda: _saving(False),
            "You left out the discovery costs. The agency's fee is exactly what is in question: add "
            "discovery_cost_usd to the fees before dividing by conversions.",
        ),
        Mistake(
            lambda: -_saving(True),
            "Right size, wrong sign: the question asks organic minus agency (positive = the agency is "
            "cheaper per conversion).",
        ),
        Mistake(
            _saving_mean_of_ratios,
            "That averages each campaign's own cost per conversion. Pool instead: total all-in cost / total "
            "conversions per channel, so that every dollar counts once.",
        ),
    ],
)


# --------------------------------------------------------------------------------------------------
# Concept quiz
# --------------------------------------------------------------------------------------------------

quiz = Quiz(
    id="05.quiz",
    title="Goals, claims and agency fees",
    questions=[
        MultipleChoice(
            prompt=(
                "A coffee brand is opening in a city where nobody has heard of it. Which KPI and cost"
                " metric should judge its first creator campaign?"
            ),
            options=[
                Option(
                    "Conversions, judged by CPA: sales are what the brand needs in the end.",
                    feedback=(
                        "Not for a first, awareness campaign: people rarely buy from a brand they have never "
                        "heard of, so CPA would judge it on a job it was not given."
                    ),
                ),
                Option(
                    "Engagements, judged by CPE: likes and comments prove that people are interested.",
                    feedback=(
                        "Engagement is a consideration signal; the awareness question comes first - did the "
                        "right people see it at all?"
                    ),
                ),
                Option(
                    "Return on ad spend from promo codes, since every campaign should pay for itself.",
                    feedback=(
                        "A first campaign for an unknown brand is not expected to sell yet; judging it on "
                        "sales judges it on a job it was not given."
                    ),
                ),
                Option(
                    "Impressions and reach, judged by CPM (cost per 1,000 impressions).",
                    correct=True,
                    feedback=(
                        "Yes: the goal is awareness, so the question is whether the right people saw it. "
                        "Conversions come later, once people know the brand exists."
                    ),
                ),
            ],
        ),
        MultipleChoice(
            prompt=(
                "A discovery platform's sales page says brands using it 'cut the time to sign "
                "creators by 80 %'. What is the sensible next step?"
            ),
            options=[
                Option(
                    (
                        "Plan the launch on the 80 % figure: a platform would not publish a number it could "
                        "not back up."
                    ),
                    feedback="Published by the seller is not checked: it is a claim until measured.",
                ),
                Option(
                    (
                        "Treat it as a vendor claim: ask for the sample and method, and measure your own days"
                        " to sign in a trial."
                    ),
                    correct=True,
                    feedback=(
                        "Yes: it is published by someone selling the service, with no method to check. Your "
                        "own measurement, on your own creators, is the evidence that counts."
                    ),
                ),
                Option(
                    (
                        "Check it against the course's campaigns table, which records how long each channel "
                        "took to sign creators."
                    ),
                    feedback=(
                        "The course data is synthetic: the channel delays are assumptions built into it, so "
                        "it can teach the method but cannot confirm a market fact."
                    ),
                ),
                Option(
                    "Ignore it: vendors always exaggerate, so the real saving is probably close to zero.",
                    feedback=(
                        "Too quick: a platform may well save time. Do not believe or dismiss the claim - test"
                        " it."
                    ),
                ),
            ],
        ),
        Numeric(
            prompt=(
                "Suppose an agency charges the larger of $500 or 20 % of the creator's fee. For a creator "
                "fee of $4,000, what is the agency's fee, in USD?"
            ),
            answer=800,
            rel_tol=0.001,
            unit="USD",
            why="20 % of $4,000 is $800, which is more than the $500 minimum, so the fee is $800.",
            mistakes=[
                Mistake(
                    500,
                    "The $500 minimum applies only when 20 % of the fee is less than $500; here it is more.",
                ),
                Mistake(
                    4_800,
                    "That is the creator's fee plus the agency's; the question asks for the agency's fee.",
                ),
            ],
        ),
    ],
)
