"""What goes where on the canvas: events in lanes, overflow as counts, or a density band.

Pure arithmetic on pixels, tested without a QApplication; the painter only draws the result.
"""

from __future__ import annotations

import dataclasses
import math
from bisect import bisect_left, insort
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from timeline.core.model import EventSpan
from timeline.core.view.period import TimePeriod

Measure = Callable[[str], float]

DETAIL_LIMIT = 2000
"""Above this many events in view, the canvas shows their density instead of each one."""

MARKER_SIZE = 10.0
LABEL_GAP = 6.0
_FAR = 100_000.0  # pixels beyond which positions are clipped; keeps huge bounds finite


@dataclass(frozen=True, slots=True)
class EventBox:
    """One event placed in a lane. ``x0``/``x1`` span its bounds; ``solid_*`` its certain part."""

    span: EventSpan
    lane: int
    x0: float
    x1: float
    solid_x0: float
    solid_x1: float
    marker: bool
    label_x: float
    label_width: float
    label_inside: bool
    marker_size: float = MARKER_SIZE


@dataclass(frozen=True, slots=True)
class Cluster:
    """Events that found no free lane, counted where they fall."""

    x0: float
    x1: float
    count: int
    start: float
    end: float


@dataclass(frozen=True, slots=True)
class DensityBin:
    x0: float
    x1: float
    count: int


@dataclass(slots=True)
class Scene:
    boxes: list[EventBox] = field(default_factory=list)
    clusters: list[Cluster] = field(default_factory=list)
    bins: list[DensityBin] = field(default_factory=list)
    in_view: int = 0

    @property
    def detailed(self) -> bool:
        return not self.bins


def to_x(time: float, period: TimePeriod, pixels: float) -> float:
    return min(max((time - period.start) / period.width * pixels, -_FAR), _FAR)


def lay_out_events(
    spans: Sequence[EventSpan],
    period: TimePeriod,
    pixels: float,
    lanes: int,
    measure: Measure,
    cluster_width: float = 48.0,
    marker_size: float = MARKER_SIZE,
) -> Scene:
    """Pack events into at most ``lanes`` lanes without overlap; count the rest in clusters.

    Short events are packed first so that a few long periods cannot crowd out what the user
    zoomed in to see; within each pass events go left to right into the first free lane.
    """
    scene = Scene(in_view=len(spans))
    short: list[tuple[float, float, EventSpan]] = []
    long: list[tuple[float, float, EventSpan]] = []
    scale = pixels / period.width
    origin = period.start
    for span in spans:
        x0 = min(max((span.earliest - origin) * scale, -_FAR), _FAR)
        x1 = min(max((span.latest - origin) * scale, -_FAR), _FAR)
        if x1 < 0 or x0 > pixels:
            continue
        (short if x1 - x0 < pixels / 2 else long).append((x0, x1, span))
    occupied: list[list[tuple[float, float]]] = [[] for _ in range(max(lanes, 0))]
    overflow: list[float] = []
    short.sort(key=lambda item: (item[0], item[2].id))
    lane_ends = [-math.inf] * len(occupied)
    for x0, x1, span in short:
        # Left to right, a lane is free when its last event ends before this one starts; the
        # shape's left edge is checked first because most events in a crowd find no lane.
        shape_left = max(min(x0, (x0 + x1 - marker_size) / 2), -LABEL_GAP)
        if not lane_ends or shape_left < min(lane_ends):
            overflow.append((x0 + x1) / 2)
            continue
        box = _box(span, x0, x1, period, pixels, measure, marker_size)
        left, right = _extent(box, pixels)
        lane = next((index for index, end in enumerate(lane_ends) if end <= left), None)
        if lane is None:
            overflow.append((x0 + x1) / 2)
            continue
        lane_ends[lane] = right
        occupied[lane].append((left, right))
        scene.boxes.append(_with_lane(box, lane))
    long.sort(key=lambda item: (item[0], item[2].id))
    failed: tuple[float, float] | None = None
    for x0, x1, span in long:
        # Whatever covers a stretch where nothing fitted cannot fit either.
        if (
            failed
            and max(x0, -LABEL_GAP) <= failed[0]
            and min(x1 + LABEL_GAP, pixels + LABEL_GAP) >= failed[1]
        ):
            overflow.append((x0 + x1) / 2)
            continue
        box = _box(span, x0, x1, period, pixels, measure, marker_size)
        left, right = _extent(box, pixels)
        lane = _free_lane(occupied, left, right)
        if lane is None:
            failed = (left, right)
            overflow.append((x0 + x1) / 2)
            continue
        insort(occupied[lane], (left, right))
        scene.boxes.append(_with_lane(box, lane))
    scene.clusters = _clusters(overflow, period, pixels, cluster_width)
    return scene


