"""Exercises for notebooks/11_capstone_campaign_plan: the decisions of a campaign plan, each checked.

The notebook builds one plan for the brief (``bench``, ``brief`` and ``plan`` in ``_SETUP``). 11.q1 is
about KPIs for a goal (no data needed); 11.q2-q5 read the plan, so their answers are computed here,
lazily, from the bundled (synthetic) data and follow it if the data is regenerated. The notebook
source is ``tools/notebooks/nb11_capstone_campaign_plan.py``.
"""

from __future__ import annotations

import functools
import math
from typing import Any

from helpers.exercises import (
    ChoicePart,
    Mistake,
    NumberPart,
    NumericQuestion,
    SetQuestion,
    TupleQuestion,
)
from helpers.exercises.quiz import MultipleChoice, Numeric, Option, Quiz

#: The brief of the notebook's plan (the lab's defaults).
BRAND = "Kestrel Athletics"
GOAL = "conversion"
BUDGET_USD = 20_000
#: The metrics 11.q1 chooses from (spelled as the answer must spell them).
METRICS: tuple[str, ...] = (
    "reach",
    "impressions",
    "CPM",
    "engagements",
    "clicks",
    "CPE",
    "CPC",
    "conversions",
    "CPA",
    "ROAS",
    "EMV",
    "followers",
)
#: First posts this many days before launch in 11.q4.
EARLY_OFFSET_DAYS = -4

_SETUP = f"""
from helpers.analysis import capstone
from helpers.exercises import lesson11 as ex
bench = capstone.prepare()
brief = bench.brief({BRAND!r}, goal={GOAL!r}, budget_usd={BUDGET_USD})
plan = capstone.build_plan(bench, brief)
"""


@functools.cache
def _bench() -> Any:
    from helpers.analysis import capstone

    return capstone.prepare()


@functools.cache
def _plan(post_offset_days: int = 0) -> Any:
    from helpers.analysis import capstone

    bench = _bench()
    brief = bench.brief(BRAND, goal=GOAL, budget_usd=BUDGET_USD)
    return capstone.build_plan(bench, brief, post_offset_days=post_offset_days)


# --------------------------------------------------------------------------------------------------
# q1: KPIs tied to the goal
# --------------------------------------------------------------------------------------------------

q1 = SetQuestion(
    id="11.q1",
    title="The KPIs of an awareness goal",
    expected=["reach", "impressions", "CPM"],
    setup="from helpers.exercises import lesson11 as ex",
    starter="""
    print(ex.METRICS)
    kpis = ____  # a list of names from ex.METRICS, e.g. ["clicks", "CPC"]
    """,
    var="kpis",
    hints=[
        "An awareness campaign answers one question: did the right people *see* it? Pick the counts of "
        "seeing, then the cost metric that prices them.",
        "Two counts (accounts reached, times shown) and the cost of 1,000 of the second.",
    ],
    solution_code='kpis = ["reach", "impressions", "CPM"]',
    explanation=(
        "Awareness is judged on **reach** (accounts that saw the posts), **impressions** (times they were "
        "shown) and **CPM** (fees per 1,000 impressions). Consideration adds engagements, clicks, CPE and "
        "CPC; conversion is judged on conversions, CPA and ROAS. EMV is not a KPI (it is a price put on "
        "attention) and followers are an input, not a result."
    ),
    why="Did the right people see it, and at what price per 1,000 showings?",
    mistakes=[
        Mistake(
            ["engagements", "clicks", "CPE", "CPC"],
            "Those are the KPIs of a **consideration** goal (did people engage or click?). An awareness "
            "goal asks whether people saw the posts.",
        ),
        Mistake(
            ["conversions", "CPA", "ROAS"],
            "Those are the KPIs of a **conversion** goal. An awareness campaign cannot promise sales; it "
            "is judged on being seen.",
        ),
        Mistake(
            when=lambda a: isinstance(a, list | tuple | set) and "EMV" in a,
            feedback="Leave EMV out: it prices attention at paid-media rates and is not a result the "
            "campaign produced. Keep the counts and the cost metric.",
            example=["reach", "impressions", "CPM", "EMV"],
        ),
        Mistake(
            when=lambda a: isinstance(a, list | tuple | set) and "followers" in a,
            feedback="Followers are what you buy access to, not what the campaign achieves: they are an "
            "input. Keep only results and their cost.",
            example=["reach", "impressions", "CPM", "followers"],
        ),
        Mistake(
            ["reach", "impressions"],
            "The two counts are right; a KPI set also needs the cost metric that prices them.",
        ),
    ],
)


