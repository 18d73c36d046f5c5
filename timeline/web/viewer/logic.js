/*
 * The published page's pure logic: the calendar, the axis ticks, the visible period, which
 * events are in view, their lanes, the density band and the search. No DOM here, so that
 * `node --test` checks it; the Python side checks that its ticks are those of the app.
 *
 * Ported from timeline/core (dates/calendar.py, view/scale.py, view/period.py,
 * view/density.py, view/layout.py, view/presentation.py): keep the two in step.
 */
(function (root, factory) {
  "use strict";
  const api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.TimelineLogic = api;
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  const SECONDS_PER_DAY = 86400;
  const SECONDS_PER_YEAR = 31556952;
  const MIN_WIDTH = 5 * 60;
  const MAX_WIDTH = 20e9 * SECONDS_PER_YEAR;
  const EARLIEST_VIEW = -15e9 * SECONDS_PER_YEAR;
  const LATEST_VIEW = 5e9 * SECONDS_PER_YEAR;
  const DETAIL_LIMIT = 2000;
  const MARKER_SIZE = 10;
  const LABEL_GAP = 6;
  const FAR = 100000;
  const MONTH_NAMES = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
  ];

  function floorDiv(a, b) {
    return Math.floor(a / b);
  }

  function mod(a, b) {
    return ((a % b) + b) % b;
  }

  // Calendar -------------------------------------------------------------------------------

  function dayNumber(year, month, day) {
    const shiftedYear = year - (month <= 2 ? 1 : 0);
    const era = floorDiv(shiftedYear, 400);
    const yearOfEra = shiftedYear - era * 400;
    const monthFromMarch = (month + 9) % 12;
    const dayOfYear = floorDiv(153 * monthFromMarch + 2, 5) + day - 1;
    const dayOfEra = yearOfEra * 365 + floorDiv(yearOfEra, 4) - floorDiv(yearOfEra, 100) + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
  }

  function civilFromDayNumber(days) {
    const shifted = days + 719468;
    const era = floorDiv(shifted, 146097);
    const dayOfEra = shifted - era * 146097;
    const yearOfEra = floorDiv(
      dayOfEra - floorDiv(dayOfEra, 1460) + floorDiv(dayOfEra, 36524) - floorDiv(dayOfEra, 146096),
      365,
    );
    const dayOfYear = dayOfEra - (365 * yearOfEra + floorDiv(yearOfEra, 4) - floorDiv(yearOfEra, 100));
    const monthFromMarch = floorDiv(5 * dayOfYear + 2, 153);
    const day = dayOfYear - floorDiv(153 * monthFromMarch + 2, 5) + 1;
    const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
    const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    return [year, month, day];
  }

  function yearStart(year) {
    return dayNumber(year, 1, 1) * SECONDS_PER_DAY;
  }

  function yearOf(time) {
    return civilFromDayNumber(Math.floor(time / SECONDS_PER_DAY))[0];
  }

  // Labels ---------------------------------------------------------------------------------

  function general(number) {
    // Python's format(number, "g"): six significant digits, no trailing zeros.
    return String(parseFloat(number.toPrecision(6)));
  }

  function grouped(number) {
    return String(number).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }

  function yearLabel(year) {
    const number = year > 0 ? year : 1 - year;
    let text;
    if (number >= 1e9) {
      text = general(number / 1e9) + " billion";
    } else if (number >= 1e6) {
      text = general(number / 1e6) + " million";
    } else if (number >= 10000) {
      text = grouped(number);
    } else {
      text = String(number);
    }
    if (year <= 0) {
      return text + " BC";
    }
    return year < 1000 ? "AD " + text : text;
  }

  function dayLabel(days) {
    const [year, month, day] = civilFromDayNumber(days);
    return day + " " + MONTH_NAMES[month - 1] + " " + yearLabel(year);
  }

  function monthLabel(year, month) {
    return MONTH_NAMES[month - 1] + " " + yearLabel(year);
  }

  function ordinal(number) {
    const ten = number % 100;
    const suffix = ten >= 10 && ten <= 20 ? "th" : { 1: "st", 2: "nd", 3: "rd" }[number % 10] || "th";
    return number + suffix;
  }

  function spanLabel(year, step) {
    if (year >= 1000 && step === 10) {
      return year + "s";
    }
    if (step === 100 || step === 1000) {
      const unit = step === 100 ? "century" : "millennium";
      if (year > 0) {
        return ordinal(floorDiv(year, step) + 1) + " " + unit;
      }
      return ordinal(floorDiv(1 - year, step)) + " " + unit + " BC";
    }
    return yearLabel(year);
  }

  // Tick generators ------------------------------------------------------------------------

  function clockTicks(seconds) {
    return function (start, end) {
      // Counted in whole steps, which divide a day, so the clock stays exact far from now.
      const ticks = [];
      const perDay = SECONDS_PER_DAY / seconds;
      for (let k = Math.ceil(start / seconds); k * seconds <= end; k++) {
        const time = k * seconds;
        const ofDay = mod(k, perDay) * seconds;
        const hours = String(floorDiv(ofDay, 3600)).padStart(2, "0");
        const minutes = String(floorDiv(ofDay % 3600, 60)).padStart(2, "0");
        ticks.push({ time: time, label: hours + ":" + minutes });
      }
      return ticks;
    };
  }

  function dayTicks(every) {
    return function (start, end) {
      const ticks = [];
      const last = Math.floor(end / SECONDS_PER_DAY);
      for (let days = Math.ceil(start / SECONDS_PER_DAY); days <= last; days++) {
        const day = civilFromDayNumber(days)[2];
        if ((day - 1) % every === 0 && day + every <= 32) {
          ticks.push({ time: days * SECONDS_PER_DAY, label: String(day) });
        }
      }
      return ticks;
    };
  }

  function months(start, end, every) {
    const found = [];
    let [year, month] = civilFromDayNumber(Math.floor(start / SECONDS_PER_DAY));
    for (;;) {
      const time = dayNumber(year, month, 1) * SECONDS_PER_DAY;
      if (time > end) {
        return found;
      }
      if (time >= start && (month - 1) % every === 0) {
        found.push([year, month, time]);
      }
      if (month === 12) {
        year += 1;
        month = 1;
      } else {
        month += 1;
      }
    }
  }

  function monthTicks(every) {
    return function (start, end) {
      return months(start, end, every).map(([, month, time]) => ({
        time: time,
        label: MONTH_NAMES[month - 1].slice(0, 3),
      }));
    };
  }

  function tickYears(start, end, step) {
    // Years that are round the way people count them: 100 BC, AD 100, never 101 BC.
    const first = yearOf(start);
    const last = yearOf(end);
    const years = [];
    const ifInside = (year) => {
      const at = yearStart(year);
      if (start <= at && at <= end) {
        years.push(year);
      }
    };
    if (step === 1) {
      for (let year = first; year <= last; year++) {
        ifInside(year);
      }
      return years;
    }
    const lastBc = floorDiv(1 - first, step);
    for (let k = Math.max(1, Math.ceil((1 - last) / step)); k <= lastBc; k++) {
      ifInside(1 - k * step);
    }
    ifInside(1);
    const lastAd = floorDiv(last, step);
    for (let k = Math.max(1, Math.ceil(first / step)); k <= lastAd; k++) {
      ifInside(k * step);
    }
    return years.sort((a, b) => a - b);
  }

  function yearTicks(step) {
    return function (start, end) {
      return tickYears(start, end, step).map((year) => ({ time: yearStart(year), label: yearLabel(year) }));
    };
  }

  function majorDays(start, end) {
    const ticks = [];
    const last = Math.floor(end / SECONDS_PER_DAY);
    for (let days = Math.floor(start / SECONDS_PER_DAY); days <= last; days++) {
      ticks.push({ time: days * SECONDS_PER_DAY, label: dayLabel(days) });
    }
    return ticks;
  }

  function majorMonths(start, end) {
    const [year, month] = civilFromDayNumber(Math.floor(start / SECONDS_PER_DAY));
    const first = dayNumber(year, month, 1) * SECONDS_PER_DAY;
    const ticks = [{ time: first, label: monthLabel(year, month) }];
    for (const [y, m, time] of months(start, end, 1)) {
      if (time > first) {
        ticks.push({ time: time, label: monthLabel(y, m) });
      }
    }
    return ticks;
  }

  function majorYears(step) {
    return function (start, end) {
      const first = yearOf(start);
      let aligned;
      if (step === 1) {
        aligned = first;
      } else if (first > 0) {
        aligned = floorDiv(first, step) * step;
      } else {
        aligned = 1 - Math.ceil((1 - first) / step) * step;
      }
      const ticks = [];
      if (yearStart(aligned) < start) {
        ticks.push({ time: yearStart(aligned), label: spanLabel(aligned, step) });
      }
      for (const year of tickYears(start, end, step)) {
        ticks.push({ time: yearStart(year), label: spanLabel(year, step) });
      }
      return ticks;
    };
  }

  function noTicks() {
    return [];
  }

  function buildSteps() {
    const steps = [];
    for (const n of [1, 5, 10, 15, 30]) {
      steps.push({ unit: n + " minute", seconds: n * 60, sample: "00:00", ticks: clockTicks(n * 60), major: majorDays });
    }
    for (const n of [1, 3, 6, 12]) {
      steps.push({ unit: n + " hour", seconds: n * 3600, sample: "00:00", ticks: clockTicks(n * 3600), major: majorDays });
    }
    for (const n of [1, 2, 5]) {
      steps.push({ unit: n + " day", seconds: n * SECONDS_PER_DAY, sample: "28", ticks: dayTicks(n), major: majorMonths });
    }
    for (const n of [1, 3, 6]) {
      steps.push({
        unit: n + " month",
        seconds: (n * SECONDS_PER_YEAR) / 12,
        sample: "Sep",
        ticks: monthTicks(n),
        major: majorYears(1),
      });
    }
    for (let magnitude = 1; magnitude <= 1e10; magnitude *= 10) {
      for (const multiple of [1, 2, 5]) {
        const step = multiple * magnitude;
        const majorStep = 10 * magnitude;
        steps.push({
          unit: step + " year",
          seconds: step * SECONDS_PER_YEAR,
          sample: "",
          ticks: yearTicks(step),
          major: majorStep <= 1e10 ? majorYears(majorStep) : noTicks,
        });
      }
    }
    return steps;
  }

  const STEPS = buildSteps();

  /** The finest unit whose labels fit between its ticks, with its ticks in the period. */
  function chooseAxis(period, pixels, measure, padding) {
    const pad = padding === undefined ? 12 : padding;
    const secondsPerPixel = (period.end - period.start) / Math.max(pixels, 1);
    let step = STEPS[STEPS.length - 1];
    const widestYear = Math.max(measure(yearLabel(yearOf(period.start))), measure(yearLabel(yearOf(period.end))));
    for (const candidate of STEPS) {
      const labelWidth = (candidate.sample ? measure(candidate.sample) : widestYear) + pad;
      if (candidate.seconds / secondsPerPixel >= labelWidth) {
        step = candidate;
        break;
      }
    }
    return { unit: step.unit, minor: step.ticks(period.start, period.end), major: step.major(period.start, period.end) };
  }

  /** Labels right of their ticks, without overlap; with `pin`, the first sticks to the left edge. */
  function visibleLabels(ticks, period, pixels, measure, gap, pin) {
    const space = gap === undefined ? 8 : gap;
    const placed = [];
    let rightEdge = -Infinity;
    const positions = ticks.map((tick) => [fractionOf(period, tick.time) * pixels + 3, tick.label]);
    positions.forEach(([position, label], index) => {
      let x = position;
      const width = measure(label);
      if (x < 0) {
        if (!pin) {
          return;
        }
        const following = index + 1 < positions.length ? positions[index + 1][0] : Infinity;
        x = Math.min(3, following - width - space);
      }
      if (x >= rightEdge - 0.5 && (x + width <= pixels || placed.length === 0)) {
        placed.push([x, label]);
        rightEdge = x + width + space;
      }
    });
    return placed;
  }

  // The visible period ---------------------------------------------------------------------

  function placed(start, width) {
    const w = Math.min(Math.max(width, MIN_WIDTH), MAX_WIDTH);
    const s = Math.min(Math.max(start, EARLIEST_VIEW), LATEST_VIEW - w);
    return { start: s, end: s + w };
  }

  function fractionOf(period, time) {
    return (time - period.start) / (period.end - period.start);
  }

  /** Zoom in (factor > 1) or out, keeping the time at fraction `anchor` of the width in place. */
  function zoomed(period, factor, anchor) {
    const at = anchor === undefined ? 0.5 : anchor;
    const width = (period.end - period.start) / factor;
    const time = period.start + at * (period.end - period.start);
    return placed(time - at * width, width);
  }

  function panned(period, seconds) {
    return placed(period.start + seconds, period.end - period.start);
  }

  function around(earliest, latest, margin) {
    const m = margin === undefined ? 0.05 : margin;
    const width = Math.max(latest - earliest, MIN_WIDTH);
    const centre = (earliest + latest) / 2;
    const padded = width * (1 + 2 * m);
    return placed(centre - padded / 2, padded);
  }

  function easeInOut(t) {
    const x = Math.min(Math.max(t, 0), 1);
    return x < 0.5 ? 4 * x * x * x : 1 - Math.pow(-2 * x + 2, 3) / 2;
  }

  /** A fraction `t` of the eased flight from one period to another, zooming in log space. */
  function between(from, to, t) {
    const eased = easeInOut(t);
    const a = Math.log(from.end - from.start);
    const b = Math.log(to.end - to.start);
    const width = Math.exp(a + (b - a) * eased);
    const c0 = (from.start + from.end) / 2;
    const centre = c0 + ((to.start + to.end) / 2 - c0) * eased;
    return { start: centre - width / 2, end: centre + width / 2 };
  }

  // What is in view ------------------------------------------------------------------------

  function bisectLeft(values, target, lo, hi) {
    let low = lo || 0;
    let high = hi === undefined ? values.length : hi;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (values[middle] < target) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  function bisectRight(values, target) {
    let low = 0;
    let high = values.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (values[middle] <= target) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /**
   * Which events overlap a period, and how many, for the events in `indices` (time order).
   * Events are grouped by the bit length of their span, as the store's window index does: in
   * each group only those starting after `start` less the group's longest span can reach in.
   */
  function EventIndex(earliest, latest, indices) {
    const starts = new Float64Array(indices.length);
    const ends = new Float64Array(indices.length);
    const groups = new Map();
    indices.forEach((index, position) => {
      starts[position] = earliest[index];
      ends[position] = latest[index];
      const span = Math.max(latest[index] - earliest[index], 1);
      const key = Math.ceil(Math.log2(span + 1));
      let group = groups.get(key);
      if (!group) {
        group = { starts: [], members: [], longest: 0 };
        groups.set(key, group);
      }
      group.starts.push(earliest[index]);
      group.members.push(index);
      group.longest = Math.max(group.longest, span);
    });
    ends.sort();
    this.size = indices.length;
    this.starts = starts;
    this.ends = ends;
    this.groups = Array.from(groups.values());
    this.latest = latest;
  }

  EventIndex.prototype.countOverlapping = function (start, end) {
    return bisectLeft(this.starts, end) - bisectRight(this.ends, start);
  };

  EventIndex.prototype.histogram = function (start, end, bins) {
    const width = (end - start) / bins;
    const counts = new Array(bins);
    for (let i = 0; i < bins; i++) {
      counts[i] = bisectLeft(this.starts, start + (i + 1) * width) - bisectRight(this.ends, start + i * width);
    }
    return counts;
  };

  EventIndex.prototype.overlapping = function (start, end) {
    const found = [];
    for (const group of this.groups) {
      const first = bisectLeft(group.starts, start - group.longest);
      const last = bisectLeft(group.starts, end);
      for (let i = first; i < last; i++) {
        const index = group.members[i];
        if (this.latest[index] > start) found.push(index);
      }
    }
    return found.sort((a, b) => a - b);
  };

  // Lanes ----------------------------------------------------------------------------------

  function toX(time, period, pixels) {
    return Math.min(Math.max(((time - period.start) / (period.end - period.start)) * pixels, -FAR), FAR);
  }

  function boxFor(events, index, x0, x1, period, pixels, measure, markerSize) {
    const solidX0 = events.fuzzyStart[index] ? toX(events.startLatest[index], period, pixels) : x0;
    const solidX1 = events.fuzzyEnd[index] ? toX(events.endEarliest[index], period, pixels) : x1;
    const marker = x1 - x0 < markerSize;
    const labelWidth = measure(events.label[index]);
    let labelX;
    let inside = false;
    if (marker) {
      labelX = (x0 + x1) / 2 + markerSize / 2 + LABEL_GAP / 2;
      if (labelX + labelWidth > pixels && labelWidth + markerSize < x0) {
        labelX = (x0 + x1) / 2 - markerSize / 2 - LABEL_GAP / 2 - labelWidth;
      }
    } else {
      const visibleStart = Math.max(x0, 0) + LABEL_GAP;
      inside = visibleStart + labelWidth + LABEL_GAP <= Math.min(x1, pixels);
      labelX = inside ? visibleStart : x1 + LABEL_GAP;
      if (!inside && labelX + labelWidth > pixels && labelWidth + LABEL_GAP < x0) {
        labelX = x0 - LABEL_GAP - labelWidth;
      }
    }
    return {
      index: index,
      lane: 0,
      x0: x0,
      x1: x1,
      solidX0: solidX0,
      solidX1: Math.max(solidX0, solidX1),
      marker: marker,
      labelX: labelX,
      labelWidth: labelWidth,
      labelInside: inside,
      markerSize: markerSize,
    };
  }

  function extent(box, pixels) {
    const centre = (box.x0 + box.x1) / 2;
    let left = box.marker ? centre - box.markerSize / 2 : box.x0;
    let right = box.marker ? centre + box.markerSize / 2 : box.x1;
    if (!box.labelInside) {
      left = Math.min(left, box.labelX);
      right = Math.max(right, box.labelX + box.labelWidth);
    }
    return [Math.max(left, -LABEL_GAP), Math.min(right + LABEL_GAP, pixels + LABEL_GAP)];
  }

  function freeLane(occupied, left, right) {
    for (let lane = 0; lane < occupied.length; lane++) {
      const intervals = occupied[lane];
      let low = 0;
      let high = intervals.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (intervals[middle][0] < right) low = middle + 1;
        else high = middle;
      }
      if (low === 0 || intervals[low - 1][1] <= left) return lane;
    }
    return null;
  }

  function insertSorted(intervals, interval) {
    let low = 0;
    let high = intervals.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (intervals[middle][0] <= interval[0]) low = middle + 1;
      else high = middle;
    }
    intervals.splice(low, 0, interval);
  }

  /**
   * Pack the events `indices` into at most `lanes` lanes without overlap; count the rest in
   * clusters. Short events go first so that a few long periods cannot crowd out what the
   * reader zoomed in to see (as the app's layout does).
   */
  function layOut(events, indices, period, pixels, lanes, measure, clusterWidth, markerSize) {
    const cluster = clusterWidth || 48;
    const size = markerSize || MARKER_SIZE;
    const scale = pixels / (period.end - period.start);
    const short = [];
    const long = [];
    for (const index of indices) {
      const x0 = Math.min(Math.max((events.earliest[index] - period.start) * scale, -FAR), FAR);
      const x1 = Math.min(Math.max((events.latest[index] - period.start) * scale, -FAR), FAR);
      if (x1 < 0 || x0 > pixels) continue;
      (x1 - x0 < pixels / 2 ? short : long).push([x0, x1, index]);
    }
    const byStart = (a, b) => a[0] - b[0] || events.id[a[2]] - events.id[b[2]];
    const boxes = [];
    const overflow = [];
    const laneCount = Math.max(lanes, 0);
    const occupied = Array.from({ length: laneCount }, () => []);
    const laneEnds = new Array(laneCount).fill(-Infinity);
    short.sort(byStart);
    for (const [x0, x1, index] of short) {
      const shapeLeft = Math.max(Math.min(x0, (x0 + x1 - size) / 2), -LABEL_GAP);
      if (laneCount === 0 || shapeLeft < Math.min.apply(null, laneEnds)) {
        overflow.push((x0 + x1) / 2);
        continue;
      }
      const box = boxFor(events, index, x0, x1, period, pixels, measure, size);
      const [left, right] = extent(box, pixels);
      const lane = laneEnds.findIndex((end) => end <= left);
      if (lane < 0) {
        overflow.push((x0 + x1) / 2);
        continue;
      }
      laneEnds[lane] = right;
      occupied[lane].push([left, right]);
      box.lane = lane;
      boxes.push(box);
    }
    long.sort(byStart);
    let failed = null;
    for (const [x0, x1, index] of long) {
      if (
        failed &&
        Math.max(x0, -LABEL_GAP) <= failed[0] &&
        Math.min(x1 + LABEL_GAP, pixels + LABEL_GAP) >= failed[1]
      ) {
        overflow.push((x0 + x1) / 2);
        continue;
      }
      const box = boxFor(events, index, x0, x1, period, pixels, measure, size);
      const [left, right] = extent(box, pixels);
      const lane = freeLane(occupied, left, right);
      if (lane === null) {
        failed = [left, right];
        overflow.push((x0 + x1) / 2);
        continue;
      }
      insertSorted(occupied[lane], [left, right]);
      box.lane = lane;
      boxes.push(box);
    }
    return { boxes: boxes, clusters: clusters(overflow, period, pixels, cluster), bins: null };
  }

  function clusters(centres, period, pixels, width) {
    const counts = new Map();
    for (const centre of centres) {
      const column = Math.floor(Math.min(Math.max(centre, 0), pixels - 1) / width);
      counts.set(column, (counts.get(column) || 0) + 1);
    }
    return Array.from(counts.entries())
      .sort((a, b) => a[0] - b[0])
      .map(([column, count]) => {
        const x0 = column * width;
        const x1 = Math.min((column + 1) * width, pixels);
        const span = period.end - period.start;
        return { x0: x0, x1: x1, count: count, start: period.start + (x0 / pixels) * span, end: period.start + (x1 / pixels) * span };
      });
  }

  // Search ---------------------------------------------------------------------------------

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function words(text) {
    return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  /**
   * What a query asks for: plain words must all occur as words, `"a phrase"` keeps words
   * together, `nato*` matches a prefix; anything else is searched for as text, never an error.
   */
  function parseQuery(query) {
    const terms = [];
    const pattern = /"([^"]*)"?|(\S+)/g;
    let match;
    while ((match = pattern.exec(query)) !== null) {
      if (match[1] !== undefined) {
        const phrase = words(match[1]);
        if (phrase.length) terms.push({ kind: "phrase", text: " " + phrase.join(" ") + " " });
        continue;
      }
      const raw = match[2];
      const parts = words(raw);
      if (!parts.length) continue;
      const prefix = raw.endsWith("*");
      parts.forEach((part, i) => {
        const last = i === parts.length - 1;
        terms.push(prefix && last ? { kind: "prefix", text: " " + part } : { kind: "word", text: " " + part + " " });
      });
    }
    return terms;
  }

  function SearchIndex(titles, texts) {
    this.titles = titles;
    this.texts = texts;
    this.haystacks = null;
    this.titleStacks = null;
  }

  SearchIndex.prototype.prepare = function () {
    if (this.haystacks) return;
    const count = this.titles.length;
    this.titleStacks = new Array(count);
    this.haystacks = new Array(count);
    for (let i = 0; i < count; i++) {
      const title = " " + words(this.titles[i]).join(" ") + " ";
      this.titleStacks[i] = title;
      this.haystacks[i] = title + words(this.texts[i] || "").join(" ") + " ";
    }
  };

  function matchesAll(haystack, terms) {
    for (const term of terms) {
      if (haystack.indexOf(term.text) < 0) return false;
    }
    return true;
  }

  /**
   * Events matching the query: those whose titles match come first, then the rest, each in
   * time order. `within` (a typed array of flags) limits the search to the events shown.
   */
  SearchIndex.prototype.search = function (query, within) {
    const terms = parseQuery(query);
    if (!terms.length) return { terms: 0, hits: [], mask: null };
    this.prepare();
    const inTitle = [];
    const elsewhere = [];
    const mask = new Uint8Array(this.titles.length);
    for (let i = 0; i < this.titles.length; i++) {
      if (within && !within[i]) continue;
      if (!matchesAll(this.haystacks[i], terms)) continue;
      mask[i] = 1;
      (matchesAll(this.titleStacks[i], terms) ? inTitle : elsewhere).push(i);
    }
    return { terms: terms.length, hits: inTitle.concat(elsewhere), mask: mask };
  };

  return {
    SECONDS_PER_DAY,
    SECONDS_PER_YEAR,
    MIN_WIDTH,
    MAX_WIDTH,
    DETAIL_LIMIT,
    MONTH_NAMES,
    dayNumber,
    civilFromDayNumber,
    yearLabel,
    yearOf,
    chooseAxis,
    visibleLabels,
    fractionOf,
    zoomed,
    panned,
    placed,
    around,
    easeInOut,
    between,
    bisectLeft,
    EventIndex,
    layOut,
    toX,
    fold,
    words,
    parseQuery,
    SearchIndex,
  };
});
