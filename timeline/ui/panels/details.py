"""The side panel that shows the selected event: read-only here; editing has its own panel."""

from __future__ import annotations

import html

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTextBrowser, QWidget

from timeline.core.model import Event

SAFE_LINK_SCHEMES = frozenset({"http", "https", "mailto"})


def is_safe_link(url: QUrl) -> bool:
    """Only web and mail links leave the app; ``file:``, ``javascript:``, ``data:`` never do."""
    return url.isValid() and url.scheme().lower() in SAFE_LINK_SCHEMES


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
        parts = [
            f"<h2>{html.escape(event.title)}</h2>",
            f"<p><b>{html.escape(event.display_when())}</b><br>"
            f"<span style='color: gray'>{html.escape(event.when().edtf())}</span></p>",
        ]
        if event.category:
            parts.append(f"<p>Category: {html.escape(event.category)}</p>")
        if event.tags:
            parts.append(f"<p>Tags: {html.escape(', '.join(event.tags))}</p>")
        if event.description:
            paragraphs = event.description.split("\n\n")
            parts += [f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs]
        if event.source:
            parts.append(f"<p><i>Source:</i> {html.escape(event.source)}</p>")
        if event.url:
            url = QUrl(event.url)
            if is_safe_link(url):
                parts.append(
                    f"<p><a href='{html.escape(url.toString(), quote=True)}'>{html.escape(event.url)}</a></p>"
                )
            else:
                parts.append(f"<p>{html.escape(event.url)}</p>")
        self.setHtml("".join(parts))

    def loadResource(self, kind: int, url: QUrl) -> object:
        """Never fetch anything a description refers to."""
        return None

    def _open_link(self, url: QUrl) -> None:
        if is_safe_link(url):
            QDesktopServices.openUrl(url)
