"""The main window through its actions: list and canvas in step, details, go to, export, memory."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QSize, QUrl
from PySide6.QtGui import QImage

from timeline.core.dates.dates import DateError
from timeline.core.dates.parsing import parse_date
from timeline.core.view.period import TimePeriod
from timeline.ui.app import MainWindow
from timeline.ui.document import TimelineDocument
from timeline.ui.panels.details import is_safe_link
from timeline.ui.render import RenderError, render_period


def test_selecting_in_the_list_selects_on_the_canvas_and_shows_details(window: MainWindow) -> None:
    window.event_list.selectRow(7)
    vilnius = window.event_model.event_at(7)
    assert vilnius is not None and vilnius.title == "Vilnius summit"
    assert window.canvas.selected == vilnius.id
    assert "Vilnius summit" in window.details.toPlainText()
    assert "11–12 July 2023" in window.details.toPlainText()


def test_selecting_on_the_canvas_selects_in_the_list(window: MainWindow) -> None:
    crimea = window.event_model.event_at(1)
    assert crimea is not None and crimea.id is not None
    window.canvas.select(crimea.id)
    assert window.event_list.currentIndex().row() == 1
    window.canvas.select(None)
    assert window.details.toPlainText() == ""


def test_the_status_bar_tells_the_period_and_the_count(window: MainWindow) -> None:
    window.show_date("2022")
    assert window.count_label.text() == "3 events in view"
    assert window.period_label.text() == "1 October 2021 – 2 April 2023"


def test_go_to_date_frames_the_date(window: MainWindow) -> None:
    window.show_date("44 BC")
    period = window.canvas.period
    assert period.contains(parse_date("15 March 44 BC").earliest)
    assert period.width < 2 * 31_556_952
    with pytest.raises(DateError):
        window.show_date("the day after never")


def test_window_and_period_are_restored(qtbot, sample_path: Path, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    chosen = TimePeriod.around(parse_date("2014").earliest, parse_date("2015").latest)
    first = MainWindow(TimelineDocument(sample_path), settings)
    qtbot.addWidget(first)
    first.canvas.set_period(chosen)
    first.close()
    second = MainWindow(TimelineDocument(sample_path), settings)
    qtbot.addWidget(second)
    assert second.canvas.period.start == pytest.approx(chosen.start)
    assert second.canvas.period.end == pytest.approx(chosen.end)
    second.close()


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_export_view_writes_each_format(window: MainWindow, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"view{suffix}"
    render_period(window.document, window.canvas.period, QSize(800, 400), path)
    data = path.read_bytes()
    assert data.startswith({".png": b"\x89PNG", ".svg": b"<?xml", ".pdf": b"%PDF"}[suffix])
    if suffix == ".png":
        assert QImage(str(path)).size() == QSize(800, 400)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_failed_export_leaves_the_old_file(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "view.png"
    path.write_bytes(b"old picture")
    with pytest.raises(RenderError, match="between 100 and 20,000"):
        render_period(window.document, window.canvas.period, QSize(50, 50), path)
    with pytest.raises(RenderError, match="unknown picture format"):
        render_period(window.document, window.canvas.period, QSize(500, 500), tmp_path / "view.gif")
    assert path.read_bytes() == b"old picture"


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://nato.int", True),
        ("http://x.org", True),
        ("mailto:a@b.org", True),
        ("file:///etc/passwd", False),
        ("javascript:alert(1)", False),
        ("data:text/html,hi", False),
    ],
)
def test_only_web_and_mail_links_are_followed(url: str, safe: bool) -> None:
    assert is_safe_link(QUrl(url)) is safe


def test_new_timeline_creates_an_empty_file_in_a_new_window(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    from timeline.ui import app

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "notes"), ""))
    window.new_file()
    created = tmp_path / "notes.timeline.db"
    assert created.exists()
    new_window = app._windows[-1]
    assert new_window.document.path == created and new_window.document.event_count() == 0
    new_window.close()
