import KGModel

/// Reads GraphML that follows the kgx attribute contract back into a ``Graph``.
///
/// Keys are matched by `attr.name`, not by key id, so files re-saved by other tools (which renumber
/// keys as `d0`, `d1`, …) still read. Without the `mentions`/`provenance` lists, the first mention is
/// rebuilt from `doc`/`start`/`end` (and `evidence`/`rule` on edges). Relation ids are recomputed
/// from subject, predicate, object and date, as ``Relation`` defines them.
public struct GraphMLReader: Sendable {
    public init() {}

    /// The graph in the GraphML document `bytes`; `fileName` names it in error messages.
    /// - Throws: ``GraphImportError``.
    ///
    /// The document is read as a stream (libxml2's `xmlTextReader`): one `<node>` or `<edge>` at a time,
    /// never a whole document tree.
    public func graph(from bytes: [UInt8], fileName: String = "<memory>") throws -> Graph {
        var parse = GraphMLParse(fileName: fileName)
        // Keys and the elements of the graph arrive whole; <graphml> and <graph> as start and end.
        try XMLStreamReader.read(bytes, fileName: fileName, collect: { name, depth in depth >= 1 && !(depth == 1 && name == "graph") }) {
            try parse.handle($0)
        }
        return try GraphIntegrity.check(parse.finish(), fileName: fileName)
    }

    /// The graph in the GraphML file at `path`.
    public func graph(contentsOf path: String) throws -> Graph {
        try graph(from: FileIO.readFile(path), fileName: path)
    }
}

private struct GraphMLParse {
    typealias N = GraphMLContract.Node
    typealias E = GraphMLContract.Edge

    struct Key {
        var name: String
        var domain: String
        var defaultValue: String?
    }

    let fileName: String
    var keys: [String: Key] = [:]
    /// Every declared key id, those whose values are skipped (yFiles graphics) included.
    var declaredKeys: Set<String> = []
    var sawRoot = false
    var sawGraph = false
    var inGraph = false
    var graph = Graph()

    init(fileName: String) { self.fileName = fileName }

    func invalid(_ message: String, _ element: XMLElementNode? = nil) -> GraphImportError {
        .invalidGraph(file: fileName, message: (element.map { "line \($0.line): " } ?? "") + message)
    }

    func isGraphML(_ element: XMLElementNode) -> Bool {
        element.namespace == GraphMLContract.namespace || element.namespace == nil
    }

    mutating func handle(_ event: XMLStreamReader.Event) throws {
        switch event {
        case .open(let root, depth: 0):
            guard root.name == "graphml", isGraphML(root) else {
                throw invalid("root element is <\(root.name)> in namespace \(root.namespace ?? "none"), expected <graphml> in \(GraphMLContract.namespace)")
            }
            sawRoot = true
        case .element(let key, depth: 1) where key.name == "key" && isGraphML(key):
            guard let id = key.attributes["id"] else { throw invalid("<key> without id", key) }
            declaredKeys.insert(id)
            // yFiles graphics keys hold drawing markup, not attributes.
            guard key.attributes["yfiles.type"] == nil else { return }
            keys[id] = Key(name: key.attributes["attr.name"] ?? id, domain: key.attributes["for"] ?? "all",
                           defaultValue: key.children(named: "default").first?.text)
        case .open(let element, depth: 1) where element.name == "graph" && isGraphML(element) && !sawGraph:
            sawGraph = true
            inGraph = true
        case .close(name: "graph", depth: 1):
            inGraph = false
        case .element(let node, depth: 2) where inGraph && node.name == "node" && isGraphML(node):
            try add(node: node)
        case .element(let edge, depth: 2) where inGraph && edge.name == "edge" && isGraphML(edge):
            try add(edge: edge)
        default:
            break  // descriptions, hyperedges, yFiles resources: nothing kgx maps
        }
    }

    func finish() throws -> Graph {
        guard sawRoot else { throw invalid("no <graphml> element") }
        guard sawGraph else { throw invalid("no <graph> element") }
        return graph
    }

