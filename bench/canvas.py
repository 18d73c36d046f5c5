"""Frame times of the real canvas widget over a fixed script of zooms and pans.

    python -m bench.canvas --events N

Generates (once, cached) a timeline of N random events over 5,000 years, opens it as the app
does, and paints at least 200 frames at 1920x1080 offscreen: fit all; at three places, zoom
in step by step down to a single day, then pan; finally zoom back out. The last line printed
is a JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from bench.frames import frame_figures
from bench.generate import benchmark_file
from timeline.core.view.period import TimePeriod
from timeline.ui.canvas.widget import TimelineCanvas
from timeline.ui.document import TimelineDocument

WIDTH, HEIGHT = 1920, 1080
DAY = 86_400.0


def script(canvas: TimelineCanvas, document: TimelineDocument) -> list[TimePeriod]:
    """The periods to show, one per frame."""
    canvas.fit_all()
    whole = canvas.period
    periods = [whole]
    starts = document.density._starts  # the same sorted starts the canvas counts with
    for quantile in (0.2, 0.5, 0.8):
        place = float(starts[int(len(starts) * quantile)]) + DAY / 2
        steps = 45
        ratio = (whole.width / DAY) ** (1 / steps)
        period = whole
        for _ in range(steps):
            period = period.zoomed(ratio, anchor=period.fraction_of(place))
            periods.append(period)
        for _ in range(15):
            period = period.panned_by(0.1)
            periods.append(period)
    period = periods[-1]
    ratio = (whole.width / period.width) ** (1 / 45)
    for _ in range(45):
        period = period.zoomed(1 / ratio)
        periods.append(period)
    return periods


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description="canvas frame times")
    parser.add_argument("--events", type=int, default=100_000)
    count = parser.parse_args().events
    path = benchmark_file(count)
    app = QApplication.instance() or QApplication([])
    document = TimelineDocument(path, readonly=True)
    canvas = TimelineCanvas(document)
    canvas.resize(WIDTH, HEIGHT)
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)
    times = []
    detailed = 0
    for period in script(canvas, document):
        canvas.set_period(period)
        started = time.perf_counter()
        canvas.render(image)
        times.append((time.perf_counter() - started) * 1000)
        detailed += bool(canvas.frame and canvas.frame.scene.detailed)
    app.processEvents()
    result = {
        "events": count,
        **frame_figures(times),
        "detailed_frames": detailed,
        "rss_mb": round(rss_mb(), 1),
    }
    document.close()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
