import Yams

// Converting YAML scalars to property values of the schema's types.
extension YAMLGraphReader {
  /// Converts a YAML value to a property's type, or reports why it cannot.
  mutating func convert(_ node: Node, to property: PropertyDefinition, file: YAMLFile) -> Value? {
    let range = file.range(node)
    func wrong(_ example: String) -> Value? {
      error(
        .G103, "`\(property.name)` takes \(Self.article(property.type)), not \(node.yamlTypeName)",
        at: range,
        label: "this is \(node.yamlTypeName)", help: ["write it like `\(property.name): \(example)`"])
      return nil
    }
    switch property.type {
    case .string, .text:
      guard case .scalar(let s) = node, !node.isNull else { return wrong("some text") }
      guard node.yamlTypeName == "a string" else { return quoteMe(node, key: property.name, file: file) }
      return .string(s.string)
    case .int:
      guard case .scalar(let s) = node, s.style == .plain, let i = Int(s.string) else { return wrong("3") }
      return .int(i)
    case .number:
      guard case .scalar(let s) = node, s.style == .plain, let d = Double(s.string), d.isFinite else {
        return wrong("0.5")
      }
      return .number(d)
    case .bool:
      guard case .scalar(let s) = node, s.style == .plain, ["true", "false"].contains(s.string) else {
        return wrong("true")
      }
      return .bool(s.string == "true")
    case .strings:
      guard case .sequence(let items) = node else { return wrong("[first, second]") }
      var out: [String] = []
      for item in items {
        guard case .scalar(let s) = item else {
          error(.G103, "`\(property.name)` takes a list of strings", at: file.range(item))
          return nil
        }
        guard item.yamlTypeName == "a string" else { return quoteMe(item, key: property.name, file: file) }
        out.append(s.string)
      }
      return .strings(out)
    case .source:
      var document: String?
      var line: Int?
      if case .scalar(let s) = node, let colon = s.string.lastIndex(of: ":") {
        document = String(s.string[..<colon])
        line = Int(s.string[s.string.index(after: colon)...])
      } else if case .mapping(let m) = node {
        document = m["document"]?.scalarText
        line = m["line"]?.scalarText.flatMap { Int($0) }
      }
      guard let document, let line, line >= 1 else { return wrong("seed-000:12") }
      if !documentIDs.contains(document) {
        error(
          .G204, "the document `\(document)` is not declared in the manifest", at: range,
          label: "unknown document",
          help: Suggestions.didYouMean(document, in: documentIDs)
            + ["declare it under `documents:` in the manifest"],
          notes: documentIDs.isEmpty ? [] : ["documents: " + documentIDs.sorted().joined(separator: ", ")])
        return nil
      }
      return .source(SourceReference(document: document, line: line))
    case .nodes:
      return wrong("[kind:id, kind:id]")
    case .enumeration(let enumName):
      guard let definition = builder.schema.enumDefinition(enumName) else { return nil }
      guard case .scalar(let s) = node, !node.isNull else { return wrong(definition.cases.first ?? "") }
      if property.name == "origin" && s.string != "declared" && definition.cases.contains(s.string) {
        error(
          .G103, "only `declared` edges are written in graph files", at: range,
          help: ["remove `origin:`: \(s.string) edges are computed when the graph is loaded"])
        return nil
      }
      if let c = definition.enumCase(s.string) { return .enumCase(c) }
      var help = Suggestions.didYouMean(s.string, in: definition.cases)
      if help.isEmpty, enumName == "proficiency",
        let mapped = Schema.proficiencySynonyms[s.string.lowercased()]
      {
        help = [Suggestions.question(mapped) + " (“\(s.string)” maps to \(mapped) on the scale)"]
      }
      if help.isEmpty, enumName == "proficiency", let n = Int(s.string), n >= 1, n <= definition.cases.count {
        help = ["write the word: \(n) is `\(definition.cases[n - 1])`"]
      }
      error(
        .G104,
        "`\(s.string)` is not a \(enumName == "proficiency" ? "proficiency" : "case of `\(enumName)`")",
        at: range, label: "unknown \(enumName)", help: help,
        notes: [
          "\(enumName): " + definition.cases.joined(separator: enumName == "proficiency" ? " < " : ", ")
        ])
      return nil
    }
  }

  /// Reports a plain scalar that YAML reads as a number, boolean or null where a string is expected.
  mutating func quoteMe(_ node: Node, key: String, file: YAMLFile) -> Value? {
    let text = node.scalarText ?? ""
    error(
      .G103, "`\(key)` takes a string, but YAML reads `\(text)` as \(node.yamlTypeName)",
      at: file.range(node),
      label: "this is \(node.yamlTypeName)", help: ["quote it: `\(key): \"\(text)\"`"])
    return nil
  }

  static func article(_ type: PropertyType) -> String {
    switch type {
    case .string: return "a string"
    case .text: return "text"
    case .int: return "an integer"
    case .number: return "a number"
    case .bool: return "true or false"
    case .strings: return "a list of strings"
    case .source: return "a source (`DOCUMENT:LINE`)"
    case .nodes: return "a list of ids"
    case .enumeration(let name): return "a `\(name)` word"
    }
  }
}
