"""File → Publish as Web Page… from the main window: the options, the file, and what is on it."""

from __future__ import annotations

import json
import re
from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from timeline.core.view.period import TimePeriod
from timeline.ui.dialogs.publish import PublishOptions


def embedded_titles(path: Path) -> list[str]:
    page = path.read_text(encoding="utf-8")
    match = re.search(r'<script type="application/json" id="timeline-data">(.*?)</script>', page, re.S)
    assert match is not None
    titles: list[str] = json.loads(match[1])["events"]["title"]
    return titles


def test_publish_the_period_in_view(window, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window.canvas.set_period(TimePeriod.around(1.38e9, 1.45e9))  # September 2013 to December 2015
    chosen: list[PublishOptions] = []

    def accept_in_view(dialog: PublishOptions) -> int:
        chosen.append(dialog)
        assert not dialog.story.isEnabled()  # the sample has no story yet
        dialog.in_view.setChecked(True)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(PublishOptions, "exec", accept_in_view)
    target = tmp_path / "page"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args, **_kw: (str(target), ""))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: told.append(box.text()) or 0)
    window.publish_action.trigger()
    written = tmp_path / "page.html"
    assert chosen and told == ["Published 3 events to page.html."]
    assert embedded_titles(written) == ["Annexation of Crimea", "War in Donbas begins", "Minsk II agreement"]


def test_a_cancelled_publish_writes_nothing(window, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(PublishOptions, "exec", lambda _dialog: QDialog.DialogCode.Rejected.value)
    asked: list[object] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **_kw: asked.append(args) or ("", ""))
    window.publish_action.trigger()
    assert asked == [] and list(tmp_path.glob("*.html")) == []
