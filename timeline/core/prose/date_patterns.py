"""Where dates are written in running prose: one pattern per kind of expression.

Month and weekday names must be capitalised (``march`` and ``may`` are also verbs); everything else
is matched in any case. Each pattern is tried over the whole sentence, and the caller keeps the
longest match at each place (see :func:`find_candidates`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th|d)?"
_DAY_OF = r"(?:(?i:day)\s+of\s+|of\s+)?"
"""``the 7th day of October``, ``the 10th of December``, ``10 December``."""
_ERA = r"(?:BCE|BC|B\.C\.E\.|B\.C\.|CE|AD|A\.D\.|C\.E\.)(?![A-Za-z])"
_DATE_YEAR = rf"(?:(?:AD|A\.D\.)\s?\d{{1,4}}(?!\d)|\d{{1,4}}\s?{_ERA}|\d{{3,4}}(?!\d|[,.]\d))"
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "a hundred": 100, "one hundred": 100,
}  # fmt: skip
_NUMBER = r"(?:" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r"|\d{1,3})"
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
}  # fmt: skip
_ORDINAL = r"(?:\d{1,2}(?:st|nd|rd|th)|" + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True)) + ")"
DAY_WORDS = {
    **ORDINAL_WORDS,
    **{f"twenty-{word}": 20 + number for word, number in ORDINAL_WORDS.items() if number < 10},
    "thirtieth": 30, "thirty-first": 31,
}  # fmt: skip
"""``the first of February``, ``the twenty-second day of May``: days written in words."""
_DAY_WORD = r"(?i:" + "|".join(sorted(DAY_WORDS, key=len, reverse=True)) + r")(?=\s+(?i:day\s+)?of\s)"
_SEASON = r"(?:spring|summer|autumn|winter|fall(?!\s+of))"
_UNIT = r"(?P<unit>day|week|fortnight|month|year|decade|century|centuries)s?"
_LAST_OR_NEXT = r"(?:\s+(?P<after>last|next)(?!\w)(?!\s+(?i:year|week|month|time|day)))?"
"""The old style of ``the 1st of April next`` and ``in May last``: the coming one, the last one."""

PATTERNS: dict[str, re.Pattern[str]] = {
    name: re.compile(r"(?<![\w$£€#])(?:" + pattern + ")")
    for name, pattern in {
        "iso": r"[12]\d{3}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\d-])",
        "day_range": rf"{_DAY}\s?(?:[–—-]|\s(?i:to|and)\s)\s?{_DAY}\s+{_DAY_OF}{MONTH},?\s+{_DATE_YEAR}",
        "full_day": rf"(?:{WEEKDAY},?\s+(?:the\s+)?)?(?:{_DAY}|{_DAY_WORD})\s+{_DAY_OF}{MONTH},?\s+"
        rf"{_DATE_YEAR}"
        rf"|(?:{WEEKDAY},?\s+)?{MONTH}\s+(?:the\s+)?{_DAY},?\s+{_DATE_YEAR}",
        "month_year": rf"{MONTH},?\s+(?:of\s+)?{_DATE_YEAR}",
        "season_year": rf"(?i:{_SEASON})\s+(?:of\s+)?{_DATE_YEAR}",
        "year_range": rf"(?P<first>\d{{1,4}})\s?(?:[–—]|-(?=\d))\s?(?P<last>\d{{1,4}})(?!\d)"
        rf"(?:\s?(?P<era>{_ERA}))?",
        "decade": r"(?i:the\s+)?\d{2,3}0'?s(?!\w)",
        "century": rf"(?i:the\s+)?(?i:{_ORDINAL})[\s-]+(?i:century|millennium)(?:\s+{_ERA})?",
        "year": rf"(?:AD|A\.D\.)\s?\d{{1,4}}(?!\d)|\d{{1,4}}\s?{_ERA}|(?P<bare>\d{{3,4}})(?![\d])",
        "day_range_month": rf"{_DAY}\s?(?:[–—-]|\s(?i:to|and)\s)\s?{_DAY}\s+{_DAY_OF}{MONTH}(?!\w)",
        "day_month": rf"(?:(?P<which>(?i:last|next|this|coming|past))\s+(?={MONTH}\s+the\s))?"
        rf"(?:(?:{WEEKDAY},?\s+(?:the\s+)?)?(?:{_DAY}|{_DAY_WORD})\s+{_DAY_OF}{MONTH}(?!\w)"
        rf"|(?:{WEEKDAY},?\s+)?{MONTH}\s+(?:the\s+)?{_DAY}(?![\w:])){_LAST_OR_NEXT}",
        "month": rf"(?:(?P<which>(?i:last|next|this|coming|past))\s+)?{MONTH}(?!\w){_LAST_OR_NEXT}",
        "weekday": rf"(?:(?P<which>(?i:last|next|this|coming|past))\s+)?{WEEKDAY}"
        r"(?:\s+(?:morning|afternoon|evening|night))?(?!\w)",
        "season": rf"(?i:the\s+)(?P<season>(?i:{_SEASON}))(?!\w)(?!\s+(?:of\s+)?(?:\d|AD\b|A\.D\.))",
        "deictic_day": r"(?i:yesterday|today|tomorrow|tonight|last\s+night"
        r"|this\s+(?:morning|afternoon|evening)|earlier\s+today)(?!\w)",
        "deictic_unit": r"(?i:(?P<which>last|next|this|earlier\s+this|later\s+this|past|coming)\s+"
        rf"(?P<unit>week|month|year|{_SEASON}))(?!\w)",
        "ago": rf"(?i:(?P<number>half\s+an?|{_NUMBER})\s+{_UNIT}(?P<half>\s+and\s+a\s+half)?\s+ago)(?!\w)",
        "shifted": rf"(?i:(?P<number>{_NUMBER})\s+{_UNIT}\s+"
        r"(?P<direction>later|earlier|afterwards?|after\s+that|before\s+that|on))(?!\w)",
        "next_named": rf"(?i:the\s+(?P<which>following|next|previous|preceding)\s+)(?P<name>{MONTH}|{WEEKDAY}"
        rf"|(?i:{_SEASON}))(?!\w)",
        "next_unit": r"(?i:the\s+(?P<which>following|next|previous|preceding|same)\s+"
        r"(?P<unit>day|week|month|year|decade))(?!\w)",
        "that_unit": r"(?i:(?:(?:later|earlier)\s+)?that\s+(?:same\s+)?(?P<unit>day|month|year)"
        r"|(?:on\s+)?the\s+same\s+day|(?:later\s+)?that\s+(?:same\s+)?(?:night|morning|afternoon|evening))(?!\w)",
        "since_then": r"(?i:since\s+then)(?!\w)",
        "part_of_unit": r"(?i:(?:the\s+)?(?P<part>end|beginning|start|middle|turn)\s+of\s+the\s+"
        r"(?P<unit>year|month|century))(?!\w)",
    }.items()
}
ABSOLUTE = frozenset(
    {"iso", "day_range", "full_day", "month_year", "season_year", "year_range", "decade", "century", "year"}
)
PARTIAL = frozenset({"day_range_month", "day_month", "month"})
DEICTIC = frozenset({"weekday", "deictic_day", "deictic_unit", "ago"})
ANAPHORIC = frozenset({"shifted", "next_named", "next_unit", "that_unit", "since_then"})
NARRATIVE_OR_DEICTIC = frozenset({"part_of_unit"})
"""Read against the paragraph's own date when it has one, else against the reference."""

