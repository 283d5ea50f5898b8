"""Exercises for notebooks/10_attribution_incrementality_and_fraud: attribution, incrementality (a
holdout against promo codes), fake followers and disclosure, each with feedback for the classic slips.

10.q1, 10.q3 and 10.q4 use the numbers in the notebook's task text; 10.q2 and 10.q5 use the bundled
(synthetic) tables, so their answers are computed here, lazily, from the data; so do 10.q6 and 10.q7
(the follower audit), graded against the truth the generator planted.
"""

from __future__ import annotations

from helpers.exercises import ChoiceQuestion, Mistake, NumericQuestion
from helpers.exercises.quiz import MultipleChoice, Option, Quiz

_STARTER = "answer = ____  # replace ____ with a number"
_PERCENT = "answer = ____  # a percentage: 2.5 for 2.5%"

_DATA_SETUP = """
from helpers import data
regions = data.load_region_sales()
posts = data.load_posts()
"""

# A holdout by hand (10.q1): weekly orders per 1,000 people, exposed vs held-out regions
_EXPOSED_RATE, _HELD_RATE, _EXPOSED_THOUSANDS, _WEEKS = 2.46, 2.10, 9_500, 6
_CODE_ORDERS = 14_800

q1 = NumericQuestion(
    id="10.q1",
    title="Incremental orders from a holdout",
    expected=(_EXPOSED_RATE - _HELD_RATE) * _EXPOSED_THOUSANDS * _WEEKS,  # 0.36 x 9,500 x 6 = 20,520
    rel_tol=2e-3,
    starter="answer = ____  # incremental orders, a count",
    hints=[
        "The held-out regions show what the exposed ones would have ordered without the creators: the "
        "campaign's share is the difference of the two rates.",
        "The rates are per 1,000 people per week: multiply the difference by the exposed regions' people "
        "in thousands and by the number of weeks.",
    ],
    solution_code="answer = (2.46 - 2.10) * 9_500 * 6",
    explanation=(
        "Without the campaign the exposed regions would have ordered like the held-out ones, 2.10 per 1,000 "
        "people a week, so the campaign added 2.46 - 2.10 = 0.36 orders per 1,000 people a week. Over 9.5 "
        "million people (9,500 thousands) and 6 weeks: 0.36 x 9,500 x 6 = **20,520 incremental orders**. "
        "The 14,800 code uses are a different count: they miss buyers who never typed the code and include "
        "leaked codes."
    ),
    why="0.36 more orders per 1,000 people a week x 9,500 thousand people x 6 weeks = 20,520 orders.",
    mistakes=[
        Mistake(
            (_EXPOSED_RATE - _HELD_RATE) * _EXPOSED_THOUSANDS,
            "That is one week. The rates are per week and the campaign ran 6: multiply by 6 too.",
        ),
        Mistake(
            _EXPOSED_RATE * _EXPOSED_THOUSANDS * _WEEKS,
            "That is every order in the exposed regions, with or without the campaign. Subtract what the "
            "held-out regions show they would have ordered anyway (2.10 per 1,000 a week).",
        ),
        Mistake(
            (_EXPOSED_RATE - _HELD_RATE) * _EXPOSED_THOUSANDS * 1000 * _WEEKS,
            "The rates are per 1,000 people and 9.5 million people are 9,500 thousands: multiply by 9,500, "
            "not by 9,500,000.",
        ),
        Mistake(
            _CODE_ORDERS,
            "That is the promo-code count. Codes miss buyers who never type them and count leaked codes: "
            "compute what the holdout says instead.",
        ),
        Mistake(
            (_EXPOSED_RATE / _HELD_RATE - 1) * 100,
            "That is the increase in percent. The question asks for a number of orders: the difference "
            "in rates times the people (in thousands) and the weeks.",
        ),
    ],
)


def _regions():
    from helpers import data

    return data.load_region_sales()


def _held_out_code_share() -> float:
    regions = _regions()
    held = regions[regions["held_out"]]
    return float(held["code_orders"].sum() / held["orders"].sum() * 100)


