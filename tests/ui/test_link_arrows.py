"""Arrows between linked events on the real canvas: drawn when both are in view, checked at pixels."""

from __future__ import annotations

from timeline.core.model import EventLink
from timeline.ui.app import MainWindow
from timeline.ui.research_commands import AddLink


def painted(qtbot, window: MainWindow):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.canvas.frame_painted):
        window.canvas.update()
    return window.canvas.frame


def test_a_link_is_drawn_as_an_arrow_between_its_events_and_goes_with_undo(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from timeline.ui.commands import perform

    events = {e.title: e for e in window.document.repository.events()}
    crimea, minsk = events["Annexation of Crimea"], events["Minsk II agreement"]
    window.canvas.fit_all()
    assert all((a.from_id, a.to_id) != (crimea.id, minsk.id) for a in painted(qtbot, window).arrows)
    before = window.canvas.grab().toImage()
    assert perform(AddLink(window.document, EventLink(crimea.id or 0, minsk.id or 0, "led to"), "Link"))
    frame = painted(qtbot, window)
    (arrow,) = [a for a in frame.arrows if (a.from_id, a.to_id) == (crimea.id, minsk.id)]
    assert (arrow.from_id, arrow.to_id, arrow.type) == (crimea.id, minsk.id, "led to")
    y = frame.geometry.lane_top(arrow.lane1) + frame.geometry.lane_height / 2
    after = window.canvas.grab().toImage()
    ratio = after.width() / window.canvas.width()
    at = (round((arrow.x1 - 3) * ratio), round(y * ratio))
    assert after.pixelColor(*at) != before.pixelColor(*at)  # the arrow's head, just before the target
    window.document.undo_stack.undo()
    assert all((a.from_id, a.to_id) != (crimea.id, minsk.id) for a in painted(qtbot, window).arrows)
