// claimgraph: the one script of the web app, loaded as a file (the CSP forbids inline
// script). A span split by an overlapping one has its id on the first piece only; this
// highlights every piece of the span named in the URL fragment.
(function () {
  "use strict";
  function markTarget() {
    document.querySelectorAll(".m.is-target").forEach(function (el) {
      el.classList.remove("is-target");
    });
    var name = decodeURIComponent(window.location.hash.slice(1));
    if (!name) return;
    document.querySelectorAll(".m[data-a]").forEach(function (el) {
      if (el.getAttribute("data-a") === name) el.classList.add("is-target");
    });
  }
  window.addEventListener("hashchange", markTarget);
  document.addEventListener("DOMContentLoaded", markTarget);
})();
