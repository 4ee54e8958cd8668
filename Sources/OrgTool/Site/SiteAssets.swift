/// The site's stylesheet and search script: the project's own, local, no request leaves the page.
enum SiteAssets {
  /// Light and dark themes, readable on a phone, one level per printed page.
  static let style = """
    :root { color-scheme: light dark; --fg: #1f2933; --bg: #ffffff; --muted: #52606d; --line: #d9e2ec; --head: #f0f4f8; --link: #0b57d0; --focus: #b35900; }
    @media (prefers-color-scheme: dark) { :root { --fg: #e4e7eb; --bg: #16191d; --muted: #a9b4c0; --line: #3e4c59; --head: #242c35; --link: #8ab4f8; --focus: #f6ad55; } }
    * { box-sizing: border-box; }
    body { font-family: "DejaVu Sans", system-ui, sans-serif; color: var(--fg); background: var(--bg); margin: 0 auto; max-width: 72rem; padding: 0 1rem 2rem; line-height: 1.5; }
    a { color: var(--link); } a:focus, input:focus { outline: 3px solid var(--focus); outline-offset: 2px; }
    .skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 0.5rem; background: var(--bg); padding: 0.25rem 0.5rem; }
    header { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; justify-content: space-between; border-bottom: 1px solid var(--line); padding: 0.75rem 0; }
    header nav a { margin-right: 1rem; font-weight: bold; }
    .search { position: relative; min-width: 16rem; flex: 1 1 18rem; max-width: 28rem; }
    .search label { font-size: 0.85rem; color: var(--muted); display: block; }
    .search input { width: 100%; font: inherit; padding: 0.35rem 0.5rem; border: 1px solid var(--muted); border-radius: 4px; background: var(--bg); color: var(--fg); }
    .search .status { font-size: 0.85rem; color: var(--muted); margin: 0.25rem 0 0; min-height: 1em; }
    .results { list-style: none; margin: 0; padding: 0; max-height: 60vh; overflow-y: auto; }
    .results li { padding: 0.3rem 0; border-bottom: 1px solid var(--line); } .results .kind { color: var(--muted); font-size: 0.85rem; display: block; }
    h1 { font-size: 1.6rem; margin: 1rem 0 0.25rem; } h2 { font-size: 1.2rem; margin-top: 1.75rem; border-bottom: 1px solid var(--line); } h3 { font-size: 1.05rem; }
    .meta, .source { color: var(--muted); } .source { font-size: 0.85rem; }
    blockquote { margin: 0.75rem 0; padding-left: 1rem; border-left: 4px solid var(--line); }
    q { quotes: "“" "”"; } .expresses { font-size: 0.9rem; }
    dl.metadata { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; } dl.metadata dt { font-weight: bold; } dl.metadata dd { margin: 0; }
    table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; } th, td { border: 1px solid var(--line); padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; } th { background: var(--head); }
    table.counts { width: auto; } caption { text-align: left; color: var(--muted); }
    ul.columns { columns: 16rem; } li { margin: 0.2rem 0; }
    section li:target, tr:target { background: var(--head); outline: 2px solid var(--focus); }
    figure { margin: 0.5rem 0; overflow-x: auto; } figure.diagram { background: #ffffff; border-radius: 4px; padding: 0.5rem; }
    figure.diagram svg { max-width: 100%; height: auto; } figcaption { color: var(--muted); font-size: 0.9rem; }
    footer { margin-top: 2rem; border-top: 1px solid var(--line); color: var(--muted); font-size: 0.85rem; }
    @media (max-width: 40rem) { body { padding: 0 0.5rem 1rem; } h1 { font-size: 1.35rem; } td, th { padding: 0.25rem; } }
    @media print {
      @page { size: auto; margin: 15mm; }
      body { max-width: none; padding: 0; color: #000; background: #fff; font-size: 10.5pt; }
      header form, .skip, footer { display: none; } header { border: 0; padding: 0; } a { color: #000; text-decoration: none; }
      th { background: #eee; } section { break-inside: auto; } tr, li, figure { break-inside: avoid; } h2 { break-after: avoid; }
      figure.diagram svg, svg.profile { max-height: 120mm; }
    }

    """

  /// The search: the prebuilt index (`search-index.js`), filtered as one types, every word of the query in
  /// an entry's title or words, names first; results written as text nodes, never as HTML.
  static let script = """
    // OrgGraph site search: works offline, from file:// or any static host.
    (function () {
      "use strict";
      var input = document.getElementById("search");
      var list = document.getElementById("search-results");
      var status = document.getElementById("search-status");
      var index = window.ORGRAPH_SEARCH || [];
      if (!input || !list) { return; }
      var root = document.body.getAttribute("data-root") || "";
      var folded = index.map(function (e) { return (e[0] + " " + e[3]).toLowerCase(); });
      // The controls that reorder text are shown as code points, as the pages show them.
      function shown(s) { return s.replace(/[\\u202A-\\u202E\\u2066-\\u2069]/g, function (c) { return "[U+" + c.charCodeAt(0).toString(16).toUpperCase() + "]"; }); }
      function fold(s) { return s.toLowerCase().normalize("NFD").replace(/[\\u0300-\\u036f]/g, ""); }
      folded = folded.map(fold);
      function show(query) {
        while (list.firstChild) { list.removeChild(list.firstChild); }
        var words = fold(query).split(/\\s+/).filter(function (w) { return w.length > 0; });
        if (words.length === 0) { status.textContent = ""; return; }
        var hits = [];
        for (var i = 0; i < index.length; i++) {
          var ok = true;
          for (var k = 0; k < words.length; k++) { if (folded[i].indexOf(words[k]) < 0) { ok = false; break; } }
          if (ok) { hits.push(i); }
        }
        // Names that start with the query first, then names that hold every word, then aliases and
        // statements; the index's order within each.
        var query1 = words.join(" ");
        function rank(i) {
          var title = fold(index[i][0]);
          if (index[i][1].indexOf("statement") === 0) { return 3; }
          if (title.indexOf(query1) === 0) { return 0; }
          return words.every(function (w) { return title.indexOf(w) >= 0; }) ? 1 : 2;
        }
        var ranks = {};
        hits.forEach(function (i) { ranks[i] = rank(i); });
        hits.sort(function (a, b) { return ranks[a] - ranks[b] || a - b; });
        status.textContent = hits.length === 0 ? "Nothing matches." : hits.length + (hits.length === 1 ? " match" : " matches") + (hits.length > 50 ? "; the first 50:" : ":");
        hits.slice(0, 50).forEach(function (i) {
          var e = index[i], li = document.createElement("li"), a = document.createElement("a"), kind = document.createElement("span");
          a.textContent = shown(e[0]);
          a.setAttribute("href", root + e[2]);
          kind.className = "kind";
          kind.textContent = shown(e[1]);
          li.appendChild(a);
          li.appendChild(kind);
          list.appendChild(li);
        });
      }
      input.addEventListener("input", function () { show(input.value); });
      var form = input.form;
      if (form) { form.addEventListener("submit", function (event) { event.preventDefault(); var first = list.querySelector("a"); if (first) { first.focus(); } }); }
      var params = new URLSearchParams(window.location.search);
      if (params.get("q")) { input.value = params.get("q"); show(input.value); }
    })();

    """
}
