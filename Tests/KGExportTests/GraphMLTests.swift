import Foundation
import KGModel
import Testing

@testable import KGExport

@Suite struct GraphMLTests {
    @Test func roundTripsTheSampleGraph() throws {
        let graph = Fixtures.graph
        let bytes = try GraphMLWriter().data(for: graph)
        let read = try GraphMLReader().graph(from: bytes)
        #expect(read == graph)
    }

    @Test func roundTripsAwkwardStrings() throws {
        let graph = Fixtures.awkwardGraph
        let read = try GraphMLReader().graph(from: GraphMLWriter().data(for: graph))
        #expect(read.entities == graph.entities)
        #expect(read.relations == graph.relations)
    }

    @Test func anEntityNamedThousandsOfTimesStillReadsBack() throws {
        // 8,000 mentions with 600-character sentences would make one 15 MB attribute, over libxml2's
        // limit on a text node: the file keeps the first 1,000, says how many there are, and reads back
        // with the limit on.
        let sentence = String(repeating: "国务院", count: 200)
        let mentions = (0..<8_000).map { Provenance(document: "d\($0 / 100)", start: ($0 % 100) * 3, end: ($0 % 100) * 3 + 3, sentence: sentence, rule: "lexicon") }
        let entity = Entity(id: EntityID(rawValue: "org-1"), type: .organization, name: "国务院", mentions: mentions)
        let bytes = try GraphMLWriter().data(for: Graph(entities: [entity], relations: []))
        let read = try GraphMLReader().graph(from: bytes)
        let back = try #require(read[entity.id])
        #expect(back.mentions.count == GraphMLContract.maximumProvenance)
        #expect(back.mentions == Array(Graph(entities: [entity], relations: [])[entity.id]!.mentions.prefix(GraphMLContract.maximumProvenance)))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains(#"<data key="n_mentionCount">8000</data>"#))
        #expect(text.contains(#"<data key="n_documentCount">80</data>"#))
        #expect(bytes.count < 3_000_000)
    }

    @Test func nodesAndEdgesCarryCountsAndOneEvidenceSentence() throws {
        let a = Entity(id: EntityID(rawValue: "org-1"), type: .organization, name: "省政府", mentions: [
            Provenance(document: "a", start: 0, end: 3, sentence: " 省政府印发通知。", rule: "lexicon"),
            Provenance(document: "a", start: 9, end: 12, sentence: "通知由省政府起草。", rule: "lexicon"),
            Provenance(document: "b", start: 0, end: 3, sentence: "省政府召开会议。", rule: "lexicon"),
        ])
        let b = Entity(id: EntityID(rawValue: "doc-1"), type: .document, name: "通知", mentions: [
            Provenance(document: "a", start: 5, end: 7, sentence: " 省政府印发通知。", rule: "document"),
        ])
        let relation = Relation(predicate: "issued", subject: a.id, object: b.id, provenance: [
            Provenance(document: "a", start: 0, end: 8, sentence: " 省政府印发通知。", rule: "relation.issued"),
            Provenance(document: "c", start: 0, end: 8, sentence: "省政府印发通知。", rule: "relation.issued"),
        ])
        let text = String(decoding: try GraphMLWriter().data(for: Graph(entities: [a, b], relations: [relation])), as: UTF8.self)
        #expect(text.contains(#"<key id="n_mentionCount" for="node" attr.name="mentionCount" attr.type="int"/>"#))
        #expect(text.contains(#"<data key="n_evidence">省政府印发通知。</data>"#))
        #expect(text.contains(#"<data key="n_mentionCount">3</data>"#))
        #expect(text.contains(#"<data key="n_documentCount">2</data>"#))
        #expect(text.contains(#"<data key="e_evidenceCount">2</data>"#))
        #expect(text.contains(#"<data key="e_documentCount">2</data>"#))
        // The counts are derived data: reading the file back gives the graph, not extra attributes.
        let read = try GraphMLReader().graph(from: Array(text.utf8))
        #expect(read[a.id]?.attributes.isEmpty == true)
        #expect(read.relations.first?.attributes.isEmpty == true)
    }

