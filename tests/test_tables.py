"""Tables a learner sees (helpers.tables, and every widget lab's table): human headers with units,
number formats that fit the quantity, one header row, and a width that wraps instead of clipping.

The checks read the rendered HTML as a learner's browser would (header texts and cell texts).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import numpy as np
import pandas as pd
import pytest

from helpers import tables
from helpers.tables import Column


class _Cells(HTMLParser):
    """Header rows (texts of the <th> in <thead>) and body cells of every <table> in some HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[dict] = []
        self._text: list[str] | None = None
        self._where = ""
        self._styles: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "table":
            self.tables.append({"head_rows": [], "body": [], "style": dict(attrs).get("style", "")})
        elif tag == "thead":
            self._where = "head"
        elif tag == "tbody":
            self._where = "body"
        elif tag == "tr" and self.tables:
            key = "head_rows" if self._where == "head" else "body"
            self.tables[-1][key].append([])
        elif tag in ("th", "td"):
            self._text = []
            self._styles.append(dict(attrs).get("style", "") or "")

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "td") and self._text is not None and self.tables:
            key = "head_rows" if self._where == "head" else "body"
            self.tables[-1][key][-1].append(("".join(self._text).strip(), self._styles.pop()))
            self._text = None


def parse(html: str) -> list[dict]:
    parser = _Cells()
    parser.feed(html)
    return parser.tables


SNAKE = re.compile(r"[A-Za-z]_[A-Za-z]")
#: A whole number written with two or more zero decimals (``178.00``, ``$10,000.00``): a count printed
#: as a float. (One decimal, ``80.0``, is how a one-decimal column writes a round value.)
POINT_ZERO = re.compile(r"^[-$]*[\d,]+\.00+$")
#: Five or more digits in a row that are not part of a word or id (``5177520``, not ``CMP00064``).
NO_SEPARATORS = re.compile(r"(?<![\w.])\d{5,}(?![\w])")


def table_problems(html: str) -> list[str]:
    """What a learner would see as unfinished in these tables."""
    problems = []
    found = parse(html)
    if not found:
        return ["no <table> in the HTML"]
    for n, table in enumerate(found):
        if len(table["head_rows"]) != 1:
            problems.append(f"table {n}: {len(table['head_rows'])} header rows (misaligned with the columns)")
        for text, _ in [cell for row in table["head_rows"] for cell in row]:
            if SNAKE.search(text):
                problems.append(f"table {n}: snake_case header {text!r}")
        for row in table["body"]:
            for text, _ in row:
                if POINT_ZERO.match(text):
                    problems.append(f"table {n}: a count shown with decimals: {text!r}")
                if NO_SEPARATORS.search(text):
                    problems.append(f"table {n}: a large number without thousands separators: {text!r}")
        widths = {len(row) for row in table["head_rows"] + table["body"]}
        if len(widths) > 1:
            problems.append(f"table {n}: rows have different numbers of cells {sorted(widths)}")
        if "width:100%" not in table["style"].replace(" ", ""):
            problems.append(f"table {n}: not fitted to the notebook width (style {table['style']!r})")
    return problems


LAB_LIKE = {
    "budget_usd": [10000.0, 20000.0],
    "reach_p50": [945556.0, 2166716.0],
    "followers": [5177520, 322698],
}


# --- the checker finds what the issue showed --------------------------------------------------------


def test_table_check_flags_pandas_default_output_of_a_lab_table():
    raw = pd.DataFrame(
        {
            "budget_usd": [10000.0, 20000.0],
            "reach_p50": [945556.0, 2166716.0],
            "followers": [5177520, 322698],
        },
        index=pd.Index(["nano", "micro"], name="tier"),
    )
    problems = table_problems(raw.to_html(float_format=lambda v: f"{v:,.2f}"))
    assert any("2 header rows" in p for p in problems)
    assert any("snake_case header 'budget_usd'" in p for p in problems)
    assert any("'10,000.00'" in p for p in problems)
    assert any("'5177520'" in p for p in problems)


def test_table_check_accepts_the_house_table():
    frame = pd.DataFrame(
        {
            "budget_usd": [10000.0, 20000.0],
            "reach_p50": [945556.0, 2166716.0],
            "followers": [5177520, 322698],
        },
        index=pd.Index(["nano", "micro"], name="tier"),
    )
    assert table_problems(tables.html_table(frame)) == []


