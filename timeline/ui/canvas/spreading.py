"""Using the room a sparse view leaves: taller lanes, and pictures on the cards that have one.

:func:`lay_out_events` packs events into as few lanes as it can; when they leave the height
mostly empty, the lanes grow (up to a limit) and, when they have grown enough, the cards of
events with pictures are laid out again with room for a thumbnail. If the pictures would not
fit without crowding, the cards stay text-only: markers stay markers when it is crowded.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence

from timeline.core.model import EventSpan
from timeline.core.view.layout import Scene, lay_out_events
from timeline.core.view.period import TimePeriod
from timeline.core.view.scale import Measure
from timeline.core.view.spacing import spread_lane_height
from timeline.ui.canvas.frame_geometry import Geometry
from timeline.ui.document import TimelineDocument

PICTURE_LANE = 2.4
"""Lanes at least this many lines tall show pictures on their cards."""


def picture_height(geometry: Geometry) -> float:
    """The height of a card with a picture in lanes of this geometry."""
    return min(geometry.lane_height - 8, round(geometry.line_height * 3))


def spread(
    document: TimelineDocument,
    scene: Scene,
    spans: Sequence[EventSpan],
    period: TimePeriod,
    geometry: Geometry,
    measure: Measure,
    lanes_used: int | None = None,
) -> tuple[Scene, Geometry, dict[int, str]]:
    """The scene, its geometry with lanes as tall as the room allows, and which cards show a picture.

    ``lanes_used`` is given for swimlanes (headers count as lanes); their cards stay text, since
    the bands were packed once for all."""
    if not scene.detailed or not (scene.boxes or lanes_used) or scene.clusters:
        return scene, geometry, {}
    used = lanes_used or max(box.lane for box in scene.boxes) + 1
    geometry = _spread_geometry(geometry, used)
    if lanes_used is not None or geometry.lane_height < geometry.line_height * PICTURE_LANE:
        return scene, geometry, {}
    pictures = document.first_pictures([box.span.id for box in scene.boxes])
    if not pictures:
        return scene, geometry, {}
    with_pictures = {box.span.label for box in scene.boxes if box.span.id in pictures}
    base = dataclasses.replace(geometry, lane_offset=0.0)
    available = geometry.overflow_row[0] - geometry.lanes_top + geometry.lane_offset
    smallest = math.ceil(geometry.line_height * PICTURE_LANE)
    for lane_height in dict.fromkeys((geometry.lane_height, float(smallest))):
        # The lanes as tall as they are, then smaller pictures in more lanes, before giving up.
        trial = dataclasses.replace(base, lane_height=lane_height)
        extra = picture_height(trial)

        def measure_with_picture(label: str, extra: float = extra) -> float:
            return measure(label) + (extra if label in with_pictures else 0.0)

        lanes = int(available // lane_height)
        again = lay_out_events(
            spans, period, geometry.width, lanes, measure_with_picture, marker_size=geometry.marker_size
        )
        if again.clusters or not again.boxes:
            continue
        again.in_view = scene.in_view
        used = max(box.lane for box in again.boxes) + 1
        shown = {box.span.id: pictures[box.span.id] for box in again.boxes if box.span.id in pictures}
        return again, _spread_geometry(base, used, lane_height), shown
    return scene, geometry, {}


def _spread_geometry(geometry: Geometry, used: int, lane_height: float | None = None) -> Geometry:
    available = geometry.overflow_row[0] - geometry.lanes_top + geometry.lane_offset
    height = lane_height or spread_lane_height(
        used, available, geometry.compact_lane_height, geometry.tallest_lane_height
    )
    offset = max(available - used * height, 0.0) / 3
    return dataclasses.replace(geometry, lane_height=height, lane_offset=offset)
