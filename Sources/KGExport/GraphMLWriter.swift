import KGModel

/// Writes a ``Graph`` as GraphML 1.0 for Gephi, Cytoscape, NetworkX, igraph, yEd and Neo4j APOC.
///
/// The attribute names and their meaning are a public contract, documented in
/// `Schemas/graphml-contract.md`. Output is deterministic: the same graph gives the same bytes.
public struct GraphMLWriter: Sendable {
    public init() {}

    /// The GraphML document for `graph`, UTF-8 encoded.
    /// - Throws: ``GraphExportError`` when a relation names a missing entity or an id is not a
    ///   valid GraphML id.
    public func data(for graph: Graph) throws -> [UInt8] {
        let plan = try Plan(graph)
        let writer = try XMLStreamWriter()
        try write(plan, with: writer)
        return try writer.finish()
    }

    /// Writes `graph` to `path`, replacing it atomically: readers see the old file or the complete
    /// new one, and a failure leaves no partial or temporary file behind.
    public func write(_ graph: Graph, to path: String) throws {
        let plan = try Plan(graph)
        try FileIO.writeAtomically(to: path) { descriptor in
            let writer = try XMLStreamWriter(fileDescriptor: descriptor)
            do {
                try self.write(plan, with: writer)
                _ = try writer.finish()
            } catch let error as GraphExportError {
                if case .xmlWriter(let message) = error { throw GraphExportError.cannotWrite(path: path, reason: message) }
                throw error
            }
        }
    }

    /// Everything decided before the first byte is written, so validation errors never cut a file short.
    private struct Plan {
        typealias Key = GraphMLContract.Key
        var graph: Graph
        var entities: [Entity]
        var relations: [Relation]
        var nodeKeys: [Key] = []
        var edgeKeys: [Key] = []
        /// Key of each entity or relation attribute, by attribute name.
        var nodeAttributeKeys: [String: Key] = [:]
        var edgeAttributeKeys: [String: Key] = [:]

        init(_ graph: Graph) throws {
            self.graph = graph
            entities = graph.entities
            relations = graph.relations
            for entity in entities where !XMLText.isNameToken(entity.id.rawValue) {
                throw GraphExportError.invalidIdentifier(entity.id.rawValue)
            }
            for relation in relations {
                if !XMLText.isNameToken(relation.id) { throw GraphExportError.invalidIdentifier(relation.id) }
                for end in [relation.subject, relation.object] where graph[end] == nil {
                    throw GraphExportError.danglingRelation(relation: relation.id, missingEntity: end.rawValue)
                }
            }

            typealias N = GraphMLContract.Node
            typealias E = GraphMLContract.Edge
            var usedIDs: Set<String> = []
            func key(_ id: String, _ domain: Key.Domain, _ name: String, _ type: String = "string") -> Key {
                usedIDs.insert(id)
                return Key(id: id, domain: domain, name: name, type: type)
            }
            // Key ids APOC and Gephi look for: `labels` (node labels) and `label` (relationship type).
            let labels = key("labels", .node, N.labels)
            let edgeLabel = key("label", .edge, E.label)
            let nodeLeading = [
                labels, key("n_label", .node, N.label), key("n_name", .node, N.name), key("n_type", .node, N.type),
                key("n_aliases", .node, N.aliases), key("n_iri", .node, N.iri),
            ]
            let nodeTrailing = [
                key("n_doc", .node, N.doc), key("n_start", .node, N.start, "int"), key("n_end", .node, N.end, "int"),
                key("n_evidence", .node, N.evidence), key("n_mentionCount", .node, N.mentionCount, "int"),
                key("n_documentCount", .node, N.documentCount, "int"), key("n_mentions", .node, N.mentions),
            ]
            let edgeLeading = [edgeLabel]
            let edgeTrailing = [
                key("e_evidence", .edge, E.evidence), key("e_rule", .edge, E.rule), key("e_doc", .edge, E.doc),
                key("e_start", .edge, E.start, "int"), key("e_end", .edge, E.end, "int"),
                key("e_evidenceCount", .edge, E.evidenceCount, "int"), key("e_documentCount", .edge, E.documentCount, "int"),
                key("e_provenance", .edge, E.provenance),
            ]

            /// Keys for the well-known attributes, then for any other attribute found, sorted: in the order
            /// they are declared.
            func attributeKeys(
                _ present: some Sequence<String>, wellKnown: [String], structural: Set<String>, prefix: String, domain: Key.Domain
            ) -> [(attribute: String, key: Key)] {
                let extra = Set(present).subtracting(wellKnown).sorted(by: utf8Less)
                return (wellKnown + extra).map { attribute in
                    (attribute, Key(id: GraphMLContract.keyID(prefix: prefix, name: attribute, used: &usedIDs), domain: domain,
                                    name: GraphMLContract.attributeKeyName(attribute, structural: structural)))
                }
            }
            let nodeAttributeKeyList = attributeKeys(entities.flatMap(\.attributes.keys), wellKnown: N.wellKnownAttributes,
                                                     structural: N.structural, prefix: "n_", domain: .node)
            let edgeAttributeKeyList = attributeKeys(relations.flatMap(\.attributes.keys), wellKnown: E.wellKnownAttributes,
                                                     structural: E.structural, prefix: "e_", domain: .edge)
            nodeAttributeKeys = Dictionary(uniqueKeysWithValues: nodeAttributeKeyList)
            edgeAttributeKeys = Dictionary(uniqueKeysWithValues: edgeAttributeKeyList)
            nodeKeys = nodeLeading + nodeAttributeKeyList.map(\.key) + nodeTrailing
            edgeKeys = edgeLeading + edgeAttributeKeyList.map(\.key) + edgeTrailing
            let nodeSlot = Dictionary(uniqueKeysWithValues: nodeKeys.enumerated().map { ($1.name, $0) })
            let edgeSlot = Dictionary(uniqueKeysWithValues: edgeKeys.enumerated().map { ($1.name, $0) })
            nodeAttributeSlot = nodeAttributeKeys.mapValues { nodeSlot[$0.name]! }
            edgeAttributeSlot = edgeAttributeKeys.mapValues { edgeSlot[$0.name]! }
            nodeFixed = NodeSlots(nodeSlot)
            edgeFixed = EdgeSlots(edgeSlot)
        }

