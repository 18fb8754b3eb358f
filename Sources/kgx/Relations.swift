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
            // Each document's line is rendered by the thread that analysed it.
            try options.parallel().forEachResult(in: inputs) { document in
                let extraction = extractor.extract(documentID: document.id, text: document.text, referenceDate: document.referenceDate ?? reference)
                var seen = Set<String>()
                var rendered: [String] = []
                for relation in extraction.relations {
                    let line = RelationJSON.render(relation, in: extraction.text, lexicon: extractor.lexicon)
                    if seen.insert(line).inserted { rendered.append(line) }
                }
                let line = JSONText.object([
                    ("id", JSONText.string(document.id)),
                    ("relations", "[" + rendered.joined(separator: ",") + "]"),
                ])
                return line + "\n"
            } deliver: { _, line in
                try StandardOutput.shared.write(line)
            }
        }
    }
}

/// The JSON form of one relation.
enum RelationJSON {
    static func render(_ relation: RelationCandidate, in text: PreparedText, lexicon: Lexicon) -> String {
        let subject = text.originalRange(relation.subject.range)
        let object = text.originalRange(relation.object.range)
        let evidence = text.originalRange(relation.evidence)
        var pairs: [(String, String)] = [
            ("subject", JSONText.string(relation.subject.surface)),
            ("subjectName", JSONText.string(lexicon.canonicalName(of: relation.subject.name, type: relation.subject.type))),
            ("subjectType", JSONText.string(relation.subject.type.rawValue)),
            ("predicate", JSONText.string(relation.predicate)),
            ("object", JSONText.string(relation.object.surface)),
            ("objectName", JSONText.string(lexicon.canonicalName(of: relation.object.name, type: relation.object.type))),
            ("objectType", JSONText.string(relation.object.type.rawValue)),
        ]
        for key in relation.attributes.keys.sorted() { pairs.append((key, JSONText.string(relation.attributes[key]!))) }
        pairs += [
            ("subjectStart", String(subject.lowerBound)), ("subjectEnd", String(subject.upperBound)),
            ("objectStart", String(object.lowerBound)), ("objectEnd", String(object.upperBound)),
            ("start", String(evidence.lowerBound)), ("end", String(evidence.upperBound)),
            ("rule", JSONText.string(relation.rule)),
        ]
        return JSONText.object(pairs)
    }
}
