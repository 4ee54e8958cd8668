import Foundation
import OrgGraph
import OrgQuery

/// A query's result as one self-contained HTML file — the query, the result table, its diagram as inline
/// SVG, the graph's name and the date — to attach to a promotion case or a ticket: no script, no request
/// leaves the page, readable offline, printable, in light and dark.
public enum ResultPage {
  /// The page for `result` of `query` on `graph`, with `svg` (a diagram drawn by Graphviz) when there is
  /// one, made at `date`.
  public static func html(
    query: String, result: QueryResult, graph: Graph, svg: String?, note: String?, profile: String? = nil,
    date: Date
  )
    -> String
  {
    let csv = ResultFormatter(graph: graph).format(result, as: .csv)
    let rows = (try? CSVRows.parse(csv).get()).map { $0.map(\.fields) } ?? []
    let header = rows.first ?? []
    let body = rows.dropFirst()
    var out = """
      <!doctype html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="generator" content="OrgGraph \(escape(OrgGraphVersion.string))">
      <title>\(escape(graph.manifest.name)) — query result</title>
      <style>
      \(style)
      </style>
      </head>
      <body>
      <header>
      <h1>Query result</h1>
      <p class="meta">\(escape(graph.manifest.name)) · made \(escape(stamp(date)))</p>
      </header>
      <main>
      <section aria-labelledby="query">
      <h2 id="query">Query</h2>
      <pre><code>\(escape(query))</code></pre>
      </section>
      <section aria-labelledby="result">
      <h2 id="result">Result</h2>
      <p>\(body.count) row\(body.count == 1 ? "" : "s")</p>

      """
    if !header.isEmpty {
      out += "<div class=\"table\"><table>\n<thead><tr>"
      out += header.map { "<th scope=\"col\">\(escape($0))</th>" }.joined()
      out += "</tr></thead>\n<tbody>\n"
      for row in body {
        out += "<tr>" + row.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n"
      }
      out += "</tbody>\n</table></div>\n"
    }
    if !result.warnings.isEmpty {
      out += "<div class=\"warnings\" role=\"note\"><h3>Warnings</h3><ul>\n"
      for w in result.warnings {
        out +=
          "<li>\(escape(w.message))" + w.help.map { "<br><small>\(escape($0))</small>" }.joined() + "</li>\n"
      }
      out += "</ul></div>\n"
    }
    out += "</section>\n"
    if let svg {
      out += """
        <section aria-labelledby="diagram">
        <h2 id="diagram">Diagram</h2>
        <figure role="img" aria-label="Diagram of the result">
        \(inline(svg))
        </figure>
        </section>

        """
    } else if let note {
      out +=
        "<section aria-labelledby=\"diagram\">\n<h2 id=\"diagram\">Diagram</h2>\n<p>\(escape(note))</p>\n</section>\n"
    }
    if let profile {
      out += """
        <section aria-labelledby="profile">
        <h2 id="profile">Profile</h2>
        <figure>
        \(profile)
        <figcaption>Rated requirements by proficiency: the target solid, the start dashed.</figcaption>
        </figure>
        </section>

        """
    }
    out += "</main>\n</body>\n</html>\n"
    return out
  }

  /// The page's date: `2026-12-07 19:40 UTC`.
  static func stamp(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
    return formatter.string(from: date)
  }

  /// Graphviz's SVG without its XML prolog and doctype, to sit inside HTML.
  static func inline(_ svg: String) -> String {
    // Searched as bytes: a site inlines thousands of drawings.
    guard let start = svg.utf8.firstRange(of: "<svg".utf8)?.lowerBound else { return "" }
    var end = svg.utf8.endIndex
    while end > start, let last = svg.utf8[..<end].last,
      last == 0x20 || last == 0x0A || last == 0x0D || last == 0x09
    {
      end = svg.utf8.index(before: end)
    }
    var out = String(svg[start..<end])
    // Graphviz escapes markup but keeps the controls that reorder text; they are shown, as elsewhere. Each
    // of them starts with the byte 0xE2; most drawings have none.
    guard out.utf8.contains(0xE2) else { return out }
    for scalar in (0x202A...0x202E).compactMap(Unicode.Scalar.init)
      + (0x2066...0x2069).compactMap(Unicode.Scalar.init)
    where out.unicodeScalars.contains(scalar) {
      out = out.replacingOccurrences(
        of: String(Character(scalar)), with: "[U+" + String(scalar.value, radix: 16, uppercase: true) + "]")
    }
    return out
  }

  /// `text` with `&`, `<`, `>`, `"` and `'` escaped, for HTML text and attributes; the controls that
  /// reorder text (right-to-left overrides and embeddings, and isolates) shown as their code points, so a
  /// name cannot make the text after it read backwards.
  static func escape(_ text: String) -> String {
    // Most names and sentences need nothing: their bytes hold no markup character and no bidirectional
    // control (each of those starts with 0xE2).
    if !text.utf8.contains(where: {
      $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0xE2
    }) {
      return text
    }
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\u{202A}"..."\u{202E}", "\u{2066}"..."\u{2069}":
        out += "[U+" + String(scalar.value, radix: 16, uppercase: true) + "]"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Light and dark, readable on a phone, one result per printed page.
  static let style = """
    :root { color-scheme: light dark; --fg: #1f2933; --bg: #ffffff; --muted: #52606d; --line: #d9e2ec; --head: #f0f4f8; }
    @media (prefers-color-scheme: dark) { :root { --fg: #e4e7eb; --bg: #1a1d21; --muted: #9aa5b1; --line: #3e4c59; --head: #27313b; } }
    body { font-family: "DejaVu Sans", system-ui, sans-serif; color: var(--fg); background: var(--bg); margin: 0 auto; max-width: 72rem; padding: 1rem; line-height: 1.45; }
    h1 { font-size: 1.5rem; margin: 0; } h2 { font-size: 1.15rem; margin-top: 1.5rem; }
    .meta { color: var(--muted); margin-top: 0.25rem; }
    pre { background: var(--head); padding: 0.75rem; overflow-x: auto; border-radius: 4px; white-space: pre-wrap; }
    .table { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; }
    th, td { border: 1px solid var(--line); padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
    th { background: var(--head); }
    figure { margin: 0; overflow-x: auto; background: #ffffff; border-radius: 4px; }
    figure svg { max-width: 100%; height: auto; }
    \(ProfileChart.style)
    @media print { body { max-width: none; padding: 0; color: #000; background: #fff; } pre, th { background: #eee; } section { break-inside: avoid; } }
    """
}
