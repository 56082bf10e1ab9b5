// claimgraph: the one script of the web app, loaded as a file (the CSP forbids inline
// script). It highlights the span named in the URL fragment, and makes the columns of
// tables marked "sortable" sort on a click. The pages work without it.
(function () {
  "use strict";
  // A span split by an overlapping one has its id on the first piece only; this
  // highlights every piece of the span named in the URL fragment.
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

  // A cell sorts by its data-sort value when it has one (a figure's number, a date's
  // first day), else by its text; numbers compare as numbers, empty cells go last.
  function sortValue(row, index) {
    var cell = row.cells[index];
    if (!cell) return "";
    return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
  }

  function compare(a, b) {
    if (a === "" || b === "") return a === b ? 0 : a === "" ? 1 : -1;
    var x = Number(a), y = Number(b);
    if (isFinite(x) && isFinite(y)) return x - y;
    return a.localeCompare(b);
  }

  function sortBy(table, index, header) {
    var body = table.tBodies[0];
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (r1, r2) {
      var order = compare(sortValue(r1, index), sortValue(r2, index));
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    table.querySelectorAll("th[aria-sort]").forEach(function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  function makeSortable(table) {
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(headers, function (header, index) {
      if (!header.textContent.trim()) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.textContent = header.textContent;
      button.title = "Sort by " + header.textContent;
      header.textContent = "";
      header.appendChild(button);
      button.addEventListener("click", function () { sortBy(table, index, header); });
    });
  }

  window.addEventListener("hashchange", markTarget);
  document.addEventListener("DOMContentLoaded", function () {
    markTarget();
    document.querySelectorAll("table.sortable").forEach(makeSortable);
  });
})();
