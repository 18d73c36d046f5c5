"""The visible window of time, and the pure arithmetic of zooming and panning it.

Times here are floats of seconds from 1970-01-01 (the same scale as date bounds): a float is
exact to the second for ±100 million years and, far beyond, still far finer than a pixel.
"""

from __future__ import annotations

from dataclasses import dataclass

SECONDS_PER_YEAR = 31_556_952
"""The mean Gregorian year."""

MIN_WIDTH = 5 * 60.0
"""The narrowest view: five minutes, so that single minutes can be told apart."""

MAX_WIDTH = 20e9 * SECONDS_PER_YEAR
"""The widest view: more than the 13.8 billion years since the Big Bang."""

EARLIEST_VIEW = -15e9 * SECONDS_PER_YEAR
LATEST_VIEW = 5e9 * SECONDS_PER_YEAR


@dataclass(frozen=True, slots=True)
class TimePeriod:
    """A span of time shown across the width of the canvas."""

    start: float
    end: float

    def __post_init__(self) -> None:
        if not self.end > self.start:
            raise ValueError("a period must end after it starts")

    @property
    def width(self) -> float:
        return self.end - self.start

    @property
    def centre(self) -> float:
        return (self.start + self.end) / 2

    def time_at(self, fraction: float) -> float:
        """The time at a fraction of the width (0 = left edge, 1 = right edge)."""
        return self.start + fraction * self.width

    def fraction_of(self, time: float) -> float:
        return (time - self.start) / self.width

    def contains(self, time: float) -> bool:
        return self.start <= time <= self.end

    def zoomed(self, factor: float, anchor: float = 0.5) -> TimePeriod:
        """Zoom in (``factor`` > 1) or out, keeping the time at fraction ``anchor`` in place."""
        width = self.width / factor
        return _placed(self.time_at(anchor) - anchor * width, width)

    def panned(self, seconds: float) -> TimePeriod:
        return _placed(self.start + seconds, self.width)

    def panned_by(self, fraction: float) -> TimePeriod:
        """Pan by a fraction of the width: 0.1 moves the view a tenth of itself to the right."""
        return self.panned(fraction * self.width)

    def centred_on(self, time: float) -> TimePeriod:
        return self.panned(time - self.centre)

    def clamped(self) -> TimePeriod:
        """Keep the view inside the history of the universe and a few billion years beyond."""
        placed = _placed(self.start, self.width)
        return self if placed == self else placed

    @classmethod
    def around(cls, earliest: float, latest: float, margin: float = 0.05) -> TimePeriod:
        """A view that shows ``[earliest, latest]`` with a margin on each side."""
        width = max(latest - earliest, MIN_WIDTH)
        centre = (earliest + latest) / 2
        padded = width * (1 + 2 * margin)
        return cls(centre - padded / 2, centre + padded / 2).clamped()


def _placed(start: float, width: float) -> TimePeriod:
    """A period of (clamped) ``width`` starting at (clamped) ``start``."""
    width = min(max(width, MIN_WIDTH), MAX_WIDTH)
    start = min(max(start, EARLIEST_VIEW), LATEST_VIEW - width)
    return TimePeriod(start, start + width)


def describe_period(period: TimePeriod) -> str:
    """The visible period in words, as precise as the zoom makes sensible."""
    from timeline.core.dates.dates import HistoricalDate, Precision

    if period.width < 3 * 86_400:
        precision = Precision.MINUTE
    elif period.width < 3 * SECONDS_PER_YEAR:
        precision = Precision.DAY
    elif period.width < 30 * SECONDS_PER_YEAR:
        precision = Precision.MONTH
    else:
        precision = Precision.YEAR
    first = HistoricalDate.from_instant(int(period.start), precision)
    last = HistoricalDate.from_instant(int(period.end), precision)
    return f"{first.display()} – {last.display()}"
