import Foundation
import KGExport
import KGModel
import KGStore
import Testing

/// The store keeps each document's part of the graph and gives back the graph that merging the parts
/// in memory gives.
@Suite struct CorpusStoreTests {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kgx-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A document's graph: an organization that issued a document, both named in one sentence.
    private func document(_ id: String, issuer: String, title: String, alias: String? = nil, date: String? = nil) -> CorpusStore.DocumentGraph {
        let sentence = "\(issuer)印发《\(title)》。"
        let org = Entity(type: .organization, name: issuer, aliases: alias.map { [$0] } ?? [], attributes: ["orgType": "部"],
                         mentions: [Provenance(document: id, start: 0, end: issuer.unicodeScalars.count, sentence: sentence, rule: "lexicon")],
                         writtenForms: [issuer: 1])
        let start = issuer.unicodeScalars.count + 3
        let doc = Entity(type: .document, name: title,
                         mentions: [Provenance(document: id, start: start, end: start + title.unicodeScalars.count, sentence: sentence, rule: "document.quoted")],
                         writtenForms: [title: 1])
        let relation = Relation(predicate: Predicate.issued, subject: org.id, object: doc.id, attributes: date.map { [AttributeKey.date: $0] } ?? [:],
                                provenance: [Provenance(document: id, start: 0, end: sentence.unicodeScalars.count - 1, sentence: sentence, rule: "relation.issued")])
        var quotes = SpanQuotes()
        quotes.set(issuer, document: id, start: 0, end: issuer.unicodeScalars.count)
        return CorpusStore.DocumentGraph(id: id, characters: sentence.unicodeScalars.count,
                                         graph: Graph(entities: [org, doc], relations: [relation]), quotes: quotes)
    }

    private func merged(_ documents: [CorpusStore.DocumentGraph]) -> Graph {
        var builder = GraphBuilder()
        for document in documents { builder.add(document.graph) }
        return builder.graph()
    }

    @Test func theStoredGraphIsTheMergedGraph() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let documents = [
            document("doc:10", issuer: "民政部", title: "社区建设意见", alias: "民政", date: "2021-05"),
            document("doc:2", issuer: "民政部", title: "养老服务通知"),
            document("doc:7", issuer: "财政部", title: "社区建设意见"),
        ]
        let store = try CorpusStore(path: dir.appendingPathComponent("c.kgx").path, create: true)
        try store.write { writer in for document in documents { try writer.add(document) } }
        let (graph, quotes) = try store.graph()
        #expect(graph == merged(documents))
        #expect(try GraphMLWriter().data(for: graph) == GraphMLWriter().data(for: merged(documents)))
        #expect(quotes.text(of: Provenance(document: "doc:10", start: 0, end: 3, sentence: "", rule: "")) == "民政部")
        #expect(try store.entities(named: "民政").count == 1)
        #expect(try store.counts() == (3, 4, 3))
    }

    @Test func addingADocumentAgainReplacesItAndForgetsWhatOnlyItNamed() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try CorpusStore(path: dir.appendingPathComponent("c.kgx").path, create: true)
        let first = document("a", issuer: "民政部", title: "社区建设意见")
        let second = document("b", issuer: "财政部", title: "预算通知")
        try store.write { writer in
            try writer.add(first)
            try writer.add(second)
        }
        let before = try store.graph().0
        var replaced = false
        try store.write { writer in replaced = try writer.add(second) }
        #expect(replaced)
        #expect(try store.graph().0 == before)  // the same document twice changes nothing
        let revised = document("b", issuer: "教育部", title: "招生通知")
        try store.write { writer in try writer.add(revised) }
        #expect(try store.graph().0 == merged([first, revised]))
        #expect(try store.entities(named: "财政部").isEmpty)
    }

    @Test func aFailedBatchLeavesTheStoreAsItWas() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try CorpusStore(path: dir.appendingPathComponent("c.kgx").path, create: true)
        try store.write { writer in try writer.add(document("a", issuer: "民政部", title: "社区建设意见")) }
        let before = try store.graph().0
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try store.write { writer in
                try writer.add(document("b", issuer: "财政部", title: "预算通知"))
                throw Stop()
            }
        }
        #expect(try store.graph().0 == before)
        #expect(try store.counts().documents == 1)
    }

    @Test func mergingIsAssociative() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        func store(_ name: String, _ documents: [CorpusStore.DocumentGraph]) throws -> CorpusStore {
            let store = try CorpusStore(path: dir.appendingPathComponent(name).path, create: true)
            try store.write { writer in for document in documents { try writer.add(document) } }
            return store
        }
        let a = [document("1", issuer: "民政部", title: "社区建设意见", date: "2021")]
        let b = [document("2", issuer: "民政部", title: "养老服务通知"), document("3", issuer: "财政部", title: "社区建设意见")]
        let c = [document("4", issuer: "财政部", title: "预算通知")]
        let left = try store("left.kgx", [])
        try left.merge(try store("a.kgx", a))
        try left.merge(try store("b.kgx", b))
        try left.merge(try store("c.kgx", c))
        let bc = try store("bc.kgx", [])
        try bc.merge(try store("b2.kgx", b))
        try bc.merge(try store("c2.kgx", c))
        let right = try store("right.kgx", a)
        try right.merge(bc)
        #expect(try left.graph().0 == right.graph().0)
        #expect(try left.graph().0 == merged(a + b + c))
    }

    @Test func namesWithTheStoresSeparatorsComeBackAsTheyWere() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let odd = "部\u{1F}门\\2\u{1E}委"
        let documents = [document("x", issuer: "民政部", title: "意见", alias: odd), document("y", issuer: odd, title: "通知")]
        let store = try CorpusStore(path: dir.appendingPathComponent("c.kgx").path, create: true)
        try store.write { writer in for document in documents { try writer.add(document) } }
        #expect(try store.graph().0 == merged(documents))
        #expect(try store.entities(named: odd).count == 2)
    }

    @Test func aFileThatIsNoStoreIsRefused() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("notes.kgx").path
        try Data("不是数据库".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) { try CorpusStore(path: path) }
        #expect(throws: StoreError.self) { try CorpusStore(path: dir.appendingPathComponent("missing.kgx").path) }
    }
}
