"""The take-away templates (templates/): every one is linked from the working-with-creators lesson and
used by the capstone, and none carries placeholder syntax other than the documented fill-in marker."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import course

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = sorted(p for p in (ROOT / "templates").glob("*.md") if p.name != "README.md")
#: The one documented fill-in marker: ``[fill in: what goes here]``.
MARKER = re.compile(r"\[fill in: [^\[\]]+\]")
_BRACKETS = re.compile(r"\[([^\[\]]*)\](\()?")
_OTHER_PLACEHOLDERS = re.compile(r"\{\{|\}\}|<[A-Za-z_ ]+>|\bTODO\b|\bTBD\b|\bXXX\b|lorem ipsum", re.I)


def _lesson(slug: str) -> course.Lesson:
    return next(item for item in course.COURSE if item.slug == slug)


def placeholder_problems(text: str) -> list[str]:
    """Placeholders that are not the documented marker: ``{{x}}``, ``<name>``, TODO/TBD/XXX, lorem ipsum,
    and square brackets that are neither a link, a checkbox nor ``[fill in: ...]``."""
    problems = [f"placeholder {m.group(0)!r}" for m in _OTHER_PLACEHOLDERS.finditer(text)]
    for match in _BRACKETS.finditer(text):
        inner, link = match.group(1), match.group(2)
        if link or inner in (" ", "x", "X") or MARKER.fullmatch(match.group(0).rstrip("(")):
            continue
        problems.append(f"bracket {match.group(0)!r} is not a fill-in marker")
    return problems


def test_the_checker_finds_other_placeholder_syntax():
    assert placeholder_problems("Hi [fill in: name], see [the guide](x.md). - [ ] done") == []
    assert placeholder_problems("Hi {{name}}") and placeholder_problems("Hi <NAME>")
    assert placeholder_problems("Hi [NAME]") and placeholder_problems("Hi [fill in: ]")
    assert placeholder_problems("Fee: TBD")


def test_there_are_the_four_templates():
    names = {p.stem for p in TEMPLATES}
    assert names == {"outreach_email", "creative_brief", "contract_checklist", "campaign_report"}


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_template_has_only_the_documented_fill_in_markers(path):
    text = path.read_text(encoding="utf-8")
    assert placeholder_problems(text) == []
    assert MARKER.search(text), "a template with nothing to fill in is a document, not a template"


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_template_is_linked_from_the_lesson_notebook_and_the_readme(path):
    lesson = _lesson("working_with_creators")
    notebook = (ROOT / "notebooks" / lesson.notebook).read_text(encoding="utf-8")
    assert f"](../templates/{path.name})" in notebook
    assert f"]({path.name})" in (ROOT / "templates" / "README.md").read_text(encoding="utf-8")


def test_the_capstone_links_the_templates():
    capstone = _lesson("capstone_campaign_plan")
    notebook = (ROOT / "notebooks" / capstone.notebook).read_text(encoding="utf-8")
    for path in TEMPLATES:
        assert f"../templates/{path.name}" in notebook, f"the capstone does not link {path.name}"


def test_the_campaign_report_asks_for_what_lessons_09_and_10_teach():
    """A report that stops at attributed sales and ROAS on revenue repeats the mistakes 09 and 10 warn
    about: it must ask for profit after margin / break-even ROAS, incremental sales from a holdout beside
    the attributed ones, and an audience-quality check."""
    text = (ROOT / "templates" / "campaign_report.md").read_text(encoding="utf-8").lower()
    for phrase in (
        "break-even roas",
        "profit after margin",
        "holdout",
        "incremental sales",
        "attributed sales",
        "audience-quality check",
    ):
        assert phrase in text, phrase
