"""Entities, sources, links and nesting in a real file: written, read back, merged, undone."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.core.dates.edtf import read_edtf_date
from timeline.core.filters import EventFilter
from timeline.core.model import PLACE, Entity, Event, EventLink, Source
from timeline.store.database import open_database
from timeline.store.errors import StoreError
from timeline.store.repository import TimelineRepository


def add(repository: TimelineRepository, title: str, start: str = "2008-04-02") -> int:
    return repository.add_event(Event(title, read_edtf_date(start)))


def test_an_entity_survives_a_reopen_with_every_field(db_path: Path) -> None:
    bucharest = Entity(
        "Bucharest",
        PLACE,
        aliases=("București",),
        description="Capital of Romania",
        start=read_edtf_date("1459"),
        colour="#336699",
        latitude=44.4268,
        longitude=26.1025,
    )
    with open_database(db_path) as database:
        entity_id = TimelineRepository(database).add_entity(bucharest)
    with open_database(db_path, readonly=True) as database:
        stored = TimelineRepository(database).entity(entity_id)
    assert stored.with_changes(created="", modified="", id=None) == bucharest
    assert stored.created


def test_participants_keep_their_order_and_roles_and_entities_are_found_by_alias(
    repository: TimelineRepository,
) -> None:
    summit = add(repository, "Bucharest summit")
    jens = repository.resolve_entity("Jens Stoltenberg", "person")
    city = repository.resolve_entity("Bucharest", "place")
    assert repository.resolve_entity("jens  stoltenberg", "person") == jens
    repository.set_participants(summit, [(city, "host city"), (jens, "chair")])
    assert [(e.name, role) for e, role in repository.participants(summit)] == [
        ("Bucharest", "host city"),
        ("Jens Stoltenberg", "chair"),
    ]
    repository.update_entity(repository.entity(city).with_changes(aliases=("București",)))
    assert [e.id for e in repository.entities_named("BUCUREȘTI")] == [city]
    assert repository.events_with(jens) == [summit]
    assert repository.entity_event_counts() == {city: 1, jens: 1}
    with pytest.raises(StoreError, match="event 99 does not exist"):
        repository.set_participants(99, [(jens, "")])


def test_filter_and_search_find_events_by_entity(repository: TimelineRepository) -> None:
    summit = add(repository, "Summit")
    other = add(repository, "Other meeting")
    jens = repository.resolve_entity("Jens Stoltenberg", "person")
    repository.set_participants(summit, [(jens, "chair")])
    assert repository.matching_ids(EventFilter(entities=frozenset({jens}))) == {summit}
    assert [e.id for e in repository.search("stoltenberg")] == [summit]
    hits, _ = repository.search_hits("Stoltenberg")
    assert [hit.event_id for hit in hits] == [summit]
    assert other not in repository.matching_ids(EventFilter(text="jens"))


def test_merging_entities_moves_their_parts_and_names_and_undoing_restores_them(
    repository: TimelineRepository,
) -> None:
    first, second = add(repository, "First"), add(repository, "Second")
    octavian = repository.add_entity(Entity("Octavian"))
    augustus = repository.add_entity(Entity("Augustus"))
    repository.set_participants(first, [(octavian, "heir")])
    repository.set_participants(second, [(augustus, "emperor")])
    saved = repository.merge_entities(augustus, [octavian])
    assert [e.name for e in repository.entities()] == ["Augustus"]
    assert repository.entity(augustus).aliases == ("Octavian",)
    assert repository.events_with(augustus) == [first, second]
    repository.unmerge_entities(*saved)
    assert [e.name for e in repository.entities()] == ["Augustus", "Octavian"]
    assert [(e.name, role) for e, role in repository.participants(first)] == [("Octavian", "heir")]
    assert repository.entity(augustus).aliases == ()


def test_an_event_cites_several_sources_in_order_each_with_its_page_and_quote(
    repository: TimelineRepository,
) -> None:
    summit = add(repository, "Summit")
    book = repository.add_source(Source(author="A. Author", title="A Book"))
    repository.set_citations(
        summit, [repository.source(book).cited("12", "they met"), Source(url="https://nato.int", page="3")]
    )
    cited = repository.citations(summit)
    assert [(c.title, c.page, c.quote) for c in cited] == [("A Book", "12", "they met"), ("", "3", "")]
    assert repository.get_event(summit).source == cited[0]
    assert repository.events_citing(book) == [summit]
    assert repository.matching_ids(EventFilter(sources=frozenset({book}))) == {summit}
    record, citing = repository.delete_source(book)
    assert [c.title for c in repository.citations(summit)] == [""]
    repository.restore_source(record, citing)
    assert [c.page for c in repository.citations(summit)] == ["12", "3"]


def test_links_are_kept_both_ways_and_refuse_missing_events(repository: TimelineRepository) -> None:
    war, treaty, speech = (
        add(repository, "War", "1914"),
        add(repository, "Treaty", "1919"),
        add(repository, "Speech"),
    )
    caused = repository.add_link(EventLink(war, treaty, "led to", "the armistice first"))
    repository.add_link(EventLink(speech, war, "contradicts"))
    assert [(link.type, link.note) for link in repository.links_of(treaty)] == [
        ("led to", "the armistice first")
    ]
    assert len(repository.links_of(war)) == 2
    assert [link.id for link in repository.links_among([war, treaty], limit=10)] == [caused]
    assert repository.links_among([war, treaty, speech], limit=1) == repository.links_among([war, treaty], 10)
    with pytest.raises(StoreError, match="event 99 does not exist"):
        repository.add_link(EventLink(war, 99, "caused"))
    removed = repository.delete_link(caused)
    repository.restore_links([removed])
    assert repository.links_of(treaty) == [removed]


def test_nesting_refuses_a_cycle_and_children_give_their_span(repository: TimelineRepository) -> None:
    war = add(repository, "War", "1914")
    battle = add(repository, "Battle", "1916-07-01")
    later = add(repository, "Aftermath", "1920")
    assert repository.set_parent(battle, war) is None
    repository.set_parent(later, war)
    with pytest.raises(StoreError, match="cannot be part of one of its own parts"):
        repository.set_parent(war, battle)
    assert repository.children_of(war) == [battle, later]
    assert repository.parents() == {battle: war, later: war}
    assert repository.get_event(battle).parent_id == war
    earliest, latest = repository.children_spans([war])[war]
    assert (earliest, latest) == (read_edtf_date("1916-07-01").earliest, read_edtf_date("1920").latest)


def test_deleting_events_and_restoring_them_brings_back_everything_that_tied_them(
    repository: TimelineRepository,
) -> None:
    war, battle, treaty = (
        add(repository, "War", "1914"),
        add(repository, "Battle", "1916"),
        add(repository, "Treaty", "1919"),
    )
    repository.set_parent(battle, war)
    repository.add_link(EventLink(war, treaty, "led to"))
    person = repository.resolve_entity("Foch", "person")
    repository.set_participants(war, [(person, "marshal")])
    repository.set_citations(war, [Source(title="One"), Source(title="Two", page="5")])
    relations = repository.relations_of([war])
    events = [repository.get_event(war)]
    repository.delete_events([war])
    assert repository.get_event(battle).parent_id is None
    assert repository.links_of(treaty) == []
    repository.restore_events(events, relations)
    assert repository.get_event(battle).parent_id == war
    assert [link.type for link in repository.links_of(treaty)] == ["led to"]
    assert [(e.name, role) for e, role in repository.participants(war)] == [("Foch", "marshal")]
    assert [(c.title, c.page) for c in repository.citations(war)] == [("One", ""), ("Two", "5")]
