import KGModel

/// Writes a ``Graph`` as Graphviz DOT, for a picture: `dot -Tsvg graph.dot -o graph.svg`.
///
/// Nodes are labelled by the form the text writes most often and drawn by type (shape and colour);
/// edges carry their predicate and date. It is a picture of connections: entities without relations
/// are left out unless `includeIsolated`, and no provenance is kept (use GraphML or JSON-LD for data).
/// Output is deterministic.
public struct DOTWriter: Sendable {
    /// Whether entities without any relation are drawn too.
    public var includeIsolated: Bool

    public init(includeIsolated: Bool = false) { self.includeIsolated = includeIsolated }

    /// Shape and fill colour of each entity type.
    static let styles: [EntityType: (shape: String, color: String)] = [
        .organization: ("box", "#cfe2f3"), .document: ("note", "#fff2cc"), .person: ("ellipse", "#f4cccc"),
        .place: ("house", "#d9ead3"), .event: ("hexagon", "#ead1dc"), .figure: ("plaintext", "#ffffff"),
        .concept: ("oval", "#eeeeee"),
    ]

    /// The DOT document for `graph`, UTF-8 encoded.
    /// - Throws: ``GraphExportError/danglingRelation(relation:missingEntity:)``.
    public func data(for graph: Graph) throws -> [UInt8] {
        var out = "digraph kgx {\n  graph [rankdir=LR, fontname=\"Noto Sans CJK SC\"];\n"
            + "  node [style=filled, fontname=\"Noto Sans CJK SC\"];\n  edge [fontname=\"Noto Sans CJK SC\", fontsize=10];\n"
        let connected = Set(graph.relationsByID.values.flatMap { [$0.subject, $0.object] })
        for entity in graph.entities where includeIsolated || connected.contains(entity.id) {
            let style = Self.styles[entity.type] ?? ("ellipse", "#ffffff")
            out += "  \(Self.quoted(entity.id.rawValue)) [label=\(Self.quoted(entity.label)), shape=\(style.shape), "
                + "fillcolor=\(Self.quoted(style.color)), tooltip=\(Self.quoted(entity.type.rawValue + ": " + entity.name))];\n"
        }
        for relation in graph.relations {
            for end in [relation.subject, relation.object] where graph[end] == nil {
                throw GraphExportError.danglingRelation(relation: relation.id, missingEntity: end.rawValue)
            }
            let label = relation.predicate + (relation.date.map { " " + $0 } ?? "")
            out += "  \(Self.quoted(relation.subject.rawValue)) -> \(Self.quoted(relation.object.rawValue)) [label=\(Self.quoted(label))];\n"
        }
        out += "}\n"
        return Array(out.utf8)
    }

    /// Writes `graph` to `path` atomically.
    public func write(_ graph: Graph, to path: String) throws {
        let bytes = try data(for: graph)
        try FileIO.writeAtomically(to: path) { try FileIO.writeAll(bytes, to: $0, path: path) }
    }

    /// A DOT quoted string: quotes and backslashes escaped, line breaks as `\n`, control characters dropped.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
