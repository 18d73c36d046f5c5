"""Where the rows of the canvas are: the axis, the eras' names, the lanes, the overflow and the legend."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Geometry:
    """Where the rows of the canvas are, in pixels, from the font's size."""

    width: float
    height: float
    line_height: float
    lane_height: float
    lane_offset: float = 0.0
    """Lanes that do not fill the height start this much lower, so the events sit in the view."""

    @property
    def marker_size(self) -> float:
        """Markers grow with the type, so that large print keeps its shapes in proportion."""
        return max(10.0, round(self.line_height * 0.6))

    @property
    def major_row(self) -> tuple[float, float]:
        return 0.0, self.line_height + 8

    @property
    def minor_row(self) -> tuple[float, float]:
        top = self.major_row[1]
        return top, top + self.line_height + 8

    @property
    def axis_bottom(self) -> float:
        return self.minor_row[1]

    @property
    def era_row(self) -> tuple[float, float]:
        top = self.axis_bottom + 4
        return top, top + self.line_height + 4

    @property
    def lanes_top(self) -> float:
        return self.era_row[1] + 4 + self.lane_offset

    @property
    def legend_row(self) -> tuple[float, float]:
        """The bottom strip: the categories' colours, out of the way of every event."""
        return self.height - self.line_height - 10, self.height

    @property
    def overflow_row(self) -> tuple[float, float]:
        """Above the legend: the ``+N`` pills of events that found no lane."""
        bottom = self.legend_row[0]
        return bottom - self.line_height - 14, bottom

    @property
    def compact_lane_height(self) -> float:
        return self.line_height + 12

    @property
    def tallest_lane_height(self) -> float:
        """Lanes spread up to this when few are used: room for a card with a picture."""
        return round(self.line_height * 4)

    @property
    def lane_count(self) -> int:
        return max(int((self.overflow_row[0] - self.lanes_top) // self.lane_height), 0)

    def lane_top(self, lane: int) -> float:
        return self.lanes_top + lane * self.lane_height

    def lane_at(self, y: float) -> int | None:
        lane = int((y - self.lanes_top) // self.lane_height)
        return lane if y >= self.lanes_top and lane < self.lane_count else None