q2 = NumericQuestion(
    id="10.q2",
    title="Promo codes where no creator posted",
    expected=_held_out_code_share,
    unit="%",
    rel_tol=1e-3,
    setup=_DATA_SETUP,
    starter=_PERCENT,
    hints=[
        "Keep the rows of the held-out regions (`held_out` is True): no creator posted there, so every "
        "code used there came from somewhere else.",
        "Add up their `code_orders` and their `orders`, divide, and multiply by 100.",
    ],
    solution_code=(
        "held = regions[regions['held_out']]\nanswer = held['code_orders'].sum() / held['orders'].sum() * 100"
    ),
    explanation=(
        "In the held-out regions nobody saw a creator's post, yet some orders used a creator's code: "
        "`held['code_orders'].sum() / held['orders'].sum() * 100` of them. Those codes leaked (coupon "
        "sites, group chats), and the same share of ordinary buyers in the exposed regions used them too: "
        "promo-code attribution counts them as if the creators had brought them. (Synthetic data.)"
    ),
    why="Code orders / orders in the held-out regions x 100: the leaked-code rate no creator caused.",
    mistakes=[
        Mistake(
            lambda: _held_out_code_share() / 100,
            "That is the right share as a fraction; the question asks for a percentage: multiply by 100.",
        ),
        Mistake(
            lambda: float(_regions()["code_orders"].sum() / _regions()["orders"].sum() * 100),
            "You used every region. Keep only the held-out ones (`held_out` True): there no creator posted, "
            "so their code orders are all leaks.",
        ),
        Mistake(
            lambda: float(
                _regions().loc[~_regions()["held_out"], "code_orders"].sum()
                / _regions().loc[~_regions()["held_out"], "orders"].sum()
                * 100
            ),
            "Those are the exposed regions, where the creators posted. The question asks about the held-out "
            "regions: filter on `held_out` being True.",
        ),
        Mistake(
            lambda: float(_regions().loc[_regions()["held_out"], "code_orders"].sum()),
            "That is the number of code orders. Divide it by the held-out regions' orders, then multiply "
            "by 100.",
        ),
    ],
)

#: The four answers of 10.q3, as the notebook's task text shows them.
HOLDOUT_OPTIONS: dict[str, str] = {
    "A": "Report 15,000: each code use is a recorded sale, and the holdout is only an estimate.",
    "B": "Report about 9,000 (4,000-14,000): the code count includes leaked codes.",
    "C": "Report 10,000: the average of the two, since each method has its own weakness.",
    "D": "Report nothing yet: an interval that wide suggests the campaign's effect may be zero.",
}


q3 = ChoiceQuestion(
    id="10.q3",
    title="Codes or holdout?",
    expected="B",
    choices=("A", "B", "C", "D"),
    starter='verdict = ____  # "A", "B", "C" or "D"',
    var="verdict",
    hints=[
        "Ask what each number counts: the code uses include people who found the code on a coupon site "
        "and would have bought anyway.",
        "A holdout compares random groups, so it estimates what the campaign caused; its interval says how "
        "sure it is. An interval that excludes 0 is evidence of an effect.",
    ],
    solution_code='verdict = "B"',
    explanation=(
        "The holdout compares regions that differ only by chance and by the campaign, so it estimates the "
        "incremental orders: about 9,000, 95 % interval 4,000-14,000. The 15,000 code uses include leaked "
        "codes (the code was on a coupon site) used by buyers who would have bought anyway. Averaging a "
        "biased count with an unbiased estimate keeps half the bias; and an interval that stays above 0 is "
        "evidence that the campaign did cause orders."
    ),
    why="The holdout estimates what the campaign caused; the code count also holds leaked codes.",
    mistakes=[
        Mistake(
            "A",
            "A code use is a recorded sale, but not one the campaign caused: the code was on a coupon site, "
            "and people who would have bought anyway used it. The holdout estimates caused orders.",
            name="attribution for incrementality",
        ),
        Mistake(
            "C",
            "Averaging a biased count with an unbiased estimate keeps half of the bias. Report the holdout "
            "and say why the code count is higher.",
            name="average of methods",
        ),
        Mistake(
            "D",
            "The interval runs from 4,000 to 14,000: all of it above 0. That is evidence the campaign caused "
            "orders; the width says how precisely, not whether.",
            name="wide interval as no effect",
        ),
    ],
)

