// The viewer's pure logic, run by `node --test` (tests/web/test_logic.py runs this file).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const L = require(path.join(__dirname, "..", "..", "timeline", "web", "viewer", "logic.js"));

const DAY = L.SECONDS_PER_DAY;
const YEAR = L.SECONDS_PER_YEAR;
const measure = (text) => text.length * 7;

test("day numbers and civil dates invert each other far before and after the epoch", () => {
  for (const days of [-1e9, -719468, -1, 0, 59, 60, 11016, 2932896, 3.65e12]) {
    const [y, m, d] = L.civilFromDayNumber(days);
    assert.equal(L.dayNumber(y, m, d), days);
  }
  assert.deepEqual(L.civilFromDayNumber(0), [1970, 1, 1]);
  assert.deepEqual(L.civilFromDayNumber(L.dayNumber(-43, 3, 15)), [-43, 3, 15]);
});

test("years are written as the app writes them", () => {
  assert.equal(L.yearLabel(2022), "2022");
  assert.equal(L.yearLabel(79), "AD 79");
  assert.equal(L.yearLabel(-43), "44 BC");
  assert.equal(L.yearLabel(-9999), "10,000 BC");
  assert.equal(L.yearLabel(1 - 13.8e9), "13.8 billion BC");
  assert.equal(L.yearLabel(1 - 2.5e6), "2.5 million BC");
});

test("the axis unit follows the zoom, from minutes to billions of years", () => {
  const at = (width) => L.chooseAxis({ start: 1.7e9, end: 1.7e9 + width }, 1200, measure).unit;
  assert.equal(at(3600), "5 minute");
  assert.equal(at(30 * DAY), "1 day");
  assert.equal(at(YEAR), "1 month");
  assert.equal(at(20 * YEAR), "1 year");
  assert.equal(at(2000 * YEAR), "100 year");
  assert.match(L.chooseAxis({ start: -14e9 * YEAR, end: 0 }, 1200, measure).unit, /000000 year$/);
});

test("a month view names the month and year above the days", () => {
  const july = L.dayNumber(2023, 7, 1) * DAY;
  const axis = L.chooseAxis({ start: july, end: july + 31 * DAY }, 1200, measure);
  assert.equal(axis.major[0].label, "July 2023");
  assert.equal(axis.minor[0].label, "1");
});

test("BC decades are round the way people count them", () => {
  const start = L.dayNumber(-120, 1, 1) * DAY;
  const axis = L.chooseAxis({ start: start, end: start + 100 * YEAR }, 800, measure);
  assert.ok(axis.minor.map((t) => t.label).includes("101 BC") === false);
  assert.ok(axis.minor.map((t) => t.label).includes("100 BC"));
});

test("zooming keeps the time under the anchor in place and stays within limits", () => {
  const period = { start: 0, end: 1000 * DAY };
  const zoomed = L.zoomed(period, 4, 0.25);
  const anchorBefore = period.start + 0.25 * (period.end - period.start);
  const anchorAfter = zoomed.start + 0.25 * (zoomed.end - zoomed.start);
  assert.ok(Math.abs(anchorBefore - anchorAfter) < 1e-6);
  assert.equal(zoomed.end - zoomed.start, 250 * DAY);
  const tiny = L.zoomed({ start: 0, end: 600 }, 1000, 0.5);
  assert.ok(Math.abs(tiny.end - tiny.start - L.MIN_WIDTH) < 1e-6);
  const huge = L.zoomed({ start: 0, end: YEAR }, 1e-15, 0.5);
  assert.ok(Math.abs(huge.end - huge.start - L.MAX_WIDTH) / L.MAX_WIDTH < 1e-9);
});

test("a flight zooms in log space: half way is the geometric mean of the widths", () => {
  const middle = L.between({ start: 0, end: 100 }, { start: 0, end: 10000 }, 0.5);
  assert.ok(Math.abs(middle.end - middle.start - 1000) < 1e-6);
  assert.deepEqual(L.between({ start: 0, end: 100 }, { start: 50, end: 60 }, 1), { start: 50, end: 60 });
});

