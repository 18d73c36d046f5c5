"""The application's icon, drawn once from ``resources/timeline.svg``.

One SVG serves every size (16 px in a title bar, 256 px in a launcher); Qt's SVG image plugin
renders it for each size asked, so there is no set of PNGs to keep in step.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from timeline.workspace import resource_path

ICON_NAME = "timeline.svg"


@cache
def app_icon() -> QIcon:
    """The Timeline icon for windows, dialogs and the application (empty if the file is missing)."""
    try:
        return QIcon(str(resource_path(ICON_NAME)))
    except FileNotFoundError:
        return QIcon()
