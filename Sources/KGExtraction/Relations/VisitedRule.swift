import KGModel

/// `PERSON来到PLACE考察`, `PERSON在PLACE考察`, `先后来到A、B、C等地`: the person visited the most specific
/// place of each chain after the verb (or, when the verb names no place, the most specific place the
/// sentence set the scene in), dated by the sentence.
struct VisitedRule: RelationRule {
    let id = "relation.visited"
    let summary = "Persons who visit places (来到, 考察, 视察, 调研), dated by the sentence"
    var examples: [RuleExample] {
        [
            .positive("2019年5月,习近平总书记来到江西赣州于都县考察。", "习近平 -visited-> 于都县 @2019-05"),
            .positive("今年3月,王建国部长到福建宁德调研。", "王建国 -visited-> 宁德"),
            .positive("10月20日,习近平来到福建宁德考察。", "习近平 -visited-> 宁德 @2023-10-20", referenceDate: "2023-11-10"),
            .positive("4月上旬,习近平在广东考察,先后来到湛江、茂名等地。", "习近平 -visited-> 广东", "习近平 -visited-> 湛江", "习近平 -visited-> 茂名"),
            .negative("习近平总书记强调,要加强基层党建。"),
        ]
    }

    func relations(in sentence: SentenceView, context: RuleContext) -> [RelationCandidate] {
        let triggers = context.lexicon.triggerWords(Predicate.visited)
        let adverbs = context.lexicon.triggerWords("visitAdverb")
        var result: [RelationCandidate] = []
        for person in sentence.mentions(of: .person) {
            let afterName = person.range.upperBound
            let s = sentence.text.scalars
            let titleEnd = s.longestWord(startingAt: afterName, in: context.lexicon.personMarkers, maxLength: 4) ?? afterName
            var places: [Mention] = []
            if let triggerEnd = s.longestWord(startingAt: titleEnd, in: triggers, maxLength: 3)
                ?? s.longestWord(startingAt: titleEnd, in: adverbs, maxLength: 2).flatMap({ s.longestWord(startingAt: $0, in: triggers, maxLength: 3) })
            {
                places = placeChains(in: sentence, startingAt: triggerEnd).compactMap(\.last)
                if places.isEmpty, let scene = lastChainBefore(person.range.lowerBound, in: sentence) { places = [scene] }
            } else if titleEnd < s.count, s[titleEnd] == "在", let chain = placeChains(in: sentence, startingAt: titleEnd + 1).first,
                let last = chain.last, s.longestWord(startingAt: last.range.upperBound, in: triggers, maxLength: 3) != nil
            {
                places = [last]
            }
            // Later clauses of the same sentence go on with the same visitor (…,先后来到A、B等地), until
            // another person is named. One-character verbs (到) are too common to start such a clause.
            let nextPerson = sentence.mentions.first { $0.type == .person && $0.range.lowerBound > person.range.lowerBound }?.range.lowerBound
                ?? sentence.range.upperBound
            for trigger in sentence.occurrences(of: triggers) where trigger.lowerBound > titleEnd && trigger.upperBound < nextPerson && trigger.count >= 2 {
                for chain in placeChains(in: sentence, startingAt: trigger.upperBound) where !places.contains(chain.last!) {
                    places.append(chain.last!)
                }
            }
            var attributes: [String: String] = [:]
            if let value = sentence.relationDate(near: places.map(\.range.lowerBound).filter { $0 > person.range.lowerBound }.min() ?? titleEnd, context: context) { attributes[AttributeKey.date] = value }
            for place in places {
                result.append(RelationCandidate(predicate: Predicate.visited, subject: sentence.endpoint(person, type: .person),
                                                object: sentence.endpoint(place, type: .place, attributeKeys: [AttributeKey.placeType]),
                                                attributes: attributes, evidence: sentence.range, rule: id))
            }
        }
        return result
    }

    /// The chains of places from `position` on: places directly following each other (or joined by
    /// 的) form a chain; chains are separated by 、, 和 or commas (`湛江、茂名、广州等地`).
    private func placeChains(in sentence: SentenceView, startingAt position: Int) -> [[Mention]] {
        var chains: [[Mention]] = []
        var chain: [Mention] = []
        var cursor = position
        for mention in sentence.mentions where mention.range.lowerBound >= cursor {
            let between = sentence.gap(cursor, mention.range.lowerBound)
            guard mention.type == .place else { break }
            if between.isEmpty || (between == "的" && !chain.isEmpty) {
                chain.append(mention)
            } else if !chain.isEmpty, SentenceView.listSeparators.contains(between) {
                chains.append(chain)
                chain = [mention]
            } else {
                break
            }
            cursor = mention.range.upperBound
        }
        if !chain.isEmpty { chains.append(chain) }
        return chains
    }

    /// The most specific place of the last place chain before `position`.
    private func lastChainBefore(_ position: Int, in sentence: SentenceView) -> Mention? {
        sentence.mentions.last { $0.type == .place && $0.range.upperBound <= position }
    }
}
