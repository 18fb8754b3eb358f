import Foundation
import GRDB
import KGExport
import KGModel

/// A corpus store: the graph of many documents in one SQLite file (`corpus.kgx`), indexed for queries.
///
/// The store keeps each document's contribution apart (its names, attributes, mentions and evidence), so a
/// document added again replaces what it gave before, and merging stores is associative. The merged graph
/// is what ``graph()`` rebuilds: the same graph, byte for byte in every writer, as extracting all the
/// documents in one run in their order. Sentence texts are stored once per sentence, not per mention.
///
/// Every change runs in one transaction: a failure leaves the store as it was.
public final class CorpusStore {
    /// What the file says it is, checked when a store is opened.
    static let format = "kgx-corpus-store"
    static let version = "3"

    let queue: DatabaseQueue
    /// The file the store lives in.
    public let path: String

    /// Opens the store at `path`; with `create`, makes an empty one when no file is there.
    public init(path: String, create: Bool = false) throws {
        self.path = path
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists && !create { throw StoreError("\(path): no such corpus store") }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        configuration.prepareDatabase { db in
            // A crash may lose the last transaction, never corrupt the file.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.write { db in
                if try db.tableExists("meta") {
                    let format = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'format'")
                    let version = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'version'")
                    guard format == Self.format else { throw StoreError("\(path): not a kgx corpus store") }
                    guard version == Self.version else {
                        throw StoreError("\(path): corpus store version \(version ?? "?") (this kgx reads version \(Self.version))")
                    }
                } else if try !String.fetchAll(db, sql: "SELECT name FROM sqlite_master").isEmpty {
                    throw StoreError("\(path): an SQLite database, but not a kgx corpus store")
                } else {
                    try Self.createSchema(db)
                }
            }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw StoreError("\(path): \(error.message ?? error.description)")
        }
    }

    static func createSchema(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
            INSERT INTO meta VALUES ('format', '\(format)'), ('version', '\(version)');
            CREATE TABLE document(id TEXT PRIMARY KEY, seq INTEGER NOT NULL UNIQUE, characters INTEGER NOT NULL);
            CREATE TABLE sentence(id INTEGER PRIMARY KEY, document TEXT NOT NULL, text TEXT NOT NULL);
            CREATE INDEX sentence_document ON sentence(document);
            CREATE TABLE entity(id TEXT PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL,
                aliases TEXT NOT NULL DEFAULT '', attributes TEXT NOT NULL DEFAULT '', written TEXT NOT NULL DEFAULT '');
            CREATE INDEX entity_type ON entity(type);
            CREATE TABLE entity_part(entity TEXT NOT NULL, document TEXT NOT NULL, aliases TEXT NOT NULL,
                attributes TEXT NOT NULL, written TEXT NOT NULL, PRIMARY KEY(entity, document)) WITHOUT ROWID;
            CREATE INDEX entity_part_document ON entity_part(document);
            CREATE TABLE name(name TEXT NOT NULL, entity TEXT NOT NULL, PRIMARY KEY(name, entity)) WITHOUT ROWID;
            CREATE INDEX name_entity ON name(entity);
            CREATE TABLE mention(entity TEXT NOT NULL, document TEXT NOT NULL, start INTEGER NOT NULL,
                "end" INTEGER NOT NULL, rule TEXT NOT NULL, sentence INTEGER NOT NULL, quote TEXT);
            CREATE INDEX mention_entity ON mention(entity);
            CREATE INDEX mention_document ON mention(document);
            CREATE TABLE relation(id TEXT PRIMARY KEY, subject TEXT NOT NULL, predicate TEXT NOT NULL, object TEXT NOT NULL,
                attributes TEXT NOT NULL DEFAULT '');
            CREATE INDEX relation_subject ON relation(subject, predicate);
            CREATE INDEX relation_object ON relation(object, predicate);
            CREATE INDEX relation_predicate ON relation(predicate);
            CREATE TABLE relation_part(relation TEXT NOT NULL, document TEXT NOT NULL, attributes TEXT NOT NULL,
                PRIMARY KEY(relation, document)) WITHOUT ROWID;
            CREATE INDEX relation_part_document ON relation_part(document);
            CREATE TABLE evidence(relation TEXT NOT NULL, document TEXT NOT NULL, start INTEGER NOT NULL,
                "end" INTEGER NOT NULL, rule TEXT NOT NULL, sentence INTEGER NOT NULL, quote TEXT);
            CREATE INDEX evidence_relation ON evidence(relation);
            CREATE INDEX evidence_document ON evidence(document);
            """)
    }

    /// Closes the file; the store cannot be used afterwards.
    public func close() throws {
        try reporting { try queue.close() }
    }

    // MARK: - Writing

    /// One document's graph, with the texts its spans quote (for JSON-LD), as extraction gives it.
    public struct DocumentGraph: Sendable {
        public var id: String
        public var characters: Int
        public var graph: Graph
        public var quotes: SpanQuotes

        public init(id: String, characters: Int, graph: Graph, quotes: SpanQuotes) {
            self.id = id
            self.characters = characters
            self.graph = graph
            self.quotes = quotes
        }
    }

    /// A batch of writes in one transaction: documents added or replaced. Nothing is written unless the
    /// whole of `body` succeeds.
    public func write(_ body: (Writer) throws -> Void) throws {
        try reporting {
            try queue.write { db in
                let writer = Writer(db: db)
                try body(writer)
                try writer.finish()
            }
        }
    }

    /// Adds documents inside ``write(_:)``.
    public final class Writer {
        let db: Database
        private var nextSeq: Int
        /// Entities and relations whose merged columns this batch changes.
        private var touchedEntities = Set<String>()
        private var touchedRelations = Set<String>()

        init(db: Database) {
            self.db = db
            nextSeq = ((try? Int.fetchOne(db, sql: "SELECT MAX(seq) FROM document")) ?? nil).map { $0 + 1 } ?? 0
        }

        /// Adds a document, replacing what a document of the same id gave before. Returns whether it
        /// replaced one.
        @discardableResult
        public func add(_ document: DocumentGraph) throws -> Bool {
            let id = document.id
            let previous = try Int.fetchOne(db, sql: "SELECT seq FROM document WHERE id = ?", arguments: [id])
            if previous != nil { try remove(document: id) }
            let seq = previous ?? nextSeq
            if previous == nil { nextSeq += 1 }
            try db.cachedStatement(sql: "INSERT INTO document(id, seq, characters) VALUES (?, ?, ?)")
                .execute(arguments: [id, seq, document.characters])
            var sentences: [String: Int64] = [:]
            func sentenceID(_ text: String) throws -> Int64 {
                if let known = sentences[text] { return known }
                try db.cachedStatement(sql: "INSERT INTO sentence(document, text) VALUES (?, ?)").execute(arguments: [id, text])
                let rowID = db.lastInsertedRowID
                sentences[text] = rowID
                return rowID
            }
            let insertEntity = try db.cachedStatement(sql: "INSERT OR IGNORE INTO entity(id, type, name) VALUES (?, ?, ?)")
            let insertPart = try db.cachedStatement(sql: "INSERT INTO entity_part(entity, document, aliases, attributes, written) VALUES (?, ?, ?, ?, ?)")
            let insertMention = try db.cachedStatement(sql: "INSERT INTO mention(entity, document, start, \"end\", rule, sentence, quote) VALUES (?, ?, ?, ?, ?, ?, ?)")
            for entity in document.graph.entities {
                let key = entity.id.rawValue
                touchedEntities.insert(key)
                try insertEntity.execute(arguments: [key, entity.type.rawValue, entity.name])
                try insertPart.execute(arguments: [key, id, Coding.list(entity.aliases.sorted()), Coding.map(entity.attributes),
                                                   Coding.counts(entity.writtenForms)])
                for mention in entity.mentions {
                    try insertMention.execute(arguments: [key, id, mention.start, mention.end, mention.rule,
                                                          try sentenceID(mention.sentence), document.quotes.text(of: mention)])
                }
            }
            let insertRelation = try db.cachedStatement(sql: "INSERT OR IGNORE INTO relation(id, subject, predicate, object) VALUES (?, ?, ?, ?)")
            let insertRelationPart = try db.cachedStatement(sql: "INSERT INTO relation_part(relation, document, attributes) VALUES (?, ?, ?)")
            let insertEvidence = try db.cachedStatement(sql: "INSERT INTO evidence(relation, document, start, \"end\", rule, sentence, quote) VALUES (?, ?, ?, ?, ?, ?, ?)")
            for relation in document.graph.relations {
                touchedRelations.insert(relation.id)
                try insertRelation.execute(arguments: [relation.id, relation.subject.rawValue, relation.predicate, relation.object.rawValue])
                try insertRelationPart.execute(arguments: [relation.id, id, Coding.map(relation.attributes)])
                for evidence in relation.provenance {
                    try insertEvidence.execute(arguments: [relation.id, id, evidence.start, evidence.end, evidence.rule,
                                                           try sentenceID(evidence.sentence), document.quotes.text(of: evidence)])
                }
            }
            return previous != nil
        }

        /// Removes what a document gave; entities and relations no document names any more go at the end
        /// of the transaction.
        func remove(document id: String) throws {
            touchedEntities.formUnion(try String.fetchAll(db, sql: "SELECT entity FROM entity_part WHERE document = ?", arguments: [id]))
            touchedRelations.formUnion(try String.fetchAll(db, sql: "SELECT relation FROM relation_part WHERE document = ?", arguments: [id]))
            for table in ["entity_part", "mention", "relation_part", "evidence", "sentence"] {
                try db.execute(sql: "DELETE FROM \(table) WHERE document = ?", arguments: [id])
            }
            try db.execute(sql: "DELETE FROM document WHERE id = ?", arguments: [id])
        }

        /// Ends the batch: entities and relations no document names any more go, and the merged columns
        /// and the names of those the batch touched are computed again from their parts, in the order
        /// documents were added (the first value of an attribute wins, as in one extraction run).
        func finish() throws {
            let entityParts = try db.cachedStatement(sql: """
                SELECT p.aliases, p.attributes, p.written FROM entity_part p JOIN document d ON d.id = p.document
                WHERE p.entity = ? ORDER BY d.seq
                """)
            let updateEntity = try db.cachedStatement(sql: "UPDATE entity SET aliases = ?, attributes = ?, written = ? WHERE id = ?")
            let insertName = try db.cachedStatement(sql: "INSERT OR IGNORE INTO name(name, entity) VALUES (?, ?)")
            for id in touchedEntities.sorted() {
                let parts = try Row.fetchAll(entityParts, arguments: [id])
                try db.execute(sql: "DELETE FROM name WHERE entity = ?", arguments: [id])
                if parts.isEmpty {
                    try db.execute(sql: "DELETE FROM entity WHERE id = ?", arguments: [id])
                    continue
                }
                var aliases = Set<String>(), attributes: [String: String] = [:], written: [String: Int] = [:]
                for part in parts {
                    aliases.formUnion(try Coding.list(part[0] as String))
                    for (key, value) in try Coding.map(part[1] as String) where attributes[key] == nil { attributes[key] = value }
                    written.merge(try Coding.counts(part[2] as String), uniquingKeysWith: +)
                }
                guard let name = try String.fetchOne(db, sql: "SELECT name FROM entity WHERE id = ?", arguments: [id]) else { continue }
                aliases.remove(name)
                try updateEntity.execute(arguments: [Coding.list(aliases.sorted()), Coding.map(attributes), Coding.counts(written), id])
                for each in [name] + aliases.sorted() { try insertName.execute(arguments: [each, id]) }
            }
            let relationParts = try db.cachedStatement(sql: """
                SELECT p.attributes FROM relation_part p JOIN document d ON d.id = p.document WHERE p.relation = ? ORDER BY d.seq
                """)
            let updateRelation = try db.cachedStatement(sql: "UPDATE relation SET attributes = ? WHERE id = ?")
            for id in touchedRelations.sorted() {
                let parts = try String.fetchAll(relationParts, arguments: [id])
                if parts.isEmpty {
                    try db.execute(sql: "DELETE FROM relation WHERE id = ?", arguments: [id])
                    continue
                }
                var attributes: [String: String] = [:]
                for part in parts {
                    for (key, value) in try Coding.map(part) where attributes[key] == nil { attributes[key] = value }
                }
                try updateRelation.execute(arguments: [Coding.map(attributes), id])
            }
            touchedEntities = []
            touchedRelations = []
        }
    }

    // MARK: - Reading

    /// The number of documents, entities and relations.
    public func counts() throws -> (documents: Int, entities: Int, relations: Int) {
        try read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entity") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM relation") ?? 0)
        }
    }

    /// The whole merged graph and the texts its spans quote.
    public func graph() throws -> (Graph, SpanQuotes) {
        try read { db in
            var loader = Loader(db: db)
            return try loader.load(entityFilter: nil, relationFilter: nil)
        }
    }

    /// Each document's own graph in the order documents were added: what ``merge(_:)`` copies.
    public func documents(_ body: (DocumentGraph) throws -> Void) throws {
        try read { db in
            let ids = try Row.fetchAll(db, sql: "SELECT id, characters FROM document ORDER BY seq")
            for row in ids {
                let id: String = row[0]
                var loader = Loader(db: db)
                let (graph, quotes) = try loader.load(document: id)
                try body(DocumentGraph(id: id, characters: row[1], graph: graph, quotes: quotes))
            }
        }
    }

    /// Adds every document of `other` to this store (replacing documents of the same id), in one
    /// transaction.
    public func merge(_ other: CorpusStore) throws {
        try write { writer in
            try other.documents { document in try writer.add(document) }
        }
    }

    /// The ids of the entities that have `name` as their name or an alias.
    public func entities(named name: String) throws -> [EntityID] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT entity FROM name WHERE name = ? ORDER BY entity", arguments: [name]).map(EntityID.init)
        }
    }

    /// Every name and alias in the store (for suggestions when a name is not found).
    public func allNames() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT DISTINCT name FROM name ORDER BY name") }
    }

    /// The part of the graph a query needs: the relations that touch `entities` (all relations with
    /// `predicate` when no entity is given), their ends, and the entities themselves or those of `type`.
    /// Without `mentions`, entities come without their provenance (what a list of relations needs);
    /// without `evidence`, relations come without theirs.
    public func subgraph(entities ids: [EntityID]?, predicate: String?, type: EntityType?, mentions: Bool = true, evidence: Bool = true) throws -> Graph {
        try read { db in
            var relationIDs = Set<String>()
            var entityIDs = Set<String>(ids?.map(\.rawValue) ?? [])
            if let ids {
                for id in ids {
                    for column in ["subject", "object"] {
                        var sql = "SELECT id FROM relation WHERE \(column) = ?"
                        var arguments: StatementArguments = [id.rawValue]
                        if let predicate { sql += " AND predicate = ?"; arguments += [predicate] }
                        relationIDs.formUnion(try String.fetchAll(db, sql: sql, arguments: arguments))
                    }
                }
            } else if let predicate {
                relationIDs.formUnion(try String.fetchAll(db, sql: "SELECT id FROM relation WHERE predicate = ?", arguments: [predicate]))
            }
            if let type {
                entityIDs.formUnion(try String.fetchAll(db, sql: "SELECT id FROM entity WHERE type = ?", arguments: [type.rawValue]))
            }
            for id in relationIDs {
                if let row = try Row.fetchOne(db, sql: "SELECT subject, object FROM relation WHERE id = ?", arguments: [id]) {
                    entityIDs.insert(row[0])
                    entityIDs.insert(row[1])
                }
            }
            var loader = Loader(db: db)
            return try loader.load(entityFilter: entityIDs, relationFilter: relationIDs, entityMentions: mentions, relationEvidence: evidence).0
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try reporting { try queue.read(body) }
    }

    /// Runs `body`, turning SQLite's errors into a ``StoreError`` that names the file.
    func reporting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw StoreError("\(path): \(error.message ?? error.description)")
        }
    }
}

/// A store that cannot be opened, read or written.
public struct StoreError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
