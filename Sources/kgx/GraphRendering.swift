import Foundation
import KGExport
import KGModel

/// Serializes a graph in the chosen format, to a file (atomically) or to standard output.
enum GraphRendering {
    /// `quotes` (the spanned texts) let the JSON-LD writer quote the evidence it points at.
    static func emit(_ graph: Graph, as format: GraphFormat, to output: String?, quotes: SpanQuotes) throws {
        do {
            switch (format, output) {
            case (.graphml, let path?): try GraphMLWriter().write(graph, to: path)
            case (.jsonld, let path?): try JSONLDWriter(quotes: quotes).write(graph, to: path)
            case (.graphml, nil): try StandardOutput.shared.write(try GraphMLWriter().data(for: graph))
            case (.jsonld, nil): try JSONLDWriter(quotes: quotes).write(graph) { try StandardOutput.shared.write($0) }
            case (.dot, let path?): try DOTWriter().write(graph, to: path)
            case (.dot, nil): try StandardOutput.shared.write(try DOTWriter().data(for: graph))
            }
        } catch let error as GraphExportError {
            throw CLIError(error.description)
        }
    }
}
