"""Widget labs. See :mod:`helpers.widgets.base` for the pattern every lab follows.

Import a lab from here, e.g. ``from helpers.widgets import TierExplorer``; ``LABS`` maps every
registered lab's name to its class.
"""

from .base import LABS, Lab, LabInputError, LabResult, environment_check_widget
from .budget import BudgetPlanner, budget_planner_update, tier_histories
from .scorecard import Scorecard, candidate_table, scorecard_update
from .tiers import TierExplorer, tier_explorer_update

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
    "scorecard_update",
    "tier_explorer_update",
    "tier_histories",
]
