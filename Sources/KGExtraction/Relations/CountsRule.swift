import KGModel

/// What a figure counts: the noun phrase after its classifier (`490多万个基层党组织`) or, when none follows,
/// the noun phrase right before the number (`选派驻村第一书记51.8万人`). Only figures written in digits with
/// a counting classifier count things (`两种`, `一个时代` are idioms as often as counts; `2.1亿亩`, `45岁`,
/// `8个昼夜` are measures, ages and durations). Phrases follow the segmentation and stop at verbs,
/// adverbs, prepositions and particles. Classifiers and uncounted nouns are lexicon data
/// (`trigger countClassifier`, `trigger uncounted` in concepts.tsv).
struct CountsRule: RelationRule {
    let id = "relation.counts"
    let summary = "The noun a figure with a counting classifier counts, after or before it"
    static let maximumNounLength = 10
    static let maximumNounWords = 3
    var examples: [RuleExample] {
        [
            .positive("全省共有3200多个村党组织完成换届。", "3200多个 -counts-> 村党组织"),
            .positive("全年新增培训乡村教师12.5万人,医生3万人。", "12.5万人 -counts-> 乡村教师", "3万人 -counts-> 医生"),
            .positive("展览共展出书画作品120幅。", "120幅 -counts-> 书画作品"),
            .positive("已有300多名志愿者报名参加。", "300多名 -counts-> 志愿者"),
            .positive("全县800万人口受益。", "800万 -counts-> 人口"),
            .positive("确定了35个示范县,带动周边。", "35个 -counts-> 示范县"),
            .positive("全市12万职工参加义务劳动,展出图片达1600多幅。", "12万 -counts-> 职工", "1600多幅 -counts-> 图片"),
            .positive("新建了12所“希望小学”。", "12所 -counts-> 希望小学"),
            .positive("主办方向乡村教师（共120人）发放了补贴。", "120人 -counts-> 乡村教师"),
            .negative("这间教室最多只能容纳40人。", forbidding: "40人 -counts-> 容纳"),
            .negative("会议（共2天）结束。"),
            .negative("在庆祝大会上的讲话（附图片2张）", forbidding: "2张 -counts-> 附图片"),
            .positive("全市约3万棵树被刮倒。", "3万棵 -counts-> 树"),
            .negative("全国已收获冬小麦2.1亿亩。"),
            .negative("他今年45岁,连续工作了8个昼夜。"),
            .negative("这是一个新的时代,两种思路都有道理。"),
            .negative("法院依法改判56件,另有11人被捕。"),
            .negative("全市动员了2万人投入救灾。"),
            .negative("全省开通了110报警服务台。"),
            .negative("每期设一等奖1名。", forbidding: "1名 -counts-> 设一等奖"),
            .negative("增长了百分之五。"),
            .negative("党员们在大厦22层的服务中心开展活动。", forbidding: "22层 -counts-> 的服务中心"),
        ]
    }

