import CGraphviz
import Foundation
import OrgDiagram
import OrgGraph

/// Lays out and renders diagrams with Graphviz, in-process through libgvc — never by spawning `dot`.
///
/// The graph is built through the cgraph API with an id discipline of OrgGraph's own (ids from a per-graph
/// counter), so the same diagram renders to the same bytes every time, in a fresh process or the
/// thousandth render of a long REPL session, clusters included. Graphviz is not thread-safe: every call
/// into it, from any thread, is serialized by one process-wide lock. Every return code is checked and
/// everything Graphviz allocates is freed.
///
/// ```swift
/// let path = try CareerPathDiagram(graph: graph, nodes: nodes, edges: edges)
/// let svg: String = try GraphvizRenderer.svg(path.diagram)
/// let png: Data = try GraphvizRenderer.render(path.diagram, format: .png)
/// try GraphvizRenderer.write(path.diagram, as: .pdf, to: "path.pdf")
/// ```
public enum GraphvizRenderer {
  /// The resolution of PNG output unless asked otherwise: 144 dpi, 1.5 × Graphviz's 96, so that small
  /// labels stay crisp when a diagram is pasted into a document.
  public static let defaultPNGResolution = 144.0

  /// Renders `diagram` to `format`.
  ///
  /// - Parameter dpi: the resolution of PNG output (by default ``defaultPNGResolution``); other formats
  ///   are vector graphics and ignore it.
  /// - Throws: ``RenderError/graphviz(stage:messages:)`` with Graphviz's own messages when it refuses the
  ///   graph, the layout or the output.
  public static func render(_ diagram: Diagram, format: GraphvizFormat, dpi: Double? = nil)
    throws(RenderError)
    -> Data
  {
    var graph = diagram.graphviz
    if format == .png {
      let resolution =
        dpi.flatMap { $0.isFinite && $0 >= 24 && $0 <= 1200 ? $0 : nil } ?? defaultPNGResolution
      graph.graphDefaults.append(.init(name: "dpi", value: .text(String(Int(resolution)))))
    }
    return try render(graph, device: format.device)
  }

  /// Renders `diagram` as SVG text.
  public static func svg(_ diagram: Diagram) throws(RenderError) -> String {
    let data = try render(diagram, format: .svg)
    return String(decoding: data, as: UTF8.self)
  }

  /// Renders `diagram` as SVG text in `worker`, a helper process of the caller's own — so that two threads
  /// can lay out diagrams at once, each in its process — or as ``svg(_:)`` does when `worker` is `nil`.
  public static func svg(_ diagram: Diagram, in worker: RenderWorker?) throws(RenderError) -> String {
    guard let worker else { return try svg(diagram) }
    return String(
      decoding: try worker.render(diagram.graphviz, device: GraphvizFormat.svg.device), as: UTF8.self)
  }

  /// `diagram` in any ``DiagramFormat``: DOT and Mermaid text as UTF-8, the others through Graphviz.
  public static func data(for diagram: Diagram, as format: DiagramFormat) throws(RenderError) -> Data {
    switch format {
    case .dot: return Data(diagram.dot.utf8)
    case .mermaid: return Data(diagram.mermaid.utf8)
    case .svg: return try render(diagram, format: .svg)
    case .png: return try render(diagram, format: .png)
    case .pdf: return try render(diagram, format: .pdf)
    }
  }

  /// Writes `diagram` in `format` to the file at `path`, atomically (see ``OutputFile``).
  public static func write(_ diagram: Diagram, as format: DiagramFormat, to path: String) throws(RenderError)
  {
    let bytes = try data(for: diagram, as: format)
    do {
      try OutputFile.write(bytes, to: path)
    } catch {
      throw .cannotWrite(path: path, reason: error.reason)
    }
  }

  // MARK: - Graphviz

  /// The one lock every Graphviz call in the process is made under.
  package static let lock = NSLock()

  /// One Graphviz context for the whole process, created on first use (under ``lock``) and never freed.
  ///
  /// Freeing a context after each render left Graphviz's pango plugin holding a pointer into freed memory:
  /// AddressSanitizer reported a use-after-free on the second render in a process, and it once corrupted the
  /// heap. Layouts, graphs and rendered data are still freed after every render.
  nonisolated(unsafe) package static let context = gvContext()

  // MARK: - Where Graphviz runs

  nonisolated(unsafe) private static var configuredWorker: RenderWorker?
  private static let workerLock = NSLock()

  /// The helper process renders run in, or `nil` (the default) to run Graphviz in this process.
  ///
  /// With a worker, a crash or a runaway layout inside Graphviz fails that one render with
  /// ``RenderError/layoutFailed(_:)`` instead of ending the program (see ``RenderWorker``). The `orgraph`
  /// tool sets one; a program that embeds OrgRender can too.
  public static var worker: RenderWorker? {
    get {
      workerLock.lock()
      defer { workerLock.unlock() }
      return configuredWorker
    }
    set {
      workerLock.lock()
      defer { workerLock.unlock() }
      configuredWorker = newValue
    }
  }

  /// Renders a lowered diagram: in the ``worker`` when there is one, otherwise in this process.
  package static func render(_ graph: GraphvizGraph, device: String) throws(RenderError) -> Data {
    if let worker { return try worker.render(graph, device: device) }
    return try renderInProcess(graph, device: device)
  }

  /// Builds, lays out and renders a lowered diagram in this process; frees everything on every path.
  /// `rendered`, when given, receives the bytes as soon as they exist, before Graphviz frees the layout.
  package static func renderInProcess(
    _ graph: GraphvizGraph, device: String, rendered: ((Data) -> Void)? = nil
  ) throws(RenderError) -> Data {
    lock.lock()
    defer { lock.unlock() }
    // Graphviz's messages are captured until every object is freed (this defer runs last).
    orgraph_errors_begin()
    defer { _ = orgraph_errors_end() }
    func messages() -> String { String(cString: orgraph_errors_text()) }

    guard let context else {
      throw .graphviz(stage: "creating a context", messages: messages())
    }
    let g: UnsafeMutablePointer<Agraph_t>
    do throws(CGraphBuilder.Failure) {
      g = try CGraphBuilder.build(graph)
    } catch {
      throw .graphviz(stage: "building the graph (\(error.what))", messages: messages())
    }
    defer { agclose(g) }
    return try layOutAndRender(g, in: context, device: device, rendered: rendered)
  }

  /// Lays out `g` with `dot` and renders it to `device`; frees the layout and the rendered data. The caller
  /// holds ``lock``, has begun capturing Graphviz's messages, and closes `g`.
  package static func layOutAndRender(
    _ g: UnsafeMutablePointer<Agraph_t>, in context: OpaquePointer, device: String,
    rendered: ((Data) -> Void)? = nil
  ) throws(RenderError) -> Data {
    func messages() -> String { String(cString: orgraph_errors_text()) }
    guard gvLayout(context, g, "dot") == 0 else {
      throw .graphviz(stage: "layout", messages: messages())
    }
    // Before anything can free the layout: undo Graphviz 2.42's dangling rank lists (see the shim).
    orgraph_repair_rank_lists(g)
    defer { gvFreeLayout(context, g) }
    var buffer: UnsafeMutablePointer<CChar>?
    var length: UInt32 = 0
    let status = gvRenderData(context, g, device, &buffer, &length)
    defer { if let buffer { gvFreeRenderData(buffer) } }
    guard status == 0, let buffer else {
      throw .graphviz(stage: "rendering \(device)", messages: messages())
    }
    let data = Data(bytes: buffer, count: Int(length))
    rendered?(data)
    return data
  }
}
