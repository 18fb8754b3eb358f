import KGModel

/// The attribute contract of kgx GraphML (see `Schemas/graphml-contract.md`): which `attr.name`s exist,
/// their key ids and types, and how entity and relation attributes become `attr.name`s.
enum GraphMLContract {
    static let namespace = "http://graphml.graphdrawing.org/xmlns"
    static let schemaInstanceNamespace = "http://www.w3.org/2001/XMLSchema-instance"
    static let schemaLocation = "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"

    /// One `<key>` declaration.
    struct Key: Equatable {
        enum Domain: String { case node, edge }
        var id: String
        var domain: Domain
        var name: String
        var type: String = "string"
    }

    enum Node {
        static let labels = "labels"
        static let label = "label"
        static let name = "name"
        static let type = "type"
        static let aliases = "aliases"
        static let iri = "iri"
        static let doc = "doc"
        static let start = "start"
        static let end = "end"
        static let mentions = "mentions"
        /// One sentence that mentions the entity (the first), for display.
        static let evidence = "evidence"
        /// How many mentions and documents the entity has, for sizing and filtering in viewers.
        static let mentionCount = "mentionCount"
        static let documentCount = "documentCount"
        /// Names the writer derives from the entity itself; attributes of these names are escaped.
        static let structural: Set<String> = [labels, label, name, type, aliases, iri, doc, start, end, evidence, mentionCount,
                                              documentCount, mentions]
        /// Entity attributes declared in every file, in this order, whether or not an entity has them.
        static let wellKnownAttributes = [
            AttributeKey.value, AttributeKey.text, AttributeKey.approximate, AttributeKey.unit,
            AttributeKey.currency, AttributeKey.date, AttributeKey.documentType, AttributeKey.kind,
            AttributeKey.ordinal, AttributeKey.placeType, AttributeKey.title,
        ]
    }

    /// Provenance records written per node or edge (the first ones): at ~2 KB each (a sentence is at most
    /// 600 characters) the list stays under libxml2's 10 MB limit on one text node. The counts say how many
    /// there are; the store, JSON-LD and `kgx relations` keep them all.
    static let maximumProvenance = 1_000

    enum Edge {
        static let label = "label"
        static let evidence = "evidence"
        static let rule = "rule"
        static let doc = "doc"
        static let start = "start"
        static let end = "end"
        static let provenance = "provenance"
        /// How many statements and documents support the relation.
        static let evidenceCount = "evidenceCount"
        static let documentCount = "documentCount"
        /// The edge id, which some tools (NetworkX) store again as data; kgx derives it from the relation.
        static let id = "id"
        static let structural: Set<String> = [label, evidence, rule, doc, start, end, evidenceCount, documentCount, provenance, id]
        static let wellKnownAttributes = [AttributeKey.date]
    }

    /// Prefix of an `attr.name` that carries an attribute whose own name cannot be used as is.
    static let escapedAttributePrefix = "attribute:"

    /// The `attr.name` of an entity or relation attribute. It is the attribute name itself unless that
    /// name is structural, starts with `attribute:` or is not an `xs:NMTOKEN` (what `attr.name` must
    /// be); then it is `attribute:` followed by the name with `_` and every non-name character written
    /// as `_xHHHH_`.
    static func attributeKeyName(_ attribute: String, structural: Set<String>) -> String {
        if XMLText.isNameToken(attribute), !structural.contains(attribute), !attribute.hasPrefix(escapedAttributePrefix) {
            return attribute
        }
        var escaped = escapedAttributePrefix
        for scalar in attribute.unicodeScalars {
            if scalar != "_", XMLText.isNameCharacter(scalar) {
                escaped.unicodeScalars.append(scalar)
            } else {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                escaped += "_x" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "_"
            }
        }
        return escaped
    }

    /// Reverses ``attributeKeyName(_:structural:)``: the attribute an `attr.name` stands for.
    static func attributeName(fromKeyName keyName: String) -> String {
        guard keyName.hasPrefix(escapedAttributePrefix) else { return keyName }
        let body = keyName.unicodeScalars.dropFirst(escapedAttributePrefix.unicodeScalars.count)
        var result = String.UnicodeScalarView()
        var index = body.startIndex
        while index < body.endIndex {
            if body[index] == "_", let close = body[index...].dropFirst().firstIndex(of: "_"),
               body[body.index(after: index)] == "x",
               let value = UInt32(String(String.UnicodeScalarView(body[body.index(index, offsetBy: 2)..<close])), radix: 16),
               let scalar = Unicode.Scalar(value) {
                result.append(scalar)
                index = body.index(after: close)
            } else {
                result.append(body[index])
                index = body.index(after: index)
            }
        }
        return String(result)
    }

    /// `|`-joined aliases, sorted; `\` and `|` inside an alias are escaped with `\`.
    static func joinAliases(_ aliases: Set<String>) -> String {
        aliases.sorted(by: utf8Less).map { alias in
            var escaped = String.UnicodeScalarView()
            for scalar in alias.unicodeScalars {
                if scalar == "\\" || scalar == "|" { escaped.append("\\") }
                escaped.append(scalar)
            }
            return String(escaped)
        }.joined(separator: "|")
    }

    static func splitAliases(_ text: String) -> Set<String> {
        var aliases: Set<String> = []
        var current = ""
        var escaping = false
        for character in text.unicodeScalars {
            if escaping {
                current.unicodeScalars.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == "|" {
                aliases.insert(current)
                current = ""
            } else {
                current.unicodeScalars.append(character)
            }
        }
        aliases.insert(current)
        return aliases
    }

    /// A key id made of the prefix and the name's ASCII letters and digits (`attr` when it has none),
    /// made unique against `used`.
    /// The number of distinct documents in a provenance list sorted by document.
    static func documentCount(_ list: [Provenance]) -> Int {
        var count = 0
        var previous: String?
        for record in list where record.document != previous {
            count += 1
            previous = record.document
        }
        return count
    }

    static func keyID(prefix: String, name: String, used: inout Set<String>) -> String {
        let isPlain = { (scalar: Unicode.Scalar) in scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) }
        let cleaned = name.unicodeScalars.contains(where: isPlain)
            ? String(String.UnicodeScalarView(name.unicodeScalars.map { isPlain($0) ? $0 : "_" }))
            : "attr"
        var candidate = prefix + cleaned
        var counter = 2
        while used.contains(candidate) {
            candidate = prefix + cleaned + "_\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }
}