_LEADING = re.compile(
    r"(?:(?<=\s)|^)(?P<approx>(?i:around|about|approximately|roughly|circa|c\.|ca\.|sometime\s+in|"
    r"some\s+time\s+in|perhaps\s+in|probably\s+in|possibly\s+in)\s*)?"
    r"(?P<part>(?i:(?:the\s+)?(?:early|mid|late|end\s+of|beginning\s+of|start\s+of|middle\s+of|turn\s+of)"
    r"(?:\s+|-)(?:the\s+)?))?$"
)
_PREPOSITION = re.compile(
    r"(?:(?<=\W)|^)(?P<word>(?i:in|on|at|during|by|since|from|between|until|till|of|as\s+of|before|after"
    r"|throughout|through|for|to|and))\s+(?:(?i:the)\s+)?$"
)
_NOT_A_YEAR_AFTER = re.compile(
    r"\s*(?:[%‰]|[.,]\d|(?i:per\s*cent|percent|people|persons|km|kilomet|miles|met(?:re|er)s|troops|soldiers"
    r"|men|women|children|votes|copies|units|dollars|euros|pounds|years|tons|tonnes|feet|pages|items|times"
    r"|cases|deaths|members|households|families|residents|workers|acres|hectares|students|pupils|words"
    r"|ships|tanks|aircraft|delegates|seats|rooms|kg|mm|cm|hours|minutes|metres|hp|jobs)\b)"
)
_NOT_A_YEAR_BEFORE = re.compile(
    r"(?i:(?:no|nos|p|pp|page|pages|number|room|route|flight|vol|chapter)\.?\s*|[\d,.:/])$"
)
_YEAR_THREE_DIGIT_BEFORE = re.compile(
    r"(?i:\b(?:in|by|since|until|till|from|between|year|around|circa|c\.|about)\s+)$"
)
_CLAUSE_WORD_AFTER = re.compile(
    r"\s*(?:$|[.,;:)!?–—]|(?i:and|or|but|when|the|a|an|he|she|it|they|we|to|at|with|as|by|after|before"
    r"|under|his|her|its|their|was|were|had|is)\b)"
)
_MONTH_NEEDS_BEFORE = re.compile(
    r"(?i:\b(?:in|since|until|till|by|of|from|between|during|through|and|to|last|next|this|early|mid|late"
    r"|end\s+of|beginning\s+of|start\s+of|middle\s+of)[\s-]+)$"
)

