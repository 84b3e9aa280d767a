(function () {
  "use strict";
  // The page's only code besides ECharts. It reads the charts' options and
  // the explorer's items from JSON blocks (data, never code), draws the
  // charts, and runs the item explorer. Texts from the export are written
  // with textContent, links only to LinkedIn's pages: nothing of the data
  // becomes markup or code. Its hash, like the library's, is listed in the
  // Content-Security-Policy, so no other script can run and nothing can be
  // loaded from the network.
  var doc = document;
  var lang = doc.documentElement.lang || "en";
  var numbers = new Intl.NumberFormat(lang);
  var fmt = function (v) { return typeof v === "number" ? numbers.format(v) : v; };
  var data = function (id) {
    var el = doc.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  };
  var fill = function (s, args) {
    var i = 0;
    return s.replace(/%s/g, function () { return String(args[i++]); });
  };
  var dark = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

  // Charts.
  var specs = data("exposure-charts") || [];
  var narrowWidth = 560;
  var tune = function (options, narrow, width) {
    var o = JSON.parse(JSON.stringify(options));
    var axes = function (a) { return [].concat(a || []); };
    axes(o.xAxis).concat(axes(o.yAxis)).forEach(function (a) {
      if (!a) { return; }
      if (a.type === "value" || (!a.type && !a.data)) {
        a.axisLabel = Object.assign({}, a.axisLabel, { formatter: fmt });
        if (narrow) { a.splitNumber = 3; }
      } else if (narrow && a.axisLabel && a.axisLabel.interval === "0" && o.yAxis && a === o.yAxis[0]) {
        a.axisLabel = Object.assign({}, a.axisLabel, { width: 96, overflow: "truncate" });
      }
    });
    o.tooltip = Object.assign({}, o.tooltip, { valueFormatter: fmt, confine: true });
    o.aria = { enabled: true, label: { enabled: false }, decal: { show: true } };
    o.backgroundColor = "transparent";
    if (narrow && o.grid) {
      [].concat(o.grid).forEach(function (g) { g.left = "2"; g.right = "26"; });
    }
    // A legend that needs two or three lines wraps above the plot, which
    // moves down to make room; a longer one scrolls on one line.
    var legend = [].concat(o.legend || [])[0];
    if (legend && legend.show !== false && o.grid) {
      var est = 0;
      [].concat(o.series || []).forEach(function (s) { est += String(s.name || "").length * 6.6 + 40; });
      var lines = Math.ceil(est / Math.max(width - 30, 100));
      if (lines > 1 && lines <= 3) {
        legend.type = "plain";
        [].concat(o.grid).forEach(function (g) { g.top = String(16 + 24 * lines); });
      }
    }
    return o;
  };
  var charts = [];
  var draw = function (c) {
    var narrow = c.el.clientWidth < narrowWidth;
    var theme = dark && dark.matches ? "dark" : null;
    var lines = Math.round(c.el.clientWidth / 120);
    if (c.chart && c.theme === theme && c.narrow === narrow && c.lines === lines) {
      c.chart.resize();
      return;
    }
    if (c.chart) { c.chart.dispose(); }
    c.chart = echarts.init(c.el, theme, { renderer: "svg" });
    c.theme = theme;
    c.narrow = narrow;
    c.lines = lines;
    c.chart.setOption(tune(c.spec.options, narrow, c.el.clientWidth));
    c.el.setAttribute("data-drawn", "true");
    c.el.setAttribute("data-width", String(c.el.clientWidth));
  };
  if (typeof echarts !== "undefined") {
    specs.forEach(function (s) {
      var el = doc.getElementById(s.id);
      if (el) { charts.push({ el: el, spec: s }); }
    });
    charts.forEach(draw);
    var redraw = function () { charts.forEach(draw); };
    if (window.ResizeObserver) {
      var ro = new ResizeObserver(function (entries) {
        entries.forEach(function (e) {
          charts.forEach(function (c) { if (c.el === e.target) { draw(c); } });
        });
      });
      charts.forEach(function (c) { ro.observe(c.el); });
    }
    window.addEventListener("resize", redraw);
    if (dark && dark.addEventListener) { dark.addEventListener("change", redraw); }
  }

  // Printing shows everything: the data tables and every row of the list.
  var details = [];
  window.addEventListener("beforeprint", function () {
    details = [].slice.call(doc.querySelectorAll("details:not([open])"));
    details.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    details.forEach(function (d) { d.open = false; });
  });

  // The item explorer.
  var X = data("exposure-items");
  var root = doc.getElementById("explorer");
  if (!X || !root) { return; }
  var linkRE = /^https:\/\/([a-z0-9-]+\.)*linkedin\.com\//i;
  var dayFmt = new Intl.DateTimeFormat(lang === "fr" ? "fr-FR" : "en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  var rows = X.rows.map(function (r, i) {
    var url = r[5] >= 0 ? X.prefixes[r[5]] + r[6] : "";
    var date = r[0] === null ? null : new Date(r[0] * 864e5);
    var row = {
      i: i, day: r[0], kind: r[1], out: r[2], reason: r[3], text: r[4],
      url: linkRE.test(url) ? url : "", file: r[7], line: r[8], flags: r[9],
      year: date ? String(date.getUTCFullYear()) : "",
      date: date ? dayFmt.format(date) : X.labels.x_undated
    };
    row.hay = [row.text, X.kinds[row.kind][1], X.reasons[row.reason][0], row.flags >= 0 ? X.flags[row.flags] : ""].join(" ").toLowerCase();
    return row;
  });
  var $ = function (id) { return doc.getElementById(id); };
  var q = $("x-q"), fKind = $("x-kind"), fOut = $("x-outcome"), fReason = $("x-reason"), fYear = $("x-year");
  var fSort = $("x-sort"), fSize = $("x-size"), tbody = $("x-rows"), status = $("x-status");
  var prev = $("x-prev"), next = $("x-next"), pageInfo = $("x-pageinfo"), reset = $("x-reset");
  var addOptions = function (sel, pairs) {
    pairs.forEach(function (p) {
      var o = doc.createElement("option");
      o.value = p[0];
      o.textContent = p[1];
      sel.appendChild(o);
    });
  };
  var present = function (key) {
    var seen = {};
    rows.forEach(function (r) { seen[r[key]] = true; });
    return seen;
  };
  var kinds = present("kind"), reasons = present("reason"), years = present("year");
  addOptions(fKind, X.kinds.map(function (k, i) { return [String(i), k[2]]; }).filter(function (p) { return kinds[p[0]]; })
    .sort(function (a, b) { return a[1].localeCompare(b[1], lang); }));
  addOptions(fOut, X.outcomes.map(function (o, i) { return [String(i), o[1]]; }));
  addOptions(fReason, X.reasons.map(function (r, i) { return [String(i), r[0]]; }).filter(function (p) { return reasons[p[0]]; }));
  addOptions(fYear, Object.keys(years).filter(function (y) { return y; }).sort().reverse().map(function (y) { return [y, y]; }));
  var contentKinds = {};
  X.kinds.forEach(function (k, i) { if (k[0] === "post" || k[0] === "comment" || k[0] === "article") { contentKinds[i] = true; } });

  var shown = [], page = 0, printing = false, only = null;
  var cmp = {
    newest: function (a, b) { return a.i - b.i; },
    oldest: function (a, b) { return (a.day === null) - (b.day === null) || a.day - b.day || b.i - a.i; },
    kind: function (a, b) { return X.kinds[a.kind][1].localeCompare(X.kinds[b.kind][1], lang) || a.i - b.i; },
    outcome: function (a, b) { return a.out - b.out || a.i - b.i; }
  };
  var apply = function () {
    var text = q.value.trim().toLowerCase();
    var k = fKind.value, o = fOut.value, re = fReason.value, y = fYear.value;
    shown = rows.filter(function (r) {
      return (!text || r.hay.indexOf(text) >= 0) && (k === "" || String(r.kind) === k) && (o === "" || String(r.out) === o) &&
        (re === "" || String(r.reason) === re) && (y === "" || r.year === y) && (!only || only[r.kind]);
    });
    shown.sort(cmp[fSort.value] || cmp.newest);
    page = 0;
    render();
  };
  var cell = function (tr, cls) {
    var td = doc.createElement("td");
    if (cls) { td.className = cls; }
    tr.appendChild(td);
    return td;
  };
  var span = function (parent, cls, text) {
    var s = doc.createElement("span");
    s.className = cls;
    s.textContent = text;
    parent.appendChild(s);
    return s;
  };
  var render = function () {
    var size = printing || fSize.value === "all" ? shown.length : Number(fSize.value);
    var pages = Math.max(1, Math.ceil(shown.length / Math.max(size, 1)));
    page = Math.min(page, pages - 1);
    var from = page * size, to = Math.min(shown.length, from + size);
    while (tbody.firstChild) { tbody.removeChild(tbody.firstChild); }
    var frag = doc.createDocumentFragment();
    for (var n = from; n < to; n++) {
      var r = shown[n];
      var tr = doc.createElement("tr");
      cell(tr, "num").textContent = r.date;
      var what = cell(tr, "what");
      span(what, "kind", X.kinds[r.kind][1]);
      if (r.text) {
        what.appendChild(doc.createTextNode(" "));
        span(what, "text", r.text);
      }
      var where = doc.createElement("div");
      where.className = "where";
      where.textContent = X.files[r.file] + (r.line > 0 ? ", " + X.labels.x_line + " " + fmt(r.line) : "");
      what.appendChild(where);
      if (r.url) {
        var a = doc.createElement("a");
        a.href = r.url;
        a.rel = "noreferrer noopener";
        a.target = "_blank";
        a.className = "open";
        a.textContent = X.labels.x_open;
        span(a, "sr", " (" + X.kinds[r.kind][1] + ", " + r.date + ")");
        what.appendChild(a);
      }
      var why = cell(tr, "why");
      span(why, "pill o-" + X.outcomes[r.out][0], X.outcomes[r.out][1]);
      var reason = doc.createElement("div");
      reason.className = "reason";
      reason.textContent = X.reasons[r.reason][0];
      reason.title = X.reasons[r.reason][1];
      why.appendChild(reason);
      if (r.flags >= 0) { span(why, "flags", X.flags[r.flags]); }
      frag.appendChild(tr);
    }
    tbody.appendChild(frag);
    status.textContent = shown.length ? fill(X.labels.x_showing, [fmt(from + 1), fmt(to), fmt(shown.length)]) : X.labels.x_none;
    pageInfo.textContent = fill(X.labels.x_page, [fmt(page + 1), fmt(pages)]);
    prev.disabled = page === 0;
    next.disabled = page >= pages - 1;
    root.setAttribute("data-count", String(shown.length));
    root.setAttribute("data-rows", String(to - from));
  };
  [q].forEach(function (el) { el.addEventListener("input", apply); });
  [fKind, fOut, fReason, fYear, fSort].forEach(function (el) { el.addEventListener("change", function () { only = null; apply(); }); });
  fSize.addEventListener("change", function () { page = 0; render(); });
  prev.addEventListener("click", function () { page--; render(); });
  next.addEventListener("click", function () { page++; render(); });
  reset.addEventListener("click", function () {
    q.value = ""; fKind.value = ""; fOut.value = ""; fReason.value = ""; fYear.value = ""; fSort.value = "newest";
    only = null;
    apply();
  });
  // "#explore-content" (the deletion step's link) lists the posts,
  // comments and articles.
  var follow = function () {
    if (location.hash === "#explore-content") {
      q.value = ""; fKind.value = ""; fOut.value = ""; fReason.value = ""; fYear.value = "";
      only = contentKinds;
      apply();
    }
  };
  window.addEventListener("hashchange", follow);
  window.addEventListener("beforeprint", function () { printing = true; render(); });
  window.addEventListener("afterprint", function () { printing = false; render(); });
  root.hidden = false;
  apply();
  follow();
})();
