"""The application: QApplication, the main window, and opening a file with clear errors."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from timeline.core.dates.dates import DateError
from timeline.core.dates.parsing import parse
from timeline.core.view.period import TimePeriod, describe_period
from timeline.desktop_entry import APP_ID
from timeline.store.backups import backup_folder, list_backups, restore
from timeline.store.errors import DamagedFileError, ReadOnlyFileError, StoreError
from timeline.ui.canvas.widget import TimelineCanvas
from timeline.ui.dialogs.interchange import export_events
from timeline.ui.dialogs.publish import publish_web_page
from timeline.ui.document import TimelineDocument
from timeline.ui.edit_actions import EditActions
from timeline.ui.editor.date_field import date_reading, set_date_reading
from timeline.ui.editor.panel import EventEditor
from timeline.ui.file_menu import FileMenu
from timeline.ui.help.commands import HelpCommands
from timeline.ui.help.shortcuts import show_shortcuts_in_tooltips
from timeline.ui.history_commands import HistoryCommands
from timeline.ui.icon import app_icon
from timeline.ui.models.event_table import EventTableModel
from timeline.ui.panels.details import EventDetails
from timeline.ui.panels.search import SearchPanel
from timeline.ui.panels.story import StoryPanel
from timeline.ui.preferences import Preferences, apply_theme, load_preferences, timeline_font
from timeline.ui.presentation import PresentationWindow
from timeline.ui.recent_files import remember_file
from timeline.ui.single_instance import InstanceServer, hand_over
from timeline.ui.window_exports import FileCommands
from timeline.ui.window_present import Presenting
from timeline.ui.window_research import ResearchTabs
from timeline.ui.window_views import SavedViews
from timeline.workspace import data_dir


class MainWindow(SavedViews, Presenting, FileCommands, QMainWindow):
    """The timeline above, the list of events below, the selected event's details at the side."""

    def __init__(self, document: TimelineDocument, settings: QSettings | None = None) -> None:
        super().__init__()
        self.document = document
        self.settings = settings or QSettings()
        self._show_title()
        self.setWindowIcon(app_icon())
        self.canvas = TimelineCanvas(document)
        self.event_model = EventTableModel(document)
        self.event_list = self._build_list()
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.canvas)
        self.splitter.addWidget(self.event_list)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([640, 160])
        self.setCentralWidget(self.splitter)
        self.details = EventDetails(document)
        self.history_commands = HistoryCommands(document, self.canvas, self)
        details_page = QWidget()
        details_layout = QVBoxLayout(details_page)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.setSpacing(0)
        details_layout.addWidget(self.details, 1)
        details_layout.addWidget(self.history_commands.panel)
        self.details_dock = self._dock("Details", "details", details_page)
        self.editor = EventEditor(document)
        self.editor_dock = self._dock("Edit", "editor", self.editor)
        self.tabifyDockWidget(self.details_dock, self.editor_dock)
        self.details_dock.raise_()
        self.resizeDocks([self.details_dock], [320], Qt.Orientation.Horizontal)
        self.search = SearchPanel(document)
        self.search_dock = self._dock("Search", "search", self.search)
        self.tabifyDockWidget(self.editor_dock, self.search_dock)
        self.details_dock.raise_()
        self.search.event_chosen.connect(lambda event_id: self.canvas.show_event(event_id, centre=True))
        self.editor.links.event_chosen.connect(lambda event_id: self.canvas.show_event(event_id, centre=True))
        self.details.event_chosen.connect(lambda event_id: self.canvas.show_event(event_id, centre=True))
        self.search.matching_changed.connect(self.canvas.set_matching)
        self.story = StoryPanel(document, lambda: self.canvas.selected_ids)
        self.story_dock = self._dock("Story", "story", self.story)
        self.tabifyDockWidget(self.search_dock, self.story_dock)
        self.details_dock.raise_()
        self.story.present_requested.connect(self.present_story)
        self.presentation: PresentationWindow | None = None
        self.history = QUndoView(document.undo_stack)
        self.history.setEmptyLabel("Opened")
        self.history_dock = self._dock("History", "history", self.history)
        self.history_dock.hide()
        self.edit_actions = EditActions(document, self.canvas, self)
        self.help_commands = HelpCommands(self, document.path)
        self.file_commands = FileMenu(
            self,
            document,
            self.settings,
            data_dir() / "backups",
            open_file=lambda path: open_window(path),
            replace_with=lambda path: replace_window(self, path),
            apply_preferences=lambda preferences: apply_preferences(preferences, self),
        )
        self.canvas.setFont(timeline_font(QApplication.font(), load_preferences(self.settings)))
        self.period_label = QLabel()
        self.count_label = QLabel()
        self.statusBar().addWidget(self.period_label, 1)
        self.statusBar().addPermanentWidget(self.count_label)
        self._build_menus()
        self.research = ResearchTabs(self)
        self.canvas.period_changed.connect(self._show_period)
        self.canvas.selection_changed.connect(self._canvas_selected)
        self.canvas.edit_requested.connect(self.edit_event)
        self.canvas.context_menu_requested.connect(self._context_menu)
        document.events_changed.connect(self._refresh_details)
        document.events_changed.connect(self._show_title)
        document.events_edited.connect(self._follow_edited)
        document.error.connect(self._show_error)
        document.read_only_changed.connect(self._show_title)
        document.read_only_changed.connect(self._offer_backup_if_damaged)
        self.event_list.selectionModel().currentRowChanged.connect(self._list_selected)
        self._syncing = False
        self._fit_to_screen()
        self._restore_state()
        self._show_period(self.canvas.period)
        if not document.readonly:
            QTimer.singleShot(0, self.file_commands.back_up_if_due)

    def _offer_backup_if_damaged(self) -> None:
        """The check of the file, run while it was first shown, found it damaged: offer the
        newest good backup in its place, as a new file (the damaged one is never written)."""
        damage = self.document.database.damage
        if damage is None:
            return
        restored = offer_backup(self.document.path, damage)
        if restored is not None:
            QTimer.singleShot(0, lambda: replace_window(self, restored))

    def _show_title(self) -> None:
        title = window_title(self.document.repository.title, self.document.path)
        self.setWindowTitle(
            title.replace(" — Timeline", " (read only) — Timeline") if self.document.readonly else title
        )

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        return dock

    def _build_list(self) -> QTableView:
        view = QTableView()
        view.setModel(self.event_model)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        view.verticalHeader().hide()
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 280)
        header.resizeSection(2, 160)
        return view

    def _action(
        self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str | None, slot: object
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.open_action = self._action("&Open…", QKeySequence.StandardKey.Open, self.open_file)
        self.export_action = self._action("Export View as &Image…", "Ctrl+E", self.export_view)
        self.import_action = self._action("&Import…", "Ctrl+I", self.import_file)
        self.export_events_action = self._action(
            "E&xport Events…", "Ctrl+Shift+E", lambda: export_events(self.document, self)
        )
        self.new_action = self._action("&New Timeline…", "Ctrl+Shift+N", self.new_file)
        self.from_text_action = self._action("New Events from &Text…", "Ctrl+Shift+T", self.events_from_text)
        file_menu.addActions([self.new_action, self.open_action])
        file_menu.addMenu(self.file_commands.recent_menu)
        file_menu.addActions([self.file_commands.save_copy, self.import_action, self.from_text_action])
        file_menu.addSeparator()
        self.poster_action = self._action("Export &Poster (PDF)…", None, self.export_poster)
        self.handout_action = self._action("Export Story &Handout (PDF)…", None, self.export_handout)
        self.publish_action = self._action(
            "Publish as &Web Page…", None, lambda: publish_web_page(self.document, self.canvas.period, self)
        )
        file_menu.addActions(
            [
                self.export_events_action,
                self.export_action,
                self.poster_action,
                self.handout_action,
                self.publish_action,
            ]
        )
        file_menu.addSeparator()
        file_menu.addActions([self.file_commands.restore, self.file_commands.preferences])
        file_menu.addSeparator()
        file_menu.addAction(self.file_commands.close)
        file_menu.addAction(
            self._action("&Quit", QKeySequence.StandardKey.Quit, QApplication.closeAllWindows)
        )
        edit_menu = self.menuBar().addMenu("&Edit")
        self.edit_actions.fill_menu(edit_menu)
        edit_menu.addSeparator()
        edit_menu.addActions([self.history_commands.history_action, self.history_commands.trash_action])
        view_menu = self.menuBar().addMenu("&View")
        self.zoom_in_action = self._action(
            "Zoom &In", QKeySequence.StandardKey.ZoomIn, lambda: self.canvas.zoom(1.5)
        )
        self.zoom_out_action = self._action(
            "Zoom &Out", QKeySequence.StandardKey.ZoomOut, lambda: self.canvas.zoom(1 / 1.5)
        )
        self.fit_action = self._action("Zoom to &Fit", "Ctrl+0", self.canvas.fit_all)
        self.go_to_action = self._action("&Go to Date…", "Ctrl+G", self.go_to_date)
        self.today_action = self._action("Go to &Today", "Ctrl+T", self.go_to_today)
        view_menu.addActions(
            [self.zoom_in_action, self.zoom_out_action, self.fit_action, self.go_to_action, self.today_action]
        )
        view_menu.addSeparator()
        self.swimlanes_action = self._action("Swim&lanes by Category", "Ctrl+L", self.canvas.set_swimlanes)
        self.swimlanes_action.setCheckable(True)
        view_menu.addAction(self.swimlanes_action)
        view_menu.addSeparator()
        self.find_action = self._action("&Find…", QKeySequence.StandardKey.Find, self.show_search)
        self.find_next_action = self._action(
            "Find &Next", QKeySequence.StandardKey.FindNext, lambda: self.search.step(1)
        )
        self.find_previous_action = self._action(
            "Find &Previous", QKeySequence.StandardKey.FindPrevious, lambda: self.search.step(-1)
        )
        view_menu.addActions([self.find_action, self.find_next_action, self.find_previous_action])
        view_menu.addSeparator()
        self.present_action = self._action("&Present", "F5", self.present)
        self.present_story_action = self._action("Present the &Story", None, self.present_story)
        self.present_results_action = self._action("Present the Search &Results", None, self.present_results)
        self.present_all_action = self._action("Present &All Events", None, self.present_all)
        view_menu.addActions(
            [
                self.present_action,
                self.present_story_action,
                self.present_results_action,
                self.present_all_action,
            ]
        )
        self.views_menu = view_menu.addMenu("Saved &Views")
        self.views_menu.aboutToShow.connect(self._fill_views_menu)
        self._fill_views_menu()
        view_menu.addSeparator()
        for dock in (
            self.details_dock,
            self.editor_dock,
            self.search_dock,
            self.story_dock,
            self.history_dock,
        ):
            view_menu.addAction(dock.toggleViewAction())
        self.help_commands.fill_menu(self.menuBar().addMenu("&Help"))
        show_shortcuts_in_tooltips(self.menuBar())

    # Selection kept in step between canvas, list and details ---------------------------------

    def _canvas_selected(self, event_id: int | None) -> None:
        self.details.show_event(self.document.get_event(event_id) if event_id is not None else None)
        self.editor.show_event(event_id)
        if self._syncing:
            return
        self._syncing = True
        try:
            row = self.document.row_of(event_id) if event_id is not None else None
            if row is None:
                self.event_list.clearSelection()
            else:
                index = self.event_model.index(row, 0)
                self.event_list.setCurrentIndex(index)
                self.event_list.scrollTo(index)
        finally:
            self._syncing = False

    def _list_selected(self, current: object, _previous: object) -> None:
        if self._syncing:
            return
        event = self.event_model.event_at(current.row())  # type: ignore[attr-defined]
        if event is None or event.id is None:
            return
        self._syncing = True
        try:
            self.canvas.show_event(event.id)
        finally:
            self._syncing = False

    def _refresh_details(self) -> None:
        current = self.canvas.selected
        if current is not None and self.document.existing([current]):
            self.details.show_event(self.document.get_event(current))
            self._select_in_list(current)
        self._show_period(self.canvas.period)

    def _select_in_list(self, event_id: int) -> None:
        """Keep the list's highlight on the selected event after the list was refetched."""
        row = self.document.row_of(event_id)
        if row is None or self._syncing:
            return
        self._syncing = True
        try:
            index = self.event_model.index(row, 0)
            if self.event_list.currentIndex() != index:
                self.event_list.setCurrentIndex(index)
            self.event_list.scrollTo(index)
        finally:
            self._syncing = False

    def _follow_edited(self, event_ids: list[int]) -> None:
        """After an edit (or its undo) moves the selected event out of view, go where it is now."""
        current = self.canvas.selected
        if current is None or current not in event_ids or not self.document.existing([current]):
            return
        event = self.document.get_event(current)
        period = self.canvas.period
        if event.latest <= period.start or event.earliest >= period.end:
            self.canvas.show_event(current)

    # Saved views: a period and a filter, kept in the timeline file ----------------------------

    # Presenting ---------------------------------------------------------------------------------

    def show_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search.focus()

    def edit_event(self, event_id: int) -> None:
        """Show an event in the editor with its title ready to type over."""
        self.canvas.select(event_id)
        self.editor.show_event(event_id)
        self.editor_dock.show()
        self.editor_dock.raise_()
        self.editor.focus_title()

    def _context_menu(self, event_id: int | None, position: QPoint, time: float) -> None:
        self.edit_actions.context_menu(event_id, position, time).popup(position)

    def _show_error(self, message: str) -> None:
        QMessageBox.warning(self, "Timeline", message)

    def _show_period(self, period: TimePeriod) -> None:
        self.period_label.setText(describe_period(period))
        count = self.document.count_in(period)
        self.count_label.setText(f"{count:,} event{'s' if count != 1 else ''} in view")

    # Commands -------------------------------------------------------------------------------

    def go_to_date(self) -> None:
        text, accepted = QInputDialog.getText(
            self, "Go to Date", "Date (e.g. 24 February 2022, July 2023, 44 BC, 1990s):"
        )
        if accepted and text.strip():
            try:
                self.show_date(text)
            except DateError as error:
                QMessageBox.warning(self, "Go to Date", str(error))

    def show_date(self, text: str) -> None:
        """Frame what a date means (a day, a month, ``44 BC``, ``1990s``) in the middle of the view."""
        value = parse(text, reading=date_reading())
        latest = min(value.latest, value.earliest + 10**18)
        self.canvas.set_period(TimePeriod.around(value.earliest, latest, margin=0.25))

    def go_to_today(self) -> None:
        import time

        self.canvas.centre_on(time.time())

    def new_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "New Timeline", "untitled.timeline.db", "Timelines (*.db)"
        )
        if not name:
            return
        path = Path(name)
        if path.suffix != ".db":
            path = path.with_name(path.name + ".timeline.db")
        if path.exists():
            QMessageBox.warning(self, "New Timeline", f"{path} exists already; open it with File → Open.")
            return
        open_window(path, create=True)

    def open_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Open Timeline", "", "Timelines (*.db *.sqlite);;All files (*)"
        )
        if name:
            open_window(Path(name))

    def _fit_to_screen(self) -> None:
        """A first window that uses most of the screen, at any resolution."""
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is None or screen.width() < 400:
            self.resize(1280, 800)
            return
        width, height = min(round(screen.width() * 0.9), 1800), min(round(screen.height() * 0.9), 1100)
        self.resize(width, height)
        self.move(screen.x() + (screen.width() - width) // 2, screen.y() + (screen.height() - height) // 2)

    # Remembered between runs -----------------------------------------------------------------

    def _period_key(self) -> str:
        return "periods/" + str(self.document.path.resolve()).replace("/", "|")

    def _restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        period = self.settings.value(self._period_key())
        if isinstance(period, list) and len(period) == 2:
            with contextlib.suppress(TypeError, ValueError):
                self.canvas.set_period(TimePeriod(float(period[0]), float(period[1])))
                return
        first = load_preferences(self.settings).first_period()
        if first is not None:
            self.canvas.set_period(first)

    def save_state(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        period = self.canvas.period
        self.settings.setValue(self._period_key(), [repr(period.start), repr(period.end)])
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.document.close()
        super().closeEvent(event)


def window_title(title: str, path: Path) -> str:
    """``Ukraine and NATO — ukraine.timeline.db — Timeline``: what the timeline is and which file."""
    parts = [title.strip(), path.name] if title.strip() and title.strip() != path.name else [path.name]
    return " — ".join([*parts, "Timeline"])


_windows: list[MainWindow] = []


def open_window(path: Path, create: bool = False) -> MainWindow | None:
    """Open a timeline in a new window (a new, empty one with ``create``), or say why not.

    A file that one of our windows has open already is not opened twice: that window is raised.
    A damaged file for which a good backup exists is offered as that backup, restored beside it
    under a new name (the damaged file is never written). A file that cannot be written (damaged,
    or on a read-only file, folder or mount) is otherwise opened for reading, with a word on why
    and what to do; every edit is then refused with the same.
    """
    existing = window_for(path)
    if existing is not None:
        bring_forward(existing)
        return existing
    try:
        try:
            document = TimelineDocument(path, create=create)
        except DamagedFileError as damage:
            restored = offer_backup(path, str(damage))
            if restored is not None:
                return open_window(restored)
            document = TimelineDocument(path, readonly=True)
            QMessageBox.warning(None, "Opened for reading only", str(damage))
        except ReadOnlyFileError as refusal:
            document = TimelineDocument(path, readonly=True)
            QMessageBox.warning(None, "Opened for reading only", str(refusal))
    except StoreError as error:
        QMessageBox.critical(None, "Cannot open timeline", str(error))
        return None
    window = MainWindow(document)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.destroyed.connect(lambda: _windows.remove(window) if window in _windows else None)
    _windows.append(window)
    remember_file(window.settings, path)
    window.show()
    return window


def offer_backup(path: Path, damage: str) -> Path | None:
    """For a damaged file: offer its newest good backup, restored as a new file beside it."""
    folder = backup_folder(data_dir() / "backups", path)
    good = next((backup for backup in list_backups(folder) if backup.good), None)
    if good is None:
        return None
    when = good.taken.astimezone().strftime("%d %B %Y, %H:%M")
    answer = QMessageBox.question(
        None,
        "Damaged timeline",
        f"{damage}\n\nThere is a good backup of it from {when} with {good.events:,} events. Open that"
        " backup as a new file beside the damaged one? The damaged file is left as it is.",
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    try:
        return restore(good, path, folder)
    except StoreError as error:
        QMessageBox.warning(None, "Damaged timeline", str(error))
        return None


def replace_window(old: MainWindow, path: Path) -> MainWindow | None:
    """Open ``path`` in a new window where ``old`` was, and close ``old`` (after a restore)."""
    if old in _windows:
        _windows.remove(old)
    old.save_state()
    window = open_window(path)
    old.close()
    return window


def apply_preferences(preferences: Preferences, *windows: MainWindow) -> None:
    """Apply preferences to the whole app and every open window (and the ones given)."""
    set_date_reading(preferences.reading)
    apply_theme(preferences.theme)
    for window in {*_windows, *windows}:
        window.canvas.setFont(timeline_font(QApplication.font(), preferences))


def window_for(path: Path) -> MainWindow | None:
    """The open window that shows this file (by the file itself, whatever path led to it)."""
    for window in _windows:
        with contextlib.suppress(OSError):
            if os.path.samefile(window.document.path, path):
                return window
    return None


def bring_forward(window: QMainWindow) -> None:
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()


def run_app(path: Path | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Timeline")
    app.setOrganizationName("Timeline")
    QApplication.setWindowIcon(app_icon())
    QApplication.setDesktopFileName(APP_ID)
    if path is None:
        from timeline.workspace import default_timeline_path

        path = default_timeline_path()
    if hand_over(path):
        return 0
    apply_preferences(load_preferences(QSettings()))
    server = InstanceServer(parent=app)
    server.listen()
    server.open_requested.connect(open_window)
    if open_window(path) is None:
        return 1
    return app.exec()
