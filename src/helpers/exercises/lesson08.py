"""Exercises for notebooks/08_working_with_creators: deals, briefs and contracts.

Two real cases from their published facts (Lord & Taylor 2016, Warner Bros. 2016; FTC actions, see
``helpers.analysis.deals.CASES``), and four judgement calls: a draft contract's bad clauses, a pay model
for a scenario (computed from the deal simulation on the bundled synthetic campaigns), a brief's lines
sorted into mandatories, freedoms and over-control, and whether a creator's audience fits a launch
market (a synthetic media kit). The notebook source is ``tools/notebooks/nb08_working_with_creators.py``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from helpers.exercises import (
    ChoicePart,
    ChoiceQuestion,
    Mistake,
    NumberPart,
    NumericQuestion,
    Question,
    TupleQuestion,
    lettered_options,
)
from helpers.exercises.quiz import MultipleChoice, Numeric, Option, Quiz

_SETUP = """
from helpers import data
from helpers.analysis import deals
from helpers.exercises import lesson08 as ex
campaigns = data.load_campaigns()
influencers = data.load_influencers()
histories = deals.sales_histories(campaigns, influencers)
lord_and_taylor = deals.CASES["Lord & Taylor"]
"""


def _letters_of(answer: object, allowed: set[str]) -> set[str] | None:
    """The chosen letters as a set of capitals; None unless the answer is a collection of letters in
    ``allowed`` (a string such as "A, C" or "AC" is read letter by letter)."""
    if isinstance(answer, str):
        parts = answer.replace(",", " ").split()
        items: list[object] = parts if len(parts) > 1 else list("".join(parts))
    elif isinstance(answer, list | tuple | set | frozenset):
        items = list(answer)
    else:
        return None
    if not items or not all(isinstance(x, str) for x in items):
        return None
    letters = {str(x).strip().upper() for x in items}
    return letters if letters <= allowed else None


def _letter_checker(verdicts: dict[str, tuple[bool, str]], what: str) -> Callable[[object], tuple[bool, str]]:
    """A checker for "which lines are bad?": right when exactly the bad lines are chosen; otherwise the
    feedback of every misjudged line."""
    bad = {k for k, (is_bad, _) in verdicts.items() if is_bad}

    def check(answer: object) -> tuple[bool, str]:
        chosen = _letters_of(answer, set(verdicts))
        if chosen is None:
            return False, (
                f'Give the letters of the {what}, as a list such as `["A", "B"]`; the lines are '
                f"{', '.join(verdicts)}."
            )
        if chosen == bad:
            return True, ""
        notes = [f"{k} is fine: {verdicts[k][1]}" for k in verdicts if k in chosen and k not in bad]
        notes += [f"{k} too: {verdicts[k][1]}" for k in verdicts if k in bad and k not in chosen]
        right = len(verdicts) - len(notes)
        return False, f"{right} of {len(verdicts)} lines judged right. " + " ".join(notes)

    return check


def _lines_markdown(lines: dict[str, str]) -> str:
    return "\n".join(f"* **{k}.** {line}" for k, line in lines.items())


# --------------------------------------------------------------------------------------------------
# q1: Lord & Taylor - what did each 1,000 people reached cost?
# --------------------------------------------------------------------------------------------------


def _lt_cost_per_thousand(fee_key: str) -> float:
    from helpers.analysis import deals

    case = deals.CASES["Lord & Taylor"]
    return deals.cost_per_thousand_reached(case["creators"] * case[fee_key], case["reached"])


#: The Instagram CPM range the course cites (benchmarks table, ``cpm_usd_instagram_low/high``); the
#: notebook's build asserts these equal the table and that 08.q1's answer lies above the range.
Q1_CPM_RANGE_USD = (5.0, 15.0)


def _q1_explanation() -> str:
    """08.q1's explanation, its numbers computed from the published case."""
    from helpers.analysis import deals

    case = deals.CASES["Lord & Taylor"]
    top, low = _lt_cost_per_thousand("fee_high_usd"), _lt_cost_per_thousand("fee_low_usd")
    cpm_low, cpm_high = Q1_CPM_RANGE_USD
    where = "above" if top > cpm_high else ("inside" if top >= cpm_low else "below")
    return (
        f"{case['creators']:.0f} creators at USD {case['fee_high_usd']:,.0f} is USD "
        f"{float(case['creators']) * float(case['fee_high_usd']):,.0f} of fees; divided by "
        f"{float(case['reached']) / 1e6:.1f} million people reached and multiplied by 1,000, that is about "
        f"USD {top:.1f} per 1,000 people reached (about USD {low:.1f} at the bottom of the fee range). At "
        f"the top fee that is {where} the USD {cpm_low:,.0f}-{cpm_high:,.0f} Instagram CPM range the "
        "course cites - but the two are not the same measure: a CPM divides by impressions, and each "
        "person reached saw at least one, so the cost per 1,000 impressions was at most this figure. The "
        "dresses and the paid Nylon article are not in it. By the numbers the campaign worked: the dress "
        "sold out. It still ended in an FTC order, because no post said it was paid for - reach and sales "
        "are no defence."
    )