# --------------------------------------------------------------------------------------------------
# q2: the pessimistic end of a cost metric
# --------------------------------------------------------------------------------------------------


#: 11.q2's one-off production cost (USD, stated in the task): film crew and editing for the creators'
#: launch content, paid by the brand and counted in the contract's CPA. The notebook's KPI table shows the
#: CPA on the fees alone, so the ceiling with production is not on screen.
Q2_PRODUCTION_USD = 2_500


def _cpa(conversions_key: str, cost: str = "spent", production: bool = True) -> float:
    plan = _plan()
    money = plan.spent_usd if cost == "spent" else plan.brief.budget_usd
    return float((money + (Q2_PRODUCTION_USD if production else 0)) / plan.forecast[conversions_key])


q2 = NumericQuestion(
    id="11.q2",
    title="The CPA ceiling in the contract",
    expected=lambda: _cpa("conversions_p10"),
    rel_tol=0.005,
    unit="USD",
    setup=_SETUP,
    starter="""
    ceiling = ____  # USD per conversion: the CPA you write into the contract
    """,
    var="ceiling",
    hints=[
        "A ceiling is a promise the client can hold you to in nine runs out of ten: which end of the "
        "forecast's conversions (`plan.forecast`) gives the *highest* cost per conversion?",
        "CPA = money / conversions. The money is what is actually spent: the creator fees "
        "(`plan.spent_usd`) plus the production cost - not the whole budget, idle money buys nothing.",
    ],
    solution_code=f"""
    low = plan.forecast["conversions_p10"]  # the forecast's low end: 1 run in 10 does worse
    ceiling = (plan.spent_usd + {Q2_PRODUCTION_USD}) / low
    """,
    explanation=(
        "A cost metric turns the interval upside down: the fewest conversions (the 10th percentile) give "
        "the highest CPA. A ceiling at that value holds in nine runs out of ten; the median is missed half "
        "the time, the high end nine times in ten. Use the money actually spent - the creator fees plus "
        "production - not the whole budget: idle money buys no conversions."
    ),
    why="(Fees + production) / the low end of the conversions: a promise the client can hold you to.",
    mistakes=[
        Mistake(
            lambda: _cpa("conversions_p90"),
            "That divides by the *high* end of the conversions: the best case, where each conversion is "
            "cheap. Nine runs in ten cost more per conversion - a ceiling you would break almost every time.",
            name="best case as a promise",
        ),
        Mistake(
            lambda: _cpa("conversions_p50"),
            "That divides by the median: the expectation, not a ceiling - half the runs cost more per "
            "conversion. Promise the median and you miss it one time in two.",
            name="median as a ceiling",
        ),
        Mistake(
            lambda: _cpa("conversions_p10", cost="budget"),
            "That divides the whole budget, including money the plan does not spend on creators; idle money "
            "buys no conversions. Use the fees actually spent, plus production.",
            name="budget instead of spend",
        ),
        Mistake(
            lambda: _cpa("conversions_p10", production=False),
            f"Right end of the range, but that is the fees alone (the KPI table's number): the contract's "
            f"CPA also counts the USD {Q2_PRODUCTION_USD:,} of production.",
            name="production left out",
        ),
        Mistake(
            lambda: _cpa("conversions_p50", cost="budget", production=False),
            "That is the whole budget over the median forecast: every dollar counted, but idle money buys "
            "nothing, and the median is missed half the time.",
            name="budget over the median",
        ),
    ],
)


