import KGModel

/// `ORG召开EVENT、EVENT`: the organization convened each event; the organization is the nearest one
/// before the verb in the sentence.
struct ConvenedRule: RelationRule {
    let id = "relation.convened"
    let summary = "Organizations that convene meetings (召开, 举行, 举办)"
    var examples: [RuleExample] {
        [
            .positive("国家发展改革委召开全国发展和改革工作会议。", "国家发展和改革委员会 -convened-> 全国发展和改革工作会议"),
            .positive("近日,财政部会同有关部门召开全国财政工作座谈会、全国预算管理工作会议。",
                      "财政部 -convened-> 全国财政工作座谈会", "财政部 -convened-> 全国预算管理工作会议"),
            .negative("会议在北京召开。"),
        ]
    }

    func relations(in sentence: SentenceView, context: RuleContext) -> [RelationCandidate] {
        var result: [RelationCandidate] = []
        for trigger in sentence.occurrences(of: context.lexicon.triggerWords(Predicate.convened)) {
            guard let organizer = sentence.mentions.last(where: { $0.type == .organization && $0.range.upperBound <= trigger.lowerBound }) else { continue }
            let date = sentence.date(near: trigger.lowerBound)
            for event in sentence.list(of: .event, after: trigger.upperBound) {
                var attributes: [String: String] = [:]
                if let value = date?.value { attributes[AttributeKey.date] = value }
                result.append(RelationCandidate(predicate: Predicate.convened, subject: sentence.endpoint(organizer, type: .organization),
                                                object: sentence.endpoint(event, type: .event), attributes: attributes,
                                                evidence: sentence.range, rule: id))
            }
        }
        return result
    }
}
