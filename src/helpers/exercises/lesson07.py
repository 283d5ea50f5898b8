"""Exercises for notebooks/07_what_does_not_work.

Expected answers are computed lazily from the bundled (synthetic) data, so they follow the data if
it is regenerated. The notebook source is ``tools/notebooks/nb07_what_does_not_work.py``; before
the exercises it builds the two shortlists of the popularity-trap scorecard (``_SETUP``).
"""

from __future__ import annotations

import functools

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

#: Scorecard weights and shortlist size the exercises use (the lab's defaults).
WEIGHTS: dict[str, float] = {"engagement": 1.0, "niche_fit": 2.0, "audience_quality": 1.0, "cost": 1.0}
SHORTLIST = 10

_SETUP = """
from helpers import data, metrics, widgets
from helpers.analysis import pitfalls
from helpers.exercises import lesson07 as ex
influencers = data.load_influencers()
campaigns = data.load_campaigns()
outreach = data.load_outreach()
candidates = widgets.candidate_table(influencers, campaigns)
shortlists = widgets.scorecard_update(candidates, ex.WEIGHTS, n=ex.SHORTLIST)
by_score = shortlists.extra["by_score"]
by_followers = shortlists.extra["by_followers"]
"""


@functools.cache
def _shortlists():
    from helpers import data, widgets

    candidates = widgets.candidate_table(data.load_influencers(), data.load_campaigns())
    result = widgets.scorecard_update(candidates, WEIGHTS, n=SHORTLIST)
    return result


def _by(name: str):
    return _shortlists().extra[name]


# --------------------------------------------------------------------------------------------------
# q1: conversions per $1,000 of the most-followed
# --------------------------------------------------------------------------------------------------


def _conv_per_1k(name: str) -> float:
    shortlist = _by(name)
    price = shortlist["price_per_post_usd"]
    return float(1000 * (shortlist["conversions_per_usd"] * price).sum() / price.sum())


q1 = NumericQuestion(
    id="07.q1",
    title="Conversions per $1,000 of the ten most-followed",
    expected=lambda: _conv_per_1k("by_followers"),
    rel_tol=1e-3,
    setup=_SETUP,
    starter="""
    price = by_followers["price_per_post_usd"]
    conv_per_1k = ____  # conversions per $1,000 if you book one post from each at their price
    """,
    var="conv_per_1k",
    hints=[
        "Each creator's expected conversions for one post = `conversions_per_usd` x `price_per_post_usd`.",
        "Add up the ten expected conversions, divide by the ten prices added up, then multiply by 1,000 - "
        "a price-weighted average, not the plain average of the ten rates.",
    ],
    solution_code='conv_per_1k = 1000 * (by_followers["conversions_per_usd"] * price).sum() / price.sum()',
    explanation=(
        "Book one post from each of the ten most-followed creators at their rate card: each is expected to "
        "convert at their own past rate (conversions per dollar), so the list's conversions per $1,000 is "
        "total expected conversions / total price x 1,000 - a price-weighted average, because the big names "
        "take most of the money. Compare it with the scorecard shortlist's number, printed by the lab: the "
        "difference is what the popularity trap costs."
    ),
    why="The same measure the lab prints for 'top by followers': conversions bought per $1,000.",
    mistakes=[
        Mistake(
            lambda: float(1000 * _by("by_followers")["conversions_per_usd"].mean()),
            "That is the plain average of the ten creators' rates: a $200 creator counts as much as a "
            "$50,000 one. Weight each rate by the money you would spend on that creator.",
        ),
        Mistake(
            lambda: _conv_per_1k("by_score"),
            "That is the scorecard shortlist's number; this question asks for the ten most-followed.",
        ),
        Mistake(
            lambda: float(
                1000
                * _by("by_followers")["past_conversions"].sum()
                / _by("by_followers")["past_fees_usd"].sum()
            ),
            "That pools their past campaigns' conversions and fees - a fair measure too, but this question "
            "(and the lab) books one post from each at today's rate card: weight by price_per_post_usd.",
        ),
    ],
)


# --------------------------------------------------------------------------------------------------
# q2: does the scorecard's finding survive a filter to Instagram?
# --------------------------------------------------------------------------------------------------

