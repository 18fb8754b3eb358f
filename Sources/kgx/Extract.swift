import ArgumentParser
import Foundation
import KGExport
import KGExtraction
import KGInput
import KGModel
import KGStore

/// Graph export formats.
enum GraphFormat: String, ExpressibleByArgument, CaseIterable {
    case graphml
    case jsonld
    /// Graphviz, for a picture; keeps no provenance and cannot be read back.
    case dot

    /// The format `--format` names, else the one the output's extension implies (GraphML on standard output).
    static func resolve(_ format: String?, output: String?) throws -> GraphFormat {
        if let format {
            guard let chosen = GraphFormat(rawValue: format.lowercased()) else {
                throw CLIError("--format: unknown format '\(format)' (expected graphml, jsonld, dot or kgx)")
            }
            return chosen
        }
        guard let output else { return .graphml }
        let ext = (output as NSString).pathExtension
        guard let chosen = GraphFormat(pathExtension: ext) else {
            // .json and .xml say too little: JSON-LD and GraphML are the formats, and a reader of the file
            // should not have to guess which one it got.
            let hint = ext.lowercased() == "json" ? " (JSON-LD is written as .jsonld)" : ext.lowercased() == "xml" ? " (GraphML is written as .graphml)" : ""
            throw CLIError("\(output): cannot tell the format from the extension '.\(ext)'\(hint) (use .graphml, .jsonld, .dot or .kgx, or --format)")
        }
        return chosen
    }

    /// The format a file name's extension implies.
    init?(pathExtension: String) {
        switch pathExtension.lowercased() {
        case "graphml": self = .graphml
        case "jsonld": self = .jsonld
        case "dot", "gv": self = .dot
        default: return nil
        }
    }
}

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract a knowledge graph and write it as GraphML or JSON-LD.",
        discussion: """
            INPUT is a text file, a folder (every .txt in it), a JSON Lines corpus (.jsonl: one \
            {"id", "text", "referenceDate"?} per line, read as such when its first character is {) or - for standard \
            input (either form). Document ids must be unique. Entities found in several \
            documents are merged into one node.

            The format follows the output file's extension (.graphml, .jsonld, .dot, .kgx) unless --format is \
            given; without -o the graph goes to standard output. The output file is written to a temporary file \
            and renamed, so a failure never leaves a partial graph.

            A .kgx output is a corpus store (SQLite): documents, entities, relations and provenance, indexed for \
            kgx query, exported with kgx export and combined with kgx merge. --append adds the documents to an \
            existing store; a document it already holds is replaced. The whole run is one transaction.
            """
    )

    @Argument(help: ArgumentHelp("Text files, folders, .jsonl corpora, or - for standard input.", valueName: "INPUT"))
    var inputs: [String]

    @OptionGroup var options: ExtractionOptions

    @Option(name: .long, help: "Output format: graphml, jsonld or dot (Graphviz, a picture without provenance; default: from the output file's extension).")
    var format: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file (default: standard output).", valueName: "FILE"))
    var output: String?

    @Flag(help: "With a .kgx store as output: add the documents to it (replacing documents of the same id) instead of writing a new store.")
    var append = false

    func run() throws {
        try reportingErrors {
            if let output, CorpusStoreFile.isStorePath(output) || format?.lowercased() == "kgx" {
                return try extractToStore(output)
            }
            if append { throw CLIError("--append: only a .kgx corpus store can be added to") }
            let format = try resolvedFormat()
            if let output { try InputReader.refuseOverwriting(output, inputs: inputs + options.rules) }
            let reference = try options.parsedReferenceDate()
            let extractor = try options.extractor()
            let progress = Progress(quiet: options.quiet, writesStandardOutput: output == nil)
            var builder = GraphBuilder()
            // JSON-LD quotes each span; the spans are kept, not the texts.
            var quotes = SpanQuotes()
            var unresolved = 0, documents = 0
            try options.parallel().forEachResult(in: inputs) { document in
                extractor.extract(documentID: document.id, text: document.text, referenceDate: document.referenceDate ?? reference)
            } deliver: { document, result in
                guard !document.text.unicodeScalars.allSatisfy({ CharacterClass.isSpace($0) }) else {
                    throw CLIError("\(document.id): empty input")
                }
                unresolved += result.mentions.filter { $0.type == .date && $0.attributes["unresolved"] != nil }.count
                builder.add(result.graph)
                if format == .jsonld { quotes.record(result.graph, document: document.id, text: document.text) }
                documents += 1
                progress.add(document.text)
            }
            progress.finish()
            let graph = builder.graph()
            try GraphRendering.emit(graph, as: format, to: output, quotes: quotes)
            if unresolved > 0 {
                // Relative dates (今年8月, 上周) need a day to count from; without one they date nothing.
                FileHandle.standardError.write(Data(("kgx: \(unresolved) relative date\(unresolved == 1 ? "" : "s") (今年, 上月, 昨天 …) left "
                    + "unresolved; give --reference-date YYYY-MM-DD or a \"referenceDate\" per JSON Lines record\n").utf8))
            }
            if let output {
                FileHandle.standardError.write(Data("kgx: wrote \(output): \(graph.entitiesByID.count) nodes, \(graph.relationsByID.count) edges from \(documents) document\(documents == 1 ? "" : "s")\n".utf8))
            }
        }
    }

    /// Extraction into a corpus store: each document's graph goes to the store as it is delivered, so
    /// memory holds one document at a time, not the corpus.
    private func extractToStore(_ output: String) throws {
        try InputReader.refuseOverwriting(output, inputs: inputs + options.rules)
        let reference = try options.parsedReferenceDate()
        let extractor = try options.extractor()
        let progress = Progress(quiet: options.quiet, writesStandardOutput: false)
        var documents = 0, replaced = 0
        func fill(_ store: CorpusStore) throws {
            try store.write { writer in
                try options.parallel().forEachResult(in: inputs) { document in
                    let result = extractor.extract(documentID: document.id, text: document.text, referenceDate: document.referenceDate ?? reference)
                    var quotes = SpanQuotes()
                    quotes.record(result.graph, document: document.id, text: document.text)
                    return CorpusStore.DocumentGraph(id: document.id, characters: document.text.unicodeScalars.count, graph: result.graph, quotes: quotes)
                } deliver: { document, result in
                    guard !document.text.unicodeScalars.allSatisfy({ CharacterClass.isSpace($0) }) else {
                        throw CLIError("\(document.id): empty input")
                    }
                    if try writer.add(result) { replaced += 1 }
                    documents += 1
                    progress.add(document.text)
                }
            }
        }
        do {
            if append && FileManager.default.fileExists(atPath: output) {
                let store = try CorpusStore(path: output)
                try fill(store)
                try store.close()
            } else {
                try OutputFile.replace(output) { temporary in
                    let store = try CorpusStore(path: temporary, create: true)
                    try fill(store)
                    try store.close()
                }
            }
        } catch let error as StoreError {
            throw CLIError(error.description)
        } catch let error as GraphExportError {
            throw CLIError(error.description)
        }
        progress.finish()
        let store = try CorpusStoreFile.open(output)
        let counts = try store.counts()
        let note = replaced > 0 ? ", \(replaced) replaced" : ""
        FileHandle.standardError.write(Data("kgx: wrote \(output): \(documents) document\(documents == 1 ? "" : "s")\(note); the store holds \(counts.documents) documents, \(counts.entities) nodes, \(counts.relations) edges\n".utf8))
    }

    private func resolvedFormat() throws -> GraphFormat { try GraphFormat.resolve(format, output: output) }
}
