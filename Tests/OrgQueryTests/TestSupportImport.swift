@_exported import OrgTestSupport
