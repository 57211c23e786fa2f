// The console's own script: the theme toggle, and the pause that htmx polling consults.
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
  window.taskerPolling = function () {
    return !paused && !document.hidden;
  };
  document.addEventListener("htmx:beforeRequest", function (event) {
    if (event.detail.elt && event.detail.elt.id === "metrics-table" && !window.taskerPolling()) {
      event.preventDefault();
    }
  });

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
    var pause = document.getElementById("pause-toggle");
    if (pause) {
      pause.addEventListener("click", function () {
        paused = !paused;
        pause.setAttribute("aria-pressed", String(paused));
        pause.textContent = paused ? "Resume" : "Pause";
      });
    }
    // Changing the refresh interval reloads the page with it in the URL, so a link keeps it.
    var interval = document.getElementById("poll-interval");
    if (interval) {
      interval.addEventListener("change", function () {
        interval.form.submit();
      });
    }
  });
})();