        /// Position among the declared keys of each entity or relation attribute's key.
        var nodeAttributeSlot: [String: Int] = [:]
        var edgeAttributeSlot: [String: Int] = [:]
        var nodeFixed = NodeSlots([:])
        var edgeFixed = EdgeSlots([:])

        /// Positions of the keys every node or edge may have, looked up once per file.
        struct NodeSlots {
            typealias N = GraphMLContract.Node
            var labels = 0, label = 0, name = 0, type = 0, aliases = 0, iri = 0, doc = 0, start = 0, end = 0
            var evidence = 0, mentionCount = 0, documentCount = 0, mentions = 0
            init(_ slot: [String: Int]) {
                guard !slot.isEmpty else { return }
                (labels, label, name, type, aliases, iri) = (slot[N.labels]!, slot[N.label]!, slot[N.name]!, slot[N.type]!, slot[N.aliases]!, slot[N.iri]!)
                (doc, start, end, evidence) = (slot[N.doc]!, slot[N.start]!, slot[N.end]!, slot[N.evidence]!)
                (mentionCount, documentCount, mentions) = (slot[N.mentionCount]!, slot[N.documentCount]!, slot[N.mentions]!)
            }
        }

        struct EdgeSlots {
            typealias E = GraphMLContract.Edge
            var label = 0, evidence = 0, rule = 0, doc = 0, start = 0, end = 0, evidenceCount = 0, documentCount = 0, provenance = 0
            init(_ slot: [String: Int]) {
                guard !slot.isEmpty else { return }
                (label, evidence, rule, doc, start) = (slot[E.label]!, slot[E.evidence]!, slot[E.rule]!, slot[E.doc]!, slot[E.start]!)
                (end, evidenceCount, documentCount, provenance) = (slot[E.end]!, slot[E.evidenceCount]!, slot[E.documentCount]!, slot[E.provenance]!)
            }
        }

