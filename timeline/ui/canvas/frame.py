"""Everything one picture of the timeline shows, computed before any pixel is drawn.

The canvas, image export and the command line's ``render`` build a :class:`Frame` the same way
and hand it to the same painter.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from PySide6.QtGui import QImage

from timeline.core.colours import UNCATEGORISED_NAME, colour_for, neutral_colour
from timeline.core.dates.dates import MAX_INSTANT, HistoricalDate
from timeline.core.filters import Matches
from timeline.core.model import EventSpan
from timeline.core.view.arrows import Arrow, arrows_between
from timeline.core.view.lanes import Band, lay_out_bands
from timeline.core.view.layout import DETAIL_LIMIT, EventBox, Scene, density_bins, lay_out_events, to_x
from timeline.core.view.period import TimePeriod
from timeline.core.view.scale import Axis, Measure, choose_axis
from timeline.ui.canvas.frame_geometry import Geometry
from timeline.ui.canvas.spreading import spread
from timeline.ui.document import TimelineDocument
from timeline.ui.pictures import thumbnails

__all__ = ["UNCATEGORISED", "EraBand", "Frame", "Geometry", "LegendEntry", "build_frame"]

DENSITY_BIN_PIXELS = 6
UNCATEGORISED = -1
"""The legend's key for events without a category (category ids start at 1)."""


@dataclass(frozen=True, slots=True)
class EraBand:
    x0: float
    x1: float
    name: str
    colour: str


@dataclass(frozen=True, slots=True)
class LegendEntry:
    category_id: int
    name: str
    colour: str
    hidden: bool


@dataclass(slots=True)
class Frame:
    period: TimePeriod
    geometry: Geometry
    axis: Axis
    scene: Scene
    eras: list[EraBand] = field(default_factory=list)
    today_x: float | None = None
    uncategorised_colour: str = "#8d8a84"
    pictures: dict[int, str] = field(default_factory=dict)
    """Event id → hash of the picture its card shows (only when lanes have room for it)."""
    bands: list[Band] = field(default_factory=list)
    """Swimlanes, when the view groups events by category (or by entity, or tag)."""
    picture: Callable[[str], QImage | None] = lambda _sha256: None
    """The decoded thumbnail of a picture, from the shared bounded cache."""
    selected: frozenset[int] = frozenset()
    hovered: int | None = None
    faded: frozenset[int] = frozenset()
    category_colours: dict[int, str] = field(default_factory=dict)
    legend: list[LegendEntry] = field(default_factory=list)
    arrows: list[Arrow] = field(default_factory=list)
    """Links between events drawn in this frame (at most :data:`MAX_ARROWS`)."""

    def box_at(self, x: float, y: float) -> EventBox | None:
        """The event drawn at a point: its bar or marker, or its label."""
        lane = self.geometry.lane_at(y)
        if lane is None:
            return None
        for box in self.scene.boxes:
            if box.lane != lane:
                continue
            left = min(box.x0, (box.x0 + box.x1 - box.marker_size) / 2)
            right = max(box.x1, (box.x0 + box.x1 + box.marker_size) / 2, box.label_x + box.label_width)
            if left <= x <= right:
                return box
        return None


