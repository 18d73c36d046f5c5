from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from timeline.ui.document import TimelineDocument
from timeline.workspace import create_from_sample


@pytest.fixture
def sample_path(tmp_path: Path) -> Path:
    path = tmp_path / "sample.timeline.db"
    create_from_sample(path)
    return path


@pytest.fixture
def sample_document(sample_path: Path) -> Iterator[TimelineDocument]:
    document = TimelineDocument(sample_path)
    yield document
    document.close()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, sample_document: TimelineDocument, settings: QSettings):  # type: ignore[no-untyped-def]
    """The main window on the sample timeline, shown, with settings of its own."""
    from timeline.ui.app import MainWindow

    main = MainWindow(sample_document, settings)
    qtbot.addWidget(main)
    main.resize(1400, 900)
    main.show()
    qtbot.waitExposed(main)
    return main
