'''Exercises for notebooks/00_start_here: gentle questions that show how exercises work.

They use fixed numbers given in the task text, not the bundled data. The notebook source is
``tools/notebooks/nb00_start_here.py``; its exercise cells are ``answer = ____``, then
``ex.q1.check(answer)``.

Template for a lesson module (copy into ``lessonNN.py``; ids are ``"NN.<attribute name>"``)
-----------------------------------------------------------------------------------------

.. code-block:: python

    """Exercises for notebooks/NN_<name>."""

    from helpers.exercises import ChoiceQuestion, Mistake, NumericQuestion, SetQuestion, TableQuestion, slips
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
            # name= gives the mistake a readable, stable id in the trainer's class report
            # (helpers.class_report); without it the id is a hash of the feedback text
            Mistake(lambda: _count_under("hubspot"), "That is HubSpot's scheme.", name="wrong tier scheme"),
        ],
        # named slips: rules that turn the right answer into a predictable wrong one (see
        # helpers.exercises.slips; unit="%" questions catch the fraction for the percentage by themselves)
        slips=[slips.LOG_SLOPE_FOR_PERCENT_CHANGE],
    )

    quiz = Quiz(id="NN.quiz", title="...", questions=[MultipleChoice(...), Numeric(...)])
    # a second quiz in the same lesson: quiz2 = Quiz(id="NN.quiz2", ...)
    # multiple choice: >= 3 options, the wrong ones misconceptions people hold, each with its own
    # feedback; vary where the right one sits and keep lengths alike (tests/test_quiz.py checks the
    # answer key over the whole course: no position above 40 %, right = longest in at most a third)

The course tests (``tests/test_exercises_course.py``) pick up every question and quiz of every
``lessonNN`` module on their own: each solution must pass, each known mistake must get its own
message, an arbitrary wrong answer must get the generic message and the untouched starter must say
"not attempted yet". In the notebook, an exercise cell is ``q.cell_code()``: the starter, then
``ex.q1.check(answer)``.
'''

from __future__ import annotations

from helpers.exercises import Mistake, NumericQuestion
from helpers.exercises.quiz import MultipleChoice, Numeric, Option, Quiz

_STARTER = "answer = ____  # replace ____ with a number, e.g. 2.5 for 2.5%"

q1 = NumericQuestion(
    id="00.q1",
    title="Engagement rate by followers",
    # 48,000 followers; 1,150 likes and 290 comments (the numbers are given in the notebook's task text)
    expected=(1_150 + 290) / 48_000 * 100,  # 3.0 %
    unit="%",
    rel_tol=1e-3,
    starter=_STARTER,
    hints=[
        "Engagements are the likes plus the comments: 1,150 + 290.",
        "Divide the engagements by the followers (48,000), then multiply by 100 to get a percentage.",
    ],
    solution_code="answer = (1_150 + 290) / 48_000 * 100",
    explanation=(
        "Engagement rate by followers = (likes + comments) / followers × 100 = 1,440 / 48,000 × 100 = "
        "**3.0 %**. The denominator matters: dividing the same engagements by how many accounts saw "
        "the post gives a different number (00.q2 asks for it)."
    ),
    why="(1,150 + 290) / 48,000 × 100 = 3.0 %: three engagements for every 100 followers.",
    mistakes=[
        Mistake(
            0.03,
            "That is the right ratio as a fraction; the question asks for a percentage: multiply by 100 "
            "(0.03 is 3 %).",
        ),
        Mistake((1_150 + 290) / 21_000 * 100, "You divided by reach; this question asks per follower."),
        Mistake(1_150 / 48_000 * 100, "You counted only the likes; engagements here are likes + comments."),
        Mistake(290 / 48_000 * 100, "You counted only the comments; engagements here are likes + comments."),
        Mistake(
            when=lambda a: isinstance(a, int | float) and a > 100,
            feedback="An engagement rate above 100 % is not possible here: divide by the followers.",
            example=1_440,
        ),
    ],
)

q2 = NumericQuestion(
    id="00.q2",
    title="Engagement rate by reach",
    # the same post (1,150 likes, 290 comments) reached 21,000 accounts
    expected=(1_150 + 290) / 21_000 * 100,  # 6.857... %
    unit="%",
    rel_tol=1e-3,
    starter=_STARTER,
    hints=[
        "Same engagements as before (1,150 + 290), but a different denominator.",
        "Divide the engagements by the reach (21,000), then multiply by 100.",
    ],
    solution_code="answer = (1_150 + 290) / 21_000 * 100",
    explanation=(
        "Engagement rate by reach = (likes + comments) / reach × 100 = 1,440 / 21,000 × 100 ≈ **6.86 %**. "
        "It is higher than the rate by followers (3.0 %) because only 21,000 of the 48,000 followers saw "
        "the post. Always say which denominator a reported engagement rate uses."
    ),
    why="1,440 / 21,000 × 100 ≈ 6.86 %: more than twice the rate by followers, from the same post.",
    mistakes=[
        Mistake(
            (1_150 + 290) / 48_000 * 100,
            "That is the engagement rate by followers (from 00.q1); this question asks per reach.",
        ),
        Mistake(
            (1_150 + 290) / 21_000,
            "That is the right ratio as a fraction; the question asks for a percentage: multiply by 100.",
        ),
        Mistake(1_150 / 21_000 * 100, "You counted only the likes; engagements here are likes + comments."),
    ],
)

quiz = Quiz(
    id="00.quiz",
    title="Claims, evidence and engagement",
    questions=[
        MultipleChoice(
            prompt="Which of these is a vendor claim rather than a finding you can check?",
            options=[
                Option(
                    (
                        "A peer-reviewed study (Wies, Bleier & Edeling, 2023): engagement with sponsored "
                        "posts first rises, then falls, as follower count grows."
                    ),
                    feedback=(
                        "Not a vendor claim: independent researchers reviewed the method, and the paper "
                        "describes its data and method so that others can scrutinise them."
                    ),
                ),
                Option(
                    "Engagement rate per follower is (likes + comments) / followers × 100.",
                    feedback=(
                        "Not a claim at all: it is a definition. A definition is useful or not, but not true "
                        "or false."
                    ),
                ),
                Option(
                    "An influencer platform's sales page: 'brands earn $6.50 for every $1 spent with us'.",
                    correct=True,
                    feedback=(
                        "Yes: it is published by someone selling the service, with no sample, method or data "
                        "you can inspect. Treat such figures as claims until checked - however precise they "
                        "look."
                    ),
                ),
                Option(
                    (
                        "In the course's bundled posts table, the median engagement rate of nano creators is "
                        "higher than that of mega creators."
                    ),
                    feedback=(
                        "Not a vendor claim: it is a statement about data you have, and you can check it "
                        "yourself with one line of pandas."
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
