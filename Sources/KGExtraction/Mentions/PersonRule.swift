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
            .negative("党委书记担任主任。"),
            .negative("村党支部书记带头干。"),
        ]
    }

    func mentions(in text: PreparedText, context: RuleContext) -> [Mention] {
        let s = text.scalars
        let lexicon = context.lexicon
        let titles = lexicon.triggerWords("holdsTitle")
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
        return result
    }

    /// A name may follow punctuation, or a word that ends a clause part (`,`, `由`, `同`).
    private func isBoundaryBefore(_ s: [Unicode.Scalar], _ i: Int, lexicon: Lexicon) -> Bool {
        s.longestWord(endingAt: i, in: lexicon.triggerWords("personBoundary"), maxLength: 2) != nil
    }
}
