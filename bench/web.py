"""The published web page in headless Chromium: how long it takes to open, and pan frame times.

    python -m bench.web --events 10000 100000

For each N: writes the page of N random events (bench.generate's, without a file), opens it in a
1920x1080 tab and reports the page's size, the time from navigation to the first drawn frame,
and the frame times of 120 frames of panning (8 pixels a frame) in two views: everything (a
density band at these sizes) and a view of about 1,000 events (lanes and labels). "draw" is the
script's work for one frame; "frame" the interval between animation frames (about 16.7 ms when
the page keeps up). The last line is JSON.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.generate import CATEGORIES, random_events
from tests.web.chromium import Chromium, Page, chromium_path
from timeline.core.colours import colour_for
from timeline.core.model import Category
from timeline.web.data import PageContent
from timeline.web.page import write_page

PAN = """
new Promise((done) => {
  const draws = [], frames = [];
  let last = null, left = 120;
  const step = (now) => {
    if (last !== null) frames.push(now - last);
    last = now;
    draws.push(timelineViewer.pan(8));
    if (--left > 0) requestAnimationFrame(step); else done({draws, frames});
  };
  requestAnimationFrame(step);
})
"""


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(fraction * len(ordered)), len(ordered) - 1)]


def pan_figures(page: Page) -> dict[str, float]:
    result = page.evaluate(PAN)
    draws, frames = result["draws"], result["frames"]
    return {
        "draw_median_ms": round(statistics.median(draws), 2),
        "draw_p95_ms": round(percentile(draws, 0.95), 2),
        "frame_median_ms": round(statistics.median(frames), 2),
        "frame_p95_ms": round(percentile(frames, 0.95), 2),
        "frame_max_ms": round(max(frames), 2),
    }


def measure(browser: Chromium, count: int, folder: Path) -> dict[str, Any]:
    page_path = folder / f"events-{count}.html"
    events = [event.with_changes(id=number + 1) for number, event in enumerate(random_events(count))]
    categories = [Category(name, colour_for(index), id=index + 1) for index, name in enumerate(CATEGORIES)]
    started = time.perf_counter()
    write_page(page_path, PageContent(f"{count:,} random events", events, categories))
    export_s = time.perf_counter() - started
    with browser.page(1920, 1080) as page:
        started = time.perf_counter()
        page.open(page_path)
        loaded_s = time.perf_counter() - started
        opened_ms = page.evaluate("timelineViewer.openedAt")
        page.settle()
        view = page.evaluate("timelineViewer.snapshot().period")
        everything = pan_figures(page)
        centre, width = (view["start"] + view["end"]) / 2, view["end"] - view["start"]
        shown = page.evaluate(f"timelineViewer.show({centre - width / 2}, {centre + width / 2})")
        while shown > 1200:
            width /= 1.5
            shown = page.evaluate(f"timelineViewer.show({centre - width / 2}, {centre + width / 2})")
        detailed = pan_figures(page)
        boxes = len(page.evaluate("timelineViewer.snapshot().boxes"))
        first_search = page.evaluate("timelineViewer.search('treaty')")
        next_search = page.evaluate("timelineViewer.search('council')")
    return {
        "events": count,
        "page_mb": round(page_path.stat().st_size / 1e6, 2),
        "export_s": round(export_s, 2),
        "first_draw_ms": round(opened_ms, 1),
        "load_event_s": round(loaded_s, 3),
        "pan_everything": everything,
        "pan_detailed": {"in_view": shown, "boxes_drawn": boxes, **detailed},
        "search_first_ms": round(first_search["ms"], 1),
        "search_next_ms": round(next_search["ms"], 1),
        "search_hits": [first_search["hits"], next_search["hits"]],
    }


def pan_line(pan: dict[str, Any]) -> str:
    shown = f" ({pan['in_view']} in view, {pan['boxes_drawn']} drawn)" if "in_view" in pan else ""
    return (
        f"draw median {pan['draw_median_ms']} ms, p95 {pan['draw_p95_ms']} ms;"
        f" frame median {pan['frame_median_ms']} ms, p95 {pan['frame_p95_ms']} ms,"
        f" max {pan['frame_max_ms']} ms{shown}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, nargs="+", default=[10_000, 100_000])
    options = parser.parse_args(argv)
    executable = chromium_path()
    if executable is None:
        print("bench.web: chromium is not installed", file=sys.stderr)
        return 1
    browser = Chromium(executable)
    results = []
    try:
        with tempfile.TemporaryDirectory() as folder:
            for count in options.events:
                figures = measure(browser, count, Path(folder))
                results.append(figures)
                print(
                    f"{count:>9,} events: page {figures['page_mb']} MB (written in {figures['export_s']} s),"
                    f" first frame drawn {figures['first_draw_ms']} ms after navigation,"
                    f" load event {figures['load_event_s']} s"
                )
                print(
                    f"{'':>17}search: first {figures['search_first_ms']} ms (words indexed then),"
                    f" next {figures['search_next_ms']} ms"
                )
                for name in ("pan_everything", "pan_detailed"):
                    print(f"{'':>17}{name}: {pan_line(figures[name])}")
    finally:
        browser.close()
    print(json.dumps({"web": results}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
