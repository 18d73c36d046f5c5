"""Which links become arrows in a frame, from where to where, and how many at most."""

from __future__ import annotations

from timeline.core.model import EventLink, EventSpan
from timeline.core.view.arrows import arrows_between
from timeline.core.view.layout import EventBox


def box(event_id: int, lane: int, x0: float, x1: float, marker: bool = False) -> EventBox:
    span = EventSpan(event_id, f"E{event_id}", 0, 0, 0, 1, marker, "", "", None, "")
    return EventBox(span, lane, x0, x1, x0, x1, marker, x1 + 4, 30, False, 10)


def test_an_arrow_runs_from_the_end_of_its_source_to_the_start_of_its_target() -> None:
    boxes = [box(1, 0, 10, 100), box(2, 2, 300, 400), box(3, 1, 500, 500, marker=True)]
    links = [EventLink(1, 2, "led to"), EventLink(2, 3, "precedes"), EventLink(1, 9, "caused")]
    arrows = arrows_between(boxes, links)
    assert [(a.from_id, a.to_id, a.x0, a.lane0, a.x1, a.lane1) for a in arrows] == [
        (1, 2, 100, 0, 300, 2),
        (2, 3, 400, 2, 495, 1),
    ]


def test_arrows_are_bounded_and_those_of_the_selection_come_first() -> None:
    boxes = [box(n, n % 5, n * 10, n * 10 + 5) for n in range(1, 1001)]
    links = [EventLink(n, n + 1, "precedes") for n in range(1, 1000)]
    arrows = arrows_between(boxes, links, selected={700}, limit=40)
    assert len(arrows) == 40
    assert {(a.from_id, a.to_id) for a in arrows[:2]} == {(699, 700), (700, 701)}
