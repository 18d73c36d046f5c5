"""Moving and resizing events in time without inventing precision.

A drag is turned into a whole number of *steps* of a unit: the unit of the zoom (a year when
years are on the axis, a day when days are), but never finer than the date itself, so a
month-precision event moved at day zoom still moves by months and stays ``2023-07``.
"""

from __future__ import annotations

import dataclasses
import enum

from timeline.core.dates.calendar import SECONDS_PER_DAY, days_in_month
from timeline.core.dates.dates import HistoricalDate, Precision
from timeline.core.model import Event
from timeline.core.view.period import SECONDS_PER_YEAR


class Step(enum.IntEnum):
    """Units a date moves by, from the coarsest to the finest."""

    MILLENNIUM = 0
    CENTURY = 1
    DECADE = 2
    YEAR = 3
    SEASON = 4
    MONTH = 5
    DAY = 6
    HOUR = 7
    MINUTE = 8
    SECOND = 9

    @property
    def seconds(self) -> float:
        return _STEP_SECONDS[self]

    @property
    def precision(self) -> Precision:
        """The precision of a date created at this zoom."""
        return _STEP_PRECISION[self]


_STEP_SECONDS = {
    Step.MILLENNIUM: 1000 * SECONDS_PER_YEAR,
    Step.CENTURY: 100 * SECONDS_PER_YEAR,
    Step.DECADE: 10 * SECONDS_PER_YEAR,
    Step.YEAR: SECONDS_PER_YEAR,
    Step.SEASON: SECONDS_PER_YEAR / 4,
    Step.MONTH: SECONDS_PER_YEAR / 12,
    Step.DAY: SECONDS_PER_DAY,
    Step.HOUR: 3600,
    Step.MINUTE: 60,
    Step.SECOND: 1,
}
_STEP_PRECISION = {
    Step.MILLENNIUM: Precision.YEAR,
    Step.CENTURY: Precision.YEAR,
    Step.DECADE: Precision.YEAR,
    Step.YEAR: Precision.YEAR,
    Step.SEASON: Precision.SEASON,
    Step.MONTH: Precision.MONTH,
    Step.DAY: Precision.DAY,
    Step.HOUR: Precision.MINUTE,
    Step.MINUTE: Precision.MINUTE,
    Step.SECOND: Precision.SECOND,
}
_PRECISION_STEP = {
    Precision.MILLENNIUM: Step.MILLENNIUM,
    Precision.CENTURY: Step.CENTURY,
    Precision.DECADE: Step.DECADE,
    Precision.YEAR: Step.YEAR,
    Precision.SEASON: Step.SEASON,
    Precision.MONTH: Step.MONTH,
    Precision.DAY: Step.DAY,
    Precision.MINUTE: Step.MINUTE,
    Precision.SECOND: Step.SECOND,
}


def step_for_zoom(seconds_per_pixel: float, min_pixels: float = 24.0) -> Step:
    """The finest unit at least ``min_pixels`` wide at this zoom: about what the axis labels."""
    for step in sorted(Step, reverse=True):
        if step is not Step.SEASON and step.seconds / seconds_per_pixel >= min_pixels:
            return step
    return Step.MILLENNIUM


def own_step(date: HistoricalDate) -> Step:
    return _PRECISION_STEP[date.precision]


def shift(date: HistoricalDate, count: int, step: Step) -> HistoricalDate:
    """The date moved by ``count`` steps, keeping its precision and qualifiers."""
    if count == 0:
        return date
    if step <= Step.YEAR:
        years = count * {Step.MILLENNIUM: 1000, Step.CENTURY: 100, Step.DECADE: 10, Step.YEAR: 1}[step]
        return _with_year_and_month(date, date.year + years, date.month)
    if step in (Step.SEASON, Step.MONTH):
        months = count * (3 if step is Step.SEASON else 1)
        if date.season is not None:
            total = date.year * 4 + (date.season - 21) + months // 3
            return _replace(date, year=total // 4, season=21 + total % 4)
        assert date.month is not None
        total = date.year * 12 + date.month - 1 + months
        return _with_year_and_month(date, total // 12, total % 12 + 1)
    moved = HistoricalDate.from_instant(date.earliest + round(count * step.seconds), date.precision)
    return _replace(moved, approximate=date.approximate, uncertain=date.uncertain)


def _with_year_and_month(date: HistoricalDate, year: int, month: int | None) -> HistoricalDate:
    day = date.day
    if day is not None and month is not None:
        day = min(day, days_in_month(year, month))  # 29 February moved by a year is the 28th
    return _replace(date, year=year, month=month, day=day)


def _replace(date: HistoricalDate, **changes: object) -> HistoricalDate:
    return dataclasses.replace(date, **changes)  # type: ignore[arg-type]


def steps_for(seconds: float, step: Step) -> int:
    """How many whole steps a drag of ``seconds`` makes (rounded to the nearest)."""
    return round(seconds / step.seconds)


def moved(event: Event, seconds: float, zoom: Step, snap: bool = True) -> Event:
    """An event dragged by ``seconds``: start and end move together by whole steps.

    The step is the zoom's unit, or without ``snap`` the date's own, never finer than the
    coarsest of the event's dates, so that both ends move by the same amount.
    """
    dates = [event.start] + ([event.end] if isinstance(event.end, HistoricalDate) else [])
    coarsest = min(own_step(date) for date in dates)
    step = min(zoom, coarsest) if snap else coarsest
    count = steps_for(seconds, step)
    if count == 0:
        return event
    end = shift(event.end, count, step) if isinstance(event.end, HistoricalDate) else event.end
    return event.with_changes(start=shift(event.start, count, step), end=end)


def resized(event: Event, edge: str, seconds: float, zoom: Step, snap: bool = True) -> Event | None:
    """An event with its start or end (``edge``) dragged; ``None`` when that would end before it starts."""
    if edge == "start":
        date = event.start
    elif isinstance(event.end, HistoricalDate):
        date = event.end
    else:
        return None
    step = min(zoom, own_step(date)) if snap else own_step(date)
    new_date = shift(date, steps_for(seconds, step), step)
    try:
        if edge == "start":
            return event.with_changes(start=new_date)
        return event.with_changes(end=new_date)
    except ValueError:
        return None


def date_at(instant: float, zoom: Step) -> HistoricalDate:
    """A new date at an instant, as precise as the zoom shows (a day at day zoom, a year at years)."""
    precision = zoom.precision
    snapped = round(instant / zoom.seconds) * zoom.seconds if zoom in (Step.HOUR, Step.MINUTE) else instant
    date = HistoricalDate.from_instant(int(snapped), precision)
    if zoom < Step.YEAR:
        size = {Step.MILLENNIUM: 1000, Step.CENTURY: 100, Step.DECADE: 10}[zoom]
        date = HistoricalDate.of_year(round(date.year / size) * size or 1)
    return date
