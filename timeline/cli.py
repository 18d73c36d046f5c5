"""The command line: ``timeline [FILE]`` starts the app; sub-commands work on files directly.

Every known problem ends as one line on stderr and a non-zero exit status, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from timeline.core.dates.dates import MAX_INSTANT, MIN_INSTANT, DateError, HistoricalDate, first_and_last_day
from timeline.core.dates.parsing import parse, parse_date
from timeline.core.model import Event, Source
from timeline.core.pictures import Picture, PreparedImage
from timeline.research_commands import (
    LinkError,
    add_entity_options,
    consistency_command,
    events_with_entity,
    export_csl,
    import_csl,
    link_command,
    relations_json,
    write_participants,
)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_INTERNAL = 70


class CommandError(Exception):
    """A problem with what was asked on the command line; the message is shown as is."""


def main(argv: Sequence[str] | None = None) -> int:
    arguments = _dates_as_values(list(sys.argv[1:] if argv is None else argv))
    parser = _build_parser()
    if not arguments or (arguments[0] not in _COMMANDS and not arguments[0].startswith("-")):
        return _run_guarded(lambda: _start_gui(arguments))
    options = parser.parse_args(arguments)
    return _run_guarded(lambda: options.handler(options))


_DATE_OPTIONS = frozenset({"--start", "--end", "--from", "--to", "--reference"})


def _dates_as_values(arguments: list[str]) -> list[str]:
    """``--start -0043-03-15`` as ``--start=-0043-03-15``: argparse takes a value that begins with
    a minus sign (a year BC in EDTF) for an option of its own."""
    joined: list[str] = []
    index = 0
    while index < len(arguments):
        argument = arguments[index]
        following = arguments[index + 1] if index + 1 < len(arguments) else ""
        if argument in _DATE_OPTIONS and following.startswith("-") and not following.startswith("--"):
            joined.append(f"{argument}={following}")
            index += 2
            continue
        joined.append(argument)
        index += 1
    return joined


def _run_guarded(action: Callable[[], int]) -> int:
    from timeline.io.report import FormatError
    from timeline.store.errors import StoreError

    try:
        return action()
    except (CommandError, DateError, StoreError, FormatError) as error:
        print(f"timeline: {error}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("timeline: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:
        print(f"timeline: unexpected error ({type(error).__name__}: {error})", file=sys.stderr)
        return EXIT_INTERNAL


def _start_gui(arguments: list[str]) -> int:
    if len(arguments) > 1:
        raise CommandError(f"unknown command {arguments[0]!r} (see timeline --help)")
    from timeline.ui.app import run_app

    path = Path(arguments[0]) if arguments else None
    if path is not None and not path.exists():
        raise CommandError(f"{path}: no such file (to create a timeline use: timeline add --db {path} …)")
    return run_app(path)


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="timeline",
        description="Timeline: dated events on a zoomable timeline. With no command, or with a"
        " FILE, the app starts on that timeline (the default timeline otherwise).",
    )
    from timeline import __version__

    parser.add_argument("--version", action="version", version=f"timeline {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    dates = commands.add_parser("dates", help="show how date text is understood")
    dates.add_argument("texts", nargs="+", metavar="TEXT")
    dates.add_argument("--reference", metavar="DATE", help="the day relative words are read against")
    dates.add_argument("--json", action="store_true", help="one JSON object a line")
    dates.set_defaults(handler=_dates)

    add = commands.add_parser("add", help="add one event")
    _add_db_option(add)
    add.add_argument("--title", required=True)
    add.add_argument("--start", required=True, metavar="DATE")
    add.add_argument("--end", metavar="DATE")
    add.add_argument("--category", metavar="C")
    add.add_argument("--description", default="", metavar="D")
    add.add_argument("--source", default="", metavar="S")
    add.add_argument("--url", default="", metavar="U")
    add.add_argument("--tag", action="append", default=[], dest="tags", metavar="TAG")
    add.add_argument(
        "--image",
        action="append",
        default=[],
        dest="images",
        type=Path,
        metavar="PATH",
        help="a picture for the event (PNG, JPEG, WebP, GIF, SVG; up to 20 MB); repeat for more",
    )
    add_entity_options(add)
    add.set_defaults(handler=_add)

    listing = commands.add_parser("list", help="list events in time order")
    _add_db_option(listing)
    listing.add_argument("--from", dest="since", metavar="DATE")
    listing.add_argument("--to", dest="until", metavar="DATE")
    listing.add_argument("--search", metavar="TEXT", help="only events containing these words")
    listing.add_argument("--entity", metavar="NAME", help="only events in which this entity takes part")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list)

    importing = commands.add_parser("import", help="add the events of a file in another format")
    _add_db_option(importing)
    importing.add_argument("source", type=Path, metavar="SOURCE")
    importing.add_argument("--format", choices=_IMPORT_FORMATS, help="the format (default: from the file)")
    importing.add_argument(
        "--dry-run", action="store_true", help="report what would be imported; change nothing"
    )
    importing.add_argument(
        "--skip-duplicates", action="store_true", help="leave out events that exist already"
    )
    importing.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="FIELD=HEADER",
        help="the column that holds a field, e.g. title=subject, start=date, end=end_date"
        " (the others are proposed from the header and the cells)",
    )
    order = importing.add_mutually_exclusive_group()
    order.add_argument("--day-first", action="store_true", help="read 09/07/2009 as 9 July 2009")
    order.add_argument("--month-first", action="store_true", help="read 09/07/2009 as 7 September 2009")
    importing.add_argument(
        "--century", type=int, metavar="YEAR", help="complete two-digit years, e.g. 1900 reads '46 as 1946"
    )
    importing.set_defaults(handler=_import)

    exporting = commands.add_parser("export", help="write events to a file in another format")
    _add_db_option(exporting)
    exporting.add_argument(
        "--format", choices=_EXPORT_FORMATS, help="the format (default: from the suffix of OUT)"
    )
    exporting.add_argument("-o", "--output", required=True, type=Path, metavar="OUT")
    exporting.add_argument("--from", dest="since", metavar="DATE")
    exporting.add_argument("--to", dest="until", metavar="DATE")
    exporting.add_argument(
        "--story", action="store_true", help="a web page (html) that opens as the story's slides"
    )
    exporting.set_defaults(handler=_export)

    render = commands.add_parser("render", help="draw a period to PNG, SVG or PDF (by the suffix of OUT)")
    _add_db_option(render)
    render.add_argument("--from", dest="since", metavar="DATE", help="start of the period (default: fit all)")
    render.add_argument("--to", dest="until", metavar="DATE", help="end of the period (default: fit all)")
    render.add_argument("--size", default="1920x1080", metavar="WxH", help="pixels (points for PDF)")
    render.add_argument("-o", "--output", required=True, type=Path, metavar="OUT")
    render.add_argument("--pages", type=int, help="a PDF poster over this many landscape pages")
    render.add_argument("--paper", choices=("a4", "letter"), default="a4", help="poster paper (default a4)")
    render.set_defaults(handler=_render)

    extracting = commands.add_parser(
        "extract", help="propose dated events found in a text (.txt, .md, .html; - for stdin)"
    )
    extracting.add_argument("file", metavar="FILE")
    extracting.add_argument(
        "--reference", metavar="DATE", help="the text's own date (default: its dateline, else today)"
    )
    extracting.add_argument("--json", action="store_true", help="one JSON object a line")
    extracting.set_defaults(handler=_extract)

    linking = commands.add_parser("link", help="link two events: FROM_ID TYPE TO_ID (e.g. 12 'led to' 15)")
    _add_db_option(linking)
    linking.add_argument("from_id", type=int, metavar="FROM_ID")
    linking.add_argument(
        "type", metavar="TYPE", help="caused, led to, part of, precedes, contradicts, same as, …"
    )
    linking.add_argument("to_id", type=int, metavar="TO_ID")
    linking.add_argument("--note", default="", metavar="TEXT")
    linking.set_defaults(handler=_link)

    check = commands.add_parser("check", help="check a file's integrity; exit status 0 when all is well")
    _add_db_option(check)
    check.add_argument(
        "--consistency",
        action="store_true",
        help="instead, list children outside their parent, events outside a life, links running"
        " backwards in time and likely duplicates (exit status 1 when there are any)",
    )
    check.add_argument("--json", action="store_true", help="the consistency findings as JSON")
    check.set_defaults(handler=_check)

    desktop = commands.add_parser(
        "install-desktop",
        help="put Timeline in your desktop's menu and open .timeline.db files with it",
    )
    desktop.add_argument("--uninstall", action="store_true", help="take it out again")
    desktop.set_defaults(handler=_install_desktop)
    return parser


_COMMANDS = (
    "dates",
    "add",
    "list",
    "import",
    "export",
    "render",
    "extract",
    "link",
    "check",
    "install-desktop",
)
_IMPORT_FORMATS = (
    "csv",
    "xlsx",
    "ods",
    "json",
    "timelinejs",
    "timelinejs-csv",
    "ics",
    "timeline",
    "csl-json",
    "wikidata",
    "markwhen",
)
_EXPORT_FORMATS = (
    "csv",
    "json",
    "timelinejs",
    "timelinejs-csv",
    "ics",
    "markwhen",
    "html",
    "png",
    "svg",
    "pdf",
    "csl-json",
)


def _add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", type=Path, metavar="FILE", help="the timeline file (default: your default timeline)"
    )


def _database_path(options: argparse.Namespace) -> Path:
    if options.db is not None:
        return Path(options.db)
    from timeline.workspace import default_timeline_path

    return default_timeline_path()


def _parse_option(name: str, text: str, reference: HistoricalDate | None = None) -> HistoricalDate:
    try:
        return parse_date(text, reference)
    except DateError as error:
        raise CommandError(f"{name}: {error}") from None


# extract ----------------------------------------------------------------------------------


def _extract(options: argparse.Namespace) -> int:
    from timeline.core.prose.extract import extract, find_reference, today
    from timeline.io.prose import prose_of, read_prose

    text = prose_of(sys.stdin.read()) if options.file == "-" else read_prose(options.file)
    if options.reference:
        reference, origin = _parse_option("--reference", options.reference), "given"
    else:
        found = find_reference(text)
        reference, origin = (found, "found in the text") if found else (today(), "today: none given or found")
    proposals = extract(text, reference)
    if options.json:
        for proposal in proposals:
            print(json.dumps(proposal.as_json(), ensure_ascii=False))
        return EXIT_OK
    count = f"{len(proposals)} dated event" + ("" if len(proposals) == 1 else "s")
    print(f"{count}; relative dates read against {reference.display()} ({origin})")
    for proposal in proposals:
        print(f"  {proposal.when.display():<30}  {proposal.title}")
        print(f"  {'':<30}  from “{proposal.text}” in: {proposal.sentence}")
        if proposal.doubt:
            print(f"  {'':<30}  uncertain: {proposal.doubt}")
    return EXIT_OK


# dates ------------------------------------------------------------------------------------


def _dates(options: argparse.Namespace) -> int:
    reference = _parse_option("--reference", options.reference) if options.reference else None
    status = EXIT_OK
    for text in options.texts:
        try:
            value = parse(text, reference)
        except DateError as error:
            status = EXIT_FAILED
            if options.json:
                print(json.dumps({"input": text, "error": str(error)}, ensure_ascii=False))
            else:
                print(f"{text}: {error}", file=sys.stderr)
            continue
        earliest, latest = _day_bounds(value.earliest, value.latest)
        record = {
            "input": text,
            "edtf": value.edtf(),
            "earliest": earliest,
            "latest": latest,
            "display": value.display(),
        }
        if options.json:
            print(json.dumps(record, ensure_ascii=False))
        else:
            precision = f" · {value.precision.label} precision" if isinstance(value, HistoricalDate) else ""
            print(
                f"{text}\n  EDTF     {record['edtf']}\n  days     {earliest or '…'} to {latest or '…'}\n"
                f"  reads    {record['display']}{precision}"
            )
    return status


def _day_bounds(earliest: int, latest: int) -> tuple[str | None, str | None]:
    """First and last day covered; ``None`` for an open or unknown end."""
    first, last = first_and_last_day(
        earliest if earliest != MIN_INSTANT else 0, latest if latest != MAX_INSTANT else 1
    )
    return (first if earliest != MIN_INSTANT else None), (last if latest != MAX_INSTANT else None)


# add --------------------------------------------------------------------------------------


def _add(options: argparse.Namespace) -> int:
    from timeline.core.links import is_web_link
    from timeline.io.fields import read_end
    from timeline.store.database import LOCK_WAIT, open_database
    from timeline.store.repository import TimelineRepository

    start = _parse_option("--start", options.start)
    try:
        end = read_end(options.end or "")
    except DateError as error:
        raise CommandError(f"--end: {error}") from None
    if options.url and not is_web_link(options.url):
        raise CommandError(f"--url: {options.url[:60]!r} is not a web address (http://, https:// or mailto:)")
    try:
        event = Event(
            title=options.title,
            start=start,
            end=end,
            description=options.description,
            category=options.category or None,
            tags=tuple(options.tags),
            source=Source(options.source),
            url=options.url,
            parent_id=options.parent,
        )
    except ValueError as error:
        raise CommandError(str(error)) from None
    images = _read_images(options.images)
    with open_database(_database_path(options), wait=LOCK_WAIT) as database:
        repository = TimelineRepository(database)
        if options.parent is not None:
            repository.get_event(options.parent)  # a clear message when there is no such event
        event_id = repository.add_event(event)
        write_participants(repository, event_id, options.participants)
        if images:
            repository.set_pictures(event_id, [image.picture() for image in images], images)
    print(event_id)
    return EXIT_OK


def _read_images(paths: list[Path]) -> list[PreparedImage]:
    """Every ``--image`` read and checked before anything is written."""
    if not paths:
        return []
    from timeline.core.pictures import PictureError
    from timeline.ui.pictures import read_pictures_for_command_line

    try:
        return read_pictures_for_command_line(paths)
    except PictureError as error:
        raise CommandError(f"--image: {error}") from None


# list -------------------------------------------------------------------------------------


def _list(options: argparse.Namespace) -> int:
    from timeline.store.database import open_database
    from timeline.store.repository import TimelineRepository

    since = _parse_option("--from", options.since).earliest if options.since else MIN_INSTANT
    until = _parse_option("--to", options.until).latest if options.until else MAX_INSTANT
    if until <= since:
        raise CommandError("--to is before --from")
    with open_database(_database_path(options), readonly=True) as database:
        repository = TimelineRepository(database)
        if options.search is not None:
            events = [e for e in repository.search(options.search) if e.latest > since and e.earliest < until]
        elif options.since or options.until:
            events = repository.events_between(since, until)
        else:
            events = repository.events()
        if options.entity is not None:
            taking_part = events_with_entity(repository, options.entity)
            events = [event for event in events if event.id in taking_part]
        relations = relations_json(repository, events) if options.json else {}
        pictures = (
            repository.pictures_by_event([e.id for e in events if e.id is not None]) if options.json else {}
        )
    if options.json:
        print(
            json.dumps(
                [
                    _event_json(event)
                    | relations.get(event.id or 0, {})
                    | _images_json(pictures.get(event.id or 0, []))
                    for event in events
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for event in events:
            category = f"  [{event.category}]" if event.category else ""
            print(f"{event.id:>6}  {event.display_when():<34}  {event.title}{category}")
    return EXIT_OK


def _images_json(pictures: list[Picture]) -> dict[str, Any]:
    return {
        "images": [
            {
                "caption": p.caption,
                "credit": p.credit,
                "sha256": p.sha256,
                "width": p.width,
                "height": p.height,
            }
            for p in pictures
        ]
    }


def _event_json(event: Event) -> dict[str, Any]:
    end = event.end
    return {
        "id": event.id,
        "title": event.title,
        "start": event.start.edtf(),
        "end": None if end is None else (end.value if not isinstance(end, HistoricalDate) else end.edtf()),
        "display": event.display_when(),
        "category": event.category,
        "tags": list(event.tags),
        "description": event.description,
        "source": event.source.display(),
        "url": event.url,
        "colour": event.colour,
        "created": event.created,
        "modified": event.modified,
    }


# import / export ------------------------------------------------------------------------


def print_import_report(report: Any, duplicates: int, out: Any = None) -> None:
    """The same report the import preview shows: counts, first rows, every problem."""
    out = out or sys.stdout
    print(report.summary(), file=out)
    if duplicates:
        print(f"{duplicates:,} already in the timeline (same title and dates)", file=out)
    for event in report.preview(10):
        category = f"  [{event.category}]" if event.category else ""
        print(f"  {event.display_when():<34}  {event.title}{category}", file=out)
    if report.row_count > 10:
        print(f"  … and {report.row_count - 10:,} more", file=out)
    for problem in report.problems:
        print(f"rejected: {problem}", file=out)
    for note in report.notes:
        print(f"note: {note}", file=out)


def _import(options: argparse.Namespace) -> int:
    from timeline.importing import import_file
    from timeline.io.formats import read_file
    from timeline.store.database import LOCK_WAIT, open_database
    from timeline.store.repository import TimelineRepository

    path = _database_path(options)
    if options.format == "csl-json":
        return import_csl(path, options.source)
    mapping = _column_mapping(options)
    if not (options.dry_run or options.skip_duplicates):  # written while it is read
        with open_database(path, wait=LOCK_WAIT) as database:
            report, ids = import_file(TimelineRepository(database), options.source, options.format, mapping)
        print_import_report(report, 0)
        print(f"imported {len(ids):,} events into {path}")
        return EXIT_FAILED if report.problems else EXIT_OK
    report = read_file(options.source, options.format, mapping)
    if options.dry_run and not path.exists():
        print_import_report(report, 0)
        return EXIT_FAILED if report.problems else EXIT_OK
    with open_database(path, readonly=options.dry_run, wait=LOCK_WAIT) as database:
        repository = TimelineRepository(database)
        duplicates = set(repository.duplicates_of(report.rows))
        print_import_report(report, len(duplicates))
        if not options.dry_run:
            events = [e for i, e in enumerate(report.rows) if i not in duplicates]
            relations = None if duplicates else report.relations  # positions hold only when all are kept
            ids, _, _ = repository.import_content(
                events,
                report.categories,
                report.eras,
                report.title,
                settings=report.settings,
                relations=relations,
            )
            print(f"imported {len(ids):,} events into {path}")
    return EXIT_FAILED if report.problems else EXIT_OK


def _column_mapping(options: argparse.Namespace) -> Any:
    from timeline.core.dates.parsing import Reading
    from timeline.io.columns import ColumnMapping, parse_column_options

    try:
        columns = parse_column_options(options.column)
    except ValueError as error:
        raise CommandError(str(error)) from None
    if options.century is not None and options.century % 100:
        raise CommandError(f"--century {options.century}: give the first year of a century, e.g. 1900")
    day_first = True if options.day_first else False if options.month_first else None
    return ColumnMapping(columns, Reading(day_first=day_first, century=options.century, single_date=True))


def _export(options: argparse.Namespace) -> int:
    from timeline.io.formats import IMAGES, guess_format, write_csv_file, write_file
    from timeline.store.database import open_database
    from timeline.store.repository import TimelineRepository

    output: Path = options.output
    format = options.format or guess_format(output)
    if format == "csl-json":
        return export_csl(_database_path(options), output)
    if format in IMAGES:
        options.size = "1920x1080"
        return _render(options)
    if options.story and format != "html":
        raise CommandError("--story makes a web page: use it with --format html or an OUT ending in .html")
    since = _parse_option("--from", options.since).earliest if options.since else MIN_INSTANT
    until = _parse_option("--to", options.until).latest if options.until else MAX_INSTANT
    with open_database(_database_path(options), readonly=True) as database:
        repository = TimelineRepository(database)
        if format == "html":
            return _publish(repository, output, since, until, options.story)
        if format == "csv":  # straight from the stored text: no dates to parse, nothing held in memory
            report = write_csv_file(output, repository.export_records(since, until))
        else:
            everything = since == MIN_INSTANT and until == MAX_INSTANT
            events = repository.events() if everything else repository.events_between(since, until)
            report = write_file(
                output,
                format,
                events,
                repository.eras(),
                repository.title,
                repository.categories(),
                settings=repository.settings_with_prefix(""),
                relations=repository.content_relations(events, everything)
                if format in ("json", "timelinejs")
                else None,
            )
    for skipped in report.skipped:
        print(f"skipped: {skipped}", file=sys.stderr)
    print(f"wrote {report.written:,} events to {output}")
    return EXIT_OK


def _publish(repository: Any, output: Path, since: int, until: int, story: bool) -> int:
    from timeline.web.page import write_page
    from timeline.web.publish import page_content

    content = page_content(repository, since, until, open_story=story)
    if story and not content.story:
        raise CommandError("the timeline has no story on this page: add events to it in the app's Story tab")
    written = write_page(output, content)
    slides = f" and a story of {len(content.story)} slides" if content.story else ""
    print(f"wrote a web page of {written:,} events{slides} to {output}")
    return EXIT_OK


# render -----------------------------------------------------------------------------------


def _render(options: argparse.Namespace) -> int:
    import os

    match = re.fullmatch(r"(\d+)x(\d+)", options.size)
    if match is None:
        raise CommandError(f"--size: {options.size!r} is not WIDTHxHEIGHT, e.g. 1920x1080")
    width, height = int(match[1]), int(match[2])
    output: Path = options.output
    if output.suffix.lower() not in (".png", ".svg", ".pdf"):
        raise CommandError(f"-o: {output} must end in .png, .svg or .pdf")
    if not output.parent.is_dir():
        raise CommandError(f"-o: the folder {output.parent} does not exist")
    since = _parse_option("--from", options.since) if options.since else None
    until = _parse_option("--to", options.until) if options.until else None
    if "DISPLAY" not in os.environ and "WAYLAND_DISPLAY" not in os.environ:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QApplication

    from timeline.core.view.period import TimePeriod
    from timeline.ui.document import TimelineDocument
    from timeline.ui.render import RenderError, render_period, render_poster

    app = QApplication.instance() or QApplication(["timeline"])  # noqa: F841 - must outlive the drawing
    document = TimelineDocument(_database_path(options), readonly=True)
    try:
        bounds = document.bounds() or (0.0, 86_400.0 * 365)
        start = since.earliest if since else bounds[0]
        end = until.latest if until else bounds[1]
        if end <= start:
            raise CommandError("--to is before --from")
        period = TimePeriod.around(start, min(end, start + 10**18), margin=0.0 if since and until else 0.05)
        try:
            if getattr(options, "pages", None):
                if output.suffix.lower() != ".pdf":
                    raise CommandError("--pages makes a PDF poster: -o must end in .pdf")
                render_poster(document, period, options.pages, options.paper, output)
            else:
                render_period(document, period, QSize(width, height), output)
        except (RenderError, OSError) as error:
            raise CommandError(str(error)) from None
    finally:
        document.close()
    print(output)
    return EXIT_OK


# check ------------------------------------------------------------------------------------


def _link(options: argparse.Namespace) -> int:
    try:
        return link_command(options, _database_path(options))
    except LinkError as error:
        raise CommandError(str(error)) from None


def _check(options: argparse.Namespace) -> int:
    from timeline.store.check import check_file

    path = _database_path(options)
    if options.consistency:
        return consistency_command(path, options.json)
    problems, count = check_file(path)
    for problem in problems:
        print(f"{path}: {problem}", file=sys.stderr)
    if problems:
        return EXIT_FAILED
    print(f"{path}: OK ({count} events)")
    return EXIT_OK


# install-desktop --------------------------------------------------------------------------


def _install_desktop(options: argparse.Namespace) -> int:
    from timeline.desktop_entry import DesktopInstallError, describe, install, uninstall, xdg_data_home

    try:
        if options.uninstall:
            removed = uninstall()
            print(f"Removed from {xdg_data_home()}:\n{describe(removed)}" if removed else "Nothing to remove")
            return EXIT_OK
        written = install()
    except DesktopInstallError as error:
        raise CommandError(str(error)) from None
    print(f"Timeline is in your desktop's menu; .timeline.db files open with it. Wrote:\n{describe(written)}")
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
