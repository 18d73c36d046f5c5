"""A larger event on the canvas: drawn over its parts' span, and one bar when zoomed out."""

from __future__ import annotations

from timeline.core.dates.edtf import read_edtf_date
from timeline.core.view.period import TimePeriod
from timeline.ui.app import MainWindow
from timeline.ui.commands import perform
from timeline.ui.research_commands import SetParent


def frame_over(qtbot, window: MainWindow, start: str, end: str):  # type: ignore[no-untyped-def]
    window.canvas.set_period(TimePeriod(read_edtf_date(start).earliest, read_edtf_date(end).latest))
    with qtbot.waitSignal(window.canvas.frame_painted):
        window.canvas.update()
    return window.canvas.frame


def test_a_parent_spans_its_parts_and_hides_them_when_zoomed_out(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    events = {e.title: e for e in window.document.repository.events()}
    invasion, grid = events["Full-scale invasion of Ukraine"], events["Strikes on Ukraine's power grid"]
    assert perform(SetParent(window.document, grid.id or 0, invasion.id, "Make part of"))
    close = frame_over(qtbot, window, "2021-06", "2023-09")
    boxes = {box.span.id: box for box in close.scene.boxes}
    assert {invasion.id, grid.id} <= set(boxes)
    assert boxes[invasion.id].x1 >= boxes[grid.id].x1 - 1  # the invasion now reaches over the strikes
    far = frame_over(qtbot, window, "1900", "2100")
    shown = {box.span.id for box in far.scene.boxes}
    assert invasion.id in shown and grid.id not in shown
    window.document.undo_stack.undo()
    far = frame_over(qtbot, window, "1900", "2100")
    assert grid.id in {box.span.id for box in far.scene.boxes}
