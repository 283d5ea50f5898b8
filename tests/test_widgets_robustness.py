"""Every lab, driven across random valid control values, extremes and empty selections,
gives a result or a friendly message in the lab - never a traceback."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.widgets import LABS, Lab
from helpers.widgets.base import control_values

LAB_NAMES = sorted(LABS)


@pytest.fixture(scope="module")
def labs() -> dict[str, Lab]:
    return {name: LABS[name]() for name in LAB_NAMES}


def _assert_result_or_message(lab: Lab) -> None:
    result = lab.result
    if result.ok:
        assert result.summary, f"{lab.name}: a result without a summary sentence"
        assert all(isinstance(v, float | int) for v in result.numbers.values())
    else:
        assert result.message and "Traceback" not in result.message
        assert lab._summary.value.count("course-lab-message") == 1, "the message is shown in the lab"
    assert b"<svg" in bytes(lab._image.value[:400]), "the lab shows a rendered figure"


@pytest.mark.parametrize("name", LAB_NAMES)
def test_every_lab_registers_controls_and_renders_a_first_result(labs, name):
    lab = labs[name]
    assert lab.controls, f"{name} has no controls"
    assert "course-lab" in lab.widget._dom_classes and f"course-lab-{name}" in lab.widget._dom_classes
    assert lab.result.ok, f"{name} default controls give a message: {lab.result.message}"
    _assert_result_or_message(lab)


@pytest.mark.slow  # not in `make test-fast` (the contributor's loop); `make test` runs it
@pytest.mark.parametrize("name", LAB_NAMES)
def test_every_lab_survives_each_control_at_both_extremes(labs, name):
    lab = labs[name]
    defaults = lab.values()
    for key, control in lab.controls.items():
        values = control_values(control)
        for extreme in (values[0], values[-1]):
            lab.set(**{key: extreme})
            _assert_result_or_message(lab)
        lab.set(**defaults)


@pytest.mark.slow  # not in `make test-fast` (the contributor's loop); `make test` runs it
@pytest.mark.parametrize("name", LAB_NAMES)
def test_every_lab_survives_all_controls_at_minimum_then_maximum(labs, name):
    lab = labs[name]
    defaults = lab.values()
    for pick in (0, -1):
        lab.set(**{k: control_values(c)[pick] for k, c in lab.controls.items()})
        _assert_result_or_message(lab)
    lab.set(**defaults)


@pytest.mark.slow  # not in `make test-fast` (the contributor's loop); `make test` runs it
@pytest.mark.parametrize("name", LAB_NAMES)
def test_every_lab_survives_random_valid_control_values(labs, name):
    lab = labs[name]
    domains = {k: control_values(c) for k, c in lab.controls.items()}

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.fixed_dictionaries({k: st.sampled_from(v) for k, v in domains.items()}))
    def drive(values):
        lab.set(**values)
        _assert_result_or_message(lab)

    drive()
