import ArgumentParser
import Foundation
import KGExport
import KGInput
import KGModel
import KGStore

/// Recognizing and opening corpus stores from the command line.
enum CorpusStoreFile {
    /// A path the user means as a store: its extension.
    static func isStorePath(_ path: String) -> Bool { (path as NSString).pathExtension.lowercased() == "kgx" }

    /// Whether the file at `path` is an SQLite database (a store, whatever its name).
    static func isStore(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        return header == Data("SQLite format 3\u{0}".utf8)
    }

    static func open(_ path: String) throws -> CorpusStore {
        do { return try CorpusStore(path: path) } catch let error as StoreError { throw CLIError(error.description) }
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the graph of a corpus store as GraphML, JSON-LD or Graphviz.",
        discussion: """
            STORE is a .kgx corpus store written by kgx extract. The graph is the one kgx extract would write \
            for the store's documents in one run, byte for byte. The format follows the output file's extension \
            unless --format is given; without -o it goes to standard output.

            Example:
              kgx export corpus.kgx -o corpus.graphml
            """
    )

    @Argument(help: ArgumentHelp("A corpus store written by kgx extract.", valueName: "STORE"))
    var store: String

    @Option(name: .long, help: "Output format: graphml, jsonld or dot (default: from the output file's extension).")
    var format: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file (default: standard output).", valueName: "FILE"))
    var output: String?

    func run() throws {
        try reportingErrors {
            if format?.lowercased() == "kgx" || output.map(CorpusStoreFile.isStorePath) == true {
                throw CLIError("export writes a graph (graphml, jsonld or dot); to copy a store, use kgx merge")
            }
            let chosen = try GraphFormat.resolve(format, output: output)
            if let output { try InputReader.refuseOverwriting(output, inputs: [store]) }
            let corpus = try CorpusStoreFile.open(store)
            let (graph, quotes): (Graph, SpanQuotes)
            do { (graph, quotes) = try corpus.graph() } catch let error as StoreError { throw CLIError(error.description) }
            try GraphRendering.emit(graph, as: chosen, to: output, quotes: quotes)
            if let output {
                FileHandle.standardError.write(Data("kgx: wrote \(output): \(graph.entitiesByID.count) nodes, \(graph.relationsByID.count) edges\n".utf8))
            }
        }
    }
}

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Combine corpus stores into one.",
        discussion: """
            Each STORE's documents are added in order; a document id that an earlier store holds is replaced by \
            the later one. Merging is associative: merging a with b and then with c gives the store that \
            extracting all their documents in that order gives. The output is written to a temporary file and \
            renamed.

            Example:
              kgx merge part-1.kgx part-2.kgx -o corpus.kgx
            """
    )

    @Argument(help: ArgumentHelp("Corpus stores written by kgx extract or kgx merge.", valueName: "STORE"))
    var stores: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("The merged store (.kgx).", valueName: "FILE"))
    var output: String

    func run() throws {
        try reportingErrors {
            guard !stores.isEmpty else { throw CLIError("give the stores to merge") }
            try InputReader.refuseOverwriting(output, inputs: stores)
            let sources = try stores.map(CorpusStoreFile.open)
            do {
                try OutputFile.replace(output) { temporary in
                    let merged = try CorpusStore(path: temporary, create: true)
                    for source in sources { try merged.merge(source) }
                    try merged.close()
                }
            } catch let error as StoreError {
                throw CLIError(error.description)
            } catch let error as GraphExportError {
                throw CLIError(error.description)
            }
            let counts = try CorpusStoreFile.open(output).counts()
            FileHandle.standardError.write(Data("kgx: wrote \(output): \(counts.documents) documents, \(counts.entities) nodes, \(counts.relations) edges\n".utf8))
        }
    }
}
