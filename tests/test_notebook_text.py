"""What a learner reads in the stored notebooks renders as written and points at things that exist.

- Money in markdown: JupyterLab typesets the text between two ``$`` of one cell as mathematics (its
  MathJax reads ``$...$`` as inline maths, and ``\\$`` or ``&#36;`` reach MathJax as a bare ``$``), so
  "$5-15 ... $30" turns into italic symbols. The course writes amounts in markdown as ``USD 1,000``;
  this test allows at most one ``$`` per markdown cell (outside code) and no escaped dollar at all.
  Stored HTML and Markdown outputs are typeset too: the same rule holds per HTML text run and per
  Markdown output.
- A "see the README's X section" sentence names a heading the README really has.
- Notebook titles follow one rule: the title, without the lesson number (the navigation line under it
  carries the number).
- Units: a KPI counted in impressions is not labelled "views" (lesson 09: views are video plays,
  impressions are showings).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpers.analysis import capstone

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
IDS = [p.stem for p in NOTEBOOKS]

_FENCE = re.compile(r"^(`{3,}|~{3,}).*?^\1", re.S | re.M)
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1", re.S)
_ESCAPED_DOLLAR = re.compile(r"\\\$|&#0*36;|&#x0*24;|&dollar;", re.I)
_README_REF = re.compile(r"README'?s\s+[*_]*([A-Za-z][\w ,'-]*?)[*_]*\s+section", re.I)


def _markdown_cells(path: Path) -> list[tuple[int, str]]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [(i, "".join(c["source"])) for i, c in enumerate(cells) if c["cell_type"] == "markdown"]


def _without_code(text: str) -> str:
    return _CODE_SPAN.sub("", _FENCE.sub("", text))


def dollar_problems(text: str) -> list[str]:
    """Why a markdown cell's dollars may render as mathematics in JupyterLab (empty: safe)."""
    prose = _without_code(text)
    problems = []
    if _ESCAPED_DOLLAR.search(prose):
        problems.append("an escaped dollar (\\$ or &#36;) still reaches MathJax as $: write USD")
    if prose.count("$") >= 2:
        problems.append(f"{prose.count('$')} bare $ in one cell: JupyterLab typesets between them; write USD")
    return problems


def test_the_dollar_rule_catches_what_breaks_and_passes_what_renders():
    assert dollar_problems("fees of $5-15 on Instagram and $15-30 on YouTube")
    assert dollar_problems("fees of \\$5-15 on Instagram")
    assert dollar_problems("fees of &#36;5-15 on Instagram")
    assert not dollar_problems("fees of USD 5-15 on Instagram and USD 15-30 on YouTube")
    assert not dollar_problems("one fee of $1,800")
    assert not dollar_problems("code: `f'${x}'` and `df$a$b`, fee USD 2")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_money_in_markdown_never_turns_into_mathematics(path):
    bad = {i: problems for i, text in _markdown_cells(path) if (problems := dollar_problems(text))}
    assert not bad, f"{path.name}: markdown cells {bad}"


def _rendered_output_texts(path: Path) -> list[tuple[int, str, str]]:
    """Each stored HTML or Markdown output, split where MathJax splits it (HTML tags end a string)."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    found = []
    for i, cell in enumerate(cells):
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "text/markdown" in data:  # JupyterLab pairs $ across the whole source before rendering
                found.append((i, "text/markdown", "".join(data["text/markdown"])))
            elif "text/html" in data:
                html = re.sub(r"<(script|style)\b.*?</\1>", "", "".join(data["text/html"]), flags=re.S)
                found += [(i, "text/html", node) for node in re.split(r"<[^>]+>", html)]
    return found


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_money_in_rendered_outputs_never_turns_into_mathematics(path):
    """JupyterLab typesets HTML and Markdown outputs too (a table cell "$23.35-$82.94" became maths)."""
    bad = [(i, mime, text[:80]) for i, mime, text in _rendered_output_texts(path) if dollar_problems(text)]
    assert not bad, f"{path.name}: outputs {bad}"


def _readme_headings() -> set[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return {m.group(1).strip().lower() for m in re.finditer(r"^#{1,6}\s+(.+?)\s*$", text, re.M)}


def _texts_that_mention_the_readme() -> list[tuple[str, str]]:
    texts = [(f"{p.name} [{i}]", t) for p in NOTEBOOKS for i, t in _markdown_cells(p)]
    texts += [(p.name, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "lessons").glob("*.md"))]
    return texts


def test_every_readme_section_a_lesson_points_to_exists():
    headings = _readme_headings()
    references = [
        (where, m.group(1).strip())
        for where, text in _texts_that_mention_the_readme()
        for m in _README_REF.finditer(" ".join(text.split()))
    ]
    assert references, "00 sends learners to the README's troubleshooting section; the scan found none"
    missing = [(where, name) for where, name in references if name.lower() not in headings]
    assert not missing, f"README has no such heading (headings: {sorted(headings)}): {missing}"


def test_the_readme_troubleshooting_section_answers_what_00_sends_learners_there_for():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"^## Troubleshooting\n(.*?)(?=^## )", text, re.S | re.M)
    assert match, "README needs a '## Troubleshooting' section"
    section = match.group(1)
    for topic in ("Binder", "Loading widget", "trust", "Restart Kernel", "progress.reset()", "chromium"):
        assert topic in section, f"the troubleshooting section does not cover {topic!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_titles_carry_no_lesson_number(path):
    _, title_cell = _markdown_cells(path)[0]
    title = title_cell.splitlines()[0]
    assert title.startswith("# ") and not re.match(r"#\s*\d", title), (
        f"{path.name}: write the title without its number, as the other lessons do: {title!r}"
    )


def test_impressions_are_counted_as_impressions_not_video_views():
    spec = capstone.KPI_SPECS["impressions"]
    assert spec.unit == "impressions", f"impressions are showings, not views (video plays): {spec.unit!r}"
    assert capstone.KPI_SPECS["CPM"].unit.endswith(f"per 1,000 {spec.unit}")


def _course_questions():
    import importlib
    import pkgutil

    import helpers.exercises as exercises
    from helpers.exercises import Question

    for info in pkgutil.iter_modules(exercises.__path__):
        if info.name.startswith("lesson"):
            module = importlib.import_module(f"helpers.exercises.{info.name}")
            yield from (q for q in vars(module).values() if isinstance(q, Question))


def test_feedback_hints_and_solutions_are_never_typeset_as_mathematics():
    """A check's feedback, hint or solution is an HTML output, which JupyterLab typesets: 05.q1's
    feedback "a $300 campaign counts as much as a $300,000 one" turned into maths. Every such block is
    marked ``mathjax_ignore`` (MathJax 3's default ignore class; JupyterLab 4 does not change it)."""
    questions = list(_course_questions())
    assert len(questions) > 30
    with_dollars = 0
    for q in questions:
        shown = [q.check(), q.solution(), *(q.hint(n) for n in range(1, len(q.hints) + 1))]
        for block in shown:
            html = block._repr_html_()
            opening = re.match(r"<div class='([^']*)'", html)
            assert opening and "mathjax_ignore" in opening.group(1).split(), f"{q.id}: {html[:120]}"
            with_dollars += html.count("$") >= 2
    assert with_dollars, "no block with dollars was rendered: the scan did not reach the texts it guards"
