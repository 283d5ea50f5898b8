"""Exercises for notebooks/09_metrics_and_money: one exercise per metric family, each with feedback
for the classic slips (percent vs fraction, wrong denominator, impressions vs reach, ROI vs ROAS, EMV
taken as revenue, averaging ratios, revenue above cost taken for profit).

Exercises 09.q1-q7 and 09.q9 use the numbers given in the notebook's task text; 09.q8 uses the
bundled (synthetic) campaigns table, so its answer is computed here, lazily, from the data. The
attribution, fake-follower and disclosure exercises moved to lesson 10 with their sections.
"""

from __future__ import annotations

from helpers.exercises import ChoiceQuestion, Mistake, NumericQuestion
from helpers.exercises.quiz import MultipleChoice, Numeric, Option, Quiz
from helpers.exercises.slips import ROAS_FOR_ROI

_STARTER = "answer = ____  # replace ____ with a number"
_PERCENT = "answer = ____  # a percentage: 2.5 for 2.5%"

# One TikTok video (09.q1)
_LIKES, _COMMENTS, _SHARES, _VIEWS, _FOLLOWERS, _VIDEO_REACH = 5_200, 340, 460, 120_000, 45_000, 96_000
_INTERACTIONS = _LIKES + _COMMENTS + _SHARES  # 6,000

# One Instagram campaign (09.q2-q6)
_FEE, _REACH, _IMPRESSIONS, _ENGAGEMENTS = 1_800, 84_000, 126_000, 5_400
_CLICKS, _CONVERSIONS, _CODE_USES, _REVENUE = 900, 36, 14, 2_700
_CPM_RATE, _CPE_RATE = 10.0, 0.20

# An agency's EMV report (09.q7)
_AGENCY_FEE, _AGENCY_EMV, _ORDERS, _BASKET = 4_000, 11_000, 60, 55.0

_DATA_SETUP = """
from helpers import data, metrics
campaigns = data.load_campaigns()
posts = data.load_posts()
"""

q1 = NumericQuestion(
    id="09.q1",
    title="Engagement rate by views",
    expected=_INTERACTIONS / _VIEWS * 100,  # 5.0 %
    unit="%",
    rel_tol=1e-3,
    starter=_PERCENT,
    hints=[
        "Interactions are likes + comments + shares: 5,200 + 340 + 460.",
        "Divide the interactions by the views (120,000), not by followers or reach, then multiply by 100.",
    ],
    solution_code="answer = (5_200 + 340 + 460) / 120_000 * 100",
    explanation=(
        "Engagement rate by views = (likes + comments + shares) / views × 100 = 6,000 / 120,000 × 100 = "
        "**5.0 %**. The same 6,000 interactions give 13.3 % per follower and 6.25 % per account reached: "
        "on TikTok most viewers do not follow the creator, so the follower count is a poor denominator."
    ),
    why="6,000 / 120,000 × 100 = 5.0 %. Always say which denominator a rate uses.",
    mistakes=[
        Mistake(
            _INTERACTIONS / _FOLLOWERS * 100,
            "You divided by the followers (45,000): that is the rate per follower. This question asks "
            "per view, and on TikTok many viewers are not followers.",
        ),
        Mistake(
            _INTERACTIONS / _VIDEO_REACH * 100,
            "You divided by the reach (96,000 accounts): that is the rate per reach. This question asks "
            "per view (120,000 plays).",
        ),
        Mistake(
            _INTERACTIONS / _VIEWS,
            "That is the right ratio as a fraction; the question asks for a percentage: multiply by 100.",
        ),
        Mistake(
            (_LIKES + _COMMENTS) / _VIEWS * 100,
            "You left out the shares: HypeAuditor's rate per view counts likes + comments + shares.",
        ),
    ],
)