q1 = NumericQuestion(
    id="08.q1",
    title="Lord & Taylor: fees per 1,000 people reached",
    expected=lambda: _lt_cost_per_thousand("fee_high_usd"),
    rel_tol=5e-3,
    unit="USD",
    setup=_SETUP,
    starter="""
    case = lord_and_taylor  # the published facts: creators, fee_low_usd, fee_high_usd, reached
    top_per_1k = ____  # USD of fees per 1,000 people reached, if every creator got the top fee
    """,
    var="top_per_1k",
    hints=[
        "Total fees if every creator got the top of the range: `case['creators'] * case['fee_high_usd']`.",
        "Divide the total by the people reached, then multiply by 1,000: "
        "`deals.cost_per_thousand_reached(total, case['reached'])` does exactly that.",
    ],
    solution_code=(
        "top_per_1k = deals.cost_per_thousand_reached(\n"
        "    case['creators'] * case['fee_high_usd'], case['reached']\n"
        ")"
    ),
    explanation=_q1_explanation(),
    why="Fees / people reached x 1,000: a campaign that sold out the dress and still ended in an FTC order.",
    mistakes=[
        Mistake(
            lambda: _lt_cost_per_thousand("fee_low_usd"),
            "That is the bottom of the fee range (USD 1,000 per creator); the question asks for the top.",
            name="bottom of the range",
        ),
        Mistake(
            lambda: _lt_cost_per_thousand("fee_high_usd") / 50,
            "That is one creator's fee per 1,000 reached: all 50 creators were paid, so multiply the fee by "
            "the number of creators first.",
            name="one creator's fee",
        ),
        Mistake(
            lambda: (_lt_cost_per_thousand("fee_low_usd") + _lt_cost_per_thousand("fee_high_usd")) / 2,
            "That is the middle of the range; the question asks what the top fee would give.",
            name="middle of the range",
        ),
    ],
)


# --------------------------------------------------------------------------------------------------
# q2: Warner Bros. - which clauses caused the trouble?
# --------------------------------------------------------------------------------------------------

#: Terms of a creator deal for a game launch, in no meaningful order: five as the FTC described Warner
#: Bros.' deal (FTC, July 2016: A, C, E, F, G), B and D ordinary terms added for the exercise. Three of
#: the FTC's five (A, E, G) made the videos deceptive; the payment (F) and the call to action (C) did not.
WB_CLAUSES: dict[str, str] = {
    "A": "Videos must express a positive opinion of the game.",
    "B": "Videos go live in the week of the game's release.",
    "C": "Videos end with a call to action: a link where viewers can buy the game.",
    "D": "The creator plays and comments in their usual style.",
    "E": "Videos must not show bugs or glitches.",
    "F": "The creator gets an early copy of the game and a payment.",
    "G": "Any mention of the sponsorship goes in the description box, below the 'Show more' fold.",
}
_WB_VERDICT: dict[str, tuple[bool, str]] = {
    "A": (
        True,
        "a contract that buys a positive opinion makes the review an ad dressed as an honest verdict; the "
        "viewers were not told.",
    ),
    "B": (False, "timing the posts to the launch is a fair term of the deal."),
    "C": (
        False,
        "it was in the real deal, but asking viewers to buy is normal in an ad - as long as viewers can "
        "tell it is one.",
    ),
    "D": (False, "leaving the creator their own voice is what makes the video credible."),
    "E": (
        True,
        "hiding the game's flaws by contract means viewers see a curated picture presented as a free "
        "playthrough.",
    ),
    "F": (
        False,
        "it was in the real deal, but paying a creator and sending the product is legal; it is the "
        "material connection that then has to be disclosed clearly.",
    ),
    "G": (
        True,
        "a disclosure most viewers never see is not clear and conspicuous (FTC Endorsement Guides, 16 CFR "
        "255); it belongs in the video and above the fold.",
    ),
}

