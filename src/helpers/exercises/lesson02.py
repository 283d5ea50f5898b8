"""Exercises for notebooks/02_who_is_an_influencer.

Niche penetration of a creator, which of two creators is more influential for a niche product (and
why), and celebrities beside other big creators on sponsored engagement and on conversions. Expected
answers from the bundled (synthetic) data are computed when checked, so they follow the data if it is
regenerated; q2 uses the fixed numbers given in its task text and checks the two engaged niche
audiences that decide it, not only the letter.
"""

from __future__ import annotations

from helpers.exercises import ChoicePart, Mistake, NumberPart, NumericQuestion, TupleQuestion
from helpers.exercises.quiz import MultipleChoice, Numeric, Option, Quiz

_SETUP = """
from helpers import data, metrics
from helpers.analysis import influence
influencers = data.load_influencers()
niches = data.load_niches()
posts = data.load_posts()
campaigns = data.load_campaigns()
"""


# --- q1: niche penetration --------------------------------------------------------------------------
#: 02.q1's platform: the lab above shows the top finance creator on TikTok, so the exercise takes YouTube.
PLATFORM = "youtube"


def _top_finance_followers(platform: str = PLATFORM) -> float:
    from helpers import data

    inf = data.load_influencers()
    chosen = inf[(inf["niche"].astype(str) == "finance") & (inf["platform"].astype(str) == platform)]
    return float(chosen["followers"].max())


def _finance_audience(platform: str | None) -> float:
    from helpers import data

    niches = data.load_niches()
    finance = niches[niches["niche"].astype(str) == "finance"]
    if platform is None:
        return float(finance["niche_audience"].sum())
    return float(finance.loc[finance["platform"].astype(str) == platform, "niche_audience"].iloc[0])


def _share(platform: str | None = PLATFORM, creator_platform: str = PLATFORM) -> float:
    return _top_finance_followers(creator_platform) / _finance_audience(platform) * 100


def _largest_niche_share() -> float:
    from helpers import data

    niches = data.load_niches()
    largest = niches.loc[niches["platform"].astype(str) == PLATFORM, "niche_audience"].max()
    return _top_finance_followers() / float(largest) * 100


# --- q3 / q4: celebrities and other creators ---------------------------------------------------------
# q3 asks about Instagram, where most celebrity ads are: the notebook's table above the exercise shows
# the all-platform rates, so the answer is computed, not read off the screen
Q3_PLATFORM = "instagram"


def _sponsored_er(
    celebrity: bool,
    *,
    sponsored_only: bool = True,
    min_followers: int = 1_000_000,
    platform: str | None = Q3_PLATFORM,
) -> float:
    from helpers import data, metrics

    inf = data.load_influencers()
    big = inf[inf["followers"] >= min_followers]
    if platform is not None:
        big = big[big["platform"].astype(str) == platform]
    posts = data.load_posts()
    if sponsored_only:
        posts = posts[posts["sponsored"]]
    rows = posts.merge(big[["influencer_id", "is_celebrity"]], on="influencer_id")
    rows = rows[rows["is_celebrity"] == celebrity]
    return float(metrics.er_by_reach(rows["likes"].sum(), rows["comments"].sum(), rows["reach"].sum()))


def _er_ratio(**kw: object) -> float:
    return _sponsored_er(False, **kw) / _sponsored_er(True, **kw)  # type: ignore[arg-type]


def _per_post_mean_ratio() -> float:
    from helpers import data, metrics

    inf = data.load_influencers()
    big = inf[(inf["followers"] >= 1_000_000) & (inf["platform"].astype(str) == Q3_PLATFORM)]
    ads = data.load_posts()
    ads = ads[ads["sponsored"]].merge(big[["influencer_id", "is_celebrity"]], on="influencer_id")
    er = metrics.er_by_reach(ads["likes"], ads["comments"], ads["reach"])
    means = er.groupby(ads["is_celebrity"]).mean()
    return float(means[False] / means[True])


def _conversions_per_1k(group: str = "celebrities") -> float:
    from helpers import data
    from helpers.analysis import influence

    table = influence.conversions_by_fame(data.load_influencers(), data.load_campaigns())
    return float(table.loc[group, "conversions_per_1k_usd"])


def _mean_campaign_rate() -> float:
    from helpers import data

    inf = data.load_influencers()
    rows = data.load_campaigns().merge(inf[["influencer_id", "is_celebrity"]], on="influencer_id")
    rows = rows[rows["is_celebrity"]]
    return float((rows["conversions"] / rows["fee_usd"] * 1000).mean())


