"""Events in and out of a real file: every field, window queries through the index, search."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.core.dates.dates import HistoricalDate, OpenEnd
from timeline.core.dates.parsing import parse_date
from timeline.core.model import Category, Era, Event, Source
from timeline.store.database import open_database
from timeline.store.errors import StoreError
from timeline.store.repository import TimelineRepository
from timeline.store.search import fts_query


def test_every_field_survives_a_reopen(db_path: Path) -> None:
    event = Event(
        title="مؤتمر 🎉 Zoë e\u0301",
        start=parse_date("c. 15 March 44 BC"),
        end=parse_date("44 BC"),
        description="x" * 100_000,
        category="war",
        tags=("Rome", "שלום"),
        source=Source("Divus Julius 82", author="Suetonius", page="82"),
        url="https://example.org/caesar",
        colour="#aa3300",
    )
    with open_database(db_path) as database:
        event_id = TimelineRepository(database).add_event(event)
    with open_database(db_path, readonly=True) as database:
        stored = TimelineRepository(database).get_event(event_id)
    assert stored.id == event_id and stored.created and stored.modified
    assert stored == Event(
        **{**_fields(event), "id": event_id, "created": stored.created, "modified": stored.modified}
    )


def _fields(event: Event) -> dict[str, object]:
    return {name: getattr(event, name) for name in Event.__dataclass_fields__}


def test_update_and_delete(repository: TimelineRepository) -> None:
    event_id = repository.add_event(Event("Draft", parse_date("2000")))
    repository.update_event(Event("Final", parse_date("July 2001"), id=event_id, category="notes"))
    assert repository.get_event(event_id).title == "Final"
    assert [c.name for c in repository.categories()] == ["notes"]
    repository.delete_event(event_id)
    with pytest.raises(StoreError, match="does not exist"):
        repository.get_event(event_id)


def test_open_ended_events_and_eras(repository: TimelineRepository) -> None:
    event_id = repository.add_event(Event("War", parse_date("2022-02-24"), OpenEnd.OPEN))
    assert repository.get_event(event_id).end is OpenEnd.OPEN
    assert [
        e.title for e in repository.events_between(parse_date("2090").earliest, parse_date("2091").latest)
    ] == ["War"]
    repository.add_era(Era("Full-scale war", parse_date("2022-02-24"), OpenEnd.OPEN, "#c0392b"))
    assert repository.eras()[0].end is OpenEnd.OPEN


def test_a_category_name_is_unique(repository: TimelineRepository) -> None:
    repository.add_category(Category("war", "#c00"))
    with pytest.raises(StoreError, match="exists already"):
        repository.add_category(Category("war"))


def random_event(rng: random.Random, n: int) -> Event:
    year = rng.randint(-3000, 2100)
    start = (
        HistoricalDate.of_day(year, rng.randint(1, 12), rng.randint(1, 28))
        if rng.random() < 0.5
        else HistoricalDate.of_year(year)
    )
    end = None if rng.random() < 0.6 else HistoricalDate.of_year(year + rng.choice([0, 1, 5, 50, 400]))
    return Event(f"event {n}", start, end)


@settings(max_examples=30, deadline=None)
@given(st.integers(-3000, 2100), st.integers(0, 500), st.integers(0, 2**32))
def test_window_query_finds_exactly_the_overlapping_events(
    tmp_path_factory: pytest.TempPathFactory, first: int, length: int, seed: int
) -> None:
    rng = random.Random(seed)
    path = tmp_path_factory.mktemp("window") / "w.db"
    with open_database(path) as database:
        repository = TimelineRepository(database)
        repository.add_events(random_event(rng, n) for n in range(300))
        low, high = HistoricalDate.of_year(first).earliest, HistoricalDate.of_year(first + length).latest
        expected = [e.title for e in repository.events() if e.earliest < high and e.latest > low]
        assert [e.title for e in repository.events_between(low, high)] == expected
        assert repository.count_between(low, high) == len(expected)


def test_window_query_seeks_the_index(repository: TimelineRepository) -> None:
    repository.add_events(random_event(random.Random(1), n) for n in range(50))
    sql, parameters = repository._window_sql(0, 10**9)
    plan = " ".join(row[3] for row in repository.db.execute(f"EXPLAIN QUERY PLAN {sql}", parameters))
    assert "USING INDEX events_window" in plan
    assert "SCAN events" not in plan


def test_search_follows_edits_through_the_triggers(repository: TimelineRepository) -> None:
    event_id = repository.add_event(Event("Vilnius summit", parse_date("2023-07-11"), tags=("NATO",)))
    assert [e.id for e in repository.search("vilnius")] == [event_id]
    assert [e.id for e in repository.search("nat*")] == [event_id]
    repository.update_event(Event("Madrid summit", parse_date("2022-06-29"), id=event_id))
    assert repository.search("vilnius") == []
    assert [e.id for e in repository.search('"madrid summit"')] == [event_id]
    repository.delete_event(event_id)
    assert repository.search("madrid") == []


@pytest.mark.parametrize(
    "text", ['"', "a OR", "(", "NEAR(", "title:x", "-x", "*", "AND", '""', 'a"b', "^", "✓ 💥"]
)
def test_any_search_text_is_safe(repository: TimelineRepository, text: str) -> None:
    repository.add_event(Event("a b title x", parse_date("2000")))
    repository.search(text)


def test_fts_query_quotes_every_term() -> None:
    assert fts_query('nato* "vilnius summit" OR') == '"nato"* "vilnius summit" "OR"'


def test_restored_events_come_back_under_their_ids(repository: TimelineRepository) -> None:
    first = repository.add_event(Event("kept", parse_date("2000"), category="notes"))
    stored = repository.get_event(first)
    repository.delete_events([first])
    assert repository.restore_events([stored]) == [first]
    assert repository.get_event(first) == stored
    assert [e.id for e in repository.search("kept")] == [first]


def test_categories_rename_nest_and_delete_with_or_without_events(repository: TimelineRepository) -> None:
    war_id = repository.add_category(Category("war", "#c00"))
    repository.add_event(Event("battle", parse_date("1415"), category="war"))
    repository.update_category(Category("warfare", "#a00", None, war_id))
    assert repository.get_event(1).category == "warfare"
    child_id = repository.add_category(Category("sieges", "", war_id))
    with pytest.raises(StoreError, match="inside itself"):
        repository.update_category(Category("warfare", "#a00", child_id, war_id))
    with pytest.raises(StoreError, match="exists already"):
        repository.update_category(Category("warfare", "", None, child_id))
    repository.delete_category(war_id, delete_events=False)
    assert repository.get_event(1).category is None
    assert {c.name: c.parent_id for c in repository.categories()} == {"sieges": None}
    sieges = repository.categories()[0]
    repository.update_events([repository.get_event(1).with_changes(category="sieges")])
    saved = repository.events_in_category(child_id)
    repository.delete_category(child_id, delete_events=True)
    assert repository.count_events() == 0
    repository.restore_category(sieges, saved)
    assert [e.title for e in repository.events_in_category(child_id)] == ["battle"]


def test_eras_update_delete_restore(repository: TimelineRepository) -> None:
    era_id = repository.add_era(Era("War", parse_date("1914"), parse_date("1918"), "#888"))
    era = repository.eras()[0]
    repository.update_era(Era("Great War", era.start, era.end, era.colour, era_id))
    assert repository.eras()[0].name == "Great War"
    stored = repository.eras()[0]
    repository.delete_era(era_id)
    assert repository.eras() == []
    repository.restore_era(stored)
    assert repository.eras() == [stored]


def test_a_cancelled_import_leaves_the_file_as_it_was(
    repository: TimelineRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    import timeline.store.bulk as module
    from timeline.core.flat import flat_event
    from timeline.store.bulk import ImportCancelled

    monkeypatch.setattr(module, "_IMPORT_BATCH", 500)
    repository.add_event(Event("kept", parse_date("2000")))
    schema = repository.db.execute("SELECT name FROM sqlite_master ORDER BY name").fetchall()
    rows = [flat_event(Event(f"e{n}", parse_date(f"{1000 + n % 900}"))) for n in range(3000)]
    seen: list[int] = []

    def cancel_after_two_batches(done: int) -> bool:
        seen.append(done)
        return len(seen) < 2

    with pytest.raises(ImportCancelled):
        repository.import_content(rows, [], [], progress=cancel_after_two_batches)
    assert seen == [500, 1000]
    assert repository.count_events() == 1
    assert repository.db.execute("SELECT name FROM sqlite_master ORDER BY name").fetchall() == schema
    ids, _, _ = repository.import_content(rows, [], [])
    assert len(ids) == 3000 and [e.title for e in repository.search("e2999")] == ["e2999"]


def test_iter_events_pages_through_everything_in_order(repository: TimelineRepository) -> None:
    rng = random.Random(5)
    repository.add_events(random_event(rng, n) for n in range(120))
    assert [e.id for e in repository.iter_events(batch=7)] == [e.id for e in repository.events()]


def test_duplicates_are_same_title_start_and_end_even_from_a_read_only_file(db_path: Path) -> None:
    from timeline.core.flat import flat_event

    stored = [
        Event("Vilnius summit", parse_date("2023-07-11"), parse_date("2023-07-12")),
        Event("Point", parse_date("1848")),
        Event("Ongoing", parse_date("2022-02-24"), OpenEnd.OPEN),
    ]
    with open_database(db_path) as database:
        TimelineRepository(database).add_events(stored)
    incoming = [
        flat_event(Event("Point", parse_date("1848"))),
        flat_event(Event("Point", parse_date("1849"))),
        flat_event(Event("Vilnius summit", parse_date("2023-07-11"))),  # no end: another event
        flat_event(Event("Ongoing", parse_date("2022-02-24"), OpenEnd.OPEN)),
        flat_event(Event("Vilnius summit", parse_date("2023-07-11"), parse_date("2023-07-12"))),
        flat_event(Event("Point", parse_date("1848"))),
    ]
    with open_database(db_path, readonly=True) as database:
        repository = TimelineRepository(database)
        assert repository.duplicates_of(incoming) == [0, 3, 4, 5]
        assert repository.duplicates_of(incoming) == [0, 3, 4, 5]  # the scratch table is gone
        assert not database.db.conn.in_transaction
    with open_database(db_path) as database:
        repository = TimelineRepository(database)
        assert repository.duplicates_of([]) == []
        repository.add_event(Event("after", parse_date("2000")))  # nothing left open blocks a write
        assert repository.count_events() == 4
