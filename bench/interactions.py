"""Every interaction a person has with a large timeline, timed in the real window.

    python -m bench.interactions --events N [--workload peers|random] [--repeats R]

Opens the main window offscreen at 1920x1080 on a copy of the benchmark file (``peers``: N
events over 1900–2030, half days and half periods of a day to ten years) and times each action
from the moment it is triggered until its result is painted: the canvas (or the search
results) has drawn a new frame. Each row is repeated and reported as median and 95th
percentile in milliseconds; the command-line rows (``check``, ``list``, JSON export) run once each
in a child process, with that child's peak memory. Opening the window is timed from process
start to the first painted frame (see ``bench.open``). The last line is a JSON object with one
key per row, and the peak memory of this process.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from bench.generate import PEERS_COMMON, PEERS_RARE, peers_rows, workload_file
from bench.open import first_paint_runs
from bench.painting import PaintCounter, figures, until_painted
from timeline.core.view.period import TimePeriod
from timeline.ui.app import MainWindow
from timeline.ui.commands import ImportEvents, perform
from timeline.ui.document import TimelineDocument

WIDTH, HEIGHT = 1920, 1080
IMPORTED = 100_000
LIST_ROW = 20_500


_CLI_CHILD = """
import sys
from timeline.cli import main
try:
    code = main(sys.argv[1:])
finally:
    with open("/proc/self/status", encoding="ascii") as status:
        peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    sys.stderr.write(f"peak_kb={peak}\\n")
