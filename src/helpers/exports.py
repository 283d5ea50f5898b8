"""Read a creator export someone downloaded (a platform, a tool, a public data set) into canonical columns.

>>> from helpers.exports import read_influencer_export, describe_report
>>> df = read_influencer_export("top_creators.csv")   # a path, raw bytes or an open file  # doctest: +SKIP
>>> print(describe_report(df))                        # what was renamed, parsed and dropped  # doctest: +SKIP

Real exports are messy, so the reader is forgiving about form and strict about meaning:

* **Bytes**: UTF-8 (with or without BOM), else Windows-1252 / Latin-1 (reported as ``latin-1`` when the two
  decode the file identically, ``cp1252`` when its curly quotes or euro signs are used); UTF-16 when it has
  a BOM, as Excel's "Unicode Text" writes. ``report.encoding`` says which. Delimiter sniffed among
  ``,`` ``;`` tab and ``|`` (an Excel ``sep=;`` first line is obeyed). Title lines ("Report generated
  on ...") and blank lines before the header are skipped.
* **Headers**: matched to :data:`CANONICAL_COLUMNS` through :data:`HEADER_ALIASES`; case, spaces,
  punctuation and underscores do not matter (``Avg. Likes`` = ``avg_likes`` = ``AvgLikes``). A unit in
  the header (``Followers (M)``, ``Views (in thousands)``) multiplies the values. Unknown columns are kept,
  as text, under a snake_case version of their header.
* **Numbers**: see :func:`parse_number`: ``3.3k``, ``475.8m``, ``29.0b``, ``1,234,567``, ``1.234.567``,
  ``12 345``, ``1,39%``, ``+12``; ``NaN%``, ``-``, ``n/a`` and empty cells are missing.
* **Problems in cells** never stop the read: the cell becomes missing and the report counts it (column,
  count, first examples with their file line). Only a file that cannot be used at all raises
  :class:`ExportFormatError` (a ``ValueError``), whose message says what is wrong and what the file needs.

Decisions (documented here once, and in the report whenever they apply):

* **Engagement rate as a fraction.** ``engagement_rate_pct`` is in percent (1.39 means 1.39 %). A column
  is read as a *fraction* (0.0139) and multiplied by 100 only when no cell has a ``%`` sign, the header
  does not say %/pct/percent, every value is <= 1 and at least one is > 0; and, when the file also has
  followers and avg_likes, only if the values are ~100 times smaller than (avg_likes [+ avg_comments]) /
  followers x 100 (median ratio below 0.1). Otherwise the values are taken as percent already. The
  conversion is written into ``report.parsed`` and ``report.notes``.
* **Negative values** in follower, count and average columns (and in the engagement rate) are invalid:
  the cell becomes missing (``<NA>``/``NaN``), the row is kept and the report counts the cells. Rows without
  a usable follower count are kept too (``followers`` is ``<NA>``); drop them with
  ``df.dropna(subset=["followers"])`` when a calculation needs them.
* **Ragged rows.** A row with fewer fields than the header is padded with missing cells (tools drop
  trailing empty cells) -- except a short line holding a single value in a file of 3+ columns, which is a
  note or footer and is dropped. A row with more non-empty fields than the header is dropped (its values
  are shifted, usually by an unquoted delimiter inside a value); trailing empty fields are ignored.
  Repeated header lines (two exports pasted together) are dropped. Every drop is listed by file line.
* **Ambiguous separators.** ``1.234`` / ``1,234`` (one separator, three digits after it) is a thousands
  separator in count columns (followers, following, posts, total_likes, rank: a count has no
  fractional part). In other columns the other cells of the same column decide (``1,39`` or
  ``1.234.567`` mean European style, ``1.39`` or ``1,234,567`` English style); with no evidence, a
  ``;``-delimited file is read European (decimal comma), any other English.
* **Duplicate headers**: the first column wins; the others are kept as ``<name>_2``, ``<name>_3``. When two
  different headers mean the same canonical column (``Username`` and ``Name``), the more specific
  spelling (earlier in :data:`HEADER_ALIASES`) wins and the other is kept as is.
* **Plausibility.** What cannot be true is refused (the cell becomes missing and the report says why and
  how to fix the file): followers above the world's population (:data:`WORLD_POPULATION`), an engagement
  rate above 100 %, a k/m/b suffix in a column whose header already gives a unit (the unit would count
  twice), and cells without % about 100 times smaller than the % cells of the same column (fractions
  among percents). What is very unlikely is flagged in ``report.warnings`` (shown first by
  :func:`describe_report`): average likes above followers (a derived rate above 100 % is not kept), and a
  column without % whose values form two groups :data:`SCALE_GAP` times apart (fractions and percents).
  A lone value such as ``Total: 2 creators`` is a note, not a creator, and is dropped.
* **Counts** (followers, following, posts, total_likes, rank) are ``Int64`` rounded to whole numbers
  (``1.2345k`` -> 1,235; reported). Averages, the engagement rate and influence_score are ``float64``.
  Text columns use pandas' string dtype.

**Large files** (more than :data:`_PREFIX_LINES` lines) without a double quote below the header are split
column-wise by pandas' C parser and checked with numpy, with the same result and report as the
csv-module path that every other file takes (a 1,000,000-row export reads in about 3 times
``pandas.read_csv``'s time and under 2 times its memory: ``tools/bench_byo.py``).

The source is only ever read: a path is opened read-only, a file object is read from its current
position, bytes are used as they are. Nothing is written, nothing is fetched from the network.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import math
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import IO, Any, TypeAlias

import numpy as np
import pandas as pd

__all__ = [
    "CANONICAL_COLUMNS",
    "HEADER_ALIASES",
    "CellProblem",
    "ExportFormatError",
    "ExportReport",
    "canonical_name",
    "describe_report",
    "parse_number",
    "read_influencer_export",
]

#: What :func:`read_influencer_export` accepts: a path, raw bytes (an ipywidgets ``FileUpload`` gives a
#: ``memoryview``), an open file (binary or text), or one ``FileUpload`` entry (a mapping with ``content``).
ExportSource: TypeAlias = (
    str | os.PathLike[str] | bytes | bytearray | memoryview | IO[bytes] | IO[str] | Mapping[str, Any]
)

#: Canonical columns, in output order. Only ``followers`` is required.
CANONICAL_COLUMNS: tuple[str, ...] = (
    "handle",
    "followers",
    "following",
    "posts",
    "avg_likes",
    "avg_comments",
    "avg_views",
    "total_likes",
    "new_post_avg_like",
    "engagement_rate_pct",
    "country",
    "platform",
    "niche",
    "rank",
    "influence_score",
    "paid_post_performance",
)

#: Whole-number columns (``Int64``): followers, accounts followed, posts, lifetime likes, rank.
COUNT_COLUMNS = frozenset({"followers", "following", "posts", "total_likes", "rank"})
#: Per-post averages (``float64``, >= 0): likes, comments, views per post.
AVERAGE_COLUMNS = frozenset({"avg_likes", "avg_comments", "avg_views", "new_post_avg_like"})
#: Percent columns (``float64``, >= 0, 1.39 means 1.39 %).
PERCENT_COLUMNS = frozenset({"engagement_rate_pct"})
#: Free-scale scores (``float64``, any sign).
SCORE_COLUMNS = frozenset({"influence_score"})
#: Text columns (pandas string dtype). ``paid_post_performance`` (a creator's sponsored ER / organic ER,
#: :func:`helpers.metrics.paid_post_performance`) stays text here: tools write it as a ratio or a
#: percentage (0.8 or 80%), and :func:`helpers.analysis.finding.export_creators` reads both.
TEXT_COLUMNS = frozenset({"handle", "country", "platform", "niche", "paid_post_performance"})


def _aliases(words: str) -> tuple[str, ...]:
    return tuple(words.split())


#: Accepted header spellings per canonical column, most specific first (that order breaks ties when
#: two headers of one file mean the same column). Matching ignores case, spaces, punctuation and
#: underscores, and ``%`` counts as ``pct``: ``"Avg. Likes"``, ``"avg_likes"`` and ``"AVGLIKES"`` match.
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "handle": _aliases(
        "handle username user_name user instagram_handle instagram_username ig_handle tiktok_handle "
        "screen_name channel_info channel channel_name account account_name profile profile_name "
        "instagram_name tiktoker tiktoker_name youtuber creator creator_name influencer "
        "influencer_name name"
    ),
    "followers": _aliases(
        "followers followers_count follower_count follower num_followers number_of_followers "
        "n_followers total_followers instagram_followers tiktok_followers subscribers "
        "subscribers_count subscriber_count subs youtube_subscribers fans audience audience_size "
        "abonnenten abonnes seguidores seguaci volgers"
    ),
    "following": _aliases("following following_count follows followings followees num_following"),
    "posts": _aliases(
        "posts posts_count post_count num_posts number_of_posts total_posts media media_count uploads "
        "videos video_count"
    ),
    "avg_likes": _aliases(
        "avg_likes average_likes avg_like avg_likes_per_post average_likes_per_post likes_avg "
        "likes_per_post mean_likes"
    ),
    "avg_comments": _aliases(
        "avg_comments average_comments avg_comment avg_comments_per_post average_comments_per_post "
        "comments_avg comments_per_post mean_comments"
    ),
    "avg_views": _aliases(
        "avg_views average_views avg_view avg_views_per_post avg_video_views views_avg views_per_post "
        "views_per_video mean_views avg_plays"
    ),
    "total_likes": _aliases("total_likes likes_total total_hearts hearts lifetime_likes"),
    "new_post_avg_like": _aliases(
        "new_post_avg_like new_post_avg_likes new_posts_avg_likes new_post_average_likes recent_avg_likes"
    ),
    "engagement_rate_pct": _aliases(
        "engagement_rate_pct engagement_rate engagement_rate_percent engagement_pct eng_rate er "
        "er_pct avg_engagement_rate average_engagement_rate 60_day_eng_rate 30_day_eng_rate"
    ),
    "country": _aliases(
        "country country_or_region country_region audience_country top_audience_country nation pays "
        "land pais paese"
    ),
    "platform": _aliases("platform network social_network social_media site"),
    "niche": _aliases("niche category categories main_category topic topics vertical genre"),
    "rank": _aliases("rank ranking position pos no number #"),
    "influence_score": _aliases("influence_score influencer_score influence score"),
    "paid_post_performance": _aliases(
        "paid_post_performance paid_performance sponsored_vs_organic sponsored_lift "
        "sponsored_post_performance"
    ),
}

#: Cell texts read as missing (compared case-insensitively, also with a trailing ``%``).
MISSING_TOKENS = frozenset({"", "-", "--", "—", "–", "n/a", "na", "nan", "none", "null", "nil", "#n/a", "?"})
#: How many example cells or lines the report quotes per problem.
MAX_EXAMPLES = 3
#: Counts above this are treated as typing errors (the whole planet has ~8e9 people).
MAX_COUNT = 1e15
#: People on Earth, ~8.1 billion (UN World Population Prospects 2024): no account has more followers.
WORLD_POPULATION = 8.1e9
#: Two groups of values this many times apart in one column are two scales (0.03 vs 3 for 3 %).
SCALE_GAP = 20
#: Lines of the file read to sniff the delimiter and find the header (the whole file is not needed).
_PREFIX_LINES = 1000

_SUFFIXES: dict[str, int] = {
    "k": 10**3,
    "tsd": 10**3,
    "thousand": 10**3,
    "thousands": 10**3,
    "m": 10**6,
    "mn": 10**6,
    "mln": 10**6,
    "mio": 10**6,
    "million": 10**6,
    "millions": 10**6,
    "b": 10**9,
    "bn": 10**9,
    "mrd": 10**9,
    "billion": 10**9,
    "billions": 10**9,
}
_SUFFIX_PATTERN = "|".join(sorted(_SUFFIXES, key=len, reverse=True))
_CELL = re.compile(
    rf"(?P<sign>[+\-]?)\s*(?P<body>[\d.,'\s]+?)\s*(?P<exp>e[+\-]?\d+)?\s*(?P<suffix>{_SUFFIX_PATTERN})?\s*(?P<pct>%)?",
    re.IGNORECASE,
)
_HEADER_UNIT = re.compile(
    r"[(\[]\s*(?:in\s+)?(?P<a>k|000s|thousands?|m|mn|mio|millions?|b|bn|billions?)\s*[)\]]"
    r"|\bin\s+(?P<b>thousands|millions|billions)\b",
    re.IGNORECASE,
)
_UNIT_SCALE = {"k": 10**3, "000s": 10**3, "thousand": 10**3, "m": 10**6, "mn": 10**6, "mio": 10**6}
_UNIT_SCALE |= {"million": 10**6, "b": 10**9, "bn": 10**9, "billion": 10**9}
_ENGAGEMENT_RATE = re.compile(
    r"(\d+d(ay)?s?)?(avg|average|mean)?(eng|engagement)(rate|ratio)(pct|percent(age)?)?"
)
_DELIMITERS: tuple[str, ...] = (",", ";", "\t", "|")
_DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}
_ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 with BOM",
    "utf-16": "UTF-16",
    "cp1252": "Windows-1252 (cp1252)",
    "latin-1": "Latin-1 (ISO-8859-1)",
    "text": "already decoded text",
}
_FEATURES = {
    "suffix": "k/m/b suffixes",
    "percent": "percent sign stripped",
    "comma_thousands": "thousands separator ','",
    "dot_thousands": "thousands separator '.' (European)",
    "space_thousands": "thousands separator space",
    "apostrophe_thousands": "thousands separator apostrophe",
    "indian_grouping": "Indian digit grouping (12,34,567)",
    "comma_decimal": "decimal comma (European)",
    "plus": "leading '+' dropped",
    "exponent": "scientific notation",
    "missing": "missing markers read as empty",
    "rounded": "rounded to whole numbers",
}
_EU_EVIDENCE = frozenset({"comma_decimal", "dot_thousands"})
_EN_EVIDENCE = frozenset({"dot_decimal", "comma_thousands", "indian_grouping"})
_FIX_EXPORT = (
    "A creator export needs a header line with column names (at least a follower column, e.g. "
    "'handle,followers') and one line per creator"
)


# --- errors and the report ------------------------------------------------------------------------------
class ExportFormatError(ValueError):
    """A file that cannot be read as a creator export at all.

    The message names the source, says what is wrong and what the file needs. Attributes:
    ``source`` (the name used in messages) and ``problem``, a short code for programs and tests:
    ``empty``, ``whitespace``, ``excel``, ``spreadsheet``, ``zip``, ``gzip``, ``pdf``, ``image``, ``binary``,
    ``html``, ``json``, ``xml``, ``encoding``, ``quote``, ``field_too_long``, ``no_followers``,
    ``header_only``, ``followers_unusable``, ``text_not_path``.
    """

    def __init__(self, message: str, *, source: str = "", problem: str = "") -> None:
        super().__init__(message)
        self.source = source
        self.problem = problem


@dataclass
class CellProblem:
    """Cells of one column that could not be used (they are missing in the result).

    Attributes:
        column: canonical or kept column name in the result.
        reason: what is wrong, in words (e.g. ``"not a number"``, ``"negative"``).
        count: how many cells.
        examples: the first offending cell texts (up to :data:`MAX_EXAMPLES`).
        lines: their line numbers in the file (1 = first line of the file).
    """

    column: str
    reason: str
    count: int
    examples: tuple[str, ...] = ()
    lines: tuple[int, ...] = ()


@dataclass
class ExportReport:
    """What :func:`read_influencer_export` did; stored in ``df.attrs["report"]``.

    Attributes:
        source: name of the source used in messages (the path, ``name=``, or the upload's name).
        encoding: ``"utf-8"``, ``"utf-8-sig"`` (UTF-8 with BOM), ``"utf-16"``, ``"cp1252"``, ``"latin-1"``
            or ``"text"`` (a text file object: already decoded).
        delimiter: the field delimiter used (``","``, ``";"``, ``"\\t"`` or ``"|"``).
        header_line: line of the file holding the header (1 = first line).
        rows_read: non-blank lines after the header (data rows, including dropped ones).
        rows_kept: rows in the result.
        renamed: ``{original header: canonical column}`` for headers that were recognised.
        parsed: ``{column: how}``, how numbers were read (e.g. ``"k/m/b suffixes (e.g. '3.3k')"``).
        dropped: ``{reason: [file lines]}`` for rows left out.
        cell_problems: cells that became missing, per column and reason.
        kept_as_is: ``{original header: column name}`` for columns that were not recognised (kept as text).
        duplicate_headers: ``{column name in result: original header}`` for repeated headers.
        derived: ``{column: formula}`` for columns computed here rather than read.
        warnings: numbers that are implausible as read (likes above followers, a column mixing two
            scales): what is wrong, on which lines, and how to fix the file. Check these first.
        notes: other things a reader should know (skipped title lines, padded rows, conversions).
    """

    source: str
    encoding: str = ""
    delimiter: str = ","
    header_line: int = 1
    rows_read: int = 0
    rows_kept: int = 0
    renamed: dict[str, str] = field(default_factory=dict)
    parsed: dict[str, str] = field(default_factory=dict)
    dropped: dict[str, list[int]] = field(default_factory=dict)
    cell_problems: list[CellProblem] = field(default_factory=list)
    kept_as_is: dict[str, str] = field(default_factory=dict)
    duplicate_headers: dict[str, str] = field(default_factory=dict)
    derived: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The report as plain dicts and lists (e.g. to save as JSON)."""
        return asdict(self)

    def problems_for(self, column: str) -> list[CellProblem]:
        """The cell problems of one column."""
        return [p for p in self.cell_problems if p.column == column]

    def __str__(self) -> str:
        return describe_report(self)


def _error(source: str, problem: str, what: str, fix: str) -> ExportFormatError:
    return ExportFormatError(f"{source}: {what}. {fix}", source=source, problem=problem)


# --- numbers ----------------------------------------------------------------------------------------------
class _CellError(ValueError):
    """One cell that is not a usable number; the message is the reason."""


def _is_missing(text: str) -> bool:
    low = text.strip().lower()
    return low in MISSING_TOKENS or (low.endswith("%") and low[:-1].strip() in MISSING_TOKENS)


def _grouped(int_part: str, sep: str) -> bool:
    """Whether ``int_part`` is digits in groups of three separated by ``sep`` (``12,345,678``)."""
    return re.fullmatch(rf"\d{{1,3}}(?:{re.escape(sep)}\d{{3}})+", int_part) is not None


def _indian(int_part: str) -> bool:
    """Whether ``int_part`` is Indian digit grouping (``12,34,567``: threes at the end, twos before)."""
    return re.fullmatch(r"\d{1,2}(?:,\d{2})+,\d{3}", int_part) is not None


def _decimal(int_digits: str, frac: str) -> Decimal:
    return Decimal((int_digits or "0") + ("." + frac if frac else ""))


def _body_value(body: str, decimal: str | None, count_rule: bool, features: set[str]) -> Decimal:
    """The number written in ``body`` (digits and separators, no sign, suffix or %).

    ``decimal`` is the column's decimal mark for ambiguous cells (``None``: English); ``count_rule``
    reads ``1.234`` / ``1,234`` as thousands (counts have no fractional part).
    """
    if not any(ch.isdigit() for ch in body):
        raise _CellError("not a number")
    spaced = re.fullmatch(r"(\d{1,3}([^\S\n]|')\d{3}(?:\2\d{3})*)(?:([.,])(\d*))?", body)
    if spaced:  # 12 345 / 12'345 (one kind of separator throughout), maybe with a decimal part
        int_part, sep, mark, frac = spaced.groups()
        features.add("apostrophe_thousands" if sep == "'" else "space_thousands")
        if mark:
            features.add("comma_decimal" if mark == "," else "dot_decimal")
        return _decimal(int_part.replace(sep, ""), frac or "")
    if re.search(r"[\s']", body):
        raise _CellError("not a number")
    n_dot, n_comma = body.count("."), body.count(",")
    if n_dot == 0 and n_comma == 0:
        return _decimal(body, "")
    if n_dot and n_comma:
        mark = "." if body.rfind(".") > body.rfind(",") else ","
        thousands = "," if mark == "." else "."
        int_part, frac = body.rsplit(mark, 1)
        if not frac.isdigit() or mark in int_part:
            raise _CellError("not a number")
        if _grouped(int_part, thousands):
            features.add("comma_thousands" if thousands == "," else "dot_thousands")
        elif thousands == "," and _indian(int_part):
            features.add("indian_grouping")
        else:
            raise _CellError("not a number")
        features.add("dot_decimal" if mark == "." else "comma_decimal")
        return _decimal(int_part.replace(thousands, ""), frac)
    sep = "." if n_dot else ","
    if n_dot + n_comma > 1:  # several of one separator: thousands grouping
        if _grouped(body, sep):
            features.add("comma_thousands" if sep == "," else "dot_thousands")
        elif sep == "," and _indian(body):
            features.add("indian_grouping")
        else:
            raise _CellError("not a number")
        return _decimal(body.replace(sep, ""), "")
    int_part, frac = body.split(sep)
    if (frac and not frac.isdigit()) or (int_part and not int_part.isdigit()) or not (int_part or frac):
        raise _CellError("not a number")
    ambiguous = len(frac) == 3 and 1 <= len(int_part) <= 3 and not int_part.startswith("0")
    if ambiguous:
        features.add("ambiguous")
        as_thousands = count_rule or (sep == "," if decimal is None else sep != decimal)
        if as_thousands:
            features.add("comma_thousands" if sep == "," else "dot_thousands")
            return _decimal(int_part + frac, "")
    features.add("dot_decimal" if sep == "." else "comma_decimal")
    return _decimal(int_part, frac)


def _parse_cell(text: str, *, decimal: str | None, count: bool) -> tuple[Decimal | None, set[str]]:
    """Parse one cell: ``(value or None if missing, features used)``; raises :class:`_CellError`."""
    s = unicodedata.normalize("NFKC", text).replace("\u2212", "-").strip()
    if _is_missing(s):
        return None, {"missing"}
    m = _CELL.fullmatch(s)
    if m is None:
        raise _CellError("not a number")
    features: set[str] = set()
    if m["sign"] == "+":
        features.add("plus")
    if m["pct"]:
        features.add("percent")
    suffix = (m["suffix"] or "").lower()
    if suffix:
        features.add("suffix")
    value = _body_value(m["body"].strip(), decimal, count and not suffix and not m["exp"], features)
    if m["exp"]:
        features.add("exponent")
        try:
            value = value.scaleb(int(m["exp"][1:]))
        except (InvalidOperation, ValueError):
            raise _CellError("not a number") from None
    if suffix:
        value *= _SUFFIXES[suffix]
    if abs(value) > Decimal("1e300"):
        raise _CellError("not a number")
    if m["sign"] == "-":
        value = -value
    return value, features


def parse_number(text: str, *, decimal: str | None = None, count: bool = False) -> float:
    """Read one number as written in exports; ``NaN`` for a missing marker.

    Units: a ``k``/``m``/``b`` suffix (any case; also ``mn``, ``bn``, ``mio``, ``thousand`` ...) multiplies
    by 1e3/1e6/1e9; a ``%`` sign is only stripped (``"1.39%"`` -> 1.39, i.e. the value stays in percent).

    ``decimal`` is the decimal mark to assume for an *ambiguous* text such as ``"1.234"`` or ``"1,234"``
    (``None``: English, so ``"1.234"`` = 1.234 and ``"1,234"`` = 1234). ``count=True`` reads those as
    thousands whatever ``decimal`` says (a count has no fractional part). Unambiguous texts ignore both:
    ``"1,39"`` is 1.39, ``"1.234.567"`` and ``"1,234,567"`` are 1234567, ``"1.234,5"`` is 1234.5.

    >>> parse_number("3.3k"), parse_number("475.8M"), parse_number("29.0b")
    (3300.0, 475800000.0, 29000000000.0)
    >>> parse_number("1,39%"), parse_number("12\u00a0345"), parse_number("+1,234,567")
    (1.39, 12345.0, 1234567.0)
    >>> parse_number("NaN%")
    nan

    Raises ValueError when the text is not a number.
    """
    if decimal not in (None, ".", ","):
        raise ValueError(f"decimal must be None, '.' or ',', not {decimal!r}")
    try:
        value, _ = _parse_cell(str(text), decimal=decimal, count=count)
    except _CellError as exc:
        raise ValueError(f"cannot read {text!r} as a number ({exc})") from None
    return math.nan if value is None else float(value)


# --- reading the bytes ----------------------------------------------------------------------------------
def _read_source(source: ExportSource, name: str | None) -> tuple[bytes | str, str]:
    """The raw content and the name used in messages. Reads only; never writes, never seeks back."""
    if isinstance(source, (tuple, list)) and len(source) == 1 and isinstance(source[0], Mapping):
        source = source[0]  # FileUpload.value with one file
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), name or "uploaded bytes"
    if isinstance(source, Mapping):
        if "content" not in source:
            raise TypeError(
                "a mapping source must be one ipywidgets FileUpload entry with a 'content' key "
                "(upload.value[0]); got keys " + ", ".join(map(repr, source))
            )
        return bytes(source["content"]), name or str(source.get("name") or "uploaded file")
    if isinstance(source, str) and ("\n" in source or "\r" in source):
        raise ExportFormatError(
            "the source is text with line breaks, not a path. Pass the path of the file, or the content "
            "as bytes (text.encode()) or as a file object (io.StringIO(text))",
            source=name or "text",
            problem="text_not_path",
        )
    if isinstance(source, (str, os.PathLike)):
        path = Path(source).expanduser()
        label = name or str(source)
        if not path.exists():
            raise FileNotFoundError(
                f"{label}: no such file. Check the path and the spelling; relative paths start from the "
                f"notebook's folder ({Path.cwd()})."
            )
        if path.is_dir():
            raise IsADirectoryError(
                f"{label}: is a folder, not a file; pass the path of the CSV file inside it."
            )
        try:
            with open(path, "rb") as handle:
                return handle.read(), label
        except PermissionError:
            raise PermissionError(
                f"{label}: you have no permission to read this file. Copy it somewhere you can read "
                "(e.g. download it again into your own folder), or ask its owner to make it readable "
                "(chmod u+r on Linux/macOS)."
            ) from None
    if hasattr(source, "read"):
        label = name or str(getattr(source, "name", "") or "file object")
        try:
            data = source.read()
        except UnicodeDecodeError as exc:
            raise ExportFormatError(
                f"{label}: the file object was opened as text with the wrong encoding ({exc.reason}). "
                "Open it in binary mode (open(path, 'rb')) or pass the path, and the encoding is detected",
                source=label,
                problem="encoding",
            ) from None
        return (data if isinstance(data, str) else bytes(data)), label
    raise TypeError(
        "source must be a path (str or Path), bytes (e.g. upload.value[0]['content']) or a file object, "
        f"not {type(source).__name__}"
    )


