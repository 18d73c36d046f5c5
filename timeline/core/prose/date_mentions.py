"""Give each date expression of a text its value, reading the text in order as a person does.

Three things complete a partial date. The *reference* (the text's own date) settles words such as
``yesterday``, ``last Monday`` and ``next week``. The *narrative date* (the last date with a year
that the text gave in the same paragraph, outside an aside) settles ``In March`` after ``In 2008``.
The *anchor* (the last date read anywhere) settles ``two years later`` and ``the following day``.
Tense decides whether a bare ``February`` is the one before the reference or the one after it.

The narrative date only carries its year to a later sentence when it lies wholly before the
reference (a story being told: ``The war began in 1914. In August, …``). A date still to come, or
the reference's own year, carries it only within its own sentence and never into a past-tense
clause: ``the summit in July 2023`` said in November 2022 does not make ``the war began in
February`` February 2023. Modal verbs (``would``, ``could``) say nothing of when: the other words
of the clause decide its tense.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from timeline.core.dates.calendar import (
    MONTH_NUMBERS,
    SEASON_CODES,
    SEASON_FIRST_MONTH,
    WEEKDAY_NAMES,
    civil_from_day_number,
    day_number,
    weekday,
)
from timeline.core.dates.dates import DateError, HistoricalDate, Interval, OpenEnd, Precision, Temporal
from timeline.core.dates.parsing import parse
from timeline.core.prose.date_patterns import (
    ABSOLUTE,
    ANAPHORIC,
    DEICTIC,
    NARRATIVE_OR_DEICTIC,
    ORDINAL_WORDS,
    PARTIAL,
    WEEKDAY,
    Candidate,
    find_candidates,
    number_value,
    with_day_numbers,
)

_FUTURE = re.compile(
    r"(?i)\b(?:will|shall|'ll|is\s+to|are\s+to|is\s+due|are\s+due|scheduled|plans?\s+to|planned|expected\s+to"
    r"|upcoming|intends?\s+to|going\s+to|next|hop(?:e|es|ed|ing)\s+to|aim(?:s|ed|ing)?\s+to"
    r"|want(?:s|ed)?\s+to|until|(?:booked|set|fixed|planned)\s+for)\b"
)
_PAST = re.compile(
    r"(?i)\b(?:was|were|had|did|said|came|went|began|took|made|got|left|saw|met|told|gave|found|fell|rose|won"
    r"|lost|became|broke|ran|wrote|sent|held|kept|brought|built|bought|paid|led|fought|spent|stood|felt|heard"
    r"|knew|grew|drew|flew|chose|spoke|sold|struck|ago|[a-z]+ed)\b"
)
_CLAUSE_BREAK = re.compile(
    r"[,;:()“”\"]|\bthat\b|\bwhich\b|\bwho\b|\b(?:and|but|or)\s+(?=(?:will|would|was|were|is|are|has|have|had"
    r"|could|should|may|might|shall|can|did|does|do|then|later|[a-z]+ed)\b)"
)
_COMPARED = re.compile(
    r"(?i)(?:\b(?:than|(?:from|of)\s+what(?:\s+\w+\s+(?:was|were|is|are))?|compared\s+(?:with|to))"
    r"(?:\s+[^\W\d]+){0,4}|(?:\bpercent|\bper\s+cent|%)\s+(?:over|on))\s*$"
)
_STATE_OR_SAYING = re.compile(
    r"(?i)(?:\b(?:is|are|am)\b|'[sm]\b|'re\b|\bhere\b|\b(?:can|could|must|let\s+me)\s+"
    r"(?:say|tell|report|announce|ask|repeat|urge)\b)"
)
_WOULD_HAVE = re.compile(r"(?i)\b(?:would|might)(?:n't|\s+not)?\s+have\s+[a-z]+")
_VERB = re.compile(r"(?i)\b(?:is|are|am|be|been|has|have|do|does|can|could|may|might|must|should|says?)\b")
_PASSIVE_BEFORE = re.compile(r"(?i)\b(?:is|are|am|be|been|being)\s+$")
_PRESENT_PERFECT = re.compile(r"(?i)\b(?:has|have)(?:\s+not|n't)?\s+(?:yet\s+)?[a-z]+(?:ed|en|un|wn|ne)\b")
_ASIDE_BEFORE = re.compile(r",(?:\s+[\w'’-]+){1,4}\s*$")
_ASIDE_AFTER = re.compile(r"\s*[,)–—]\s*")
"""A date in an aside (``the wall, built in 1987, was…``) does not move the narrative on."""
_SPAN_JOIN = re.compile(r"\s*(?:(?P<word>to|until|till|through|and)|[–—-])\s*", re.IGNORECASE)
_YEAR_AFTER = re.compile(r"\s*,?\s*(?:of\s+)?", re.IGNORECASE)
"""Between a month and the year that completes it: ``July of last year``, ``June that year``."""
_LEADING_WEEKDAY = re.compile(rf"^{WEEKDAY},?\s+(?:the\s+)?")
_DAY_KINDS = frozenset({"weekday", "day_month", "full_day", "iso"})
_QUOTABLE = frozenset({*DEICTIC, "season", "part_of_unit"})
"""Kinds that inside a quotation are a way of speaking (``the battles of today``), not a date."""
_NOT_PROPOSED = frozenset({"until", "till", "through", "before", "after"})
"""Prepositions that make a date a bound of something else, not when it happened."""


@dataclass(frozen=True, slots=True)
class Mention:
    """A date expression in a sentence with the value it was given."""

    text: str
    start: int
    end: int
    removal_start: int
    """Where the words that introduce the date begin (``on``, ``from``), for making titles."""
    value: Temporal
    kind: str
    proposed: bool
    """False for dates that bound something else (``until 1990``, ``before the war of 1870``)."""
    aside: tuple[int, int] | None = None
    """Where the aside holding the date begins and ends (``, built in 1987,``), if it is in one."""
    doubt: str | None = None
    """Why the value is marked uncertain, in words for the reader (``last Monday`` on a Tuesday)."""


class DateReader:
    """Reads the sentences of one text in order, keeping the reference, narrative date and anchor."""

    def __init__(self, reference: HistoricalDate) -> None:
        self.reference = reference
        self.anchor: HistoricalDate | None = None
        self.narrative: HistoricalDate | None = None
        self._paragraph = -1
        self._sentence = ""
        self._sentences_read = 0
        self._narrative_at = 0
        """Which sentence gave the narrative date (its count in ``_sentences_read``)."""

    def read(self, sentence: str, paragraph: int, quoted: Sequence[tuple[int, int]] = ()) -> list[Mention]:
        """The dates of the next sentence; ``quoted`` are the spans of it inside quotation marks."""
        if paragraph != self._paragraph:
            self._paragraph, self.narrative = paragraph, None
        self._sentence = sentence
        self._sentences_read += 1
        candidates = find_candidates(sentence)
        mentions: list[Mention] = []
        index = 0
        while index < len(candidates):
            first = candidates[index]
            tense = _tense(sentence, first)
            second = candidates[index + 1] if index + 1 < len(candidates) else None
            if second is not None:
                joined = self._joined_pair(sentence, first, second, tense)
                if joined is not None:
                    mentions.append(joined)
                    index += 2
                    continue
            in_quote = first.kind in _QUOTABLE and any(a <= first.start < b for a, b in quoted)
            value = self._value(first, tense)
            if value is not None:
                if first.preposition == "since" and isinstance(value, HistoricalDate):
                    value = Interval(value, OpenEnd.OPEN)
                possessive = sentence.startswith(("'s", "’s"), first.end)  # "next year's meeting"
                proposed = not possessive and not in_quote and self._proposed(first)
                proposed = proposed and not _compared(sentence, first)
                proposed = proposed and not _counterfactual(sentence, first)
                proposed = proposed and not _the_moment_itself(sentence, first)
                doubt = None
                if isinstance(value, HistoricalDate):
                    value, doubt = self._with_doubt(first, value)
                mention = self._mention(sentence, first, value, first.end, first.kind, proposed, in_quote)
                mentions.append(dataclasses.replace(mention, doubt=doubt) if doubt else mention)
                if possessive and isinstance(value, HistoricalDate):
                    self._set_narrative(value)  # the date it names settles "on 2 September" after it
            index += 1
        return mentions

    def _joined_pair(self, sentence: str, first: Candidate, second: Candidate, tense: str) -> Mention | None:
        """Two candidates read as one date: a span, or a month and the year named after it."""
        gap = sentence[first.end : second.start]
        if _names_a_year(first) and second.kind == "year" and re.fullmatch(r"\s*,\s*", gap):
            value = self._value(second, tense)  # "next year, 1943": the year it names
            if value is None:
                return None
            return self._mention(sentence, first, value, second.end, second.kind, self._proposed(first))
        if first.kind in PARTIAL and _YEAR_AFTER.fullmatch(gap) and _names_a_year(second):
            year = _first_date(self._value(second, tense))
            value = self._value(first, tense, year.year) if year is not None else None
            if value is None:
                return None
            return self._mention(sentence, first, value, second.end, first.kind, self._proposed(first))
        word = _joining_word(first, second, sentence)
        if word is None:
            return None
        span = self._read_span(first, second, tense)
        if span is None or (word == "and" and first.preposition != "between" and not _next_to(span)):
            return None  # "on Monday and Thursday" are two days, "on Tuesday and Wednesday" one span
        return self._mention(sentence, first, span, second.end, first.kind, True)

    def _proposed(self, candidate: Candidate) -> bool:
        if candidate.preposition == "for" and candidate.kind == "deictic_unit":
            return False  # "for the next year": how long, not when
        if candidate.preposition == "until" and re.search(
            r"(?i)\bnot\s+$", self._sentence[: candidate.removal_start]
        ):
            return True  # "not until last October were we able to…": it happened then
        return candidate.preposition not in _NOT_PROPOSED

    def _with_doubt(self, candidate: Candidate, value: HistoricalDate) -> tuple[HistoricalDate, str | None]:
        """``last Monday`` said on a Tuesday: yesterday to some writers, eight days ago to others."""
        if candidate.kind != "weekday" or value.day is None:
            return value, None
        which = (candidate.match["which"] or "").lower()
        today = day_number(*_day_of(self.reference))
        this_week = today - weekday(today)
        days = day_number(*_day_of(value))
        if (which in ("last", "past") and days >= this_week) or (which == "next" and days - 7 > today):
            other = _day(days - 7)
        else:
            return value, None
        said = WEEKDAY_NAMES[weekday(today)].capitalize()
        words = " ".join(candidate.core.split())
        doubt = (
            f"“{words}” in a text of {said} {self.reference.display()} is read as {value.display()}; "
            f"some writers mean {other.display()}."
        )
        return dataclasses.replace(value, uncertain=True), doubt

    def _mention(
        self,
        sentence: str,
        first: Candidate,
        value: Temporal,
        end: int,
        kind: str,
        proposed: bool,
        quoted: bool = False,
    ) -> Mention:
        opening = _ASIDE_BEFORE.search(sentence[: first.removal_start])
        closing = _ASIDE_AFTER.match(sentence, end)
        aside = (opening.start(), closing.end()) if opening and closing else None
        if aside is None and not quoted:
            self._remember(value, kind)
        text = sentence[first.start : end]
        return Mention(text, first.start, end, first.removal_start, value, kind, proposed, aside)

    def _set_narrative(self, value: HistoricalDate) -> None:
        self.narrative = value
        self._narrative_at = self._sentences_read

    def _remember(self, value: Temporal, kind: str) -> None:
        if isinstance(value, Interval):
            latest = value.end if isinstance(value.end, HistoricalDate) else value.start
            if not isinstance(latest, HistoricalDate):
                return
            value = latest
        self.anchor = value
        if kind in ABSOLUTE or kind in ANAPHORIC:
            self._set_narrative(value)

    # Values -------------------------------------------------------------------------------

    def _value(self, candidate: Candidate, tense: str, year: int | None = None) -> Temporal | None:
        try:
            value = self._unqualified(candidate, tense, year)
        except DateError:
            return None
        if value is None or not candidate.approximate:
            return value
        return _approximate(value)

    def _unqualified(self, candidate: Candidate, tense: str, year: int | None) -> Temporal | None:
        kind = candidate.kind
        if kind in ABSOLUTE:
            return absolute_value(candidate)
        if kind == "season":
            return self._season(candidate, tense)
        if kind in PARTIAL:
            return self._partial(candidate, tense, year)
        if kind in ANAPHORIC:
            return None if self.anchor is None else _anaphoric(candidate, self.anchor)
        if kind in NARRATIVE_OR_DEICTIC:
            return _part_of(self.narrative or self.reference, candidate.match["unit"].lower())
        return _deictic(candidate, self.reference, tense)

    def _partial(self, candidate: Candidate, tense: str, year: int | None) -> Temporal:
        month, day = _month_and_day(candidate.core)
        named = _named_tense(candidate)
        if named is None and (candidate.match.groupdict().get("which") or "").lower() == "this":
            named = tense  # "this August": this year's, before or after by the clause's tense
        if year is None and named is not None:
            year = self._year_by_reference(month, day, named)  # "last September", "April next"
        elif year is None:
            year = self._year_for(month, day, tense)
        if candidate.kind == "day_range_month":
            first = int(re.match(r"\d+", candidate.core).group())  # type: ignore[union-attr]
            last = HistoricalDate.of_day(year, month, day or 1)
            return Interval(HistoricalDate.of_day(year, month, first), last)
        if day is None:
            return HistoricalDate.of_month(year, month)
        return HistoricalDate.of_day(year, month, day)

    def _season(self, candidate: Candidate, tense: str) -> HistoricalDate:
        """``the summer``: of the paragraph's year, else the one before or after the reference."""
        code = SEASON_CODES[candidate.match["season"].lower()]
        year = self._year_for(SEASON_FIRST_MONTH[code], None, tense)
        return HistoricalDate(year, season=code, precision=Precision.SEASON)

    def _year_for(self, month: int, day: int | None, tense: str) -> int:
        narrative = self.narrative
        if _PRESENT_PERFECT.search(self._sentence) or (
            tense == "future" and narrative is not None and narrative.latest <= self.reference.earliest
        ):
            narrative = None  # "have not begun", "will be": spoken from the reference, not the story
        elif (
            narrative is not None
            and narrative.latest > self.reference.earliest
            and (tense == "past" or self._narrative_at != self._sentences_read)
        ):
            narrative = None  # a date still to come names no year for what has happened
        if narrative is not None and narrative.precision >= Precision.YEAR:
            if narrative.month is None or (month, day or 1) >= (narrative.month, narrative.day or 1):
                return narrative.year
            following = narrative.year + 1
            if tense == "future" or (following, month) <= (self.reference.year, self.reference.month or 12):
                return following
            return narrative.year
        return self._year_by_reference(month, day, tense)

    def _year_by_reference(self, month: int, day: int | None, tense: str) -> int:
        ref_year, ref_month, ref_day = _day_of(self.reference)
        before = ref_year - 1 if (month, day or 1) > (ref_month, ref_day) else ref_year
        after = ref_year + 1 if (month, day or 31) < (ref_month, ref_day) else ref_year
        if tense == "present":
            distance_before = (ref_year - before) * 12 + ref_month - month
            distance_after = (after - ref_year) * 12 + month - ref_month
            return after if distance_after < distance_before else before
        return after if tense == "future" else before

    def _read_span(self, first: Candidate, second: Candidate, tense: str) -> Interval | None:
        """``from 2014 to 2016``, ``between March and May 2001``: each end completes the other."""
        start: Temporal | None
        end: Temporal | None
        if first.kind in PARTIAL and second.kind not in PARTIAL:
            end = self._value(second, tense)
            end_date = _first_date(end)
            if end_date is None:
                return None
            month, _ = _month_and_day(first.core)
            start_year = end_date.year - 1 if end_date.month and month > end_date.month else end_date.year
            start = self._value(first, tense, start_year)
        elif _bare_year(first) and _bare_year(second) is None and _first_date(self._value(second, tense)):
            end = self._value(second, tense)
            end_date = _first_date(end)
            assert end_date is not None
            bare = _bare_year(first)
            assert bare is not None
            start = HistoricalDate.of_year(1 - bare if end_date.year <= 0 else bare)
        elif first.kind == "weekday" and second.kind == "weekday":
            start = self._value(first, tense)
            start_date = _first_date(start)
            if start_date is None or start_date.day is None:
                return None
            days = day_number(*_day_of(start_date))
            name = re.search(WEEKDAY, second.core)
            assert name is not None
            target = WEEKDAY_NAMES.index(name.group().lower())
            end = _day(days + (target - weekday(days)) % 7)  # "from Monday to Thursday": that week's
        else:
            start = self._value(first, tense)
            start_date = _first_date(start)
            year = None
            if second.kind in PARTIAL and start_date is not None:
                month, _ = _month_and_day(second.core)
                year = start_date.year + (1 if start_date.month and month < start_date.month else 0)
            end = self._value(second, tense, year)
        if not isinstance(start, HistoricalDate | Interval) or not isinstance(end, HistoricalDate | Interval):
            return None
        try:
            return Interval(
                start.start if isinstance(start, Interval) else start,
                end.end if isinstance(end, Interval) else end,
            )
        except DateError:
            return None


