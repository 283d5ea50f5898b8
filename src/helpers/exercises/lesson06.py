"""Exercises for notebooks/06_what_works_relationships_and_schedule.

q1 plans a week of first messages from the reply rates by style and sender (a choice and its expected
replies), q2 patience (late replies), q3 contacts in a quarter from a cadence, q4 conflicts in a
hand-written draft schedule; one concept quiz. Expected values that depend on the bundled (synthetic)
data are computed lazily from it, never typed in.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from helpers.exercises import (
    ChoicePart,
    Mistake,
    NumberPart,
    NumericQuestion,
    SetQuestion,
    TupleQuestion,
)
from helpers.exercises.quiz import MultipleChoice, Numeric, Option, Quiz

#: The brand of exercise q3 (a fictional brand of the synthetic data).
Q3_BRAND = "Glowtheory"

_SETUP_OUTREACH = """
from helpers import data
from helpers.analysis import relationships, schedule
from helpers.exercises import lesson06 as ex
outreach = data.load_outreach()
"""

_SETUP_PLAN = f"""
from helpers import data
from helpers.analysis import schedule
plan = schedule.plan_input(
    "{Q3_BRAND}",
    data.load_influencers(),
    data.load_campaigns(),
    data.load_outreach(),
    data.load_calendar(),
    data.load_posts(),
)
"""

_SETUP_DRAFT = """
from helpers.analysis import schedule
draft = schedule.example_draft()
"""


# --- q1: reply rates by style and sender ---------------------------------------------------------------
def _outreach() -> pd.DataFrame:
    from helpers import data

    return data.load_outreach()


def _reply_pivot() -> pd.DataFrame:
    from helpers.analysis import relationships

    return relationships.reply_rate_pivot(_outreach())


#: 06.q1's plans for one first message to each of 40 shortlisted creators (the executive signs at most
#: 10): letter -> (text, [(messages, template_style, sender_role), ...]).
PLANS: dict[str, tuple[str, list[tuple[int, str, str]]]] = {
    "A": (
        "40 generic messages from a coordinator - probably enough, as the shortlist already fits.",
        [(40, "generic", "coordinator")],
    ),
    "B": (
        "40 personalised messages from a coordinator - probably enough: the care counts, not the name.",
        [(40, "personalised", "coordinator")],
    ),
    "C": (
        "10 personalised signed by the executive, 30 personalised from a coordinator - probably worth the "
        "writing time.",
        [(10, "personalised", "executive"), (30, "personalised", "coordinator")],
    ),
    "D": (
        "10 personalised signed by the executive, 30 generic from a coordinator - probably enough care "
        "where the name is.",
        [(10, "personalised", "executive"), (30, "generic", "coordinator")],
    ),
    "E": (
        "40 generic messages from a manager - probably better: a senior name counts more than the care.",
        [(40, "generic", "manager")],
    ),
}


def expected_replies(letter: str) -> float:
    """Replies plan ``letter`` can expect: messages x the reply rate of their style and sender."""
    rates = _reply_pivot()
    return float(sum(n * rates.loc[style, sender] / 100 for n, style, sender in PLANS[letter][1]))


def plan_messages(letter: str) -> list[tuple[str, str]]:
    """Plan ``letter`` message by message: one (template_style, sender_role) per message, in order."""
    return [(style, sender) for n, style, sender in PLANS[letter][1] for _ in range(n)]


def best_plan() -> str:
    """The plan with the most expected replies."""
    return max(PLANS, key=expected_replies)


def plans_markdown() -> str:
    """06.q1's plans as Markdown lines for the notebook's task text."""
    return "\n".join(f"* **{k}.** {text}" for k, (text, _) in PLANS.items())


_PLAN_FEEDBACK = {
    "A": "Generic messages from a coordinator get the lowest reply rate in the table: quick to send, few "
    "answers. Multiply each group's messages by its reply rate and compare the totals.",
    "B": "Personalising pays, but the plan leaves the executive's ten signatures unused - and a personal "
    "message signed by an executive gets the highest rate of all (its interval lies wholly above a "
    "coordinator's).",
    "D": "The executive's ten are right, but the thirty generic messages from a coordinator get about half "
    "the replies personal ones would: personalising pays at every sender.",
    "E": "A manager's name helps a little, but a generic message from a manager still gets fewer replies "
    "than a personal one from a coordinator - the intervals do not even overlap. Personalise first.",
}


#: how close 06.q1's expected replies must be (replies; the rates are read off a figure to about 0.5 points)
Q1_ABS_TOL = 0.5


def _plan_mistake(letter: str) -> Mistake:
    def chose(a: object, k: str = letter) -> bool:
        return k != best_plan() and q1.part_is(a, 0, k)

    return Mistake(when=chose, feedback=_PLAN_FEEDBACK[letter], example=(letter, 1.0), name=f"plan {letter}")


q1 = TupleQuestion(
    id="06.q1",
    title="Plan a week of first messages",
    parts=[
        ChoicePart(
            label="plan",
            options=tuple(PLANS),
            expected=best_plan,
            advice="compute every plan's expected replies and compare the totals.",
        ),
        NumberPart(
            label="number of expected replies",
            meaning="the replies it should bring",
            expected=lambda: expected_replies(best_plan()),
            abs_tol=Q1_ABS_TOL,
            rel_tol=0.0,
            advice="For each group of messages, messages x reply rate / 100 (the rate in percent), added "
            "over the groups.",
        ),
    ],
    example=("A", 5.0),
    setup=_SETUP_OUTREACH,
    starter="""
    replies = ____  # the replies the best plan should bring (messages x reply rate, added up)
    plan = (____, replies)  # the letter ("A" to "E"), then that number
    """,
    var="plan",
    hints=[
        "Each plan sends 40 messages; what differs is how many replies each kind of message brings. The "
        "figure in section 2 gives the reply rate of every style x sender (or "
        "`relationships.reply_rate_pivot(outreach)`).",
        "Expected replies of a plan = for each group of messages, messages x reply rate / 100; add the "
        "groups up, compare the five totals, and give the largest with its letter.",
    ],
    solution_code="""
    rates = relationships.reply_rate_pivot(outreach)  # reply rate in %, style down, sender across
    for letter in ex.PLANS:
        print(letter, round(ex.expected_replies(letter), 1), "expected replies")
    plan = (ex.best_plan(), ex.expected_replies(ex.best_plan()))
    """,
    explanation=(
        "Expected replies = messages x reply rate, added over the groups of a plan. Personalising roughly "
        "doubles the rate at every sender, and an executive's signature raises it again - but the executive "
        "signs only ten, so put the signature on personal messages to the partners who matter most and let "
        "the coordinators write the rest, personally. In this **synthetic** data both gaps exist because the "
        "generator was told to create them (an assumption taken from the source article); with your own "
        "log, measure the rates first (`relationships.reply_rate_pivot`)."
    ),
    why="Ten personal messages signed by the executive, the rest personal from the team: the most replies.",
    mistakes=[_plan_mistake(k) for k in ("A", "B", "D", "E")],
)


# --- q2: patience ---------------------------------------------------------------------------------------
def _late_share() -> float:
    from helpers.analysis import relationships

    return relationships.late_reply_share(_outreach(), 3)


def _late_over_all_messages() -> float:
    o = _outreach()
    return float(100 * (o["days_to_reply"] > 3).fillna(False).sum() / len(o))


def _late_or_on_day_three() -> float:
    o = _outreach()
    delays = o.loc[o["replied"], "days_to_reply"]
    return float(100 * (delays >= 3).mean())


q2 = NumericQuestion(
    id="06.q2",
    title="Replies a brand misses by giving up after three days",
    expected=_late_share,
    unit="%",
    abs_tol=0.5,  # 30 (the share read off the curve at day 3, rounded) is as right as 30.25
    setup=_SETUP_OUTREACH,
    starter="answer = ____  # percent of the replies that came MORE than 3 days after sending",
    hints=[
        "Keep only the messages that got a reply: `outreach[outreach['replied']]`.",
        "Of those, take the share whose `days_to_reply` is greater than 3 (`> 3`), times 100.",
    ],
    solution_code=(
        "replies = outreach[outreach['replied']]\nanswer = (replies['days_to_reply'] > 3).mean() * 100"
    ),
    explanation=(
        "Among the messages that got a reply, the share with `days_to_reply > 3` is the part of the "
        "replies a brand would never see if it gave up (or sent a pushy reminder) after three days. "
        "Messages without a reply are left out: they say nothing about *when* replies come. "
        "(`relationships.late_reply_share(outreach, 3)` computes the same.)"
    ),
    why="Replies keep arriving after day three: wait about a week before following up.",
    mistakes=[
        Mistake(
            _late_over_all_messages,
            "You divided by every message, including those never answered. The question is about the "
            "replies: divide by the messages that got one.",
        ),
        Mistake(
            _late_or_on_day_three,
            "That counts replies on day 3 too (`>= 3`); the question asks for MORE than 3 days (`> 3`).",
        ),
        Mistake(
            lambda: 100 - _late_share(),
            "That is the share that came within 3 days; the question asks for the late ones.",
        ),
        Mistake(
            lambda: _late_share() / 100,
            "That is a share between 0 and 1; the question asks for a percentage: multiply by 100.",
        ),
    ],
)


# --- q3: contacts in a quarter ---------------------------------------------------------------------------
def _segment_counts() -> dict[str, int]:
    from helpers import data
    from helpers.analysis import schedule

    plan = schedule.plan_input(
        Q3_BRAND,
        data.load_influencers(),
        data.load_campaigns(),
        data.load_outreach(),
        data.load_calendar(),
        data.load_posts(),
    )
    counts = plan.roster["segment"].value_counts()
    return {s: int(counts.get(s, 0)) for s in schedule.SEGMENTS}


def _q3_contacts() -> int:
    from helpers import data
    from helpers.analysis import schedule

    plan = schedule.plan_input(
        Q3_BRAND,
        data.load_influencers(),
        data.load_campaigns(),
        data.load_outreach(),
        data.load_calendar(),
        data.load_posts(),
    )
    draft = schedule.build_schedule(
        plan,
        {"partners": "monthly call", "collaborators": "quarterly newsletter", "prospects": "none"},
        tie_to_launches=False,
        trip_min_creators=None,
    )
    return int(schedule.summarise(draft, "Q3")["touchpoints"])


def _q3_mistake(partner_factor: int, collaborator_factor: int, extra: int = 0) -> Any:
    def value() -> int:
        c = _segment_counts()
        return partner_factor * c["partners"] + collaborator_factor * c["collaborators"] + extra

    return value


q3 = NumericQuestion(
    id="06.q3",
    title="Contacts with creators in one quarter",
    expected=_q3_contacts,
    abs_tol=0,
    rel_tol=0,
    setup=_SETUP_PLAN,
    starter="answer = ____  # contacts with creators in Q3 (a whole number)",
    hints=[
        "Count the brand's creators per segment: `plan.roster['segment'].value_counts()`.",
        "A quarter has 3 monthly calls per partner and 1 quarterly newsletter - which reaches every "
        "collaborator: 3 × partners + 1 × collaborators.",
    ],
    solution_code=(
        "counts = plan.roster['segment'].value_counts()\n"
        "answer = 3 * counts['partners'] + 1 * counts['collaborators']"
    ),
    explanation=(
        "In a quarter every partner gets 3 monthly calls and every collaborator 1 quarterly newsletter; "
        "prospects get nothing. A newsletter is one send but one **contact per creator** it reaches, so "
        "the quarter holds 3 × partners + collaborators contacts. The schedule builder agrees: "
        "`schedule.summarise(schedule.build_schedule(plan, {...}, tie_to_launches=False, "
        "trip_min_creators=None), 'Q3')['touchpoints']`."
    ),
    why="Workload and 'inbox pressure' grow with contacts, not with calendar entries.",
    mistakes=[
        Mistake(
            _q3_mistake(3, 0, 1),
            "You counted the newsletter as one contact. It is one send, but it reaches every "
            "collaborator: count one contact per collaborator.",
        ),
        Mistake(
            _q3_mistake(12, 4),
            "That is the whole year (12 calls, 4 newsletters). The question asks for one quarter.",
        ),
        Mistake(
            _q3_mistake(1, 1),
            "That is one month of calls. A quarter has three monthly calls per partner.",
        ),
        Mistake(
            _q3_mistake(3, 3),
            "The newsletter is quarterly: one per quarter, not one a month.",
        ),
    ],
)


# --- q4: conflicts in a draft --------------------------------------------------------------------------
def _has(item: str) -> Any:
    return lambda a: isinstance(a, list | tuple | set) and item in {str(x).upper() for x in a}


def _one_trip(a: Any) -> bool:
    if not isinstance(a, list | tuple | set):
        return False
    ids = {str(x).upper() for x in a}
    return len(ids & {"D1", "D2"}) == 1


q4 = SetQuestion(
    id="06.q4",
    title="Entries that break a rule in a draft schedule",
    expected=["A1", "B2", "C1", "D1", "D2"],
    setup=_SETUP_DRAFT,
    starter="answer = ____  # a list of entry ids, e.g. ['A1', 'B3']",
    hints=[
        "Go rule by rule. Embargo 3-16 March: which posts or newsletters fall inside it? (Launch day, "
        "17 March, is after the embargo.)",
        "mila.runs has a briefing on 10 March and a regular call on 13 March: 3 days apart. And only "
        "one executive travels: do the Berlin and Paris trips overlap? List both trips of a clash.",
    ],
    solution_code=(
        "answer = ['A1', 'B2', 'C1', 'D1', 'D2']\n"
        "# the course's checker agrees:\n"
        "# schedule.find_conflicts(draft.entries, draft.contacts, executives=1, min_gap_days=7)"
    ),
    explanation=(
        "**A1** is a post on 10 March, inside the embargo (3-16 March); **C1** is a newsletter on "
        "4 March, also inside it - it goes to many creators and may leak the product. **B2** is a "
        "regular call only 3 days after mila.runs' briefing: skip it, the briefing already was the "
        "contact. **D1** (Berlin 17-18 March) and **D2** (Paris 18-19 March) overlap on 18 March with "
        "one executive. Not conflicts: the briefing **B1** (briefing under embargo is what an embargo "
        "is for), the launch-day post **A2** and the April call **B3**."
    ),
    why="Embargo, spacing, one executive: three rules, five entries to move.",
    mistakes=[
        Mistake(
            when=_has("B1"),
            feedback=(
                "B1 is a briefing: talking to partners under embargo is exactly what an embargo allows "
                "(they just must not post). In the B1-B2 pair, the regular call B2 is the one to move."
            ),
            example=["A1", "B1", "B2", "C1", "D1", "D2"],
        ),
        Mistake(
            when=_has("A2"),
            feedback="A2 goes live on launch day, 17 March: the embargo ended the day before.",
            example=["A1", "A2", "B2", "C1", "D1", "D2"],
        ),
        Mistake(
            when=_has("E1"),
            feedback="E1 is the embargo itself: it is the rule, not an entry that breaks it.",
            example=["A1", "B2", "C1", "D1", "D2", "E1"],
        ),
        Mistake(
            when=_one_trip,
            feedback="A clash takes two trips: list both D1 and D2 (one of them will move).",
            example=["A1", "B2", "C1", "D1"],
        ),
    ],
)


# --- concept quiz ------------------------------------------------------------------------------------------
quiz = Quiz(
    id="06.quiz",
    title="Relationships, patience and a schedule",
    questions=[
        MultipleChoice(
            prompt=(
                "In the course data, personalised messages signed by an executive get the most "
                "replies. What can you conclude?"
            ),
            options=[
                Option(
                    "Executives should sign every message: the data shows it works.",
                    feedback=(
                        "Nothing is shown about real creators by synthetic data: the generator produces the "
                        "gap because it was told to. Test it on your own outreach (and executives' time is "
                        "scarce)."
                    ),
                ),
                Option(
                    (
                        "Personalising roughly doubles reply rates, so budget the staff time for it in your "
                        "next real campaign."
                    ),
                    feedback=(
                        "That would be a claim about real campaigns; this data is synthetic and no published "
                        "reply rates were used to build it."
                    ),
                ),
                Option(
                    (
                        "It shows how to measure reply rates; the gap itself is an assumption built into the "
                        "synthetic data."
                    ),
                    correct=True,
                    feedback=(
                        "Yes. The datasheet lists it as an assumption taken from the source article, with no "
                        "published rates behind it. The method carries over to your own outreach log; the "
                        "numbers do not."
                    ),
                ),
                Option(
                    (
                        "Nothing yet: if the 95 % intervals of the styles do not overlap, the gap is proven "
                        "for real creators too."
                    ),
                    feedback=(
                        "An interval measures sampling noise; it cannot turn an assumption built into a "
                        "generator into evidence about real creators. A tight interval around a built-in gap "
                        "is still the built-in gap."
                    ),
                ),
            ],
        ),
        MultipleChoice(
            prompt=(
                "You regenerate the data with long_term_uplift = 0.5 and re-estimate: the adjusted "
                "uplift comes out near +50%. What does that show?"
            ),
            options=[
                Option(
                    (
                        "That the estimate recovers what was put in: the simulation checks the method, not "
                        "the claim."
                    ),
                    correct=True,
                    feedback=(
                        "Right. Only vendor claims support the long-term effect; no peer-reviewed study "
                        "measured it. To test it you need real campaigns - ideally an experiment."
                    ),
                ),
                Option(
                    ("That long-term partnerships convert about 50% better than one-off deals."),
                    feedback="The +50% is the number you typed into the generator, read back.",
                ),
                Option(
                    (
                        "That vendor figures such as '3x ROI' for long-term partnerships are roughly "
                        "confirmed."
                    ),
                    feedback=(
                        "A simulation cannot confirm a claim about the world; it only shows what its "
                        "assumptions imply."
                    ),
                ),
                Option(
                    (
                        "That the method is biased: an unbiased method would find no uplift at all in data "
                        "that were made up."
                    ),
                    feedback=(
                        "The generator was told to add +50%; a method that finds it is doing its job. Getting"
                        " back what you put in is exactly the check that the method works."
                    ),
                ),
            ],
        ),
        MultipleChoice(
            prompt=("A launch is under embargo until launch day. Which contact is fine during the embargo?"),
            options=[
                Option(
                    ("A teaser post by a partner that hints at the product without naming it."),
                    feedback=(
                        "Creators who know about the product must not post about it before launch day; a "
                        "teaser is still a post about it."
                    ),
                ),
                Option(
                    "A briefing call with a long-term partner about the coming product.",
                    correct=True,
                    feedback=(
                        "Yes: briefing creators early, under embargo, is what an embargo is for - they "
                        "prepare content and post from launch day."
                    ),
                ),
                Option(
                    (
                        "A preview newsletter to 60 collaborators, marked 'confidential - please do not "
                        "share'."
                    ),
                    feedback=(
                        "A mass mail can leak whatever it says on top: keep the product out of it, or send it"
                        " from launch day."
                    ),
                ),
                Option(
                    (
                        "The executive's launch email to partners and collaborators, sent a few days early so"
                        " it is read in time."
                    ),
                    feedback=(
                        "The lesson sends that email on launch day; sent early it is a mass message about an "
                        "embargoed product."
                    ),
                ),
            ],
        ),
        Numeric(
            prompt=(
                "12 partners get a monthly call and 40 collaborators a quarterly newsletter. How many "
                "contacts with creators is that in a year?"
            ),
            answer=12 * 12 + 40 * 4,
            abs_tol=0,
            rel_tol=0,
            unit="contacts",
            why="12 × 12 calls + 40 × 4 newsletter contacts = 144 + 160 = 304.",
            mistakes=[
                Mistake(12 * 12 + 4, "You counted each newsletter once; it reaches all 40 collaborators."),
                Mistake(12 + 40, "That is the number of creators, not of contacts over a year."),
            ],
        ),
    ],
)
