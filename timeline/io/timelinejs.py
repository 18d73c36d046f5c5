"""TimelineJS: its JSON (``events``, ``title``, ``eras``) and its Google-spreadsheet CSV.

TimelineJS counts years as people do, without a year zero: ``-44`` is 44 BCE, which is
astronomical ``-43`` here. Its slides are HTML; only their text and web links are kept.
Dates also go out as ``display_date`` text in our human form, so that precision and doubt
(``c. 1450``, ``July 2023``) survive a round trip.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from timeline.core.dates.dates import DateError, HistoricalDate, Interval, OpenEnd, Precision
from timeline.core.dates.parsing import parse
from timeline.core.links import is_web_link
from timeline.core.model import ContentRelations, Era, Event, EventEnd, Media, Source
from timeline.core.pictures import Picture
from timeline.io.embedded_pictures import EmbeddedPictures, data_urls
from timeline.io.fields import guarded, unguarded
from timeline.io.html_text import html_to_text, markdown_to_html
from timeline.io.report import ExportReport, FormatError, ImportReport, Problem, read_json, read_text

_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
CSV_COLUMNS = (
    "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time", "Display Date",
    "Headline", "Text", "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Type", "Group",
    "Background",
)  # fmt: skip


def astronomical(year: int) -> int:
    """TimelineJS's ``-44`` (44 BCE) is astronomical ``-43``."""
    return year + 1 if year < 0 else year


def timelinejs_year(year: int) -> int:
    return year - 1 if year <= 0 else year


def _number(value: Any, name: str) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return int(str(value).strip())
    except ValueError:
        raise DateError(f"{name} {value!r} is not a whole number") from None


def date_from_parts(parts: dict[str, Any]) -> HistoricalDate:
    """A TimelineJS date object (``year`` … ``second``) as a date of the precision given."""
    year = _number(parts.get("year"), "year")
    if year is None:
        raise DateError("a date needs a year")
    month, day = _number(parts.get("month"), "month"), _number(parts.get("day"), "day")
    hour, minute = _number(parts.get("hour"), "hour"), _number(parts.get("minute"), "minute")
    second = _number(parts.get("second"), "second")
    year = astronomical(year)
    if month is None:
        return HistoricalDate.of_year(year)
    if day is None:
        return HistoricalDate.of_month(year, month)
    if hour is None:
        return HistoricalDate.of_day(year, month, day)
    if second:
        return HistoricalDate(year, month, day, hour, minute or 0, second, precision=Precision.SECOND)
    return HistoricalDate(year, month, day, hour, minute or 0, precision=Precision.MINUTE)


def parts_of(date: HistoricalDate) -> dict[str, int]:
    parts = {"year": timelinejs_year(date.year)}
    for name in ("month", "day", "hour", "minute", "second"):
        value = getattr(date, name)
        if value is not None:
            parts[name] = value
    if date.season is not None:  # no seasons in TimelineJS: the first month stands in
        parts["month"] = {21: 3, 22: 6, 23: 9, 24: 12}[date.season]
    return parts


def _refined(structured: HistoricalDate, display: str) -> HistoricalDate:
    """Our own ``display_date`` (``c. 1450``) says more than the numbers; use it when it agrees."""
    if not display.strip():
        return structured
    try:
        value = parse(display)
    except DateError:
        return structured
    if isinstance(value, HistoricalDate) and value.earliest <= structured.earliest < value.latest:
        return value
    return structured