q2 = NumericQuestion(
    id="09.q2",
    title="Frequency from reach and impressions",
    expected=_IMPRESSIONS / _REACH,  # 1.5
    rel_tol=1e-3,
    starter="answer = ____  # views per account reached, e.g. 1.2",
    hints=[
        "Reach counts each account once; impressions count every time the post was shown.",
        "Frequency = impressions / reach = 126,000 / 84,000.",
    ],
    solution_code="answer = 126_000 / 84_000",
    explanation=(
        "Frequency = impressions / reach = 126,000 / 84,000 = **1.5**: each account that saw the post saw "
        "it one and a half times on average. Impressions are never fewer than reach, so frequency is at "
        "least 1."
    ),
    why="126,000 / 84,000 = 1.5 showings per account reached.",
    mistakes=[
        Mistake(
            _REACH / _IMPRESSIONS,
            "Upside down: frequency is impressions / reach, so it is at least 1 (every account reached "
            "saw the post at least once).",
        ),
        Mistake(
            _IMPRESSIONS - _REACH,
            "That is the number of repeat showings (impressions - reach), not how often each account "
            "saw the post on average: divide instead of subtracting.",
        ),
    ],
)

q3 = NumericQuestion(
    id="09.q3",
    title="Cost per mille (CPM)",
    expected=_FEE / _IMPRESSIONS * 1000,  # 14.2857 USD
    rel_tol=2e-3,
    unit="USD",
    starter="answer = ____  # USD per 1,000 impressions",
    hints=[
        "CPM is the cost of 1,000 impressions (not of 1,000 people reached).",
        "CPM = fee / impressions × 1,000 = 1,800 / 126,000 × 1,000.",
    ],
    solution_code="answer = 1_800 / 126_000 * 1_000",
    explanation=(
        "CPM = cost / impressions × 1,000 = 1,800 / 126,000 × 1,000 ≈ **14.29 USD** per 1,000 impressions, "
        "inside the 5-15 USD Instagram benchmark that wordontheblock (a vendor) published for 2023. "
        "Dividing by the reach instead gives a higher, different number: the cost per 1,000 people."
    ),
    why="1,800 USD / 126 thousand impressions ≈ 14.29 USD per 1,000 impressions.",
    mistakes=[
        Mistake(
            _FEE / _REACH * 1000,
            "You divided by the reach (84,000 accounts). CPM is per 1,000 **impressions** (126,000): the "
            "cost per 1,000 people reached is a different, higher number.",
        ),
        Mistake(
            _FEE / _IMPRESSIONS,
            "That is the cost of one impression. CPM is per mille, per 1,000 impressions: multiply by 1,000.",
        ),
        Mistake(
            _IMPRESSIONS / _FEE,
            "Upside down: that is impressions per dollar. CPM is dollars per 1,000 impressions.",
        ),
    ],
)

q4 = NumericQuestion(
    id="09.q4",
    title="Cost per acquisition with two attribution channels",
    expected=_FEE / _CONVERSIONS,  # 50 USD
    rel_tol=1e-3,
    unit="USD",
    starter="answer = ____  # USD per conversion",
    hints=[
        "Count every attributed conversion: the 36 conversions include the 14 made with the promo code.",
        "CPA = fee / conversions = 1,800 / 36.",
    ],
    solution_code="answer = 1_800 / 36",
    explanation=(
        "CPA = cost / conversions = 1,800 / 36 = **50 USD** per conversion. The 36 conversions already "
        "include the 14 made with the creator's promo code (the other 22 came through the tracked link); "
        "counting only one channel undercounts conversions and overstates the CPA."
    ),
    why="1,800 USD / 36 conversions = 50 USD per customer acquired.",
    mistakes=[
        Mistake(
            _FEE / _CODE_USES,
            "You counted only the promo-code conversions (14). Buyers who came through the tracked link "
            "count too: use all 36 attributed conversions.",
        ),
        Mistake(
            _FEE / (_CONVERSIONS - _CODE_USES),
            "You counted only the tracked-link conversions (22). The promo-code buyers are conversions "
            "too: use all 36.",
        ),
        Mistake(
            _FEE / (_CONVERSIONS + _CODE_USES),
            "You counted the promo-code conversions twice: the 36 conversions already include them.",
        ),
        Mistake(_FEE / _CLICKS, "That is the cost per click (CPC): divide by conversions, not clicks."),
        Mistake(_FEE / _ENGAGEMENTS, "That is the cost per engagement (CPE): divide by conversions."),
    ],
)

