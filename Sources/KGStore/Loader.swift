import GRDB
import KGExport
import KGModel

/// Rebuilds graphs from the rows of a store: the merged graph from the merged columns of entities and
/// relations, one document's graph from that document's parts.
struct Loader {
    let db: Database
    /// Sentence texts by row id, read once: every mention of a sentence shares one string.
    private var sentences: [Int64: String] = [:]

    init(db: Database) { self.db = db }

    /// The merged graph, or the part of it `entityFilter` and `relationFilter` (ids) name.
    mutating func load(entityFilter: Set<String>?, relationFilter: Set<String>?, entityMentions: Bool = true,
                       relationEvidence: Bool = true) throws -> (Graph, SpanQuotes) {
        var quotes = SpanQuotes()
        var entities: [Entity] = []
        var relations: [Relation] = []
        if let entityFilter {
            for id in entityFilter.sorted() {
                entities += try loadEntities(where: "e.id = ?", [id], mentionsWhere: entityMentions ? "entity = ?" : nil, [id], quotes: &quotes,
                                             mentions: entityMentions)
            }
        } else {
            entities = try loadEntities(where: nil, [], mentionsWhere: nil, [], quotes: &quotes)
        }
        if let relationFilter {
            for id in relationFilter.sorted() {
                relations += try loadRelations(where: "r.id = ?", [id], evidenceWhere: "relation = ?", [id], quotes: &quotes,
                                               evidence: relationEvidence)
            }
        } else {
            relations = try loadRelations(where: nil, [], evidenceWhere: nil, [], quotes: &quotes)
        }
        return (Graph(entities: entities, relations: relations), quotes)
    }

    /// One document's own graph.
    mutating func load(document id: String) throws -> (Graph, SpanQuotes) {
        var quotes = SpanQuotes()
        let entities = try loadEntities(where: "p.document = ?", [id], mentionsWhere: "document = ?", [id], quotes: &quotes, parts: true)
        let relations = try loadRelations(where: "p.document = ?", [id], evidenceWhere: "document = ?", [id], quotes: &quotes, parts: true)
        return (Graph(entities: entities, relations: relations), quotes)
    }

    /// The sentence of a row (its id, and its text in column `column`), one string per sentence.
    private mutating func sentence(_ id: Int64, _ row: Row, _ column: Int) -> String {
        if let known = sentences[id] { return known }
        let text: String = row[column]
        sentences[id] = text
        return text
    }

