"""The user guide shown in the app: the README's sections about using Timeline, as pages.

The README is the one text that says how the app works; the guide is cut from it, so that the
two never disagree. An installed wheel carries a copy of the README among its resources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

LEFT_OUT = frozenset({"Quick start", "Layout"})
"""Sections for people who build Timeline rather than use it."""

_PACKAGE_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class GuidePage:
    """One section of the guide: its heading and its Markdown, the heading included."""

    title: str
    text: str

    def matches(self, words: list[str]) -> int:
        """How often the words occur in the page; 0 unless every word occurs (case ignored)."""
        folded = self.text.casefold()
        counts = [folded.count(word.casefold()) for word in words]
        return sum(counts) if counts and all(counts) else 0


def guide_source() -> Path:
    """The README: the installed copy in the package's resources, else the source tree's."""
    for candidate in (_PACKAGE_DIR / "resources" / "README.md", _PACKAGE_DIR.parent / "README.md"):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("the user guide (README.md) is missing from this installation")


def guide_pages(text: str | None = None) -> list[GuidePage]:
    """The guide's pages in the README's order: an introduction, then one page per section."""
    if text is None:
        text = guide_source().read_text(encoding="utf-8")
    parts = re.split(r"^## +", text, flags=re.MULTILINE)
    introduction = parts[0].strip()
    pages: list[GuidePage] = []
    if introduction:
        heading = re.match(r"# +(.+)", introduction)
        body = introduction[heading.end() :].strip() if heading else introduction
        pages.append(GuidePage("Introduction", f"# Introduction\n\n{body}"))
    for part in parts[1:]:
        title, _, body = part.partition("\n")
        title = title.strip()
        if title and title not in LEFT_OUT:
            pages.append(GuidePage(title, f"# {title}\n\n{body.strip()}\n"))
    return pages


def search_words(query: str) -> list[str]:
    """The words of a query typed into the guide's search field."""
    return [word for word in re.split(r"\s+", query.strip()) if word]


def find_pages(pages: list[GuidePage], query: str) -> list[GuidePage]:
    """The pages that hold every word of the query, most matches first; all pages for no words."""
    words = search_words(query)
    if not words:
        return list(pages)
    scored = [(page.matches(words), index, page) for index, page in enumerate(pages)]
    return [page for score, _, page in sorted(scored, key=lambda item: (-item[0], item[1])) if score]
