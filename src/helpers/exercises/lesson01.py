"""Exercises for notebooks/01_what_is_influencer_marketing.

Tier counts under two published schemes, the share of creators whose tier depends on the scheme, the
share of sponsored posts made by accounts under 100K followers (set beside HYPR's published 63 %),
and which scheme calls a 75K-follower creator "micro". Expected answers are computed from the bundled
(synthetic) data when checked, so they follow the data if it is regenerated.
"""

from __future__ import annotations

from helpers.exercises import ChoiceQuestion, Mistake, NumericQuestion
from helpers.exercises.quiz import MultipleChoice, Numeric, Option, Quiz

_SETUP = """
from helpers import data, metrics
influencers = data.load_influencers()
posts = data.load_posts()
benchmarks = data.load_benchmarks()
"""


def _tier_count(scheme: str, tier: str = "micro") -> int:
    from helpers import data, metrics

    return int(metrics.tier_counts(data.load_influencers()["followers"], scheme)[tier])


def _changed_pct(scheme_a: str = "mediakix", scheme_b: str = "hypeauditor") -> float:
    from helpers import data, metrics

    followers = data.load_influencers()["followers"]
    a = metrics.assign_tier(followers, scheme_a).astype(str)
    b = metrics.assign_tier(followers, scheme_b).astype(str)
    return float((a != b).mean() * 100)


def _changed_count() -> int:
    from helpers import data

    return round(_changed_pct() / 100 * len(data.load_influencers()))


def _sponsored_under_100k(platform: str | None = "instagram", disclosed_only: bool = True) -> float:
    from helpers import data
    from helpers.analysis import creators

    share = creators.sponsored_posts_by_size(
        data.load_posts(), data.load_influencers(), platform=platform, disclosed_only=disclosed_only
    )
    return float(share["under 100K"])


def _creators_under_100k() -> float:
    from helpers import data
    from helpers.analysis import creators

    return float(creators.size_split(data.load_influencers(), "instagram")["under 100K"])


q1 = NumericQuestion(
    id="01.q1",
    title="Micro creators under Later x Fohr",
    expected=lambda: _tier_count("later_fohr"),
    abs_tol=0,
    setup=_SETUP,
    starter="n_micro = ____  # how many creators are 'micro' under the Later x Fohr (2021) scheme?",
    var="n_micro",
    hints=[
        "`metrics.assign_tier(influencers['followers'], 'later_fohr')` gives every creator's tier label "
        "under Later x Fohr.",
        "Compare the labels with `'micro'` and add up the `True` values: "
        "`(metrics.assign_tier(influencers['followers'], 'later_fohr') == 'micro').sum()`. "
        "`metrics.tier_counts(influencers['followers'], 'later_fohr')` gives every tier at once.",
    ],
    solution_code=(
        'labels = metrics.assign_tier(influencers["followers"], "later_fohr")\n'
        'n_micro = int((labels == "micro").sum())'
    ),
    explanation=(
        "Later x Fohr (2021) calls 10,000 to 99,999 followers micro. `assign_tier` labels every creator "
        "(lower bound included: exactly 10,000 is micro), and summing the comparison counts the `True` "
        "values. Under Mediakix, micro stops at 50,000, so the same data holds fewer micro creators."
    ),
    why="Later x Fohr's micro tier runs from 10K up to 100K followers.",
    mistakes=[
        Mistake(
            lambda: _tier_count("mediakix"),
            "That is the Mediakix count (micro = 10K-50K). This question uses Later x Fohr: pass "
            "`'later_fohr'` as the scheme.",
        ),
        Mistake(
            lambda: _tier_count("hypeauditor"),
            "That is the HypeAuditor count (its 'micro' is 5K-20K). This question uses Later x Fohr: pass "
            "`'later_fohr'` as the scheme.",
        ),
        Mistake(
            lambda: _tier_count("later_fohr", "nano"),
            "That is the number of *nano* creators under Later x Fohr; compare the labels with 'micro'.",
        ),
        Mistake(
            when=lambda a: isinstance(a, int | float) and 0 < a < 1,
            feedback="That looks like a share of the creators; the question asks how many creators.",
            example=0.378,
        ),
    ],
)

