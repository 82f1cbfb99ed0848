"""The y ticks of the TUI charts: round steps, French labels, never two on one row."""

from __future__ import annotations

from cockpit.french import NNBSP
from cockpit.tui.widgets.charts import y_ticks


def test_ticks_are_round_and_french() -> None:
    assert y_ticks([0.8, 0.95]) == ([0.8, 0.8500000000000001, 0.9, 0.9500000000000001],
                                    ["0,8", "0,85", "0,9", "0,95"])
    assert y_ticks([0, 122070])[1] == ["0", f"50{NNBSP}000", f"100{NNBSP}000", f"150{NNBSP}000"]
    assert y_ticks([-3, -1])[1] == ["-3", "-2,5", "-2", "-1,5", "-1"]
    assert y_ticks([5])[1] == ["2", "3", "4", "5", "6", "7", "8"]  # a flat series, framed


def test_a_short_chart_gets_fewer_ticks() -> None:
    # Five rows show five ticks at most, three at least: two labels never share a row.
    assert y_ticks([0, 230000], 5)[1] == ["0", f"100{NNBSP}000", f"200{NNBSP}000",
                                          f"300{NNBSP}000"]
    assert y_ticks([138, 184], 1)[1] == ["100", "150", "200"]


def test_values_round_steps_cannot_frame_leave_plotext_its_own_ticks() -> None:
    assert y_ticks([]) == y_ticks([float("nan")]) == ([], [])
    assert y_ticks([1e308, -1e308]) == y_ticks([1e30]) == ([], [])
    assert y_ticks([1, 1 + 1e-15]) == ([], [])  # apart by float noise only
    assert y_ticks([float("inf"), 1])[1] == ["0,4", "0,6", "0,8", "1", "1,2", "1,4", "1,6"]
