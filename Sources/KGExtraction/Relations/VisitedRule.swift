import KGModel

/// `PERSON来到PLACE考察`: the person visited the most specific place of the chain after the verb (or,
/// when the verb names no place, the most specific place the sentence set the scene in), dated by the
/// sentence.
struct VisitedRule: RelationRule {
    let id = "relation.visited"
    let summary = "Persons who visit places (来到, 考察, 视察, 调研), dated by the sentence"
    var examples: [RuleExample] {
        [
            .positive("2019年5月,习近平总书记来到江西赣州于都县考察。", "习近平 -visited-> 于都县 @2019-05"),
            .positive("今年3月,王建国部长到福建宁德调研。", "王建国 -visited-> 宁德"),
            .positive("10月20日,习近平来到福建宁德考察。", "习近平 -visited-> 宁德 @2023-10-20", referenceDate: "2023-11-10"),
            .negative("习近平总书记强调,要加强基层党建。"),
        ]
    }

    func relations(in sentence: SentenceView, context: RuleContext) -> [RelationCandidate] {
        let triggers = context.lexicon.triggerWords(Predicate.visited)
        var result: [RelationCandidate] = []
        for person in sentence.mentions(of: .person) {
            let afterName = person.range.upperBound
            let titleEnd = sentence.text.scalars.longestWord(startingAt: afterName, in: context.lexicon.triggerWords(Predicate.holdsTitle), maxLength: 4) ?? afterName
            guard let triggerEnd = sentence.text.scalars.longestWord(startingAt: titleEnd, in: triggers, maxLength: 3) else { continue }
            let chain = placeChain(in: sentence, startingAt: triggerEnd)
            let place = chain.last ?? lastChainBefore(person.range.lowerBound, in: sentence)
            guard let place else { continue }
            var attributes: [String: String] = [:]
            if let value = sentence.relationDate(near: person.range.lowerBound, context: context) { attributes[AttributeKey.date] = value }
            result.append(RelationCandidate(predicate: Predicate.visited, subject: sentence.endpoint(person, type: .person),
                                            object: sentence.endpoint(place, type: .place, attributeKeys: [AttributeKey.placeType]),
                                            attributes: attributes, evidence: sentence.range, rule: id))
        }
        return result
    }

    /// The places directly following each other (or joined by 的) from `position` on.
    private func placeChain(in sentence: SentenceView, startingAt position: Int) -> [Mention] {
        var chain: [Mention] = []
        var cursor = position
        for mention in sentence.mentions where mention.range.lowerBound >= cursor {
            let between = sentence.gap(cursor, mention.range.lowerBound)
            guard mention.type == .place, between.isEmpty || (between == "的" && !chain.isEmpty) else { break }
            chain.append(mention)
            cursor = mention.range.upperBound
        }
        return chain
    }

    /// The most specific place of the last place chain before `position`.
    private func lastChainBefore(_ position: Int, in sentence: SentenceView) -> Mention? {
        sentence.mentions.last { $0.type == .place && $0.range.upperBound <= position }
    }
}
