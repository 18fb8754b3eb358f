import ArgumentParser
import Foundation
import KGExport
import KGModel

/// Loads a graph kgx wrote, by its extension.
func loadGraph(_ path: String) throws -> Graph {
    do {
        switch GraphFormat(pathExtension: (path as NSString).pathExtension) {
        case .graphml: return try GraphMLReader().graph(contentsOf: path)
        case .jsonld: return try JSONLDReader().graph(contentsOf: path)
        case .dot: throw CLIError("\(path): DOT keeps no provenance and is not read back; query the .graphml or .jsonld")
        case nil: throw CLIError("\(path): cannot tell the format from the extension (use .graphml or .jsonld)")
        }
    } catch let error as GraphImportError {
        throw CLIError(error.description)
    }
}

/// The one entity a name stands for: an error naming the closest names when there is none, and the
/// candidates when there are several.
func resolveEntity(_ name: String, in graph: Graph, file: String) throws -> Entity {
    let found = graph.entities(named: name)
    if found.count == 1 { return found[0] }
    if found.isEmpty {
        let close = graph.names(closeTo: name)
        throw CLIError("no entity named '\(name)' in \(file)" + (close.isEmpty ? "" : "; close names: \(close.joined(separator: ", "))"))
    }
    throw CLIError("'\(name)' names \(found.count) entities in \(file): "
        + found.map { "\($0.name) (\($0.type.rawValue))" }.joined(separator: ", "))
}

/// One relation as a tab-separated line: subject, predicate, object, date.
func relationLine(_ relation: Relation, in graph: Graph) -> String {
    [graph[relation.subject]?.name ?? relation.subject.rawValue, relation.predicate,
     graph[relation.object]?.name ?? relation.object.rawValue, relation.date ?? ""].joined(separator: "\t")
}

struct Neighbors: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the relations around an entity of a graph, up to a depth.",
        discussion: """
            Examples:
              kgx neighbors article.graphml 郝家桥村
              kgx neighbors article.graphml 中组部 --depth 2 --relation issued
            """)

    @Argument(help: ArgumentHelp("A graph written by kgx extract (.graphml or .jsonld).", valueName: "GRAPH"))
    var graphFile: String

    @Argument(help: "The entity's name or alias.")
    var name: String

    @Option(help: "How many steps away (1 = the entity's own relations).")
    var depth = 1

    @Option(name: [.customLong("relation"), .customLong("predicate")], help: "Only relations with this predicate.")
    var predicate: String?

    func run() throws {
        try reportingErrors {
            let graph = try loadGraph(graphFile)
            let entity = try resolveEntity(name, in: graph, file: graphFile)
            let lines = graph.neighborhood(of: entity.id, depth: depth, predicate: predicate).map { relationLine($0, in: graph) }
            try StandardOutput.shared.write(lines.map { $0 + "\n" }.joined())
            if lines.isEmpty { throw CLIError("no relations around '\(entity.name)' in \(graphFile)") }
        }
    }
}

struct Path: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a shortest chain of relations between two entities, in either direction.",
        discussion: """
            Each line is one relation as the graph states it (subject, predicate, object, date).

            Example:
              kgx path article.jsonld 习近平 郝家桥村
            """)

    @Argument(help: ArgumentHelp("A graph written by kgx extract (.graphml or .jsonld).", valueName: "GRAPH"))
    var graphFile: String

    @Argument(help: "Where the path starts (name or alias).")
    var from: String

    @Argument(help: "Where the path ends (name or alias).")
    var to: String

    func run() throws {
        try reportingErrors {
            let graph = try loadGraph(graphFile)
            let start = try resolveEntity(from, in: graph, file: graphFile)
            let goal = try resolveEntity(to, in: graph, file: graphFile)
            guard let steps = graph.shortestPath(from: start.id, to: goal.id) else {
                throw CLIError("'\(start.name)' and '\(goal.name)' are not connected in \(graphFile)")
            }
            try StandardOutput.shared.write(steps.map { relationLine($0.relation, in: graph) + "\n" }.joined())
        }
    }
}

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Summarize a graph: entities by type, relations by predicate, the most connected entities.")

    @Argument(help: ArgumentHelp("A graph written by kgx extract (.graphml or .jsonld).", valueName: "GRAPH"))
    var graphFile: String

    @Option(help: "How many of the most connected entities to list.")
    var top = 10

    func run() throws {
        try reportingErrors {
            let graph = try loadGraph(graphFile)
            var lines = ["entities\t\(graph.entitiesByID.count)", "relations\t\(graph.relationsByID.count)"]
            let types = Dictionary(grouping: graph.entitiesByID.values, by: \.type.rawValue).mapValues(\.count)
            lines += types.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { "type\t\($0.key)\t\($0.value)" }
            let predicates = Dictionary(grouping: graph.relationsByID.values, by: \.predicate).mapValues(\.count)
            lines += predicates.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { "predicate\t\($0.key)\t\($0.value)" }
            lines += graph.degrees().prefix(max(top, 0)).filter { $0.degree > 0 }
                .map { "degree\t\($0.entity.name)\t\($0.entity.type.rawValue)\t\($0.degree)" }
            try StandardOutput.shared.write(lines.map { $0 + "\n" }.joined())
        }
    }
}
