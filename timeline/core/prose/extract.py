"""Text → proposed dated events, for a person to review before anything is added.

Each date a sentence mentions becomes a :class:`Proposal`: a short title from the clause around
the date, the date as precise and as doubtful as the text made it, and the sentence itself. A line
that is only a date (``Monday 3 July 2023``, ``Published: 3 March 2023``) or a dateline
(``KYIV, 25 February 2023 (Reuters) –``) is the text's own date, not an event: what follows is read
against it. Later mentions of the same event on the same date are merged into the first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date as _date

from timeline.core.dates.dates import HistoricalDate, Interval, OpenEnd, Temporal
from timeline.core.model import Event, EventEnd, Source
from timeline.core.prose import titles
from timeline.core.prose.date_mentions import DateReader, Mention, absolute_value
from timeline.core.prose.date_patterns import MONTH, WEEKDAY, Candidate, find_candidates
from timeline.core.prose.sentences import Sentence, quoted_spans, sentences

_LABEL = (
    r"(?i:date|dated|published|posted|updated|last\s+updated|written|entry|diary|journal|on|of|for"
    r"|dear\s+diary)"
)
_DATE_LINE_REST = re.compile(rf"^[\W_]*(?:{_LABEL}\b[\W_]*)*$")
_DATELINE = re.compile(r"^[A-Z][A-Za-z .'’-]{1,40},\s+$")
_DATELINE_AFTER = re.compile(r"^\s*(?:\([^)]{1,40}\))?\s*[-–—:]")
_INTENSIFIER = re.compile(r"\b(?i:only|just|barely|nearly|almost|exactly|precisely)\s+$")
_NOT = re.compile(r"\b(?i:not)\s+$")
_WORD = re.compile(r"[^\W\d_]{4,}")
_STOP_WORD_TEXT = """
    that this with from have were been they their there which when what will would could should
    about after before since until into over under than then them these those also said says year years
    month months week weeks day days later earlier following same early late"""
_STOP_WORDS = frozenset(_STOP_WORD_TEXT.split())
_NAMES = re.compile(rf"^(?:{MONTH}|{WEEKDAY})$")


@dataclass(frozen=True, slots=True)
class Proposal:
    """One proposed event: what it is called, when, and the words it came from."""

    title: str
    when: Temporal
    text: str
    """The date expression as written."""
    sentence: str
    offset: int
    """Where the sentence starts in the whole text."""
    match_start: int
    match_end: int
    """Where the date expression is within the sentence."""
    others: tuple[str, ...] = field(default=())
    """Sentences of later mentions merged into this one."""
    doubt: str | None = None
    """Why the date is marked uncertain, for the reader to judge (``last Monday`` on a Tuesday)."""

    @property
    def start(self) -> HistoricalDate:
        if isinstance(self.when, HistoricalDate):
            return self.when
        assert isinstance(self.when.start, HistoricalDate)
        return self.when.start

    @property
    def end(self) -> EventEnd:
        return self.when.end if isinstance(self.when, Interval) else None

    @property
    def description(self) -> str:
        return "\n\n".join((self.sentence, *self.others))

    def event(
        self, source: Source | None = None, title: str | None = None, when: Temporal | None = None
    ) -> Event:
        """The event to add, citing ``source`` with the sentence as its quote."""
        chosen = self.when if when is None else when
        start = chosen if isinstance(chosen, HistoricalDate) else chosen.start
        if not isinstance(start, HistoricalDate):
            raise ValueError("an event needs a start date")
        end = chosen.end if isinstance(chosen, Interval) else None
        quote = f"“{self.sentence}”"
        cited = replace(source, text=f"{source.text} {quote}".strip()) if source else Source(text=quote)
        return Event(
            title=title or self.title, start=start, end=end, description=self.description, source=cited
        )

    def as_json(self) -> dict[str, object]:
        end = self.end
        return {
            "title": self.title,
            "start": self.start.edtf(),
            "end": None if end is None else (end.value if isinstance(end, OpenEnd) else end.edtf()),
            "display": self.when.display(),
            "text": self.text,
            "sentence": self.sentence,
            "doubt": self.doubt,
        }


def find_reference(text: str) -> HistoricalDate | None:
    """The text's own date: a dateline or a date line near its start, or the date in its title."""
    opening = sentences(text)[:4]
    for sentence in opening:
        found = _own_date(sentence.text)
        if found is not None:
            return found[0]
    if opening and _is_heading(opening[0].text):
        days = [c for c in find_candidates(opening[0].text) if c.kind in ("full_day", "iso")]
        if days:
            return _day_of(days[0])
    return None


def _is_heading(line: str) -> bool:
    return not line.rstrip().endswith((".", "!", "?")) and len(line.split()) <= 12


