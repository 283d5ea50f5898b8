"""Exercises for notebooks/03_why_it_works: paid-post performance, disclosure, the toy model.

q1 uses numbers given in the task text; q2 (a letter and the number that decides it), q3 and q4
compute their expected answers lazily from the bundled (synthetic) data, so they stay right when the
data is regenerated. The notebook source is ``tools/notebooks/nb03_why_it_works.py``.
"""

from __future__ import annotations

from helpers.exercises import ChoicePart, Mistake, NumberPart, NumericQuestion, TupleQuestion
from helpers.exercises.quiz import MultipleChoice, Numeric, Option, Quiz

_SETUP = """
from helpers import data, metrics, widgets
from helpers.analysis import trust
posts = data.load_posts()
influencers = data.load_influencers()
"""

_LAB_SETUP = _SETUP + "from helpers.exercises import lesson03 as ex\nlab = widgets.CommercialisationLab()\n"

INSTAGRAM = "instagram"
#: 03.q2's platform: the section above the exercise prints Instagram's two ratios, so the report is YouTube's
Q2_PLATFORM = "youtube"


def _creators(platform: str = Q2_PLATFORM):
    from helpers import data
    from helpers.analysis import trust

    return trust.paid_post_performance_by_creator(
        data.load_posts(), data.load_influencers(), platform=platform
    )


def _ratios(platform: str = Q2_PLATFORM):
    table = _creators(platform)
    return table["er_sponsored_pct"] / table["er_organic_pct"]


def _pooled() -> float:
    from helpers import data
    from helpers.analysis import trust

    return trust.pooled_er_ratio(data.load_posts(), data.load_influencers(), platform=Q2_PLATFORM)


def _mean_ratio() -> float:
    return float(_ratios().mean())


def _instagram_typical() -> float:
    return float(_ratios(INSTAGRAM).median())


def _ads():
    from helpers import data

    posts = data.load_posts()
    return posts[posts["sponsored"]]


def _compliance() -> float:
    from helpers import data
    from helpers.analysis import trust

    return trust.compliance_share(data.load_posts())


def _compliance_over_everyone() -> float:
    from helpers import data

    compliant = _ads().groupby("influencer_id")["disclosed"].all().sum()
    return float(100 * compliant / len(data.load_influencers()))


def _toy(share: float, key: str, fit: str = "on") -> float:
    from helpers import data
    from helpers.widgets import commercialisation as toy

    params = toy.calibrate(data.load_posts(), data.load_influencers())
    return toy.commercialisation_update(params, share, 20, fit).numbers[key]


#: 03.q4's ad shares: the lab's slider steps, in %.
SHARES = tuple(range(0, 101, 5))


def _largest_share_without_shrinking(fit: str = "on") -> int:
    """The largest ad share (a slider step) at which the toy model's net follower change is not negative."""
    return max(s for s in SHARES if _toy(s, "net_follower_change_pct", fit) >= 0)


def _first_shrinking_share() -> int:
    return min(s for s in SHARES if _toy(s, "net_follower_change_pct") < 0)


q1 = NumericQuestion(
    id="03.q1",
    title="Paid-post performance of one creator",
    # organic posts average 2.5 % ER, sponsored posts 2.0 % (numbers given in the task text)
    expected=2.0 / 2.5,  # 0.8
    rel_tol=1e-3,
    starter="answer = ____  # sponsored ER / organic ER, a plain ratio such as 0.9",
    hints=[
        "Paid-post performance compares a creator's ads with the same creator's other posts.",
        "Divide the sponsored posts' ER (2.0 %) by the organic posts' ER (2.5 %). The % signs cancel.",
    ],
    solution_code="answer = 2.0 / 2.5",
    explanation=(
        "Paid-post performance = mean ER of her sponsored posts / mean ER of her organic posts = "
        "2.0 / 2.5 = **0.8**: her "
        "ads earn 80 % of the engagement her other posts earn, per follower. Below 1 means the audience "
        "engages less with ads; 1.0 means no difference. Because the same followers see both kinds of "
        "post, the ratio isolates how the audience treats ads."
    ),
    why="2.0 / 2.5 = 0.8: ads earn 80 % of her usual engagement (20 % less).",
    mistakes=[
        Mistake(2.5 / 2.0, "You divided organic by sponsored: the ratio puts the sponsored ER on top."),
        Mistake(80.0, "That is the ratio written as a percentage; give the plain ratio (0.8)."),
        Mistake(-20.0, "That is the percent change (-20 %); the question asks for the ratio (0.8)."),
        Mistake(-0.2, "That is the change as a fraction (-0.2); the question asks for the ratio itself."),
        Mistake(0.5, "That is the difference in percentage points (2.5 - 2.0); divide instead."),
    ],
)


