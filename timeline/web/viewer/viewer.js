/*
 * The published timeline's viewer: reads the page's JSON, draws the view on one canvas (never
 * one element per event), and wires the search, the legend, the details and the story's slides.
 * Every text shown was made by the app's own code when the page was written; this script only
 * places it. Descriptions arrive as HTML already sanitised; everything else is set as text.
 */
(function () {
  "use strict";
  const L = window.TimelineLogic;
  const data = JSON.parse(document.getElementById("timeline-data").textContent);
  const ev = data.events;
  const count = ev.id.length;
  const OPEN = data.openEnd;
  const NOW = Date.now() / 1000;
  const $ = (id) => document.getElementById(id);
  const canvas = $("canvas");
  const painter = window.TimelinePainter(canvas.getContext("2d"), data);
  const measure = painter.measure;
  const measureBold = painter.measureBold;
  const DENSITY_BIN_PIXELS = 6;

  const state = {
    period: { start: -1, end: 1 },
    hidden: new Set(),
    selected: -1,
    hovered: -1,
    query: "",
    mask: null,
    slide: -1,
    before: null,
    frame: null,
  };
  let shown = new Uint8Array(count).fill(1);
  let index = null;
  const search = new L.SearchIndex(ev.title, ev.text);
  let palette = {};
  let geometry = null;
  let pending = false;
  let flight = null;

  // Colours and sizes ------------------------------------------------------------------------

  function readPalette() {
    const style = getComputedStyle(document.documentElement);
    const value = (name) => style.getPropertyValue(name).trim();
    palette = {
      canvas: value("--canvas"),
      fg: value("--fg"),
      muted: value("--muted"),
      line: value("--line"),
      grid: value("--grid"),
      era: value("--era"),
      today: value("--today"),
      accent: value("--accent"),
      density: value("--density"),
      panel: value("--panel"),
    };
  }

  let printSize = null;

  function measureGeometry() {
    const box = printSize || canvas.getBoundingClientRect();
    const ratio = printSize ? 2 : window.devicePixelRatio || 1;
    const width = Math.max(box.width, 1);
    const height = Math.max(box.height, 1);
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
    }
    const fontPx = parseFloat(getComputedStyle(canvas).fontSize) || 15;
    const lineHeight = Math.round(fontPx * 1.3);
    const laneHeight = lineHeight + 8;
    const majorBottom = lineHeight + 8;
    const axisBottom = majorBottom + lineHeight + 8;
    const eraTop = axisBottom + 4;
    const eraBottom = eraTop + lineHeight + 4;
    const lanesTop = eraBottom + 4;
    const overflowTop = height - laneHeight - 6;
    const font = fontPx + "px " + getComputedStyle(document.body).fontFamily;
    geometry = {
      width: width,
      height: height,
      ratio: ratio,
      font: font,
      small: Math.round(fontPx * 0.85) + "px " + getComputedStyle(document.body).fontFamily,
      lineHeight: lineHeight,
      laneHeight: laneHeight,
      markerSize: Math.max(10, Math.round(lineHeight * 0.6)),
      majorBottom: majorBottom,
      axisBottom: axisBottom,
      eraTop: eraTop,
      eraBottom: eraBottom,
      lanesTop: lanesTop,
      overflowTop: overflowTop,
      laneCount: Math.max(Math.floor((overflowTop - lanesTop) / laneHeight), 0),
    };
  }

  // Which events are shown -------------------------------------------------------------------

  function rebuildIndex() {
    const indices = [];
    for (let i = 0; i < count; i++) {
      shown[i] = state.hidden.has(ev.category[i]) ? 0 : 1;
      if (shown[i]) indices.push(i);
    }
    index = new L.EventIndex(ev.earliest, ev.latest, indices);
  }

  function allBounds() {
    let earliest = Infinity;
    let latest = -Infinity;
    for (let i = 0; i < count; i++) {
      if (!shown[i]) continue;
      earliest = Math.min(earliest, ev.earliest[i]);
      const end = ev.latest[i] >= OPEN ? Math.max(NOW, ev.earliest[i] + 1) : ev.latest[i];
      latest = Math.max(latest, end);
    }
    if (earliest === Infinity) {
      return [NOW - L.SECONDS_PER_YEAR, NOW + L.SECONDS_PER_YEAR];
    }
    return [earliest, latest];
  }

  function fitAll() {
    const [earliest, latest] = allBounds();
    flyTo(L.around(earliest, latest));
  }

  // Drawing ----------------------------------------------------------------------------------

  function invalidate() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      draw();
    });
  }

  function draw() {
    const started = performance.now();
    measureGeometry();
    const g = geometry;
    const period = state.period;
    painter.useFont(g.font);
    const axis = L.chooseAxis(period, g.width, measure);
    const inView = index.countOverlapping(period.start, period.end);
    let scene;
    if (inView <= L.DETAIL_LIMIT) {
      const visible = index.overlapping(period.start, period.end);
      scene = L.layOut(ev, visible, period, g.width, g.laneCount, measure, 48, g.markerSize);
    } else {
      const bins = Math.max(Math.floor(g.width / DENSITY_BIN_PIXELS), 1);
      scene = { boxes: [], clusters: [], bins: index.histogram(period.start, period.end, bins) };
    }
    scene.inView = inView;
    painter.paint({
      period: period,
      axis: axis,
      scene: scene,
      geometry: g,
      palette: palette,
      selected: state.selected,
      hovered: state.hovered,
      mask: state.mask,
      now: NOW,
    });
    state.frame = { axis: axis, scene: scene, period: period, drawMs: performance.now() - started };
    describe(scene);
  }

  function describe(scene) {
    const placed = L.visibleLabels(state.frame.axis.major, state.period, geometry.width, measureBold, 8, true);
    const where = placed.length > 1 ? placed[0][1] + " – " + placed[placed.length - 1][1] : placed.length ? placed[0][1] : "";
    const number = scene.inView.toLocaleString("en");
    const what = scene.bins
      ? number + " events in view, shown as their density"
      : number + (scene.inView === 1 ? " event" : " events") + " in view";
    const text = (where ? where + ": " : "") + what;
    // Said once the view rests, not at every frame of a drag or a flight.
    const say = () => {
      if ($("status").textContent === text) return;
      $("status").textContent = text;
      canvas.setAttribute("aria-label", "Timeline, " + text + ". Arrow keys move, + and − zoom, comma and full stop step through events.");
    };
    clearTimeout(describeTimer);
    if (!$("status").textContent) say();
    else describeTimer = setTimeout(say, 200);
  }

  let describeTimer = 0;

  // Moving the view --------------------------------------------------------------------------

  function setPeriod(period) {
    state.period = L.placed(period.start, period.end - period.start);
    invalidate();
  }

  function flyTo(target, duration) {
    const from = state.period;
    const length = duration === undefined ? 450 : duration;
    if (length <= 0 || !from || from.end <= from.start || matchMedia("(prefers-reduced-motion: reduce)").matches) {
      flight = null;
      setPeriod(target);
      return;
    }
    const began = performance.now();
    const current = { from: from, to: target };
    flight = current;
    const step = (now) => {
      if (flight !== current) return;
      const t = Math.min((now - began) / length, 1);
      setPeriod(L.between(from, target, t));
      if (t < 1) requestAnimationFrame(step);
      else flight = null;
    };
    requestAnimationFrame(step);
  }

  function zoomBy(factor, anchor) {
    flight = null;
    setPeriod(L.zoomed(state.period, factor, anchor));
  }

  function panBy(pixels) {
    flight = null;
    const seconds = (pixels / geometry.width) * (state.period.end - state.period.start);
    setPeriod(L.panned(state.period, seconds));
  }

  function eventEnd(i) {
    return ev.latest[i] >= OPEN ? Math.max(NOW, ev.earliest[i] + 1) : ev.latest[i];
  }

  /** Bring an event into view, near enough that it is drawn as itself rather than a density. */
  function showEvent(i) {
    const earliest = ev.earliest[i];
    const latest = eventEnd(i);
    const span = Math.max(latest - earliest, L.MIN_WIDTH);
    let width = state.period.end - state.period.start;
    if (span > width * 0.8) width = span * 1.6;
    const centre = (earliest + latest) / 2;
    while (width > span * 5 && index.countOverlapping(centre - width / 2, centre + width / 2) > L.DETAIL_LIMIT / 4) {
      width /= 4;
    }
    flyTo(L.placed(centre - width / 2, width));
  }

  // Selection and details --------------------------------------------------------------------

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function pictures(i, target) {
    const placed = data.pictures[String(i)] || [];
    for (const [image, caption, credit] of placed) {
      const picture = data.images[image];
      const figure = element("figure");
      const img = element("img");
      img.src = picture.src;
      img.alt = caption || ev.title[i];
      if (picture.width) img.width = picture.width;
      if (picture.height) img.height = picture.height;
      figure.append(img);
      const words = [caption, credit].filter(Boolean).join(" · ");
      if (words) figure.append(element("figcaption", words));
      target.append(figure);
    }
    return placed.length;
  }

  function fillEvent(i, target, heading) {
    target.replaceChildren();
    target.append(element(heading, ev.title[i]));
    target.append(element("span", ev.when[i], "when"));
    const facts = [];
    const category = data.categories[ev.category[i]];
    if (category) facts.push(category.name);
    if (ev.tags[i].length) facts.push(ev.tags[i].join(", "));
    if (facts.length) target.append(element("p", facts.join(" · "), "facts"));
    const holder = element("div", null, "pictures");
    const text = element("div", null, "text");
    text.append(...Array.from(target.childNodes));
    target.append(text);
    if (pictures(i, holder)) target.append(holder);
    if (ev.details[i]) {
      const description = element("div", null, "description");
      description.innerHTML = ev.details[i]; // sanitised when the page was written
      text.append(description);
    }
    if (ev.source[i]) text.append(element("p", "Source: " + ev.source[i], "facts"));
    if (ev.url[i]) {
      const link = element("a", ev.url[i]);
      link.href = ev.url[i];
      link.rel = "noopener noreferrer nofollow";
      link.target = "_blank";
      const line = element("p", null, "facts");
      line.append(link);
      text.append(line);
    }
  }

  function select(i, reveal) {
    state.selected = i;
    const details = $("details");
    $("hint").hidden = i >= 0;
    if (i < 0) {
      details.hidden = true;
    } else {
      fillEvent(i, details, "h2");
      details.hidden = false;
      if (matchMedia("(max-width: 760px)").matches) details.scrollIntoView({ block: "nearest" });
      if (reveal) showEvent(i);
    }
    invalidate();
  }

  function boxAt(x, y) {
    const frame = state.frame;
    if (!frame || frame.scene.bins) return null;
    const g = geometry;
    const lane = Math.floor((y - g.lanesTop) / g.laneHeight);
    if (y < g.lanesTop || lane >= g.laneCount) return null;
    for (const box of frame.scene.boxes) {
      if (box.lane !== lane) continue;
      const left = Math.min(box.x0, (box.x0 + box.x1 - box.markerSize) / 2);
      const right = Math.max(box.x1, box.labelX + box.labelWidth);
      if (left <= x && x <= right) return box;
    }
    return null;
  }

  function clusterAt(x, y) {
    const frame = state.frame;
    if (!frame || frame.scene.bins || y < geometry.overflowTop) return null;
    return frame.scene.clusters.find((c) => c.x0 <= x && x <= c.x1) || null;
  }

  /** The next (step 1) or previous (-1) shown event in time from the selected one, or in view. */
  function stepSelection(step) {
    let i = state.selected;
    if (i < 0) {
      const centre = (state.period.start + state.period.end) / 2;
      i = L.bisectLeft(ev.earliest, centre) - (step > 0 ? 1 : 0);
    }
    for (i += step; i >= 0 && i < count; i += step) {
      if (shown[i] && (!state.mask || state.mask[i])) {
        select(i, true);
        return;
      }
    }
  }

  // Input ------------------------------------------------------------------------------------

  const pointers = new Map();
  let drag = null;

  function localX(event) {
    return event.clientX - canvas.getBoundingClientRect().left;
  }

  function localY(event) {
    return event.clientY - canvas.getBoundingClientRect().top;
  }

  canvas.addEventListener(
    "wheel",
    (event) => {
      event.preventDefault();
      const horizontal = Math.abs(event.deltaX) > Math.abs(event.deltaY);
      if (horizontal || event.shiftKey) {
        panBy(horizontal ? event.deltaX : event.deltaY);
        return;
      }
      const scale = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? 400 : 1;
      const speed = event.ctrlKey ? 0.01 : 0.0015;
      zoomBy(Math.exp(-event.deltaY * scale * speed), localX(event) / geometry.width);
    },
    { passive: false },
  );

  canvas.addEventListener("pointerdown", (event) => {
    canvas.setPointerCapture(event.pointerId);
    pointers.set(event.pointerId, { x: localX(event), y: localY(event) });
    drag = { x: localX(event), y: localY(event), moved: false, period: state.period };
    flight = null;
  });

  canvas.addEventListener("pointermove", (event) => {
    const x = localX(event);
    const y = localY(event);
    if (pointers.has(event.pointerId)) {
      const before = pointers.get(event.pointerId);
      if (pointers.size === 2) {
        const [a, b] = Array.from(pointers.values());
        const distance = Math.hypot(a.x - b.x, a.y - b.y);
        pointers.set(event.pointerId, { x: x, y: y });
        const [c, d] = Array.from(pointers.values());
        const now = Math.hypot(c.x - d.x, c.y - d.y);
        if (distance > 0 && now > 0) zoomBy(now / distance, (c.x + d.x) / 2 / geometry.width);
        if (drag) drag.moved = true;
        return;
      }
      pointers.set(event.pointerId, { x: x, y: y });
      if (drag && (drag.moved || Math.abs(x - drag.x) > 4)) {
        drag.moved = true;
        canvas.classList.add("dragging");
        panBy(before.x - x);
      }
      return;
    }
    const box = boxAt(x, y);
    const hovered = box ? box.index : -1;
    if (hovered !== state.hovered) {
      state.hovered = hovered;
      invalidate();
    }
    showTooltip(box, x, y);
  });

  function endPointer(event) {
    pointers.delete(event.pointerId);
    canvas.classList.remove("dragging");
    if (pointers.size > 0) return;
    const wasDrag = drag && drag.moved;
    drag = null;
    if (wasDrag || event.type !== "pointerup") return;
    const x = localX(event);
    const y = localY(event);
    const box = boxAt(x, y);
    if (box) {
      select(box.index, false);
      return;
    }
    const cluster = clusterAt(x, y);
    if (cluster) {
      flyTo(L.around(cluster.start, cluster.end, 0.2));
    } else if (state.frame && state.frame.scene.bins && y > geometry.lanesTop) {
      flyTo(L.zoomed(state.period, 4, x / geometry.width));
    }
  }

  canvas.addEventListener("pointerup", endPointer);
  canvas.addEventListener("pointercancel", endPointer);
  canvas.addEventListener("pointerleave", () => {
    $("tooltip").hidden = true;
    if (state.hovered >= 0) {
      state.hovered = -1;
      invalidate();
    }
  });
  canvas.addEventListener("dblclick", (event) => {
    if (!boxAt(localX(event), localY(event))) flyTo(L.zoomed(state.period, 2, localX(event) / geometry.width), 250);
  });

  function showTooltip(box, x, y) {
    const tip = $("tooltip");
    if (!box) {
      tip.hidden = true;
      return;
    }
    tip.replaceChildren(element("strong", ev.title[box.index]), element("span", ev.when[box.index], "when"));
    tip.hidden = false;
    const width = tip.offsetWidth;
    tip.style.left = Math.min(x + 14, geometry.width - width - 4) + "px";
    tip.style.top = y + 18 + "px";
  }

  function typing(target) {
    return target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA");
  }

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (state.slide >= 0) {
      slideKeys(event);
      return;
    }
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      // Up and down walk the search results, from the search box into the list and back.
      const buttons = Array.from($("results-list").querySelectorAll("button"));
      const at = buttons.indexOf(event.target);
      if (buttons.length && (at >= 0 || event.target === $("search"))) {
        event.preventDefault();
        const next = at + (event.key === "ArrowDown" ? 1 : -1);
        if (next < 0) $("search").focus();
        else buttons[Math.min(next, buttons.length - 1)].focus();
        return;
      }
    }
    if (typing(event.target)) {
      if (event.key === "Escape") {
        event.target.value = "";
        runSearch("");
        canvas.focus();
      }
      return;
    }
    const inButton = event.target && event.target.tagName === "BUTTON";
    const keys = {
      ArrowLeft: () => panBy(-geometry.width / 10),
      ArrowRight: () => panBy(geometry.width / 10),
      "+": () => zoomBy(1.5),
      "=": () => zoomBy(1.5),
      "-": () => zoomBy(1 / 1.5),
      "−": () => zoomBy(1 / 1.5),
      Home: fitAll,
      ",": () => stepSelection(-1),
      ".": () => stepSelection(1),
      "/": () => $("search").focus(),
      s: () => data.story.length && openSlide(0),
      Escape: () => select(-1),
    };
    if (inButton && (event.key === "Enter" || event.key === " ")) return;
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  });

  // Search -----------------------------------------------------------------------------------

  let searchTimer = 0;

  function runSearch(query) {
    state.query = query;
    const results = $("results");
    const list = $("results-list");
    const found = search.search(query, shown);
    state.mask = found.terms ? found.mask : null;
    list.replaceChildren();
    if (!found.terms) {
      results.hidden = true;
      invalidate();
      return;
    }
    const total = found.hits.length;
    $("results-count").textContent =
      total === 0 ? "No events match" : total.toLocaleString("en") + (total === 1 ? " event matches" : " events match");
    const items = found.hits.slice(0, 200).map((i) => {
      const item = element("li");
      const button = element("button");
      button.type = "button";
      button.dataset.index = String(i);
      button.append(element("span", ev.title[i]), element("span", ev.when[i], "when"));
      item.append(button);
      return item;
    });
    list.append(...items);
    if (total > 200) list.append(element("li", "… and " + (total - 200).toLocaleString("en") + " more", "when"));
    results.hidden = false;
    invalidate();
  }

  $("search").addEventListener("input", (event) => {
    clearTimeout(searchTimer);
    const query = event.target.value;
    searchTimer = setTimeout(() => runSearch(query), count > 20000 ? 200 : 60);
  });
  $("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(searchTimer);
    runSearch($("search").value);
    const first = $("results-list").querySelector("button");
    if (first) first.click();
  });
  $("results-list").addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button) return;
    for (const other of $("results-list").querySelectorAll("[aria-current]")) other.removeAttribute("aria-current");
    button.setAttribute("aria-current", "true");
    select(Number(button.dataset.index), true);
  });

  // Legend -----------------------------------------------------------------------------------

  function buildLegend() {
    const legend = $("legend");
    const counts = new Array(data.categories.length).fill(0);
    for (let i = 0; i < count; i++) if (ev.category[i] >= 0) counts[ev.category[i]] += 1;
    data.categories.forEach((category, c) => {
      if (!counts[c]) return;
      const button = element("button");
      button.type = "button";
      button.setAttribute("aria-pressed", "true");
      button.dataset.category = String(c);
      button.title = "Hide or show " + category.name;
      const swatch = element("span", null, "swatch");
      swatch.style.background = category.colour;
      button.append(swatch, element("span", category.name), element("span", counts[c].toLocaleString("en"), "count"));
      button.addEventListener("click", () => {
        const hidden = state.hidden.has(c);
        if (hidden) state.hidden.delete(c);
        else state.hidden.add(c);
        button.setAttribute("aria-pressed", String(hidden));
        rebuildIndex();
        if (state.selected >= 0 && !shown[state.selected]) select(-1);
        if (state.query) runSearch(state.query);
        invalidate();
      });
      legend.append(button);
    });
  }

  // The story as slides ----------------------------------------------------------------------

  function openSlide(k) {
    const total = data.story.length;
    if (!total) return;
    const number = Math.min(Math.max(k, 0), total - 1);
    const opening = state.slide < 0;
    if (opening) state.before = { period: state.period, selected: state.selected };
    state.slide = number;
    const i = data.story[number];
    document.body.classList.add("presenting");
    $("slides").hidden = false;
    fillEvent(i, $("slide"), "h2");
    $("slide-count").textContent = number + 1 + " / " + total;
    $("slide-prev").disabled = number === 0;
    $("slide-next").disabled = number === total - 1;
    state.selected = i;
    const frame = data.storyFrames[number];
    if (opening) {
      measureGeometry();
      setPeriod({ start: frame[0], end: frame[1] });
      $("slides").focus();
    } else {
      flyTo({ start: frame[0], end: frame[1] }, 500);
    }
  }

  /** Leave the slides: the timeline is as it was before they began. */
  function closeSlides() {
    state.slide = -1;
    flight = null;
    document.body.classList.remove("presenting");
    $("slides").hidden = true;
    const before = state.before || { period: state.period, selected: state.selected };
    setPeriod(before.period);
    select(before.selected, false);
    canvas.focus();
  }

  function slideKeys(event) {
    const keys = {
      ArrowRight: 1,
      ArrowDown: 1,
      PageDown: 1,
      " ": 1,
      ArrowLeft: -1,
      ArrowUp: -1,
      PageUp: -1,
      Backspace: -1,
    };
    if (event.target && event.target.tagName === "BUTTON" && (event.key === " " || event.key === "Enter")) return;
    if (event.key in keys) {
      event.preventDefault();
      openSlide(state.slide + keys[event.key]);
    } else if (event.key === "Home") {
      event.preventDefault();
      openSlide(0);
    } else if (event.key === "End") {
      event.preventDefault();
      openSlide(data.story.length - 1);
    } else if (event.key === "Escape") {
      event.preventDefault();
      if (!document.fullscreenElement) closeSlides();
    } else if (event.key === "f" || event.key === "F") {
      event.preventDefault();
      toggleFullScreen();
    }
  }

  function toggleFullScreen() {
    if (document.fullscreenElement) document.exitFullscreen();
    else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen().catch(() => {});
  }

  $("slide-prev").addEventListener("click", () => openSlide(state.slide - 1));
  $("slide-next").addEventListener("click", () => openSlide(state.slide + 1));
  $("slide-close").addEventListener("click", () => {
    if (document.fullscreenElement) document.exitFullscreen();
    closeSlides();
  });
  $("slide-full").addEventListener("click", toggleFullScreen);
  $("story-open").addEventListener("click", () => openSlide(0));

  // Print ------------------------------------------------------------------------------------

  window.addEventListener("beforeprint", () => {
    // The view as a picture as wide as the page and as tall as its lanes need.
    printSize = { width: 1100, height: 900 };
    draw();
    const lanes = state.frame.scene.boxes.reduce((most, box) => Math.max(most, box.lane + 1), 1);
    printSize = { width: 1100, height: geometry.lanesTop + (lanes + 1) * geometry.laneHeight + 12 };
    draw();
    const list = $("print-list");
    list.replaceChildren();
    const slides = state.slide >= 0;
    const chosen = slides ? data.story : index.overlapping(state.period.start, state.period.end).slice(0, 2000);
    for (const i of chosen) {
      const article = element("article", null, slides ? "slide-page" : "");
      fillEvent(i, article, "h2");
      list.append(article);
    }
  });
  window.addEventListener("afterprint", () => {
    printSize = null;
    $("print-list").replaceChildren();
    invalidate();
  });

  // Start ------------------------------------------------------------------------------------

  $("zoom-in").addEventListener("click", () => flyTo(L.zoomed(state.period, 2), 200));
  $("zoom-out").addEventListener("click", () => flyTo(L.zoomed(state.period, 0.5), 200));
  $("fit").addEventListener("click", fitAll);
  window.addEventListener("resize", invalidate);
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => {
    readPalette();
    invalidate();
  });

  readPalette();
  rebuildIndex();
  buildLegend();
  if (data.story.length) {
    $("story-open").hidden = false;
    $("help-story").hidden = false;
  }
  const [earliest, latest] = allBounds();
  state.period = L.around(earliest, latest);
  if (data.openStory) openSlide(0);
  draw();

  /** What the page shows, for its tests and benchmark (read only; nothing here changes it). */
  window.timelineViewer = {
    openedAt: performance.now(),
    count: count,
    snapshot: () => {
      const frame = state.frame;
      const rect = canvas.getBoundingClientRect();
      return {
        canvas: { left: rect.left, top: rect.top },
        period: state.period,
        unit: frame.axis.unit,
        minor: L.visibleLabels(frame.axis.minor, frame.period, geometry.width, measure).map((p) => p[1]),
        major: L.visibleLabels(frame.axis.major, frame.period, geometry.width, measureBold, 8, true).map((p) => p[1]),
        inView: frame.scene.inView,
        detailed: !frame.scene.bins,
        boxes: frame.scene.boxes.map((b) => ({
          title: ev.title[b.index],
          lane: b.lane,
          x: (Math.max(b.x0, 0) + Math.min(b.x1, geometry.width)) / 2,
          y: geometry.lanesTop + b.lane * geometry.laneHeight + (geometry.laneHeight - 4) / 2,
        })),
        clusters: frame.scene.clusters.length,
        selected: state.selected >= 0 ? ev.title[state.selected] : null,
        slide: state.slide,
        hidden: Array.from(state.hidden).map((c) => data.categories[c].name),
        drawMs: frame.drawMs,
        flying: flight !== null || pending,
      };
    },
    show: (start, end) => {
      flight = null;
      setPeriod({ start: start, end: end });
      draw();
      pending = false;
      return state.frame.scene.inView;
    },
    search: (query) => {
      const started = performance.now();
      $("search").value = query;
      runSearch(query);
      return { ms: performance.now() - started, hits: search.search(query, shown).hits.length };
    },
    pan: (pixels) => {
      panBy(pixels);
      draw();
      pending = false;
      return state.frame.drawMs;
    },
  };
})();
