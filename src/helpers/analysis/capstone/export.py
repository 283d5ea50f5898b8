"""Export: a Markdown summary, the shortlist as CSV and the schedule as ``.ics`` (+ CSV), written into a new
folder, never over an existing file (:func:`export_plan`).
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ... import paths, plots
from ...safe_files import csv_safe, plain_stem, write_new
from .. import schedule
from ..budget import (
    N_SIMS,
)
from .brief import _as_day
from .kpis import kpi_display, main_kpi
from .measurement_step import measurement_plan
from .plan import CampaignPlan
from .rubric import plan_checks, self_assessment
from .tracking import _slug


def markdown_table(table: pd.DataFrame, floatfmt: str = "{:,.2f}", index: bool = True) -> str:
    """A DataFrame as a GitHub-flavoured Markdown table (no extra dependency); ``|`` in cells is escaped."""

    def cell(value: Any) -> str:
        if isinstance(value, float | np.floating):
            text = floatfmt.format(value) if np.isfinite(value) else "n/a"
        else:
            text = str(value)
        return text.replace("|", "\\|").replace("\n", " ")

    columns = ([table.index.name or ""] if index else []) + [str(c) for c in table.columns]
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for label, *row in table.itertuples(name=None):  # itertuples keeps each column's type
        values = ([cell(label)] if index else []) + [cell(v) for v in row]
        lines.append("| " + " | ".join(values) + " |")
    return "\n".join(lines)


def shortlist_csv(plan: CampaignPlan) -> str:
    """The shortlist (signed + reserves) with each signed creator's promo code and tracked link, as CSV
    text (``\\n`` line ends); text cells a spreadsheet would run as a formula are neutralised
    (:func:`helpers.safe_files.csv_safe`)."""
    table = plan.shortlist.join(plan.tracking[["promo_code", "tracked_link"]])
    buf = io.StringIO()
    csv_safe(table).to_csv(buf, lineterminator="\n", float_format="%.4g")
    return buf.getvalue()


def plan_markdown(plan: CampaignPlan, levels: Mapping[str, int | str] | None = None) -> str:
    """The whole plan as a Markdown document (deterministic: no timestamps). ``levels`` adds the
    learner's self-assessment."""
    b = plan.brief
    kpis = kpi_display(plan.kpis)
    alloc = plan.allocation[
        ["share_pct", "budget_usd", "slots", "avg_fee_usd", "filled", "spend_usd", "pool"]
    ]
    signed = plan.signed[
        ["tier", "handle", "platform", "followers", "niche_fit", "audience_authenticity", "history"]
    ]
    tracking = plan.tracking[["handle", "promo_code", "flags", "past_disclosed_pct"]]
    numbers = plan.numbers()
    conflicts = plan.schedule.conflicts
    key_dates = [f"- {b.planning_start}: planning starts; first personalised messages go out"]
    if b.embargo_start is not None:
        key_dates.append(f"- {b.embargo_start} to {b.embargo_end}: embargo (briefings allowed, no posts)")
    key_dates.append(f"- {b.launch}: launch in {b.launch_city}; executive email to every creator")
    key_dates += [f"- {d}: {t} ({c})" for d, t, c in b.pr_events]
    if len(plan.posts):
        key_dates.append(
            f"- {_as_day(plan.posts['date'].min())} to {_as_day(plan.posts['date'].max())}: posts"
        )
    key_dates.append(f"- {b.window_end}: final report")
    parts = [
        f"# Campaign plan: {b.brand} - {b.product}",
        "",
        "*Built with the open influencer-marketing course (lesson 11). All creators, prices and results "
        "are SYNTHETIC course data: use the method, not the numbers.*",
        "",
        "## Brief",
        b.text(),
        "",
        markdown_table(b.table()),
        "",
        "## Goal and KPIs",
        f"Goal: **{b.goal}**. KPIs with the forecast's 80% interval (creator fees only):",
        "",
        markdown_table(kpis),
        "",
        "## Budget allocation",
        f"Split: {', '.join(f'{t} {v:g}%' for t, v in plan.split_pct.items() if v)}. "
        f"Spend USD {plan.spent_usd:,.0f} of USD {b.budget_usd:,.0f}.",
        "",
        markdown_table(alloc, floatfmt="{:,.0f}"),
        "",
        "## Shortlist",
        f"Scorecard weights: {', '.join(f'{k} {v:g}' for k, v in plan.weights.items())}. "
        f"{len(plan.signed)} creators to sign, {int(numbers['reserves'])} reserves; at a "
        f"{plan.reply_rate:.0%} reply rate, contact about {plan.contact_target}.",
        "",
        markdown_table(signed),
        "",
        "## Schedule",
        f"Cadence: {plan.cadence}. {numbers['touchpoints']:,.0f} contacts, {numbers['posts']:,.0f} posts, "
        f"about {numbers['staff_hours']:,.0f} staff hours (a course assumption) in the window.",
        "",
        *key_dates,
        "",
        (
            "No conflicts."
            if conflicts.empty
            else markdown_table(
                conflicts[["date", "kind", "who", "fix"]].assign(date=lambda t: t["date"].astype(str)),
                index=False,
            )
        ),
        "",
        "## Forecast",
        _forecast_sentence(plan),
        "",
        "## Measurement plan",
        markdown_table(measurement_plan(plan), index=False),
        "",
        "### Tracking per creator",
        markdown_table(tracking, floatfmt="{:,.0f}", index=False),
        "",
        "## Self-check",
        markdown_table(plan_checks(plan), index=False),
    ]
    if levels is not None:
        parts += ["", "## Self-assessment", markdown_table(self_assessment(plan, levels))]
    if plan.notes:
        parts += ["", "## Notes", *[f"- {n}" for n in plan.notes]]
    return "\n".join(parts) + "\n"


