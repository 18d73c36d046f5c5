"""Entities, sources, links and nesting in Timeline JSON, beside the events they relate.

``"entities": [{"id", "kind", "name", "aliases", "description", "start", "end", "colour",
"latitude", "longitude"}]`` and ``"sources": [{"id", "text", "author", "title", "year",
"publisher", "locator", "url", "identifier", "csl"}]`` at the top; an event may carry ``"id"``,
``"parent"`` (an event's id), ``"entities": [{"entity", "role"}]``, ``"cites": [{"source",
"page", "quote"}]`` (every citation in order; the first is its ``"source"``) and ``"links":
[{"type", "to", "note"}]``. Ids are the file's own numbering (numbers or text). Pictures:
``"images": [{"sha256", "mime", "width", "height", "data", "thumbnail"}]`` at the top (bytes in
base64, exactly as stored) and ``"images": [{"sha256", "caption", "credit"}]`` on an event.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from timeline.core.dates.dates import DateError, HistoricalDate, OpenEnd
from timeline.core.dates.edtf import read_edtf_date
from timeline.core.model import ContentRelations, Entity, Event, EventLink, Participation, Source
from timeline.core.pictures import Picture, PictureError, PreparedImage
from timeline.io.pictures import image_from_json, image_json
from timeline.io.report import FormatError

_RECORD_KEYS = ("text", "author", "title", "year", "publisher", "locator", "url", "identifier", "csl")


def _key(value: Any, where: str) -> str:
    if isinstance(value, bool) or not isinstance(value, int | str) or str(value) == "":
        raise FormatError(f"{where}: must be an id (a number or text)")
    return str(value)


def _items(data: Any, key: str, where: str) -> list[Any]:
    value = data.get(key, []) if isinstance(data, dict) else []
    if not isinstance(value, list):
        raise FormatError(f"{where}.{key}: must be a list")
    return value


def _text(item: dict[str, Any], key: str, where: str) -> str:
    value = item.get(key, "")
    if not isinstance(value, str):
        raise FormatError(f"{where}.{key}: must be text, not {value!r}")
    return value


def _entity(item: Any, where: str) -> tuple[str, Entity]:
    if not isinstance(item, dict):
        raise FormatError(f"{where}: must be an object")
    aliases = item.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(alias, str) for alias in aliases):
        raise FormatError(f"{where}.aliases: must be a list of text")
    try:
        start_text, end_text = item.get("start"), item.get("end")
        end: HistoricalDate | OpenEnd | None = None
        if end_text in (OpenEnd.OPEN.value, OpenEnd.UNKNOWN.value):
            end = OpenEnd(end_text)
        elif end_text:
            end = read_edtf_date(str(end_text))
        latitude, longitude = item.get("latitude"), item.get("longitude")
        for name, value in (("latitude", latitude), ("longitude", longitude)):
            if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
                raise FormatError(f"{where}.{name}: must be a number")
        entity = Entity(
            name=_text(item, "name", where),
            kind=_text(item, "kind", where) or "person",
            aliases=tuple(aliases),
            description=_text(item, "description", where),
            start=read_edtf_date(str(start_text)) if start_text else None,
            end=end,
            colour=_text(item, "colour", where),
            latitude=None if latitude is None else float(latitude),
            longitude=None if longitude is None else float(longitude),
        )
    except (DateError, ValueError) as error:
        if isinstance(error, FormatError):
            raise
        raise FormatError(f"{where}: {error}") from None
    return _key(item.get("id"), f"{where}.id"), entity


def _record(item: Any, where: str) -> tuple[str, Source]:
    if not isinstance(item, dict):
        raise FormatError(f"{where}: must be an object")
    fields = {key: _text(item, key, where) for key in _RECORD_KEYS}
    return _key(item.get("id"), f"{where}.id"), Source(**fields)  # type: ignore[arg-type]


class RelationsReader:
    """Collects what the events of a file say about each other while they are read in order."""

    def __init__(self, data: Any, where: str) -> None:
        self.where = where
        entities = [
            _entity(item, f"{where}entities[{n}]") for n, item in enumerate(_items(data, "entities", where))
        ]
        self.entity_ids = {key: index + 1 for index, (key, _) in enumerate(entities)}
        self.entities = [e.with_changes(id=index + 1) for index, (_, e) in enumerate(entities)]
        records = [
            _record(item, f"{where}sources[{n}]") for n, item in enumerate(_items(data, "sources", where))
        ]
        self.source_ids = {key: index + 1 for index, (key, _) in enumerate(records)}
        self.sources = [replace(source, id=index + 1) for index, (_, source) in enumerate(records)]
        self.images: dict[str, PreparedImage] = {}
        for n, item in enumerate(_items(data, "images", where)):
            try:
                image = image_from_json(item)
            except PictureError as error:
                raise FormatError(f"{where}images[{n}]: {error}") from None
            self.images[image.sha256] = image
        self.pictures: list[tuple[int, Picture]] = []
        self.positions: dict[str, int] = {}
        self.participations: list[Participation] = []
        self.citations: list[tuple[int, Source]] = []
        self._links: list[tuple[int, str, str, str, str]] = []
        self._parents: list[tuple[int, str, str]] = []

    def event_read(self, item: dict[str, Any], position: int, event: Event, where: str) -> None:
        """Note what an accepted event (now at ``position``) says; unknown names are errors."""
        if "id" in item:
            self.positions[_key(item["id"], f"{where}.id")] = position
        for n, part in enumerate(_items(item, "entities", where)):
            at = f"{where}.entities[{n}]"
            if not isinstance(part, dict):
                raise FormatError(f"{at}: must be an object")
            key = _key(part.get("entity"), f"{at}.entity")
            if key not in self.entity_ids:
                raise FormatError(f"{at}.entity: no entity has the id {key!r}")
            self.participations.append(Participation(position, self.entity_ids[key], _text(part, "role", at)))
        cites = _items(item, "cites", where)
        for n, cite in enumerate(cites):
            at = f"{where}.cites[{n}]"
            if not isinstance(cite, dict):
                raise FormatError(f"{at}: must be an object")
            key = _key(cite.get("source"), f"{at}.source")
            if key not in self.source_ids:
                raise FormatError(f"{at}.source: no source has the id {key!r}")
            record = self.sources[self.source_ids[key] - 1]
            self.citations.append((position, record.cited(_text(cite, "page", at), _text(cite, "quote", at))))
        if not cites and event.source:
            self.citations.append((position, event.source))
        for n, link in enumerate(_items(item, "links", where)):
            at = f"{where}.links[{n}]"
            if not isinstance(link, dict):
                raise FormatError(f"{at}: must be an object")
            self._links.append(
                (
                    position,
                    _text(link, "type", at),
                    _key(link.get("to"), f"{at}.to"),
                    _text(link, "note", at),
                    at,
                )
            )
        for n, shown in enumerate(_items(item, "images", where)):
            at = f"{where}.images[{n}]"
            if not isinstance(shown, dict):
                raise FormatError(f"{at}: must be an object")
            image = self.images.get(str(shown.get("sha256")))
            if image is None:
                raise FormatError(f"{at}.sha256: no image in the file has this hash")
            self.pictures.append(
                (position, image.picture(_text(shown, "caption", at), _text(shown, "credit", at)))
            )
        if item.get("parent") is not None:
            self._parents.append((position, _key(item["parent"], f"{where}.parent"), f"{where}.parent"))

    def relations(self) -> tuple[ContentRelations, list[str]]:
        """What was collected, and a note for each link or parent naming an event not in the file."""
        notes: list[str] = []
        links = []
        for position, kind, target, note, at in self._links:
            if target not in self.positions:
                notes.append(f"{at}.to: no event has the id {target!r}; the link was left out")
                continue
            try:
                links.append(EventLink(position, self.positions[target], kind, note))
            except ValueError as error:
                notes.append(f"{at}: {error}; the link was left out")
        parents = []
        for position, parent, at in self._parents:
            if parent not in self.positions:
                notes.append(f"{at}: no event has the id {parent!r}; the event is not nested")
            else:
                parents.append((position, self.positions[parent]))
        relations = ContentRelations(
            tuple(self.entities),
            tuple(self.participations),
            tuple(self.sources),
            tuple(self.citations) if (self.sources or self.participations or links or parents) else (),
            tuple(links),
            tuple(parents),
            tuple(self.pictures),
            tuple(self.images[sha256] for sha256 in dict.fromkeys(p.sha256 for _, p in self.pictures)),
        )
        return relations, notes


def relations_to_json(
    events: Sequence[Event], relations: ContentRelations
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The top-level ``entities`` and ``sources``, and what each event adds (by position)."""
    per_event: list[dict[str, Any]] = [{"id": position + 1} for position in range(len(events))]
    for part in relations.participations:
        per_event[part.event_id].setdefault("entities", []).append(
            {"entity": part.entity_id, "role": part.role}
        )
    for position, cited in relations.citations:
        if cited.id is not None:
            cite = {"source": cited.id, "page": cited.page, "quote": cited.quote}
            per_event[position].setdefault("cites", []).append({k: v for k, v in cite.items() if v != ""})
    for link in relations.links:
        entry = {"type": link.type, "to": link.to_id + 1} | ({"note": link.note} if link.note else {})
        per_event[link.from_id].setdefault("links", []).append(entry)
    for child, parent in relations.parents:
        per_event[child]["parent"] = parent + 1
    for position, picture in relations.pictures:
        shown = {"sha256": picture.sha256, "caption": picture.caption, "credit": picture.credit}
        per_event[position].setdefault("images", []).append(shown)
    top: dict[str, Any] = {}
    if relations.images:
        top["images"] = [image_json(image) for image in relations.images]
    if relations.entities:
        top["entities"] = [_entity_json(entity) for entity in relations.entities]
    if relations.sources:
        top["sources"] = [
            {"id": source.id} | {key: getattr(source, key) for key in _RECORD_KEYS if getattr(source, key)}
            for source in relations.sources
        ]
    return top, per_event


def _entity_json(entity: Entity) -> dict[str, Any]:
    end = entity.end
    record: dict[str, Any] = {
        "id": entity.id,
        "kind": entity.kind,
        "name": entity.name,
        "aliases": list(entity.aliases),
        "description": entity.description,
        "start": entity.start.edtf() if entity.start is not None else None,
        "end": None if end is None else end.value if isinstance(end, OpenEnd) else end.edtf(),
        "colour": entity.colour,
        "latitude": entity.latitude,
        "longitude": entity.longitude,
    }
    return {key: value for key, value in record.items() if value not in (None, "", [])}
