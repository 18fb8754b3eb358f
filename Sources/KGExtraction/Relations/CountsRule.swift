import KGModel

/// What a figure counts: the noun after its classifier (`490多万个基层党组织`) or, when none follows, the
/// noun before the number (`选派驻村第一书记51.8万人`).
struct CountsRule: RelationRule {
    let id = "relation.counts"
    let summary = "The noun a figure with a classifier counts, after or before it"
    static let maximumNounLength = 10
    var examples: [RuleExample] {
        [
            .positive("全省共有3200多个村党组织完成换届。", "3200多个 -counts-> 村党组织"),
            .positive("全年新增培训乡村教师12.5万人,医生3万人。", "12.5万人 -counts-> 乡村教师"),
            .positive("全国已收获冬小麦2.1亿亩。", "2.1亿亩 -counts-> 冬小麦"),
            .negative("增长了百分之五。"),
            .negative("党员们在大厦22层的服务中心开展活动。", forbidding: "22层 -counts-> 的服务中心"),
        ]
    }

    func relations(in sentence: SentenceView, context: RuleContext) -> [RelationCandidate] {
        let s = sentence.text.scalars
        let stops = context.lexicon.stops(.concept)
        let verbs = context.lexicon.triggerWords("countVerb")
        var result: [RelationCandidate] = []
        for figure in sentence.mentions(of: .figure) {
            // 22层的服务中心: the figure describes what follows 的, it does not count it.
            guard let phrase = figure.phrase, phrase.upperBound > figure.range.upperBound,
                [nil, "number"].contains(figure.attributes[AttributeKey.kind]), !(phrase.upperBound < s.count && s[phrase.upperBound] == "的")
            else { continue }
            let after = nounAfter(phrase.upperBound, s: s, sentence: sentence, stops: stops)
            guard let noun = after ?? nounBefore(figure.range.lowerBound, s: s, sentence: sentence, verbs: verbs) else { continue }
            result.append(RelationCandidate(
                predicate: Predicate.counts,
                subject: sentence.figureEndpoint(figure, phrase: phrase, aliases: after.map { [sentence.text.surface(phrase) + s.text($0)] } ?? []),
                object: RelationEndpoint(type: .concept, name: s.text(noun), range: noun),
                evidence: sentence.range, rule: id))
        }
        return result
    }

    /// Han characters after the classifier up to punctuation, another mention or a stop word.
    private func nounAfter(_ start: Int, s: [Unicode.Scalar], sentence: SentenceView, stops: WordSet) -> Range<Int>? {
        var end = start
        let nextMention = sentence.mentions.first { $0.range.lowerBound >= start }?.range.lowerBound ?? sentence.range.upperBound
        while end < min(nextMention, sentence.range.upperBound), end - start < Self.maximumNounLength, CharacterClass.isHan(s[end]) {
            if end > start, s.longestWord(startingAt: end, in: stops, maxLength: 4) != nil { break }
            end += 1
        }
        return end - start >= 2 ? start..<end : nil
    }

    /// Han characters before the number back to punctuation, another mention or a counting verb.
    private func nounBefore(_ end: Int, s: [Unicode.Scalar], sentence: SentenceView, verbs: WordSet) -> Range<Int>? {
        let previousMention = sentence.mentions.last { $0.range.upperBound <= end }?.range.upperBound ?? sentence.range.lowerBound
        var start = end
        while start > max(previousMention, sentence.range.lowerBound), end - start < Self.maximumNounLength, CharacterClass.isHan(s[start - 1]) {
            if s.longestWord(endingAt: start, in: verbs, maxLength: 4) != nil { break }
            start -= 1
        }
        return end - start >= 2 ? start..<end : nil
    }
}