# --------------------------------------------------------------------------------------------------
# q3: reply rates decide the shortlist's length
# --------------------------------------------------------------------------------------------------


def _slots() -> int:
    return int(_plan().allocation["slots"].sum())


def _reply_rate(style: str) -> float:
    outreach = _bench().outreach
    return float(outreach.loc[outreach["template_style"].astype(str) == style, "replied"].mean())


def _contacts(style: str) -> int:
    return math.ceil(_slots() / _reply_rate(style))


q3 = NumericQuestion(
    id="11.q3",
    title="Candidates to contact with a generic template",
    expected=lambda: _contacts("generic"),
    abs_tol=0,
    rel_tol=0,
    setup=_SETUP,
    starter="""
    outreach = bench.outreach  # first messages brands sent, and whether the creator replied
    slots = int(plan.allocation["slots"].sum())  # creators the plan must sign
    candidates = ____  # creators to contact with a generic template (a whole number)
    """,
    var="candidates",
    hints=[
        'The generic reply rate is the mean of `replied` over the rows whose `template_style` is "generic".',
        "If a share r of the creators you contact reply, you need slots / r of them. You cannot contact "
        "part of a creator: round **up** with `math.ceil` (`import math`).",
    ],
    solution_code="""
    import math
    generic = outreach.loc[outreach["template_style"] == "generic", "replied"].mean()
    candidates = math.ceil(slots / generic)
    """,
    explanation=(
        "Only a share of creators reply to a first message, so a shortlist must be longer than the number "
        "of slots: slots / reply rate, rounded up. The plan uses the personalised reply rate; with a "
        "generic template the same plan needs far more names - more research, more messages, more time "
        "before the launch. (The reply rates are synthetic and the personalisation effect is a course "
        "assumption taken from the source article; measure your own with an A/B test.)"
    ),
    why="Slots / the generic reply rate, rounded up: the price of one template for all, in names.",
    mistakes=[
        Mistake(
            lambda: _contacts("personalised"),
            "That is the number with **personalised** messages (slots / their reply rate). The question "
            "asks what a generic template costs.",
        ),
        Mistake(
            lambda: _contacts("generic") - 1,
            "Rounded down: with that many messages you expect slightly fewer replies than slots. Round up.",
        ),
        Mistake(
            lambda: _slots(),
            "That assumes every creator replies and signs. Divide the slots by the reply rate.",
        ),
        Mistake(
            when=lambda a: isinstance(a, int | float) and 0 < a < _slots(),
            feedback="Fewer candidates than slots? You multiplied by the reply rate: divide by it instead.",
            example=1,
        ),
    ],
)


# --------------------------------------------------------------------------------------------------
# q4: the agency's early posts and the embargo
# --------------------------------------------------------------------------------------------------


def _creators(offset: int) -> int:
    return int(_plan(offset).posts["influencer_id"].nunique())


def embargo_facts() -> dict[str, int]:
    """11.q4's numbers: posts, creators and "post in embargo" conflicts of the early plan
    (:data:`EARLY_OFFSET_DAYS`), and the conflicts left with the first posts 1 day early and on launch day."""
    return {
        "posts": len(_plan(EARLY_OFFSET_DAYS).posts),
        "creators": _creators(EARLY_OFFSET_DAYS),
        "early_conflicts": _embargo_posts(EARLY_OFFSET_DAYS),
        "one_day_early_conflicts": _embargo_posts(-1),
        "on_launch_conflicts": _embargo_posts(0),
    }


def _embargo_posts(offset: int) -> int:
    conflicts = _plan(offset).schedule.conflicts
    return int((conflicts["kind"] == "post in embargo").sum())


#: 11.q4's answers: letter -> text (similar length, equally plausible; each wrong one a misconception).
EMBARGO_OPTIONS: dict[str, str] = {
    "A": "Keep the dates: teaser posts that show neither the product's name nor its price should not count "
    "as publishing it.",
    "B": "Move every first post to launch day or later, and brief the creators under embargo in the days "
    "before it.",
    "C": "Move the first posts to the day before the launch, so that the buzz peaks just as the product goes "
    "on sale.",
    "D": "Keep the dates but label every early post #ad, so that the audience and the regulator know the "
    "posts are paid.",
}