def agency_claim() -> str:
    """03.q2's agency report, its number computed from the synthetic YouTube posts (the pooled ER ratio;
    the section above the exercise prints Instagram's)."""
    loss = (1 - _pooled()) * 100
    return (
        f'"Across all YouTube posts, sponsored posts get {loss:.0f} % less engagement than organic ones '
        f'(ER ratio {_pooled():.2f}). Keep sponsored content to a minimum: every ad costs engagement."'
    )


#: 03.q2's answers to "what is wrong with the agency's report?": letter -> text (similar length and
#: hedging; each wrong one a misconception people hold).
REPORT_OPTIONS: dict[str, str] = {
    "A": "Probably nothing: both ERs come from the same platform and months, so the ratio is likely a "
    "fair measure of what a typical ad costs.",
    "B": "Probably the comparison: it sets different accounts' posts side by side. Setting each account's "
    "ads against its own other posts is likely fairer.",
    "C": "Probably the averaging: a mean of the creator-by-creator ratios, rather than one ratio of all "
    "posts, is likely the true cost of a typical ad.",
    "D": "Probably the metric: engagement says little about ads, so a sales figure is likely the only "
    "fair measure of what a typical ad costs.",
}


def _typical() -> float:
    """03.q2's number: the median paid-post performance of YouTube creators (ratio)."""
    return float(_ratios().median())


#: how close 03.q2's ratio must be (absolute; the ratios are printed to two decimals)
Q2_ABS_TOL = 0.01


q2 = TupleQuestion(
    id="03.q2",
    title="Find the error in the agency's report",
    parts=[
        ChoicePart(
            label="letter", options=tuple(REPORT_OPTIONS), expected="B", advice="see what each option claims."
        ),
        NumberPart(
            label="typical YouTube creator's paid-post performance",
            meaning="the typical YouTube creator's paid-post performance (a ratio)",
            expected=_typical,
            abs_tol=Q2_ABS_TOL,
            rel_tol=0.0,
            advice="Compute each YouTube creator's sponsored ER / organic ER, then take the median over "
            "creators.",
        ),
    ],
    example=("A", 0.75),
    setup=_SETUP,
    starter="""
    typical = ____  # the typical YouTube creator's sponsored ER / organic ER
    error = (____, typical)  # the letter ("A", "B", "C" or "D"), then the number that decides it
    """,
    var="error",
    hints=[
        '`trust.paid_post_performance_by_creator(posts, influencers, platform="youtube")` gives one row '
        "per YouTube creator with their organic and sponsored ER.",
        "Divide each creator's `er_sponsored_pct` by their `er_organic_pct`, take the median over creators, "
        "and compare it with the agency's number: which option explains the gap?",
    ],
    solution_code="""
    creators = trust.paid_post_performance_by_creator(posts, influencers, platform="youtube")
    ratios = creators["er_sponsored_pct"] / creators["er_organic_pct"]  # each creator vs themself
    typical = ratios.median()
    pooled = trust.pooled_er_ratio(posts, influencers, platform="youtube")
    print(f"pooled: {pooled:.2f}, typical creator: {typical:.2f}")
    error = ("B", typical)
    """,
    explanation=(
        "Each creator is compared with themself: their sponsored ER over their organic ER. On YouTube the "
        "median over creators is close to 1 in the course's synthetic data (calibrated to InfluencerDB's "
        "2016 ratio of 4.0 % vs 4.5 %, with the inverted U of Wies et al. 2023 by follower size), far "
        "above the agency's pooled ER ratio. The pooled comparison sets big accounts, which post most ads "
        "and engage least, against small ones: it measures *who* posts ads, not how audiences treat them."
    ),
    why="The typical YouTube creator's ads engage almost as well as their own other posts: compare within "
    "creators.",
    mistakes=[
        Mistake(
            when=lambda a: q2.part_is(a, 0, "A"),
            feedback="Same platform and months, but not the same creators: most ads come from big accounts, "
            "whose organic posts engage less too. Your median over creators is far above the agency's "
            "number: pooling all posts measures who posts ads, not what an ad costs.",
            example=("A", 0.55),
            name="pooled comparison",
        ),
        Mistake(
            when=lambda a: q2.part_is(a, 0, "C") or (q2.part_is(a, 0, "B") and q2.part_is(a, 1, _mean_ratio)),
            feedback="Comparing each creator with themself is the right idea, but a mean over creators is "
            "pulled by a few extreme ratios (a creator with two ads); the typical creator is the median. "
            "And the report's error is the pooling, not the average.",
            example=("C", 1.03),
            name="mean instead of median",
        ),
        Mistake(
            when=lambda a: q2.part_is(a, 0, "D"),
            feedback="Sales matter, but engagement is a fair measure of how an audience treats a post. The "
            "flaw is not the metric; it is comparing different creators' posts.",
            example=("D", 1.0),
            name="dismisses the metric",
        ),
        Mistake(
            when=lambda a: q2.part_is(a, 0, "B") and q2.part_is(a, 1, _pooled),
            feedback="That number is the agency's pooled ER ratio itself; the check needs each YouTube "
            "creator's own ratio (sponsored ER / organic ER), then the median over creators.",
            example=("B", 0.55),
            name="pooled ER ratio as the typical creator",
        ),
        Mistake(
            when=lambda a: q2.part_is(a, 0, "B") and q2.part_is(a, 1, _instagram_typical),
            feedback="That is the typical Instagram creator's ratio, printed above; the agency's report is "
            'about YouTube: pass platform="youtube".',
            example=("B", 0.98),
            name="wrong platform",
        ),
    ],
    wrong_example=("B", 0.5),
)