#: 07.q2's filter: the client books this platform only.
Q2_PLATFORM = "instagram"


@functools.cache
def _platform_shortlists():
    from helpers import data, widgets

    candidates = widgets.candidate_table(data.load_influencers(), data.load_campaigns())
    return widgets.scorecard_update(candidates[candidates["platform"] == Q2_PLATFORM], WEIGHTS, n=SHORTLIST)


def platform_comparison() -> dict[str, float]:
    """07.q2's numbers: conversions per $1,000 of the scorecard's ten and of the ten most-followed, and the
    creators the two lists share, for :data:`Q2_PLATFORM` only and for all platforms."""
    ig, everyone = _platform_shortlists().numbers, _shortlists().numbers
    return {
        "score_per_1k": float(ig["score_conv_per_1k_usd"]),
        "followers_per_1k": float(ig["followers_conv_per_1k_usd"]),
        "overlap": float(ig["overlap"]),
        "all_score_per_1k": float(everyone["score_conv_per_1k_usd"]),
        "all_followers_per_1k": float(everyone["followers_conv_per_1k_usd"]),
    }


#: 07.q2's answers: letter -> text.
FILTER_OPTIONS: dict[str, str] = {
    "A": "The objection holds: on Instagram the most-followed buy more conversions per USD 1,000.",
    "B": "The finding survives with the same gap, so the all-platform numbers can go in the pitch.",
    "C": "On Instagram the two lists are mostly the same people, so the method hardly matters there.",
    "D": "The finding survives: on Instagram the scorecard's ten still buy more per USD 1,000.",
}

q2 = ChoiceQuestion(
    id="07.q2",
    title="Does the scorecard's advantage survive on Instagram?",
    expected="D",
    choices=tuple(FILTER_OPTIONS),
    setup=_SETUP,
    starter="""
    instagram = candidates[candidates["platform"] == "instagram"]  # the client's platform only
    finding = ____  # "A", "B", "C" or "D"
    """,
    var="finding",
    hints=[
        "A finding survives a filter when the same comparison, redone on the filtered data, still points "
        "the same way. Redo it; do not reason from the all-platform numbers.",
        "Run the scorecard on `instagram` with the same weights and shortlist size, then read the result's "
        "numbers: conversions per USD 1,000 for each list, and how many creators the two lists share.",
    ],
    solution_code="""
    ig = widgets.scorecard_update(instagram, ex.WEIGHTS, n=ex.SHORTLIST)
    print({k: round(v, 1) for k, v in ig.numbers.items() if k.endswith("per_1k_usd") or k == "overlap"})
    finding = "D"
    """,
    explanation=(
        "Redone on Instagram creators only, the scorecard's ten still buy more conversions per USD 1,000 "
        "than the ten most-followed, and the two lists still share no creator: the popularity trap is not "
        "a TikTok effect. The gap is smaller than across all platforms, so a pitch to an Instagram client "
        "quotes the Instagram numbers. A finding that survives the filter your client cares about is "
        "worth more than the same finding on data the client will never buy from."
    ),
    why="Redone on Instagram, the comparison still favours the scorecard, with a smaller gap.",
    mistakes=[
        Mistake(
            "A",
            "Check it rather than accept it: redo the comparison on Instagram creators only. The scorecard's "
            "ten still buy more conversions per USD 1,000 than the most-followed there.",
            name="objection accepted without redoing the comparison",
        ),
        Mistake(
            "C",
            "Count the shared names: on Instagram the scorecard's ten and the ten most-followed have no "
            "creator in common, so the method decides who you book.",
            name="lists assumed to overlap",
        ),
        Mistake(
            "B",
            "The direction survives but the size does not: on Instagram the scorecard's advantage is smaller "
            "than across all platforms. Quote the Instagram numbers to an Instagram client.",
            name="all-platform numbers for a filtered question",
        ),
    ],
)


# --------------------------------------------------------------------------------------------------
# q3: an audience-quality red flag
# --------------------------------------------------------------------------------------------------


def _top_followers():
    return _by("by_followers")


