"""Widget labs: one pattern for every lab in the course.

A lab is **controls + one pure update function**:

* the *update function* is a plain module-level function from data and control values to a
  :class:`LabResult` (a summary sentence, named numbers, an optional table). It never touches a
  widget, so tests call it directly, without a browser;
* a *draw function* puts a result on a Matplotlib Figure that the lab creates once and reuses;
* the :class:`Lab` class wires the two to ipywidgets controls. It exposes ``controls`` (name ->
  widget), ``values()``, ``set(**values)`` and the last ``result`` so tests and notebooks can drive
  it exactly as a learner does.

A control combination that cannot be computed (an empty selection, every weight at zero...)
raises :class:`LabInputError` inside the update function; the lab shows its message in place of
the result - never a traceback.

Browser tests rely on two CSS classes: every lab's root element carries ``course-lab`` and
``course-lab-<name>``; the element that changes with the controls carries ``course-lab-output``.
"""

from __future__ import annotations

import html
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

import ipywidgets as w
import pandas as pd
from IPython.display import HTML
from matplotlib.figure import Figure

from .. import data, plots
from ..tables import Column, html_table, human_header


class LabInputError(ValueError):
    """Control values the lab cannot compute; the message says what to change."""


@dataclass
class LabResult:
    """What one update of a lab produced.

    Attributes:
        summary: one or two sentences stating the finding, in plain text.
        numbers: named figures shown to the learner (units in the name, e.g. ``conversions_p50``).
        table: an optional table shown under the figure.
        message: set instead of the above when the controls cannot be computed.
        extra: anything the draw function needs that is not for display.
    """

    summary: str = ""
    numbers: dict[str, float] = field(default_factory=dict)
    table: pd.DataFrame | None = None
    message: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when the lab computed a result (no friendly error message)."""
        return self.message is None


#: Where a lab's controls and figure meet a projector. At 1024x768 in JupyterLab with the file browser
#: open, a lab has about 590 px of output width and 650 px of visible notebook height; in app mode
#: (Voila) about 990 px by 768 px. The layout:
#:
#: * the controls sit **beside** the figure when the lab is at least :data:`BESIDE_PX` wide (app mode,
#:   a wide screen) and **over** it otherwise (they wrap above it), so a control and the figure it
#:   changes are on screen together;
#: * the controls form a grid of columns at least :data:`CONTROL_COLUMN_EM` wide (three columns over a
#:   590 px figure, one beside it), so even the labs with ten controls leave the figure room;
#: * a control's label takes the line above it, so a slider's track keeps its column's width whatever the
#:   label's length (no slider squashed to a dot), and labels wrap instead of being cut ("...");
#: * the summary sentence is set at the notebook's text size, below the figure's title.
#:
#: The CSS rules are scoped to ``.course-lab`` and shipped with every lab (a ``<style>`` in its header),
#: so they hold in JupyterLab, in the slideshow, in app mode and in a stored notebook's widget view.
CONTROL_COLUMN_EM = 14
#: Smallest width (px) the controls and the figure take side by side; narrower, they stack.
CONTROLS_MIN_PX, FIGURE_MIN_PX = 240, 560
BESIDE_PX = CONTROLS_MIN_PX + 24 + FIGURE_MIN_PX
#: Button colours with WCAG AA contrast, for the rules of a scope (``.course-lab``; the quizzes use it for
#: ``.course-quiz``). ipywidgets' own ``button_style`` colours put white text on cyan, green or orange
#: (2.7-4.1:1 in JupyterLab and Voila, below AA's 4.5:1); these are the same hues dark enough for white
#: text (5.1-6.7:1, and 7.9-9.0:1 when a toggle is pressed or hovered), as on the course website
#: (tools/site_config/_static/course-site.css). tests/browser/test_lab_legibility.py measures them.
BUTTON_COLOURS: dict[str, tuple[str, str]] = {
    "primary": ("#0b5cad", "#084a8c"),
    "info": ("#006c7a", "#00525d"),
    "success": ("#2e7d32", "#1b5e20"),
    "warning": ("#a34f00", "#7a3b00"),
    "danger": ("#c62828", "#8e1b1b"),
}


def button_css(scope: str) -> str:
    """CSS giving the buttons inside ``scope`` (a selector) :data:`BUTTON_COLOURS`: white text on each
    style's fill, a darker fill when pressed (``mod-active``) or hovered."""
    return "\n".join(
        f"{scope} .jupyter-button.mod-{style} {{ background-color: {fill}; color: #ffffff; }}\n"
        f"{scope} .jupyter-button.mod-{style}.mod-active, {scope} .jupyter-button.mod-{style}:hover:enabled "
        f"{{ background-color: {pressed}; color: #ffffff; }}"
        for style, (fill, pressed) in BUTTON_COLOURS.items()
    )


