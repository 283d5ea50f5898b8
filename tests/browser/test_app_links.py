"""The "open full screen" link under a lab in a notebook opens that lab alone in Voila (served by
the JupyterLab server, as `make lab` runs it) and the lab responds to its controls there."""

from __future__ import annotations

from typing import Any

import pytest
from browser_support import LabDriver, PageFactory, Server

pytestmark = pytest.mark.browser

NOTEBOOK = "notebooks/01_what_is_influencer_marketing.ipynb"
LINK = "a:has-text('full screen (Voilà)')"


def test_app_link_in_a_notebook_opens_the_lab_alone_and_it_responds(
    jupyter_lab: Server, page: Any, new_page: PageFactory, labs: LabDriver
) -> None:
    page.goto(jupyter_lab.url(f"lab/tree/{NOTEBOOK}", reset=""))
    link = page.locator(LINK).first
    link.wait_for(state="visible", timeout=90_000)  # the stored output of the app-link cell
    href = link.get_attribute("href") or ""
    assert href.endswith("voila/render/apps/tier-explorer.ipynb"), href
    assert link.get_attribute("target") == "_blank"

    with page.context.expect_page(timeout=30_000) as opened:
        link.click()
    app = opened.value
    app.on("request", new_page._record)  # the popup must stay offline too (checked by `page`)
    try:
        app.locator(".course-lab").first.wait_for(state="visible", timeout=180_000)
        assert "voila/render/apps/tier-explorer.ipynb" in app.url
        assert app.locator(".jp-InputArea, .cm-editor, .CodeMirror").count() == 0, "code is visible"
        found = [lab for lab in labs.find(app) if lab.controls and lab.outputs]
        assert [lab.name for lab in found] == ["tier-explorer"], [lab.name for lab in found]
        labs.change_and_wait(app, found[0])
    finally:
        app.close()
        jupyter_lab.shutdown_sessions()
