"""Arrows between linked events that are both drawn: where they start and end, at most a few.

An arrow leaves its source at the end of the source's bar (or its marker) and points at the
start of its target, lane to lane. Only events laid out in this frame take part, and at most
``limit`` arrows are kept (the links between selected events first), so a file with hundreds
of thousands of links draws as fast as one with none.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from timeline.core.model import EventLink
from timeline.core.view.layout import EventBox

MAX_ARROWS = 150
"""Arrows per frame: each is a curve and a head, a fraction of what one event box costs."""


@dataclass(frozen=True, slots=True)
class Arrow:
    """A link drawn from ``(x0, lane0)`` to ``(x1, lane1)``; ``y`` is the lane's middle."""

    from_id: int
    to_id: int
    type: str
    x0: float
    lane0: int
    x1: float
    lane1: int


def _exit_x(box: EventBox) -> float:
    return (box.x0 + box.x1 + box.marker_size) / 2 if box.marker else box.x1


def _entry_x(box: EventBox) -> float:
    return (box.x0 + box.x1 - box.marker_size) / 2 if box.marker else box.x0


def arrows_between(
    boxes: Iterable[EventBox],
    links: Iterable[EventLink],
    selected: Collection[int] = (),
    limit: int = MAX_ARROWS,
) -> list[Arrow]:
    """The arrows of ``links`` whose two events are among ``boxes``, those touching ``selected`` first."""
    placed = {box.span.id: box for box in boxes}
    drawn = [link for link in links if link.from_id in placed and link.to_id in placed]
    drawn.sort(key=lambda link: not (link.from_id in selected or link.to_id in selected))
    arrows = []
    for link in drawn[:limit]:
        source, target = placed[link.from_id], placed[link.to_id]
        arrows.append(
            Arrow(
                link.from_id,
                link.to_id,
                link.type,
                _exit_x(source),
                source.lane,
                _entry_x(target),
                target.lane,
            )
        )
    return arrows