def _clause_around(sentence: str, candidate: Candidate) -> tuple[str, str]:
    """The words of the date's clause before it and after it."""
    breaks = [match.start() for match in _CLAUSE_BREAK.finditer(sentence)]
    start = max((b for b in breaks if b < candidate.start), default=0)
    end = min((b for b in breaks if b >= candidate.end), default=len(sentence))
    return sentence[start : candidate.start], sentence[candidate.end : end]


def _compared(sentence: str, candidate: Candidate) -> bool:
    """``higher than last year``, ``from what it was 4 years ago``: a yardstick, not an event."""
    before, _ = _clause_around(sentence, candidate)
    return bool(_COMPARED.search(before))


def _the_moment_itself(sentence: str, candidate: Candidate) -> bool:
    """``Joshua is here tonight``, ``paychecks are bigger today``, ``tonight I can say``: the
    moment of writing or speaking, which is no event of its own."""
    if candidate.kind != "deictic_day" or candidate.match.group().lower() not in ("today", "tonight"):
        return False
    before, after = _clause_around(sentence, candidate)
    clause = before + " " + after
    if _FUTURE.search(clause):
        return False
    if any(not _PASSIVE_BEFORE.search(clause[: match.start()]) for match in _PAST.finditer(clause)):
        return False
    return bool(_STATE_OR_SAYING.search(clause))