q4 = NumericQuestion(
    id="10.q4",
    title="Engagement rate after buying fake followers",
    expected=(700 + 100) / (20_000 + 10_000) * 100,  # 2.667 %
    unit="%",
    rel_tol=2e-3,
    starter=_PERCENT,
    hints=[
        "Fake followers never like or comment: the engagements per post stay at 700 + 100.",
        "The follower count grows to 20,000 + 10,000: ER = 800 / 30,000 × 100.",
    ],
    solution_code="answer = (700 + 100) / (20_000 + 10_000) * 100",
    explanation=(
        "The engagements stay at 800 per post while the followers grow to 30,000, so the engagement rate "
        "by followers falls from 4.0 % to 800 / 30,000 × 100 ≈ **2.67 %**. The share of real followers "
        "falls from 80 % to 16,000 / 30,000 ≈ 53 %, under the 75 % that Modash treats as a fraud signal."
    ),
    why="800 / 30,000 × 100 ≈ 2.67 %: more followers, the same engagement, a lower rate.",
    mistakes=[
        Mistake(
            (700 + 100) / 20_000 * 100,
            "That is the rate before the purchase. The fakes join the follower count (the denominator) "
            "but add no likes or comments.",
        ),
        Mistake(
            (700 + 100) / (20_000 * 0.8) * 100,
            "That is the rate on the real followers (16,000), which the purchase does not change. The "
            "question asks the public rate by followers, fakes included.",
        ),
        Mistake(
            (700 + 100) / 10_000 * 100,
            "You divided by the fake followers only: divide by all followers after the purchase (30,000).",
        ),
        Mistake(
            (700 + 100) / 30_000,
            "That is the right ratio as a fraction; the question asks for a percentage: multiply by 100.",
        ),
    ],
)


def _posts():
    from helpers import data

    return data.load_posts()


def _disclosed_pct() -> float:
    posts = _posts()
    return float(posts.loc[posts["sponsored"], "disclosed"].mean() * 100)


q5 = NumericQuestion(
    id="10.q5",
    title="Share of sponsored posts disclosed",
    expected=_disclosed_pct,
    unit="%",
    rel_tol=1e-3,
    setup=_DATA_SETUP,
    starter=_PERCENT,
    hints=[
        "Only sponsored posts can (and must) carry a disclosure: keep them with `posts[posts['sponsored']]`.",
        "Then take the mean of the `disclosed` column (True counts as 1) and multiply by 100.",
    ],
    solution_code="answer = posts.loc[posts['sponsored'], 'disclosed'].mean() * 100",
    explanation=(
        "Among sponsored posts, the share with a clear disclosure is `posts.loc[posts['sponsored'], "
        "'disclosed'].mean() * 100`. Dividing by all posts would count organic posts, which have nothing "
        "to disclose, and make compliance look even worse. (Synthetic data, built to mimic incomplete "
        "disclosure: IMH reported in 2020 that only 14 % of influencers were fully compliant.)"
    ),
    why="Disclosed sponsored posts / sponsored posts × 100.",
    mistakes=[
        Mistake(
            lambda: float(_posts()["disclosed"].mean() * 100),
            "You divided by every post, organic ones included. Organic posts have nothing to disclose: "
            "divide by the sponsored posts only.",
        ),
        Mistake(
            lambda: _disclosed_pct() / 100,
            "That is the right share as a fraction; the question asks for a percentage: multiply by 100.",
        ),
        Mistake(
            lambda: float(_posts()["sponsored"].mean() * 100),
            "That is the share of posts that are sponsored. The question asks how many sponsored posts "
            "carry a disclosure.",
        ),
    ],
)


