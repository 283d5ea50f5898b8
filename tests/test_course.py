"""helpers.course: the one course map (lessons, minutes, links) and navigation between notebooks."""

from __future__ import annotations

import re

import pytest

from helpers import course


def test_lesson_numbers_are_consecutive_and_files_are_named_from_them():
    numbers = [item.number for item in course.COURSE]
    assert numbers == [f"{i:02d}" for i in range(len(numbers))]
    for item in course.COURSE:
        assert item.notebook == f"{item.number}_{item.slug}.ipynb"
        assert item.lesson_plan == f"{item.number}_{item.slug}.md"
        assert item.minutes > 0


def test_lesson_lookup_names_the_valid_numbers_when_wrong():
    assert course.lesson("03").slug == "why_it_works"
    with pytest.raises(KeyError, match="lessons are"):
        course.lesson("99")


def test_course_map_totals_the_minutes_and_marks_missing_notebooks(tmp_path):
    text = course.course_map_markdown(tmp_path)  # an empty folder: nothing written yet
    assert text.count("coming soon") == len(course.COURSE)
    total = sum(item.minutes for item in course.COURSE)
    assert f"**{total}**" in text


def _links(markdown: str) -> dict[str, str]:
    return dict(re.findall(r"\[([^\]]+)\]\(([^)]+)\)", markdown))


def test_navigation_of_a_middle_lesson_links_home_previous_and_next():
    links = _links(course.navigation_markdown("03"))
    assert links == {
        "Course home: 00 Start here": "00_start_here.ipynb",
        "Previous: 02 Who is an influencer": "02_who_is_an_influencer.ipynb",
        "Next: 04 The landscape, then and now": "04_landscape_then_and_now.ipynb",
    }


def test_navigation_of_the_first_and_last_lessons():
    first = course.navigation_markdown("00")
    assert "(course home)" in first and "Previous" not in first
    assert _links(first) == {"Next: 01 What influencer marketing is": "01_what_is_influencer_marketing.ipynb"}
    last = course.navigation_markdown(course.COURSE[-1].number)
    assert "Next" not in last and "last lesson of the course" in last


def test_the_readme_course_map_states_the_planned_minutes_and_an_honest_total():
    """Issue 12 item 18: the README's minutes, total and time sentence follow helpers.course.COURSE."""
    from helpers.paths import REPO_ROOT

    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| (\d\d) \| \[.*\| (\d+) \|$", readme, re.M))
    assert rows == {item.number: str(item.minutes) for item in course.COURSE}
    total = sum(item.minutes for item in course.COURSE)
    assert f"| | **whole course** | | **{total}** |" in readme
    words = {10: "ten", 11: "eleven", 12: "twelve", 13: "thirteen", 14: "fourteen"}
    assert (
        f"about\n{words[round(total / 60)]} hours" in readme
        or f"about {words[round(total / 60)]} hours" in readme
    )
    longest = sorted(course.COURSE, key=lambda item: item.minutes)[-2:]
    assert (
        f"The two longest lessons, {min(i.number for i in longest)} and {max(i.number for i in longest)},"
        in readme
    )
