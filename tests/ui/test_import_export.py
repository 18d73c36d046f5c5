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


def test_the_preview_maps_a_spreadsheets_columns_and_remembers_the_choice(  # type: ignore[no-untyped-def]
    qtbot, sample_document: TimelineDocument, settings: QSettings, tmp_path: Path
) -> None:
    import datetime as dt

    from tests.io.spreadsheet_files import write_xlsx
    from timeline.ui.dialogs.columns import ColumnChooser

    source = write_xlsx(
        tmp_path / "list.xlsx",
        [
            ["Sujet", "Quand", "Autre date", "Remarque"],
            ["Sommet", dt.date(2023, 7, 11), "09/07/2009", "à Vilnius"],
            ["Traité", dt.date(1992, 2, 7), "13/07/2009", "Maastricht"],
        ],
    )
    before = source.read_bytes()
    seen: dict[str, object] = {}

    def choose_and_accept() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ImportPreview):
            QTimer.singleShot(20, choose_and_accept)
            return
        assert isinstance(dialog.columns, ColumnChooser)
        seen["proposed"] = dict(dialog.report.columns)
        seen["first"] = dialog.table.item(0, 0).text()
        dialog.columns.set_field("Autre date", "start")  # the user picks the other date column
        dialog.columns.order.setCurrentIndex(dialog.columns.order.findData(True))
        seen["after"] = [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]
        dialog.accept()

    QTimer.singleShot(50, choose_and_accept)
    before_count = sample_document.event_count()
    assert import_with_preview(sample_document, source, QDialog(), settings=settings)
    assert seen["proposed"] == {
        "title": "Sujet",
        "start": "Quand",
        "end": "Autre date",
        "description": "Remarque",
    }
    assert seen["first"] == "7 February 1992 – 13 July 2009"  # the row before has an ambiguous end
    assert seen["after"] == ["9 July 2009", "13 July 2009"]
    assert sample_document.event_count() == before_count + 2
    assert source.read_bytes() == before  # the file is never touched
    keys = [key for key in settings.allKeys() if key.startswith("import/columns/")]
    assert len(keys) == 1

    def look_and_cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ImportPreview):
            QTimer.singleShot(20, look_and_cancel)
            return
        seen["again"] = dict(dialog.report.columns)
        seen["order"] = dialog.columns.order.currentData() if dialog.columns else None
        dialog.reject()

    QTimer.singleShot(50, look_and_cancel)
    assert not import_with_preview(sample_document, source, QDialog(), settings=settings)
    assert seen["again"] == {"title": "Sujet", "start": "Autre date", "description": "Remarque"}
    assert seen["order"] is True


def test_a_table_whose_columns_say_nothing_opens_for_choosing_them(  # type: ignore[no-untyped-def]
    qtbot, sample_document: TimelineDocument, settings: QSettings, tmp_path: Path
) -> None:
    source = tmp_path / "numbers.csv"
    source.write_text("a,b\n1,x\n2,y\n", encoding="utf-8")
    seen: dict[str, object] = {}

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ImportPreview):
            QTimer.singleShot(20, choose)
            return
        seen["enabled"] = dialog.import_button.isEnabled()
        assert dialog.columns is not None
        dialog.columns.set_field("b", "title")
        dialog.columns.set_field("a", "year")
        seen["rows"] = dialog.table.rowCount()
        dialog.accept()

    QTimer.singleShot(50, choose)
    assert import_with_preview(sample_document, source, QDialog(), settings=settings)
    assert seen == {"enabled": False, "rows": 2}
