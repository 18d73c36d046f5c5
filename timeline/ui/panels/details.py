"""The side panel that shows the selected event: read-only here; editing has its own panel."""

from __future__ import annotations

import re

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from timeline.core.model import Event
from timeline.core.recurrence import describe_recurrence

SAFE_LINK_SCHEMES = frozenset({"http", "https", "mailto"})


def is_safe_link(url: QUrl) -> bool:
    """Only web and mail links leave the app; ``file:``, ``javascript:``, ``data:`` never do."""
    return url.isValid() and url.scheme().lower() in SAFE_LINK_SCHEMES


MARKDOWN_FEATURES = QTextDocument.MarkdownFeature(
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub.value
    | QTextDocument.MarkdownFeature.MarkdownNoHTML.value
)
"""GitHub Markdown without raw HTML: a description cannot smuggle in markup."""

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")


def escape_markdown(text: str) -> str:
    """Text shown literally inside Markdown (titles and sources are not Markdown)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("\n", "  \n")


def event_markdown(event: Event) -> str:
    """The details of an event as Markdown; the description is the user's own Markdown."""
    reading = f"  \n{escape_markdown(event.when().display())}" if event.display_date else ""
    parts = [
        f"## {escape_markdown(event.title)}",
        f"**{escape_markdown(event.display_when())}**{reading}  \n`{event.when().edtf()}`",
    ]
    facts = []
    if event.recurrence:
        facts.append(f"Repeats: {escape_markdown(describe_recurrence(event.recurrence))}")
    if event.category:
        facts.append(f"Category: {escape_markdown(event.category)}")
    if event.tags:
        facts.append(f"Tags: {escape_markdown(', '.join(event.tags))}")
    if facts:
        parts.append("  \n".join(facts))
    if event.description:
        parts.append(event.description)
    if event.source:
        source = escape_markdown(event.source.display())
        if event.source.url and is_safe_link(QUrl(event.source.url)):
            source += f" ([open]({event.source.url}))"
        parts.append(f"*Source:* {source}")
    if event.url:
        link = escape_markdown(event.url)
        parts.append(f"[{link}]({event.url})" if is_safe_link(QUrl(event.url)) else link)
    return "\n\n".join(parts)


class EventDetails(QTextBrowser):
    """Title, dates, category, tags, description, source and link of one event.

    Nothing is loaded from the network or the disk to show it: the text is built here, and
    links open in the system browser only when they are web or mail links.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._open_link)
        self.setPlaceholderText("Select an event to see it here.")
        self.setMinimumWidth(260)
        self.show_event(None)

    def show_event(self, event: Event | None) -> None:
        if event is None:
            self.clear()
            return
        self.document().setMarkdown(event_markdown(event), MARKDOWN_FEATURES)

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        """Never fetch anything a description refers to."""
        return None

    def _open_link(self, url: QUrl) -> None:
        if is_safe_link(url):
            QDesktopServices.openUrl(url)
