import Foundation
import OrgDiagram
import OrgGraph
import OrgQuery
import OrgTool

/// The REPL's state and meta-commands, apart from how lines are read: a query session, the output format,
/// settings, the last result (for `:render`), and where output goes.
struct Shell {
  var runner: ScriptRunner
  /// The graph's path (`nil` for the default graph).
  var graphPath: String?
  /// Whether output goes to a terminal (tables fit its width; colour unless NO_COLOR).
  var interactive: Bool
  var color: Bool
  /// Which files queries may write, and whether existing files may be replaced (`:set overwrite`).
  var writes = WritePolicy()
  /// Print at most this many rows of a result (0: all).
  var rowLimit = 200
  /// The width tables wrap to: `nil` for the terminal's (when there is one), 0 for no limit.
  var width: Int?
  var timing = false
  /// The most nodes a diagram may have (`:set nodes N`).
  var renderLimits = DiagramLimits.standard
  var lastResult: QueryResult?
  /// The text that made ``lastResult``, for a rendering that shows its query (`:render html`).
  var lastQuery: String?
  var history: () -> [String] = { [] }
  var out: (String) -> Void
  var err: (String) -> Void
  var terminalWidth: () -> Int? = { nil }
  /// Set by `:quit`.
  var quitRequested = false

  var session: QuerySession {
    get { runner.session }
    set { runner.session = newValue }
  }

  /// A banner: which graph is loaded and how to get help.
  var banner: String {
    let stats = session.graph.statistics
    let place = graphPath ?? "built in"
    return """
      OrgGraph \(OrgGraphVersion.string) — \(session.graph.manifest.name) (\(place)): \(stats.nodes) nodes, \(stats.edges) edges
      Type a query, :help for help, Tab to complete, Ctrl-D to quit.

      """
  }

  // MARK: - Queries

  /// Runs query text; returns whether it succeeded.
  mutating func runQuery(
    _ text: String, file: String? = nil, firstLine: Int = 1, isCancelled: (@Sendable () -> Bool)? = nil
  )
    -> Bool
  {
    switch width {
    case nil: runner.tableWidth = interactive ? terminalWidth() : nil
    case 0?: runner.tableWidth = nil
    case let n?: runner.tableWidth = n
    }
    runner.rowLimit = rowLimit > 0 ? rowLimit : nil
    runner.timing = timing
    let output = runner.run(text, file: file, firstLine: firstLine, isCancelled: isCancelled)
    // At the prompt, a blank line after the diagnostics sets them apart from what follows.
    // After Ctrl-C the terminal shows `^C` where the cursor was: start the message on a line of its own.
    if !output.stderr.isEmpty {
      err((output.cancelled && interactive ? "\n" : "") + output.stderr + (output.cancelled ? "" : "\n"))
    }
    out(output.stdout)
    if let last = output.results.last {
      lastResult = last
      lastQuery = text
    }
    return output.succeeded
  }

  mutating func render(_ request: RenderRequest, result: QueryResult, text: String, file: String?) -> Bool {
    do {
      // `:render FORMAT FILE` is typed by the user, like `-o`: not confined to the query folder.
      if let output = try Rendering.render(
        request, result: result, graph: session.graph, limits: renderLimits, writes: writes, fromQuery: false)
      {
        out(output)
      }
      return true
    } catch let d as Diagnostic {
      err(runner.report([d], text: text, file: file ?? runner.anonymousName))
    } catch {
      err("error: \(error)\n")
    }
    return false
  }

  // MARK: - Meta-commands

