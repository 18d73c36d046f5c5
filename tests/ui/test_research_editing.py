"""Entities, citations, nesting and links edited through the real panel: one undo step each,
followed from the Details tab."""

from __future__ import annotations

from PySide6.QtCore import QUrl

from timeline.core.model import Event
from timeline.ui.app import MainWindow


def select(window: MainWindow, title: str) -> Event:
    event = next(e for e in window.document.repository.events() if e.title == title)
    assert event.id is not None
    window.edit_event(event.id)
    return event


def test_an_entity_with_a_role_is_added_completed_and_undone_in_one_step(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    repository = window.document.repository
    crimea = select(window, "Annexation of Crimea")
    known = len(repository.entities())
    had = repository.participants(crimea.id or 0)
    section = window.editor.entities
    section.kind.setCurrentText("person")
    section.name.setText("Vladimir  Putin")
    section.role.setText("ordered it")
    section.add_button.click()
    assert [(e.name, role) for e, role in repository.participants(crimea.id or 0)[len(had) :]] == [
        ("Vladimir Putin", "ordered it")
    ]
    assert section.list.item(len(had)).text() == "Vladimir Putin (person) — ordered it"
    assert "Vladimir Putin" in section.names.stringList()
    other = select(window, "Full-scale invasion of Ukraine")
    section.name.setText("vladimir putin")
    section.add_button.click()
    assert len(repository.entities()) == known + 1  # the known one, not a second
    assert "Vladimir Putin" in [e.name for e, _ in repository.participants(other.id or 0)]
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    assert repository.participants(crimea.id or 0) == had
    assert len(repository.entities()) == known
    section.kind.setCurrentText(" ")
    section.name.setText("Nobody")
    section.add_button.click()
    assert "needs a kind" in section.error.text()


def test_a_link_made_in_the_editor_is_listed_in_the_details_and_followed(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    crimea = select(window, "Annexation of Crimea")
    donbas = next(e for e in window.document.repository.events() if e.title == "Minsk II agreement")
    links = window.editor.links
    links.type.setCurrentText("led to")
    links.target.setText("minsk ii agreement")
    links.note.setText("weeks later")
    links.add_button.click()
    shown = [links.list.item(row).text() for row in range(links.list.count())]
    assert "led to → Minsk II agreement — weeks later" in shown
    window.canvas.select(crimea.id)
    assert "led to" in window.details.toPlainText()
    with qtbot.waitSignal(window.details.event_chosen) as chosen:
        window.details.anchorClicked.emit(QUrl(f"event:{donbas.id}"))
    assert chosen.args == [donbas.id]
    assert window.canvas.selected == donbas.id
    links.target.setText("#99999")
    links.add_button.click()
    assert links.error.text() == "There is no event #99999."
    window.document.undo_stack.undo()
    assert all(link.type != "led to" for link in window.document.repository.links_of(crimea.id or 0))


def test_part_of_is_set_by_title_and_a_cycle_is_refused(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    war = next(e for e in window.document.repository.events() if e.title == "Full-scale invasion of Ukraine")
    grid = select(window, "Strikes on Ukraine's power grid")
    window.editor.links.parent_line.setText("Full-scale invasion of Ukraine")
    window.editor.links.commit_parent()
    assert window.document.get_event(grid.id or 0).parent_id == war.id
    select(window, "Full-scale invasion of Ukraine")
    window.editor.links.parent_line.setText(f"#{grid.id}")
    window.editor.links.commit_parent()
    assert window.document.get_event(war.id or 0).parent_id is None
    assert window.editor.links.parent_error.text() == "An event cannot be part of one of its own parts."
    window.document.undo_stack.undo()
    assert window.document.get_event(grid.id or 0).parent_id is None


def test_a_second_source_is_cited_with_its_page(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    minsk = select(window, "Minsk II agreement")
    editor = window.editor
    if not window.document.repository.citations(minsk.id or 0):
        editor.source_title.setText("Package of measures")
        editor._commit_source()
    editor.citations.source.setEditText("Security Council resolution 2202")
    editor.citations.page.setText("2")
    editor.citations.add_button.click()
    cited = window.document.repository.citations(minsk.id or 0)
    assert [(c.text, c.page) for c in cited[1:]] == [("Security Council resolution 2202", "2")]
    assert editor.citations.list.count() == 1
    window.document.undo_stack.undo()
    assert len(window.document.repository.citations(minsk.id or 0)) == len(cited) - 1
