import KGModel

/// Organizations that are part of another: units read from the text (`教育部党组` → `教育部`) and
/// known hierarchy from the lexicon (`国务院国资委` → `国务院`).
struct PartOfRule: RelationRule {
    let id = "relation.partOf"
    let summary = "Sub-units and known parents of organizations"
    var examples: [RuleExample] {
        [
            .positive("教育部党组细化工作任务。", "教育部党组 -partOf-> 教育部"),
            .positive("国资委发布通知。", "国务院国资委 -partOf-> 国务院"),
            .negative("教育部细化工作任务。"),
        ]
    }

    func relations(in sentence: SentenceView, context: RuleContext) -> [RelationCandidate] {
        sentence.mentions(of: .organization).compactMap { unit in
            let parentName = unit.attributes["partOf"] ?? context.lexicon.canonical[unit.value ?? ""]?.attributes["partOf"]
            guard let parentName else { return nil }
            return RelationCandidate(predicate: Predicate.partOf, subject: sentence.endpoint(unit, type: .organization),
                                     object: RelationEndpoint(type: .organization, name: parentName, range: unit.range),
                                     evidence: sentence.range, rule: id)
        }
    }
}
