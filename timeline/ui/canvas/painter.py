"""Draws a :class:`Frame` with QPainter: the only code that knows how the timeline looks.

The look is a small typographic scale over the font given (event titles a step above the
axis, era names in spaced capitals), titles on tinted cards beside their markers, and lines
(today, era edges) that stop short of every label. Text is the costly part of a frame, so label
widths and laid-out labels (``QStaticText``) are cached by string; boxes are plain rectangles.
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
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPolygonF,
    QStaticText,
)

from timeline.core.colours import readable_on
from timeline.core.view.layout import EventBox
from timeline.core.view.spacing import beside_line, open_stretches, widest_free
from timeline.ui.canvas.frame import Frame, Geometry
from timeline.ui.canvas.spreading import picture_height

_DEFAULT_EVENT_COLOUR = "#5b7fa6"
_CACHE_LIMIT = 20_000
TITLE_SCALE = 1.15
"""Event titles are a step above the axis text: they are what the eye looks for."""
CARD_PADDING = 7.0
CARD_SPACING = 10.0
"""Room kept after each card, so that neighbouring titles never run into each other."""


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
    """Paints frames; ``label_boxes`` and ``legend_rows`` say where the last one put its text.

    ``measure`` is an event label's width on the canvas (its card, with the spacing after it),
    ``axis_measure`` an axis label's.
    """

    def __init__(self, font: QFont, theme: Theme) -> None:
        self.font = QFont(font)
        self.bold_font = QFont(font)
        self.bold_font.setBold(True)
        self.title_font = scaled_font(font, TITLE_SCALE)
        self.era_font = scaled_font(self.bold_font, 0.92)
        self.era_font.setCapitalization(QFont.Capitalization.AllUppercase)
        self.era_font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 1.0)
        self.theme = theme
        self._metrics = QFontMetricsF(self.font)
        self._bold_metrics = QFontMetricsF(self.bold_font)
        self._title_metrics = QFontMetricsF(self.title_font)
        self._era_metrics = QFontMetricsF(self.era_font)
        self._widths: dict[str, float] = {}
        self._axis_widths: dict[str, float] = {}
        self.legend_rows: list[tuple[QRectF, int]] = []
        self.label_boxes: list[QRectF] = []
        self._static: dict[tuple[str, int], QStaticText] = {}
        self._fonts = (self.font, self.bold_font, self.title_font, self.era_font)
        self._font_style = -1
        self._squares: dict[tuple[str, int], QImage] = {}

    # Measuring ------------------------------------------------------------------------------

    @property
    def line_height(self) -> float:
        return math.ceil(self._title_metrics.height())

    @property
    def axis_line_height(self) -> float:
        return math.ceil(self._metrics.height())

    def geometry(self, width: float, height: float) -> Geometry:
        return Geometry(width, height, self.line_height, self.line_height + 12)

    def measure(self, text: str) -> float:
        width = self._widths.get(text)
        if width is None:
            if len(self._widths) > _CACHE_LIMIT:
                self._widths.clear()
            width = self._title_metrics.horizontalAdvance(text) + 2 * CARD_PADDING + CARD_SPACING
            self._widths[text] = width
        return width

    def axis_measure(self, text: str) -> float:
        width = self._axis_widths.get(text)
        if width is None:
            if len(self._axis_widths) > _CACHE_LIMIT:
                self._axis_widths.clear()
            width = self._axis_widths[text] = self._metrics.horizontalAdvance(text)
        return width

    def _text(self, text: str, style: int = 0) -> QStaticText:
        """``style``: 0 plain, 1 bold, 2 title, 3 era (indices into ``_fonts``)."""
        key = (text, style)
        static = self._static.get(key)
        if static is None:
            if len(self._static) > _CACHE_LIMIT:
                self._static.clear()
            static = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
            self._static[key] = static
        return static

    def _draw_text(self, painter: QPainter, x: float, top: float, text: str, style: int | bool = 0) -> None:
        style = int(style)
        if style != self._font_style:
            painter.setFont(self._fonts[style])
            self._font_style = style
        painter.drawStaticText(QPointF(x, top), self._text(text, style))

    def _elided(self, text: str, width: float, style: int) -> str:
        metrics = (self._metrics, self._bold_metrics, self._title_metrics, self._era_metrics)[style]
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)

    def _width(self, text: str, style: int) -> float:
        if style == 2:
            return self.measure(text) - 2 * CARD_PADDING - CARD_SPACING
        if style == 0:
            return self.axis_measure(text)
        return (self._metrics, self._bold_metrics, self._title_metrics, self._era_metrics)[
            style
        ].horizontalAdvance(text)

    # Painting -------------------------------------------------------------------------------

    def paint(self, painter: QPainter, frame: Frame) -> None:
        geometry = frame.geometry
        self._font_style = -1
        self.label_boxes = []
        painter.fillRect(QRectF(0, 0, geometry.width, geometry.height), self.theme.background)
        self._paint_eras(painter, frame)
        self._paint_grid(painter, frame)
        if frame.scene.detailed:
            self._paint_bands(painter, frame)
            self._paint_arrows(painter, frame)
            self._paint_events(painter, frame)
            self._paint_clusters(painter, frame)
        else:
            self._paint_density(painter, frame)
        self._paint_today(painter, frame)
        self._paint_axis(painter, frame)
        self._paint_legend(painter, frame)

    def _era_fill(self, colour: str) -> QColor:
        return mixed(
            QColor(colour or _DEFAULT_EVENT_COLOUR), self.theme.background, 0.16 if self.theme.dark else 0.10
        )

    def _paint_eras(self, painter: QPainter, frame: Frame) -> None:
        geometry = frame.geometry
        top, bottom = geometry.axis_bottom, geometry.height
        for era in frame.eras:
            base = QColor(era.colour or _DEFAULT_EVENT_COLOUR)
            x0, x1 = max(era.x0, -1.0), min(era.x1, geometry.width + 1)
            painter.fillRect(
                QRect(round(x0), round(top), round(x1 - x0), round(bottom - top)), self._era_fill(era.colour)
            )
            if era.x0 >= 0:
                painter.setPen(QPen(mixed(base, self.theme.background, 0.5), 1))
                painter.drawLine(QPointF(round(era.x0) + 0.5, top), QPointF(round(era.x0) + 0.5, bottom))

    def _paint_era_names(self, painter: QPainter, frame: Frame, taken: list[tuple[float, float]]) -> None:
        """Each era's name inside its band, in the room the today label leaves; shortened, never cut."""
        geometry = frame.geometry
        top = (
            geometry.era_row[0] + (geometry.era_row[1] - geometry.era_row[0] - self._era_metrics.height()) / 2
        )
        for era in frame.eras:
            room = widest_free(max(era.x0, 0.0) + 6, min(era.x1, geometry.width) - 6, taken)
            if room is None or room[1] - room[0] < 24:
                continue
            name = (
                era.name
                if self._width(era.name, 3) <= room[1] - room[0]
                else self._elided(era.name, room[1] - room[0], 3)
            )
            if not name or name == "…":
                continue
            painter.setPen(mixed(QColor(era.colour or _DEFAULT_EVENT_COLOUR), self.theme.text, 0.35))
            self._draw_text(painter, room[0], top, name, 3)
            self.label_boxes.append(QRectF(room[0], top, self._width(name, 3), self._era_metrics.height()))

    def _paint_grid(self, painter: QPainter, frame: Frame) -> None:
        geometry = frame.geometry
        painter.setPen(QPen(self.theme.grid, 1))
        for tick in frame.axis.minor:
            x = round(frame.period.fraction_of(tick.time) * geometry.width) + 0.5
            painter.drawLine(QPointF(x, geometry.axis_bottom), QPointF(x, geometry.legend_row[0]))

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
        row = geometry.minor_row
        minor_top = row[0] + (row[1] - row[0] - self.axis_line_height) / 2 - 2
        for x, label in visible_labels(frame.axis.minor, period, width, self.axis_measure):
            if self._inside(x, self.axis_measure(label), width):
                self._draw_text(painter, x, minor_top, label)
                self.label_boxes.append(QRectF(x, minor_top, self.axis_measure(label), self.axis_line_height))
        painter.setPen(theme.text)
        row = geometry.major_row
        major_top = row[0] + (row[1] - row[0] - self.axis_line_height) / 2
        for x, label in visible_labels(frame.axis.major, period, width, self._bold_width, pin=True):
            if self._inside(x, self._bold_width(label), width):
                self._draw_text(painter, x, major_top, label, 1)
                self.label_boxes.append(QRectF(x, major_top, self._bold_width(label), self.axis_line_height))

    @staticmethod
    def _inside(x: float, width: float, pixels: float) -> bool:
        """An axis label is drawn whole or not at all: never "007" for a 2007 cut by the edge."""
        return x >= 1 and x + width <= pixels - 1

    def _bold_width(self, text: str) -> float:
        return self._bold_metrics.horizontalAdvance(text)

    def _colour_of(self, box: EventBox, frame: Frame) -> QColor:
        span = box.span
        if span.colour:
            colour = QColor(span.colour)
        elif span.category_id is not None:
            colour = QColor(frame.category_colours.get(span.category_id) or _DEFAULT_EVENT_COLOUR)
        else:
            colour = QColor(frame.uncategorised_colour)
        return colour.lighter(118) if self.theme.dark else colour

    def _card_height(self, geometry: Geometry) -> float:
        return min(geometry.lane_height - 8, self.line_height + 12)

    def _paint_events(self, painter: QPainter, frame: Frame) -> None:
        geometry = frame.geometry
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        card_height = self._card_height(geometry)
        tall_card = picture_height(geometry)
        for box in frame.scene.boxes:
            centre_y = geometry.lane_top(box.lane) + geometry.lane_height / 2
            sha256 = frame.pictures.get(box.span.id)
            picture = self._thumbnail(frame, sha256, round(tall_card - 6)) if sha256 else None
            height = tall_card if picture is not None else card_height
            top = centre_y - height / 2
            colour = self._colour_of(box, frame)
            faded = box.span.id in frame.faded
            if faded:
                colour = mixed(colour, self.theme.background, 0.25)
            if box.marker:
                self._paint_marker(painter, box, centre_y, colour)
            else:
                bar_top = centre_y - card_height / 2
                self._paint_bar(painter, box, bar_top, card_height, colour)
            if box.span.id in frame.selected or box.span.id == frame.hovered:
                self._paint_outline(
                    painter, box, centre_y - card_height / 2, card_height, box.span.id in frame.selected
                )
            self._paint_label(painter, box, frame, top, height, colour, faded, picture)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _paint_arrows(self, painter: QPainter, frame: Frame) -> None:
        """Links as curves from the end of one event to the start of another, under the events."""
        if not frame.arrows:
            return
        geometry = frame.geometry
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        colour = mixed(self.theme.text, self.theme.background, 0.45)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for arrow in frame.arrows:
            strong = arrow.from_id in frame.selected or arrow.to_id in frame.selected
            pen = QPen(self.theme.text if strong else colour, 1.6 if strong else 1.0)
            if arrow.type in ("contradicts", "same as"):
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            y0 = geometry.lane_top(arrow.lane0) + geometry.lane_height / 2
            y1 = geometry.lane_top(arrow.lane1) + geometry.lane_height / 2
            reach = max(abs(arrow.x1 - arrow.x0) / 2, 24.0)
            path = QPainterPath(QPointF(arrow.x0, y0))
            path.cubicTo(QPointF(arrow.x0 + reach, y0), QPointF(arrow.x1 - reach, y1), QPointF(arrow.x1, y1))
            painter.drawPath(path)
            painter.setBrush(pen.color())
            painter.drawPolygon(
                QPolygonF(
                    [QPointF(arrow.x1, y1), QPointF(arrow.x1 - 7, y1 - 3.5), QPointF(arrow.x1 - 7, y1 + 3.5)]
                )
            )
            painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _thumbnail(self, frame: Frame, sha256: str, side: int) -> QImage | None:
        """A picture's thumbnail cropped to a square of ``side`` pixels, scaled once and kept."""
        key = (sha256, side)
        image = self._squares.get(key)
        if image is None:
            source = frame.picture(sha256)
            if source is None or side < 8:
                return None
            shorter = min(source.width(), source.height())
            square = source.copy(
                (source.width() - shorter) // 2, (source.height() - shorter) // 2, shorter, shorter
            )
            image = square.scaled(
                side, side, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
            if len(self._squares) > 600:
                self._squares.clear()
            self._squares[key] = image
        return image

    def _paint_bands(self, painter: QPainter, frame: Frame) -> None:
        """Each swimlane's header: a tinted strip with its category, how many events, and ▾/▸."""
        geometry = frame.geometry
        for band in frame.bands:
            top = geometry.lane_top(band.header_lane)
            colour = QColor(
                frame.category_colours.get(int(band.key))
                if band.key.isdigit()
                else frame.uncategorised_colour
            )
            strip = QRectF(0, top + 2, geometry.width, geometry.lane_height - 4)
            painter.fillRect(strip, mixed(colour, self.theme.background, 0.22 if self.theme.dark else 0.12))
            painter.fillRect(QRectF(0, strip.top(), 4, strip.height()), colour)
            events = "event" if band.count == 1 else "events"
            text = f"{'▸' if band.collapsed else '▾'}  {band.label}  ·  {band.count} {events}"
            text_top = strip.top() + (strip.height() - self._bold_metrics.height()) / 2
            painter.setPen(self.theme.text)
            self._draw_text(painter, 12, text_top, text, 1)
            self.label_boxes.append(QRectF(12, text_top, self._bold_width(text), self._bold_metrics.height()))

    def _paint_label(
        self,
        painter: QPainter,
        box: EventBox,
        frame: Frame,
        top: float,
        height: float,
        colour: QColor,
        faded: bool,
        picture: QImage | None = None,
    ) -> None:
        """The title: inside its bar when it fits on the solid part, else on a card of its own
        (with the event's picture at its start when it has one and the lanes have room)."""
        width = frame.geometry.width
        text_width = box.label_width - 2 * CARD_PADDING - CARD_SPACING
        if picture is not None:
            text_width -= picture_height(frame.geometry)
        text_top = top + (height - self.line_height) / 2
        label = box.span.label
        if box.label_inside and picture is None:
            text_x = box.label_x + CARD_PADDING
            right = min(text_x + text_width, width - 2)
            on_solid = box.solid_x0 <= box.label_x and right <= box.solid_x1
            if on_solid:
                if right - text_x < text_width:
                    label = self._elided(label, right - text_x, 2)
                painter.setPen(QColor(readable_on(colour.name())))
                self._draw_text(painter, text_x, text_top, label, 2)
                self.label_boxes.append(QRectF(text_x, text_top, self._width(label, 2), self.line_height))
                return
        left = box.label_x
        inset = picture.width() + 3 if picture is not None else 0
        card_width = min(text_width + 2 * CARD_PADDING + inset, width - 2 - left)
        if card_width < 2 * CARD_PADDING + 16 + inset:
            return
        if card_width < text_width + 2 * CARD_PADDING + inset:
            label = self._elided(label, card_width - 2 * CARD_PADDING - inset, 2)
        card = QRectF(left, top, card_width, height)
        tint = mixed(colour, self.theme.background, 0.30 if self.theme.dark else 0.13)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(tint)
        painter.drawRoundedRect(card, 4, 4)
        accent_x = card.right() - 3 if box.label_x + box.label_width / 2 < box.x0 else card.left()
        painter.fillRect(QRectF(accent_x, top + 3, 3, height - 6), colour)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if picture is not None:
            painter.drawImage(QPointF(left + 3, top + 3), picture)
        painter.setPen(self.theme.muted if faded else self.theme.text)
        self._draw_text(painter, left + inset + CARD_PADDING, text_top, label, 2)
        self.label_boxes.append(card)

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
        """A diamond with a ring of the background round it, so it stands out on any era band."""
        centre_x = (box.x0 + box.x1) / 2
        half = box.marker_size / 2 + 1
        diamond = QPolygonF(
            [
                QPointF(centre_x, centre_y - half),
                QPointF(centre_x + half, centre_y),
                QPointF(centre_x, centre_y + half),
                QPointF(centre_x - half, centre_y),
            ]
        )
        if box.span.fuzzy_start:
            painter.setPen(QPen(self.theme.background, 5))
            painter.setBrush(self.theme.background)
            painter.drawPolygon(diamond)
            painter.setPen(QPen(colour, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
        else:
            painter.setPen(QPen(self.theme.background, 2))
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
            painter.drawEllipse(centre, box.marker_size * 0.8, box.marker_size * 0.8)
        else:
            painter.drawRoundedRect(QRectF(box.x0 - 1.5, top - 1.5, box.x1 - box.x0 + 3, height + 3), 3, 3)

    def _paint_clusters(self, painter: QPainter, frame: Frame) -> None:
        geometry = frame.geometry
        top, bottom = geometry.overflow_row
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        fill = mixed(self.theme.text, self.theme.background, 0.12)
        for cluster in frame.scene.clusters:
            label = f"+{cluster.count:,}"
            width = self.axis_measure(label) + 14
            centre = min(max((cluster.x0 + cluster.x1) / 2, width / 2 + 2), geometry.width - width / 2 - 2)
            rect = QRectF(centre - width / 2, top + 4, width, bottom - top - 8)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
            painter.setPen(self.theme.text)
            self._draw_text(
                painter, rect.left() + 7, rect.top() + (rect.height() - self.axis_line_height) / 2, label
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
        x = max((geometry.width - self._bold_width(message)) / 2, 2.0)
        self._draw_text(painter, x, geometry.lanes_top + self.line_height * 0.5, message, 1)

    def _paint_today(self, painter: QPainter, frame: Frame) -> None:
        """The today line, broken wherever a label lies across it; then the era names beside it."""
        geometry = frame.geometry
        taken: list[tuple[float, float]] = []
        if frame.today_x is not None:
            x = round(frame.today_x) + 0.5
            blocked = [
                (box.top(), box.bottom())
                for box in self.label_boxes
                if box.left() - 2 <= x <= box.right() + 2
            ]
            painter.setPen(QPen(self.theme.today, 2))
            for low, high in open_stretches(geometry.axis_bottom, geometry.legend_row[0], blocked):
                painter.drawLine(QPointF(x, low), QPointF(x, high))
            label = "Today"
            width = self._bold_width(label)
            left = beside_line(x, width, geometry.width)
            top = (
                geometry.era_row[0] + (geometry.era_row[1] - geometry.era_row[0] - self.axis_line_height) / 2
            )
            painter.setPen(self.theme.today)
            self._draw_text(painter, left, top, label, 1)
            self.label_boxes.append(QRectF(left, top, width, self.axis_line_height))
            taken.append((min(left, x), max(left + width, x)))
        self._paint_era_names(painter, frame, taken)

    def _paint_legend(self, painter: QPainter, frame: Frame) -> None:
        """The categories and their colours along the bottom; a hidden one is drawn hollow and faint.

        Its entries are kept in ``legend_rows`` so that a click can toggle a category.
        """
        self.legend_rows = []
        entries = frame.legend
        if not entries:
            return
        geometry = frame.geometry
        top, bottom = geometry.legend_row
        painter.fillRect(QRectF(0, top, geometry.width, bottom - top), self.theme.axis_background)
        painter.setPen(QPen(self.theme.grid, 1))
        painter.drawLine(QPointF(0, top + 0.5), QPointF(geometry.width, top + 0.5))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        x = 10.0
        text_top = top + (bottom - top - self.axis_line_height) / 2
        for entry in entries:
            width = 22 + self.axis_measure(entry.name)
            if x + width > geometry.width - 6:
                break
            colour = QColor(entry.colour or _DEFAULT_EVENT_COLOUR)
            swatch = QRectF(x, top + (bottom - top - 12) / 2, 14, 12)
            if entry.hidden:
                painter.setPen(QPen(colour, 1.5))
                painter.setBrush(Qt.BrushStyle.NoBrush)
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
            painter.drawRoundedRect(swatch, 3, 3)
            painter.setPen(self.theme.muted if entry.hidden else self.theme.text)
            self._draw_text(painter, x + 20, text_top, entry.name)
            self.legend_rows.append((QRectF(x - 4, top, width + 8, bottom - top), entry.category_id))
            x += width + 18
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)


def scaled_font(font: QFont, factor: float) -> QFont:
    """``font`` ``factor`` times as large, whether its size was given in points or in pixels."""
    result = QFont(font)
    if font.pointSizeF() > 0:
        result.setPointSizeF(font.pointSizeF() * factor)
    else:
        result.setPixelSize(max(round(font.pixelSize() * factor), 1))
    return result


def mixed(colour: QColor, background: QColor, amount: float) -> QColor:
    """``colour`` laid over ``background`` at ``amount`` opacity, as an opaque colour.

    Opaque fills take Qt's fast path; translucent ones cost forty times more per pixel.
    """
    return QColor.fromRgbF(
        colour.redF() * amount + background.redF() * (1 - amount),
        colour.greenF() * amount + background.greenF() * (1 - amount),
        colour.blueF() * amount + background.blueF() * (1 - amount),
    )
