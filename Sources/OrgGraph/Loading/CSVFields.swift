import Foundation

/// The package's one CSV tokenizer (RFC 4180, one row a line): the graph's CSV tables read through it, and
/// so do the importer's spreadsheet readers, by `package` access.
/// Lines of a chunk, without their line ends.
package enum Lines {
  /// The position of the first line feed at or after `start`, or the chunk's end (`memchr`, which scans
  /// many bytes at a time).
  @inline(__always)
  package static func end(of chunk: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    guard let base = chunk.baseAddress, start < chunk.count,
      let found = memchr(base + start, 10, chunk.count - start)
    else { return chunk.count }
    return UnsafeRawPointer(found) - UnsafeRawPointer(base)
  }

  /// Calls `body` with each non-empty line and its number until it returns `false`; returns the number of
  /// the line after the last one read.
  package static func forEach(
    in chunk: UnsafeBufferPointer<UInt8>, firstLine: Int, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Bool
  ) -> Int {
    var start = 0
    var number = firstLine
    while start < chunk.count {
      let end = end(of: chunk, from: start)
      let line = trimmedLine(UnsafeBufferPointer(rebasing: chunk[start..<end]))
      if !line.isEmpty && !body(line, number) { return number + 1 }
      number += 1
      start = end + 1
    }
    return number
  }
}

/// A line without a trailing carriage return.
package func trimmedLine(_ line: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
  line.last == 13 ? UnsafeBufferPointer(rebasing: line.dropLast()) : line
}

/// The fields of one row: byte ranges into the line, quoted or not.
package struct Fields {
  package var ranges: [(start: Int, end: Int, quoted: Bool)] = []
  package var count: Int { ranges.count }

  /// No fields yet.
  package init() {}

  /// Splits a line at commas, RFC 4180 style; returns a problem for a quote left open or stray text
  /// after a closing quote.
  package mutating func split(_ line: UnsafeBufferPointer<UInt8>) -> (
    message: String, column: Int, help: String?
  )? {
    ranges.removeAll(keepingCapacity: true)
    // Most rows hold no quote: their commas are found many bytes at a time.
    if let base = line.baseAddress, memchr(base, 34, line.count) == nil {
      var start = 0
      while let comma = memchr(base + start, 44, line.count - start) {
        let at = UnsafeRawPointer(comma) - UnsafeRawPointer(base)
        ranges.append((start, at, false))
        start = at + 1
      }
      ranges.append((start, line.count, false))
      return nil
    }
    var i = 0
    while true {
      if i < line.count && line[i] == 34 {
        let open = i
        i += 1
        var closed = false
        while i < line.count {
          if line[i] == 34 {
            if i + 1 < line.count && line[i + 1] == 34 {
              i += 2
              continue
            }
            closed = true
            break
          }
          i += 1
        }
        guard closed else {
          return (
            "this quoted field runs past the end of the line", open + 1,
            "a row is one line: close the quote on this line, and write a line break inside a value as a space"
          )
        }
        ranges.append((open + 1, i, true))
        i += 1
        guard i == line.count || line[i] == 44 else {
          return ("text after a closing quote", i + 1, "a quote inside a quoted value is doubled: \"\"")
        }
      } else {
        let start = i
        while i < line.count && line[i] != 44 { i += 1 }
        ranges.append((start, i, false))
      }
      if i >= line.count { return nil }
      i += 1  // the comma
    }
  }

  /// Field `i` as text (quotes undoubled), repairing bytes that are not UTF-8.
  package func text(_ i: Int, in line: UnsafeBufferPointer<UInt8>) -> String {
    let r = ranges[i]
    let s = String(decoding: UnsafeBufferPointer(rebasing: line[r.start..<r.end]), as: UTF8.self)
    return r.quoted ? s.replacingOccurrences(of: "\"\"", with: "\"") : s
  }

  /// Field `i` as text, or `nil` when it is not UTF-8.
  package func validText(_ i: Int, in line: UnsafeBufferPointer<UInt8>) -> String? {
    let r = ranges[i]
    guard let s = String(validating: UnsafeBufferPointer(rebasing: line[r.start..<r.end]), as: UTF8.self)
    else {
      return nil
    }
    return r.quoted ? s.replacingOccurrences(of: "\"\"", with: "\"") : s
  }
}

/// Rows of a small CSV text, each with its line number and fields — for documents (a matrix kept as CSV),
/// not for the graph's tables, which are read from bytes in chunks.
package enum CSVRows {
  /// A row that cannot be split, with its place.
  package struct Problem: Error, Sendable, Hashable {
    /// The line.
    package var line: Int
    /// The column.
    package var column: Int
    /// What is wrong.
    package var message: String
    /// How to fix it.
    package var help: String?
  }

  /// The rows of `text`, empty lines left out. A quoted field may hold line breaks (spreadsheets write a
  /// cell of several lines so): a row goes on over lines while a quote is open, each row numbered by its
  /// first line; at most `maximumLinesPerRow` lines, so a quote never closed is an error at its row.
  package static func parse(_ text: String, maximumLinesPerRow: Int = 1_000) -> Result<
    [(line: Int, lastLine: Int, fields: [String])], Problem
  > {
    var rows: [(line: Int, lastLine: Int, fields: [String])] = []
    var fields = Fields()
    // "\r\n" is one Character in Swift: line ends are made "\n" first, or a Windows file would be one line.
    let unix = text.contains("\r\n") ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
    var physical = unix.split(separator: "\n", omittingEmptySubsequences: false)[...]
    if let first = physical.first, first.hasPrefix("\u{FEFF}") {
      physical[physical.startIndex] = first.dropFirst()
    }
    var number = 0
    while let line = physical.popFirst() {
      number += 1
      var record = String(line)
      let start = number
      var quotes = record.utf8.filter { $0 == 34 }.count
      while quotes % 2 == 1, let next = physical.first, number - start < maximumLinesPerRow {
        physical.removeFirst()
        number += 1
        record += "\n" + next
        quotes += next.utf8.filter { $0 == 34 }.count
      }
      if record.hasSuffix("\r") { record.removeLast() }
      if record.trimmingCharacters(in: .whitespaces).isEmpty { continue }
      var bytes = Array(record.utf8)
      let failure = bytes.withUnsafeMutableBufferPointer { buffer in
        fields.split(UnsafeBufferPointer(buffer))
      }
      if let failure {
        // A quote left open runs to the end of the file here (rows may span lines), so say that instead.
        let open = failure.message.contains("runs past the end")
        return .failure(
          Problem(
            line: start, column: failure.column,
            message: open ? "this quoted field is never closed" : failure.message,
            help: open
              ? "close the quote where the value ends (a quoted value may hold line breaks)" : failure.help))
      }
      let values = bytes.withUnsafeBufferPointer { buffer in
        (0..<fields.count).map { fields.text($0, in: buffer).replacingOccurrences(of: "\r\n", with: "\n") }
      }
      rows.append((start, number, values))
      bytes.removeAll()
    }
    return .success(rows)
  }
}