function events(spans) {
  const columns = { id: [], earliest: [], latest: [], startLatest: [], endEarliest: [], fuzzyStart: [], fuzzyEnd: [], label: [] };
  spans.forEach(([earliest, latest], i) => {
    columns.id.push(i + 1);
    columns.earliest.push(earliest);
    columns.latest.push(latest);
    columns.startLatest.push(earliest);
    columns.endEarliest.push(latest);
    columns.fuzzyStart.push(0);
    columns.fuzzyEnd.push(0);
    columns.label.push("event " + (i + 1));
  });
  return columns;
}

test("the event index finds exactly the events overlapping a period, long ones included", () => {
  const spans = [];
  for (let i = 0; i < 500; i++) spans.push([i * 100, i * 100 + (i % 7) * 37 + 1]);
  spans.push([-1e6, 1e9]);
  spans.sort((a, b) => a[0] - b[0]);
  const columns = events(spans);
  const all = spans.map((_, i) => i);
  const index = new L.EventIndex(columns.earliest, columns.latest, all);
  for (const [start, end] of [[0, 50], [1234, 5678], [49900, 60000], [-5, -1]]) {
    const expected = all.filter((i) => spans[i][0] < end && spans[i][1] > start);
    assert.deepEqual(index.overlapping(start, end), expected);
    assert.equal(index.countOverlapping(start, end), expected.length);
  }
  const histogram = index.histogram(0, 50000, 10);
  assert.equal(histogram.length, 10);
  assert.ok(histogram.every((n) => n >= 1));
});

test("lanes never overlap and what finds no lane is counted", () => {
  const spans = [];
  for (let i = 0; i < 200; i++) spans.push([i * 10, i * 10 + 5]);
  const columns = events(spans);
  const scene = L.layOut(columns, spans.map((_, i) => i), { start: 0, end: 2000 }, 800, 3, measure);
  const byLane = new Map();
  for (const box of scene.boxes) {
    assert.ok(box.lane >= 0 && box.lane < 3);
    const placed = byLane.get(box.lane) || [];
    for (const other of placed) {
      const overlap = Math.min(box.labelX + box.labelWidth, other.labelX + other.labelWidth) - Math.max(box.x0, other.x0);
      assert.ok(overlap <= 0, "boxes overlap in lane " + box.lane);
    }
    placed.push(box);
    byLane.set(box.lane, placed);
  }
  const counted = scene.clusters.reduce((sum, cluster) => sum + cluster.count, 0);
  assert.equal(scene.boxes.length + counted, 200);
  assert.ok(counted > 0);
});

test("search: all words must occur, phrases keep together, a star matches a prefix", () => {
  const titles = ["NATO summit in Bucharest", "Annexation of Crimea", "Senator visits", "Café in Kyiv"];
  const texts = ["diplomacy\nmembership action plan", "war", "nato delegation", ""];
  const index = new L.SearchIndex(titles, texts);
  const hits = (query) => index.search(query).hits.map((i) => titles[i]);
  assert.deepEqual(hits("nato"), ["NATO summit in Bucharest", "Senator visits"]);
  assert.deepEqual(hits("nato bucharest"), ["NATO summit in Bucharest"]);
  assert.deepEqual(hits('"action plan"'), ["NATO summit in Bucharest"]);
  assert.deepEqual(hits('"plan action"'), []);
  assert.deepEqual(hits("sen*"), ["Senator visits"]);
  assert.deepEqual(hits("cafe"), ["Café in Kyiv"]);
  assert.deepEqual(hits("(crimea OR"), []);
  assert.deepEqual(hits("-crimea:"), ["Annexation of Crimea"]);
  assert.equal(index.search("   ").terms, 0);
  const only = new Uint8Array([0, 1, 1, 1]);
  assert.deepEqual(index.search("nato", only).hits.map((i) => titles[i]), ["Senator visits"]);
});
