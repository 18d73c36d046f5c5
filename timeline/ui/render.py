"""Draw a period of a timeline to PNG, SVG or PDF with the painter the screen uses."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPalette,
    QPdfWriter,
)

from timeline.core.view.period import TimePeriod
from timeline.core.view.presentation import Stop, framing
from timeline.ui.canvas.frame import build_frame
from timeline.ui.canvas.painter import Theme, TimelinePainter
from timeline.ui.document import TimelineDocument

FORMATS = (".png", ".svg", ".pdf")


class RenderError(Exception):
    """The picture could not be written; nothing was left at the destination."""


def light_theme() -> Theme:
    """Exports are for paper and slides: always the light palette, whatever the screen uses."""
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.Window, QColor("#f3f3f3"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#1d1d1d"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#2f6fcf"))
    return Theme.from_palette(palette)


def export_font(width: float, height: float) -> QFont:
    """Type sized to the picture: a 1920x1080 render reads on a projector like the screen at arm's length."""
    font = QFont(QGuiApplication.font())
    font.setPixelSize(round(min(max(min(width, height) / 64, 11), 40)))
    return font


def render_period(
    document: TimelineDocument, period: TimePeriod, size: QSize, path: Path, font: QFont | None = None
) -> None:
    """Write the period at ``size`` pixels (points for PDF) to ``path``; the suffix picks the format.

    The picture is written to a temporary file beside ``path`` and renamed into place, so a
    failure never leaves half a file over an old one.
    """
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise RenderError(f"{path}: unknown picture format {suffix!r} (use {', '.join(FORMATS)})")
    if size.width() < 100 or size.height() < 100 or size.width() > 20_000 or size.height() > 20_000:
        raise RenderError(
            "a picture must be between 100 and 20,000 pixels wide and high,"
            f" not {size.width()}x{size.height()}"
        )
    painter = TimelinePainter(font or export_font(size.width(), size.height()), light_theme())
    frame = build_frame(
        document,
        period,
        painter.geometry(size.width(), size.height()),
        painter.measure,
        axis_measure=painter.axis_measure,
    )
    temporary = _temporary_beside(path, suffix)
    try:
        if suffix == ".png":
            image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
            with _painting(image) as qpainter:
                painter.paint(qpainter, frame)
            if not image.save(str(temporary)):  # the temporary name ends in .png
                raise RenderError(f"{path}: could not write the image")
        elif suffix == ".svg":
            from PySide6.QtSvg import QSvgGenerator

            generator = QSvgGenerator()
            generator.setFileName(str(temporary))
            generator.setSize(size)
            generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
            generator.setTitle(document.title)
            with _painting(generator) as qpainter:
                painter.paint(qpainter, frame)
        else:
            writer = QPdfWriter(str(temporary))
            writer.setResolution(72)
            writer.setPageSize(QPageSize(QSizeF(size.width(), size.height()), QPageSize.Unit.Point))
            writer.setPageMargins(QMarginsF(0, 0, 0, 0))
            writer.setTitle(document.title)
            with _painting(writer) as qpainter:
                painter.paint(qpainter, frame)
        _publish(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


PAPER = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}


def render_poster(document: TimelineDocument, period: TimePeriod, pages: int, paper: str, path: Path) -> None:
    """A PDF poster: the period drawn once across ``pages`` landscape pages, to print and tape side by side.

    Every page holds its own slice of one continuous picture, drawn by the screen's painter.
    """
    if not 1 <= pages <= 50:
        raise RenderError(f"a poster has 1 to 50 pages, not {pages}")
    width, height = _landscape(paper)
    painter = TimelinePainter(QGuiApplication.font(), light_theme())
    frame = build_frame(
        document,
        period,
        painter.geometry(width * pages, height),
        painter.measure,
        axis_measure=painter.axis_measure,
    )
    with _pdf_pages(path, width, height, document.title) as (writer, qpainter):
        for page in range(pages):
            if page:
                writer.newPage()
            qpainter.save()
            qpainter.setClipRect(QRectF(0, 0, width, height))
            qpainter.translate(-page * width, 0)
            painter.paint(qpainter, frame)
            qpainter.restore()


