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
        return result
    }

    /// `医院章程和议事决策规则`: two kinds of rules joined by 和 are a topic, not one title.
    private func isCoordinationOfGenericTypes(_ title: String, types: Set<String>) -> Bool {
        guard let and = title.range(of: "和", options: .backwards) else { return false }
        let left = title[..<and.lowerBound]
        return types.contains { left.hasSuffix($0) }
    }
}
