"""A timeline file (or a period of it) as a page's content: what File → Publish and
``timeline export --format html`` both write."""

from __future__ import annotations

import json

from timeline.core.dates.dates import MAX_INSTANT, MIN_INSTANT, HistoricalDate
from timeline.core.model import Era
from timeline.store.repository import TimelineRepository
from timeline.web.data import PageContent, PageImage

STORY_KEY = "story"
"""The setting that keeps the story's event ids, in order (written by the app's Story tab)."""


def story_ids(repository: TimelineRepository) -> list[int]:
    text = repository.setting(STORY_KEY)
    try:
        return [int(value) for value in json.loads(text)] if text else []
    except (ValueError, TypeError):
        return []


def page_content(
    repository: TimelineRepository,
    since: int = MIN_INSTANT,
    until: int = MAX_INSTANT,
    open_story: bool = False,
) -> PageContent:
    """Events overlapping ``[since, until)`` with the categories, eras and story they need."""
    everything = since == MIN_INSTANT and until == MAX_INSTANT
    events = repository.events() if everything else repository.events_between(since, until)
    eras = [era for era in repository.eras() if everything or _overlaps(era, since, until)]
    ids = {event.id for event in events}
    return PageContent(
        title=repository.title,
        events=events,
        categories=repository.categories(),
        eras=eras,
        story=[event_id for event_id in story_ids(repository) if event_id in ids],
        pictures=_pictures(repository, None if everything else [e.id for e in events if e.id is not None]),
        open_story=open_story,
    )


def _overlaps(era: Era, since: int, until: int) -> bool:
    latest = era.end.latest if isinstance(era.end, HistoricalDate) else MAX_INSTANT
    return era.start.earliest < until and latest > since


def _pictures(repository: TimelineRepository, event_ids: list[int] | None) -> dict[int, list[PageImage]]:
    """The events' stored pictures with their bytes, each image read once."""
    data: dict[str, tuple[bytes, str]] = {}
    result: dict[int, list[PageImage]] = {}
    for event_id, pictures in repository.pictures_by_event(event_ids).items():
        for picture in pictures:
            if picture.sha256 not in data:
                data[picture.sha256] = repository.image_data(picture.sha256)
            blob, mime = data[picture.sha256]
            result.setdefault(event_id, []).append(
                PageImage(
                    picture.sha256, mime, blob, picture.width, picture.height, picture.caption, picture.credit
                )
            )
    return result
