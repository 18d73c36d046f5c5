"""The user guide window: the guide's pages in a list, searchable, shown as formatted text."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from timeline.guide import GuidePage, find_pages, guide_pages, search_words
from timeline.ui.panels.details import is_safe_link


class UserGuide(QWidget):
    """A window of its own beside the timeline, so that one can read and try at once.

    Typing in the search field keeps only the pages holding every word, best first, and marks
    the words in the page shown; Enter goes to the next mark.
    """

    def __init__(self, pages: list[GuidePage] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("Timeline User Guide")
        self.pages = pages if pages is not None else guide_pages()
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search the guide")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search the guide")
        self.page_list = QListWidget()
        self.page_list.setAccessibleName("Pages")
        self.no_match = QLabel("No page holds all of these words.")
        self.no_match.setWordWrap(True)
        self.no_match.hide()
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._follow)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.search)
        side_layout.addWidget(self.page_list, 1)
        side_layout.addWidget(self.no_match)
        splitter = QSplitter()
        splitter.addWidget(side)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)
        em = self.fontMetrics().horizontalAdvance("M")
        splitter.setSizes([16 * em, 52 * em])
        self.resize(70 * em, 44 * self.fontMetrics().height())
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self.next_match)
        self.page_list.currentItemChanged.connect(self._show_current)
        self._filter("")

    def shown_titles(self) -> list[str]:
        return [self.page_list.item(row).text() for row in range(self.page_list.count())]

    def show_page(self, title: str) -> None:
        for row in range(self.page_list.count()):
            if self.page_list.item(row).text() == title:
                self.page_list.setCurrentRow(row)
                return

    def _filter(self, query: str) -> None:
        current = self.page_list.currentItem()
        keep = current.text() if current is not None else None
        found = find_pages(self.pages, query)
        self.page_list.blockSignals(True)
        self.page_list.clear()
        for page in found:
            item = QListWidgetItem(page.title)
            item.setData(Qt.ItemDataRole.UserRole, page)
            self.page_list.addItem(item)
        self.page_list.blockSignals(False)
        self.no_match.setVisible(not found)
        titles = [page.title for page in found]
        if not found:
            self.browser.clear()
            return
        searching = bool(search_words(query))
        self.page_list.setCurrentRow(titles.index(keep) if keep in titles and not searching else 0)
        self._show_current()

    def _show_current(self, *_: object) -> None:
        item = self.page_list.currentItem()
        if item is None:
            return
        page: GuidePage = item.data(Qt.ItemDataRole.UserRole)
        self.browser.setMarkdown(page.text)
        self._mark_words()

    def _mark_words(self) -> None:
        """Mark every occurrence of the searched words and move to the first."""
        selections = []
        mark = QTextCharFormat()
        mark.setBackground(QColor("#ffe58a"))
        mark.setForeground(QColor("black"))
        document = self.browser.document()
        first: QTextCursor | None = None
        for word in search_words(self.search.text()):
            cursor = document.find(word, 0)
            while not cursor.isNull():
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format = mark
                selections.append(selection)
                if first is None or cursor.position() < first.position():
                    first = QTextCursor(cursor)
                cursor = document.find(word, cursor)
        self.browser.setExtraSelections(selections)
        if first is not None:
            self.browser.setTextCursor(first)
            self.browser.ensureCursorVisible()

    def marked_count(self) -> int:
        return len(self.browser.extraSelections())

    def next_match(self) -> None:
        """Go to the next occurrence of the first searched word, wrapping at the end."""
        words = search_words(self.search.text())
        if not words:
            return
        if not self.browser.find(words[0]):
            self.browser.moveCursor(QTextCursor.MoveOperation.Start)
            self.browser.find(words[0])

    def _follow(self, url: QUrl) -> None:
        if is_safe_link(url):
            QDesktopServices.openUrl(url)
