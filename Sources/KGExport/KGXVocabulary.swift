import KGModel

/// The IRIs kgx mints. GraphML's `iri` attribute and JSON-LD's `@id` both come from here, so a node
/// can be looked up across the two files.
public enum KGXIRI {
    /// The kgx vocabulary namespace (prefix `kgx`), documented in `Schemas/vocabulary.md`.
    public static let vocabulary = "https://w3id.org/kgx/vocab#"
    /// Namespace of open-ended entity and relation attributes (prefix `kgxattr`).
    public static let attribute = "https://w3id.org/kgx/attribute#"
    /// Base of entity and relation IRIs.
    public static let entityBase = "https://w3id.org/kgx/id/"
    /// Base of source-document IRIs.
    public static let documentBase = "https://w3id.org/kgx/doc/"

    /// `https://w3id.org/kgx/id/<id>`: the JSON-LD `@id` of an entity and its GraphML `iri`.
    public static func entity(_ id: EntityID) -> String { entityBase + percentEncoded(id.rawValue) }

    /// `https://w3id.org/kgx/id/<relation id>`: the `@id` of a relation's `rdf:Statement`.
    public static func relation(_ id: String) -> String { entityBase + percentEncoded(id) }

    /// `https://w3id.org/kgx/doc/<percent-encoded document id>`.
    public static func document(_ id: String) -> String { documentBase + percentEncoded(id) }

    /// `https://w3id.org/kgx/vocab#<predicate>`: the property of a relation's direct triple.
    public static func predicate(_ predicate: String) -> String { vocabulary + percentEncoded(predicate) }

    /// `text` with every byte outside RFC 3986's unreserved set (`A-Z a-z 0-9 - . _ ~`) as `%XX`.
    public static func percentEncoded(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }

    /// Reverses ``percentEncoded(_:)``; nil when an escape is malformed or the bytes are not UTF-8.
    public static func percentDecoded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next(), let low = iterator.next(),
                  let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            else { return nil }
            bytes.append(value)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// The entity id in an entity IRI, or the IRI itself when it is not one of kgx's.
    static func entityID(fromIRI iri: String) -> EntityID {
        if iri.hasPrefix(entityBase), let raw = percentDecoded(String(iri.dropFirst(entityBase.count))) {
            return EntityID(rawValue: raw)
        }
        return EntityID(rawValue: iri)
    }
}

/// How entity types and attributes map to RDF, shared by the JSON-LD writer and reader.
enum KGXTerms {
    static let schema = "http://schema.org/"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let rdfs = "http://www.w3.org/2000/01/rdf-schema#"
    static let oa = "http://www.w3.org/ns/oa#"
    static let prov = "http://www.w3.org/ns/prov#"
    static let xsd = "http://www.w3.org/2001/XMLSchema#"

    /// Attributes with a fixed property: the JSON key written and the expanded IRI read back.
    /// Everything else goes to `kgxattr:<percent-encoded name>`.
    static let attributeProperties: [(attribute: String, key: String, iri: String)] = [
        (AttributeKey.value, "value", schema + "value"),
        (AttributeKey.unit, "unitText", schema + "unitText"),
        (AttributeKey.currency, "currency", schema + "currency"),
        (AttributeKey.title, "jobTitle", schema + "jobTitle"),
        (AttributeKey.text, "text", KGXIRI.vocabulary + "text"),
        (AttributeKey.approximate, "approximate", KGXIRI.vocabulary + "approximate"),
        (AttributeKey.kind, "kind", KGXIRI.vocabulary + "kind"),
        (AttributeKey.documentType, "documentType", KGXIRI.vocabulary + "documentType"),
        (AttributeKey.placeType, "placeType", KGXIRI.vocabulary + "placeType"),
        (AttributeKey.date, "date", KGXIRI.vocabulary + "date"),
        (AttributeKey.ordinal, "ordinal", KGXIRI.vocabulary + "ordinal"),
    ]

    static func jsonKey(forAttribute name: String) -> String {
        attributeProperties.first { $0.attribute == name }?.key ?? "kgxattr:" + KGXIRI.percentEncoded(name)
    }

    static func attribute(forPropertyIRI iri: String) -> String? {
        if let known = attributeProperties.first(where: { $0.iri == iri }) { return known.attribute }
        if iri.hasPrefix(KGXIRI.attribute) { return KGXIRI.percentDecoded(String(iri.dropFirst(KGXIRI.attribute.count))) }
        return nil
    }

    /// The kgx class of an entity type, always among the node's `@type`s so the type reads back exactly.
    static func kgxClass(_ type: EntityType) -> String { "kgx:" + type.rawValue }

    /// Suffixes of Chinese state bodies (国务院, 商务部, 国家统计局, 北京市人民政府, …): an organization
    /// with one of them is a `schema:GovernmentOrganization`. A guess from the name, so kept short and
    /// conservative; the exact kgx type is `kgx:Organization` either way.
    static let governmentSuffixes = [
        "国务院", "政府", "部", "委员会", "局", "厅", "署", "办公室", "人民代表大会", "常务委员会",
        "人民法院", "人民检察院",
    ]

    /// Place types of sites rather than areas.
    static let sitePlaceTypes: Set<String> = ["建筑", "场站"]

    /// The schema.org class (a term of the kgx context) for an entity.
    static func schemaClass(_ entity: Entity) -> String {
        switch entity.type {
        case .organization:
            governmentSuffixes.contains { entity.name.hasSuffix($0) } ? "GovernmentOrganization" : "Organization"
        case .document: "Legislation"
        case .person: "Person"
        case .place:
            // A building or a transport site (上海中心大厦, 德黑兰机场) is a place, not an administrative area.
            entity.attributes[AttributeKey.placeType].map { !sitePlaceTypes.contains($0) } ?? false ? "AdministrativeArea" : "Place"
        case .event: "Event"
        case .figure: "QuantitativeValue"
        case .concept: "DefinedTerm"
        }
    }

    /// Entity types of schema.org classes, for documents whose nodes lack a kgx class.
    static let entityTypeOfSchemaClass: [String: EntityType] = [
        schema + "GovernmentOrganization": .organization, schema + "Organization": .organization,
        schema + "Legislation": .document, schema + "Person": .person, schema + "AdministrativeArea": .place,
        schema + "Place": .place, schema + "Event": .event, schema + "QuantitativeValue": .figure,
        schema + "DefinedTerm": .concept,
    ]

    /// Whether `text` is an `xsd:decimal` lexical form, so `schema:value` can be typed as one.
    static func isDecimal(_ text: String) -> Bool {
        var scalars = text.unicodeScalars[...]
        if let first = scalars.first, first == "+" || first == "-" { scalars = scalars.dropFirst() }
        let parts = scalars.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let isDigits = { (part: Substring.UnicodeScalarView) in part.allSatisfy { ("0"..."9").contains($0) } }
        guard parts.allSatisfy(isDigits), parts.contains(where: { !$0.isEmpty }) else { return false }
        return parts.count == 1 ? !parts[0].isEmpty : true
    }
}
