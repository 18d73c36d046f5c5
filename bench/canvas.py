"""Frame times of the real canvas widget over a fixed script of zooms and pans.

    python -m bench.canvas --events N

Generates (once, cached) a timeline of N random events over 5,000 years (or, with
``--workload peers``, over 1900–2030), opens it as the app does, and paints at least 200 frames
at 1920x1080 offscreen: fit all; at three places, zoom in step by step down to a single day,
then pan; finally zoom back out. Besides frame times it reports how many frames drew events
(not only counts) and how many events a frame drew, and the peak memory of the process.
The last line printed is a JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from bench.frames import frame_figures
from bench.generate import workload_file
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


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description="canvas frame times")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--workload", choices=("peers", "random"), default="random")
    options = parser.parse_args()
    count = options.events
    path = workload_file(options.workload, count)
    app = QApplication.instance() or QApplication([])
    document = TimelineDocument(path, readonly=True)
    canvas = TimelineCanvas(document)
    canvas.resize(WIDTH, HEIGHT)
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)
    times = []
    drawn = []
    for period in script(canvas, document):
        canvas.set_period(period)
        started = time.perf_counter()
        canvas.render(image)
        times.append((time.perf_counter() - started) * 1000)
        drawn.append(len(canvas.frame.scene.boxes) if canvas.frame else 0)
    app.processEvents()
    result = {
        "events": count,
        **frame_figures(times),
        "workload": options.workload,
        "frames_with_events": sum(1 for boxes in drawn if boxes),
        "events_drawn_p50": round(statistics.median(drawn)),
        "events_drawn_min": min(drawn),
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }
    document.close()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
