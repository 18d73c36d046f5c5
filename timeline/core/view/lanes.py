"""Swimlanes: events grouped into labelled bands, each packed on its own.

What makes a lane is a *group key*, any function from an event to the label of its band
(a category's name today; an entity or a tag would do as well). Each band takes a header row
and the lanes its events need, within a share of the lanes the view has; a collapsed band keeps
only its header, with the number of its events in view.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from timeline.core.model import EventSpan
from timeline.core.view.layout import Cluster, Scene, lay_out_events
from timeline.core.view.period import TimePeriod
from timeline.core.view.scale import Measure

GroupKey = Callable[[EventSpan], str]
"""Which band an event goes in, by the band's label."""

NO_GROUP = ""
"""The label of the band of events the key gives nothing for (drawn as "Uncategorised")."""


@dataclass(frozen=True, slots=True)
class Band:
    """One swimlane: its label, its header's lane and how many event lanes follow it."""

    label: str
    header_lane: int
    lanes: int
    count: int
    collapsed: bool
    key: str = ""
    """The group key's value (the label is what is shown; ``key`` is what collapses it)."""


def lay_out_bands(
    spans: Sequence[EventSpan],
    period: TimePeriod,
    pixels: float,
    lanes: int,
    measure: Measure,
    group_key: GroupKey,
    order: Sequence[str] = (),
    collapsed: frozenset[str] = frozenset(),
    marker_size: float = 10.0,
    label_of: Callable[[str], str] = lambda key: key,
) -> tuple[Scene, list[Band]]:
    """Events in one band per group, bands in ``order`` (then by name), each packed on its own.

    Every band gets a header row; the expanded ones share the remaining lanes evenly (at
    least one each). What finds no lane in its band is counted in the overflow, as when packed.
    """
    groups: dict[str, list[EventSpan]] = {}
    for span in spans:
        groups.setdefault(group_key(span) or NO_GROUP, []).append(span)
    rank = {key: index for index, key in enumerate(order)}
    keys = sorted(groups, key=lambda key: (key == NO_GROUP, rank.get(key, len(rank)), key.casefold()))
    expanded = [key for key in keys if key not in collapsed]
    share = max((lanes - len(keys)) // max(len(expanded), 1), 1)
    scene = Scene(in_view=len(spans))
    bands: list[Band] = []
    lane = 0
    clusters: list[Cluster] = []
    for key in keys:
        members = groups[key]
        if key in collapsed:
            bands.append(Band(label_of(key), lane, 0, len(members), True, key))
            lane += 1
            continue
        packed = lay_out_events(members, period, pixels, share, measure, marker_size=marker_size)
        used = max((box.lane for box in packed.boxes), default=-1) + 1
        scene.boxes.extend(dataclasses.replace(box, lane=box.lane + lane + 1) for box in packed.boxes)
        clusters.extend(packed.clusters)
        bands.append(Band(label_of(key), lane, max(used, 1), len(members), False, key))
        lane += 1 + max(used, 1)
    scene.clusters = _merged(clusters)
    return scene, bands


def _merged(clusters: list[Cluster]) -> list[Cluster]:
    """Overflow counts of all bands, added where they fall in the same column."""
    by_column: dict[tuple[float, float], Cluster] = {}
    for cluster in clusters:
        key = (cluster.x0, cluster.x1)
        known = by_column.get(key)
        by_column[key] = (
            cluster if known is None else dataclasses.replace(known, count=known.count + cluster.count)
        )
    return [by_column[key] for key in sorted(by_column)]
