"""Research lab (lesson 12): test a published finding on the course data, on an example export, or on
a creator export you upload.

Upload a CSV (Binder users: the **Upload** button; in code: :meth:`ResearchLab.load_file`). The file is
read by :func:`helpers.exports.read_influencer_export`, whose report (what was renamed, parsed and
dropped) is shown under the figure, and the chosen finding is measured on it with the same code as on
the bundled data (:mod:`helpers.analysis.finding`): median per log-follower bin with a 95 % bootstrap
interval, and a fit in log followers. A file that cannot be used gives the reader's message in the lab
(what is wrong and what the file needs), never a traceback. The lab only reads: it writes nothing, and
the uploaded bytes stay in memory.

Controls: the data (bundled creators, the example export, your file), the measure (engagement rate,
or paid-post performance when the data has it), the sample (every creator, a "top 200 by followers" list, or
200 at random) and the bin width in decades of followers.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ipywidgets as w
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from .. import plots
from ..analysis import finding
from ..exports import ExportFormatError, ExportSource, describe_report, read_influencer_export
from .base import Lab, LabInputError, LabResult, dropdown, register, slider

#: Below this many decades of followers a curve cannot be judged; the summary says so.
NARROW_DECADES = 1.5
#: Results kept per control combination (they are deterministic, so switching back is instant).
CACHE_SIZE = 256
#: What the lab calls each data source in its menu.
SOURCE_LABELS: dict[str, str] = {
    "bundled": "course data (synthetic)",
    "example": "example export (synthetic)",
    "upload": "your file",
}


@dataclass
class DataSource:
    """Creators ready for the analysis, with where they come from.

    Attributes:
        creators: table with ``followers`` and ``er_pct`` and/or ``lift`` (see
            :func:`helpers.analysis.finding.export_creators`).
        label: how summaries name the data.
        report: the export reader's report as text ("" for the bundled data).
        notes: what the analysis left out, in words.
    """

    creators: pd.DataFrame
    label: str
    report: str = ""
    notes: list[str] = field(default_factory=list)


def read_source(source: ExportSource, name: str | None = None) -> DataSource:
    """Read an export (path, bytes or one FileUpload entry) into a :class:`DataSource`.

    Raises the reader's errors unchanged (:class:`ExportFormatError` and friends), for the lab to show.
    """
    df = read_influencer_export(source, name=name)
    creators, notes = finding.export_creators(df)
    return DataSource(creators, label=str(df.attrs["report"].source), report=describe_report(df), notes=notes)


def research_lab_update(
    creators: pd.DataFrame,
    measure: str = "er",
    sample: str = "all",
    bin_width: float = finding.BIN_WIDTH,
    label: str = "these creators",
) -> LabResult:
    """Measure one finding on ``creators``: binned medians with 95 % bootstrap intervals and a fit.

    Args:
        creators: ``followers`` and the measure's column (``er_pct`` percent, ``lift`` ratio).
        measure: ``"er"`` (engagement rate, straight-line fit of ln ER on log10 followers) or ``"lift"``
            (paid-post performance, quadratic fit with its peak).
        sample: ``"all"``, ``"top200"`` (the 200 most followed) or ``"random200"``.
        bin_width: bin width in decades of followers (0.5: a factor of about 3.2 per bin).
        label: how the summary names the data.

    Numbers: ``creators``, ``bins``, ``followers_min``, ``followers_max`` (accounts), ``decades`` (log10
    range); for ``er`` also ``change_per_decade_pct`` with ``_low``/``_high`` (percent per tenfold
    followers); for ``lift`` ``peak_followers`` with ``_low``/``_high`` (accounts, NaN without a peak
    inside the range) and ``peak_share`` (share of bootstrap fits with a peak inside, 0-1).
    """
    selected = _fit_sample(creators, measure, sample, label)
    spec = finding.MEASURES[measure]
    try:
        fit = finding.fit_log_followers(
            selected["followers"], selected[spec["column"]], degree=spec["degree"]
        )
    except ValueError as err:
        raise LabInputError(f"{err}. Use data with creators of different sizes.") from None
    bins = finding.binned_medians(selected["followers"], selected[spec["column"]], width=bin_width)
    return LabResult(
        summary=research_summary(measure, fit, sample, label),
        numbers=finding.fit_numbers(measure, fit, bins=len(bins)),
        table=bin_table(bins, measure),
        extra={"bins": bins, "fit": fit, "measure": measure, "label": label, "sample": sample},
    )


def _fit_sample(creators: pd.DataFrame, measure: str, sample: str, label: str) -> pd.DataFrame:
    """The creators the fit uses: those with followers and the measure above 0, in the chosen sample.
    Raises :class:`LabInputError` (what to change) for an unknown measure or too few creators."""
    if measure not in finding.MEASURES:
        raise LabInputError(f"Unknown measure {measure!r}: choose one of {sorted(finding.MEASURES)}.")
    spec = finding.MEASURES[measure]
    column = spec["column"]
    values = creators[column] if column in creators else pd.Series(np.nan, index=creators.index)
    usable = creators[
        values.notna() & (values > 0) & creators["followers"].notna() & (creators["followers"] > 0)
    ]
    if usable.empty:
        need = (
            "a column of paid-post performance per creator (e.g. 'Paid Post Performance')"
            if measure == "lift"
            else "an engagement-rate column (or average likes)"
        )
        raise LabInputError(
            f"{label} has no {spec['name']} to analyse: the finding needs {need} next to followers. "
            "Choose the other measure or other data."
        )
    selected = finding.select_sample(usable, sample)
    if len(selected) < finding.MIN_FIT:
        raise LabInputError(
            f"Only {len(selected)} creators in {label} have a {spec['name']}: the fit needs at least "
            f"{finding.MIN_FIT}. Use a bigger file or 'all creators'."
        )
    return selected


def research_summary(measure: str, fit: finding.LogFit, sample: str, label: str) -> str:
    """The lab's sentences: the finding with its interval, the data it rests on, and the caveats (a top
    list is no sample; too narrow a follower range)."""
    decades = fit.x_max - fit.x_min
    span = f"{finding.follower_label(fit.x_min)}-{finding.follower_label(fit.x_max)} followers"
    sentences = [
        f"{finding.headline(measure, fit)} ({finding.interval_text(measure, fit)}).",
        f"{fit.n:,} creators from {label}, {span} ({decades:.1f} decades).",
    ]
    if sample == "top200":
        sentences.append(
            "A top list is chosen by followers: it is not a sample of creators and says nothing about "
            "accounts below its smallest member."
        )
    if decades < NARROW_DECADES:
        sentences.append(
            f"Only {decades:.1f} decades of followers: too narrow a range to judge how the curve bends."
        )
    return " ".join(sentences)


def bin_table(bins: pd.DataFrame, measure: str) -> pd.DataFrame:
    """The lab's table: one row per follower bin (creators, median and its 95 % interval)."""
    unit = "%" if measure == "er" else "ratio"
    table = bins[["bin", "n", "median", "ci_low", "ci_high"]].rename(
        columns={
            "bin": "followers",
            "n": "creators",
            "median": f"median ({unit})",
            "ci_low": "95% CI low",
            "ci_high": "95% CI high",
        }
    )
    return table.set_index("followers")


