import KGModel
import Testing

@Suite struct GraphTests {
    @Test func sameNameAndTypeGiveTheSameStableID() {
        let a = EntityID(type: .organization, key: "中央组织部")
        let b = EntityID(type: .organization, key: "中央组织部")
        #expect(a == b)
        #expect(a != EntityID(type: .document, key: "中央组织部"))
        // FNV-1a is fixed, so the id is the same in every run and on every machine.
        #expect(a.rawValue == "org-" + StableHash.hex("Organization\u{1F}中央组织部"))
        #expect(StableHash.hex("") == "cbf29ce484222325")
    }

    @Test func addingAnEntityTwiceMergesAliasesAttributesAndMentions() {
        var graph = Graph()
        let first = Provenance(document: "a.txt", start: 0, end: 5, sentence: "中央组织部印发。", rule: "lexicon")
        let second = Provenance(document: "b.txt", start: 3, end: 6, sentence: "中组部部署。", rule: "lexicon")
        graph.add(Entity(type: .organization, name: "中央组织部", mentions: [first]))
        graph.add(Entity(type: .organization, name: "中央组织部", aliases: ["中组部"], attributes: ["kind": "party"], mentions: [second]))
        #expect(graph.entities.count == 1)
        let merged = graph.entities[0]
        #expect(merged.aliases == ["中组部"])
        #expect(merged.attributes["kind"] == "party")
        #expect(merged.mentions == [first, second])
    }

    @Test func relationsWithTheSameEndsAndDateMerge() {
        let org = EntityID(type: .organization, key: "财政部")
        let doc = EntityID(type: .document, key: "意见")
        var graph = Graph()
        let p1 = Provenance(document: "a", start: 0, end: 9, sentence: "s", rule: "r")
        let p2 = Provenance(document: "b", start: 0, end: 9, sentence: "s", rule: "r")
        graph.add(Relation(predicate: "issued", subject: org, object: doc, attributes: ["date": "2018"], provenance: [p1]))
        graph.add(Relation(predicate: "issued", subject: org, object: doc, attributes: ["date": "2018"], provenance: [p2]))
        graph.add(Relation(predicate: "issued", subject: org, object: doc, attributes: ["date": "2019"], provenance: [p2]))
        #expect(graph.relations.count == 2)
        #expect(graph.relations.first { $0.date == "2018" }?.provenance == [p1, p2])
    }
}