def extract(text: str, reference: HistoricalDate | None = None) -> list[Proposal]:
    """Every dated event the text mentions, in the order of the text, repeats merged."""
    if reference is None:
        reference = find_reference(text) or today()
    reader = DateReader(reference)
    proposals: list[Proposal] = []
    paragraph, in_quote = -1, False
    for sentence in sentences(text):
        if sentence.paragraph != paragraph:
            paragraph, in_quote = sentence.paragraph, False
        quoted, in_quote = quoted_spans(sentence.text, in_quote)
        own = _own_date(sentence.text)
        skip_until = 0
        if own is not None:
            reader.reference = reader.anchor = own[0]
            skip_until = own[1]
            if skip_until >= len(sentence.text.rstrip(" .")):
                continue
        found = reader.read(sentence.text, sentence.paragraph, quoted)
        mentions = [m for m in found if m.start >= skip_until]
        proposed = [m for m in mentions if m.proposed]
        for mention in proposed:
            title = make_title(sentence.text, mention, mentions, skip_until)
            if title:
                proposals.append(_proposal(sentence, mention, title))
    return merge_repeats(proposals)


def today() -> HistoricalDate:
    now = _date.today()
    return HistoricalDate.of_day(now.year, now.month, now.day)


def _proposal(sentence: Sentence, mention: Mention, title: str) -> Proposal:
    return Proposal(
        title,
        mention.value,
        mention.text,
        sentence.text,
        sentence.offset,
        mention.start,
        mention.end,
        doubt=mention.doubt,
    )


def _own_date(sentence: str) -> tuple[HistoricalDate, int] | None:
    """A date line or a dateline: the date and where the sentence's own words begin after it."""
    candidates = [c for c in find_candidates(sentence) if c.kind in ("full_day", "iso")]
    if not candidates:
        return None
    first = candidates[0]
    before, after = sentence[: first.start], sentence[first.end :]
    if _DATE_LINE_REST.match(before) and _DATE_LINE_REST.match(after):
        return _day_of(first), len(sentence)
    dateline = _DATELINE_AFTER.match(after)
    if _DATELINE.match(before) and dateline:
        return _day_of(first), first.end + dateline.end()
    return None


def _day_of(candidate: Candidate) -> HistoricalDate:
    value = absolute_value(candidate)
    assert isinstance(value, HistoricalDate)  # a full day or an ISO day
    return value


# Titles -------------------------------------------------------------------------------------


def make_title(sentence: str, mention: Mention, mentions: list[Mention], skip_until: int = 0) -> str:
    """What happened at ``mention``: its clause without the date words (see :mod:`.titles`)."""
    removals: list[tuple[int, int]] = [(0, skip_until)] if skip_until else []
    target = len(removals)
    intensifier = _INTENSIFIER.search(sentence, 0, mention.removal_start)  # "only five days ago"
    if intensifier is None and sentence[mention.removal_start :].lower().startswith("until"):
        intensifier = _NOT.search(sentence, 0, mention.removal_start)  # "not until last October"
    removals.append((intensifier.start() if intensifier else mention.removal_start, mention.end))
    asides: list[tuple[int, int]] = []
    for other in mentions:
        if other is mention:
            continue
        if other.aside is not None:
            if not other.aside[0] <= mention.start < other.aside[1]:
                asides.append(other.aside)
        elif other.proposed:
            removals.append((other.removal_start, other.end))
    return titles.make_title(sentence, removals, target, asides, mention.text)


# Repeats ------------------------------------------------------------------------------------


def merge_repeats(proposals: list[Proposal]) -> list[Proposal]:
    """Fold a later mention into an earlier one with the same date that names the same thing."""
    kept: list[Proposal] = []
    on_date: dict[Temporal, list[tuple[int, set[str]]]] = {}
    for proposal in proposals:
        words = _content_words(proposal.title)
        same_date = on_date.setdefault(proposal.when, [])
        twin = next((index for index, earlier in same_date if _same_subject(earlier, words)), None)
        if twin is None:
            same_date.append((len(kept), words))
            kept.append(proposal)
            continue
        earlier = kept[twin]
        if proposal.sentence != earlier.sentence and proposal.sentence not in earlier.others:
            kept[twin] = replace(earlier, others=(*earlier.others, proposal.sentence))
    return kept


def _content_words(text: str) -> set[str]:
    return {
        word.lower()[:4]
        for word in _WORD.findall(text)
        if word.lower() not in _STOP_WORDS and not _NAMES.match(word)
    }


def _same_subject(first: set[str], second: set[str]) -> bool:
    if not first or not second:
        return not first and not second
    return len(first & second) * 2 >= min(len(first), len(second))
