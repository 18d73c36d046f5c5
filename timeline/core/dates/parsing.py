"""Text a person types → :class:`HistoricalDate` or :class:`Interval`.

Fast exact paths come first: EDTF, then English forms that historians write (``44 BC``,
``c. 1450``, ``15 March 44 BC``, ``the 1960s``, ``spring 2001``, ``29–30 November 2022``), then
words relative to a reference day (``yesterday``, ``last Tuesday``). Only what is left goes to
python-dateutil, which is slow and knows no BC. Every failure is a :class:`DateError`.

Nothing is guessed: a numeric date whose day and month could be swapped (``09/07/2009``) is
refused unless :class:`Reading` says which comes first, a two-digit year (``Mar-46``,
``09/07/09``) unless it names the century, and a date without a year that the reference day
would have to complete (``Jan-12``) in free forms. ``before 400 BC``, ``after 13 Feb 858`` and
``858 after 13 Feb 858`` are EDTF sets (one date, earlier or later, or within a range); so is
``between X and Y`` where :class:`Reading` says the text is one event's single date. A date
marked ``O.S.``, ``(Julian)`` or ``Julian`` is on the Julian calendar and is converted to the
proleptic Gregorian day it was.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date as _date

from timeline.core.dates.calendar import (
    MONTH_NAMES,
    MONTH_NUMBERS,
    SEASON_CODES,
    WEEKDAY_NAMES,
    civil_from_day_number,
    day_number,
    julian_day_number,
    weekday,
)
from timeline.core.dates.dates import DateError, HistoricalDate, Interval, OpenEnd, Precision, Temporal
from timeline.core.dates.edtf import NotEdtfError, looks_like_edtf, read_edtf
from timeline.core.dates.sets import DateSet, one_of_range

MAX_INPUT_LENGTH = 200

_MONTH = r"(?P<month>" + "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True)) + r")\.?"
_ERA_BC = r"(?:bce|bc|b\.c\.e\.|b\.c\.|b\.c)"
_ERA_AD = r"(?:ce|ad|a\.d\.|c\.e\.)"
_YEAR = (
    rf"(?:{_ERA_AD}\s*)?(?P<year>-?\d{{1,3}}(?:,\d{{3}})+|-?\d+)"
    rf"(?:\s*(?P<era>{_ERA_BC}|{_ERA_AD}))?"
)
_TIME = (
    r"(?:,?\s*(?:at\s+)?(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"\s*(?P<ampm>am|pm|a\.m\.|p\.m\.)?\s*(?P<zone>utc|gmt|z|[+-]\d{2}:?\d{2})?)?"
)
_ORDINAL = r"(?:st|nd|rd|th)?"

_YEAR_ONLY = re.compile(_YEAR)
_DAY_MONTH_YEAR = re.compile(rf"(?P<day>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}{_TIME}")
_MONTH_DAY_YEAR = re.compile(rf"{_MONTH}\s+(?P<day>\d{{1,2}}){_ORDINAL},?\s+{_YEAR}{_TIME}")
_MONTH_YEAR = re.compile(rf"{_MONTH},?\s+(?:of\s+)?{_YEAR}")
_DAY_MONTH = re.compile(rf"(?P<day>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?{_MONTH}")
_MONTH_DAY = re.compile(rf"{_MONTH}\s+(?P<day>\d{{1,2}}){_ORDINAL}")
_MONTH_ONLY = re.compile(_MONTH)
_SEASON = re.compile(rf"(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?{_YEAR}")
_DECADE = re.compile(r"(?:the\s+)?(?P<year>\d{1,3}(?:,\d{3})+|\d+)0'?s(?P<decade>\s*\(decade\))?")
_ORDINAL_SPAN = re.compile(
    rf"(?:the\s+)?(?P<number>\d+){_ORDINAL}\s+(?P<unit>century|millennium)(?:\s+(?P<era>{_ERA_BC}|{_ERA_AD}))?"
)
_DAY_RANGE = re.compile(
    rf"(?P<first>\d{{1,2}}){_ORDINAL}\s*(?:[-–—]|to)\s*(?P<day>\d{{1,2}}){_ORDINAL}\s+{_MONTH},?\s+{_YEAR}"
)
_YEAR_RANGE = re.compile(r"(?P<first>\d{3,4})-(?P<last>\d{3,4})")
_INTERVAL = re.compile(
    r"(?:from\s+|between\s+)?(?P<start>.+?)(?:\s+(?:to|until|till|and)\s+|\s+[-–—]\s+|\s*[–—]\s*)(?P<end>.+)"
)
_PREFIX_APPROXIMATE = re.compile(
    r"(?:approximately|approx\.|approx|circa|around|roughly|about|early|late|mid-|mid|ca\.|ca|c\.|c)\s*"
)
_NUMERIC = re.compile(r"(?P<a>\d{1,4})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{1,4})")
_TWO_DIGIT_MONTH_YEAR = re.compile(rf"{_MONTH}\s*[-/'’]\s*(?P<yy>\d{{2}})")
_DAY_MONTH_TWO_DIGIT_YEAR = re.compile(rf"(?P<day>\d{{1,2}})[-/ ]{_MONTH}[-/ ](?P<yy>\d{{2}})")
_BOUNDED = re.compile(r"(?P<year>\d{1,4})\s+(?P<side>before|after)\s+(?P<date>.+)")
_JULIAN = re.compile(r"(?P<date>.+?)\s*(?:\(julian\)|\(o\.\s?s\.\)|o\.\s?s\.|old style|julian)")
_RELATIVE_DAY = re.compile(
    r"(?:on\s+)?(?:(?P<which>last|next|this)\s+)?(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|(?P<word>today|yesterday|tomorrow)"
)


@dataclass(frozen=True, slots=True)
class Reading:
    """How to read what a date alone does not say, as the user chose it for a file.

    ``day_first`` is True for ``09/07/2009`` as 9 July, False for 7 September, None to refuse
    an ambiguous numeric date. ``century`` (e.g. 1900) completes two-digit years; None refuses
    them. ``single_date`` reads ``between X and Y`` as one date in that range (a list's date
    column) rather than as a span.
    """

    day_first: bool | None = None
    century: int | None = None
    single_date: bool = False


_DEFAULT_READING = Reading()


def parse(text: str, reference: HistoricalDate | None = None, reading: Reading | None = None) -> Temporal:
    """Read a date or an interval written by a person.

    ``reference`` is the day that relative words (``yesterday``, ``July``) are read against;
    it defaults to today. ``reading`` settles what the text leaves open (see :class:`Reading`).
    """
    if not isinstance(text, str):
        raise DateError("a date must be given as text")
    stripped = " ".join(text.split())
    if not stripped:
        raise DateError("no date was given")
    if len(stripped) > MAX_INPUT_LENGTH:
        raise DateError(f"a date is at most {MAX_INPUT_LENGTH} characters long")
    try:
        return _parse(stripped, reference, reading or _DEFAULT_READING)
    except DateError as error:
        raise DateError(f"{stripped!r}: {error}") from None
    except (ValueError, OverflowError, IndexError) as error:
        raise DateError(f"{stripped!r}: not a date ({error})") from None


def parse_date(text: str, reference: HistoricalDate | None = None) -> HistoricalDate:
    """Like :func:`parse`, for places where only a single date makes sense."""
    value = parse(text, reference)
    if isinstance(value, Interval):
        raise DateError(f"{text.strip()!r}: expected one date, not an interval")
    return value


def _parse(text: str, reference: HistoricalDate | None, reading: Reading) -> Temporal:
    if looks_like_edtf(text) and any(c.isdigit() for c in text) and _NUMERIC.fullmatch(text) is None:
        try:
            return read_edtf(text)
        except NotEdtfError:
            pass
    lowered = text.lower()
    julian = _JULIAN.fullmatch(lowered)
    if julian:
        return _julian(julian["date"], reference, reading)
    bounded = _bounded(lowered, reference, reading)
    if bounded is not None:
        return bounded
    if reading.single_date and lowered.startswith("between ") and " and " in lowered:
        first, _, last = lowered[8:].partition(" and ")
        end = _parse_single(last, reference, reading)
        return one_of_range(_range_start(first, end, reference, reading), end)
    return _parse_interval(lowered, reference, reading) or _parse_single(lowered, reference, reading)


def _range_start(
    first: str, end: HistoricalDate, reference: HistoricalDate | None, reading: Reading
) -> HistoricalDate:
    """``between 25 and 26 June 1381``, ``between 25 Jun and 26 Jun 1381``: the start takes what it
    leaves out (month, year) from the end, never from the reference day."""
    if re.fullmatch(r"\d{1,2}", first) and end.precision == Precision.DAY:
        assert end.month is not None
        return HistoricalDate.of_day(end.year, end.month, int(first))
    if re.search(r"\d{3}|bc|ad|ce", first) is None and re.search(r"[a-z]", first):
        year_text = _display_year(end.year)
        return _parse_single(f"{first} {year_text}", reference, reading)
    return _parse_single(first, reference, reading)


def _display_year(year: int) -> str:
    return f"{1 - year} bc" if year <= 0 else str(year)


def _bounded(text: str, reference: HistoricalDate | None, reading: Reading) -> DateSet | None:
    """``before 400 BC``, ``after 13 Feb 858``, ``858 after 13 Feb 858`` (within that year)."""
    for word, earlier in (("before ", True), ("after ", False)):
        if text.startswith(word):
            date = _parse_single(text[len(word) :], reference, reading)
            return DateSet.of((date,), earlier=earlier, later=not earlier)
    match = _BOUNDED.fullmatch(text)
    if match is None:
        return None
    year = int(match["year"])
    date = _parse_single(match["date"], reference, reading)
    if date.year != year:
        raise DateError(f"{match['date']!r} is not in the year {year}")
    if match["side"] == "after":
        return one_of_range(date, _last_day_of(year, date))
    return one_of_range(
        HistoricalDate.of_day(year, 1, 1)
        if date.precision >= Precision.DAY
        else HistoricalDate.of_month(year, 1),
        date,
    )


def _last_day_of(year: int, date: HistoricalDate) -> HistoricalDate:
    if date.precision >= Precision.DAY:
        return HistoricalDate.of_day(year, 12, 31)
    return HistoricalDate.of_month(year, 12)


def names_julian_calendar(text: str) -> bool:
    """Whether a date is marked as written on the Julian calendar (``O.S.``, ``(Julian)``)."""
    return _JULIAN.fullmatch(" ".join(text.lower().split())) is not None


def julian_to_gregorian(date: HistoricalDate) -> HistoricalDate:
    """A day (or time) written on the Julian calendar as the proleptic Gregorian date it was.

    A year or month on the Julian calendar is kept as it is: its days differ only at its edges.
    """
    if date.precision < Precision.DAY:
        return date
    assert date.month is not None and date.day is not None
    return _julian_day(date, date.day)


def _julian_day(date: HistoricalDate, day_of_month: int) -> HistoricalDate:
    year, month, day = civil_from_day_number(julian_day_number(date.year, date.month or 1, day_of_month))
    return dataclasses.replace(date, year=year, month=month, day=day)


def _julian(text: str, reference: HistoricalDate | None, reading: Reading) -> HistoricalDate:
    """A Julian date; 29 February of a year that is leap only on the Julian calendar (1500, 1700)
    is read as the day after 28 February."""
    leap_day = re.fullmatch(rf"29\s+{_MONTH}\s+(?P<rest>.+)", text)
    if leap_day and MONTH_NUMBERS[leap_day["month"]] == 2:
        day_before = _parse_single(f"28 february {leap_day['rest']}", reference, reading)
        if day_before.year % 4 == 0:
            return _julian_day(day_before, 29)
    return julian_to_gregorian(_parse_single(text, reference, reading))


def _parse_interval(text: str, reference: HistoricalDate | None, reading: Reading) -> Interval | None:
    if text.startswith("since "):
        return Interval(_parse_single(text[6:], reference, reading), OpenEnd.OPEN)
    if text.startswith(("until ", "till ")):
        return Interval(OpenEnd.OPEN, _parse_single(text.split(" ", 1)[1], reference, reading))
    match = _DAY_RANGE.fullmatch(text)
    if match:
        month, year = MONTH_NUMBERS[match["month"]], _year(match)
        return Interval(
            HistoricalDate.of_day(year, month, int(match["first"])),
            HistoricalDate.of_day(year, month, int(match["day"])),
        )
    match = _YEAR_RANGE.fullmatch(text)
    if match:
        return Interval(
            HistoricalDate.of_year(int(match["first"])), HistoricalDate.of_year(int(match["last"]))
        )
    match = _INTERVAL.fullmatch(text)
    if match is None:
        return None
    if text.startswith("between ") != (" and " in text):
        return None
    end = _parse_end(match["end"], reference, reading)
    if text.startswith("between ") and isinstance(end, HistoricalDate):
        return Interval(_range_start(match["start"], end, reference, reading), end)
    return Interval(_parse_end(match["start"], reference, reading), end)


def _parse_end(text: str, reference: HistoricalDate | None, reading: Reading) -> HistoricalDate | OpenEnd:
    if text in ("unknown", "?"):
        return OpenEnd.UNKNOWN
    if text in ("..", "now", "present", "ongoing", "today"):
        return OpenEnd.OPEN
    return _parse_single(text, reference, reading)


def _parse_single(
    text: str, reference: HistoricalDate | None, reading: Reading = _DEFAULT_READING
) -> HistoricalDate:
    approximate = uncertain = False
    if text.endswith(("?", "%")):
        uncertain = True
        approximate = text.endswith("%")
        text = text[:-1].rstrip()
    if text.endswith("~"):
        approximate = True
        text = text[:-1].rstrip()
    match = _PREFIX_APPROXIMATE.match(text)
    if match and match.end() < len(text) and (text[match.end() - 1] in " .-"):
        approximate = True
        text = text[match.end() :]
    if not text:
        raise DateError("no date was given")
    value = _numeric_form(text, reading) or _exact_form(text, reference)
    if value is None:
        value = _free_form(text, reference, reading)
    if approximate or uncertain:
        return _with_qualifiers(value, approximate, uncertain)
    return value


def _numeric_form(text: str, reading: Reading) -> HistoricalDate | None:
    """``13/07/2009``, ``7.9.2009``, ``2009/07/09``, ``Mar-46``, ``12-Jan-09``: nothing swapped or
    completed silently."""
    match = _TWO_DIGIT_MONTH_YEAR.fullmatch(text)
    if match:
        return HistoricalDate.of_month(_full_year(match["yy"], reading), MONTH_NUMBERS[match["month"]])
    match = _DAY_MONTH_TWO_DIGIT_YEAR.fullmatch(text)
    if match:
        year = _full_year(match["yy"], reading)
        return HistoricalDate.of_day(year, MONTH_NUMBERS[match["month"]], int(match["day"]))
    match = _NUMERIC.fullmatch(text)
    if match is None:
        return None
    a, b, c = match["a"], match["b"], match["c"]
    if len(a) >= 3:
        if len(c) > 2:
            raise DateError("a date starting with the year has a month and a day after it")
        return HistoricalDate.of_day(int(a), int(b), int(c))
    year = _full_year(c, reading) if len(c) <= 2 else int(c)
    first, second = int(a), int(b)
    if first > 12 and second > 12:
        raise DateError("neither number is a month")
    if first > 12 or (first == second):
        day_first = True
    elif second > 12:
        day_first = False
    elif reading.day_first is None:
        raise DateError(
            f"is this {first} {MONTH_NAMES[second - 1]} or {second} {MONTH_NAMES[first - 1]}? "
            "choose day first or month first"
        )
    else:
        day_first = reading.day_first
    day, month = (first, second) if day_first else (second, first)
    if reading.day_first is not None and reading.day_first != day_first:
        raise DateError(f"{text} cannot be read {'day' if reading.day_first else 'month'} first")
    return HistoricalDate.of_day(year, month, day)


def _full_year(digits: str, reading: Reading) -> int:
    if reading.century is None:
        raise DateError(f"the year {digits!r} has two digits; give the century (e.g. 1900 or 2000)")
    return reading.century + int(digits)


def _with_qualifiers(value: HistoricalDate, approximate: bool, uncertain: bool) -> HistoricalDate:
    return dataclasses.replace(
        value, approximate=approximate or value.approximate, uncertain=uncertain or value.uncertain
    )


def _exact_form(text: str, reference: HistoricalDate | None) -> HistoricalDate | None:
    if looks_like_edtf(text.upper()) and any(c.isdigit() for c in text):
        try:
            value = read_edtf(text.upper())
        except NotEdtfError:
            value = None
        if isinstance(value, HistoricalDate):
            return value
    match = _YEAR_ONLY.fullmatch(text)
    if match:
        return HistoricalDate.of_year(_year(match))
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        match = pattern.fullmatch(text)
        if match:
            return _day_with_time(match)
    match = _MONTH_YEAR.fullmatch(text)
    if match:
        return HistoricalDate.of_month(_year(match), MONTH_NUMBERS[match["month"]])
    match = _SEASON.fullmatch(text)
    if match:
        return HistoricalDate(_year(match), season=SEASON_CODES[match["season"]], precision=Precision.SEASON)
    match = _DECADE.fullmatch(text)
    if match:
        return _decade_or_century(match)
    match = _ORDINAL_SPAN.fullmatch(text)
    if match:
        return _ordinal_span(match)
    return _relative_to_reference(text, reference)


def _year(match: re.Match[str]) -> int:
    number = int(match["year"].replace(",", ""))
    era = (match["era"] or "").replace(".", "")
    if era in ("bc", "bce"):
        if number <= 0:
            raise DateError("a year BC is counted from 1 (1 BC is followed by AD 1)")
        return 1 - number
    if era and number <= 0:
        raise DateError("a year AD is counted from 1")
    return number


def _day_with_time(match: re.Match[str]) -> HistoricalDate:
    year, month, day = _year(match), MONTH_NUMBERS[match["month"]], int(match["day"])
    if match["hour"] is None:
        return HistoricalDate.of_day(year, month, day)
    hour = int(match["hour"])
    ampm = (match["ampm"] or "").replace(".", "")
    if ampm:
        if not 1 <= hour <= 12:
            raise DateError(f"hour {hour} does not exist on a 12-hour clock")
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    second = match["second"]
    zone = match["zone"]
    offset = None
    if zone in ("utc", "gmt", "z"):
        offset = 0
    elif zone:
        digits = zone[1:].replace(":", "")
        offset = (-1 if zone[0] == "-" else 1) * (int(digits[:2]) * 60 + int(digits[2:]))
    return HistoricalDate(
        year,
        month,
        day,
        hour,
        int(match["minute"]),
        None if second is None else int(second),
        precision=Precision.MINUTE if second is None else Precision.SECOND,
        utc_offset=offset,
    )


def _decade_or_century(match: re.Match[str]) -> HistoricalDate:
    year = int(match["year"].replace(",", "")) * 10
    if year % 100 == 0 and not match["decade"] and year > 0:
        return HistoricalDate(year, precision=Precision.CENTURY)
    return HistoricalDate(year, precision=Precision.DECADE)


def _ordinal_span(match: re.Match[str]) -> HistoricalDate:
    number = int(match["number"])
    if number == 0:
        raise DateError("centuries and millennia are counted from 1")
    size = 100 if match["unit"] == "century" else 1000
    precision = Precision.CENTURY if size == 100 else Precision.MILLENNIUM
    if (match["era"] or "").replace(".", "") in ("bc", "bce"):
        if number == 1:
            raise DateError(f"write the first {match['unit']} BC as an interval, e.g. 100 BC – 1 BC")
        return HistoricalDate(-(number - 1) * size, precision=precision)
    return HistoricalDate((number - 1) * size, precision=precision)


def _reference_day(reference: HistoricalDate | None) -> tuple[int, int, int]:
    if reference is None:
        today = _date.today()
        return today.year, today.month, today.day
    return reference.year, reference.month or 1, reference.day or 1


def _relative_to_reference(text: str, reference: HistoricalDate | None) -> HistoricalDate | None:
    """Words that need a reference day: weekdays, yesterday, a month or day without a year."""
    year, month, day = _reference_day(reference)
    match = _RELATIVE_DAY.fullmatch(text)
    if match:
        today = day_number(year, month, day)
        if match["word"]:
            offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[match["word"]]
            return HistoricalDate.of_day(*civil_from_day_number(today + offset))
        target = WEEKDAY_NAMES.index(match["weekday"])
        back = (weekday(today) - target) % 7
        if match["which"] == "next":
            days = today + ((target - weekday(today)) % 7 or 7)
        elif match["which"] == "last":
            days = today - (back or 7)
        else:
            days = today - back
        return HistoricalDate.of_day(*civil_from_day_number(days))
    match = _DAY_MONTH.fullmatch(text) or _MONTH_DAY.fullmatch(text)
    if match:
        named = MONTH_NUMBERS[match["month"]]
        day_given = int(match["day"])
        later = (named, day_given) > (month, day)
        return HistoricalDate.of_day(year - 1 if later else year, named, day_given)
    match = _MONTH_ONLY.fullmatch(text)
    if match:
        named = MONTH_NUMBERS[match["month"]]
        return HistoricalDate.of_month(year - 1 if named > month else year, named)
    return None


def _free_form(
    text: str, reference: HistoricalDate | None, reading: Reading = _DEFAULT_READING
) -> HistoricalDate:
    """Anything else, through python-dateutil (imported only when needed: it is slow to load)."""
    if not any(c.isdigit() for c in text) and not any(m in text for m in MONTH_NUMBERS):
        raise DateError("not a date (try e.g. 24 February 2022, July 2023, 44 BC or c. 1450)")
    from datetime import datetime

    from dateutil import parser as date_parser

    first = datetime(2001, 1, 1, 0, 0, 0)
    second = datetime(2002, 2, 2, 1, 1, 1)
    try:
        one = date_parser.parse(text, default=first)
        two = date_parser.parse(text, default=second)
    except (date_parser.ParserError, ValueError, OverflowError) as error:
        raise DateError(_dateutil_reason(error)) from None
    given = {
        name: getattr(one, name) == getattr(two, name)
        for name in ("year", "month", "day", "hour", "minute", "second")
    }
    if not given["month"] and not given["year"]:
        raise DateError("not a date (try e.g. 24 February 2022, July 2023, 44 BC or c. 1450)")
    if not given["year"]:
        raise DateError("no year is given (write e.g. 12 January 2024)")
    year = one.year
    if re.search(r"\d{3}", text) is None:
        year = _full_year(f"{one.year % 100:02d}", reading)
    if not given["month"]:
        return HistoricalDate.of_year(year)
    if not given["day"]:
        return HistoricalDate.of_month(year, one.month)
    if not given["hour"] and not given["minute"]:
        return HistoricalDate.of_day(year, one.month, one.day)
    if given["second"] and one.second:
        return HistoricalDate(
            year, one.month, one.day, one.hour, one.minute, one.second, precision=Precision.SECOND
        )
    return HistoricalDate(year, one.month, one.day, one.hour, one.minute, precision=Precision.MINUTE)


def _dateutil_reason(error: Exception) -> str:
    message = str(error)
    if "day is out of range" in message:
        return "that month has no such day"
    if "month must be" in message:
        return "that month does not exist (months run from 1 to 12)"
    return "not a date (try e.g. 24 February 2022, July 2023, 44 BC or c. 1450)"
