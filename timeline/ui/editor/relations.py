"""The editing panel's research sections: who and where (entities with roles), what else an
event cites, what it is part of, and how it links to other events.

Each change is one undo step. Names are completed from the entities that exist; a name that
is new becomes an entity of the kind chosen. Events to link to are named by title or ``#id``.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from timeline.core.model import ENTITY_KINDS, LINK_TYPES, Entity, EventLink, Source, entity_kind
from timeline.ui.commands import perform
from timeline.ui.document import TimelineDocument
from timeline.ui.research_commands import (
    AddEntityTakingPart,
    AddLink,
    RemoveLink,
    SetCitations,
    SetParent,
    SetParticipants,
)

ID_ROLE = Qt.ItemDataRole.UserRole


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    return label


def find_event(document: TimelineDocument, text: str) -> tuple[int | None, str]:
    """An event named by ``#id`` or by its title (exactly, ignoring case); or why there is none."""
    text = text.strip()
    if not text:
        return None, "Name an event by its title or as #id."
    if text.startswith("#") and text[1:].isdigit():
        event_id = int(text[1:])
        return (event_id, "") if document.existing([event_id]) else (None, f"There is no event #{event_id}.")
    wanted = text.casefold()
    found = [e for e in document.repository.search(f'"{text}"', limit=200) if e.title.casefold() == wanted]
    if not found:
        return None, f"No event is called {text!r}; name it as #id."
    if len(found) > 1:
        return None, f"{len(found)} events are called {text!r}; name one as #id."
    return found[0].id, ""


class EntitiesSection(QGroupBox):
    """The entities taking part in the event, each with its role."""

    def __init__(self, document: TimelineDocument, parent: QWidget | None = None) -> None:
        super().__init__("People, places and organisations", parent)
        self.document = document
        self.event_id: int | None = None
        self.list = QListWidget()
        self.list.setMaximumHeight(120)
        self.kind = QComboBox()
        self.kind.setEditable(True)
        self.kind.addItems(ENTITY_KINDS)
        self.name = QLineEdit()
        self.name.setPlaceholderText("name (completed from those known)")
        self.names = QStringListModel(self)
        completer = QCompleter(self.names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.name.setCompleter(completer)
        self.role = QLineEdit()
        self.role.setPlaceholderText("role, e.g. chair, host city")
        self.add_button = QPushButton("Add")
        self.remove_button = QPushButton("Remove")
        self.error = _error_label()
        row = QHBoxLayout()
        row.addWidget(self.kind)
        row.addWidget(self.name, 2)
        row.addWidget(self.role, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(row)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        self.add_button.clicked.connect(self.add)
        self.role.returnPressed.connect(self.add)
        self.name.returnPressed.connect(self.add)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        document.relations_changed.connect(self._reload)

    def show_event(self, event_id: int | None) -> None:
        self.event_id = event_id
        self.error.clear()
        self._reload()

    def _reload(self) -> None:
        self.list.clear()
        self.names.setStringList(
            sorted({e.name for e in self.document.repository.entities()}, key=str.casefold)
        )
        if self.event_id is None:
            return
        for entity, role in self.document.repository.participants(self.event_id):
            text = f"{entity.name} ({entity.kind})" + (f" — {role}" if role else "")
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, (entity.id, role))
            self.list.addItem(item)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.list.currentRow() >= 0)

    def _current(self) -> list[tuple[int, str]]:
        return [self.list.item(row).data(ID_ROLE) for row in range(self.list.count())]

    def add(self) -> None:
        if self.event_id is None:
            return
        name, role = " ".join(self.name.text().split()), self.role.text().strip()
        try:
            kind = entity_kind(self.kind.currentText())
            entity = Entity(name, kind)
        except ValueError as error:
            self.error.setText(str(error).capitalize() + ".")
            return
        known = self.document.repository.entities_named(name, kind)
        current = self._current()
        if known and known[0].id is not None:
            entity_id = known[0].id
            if (entity_id, role) in current:
                self.error.setText(f"{known[0].name} takes part already" + (f" as {role}." if role else "."))
                return
            done = perform(
                SetParticipants(
                    self.document, self.event_id, [*current, (entity_id, role)], f"Add {name!r} to the event"
                )
            )
        else:
            done = perform(AddEntityTakingPart(self.document, self.event_id, entity, role))
        if done:
            self.error.clear()
            self.name.clear()
            self.role.clear()

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if self.event_id is None or row < 0:
            return
        current = self._current()
        removed = self.list.item(row).text()
        del current[row]
        perform(
            SetParticipants(
                self.document, self.event_id, current, f"Remove {removed.split(' (')[0]!r} from the event"
            )
        )


