"""Pictures through the editing panel: add by button path, drop and paste; reorder, caption,
remove; every change one undo step; refusals leave the file as it was."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication

from tests.pictures import bomb_file, picture_file
from timeline.store.database import open_database
from timeline.store.repository import TimelineRepository
from timeline.ui.app import MainWindow


def pictures_on_disk(path: Path, title: str) -> list[tuple[str, str]]:
    with open_database(path, readonly=True) as database:
        repository = TimelineRepository(database)
        event = next(e for e in repository.events() if e.title == title)
        assert event.id is not None
        return [(p.caption, p.mime) for p in repository.pictures_of(event.id)]


def editing(window: MainWindow, title: str):  # type: ignore[no-untyped-def]
    event = next(e for e in window.document.repository.events() if e.title == title)
    window.canvas.select(event.id)
    window.editor.show_event(event.id)
    window.editor_dock.raise_()
    return window.editor.pictures


def test_add_caption_reorder_remove_each_one_undo_step(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    section = editing(window, "Annexation of Crimea")
    path = window.document.path
    assert section.add_files([picture_file(tmp_path, "a.png"), picture_file(tmp_path, "b.svg")])
    assert pictures_on_disk(path, "Annexation of Crimea") == [("", "image/png"), ("", "image/svg+xml")]
    assert window.document.undo_stack.undoText() == "Add 2 Pictures to 'Annexation of Crimea'"
    section.list.setCurrentRow(0)
    section.caption.setText("The summit's venue")
    section.caption.editingFinished.emit()
    assert pictures_on_disk(path, "Annexation of Crimea")[0] == ("The summit's venue", "image/png")
    section.move_current(1)
    assert pictures_on_disk(path, "Annexation of Crimea") == [
        ("", "image/svg+xml"),
        ("The summit's venue", "image/png"),
    ]
    assert section.list.currentRow() == 1
    section.remove_current()
    assert pictures_on_disk(path, "Annexation of Crimea") == [("", "image/svg+xml")]
    for expected in (
        [("", "image/svg+xml"), ("The summit's venue", "image/png")],
        [("The summit's venue", "image/png"), ("", "image/svg+xml")],
        [("", "image/png"), ("", "image/svg+xml")],
        [],
    ):
        window.document.undo_stack.undo()
        assert pictures_on_disk(path, "Annexation of Crimea") == expected
    window.document.undo_stack.redo()
    assert section.list.count() == 2


def test_refused_pictures_are_named_and_nothing_is_written(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    section = editing(window, "Annexation of Crimea")
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    steps = window.document.undo_stack.count()
    images = window.document.repository.image_count()
    assert not section.add_files([picture_file(tmp_path, "a.png"), text])
    assert "notes.txt: this is not a picture" in section.error.text()
    assert not section.add_files([bomb_file(tmp_path)])
    assert "up to 40 million" in section.error.text()
    assert pictures_on_disk(window.document.path, "Annexation of Crimea") == []
    assert window.document.undo_stack.count() == steps
    assert window.document.repository.image_count() == images


def test_a_dropped_file_and_a_pasted_image_are_added(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    section = editing(window, "War in Donbas begins")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(picture_file(tmp_path, "dropped.webp")))])
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(section, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(section, drop)
    assert section.list.count() == 1, section.error.text()
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#e76f51"))
    QGuiApplication.clipboard().setImage(image)
    assert section.paste()
    assert pictures_on_disk(window.document.path, "War in Donbas begins") == [
        ("", "image/webp"),
        ("", "image/png"),
    ]
    QGuiApplication.clipboard().setText("just words")
    assert not section.paste()
    assert "the clipboard holds no picture" in section.error.text()


def test_pictures_show_in_the_details_and_survive_delete_and_undo(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    section = editing(window, "War in Donbas begins")
    section.add_files([picture_file(tmp_path, "a.png", size=(200, 100))])
    event = next(e for e in window.document.repository.events() if e.title == "War in Donbas begins")
    window.details.show_event(event)
    html = window.details.document().toHtml()
    assert "picture:" in html and "<img" in html
    assert event.id is not None
    deleted = window.document.delete_events([event.id])
    window.document.add_events(deleted)
    assert pictures_on_disk(window.document.path, "War in Donbas begins") == [("", "image/png")]
