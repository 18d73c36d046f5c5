"""Prose → paragraphs → sentences, with their offsets in the original text.

Dates are read sentence by sentence, and a sentence is what an extracted event quotes, so the split
must not break at the full stops that historians' prose is full of: ``c. 1450``, ``44 B.C.``,
``Dr. Smith``, ``Oct. 3``, ``U.S.``. Lines of notes and minutes (bullets, headings, short lines
without a full stop) are sentences of their own; hard-wrapped prose is joined.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREVIATION_TEXT = """
    c ca cf e.g i.e etc vs viz no nos p pp vol ed eds fig approx dr mr mrs ms prof st sr jr gen col
    capt lt sgt rev hon gov sen rep pres jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed
    thu fri sat sun u.s u.k u.n b.c a.d b.c.e c.e a.m p.m inc ltd co corp dept univ est"""
_ABBREVIATIONS = frozenset(_ABBREVIATION_TEXT.split())
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_BULLET = re.compile(r"^\s*(?:[-*•–]|\d{1,3}[.)]|[a-z][.)])\s+")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence, where it starts in the whole text, and which paragraph holds it."""

    text: str
    offset: int
    paragraph: int


def paragraphs(text: str) -> list[tuple[int, str]]:
    """Blocks separated by blank lines, as ``(offset, text)``."""
    found: list[tuple[int, str]] = []
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        found.append((position, text[position : match.start()]))
        position = match.end()
    found.append((position, text[position:]))
    return [(offset, block) for offset, block in found if block.strip()]


def sentences(text: str) -> list[Sentence]:
    """Every sentence of ``text`` in order; offsets point into ``text`` unchanged."""
    result: list[Sentence] = []
    for number, (offset, block) in enumerate(paragraphs(text)):
        for line_offset, line in _lines_of(block):
            for start, piece in _split_prose(line):
                stripped = piece.strip()
                if stripped:
                    lead = len(piece) - len(piece.lstrip())
                    result.append(Sentence(stripped, offset + line_offset + start + lead, number))
    return result


def _lines_of(block: str) -> list[tuple[int, str]]:
    """Keep list items, headings and short unpunctuated lines apart; join wrapped prose."""
    lines: list[tuple[int, str]] = []
    position = 0
    for raw in block.split("\n"):
        starts_item = bool(_BULLET.match(raw))
        if lines and not starts_item and not _ends_a_unit(lines[-1][1]):
            start, previous = lines[-1]
            lines[-1] = (start, previous + " " + raw)  # same length as "\n": offsets stay true
        else:
            lines.append((position, raw))
        position += len(raw) + 1
    return lines


def _ends_a_unit(line: str) -> bool:
    stripped = line.rstrip()
    if not stripped:
        return True
    if stripped.endswith((".", "!", "?", ":", ";")):
        return len(stripped) < 60 or bool(_BULLET.match(line))
    return len(stripped) < 60  # a heading or a note, not wrapped prose


def _split_prose(line: str) -> list[tuple[int, str]]:
    pieces: list[tuple[int, str]] = []
    start = 0
    for match in _SENTENCE_END.finditer(line):
        if match.group().startswith(".") and _is_abbreviation(line, match.start()):
            continue
        pieces.append((start, line[start : match.end()]))
        start = match.end()
    pieces.append((start, line[start:]))
    return pieces


def _is_abbreviation(line: str, stop: int) -> bool:
    before = line[:stop].rsplit(None, 1)
    if not before:
        return False
    word = before[-1].lstrip("(\"'“‘").lower()
    if word in _ABBREVIATIONS:
        return True
    return len(word) == 1 and word.isalpha()  # an initial: "J. Smith"


def quoted_spans(text: str, inside: bool = False) -> tuple[list[tuple[int, int]], bool]:
    """Where ``text`` is inside quotation marks, and whether a quotation is still open at its end.

    ``inside`` says that an earlier sentence of the paragraph opened a quotation that this one
    continues. Double marks (curly or straight) and curly single marks are read; a ``’`` followed
    by a letter is an apostrophe (``don’t``), not the end of a quotation.
    """
    spans: list[tuple[int, int]] = []
    opened: int | None = 0 if inside else None
    single = False
    for index, char in enumerate(text):
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        if opened is None:
            if char in '“"' or (char == "‘" and not before.isalnum()):
                opened, single = index, char == "‘"
        elif (char in '”"' and not single) or (char == "’" and single and not after.isalpha()):
            spans.append((opened, index + 1))
            opened = None
    if opened is not None:
        spans.append((opened, len(text)))
    return spans, opened is not None
