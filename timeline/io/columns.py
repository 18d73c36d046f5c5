"""Which column of a spreadsheet holds which of our fields: proposed from the header and the cells.

Spreadsheets of dated events come with their makers' own headers (``subject, start time``;
``date, end_date``; ``label, hdate``; ``Titre, Date de début``). A :class:`ColumnMapping` says
which header holds each field; :func:`propose_mapping` proposes one from header names in several
languages and, for what the names leave open, from the cells (a column whose cells read as dates
holds the start, a second one the end). Separate year, month and day columns, a date column with
a time column beside it, and a column of dates as the source wrote them are fields too.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from timeline.core.dates.dates import DateError
from timeline.core.dates.parsing import Reading, parse

FIELDS = (
    "title", "start", "end", "category", "tags", "description", "source", "url", "colour",
    "year", "month", "day", "time", "end_year", "end_month", "end_day", "end_time", "display_date",
)  # fmt: skip
"""Every field a column can hold, in the order the preview lists them."""

FIELD_LABELS = {
    "title": "Title", "start": "Start", "end": "End", "category": "Category", "tags": "Tags",
    "description": "Description", "source": "Source", "url": "Link", "colour": "Colour",
    "year": "Year", "month": "Month", "day": "Day", "time": "Time", "end_year": "End year",
    "end_month": "End month", "end_day": "End day", "end_time": "End time",
    "display_date": "Date as written",
}  # fmt: skip

_NAMES: dict[str, tuple[str, ...]] = {
    "title": (
        "title",
        "headline",
        "name",
        "event",
        "subject",
        "label",
        "summary",
        "what",
        "event name",
        "titre",
        "nom",
        "evenement",
        "sujet",
        "intitule",
        "titel",
        "ereignis",
        "bezeichnung",
        "betreff",
        "titulo",
        "nombre",
        "evento",
        "asunto",
        "titolo",
        "nome",
        "oggetto",
        "naam",
        "gebeurtenis",
        "onderwerp",
        "nazwa",
        "tytul",
        "wydarzenie",
        "название",
        "событие",
        "заголовок",
    ),
    "start": (
        "start",
        "start date",
        "startdate",
        "begin",
        "begins",
        "from",
        "date",
        "when",
        "hdate",
        "dtstart",
        "start time",
        "date start",
        "date de debut",
        "debut",
        "date",
        "datum",
        "beginn",
        "anfang",
        "von",
        "startdatum",
        "fecha",
        "fecha de inicio",
        "inicio",
        "desde",
        "data",
        "data di inizio",
        "inizio",
        "data de inicio",
        "van",
        "begindatum",
        "data poczatkowa",
        "od",
        "дата",
        "начало",
        "дата начала",
    ),
    "end": (
        "end",
        "end date",
        "enddate",
        "to",
        "until",
        "finish",
        "ends",
        "end time",
        "date end",
        "dtend",
        "date de fin",
        "fin",
        "ende",
        "bis",
        "enddatum",
        "fecha de fin",
        "fecha final",
        "hasta",
        "data di fine",
        "fine",
        "data de fim",
        "fim",
        "tot",
        "einde",
        "einddatum",
        "data koncowa",
        "koniec",
        "do",
        "конец",
        "дата окончания",
    ),
    "category": (
        "category",
        "group",
        "type",
        "kind",
        "categorie",
        "groupe",
        "kategorie",
        "gruppe",
        "art",
        "categoria",
        "grupo",
        "tipo",
        "gruppo",
        "categorie",
        "groep",
        "kategoria",
        "категория",
    ),
    "tags": ("tags", "tag", "keywords", "labels", "mots cles", "etiquettes", "schlagworter", "etiquetas"),
    "description": (
        "description",
        "text",
        "notes",
        "note",
        "details",
        "body",
        "comment",
        "comments",
        "summary text",
        "texte",
        "remarque",
        "remarques",
        "observations",
        "bemerkung",
        "bemerkungen",
        "beschreibung",
        "anmerkungen",
        "descripcion",
        "notas",
        "descrizione",
        "note",
        "descricao",
        "omschrijving",
        "beschrijving",
        "opis",
        "описание",
    ),
    "source": (
        "source",
        "sources",
        "citation",
        "reference",
        "references",
        "credit",
        "media credit",
        "quelle",
        "fuente",
        "fonte",
        "bron",
        "zrodlo",
        "источник",
    ),
    "url": ("url", "link", "web", "website", "href", "lien", "enlace", "collegamento", "ссылка"),
    "colour": ("colour", "color", "background", "farbe", "couleur", "цвет"),
    "year": ("year", "annee", "jahr", "ano", "anno", "jaar", "rok", "год"),
    "month": ("month", "mois", "monat", "mes", "mese", "maand", "miesiac", "месяц"),
    "day": ("day", "jour", "tag des monats", "dia", "giorno", "dag", "dzien", "день"),
    "time": ("time", "heure", "uhrzeit", "zeit", "hora", "ora", "tijd", "время"),
    "end_year": ("end year", "end_year"),
    "end_month": ("end month",),
    "end_day": ("end day",),
    "end_time": ("end time",),
    "display_date": ("display date", "date as written", "date text", "written date", "as written"),
}
_TIME_BESIDE = {"start time": ("start", "time"), "end time": ("end", "end_time")}
"""Calendar exports write ``Start Date, Start Time``: a time column beside the date column."""

_AS_WRITTEN = Reading()
_PERMISSIVE = Reading(day_first=True, century=1900)
"""To tell whether a cell looks like a date at all, not how to read it."""


def normal_header(text: str) -> str:
    """A header for matching: lower case, no accents, ``_`` and ``-`` as spaces."""
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.replace("_", " ").replace("-", " ").replace(".", " ").split())


_FIELD_OF_NAME: dict[str, str] = {}
for _field, _names in _NAMES.items():
    for _name in _names:
        _FIELD_OF_NAME.setdefault(normal_header(_name), _field)


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    """Field → the header of the column that holds it, and how to read what dates leave open."""

    columns: Mapping[str, str] = field(default_factory=dict)
    reading: Reading = _AS_WRITTEN
    complete: bool = False
    """The user chose every column (in the preview): nothing more is proposed. Otherwise (the
    command line's ``--column``) the columns not named are proposed as usual."""

    def positions(self, headers: Sequence[str]) -> tuple[str, ...]:
        """The field each column holds, in the order of ``headers`` (``""`` for none)."""
        field_of = {header: name for name, header in self.columns.items()}
        return tuple(field_of.get(header, "") for header in headers)

    def describe(self) -> str:
        """``title=subject, start=date``: as ``--column`` takes it."""
        return ", ".join(f"{name}={self.columns[name]}" for name in FIELDS if name in self.columns)

    def missing(self) -> list[str]:
        """What an event needs that no column gives: a title, and a start (or a year)."""
        lacking = [] if "title" in self.columns else ["title"]
        if not {"start", "year"} & set(self.columns):
            lacking.append("start")
        return lacking


def propose_mapping(
    headers: Sequence[str], rows: Sequence[Sequence[str]] = (), given: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Field → header for a file's header row and a sample of its rows.

    ``given`` (what the user chose) is kept as it is; the rest is proposed by name first, then
    by the cells: the first columns of dates are the start and end, the first column of text
    the title.
    """
    mapping = dict(given or {})
    taken = set(mapping.values())
    normal = {header: normal_header(header) for header in headers}
    for header in headers:  # names that say it all, first come first served
        name = _FIELD_OF_NAME.get(normal[header])
        if name and name not in mapping and header not in taken and normal[header] not in _TIME_BESIDE:
            mapping[name] = header
            taken.add(header)
    for header in headers:
        beside = _TIME_BESIDE.get(normal[header])
        if beside and header not in taken:
            date_field, time_field = beside
            name = time_field if date_field in mapping else date_field
            if name not in mapping:
                mapping[name] = header
                taken.add(header)
    columns = list(zip(*rows, strict=False)) if rows else []
    free = [index for index, header in enumerate(headers) if header not in taken and index < len(columns)]
    dated = [index for index in free if _mostly_dates(columns[index])]
    for name in ("start", "end"):
        if name not in mapping and not (name == "start" and "year" in mapping) and dated:
            index = dated.pop(0)
            mapping[name] = headers[index]
            taken.add(headers[index])
    if "title" not in mapping:
        texts = [i for i in free if headers[i] not in taken and _mostly_text(columns[i])]
        if texts:
            mapping["title"] = headers[texts[0]]
    return mapping


def _filled(cells: Sequence[str]) -> list[str]:
    return [cell.strip() for cell in cells if cell and cell.strip()]


def _mostly_dates(cells: Sequence[str]) -> bool:
    filled = _filled(cells)[:50]
    if not filled:
        return False
    dates = 0
    for cell in filled:
        try:
            parse(cell, reading=_PERMISSIVE)
        except DateError:
            continue
        dates += 1
    return dates >= 0.6 * len(filled) and any(not cell.isdigit() or len(cell) >= 3 for cell in filled)


def _mostly_text(cells: Sequence[str]) -> bool:
    filled = _filled(cells)[:50]
    return bool(filled) and sum(any(c.isalpha() for c in cell) for cell in filled) >= 0.6 * len(filled)


def parse_column_options(options: Sequence[str]) -> dict[str, str]:
    """``--column title=subject`` options as field → header; a :class:`ValueError` says what is wrong."""
    chosen: dict[str, str] = {}
    for option in options:
        name, equals, header = option.partition("=")
        name = name.strip().lower().replace("-", "_").replace(" ", "_")
        name = {"color": "colour", "link": "url", "display": "display_date"}.get(name, name)
        if not equals or not header.strip():
            raise ValueError(f"--column {option!r}: write FIELD=HEADER, e.g. title=subject")
        if name not in FIELDS:
            raise ValueError(f"--column {option!r}: {name!r} is not a field (one of {', '.join(FIELDS)})")
        chosen[name] = header.strip()
    return chosen