def flagged_converter() -> dict[str, float | str]:
    """07.q3's creator: among the ten most-followed with an authenticity below the threshold, the one whose
    past campaigns converted best per dollar (handle, followers, authenticity, conversions per $1,000)."""
    from helpers import metrics

    top = _top_followers()
    flagged = top[top["audience_authenticity"] < metrics.AUTHENTICITY_MIN]
    row = flagged.loc[flagged["conversions_per_usd"].idxmax()]
    return {
        "handle": str(row["handle"]),
        "followers": float(row["followers"]),
        "authenticity": float(row["audience_authenticity"]),
        "conv_per_1k": float(1000 * row["conversions_per_usd"]),
    }


def flagged_converter_markdown() -> str:
    """07.q3's situation and options as Markdown, numbers from the data."""
    c = flagged_converter()
    situation = (
        f"The audit tool gives **{c['handle']}** ({c['followers'] / 1e6:.1f}M followers) an audience "
        f"authenticity of **{c['authenticity']:.2f}**, below the 0.75 threshold. Their past campaigns "
        f"brought **{c['conv_per_1k']:.0f} conversions per USD 1,000** of fees, the best of the ten "
        "most-followed."
    )
    options = lettered_options(FLAG_OPTIONS)
    return f"{situation} What do you do?\n\n{options}"


#: 07.q3's answers: letter -> text (similar length, equally hedged; each wrong one a misconception).
FLAG_OPTIONS: dict[str, str] = {
    "A": "Most likely drop them: a score under 0.75 usually means bought followers, so the past sales were "
    "probably luck.",
    "B": "Most likely check their growth, comments and following ratio first, then offer one post at a fee "
    "for the real share.",
    "C": "Most likely book them at the full rate card: strong past sales usually mean the follower count is "
    "mostly real.",
    "D": "Most likely take audience quality out of the scorecard: it seems to flag the creators who sell "
    "the best.",
}


def _flagged_row():
    top = _top_followers()
    return top[top["handle"] == flagged_converter()["handle"]].iloc[0]


def _fee(kind: str = "real share") -> float:
    """07.q3's fees for the flagged creator (USD): the rate card scaled to the share judged real (the
    answer), or the full rate card."""
    row = _flagged_row()
    price, real = float(row["price_per_post_usd"]), float(row["audience_authenticity"])
    return {"real share": price * real, "full": price}[kind]


#: how close 07.q3's fee must be (relative)
Q3_REL_TOL = 0.01


q3 = TupleQuestion(
    id="07.q3",
    title="A red flag on the best converter",
    parts=[
        ChoicePart(
            label="decision",
            options=tuple(FLAG_OPTIONS),
            expected="B",
            advice="read what each option assumes.",
        ),
        NumberPart(
            label="fee",
            meaning="the fee you would offer for one post",
            expected=_fee,
            rel_tol=Q3_REL_TOL,
            unit="USD",
            advice="A fee for the real share of the audience: take the creator's `price_per_post_usd` and "
            "multiply it by their `audience_authenticity` (the share judged real; not the share judged "
            "fake, and not a division).",
        ),
    ],
    example=("A", 5000.0),
    setup=_SETUP,
    starter="""
    fee = ____  # USD you would offer for one post under your decision
    decision = (____, fee)  # the letter ("A", "B", "C" or "D"), then the fee
    """,
    var="decision",
    hints=[
        "What does an audit tool's authenticity score measure, and what can it not tell you on its own? "
        "What do the past sales say about the followers who did not buy?",
        "Find the creator in `by_followers` (by `handle`); the fee for the real share is their "
        "`price_per_post_usd` times their `audience_authenticity`.",
    ],
    solution_code="""
    row = by_followers[by_followers["handle"] == ex.flagged_converter()["handle"]].iloc[0]
    print(row[["price_per_post_usd", "audience_authenticity", "conversions_per_usd"]])
    fee = row["price_per_post_usd"] * row["audience_authenticity"]
    decision = ("B", fee)
    """,
    explanation=(
        "Audience authenticity is the share of a creator's followers that audit tools judge to be real, "
        "active people; below 75 % (Modash's 'followers credibility' threshold) a large part of the count "
        "may be fake or inactive. It is a signal, not proof: check the growth history (sudden jumps), the "
        "comments (generic or off-topic) and the following ratio. The conversions show that part of the "
        "audience buys, so the creator may be worth a test - but a rate card priced on every follower pays "
        "for the ones who cannot buy anything: scale it to the real share."
    ),
    why="A flag starts an investigation; a small test, priced on the real audience, settles the rest.",
    mistakes=[
        Mistake(
            when=lambda a: q3.part_is(a, 0, "A"),
            feedback="A score below the threshold is a reason to look closer, not proof: audit tools also "
            "misjudge real but passive audiences. And you would drop the best converter of the ten "
            "without checking.",
            example=("A", 0.0),
            name="flag as proof",
        ),
        Mistake(
            when=lambda a: (
                q3.part_is(a, 0, "C") or (q3.part_is(a, 0, "B") and q3.part_is(a, 1, _fee("full")))
            ),
            feedback="The sales show that some followers are real buyers, not that all of them are. At the "
            "full rate card you pay for the whole count, fake or inactive followers included: price the "
            "real share.",
            example=("C", 1.0),
            name="sales prove the audience",
        ),
        Mistake(
            when=lambda a: q3.part_is(a, 0, "D"),
            feedback="One flagged creator who sells well does not make the check useless: it is a screen "
            "that tells you where to look, never a verdict. Keep it, and look closer.",
            example=("D", 1.0),
            name="drop the check",
        ),
    ],
    wrong_example=("B", 1.0),
)


