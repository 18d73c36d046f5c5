"""Full-text search speed as a person sees it: from the search to the results painted in the panel.

    python -m bench.search --events N

Builds (once, cached) a timeline of N events with ~200-word descriptions drawn from a
vocabulary in which some words are rare and some are in most events, then types a rare word,
a common word, a prefix and a phrase into the real search panel (offscreen) and times each
from the search until the result list has painted; the pause the panel waits while someone is
typing is not counted. Prints median and 95th percentile; the last line is a JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from bench.painting import PaintCounter, figures, until_painted
from timeline.core.dates.dates import HistoricalDate
from timeline.core.flat import flat_event
from timeline.core.model import Event
from timeline.store.database import open_database
from timeline.store.repository import TimelineRepository
from timeline.ui.document import TimelineDocument
from timeline.ui.panels.search import SearchPanel

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


def timed(app: QApplication, panel: SearchPanel, counter: PaintCounter, text: str, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        panel.field.setText("")
        panel.run()
        app.processEvents()

        def search(text: str = text) -> None:
            panel.field.setText(text)
            panel.run()

        times.append(until_painted(app, [counter], search))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description="full-text search speed")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=15)
    options = parser.parse_args()
    count = options.events
    path = build(count)
    app = QApplication.instance() or QApplication([])
    results: dict[str, float | int] = {"events": count}
    document = TimelineDocument(path, readonly=True)
    panel = SearchPanel(document)
    panel.resize(360, 900)
    panel.show()
    counter = PaintCounter(panel.results.viewport())
    for name, text in (
        ("rare", "zanzibar"),
        ("common", "treaty"),
        ("prefix", "tre*"),
        ("phrase", '"king river"'),
    ):
        row = figures(timed(app, panel, counter, text, options.runs))
        print(
            f"{name:>7} {text!r:<14} {len(panel.hits):>3} results: median {row['median_ms']:6.1f} ms,"
            f" p95 {row['p95_ms']:6.1f} ms"
        )
        results[f"{name}_ms"] = row["median_ms"]
        results[f"{name}_ms_p95"] = row["p95_ms"]
    panel.close()
    document.close()
    print(json.dumps(results))


if __name__ == "__main__":
    main()