def _check_signature(raw: bytes, label: str) -> None:
    """Refuse files whose first bytes say they are not text (spreadsheets, archives, PDFs, images)."""
    head = raw[:4096]
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        if b"mimetypeapplication/vnd.oasis.opendocument" in head:
            raise _error(
                label,
                "spreadsheet",
                "this looks like an OpenDocument spreadsheet (.ods), not a CSV text file",
                "Save it as CSV (File > Save As > Text CSV, UTF-8) and read that file",
            )
        if b"[Content_Types].xml" in head or b"xl/" in raw[:65536] or b"docProps/" in head:
            raise _error(
                label,
                "excel",
                "this looks like an Excel file (.xlsx, a zipped workbook), not a CSV text file",
                "Open it in Excel and save it as CSV (File > Save As > CSV UTF-8), then read the .csv file",
            )
        raise _error(
            label,
            "zip",
            "this is a zip archive, not a CSV text file (download sites such as Kaggle zip their files)",
            "Unzip it first and pass the .csv file that was inside",
        )
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise _error(
            label,
            "excel",
            "this looks like an Excel file (old .xls workbook), not a CSV text file",
            "Open it in Excel and save it as CSV (File > Save As > CSV UTF-8), then read the .csv file",
        )
    if head.startswith(b"\x1f\x8b"):
        raise _error(
            label, "gzip", "this is a gzip-compressed file", "Decompress it first and pass the .csv inside"
        )
    if head.startswith(b"%PDF"):
        raise _error(
            label,
            "pdf",
            "this is a PDF document, not a data export",
            "Download the CSV export of the data instead (PDF tables cannot be read reliably)",
        )
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        raise _error(
            label,
            "image",
            "this is an image, not a data export",
            "Download the CSV export of the data itself",
        )


