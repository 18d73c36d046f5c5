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


@needs_node
def test_the_page_packs_lanes_as_the_app_does() -> None:
    """The same events, period and lanes give the same boxes, labels and overflow counts."""
    import random

    from timeline.core.model import EventSpan
    from timeline.core.view.layout import lay_out_events

    assert NODE is not None
    rng = random.Random(7)
    spans = []
    for number in range(1, 400):
        earliest = rng.randrange(0, 10_000) * 1_000
        length = rng.choice((0, 0, 500, 3_000, 40_000, 900_000, 6_000_000))
        qualifier = rng.choice(("", "", "~", "?", "%"))
        spans.append(
            EventSpan(
                number, f"Event {number}" + " long" * rng.randrange(4), earliest, earliest + length // 3,
                earliest + 2 * length // 3 + 1, earliest + length + 1, length == 0, qualifier,
                rng.choice(("", "~")), None, "",
            )
        )  # fmt: skip
    cases = [(0.0, 10_000_000.0, 1280.0, 12), (2_000_000.0, 2_600_000.0, 900.0, 8), (0.0, 3e7, 390.0, 20)]

    def measure(text: str) -> float:
        return len(text) * 7.0

    columns = {
        "id": [s.id for s in spans],
        "label": [s.label for s in spans],
        "earliest": [s.earliest for s in spans],
        "startLatest": [s.start_latest for s in spans],
        "endEarliest": [s.end_earliest for s in spans],
        "latest": [s.latest for s in spans],
        "fuzzyStart": [int(s.fuzzy_start) for s in spans],
        "fuzzyEnd": [int(s.fuzzy_end) for s in spans],
    }
    script = f"""
        const L = require({json.dumps(str(LOGIC))});
        const {{ columns, cases }} = JSON.parse(require("fs").readFileSync(0, "utf8"));
        const all = columns.id.map((_, i) => i);
        const out = cases.map(([start, end, pixels, lanes]) => {{
            const scene = L.layOut(columns, all, {{ start, end }}, pixels, lanes, (t) => t.length * 7);
            const r = (x) => +x.toFixed(3);
            return [scene.boxes.map((b) => [columns.id[b.index], b.lane, r(b.x0), r(b.labelX),
                                            b.labelInside, b.marker, r(b.solidX0), r(b.solidX1)]),
                    scene.clusters.map((c) => [r(c.x0), c.count])];
        }});
        process.stdout.write(JSON.stringify(out));
    """
    result = subprocess.run(
        [NODE, "-e", script],
        input=json.dumps({"columns": columns, "cases": cases}),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    for (start, end, pixels, lanes), page in zip(cases, json.loads(result.stdout), strict=True):
        scene = lay_out_events(spans, TimePeriod(start, end), pixels, lanes, measure)
        app = [
            [
                [b.span.id, b.lane, round(b.x0, 3), round(b.label_x, 3), b.label_inside, b.marker,
                 round(b.solid_x0, 3), round(b.solid_x1, 3)]
                for b in scene.boxes
            ],
            [[round(c.x0, 3), c.count] for c in scene.clusters],
        ]  # fmt: skip
        assert page == app, (start, end)
        assert len(scene.boxes) > 10 and scene.clusters
