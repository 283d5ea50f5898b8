"""Relationship-calendar lab (lesson 06): the pure update, period views, messages, export on click only."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import paths
from helpers.widgets import LABS
from helpers.widgets.calendar_lab import ROW_Y, RelationshipCalendar, _days, calendar_update, timeline_marks


@pytest.fixture(scope="module")
def lab(tmp_path_factory) -> RelationshipCalendar:
    return RelationshipCalendar(out_dir=tmp_path_factory.mktemp("exports"))


def test_the_lab_is_registered_and_starts_with_a_result(lab):
    assert LABS["relationship-calendar"] is RelationshipCalendar
    assert lab.result.ok and lab.controls["brand"].value in lab.result.summary
    assert lab.result.numbers["touchpoints"] > 0


def test_the_update_function_is_pure_and_matches_the_lab(lab):
    values = lab.values()
    plan = lab.plan(values.pop("brand"))
    result = calendar_update(plan, **values)
    assert result.summary == lab.result.summary and result.numbers == lab.result.numbers


def test_conflicts_are_marked_on_the_row_of_what_has_to_move(lab):
    """An embargo or a launch never moves: a post in an embargo is marked on the posts row, and no
    conflict mark sits on the brand-calendar row."""
    sched = calendar_update(lab.plan("Glowtheory")).extra["schedule"]
    marks = {tuple(p) for p in timeline_marks(sched).conflicts}
    in_embargo = _days(sched.conflicts.loc[sched.conflicts["kind"] == "post in embargo", "date"])
    assert len(in_embargo) and {(day, ROW_Y["posts"]) for day in in_embargo} <= marks
    assert all(row != ROW_Y["calendar"] for _, row in marks)


def test_quarters_partition_the_year(lab):
    totals = {}
    for period in ("year", "Q1", "Q2", "Q3", "Q4"):
        totals[period] = lab.set(period=period).numbers
    for key in ("touchpoints", "conflicts", "staff_hours"):
        assert sum(totals[q][key] for q in ("Q1", "Q2", "Q3", "Q4")) == pytest.approx(totals["year"][key])
    lab.set(period="year")


def test_more_frequent_cadence_means_more_contacts_and_hours(lab):
    quarterly = lab.set(partners="quarterly call").numbers
    monthly = lab.set(partners="monthly call").numbers
    assert monthly["touchpoints"] > quarterly["touchpoints"]
    assert monthly["staff_hours"] > quarterly["staff_hours"]
    lab.set(partners="quarterly call")


def test_by_default_partners_and_collaborators_get_the_cadence_they_prefer(tmp_path: Path):
    from helpers.analysis import schedule

    lab = RelationshipCalendar(out_dir=tmp_path)
    assert lab.controls["partners"].value == lab.controls["collaborators"].value == schedule.PREFERRED
    assert lab.controls["partners"].options[0] == ("each creator's preference", schedule.PREFERRED)
    lab.set(skip_calls_near_launches=False, tie_to_launches=False, trip_min_creators=15)
    roster = lab.plan(lab.controls["brand"].value).roster

    def cadences() -> dict[str, str]:
        table = schedule.regular_contacts_per_creator(lab.result.extra["schedule"])
        return dict(zip(table["influencer_id"], table["cadence"], strict=True))

    partners = roster[roster["segment"] == "partners"]
    monthly = partners.loc[partners["preferred_cadence"] == "monthly", "influencer_id"].iloc[0]
    quarterly = partners.loc[partners["preferred_cadence"] == "quarterly", "influencer_id"].iloc[0]
    got = cadences()
    for who, wanted in zip(roster["influencer_id"], roster["preferred_cadence"], strict=True):
        if roster.set_index("influencer_id").loc[who, "segment"] != "prospects":
            assert got[who] == wanted, who
    lab.set(partners="quarterly call")  # the segment default overrides what the creator asked for
    assert cadences()[monthly] == "quarterly" and cadences()[quarterly] == "quarterly"
    lab.set(partners=schedule.PREFERRED)
    assert cadences()[monthly] == "monthly"


def test_a_second_executive_removes_trip_clashes(lab):
    one = lab.set(trip_min_creators=1, executives=1).numbers
    three = lab.set(trip_min_creators=1, executives=3).numbers
    assert three["trip_clash"] <= one["trip_clash"]
    lab.set(trip_min_creators=6, executives=1)


def test_conflicts_table_lists_the_period_conflicts(lab):
    result = lab.set(period="year", skip_calls_near_launches=False)
    table = result.table
    assert table is not None
    assert len(table) == min(int(result.numbers["conflicts"]), 12)
    assert list(table.columns) == ["date", "kind", "who", "detail", "fix"]
    lab.set(skip_calls_near_launches=True)


def test_nothing_scheduled_gives_a_friendly_message(lab):
    result = lab.set(
        partners="none",
        collaborators="none",
        prospects="none",
        tie_to_launches=False,
        trip_basis="creators",
        trip_min_creators=15,
    )
    if lab.result.ok:  # a city with 15 creators would still get a trip
        assert result.numbers["trip"] > 0
    else:
        assert "Nothing is scheduled" in (result.message or "")
        assert "course-lab-message" in lab._summary.value
    lab.set(
        partners="quarterly call",
        collaborators="quarterly newsletter",
        prospects="biannual newsletter",
        tie_to_launches=True,
        trip_basis="key partners",
        trip_min_creators=6,
    )
    assert lab.result.ok


def test_export_writes_nothing_until_clicked_then_never_overwrites(tmp_path: Path, monkeypatch):
    def forbidden() -> Path:
        raise AssertionError("the lab must not touch the course output folder in tests")

    monkeypatch.setattr(paths, "output_dir", forbidden)
    lab = RelationshipCalendar(out_dir=tmp_path)
    lab.set(period="Q2", partners="monthly call")
    assert list(tmp_path.iterdir()) == [], "building and driving the lab writes no file"
    lab.export_button.click()
    first = sorted(p.name for p in tmp_path.iterdir())
    assert len(first) == 2 and {Path(n).suffix for n in first} == {".ics", ".csv"}
    lab.export_button.click()
    second = sorted(p.name for p in tmp_path.iterdir())
    assert len(second) == 4 and set(first) <= set(second)
    assert "-2.ics" in lab.export_status.value and "whole year" in lab.export_status.value
    ics = lab.last_export[0].read_bytes()
    assert ics.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")


def test_export_after_a_message_explains_instead_of_writing(tmp_path: Path):
    lab = RelationshipCalendar(out_dir=tmp_path)
    lab.set(
        partners="none",
        collaborators="none",
        prospects="none",
        tie_to_launches=False,
        trip_basis="creators",
        trip_min_creators=15,
    )
    if lab.result.ok:
        pytest.skip("the bundled data has a city with 15 creators: nothing to test here")
    assert lab.export() is None and "Nothing to export" in lab.export_status.value
    assert list(tmp_path.iterdir()) == []


def test_by_default_executives_travel_to_meet_key_partners_and_the_threshold_rule_is_a_choice(tmp_path: Path):
    from helpers.analysis import schedule

    lab = RelationshipCalendar(out_dir=tmp_path)
    assert lab.controls["trip_basis"].value == "key partners"
    plan = lab.plan(lab.controls["brand"].value)
    key = set(plan.roster.loc[plan.roster["key_partner"], "influencer_id"])
    trips = lab.result.extra["schedule"].contacts
    met = set(trips.loc[trips["kind"] == "trip", "influencer_id"])
    assert met == key, "key-partner trips meet exactly the key partners"
    assert lab.result.numbers["trip"] == plan.roster.loc[plan.roster["key_partner"], "city"].nunique()
    by_count = lab.set(trip_basis="creators", trip_min_creators=6)
    cities = schedule.city_counts(plan.roster)
    assert by_count.numbers["trip"] == int((cities >= 6).sum())