sys.exit(code)
"""


def child_run(arguments: list[str]) -> dict[str, float]:
    """Seconds and peak memory of one command-line run, its output thrown away.

    The peak is the child's own high-water mark: ``getrusage`` would report the larger one of
    this process, which a child inherits across ``fork`` and ``exec``.
    """
    started = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-c", _CLI_CHILD, *arguments],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    elapsed = time.perf_counter() - started
    peaks = [line for line in completed.stderr.splitlines() if line.startswith("peak_kb=")]
    if completed.returncode not in (0, 1) or not peaks:
        raise RuntimeError(f"{arguments[0]} failed: {completed.stderr}")
    return {"s": round(elapsed, 2), "peak_rss_mb": round(int(peaks[-1][8:]) / 1024, 1)}


class Session:
    """The window on a copy of the file, and the actions a person takes in it."""

    def __init__(self, app: QApplication, path: Path, settings: Path) -> None:
        self.app = app
        self.document = TimelineDocument(path)
        self.window = MainWindow(self.document, QSettings(str(settings), QSettings.Format.IniFormat))
        self.window.resize(WIDTH, HEIGHT)
        self.window.show()
        self.canvas = self.window.canvas
        self.search = self.window.search
        self.canvas_painted = PaintCounter(self.canvas)
        self.results_painted = PaintCounter(self.search.results.viewport())
        self.list_painted = PaintCounter(self.window.event_list.viewport())
        self.window.search_dock.show()
        self.window.search_dock.raise_()
        self.settle()

    def settle(self) -> None:
        deadline = time.perf_counter() + 0.3
        while time.perf_counter() < deadline:
            self.app.processEvents()

    def timed(self, counters: list[PaintCounter], action: Callable[[], object]) -> float:
        milliseconds = until_painted(self.app, counters, action)
        self.settle()
        return milliseconds

    def search_for(self, text: str) -> float:
        """Type the words and let the panel search (its pause while typing is not counted)."""
        self.search.field.setText("")
        self.search.run()
        self.settle()

        def act() -> None:
            self.search.field.setText(text)
            self.search.run()

        return self.timed([self.results_painted], act)

    def reset_search(self) -> None:
        self.search.show_only_matches.setChecked(False)
        self.search.filters.setChecked(False)
        self.search.field.setText("")
        self.search.run()
        self.settle()


def run_window_rows(session: Session, repeats: int) -> dict[str, dict[str, float]]:
    rows: dict[str, dict[str, float]] = {}
    canvas, search = session.canvas, session.search
    painted = [session.canvas_painted]

    canvas.fit_all()
    session.settle()
    middle = canvas.period.start + canvas.period.width * 0.6
    steps = []
    period = canvas.period
    while period.width > 3_600:
        period = period.zoomed(1.25, anchor=period.fraction_of(middle))
        steps.append(period)
    zoom_times = [session.timed(painted, lambda p=p: canvas.set_period(p)) for p in steps]  # type: ignore[misc]
    rows["zoom_step"] = figures(zoom_times)
    canvas.set_period(TimePeriod.around(middle - 86_400 * 200, middle + 86_400 * 200))
    session.settle()
    rows["pan_step"] = figures([session.timed(painted, lambda: canvas.pan(0.1)) for _ in range(repeats * 4)])
    canvas.set_period(TimePeriod.around(middle - 150, middle + 150))
    session.settle()
    rows["pan_step_five_minutes"] = figures(
        [session.timed(painted, lambda: canvas.pan(0.1)) for _ in range(repeats)]
    )
    canvas.fit_all()
    session.settle()

    rows["search_common_word"] = figures([session.search_for(PEERS_COMMON) for _ in range(repeats)])
    rows["search_prefix"] = figures([session.search_for("sat*") for _ in range(repeats)])

    times = []
    for _ in range(repeats):
        session.reset_search()
        search.field.setText(PEERS_RARE)
        search.run()
        session.settle()
        times.append(session.timed(painted, lambda: search.show_only_matches.setChecked(True)))
    rows["show_only_matches_rare"] = figures(times)
    rows["pan_step_filtered"] = figures(
        [session.timed(painted, lambda: canvas.pan(0.1)) for _ in range(repeats)]
    )
    session.reset_search()

    filters = search.filters
    for name, dim in (("filter_one_category", False), ("fade_other_categories", True)):
        times = []
        for _ in range(repeats):
            session.reset_search()
            filters.others.setCurrentIndex(1 if dim else 0)
            for row in range(filters.categories.count()):
                filters.categories.item(row).setCheckState(
                    Qt.CheckState.Checked if row == 0 else Qt.CheckState.Unchecked
                )
            session.settle()

            def turn_on() -> None:
                filters.setChecked(True)

            times.append(session.timed(painted, turn_on))
        rows[name] = figures(times)
    for row in range(filters.categories.count()):
        filters.categories.item(row).setCheckState(Qt.CheckState.Checked)
    filters.others.setCurrentIndex(0)
    session.reset_search()

    window = session.window
    deletes, undos = [], []
    stack = session.document.undo_stack
    for repeat in range(repeats):
        index = window.event_model.index(min(LIST_ROW + repeat, session.document.event_count() - 1), 0)
        window.event_list.scrollTo(index)
        window.event_list.setCurrentIndex(index)
        session.settle()
        deletes.append(session.timed([*painted, session.list_painted], window.edit_actions.delete_selected))
        undos.append(session.timed([*painted, session.list_painted], stack.undo))
    rows["delete_one_event"] = figures(deletes)
    rows["undo_delete"] = figures(undos)

    imported = list(peers_rows(IMPORTED, seed=2))
    command = ImportEvents(session.document, imported, [], [], "", "peers.csv")
    perform(command)
    session.settle()
    undo_times, redo_times = [], []
    for _ in range(max(2, repeats // 3)):
        undo_times.append(session.timed(painted, stack.undo))
        redo_times.append(session.timed(painted, stack.redo))
    undo_times.append(session.timed(painted, stack.undo))
    rows["undo_import_100k"] = figures(undo_times)
    rows["redo_import_100k"] = figures(redo_times)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description="interactions timed in the window")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--workload", choices=("peers", "random"), default="peers")
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--file", type=Path, help="the benchmark file to use (built when missing)")
    parser.add_argument("--skip-cli", action="store_true", help="leave out check, list and export")
    options = parser.parse_args()
    source = options.file
    if source is None:
        source = workload_file(options.workload, options.events)
    elif not source.exists():
        from bench.generate import peers_file

        peers_file(options.events, source)
    app = QApplication.instance() or QApplication([])
    result: dict[str, object] = {"events": options.events, "workload": options.workload}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.timeline.db"
        shutil.copyfile(source, path)
        session = Session(app, path, Path(folder) / "settings.ini")
        rows = run_window_rows(session, options.repeats)
        session.window.close()
        session.document.close()
        for name, row in rows.items():
            print(f"{name:>24}: median {row['median_ms']:>9,.1f} ms, p95 {row['p95_ms']:>9,.1f} ms")
        result.update(rows)
        opens = first_paint_runs(path, 3)
        result["open_first_paint"] = {
            "median_ms": round(statistics.median(run["first_paint_s"] for run in opens) * 1000),
            "p95_ms": round(max(run["first_paint_s"] for run in opens) * 1000),
            "peak_rss_mb": round(max(run["peak_rss_mb"] for run in opens), 1),
        }
        print(f"{'open_first_paint':>24}: {result['open_first_paint']}")
        if not options.skip_cli:
            for name, arguments in (
                ("cli_check", ["check", "--db", str(path)]),
                ("cli_list", ["list", "--db", str(path)]),
                (
                    "cli_export_json",
                    ["export", "--db", str(path), "-o", f"{folder}/out.json", "--format", "json"],
                ),
            ):
                result[name] = child_run(arguments)
                print(f"{name:>24}: {result[name]}")
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