  /// Runs a `:command`; returns whether it succeeded.
  mutating func meta(_ line: String) -> Bool {
    let body = line.dropFirst().trimmingCharacters(in: .whitespaces)
    let name = body.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
    let argument = body.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
    guard let command = MetaCommand(named: name) else {
      let suggestion = Suggestions.didYouMean(name, in: MetaCommand.allNames, limit: 1, written: { ":" + $0 })
        .first.map { " — " + $0 }
      return fail("unknown command `:\(name)`\(suggestion ?? "") (`:help` lists them)")
    }
    switch command {
    case .help: out(Help.text(argument))
    case .schema: out(schemaText(argument))
    case .explain:
      guard let entry = ErrorIndex.entry(argument) else {
        return fail(
          argument.isEmpty
            ? "`:explain` takes an error code, like `:explain Q101`"
            : "no error has the code `\(argument)`; codes look like Q101 or G201 (docs/errors.md lists them)")
      }
      out(
        "\(entry.code): \(entry.title)\n\n\(entry.meaning)\n\nExample:\n  \(entry.example)\n\nFix: \(entry.fix)\n"
      )
    case .load:
      guard !argument.isEmpty else {
        return fail("`:load` takes a query file, like `:load Queries/04-path-backend-to-cloud-security.oq`")
      }
      let path = expand(argument)
      guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        return fail("cannot read `\(argument)`: no such file, or not UTF-8 text")
      }
      return runQuery(text, file: argument)
    case .graph:
      guard !argument.isEmpty else {
        out("graph: \(session.graph.manifest.name) (\(graphPath ?? "built in"))\n")
        return true
      }
      do {
        let graph = try GraphLoader.load(
          path: expand(argument), timeout: session.timeout, isCancelled: { LineEditor.interruptRequested })
        let problems = session.replaceGraph(with: graph)
        graphPath = argument
        let stats = graph.statistics
        out("loaded \(graph.manifest.name) (\(argument)): \(stats.nodes) nodes, \(stats.edges) edges\n")
        if !problems.isEmpty {
          err("some bindings no longer check on this graph and were dropped:\n")
          err(DiagnosticRenderer(color: color).render(problems, summary: false))
        }
      } catch {
        err(GraphTool.render(error, format: .text, color: color))
        return fail(
          "the graph was not changed: still \(session.graph.manifest.name) (\(graphPath ?? "built in"))")
      }
    case .format:
      guard let format = ResultFormatter.Format(rawValue: argument) else {
        let formats = ResultFormatter.Format.allCases.map(\.rawValue)
        return fail(
          "`:format` takes \(Suggestions.list(formats, conjunction: "or").replacingOccurrences(of: "`", with: "")) "
            + "(now: \(runner.format.rawValue))")
      }
      runner.format = format
      note("format: \(format.rawValue)")
    case .set: return set(argument)
    case .render:
      let parts = argument.split(separator: " ", maxSplits: 1).map(String.init)
      guard let result = lastResult else { return fail("nothing to render yet: run a query first") }
      guard let format = parts.first else {
        return fail(
          "`:render` takes a format and a file, like `:render svg path.svg` (formats: "
            + MetaCommand.diagramFormats.joined(separator: ", ") + ")")
      }
      guard let named = RenderFormat(rawValue: format) else {
        let suggestion = Suggestions.didYouMean(format, in: MetaCommand.diagramFormats).first.map {
          "; \($0)"
        }
        return fail(
          "`\(format)` is not a format\(suggestion ?? "") (formats: "
            + MetaCommand.diagramFormats.joined(separator: ", ") + ")")
      }
      let file = parts.count > 1 ? parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'")) : nil
      var request = RenderRequest(
        format: named, file: file, range: SourceRange(file: "<repl>", line: 1, column: 1, length: line.count)
      )
      request.query = lastQuery
      return render(request, result: result, text: line, file: "<repl>")
    case .ast:
      guard !argument.isEmpty else { return fail("`:ast` takes a query, like `:ast roles -> requires`") }
      let (syntax, diagnostics) = Parser.parse(argument, file: "<repl>")
      err(runner.report(diagnostics, text: argument, file: "<repl>"))
      out(ASTDump.dump(syntax))
      return diagnostics.isEmpty
    case .history:
      for (i, entry) in history().enumerated() {
        out(String(format: "%5d  ", i + 1) + entry.replacingOccurrences(of: "\n", with: "\n       ") + "\n")
      }
    case .quit:
      quitRequested = true
    }
    return true
  }

  /// A confirmation, shown at the prompt only: scripts get just their results.
  func note(_ message: String) {
    if interactive { out(message + "\n") }
  }

  func fail(_ message: String) -> Bool {
    err("error: \(message)\n")
    return false
  }

  func expand(_ path: String) -> String {
    path.hasPrefix("~/") ? FileManager.default.homeDirectoryForCurrentUser.path + path.dropFirst() : path
  }

  /// A setting's value now, as `:set` takes it.
  func value(of setting: Setting) -> String {
    switch setting {
    case .hops: String(session.hopCap)
    case .rows: String(rowLimit)
    case .width: width.map(String.init) ?? "auto"
    case .timing: timing ? "on" : "off"
    case .nodes: String(renderLimits.maxNodes)
    case .timeout: session.timeout.map { String(format: "%g", $0) } ?? "0"
    case .maxrows: String(session.maxRows)
    case .overwrite: writes.replaceExisting ? "on" : "off"
    }
  }

  mutating func set(_ argument: String) -> Bool {
    let parts = argument.split(separator: " ").map(String.init)
    if parts.isEmpty {
      // `:set` alone shows every setting, its value now, and what it does.
      for setting in Setting.allCases {
        let now = "\(setting.rawValue) \(value(of: setting))"
        out("  " + now.padding(toLength: 22, withPad: " ", startingAt: 0) + setting.summary + "\n")
      }
      return true
    }
    guard parts.count == 2 else {
      return fail(
        "`:set` takes a name and a value, like `:set timeout 60`; settings: "
          + Setting.allCases.map { "\($0.rawValue) \($0.value)" }.joined(separator: ", ")
          + " (`:set` alone shows them with their values)")
    }
    guard let setting = Setting(rawValue: parts[0]) else {
      let names = Setting.allCases.map(\.rawValue)
      let suggestion = Suggestions.didYouMean(parts[0], in: names, limit: 1).first.map { " — " + $0 }
      return fail(
        "unknown setting `\(parts[0])`\(suggestion ?? "") (settings: \(names.joined(separator: ", ")))")
    }
    let v = parts[1]
    switch setting {
    case .hops:
      guard let n = Int(v), n >= 1, n <= 100_000 else {
        return fail("`hops` takes a number from 1 to 100000")
      }
      session.hopCap = n
    case .rows:
      guard let n = Int(v), n >= 0 else { return fail("`rows` takes a number, 0 for all") }
      rowLimit = n
    case .width:
      if v == "auto" {
        width = nil
      } else {
        guard let n = Int(v), n == 0 || (20...10_000).contains(n) else {
          return fail("`width` takes a number of columns from 20 to 10000, 0 for no limit, or auto")
        }
        width = n
      }
    case .timing:
      guard v == "on" || v == "off" else { return fail("`timing` takes on or off") }
      timing = v == "on"
    case .nodes:
      guard let n = Int(v), n >= 1 else {
        return fail("`nodes` takes the most nodes a diagram may have, like 300")
      }
      renderLimits = DiagramLimits(maxNodes: n)
      runner.renderer = Rendering.renderer(limits: renderLimits, writes: writes)
    case .overwrite:
      guard v == "on" || v == "off" else { return fail("`overwrite` takes on or off") }
      writes.replaceExisting = v == "on"
      runner.renderer = Rendering.renderer(limits: renderLimits, writes: writes)
    case .timeout:
      switch QuerySession.validTimeout(v) {
      case .success(let seconds): session.timeout = seconds
      case .failure(let error): return fail(error.message)
      }
    case .maxrows:
      guard let n = Int(v), n >= 1 else { return fail("`maxrows` takes a number of rows, like 5000000") }
      session.maxRows = n
    }
    note("\(parts[0]): \(parts[1])")
    return true
  }

  /// `:schema`: kinds with their properties, edge types with their endpoints, enums.
  func schemaText(_ argument: String) -> String {
    let schema = session.graph.schema
    var out = ""
    let kinds = schema.kinds.filter { argument.isEmpty || $0.name == argument || $0.plural == argument }
    let edges = schema.edgeTypes.filter {
      argument.isEmpty || $0.name == argument || $0.from.contains(argument)
    }
    if !kinds.isEmpty {
      out += "kinds (plural: properties)\n"
      for k in kinds {
        out +=
          "  \(k.name) (\(k.plural)): " + k.properties.map { "\($0.name) \($0.type)" }.joined(separator: ", ")
          + "\n"
      }
    }
    if !edges.isEmpty {
      out += "\nedges (from → to: properties)\n"
      for e in edges {
        var line = "  \(e.name): \(e.from.joined(separator: ", ")) → \(e.to.joined(separator: ", "))"
        let props = e.properties.filter { $0.name != "origin" }
        if !props.isEmpty { line += ": " + props.map { "\($0.name) \($0.type)" }.joined(separator: ", ") }
        out += line + "\n"
      }
    }
    if argument.isEmpty {
      out += "\nenums\n"
      for e in schema.enums {
        out += "  \(e.name): " + e.cases.joined(separator: e.name == "proficiency" ? " < " : ", ") + "\n"
      }
    }
    if out.isEmpty { return "no kind or edge type is called `\(argument)`; `:schema` lists them all\n" }
    return out
  }

  // MARK: - Completion

  /// Completions for the text before the cursor: meta-commands and their arguments, else the query pools.
  func complete(_ textBeforeCursor: String) -> Completion {
    if textBeforeCursor.hasPrefix(":") {
      let body = textBeforeCursor.dropFirst()
      guard let space = body.firstIndex(of: " ") else {
        let partial = String(body)
        return Completion(
          replacedLength: partial.count + 1,
          candidates: MetaCommand.allCases.map(\.rawValue).filter { $0.hasPrefix(partial) }.map { ":" + $0 })
      }
      guard let command = MetaCommand(named: String(body[..<space])) else {
        return Completion(replacedLength: 0, candidates: [])
      }
      let argument = String(body[body.index(after: space)...]).trimmingCharacters(
        in: .init(charactersIn: " "))
      let pool: [String]
      switch command.argument {
      case .queryFile: return Self.completePath(argument, extensions: ["oq"])
      case .graphPath: return Self.completePath(argument, extensions: ["json"])
      case .query: return session.complete(argument)
      case .resultFormat: pool = ResultFormatter.Format.allCases.map(\.rawValue)
      case .setting:
        let words = argument.split(separator: " ", omittingEmptySubsequences: false)
        if words.count > 1, let setting = Setting(rawValue: String(words[0])) {
          pool = setting.completions
        } else {
          pool = Setting.allCases.map(\.rawValue)
        }
      case .errorCode: pool = DiagnosticCode.allCases.map(\.rawValue)
      case .helpTopic: pool = Help.topics
      case .diagramFormat: pool = MetaCommand.diagramFormats
      case .schemaName:
        pool = session.graph.schema.kinds.map(\.name) + session.graph.schema.edgeTypes.map(\.name)
      case .none: pool = []
      }
      let partial = argument.split(separator: " ").last.map(String.init) ?? ""
      let replaced = argument.hasSuffix(" ") ? 0 : partial.count
      let needle = argument.hasSuffix(" ") ? "" : partial.lowercased()
      return Completion(
        replacedLength: replaced, candidates: pool.filter { $0.lowercased().hasPrefix(needle) })
    }
    return session.complete(textBeforeCursor)
  }

  /// File and folder names that complete `partial` (folders end with `/`).
  static func completePath(_ partial: String, extensions: [String]) -> Completion {
    let expanded =
      partial.hasPrefix("~/")
      ? FileManager.default.homeDirectoryForCurrentUser.path + partial.dropFirst() : partial
    let directory: String
    let prefix: String
    if let slash = expanded.lastIndex(of: "/") {
      directory = String(expanded[...slash])
      prefix = String(expanded[expanded.index(after: slash)...])
    } else {
      directory = ""
      prefix = expanded
    }
    let listed =
      (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
    var candidates: [String] = []
    for name in listed.sorted()
    where name.hasPrefix(prefix) && (!name.hasPrefix(".") || prefix.hasPrefix(".")) {
      var isDirectory: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: directory + name, isDirectory: &isDirectory)
      let shownDirectory =
        partial.hasPrefix("~/") && directory.hasPrefix(FileManager.default.homeDirectoryForCurrentUser.path)
        ? "~" + directory.dropFirst(FileManager.default.homeDirectoryForCurrentUser.path.count) : directory
      if isDirectory.boolValue {
        candidates.append(shownDirectory + name + "/")
      } else if extensions.isEmpty || extensions.contains((name as NSString).pathExtension.lowercased()) {
        candidates.append(shownDirectory + name)
      }
    }
    return Completion(replacedLength: partial.count, candidates: candidates)
  }
}