q5 = NumericQuestion(
    id="09.q5",
    title="ROI, not ROAS",
    expected=(_REVENUE - _FEE) / _FEE,  # 0.5
    rel_tol=1e-3,
    starter="answer = ____  # ROI as a fraction: 0.25 for +25%",
    hints=[
        "ROI subtracts the cost before dividing; ROAS does not.",
        "ROI = (revenue - cost) / cost = (2,700 - 1,800) / 1,800.",
    ],
    solution_code="answer = (2_700 - 1_800) / 1_800",
    explanation=(
        "ROI = (revenue - cost) / cost = 900 / 1,800 = **0.5**, that is +50 %. ROAS = revenue / spend = "
        "1.5 is a different number: ROI = ROAS - 1. A ROAS of 1 means sales equal to the spend, an ROI of "
        "0 means the same. Both are on revenue, not profit: the goods sold cost money too."
    ),
    why=(
        "(2,700 - 1,800) / 1,800 = 0.5: each dollar of fee brought $1.50 of sales, 50 cents above its cost - "
        "revenue, not profit, since the goods sold cost money too."
    ),
    mistakes=[
        Mistake(
            _REVENUE / _FEE,
            "That is ROAS (revenue / spend = 1.5). ROI subtracts the cost first: ROI = ROAS - 1.",
        ),
        Mistake(
            (_REVENUE - _FEE) / _FEE * 100,
            "Right idea, but as a percentage. This course writes ROI as a fraction, like "
            "`metrics.roi`: 0.5 means +50 %.",
        ),
        Mistake(
            _REVENUE - _FEE,
            "That is revenue minus cost in dollars (900). ROI divides it by the cost.",
        ),
        Mistake(
            (_REVENUE - _FEE) / _REVENUE,
            "You divided by the revenue. ROI divides revenue minus cost by the cost.",
        ),
    ],
)

q6 = NumericQuestion(
    id="09.q6",
    title="Earned media value (EMV)",
    expected=_IMPRESSIONS / 1000 * _CPM_RATE + _ENGAGEMENTS * _CPE_RATE,  # 1,260 + 1,080 = 2,340
    rel_tol=1e-3,
    unit="USD",
    starter="answer = ____  # USD",
    hints=[
        "EMV prices impressions per 1,000 at the reference CPM, and each engagement at the reference CPE.",
        "EMV = 126,000 / 1,000 × 10 + 5,400 × 0.20.",
    ],
    solution_code="answer = 126_000 / 1_000 * 10 + 5_400 * 0.20",
    explanation=(
        "EMV = impressions / 1,000 × reference CPM + engagements × reference CPE = 126 × 10 USD + "
        "5,400 × 0.20 USD = 1,260 + 1,080 = **2,340 USD**. Change the reference rates and the EMV "
        "changes: it measures what the attention would have cost as advertising at rates someone chose, "
        "not money earned."
    ),
    why="1,260 + 1,080 = 2,340 USD - a price put on attention, not revenue.",
    mistakes=[
        Mistake(
            _IMPRESSIONS / 1000 * _CPM_RATE,
            "You priced the impressions only. This EMV also prices the engagements: add 5,400 × 0.20 USD.",
        ),
        Mistake(
            _ENGAGEMENTS * _CPE_RATE,
            "You priced the engagements only. Add the impressions: 126,000 / 1,000 × 10 USD.",
        ),
        Mistake(
            _IMPRESSIONS * _CPM_RATE + _ENGAGEMENTS * _CPE_RATE,
            "The CPM rate is per 1,000 impressions: divide the impressions by 1,000 before multiplying.",
        ),
        Mistake(
            _REACH / 1000 * _CPM_RATE + _ENGAGEMENTS * _CPE_RATE,
            "You used the reach (84,000). A CPM prices impressions (126,000), every time the post was shown.",
        ),
    ],
)

