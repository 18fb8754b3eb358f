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
    public func graph(from bytes: [UInt8], fileName: String = "<memory>") throws -> Graph {
        let root = try XMLDocumentReader.parse(bytes, fileName: fileName)
        return try GraphIntegrity.check(GraphMLParse(root: root, fileName: fileName).graph(), fileName: fileName)
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

    let root: XMLElementNode
    let fileName: String

    func invalid(_ message: String, _ element: XMLElementNode? = nil) -> GraphImportError {
        .invalidGraph(file: fileName, message: (element.map { "line \($0.line): " } ?? "") + message)
    }

    func isGraphML(_ element: XMLElementNode) -> Bool {
        element.namespace == GraphMLContract.namespace || element.namespace == nil
    }

    func graph() throws -> Graph {
        guard root.name == "graphml", isGraphML(root) else {
            throw invalid("root element is <\(root.name)> in namespace \(root.namespace ?? "none"), expected <graphml> in \(GraphMLContract.namespace)")
        }
        var keys: [String: Key] = [:]
        // yFiles graphics keys hold drawing markup, not attributes.
        for element in root.children(named: "key") where isGraphML(element) && element.attributes["yfiles.type"] == nil {
            guard let id = element.attributes["id"] else { throw invalid("<key> without id", element) }
            let defaultValue = element.children(named: "default").first?.text
            keys[id] = Key(name: element.attributes["attr.name"] ?? id, domain: element.attributes["for"] ?? "all",
                           defaultValue: defaultValue)
        }
        guard let graphElement = root.children(named: "graph").first(where: isGraphML) else {
            throw invalid("no <graph> element")
        }

        func values(of element: XMLElementNode, domain: String) throws -> [String: String] {
            var values: [String: String] = [:]
            for (_, key) in keys where (key.domain == domain || key.domain == "all") {
                if let value = key.defaultValue { values[key.name] = value }
            }
            for data in element.children(named: "data") where isGraphML(data) {
                guard let keyID = data.attributes["key"] else { throw invalid("<data> without key", data) }
                guard let key = keys[keyID] else {
                    if root.children(named: "key").contains(where: { $0.attributes["id"] == keyID }) { continue }
                    throw invalid("<data> refers to undeclared key '\(keyID)'", data)
                }
                values[key.name] = data.text
            }
            return values
        }

        var graph = Graph()
        for node in graphElement.children(named: "node") where isGraphML(node) {
            guard let id = node.attributes["id"] else { throw invalid("<node> without id", node) }
            var values = try values(of: node, domain: "node")
            let typeName = values[N.type]
                ?? values[N.labels]?.split(separator: ":").first.map(String.init)
            guard let typeName, let type = EntityType(rawValue: typeName) else {
                throw invalid("node \(id) has no known entity type (type '\(values[N.type] ?? "")')", node)
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
        for edge in graphElement.children(named: "edge") where isGraphML(edge) {
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
        return graph
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
