"""Relationship calendar: cadence per segment, launches, PR events and embargoes, conflicts, export.

The learner picks a (synthetic) brand, a cadence for each segment of its creators (long-term
partners, one-off collaborators, prospects who replied) - a fixed one for the whole segment, or
"each creator's preference" (the cadence and format each creator asked for) -, whether contacts are
tied to the launch calendar, the minimum gap between two contacts with one creator, who executive
trips are for (every city with a key partner, or cities with enough creators: a threshold) and how
many executives travel. The lab builds the year's calendar
with :func:`helpers.analysis.schedule.build_schedule`, overlays the brand's embargoes, launches, PR
events, trade shows and campaign posts, flags every conflict, and shows the chosen period.

The **Export** button writes the whole year as ``.ics`` (opens in common calendar apps) and
``.csv`` into the course's output folder (:func:`helpers.paths.output_dir`, git-ignored) - only
when clicked, and never over an existing file.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import ipywidgets as w
import numpy as np
import pandas as pd
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from .. import paths, plots
from ..analysis import schedule
from ..safe_files import export_problem
from ..tables import Column
from .base import Lab, LabInputError, LabResult, controls_grid, dropdown, register

#: Rows of the timeline, top to bottom: (key, label).
ROWS: tuple[tuple[str, str], ...] = (
    ("calendar", "Brand calendar"),
    ("posts", "Campaign posts"),
    ("partners", "Partners"),
    ("collaborators", "Collaborators"),
    ("prospects", "Prospects"),
    ("launch", "Launch contacts"),
    ("trips", "Executive trips"),
)
ROW_Y: dict[str, float] = {key: float(len(ROWS) - 1 - i) for i, (key, _) in enumerate(ROWS)}
#: Defaults of the lab's controls (also the notebook's starting point).
DEFAULTS: dict[str, Any] = {
    "partners": schedule.PREFERRED,
    "collaborators": schedule.PREFERRED,
    "prospects": "biannual newsletter",
    "tie_to_launches": True,
    "skip_calls_near_launches": True,
    "min_gap_days": 7,
    "trip_basis": "key partners",
    "trip_min_creators": 6,
    "executives": 1,
    "period": "year",
}
#: Conflicts listed in the lab's table (the rest are counted in the summary).
MAX_TABLE_ROWS = 12


def _days(values: Any) -> np.ndarray:
    """Dates as Matplotlib date numbers (days since 1970-01-01, Matplotlib's default epoch)."""
    return np.asarray(values, dtype="datetime64[D]").astype("int64").astype(float)


def plan_schedule(
    plan: schedule.PlanInput,
    partners: str = DEFAULTS["partners"],
    collaborators: str = DEFAULTS["collaborators"],
    prospects: str = DEFAULTS["prospects"],
    tie_to_launches: bool = DEFAULTS["tie_to_launches"],
    skip_calls_near_launches: bool = DEFAULTS["skip_calls_near_launches"],
    min_gap_days: int = DEFAULTS["min_gap_days"],
    trip_min_creators: int = DEFAULTS["trip_min_creators"],
    executives: int = DEFAULTS["executives"],
    trip_basis: str = DEFAULTS["trip_basis"],
) -> schedule.Schedule:
    """The whole year's checked schedule for these controls; :class:`LabInputError` when the brand
    has no creators or nothing at all would be scheduled."""
    if plan.roster.empty:
        raise LabInputError(
            f"{plan.brand} has no creators yet (no campaigns, no replies): choose another brand."
        )
    cadences = {"partners": partners, "collaborators": collaborators, "prospects": prospects}
    sched = schedule.build_schedule(
        plan,
        cadences,
        tie_to_launches=tie_to_launches,
        skip_calls_near_launches=skip_calls_near_launches,
        trip_min_creators=trip_min_creators,
        executives=executives,
        min_gap_days=min_gap_days,
        trip_basis=trip_basis,
    )
    if sched.contacts.empty:
        raise LabInputError(
            "Nothing is scheduled: give at least one segment a cadence, tie contacts to launches, "
            "or lower the creators needed for a trip."
        )
    return sched


def calendar_result(sched: schedule.Schedule, period: str = "year", year: int = schedule.YEAR) -> LabResult:
    """What the lab shows for one period of a schedule (see :func:`calendar_update`)."""
    numbers = schedule.summarise(sched, period, year)
    where = f"in {year}" if period == "year" else f"in {period}"
    n_conf = int(numbers["conflicts"])
    summary = (
        f"{sched.brand} {where}: {numbers['touchpoints']:,.0f} contacts with "
        f"{numbers['creators_reached']:,.0f} creators, about {numbers['staff_hours']:,.0f} staff hours."
    )
    if n_conf:
        parts = [
            f"{int(numbers[k.replace(' ', '_')])} {k}"
            for k in schedule.CONFLICT_KINDS
            if numbers[k.replace(" ", "_")]
        ]
        summary += f" {n_conf} conflict{'s' if n_conf > 1 else ''} to fix: " + ", ".join(parts) + "."
    else:
        summary += " No conflicts: ready to export."
    conflicts = sched.conflicts[schedule.in_period(sched.conflicts["date"], period, year)]
    table = conflicts[["date", "kind", "who", "detail", "fix"]].head(MAX_TABLE_ROWS).copy()
    table["date"] = np.datetime_as_string(table["date"].to_numpy("datetime64[D]"))
    table.index = pd.RangeIndex(1, len(table) + 1, name="#")
    if len(conflicts) > MAX_TABLE_ROWS:
        summary += f" The table lists the first {MAX_TABLE_ROWS}."
    return LabResult(
        summary=summary,
        numbers=numbers,
        table=table,
        extra={"schedule": sched, "period": period, "year": year},
    )


def calendar_update(plan: schedule.PlanInput, period: str = DEFAULTS["period"], **controls: Any) -> LabResult:
    """Build and check a brand's relationship calendar (:func:`plan_schedule`); report one period.

    Numbers (for ``period``): ``touchpoints`` (creator contacts), ``creators_reached``, entries per
    touchpoint kind (``call``, ``newsletter``, ``briefing``, ``exec_email``, ``trip``), ``posts``,
    ``staff_hours`` (a course assumption), ``conflicts`` and one count per conflict kind. The table
    lists the period's first conflicts; ``extra["schedule"]`` holds the whole year (for export).
    """
    return calendar_result(plan_schedule(plan, **controls), period, plan.year)


# --- drawing ------------------------------------------------------------------------------------------------
@dataclass
class _Artists:
    """The timeline's artists, created once and updated in place."""

    embargo_bands: PolyCollection
    trade_shows: PolyCollection
    trips: LineCollection
    points: dict[str, Line2D]
    conflicts: Line2D


_POINT_STYLE: dict[str, dict[str, Any]] = {
    "product_launch": {"marker": "^", "color": plots.PALETTE[7], "markersize": 11},
    "pr_event": {"marker": "D", "color": plots.PALETTE[4], "markersize": 8},
    "post": {"marker": "|", "color": plots.PALETTE[0], "markersize": 14, "markeredgewidth": 1.5},
    "partners": {"marker": "o", "color": plots.PALETTE[2], "markersize": 7},
    "collaborators": {"marker": "o", "color": plots.PALETTE[1], "markersize": 7},
    "prospects": {"marker": "o", "color": plots.PALETTE[5], "markersize": 7},
    # newsletters of each segment: squares (a segment that follows each creator's preference has both)
    "partners:newsletter": {"marker": "s", "color": plots.PALETTE[2], "markersize": 7},
    "collaborators:newsletter": {"marker": "s", "color": plots.PALETTE[1], "markersize": 7},
    "prospects:newsletter": {"marker": "s", "color": plots.PALETTE[5], "markersize": 7},
    "briefing": {"marker": "v", "color": plots.PALETTE[2], "markersize": 8},
    "exec_email": {"marker": "*", "color": plots.PALETTE[7], "markersize": 13},
}
#: Entry kinds a conflict mark is drawn on: the ones the team can move.
_MOVABLE = ("post", "call", "newsletter", "trip")


def _setup(fig: Figure) -> _Artists:
    ax = fig.axes[0]
    plots.reset_axes(ax)
    plots.style_axes(ax)
    fig.subplots_adjust(left=130 / (fig.get_figwidth() * 72), right=0.98, top=0.84, bottom=0.09)
    ax.set_yticks([ROW_Y[k] for k, _ in ROWS], [label for _, label in ROWS])
    ax.set_ylim(-0.6, len(ROWS) - 0.4)
    bands = PolyCollection([], facecolors="#BBBBBB", alpha=0.35, edgecolors="none", hatch="//", zorder=0)
    shows = PolyCollection([], facecolors=plots.PALETTE[5], alpha=0.6, edgecolors="#333333", zorder=1)
    trips = LineCollection([], colors=plots.PALETTE[3], linewidths=9, zorder=2)
    ax.add_collection(bands)
    ax.add_collection(shows)
    ax.add_collection(trips)
    points = {
        key: ax.plot([], [], linestyle="none", zorder=3, markeredgecolor="#333333", **style)[0]
        for key, style in _POINT_STYLE.items()
    }
    points["post"].set_markeredgecolor(plots.PALETTE[0])
    conflicts = ax.plot(
        [],
        [],
        linestyle="none",
        marker="X",
        markersize=13,
        color=plots.PALETTE[3],
        markeredgecolor="black",
        zorder=5,
    )[0]
    return _Artists(bands, shows, trips, points, conflicts)


def _swatch(symbol: str, colour: str, label: str) -> str:
    return (
        f'<span style="margin-right:14px;white-space:nowrap"><span style="color:{colour};font-size:1.3em">'
        f"{symbol}</span> {html.escape(label)}</span>"
    )


#: The figure's key, as HTML under the controls (a Matplotlib legend would be laid out on every redraw).
LEGEND_HTML = (
    '<div style="font-size:1.05em;line-height:1.8">'
    + "".join(
        _swatch(symbol, colour, label)
        for symbol, colour, label in (
            ("&#9636;", "#999999", "embargo (shaded)"),
            ("&#9650;", plots.PALETTE[7], "launch"),
            ("&#9670;", plots.PALETTE[4], "PR event"),
            ("&#9645;", plots.PALETTE[5], "trade show (outlined box)"),
            ("|", plots.PALETTE[0], "campaign post"),
            ("&#9679;", "#666666", "call"),
            ("&#9632;", "#666666", "newsletter"),
            ("&#9660;", plots.PALETTE[2], "briefing"),
            ("&#9733;", plots.PALETTE[7], "executive email"),
            ("&#9473;", plots.PALETTE[3], "executive trip (thick bar, own row)"),
            ("&#10006;", plots.PALETTE[3], "conflict"),
        )
    )
    + "</div>"
)


def _ticks(first: np.datetime64, last: np.datetime64, months_only: bool) -> tuple[np.ndarray, list[str]]:
    """Fixed x ticks (fast to draw; date locators recompute on every render): month starts for a year,
    the 1st and 15th of each month for a quarter."""
    months = np.arange(first.astype("datetime64[M]"), last.astype("datetime64[M]") + 1)
    starts = months.astype("datetime64[D]")
    days = starts if months_only else np.sort(np.concatenate([starts, starts + np.timedelta64(14, "D")]))
    names = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    labels = [
        names[int(str(d)[5:7]) - 1] if months_only else f"{int(str(d)[8:10])} {names[int(str(d)[5:7]) - 1]}"
        for d in days
    ]
    return _days(days), labels


def _unique_points(days: np.ndarray, y: float) -> np.ndarray:
    """Distinct (day, y) points: one marker per day and row keeps the figure light."""
    u = np.unique(days)
    return np.column_stack([u, np.full(u.size, y)]) if u.size else np.empty((0, 2))


@dataclass(frozen=True)
class TimelineMarks:
    """What the timeline draws for a schedule, in Matplotlib date numbers (days) and row heights
    (:data:`ROW_Y`): shaded embargo bands and trade-show boxes (polygons), executive trips
    (segments), one point per day and row for each kind in :data:`_POINT_STYLE` (``(n, 2)`` arrays)
    and one conflict mark per conflict day on the row of the entry that has to move."""

    embargo_bands: list[list[tuple[float, float]]]
    trade_shows: list[list[tuple[float, float]]]
    trips: list[list[tuple[float, float]]]
    points: dict[str, np.ndarray]
    conflicts: np.ndarray


def _point_masks(kind: np.ndarray, seg: np.ndarray) -> dict[str, tuple[np.ndarray, float]]:
    """For each key of :data:`_POINT_STYLE`: which entries it marks, and on which row."""
    y0 = ROW_Y["calendar"]
    masks = {
        "product_launch": (kind == "product_launch", y0),
        "pr_event": (kind == "pr_event", y0),
        "post": (kind == "post", ROW_Y["posts"]),
        "briefing": (kind == "briefing", ROW_Y["launch"]),
        "exec_email": (kind == "exec_email", ROW_Y["launch"]),
    }
    for segment in schedule.SEGMENTS:
        masks[segment] = ((kind == "call") & (seg == segment), ROW_Y[segment])
        masks[f"{segment}:newsletter"] = ((kind == "newsletter") & (seg == segment), ROW_Y[segment])
    return masks


def _conflict_points(sched: schedule.Schedule) -> np.ndarray:
    """One ``(day, row)`` point per conflict day, on the row of the entry that moves (a post, call,
    newsletter or trip when one is involved)."""
    e, y0 = sched.entries, ROW_Y["calendar"]
    kind = e["kind"].to_numpy(dtype=object)
    row_of = {}
    for eid, k, s in zip(e["entry_id"], kind, e["segment"].to_numpy(dtype=object), strict=True):
        if k in ("call", "newsletter"):
            row_of[eid] = ROW_Y.get(s, y0)
        elif k == "post":
            row_of[eid] = ROW_Y["posts"]
        elif k in ("briefing", "exec_email"):
            row_of[eid] = ROW_Y["launch"]
        elif k == "trip":
            row_of[eid] = ROW_Y["trips"]
    kind_of = dict(zip(e["entry_id"], kind, strict=True))
    cx, cy = [], []
    for day, involved in zip(_days(sched.conflicts["date"]), sched.conflicts["entries"], strict=True):
        ids = str(involved).split("; ")
        movable = [i for i in ids if kind_of.get(i) in _MOVABLE] or ids  # mark what has to move
        cx.append(day)
        cy.append(row_of.get(movable[-1], y0))
    return np.unique(np.column_stack([cx, cy]), axis=0) if cx else np.empty((0, 2))


def timeline_marks(sched: schedule.Schedule) -> TimelineMarks:
    """Everything the timeline draws for the whole year of ``sched`` (:class:`TimelineMarks`)."""
    e = sched.entries
    kind = e["kind"].to_numpy(dtype=object)
    start, end = _days(e["start"]), _days(e["end"]) + 1.0
    top, bottom = len(ROWS) - 0.4, -0.6
    y0, yt = ROW_Y["calendar"], ROW_Y["trips"]
    spans = {k: zip(start[kind == k], end[kind == k], strict=True) for k in ("embargo", "trade_show", "trip")}
    masks = _point_masks(kind, e["segment"].to_numpy(dtype=object))
    return TimelineMarks(
        embargo_bands=[[(a, bottom), (a, top), (b, top), (b, bottom)] for a, b in spans["embargo"]],
        trade_shows=[
            [(a, y0 - 0.2), (a, y0 + 0.2), (b, y0 + 0.2), (b, y0 - 0.2)] for a, b in spans["trade_show"]
        ],
        trips=[[(a, yt), (b, yt)] for a, b in spans["trip"]],
        points={key: _unique_points(start[mask], y) for key, (mask, y) in masks.items()},
        conflicts=_conflict_points(sched),
    )


def _show_period(ax: Any, artists: _Artists, period: str, year: int) -> None:
    """Frame the period: x limits with room for half a marker, marks outside the period dropped,
    fixed ticks."""
    first, last = schedule.period_bounds(period, year)
    lo, hi = _days(first), _days(last) + 1
    # half a marker and more (16 pt), so the first and last days' marks are not cut in half
    axes_pt = ax.get_position().width * ax.get_figure().get_figwidth() * 72
    pad = 16 / axes_pt * (hi - lo) + 0.5
    ax.set_xlim(lo - pad, hi + pad)
    for line in [*artists.points.values(), artists.conflicts]:  # a mark of the day before or after the
        xs, ys = np.asarray(line.get_xdata(), dtype=float), np.asarray(line.get_ydata(), dtype=float)
        keep = (xs >= lo) & (xs < hi)  # period would sit half cut at the edge: show the period's only
        if not keep.all():
            line.set_data(xs[keep], ys[keep])
    ticks, labels = _ticks(first, last, period == "year")
    ax.set_xticks(ticks, labels)


def calendar_title(result: LabResult) -> str:
    """The figure's finding: the period's conflicts to fix, or none and ready to export."""
    period = result.extra["period"]
    n = int(result.numbers["conflicts"])
    where = "2025" if period == "year" else period
    contacts = f"{result.numbers['touchpoints']:,.0f} contacts"
    if n:
        return f"{n} conflict{'s' if n != 1 else ''} to fix in {where}, {contacts}"
    return f"No conflicts in {where}: {contacts}, ready to export"


def draw_calendar(fig: Figure, result: LabResult, artists: _Artists | None) -> _Artists:
    """Draw the timeline of ``result`` (reusing ``artists``; returns them)."""
    if artists is None or artists.conflicts not in fig.axes[0].lines:
        artists = _setup(fig)
    ax = fig.axes[0]
    sched: schedule.Schedule = result.extra["schedule"]
    marks = timeline_marks(sched)
    artists.embargo_bands.set_verts(marks.embargo_bands)
    artists.trade_shows.set_verts(marks.trade_shows)
    artists.trips.set_segments(marks.trips)
    for key, pts in marks.points.items():
        artists.points[key].set_data(pts[:, 0], pts[:, 1])
    artists.conflicts.set_data(marks.conflicts[:, 0], marks.conflicts[:, 1])
    _show_period(ax, artists, result.extra["period"], result.extra["year"])
    plots.set_title(
        ax,
        calendar_title(result),
        f"{sched.brand}: synthetic calendar, creators and posts; staff hours are a course assumption",
    )
    return artists


def _checkbox(key: str, description: str) -> w.Checkbox:
    """A control's checkbox, starting at its :data:`DEFAULTS` value."""
    return w.Checkbox(
        value=DEFAULTS[key], description=description, indent=False, layout=w.Layout(width="auto")
    )


def _int_slider(key: str, description: str, low: int, high: int, width: str) -> w.IntSlider:
    """A control's whole-number slider from ``low`` to ``high`` in steps of 1, starting at its
    :data:`DEFAULTS` value, updating on release."""
    return w.IntSlider(
        value=DEFAULTS[key],
        min=low,
        max=high,
        step=1,
        description=description,
        style={"description_width": "initial"},
        continuous_update=False,
        layout=w.Layout(width=width),
    )


@register
class RelationshipCalendar(Lab):
    """Relationship-calendar lab (lesson 06)."""

    name = "relationship-calendar"
    title = "Relationship calendar: cadence, launches, PR, trips - and the conflicts"
    figsize = (plots.LAB_WIDTH_IN, 4.8)
    tables = ("influencers", "campaigns", "outreach", "calendar", "posts")
    table_index = "#"
    table_columns: ClassVar[dict[str, Column]] = {
        "date": Column("date", fmt="date"),
        "kind": Column("conflict", fmt="text"),
        "who": Column("who", fmt="text"),
        "detail": Column("what happens", fmt="text"),
        "fix": Column("fix", fmt="text"),
    }

    def __init__(
        self,
        *frames: pd.DataFrame | None,
        brand: str | None = None,
        out_dir: Path | str | None = None,
        **tables: pd.DataFrame | None,
    ) -> None:
        """Tables as in :class:`Lab`; ``brand`` opens the lab on that brand (default: the busiest),
        ``out_dir`` is where :meth:`export` writes (default: the course's exports folder)."""
        self._brand = brand
        self.out_dir = Path(out_dir) if out_dir is not None else None
        self._plans: dict[str, schedule.PlanInput] = {}
        self._schedules: dict[tuple, schedule.Schedule] = {}
        self._artists: _Artists | None = None
        self.export_button = w.Button(
            description="Export .ics + CSV", icon="download", button_style="primary"
        )
        self.export_button.layout = w.Layout(width="220px")
        self.export_status = w.HTML()
        self.export_button.on_click(lambda _b: self.export())
        self.last_export: tuple[Path, Path] | None = None
        super().__init__(*frames, **tables)

    def prepare(self, tables: dict[str, pd.DataFrame]) -> None:
        self.influencers = tables["influencers"]
        self.campaigns = tables["campaigns"]
        self.outreach = tables["outreach"]
        self.calendar = tables["calendar"]
        self.posts = tables["posts"]
        self.brands = sorted(
            set(self.campaigns["brand"].astype(str)) | set(self.outreach["brand"].astype(str))
        )
        self._default_brand = self._brand if self._brand in self.brands else self._busiest_brand()

    def _busiest_brand(self) -> str:
        """The brand with the most launches (the richest calendar) - the lab's starting brand."""
        launches = self.calendar[self.calendar["event_type"].astype(str) == "product_launch"]
        counts = launches["brand"].astype(str).value_counts()
        ranked = sorted(self.brands, key=lambda b: (-int(counts.get(b, 0)), b))
        return ranked[0]

    def plan(self, brand: str) -> schedule.PlanInput:
        """The brand's roster, calendar and posts, computed once and cached."""
        if brand not in self._plans:
            self._plans[brand] = schedule.plan_input(
                brand, self.influencers, self.campaigns, self.outreach, self.calendar, self.posts
            )
        return self._plans[brand]

    def make_controls(self) -> dict[str, w.ValueWidget]:
        options = schedule.cadence_options(include_preferred=True)
        return {
            "brand": dropdown("Brand", self.brands, self._default_brand),
            "period": dropdown(
                "Show",
                [("whole year", "year"), ("Q1", "Q1"), ("Q2", "Q2"), ("Q3", "Q3"), ("Q4", "Q4")],
                DEFAULTS["period"],
            ),
            "partners": dropdown("Partners", options, DEFAULTS["partners"]),
            "collaborators": dropdown("Collaborators", options, DEFAULTS["collaborators"]),
            "prospects": dropdown("Prospects", options, DEFAULTS["prospects"]),
            "tie_to_launches": _checkbox("tie_to_launches", "Briefings + executive emails at launches"),
            "skip_calls_near_launches": _checkbox(
                "skip_calls_near_launches", "Skip calls near launch contacts and trips"
            ),
            "min_gap_days": _int_slider("min_gap_days", "Min. days between contacts", 0, 30, "360px"),
            "trip_basis": dropdown(
                "Executive trips",
                [
                    ("to meet key partners", "key partners"),
                    ("where enough creators live", "creators"),
                ],
                DEFAULTS["trip_basis"],
            ),
            "trip_min_creators": _int_slider(
                "trip_min_creators", "Creators in a city (creator-based trips)", 1, 15, "360px"
            ),
            "executives": _int_slider("executives", "Executives who travel", 1, 3, "300px"),
        }

    def layout_controls(self) -> w.Widget:
        return controls_grid([*self.controls.values(), self.export_button])

    def below_figure(self) -> list[w.Widget]:
        return [self.export_status, w.HTML(LEGEND_HTML)]

    def compute(self, **values: Any) -> LabResult:
        brand, period = values.pop("brand"), values.pop("period")
        key = (brand, *sorted(values.items()))
        if key not in self._schedules:  # the period only changes the view: reuse the schedule
            if len(self._schedules) >= 64:
                self._schedules.clear()
            self._schedules[key] = plan_schedule(self.plan(brand), **values)
        return calendar_result(self._schedules[key], period, self.plan(brand).year)

    def draw(self, fig: Figure, result: LabResult) -> None:
        self._artists = draw_calendar(fig, result, self._artists)

    def export(self, folder: Path | str | None = None) -> tuple[Path, Path] | None:
        """Write the current schedule (whole year) as .ics and .csv; never overwrites a file.

        ``folder`` defaults to the lab's ``out_dir`` or the course's output folder. Returns the two
        paths (or None when the controls give no schedule or the files cannot be written) and reports
        in the lab's export status - including why a write failed and how to fix it.
        """
        if not self.result.ok or "schedule" not in self.result.extra:
            self.export_status.value = "Nothing to export: fix the message above first."
            return None
        target = Path(folder) if folder is not None else self.out_dir or paths.output_dir(create=False)
        try:  # a button's exception would vanish into the widget log: say it here instead
            ics, csv = schedule.write_exports(self.result.extra["schedule"], target)
        except Exception as exc:
            self.export_status.value = f"<span role='alert'>{html.escape(export_problem(exc, target))}</span>"
            return None
        self.last_export = (ics, csv)
        self.export_status.value = (
            f"Saved the whole year as <code>{html.escape(ics.name)}</code> and "
            f"<code>{html.escape(csv.name)}</code> in <code>{html.escape(str(target))}</code>."
        )
        return ics, csv
