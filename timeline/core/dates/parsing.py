"""Text a person types → :class:`HistoricalDate` or :class:`Interval`.

Fast exact paths come first: EDTF, then English forms that historians write (``44 BC``,
``c. 1450``, ``15 March 44 BC``, ``the 1960s``, ``spring 2001``, ``29–30 November 2022``), then
words relative to a reference day (``yesterday``, ``last Tuesday``). Only what is left goes to
python-dateutil, which is slow and knows no BC. Every failure is a :class:`DateError`.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date as _date

from timeline.core.dates.calendar import (
    MONTH_NUMBERS,
    SEASON_CODES,
    WEEKDAY_NAMES,
    civil_from_day_number,
    day_number,
    weekday,
)
from timeline.core.dates.dates import DateError, HistoricalDate, Interval, OpenEnd, Precision, Temporal
from timeline.core.dates.edtf import NotEdtfError, looks_like_edtf, read_edtf

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
_RELATIVE_DAY = re.compile(
    r"(?:on\s+)?(?:(?P<which>last|next|this)\s+)?(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|(?P<word>today|yesterday|tomorrow)"
)


def parse(text: str, reference: HistoricalDate | None = None) -> Temporal:
    """Read a date or an interval written by a person.

    ``reference`` is the day that relative words (``yesterday``, ``July``) are read against;
    it defaults to today.
    """
    if not isinstance(text, str):
        raise DateError("a date must be given as text")
    stripped = " ".join(text.split())
    if not stripped:
        raise DateError("no date was given")
    if len(stripped) > MAX_INPUT_LENGTH:
        raise DateError(f"a date is at most {MAX_INPUT_LENGTH} characters long")
    try:
        return _parse(stripped, reference)
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


def _parse(text: str, reference: HistoricalDate | None) -> Temporal:
    if looks_like_edtf(text) and any(c.isdigit() for c in text):
        try:
            return read_edtf(text)
        except NotEdtfError:
            pass
    lowered = text.lower()
    return _parse_interval(lowered, reference) or _parse_single(lowered, reference)


def _parse_interval(text: str, reference: HistoricalDate | None) -> Interval | None:
    if text.startswith("since "):
        return Interval(_parse_single(text[6:], reference), OpenEnd.OPEN)
    if text.startswith(("until ", "till ")):
        return Interval(OpenEnd.OPEN, _parse_single(text.split(" ", 1)[1], reference))
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
    return Interval(_parse_end(match["start"], reference), _parse_end(match["end"], reference))


def _parse_end(text: str, reference: HistoricalDate | None) -> HistoricalDate | OpenEnd:
    if text in ("unknown", "?"):
        return OpenEnd.UNKNOWN
    if text in ("..", "now", "present", "ongoing", "today"):
        return OpenEnd.OPEN
    return _parse_single(text, reference)


def _parse_single(text: str, reference: HistoricalDate | None) -> HistoricalDate:
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
    value = _exact_form(text, reference)
    if value is None:
        value = _free_form(text, reference)
    if approximate or uncertain:
        return _with_qualifiers(value, approximate, uncertain)
    return value


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


def _free_form(text: str, reference: HistoricalDate | None) -> HistoricalDate:
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
    year = one.year if given["year"] else _reference_day(reference)[0]
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
