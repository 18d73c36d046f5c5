"""The Details tab's lines about who took part, what else is cited, what an event is part of
and what it links to; links to other events are ``event:<id>`` anchors the panel follows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.core.model import Event

if TYPE_CHECKING:
    from timeline.store.repository import TimelineRepository

EVENT_SCHEME = "event"
MAX_PARTS_SHOWN = 30


def _escape(text: str) -> str:
    from timeline.ui.panels.details import escape_markdown

    return escape_markdown(text)


def _event_link(event: Event) -> str:
    return f"[{_escape(event.title)}]({EVENT_SCHEME}:{event.id})"


def relations_markdown(repository: TimelineRepository, event: Event) -> str:
    """Markdown paragraphs for the event's entities, further citations, nesting and links."""
    assert event.id is not None
    parts: list[str] = []
    taking_part = repository.participants(event.id)
    if taking_part:
        names = [
            _escape(entity.name) + (f" ({_escape(role)})" if role else "") for entity, role in taking_part
        ]
        parts.append("*With:* " + ", ".join(names))
    more = repository.citations(event.id)[1:]
    if more:
        lines = [_escape(c.display()) + (f" — “{_escape(c.quote)}”" if c.quote else "") for c in more]
        parts.append("*Also cited:*  \n" + "  \n".join(lines))
    if event.parent_id is not None:
        parent = repository.events_by_ids([event.parent_id])
        if parent:
            parts.append(f"*Part of:* {_event_link(parent[0])}")
    children = repository.children_of(event.id)
    if children:
        shown = repository.events_by_ids(children[:MAX_PARTS_SHOWN])
        extra = f" and {len(children) - len(shown)} more" if len(children) > len(shown) else ""
        parts.append("*Parts:* " + ", ".join(_event_link(child) for child in shown) + extra)
    links = repository.links_of(event.id)
    if links:
        others = {e.id: e for e in repository.events_by_ids([link.other(event.id) for link in links])}
        lines = []
        for link in links:
            other = others.get(link.other(event.id))
            if other is None:
                continue
            note = f" — {_escape(link.note)}" if link.note else ""
            lines.append(f"{_escape(link.reads_from(event.id))} {_event_link(other)}{note}")
        parts.append("*Links:*  \n" + "  \n".join(lines))
    return "\n\n".join(parts)
