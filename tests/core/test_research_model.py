"""Entities, citations and links as values: what they accept, refuse and how they read."""

from __future__ import annotations

import pytest

from timeline.core.dates.dates import OpenEnd
from timeline.core.dates.edtf import read_edtf_date
from timeline.core.model import ORGANISATION, PLACE, Entity, Event, EventLink, Source


def test_an_entity_keeps_its_kind_in_one_spelling_and_accepts_kinds_of_its_own() -> None:
    assert Entity("NATO", "Organization").kind == ORGANISATION
    assert Entity("HMS Victory", "  Ship ").kind == "ship"
    with pytest.raises(ValueError, match="needs a name"):
        Entity("  ")
    with pytest.raises(ValueError, match="needs a kind"):
        Entity("Nobody", " ")


def test_a_place_takes_wgs84_coordinates_in_range_and_both_or_neither() -> None:
    bucharest = Entity("Bucharest", PLACE, latitude=44.4268, longitude=26.1025)
    assert (bucharest.latitude, bucharest.longitude) == (44.4268, 26.1025)
    with pytest.raises(ValueError, match="both latitude and longitude"):
        Entity("Half", PLACE, latitude=1.0)
    with pytest.raises(ValueError, match="latitude 91"):
        Entity("North of north", PLACE, latitude=91.0, longitude=0.0)
    with pytest.raises(ValueError, match="longitude -181"):
        Entity("West of west", PLACE, latitude=0.0, longitude=-181.0)


def test_a_life_is_an_interval_of_historical_dates() -> None:
    caesar = Entity("Julius Caesar", start=read_edtf_date("-0099-07-12"), end=read_edtf_date("-0043-03-15"))
    assert caesar.display_life() == "12 July 100 BC – 15 March 44 BC"
    assert caesar.earliest == read_edtf_date("-0099-07-12").earliest
    assert caesar.latest == read_edtf_date("-0043-03-15").latest
    assert Entity("Jens Stoltenberg", start=read_edtf_date("1959-03-16")).display_life().startswith("b. ")
    assert Entity("NATO", ORGANISATION, start=read_edtf_date("1949"), end=OpenEnd.OPEN).latest is None
    with pytest.raises(ValueError, match="Backwards"):
        Entity("Backwards", start=read_edtf_date("2000"), end=read_edtf_date("1990"))


def test_an_entity_is_called_by_its_name_and_aliases_whatever_the_case() -> None:
    octavian = Entity("Augustus", aliases=("Octavian", "Gaius Octavius"))
    assert octavian.is_called("octavian")
    assert octavian.is_called("Gaius  Octavius")
    assert not octavian.is_called("Tiberius")


def test_a_citation_is_a_source_record_plus_its_page_and_quote() -> None:
    book = Source(
        author="Mary Beard", title="SPQR", year="2015", publisher="Profile", identifier="ISBN 9781846683800"
    )
    cited = book.cited("82", "Rome was not built in a day")
    assert cited.record == book
    assert cited.display() == "Mary Beard, SPQR, Profile 2015, p. 82, ISBN 9781846683800"
    assert Source("free text only").display() == "free text only"
    assert not Source()
    assert Source(quote="a quote")
    assert Source(identifier="doi:10.1000/182").label() == "doi:10.1000/182"


def test_links_are_typed_directed_and_read_both_ways() -> None:
    link = EventLink(1, 2, "Led-To", "the treaty followed the war")
    assert link.type == "led to"
    assert link.reads_from(1) == "led to"
    assert link.reads_from(2) == "followed from"
    assert link.other(2) == 1
    assert EventLink(1, 2, "inspired").reads_from(2) == "inspired (from)"
    with pytest.raises(ValueError, match="itself"):
        EventLink(3, 3, "caused")
    with pytest.raises(ValueError, match="needs a type"):
        EventLink(3, 4, " - ")


def test_an_event_cannot_be_its_own_parent() -> None:
    with pytest.raises(ValueError, match="part of itself"):
        Event("Loop", read_edtf_date("2000"), id=5, parent_id=5)
    assert Event("Battle", read_edtf_date("1815"), id=6, parent_id=5).parent_id == 5
