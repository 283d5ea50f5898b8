"""The course map: every notebook, its promise, its time, and where a learner is.

One list (:data:`COURSE`) feeds the map in ``00_start_here``, the README, navigation links and the
lesson-plan checks, so the course is described in exactly one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from IPython.display import Markdown

from . import paths


@dataclass(frozen=True)
class Lesson:
    """One notebook of the course.

    Attributes:
        number: two-digit lesson number, e.g. ``"03"``.
        slug: file stem without the number, e.g. ``"why_it_works"``.
        title: human title.
        promise: one line: what the learner can do afterwards.
        minutes: planned time to learn, in minutes (from the lesson plan).
    """

    number: str
    slug: str
    title: str
    promise: str
    minutes: int

    @property
    def notebook(self) -> str:
        """File name of the notebook, e.g. ``03_why_it_works.ipynb``."""
        return f"{self.number}_{self.slug}.ipynb"

    @property
    def lesson_plan(self) -> str:
        """File name of the lesson plan in ``lessons/``."""
        return f"{self.number}_{self.slug}.md"

    def exists(self, root: Path | None = None) -> bool:
        """Whether the notebook is already in ``notebooks/`` of ``root`` (default :func:`course_root`)."""
        return ((course_root() if root is None else root) / "notebooks" / self.notebook).exists()


def course_root() -> Path:
    """The course folder whose notebooks the map links: the learner's (:func:`helpers.paths.course_dir`),
    else the source checkout."""
    return paths.course_dir() or paths.REPO_ROOT


COURSE: tuple[Lesson, ...] = (
    Lesson("00", "start_here", "Start here", "Find your way around the course, JupyterLab and the labs.", 20),
    Lesson(
        "01",
        "what_is_influencer_marketing",
        "What influencer marketing is",
        "Explain the mix of endorsement and content marketing, and why tier labels depend on who counts.",
        45,
    ),
    Lesson(
        "02",
        "who_is_an_influencer",
        "Who is an influencer",
        "Tell influence from fame: authority, knowledge, position, relationship, size relative to a niche.",
        45,
    ),
    Lesson(
        "03",
        "why_it_works",
        "Why it works",
        "Explain trust and social proof, who owns the audience, and what disclosure does to trust.",
        45,
    ),
    Lesson(
        "04",
        "landscape_then_and_now",
        "The landscape, then and now",
        "Read real market figures honestly and explain why 2014 was easier than today.",
        40,
    ),
    Lesson(
        "05",
        "what_works_strategy_and_discovery",
        "What works: strategy, budget and discovery",
        "Turn a goal into KPIs and a budget, and choose how to find creators.",
        60,
    ),
    Lesson(
        "06",
        "what_works_relationships_and_schedule",
        "What works: relationships and a schedule",
        "Plan human outreach and a contact calendar tied to launches and PR.",
        90,
    ),
    Lesson(
        "07",
        "what_does_not_work",
        "What does not work",
        "Spot one-size-fits-all outreach and the popularity trap, with numbers.",
        65,
    ),
    Lesson(
        "08",
        "working_with_creators",
        "Working with creators: deals, briefs and contracts",
        "Choose a pay model, brief without over-controlling, read a contract, and vet an audience.",
        55,
    ),
    Lesson(
        "09",
        "metrics_and_money",
        "Metrics and money",
        "Compute ER variants, CPM to ROI on revenue and on margin, and EMV; rank tiers by the goal.",
        85,
    ),
    Lesson(
        "10",
        "attribution_incrementality_and_fraud",
        "Attribution, incrementality and fraud",
        "Tell attributed sales from caused sales with a holdout, and audit followers and disclosure.",
        80,
    ),
    Lesson(
        "11",
        "capstone_campaign_plan",
        "Capstone: plan a campaign end to end",
        "Plan, schedule, forecast and measure a campaign for a fictional brand.",
        95,
    ),
    Lesson(
        "12",
        "research_lab",
        "Research lab: your own data, a published finding",
        "Load your own export and reproduce a published finding with honest caveats.",
        105,
    ),
)


def lesson(number: str) -> Lesson:
    """The lesson with this two-digit number (``"00"`` .. ``"12"``)."""
    for item in COURSE:
        if item.number == number:
            return item
    raise KeyError(f"No lesson {number!r}; lessons are {[x.number for x in COURSE]}")


def course_map_markdown(root: Path | None = None) -> str:
    """The course map as a Markdown table; lessons not written yet are marked 'coming soon'."""
    rows = ["| # | notebook | you will be able to | minutes |", "|---|---|---|---|"]
    for item in COURSE:
        name = f"[{item.title}]({item.notebook})" if item.exists(root) else f"{item.title} *(coming soon)*"
        rows.append(f"| {item.number} | {name} | {item.promise} | {item.minutes} |")
    total = sum(item.minutes for item in COURSE)
    rows.append(f"| | **whole course** | | **{total}** |")
    return "\n".join(rows)


def show_course_map(root: Path | None = None) -> Markdown:
    """Display the course map in a notebook."""
    return Markdown(course_map_markdown(root))


def navigation_markdown(number: str) -> str:
    """One line of links for lesson ``number``: course home, previous and next lesson.

    Link texts name their target ("Previous: 02 Who is an influencer"), so they read well out of
    context (screen readers list links on their own). Used at the top and bottom of every notebook.
    """
    here = lesson(number)
    index = COURSE.index(here)
    home = COURSE[0]
    parts = []
    if here is home:
        parts.append(f"**{home.number} {home.title}** (course home)")
    else:
        parts.append(f"[Course home: {home.number} {home.title}]({home.notebook})")
    if index > 0:
        prev = COURSE[index - 1]
        parts.append(f"[Previous: {prev.number} {prev.title}]({prev.notebook})")
    if index + 1 < len(COURSE):
        nxt = COURSE[index + 1]
        parts.append(f"[Next: {nxt.number} {nxt.title}]({nxt.notebook})")
    else:
        parts.append("last lesson of the course")
    return "Course navigation: " + " · ".join(parts)