#: the calendar option C proposes: first posts this many days before the launch
ONE_DAY_EARLY = -1


q4 = TupleQuestion(
    id="11.q4",
    title="The agency's teaser posts and the embargo",
    parts=[
        ChoicePart(
            label="letter",
            options=tuple(EMBARGO_OPTIONS),
            expected="B",
            advice="read the conflicts again: what do the contract and the calendar support?",
        ),
        NumberPart(
            label="number of posts in the embargo",
            meaning="the number of posts option C's calendar puts in the embargo (a whole number)",
            expected=lambda: _embargo_posts(ONE_DAY_EARLY),
            rel_tol=0.0,
            whole=True,
            others=lambda: {
                "the count in the agency's own calendar; the number asked for is option C's": _embargo_posts(
                    EARLY_OFFSET_DAYS
                )
            },
            advice=f"Rebuild the plan with `post_offset_days={ONE_DAY_EARLY}` (option C's dates) and count "
            'the conflicts of kind "post in embargo".',
        ),
    ],
    example=("A", 3),
    setup=_SETUP,
    starter=f"""
    # the agency's calendar: the same plan, with the first posts {-EARLY_OFFSET_DAYS} days before the launch
    early = capstone.build_plan(bench, brief, post_offset_days={EARLY_OFFSET_DAYS})
    conflicts = early.schedule.conflicts  # one row per conflict: date, kind, who, detail, fix
    in_embargo_c = ____  # posts in the embargo if the first posts went out the day before the launch
    decision = (____, in_embargo_c)  # the letter ("A", "B", "C" or "D"), then that number
    """,
    var="decision",
    hints=[
        "An embargo is a date in the contract: nothing about the product may be published before it ends, "
        "however close to the launch. Creators may be briefed under embargo; they may not post.",
        f"Rebuild the plan with `post_offset_days={ONE_DAY_EARLY}` (option C's dates) and count the "
        'conflicts whose `kind` is "post in embargo"; compare with `brief.embargo_end`.',
    ],
    solution_code=f"""
    for offset in ({EARLY_OFFSET_DAYS}, {ONE_DAY_EARLY}, 0):
        conflicts = capstone.build_plan(bench, brief, post_offset_days=offset).schedule.conflicts
        print(offset, "days:", int((conflicts["kind"] == "post in embargo").sum()), "posts in the embargo")
    one_day_early = capstone.build_plan(bench, brief, post_offset_days={ONE_DAY_EARLY}).schedule.conflicts
    decision = ("B", int((one_day_early["kind"] == "post in embargo").sum()))
    """,
    explanation=(
        "The embargo runs until the day before the launch, so every post dated before launch day breaks "
        "it - in the agency's calendar, each creator's first post. One day early still breaks it for some "
        "posts; only launch day or later clears the calendar (`post_offset_days=0`). Briefing under embargo "
        "is allowed and is how creators are ready on the day. Disclosure (#ad) is a different rule: it "
        "makes a post honest about payment, not early posting allowed; and a teaser about the product is "
        "still about the product."
    ),
    why="Only posts on launch day or later respect the embargo; briefings may come before it.",
    mistakes=[
        Mistake(
            when=lambda a: q4.part_is(a, 0, "A"),
            feedback="A teaser is still about the product: the embargo forbids publishing anything about it "
            "before it ends, and the calendar flags every creator's first post in the agency's dates.",
            example=("A", 0),
            name="teasers do not count",
        ),
        Mistake(
            when=lambda a: q4.part_is(a, 0, "C"),
            feedback="One day early is still inside the embargo: rebuild the plan with "
            f"`post_offset_days={ONE_DAY_EARLY}` and the calendar still reports posts in the embargo. Launch "
            "day is the first day a post is allowed.",
            example=("C", 0),
            name="one day early",
        ),
        Mistake(
            when=lambda a: q4.part_is(a, 0, "D"),
            feedback="Labelling a post #ad makes it honest about payment; it does not allow publishing "
            "before the embargo ends. The posts still break the contract.",
            example=("D", 0),
            name="disclosure for an embargo",
        ),
    ],
    wrong_example=("B", 1_000),
)