def _decode(raw: bytes, label: str, encoding: str | None) -> tuple[str, str]:
    """Decode the bytes; returns ``(text, encoding used)``. Refuses binary content."""
    if encoding is not None:
        try:
            return raw.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            raise _error(
                label,
                "encoding",
                f"the file cannot be decoded as {encoding!r} ({exc})",
                "Leave encoding=None to detect it, or save the file as CSV UTF-8",
            ) from None
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    _check_signature(raw, label)
    if (nul := raw.find(b"\x00")) >= 0:
        sample = raw[:512]
        if len(sample) >= 8 and sample[1::2].count(0) > 0.9 * len(sample[1::2]):
            try:  # UTF-16 without a BOM: every second byte of ASCII text is NUL
                return raw.decode("utf-16-le"), "utf-16"
            except UnicodeDecodeError:
                pass
        raise _error(
            label,
            "binary",
            f"this is not a text file (it contains binary NUL bytes, the first at byte {nul})",
            "Export or save the data as CSV (comma- or semicolon-separated text, UTF-8) and read that file",
        )
    if raw.startswith(codecs.BOM_UTF8):
        try:
            return raw.decode("utf-8-sig"), "utf-8-sig"
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if not re.search(rb"[\x80-\x9f]", raw):  # cp1252 and Latin-1 agree on every byte: say Latin-1
        return raw.decode("latin-1"), "latin-1"
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:  # one of the five bytes cp1252 leaves undefined
        return raw.decode("latin-1"), "latin-1"


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")


def _reject_control_codes(text: str, label: str) -> None:
    """Refuse binary content that has no NUL byte: many control codes where text has none."""
    head = text[:4096]
    found = _CONTROL.findall(head)
    if len(found) >= 8 and len(found) > 0.01 * len(head):
        first = _CONTROL.search(head)
        assert first is not None
        raise _error(
            label,
            "binary",
            f"this is not a text file: {len(found)} of its first {len(head):,} characters are control codes "
            f"that text does not contain (the first, {first.group()!r}, at character {first.start()})",
            "It is probably a program file, an archive or a picture with a .csv name. Export or save the "
            "data as CSV (comma- or semicolon-separated text, UTF-8) and read that file",
        )


def _reject_non_csv(text: str, label: str) -> None:
    """Refuse web pages, JSON and XML with a message saying what to download instead."""
    head = text.lstrip("\ufeff \t\r\n")[:2048].lower()
    if head.startswith(("<!doctype html", "<html", "<head", "<body", "<!--")) or "<html" in head[:1024]:
        raise _error(
            label,
            "html",
            "this is a web page, not a data export (it starts with HTML such as '<!DOCTYPE html'); a browser "
            "saved the page that shows the data, or a download link led to a login or error page",
            "Download the CSV itself (the site's 'Export' / 'Download CSV' button, or the raw file link)",
        )
    if head.startswith("<?xml") or head.startswith("<"):
        raise _error(
            label,
            "xml",
            "this is XML, not a CSV export",
            "Export the data as CSV (comma- or semicolon-separated text) and read that file",
        )
    start = re.match(r"[\s\ufeff]*", text)
    first = text[start.end() : start.end() + 1] if start else ""  # no copy of a large text
    if first == "{" or (first == "[" and _is_json(text.strip().lstrip("\ufeff"))):
        raise _error(
            label,
            "json",
            "this is JSON (an API response or a JSON export), not a CSV table",
            "Export the data as CSV, or load the JSON with pandas.json_normalize(json.load(f)) and rename "
            "the columns yourself",
        )


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


# --- splitting into rows ----------------------------------------------------------------------------------
def _rows(text: str, delimiter: str, label: str, limit: int | None = None) -> list[tuple[int, list[str]]]:
    """``(first file line, fields)`` per record; quoted fields may hold delimiters and line breaks."""
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', skipinitialspace=True
    )
    out: list[tuple[int, list[str]]] = []
    previous = 0
    try:
        for row in reader:
            out.append((previous + 1, row))
            previous = reader.line_num
            if limit is not None and len(out) >= limit:
                break
    except csv.Error as exc:
        line = previous + 1
        if "field larger than field limit" in str(exc):
            limit = csv.field_size_limit()
            if text.count('"') % 2:
                raise _error(
                    label,
                    "quote",
                    f"a value starting on line {line} runs past {limit:,} characters, Python's limit for one "
                    'CSV field: a double quote (") opened there is never closed, so the rest of the file '
                    "reads as one value",
                    "Close or remove that quote character, or save the file again as CSV from a "
                    "spreadsheet program",
                ) from None
            raise _error(
                label,
                "field_too_long",
                f"a value on line {line} is longer than {limit:,} characters, Python's limit for one CSV "
                "field (a whole document in one cell, or a file that is not a table)",
                "Remove that column (long texts such as bios or captions) from the export, or shorten the "
                "value",
            ) from None
        raise _error(
            label,
            "quote",
            f"the file cannot be split into fields on line {line} ({exc}); most likely a value "
            'opens a double quote (") that is never closed',
            "Fix or remove that quote character, or save the file again as CSV from a spreadsheet program",
        ) from None
    return out


def _unclosed_quote_at_end(text: str, delimiter: str, line: int) -> bool:
    """Whether the record starting on file line ``line`` opens a double quote that the file never closes.

    The csv module then reads everything to the end of the file as one value, silently.
    """
    if text.count('"') % 2 == 0:
        return False
    buffer = io.StringIO(text, newline="")
    tail = ""
    for number, physical in enumerate(buffer, 1):
        if number == line:
            tail = physical + buffer.read()
            break
    strict = csv.reader(
        io.StringIO(tail, newline=""), delimiter=delimiter, quotechar='"', skipinitialspace=True, strict=True
    )
    try:
        for _ in strict:
            pass
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


