import KGModel

/// A name in Latin letters in parentheses right after a person's or an organization's name: the name in
/// its own language or its abbreviation (`沃尔贝克(Gertjan Verbeek)`, `世界卫生组织(WHO)`). It names the
/// same entity, so the mention carries that entity's name and the Latin form becomes an alias. The order
/// may be the other way round (`Sky(李晓峰)`: a player's handle, then the name). A note may follow the
/// Latin name after a comma (`(Steve Niles，作品《恶夜30》)`).
///
/// Only letters, spaces, dots, hyphens and apostrophes may make the Latin name: a year (`(1928-2008)`)
/// or a note in Chinese is not an original name.
struct OriginalNameRule: ApposedMentionRule {
    let id = "name.original"
    let summary = "The Latin-letter name in parentheses after a person or an organization: the same entity"

    static let heads: Set<MentionType> = [.person, .organization]
    static let maximumLength = 60

    var examples: [RuleExample] {
        [
            .positive("主教练沃尔贝克(Gertjan Verbeek)表示球队已经尽力。", "Gertjan Verbeek = 沃尔贝克"),
            .positive("世界卫生组织（WHO）今天发布了报告。", "WHO = 世界卫生组织"),
            .positive("作家马克·吐温（mark twain）的小说再版。", "mark twain = 马克·吐温"),
            .positive("编剧史蒂夫·奈尔斯（Steve Niles，代表作《暗夜》）加盟剧组。", "Steve Niles = 史蒂夫·奈尔斯"),
            .positive("解说嘉宾Sky（李晓峰）今晚到场。", "Sky = 李晓峰"),
            .negative("画家齐白石（1864-1957）的作品展出。"),
            .negative("代表团（B组）抵达北京。"),
            .negative("他买了一部手机（iPhone 15）。"),
        ]
    }

    func mentions(in text: PreparedText, resolved: [Mention], context: RuleContext) -> [Mention] {
        let s = text.scalars
        var result: [Mention] = []
        for head in resolved where Self.heads.contains(head.type) && head.container == nil {
            let open = head.range.upperBound
            guard open < s.count, s[open] == "(" else { continue }
            var end = open + 1
            var letters = 0
            while end < s.count, end - open <= Self.maximumLength, Self.belongsToName(s[end]) {
                if CharacterClass.isASCIILetter(s[end]) { letters += 1 }
                end += 1
            }
            guard end < s.count, s[end] == ")" || s[end] == ",", letters >= 2 else { continue }
            var range = (open + 1)..<end
            while let first = range.first, s[first] == " " { range = (first + 1)..<range.upperBound }
            while let last = range.last, s[last] == " " { range = range.lowerBound..<last }
            guard let first = range.first, CharacterClass.isASCIILetter(s[first]) else { continue }
            result.append(Mention(type: head.type, range: range, value: head.value ?? text.surface(head.nameRange),
                                  attributes: [:], rule: id))
        }
        // The other order: the Latin name, then the entity's name alone in parentheses.
        for head in resolved where Self.heads.contains(head.type) && head.container == nil {
            let open = head.range.lowerBound - 1
            guard open > 0, s[open] == "(", head.range.upperBound < s.count, s[head.range.upperBound] == ")" else { continue }
            var start = open
            while start > 0, open - start < Self.maximumLength, Self.belongsToHandle(s[start - 1]) { start -= 1 }
            let range = start..<open
            guard let first = range.first, CharacterClass.isASCIILetter(s[first]),
                range.filter({ CharacterClass.isASCIILetter(s[$0]) }).count >= 2
            else { continue }
            result.append(Mention(type: head.type, range: range, value: head.value ?? text.surface(head.nameRange),
                                  attributes: [:], rule: id))
        }
        return result
    }

    /// A handle before the name: letters, digits and dots (`Panda.Lyn`), no spaces (they would reach
    /// back into the sentence).
    private static func belongsToHandle(_ c: Unicode.Scalar) -> Bool {
        CharacterClass.isASCIIAlphanumeric(c) || c == "." || c == "_"
    }

    private static func belongsToName(_ c: Unicode.Scalar) -> Bool {
        CharacterClass.isASCIILetter(c) || c == " " || c == "." || c == "-" || c == "'" || c == "·"
    }
}
