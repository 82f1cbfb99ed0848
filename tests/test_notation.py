"""The notation of wbs.toml: durations, dependencies and assignments."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from cockpit.model import (
    Assignment,
    Dependency,
    DependencyType,
    Duration,
    DurationUnit,
    NotationError,
    parse_assignment,
    parse_dependency,
    parse_duration,
)


@pytest.mark.parametrize(("text", "expected"), [
    ("8j", Duration(8, DurationUnit.DAY)), ("2s", Duration(2, DurationUnit.WEEK)),
    ("4h", Duration(4, DurationUnit.HOUR)), ("1,5j", Duration(1.5, DurationUnit.DAY)),
    (" -1 d ", Duration(-1, DurationUnit.DAY)), ("3W", Duration(3, DurationUnit.WEEK)),
])
def test_durations_are_read_in_french_and_english_units(text: str, expected: Duration) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["dix jours", "8", "8 mois", "", "j8"])
def test_an_unreadable_duration_says_how_to_write_one(text: str) -> None:
    with pytest.raises(NotationError, match="durée illisible"):
        parse_duration(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("cdc", Dependency("cdc")),
    ("cdc FD+2j", Dependency("cdc", DependencyType.FS, Duration(2, DurationUnit.DAY))),
    ("cdc DD", Dependency("cdc", DependencyType.SS)),
    ("cdc ff-1s", Dependency("cdc", DependencyType.FF, Duration(-1, DurationUnit.WEEK))),
    ("cdc DF + 4h", Dependency("cdc", DependencyType.SF, Duration(4, DurationUnit.HOUR))),
    ("lot-2 SS+1j", Dependency("lot-2", DependencyType.SS, Duration(1, DurationUnit.DAY))),
])
def test_dependencies_name_a_task_a_type_and_a_lag(text: str, expected: Dependency) -> None:
    assert parse_dependency(text, {"cdc", "lot-2"}) == expected


def test_a_known_id_that_looks_like_a_type_and_lag_is_the_task_itself() -> None:
    assert parse_dependency("essai-FF", {"essai-FF"}) == Dependency("essai-FF")


@pytest.mark.parametrize("text", ["cdc FD+2 mois", "cdc XX", "", "a b c"])
def test_an_unreadable_dependency_is_refused(text: str) -> None:
    with pytest.raises(NotationError):
        parse_dependency(text, {"cdc", "a"})


IDS = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._-]{0,8}", fullmatch=True)
LINKS = st.builds(
    lambda kind, sign, amount, unit: f"{kind}{sign}{amount}{unit}" if sign else kind,
    st.sampled_from(["FS", "SS", "FF", "SF", "FD", "DD", "DF", "fd", "Dd"]),
    st.sampled_from(["", "+", "-"]), st.sampled_from(["1", "2", "10", "1,5", "0.5"]),
    st.sampled_from(["j", "d", "s", "w", "h", "J"]))


@given(task=IDS, link=LINKS)
@example(task="0-0", link="FS").via("an id ending in -digit once read as a lag")
def test_the_usual_form_reads_as_the_general_pattern_reads_it(task: str, link: str) -> None:
    text = f"{task} {link}"
    try:
        general = parse_dependency(text)
    except NotationError:
        general = None
    assert parse_dependency(text, {task}) == general


@pytest.mark.parametrize(("text", "expected"), [
    ("cmartin", Assignment("cmartin")), ("cmartin:50%", Assignment("cmartin", 0.5)),
    ("cmartin:0.5", Assignment("cmartin", 0.5)), ("cmartin: 25 %", Assignment("cmartin", 0.25)),
])
def test_assignments_give_a_share_of_a_full_day(text: str, expected: Assignment) -> None:
    assert parse_assignment(text) == expected


@pytest.mark.parametrize("text", ["c martin", "cmartin:0%", "cmartin:moitié"])
def test_an_unreadable_assignment_is_refused(text: str) -> None:
    with pytest.raises(NotationError):
        parse_assignment(text)


def test_an_id_with_a_hyphen_and_digits_before_a_type() -> None:
    # Found by the property above: the lag's unit swallowed the type (« -0 FS »).
    assert parse_dependency("0-0 FS") == parse_dependency("0-0 FS", {"0-0"})
    assert parse_dependency("lot-2 DD") == Dependency("lot-2", DependencyType.SS)
