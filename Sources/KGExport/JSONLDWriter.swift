import KGModel

/// Writes a ``Graph`` as self-contained JSON-LD 1.1: the kgx `@context` embedded, schema.org classes,
/// every relation both as a direct `kgx:<predicate>` triple and as an `rdf:Statement`, and every
/// mention and statement backed by Web Annotation `oa:SpecificResource` evidence.
///
/// The shape is documented in `Schemas/vocabulary.md`. Output is deterministic: keys sorted, arrays
/// sorted or in graph order, no timestamps.
public struct JSONLDWriter: Sendable {
    /// Original text of each source document, by document id. When a provenance's document is here,
    /// its evidence gets an `oa:TextQuoteSelector` whose `exact` is the text between `start` and `end`
    /// (Unicode scalars); otherwise the evidence carries the position and the sentence only, because
    /// ``Provenance`` does not record the spanned text itself.
    public var sourceTexts: [String: String]

    /// The spanned texts themselves, recorded document by document (see ``SpanQuotes``); used for a
    /// provenance whose document is not in ``sourceTexts``. A corpus keeps these, not its texts.
    public var quotes = SpanQuotes()

    private let context: JSONValue

    /// A writer that quotes evidence from `quotes` and embeds the built-in context.
    public init(quotes: SpanQuotes) {
        self.init()
        self.quotes = quotes
    }

    /// A writer that embeds the built-in context ``KGXContext/document``.
    public init(sourceTexts: [String: String] = [:]) {
        self.sourceTexts = sourceTexts
        // The built-in context is tested to parse, so failure here is a programming error.
        context = try! JSONLDWriter.contextObject(Array(KGXContext.document.utf8))
    }

    /// A writer that embeds the `@context` of `contextDocument`, e.g. the bytes of
    /// `Schemas/kgx-context.jsonld`. The context must define the terms kgx writes.
    /// - Throws: ``GraphExportError/invalidContext(_:)`` when it is not a JSON object with a
    ///   `@context` object.
    public init(contextDocument: [UInt8], sourceTexts: [String: String] = [:]) throws {
        self.sourceTexts = sourceTexts
        context = try JSONLDWriter.contextObject(contextDocument)
    }

    private static func contextObject(_ bytes: [UInt8]) throws -> JSONValue {
        let document: JSONValue
        do {
            document = try JSONValue.parse(bytes)
        } catch {
            throw GraphExportError.invalidContext(error.message)
        }
        guard let context = document["@context"], case .object = context else {
            throw GraphExportError.invalidContext("expected an object with a \"@context\" object")
        }
        return context
    }

    /// The JSON-LD document for `graph`, UTF-8, two-space indented, ending with a newline.
    /// - Throws: ``GraphExportError/danglingRelation(relation:missingEntity:)``.
    public func data(for graph: Graph) throws -> [UInt8] {
        try checkRelations(graph)
        var output: [UInt8] = []
        try stream(graph, piece: { output.append(contentsOf: $0) })
        return output
    }

    /// Hands the document to `sink` in pieces of about 1 MB, in order (standard output, a socket):
    /// the bytes of ``data(for:)`` without holding them all.
    public func write(_ graph: Graph, into sink: ([UInt8]) throws -> Void) throws {
        try checkRelations(graph)
        try stream(graph, inPiecesTo: sink)
    }

