"""Import through the preview dialog and the window: one undo step, the file checked each time."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from timeline.io.formats import read_file
from timeline.store.database import open_database
from timeline.store.repository import TimelineRepository
from timeline.ui.app import MainWindow
from timeline.ui.dialogs.interchange import ImportPreview, import_with_preview
from timeline.ui.document import TimelineDocument

DATA = Path(__file__).resolve().parents[1] / "data" / "io"


def count_on_disk(path: Path) -> int:
    with open_database(path, readonly=True) as database:
        return TimelineRepository(database).count_events()


def accept_next_dialog(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Press the accept button of the next modal dialog, as a person would."""

    def press() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ImportPreview):
            dialog.accept()
        else:  # the reading progress is still up
            QTimer.singleShot(20, press)

    QTimer.singleShot(50, press)


def test_the_preview_shows_rows_as_understood_and_every_problem(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "rows.csv"
    source.write_text("title,start\nGood,c. 1450\nBad,2023-02-30\n", encoding="utf-8")
    report = read_file(source)
    preview = ImportPreview(report, [0], "rows.csv")
    qtbot.addWidget(preview)
    assert preview.table.item(0, 0).text() == "c. 1450"
    assert "2023-02-30" in preview.problems.item(0).text()
    assert preview.skip_duplicates.isChecked()
    assert preview.import_button.text() == "Import 0 events"
    preview.skip_duplicates.setChecked(False)
    assert preview.import_button.text() == "Import 1 event"


def test_import_is_one_undoable_step(qtbot, sample_document: TimelineDocument, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(sample_document, settings)
    qtbot.addWidget(window)
    path = sample_document.path
    accept_next_dialog(qtbot)
    assert import_with_preview(sample_document, DATA / "sample.timeline", window)
    assert count_on_disk(path) == 8 + 4
    assert "Rome" in sample_document.categories_by_name()
    assert next(era.name for era in sample_document.eras()) == "Republic"
    assert window.edit_actions.undo.text() == "&Undo Import 4 events from 'sample.timeline'"
    window.edit_actions.undo.trigger()
    assert count_on_disk(path) == 8
    assert "Rome" not in sample_document.categories_by_name()
    assert [era.name for era in sample_document.eras()] == ["Full-scale war"]
    window.edit_actions.redo.trigger()
    assert count_on_disk(path) == 12


def test_a_malformed_file_is_refused_and_nothing_is_written(
    qtbot, sample_document: TimelineDocument, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "broken.timeline"
    source.write_text("<timeline><events>", encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    assert not import_with_preview(sample_document, source, QDialog())
    assert "broken XML" in shown[0]
    assert count_on_disk(sample_document.path) == 8


def test_export_events_writes_the_chosen_format(
    qtbot, sample_document: TimelineDocument, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    from timeline.io.formats import DESCRIPTIONS
    from timeline.ui.dialogs.interchange import export_events

    target = tmp_path / "out.ics"
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *args, **kwargs: (str(target), f"{DESCRIPTIONS['ics']} (*.ics)"),
    )
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))
    parent = QDialog()
    qtbot.addWidget(parent)
    export_events(sample_document, parent)
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert told == ["Wrote 8 events to out.ics."]


def test_a_cancelled_export_stops_and_leaves_no_file(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import pytest
    from PySide6.QtWidgets import QProgressDialog

    from timeline.io.formats import write_csv_file
    from timeline.ui.dialogs.interchange import ExportCancelled, _reporting

    progress = QProgressDialog()
    qtbot.addWidget(progress)
    progress.cancel()
    records = (("t", "2000", "", "", "", "", "", "", "") for _ in range(10))
    with pytest.raises(ExportCancelled):
        write_csv_file(tmp_path / "out.csv", _reporting(records, progress, every=3))
    assert list(tmp_path.iterdir()) == []


def test_details_show_the_date_as_written_and_how_an_event_repeats() -> None:
    from timeline.core.dates.parsing import parse_date
    from timeline.core.model import Event
    from timeline.ui.panels.details import event_markdown

    event = Event(
        "Born",
        parse_date("1600-03-15"),
        display_date="5 March 1600 (Julian)",
        recurrence="RRULE:FREQ=YEARLY",
    )
    text = event_markdown(event)
    assert "**5 March 1600 \\(Julian\\)**" in text and "15 March 1600" in text
    assert "Repeats: every year" in text