#: Colour of ipywidgets' "not connected" mark (a broken chain beside a widget view whose model has no
#: kernel yet: a stored lab or quiz before Run All). ipywidgets draws it red, which a learner opening the
#: course reads as an error; in the course's scopes it is a neutral grey (4.5:1 on white): a state, not a
#: fault. Notebook 00 says what it means.
DISCONNECTED_MARK_COLOUR = "#707070"


def disconnected_mark_css(scope: str) -> str:
    """CSS drawing ipywidgets' not-connected mark in :data:`DISCONNECTED_MARK_COLOUR` on ``scope`` (a
    selector) and on every widget view inside it."""
    return (
        f"{scope}.jupyter-widgets-disconnected::before, {scope} .jupyter-widgets-disconnected::before "
        f"{{ color: {DISCONNECTED_MARK_COLOUR}; }}"
    )


LAB_CSS = """
.course-lab .course-lab-controls > * { width: auto !important; min-width: 0 !important; max-width: 100%;
  margin: 1px 0; }
.course-lab .course-lab-controls .widget-inline-hbox { flex-wrap: wrap; height: auto; align-items: center; }
.course-lab .course-lab-controls .widget-inline-hbox > .widget-label { flex: 1 0 100%; width: auto !important;
  max-width: none; text-align: left; height: auto; line-height: 1.3; margin: 0; }
.course-lab .course-lab-controls .widget-slider > .slider-container { flex: 1 1 auto; min-width: 120px; }
.course-lab .course-lab-controls .widget-slider > .widget-readout { flex: 0 0 auto; min-width: 0;
  width: auto; margin-left: 8px; }
.course-lab .course-lab-controls .widget-dropdown > select { flex: 1 1 auto; width: 100%; min-width: 0; }
.course-lab .course-lab-controls .widget-label, .course-lab .course-lab-controls .widget-label-basic,
.course-lab .course-lab-controls .widget-label-basic span { white-space: normal; overflow: visible;
  text-overflow: clip; height: auto; line-height: 1.3; }
.course-lab .course-lab-controls .widget-checkbox { height: auto;
  min-height: var(--jp-widgets-inline-height); }
.course-lab .course-lab-summary, .course-lab .course-lab-message { font-size: 1em; line-height: 1.4; }
""".strip()
LAB_CSS += "\n" + button_css(".course-lab") + "\n" + disconnected_mark_css(".course-lab")


def _summary_html(result: LabResult) -> str:
    if result.ok:
        return f'<div class="course-lab-summary">{html.escape(result.summary)}</div>'
    return (
        '<div class="course-lab-message" style="border-left:6px solid #D55E00;'
        f'padding:4px 10px">&#9888; {html.escape(result.message or "")}</div>'
    )


def _table_html(
    table: pd.DataFrame | None,
    columns: Mapping[str, Column] | None = None,
    index: Column | str | bool | None = None,
    rest: bool = True,
) -> str:
    """The result's table in the house style (:func:`helpers.tables.html_table`), fitted to the width."""
    if table is None or table.empty:
        return ""
    return (
        '<div class="course-lab-table" style="font-size:1.05em;max-width:100%;overflow-x:auto">'
        + html_table(table, columns, index=index, rest=rest)
        + "</div>"
    )


