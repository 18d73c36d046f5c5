"""EDTF (ISO 8601-2) levels 0 and 1, and level 2 sets, read into :class:`HistoricalDate`,
:class:`Interval` and :class:`~timeline.core.dates.sets.DateSet`.

A compiled regular expression reads a few hundred thousand dates a second; the ``edtf``
package's grammar reads a few hundred, and its bounds stop at Python's ``struct_time``.
The tests check this reader against that package.
"""

from __future__ import annotations

import re

from timeline.core.dates.dates import DateError, HistoricalDate, Interval, OpenEnd, Precision

_DATE = re.compile(
    r"""
    (?P<year>Y-?[0-9]+(?:E[0-9]+)?X*|-?[0-9X]{4})
    (?:-(?P<month>[0-9]{2}|XX)
      (?:-(?P<day>[0-9]{2}|XX)
        (?:[T\x20](?P<hour>[0-9]{2}):(?P<minute>[0-9]{2})(?::(?P<second>[0-9]{2}))?
          (?P<zone>Z|[+-][0-9]{2}(?::?[0-9]{2})?)?
        )?
      )?
    )?
    (?P<qualifier>[~?%])?
    """,
    re.VERBOSE,
)


class NotEdtfError(DateError):
    """The text does not have the shape of EDTF (as opposed to an EDTF date that cannot be)."""


_EDTF_CHARACTERS = frozenset("0123456789-XYE:T~?%/.+Z []{},")

_SPAN_PRECISION = {1: Precision.DECADE, 2: Precision.CENTURY, 3: Precision.MILLENNIUM}


def looks_like_edtf(text: str) -> bool:
    """True for text made only of characters EDTF uses (so no English words)."""
    return bool(text) and _EDTF_CHARACTERS.issuperset(text)


def read_edtf(text: str) -> HistoricalDate | Interval:
    """Read one EDTF date or interval; raise :class:`DateError` if it is not valid EDTF."""
    if "/" in text:
        start_text, _, end_text = text.partition("/")
        if "/" in end_text:
            raise NotEdtfError("an interval has one '/' between its start and end")
        return Interval(_read_end(start_text), _read_end(end_text))
    return read_edtf_date(text)


def _read_end(text: str) -> HistoricalDate | OpenEnd:
    if text == "..":
        return OpenEnd.OPEN
    if text == "":
        return OpenEnd.UNKNOWN
    return read_edtf_date(text)


def read_edtf_date(text: str) -> HistoricalDate:
    if text[:1] in ("[", "{"):
        return _read_set(text)
    match = _DATE.fullmatch(text)
    if match is None:
        raise NotEdtfError("this is not an EDTF date (examples: 2023-07, 1450~, -0043-03-15)")
    parts = match.groupdict()
    year, unspecified = _read_year(parts["year"])
    qualifier = parts["qualifier"]
    qualifiers = {
        "approximate": qualifier in ("~", "%"),
        "uncertain": qualifier in ("?", "%"),
    }
    month_text, day_text = parts["month"], parts["day"]
    if unspecified:
        if month_text not in (None, "XX") or day_text not in (None, "XX"):
            raise DateError("a year with unspecified digits (X) cannot have a month or day")
        return HistoricalDate(year, precision=_SPAN_PRECISION[unspecified], **qualifiers)
    if month_text is None or month_text == "XX":
        if day_text not in (None, "XX"):
            raise DateError("a day cannot be given when the month is unspecified (XX)")
        return HistoricalDate(year, precision=Precision.YEAR, **qualifiers)
    month = int(month_text)
    if 21 <= month <= 24:
        if day_text is not None:
            raise DateError("a season (21–24) cannot have a day")
        return HistoricalDate(year, season=month, precision=Precision.SEASON, **qualifiers)
    if month > 12 or month == 0:
        raise DateError(f"month {month} does not exist (months run from 01 to 12)")
    if day_text is None or day_text == "XX":
        return HistoricalDate(year, month, precision=Precision.MONTH, **qualifiers)
    day = int(day_text)
    if parts["hour"] is None:
        return HistoricalDate(year, month, day, precision=Precision.DAY, **qualifiers)
    second = parts["second"]
    return HistoricalDate(
        year,
        month,
        day,
        int(parts["hour"]),
        int(parts["minute"]),
        None if second is None else int(second),
        precision=Precision.MINUTE if second is None else Precision.SECOND,
        utc_offset=_read_zone(parts["zone"]),
        **qualifiers,
    )


def _read_year(text: str) -> tuple[int, int]:
    """The year and how many trailing digits were unspecified (X)."""
    body = text.removeprefix("Y")
    digits = body.lstrip("-")
    unspecified = len(digits) - len(digits.rstrip("X"))
    if "X" in digits.rstrip("X"):
        raise DateError("only the last digits of a year can be unspecified (X)")
    if unspecified > 3:
        raise DateError("a year needs at least one known digit")
    negative = body.startswith("-")
    known = digits.rstrip("X")
    if "E" in known:
        mantissa, _, exponent = known.partition("E")
        value = int(mantissa) * 10 ** int(exponent)
    else:
        value = int(known + "0" * unspecified)
    if text.startswith("Y") and "E" not in known and len(digits) <= 4:
        raise DateError("the Y prefix is for years of more than four digits")
    if negative and value == 0:
        raise DateError("year zero has no minus sign (it is 0000, 1 BC)")
    return (-value if negative else value), unspecified


def _read_zone(zone: str | None) -> int | None:
    if zone is None:
        return None
    if zone == "Z":
        return 0
    sign = -1 if zone[0] == "-" else 1
    digits = zone[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    if hours > 23 or minutes > 59:
        raise DateError(f"time zone {zone} does not exist")
    return sign * (hours * 60 + minutes)


def _read_set(text: str) -> HistoricalDate:
    """``[1667, 1668, 1670..1672]``, ``[..1760-12-03]``, ``[1760-12..]``, ``{1667, 1668}``."""
    from timeline.core.dates.sets import DateSet, SetMember

    closing = "]" if text[0] == "[" else "}"
    if not text.endswith(closing) or len(text) < 3:
        raise NotEdtfError(f"a set opened with {text[0]} ends with {closing}")
    body = text[1:-1].strip()
    earlier, later = body.startswith(".."), body.endswith("..") and len(body) > 2
    body = body.removeprefix("..") if earlier else body
    body = body.removesuffix("..") if later else body
    members: list[SetMember] = []
    for item in body.split(","):
        item = item.strip()
        if not item or item[0] in "[{":
            raise NotEdtfError("a set holds dates and ranges separated by commas")
        first, dots, last = item.partition("..")
        if dots:
            start, end = read_edtf_date(first.strip()), read_edtf_date(last.strip())
            members.append(Interval(start, end))
        else:
            members.append(read_edtf_date(item))
    return DateSet.of(tuple(members), all_of=text[0] == "{", earlier=earlier, later=later)
