import Foundation
import KGModel
import Testing

@testable import KGExport

@Suite struct JSONLDTests {
    private func document(_ graph: Graph, sourceTexts: [String: String] = [:]) throws -> JSONValue {
        try JSONValue.parse(JSONLDWriter(sourceTexts: sourceTexts).data(for: graph))
    }

    private func nodes(_ document: JSONValue) -> [JSONValue] { document["@graph"]?.asArray ?? [] }

    private func node(_ document: JSONValue, _ id: String) -> JSONValue? {
        nodes(document).first { $0["@id"]?.stringValue == id }
    }

    @Test func roundTripsTheSampleGraph() throws {
        for sourceTexts in [[:], Fixtures.sourceTexts] {
            let bytes = try JSONLDWriter(sourceTexts: sourceTexts).data(for: Fixtures.graph)
            #expect(try JSONLDReader().graph(from: bytes) == Fixtures.graph)
        }
    }

    @Test func roundTripsAwkwardStrings() throws {
        let graph = Fixtures.awkwardGraph
        let read = try JSONLDReader().graph(from: JSONLDWriter().data(for: graph))
        #expect(read.entities == graph.entities)
        #expect(read.relations == graph.relations)
        #expect(read == graph)
    }

    @Test func streamingWritesTheSameBytesAsOneDocument() throws {
        // A graph big enough to be written in several pieces.
        let mentions = (0..<3_000).map { Provenance(document: "d\($0 / 10)", start: $0 % 10 * 20, end: $0 % 10 * 20 + 3, sentence: String(repeating: "省政府印发通知。", count: 30), rule: "lexicon") }
        let graph = Graph(entities: [Entity(id: EntityID(rawValue: "org-1"), type: .organization, name: "省政府", mentions: mentions)] + Fixtures.graph.entities,
                          relations: Fixtures.graph.relations)
        let whole = try JSONLDWriter().data(for: graph)
        var pieces: [[UInt8]] = []
        try JSONLDWriter().write(graph) { pieces.append($0) }
        #expect(pieces.count > 1)
        #expect(Array(pieces.joined()) == whole)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kgx-stream-\(UUID().uuidString).jsonld").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try JSONLDWriter().write(graph, to: path)
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == whole)
        let empty = String(decoding: try JSONLDWriter().data(for: Graph(entities: [], relations: [])), as: UTF8.self)
        #expect(empty.hasPrefix("{\n  \"@context\": {") && empty.hasSuffix("},\n  \"@graph\": []\n}\n"))
    }

    @Test func schemasContextFileEqualsTheEmbeddedConstant() throws {
        let schemas = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Schemas/kgx-context.jsonld")
        let file = try Data(contentsOf: schemas)
        #expect(Array(file) == Array(KGXContext.document.utf8))
        // The constant is already in the writer's canonical form, so the embedded copy reads the same.
        #expect(try JSONValue.parse(Array(file)).serialized(indent: 2) == Array(file))
        #expect(try JSONLDWriter(contextDocument: Array(file)).data(for: Fixtures.graph) == JSONLDWriter().data(for: Fixtures.graph))
    }

    @Test func embedsTheContextAndUsesOnlyDefinedKeys() throws {
        let document = try document(Fixtures.awkwardGraph)
        let context = try #require(document["@context"])
        #expect(try context == JSONValue.parse(Array(KGXContext.document.utf8))["@context"])
        guard case .object(let definitions) = context else { Issue.record("context is not an object"); return }
        let terms = Set(definitions.map(\.0))
        for node in nodes(document) {
            guard case .object(let members) = node else { Issue.record("node is not an object"); continue }
            #expect(node["@id"]?.stringValue?.hasPrefix("https://w3id.org/kgx/") == true, "every node has an absolute @id")
            #expect(node["@type"] != nil, "every node has an @type")
            for (key, _) in members where !key.hasPrefix("@") {
                let prefix = key.split(separator: ":", maxSplits: 1).first.map(String.init) ?? key
                #expect(terms.contains(key) || (key.contains(":") && terms.contains(prefix)), "\(key) is defined by the context")
            }
            for type in node["@type"]?.asArray ?? [] {
                let name = type.stringValue ?? ""
                #expect(terms.contains(name) || name.hasPrefix("kgx:"), "type \(name) is defined")
            }
        }
    }

    @Test func describesEntitiesWithSchemaOrgAndKGXClasses() throws {
        let document = try document(Fixtures.graph)
        let office = try #require(node(document, KGXIRI.entity(Fixtures.office.id)))
        #expect(office["@type"] == .array([.string("GovernmentOrganization"), .string("kgx:Organization")]))
        #expect(office["name"] == .string("国务院办公厅"))
        #expect(office["alternateName"] == .string("国办"))
        #expect(office["kgx:issued"] == .object([("@id", .string(KGXIRI.entity(Fixtures.opinion.id)))]))
        #expect(office["wasDerivedFrom"] == .array([.string(KGXIRI.document(Fixtures.newsID)), .string(KGXIRI.document(Fixtures.weiboID))]))

        let figure = try #require(node(document, KGXIRI.entity(Fixtures.employed.id)))
        #expect(figure["@type"] == .array([.string("QuantitativeValue"), .string("kgx:Figure")]))
        #expect(figure["value"] == .object([("@type", .string("xsd:decimal")), ("@value", .string("518000"))]))
        #expect(figure["unitText"] == .string("人"))
        #expect(figure["approximate"] == .string("about"))
        #expect(figure["kgx:counts"] == .object([("@id", .string(KGXIRI.entity(Fixtures.employment.id)))]))
        let range = try #require(node(document, KGXIRI.entity(Fixtures.range.id)))
        #expect(range["value"] == .string("(50000000000,)"))
        #expect(node(document, KGXIRI.entity(Fixtures.opinion.id))?["@type"] == .array([.string("Legislation"), .string("kgx:Document")]))
        #expect(node(document, KGXIRI.entity(Fixtures.beijing.id))?["@type"] == .array([.string("AdministrativeArea"), .string("kgx:Place")]))
        #expect(node(document, KGXIRI.entity(Fixtures.employment.id))?["@type"] == .array([.string("DefinedTerm"), .string("kgx:Concept")]))

        let newsDocument = try #require(node(document, "https://w3id.org/kgx/doc/news%2F2021-06%20%E5%9B%BD%E5%8A%A1%E9%99%A2.txt"))
        #expect(newsDocument["@type"] == .string("DigitalDocument"))
        #expect(newsDocument["identifier"] == .string(Fixtures.newsID))
    }

    @Test func reifiesRelationsWithEvidence() throws {
        let document = try document(Fixtures.graph, sourceTexts: Fixtures.sourceTexts)
        let issued = try #require(Fixtures.graph.relations.first { $0.predicate == Predicate.issued })
        let statement = try #require(node(document, KGXIRI.relation(issued.id)))
        #expect(statement["@type"] == .string("Statement"))
        #expect(statement["subject"] == .string(KGXIRI.entity(Fixtures.office.id)))
        #expect(statement["predicate"] == .string("kgx:issued"))
        #expect(statement["object"] == .string(KGXIRI.entity(Fixtures.opinion.id)))
        #expect(statement["date"] == .string("2021-06"))
        #expect(statement["rule"] == .string("rel.issued"))
        let evidenceIRI = try #require(statement["evidence"]?.stringValue)
        let evidence = try #require(node(document, evidenceIRI))
        #expect(evidence["@type"] == .string("SpecificResource"))
        #expect(evidence["source"] == .string(KGXIRI.document(Fixtures.newsID)))
        #expect(evidence["sentence"] == .string("2021年6月，国务院办公厅印发《关于加快发展保障性租赁住房的意见》。"))
        let selectors = (evidence["selector"]?.asArray ?? []).compactMap { $0.stringValue }
        let position = try #require(selectors.compactMap { node(document, $0) }.first { $0["@type"] == .string("TextPositionSelector") })
        let quote = try #require(selectors.compactMap { node(document, $0) }.first { $0["@type"] == .string("TextQuoteSelector") })
        #expect(position["start"] == .integer(8))
        #expect(quote["exact"] == .string("国务院办公厅印发《关于加快发展保障性租赁住房的意见》"))
    }

    @Test func quotesUseCodePointOffsets() throws {
        let document = try document(Fixtures.graph, sourceTexts: Fixtures.sourceTexts)
        let weiboMention = Fixtures.office.mentions.firstIndex { $0.document == Fixtures.weiboID }!
        let base = KGXIRI.entity(Fixtures.office.id) + "#mention-\(weiboMention + 1)"
        #expect(node(document, base + "-position")?["start"] == .integer(1), "the emoji counts as one code point")
        #expect(node(document, base + "-quote")?["exact"] == .string("国务院办公厅"))
    }

    @Test func omitsQuotesWithoutSourceTextOrWithOffsetsOutsideIt() throws {
        let document = try document(Fixtures.graph)
        #expect(!nodes(document).contains { $0["@type"] == .string("TextQuoteSelector") })
        let outside = Entity(
            id: EntityID(rawValue: "p"), type: .person, name: "P",
            mentions: [Provenance(document: "short", start: 2, end: 40, sentence: "s", rule: "r")])
        let clipped = try self.document(Graph(entities: [outside], relations: []), sourceTexts: ["short": "abc"])
        #expect(!nodes(clipped).contains { $0["@type"] == .string("TextQuoteSelector") })
    }

    @Test func percentEncodesIdentifiersReversibly() {
        for text in ["news/2021 国务院.txt", "a%b", "~-._", "#?&=", ""] {
            #expect(KGXIRI.percentDecoded(KGXIRI.percentEncoded(text)) == text)
        }
        #expect(KGXIRI.percentEncoded("org-3f2a") == "org-3f2a")
        #expect(KGXIRI.document("a b/c") == "https://w3id.org/kgx/doc/a%20b%2Fc")
        #expect(KGXIRI.percentDecoded("%E5%9B") == nil)
        #expect(KGXIRI.percentDecoded("%G1") == nil)
    }

    @Test func isDeterministic() throws {
        let first = try JSONLDWriter(sourceTexts: Fixtures.sourceTexts).data(for: Fixtures.graph)
        #expect(try JSONLDWriter(sourceTexts: Fixtures.sourceTexts).data(for: Fixtures.graph) == first)
        let reordered = Graph(entities: Fixtures.entities.reversed(), relations: Fixtures.relations.reversed())
        #expect(try JSONLDWriter(sourceTexts: Fixtures.sourceTexts).data(for: reordered) == first)
        #expect(first.last == 0x0A)
    }

    @Test func rejectsInvalidContextsAndDocuments() {
        #expect(throws: GraphExportError.self) { try JSONLDWriter(contextDocument: Array("[]".utf8)) }
        #expect(throws: GraphExportError.self) { try JSONLDWriter(contextDocument: Array("{\"@context\": 1}".utf8)) }
        #expect(throws: GraphImportError.self) { try JSONLDReader().graph(from: Array("{\"a\": 1,}".utf8)) }
        #expect(throws: GraphImportError.self) { try JSONLDReader().graph(from: Array("{\"a\": 1, \"a\": 2}".utf8)) }
        #expect(throws: GraphImportError.self) {
            try JSONLDReader().graph(from: Array("{\"@graph\": [{\"name\": \"no id\"}]}".utf8))
        }
    }
}

