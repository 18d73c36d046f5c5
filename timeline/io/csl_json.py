"""CSL-JSON, what Zotero, Mendeley and pandoc exchange: bibliography items in, sources out.

An item becomes a :class:`Source` with its authors, title, year, publisher, address and DOI or
ISBN in our fields, and the whole item kept beside them as CSL-JSON text: exporting what was
imported gives back every field the reference manager wrote, with the ones edited here
replaced. A file that is not CSL-JSON is refused with the position of what is wrong.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from timeline.core.model import Source
from timeline.io.report import FormatError, read_json

_YEAR = re.compile(r"-?\d{1,4}")


def read_csl_json(path: Path) -> list[Source]:
    """The sources in a CSL-JSON file (a list of items, or one item)."""
    return sources_from_csl(read_json(path), str(path))


def sources_from_csl(data: Any, where: str = "CSL-JSON") -> list[Source]:
    items = data if isinstance(data, list) else [data] if isinstance(data, dict) else None
    if items is None:
        raise FormatError(f"{where}: CSL-JSON holds a list of items")
    return [source_from_item(item, f"{where}: item {index + 1}") for index, item in enumerate(items)]


def source_from_item(item: Any, where: str = "item") -> Source:
    if not isinstance(item, dict):
        raise FormatError(f"{where}: an item must be an object")
    title = _text(item, "title", where)
    authors = _names(item.get("author") or item.get("editor") or [], where)
    if not (title or authors or item.get("URL") or item.get("DOI")):
        raise FormatError(f"{where}: has neither title, author, URL nor DOI")
    return Source(
        text=_text(item, "note", where) if not (title or authors) else "",
        author=authors,
        title=title,
        url=_text(item, "URL", where),
        year=_year(item.get("issued"), where),
        publisher=_text(item, "publisher", where),
        locator=", ".join(
            part for part in (_text(item, "archive", where), _text(item, "archive_location", where)) if part
        ),
        identifier=_identifier(item, where),
        csl=json.dumps(item, ensure_ascii=False, sort_keys=True),
    )


def _text(item: dict[str, Any], key: str, where: str) -> str:
    value = item.get(key, "")
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise FormatError(f"{where}: {key!r} must be text")
    return " ".join(value.split())


def _names(value: Any, where: str) -> str:
    """``Mary Beard``, ``Mary Beard and Tom Holland``, ``A, B and C``."""
    if not isinstance(value, list):
        raise FormatError(f"{where}: 'author' must be a list of names")
    names = []
    for index, name in enumerate(value):
        if not isinstance(name, dict):
            raise FormatError(f"{where}: author {index + 1} must be an object")
        parts = [_text(name, key, where) for key in ("given", "non-dropping-particle", "family", "suffix")]
        names.append(_text(name, "literal", where) or " ".join(part for part in parts if part))
    names = [name for name in names if name]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1] if names else ""


def _year(value: Any, where: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, dict):
        raise FormatError(f"{where}: 'issued' must be an object")
    parts = value.get("date-parts")
    if parts is not None:
        first = parts[0] if isinstance(parts, list) and parts else None
        if not isinstance(first, list) or not first or not str(first[0]).lstrip("-").isdigit():
            raise FormatError(f"{where}: 'issued' date-parts must be [[year, month, day]]")
        return str(int(first[0]))
    for key in ("raw", "literal"):
        found = _YEAR.search(str(value.get(key, "")))
        if found:
            return found.group()
    return ""


def _identifier(item: dict[str, Any], where: str) -> str:
    doi, isbn = _text(item, "DOI", where), _text(item, "ISBN", where)
    return f"doi:{doi}" if doi else f"ISBN {isbn}" if isbn else ""


def _split_name(name: str) -> dict[str, str]:
    given, _, family = name.rpartition(" ")
    return {"family": family, "given": given} if given else {"literal": name}


def item_of(source: Source, fallback_id: str) -> dict[str, Any]:
    """The CSL-JSON item of a source: the imported item with the fields edited here replaced."""
    item: dict[str, Any] = json.loads(source.csl) if source.csl else {}
    was = source_from_item(item) if item else Source()
    item.setdefault("id", fallback_id)
    item.setdefault("type", "book" if source.publisher else "webpage" if source.url else "document")
    if source.title != was.title:
        item["title"] = source.title
    if source.author != was.author:
        names = re.split(r",\s*|\s+and\s+", source.author) if source.author else []
        item["author"] = [_split_name(name) for name in names if name]
    if source.year != was.year:
        numeric = _YEAR.fullmatch(source.year)
        item["issued"] = {"date-parts": [[int(source.year)]]} if numeric else {"literal": source.year}
    if source.publisher != was.publisher:
        item["publisher"] = source.publisher
    if source.url != was.url:
        item["URL"] = source.url
    if source.locator != was.locator:
        item.pop("archive", None)
        item["archive_location"] = source.locator
    if source.identifier != was.identifier:
        item.pop("DOI", None)
        item.pop("ISBN", None)
        key, value = _identifier_field(source.identifier)
        if key:
            item[key] = value
    if source.text and source.text != was.text:
        item["note"] = source.text
    return {key: value for key, value in item.items() if value not in ("", [], {})}


def _identifier_field(identifier: str) -> tuple[str, str]:
    lowered = identifier.lower()
    if lowered.startswith("doi:"):
        return "DOI", identifier[4:].strip()
    if lowered.startswith("10."):
        return "DOI", identifier
    if lowered.startswith("isbn"):
        return "ISBN", identifier[4:].lstrip(": ").strip()
    return ("number", identifier) if identifier else ("", "")


def csl_items(sources: Iterable[Source]) -> list[dict[str, Any]]:
    return [item_of(source, f"source-{source.id or index + 1}") for index, source in enumerate(sources)]


def write_csl_json(sources: Iterable[Source], path: Path) -> int:
    """Write the sources as a CSL-JSON list; returns how many."""
    items = csl_items(sources)
    path.write_text(json.dumps(items, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return len(items)
