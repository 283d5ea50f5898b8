"""Exercises for notebooks/04_landscape_then_and_now: growth, followers to match, honest reading.

Every expected answer is computed lazily from the bundled ``landscape`` table of REAL published
figures, so it stays right if the table is corrected. The notebook source is
``tools/notebooks/nb04_landscape_then_and_now.py``.
"""

from __future__ import annotations

from helpers.exercises import Mistake, NumericQuestion
from helpers.exercises.quiz import MultipleChoice, Numeric, Option, Quiz

_SETUP = """
from helpers import data, metrics
landscape = data.load_landscape()
"""

MARKET = "Influencer Marketing Hub market size"
ORGANIC = "InfluencerDB organic like-follower ratio"
#: 04.q2 asks about sponsored posts: the notebook's table works the organic series (times_base 2.37), so
#: scaling it to 40,000 followers would give the organic answer away.
SPONSORED = "InfluencerDB sponsored like-follower ratio"
USERS = "Instagram monthly active users"
#: 04.q2's creator in 2016 (the notebook's table works the organic example for 10,000 followers).
BASE_FOLLOWERS = 40_000


def _landscape():
    from helpers import data

    return data.load_landscape()


def _series(name: str):
    """year -> value of one series."""
    table = _landscape()
    return table[table["series"] == name].set_index("year")["value"].sort_index()


def _market_growth(years: float) -> float:
    market = _series(MARKET)
    first, last = market.iloc[0], market.iloc[-1]
    return 100 * ((last / first) ** (1 / years) - 1)


def _market_span() -> int:
    market = _series(MARKET)
    return int(market.index[-1] - market.index[0])


def _followers_needed(inverted: bool = False, series: str = SPONSORED) -> float:
    rates = _series(series)
    first, last = rates.iloc[0], rates.iloc[-1]
    return BASE_FOLLOWERS * (last / first if inverted else first / last)


def _months(period: str) -> int:
    """Months since year 0 of a period written YYYY-MM (the users series)."""
    year, month = period.split("-")
    return int(year) * 12 + int(month)


def _users_growth(use_year_column: bool = False) -> float:
    table = _landscape()
    users = table[table["series"] == USERS].sort_values("period")
    first, last = users.iloc[0], users.iloc[-1]
    if use_year_column:
        years = float(last["year"] - first["year"])
    else:
        years = (_months(last["period"]) - _months(first["period"])) / 12
    return 100 * ((last["value"] / first["value"]) ** (1 / years) - 1)


q1 = NumericQuestion(
    id="04.q1",
    title="Compound annual growth of the market estimate",
    expected=lambda: _market_growth(_market_span()),
    unit="%",
    rel_tol=1e-3,
    setup=_SETUP,
    starter=(
        'market = landscape[landscape["series"] == "Influencer Marketing Hub market size"]\n'
        'market = market.set_index("year")["value"]\n'
        "answer = ____  # compound annual growth from the first to the last year, in % per year"
    ),
    hints=[
        "`market` is indexed by year: `market.index[0]` and `market.index[-1]` are the first and last "
        "years, `market.iloc[0]` and `market.iloc[-1]` their values. The span is the difference of the "
        "years.",
        "`metrics.cagr(start_value, end_value, years)` returns a fraction per year; multiply by 100.",
    ],
    solution_code=(
        "years = market.index[-1] - market.index[0]\n"
        "answer = metrics.cagr(market.iloc[0], market.iloc[-1], years) * 100"
    ),
    explanation=(
        "Compound annual growth = (last / first) ^ (1 / years) - 1, with years = last year - first year. "
        "The Influencer Marketing Hub estimate grew from $1.7B (2016) to $32.55B (2025): about 39 % a year, "
        "every year, for nine years. Two caveats belong next to that number: it is a **vendor estimate** "
        "(IMH sells influencer-marketing services), and the table has no verified figure for 2017-2019, so "
        "the growth rate says nothing about how the growth was spread over those years."
    ),
    why="(32.55 / 1.7) ^ (1/9) - 1: the yearly growth that compounds from the first to the last figure.",
    mistakes=[
        Mistake(
            lambda: _market_growth(_market_span() + 1),
            "You used one year too many: from 2016 to 2025 is 9 years of growth (2025 - 2016), not 10.",
        ),
        Mistake(
            lambda: _market_growth(len(_series(MARKET)) - 1),
            "You counted the figures in the table, not the years: 2017-2019 are missing, so the 7 figures "
            "span 9 years.",
        ),
        Mistake(
            lambda: 100 * (_series(MARKET).iloc[-1] / _series(MARKET).iloc[0] - 1) / _market_span(),
            "That is the simple average (total growth / years); growth compounds, so use "
            "(last / first) ^ (1 / years) - 1.",
        ),
        Mistake(
            lambda: 100 * (_series(MARKET).iloc[-1] / _series(MARKET).iloc[0] - 1),
            "That is the total growth over the whole period; the question asks for growth per year.",
        ),
    ],
)

