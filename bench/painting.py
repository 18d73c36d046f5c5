"""Waiting for a widget to paint: how every benchmark times an action to its painted result."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

_TIMEOUT = 60.0


class PaintCounter(QObject):
    """Counts the paint events a widget receives, to know when a result is on screen."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def until_painted(app: QApplication, counters: list[PaintCounter], action: Callable[[], object]) -> float:
    """Milliseconds from ``action`` until every counter's widget painted again (the events the
    action posted are processed as the running app would)."""
    before = [counter.count for counter in counters]
    started = time.perf_counter()
    action()
    while any(counter.count == seen for counter, seen in zip(counters, before, strict=True)):
        app.processEvents()
        if time.perf_counter() - started > _TIMEOUT:
            raise RuntimeError("nothing was painted")
    return (time.perf_counter() - started) * 1000


def figures(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, max(0, round(len(ordered) * 0.95) - 1))]
    return {"median_ms": round(statistics.median(ordered), 1), "p95_ms": round(p95, 1)}