def _counterfactual(sentence: str, candidate: Candidate) -> bool:
    """``one week earlier … that surgery would have meant bankruptcy``: what did not happen."""
    before, after = _clause_around(sentence, candidate)
    clause = before + " " + after
    if _WOULD_HAVE.search(clause):
        return True
    has_verb = _FUTURE.search(clause) or _PAST.search(clause) or _VERB.search(clause)
    return not has_verb and bool(_WOULD_HAVE.search(sentence))


def _tense(sentence: str, candidate: Candidate) -> str:
    """``past``, ``present`` or ``future``: how the clause around a date speaks of it."""
    before, after = _clause_around(sentence, candidate)
    clause = before + " " + after
    if _FUTURE.search(clause):
        return "future"
    for match in _PAST.finditer(clause):
        if not _PASSIVE_BEFORE.search(clause[: match.start()]):
            return "past"
    return "present"


def _joining_word(first: Candidate, second: Candidate, sentence: str) -> str | None:
    """The word (``to``, ``and``; empty for a dash) that may make two dates one span, if any."""
    match = _SPAN_JOIN.fullmatch(sentence[first.end : second.start])
    if match is None or first.kind in ANAPHORIC or second.kind in ANAPHORIC:
        return None
    word = (match["word"] or "").lower()
    if word == "and":
        days = first.kind in _DAY_KINDS and second.kind in _DAY_KINDS
        months = first.kind == second.kind == "month"
        return word if first.preposition == "between" or days or months else None
    if not word:  # a dash only joins like forms: "1914 – 1918", "March – May 2001"
        return word if first.kind in PARTIAL or first.kind == second.kind else None
    return word


