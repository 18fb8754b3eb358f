import KGModel

/// Relations declared in rule files rather than in code: a `relation` line names a predicate, the types
/// of its subject, its verbs and the types of its object (`relation	signed	Organization	签订	Document`).
/// The subject is the nearest named agent before the verb in its clause, the objects the named mentions
/// the verb governs; future, modal and negated verbs give nothing, as in the built-in rules.
struct VerbRelationRule: RelationRule {
    let id = "relation.declared"
    let summary = "Predicates declared by `relation` lines of rule files: SUBJECT VERB OBJECT"
    var examples: [RuleExample] {
        [
            .positive("中国足协聘请李明华担任主教练。", "中国足协 -hired-> 李明华",
                      rules: "relation\thired\tOrganization\t聘请|聘用\tPerson\n"),
            .negative("中国足协将聘请李明华担任主教练。", rules: "relation\thired\tOrganization\t聘请|聘用\tPerson\n"),
        ]
    }

    func relations(in sentence: SentenceView, context: RuleContext) -> [RelationCandidate] {
        let lexicon = context.lexicon
        guard !lexicon.relationPatterns.isEmpty else { return [] }
        let irrealis = lexicon.triggerWords("irrealis")
        var result: [RelationCandidate] = []
        for pattern in lexicon.relationPatterns {
            let subjects = Set(pattern.subjectTypes.compactMap { MentionType(rawValue: $0.rawValue) })
            let objects = Set(pattern.objectTypes.compactMap { MentionType(rawValue: $0.rawValue) })
            for verb in sentence.occurrences(of: pattern.verbs) {
                guard !sentence.isIrrealis(before: verb.lowerBound, irrealis: irrealis),
                      let subject = sentence.agent(before: verb.lowerBound, types: subjects, irrealis: irrealis, titles: lexicon.titleWords),
                      let subjectType = subject.type.entityType
                else { continue }
                var attributes: [String: String] = [:]
                if let date = sentence.relationDate(near: verb.lowerBound, context: context) { attributes[AttributeKey.date] = date }
                for object in sentence.namedObjects(after: verb.upperBound, types: objects, reach: 4) where object != subject {
                    guard let objectType = object.type.entityType else { continue }
                    result.append(RelationCandidate(predicate: pattern.predicate, subject: sentence.endpoint(subject, type: subjectType),
                                                    object: sentence.endpoint(object, type: objectType), attributes: attributes,
                                                    evidence: sentence.range, rule: id))
                }
            }
        }
        return result
    }
}