q3 = NumericQuestion(
    id="03.q3",
    title="Disclosure compliance",
    expected=_compliance,
    unit="%",
    rel_tol=1e-3,
    setup=_SETUP,
    starter=(
        'ads = posts[posts["sponsored"]]\n'
        "answer = ____  # % of creators with at least one ad who disclosed every one of their ads"
    ),
    hints=[
        "A creator is compliant only when *every* one of their sponsored posts was disclosed: one "
        "undisclosed post is enough to fail.",
        "Group the ads by creator and ask of the `disclosed` column whether all are True (pandas has "
        "`.all()` for that): one True/False per creator, whose average is the share of compliant "
        "creators. Times 100.",
    ],
    solution_code="answer = ads.groupby('influencer_id')['disclosed'].all().mean() * 100",
    explanation=(
        "A creator is *fully compliant* when every one of their sponsored posts carries a clear "
        "disclosure; the denominator is the creators who posted at least one ad. Influencer Marketing Hub "
        "(2020, a vendor) reported only **14 %** of influencers fully compliant; the synthetic data builds "
        "in that 14 % plus partial disclosers, some of whom disclose their few ads by chance, so its share "
        "is higher. Either way most creators leave some ads unlabelled, which the FTC Endorsement Guides "
        "(16 CFR 255) do not allow."
    ),
    why="Full compliance is a per-creator test: every ad labelled, not most of them.",
    mistakes=[
        Mistake(
            lambda: float(_ads()["disclosed"].mean() * 100),
            "That is the share of sponsored *posts* that were disclosed; the question asks for the share of "
            "*creators* who disclosed every ad.",
        ),
        Mistake(
            lambda: float(_ads().groupby("influencer_id")["disclosed"].any().mean() * 100),
            "That counts creators who disclosed *at least one* ad (`any`); full compliance needs *all*.",
        ),
        Mistake(
            _compliance_over_everyone,
            "You divided by every creator in the table; creators without ads have nothing to disclose, so "
            "the denominator is the creators with at least one ad.",
        ),
        Mistake(
            14.0,
            "14 % is the published IMH 2020 figure for real influencers; compute the share in the course "
            "data.",
        ),
    ],
)