class Lab:
    """Base class: build controls, call the pure update function, draw, show.

    Subclasses set ``name``, ``title`` and ``tables``, and implement :meth:`prepare` (what the lab
    derives from its tables), :meth:`make_controls`, :meth:`compute` (a thin call to the module's
    pure update function) and :meth:`draw`.
    """

    name: ClassVar[str] = "lab"
    title: ClassVar[str] = "Lab"
    figsize: ClassVar[tuple[float, float]] = plots.LAB_FIGSIZE
    #: Bundled tables the lab needs. The constructor takes each as an optional argument of the same
    #: name (by keyword, or by position in this order); a table not given is loaded from the bundled
    #: data (:func:`helpers.data.load_table`), so tests and benchmarks can pass other data.
    #: :meth:`prepare` receives them all.
    tables: ClassVar[tuple[str, ...]] = ()
    #: How the result's table is shown: column key -> :class:`helpers.tables.Column` (label, unit,
    #: format), in display order; ``None`` makes headers and formats from the column names and values.
    table_columns: ClassVar[Mapping[str, Column] | None] = None
    #: How the table's index is shown (a Column or a header; ``None``: its name, made readable).
    table_index: ClassVar[Column | str | None] = None

    @classmethod
    def from_tables(cls, tables: Mapping[str, pd.DataFrame]) -> Lab:
        """Build the lab on these tables (e.g. ten times the bundled rows, in a benchmark)."""
        return cls(**{name: tables[name] for name in cls.tables})

    @classmethod
    def resolve_tables(
        cls, *frames: pd.DataFrame | None, **given: pd.DataFrame | None
    ) -> dict[str, pd.DataFrame]:
        """The lab's tables, keyed as :attr:`tables` names them: each one given (by position in
        :attr:`tables` order or by keyword; ``None`` counts as not given), the others loaded from
        the bundled data. Raises ``TypeError`` for a table the lab does not take."""
        accepted = f"{cls.__name__} takes the tables {', '.join(cls.tables) or '(none)'}"
        if len(frames) > len(cls.tables):
            raise TypeError(f"{accepted}; got {len(frames)} tables by position")
        unknown = sorted(set(given) - set(cls.tables))
        if unknown:
            raise TypeError(f"{accepted} (as keywords); it has no table {', '.join(map(repr, unknown))}")
        named = dict(zip(cls.tables, frames, strict=False))
        twice = sorted(set(named) & set(given))
        if twice:
            raise TypeError(f"{cls.__name__} got the table {', '.join(map(repr, twice))} twice")
        named.update(given)
        resolved: dict[str, pd.DataFrame] = {}
        for key in cls.tables:
            frame = named.get(key)
            if frame is None:
                frame = data.load_table(key)
            elif not isinstance(frame, pd.DataFrame):
                raise TypeError(
                    f"{cls.__name__}: the table {key!r} must be a pandas DataFrame "
                    f"(e.g. helpers.data.load_table({key!r})), not {type(frame).__name__}"
                )
            resolved[key] = frame
        return resolved

    def __init__(self, *frames: pd.DataFrame | None, **tables: pd.DataFrame | None) -> None:
        self.prepare(self.resolve_tables(*frames, **tables))
        self.controls: dict[str, w.ValueWidget] = self.make_controls()
        self.result: LabResult = LabResult()
        self.last_update_ms: float = float("nan")
        self._hold = False
        self.fig, axes = plots.new_figure(figsize=self.figsize, fixed_margins=True)
        self.ax = axes
        self._summary = w.HTML()
        self._image = w.Image(format="svg+xml", layout=w.Layout(max_width="100%"))
        # the table wraps to the lab's width (no side margins: 100% + margins would overflow)
        self._table = w.HTML(layout=w.Layout(width="100%", margin="2px 0px"))
        # the figure right under the controls (what a control changes), then the sentence and the table
        self._output = w.VBox([self._image, self._summary, self._table, *self.below_figure()])
        self._output.add_class("course-lab-output")
        for control in self.controls.values():
            fit_control(control)
            control.observe(self._on_change, names="value")
        header = w.HTML(f'<style>{LAB_CSS}</style><h3 style="margin:0.2em 0">{html.escape(self.title)}</h3>')
        # controls beside the figure where there is room for both, over it where there is not
        controls = self.layout_controls()
        controls.layout.flex = f"1 1 {CONTROLS_MIN_PX}px"
        controls.layout.min_width = "0"
        self._output.layout.flex = f"3 1 {FIGURE_MIN_PX}px"
        self._output.layout.min_width = "0"
        body = w.HBox(
            [controls, self._output],
            layout=w.Layout(
                flex_flow="row wrap", align_items="flex-start", grid_gap="6px 24px", width="100%"
            ),
        )
        self.widget = w.VBox([header, body])
        self.widget.add_class("course-lab")
        self.widget.add_class(f"course-lab-{self.name}")
        self.update()

    # --- to implement in subclasses -------------------------------------------------------------
    def prepare(self, tables: dict[str, pd.DataFrame]) -> None:
        """Derive what the lab needs from its tables (one per name in :attr:`tables`), once, before
        the controls are made (default: nothing)."""

    def make_controls(self) -> dict[str, w.ValueWidget]:
        """Create the lab's controls, keyed by the name of the update function's argument."""
        raise NotImplementedError

    def compute(self, **values: Any) -> LabResult:
        """Call the lab's pure update function with the lab's data and these control values."""
        raise NotImplementedError

    def draw(self, fig: Figure, result: LabResult) -> None:
        """Draw a successful result on the lab's figure.

        The figure is reused between updates and not cleared: draw with functions that update
        their own artists (e.g. :func:`helpers.plots.bar_groups`) or clear the axes first.
        """
        raise NotImplementedError

    def layout_controls(self) -> w.Widget:
        """Arrange the controls (default: :func:`controls_grid` of every control, in order)."""
        return controls_grid(list(self.controls.values()))

    def below_figure(self) -> list[w.Widget]:
        """Widgets shown under the summary (a key to the figure, a status line); default none. Kept
        out of the controls so the figure sits right under them."""
        return []

    # --- the shared machinery -------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """Current control values, keyed like the update function's arguments."""
        return {key: control.value for key, control in self.controls.items()}

    def set(self, **values: Any) -> LabResult:
        """Set several controls at once (as a learner would), then update once."""
        unknown = set(values) - set(self.controls)
        if unknown:
            raise KeyError(f"{self.name} has no control(s) {sorted(unknown)}; it has {sorted(self.controls)}")
        self._hold = True
        try:
            for key, value in values.items():
                self.controls[key].value = value
        finally:
            self._hold = False
        return self.update()

    def _on_change(self, _change: Mapping[str, Any]) -> None:
        if not self._hold:
            self.update()

    def run(self, values: Mapping[str, Any]) -> LabResult:
        """Compute a result for these values; turn a :class:`LabInputError` into a message."""
        try:
            return self.compute(**values)
        except LabInputError as err:
            return LabResult(message=str(err))

    def render(self, result: LabResult) -> bytes:
        """Draw ``result`` on the reused figure and return the SVG bytes (blank axes for a message:
        the message itself appears once, in the summary area, and :meth:`update` hides the figure)."""
        if result.ok:
            if not self.result.ok:  # leaving a message: give the draw function clean axes
                for ax in self.fig.axes:
                    ax.clear()
                    ax.set_axis_on()
            self.draw(self.fig, result)
            plots.raise_small_text(self.fig, plots.LAB_MIN_FONT_PT)
            plots.fit_axis_labels(self.fig)
        else:  # the message is shown once, above the figure (the summary area); the figure is hidden
            for ax in self.fig.axes:
                plots.message_axes(ax, "")
        return plots.figure_svg(self.fig)

    def update(self) -> LabResult:
        """Recompute from the current controls and refresh summary, figure and table."""
        start = time.perf_counter()
        result = self.run(self.values())
        image = self.render(result)
        self.result = result
        self._summary.value = _summary_html(result)
        self._image.value = image
        self._image.layout.display = None if result.ok else "none"
        self._table.value = (
            _table_html(result.table, self.table_columns, self.table_index) if result.ok else ""
        )
        self.last_update_ms = (time.perf_counter() - start) * 1000
        return result

    def table_view(self, result: LabResult | None = None, keys: Sequence[str] | None = None) -> HTML:
        """A result's table (default: the last) as the lab shows it, for a notebook cell to display;
        ``keys`` keeps only these columns of :attr:`table_columns`, in this order."""
        result = self.result if result is None else result
        columns = self.table_columns
        if keys is not None:
            columns = {key: (columns or {}).get(key) or Column(human_header(key)) for key in keys}
        return HTML(_table_html(result.table, columns, self.table_index, rest=keys is None))

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any] | None:
        return self.widget._repr_mimebundle_(**kwargs)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} lab '{self.name}': {self.result.summary or self.result.message}>"


