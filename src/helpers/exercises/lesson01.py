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


#: 01.q1's client runs campaigns on this platform only (the notebook's figure counts every platform).
PLATFORM = "instagram"


def _tier_count(scheme: str, tier: str = "micro", platform: str | None = PLATFORM) -> int:
    from helpers import data, metrics

    influencers = data.load_influencers()
    if platform is not None:
        influencers = influencers[influencers["platform"].astype(str) == platform]
    return int(metrics.tier_counts(influencers["followers"], scheme)[tier])


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
    title="Micro creators an Instagram-only client can book",
    expected=lambda: _tier_count("later_fohr"),
    abs_tol=0,
    unit="creators",
    setup=_SETUP,
    starter="n_micro = ____  # micro creators (Later x Fohr) on Instagram",
    var="n_micro",
    hints=[
        "Two filters decide the answer: the platform the client runs on, and the scheme whose 'micro' the "
        "brief uses (Later x Fohr: 10K-100K followers). The figure above counts every platform.",
        "Without code: set the tier explorer to Later x Fohr and platform *instagram* and read the micro "
        "bar. With code: keep the Instagram rows, label their followers with `metrics.assign_tier(..., "
        "'later_fohr')` and count the 'micro' labels.",
    ],
    solution_code=(
        'instagram = influencers[influencers["platform"] == "instagram"]\n'
        'labels = metrics.assign_tier(instagram["followers"], "later_fohr")\n'
        'n_micro = int((labels == "micro").sum())'
    ),
    explanation=(
        "Later x Fohr (2021) calls 10,000 to 99,999 followers micro (lower bound included). An agency "
        "quoting its micro creators across every platform offers an Instagram-only client far fewer than "
        "the headline number: filter to the platform the campaign runs on before you count. Under Mediakix, "
        "micro stops at 50,000, so the same data holds fewer micro creators again."
    ),
    why="Count what the client can use: the platform first, then the scheme's micro range.",
    mistakes=[
        Mistake(
            lambda: _tier_count("later_fohr", platform=None),
            "That is every platform - the number in the figure above. The client runs on Instagram only: "
            "keep the Instagram creators, then count.",
            name="all platforms instead of the filter",
        ),
        Mistake(
            lambda: _tier_count("mediakix"),
            "That is the Mediakix count (micro = 10K-50K). The brief uses Later x Fohr (10K-100K).",
        ),
        Mistake(
            lambda: _tier_count("hypeauditor"),
            "That is the HypeAuditor count (its 'micro' is 5K-20K). The brief uses Later x Fohr (10K-100K).",
        ),
        Mistake(
            lambda: _tier_count("later_fohr", "nano"),
            "That is the number of *nano* creators under Later x Fohr on Instagram; count 'micro'.",
        ),
        Mistake(
            when=lambda a: isinstance(a, int | float) and 0 < a < 1,
            feedback="That looks like a share of the creators; the question asks how many creators.",
            example=0.378,
        ),
    ],
)


def _n_creators() -> int:
    from helpers import data

    return len(data.load_influencers())


def _instagram_changed_count() -> int:
    from helpers import data, metrics

    influencers = data.load_influencers()
    instagram = influencers.loc[influencers["platform"].astype(str) == "instagram", "followers"]
    a = metrics.assign_tier(instagram, "mediakix").astype(str)
    b = metrics.assign_tier(instagram, "hypeauditor").astype(str)
    return int((a != b).sum())


def _later_fohr_changed_count() -> int:
    from helpers import data

    return round(_changed_pct("mediakix", "later_fohr") / 100 * len(data.load_influencers()))


q2 = NumericQuestion(
    id="01.q2",
    title="Contracts billed under a different tier",
    expected=_changed_count,
    unit="creators",
    abs_tol=0,
    rel_tol=0,
    setup=_SETUP,
    starter="billed_differently = ____  # creators whose HypeAuditor tier differs from their Mediakix tier",
    var="billed_differently",
    hints=[
        "A creator is billed differently when the agency's tier name (HypeAuditor) is not your rate card's "
        "(Mediakix). In the table of who moves where, which cells hold those creators?",
        "Every cell off the diagonal (row tier != column tier) is a creator who changes label. Add up the "
        "diagonal - the creators who keep their label - and take it from the total.",
    ],
    solution_code=(
        'moves = metrics.tier_changes(influencers["followers"], "mediakix", "hypeauditor")\n'
        "same = sum(moves.iloc[i, i] for i in range(len(moves)))  # the diagonal\n"
        "billed_differently = int(moves.to_numpy().sum() - same)"
    ),
    explanation=(
        "Every creator off the diagonal carries a different tier name in the agency's invoice than in "
        "your rate card - hundreds of the 2,000, so a 'micro rate' in a contract means nothing until the "
        "contract names the scheme (or, better, states follower ranges). Every move is one tier up: "
        "HypeAuditor draws its lines lower, so the agency's 'mid' includes creators your rate card prices "
        "as micro."
    ),
    why="Hundreds of contracts would name a different tier: write the scheme, or the follower range, in.",
    mistakes=[
        Mistake(
            _changed_pct,
            "That is the share of creators, in percent; the question asks how many creators (contracts).",
            name="share instead of count",
        ),
        Mistake(
            lambda: _n_creators() - _changed_count(),
            "That is the creators who keep their label (the diagonal). The contracts at risk are the others.",
            name="the diagonal instead of the rest",
        ),
        Mistake(
            _instagram_changed_count,
            "That is the Instagram creators only (the lab's second line). The agency's list covers every "
            "platform in the course data.",
            name="one platform instead of all",
        ),
        Mistake(
            _later_fohr_changed_count,
            "That compares Mediakix with Later x Fohr (the lab's first line); the agency uses HypeAuditor.",
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
        "Mark each post True when its creator is under 100,000 followers: the average of a True/False "
        "column is the share of True rows. Times 100 gives a percent.",
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
                "A brand's 400 disclosed sponsored posts split like HYPR's (Q4 2016) Instagram count: "
                "63 % from accounts under 100K followers, 31 % from 100K-1M. How many posts came from "
                "accounts over 1M?"
            ),
            answer=24,
            abs_tol=0.01,
            unit="posts",
            why="100 - 63 - 31 = 6 % of 400 posts = 24: the biggest accounts made few of the posts.",
            mistakes=[
                Mistake(
                    6, "6 % is the share over 1M; the question asks how many of the 400 posts: 6 % of 400."
                ),
                Mistake(148, "148 is everything from 100K upwards (37 % of 400); subtract the 31 % as well."),
                Mistake(376, "376 is the posts from accounts under 1M (94 % of 400); the rest is over 1M."),
            ],
        ),
    ],
)
