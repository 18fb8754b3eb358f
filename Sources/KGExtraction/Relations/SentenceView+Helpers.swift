import Foundation
import KGModel

extension SentenceView {
    /// The normalized text between two positions.
    func gap(_ from: Int, _ to: Int) -> String { text.scalars.text(from..<max(from, to)) }

    /// Positions in the sentence where a word of `words` starts, with its end.
    func occurrences(of words: WordSet, maxLength: Int = 6) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var i = range.lowerBound
        while i < range.upperBound {
            if let end = text.scalars.longestWord(startingAt: i, in: words, maxLength: maxLength), end <= range.upperBound {
                result.append(i..<end)
                i = end
            } else {
                i += 1
            }
        }
        return result
    }

    /// The last date mention before `position` in the sentence. Dates after the verb tell what the
    /// statement is about (`要求到2025年底前…`), not when it was made; so do durations and deadlines.
    func date(near position: Int) -> Mention? {
        mentions(of: .date).last {
            $0.range.upperBound <= position && $0.attributes[AttributeKey.kind] != "duration" && !($0.value ?? "").hasPrefix("..")
        }
    }

    /// The EDTF date of a relation stated at `position`: the nearby date, with an open year (`XXXX-10-20`)
    /// filled from the reference date as news text means it, the latest such day not after the reference.
    /// Lunisolar dates are given in the Gregorian calendar, or not at all when that is unknown.
    func relationDate(near position: Int, context: RuleContext) -> String? {
        guard let mention = date(near: position), let value = mention.value else { return nil }
        if let gregorian = mention.attributes[DateAttribute.gregorian] { return gregorian }
        guard mention.attributes[DateAttribute.calendar] == nil else {
            return filledYear(value, context: context).flatMap(LunarCalendar.gregorianValue(ofLunar:))
        }
        return filledYear(value, context: context)
    }

    private func filledYear(_ value: String, context: RuleContext) -> String? {
        guard let reference = context.referenceDate else { return value }
        return reference.fillingYear(of: value)
    }

    /// The endpoint of a figure, named by its phrase (`22条`) so that every rule meets the same node.
    func figureEndpoint(_ figure: Mention, phrase: Range<Int>, aliases: Set<String> = []) -> RelationEndpoint {
        var attributes = figure.attributes.filter { [AttributeKey.unit, AttributeKey.approximate, AttributeKey.kind].contains($0.key) }
        if let value = figure.value { attributes[AttributeKey.value] = value }
        return RelationEndpoint(type: .figure, name: text.surface(phrase), range: phrase, attributes: attributes, aliases: aliases)
    }

    /// An endpoint for a mention, named by its canonical value.
    func endpoint(_ mention: Mention, type: EntityType, attributeKeys: Set<String> = []) -> RelationEndpoint {
        RelationEndpoint(type: type, name: mention.value ?? text.normalizedString(mention.nameRange), surface: text.surface(mention.nameRange), range: mention.nameRange,
                         attributes: mention.attributes.filter { attributeKeys.contains($0.key) })
    }

    /// The mentions of `type` that follow `position` as a list joined by 、, 和, 及 or commas.
    func list(of type: MentionType, after position: Int) -> [Mention] {
        var result: [Mention] = []
        var cursor = position
        for mention in mentions where mention.range.lowerBound >= cursor {
            let between = gap(cursor, mention.range.lowerBound)
            if mention.type == type, result.isEmpty ? between.isEmpty || between == "了" : SentenceView.listSeparators.contains(between) {
                result.append(mention)
                cursor = mention.range.upperBound
            } else {
                break
            }
        }
        return result
    }

    static let listSeparators: Set<String> = ["、", "和", "与", "及", "以及", ",", "、以及"]

    /// How far the agent of a verb may stand before it, in characters.
    static let maximumAgentReach = 30

    /// The named agent of a verb at `position` (a person unless `types` says otherwise): the nearest full
    /// name before it within reach, not
    /// separated from it by a clause break, an accompanying verb or a future or modal word. Across a comma
    /// only the sentence's first name (its subject) is taken. The host of an invitation (`应X的邀请`) is passed over.
    func agent(before position: Int, types: Set<MentionType> = [.person], irrealis: WordSet, titles: WordSet) -> Mention? {
        let sentence = self
        let s = text.scalars
        let persons = mentions.filter { types.contains($0.type) }
        for person in persons.reversed() where person.range.upperBound <= position {
            guard position - person.range.upperBound <= Self.maximumAgentReach else { return nil }
            var gap = sentence.gap(person.range.upperBound, position)
            let before = sentence.gap(max(sentence.range.lowerBound, person.range.lowerBound - 6), person.range.lowerBound)
            if before.contains("应"), gap.contains("邀请") { continue }
            // 是应克林顿总统的邀请,于…前往美国: the invitation is no part of the visitor's clause.
            if let invited = gap.range(of: "应"), let invitation = gap.range(of: "邀请", range: invited.upperBound..<gap.endIndex) {
                gap.removeSubrange(invited.lowerBound..<invitation.upperBound)
            }
            // 江主席访问…: the visitor is named by a surname alone, so nobody the graph can hold.
            guard person.range.count >= 2 || person.type != .person else { return nil }
            if gap.unicodeScalars.contains(where: { "。！？；：!?;:（）()".unicodeScalars.contains($0) }) || gap.contains("陪同") { return nil }
            // 希拉克的正式任命: a person before 的 owns a noun; the clause's agent is someone else.
            if gap.hasPrefix("的") { return nil }
            if gap.contains("，") || gap.contains(","), person != persons.first { return nil }
            let g = Array(gap.unicodeScalars)
            if g.indices.contains(where: { g.longestWord(startingAt: $0, in: irrealis, maxLength: 2) != nil }) { return nil }
            // A title inside the gap, other than the visitor's own, names someone else (对X总统访华表示欢迎).
            let ownTitle = g.longestWord(startingAt: 0, in: titles, maxLength: 5) ?? 0
            if (ownTitle..<g.count).contains(where: { g.longestWord(startingAt: $0, in: titles, maxLength: 5) != nil }) { return nil }
            // 将派遣…萨默斯前往日本: a visit someone else sends the visitor on has not happened yet.
            var k = person.range.lowerBound
            while k > max(sentence.range.lowerBound, person.range.lowerBound - 8), !CharacterClass.isPunctuation(s[k - 1]) { k -= 1 }
            let lead = Array(s[k..<person.range.lowerBound])
            if lead.indices.contains(where: { lead.longestWord(startingAt: $0, in: irrealis, maxLength: 2) != nil }) { return nil }
            return person
        }
        return nil
    }
}

