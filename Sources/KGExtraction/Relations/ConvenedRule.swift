import KGModel

/// `ORG召开EVENT、EVENT`: the organization (or person) convened each event; the convener is the nearest
/// organization or person before the verb in the sentence.
struct ConvenedRule: RelationRule {
    let id = "relation.convened"
    let summary = "Organizations that convene meetings (召开, 举行, 举办)"
    var examples: [RuleExample] {
        [
            .positive("国家发展改革委召开全国发展和改革工作会议。", "国家发展和改革委员会 -convened-> 全国发展和改革工作会议"),
            .positive("近日,财政部会同有关部门召开全国财政工作座谈会、全国预算管理工作会议。",
                      "财政部 -convened-> 全国财政工作座谈会", "财政部 -convened-> 全国预算管理工作会议"),
            .positive("国务院总理李强主持召开国务院常务会议。", "李强 -convened-> 国务院常务会议"),
            .negative("会议在北京召开。"),
            .positive("中国共产党召开了举世瞩目的第二十次全国代表大会。", "中国共产党 -convened-> 第二十次全国代表大会"),
            .negative("关于香港终审法院问题的专家小组举行第五次会议。", forbidding: "香港终审法院 -convened-> 第五次会议"),
            .negative("省委将召开全省经济工作会议。"),
            .negative("部长在市政府举行的全市工作会议上讲话。"),
            .negative("（作者单位：省人民政府）全省表彰大会昨天在省城举行。"),
        ]
    }

    static let maximumModifierLength = 12
    static let clauseBreaks: Set<Unicode.Scalar> = ["(", ")", "（", "）", ":", "：", ";", "；", "【", "】"]

    func relations(in sentence: SentenceView, context: RuleContext) -> [RelationCandidate] {
        var result: [RelationCandidate] = []
        for trigger in sentence.occurrences(of: context.lexicon.triggerWords(Predicate.convened)) {
            // A person convenes only when the clause runs straight from the name to the verb
            // (李强主持召开); otherwise the person is likely inside a modifier (习近平总书记关于…的指示精神,召开…).
            let person = sentence.mentions.last { $0.type == .person && $0.range.upperBound <= trigger.lowerBound }
                .flatMap { person in
                    sentence.gap(person.range.upperBound, trigger.lowerBound).unicodeScalars.contains(where: CharacterClass.isPunctuation) ? nil : person
                }
            let organization = sentence.mentions.last { $0.type == .organization && $0.range.upperBound <= trigger.lowerBound }
            guard let organizer = [person, organization].compactMap({ $0 }).max(by: { $0.range.lowerBound < $1.range.lowerBound }) else { continue }
            let s = sentence.text.scalars
            // The organizer's own clause: commas may separate the verbs of one subject (中央组织部…,召开…),
            // brackets, colons and semicolons may not (a dateline, a note); no relative clause
            // (举行的…论坛上), future, modal or negation (将召开, 未举行).
            let gap = sentence.gap(organizer.range.upperBound, trigger.lowerBound)
            if gap.unicodeScalars.contains(where: Self.clauseBreaks.contains) { continue }
            // 关于香港终审法院问题的专家小组举行…: an organization inside a modifier convenes nothing.
            if gap.contains("的") { continue }
            if trigger.upperBound < s.count, s[trigger.upperBound] == "的" { continue }
            if sentence.isIrrealis(before: trigger.lowerBound, irrealis: context.lexicon.triggerWords("irrealis")) { continue }
            let organizerType: EntityType = organizer.type == .person ? .person : .organization
            let date = sentence.relationDate(near: trigger.lowerBound, context: context)
            // 召开了举世瞩目的第十五次全国代表大会: an evaluative modifier may stand before the meeting.
            var eventStart = trigger.upperBound
            if let next = sentence.mentions.first(where: { $0.range.lowerBound >= trigger.upperBound }), next.type == .event {
                let modifier = sentence.gap(trigger.upperBound, next.range.lowerBound)
                if modifier.hasSuffix("的"), modifier.count <= Self.maximumModifierLength,
                   !modifier.unicodeScalars.contains(where: CharacterClass.isPunctuation)
                {
                    eventStart = next.range.lowerBound
                }
            }
            for event in sentence.list(of: .event, after: eventStart) {
                var attributes: [String: String] = [:]
                if let date { attributes[AttributeKey.date] = date }
                result.append(RelationCandidate(predicate: Predicate.convened, subject: sentence.endpoint(organizer, type: organizerType),
                                                object: sentence.endpoint(event, type: .event), attributes: attributes,
                                                evidence: sentence.range, rule: id))
            }
        }
        return result
    }
}