    func relations(in sentence: SentenceView, context: RuleContext) -> [RelationCandidate] {
        let s = sentence.text.scalars
        let analysis = context.analysis(of: sentence.text)
        let classifiers = context.lexicon.triggerWords("countClassifier")
        let uncounted = context.lexicon.triggerWords("uncounted")
        var result: [RelationCandidate] = []
        for figure in sentence.mentions(of: .figure) {
            // 22层的服务中心: the figure describes what follows 的, it does not count it.
            guard var phrase = figure.phrase ?? Optional(figure.range),
                  [nil, "number"].contains(figure.attributes[AttributeKey.kind]), sentence.isWrittenInDigits(figure),
                  !(phrase.upperBound < s.count && s[phrase.upperBound] == "的")
            else { continue }
            let unit = figure.attributes[AttributeKey.unit]
            // A bare figure counts only the noun right after it (56万职工); others need a counting classifier.
            if let unit, !classifiers.contains(unit) { continue }
            // A bare figure counts only at the scale of a population (56万职工), not a code or a number (110报警台).
            if unit == nil, figure.attributes[AttributeKey.currency] != nil || phrase.upperBound > figure.range.upperBound
                || !s[figure.range].contains(where: { "万亿千".unicodeScalars.contains($0) })
            {
                continue
            }
            // 1500万人口: the classifier is the first character of the counted noun.
            var nounStart = phrase.upperBound
            var classifierStartsNoun = false
            if let unit, !analysis.isBoundary(phrase.upperBound), phrase.count >= 2, unit.unicodeScalars.count == 1,
               let word = sentence.token(startingAt: phrase.upperBound - 1, analysis: analysis), word.isNominal
            {
                nounStart = phrase.upperBound - 1
                phrase = phrase.lowerBound..<nounStart
                classifierStartsNoun = true
            }
            // 人 is the counted noun itself: 2.5万人投入治安 counts no 治安.
            let after = unit == "人" && !classifierStartsNoun ? nil
                : quotedNoun(at: nounStart, sentence: sentence)
                    ?? nounAfter(nounStart, sentence: sentence, analysis: analysis, stops: context.lexicon.stops(.concept))
                    ?? singleCharacterNoun(at: nounStart, sentence: sentence, analysis: analysis, unit: unit)
            let noun: Range<Int>?
            if let after {
                noun = after
            } else if !classifierStartsNoun, unit != nil {
                // 乡村教师（共120人）: a count in parentheses right after what it counts.
                let before = Self.parenthesisOpening(figure.range.lowerBound, close: phrase.upperBound, in: sentence) ?? figure.range.lowerBound
                noun = nounBefore(before, sentence: sentence, analysis: analysis,
                                  verbs: context.lexicon.triggerWords("countVerb"), links: context.lexicon.triggerWords("countLink"))
            } else {
                noun = nil
            }
            guard let noun, !isUncounted(noun, sentence: sentence, analysis: analysis, uncounted: uncounted) else { continue }
            // （附图片1张）: an editor's note on the page, not a fact of the text.
            if s[noun.lowerBound] == "附", noun.lowerBound > sentence.range.lowerBound, "（(".unicodeScalars.contains(s[noun.lowerBound - 1]) { continue }
            let aliases: Set<String> = noun.lowerBound == phrase.upperBound ? [sentence.text.surface(phrase) + s.text(noun)] : []
            result.append(RelationCandidate(
                predicate: Predicate.counts,
                subject: sentence.figureEndpoint(figure, phrase: phrase, aliases: aliases),
                object: RelationEndpoint(type: .concept, name: s.text(noun), range: noun),
                evidence: sentence.range, rule: id))
        }
        return result
    }

    /// Where `（` opens when the figure is all of a parenthesis, after 共, 计, 合计 or 约 (`（共120人）`).
    static func parenthesisOpening(_ start: Int, close: Int, in sentence: SentenceView) -> Int? {
        let s = sentence.text.scalars
        guard close < sentence.range.upperBound, s[close] == "）" || s[close] == ")" else { return nil }
        var open = start - 1
        while open > sentence.range.lowerBound, start - open <= 2, "共计合约".unicodeScalars.contains(s[open]) { open -= 1 }
        guard open > sentence.range.lowerBound, s[open] == "（" || s[open] == "(" else { return nil }
        return open
    }

    /// 57所“田间学校”: a quoted name right after the classifier is what it counts.
    private func quotedNoun(at start: Int, sentence: SentenceView) -> Range<Int>? {
        let s = sentence.text.scalars
        guard start < sentence.range.upperBound, s[start] == "“" || s[start] == "\"" else { return nil }
        let limit = min(sentence.range.upperBound, start + 1 + Self.maximumNounLength)
        guard let close = (start + 1..<limit).first(where: { s[$0] == "”" || s[$0] == "\"" }), close - start >= 3,
              s[(start + 1)..<close].allSatisfy(CharacterClass.isHan)
        else { return nil }
        return (start + 1)..<close
    }

    /// 200棵树,: a one-character noun after a specific classifier (not 个, 名, 位), closed by punctuation
    /// or a passive or adverb (树被刮倒).
    private func singleCharacterNoun(at start: Int, sentence: SentenceView, analysis: LexicalAnalysis, unit: String?) -> Range<Int>? {
        let s = sentence.text.scalars
        guard let unit, !Self.genericClassifiers.contains(unit), start + 1 < sentence.range.upperBound, CharacterClass.isHan(s[start]),
              let word = sentence.token(startingAt: start, analysis: analysis), word.range.count == 1,
              CharacterClass.isPunctuation(s[start + 1]) || Self.closers.contains(s[start + 1])
        else { return nil }
        if word.isPhraseBreak, !word.tag.hasPrefix("v") { return nil }
        return start..<(start + 1)
    }

