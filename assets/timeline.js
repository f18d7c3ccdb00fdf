/* timeline dashboard: the few things Dash callbacks cannot do from the server.
 * - highlight(span): mark the selected event's sentence in the article and scroll to it
 * - Enter/Space on a marked expression clicks it (keyboard users select events too)
 */
(function () {
  "use strict";

  function highlight(span) {
    var root = document.getElementById("tl-article");
    if (!root) { return window.dash_clientside.no_update; }
    root.querySelectorAll(".tl-hl").forEach(function (el) { el.classList.remove("tl-hl"); });
    if (!span) { return null; }
    var first = null;
    root.querySelectorAll("[data-s]").forEach(function (el) {
      var s = Number(el.getAttribute("data-s")), e = Number(el.getAttribute("data-e"));
      if (s >= span.start && e <= span.end) {
        el.classList.add("tl-hl");
        if (!first) { first = el; }
      }
    });
    if (first) {
      first.scrollIntoView({block: "center", behavior: "smooth"});
    }
    return span.event_id + ":" + (first ? "shown" : "absent");
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    timeline: {highlight: highlight}
  });

  document.addEventListener("keydown", function (ev) {
    var el = ev.target;
    if (!el || !el.classList || !el.classList.contains("tl-timex")) { return; }
    if (ev.key === "Enter" || ev.key === " ") {
      ev.preventDefault();
      el.click();
    }
  });
})();