def render_handout(document: TimelineDocument, stops: list[Stop], path: Path, paper: str = "a4") -> None:
    """A PDF handout of a story: one landscape page per step, the framed view above its caption."""
    if not stops:
        raise RenderError("the story is empty: add events to it first")
    width, height = _landscape(paper)
    margin = 36.0
    view_height = (height - 2 * margin) * 0.58
    painter = TimelinePainter(QGuiApplication.font(), light_theme())
    with _pdf_pages(path, width, height, f"{document.title} — handout") as (writer, qpainter):
        for index, stop in enumerate(stops):
            if index:
                writer.newPage()
            geometry = painter.geometry(width - 2 * margin, view_height)
            frame = build_frame(
                document,
                framing(stops, index),
                geometry,
                painter.measure,
                selected=frozenset({stop.event_id}),
                axis_measure=painter.axis_measure,
            )
            qpainter.save()
            qpainter.translate(margin, margin)
            qpainter.setClipRect(QRectF(0, 0, geometry.width, geometry.height))
            painter.paint(qpainter, frame)
            qpainter.restore()
            caption = QRectF(
                margin,
                margin + view_height + 18,
                width - 2 * margin,
                height - view_height - 2 * margin - 18,
            )
            _draw_caption(qpainter, document, stop.event_id, f"{index + 1} / {len(stops)}", caption)


def _draw_caption(
    qpainter: QPainter, document: TimelineDocument, event_id: int, position: str, rect: QRectF
) -> None:
    """Title, date as written, the description (Markdown rendered) and the step, within ``rect``."""
    from timeline.ui.panels.details import escape_markdown
    from timeline.ui.safe_text import safe_markdown_document

    event = document.get_event(event_id)
    text = safe_markdown_document(  # nothing a description names is read from disk or network
        f"## {escape_markdown(event.title)}\n\n**{escape_markdown(event.display_when())}**\n\n"
        f"{event.description}\n\n*{position}*",
        QGuiApplication.font(),
    )
    text.setTextWidth(rect.width())
    qpainter.save()
    qpainter.translate(rect.topLeft())
    text.drawContents(qpainter, QRectF(0, 0, rect.width(), rect.height()))
    qpainter.restore()


def _landscape(paper: str) -> tuple[float, float]:
    if paper not in PAPER:
        raise RenderError(f"paper {paper!r} is not one of {', '.join(PAPER)}")
    points = QPageSize(PAPER[paper]).size(QPageSize.Unit.Point)
    return max(points.width(), points.height()), min(points.width(), points.height())


@contextlib.contextmanager
def _pdf_pages(path: Path, width: float, height: float, title: str) -> Iterator[tuple[QPdfWriter, QPainter]]:
    """A PDF of pages ``width`` x ``height`` points, drawn into a temporary file and then published."""
    temporary = _temporary_beside(path, ".pdf")
    try:
        writer = QPdfWriter(str(temporary))
        writer.setResolution(72)
        writer.setPageSize(QPageSize(QSizeF(width, height), QPageSize.Unit.Point))
        writer.setPageMargins(QMarginsF(0, 0, 0, 0))
        writer.setTitle(title)
        with _painting(writer) as qpainter:
            yield writer, qpainter
        _publish(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _temporary_beside(path: Path, suffix: str) -> Path:
    """A temporary file to draw into (its name ends as Qt needs, e.g. ``.png``), or why not."""
    from timeline.io.temporary import temporary_beside

    try:
        return temporary_beside(path, suffix)
    except OSError as error:
        raise RenderError(f"{path}: could not write ({error.strerror})") from None


def _publish(temporary: Path, path: Path) -> None:
    """Give a finished file the usual permissions and move it into place in one step."""
    if temporary.stat().st_size == 0:
        raise RenderError(f"{path}: nothing was written")
    umask = os.umask(0)
    os.umask(umask)
    temporary.chmod(0o666 & ~umask)  # the usual permissions of a new file, not mkstemp's 0600
    os.replace(temporary, path)


@contextlib.contextmanager
def _painting(device: QPaintDevice) -> Iterator[QPainter]:
    """A QPainter that is always ended, even when drawing fails."""
    painter = QPainter()
    if not painter.begin(device):
        raise RenderError("could not start drawing the picture")
    try:
        yield painter
    finally:
        painter.end()