q2 = Question(
    id="08.q2",
    title="Warner Bros.: the clauses behind the FTC case",
    checker=_letter_checker(_WB_VERDICT, "clauses that made the videos deceptive"),
    setup=_SETUP,
    starter='trouble = ____  # the letters of the clauses that made the videos deceptive, e.g. ["B", "C"]',
    var="trouble",
    hints=[
        "The FTC's complaint was about viewers being misled: which clauses made a paid video look like an "
        "independent opinion, or hid that it was paid?",
        "Three clauses: one buys the verdict, one hides the flaws, one hides the payment.",
    ],
    solution_code='trouble = ["A", "E", "G"]',
    explanation=(
        "The payment and early copy (F) and the call to action (C) were in the real deal, and launch "
        "timing (B) and the creator's own style (D) are ordinary terms: none of them misleads anyone. The "
        "trouble came from **A** (a positive verdict bought by contract), **E** (flaws hidden by "
        "contract) and **G** (the disclosure pushed below the fold, where most viewers never look). "
        "Together they turned paid videos into what looked like free, honest gameplay - the FTC's point. "
        "A contract should require the opposite: an honest opinion and a disclosure in the video itself."
    ),
    why="Bought verdicts, hidden flaws and hidden disclosure: the contract itself made the videos deceptive.",
    mistakes=[
        Mistake(
            when=lambda a: _letters_of(a, set(WB_CLAUSES)) == {"G"},
            feedback=(
                "G is one of them, but not the only one: a contract that dictates the verdict and hides "
                "the flaws also misleads viewers, whatever the disclosure says."
            ),
            example=["G"],
            name="disclosure only",
        ),
        Mistake(
            when=lambda a: _letters_of(a, set(WB_CLAUSES)) == {"A", "E", "F", "G"},
            feedback=(
                "Paying creators (F) is not the problem - most creator deals are paid. The problem is "
                "hiding the payment and buying the verdict: A, E and G."
            ),
            example=["A", "E", "F", "G"],
            name="payment itself",
        ),
    ],
    wrong_example=["A", "C"],
)


# --------------------------------------------------------------------------------------------------
# q3: choose a pay model for a scenario, and the reason
# --------------------------------------------------------------------------------------------------

#: 08.q3's scenario: a mid-tier YouTube creator, a USD 60 order, and the terms on the table; the
#: creator's floor is the bottom of the cited range for the tier (benchmarks table).
SCENARIO: dict[str, float | str] = {
    "platform": "youtube",
    "tier": "mid",
    "order_value_usd": 60.0,
    "flat_fee_usd": 2_000.0,
    "commission_pct": 15.0,
    "hybrid_fee_usd": 800.0,
    "creator_floor_usd": 1_000.0,
    "brand_cap_usd": 200.0,
}

_PLATFORM_NAMES = {"instagram": "Instagram", "tiktok": "TikTok", "youtube": "YouTube"}

#: 08.q3's reasons: letter -> text (each hedged alike, so the wording gives none away).
REASONS: dict[str, str] = {
    "A": "It gives the brand a lower bad-case cost per sale than any of the other three models.",
    "B": "It meets both limits: the creator's median clears the floor, the brand's bad case the cap.",
    "C": "A commission gives the creator a reason to post more, so the sales are likely to rise.",
    "D": "It moves the risk of a weak post away from both sides, so neither is likely to lose.",
}
#: 08.q3: how close the bad-case cost per sale must be to the simulation's (relative).
Q3_REL_TOL = 0.02


@functools.cache
def scenario_table() -> dict[str, dict[str, float]]:
    """08.q3's numbers per pay model: the creator's median earnings and the brand's cost per sale in a
    bad outcome (90th percentile), USD, under :data:`SCENARIO`'s terms, on the seeded draws."""
    from helpers import data
    from helpers.analysis import deals

    s = SCENARIO
    history = deals.sales_histories(data.load_campaigns(), data.load_influencers())[
        (s["platform"], s["tier"])
    ]
    found = {}
    for model in deals.PAY_MODELS:
        fee = s["hybrid_fee_usd"] if model == "hybrid" else s["flat_fee_usd"]
        row = deals.compare_pay_models(
            history,
            fee_usd=float(fee),
            commission_pct=float(s["commission_pct"]),
            order_value_usd=float(s["order_value_usd"]),
        ).loc[model]
        found[model] = {
            "creator_p50": float(row["creator_p50"]),
            "cost_per_sale_p90": float(row["cost_per_sale_p90"]),
        }
    return found


def fitting_models() -> list[str]:
    """The pay models that meet both limits of :data:`SCENARIO` (the build asserts there is one)."""
    s = SCENARIO
    return [
        m
        for m, row in scenario_table().items()
        if row["creator_p50"] >= float(s["creator_floor_usd"])
        and row["cost_per_sale_p90"] <= float(s["brand_cap_usd"])
    ]