def _has_value(row: Sequence[str]) -> bool:
    """Whether a row has a non-blank cell (blank lines and rows of bare delimiters have none)."""
    return bool(row) and (bool(row[0].strip()) or any(c.strip() for c in row))


def _prefix(text: str, lines: int | None = None) -> str:
    """The first ``lines`` physical lines of ``text`` (default :data:`_PREFIX_LINES`; all of a short text)."""
    end = -1
    for _ in range(_PREFIX_LINES if lines is None else lines):
        end = text.find("\n", end + 1)
        if end < 0:
            return text
    return text[: end + 1]


def _sniff(text: str, label: str) -> str:
    """The delimiter that makes the most headers recognisable, then the most consistent rows."""
    best: tuple[tuple[int, int, int, int], str] | None = None
    head = _prefix(text)  # 80 records are in the first lines: never copy a large file four times
    for order, delimiter in enumerate(_DELIMITERS):
        rows = [r for _, r in _rows(head, delimiter, label, limit=80) if _has_value(r)]
        if not rows:
            continue
        recognised = max(len({_match_header(c)[0] for c in r} - {None}) for r in rows[:30])
        width, n = Counter(len(r) for r in rows).most_common(1)[0]
        score = (recognised, n if width >= 2 else 0, width, -order)
        if best is None or score > best[0]:
            best = (score, delimiter)
    return best[1] if best else ","


def _sep_line(text: str) -> tuple[str, str | None]:
    """Obey and remove an Excel ``sep=;`` first line."""
    m = re.match(r"\ufeff?[ \t]*sep=(.)[ \t]*(\r\n|\r|\n|$)", text, re.IGNORECASE)
    if m is None:
        return text, None
    return "\n" + text[m.end() :], m.group(1)  # the sep line becomes blank: line numbers stay right


# --- headers ------------------------------------------------------------------------------------------
def _match_key(header: str) -> str:
    """Lower case, ``%`` -> ``pct``, without spaces, punctuation or underscores."""
    text = unicodedata.normalize("NFKC", header).casefold().replace("%", "pct")
    return re.sub(r"[\W_]+", "", text)


def _header_unit(header: str) -> tuple[str, int]:
    """The header without a unit such as ``(M)`` or ``in thousands``, and that unit's multiplier."""
    m = _HEADER_UNIT.search(header)
    if m is None:
        return header, 1
    unit = (m["a"] or m["b"]).lower()
    unit = unit if unit == "000s" else unit.rstrip("s")
    return (header[: m.start()] + header[m.end() :]).strip(), _UNIT_SCALE.get(unit, 1)


_ALIAS_INDEX: dict[str, tuple[str, int]] = {}
for _canonical, _aliases in HEADER_ALIASES.items():
    for _i, _alias in enumerate(_aliases):
        _ALIAS_INDEX.setdefault("#" if _alias == "#" else _match_key(_alias), (_canonical, _i))


def _match_header(header: str) -> tuple[str | None, int, int]:
    """``(canonical column or None, alias priority, unit multiplier)`` for one header cell."""
    text = header.strip().strip("\ufeff").strip()
    if text == "#":
        return "rank", HEADER_ALIASES["rank"].index("#"), 1
    bare, scale = _header_unit(text)
    for candidate, multiplier in ((text, 1), (bare, scale)):
        key = _match_key(candidate)
        if not key:
            continue
        if key in _ALIAS_INDEX:
            canonical, priority = _ALIAS_INDEX[key]
            if canonical in COUNT_COLUMNS - {"rank"} or canonical in AVERAGE_COLUMNS:
                return canonical, priority, multiplier
            return canonical, priority, 1
        if _ENGAGEMENT_RATE.fullmatch(key) or (key in {"engagement", "eng"} and "%" in candidate):
            return "engagement_rate_pct", len(HEADER_ALIASES["engagement_rate_pct"]), 1
    return None, 0, 1


def canonical_name(header: str) -> str | None:
    """The canonical column a header means, or ``None`` if it is not recognised.

    >>> canonical_name("Avg. Likes"), canonical_name("Channel Info"), canonical_name("60_day_eng_rate")
    ('avg_likes', 'handle', 'engagement_rate_pct')
    """
    return _match_header(header)[0]


def _snake(header: str, position: int) -> str:
    """A column name for an unrecognised header: snake_case, ``%`` -> ``pct``; ``column_<n>`` if empty."""
    text = unicodedata.normalize("NFKC", header).strip().strip("\ufeff").casefold().replace("%", " pct ")
    name = re.sub(r"[\W_]+", "_", text).strip("_")
    return name or f"column_{position}"


def _unique(name: str, used: set[str]) -> str:
    if name not in used:
        return name
    n = 2
    while f"{name}_{n}" in used:
        n += 1
    return f"{name}_{n}"


def _quote_list(items: Sequence[str], limit: int = 12) -> str:
    shown = ", ".join(repr(i) for i in items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


def _lines_text(lines: Sequence[int], limit: int = 5) -> str:
    shown = ", ".join(str(x) for x in lines[:limit])
    more = f" and {len(lines) - limit} more" if len(lines) > limit else ""
    return f"line{'s' if len(lines) > 1 else ''} {shown}{more}"


def _find_header(rows: Sequence[tuple[int, list[str]]]) -> int:
    """Index (in ``rows``) of the header: the first row naming followers, else the best guess."""
    first = rows[:30]
    for i, (_, row) in enumerate(first):
        if any(_match_header(c)[0] == "followers" for c in row):
            return i
    recognised = [len({_match_header(c)[0] for c in row} - {None}) for _, row in first]
    if max(recognised) >= 2:
        return recognised.index(max(recognised))
    filled = [sum(bool(c.strip()) for c in row) for _, row in first]
    threshold = max(1, math.ceil(max(filled) / 2))
    return next(i for i, n in enumerate(filled) if n >= threshold)


# --- columns ------------------------------------------------------------------------------------------
def _kind(column: str) -> str:
    if column in COUNT_COLUMNS:
        return "count"
    if column in AVERAGE_COLUMNS:
        return "average"
    if column in PERCENT_COLUMNS:
        return "percent"
    if column in SCORE_COLUMNS:
        return "score"
    return "text"


@dataclass
class _NumericColumn:
    values: np.ndarray  # float64, NaN = missing
    how: str
    problems: dict[str, list[int]]  # reason -> row positions
    had_percent: bool
    percent_cells: np.ndarray | None = None  # bool per row: the cell had a % sign


@dataclass
class _Cells:
    """A column's cell texts, with the plain numbers among them read at once (numpy, not cell by cell).

    A *plain* cell is ASCII digits (1 to 15 of them) with at most one dot: :func:`_parse_cell` reads it
    as the same float (its exact decimal value, correctly rounded), with no feature worth reporting.
    Every other non-empty cell goes through :func:`_parse_cell`.
    """

    texts: np.ndarray  # object array of str
    empty: np.ndarray  # bool: ""
    plain: np.ndarray  # bool
    numbers: np.ndarray  # float64: the value of the plain cells, NaN elsewhere
    dotted: np.ndarray | None  # bool: plain with a dot (None: not worked out yet, see with_dots())
    ambiguous: np.ndarray | None  # bool: plain like 1.234 (1-3 digits, not from 0, a dot, 3 digits)

    def with_dots(self) -> _Cells:
        """Fill ``dotted`` and ``ambiguous`` (cell by cell) if they are not known yet."""
        if self.dotted is None or self.ambiguous is None:
            where = np.flatnonzero(self.plain)
            self.dotted = np.zeros(len(self.texts), dtype=bool)
            self.ambiguous = np.zeros(len(self.texts), dtype=bool)
            self.dotted[where] = np.fromiter(map(_has_dot, self.texts[where]), bool, len(where))
            where = np.flatnonzero(self.dotted)
            self.ambiguous[where] = np.fromiter(map(_ambiguous_plain, self.texts[where]), bool, len(where))
        return self


def _has_dot(text: str) -> bool:
    return "." in text


def _ambiguous_plain(text: str) -> bool:
    """For a plain cell (digits, at most one dot): like 1.234, a decimal or a thousands separator."""
    return 4 < len(text) < 8 and text[-4] == "." and text[0] != "0"


def _read_floats(joined: bytes, n: int) -> np.ndarray | None:
    """The numbers of ``n`` cells of digits and dots joined by line breaks (pandas' C parser, exact for
    up to 15 digits); None when one cell is not a number (e.g. ``1.2.3``)."""
    try:
        frame = pd.read_csv(
            io.BytesIO(joined),
            header=None,
            names=[0],
            dtype=np.float64,
            skip_blank_lines=False,
            engine="c",
        )
    except (ValueError, pd.errors.ParserError):
        return None
    values = frame[0].to_numpy(dtype=np.float64)
    return values if len(values) == n else None


_CHUNK = 65_536  # rows per block when reading plain numbers (a block of 16 bytes per row)


def _classify(cells: Sequence[str]) -> _Cells:
    texts = np.asarray(cells, dtype=object)
    if texts.ndim != 1:  # np.asarray of a list of equal-length tuples would make a matrix
        texts = np.fromiter(cells, dtype=object, count=len(cells))
    n = len(texts)
    empty = texts == ""
    joined = "\n".join(texts)
    if joined.isascii():  # a column of digits and dots, at most 15 characters a cell: read at once
        data = joined.encode("ascii")
        if not data.translate(None, b"0123456789.\n"):
            breaks = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == 10)
            longest = int(np.diff(np.concatenate(([-1], breaks, [len(data)]))).max()) - 1
            numbers = _read_floats(data, n) if longest <= 15 else None
            if numbers is not None:  # every non-empty cell is plain
                if b"." in data:
                    return _Cells(texts, empty, ~empty, numbers, None, None)
                flat = np.zeros(n, dtype=bool)
                return _Cells(texts, empty, ~empty, numbers, flat, flat)
        del data
    del joined
    lengths = np.fromiter(map(len, texts), np.int64, n)
    maybe = (lengths > 0) & (lengths <= 16)
    if not "".join(texts).isascii():
        maybe &= np.fromiter(map(str.isascii, texts), bool, n)
    where = np.flatnonzero(maybe)
    plain = np.zeros(n, dtype=bool)
    numbers = np.full(n, np.nan)
    dotted = np.zeros(n, dtype=bool)
    ambiguous = np.zeros(n, dtype=bool)
    data = np.frombuffer("".join(texts[where]).encode("ascii"), dtype=np.uint8)
    sizes = lengths[where]
    offsets = np.concatenate(([0], np.cumsum(sizes)[:-1])).astype(np.int64) if len(where) else sizes
    for at in range(0, len(where), _CHUNK):
        rows, size, offset = where[at : at + _CHUNK], sizes[at : at + _CHUNK], offsets[at : at + _CHUNK]
        width = int(size.max())
        column = np.arange(width)
        inside = column[None, :] < size[:, None]
        chars = np.where(inside, data[np.minimum(offset[:, None] + column[None, :], len(data) - 1)], 0)
        digit = inside & (chars >= 48) & (chars <= 57)
        dot = inside & (chars == 46)
        n_dots, n_digits = dot.sum(axis=1), digit.sum(axis=1)
        good = ((digit | dot) == inside).all(axis=1) & (n_dots <= 1) & (n_digits >= 1) & (n_digits <= 15)
        mantissa = np.zeros(len(rows), dtype=np.int64)
        for k in range(width):
            mantissa = np.where(digit[:, k], mantissa * 10 + (chars[:, k].astype(np.int64) - 48), mantissa)
        has_dot = n_dots == 1
        dot_at = np.where(has_dot, dot.argmax(axis=1), size)
        decimals = size - dot_at - has_dot  # digits after the dot
        value = mantissa / 10.0**decimals  # exact operands, one rounding: the float of the decimal text
        plain[rows] = good
        numbers[rows] = np.where(good, value, np.nan)
        dotted[rows] = good & has_dot
        short_int = (dot_at >= 1) & (dot_at <= 3) & (chars[:, 0] != 48)  # 1-3 digits, not from 0
        ambiguous[rows] = good & has_dot & (decimals == 3) & short_int
    return _Cells(texts, empty, plain, numbers, dotted, ambiguous)


