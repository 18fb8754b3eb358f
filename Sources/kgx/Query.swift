import ArgumentParser
import Foundation
import KGExport
import KGModel

struct Query: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the relations (or entities) of a graph that kgx wrote, filtered.",
        discussion: """
            GRAPH is a .graphml or .jsonld file written by kgx extract. Names match an entity's canonical \
            name or any of its aliases. Relations print as tab-separated lines: subject, predicate, object, \
            date, document:start-end, evidence; with --json as one JSON object per line.

            Exit status: 0 with answers, 1 when nothing matches (a name the graph does not know is reported \
            with the closest names it does), 2 for a predicate or type kgx does not know.

            Examples:
              kgx query article.graphml --relation issued --subject 中组部
              kgx query article.graphml --relation issued --from 2021-01 --to 2021-12
              kgx query article.graphml --type Organization
            """
    )

    @Argument(help: ArgumentHelp("A graph written by kgx extract (.graphml or .jsonld).", valueName: "GRAPH"))
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

    @Flag(help: "Write one JSON object per line instead of tab-separated text.")
    var json = false

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
            var lines: [String] = []
            if entities || type != nil || name != nil {
                let wanted = type.flatMap(EntityType.init(rawValue:))
                if let name { try requireKnown(name, in: graph) }
                for entity in graph.entities where (wanted == nil || entity.type == wanted) && (name == nil || entity.isNamed(name!)) {
                    let aliases = entity.aliases.sorted()
                    lines.append(json
                        ? JSONText.object([("id", JSONText.string(entity.id.rawValue)), ("type", JSONText.string(entity.type.rawValue)),
                                           ("name", JSONText.string(entity.name)),
                                           ("aliases", "[" + aliases.map(JSONText.string).joined(separator: ",") + "]"),
                                           ("mentions", String(entity.mentions.count))])
                        : [entity.type.rawValue, entity.name, aliases.joined(separator: "|"), String(entity.mentions.count)].joined(separator: "\t"))
                }
            } else {
                for name in [subject, object].compactMap({ $0 }) { try requireKnown(name, in: graph) }
                let query = GraphQuery(predicate: predicate, subject: subject, object: object, from: from, to: to)
                for relation in query.relations(in: graph) {
                    let subjectName = graph[relation.subject]?.name ?? relation.subject.rawValue
                    let objectName = graph[relation.object]?.name ?? relation.object.rawValue
                    let first = relation.provenance.first
                    let place = first.map { "\($0.document):\($0.start)-\($0.end)" } ?? ""
                    lines.append(json
                        ? JSONText.object([("subject", JSONText.string(subjectName)), ("predicate", JSONText.string(relation.predicate)),
                                           ("object", JSONText.string(objectName)), ("date", relation.date.map(JSONText.string) ?? "null"),
                                           ("doc", JSONText.string(first?.document ?? "")), ("start", String(first?.start ?? 0)),
                                           ("end", String(first?.end ?? 0)), ("evidence", JSONText.string(first?.sentence ?? ""))])
                        : [subjectName, relation.predicate, objectName, relation.date ?? "", place,
                           (first?.sentence ?? "").replacingOccurrences(of: "\n", with: " ")].joined(separator: "\t"))
                }
            }
            try StandardOutput.shared.write(lines.map { $0 + "\n" }.joined())
            if lines.isEmpty {
                try StandardOutput.shared.flush()
                FileHandle.standardError.write(Data("kgx: no match in \(graphFile)\n".utf8))
                throw ExitCode.failure
            }
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
        let close = graph.names(closeTo: name)
        throw CLIError("no entity named '\(name)' in \(graphFile)" + (close.isEmpty ? "" : "; close names: \(close.joined(separator: ", "))"))
    }

    private func load() throws -> Graph { try loadGraph(graphFile) }
}
