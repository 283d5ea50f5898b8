"""Widget labs. See :mod:`helpers.widgets.base` for the pattern every lab follows.

Import a lab from here, e.g. ``from helpers.widgets import TierExplorer``. A new lab only has to live in
its own module and use the ``@register`` decorator: ``LABS`` then maps its name to its class (tests and
benchmarks drive every entry) and the class is importable from this package by its name.

The lab modules (and ipywidgets, Matplotlib's figure machinery, the analyses behind each lab) are
imported on first use of a name from this package, not by ``from helpers import widgets`` itself
(PEP 562 ``__getattr__``): a notebook's setup cell imports the package, and the cost of the labs is
paid by the cell that builds the first lab.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

#: Names this package offers besides the registered lab classes: name -> the module that defines it.
_DEFINED_IN: dict[str, str] = {
    "Lab": "base",
    "LabInputError": "base",
    "LabResult": "base",
    "environment_check_widget": "base",
    "register": "base",
    "budget_planner_update": "budget",
    "tier_histories": "budget",
    "candidate_table": "scorecard",
    "scorecard_update": "scorecard",
    "tier_explorer_update": "tiers",
}


def _import_every_lab() -> dict[str, Any]:
    """Import every module of this package (each registers its labs); the registry ``LABS``."""
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
    from .base import LABS

    return LABS


def __getattr__(name: str) -> Any:
    """``LABS``, a lab class by its name, or a helper of :data:`_DEFINED_IN`, imported on first use."""
    if name in _DEFINED_IN:
        value = getattr(importlib.import_module(f"{__name__}.{_DEFINED_IN[name]}"), name)
    elif name in ("LABS", "__all__") or name[:1].isupper():
        labs = _import_every_lab()
        classes = {cls.__name__: cls for cls in labs.values()}
        if name == "LABS":
            value = labs
        elif name == "__all__":
            value = sorted({"LABS", *_DEFINED_IN, *classes})
        elif name in classes:
            value = classes[name]
        else:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r} (labs: {sorted(classes)})")
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value  # later look-ups do not come here again
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__getattr__("__all__")))
