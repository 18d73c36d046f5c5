"""Timeline JSON carries entities, sources, links and nesting: a file written and read back
into a new timeline holds the same."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.cli import main
from timeline.core.dates.edtf import read_edtf_date
from timeline.core.model import PLACE, Entity, Event, EventLink, Source
from timeline.io.native_json import content_from_json
from timeline.io.report import FormatError
from timeline.store.database import open_database
from timeline.store.repository import TimelineRepository


def build(repository: TimelineRepository) -> None:
    war = repository.add_event(Event("War", read_edtf_date("1914"), read_edtf_date("1918")))
    battle = repository.add_event(Event("Battle of the Somme", read_edtf_date("1916-07-01")))
    treaty = repository.add_event(Event("Treaty", read_edtf_date("1919-06-28")))
    repository.set_parent(battle, war)
    repository.add_link(EventLink(war, treaty, "led to", "after the armistice"))
    foch = repository.add_entity(
        Entity("Ferdinand Foch", start=read_edtf_date("1851-10-02"), end=read_edtf_date("1929-03-20"))
    )
    versailles = repository.add_entity(Entity("Versailles", PLACE, latitude=48.8049, longitude=2.1204))
    repository.add_entity(Entity("Unused person"))
    repository.set_participants(treaty, [(versailles, "venue"), (foch, "")])
    book = repository.add_source(
        Source(author="Margaret MacMillan", title="Peacemakers", year="2001", csl='{"id": "mm"}')
    )
    repository.add_source(Source(title="A library record no event cites"))
    repository.set_citations(
        treaty, [repository.source(book).cited("12", "they signed"), Source("Own notes")]
    )


def snapshot(repository: TimelineRepository) -> dict[str, object]:
    events = repository.events()
    titles = {event.id: event.title for event in events}
    return {
        "parents": {titles[c]: titles[p] for c, p in repository.parents().items()},
        "links": [
            (titles[link.from_id], link.type, titles[link.to_id], link.note) for link in repository.links()
        ],
        "entities": [e.with_changes(id=None, created="", modified="") for e in repository.entities()],
        "parts": {e.title: [(n.name, r) for n, r in repository.participants(e.id or 0)] for e in events},
        "cites": {e.title: repository.citations(e.id or 0) for e in events},
        "sources": sorted(s.display() for s in repository.sources()),
    }


def test_a_timeline_survives_export_and_import_into_a_new_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second, out = tmp_path / "a.timeline.db", tmp_path / "b.timeline.db", tmp_path / "out.json"
    with open_database(first) as database:
        build(TimelineRepository(database))
    assert main(["export", "--db", str(first), "--format", "json", "-o", str(out)]) == 0
    assert main(["import", str(out), "--db", str(second)]) == 0
    capsys.readouterr()
    with open_database(first) as a, open_database(second) as b:
        before, after = snapshot(TimelineRepository(a)), snapshot(TimelineRepository(b))
    assert after == before
    assert after["parents"] == {"Battle of the Somme": "War"}
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {entity["name"] for entity in data["entities"]} == {
        "Ferdinand Foch",
        "Versailles",
        "Unused person",
    }
    treaty = next(event for event in data["events"] if event["title"] == "Treaty")
    war = next(event for event in data["events"] if event["title"] == "War")
    assert war["links"] == [{"type": "led to", "to": treaty["id"], "note": "after the armistice"}]
    assert treaty["cites"][0]["page"] == "12"


def test_an_unknown_entity_is_a_problem_and_an_unknown_link_target_a_note() -> None:
    data = {
        "format": "timeline",
        "version": 1,
        "entities": [{"id": 1, "name": "Foch"}],
        "events": [
            {"id": 1, "title": "A", "start": "1918", "entities": [{"entity": 2}]},
        ],
    }
    with pytest.raises(FormatError, match=r"events\[0\]\.entities\[0\]\.entity: no entity has the id '2'"):
        content_from_json(data, "x.json")
    data["events"] = [{"id": 1, "title": "A", "start": "1918", "links": [{"type": "caused", "to": 9}]}]
    assert content_from_json(data, "x.json").relations.links == ()
    data["entities"] = [{"id": 1, "name": "Foch", "latitude": "north", "longitude": 2}]
    with pytest.raises(FormatError, match=r"entities\[0\]\.latitude: must be a number"):
        content_from_json(data, "x.json")
