import KGExport
import KGModel

/// Serializes a graph in the chosen format.
enum GraphRendering {
    static func render(_ graph: Graph, as format: GraphFormat) throws -> [UInt8] {
        throw CLIError("export not wired yet")
    }
}
