import KGModel

/// The compact JSON form of a provenance list that GraphML carries in `mentions` and `provenance`:
/// `[{"doc":…,"end":…,"rule":…,"sentence":…,"start":…}]`, keys sorted, no whitespace.
enum ProvenanceList {
    static func encode(_ provenance: [Provenance]) -> String {
        let array = JSONValue.array(provenance.map { item in
            .object([
                ("doc", .string(item.document)), ("start", .integer(item.start)), ("end", .integer(item.end)),
                ("sentence", .string(item.sentence)), ("rule", .string(item.rule)),
            ])
        })
        return String(decoding: array.serialized(), as: UTF8.self)
    }

    struct DecodingError: Error {
        var message: String
    }

    static func decode(_ text: String) throws(DecodingError) -> [Provenance] {
        let value: JSONValue
        do {
            value = try JSONValue.parse(Array(text.utf8))
        } catch {
            throw DecodingError(message: error.message)
        }
        guard case .array(let items) = value else { throw DecodingError(message: "not a JSON array") }
        var result: [Provenance] = []
        for item in items {
            guard let document = item["doc"]?.stringValue, let start = item["start"]?.integerValue,
                  let end = item["end"]?.integerValue
            else { throw DecodingError(message: "an entry lacks doc, start or end") }
            result.append(Provenance(
                document: document, start: start, end: end,
                sentence: item["sentence"]?.stringValue ?? "", rule: item["rule"]?.stringValue ?? ""))
        }
        return result
    }
}
