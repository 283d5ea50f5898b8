"""Lesson 11 (capstone): plan a campaign end to end for a fictional brand, with the course's own tools.

The plan is built in the order a team works, each step reusing what an earlier lesson built:

1. **Brief** (:class:`Brief`, :meth:`Workbench.brief`): a brand from the (synthetic) data, its home
   niche (where its past campaigns fit best), a goal, a budget, and a product launch from the brand's
   calendar with its embargo and PR events. Planning starts :data:`LEAD_DAYS` before the launch.
2. **Goal -> KPIs** (:data:`GOAL_METRICS`, :data:`KPI_SPECS`): awareness is judged on reach,
   impressions and CPM; consideration on engagements, clicks, CPE and CPC; conversion on conversions,
   CPA and ROAS (lessons 05 and 09).
3. **Allocation + forecast** (lesson 05's budget planner,
   :func:`helpers.analysis.budget.forecast_split`): the budget is split across follower tiers;
   each tier's money buys creators at the average fee of past campaigns **with the same goal**, and
   replaying those campaigns gives a median and an 80% interval (10th-90th percentile).
4. **Shortlist** (lesson 07's scorecard, :func:`helpers.analysis.scoring.score_candidates`): the
   brief's niche ranked by weighted engagement, niche fit, audience quality and cost; every slot the
   allocation bought is filled with the best-scored creator of that tier, plus reserves, because only
   a share of creators reply to a first message (lessons 06-07).
5. **Schedule** (lesson 06's relationship calendar, :mod:`helpers.analysis.schedule`): the signed
   creators' cadence, briefings under embargo, the launch-day executive email, trips, the draft
   posting plan and every conflict, cut to the campaign window.
6. **Measurement plan** (lessons 09 and 10): the KPIs with formulas, denominators and target ranges, one
   promo code and one tracked link per creator, audience-quality and disclosure checks, and EMV's
   limits.
7. **Self-assessment** (:data:`RUBRIC`, :func:`plan_checks`, :func:`self_assessment`) and **export**
   (:func:`export_plan`): a Markdown summary, the shortlist as CSV and the schedule as ``.ics`` (+ CSV)
   in a **new** folder, never over an existing file.

Units: money in US dollars (``*_usd``), dates as ``numpy.datetime64`` days, shares in percent
(``*_pct``) unless called a share (0-1). All data is SYNTHETIC course data: the plan teaches a method;
its numbers are not market facts. Course assumptions (no published source) are marked as such.

The package holds one step per module, re-exported here (``from helpers.analysis import capstone;
capstone.build_plan(...)``): :mod:`.settings` (assumptions, defaults, :class:`PlanError`),
:mod:`.brief`, :mod:`.kpis`, :mod:`.workbench`, :mod:`.allocation`, :mod:`.shortlist`, :mod:`.tracking`,
:mod:`.schedule_step`, :mod:`.plan` (:class:`CampaignPlan`, :func:`build_plan`), :mod:`.measurement_step`,
:mod:`.rubric`, :mod:`.draft` (the learner's own :class:`PlanDraft` and :func:`review_draft`),
:mod:`.export` and :mod:`.figures`.
"""

from __future__ import annotations

from .allocation import (
    replay_forecast,
    split_table,
)
from .brief import (
    Brief,
    brand_niche,
    launch_options,
)
from .draft import (
    DRAFT_PARTS,
    REQUIRED_TERMS,
    DraftContext,
    Finding,
    PlanDraft,
    candidate_table,
    draft_context,
    findings_table,
    is_blank,
    model_draft,
    review_draft,
)
from .export import (
    ExportedPlan,
    export_plan,
    markdown_table,
    new_subfolder,
    plan_markdown,
    shortlist_csv,
)
from .figures import _TIMELINE_STYLES as _TIMELINE_STYLES  # the figure-text test reads its markers
from .figures import (
    TIMELINE_KEY,
    draw_emv_check,
    draw_forecast,
    draw_timeline,
    show_markdown,
    track_record,
)
from .figures import TIMELINE_ROWS as TIMELINE_ROWS
from .kpis import (
    GOAL_METRICS,
    KPI_SPECS,
    KPISpec,
    kpi_display,
    kpi_table,
    main_kpi,
)
from .measurement_step import (
    emv_check,
    measurement_plan,
)
from .plan import (
    CampaignPlan,
    build_plan,
)
from .rubric import (
    LEVELS,
    RUBRIC,
    Criterion,
    plan_checks,
    rubric_table,
    self_assessment,
)
from .schedule_step import (
    bench_schedule,
    draft_posts,
    window_schedule,
)
from .settings import (
    DEFAULT_BRAND,
    DEFAULT_BUDGET_USD,
    DEFAULT_CADENCE,
    DEFAULT_GOAL,
    DEFAULT_SPLIT,
    DEFAULT_WEIGHTS,
    FOLLOW_UP_DAYS,
    KNOWN_TO_BRAND,
    LEAD_DAYS,
    MIN_LOCAL_SHARE,
    MIN_NICHE_FIT,
    POST_SPACING_DAYS,
    POSTS_PER_CREATOR,
    SPLITS,
    TIERS,
    PlanError,
)
from .settings import LINK_DOMAIN as LINK_DOMAIN  # the tests read it
from .settings import TRIP_MIN_CREATORS as TRIP_MIN_CREATORS
from .shortlist import who_signs
from .tracking import (
    promo_code,
    tracked_link,
)
from .workbench import (
    Workbench,
    prepare,
)

__all__ = [
    "DEFAULT_BRAND",
    "DEFAULT_BUDGET_USD",
    "DEFAULT_CADENCE",
    "DEFAULT_GOAL",
    "DEFAULT_SPLIT",
    "DEFAULT_WEIGHTS",
    "DRAFT_PARTS",
    "FOLLOW_UP_DAYS",
    "GOAL_METRICS",
    "KNOWN_TO_BRAND",
    "KPI_SPECS",
    "LEAD_DAYS",
    "LEVELS",
    "MIN_LOCAL_SHARE",
    "MIN_NICHE_FIT",
    "POSTS_PER_CREATOR",
    "POST_SPACING_DAYS",
    "REQUIRED_TERMS",
    "RUBRIC",
    "SPLITS",
    "TIERS",
    "TIMELINE_KEY",
    "Brief",
    "CampaignPlan",
    "Criterion",
    "DraftContext",
    "ExportedPlan",
    "Finding",
    "KPISpec",
    "PlanDraft",
    "PlanError",
    "Workbench",
    "bench_schedule",
    "brand_niche",
    "build_plan",
    "candidate_table",
    "draft_context",
    "draft_posts",
    "draw_emv_check",
    "draw_forecast",
    "draw_timeline",
    "emv_check",
    "export_plan",
    "findings_table",
    "is_blank",
    "kpi_display",
    "kpi_table",
    "launch_options",
    "main_kpi",
    "markdown_table",
    "measurement_plan",
    "model_draft",
    "new_subfolder",
    "plan_checks",
    "plan_markdown",
    "prepare",
    "promo_code",
    "replay_forecast",
    "review_draft",
    "rubric_table",
    "self_assessment",
    "shortlist_csv",
    "show_markdown",
    "split_table",
    "track_record",
    "tracked_link",
    "who_signs",
    "window_schedule",
]
