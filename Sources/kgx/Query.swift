import ArgumentParser
import Foundation
import KGExport
import KGModel

struct Query: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the relations (or entities) of a graph that kgx wrote, filtered.",
        discussion: """
            GRAPH is a .graphml or .jsonld file written by kgx extract. Names match an entity's canonical \\
            name or any of its aliases. Relations print as tab-separated lines: subject, predicate, object, \\
            date, document:start-end, evidence; with --json as one JSON object per line.

            Examples:
              kgx query article.graphml --predicate issued
              kgx query article.graphml --subject 中组部
              kgx query article.graphml --entities --type Organization
            """
    )

    @Argument(help: ArgumentHelp("A graph written by kgx extract (.graphml or .jsonld).", valueName: "GRAPH"))
    var graphFile: String

    @Option(help: "Only relations with this predicate (issued, convened, visited, counts, partOf, locatedIn, holdsTitle, …).")
    var predicate: String?

    @Option(help: "Only relations whose subject has this name or alias.")
    var subject: String?

    @Option(help: "Only relations whose object has this name or alias.")
    var object: String?

    @Flag(help: "List entities instead of relations.")
    var entities = false

    @Option(help: "With --entities: only entities of this type (Organization, Document, Person, Place, Event, Figure, Concept).")
    var type: String?

    @Flag(help: "Write one JSON object per line instead of tab-separated text.")
    var json = false

    func run() throws {
        try reportingErrors {
            let graph = try load()
            var lines: [String] = []
            if entities {
                if let type, EntityType(rawValue: type) == nil { throw CLIError("--type: unknown entity type '\(type)'") }
                for entity in graph.entities where type == nil || entity.type.rawValue == type {
                    let aliases = entity.aliases.sorted()
                    lines.append(json
                        ? JSONText.object([("id", JSONText.string(entity.id.rawValue)), ("type", JSONText.string(entity.type.rawValue)),
                                           ("name", JSONText.string(entity.name)),
                                           ("aliases", "[" + aliases.map(JSONText.string).joined(separator: ",") + "]"),
                                           ("mentions", String(entity.mentions.count))])
                        : [entity.type.rawValue, entity.name, aliases.joined(separator: "|"), String(entity.mentions.count)].joined(separator: "\t"))
                }
            } else {
                for relation in graph.relations where matches(relation, in: graph) {
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
        }
    }

    private func load() throws -> Graph {
        do {
            switch GraphFormat(pathExtension: (graphFile as NSString).pathExtension) {
            case .graphml: return try GraphMLReader().graph(contentsOf: graphFile)
            case .jsonld: return try JSONLDReader().graph(contentsOf: graphFile)
            case nil: throw CLIError("\(graphFile): cannot tell the format from the extension (use .graphml or .jsonld)")
            }
        } catch let error as GraphImportError {
            throw CLIError(error.description)
        }
    }

    private func matches(_ relation: Relation, in graph: Graph) -> Bool {
        func named(_ id: EntityID, _ name: String?) -> Bool {
            guard let name else { return true }
            guard let entity = graph[id] else { return false }
            return entity.name == name || entity.aliases.contains(name)
        }
        return (predicate == nil || relation.predicate == predicate) && named(relation.subject, subject) && named(relation.object, object)
    }
}