def _column_decimal(cells: Sequence[str] | _Cells, default: str) -> str:
    """The decimal mark the column's unambiguous cells use (``default`` when they do not say)."""
    c = cells if isinstance(cells, _Cells) else _classify(cells)
    # a plain 1.5 is English evidence; a plain 12 or 1.234 is none
    if c.dotted is not None and c.ambiguous is not None:
        en = bool((c.dotted & ~c.ambiguous).any())
    else:
        en = any("." in t and not _ambiguous_plain(t) for t in c.texts[c.plain])
    eu = False
    for text in dict.fromkeys(c.texts[~c.plain & ~c.empty]):
        try:
            _, features = _parse_cell(text, decimal=None, count=False)
        except _CellError:
            continue
        if "ambiguous" in features:
            continue
        eu |= bool(features & _EU_EVIDENCE)
        en |= bool(features & _EN_EVIDENCE)
    if eu and not en:
        return ","
    if en and not eu:
        return "."
    return default


def _too_large_reason(limit: float, scale: int) -> str:
    if limit == WORLD_POPULATION:
        reason = f"more than the world's population ({WORLD_POPULATION / 1e9:.1f} billion people)"
        if scale != 1:
            return reason + (
                f" once multiplied by the header's unit ({scale:,}): the cells look like full counts "
                "already; remove the unit from the header"
            )
        return reason + ": a typing error, or not a follower count"
    return f"implausibly large (more than {limit:.0e})"


def _parse_numeric(
    cells: Sequence[str] | _Cells, kind: str, scale: int, decimal: str, limit: float = MAX_COUNT
) -> _NumericColumn:
    """Parse a numeric column: plain numbers at once, every other distinct text once (:func:`_parse_cell`).

    ``limit``: the largest plausible value (counts and averages; followers: the world's population).
    """
    c = cells if isinstance(cells, _Cells) else _classify(cells)
    is_count = kind == "count"
    n = len(c.texts)
    # plain cells read as pandas reads them; not: a dot in a count (rounding, 1.234 = 1234) or in a
    # column with a header unit (exact products), nor 1.234 where the column's decimal mark is ","
    fast = c.plain
    if is_count or scale != 1:
        fast = fast & ~c.with_dots().dotted
    if decimal == "," and not is_count:
        fast = fast & ~c.with_dots().ambiguous
    values = np.full(n, np.nan)
    values[fast] = c.numbers[fast] * scale
    first_row: dict[str, int] = {}
    rows_of: dict[str, np.ndarray] = {}
    refused = np.zeros(n, dtype=bool)
    if kind == "percent":
        refused = fast & (values > 100)
        reason = (
            "above 100 % (more interactions per post than followers cannot be true): check the "
            "column, or the decimal mark"
        )
    elif kind in ("count", "average"):
        refused = fast & (np.abs(values) > limit)
        reason = _too_large_reason(limit, scale)
    if refused.any():
        rows_of[reason] = np.flatnonzero(refused)
        first_row[reason] = int(rows_of[reason][0])
        values[refused] = np.nan

    slow = np.flatnonzero(~fast & ~c.empty)
    slow_texts = c.texts[slow]
    parsed: dict[str, tuple[Decimal | None, set[str]] | str] = {}
    for text in dict.fromkeys(slow_texts):
        try:
            value, features = _parse_cell(text, decimal=decimal, count=is_count)
        except _CellError as exc:
            parsed[text] = str(exc)
            continue
        if value is not None:
            if "percent" in features and kind != "percent":
                parsed[text] = "has a % sign but this column is not a percentage"
                continue
            if "suffix" in features and kind == "percent":
                parsed[text] = "a k/m/b suffix on a percentage"
                continue
            if "suffix" in features and scale != 1:
                parsed[text] = (
                    f"has its own unit (k/m/b) while the header gives one too (× {scale:,}): the unit would "
                    "count twice; write plain numbers in this column, or remove the unit from the header"
                )
                continue
            if kind == "percent" and value > 100:
                parsed[text] = (
                    "above 100 % (more interactions per post than followers cannot be true): check the "
                    "column, or the decimal mark"
                )
                continue
            if value < 0 and kind != "score":
                parsed[text] = "negative (cannot be below 0)"
                continue
            value *= scale
            if is_count:
                whole = value.quantize(Decimal(1), rounding=ROUND_HALF_UP)
                if whole != value:
                    features.add("rounded")
                value = whole
            if kind in ("count", "average") and abs(value) > limit:
                parsed[text] = _too_large_reason(limit, scale)
                continue
        parsed[text] = (value, features)

    # uniques in order of appearance (an empty column: no codes)
    codes, uniques = pd.factorize(slow_texts) if len(slow) else (np.zeros(0, dtype=np.int64), [])
    unique_values = np.full(len(uniques), np.nan)
    unique_percent = np.zeros(len(uniques), dtype=bool)
    unique_reason = np.full(len(uniques), -1)
    reasons: list[str] = []
    examples: dict[str, str] = {}
    for u, text in enumerate(uniques):
        result = parsed[text]
        if isinstance(result, str):
            if result not in reasons:
                reasons.append(result)
            unique_reason[u] = reasons.index(result)
            continue
        value, features = result
        unique_percent[u] = "percent" in features
        if value is not None:
            unique_values[u] = float(value)
        for feature in features:
            if text.strip():  # an empty cell is no example of anything
                examples.setdefault(feature, text.strip())
    values[slow] = unique_values[codes]
    percent_cells = np.zeros(n, dtype=bool)
    percent_cells[slow] = unique_percent[codes]
    row_reason = unique_reason[codes]
    for r, reason in enumerate(reasons):
        where = slow[row_reason == r]
        if reason in rows_of:
            where = np.union1d(rows_of[reason], where)
        rows_of[reason] = where
        first_row[reason] = int(where[0])
    problems = {reason: rows_of[reason].tolist() for reason in sorted(first_row, key=first_row.__getitem__)}
    parts = [f"{d} (e.g. {examples[f]!r})" for f, d in _FEATURES.items() if f in examples]
    if scale != 1:
        parts.append(f"multiplied by {scale:,} (the header gives the unit)")
    return _NumericColumn(
        values,
        "; ".join(parts) or "plain numbers",
        problems,
        "percent" in examples,
        percent_cells,
    )


def _text_column(cells: Sequence[str], missing_markers: bool, stripped: bool = False) -> pd.Series:
    """Cells as pandas strings; empty cells (and with ``missing_markers``, e.g. ``n/a``) are missing."""
    out = np.array(cells if stripped else list(map(str.strip, cells)), dtype=object)
    missing = out == ""
    if missing_markers:
        codes, uniques = pd.factorize(out)
        marker = np.fromiter(map(_is_missing, uniques), bool, len(uniques))
        if marker.any():
            missing |= marker[codes]
    out[missing] = None
    return pd.Series(out, dtype="str")


def _cross_check_ratio(er: np.ndarray, frame: Mapping[str, np.ndarray]) -> float | None:
    """Median of given ER / ((avg_likes [+ avg_comments]) / followers x 100), or None if not computable."""
    if "followers" not in frame or "avg_likes" not in frame:
        return None
    interactions = frame["avg_likes"] + frame.get("avg_comments", np.zeros(len(er)))
    with np.errstate(divide="ignore", invalid="ignore"):
        implied = interactions / frame["followers"] * 100
        ratio = er / implied
    ok = np.isfinite(ratio) & (er > 0) & (implied > 0)
    return float(np.median(ratio[ok])) if ok.any() else None


# --- the reader ------------------------------------------------------------------------------------------
def read_influencer_export(
    source: ExportSource,
    *,
    name: str | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    decimal: str | None = None,
) -> pd.DataFrame:
    """Read a creator export (CSV/TSV text) into a DataFrame with canonical columns.

    Args:
        source: a path (str or Path); raw bytes, bytearray or memoryview (an ipywidgets ``FileUpload``
            gives ``upload.value[0]["content"]``); one ``FileUpload`` entry (``upload.value[0]``); or an
            open file, binary or text (read from its current position, not closed).
        name: name of the source in messages and in the report (default: the path, the upload's name, the
            file object's ``name``, or ``"uploaded bytes"``).
        encoding: force a text encoding (default: detected, see the module docstring).
        delimiter: force the field delimiter (default: sniffed among ``,`` ``;`` tab ``|``).
        decimal: force the decimal mark (``"."`` or ``","``) for ambiguous numbers such as ``1.234``
            (default: decided per column, see the module docstring).

    Returns:
        A DataFrame with the canonical columns the file has, in :data:`CANONICAL_COLUMNS` order
        (``followers`` always; ``engagement_rate_pct`` also when it can be derived), then the unrecognised
        columns as text. Units: counts in accounts/posts/likes (``Int64``), ``avg_*`` per post
        (``float64``), ``engagement_rate_pct`` in percent (``float64``, 1.39 = 1.39 %).
        ``df.attrs["report"]`` is an :class:`ExportReport`; ``describe_report(df)`` prints it.

    Raises:
        ExportFormatError: (a ``ValueError``) the file is empty, binary (e.g. an Excel workbook), a web
            page, JSON or XML, has no recognisable follower column, no data rows, or no usable follower
            value; the message says what is wrong and what the file needs.
        FileNotFoundError, IsADirectoryError: the path does not lead to a file.
        TypeError: ``source`` is none of the accepted kinds.
    """
    if decimal not in (None, ".", ","):
        raise ValueError(f"decimal must be None, '.' or ',', not {decimal!r}")
    if delimiter is not None and len(delimiter) != 1:
        raise ValueError(f"delimiter must be one character, not {delimiter!r}")
    data, label = _read_source(source, name)
    report = ExportReport(source=label)
    text = _to_text(data, report, encoding)
    del data  # a large file is held once, as text
    notes = list(report.notes)
    header, data_rows, body_at = _locate_header(text, report, delimiter)
    table = None if body_at is None else _fast_table(text, *body_at, header, report, decimal)
    if table is None:
        if body_at is not None:  # pandas did not see one row per line: split with the csv module
            report = ExportReport(source=label, encoding=report.encoding, notes=notes)
            header, data_rows, _ = _locate_header(text, report, delimiter, fast=False)
        table = _clean_rows(header, data_rows, report)
    del text
    names, winner = _name_columns(table, report)
    series = _convert_columns(table, names, winner, report, decimal)
    df = pd.DataFrame(
        {c: series[c] for c in CANONICAL_COLUMNS if c in series}
        | {n: series[n] for n in names if n and n not in CANONICAL_COLUMNS}
    )
    report.rows_kept = len(df)
    _final_notes(df, table.lines, report)
    df.attrs["report"] = report
    return df


