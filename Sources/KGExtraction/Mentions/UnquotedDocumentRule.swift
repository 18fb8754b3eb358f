import Foundation
import KGModel

/// Document titles without 《》 after a verb such as 印发 or 制定, up to the clause's end, when they end
/// in a document type: `印发深化城市基层党建引领基层治理的若干措施`.
struct UnquotedDocumentRule: MentionRule {
    let id = "document.unquoted"
    let summary = "Unquoted document titles after 印发/出台/制定/落实…, ending in a document type"
    static let minimumLength = 6
    static let maximumLength = 40
    var examples: [RuleExample] {
        [
            .positive("三部门联合印发加快推进数字乡村建设的若干措施。", "加快推进数字乡村建设的若干措施"),
            .positive("认真贯彻落实国有企业基层党组织工作条例,健全制度。", "国有企业基层党组织工作条例"),
            .negative("出台加强互联网企业党建和律师行业党建等政策措施。"),
            .negative("落实社区事务准入制度。"),
            .positive("两国外长签署了中美和平利用核能合作协定。", "中美和平利用核能合作协定"),
            .negative("他与公司签订了劳动合同。"),
            .negative("双方签署了合作协议和备忘录。"),
            .negative("修订完善医院章程和议事决策规则。"),
        ]
    }

    func mentions(in text: PreparedText, context: RuleContext) -> [Mention] {
        let s = text.scalars
        let lexicon = context.lexicon
        let verbs = lexicon.triggerWords("documentVerb")
        let types = lexicon.documentTypes.filter { $0.unicodeScalars.count >= 2 }
        var result: [Mention] = []
        var i = 0
        while i < s.count {
            guard let start = s.longestWord(startingAt: i, in: verbs, maxLength: 4) else { i += 1; continue }
            var end = start
            var quoteDepth = 0
            while end < s.count, end - start <= Self.maximumLength {
                let c = s[end]
                if c == "“" { quoteDepth += 1 } else if c == "”" { quoteDepth -= 1 } else if !(CharacterClass.isHan(c) || CharacterClass.isASCIIDigit(c) || CharacterClass.isASCIILetter(c)) { break }
                end += 1
            }
            let title = s.text(start..<end)
            if quoteDepth == 0, end - start >= Self.minimumLength, end - start <= Self.maximumLength,
                let type = types.filter({ title.hasSuffix($0) }).max(by: { $0.count < $1.count }),
                !title.contains("等"), s.longestWord(startingAt: start, in: verbs, maxLength: 4) == nil,
                !isCoordinationOfGenericTypes(title, types: types)
            {
                result.append(Mention(type: .document, range: start..<end, value: title,
                                      attributes: [AttributeKey.documentType: type, "quoted": "false"], rule: id))
                i = end
                continue
            }
            i = start
        }
        return result + agreements(in: s, lexicon: lexicon)
    }

    /// Agreements named without 《》 after a verb of signing: the name starts with its parties (中美, 中俄哈吉塔,
    /// 五国, a place) or with 关于, and ends in an agreement's type (签署了中美和平利用核技术合作协定).
    private func agreements(in s: [Unicode.Scalar], lexicon: Lexicon) -> [Mention] {
        let verbs = lexicon.triggerWords("agreementVerb")
        let types = lexicon.triggerWords("agreementType")
        var result: [Mention] = []
        var i = 0
        while i < s.count {
            guard let start = s.longestWord(startingAt: i, in: verbs, maxLength: 3) else { i += 1; continue }
            var end = start
            while end < s.count, end - start <= Self.maximumLength, CharacterClass.isHan(s[end]) || CharacterClass.isASCIIAlphanumeric(s[end]) { end += 1 }
            // The longest prefix that ends in a type: the name may run on into the clause (协定，这是…).
            var stop = end
            var typeStart: Int?
            while stop - start >= Self.minimumLength {
                typeStart = s.longestWord(endingAt: stop, in: types, maxLength: 4)
                if typeStart != nil { break }
                stop -= 1
            }
            if let typeStart, stop - start <= Self.maximumLength, startsWithParties(start, s: s, lexicon: lexicon) {
                result.append(Mention(type: .document, range: start..<stop, value: s.text(start..<stop),
                                      attributes: [AttributeKey.documentType: s.text(typeStart..<stop), "quoted": "false"], rule: id))
                i = stop
                continue
            }
            i = start
        }
        return result
    }

    private func startsWithParties(_ start: Int, s: [Unicode.Scalar], lexicon: Lexicon) -> Bool {
        if s.text(start..<min(s.count, start + 2)) == "关于" { return true }
        if start + 1 < s.count, lexicon.runAbbreviations.contains(s[start]), lexicon.runAbbreviations.contains(s[start + 1]) { return true }
        if start + 1 < s.count, Self.countWords.contains(s[start]), s[start + 1] == "国" { return true }
        return lexicon.longestEntry(in: s, at: start, type: .place) != nil
    }

    static let countWords: Set<Unicode.Scalar> = ["两", "三", "四", "五", "六", "七", "八", "九", "十", "多", "各"]

    /// `医院章程和议事决策规则`: two kinds of rules joined by 和 are a topic, not one title.
    private func isCoordinationOfGenericTypes(_ title: String, types: Set<String>) -> Bool {
        guard let and = title.range(of: "和", options: .backwards) else { return false }
        let left = title[..<and.lowerBound]
        return types.contains { left.hasSuffix($0) }
    }
}
