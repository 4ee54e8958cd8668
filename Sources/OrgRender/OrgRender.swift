import CGraphviz
import OrgDiagram

/// Graphviz rendering. (Being built.)
public enum OrgRenderModule {}
