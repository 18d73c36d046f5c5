"""Axis ticks that adapt to the zoom: which unit, where its ticks fall, and their labels.

The unit is chosen by pixel density: the finest step whose ticks stand far enough apart for
their labels (compare thetimelineproj's ``choose_strip`` and pyqtgraph's date axis). Each
unit also names a coarser one for the upper row, so that ``2022`` stands above
``Jan Feb Mar …``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from timeline.core.dates.calendar import MONTH_NAMES, SECONDS_PER_DAY, civil_from_day_number, day_number
from timeline.core.view.period import SECONDS_PER_YEAR, TimePeriod

Measure = Callable[[str], float]
"""The width of a label in pixels."""


@dataclass(frozen=True, slots=True)
class Tick:
    time: float
    label: str


@dataclass(frozen=True, slots=True)
class Axis:
    """The ticks of one view: ``minor`` along the axis, ``major`` on the row above."""

    unit: str
    minor: tuple[Tick, ...]
    major: tuple[Tick, ...]


@dataclass(frozen=True, slots=True)
class _Step:
    unit: str
    seconds: float
    sample_label: str
    ticks: Callable[[float, float], Iterator[Tick]]
    major: Callable[[float, float], Iterator[Tick]]


def year_start(year: int) -> float:
    return float(day_number(year, 1, 1) * SECONDS_PER_DAY)


def year_of(time: float) -> int:
    return civil_from_day_number(math.floor(time / SECONDS_PER_DAY))[0]


def year_label(year: int) -> str:
    """A year on the axis: ``2022``, ``AD 79``, ``44 BC``, ``10,000 BC``, ``13.8 billion BC``."""
    number = year if year > 0 else 1 - year
    if number >= 1_000_000_000:
        text = f"{number / 1e9:g} billion"
    elif number >= 1_000_000:
        text = f"{number / 1e6:g} million"
    elif number >= 10_000:
        text = f"{number:,}"
    else:
        text = str(number)
    if year <= 0:
        return f"{text} BC"
    return f"AD {text}" if year < 1000 else text


def _day_label(days: int) -> str:
    year, month, day = civil_from_day_number(days)
    return f"{day} {MONTH_NAMES[month - 1]} {year_label(year)}"


def _month_label(year: int, month: int) -> str:
    return f"{MONTH_NAMES[month - 1]} {year_label(year)}"


# Tick generators ------------------------------------------------------------------------


def _clock_ticks(seconds: int) -> Callable[[float, float], Iterator[Tick]]:
    def ticks(start: float, end: float) -> Iterator[Tick]:
        time = math.ceil(start / seconds) * seconds
        while time <= end:
            of_day = time % SECONDS_PER_DAY
            yield Tick(float(time), f"{of_day // 3600:02d}:{of_day % 3600 // 60:02d}")
            time += seconds

    return ticks


def _day_ticks(every: int) -> Callable[[float, float], Iterator[Tick]]:
    def ticks(start: float, end: float) -> Iterator[Tick]:
        for days in range(math.ceil(start / SECONDS_PER_DAY), math.floor(end / SECONDS_PER_DAY) + 1):
            day = civil_from_day_number(days)[2]
            if (day - 1) % every == 0 and day + every <= 32:
                yield Tick(float(days * SECONDS_PER_DAY), str(day))

    return ticks


def _months(start: float, end: float, every: int) -> Iterator[tuple[int, int, float]]:
    year, month, _ = civil_from_day_number(math.floor(start / SECONDS_PER_DAY))
    while True:
        time = float(day_number(year, month, 1) * SECONDS_PER_DAY)
        if time > end:
            return
        if time >= start and (month - 1) % every == 0:
            yield year, month, time
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _month_ticks(every: int) -> Callable[[float, float], Iterator[Tick]]:
    def ticks(start: float, end: float) -> Iterator[Tick]:
        for _year, month, time in _months(start, end, every):
            yield Tick(time, MONTH_NAMES[month - 1][:3])

    return ticks


def _tick_years(start: float, end: float, step: int) -> Iterator[int]:
    """Years that are round in the way people count them: 100 BC, AD 100, never 101 BC."""
    first, last = year_of(start), year_of(end)
    if step == 1:
        yield from (year for year in range(first, last + 1) if start <= year_start(year) <= end)
        return
    # Years BC are 1 - k * step; years AD are k * step, and AD 1 where the eras meet.
    for k in range(max(1, math.ceil((1 - last) / step)), math.floor((1 - first) / step) + 1):
        yield from _if_inside(1 - k * step, start, end)
    yield from _if_inside(1, start, end)
    for k in range(max(1, math.ceil(first / step)), math.floor(last / step) + 1):
        yield from _if_inside(k * step, start, end)


def _if_inside(year: int, start: float, end: float) -> Iterator[int]:
    if start <= year_start(year) <= end:
        yield year


def _year_ticks(step: int) -> Callable[[float, float], Iterator[Tick]]:
    def ticks(start: float, end: float) -> Iterator[Tick]:
        for year in sorted(_tick_years(start, end, step)):
            yield Tick(year_start(year), year_label(year))

    return ticks


def _major_days(start: float, end: float) -> Iterator[Tick]:
    for days in range(math.floor(start / SECONDS_PER_DAY), math.floor(end / SECONDS_PER_DAY) + 1):
        yield Tick(float(days * SECONDS_PER_DAY), _day_label(days))


def _major_months(start: float, end: float) -> Iterator[Tick]:
    year, month, _ = civil_from_day_number(math.floor(start / SECONDS_PER_DAY))
    first = float(day_number(year, month, 1) * SECONDS_PER_DAY)
    yield Tick(first, _month_label(year, month))
    for year, month, time in _months(start, end, 1):
        if time > first:
            yield Tick(time, _month_label(year, month))


def _major_years(step: int) -> Callable[[float, float], Iterator[Tick]]:
    """The upper row for year ticks: the enclosing year, decade, century … at its start."""

    def ticks(start: float, end: float) -> Iterator[Tick]:
        first = year_of(start)
        if step == 1:
            aligned = first
        elif first > 0:
            aligned = first // step * step
        else:
            aligned = 1 - math.ceil((1 - first) / step) * step
        before = (
            [Tick(year_start(aligned), _span_label(aligned, step))] if year_start(aligned) < start else []
        )
        yield from before
        for year in sorted(_tick_years(start, end, step)):
            yield Tick(year_start(year), _span_label(year, step))

    return ticks


def _span_label(year: int, step: int) -> str:
    """The upper row names the decade, century or millennium that begins at a tick."""
    if year >= 1000 and step == 10:
        return f"{year}s"
    if step in (100, 1000):
        unit = "century" if step == 100 else "millennium"
        if year > 0:
            return f"{_ordinal(year // step + 1)} {unit}"
        return f"{_ordinal((1 - year) // step)} {unit} BC"
    return year_label(year)


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _no_ticks(start: float, end: float) -> Iterator[Tick]:
    return iter(())


def _build_steps() -> list[_Step]:
    steps = [
        _Step(f"{n} minute", n * 60, "00:00", _clock_ticks(n * 60), _major_days) for n in (1, 5, 10, 15, 30)
    ]
    steps += [
        _Step(f"{n} hour", n * 3600, "00:00", _clock_ticks(n * 3600), _major_days) for n in (1, 3, 6, 12)
    ]
    steps += [_Step(f"{n} day", n * SECONDS_PER_DAY, "28", _day_ticks(n), _major_months) for n in (1, 2, 5)]
    steps += [
        _Step(f"{n} month", n * SECONDS_PER_YEAR / 12, "Sep", _month_ticks(n), _major_years(1))
        for n in (1, 3, 6)
    ]
    magnitude = 1
    while magnitude <= 10_000_000_000:
        for multiple in (1, 2, 5):
            step = multiple * magnitude
            major_step = 10 * magnitude
            steps.append(
                _Step(
                    f"{step} year",
                    step * SECONDS_PER_YEAR,
                    "",
                    _year_ticks(step),
                    _major_years(major_step) if major_step <= 10_000_000_000 else _no_ticks,
                )
            )
        magnitude *= 10
    return steps


STEPS = _build_steps()


def choose_axis(period: TimePeriod, pixels: float, measure: Measure, padding: float = 12.0) -> Axis:
    """The finest unit whose labels fit between its ticks, with its ticks in ``period``."""
    seconds_per_pixel = period.width / max(pixels, 1.0)
    step = STEPS[-1]
    widest_year = max(measure(year_label(year_of(period.start))), measure(year_label(year_of(period.end))))
    for candidate in STEPS:
        label_width = (measure(candidate.sample_label) if candidate.sample_label else widest_year) + padding
        if candidate.seconds / seconds_per_pixel >= label_width:
            step = candidate
            break
    minor = tuple(step.ticks(period.start, period.end))
    major = tuple(step.major(period.start, period.end))
    return Axis(step.unit, minor, major)


def visible_labels(
    ticks: tuple[Tick, ...],
    period: TimePeriod,
    pixels: float,
    measure: Measure,
    gap: float = 8.0,
    pin: bool = False,
) -> list[tuple[float, str]]:
    """Labels placed just right of their ticks, dropping any that would overlap the one before.

    With ``pin``, a label whose tick lies left of the view sticks to the left edge until the
    next label pushes it away, so the upper row always says where the view is.
    """
    placed: list[tuple[float, str]] = []
    right_edge = -math.inf
    positions = [(period.fraction_of(tick.time) * pixels + 3, tick.label) for tick in ticks]
    for index, (x, label) in enumerate(positions):
        width = measure(label)
        if x < 0:
            if not pin:
                continue
            following = positions[index + 1][0] if index + 1 < len(positions) else math.inf
            x = min(3.0, following - width - gap)
        if x >= right_edge - 0.5 and (x + width <= pixels or not placed):
            placed.append((x, label))
            right_edge = x + width + gap
    return placed
