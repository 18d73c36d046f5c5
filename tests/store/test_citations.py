"""Citations live in the sources tables: an event's source, bulk imports, search and the upgrade."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from timeline.core.dates.edtf import read_edtf_date
from timeline.core.model import Event, Source
from timeline.store.database import open_database
from timeline.store.repository import TimelineRepository

VERSION_1_FILE = Path(__file__).resolve().parent.parent / "data" / "store" / "version-1.timeline.db"


NO_SOURCE = Source()


def event(title: str, source: Source = NO_SOURCE, start: str = "2000") -> Event:
    return Event(title, read_edtf_date(start), source=source)


def test_the_upgrade_drops_the_events_source_columns_and_every_event_keeps_its_source(tmp_path: Path) -> None:
    path = tmp_path / "old.timeline.db"
    shutil.copyfile(VERSION_1_FILE, path)
    connection = sqlite3.connect(path)
    before = {
        row[0]: Source(*row[1:])
        for row in connection.execute(
            "SELECT id, source, source_author, source_title, source_page, source_url FROM events"
        )
    }
    connection.close()
    with open_database(path) as database:
        repository = TimelineRepository(database)
        assert {e.id: e.source for e in repository.events()} == before
        columns = {row[1] for row in database.db.execute("PRAGMA table_info(events)")}
        assert not {"source", "source_author", "source_title"} & columns
        assert {e.title for e in repository.search("Divus")} == {
            "Caesar crosses the Rubicon",
            "Assassination of Caesar",
        }


def test_two_events_citing_one_book_share_its_record_and_keep_their_pages(
    repository: TimelineRepository,
) -> None:
    book = Source(author="Mary Beard", title="SPQR")
    first = repository.add_event(event("Rubicon", book.cited("31")))
    second = repository.add_event(event("Ides of March", book.cited("82")))
    assert repository.get_event(first).source.page == "31"
    assert repository.get_event(second).source.page == "82"
    assert repository.db.execute("SELECT count(*) FROM sources").fetchone()[0] == 1


def test_editing_one_events_citation_leaves_the_other_event_citing_the_old_text(
    repository: TimelineRepository,
) -> None:
    book = Source(author="Mary Beard", title="SPQR")
    first = repository.add_event(event("Rubicon", book))
    second = repository.add_event(event("Ides of March", book))
    repository.update_event(repository.get_event(first).with_changes(source=Source(title="SPQR, 2nd ed.")))
    assert repository.get_event(first).source.title == "SPQR, 2nd ed."
    assert repository.get_event(second).source == book
    repository.update_event(repository.get_event(first).with_changes(source=Source()))
    assert not repository.get_event(first).source


def test_a_bulk_import_cites_each_distinct_source_once(repository: TimelineRepository) -> None:
    events = [event(f"Day {n}", Source("Diary", page=str(n)), f"2000-01-{n:02d}") for n in range(1, 31)]
    events += [event("Uncited", start="2001"), event("Elsewhere", Source(url="https://example.org"), "2002")]
    ids, _, _ = repository.import_content(events * 50, [], [])
    assert len(ids) == 1600
    assert repository.db.execute("SELECT count(*) FROM sources").fetchone()[0] == 2
    by_title = {e.title: e.source for e in repository.events_by_ids(ids[:32])}
    assert by_title["Day 7"] == Source("Diary", page="7")
    assert not by_title["Uncited"]
    assert by_title["Elsewhere"].url == "https://example.org"


def test_search_finds_an_event_by_the_title_of_the_source_it_cites(repository: TimelineRepository) -> None:
    repository.add_event(event("Crossing", Source(author="Plutarch", title="Parallel Lives")))
    repository.add_event(event("Parallel parking invented"))
    assert [e.title for e in repository.search("lives")] == ["Crossing"]
    hits, _ = repository.search_hits("parallel")
    assert sorted(hit.event_id for hit in hits) == [1, 2]
    from timeline.core.filters import EventFilter

    matched = repository.matching_ids(EventFilter(text="plutarch"))
    assert [e.title for e in repository.events_by_ids(sorted(matched))] == ["Crossing"]