def _forecast_sentence(plan: CampaignPlan) -> str:
    kpi, f = main_kpi(plan.brief.goal), plan.forecast
    low, mid, high = (plots.human_number(f[f"{kpi}_{p}"]) for p in ("p10", "p50", "p90"))
    return (
        f"{kpi}: median {mid}, 80% interval {low}-{high}: past campaigns with the same goal and tiers, "
        f"one per signed creator, replayed {N_SIMS} times (lesson 05's planner). A planning range, not a "
        "promise."
    )


@dataclass(frozen=True)
class ExportedPlan:
    """Where an export went: the new ``folder`` and its ``files`` by kind (markdown, shortlist,
    calendar, schedule_csv)."""

    folder: Path
    files: dict[str, Path]

    def names(self) -> list[str]:
        """The file names written, in order."""
        return [p.name for p in self.files.values()]


def new_subfolder(parent: Path | str, stem: str) -> Path:
    """Create and return a folder ``parent/stem`` that did not exist before - or ``stem-2``,
    ``stem-3``...: never an existing folder (created atomically with ``mkdir``). ``stem`` must be a
    plain name (``ValueError`` otherwise: no folder part, no ``..``, not absolute)."""
    plain_stem(stem, "folder name")
    parent = Path(parent)
    parent.mkdir(parents=True, exist_ok=True)
    for n in range(1, 10_000):
        folder = parent / (stem if n == 1 else f"{stem}-{n}")
        try:
            folder.mkdir()
        except FileExistsError:
            continue
        return folder
    raise RuntimeError(f"no free folder name for {stem!r} in {parent}")  # pragma: no cover


def export_plan(
    plan: CampaignPlan, folder: Path | str | None = None, levels: Mapping[str, int | str] | None = None
) -> ExportedPlan:
    """Write the plan into a NEW subfolder of ``folder`` (default :func:`helpers.paths.output_dir`):
    ``plan.md`` (:func:`plan_markdown`), ``shortlist.csv`` (:func:`shortlist_csv`), ``schedule.ics``
    (RFC 5545, :func:`helpers.analysis.schedule.to_ics`) and ``schedule.csv``. Never overwrites: the
    subfolder is new, and each file appears under its name only once completely written
    (:func:`helpers.safe_files.write_new`); if a write fails, the files written so far and the new
    subfolder are removed again, and the ``OSError`` is raised."""
    parent = Path(folder) if folder is not None else paths.output_dir()
    target = new_subfolder(parent, f"{_slug(plan.brief.brand)}-{_slug(plan.brief.product)}-plan")
    name = f"{plan.brief.brand} - {plan.brief.product} campaign"
    contents = {
        "markdown": ("plan.md", plan_markdown(plan, levels)),
        "shortlist": ("shortlist.csv", shortlist_csv(plan)),
        "calendar": ("schedule.ics", schedule.to_ics(plan.schedule, calendar_name=name)),
        "schedule_csv": ("schedule.csv", schedule.to_csv(plan.schedule)),
    }
    files: dict[str, Path] = {}
    try:
        for kind, (filename, text) in contents.items():
            files[kind] = write_new(target / filename, text.encode("utf-8"))
    except BaseException:
        for path in files.values():  # no half plan: this export's own new folder goes again
            path.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            target.rmdir()
        raise
    return ExportedPlan(target, files)
