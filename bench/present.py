"""Frame times while presenting: the flights from one step to the next, painted at 1920x1080.

    python -m bench.present --events N

Opens the generated timeline of N events (see bench.canvas), picks 20 events as a story and
paints every frame of each half-second flight (30 frames at 60 per second) with the
presentation's large type: the whole presentation window, its caption card (title, date and
description of the step) included, as the projector shows it. The first frame of each step
also pays for the step's new caption. The last line is a JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from bench.frames import frame_figures
from bench.generate import benchmark_file
from timeline.core.view.presentation import between, framing
from timeline.ui.document import TimelineDocument
from timeline.ui.presentation import PresentationWindow, stops_for

WIDTH, HEIGHT = 1920, 1080
FRAMES_PER_STEP = 30


def main() -> None:
    parser = argparse.ArgumentParser(description="presentation frame times")
    parser.add_argument("--events", type=int, default=100_000)
    count = parser.parse_args().events
    app = QApplication.instance() or QApplication([])
    document = TimelineDocument(benchmark_file(count), readonly=True)
    ids = document.repository.ids_in_time_order()
    story = sorted(random.Random(4).sample(ids, 20), key=ids.index)
    window = PresentationWindow(document, stops_for(document, story))
    window.resize(WIDTH, HEIGHT)
    window.show()
    app.processEvents()
    canvas = window.canvas
    image = QImage(window.width(), window.height(), QImage.Format.Format_ARGB32_Premultiplied)
    times = []
    for index in range(1, len(window.stops)):
        start, end = framing(window.stops, index - 1), framing(window.stops, index)
        for frame in range(1, FRAMES_PER_STEP + 1):
            started = time.perf_counter()
            if frame == 1:
                window.show_step(index, animate=False)
            canvas.set_period(between(start, end, frame / FRAMES_PER_STEP))
            window.render(image)
            times.append((time.perf_counter() - started) * 1000)
    app.processEvents()
    result = {
        "events": count,
        **frame_figures(times),
    }
    document.close()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
