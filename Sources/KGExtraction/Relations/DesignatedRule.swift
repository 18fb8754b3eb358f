import KGModel

/// An organization that designates a place or an organization, dated by the sentence:
/// `ORG将X评为…`, `X被ORG命名为…`, and the copular `X是ORG…发现的一个模范村`. Verbs and model words
/// are lexicon data (`trigger designated`, `designationFound`, `designationModel` in organizations.tsv).
struct DesignatedRule: RelationRule {
    let id = "relation.designated"
    let summary = "Organizations that designate a place or an organization (评为, 命名为, 是…树立的典型)"
    static let maximumGap = 16
    var examples: [RuleExample] {
        [
            .positive("2019年,国务院将深圳市确定为首批示范城市。", "国务院 -designated-> 深圳 @2019"),
            .positive("延安市先后被中央组织部命名为全国先进典型。", "中央组织部 -designated-> 延安"),
            .positive("延安曾是中共中央在1937年树立的一个模范区域。", "党中央 -designated-> 延安 @1937"),
            .negative("中央组织部在延安市召开座谈会。"),
            .negative("延安是中共中央在1937年召开会议的地方。"),
        ]
    }

    func relations(in sentence: SentenceView, context: RuleContext) -> [RelationCandidate] {
        let verbs = context.lexicon.triggerWords(Predicate.designated)
        let found = context.lexicon.triggerWords("designationFound")
        let models = context.lexicon.triggerWords("designationModel")
        let s = sentence.text.scalars
        var result: [RelationCandidate] = []
        let mentions = sentence.mentions
        func add(_ organization: Mention, _ target: Mention, verbAt position: Int) {
            var attributes: [String: String] = [:]
            if let date = sentence.relationDate(near: position, context: context) { attributes[AttributeKey.date] = date }
            result.append(RelationCandidate(
                predicate: Predicate.designated, subject: sentence.endpoint(organization, type: .organization),
                object: sentence.endpoint(target, type: target.type == .place ? .place : .organization),
                attributes: attributes, evidence: sentence.range, rule: id))
        }
        for (index, first) in mentions.enumerated() where index + 1 < mentions.count {
            let second = mentions[index + 1]
            let between = sentence.gap(first.range.upperBound, second.range.lowerBound)
            // ORG将X评为…
            if first.type == .organization, [.place, .organization].contains(second.type), between.hasSuffix("将") || between.hasSuffix("把"),
               between.count <= 4, s.longestWord(startingAt: second.range.upperBound, in: verbs, maxLength: 4) != nil
            {
                add(first, second, verbAt: second.range.upperBound)
            }
            // X被ORG命名为…
            if [.place, .organization].contains(first.type), second.type == .organization, between.hasSuffix("被"), between.count <= 3,
               s.longestWord(startingAt: second.range.upperBound, in: verbs, maxLength: 4) != nil
            {
                add(second, first, verbAt: second.range.upperBound)
            }
            // X(,)曾是ORG…发现的一个模范村
            if [.place, .organization].contains(first.type), second.type == .organization, Self.isCopula(between),
               let verb = foundVerb(after: second.range.upperBound, in: sentence, found: found, models: models)
            {
                add(second, first, verbAt: verb)
            }
        }
        return result
    }

    /// `是`, `,曾是`, `也是`: the copula between the designated and the designating.
    private static func isCopula(_ gap: String) -> Bool {
        let trimmed = gap.drop { $0 == "," || $0 == "，" }
        return ["是", "曾是", "曾经是", "也是", "正是", "就是"].contains(String(trimmed))
    }

    /// The start of a finding verb followed by 的 and a model word (`发现的一个模范村`), within reach of `start`.
    private func foundVerb(after start: Int, in sentence: SentenceView, found: WordSet, models: WordSet) -> Int? {
        let s = sentence.text.scalars
        let limit = min(sentence.range.upperBound, start + Self.maximumGap)
        var i = start
        while i < limit, !CharacterClass.isPunctuation(s[i]) {
            if let end = s.longestWord(startingAt: i, in: found, maxLength: 4), end < s.count, s[end] == "的" {
                let tail = (end + 1)..<min(sentence.range.upperBound, end + 8)
                if tail.contains(where: { s.longestWord(startingAt: $0, in: models, maxLength: 4) != nil }) { return i }
            }
            i += 1
        }
        return nil
    }
}
