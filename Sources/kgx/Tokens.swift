import ArgumentParser
import Foundation
import KGExtraction
import KGInput

struct Tokens: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the word segmentation every rule reads, with parts of speech.",
        discussion: """
            INPUT is read as by `kgx mentions`. One line is written per document, in input order:
              {"id": …, "tokens": [{"start", "end", "text", "tag"}]}
            or, with --format text, the tokens as word/tag separated by spaces (as jieba's posseg prints). \
            Tags are jieba's; an empty tag marks a name known only to the gazetteer, x a character the \
            dictionary does not know. Offsets are Unicode scalars into the given text, end exclusive.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, text }

    @Argument(help: ArgumentHelp("JSON Lines or text files, or - for standard input.", valueName: "INPUT"))
    var inputs: [String]

    @Option(help: "jsonl (default) or text.")
    var format: Format = .jsonl

    @Option(name: .long, help: ArgumentHelp("Extra rule file (tab-separated lexicon lines, see README); repeatable.", valueName: "FILE"))
    var rules: [String] = []

    func run() throws {
        try reportingErrors {
            let extractor = try ExtractionOptions.extractor(rules: rules)
            try InputReader.forEachDocument(in: inputs) { document in
                let prepared = PreparedText(documentID: document.id, text: document.text)
                // Whitespace (line ends, indentation) separates words; it is not one.
                let tokens = extractor.tokens(in: prepared).filter {
                    !prepared.scalars[$0.range].allSatisfy(\.properties.isWhitespace)
                }
                let line: String
                switch format {
                case .text:
                    line = tokens.map { token in
                        prepared.originalSlice(prepared.originalRange(token.range)) + "/" + token.tag
                    }.joined(separator: " ")
                case .jsonl:
                    line = JSONText.object([
                        ("id", JSONText.string(document.id)),
                        ("tokens", "[" + tokens.map { token in
                            let range = prepared.originalRange(token.range)
                            return JSONText.object([
                                ("start", String(range.lowerBound)), ("end", String(range.upperBound)),
                                ("text", JSONText.string(prepared.originalSlice(range))), ("tag", JSONText.string(token.tag)),
                            ])
                        }.joined(separator: ",") + "]"),
                    ])
                }
                try StandardOutput.shared.write(line + "\n")
            }
        }
    }
}
