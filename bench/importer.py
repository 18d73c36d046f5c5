"""Import and export throughput.

    python -m bench.importer --events N

Writes a CSV and a TimelineJS JSON of N generated events (EDTF dates), imports each into a new
timeline the way ``timeline import`` does, then exports all N to CSV. Prints rows per second
and the export time; the last line is a JSON object.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from bench.generate import random_events
from timeline.importing import import_file
from timeline.io.formats import write_csv_file, write_file
from timeline.store.database import open_database
from timeline.store.repository import TimelineRepository


def import_rate(source: Path, folder: Path, name: str) -> tuple[float, int]:
    """Rows per second of ``timeline import`` into a new file: opening, reading, writing, closing."""
    target = folder / f"{name}.timeline.db"
    started = time.perf_counter()
    with open_database(target) as database:
        _, ids = import_file(TimelineRepository(database), source)
    elapsed = time.perf_counter() - started
    return len(ids) / elapsed, len(ids)


def main() -> None:
    parser = argparse.ArgumentParser(description="import and export throughput")
    parser.add_argument("--events", type=int, default=100_000)
    count = parser.parse_args().events
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        events = list(random_events(count, seed=2))
        csv_path, json_path = folder / "events.csv", folder / "events.json"
        write_file(csv_path, "csv", events, [], "bench")
        write_file(json_path, "timelinejs", events, [], "bench")
        del events
        csv_rate, csv_rows = import_rate(csv_path, folder, "from-csv")
        print(f"CSV import: {csv_rows:,} rows at {csv_rate:,.0f} rows/s")
        json_rate, json_rows = import_rate(json_path, folder, "from-json")
        print(f"TimelineJS JSON import: {json_rows:,} rows at {json_rate:,.0f} rows/s")
        started = time.perf_counter()
        with open_database(folder / "from-csv.timeline.db", readonly=True) as database:
            repository = TimelineRepository(database)
            records = repository.export_records(-(2**63), 2**63 - 1)  # as `timeline export` does
            written = write_csv_file(folder / "out.csv", records).written
        export_seconds = time.perf_counter() - started
        print(f"CSV export: {written:,} events in {export_seconds:.1f} s")
    print(
        json.dumps(
            {
                "events": count,
                "csv_import_rows_per_s": round(csv_rate),
                "timelinejs_import_rows_per_s": round(json_rate),
                "csv_export_s": round(export_seconds, 2),
            }
        )
    )


if __name__ == "__main__":
    main()