def fit_control(control: w.Widget) -> w.Widget:
    """Make a control fit a cell of :func:`controls_grid`: as wide as its cell (never a fixed width
    that overflows a narrow screen or leaves a track no room), its label at its natural width."""
    if isinstance(control, w.DOMWidget):
        control.layout.width = "auto"
        control.layout.min_width = None
        control.layout.max_width = "100%"
    if isinstance(control, w.Checkbox):
        control.indent = False
    if "description_width" in getattr(getattr(control, "style", None), "keys", []):
        control.style.description_width = "initial"
    return control


def controls_grid(items: Sequence[w.Widget]) -> w.GridBox:
    """The house layout of a lab's controls: a grid of columns at least :data:`CONTROL_COLUMN_EM` wide
    (as many as fit: three over the figure at 1024x768 in JupyterLab, one beside it in app mode), each
    control as wide as its cell."""
    grid = w.GridBox(
        [fit_control(item) for item in items],
        layout=w.Layout(
            grid_template_columns=f"repeat(auto-fill, minmax({CONTROL_COLUMN_EM}em, 1fr))",
            grid_gap="2px 12px",
            width="100%",
        ),
    )
    grid.add_class("course-lab-controls")
    return grid


def slider(description: str, value: float, lo: float, hi: float, step: float, **kw: Any) -> w.FloatSlider:
    """A float slider with a readable label (the house style for lab sliders; :func:`fit_control`
    gives it its cell's width, its label on the line above the track)."""
    return w.FloatSlider(
        value=value,
        min=lo,
        max=hi,
        step=step,
        description=description,
        continuous_update=False,
        style={"description_width": "initial"},
        **kw,
    )