def draw_research(fig: Figure, result: LabResult) -> None:
    """Bin medians with intervals and the fitted curve; the title states the finding."""
    ax = fig.axes[0]
    extra = result.extra
    measure = extra["measure"]
    finding.draw_finding(ax, extra["bins"], extra["fit"], measure=measure)
    plots.legend_below(ax)  # inside the axes it would cover points at the projector width
    plots.set_title(
        ax,
        finding.headline(measure, extra["fit"]),
        f"{finding.interval_text(measure, extra['fit'], short=True)}; "
        f"{extra['label']}, {finding.SAMPLES[extra['sample']]}",
    )


@register
class ResearchLab(Lab):
    """Research lab (lesson 12): the published finding on course data, an example export or your file."""

    name = "research-lab"
    title = "Research lab: does the finding hold in these data?"
    figsize = (plots.LAB_WIDTH_IN, 5.2)
    tables = ("influencers", "posts")

    def __init__(
        self, *frames: pd.DataFrame | None, example: Path | None = None, **tables: pd.DataFrame | None
    ) -> None:
        """Tables as in :class:`Lab`; ``example`` is the example export offered as a source
        (default: the bundled one; a missing file is left out)."""
        self._example = finding.example_export_path() if example is None else example
        self.upload_error: str | None = None
        self._uploads = 0  # how many files were loaded: part of the cache key of the "upload" source
        self._cache: dict[tuple[Any, ...], LabResult] = {}
        self.upload = w.FileUpload(
            accept=".csv,.tsv,.txt", multiple=False, description="Upload CSV", button_style="info"
        )
        self.upload.observe(self._on_upload, names="value")
        self._report = w.HTML()
        super().__init__(*frames, **tables)
        # room for a two-line y label at the left and the key (3 entries) under the axes
        height_pt = self.fig.get_figheight() * 72
        self.fig.subplots_adjust(
            left=76 / (self.fig.get_figwidth() * 72), bottom=plots.legend_room_pt(3) / height_pt
        )
        self._output.children = (*self._output.children, self._report)
        self._report.value = self._report_html()

    def prepare(self, tables: dict[str, pd.DataFrame]) -> None:
        self.sources: dict[str, DataSource] = {
            "bundled": DataSource(
                finding.creator_table(tables["influencers"], tables["posts"]),
                label="the course data (synthetic)",
            )
        }
        if Path(self._example).is_file():
            source = read_source(self._example, name=Path(self._example).name)
            source.label = "the example export (synthetic)"
            self.sources["example"] = source

    # --- controls ----------------------------------------------------------------------------------
    def _source_options(self) -> list[tuple[str, str]]:
        options = [(SOURCE_LABELS[k], k) for k in ("bundled", "example") if k in self.sources]
        if "upload" in self.sources or self.upload_error is not None:
            name = self.sources["upload"].label if "upload" in self.sources else "could not be read"
            options.append((f"{SOURCE_LABELS['upload']}: {name}", "upload"))
        return options

    def make_controls(self) -> dict[str, w.ValueWidget]:
        return {
            "source": dropdown("Data", self._source_options(), "bundled"),
            "measure": dropdown(
                "Measure",
                [("engagement rate (%)", "er"), ("paid-post performance", "lift")],
                "er",
            ),
            "sample": dropdown("Sample", [(v, k) for k, v in finding.SAMPLES.items()], "all"),
            "bin_width": slider("Bin width (decades)", finding.BIN_WIDTH, 0.25, 1.0, 0.25),
        }

    def layout_controls(self) -> w.Widget:
        note = w.HTML(
            "<span style='font-size:1.05em'>Bring your own creator export (CSV): it is read in memory, "
            "never saved.</span>"
        )
        return w.VBox(
            [w.HBox([self.upload, note], layout=w.Layout(grid_gap="12px")), super().layout_controls()]
        )

    # --- data --------------------------------------------------------------------------------------
    def load_file(self, source: ExportSource, name: str | None = None) -> LabResult:
        """Read an export (a path, bytes, or one ``FileUpload`` entry), select it and update the lab.

        A file that cannot be used is not an exception here: the lab shows the reader's message.
        """
        self._uploads += 1
        try:
            self.sources["upload"] = read_source(source, name)
            self.upload_error = None
        except (
            ExportFormatError,
            FileNotFoundError,
            IsADirectoryError,
            PermissionError,
            TypeError,
            ValueError,
        ) as err:
            self.sources.pop("upload", None)
            self.upload_error = str(err).rstrip(".")
        control = self.controls["source"]
        self._hold = True
        try:
            control.options = self._source_options()
            control.value = "upload"
        finally:
            self._hold = False
        return self.update()

    def _on_upload(self, change: Mapping[str, Any]) -> None:
        files: Sequence[Mapping[str, Any]] = change["new"] or ()
        if files:
            entry = files[0]
            self.load_file(entry, name=str(entry.get("name") or "uploaded file"))

    # --- the pure update and the drawing ----------------------------------------------------------
    def compute(self, **values: Any) -> LabResult:
        key = values["source"]
        if key == "upload" and self.upload_error is not None:
            raise LabInputError(f"Your file cannot be used. {self.upload_error}.")
        cache_key = (key, self._uploads if key == "upload" else 0, *(values[k] for k in sorted(values)))
        if cache_key not in self._cache:  # results are deterministic (seeded): compute each once
            if len(self._cache) >= CACHE_SIZE:
                self._cache.clear()
            source = self.sources[key]
            self._cache[cache_key] = research_lab_update(
                source.creators, values["measure"], values["sample"], values["bin_width"], label=source.label
            )
        return self._cache[cache_key]

    def draw(self, fig: Figure, result: LabResult) -> None:
        draw_research(fig, result)

    def update(self) -> LabResult:
        result = super().update()
        if hasattr(self, "_report"):
            self._report.value = self._report_html()
        return result

    def _report_html(self) -> str:
        key = self.controls["source"].value
        source = self.sources.get(key)
        if source is None or not source.report:
            return ""
        notes = "".join(f"<li>{html.escape(n)}</li>" for n in source.notes)
        return (
            "<details open class='course-lab-report' style='font-size:1.0em'><summary><b>What the reader "
            "did with the file</b></summary>"
            f"<pre style='white-space:pre-wrap;font-size:0.95em'>{html.escape(source.report)}</pre>"
            + (f"<b>Left out of the analysis</b><ul>{notes}</ul>" if notes else "")
            + "</details>"
        )