# --- follower audit (10.q6, 10.q7; follower-audit work, issue 17 item 2) ---------------------------
_AUDIT_SETUP = """
from helpers import data
from helpers.analysis import audit
influencers = data.load_influencers()
posts = data.load_posts()
sample = data.load_follower_sample()
scores = audit.growth_scores(data.load_follower_growth(), posts)
truth = audit.planted_truth(influencers, posts)
"""


def _audit_sample_truth():
    """The follower sample, and whether each sampled account is fake (in the sample's row order)."""
    from helpers import data
    from helpers.analysis import audit

    sample = data.load_follower_sample()
    truth = audit.planted_truth(data.load_influencers(), data.load_posts())
    return sample, truth.fake.reindex(sample["follower_id"]).to_numpy()


def _real_accused(signals_needed: int) -> int:
    """Real sampled accounts flagged by the rule "at least ``signals_needed`` signals"."""
    from helpers.analysis import audit

    sample, fake = _audit_sample_truth()
    flags = audit.flag_followers(sample, signals_needed=signals_needed).to_numpy()
    return int((flags & ~fake).sum())


def _follower_counts(signals_needed: int = 4) -> dict[str, int]:
    from helpers.analysis import audit

    sample, fake = _audit_sample_truth()
    flags = audit.flag_followers(sample, signals_needed=signals_needed).to_numpy()
    return {
        "flagged": int(flags.sum()),
        "caught": int((flags & fake).sum()),
        "missed": int((~flags & fake).sum()),
    }


q6 = NumericQuestion(
    id="10.q6",
    title="Real accounts a strict follower rule calls fake",
    expected=lambda: _real_accused(4),
    abs_tol=0,
    setup=_AUDIT_SETUP,
    starter=(
        "flags = ____  # True for each sampled account with at least 4 of the 7 signals\n"
        "answer = ____  # how many of the flagged accounts are real? (a count)"
    ),
    hints=[
        "`audit.flag_followers(sample, signals_needed=4)` is True for every account with 4 signals or more.",
        "The truth is `truth.fake`, indexed by `follower_id`: line it up with "
        "`truth.fake.reindex(sample['follower_id']).to_numpy()`, then count the flagged accounts that are "
        "not fake.",
    ],
    solution_code=(
        "flags = audit.flag_followers(sample, signals_needed=4).to_numpy()\n"
        "fake = truth.fake.reindex(sample['follower_id']).to_numpy()\n"
        "answer = int((flags & ~fake).sum())"
    ),
    explanation=(
        "Flag the accounts with at least 4 signals, then count those the generator made real: "
        "`(flags & ~fake).sum()`. Even this strict rule calls some real people fake - people who rarely "
        "post, have no picture and left their bio empty look like bulk-made accounts. (Synthetic data: "
        "the truth is planted by the generator; a real audit never has it.)"
    ),
    why="Flagged and not fake: the real people a strict rule still accuses.",
    mistakes=[
        Mistake(
            lambda: _follower_counts()["flagged"],
            "That is every flagged account. The question asks how many of them are real (not fake).",
            name="all flagged",
        ),
        Mistake(
            lambda: _follower_counts()["caught"],
            "That is the fakes the rule caught. Count the flagged accounts that are *not* fake.",
            name="fakes caught",
        ),
        Mistake(
            lambda: _follower_counts()["missed"],
            "That is the fakes the rule missed (fake, not flagged). Count the flagged real accounts.",
            name="fakes missed",
        ),
        Mistake(
            lambda: _real_accused(3),
            "That is the rule with at least 3 signals (the lab's default); this one needs at least 4.",
            name="3 signals",
        ),
        Mistake(
            lambda: _real_accused(5),
            "That is the rule with 5 signals or more: 'at least 4' includes accounts with exactly 4 (>= 4).",
            name="more than 4",
        ),
    ],
)


