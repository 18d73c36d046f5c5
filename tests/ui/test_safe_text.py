"""A description or title can name a local file; the presentation and the handout never read it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QImage, QTextDocument

from timeline.core.dates.parsing import parse_date
from timeline.core.model import Event
from timeline.ui.document import TimelineDocument
from timeline.ui.presentation import PresentationWindow, stops_for
from timeline.ui.render import render_handout
from timeline.ui.safe_text import safe_markdown_document


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A solid red picture standing for a private file of whoever opens the timeline."""
    path = tmp_path / "secret.png"
    image = QImage(120, 120, QImage.Format.Format_RGB32)
    image.fill(QColor(255, 0, 0))
    assert image.save(str(path))
    return path


def hostile_event(secret: Path) -> Event:
    return Event(
        f'<img src="{secret}"> Treaty',
        parse_date("1648"),
        description=(
            f"Signed. ![local]({secret}) ![uri]({secret.as_uri()})"
            f' <img src="{secret}"> [![linked]({secret})](https://example.org)'
        ),
    )


def has_red(image: QImage) -> bool:
    return any(
        image.pixelColor(x, y) == QColor(255, 0, 0)
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
    )


def test_safe_markdown_loads_no_picture_a_plain_document_would(qtbot, secret: Path) -> None:  # type: ignore[no-untyped-def]
    from timeline.ui.panels.details import MARKDOWN_FEATURES

    markdown = hostile_event(secret).description
    plain = QTextDocument()
    plain.setMarkdown(markdown, MARKDOWN_FEATURES)
    plain.setTextWidth(600)
    plain.size()  # lays out, loading what the images name
    assert plain.resource(QTextDocument.ResourceType.ImageResource.value, QUrl(str(secret))) is not None
    safe = safe_markdown_document(markdown)
    safe.setTextWidth(600)
    safe.size()
    for name in (str(secret), secret.as_uri()):
        assert safe.resource(QTextDocument.ResourceType.ImageResource.value, QUrl(name)) is None
    assert "Signed." in safe.toPlainText() and "<img" in safe.toPlainText()  # raw HTML is text
    assert "<img" not in safe.toHtml()


def test_the_caption_shows_a_title_as_text_and_no_picture(qtbot, tmp_path: Path, secret: Path) -> None:  # type: ignore[no-untyped-def]
    document = TimelineDocument(tmp_path / "t.db", create=True)
    try:
        [event_id] = document.add_events([hostile_event(secret)])
        presentation = PresentationWindow(document, stops_for(document, [event_id]))
        qtbot.addWidget(presentation)
        presentation.resize(1280, 800)
        presentation.show()
        qtbot.waitExposed(presentation)
        caption = presentation.caption
        assert caption.title.text() == f'<img src="{secret}"> Treaty'
        assert caption.title.textFormat() == Qt.TextFormat.PlainText
        assert "<img" not in caption.description.text()
        assert "Signed." in caption.description.text()
        assert not has_red(caption.grab().toImage())
    finally:
        document.close()


def test_the_handout_embeds_no_picture_a_description_names(qtbot, tmp_path: Path, secret: Path) -> None:  # type: ignore[no-untyped-def]
    document = TimelineDocument(tmp_path / "t.db", create=True)
    try:
        [event_id] = document.add_events([hostile_event(secret)])
        path = tmp_path / "handout.pdf"
        render_handout(document, stops_for(document, [event_id]), path)
    finally:
        document.close()
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"/Subtype /Image" not in data and b"/Subtype/Image" not in data
