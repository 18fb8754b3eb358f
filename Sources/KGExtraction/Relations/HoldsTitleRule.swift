import KGModel

/// `习近平总书记`, `国务院总理李强`: a person directly followed or preceded by a title holds that title.
struct HoldsTitleRule: RelationRule {
    let id = "relation.holdsTitle"
    let summary = "Titles written right after a person's name (总书记, 主席, 部长, …)"
    var examples: [RuleExample] {
        [
            .positive("习近平总书记强调,要抓好基层党建。", "习近平 -holdsTitle-> 总书记"),
            .positive("王建国部长主持会议。", "王建国 -holdsTitle-> 部长"),
            .positive("国务院总理李强主持会议。", "李强 -holdsTitle-> 总理"),
            .negative("习近平在会上强调。"),
        ]
    }

    func relations(in sentence: SentenceView, context: RuleContext) -> [RelationCandidate] {
        let titles = context.lexicon.titleWords
        let s = sentence.text.scalars
        return sentence.mentions(of: .person).compactMap { person in
            let titleRange: Range<Int>
            if let titleEnd = s.longestWord(startingAt: person.range.upperBound, in: titles, maxLength: 4) {
                titleRange = person.range.upperBound..<titleEnd
            } else if let titleStart = s.longestWord(endingAt: person.range.lowerBound, in: titles, maxLength: 4), titleStart >= sentence.range.lowerBound {
                titleRange = titleStart..<person.range.lowerBound
            } else {
                return nil
            }
            return RelationCandidate(predicate: Predicate.holdsTitle, subject: sentence.endpoint(person, type: .person),
                                     object: RelationEndpoint(type: .concept, name: s.text(titleRange), range: titleRange),
                                     evidence: sentence.range, rule: id)
        }
    }
}
