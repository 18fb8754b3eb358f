import Foundation
import KGExtraction
import KGModel
import Testing

/// The founding article in ../shared/seed, checked against its hand-made gold annotation: every
/// required entity, figure, relation and date. Skipped when ../shared is not beside the checkout.
@Suite struct SeedArticleTests {
    static let seedFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/seed")
    static var available: Bool { FileManager.default.fileExists(atPath: seedFolder.appendingPathComponent("gold.json").path) }

    struct Extraction {
        let graph: Graph
        let mentions: [(text: String, mention: Mention)]
        let gold: [String: Any]
    }

    static func extract() throws -> Extraction {
        let text = try String(contentsOf: seedFolder.appendingPathComponent("article.txt"), encoding: .utf8)
        let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: seedFolder.appendingPathComponent("gold.json"))) as! [String: Any]
        let result = Extractor().extract(documentID: "article.txt", text: text, referenceDate: CalendarDate(year: 2022, month: 9, day: 15))
        return Extraction(graph: result.graph, mentions: result.mentions.map { (result.text.surface($0.range), $0) }, gold: gold)
    }

    static func required(_ key: String, in gold: [String: Any]) -> [[String: Any]] {
        (gold[key] as! [[String: Any]]).filter { $0["required"] as? Bool == true }
    }

    static func entities(named name: String, in graph: Graph) -> [Entity] {
        graph.entities.filter { $0.name == name || $0.aliases.contains(name) || $0.attributes[AttributeKey.text] == name }
    }

    @Test(.enabled(if: available)) func everyRequiredEntityIsFound() throws {
        let extraction = try Self.extract()
        for item in Self.required("entities", in: extraction.gold) {
            let names = [item["name"] as! String] + (item["aliases"] as? [String] ?? [])
            let type = item["type"] as! String
            let found = names.contains { name in Self.entities(named: name, in: extraction.graph).contains { $0.type.rawValue == type } }
            #expect(found, "missing \(type) \(names[0])")
        }
    }

    @Test(.enabled(if: available)) func everyRequiredFigureHasItsValue() throws {
        let extraction = try Self.extract()
        for item in Self.required("figures", in: extraction.gold) {
            let text = item["text"] as! String
            let figure = Self.entities(named: text, in: extraction.graph).first { $0.type == .figure }
            #expect(figure != nil, "missing figure \(text)")
            #expect(figure.flatMap { Decimal(string: $0.attributes[AttributeKey.value] ?? "") } == Decimal(string: "\(item["value"]!)"), "\(text)")
            if item["approximate"] != nil { #expect(figure?.attributes[AttributeKey.approximate] == "more than", "\(text)") }
        }
    }

    @Test(.enabled(if: available)) func everyRequiredRelationIsFoundWithItsDate() throws {
        let extraction = try Self.extract()
        let graph = extraction.graph
        for item in Self.required("relations", in: extraction.gold) {
            let subjects = Set(Self.entities(named: item["subject"] as! String, in: graph).map(\.id))
            let objects = Set(Self.entities(named: item["object"] as! String, in: graph).map(\.id))
            let found = graph.relations.contains {
                $0.predicate == item["predicate"] as! String && subjects.contains($0.subject) && objects.contains($0.object)
                    && (item["date"] == nil || $0.date == item["date"] as? String)
            }
            #expect(found, "missing \(item["subject"]!) -\(item["predicate"]!)-> \(item["object"]!) \(item["date"] ?? "")")
        }
    }

    @Test(.enabled(if: available)) func everyRequiredDateIsNormalized() throws {
        let extraction = try Self.extract()
        for item in Self.required("dates", in: extraction.gold) {
            let text = item["text"] as! String, value = item["normalized"] as! String
            let found = extraction.mentions.contains { $0.mention.type == .date && $0.text == text && $0.mention.value == value }
            #expect(found, "missing date \(text) = \(value)")
        }
    }

    @Test(.enabled(if: available)) func provenanceOffsetsPointAtTheOriginalText() throws {
        let extraction = try Self.extract()
        let original = Array(try String(contentsOf: Self.seedFolder.appendingPathComponent("article.txt"), encoding: .utf8).unicodeScalars)
        for entity in extraction.graph.entities where entity.type == .organization || entity.type == .document {
            for mention in entity.mentions {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: original[mention.start..<mention.end])
                let slice = String(view).replacingOccurrences(of: "\n", with: "")
                #expect(slice == entity.name || entity.aliases.contains(slice), "\(entity.name) at \(mention.start): \(slice)")
            }
        }
    }
}
