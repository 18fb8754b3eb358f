import KGModel

/// Persons named before a title: a family name and one or two characters (`张三丰书记`, `习近平总书记`).
/// The title is recorded on the mention; ``HoldsTitleRule`` turns it into a relation.
struct PersonRule: MentionRule {
    let id = "person.titled"
    let summary = "Persons written as family name + given name before a title (总书记, 主席, 部长, …)"
    var examples: [RuleExample] {
        [
            .positive("王建国部长主持会议。", "王建国"),
            .positive("会上,刘芳同志作了发言。", "刘芳"),
            .positive("省委书记陈晓东主持召开会议。", "陈晓东"),
            .positive("总理王刚在会上讲话。", "王刚"),
            .negative("党委书记担任主任。"),
            .negative("支部书记带领群众致富。"),
            .negative("总书记强调:要抓好落实。"),
            .negative("村党支部书记带头干。"),
        ]
    }

    func mentions(in text: PreparedText, context: RuleContext) -> [Mention] {
        let s = text.scalars
        let lexicon = context.lexicon
        let titles = lexicon.personMarkers
        let nonName = lexicon.stops(.person)
        var result: [Mention] = []
        for i in s.indices where lexicon.surnames.contains(s[i]) {
            guard i == 0 || !CharacterClass.isHan(s[i - 1]) || isBoundaryBefore(s, i, lexicon: lexicon) else { continue }
            for length in [3, 2] {
                let end = i + length
                guard end < s.count, s.isAllHan(i..<end), let titleEnd = s.longestWord(startingAt: end, in: titles, maxLength: 4) else { continue }
                let name = s.text(i..<end)
                if name.unicodeScalars.contains(where: { nonName.contains(String($0)) }) { continue }
                if lexicon.entries[name].map({ $0.type != .person }) ?? false { continue }
                result.append(Mention(type: .person, range: i..<end, value: name,
                                      attributes: [AttributeKey.title: s.text(end..<titleEnd)], rule: id))
                break
            }
        }
        // Title before the name: 省委书记倪岳峰主持…, 总理李强在…; the word after the name fixes its length.
        let follows = lexicon.triggerWords("personFollow")
        var i = 0
        while i < s.count {
            guard let titleEnd = s.longestWord(startingAt: i, in: titles, maxLength: 4) else { i += 1; continue }
            // 总书记强调: a verb after the title, not a name.
            for length in [3, 2] where s.longestWord(startingAt: titleEnd, in: follows, maxLength: 3) == nil {
                let end = titleEnd + length
                guard end <= s.count, lexicon.surnames.contains(s[titleEnd]), s.isAllHan(titleEnd..<end),
                    end == s.count || !CharacterClass.isHan(s[end]) || s.longestWord(startingAt: end, in: follows, maxLength: 3) != nil
                else { continue }
                let name = s.text(titleEnd..<end)
                if name.unicodeScalars.contains(where: { nonName.contains(String($0)) }) || titles.contains(String(name.dropFirst())) { continue }
                if lexicon.entries[name].map({ $0.type != .person }) ?? false { continue }
                result.append(Mention(type: .person, range: titleEnd..<end, value: name,
                                      attributes: [AttributeKey.title: s.text(i..<titleEnd)], rule: id))
                break
            }
            i = titleEnd
        }
        return result
    }

    /// A name may follow punctuation, or a word that ends a clause part (`,`, `由`, `同`).
    private func isBoundaryBefore(_ s: [Unicode.Scalar], _ i: Int, lexicon: Lexicon) -> Bool {
        s.longestWord(endingAt: i, in: lexicon.triggerWords("personBoundary"), maxLength: 2) != nil
    }
}
