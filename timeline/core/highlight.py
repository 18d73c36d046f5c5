"""Marking the words a search matched, and picking the snippet of a long text to show.

Done here rather than by SQLite's ``highlight()``: that would run the full-text query a
second time, which for a prefix such as ``tre*`` costs more than finding the results. Words
compare as the search index compares them: case and accents folded.
"""

from __future__ import annotations

import re
import unicodedata

from timeline.core.model import MARK_END, MARK_START

_WORD = re.compile(r"\w+", re.UNICODE)


def fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def search_terms(text: str) -> list[tuple[str, bool]]:
    """The folded words of a search and whether each is a prefix (``nato*``)."""
    terms = []
    for raw in re.findall(r'[^\s"]+', text):
        prefix = raw.endswith("*")
        for word in _WORD.findall(raw):
            terms.append((fold(word), False))
        if prefix and terms:
            terms[-1] = (terms[-1][0], True)
    return terms


def _matches(word: str, terms: list[tuple[str, bool]]) -> bool:
    folded = fold(word)
    return any(folded.startswith(term) if prefix else folded == term for term, prefix in terms)


def mark(text: str, terms: list[tuple[str, bool]]) -> str:
    """The text with every matching word between ``MARK_START`` and ``MARK_END``."""
    return _WORD.sub(lambda m: f"{MARK_START}{m[0]}{MARK_END}" if _matches(m[0], terms) else m[0], text)


def snippet(text: str, terms: list[tuple[str, bool]], words: int = 14) -> str:
    """About ``words`` words around the first match (or the beginning), marked, with ``…`` where cut."""
    found = list(_WORD.finditer(text))
    if not found:
        return ""
    first = next((index for index, m in enumerate(found) if _matches(m[0], terms)), 0)
    start = max(first - words // 3, 0)
    end = min(start + words, len(found))
    piece = text[found[start].start() : found[end - 1].end()]
    return (
        ("…" if start > 0 else "") + mark(" ".join(piece.split()), terms) + ("…" if end < len(found) else "")
    )