q1 = NumericQuestion(
    id="02.q1",
    title="Niche penetration of the top finance creator on YouTube",
    expected=_share,
    unit="%",
    rel_tol=0.005,
    setup=_SETUP,
    starter=(
        'is_finance_youtube = (influencers["niche"] == "finance") & (influencers["platform"] == "youtube")\n'
        'top = influencers[is_finance_youtube].nlargest(1, "followers").iloc[0]  # the most followed\n'
        "niche_audience = ____  # people interested in finance on YouTube (the niches table)\n"
        "share_pct = ____  # top['followers'] as a percent of niche_audience"
    ),
    var="share_pct",
    hints=[
        "Niche penetration compares a following with the audience of *its own* niche on *its own* platform: "
        "the creator's followers are on YouTube, so the denominator is the finance audience on YouTube.",
        "The `niches` table has one row per niche and platform: select the finance row on YouTube (as the "
        "starter does for the creators) and take its `niche_audience`; then followers / audience x 100.",
    ],
    solution_code=(
        'row = niches[(niches["niche"] == "finance") & (niches["platform"] == "youtube")]\n'
        'niche_audience = row["niche_audience"].iloc[0]\n'
        'share_pct = metrics.niche_penetration(top["followers"], niche_audience)'
    ),
    explanation=(
        "Niche penetration = followers / the niche's audience on the same platform x 100. It is an upper "
        "bound - it assumes every follower cares about finance - and the niche sizes in the course are "
        "synthetic orders of magnitude. Measured this way, a following is big or small *for its niche*: "
        "the same count would be a much thinner slice of a large niche such as fashion."
    ),
    why="Size means something only next to the niche: this is the share of finance on YouTube.",
    mistakes=[
        Mistake(
            lambda: _share() / 100,
            "That is the right ratio as a fraction; the question asks for a percentage: multiply by 100.",
        ),
        Mistake(
            lambda: _share(creator_platform="tiktok", platform="tiktok"),
            "That is the TikTok creator the lab shows above. This brief is for YouTube: take the "
            "most-followed finance creator on YouTube (the starter's `top`).",
            name="the lab's number instead of the question's",
        ),
        Mistake(
            lambda: _share("instagram"),
            "You divided by the finance audience on *Instagram*. The creator is on YouTube: use the "
            "YouTube row of the niches table.",
        ),
        Mistake(
            lambda: _share("tiktok"),
            "You divided by the finance audience on *TikTok*. The creator is on YouTube: use the "
            "YouTube row of the niches table.",
        ),
        Mistake(
            lambda: _share(None),
            "You divided by the finance audience of all three platforms together. The creator's followers "
            "are on YouTube: use the YouTube row only.",
        ),
        Mistake(
            _largest_niche_share,
            "You divided by the largest niche on YouTube, not by finance: pick the finance row.",
        ),
        Mistake(
            when=lambda a: isinstance(a, int | float) and a > 100,
            feedback="Above 100 %: the division is upside down. Divide the followers by the niche audience.",
            example=1_450.0,
        ),
    ],
)

#: 02.q2's two creators, as the task text's table gives them: engaged per post (likes + comments),
#: followers, and the share of followers interested in personal finance (a fraction).
Q2_CREATORS: dict[str, dict[str, float]] = {
    "A": {"engaged_per_post": 4_200, "followers": 60_000, "finance_share": 1.0},
    "B": {"engaged_per_post": 19_000, "followers": 2_400_000, "finance_share": 0.05},
}


def _engaged_finance(creator: str, base: str = "engaged_per_post") -> float:
    """People per post who engage and care about personal finance (``base="followers"``: the followers
    who care, the misconception that counts followers instead of the people who engage)."""
    c = Q2_CREATORS[creator]
    return c[base] * c["finance_share"]


def _engaged(creator: str) -> NumberPart:
    """02.q2's number for one creator: engaged finance fans per post, from the task's table."""
    return NumberPart(
        label=f"number for creator {creator}",
        meaning=f"creator {creator}'s engaged finance fans per post",
        expected=lambda: _engaged_finance(creator),
        rel_tol=0.01,
        advice="Multiply each creator's likes + comments per post by the share of followers interested in "
        "personal finance (`influence.engaged_niche_audience`): the people per post who engage *and* care "
        "about personal finance.",
    )


