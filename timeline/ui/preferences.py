"""The user's preferences: kept in QSettings, and applied to the app and every open window.

Date order settles numeric dates such as ``11/07/2023`` wherever a date is typed; the default
zoom is the first view of a file that has no remembered view; the timeline's font size and the
theme change the canvas and the windows at once; the presentation colours are used the next
time a presentation starts.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

from timeline.core.dates.parsing import Reading
from timeline.core.view.period import TimePeriod

DATE_ORDERS = {
    "ask": ("Refuse ambiguous dates such as 11/07/2023", None),
    "day-first": ("Day first: 11/07/2023 is 11 July", True),
    "month-first": ("Month first: 11/07/2023 is 7 November", False),
}
ZOOMS = {
    "fit": "All events",
    "year": "This year",
    "decade": "The last ten years",
    "century": "The last hundred years",
}
THEMES = {"system": "As the system", "light": "Light", "dark": "Dark"}
PRESENTATION_COLOURS = {"light": "Black on white (a lit room)", "dark": "White on black (a dark room)"}

_YEAR = 365.2425 * 86_400


@dataclass(frozen=True)
class Preferences:
    """What the Preferences window sets; ``font_size`` 0 is the system's size."""

    date_order: str = "ask"
    default_zoom: str = "fit"
    font_size: float = 0.0
    theme: str = "system"
    presentation: str = "light"

    @property
    def reading(self) -> Reading:
        return Reading(day_first=DATE_ORDERS.get(self.date_order, DATE_ORDERS["ask"])[1])

    def first_period(self, now: float | None = None) -> TimePeriod | None:
        """The default zoom as a period, or None for "all events" (the canvas fits them)."""
        now = time.time() if now is None else now
        years = {"year": 1, "decade": 10, "century": 100}.get(self.default_zoom)
        if years is None:
            return None
        return TimePeriod.around(now - years * _YEAR, now, margin=0.02)


def load_preferences(settings: QSettings) -> Preferences:
    """The saved preferences; an unknown or damaged value falls back to its default."""
    defaults = Preferences()

    def choice(key: str, choices: Mapping[str, object], default: str) -> str:
        value = settings.value(f"preferences/{key}", default)
        return value if isinstance(value, str) and value in choices else default

    try:
        size = float(settings.value("preferences/font_size", 0.0))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        size = 0.0
    return Preferences(
        date_order=choice("date_order", DATE_ORDERS, defaults.date_order),
        default_zoom=choice("default_zoom", ZOOMS, defaults.default_zoom),
        font_size=size if 6 <= size <= 48 else 0.0,
        theme=choice("theme", THEMES, defaults.theme),
        presentation=choice("presentation", PRESENTATION_COLOURS, defaults.presentation),
    )


def save_preferences(settings: QSettings, preferences: Preferences) -> None:
    for key, value in (
        ("date_order", preferences.date_order),
        ("default_zoom", preferences.default_zoom),
        ("font_size", preferences.font_size),
        ("theme", preferences.theme),
        ("presentation", preferences.presentation),
    ):
        settings.setValue(f"preferences/{key}", value)
    settings.sync()


def timeline_font(base: QFont, preferences: Preferences) -> QFont:
    font = QFont(base)
    if preferences.font_size:
        font.setPointSizeF(preferences.font_size)
    return font


_system_palette: QPalette | None = None


def apply_theme(theme: str) -> None:
    """Light or dark colours for every window, or the system's; the canvas follows the palette."""
    global _system_palette
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return
    if _system_palette is None:
        _system_palette = QPalette(QGuiApplication.palette())
    hints = QGuiApplication.styleHints()
    if theme == "dark":
        hints.setColorScheme(Qt.ColorScheme.Dark)
        QGuiApplication.setPalette(dark_palette())
    elif theme == "light":
        hints.setColorScheme(Qt.ColorScheme.Light)
        QGuiApplication.setPalette(light_palette())
    else:
        hints.unsetColorScheme()
        QGuiApplication.setPalette(_system_palette)


def _palette(colours: dict[QPalette.ColorRole, str], disabled_text: str) -> QPalette:
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled_text))
    return palette


def light_palette() -> QPalette:
    role = QPalette.ColorRole
    return _palette(
        {
            role.Window: "#efefef",
            role.WindowText: "#1a1a1a",
            role.Base: "#ffffff",
            role.AlternateBase: "#f5f5f5",
            role.Text: "#1a1a1a",
            role.Button: "#e8e8e8",
            role.ButtonText: "#1a1a1a",
            role.Highlight: "#3b6fb6",
            role.HighlightedText: "#ffffff",
            role.ToolTipBase: "#ffffdc",
            role.ToolTipText: "#1a1a1a",
            role.PlaceholderText: "#767676",
            role.Link: "#1f5fbf",
            role.Mid: "#b8b8b8",
        },
        "#8a8a8a",
    )


def dark_palette() -> QPalette:
    role = QPalette.ColorRole
    return _palette(
        {
            role.Window: "#2b2b2b",
            role.WindowText: "#e8e8e8",
            role.Base: "#1e1e1e",
            role.AlternateBase: "#262626",
            role.Text: "#e8e8e8",
            role.Button: "#353535",
            role.ButtonText: "#e8e8e8",
            role.Highlight: "#4a7fd0",
            role.HighlightedText: "#ffffff",
            role.ToolTipBase: "#3a3a3a",
            role.ToolTipText: "#e8e8e8",
            role.PlaceholderText: "#8f8f8f",
            role.Link: "#8ab4f8",
            role.Mid: "#4a4a4a",
        },
        "#7a7a7a",
    )


def presentation_palette(base: QPalette, colours: str) -> QPalette | None:
    """White on black for a dark room; None keeps the presentation's own black on white."""
    if colours != "dark":
        return None
    palette = QPalette(base)
    role = QPalette.ColorRole
    for which, colour in (
        (role.Base, "#000000"),
        (role.Window, "#111111"),
        (role.Text, "#ffffff"),
        (role.WindowText, "#ffffff"),
        (role.Highlight, "#ffd34d"),
    ):
        palette.setColor(which, QColor(colour))
    return palette