_NAMED_TENSES = {"last": "past", "past": "past", "next": "future", "coming": "future"}


def _named_tense(candidate: Candidate) -> str | None:
    """``last September``, ``the 1st of April next``: the words say which one (``this May`` is
    this year's, and the clause's tense says whether it is past or to come)."""
    groups = candidate.match.groupdict()
    which = (groups.get("which") or groups.get("after") or "").lower()
    return _NAMED_TENSES.get(which)


def _names_a_year(candidate: Candidate) -> bool:
    """``last year``, ``that year``, ``the following year``: a year given in words."""
    if candidate.kind not in ("that_unit", "next_unit", "deictic_unit"):
        return False
    unit = candidate.match["unit"]
    return unit is not None and unit.lower() == "year"


def _next_to(span: Interval) -> bool:
    """Two days, or two months, one right after the other."""
    start, end = span.start, span.end
    if not isinstance(start, HistoricalDate) or not isinstance(end, HistoricalDate):
        return False
    if start.day is None and end.day is None and start.month and end.month:
        return (end.year * 12 + end.month) - (start.year * 12 + start.month) == 1
    if start.day is None or end.day is None:
        return False
    return day_number(*_day_of(end)) - day_number(*_day_of(start)) == 1


def _bare_year(candidate: Candidate) -> int | None:
    """The number of a year written without an era, which takes the era of the span's other end."""
    if candidate.kind != "year" or candidate.match["bare"] is None:
        return None
    return int(candidate.match["bare"])