def scenario_markdown() -> str:
    """08.q3's task text: the scenario and the reasons, numbers from :data:`SCENARIO`."""
    s = SCENARIO
    reasons = lettered_options(REASONS)
    return (
        f"*Brightbrew* sells a coffee gadget at **USD {s['order_value_usd']:,.0f}** an order and wants one "
        f"{_PLATFORM_NAMES[str(s['platform'])]} video from a **{s['tier']}-tier** creator. "
        "On the table: a flat fee of "
        f"USD {s['flat_fee_usd']:,.0f}; affiliate at {s['commission_pct']:.0f} % of each sale; a hybrid of "
        f"USD {s['hybrid_fee_usd']:,.0f} plus {s['commission_pct']:.0f} %; or gifting the gadget.\n\n"
        "* The creator will not sign if their **median** earnings are under "
        f"**USD {s['creator_floor_usd']:,.0f}** "
        "(the bottom of the cited range for the tier).\n"
        f"* The brand will not sign if a **bad outcome** (the 90th percentile of cost per sale) costs it "
        f"more than **USD {s['brand_cap_usd']:,.0f} per sale**.\n\n"
        "Compute the four models with `deals.compare_pay_models` (the hybrid with its own fee), then answer "
        "with three things: the model, the letter of the reason, and **the brand's bad-case cost per sale "
        "under that model** (USD, the 90th percentile):\n\n" + reasons
    )


def _pay_models() -> tuple[str, ...]:
    from helpers.analysis import deals

    return tuple(deals.PAY_MODELS)


def _right_model() -> str:
    """08.q3's pay model: the one that meets both limits (the build asserts there is exactly one)."""
    (right,) = fitting_models()
    return right


def _why_not_model(model: str) -> str:
    """Which of 08.q3's limits the pay model ``model`` breaks, with its numbers."""
    s, row = SCENARIO, scenario_table()[model]
    if row["creator_p50"] < float(s["creator_floor_usd"]):
        return (
            f"Under {model} the creator's median is about USD {row['creator_p50']:,.0f}, under their floor "
            f"of USD {s['creator_floor_usd']:,.0f}: they will not sign."
        )
    return (
        f"Under {model} a bad outcome costs the brand about USD {row['cost_per_sale_p90']:,.0f} per sale, "
        f"over its cap of USD {s['brand_cap_usd']:,.0f}: the brand will not sign."
    )


def _why_not_reason(reason: str) -> str:
    right = _right_model().capitalize()
    return {
        "A": f"{right} is the right model, but not for that reason: affiliate gives the brand a lower cost "
        "per sale; it fails the creator's floor.",
        "C": f"{right} is right, but nothing here shows that a commission makes creators post more: the "
        "simulation holds the posts fixed. The reason is the two limits.",
        "D": f"{right} is right, but it shares the risk rather than removing it: the creator's pay still "
        "varies, and so does the brand's cost per sale.",
    }[reason]


def _other_costs() -> dict[str, float]:
    """The other pay models' bad-case costs per sale, by how feedback names them."""
    right = _right_model()
    return {
        f"the {m}'s bad-case cost per sale; give the {right}'s": r["cost_per_sale_p90"]
        for m, r in scenario_table().items()
        if m != right
    }


q3 = TupleQuestion(
    id="08.q3",
    title="Choose a pay model, and say why",
    parts=[
        ChoicePart(
            label="pay model",
            options=_pay_models,
            expected=_right_model,
            why_not=_why_not_model,
        ),
        ChoicePart(label="reason", options=tuple(REASONS), expected="B", why_not=_why_not_reason),
        NumberPart(
            label="bad-case cost per sale",
            meaning="the brand's bad-case cost per sale",
            expected=lambda: scenario_table()[_right_model()]["cost_per_sale_p90"],
            rel_tol=Q3_REL_TOL,
            unit="USD",
            others=_other_costs,
            advice="Read `cost_per_sale_p90` in your model's row of `compare_pay_models`, run with that "
            "model's own fee.",
        ),
    ],
    example=("flat fee", "A", 250.0),
    setup=_SETUP,
    starter="""
    history = histories[("youtube", "mid")]  # past mid-tier YouTube campaigns (synthetic)
    # (pay model, reason letter, the brand's bad-case cost per sale in USD under that model)
    choice = ____  # e.g. ("flat fee", "A", 250.0)
    """,
    var="choice",
    hints=[
        "Run `deals.compare_pay_models(history, fee_usd=2000, commission_pct=15, order_value_usd=60)` and "
        "again with `fee_usd=800` for the hybrid; read `creator_p50` and `cost_per_sale_p90` per model "
        "(the number to give is the chosen model's `cost_per_sale_p90`).",
        "Check each model against both limits: the creator's median at least USD 1,000, the brand's "
        "bad-case cost per sale at most USD 200. One model passes both.",
    ],
    solution_code="""
    flat = deals.compare_pay_models(history, fee_usd=2000, commission_pct=15, order_value_usd=60)
    hybrid = deals.compare_pay_models(history, fee_usd=800, commission_pct=15, order_value_usd=60)
    print(flat[["creator_p50", "cost_per_sale_p90"]].round(1))
    print(hybrid.loc["hybrid", ["creator_p50", "cost_per_sale_p90"]].round(1))
    choice = ("hybrid", "B", hybrid.loc["hybrid", "cost_per_sale_p90"])
    """,
    explanation=(
        "Gifting and affiliate leave the creator's median far under their floor: on affiliate alone they "
        "carry all the risk of a weak post. The flat fee meets the floor, but in a bad outcome the brand "
        "pays over USD 200 per sale: it carries all the risk. The hybrid's smaller fee lifts the creator's "
        "median over the floor, and because most of the pay now follows the sales, the brand's bad-case "
        "cost per sale stays under its cap. A hybrid *shares* the risk; it does not remove it."
    ),
    why="A hybrid shares the risk: a floor for the creator, a cap on the brand's bad case.",
    mistakes=[
        Mistake(
            when=lambda a: q3.part_is(a, 0, "affiliate"),
            feedback=(
                "Affiliate gives the brand the lowest cost per sale, but the creator's median on commission "
                "alone is far under their floor: the creator carries all the risk and will not sign."
            ),
            example=("affiliate", "A", 9.0),
            name="cheapest for the brand",
        ),
    ],
    wrong_example=("flat fee", "B", 333.3),
)


