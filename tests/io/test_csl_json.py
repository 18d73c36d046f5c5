"""CSL-JSON as Zotero exports it: read as sources, written back without losing a field."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from timeline.io.csl_json import csl_items, read_csl_json, sources_from_csl, write_csl_json
from timeline.io.report import FormatError

ZOTERO = Path(__file__).parent.parent / "data" / "io" / "zotero-export.json"


def test_a_zotero_export_reads_as_sources_with_authors_years_and_identifiers() -> None:
    book, article, page = read_csl_json(ZOTERO)
    assert (book.author, book.title, book.year, book.publisher) == (
        "Mary Beard",
        "SPQR: A History of Ancient Rome",
        "2015",
        "Profile Books",
    )
    assert book.identifier == "ISBN 978-1-84668-380-0"
    assert article.author == "Anne Smith, Jan van Dijk and NATO Historical Office"
    assert (article.year, article.identifier) == ("2003", "doi:10.1080/14794010308656")
    assert page.url.startswith("https://www.nato.int/")
    assert page.locator == "NATO, Press release (2008) 049"


def test_exporting_what_was_imported_gives_back_every_field(tmp_path: Path) -> None:
    out = tmp_path / "sources.json"
    assert write_csl_json(read_csl_json(ZOTERO), out) == 3
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(ZOTERO.read_text(encoding="utf-8"))


def test_fields_edited_here_replace_the_imported_ones_and_the_rest_stays() -> None:
    book = read_csl_json(ZOTERO)[0]
    edited = replace(book, title="SPQR", year="2016", author="Mary Beard and Tom Holland")
    (item,) = csl_items([edited])
    assert item["title"] == "SPQR"
    assert item["issued"] == {"date-parts": [[2016]]}
    assert item["author"] == [{"family": "Beard", "given": "Mary"}, {"family": "Holland", "given": "Tom"}]
    assert item["publisher-place"] == "London"
    assert sources_from_csl([item])[0].title == "SPQR"


def test_a_source_made_here_becomes_an_item_of_a_fitting_type() -> None:
    from timeline.core.model import Source

    (item,) = csl_items([Source(title="Notes", url="https://example.org", identifier="doi:10.1/x", id=7)])
    assert item == {
        "id": "source-7",
        "type": "webpage",
        "title": "Notes",
        "URL": "https://example.org",
        "DOI": "10.1/x",
    }


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"items": 3}, "item 1: has neither title"),
        ("text", "holds a list of items"),
        ([{"title": 5.5}, 3], "item 2: an item must be an object"),
        ([{"title": "A", "author": "Beard"}], "item 1: 'author' must be a list of names"),
        ([{"title": "A", "issued": {"date-parts": "2015"}}], "item 1: 'issued' date-parts"),
        ([{"title": ["A"]}], "item 1: 'title' must be text"),
    ],
)
def test_what_is_not_csl_json_is_refused_naming_the_item(data: object, message: str) -> None:
    with pytest.raises(FormatError, match=message):
        sources_from_csl(data, "refs.json")
