"""The side panel that shows the selected event: read-only here; editing has its own panel."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from timeline.core.model import Event
from timeline.core.pictures import Picture
from timeline.core.recurrence import describe_recurrence
from timeline.ui.panels.relations_text import EVENT_SCHEME, relations_markdown

if TYPE_CHECKING:
    from timeline.ui.document import TimelineDocument

PICTURE_SCHEME = "picture"
"""Pictures are handed to the text as resources under ``picture:<sha256>``, never loaded by URL."""

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

    Signals:
        event_chosen(int): a link to another event (a link, its parent, a part) was clicked.
    """

    event_chosen = Signal(int)

    def __init__(self, document: TimelineDocument | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timeline = document
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._open_link)
        self.setPlaceholderText("Select an event to see it here.")
        self.setMinimumWidth(260)
        self.show_event(None)

    def show_event(self, event: Event | None) -> None:
        if event is None:
            self.clear()
            return
        timeline = self.timeline
        pictures = timeline.pictures_of(event.id) if timeline is not None and event.id is not None else []
        text = self.document()
        markdown = event_markdown(event)
        if timeline is not None and event.id is not None:
            related = relations_markdown(timeline.repository, event)
            markdown += f"\n\n{related}" if related else ""
        text.setMarkdown(markdown, MARKDOWN_FEATURES)
        if pictures:
            self._insert_pictures(text, pictures, event.when().edtf())

    def _insert_pictures(self, text: QTextDocument, pictures: list[Picture], after: str) -> None:
        """Each picture at the panel's width, with its caption and credit, under the date.

        Inserted with a cursor (Markdown images are dropped by the browser's importer), as
        resources of the text under ``picture:<sha256>``: nothing is loaded by URL.
        """
        from PySide6.QtGui import QTextBlockFormat, QTextCharFormat, QTextCursor, QTextImageFormat

        block = text.begin()
        while block.isValid() and block.text() != after:
            block = block.next()
        if not block.isValid():
            block = text.begin()
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        plain, italic = QTextCharFormat(), QTextCharFormat()
        italic.setFontItalic(True)
        spaced = QTextBlockFormat()
        spaced.setTopMargin(8)
        for picture in pictures:
            image = self._picture_image(picture)
            if image is None:
                continue
            name = f"{PICTURE_SCHEME}:{picture.sha256}"
            text.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
            cursor.insertBlock(spaced, plain)
            shown = QTextImageFormat()
            shown.setName(name)
            shown.setWidth(image.width())
            shown.setHeight(image.height())
            cursor.insertImage(shown)
            if picture.caption or picture.credit:
                cursor.insertBlock(QTextBlockFormat(), plain)
                cursor.insertText(picture.caption, plain)
                if picture.credit:
                    cursor.insertText((" — " if picture.caption else "") + picture.credit, italic)

    def _picture_image(self, picture: Picture) -> QImage | None:
        """The full picture, drawn to the panel's width."""
        from timeline.ui.pictures import decode

        assert self.timeline is not None
        width = max(self.viewport().width() - 24, 120)
        data, mime = self.timeline.image_data(picture.sha256)
        image = decode(data, mime, longest=max(width, 1024) if mime == "image/svg+xml" else None)
        if image.isNull():
            return None
        if image.width() > width:
            from PySide6.QtCore import Qt

            image = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
        return image

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        """Never fetch anything a description refers to."""
        return None

    def _open_link(self, url: QUrl) -> None:
        if url.scheme() == EVENT_SCHEME and url.path().isdigit():
            self.event_chosen.emit(int(url.path()))
            return
        if is_safe_link(url):
            QDesktopServices.openUrl(url)
