"""Distinct colours for categories that were given none."""

from __future__ import annotations

from collections.abc import Iterable

CATEGORY_PALETTE = (
    "#3b6fb6",  # blue
    "#c0392b",  # red
    "#d68910",  # amber
    "#229954",  # green
    "#8e44ad",  # purple
    "#16a085",  # teal
    "#d35400",  # orange
    "#7f8c8d",  # grey
    "#b03a6f",  # raspberry
    "#2e86c1",  # sky
    "#6e8b1f",  # olive
    "#5d4037",  # brown
)
"""Saturated enough to tell apart, dark enough for white labels, readable on light and dark."""


def colour_for(index: int) -> str:
    return CATEGORY_PALETTE[index % len(CATEGORY_PALETTE)]


NEUTRALS = ("#8d8a84", "#9a9690", "#7c7a76", "#a7a39c")
"""Warm greys for events without a category: quiet beside the palette, never one of its colours."""

UNCATEGORISED_NAME = "Uncategorised"


def neutral_colour(used: Iterable[str]) -> str:
    """A neutral colour that no category in ``used`` has (compared case-insensitively)."""
    taken = {colour.lower() for colour in used}
    return next((colour for colour in NEUTRALS if colour not in taken), NEUTRALS[0])


def _channel(value: int) -> float:
    share = value / 255
    return share / 12.92 if share <= 0.04045 else ((share + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a ``#rrggbb`` colour, 0 (black) to 1 (white)."""
    text = colour.lstrip("#")
    red, green, blue = (int(text[index : index + 2], 16) for index in (0, 2, 4))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two colours, 1 (none) to 21 (black on white); text wants 4.5."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def readable_on(background: str, dark: str = "#111111", light: str = "#ffffff") -> str:
    """Whichever of ``dark`` and ``light`` text reads better on ``background``."""
    return dark if contrast_ratio(dark, background) >= contrast_ratio(light, background) else light
