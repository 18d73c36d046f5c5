"""Timeline's own JSON format: a whole timeline, lossless, versioned.

``{"format": "timeline", "version": 1, "title": …, "categories": […], "events": […],
"eras": […]}``; dates are EDTF text. Problems are reported with the JSON path of the value.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from timeline.core.dates.dates import DateError, HistoricalDate, OpenEnd
from timeline.core.dates.edtf import read_edtf_date
from timeline.core.model import Category, Era, Event, EventEnd, Media, Source, TimelineContent
from timeline.io.native_relations import RelationsReader, relations_to_json
from timeline.io.report import FormatError, ImportReport, Problem, read_json

FORMAT_NAME = "timeline"
FORMAT_VERSION = 1
DESCRIPTION_SETTING = "title_slide.text"
"""The timeline's ``"description"`` is kept where a TimelineJS title slide keeps its text."""


def read_timeline_json(path: Path) -> TimelineContent:
    data = read_json(path)
    return content_from_json(data, str(path))


def read_timeline_json_report(path: Path) -> ImportReport:
    """Like :func:`read_timeline_json`, but a bad event or era is a problem, not the end."""
    data = read_json(path)
    _check_header(data, str(path))
    report = ImportReport("Timeline JSON", title=_text(data, "title", str(path)))
    report.categories = [
        Category(
            _text(item, "name", f"categories[{index}]", required=True), _text(item, "colour", "category")
        )
        for index, item in enumerate(_list(data, "categories", str(path)))
    ]
    relations = RelationsReader(data, "")
    for index, item in enumerate(_list(data, "events", str(path))):
        try:
            event = _event(item, f"events[{index}]")
            relations.event_read(item, len(report.rows), event, f"events[{index}]")
        except FormatError as error:
            report.problems.append(_problem(error, "event", item))
            continue
        report.add_event(event)
    report.relations, notes = relations.relations()
    report.notes += notes
    description = _text(data, "description", str(path))
    if description:
        report.settings[DESCRIPTION_SETTING] = description
    for index, item in enumerate(_list(data, "eras", str(path))):
        try:
            report.eras.append(_era(item, f"eras[{index}]"))
        except FormatError as error:
            report.problems.append(_problem(error, "era", item))
    report.name_categories()
    return report


def _problem(error: FormatError, kind: str, item: Any) -> Problem:
    where, _, message = str(error).partition(": ")
    return Problem(where, kind, json.dumps(item, ensure_ascii=False)[:60], message)


