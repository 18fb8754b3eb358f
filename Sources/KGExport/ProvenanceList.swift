import KGModel

/// The compact JSON form of a provenance list that GraphML carries in `mentions` and `provenance`:
/// `[{"doc":…,"end":…,"rule":…,"sentence":…,"start":…}]`, keys sorted, no whitespace.
enum ProvenanceList {
    static func encode(_ provenance: [Provenance]) -> String {
        // Written straight into bytes, keys already in sorted order: the same text as serializing a
        // JSONValue tree, without building one per record.
        var output: [UInt8] = [UInt8(ascii: "[")]
        output.reserveCapacity(provenance.reduce(2) { $0 + $1.sentence.utf8.count + $1.document.utf8.count + $1.rule.utf8.count + 64 })
        for (index, item) in provenance.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            output.append(contentsOf: #"{"doc":"#.utf8)
            JSONValue.writeString(item.document, into: &output)
            output.append(contentsOf: #","end":"#.utf8)
            output.append(contentsOf: String(item.end).utf8)
            output.append(contentsOf: #","rule":"#.utf8)
            JSONValue.writeString(item.rule, into: &output)
            output.append(contentsOf: #","sentence":"#.utf8)
            JSONValue.writeString(item.sentence, into: &output)
            output.append(contentsOf: #","start":"#.utf8)
            output.append(contentsOf: String(item.start).utf8)
            output.append(UInt8(ascii: "}"))
        }
        output.append(UInt8(ascii: "]"))
        return String(decoding: output, as: UTF8.self)
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
