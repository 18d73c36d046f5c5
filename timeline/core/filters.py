"""Which events a filter keeps: words, categories, tags, a period, and doubtful dates only."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from timeline.core.view.density import DensityIndex


@dataclass(frozen=True, slots=True)
class EventFilter:
    """An empty filter keeps everything. ``dim`` shows the others faded instead of hiding them."""

    text: str = ""
    categories: frozenset[int] | None = None
    tags: tuple[str, ...] = ()
    earliest: int | None = None
    latest: int | None = None
    only_doubtful: bool = False
    dim: bool = False
    entities: frozenset[int] = frozenset()
    """Keep events in which any of these entities takes part (empty: no such condition)."""
    sources: frozenset[int] = frozenset()
    """Keep events that cite any of these sources (empty: no such condition)."""

    @property
    def active(self) -> bool:
        return bool(
            self.text.strip() or self.categories is not None or self.tags or self.earliest is not None
            or self.latest is not None or self.only_doubtful or self.entities or self.sources
        )  # fmt: skip

    def to_json(self) -> str:
        data = asdict(self)
        data["categories"] = sorted(self.categories) if self.categories is not None else None
        data["tags"] = list(self.tags)
        data["entities"] = sorted(self.entities)
        data["sources"] = sorted(self.sources)
        return json.dumps(data)

    @classmethod
    def from_json(cls, text: str) -> EventFilter:
        data = json.loads(text)
        categories = data.get("categories")
        return cls(
            text=str(data.get("text", "")),
            categories=frozenset(int(c) for c in categories) if categories is not None else None,
            tags=tuple(str(t) for t in data.get("tags", [])),
            earliest=data.get("earliest"),
            latest=data.get("latest"),
            only_doubtful=bool(data.get("only_doubtful", False)),
            dim=bool(data.get("dim", False)),
            entities=frozenset(int(e) for e in data.get("entities", [])),
            sources=frozenset(int(s) for s in data.get("sources", [])),
        )


@dataclass(frozen=True, slots=True)
class Matches:
    """What a filter keeps: the ids, and their bounds counted so the density band shows only them."""

    ids: frozenset[int]
    density: DensityIndex

    def __len__(self) -> int:
        return len(self.ids)

    def __contains__(self, event_id: object) -> bool:
        return event_id in self.ids
