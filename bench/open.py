"""Time from process start to the first painted frame of a timeline with N events.

    python -m bench.open --events N

Starts a fresh Python process that opens the file exactly as ``timeline FILE`` does, in a
1920x1080 window with no remembered state, and stops at the first frame the canvas paints.
Prints the median and the worst of the runs and the child's peak memory; the last line is a
JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = """
import os, sys, time
started = float(sys.argv[2])
from pathlib import Path
from PySide6.QtWidgets import QApplication
from timeline.ui.app import open_window
app = QApplication(sys.argv[:1])
window = open_window(Path(sys.argv[1]))
window.resize(1920, 1080)
def painted():
    with open("/proc/self/status", encoding="ascii") as status:  # not getrusage: that counts the parent's
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    print(json.dumps({"first_paint_s": time.time() - started, "peak_rss_mb": peak / 1024}), flush=True)
    os._exit(0)
import json
window.canvas.frame_painted.connect(painted)
app.exec()
"""


def first_paint_runs(path: Path, runs: int) -> list[dict[str, float]]:
    """Each run's seconds from process start to first paint, and its peak memory."""
    results = []
    with tempfile.TemporaryDirectory() as settings:
        environment = dict(
            os.environ,
            QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            XDG_CONFIG_HOME=settings,  # no window state remembered from earlier runs
        )
        for _ in range(runs):
            started = time.time()
            output = subprocess.run(
                [sys.executable, "-c", CHILD, str(path), repr(started)],
                capture_output=True,
                text=True,
                check=True,
                env=environment,
            ).stdout
            results.append(json.loads(output.strip().splitlines()[-1]))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description="time to first paint")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workload", choices=("peers", "random"), default="random")
    options = parser.parse_args()
    from bench.generate import workload_file

    path = workload_file(options.workload, options.events)
    runs = first_paint_runs(path, options.runs)
    result = {
        "events": options.events,
        "workload": options.workload,
        "first_paint_s": round(statistics.median(run["first_paint_s"] for run in runs), 3),
        "first_paint_s_worst": round(max(run["first_paint_s"] for run in runs), 3),
        "peak_rss_mb": round(max(run["peak_rss_mb"] for run in runs), 1),
    }
    print(
        f"first paint after {result['first_paint_s']} s (median;"
        f" worst of {options.runs}: {result['first_paint_s_worst']} s),"
        f" peak memory {result['peak_rss_mb']} MB"
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
