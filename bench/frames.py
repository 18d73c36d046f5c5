"""The figures every frame-time benchmark prints."""

from __future__ import annotations

import statistics


def frame_figures(times_ms: list[float]) -> dict[str, float | int]:
    ordered = sorted(times_ms)
    return {
        "frames": len(ordered),
        "frame_ms_p50": round(statistics.median(ordered), 2),
        "frame_ms_p95": round(ordered[int(len(ordered) * 0.95) - 1], 2),
        "frame_ms_max": round(ordered[-1], 2),
    }