# --------------------------------------------------------------------------------------------------
# q4: one template for all, measured
# --------------------------------------------------------------------------------------------------


#: 07.q4's segment: the channel a first message went by (no table or figure above the exercise shows it)
Q4_SEGMENT = "channel"


def _gaps():
    """Personalised minus generic reply rate per channel (percentage points), from the outreach table."""
    from helpers import data
    from helpers.analysis import pitfalls

    return pitfalls.template_gap_by_segment(data.load_outreach(), segment=Q4_SEGMENT)["gap_points"]


def _rates():
    from helpers import data

    return data.load_outreach().groupby("template_style", observed=True)["replied"].mean() * 100


def _overall_gap() -> float:
    return float(_rates()["personalised"] - _rates()["generic"])


#: how close 07.q4's gap must be (percentage points)
Q4_ABS_TOL = 0.01


q4 = TupleQuestion(
    id="07.q4",
    title="Where does one template for all cost least?",
    parts=[
        ChoicePart(
            label="channel",
            options=lambda: tuple(str(c) for c in _gaps().index),
            expected=lambda: str(_gaps().idxmin()),
            advice="compute every channel's gap, then compare them: the question asks for the smallest.",
        ),
        NumberPart(
            label="gap",
            meaning="its gap",
            expected=lambda: float(_gaps().min()),
            abs_tol=Q4_ABS_TOL,
            rel_tol=0.0,
            unit="percentage points",
            others=lambda: {
                "the gap over all channels together; the question asks for the gap inside one channel - "
                "the one where it is smallest": _overall_gap()
            },
            advice="The gap is the reply rate of personalised minus generic messages sent by that channel, "
            "both in percent, subtracted (not a ratio, not a relative change).",
        ),
    ],
    example=("phone", 3.5),
    setup=_SETUP,
    starter="""
    # reply rate of personalised minus generic first messages, per channel, in percentage points
    gaps = ____
    cheapest = (____, ____)  # the channel where a generic template costs the fewest points, and that gap
    """,
    var="cheapest",
    hints=[
        '`pitfalls.template_gap_by_segment(outreach, segment="channel")` does for channels what the tier '
        "table above did for tiers; or group `outreach` by `channel` and `template_style` yourself.",
        "Take the channel with the smallest `gap_points` (`.idxmin()`) and give its gap, personalised "
        "minus generic, in percentage points.",
    ],
    solution_code="""
    gaps = pitfalls.template_gap_by_segment(outreach, segment="channel")["gap_points"]
    print(gaps.round(2))
    cheapest = (gaps.idxmin(), gaps.min())
    """,
    explanation=(
        "The difference of two percentages is in **percentage points**. Overall, personalising pays; per "
        "channel the gap differs, and where it is smallest a template costs the fewest replies - a segment "
        "where a good template may be good enough, and where an A/B test should check it first. The "
        "synthetic data was built with this effect - an assumption taken from the source article, since no "
        "published reply rates exist - so the number teaches the measurement: with your own outreach, send "
        "both versions at random and compare them per segment, with intervals."
    ),
    why="Per segment, the cost of one template for all differs: measure it where you send.",
    mistakes=[
        Mistake(
            when=lambda a: q4.part_is(a, 0, lambda: str(_gaps().idxmax())),
            feedback="That is the channel where a generic template costs the *most* replies; the question "
            "asks where it costs the fewest points: the smallest gap.",
            example=("email", 1.0),
            name="largest gap instead of smallest",
        ),
    ],
    wrong_example=("phone", 1.0),
)