# --------------------------------------------------------------------------------------------------
# q5: ROI, not ROAS
# --------------------------------------------------------------------------------------------------


def _revenue() -> float:
    plan = _plan()
    return float(plan.forecast["conversions_p50"] * plan.brief.avg_order_usd)


#: The brand's gross margin in 11.q5 (stated in the task): the share of each order's revenue left after
#: the cost of the goods. The notebook shows the plan's ROAS, so ROI on revenue (ROAS - 1) is on screen;
#: the ROI on margin is not.
Q5_MARGIN = 0.50


def _roi_on_margin() -> float:
    from helpers import metrics

    return float(metrics.margin_roi(_revenue(), Q5_MARGIN, _plan().spent_usd))


q5 = NumericQuestion(
    id="11.q5",
    title="The median ROI on margin of the creator fees",
    expected=_roi_on_margin,
    abs_tol=0.005,  # -0.15 (from the ROAS shown, rounded) is as right as -0.1517
    setup=_SETUP,
    starter=f"""
    revenue = plan.forecast["conversions_p50"] * brief.avg_order_usd  # USD, median forecast
    fees = plan.spent_usd  # USD
    margin = {Q5_MARGIN}  # the brand keeps half of each order's revenue after the cost of the goods
    roi = ____  # a fraction: 0.25 means +25%
    """,
    var="roi",
    hints=[
        "The brand keeps only `revenue x margin`; ROI on margin = (revenue x margin - fees) / fees.",
        "Multiply the revenue by the margin before taking away the fees, then divide by the fees; "
        "`metrics.margin_roi` does the same from revenue, margin and fees.",
    ],
    solution_code="roi = (revenue * margin - fees) / fees  # = metrics.margin_roi(revenue, margin, fees)",
    explanation=(
        "ROI on margin = (revenue x margin - cost) / cost = ROAS x margin - 1. Revenue is not what the "
        "brand keeps: at a 50 % margin, half of each order pays for the goods, so a plan whose revenue "
        "exceeds its fees can still lose money (break-even ROAS = 1 / margin = 2). It counts only the "
        "creator fees; an all-in ROI would also count finding creators and the products sent, and would "
        "be lower. And it is *attributed* revenue: a floor on what the campaign caused, not proof."
    ),
    why="(Revenue x margin - fees) / fees: what each dollar of fees returns after the goods are paid for.",
    mistakes=[
        Mistake(
            lambda: _revenue() / _plan().spent_usd,
            "That is ROAS (revenue / fees), a ratio, not a return. ROI subtracts the cost, and on margin "
            "counts only the revenue the brand keeps: (revenue x margin - fees) / fees.",
            name="ROAS for ROI",
        ),
        Mistake(
            lambda: (_revenue() - _plan().spent_usd) / _plan().spent_usd,
            "That is the ROI on revenue (ROAS - 1): it treats all the revenue as the brand's. Only "
            "revenue x margin is left after the goods are paid for: (revenue x margin - fees) / fees.",
            name="revenue for profit",
        ),
        Mistake(
            lambda: _revenue() * Q5_MARGIN / _plan().spent_usd,
            "That is margin / fees, a ratio: subtract the fees first (or 1 from this ratio).",
        ),
        Mistake(
            lambda: _revenue() * Q5_MARGIN - _plan().spent_usd,
            "That is revenue x margin - fees, in dollars. ROI divides it by the fees, to give a fraction.",
        ),
        Mistake(
            lambda: (_revenue() * Q5_MARGIN - _plan().brief.budget_usd) / _plan().brief.budget_usd,
            "You used the whole budget. The fees the plan spends are `plan.spent_usd`.",
        ),
    ],
)


# --------------------------------------------------------------------------------------------------
# Concept quiz
# --------------------------------------------------------------------------------------------------

