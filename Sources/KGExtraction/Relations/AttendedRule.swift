import KGModel

/// Persons and organizations that attend a named event: `李鹏出席了首届…交易会开幕式`,
/// `中国代表团参加了…特别联大`. The event follows the verb, directly or after a time or place phrase;
/// unnamed gatherings (`今天的午宴`) are no event mention. Triggers are lexicon data (`trigger attended`).
struct AttendedRule: RelationRule {
    let id = "relation.attended"
    let summary = "Persons or organizations that attend a named event (出席, 参加, 列席)"
    var examples: [RuleExample] {
        [
            .positive("国务院总理王建国出席了全国科技工作会议。", "王建国 -attended-> 全国科技工作会议"),
            .positive("王建国和李明华昨天参加了全省经济工作会议。", "李明华 -attended-> 全省经济工作会议"),
            .negative("王建国将出席全国科技工作会议。"),
            .negative("王建国出席了会议。"),
        ]
    }

    func relations(in sentence: SentenceView, context: RuleContext) -> [RelationCandidate] {
        let lexicon = context.lexicon
        let irrealis = lexicon.triggerWords("irrealis")
        let s = sentence.text.scalars
        var result: [RelationCandidate] = []
        for verb in sentence.occurrences(of: lexicon.triggerWords(Predicate.attended)) {
            guard !sentence.isIrrealis(before: verb.lowerBound, irrealis: irrealis),
                  !(verb.upperBound < s.count && s[verb.upperBound] == "的"),
                  let attendee = sentence.agent(before: verb.lowerBound, types: [.person, .organization], irrealis: irrealis,
                                                titles: lexicon.titleWords)
            else { continue }
            var attributes: [String: String] = [:]
            if let date = sentence.relationDate(near: verb.lowerBound, context: context) { attributes[AttributeKey.date] = date }
            for event in sentence.namedObjects(after: verb.upperBound, types: [.event], reach: 2) {
                result.append(RelationCandidate(
                    predicate: Predicate.attended,
                    subject: sentence.endpoint(attendee, type: attendee.type == .person ? .person : .organization),
                    object: sentence.endpoint(event, type: .event), attributes: attributes, evidence: sentence.range, rule: id))
            }
        }
        return result
    }
}