class CitationsSection(QGroupBox):
    """Sources the event cites beyond its first (which the Source fields above edit)."""

    def __init__(self, document: TimelineDocument, parent: QWidget | None = None) -> None:
        super().__init__("Also cited", parent)
        self.document = document
        self.event_id: int | None = None
        self.list = QListWidget()
        self.list.setMaximumHeight(100)
        self.source = QComboBox()
        self.source.setEditable(True)
        self.source.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.page = QLineEdit()
        self.page.setPlaceholderText("page")
        self.quote = QLineEdit()
        self.quote.setPlaceholderText("quote (optional)")
        self.add_button = QPushButton("Cite")
        self.remove_button = QPushButton("Remove")
        self.error = _error_label()
        form = QFormLayout()
        form.addRow("Source", self.source)
        pages = QHBoxLayout()
        pages.addWidget(self.page, 1)
        pages.addWidget(self.quote, 2)
        pages.addWidget(self.add_button)
        form.addRow("At", pages)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        self.add_button.clicked.connect(self.cite)
        self.remove_button.clicked.connect(self.remove_selected)
        document.relations_changed.connect(self._reload)
        document.events_changed.connect(self._reload)

    def show_event(self, event_id: int | None) -> None:
        self.event_id = event_id
        self.error.clear()
        self._reload()

    def _reload(self) -> None:
        self.list.clear()
        text = self.source.currentText()
        self.source.clear()
        for record in self.document.repository.sources():
            self.source.addItem(record.display() or record.label(), record.id)
        self.source.setEditText(text)
        if self.event_id is None:
            return
        for cited in self.document.repository.citations(self.event_id)[1:]:
            shown = cited.display() + (f" — “{cited.quote}”" if cited.quote else "")
            self.list.addItem(shown)
        self.remove_button.setEnabled(self.list.count() > 0)

    def cite(self) -> None:
        if self.event_id is None:
            return
        index = self.source.findText(self.source.currentText())
        citations = self.document.repository.citations(self.event_id)
        if index >= 0:
            record = self.document.repository.source(self.source.itemData(index))
        elif self.source.currentText().strip():
            record = Source(self.source.currentText().strip())
        else:
            self.error.setText("Choose a source, or type a citation.")
            return
        cited = record.cited(self.page.text().strip(), self.quote.text().strip())
        if not citations:
            self.error.setText("Fill in the Source fields above first: that is the event's main source.")
            return
        if perform(
            SetCitations(self.document, self.event_id, [*citations, cited], f"Cite {record.label()!r}")
        ):
            self.error.clear()
            self.page.clear()
            self.quote.clear()
            self.source.setEditText("")

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if self.event_id is None or row < 0:
            return
        citations = self.document.repository.citations(self.event_id)
        removed = citations.pop(row + 1)
        perform(
            SetCitations(self.document, self.event_id, citations, f"Remove citation of {removed.label()!r}")
        )