q7 = NumericQuestion(
    id="09.q7",
    title="Real ROI behind an EMV report",
    expected=(_ORDERS * _BASKET - _AGENCY_FEE) / _AGENCY_FEE,  # (3,300 - 4,000) / 4,000 = -0.175
    rel_tol=1e-3,
    starter="answer = ____  # ROI as a fraction: 0.25 for +25%",
    hints=[
        "EMV is not revenue. The revenue is what the tracked orders brought: 60 orders × 55 USD.",
        "ROI = (revenue - cost) / cost = (60 × 55 - 4,000) / 4,000.",
    ],
    solution_code="revenue = 60 * 55\nanswer = (revenue - 4_000) / 4_000",
    explanation=(
        "Revenue = 60 × 55 USD = 3,300 USD, so ROI = (3,300 - 4,000) / 4,000 = **-0.175** (-17.5 %): the "
        "campaign lost money. The agency's 175 % came from putting EMV (11,000 USD) where revenue belongs. "
        "EMV prices attention at paid-media rates and subtracts no cost; it is not a return."
    ),
    why=(
        "(3,300 - 4,000) / 4,000 = -0.175: sales fell 17.5 cents short of each dollar spent (and the goods "
        "sold cost money too), whatever the EMV."
    ),
    mistakes=[
        Mistake(
            (_AGENCY_EMV - _AGENCY_FEE) / _AGENCY_FEE,
            "That is the agency's number: you used the EMV (11,000 USD) as if it were revenue. EMV is not "
            "money that came in; use the tracked orders (60 × 55 USD).",
        ),
        Mistake(
            _ORDERS * _BASKET / _AGENCY_FEE,
            "That is ROAS (revenue / cost = 0.825). ROI subtracts the cost first.",
        ),
        Mistake(
            (_ORDERS * _BASKET - _AGENCY_FEE) / _AGENCY_FEE * 100,
            "Right idea, but as a percentage: write ROI as a fraction (-0.175 means -17.5 %).",
        ),
        Mistake(
            _ORDERS * _BASKET - _AGENCY_FEE,
            "That is the loss in dollars (-700). ROI divides it by the cost.",
        ),
    ],
)


def _campaigns():
    from helpers import data

    return data.load_campaigns()


def _all_in_cost() -> float:
    c = _campaigns()
    return float(c["fee_usd"].sum() + c["discovery_cost_usd"].sum())


def _portfolio_roi() -> float:
    return (float(_campaigns()["revenue_usd"].sum()) - _all_in_cost()) / _all_in_cost()


def _fee_only_roi() -> float:
    c = _campaigns()
    return float((c["revenue_usd"].sum() - c["fee_usd"].sum()) / c["fee_usd"].sum())


def _mean_campaign_roi() -> float:
    c = _campaigns()
    cost = c["fee_usd"] + c["discovery_cost_usd"]
    return float(((c["revenue_usd"] - cost) / cost).mean())


def _median_campaign_roi() -> float:
    c = _campaigns()
    cost = c["fee_usd"] + c["discovery_cost_usd"]
    return float(((c["revenue_usd"] - cost) / cost).median())


q8 = NumericQuestion(
    id="09.q8",
    title="ROI of every campaign together, all-in",
    expected=_portfolio_roi,
    rel_tol=1e-3,
    setup=_DATA_SETUP,
    starter=(
        "total_cost = ____  # fees + discovery costs of every campaign, USD\n"
        "total_revenue = ____  # revenue of every campaign, USD\n"
        "answer = ____  # ROI as a fraction"
    ),
    hints=[
        "Add up the money first: total cost = all creator fees + all discovery costs (`fee_usd`, "
        "`discovery_cost_usd`); total revenue = all of `revenue_usd`.",
        "Then ROI = (total_revenue - total_cost) / total_cost. Do not average the campaigns' own ROIs.",
    ],
    solution_code=(
        "total_cost = campaigns['fee_usd'].sum() + campaigns['discovery_cost_usd'].sum()\n"
        "total_revenue = campaigns['revenue_usd'].sum()\n"
        "answer = (total_revenue - total_cost) / total_cost"
    ),
    explanation=(
        "Pool the money, then compute one ROI: (total revenue - total cost) / total cost, with the cost "
        "of finding the creators included (`metrics.roi(total_revenue, total_cost)` gives the same). "
        "The mean of the campaigns' own ROIs answers a different question: a few small campaigns with a "
        "huge ROI on a tiny fee pull it up, although they brought little money. (Synthetic data.)"
    ),
    why="Pooled revenue against pooled all-in cost: what the whole programme returned per dollar.",
    mistakes=[
        Mistake(
            _fee_only_roi,
            "You counted the creators' fees only. All-in also counts `discovery_cost_usd`, the cost of "
            "finding and signing each creator.",
        ),
        Mistake(
            lambda: float(_campaigns()["revenue_usd"].sum()) / _all_in_cost(),
            "That is ROAS (revenue / cost). ROI subtracts the cost first: ROI = ROAS - 1.",
        ),
        Mistake(
            _mean_campaign_roi,
            "That is the mean of the campaigns' own ROIs. Small campaigns with huge ROIs on tiny fees "
            "dominate that mean: add up revenue and cost first, then compute one ROI.",
        ),
        Mistake(
            _median_campaign_roi,
            "That is the median campaign's ROI: a fine description of a typical campaign, but not what "
            "the money as a whole returned. Add up revenue and cost first.",
        ),
    ],
)


