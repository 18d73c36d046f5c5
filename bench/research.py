"""A large research timeline: events with entities taking part and links between them.

Builds (once, cached) the ``peers`` workload of ``--events`` events with a tenth as many
entities, each event with one to three of them, and three links per ten events between
events close in time; then runs ``bench.interactions`` on it (pan, zoom, open, in the real
window) and reports, in this process, how many arrows frames draw and what finding them and
the consistency checks cost.

    python -m bench.research --events 100000
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.generate import peers_file
from timeline.core.view.period import TimePeriod
from timeline.store.database import open_database
from timeline.store.repository import TimelineRepository
from timeline.store.rows import timestamp_now


def research_file(count: int, seed: int = 1) -> Path:
    folder = Path(tempfile.gettempdir()) / "timeline-bench"
    folder.mkdir(exist_ok=True)
    path = folder / f"research-{count}-{seed}.timeline.db"
    if path.exists():
        return path
    partial = path.with_name(path.name + ".partial")
    partial.write_bytes(peers_file(count, seed=seed).read_bytes())
    rng = random.Random(seed)
    entities = max(count // 10, 1)
    now = timestamp_now()
    with open_database(partial) as database:
        db = database.db
        with db.atomic():
            db.conn.executemany(
                "INSERT INTO entities (id, kind, name, created, modified) VALUES (?, ?, ?, ?, ?)",
                (
                    (
                        n + 1,
                        ("person", "place", "organisation")[n % 3],
                        f"Entity {n} {rng.random():.6f}",
                        now,
                        now,
                    )
                    for n in range(entities)
                ),
            )
            ids = [row[0] for row in db.execute("SELECT id FROM events ORDER BY earliest, id")]
            db.conn.executemany(
                "INSERT OR IGNORE INTO event_entities (event_id, entity_id, role, position)"
                " VALUES (?, ?, '', ?)",
                (
                    (event_id, rng.randrange(entities) + 1, position)
                    for event_id in ids
                    for position in range(rng.randint(1, 3))
                ),
            )
            links = count * 3 // 10
            db.conn.executemany(
                "INSERT INTO links (from_id, to_id, type) VALUES (?, ?, ?)",
                (
                    (ids[index], ids[min(index + rng.randint(1, 50), len(ids) - 1)], "precedes")
                    for index in (rng.randrange(len(ids) - 1) for _ in range(links))
                ),
            )
    partial.rename(path)
    return path


def arrows_per_frame(path: Path) -> dict[str, object]:
    """Frames over the file at several zooms: arrows drawn, and the time to build each frame."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from timeline.ui.canvas.frame import build_frame
    from timeline.ui.canvas.painter import Theme, TimelinePainter
    from timeline.ui.document import TimelineDocument

    app = QApplication.instance() or QApplication([])
    document = TimelineDocument(path, readonly=True)
    painter = TimelinePainter(QFont(), Theme.from_palette(app.palette()))
    geometry = painter.geometry(1920, 1080)
    bounds = document.bounds()
    assert bounds is not None
    arrows, times = [], []
    for days in (3, 30, 365, 3650):
        for step in range(8):
            centre = bounds[0] + (bounds[1] - bounds[0]) * (step + 0.5) / 8
            period = TimePeriod(centre - days * 43_200, centre + days * 43_200)
            started = time.perf_counter()
            frame = build_frame(document, period, geometry, painter.measure)
            times.append(time.perf_counter() - started)
            arrows.append(len(frame.arrows))
    document.close()
    return {
        "frames": len(times),
        "arrows_max": max(arrows),
        "arrows_median": statistics.median(arrows),
        "build_frame_median_ms": round(statistics.median(times) * 1000, 1),
        "build_frame_max_ms": round(max(times) * 1000, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    options = parser.parse_args()
    started = time.perf_counter()
    path = research_file(options.events)
    result: dict[str, object] = {"events": options.events, "build_s": round(time.perf_counter() - started, 1)}
    with open_database(path, readonly=True) as database:
        repository = TimelineRepository(database)
        db = database.db
        for table in ("entities", "event_entities", "links"):
            result[table] = db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        started = time.perf_counter()
        findings = repository.consistency_findings()
        result["consistency_s"] = round(time.perf_counter() - started, 2)
        result["consistency_findings"] = len(findings)
        started = time.perf_counter()
        hits = repository.search("entity")
        result["search_entity_name_s"] = round(time.perf_counter() - started, 2)
        result["search_entity_name_events"] = len(hits)
    result["arrows"] = arrows_per_frame(path)
    print(json.dumps(result["arrows"]))
    window = subprocess.run(
        [sys.executable, "-m", "bench.interactions", "--events", str(options.events), "--file", str(path),
         "--skip-cli", "--repeats", str(options.repeats)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    print(window.stdout.strip().splitlines()[:-1] and "\n".join(window.stdout.strip().splitlines()[:-1]))
    result["window"] = json.loads(window.stdout.strip().splitlines()[-1])
    print(json.dumps(result))


if __name__ == "__main__":
    main()