# --- helpers.tables --------------------------------------------------------------------------------


def test_headers_are_made_readable_with_units():
    assert tables.human_header("reach_p50") == "reach, median"
    assert tables.human_header("engagements_p10") == "engagements, low (10th pct)"
    assert tables.human_header("price_per_post_usd") == "price per post (USD)"
    assert tables.human_header("er_pct") == "ER (%)"
    assert tables.human_header("cpa_codes_only_usd") == "CPA codes only (USD)"
    assert tables.human_header("already fine (%)") == "already fine (%)"
    assert tables.human_header("conversions_per_1k_usd") == "conversions per USD 1,000"
    assert tables.human_header("median_campaign_per_1k_usd") == "median campaign per USD 1,000"


def test_a_date_shows_as_the_day_not_as_midnight():
    frame = pd.DataFrame({"date": pd.to_datetime(["2025-05-24", "2025-05-25"]), "who": ["a", "b"]})
    html = tables.html_table(frame)
    assert ">2025-05-24<" in html and "00:00:00" not in html
    assert tables.format_value(pd.Timestamp("2025-05-24 13:30"), "text") == "2025-05-24 13:30:00"


def test_a_rate_per_1000_dollars_is_shown_as_a_number_not_as_dollars():
    frame = pd.DataFrame({"conversions_per_1k_usd": [17.4, 16.4], "fee_usd": [1500.5, 99.25]})
    html = tables.html_table(frame)
    assert ">17.4<" in html and ">$17.40<" not in html
    assert ">$1,500.50<" in html  # dollars stay dollars


@pytest.mark.parametrize(
    ("fmt", "value", "text"),
    [
        ("count", 5177520, "5,177,520"),
        ("count", 178.0, "178"),
        ("compact", 25_900_000, "25.9M"),
        ("compact", 945_556, "945.6K"),
        ("usd", 1363.5928, "$1,363.59"),
        ("usd0", 10_000.0, "$10,000"),
        ("usd_compact", 13_636, "$13.6K"),
        ("percent", 86.559, "86.6%"),
        ("share", 0.886, "89%"),
        ("decimal", 0.48511, "0.49"),
        ("decimal", 27.5, "27.5"),
        ("decimal", 360.0, "360"),
        ("yesno", True, "yes"),
        ("count", float("nan"), tables.MISSING),
    ],
)
def test_each_format_fits_its_quantity(fmt, value, text):
    assert tables.format_value(value, fmt) == text


def test_unspecified_columns_get_a_format_from_their_values():
    frame = pd.DataFrame({"creators": [57.0, 27.0], "lift": [1.23456, 0.5], "fee_usd": [1500.0, 20.5]})
    body = [[text for text, _ in row] for row in parse(tables.html_table(frame))[0]["body"]]
    assert body == [["57", "1.23", "$1,500.00"], ["27", "0.50", "$20.50"]]


def test_an_interval_column_shows_median_and_range_in_one_cell():
    frame = pd.DataFrame({"x_p50": [945_556.0], "x_p10": [787_831.0], "x_p90": [1_092_428.0]})
    spec = {"x": Column("reach: median (80% interval)", "accounts", "compact", ("x_p50", "x_p10", "x_p90"))}
    (table,) = parse(tables.html_table(frame, spec))
    assert [t for t, _ in table["head_rows"][0]] == ["reach: median (80% interval) (accounts)"]
    assert table["body"][0][0][0] == "945.6K (787.8K-1.1M)"


def test_the_index_shares_the_one_header_row_and_two_level_columns_become_captioned_tables():
    frame = pd.DataFrame(
        np.arange(4).reshape(2, 2),
        columns=pd.MultiIndex.from_tuples([("by score", "followers"), ("by followers", "followers")]),
        index=pd.Index([1, 2], name="rank"),
    )
    html = tables.html_table(frame)
    found = parse(html)
    assert len(found) == 2
    assert [[t for t, _ in row] for row in found[0]["head_rows"]] == [["rank", "followers"]]
    assert "<caption" in html and ">by followers</caption>" in html


