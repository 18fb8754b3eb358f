import KGModel

/// Reads JSON-LD written by ``JSONLDWriter`` back into a ``Graph``.
///
/// Not a general JSON-LD processor: it expands keys, types and IRIs through the document's own
/// `@context` (terms and prefixes; a string context is taken to be the kgx context) and then reads
/// entities from nodes with a kgx or schema.org class, relations from `rdf:Statement`s and provenance
/// from their `oa:SpecificResource` evidence. Direct `kgx:<predicate>` triples are redundant with the
/// statements and are not read. Relation ids are recomputed as ``Relation`` defines them.
public struct JSONLDReader: Sendable {
    public init() {}

    /// The graph in the JSON-LD document `bytes`; `fileName` names it in error messages.
    /// - Throws: ``GraphImportError``.
    public func graph(from bytes: [UInt8], fileName: String = "<memory>") throws -> Graph {
        let document: JSONValue
        do {
            document = try JSONValue.parse(bytes)
        } catch {
            throw GraphImportError.malformedJSON(file: fileName, message: error.message)
        }
        return try GraphIntegrity.check(JSONLDParse(document: document, fileName: fileName).graph(), fileName: fileName)
    }

    /// The graph in the JSON-LD file at `path`.
    public func graph(contentsOf path: String) throws -> Graph {
        try graph(from: FileIO.readFile(path), fileName: path)
    }
}

private struct JSONLDParse {
    enum Value: Hashable {
        case iri(String)
        case literal(String)

        var literal: String? { if case .literal(let text) = self { text } else { nil } }
        var iri: String? { if case .iri(let text) = self { text } else { nil } }
    }

    struct Node {
        var types: Set<String> = []
        var properties: [String: [Value]] = [:]

        func literals(_ property: String) -> [String] {
            (properties[property] ?? []).compactMap(\.literal).sorted(by: utf8Less)
        }

        func iris(_ property: String) -> [String] {
            (properties[property] ?? []).compactMap(\.iri).sorted(by: utf8Less)
        }
    }

    struct Term {
        var iri: String
        var isIRIValued: Bool
    }

    let fileName: String
    var terms: [String: Term] = [:]
    var nodes: [String: Node] = [:]

    init(document: JSONValue, fileName: String) throws {
        self.fileName = fileName
        guard case .object = document else { throw invalid("the document is not a JSON object") }
        if let context = document["@context"] {
            for part in context.asArray {
                switch part {
                case .object: define(part)
                case .string: define(try! JSONValue.parse(Array(KGXContext.document.utf8))["@context"]!)
                default: throw invalid("unsupported @context")
                }
            }
        }
        let top = document["@graph"]?.asArray ?? [document]
        for value in top { try collect(value) }
    }

    func invalid(_ message: String) -> GraphImportError { .invalidGraph(file: fileName, message: message) }

    private mutating func define(_ context: JSONValue) {
        guard case .object(let members) = context else { return }
        var raw: [String: (String, Bool)] = [:]
        for (term, definition) in members where !term.hasPrefix("@") {
            switch definition {
            case .string(let iri): raw[term] = (iri, false)
            case .object:
                if let iri = definition["@id"]?.stringValue {
                    raw[term] = (iri, definition["@type"]?.stringValue == "@id")
                }
            default: break
            }
        }
        for (term, (iri, isIRIValued)) in raw { terms[term] = Term(iri: iri, isIRIValued: isIRIValued) }
        // Definitions may themselves be compact IRIs (`schema:name`); expand them once all are known.
        var expanded = terms
        for (term, definition) in terms { expanded[term]?.iri = expandCompact(definition.iri) ?? definition.iri }
        terms = expanded
    }

    /// `prefix:suffix` with a known prefix, or an absolute IRI; nil otherwise.
    private func expandCompact(_ text: String) -> String? {
        if let colon = text.firstIndex(of: ":") {
            let prefix = String(text[..<colon])
            let suffix = text[text.index(after: colon)...]
            if !suffix.hasPrefix("//"), let definition = terms[prefix], !definition.iri.hasPrefix(prefix + ":") {
                return definition.iri + suffix
            }
            return text
        }
        return nil
    }

    func expandKey(_ key: String) -> String? {
        if let term = terms[key] { return term.iri }
        return expandCompact(key)
    }

    func expandIRI(_ text: String) -> String { terms[text]?.iri ?? expandCompact(text) ?? text }

    private mutating func collect(_ value: JSONValue) throws {
        guard case .object(let members) = value else { return }
        guard let id = value["@id"]?.stringValue.map(expandIRI) else {
            throw invalid("a node definition has no @id")
        }
        var node = nodes[id] ?? Node()
        for (key, member) in members {
            switch key {
            case "@id": continue
            case "@type": for type in member.asArray { if let name = type.stringValue { node.types.insert(expandIRI(name)) } }
            default:
                guard !key.hasPrefix("@"), let property = expandKey(key) else { continue }
                let isIRIValued = terms[key]?.isIRIValued ?? false
                for item in member.asArray {
                    if let value = try self.value(item, isIRIValued: isIRIValued) {
                        node.properties[property, default: []].append(value)
                    }
                }
            }
        }
        nodes[id] = node
    }

