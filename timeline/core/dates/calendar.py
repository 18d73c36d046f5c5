"""Day arithmetic on the proleptic Gregorian calendar for any integer year.

Years are astronomical (1 BC = 0, 44 BC = -43). Day numbers count from 1970-01-01 = 0, so
they are plain integers that SQLite can index and that stay exact far outside
``datetime``'s 1-9999.
"""

from __future__ import annotations

SECONDS_PER_DAY = 86_400
_DAYS_BEFORE_MONTH_FROM_MARCH = 719_468  # days from 0000-03-01 to 1970-01-01

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTH_NUMBERS = {name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)}
MONTH_NUMBERS |= {name[:3].lower(): number for name, number in list(MONTH_NUMBERS.items())} | {"sept": 9}
"""Month names as written in English, full or shortened, lower case → 1…12."""
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
"""In the order of :func:`weekday` (Monday is 0)."""
SEASON_CODES = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}
"""Season names → EDTF season codes (northern hemisphere)."""
SEASON_FIRST_MONTH = {21: 3, 22: 6, 23: 9, 24: 12}


def is_leap_year(year: int) -> bool:
    """Leap years of the proleptic Gregorian calendar; year 0 (1 BC) is one."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if is_leap_year(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def day_number(year: int, month: int, day: int) -> int:
    """Days from 1970-01-01 to the given date (negative before it)."""
    shifted_year = year - (1 if month <= 2 else 0)
    era = shifted_year // 400
    year_of_era = shifted_year - era * 400
    month_from_march = (month + 9) % 12
    day_of_year = (153 * month_from_march + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * 146_097 + day_of_era - _DAYS_BEFORE_MONTH_FROM_MARCH


def julian_day_number(year: int, month: int, day: int) -> int:
    """Days from 1970-01-01 (Gregorian) to a date written on the Julian calendar.

    The Julian calendar has a leap year every fourth year (year 0, 1 BC, included), so 5 March
    1600 (Julian) is 15 March 1600 (Gregorian), and 4 October 1582 (Julian), the last day before
    the reform, is 14 October 1582 (Gregorian).
    """
    shifted_year = year - (1 if month <= 2 else 0)
    cycle = shifted_year // 4
    year_of_cycle = shifted_year - cycle * 4
    month_from_march = (month + 9) % 12
    day_of_year = (153 * month_from_march + 2) // 5 + day - 1
    # 1 March of year 0 is two days earlier on the Gregorian calendar than on the Julian one.
    days = cycle * 1461 + year_of_cycle * 365 + day_of_year
    return days - _DAYS_BEFORE_MONTH_FROM_MARCH - 2


def julian_from_day_number(days: int) -> tuple[int, int, int]:
    """The (year, month, day) on the Julian calendar of a day number; the inverse of
    :func:`julian_day_number`."""
    shifted = days + _DAYS_BEFORE_MONTH_FROM_MARCH + 2
    cycle, rest = divmod(shifted, 1461)
    year_of_cycle = min(rest // 365, 3)
    day_of_year = rest - year_of_cycle * 365
    month_from_march = (5 * day_of_year + 2) // 153
    day = day_of_year - (153 * month_from_march + 2) // 5 + 1
    month = month_from_march + 3 if month_from_march < 10 else month_from_march - 9
    return cycle * 4 + year_of_cycle + (1 if month <= 2 else 0), month, day


def civil_from_day_number(days: int) -> tuple[int, int, int]:
    """The (year, month, day) of a day number; the inverse of :func:`day_number`."""
    shifted = days + _DAYS_BEFORE_MONTH_FROM_MARCH
    era = shifted // 146_097
    day_of_era = shifted - era * 146_097
    year_of_era = (day_of_era - day_of_era // 1460 + day_of_era // 36_524 - day_of_era // 146_096) // 365
    day_of_year = day_of_era - (365 * year_of_era + year_of_era // 4 - year_of_era // 100)
    month_from_march = (5 * day_of_year + 2) // 153
    day = day_of_year - (153 * month_from_march + 2) // 5 + 1
    month = month_from_march + 3 if month_from_march < 10 else month_from_march - 9
    year = year_of_era + era * 400 + (1 if month <= 2 else 0)
    return year, month, day


def weekday(days: int) -> int:
    """Monday = 0 … Sunday = 6, like ``datetime.date.weekday``."""
    return (days + 3) % 7
