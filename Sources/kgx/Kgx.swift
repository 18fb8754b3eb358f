import ArgumentParser
import Foundation
import KGExtraction
import KGInput
import KGModel

@main
struct Kgx: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kgx",
        abstract: "Turn Chinese news and policy text into a knowledge graph.",
        discussion: """
            kgx finds organizations, documents, persons, places, events, dates and figures in Chinese text, \
            the relations between them (issued, convened, visited, counts, partOf, locatedIn, …), and \
            writes the graph as GraphML or JSON-LD. Every fact keeps its provenance: document, offsets in \
            Unicode scalars into the original text, sentence and rule.

            Examples:
              kgx extract article.txt --reference-date 2022-09-15 -o article.graphml
              kgx extract corpus/ -o corpus.jsonld
              kgx mentions corpus.jsonl > mentions.jsonl
            """,
        version: "kgx 0.1.0",
        subcommands: [Extract.self, Export.self, Merge.self, Mentions.self, Relations.self, Query.self, Neighbors.self, Path.self, Stats.self, Tokens.self, Rules.self]
    )
}

/// Options shared by the commands that run the extractor.
struct ExtractionOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Date that relative expressions (今年, 去年8月) resolve against.", valueName: "YYYY-MM-DD"))
    var referenceDate: String?

    @Option(name: .long, help: ArgumentHelp("Extra rule file (tab-separated lexicon lines, see README); repeatable.", valueName: "FILE"))
    var rules: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "Threads that analyse documents (default: one per processor); the output is the same for any number.",
        valueName: "N"))
    var jobs: Int?

    @Flag(name: .long, help: "No progress line on standard error (shown only when it is a terminal).")
    var quiet = false

    /// The documents of `inputs`, analysed on ``jobs`` threads and delivered in input order.
    func parallel() throws -> ParallelDocuments {
        if let jobs, jobs < 1 { throw CLIError("--jobs: '\(jobs)' is not a number of threads (1 or more)") }
        return ParallelDocuments(jobs: jobs ?? ParallelDocuments.defaultJobs)
    }

    func parsedReferenceDate() throws -> CalendarDate? {
        guard let referenceDate else { return nil }
        guard let date = CalendarDate(iso: referenceDate) else {
            throw CLIError("--reference-date: '\(referenceDate)' is not a date YYYY-MM-DD")
        }
        return date
    }

    func extractor() throws -> Extractor { try Self.extractor(rules: rules) }

    /// The extractor with the bundled lexicon and each user rule file loaded over it.
    static func extractor(rules: [String]) throws -> Extractor {
        var lexicon = Lexicon.standard
        for file in rules {
            do { try lexicon.load(contentsOf: file) } catch let error as LexiconError { throw CLIError(error.description) }
        }
        return Extractor(lexicon: lexicon)
    }
}

/// A command-line failure: one line on stderr and a non-zero exit.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Runs `body`, turning kgx errors into one line on stderr and exit status 1.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
        try StandardOutput.shared.flush()
    } catch let error where error is CLIError || error is InputError {
        try? StandardOutput.shared.flush()  // what was read before the error stands, as in any stream
        FileHandle.standardError.write(Data("kgx: \(error)\n".utf8))
        throw ExitCode.failure
    }
}
