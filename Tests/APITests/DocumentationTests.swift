import Foundation
import OrgGraph
import OrgQuery
import Testing

/// The DocC articles stay in step with the code they describe.
@Suite("Documentation")
struct DocumentationTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The error-codes article lists every code of the error index, and no other.
  @Test func errorCodesArticleListsEveryCode() throws {
    let article = try String(
      contentsOf: Self.repository.appending(path: "Sources/OrgQuery/OrgQuery.docc/ErrorCodes.md"),
      encoding: .utf8)
    let section = article.components(separatedBy: "### Every code").last ?? ""
    let listed = section.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    for entry in ErrorIndex.entries {
      #expect(
        listed.contains(
          "`\(entry.code)` \(entry.title.replacingOccurrences(of: " (lint warning)", with: "").replacingOccurrences(of: " (warning)", with: ""))"
        ), "\(entry.code) \(entry.title) is missing or has another title")
    }
    let codes = listed.matches(of: /`([GLQ][0-9]{3})`/).map { String($0.1) }
    for code in codes { #expect(ErrorIndex.entry(code) != nil, "\(code) is not in the error index") }
  }
}
