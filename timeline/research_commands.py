"""The command line's words for entities, sources and links: ``add --entity … --role …``,
``list --entity``, ``link``, ``check --consistency`` and CSL-JSON in and out.

Kept apart from :mod:`timeline.cli` so that the command line's general parts stay small.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeline.core.model import ENTITY_KINDS, Event, EventLink, Source, entity_kind

if TYPE_CHECKING:  # the store (and sqlite-utils) load only when a command needs them
    from timeline.store.repository import TimelineRepository


class EntityOption(argparse.Action):
    """``--entity KIND:NAME``: one more entity taking part, in the order given."""

    def __call__(
        self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, value: Any, flag: object = None
    ) -> None:
        kind, colon, name = str(value).partition(":")
        if not colon:
            kind, name = "person", kind
        if not name.strip():
            parser.error(f"--entity {value!r}: give KIND:NAME, e.g. 'person:Jens Stoltenberg'")
        try:
            kind = entity_kind(kind)
        except ValueError as error:
            parser.error(f"--entity {value!r}: {error}")
        entries = list(getattr(namespace, self.dest) or [])
        entries.append([kind, " ".join(name.split()), ""])
        setattr(namespace, self.dest, entries)


class RoleOption(argparse.Action):
    """``--role ROLE``: the role of the entity named just before it."""

    def __call__(
        self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, value: Any, flag: object = None
    ) -> None:
        entries = getattr(namespace, self.dest) or []
        if not entries:
            parser.error(f"--role {value!r}: a role applies to the --entity before it; there is none")
        if entries[-1][2]:
            parser.error(f"--role {value!r}: {entries[-1][1]!r} has a role already ({entries[-1][2]!r})")
        entries[-1][2] = str(value).strip()


def add_entity_options(parser: argparse.ArgumentParser) -> None:
    kinds = ", ".join(ENTITY_KINDS)
    parser.add_argument(
        "--entity",
        action=EntityOption,
        dest="participants",
        default=[],
        metavar="KIND:NAME",
        help=f"an entity taking part ({kinds} or a kind of your own); repeat for more",
    )
    parser.add_argument(
        "--role",
        action=RoleOption,
        dest="participants",
        metavar="ROLE",
        help="the role of the --entity before it",
    )
    parser.add_argument("--parent", type=int, metavar="ID", help="the event this one is part of")


def write_participants(
    repository: TimelineRepository, event_id: int, participants: Sequence[list[str]]
) -> None:
    """Give a new event its entities, each found by kind and name (or alias) or added."""
    if participants:
        ids = [(repository.resolve_entity(name, kind), role) for kind, name, role in participants]
        repository.set_participants(event_id, ids)


def events_with_entity(repository: TimelineRepository, name: str) -> set[int]:
    """The ids of the events in which an entity called ``name`` (any kind, or an alias) takes part."""
    kind, colon, bare = name.partition(":")
    found = repository.entities_named(bare, kind) if colon and bare else repository.entities_named(name)
    return {
        event_id
        for entity in found
        if entity.id is not None
        for event_id in repository.events_with(entity.id)
    }


def relations_json(repository: TimelineRepository, events: Sequence[Event]) -> dict[int, dict[str, Any]]:
    """Each event's ``entities``, ``sources`` and ``links``, read for all of them at once."""
    ids = [event.id for event in events if event.id is not None]
    found: dict[int, dict[str, Any]] = {i: {"entities": [], "sources": [], "links": []} for i in ids}
    taking_part = repository.participations(ids)
    entities = repository.entities_by_ids(sorted({part.entity_id for part in taking_part}))
    for part in taking_part:
        entity = entities[part.entity_id]
        found[part.event_id]["entities"].append({"name": entity.name, "kind": entity.kind, "role": part.role})
    for event_id, source in repository.citations_of(ids):
        found[event_id]["sources"].append(source_json(source))
    for event_id in ids:
        found[event_id]["links"] = [
            {"type": link.reads_from(event_id), "to": link.other(event_id), "note": link.note}
            for link in repository.links_of(event_id)
        ]
    return found


def source_json(source: Source) -> dict[str, Any]:
    fields = ("author", "title", "year", "publisher", "locator", "page", "quote", "url", "identifier")
    record = {field: getattr(source, field) for field in fields if getattr(source, field)}
    if source.text:
        record["citation"] = source.text
    return {"id": source.id, **record, "display": source.display()}


def link_command(options: argparse.Namespace, database_path: Path) -> int:
    from timeline.store.database import LOCK_WAIT, open_database
    from timeline.store.repository import TimelineRepository

    try:
        link = EventLink(options.from_id, options.to_id, options.type, options.note)
    except ValueError as error:
        raise LinkError(str(error)) from None
    with open_database(database_path, wait=LOCK_WAIT) as database:
        repository = TimelineRepository(database)
        link_id = repository.add_link(link)
        source, target = repository.get_event(link.from_id), repository.get_event(link.to_id)
    print(f"{link_id}: {source.title!r} {link.type} {target.title!r}")
    return 0


class LinkError(ValueError):
    """A link the command line cannot make (shown as is)."""


def consistency_command(database_path: Path, as_json: bool) -> int:
    """Print every finding (one line each, naming the events); exit status 1 when there are any."""
    from timeline.store.database import open_database
    from timeline.store.repository import TimelineRepository

    with open_database(database_path, readonly=True) as database:
        findings = TimelineRepository(database).consistency_findings()
    if as_json:
        print(
            json.dumps(
                [{"kind": f.kind, "message": f.message, "events": list(f.event_ids)} for f in findings],
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for finding in findings:
            events = ", ".join(f"#{event_id}" for event_id in finding.event_ids)
            print(f"{finding.kind}: {finding.message} [events {events}]")
        summary = f"{len(findings)} finding{'s' if len(findings) != 1 else ''}" if findings else "consistent"
        print(f"{database_path}: {summary}", file=sys.stderr if findings else sys.stdout)
    return 1 if findings else 0


def import_csl(database_path: Path, source: Path) -> int:
    from timeline.io.csl_json import read_csl_json
    from timeline.store.database import LOCK_WAIT, open_database
    from timeline.store.repository import TimelineRepository

    sources = read_csl_json(source)
    with open_database(database_path, wait=LOCK_WAIT) as database:
        repository = TimelineRepository(database)
        before = len(repository.sources())
        repository.add_sources(sources)
        added = len(repository.sources()) - before
    print(f"imported {added:,} sources into {database_path} ({len(sources) - added:,} were there already)")
    return 0


def export_csl(database_path: Path, output: Path) -> int:
    from timeline.io.csl_json import write_csl_json
    from timeline.store.database import open_database
    from timeline.store.repository import TimelineRepository

    with open_database(database_path, readonly=True) as database:
        sources = TimelineRepository(database).sources()
    written = write_csl_json(sources, output)
    print(f"wrote {written:,} sources to {output}")
    return 0