def build_frame(
    document: TimelineDocument,
    period: TimePeriod,
    geometry: Geometry,
    measure: Measure,
    selected: frozenset[int] = frozenset(),
    hovered: int | None = None,
    previews: dict[int, EventSpan] | None = None,
    hidden: frozenset[int] = frozenset(),
    matching: Matches | None = None,
    dim: bool = False,
    axis_measure: Measure | None = None,
    swimlanes: bool = False,
    collapsed: frozenset[str] = frozenset(),
    grouping: str = "category",
) -> Frame:
    """What to draw: ``previews`` replace events being dragged; ``hidden`` categories are left out
        (``UNCATEGORISED`` hides the events without one); with a filter, events not ``matching`` are
        left out, or drawn faded when ``dim``. ``measure`` gives an event's label width, ``axis_measure``
        an axis label's (the same by default). With ``swimlanes``, events are grouped in one band per
    category (those whose key is in ``collapsed`` show only their header); ``grouping``
    ``entity:KIND`` makes one band per entity of that kind (an event in the band of the first
    one taking part in it), ``tag`` one per tag (an event in the band of its first tag)."""
    width = geometry.width
    axis = choose_axis(period, width, axis_measure or measure)
    density = matching.density if matching is not None and not dim else document.density
    in_view = density.count_overlapping(period.start, period.end)
    spans: list[EventSpan] = []
    bands: list[Band] = []
    if in_view <= DETAIL_LIMIT:
        spans = document.spans_in(period)
        if previews:
            shown = {span.id for span in spans}
            spans = [previews.get(span.id, span) for span in spans]
            spans += [span for span in previews.values() if span.id not in shown]
        if hidden:
            spans = [
                span
                for span in spans
                if (UNCATEGORISED if span.category_id is None else span.category_id) not in hidden
            ]
        if matching is not None and not dim:
            spans = [span for span in spans if span.id in matching]
        spans = nested(spans, *document.nesting(), period, width)
        if swimlanes and grouping != "category":
            scene, bands = _related_bands(document, spans, period, geometry, measure, collapsed, grouping)
        elif swimlanes:
            scene, bands = _category_bands(document, spans, period, geometry, measure, collapsed)
        else:
            scene = lay_out_events(
                spans, period, width, geometry.lane_count, measure, marker_size=geometry.marker_size
            )
    else:
        bins = max(int(width // DENSITY_BIN_PIXELS), 1)
        scene = Scene(bins=density_bins(density.histogram(period.start, period.end, bins), width))
    scene.in_view = in_view
    lanes_used = bands[-1].header_lane + 1 + bands[-1].lanes if bands else None
    scene, geometry, pictures = spread(document, scene, spans, period, geometry, measure, lanes_used)
    now = time.time()
    categories = document.categories()
    colours = {id_: category.colour or colour_for(id_ - 1) for id_, category in categories.items()}
    neutral = neutral_colour(colours.values())
    legend = [
        LegendEntry(id_, category.name, colours[id_], id_ in hidden) for id_, category in categories.items()
    ]
    if UNCATEGORISED in hidden or any(
        box.span.category_id is None and not box.span.colour for box in scene.boxes
    ):
        legend.append(LegendEntry(UNCATEGORISED, UNCATEGORISED_NAME, neutral, UNCATEGORISED in hidden))
    return Frame(
        period=period,
        geometry=geometry,
        axis=axis,
        scene=scene,
        eras=_era_bands(document, period, width, now),
        today_x=to_x(now, period, width) if period.contains(now) else None,
        selected=selected,
        hovered=hovered,
        faded=frozenset()
        if matching is None or not dim
        else frozenset(box.span.id for box in scene.boxes if box.span.id not in matching),
        category_colours=colours,
        uncategorised_colour=neutral,
        legend=legend,
        pictures=pictures,
        bands=bands,
        picture=lambda sha256: thumbnails.get(sha256, document.thumbnail),
        arrows=arrows_between(scene.boxes, document.links_among([b.span.id for b in scene.boxes]), selected),
    )


def _category_bands(
    document: TimelineDocument,
    spans: Sequence[EventSpan],
    period: TimePeriod,
    geometry: Geometry,
    measure: Measure,
    collapsed: frozenset[str],
) -> tuple[Scene, list[Band]]:
    """One band per category (in the legend's order), the uncategorised last."""
    categories = document.categories()
    names = {str(id_): category.name for id_, category in categories.items()}

    def category_key(span: EventSpan) -> str:
        return "" if span.category_id is None else str(span.category_id)

    return lay_out_bands(
        spans,
        period,
        geometry.width,
        geometry.lane_count,
        measure,
        category_key,
        order=list(names),
        collapsed=collapsed,
        marker_size=geometry.marker_size,
        label_of=lambda key: names.get(key, UNCATEGORISED_NAME),
    )


COLLAPSE_PIXELS = 120
"""A larger event narrower than this on screen is drawn as one bar, its parts hidden in it."""


def nested(
    spans: list[EventSpan],
    parents: dict[int, int],
    children: dict[int, tuple[int, int]],
    period: TimePeriod,
    width: float,
) -> list[EventSpan]:
    """Each larger event in view drawn over the span of its parts too; and, when that is
    narrower than :data:`COLLAPSE_PIXELS`, its parts (at any depth) left out of the frame."""
    if not children:
        return spans
    pixels_per_second = width / max(period.width, 1e-9)
    grown: dict[int, EventSpan] = {}
    for span in spans:
        if span.id in children:
            first, last = children[span.id]
            earliest, latest = min(span.earliest, first), max(span.latest, last)
            grown[span.id] = replace(
                span,
                earliest=earliest,
                latest=latest,
                end_earliest=max(span.end_earliest, min(last, latest))
                if span.is_point
                else span.end_earliest,
                is_point=False if latest > span.latest or earliest < span.earliest else span.is_point,
            )
    collapsed = {
        parent_id
        for parent_id, span in grown.items()
        if (span.latest - span.earliest) * pixels_per_second < COLLAPSE_PIXELS
    }

    def hidden(event_id: int) -> bool:
        seen = set()
        while event_id in parents and event_id not in seen:
            seen.add(event_id)
            event_id = parents[event_id]
            if event_id in collapsed:
                return True
        return False

    return [grown.get(span.id, span) for span in spans if not (collapsed and hidden(span.id))]


def _related_bands(
    document: TimelineDocument,
    spans: Sequence[EventSpan],
    period: TimePeriod,
    geometry: Geometry,
    measure: Measure,
    collapsed: frozenset[str],
    grouping: str,
) -> tuple[Scene, list[Band]]:
    """One band per entity of a kind, or per tag, for the events in view (read for them alone)."""
    keys = {
        event_id: f"{grouping}={name}"
        for event_id, name in document.group_keys([s.id for s in spans], grouping).items()
    }
    nobody = "no tag" if grouping == "tag" else f"no {grouping.partition(':')[2]}"
    return lay_out_bands(
        spans,
        period,
        geometry.width,
        geometry.lane_count,
        measure,
        lambda span: keys.get(span.id, ""),
        collapsed=collapsed,
        marker_size=geometry.marker_size,
        label_of=lambda key: key.partition("=")[2] if key else nobody,
    )


def _era_bands(document: TimelineDocument, period: TimePeriod, width: float, now: float) -> list[EraBand]:
    bands = []
    for era in document.eras():
        latest = era.end.latest if isinstance(era.end, HistoricalDate) else MAX_INSTANT
        end = now if latest >= MAX_INSTANT else latest
        if end > period.start and era.start.earliest < period.end:
            x0, x1 = to_x(era.start.earliest, period, width), to_x(end, period, width)
            bands.append(EraBand(x0, x1, era.name, era.colour))
    return bands
