"""Searching through the panel: ranking, highlighting, hostile text, and choosing a result."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from timeline.core.dates.parsing import parse_date
from timeline.core.model import Event
from timeline.ui.app import MainWindow
from timeline.ui.panels.search import SearchPanel, marked_html


def search(qtbot, panel: SearchPanel, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    panel.field.setFocus()
    panel.field.clear()
    if text.isascii():
        qtbot.keyClicks(panel.field, text)
    else:  # QTest cannot type characters outside the basic plane
        panel.field.setText(text)
    panel.run()
    return [panel.results.item(i).text() for i in range(panel.results.count())]


def test_results_as_you_type_with_titles_ranked_first(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    titles = search(qtbot, window.search, "bucharest")
    assert set(titles) == {"Bucharest summit declaration", "NATO foreign ministers meet in Bucharest"}
    assert window.search.count.text() == "2 matches"
    titles = search(qtbot, window.search, "ukr*")
    assert len(titles) == 8
    assert titles[:2] == ["Strikes on Ukraine's power grid", "Full-scale invasion of Ukraine"]  # in the title


def test_phrases_prefixes_and_words(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert search(qtbot, window.search, '"power grid"') == ["Strikes on Ukraine's power grid"]
    assert search(qtbot, window.search, '"grid power"') == []
    assert search(qtbot, window.search, "vilniu*") == ["Vilnius summit"]
    assert set(search(qtbot, window.search, "nato membership")) == {
        "Vilnius summit",
        "Bucharest summit declaration",
        "NATO foreign ministers meet in Bucharest",
    }
    assert search(qtbot, window.search, "nato crimea") == []


@pytest.mark.parametrize("text", ['"', "a OR", "(", "NEAR(", "title:x", "-nato", "*", 'AND "', "💥", "\\"])
def test_any_text_is_safe(qtbot, window: MainWindow, text: str) -> None:  # type: ignore[no-untyped-def]
    search(qtbot, window.search, text)


def test_matched_words_are_bold_and_the_rest_escaped() -> None:
    assert marked_html("a <b> \x02NATO\x03 & co") == "a &lt;b&gt; <b>NATO</b> &amp; co"


def test_enter_and_f3_bring_results_into_view(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    search(qtbot, window.search, "summit")
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    first = window.canvas.selected
    assert first is not None
    assert window.document.get_event(first).title == window.search.results.item(0).text()
    window.find_next_action.trigger()
    second = window.canvas.selected
    assert (
        second != first
        and window.document.get_event(second or 0).title == window.search.results.item(1).text()
    )
    window.find_previous_action.trigger()
    assert window.canvas.selected == first
    event = window.document.get_event(first)
    centre = (event.earliest + min(event.latest, event.earliest + 10**18)) / 2
    assert window.canvas.period.centre == pytest.approx(centre, rel=1e-9)


def test_results_follow_edits(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from timeline.ui.commands import AddEvents, perform

    assert search(qtbot, window.search, "Zelensky") == []
    perform(AddEvents(window.document, [Event("Zelensky in Vilnius", parse_date("2023-07-11"))]))
    qtbot.waitUntil(lambda: window.search.results.count() == 1)


def test_ctrl_f_shows_and_focuses_the_search(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.find_action.trigger()
    assert window.search_dock.isVisible()
    assert window.search.field.hasFocus()


def shown_titles(qtbot, window: MainWindow) -> set[str]:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.canvas.frame_painted):
        window.canvas.update()
    frame = window.canvas.frame
    assert frame is not None
    return {box.span.title for box in frame.scene.boxes}


def test_filters_combine_with_the_search_and_hide_or_fade(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel = window.search
    panel.filters.setChecked(True)
    for row in range(panel.filters.categories.count()):
        item = panel.filters.categories.item(row)
        if item.text() != "diplomacy":
            item.setCheckState(Qt.CheckState.Unchecked)
    panel.run()
    assert shown_titles(qtbot, window) == {
        "Bucharest summit declaration",
        "Minsk II agreement",
        "NATO foreign ministers meet in Bucharest",
        "Vilnius summit",
    }
    assert panel.count.text() == "4 events match"
    assert search(qtbot, panel, "bucharest") == [
        "Bucharest summit declaration",
        "NATO foreign ministers meet in Bucharest",
    ]
    panel.filters.tags.setText("energy")
    panel.run()
    assert shown_titles(qtbot, window) == {"NATO foreign ministers meet in Bucharest"}
    panel.filters.others.setCurrentIndex(1)  # fade instead of hide
    assert len(shown_titles(qtbot, window)) == 8
    assert len(window.canvas.frame.faded) == 7  # type: ignore[union-attr]
    panel.filters.setChecked(False)
    panel.field.clear()
    panel.run()
    assert len(shown_titles(qtbot, window)) == 8 and window.canvas.frame.faded == frozenset()  # type: ignore[union-attr]


def test_only_doubtful_dates_and_a_period(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from timeline.core.filters import EventFilter

    repository = window.document.repository
    titles = {e.id: e.title for e in repository.events()}
    doubtful = repository.matching_ids(EventFilter(only_doubtful=True))
    assert {titles[i] for i in doubtful} == {"Strikes on Ukraine's power grid"}
    year = parse_date("2014")
    in_2014 = repository.matching_ids(EventFilter(earliest=year.earliest, latest=year.latest))
    assert {titles[i] for i in in_2014} == {"Annexation of Crimea", "War in Donbas begins"}


def test_a_saved_view_brings_back_its_period_and_filter(qtbot, window: MainWindow, sample_path) -> None:  # type: ignore[no-untyped-def]
    from timeline.core.view.period import TimePeriod

    window.canvas.set_period(TimePeriod.around(parse_date("2014").earliest, parse_date("2016").latest))
    search(qtbot, window.search, "ukraine")
    window.search.filters.setChecked(True)
    window.search.filters.doubtful.setChecked(True)
    window.save_view("Doubtful Ukraine")
    chosen = window.canvas.period
    window.search.filters.setChecked(False)
    window.search.field.clear()
    window.canvas.fit_all()
    assert window.show_view("Doubtful Ukraine")
    assert window.canvas.period == chosen
    assert window.search.field.text() == "ukraine"
    assert window.search.filters.doubtful.isChecked()
    assert window.search.matching is not None and len(window.search.matching) == 1
    window.views_menu.aboutToShow.emit()
    assert "Doubtful Ukraine" in [action.text() for action in window.views_menu.actions()]
    window.delete_view("Doubtful Ukraine")
    assert not window.show_view("Doubtful Ukraine")