q4 = NumericQuestion(
    id="03.q4",
    title="How many ads can she accept?",
    expected=_largest_share_without_shrinking,
    unit="%",
    abs_tol=0,
    rel_tol=0,
    detect_scale=False,
    setup=_LAB_SETUP,
    starter="answer = ____  # the largest share of ads (a step of the lab's slider, e.g. 15) she can accept",
    hints=[
        "Her condition is about the *net* change: people who unfollow, minus people who start following. "
        "Churn alone rises long before the following shrinks.",
        "Set the lab to on-niche brands and a tolerance of 20 %, then move the ad share up one step at a "
        "time and watch the net change of followers in the summary: the answer is the last step at which it "
        "is not negative.",
    ],
    solution_code="""
    not_shrinking = []
    for share in ex.SHARES:  # 0, 5, ..., 100: the slider's steps
        result = lab.set(sponsored_share_pct=share, tolerance_pct=20, fit="on")
        net = result.numbers["net_follower_change_pct"]
        print(f"{share:3d}% ads: net change of followers {net:+.1f}%")
        if net >= 0:
            not_shrinking.append(share)
    answer = max(not_shrinking)
    """,
    explanation=(
        "Below the audience's tolerance the ads cost nothing in the toy model; above it trust falls, churn "
        "rises and fewer people start following, until the net change turns negative. The largest share "
        "that keeps the net change at zero or above is the most she can accept under her condition. This is "
        "a **toy model**: its equations and most parameters are assumptions, so the answer shows how to "
        "reason about the trade-off, not a forecast for a real creator."
    ),
    why="The last slider step at which new followers still make up for those who leave, in the toy model.",
    mistakes=[
        Mistake(
            _first_shrinking_share,
            "At that share her following already shrinks over the year (the net change is negative): one "
            "step too far.",
            name="first shrinking step",
        ),
        Mistake(
            20,
            "20 % is the audience's tolerance: above it churn starts to rise, but new followers still "
            "outnumber those who leave for a while. Her condition is the net change, not churn.",
            name="churn instead of net change",
        ),
        Mistake(
            lambda: _largest_share_without_shrinking("off"),
            "That is the answer for off-niche brands; her offers are from brands in her niche (fit on).",
        ),
        Mistake(
            when=lambda a: isinstance(a, int | float) and 0 < a < 1,
            feedback="That looks like a fraction; give the share in percent, as the slider shows it "
            "(e.g. 15).",
            example=0.3,
        ),
    ],
)