q2 = NumericQuestion(
    id="04.q2",
    title="Followers needed to match 2016",
    expected=_followers_needed,
    rel_tol=1e-3,
    setup=_SETUP,
    starter=(
        'sponsored = landscape[landscape["series"] == "InfluencerDB sponsored like-follower ratio"]\n'
        'sponsored = sponsored.set_index("year")["value"]\n'
        "answer = ____  # followers needed in 2019 for the likes per sponsored post 40,000 got in 2016"
    ),
    hints=[
        "Likes per post = followers x like-follower ratio. Her likes stay the target; the ratio fell, so "
        "the followers must rise by the same factor.",
        "First her 2016 likes per post (40,000 followers at the 2016 ratio), then the followers that give "
        "as many likes at the 2019 ratio - or scale 40,000 by the 2016 ratio over the 2019 ratio.",
    ],
    solution_code="answer = 40_000 * sponsored[2016] / sponsored[2019]",
    explanation=(
        "Same likes, lower rate, so more followers: 40,000 x 4.0 / 2.4 ≈ **66,700** followers, 1.7 times as "
        "many - past the 50K line, so in 2019 she needs a mid-tier following (Mediakix) for the attention a "
        "micro creator's sponsored post had in 2016. Sponsored posts lost less than organic ones (the "
        "notebook's table: 2.37 times for organic). This reads one series (InfluencerDB, sponsored posts, "
        "likes only, a "
        "vendor figure quoted in a secondary report) and keeps its definition; mixing it with another "
        "publisher's rate would compare different things."
    ),
    why="40,000 x 4.0 / 2.4 ≈ 66,700: the same 1,600 likes per sponsored post needed 1.7 times the audience.",
    mistakes=[
        Mistake(
            lambda: _followers_needed(inverted=True),
            "You multiplied by 1.9 / 4.5: with a lower rate you need *more* followers, so divide by the "
            "2019 rate.",
        ),
        Mistake(
            lambda: _followers_needed(series=ORGANIC),
            "That uses the organic series (the table above works it). Her fee is for sponsored posts: use "
            "the InfluencerDB sponsored like-follower ratio.",
        ),
        Mistake(
            lambda: BASE_FOLLOWERS * _series(SPONSORED).iloc[0] / 100,
            "That is the number of likes per sponsored post in 2016 (1,600); now find the followers that "
            "give 1,600 likes at the 2019 rate.",
        ),
        Mistake(
            lambda: BASE_FOLLOWERS * (1 + (1 - _series(SPONSORED).iloc[-1] / _series(SPONSORED).iloc[0])),
            "You added the percentage drop (40 %) to 40,000; a rate that falls to 2.4 / 4.0 of its level "
            "needs 4.0 / 2.4 times the followers.",
        ),
    ],
)

#: 04.q3 asks about figures (rows) up to this year: the notebook's tables flag vendor estimates per
#: series (and per metric over all years), so a list of non-vendor series would be read off the screen.
Q3_UP_TO_YEAR = 2016


def _vendor_share_of_er_figures(up_to: int = Q3_UP_TO_YEAR, *, per_series: bool = False) -> float:
    table = _landscape()
    rows = table[(table["metric"].astype(str) == "engagement_rate") & (table["year"] <= up_to)]
    if per_series:
        rows = rows.drop_duplicates("series")
    return 100 * float(rows["is_vendor_estimate"].mean())


