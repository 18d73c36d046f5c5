"""File → New Events from Text…: the review dialog driven as a person drives it, the file read after."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from timeline.core.model import Event
from timeline.store.database import open_database
from timeline.store.repository import TimelineRepository
from timeline.ui.app import MainWindow
from timeline.ui.dialogs.from_text import EventsFromText
from timeline.ui.document import TimelineDocument

TEXT = (
    "Published: 14 January 2024\n\n"
    "The rain began last Monday and the river burst its banks at Millbrook on Wednesday night. "
    "The council declared a major incident the following day.\n\n"
    "It was the worst flood since the winter of 2013. The flood wall, built in 1987, will be "
    "raised in the summer."
)


def events_on_disk(path: Path) -> list[Event]:
    with open_database(path, readonly=True) as database:
        return TimelineRepository(database).events()


@pytest.fixture
def dialog(qtbot, sample_document: TimelineDocument):  # type: ignore[no-untyped-def]
    opened = EventsFromText(sample_document)
    qtbot.addWidget(opened)
    opened.show()
    yield opened
    if opened.isVisible():
        opened.reject()


def find_dates(qtbot, dialog: EventsFromText, text: str) -> None:  # type: ignore[no-untyped-def]
    dialog.text_page.text.setPlainText(text)
    qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=5000)


def test_the_texts_own_date_is_found_and_can_be_typed(qtbot, dialog: EventsFromText) -> None:  # type: ignore[no-untyped-def]
    dialog.text_page.text.setPlainText(TEXT)
    qtbot.waitUntil(lambda: dialog.text_page.reference.line.text() == "14 January 2024")
    assert "Found in the text" in dialog.text_page.reference_note.text()
    dialog.text_page.reference.line.clear()
    qtbot.keyClicks(dialog.text_page.reference.line, "3 March 2023")
    dialog.text_page.text.setPlainText(TEXT + " ")
    qtbot.wait(400)
    assert dialog.text_page.reference.line.text() == "3 March 2023"  # typed by the user: kept
    assert dialog.text_page.reference_date().edtf() == "2023-03-03"


def test_a_bad_reference_date_is_refused_and_nothing_is_searched(qtbot, dialog: EventsFromText) -> None:  # type: ignore[no-untyped-def]
    dialog.text_page.text.setPlainText("The river rose on Monday.")
    qtbot.keyClicks(dialog.text_page.reference.line, "the thirty-third of Smarch")
    qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == 0
    assert "not a date" in dialog.text_page.reference.feedback.text()


def test_review_lists_proposals_with_the_sentence_marked(qtbot, dialog: EventsFromText) -> None:  # type: ignore[no-untyped-def]
    find_dates(qtbot, dialog, TEXT)
    page = dialog.review_page
    table = page.table
    rows = [(table.item(r, 1).text(), table.item(r, 2).toolTip()) for r in range(table.rowCount())]
    assert rows == [
        ("The rain began", "2024-01-08?"),
        ("The river burst its banks at Millbrook", "2024-01-10"),
        ("The council declared a major incident", "2024-01-11"),
        ("It was the worst flood", "2013-24/.."),
        ("The flood wall was built", "1987"),
        ("The flood wall will be raised", "2024-22"),
    ]
    assert dialog.add_button.text() == "Add 6 Events"
    table.selectRow(2)
    assert page.title.text() == "The council declared a major incident"
    assert page.start.line.text() == "11 January 2024"
    marked = page.sentence.toHtml()
    assert "the following day" in marked
    assert "font-weight" in marked  # the date words are in bold
    assert set(page.preview.shown()) == set(range(6))


def test_an_uncertain_reading_says_why_in_the_review(qtbot, dialog: EventsFromText) -> None:  # type: ignore[no-untyped-def]
    find_dates(qtbot, dialog, TEXT)
    page = dialog.review_page
    page.table.selectRow(0)  # "last Monday" in a text of Sunday 14 January 2024
    assert page.doubt.isVisibleTo(page)
    assert "some writers mean 1 January 2024" in page.doubt.text()
    assert "8 January 2024" in page.doubt.text()
    page.table.selectRow(1)
    assert not page.doubt.isVisibleTo(page)
    page.table.selectRow(0)
    page.start.line.clear()
    qtbot.keyClicks(page.start.line, "1 January 2024")
    qtbot.keyClick(page.start.line, Qt.Key.Key_Return)
    assert page.table.item(0, 2).toolTip() == "2024-01-01"
    assert not page.doubt.isVisibleTo(page)  # the reader has settled it


def test_unchecked_proposals_leave_the_preview_and_the_count(qtbot, dialog: EventsFromText) -> None:  # type: ignore[no-untyped-def]
    find_dates(qtbot, dialog, TEXT)
    page = dialog.review_page
    page.table.item(4, 0).setCheckState(Qt.CheckState.Unchecked)
    page.table.item(5, 0).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.add_button.text() == "Add 4 Events"
    assert set(page.preview.shown()) == {0, 1, 2, 3}
    qtbot.mouseClick(page.none_button, Qt.MouseButton.LeftButton)
    assert not dialog.add_button.isEnabled()
    assert page.preview.shown() == {}
    qtbot.mouseClick(page.all_button, Qt.MouseButton.LeftButton)
    assert dialog.add_button.text() == "Add 6 Events"


def test_title_and_dates_can_be_changed_before_adding(qtbot, dialog: EventsFromText) -> None:  # type: ignore[no-untyped-def]
    find_dates(qtbot, dialog, TEXT)
    page = dialog.review_page
    page.table.selectRow(5)
    page.title.clear()
    qtbot.keyClicks(page.title, "Flood wall raised")
    qtbot.keyClick(page.title, Qt.Key.Key_Return)
    page.start.line.clear()
    qtbot.keyClicks(page.start.line, "June 2024")
    qtbot.keyClick(page.start.line, Qt.Key.Key_Return)
    qtbot.keyClicks(page.end.line, "August 2024")
    qtbot.keyClick(page.end.line, Qt.Key.Key_Return)
    assert page.table.item(5, 1).text() == "Flood wall raised"
    assert page.table.item(5, 2).toolTip() == "2024-06/2024-08"
    assert page.preview.shown()[5].title == "Flood wall raised"


def test_an_end_before_the_start_is_refused(qtbot, dialog: EventsFromText) -> None:  # type: ignore[no-untyped-def]
    find_dates(qtbot, dialog, TEXT)
    page = dialog.review_page
    page.table.selectRow(4)
    qtbot.keyClicks(page.end.line, "1900")
    qtbot.keyClick(page.end.line, Qt.Key.Key_Return)
    assert "before the start" in page.end.feedback.text()
    assert page.table.item(4, 2).toolTip() == "1987"


def test_accepting_adds_all_in_one_undoable_step_citing_the_source(  # type: ignore[no-untyped-def]
    qtbot, sample_document: TimelineDocument, dialog: EventsFromText
) -> None:
    before = {event.id for event in events_on_disk(sample_document.path)}
    dialog.text_page.source_title.setText("Valley Gazette")
    dialog.text_page.source_author.setText("A. Reporter")
    dialog.text_page.source_url.setText("https://gazette.example/flood")
    find_dates(qtbot, dialog, TEXT)
    dialog.review_page.table.item(5, 0).setCheckState(Qt.CheckState.Unchecked)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    added = [event for event in events_on_disk(sample_document.path) if event.id not in before]
    assert sorted(event.start.edtf() for event in added) == [
        "1987", "2013-24", "2024-01-08?", "2024-01-10", "2024-01-11"
    ]  # fmt: skip
    assert sorted(dialog.added) == sorted(event.id for event in added)
    council = next(event for event in added if event.title == "The council declared a major incident")
    assert council.source.title == "Valley Gazette"
    assert council.source.author == "A. Reporter"
    assert council.source.url == "https://gazette.example/flood"
    assert council.source.text == "“The council declared a major incident the following day.”"
    assert council.description == "The council declared a major incident the following day."
    assert sample_document.undo_stack.undoText() == "Add 5 events from 'Valley Gazette'"
    sample_document.undo_stack.undo()
    assert {event.id for event in events_on_disk(sample_document.path)} == before
    sample_document.undo_stack.redo()
    assert len(events_on_disk(sample_document.path)) == len(before) + 5


def test_cancel_adds_nothing(qtbot, sample_document: TimelineDocument, dialog: EventsFromText) -> None:  # type: ignore[no-untyped-def]
    count = len(events_on_disk(sample_document.path))
    find_dates(qtbot, dialog, TEXT)
    dialog.reject()
    assert len(events_on_disk(sample_document.path)) == count
    assert sample_document.undo_stack.count() == 0


def test_a_text_without_dates_says_so(qtbot, dialog: EventsFromText) -> None:  # type: ignore[no-untyped-def]
    find_dates(qtbot, dialog, "Nothing happened here at all.")
    assert "No dates were found" in dialog.review_page.summary.text()
    assert not dialog.add_button.isEnabled()
    qtbot.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == 0


def test_open_file_reads_html_and_names_the_source(qtbot, dialog: EventsFromText, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "history of the mill.html"
    page.write_text("<html><body><p>The <i>mill</i> closed in 1981.</p></body></html>", encoding="utf-8")
    assert dialog.text_page.load(page)
    assert dialog.text_page.text.toPlainText() == "The mill closed in 1981."
    assert dialog.text_page.source_title.text() == "history of the mill"


def test_an_unreadable_file_is_refused_with_its_reason(  # type: ignore[no-untyped-def]
    qtbot, dialog: EventsFromText, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"\x00\x01\x02")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    dialog.text_page.text.setPlainText("kept")
    assert not dialog.text_page.load(bad)
    assert shown == [f"{bad}: a binary file, not text"]
    assert dialog.text_page.text.toPlainText() == "kept"


def test_the_window_menu_opens_the_dialog_and_shows_what_was_added(  # type: ignore[no-untyped-def]
    qtbot, sample_document: TimelineDocument, settings: QSettings
) -> None:
    window = MainWindow(sample_document, settings)
    qtbot.addWidget(window)
    window.show()

    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, EventsFromText):
            QTimer.singleShot(20, drive)
            return
        dialog.text_page.text.setPlainText("The new museum opened on 5 May 2021.")
        dialog.find_dates()
        qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=5000)
        dialog.add_events()

    QTimer.singleShot(50, drive)
    window.from_text_action.trigger()
    [added] = window.canvas.selected_ids
    assert sample_document.get_event(added).title == "The new museum opened"
    assert window.canvas.period.contains(sample_document.get_event(added).earliest)
