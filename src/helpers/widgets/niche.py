"""Niche reach: a creator's audience as a share of their niche, beside the raw follower count.

A following only means something next to the size of the topic it lives in: 100,000 followers are
a large slice of personal finance on TikTok and a thin one of fashion on Instagram. The lab ranks
the creators of a niche (and platform) by raw followers, by their followers' share of the niche's
audience, or by their *engaged* share (average likes + comments per post / niche audience), and
shows a profile card with the four sources of influence -- authority, knowledge, position and
relationship (0-10 ratings) -- for one creator of the list.

All of it is synthetic course data; niche sizes are orders of magnitude, not measurements.
"""

from __future__ import annotations

from typing import Any, ClassVar

import ipywidgets as w
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.text import Text

from .. import plots
from ..analysis.influence import (
    SOURCES_OF_POWER,
    NicheRanking,
    equivalent_followers,
    niche_reach_table,
    rank_niche,
)
from ..tables import Column
from .base import Lab, LabInputError, LabResult, dropdown, register

ALL = "all"
#: Creators listed (and drawn) per ranking.
TOP_N = 8
#: Rankings the lab offers: key -> (column of the reach table, label for people).
RANKINGS: dict[str, tuple[str, str]] = {
    "followers": ("followers", "raw followers"),
    "niche_share": ("niche_share_pct", "share of the niche (followers)"),
    "engaged_share": ("engaged_share_pct", "engaged share of the niche (likes + comments per post)"),
}
_TABLE_COLUMNS = {
    "handle": "handle",
    "niche": "niche",
    "platform": "platform",
    "followers": "followers",
    "niche_share_pct": "niche share %",
    "engaged_per_post": "engaged per post",
    "engaged_share_pct": "engaged share %",
    "is_celebrity": "celebrity",
}


def _where(niche: str, platform: str) -> str:
    niche_text = "every niche" if niche == ALL else niche
    platform_text = "every platform" if platform == ALL else platform.capitalize()
    return f"{niche_text}, {platform_text}"


def niche_reach_update(
    reach: pd.DataFrame,
    niche: str = "finance",
    platform: str = ALL,
    rank_by: str = "niche_share",
    card: int = 1,
) -> LabResult:
    """Rank creators of a niche and platform and describe one of them on a profile card.

    Args:
        reach: :func:`helpers.analysis.influence.niche_reach_table` output (one row per creator).
        niche: a niche, or ``"all"``.
        platform: a platform, or ``"all"`` (each creator is measured against their own platform's niche).
        rank_by: ``"followers"``, ``"niche_share"`` or ``"engaged_share"`` (see :data:`RANKINGS`).
        card: position (1 = first) in the ranking of the creator shown on the profile card.

    Returns numbers ``creators`` (count in the selection), ``listed`` (count ranked, at most
    :data:`TOP_N`), ``overlap_with_followers_top`` (creators in both this top list and the top
    list by raw followers), and for the card's creator ``card_followers``, ``card_niche_share_pct``,
    ``card_engaged_share_pct`` (percent), ``card_er_pct`` (ER by followers, percent),
    ``card_equivalent_followers`` (followers the same niche share takes in the largest niche on the
    creator's platform), ``card_is_celebrity`` (0/1) and one ``card_<source>`` score (0-10) per
    source of influence. The table lists the ranked creators.
    """
    if rank_by not in RANKINGS:
        raise LabInputError(f"Unknown ranking {rank_by!r}: choose one of {', '.join(RANKINGS)}.")
    column, label = RANKINGS[rank_by]
    ranking = rank_niche(
        reach, column, None if niche == ALL else niche, None if platform == ALL else platform, TOP_N
    )
    if not ranking.creators:
        raise LabInputError(
            f"No creators in {_where(niche, platform)}. Choose another niche or platform, or 'all'."
        )
    listed = len(ranking.ranked)
    if not 1 <= card <= listed:
        raise LabInputError(
            f"Only {listed} creator{'s' if listed > 1 else ''} in {_where(niche, platform)}: "
            f"choose a profile card from 1 to {listed}."
        )
    numbers = card_numbers(ranking, card)
    scores = {name: numbers[f"card_{name}"] for name in SOURCES_OF_POWER.values()}
    return LabResult(
        summary=niche_summary(ranking, card, numbers, niche=niche, platform=platform, rank_by=rank_by),
        numbers=numbers,
        table=ranking_table(ranking),
        extra={
            "ranked": ranking.ranked,
            "column": column,
            "label": label,
            "rank_by": rank_by,
            "card": card,
            "scores": scores,
            "medians": ranking.medians,
            "where": _where(niche, platform),
        },
    )


