"""The historical date: what a historian wrote, with its precision and doubts, and its bounds.

A :class:`HistoricalDate` keeps exactly the fields that were given. Its *bounds* are the
earliest instant it can mean and the instant just after the latest (``July 2023`` runs from
1 July 00:00 to 1 August 00:00), in whole seconds from 1970-01-01 on the proleptic Gregorian
calendar. Bounds are plain integers so that SQLite can index and compare them; they stay
within a signed 64-bit integer for every year this module accepts.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from timeline.core.dates.calendar import (
    MONTH_NAMES,
    SEASON_FIRST_MONTH,
    SECONDS_PER_DAY,
    civil_from_day_number,
    day_number,
    days_in_month,
)

MAX_ABS_YEAR = 100_000_000_000
"""Years beyond ±100 billion are refused; the universe is 13.8 billion years old."""

MIN_INSTANT = -(2**62)
MAX_INSTANT = 2**62
"""Stand-ins for an open start or end, beyond the bounds of every real date."""

_SEASON_NAMES = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}


class DateError(ValueError):
    """A date that cannot be: its message says what is wrong, in words a person can act on."""


class Precision(enum.IntEnum):
    """How much of a date was given, from the coarsest to the finest."""

    MILLENNIUM = 0
    CENTURY = 1
    DECADE = 2
    YEAR = 3
    SEASON = 4
    MONTH = 5
    DAY = 6
    MINUTE = 7
    SECOND = 8

    @property
    def label(self) -> str:
        return self.name.lower()


_SPAN_YEARS = {Precision.MILLENNIUM: 1000, Precision.CENTURY: 100, Precision.DECADE: 10}


@dataclass(frozen=True, slots=True)
class HistoricalDate:
    """One point in time as written, from a millennium down to a second.

    ``year`` is astronomical. For decade, century and millennium precision it is the number
    written with its unspecified digits as zeros (``199X`` → 1990, ``-004X`` → -40). ``season``
    is the EDTF season code (21 spring, 22 summer, 23 autumn, 24 winter, northern hemisphere).
    ``utc_offset`` is in minutes when a time zone was given with a time.
    """

    year: int
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    precision: Precision = Precision.YEAR
    approximate: bool = False
    uncertain: bool = False
    season: int | None = None
    utc_offset: int | None = None
    _bounds_cache: tuple[int, int] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        _validate(self)
        object.__setattr__(self, "_bounds_cache", self._bounds())

    # Constructors ----------------------------------------------------------------------

    @classmethod
    def of_year(cls, year: int, **qualifiers: bool) -> HistoricalDate:
        return cls(year, precision=Precision.YEAR, **qualifiers)

    @classmethod
    def of_month(cls, year: int, month: int, **qualifiers: bool) -> HistoricalDate:
        return cls(year, month, precision=Precision.MONTH, **qualifiers)

    @classmethod
    def of_day(cls, year: int, month: int, day: int, **qualifiers: bool) -> HistoricalDate:
        return cls(year, month, day, precision=Precision.DAY, **qualifiers)

    @classmethod
    def from_instant(cls, seconds: int, precision: Precision) -> HistoricalDate:
        """The date of the given precision that contains an instant (used for snapping)."""
        days, second_of_day = divmod(seconds, SECONDS_PER_DAY)
        year, month, day = civil_from_day_number(days)
        if precision in _SPAN_YEARS:
            size = _SPAN_YEARS[precision]
            if year >= 0:
                return cls(year // size * size, precision=precision)
            if -year >= size:
                return cls(-(-year // size * size), precision=precision)
            return cls(year, precision=Precision.YEAR)
        if precision == Precision.YEAR:
            return cls(year, precision=precision)
        if precision == Precision.SEASON:
            season = 21 + ((month - 3) % 12) // 3
            season_year = year - 1 if month <= 2 else year
            return cls(season_year, season=season, precision=precision)
        if precision == Precision.MONTH:
            return cls(year, month, precision=precision)
        if precision == Precision.DAY:
            return cls(year, month, day, precision=precision)
        hour, rest = divmod(second_of_day, 3600)
        minute, second = divmod(rest, 60)
        if precision == Precision.MINUTE:
            return cls(year, month, day, hour, minute, precision=precision)
        return cls(year, month, day, hour, minute, second, precision=precision)

    # Bounds -----------------------------------------------------------------------------

    @property
    def earliest(self) -> int:
        """The first instant this date can mean, in seconds from 1970-01-01."""
        return self._bounds_cache[0]

    @property
    def latest(self) -> int:
        """The instant just after the last one this date can mean (an exclusive end)."""
        return self._bounds_cache[1]

    def _bounds(self) -> tuple[int, int]:
        precision = self.precision
        year = self.year
        if precision in _SPAN_YEARS:
            size = _SPAN_YEARS[precision]
            first, last = (year, year + size - 1) if year >= 0 else (year - size + 1, year)
            return _day_seconds(first, 1, 1), _day_seconds(last + 1, 1, 1)
        if precision == Precision.YEAR:
            return _day_seconds(year, 1, 1), _day_seconds(year + 1, 1, 1)
        if precision == Precision.SEASON:
            assert self.season is not None
            first_month = SEASON_FIRST_MONTH[self.season]
            start = _day_seconds(year, first_month, 1)
            end_year, end_month = divmod(first_month - 1 + 3, 12)
            return start, _day_seconds(year + end_year, end_month + 1, 1)
        assert self.month is not None
        if precision == Precision.MONTH:
            next_year, next_month = divmod(self.month, 12)
            return _day_seconds(year, self.month, 1), _day_seconds(year + next_year, next_month + 1, 1)
        assert self.day is not None
        start = _day_seconds(year, self.month, self.day)
        if precision == Precision.DAY:
            return start, start + SECONDS_PER_DAY
        start += (self.hour or 0) * 3600 + (self.minute or 0) * 60 + (self.second or 0)
        start -= (self.utc_offset or 0) * 60
        return start, start + (60 if precision == Precision.MINUTE else 1)

    # Text -------------------------------------------------------------------------------

    def edtf(self) -> str:
        """The canonical EDTF (ISO 8601-2) text of this date."""
        text = _edtf_without_qualifiers(self)
        if self.approximate and self.uncertain:
            return text + "%"
        if self.approximate:
            return text + "~"
        if self.uncertain:
            return text + "?"
        return text

    def display(self) -> str:
        """The date as a person writes it: ``15 March 44 BC``, ``July 2023``, ``c. 1450``."""
        text = _display_without_qualifiers(self)
        if self.approximate:
            text = "c. " + text
        if self.uncertain:
            text += "?"
        return text

    def describe(self) -> str:
        """The display form with its precision: ``15 March 44 BC · day precision``."""
        return f"{self.display()} · {self.precision.label} precision"

    def __str__(self) -> str:
        return self.edtf()


def _day_seconds(year: int, month: int, day: int) -> int:
    return day_number(year, month, day) * SECONDS_PER_DAY


def _validate(date: HistoricalDate) -> None:
    if not -MAX_ABS_YEAR <= date.year <= MAX_ABS_YEAR:
        raise DateError(f"year {date.year} is beyond the supported range of ±{MAX_ABS_YEAR:,}")
    precision = date.precision
    if precision in _SPAN_YEARS:
        size = _SPAN_YEARS[precision]
        if date.year % size:
            raise DateError(f"a {precision.label} must start at a multiple of {size}")
    if date.season is not None and date.season not in _SEASON_NAMES:
        raise DateError(f"season {date.season} is not one of 21 (spring) … 24 (winter)")
    if (precision == Precision.SEASON) != (date.season is not None):
        raise DateError("a season needs season precision and season precision needs a season")
    if date.month is not None and not 1 <= date.month <= 12:
        raise DateError(f"month {date.month} does not exist (months run from 1 to 12)")
    if date.day is not None:
        if date.month is None:
            raise DateError("a day needs a month")
        last_day = days_in_month(date.year, date.month)
        if not 1 <= date.day <= last_day:
            raise DateError(
                f"{MONTH_NAMES[date.month - 1]} {_year_text(date.year)} has no day {date.day}"
                f" (it has {last_day} days)"
            )
    _validate_time(date)
    _validate_fields_for_precision(date)


def _validate_time(date: HistoricalDate) -> None:
    for value, name, top in (
        (date.hour, "hour", 23),
        (date.minute, "minute", 59),
        (date.second, "second", 59),
    ):
        if value is not None and not 0 <= value <= top:
            raise DateError(f"{name} {value} does not exist (it runs from 0 to {top})")
    if date.utc_offset is not None and not -24 * 60 < date.utc_offset < 24 * 60:
        raise DateError(f"time zone offset {date.utc_offset} minutes is out of range")


_FIELDS_NEEDED = {
    precision: (
        ("month", precision >= Precision.MONTH),
        ("day", precision >= Precision.DAY),
        ("hour", precision >= Precision.MINUTE),
        ("minute", precision >= Precision.MINUTE),
        ("second", precision >= Precision.SECOND),
    )
    for precision in Precision
}


def _validate_fields_for_precision(date: HistoricalDate) -> None:
    precision = date.precision
    for name, needed in _FIELDS_NEEDED[precision]:
        if (getattr(date, name) is not None) != needed:
            state = "needs" if needed else "cannot have"
            raise DateError(f"a date of {precision.label} precision {state} a {name}")
    if date.utc_offset is not None and precision < Precision.MINUTE:
        raise DateError("only a date with a time can have a time zone")


# EDTF -------------------------------------------------------------------------------------


def edtf_year(year: int) -> str:
    """A year as EDTF writes it: four digits and a sign, or ``Y`` and all digits beyond that."""
    if abs(year) > 9999:
        return f"Y{year}"
    return f"-{-year:04d}" if year < 0 else f"{year:04d}"


def _edtf_without_qualifiers(date: HistoricalDate) -> str:
    precision = date.precision
    if precision in _SPAN_YEARS:
        digits = {Precision.DECADE: 1, Precision.CENTURY: 2, Precision.MILLENNIUM: 3}[precision]
        text = edtf_year(date.year)
        if text.startswith("Y"):
            return text[:-digits] + "X" * digits if len(text.lstrip("Y-")) > digits else text
        return text[:-digits] + "X" * digits
    text = edtf_year(date.year)
    if precision == Precision.YEAR:
        return text
    if precision == Precision.SEASON:
        return f"{text}-{date.season}"
    text += f"-{date.month:02d}"
    if precision == Precision.MONTH:
        return text
    text += f"-{date.day:02d}"
    if precision == Precision.DAY:
        return text
    text += f"T{date.hour:02d}:{date.minute:02d}"
    if precision == Precision.SECOND:
        text += f":{date.second:02d}"
    return text + _edtf_offset(date.utc_offset)


def _edtf_offset(offset: int | None) -> str:
    if offset is None:
        return ""
    if offset == 0:
        return "Z"
    sign = "-" if offset < 0 else "+"
    hours, minutes = divmod(abs(offset), 60)
    return f"{sign}{hours:02d}:{minutes:02d}"


# Display ----------------------------------------------------------------------------------


def _year_text(year: int) -> str:
    """``44 BC``, ``AD 79``, ``1450``, ``170,000,003 BC``: historians' numbering, no year 0."""
    if year <= 0:
        return f"{_grouped(1 - year)} BC"
    if year < 1000:
        return f"AD {year}"
    return _grouped(year)