/// A word of the best segmentation, with its part of speech (jieba's tags; "" for a character the
/// dictionary does not know).
struct Token {
    var range: Range<Int>
    var tag: String

    /// Nouns, names, nominal verbs and abbreviations: what a noun phrase can end in.
    var isNominal: Bool { tag.hasPrefix("n") || tag == "vn" || tag == "an" || tag == "j" }

    /// Words that end a noun phrase read outward from a figure: verbs, adverbs, prepositions, conjunctions,
    /// particles, localizers, pronouns and time words.
    var isPhraseBreak: Bool {
        guard let first = tag.unicodeScalars.first else { return false }
        return ["v", "d", "p", "c", "u", "f", "r", "t", "y", "e", "o", "m", "q"].contains(first) && tag != "vn"
    }
}

extension SentenceView {
    /// The best-path token that starts at `position`.
    func token(startingAt position: Int, analysis: LexicalAnalysis) -> Token? {
        guard position < range.upperBound, let end = analysis.tokenEnd(at: position) else { return nil }
        return Token(range: position..<end, tag: Self.tag(of: position..<end, analysis: analysis))
    }

    /// The best-path token that ends at `position`, if a token ends there.
    func token(endingAt position: Int, analysis: LexicalAnalysis) -> Token? {
        guard position > range.lowerBound, analysis.isBoundary(position) else { return nil }
        let start = analysis.tokenStart(containing: position - 1)
        return Token(range: start..<position, tag: Self.tag(of: start..<position, analysis: analysis))
    }

    /// The dictionary tag of a word; names and classes the lexicon adds without a tag (基层党组织) are nouns.
    private static func tag(of range: Range<Int>, analysis: LexicalAnalysis) -> String {
        guard let word = analysis.word(spanning: range) else { return "" }
        let tag = analysis.automaton.tag(word)
        if tag.isEmpty, !analysis.automaton.kinds(word).isDisjoint(with: [.place, .organization, .person, .concept, .notName]) { return "n" }
        return tag
    }

    /// Whether the mention is written with digits (`２６个`, `1.5万`) rather than numeral characters (`两种`).
    func isWrittenInDigits(_ mention: Mention) -> Bool {
        text.scalars[mention.range].contains { ("0"..."9").contains($0) || ("０"..."９").contains($0) }
    }
}

extension SentenceView {
    /// Characters that end the phrase a verb governs.
    static let clauseEnders: Set<Unicode.Scalar> = ["，", ",", "。", "；", ";", "：", ":", "！", "？", "!", "?"]

    /// The named mentions of `types` that a verb ending at `position` governs: the first within `reach`
    /// characters (titles, organizations and modifiers may stand before it: `会见了来访的芬兰农林部长X`),
    /// and those joined to it by 、, 和, 与 or 及 (`X和国家杜马主席Y`), all in the verb's clause.
    func namedObjects(after position: Int, types: Set<MentionType>, reach: Int = 16) -> [Mention] {
        var result: [Mention] = []
        var cursor = position
        for mention in mentions where mention.range.lowerBound >= cursor && types.contains(mention.type) {
            let between = gap(cursor, mention.range.lowerBound)
            guard between.count <= reach, !between.unicodeScalars.contains(where: Self.clauseEnders.contains) else { break }
            if !result.isEmpty {
                guard let first = between.unicodeScalars.first, "、和与及".unicodeScalars.contains(first) else { break }
            }
            // A surname alone (江主席) names nobody the graph can hold.
            if mention.type == .person, mention.range.count < 2 { break }
            result.append(mention)
            cursor = mention.range.upperBound
        }
        return result
    }

    /// The title ending at `end` and starting no earlier than `lower`, extended over its rank words
    /// (`常务副校长`); the organization before it is not part of it.
    func title(endingAt end: Int, from lower: Int, titles: WordSet, ranks: WordSet) -> Range<Int>? {
        let s = text.scalars
        guard var start = s.longestWord(endingAt: end, in: titles, maxLength: 5), start >= lower else { return nil }
        while let rank = s.longestWord(endingAt: start, in: ranks, maxLength: 3), rank >= lower { start = rank }
        return start..<end
    }

    /// Words that close a phrase by placing it in time (`视察人民日报社时`, `当选主席后`).
    static let timeFollowers: WordSet = ["时", "后", "前", "期间", "以后", "之后", "之际", "以来"]

    /// Whether a future, modal or negating word ends right before `position` (`将会见`, `没有签署`).
    func isIrrealis(before position: Int, irrealis: WordSet) -> Bool {
        let s = text.scalars
        return (1...3).contains { n in
            position - n >= range.lowerBound && irrealis.contains(s.text((position - n)..<position))
        } || (position - 2 >= range.lowerBound && irrealis.contains(s.text((position - 2)..<(position - 1))))
    }
}