def card_numbers(ranking: NicheRanking, card: int) -> dict[str, float]:
    """The figures of the selection and of the creator at position ``card`` (1 = first) of the
    ranking (see :func:`niche_reach_update`'s Returns)."""
    person = ranking.ranked.iloc[card - 1]
    equivalent = equivalent_followers(person["niche_share_pct"], person["largest_niche_audience"])
    scores = {label: float(person[col]) for col, label in SOURCES_OF_POWER.items()}
    return {
        "creators": float(ranking.creators),
        "listed": float(len(ranking.ranked)),
        "overlap_with_followers_top": float(ranking.overlap),
        "card_rank": float(card),
        "card_followers": float(person["followers"]),
        "card_niche_share_pct": float(person["niche_share_pct"]),
        "card_engaged_share_pct": float(person["engaged_share_pct"]),
        "card_er_pct": float(person["er_pct"]),
        "card_equivalent_followers": equivalent,
        "card_is_celebrity": float(bool(person["is_celebrity"])),
    } | {f"card_{k}": v for k, v in scores.items()}


def niche_summary(
    ranking: NicheRanking, card: int, numbers: dict[str, float], *, niche: str, platform: str, rank_by: str
) -> str:
    """The lab's sentence: the card's creator against their niche, their strongest source of influence,
    and how far the ranking differs from the ranking by raw followers."""
    person = ranking.ranked.iloc[card - 1]
    scores = {name: numbers[f"card_{name}"] for name in SOURCES_OF_POWER.values()}
    strongest = max(scores, key=scores.__getitem__)
    who = "celebrity" if person["is_celebrity"] else "online creator"
    where, ranking_name = _where(niche, platform).capitalize(), RANKINGS[rank_by][1].split(" (")[0]
    on = f"{person['niche']} on {person['platform']}"
    listed = len(ranking.ranked)
    summary = (
        f"{where}: {ranking.creators:,} creators. #{card} by {ranking_name}: {person['handle']} ({who}, "
        f"{person['platform']}): {plots.human_number(person['followers'])} followers = "
        f"{person['niche_share_pct']:.3f}% of {on}, a share that would take "
        f"{plots.human_number(numbers['card_equivalent_followers'])} followers in {person['platform']}'s "
        f"largest niche. Strongest source of influence: {strongest} ({scores[strongest]:.1f}/10)."
    )
    if rank_by != "followers":
        summary += f" {ranking.overlap} of this top {listed} are also in the top {listed} by raw followers."
    if rank_by == "niche_share" and niche != ALL and platform != ALL:
        summary += (
            " Within one niche on one platform every creator shares the same denominator, so this "
            "ranking equals the ranking by followers: try 'engaged share' or 'all' platforms."
        )
    return summary


def ranking_table(ranking: NicheRanking) -> pd.DataFrame:
    """The lab's table: the ranked creators, rank 1 first."""
    table = ranking.ranked[list(_TABLE_COLUMNS)].rename(columns=_TABLE_COLUMNS).reset_index(drop=True)
    table.index = pd.RangeIndex(1, len(table) + 1, name="rank")
    return table


