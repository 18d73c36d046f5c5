"""How a repeating event repeats, said in words: ``every 2 weeks, 10 times``.

Events from calendars keep their iCalendar rule as written (``RRULE:FREQ=WEEKLY;INTERVAL=2``,
with ``RDATE`` and ``EXDATE`` lines); the timeline shows the event once, at its first
occurrence, and says how it repeats.
"""

from __future__ import annotations

_UNITS = {"SECONDLY": "second", "MINUTELY": "minute", "HOURLY": "hour", "DAILY": "day", "WEEKLY": "week",
          "MONTHLY": "month", "YEARLY": "year"}  # fmt: skip
_DAYS = {"MO": "Monday", "TU": "Tuesday", "WE": "Wednesday", "TH": "Thursday", "FR": "Friday",
         "SA": "Saturday", "SU": "Sunday"}  # fmt: skip


def describe_recurrence(recurrence: str) -> str:
    """``every week on Tuesday, 10 times``; ``on 2 more dates``; the rule as it is if unknown."""
    said: list[str] = []
    for line in recurrence.splitlines():
        name, _, value = line.partition(":")
        if name == "RRULE":
            said.append(_rule(value))
        elif name == "RDATE":
            count = len([item for item in value.split(",") if item])
            said.append(f"also on {count} other date{'s' if count != 1 else ''}")
        elif name == "EXDATE":
            count = len([item for item in value.split(",") if item])
            said.append(f"except {count} date{'s' if count != 1 else ''}")
    return "; ".join(said)


def _rule(value: str) -> str:
    parts = dict(part.partition("=")[::2] for part in value.split(";") if "=" in part)
    unit = _UNITS.get(parts.get("FREQ", ""))
    if unit is None:
        return value
    interval = parts.get("INTERVAL", "1")
    text = f"every {unit}" if interval in ("", "1") else f"every {interval} {unit}s"
    days = [_DAYS.get(day[-2:], day) for day in parts.get("BYDAY", "").split(",") if day]
    if days:
        text += " on " + ", ".join(days)
    if parts.get("COUNT"):
        text += f", {parts['COUNT']} times"
    if parts.get("UNTIL"):
        until = parts["UNTIL"]
        text += f", until {until[:4]}-{until[4:6]}-{until[6:8]}" if len(until) >= 8 else f", until {until}"
    return text