def _first_date(value: Temporal | None) -> HistoricalDate | None:
    if isinstance(value, Interval):
        return value.start if isinstance(value.start, HistoricalDate) else None
    return value


def _approximate(value: Temporal) -> Temporal:
    if isinstance(value, HistoricalDate):
        return dataclasses.replace(value, approximate=True)
    start = _approximate(value.start) if isinstance(value.start, HistoricalDate) else value.start
    end = _approximate(value.end) if isinstance(value.end, HistoricalDate) else value.end
    return Interval(start, end)  # type: ignore[arg-type]


def _day_of(date: HistoricalDate) -> tuple[int, int, int]:
    return date.year, date.month or 1, date.day or 1


def _month_and_day(text: str) -> tuple[int, int | None]:
    month = day = None
    for word in re.findall(r"[A-Za-z]+|\d+", with_day_numbers(_LEADING_WEEKDAY.sub("", text))):
        lowered = word.lower()
        if lowered in MONTH_NUMBERS:
            month = MONTH_NUMBERS[lowered]
        elif word.isdigit():
            day = int(word)
    if month is None:
        raise DateError(f"no month in {text!r}")
    return month, day


# Absolute dates ---------------------------------------------------------------------------


def absolute_value(candidate: Candidate) -> Temporal:
    """The value of a date written whole (a day, a month and year, a year, a span of years)."""
    if candidate.kind == "year_range":
        return _year_range(candidate.match)
    text = _LEADING_WEEKDAY.sub("", candidate.core)
    text = re.sub(r"\s+(?:and)\s+", "–", text)
    text = re.sub(r"(?i)\s+the\s+(?=\d)", " ", text)  # "September the 11th, 2001"
    text = re.sub(r"(?i)\bday\s+of\s+", "", with_day_numbers(text))  # "the 31st day of October, 1866"
    text = re.sub(r"(?<=\d)d\b", "", text)  # "the 2d of March"
    if candidate.kind == "century":
        text = _numbered_ordinal(text)
    return parse(text)


