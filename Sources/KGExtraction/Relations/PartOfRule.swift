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
            .positive("国务院国资委党委作出部署。", "国务院国资委党委 -partOf-> 国务院国资委", "国务院国资委 -partOf-> 国务院"),
            .negative("教育部细化工作任务。"),
        ]
    }

    func relations(in sentence: SentenceView, context: RuleContext) -> [RelationCandidate] {
        var result: [RelationCandidate] = []
        for unit in sentence.mentions(of: .organization) {
            // Walk up the known hierarchy: 国务院国资委党委 → 国务院国资委 → 国务院.
            var child = sentence.endpoint(unit, type: .organization)
            var parentName = unit.attributes["partOf"] ?? context.lexicon.canonical[child.name]?.attributes["partOf"]
            var seen: Set<String> = [child.name]
            while let name = parentName, seen.insert(name).inserted {
                let parent = RelationEndpoint(type: .organization, name: name, range: unit.range)
                result.append(RelationCandidate(predicate: Predicate.partOf, subject: child, object: parent,
                                                evidence: sentence.range, rule: id))
                child = parent
                parentName = context.lexicon.canonical[name]?.attributes["partOf"]
            }
        }
        return result
    }
}