q2 = NumericQuestion(
    id="01.q2",
    title="Creators whose tier depends on the scheme",
    expected=_changed_pct,
    unit="%",
    abs_tol=0.05,
    setup=_SETUP,
    starter=(
        'tiers_mediakix = metrics.assign_tier(influencers["followers"], "mediakix")\n'
        'tiers_hype = metrics.assign_tier(influencers["followers"], "hypeauditor")\n'
        "changed_pct = ____  # percent of creators whose label differs between the two schemes"
    ),
    var="changed_pct",
    hints=[
        "`tiers_mediakix != tiers_hype` is True for every creator whose label changes.",
        "The mean of True/False values is the share of True: `(tiers_mediakix != tiers_hype).mean()`. "
        "Multiply by 100 for a percentage.",
    ],
    solution_code="changed_pct = (tiers_mediakix != tiers_hype).mean() * 100",
    explanation=(
        "Both schemes use the same six labels, so comparing them creator by creator finds everyone whose "
        "label changes; the mean of a True/False column is the share of True. A large share of the same "
        "creators changes label: a report's 'micro' or 'mid' means nothing until you know whose cut-offs "
        "it uses."
    ),
    why="The same people, a different label for a large share of them: always name the scheme.",
    mistakes=[
        Mistake(
            lambda: _changed_pct() / 100,
            "That is the right share as a fraction; the question asks for a percentage: multiply by 100.",
        ),
        Mistake(
            lambda: 100 - _changed_pct(),
            "That is the share whose label stays the same. Count the creators whose label *differs* (`!=`).",
        ),
        Mistake(
            _changed_count,
            "That is the number of creators who change tier; divide by the number of creators (or use "
            "`.mean()`) and multiply by 100.",
        ),
        Mistake(
            lambda: _changed_pct("mediakix", "later_fohr"),
            "That compares Mediakix with Later x Fohr; this question compares Mediakix with HypeAuditor.",
        ),
    ],
)

q3 = NumericQuestion(
    id="01.q3",
    title="Sponsored posts by accounts under 100K, beside HYPR's 63 %",
    expected=_sponsored_under_100k,
    unit="%",
    abs_tol=0.05,
    setup=_SETUP,
    starter=(
        "# HYPR counted disclosed sponsored Instagram posts: the same selection in the course data\n"
        'ads = posts[posts["sponsored"] & posts["disclosed"]].merge(\n'
        '    influencers[["influencer_id", "followers", "platform"]], on="influencer_id"\n'
        ")\n"
        'ads = ads[ads["platform"] == "instagram"]\n'
        "share_under_100k = ____  # percent of these posts published by accounts under 100,000 followers"
    ),
    var="share_under_100k",
    hints=[
        "Each row of `ads` is one post with its creator's `followers`. Which rows have fewer than "
        "100,000 followers?",
        "`(ads['followers'] < 100_000).mean() * 100`: the mean of a True/False column is a share.",
    ],
    solution_code='share_under_100k = (ads["followers"] < 100_000).mean() * 100',
    explanation=(
        "Count posts, not creators: HYPR's 63 % is a share of *disclosed sponsored Instagram posts*. The "
        "course data (synthetic, calibrated to HYPR) gives a share close to it. Creators under 100K are a "
        "far larger share of the *accounts* than of the sponsored posts, because bigger accounts post more "
        "sponsored content each; yet small creators still make most of the sponsored posts. Remember the "
        "source: HYPR sells influencer-marketing software, and its figure describes Q4 2016."
    ),
    why="Most sponsored posts come from accounts that are not famous: the market is not only celebrities.",
    mistakes=[
        Mistake(
            63,
            "63 % is HYPR's published figure. Compute the course data's own share from `ads`, then set it "
            "beside 63 %.",
        ),
        Mistake(
            _creators_under_100k,
            "That is the share of Instagram *creators* under 100K. HYPR counted *posts*: use the rows of "
            "`ads`, one per sponsored post.",
        ),
        Mistake(
            lambda: 100 - _sponsored_under_100k(),
            "That is the share made by accounts with 100K followers or more; the question asks for "
            "accounts under 100K.",
        ),
        Mistake(
            lambda: _sponsored_under_100k() / 100,
            "That is the right share as a fraction; the question asks for a percentage: multiply by 100.",
        ),
    ],
)