    static let genericClassifiers: Set<String> = ["个", "名", "位", "人", "种", "项", "家", "批", "起", "件", "次"]
    static let closers: Set<Unicode.Scalar> = ["被", "已", "都", "也", "还", "均"]

    /// Durations and times are measured, not counted (`8个昼夜`, `6个小时`).
    private func isUncounted(_ noun: Range<Int>, sentence: SentenceView, analysis: LexicalAnalysis, uncounted: WordSet) -> Bool {
        let head = sentence.token(endingAt: noun.upperBound, analysis: analysis)
        return head?.tag == "t" || uncounted.contains(sentence.text.scalars.text(head?.range ?? noun))
    }

    /// Up to three words after the classifier, ending in a noun, before punctuation, another mention, a stop
    /// word or a verb, adverb, preposition or particle. A verb may open the phrase as a modifier of the noun
    /// right after it (`214个示范市`, `30支参赛队伍`).
    private func nounAfter(_ start: Int, sentence: SentenceView, analysis: LexicalAnalysis, stops: WordSet) -> Range<Int>? {
        let s = sentence.text.scalars
        let limit = min(sentence.mentions.first { $0.range.lowerBound >= start }?.range.lowerBound ?? sentence.range.upperBound,
                        sentence.range.upperBound, start + Self.maximumNounLength)
        var position = start, end = start, words = 0
        while words < Self.maximumNounWords, let word = sentence.token(startingAt: position, analysis: analysis),
              word.range.upperBound <= limit, word.range.allSatisfy({ CharacterClass.isHan(s[$0]) }),
              position == start || s.longestWord(startingAt: position, in: stops, maxLength: 4) == nil
        {
            if word.isPhraseBreak {
                guard position == start, word.tag.hasPrefix("v"), let next = sentence.token(startingAt: word.range.upperBound, analysis: analysis),
                      next.isNominal, next.range.upperBound <= limit
                else { break }
            }
            // Modifiers come before the noun; after it, only nouns go on (职工 in 职工深切缅怀).
            if end > start, !word.isNominal { break }
            words += 1
            position = word.range.upperBound
            if word.isNominal { end = position }
        }
        return end - start >= 2 ? start..<end : nil
    }

    /// Modal verbs: what follows them is a verb.
    private static let modals: Set<String> = ["能", "可", "可以", "能够", "只能", "只可", "应该", "必须"]

    /// The noun phrase that ends right before the number, read back to punctuation, another mention, a
    /// counting verb (`选派`, `共有`) or another verb of two or more characters (`改判56件`).
    private func nounBefore(_ end: Int, sentence: SentenceView, analysis: LexicalAnalysis, verbs: WordSet, links: WordSet) -> Range<Int>? {
        let s = sentence.text.scalars
        let limit = max(sentence.mentions.last { $0.range.upperBound <= end }?.range.upperBound ?? sentence.range.lowerBound,
                        sentence.range.lowerBound, end - Self.maximumNounLength)
        // 图片达1600多幅: a linking verb may stand between the noun and its figure.
        var end = end
        if let link = s.longestWord(endingAt: end, in: links, maxLength: 2), link >= limit { end = link }
        // The head is a noun proper: a nominal verb before a figure is what was done 56 times (改判56件).
        guard let head = sentence.token(endingAt: end, analysis: analysis), head.isNominal, head.tag != "vn" else { return nil }
        // After a modal verb the head is a verb, whatever the dictionary tags it (只能容纳40人: 容纳 nr).
        if let before = sentence.token(endingAt: head.range.lowerBound, analysis: analysis),
           Self.modals.contains(s.text(before.range)) { return nil }
        var start = end
        var previous = head
        while start > limit, s.longestWord(endingAt: start, in: verbs, maxLength: 4) == nil,
              let word = sentence.token(endingAt: start, analysis: analysis), word.range.lowerBound >= limit,
              word.range.allSatisfy({ CharacterClass.isHan(s[$0]) })
        {
            // Ordinals belong to the noun (第一书记); a one-character verb before another single character
            // is a bound morpheme of a word the dictionary lacks (驻村), before a whole word it is a verb (设一等奖).
            let ordinal = word.tag == "m" && s[word.range.lowerBound] == "第"
            let boundMorpheme = word.range.count == 1 && word.tag.hasPrefix("v") && previous.range.count == 1
            if word.isPhraseBreak, !ordinal, !boundMorpheme { break }
            start = word.range.lowerBound
            previous = word
        }
        return end - start >= 2 ? start..<end : nil
    }
}
