"""The lab pattern: controls + one pure update function, driven without a browser."""

from __future__ import annotations

import ipywidgets as w
import pandas as pd
import pytest
from matplotlib.figure import Figure

from helpers import data
from helpers.widgets import TierExplorer
from helpers.widgets.base import Lab, LabInputError, LabResult, control_values, environment_check_widget


class Doubler(Lab):
    name = "doubler"
    title = "Doubler"

    def make_controls(self):
        return {"x": w.IntSlider(value=2, min=0, max=4, step=1), "mode": w.Dropdown(options=["ok", "bad"])}

    def compute(self, x, mode):
        if mode == "bad":
            raise LabInputError("Choose 'ok': 'bad' cannot be computed.")
        return LabResult(summary=f"{x} doubled is {2 * x}", numbers={"double": 2.0 * x})

    def draw(self, fig: Figure, result: LabResult) -> None:
        fig.axes[0].bar(["double"], [result.numbers["double"]])


def test_lab_updates_result_when_a_control_changes():
    lab = Doubler()
    assert lab.result.numbers["double"] == 4
    lab.controls["x"].value = 3
    assert lab.result.numbers["double"] == 6
    assert "3 doubled is 6" in lab._summary.value


def test_lab_set_changes_several_controls_with_one_update():
    lab = Doubler()
    calls = []
    original = lab.compute
    lab.compute = lambda **v: calls.append(v) or original(**v)
    lab.set(x=1, mode="ok")
    assert calls == [{"x": 1, "mode": "ok"}]


def test_lab_turns_lab_input_error_into_a_message_not_a_traceback():
    lab = Doubler()
    result = lab.set(mode="bad")
    assert not result.ok and result.message.startswith("Choose 'ok'")
    assert "course-lab-message" in lab._summary.value
    assert b"<svg" in bytes(lab._image.value[:400])


def test_lab_set_rejects_unknown_control_names():
    with pytest.raises(KeyError, match="no control"):
        Doubler().set(y=1)


def test_lab_widget_carries_css_classes_for_browser_tests():
    lab = Doubler()
    assert {"course-lab", "course-lab-doubler"} <= set(lab.widget._dom_classes)
    assert "course-lab-output" in lab._output._dom_classes


def test_lab_reuses_one_figure_across_updates():
    lab = Doubler()
    fig = lab.fig
    for x in range(5):
        lab.set(x=x)
    assert lab.fig is fig and len(fig.axes) == 1


def test_control_values_lists_slider_grid_and_menu_options():
    assert control_values(w.IntSlider(min=0, max=10, step=5)) == [0, 5, 10]
    assert control_values(w.FloatSlider(min=0, max=1, step=0.25)) == [0, 0.25, 0.5, 0.75, 1.0]
    assert control_values(w.Dropdown(options=[("A", "a"), ("B", "b")])) == ["a", "b"]
    assert control_values(w.Checkbox()) == [False, True]


def test_environment_check_widget_responds_to_its_slider():
    box = environment_check_widget()
    slider, out = box.children
    slider.value = 7
    assert "70,000" in out.value


class NicheTotal(Lab):
    """A lab on two bundled tables: the total niche audience of one platform."""

    name = "niche-total"
    title = "Niche total"
    tables = ("niches", "benchmarks")

    def prepare(self, tables):
        self.seen = tables
        self.niches = tables["niches"]

    def make_controls(self):
        return {"platform": w.Dropdown(options=["instagram", "tiktok", "youtube"])}

    def compute(self, platform):
        rows = self.niches[self.niches["platform"] == platform]
        return LabResult(
            summary=f"{len(rows)} niches", numbers={"audience": float(rows["niche_audience"].sum())}
        )

    def draw(self, fig: Figure, result: LabResult) -> None:
        fig.axes[0].bar(["audience"], [result.numbers["audience"]])


def test_lab_loads_every_table_it_names_that_is_not_given():
    lab = NicheTotal()
    assert list(lab.seen) == ["niches", "benchmarks"]
    pd.testing.assert_frame_equal(lab.seen["niches"], data.load_table("niches"))
    pd.testing.assert_frame_equal(lab.seen["benchmarks"], data.load_table("benchmarks"))
    bundled = data.load_table("niches")
    assert (
        lab.result.numbers["audience"]
        == bundled.loc[bundled["platform"] == "instagram", "niche_audience"].sum()
    )


def test_lab_uses_a_table_given_by_keyword_or_position_and_loads_the_rest():
    niches = data.load_table("niches")
    doubled = niches.assign(niche_audience=niches["niche_audience"] * 2)
    bundled = NicheTotal().result.numbers["audience"]
    assert NicheTotal(niches=doubled).result.numbers["audience"] == 2 * bundled
    lab = NicheTotal(doubled.head(2))  # by position, in the order of `tables`
    assert lab.seen["niches"] is not None and len(lab.seen["niches"]) == 2
    pd.testing.assert_frame_equal(lab.seen["benchmarks"], data.load_table("benchmarks"))
    assert NicheTotal(niches=None).result.numbers["audience"] == bundled  # None: not given
    assert (
        NicheTotal.from_tables(
            {"niches": doubled, "benchmarks": data.load_table("benchmarks")}
        ).result.numbers["audience"]
        == 2 * bundled
    )


def test_a_real_lab_computes_on_the_table_it_is_given():
    creators = data.load_table("influencers")
    full = TierExplorer()
    instagram = TierExplorer(influencers=creators[creators["platform"] == "instagram"])
    assert instagram.result.numbers["creators"] == (creators["platform"] == "instagram").sum()
    assert instagram.result.numbers["creators"] < full.result.numbers["creators"] == len(creators)


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        (
            (),
            {"campaigns": pd.DataFrame()},
            "NicheTotal takes the tables niches, benchmarks .*no table 'campaigns'",
        ),
        (
            (pd.DataFrame(),) * 3,
            {},
            "NicheTotal takes the tables niches, benchmarks; got 3 tables by position",
        ),
        ((pd.DataFrame(),), {"niches": pd.DataFrame()}, "got the table 'niches' twice"),
        ((), {"niches": "niches.csv"}, "'niches' must be a pandas DataFrame .*not str"),
    ],
)
def test_lab_rejects_a_table_it_does_not_take_with_a_clear_message(args, kwargs, message):
    with pytest.raises(TypeError, match=message):
        NicheTotal(*args, **kwargs)


def test_a_real_lab_names_its_tables_when_given_an_unknown_one():
    with pytest.raises(TypeError, match=r"TierExplorer takes the tables influencers .*no table 'posts'"):
        TierExplorer(posts=data.load_table("posts"))
