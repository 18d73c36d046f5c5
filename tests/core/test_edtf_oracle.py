"""Our EDTF reader agrees with the ``edtf`` package wherever that package can answer."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from timeline.core.dates.calendar import is_leap_year
from timeline.core.dates.dates import DateError, first_and_last_day
from timeline.core.dates.edtf import read_edtf

edtf = pytest.importorskip("edtf")


def oracle_days(text: str) -> tuple[str, str]:
    value = edtf.parse_edtf(text)
    low, high = value.lower_strict(), value.upper_strict()
    return (
        f"{low.tm_year:04d}-{low.tm_mon:02d}-{low.tm_mday:02d}",
        f"{high.tm_year:04d}-{high.tm_mon:02d}-{high.tm_mday:02d}",
    )


@pytest.mark.parametrize(
    "text",
    [
        "2022-02-24",
        "2023-07",
        "2008~",
        "1450?",
        "1985-04-12%",
        "199X",
        "19XX",
        "2001-21",
        "2001-22",
        "2001-23",
        "2004-06/2006-08",
        "1985-04-XX",
        "1985-XX-XX",
        "2004-06~/2006-08?",
        "2000-02",
    ],
)
def test_bounds_agree_with_the_edtf_package(text: str) -> None:
    ours = read_edtf(text)
    assert first_and_last_day(ours.earliest, ours.latest) == oracle_days(text)


@given(st.from_regex(r"[12][0-9]{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?[~?%]?", fullmatch=True))
@settings(max_examples=200)
@example("1000-02-29")
@example("2000-02-29")
def test_validity_and_bounds_agree_on_generated_dates(text: str) -> None:
    try:
        ours = read_edtf(text)
    except DateError:
        if text[4:10].startswith("-02-29"):
            # The package accepts 29 February in any year (1001-02-29 too); we follow the calendar.
            assert not is_leap_year(int(text[:4]))
            return
        with pytest.raises(Exception):  # noqa: B017, PT011 - the package raises its own types
            edtf.parse_edtf(text)
        return
    assert first_and_last_day(ours.earliest, ours.latest) == oracle_days(text)