q2 = TupleQuestion(
    id="02.q2",
    title="Who is more influential for a budgeting app?",
    parts=[
        _engaged("A"),
        _engaged("B"),
        ChoicePart(
            label="letter of the more influential creator",
            options=tuple(Q2_CREATORS),
            expected=lambda: max(Q2_CREATORS, key=_engaged_finance),
            aliases={f"creator {k}": k for k in Q2_CREATORS},
            advice="which creator reaches more engaged finance fans?",
        ),
    ],
    example=(1000, 2000, "B"),
    setup=_SETUP,
    starter=(
        "engaged_finance_a = ____  # people per post who engage AND care about personal finance, creator A\n"
        "engaged_finance_b = ____  # the same for creator B\n"
        'answer = (engaged_finance_a, engaged_finance_b, ____)  # then "A" or "B"'
    ),
    hints=[
        "Count the people who engage with a typical post (likes + comments), not the followers, and keep "
        "only the share who care about personal finance. `influence.engaged_niche_audience(engaged_per_post, "
        "share_interested)` multiplies the two.",
        "Creator A: 4,200 engaged per post, all interested. Creator B: 19,000 engaged per post, about 5 % "
        "interested. Then weigh the sources of influence: knowledge and relationship against position.",
    ],
    solution_code=(
        "engaged_finance_a = influence.engaged_niche_audience(4_200, 1.0)\n"
        "engaged_finance_b = influence.engaged_niche_audience(19_000, 0.05)\n"
        'more = "A" if engaged_finance_a > engaged_finance_b else "B"\n'
        "answer = (engaged_finance_a, engaged_finance_b, more)"
    ),
    explanation=(
        "B has 40 times the followers, but about 950 people who care about personal finance engage with a "
        "typical post, against 4,200 for A. Counting followers instead of engaged people would reverse the "
        "choice (B's 5 % of 2.4M followers is 120,000, twice A's 60,000), which is why the engaged count "
        "matters. A's power also comes from the sources that move a money decision - knowledge (9/10) and a "
        "close relationship (8/10) - while B's comes from fame (position 9/10) with a distant relationship "
        "(1/10). For a niche product, A is the influencer; B is a celebrity with a large, mostly "
        "uninterested audience."
    ),
    why="About 4,200 engaged finance fans per post (plus knowledge and trust) beat about 950.",
    mistakes=[
        Mistake(
            when=lambda a: (
                q2.part_is(a, 0, _engaged_finance("A", "followers"))
                and q2.part_is(a, 1, _engaged_finance("B", "followers"))
            ),
            feedback="Those are the followers who care about personal finance (B: 5 % of 2,400,000 = "
            "120,000). Influence shows in the people who engage with a post: use the likes + comments per "
            "post, times the share interested.",
            example=(60_000, 120_000, "B"),
            name="followers instead of engaged",
        ),
        Mistake(
            when=lambda a: q2.part_is(a, 1, Q2_CREATORS["B"]["engaged_per_post"]),
            feedback="19,000 is everyone who engages with B's post; only about 5 % of them care about "
            "personal finance: multiply by 0.05.",
            example=(4_200, 19_000, "B"),
            name="niche share left out",
        ),
        Mistake(
            when=lambda a: (
                q2.part_is(a, 0, _engaged_finance("A"))
                and q2.part_is(a, 1, _engaged_finance("B"))
                and q2.part_is(a, 2, "B")
            ),
            feedback="B has far more followers, but only about 5 % of them care about personal finance: "
            "19,000 x 0.05 = 950 engaged finance fans per post, against 4,200 for A. Popularity is not "
            "influence in a niche.",
            example=(4_200, 950, "B"),
            name="popularity as influence",
        ),
    ],
    wrong_example=(4_000, 1_000, "A"),
)


