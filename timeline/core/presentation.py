"""A presentation: a sequence of events shown one after another, each framed with its neighbours.

Pure arithmetic for the presentation window: which period frames a step, and the eased
in-between periods of the flight from one step to the next (zoom in log space, so that a
flight from a century to a day looks steady rather than sudden).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from timeline.core.period import MIN_WIDTH, TimePeriod


@dataclass(frozen=True, slots=True)
class Stop:
    """One step: the event's id and its span (an ongoing end already cut at now)."""

    event_id: int
    earliest: float
    latest: float


def framing(stops: list[Stop], index: int) -> TimePeriod:
    """The period that shows stop ``index`` in the middle with the stops before and after it.

    The event itself takes at least a fifth of the width; the neighbours are brought in when
    they are not too far, so that the audience sees where the moment sits.
    """
    stop = stops[index]
    span = max(stop.latest - stop.earliest, MIN_WIDTH)
    low, high = stop.earliest, stop.latest
    for neighbour in stops[max(index - 1, 0) : index + 2]:
        if neighbour is stop:
            continue
        reach = max(abs(neighbour.earliest - stop.earliest), span)
        if reach <= span * 1000:  # a neighbour decades away would shrink a day to nothing
            low, high = min(low, neighbour.earliest), max(high, neighbour.latest)
    width = max(high - low, span * 5) * 1.25
    centre = (low + high) / 2
    return TimePeriod(centre - width / 2, centre + width / 2).clamped()


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