    /// The rows of a provenance table (`mention` by entity, `evidence` by relation) with their sentences,
    /// grouped by owner; the quoted span texts go to `quotes`.
    private mutating func provenance(
        from table: String, owner: String, where condition: String?, _ arguments: StatementArguments, quotes: inout SpanQuotes
    ) throws -> [String: [Provenance]] {
        var result: [String: [Provenance]] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT p.\(owner), p.document, p.start, p."end", p.rule, p.sentence, p.quote, s.text FROM \(table) p
            JOIN sentence s ON s.id = p.sentence \(condition.map { "WHERE p." + $0 } ?? "")
            """, arguments: arguments)
        while let row = try rows.next() {
            let provenance = Provenance(document: row[1], start: row[2], end: row[3], sentence: sentence(row[5], row, 7), rule: row[4])
            result[row[0], default: []].append(provenance)
            if let quote: String = row[6] { quotes.set(quote, document: provenance.document, start: provenance.start, end: provenance.end) }
        }
        return result
    }

    private mutating func loadEntities(
        where condition: String?, _ arguments: StatementArguments, mentionsWhere mentionCondition: String?,
        _ mentionArguments: StatementArguments, quotes: inout SpanQuotes, mentions withMentions: Bool = true, parts: Bool = false
    ) throws -> [Entity] {
        let mentions = withMentions ? try provenance(from: "mention", owner: "entity", where: mentionCondition, mentionArguments, quotes: &quotes) : [:]
        var result: [Entity] = []
        let sql = parts
            ? """
            SELECT p.entity, e.type, e.name, p.aliases, p.attributes, p.written
            FROM entity_part p JOIN entity e ON e.id = p.entity \(condition.map { "WHERE " + $0 } ?? "") ORDER BY p.entity
            """
            : "SELECT e.id, e.type, e.name, e.aliases, e.attributes, e.written FROM entity e \(condition.map { "WHERE " + $0 } ?? "")"
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() {
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
        _ evidenceArguments: StatementArguments, quotes: inout SpanQuotes, evidence withEvidence: Bool = true, parts: Bool = false
    ) throws -> [Relation] {
        let evidence = withEvidence ? try provenance(from: "evidence", owner: "relation", where: evidenceCondition, evidenceArguments, quotes: &quotes) : [:]
        var result: [Relation] = []
        let sql = parts
            ? """
            SELECT p.relation, r.subject, r.predicate, r.object, p.attributes
            FROM relation_part p JOIN relation r ON r.id = p.relation \(condition.map { "WHERE " + $0 } ?? "") ORDER BY p.relation
            """
            : "SELECT r.id, r.subject, r.predicate, r.object, r.attributes FROM relation r \(condition.map { "WHERE " + $0 } ?? "")"
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() {
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

/// The list and map columns of the store: items joined by U+001F, a key and its value by U+001E, and
/// those two and the backslash escaped inside items (`\\`, `\1`, `\2`). Keys are sorted, so equal values
/// are equal text; an empty list or map is the empty string. Cheaper than JSON on the hot paths (a hub
/// entity has a part in thousands of documents).
enum Coding {
    private static let item: Character = "\u{1F}"
    private static let pair: Character = "\u{1E}"

    static func list(_ values: [String]) -> String { values.map(escaped).joined(separator: String(item)) }
    static func map(_ values: [String: String]) -> String {
        values.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            .map { escaped($0.key) + String(pair) + escaped($0.value) }.joined(separator: String(item))
    }
    static func counts(_ values: [String: Int]) -> String { map(values.mapValues(String.init)) }

    static func list(_ text: String) throws -> [String] {
        text.isEmpty ? [] : try text.split(separator: item, omittingEmptySubsequences: false).map { try unescaped($0) }
    }
    static func map(_ text: String) throws -> [String: String] {
        var result: [String: String] = [:]
        guard !text.isEmpty else { return result }
        for entry in text.split(separator: item, omittingEmptySubsequences: false) {
            let parts = entry.split(separator: pair, maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw StoreError("a stored map entry has no value: \(entry.prefix(80))") }
            result[try unescaped(parts[0])] = try unescaped(parts[1])
        }
        return result
    }
    static func counts(_ text: String) throws -> [String: Int] {
        try map(text).mapValues { value in
            guard let count = Int(value) else { throw StoreError("a stored count is not a number: \(value.prefix(20))") }
            return count
        }
    }

    private static func escaped(_ text: String) -> String {
        guard text.contains(where: { $0 == "\\" || $0 == item || $0 == pair }) else { return text }
        var result = ""
        for c in text {
            switch c {
            case "\\": result += "\\\\"
            case item: result += "\\1"
            case pair: result += "\\2"
            default: result.append(c)
            }
        }
        return result
    }

    private static func unescaped(_ text: Substring) throws -> String {
        guard text.contains("\\") else { return String(text) }
        var result = ""
        var escaping = false
        for c in text {
            if escaping {
                switch c {
                case "\\": result.append("\\")
                case "1": result.append(item)
                case "2": result.append(pair)
                default: throw StoreError("a stored value has an unknown escape \\\(c)")
                }
                escaping = false
            } else if c == "\\" {
                escaping = true
            } else {
                result.append(c)
            }
        }
        guard !escaping else { throw StoreError("a stored value ends inside an escape") }
        return result
    }
}
