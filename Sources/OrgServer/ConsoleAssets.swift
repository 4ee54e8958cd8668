/// The console's and the compare view's script and stylesheet: files, so the Content-Security-Policy can
/// forbid every inline script; results are written as text nodes, drawings shown as images.
enum ConsoleAssets {
  static let style = """
    :root { color-scheme: light dark; --fg: #1f2933; --bg: #ffffff; --muted: #52606d; --line: #d9e2ec; --head: #f0f4f8; --link: #0b57d0; --bad: #b42318; --focus: #b35900; }
    @media (prefers-color-scheme: dark) { :root { --fg: #e4e7eb; --bg: #16191d; --muted: #a9b4c0; --line: #3e4c59; --head: #242c35; --link: #8ab4f8; --bad: #ff8a80; --focus: #f6ad55; } }
    * { box-sizing: border-box; }
    body { font-family: "DejaVu Sans", system-ui, sans-serif; color: var(--fg); background: var(--bg); margin: 0 auto; max-width: 90rem; padding: 0 1rem 2rem; line-height: 1.45; }
    a { color: var(--link); } a:focus, button:focus, textarea:focus, select:focus { outline: 3px solid var(--focus); outline-offset: 2px; }
    header { border-bottom: 1px solid var(--line); padding: 0.75rem 0; } header nav a { margin-left: 1rem; }
    textarea { width: 100%; font: 0.95rem "DejaVu Sans Mono", monospace; padding: 0.5rem; background: var(--bg); color: var(--fg); border: 1px solid var(--muted); border-radius: 4px; }
    button { font: inherit; padding: 0.3rem 0.9rem; } .hint, .status { color: var(--muted); font-size: 0.9rem; }
    .completions { list-style: none; padding: 0; margin: 0.25rem 0; display: flex; flex-wrap: wrap; gap: 0.25rem; }
    .completions button { font: 0.85rem "DejaVu Sans Mono", monospace; padding: 0.1rem 0.4rem; }
    .error { color: var(--bad); background: var(--head); padding: 0.75rem; white-space: pre-wrap; overflow-x: auto; font: 0.9rem "DejaVu Sans Mono", monospace; }
    .panes { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1rem; align-items: start; }
    @media (max-width: 60rem) { .panes { grid-template-columns: 1fr; } }
    table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid var(--line); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
    th { background: var(--head); cursor: pointer; } th button { all: unset; cursor: pointer; font-weight: bold; }
    .diagram img { max-width: 100%; background: #ffffff; border-radius: 4px; }
    .history li { font-family: "DejaVu Sans Mono", monospace; font-size: 0.9rem; } .history button { all: unset; cursor: pointer; color: var(--link); text-decoration: underline; }
    .exports a { margin-left: 0.5rem; }

    """

