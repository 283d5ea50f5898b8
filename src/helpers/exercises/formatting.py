"""How answers are described in feedback and read as numbers: short, deterministic text for any value
(``_fmt``), numbers without float noise (``_fmt_number``), an answer's type with its article (``_a_type``),
and the readers every question kind shares (``_as_number``, ``_plain``, ``_normalise_text``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

__all__: list[str] = []


def _fmt_number(x: float) -> str:
    """A number for messages: thousands separators, at most 6 significant digits, no float noise."""
    if not math.isfinite(x):
        return str(x)
    if x == 0:
        return "0"
    if float(x).is_integer() and abs(x) < 1e15:
        return f"{int(x):,}"
    digits = max(0, 5 - math.floor(math.log10(abs(x))))
    text = f"{x:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _fmt(value: Any, limit: int = 60) -> str:
    """A short, deterministic description of any answer for messages."""
    if isinstance(value, bool | np.bool_):
        return str(bool(value))
    if isinstance(value, int | float | np.integer | np.floating):
        return _fmt_number(float(value))
    if isinstance(value, pd.DataFrame):
        return f"a DataFrame with {len(value)} rows and {len(value.columns)} columns"
    if isinstance(value, pd.Series):
        return f"a Series of {len(value)} values"
    text = repr(value)
    if " at 0x" in text:  # default object reprs carry memory addresses: not deterministic
        text = f"<{type(value).__name__} object>"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _type_name(value: Any) -> str:
    kind = type(value)
    return (
        kind.__name__ if kind.__module__ == "builtins" else f"{kind.__module__.split('.')[0]}.{kind.__name__}"
    )


def _a_type(value: Any) -> str:
    """'an `int`', 'a `str`', 'a `pandas.DataFrame`': the type of an answer, with its article."""
    name = _type_name(value)
    return f"{'an' if name[0].lower() in 'aeiou' else 'a'} `{name}`"


def _examples(items: Iterable[Any], limit: int = 3) -> str:
    items = list(items)
    shown = ", ".join(_fmt(i) for i in items[:limit])
    return shown + (", …" if len(items) > limit else "")


def _plain(value: Any) -> Any:
    """numpy scalars -> Python scalars, so ids compare and print the same whatever produced them."""
    return value.item() if isinstance(value, np.generic) else value


def _as_number(value: Any) -> float | None:
    """A real number as float, else None (bools, strings, containers are not numbers)."""
    if isinstance(value, bool | np.bool_):
        return None
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value.item()
    if isinstance(value, int | float | np.integer | np.floating):
        return float(value)
    return None


def _as_number_text(text: str) -> float | None:
    try:
        return float(text.replace("_", ""))
    except ValueError:
        return None


def _normalise_text(value: Any) -> str:
    return " ".join(str(value).split()).casefold()