    private mutating func value(_ item: JSONValue, isIRIValued: Bool) throws -> Value? {
        switch item {
        case .string(let text): return isIRIValued ? .iri(expandIRI(text)) : .literal(text)
        case .integer(let number): return .literal(String(number))
        case .number(let text): return .literal(text)
        case .bool(let flag): return .literal(flag ? "true" : "false")
        case .object:
            if let literal = item["@value"] {
                switch literal {
                case .string(let text), .number(let text): return .literal(text)
                case .integer(let number): return .literal(String(number))
                case .bool(let flag): return .literal(flag ? "true" : "false")
                default: return nil
                }
            }
            guard let id = item["@id"]?.stringValue else { return nil }
            if case .object(let members) = item, members.count > 1 { try collect(item) }
            return .iri(expandIRI(id))
        default: return nil
        }
    }

    func graph() throws -> Graph {
        let kgx = KGXIRI.vocabulary
        let schema = KGXTerms.schema
        let oa = KGXTerms.oa
        var documentIDs: [String: String] = [:]
        for (iri, node) in nodes where node.types.contains(schema + "DigitalDocument") {
            if let identifier = node.literals(schema + "identifier").first { documentIDs[iri] = identifier }
        }
        func documentID(_ iri: String) -> String {
            if let known = documentIDs[iri] { return known }
            if iri.hasPrefix(KGXIRI.documentBase), let id = KGXIRI.percentDecoded(String(iri.dropFirst(KGXIRI.documentBase.count))) {
                return id
            }
            return iri
        }
        func provenance(_ resourceIRI: String) throws -> Provenance {
            guard let resource = nodes[resourceIRI], resource.types.contains(oa + "SpecificResource") else {
                throw invalid("evidence \(resourceIRI) is not an oa:SpecificResource in the file")
            }
            guard let source = resource.iris(oa + "hasSource").first else { throw invalid("\(resourceIRI) has no oa:hasSource") }
            let position = resource.iris(oa + "hasSelector").compactMap { nodes[$0] }
                .first { $0.types.contains(oa + "TextPositionSelector") }
            guard let position, let start = position.literals(oa + "start").first.flatMap({ Int($0) }),
                  let end = position.literals(oa + "end").first.flatMap({ Int($0) })
            else { throw invalid("\(resourceIRI) has no oa:TextPositionSelector with integer start and end") }
            return Provenance(
                document: documentID(source), start: start, end: end,
                sentence: resource.literals(kgx + "sentence").first ?? "", rule: resource.literals(kgx + "rule").first ?? "")
        }
        func attributes(_ node: Node) -> [String: String] {
            var result: [String: String] = [:]
            for property in node.properties.keys {
                if let name = KGXTerms.attribute(forPropertyIRI: property), let value = node.literals(property).first {
                    result[name] = value
                }
            }
            return result
        }

        var graph = Graph()
        for (iri, node) in nodes.sorted(by: { utf8Less($0.key, $1.key) }) {
            let kgxType = node.types.compactMap { type in
                type.hasPrefix(kgx) ? EntityType(rawValue: String(type.dropFirst(kgx.count))) : nil
            }.first
            if let type = kgxType ?? node.types.compactMap({ KGXTerms.entityTypeOfSchemaClass[$0] }).first {
                guard let name = node.literals(schema + "name").first else { throw invalid("entity \(iri) has no schema:name") }
                let label = node.literals(KGXTerms.rdfs + "label").first
                graph.add(Entity(
                    id: KGXIRI.entityID(fromIRI: iri), type: type, name: name,
                    aliases: Set(node.literals(schema + "alternateName")), attributes: attributes(node),
                    mentions: try node.iris(kgx + "mention").map(provenance),
                    writtenForms: label.map { [$0: 1] } ?? [:]))
            } else if node.types.contains(KGXTerms.rdf + "Statement") {
                guard let subject = node.iris(KGXTerms.rdf + "subject").first,
                      let predicate = node.iris(KGXTerms.rdf + "predicate").first,
                      let object = node.iris(KGXTerms.rdf + "object").first
                else { throw invalid("statement \(iri) lacks rdf:subject, rdf:predicate or rdf:object") }
                let predicateName = predicate.hasPrefix(kgx)
                    ? KGXIRI.percentDecoded(String(predicate.dropFirst(kgx.count))) ?? predicate : predicate
                graph.add(Relation(
                    predicate: predicateName, subject: KGXIRI.entityID(fromIRI: subject),
                    object: KGXIRI.entityID(fromIRI: object), attributes: attributes(node),
                    provenance: try node.iris(kgx + "evidence").map(provenance)))
            }
        }
        return graph
    }
}