def dropdown(description: str, options: Any, value: Any) -> w.Dropdown:
    """A dropdown with a readable label."""
    return w.Dropdown(
        options=options,
        value=value,
        description=description,
        style={"description_width": "initial"},
    )


#: Registry of lab classes by name, filled by :func:`register`; tests drive every entry.
LABS: dict[str, type[Lab]] = {}


def register(cls: type[Lab]) -> type[Lab]:
    """Class decorator: make a lab discoverable by name (tests and benchmarks use this)."""
    LABS[cls.name] = cls
    return cls


def environment_check_widget() -> w.VBox:
    """A tiny live widget for notebook 00: moving the slider proves widgets render and respond."""
    s = w.IntSlider(value=3, min=0, max=10, description="Move me", continuous_update=True)
    out = w.HTML()

    def show(_: Any = None) -> None:
        out.value = f"<b>{s.value}</b> x 10,000 followers = <b>{s.value * 10_000:,}</b> followers"

    s.observe(show, names="value")
    show()
    box = w.VBox([s, out])
    box.add_class("course-lab")
    box.add_class("course-lab-environment-check")
    out.add_class("course-lab-output")
    return box


def control_values(control: w.ValueWidget) -> list[Any]:
    """Every value a learner can give this control (sliders on their step grid, options of a menu).

    Tests and benchmarks draw from this list to drive a lab like a learner would, extremes included.
    """
    if isinstance(control, (w.Dropdown, w.RadioButtons, w.ToggleButtons, w.Select, w.SelectionSlider)):
        return list(control._options_values)
    if isinstance(control, w.Checkbox | w.ToggleButton):
        return [False, True]
    if isinstance(control, (w.IntSlider, w.FloatSlider, w.BoundedIntText, w.BoundedFloatText)):
        lo, hi, step = control.min, control.max, control.step or 1
        count = round((hi - lo) / step)
        values = [lo + i * step for i in range(count + 1)]
        if isinstance(control, (w.IntSlider, w.BoundedIntText)):
            return [int(v) for v in values]
        return [round(v, 10) for v in values]
    raise TypeError(f"control_values does not know {type(control).__name__}; add it here")