def _box(
    span: EventSpan,
    x0: float,
    x1: float,
    period: TimePeriod,
    pixels: float,
    measure: Measure,
    marker_size: float = MARKER_SIZE,
) -> EventBox:
    solid_x0 = to_x(span.start_latest, period, pixels) if span.fuzzy_start else x0
    solid_x1 = to_x(span.end_earliest, period, pixels) if span.fuzzy_end else x1
    marker = x1 - x0 < marker_size
    label_width = measure(span.label)
    if marker:
        label_x = (x0 + x1) / 2 + marker_size / 2 + LABEL_GAP / 2
        inside = False
        if label_x + label_width > pixels and label_width + marker_size < x0:
            label_x = (x0 + x1) / 2 - marker_size / 2 - LABEL_GAP / 2 - label_width  # flip left at the edge
    else:
        visible_start = max(x0, 0.0) + LABEL_GAP
        inside = visible_start + label_width + LABEL_GAP <= min(x1, pixels)
        label_x = visible_start if inside else x1 + LABEL_GAP
        if not inside and label_x + label_width > pixels and label_width + LABEL_GAP < x0:
            label_x = x0 - LABEL_GAP - label_width
    return EventBox(
        span, 0, x0, x1, solid_x0, max(solid_x0, solid_x1), marker, label_x, label_width, inside, marker_size
    )


def _extent(box: EventBox, pixels: float) -> tuple[float, float]:
    """The visible pixels an event takes in its lane: its shape and label, with a gap after."""
    centre = (box.x0 + box.x1) / 2
    left = centre - box.marker_size / 2 if box.marker else box.x0
    right = centre + box.marker_size / 2 if box.marker else box.x1
    if not box.label_inside:
        left = min(left, box.label_x)
        right = max(right, box.label_x + box.label_width)
    return max(left, -LABEL_GAP), min(right + LABEL_GAP, pixels + LABEL_GAP)


def _free_lane(occupied: list[list[tuple[float, float]]], left: float, right: float) -> int | None:
    """The first lane where ``[left, right)`` is free.

    A lane's intervals never overlap, so sorted by start they are sorted by end too: only the
    last one starting before ``right`` can reach past ``left``.
    """
    for lane, intervals in enumerate(occupied):
        before = bisect_left(intervals, (right, -math.inf))
        if before == 0 or intervals[before - 1][1] <= left:
            return lane
    return None


def _with_lane(box: EventBox, lane: int) -> EventBox:
    return dataclasses.replace(box, lane=lane)


def _clusters(centres: list[float], period: TimePeriod, pixels: float, width: float) -> list[Cluster]:
    counts: dict[int, int] = {}
    for centre in centres:
        column = math.floor(min(max(centre, 0.0), pixels - 1) / width)
        counts[column] = counts.get(column, 0) + 1
    clusters = []
    for column, count in sorted(counts.items()):
        x0, x1 = column * width, min((column + 1) * width, pixels)
        clusters.append(Cluster(x0, x1, count, period.time_at(x0 / pixels), period.time_at(x1 / pixels)))
    return clusters


def density_bins(counts: Sequence[int], pixels: float) -> list[DensityBin]:
    """Bars for a histogram of ``counts`` spread evenly across the width."""
    width = pixels / max(len(counts), 1)
    return [DensityBin(index * width, (index + 1) * width, count) for index, count in enumerate(counts)]
