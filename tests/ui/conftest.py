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


@pytest.fixture(autouse=True)
def private_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Windows opened with the default QSettings() keep theirs in a folder of the test's own."""
    folder = str(tmp_path_factory.mktemp("settings"))
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, folder)


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
