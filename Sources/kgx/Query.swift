import ArgumentParser
import Foundation
import KGExport
import KGModel
import KGStore

struct Query: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the relations (or entities) of a graph that kgx wrote, filtered.",
        discussion: """
            GRAPH is a .graphml or .jsonld file or a .kgx corpus store written by kgx extract (a store answers \
            from its indexes, without reading the whole graph). Names match an entity's canonical \
            name or any of its aliases. Relations are answered as subject, predicate, object and date; entities \
            as type, name, aliases and mention count; --evidence adds where each was found (document, \
            offsets, rule, sentence). The answer is a table on a terminal and JSON Lines in a pipe, or \
            what --format asks for (table, json, jsonl, tsv).

            Exit status: 0 with answers, 1 when nothing matches (a name the graph does not know is reported \
            with the closest names it does), 2 for a predicate or type kgx does not know.

            Examples:
              kgx query article.graphml --relation issued --subject 中组部
              kgx query article.graphml --relation issued --from 2021-01 --to 2021-12
              kgx query article.graphml --type Organization
              kgx query article.jsonld --relation visited --subject 习近平 --format json --evidence
            """
    )

    @Argument(help: ArgumentHelp("A graph written by kgx extract (.graphml, .jsonld or a .kgx store).", valueName: "GRAPH"))
    var graphFile: String

    @Option(name: [.customLong("relation"), .customLong("predicate")],
            help: "Only relations with this predicate (issued, convened, visited, counts, partOf, locatedIn, holdsTitle, …).")
    var predicate: String?

    @Option(help: "Only relations whose subject has this name or alias.")
    var subject: String?

    @Option(help: "Only relations whose object has this name or alias.")
    var object: String?

    @Option(help: ArgumentHelp("Only relations dated on or after this day, month or year.", valueName: "YYYY[-MM[-DD]]"))
    var from: String?

    @Option(help: ArgumentHelp("Only relations dated on or before this day, month or year.", valueName: "YYYY[-MM[-DD]]"))
    var to: String?

    @Flag(help: "List entities instead of relations.")
    var entities = false

    @Option(help: "Only entities of this type (Organization, Document, Person, Place, Event, Figure, Concept); implies --entities.")
    var type: String?

    @Option(help: "With --entities or --type: only entities with this name or alias.")
    var name: String?

    @OptionGroup var output: AnswerOptions

    /// The predicates kgx writes.
    static let knownPredicates = [
        Predicate.issued, Predicate.convened, Predicate.visited, Predicate.counts, Predicate.partOf, Predicate.locatedIn,
        Predicate.holdsTitle, Predicate.contains, Predicate.designated, Predicate.met, Predicate.attended,
        Predicate.sentMessage, Predicate.appointed, Predicate.signed,
    ]

    func run() throws {
        try reportingErrors {
            try checkUsage()
            let graph = try load()
            let table: AnswerTable
            if entities || type != nil || name != nil {
                let wanted = type.flatMap(EntityType.init(rawValue:))
                if let name { try requireKnown(name, in: graph) }
                table = AnswerTable.entities(
                    graph.entities.filter { (wanted == nil || $0.type == wanted) && (name == nil || $0.isNamed(name!)) },
                    evidence: output.evidence)
            } else {
                for name in [subject, object].compactMap({ $0 }) { try requireKnown(name, in: graph) }
                let query = GraphQuery(predicate: predicate, subject: subject, object: object, from: from, to: to)
                table = AnswerTable.relations(query.relations(in: graph), in: graph, evidence: output.evidence)
            }
            if table.rows.isEmpty {
                FileHandle.standardError.write(Data("kgx: no match in \(graphFile)\n".utf8))
                throw ExitCode.failure
            }
            try StandardOutput.shared.write(table.rendered(as: output.resolvedFormat))
        }
    }
    /// Options kgx cannot act on: exit 2 with the values it knows.
    private func checkUsage() throws {
        func usage(_ message: String) throws -> Never {
            FileHandle.standardError.write(Data("kgx: \(message)\n".utf8))
            throw ExitCode(2)
        }
        if let predicate, !Self.knownPredicates.contains(predicate) {
            let close = Self.knownPredicates.filter { Graph.editDistance(Array($0.unicodeScalars), Array(predicate.unicodeScalars), limit: 3) <= 3 }
            try usage("--relation: unknown predicate '\(predicate)'" + (close.isEmpty ? "" : "; did you mean \(close.joined(separator: ", "))?")
                + " (known: \(Self.knownPredicates.joined(separator: ", ")))")
        }
        if let type, EntityType(rawValue: type) == nil {
            try usage("--type: unknown entity type '\(type)' (known: Organization, Document, Person, Place, Event, Figure, Concept)")
        }
        for (option, value) in [("--from", from), ("--to", to)] {
            if let value, !GraphQuery.isRangeBound(value) { try usage("\(option): '\(value)' is not a date YYYY, YYYY-MM or YYYY-MM-DD") }
        }
    }

    /// A name the graph does not know is an error that names the closest ones it does.
    private func requireKnown(_ name: String, in graph: Graph) throws {
        guard graph.entities(named: name).isEmpty else { return }
        let close = try openStore().map { Graph.names(closeTo: name, among: try $0.allNames()) } ?? graph.names(closeTo: name)
        throw CLIError("no entity named '\(name)' in \(graphFile)" + (close.isEmpty ? "" : "; close names: \(close.joined(separator: ", "))"))
    }

    /// The graph to answer from: the file, or from a corpus store only the part the query touches,
    /// found through the store's indexes.
    private func load() throws -> Graph {
        guard let store = try openStore() else { return try loadGraph(graphFile) }
        do {
            let listing = entities || type != nil || name != nil
            let names = listing ? [name].compactMap { $0 } : [subject, object].compactMap { $0 }
            let wanted = type.flatMap(EntityType.init(rawValue:))
            if names.isEmpty && (listing ? wanted == nil : predicate == nil) { return try store.graph().0 }
            let ids = names.isEmpty ? nil : try names.flatMap { try store.entities(named: $0) }
            // A list of relations shows their ends by name: the ends' own mentions are not read.
            return try store.subgraph(entities: ids, predicate: listing ? nil : predicate, type: wanted, mentions: listing, evidence: output.evidence)
        } catch let error as StoreError {
            throw CLIError(error.description)
        }
    }

    private func openStore() throws -> CorpusStore? {
        CorpusStoreFile.isStore(graphFile) ? try CorpusStoreFile.open(graphFile) : nil
    }
}
