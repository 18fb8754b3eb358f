import Foundation
import KGModel

/// Source documents and a graph extracted from them by hand, with offsets in Unicode scalars.
enum Fixtures {
    static let newsID = "news/2021-06 国务院.txt"
    static let newsText = "2021年6月，国务院办公厅印发《关于加快发展保障性租赁住房的意见》。全市新增就业51.8万人。习近平总书记在北京市考察。"
    /// An emoji before the mention: code-point offsets differ from UTF-16 offsets here.
    static let weiboID = "weibo-002"
    static let weiboText = "😀国务院办公厅召开会议，北京市参加。"

    static var sourceTexts: [String: String] { [newsID: newsText, weiboID: weiboText] }

    /// The Unicode-scalar span of the first `needle` in `text`.
    static func span(of needle: String, in text: String) -> (start: Int, end: Int) {
        let haystack = Array(text.unicodeScalars)
        let pattern = Array(needle.unicodeScalars)
        for start in 0...(haystack.count - pattern.count) where Array(haystack[start..<start + pattern.count]) == pattern {
            return (start, start + pattern.count)
        }
        fatalError("\(needle) not in \(text)")
    }

    /// The sentence of `text` (ending with 。) that contains `needle`.
    static func sentence(containing needle: String, in text: String) -> String {
        let sentences = text.split(separator: "。").map { String($0) + "。" }
        return sentences.first { $0.contains(needle) }!
    }

    static func mention(_ needle: String, document: String = newsID, rule: String) -> Provenance {
        let text = sourceTexts[document]!
        let (start, end) = span(of: needle, in: text)
        return Provenance(document: document, start: start, end: end, sentence: sentence(containing: needle, in: text), rule: rule)
    }

    static let office = Entity(
        type: .organization, name: "国务院办公厅", aliases: ["国办"],
        mentions: [mention("国务院办公厅", rule: "org.lexicon"), mention("国务院办公厅", document: weiboID, rule: "org.lexicon")])
    static let opinion = Entity(
        type: .document, name: "关于加快发展保障性租赁住房的意见",
        attributes: [AttributeKey.documentType: "意见"],
        mentions: [mention("关于加快发展保障性租赁住房的意见", rule: "doc.title")])
    static let employed = Entity(
        type: .figure, name: "51.8万人",
        attributes: [
            AttributeKey.value: "518000", AttributeKey.unit: "人", AttributeKey.text: "51.8万人",
            AttributeKey.approximate: "about", AttributeKey.kind: "number",
        ],
        mentions: [mention("51.8万人", rule: "figure.wan")])
    static let employment = Entity(type: .concept, name: "新增就业", mentions: [mention("新增就业", rule: "concept.counted")])
    static let xi = Entity(
        type: .person, name: "习近平", attributes: [AttributeKey.title: "总书记"],
        mentions: [mention("习近平", rule: "person.lexicon")])
    static let beijing = Entity(
        type: .place, name: "北京市", aliases: ["北京"], attributes: [AttributeKey.placeType: "市"],
        mentions: [mention("北京市", rule: "place.suffix"), mention("北京市", document: weiboID, rule: "place.suffix")])
    static let congress = Entity(
        type: .event, name: "党的十九大", attributes: [AttributeKey.ordinal: "19"])
    static let range = Entity(
        type: .figure, name: "超过500亿元",
        attributes: [AttributeKey.value: "(50000000000,)", AttributeKey.kind: "range", AttributeKey.currency: "CNY", AttributeKey.unit: "元"])

    static var entities: [Entity] { [office, opinion, employed, employment, xi, beijing, congress, range] }

    static var relations: [Relation] {
        [
            Relation(
                predicate: Predicate.issued, subject: office.id, object: opinion.id,
                attributes: [AttributeKey.date: "2021-06"],
                provenance: [mention("国务院办公厅印发《关于加快发展保障性租赁住房的意见》", rule: "rel.issued")]),
            Relation(
                predicate: Predicate.counts, subject: employed.id, object: employment.id,
                provenance: [mention("新增就业51.8万人", rule: "rel.counts")]),
            Relation(
                predicate: Predicate.visited, subject: xi.id, object: beijing.id,
                provenance: [mention("习近平总书记在北京市考察", rule: "rel.visited")]),
            Relation(predicate: Predicate.locatedIn, subject: office.id, object: beijing.id),
        ]
    }

    static var graph: Graph { Graph(entities: entities, relations: relations) }

    /// Strings that stress escaping and the attribute-name rules.
    static var awkwardGraph: Graph {
        let person = Entity(
            type: .person, name: "A & B <C> \"D\" 'E'\tF\nG\r\nH",
            aliases: ["x|y", "back\\slash", "  padded  ", ""],
            attributes: [
                "label": "attribute named like a structural key",
                "my attr": "name with a space",
                "attribute:x": "name with the escape prefix",
                "人口": "中文属性名",
                "under_score": "_x0041_ literal",
                AttributeKey.value: "  12.50  ",
                "empty": "",
            ],
            mentions: [Provenance(document: "doc with spaces/and slashes?#", start: 0, end: 3, sentence: "  leading and trailing  ", rule: "r")])
        let place = Entity(type: .place, name: "Ürümqi 乌鲁木齐")
        let relation = Relation(
            predicate: "发布 了", subject: person.id, object: place.id,
            attributes: ["rule": "relation attribute named rule", AttributeKey.date: "2021-06~"],
            provenance: [
                Provenance(document: "d1", start: 5, end: 9, sentence: "s1", rule: "a"),
                Provenance(document: "d1", start: 1, end: 2, sentence: "s0", rule: "b"),
            ])
        return Graph(entities: [person, place], relations: [relation])
    }

    /// A fresh, empty temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kgx-export-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