quiz = Quiz(
    id="03.quiz",
    title="Trust, ownership and disclosure",
    questions=[
        MultipleChoice(
            prompt=(
                "A running coach with 20,000 engaged followers and a pop star with 5 million "
                "followers both post about the same running shoe. Why might the coach's post persuade"
                " more runners?"
            ),
            options=[
                Option(
                    (
                        "Platforms show small accounts' posts to a larger share of their followers, so more "
                        "runners end up seeing the coach's post."
                    ),
                    feedback=(
                        "Reach is not the mechanism here: the pop star's post is likely seen by more runners."
                        " The question is who is believed."
                    ),
                ),
                Option(
                    (
                        "Runners see the coach as credible on running and as one of them: social proof from a"
                        " trusted source."
                    ),
                    correct=True,
                    feedback=(
                        "Yes: the runners see the coach as one of them - followers' social identity is the "
                        "strongest driver in Pan et al.'s 2024-25 meta-analysis - and as credible, the route "
                        "part of that influence travels by; fame buys attention, not that trust."
                    ),
                ),
                Option(
                    (
                        "The coach's engagement rate is higher, and a higher engagement rate means the post "
                        "sells more shoes."
                    ),
                    feedback=(
                        "Engagement rate per follower does fall with size, but a like is not a purchase: "
                        "what persuades is trust in the source."
                    ),
                ),
                Option(
                    "It would not: the pop star reaches 250 times as many people, and sales follow reach.",
                    feedback=(
                        "Influence is not popularity: many followers raise likeability more than perceived "
                        "expertise (De Veirman et al. 2017). Reach buys attention, not belief."
                    ),
                ),
            ],
        ),
        MultipleChoice(
            prompt=(
                "A beauty creator with a loyal audience signs deals that fill most of her feed with "
                "ads for brands outside beauty. What does the lesson say happens to 'the audience'?"
            ),
            options=[
                Option(
                    (
                        "The brands paid for access, so they can ask for as many posts as the contracts allow"
                        " without losing anything."
                    ),
                    feedback=(
                        "A fee buys posts, not followers: the followers chose the creator and can leave. "
                        "Imposing the brand's rules on the creator is a classic way to lose them."
                    ),
                ),
                Option(
                    (
                        "Nothing changes: followers rarely notice whether a post is an ad if it looks like "
                        "her usual content."
                    ),
                    feedback=(
                        "Audiences do notice, especially when ads are labelled (Boerman et al. 2017): "
                        "recognising an ad is what triggers the scepticism."
                    ),
                ),
                Option(
                    (
                        "It is hers, not the brands': people followed her judgement, can stop trusting her or"
                        " leave, and go with her."
                    ),
                    correct=True,
                    feedback=(
                        "Yes: brands rent access to an audience that belongs to the creator. Pushing it too "
                        "hard spends the trust the brand came for."
                    ),
                ),
                Option(
                    (
                        "It grows: the brands boost the sponsored posts, and the extra reach brings new "
                        "followers who stay for the content."
                    ),
                    feedback=(
                        "Boosting can raise reach for a while, but it cannot buy back trust; the course's "
                        "data and the toy model both show engagement per follower falling with too many ads."
                    ),
                ),
            ],
        ),
        MultipleChoice(
            prompt="Under the FTC Endorsement Guides (16 CFR 255), when must a creator disclose a post?",
            options=[
                Option(
                    (
                        "Whenever there is a material connection (payment, free products, a family or work "
                        "tie), clearly, in the post."
                    ),
                    correct=True,
                    feedback=(
                        "Yes. The FTC's 'Disclosures 101 for Social Media Influencers' (2019) adds: make it "
                        "hard to miss, in the post (not only in the bio), in plain words such as 'ad'."
                    ),
                ),
                Option(
                    (
                        "Only when the brand pays in cash; products sent as free gifts carry no duty to "
                        "disclose."
                    ),
                    feedback="Free or discounted products count as a material connection too.",
                ),
                Option(
                    (
                        "Once, in the profile bio ('I work with brands'), which then covers every sponsored "
                        "post on the account."
                    ),
                    feedback="A bio is easy to miss: the disclosure belongs in each sponsored post.",
                ),
                Option(
                    (
                        "Only once the creator has more than 10,000 followers; smaller accounts count as "
                        "private individuals."
                    ),
                    feedback="There is no follower threshold: the rule applies to any endorser.",
                ),
            ],
        ),
        MultipleChoice(
            prompt=(
                "In an experiment with Facebook posts, Boerman, Willemsen & Van der Aa (2017) showed "
                "some people a 'Sponsored' label on a celebrity's post. What happened?"
            ),
            options=[
                Option(
                    (
                        "Nothing measurable: the label was too small and too easy to scroll past to change "
                        "how people read the post."
                    ),
                    feedback="The label did change how people read the post: ad recognition went up.",
                ),
                Option(
                    (
                        "Trust went up, because the celebrity was open about the deal and so seemed more "
                        "honest."
                    ),
                    feedback=(
                        "Plausible, but not what this study found: recognition of the ad led to more "
                        "distrust, not less."
                    ),
                ),
                Option(
                    (
                        "People recognised it as an ad, but knowing it was an ad did not change how they "
                        "judged it."
                    ),
                    feedback=(
                        "Recognition did change the judgement: knowing they were being persuaded made people "
                        "more distrustful."
                    ),
                ),
                Option(
                    "More people recognised the post as advertising, which raised their distrust of it.",
                    correct=True,
                    feedback=(
                        "Yes: disclosure switches on people's knowledge that they are being persuaded. That "
                        "is a cost for the advertiser - and the reason the law asks for it."
                    ),
                ),
            ],
        ),
        Numeric(
            prompt=(
                "Influencer Marketing Hub (2020) found 14 % of influencers fully compliant with disclosure "
                "rules. In a group of 300 creators who post ads, how many would disclose every ad at that "
                "rate?"
            ),
            answer=42,
            rel_tol=0.01,
            unit="creators",
            why="14 % of 300 = 0.14 x 300 = 42 creators; the other 258 leave at least one ad unlabelled.",
            mistakes=[
                Mistake(258, "That is the number who are *not* fully compliant (300 - 42)."),
                Mistake(14, "14 is the percentage; apply it to the 300 creators."),
            ],
        ),
    ],
)
