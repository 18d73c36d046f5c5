"""Wikidata, from files the user saved: Query Service results (JSON) and entity JSON.

Nothing is fetched: the user runs a query (or saves ``Special:EntityData/Q….json`` or a dump) and
imports the file. Dates are read with their precision (11 day, 10 month, 9 year, 8 decade,
7 century, 6 millennium; coarser ones as an approximate year) and calendar model.

The two files number and reckon differently, as Wikidata documents it:

- Entity JSON keeps a date as it was entered: in the calendar its ``calendarmodel`` names, with
  historical year numbering (``-0044`` is 44 BC, there is no year 0). A Julian date
  (Q1985786) is converted to the proleptic Gregorian day it was, and shown as written
  (``5 March 1600 (Julian)``).
- The Query Service gives ``xsd:dateTime`` values already converted to the proleptic Gregorian
  calendar, numbered as XSD 1.1 does (astronomical: ``-0043`` is 44 BC). When the query also
  asks for the calendar model (``?dateCalendar`` from ``wikibase:timeCalendarModel``) and it is
  Julian, the date is shown as it reads on that calendar too. Precision comes from a
  ``?datePrecision`` (``wikibase:timePrecision``) variable; without one a date is a day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from timeline.core.dates.calendar import (
    MONTH_NAMES,
    civil_from_day_number,
    day_number,
    julian_day_number,
    julian_from_day_number,
)
from timeline.core.dates.dates import DateError, HistoricalDate, Precision
from timeline.core.model import Event, EventEnd
from timeline.io.report import FormatError, ImportReport, Problem, read_json

JULIAN = "Q1985786"
GREGORIAN = "Q1985727"
POINT_IN_TIME, START_TIME, END_TIME = "P585", "P580", "P582"
_TIME = re.compile(
    r"([+-]?)(\d{1,16})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?"
)
_DATE_TYPES = ("http://www.w3.org/2001/XMLSchema#dateTime", "http://www.w3.org/2001/XMLSchema#date")
_END_NAME = re.compile(r"end|until|dissol|death|died|abolish|closed|^to(?:[A-Z_]|$)")
_LANGUAGES = ("en", "mul")


@dataclass(frozen=True, slots=True)
class WikidataTime:
    """A time value: the year as numbered in its file, month and day (0 when not given), its
    precision and calendar, and whether the year is numbered historically (no year 0)."""

    year: int
    month: int
    day: int
    precision: int
    calendar: str
    historical_years: bool


def looks_like_wikidata(head: str) -> bool:
    """Whether the first bytes of a JSON file are Query Service results or entity JSON."""
    sparql = ('"head"' in head and '"results"' in head) or '"bindings"' in head
    entities = '"claims"' in head and ('"datavalue"' in head or '"mainsnak"' in head)
    return sparql or entities or ('"entities"' in head and '"Q' in head)


def read_wikidata(path: Path) -> ImportReport:
    data = read_json(path)
    if isinstance(data, dict) and isinstance(data.get("results"), dict):
        return _read_query_results(data)
    entities = _entities(data)
    if entities is None:
        raise FormatError(
            f"{path}: not Wikidata (neither Query Service results with head and results,"
            " nor entity JSON with entities and claims)"
        )
    return _read_entities(entities)


# Time values ----------------------------------------------------------------------------


def parse_time(text: str, precision: int, calendar: str, historical_years: bool) -> WikidataTime:
    match = _TIME.fullmatch(text.strip())
    if match is None:
        raise DateError(f"{text!r} is not a Wikidata time")
    sign, year_text, month_text, day_text = match.groups()[:4]
    year = int(year_text) * (-1 if sign == "-" else 1)
    return WikidataTime(year, int(month_text), int(day_text), precision, calendar, historical_years)


def date_of(time: WikidataTime) -> tuple[HistoricalDate, str]:
    """Our date for a Wikidata time, and the date as written when its calendar is Julian."""
    year = time.year
    if time.historical_years and year <= 0:
        if year == 0:
            raise DateError("year 0 does not exist in Wikidata's numbering of years BC")
        year += 1  # 44 BC is -0044 here and -43 on our astronomical count
    precision = time.precision
    julian = time.calendar.endswith(JULIAN)
    if precision >= 11:
        if not 1 <= time.month <= 12 or time.day < 1:
            raise DateError(f"a day needs a month and a day (got {time.month:02d}-{time.day:02d})")
        if julian and time.historical_years:
            written = _written(year, time.month, time.day)
            gregorian = civil_from_day_number(julian_day_number(year, time.month, time.day))
            return HistoricalDate.of_day(*gregorian), written
        date = HistoricalDate.of_day(year, time.month, time.day)
        if julian:  # the Query Service converted it already: say how it reads on its own calendar
            return date, _written(*julian_from_day_number(day_number(year, time.month, time.day)))
        return date, ""
    if precision == 10:
        if not 1 <= time.month <= 12:
            raise DateError(f"month {time.month} does not exist")
        written = f"{MONTH_NAMES[time.month - 1]} {_year_text(year)} (Julian)" if julian else ""
        return HistoricalDate.of_month(year, time.month), written
    if precision == 9:
        return HistoricalDate.of_year(year), ""
    if precision == 8:
        return HistoricalDate(
            year - year % 10 if year >= 0 else -(-year // 10 * 10), precision=Precision.DECADE
        ), ""
    if precision in (7, 6):
        return _ordinal_span(year, 100 if precision == 7 else 1000), ""
    return HistoricalDate.of_year(year, approximate=True), ""


def _ordinal_span(year: int, size: int) -> HistoricalDate:
    """Wikidata's centuries and millennia are ordinal: 1900 is in the 19th century (1801–1900),
    which is our ``18XX``; BC likewise, counted back from 1 BC."""
    precision = Precision.CENTURY if size == 100 else Precision.MILLENNIUM
    if year > 0:
        return HistoricalDate((year - 1) // size * size, precision=precision)
    ordinal = (-year) // size + 1  # astronomical 0 is 1 BC, in the first century BC
    if ordinal == 1:
        return HistoricalDate.of_year(year, approximate=True)
    return HistoricalDate(-(ordinal - 1) * size, precision=precision)


def _year_text(year: int) -> str:
    if year <= 0:
        return f"{1 - year} BC"
    return f"AD {year}" if year < 1000 else str(year)


def _written(year: int, month: int, day: int) -> str:
    return f"{day} {MONTH_NAMES[month - 1]} {_year_text(year)} (Julian)"


# Query Service results ----------------------------------------------------------------


def _read_query_results(data: dict[str, Any]) -> ImportReport:
    report = ImportReport("Wikidata query results")
    head = data.get("head") if isinstance(data.get("head"), dict) else {}
    variables = [str(name) for name in (head or {}).get("vars", []) if isinstance(name, str)]
    bindings = data["results"].get("bindings")
    if not isinstance(bindings, list):
        raise FormatError("Wikidata query results: results.bindings is not a list")
    dates = _date_variables(variables, bindings)
    title_var = _title_variable(variables)
    if not dates:
        raise FormatError(
            "Wikidata query results: no variable holds dates (select one of xsd:dateTime,"
            " e.g. ?date from wdt:P585)"
        )
    start_var, end_var = dates[0], dates[1] if len(dates) > 1 else None
    undated_days = 0
    for index, binding in enumerate(bindings):
        where = f"result {index + 1}"
        if not isinstance(binding, dict):
            report.problems.append(Problem(where, "binding", str(binding)[:60], "must be an object"))
            continue
        title = _value(binding, title_var) if title_var else ""
        if not title:
            title = _entity_id(_value(binding, "item")) or ""
        if not title:
            report.problems.append(Problem(where, title_var or "itemLabel", "", "an event needs a title"))
            continue
        try:
            start, written = _binding_date(binding, start_var, variables)
            end: EventEnd = None
            end_written = ""
            if end_var and _value(binding, end_var):
                end, end_written = _binding_date(binding, end_var, variables)
        except DateError as error:
            report.problems.append(Problem(where, start_var, _value(binding, start_var), str(error)))
            continue
        if not _precision_variable(start_var, variables) and (start.month, start.day) == (1, 1):
            undated_days += 1
        if end is not None and end == start:
            end = None
        item = _value(binding, "item")
        try:
            event = Event(
                title=title,
                start=start,
                end=end,
                description=_value(binding, "itemDescription") or _value(binding, "description"),
                url=item
                if item.startswith("http://www.wikidata.org/") or item.startswith("https://")
                else "",
                uid=_entity_id(item) or "",
                display_date=_joined(written, end_written, start, end),
            )
        except ValueError as error:
            report.problems.append(
                Problem(where, end_var or "end", _value(binding, end_var or ""), str(error))
            )
            continue
        report.add_event(event)
    if undated_days:
        report.notes.append(
            f"{undated_days:,} date{'s fall' if undated_days != 1 else ' falls'} on 1 January with no"
            " precision in the results: add ?datePrecision (wikibase:timePrecision) to the query"
            " if they are years"
        )
    report.name_categories()
    return report


def _value(binding: dict[str, Any], name: str) -> str:
    cell = binding.get(name)
    return str(cell.get("value") or "").strip() if isinstance(cell, dict) else ""


def _date_variables(variables: list[str], bindings: list[Any]) -> list[str]:
    """Variables whose values are dates, the start first (names with end, until, death … last)."""
    found = []
    for name in variables:
        for binding in bindings[:200]:
            cell = binding.get(name) if isinstance(binding, dict) else None
            if isinstance(cell, dict) and cell.get("datatype") in _DATE_TYPES:
                found.append(name)
                break
    return sorted(found, key=lambda name: _END_NAME.search(name[:2] + name[2:].lower()) is not None)


def _title_variable(variables: list[str]) -> str:
    for name in ("itemLabel", "label", "title", "name"):
        if name in variables:
            return name
    labels = [name for name in variables if name.endswith("Label")]
    return labels[0] if labels else ""


def _precision_variable(date_var: str, variables: list[str]) -> str:
    for name in (f"{date_var}Precision", f"{date_var}_precision", "precision"):
        if name in variables:
            return name
    return ""


def _binding_date(binding: dict[str, Any], name: str, variables: list[str]) -> tuple[HistoricalDate, str]:
    precision_var = _precision_variable(name, variables)
    precision_text = _value(binding, precision_var) if precision_var else ""
    precision = int(precision_text) if precision_text.isdigit() else 11
    calendar = ""
    for candidate in (f"{name}Calendar", f"{name}_calendar", "calendar", "calendarModel"):
        if candidate in variables:
            calendar = _value(binding, candidate)
            break
    return date_of(parse_time(_value(binding, name), precision, calendar, historical_years=False))


def _entity_id(uri: str) -> str:
    match = re.search(r"/entity/(Q\d+)$", uri)
    return match[1] if match else ""


def _joined(written: str, end_written: str, start: HistoricalDate, end: EventEnd) -> str:
    if not written and not end_written:
        return ""
    first = written or start.display()
    if end is None:
        return first
    last = end_written or (end.display() if isinstance(end, HistoricalDate) else "")
    return f"{first} – {last}"


# Entity JSON ------------------------------------------------------------------------------


def _entities(data: Any) -> list[dict[str, Any]] | None:
    if isinstance(data, dict) and isinstance(data.get("entities"), dict):
        return [entity for entity in data["entities"].values() if isinstance(entity, dict)]
    if isinstance(data, dict) and isinstance(data.get("claims"), dict):
        return [data]
    if isinstance(data, list) and data and all(isinstance(item, dict) and "claims" in item for item in data):
        return data
    return None


def _read_entities(entities: list[dict[str, Any]]) -> ImportReport:
    report = ImportReport("Wikidata entities")
    for entity in entities:
        identifier = str(entity.get("id") or "")
        where = f"entity {identifier or '?'}"
        title = _text_in(entity.get("labels")) or identifier
        if not title:
            report.problems.append(Problem(where, "labels", "", "an entity needs a label or an id"))
            continue
        found = entity.get("claims")
        claims: dict[str, Any] = found if isinstance(found, dict) else {}
        try:
            start_claim = _best_time(claims, POINT_IN_TIME) or _best_time(claims, START_TIME)
            end_claim = _best_time(claims, END_TIME) if start_claim is not None else None
            if start_claim is None:
                report.problems.append(
                    Problem(where, "claims", "", "no point in time (P585) or start time (P580)")
                )
                continue
            start, written = date_of(start_claim)
            end: EventEnd = None
            end_written = ""
            if end_claim is not None:
                end, end_written = date_of(end_claim)
            event = Event(
                title=title,
                start=start,
                end=None if end == start else end,
                description=_text_in(entity.get("descriptions")),
                url=f"https://www.wikidata.org/wiki/{identifier}"
                if re.fullmatch(r"Q\d+", identifier)
                else "",
                uid=identifier,
                display_date=_joined(written, end_written, start, end),
            )
        except (DateError, ValueError) as error:
            report.problems.append(Problem(where, "time", "", str(error).split(": ")[-1]))
            continue
        report.add_event(event)
    return report


def _text_in(values: Any) -> str:
    """A label or description in English (else the first language given)."""
    if not isinstance(values, dict) or not values:
        return ""
    for language in (*_LANGUAGES, *values):
        value = values.get(language)
        if isinstance(value, dict) and isinstance(value.get("value"), str):
            return value["value"].strip()
    return ""


def _best_time(claims: dict[str, Any], property_id: str) -> WikidataTime | None:
    """The preferred (else normal) value of a time property; deprecated ones are left out."""
    statements = claims.get(property_id)
    if not isinstance(statements, list):
        return None
    ranked = sorted(
        (s for s in statements if isinstance(s, dict) and s.get("rank") != "deprecated"),
        key=lambda statement: statement.get("rank") != "preferred",
    )
    for statement in ranked:
        value = _time_value(statement)
        if value is not None:
            return value
    return None


def _time_value(statement: dict[str, Any]) -> WikidataTime | None:
    snak = statement.get("mainsnak")
    if not isinstance(snak, dict) or snak.get("snaktype") != "value":
        return None
    datavalue = snak.get("datavalue")
    value = datavalue.get("value") if isinstance(datavalue, dict) else None
    if not isinstance(value, dict) or not isinstance(value.get("time"), str):
        return None
    precision = value.get("precision")
    if not isinstance(precision, int) or not 0 <= precision <= 14:
        raise DateError(f"precision {precision!r} is not one of Wikidata's 0–14")
    return parse_time(value["time"], precision, str(value.get("calendarmodel") or ""), historical_years=True)
