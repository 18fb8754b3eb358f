import KGModel
import Testing

@Suite struct GraphBuilderTests {
    /// The graph of one document: an organization issuing a document, both mentioned at offsets that
    /// depend on the document.
    private func documentGraph(_ index: Int) -> Graph {
        let document = "doc:\(index)"
        let organization = Entity(type: .organization, name: "民政部", aliases: index % 3 == 0 ? ["民政"] : [],
                                  mentions: [Provenance(document: document, start: 5, end: 8, sentence: "句\(index)", rule: "lexicon")],
                                  writtenForms: ["民政部": 1])
        let paper = Entity(type: .document, name: "意见\(index % 7)", attributes: ["documentType": "意见"],
                           mentions: [Provenance(document: document, start: 12, end: 16, sentence: "句\(index)", rule: "document.quoted")])
        let issued = Relation(predicate: "issued", subject: organization.id, object: paper.id, attributes: ["date": "2020"],
                              provenance: [Provenance(document: document, start: 0, end: 20, sentence: "句\(index)", rule: "relation.issued")])
        return Graph(entities: [organization, paper], relations: [issued])
    }

    @Test func buildsTheGraphThatMergingGivesWhateverTheOrderOfDocuments() {
        // Ids that do not sort in reading order (doc:10 before doc:2), and the same again in reverse.
        let order = (0..<300).map { ($0 * 7919) % 300 }
        for documents in [order, order.reversed()] {
            var merged = Graph()
            var builder = GraphBuilder()
            for index in documents {
                merged.merge(documentGraph(index))
                builder.add(documentGraph(index))
            }
            let built = builder.graph()
            #expect(built == merged)
            let organization = built.entities(named: "民政部").first
            #expect(organization?.mentions.count == 300)
            #expect(organization?.mentions == organization?.mentions.sorted())
            #expect(organization?.aliases == ["民政"])
            #expect(built.relations.count == 7)
        }
    }
}
