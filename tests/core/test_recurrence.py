"""Repeat rules said in words."""

from __future__ import annotations

import pytest

from timeline.core.recurrence import describe_recurrence


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        ("RRULE:FREQ=WEEKLY;COUNT=10;BYDAY=TU", "every week on Tuesday, 10 times"),
        ("RRULE:FREQ=YEARLY", "every year"),
        ("RRULE:FREQ=MONTHLY;INTERVAL=3;UNTIL=20241231T000000Z", "every 3 months, until 2024-12-31"),
        ("RRULE:FREQ=DAILY\nEXDATE:20230718T073000Z", "every day; except 1 date"),
        ("RDATE:20230801T100000Z,20230901T100000Z", "also on 2 other dates"),
        ("RRULE:FREQ=SOMETIMES", "FREQ=SOMETIMES"),
    ],
)
def test_rules_in_words(rule: str, words: str) -> None:
    assert describe_recurrence(rule) == words
