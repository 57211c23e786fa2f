// Draws the chart of /chart with uPlot from /api/series; loaded as a file, never inline, so the
// Content-Security-Policy keeps script-src 'self'. Everything the operator chooses (the zoomed or
// picked range, the lines shown, the label summed by) lives in the URL, so a reload or a shared
// link shows the same chart; "Download CSV" writes exactly the lines and range drawn.
(function () {
  "use strict";
  // 16 colours far apart in hue and lightness; a series keeps its colour across its fields, and
  // the fields differ by dash, so a histogram's 12 series x 4 lines stay told apart.
  var COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#e377c2", "#8c564b",
    "#bcbd22", "#393b79", "#637939", "#ad494a", "#7b4173", "#3182bd", "#e6550d", "#636363"];
  var DASHES = { p50: undefined, p95: [8, 4], p99: [2, 3], rate: [12, 4, 2, 4], value: undefined };
  var WINDOWS = [["15m", 900], ["1h", 3600], ["6h", 21600], ["24h", 86400], ["7d", 604800], ["90d", 7776000]];
  var LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

  function params() { return new URL(window.location.href).searchParams; }

  function setParams(change) {
    var url = new URL(window.location.href);
    Object.keys(change).forEach(function (k) {
      if (change[k] === null || change[k] === "") { url.searchParams.delete(k); } else { url.searchParams.set(k, change[k]); }
    });
    window.history.replaceState(null, "", url.pathname + url.search);
  }

  function labelsOf(text) {
    var out = {};
    var m;
    LABEL.lastIndex = 0;
    while ((m = LABEL.exec(text || "")) !== null) { out[m[1]] = m[2].replace(/\\(.)/g, "$1"); }
    return out;
  }

  // The unit a line is drawn in: from the field, then the metric's name suffix (Prometheus naming).
  function unitOf(name, field) {
    if (field === "rate") { return "per second"; }
    if (/_seconds$/.test(name)) { return "seconds"; }
    if (/_bytes$/.test(name)) { return "bytes"; }
    if (/_ratio$/.test(name)) { return "ratio"; }
    return "value";
  }

  function formatIn(unit) {
    return function (u, values) {
      return values.map(function (v) {
        if (v === null || v === undefined) { return ""; }
        if (unit === "seconds") { return Math.abs(v) < 1 && v !== 0 ? +(v * 1000).toPrecision(3) + " ms" : +v.toPrecision(3) + " s"; }
        if (unit === "per second") { return +v.toPrecision(3) + "/s"; }
        if (unit === "bytes") { return Math.abs(v) >= 1048576 ? +(v / 1048576).toPrecision(3) + " MiB" : Math.abs(v) >= 1024 ? +(v / 1024).toPrecision(3) + " KiB" : v + " B"; }
        return String(+v.toPrecision(4));
      });
    };
  }

  // Lines of the same field whose series share the label's value, added up point by point (a
  // point is missing only where every line of the group misses it). Quantiles cannot be added.
  function sumBy(lines, label) {
    var groups = {};
    var order = [];
    lines.forEach(function (l) {
      if (l.field !== "rate" && l.field !== "value") { return; }
      var v = labelsOf(l.labels)[label];
      var key = l.field + "\u0000" + (v === undefined ? "" : v);
      if (!groups[key]) {
        groups[key] = { labels: label + "=\"" + (v === undefined ? "" : v) + "\"", field: l.field, unit: l.unit,
          estimated: false, values: l.values.map(function () { return null; }) };
        order.push(key);
      }
      l.values.forEach(function (x, i) {
        if (x !== null) { groups[key].values[i] = (groups[key].values[i] || 0) + x; }
      });
    });
    return order.map(function (k) { return groups[k]; });
  }

  function lineName(l) {
    var field = l.field === "value" ? "" : " " + l.field + (l.estimated ? " est." : "");
    return (l.labels || "(no labels)") + field;
  }

  function chosenFields(all) {
    var p = params().get("fields");
    if (!p) { return all; }
    var picked = p.split(",");
    return all.filter(function (f) { return picked.indexOf(f) >= 0; });
  }

  function fieldsOf(lines) {
    var out = [];
    lines.forEach(function (l) { if (out.indexOf(l.field) < 0) { out.push(l.field); } });
    return out;
  }

  // The lines to draw from what /api/series gave: summed by a label if asked, the picked fields,
  // at most 16 series (one colour each); the rest are named in the "more..." note.
  function prepare(d) {
    var by = params().get("by");
    var lines = by ? sumBy(d.lines, by) : d.lines;
    var fields = chosenFields(fieldsOf(lines));
    lines = lines.filter(function (l) { return fields.indexOf(l.field) >= 0; });
    var series = [];
    lines.forEach(function (l) { if (series.indexOf(l.labels) < 0) { series.push(l.labels); } });
    var drawn = series.slice(0, COLORS.length);
    return {
      lines: lines.filter(function (l) { return drawn.indexOf(l.labels) >= 0; }),
      colour: function (l) { return COLORS[drawn.indexOf(l.labels)]; },
      more: series.length - drawn.length + (d.omitted || 0)
    };
  }

  function render(el, d) {
    var css = getComputedStyle(document.body);
    var ink = css.color;
    var grid = css.getPropertyValue("--border").trim() || "rgba(128,128,128,.3)";
    var shown = prepare(d);
    var units = [];
    shown.lines.forEach(function (l) {
      var u = unitOf(d.name, l.field);
      if (units.indexOf(u) < 0) { units.push(u); }
    });
    var data = [d.times];
    var series = [{ label: "time (UTC)" }];
    shown.lines.forEach(function (l) {
      data.push(l.values);
      series.push({ label: lineName(l), stroke: shown.colour(l), width: 1.5, scale: unitOf(d.name, l.field),
        dash: DASHES[l.field], spanGaps: true, points: { show: false } });
    });
    var axes = [{ stroke: ink, grid: { stroke: grid } }];
    units.forEach(function (u, i) {
      axes.push({ scale: u, label: u, stroke: ink, side: i === 0 ? 3 : 1, size: 70, values: formatIn(u),
        grid: { show: i === 0, stroke: grid } });
    });
    var opts = { width: Math.max(200, el.clientWidth), height: 340, series: series, axes: axes,
      cursor: { drag: { x: true, y: false } },
      // The x-axis spans the window asked for (7d looks like 7 days), not just the times that have data.
      // uPlot asks for the range with the data's first and last times when it fits the data (at
      // the start, on a double-click); a drag asks with the zoomed span, which stays as it is.
      scales: { x: { time: true, range: function (u, min, max) {
        var t = d.times;
        var fit = t.length === 0 || min == null || (min === t[0] && (max === t[t.length - 1] || max === t[0] + 86400));
        return fit ? [d.from, d.to] : [min, max];
      } } },
      // The console shows every time in UTC, the range picker too.
      tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"); },
      hooks: { setScale: [function (u, key) { if (key === "x") { rangeChanged(el, u, windowOf(d)); } }] } };
    el.textContent = "";
    if (d.times.length === 0) { el.dataset.empty = "true"; }
    var plot = new uPlot(opts, data, el);
    el.uplot = plot;
    var from = Number(params().get("from"));
    var to = Number(params().get("to"));
    if (from && to && to > from) { plot.setScale("x", { min: from, max: to }); }
    window.addEventListener("resize", function () { plot.setSize({ width: Math.max(200, el.clientWidth), height: 340 }); });
    more(shown.more);
    follow(el, plot, d);
    return plot;
  }

  // The whole window asked for, as the x-axis shows it (it moves on as the chart follows the
  // history); a zoom inside it goes into the address.
  function windowOf(d) {
    return d.from != null ? [d.from, d.to] : (d.times.length ? [d.times[0], d.times[d.times.length - 1]] : null);
  }

  // A zoom (a drag, a picked range) goes into the URL; the whole window again (a double-click) leaves it.
  function rangeChanged(el, u, full) {
    var min = Math.floor(u.scales.x.min);
    var max = Math.ceil(u.scales.x.max);
    el.dataset.from = min;
    el.dataset.to = max;
    var whole = !full || (min <= full[0] && max >= full[1]);
    setParams({ from: whole ? null : String(min), to: whole ? null : String(max) });
    showRange(whole ? null : min, whole ? null : max);
  }

  function more(n) {
    var note = document.getElementById("chart-more");
    if (!note) { return; }
    note.hidden = n <= 0;
    note.textContent = n > 0 ? "and " + n + " more series not drawn (a chart draws 16 at most): pick series with labels=, or sum them by a label." : "";
  }

  function iso(seconds) { return new Date(seconds * 1000).toISOString().slice(0, 19); }

  function showRange(from, to) {
    var f = document.getElementById("chart-from");
    var t = document.getElementById("chart-to");
    if (f && t) { f.value = from ? iso(from) : ""; t.value = to ? iso(to) : ""; }
  }

  // An absolute range: in the current window it only zooms; further back it opens the smallest
  // window that holds it, keeping the range in the URL.
  function pickRange(plot, ev) {
    ev.preventDefault();
    var from = Date.parse(document.getElementById("chart-from").value + "Z") / 1000;
    var to = Date.parse(document.getElementById("chart-to").value + "Z") / 1000;
    if (!(from < to)) { more(0); return; }
    var now = Date.now() / 1000;
    var current = params().get("window") || "1h";
    var need = WINDOWS.filter(function (w) { return now - from <= w[1]; })[0] || WINDOWS[WINDOWS.length - 1];
    var span = WINDOWS.filter(function (w) { return w[0] === current; })[0];
    if (span && now - from <= span[1]) {
      plot.setScale("x", { min: from, max: to });
      return;
    }
    var url = new URL(window.location.href);
    url.searchParams.set("window", need[0]);
    url.searchParams.set("from", String(Math.floor(from)));
    url.searchParams.set("to", String(Math.ceil(to)));
    window.location.assign(url.pathname + url.search);
  }

  function reload(change) {
    var url = new URL(window.location.href);
    Object.keys(change).forEach(function (k) {
      if (change[k]) { url.searchParams.set(k, change[k]); } else { url.searchParams.delete(k); }
    });
    window.location.assign(url.pathname + url.search);
  }

  function tools(el, d, plot) {
    var fieldset = document.getElementById("chart-fields");
    var by = document.getElementById("chart-sum-by");
    var range = document.getElementById("chart-range");
    var csv = document.getElementById("chart-csv");
    if (!fieldset || !by || !range || !csv) { return; }
    var all = fieldsOf(params().get("by") ? sumBy(d.lines, params().get("by")) : d.lines);
    var chosen = chosenFields(all);
    all.forEach(function (f) {
      var label = document.createElement("label");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.value = f;
      box.checked = chosen.indexOf(f) >= 0;
      box.addEventListener("change", function () {
        var picked = Array.prototype.filter.call(fieldset.querySelectorAll("input"), function (b) { return b.checked; })
          .map(function (b) { return b.value; });
        reload({ fields: picked.length === all.length ? null : picked.join(",") });
      });
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + f));
      fieldset.appendChild(label);
    });
    var names = [];
    d.lines.forEach(function (l) { Object.keys(labelsOf(l.labels)).forEach(function (k) { if (names.indexOf(k) < 0) { names.push(k); } }); });
    names.sort().forEach(function (n) {
      var o = document.createElement("option");
      o.value = n;
      o.textContent = n;
      by.appendChild(o);
    });
    by.value = params().get("by") || "";
    by.addEventListener("change", function () { reload({ by: by.value, fields: null }); });
    range.addEventListener("submit", function (ev) { pickRange(plot, ev); });
    document.getElementById("chart-reset").addEventListener("click", function () {
      plot.setScale("x", { min: d.times[0], max: d.times[d.times.length - 1] });
    });
    csv.addEventListener("click", function () { download(d.name, plot); });
  }

  // A cell as text a spreadsheet will not run: a label that begins like a formula is quoted with '.
  function cell(text) {
    var s = String(text);
    if (/^[\s]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFE62\uFE63\uFF20]/.test(s)) { s = "'" + s; }
    return /[",\n\r]/.test(s) ? "\"" + s.replace(/"/g, "\"\"") + "\"" : s;
  }

  // The lines shown (the legend can hide some) over the range shown, one row per time.
  function drawn(plot) {
    var cols = [];
    plot.series.forEach(function (s, i) { if (i > 0 && s.show) { cols.push(i); } });
    var min = plot.scales.x.min;
    var max = plot.scales.x.max;
    var rows = [["time"].concat(cols.map(function (i) { return cell(plot.series[i].label); })).join(",")];
    plot.data[0].forEach(function (t, k) {
      if (t < min || t > max) { return; }
      rows.push([new Date(t * 1000).toISOString()].concat(cols.map(function (i) {
        var v = plot.data[i][k];
        return v === null || v === undefined ? "" : String(v);
      })).join(","));
    });
    return rows.join("\n") + "\n";
  }

  function download(name, plot) {
    var blob = new Blob([drawn(plot)], { type: "text/csv;charset=utf-8" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name + "-" + Math.floor(plot.scales.x.min) + "-" + Math.ceil(plot.scales.x.max) + ".csv";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
  }

  // The chart follows the history: it asks again every 15 s (not while paused or hidden) and
  // takes the new points, drawn with the same tools (sum by, lines); a zoom the operator dragged
  // or picked (kept in the address) stays, the whole window moves on.
  function follow(el, plot, d) {
    setInterval(function () {
      if (window.taskerPolling && !window.taskerPolling()) { return; }
      fetch(el.dataset.series, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (next) {
          if (!next) { return; }
          var shown = prepare(next);
          if (shown.lines.length !== plot.series.length - 1) { return; }
          // The x-axis's range and the address read the window from d: it moves on with the data.
          d.times = next.times;
          d.from = next.from;
          d.to = next.to;
          d.lines = next.lines;
          var zoomed = !!params().get("from");
          plot.setData([next.times].concat(shown.lines.map(function (l) { return l.values; })), !zoomed);
          el.dataset.points = String(next.times.length);
        })
        .catch(function () { /* the next tick tries again */ });
    }, 15000);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var el = document.getElementById("chart");
    if (!el || !el.dataset.series) { return; }
    fetch(el.dataset.series, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) {
        return r.ok ? r.json() : r.text().then(function (t) { throw new Error(t); });
      })
      .then(function (d) { tools(el, d, render(el, d)); el.dataset.ready = "true"; })
      .catch(function (e) { el.textContent = "Cannot draw the chart: " + e.message; });
  });
})();