# --------------------------------------------------------------------------------------------------
# q4: a brief - mandatories, freedoms, and lines that over-control
# --------------------------------------------------------------------------------------------------

#: A draft brief for a (fictional) skincare launch with a beauty creator: letter -> line.
BRIEF_LINES: dict[str, str] = {
    "A": "Use the platform's paid-partnership label and say #ad at the start of the caption.",
    "B": "Do not say the serum cures acne or any other skin condition.",
    "C": "The one message to get across: the serum is fragrance-free.",
    "D": "Choose the format - reel, carousel or story - and how you show the product.",
    "E": "Read our 120-word script word for word, in one take.",
    "F": "Nothing goes live before the launch date, 3 March.",
    "G": "Smile throughout, and keep only our brand colours in the frame.",
    "H": "Give your honest opinion, including anything you do not like.",
    "I": "Three approval rounds - brand, legal, regional director - each able to ask for a reshoot.",
}
#: Per line: M = keep as a mandatory, F = keep as a freedom, X = cut (over-controls); and why.
_BRIEF_SORT: dict[str, tuple[str, str]] = {
    "A": ("M", "disclosure is a legal duty in the US, UK and EU; it belongs in every brief."),
    "B": ("M", "a health claim the product cannot back is unlawful and harms both sides."),
    "C": ("M", "one key message is what the brand is paying for; more than one or two dilutes it."),
    "D": ("F", "the creator knows which format works for their audience - say so explicitly."),
    "E": ("X", "a script read word for word replaces the creator's voice, the reason followers trust them."),
    "F": ("M", "the launch date protects the campaign both sides depend on."),
    "G": ("X", "the creator's look and manner are theirs; a brand palette makes the post read like an ad."),
    "H": ("F", "an honest opinion is the creator's to give; it is also what keeps an endorsement lawful."),
    "I": ("X", "three rounds with reshoots kill timing and voice; agree one check of facts and claims."),
}
_SORT_CODES = {"M": "mandatory", "F": "freedom", "X": "cut"}


def brief_markdown() -> str:
    """08.q4's draft brief as Markdown lines."""
    return _lines_markdown(BRIEF_LINES)


def _as_sort(answer: object) -> dict[str, str] | None:
    if not isinstance(answer, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in answer.items()
    ):
        return None
    found = {k.strip().upper(): v.strip().upper()[:1] for k, v in answer.items()}
    if set(found) != set(BRIEF_LINES) or not set(found.values()) <= set(_SORT_CODES):
        return None
    return found


def _check_sort(answer: object) -> tuple[bool, str]:
    found = _as_sort(answer)
    if found is None:
        return False, (
            "Give a dict with every line's letter (A to I) and one of 'M' (keep as a mandatory), 'F' (keep "
            'as a freedom) or \'X\' (cut), e.g. `{"A": "M", "B": "X", ...}`.'
        )
    wrong = [k for k in BRIEF_LINES if found[k] != _BRIEF_SORT[k][0]]
    if not wrong:
        return True, ""
    notes = [f"{k} is a {_SORT_CODES[_BRIEF_SORT[k][0]]}: {_BRIEF_SORT[k][1]}" for k in wrong]
    return False, f"{len(BRIEF_LINES) - len(wrong)} of {len(BRIEF_LINES)} lines sorted right. " + " ".join(
        notes
    )