q3 = NumericQuestion(
    id="02.q3",
    title="Sponsored engagement on Instagram: other big creators vs celebrities",
    expected=_er_ratio,
    rel_tol=0.02,
    setup=_SETUP,
    starter=(
        'big = influencers[influencers["followers"] >= 1_000_000]  # celebrities and others, 1M+ followers\n'
        'big = big[big["platform"] == "instagram"]  # Instagram only\n'
        'ads = posts[posts["sponsored"]].merge(big[["influencer_id", "is_celebrity"]], on="influencer_id")\n'
        'celeb_ads = ads[ads["is_celebrity"]]\n'
        'other_ads = ads[~ads["is_celebrity"]]\n'
        "er_celeb = ____  # (likes + comments) / reach x 100, summed over all of celeb_ads\n"
        "er_other = ____  # the same for other_ads\n"
        "ratio = ____  # er_other / er_celeb"
    ),
    var="ratio",
    hints=[
        "Pool the posts: a group's engagement rate by reach is its total likes + comments over its total "
        "reach, not the average of each post's rate.",
        "Add up likes, comments and reach for each group (`metrics.er_by_reach` takes the three totals), "
        "then divide the other creators' rate by the celebrities' (above 1: the other creators' sponsored "
        "posts engage more of the people they reach).",
    ],
    solution_code=(
        "er_celeb = metrics.er_by_reach(\n"
        '    celeb_ads["likes"].sum(), celeb_ads["comments"].sum(), celeb_ads["reach"].sum()\n'
        ")\n"
        "er_other = metrics.er_by_reach(\n"
        '    other_ads["likes"].sum(), other_ads["comments"].sum(), other_ads["reach"].sum()\n'
        ")\n"
        "ratio = er_other / er_celeb"
    ),
    explanation=(
        "Among Instagram accounts of 1M+ followers, the people reached by a celebrity's *sponsored* post "
        "engage with it less often than the people reached by another big creator's. The figure in the "
        "celebrities section puts each group's own (organic) posts beside its sponsored ones: look where "
        "the gap is. How far an audience follows a recommendation depends on the relationship; in the "
        "course data that is the relationship score at work "
        "(synthetic, built after Wies et al. 2023). Pooling (sum, then divide) weights each post by its "
        "reach; a mean of per-post rates gives every post the same weight and a different number."
    ),
    why="Fame gets a post seen; the relationship decides whether an ad gets a response.",
    mistakes=[
        Mistake(
            lambda: 1 / _er_ratio(),
            "That is celebrities / others, the ratio upside down: divide er_other by er_celeb.",
        ),
        Mistake(
            lambda: _er_ratio(sponsored_only=False),
            "That uses every post, organic ones included. The question is about sponsored posts: keep "
            "`posts['sponsored']` only (as the starter does).",
        ),
        Mistake(
            _per_post_mean_ratio,
            "That is a ratio of *average per-post* rates. Pool instead: sum likes, comments and reach over "
            "the group, then divide once.",
        ),
        Mistake(
            lambda: _er_ratio(platform=None),
            "That is the ratio over every platform (the celebrities table above shows it). The question "
            "asks about Instagram: keep `influencers['platform'] == 'instagram'`.",
        ),
    ],
)

q4 = NumericQuestion(
    id="02.q4",
    title="Conversions per $1,000: celebrities' campaigns",
    expected=_conversions_per_1k,
    rel_tol=0.01,
    setup=_SETUP,
    starter=(
        'celeb_ids = influencers.loc[influencers["is_celebrity"], "influencer_id"]\n'
        'celeb_campaigns = campaigns[campaigns["influencer_id"].isin(celeb_ids)]\n'
        "conv_per_1k = ____  # conversions per $1,000 of fees, over all of celeb_campaigns"
    ),
    var="conv_per_1k",
    hints=[
        "Add up the conversions and the fees (`fee_usd`) of all celebrity campaigns, divide, and scale to "
        "$1,000.",
        "Pooled, not averaged: total conversions / total fees is conversions per dollar; times 1,000 is per "
        "$1,000. Do not average the campaigns' own rates.",
    ],
    solution_code=(
        'conversions = celeb_campaigns["conversions"].sum()\n'
        'fees = celeb_campaigns["fee_usd"].sum()\n'
        "conv_per_1k = conversions / fees * 1000"
    ),
    explanation=(
        "Pooled conversions per $1,000 = total conversions / total fees x 1,000. Compare it with the other "
        "creators' figure in the table below the exercise - and read the number of campaigns first: very "
        "few celebrities ran campaigns in the course data, so one campaign more or less can move their "
        "rate a lot. Treat the gap as a hint to investigate, not as proof."
    ),
    why="Conversions per dollar is the question a brand pays for; fame alone does not answer it.",
    mistakes=[
        Mistake(
            lambda: _conversions_per_1k() / 1000,
            "That is conversions per *dollar*; the question asks per $1,000: multiply by 1,000.",
        ),
        Mistake(
            _mean_campaign_rate,
            "That is the average of each campaign's own rate. Pool instead: total conversions / total fees.",
        ),
        Mistake(
            lambda: _conversions_per_1k("other creators"),
            "That is the figure for the other creators; this question asks for the celebrities' campaigns.",
        ),
    ],
)

