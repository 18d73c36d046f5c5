"""Random timelines for benchmarks: points and periods over 5,000 years, mixed precisions.

Files are cached by size and seed under the system's temporary folder, so that each benchmark
measures opening and drawing, not generating.
"""

from __future__ import annotations

import math
import random
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from timeline.core.dates.dates import HistoricalDate, Precision
from timeline.core.flat import FlatEvent
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


PEERS_FIRST_DAY = date(1900, 1, 1).toordinal()
PEERS_LAST_DAY = date(2030, 12, 31).toordinal()
PEERS_CATEGORIES = ("politics", "war", "science", "art", "trade")
PEERS_COMMON = "council"
"""A word in about one event in ten (the common word the search benchmarks look for)."""
PEERS_RARE = "zanzibar"
"""A word in exactly one event."""
_UNIX_DAY = date(1970, 1, 1).toordinal()
_PEERS_WORDS = (
    "satellite", "saturn", "satire", "harbour", "railway", "election", "strike", "merger", "flood",
    "treaty", "festival", "census", "bridge", "mine", "school", "parish", "charter", "market",
)  # fmt: skip


def peers_rows(count: int, seed: int = 1) -> Iterator[FlatEvent]:
    """The workload other timeline programs are measured on: ``count`` events over 1900–2030,
    half of them days, half periods of one day to ten years (log-uniform, so that most are
    short and thousands of long ones overlap any moment), in five categories.

    Rows are made as flat rows with their bounds computed by day arithmetic, so that a million
    of them are generated in seconds and go through the bulk import path unchanged.
    """
    rng = random.Random(seed)
    days = PEERS_LAST_DAY - PEERS_FIRST_DAY
    longest = math.log(3652)
    rare = count // 2
    for number in range(count):
        first = PEERS_FIRST_DAY + rng.randrange(days)
        start_text = date.fromordinal(first).isoformat()
        earliest = (first - _UNIX_DAY) * 86_400
        if number % 2:
            last = first + max(1, round(math.exp(rng.random() * longest))) - 1
            end_text: str | None = date.fromordinal(min(last, date.max.toordinal())).isoformat()
            latest = (last + 1 - _UNIX_DAY) * 86_400
            end_earliest = latest - 86_400
        else:
            end_text, latest, end_earliest = None, earliest + 86_400, earliest
        words = rng.sample(_PEERS_WORDS, 4)
        if rng.random() < 0.096:
            words.append(PEERS_COMMON)
        if number == rare:
            words.append(PEERS_RARE)
        yield FlatEvent(
            f"Event {number} {words[0]}", start_text, end_text, earliest, earliest + 86_400, end_earliest,
            latest, (latest - earliest).bit_length(), " ".join(words), PEERS_CATEGORIES[number % 5], "[]",
            "", "", "", "", "", "", "",
        )  # fmt: skip


def peers_file(count: int, path: Path | None = None, seed: int = 1) -> Path:
    """The ``peers`` workload in a timeline file, built once through the bulk import path."""
    if path is None:
        folder = Path(tempfile.gettempdir()) / "timeline-bench"
        folder.mkdir(exist_ok=True)
        path = folder / f"peers-{count}-{seed}.timeline.db"
    if not path.exists():
        partial = path.with_name(path.name + ".partial")
        partial.unlink(missing_ok=True)
        with open_database(partial) as database:
            TimelineRepository(database).import_content(list(peers_rows(count, seed)), [], [])
        partial.rename(path)
    return path


def workload_file(name: str, count: int) -> Path:
    """The benchmark file for a workload by name: ``random`` (5,000 years) or ``peers``."""
    return peers_file(count) if name == "peers" else benchmark_file(count)
