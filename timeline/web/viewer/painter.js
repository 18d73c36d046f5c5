/*
 * The published timeline's painter: draws one frame, already computed (the axis, the lanes or
 * the density band), on the canvas. It decides nothing about what goes where, as the app's
 * painter draws the draw list that its layout made. Text widths are measured once per font.
 */
(function (root) {
  "use strict";

  root.TimelinePainter = function (context, data) {
    const L = root.TimelineLogic;
    const ev = data.events;
    const OPEN = data.openEnd;
    let widths = new Map();
    let currentFont = null;
    let geometry = null;
    let palette = null;
    let marked = null; // what the frame marks: selected, hovered, the search's matches
    let NOW = 0;

    function useFont(font) {
      if (font !== currentFont) {
        widths = new Map();
        currentFont = font;
      }
      context.font = font;
    }

    function colourOf(i) {
      if (ev.colour[i]) return ev.colour[i];
      const category = data.categories[ev.category[i]];
      return category ? category.colour : palette.accent;
    }

    function measure(text) {
      let width = widths.get(text);
      if (width === undefined) {
        width = context.measureText(text).width;
        widths.set(text, width);
      }
      return width;
    }

    function drawAxis(axis, period) {
      const g = geometry;
      context.strokeStyle = palette.grid;
      context.lineWidth = 1;
      context.beginPath();
      for (const tick of axis.minor) {
        const x = Math.round(L.toX(tick.time, period, g.width)) + 0.5;
        context.moveTo(x, g.majorBottom);
        context.lineTo(x, g.height);
      }
      context.stroke();
      context.strokeStyle = palette.line;
      context.beginPath();
      context.moveTo(0, g.axisBottom + 0.5);
      context.lineTo(g.width, g.axisBottom + 0.5);
      for (const tick of axis.major) {
        const x = Math.round(L.toX(tick.time, period, g.width)) + 0.5;
        context.moveTo(x, 0);
        context.lineTo(x, g.axisBottom);
      }
      context.stroke();
      context.fillStyle = palette.fg;
      context.font = "600 " + g.font;
      for (const [x, label] of L.visibleLabels(axis.major, period, g.width, measureBold, 8, true)) {
        context.fillText(label, x, g.majorBottom / 2);
      }
      context.font = g.font;
      context.fillStyle = palette.muted;
      for (const [x, label] of L.visibleLabels(axis.minor, period, g.width, measure)) {
        context.fillText(label, x, (g.majorBottom + g.axisBottom) / 2);
      }
    }

    function measureBold(text) {
      const key = "\u0001" + text;
      let width = widths.get(key);
      if (width === undefined) {
        width = context.measureText(text).width * 1.06;
        widths.set(key, width);
      }
      return width;
    }

    function drawEras(period) {
      const g = geometry;
      context.font = g.small;
      for (const era of data.eras) {
        const end = era.latest >= OPEN ? NOW : era.latest;
        if (end <= period.start || era.earliest >= period.end) continue;
        const x0 = L.toX(era.earliest, period, g.width);
        const x1 = L.toX(end, period, g.width);
        context.globalAlpha = 1;
        context.fillStyle = era.colour ? withAlpha(era.colour, 0.12) : palette.era;
        context.fillRect(x0, g.eraTop, x1 - x0, g.height - g.eraTop);
        context.fillStyle = era.colour || palette.accent;
        context.fillRect(x0, g.eraTop, x1 - x0, 3);
        const label = era.name;
        const left = Math.max(x0, 0) + 6;
        if (left + measure(label) < Math.min(x1, g.width)) {
          context.fillStyle = palette.fg;
          context.fillText(label, left, (g.eraTop + g.eraBottom) / 2 + 2);
        }
      }
      context.font = g.font;
    }

    function withAlpha(colour, alpha) {
      const match = /^#([0-9a-f]{6})$/i.exec(colour);
      if (!match) return colour;
      const n = parseInt(match[1], 16);
      return "rgba(" + (n >> 16) + "," + ((n >> 8) & 255) + "," + (n & 255) + "," + alpha + ")";
    }

    function drawEvents(scene) {
      const g = geometry;
      const faded = marked.mask;
      for (const box of scene.boxes) {
        const i = box.index;
        const top = g.lanesTop + box.lane * g.laneHeight;
        const middle = top + (g.laneHeight - 4) / 2;
        const colour = colourOf(i);
        context.globalAlpha = faded && !faded[i] ? 0.22 : 1;
        if (box.marker) {
          const centre = (box.x0 + box.x1) / 2;
          const r = box.markerSize / 2;
          context.fillStyle = colour;
          context.beginPath();
          context.moveTo(centre, middle - r);
          context.lineTo(centre + r, middle);
          context.lineTo(centre, middle + r);
          context.lineTo(centre - r, middle);
          context.closePath();
          context.fill();
          if (ev.fuzzyStart[i]) {
            context.strokeStyle = palette.canvas;
            context.setLineDash([2, 2]);
            context.stroke();
            context.setLineDash([]);
          }
        } else {
          const x0 = Math.max(box.x0, -10);
          const x1 = Math.min(box.x1, g.width + 10);
          const height = g.laneHeight - 6;
          if (box.solidX0 > box.x0 || box.solidX1 < box.x1) {
            // Approximate ends fade across the span the date can mean.
            const gradient = context.createLinearGradient(x0, 0, x1, 0);
            const span = Math.max(x1 - x0, 1);
            const at = (x) => Math.min(Math.max((x - x0) / span, 0), 1);
            gradient.addColorStop(0, box.solidX0 > box.x0 ? withAlpha(colour, 0.08) : colour);
            gradient.addColorStop(at(box.solidX0), colour);
            gradient.addColorStop(at(box.solidX1), colour);
            gradient.addColorStop(1, box.solidX1 < box.x1 ? withAlpha(colour, 0.08) : colour);
            context.fillStyle = gradient;
          } else {
            context.fillStyle = colour;
          }
          roundedRect(x0, top + 1, Math.max(x1 - x0, 1), height, 4);
          context.fill();
        }
        if (i === marked.selected || i === marked.hovered) {
          context.strokeStyle = i === marked.selected ? palette.fg : palette.muted;
          context.lineWidth = 2;
          const left = box.marker ? (box.x0 + box.x1) / 2 - box.markerSize / 2 - 3 : Math.max(box.x0, -4) - 2;
          const right = box.marker ? (box.x0 + box.x1) / 2 + box.markerSize / 2 + 3 : Math.min(box.x1, g.width + 4) + 2;
          roundedRect(left, top - 1, right - left, g.laneHeight - 2, 5);
          context.stroke();
          context.lineWidth = 1;
        }
        context.fillStyle = box.labelInside ? "#ffffff" : palette.fg;
        context.fillText(ev.label[i], box.labelX, middle + 1);
      }
      context.globalAlpha = 1;
      context.font = g.small;
      for (const cluster of scene.clusters) {
        const text = "+" + cluster.count.toLocaleString("en");
        const width = context.measureText(text).width + 12;
        const x = Math.min(Math.max((cluster.x0 + cluster.x1) / 2 - width / 2, 2), g.width - width - 2);
        context.fillStyle = palette.line;
        roundedRect(x, g.overflowTop + 4, width, g.laneHeight - 6, (g.laneHeight - 6) / 2);
        context.fill();
        context.fillStyle = palette.fg;
        context.fillText(text, x + 6, g.overflowTop + 4 + (g.laneHeight - 6) / 2);
      }
      context.font = g.font;
    }

    function roundedRect(x, y, width, height, radius) {
      const r = Math.min(radius, width / 2, height / 2);
      context.beginPath();
      context.moveTo(x + r, y);
      context.arcTo(x + width, y, x + width, y + height, r);
      context.arcTo(x + width, y + height, x, y + height, r);
      context.arcTo(x, y + height, x, y, r);
      context.arcTo(x, y, x + width, y, r);
      context.closePath();
    }

    function drawDensity(bins, inView) {
      // As the app draws it: bars by the square root of their share of the busiest one.
      const g = geometry;
      const most = Math.max(1, ...bins);
      const top = g.lanesTop + g.lineHeight * 2.5;
      const bottom = g.height - 4;
      const width = g.width / bins.length;
      context.fillStyle = palette.density;
      context.globalAlpha = 0.5;
      bins.forEach((value, i) => {
        if (!value) return;
        const height = Math.round((bottom - top) * Math.max(Math.sqrt(value / most), 0.02));
        context.fillRect(Math.round(i * width), bottom - height, Math.max(Math.round(width) - 1, 1), height);
      });
      context.globalAlpha = 1;
      context.fillStyle = palette.fg;
      context.font = "600 " + g.font;
      const text = inView.toLocaleString("en") + " events in view — zoom in to see each one";
      context.fillText(text, Math.max((g.width - measureBold(text)) / 2, 4), g.lanesTop + g.lineHeight);
      context.font = g.font;
    }

    function drawToday(period) {
      if (NOW < period.start || NOW > period.end) return;
      const g = geometry;
      const x = Math.round(L.toX(NOW, period, g.width)) + 0.5;
      context.strokeStyle = palette.today;
      context.lineWidth = 2;
      context.beginPath();
      context.moveTo(x, g.axisBottom);
      context.lineTo(x, g.height);
      context.stroke();
      context.lineWidth = 1;
      context.fillStyle = palette.today;
      context.font = "600 " + g.small;
      const width = context.measureText("Today").width;
      const left = x + 4 + width < g.width ? x + 4 : x - 4 - width;
      context.fillText("Today", left, (g.eraTop + g.eraBottom) / 2 + 2);
      context.font = g.font;
    }

    /** Draw a frame: `frame` holds the period, axis, scene, geometry, palette and what is marked. */
    function paint(frame) {
      geometry = frame.geometry;
      palette = frame.palette;
      marked = frame;
      NOW = frame.now;
      const g = geometry;
      context.setTransform(g.ratio, 0, 0, g.ratio, 0, 0);
      useFont(g.font);
      context.textBaseline = "middle";
      context.fillStyle = palette.canvas;
      context.fillRect(0, 0, g.width, g.height);
      drawEras(frame.period);
      drawAxis(frame.axis, frame.period);
      if (frame.scene.bins) drawDensity(frame.scene.bins, frame.scene.inView);
      else drawEvents(frame.scene);
      drawToday(frame.period);
    }

    return { paint: paint, useFont: useFont, measure: measure, measureBold: measureBold };
  };
})(typeof self !== "undefined" ? self : this);
