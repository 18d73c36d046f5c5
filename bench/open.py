"""Time from process start to the first painted frame of a timeline with N events.

    python -m bench.open --events N

Starts a fresh Python process that opens the file exactly as ``timeline FILE`` does and stops
at the first frame the canvas paints. Prints the time and the child's peak memory; the last
line is a JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

CHILD = """
import os, resource, sys, time
started = float(sys.argv[2])
from pathlib import Path
from PySide6.QtWidgets import QApplication
from timeline.ui.app import open_window
app = QApplication(sys.argv[:1])
window = open_window(Path(sys.argv[1]))
def painted():
    print(json.dumps({"first_paint_s": time.time() - started,
                      "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}), flush=True)
    os._exit(0)
import json
window.canvas.frame_painted.connect(painted)
app.exec()
"""


def main() -> None:
    parser = argparse.ArgumentParser(description="time to first paint")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    from bench.generate import benchmark_file

    path = benchmark_file(options.events)
    environment = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    runs = []
    for _ in range(options.runs):
        started = time.time()
        output = subprocess.run(
            [sys.executable, "-c", CHILD, str(path), repr(started)],
            capture_output=True,
            text=True,
            check=True,
            env=environment,
        ).stdout
        runs.append(json.loads(output.strip().splitlines()[-1]))
    best = min(runs, key=lambda run: run["first_paint_s"])
    result = {
        "events": options.events,
        "first_paint_s": round(best["first_paint_s"], 3),
        "first_paint_s_worst": round(max(run["first_paint_s"] for run in runs), 3),
        "peak_rss_mb": round(best["peak_rss_mb"], 1),
    }
    print(
        f"first paint after {result['first_paint_s']} s"
        f" (worst of {options.runs}: {result['first_paint_s_worst']} s),"
        f" peak memory {result['peak_rss_mb']} MB"
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
