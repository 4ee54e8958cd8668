/// The version of OrgGraph.
public enum OrgGraphVersion {
  /// The version string `orgraph --version` prints.
  public static let string = "0.1.0"
}
