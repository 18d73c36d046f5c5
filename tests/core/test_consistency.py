"""The consistency checks, on small timelines that read like the cases they catch."""

from __future__ import annotations

from timeline.core.consistency import (
    CHILD_OUTSIDE_PARENT,
    LIKELY_DUPLICATE,
    LINK_BACKWARDS,
    OUTSIDE_LIFE,
    check_consistency,
    comparable_title,
)
from timeline.core.dates.edtf import read_edtf_date
from timeline.core.model import ORGANISATION, Entity, Event, EventLink, Participation


def event(event_id: int, title: str, start: str, end: str | None = None) -> Event:
    return Event(title, read_edtf_date(start), read_edtf_date(end) if end else None, id=event_id)


def timeline(*events: Event) -> dict[int, Event]:
    return {item.id: item for item in events if item.id is not None}


def test_a_battle_after_its_war_is_found_and_one_inside_is_not() -> None:
    events = timeline(
        event(1, "Napoleonic Wars", "1803-05-18", "1815-11-20"),
        event(2, "Battle of Waterloo", "1815-06-18"),
        event(3, "Battle of Navarino", "1827-10-20"),
    )
    findings = check_consistency(events, parents={2: 1, 3: 1})
    assert [(found.kind, found.event_ids) for found in findings] == [(CHILD_OUTSIDE_PARENT, (3, 1))]
    assert "'Battle of Navarino' (#3) ends after 'Napoleonic Wars' (#1)" in findings[0].message


def test_an_event_outside_a_participants_life_is_found_but_an_uncertain_one_that_may_fit_is_not() -> None:
    caesar = Entity("Julius Caesar", start=read_edtf_date("-0099"), end=read_edtf_date("-0043-03-15"), id=10)
    rome = Entity("Roman Senate", ORGANISATION, start=read_edtf_date("-0752"), id=11)
    events = timeline(
        event(1, "Crossing the Rubicon", "-0048-01-10"),
        event(2, "Battle of Actium", "-0030-09-02"),
        event(3, "A speech", "-0043~"),
        event(4, "Founding of the city", "-0752-04-21"),
        event(5, "Before the senate", "-0800"),
    )
    taking_part = [Participation(n, 10, "general") for n in (1, 2, 3)] + [
        Participation(4, 11),
        Participation(5, 11),
    ]
    findings = check_consistency(events, entities={10: caesar, 11: rome}, participations=taking_part)
    assert [(found.kind, found.event_ids) for found in findings] == [
        (OUTSIDE_LIFE, (2,)),
        (OUTSIDE_LIFE, (5,)),
    ]
    assert "after the death of Julius Caesar" in findings[0].message
    assert "before the beginning of Roman Senate" in findings[1].message


def test_a_precedes_link_that_runs_backwards_is_found_and_a_same_day_one_is_not() -> None:
    events = timeline(
        event(1, "Treaty", "1919-06-28"),
        event(2, "Armistice", "1918-11-11"),
        event(3, "Signing", "1919-06-28"),
    )
    links = [EventLink(1, 2, "precedes"), EventLink(1, 3, "precedes"), EventLink(1, 2, "contradicts")]
    findings = check_consistency(events, links=links)
    assert [(found.kind, found.event_ids) for found in findings] == [(LINK_BACKWARDS, (1, 2))]
    assert findings[0].message == "'Treaty' (#1) precedes 'Armistice' (#2), which begins before it"


def test_events_with_the_same_title_and_overlapping_dates_are_one_duplicate_group() -> None:
    events = timeline(
        event(1, "Fall of the Berlin Wall", "1989-11-09"),
        event(2, "fall of the Berlin wall!", "1989-11"),
        event(3, "Fall of the  Berlin Wall", "1989-11-09"),
        event(4, "Fall of the Berlin Wall", "1999-11-09"),
        event(5, "Another event", "1989-11-09"),
    )
    findings = check_consistency(events)
    assert [(found.kind, found.event_ids) for found in findings] == [(LIKELY_DUPLICATE, (2, 1, 3))]
    assert findings[0].message.startswith("3 events called 'fall of the Berlin wall!' overlap in time")


def test_titles_are_compared_without_case_accents_or_punctuation() -> None:
    assert comparable_title("  Révolution   française! ") == comparable_title("revolution francaise")
    assert comparable_title("Battle of X") != comparable_title("Battle of Y")


def test_a_consistent_timeline_has_no_findings() -> None:
    events = timeline(event(1, "War", "1914", "1918"), event(2, "Battle", "1916-07-01"))
    assert check_consistency(events, parents={2: 1}, links=[EventLink(1, 2, "part of")]) == []