def test_numbers_stay_on_one_line_and_text_wraps_at_spaces():
    frame = pd.DataFrame({"followers": [5177520], "detail": ["a long sentence that must wrap"]})
    (table,) = parse(tables.html_table(frame))
    (_, number_style), (_, text_style) = table["body"][0]
    assert "white-space:nowrap" in number_style and "text-align:right" in number_style
    assert "white-space:normal" in text_style and "anywhere" not in text_style


def test_cell_text_is_escaped():
    frame = pd.DataFrame({"handle": ["<script>x</script>"]})
    assert "<script>" not in tables.html_table(frame)


# --- every lab's table ----------------------------------------------------------------------------


def _lab_names() -> list[str]:
    from helpers.widgets import LABS

    return sorted(LABS)


@pytest.mark.parametrize("name", _lab_names())
def test_lab_table_has_human_headers_fitting_formats_and_fits_the_width(name):
    from helpers.widgets import LABS

    lab = LABS[name]()
    assert lab.result.ok, lab.result.message
    if lab.result.table is None:
        pytest.skip(f"{name} shows no table")
    html = lab._table.value
    assert table_problems(html) == []


def test_budget_planner_table_shows_counts_without_decimals_and_intervals_in_one_column():
    from helpers.widgets import LABS

    lab = LABS["budget-planner"]()
    (table,) = parse(lab._table.value)
    headers = [t for t, _ in table["head_rows"][0]]
    assert headers[:4] == ["tier", "share used (%)", "budget (USD)", "creators bought"]
    assert len(headers) <= 7, f"{len(headers)} columns do not fit 1024 px: {headers}"
    nano = [t for t, _ in table["body"][0]]
    conversions = lab.result.table.loc["nano", ["conversions_p50", "conversions_p10", "conversions_p90"]]
    p50, p10, p90 = (f"{v:,.0f}" for v in conversions)
    assert nano[-1] == f"{p50} ({p10}-{p90})"
    assert nano[2] == f"${lab.result.table.loc['nano', 'budget_usd']:,.0f}"


def test_niche_reach_table_shows_follower_counts_compactly():
    from helpers.widgets import LABS

    lab = LABS["niche-reach"]()
    (table,) = parse(lab._table.value)
    headers = [t for t, _ in table["head_rows"][0]]
    column = headers.index("followers")
    first = lab.result.table["followers"].iloc[0]
    assert table["body"][0][column][0] == tables.format_value(first, "compact")
    assert re.fullmatch(r"[\d.]+[KM]", table["body"][0][column][0])


def test_a_notebook_shows_a_lab_table_through_the_lab_spec_with_a_subset_of_columns():
    from helpers.widgets import LABS

    lab = LABS["budget-planner"]()
    html = lab.table_view(keys=["budget_usd", "conversions"]).data
    (table,) = parse(html)
    assert [t for t, _ in table["head_rows"][0]] == [
        "tier",
        "budget (USD)",
        "conversions: median (80% interval)",
    ]
    assert table_problems(html) == []


def test_a_column_the_spec_does_not_name_is_still_shown_in_its_place():
    from helpers.widgets import LABS

    lab = LABS["discovery"]()
    result = lab.set(creators=8)
    (table,) = parse(lab._table.value)
    row_heads = [row[0][0] for row in table["body"]]  # a wide, short table is turned: one row per column
    assert row_heads.index("cost for 8 (USD)") == list(result.table.columns).index("cost for 8 (USD)")
    assert table_problems(lab._table.value) == []


def test_a_wide_short_table_is_turned_so_it_fits_and_a_long_one_is_not():
    wide = pd.DataFrame(
        {f"count_{i}": [1000 * i, 2000 * i] for i in range(8)}, index=pd.Index(["a", "b"], name="g")
    )
    (turned,) = parse(tables.html_table(wide))
    assert [t for t, _ in turned["head_rows"][0]] == ["g", "a", "b"]
    assert [row[0][0] for row in turned["body"]] == [f"count {i}" for i in range(8)]
    assert turned["body"][2][1:] == [("2,000", turned["body"][2][1][1]), ("4,000", turned["body"][2][2][1])]
    (kept,) = parse(tables.html_table(wide, transpose=False))
    assert len(kept["head_rows"][0]) == 9
    long = pd.concat([wide] * 3)
    assert len(parse(tables.html_table(long))[0]["head_rows"][0]) == 9