q4 = Question(
    id="08.q4",
    title="Mandatories, freedoms, and lines to cut",
    checker=_check_sort,
    setup=_SETUP,
    starter="""
    sort = ____  # {"A": "M", "B": ..., ...}: M = keep as a mandatory, F = keep as a freedom, X = cut
    """,
    var="sort",
    hints=[
        "Mandatories protect what both sides need: the law (disclosure, honest claims), the key message "
        "and the launch date. Freedoms name what the creator decides. The rest controls the creator.",
        "Four mandatories, two freedoms, three lines to cut: the script, the look, and the approval chain.",
    ],
    solution_code="""
    sort = {"A": "M", "B": "M", "C": "M", "D": "F", "E": "X", "F": "M", "G": "X", "H": "F", "I": "X"}
    """,
    explanation=(
        "A good brief is short on rules and explicit about freedom. **Mandatories:** disclosure (A) and no "
        "unsupported health claims (B) are the law; the one key message (C) and the launch date (F) are "
        "what the deal is for. **Freedoms:** format and presentation (D) and an honest opinion (H) are the "
        "creator's - writing them down tells the creator they are trusted. **Cut:** a script read word for "
        "word (E), a dictated look (G) and three approval rounds with reshoots (I) replace the creator's "
        "voice with the brand's, and the audience follows the creator, not the brand."
    ),
    why="Few rules, all of them needed, and the creator's freedoms written down.",
    mistakes=[
        Mistake(
            when=lambda a: _as_sort(a) is not None and all(v == "M" for v in _as_sort(a).values()),  # type: ignore[union-attr]
            feedback=(
                "Making every line a rule is the over-control the lesson warns about: some lines are the "
                "creator's to decide, and three of them should go."
            ),
            example=dict.fromkeys(BRIEF_LINES, "M"),
            name="everything mandatory",
        ),
    ],
    wrong_example={**{k: v for k, (v, _) in _BRIEF_SORT.items()}, "A": "X"},
)


# --------------------------------------------------------------------------------------------------
# q5: does the audience fit the launch market?
# --------------------------------------------------------------------------------------------------

#: 08.q5's budget for one post, USD.
Q5_BUDGET_USD = 2_000


def _fit():
    from helpers.analysis import deals

    return deals.audience_fit(deals.example_media_kit())


def best_in_budget() -> str:
    """08.q5's answer: within the budget, the creator with the most real followers in the market."""
    from helpers.analysis import deals

    kit = deals.example_media_kit()
    fit = _fit().loc[kit.index[kit["fee_usd"] <= Q5_BUDGET_USD]]
    return str(fit["in_market"].idxmax())


q5 = ChoiceQuestion(
    id="08.q5",
    title="Whose audience fits the launch market?",
    expected=best_in_budget,
    choices=("big_city_bites", "home_cook_hana", "grill_and_chill", "kitchen_katie"),
    setup=_SETUP,
    starter="""
    kit = deals.example_media_kit()  # four creators' media kits (synthetic)
    book = ____  # the handle of the creator you would book
    """,
    var="book",
    hints=[
        "Only real people in the launch market can buy: followers x audience_authenticity x "
        "audience_in_market. `deals.audience_fit(kit)` computes it per creator.",
        f"Drop the creators whose fee is over USD {Q5_BUDGET_USD:,}, then take the most real followers in "
        "the market (`in_market`).",
    ],
    solution_code="""
    fit = deals.audience_fit(kit)
    affordable = fit.loc[kit.index[kit["fee_usd"] <= 2000]]
    print(affordable.round(0))
    book = affordable["in_market"].idxmax()
    """,
    explanation=(
        "Followers are not customers: a share are not real people, and of the real ones only those in the "
        "launch market can buy. The biggest account has a small, partly fake audience in the market and "
        "is over budget; the creator with the highest share in the market is small, so one post reaches "
        "few people (a good second booking, cheap per person). Within the budget, the creator with the "
        "most real followers in the market is the one to book."
    ),
    why="Count only real people in the market where the product is sold.",
    mistakes=[
        Mistake(
            "big_city_bites",
            "The most followers - but most of them are outside the market or not real, and the fee is over "
            "the budget. Multiply by authenticity and by the share in the market.",
            name="most followers",
        ),
        Mistake(
            "kitchen_katie",
            "The highest share in the market and the best value per dollar, but a small audience: one post "
            "reaches the fewest real people in the market. The brief is one post, the most people.",
            name="highest share",
        ),
        Mistake(
            "grill_and_chill",
            "More followers than the answer, but a smaller share in the market: count the real followers "
            "in the market, not the followers.",
            name="followers over fit",
        ),
    ],
)


# --------------------------------------------------------------------------------------------------
# q6: spot the bad clauses in a draft contract
# --------------------------------------------------------------------------------------------------

