import ArgumentParser
import Foundation
import KGExtraction
import KGInput
import KGModel

struct Mentions: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the mentions found in each document as JSON Lines.",
        discussion: """
            INPUT is a JSON Lines file (one {"id", "text", "referenceDate"?} per line; recognized by a \
            .jsonl extension or by a first line that is such an object), a plain \
            text file (one document) or - (standard input, either form). One line is written per \
            document, in input order, as soon as it is read:
              {"id": …, "mentions": [{"start", "end", "text", "type", "value", …, "rule"}]}

            Offsets are Unicode scalars into the given text, end exclusive. Types: Organization, \
            Document, Person, Place, Event, Date, Figure, Concept. Figures add kind (number, percentage, \
            ordinal, fraction, range, money), approximate (more than, less than, about, or null), unit \
            and currency; dates add kind (date, interval, duration, set). A person, place or \
            organization named inside a document title (邓小平 in 《邓小平文选》) is nested under the \
            title's mention and adds containerStart and containerEnd; rule names the rule that found it.
            """
    )

    @Argument(help: ArgumentHelp("JSON Lines or text files, or - for standard input.", valueName: "INPUT"))
    var inputs: [String]

    @OptionGroup var options: ExtractionOptions

    func run() throws {
        try reportingErrors {
            let reference = try options.parsedReferenceDate()
            let extractor = try options.extractor()
            let progress = Progress(quiet: options.quiet, writesStandardOutput: true)
            try options.parallel().forEachResult(in: inputs) { document in
                let prepared = PreparedText(documentID: document.id, text: document.text)
                let mentions = extractor.mentions(in: prepared, referenceDate: document.referenceDate ?? reference)
                // Each document's line is rendered by the thread that analysed it.
                let line = DocumentJSON.mentions(mentions, of: document.id, in: prepared)
                return line + "\n"
            } deliver: { document, line in
                try StandardOutput.shared.write(line)
                progress.add(document.text)
            }
            progress.finish()
        }
    }
}
