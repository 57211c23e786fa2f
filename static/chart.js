// Draws the chart of /chart with uPlot from /api/series; loaded as a file, never inline, so the
// Content-Security-Policy keeps script-src 'self'.
(function () {
  "use strict";
  var COLORS = ["#2f6fdf", "#d9480f", "#2b8a3e", "#ae3ec9", "#e67700", "#0c8599", "#c2255c", "#5c940d",
    "#364fc7", "#a61e4d", "#087f5b", "#862e9c"];

  function label(line) {
    var name = line.field === "value" ? "" : line.field + (line.estimated ? " est." : "");
    var labels = line.labels || "(no labels)";
    return name ? labels + " " + name : labels;
  }

  function render(el, d) {
    var css = getComputedStyle(document.body);
    var ink = css.color;
    var grid = css.getPropertyValue("--border").trim() || "rgba(128,128,128,.3)";
    var units = [];
    d.lines.forEach(function (l) {
      if (units.indexOf(l.unit) < 0) { units.push(l.unit); }
    });
    var data = [d.times];
    var series = [{}];
    d.lines.forEach(function (l, i) {
      data.push(l.values);
      series.push({ label: label(l), stroke: COLORS[i % COLORS.length], width: 1.5, scale: l.unit,
        dash: l.field === "rate" && units.length > 1 ? [6, 3] : undefined });
    });
    var axes = [{ stroke: ink, grid: { stroke: grid } }];
    units.forEach(function (u, i) {
      axes.push({ scale: u, label: u, stroke: ink, side: i === 0 ? 3 : 1, grid: { show: i === 0, stroke: grid } });
    });
    var opts = { width: Math.max(200, el.clientWidth), height: 340, series: series, axes: axes,
      cursor: { drag: { x: true, y: false } }, scales: { x: { time: true } } };
    el.textContent = "";
    if (d.times.length === 0) {
      el.dataset.empty = "true";
    }
    var plot = new uPlot(opts, data, el);
    window.addEventListener("resize", function () {
      plot.setSize({ width: Math.max(200, el.clientWidth), height: 340 });
    });
    follow(el, plot, d.lines.length);
  }

  // The chart follows the history: it asks again every 15 s (not while paused or hidden) and
  // takes the new points; a zoom the operator dragged stays, the full window moves on.
  function follow(el, plot, lines) {
    setInterval(function () {
      if (window.taskerPolling && !window.taskerPolling()) { return; }
      fetch(el.dataset.series, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (d) {
          if (!d || d.lines.length !== lines) { return; }
          var x = plot.scales.x;
          var old = plot.data[0];
          var zoomed = old.length > 1 && (x.min > old[0] || x.max < old[old.length - 1]);
          plot.setData([d.times].concat(d.lines.map(function (l) { return l.values; })), !zoomed);
          el.dataset.points = String(d.times.length);
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
      .then(function (d) { render(el, d); })
      .catch(function (e) { el.textContent = "Cannot draw the chart: " + e.message; });
  });
})();
