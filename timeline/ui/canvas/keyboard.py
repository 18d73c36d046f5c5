"""The timeline by keyboard and screen reader: stepping from event to event, and telling
assistive technology which event has the focus.

Tab and Shift+Tab (and ↓ and ↑) go to the next and previous event in time order, bringing it
into view; Tab after the last event (Shift+Tab before the first) leaves the timeline for the
next control, and Ctrl+Tab leaves at once, so the window stays navigable however many events
there are. The event reached is the selection, drawn
highlighted, and the canvas' accessible name becomes its title and date, announced as a change.
Steps ask the document for one row by position, so they cost the same for a million events.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAccessible, QAccessibleEvent

if TYPE_CHECKING:
    from timeline.ui.canvas.widget import TimelineCanvas

CANVAS_NAME = "Timeline"
CANVAS_HELP = (
    "Tab or the up and down arrow keys go from event to event; Enter edits the event;"
    " Control+Tab leaves the timeline."
)


def neighbour(canvas: TimelineCanvas, direction: int) -> int | None:
    """The event before (−1) or after (+1) the selected one in time order; the first visible
    (or the first of all) when none is selected. None at either end."""
    document = canvas.document
    selected = canvas.selected
    row = document.row_of(selected) if selected is not None else None
    if row is None:
        spans = sorted(document.spans_in(canvas.period), key=lambda span: (span.earliest, span.id))
        if spans:
            return spans[0].id if direction > 0 else spans[-1].id
        page = document.events_page(0, 1)
        return page[0].id if page else None
    target = row + direction
    if target < 0 or target >= document.event_count():
        return None
    page = document.events_page(target, 1)
    return page[0].id if page else None


def step(canvas: TimelineCanvas, direction: int) -> bool:
    """Select and show the next or previous event; False when there is none that way."""
    event_id = neighbour(canvas, direction)
    if event_id is None:
        return False
    canvas.show_event(event_id)
    return True


def accessible_name(canvas: TimelineCanvas) -> str:
    selected = canvas.selected
    if selected is None or not canvas.document.existing([selected]):
        return f"{CANVAS_NAME}: no event selected"
    event = canvas.document.get_event(selected)
    return f"{event.title}, {event.display_when()}"


def announce(canvas: TimelineCanvas) -> None:
    """Give the canvas the focused event's title and date as its name, and say so to any
    screen reader listening."""
    name = accessible_name(canvas)
    if canvas.accessibleName() == name:
        return
    canvas.setAccessibleName(name)
    if QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleEvent(canvas, QAccessible.Event.NameChanged))
        if canvas.hasFocus():
            QAccessible.updateAccessibility(QAccessibleEvent(canvas, QAccessible.Event.Focus))
