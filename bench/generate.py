"""Random timelines for benchmarks: points and periods over 5,000 years, mixed precisions.

Files are cached by size and seed under the system's temporary folder, so that each benchmark
measures opening and drawing, not generating.
"""

from __future__ import annotations

import random
import tempfile
from collections.abc import Iterator
from pathlib import Path

from timeline.core.dates.dates import HistoricalDate, Precision
from timeline.core.model import Event
from timeline.store.database import open_database
from timeline.store.repository import TimelineRepository

FIRST_YEAR = -2999
LAST_YEAR = 2000
CATEGORIES = ("politics", "war", "science", "art", "trade", "religion")


def random_date(rng: random.Random, year: int) -> HistoricalDate:
    kind = rng.random()
    if kind < 0.2:
        return HistoricalDate.of_year(year, approximate=rng.random() < 0.3)
    if kind < 0.45:
        return HistoricalDate.of_month(year, rng.randint(1, 12), uncertain=rng.random() < 0.1)
    if kind < 0.95:
        return HistoricalDate.of_day(year, rng.randint(1, 12), rng.randint(1, 28))
    return HistoricalDate(
        year,
        rng.randint(1, 12),
        rng.randint(1, 28),
        rng.randint(0, 23),
        rng.randint(0, 59),
        precision=Precision.MINUTE,
    )


def random_events(count: int, seed: int = 1) -> Iterator[Event]:
    rng = random.Random(seed)
    for number in range(count):
        year = rng.randint(FIRST_YEAR, LAST_YEAR)
        start = random_date(rng, year)
        end = None
        if rng.random() < 0.3:
            length = rng.choice((0, 0, 1, 2, 5, 10, 30, 100))
            end_date = random_date(rng, year + length)
            if end_date.latest > start.earliest:
                end = end_date
        yield Event(
            f"Event {number} {rng.choice(('treaty', 'battle', 'founding', 'voyage', 'reign', 'council'))}",
            start,
            end,
            category=rng.choice(CATEGORIES),
        )


def benchmark_file(count: int, seed: int = 1) -> Path:
    folder = Path(tempfile.gettempdir()) / "timeline-bench"
    folder.mkdir(exist_ok=True)
    path = folder / f"events-{count}-{seed}.timeline.db"
    if not path.exists():
        partial = path.with_name(path.name + ".partial")
        partial.unlink(missing_ok=True)
        with open_database(partial) as database:
            TimelineRepository(database).add_events(random_events(count, seed))
        partial.rename(path)
    return path