def _to_text(data: bytes | str, report: ExportReport, encoding: str | None) -> str:
    """Stage 1: bytes -> text (refusing empty, binary and non-CSV content); sets ``report.encoding``."""
    label = report.source
    if isinstance(data, str):
        text, report.encoding = data, "text"
    else:
        if not data:
            raise _error(
                label, "empty", "the file is empty (0 bytes)", _FIX_EXPORT + "; download or export it again"
            )
        text, report.encoding = _decode(data, label, encoding)
    text = text.removeprefix("\ufeff")
    _reject_control_codes(text, label)
    if not text or text.isspace():
        raise _error(
            label,
            "whitespace",
            "the file holds only blank lines or spaces",
            _FIX_EXPORT + "; download it again",
        )
    _reject_non_csv(text, label)
    if report.encoding in ("cp1252", "latin-1") and re.search("Ã[\u0080-\u00bf]|â€", text):
        report.notes.append(
            f"the file is not valid UTF-8 and was read as {report.encoding}, but some text looks like "
            "UTF-8 read wrongly (e.g. 'Ã©' for 'é'): the file probably mixes encodings; save it again as "
            "CSV UTF-8 if names look garbled"
        )
    return text


def _locate_header(
    text: str, report: ExportReport, delimiter: str | None, fast: bool = True
) -> tuple[list[str], list[tuple[int, list[str]]], tuple[int, int] | None]:
    """Stage 2: text -> the header row and the non-blank rows below it; sets delimiter and header line.

    For a large file whose rows after the header hold no double quote, the rows are not split here:
    the third value is then ``(character offset where they start, most fields in a row of the first
    lines)`` (see :func:`_fast_table`), and the list of rows is empty. Otherwise it is None.
    """
    label = report.source
    text, sep = _sep_line(text)
    if sep is not None and delimiter is None:
        report.notes.append(f"the first line 'sep={sep}' set the delimiter (an Excel convention)")
    report.delimiter = delimiter or sep or _sniff(text, label)
    if fast:
        body_at, records = _fast_body_start(text, report.delimiter, label)
    else:
        body_at, records = None, _rows(text, report.delimiter, label)
    rows = [(line, row) for line, row in records if _has_value(row)]
    if not rows or not re.search(r"[^\s,;|\"']", text):
        raise _error(label, "whitespace", "the file holds no values, only delimiters or quotes", _FIX_EXPORT)
    header_at = _find_header(rows)
    report.header_line, header = rows[header_at]
    if skipped := rows[:header_at]:
        shown = "; ".join(
            repr(report.delimiter.join(r).strip(report.delimiter + " ")[:60]) for _, r in skipped[:3]
        )
        report.notes.append(
            f"skipped {len(skipped)} line{'s' if len(skipped) > 1 else ''} before the header "
            f"(line {report.header_line}): {shown}"
        )
    header_cells = [c.strip().strip("\ufeff").strip() for c in header]
    if not any(_match_header(c)[0] == "followers" for c in header_cells if c):
        found = [c for c in header_cells if c]
        accepted = ", ".join(HEADER_ALIASES["followers"][:12])
        raise _error(
            label,
            "no_followers",
            f"no follower column found (header on line {report.header_line}, {len(found)} column"
            f"{'s' if len(found) != 1 else ''}: {_quote_list(found) or 'none'})",
            f"The file needs a column of follower counts, headed by one of: {accepted} (case, spaces and "
            "punctuation do not matter; also subscribers for YouTube). If your file calls it something "
            "else, rename that header to 'followers' in a copy of the file",
        )
    if body_at is not None:
        return header_cells, [], (body_at, max(len(row) for _, row in rows))
    data_rows = rows[header_at + 1 :]
    report.rows_read = len(data_rows)
    if data_rows and _unclosed_quote_at_end(text, report.delimiter, data_rows[-1][0]):
        line = data_rows.pop()[0]
        reason = (
            f'a double quote (") opened on line {line} is never closed, so everything after it to the end '
            "of the file was read as one value; close or remove that quote and read the file again"
        )
        report.dropped.setdefault(reason, []).append(line)
    return header_cells, data_rows, None


def _fast_body_start(text: str, delimiter: str, label: str) -> tuple[int | None, list[tuple[int, list[str]]]]:
    """``(offset of the first line after the header, records up to the header)`` when the rows below the
    header can be split without the csv module (no double quote after the header, no lone carriage
    return, a one-byte delimiter, a file longer than :data:`_PREFIX_LINES` lines); else
    ``(None, every record of the file)``.
    """
    head = _prefix(text)
    one_byte = len(delimiter.encode("utf-8")) == 1
    lone_cr = "\r" in text and text.count("\r") != text.count("\r\n")
    if len(head) == len(text) or not one_byte or lone_cr:
        return None, _rows(text, delimiter, label)
    records = _rows(head, delimiter, label)[:-1]  # the prefix's last record may be cut short
    valued = [(line, row) for line, row in records if _has_value(row)]
    if len(valued) <= 30:  # the header is looked for among the first 30 rows with a value
        return None, _rows(text, delimiter, label)
    header_line = valued[_find_header(valued)][0]
    after = next((i + 1 for i, (line, _) in enumerate(records) if line == header_line), len(records))
    if after >= len(records):
        return None, _rows(text, delimiter, label)
    body_line = records[after][0]
    offset = -1
    for _ in range(body_line - 1):
        offset = text.find("\n", offset + 1)
    offset += 1
    if text.find('"', offset) >= 0:
        return None, _rows(text, delimiter, label)
    return offset, records


#: A lone value that is a note, not a creator: "Total: 2 creators", "Generated 2024-05-01", "Source: ...".
_NOTE_LINE = re.compile(
    r"^(total|totals|grand total|sum|subtotal|average|mean|count|generated|exported|created|source|"
    r"page|showing|report|results?)\b|:\s",
    re.IGNORECASE,
)


_NOTE_REASON = "a note or total line, not a creator (e.g. 'Total: 2 creators')"


@dataclass
class _Table:
    """The rows kept, as raw text columns, with their header and file lines."""

    header: list[str]  # header cells, padded to the table width
    matches: list[tuple[str | None, int, int]]  # _match_header per header cell
    columns: list[Sequence[str] | _Cells]  # cell texts, one list or object array per column (or numbers)
    lines: Sequence[int]  # file line of each kept row (a list, or an integer array)
    stripped: bool = False  # the cells have no whitespace at either end


def _clean_rows(header: list[str], data_rows: list[tuple[int, list[str]]], report: ExportReport) -> _Table:
    """Stage 3: pad short rows, drop shifted rows, repeated headers and note lines (all reported)."""
    named_width = max((i + 1 for i, c in enumerate(header) if c), default=0)
    header_key = [_match_key(c) for c in header]
    first_header = header[0].casefold() if header else ""
    kept: list[tuple[int, list[str]]] = []
    padded: list[int] = []
    multiline: list[int] = []
    for line, row in data_rows:
        cells = list(row)
        while cells and not cells[-1].strip():
            cells.pop()
        if len(cells) > max(named_width, len(header)):
            reason = (
                f"more fields than the header ({len(cells)} instead of {named_width}; "
                "often an unquoted delimiter inside a value)"
            )
            report.dropped.setdefault(reason, []).append(line)
            continue
        if (
            len(cells) >= named_width
            and cells[0].strip().casefold() == first_header  # cheap test first: most rows differ here
            and [_match_key(c) for c in cells] == header_key[: len(cells)]
        ):
            report.dropped.setdefault("repeated header line", []).append(line)
            continue
        filled = sum(bool(c.strip()) for c in cells)
        if len(row) < named_width and named_width >= 3 and filled == 1:
            reason = "a single value on a short line (a note, title or footer?)"
            report.dropped.setdefault(reason, []).append(line)
            continue
        if filled == 1 and _NOTE_LINE.search(cells[0].strip()):
            report.dropped.setdefault(_NOTE_REASON, []).append(line)
            continue
        if len(row) < named_width:
            padded.append(line)
        joined = "\x00".join(cells)
        if "\n" in joined or "\r" in joined:
            multiline.append(line)
        kept.append((line, cells))
    _padded_note(padded, report)
    if multiline:
        report.notes.append(
            f"a quoted value runs over several lines ({_lines_text(multiline)}); it was kept as one value. "
            "If rows seem to be missing, look there for a quote that is never closed"
        )
    if not kept:
        raise _no_rows_error(header, report)
    width = max([named_width, *(len(c) for _, c in kept)])
    header = (header + [""] * width)[:width]  # cells past the width are empty (trailing delimiters)
    return _Table(
        header=header,
        matches=[_match_header(c) if c else (None, 0, 1) for c in header],
        columns=[[(c[j] if j < len(c) else "") for _, c in kept] for j in range(width)],
        lines=[line for line, _ in kept],
    )


def _padded_note(padded: Sequence[int], report: ExportReport) -> None:
    if len(padded):
        report.notes.append(
            f"{len(padded)} row{'s' if len(padded) > 1 else ''} had fewer fields than the header; the "
            f"missing cells at the end were left empty ({_lines_text(padded)})"
        )


def _no_rows_error(header: list[str], report: ExportReport) -> ExportFormatError:
    dropped = sum(len(v) for v in report.dropped.values())
    why = f" ({dropped} line{'s' if dropped > 1 else ''} dropped: {'; '.join(report.dropped)})"
    return _error(
        report.source,
        "header_only",
        f"the file has a header (line {report.header_line}: {_quote_list([c for c in header if c])})"
        " but no data rows" + (why if dropped else ""),
        "It needs one line per creator below the header; export the data again (check any filter in "
        "the tool)",
    )


_ASCII_SPACES = tuple(bytes([b]) for b in b"\t\x0b\x0c\x1c\x1d\x1e\x1f ")  # what str.strip removes


def _native_candidates(
    header: list[str], raw: bytes, delimiter: str, decimal: str | None
) -> dict[int, tuple[str, int, float]]:
    """``{column: (kind, header unit, largest plausible value)}`` of the numeric columns that pandas may
    parse as numbers itself: then no text is made for their cells. Only where the file cannot hold a
    number pandas reads differently from :func:`_parse_cell`: no ``+`` (reported), no exponent (``1e5``,
    reported), no run of 16 digits (exactness), an English decimal mark (``1.234`` is not ambiguous).
    """
    if delimiter == ";" or decimal == "," or b"+" in raw:
        return {}
    matches = [_match_header(c) if c else (None, 0, 1) for c in header]
    winner: dict[str, int] = {}
    for j, (canonical, priority, _) in enumerate(matches):
        if canonical is not None and (canonical not in winner or priority < matches[winner[canonical]][1]):
            winner[canonical] = j
    out = {
        j: (_kind(canonical), matches[j][2], WORLD_POPULATION if canonical == "followers" else MAX_COUNT)
        for canonical, j in winner.items()
        if _kind(canonical) in ("count", "average", "percent", "score")
    }
    if not out:
        return {}
    return {} if _maybe_read_differently(raw) else out


#: Byte classes for :func:`_maybe_read_differently`: 1 a digit, 2 a dot, 4 ``e``/``E``, 8 a minus sign.
_BYTE_CLASS = np.zeros(256, dtype=np.uint8)
_BYTE_CLASS[np.frombuffer(b"0123456789", dtype=np.uint8)] = 1
_BYTE_CLASS[[ord("."), ord("e"), ord("E"), ord("-")]] = [2, 4, 4, 8]
#: Bytes per piece of that scan: small enough for the processor's cache, so that no array the size of
#: the file is made (on a 44 MB file, 15 such arrays cost more than pandas' whole read).
_SCAN_PIECE = 1 << 18


