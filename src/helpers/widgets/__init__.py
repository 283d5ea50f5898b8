"""Widget labs. See :mod:`helpers.widgets.base` for the pattern every lab follows.

Import a lab from here, e.g. ``from helpers.widgets import TierExplorer``. Every module in this
package is imported on first use, so a new lab only has to live in its own module and use the
``@register`` decorator: ``LABS`` then maps its name to its class (tests and benchmarks drive
every entry) and the class is importable from this package by its name.
"""

import importlib
import pkgutil

from .base import LABS, Lab, LabInputError, LabResult, environment_check_widget, register
from .budget import BudgetPlanner, budget_planner_update, tier_histories
from .scorecard import Scorecard, candidate_table, scorecard_update
from .tiers import TierExplorer, tier_explorer_update

for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")

# Every registered lab is available as ``helpers.widgets.<ClassName>`` (notebooks call
# ``widgets.NicheReach()``), without a lab module having to edit this file.
globals().update({cls.__name__: cls for cls in LABS.values()})
__all__ = [
    "LABS",
    "BudgetPlanner",
    "Lab",
    "LabInputError",
    "LabResult",
    "Scorecard",
    "TierExplorer",
    "budget_planner_update",
    "candidate_table",
    "environment_check_widget",
    "register",
    "scorecard_update",
    "tier_explorer_update",
    "tier_histories",
]
__all__ += sorted({cls.__name__ for cls in LABS.values()} - set(__all__))
