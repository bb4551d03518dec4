(function () {
  "use strict";
  var detail = document.getElementById("detail");
  var selected = null;
  function byEv(i) { return document.querySelectorAll('[data-ev="' + i + '"]'); }
  function show(i) {
    var row = document.querySelector('tr[data-ev="' + i + '"]');
    if (!row) { return; }
    var c = row.cells;
    var head = "event " + c[0].textContent + " \u00b7 step " + c[1].textContent + " \u00b7 virtual time "
        + c[2].textContent + " \u00b7 task " + c[3].textContent + (c.length > 5 && c[5].textContent ? " \u00b7 "
        + c[5].textContent : "");
    detail.innerHTML = "";
    var p = document.createElement("p"); p.className = "head"; p.textContent = head; detail.appendChild(p);
    var w = document.createElement("p"); w.className = "what"; w.textContent = c[4].textContent;
    detail.appendChild(w);
    detail.className = row.classList.contains("failing") ? "failing" : "";
    detail.setAttribute("data-shown", String(i));
  }
  function select(i) {
    document.querySelectorAll(".sel").forEach(function (e) { e.classList.remove("sel"); });
    byEv(i).forEach(function (e) { e.classList.add("sel"); });
    selected = i;
    show(i);
  }
  document.addEventListener("click", function (e) {
    var t = e.target.closest("[data-ev]");
    if (t) { select(t.getAttribute("data-ev")); }
  });
  document.addEventListener("keydown", function (e) {
    var step = { ArrowRight: 1, j: 1, ArrowLeft: -1, k: -1 }[e.key];
    var rows = document.querySelectorAll("tr[data-ev]").length;
    if (!step || !rows) { return; }
    var next = selected === null ? 0 : Math.min(rows - 1, Math.max(0, Number(selected) + step));
    select(String(next));
    var g = document.querySelector('g.ev[data-ev="' + next + '"]');
    if (g) { g.scrollIntoView({ block: "nearest", inline: "nearest" }); }
    e.preventDefault();
  });
  var svg = document.querySelector("svg.timeline");
  svg.addEventListener("mouseover", function (e) {
    var t = e.target.closest("g.ev");
    if (t) { show(t.getAttribute("data-ev")); }
  });
  svg.addEventListener("mouseleave", function () { if (selected !== null) { show(selected); } });
  var m = /^#ev=(\d+)$/.exec(location.hash);
  var start = m ? m[1] : document.body.getAttribute("data-selected");
  if (start) { select(start); }
  document.body.setAttribute("data-ready", "true");
})();