# A brand's report at a 30 % gross margin (09.q9)
_SKIN_FEE, _SKIN_REVENUE, _SKIN_MARGIN = 2_000, 5_000, 0.30

#: The four answers of 09.q9, as the notebook's task text shows them.
MARGIN_OPTIONS: dict[str, str] = {
    "A": "It came out USD 3,000 ahead: the USD 5,000 of sales minus the USD 2,000 it cost.",
    "B": "It returned 250 %: USD 5,000 of sales on USD 2,000, so USD 2.50 for every dollar.",
    "C": "It lost USD 500: 30 % of USD 5,000 is USD 1,500 kept, less the USD 2,000 it cost.",
    "D": "It came out USD 1,500 ahead: the margin on USD 5,000; the fee is marketing, not cost.",
}


q9 = ChoiceQuestion(
    id="09.q9",
    title="ROAS 2.5 at a 30 % margin",
    expected="C",
    choices=("A", "B", "C", "D"),
    starter='verdict = ____  # "A", "B", "C" or "D"',
    var="verdict",
    hints=[
        "Of each dollar of sales the brand keeps only its gross margin, here 30 cents: the rest paid for "
        "making and shipping the goods.",
        "Profit after margin = revenue x margin - cost = 5,000 x 0.30 - 2,000. "
        "`metrics.profit_after_margin(5_000, 0.30, 2_000)` computes it.",
    ],
    solution_code="""
    from helpers import metrics
    print(metrics.profit_after_margin(5_000, 0.30, 2_000))  # -500.0
    print(metrics.break_even_roas(0.30))  # 3.33: ROAS 2.5 is below it
    verdict = "C"
    """,
    explanation=(
        "Profit after margin = revenue x margin - cost = 5,000 x 0.30 - 2,000 = **-500 USD**: the ROI on "
        "margin is -500 / 2,000 = -0.25. The report's ROAS of 2.5 and ROI on revenue of +150 % are both "
        "true, and both are on revenue. At a 30 % margin a campaign needs a ROAS of 1 / 0.30 = 3.33 (the "
        "break-even ROAS) before it earns more than it costs."
    ),
    why="5,000 x 0.30 - 2,000 = -500 USD: below the break-even ROAS of 3.33, a ROAS of 2.5 loses money.",
    mistakes=[
        Mistake(
            "A",
            "$3,000 is revenue above cost: it still counts the money that paid for making and shipping "
            "the goods. Keep only the margin of each sale (30 %), then subtract the cost.",
            name="revenue for profit",
        ),
        Mistake(
            "B",
            "250 % is the ROAS (revenue / cost = 2.5) read as a return; even the ROI on revenue is only "
            "ROAS - 1 = +150 %, and both are on revenue. Count the margin: 5,000 x 0.30 - 2,000.",
            name=ROAS_FOR_ROI.name,
        ),
        Mistake(
            "D",
            "The margin is right ($1,500 of the $5,000 is kept), but the creator's fee is a cost of the "
            "campaign: subtract it. 1,500 - 2,000 = -500.",
            name="cost left out",
        ),
    ],
)

