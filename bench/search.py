"""Full-text search speed: the first 50 results for a word, as the search panel asks for them.

    python -m bench.search --events N

Builds (once, cached) a timeline of N events with ~200-word descriptions drawn from a
vocabulary in which some words are rare and some are in most events, then times searches for
a rare word, a common word, a prefix and a phrase. The last line is a JSON object.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from timeline.core.dates.dates import HistoricalDate
from timeline.core.flat import flat_event
from timeline.core.model import Event
from timeline.store.database import open_database
from timeline.store.repository import TimelineRepository

COMMON = ["treaty", "army", "king", "river", "city", "church", "trade", "letter", "council", "war"]


def vocabulary(rng: random.Random) -> list[str]:
    syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "zen", "dor", "bel", "gar"]
    return ["".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(20_000)]


def build(count: int) -> Path:
    path = Path(tempfile.gettempdir()) / "timeline-bench" / f"search-{count}.timeline.db"
    if path.exists():
        return path
    path.parent.mkdir(exist_ok=True)
    rng = random.Random(3)
    words = vocabulary(rng)
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    rows = []
    for number in range(count):
        text = [rng.choice(words) for _ in range(190)] + rng.sample(COMMON, 6)
        if number % 5000 == 0:
            text.append("zanzibar")  # a rare word: in 1 event of 5,000
        rng.shuffle(text)
        event = Event(
            f"Event {number} {rng.choice(COMMON)}",
            HistoricalDate.of_year(rng.randint(-3000, 2000)),
            description=" ".join(text),
        )
        rows.append(flat_event(event))
    with open_database(partial) as database:
        TimelineRepository(database).import_content(rows, [], [])
    partial.rename(path)
    return path


def timed(repository: TimelineRepository, text: str, runs: int = 15) -> tuple[float, int]:
    times = []
    hits = 0
    for _ in range(runs):
        started = time.perf_counter()
        hits = len(repository.search_hits(text, 50)[0])
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), hits


def main() -> None:
    parser = argparse.ArgumentParser(description="full-text search speed")
    parser.add_argument("--events", type=int, default=100_000)
    count = parser.parse_args().events
    path = build(count)
    results: dict[str, float | int] = {"events": count}
    with open_database(path, readonly=True) as database:
        repository = TimelineRepository(database)
        for name, text in (
            ("rare", "zanzibar"),
            ("common", "treaty"),
            ("prefix", "tre*"),
            ("phrase", '"king river"'),
        ):
            milliseconds, hits = timed(repository, text)
            print(f"{name:>7} {text!r:<14} {hits:>3} results in {milliseconds:6.2f} ms")
            results[f"{name}_ms"] = round(milliseconds, 2)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