# --------------------------------------------------------------------------------------------------
# q5: don't impose the brand's business rules on the creator - which brief lines would you cut?
# --------------------------------------------------------------------------------------------------

#: A draft brief for a (fictional) sportswear brand and a fitness creator: letter -> line.
BRIEF_LINES: dict[str, str] = {
    "A": "Post at 18:00 sharp on launch day, 17 March: the hour our own social team publishes.",
    "B": "Label every post clearly as a paid partnership (the platform's tag, or #ad).",
    "C": "Use the caption our copywriters approved, word for word, with all five campaign hashtags.",
    "D": "Nothing about our shoe goes live before our launch day, 17 March: until then it is under embargo.",
    "E": "Film in a studio dressed in our brand colours, not in the gym you usually train in.",
    "F": "Do not claim that the shoe prevents injuries; check any health claim with us first.",
    "G": "Every draft goes through legal, brand and regional marketing: allow ten working days.",
    "H": "Answer every comment within an hour, as our customer-service team does.",
    "I": "The deal: two feed posts and one story for USD 2,400, paid within 30 days of the last post.",
    "J": "Send our team each draft once, two days before it goes live, so we can check facts and the label.",
}
#: Per line: whether to cut it (a business rule imposed on the creator) and why - the feedback.
_BRIEF_VERDICT: dict[str, tuple[bool, str]] = {
    "A": (
        True,
        "A sets the posting hour by the brand's own routine; the creator knows when their audience is "
        "online - keep the launch day, and ask them for the hour.",
    ),
    "B": (
        False,
        "B is the law, not a house rule: advertising regulators (the FTC in the US, the ASA in the UK) "
        "require sponsored posts to be disclosed.",
    ),
    "C": (
        True,
        "C puts the brand's words in the creator's mouth; a caption written by a copy team reads like an "
        "ad, and followers trust the creator's own voice - give key facts and let them write.",
    ),
    "D": (
        False,
        "D protects the launch date the whole campaign depends on; an embargo is a fair condition of the "
        "deal (lesson 06) - keep it, and brief the creator under it.",
    ),
    "E": (
        True,
        "E swaps the creator's real setting for the brand's look; the gym their followers know is part of "
        "what makes the post credible.",
    ),
    "F": (
        False,
        "F keeps a false health claim out of the post; that protects the creator as much as the brand, and "
        "advertising law requires it.",
    ),
    "G": (
        True,
        "G imposes the brand's internal approval chain; ten working days of sign-offs kill timeliness. Agree "
        "one quick check of facts and claims instead.",
    ),
    "H": (
        True,
        "H imposes a customer-service rule on a person who is not on the brand's staff; agree how product "
        "questions are passed on instead.",
    ),
    "I": (
        False,
        "I is the deal itself - deliverables, fee and payment terms belong in every brief.",
    ),
    "J": (
        False,
        "J is one quick check of facts and the disclosure label, with a fixed deadline - the fair version "
        "of G's approval chain; it protects both sides and leaves the creator's craft alone.",
    ),
}
_CUT = sorted(k for k, (cut, _) in _BRIEF_VERDICT.items() if cut)
_KEEP = sorted(k for k, (cut, _) in _BRIEF_VERDICT.items() if not cut)


def brief_markdown() -> str:
    """The draft brief as Markdown lines (``**A.** ...``), for the notebook's task text."""
    return "\n".join(f"* **{k}.** {line}" for k, line in BRIEF_LINES.items())