class LinksSection(QGroupBox):
    """What the event is part of, and its links to other events (double-click one to go there).

    Signals:
        event_chosen(int): the user asked to go to a linked event.
    """

    event_chosen = Signal(int)

    def __init__(self, document: TimelineDocument, parent: QWidget | None = None) -> None:
        super().__init__("Part of and links", parent)
        self.document = document
        self.event_id: int | None = None
        self.parent_line = QLineEdit()
        self.parent_line.setPlaceholderText("title or #id of the larger event")
        self.parent_error = _error_label()
        self.list = QListWidget()
        self.list.setMaximumHeight(110)
        self.list.setToolTip("Double-click a link to go to the event")
        self.type = QComboBox()
        self.type.setEditable(True)
        self.type.addItems(LINK_TYPES)
        self.target = QLineEdit()
        self.target.setPlaceholderText("title or #id")
        self.note = QLineEdit()
        self.note.setPlaceholderText("note (optional)")
        self.add_button = QPushButton("Link")
        self.remove_button = QPushButton("Remove")
        self.error = _error_label()
        form = QFormLayout()
        form.addRow("Part of", self.parent_line)
        form.addRow(self.parent_error)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        row.addWidget(self.type)
        row.addWidget(self.target, 2)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        notes = QHBoxLayout()
        notes.addWidget(self.note, 1)
        notes.addWidget(self.remove_button)
        layout.addLayout(notes)
        layout.addWidget(self.error)
        self.parent_line.editingFinished.connect(self.commit_parent)
        self.add_button.clicked.connect(self.add_link)
        self.target.returnPressed.connect(self.add_link)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.itemActivated.connect(self._follow)
        document.relations_changed.connect(self._reload)

    def show_event(self, event_id: int | None) -> None:
        self.event_id = event_id
        self.error.clear()
        self.parent_error.clear()
        self._reload()

    def _reload(self) -> None:
        self.list.clear()
        if self.event_id is None or not self.document.existing([self.event_id]):
            return
        event = self.document.get_event(self.event_id)
        parent = self.document.get_event(event.parent_id) if event.parent_id is not None else None
        if not self.parent_line.hasFocus():
            self.parent_line.setText(f"{parent.title} #{parent.id}" if parent else "")
        links = self.document.repository.links_of(self.event_id)
        others = {
            e.id: e
            for e in self.document.repository.events_by_ids([link.other(self.event_id) for link in links])
        }
        for link in links:
            other = others.get(link.other(self.event_id))
            title = other.title if other else "?"
            note = f" — {link.note}" if link.note else ""
            item = QListWidgetItem(f"{link.reads_from(self.event_id)} → {title}{note}")
            item.setData(ID_ROLE, link)
            self.list.addItem(item)
        self.remove_button.setEnabled(bool(links))

    def commit_parent(self) -> None:
        if self.event_id is None:
            return
        text = self.parent_line.text().strip()
        current = self.document.get_event(self.event_id)
        if text.rsplit(" #", 1)[-1].isdigit() and " #" in text:
            text = "#" + text.rsplit(" #", 1)[-1]
        parent_id, why = find_event(self.document, text) if text else (None, "")
        if text and parent_id is None:
            self.parent_error.setText(why)
            return
        if parent_id == current.parent_id:
            self.parent_error.clear()
            return
        if parent_id is not None and self._is_within(parent_id):
            self.parent_error.setText("An event cannot be part of one of its own parts.")
            return
        label = "Remove from its larger event" if parent_id is None else f"Make part of #{parent_id}"
        self.parent_error.setText(
            ""
            if perform(SetParent(self.document, self.event_id, parent_id, label))
            else "That cannot be its larger event."
        )

    def _is_within(self, candidate: int) -> bool:
        """Whether ``candidate`` is the event shown or one of its parts (at any depth)."""
        seen: set[int] = set()
        current: int | None = candidate
        while current is not None and current not in seen:
            if current == self.event_id:
                return True
            seen.add(current)
            current = self.document.get_event(current).parent_id
        return False

    def add_link(self) -> None:
        if self.event_id is None:
            return
        target, why = find_event(self.document, self.target.text())
        if target is None:
            self.error.setText(why)
            return
        try:
            link = EventLink(self.event_id, target, self.type.currentText(), self.note.text().strip())
        except ValueError as error:
            self.error.setText(str(error).capitalize() + ".")
            return
        if perform(AddLink(self.document, link, f"Link: {link.type} #{target}")):
            self.error.clear()
            self.target.clear()
            self.note.clear()

    def remove_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        link: EventLink = item.data(ID_ROLE)
        perform(RemoveLink(self.document, link, f"Remove link: {link.type}"))

    def _follow(self, item: QListWidgetItem) -> None:
        link: EventLink = item.data(ID_ROLE)
        if self.event_id is not None:
            self.event_chosen.emit(link.other(self.event_id))