#: A draft contract between a (fictional) sportswear brand and a micro creator paid USD 400.
CONTRACT: dict[str, str] = {
    "A": "Deliverables: one reel and two stories in May; the brand may ask for one round of factual fixes.",
    "B": "Usage rights: the brand may use the content in any medium, worldwide, forever, at no further fee.",
    "C": "Exclusivity: for 24 months, no content for any sportswear, food, drink or tech brand.",
    "D": "Disclosure: every post carries the platform's paid-partnership label and #ad.",
    "E": "Payment: half on signing, half within 30 days of the last post.",
    "F": "Paid amplification: the brand may run the posts as partnership ads for 30 days, for USD 150 more.",
    "G": "Reporting: within 7 days of each post, the creator shares reach, impressions and link clicks.",
    "H": "Termination: the brand may end the deal at any time without paying for work delivered.",
    "I": "Morality: either side may end the deal if the other's public conduct seriously harms it.",
}
_CONTRACT_VERDICT: dict[str, tuple[bool, str]] = {
    "A": (False, "clear deliverables and one round of factual fixes protect both sides."),
    "B": (
        True,
        "unlimited, perpetual usage for a USD 400 post buys an advertising asset at the price of a "
        "post; usage rights need a scope, a duration and a price.",
    ),
    "C": (
        True,
        "two years of exclusivity across four categories takes most of a creator's income for a small "
        "fee; exclusivity should be narrow (the direct competitors), short and paid for.",
    ),
    "D": (False, "the disclosure clause is what the FTC, the ASA and EU law require."),
    "E": (False, "part up front and the rest within 30 days is fair payment."),
    "F": (False, "paid amplification with a duration and a fee is how whitelisting should be written."),
    "G": (False, "access to the post's reporting lets the brand measure the campaign; it is a fair ask."),
    "H": (
        True,
        "a one-sided exit without pay for work delivered leaves all the risk with the creator; "
        "termination should be mutual and pay for what was delivered.",
    ),
    "I": (False, "a mutual morality clause protects both reputations."),
}

q6 = Question(
    id="08.q6",
    title="Spot the bad clauses in a draft contract",
    checker=_letter_checker(_CONTRACT_VERDICT, "bad clauses"),
    setup=_SETUP,
    starter='bad = ____  # the letters of the clauses you would send back, e.g. ["A", "B"]',
    var="bad",
    hints=[
        "For each clause ask: does it have a scope, a duration and a price, and does it bind both sides "
        "fairly?",
        "Three clauses take far more than a USD 400 post pays for: one about usage, one about other "
        "brands, one about ending the deal.",
    ],
    solution_code='bad = ["B", "C", "H"]',
    explanation=(
        "**B** takes unlimited, perpetual usage rights for the price of one post; **C** takes two years of "
        "broad exclusivity unpaid; **H** lets the brand walk away without paying for delivered work. Each "
        "is fixed the same way: a scope, a duration and a price for what the brand takes, and terms that "
        "bind both sides. The other clauses are what a good contract contains: deliverables, disclosure, "
        "payment terms, paid amplification with a fee, reporting access and a mutual morality clause."
    ),
    why="Usage, exclusivity and termination each need a scope, a duration, a price - and fairness.",
    mistakes=[
        Mistake(
            when=lambda a: _letters_of(a, set(CONTRACT)) == {"F"},
            feedback=(
                "F is fine: running the posts as ads is allowed when the contract gives it a duration and a "
                "fee, as F does. Look for what is taken without a limit or a price."
            ),
            example=["F"],
            name="amplification itself",
        ),
    ],
    wrong_example=["B", "D"],
)


def contract_markdown() -> str:
    """08.q6's draft contract as Markdown lines."""
    return _lines_markdown(CONTRACT)


def kit_markdown() -> str:
    """08.q5's media kits as a Markdown table (synthetic)."""
    from helpers.analysis import deals

    kit = deals.example_media_kit()
    rows = [
        "| handle | followers | audience authenticity | audience in launch market | fee (USD) |",
        "|---|---|---|---|---|",
    ]
    rows += [
        f"| {h} | {r.followers:,.0f} | {r.audience_authenticity:.0%} | {r.audience_in_market:.0%} "
        f"| {r.fee_usd:,.0f} |"
        for h, r in kit.iterrows()
    ]
    return "\n".join(rows)


def wb_markdown() -> str:
    """08.q2's clauses as Markdown lines."""
    return _lines_markdown(WB_CLAUSES)


# --------------------------------------------------------------------------------------------------
# Concept quiz
# --------------------------------------------------------------------------------------------------