quiz = Quiz(
    id="09.quiz",
    title="Metrics and money",
    questions=[
        MultipleChoice(
            prompt=(
                "An agency reports an EMV of $40,000 for a campaign that cost $10,000. What can you conclude?"
            ),
            options=[
                Option(
                    "The campaign's ROI was 300 %, because (40,000 - 10,000) / 10,000 = 3.",
                    feedback=(
                        "No: that treats EMV as revenue. ROI needs the revenue the campaign brought (tracked "
                        "sales), which EMV does not measure."
                    ),
                ),
                Option(
                    (
                        "Only that its impressions and engagements, priced at the agency's chosen rates, add "
                        "up to $40,000."
                    ),
                    correct=True,
                    feedback=(
                        "Yes. EMV is attention priced at chosen paid-media rates. It is not money received, "
                        "subtracts no cost, and another vendor would price the same posts differently."
                    ),
                ),
                Option(
                    (
                        "The campaign earned $4 of revenue for every $1 it cost: a ROAS of 4, well above "
                        "break-even."
                    ),
                    feedback=(
                        "No: that also reads EMV as revenue. ROAS is revenue customers paid divided by spend;"
                        " no customer paid the EMV."
                    ),
                ),
                Option(
                    ("It did better than a campaign with an EMV of $30,000 measured by another agency."),
                    feedback=(
                        "No: vendors use different formulas and rates, so EMVs compare only within one method"
                        " - at best a relative metric."
                    ),
                ),
            ],
        ),
        Numeric(
            prompt="A campaign's ROAS is 3.2. What is its ROI on revenue, in percent?",
            answer=220,
            rel_tol=1e-3,
            unit="%",
            why="ROI on revenue = ROAS - 1 = 2.2, that is +220 %.",
            mistakes=[
                Mistake(320, "That is the ROAS written as a percentage. ROI subtracts the cost: ROAS - 1."),
                Mistake(2.2, "Right as a fraction; the question asks in percent: 2.2 is 220 %."),
            ],
        ),
        MultipleChoice(
            prompt=(
                "On the course's Instagram creators, ads engage best (relative to the creator's own "
                "posts) in the middle tiers, while nano creators bring the most revenue per dollar of "
                "fee. A brand wants sales from a fixed budget. Which ranking should it follow?"
            ),
            options=[
                Option(
                    (
                        "Engagement with the ads: a sale starts with engagement, so the tier that engages "
                        "best sells best."
                    ),
                    feedback=(
                        "No: the two rankings disagree on these very creators. Engagement is a step "
                        "towards a sale, not its price: rank by what the brand buys."
                    ),
                ),
                Option(
                    (
                        "Followers: the biggest creators bring the most revenue per post, so they sell "
                        "the most."
                    ),
                    feedback=(
                        "No: a big creator's post brings more revenue in total, but at a far higher fee. "
                        "With a fixed budget, what counts is revenue per dollar spent."
                    ),
                ),
                Option(
                    (
                        "Revenue per dollar of fee: the brand is buying sales, so what each dollar it "
                        "pays brings back decides."
                    ),
                    correct=True,
                    feedback=(
                        "Yes. The goal decides the ranking: sales from a budget - revenue per dollar; "
                        "engagement with an ad - paid-post performance; the most people - followers."
                    ),
                ),
                Option(
                    (
                        "Neither: the two rankings disagree, which shows that the tier makes no "
                        "difference to sales."
                    ),
                    feedback=(
                        "No: they disagree because they measure different things. Revenue per follower "
                        "falls steeply from nano to macro: the tier matters a lot for sales."
                    ),
                ),
            ],
        ),
        MultipleChoice(
            prompt=(
                "A creator's two campaign posts each reached 50,000 accounts. How many people did the "
                "campaign reach?"
            ),
            options=[
                Option(
                    (
                        "Between 50,000 and 100,000: some accounts saw both posts, and only the platform "
                        "knows how many."
                    ),
                    correct=True,
                    feedback=(
                        "Yes. Reach counts accounts once per post; across posts the same people are counted "
                        "again, so a sum of reaches is an upper bound on the people reached."
                    ),
                ),
                Option(
                    "100,000: reach counts each account once, so the reach of the two posts adds up.",
                    feedback=(
                        "No: reach counts each account once within a post. An account that saw both posts "
                        "is in both reaches; the sum counts it twice."
                    ),
                ),
                Option(
                    "50,000: a creator's posts are shown to the same followers, so both reach one audience.",
                    feedback=(
                        "No: feeds do not show every post to every follower, and posts reach non-followers "
                        "too. The people reached lie between the larger reach and the sum."
                    ),
                ),
            ],
        ),
    ],
)