q3 = NumericQuestion(
    id="04.q3",
    title="How much of the early engagement evidence is a vendor's?",
    expected=_vendor_share_of_er_figures,
    unit="%",
    abs_tol=0.5,
    setup=_SETUP,
    starter=(
        'er = landscape[landscape["metric"] == "engagement_rate"]  # one row per published figure\n'
        "answer = ____  # % of the engagement-rate figures dated 2016 or earlier that are vendor estimates"
    ),
    hints=[
        "Keep the rows with `year <= 2016`; the column `is_vendor_estimate` is True when the publisher "
        "sells influencer-marketing services, tools or data.",
        "Select those rows, then average their True/False vendor column: the mean of a True/False column is "
        "the share of True rows. Times 100 gives a percent.",
    ],
    solution_code="answer = er.loc[er['year'] <= 2016, 'is_vendor_estimate'].mean() * 100",
    explanation=(
        "Of the five engagement-rate figures dated 2016 or earlier, three come from vendors (InfluencerDB "
        "twice, Jumper Media) and two from Forrester, an analyst firm. So the story 'engagement was higher "
        "back then' rests mostly on figures published by companies that sell influencer-marketing "
        "services or analytics: useful, but read them as estimates by interested parties, and name the "
        "publisher whenever you quote one."
    ),
    why="Three of the five early engagement figures are vendors': say who published a number first.",
    mistakes=[
        Mistake(
            lambda: _vendor_share_of_er_figures(9999),
            "That is every engagement-rate figure, of every year (the table of vendor shares shows it). "
            "The question keeps the figures dated 2016 or earlier.",
        ),
        Mistake(
            lambda: _vendor_share_of_er_figures(per_series=True),
            "That counts series, not figures: a series with two early figures counts twice. Share of the "
            "rows dated 2016 or earlier.",
        ),
        Mistake(
            lambda: _vendor_share_of_er_figures(Q3_UP_TO_YEAR - 1),
            "You left out 2016: 'dated 2016 or earlier' includes it (`<= 2016`).",
        ),
        Mistake(3, "3 is how many of the figures are vendor estimates; the question asks what percent."),
    ],
)

q4 = NumericQuestion(
    id="04.q4",
    title="Instagram's user growth per year",
    expected=_users_growth,
    unit="%",
    rel_tol=1e-3,
    setup=_SETUP,
    starter=(
        'users = landscape[landscape["series"] == "Instagram monthly active users"]\n'
        "answer = ____  # compound growth per year from the first to the last figure, in %"
    ),
    hints=[
        "Look at the `period` column: the first figure is from December 2014, the last from September "
        "2025. How many years apart is that, exactly?",
        "2014-12 to 2025-09 is 10 years and 9 months = 10.75 years. Give `metrics.cagr` the first value, "
        "the last value and those years, then turn the fraction into a percent.",
    ],
    solution_code=(
        "first, last = users.iloc[0], users.iloc[-1]\n"
        "answer = metrics.cagr(first['value'], last['value'], 10.75) * 100"
    ),
    explanation=(
        "Monthly users grew tenfold, from 300 million (December 2014) to 3 billion (September 2025): "
        "(3000 / 300) ^ (1 / 10.75) - 1 ≈ **23.9 %** a year. The `year` column says 2014 and 2025, but the "
        "figures are 10.75 years apart: read the period as published. The counts are Instagram's own "
        "announcements, quoted by secondary sites."
    ),
    why="Ten times the users in 10.75 years: about 24 % more every year.",
    mistakes=[
        Mistake(
            lambda: _users_growth(use_year_column=True),
            "You used the `year` column (11 years); the figures are dated 2014-12 and 2025-09, 10.75 years "
            "apart.",
        ),
        Mistake(
            900.0,
            "That is the total growth (+900 %); the question asks for the compound growth per year.",
        ),
    ],
)

