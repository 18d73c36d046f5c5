"""Room on the canvas: lane heights and lines that keep out of labels' way."""

from __future__ import annotations

from timeline.core.colours import CATEGORY_PALETTE, contrast_ratio, neutral_colour, readable_on
from timeline.core.view.spacing import beside_line, inside, open_stretches, spread_lane_height, widest_free


def test_few_lanes_spread_out_and_many_stay_compact() -> None:
    assert spread_lane_height(4, 400, 28, 68) == 68
    assert spread_lane_height(10, 400, 28, 68) == 40
    assert spread_lane_height(40, 400, 28, 68) == 28
    assert spread_lane_height(0, 400, 28, 68) == 28


def test_a_line_is_broken_around_labels() -> None:
    assert open_stretches(0, 100, [(20, 30), (25, 40), (90, 120)], margin=0) == [(0, 20), (40, 90)]
    assert open_stretches(0, 100, [], margin=0) == [(0, 100)]
    assert open_stretches(0, 100, [(-10, 110)]) == []


def test_the_widest_free_room_for_a_name() -> None:
    assert widest_free(0, 300, [(100, 140)]) == (146, 300)
    assert widest_free(0, 100, [(-10, 200)]) is None


def test_labels_beside_a_line_and_inside_the_canvas() -> None:
    assert beside_line(100, 40, 500) == 105
    assert beside_line(480, 40, 500) == 435
    assert inside(-5, 40, 500) == 2
    assert inside(480, 40, 500) == 458


def test_the_neutral_colour_is_no_category_s() -> None:
    neutral = neutral_colour(CATEGORY_PALETTE)
    assert neutral not in CATEGORY_PALETTE
    assert neutral_colour([neutral.upper()]) != neutral


def test_contrast_follows_wcag() -> None:
    assert round(contrast_ratio("#000000", "#ffffff"), 1) == 21.0
    assert contrast_ratio("#777777", "#777777") == 1.0
    assert readable_on("#fdf6e3") == "#111111"
    assert readable_on("#1d3557") == "#ffffff"
