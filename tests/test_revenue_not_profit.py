"""Issue 12 item 4: ROI and ROAS in this course are computed on revenue, not profit. The learner-facing
texts about them must not call revenue above cost a "profit" (or a campaign "profitable")."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpers import course, metrics

ROOT = Path(__file__).resolve().parents[1]
#: The lessons that talk about ROI / ROAS on revenue: metrics and money (09), attribution and
#: incrementality (10), the capstone (11).
LESSONS = [course.lesson(n) for n in ("09", "10", "11")]
MONEY = LESSONS[0]
#: Texts that talk about ROI / ROAS on revenue: those lessons' plans, notebook sources and exercises,
#: the campaign meter, the incrementality lab and the analyses behind them.
TEXTS = [
    *(f"lessons/{item.lesson_plan}" for item in LESSONS),
    *(f"tools/notebooks/nb{item.number}_{item.slug}.py" for item in LESSONS),
    *(f"src/helpers/exercises/lesson{item.number}.py" for item in LESSONS),
    "src/helpers/widgets/measure.py",
    "src/helpers/widgets/incrementality_lab.py",
    "src/helpers/analysis/measurement.py",
    "src/helpers/analysis/rankings.py",
    "src/helpers/analysis/incrementality.py",
    *(str(path.relative_to(ROOT)) for path in sorted((ROOT / "src/helpers/analysis/capstone").glob("*.py"))),
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
    source = (ROOT / f"tools/notebooks/nb{MONEY.number}_{MONEY.slug}.py").read_text(encoding="utf-8")
    assert "computed on **revenue**, not profit" in source


# --- Issue 17 item 3: profit is what the margin leaves -------------------------------------------------
RETURNS = metrics.RETURN_ON_SPEND


def test_each_return_metric_has_one_name_and_its_formula_in_its_docstring():
    names = [m.name.lower() for m in RETURNS]
    assert len(set(names)) == len(names)
    for metric in RETURNS:
        doc = " ".join(getattr(metrics, metric.function).__doc__.split())
        assert f"**{metric.name[0].upper() + metric.name[1:]}**" in doc, metric.name
        assert metric.formula in doc, metric.function
    # only the two margin metrics may be called profit
    assert [m.name for m in RETURNS if "profit" in m.name or "margin" in m.name] == [
        "profit after margin",
        "ROI on margin",
    ]


def test_roas_of_1_7_loses_money_at_a_40_percent_margin_while_its_roi_on_revenue_is_positive():
    assert metrics.roi(1_700, 1_000) == pytest.approx(0.7)
    assert metrics.profit_after_margin(1_700, 0.40, 1_000) == pytest.approx(-320.0)
    assert metrics.break_even_roas(0.40) == pytest.approx(2.5)


def test_notebook_09_shows_the_roas_of_1_7_losing_money_at_a_40_percent_margin():
    notebook = json.loads((ROOT / "notebooks" / MONEY.notebook).read_text(encoding="utf-8"))
    printed = "".join(
        "".join(output.get("text", ""))
        for cell in notebook["cells"]
        if cell["cell_type"] == "code" and "metrics.margin_roi" in "".join(cell["source"])
        for output in cell.get("outputs", [])
    )
    assert "ROI on revenue +70%" in printed
    assert "profit after margin -320 USD" in printed
    assert "ROI on margin -32%" in printed and "break-even ROAS 2.50" in printed


def test_lesson_09_exercise_on_the_margin_names_the_revenue_and_roas_slips():
    from helpers.exercises import lesson09

    question = lesson09.q9
    feedback = {m.resolved_value(): m.name for m in question.mistakes}
    right = question.expected_value
    assert "lost USD 500" in lesson09.MARGIN_OPTIONS[right]  # 5,000 x 0.30 - 2,000
    assert metrics.profit_after_margin(5_000, 0.30, 2_000) == pytest.approx(-500.0)
    assert set(feedback.values()) >= {"revenue for profit", "ROAS for ROI"}
    assert set(feedback) | {right} == set(lesson09.MARGIN_OPTIONS)


def test_capstone_measurement_plan_reports_roi_on_revenue_next_to_the_profit_after_margin():
    from helpers.analysis import capstone

    bench = capstone.prepare()
    row = capstone.measurement_plan(capstone.build_plan(bench, bench.brief())).set_index("what").loc["Return"]
    assert "ROI on revenue =" in row["how"] and "profit after margin = revenue x" in row["how"]
    assert "gross margin" in row["data"]
    assert "1 / margin" in row["target or rule"]
