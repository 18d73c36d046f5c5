"""The Entities, Sources and Consistency tabs through their buttons: every action one undo step."""

from __future__ import annotations

import json
from pathlib import Path

from timeline.core.model import Entity, EventLink
from timeline.ui.app import MainWindow

ZOTERO = Path(__file__).resolve().parents[1] / "data" / "io" / "zotero-export.json"


def test_merging_two_entities_keeps_one_with_both_names_and_events_and_undo_splits_them(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    repository = window.document.repository
    events = repository.events()
    first = repository.add_entity(Entity("Jens Stoltenberg", "ship"))
    second = repository.add_entity(Entity("J. Stoltenberg", "ship"))
    repository.set_participants(events[0].id or 0, [(first, "")])
    repository.set_participants(events[1].id or 0, [(second, "")])
    for entity in repository.entities():  # the sample's own, out of the way
        if entity.id not in (first, second):
            repository.delete_entity(entity.id or 0)
    panel = window.research.entities
    panel.reload()
    assert panel.table.rowCount() == 2
    panel.table.selectAll()
    panel.merge_button.click()
    assert [(e.name, e.aliases) for e in repository.entities()] == [("J. Stoltenberg", ("Jens Stoltenberg",))]
    assert panel.table.rowCount() == 1 and panel.table.item(0, 3).text() == "2"
    panel.filter.setText("jens")
    assert panel.table.rowCount() == 1  # found by its alias
    panel.filter.clear()
    panel.table.selectRow(0)
    panel.show_selected_events()
    assert window.canvas._matching is not None and window.canvas._matching.ids == {events[0].id, events[1].id}
    assert panel.status.text() == "2 events with J. Stoltenberg"
    window.document.undo_stack.undo()
    assert sorted(e.name for e in repository.entities()) == ["J. Stoltenberg", "Jens Stoltenberg"]


def test_sources_come_in_from_zotero_and_go_out_again_and_the_import_is_one_undo_step(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    panel = window.research.sources
    before = panel.table.rowCount()
    panel.import_csl(str(ZOTERO))
    assert panel.table.rowCount() == before + 3
    assert panel.status.text() == "3 sources added from zotero-export.json"
    out = tmp_path / "out.json"
    panel.export_csl(str(out))
    titles = {item.get("title") for item in json.loads(out.read_text(encoding="utf-8"))}
    assert "SPQR: A History of Ancient Rome" in titles
    window.document.undo_stack.undo()
    assert panel.table.rowCount() == before


def test_the_consistency_tab_lists_findings_and_jumps_to_their_events(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    repository = window.document.repository
    events = {e.title: e for e in repository.events()}
    vilnius, bucharest = events["Vilnius summit"], events["Bucharest summit declaration"]
    repository.add_link(EventLink(vilnius.id or 0, bucharest.id or 0, "precedes"))
    panel = window.research.consistency
    panel.check_button.click()
    texts = [panel.list.item(row).text() for row in range(panel.list.count())]
    assert any(text.startswith("link runs backwards: 'Vilnius summit'") for text in texts)
    row = next(row for row, text in enumerate(texts) if text.startswith("link runs backwards"))
    panel.list.itemActivated.emit(panel.list.item(row))
    assert window.canvas.selected == vilnius.id


def test_swimlanes_by_person_place_or_tag_give_one_band_each(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.canvas.fit_all()
    window.research.group_lanes_by("entity:place")
    assert window.swimlanes_action.isChecked()
    with qtbot.waitSignal(window.canvas.frame_painted):
        window.canvas.update()
    labels = [band.label for band in window.canvas.frame.bands]
    assert labels == ["Bucharest", "Crimea", "Ukraine", "Vilnius"]
    window.research.group_lanes_by("tag")
    with qtbot.waitSignal(window.canvas.frame_painted):
        window.canvas.update()
    tags = {tag for event in window.document.repository.events() for tag in event.tags[:1]}
    assert {band.label for band in window.canvas.frame.bands} - {"no tag"} == tags