def _letters(answer: object) -> set[str] | None:
    """The chosen lines as a set of capital letters; None when the answer is not a collection of
    letters A-J (a string such as "A, C" or "ACE" is read letter by letter)."""
    if isinstance(answer, str):
        parts = answer.replace(",", " ").split()
        items: list[object] = parts if len(parts) > 1 else list("".join(parts))
    elif isinstance(answer, list | tuple | set | frozenset):
        items = list(answer)
    else:
        return None
    if not all(isinstance(x, str) for x in items):
        return None
    letters = {str(x).strip().upper() for x in items}
    return letters if letters <= set(BRIEF_LINES) else None


def _check_cuts(answer: object) -> tuple[bool, str]:
    chosen = _letters(answer)
    if chosen is None:
        return False, (
            f'Give the letters of the lines you would cut, as a list such as `["A", "B"]`; the lines '
            f"are {', '.join(BRIEF_LINES)}."
        )
    if chosen == set(_CUT):
        return True, ""
    notes = [f"Keep {k}: {_BRIEF_VERDICT[k][1]}" for k in _KEEP if k in chosen]
    notes += [f"Cut {k} too: {_BRIEF_VERDICT[k][1]}" for k in _CUT if k not in chosen]
    right = len(set(BRIEF_LINES)) - len(notes)
    return False, f"{right} of {len(BRIEF_LINES)} lines judged right. " + " ".join(notes)


q5 = Question(
    id="07.q5",
    title="Whose rules? Trim a brief",
    checker=_check_cuts,
    setup=_SETUP,
    starter='cut = ____  # the letters of the lines you would cut, e.g. ["A", "B"]',
    var="cut",
    hints=[
        "For each line ask: does it protect something the brand and the creator both need (the law, "
        "the launch, the deal), or does it make the creator work the way the brand's own staff works?",
        "Keep disclosure, the embargo, the ban on health claims, one quick fact check and the terms of the "
        "deal. Everything that dictates time, words, setting, approval chains or customer service is a "
        "house rule to cut.",
    ],
    solution_code='cut = ["A", "C", "E", "G", "H"]',
    explanation=(
        "A creator is a partner who knows their audience, not an extra employee. Lines **A, C, E, G and "
        "H** impose the brand's own routines - its posting time, its copy, its look, its approval chain, "
        "its service rules - and make the post read like an ad. Lines **B, D, F, I and J** stay: disclosure "
        "and honest claims are legal duties, the embargo protects the launch both sides depend on, and "
        "the deal must be written down, and one quick check of facts and the label (J) is not G's chain of "
        "sign-offs. Turn each cut line into a question for the creator instead."
    ),
    why="The brief now protects the law, the launch and the deal - and leaves the creator's craft to them.",
    mistakes=[
        Mistake(
            when=lambda a: _letters(a) == {*_CUT, "J"},
            feedback=(
                "Cut A, C, E, G and H, yes - but not J: one look at the draft for facts and the disclosure "
                "label, with a fixed deadline, protects both sides. Over-control is G's chain of sign-offs, "
                "not every check."
            ),
            example=[*_CUT, "J"],
            name="every check is over-control",
        ),
        Mistake(
            when=lambda a: _letters(a) == set(BRIEF_LINES),
            feedback=(
                "Cutting every line leaves no brief at all. Some lines are not the brand's house rules: "
                "the law (disclosure, honest claims), the launch embargo and the terms of the deal stay."
            ),
            example=list(BRIEF_LINES),
        ),
        Mistake(
            when=lambda a: _letters(a) == set(_KEEP),
            feedback=(
                "Exactly the other way round: you cut the lines that protect the law, the launch and the "
                "deal, and kept the ones that make the creator work like the brand's own staff."
            ),
            example=list(_KEEP),
        ),
    ],
    wrong_example=["A", "C", "E"],
)


# --------------------------------------------------------------------------------------------------
# Concept quiz
# --------------------------------------------------------------------------------------------------

