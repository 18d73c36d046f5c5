"""Draws a :class:`Frame` with QPainter: the only code that knows how the timeline looks.

Text is the costly part of a frame, so label widths and laid-out labels (``QStaticText``) are
cached by string; boxes are plain rectangles.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QLinearGradient,
    QPainter,
    QPalette,
    QPen,
    QPolygonF,
    QStaticText,
)

from timeline.core.view.layout import EventBox
from timeline.ui.canvas.frame import Frame, Geometry

_DEFAULT_EVENT_COLOUR = "#5b7fa6"
_CACHE_LIMIT = 20_000


@dataclass(frozen=True, slots=True)
class Theme:
    """Colours taken from the system palette, so light and dark modes both read well."""

    background: QColor
    text: QColor
    muted: QColor
    axis_background: QColor
    grid: QColor
    highlight: QColor
    today: QColor
    dark: bool

    @classmethod
    def from_palette(cls, palette: QPalette) -> Theme:
        background = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        dark = background.lightness() < 128
        muted = mixed(text, background, 0.6)
        grid = mixed(text, background, 0.10)
        return cls(
            background=background,
            text=text,
            muted=muted,
            axis_background=palette.color(QPalette.ColorRole.Window),
            grid=grid,
            highlight=palette.color(QPalette.ColorRole.Highlight),
            today=QColor("#ff6b5b") if dark else QColor("#d0312d"),
            dark=dark,
        )


class TimelinePainter:
    def __init__(self, font: QFont, theme: Theme) -> None:
        self.font = QFont(font)
        self.bold_font = QFont(font)
        self.bold_font.setBold(True)
        self.small_font = QFont(font)
        self.small_font.setPointSizeF(max(font.pointSizeF() * 0.85, 6.0))
        self.theme = theme
        self._metrics = QFontMetricsF(self.font)
        self._bold_metrics = QFontMetricsF(self.bold_font)
        self._widths: dict[str, float] = {}
        self.legend_rows: list[tuple[QRectF, int]] = []
        self._static: dict[tuple[str, bool], QStaticText] = {}

    # Measuring ------------------------------------------------------------------------------

    @property
    def line_height(self) -> float:
        return math.ceil(self._metrics.height())

    def geometry(self, width: float, height: float) -> Geometry:
        return Geometry(width, height, self.line_height, self.line_height + 10)

    def measure(self, text: str) -> float:
        width = self._widths.get(text)
        if width is None:
            if len(self._widths) > _CACHE_LIMIT:
                self._widths.clear()
            width = self._widths[text] = self._metrics.horizontalAdvance(text)
        return width

    def _text(self, text: str, bold: bool = False) -> QStaticText:
        key = (text, bold)
        static = self._static.get(key)
        if static is None:
            if len(self._static) > _CACHE_LIMIT:
                self._static.clear()
            static = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
            self._static[key] = static
        return static

    def _draw_text(self, painter: QPainter, x: float, top: float, text: str, bold: bool = False) -> None:
        painter.drawStaticText(QPointF(x, top), self._text(text, bold))

    # Painting -------------------------------------------------------------------------------

    def paint(self, painter: QPainter, frame: Frame) -> None:
        geometry = frame.geometry
        painter.fillRect(QRectF(0, 0, geometry.width, geometry.height), self.theme.background)
        painter.setFont(self.font)
        self._paint_eras(painter, frame)
        self._paint_grid(painter, frame)
        if frame.scene.detailed:
            self._paint_events(painter, frame)
            self._paint_clusters(painter, frame)
        else:
            self._paint_density(painter, frame)
        self._paint_today(painter, frame)
        self._paint_axis(painter, frame)
        self._paint_legend(painter, frame)

    def _paint_eras(self, painter: QPainter, frame: Frame) -> None:
        geometry = frame.geometry
        top, bottom = geometry.axis_bottom, geometry.height
        background = self.theme.background
        for index, era in enumerate(frame.eras):
            base = QColor(era.colour or _DEFAULT_EVENT_COLOUR)
            x0, x1 = max(era.x0, -1.0), min(era.x1, geometry.width + 1)
            fill = mixed(base, background, 0.10 if not self.theme.dark else 0.18)
            painter.fillRect(QRect(round(x0), round(top), round(x1 - x0), round(bottom - top)), fill)
            painter.setPen(QPen(mixed(base, background, 0.5), 1))
            painter.drawLine(QPointF(round(era.x0) + 0.5, top), QPointF(round(era.x0) + 0.5, bottom))
            label_x = max(x0, 0.0) + 6
            if label_x + self.measure(era.name) < x1 or index == len(frame.eras) - 1:
                painter.setPen(self.theme.muted)
                self._draw_text(painter, label_x, geometry.era_row[0] + 2, era.name, bold=True)

    def _paint_grid(self, painter: QPainter, frame: Frame) -> None:
        geometry = frame.geometry
        painter.setPen(QPen(self.theme.grid, 1))
        for tick in frame.axis.minor:
            x = round(frame.period.fraction_of(tick.time) * geometry.width) + 0.5
            painter.drawLine(QPointF(x, geometry.axis_bottom), QPointF(x, geometry.height))

    def _paint_axis(self, painter: QPainter, frame: Frame) -> None:
        from timeline.core.view.scale import visible_labels

        geometry, theme = frame.geometry, self.theme
        painter.fillRect(QRectF(0, 0, geometry.width, geometry.axis_bottom), theme.axis_background)
        painter.setPen(QPen(theme.grid, 1))
        painter.drawLine(
            QPointF(0, geometry.axis_bottom - 0.5), QPointF(geometry.width, geometry.axis_bottom - 0.5)
        )
        period, width = frame.period, geometry.width
        painter.setPen(QPen(theme.muted, 1))
        for tick in frame.axis.minor:
            x = round(period.fraction_of(tick.time) * width) + 0.5
            painter.drawLine(QPointF(x, geometry.axis_bottom - 6), QPointF(x, geometry.axis_bottom))
        minor_top = geometry.minor_row[0] + 4
        for x, label in visible_labels(frame.axis.minor, period, width, self.measure):
            self._draw_text(painter, x, minor_top, label)
        painter.setPen(theme.text)
        for x, label in visible_labels(frame.axis.major, period, width, self._bold_width, pin=True):
            self._draw_text(painter, x, geometry.major_row[0] + 5, label, bold=True)

    def _bold_width(self, text: str) -> float:
        return self._bold_metrics.horizontalAdvance(text)

    def _colour_of(self, box: EventBox, frame: Frame) -> QColor:
        span = box.span
        if span.colour:
            return QColor(span.colour)
        if span.category_id is not None:
            return QColor(frame.category_colours.get(span.category_id) or _DEFAULT_EVENT_COLOUR)
        return QColor(_DEFAULT_EVENT_COLOUR)

    def _paint_events(self, painter: QPainter, frame: Frame) -> None:
        geometry = frame.geometry
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        bar_height = geometry.lane_height - 6
        for box in frame.scene.boxes:
            top = geometry.lane_top(box.lane) + 3
            colour = self._colour_of(box, frame)
            faded = box.span.id in frame.faded
            if faded:
                colour = mixed(colour, self.theme.background, 0.25)
            if box.marker:
                self._paint_marker(painter, box, top + bar_height / 2, colour)
            else:
                self._paint_bar(painter, box, top, bar_height, colour)
            if box.span.id in frame.selected or box.span.id == frame.hovered:
                self._paint_outline(painter, box, top, bar_height, box.span.id in frame.selected)
            solid = box.solid_x1 - box.solid_x0 > box.label_width
            text = self.theme.muted if faded else self.theme.text
            painter.setPen(_contrasting(colour) if box.label_inside and solid else text)
            label_top = top + (bar_height - self.line_height) / 2
            self._draw_text(painter, box.label_x, label_top, box.span.label)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _paint_bar(self, painter: QPainter, box: EventBox, top: float, height: float, colour: QColor) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        x0, x1 = max(box.x0, -4.0), min(box.x1, box.x1 if box.x1 < 1e5 else 1e5)
        solid0, solid1 = max(box.solid_x0, x0), min(box.solid_x1, x1)
        if solid1 > solid0:
            painter.fillRect(QRectF(solid0, top, solid1 - solid0, height), colour)
        faint = QColor(colour)
        faint.setAlphaF(0.0)
        for start, end in ((x0, solid0), (x1, solid1)):
            if abs(end - start) >= 1:
                gradient = QLinearGradient(start, 0, end, 0)
                gradient.setColorAt(0, faint)
                gradient.setColorAt(1, colour)
                painter.fillRect(QRectF(min(start, end), top, abs(end - start), height), QBrush(gradient))
        if solid1 <= solid0 and box.span.fuzzy_start:
            painter.fillRect(QRectF(x0, top, x1 - x0, height), mixed(colour, self.theme.background, 0.25))
            painter.fillRect(QRectF(x0, top, x1 - x0, height), QBrush(colour, Qt.BrushStyle.BDiagPattern))

    def _paint_marker(self, painter: QPainter, box: EventBox, centre_y: float, colour: QColor) -> None:
        centre_x = (box.x0 + box.x1) / 2
        half = box.marker_size / 2
        diamond = QPolygonF(
            [
                QPointF(centre_x, centre_y - half),
                QPointF(centre_x + half, centre_y),
                QPointF(centre_x, centre_y + half),
                QPointF(centre_x - half, centre_y),
            ]
        )
        if box.span.fuzzy_start:
            painter.setPen(QPen(colour, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
        painter.drawPolygon(diamond)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _paint_outline(
        self, painter: QPainter, box: EventBox, top: float, height: float, selected: bool
    ) -> None:
        colour = QColor(self.theme.highlight if selected else self.theme.text)
        if not selected:
            colour = mixed(colour, self.theme.background, 0.45)
        painter.setPen(QPen(colour, 2.5 if selected else 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if box.marker:
            centre = QPointF((box.x0 + box.x1) / 2, top + height / 2)
            painter.drawEllipse(centre, box.marker_size * 0.7, box.marker_size * 0.7)
        else:
            painter.drawRoundedRect(QRectF(box.x0 - 1.5, top - 1.5, box.x1 - box.x0 + 3, height + 3), 3, 3)

    def _paint_clusters(self, painter: QPainter, frame: Frame) -> None:
        geometry = frame.geometry
        top, bottom = geometry.overflow_row
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        fill = mixed(self.theme.text, self.theme.background, 0.12)
        for cluster in frame.scene.clusters:
            label = f"+{cluster.count:,}"
            width = self.measure(label) + 14
            centre = (cluster.x0 + cluster.x1) / 2
            rect = QRectF(centre - width / 2, top + 3, width, bottom - top - 9)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
            painter.setPen(self.theme.text)
            self._draw_text(
                painter, rect.left() + 7, rect.top() + (rect.height() - self.line_height) / 2, label
            )
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _paint_density(self, painter: QPainter, frame: Frame) -> None:
        geometry = frame.geometry
        bins = frame.scene.bins
        top, bottom = geometry.lanes_top + self.line_height * 2.5, geometry.overflow_row[1] - 4
        peak = max((b.count for b in bins), default=0)
        colour = mixed(self.theme.highlight, self.theme.background, 0.55)
        if peak:
            for bin_ in bins:
                if bin_.count:
                    height = round((bottom - top) * max(math.sqrt(bin_.count / peak), 0.02))
                    left = round(bin_.x0)
                    painter.fillRect(
                        QRect(left, round(bottom) - height, round(bin_.x1) - left - 1, height), colour
                    )
        message = f"{frame.scene.in_view:,} events in view — zoom in to see each one"
        painter.setPen(self.theme.text)
        x = (geometry.width - self._bold_width(message)) / 2
        self._draw_text(painter, x, geometry.lanes_top + self.line_height * 0.5, message, bold=True)

    def _paint_today(self, painter: QPainter, frame: Frame) -> None:
        if frame.today_x is None:
            return
        geometry = frame.geometry
        x = round(frame.today_x) + 0.5
        painter.setPen(QPen(self.theme.today, 2))
        painter.drawLine(QPointF(x, geometry.axis_bottom), QPointF(x, geometry.height))
        label = "Today"
        left = x + 4 if x + 4 + self.measure(label) < geometry.width else x - 4 - self.measure(label)
        painter.setPen(self.theme.today)
        self._draw_text(painter, left, geometry.era_row[0] + 2, label, bold=True)

    def _paint_legend(self, painter: QPainter, frame: Frame) -> None:
        """The categories and their colours; a hidden one is drawn hollow and faint.

        Its rows are kept in ``legend_rows`` so that a click can toggle a category.
        """
        entries = frame.legend[:12]
        self.legend_rows = []
        if not entries:
            return
        geometry = frame.geometry
        row = self.line_height + 4
        width = max(self.measure(entry.name) for entry in entries) + 40
        height = row * len(entries) + 10
        left = geometry.width - width - 12
        top = geometry.overflow_row[0] - height - 8
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        panel = self.theme.axis_background
        painter.setPen(QPen(self.theme.grid, 1))
        painter.setBrush(panel)
        painter.drawRoundedRect(QRectF(left, top, width, height), 6, 6)
        for index, entry in enumerate(entries):
            y = top + 5 + index * row
            colour = QColor(entry.colour or _DEFAULT_EVENT_COLOUR)
            swatch = QRectF(left + 10, y + (row - 12) / 2, 14, 12)
            if entry.hidden:
                painter.setPen(QPen(colour, 1.5))
                painter.setBrush(Qt.BrushStyle.NoBrush)
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
            painter.drawRoundedRect(swatch, 2, 2)
            painter.setPen(self.theme.muted if entry.hidden else self.theme.text)
            self._draw_text(painter, left + 32, y + (row - self.line_height) / 2, entry.name)
            self.legend_rows.append((QRectF(left, y, width, row), entry.category_id))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)


def mixed(colour: QColor, background: QColor, amount: float) -> QColor:
    """``colour`` laid over ``background`` at ``amount`` opacity, as an opaque colour.

    Opaque fills take Qt's fast path; translucent ones cost forty times more per pixel.
    """
    return QColor.fromRgbF(
        colour.redF() * amount + background.redF() * (1 - amount),
        colour.greenF() * amount + background.greenF() * (1 - amount),
        colour.blueF() * amount + background.blueF() * (1 - amount),
    )


def _contrasting(colour: QColor) -> QColor:
    """Black or white, whichever reads better on ``colour``."""
    luminance = 0.299 * colour.redF() + 0.587 * colour.greenF() + 0.114 * colour.blueF()
    return QColor("#111111") if luminance > 0.6 else QColor("#ffffff")
