"""Exercises for notebooks/12_research_lab: measure the published finding yourself, then read an export.

Every expected answer is computed lazily from the bundled (synthetic) data or the bundled example export,
so the questions stay right when the data are regenerated. The notebook source is
``tools/notebooks/nb12_research_lab.py``; its setup cell provides ``np``, ``data``, ``finding``,
``creators`` (:func:`helpers.analysis.finding.creator_table`) and ``lifts`` (the creators with a paid-post
performance, column ``lift``).
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd

from helpers.exercises import Mistake, NumericQuestion
from helpers.exercises.quiz import MultipleChoice, Numeric, Option, Quiz
from helpers.exercises.slips import FRACTION_FOR_PERCENT, LOG_SLOPE_FOR_PERCENT_CHANGE, TEN_TO_THE_LOG_SLOPE

_SETUP = """
import numpy as np
from helpers import data
from helpers.analysis import finding
creators = finding.creator_table(data.load_influencers(), data.load_posts())
lifts = creators.dropna(subset=["lift"])
"""


@cache
def _creators() -> pd.DataFrame:
    from helpers import data
    from helpers.analysis import finding

    return finding.creator_table(data.load_influencers(), data.load_posts())


def _er_ratio(statistic: str = "median") -> float:
    c = _creators()
    small = c.loc[c["followers"] < 10_000, "er_pct"].agg(statistic)
    big = c.loc[c["followers"] >= 1_000_000, "er_pct"].agg(statistic)
    return float(small / big)


def _er_difference() -> float:
    c = _creators()
    return float(
        c.loc[c["followers"] < 10_000, "er_pct"].median()
        - c.loc[c["followers"] >= 1_000_000, "er_pct"].median()
    )


#: 12.q2 and 12.q3 measure the notebook's two findings on one platform's creators: the notebook shows
#: them for all platforms, so the exercise asks whether they survive the filter (not for a number on screen).
PLATFORM = "youtube"


def _platform_creators(platform: str | None = PLATFORM) -> pd.DataFrame:
    c = _creators()
    return c if platform is None else c[c["platform"] == platform]


def _slope(log=np.log10, transform=np.log, platform: str | None = PLATFORM) -> float:
    c = _platform_creators(platform)
    return float(np.polyfit(log(c["followers"]), transform(c["er_pct"]), 1)[0])


def _change_per_decade(platform: str | None = PLATFORM) -> float:
    return float(np.expm1(_slope(platform=platform)) * 100)


def _vertex_coefficients(platform: str | None = PLATFORM) -> tuple[float, float]:
    lifts = _platform_creators(platform).dropna(subset=["lift"])
    c2, c1, _ = np.polyfit(np.log10(lifts["followers"]), np.log(lifts["lift"]), 2)
    return float(c2), float(c1)


def _peak_followers(platform: str | None = PLATFORM) -> float:
    c2, c1 = _vertex_coefficients(platform)
    return float(10 ** (-c1 / (2 * c2)))


def _peak_log10() -> float:
    c2, c1 = _vertex_coefficients()
    return float(-c1 / (2 * c2))


@cache
def _example() -> pd.DataFrame:
    from helpers import data
    from helpers.analysis import finding

    return data.read_influencer_export(finding.example_export_path())


#: 12.q4 counts the big accounts only: the notebook prints the notes of every row left out (rows kept,
#: rows without followers, rows without an engagement rate), so the whole-file count is on screen.
Q4_MIN_FOLLOWERS = 100_000


def _analysable(min_followers: float = Q4_MIN_FOLLOWERS, *, need_er: bool = True) -> int:
    from helpers.analysis import finding

    table, _ = finding.export_creators(_example())
    keep = table["followers"] >= min_followers
    if need_er:
        keep &= table["er_pct"] > 0
    return int(keep.sum())


q1 = NumericQuestion(
    id="12.q1",
    title="How much more small accounts engage",
    expected=lambda: _er_ratio("median"),
    rel_tol=1e-3,
    unit="times",
    setup=_SETUP,
    starter=(
        "small = ____  # median er_pct of creators with fewer than 10,000 followers\n"
        "big = ____    # median er_pct of creators with 1,000,000 followers or more\n"
        "answer = small / big"
    ),
    hints=[
        "Compare typical creators of each size: the median engagement rate of the small ones over the "
        "median of the big ones (the median, because a few extreme rates pull a mean).",
        "Keep the creators under 10,000 followers and take the median of `er_pct`; do the same for 1,000,000 "
        "followers and more, then divide small by big.",
    ],
    solution_code=(
        "small = creators.loc[creators['followers'] < 10_000, 'er_pct'].median()\n"
        "big = creators.loc[creators['followers'] >= 1_000_000, 'er_pct'].median()\n"
        "answer = small / big"
    ),
    explanation=(
        "The median engagement rate of creators under 10K followers divided by that of creators with 1M "
        "or more. Medians, not means: a few creators with extreme rates would pull a mean around. The "
        "direction is the published one (HypeAuditor 2018: 16.99 % under 1K down to 2.56 % above 1M "
        "followers); the size of the ratio is a property of the **synthetic** course data, not a fact about "
        "the market."
    ),
    why="Small accounts engage several times more per follower than the biggest ones: the first finding.",
    mistakes=[
        Mistake(
            lambda: 1 / _er_ratio("median"),
            "That is big / small: the question asks how many times **higher** the small accounts are.",
        ),
        Mistake(
            lambda: _er_ratio("mean"),
            "That ratio uses means. The question asks for medians, which a few extreme creators cannot "
            "drag around.",
        ),
        Mistake(
            _er_difference,
            "That is a difference in percentage points; the question asks for a ratio (small / big).",
        ),
    ],
)

q2 = NumericQuestion(
    id="12.q2",
    title="Change in ER per tenfold followers, YouTube creators",
    expected=_change_per_decade,
    rel_tol=1e-3,
    unit="%",
    detect_scale=False,
    setup=_SETUP,
    starter=(
        "youtube = creators[creators['platform'] == 'youtube']  # keep the YouTube creators\n"
        "x = np.log10(youtube['followers'])\n"
        "y = np.log(youtube['er_pct'])\n"
        "coefficients = ____  # a straight-line fit of y on x: np.polyfit(x, y, 1)\n"
        "slope = coefficients[0]\n"
        "answer = ____  # percent change of the fitted ER per tenfold followers (negative if it falls)"
    ),
    hints=[
        "The fit is a straight line through ln(ER) against log10(followers): its slope is the change in "
        "ln(ER) for one step of x, and one step of x is ten times the followers.",
        "A change of `slope` in ln(ER) multiplies ER by e^slope; a percent change is (e^slope - 1) x 100. "
        "`np.polyfit(x, y, 1)` returns the slope first.",
    ],
    solution_code=(
        "youtube = creators[creators['platform'] == 'youtube']\n"
        "x = np.log10(youtube['followers'])\n"
        "y = np.log(youtube['er_pct'])\n"
        "coefficients = np.polyfit(x, y, 1)\n"
        "slope = coefficients[0]\n"
        "answer = (np.exp(slope) - 1) * 100"
    ),
    explanation=(
        "ln(ER) = intercept + slope × log10(followers), so every tenfold increase in followers multiplies "
        "the fitted ER by e^slope; (e^slope − 1) × 100 is the percent change. `finding.fit_log_followers` "
        "does the same fit and adds a bootstrap interval. The notebook's figure gives the fit for all "
        "platforms; on YouTube alone the fall is of the same size, so the finding is not an artefact of "
        "mixing platforms."
    ),
    why="The finding survives the filter: on YouTube too, each tenfold increase in followers comes with a "
    "markedly lower engagement rate, in these data.",
    mistakes=[
        Mistake(
            lambda: _change_per_decade(None),
            "That is the fit over every platform, the number in the notebook's figure. This question keeps "
            "only the YouTube creators: filter first, then fit.",
            name="all platforms instead of the filter",
        ),
        Mistake(
            lambda: _slope() * 100,
            "That is the slope × 100 (change in ln ER). Turn it into a percent change of ER itself: "
            "`(np.exp(slope) - 1) * 100`.",
        ),
        Mistake(
            lambda: float(np.expm1(_slope(log=np.log)) * 100),
            "You used `np.log(followers)`: that slope is per e-fold (×2.7) followers, not per tenfold. Use "
            "`np.log10` for x.",
        ),
        Mistake(
            lambda: _slope(transform=lambda v: v),
            "You fitted ER itself, not its logarithm: that slope is percentage points per tenfold, and a "
            "straight line in ER would even go negative for big accounts. Fit `np.log(er_pct)`.",
        ),
    ],
    slips=[LOG_SLOPE_FOR_PERCENT_CHANGE, FRACTION_FOR_PERCENT, TEN_TO_THE_LOG_SLOPE],
)

q3 = NumericQuestion(
    id="12.q3",
    title="Where paid-post performance peaks, YouTube creators",
    expected=_peak_followers,
    rel_tol=1e-2,
    unit="followers",
    detect_scale=False,
    setup=_SETUP,
    starter=(
        "yt = lifts[lifts['platform'] == 'youtube']  # YouTube creators with a paid-post performance\n"
        "c2, c1, c0 = np.polyfit(np.log10(yt['followers']), np.log(yt['lift']), 2)\n"
        "vertex = ____  # the x of the parabola's highest point, in log10 followers\n"
        "answer = ____  # the same point in followers"
    ),
    hints=[
        "A parabola c2·x² + c1·x + c0 turns where its slope, 2·c2·x + c1, is 0: solve that for x.",
        "The x you found is in log10(followers), the axis of the fit; turn it back into followers (the "
        "inverse of log10).",
    ],
    solution_code=(
        "yt = lifts[lifts['platform'] == 'youtube']\n"
        "c2, c1, c0 = np.polyfit(np.log10(yt['followers']), np.log(yt['lift']), 2)\n"
        "vertex = -c1 / (2 * c2)\n"
        "answer = 10 ** vertex"
    ),
    explanation=(
        "The vertex of the quadratic fit, −c1 / (2 c2), is in log10 followers; 10 ** vertex turns it into "
        "followers. c2 < 0 makes it a peak (an inverted U). Fitting `lift` instead of `np.log(lift)` gives "
        "almost the same peak here. The point estimate alone says nothing about its uncertainty: the "
        "notebook's bootstrap interval does."
    ),
    why="Sponsored posts engage best, relative to organic ones, for mid-sized accounts in these data - on "
    "YouTube too, though its peak sits lower than the all-platform one.",
    mistakes=[
        Mistake(
            lambda: _peak_followers(None),
            "That is the peak over every platform, the one the notebook's figure shows. This question keeps "
            "only the YouTube creators (`yt`).",
            name="all platforms instead of the filter",
        ),
        Mistake(
            _peak_log10,
            "That is the vertex in log10 followers (the x axis of the fit). Turn it into followers: "
            "`10 ** vertex`.",
        ),
        Mistake(
            lambda: float(10 ** (-_vertex_coefficients()[1] / _vertex_coefficients()[0])),
            "The vertex is −c1 / (**2** × c2): you left out the 2.",
        ),
        Mistake(
            lambda: float(10 ** (_vertex_coefficients()[1] / (2 * _vertex_coefficients()[0]))),
            "Check the sign: the vertex is **−**c1 / (2 × c2).",
        ),
    ],
)

q4 = NumericQuestion(
    id="12.q4",
    title="Big creators of the example export the analysis can use",
    expected=_analysable,
    abs_tol=0,
    rel_tol=0,
    unit="creators",
    detect_scale=False,
    setup=_SETUP,
    starter=(
        "df = data.read_influencer_export(finding.example_export_path())\n"
        "table, notes = finding.export_creators(df)\n"
        "answer = ____  # creators with 100,000+ followers AND an engagement rate above 0"
    ),
    hints=[
        "`finding.export_creators` already left out the rows without a usable follower count: read `notes`.",
        "Count the rows of `table` that meet both conditions at once - 100,000 followers or more, and an "
        "`er_pct` above 0 (a missing value is not above 0): combine the two True/False tests with `&`.",
    ],
    solution_code=(
        "df = data.read_influencer_export(finding.example_export_path())\n"
        "table, notes = finding.export_creators(df)\n"
        "answer = int(((table['followers'] >= 100_000) & (table['er_pct'] > 0)).sum())"
    ),
    explanation=(
        "The report in `df.attrs['report']` (printed by `data.describe_report(df)`) says what the reader "
        "kept and dropped: the footer line is dropped, an unreadable follower count becomes missing, and "
        "`NaN%` engagement rates become missing. Only rows with both numbers can enter the engagement-rate "
        "analysis: always count what your analysis actually uses and say so."
    ),
    why="Rows read, rows kept and rows analysed are three different numbers: report all three.",
    mistakes=[
        Mistake(
            lambda: _analysable(need_er=False),
            "Those creators have 100,000+ followers, but not all of them have an engagement rate (`NaN%`): "
            "keep `er_pct > 0` too.",
        ),
        Mistake(
            lambda: _analysable(0),
            "That counts every size of account. The question asks about creators with 100,000+ followers.",
        ),
        Mistake(
            lambda: len(_example()),
            "That is every row the reader kept, of every size, including the one without a usable follower "
            "count and the ones with `NaN%`.",
        ),
    ],
)

quiz = Quiz(
    id="12.quiz",
    title="Reading a finding honestly",
    questions=[
        MultipleChoice(
            prompt=(
                "A 'Top 200 Instagram influencers' list shows almost no link between followers and "
                "engagement rate. What can you conclude?"
            ),
            options=[
                Option(
                    ("The published finding is wrong: engagement rate does not fall as followers grow."),
                    feedback=(
                        "A list of the 200 biggest accounts covers only the top of the range, where the "
                        "published curve is already nearly flat; it cannot test the rest."
                    ),
                ),
                Option(
                    ("Little: the list was chosen by followers, so it holds only the biggest accounts."),
                    correct=True,
                    feedback=(
                        "Yes. Selecting on followers restricts the range to a decade or two at the top; a top"
                        " list is not a sample of creators and cannot show how smaller ones behave."
                    ),
                ),
                Option(
                    (
                        "Big accounts engage as much as small ones, so paying for size costs nothing in "
                        "engagement."
                    ),
                    feedback=("The list has no small accounts, so it cannot compare them with big ones."),
                ),
                Option(
                    (
                        "Not much, because 200 accounts is too small a sample; a list of 2,000 would settle "
                        "it."
                    ),
                    feedback=(
                        "The problem is how they were chosen, not how many: 2,000 accounts picked by follower"
                        " count would still cover only the top of the range."
                    ),
                ),
            ],
        ),
        MultipleChoice(
            prompt=(
                "In observational data, creators with more followers have lower engagement rates. If "
                "one creator doubles their followers, will their engagement rate fall?"
            ),
            options=[
                Option(
                    ("Yes, by the fitted percentage per tenfold followers: that is what the fit predicts."),
                    feedback=(
                        "The fit describes differences between creators; reading it as the effect of growing "
                        "is a causal claim the data cannot support."
                    ),
                ),
                Option(
                    (
                        "Yes: the link is strong, and a link that strong shows that gaining followers lowers "
                        "engagement."
                    ),
                    feedback=(
                        "Strength is not causation: even a tight link across creators compares different "
                        "creators, who also differ in audience, fakes and content."
                    ),
                ),
                Option(
                    (
                        "Not necessarily: the data compare different creators, who differ in more than size; "
                        "they do not follow one creator as they grow."
                    ),
                    correct=True,
                    feedback=(
                        "Right: a comparison across creators is not an experiment on one creator. In the "
                        "course data, part of the fall comes from fake followers, which grow with size."
                    ),
                ),
                Option(
                    ("No: a creator's engagement rate is set by their content, so growing cannot change it."),
                    feedback=(
                        "Nothing in the data shows that either: a comparison across creators cannot tell what"
                        " happens to one creator as they grow, in either direction."
                    ),
                ),
            ],
        ),
        MultipleChoice(
            prompt=(
                "A report says 'mid-tier creators give the best sponsored engagement'. What do you ask first?"
            ),
            options=[
                Option(
                    ("Which tier scheme: 'mid' means 50K-500K for Mediakix but 20K-100K for HypeAuditor."),
                    correct=True,
                    feedback=(
                        "Yes: the same creators fall into different tiers under different schemes (Later x "
                        "Fohr's mid is 100K-500K), so 'the best tier' can change with the cut-offs."
                    ),
                ),
                Option(
                    (
                        "How many posts each creator made, since a few posts per creator make any ranking "
                        "shaky."
                    ),
                    feedback=("Useful, but the tier label itself is undefined until you know the cut-offs."),
                ),
                Option(
                    (
                        "Nothing: mid-tier is a standard industry label, so the finding can be used as it "
                        "stands."
                    ),
                    feedback=(
                        "It is not: Mediakix, Later x Fohr and HypeAuditor draw the lines differently."
                    ),
                ),
            ],
        ),
        MultipleChoice(
            prompt=(
                "Your quadratic fit peaks at 40K followers, and the 95% bootstrap interval of the "
                "peak is 30K-60K. What does the interval tell you?"
            ),
            options=[
                Option(
                    ("That 95% of the creators in the data have between 30K and 60K followers."),
                    feedback=("The interval is about the estimated peak, not about where creators are."),
                ),
                Option(
                    (
                        "That any creator with 30K to 60K followers will get above-average sponsored "
                        "engagement."
                    ),
                    feedback=(
                        "The fit describes a typical pattern across creators; individual creators vary widely"
                        " around it."
                    ),
                ),
                Option(
                    (
                        "That follower count causes the peak: an interval this narrow shows the effect is "
                        "real, not just a pattern."
                    ),
                    feedback=(
                        "A bootstrap interval shows how much the estimate moves when the sample changes; it "
                        "says nothing about cause, because the data stay observational."
                    ),
                ),
                Option(
                    (
                        "Refitting on resampled creators puts the peak between about 30K and 60K in 95% of "
                        "the refits."
                    ),
                    correct=True,
                    feedback=(
                        "Yes: the peak's location is uncertain within that range - the interval measures how "
                        "much the estimate moves when the sample changes. It does not make the data less "
                        "observational."
                    ),
                ),
            ],
        ),
        Numeric(
            prompt=(
                "A straight-line fit of ln(ER) on log10(followers) has slope −0.3. By what percent does "
                "the fitted engagement rate change per tenfold followers?"
            ),
            answer=float(np.expm1(-0.3) * 100),
            abs_tol=0.2,
            rel_tol=0.0,
            unit="%",
            why=(
                "e^−0.3 ≈ 0.74: each tenfold increase in followers multiplies ER by 0.74, a change of "
                "about −26 %."
            ),
            mistakes=[
                Mistake(-30, "−0.3 is the change in ln ER, not in ER: compute (e^−0.3 − 1) × 100."),
                Mistake(
                    -0.3, "That is the slope itself; turn it into a percent change: (e^slope − 1) × 100."
                ),
            ],
            slips=[TEN_TO_THE_LOG_SLOPE],
        ),
    ],
)