def _numbered_ordinal(text: str) -> str:
    lowered = text.lower()
    for word, number in sorted(ORDINAL_WORDS.items(), key=lambda item: -len(item[0])):
        if word in lowered:
            return lowered.replace(word, f"{number}th")
    return text


def _year_range(match: re.Match[str]) -> Interval:
    first, last = match["first"], match["last"]
    era = (match["era"] or "").replace(".", "").upper()
    start, end = int(first), int(last)
    if len(last) == 2 and len(first) > 2 and not era:
        end = start // 100 * 100 + end
    if era in ("BC", "BCE"):
        start, end = 1 - start, 1 - end
    return Interval(HistoricalDate.of_year(start), HistoricalDate.of_year(end))


# Words read against the reference ------------------------------------------------------------


def _deictic(candidate: Candidate, reference: HistoricalDate, tense: str) -> Temporal | None:
    match, kind = candidate.match, candidate.kind
    today = day_number(*_day_of(reference))
    if kind == "deictic_day":
        word = " ".join(match.group().lower().split())
        offset = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(word, 0)
        return _day(today + offset)
    if kind == "weekday":
        return _day(_weekday_near(today, match, tense))
    if kind == "ago":
        day = HistoricalDate.of_day(*_day_of(reference))
        unit = match["unit"].lower()
        if match["number"].lower().startswith("half"):  # "half a century ago"
            years = {"year": 0, "decade": 5, "century": 50, "centurie": 50}.get(unit)
            if years is None:
                return None
            shifted = _shifted(day, -6, "month") if years == 0 else _shifted(day, -years, "year")
            return None if shifted is None else dataclasses.replace(shifted, approximate=True)
        count = number_value(match["number"])
        if match["half"] and unit == "year":  # "a year and a half ago"
            months = _shifted(day, -(count * 12 + 6), "month")
            return None if months is None else dataclasses.replace(months, approximate=True)
        return _shifted(day, -count, match["unit"])
    which = " ".join(match["which"].lower().split())
    step = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(which, 0)
    unit = match["unit"].lower()
    if unit in SEASON_CODES:
        return _season_near(reference, SEASON_CODES[unit], step)
    return _unit_of(HistoricalDate.of_day(*_day_of(reference)), unit, step)