quiz = Quiz(
    id="11.quiz",
    title="From a plan to a promise",
    questions=[
        MultipleChoice(
            prompt=(
                "A plan forecasts a median of 300 conversions with an 80% interval of 180 to 520 "
                "(made-up numbers). What should the plan you send the client say?"
            ),
            options=[
                Option(
                    (
                        "300 conversions: the median is the most likely single outcome, so it is the honest "
                        "number."
                    ),
                    feedback=(
                        "The median is the middle, not a promise: half the time the result will be lower, and"
                        " one number hides that."
                    ),
                ),
                Option(
                    (
                        "520 conversions: clients reward ambition, and a good team can reach the top of the "
                        "range."
                    ),
                    feedback=(
                        "The 90th percentile is a stretch outcome: promising it sets the campaign up to fail."
                    ),
                ),
                Option(
                    (
                        "Expect about 300, plan for as few as 180, say what would make it 520, and set an "
                        "alarm below the range."
                    ),
                    correct=True,
                    feedback=(
                        "Yes: a forecast is a range. Commit to a floor, expect the median, and decide in "
                        "advance what happens if results track below the range."
                    ),
                ),
                Option(
                    (
                        "About 333, the mean of 180, 300 and 520: averaging the low, middle and high figures "
                        "balances out the risk."
                    ),
                    feedback=(
                        "Averaging the ends and the middle of a range is not a forecast: the median is "
                        "already the central estimate, and one number still hides the range."
                    ),
                ),
            ],
        ),
        MultipleChoice(
            prompt=(
                "The agency offers to add EMV to the report. What does the measurement plan say about it?"
            ),
            options=[
                Option(
                    (
                        "Report it, if at all, as a relative attention measure, stating its reference CPM - "
                        "never as a return."
                    ),
                    correct=True,
                    feedback=(
                        "Yes: EMV prices impressions at paid-media rates and subtracts no cost; vendors "
                        "compute it differently, so it only compares campaigns measured the same way."
                    ),
                ),
                Option(
                    (
                        "Report EMV minus the fees as the campaign's profit, since EMV is what the attention "
                        "bought was worth."
                    ),
                    feedback=("EMV is not revenue: no customer paid it, so EMV minus fees is not a profit."),
                ),
                Option(
                    (
                        "Use EMV as the KPI for an awareness goal, since it sums up reach and engagement in "
                        "dollars."
                    ),
                    feedback=(
                        "Awareness is judged on reach, impressions and CPM; EMV prices them at someone's "
                        "chosen rates, which adds a number but no evidence."
                    ),
                ),
                Option(
                    (
                        "Use EMV instead of conversions whenever tracking is patchy, because EMV is always "
                        "available."
                    ),
                    feedback=(
                        "Being available does not make it a result: conversions are what the goal asks for."
                    ),
                ),
            ],
        ),
        MultipleChoice(
            prompt=(
                "A customer clicks creator A's tracked link and types creator B's promo code at "
                "checkout. How does the plan count it?"
            ),
            options=[
                Option(
                    ("As two conversions, one for each creator, since both of them helped make the sale."),
                    feedback=(
                        "Counting one order twice inflates the results and every cost metric built on them."
                    ),
                ),
                Option(
                    (
                        "To whichever creator has more followers, since a bigger audience most likely drove "
                        "it."
                    ),
                    feedback="That is the popularity trap again: credit follows a rule, not fame.",
                ),
                Option(
                    (
                        "As none: a sale with mixed signals cannot be attributed fairly, so it is left out of"
                        " the results."
                    ),
                    feedback=(
                        "The order happened and the campaign touched it: drop it and you understate results."
                    ),
                ),
                Option(
                    (
                        "As one conversion, credited by a rule fixed before the launch (for example: the code"
                        " wins)."
                    ),
                    correct=True,
                    feedback=(
                        "Yes: one order is one conversion. Fix the credit rule in advance, apply it to every "
                        "order, so nobody chooses it after seeing the numbers."
                    ),
                ),
            ],
        ),
        MultipleChoice(
            prompt=(
                "A creator on the shortlist disclosed only half of their past sponsored posts. What "
                "does a good plan do?"
            ),
            options=[
                Option(
                    (
                        "Nothing: disclosure is the creator's legal duty, and the brand cannot be held "
                        "responsible for it."
                    ),
                    feedback=(
                        "Regulators hold brands responsible too; a plan that ignores it carries the risk."
                    ),
                ),
                Option(
                    (
                        "Put a clear disclosure at the start of every post into the brief and contract, and "
                        "check each post on the day."
                    ),
                    correct=True,
                    feedback=(
                        "Yes: the FTC's Endorsement Guides expect material connections to be disclosed "
                        "clearly and conspicuously, and the brand shares the responsibility."
                    ),
                ),
                Option(
                    (
                        "Ask for the disclosure in the first comment, where it is visible but does not hurt "
                        "the engagement rate."
                    ),
                    feedback="A disclosure hidden in the comments is not clear and conspicuous.",
                ),
                Option(
                    (
                        "Drop every creator with any undisclosed post in their history, whatever else they "
                        "offer."
                    ),
                    feedback=(
                        "Possible, but heavy-handed: most creators disclose only some posts. Brief, contract "
                        "and check instead - and drop those who will not comply."
                    ),
                ),
            ],
        ),
        Numeric(
            prompt=(
                "A plan needs 12 creators and about 30% of first messages get a reply. How many creators "
                "should the team contact (round up)?"
            ),
            answer=40,
            abs_tol=0,
            rel_tol=0,
            unit="creators",
            why="12 / 0.30 = 40: only three in ten reply, so the list must be more than three times longer.",
            mistakes=[
                Mistake(3.6, "You multiplied by the reply rate. Divide by it: 12 / 0.30."),
                Mistake(4, "You multiplied by the reply rate (and rounded). Divide by it: 12 / 0.30."),
                Mistake(12, "That assumes every creator replies and signs."),
            ],
        ),
    ],
)


