/// Diagram styles as DOT and Mermaid. (Being built.)
public enum OrgDiagramModule {}
