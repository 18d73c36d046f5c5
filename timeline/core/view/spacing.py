"""Room on the canvas: how tall lanes are, and how lines and labels keep out of each other's way.

Pure arithmetic on pixels, beside :mod:`timeline.core.view.layout` (which decides *which*
events go in which lane): this module decides how the space left over is used.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

Interval = tuple[float, float]


def spread_lane_height(used: int, available: float, compact: float, tallest: float) -> float:
    """The height of a lane when ``used`` lanes hold everything in view.

    Few lanes in a tall canvas spread out (up to ``tallest``) so the view uses its height and
    cards have room for a picture; many lanes keep the ``compact`` height they were packed at.
    """
    if used <= 0 or available <= 0:
        return compact
    return float(max(compact, math.floor(min(tallest, available / used))))


def open_stretches(
    start: float, end: float, blocked: Iterable[Interval], margin: float = 2.0
) -> list[Interval]:
    """The parts of ``[start, end]`` outside every ``blocked`` interval (widened by ``margin``).

    A vertical line drawn as these stretches never crosses a label's box.
    """
    stretches: list[Interval] = []
    cursor = start
    for low, high in sorted((low - margin, high + margin) for low, high in blocked):
        if high <= cursor:
            continue
        if low >= end:
            break
        if low > cursor:
            stretches.append((cursor, low))
        cursor = max(cursor, high)
    if cursor < end:
        stretches.append((cursor, end))
    return stretches


def widest_free(start: float, end: float, taken: Sequence[Interval]) -> Interval | None:
    """The widest stretch of ``[start, end]`` that no ``taken`` interval covers, if any."""
    stretches = open_stretches(start, end, taken, margin=6.0)
    return max(stretches, key=lambda stretch: stretch[1] - stretch[0], default=None)


def beside_line(x: float, width: float, pixels: float, gap: float = 5.0) -> float:
    """Where a label of ``width`` goes beside a vertical line at ``x``: right of it, or left at the edge."""
    if x + gap + width <= pixels - 2:
        return x + gap
    return max(x - gap - width, 2.0)


def inside(x: float, width: float, pixels: float, margin: float = 2.0) -> float:
    """``x`` moved so that ``[x, x + width]`` lies within the canvas (when it can)."""
    return max(margin, min(x, pixels - margin - width))