    private func stream(_ graph: Graph, inPiecesTo sink: ([UInt8]) throws -> Void) throws {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        try stream(graph, piece: { bytes in
            buffer.append(contentsOf: bytes)
            if buffer.count >= 1 << 20 {
                try sink(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        })
        if !buffer.isEmpty { try sink(buffer) }
    }

    /// Writes `graph` to `path`, replacing it atomically: readers see the old file or the complete
    /// new one, and a failure leaves no partial or temporary file behind. The document is written node
    /// by node, so memory holds the graph, not also its serialization.
    public func write(_ graph: Graph, to path: String) throws {
        try checkRelations(graph)
        try FileIO.writeAtomically(to: path) { descriptor in
            try stream(graph, inPiecesTo: { try FileIO.writeAll($0, to: descriptor, path: path) })
        }
    }

    private func checkRelations(_ graph: Graph) throws {
        for relation in graph.relations {
            for end in [relation.subject, relation.object] where graph[end] == nil {
                throw GraphExportError.danglingRelation(relation: relation.id, missingEntity: end.rawValue)
            }
        }
    }

    /// The document in pieces, in order: exactly the bytes of `{"@context": …, "@graph": [nodes]}`
    /// serialized with an indent of two, one node at a time. The relations are checked by the caller.
    private func stream(_ graph: Graph, piece emit: ([UInt8]) throws -> Void) throws {
        var head: [UInt8] = Array("{\n  ".utf8)
        JSONValue.writeString("@context", into: &head)
        head.append(contentsOf: ": ".utf8)
        context.write(into: &head, indent: 2, depth: 1)
        head.append(contentsOf: ",\n  ".utf8)
        JSONValue.writeString("@graph", into: &head)
        head.append(contentsOf: ": [".utf8)
        try emit(head)
        var count = 0
        try nodes(of: graph) { node in
            var piece: [UInt8] = Array((count == 0 ? "\n    " : ",\n    ").utf8)
            node.write(into: &piece, indent: 2, depth: 2)
            count += 1
            try emit(piece)
        }
        try emit(Array((count == 0 ? "]\n}\n" : "\n  ]\n}\n").utf8))
    }

    /// Every node of the document, in document order.
    private func nodes(of graph: Graph, _ emit: (JSONValue) throws -> Void) throws {
        let relations = graph.relations
        var quotes = QuoteSource(texts: sourceTexts, spans: self.quotes)

        let entities = graph.entities
        let documents = Set(entities.flatMap { $0.mentions.map(\.document) } + relations.flatMap { $0.provenance.map(\.document) })
        for document in documents.sorted(by: { utf8Less(KGXIRI.document($0), KGXIRI.document($1)) }) {
            var node = NodeBuilder(id: KGXIRI.document(document), types: ["DigitalDocument"])
            node.add("identifier", .string(document))
            try emit(node.json)
        }

        // The predicates live in kgx's own namespace; describing them keeps every in-namespace link
        // resolvable within the file.
        for predicate in Set(relations.map(\.predicate)).sorted(by: { utf8Less(KGXIRI.predicate($0), KGXIRI.predicate($1)) }) {
            var node = NodeBuilder(id: KGXIRI.predicate(predicate), types: ["Property"])
            node.add("label", .string(predicate))
            try emit(node.json)
        }

        let relationsBySubject = Dictionary(grouping: relations, by: \.subject)
        for entity in entities {
            let iri = KGXIRI.entity(entity.id)
            var node = NodeBuilder(id: iri, types: [KGXTerms.schemaClass(entity), KGXTerms.kgxClass(entity.type)])
            node.add("name", .string(entity.name))
            if entity.label != entity.name { node.add("label", .string(entity.label)) }
            for alias in entity.aliases { node.add("alternateName", .string(alias)) }
            for (name, value) in entity.attributes { node.add(KGXTerms.jsonKey(forAttribute: name), attributeValue(name, value)) }
            for relation in relationsBySubject[entity.id] ?? [] {
                node.add("kgx:" + KGXIRI.percentEncoded(relation.predicate), .object([("@id", .string(KGXIRI.entity(relation.object)))]))
            }
            var evidence: [JSONValue] = []
            for (index, mention) in entity.mentions.enumerated() {
                let evidenceIRI = "\(iri)#mention-\(index + 1)"
                node.add("mention", .string(evidenceIRI))
                node.add("wasDerivedFrom", .string(KGXIRI.document(mention.document)))
                evidence += evidenceNodes(evidenceIRI, mention, &quotes)
            }
            try emit(node.json)
            for item in evidence { try emit(item) }
        }

        for relation in relations {
            let iri = KGXIRI.relation(relation.id)
            var node = NodeBuilder(id: iri, types: ["Statement"])
            node.add("subject", .string(KGXIRI.entity(relation.subject)))
            node.add("predicate", .string("kgx:" + KGXIRI.percentEncoded(relation.predicate)))
            node.add("object", .string(KGXIRI.entity(relation.object)))
            for (name, value) in relation.attributes { node.add(KGXTerms.jsonKey(forAttribute: name), attributeValue(name, value)) }
            var evidence: [JSONValue] = []
            for (index, item) in relation.provenance.enumerated() {
                let evidenceIRI = "\(iri)#evidence-\(index + 1)"
                node.add("evidence", .string(evidenceIRI))
                node.add("rule", .string(item.rule))
                node.add("wasDerivedFrom", .string(KGXIRI.document(item.document)))
                evidence += evidenceNodes(evidenceIRI, item, &quotes)
            }
            try emit(node.json)
            for item in evidence { try emit(item) }
        }
    }

    /// `schema:value` is typed `xsd:decimal` when it is one (exact, unlike JSON numbers); ranges such
    /// as `(50000000000,)` stay plain strings.
    private func attributeValue(_ name: String, _ value: String) -> JSONValue {
        guard name == AttributeKey.value, KGXTerms.isDecimal(value) else { return .string(value) }
        return .object([("@type", .string("xsd:decimal")), ("@value", .string(value))])
    }

    /// The `oa:SpecificResource` for one provenance and its selectors.
    private func evidenceNodes(_ iri: String, _ provenance: Provenance, _ quotes: inout QuoteSource) -> [JSONValue] {
        var resource = NodeBuilder(id: iri, types: ["SpecificResource"])
        resource.add("source", .string(KGXIRI.document(provenance.document)))
        resource.add("sentence", .string(provenance.sentence))
        resource.add("rule", .string(provenance.rule))
        let positionIRI = iri + "-position"
        resource.add("selector", .string(positionIRI))
        var position = NodeBuilder(id: positionIRI, types: ["TextPositionSelector"])
        position.add("start", .integer(provenance.start))
        position.add("end", .integer(provenance.end))
        var result = [position.json]
        if let exact = quotes.text(of: provenance) {
            let quoteIRI = iri + "-quote"
            resource.add("selector", .string(quoteIRI))
            var quote = NodeBuilder(id: quoteIRI, types: ["TextQuoteSelector"])
            quote.add("exact", .string(exact))
            result.append(quote.json)
        }
        return [resource.json] + result
    }
}

/// Slices source documents by Unicode scalar offsets, converting each document once.
private struct QuoteSource {
    let texts: [String: String]
    let spans: SpanQuotes
    var scalars: [String: [Unicode.Scalar]] = [:]

    init(texts: [String: String], spans: SpanQuotes) {
        self.texts = texts
        self.spans = spans
    }

    mutating func text(of provenance: Provenance) -> String? {
        guard let text = texts[provenance.document] else { return spans.text(of: provenance) }
        let documentScalars = scalars[provenance.document] ?? Array(text.unicodeScalars)
        scalars[provenance.document] = documentScalars
        guard 0 <= provenance.start, provenance.start <= provenance.end, provenance.end <= documentScalars.count else {
            return nil
        }
        var slice = String.UnicodeScalarView()
        slice.append(contentsOf: documentScalars[provenance.start..<provenance.end])
        return String(slice)
    }
}

/// Collects the properties of one node definition; values of a key are de-duplicated and sorted.
private struct NodeBuilder {
    let id: String
    let types: [String]
    var properties: [String: [JSONValue]] = [:]

    init(id: String, types: [String]) {
        self.id = id
        self.types = types
    }

    mutating func add(_ key: String, _ value: JSONValue) {
        properties[key, default: []].append(value)
    }

    var json: JSONValue {
        var members: [(String, JSONValue)] = [("@id", .string(id))]
        let sortedTypes = Set(types).sorted(by: utf8Less)
        members.append(("@type", sortedTypes.count == 1 ? .string(sortedTypes[0]) : .array(sortedTypes.map(JSONValue.string))))
        for (key, values) in properties {
            if values.count == 1 {
                members.append((key, values[0]))
                continue
            }
            var seen: Set<[UInt8]> = []
            let unique = values
                .map { ($0.serialized(), $0) }
                .filter { seen.insert($0.0).inserted }
                .sorted { $0.0.lexicographicallyPrecedes($1.0) }
                .map(\.1)
            members.append((key, unique.count == 1 ? unique[0] : .array(unique)))
        }
        return .object(members)
    }
}
