import Foundation
@_exported import OrgTestSupport
