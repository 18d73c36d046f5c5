"""The search panel: results as you type, matched words in bold, each with its date.

Enter or a click brings the event into view and selects it; F3 and Shift+F3 step through the
results. What a person types is passed to the full-text index as quoted terms, so quotes,
brackets, ``OR``, ``-`` and ``:`` are searched for, never an error.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from timeline.core.dates.dates import DateError
from timeline.core.dates.edtf import read_edtf
from timeline.core.filters import EventFilter, Matches
from timeline.core.model import MARK_END, MARK_START, SearchHit
from timeline.ui.document import TimelineDocument
from timeline.ui.panels.filters import FilterBox

RESULT_LIMIT = 50
_HTML_ROLE = Qt.ItemDataRole.UserRole + 1


def marked_html(text: str) -> str:
    """Search text with its marked words in bold, everything else escaped."""
    return html.escape(text).replace(MARK_START, "<b>").replace(MARK_END, "</b>")


def when_text(hit: SearchHit) -> str:
    try:
        value = read_edtf(hit.start_date if hit.end_date is None else f"{hit.start_date}/{hit.end_date}")
    except DateError:
        return hit.start_date
    return value.display()


class _HtmlDelegate(QStyledItemDelegate):
    """Draws an item's rich text (a title in bold, a grey date, a snippet) within its row."""

    def _document(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        markup = index.data(_HTML_ROLE) or ""
        if option.state & QStyle.StateFlag.State_Selected:  # grey would vanish on the highlight
            highlighted = option.palette.color(QPalette.ColorRole.HighlightedText).name()
            markup = markup.replace("color: gray", f"color: {highlighted}")
        document.setHtml(markup)
        document.setTextWidth(max(option.rect.width() - 8, 50))
        return document

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        document = self._document(option, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.left() + 4, option.rect.top() + 2)
        painter.setClipRect(QRectF(0, 0, option.rect.width() - 8, option.rect.height() - 4))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        document = self._document(option, index)
        return QSize(int(document.idealWidth()), int(document.size().height()) + 6)


class SearchPanel(QWidget):
    """Signals:
    event_chosen(int): the user picked a result (Enter, a click, F3).
    matching_changed(object, bool): the ids the search and filter keep (``None``: all), and
        whether the others are faded rather than hidden.
    """

    event_chosen = Signal(int)
    matching_changed = Signal(object, bool)

    def __init__(self, document: TimelineDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.field = QLineEdit()
        self.field.setPlaceholderText("Search titles, descriptions, tags and sources")
        self.field.setClearButtonEnabled(True)
        self.count = QLabel()
        self.filters = FilterBox(document)
        self.show_only_matches = QCheckBox("Show only matches on the timeline")
        self.results = QListWidget()
        self.results.setItemDelegate(_HtmlDelegate(self.results))
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.field)
        layout.addWidget(self.show_only_matches)
        layout.addWidget(self.filters)
        layout.addWidget(self.count)
        layout.addWidget(self.results, 1)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(150)
        self._typing.timeout.connect(self.run)
        self.field.textChanged.connect(lambda _text: self._typing.start())
        self.field.returnPressed.connect(self._choose_current_or_first)
        self.results.itemActivated.connect(self._choose)
        self.results.itemClicked.connect(self._choose)
        document.events_changed.connect(self._refresh_if_searching)
        self.filters.changed.connect(self.run)
        self.show_only_matches.toggled.connect(lambda _on: self.run())
        self.hits: list[SearchHit] = []
        self.matching: Matches | None = None

    def focus(self) -> None:
        self.field.setFocus()
        self.field.selectAll()

    def run(self) -> None:
        """Search for the field's text now (typing waits a moment before it searches)."""
        self._typing.stop()
        text = self.field.text()
        self.results.clear()
        event_filter = self.current_filter()
        on_timeline = self.filters.isChecked() or (self.show_only_matches.isChecked() and bool(text.strip()))
        matches = self.document.repository.matches(event_filter) if event_filter.active else None
        allowed = set(matches.ids) if matches is not None else None
        self.matching = matches if on_timeline else None
        self.matching_changed.emit(self.matching, event_filter.dim)
        repository = self.document.repository
        self.hits, more = (
            repository.search_hits(text, RESULT_LIMIT, allowed=allowed) if text.strip() else ([], False)
        )
        for hit in self.hits:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, hit.event_id)
            item.setData(Qt.ItemDataRole.DisplayRole, hit.title.replace(MARK_START, "").replace(MARK_END, ""))
            snippet = f"<br>{marked_html(hit.snippet)}" if hit.snippet.strip() else ""
            when = f"<span style='color: gray'>{html.escape(when_text(hit))}</span>"
            item.setData(_HTML_ROLE, f"{marked_html(hit.title)}<br>{when}{snippet}")
            self.results.addItem(item)
        if self.matching is not None:
            self.count.setText(f"{len(self.matching):,} event{'s' if len(self.matching) != 1 else ''} match")
        elif not text.strip():
            self.count.setText("")
        elif not self.hits:
            self.count.setText("No matches")
        else:
            shown = len(self.hits)
            self.count.setText(
                f"Best {shown} of many matches" if more else f"{shown} match{'es' if shown != 1 else ''}"
            )

    def current_filter(self) -> EventFilter:
        """The search words together with the filter controls."""
        return self.filters.current(self.field.text())

    def _refresh_if_searching(self) -> None:
        if self.field.text().strip() or self.filters.isChecked():
            self._typing.start()

    def _choose(self, item: QListWidgetItem) -> None:
        self.results.setCurrentItem(item)
        self.event_chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def _choose_current_or_first(self) -> None:
        if self._typing.isActive():
            self.run()
        item = self.results.currentItem() or self.results.item(0)
        if item is not None:
            self._choose(item)

    def step(self, direction: int) -> None:
        """F3 / Shift+F3: the next or previous result, wrapping around."""
        if self._typing.isActive():
            self.run()
        count = self.results.count()
        if not count:
            return
        row = self.results.currentRow()
        row = (0 if direction > 0 else count - 1) if row < 0 else (row + direction) % count
        self._choose(self.results.item(row))
