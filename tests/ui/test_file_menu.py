"""The File menu of a desktop app: recent files, a copy, backups and their restore, preferences."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QFileDialog, QMessageBox

from timeline.core.dates.dates import DateError, HistoricalDate
from timeline.core.model import Event
from timeline.store.backups import backup_folder, list_backups, make_backup
from timeline.store.database import open_database
from timeline.store.errors import DamagedFileError, damaged_message
from timeline.store.repository import TimelineRepository
from timeline.ui import app
from timeline.ui.app import MainWindow, open_window
from timeline.ui.dialogs.preferences import PreferencesDialog
from timeline.ui.editor.date_field import read_field, set_date_reading
from timeline.ui.help.shortcuts import plain_text
from timeline.ui.preferences import Preferences, apply_theme, load_preferences


def file_menu_texts(window: MainWindow) -> list[str]:
    menu = window.menuBar().actions()[0].menu()
    return [plain_text(action.text()) for action in menu.actions() if not action.isSeparator()]


def titles(path: Path) -> set[str]:
    with open_database(path, readonly=True) as database:
        return {event.title for event in TimelineRepository(database).events()}


@pytest.fixture
def restore_defaults():  # type: ignore[no-untyped-def]
    yield
    apply_theme("system")
    set_date_reading(Preferences().reading)


def test_the_file_menu_has_what_a_desktop_app_has(window: MainWindow) -> None:
    texts = file_menu_texts(window)
    for expected in (
        "Open…",
        "Open Recent",
        "Save a Copy As…",
        "Restore from Backup…",
        "Preferences…",
        "Close",
        "Quit",
    ):
        assert expected in texts
    assert texts.index("Open…") < texts.index("Open Recent") < texts.index("Save a Copy As…")
    assert texts[-2:] == ["Close", "Quit"]


def test_opening_for_writing_makes_the_daily_backup(
    qtbot, window: MainWindow, private_data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.file_commands.last_backup is not None)
    folder = backup_folder(private_data_dir / "backups", window.document.path)
    [backup] = list_backups(folder)
    assert backup.good and backup.events == window.document.event_count()
    window.file_commands.back_up_if_due()  # not due again today
    assert len(list_backups(folder)) == 1


def test_a_backup_that_cannot_be_written_is_said_and_changes_nothing(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("x")
    window.file_commands.backups_root = blocked
    before = window.document.event_count()
    window.file_commands.back_up_if_due()
    assert str(blocked) in window.file_commands.backup_problem
    assert "No backup was made" in window.statusBar().currentMessage()
    assert window.document.event_count() == before == len(titles_open(window))


def titles_open(window: MainWindow) -> list[str]:
    return [event.title for event in window.document.repository.events()]


def test_save_a_copy_writes_a_verified_copy_and_keeps_the_original_open(  # type: ignore[no-untyped-def]
    window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    target = tmp_path / "elsewhere" / "copy"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.file_commands.save_copy.trigger()
    copy = target.with_name("copy.timeline.db")
    assert titles(copy) == set(titles_open(window))
    assert window.document.path.name == "sample.timeline.db"
    assert "Saved a copy" in window.statusBar().currentMessage()


def test_restoring_a_backup_reopens_the_file_as_it_was_and_keeps_the_present(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, private_data_dir: Path
) -> None:
    qtbot.waitUntil(lambda: window.file_commands.last_backup is not None)
    path = window.document.path
    window.edit_actions.create_event()
    assert "New event" in " ".join(titles_open(window))
    [backup] = list_backups(window.file_commands.backup_folder)
    reopened = window.file_commands.restore_now(backup)
    assert reopened == path
    new_window = app.window_for(path)
    assert new_window is not None and new_window is not window
    try:
        assert not any(title.startswith("New event") for title in titles_open(new_window))
        kinds = [b.kind for b in list_backups(backup_folder(private_data_dir / "backups", path))]
        assert "before-restore" in kinds
    finally:
        new_window.close()


def test_a_damaged_file_is_offered_its_newest_good_backup_beside_it(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, private_data_dir: Path, monkeypatch
) -> None:
    path = tmp_path / "notes.timeline.db"
    with open_database(path) as database:
        repository = TimelineRepository(database)
        repository.add_events(Event(f"e{n}", HistoricalDate.of_year(1800 + n)) for n in range(60))
        make_backup(database.db.conn, backup_folder(private_data_dir / "backups", path))
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page * 2 : page * 3] = b"\x00\x01" * (page // 2)
    path.write_bytes(bytes(data))
    damaged = path.read_bytes()
    asked: list[str] = []

    def answer(*arguments: object, **_: object) -> QMessageBox.StandardButton:
        asked.append(str(arguments[2]))
        return QMessageBox.StandardButton.Yes

    real_document = app.TimelineDocument

    def checked_document(where: Path, **options: object) -> object:
        """The store's check of the file, which finds it damaged, as it does on open."""
        if where == path and not options.get("readonly"):
            raise DamagedFileError(damaged_message(where, "database disk image is malformed"))
        return real_document(where, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(QMessageBox, "question", answer)
    monkeypatch.setattr(app, "TimelineDocument", checked_document)
    window = open_window(path)
    assert window is not None
    try:
        assert "60 events" in asked[0] and "left as it is" in asked[0]
        assert window.document.path.name.startswith("notes (restored ")
        assert window.document.event_count() == 60
        assert path.read_bytes() == damaged
    finally:
        window.close()


def test_open_recent_lists_the_files_opened_lately(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "other.timeline.db"
    open_database(other).close()
    opened = open_window(other)
    assert opened is not None
    opened.close()
    commands = opened.file_commands
    window.file_commands.settings = commands.settings
    window.file_commands.fill_recent()
    texts = [action.text() for action in window.file_commands.recent_menu.actions()]
    assert texts[0] == "&1 other.timeline.db"


def test_preferences_are_kept_and_applied(
    qtbot, window: MainWindow, settings: QSettings, restore_defaults
) -> None:  # type: ignore[no-untyped-def]
    chosen = Preferences(
        date_order="day-first", default_zoom="decade", font_size=19, theme="dark", presentation="dark"
    )
    dialog = PreferencesDialog(chosen, window)
    assert dialog.preferences() == chosen
    window.file_commands.set_preferences(dialog.preferences())
    assert load_preferences(settings) == chosen
    assert window.canvas.font().pointSizeF() == 19
    assert read_field("11/07/2023", False).edtf() == "2023-07-11"  # type: ignore[union-attr]
    assert QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 80
    presentation = window.present_all()
    try:
        assert presentation.canvas.palette().color(QPalette.ColorRole.Base).name() == "#000000"
    finally:
        presentation.close()
    fresh = MainWindow(
        window.document, QSettings(settings.fileName() + ".other.ini", QSettings.Format.IniFormat)
    )
    qtbot.addWidget(fresh)
    fresh.file_commands.set_preferences(chosen)
    second = MainWindow(window.document, fresh.settings)
    qtbot.addWidget(second)
    assert 9 * 365 * 86400 < second.canvas.period.width < 11 * 365 * 86400
    window.file_commands.set_preferences(Preferences())
    assert QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() > 150
    with pytest.raises(DateError, match="11 July or 7 November"):
        read_field("11/07/2023", False)