# --------------------------------------------------------------------------------------------------
# Drawing: two panels whose artists are created once and then only moved
# --------------------------------------------------------------------------------------------------
# Every text costs about a millisecond per render (SVG text metrics are not cached across renders),
# so each bar carries one label that holds rank, handle and value, and the card writes its scores in
# its tick labels: about 18 texts per update instead of 33.
# The ranking over the profile card (figure fractions: left, bottom, width, height), each with room
# above for its title and subtitle, at the projector width (plots.LAB_WIDTH_IN).
_LEFT = (0.03, 0.585, 0.94, 0.28)
_RIGHT = (0.30, 0.085, 0.64, 0.28)
_CARD_COLOUR = plots.PALETTE[1]
_BAR_COLOUR = plots.PALETTE[0]
_XLABELS = {
    "followers": "followers",
    "niche_share": "followers as % of the niche's audience on the platform",
    "engaged_share": "likes + comments per post as % of the niche's audience",
}


def _bar_text(rank: int, row: pd.Series, rank_by: str) -> str:
    """The label written after a bar: rank, handle, the ranked value and the other measure."""
    followers = plots.human_number(row["followers"])
    if rank_by == "followers":
        value = f"{followers} = {row['niche_share_pct']:.3f}% of niche"
    elif rank_by == "niche_share":
        value = f"{row['niche_share_pct']:.3f}% ({followers} followers)"
    else:
        value = f"{row['engaged_share_pct']:.4f}% ({plots.human_number(row['engaged_per_post'])}/post)"
    return f" {rank}. {row['handle']}  {value}"


class _Artists:
    """The lab figure's artists, built on clean axes and reused across updates."""

    def __init__(self, left: Axes, right: Axes) -> None:
        plots.style_axes(left)
        plots.style_axes(right)
        left.grid(False, axis="y")
        positions = np.arange(TOP_N)[::-1]
        self.bars: list[Rectangle] = list(
            left.barh(positions, np.zeros(TOP_N), 0.7, color=_BAR_COLOUR, edgecolor="#333333", linewidth=0.6)
        )
        self.texts: list[Text] = [
            left.text(0, p, "", va="center", ha="left", fontsize=plots.BASE_FONT_PT - 2) for p in positions
        ]
        left.set_yticks([])
        left.set_ylim(-0.6, TOP_N - 0.4)
        left.set_xticks([])  # values are written next to the bars
        left.spines[["left", "bottom"]].set_visible(False)
        self.labels = list(SOURCES_OF_POWER.values())
        self.card_positions = np.arange(len(self.labels))[::-1]
        self.card_bars: list[Rectangle] = list(
            right.barh(
                self.card_positions,
                np.zeros(len(self.labels)),
                0.6,
                color=[plots.PALETTE[i] for i in range(len(self.labels))],
                edgecolor="#333333",
                linewidth=0.6,
            )
        )
        for i, bar in enumerate(self.card_bars):
            bar.set_hatch(plots.HATCHES[i])
        (self.medians,) = right.plot(
            np.zeros(len(self.labels)), self.card_positions, "D", color="#000000", markersize=7
        )
        right.set_xlim(0, 10.4)
        right.set_xticks([])
        right.set_xlabel("0-10 (\u25c6 = median)")
        self.left, self.right = left, right

    def alive(self, left: Axes, right: Axes) -> bool:
        return self.left is left and self.right is right and self.bars[0] in left.patches


def _axes(fig: Figure) -> tuple[Axes, Axes]:
    if len(fig.axes) == 1:
        fig.axes[0].set_position(_LEFT)
        with plots.house_style():
            fig.add_axes(_RIGHT)
    return fig.axes[0], fig.axes[1]