def _day(days: int) -> HistoricalDate:
    return HistoricalDate.of_day(*civil_from_day_number(days))


def _weekday_near(today: int, match: re.Match[str], tense: str) -> int:
    name = re.search(WEEKDAY, match.group())
    assert name is not None
    target = WEEKDAY_NAMES.index(name.group().lower())
    which = (match["which"] or "").lower()
    ahead = (target - weekday(today)) % 7
    behind = (weekday(today) - target) % 7
    if which in ("last", "past"):
        return today - (behind or 7)
    if which == "next":  # in the coming week: said on a Thursday, next Friday is eight days away
        return today - weekday(today) + 7 + target
    if which == "coming":
        return today + (ahead or 7)
    if tense == "present":
        return today + ahead if ahead < behind else today - behind
    return today + ahead if tense == "future" else today - behind


def _season_near(reference: HistoricalDate, code: int, step: int) -> HistoricalDate:
    """The season before (-1), around (0) or after (+1) the reference."""
    seasons = [
        HistoricalDate(year, season=code, precision=Precision.SEASON)
        for year in range(reference.year - 2, reference.year + 2)
    ]
    if step < 0:
        return [s for s in seasons if s.latest <= reference.earliest][-1]
    if step > 0:
        return next(s for s in seasons if s.earliest >= reference.latest)
    return next((s for s in seasons if s.latest > reference.earliest), seasons[-1])