  static let script = """
    // OrgGraph console: queries through the JSON API, results as tables, drawings as images.
    (function () {
      "use strict";
      var pageKinds = ["role", "level", "track", "competency", "team", "value"];
      function slug(id) {
        var body = id.indexOf(":") >= 0 ? id.slice(id.indexOf(":") + 1) : id, out = "";
        for (var ch of body) {
          if (/^[a-z0-9.\\-]$/.test(ch)) { out += ch; } else if (ch === "/") { out += "~"; } else { out += "_" + ch.codePointAt(0).toString(16) + "_"; }
        }
        return out === "" ? "_" : out.slice(0, 180);
      }
      function el(name, text) { var e = document.createElement(name); if (text !== undefined) { e.textContent = text; } return e; }
      function cell(value) {
        var td = el("td");
        if (value === null || value === undefined) { return td; }
        if (Array.isArray(value)) { value.forEach(function (v, i) { if (i > 0) { td.appendChild(document.createTextNode("; ")); } td.appendChild(inline(v)); }); return td; }
        td.appendChild(inline(value));
        return td;
      }
      function inline(value) {
        if (value && typeof value === "object" && value.id && value.kind) {
          if (pageKinds.indexOf(value.kind) >= 0) {
            var a = el("a", value.name || value.id);
            a.href = "/site/" + value.kind + "/" + slug(value.id) + ".html";
            return a;
          }
          return document.createTextNode(value.name || value.id);
        }
        return document.createTextNode(typeof value === "object" ? JSON.stringify(value) : String(value));
      }
      function table(rows, into) {
        while (into.firstChild) { into.removeChild(into.firstChild); }
        // An overlap answers an object whose `rows` are the table.
        if (rows && !Array.isArray(rows) && Array.isArray(rows.rows)) { rows = rows.rows; }
        if (!Array.isArray(rows)) { into.appendChild(el("pre", JSON.stringify(rows, null, 2))); return; }
        if (rows.length === 0) { into.appendChild(el("p", "No rows.")); return; }
        var columns = Object.keys(rows[0]), t = el("table"), head = el("thead"), tr = el("tr"), body = el("tbody");
        columns.forEach(function (c, i) {
          var th = el("th"), b = el("button", c);
          th.setAttribute("scope", "col");
          b.addEventListener("click", function () { sortBy(i); });
          th.appendChild(b);
          tr.appendChild(th);
        });
        head.appendChild(tr);
        var order = rows.map(function (r) { return r; }), direction = 1, last = -1;
        function fill() {
          while (body.firstChild) { body.removeChild(body.firstChild); }
          order.forEach(function (r) { var row = el("tr"); columns.forEach(function (c) { row.appendChild(cell(r[c])); }); body.appendChild(row); });
        }
        function key(v) { if (v && typeof v === "object") { return (v.name || JSON.stringify(v)).toLowerCase(); } return v === null || v === undefined ? "" : v; }
        function sortBy(i) {
          direction = last === i ? -direction : 1; last = i;
          var c = columns[i];
          order.sort(function (a, b) { var x = key(a[c]), y = key(b[c]); return (x < y ? -1 : x > y ? 1 : 0) * direction; });
          fill();
        }
        fill();
        t.appendChild(head); t.appendChild(body); into.appendChild(t);
      }
      function post(path, body) {
        return fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body), credentials: "same-origin" });
      }
      function showError(box, response, text) {
        var shown = text;
        try { var j = JSON.parse(text); shown = j.text || (j.error + (j.help ? "\\n  = help: " + j.help : "")); } catch (e) {}
        box.textContent = shown; box.hidden = false;
      }
      function csv(rows) {
        if (!Array.isArray(rows) || rows.length === 0) { return ""; }
        var columns = Object.keys(rows[0]);
        function q(v) { if (v && typeof v === "object") { v = Array.isArray(v) ? v.map(function (x) { return x && x.name ? x.name : x; }).join("; ") : (v.name || v.id); } v = v === null || v === undefined ? "" : String(v); return /[",\\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v; }
        return [columns.map(q).join(",")].concat(rows.map(function (r) { return columns.map(function (c) { return q(r[c]); }).join(","); })).join("\\r\\n") + "\\r\\n";
      }
      function download(id, text, type) { var a = document.getElementById(id); if (a) { a.href = "data:" + type + ";charset=utf-8," + encodeURIComponent(text); } }
      function draw(query, figure, status) {
        return post("/api/render", { query: query, format: "svg" }).then(function (r) { return r.text().then(function (t) { return [r, t]; }); }).then(function (p) {
          while (figure.firstChild) { figure.removeChild(figure.firstChild); }
          if (!p[0].ok) { var msg = "No drawing"; try { msg = JSON.parse(p[1]).error; } catch (e) {} figure.appendChild(el("p", msg)); return; }
          var img = el("img"); img.alt = "The result drawn"; img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(p[1]);
          figure.appendChild(img);
          download("export-svg", p[1], "image/svg+xml");
        });
      }
      // The query console.
      var form = document.getElementById("query-form");
      if (form) {
        var box = document.getElementById("query"), status = document.getElementById("status"), error = document.getElementById("error");
        var result = document.getElementById("result"), figure = document.getElementById("diagram"), list = document.getElementById("completions");
        var historyList = document.getElementById("history");
        var history = []; try { history = JSON.parse(localStorage.getItem("orgraph-history") || "[]"); } catch (e) {}
        function showHistory() {
          while (historyList.firstChild) { historyList.removeChild(historyList.firstChild); }
          history.slice().reverse().forEach(function (q) { var li = el("li"), b = el("button", q); b.type = "button"; b.addEventListener("click", function () { box.value = q; box.focus(); }); li.appendChild(b); historyList.appendChild(li); });
        }
        showHistory();
        function run(event) {
          if (event) { event.preventDefault(); }
          var query = box.value, started = performance.now();
          error.hidden = true; status.textContent = "Running…";
          post("/api/query", { query: query }).then(function (r) { return r.text().then(function (t) { return [r, t]; }); }).then(function (p) {
            var ms = (performance.now() - started).toFixed(0);
            if (!p[0].ok) {
              status.textContent = "Failed (" + p[0].status + ") in " + ms + " ms";
              showError(error, p[0], p[1]);
              // The last result and drawing were not this query's: they go.
              while (result.firstChild) { result.removeChild(result.firstChild); }
              while (figure.firstChild) { figure.removeChild(figure.firstChild); }
              return;
            }
            var rows; try { rows = JSON.parse(p[1]); } catch (e) { rows = p[1]; }
            table(rows, result);
            status.textContent = (Array.isArray(rows) ? rows.length + (rows.length === 1 ? " row" : " rows") : "done") + " in " + ms + " ms";
            download("export-json", p[1], "application/json");
            download("export-csv", csv(rows), "text/csv");
            history = history.filter(function (q) { return q !== query; }); history.push(query); history = history.slice(-50);
            try { localStorage.setItem("orgraph-history", JSON.stringify(history)); } catch (e) {}
            showHistory();
            draw(query, figure, status);
            post("/api/render", { query: query, format: "html" }).then(function (r) { return r.ok ? r.text() : ""; }).then(function (t) { if (t) { download("export-html", t, "text/html"); } });
          });
        }
        form.addEventListener("submit", run);
        document.getElementById("render").addEventListener("click", function () { draw(box.value, figure, status); });
        box.addEventListener("keydown", function (event) {
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { run(event); return; }
          if (event.key === "ArrowUp" && box.value === "" && history.length > 0) { box.value = history[history.length - 1]; event.preventDefault(); return; }
          if (event.key !== "Tab" || event.shiftKey) { return; }
          event.preventDefault();
          var cursor = box.selectionStart, text = box.value;
          fetch("/api/complete?text=" + encodeURIComponent(text) + "&cursor=" + cursor, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (c) {
            while (list.firstChild) { list.removeChild(list.firstChild); }
            function apply(candidate) {
              box.value = text.slice(0, cursor - c.replace) + candidate + text.slice(cursor);
              var at = cursor - c.replace + candidate.length; box.setSelectionRange(at, at); box.focus();
              while (list.firstChild) { list.removeChild(list.firstChild); }
            }
            if (c.candidates.length === 1) { apply(c.candidates[0]); return; }
            c.candidates.slice(0, 40).forEach(function (candidate) { var li = el("li"), b = el("button", candidate); b.type = "button"; b.addEventListener("click", function () { apply(candidate); }); li.appendChild(b); list.appendChild(li); });
          });
        });
      }
      // The compare view.
      var compare = document.getElementById("compare-form");
      if (compare) {
        compare.addEventListener("submit", function (event) {
          event.preventDefault();
          var from = document.getElementById("from").value, to = document.getElementById("to").value;
          var status = document.getElementById("status"), error = document.getElementById("error");
          error.hidden = true; status.textContent = "Comparing…";
          var gap = "gap from " + from + " to " + to, overlap = "overlap " + from + ", " + to;
          post("/api/query", { query: gap }).then(function (r) { return r.text().then(function (t) { return [r, t]; }); }).then(function (p) {
            if (!p[0].ok) { showError(error, p[0], p[1]); status.textContent = "Failed"; return; }
            table(JSON.parse(p[1]), document.getElementById("gap"));
            status.textContent = "Compared " + from + " and " + to + ".";
            draw(gap, document.getElementById("profile"), status);
          });
          post("/api/query", { query: overlap }).then(function (r) { return r.text().then(function (t) { return [r, t]; }); }).then(function (p) {
            if (p[0].ok) { table(JSON.parse(p[1]), document.getElementById("overlap")); draw(overlap, document.getElementById("overlap-diagram"), status); }
          });
        });
      }
    })();

    """
}
