"""Consistency checks over a timeline's structure: what a careful reader would question.

Each check is pure: it is given the events' ids, titles and bounds (an :class:`Event` or an
:class:`EventSpan` will do) with the parents, lives and links that relate them, and it yields
findings that name the events involved, so that a list of findings can jump to them. The
checks read the widest bounds a date can mean: an uncertain date is questioned only when no
reading of it is consistent.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Protocol

from timeline.core.model import FORWARD_IN_TIME, PERSON, Entity, EventLink, Participation

CHILD_OUTSIDE_PARENT = "child outside parent"
OUTSIDE_LIFE = "outside a life"
LINK_BACKWARDS = "link runs backwards"
LIKELY_DUPLICATE = "likely duplicate"
FINDING_KINDS = (CHILD_OUTSIDE_PARENT, OUTSIDE_LIFE, LINK_BACKWARDS, LIKELY_DUPLICATE)


class Dated(Protocol):
    """What the checks need of an event."""

    @property
    def id(self) -> int | None: ...
    @property
    def title(self) -> str: ...
    @property
    def earliest(self) -> int: ...
    @property
    def start_latest(self) -> int: ...
    @property
    def latest(self) -> int: ...


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing to look at: its kind, a sentence saying what is wrong, and the events concerned."""

    kind: str
    message: str
    event_ids: tuple[int, ...]


def _named(event: Dated) -> str:
    return f"{event.title!r} (#{event.id})"


def children_outside_parents(events: Mapping[int, Dated], parents: Mapping[int, int]) -> Iterator[Finding]:
    """A child event (``parents[child] = parent``) that reaches before or after its parent."""
    for child_id, parent_id in parents.items():
        child, parent = events.get(child_id), events.get(parent_id)
        if child is None or parent is None:
            continue
        if child.earliest < parent.earliest or child.latest > parent.latest:
            side = "begins before" if child.earliest < parent.earliest else "ends after"
            yield Finding(
                CHILD_OUTSIDE_PARENT,
                f"{_named(child)} {side} {_named(parent)}, of which it is part",
                (child_id, parent_id),
            )


def events_outside_lives(
    events: Mapping[int, Dated], entities: Mapping[int, Entity], participations: Iterable[Participation]
) -> Iterator[Finding]:
    """An event that cannot overlap the own time of an entity taking part in it (a life)."""
    for taking_part in participations:
        event, entity = events.get(taking_part.event_id), entities.get(taking_part.entity_id)
        if event is None or entity is None:
            continue
        born, died = entity.earliest, entity.latest
        before = born is not None and event.latest <= born
        after = died is not None and event.earliest >= died
        if not (before or after):
            continue
        if entity.kind == PERSON:
            when = "before the birth" if before else "after the death"
        else:
            when = "before the beginning" if before else "after the end"
        yield Finding(
            OUTSIDE_LIFE,
            f"{_named(event)} is wholly {when} of {entity.name} ({entity.display_life()}),"
            " who takes part in it",
            (taking_part.event_id,),
        )


def links_running_backwards(events: Mapping[int, Dated], links: Iterable[EventLink]) -> Iterator[Finding]:
    """A link that says its target comes later ("precedes", "caused", "led to") when the target
    certainly begins before its source can have begun."""
    for link in links:
        if link.type not in FORWARD_IN_TIME:
            continue
        source, target = events.get(link.from_id), events.get(link.to_id)
        if source is None or target is None:
            continue
        if target.start_latest <= source.earliest:
            yield Finding(
                LINK_BACKWARDS,
                f"{_named(source)} {link.type} {_named(target)}, which begins before it",
                (link.from_id, link.to_id),
            )


def comparable_title(title: str) -> str:
    """A title as duplicates are compared: case, accents, punctuation and spacing set aside."""
    decomposed = unicodedata.normalize("NFKD", title.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(re.sub(r"[^\w\s]", " ", plain).split())


def likely_duplicates(events: Iterable[Dated]) -> Iterator[Finding]:
    """Events with the same title (compared loosely) whose dates overlap: one finding per group."""
    by_title: defaultdict[str, list[Dated]] = defaultdict(list)
    for event in events:
        by_title[comparable_title(event.title)].append(event)
    for same in by_title.values():
        if len(same) < 2:
            continue
        for group in _overlapping_groups(same):
            ids = tuple(member.id for member in group if member.id is not None)
            yield Finding(
                LIKELY_DUPLICATE,
                f"{len(group)} events called {group[0].title!r} overlap in time: "
                + ", ".join(f"#{event_id}" for event_id in ids),
                ids,
            )


def _overlapping_groups(events: list[Dated]) -> Iterator[list[Dated]]:
    """Runs of events (in time order) each overlapping the run's reach so far, two or more long."""
    events = sorted(events, key=lambda event: (event.earliest, event.id or 0))
    group = [events[0]]
    reach = events[0].latest
    for event in events[1:]:
        if event.earliest < reach:
            group.append(event)
            reach = max(reach, event.latest)
            continue
        if len(group) > 1:
            yield group
        group, reach = [event], event.latest
    if len(group) > 1:
        yield group


def check_consistency(
    events: Mapping[int, Dated],
    parents: Mapping[int, int] = {},
    entities: Mapping[int, Entity] = {},
    participations: Iterable[Participation] = (),
    links: Iterable[EventLink] = (),
) -> list[Finding]:
    """Every finding of every check, children first, duplicates last."""
    return [
        *children_outside_parents(events, parents),
        *events_outside_lives(events, entities, participations),
        *links_running_backwards(events, links),
        *likely_duplicates(events.values()),
    ]