def _grouped(number: int) -> str:
    return f"{number:,}" if number >= 10_000 else str(number)


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _display_without_qualifiers(date: HistoricalDate) -> str:
    precision = date.precision
    if precision in _SPAN_YEARS:
        return _display_span(date)
    if precision == Precision.YEAR:
        return _year_text(date.year)
    if precision == Precision.SEASON:
        assert date.season is not None
        return f"{_SEASON_NAMES[date.season]} {_year_text(date.year)}"
    assert date.month is not None
    month = MONTH_NAMES[date.month - 1]
    if precision == Precision.MONTH:
        return f"{month} {_year_text(date.year)}"
    text = f"{date.day} {month} {_year_text(date.year)}"
    if precision == Precision.DAY:
        return text
    time = f"{date.hour:02d}:{date.minute:02d}"
    if precision == Precision.SECOND:
        time += f":{date.second:02d}"
    return f"{text}, {time}{_edtf_offset(date.utc_offset).replace('Z', ' UTC')}"


def _display_span(date: HistoricalDate) -> str:
    """``1990s``, ``15th century``, ``2nd millennium``; BC spans keep their EDTF form."""
    if date.year < 0 and date.precision != Precision.DECADE:
        size = _SPAN_YEARS[date.precision]
        return f"{_ordinal(-date.year // size + 1)} {date.precision.label} BC"
    if date.year <= 0:
        return _edtf_without_qualifiers(date)
    if date.precision == Precision.DECADE:
        if date.year % 100 == 0:
            return f"{_grouped(date.year)}s (decade)"
        return f"{_grouped(date.year)}s"
    if date.precision == Precision.CENTURY:
        return f"{_ordinal(date.year // 100 + 1)} century"
    return f"{_ordinal(date.year // 1000 + 1)} millennium"


