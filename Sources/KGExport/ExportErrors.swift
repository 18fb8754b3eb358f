import KGModel

/// Why a graph could not be written.
public enum GraphExportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The destination (or its temporary sibling) could not be created, written or renamed.
    case cannotWrite(path: String, reason: String)
    /// A relation names an entity the graph does not contain; GraphML consumers would invent a node.
    case danglingRelation(relation: String, missingEntity: String)
    /// An entity id is not a valid GraphML node id (`xs:NMTOKEN`: no spaces, no punctuation but `-._:`).
    case invalidIdentifier(String)
    /// libxml2 refused an operation while writing.
    case xmlWriter(String)
    /// The JSON-LD `@context` document given to the writer is not a JSON object with a `@context` object.
    case invalidContext(String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        case .danglingRelation(let relation, let missing):
            "relation \(relation) refers to entity \(missing), which is not in the graph"
        case .invalidIdentifier(let id):
            "entity id '\(id)' is not a valid GraphML node id (xs:NMTOKEN)"
        case .xmlWriter(let message): "XML writer: \(message)"
        case .invalidContext(let message): "invalid JSON-LD context: \(message)"
        }
    }
}

/// Why a GraphML or JSON-LD file could not be read back into a graph.
public enum GraphImportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be opened or read.
    case cannotRead(path: String, reason: String)
    /// The bytes are not well-formed XML; `line` is 0 when libxml2 did not report one.
    case malformedXML(file: String, line: Int, message: String)
    /// The bytes are not valid JSON.
    case malformedJSON(file: String, message: String)
    /// Well-formed, but not a graph this reader understands (wrong root, missing type or label, …).
    case invalidGraph(file: String, message: String)

    public var description: String {
        switch self {
        case .cannotRead(let path, let reason): "cannot read \(path): \(reason)"
        case .malformedXML(let file, let line, let message):
            line > 0 ? "\(file):\(line): malformed XML: \(message)" : "\(file): malformed XML: \(message)"
        case .malformedJSON(let file, let message): "\(file): malformed JSON: \(message)"
        case .invalidGraph(let file, let message): "\(file): \(message)"
        }
    }
}

/// What every graph a reader returns satisfies, so that it can be written again in either format:
/// identifiers are XML name tokens and every relation's ends are entities of the graph.
enum GraphIntegrity {
    static func check(_ graph: Graph, fileName: String) throws -> Graph {
        for id in graph.entitiesByID.keys where !XMLText.isNameToken(id.rawValue) {
            throw GraphImportError.invalidGraph(file: fileName, message: "entity id '\(id.rawValue)' is not a name token (letters, digits, -._:)")
        }
        for relation in graph.relations {
            guard XMLText.isNameToken(relation.id) else {
                throw GraphImportError.invalidGraph(file: fileName, message: "relation id '\(relation.id)' is not a name token (letters, digits, -._:)")
            }
            for end in [relation.subject, relation.object] where graph[end] == nil {
                throw GraphImportError.invalidGraph(file: fileName, message: "relation \(relation.id) refers to entity \(end.rawValue), which is not in the graph")
            }
        }
        return graph
    }
}
