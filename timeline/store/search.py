"""Full-text search and filters: what a person looks for, as safe queries over the index."""

from __future__ import annotations

import json
import re
from array import array
from typing import Any

from timeline.core.filters import EventFilter, Matches
from timeline.core.highlight import mark, search_terms, snippet
from timeline.core.model import (
    Event,
    SearchHit,
)
from timeline.core.view.density import DensityIndex
from timeline.store.base import RepositoryBase
from timeline.store.errors import translated_errors
from timeline.store.rows import (
    EVENT_COLUMNS,
    EVENT_FROM,
)


def fts_query(text: str) -> str:
    """A person's search text as a safe FTS5 query: every word must occur, ``word*`` is a prefix.

    Quotes around several words keep them together as a phrase. Nothing a person types can
    make the query invalid, because every term is passed as a quoted string.
    """
    terms = []
    for phrase, word in re.findall(r'"([^"]*)"|(\S+)', text):
        raw = phrase if phrase else word
        prefix = bool(word) and raw.endswith("*")
        cleaned = raw.rstrip("*").replace('"', " ").strip()
        if cleaned:
            terms.append(f'"{cleaned}"' + ("*" if prefix else ""))
    return " ".join(terms)


MATCHED_IDS = (
    "SELECT rowid FROM events_fts WHERE events_fts MATCH ?"
    " UNION SELECT event_id FROM event_entities WHERE entity_id IN"
    " (SELECT rowid FROM entities_fts WHERE entities_fts MATCH ?)"
    " UNION SELECT event_id FROM event_sources WHERE source_id IN"
    " (SELECT rowid FROM sources_fts WHERE sources_fts MATCH ?)"
)
"""The ids of events whose own text, or the name of an entity in them, or a source they cite
matches a query (given three times)."""

_RANKED_BY_RELATIONS = (
    "SELECT event_entities.event_id, bm25(entities_fts, 3.0, 3.0, 1.0) FROM entities_fts"
    " JOIN event_entities ON event_entities.entity_id = entities_fts.rowid WHERE entities_fts MATCH ?"
    " UNION ALL SELECT event_sources.event_id, bm25(sources_fts, 2.0, 2.0, 2.0) FROM sources_fts"
    " JOIN event_sources ON event_sources.source_id = sources_fts.rowid WHERE sources_fts MATCH ?"
    " LIMIT ?"
)


def _filter_sql(event_filter: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE clause over ``events`` that keeps what the filter keeps."""
    conditions: list[str] = ["1"]
    parameters: list[Any] = []
    query = fts_query(event_filter.text)
    if query:
        conditions.append(f"id IN ({MATCHED_IDS})")
        parameters += [query] * 3
    elif event_filter.text.strip():
        conditions.append("0")  # only punctuation: nothing can match
    if event_filter.categories is not None:
        conditions.append(f"category_id IN ({', '.join('?' * len(event_filter.categories))})")
        parameters += sorted(event_filter.categories)
    if event_filter.tags:
        conditions.append("(" + " OR ".join("instr(tags, ?) > 0" for _ in event_filter.tags) + ")")
        parameters += [json.dumps(tag, ensure_ascii=False) for tag in event_filter.tags]
    if event_filter.entities:
        marks = ", ".join("?" * len(event_filter.entities))
        conditions.append(f"id IN (SELECT event_id FROM event_entities WHERE entity_id IN ({marks}))")
        parameters += sorted(event_filter.entities)
    if event_filter.sources:
        marks = ", ".join("?" * len(event_filter.sources))
        conditions.append(f"id IN (SELECT event_id FROM event_sources WHERE source_id IN ({marks}))")
        parameters += sorted(event_filter.sources)
    if event_filter.latest is not None:
        conditions.append("earliest < ?")
        parameters.append(event_filter.latest)
    if event_filter.earliest is not None:
        conditions.append("latest > ?")
        parameters.append(event_filter.earliest)
    if event_filter.only_doubtful:
        doubtful = "IN ('~', '?', '%')"
        conditions.append(
            f"(substr(start_date, -1) {doubtful} OR substr(coalesce(end_date, ''), -1) {doubtful})"
        )
    return " AND ".join(conditions), parameters


class SearchQueries(RepositoryBase):
    """Search and filters over the events and their full-text index."""

    def search_hits(
        self, text: str, limit: int = 50, scan: int = 2_000, allowed: set[int] | None = None
    ) -> tuple[list[SearchHit], bool]:
        """The best ``limit`` matches, ranked, with matched words marked; and whether there are more.

        Ranking reads at most ``scan`` matches: a rare word is ranked exactly, a word in half
        the timeline costs the same as one in a hundred events instead of growing with it.
        Titles weigh most, then tags, the names of entities and the sources cited, then
        descriptions; an event matched in several of these ranks above one matched in one.
        """
        query = fts_query(text)
        if not query:
            return [], False
        with translated_errors(self.database.path):
            own = self.db.execute(
                "SELECT rowid, bm25(events_fts, 8.0, 1.0, 3.0) FROM events_fts"
                " WHERE events_fts MATCH ? LIMIT ?",
                [query, scan + 1],
            ).fetchall()
            related = self.db.execute(_RANKED_BY_RELATIONS, [query, query, scan + 1]).fetchall()
            scores: dict[int, float] = {}
            for rowid, score in own + related:
                scores[rowid] = scores.get(rowid, 0.0) + score
            rows = list(scores.items())
            more = len(rows) > scan or len(own) > scan or len(related) > scan
            candidates = rows[:scan] if allowed is None else [row for row in rows[:scan] if row[0] in allowed]
            best = [row[0] for row in sorted(candidates, key=lambda row: (row[1], row[0]))[:limit]]
            placeholders = ", ".join("?" * len(best))
            found = {
                row[0]: row[1:]
                for row in self.db.execute(
                    "SELECT id, title, description, start_date, end_date FROM events"
                    f" WHERE id IN ({placeholders})",
                    best,
                )
            }
        terms = search_terms(text)
        hits = [
            SearchHit(rowid, mark(title, terms), snippet(description, terms), start, end)
            for rowid in best
            if rowid in found
            for title, description, start, end in [found[rowid]]
        ]
        return hits, more or len(rows) > limit

    def matching_ids(self, event_filter: EventFilter) -> set[int]:
        """The ids of every event the filter keeps (search words, categories, tags, period, doubt)."""
        return set(self.matches(event_filter).ids)

    def matches(self, event_filter: EventFilter) -> Matches:
        """What the filter keeps, with its events' bounds sorted for counting."""
        conditions, parameters = _filter_sql(event_filter)
        sql = f"SELECT id, earliest, latest FROM events WHERE {conditions}"
        with translated_errors(self.database.path):
            rows = self.db.execute(sql, parameters).fetchall()
        starts = array("q", sorted(row[1] for row in rows))
        ends = array("q", sorted(row[2] for row in rows))
        return Matches(frozenset(row[0] for row in rows), DensityIndex(starts, ends))

    def search(self, text: str, limit: int | None = None) -> list[Event]:
        """Events whose title, description or tags contain every word, or the name of an entity
        in them, or a source they cite; in time order."""
        query = fts_query(text)
        if not query:
            return []
        sql = (
            f"SELECT {EVENT_COLUMNS} FROM {EVENT_FROM} WHERE events.id IN ({MATCHED_IDS})"
            " ORDER BY earliest, events.id"
        )
        parameters: list[Any] = [query] * 3
        if limit is not None:
            sql += " LIMIT ?"
            parameters.append(limit)
        with translated_errors(self.database.path):
            return self._events_of_rows(self.db.execute(sql, parameters))
