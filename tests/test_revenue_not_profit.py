"""Issue 12 item 4: ROI and ROAS in this course are computed on revenue, not profit. The learner-facing
texts about them must not call revenue above cost a "profit" (or a campaign "profitable")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: Texts that talk about ROI / ROAS on revenue: lessons 08 and 09, their notebooks' sources, exercises
#: and the campaign meter.
TEXTS = [
    "lessons/08_measuring_a_campaign.md",
    "lessons/09_capstone_campaign_plan.md",
    "tools/notebooks/nb08_measuring_a_campaign.py",
    "tools/notebooks/nb09_capstone_campaign_plan.py",
    "src/helpers/exercises/lesson08.py",
    "src/helpers/exercises/lesson09.py",
    "src/helpers/widgets/measure.py",
    "src/helpers/analysis/measurement.py",
    "src/helpers/analysis/capstone.py",
]
#: Phrases that read revenue above cost as profit.
WRONG = re.compile(
    r"cents of profit|profit in dollars|\bprofitable|made money|pays? back|money back|the profit\b",
    re.IGNORECASE,
)


@pytest.mark.parametrize("path", TEXTS)
def test_revenue_above_cost_is_not_called_profit(path):
    text = (ROOT / path).read_text(encoding="utf-8")
    hits = [m.group(0) for m in WRONG.finditer(text)]
    assert not hits, f"{path} calls revenue above cost a profit: {hits} - say 'revenue above cost' instead"


def test_the_roi_section_says_it_is_on_revenue_not_profit():
    source = (ROOT / "tools/notebooks/nb08_measuring_a_campaign.py").read_text(encoding="utf-8")
    assert "computed on **revenue**, not profit" in source
