import ArgumentParser
import Foundation
import KGExport
import KGModel
import KGStore

/// Loads a graph kgx wrote, by its extension.
func loadGraph(_ path: String) throws -> Graph {
    if CorpusStoreFile.isStore(path) {
        do { return try CorpusStoreFile.open(path).graph().0 } catch let error as StoreError { throw CLIError(error.description) }
    }
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

    @OptionGroup var output: AnswerOptions

    func run() throws {
        try reportingErrors {
            let graph = try loadGraph(graphFile)
            let entity = try resolveEntity(name, in: graph, file: graphFile)
            let relations = graph.neighborhood(of: entity.id, depth: depth, predicate: predicate)
            if relations.isEmpty { throw CLIError("no relations around '\(entity.name)' in \(graphFile)") }
            try StandardOutput.shared.write(
                AnswerTable.relations(relations, in: graph, evidence: output.evidence).rendered(as: output.resolvedFormat))
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

    @OptionGroup var output: AnswerOptions

    func run() throws {
        try reportingErrors {
            let graph = try loadGraph(graphFile)
            let start = try resolveEntity(from, in: graph, file: graphFile)
            let goal = try resolveEntity(to, in: graph, file: graphFile)
            guard let steps = graph.shortestPath(from: start.id, to: goal.id) else {
                throw CLIError("'\(start.name)' and '\(goal.name)' are not connected in \(graphFile)")
            }
            try StandardOutput.shared.write(
                AnswerTable.relations(steps.map(\.relation), in: graph, evidence: output.evidence).rendered(as: output.resolvedFormat))
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

    @Option(help: ArgumentHelp(
        "Output format: table, json, jsonl or tsv (default: table on a terminal, jsonl otherwise).", valueName: "FORMAT"))
    var format: AnswerFormat?

    func run() throws {
        try reportingErrors {
            let graph = try loadGraph(graphFile)
            // One row per count: the totals, each type, each predicate, then the most connected entities.
            var table = AnswerTable(columns: ["kind", "name", "type", "count"])
            table.append([.text("total"), .text("entities"), .none, .number(graph.entitiesByID.count)])
            table.append([.text("total"), .text("relations"), .none, .number(graph.relationsByID.count)])
            let types = Dictionary(grouping: graph.entitiesByID.values, by: \.type.rawValue).mapValues(\.count)
            for (type, count) in types.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
                table.append([.text("type"), .text(type), .none, .number(count)])
            }
            let predicates = Dictionary(grouping: graph.relationsByID.values, by: \.predicate).mapValues(\.count)
            for (predicate, count) in predicates.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
                table.append([.text("predicate"), .text(predicate), .none, .number(count)])
            }
            for (entity, degree) in graph.degrees().prefix(max(top, 0)) where degree > 0 {
                table.append([.text("degree"), .text(entity.name), .text(entity.type.rawValue), .number(degree)])
            }
            try StandardOutput.shared.write(table.rendered(as: format ?? .automatic))
        }
    }
}