def _maybe_read_differently(raw: bytes) -> bool:
    """True when ``raw`` holds a digit, ``e``/``E`` and a digit or minus (maybe an exponent) or a run
    of 16 digits or dots (maybe beyond float precision). Scanned in overlapping pieces."""
    buf = np.frombuffer(raw, dtype=np.uint8)
    overlap = 16  # the longest pattern: a piece starts this many bytes before the previous one ended
    for start in range(0, max(len(buf) - overlap, 1), _SCAN_PIECE):
        cls = _BYTE_CLASS[buf[start : start + _SCAN_PIECE + overlap]]
        number = (cls & 3) != 0
        if len(cls) > 2 and (number[:-2] & (cls[1:-1] == 4) & ((cls[2:] & 9) != 0)).any():
            return True
        run = number
        for k in (1, 2, 4, 8):  # runs of 2, 4, 8, 16 digits or dots
            run = run[:-k] & run[k:]
        if run.any():
            return True
    return False


def _native_values(values: np.ndarray, kind: str, scale: int, limit: float) -> np.ndarray | None:
    """The column's numbers when they are read exactly as :func:`_parse_numeric` would, with no problem to
    report (else None: the column is read as text)."""
    if values.dtype == np.int64:
        numbers = values.astype(np.float64) * scale
    elif values.dtype == np.float64 and kind != "count" and scale == 1:
        numbers = values
    else:
        return None
    if not np.isfinite(numbers).all() or np.signbit(numbers).any() or (np.abs(numbers) >= MAX_COUNT).any():
        return None
    if (kind in ("count", "average") and (numbers > limit).any()) or (
        kind == "percent" and (numbers > 100).any()
    ):
        return None
    return numbers


#: ``pandas.read_csv`` options of the fast path: every cell as written (no NA guessing, blank lines kept so
#: line numbers match), quotes not special (the fast path only takes files without them), C engine, UTF-8.
#: Spaces after a delimiter are skipped only in a file that has any (that costs a fifth of the read).
_FAST_READ_OPTIONS: dict = {
    "na_filter": False,
    "keep_default_na": False,
    "skip_blank_lines": False,
    "quoting": csv.QUOTE_NONE,
    "engine": "c",
    "encoding": "utf-8",
}


def _fast_table(
    text: str,
    offset: int,
    width_hint: int,
    header: list[str],
    report: ExportReport,
    decimal: str | None = None,
) -> _Table | None:
    """Stage 3 for a large file without quotes below the header: :func:`_clean_rows`, column-wise.

    The rows start at character ``offset`` of ``text`` (a line start). They are split by pandas' C
    parser into text columns (no quotes, so one line is one row), then padded, dropped and reported
    exactly as :func:`_clean_rows` does, with numpy. ``width_hint``: fields per row in the first lines.
    Returns None when pandas does not give one row per line (then the csv module splits the file).
    """
    first_line = text.count("\n", 0, offset) + 1
    raw = text[offset:].encode("utf-8")
    delimiter = report.delimiter
    n_lines = raw.count(b"\n") + (1 if raw and not raw.endswith(b"\n") else 0)
    if n_lines == 0:
        return None
    native = _native_candidates(header, raw, delimiter, decimal)
    # cells may have whitespace at either end (pandas skips only spaces after a delimiter): strip them
    padded_cells = not raw.isascii() or any(byte in raw for byte in _ASCII_SPACES)
    options = _FAST_READ_OPTIONS | {"skipinitialspace": padded_cells}
    frame = None
    for attempt in range(2):
        if attempt:  # a longer row than the first lines had: count every line's fields
            width_hint = int(_field_counts(raw, delimiter).max())
        try:
            frame = pd.read_csv(
                io.BytesIO(raw),
                sep=delimiter,
                header=None,
                names=list(range(width_hint)),
                dtype={j: object for j in range(width_hint) if j not in native},
                **options,
            )
            break
        except pd.errors.ParserError:
            continue
    if frame is None or len(frame) != n_lines:
        return None
    width_read = width_hint
    numbers: dict[int, np.ndarray] = {}
    for j, (kind, scale, limit) in native.items():
        if j < width_read:
            values = _native_values(frame[j].to_numpy(), kind, scale, limit)
            if values is not None:
                numbers[j] = values
    cols: list[np.ndarray] = []
    for j in range(width_read):
        if j in numbers:
            cols.append(numbers[j])
        elif j in native and (frame[j].dtype == object or isinstance(frame[j].dtype, pd.StringDtype)):
            cols.append(frame[j].to_numpy(dtype=object))  # not all numbers: pandas kept the texts
        elif j in native:  # pandas read numbers we must read ourselves: the texts, once more
            cols.append(
                pd.read_csv(
                    io.BytesIO(raw),
                    sep=delimiter,
                    header=None,
                    names=list(range(width_read)),
                    usecols=[j],
                    dtype=object,
                    **options,
                )[j].to_numpy(dtype=object)
            )
        else:
            cols.append(frame[j].to_numpy(dtype=object))
    del frame
    if padded_cells:
        cols = [
            col if j in numbers else np.array(list(map(str.strip, col)), dtype=object)
            for j, col in enumerate(cols)
        ]
    filled = np.zeros(n_lines, dtype=np.int64)
    used = np.zeros(n_lines, dtype=np.int64)  # fields up to the last non-blank one
    for j, col in enumerate(cols):
        has = np.ones(n_lines, dtype=bool) if j in numbers else col != ""
        filled += has
        used[has] = j + 1
    lines = np.arange(first_line, first_line + n_lines)
    valued = filled > 0
    report.rows_read = int(valued.sum())

    named_width = max((i + 1 for i, c in enumerate(header) if c), default=0)
    # fields on the line, empty ones at the end included: only matters below the header's width
    fields = used.copy()
    suspects = np.flatnonzero(valued & (used < named_width))
    if len(suspects):
        fields[suspects] = _field_counts(raw, delimiter)[suspects]
    del raw
    reasons: list[str] = []
    why = np.full(n_lines, -1)  # index in reasons of the drop, -1: kept
    widest = max(named_width, len(header))
    for count in np.unique(used[valued & (used > widest)]):
        reasons.append(
            f"more fields than the header ({count} instead of {named_width}; "
            "often an unquoted delimiter inside a value)"
        )
        why[valued & (used == count)] = len(reasons) - 1
    first_header = header[0].casefold() if header else ""
    header_key = [_match_key(c) for c in header]
    candidates = np.flatnonzero(valued & (why < 0) & (used >= named_width))
    # a column pandas read as numbers holds no header text (its header cell is a name): then no line
    # repeats the header
    if len(candidates) and not numbers:
        # casefold() makes a text at most 3 times longer: only such lengths can equal the header's
        size = np.fromiter(map(len, cols[0][candidates]), np.int64, len(candidates))
        candidates = candidates[(size <= len(first_header)) & (3 * size >= len(first_header))]
        same = np.array(list(map(str.casefold, cols[0][candidates])), dtype=object) == first_header
        for i in candidates[same]:
            if [_match_key(cols[j][i]) for j in range(used[i])] == header_key[: used[i]]:
                if "repeated header line" not in reasons:
                    reasons.append("repeated header line")
                why[i] = reasons.index("repeated header line")
    alone = valued & (why < 0) & (filled == 1)
    if named_width >= 3:
        short_note = alone & (fields < named_width)
        if short_note.any():
            reasons.append("a single value on a short line (a note, title or footer?)")
            why[short_note] = len(reasons) - 1
    lone: Sequence[int] = []
    if 0 not in numbers:
        lone = np.flatnonzero(alone & (why < 0))
        lone = lone[cols[0][lone] != ""]
    notes = [i for i in lone if _NOTE_LINE.search(cols[0][i])]
    if notes:
        reasons.append(_NOTE_REASON)
        why[notes] = len(reasons) - 1
    for i in np.flatnonzero(why >= 0):  # in file order, as the csv path reports them
        report.dropped.setdefault(reasons[why[i]], []).append(int(lines[i]))
    kept = valued & (why < 0)
    _padded_note(lines[kept & (fields < named_width)].tolist(), report)
    if not kept.any():
        raise _no_rows_error(header, report)
    width = max(named_width, int(used[kept].max()))
    header = (header + [""] * width)[:width]
    n_kept = int(kept.sum())
    every = bool(kept.all())
    columns: list[Sequence[str] | _Cells] = [
        (cols[j] if every else cols[j][kept]) if j < width_read else np.full(n_kept, "", dtype=object)
        for j in range(width)
    ]
    for j in numbers:  # numbers read by pandas: every cell plain, none with a dot that matters
        if j < width:
            flat = np.zeros(n_kept, dtype=bool)
            nothing = np.broadcast_to(np.array("", dtype=object), (n_kept,))
            columns[j] = _Cells(nothing, flat, ~flat, np.asarray(columns[j], dtype=np.float64), flat, flat)
    return _Table(
        header=header,
        matches=[_match_header(c) if c else (None, 0, 1) for c in header],
        columns=columns,
        lines=lines[kept],
        stripped=True,
    )


def _field_counts(raw: bytes, delimiter: str) -> np.ndarray:
    """Fields per line of quote-free CSV bytes (delimiters + 1; 0 for an empty line)."""
    buf = np.frombuffer(raw, dtype=np.uint8)
    ends = np.flatnonzero(buf == 10)
    if len(buf) and buf[-1] != 10:
        ends = np.append(ends, len(buf))  # the last line has no line break
    starts = np.concatenate(([0], ends[:-1] + 1)).astype(np.int64)
    ends = ends - ((ends > starts) & (buf[np.maximum(ends - 1, 0)] == 13))  # a CR before the LF
    delims = np.flatnonzero(buf == ord(delimiter))
    fields = np.searchsorted(delims, ends) - np.searchsorted(delims, starts) + 1
    fields[ends == starts] = 0
    return fields


def _name_columns(table: _Table, report: ExportReport) -> tuple[list[str], dict[str, int]]:
    """Stage 4: canonical names where recognised (most specific spelling wins), else snake_case.

    Returns the name of every column (``""``: an empty unnamed column, left out) and
    ``{canonical: column position}``.
    """
    winner: dict[str, int] = {}
    for j, (canonical, priority, _) in enumerate(table.matches):
        if canonical is not None and (
            canonical not in winner or priority < table.matches[winner[canonical]][1]
        ):
            winner[canonical] = j
    used: set[str] = set(winner)
    names: list[str] = []
    seen: set[str] = set()
    for j, header in enumerate(table.header):
        canonical = table.matches[j][0]
        if canonical is not None and winner.get(canonical) == j:
            names.append(canonical)
            if header != canonical:
                report.renamed[header] = canonical
        elif not header and not any(v.strip() for v in table.columns[j]):
            names.append("")  # an empty, unnamed column (trailing delimiters)
        else:
            name = _unique(_snake(header, j + 1), used)
            used.add(name)
            names.append(name)
            if header and header.casefold() in seen:
                report.duplicate_headers[name] = header
            else:
                report.kept_as_is[header or f"(no header, column {j + 1})"] = name
            if canonical is not None and header.casefold() not in seen:
                report.notes.append(
                    f"{header!r} also looks like {canonical}; {table.header[winner[canonical]]!r} was used "
                    f"and {header!r} kept as {name}"
                )
        seen.add(header.casefold())
    if report.duplicate_headers:
        report.notes.append(
            "repeated headers: "
            + ", ".join(f"{h!r} (kept as {n})" for n, h in report.duplicate_headers.items())
            + "; the first column of each name was used"
        )
    return names, winner