    func values(of element: XMLElementNode, domain: String) throws -> [String: String] {
        var values: [String: String] = [:]
        for (_, key) in keys where (key.domain == domain || key.domain == "all") {
            if let value = key.defaultValue { values[key.name] = value }
        }
        for data in element.children(named: "data") where isGraphML(data) {
            guard let keyID = data.attributes["key"] else { throw invalid("<data> without key", data) }
            guard let key = keys[keyID] else {
                if declaredKeys.contains(keyID) { continue }
                throw invalid("<data> refers to undeclared key '\(keyID)'", data)
            }
            values[key.name] = data.text
        }
        return values
    }

    mutating func add(node: XMLElementNode) throws {
        guard let id = node.attributes["id"] else { throw invalid("<node> without id", node) }
        var values = try values(of: node, domain: "node")
        let typeName = values[N.type]
            ?? values[N.labels]?.split(separator: ":").first.map(String.init)
        guard let typeName, let type = EntityType(rawValue: typeName) else {
            let known = "Organization, Document, Person, Place, Event, Figure, Concept"
            throw invalid(values[N.type].map { "node \(id) has entity type '\($0)', which kgx does not know (known: \(known))" }
                ?? "node \(id) has no entity type: kgx maps a node through a key with attr.name=\"type\" (\(known))", node)
        }
        let mentions = try provenance(
            list: values[N.mentions], document: values[N.doc], start: values[N.start], end: values[N.end],
            sentence: nil, rule: nil, owner: node)
        let name = values[N.name] ?? values[N.label] ?? id
        let label = values[N.label] ?? name
        let aliases = values[N.aliases].map(GraphMLContract.splitAliases) ?? []
        for structural in N.structural { values[structural] = nil }
        var attributes: [String: String] = [:]
        for (keyName, value) in values { attributes[GraphMLContract.attributeName(fromKeyName: keyName)] = value }
        graph.add(Entity(
            id: EntityID(rawValue: id), type: type, name: name, aliases: aliases, attributes: attributes,
            mentions: mentions, writtenForms: label == name ? [:] : [label: 1]))
    }

    mutating func add(edge: XMLElementNode) throws {
        guard let source = edge.attributes["source"], let target = edge.attributes["target"] else {
            throw invalid("<edge> without source or target", edge)
        }
        var values = try values(of: edge, domain: "edge")
        guard let predicate = values[E.label] ?? edge.attributes["label"] else {
            throw invalid("edge \(edge.attributes["id"] ?? "\(source)->\(target)") has no label (predicate)", edge)
        }
        let provenance = try provenance(
            list: values[E.provenance], document: values[E.doc], start: values[E.start], end: values[E.end],
            sentence: values[E.evidence], rule: values[E.rule], owner: edge)
        for structural in E.structural { values[structural] = nil }
        var attributes: [String: String] = [:]
        for (keyName, value) in values { attributes[GraphMLContract.attributeName(fromKeyName: keyName)] = value }
        graph.add(Relation(
            predicate: predicate, subject: EntityID(rawValue: source), object: EntityID(rawValue: target),
            attributes: attributes, provenance: provenance))
    }

    func provenance(
        list: String?, document: String?, start: String?, end: String?, sentence: String?, rule: String?,
        owner: XMLElementNode
    ) throws -> [Provenance] {
        if let list {
            do {
                return try ProvenanceList.decode(list)
            } catch {
                throw invalid("provenance list of <\(owner.name)> \(owner.attributes["id"] ?? ""): \(error.message)", owner)
            }
        }
        guard let document else { return [] }
        guard let start = start.flatMap({ Int($0) }), let end = end.flatMap({ Int($0) }) else {
            throw invalid("<\(owner.name)> \(owner.attributes["id"] ?? "") has doc but no integer start/end", owner)
        }
        return [Provenance(document: document, start: start, end: end, sentence: sentence ?? "", rule: rule ?? "")]
    }
}
