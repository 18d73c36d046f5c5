"""The application: QApplication, the main window, and opening a file with clear errors."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QHeaderView, QMainWindow, QMessageBox, QTableView

from timeline.store.errors import StoreError
from timeline.ui.document import TimelineDocument
from timeline.ui.models.event_table import EventTableModel


class MainWindow(QMainWindow):
    def __init__(self, document: TimelineDocument) -> None:
        super().__init__()
        self.document = document
        self.setWindowTitle(f"{document.title} — Timeline")
        self.event_model = EventTableModel(document)
        self.event_list = QTableView()
        self.event_list.setModel(self.event_model)
        self.event_list.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.event_list.verticalHeader().hide()
        header = self.event_list.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 260)
        self.setCentralWidget(self.event_list)
        self.resize(1100, 700)

    def closeEvent(self, event: object) -> None:
        self.document.close()
        super().closeEvent(event)  # type: ignore[arg-type]


def run_app(path: Path | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Timeline")
    try:
        if path is None:
            from timeline.workspace import default_timeline_path

            path = default_timeline_path()
        document = TimelineDocument(path)
    except StoreError as error:
        QMessageBox.critical(None, "Cannot open timeline", str(error))
        raise
    window = MainWindow(document)
    window.show()
    return app.exec()
