"""Articles and notes to read dates from: plain text, Markdown or HTML → plain prose.

Markup is dropped, words are kept: headings, emphasis and link targets go, paragraphs and list
lines stay, because the reader splits sentences on them.
"""

from __future__ import annotations

import re
from pathlib import Path

from timeline.io.html_text import html_to_text
from timeline.io.report import FormatError, read_text

MAX_CHARACTERS = 2_000_000
"""More than a long book: beyond this, the proposals could not be reviewed one by one anyway."""

PROSE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+", re.MULTILINE)
_QUOTE = re.compile(r"^\s{0,3}>\s?", re.MULTILINE)
_EMPHASIS = re.compile(r"(\*\*|__|`)(.+?)\1|(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])")


def read_prose(path: str | Path) -> str:
    """The words of a text file, by its suffix; a :class:`FormatError` for what cannot be read."""
    file = Path(path)
    text = read_text(file)
    if len(text) > MAX_CHARACTERS:
        raise FormatError(
            f"{file}: {len(text):,} characters is too long to review (at most {MAX_CHARACTERS:,}); "
            "split it into parts"
        )
    return prose_of(text, file.suffix)


def prose_of(text: str, suffix: str = ".txt") -> str:
    """Plain prose from text in the format its suffix names (``.html``, ``.md``, else plain)."""
    suffix = suffix.lower()
    if suffix in (".html", ".htm") or (suffix not in (".md", ".markdown") and _looks_like_html(text)):
        return _LINK.sub(r"\1", html_to_text(text, marks=False))
    if suffix in (".md", ".markdown"):
        return _plain_markdown(text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_like_html(text: str) -> bool:
    start = text.lstrip()[:200].lower()
    return start.startswith(("<!doctype html", "<html", "<p>", "<article", "<body", "<div"))


def _plain_markdown(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _LINK.sub(r"\1", text)
    text = _HEADING.sub("", text)
    text = _QUOTE.sub("", text)
    return _EMPHASIS.sub(lambda match: match.group(2) or match.group(3), text)
