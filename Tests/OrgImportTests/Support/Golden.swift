import Foundation
@_exported import OrgTestSupport

/// This target's golden files, in its Golden/ folder.
let Golden = GoldenFiles(
  URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appending(
    path: "Golden"))