def _object(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _date_object(value: Any) -> dict[str, Any]:
    """A ``start_date`` or ``end_date``: an object of parts; anything else is said to be wrong."""
    if value is None or isinstance(value, dict):
        return value or {}
    kind = {str: "text", bool: "true or false", list: "a list"}.get(type(value), "a number")
    raise DateError(f'must be an object of parts such as {{"year": 2001, "month": 3}}, not {kind}')


def _event(item: Any, where: str, report: ImportReport) -> Event | None:
    if not isinstance(item, dict):
        report.problems.append(Problem(where, "event", str(item)[:60], "must be an object"))
        return None
    text = _object(item.get("text"))
    headline = html_to_text(str(text.get("headline") or ""))
    body = html_to_text(str(text.get("text") or ""))
    media = _object(item.get("media"))
    caption = html_to_text(str(media.get("caption") or ""))
    media_url = str(media.get("url") or "").strip()
    title = headline or body.split("\n")[0][:80] or caption[:80]
    if not title:
        report.problems.append(Problem(where, "text.headline", "", "an event needs a headline"))
        return None
    try:
        start = _refined(
            date_from_parts(_date_object(item.get("start_date"))), str(item.get("display_date") or "")
        )
    except DateError as error:
        report.problems.append(Problem(where, "start_date", json.dumps(item.get("start_date")), str(error)))
        return None
    end: EventEnd = None
    if item.get("end_date"):
        try:
            end = date_from_parts(_date_object(item["end_date"]))
        except DateError as error:
            report.problems.append(Problem(where, "end_date", json.dumps(item.get("end_date")), str(error)))
            return None
    background = _object(item.get("background"))
    colour = str(background.get("color") or "")
    try:
        return Event(
            title=title,
            start=start,
            end=end,
            description=body if headline else "\n\n".join(body.split("\n\n")[1:]),
            category=str(item.get("group") or "").strip() or None,
            source=Source(html_to_text(str(media.get("credit") or ""))),
            url=media_url if is_web_link(media_url) else "",
            media=Media(
                media_url,
                caption,
                html_to_text(str(media.get("credit") or "")),
                str(media.get("thumbnail") or "").strip(),
            ),
            colour=colour if _COLOUR.fullmatch(colour) else "",
        )
    except ValueError as error:
        report.problems.append(
            Problem(where, "end_date", json.dumps(item.get("end_date")), str(error).split(": ")[-1])
        )
        return None


TITLE_SLIDE = "title_slide."
"""Prefix of the timeline settings that keep a TimelineJS title slide: ``text`` (Markdown),
``media_url``, ``media_caption``, ``media_credit``, ``media_thumbnail``, ``background_colour``,
``background_url``."""


def read_timelinejs_json(path: Path) -> ImportReport:
    """TimelineJS 3 (``events`` or ``slides``, also inside ``timeline``) and TimelineJS 2
    (``timeline.date``) files."""
    data = read_json(path)
    if isinstance(data, dict) and isinstance(data.get("timeline"), dict):
        data = data["timeline"]
    if not isinstance(data, dict):
        raise FormatError(f'{path}: not a TimelineJS file (no "events" list)')
    if isinstance(data.get("date"), list) and not isinstance(data.get("events"), list):
        return _read_version_2(data)
    slides = data.get("events") if isinstance(data.get("events"), list) else data.get("slides")
    if not isinstance(slides, list):
        raise FormatError(
            f'{path}: not a TimelineJS file (no "events" list, nor a "slides" or TimelineJS 2 "date" list)'
        )
    report = ImportReport("TimelineJS JSON")
    pictures = EmbeddedPictures(path.parent)
    title = data.get("title")
    if isinstance(title, dict):
        _read_title_slide(title, report)
    for index, item in enumerate(slides):
        if isinstance(item, dict) and not item.get("start_date") and not report.title and index == 0:
            _read_title_slide(item, report)  # a slides list opens with its title slide
            continue
        event = _event(item, f"event {index + 1}", report)
        if event is not None:
            event = pictures.take(item, event, len(report.rows), f"event {index + 1}", report)
            report.add_event(event)
    report.relations = pictures.relations(report.relations)
    eras = data.get("eras")
    for index, item in enumerate(eras if isinstance(eras, list) else []):
        era = _era(item, f"era {index + 1}", report)
        if era is not None:
            report.eras.append(era)
    report.name_categories()
    return report


def _read_title_slide(slide: dict[str, Any], report: ImportReport) -> None:
    text = _object(slide.get("text"))
    report.title = html_to_text(str(text.get("headline") or ""))
    media = _object(slide.get("media"))
    background = _object(slide.get("background"))
    colour = str(background.get("color") or "")
    kept = {
        "text": html_to_text(str(text.get("text") or "")),
        "media_url": str(media.get("url") or "").strip(),
        "media_caption": html_to_text(str(media.get("caption") or "")),
        "media_credit": html_to_text(str(media.get("credit") or "")),
        "media_thumbnail": str(media.get("thumbnail") or "").strip(),
        "background_colour": colour if _COLOUR.fullmatch(colour) else "",
        "background_url": str(background.get("url") or "").strip(),
    }
    report.settings.update({TITLE_SLIDE + key: value for key, value in kept.items() if value})


def _read_version_2(data: dict[str, Any]) -> ImportReport:
    """TimelineJS 2: ``startDate`` as ``"2011,12,10"``, ``asset`` for media, ``tag`` for groups."""
    report = ImportReport("TimelineJS 2 JSON")
    _read_title_slide(
        {
            "text": {"headline": data.get("headline"), "text": data.get("text")},
            "media": _version_2_media(data.get("asset")),
        },
        report,
    )
    for index, item in enumerate(data["date"]):
        where = f"date {index + 1}"
        if not isinstance(item, dict):
            report.problems.append(Problem(where, "date", str(item)[:60], "must be an object"))
            continue
        try:
            start = _version_2_date(item.get("startDate"), "startDate")
            end = _version_2_date(item.get("endDate"), "endDate") if item.get("endDate") else None
        except DateError as error:
            report.problems.append(Problem(where, "startDate", str(item.get("startDate")), str(error)))
            continue
        if end == start:
            end = None
        slide = {
            "start_date": start,
            "end_date": end,
            "text": {"headline": item.get("headline"), "text": item.get("text")},
            "media": _version_2_media(item.get("asset")),
            "group": item.get("tag"),
        }
        event = _event(slide, where, report)
        if event is not None:
            report.add_event(event)
    eras = data.get("era")
    for index, item in enumerate(eras if isinstance(eras, list) else []):
        where = f"era {index + 1}"
        try:
            slide = {
                "start_date": _version_2_date(_object(item).get("startDate"), "startDate"),
                "end_date": _version_2_date(_object(item).get("endDate"), "endDate"),
                "text": {"headline": _object(item).get("headline")},
            }
        except DateError as error:
            report.problems.append(Problem(where, "startDate", str(item)[:60], str(error)))
            continue
        era = _era(slide, where, report)
        if era is not None:
            report.eras.append(era)
    report.name_categories()
    return report


def _version_2_media(asset: Any) -> dict[str, Any]:
    asset = _object(asset)
    return {"url": asset.get("media"), "caption": asset.get("caption"), "credit": asset.get("credit")}


def _version_2_date(value: Any, name: str) -> dict[str, Any]:
    """``"2011,12,10"``, ``"2011,12,10,07,02,10"``, ``"1900"``, ``"-500"`` → date parts."""
    text = str(value if value is not None else "").strip()
    parts = [part.strip() for part in text.split(",")]
    if not text or len(parts) > 6:
        raise DateError(f"{name} {text!r} is not year,month,day[,hour,minute,second]")
    return dict(zip(("year", "month", "day", "hour", "minute", "second"), parts, strict=False))


def _era(item: Any, where: str, report: ImportReport) -> Era | None:
    try:
        text = _object(item.get("text"))
        name = html_to_text(str(text.get("headline") or "")) or "Era"
        return Era(
            name,
            date_from_parts(_date_object(item.get("start_date"))),
            date_from_parts(_date_object(item.get("end_date"))),
        )
    except (DateError, ValueError, AttributeError) as error:
        report.problems.append(Problem(where, "dates", json.dumps(item)[:60], str(error).split(": ")[-1]))
        return None


def _when_display(start: HistoricalDate, end: EventEnd) -> str:
    return start.display() if end is None else Interval(start, end).display()


def write_timelinejs_json(
    events: Iterable[Event],
    eras: Iterable[Era],
    title: str,
    out: TextIO,
    settings: dict[str, str] | None = None,
    relations: ContentRelations | None = None,
) -> ExportReport:
    """Slides with HTML text (Markdown links become ``<a>`` links), media, groups and colours;
    the title slide from the title and the kept ``title_slide.*`` settings. With ``relations``,
    an event's first picture is its slide's media, as a data URL the page shows offline."""
    report = ExportReport("TimelineJS JSON")
    slides = []
    first_pictures = data_urls(relations)
    for position, event in enumerate(events):
        slide: dict[str, Any] = {
            "start_date": parts_of(event.start),
            "display_date": _when_display(event.start, event.end),
            "text": {"headline": _escape(event.title), "text": markdown_to_html(event.description)},
        }
        if isinstance(event.end, HistoricalDate):
            slide["end_date"] = parts_of(event.end)
        elif isinstance(event.end, OpenEnd):
            report.skipped.append(f"{event.title!r}: TimelineJS has no open end; exported as a point")
        if event.category:
            slide["group"] = event.category
        media = _media_of(event, first_pictures.get(position))
        if media:
            slide["media"] = media
        if event.colour:
            slide["background"] = {"color": event.colour}
        slides.append(slide)
    data: dict[str, Any] = {"title": _title_slide(title, settings or {}), "events": slides}
    data["eras"] = [
        {
            "start_date": parts_of(era.start),
            "end_date": parts_of(era.end),
            "text": {"headline": _escape(era.name)},
        }
        for era in eras
        if isinstance(era.end, HistoricalDate)
    ]
    json.dump(data, out, ensure_ascii=False, indent=1)
    report.written = len(slides)
    return report


def _media_of(event: Event, picture: tuple[str, Picture] | None = None) -> dict[str, str]:
    """The slide's media: as the file it came from gave it (caption, credit, thumbnail, and a
    url that may be an embed), else the event's first picture as a data URL, else the event's
    link and source."""
    media = event.media
    if not media.url and picture is not None:
        url, shown = picture
        return {key: value for key, value in (
            ("url", url),
            ("caption", markdown_to_html(shown.caption, paragraphs=False)),
            ("credit", markdown_to_html(shown.credit, paragraphs=False)),
        ) if value}  # fmt: skip
    url = media.url or event.url
    credit = media.credit or event.source.display()
    fields = {
        "url": url,
        "caption": markdown_to_html(media.caption, paragraphs=False),
        "credit": markdown_to_html(credit, paragraphs=False),
        "thumbnail": media.thumbnail,
    }
    return {key: value for key, value in fields.items() if value}


def _title_slide(title: str, settings: dict[str, str]) -> dict[str, Any]:
    def kept(key: str) -> str:
        return settings.get(TITLE_SLIDE + key, "")

    slide: dict[str, Any] = {"text": {"headline": _escape(title), "text": markdown_to_html(kept("text"))}}
    if kept("media_url"):
        slide["media"] = {
            "url": kept("media_url"),
            "caption": markdown_to_html(kept("media_caption"), paragraphs=False),
            "credit": markdown_to_html(kept("media_credit"), paragraphs=False),
        }
        if kept("media_thumbnail"):
            slide["media"]["thumbnail"] = kept("media_thumbnail")
    background = {"color": kept("background_colour"), "url": kept("background_url")}
    if any(background.values()):
        slide["background"] = {key: value for key, value in background.items() if value}
    return slide


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# The spreadsheet ---------------------------------------------------------------------------


def _time_parts(text: str) -> dict[str, str]:
    text = text.strip()
    if not text:
        return {}
    match = re.fullmatch(r"(\d{1,2}):(\d{2})(?::(\d{2}))?", text)
    if match is None:
        raise DateError(f"time {text!r} is not HH:MM or HH:MM:SS")
    return {"hour": match[1], "minute": match[2], "second": match[3] or ""}


def read_timelinejs_csv(path: Path) -> ImportReport:
    text = read_text(path)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    report = ImportReport("TimelineJS spreadsheet")
    try:
        header = [name.strip() for name in next(reader, [])]
        if "Year" not in header or "Headline" not in header:
            raise FormatError(
                f"{path}: line 1 is not a TimelineJS header (it needs Year and Headline columns)"
            )
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(header):
                raise FormatError(f"{path}: line {line} has {len(row)} cells, the header has {len(header)}")
            cells = dict(zip(header, row + [""] * (len(header) - len(row)), strict=True))
            _read_sheet_row(cells, f"line {line}", report)
    except csv.Error as error:
        raise FormatError(f"{path}: line {reader.line_num}: {error}") from None
    report.name_categories()
    return report


def _read_sheet_row(cells: dict[str, str], where: str, report: ImportReport) -> None:
    kind = cells.get("Type", "").strip().lower()
    if kind == "title":
        report.title = html_to_text(unguarded(cells.get("Headline", "")))
        return
    try:
        start_parts = {"year": cells.get("Year"), "month": cells.get("Month"), "day": cells.get("Day")}
        end_parts = {
            "year": cells.get("End Year"),
            "month": cells.get("End Month"),
            "day": cells.get("End Day"),
        }
        start_parts |= _time_parts(cells.get("Time", ""))
        end_parts |= _time_parts(cells.get("End Time", ""))
    except DateError as error:
        report.problems.append(Problem(where, "Time", cells.get("Time", ""), str(error)))
        return
    item = {
        "start_date": start_parts,
        "end_date": end_parts if str(end_parts.get("year") or "").strip() else None,
        "display_date": cells.get("Display Date", ""),
        "text": {"headline": unguarded(cells.get("Headline", "")), "text": unguarded(cells.get("Text", ""))},
        "media": {
            "url": cells.get("Media", ""),
            "credit": unguarded(cells.get("Media Credit", "")),
            "caption": unguarded(cells.get("Media Caption", "")),
            "thumbnail": cells.get("Media Thumbnail", ""),
        },
        "group": unguarded(cells.get("Group", "")),
        "background": {"color": cells.get("Background", "")},
    }
    if kind == "era":
        era = _era(item, where, report)
        if era is not None:
            report.eras.append(era)
        return
    event = _event(item, where, report)
    if event is not None:
        report.add_event(event)


def write_timelinejs_csv(
    events: Iterable[Event], eras: Iterable[Era], title: str, out: TextIO
) -> ExportReport:
    report = ExportReport("TimelineJS spreadsheet")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    if title:
        writer.writerow(
            ["", "", "", "", "", "", "", "", "", guarded(title), "", "", "", "", "", "title", "", ""]
        )
    for event in events:
        end = event.end if isinstance(event.end, HistoricalDate) else None
        writer.writerow(
            [
                *_sheet_date(event.start),
                *(_sheet_date(end) if end else ("", "", "", "")),
                _when_display(event.start, event.end),
                guarded(event.title),
                guarded(markdown_to_html(event.description)),
                *_sheet_media(event),
                "",
                guarded(event.category or ""),
                event.colour,
            ]
        )
        report.written += 1
    for era in eras:
        if isinstance(era.end, HistoricalDate):
            writer.writerow(
                [
                    *_sheet_date(era.start),
                    *_sheet_date(era.end),
                    "",
                    guarded(era.name),
                    "",
                    "",
                    "",
                    "",
                    "",
                    "era",
                    "",
                    "",
                ]
            )
    return report


def _sheet_media(event: Event) -> tuple[str, str, str, str]:
    """Media, Media Credit, Media Caption, Media Thumbnail."""
    media = _media_of(event)
    return (
        guarded(media.get("url", "")),
        guarded(media.get("credit", "")),
        guarded(media.get("caption", "")),
        media.get("thumbnail", ""),
    )


def _sheet_date(date: HistoricalDate) -> tuple[str, str, str, str]:
    parts = parts_of(date)
    time = ""
    if "hour" in parts:
        time = f"{parts['hour']:02d}:{parts.get('minute', 0):02d}" + (
            f":{parts['second']:02d}" if "second" in parts else ""
        )
    return str(parts["year"]), str(parts.get("month", "")), str(parts.get("day", "")), time
