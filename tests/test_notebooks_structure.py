"""Every notebook has the course's shape, so learners and trainers always know where they are.

Skeleton: title slide with a promise, objectives with time and prerequisites, one setup cell that
imports from ``helpers`` only, slides for trainers with speaker notes, key points and a working
"What's next" link. Lesson notebooks also have a lab and at least three checked exercises. Stored
notebooks are executed top to bottom, error-free, with no machine paths, and match their source in
``tools/notebooks`` (so nobody edits a built notebook by hand and loses the change on rebuild).
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

from helpers import plots

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
IDS = [p.stem for p in NOTEBOOKS]


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _md(nb: dict) -> str:
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


@pytest.fixture(params=NOTEBOOKS, ids=IDS)
def notebook(request) -> tuple[Path, dict]:
    return request.param, _load(request.param)


def test_there_is_a_start_here_notebook():
    assert (ROOT / "notebooks" / "00_start_here.ipynb").is_file()


def test_first_cell_is_a_title_slide_with_a_promise(notebook):
    _, nb = notebook
    first = nb["cells"][0]
    assert first["cell_type"] == "markdown" and "".join(first["source"]).startswith("# ")
    assert first["metadata"].get("slideshow", {}).get("slide_type") == "slide"
    promise = re.search(r"\*\*.+?\*\*", "".join(first["source"]), re.S)
    assert promise, "the title cell states its promise in bold"


def test_skeleton_sections_are_present_in_order(notebook):
    _, nb = notebook
    text = _md(nb)
    positions = [text.find(h) for h in ("## Objectives", "## Key points", "## What's next")]
    assert all(p >= 0 for p in positions), "needs '## Objectives', '## Key points', '## What's next'"
    assert positions == sorted(positions)
    assert "Time to learn" in text and "Prerequisites" in text


def test_stated_lesson_time_is_the_course_maps_minutes(notebook):
    """Review B11: the title's "In N minutes" and the objectives' "Time to learn: N minutes" state
    helpers.course.COURSE's minutes (the README, 00's map, the progress table and the lesson plan
    use them), never a number typed into one notebook (06 said 60 where the course says 90)."""
    from helpers import course

    path, nb = notebook
    expected = course.lesson(path.stem[:2]).minutes
    markdown = [("".join(c["source"])) for c in nb["cells"] if c["cell_type"] == "markdown"]
    title = markdown[0]
    objectives = next(text for text in markdown if text.lstrip().startswith("## Objectives"))
    for where, text in (("title", title), ("objectives", objectives)):
        stated = [int(n) for n in re.findall(r"\b(\d+)[ -](?:minutes?|min)\b", text)]
        assert stated, f"the {where} cell states the lesson's time in minutes"
        assert set(stated) == {expected}, f"the {where} cell says {stated} minutes; COURSE says {expected}"
    claims = re.findall(r"(?:\bIn|Time to learn:\*\*)\s*(\d+)\s*minutes", "\n".join(markdown))
    assert claims and {int(n) for n in claims} == {expected}, (claims, expected)


def test_setup_cell_imports_from_helpers_only(notebook):
    _, nb = notebook
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    setup = "".join(code[0]["source"])
    imports = re.findall(r"^\s*(?:from|import)\s+([\w.]+)", setup, re.M)
    assert imports and all(m.split(".")[0] == "helpers" for m in imports), imports


def test_slides_and_speaker_notes_for_trainers(notebook):
    _, nb = notebook
    kinds = [c["metadata"].get("slideshow", {}).get("slide_type") for c in nb["cells"]]
    assert kinds.count("slide") >= 4, "a title slide and one slide per section"
    assert "notes" in kinds, "at least one speaker-notes cell"


def test_every_section_starts_its_own_slide_and_some_steps_are_fragments(notebook):
    """RISE and the static decks: one slide (or subslide) per ``##`` section, never two sections on
    one slide; fragments reveal a result after the question it answers."""
    _, nb = notebook
    for cell in nb["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        source = "".join(cell["source"])
        kind = cell["metadata"].get("slideshow", {}).get("slide_type")
        if source.startswith("## "):
            heading = source.splitlines()[0]
            assert kind in ("slide", "subslide"), f"section {heading!r} is not a slide ({kind})"
        assert not re.search(r"\n## ", source), f"two sections on one slide: {source[:60]!r}"
    kinds = [c["metadata"].get("slideshow", {}).get("slide_type") for c in nb["cells"]]
    assert "fragment" in kinds, "at least one fragment"


def test_whats_next_links_to_an_existing_or_planned_notebook(notebook):
    _, nb = notebook
    from helpers import course

    tail = _md(nb).split("## What's next", 1)[1]
    links = re.findall(r"\]\(([^)]+\.ipynb)\)", tail)
    assert links, "What's next needs a link to the next notebook"
    planned = {lesson.notebook for lesson in course.COURSE}
    assert all(Path(link).name in planned for link in links), links


def test_navigation_links_home_back_and_next_below_the_title_and_at_the_end(notebook):
    path, nb = notebook
    from helpers import course

    expected = course.navigation_markdown(path.stem[:2])
    cells = nb["cells"]
    for cell in (cells[1], cells[-1]):
        assert cell["cell_type"] == "markdown" and "".join(cell["source"]) == expected
        assert "course-navigation" in cell["metadata"].get("tags", [])
        assert cell["metadata"].get("slideshow", {}).get("slide_type") == "skip"
    for target in re.findall(r"\]\(([^)]+\.ipynb)\)", expected):
        assert (path.parent / target).is_file(), target


def test_lesson_notebooks_have_a_lab_and_three_checked_exercises(notebook):
    path, nb = notebook
    if path.name.startswith("00_"):
        pytest.skip("00 demonstrates exercises and labs; the rule is for lessons 01-12")
    code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    assert re.search(r"widgets\.\w+\(", code), "a widget lab from helpers.widgets"
    checks = set(re.findall(r"ex\.(q\d+\w*)\.check\(", code))
    assert len(checks) >= 3, (
        f"at least three exercises checked with helpers.exercises, found {sorted(checks)}"
    )
    assert re.search(r"ex\.quiz\b", code), "a short concept quiz"


def test_stored_executed_in_order_without_errors_or_machine_paths(notebook):
    path, nb = notebook
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    counts = [c.get("execution_count") for c in code]
    assert counts == list(range(1, len(code) + 1)), "run top to bottom once (make notebooks)"
    for cell in code:
        for out in cell.get("outputs", []):
            assert out["output_type"] != "error", f"stored error: {out.get('ename')}"
            # a warning (e.g. Matplotlib's "constrained_layout not applied") is printed to stderr: the
            # learner reads it under the figure as if something were wrong
            assert out.get("name") != "stderr", f"stored stderr: {''.join(out.get('text', ''))[:300]}"
    assert not re.search(r"/(work|tmp|root|home|Users)/[\w.-]+/", path.read_text(encoding="utf-8"))


def test_every_static_figure_reads_at_12px_on_a_projector_with_the_file_browser_open(notebook):
    """At 1024x768 with JupyterLab's file browser open (what a learner sees first) a notebook's output is
    ``plots.NOTEBOOK_OUTPUT_PX[0]`` CSS px wide and a wider PNG is shrunk to fit: every stored figure's
    smallest text (stored by ``plots.show``) must still be 12 CSS px. The browser test measures the same
    on the page; this one needs no browser (the contributors' fast loop)."""
    import base64
    import io

    from PIL import Image

    path, nb = notebook
    small = []
    for i, cell in enumerate(nb["cells"]):
        for out in cell.get("outputs", []):
            if "image/png" not in out.get("data", {}):
                continue
            image = Image.open(io.BytesIO(base64.b64decode(out["data"]["image/png"])))
            image.load()
            smallest = json.loads(image.text.get("Smallest text", '{"pt": 0, "text": "no Smallest text"}'))
            dpi = image.info.get("dpi", (72, 72))[0]
            shown = min(1.0, plots.NOTEBOOK_OUTPUT_PX[0] / image.width)
            px = smallest["pt"] * dpi / 72 * shown
            if px < plots.MIN_SCREEN_TEXT_PX - 0.05:
                small.append(f"cell {i}: {image.width} px wide, {smallest['text']!r} at {px:.1f} px")
    assert not small, f"{path.name}: figure text under 12 px at 1024x768 with the file browser open: {small}"


def test_volatile_outputs_are_tagged_cell_by_cell_never_the_whole_notebook(notebook):
    _, nb = notebook
    assert "nbval-ignore-output" not in json.dumps(nb.get("metadata", {}))
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        shows_widget = any(
            "application/vnd.jupyter.widget-view+json" in out.get("data", {})
            for out in cell.get("outputs", [])
        )
        if shows_widget:
            assert "nbval-ignore-output" in cell["metadata"].get("tags", []), "".join(cell["source"])[:60]


def _source_module(stem: str):
    tools = ROOT / "tools"
    sys.path.insert(0, str(tools))
    try:
        path = next((tools / "notebooks").glob(f"nb{stem[:2]}_*.py"))
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(tools))


def test_stored_notebook_matches_its_source(notebook):
    path, nb = notebook
    module = _source_module(path.stem)
    assert path.stem == module.NAME
    built = module.build().notebook()
    assert ["".join(c["source"]) for c in nb["cells"]] == [c.source for c in built.cells], (
        f"{path.name} differs from tools/notebooks: rebuild it with `make notebooks`"
    )
