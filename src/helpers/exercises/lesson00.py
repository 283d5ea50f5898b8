'''Exercises for notebooks/00_start_here: gentle questions that show how exercises work.

They use fixed numbers given in the starter, not the bundled data.

Template for a lesson module (copy into ``lessonNN.py``; ids are ``"NN.<attribute name>"``)
-----------------------------------------------------------------------------------------

.. code-block:: python

    """Exercises for notebooks/NN_<name>."""

    from helpers.exercises import ChoiceQuestion, Mistake, NumericQuestion, SetQuestion, TableQuestion
    from helpers.exercises.quiz import MultipleChoice, Numeric, Option, Quiz

    _SETUP = """
    from helpers import data, metrics
    influencers = data.load_influencers()
    """  # what earlier notebook cells already provide; the course tests run it first


    def _micro_count() -> int:  # expected values may be computed lazily from the bundled data
        from helpers import data, metrics
        ...

    q1 = NumericQuestion(
        id="NN.q1",                      # must be "<lesson>.<this attribute name>"
        title="Micro creators under Later x Fohr",
        expected=_micro_count,           # a value, or a zero-argument callable (computed once, on use)
        abs_tol=0,                       # numbers: abs_tol / rel_tol; unit="%" for percentages
        setup=_SETUP,
        starter="n_micro = ____  # how many creators are micro?",
        var="n_micro",                   # the variable the starter assigns
        hints=["First hint (a nudge)", "Second hint (almost the answer)"],
        solution_code="n_micro = (metrics.tier(influencers.followers, 'later_fohr') == 'micro').sum()",
        explanation="Why this is the answer, in a sentence or three.",
        why="Shown with 'Correct': the point to remember.",
        mistakes=[
            Mistake(lambda: _count_under("mediakix"), "That is the Mediakix scheme; this asks Later x Fohr."),
            Mistake(when=lambda a: a > 10_000, feedback="More than the whole table?", example=20_000),
        ],
    )

    quiz1 = Quiz(id="NN.quiz1", title="...", questions=[MultipleChoice(...), Numeric(...)])

The course tests (``tests/test_exercises_course.py``) pick up every question and quiz of every
``lessonNN`` module on their own: each solution must pass, each known mistake must get its own
message, an arbitrary wrong answer must get the generic message and the untouched starter must say
"not attempted yet". In the notebook, an exercise cell is ``q.cell_code()``: the starter, then
``ex.q1.check(answer)``.
'''

from __future__ import annotations

from helpers.exercises import ChoiceQuestion, Mistake, NumericQuestion
from helpers.exercises.quiz import MultipleChoice, Numeric, Option, Quiz

q1 = NumericQuestion(
    id="00.q1",
    title="Engagement rate per follower",
    expected=2.5,
    unit="%",
    rel_tol=1e-3,
    starter="""
        likes = 1_850
        comments = 150
        followers = 80_000
        reach = 50_000  # accounts that saw the post

        answer = ____  # engagement rate per follower, in %
    """,
    hints=[
        "Engagements are the likes plus the comments.",
        "Divide the engagements by the number of followers, then multiply by 100 to get a percentage.",
    ],
    solution_code="answer = (likes + comments) / followers * 100",
    explanation=(
        "Engagement rate per follower = (likes + comments) / followers × 100 = 2,000 / 80,000 × 100 = "
        "**2.5 %**. Dividing by `reach` instead gives the engagement rate per reach (4 %): a different, "
        "usually higher number, because fewer people saw the post than follow the account."
    ),
    why="(1,850 + 150) / 80,000 × 100 = 2.5 %: two and a half engagements for every 100 followers.",
    mistakes=[
        Mistake(
            0.025,
            "That is the right ratio as a fraction; the question asks for a percentage: multiply by 100.",
        ),
        Mistake(4.0, "You divided by reach; this question asks per follower."),
        Mistake(2.3125, "You counted only the likes; engagements here are likes + comments."),
        Mistake(
            when=lambda a: isinstance(a, int | float) and a > 100,
            feedback="An engagement rate above 100 % is not possible here: divide by the followers.",
            example=2_000,
        ),
    ],
)

q2 = ChoiceQuestion(
    id="00.q2",
    title="Which tier?",
    expected="micro",
    choices=("nano", "micro", "mid-tier", "macro", "mega"),
    starter="""
        # Tiers by follower count (one common scheme; lesson 02 compares several):
        #   nano      1,000 - 9,999
        #   micro    10,000 - 99,999
        #   mid-tier 100,000 - 499,999
        #   macro    500,000 - 999,999
        #   mega     1,000,000 and more
        followers = 80_000

        answer = ____  # one of "nano", "micro", "mid-tier", "macro", "mega"
    """,
    hints=[
        "Find the row whose range contains 80,000.",
        "80,000 is at least 10,000 and below 100,000.",
    ],
    solution_code='answer = "micro"',
    explanation=(
        "80,000 lies between 10,000 and 99,999, so under this scheme the creator is **micro**. Other "
        "schemes draw the lines elsewhere: lesson 02 shows how the same creators change tier."
    ),
    why="80,000 is between 10,000 and 99,999.",
    mistakes=[
        Mistake("mid-tier", "Mid-tier starts at 100,000 followers; 80,000 is below that."),
        Mistake("macro", "Macro starts at 500,000 followers in this scheme: 80,000 is far below."),
    ],
)

quiz1 = Quiz(
    id="00.quiz1",
    title="Claims, evidence and engagement",
    questions=[
        MultipleChoice(
            prompt="Which of these is a vendor claim rather than a finding you can check?",
            options=[
                Option(
                    "An influencer platform's sales page: 'brands earn $6.50 for every $1 spent with us'.",
                    correct=True,
                    feedback=(
                        "Yes: it is published by someone selling the service, with no sample, method or data "
                        "you can inspect. Treat such figures as claims until checked."
                    ),
                ),
                Option(
                    "A peer-reviewed study (Wies, Bleier & Edeling, 2023) reporting that engagement with "
                    "sponsored posts first rises and then falls with follower count.",
                    feedback=(
                        "Not a vendor claim: independent researchers reviewed the method, and the paper "
                        "describes data and method so that others can scrutinise them."
                    ),
                ),
                Option(
                    "In the course's bundled posts table, the median engagement rate of nano creators is "
                    "higher than that of mega creators.",
                    feedback=(
                        "Not a vendor claim: it is a statement about data you have, and you can check it "
                        "yourself with one line of pandas."
                    ),
                ),
                Option(
                    "Engagement rate per follower is (likes + comments) / followers × 100.",
                    feedback=(
                        "Not a claim at all: it is a definition. A definition is useful or not, "
                        "but not true or false."
                    ),
                ),
            ],
        ),
        Numeric(
            prompt=(
                "A creator has 50,000 followers and an engagement rate per follower of 4 %. "
                "About how many engagements does a typical post get?"
            ),
            answer=2_000,
            rel_tol=0.01,
            unit="engagements",
            why="4 % of 50,000 is 0.04 × 50,000 = 2,000.",
            mistakes=[
                Mistake(200_000, "You multiplied by 4 instead of by 4 % (that is, 0.04)."),
            ],
        ),
    ],
)