quiz = Quiz(
    id="04.quiz",
    title="Reading the landscape honestly",
    questions=[
        MultipleChoice(
            prompt="Why was it easier to stand out on Instagram in 2014 than today?",
            options=[
                Option(
                    (
                        "The market was bigger in 2014: brands spent more on creators, so there were more "
                        "deals to win."
                    ),
                    feedback=(
                        "The opposite: every market estimate in the table is far smaller in the early years "
                        "(IMH: $1.7B in 2016 vs $32.55B in 2025)."
                    ),
                ),
                Option(
                    (
                        "Engagement was about the same as today; it only feels easier in hindsight because "
                        "the early stars are famous now."
                    ),
                    feedback="The published series all fall, even if each measures engagement differently.",
                ),
                Option(
                    (
                        "Far fewer accounts competed for attention, and posts earned more interactions per "
                        "follower than now."
                    ),
                    correct=True,
                    feedback=(
                        "Yes: Instagram had about a tenth of today's monthly users (300M, end of 2014), and "
                        "every engagement series in the table falls over time (Forrester: 4.2 % in 2014)."
                    ),
                ),
                Option(
                    (
                        "Posts were better made: creators spent more time on each one, which is why "
                        "engagement rates were higher."
                    ),
                    feedback=(
                        "Nothing in the table measures quality. The fall shows up in every series, which is "
                        "what you expect when ten times as many accounts compete for the same attention."
                    ),
                ),
            ],
        ),
        MultipleChoice(
            prompt="How should a report cite 'the influencer-marketing market is worth $32.55B (2025)'?",
            options=[
                Option(
                    "As a fact: it is the figure every article quotes, so somebody must have checked it.",
                    feedback="Popularity is not verification: many reports copy the same vendor estimate.",
                ),
                Option(
                    (
                        "As an estimate by Influencer Marketing Hub, a seller of influencer-marketing "
                        "services, with year and definition."
                    ),
                    correct=True,
                    feedback=(
                        "Yes: name the publisher and its interest, the definition (global market size) and "
                        "whether you read the primary report."
                    ),
                ),
                Option(
                    "Leave it out: a figure from a company that sells the service is worthless as evidence.",
                    feedback=(
                        "Vendor estimates can be useful and are often the only figures there are; label them,"
                        " do not hide them."
                    ),
                ),
                Option(
                    (
                        "As 'studies show the market is worth $32.55B': the figure speaks for itself, whoever"
                        " published it."
                    ),
                    feedback=(
                        "'Studies show' hides who published it and why: a reader cannot weigh a figure whose "
                        "publisher, year and definition are missing."
                    ),
                ),
            ],
        ),
        MultipleChoice(
            prompt=(
                "The table has no verified market-size figures for 2017-2019. What is the honest way "
                "to show those years on a chart?"
            ),
            options=[
                Option(
                    (
                        "Leave the gap and say why; if you estimate the missing years, label them as your own"
                        " interpolation."
                    ),
                    correct=True,
                    feedback="Yes: readers can then tell published figures from your assumptions.",
                ),
                Option(
                    (
                        "Draw a straight line through the gap: the trend is clear, so the missing points add "
                        "nothing."
                    ),
                    feedback="A line through a gap shows figures nobody published: say so, or leave the gap.",
                ),
                Option(
                    (
                        "Fill the gap with the figures from a blog post that lists every year, even though it"
                        " names no source for them."
                    ),
                    feedback="An unsourced figure cannot be checked; the course leaves such figures out.",
                ),
                Option(
                    (
                        "Start the chart in 2020, where the series is complete, so readers are not confused "
                        "by a gap."
                    ),
                    feedback="Cutting the axis to hide a gap also hides the early, smaller market.",
                ),
            ],
        ),
        Numeric(
            prompt="A like-follower ratio fell from 5.0 % to 3.5 %. By how many percent did it fall?",
            answer=100 * (1 - 3.5 / 5.0),
            rel_tol=0.01,
            unit="%",
            why="(5.0 - 3.5) / 5.0 = 0.30: a fall of 30 %, or 1.5 percentage points.",
            mistakes=[
                Mistake(
                    1.5,
                    "That is the fall in percentage points (5.0 - 3.5); relative to 5.0 it is 30 %.",
                ),
            ],
        ),
    ],
)
