"""Pictures at no cost in speed: panning a view full of thumbnails, and opening a file of images.

    python -m bench.thumbnails [--cards 200] [--images 10000]

1. Panning: a timeline of ``--cards`` events spread evenly over a view at 1920x1080, each with a
   picture of its own, is panned 60 frames across (1% of the view a frame); the same timeline
   without pictures is panned the same way. Prints frame times for both and how many thumbnails
   a frame drew, and how many thumbnails were decoded in all (each once: the cache keeps them).
2. Opening: a file of ``--images`` events each with a picture, and the same file without them:
   the time to open the file and paint the first frame, best of three.

The files are made in a temporary folder each run (pictures drawn with Pillow). The last line
printed is a JSON object with the figures.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from bench.frames import frame_figures
from timeline.core.dates.dates import HistoricalDate
from timeline.core.model import Event
from timeline.core.view.period import TimePeriod
from timeline.io.pictures import prepare_picture
from timeline.store.database import open_database
from timeline.store.repository import TimelineRepository
from timeline.ui.canvas.widget import TimelineCanvas
from timeline.ui.document import TimelineDocument
from timeline.ui.pictures import thumbnails

WIDTH, HEIGHT = 1920, 1080
YEAR = 31_556_952.0


def picture_bytes(index: int, size: tuple[int, int]) -> bytes:
    from PIL import Image

    colour = ((index * 67) % 256, (index * 131) % 256, (index * 29) % 256)
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def make_file(path: Path, count: int, with_pictures: bool, size: tuple[int, int]) -> None:
    with open_database(path) as database:
        repository = TimelineRepository(database)
        events = [Event(f"E{n}", HistoricalDate.of_year(1000 + n)) for n in range(count)]
        repository.add_events(events)
        if with_pictures:
            ids = repository.ids_in_time_order()
            for index, event_id in enumerate(ids):
                image = prepare_picture(picture_bytes(index, size))
                repository.set_pictures(event_id, [image.picture()], [image])


def pan(path: Path, count: int) -> tuple[list[float], int]:
    document = TimelineDocument(path, readonly=True)
    canvas = TimelineCanvas(document)
    canvas.resize(WIDTH, HEIGHT)
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)
    period = TimePeriod((1000 - 1970) * YEAR, (1000 + count * 1.1 - 1970) * YEAR)
    times, drawn = [], []
    for _ in range(60):
        canvas.set_period(period)
        started = time.perf_counter()
        canvas.render(image)
        times.append((time.perf_counter() - started) * 1000)
        drawn.append(len(canvas.frame.pictures) if canvas.frame else 0)
        period = period.panned_by(0.01)
    document.close()
    return times[5:], max(drawn)  # the first frames warm the caches, as on screen


def open_and_paint(paths: list[Path], rounds: int = 5) -> list[float]:
    """Best time of each file over ``rounds``, the files taken in turn (the machine is shared)."""
    best = [float("inf")] * len(paths)
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)
    for _ in range(rounds):
        for index, path in enumerate(paths):
            started = time.perf_counter()
            document = TimelineDocument(path, readonly=True)
            canvas = TimelineCanvas(document)
            canvas.resize(WIDTH, HEIGHT)
            canvas.render(image)
            best[index] = min(best[index], (time.perf_counter() - started) * 1000)
            document.close()
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description="thumbnail frame times and opening a file of images")
    parser.add_argument("--cards", type=int, default=200)
    parser.add_argument("--images", type=int, default=10_000)
    options = parser.parse_args()
    app = QApplication.instance() or QApplication([])  # noqa: F841
    with tempfile.TemporaryDirectory() as folder:
        plain, pictured = Path(folder, "plain.db"), Path(folder, "pictured.db")
        make_file(plain, options.cards, False, (300, 200))
        make_file(pictured, options.cards, True, (300, 200))
        plain_times, _ = pan(plain, options.cards)
        decoded_before = thumbnails.decoded
        pictured_times, shown = pan(pictured, options.cards)
        many_plain, many_pictured = Path(folder, "many-plain.db"), Path(folder, "many-pictured.db")
        make_file(many_plain, options.images, False, (64, 48))
        make_file(many_pictured, options.images, True, (64, 48))
        opened = open_and_paint([many_plain, many_pictured])
        result = {
            "cards": options.cards,
            "thumbnails_drawn_per_frame_max": shown,
            "thumbnails_decoded": thumbnails.decoded - decoded_before,
            "without": frame_figures(plain_times),
            "with": frame_figures(pictured_times),
            "images": options.images,
            "open_ms_without_images": round(opened[0], 1),
            "open_ms_with_images": round(opened[1], 1),
        }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
