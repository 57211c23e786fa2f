// The console's own script: the theme toggle, the narrow screen's menu, and the live refresh of
// every page (its pause, and the age of what it shows).
(function () {
  "use strict";
  var root = document.documentElement;
  var stored = localStorage.getItem("tasker-theme");
  if (stored === "light" || stored === "dark") {
    root.dataset.theme = stored;
  }

  // Polling runs while the tab is visible and the user has not paused it. A poll that comes
  // due otherwise is cancelled here, not by a filter in hx-trigger ("every 5s [cond]"): such a
  // filter needs eval, which the Content-Security-Policy (script-src 'self') forbids, and htmx
  // would then drop it and poll regardless.
  var paused = false;
  var updatedAt = Date.now();
  var morphing = null; // The element a swap replaces now: data-keep spares the others, not it.
  window.taskerPolling = function () {
    return !paused && !document.hidden;
  };

  function isLive(elt) {
    return elt && (elt.id === "metrics-table" || elt.id === "live");
  }

  document.addEventListener("htmx:beforeRequest", function (event) {
    if (isLive(event.detail.elt) && !window.taskerPolling()) {
      event.preventDefault();
    }
  });
  document.addEventListener("htmx:beforeSwap", function (event) {
    morphing = event.detail.target;
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    morphing = null;
    if (isLive(event.detail.target)) {
      updatedAt = Date.now();
      showAge();
    }
  });

  // A refresh morphs the page into the new one: the server renders every <details> closed, and
  // what the operator opened stays open; what is marked data-keep (a chart, the banners that
  // poll by themselves, the filter being typed in) is left as it is.
  if (window.Idiomorph) {
    Idiomorph.defaults.ignoreActiveValue = true;
    Idiomorph.defaults.callbacks.beforeAttributeUpdated = function (name, node) {
      return !(name === "open" && node.tagName === "DETAILS");
    };
    Idiomorph.defaults.callbacks.beforeNodeMorphed = function (node) {
      return !(node !== morphing && node.nodeType === 1 && node.hasAttribute("data-keep"));
    };
  }

  function showAge() {
    var age = document.getElementById("live-age");
    if (age) {
      var seconds = Math.max(0, Math.round((Date.now() - updatedAt) / 1000));
      age.textContent = (paused ? "paused · " : "") + "updated " + seconds + " s ago";
    }
  }

  // The page polls its own URL and morphs its main element: polling rather than server-sent
  // events, since each page is already rendered on the server for any filter in its URL.
  function refreshEvery(live) {
    var interval = document.getElementById("poll-interval");
    var seconds = Number(interval ? interval.value : live.dataset.liveEvery);
    var busy = false;
    function tick() {
      if (busy || !window.taskerPolling()) {
        return;
      }
      busy = true;
      var done = function () {
        busy = false;
      };
      htmx.ajax("GET", location.pathname + location.search, { source: live, target: live, select: "#live", swap: "morph" })
        .then(done, done);
    }
    setInterval(tick, (seconds > 0 ? seconds : 5) * 1000);
    setInterval(showAge, 1000);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var toggle = document.getElementById("theme-toggle");
    if (toggle) {
      toggle.addEventListener("click", function () {
        var dark = root.dataset.theme
          ? root.dataset.theme === "dark"
          : window.matchMedia("(prefers-color-scheme: dark)").matches;
        root.dataset.theme = dark ? "light" : "dark";
        localStorage.setItem("tasker-theme", root.dataset.theme);
      });
    }
    var menu = document.getElementById("nav-toggle");
    if (menu) {
      menu.addEventListener("click", function () {
        var open = menu.getAttribute("aria-expanded") !== "true";
        menu.setAttribute("aria-expanded", String(open));
        document.getElementById("nav").classList.toggle("open", open);
      });
    }
    var pause = document.getElementById("pause-toggle");
    if (pause) {
      pause.addEventListener("click", function () {
        paused = !paused;
        pause.setAttribute("aria-pressed", String(paused));
        pause.textContent = paused ? "Resume" : "Pause";
        showAge();
      });
    }
    // Changing the refresh interval reloads the page with it in the URL, so a link keeps it.
    var interval = document.getElementById("poll-interval");
    if (interval) {
      interval.addEventListener("change", function () {
        interval.form.submit();
      });
    }
    var live = document.getElementById("live");
    if (live) {
      refreshEvery(live);
    }
  });
})();