quiz = Quiz(
    id="02.quiz",
    title="Who is an influencer",
    questions=[
        MultipleChoice(
            prompt="Which of these is NOT one of the four sources of influence in this lesson?",
            options=[
                Option(
                    "Authority: recognised standing, such as credentials or a track record",
                    feedback="Authority is one of the four: a dermatologist on skincare has it.",
                ),
                Option(
                    "Knowledge: real expertise in the topic, shown post after post",
                    feedback="Knowledge is one of the four: a self-taught mechanic on car repair has it.",
                ),
                Option(
                    "Reach: the number of people who follow the account",
                    correct=True,
                    feedback=(
                        "Right: followers measure reach, not the power to change a decision. Influence comes "
                        "from authority, knowledge, position or relationship."
                    ),
                ),
                Option(
                    "Position: prominence from fame, status or a visible role",
                    feedback=(
                        "Position is one of the four - the one a celebrity brings. It is easy to mistake for "
                        "reach, but it is prominence, not a head count."
                    ),
                ),
                Option(
                    "Relationship: the audience feels it knows and trusts the person",
                    feedback=(
                        "Relationship is one of the four: closeness, such as a parent blogger answering every"
                        " comment."
                    ),
                ),
            ],
        ),
        MultipleChoice(
            prompt="A creator has 40,000 followers. Is that a big following?",
            options=[
                Option(
                    "It depends on the niche: a large slice of a small topic, a thin slice of a large one.",
                    correct=True,
                    feedback=(
                        "Yes: size is relative to the niche. 40,000 followers in a topic of 2 million "
                        "interested people is 2 %; in a topic of 400 million it is 0.01 %."
                    ),
                ),
                Option(
                    (
                        "No: every tier scheme puts 40,000 below the mid tier, and the lower tiers are small "
                        "audiences by definition."
                    ),
                    feedback=(
                        "A tier is a fixed cut-off that ignores the niche (and the cut-offs differ by source:"
                        " HypeAuditor's mid tier starts at 20K)."
                    ),
                ),
                Option(
                    "Yes: 40,000 people would fill a stadium, so it is a big audience whatever the topic.",
                    feedback=(
                        "An absolute count says nothing about the niche: in a topic of 400 million people, "
                        "40,000 is 0.01 %. And followers are not influence."
                    ),
                ),
                Option(
                    "It depends on her engagement rate: above about 3 % the following counts as big.",
                    feedback=(
                        "Engagement rate measures how active an audience is, not how big it is; the yardstick"
                        " for size is the niche (niche penetration)."
                    ),
                ),
            ],
        ),
        MultipleChoice(
            prompt=(
                "Why is hiring the most famous person you can afford often the wrong move for a niche "
                "product?"
            ),
            options=[
                Option(
                    (
                        "Celebrities' audiences are mostly fake followers, so their real reach is far smaller"
                        " than the follower count suggests."
                    ),
                    feedback=(
                        "An overstatement: big accounts tend to carry more fake followers, not only fake "
                        "ones. The real problem is whether the real followers care about this product."
                    ),
                ),
                Option(
                    (
                        "Engagement rate per follower falls as accounts grow, so a famous person's post "
                        "reaches fewer people for each dollar of the fee."
                    ),
                    feedback=(
                        "Two measures mixed up: engagement rate is not reach, and big accounts usually sell "
                        "reach cheaply (a low CPM). The problem is who is moved, not who sees."
                    ),
                ),
                Option(
                    (
                        "Celebrities must disclose paid posts more prominently than other creators, which "
                        "puts buyers off."
                    ),
                    feedback=(
                        "Disclosure duties do not depend on fame: the FTC asks every endorser for a clear "
                        "disclosure of a material connection."
                    ),
                ),
                Option(
                    (
                        "Fame brings reach and position; niche buyers follow knowledge and relationship, "
                        "which a celebrity often lacks there."
                    ),
                    correct=True,
                    feedback=(
                        "Exactly the classic mistake: treating celebrities and online influencers as the same"
                        " thing. Judge the power to move this audience, not the size of the name."
                    ),
                ),
            ],
        ),
        Numeric(
            prompt=(
                "A creator has 30,000 followers in a niche of 1,500,000 interested people on the same "
                "platform. What is the niche penetration, in percent?"
            ),
            answer=2,
            rel_tol=0.001,
            unit="%",
            why="30,000 / 1,500,000 x 100 = 2 %.",
            mistakes=[
                Mistake(0.02, "That is the fraction; as a percentage it is 0.02 x 100 = 2 %."),
                Mistake(50, "That is the niche divided by the followers; divide the followers by the niche."),
            ],
        ),
    ],
)