def _check_header(data: Any, where: str) -> None:
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise FormatError(f'{where}: not a Timeline JSON file (no "format": "timeline")')
    version = data.get("version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise FormatError(f"{where}: version {version!r} is not one this program reads")


def content_from_json(data: Any, where: str = "JSON") -> TimelineContent:
    _check_header(data, where)
    categories = tuple(
        Category(
            _text(item, "name", f"{where}: categories[{index}]", required=True),
            _text(item, "colour", f"{where}: categories[{index}]"),
        )
        for index, item in enumerate(_list(data, "categories", where))
    )
    relations = RelationsReader(data, f"{where}: ")
    read = []
    for index, item in enumerate(_list(data, "events", where)):
        read.append(_event(item, f"{where}: events[{index}]"))
        relations.event_read(item, index, read[-1], f"{where}: events[{index}]")
    events = tuple(read)
    eras = tuple(
        _era(item, f"{where}: eras[{index}]") for index, item in enumerate(_list(data, "eras", where))
    )
    relations_read = relations.relations()[0]
    description = _text(data, "description", where)
    return TimelineContent(_text(data, "title", where), categories, events, eras, relations_read, description)


def _list(data: dict[str, Any], key: str, where: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise FormatError(f"{where}: {key!r} must be a list")
    return value


def _text(item: Any, key: str, where: str, required: bool = False) -> str:
    if not isinstance(item, dict):
        raise FormatError(f"{where}: must be an object")
    value = item.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise FormatError(f"{where}.{key}: must be {'non-empty ' if required else ''}text, not {value!r}")
    return value


def _date(item: dict[str, Any], key: str, where: str) -> HistoricalDate:
    text = _text(item, key, where, required=True)
    try:
        return read_edtf_date(text)
    except DateError as error:
        raise FormatError(f"{where}.{key}: {text!r} is not an EDTF date ({error})") from None


def _end(item: dict[str, Any], where: str) -> EventEnd:
    text = item.get("end")
    if text is None:
        return None
    if text in (OpenEnd.OPEN.value, OpenEnd.UNKNOWN.value):
        return OpenEnd(text)
    return _date(item, "end", where)


def _event(item: Any, where: str) -> Event:
    title = _text(item, "title", where, required=True)
    tags = item.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        raise FormatError(f"{where}.tags: must be a list of text")
    try:
        return Event(
            title=title,
            start=_date(item, "start", where),
            end=_end(item, where),
            description=_text(item, "description", where),
            category=_text(item, "category", where) or None,
            tags=tuple(tags),
            source=_source(item.get("source", ""), f"{where}.source"),
            url=_text(item, "url", where),
            colour=_text(item, "colour", where),
            uid=_text(item, "uid", where),
            recurrence=_text(item, "recurrence", where),
            display_date=_text(item, "display_date", where),
            media=_media(item.get("media"), f"{where}.media"),
        )
    except ValueError as error:
        if isinstance(error, FormatError):
            raise
        raise FormatError(f"{where}: {error}") from None


def _media(value: Any, where: str) -> Media:
    if value is None:
        return Media()
    if not isinstance(value, dict) or not all(isinstance(value.get(key, ""), str) for key in _MEDIA_KEYS):
        raise FormatError(f"{where}: must be an object of text ({', '.join(_MEDIA_KEYS)})")
    return Media(*(value.get(key, "") for key in _MEDIA_KEYS))


_MEDIA_KEYS = ("url", "caption", "credit", "thumbnail")
_SOURCE_KEYS = ("text", "author", "title", "page", "url")
_SOURCE_EXTRA_KEYS = ("year", "publisher", "locator", "identifier", "quote", "csl")
"""Written only when set, so that files without them read as before."""


def _source(value: Any, where: str) -> Source:
    """A source is free text, or an object with ``text``, ``author``, ``title``, ``page``, ``url``
    and optionally ``year``, ``publisher``, ``locator``, ``identifier``, ``quote``, ``csl``."""
    if isinstance(value, str):
        return Source(value)
    if not isinstance(value, dict):
        raise FormatError(f"{where}: must be text or an object")
    fields = {key: _text(value, key, where) for key in _SOURCE_KEYS + _SOURCE_EXTRA_KEYS}
    return Source(**fields)  # type: ignore[arg-type]


def _source_json(source: Source) -> str | dict[str, str]:
    extra = {key: getattr(source, key) for key in _SOURCE_EXTRA_KEYS if getattr(source, key)}
    if not any((source.author, source.title, source.page, source.url)) and not extra:
        return source.text
    return {key: getattr(source, key) for key in _SOURCE_KEYS} | extra


def _era(item: Any, where: str) -> Era:
    end = _end(item, where)
    if end is None:
        raise FormatError(f'{where}.end: an era needs an end (EDTF, or ".." when ongoing)')
    try:
        return Era(
            _text(item, "name", where, required=True),
            _date(item, "start", where),
            end,
            _text(item, "colour", where),
        )
    except ValueError as error:
        if isinstance(error, FormatError):
            raise
        raise FormatError(f"{where}: {error}") from None


def content_to_json(content: TimelineContent) -> dict[str, Any]:
    def end_text(end: EventEnd) -> str | None:
        if end is None:
            return None
        return end.value if isinstance(end, OpenEnd) else end.edtf()

    top, per_event = relations_to_json(content.events, content.relations)
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "title": content.title,
        **({"description": content.description} if content.description else {}),
        "categories": [{"name": c.name, "colour": c.colour} for c in content.categories],
        "events": [
            {
                "title": e.title,
                "start": e.start.edtf(),
                "end": end_text(e.end),
                "category": e.category or "",
                "tags": list(e.tags),
                "description": e.description,
                "source": _source_json(e.source),
                "url": e.url,
                "colour": e.colour,
                **_kept_from_elsewhere(e),
            }
            | more
            for e, more in zip(content.events, per_event, strict=True)
        ],
        "eras": [
            {"name": era.name, "start": era.start.edtf(), "end": end_text(era.end), "colour": era.colour}
            for era in content.eras
        ],
    } | top


def _kept_from_elsewhere(event: Event) -> dict[str, Any]:
    """What another format gave the event (UID, repeat rule, date as written, media), when set."""
    kept: dict[str, Any] = {
        key: value
        for key, value in (
            ("uid", event.uid),
            ("recurrence", event.recurrence),
            ("display_date", event.display_date),
        )
        if value
    }
    if event.media:
        media = event.media
        kept["media"] = {
            key: value
            for key, value in zip(
                _MEDIA_KEYS, (media.url, media.caption, media.credit, media.thumbnail), strict=True
            )
            if value
        }
    return kept