# --------------------------------------------------------------------------------------------------
# The capstone draft: the worked plan as a model answer, shown only on request
# --------------------------------------------------------------------------------------------------


def _literal(draft: Any) -> str:
    """A :class:`~helpers.analysis.capstone.PlanDraft` as the Python a learner would type."""
    import dataclasses

    lines = ["draft = capstone.PlanDraft("]
    for f in dataclasses.fields(draft):
        value = getattr(draft, f.name)
        if isinstance(value, dict) and len(value) > 1:
            items = [f"        {k!r}: {v!r}," for k, v in value.items()]
            lines += [f"    {f.name}={{", *items, "    },"]
        else:
            lines.append(f"    {f.name}={value!r},")
    return "\n".join([*lines, ")"])


def model_answer() -> Any:
    """The worked plan of this notebook (``capstone.build_plan``) written as a draft, with the review it
    gets: a model answer to compare with, like an exercise's solution. It is not a perfect plan - the
    review says where it falls short, as the plan's self-checks do."""
    from helpers.analysis import capstone
    from helpers.exercises import Solution

    bench = _bench()
    brief = bench.brief(BRAND, goal=GOAL, budget_usd=BUDGET_USD)
    context = capstone.draft_context(bench, brief)
    draft = capstone.model_draft(_plan(), context)
    findings = capstone.review_draft(draft, context)
    body = (
        "This is the plan the course's planner builds for the brief (`capstone.build_plan`), written as "
        "a draft. It is a model of the *form* - every part filled in, a reason per creator, disclosure in "
        "the brief and the contract, a holdout - not a perfect plan. Its review:\n\n"
        + "\n".join(f"* **{f.part}**: {f.message}" for f in findings)
        + "\n\nThe same weaknesses the plan's self-checks find (section 'Self-assessment'). A better "
        "answer drops the misfits, adds names from the launch market and makes the list long enough for "
        "the reply rate."
    )
    return Solution("Capstone: the model answer", body, code=_literal(draft))