quiz = Quiz(
    id="07.quiz",
    title="Popularity, influence and one size for all",
    questions=[
        MultipleChoice(
            prompt=(
                "Brian Solis (2010) argues that influence is not popularity. Which creator shows "
                "influence in his sense?"
            ),
            options=[
                Option(
                    (
                        "An actor with 5 million followers whose posts collect tens of thousands of likes "
                        "each."
                    ),
                    feedback=(
                        "That is popularity and attention. Likes show that people saw and liked the post, not"
                        " that they acted on it."
                    ),
                ),
                Option(
                    ("A creator whose follower count doubled last month after one post went viral."),
                    feedback="Fast growth is popularity (sometimes bought), not evidence of action.",
                ),
                Option(
                    (
                        "A creator with the highest engagement rate in her niche, where every post draws "
                        "hundreds of comments."
                    ),
                    feedback=(
                        "Engagement is attention, not action: comments show that people reacted, not that "
                        "they did what the brand wanted. Solis's test is a measurable action, such as a sale."
                    ),
                ),
                Option(
                    (
                        "A home-cook with 40,000 followers whose recipe posts reliably send people to buy the"
                        " ingredients."
                    ),
                    correct=True,
                    feedback=(
                        "Yes: for Solis influence is the ability to cause desirable, measurable actions - "
                        "here, purchases - whatever the audience size."
                    ),
                ),
            ],
        ),
        MultipleChoice(
            prompt=(
                "What did De Veirman, Cauberghe & Hudders (2017) find about creators with many followers?"
            ),
            options=[
                Option(
                    (
                        "A large following makes a creator seem more of an opinion leader, so big accounts "
                        "persuade more."
                    ),
                    feedback=(
                        "The reverse: many followers raised perceived popularity and likeability, but rarely "
                        "perceived opinion leadership."
                    ),
                ),
                Option(
                    (
                        "Many followers raise likeability through perceived popularity, but rarely make a "
                        "creator seem an opinion leader."
                    ),
                    correct=True,
                    feedback=(
                        "Yes: perceived popularity is not perceived opinion leadership - and for distinctive "
                        "products a big following can even make the brand seem less unique."
                    ),
                ),
                Option(
                    (
                        "Follower count has no effect on how people see a creator; only the content of the "
                        "post matters."
                    ),
                    feedback="It does have an effect - on likeability, through perceived popularity.",
                ),
                Option(
                    (
                        "Large accounts are distrusted and disliked, so creators with many followers do worse"
                        " on every measure."
                    ),
                    feedback=(
                        "Too strong: likeability rose with followers; the limit was opinion leadership."
                    ),
                ),
            ],
        ),
        MultipleChoice(
            prompt=(
                "A brand emails one template to 500 creators of every size and gets few replies. What"
                " does this lesson suggest?"
            ),
            options=[
                Option(
                    ("Send the same template to 5,000 creators: reply rates are a numbers game."),
                    feedback=(
                        "More of the same keeps the low reply rate and burns the brand's name with creators "
                        "who ignored it."
                    ),
                ),
                Option(
                    (
                        "Contact only the biggest creators, since one reply from them is worth a hundred from"
                        " small accounts."
                    ),
                    feedback=("Big creators reply least to anything in the data, and size is not influence."),
                ),
                Option(
                    (
                        "Segment the creators, adapt the message and sender per segment, and measure reply "
                        "rates per segment."
                    ),
                    correct=True,
                    feedback=(
                        "Yes: one size does not fit all creators (Leung et al., 2022). Adapt per segment and "
                        "measure the difference - ideally as an A/B test - instead of guessing."
                    ),
                ),
                Option(
                    (
                        "Sign every email from the CEO: a senior sender lifts replies, so one better template"
                        " will then work for all."
                    ),
                    feedback=(
                        "A more senior sender helps, but it is still one approach for everyone; adapt it per "
                        "segment and measure."
                    ),
                ),
            ],
        ),
        Numeric(
            prompt=(
                "A creator has 400,000 followers and an audience authenticity of 0.60. About how many of "
                "the followers are real people?"
            ),
            answer=240_000,
            rel_tol=0.01,
            unit="followers",
            why="Real followers = followers x authenticity = 400,000 x 0.60 = 240,000.",
            mistakes=[
                Mistake(160_000, "That is the fake followers (40 %); the question asks for the real ones."),
            ],
        ),
    ],
)
