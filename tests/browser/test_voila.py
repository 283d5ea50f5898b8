"""A widget lab served by Voila (as a dashboard, without code) responds to a control in Chromium."""

from __future__ import annotations

from typing import Any

import pytest
from browser_support import LabDriver, Notebook, Server

pytestmark = pytest.mark.browser

ERROR_MARKERS = (
    "Traceback (most recent call last)",
    "Error displaying widget",
    "There was an error when executing",
)


def test_voila_lab_responds_to_a_control(
    voila_notebook: Notebook, voila_server: Server, page: Any, labs: LabDriver
) -> None:
    # Voila executes the notebook while the page streams in, so the page "loads" only when every cell
    # has run: on a loaded 2-core machine that once took over the navigation's 90 s. Wait for the
    # response to start, then give the lab and the whole page the same 180 s.
    page.goto(voila_server.url(f"voila/render/{voila_notebook.path}"), wait_until="commit")
    page.locator(".course-lab").first.wait_for(state="visible", timeout=180_000)
    page.wait_for_load_state("load", timeout=180_000)

    found = [lab for lab in labs.find(page) if lab.controls and lab.outputs]
    assert found, f"{voila_notebook.path}: no .course-lab with controls and a .course-lab-output in Voila"

    body = page.locator("body").inner_text()
    errors = [marker for marker in ERROR_MARKERS if marker in body]
    assert not errors, f"{voila_notebook.path} shows an error in Voila ({errors}):\n{body[-2000:]}"

    # Voila strips the code: no code input area or editor, and no line of code on the page
    # (lines that a markdown cell quotes are left out of that check).
    inputs = page.locator(".jp-CodeCell .jp-InputArea, .jp-InputArea-editor, .cm-editor, .CodeMirror").count()
    assert inputs == 0, f"Voila shows {inputs} code input area(s)"
    markdown = voila_notebook.markdown_text()
    code_lines = {line.strip() for line in voila_notebook.code_text().splitlines() if len(line.strip()) > 25}
    shown = sorted(line for line in code_lines if line in body and line not in markdown)
    assert not shown, f"Voila shows source code: {shown[:3]}"

    failures = []
    for lab in found:
        try:
            labs.change_and_wait(page, lab)
        except AssertionError as err:
            failures.append(str(err))
    assert not failures, f"{voila_notebook.path} in Voila:\n" + "\n".join(failures)


def test_a_missing_notebook_gets_the_course_error_page_offline(voila_server: Server, page: Any) -> None:
    """Voila's 404 page in the course template: its own page skeleton, so no CDN (``page`` fails the
    test on any request off 127.0.0.1)."""
    response = page.goto(voila_server.url("voila/render/notebooks/no-such-notebook.ipynb"))
    assert response is not None and response.status == 404
    assert page.locator("h1").inner_text().startswith("404")
    assert page.title().strip() == "Influencer marketing course"
