"""Where the default timeline lives, and its first creation from the bundled sample."""

from __future__ import annotations

import os
from pathlib import Path

from timeline.io.native_json import read_timeline_json
from timeline.store.database import open_database
from timeline.store.repository import TimelineRepository

DATA_DIR_VARIABLE = "TIMELINE_DATA_DIR"
"""Set to use another folder than the platform's data folder (used by tests and portable installs)."""

DEFAULT_FILE_NAME = "default.timeline.db"
SAMPLE_FILE_NAME = "sample.timeline.json"


def data_dir() -> Path:
    configured = os.environ.get(DATA_DIR_VARIABLE)
    if configured:
        return Path(configured)
    import platformdirs

    return platformdirs.user_data_path("Timeline", appauthor=False)


def resource_path(name: str) -> Path:
    """A bundled resource: inside the installed package, or in the source tree's ``resources/``."""
    package_dir = Path(__file__).resolve().parent
    for candidate in (package_dir / "resources" / name, package_dir.parent / "resources" / name):
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"the bundled resource {name} is missing from this installation")


def default_timeline_path() -> Path:
    """The user's default timeline, created from the sample on first use."""
    path = data_dir() / DEFAULT_FILE_NAME
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        create_from_sample(path)
    return path


def create_from_sample(path: Path) -> None:
    content = read_timeline_json(resource_path(SAMPLE_FILE_NAME))
    with open_database(path) as database:
        repository = TimelineRepository(database)
        if repository.count_events() == 0:
            repository.add_content(content)
