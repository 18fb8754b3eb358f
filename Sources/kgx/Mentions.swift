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
              {"id": …, "mentions": [{"start", "end", "text", "type", "value", …}]}

            Offsets are Unicode scalars into the given text, end exclusive. Types: Organization, \
            Document, Person, Place, Event, Date, Figure, Concept. Figures add kind (number, percentage, \
            ordinal, fraction, range, money), approximate (more than, less than, about, or null), unit \
            and currency; dates add kind (date, interval, duration, set).
            """
    )

    @Argument(help: ArgumentHelp("JSON Lines or text files, or - for standard input.", valueName: "INPUT"))
    var inputs: [String]

    @OptionGroup var options: ExtractionOptions

    func run() throws {
        try reportingErrors {
            let reference = try options.parsedReferenceDate()
            let extractor = try options.extractor()
            try options.parallel().forEachResult(in: inputs) { document in
                let prepared = PreparedText(documentID: document.id, text: document.text)
                let mentions = extractor.mentions(in: prepared, referenceDate: document.referenceDate ?? reference)
                // Each document's line is rendered by the thread that analysed it.
                let line = JSONText.object([
                    ("id", JSONText.string(document.id)),
                    ("mentions", "[" + mentions.map { MentionJSON.render($0, in: prepared) }.joined(separator: ",") + "]"),
                ])
                return line + "\n"
            } deliver: { _, line in
                try StandardOutput.shared.write(line)
            }
        }
    }
}

/// The JSON form of one mention.
enum MentionJSON {
    static func render(_ mention: Mention, in text: PreparedText) -> String {
        let range = text.originalRange(mention.range)
        var pairs: [(String, String)] = [
            ("start", String(range.lowerBound)),
            ("end", String(range.upperBound)),
            ("text", JSONText.string(text.originalSlice(range))),
            ("type", JSONText.string(mention.type.rawValue)),
            ("value", mention.value.map(JSONText.string) ?? "null"),
        ]
        for key in mention.attributes.keys.sorted() where !["start", "end", "text", "type", "value"].contains(key) {
            pairs.append((key, JSONText.string(mention.attributes[key]!)))
        }
        if mention.type == .figure, mention.attributes[AttributeKey.approximate] == nil {
            pairs.append((AttributeKey.approximate, "null"))
        }
        return JSONText.object(pairs)
    }
}
