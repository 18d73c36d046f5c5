"""Pictures in the timeline file: stored once by content, listed in order per event, kept exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pictures import picture_file
from timeline.core.dates.dates import HistoricalDate
from timeline.core.model import Event
from timeline.core.pictures import Picture
from timeline.io.pictures import read_picture_file
from timeline.store.database import open_database
from timeline.store.errors import StoreError
from timeline.store.repository import TimelineRepository


def test_pictures_round_trip_through_the_file(tmp_path: Path) -> None:
    path = tmp_path / "t.timeline.db"
    first = read_picture_file(picture_file(tmp_path, "a.png"))
    second = read_picture_file(picture_file(tmp_path, "b.jpg", colour="#e76f51"))
    with open_database(path) as database:
        repository = TimelineRepository(database)
        one = repository.add_event(Event("One", HistoricalDate.of_year(1900)))
        two = repository.add_event(Event("Two", HistoricalDate.of_year(1901)))
        repository.set_pictures(
            one, [first.picture("A caption", "Drawn by the tests"), second.picture()], [first, second]
        )
        repository.set_pictures(two, [first.picture("Again")], [first])  # the same picture, stored once
    with open_database(path) as database:
        repository = TimelineRepository(database)
        pictures = repository.pictures_of(one)
        assert [(p.sha256, p.caption, p.credit) for p in pictures] == [
            (first.sha256, "A caption", "Drawn by the tests"),
            (second.sha256, "", ""),
        ]
        assert (pictures[0].width, pictures[0].height, pictures[0].mime) == (64, 48, "image/png")
        assert repository.image_count() == 2
        assert repository.image_data(first.sha256) == (first.data, "image/png")
        assert repository.thumbnail(second.sha256) == second.thumbnail
        assert repository.first_pictures([one, two, 999]) == {one: first.sha256, two: first.sha256}
        assert set(repository.pictures_by_event()) == {one, two}


def test_a_picture_that_is_not_stored_changes_nothing(tmp_path: Path) -> None:
    image = read_picture_file(picture_file(tmp_path, "a.png"))
    with open_database(tmp_path / "t.timeline.db") as database:
        repository = TimelineRepository(database)
        event = repository.add_event(Event("One", HistoricalDate.of_year(1900)))
        repository.set_pictures(event, [image.picture("kept")], [image])
        with pytest.raises(StoreError, match="no image"):
            repository.set_pictures(event, [image.picture(), Picture("0" * 64, "missing")])
        assert [picture.caption for picture in repository.pictures_of(event)] == ["kept"]
