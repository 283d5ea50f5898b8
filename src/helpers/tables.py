"""One house style for every table a learner sees (labs and notebooks): human headers with units,
number formats that fit the quantity, and a width that fits the notebook.

A table is shown from a DataFrame and a *column spec*: for each column a :class:`Column` with a
label, a unit and a format. Columns without a spec get a readable header from their name
(``reach_p50`` -> "reach, median", ``price_per_post_usd`` -> "price per post (USD)") and a format
from their values (counts with thousands separators, never ``.00``).

Formats (:data:`FORMATS`):

* ``count``: whole number with thousands separators (``5,177,520``);
* ``compact``: large counts shortened (``25.9M``, ``12.3K``), for follower counts and reach;
* ``usd`` / ``usd0`` / ``usd_compact``: dollars (``$1,363.59`` / ``$1,364`` / ``$13.6K``);
* ``percent``: a value already in percent (``4.3%``); ``share``: a 0-1 share shown in percent;
* ``decimal`` / ``decimal1`` / ``decimal2``: plain numbers (2 significant decimals by default);
* ``plain``: a whole number without separators (a year: ``2016``);
* ``yesno``: booleans as yes / no; ``text``: as is (long text wraps at spaces); ``date``: as is, never
  wrapped.

An interval column (``source=(median, low, high)``) shows ``median (low-high)`` in one cell, so a
median and its 80% interval take one column instead of three.

The HTML has one header row (the index name sits in it), right-aligned numbers with tabular
figures, and wraps text and headers instead of growing past the notebook (``width: 100%``; cells
wrap at word boundaries). Tables with two header levels are shown one after another, each with its
caption.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
from IPython.display import HTML

from .plots import human_number


def _finite(value: object) -> bool:
    if value is None or value is pd.NA:
        return False
    try:
        return math.isfinite(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def _decimal(value: float) -> str:
    """Two significant decimals for small numbers, fewer for larger ones, never ``.00``."""
    v = float(value)
    if v == round(v) and abs(v) < 1e15:
        return f"{v:,.0f}"
    if abs(v) >= 100:
        return f"{v:,.0f}"
    if abs(v) >= 10:
        return f"{v:,.1f}"
    return f"{v:,.2f}"


def _usd(value: float, decimals: int = 2) -> str:
    sign = "-" if value < 0 else ""
    return f"{sign}${abs(value):,.{decimals}f}"


#: Format name -> function from a finite number to its text.
FORMATS: dict[str, Callable[[float], str]] = {
    "count": lambda v: f"{v:,.0f}",
    "compact": human_number,
    "usd": _usd,
    "usd0": lambda v: _usd(v, 0),
    "usd_compact": lambda v: ("-" if v < 0 else "") + "$" + human_number(abs(v)),
    "percent": lambda v: f"{v:,.1f}%",
    "percent2": lambda v: f"{v:,.2f}%",
    "share": lambda v: f"{100 * v:,.0f}%",
    "decimal": _decimal,
    "decimal1": lambda v: f"{v:,.1f}",
    "decimal2": lambda v: f"{v:,.2f}",
    "plain": lambda v: f"{v:.0f}",
}
#: Formats for values that are not numbers (``date``: text that never wraps, e.g. 2025-04-24).
TEXT_FORMATS = ("text", "date", "yesno")
#: What a missing value shows.
MISSING = "-"


@dataclass(frozen=True)
class Column:
    """How one column is shown.

    Attributes:
        label: the header a learner reads (plain words, no snake_case).
        unit: shown after the label in brackets (``"USD"``, ``"%"``); empty for none.
        fmt: a key of :data:`FORMATS`, ``"text"`` or ``"yesno"``; ``"auto"`` chooses from the values.
        source: the frame column it shows (default: the spec's key), or ``(median, low, high)``
            for an interval cell ``median (low-high)``.
    """

    label: str
    unit: str = ""
    fmt: str = "auto"
    source: str | tuple[str, str, str] | None = None

    @property
    def header(self) -> str:
        return f"{self.label} ({self.unit})" if self.unit else self.label


#: Name parts read as units when a header is made from a column name.
_UNIT_SUFFIXES = {"usd": "USD", "pct": "%", "days": "days", "hours": "hours"}
#: Metric abbreviations written in capitals in a header (``cpm_usd`` -> "CPM (USD)").
_ACRONYMS = re.compile(r"\b(er|cpm|cpe|cpc|cpa|roi|roas|emv|ci|kpi|ctr)\b")
_QUANTILES = {"p50": "median", "p10": "low (10th pct)", "p90": "high (90th pct)"}
#: Name ending of a rate per 1,000 dollars (``conversions_per_1k_usd``): a plain number, not dollars.
_PER_1K_USD = "_per_1k_usd"


def human_header(name: object) -> str:
    """A readable header from a column name: ``reach_p50`` -> "reach, median", ``fee_usd`` -> "fee (USD)"."""
    text = str(name)
    if "_" not in text:
        return text
    if text.endswith(_PER_1K_USD):  # a rate per 1,000 dollars is a number, not dollars
        return human_header(text.removesuffix(_PER_1K_USD)) + " per USD 1,000"
    parts = text.split("_")
    unit = ""
    quantile = ""
    if parts[-1] in _QUANTILES:
        quantile = _QUANTILES[parts.pop()]
    if len(parts) > 1 and parts[-1] in _UNIT_SUFFIXES:
        unit = _UNIT_SUFFIXES[parts.pop()]
    words = " ".join(p for p in parts if p)
    words = _ACRONYMS.sub(lambda m: m.group(0).upper(), words)
    if quantile:
        words += f", {quantile}"
    return f"{words} ({unit})" if unit else words


def _auto_format(name: str, values: pd.Series) -> str:
    if pd.api.types.is_bool_dtype(values):
        return "yesno"
    if not pd.api.types.is_numeric_dtype(values):
        return "text"
    lowered = name.lower()
    if lowered in ("year", "month") or lowered.endswith(("_year", " year")):
        return "plain"
    finite = values[np.isfinite(values.to_numpy(dtype=float, na_value=np.nan))]
    whole = bool(len(finite)) and bool((finite == finite.round()).all())
    if lowered.endswith(_PER_1K_USD):
        return "count" if whole else "decimal"
    if lowered.endswith("_usd") or "(usd)" in lowered or lowered.startswith("$"):
        large = bool(len(finite)) and bool((finite.abs() >= 1000).all())
        return "usd0" if whole or large else "usd"
    if lowered.endswith("_pct") or "%" in lowered:
        return "percent2"
    return "count" if whole else "decimal"


def format_value(value: object, fmt: str) -> str:
    """The text of one cell in format ``fmt`` (missing values show :data:`MISSING`)."""
    if fmt == "yesno":
        return MISSING if value is None or value is pd.NA else ("yes" if bool(value) else "no")
    if isinstance(value, pd.Timestamp) and value == value.normalize():
        return value.date().isoformat()  # a day, not midnight: 2025-05-24
    if fmt in ("text", "date") or not _finite(value):
        if isinstance(value, float | np.floating) and not _finite(value):
            return MISSING
        return MISSING if value is None or value is pd.NA else str(value)
    return FORMATS[fmt](float(value))  # type: ignore[arg-type]


def _cell(frame: pd.DataFrame, row: int, key: str, spec: Column, fmt: str) -> str:
    """The HTML of one cell (``fmt``: the column's resolved format).

    An interval cell may break between the median and its bracket, never inside a number."""
    source = spec.source or key
    if isinstance(source, tuple):
        mid, lo, hi = (frame[c].iloc[row] for c in source)
        if not _finite(mid):
            return MISSING
        bracket = f"({format_value(lo, fmt)}-{format_value(hi, fmt)})"
        median = html.escape(format_value(mid, fmt))
        return f"{_NOWRAP_SPAN.format(median)} {_NOWRAP_SPAN.format(html.escape(bracket))}"
    return html.escape(format_value(frame[source].iloc[row], fmt))


_STYLE = (
    "width:100%;max-width:100%;border-collapse:collapse;table-layout:auto;font-size:0.9em;"
    "font-variant-numeric:tabular-nums;margin:0.3em 0;line-height:1.3"
)
_TH = "text-align:{align};padding:3px 5px;border-bottom:2px solid #444;vertical-align:bottom;"
_TD = "text-align:{align};padding:2px 5px;border-bottom:1px solid #ddd;vertical-align:top;"
_NOWRAP_SPAN = '<span style="white-space:nowrap">{}</span>'
_WRAP = "white-space:normal;overflow-wrap:break-word;"
#: Body cell style by kind: numbers and dates never wrap, an interval breaks only between its parts,
#: text wraps at spaces.
_KIND_STYLE = {
    "number": _TD.format(align="right") + "white-space:nowrap",
    "interval": _TD.format(align="right") + "white-space:normal",
    "date": _TD.format(align="left") + "white-space:nowrap",
    "text": _TD.format(align="left") + _WRAP,
}
_CAPTION = "caption-side:top;text-align:left;font-weight:600;padding:2px 0"


def _sources(key: str, spec: Column) -> tuple[str, ...]:
    source = spec.source or key
    return source if isinstance(source, tuple) else (source,)


def _specs(frame: pd.DataFrame, columns: Mapping[str, Column] | None, rest: bool) -> dict[str, Column]:
    """The columns to show, in order: the spec's entries whose sources the frame has and, with
    ``rest``, the frame's other columns (made readable), each at its place in the frame."""
    if columns is None:
        return {str(c): Column(human_header(c)) for c in frame.columns}
    names = [str(c) for c in frame.columns]
    place = {name: i for i, name in enumerate(names)}
    chosen = {k: s for k, s in columns.items() if all(n in place for n in _sources(k, s))}
    if not rest:
        return chosen
    used = {n for k, s in chosen.items() for n in _sources(k, s)}
    extra = {n: Column(human_header(n)) for n in names if n not in used}
    order = {k: min(place[n] for n in _sources(k, s)) for k, s in chosen.items()} | {
        n: place[n] for n in extra
    }
    merged = chosen | extra
    return {k: merged[k] for k in sorted(merged, key=order.__getitem__)}


#: A table with more value columns than this and at most :data:`TRANSPOSE_ROWS` rows is shown
#: turned (one row per column): eight narrow columns do not fit 1024 px, eight rows do.
TRANSPOSE_COLUMNS = 6
TRANSPOSE_ROWS = 4


def html_table(
    frame: pd.DataFrame,
    columns: Mapping[str, Column] | None = None,
    *,
    index: Column | str | bool | None = None,
    caption: str | None = None,
    rest: bool = True,
    transpose: bool | None = None,
) -> str:
    """The table as HTML in the house style.

    Args:
        frame: the data; its columns are the keys of ``columns`` (or the sources they name).
        columns: key -> :class:`Column`, in display order; ``None`` shows every column with a header
            made by :func:`human_header` and a format chosen from its values.
        index: how to show the index: a :class:`Column` or a header text; ``False`` hides it;
            ``None`` shows it under its name (made readable), hidden when it is an unnamed 0..n-1.
        caption: a line above the table.
        rest: also show the frame's columns that ``columns`` does not name (headers made readable,
            at their place in the frame); ``False`` shows only the spec's columns (a subset).
        transpose: one row per column and one column per row; ``None`` turns a wide, short table
            (more than :data:`TRANSPOSE_COLUMNS` columns, at most :data:`TRANSPOSE_ROWS` rows).

    A frame with two column levels (e.g. two rankings side by side) becomes one table per
    first-level label, one after another, each captioned with that label.
    """
    if isinstance(frame.columns, pd.MultiIndex):
        parts = []
        for top in dict.fromkeys(frame.columns.get_level_values(0)):
            sub = frame[top]
            parts.append(
                html_table(sub, columns, index=index, caption=str(top), rest=rest, transpose=transpose)
            )
        return "".join(parts)
    specs = _specs(frame, columns, rest)
    index_spec = _index_spec(frame, index)
    if transpose is None:
        transpose = len(specs) > TRANSPOSE_COLUMNS and len(frame) <= TRANSPOSE_ROWS
    formats = {key: _fmt(frame, key, spec) for key, spec in specs.items()}
    # one (html, style kind) per body cell, by column: "number", "interval", "date" or "text"
    body = {
        key: [_cell(frame, i, key, spec, formats[key]) for i in range(len(frame))]
        for key, spec in specs.items()
    }
    kinds = {key: _kind(spec, formats[key]) for key, spec in specs.items()}
    index_fmt = "text" if index_spec is None or index_spec.fmt == "auto" else index_spec.fmt
    labels = [html.escape(format_value(v, index_fmt)) for v in frame.index]
    if not transpose:
        head = [(html.escape(index_spec.header), "text")] if index_spec else []
        head += [(html.escape(spec.header), kinds[key]) for key, spec in specs.items()]
        grid = [
            (([labels[i]] if index_spec else []), [(body[key][i], kinds[key]) for key in specs])
            for i in range(len(frame))
        ]
    else:
        corner = html.escape(index_spec.header) if index_spec else ""
        head = [(corner, "text")] + [(label, "number") for label in labels]
        grid = [
            ([html.escape(spec.header)], [(body[key][i], kinds[key]) for i in range(len(frame))])
            for key, spec in specs.items()
        ]
    head_html = "".join(
        f'<th style="{_TH.format(align="left" if kind in ("text", "date") else "right")}{_WRAP}">{text}</th>'
        for text, kind in head
    )
    rows_html = []
    for row_head, cells in grid:
        out = [
            f'<th style="{_TD.format(align="left")}{_WRAP}font-weight:600">{text}</th>' for text in row_head
        ]
        out += [f'<td style="{_KIND_STYLE[kind]}">{text}</td>' for text, kind in cells]
        rows_html.append("<tr>" + "".join(out) + "</tr>")
    cap = f'<caption style="{_CAPTION}">{html.escape(caption)}</caption>' if caption else ""
    return (
        f'<table class="course-table" style="{_STYLE}">{cap}<thead><tr>{head_html}</tr></thead>'
        f"<tbody>{''.join(rows_html)}</tbody></table>"
    )


def _kind(spec: Column, fmt: str) -> str:
    if isinstance(spec.source, tuple):
        return "interval"
    if fmt == "date":
        return "date"
    return "text" if fmt in ("text", "yesno") else "number"


def _fmt(frame: pd.DataFrame, key: str, spec: Column) -> str:
    source = spec.source or key
    name = source[0] if isinstance(source, tuple) else source
    return spec.fmt if spec.fmt != "auto" else _auto_format(str(name), frame[name])


def _index_spec(frame: pd.DataFrame, index: Column | str | bool | None) -> Column | None:
    if index is False:
        return None
    if isinstance(index, Column):
        return index
    if isinstance(index, str):
        return Column(index)
    name = frame.index.name
    if name is None and isinstance(frame.index, pd.RangeIndex) and index is None:
        return None
    return Column(human_header(name) if name is not None else "")


def show(
    frame: pd.DataFrame,
    columns: Mapping[str, Column] | None = None,
    *,
    index: Column | str | bool | None = None,
    caption: str | None = None,
    rest: bool = True,
) -> HTML:
    """Display the table in a notebook in the house style (see :func:`html_table`)."""
    return HTML(html_table(frame, columns, index=index, caption=caption, rest=rest))