_DAY_WORDS_FOUND = re.compile(r"\b(?:" + "|".join(sorted(DAY_WORDS, key=len, reverse=True)) + r")\b", re.I)
_IDIOM_BEFORE = re.compile(r"(?i:\b(?:of|than|like)\s+)$")
_DAYS = frozenset({"iso", "full_day", "day_month", "weekday", "deictic_day"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """A date expression found in a sentence, before it is given a value."""

    kind: str
    match: re.Match[str]
    start: int
    """Where the expression starts, including a leading ``around`` or ``early`` (``text`` too)."""
    approximate: bool
    part: str
    preposition: str
    removal_start: int
    """Where the words that only introduce the date (``on``, ``in the``) begin."""

    @property
    def end(self) -> int:
        return self.match.end()

    @property
    def core(self) -> str:
        """The date words themselves, without ``around`` or ``early``."""
        return self.match.group()


def with_day_numbers(text: str) -> str:
    """``the first of February`` → ``the 1 of February``: a day in words as its number."""
    return _DAY_WORDS_FOUND.sub(lambda match: str(DAY_WORDS[match.group().lower()]), text)


def number_value(word: str) -> int:
    word = " ".join(word.lower().split())
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


def find_candidates(sentence: str) -> list[Candidate]:
    """Every date expression in a sentence, the longest at each place, in order, none overlapping."""
    found: list[tuple[int, int, int, str, re.Match[str]]] = []
    for priority, (kind, pattern) in enumerate(PATTERNS.items()):
        for match in pattern.finditer(sentence):
            if _plausible(kind, match, sentence):
                found.append((match.start(), -(match.end() - match.start()), priority, kind, match))
    found.sort()
    chosen: list[Candidate] = []
    reached = 0
    for start, _, _, kind, match in found:
        if start >= reached:
            chosen.append(_with_context(kind, match, sentence))
            reached = match.end()
    return chosen


def _plausible(kind: str, match: re.Match[str], sentence: str) -> bool:
    before, after = sentence[: match.start()], sentence[match.end() :]
    if kind in ("year", "year_range"):
        return _plausible_year(match, before, after)
    if kind == "month":
        leading = _LEADING.search(before)
        named = match["which"] or match["after"]
        return bool(named or _MONTH_NEEDS_BEFORE.search(before) or (leading and leading["part"]))
    if kind == "deictic_day" and _IDIOM_BEFORE.search(before):
        return False  # "the battles of today", "the world of tomorrow"
    if kind == "deictic_day" and match.group().lower() == "today":
        return "still" not in sentence.lower() and not re.search(r"(?i:until|till|to)\s+$", before)
    if kind == "day_month" and match.group().startswith("May the"):
        return False  # "May the best team win"
    if kind == "day_month":
        return not re.match(r"\s*[–—-]?\s*\d", after)  # "5 March 1900" is a whole date, "May 5-6"
    return True


def _plausible_year(match: re.Match[str], before: str, after: str) -> bool:
    if _NOT_A_YEAR_BEFORE.search(before) or _NOT_A_YEAR_AFTER.match(after):
        return False
    groups = match.groupdict()
    if groups.get("first") is not None:
        first, last = groups["first"], groups["last"]
        if groups.get("era"):
            return True
        if not (len(first) in (3, 4) and int(first) >= 100):
            return False
        if len(last) == 2:
            return int(first) // 100 * 100 + int(last) > int(first)
        return int(last) > int(first)
    bare = groups.get("bare")
    if bare is None:
        return True
    if len(bare) == 4:
        return 1000 <= int(bare) <= 2199
    return bool(_YEAR_THREE_DIGIT_BEFORE.search(before) and _CLAUSE_WORD_AFTER.match(after))


def _with_context(kind: str, match: re.Match[str], sentence: str) -> Candidate:
    before = sentence[: match.start()]
    leading = _LEADING.search(before)
    start = match.start()
    approximate, part = False, ""
    if leading and leading.group():
        # "late Dec. 9" and "early on Tuesday" give a time of day, not a doubt about the day
        approximate = bool(leading["approx"]) or (bool(leading["part"]) and kind not in _DAYS)
        part = " ".join((leading["part"] or "").lower().replace("-", " ").split())
        start = leading.start()
    preposition = _PREPOSITION.search(sentence[:start])
    removal_start = preposition.start() if preposition else start
    word = " ".join(preposition["word"].lower().split()) if preposition else ""
    return Candidate(kind, match, start, approximate, part, word, removal_start)
