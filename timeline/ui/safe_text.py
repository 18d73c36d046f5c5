"""Markdown from a timeline file, rendered so that it can read nothing but its own text.

A timeline can come from someone else. Its descriptions are Markdown, and a Qt text document
left to itself loads what an image refers to (``![x](/home/me/secret.png)``, ``file://…``), so
a shared file could make its reader show, print or hand out their own files. Everything that
shows a description outside the Details tab (the presentation's caption, the story handout)
goes through :func:`safe_markdown_document`: raw HTML stays text, images are dropped before
layout, and :class:`SafeTextDocument` never loads a resource, whatever slips through.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QFont, QTextCursor, QTextDocument

from timeline.ui.panels.details import MARKDOWN_FEATURES


class SafeTextDocument(QTextDocument):
    """A text document that fetches nothing from the disk or the network."""

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        return None


def safe_markdown_document(markdown: str, font: QFont | None = None) -> SafeTextDocument:
    """The Markdown laid out as the Details tab reads it, without raw HTML and without images."""
    document = SafeTextDocument()
    if font is not None:
        document.setDefaultFont(font)
    document.setMarkdown(markdown, MARKDOWN_FEATURES)
    _drop_images(document)
    return document


def safe_markdown_html(markdown: str, font: QFont | None = None) -> str:
    """The same as HTML for a ``QLabel`` (in its ``font``): no image, no markup the Markdown did
    not make."""
    return safe_markdown_document(markdown, font).toHtml()


def _drop_images(document: QTextDocument) -> None:
    """Remove every image from the document; a timeline's pictures are not referred to by path."""
    spans = []
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.isValid() and fragment.charFormat().isImageFormat():
                spans.append((fragment.position(), fragment.length()))
            iterator += 1
        block = block.next()
    cursor = QTextCursor(document)
    for position, length in reversed(spans):
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
