"""A presentation: a sequence of events shown one after another, each framed with its neighbours.

Pure arithmetic for the presentation window: which period frames a step, and the eased
in-between periods of the flight from one step to the next (zoom in log space, so that a
flight from a century to a day looks steady rather than sudden).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from timeline.core.view.period import MIN_WIDTH, TimePeriod

DAY = 86_400.0
DAY_FRAME = 21 * DAY
"""The narrowest view of an event of a day or more: three weeks, an axis of days."""


@dataclass(frozen=True, slots=True)
class Stop:
    """One step: the event's id and its span (an ongoing end already cut at now)."""

    event_id: int
    earliest: float
    latest: float


def framing(stops: list[Stop], index: int) -> TimePeriod:
    """The period with stop ``index`` in the middle and, when not too far, the stops around it.

    The event itself takes at least a fifth of the width; a neighbour is brought in when it
    lies within a thousand times the event's own span, so that the audience sees where the
    moment sits without the moment shrinking to nothing. A day or longer is never framed
    closer than three weeks, so that a lone day is shown among days, not on an axis of hours.
    """
    stop = stops[index]
    span = max(stop.latest - stop.earliest, MIN_WIDTH)
    centre = (stop.earliest + stop.latest) / 2
    half = span * 2.5
    if span >= DAY:
        half = max(half, DAY_FRAME / 2)
    for neighbour in stops[max(index - 1, 0) : index + 2]:
        if neighbour is stop:
            continue
        reach = max(abs(neighbour.earliest - centre), abs(neighbour.latest - centre))
        if reach <= span * 1000:
            half = max(half, reach * 1.1)
    return TimePeriod(centre - half, centre + half).clamped()


def ease_in_out(t: float) -> float:
    """Cubic ease: slow to leave, slow to arrive."""
    t = min(max(t, 0.0), 1.0)
    return 4 * t**3 if t < 0.5 else 1 - (-2 * t + 2) ** 3 / 2


def between(start: TimePeriod, end: TimePeriod, t: float) -> TimePeriod:
    """The period a fraction ``t`` of the way (eased) from ``start`` to ``end``."""
    eased = ease_in_out(t)
    width = math.exp(math.log(start.width) + (math.log(end.width) - math.log(start.width)) * eased)
    centre = start.centre + (end.centre - start.centre) * eased
    return TimePeriod(centre - width / 2, centre + width / 2)
