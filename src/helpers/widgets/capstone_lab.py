"""Capstone planner (lesson 11): one brief, every decision, the whole plan - and an Export button.

The learner picks a (synthetic) brand, a goal, a budget and a split across follower tiers, how much
the scorecard values niche fit, whether to screen out audiences under 75% authentic, the signed
creators' contact cadence and when the first posts go live relative to the launch. The lab builds
the plan with :func:`helpers.analysis.capstone.build_plan` (lesson 05's planner, lesson 07's
scorecard, lesson 06's calendar) and shows the forecast of the goal's main count per tier with its
80% interval next to the campaign timeline with its conflicts; the table holds the goal's KPIs.

**Export** writes the plan - ``plan.md``, ``shortlist.csv``, ``schedule.ics`` and ``schedule.csv`` -
into a new folder under the course's output folder (:func:`helpers.paths.output_dir`, git-ignored),
only when clicked and never over an existing file.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import ipywidgets as w
import pandas as pd
from matplotlib.figure import Figure

from .. import metrics, paths, plots
from ..analysis import capstone, schedule
from ..analysis.planning import GOALS
from ..safe_files import export_problem
from .base import Lab, LabInputError, LabResult, controls_grid, dropdown, register, slider

#: Defaults of the lab's controls (the notebook's starting point).
DEFAULTS: dict[str, Any] = {
    "brand": capstone.DEFAULT_BRAND,
    "goal": capstone.DEFAULT_GOAL,
    "budget_usd": capstone.DEFAULT_BUDGET_USD,
    "split": capstone.DEFAULT_SPLIT,
    "fit_weight": capstone.DEFAULT_WEIGHTS["niche_fit"],
    "screen": True,
    "cadence": capstone.DEFAULT_CADENCE,
    "post_offset_days": 0,
}


def _build(
    bench: capstone.Workbench,
    brand: str,
    goal: str,
    budget_usd: float,
    split: str,
    fit_weight: float,
    screen: bool,
    cadence: str,
    post_offset_days: int,
) -> capstone.CampaignPlan:
    """The plan for these controls (:func:`helpers.analysis.capstone.build_plan`); :class:`LabInputError`
    for a budget of $0 or less, a plan the data cannot build, or a split no creator fills."""
    if budget_usd <= 0:
        raise LabInputError("Set a budget above $0.")
    weights = {**capstone.DEFAULT_WEIGHTS, "niche_fit": float(fit_weight)}
    try:
        brief = bench.brief(brand, goal, budget_usd)
        plan = capstone.build_plan(
            bench,
            brief,
            weights=weights,
            split=split,
            min_authenticity=metrics.AUTHENTICITY_MIN if screen else None,
            cadence=cadence,
            post_offset_days=int(post_offset_days),
        )
    except capstone.PlanError as err:
        raise LabInputError(str(err)) from err
    if plan.signed.empty:
        raise LabInputError(
            f"No {brief.niche} creator fills the slots this split buys: choose another split or raise "
            "the budget."
        )
    return plan


def capstone_numbers(plan: capstone.CampaignPlan, checks: pd.DataFrame) -> dict[str, float]:
    """The plan's numbers, the main count under the fixed name ``kpi_*``, the self-checks passed
    (``checks_passed`` / ``checks``) and who signs (:func:`helpers.analysis.capstone.who_signs`)."""
    numbers = plan.numbers()
    kpi = capstone.main_kpi(plan.brief.goal)
    numbers |= {f"kpi_{p}": numbers[f"{kpi}_{p}"] for p in ("p10", "p50", "p90")}
    numbers |= {"checks_passed": float(checks["passed"].sum()), "checks": float(len(checks))}
    return numbers | capstone.who_signs(plan.signed)


def capstone_summary(plan: capstone.CampaignPlan, checks: pd.DataFrame, screen: bool) -> str:
    """The plan's summary, the self-checks that do not pass yet, the plan's first note and who signs."""
    summary = plan.summary()
    failing = checks.loc[~checks["passed"], "check"].tolist()
    summary += f" Self-checks: {len(checks) - len(failing)} of {len(checks)} pass" + (
        f" (not yet: {'; '.join(failing)})." if failing else "."
    )
    if plan.notes:
        summary += " Note: " + plan.notes[0] + "."
    kpi = capstone.main_kpi(plan.brief.goal)
    return summary + " " + who_signs_sentence(capstone.who_signs(plan.signed), kpi, screen)


def capstone_update(
    bench: capstone.Workbench,
    brand: str = DEFAULTS["brand"],
    goal: str = DEFAULTS["goal"],
    budget_usd: float = DEFAULTS["budget_usd"],
    split: str = DEFAULTS["split"],
    fit_weight: float = DEFAULTS["fit_weight"],
    screen: bool = DEFAULTS["screen"],
    cadence: str = DEFAULTS["cadence"],
    post_offset_days: int = DEFAULTS["post_offset_days"],
) -> LabResult:
    """Build the plan for these controls and report it.

    Args:
        bench: :func:`helpers.analysis.capstone.prepare` output (tables + caches).
        brand, goal, budget_usd (USD), split (a name of ``capstone.SPLITS``): the brief and allocation.
        fit_weight: the scorecard's niche-fit weight (engagement, audience quality and cost weigh 1).
        screen: leave out creators whose audience is under 75% authentic (Modash's fraud signal).
        cadence: the signed creators' regular contact; post_offset_days: first post relative to launch.

    Numbers (:func:`capstone_numbers`): ``creators``, ``slots``, ``reserves``, ``spent_usd``,
    ``unspent_usd``, the main count's ``<kpi>_p10/_p50/_p90`` plus ``kpi_p10``/``kpi_p50``/``kpi_p90``
    (the same, under a fixed name), ``touchpoints``, ``staff_hours``, ``posts``, ``conflicts``,
    ``posts_in_embargo``, ``contact_target``, ``checks_passed`` / ``checks`` and who signs. Table: the
    goal's KPIs (80% interval). ``extra["plan"]`` holds the :class:`~helpers.analysis.capstone.CampaignPlan`
    (for export).
    """
    plan = _build(bench, brand, goal, budget_usd, split, fit_weight, screen, cadence, post_offset_days)
    checks = capstone.plan_checks(plan)
    return LabResult(
        summary=capstone_summary(plan, checks, screen),
        numbers=capstone_numbers(plan, checks),
        table=capstone.kpi_display(plan.kpis),
        extra={"plan": plan},
    )


def who_signs_sentence(who: dict[str, float], kpi: str, screen: bool) -> str:
    """Why the headline forecast may not move when the brand or the screen changes, and what does."""
    return (
        f"Who signs (brand and screen decide): median niche fit {who['signed_median_niche_fit']:.2f}, "
        f"median audience {who['signed_median_real_audience_pct']:.0f}% real, lowest "
        f"{who['signed_lowest_real_audience_pct']:.0f}%"
        + (" (screen on: none under 75%)." if screen else " (screen off).")
        + f" The {kpi} forecast replays past campaigns of the tiers bought, so it changes with how many "
        "creators sign in each tier, not with which ones."
    )


def draw_capstone(fig: Figure, result: LabResult) -> None:
    """Left: the main count's forecast per tier with 80% intervals; right: the campaign timeline."""
    plan: capstone.CampaignPlan = result.extra["plan"]
    capstone.draw_forecast(fig.axes[0], plan, plain=True)
    plots.make_room_for_value_labels(fig.axes[0])  # its labels are two lines, set after the bars
    timeline = capstone.draw_timeline(fig.axes[1], plan)
    # its axis caption hangs a fixed share of the panel's height below it: on this shorter panel, move
    # it to 20 pt below (under the day labels)
    below = 20 / (timeline.get_position().height * fig.get_figheight() * 72)
    for text in timeline.texts:
        if text.get_text().startswith("days from launch"):
            text.set_y(-below)


@register
class CapstonePlanner(Lab):
    """Capstone planner lab (lesson 11)."""

    name = "capstone-planner"
    title = "Capstone: plan a campaign end to end"
    figsize = (plots.LAB_WIDTH_IN, 5.9)
    tables = ("influencers", "campaigns", "outreach", "calendar", "posts")

    def __init__(
        self, *frames: pd.DataFrame | None, out_dir: Path | str | None = None, **tables: pd.DataFrame | None
    ) -> None:
        """Tables as in :class:`Lab`; ``out_dir`` is where :meth:`export` writes (default: the
        course's exports folder)."""
        self.out_dir = Path(out_dir) if out_dir is not None else None
        self.export_button = w.Button(description="Export the plan", icon="download", button_style="primary")
        self.export_button.layout = w.Layout(width="200px")
        self.export_status = w.HTML()
        self.export_button.on_click(lambda _b: self.export())
        self.last_export: capstone.ExportedPlan | None = None
        self._built = False
        super().__init__(*frames, **tables)
        # the forecast over the timeline; the timeline's row names take the left margin
        self.ax = plots.lab_panels(self.fig, 2, heights=[1.0, 1.25], left_pt=150, gap_pt=84)
        self._built = True
        self.update()

    def prepare(self, tables: dict[str, pd.DataFrame]) -> None:
        self.bench = capstone.prepare(**tables)

    def make_controls(self) -> dict[str, w.ValueWidget]:
        brands = self.bench.brands
        brand = DEFAULTS["brand"] if DEFAULTS["brand"] in brands else brands[0]
        int_style = {"style": {"description_width": "initial"}, "continuous_update": False}
        return {
            "brand": dropdown("Brand", brands, brand),
            "goal": dropdown("Goal", list(GOALS), DEFAULTS["goal"]),
            "budget_usd": w.IntSlider(
                value=DEFAULTS["budget_usd"],
                min=0,
                max=100_000,
                step=2_500,
                description="Budget (USD)",
                layout=w.Layout(width="380px"),
                **int_style,
            ),
            "split": dropdown("Split", list(capstone.SPLITS), DEFAULTS["split"]),
            "fit_weight": slider("Niche-fit weight", DEFAULTS["fit_weight"], 0, 5, 0.5),
            "screen": w.Checkbox(
                value=DEFAULTS["screen"],
                description="Leave out audiences under 75% authentic",
                indent=False,
                layout=w.Layout(width="auto"),
            ),
            "cadence": dropdown("Contact cadence", schedule.cadence_options(), DEFAULTS["cadence"]),
            "post_offset_days": w.IntSlider(
                value=DEFAULTS["post_offset_days"],
                min=-14,
                max=21,
                step=1,
                description="First post (days from launch)",
                **int_style,
            ),
        }

    def layout_controls(self) -> w.Widget:
        return controls_grid([*self.controls.values(), self.export_button])

    def below_figure(self) -> list[w.Widget]:
        key = w.HTML(f"<div>Timeline key: {html.escape(capstone.TIMELINE_KEY)}</div>")
        return [self.export_status, key]

    def compute(self, **values: Any) -> LabResult:
        return capstone_update(self.bench, **values)

    def draw(self, fig: Figure, result: LabResult) -> None:
        if len(fig.axes) < 2:  # the base class draws once on its single Axes before the layout exists
            plots.message_axes(fig.axes[0], "")
            return
        draw_capstone(fig, result)

    def update(self) -> LabResult:
        if not getattr(self, "_built", False):  # first call from the base constructor: compute only
            self.result = self.run(self.values())
            return self.result
        return super().update()

    def export(self, folder: Path | str | None = None) -> capstone.ExportedPlan | None:
        """Write the current plan into a new folder (see :func:`helpers.analysis.capstone.export_plan`)
        under ``folder`` (default: the lab's ``out_dir`` or the course's output folder); report in the lab's
        export status - including why a write failed and how to fix it (then None is returned)."""
        if not self.result.ok or "plan" not in self.result.extra:
            self.export_status.value = "Nothing to export: fix the message above first."
            return None
        parent = Path(folder) if folder is not None else self.out_dir or paths.output_dir(create=False)
        try:  # a button's exception would vanish into the widget log: say it here instead
            exported = capstone.export_plan(self.result.extra["plan"], parent)
        except Exception as exc:
            self.export_status.value = f"<span role='alert'>{html.escape(export_problem(exc, parent))}</span>"
            return None
        self.last_export = exported
        names = ", ".join(f"<code>{html.escape(n)}</code>" for n in exported.names())
        self.export_status.value = f"Saved {names} in <code>{html.escape(str(exported.folder))}</code>."
        return exported