def draw_niche_reach(fig: Figure, result: LabResult) -> None:
    """Left: the ranked creators (bars), the profile card's creator highlighted; right: the card."""
    left, right = _axes(fig)
    artists: _Artists | None = getattr(fig, "_course_niche_artists", None)
    if artists is None or not artists.alive(left, right):
        artists = _Artists(left, right)
        fig._course_niche_artists = artists  # type: ignore[attr-defined]
    extra = result.extra
    ranked: pd.DataFrame = extra["ranked"]
    column, rank_by, card = extra["column"], extra["rank_by"], extra["card"]
    values = ranked[column].to_numpy(dtype=float)
    top = float(values.max()) if len(values) and values.max() > 0 else 1.0
    for i in range(TOP_N):
        bar, text = artists.bars[i], artists.texts[i]
        if i < len(ranked):
            row = ranked.iloc[i]
            bar.set_width(values[i])
            bar.set_visible(True)
            on_card = i == card - 1
            bar.set_facecolor(_CARD_COLOUR if on_card else _BAR_COLOUR)
            bar.set_hatch("x" if on_card else ("//" if row["is_celebrity"] else ""))
            text.set_position((values[i], bar.get_y() + bar.get_height() / 2))
            text.set_text(_bar_text(i + 1, row, rank_by))
        else:
            bar.set_visible(False)
            text.set_text("")
    left.set_xlim(0, top * 2.4)  # room for the labels after the longest bar
    left.set_xlabel(_XLABELS[rank_by])
    plots.set_title(
        left,
        f"Top {len(ranked)} by {extra['label'].split(' (')[0]}",
        f"{extra['where']}; hatched = celebrity, crossed (orange) = profile card; synthetic data",
    )
    person = ranked.iloc[card - 1]
    scores, medians = extra["scores"], extra["medians"]
    for bar, score in zip(artists.card_bars, scores.values(), strict=True):
        bar.set_width(score)
    right.set_yticks(artists.card_positions, [f"{name} {score:.1f}" for name, score in scores.items()])
    artists.medians.set_xdata(list(medians.values()))
    kind = "celebrity" if person["is_celebrity"] else "online creator"
    plots.set_title(right, f"#{card} {person['handle']}", f"{kind}, {person['niche']}, {person['platform']}")


@register
class NicheReach(Lab):
    """Niche-reach lab (lesson 02)."""

    name = "niche-reach"
    title = "Niche reach: share of the niche vs raw followers, and the four sources of influence"
    figsize = (plots.LAB_WIDTH_IN, 6.4)
    tables = ("influencers", "niches")
    table_index = "rank"
    table_columns: ClassVar[dict[str, Column]] = {
        "handle": Column("creator", fmt="text"),
        "niche": Column("niche", fmt="text"),
        "platform": Column("platform", fmt="text"),
        "followers": Column("followers", fmt="compact"),
        "niche share %": Column("share of niche", "%", "percent2"),
        "engaged per post": Column("engaged per post", "accounts", "compact"),
        "engaged share %": Column("engaged share", "%", "percent2"),
        "celebrity": Column("celebrity", fmt="yesno"),
    }

    def prepare(self, tables: dict[str, pd.DataFrame]) -> None:
        self.reach = niche_reach_table(tables["influencers"], tables["niches"])

    def make_controls(self) -> dict[str, w.ValueWidget]:
        niches = [ALL, *sorted(self.reach["niche"].astype(str).unique())]
        platforms = [ALL, *sorted(self.reach["platform"].astype(str).unique())]
        rankings = [
            ("share of the niche", "niche_share"),
            ("engaged share of the niche", "engaged_share"),
            ("raw followers", "followers"),
        ]
        default_niche = "finance" if "finance" in niches else ALL
        return {
            "niche": dropdown("Niche", niches, default_niche),
            "platform": dropdown("Platform", platforms, ALL),
            "rank_by": dropdown("Rank by", rankings, "niche_share"),
            "card": w.IntSlider(
                value=1,
                min=1,
                max=TOP_N,
                description="Profile card: #",
                continuous_update=False,
                style={"description_width": "initial"},
                layout=w.Layout(width="300px"),
            ),
        }

    def compute(self, **values: Any) -> LabResult:
        return niche_reach_update(self.reach, **values)

    def draw(self, fig: Figure, result: LabResult) -> None:
        draw_niche_reach(fig, result)


__all__ = ["RANKINGS", "TOP_N", "NicheReach", "draw_niche_reach", "niche_reach_update"]
