"""EDTF level 2 sets: one of several dates (``[1981, 1982]``) or all of them (``{1667, 1668}``).

Historians' lists write doubt that is not a span: ``before 400 BC``, ``after 13 Feb 858``,
``between 25 and 26 June 1381`` (one day, not known which). These are kept as EDTF sets, whose
text is the truth in the file: ``[..-0399]`` (400 BC or earlier), ``[0858-02-13..]`` (that day or
later), ``[1381-06-25..1381-06-26]`` (one day in that range).

A :class:`DateSet` is a :class:`HistoricalDate` so that everything that places, sorts or draws a
date takes it as it is: its own fields are those of its first member, and its bounds are the hull
of its members. An open side (``..`` before the first or after the last member) does not widen
the bounds: ``before 400 BC`` is drawn at 400 BC, and says ``before`` in its label.
"""

from __future__ import annotations

from dataclasses import dataclass

from timeline.core.dates.dates import DateError, HistoricalDate, Interval

SetMember = HistoricalDate | Interval
"""A date, or a range ``a..b`` of dates (an :class:`Interval` of two dates)."""


@dataclass(frozen=True, slots=True)
class DateSet(HistoricalDate):
    """One of (``all_of`` false, EDTF ``[…]``) or all of (``{…}``) the member dates."""

    members: tuple[SetMember, ...] = ()
    all_of: bool = False
    earlier: bool = False
    """``..`` before the first member: that date or an earlier one."""
    later: bool = False
    """``..`` after the last member: that date or a later one."""

    @classmethod
    def of(
        cls,
        members: tuple[SetMember, ...],
        *,
        all_of: bool = False,
        earlier: bool = False,
        later: bool = False,
    ) -> DateSet:
        if not members:
            raise DateError("a set needs at least one date")
        for member in members:
            if isinstance(member, Interval) and not (
                isinstance(member.start, HistoricalDate) and isinstance(member.end, HistoricalDate)
            ):
                raise DateError("a range in a set needs a date at both ends")
        first = _first_date(members[0])
        return cls(
            first.year,
            first.month,
            first.day,
            first.hour,
            first.minute,
            first.second,
            precision=first.precision,
            season=first.season,
            utc_offset=first.utc_offset,
            uncertain=not all_of
            and (earlier or later or len(members) > 1 or isinstance(members[0], Interval)),
            members=members,
            all_of=all_of,
            earlier=earlier,
            later=later,
        )

    def _bounds(self) -> tuple[int, int]:
        if not self.members:
            return HistoricalDate._bounds(self)
        return min(member.earliest for member in self.members), max(member.latest for member in self.members)

    def edtf(self) -> str:
        inner = ", ".join(_member_edtf(member) for member in self.members)
        if self.earlier:
            inner = ".." + inner
        if self.later:
            inner += ".."
        return "{" + inner + "}" if self.all_of else "[" + inner + "]"

    def display(self) -> str:
        """``before 400 BC``, ``after 13 February 858``, ``1981 or 1982``, ``between … and …``."""
        shown = [_member_display(member) for member in self.members]
        if len(shown) == 1 and isinstance(self.members[0], HistoricalDate):
            if self.earlier and not self.later:
                return f"before {shown[0]}"
            if self.later and not self.earlier:
                return f"after {shown[0]}"
        text = (
            shown[0]
            if len(shown) == 1
            else ", ".join(shown[:-1]) + (" and " if self.all_of else " or ") + shown[-1]
        )
        if self.earlier:
            text = f"{text} or earlier"
        if self.later:
            text = f"{text} or later"
        return text

    def __str__(self) -> str:
        return self.edtf()


def _first_date(member: SetMember) -> HistoricalDate:
    if isinstance(member, Interval):
        assert isinstance(member.start, HistoricalDate)
        return member.start
    return member


def _member_edtf(member: SetMember) -> str:
    if isinstance(member, Interval):
        assert isinstance(member.start, HistoricalDate) and isinstance(member.end, HistoricalDate)
        return f"{member.start.edtf()}..{member.end.edtf()}"
    return member.edtf()


def _member_display(member: SetMember) -> str:
    if isinstance(member, Interval):
        assert isinstance(member.start, HistoricalDate) and isinstance(member.end, HistoricalDate)
        return f"between {member.start.display()} and {member.end.display()}"
    return member.display()


def one_of_range(first: HistoricalDate, last: HistoricalDate) -> DateSet:
    """One date somewhere from ``first`` to ``last``: ``between 25 and 26 June 1381``."""
    return DateSet.of((Interval(first, last),))
