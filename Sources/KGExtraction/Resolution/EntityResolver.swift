import KGModel

/// Turns mentions and relation candidates into graph entities and relations: canonical names from the
/// lexicon, stable ids, provenance with offsets into the original text.
struct EntityResolver {
    let lexicon: Lexicon

    /// Attributes of a mention that become attributes of its entity.
    private static let entityAttributeKeys: Set<String> = [
        AttributeKey.value, AttributeKey.approximate, AttributeKey.unit, AttributeKey.currency, AttributeKey.kind,
        AttributeKey.documentType, AttributeKey.placeType, AttributeKey.ordinal, AttributeKey.title,
    ]

    func graph(for text: PreparedText, mentions: [Mention], relations: [RelationCandidate]) -> Graph {
        var graph = Graph()
        var mentioned = Set<MentionedSpan>()
        for mention in mentions {
            guard let type = mention.type.entityType else { continue }
            let span = type == .figure ? (mention.phrase ?? mention.range) : mention.nameRange
            mentioned.insert(MentionedSpan(type: type, range: span))
            let surface = text.surface(span)
            var attributes = mention.attributes.filter { Self.entityAttributeKeys.contains($0.key) }
            if type == .figure {
                attributes[AttributeKey.text] = surface
                if let value = mention.value { attributes[AttributeKey.value] = value }
            }
            let name = type == .figure ? surface : (mention.value ?? surface)
            graph.add(entity(type: type, name: name, surface: surface, attributes: attributes,
                             provenance: provenance(text, span, rule: mention.rule)))
        }
        for candidate in relations {
            // An endpoint read from a mention is already counted as a mention of its entity.
            var subject = entity(for: candidate.subject, text: text, rule: candidate.rule)
            var object = entity(for: candidate.object, text: text, rule: candidate.rule)
            if mentioned.contains(MentionedSpan(type: candidate.subject.type, range: candidate.subject.range)) {
                subject.mentions = []
                subject.writtenForms = [:]
            }
            if mentioned.contains(MentionedSpan(type: candidate.object.type, range: candidate.object.range)) {
                object.mentions = []
                object.writtenForms = [:]
            }
            graph.add(subject)
            graph.add(object)
            graph.add(Relation(predicate: candidate.predicate, subject: subject.id, object: object.id,
                               attributes: candidate.attributes,
                               provenance: [provenance(text, candidate.evidence, rule: candidate.rule)]))
        }
        return graph
    }

    private struct MentionedSpan: Hashable {
        var type: EntityType
        var range: Range<Int>
    }

    private func entity(for endpoint: RelationEndpoint, text: PreparedText, rule: String) -> Entity {
        var attributes = endpoint.attributes
        if endpoint.type == .figure { attributes[AttributeKey.text] = endpoint.name }
        var result = entity(type: endpoint.type, name: endpoint.name, surface: endpoint.surface, attributes: attributes,
                            provenance: provenance(text, endpoint.range, rule: rule))
        result.aliases.formUnion(endpoint.aliases.subtracting([result.name]))
        return result
    }

    private func entity(type: EntityType, name: String, surface: String, attributes: [String: String], provenance: Provenance) -> Entity {
        let canonical = lexicon.canonicalName(of: name, type: type)
        let entry = lexicon.canonical[canonical].flatMap { $0.type == type ? $0 : nil }
        var merged = attributes
        if let entry { merged.merge(entry.attributes.filter { $0.key != "partOf" }) { mine, _ in mine } }
        let key = type == .figure ? "\(surface)\u{1F}\(attributes[AttributeKey.value] ?? "")" : canonical
        var aliases = Set(entry?.aliases ?? [])
        if surface != canonical { aliases.insert(surface) }
        return Entity(id: EntityID(type: type, key: key), type: type, name: canonical, aliases: aliases,
                      attributes: merged, mentions: [provenance], writtenForms: [surface: 1])
    }

    private func provenance(_ text: PreparedText, _ range: Range<Int>, rule: String) -> Provenance {
        let original = text.originalRange(range)
        let sentence = text.sentenceIndex(containing: range.lowerBound).map { text.originalSlice(text.originalRange(text.sentences[$0])) }
            ?? text.originalSlice(original)
        return Provenance(document: text.documentID, start: original.lowerBound, end: original.upperBound, sentence: sentence, rule: rule)
    }
}
