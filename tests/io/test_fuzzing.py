"""Every reader, fed random bytes and random but well-formed files: only our own errors escape.

A file from elsewhere may hold anything; the worst it may do is be refused with a
:class:`FormatError` (or have rows listed as problems). Example counts are small so the whole
suite stays quick; each run draws new examples.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from xml.sax.saxutils import escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.io.formats import READERS, read_file
from timeline.io.report import FormatError, ImportReport

SUFFIX = {
    "csv": "csv",
    "xlsx": "xlsx",
    "ods": "ods",
    "json": "json",
    "timelinejs": "json",
    "timelinejs-csv": "csv",
    "ics": "ics",
    "timeline": "timeline",
    "wikidata": "json",
    "markwhen": "mw",
    "csl-json": "json",
}
EXAMPLES = int(os.environ.get("TIMELINE_FUZZ_EXAMPLES", "25"))
"""Examples per test: few in the suite; set ``TIMELINE_FUZZ_EXAMPLES=2000`` to fuzz for longer."""
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
date_like = st.one_of(
    text,
    st.sampled_from(
        [
            "2023-07-11",
            "44 BC",
            "c. 1450",
            "09/07/2009",
            "Mar-46",
            "[1981, 1982]",
            "..",
            "-0043-03-15",
            "before 400 BC",
            "between 25 and 26 June 1381",
            "5 March 1600 O.S.",
            "2023-02-30",
            "Y-99999",
        ]
    ),
    st.integers(-(10**12), 10**12).map(str),
)


@contextmanager
def file_with(data: bytes, suffix: str) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input.{suffix}"
        path.write_bytes(data)
        yield path


def read_safely(data: bytes, format: str) -> ImportReport | None:
    """Read, allowing only a refusal of the whole file."""
    with file_with(data, SUFFIX.get(format, "txt")) as path:
        try:
            return read_file(path, format)
        except FormatError:
            return None


def test_every_format_is_fuzzed() -> None:
    assert set(READERS) <= set(SUFFIX)


@FUZZ
@given(format=st.sampled_from(sorted(READERS)), data=st.binary(max_size=400))
def test_random_bytes(format: str, data: bytes) -> None:
    read_safely(data, format)


@FUZZ
@given(format=st.sampled_from(sorted(READERS)), data=st.binary(max_size=200))
def test_random_bytes_after_a_plausible_start(format: str, data: bytes) -> None:
    starts = {
        "csv": b"title,start,end\n",
        "timelinejs-csv": b"Year,Month,Day,Headline\n",
        "ics": b"BEGIN:VCALENDAR\r\n",
        "timeline": b"<?xml version='1.0'?><timeline>",
        "markwhen": b"---\ntitle: x\n---\n",
        "xlsx": b"PK\x03\x04",
        "ods": b"PK\x03\x04",
        "json": b'{"format": "timeline", "version": 1, ',
        "timelinejs": b'{"events": [',
        "wikidata": b'{"head": {"vars": []}, "results": ',
        "csl-json": b"[{",
    }
    read_safely(starts.get(format, b"") + data, format)


@FUZZ
@given(
    rows=st.lists(st.lists(date_like, min_size=4, max_size=4), max_size=6), delimiter=st.sampled_from(",;\t")
)
def test_csv_with_any_cells(rows: list[list[str]], delimiter: str) -> None:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(["subject", "date", "end date", "notes"])
    writer.writerows(rows)
    report = read_safely(out.getvalue().encode(), "csv")
    assert report is None or report.row_count + len(report.problems) <= len(rows)


PROPERTY_NAMES = st.sampled_from(
    [
        "DTSTART",
        "DTEND",
        "DURATION",
        "SUMMARY",
        "DESCRIPTION",
        "URL",
        "UID",
        "RRULE",
        "RDATE",
        "EXDATE",
        "CATEGORIES",
        "X-TIMELINE-EDTF",
        "DTSTART;VALUE=DATE",
        "DTSTART;TZID=UTC+01:00",
        "DTEND;TZID=Nowhere/Else",
    ]
)
PROPERTY_VALUES = st.one_of(
    st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=30),
    st.sampled_from(["20230711T100000Z", "20230711", "P1D", "FREQ=WEEKLY;COUNT=3", "2023-07", "x"]),
)


@FUZZ
@given(properties=st.lists(st.tuples(PROPERTY_NAMES, PROPERTY_VALUES), max_size=10))
def test_icalendar_with_any_properties(properties: list[tuple[str, str]]) -> None:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "BEGIN:VEVENT",
        *(f"{name}:{value}" for name, value in properties),
    ]
    lines += ["END:VEVENT", "END:VCALENDAR"]
    read_safely(("\r\n".join(lines) + "\r\n").encode(), "ics")


json_value = st.recursive(
    st.one_of(
        st.none(), st.booleans(), st.integers(-(10**20), 10**20), st.floats(allow_nan=False), date_like
    ),
    lambda children: st.one_of(st.lists(children, max_size=3), st.dictionaries(text, children, max_size=3)),
    max_leaves=10,
)
slide_keys = st.sampled_from(
    [
        "start_date",
        "end_date",
        "text",
        "media",
        "group",
        "background",
        "display_date",
        "headline",
        "startDate",
        "endDate",
        "asset",
        "tag",
        "year",
        "month",
        "day",
        "hour",
        "url",
        "caption",
        "credit",
    ]
)
slide = st.dictionaries(
    slide_keys, st.one_of(json_value, st.dictionaries(slide_keys, json_value, max_size=4)), max_size=6
)


@FUZZ
@given(slides=st.lists(slide, max_size=4), wrapper=st.sampled_from(["events", "slides", "date"]), title=slide)
def test_timelinejs_with_any_slides(slides: list[object], wrapper: str, title: object) -> None:
    data: dict[str, object] = {wrapper: slides, "title": title}
    read_safely(json.dumps({"timeline": data} if wrapper == "date" else data).encode(), "timelinejs")


time_value = st.fixed_dictionaries(
    {
        "time": st.one_of(
            date_like,
            st.sampled_from(["+1600-03-05T00:00:00Z", "-0044-00-00T00:00:00Z", "+0000-01-01T00:00:00Z"]),
        ),
        "precision": st.one_of(st.integers(-2, 16), json_value),
        "calendarmodel": st.sampled_from(["http://www.wikidata.org/entity/Q1985786", "", "x"]),
    }
)


@FUZZ
@given(
    values=st.lists(time_value, max_size=3), rank=st.sampled_from(["normal", "preferred", "deprecated", 3])
)
def test_wikidata_entities_with_any_times(values: list[dict[str, object]], rank: object) -> None:
    claims = [
        {"mainsnak": {"snaktype": "value", "datavalue": {"value": value}}, "rank": rank} for value in values
    ]
    data = {
        "entities": {
            "Q1": {"id": "Q1", "labels": {"en": {"value": "x"}}, "claims": {"P585": claims, "P582": claims}}
        }
    }
    read_safely(json.dumps(data).encode(), "wikidata")


QUERY_VARIABLES = ["itemLabel", "date", "datePrecision", "dateCalendar", "end"]
QUERY_CELL = st.fixed_dictionaries(
    {"value": date_like, "datatype": st.sampled_from(["http://www.w3.org/2001/XMLSchema#dateTime", ""])}
)


@FUZZ
@given(
    bindings=st.lists(st.dictionaries(st.sampled_from(QUERY_VARIABLES), QUERY_CELL, max_size=5), max_size=4)
)
def test_wikidata_query_results_with_any_cells(bindings: list[dict[str, object]]) -> None:
    data = {"head": {"vars": QUERY_VARIABLES}, "results": {"bindings": bindings}}
    read_safely(json.dumps(data).encode(), "wikidata")


MARKWHEN_LINE = st.one_of(
    st.tuples(date_like, text).map(lambda pair: f"{pair[0]}: {pair[1]}"),
    st.sampled_from(
        ["group A", "endGroup", "section B", "endSection", "// c", "", "dateFormat: d/M/y", "---"]
    ),
    text,
)


@FUZZ
@given(lines=st.lists(MARKWHEN_LINE, max_size=10))
def test_markwhen_with_any_lines(lines: list[str]) -> None:
    read_safely("\n".join(lines).encode(), "markwhen")


ELEMENTS = st.sampled_from(
    [
        "start",
        "end",
        "text",
        "fuzzy",
        "fuzzy_start",
        "fuzzy_end",
        "category",
        "default_color",
        "ends_today",
        "hyperlink",
        "description",
    ]
)


@FUZZ
@given(
    events=st.lists(st.dictionaries(ELEMENTS, date_like, max_size=8), max_size=4),
    time_type=st.sampled_from(["gregoriantime", "numtime", "other"]),
)
def test_thetimelineproj_with_any_elements(events: list[dict[str, str]], time_type: str) -> None:
    body = "".join(
        "<event>" + "".join(f"<{name}>{escape(value)}</{name}>" for name, value in event.items()) + "</event>"
        for event in events
    )
    xml = f"<?xml version='1.0'?><timeline><timetype>{time_type}</timetype><events>{body}</events></timeline>"
    read_safely(xml.encode("utf-8", "replace"), "timeline")


SHEET_CELL = st.one_of(
    date_like.map(lambda cell: "".join(c for c in cell if c.isprintable())),
    st.integers(-5000, 5000),
    st.none(),
)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.lists(SHEET_CELL, min_size=3, max_size=3), max_size=4))
def test_spreadsheets_with_any_cells(rows: list[list[object]]) -> None:
    from tests.io.spreadsheet_files import write_ods, write_xlsx

    table = [["Title", "Date", "End"], *rows]
    for suffix, write in (("xlsx", write_xlsx), ("ods", write_ods)):
        with tempfile.TemporaryDirectory() as folder:
            path = write(Path(folder) / f"t.{suffix}", table)
            with contextlib.suppress(FormatError):
                read_file(path)