def _growth_truth():
    from helpers import data
    from helpers.analysis import audit

    posts = data.load_posts()
    scores = audit.growth_scores(data.load_follower_growth(), posts)
    return scores, audit.planted_truth(data.load_influencers(), posts).bought


def _creators_flagged(threshold: float, excuse: bool = True) -> dict[str, int]:
    from helpers.analysis import audit

    scores, bought = _growth_truth()
    s = audit.score_flags(audit.creator_flags(scores, threshold, excuse_strong_posts=excuse), bought)
    return {"flagged": s.flagged, "caught": s.caught, "accused": s.accused}


q7 = NumericQuestion(
    id="10.q7",
    title="Honest creators a growth rule accuses",
    expected=lambda: _creators_flagged(20)["accused"],
    abs_tol=0,
    setup=_AUDIT_SETUP,
    starter=(
        "flags = ____  # True for each creator flagged at a threshold of 20\n"
        "answer = ____  # how many flagged creators bought no followers in these 180 days? (a count)"
    ),
    hints=[
        "`audit.creator_flags(scores, 20)` flags a creator when a day scores 20 or more; days right after "
        "a strong post are excused by default.",
        "`truth.bought` is True for the creators who bought followers in these days: count the flagged "
        "creators for whom it is False.",
    ],
    solution_code=(
        "flags = audit.creator_flags(scores, 20)\n"
        "answer = int((flags & ~truth.bought.reindex(flags.index)).sum())"
    ),
    explanation=(
        "`audit.score_flags(flags, truth.bought).accused` gives the same count: creators flagged although "
        "they bought nothing. Most had a jump no post of their own explains - another account's shout-out. "
        "A flag tells you where to look; the reason for the jump is what you then check. (Synthetic data.)"
    ),
    why="Flagged and not a buyer: the honest creators the rule accuses.",
    mistakes=[
        Mistake(
            lambda: _creators_flagged(20, excuse=False)["accused"],
            "That counts the days right after a strong post too. Keep `audit.creator_flags`' default, which "
            "excuses them (`excuse_strong_posts=True`).",
            name="no excuse",
        ),
        Mistake(
            lambda: _creators_flagged(20)["flagged"],
            "That is every flagged creator. The question asks how many of them bought nothing.",
            name="all flagged",
        ),
        Mistake(
            lambda: _creators_flagged(20)["caught"],
            "That is the buyers the rule caught. Count the flagged creators who did *not* buy.",
            name="buyers caught",
        ),
        Mistake(
            lambda: _creators_flagged(30)["accused"],
            "That is the strict rule shown in the notebook (30). This exercise uses a threshold of 20.",
            name="threshold 30",
        ),
    ],
)