@Suite struct JSONValueTests {
    @Test func serializesDeterministically() throws {
        let value = JSONValue.object([
            ("b", .array([.integer(-1), .number("2.5e3"), .bool(true), .null])),
            ("a", .string("\"引号\"\\\n\t\u{1}/😀")),
            ("@id", .object([])),
        ])
        let compact = String(decoding: value.serialized(), as: UTF8.self)
        #expect(compact == #"{"@id":{},"a":"\"引号\"\\\n\t\u0001/😀","b":[-1,2.5e3,true,null]}"#)
        #expect(try JSONValue.parse(value.serialized()) == JSONValue.object([
            ("@id", .object([])), ("a", .string("\"引号\"\\\n\t\u{1}/😀")),
            ("b", .array([.integer(-1), .number("2.5e3"), .bool(true), .null])),
        ]))
    }

    @Test func parsesEscapes() throws {
        #expect(try JSONValue.parse(Array(#""\ud83d\ude00\u4e2d\/""#.utf8)) == .string("😀中/"))
        for bad in ["", "[1,]", "{\"a\"}", "\"\\ud83d\"", "01x", "NaN", "[1] 2", "\"a\nb\""] {
            #expect(throws: JSONValue.ParseError.self, "\(bad)") { try JSONValue.parse(Array(bad.utf8)) }
        }
    }
}
