import ArgumentParser
import Foundation
import KGExtraction
import KGInput
import KGModel

struct Relations: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the relations found in each document as JSON Lines.",
        discussion: """
            INPUT is read as by `kgx mentions` (JSON Lines of {"id", "text", "referenceDate"?}, a text \
            file or -). One line is written per document, in input order, as soon as it is read:
              {"id": …, "relations": [{"subject", "subjectName", "subjectType", "predicate", "object", \
            "objectName", "objectType", "date"?, "subjectStart", "subjectEnd", "objectStart", "objectEnd", \
            "start", "end", "rule"}]}

            subject and object are the names as the text writes them, subjectName and objectName the \
            canonical names that identify graph nodes. Offsets are Unicode scalars into the given text, \
            end exclusive; start and end delimit the sentence that states the relation. date is EDTF.
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
            // Each document's line is rendered by the thread that analysed it.
            try options.parallel().forEachResult(in: inputs) { document in
                let extraction = extractor.extract(documentID: document.id, text: document.text, referenceDate: document.referenceDate ?? reference)
                let line = DocumentJSON.relations(of: extraction, document: document.id, lexicon: extractor.lexicon)
                return line + "\n"
            } deliver: { document, line in
                try StandardOutput.shared.write(line)
                progress.add(document.text)
            }
            progress.finish()
        }
    }
}