quiz = Quiz(
    id="10.quiz",
    title="Attribution, incrementality and fraud",
    questions=[
        MultipleChoice(
            prompt="Which statement about promo codes and tracked links is true?",
            options=[
                Option(
                    (
                        "A tracked link records every sale the creator caused, so the link's sales are the "
                        "campaign's whole total."
                    ),
                    feedback=(
                        "No: people who saw the post but bought later, on another device or in a shop, leave "
                        "no click. Attributed sales are a floor, not the total."
                    ),
                ),
                Option(
                    (
                        "Adding up code uses and link conversions gives the total number of sales the "
                        "campaign drove."
                    ),
                    feedback=(
                        "No: a buyer who clicked the link and also typed the code would count twice. "
                        "Deduplicate first (in the course data, code uses are already part of conversions)."
                    ),
                ),
                Option(
                    ("Promo codes are useless as evidence, because anyone can share them on coupon sites."),
                    feedback=(
                        "No: they are imperfect, not useless. They capture buyers a link misses; just read "
                        "them knowing that some uses leaked."
                    ),
                ),
                Option(
                    (
                        "Codes catch buyers who never clicked, but leaked codes also catch buyers the creator"
                        " never reached."
                    ),
                    correct=True,
                    feedback=(
                        "Yes. Each channel misses something: links lose people who switch device or buy "
                        "later, codes get shared beyond the audience. Use both, count each sale once."
                    ),
                ),
            ],
        ),
        MultipleChoice(
            prompt="A brand's sales rose 20 % during a creator campaign. What does that tell you about the "
            "sales the campaign caused?",
            options=[
                Option(
                    (
                        "That the campaign caused the 20 %: the extra sales came while the creators were "
                        "posting."
                    ),
                    feedback=(
                        "No: sales move for other reasons too - a season, a price cut, other ads. Timing "
                        "alone cannot separate them from the campaign."
                    ),
                ),
                Option(
                    "That it caused more than 20 %, because promo codes miss the buyers who never type them.",
                    feedback=(
                        "No: missed codes are a reason attribution under-counts, but the 20 % is not an "
                        "attribution count; it may include sales the campaign never touched."
                    ),
                ),
                Option(
                    "Nothing at all: what a creator campaign causes cannot be measured, only guessed at.",
                    feedback=(
                        "No: it can be measured with an experiment - hold out random regions or audiences "
                        "before the campaign and compare."
                    ),
                ),
                Option(
                    "Little on its own: regions held out at random would show what sales did without it.",
                    correct=True,
                    feedback=(
                        "Yes. Sales can rise anyway; a random holdout shows what would have happened "
                        "without the campaign, and the difference is what it caused."
                    ),
                ),
            ],
        ),
        MultipleChoice(
            prompt="A creator buys 20,000 fake followers. Which number does NOT change?",
            options=[
                Option(
                    "Engagement rate by followers.",
                    feedback=("No: the denominator grows and the engagements do not, so the rate falls."),
                ),
                Option(
                    "The share of real followers (audience authenticity).",
                    feedback=("No: the real followers stay put while the total grows, so the share falls."),
                ),
                Option(
                    "Likes and comments per post.",
                    correct=True,
                    feedback=(
                        "Yes: bought followers are inactive accounts, so engagements stay put while the "
                        "follower count grows. That is why the engagement rate falls."
                    ),
                ),
                Option(
                    "The follower tier the creator is counted in.",
                    feedback=(
                        "It may change: 20,000 more followers can push an account over a tier boundary (and "
                        "up the rate card)."
                    ),
                ),
            ],
        ),
        MultipleChoice(
            prompt=("Which disclosure meets the FTC's 'clear and conspicuous' standard for a paid post?"),
            options=[
                Option(
                    (
                        "'#ad' or a 'Paid partnership' label at the start of the caption, visible without "
                        "tapping 'more'."
                    ),
                    correct=True,
                    feedback=(
                        "Yes: the FTC asks for a disclosure people will notice and understand, placed with "
                        "the endorsement, not hidden behind a click (FTC, Disclosures 101, 2019)."
                    ),
                ),
                Option(
                    ("'#sp' or '#collab' at the end of the caption, among the post's other hashtags."),
                    feedback="No: a cryptic tag buried in hashtags is neither clear nor conspicuous.",
                ),
                Option(
                    ("A line in the profile bio: 'I work with brands I love - some posts are sponsored'."),
                    feedback="No: it must sit with each endorsement, not on a page few people open.",
                ),
                Option(
                    ("No disclosure, because the product was a free gift and no money changed hands."),
                    feedback=(
                        "No: free products are a material connection under the FTC's Endorsement Guides; they"
                        " must be disclosed too."
                    ),
                ),
                Option(
                    (
                        "'Thanks @brand for sending me this!' at the start of the caption, which makes the "
                        "tie plain to followers."
                    ),
                    feedback=(
                        "No: this post was paid for, and a thank-you for a gift does not say so. The FTC "
                        "accepts plain words that describe the tie truly ('Thanks to Acme brand for the free "
                        "product' fits a gift) but not a stand-alone 'thanks'; for payment say 'ad' or use "
                        "the platform's paid-partnership label."
                    ),
                ),
            ],
        ),
    ],
)
