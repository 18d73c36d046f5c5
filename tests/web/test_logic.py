"""The viewer's pure logic: its own node tests, and its axis against the app's on the same periods."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from timeline.core.dates.calendar import SECONDS_PER_DAY, day_number
from timeline.core.view.period import SECONDS_PER_YEAR, TimePeriod
from timeline.core.view.scale import choose_axis, visible_labels

HERE = Path(__file__).resolve().parent
LOGIC = HERE.parent.parent / "timeline" / "web" / "viewer" / "logic.js"
NODE = shutil.which("node")
needs_node = pytest.mark.skipif(NODE is None, reason="node is not installed (.ci/run installs it)")


@needs_node
def test_the_logic_module_passes_its_node_tests() -> None:
    assert NODE is not None
    result = subprocess.run(
        [NODE, "--test", str(HERE / "logic.test.js")], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout


def _periods() -> list[tuple[float, float, float]]:
    """Periods from minutes to the age of the universe, after and before year 1, at odd places."""
    cases = []
    centres = [
        day_number(2023, 7, 11) * SECONDS_PER_DAY + 52_000.0,
        day_number(1450, 3, 3) * SECONDS_PER_DAY,
        day_number(-43, 3, 15) * SECONDS_PER_DAY + 3_600.0,
        day_number(-2999, 12, 30) * SECONDS_PER_DAY,
        -66e6 * SECONDS_PER_YEAR,
        -6.5e9 * SECONDS_PER_YEAR,
    ]
    widths = [
        600.0, 7_200.0, 2 * SECONDS_PER_DAY, 9 * SECONDS_PER_DAY, 40 * SECONDS_PER_DAY,
        0.7 * SECONDS_PER_YEAR, 3.3 * SECONDS_PER_YEAR, 27 * SECONDS_PER_YEAR, 160 * SECONDS_PER_YEAR,
        1_300 * SECONDS_PER_YEAR, 17_000 * SECONDS_PER_YEAR, 4e6 * SECONDS_PER_YEAR,
        13.8e9 * SECONDS_PER_YEAR,
    ]  # fmt: skip
    for centre in centres:
        for width in widths:
            if abs(centre) > 1e8 * SECONDS_PER_YEAR and width < SECONDS_PER_DAY:
                continue  # floats are exact to the second only within 100 million years of now
            for pixels in (390.0, 1280.0, 1920.0):
                period = TimePeriod(centre - width / 3, centre + 2 * width / 3).clamped()
                cases.append((period.start, period.end, pixels))
    return cases


@needs_node
def test_the_page_draws_the_same_axis_words_as_the_app() -> None:
    """Units, tick labels and the labels that fit, for 200-odd periods, with one label measure."""
    assert NODE is not None
    cases = _periods()
    script = f"""
        const L = require({json.dumps(str(LOGIC))});
        const measure = (text) => text.length * 7 + (text.match(/[mwMW]/g) || []).length * 3;
        const cases = JSON.parse(require("fs").readFileSync(0, "utf8"));
        const out = cases.map(([start, end, pixels]) => {{
            const period = {{ start, end }};
            const axis = L.chooseAxis(period, pixels, measure);
            return [axis.unit, axis.minor.map((t) => t.label), axis.major.map((t) => t.label),
                    L.visibleLabels(axis.minor, period, pixels, measure).map((p) => p[1]),
                    L.visibleLabels(axis.major, period, pixels, measure, 8, true).map((p) => p[1])];
        }});
        process.stdout.write(JSON.stringify(out));
    """
    result = subprocess.run(
        [NODE, "-e", script], input=json.dumps(cases), capture_output=True, text=True, timeout=60, check=True
    )
    from_page = json.loads(result.stdout)

    def measure(text: str) -> float:
        return len(text) * 7 + sum(text.count(c) for c in "mwMW") * 3

    for (start, end, pixels), page in zip(cases, from_page, strict=True):
        period = TimePeriod(start, end)
        axis = choose_axis(period, pixels, measure)
        app = [
            axis.unit,
            [tick.label for tick in axis.minor],
            [tick.label for tick in axis.major],
            [label for _, label in visible_labels(axis.minor, period, pixels, measure)],
            [label for _, label in visible_labels(axis.major, period, pixels, measure, pin=True)],
        ]
        assert page == app, (start, end, pixels)