quiz = Quiz(
    id="08.quiz",
    title="Deals, briefs, contracts and the law",
    questions=[
        MultipleChoice(
            prompt="A brand sends a creator a free jacket and pays nothing. The creator posts about it. What "
            "does the FTC expect?",
            options=[
                Option(
                    "Nothing: without payment there is no ad, so no disclosure is needed.",
                    feedback="A free product is a material connection too: the post needs a disclosure.",
                ),
                Option(
                    "A line in the creator's bio saying they sometimes work with brands.",
                    feedback="A bio line is not on the post: each post needs its own clear disclosure.",
                ),
                Option(
                    "A clear disclosure on the post itself, because the gift is a material connection.",
                    correct=True,
                    feedback=(
                        "Yes: under the Endorsement Guides (16 CFR 255) a gift is a material connection, "
                        "to be disclosed clearly and conspicuously where people see the post."
                    ),
                ),
                Option(
                    "A disclosure only if the jacket is worth more than a set amount of money.",
                    feedback="The guides set no value threshold: a material connection is disclosed.",
                ),
            ],
        ),
        MultipleChoice(
            prompt="Lord & Taylor's 2015 campaign sold out the dress. Why did it still end in an FTC order?",
            options=[
                Option(
                    "Its contracts pre-approved every post but never required saying the posts were paid.",
                    correct=True,
                    feedback=(
                        "Yes: the brand controlled the posts (tag, hashtag, approval) and still left out the "
                        "one term the law requires - disclosure."
                    ),
                ),
                Option(
                    "The fees were far above the cited price ranges for creators of that size.",
                    feedback="The FTC acts on deception, not on prices; the fees were not the issue.",
                ),
                Option(
                    "The FTC fined it heavily because the creators exaggerated the dress's quality.",
                    feedback="There was no fine; the order requires clear disclosure and monitoring.",
                ),
                Option(
                    "The creators posted off-brand photos that the brand had not approved first.",
                    feedback="The reverse: the brand pre-approved every post, which makes the gap its own.",
                ),
            ],
        ),
        MultipleChoice(
            prompt="Under a flat fee per post, who carries the risk that the post sells little?",
            options=[
                Option(
                    "The creator, because a weak post will hurt their next rate negotiation.",
                    feedback="A later rate talk is a side effect: this post's pay is fixed either way.",
                ),
                Option(
                    "Both equally, because the fee was agreed by both sides in advance.",
                    feedback="Agreeing on a fee does not share the outcome: the brand's cost per sale moves.",
                ),
                Option(
                    "Nobody, because a fee fixed in advance removes the uncertainty.",
                    feedback="The fee is fixed, the sales are not: the brand's cost per sale is uncertain.",
                ),
                Option(
                    "The brand: it pays the same fee, so its cost per sale rises when sales fall.",
                    correct=True,
                    feedback="Yes: the creator's pay is fixed, and the brand's cost per sale takes the luck.",
                ),
            ],
        ),
        MultipleChoice(
            prompt="A brand wants to run a creator's video as a paid ad (Spark Ads, partnership ads) for a "
            "year. What does it need?",
            options=[
                Option(
                    "Nothing more: it paid for the post, so it owns the video.",
                    feedback="Paying for a post buys the post, not the right to run it as an ad.",
                ),
                Option(
                    "A clause granting paid usage, with a duration and a fee for it.",
                    correct=True,
                    feedback=(
                        "Yes: whitelisting or paid amplification is a usage right - written down, limited in "
                        "time, and priced."
                    ),
                ),
                Option(
                    "Only the platform's permission, since the platform's terms cover ads.",
                    feedback="The platform's tools need the creator's consent, and the deal needs terms.",
                ),
            ],
        ),
        MultipleChoice(
            prompt="A brand pays creators in the UK and in France for posts. What do the rules there "
            "expect of the posts?",
            options=[
                Option(
                    "That each post is plainly recognisable as paid advertising, on the post itself.",
                    correct=True,
                    feedback=(
                        "Yes: the UK's CAP Code (applied by the ASA) says advertising must be obviously "
                        "identifiable, the CMA enforces consumer law against hidden ads, and the EU's Unfair "
                        "Commercial Practices Directive bans paid content that hides the payment."
                    ),
                ),
                Option(
                    "Nothing set by law: outside the US, each platform's own rules are what apply.",
                    feedback=(
                        "Platform rules come on top: the UK (CAP Code, consumer law) and the EU (the Unfair "
                        "Commercial Practices Directive) have their own rules against hidden advertising."
                    ),
                ),
                Option(
                    "A note in each creator's bio that they work with brands, covering all their posts.",
                    feedback=(
                        "A bio is not on the post: a reader of one post must be able to tell that it is an "
                        "ad, which is what 'obviously identifiable' asks."
                    ),
                ),
                Option(
                    "Approval of every post by the ASA or a national regulator before it goes live.",
                    feedback=(
                        "Regulators act on posts after they appear (complaints, investigations); they do "
                        "not pre-approve them. Checking before posting is the brand's job, in the contract."
                    ),
                ),
            ],
        ),
        Numeric(
            prompt="A flat fee of USD 660 or a 12 % commission on a USD 50 order: above how many sales "
            "per post "
            "does the commission pay the creator more?",
            answer=110,
            rel_tol=0.01,
            unit="sales",
            why="Commission per sale = 0.12 x 50 = USD 6; 660 / 6 = 110 sales.",
            mistakes=[
                Mistake(
                    13.2,
                    "That is 660 / 50: divide by the commission per sale (12 % of 50), not the order value.",
                ),
                Mistake(79.2, "That is 660 x 0.12: divide the fee by the commission per sale (0.12 x 50)."),
            ],
        ),
    ],
)