    @Test func removesXMLIllegalCharacters() throws {
        let illegal = "\u{0}\u{1}\u{8}\u{B}\u{C}\u{E}\u{1F}\u{FFFE}\u{FFFF}"
        let entity = Entity(
            id: EntityID(rawValue: "org-1"), type: .organization, name: "国务院\(illegal)办公厅",
            aliases: ["国\u{7}办"], attributes: ["note": "a\u{0}b"],
            mentions: [Provenance(document: "d\u{1}", start: 0, end: 3, sentence: "句子\u{C}", rule: "r")])
        let bytes = try GraphMLWriter().data(for: Graph(entities: [entity], relations: []))
        for byte: UInt8 in [0x00, 0x01, 0x07, 0x08, 0x0B, 0x0C, 0x0E, 0x1F] { #expect(!bytes.contains(byte)) }
        #expect(!String(decoding: bytes, as: UTF8.self).unicodeScalars.contains { $0.value == 0xFFFE || $0.value == 0xFFFF })

        let read = try GraphMLReader().graph(from: bytes)
        let readEntity = try #require(read[entity.id])
        #expect(readEntity.name == "国务院办公厅")
        #expect(readEntity.aliases == ["国办"])
        #expect(readEntity.attributes["note"] == "ab")
        // The provenance list is JSON inside the XML: JSON's \u escapes carry control characters losslessly.
        #expect(readEntity.mentions.first?.document == "d\u{1}")
        #expect(readEntity.mentions.first?.sentence == "句子\u{C}")
        #expect(String(decoding: bytes, as: UTF8.self).contains(#"<data key="n_doc">d</data>"#))
    }

    @Test func keepsTabsNewlinesAndCarriageReturns() throws {
        let name = "a\tb\nc\r\nd\re"
        let entity = Entity(id: EntityID(rawValue: "p-1"), type: .person, name: name)
        let read = try GraphMLReader().graph(from: GraphMLWriter().data(for: Graph(entities: [entity], relations: [])))
        #expect(read[entity.id]?.name.unicodeScalars.elementsEqual(name.unicodeScalars) == true)
    }

    @Test func declaresEveryKeyBeforeTheGraph() throws {
        let root = try XMLDocumentReader.parse(GraphMLWriter().data(for: Fixtures.graph), fileName: "out.graphml")
        #expect(root.name == "graphml")
        #expect(root.namespace == "http://graphml.graphdrawing.org/xmlns")
        #expect(root.attributes["schemaLocation"] == GraphMLContract.schemaLocation)
        let names = root.children.map(\.name)
        let graphIndex = try #require(names.firstIndex(of: "graph"))
        #expect(names.lastIndex(of: "key")! < graphIndex)
        #expect(names.filter { $0 == "graph" }.count == 1)

        let keys = root.children(named: "key")
        #expect(Set(keys.map { $0.attributes["id"]! }).count == keys.count, "key ids are unique across node and edge keys")
        for key in keys {
            #expect(["node", "edge"].contains(key.attributes["for"]), "for=\(key.attributes["for"] ?? "nil")")
            #expect(key.attributes["attr.name"] != nil)
            #expect(["string", "int"].contains(key.attributes["attr.type"]))
        }
        for domain in ["node", "edge"] {
            let domainNames = keys.filter { $0.attributes["for"] == domain }.map { $0.attributes["attr.name"]! }
            #expect(Set(domainNames).count == domainNames.count, "attr.names of \(domain) keys are unique")
        }
        let nodeNames = Set(keys.filter { $0.attributes["for"] == "node" }.map { $0.attributes["attr.name"]! })
        #expect(nodeNames.isSuperset(of: [
            "labels", "label", "name", "type", "aliases", "iri", "value", "text", "approximate", "unit", "kind", "currency",
            "documentType", "placeType", "ordinal", "title", "doc", "start", "end", "evidence", "mentionCount", "documentCount",
            "mentions",
        ]))
        let edgeNames = Set(keys.filter { $0.attributes["for"] == "edge" }.map { $0.attributes["attr.name"]! })
        #expect(edgeNames == ["label", "date", "evidence", "rule", "doc", "start", "end", "evidenceCount", "documentCount", "provenance"])
        #expect(keys.contains { $0.attributes["id"] == "label" && $0.attributes["for"] == "edge" })
        #expect(keys.contains { $0.attributes["id"] == "labels" && $0.attributes["for"] == "node" })

        let graph = root.children(named: "graph")[0]
        #expect(graph.attributes["id"] == "G")
        #expect(graph.attributes["edgedefault"] == "directed")
        let order = graph.children.map(\.name)
        #expect(order.lastIndex(of: "node")! < order.firstIndex(of: "edge")!)
        let nodeIDs = graph.children(named: "node").map { $0.attributes["id"]! }
        #expect(nodeIDs == Fixtures.graph.entities.map(\.id.rawValue))
        #expect(nodeIDs == nodeIDs.sorted())
        let edges = graph.children(named: "edge")
        #expect(edges.map { $0.attributes["id"]! } == Fixtures.graph.relations.map(\.id))
        for edge in edges { #expect(edge.children.first?.attributes["key"] == "label") }
    }

    @Test func writesTheAttributeContract() throws {
        let root = try XMLDocumentReader.parse(GraphMLWriter().data(for: Fixtures.graph), fileName: "out.graphml")
        let keyNames = Dictionary(uniqueKeysWithValues: root.children(named: "key").map { ($0.attributes["id"]!, $0.attributes["attr.name"]!) })
        func data(_ element: XMLElementNode) -> [String: String] {
            Dictionary(uniqueKeysWithValues: element.children(named: "data").map { (keyNames[$0.attributes["key"]!]!, $0.text) })
        }
        let graph = root.children(named: "graph")[0]
        let figure = try #require(graph.children(named: "node").first { $0.attributes["id"] == Fixtures.employed.id.rawValue })
        let values = data(figure)
        #expect(values["labels"] == ":Figure")
        #expect(values["label"] == "51.8万人")
        #expect(values["name"] == "51.8万人")
        #expect(values["type"] == "Figure")
        #expect(values["value"] == "518000")
        #expect(values["unit"] == "人")
        #expect(values["text"] == "51.8万人")
        #expect(values["approximate"] == "about")
        #expect(values["iri"] == "https://w3id.org/kgx/id/\(Fixtures.employed.id.rawValue)")
        #expect(values["doc"] == Fixtures.newsID)
        #expect(values["aliases"] == nil, "absent attributes are not written")
        #expect(values["currency"] == nil)

        let office = try #require(graph.children(named: "node").first { $0.attributes["id"] == Fixtures.office.id.rawValue })
        #expect(data(office)["aliases"] == "国办")

        let issued = try #require(graph.children(named: "edge").first { data($0)["label"] == "issued" })
        let edgeValues = data(issued)
        #expect(edgeValues["date"] == "2021-06")
        #expect(edgeValues["rule"] == "rel.issued")
        #expect(edgeValues["evidence"] == "2021年6月，国务院办公厅印发《关于加快发展保障性租赁住房的意见》。")
        #expect(edgeValues["start"] == "8")
        let located = try #require(graph.children(named: "edge").first { data($0)["label"] == "locatedIn" })
        #expect(data(located).keys.sorted() == ["label"], "a relation without date or provenance has only its label")
    }

    @Test func escapesAttributeNamesThatCannotBeUsedAsIs() {
        let structural = GraphMLContract.Node.structural
        for name in ["label", "my attr", "attribute:x", "a_b c", "", "x\u{1}y", "人口"] {
            let keyName = GraphMLContract.attributeKeyName(name, structural: structural)
            #expect(name == "人口" ? keyName == name : keyName.hasPrefix("attribute:"))
            #expect(XMLText.isNameToken(keyName))
            #expect(GraphMLContract.attributeName(fromKeyName: keyName) == name)
        }
        #expect(GraphMLContract.attributeKeyName("value", structural: structural) == "value")
    }

    @Test func splitsAndJoinsAliases() {
        let aliases: Set<String> = ["a|b", "c\\d", "e", "\\|"]
        #expect(GraphMLContract.splitAliases(GraphMLContract.joinAliases(aliases)) == aliases)
        #expect(GraphMLContract.joinAliases(["甲", "乙", "B", "A"]) == "A|B|乙|甲", "code point order")
    }

    @Test func readsGraphMLWrittenByAnotherTool() throws {
        // Keys renumbered d0… by the tool, for="all" on one key, a default, no provenance lists, and
        // yEd-style extra content the reader must ignore.
        let xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
              <key for="node" id="d0" attr.name="label" attr.type="string"/>
              <key for="node" id="d1" attr.name="type" attr.type="string"/>
              <key for="node" id="d2" attr.name="aliases" attr.type="string"/>
              <key for="node" id="d3" attr.name="placeType" attr.type="string"/>
              <key for="node" id="d4" attr.name="doc" attr.type="string"/>
              <key for="node" id="d5" attr.name="start" attr.type="int"/>
              <key for="node" id="d6" attr.name="end" attr.type="int"/>
              <key for="edge" id="d7" attr.name="label" attr.type="string"/>
              <key for="edge" id="d8" attr.name="date" attr.type="string"/>
              <key for="edge" id="d9" attr.name="evidence" attr.type="string"/>
              <key for="edge" id="d10" attr.name="rule" attr.type="string"/>
              <key for="edge" id="d11" attr.name="doc" attr.type="string"/>
              <key for="edge" id="d12" attr.name="start" attr.type="int"/>
              <key for="edge" id="d13" attr.name="end" attr.type="int"/>
              <key for="all" id="d14" attr.name="confidence" attr.type="string"><default>high</default></key>
              <key for="node" id="d15" yfiles.type="nodegraphics"/>
              <graph edgedefault="directed" id="G">
                <node id="org-a">
                  <data key="d0">国务院</data>
                  <data key="d1">Organization</data>
                  <data key="d2">中央人民政府|国务院常务会议</data>
                  <data key="d4">a.txt</data>
                  <data key="d5">0</data>
                  <data key="d6">3</data>
                  <data key="d15"><y:ShapeNode><y:NodeLabel>国务院</y:NodeLabel></y:ShapeNode></data>
                </node>
                <node id="place-b">
                  <data key="d1">Place</data>
                  <data key="d0">北京市</data>
                  <data key="d3">市</data>
                  <data key="d14">low</data>
                </node>
                <edge id="e0" source="org-a" target="place-b">
                  <data key="d7">locatedIn</data>
                  <data key="d8">2020</data>
                  <data key="d9">国务院位于北京市。</data>
                  <data key="d10">rel.located</data>
                  <data key="d11">a.txt</data>
                  <data key="d12">0</data>
                  <data key="d13">8</data>
                </edge>
              </graph>
            </graphml>
            """
        let graph = try GraphMLReader().graph(from: Array(xml.utf8), fileName: "yed.graphml")
        let org = try #require(graph[EntityID(rawValue: "org-a")])
        #expect(org.type == .organization)
        #expect(org.name == "国务院")
        #expect(org.aliases == ["中央人民政府", "国务院常务会议"])
        #expect(org.mentions == [Provenance(document: "a.txt", start: 0, end: 3, sentence: "", rule: "")])
        #expect(org.attributes == ["confidence": "high"], "keys with a <default> apply where data is absent")
        let place = try #require(graph[EntityID(rawValue: "place-b")])
        #expect(place.attributes == ["placeType": "市", "confidence": "low"])
        let relation = try #require(graph.relations.first)
        #expect(relation.predicate == "locatedIn")
        #expect(relation.date == "2020")
        #expect(relation.attributes == ["date": "2020", "confidence": "high"])
        #expect(relation.provenance == [Provenance(document: "a.txt", start: 0, end: 8, sentence: "国务院位于北京市。", rule: "rel.located")])
        #expect(relation.id == Relation(predicate: "locatedIn", subject: org.id, object: place.id, attributes: ["date": "2020"]).id)
    }

    @Test func reportsMalformedXMLWithALine() throws {
        let xml = "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n<graph>\n</graphml>\n"
        #expect {
            try GraphMLReader().graph(from: Array(xml.utf8), fileName: "broken.graphml")
        } throws: { error in
            guard case .malformedXML(let file, let line, let message) = error as? GraphImportError else { return false }
            return file == "broken.graphml" && line == 4 && message.contains("mismatch")
        }
    }

    @Test func rejectsFilesThatAreNotGraphML() {
        #expect(throws: GraphImportError.self) {
            try GraphMLReader().graph(from: Array("<html xmlns=\"http://www.w3.org/1999/xhtml\"/>".utf8))
        }
        #expect(throws: GraphImportError.self) {
            try GraphMLReader().graph(contentsOf: "/nonexistent/kgx/file.graphml")
        }
    }

    @Test func refusesDanglingRelationsAndInvalidIDs() {
        let a = Entity(id: EntityID(rawValue: "a"), type: .person, name: "A")
        let dangling = Graph(entities: [a], relations: [Relation(predicate: "visited", subject: a.id, object: EntityID(rawValue: "missing"))])
        #expect(throws: GraphExportError.danglingRelation(relation: dangling.relations[0].id, missingEntity: "missing")) {
            try GraphMLWriter().data(for: dangling)
        }
        let spaced = Graph(entities: [Entity(id: EntityID(rawValue: "has space"), type: .person, name: "B")], relations: [])
        #expect(throws: GraphExportError.invalidIdentifier("has space")) { try GraphMLWriter().data(for: spaced) }
    }

    @Test func isDeterministic() throws {
        let first = try GraphMLWriter().data(for: Fixtures.graph)
        let second = try GraphMLWriter().data(for: Fixtures.graph)
        #expect(first == second)
        let reordered = Graph(entities: Fixtures.entities.reversed(), relations: Fixtures.relations.reversed())
        #expect(try GraphMLWriter().data(for: reordered) == first)

        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("g.graphml").path
        try GraphMLWriter().write(Fixtures.graph, to: path)
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: path))) == first, "file and in-memory output agree")
    }
}
