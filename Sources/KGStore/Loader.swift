import Foundation
import GRDB
import KGExport
import KGModel

/// Rebuilds graphs from the rows of a store: each entity and relation from its documents' parts in the
/// order the documents were added (the first value of an attribute wins, as when extracting in one run).
struct Loader {
    let db: Database
    /// Sentence texts by row id, read once: every mention of a sentence shares one string.
    private var sentences: [Int64: String] = [:]

    init(db: Database) { self.db = db }

    /// The merged graph, or the part of it `entityFilter` and `relationFilter` (ids) name.
    mutating func load(entityFilter: Set<String>?, relationFilter: Set<String>?) throws -> (Graph, SpanQuotes) {
        var quotes = SpanQuotes()
        var entities: [Entity] = []
        var relations: [Relation] = []
        if let entityFilter {
            for id in entityFilter.sorted() {
                entities += try loadEntities(where: "p.entity = ?", [id], mentionsWhere: "entity = ?", [id], quotes: &quotes)
            }
        } else {
            entities = try loadEntities(where: nil, [], mentionsWhere: nil, [], quotes: &quotes)
        }
        if let relationFilter {
            for id in relationFilter.sorted() {
                relations += try loadRelations(where: "p.relation = ?", [id], evidenceWhere: "relation = ?", [id], quotes: &quotes)
            }
        } else {
            relations = try loadRelations(where: nil, [], evidenceWhere: nil, [], quotes: &quotes)
        }
        return (Graph(entities: entities, relations: relations), quotes)
    }

    /// One document's own graph.
    mutating func load(document id: String) throws -> (Graph, SpanQuotes) {
        var quotes = SpanQuotes()
        let entities = try loadEntities(where: "p.document = ?", [id], mentionsWhere: "document = ?", [id], quotes: &quotes)
        let relations = try loadRelations(where: "p.document = ?", [id], evidenceWhere: "document = ?", [id], quotes: &quotes)
        return (Graph(entities: entities, relations: relations), quotes)
    }

    private mutating func sentence(_ id: Int64) throws -> String {
        if let known = sentences[id] { return known }
        let text = try String.fetchOne(db, sql: "SELECT text FROM sentence WHERE id = ?", arguments: [id]) ?? ""
        sentences[id] = text
        return text
    }

    private mutating func loadEntities(
        where condition: String?, _ arguments: StatementArguments, mentionsWhere mentionCondition: String?,
        _ mentionArguments: StatementArguments, quotes: inout SpanQuotes
    ) throws -> [Entity] {
        var mentions: [String: [Provenance]] = [:]
        let mentionRows = try Row.fetchCursor(db, sql: """
            SELECT entity, document, start, "end", rule, sentence, quote FROM mention
            \(mentionCondition.map { "WHERE " + $0 } ?? "")
            """, arguments: mentionArguments)
        while let row = try mentionRows.next() {
            let provenance = Provenance(document: row[1], start: row[2], end: row[3], sentence: try sentence(row[5]), rule: row[4])
            mentions[row[0], default: []].append(provenance)
            if let quote: String = row[6] { quotes.set(quote, document: provenance.document, start: provenance.start, end: provenance.end) }
        }
        var result: [Entity] = []
        let parts = try Row.fetchCursor(db, sql: """
            SELECT p.entity, e.type, e.name, p.aliases, p.attributes, p.written
            FROM entity_part p JOIN entity e ON e.id = p.entity JOIN document d ON d.id = p.document
            \(condition.map { "WHERE " + $0 } ?? "") ORDER BY p.entity, d.seq
            """, arguments: arguments)
        while let row = try parts.next() {
            let id: String = row[0]
            guard let type = EntityType(rawValue: row[1]) else { throw StoreError("entity \(id): unknown type \(row[1] as String)") }
            let part = Entity(id: EntityID(rawValue: id), type: type, name: row[2], aliases: Set(try Coding.list(row[3])),
                              attributes: try Coding.map(row[4]), writtenForms: try Coding.counts(row[5]))
            if let last = result.last, last.id.rawValue == id {
                result[result.count - 1].absorb(part)
            } else {
                var fresh = part
                fresh.mentions = mentions[id] ?? []
                result.append(fresh)
            }
        }
        return result
    }

    private mutating func loadRelations(
        where condition: String?, _ arguments: StatementArguments, evidenceWhere evidenceCondition: String?,
        _ evidenceArguments: StatementArguments, quotes: inout SpanQuotes
    ) throws -> [Relation] {
        var evidence: [String: [Provenance]] = [:]
        let evidenceRows = try Row.fetchCursor(db, sql: """
            SELECT relation, document, start, "end", rule, sentence, quote FROM evidence
            \(evidenceCondition.map { "WHERE " + $0 } ?? "")
            """, arguments: evidenceArguments)
        while let row = try evidenceRows.next() {
            let provenance = Provenance(document: row[1], start: row[2], end: row[3], sentence: try sentence(row[5]), rule: row[4])
            evidence[row[0], default: []].append(provenance)
            if let quote: String = row[6] { quotes.set(quote, document: provenance.document, start: provenance.start, end: provenance.end) }
        }
        var result: [Relation] = []
        let parts = try Row.fetchCursor(db, sql: """
            SELECT p.relation, r.subject, r.predicate, r.object, p.attributes
            FROM relation_part p JOIN relation r ON r.id = p.relation JOIN document d ON d.id = p.document
            \(condition.map { "WHERE " + $0 } ?? "") ORDER BY p.relation, d.seq
            """, arguments: arguments)
        while let row = try parts.next() {
            let id: String = row[0]
            let attributes = try Coding.map(row[4])
            if let last = result.last, last.id == id {
                for (key, value) in attributes where result[result.count - 1].attributes[key] == nil {
                    result[result.count - 1].attributes[key] = value
                }
            } else {
                let relation = Relation(predicate: row[2], subject: EntityID(rawValue: row[1]), object: EntityID(rawValue: row[3]),
                                        attributes: attributes, provenance: evidence[id] ?? [])
                guard relation.id == id else { throw StoreError("relation \(id): its id does not match its ends and date") }
                result.append(relation)
            }
        }
        return result
    }
}

/// The JSON columns of the store: lists, maps and counts, with sorted keys so equal values are equal text.
enum Coding {
    static func list(_ values: [String]) throws -> String { try text(values) }
    static func map(_ values: [String: String]) throws -> String { try text(values) }
    static func counts(_ values: [String: Int]) throws -> String { try text(values) }

    static func list(_ text: String) throws -> [String] { try decode(text) }
    static func map(_ text: String) throws -> [String: String] { try decode(text) }
    static func counts(_ text: String) throws -> [String: Int] { try decode(text) }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    private static func text<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private static func decode<T: Decodable>(_ text: String) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(text.utf8))
        } catch {
            throw StoreError("a stored value is not the JSON kgx writes: \(text.prefix(80))")
        }
    }
}