q4 = ChoiceQuestion(
    id="01.q4",
    title="Which scheme calls 75K followers 'micro'?",
    expected=("Later x Fohr", "later_fohr", "Later x Fohr (2021)", "Later", "Later Fohr"),
    choices=("Mediakix", "Later x Fohr", "HypeAuditor"),
    setup=_SETUP,
    starter='scheme = ____  # "Mediakix", "Later x Fohr" or "HypeAuditor"',
    var="scheme",
    hints=[
        "Look up 75,000 in the table of cut-offs in the tiers section (or run "
        "`metrics.assign_tier(75_000, 'mediakix')` and the same for the other two schemes).",
        "Mediakix: micro is 10K-50K. HypeAuditor: 5K-20K. Later x Fohr: 10K-100K.",
    ],
    solution_code=(
        'labels = {s: metrics.assign_tier(75_000, s) for s in ("mediakix", "later_fohr", "hypeauditor")}\n'
        "print(labels)  # {'mediakix': 'mid', 'later_fohr': 'micro', 'hypeauditor': 'mid'}\n"
        'scheme = "Later x Fohr"'
    ),
    explanation=(
        "Only Later x Fohr (2021) stretches micro up to 100,000 followers. Mediakix stops micro at 50,000 "
        "and HypeAuditor at 20,000, so both call 75,000 followers mid. Same person, two labels: quote the "
        "scheme with every tier name."
    ),
    why="75K is micro only under Later x Fohr; it is mid under Mediakix and HypeAuditor.",
    mistakes=[
        Mistake(
            "Mediakix",
            "Mediakix's micro tier stops at 50,000 followers: 75,000 is mid-tier (50K-500K) for Mediakix.",
        ),
        Mistake(
            "HypeAuditor",
            "HypeAuditor's micro tier ('Up-and-Coming') is 5K-20K: 75,000 is in its 20K-100K band (mid).",
        ),
    ],
)

quiz = Quiz(
    id="01.quiz",
    title="What influencer marketing is",
    questions=[
        MultipleChoice(
            prompt="What sets influencer marketing apart from a classic celebrity advert?",
            options=[
                Option(
                    (
                        "It reaches more people per dollar than any other kind of advertising, which is why "
                        "brands move budget to it."
                    ),
                    feedback=(
                        "That is not what defines it - and prices vary hugely by creator and platform. A "
                        "definition says what a thing is, not that it always wins."
                    ),
                ),
                Option(
                    (
                        "Brand and creator shape the content together, and it runs in the creator's own feed,"
                        " for people who chose to follow that creator."
                    ),
                    correct=True,
                    feedback=(
                        "Yes: an endorsement carried inside the creator's own content, and a result that "
                        "belongs to both sides - a collaboration, not a bought slot."
                    ),
                ),
                Option(
                    (
                        "The brand hires someone with a big following and has them publish the brand's "
                        "finished advert, word for word, on their account."
                    ),
                    feedback=(
                        "That is an advert on someone else's channel. What makes it influencer marketing is "
                        "that the creator's voice and format carry the message."
                    ),
                ),
                Option(
                    (
                        "It works only with people who are famous outside social media, such as actors, "
                        "athletes and singers."
                    ),
                    feedback=(
                        "No: most influencers are unknown offline. In the course data celebrities are a tiny "
                        "share of the creators, and HYPR found most sponsored posts came from accounts under "
                        "100K followers."
                    ),
                ),
            ],
        ),
        MultipleChoice(
            prompt=(
                "Report A calls a creator with 75,000 followers 'micro'; report B calls her "
                "'mid-tier'. Which report is right?"
            ),
            options=[
                Option(
                    (
                        "Report A: under 100K followers is micro in the industry's standard scheme, so report"
                        " B mislabelled her."
                    ),
                    feedback=(
                        "There is no single standard: Later x Fohr puts micro at 10K-100K, but Mediakix "
                        "(10K-50K) and HypeAuditor (5K-20K) draw the line lower."
                    ),
                ),
                Option(
                    "Report B: any account above 50K followers is mid-tier, whichever report you read.",
                    feedback="Only under Mediakix's cut-offs; Later x Fohr (10K-100K) still calls her micro.",
                ),
                Option(
                    (
                        "Whichever report studied more creators: a bigger sample settles where the cut-offs "
                        "lie."
                    ),
                    feedback=(
                        "A bigger sample makes an estimate more precise, but a tier cut-off is not estimated "
                        "from data: each publisher chooses it, so no sample size can settle it."
                    ),
                ),
                Option(
                    "Both: they use different cut-offs. Tier names are conventions, so quote the scheme.",
                    correct=True,
                    feedback=(
                        "Right: Later x Fohr (2021) puts micro at 10K-100K, Mediakix at 10K-50K. Neither is "
                        "wrong; a tier name without its scheme is ambiguous."
                    ),
                ),
            ],
        ),
        Numeric(
            prompt=(
                "HYPR (Q4 2016): accounts under 100K followers made 63 % of disclosed sponsored Instagram "
                "posts and accounts with 100K-1M made 31 %. What percent came from accounts over 1M?"
            ),
            answer=6,
            abs_tol=0.01,
            unit="%",
            why="63 + 31 + 6 = 100: only 6 % of sponsored posts came from the biggest accounts.",
            mistakes=[
                Mistake(37, "37 % is everything from 100K upwards (100 - 63); subtract the 31 % as well."),
                Mistake(94, "94 % is the share of accounts under 1M (63 + 31); the rest is over 1M."),
            ],
        ),
    ],
)
