"""Shared test set-up: no display needed, and no test touches the user's real data folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("TIMELINE_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.timeline.db"


@pytest.fixture
def repository(db_path: Path) -> Iterator[object]:
    from timeline.store.database import open_database
    from timeline.store.repository import TimelineRepository

    with open_database(db_path) as database:
        yield TimelineRepository(database)