def _convert_columns(
    table: _Table, names: list[str], winner: dict[str, int], report: ExportReport, decimal: str | None
) -> dict[str, pd.Series]:
    """Stage 5: parse numbers and text, check followers, settle the engagement-rate unit."""
    numeric: dict[str, np.ndarray] = {}
    series: dict[str, pd.Series] = {}
    er_says_percent = False
    for j, col in enumerate(names):
        if not col:
            continue
        cells = table.columns[j]
        kind = _kind(col) if winner.get(col) == j else "kept"
        if kind in ("text", "kept"):
            series[col] = _text_column(
                cells, missing_markers=kind == "text" and col != "handle", stripped=table.stripped
            )
            continue
        classified = cells if isinstance(cells, _Cells) else _classify(cells)
        col_decimal = decimal or _column_decimal(classified, "," if report.delimiter == ";" else ".")
        limit = WORLD_POPULATION if col == "followers" else MAX_COUNT
        result = _parse_numeric(classified, kind, table.matches[j][2], col_decimal, limit)
        del classified
        if col == "engagement_rate_pct":
            _refuse_mixed_percent(result)
        numeric[col] = result.values
        report.parsed[col] = result.how
        for reason, where in result.problems.items():
            report.cell_problems.append(
                CellProblem(
                    column=col,
                    reason=reason,
                    count=len(where),
                    examples=tuple(dict.fromkeys(cells[i].strip() for i in where))[:MAX_EXAMPLES],
                    lines=tuple(int(table.lines[i]) for i in where[:MAX_EXAMPLES]),
                )
            )
        if col == "followers":
            _check_followers(result, cells, table.header[j], report.source)
        if col == "engagement_rate_pct":
            key = _match_key(table.header[j])
            er_says_percent = result.had_percent or "pct" in key or "percent" in key

    _likes_above_followers(numeric, table, names, report)
    if "engagement_rate_pct" in numeric:
        _engagement_units(numeric, report, er_says_percent)
    elif "avg_likes" in numeric:
        _derive_engagement(numeric, report)

    for col, values in numeric.items():
        kind = _kind(col)
        series[col] = (
            pd.Series(values).astype("Int64") if kind == "count" else pd.Series(values, dtype="float64")
        )
    return series


def _refuse_mixed_percent(result: _NumericColumn) -> None:
    """Cells without % about 100 times smaller than the cells with % are fractions among percents: refused."""
    signed = result.percent_cells
    values = result.values
    if signed is None or not signed.any():
        return
    finite = np.isfinite(values)
    plain = finite & ~signed & (values > 0)
    if not plain.any() or values[plain].max() > 1:
        return
    if np.median(values[plain]) * SCALE_GAP > np.median(values[finite & signed]):
        return
    reason = (
        "no % sign and about 100 times smaller than the cells with one (a fraction, e.g. 0.032 for "
        "3.2 %?): the column mixes two scales; write every value the same way, e.g. all with %"
    )
    where = np.flatnonzero(plain).tolist()
    result.problems[reason] = where
    result.values = np.where(plain, np.nan, values)


def _likes_above_followers(
    numeric: dict[str, np.ndarray], table: _Table, names: list[str], report: ExportReport
) -> None:
    """Warn about rows whose average likes per post exceed their followers (rarely true; often a shift)."""
    if "followers" not in numeric or "avg_likes" not in numeric:
        return
    with np.errstate(invalid="ignore"):
        above = np.flatnonzero(numeric["avg_likes"] > numeric["followers"])
    if not above.size:
        return
    first = int(above[0])
    who = ""
    if "handle" in names:
        handle = table.columns[names.index("handle")][first].strip()
        who = f"{handle!r}: " if handle else ""
    likes, followers = numeric["avg_likes"][first], numeric["followers"][first]
    report.warnings.append(
        f"avg_likes is above followers in {above.size} row{'s' if above.size > 1 else ''} "
        f"({_lines_text([table.lines[i] for i in above])}; e.g. {who}{likes:,.0f} likes per post, "
        f"{followers:,.0f} follower{'' if followers == 1 else 's'}). A creator almost never gets more "
        "likes per post than followers: "
        "often a number with a thousands separator that was not quoted (1,234 split into two columns) or "
        "swapped columns. Check those lines in the file (an engagement rate above 100 % is not kept)"
    )


def _derive_engagement(numeric: dict[str, np.ndarray], report: ExportReport) -> None:
    """Add ``engagement_rate_pct`` = (avg_likes [+ avg_comments]) / followers x 100 (percent)."""
    interactions = numeric["avg_likes"] + numeric.get("avg_comments", 0.0)
    followers = numeric["followers"]
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = np.where(followers > 0, interactions / followers * 100, np.nan)
        numeric["engagement_rate_pct"] = np.where(rate > 100, np.nan, rate)  # cannot be true
    formula = "(avg_likes + avg_comments)" if "avg_comments" in numeric else "avg_likes"
    report.derived["engagement_rate_pct"] = (
        f"{formula} / followers × 100, in percent: the like/comment rate per follower, computed here "
        "because the file has no engagement-rate column (missing or 0 followers, a missing average, or a "
        "rate above 100 % -> NaN)"
    )


def _final_notes(df: pd.DataFrame, lines: Sequence[int], report: ExportReport) -> None:
    """Notes about rows without followers and handles that repeat."""
    missing_followers = int(df["followers"].isna().sum())
    if missing_followers:
        report.notes.append(
            f"{missing_followers} row{'s have' if missing_followers > 1 else ' has'} no usable follower "
            "count (kept, followers is <NA>; df.dropna(subset=['followers']) leaves them out)"
        )
    if "handle" in df:
        handles = df["handle"]
        repeats = handles[:0]
        if not handles.is_unique:  # quicker than duplicated() when all differ (missing ones repeat too)
            repeats = handles[handles.duplicated(keep=False) & handles.notna()]
        if len(repeats):
            first = repeats.iloc[0]
            where = [lines[i] for i in np.flatnonzero((handles == first).to_numpy())]
            n = repeats.nunique()
            report.notes.append(
                f"{n} handle{'s appear' if n > 1 else ' appears'} more than once "
                f"(e.g. {first!r} on {_lines_text(where)}); all rows were kept"
            )


def _check_followers(result: _NumericColumn, cells: Sequence[str], header: str, label: str) -> None:
    """Raise when no follower value at all is usable."""
    if np.isfinite(result.values).any():
        return
    if not result.problems:
        raise _error(
            label,
            "followers_unusable",
            f"the follower column {header!r} is empty in every row",
            "The file needs follower counts in that column; export it again with follower counts included",
        )
    examples = list(dict.fromkeys(c.strip() for c in cells if c.strip()))[:MAX_EXAMPLES]
    reasons = "; ".join(f"{len(w)} {r}" for r, w in result.problems.items())
    raise _error(
        label,
        "followers_unusable",
        f"none of the {sum(len(w) for w in result.problems.values())} values in the follower column "
        f"{header!r} is a usable count ({reasons}), e.g. {_quote_list(examples)}",
        "Follower counts must be written like 12345, 12,345, 12.345, 3.3k or 1.2M; check that this is the "
        "right column and that the cells hold numbers",
    )


def _engagement_units(numeric: dict[str, np.ndarray], report: ExportReport, says_percent: bool) -> None:
    """Decide whether ``engagement_rate_pct`` holds fractions (0.0139) and convert them to percent."""
    er = numeric["engagement_rate_pct"]
    finite = er[np.isfinite(er)]
    if not says_percent and finite.size and finite.max() > 1:
        small, big = finite[(finite > 0) & (finite <= 1)], finite[finite > 1]
        if small.size >= 2 and np.median(small) * SCALE_GAP <= np.median(big):
            report.warnings.append(
                f"engagement_rate_pct seems to mix two scales: {small.size} values are at most 1 (median "
                f"{np.median(small):.3g}) and {big.size} {'is' if big.size == 1 else 'are'} above 1 "
                f"(median {np.median(big):.3g}), over "
                f"{SCALE_GAP} times apart. Fractions (0.02 = 2 %) and percents (1.5 = 1.5 %) in one column "
                "cannot both be read right: all were read as percent (0.02 = 0.02 %). Write every value the "
                "same way in the file (e.g. all as percent, with a % sign) and read it again"
            )
    if says_percent or finite.size == 0 or finite.max() > 1 or finite.max() <= 0:
        return
    ratio = _cross_check_ratio(er, numeric)
    if ratio is not None and ratio >= 0.1:
        report.notes.append(
            "engagement_rate_pct: every value is <= 1 and nothing says %, but the values match "
            f"(avg_likes + avg_comments) / followers × 100 (median ratio {ratio:.2g}), so they were read as "
            "percent already (not converted)"
        )
        return
    numeric["engagement_rate_pct"] = er * 100
    why = "no % sign, no % in the header and every value <= 1"
    if ratio is not None:
        why += f"; about 1/100 of (avg_likes + avg_comments) / followers × 100 (median ratio {ratio:.2g})"
    how = report.parsed.get("engagement_rate_pct", "plain numbers")
    report.parsed["engagement_rate_pct"] = f"{how}; fraction converted to percent (× 100)"
    report.notes.append(
        f"engagement_rate_pct was read as a fraction and multiplied by 100 ({why}); if the file meant "
        "percent already, divide the column by 100 again"
    )


# --- the learner's summary -----------------------------------------------------------------------------
def describe_report(report: ExportReport | pd.DataFrame) -> str:
    """A readable multi-line summary of an :class:`ExportReport` (or of ``df.attrs["report"]``)."""
    if isinstance(report, pd.DataFrame):
        if "report" not in report.attrs:
            raise ValueError(
                "this DataFrame has no export report (df.attrs['report']); read it with "
                "read_influencer_export"
            )
        report = report.attrs["report"]
    r = report
    delimiter = _DELIMITER_NAMES.get(r.delimiter, repr(r.delimiter))
    dropped = sum(len(v) for v in r.dropped.values())
    out = [
        f"Read {r.source!r}: {_ENCODING_NAMES.get(r.encoding, r.encoding)}, {delimiter}-separated, "
        f"header on line {r.header_line}.",
        f"Rows: {r.rows_read} read, {r.rows_kept} kept" + (f", {dropped} dropped." if dropped else "."),
    ]
    if r.warnings:
        out.append("Check these first (numbers that cannot be right as read):")
        out += [f"  ! {warning}" for warning in r.warnings]
    if r.renamed:
        out.append("Columns renamed:")
        out += [f"  {orig!r} -> {canon}" for orig, canon in r.renamed.items()]
    if r.parsed:
        out.append("Numbers read:")
        out += [f"  {col}: {how}" for col, how in r.parsed.items()]
    if r.derived:
        out.append("Columns computed here (not in the file):")
        out += [f"  {col} = {formula}" for col, formula in r.derived.items()]
    if r.dropped:
        out.append("Rows dropped:")
        out += [
            f"  {len(where)} row{'s' if len(where) > 1 else ''}: {reason} ({_lines_text(where)})"
            for reason, where in r.dropped.items()
        ]
    if r.cell_problems:
        out.append("Cells that could not be used (now missing):")
        for p in r.cell_problems:
            examples = ", ".join(f"{e!r}" for e in p.examples)
            out.append(
                f"  {p.column}: {p.count} cell{'s' if p.count > 1 else ''} {p.reason}, e.g. {examples} "
                f"({_lines_text(p.lines)})"
            )
    if r.kept_as_is:
        out.append("Kept as is (not recognised, as text): " + ", ".join(r.kept_as_is.values()))
    if r.notes:
        out.append("Notes:")
        out += [f"  - {note}" for note in r.notes]
    return "\n".join(out)