        /// The `<data>` values of an entity, one per declared node key in order; nil is omitted.
        func nodeValues(_ entity: Entity) -> [String?] {
            let k = nodeFixed
            var values = [String?](repeating: nil, count: nodeKeys.count)
            values[k.labels] = ":" + entity.type.rawValue
            values[k.label] = entity.label
            // Cytoscape names nodes by their GraphML id unless a `name` column exists.
            values[k.name] = entity.name
            values[k.type] = entity.type.rawValue
            values[k.iri] = KGXIRI.entity(entity.id)
            if !entity.aliases.isEmpty { values[k.aliases] = GraphMLContract.joinAliases(entity.aliases) }
            for (attribute, value) in entity.attributes { values[nodeAttributeSlot[attribute]!] = value }
            if let first = entity.mentions.first {
                values[k.doc] = first.document
                values[k.start] = String(first.start)
                values[k.end] = String(first.end)
                values[k.evidence] = trimmed(first.sentence)
                values[k.mentionCount] = String(entity.mentions.count)
                values[k.documentCount] = String(GraphMLContract.documentCount(entity.mentions))
                values[k.mentions] = ProvenanceList.encode(Array(entity.mentions.prefix(GraphMLContract.maximumProvenance)))
            }
            return values
        }

        func edgeValues(_ relation: Relation) -> [String?] {
            let k = edgeFixed
            var values = [String?](repeating: nil, count: edgeKeys.count)
            values[k.label] = relation.predicate
            for (attribute, value) in relation.attributes { values[edgeAttributeSlot[attribute]!] = value }
            if let first = relation.provenance.first {
                values[k.evidence] = trimmed(first.sentence)
                values[k.rule] = first.rule
                values[k.doc] = first.document
                values[k.start] = String(first.start)
                values[k.end] = String(first.end)
                values[k.evidenceCount] = String(relation.provenance.count)
                values[k.documentCount] = String(GraphMLContract.documentCount(relation.provenance))
                values[k.provenance] = ProvenanceList.encode(Array(relation.provenance.prefix(GraphMLContract.maximumProvenance)))
            }
            return values
        }

        /// The evidence sentence is for display; consumers keep padding verbatim and the exact
        /// sentence stays in `provenance`.
        private func trimmed(_ text: String) -> String {
            var scalars = text.unicodeScalars[...]
            while let first = scalars.first, first.properties.isWhitespace { scalars = scalars.dropFirst() }
            while let last = scalars.last, last.properties.isWhitespace { scalars = scalars.dropLast() }
            return String(String.UnicodeScalarView(scalars))
        }
    }

    private func write(_ plan: Plan, with writer: XMLStreamWriter) throws {
        try writer.startDocument()
        try writer.startElement("graphml")
        try writer.attribute("xmlns", GraphMLContract.namespace)
        try writer.attribute("xmlns:xsi", GraphMLContract.schemaInstanceNamespace)
        try writer.attribute("xsi:schemaLocation", GraphMLContract.schemaLocation)
        for key in plan.nodeKeys + plan.edgeKeys {
            try writer.element("key", attributes: [
                ("id", key.id), ("for", key.domain.rawValue), ("attr.name", key.name), ("attr.type", key.type),
            ])
        }
        try writer.startElement("graph")
        try writer.attribute("id", "G")
        try writer.attribute("edgedefault", "directed")
        try writer.attribute("parse.nodes", String(plan.entities.count))
        try writer.attribute("parse.edges", String(plan.relations.count))
        try writer.attribute("parse.nodeids", "free")
        try writer.attribute("parse.edgeids", "free")
        try writer.attribute("parse.order", "nodesfirst")
        for entity in plan.entities {
            try writer.startElement("node")
            try writer.attribute("id", entity.id.rawValue)
            try writeData(plan.nodeValues(entity), keys: plan.nodeKeys, with: writer)
            try writer.endElement()
        }
        for relation in plan.relations {
            try writer.startElement("edge")
            try writer.attribute("id", relation.id)
            try writer.attribute("source", relation.subject.rawValue)
            try writer.attribute("target", relation.object.rawValue)
            // `label` leads the edge keys, so it is the first <data> child, where APOC looks for the type.
            try writeData(plan.edgeValues(relation), keys: plan.edgeKeys, with: writer)
            try writer.endElement()
        }
        try writer.endElement()
        try writer.endElement()
    }

    private func writeData(_ values: [String?], keys: [GraphMLContract.Key], with writer: XMLStreamWriter) throws {
        for (key, value) in zip(keys, values) {
            guard let value else { continue }
            try writer.element("data", attributes: [("key", key.id)], text: value)
        }
    }
}
