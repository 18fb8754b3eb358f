import KGExtraction
import KGModel

// The JSON Lines formats of `kgx mentions` and `kgx relations`, for library users who want the same
// lines: one object per document, `{"id", "mentions": [...]}` or `{"id", "relations": [...]}`.

/// Deterministic JSON text for the line-oriented outputs: keys in the order given, no whitespace,
/// control characters escaped, everything else as UTF-8.
public enum JSONText {
    /// `value` as a JSON string literal.
    public static func string(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// An object from ordered key/value pairs whose values are already JSON text.
    public static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }
}

/// The JSON form of one mention, as `kgx mentions` writes it: `start`, `end` (Unicode scalars into the
/// original text), `text`, `type`, `value`, then the attributes by name.
public enum MentionJSON {
    public static func render(_ mention: Mention, in text: PreparedText) -> String {
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
        // A name inside a document title: the title's span, so that readers of flat spans can skip it.
        if let container = mention.container.map(text.originalRange) {
            pairs += [("containerStart", String(container.lowerBound)), ("containerEnd", String(container.upperBound))]
        }
        pairs.append(("rule", JSONText.string(mention.rule)))
        return JSONText.object(pairs)
    }
}

/// The JSON form of one relation, as `kgx relations` writes it: the ends as written and canonical, the
/// predicate, attributes (`date`), offsets of both ends and of the sentence, and the rule.
public enum RelationJSON {
    public static func render(_ relation: RelationCandidate, in text: PreparedText, lexicon: Lexicon) -> String {
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

/// The line of one document in `kgx mentions` and `kgx relations` output (without the newline).
public enum DocumentJSON {
    /// `{"id", "mentions": [...]}` for the mentions of a prepared document.
    public static func mentions(_ mentions: [Mention], of document: String, in text: PreparedText) -> String {
        JSONText.object([
            ("id", JSONText.string(document)),
            ("mentions", "[" + mentions.map { MentionJSON.render($0, in: text) }.joined(separator: ",") + "]"),
        ])
    }

    /// `{"id", "relations": [...]}` for the relations of an extraction, each distinct line once.
    public static func relations(of extraction: DocumentExtraction, document: String, lexicon: Lexicon) -> String {
        var seen = Set<String>()
        var rendered: [String] = []
        for relation in extraction.relations {
            let line = RelationJSON.render(relation, in: extraction.text, lexicon: lexicon)
            if seen.insert(line).inserted { rendered.append(line) }
        }
        return JSONText.object([("id", JSONText.string(document)), ("relations", "[" + rendered.joined(separator: ",") + "]")])
    }
}
