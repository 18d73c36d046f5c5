"""Distinct colours for categories that were given none."""

from __future__ import annotations

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