def _unit_of(day: HistoricalDate, unit: str, step: int) -> Temporal | None:
    """The week, month, year or decade holding ``day``, moved by ``step`` of them."""
    year, month, day_of_month = _day_of(day)
    if unit == "day":
        return _day(day_number(year, month, day_of_month) + step) if day.day else None
    if unit == "week":
        if day.day is None:
            return None
        days = day_number(year, month, day_of_month)
        monday = days - weekday(days) + 7 * step
        return Interval(_day(monday), _day(monday + 6))
    if unit == "month":
        if day.month is None:
            return None
        shifted_year, shifted_month = divmod(year * 12 + month - 1 + step, 12)
        return HistoricalDate.of_month(shifted_year, shifted_month + 1)
    if unit == "year":
        return HistoricalDate.of_year(year + step)
    if unit == "decade":
        return HistoricalDate(year // 10 * 10 + 10 * step, precision=Precision.DECADE)
    return None


def _shifted(date: HistoricalDate, count: int, unit: str) -> HistoricalDate | None:
    """``two years later`` and ``three days ago``: as precise as the unit, never more than the date."""
    unit = unit.lower().rstrip("s")
    qualifiers = {"approximate": date.approximate, "uncertain": date.uncertain}
    if unit in ("day", "week", "fortnight"):
        if date.day is None:
            return None
        days = count * {"day": 1, "week": 7, "fortnight": 14}[unit]
        shifted = _day(day_number(*_day_of(date)) + days)
        return dataclasses.replace(shifted, approximate=date.approximate, uncertain=date.uncertain)
    if unit == "month":
        if date.month is None:
            return None
        year, month = divmod(date.year * 12 + date.month - 1 + count, 12)
        return HistoricalDate.of_month(year, month + 1, **qualifiers)
    years = count * {"year": 1, "decade": 10, "century": 100, "centurie": 100}[unit]
    return HistoricalDate.of_year(date.year + years, **qualifiers)


# Words read against the anchor ---------------------------------------------------------------


def _anaphoric(candidate: Candidate, anchor: HistoricalDate) -> Temporal | None:
    match, kind = candidate.match, candidate.kind
    if kind == "since_then":
        return Interval(anchor, OpenEnd.OPEN)
    if kind == "shifted":
        direction = match["direction"].lower()
        sign = -1 if direction.startswith(("earlier", "before")) else 1
        return _shifted(anchor, sign * number_value(match["number"]), match["unit"])
    if kind == "that_unit":
        unit = (match["unit"] or "day").lower()
        return _truncated(anchor, unit)
    if kind == "next_unit":
        which = match["which"].lower()
        step = {"following": 1, "next": 1, "previous": -1, "preceding": -1}.get(which, 0)
        value = _unit_of(anchor, match["unit"].lower(), step)
        if isinstance(value, HistoricalDate):
            return dataclasses.replace(value, approximate=anchor.approximate, uncertain=anchor.uncertain)
        return value
    step = 1 if match["which"].lower() in ("following", "next") else -1
    name = match["name"].lower().rstrip(".")
    if name in SEASON_CODES:
        return _season_near(anchor, SEASON_CODES[name], step)
    if name in MONTH_NUMBERS:
        return _month_near(anchor, MONTH_NUMBERS[name], step)
    if anchor.day is None:
        return None
    days = day_number(*_day_of(anchor))
    target = WEEKDAY_NAMES.index(name)
    if step > 0:
        return _day(days + ((target - weekday(days)) % 7 or 7))
    return _day(days - ((weekday(days) - target) % 7 or 7))


def _part_of(date: HistoricalDate, unit: str) -> HistoricalDate | None:
    """``the end of the year``: the year (month, century) it names, as an approximate date."""
    if unit == "century":
        return HistoricalDate(date.year // 100 * 100, precision=Precision.CENTURY, approximate=True)
    value = _truncated(date, unit)
    return None if value is None else dataclasses.replace(value, approximate=True)


def _truncated(anchor: HistoricalDate, unit: str) -> HistoricalDate | None:
    qualifiers = {"approximate": anchor.approximate, "uncertain": anchor.uncertain}
    if unit == "year" and anchor.precision >= Precision.YEAR:
        return HistoricalDate.of_year(anchor.year, **qualifiers)
    if unit == "month" and anchor.month is not None:
        return HistoricalDate.of_month(anchor.year, anchor.month, **qualifiers)
    if unit == "day" and anchor.day is not None and anchor.month is not None:
        return HistoricalDate.of_day(anchor.year, anchor.month, anchor.day, **qualifiers)
    return None


def _month_near(anchor: HistoricalDate, month: int, step: int) -> HistoricalDate:
    if anchor.month is None:
        return HistoricalDate.of_month(anchor.year + step, month)
    if step > 0:
        return HistoricalDate.of_month(anchor.year + (1 if month <= anchor.month else 0), month)
    return HistoricalDate.of_month(anchor.year - (1 if month >= anchor.month else 0), month)