# Intervals --------------------------------------------------------------------------------


class OpenEnd(enum.Enum):
    """An interval end that is not a date: ongoing (EDTF ``..``) or not known (EDTF empty)."""

    OPEN = ".."
    UNKNOWN = ""


@dataclass(frozen=True, slots=True)
class Interval:
    """A span from a start to an end, either of which may be open or unknown."""

    start: HistoricalDate | OpenEnd
    end: HistoricalDate | OpenEnd

    def __post_init__(self) -> None:
        if isinstance(self.start, OpenEnd) and isinstance(self.end, OpenEnd):
            raise DateError("an interval needs a date at one end at least")
        if (
            isinstance(self.start, HistoricalDate)
            and isinstance(self.end, HistoricalDate)
            and self.end.latest <= self.start.earliest
        ):
            raise DateError(f"the end ({self.end.display()}) is before the start ({self.start.display()})")

    @property
    def earliest(self) -> int:
        return self.start.earliest if isinstance(self.start, HistoricalDate) else MIN_INSTANT

    @property
    def latest(self) -> int:
        return self.end.latest if isinstance(self.end, HistoricalDate) else MAX_INSTANT

    def edtf(self) -> str:
        return f"{_end_edtf(self.start)}/{_end_edtf(self.end)}"

    def display(self) -> str:
        start, end = self.start, self.end
        if isinstance(end, OpenEnd) and isinstance(start, HistoricalDate):
            return f"since {start.display()}" if end is OpenEnd.OPEN else f"{start.display()} – unknown"
        if isinstance(start, OpenEnd) and isinstance(end, HistoricalDate):
            return f"until {end.display()}" if start is OpenEnd.OPEN else f"unknown – {end.display()}"
        assert isinstance(start, HistoricalDate) and isinstance(end, HistoricalDate)
        if _same_month_days(start, end):
            return f"{start.day}–{end.display()}"
        return f"{start.display()} – {end.display()}"

    def __str__(self) -> str:
        return self.edtf()


def _same_month_days(start: HistoricalDate, end: HistoricalDate) -> bool:
    """Whether an interval reads best as a day range such as ``29–30 November 2022``."""
    return (
        start.precision == end.precision == Precision.DAY
        and (start.year, start.month) == (end.year, end.month)
        and not (start.approximate or start.uncertain or end.approximate or end.uncertain)
    )


def _end_edtf(end: HistoricalDate | OpenEnd) -> str:
    return end.value if isinstance(end, OpenEnd) else end.edtf()


Temporal = HistoricalDate | Interval
"""Anything a person can write as a date: one point, or a span."""


def first_and_last_day(earliest: int, latest: int) -> tuple[str, str]:
    """The first and last day covered by bounds, as ``[-]YYYY-MM-DD`` (astronomical years)."""
    return _iso_day(earliest // SECONDS_PER_DAY), _iso_day((latest - 1) // SECONDS_PER_DAY)


def _iso_day(days: int) -> str:
    year, month, day = civil_from_day_number(days)
    year_text = f"-{-year:04d}" if year < 0 else f"{year:04d}"
    return f"{year_text}-{month:02d}-{day:02d}"
