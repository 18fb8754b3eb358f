import KGModel

/// Persons who meet: `温家宝会见了来访的芬兰农林部长X` (the host meets each named guest) and
/// `A和B举行会晤` / `A同B会谈` (A meets B). Triggers are lexicon data (`trigger met`, `trigger metTogether`
/// in people.tsv).
struct MetRule: RelationRule {
    let id = "relation.met"
    let summary = "Persons who meet (会见, 会晤, 接见; A同B举行会谈)"
    var examples: [RuleExample] {
        [
            .positive("国务院副总理王建国今天在京会见了来访的新加坡外交部长黄志明。", "王建国 -met-> 黄志明"),
            .positive("李明华会见了外交部长王建国和财政部长张志强。", "李明华 -met-> 王建国", "李明华 -met-> 张志强"),
            .positive("王建国总统同李明华总理举行了会谈。", "王建国 -met-> 李明华"),
            .positive("国家主席王建国同芬兰共和国总统尼尼斯托举行了会谈。", "王建国 -met-> 尼尼斯托"),
            .negative("王建国将于下周会见李明华。"),
            .negative("王建国出席了会见李明华的仪式后离开。", forbidding: "王建国 -met-> 李明华"),
            .negative("江主席会见了李明华。"),
        ]
    }

    func relations(in sentence: SentenceView, context: RuleContext) -> [RelationCandidate] {
        let lexicon = context.lexicon
        let irrealis = lexicon.triggerWords("irrealis")
        let s = sentence.text.scalars
        var result: [RelationCandidate] = []
        func add(_ subject: Mention, _ object: Mention, at position: Int) {
            guard subject != object else { return }
            var attributes: [String: String] = [:]
            if let date = sentence.relationDate(near: position, context: context) { attributes[AttributeKey.date] = date }
            result.append(RelationCandidate(predicate: Predicate.met, subject: sentence.endpoint(subject, type: .person),
                                            object: sentence.endpoint(object, type: .person), attributes: attributes,
                                            evidence: sentence.range, rule: id))
        }
        // HOST … 会见(了) … GUEST(、GUEST).
        for verb in sentence.occurrences(of: lexicon.triggerWords(Predicate.met)) {
            guard !sentence.isIrrealis(before: verb.lowerBound, irrealis: irrealis),
                  !(verb.upperBound < s.count && s[verb.upperBound] == "的"),
                  let host = sentence.agent(before: verb.lowerBound, irrealis: irrealis, titles: lexicon.titleWords)
            else { continue }
            let guests = sentence.namedObjects(after: verb.upperBound, types: [.person])
            // 会见李明华的仪式: the meeting modifies a noun; it is not stated to have happened.
            if let last = guests.last, last.range.upperBound < s.count, s[last.range.upperBound] == "的" { continue }
            for guest in guests { add(host, guest, at: verb.lowerBound) }
        }
        // A 同/与/和 B (举行)(了)(首次)会晤.
        for verb in sentence.occurrences(of: lexicon.triggerWords("metTogether")) {
            let persons = sentence.mentions(of: .person).filter { $0.range.upperBound <= verb.lowerBound }
            guard persons.count >= 2, !sentence.isIrrealis(before: verb.lowerBound, irrealis: irrealis) else { continue }
            let b = persons[persons.count - 1], a = persons[persons.count - 2]
            let link = sentence.gap(a.range.upperBound, b.range.lowerBound)
            let tail = sentence.gap(b.range.upperBound, verb.lowerBound)
            // The joiner ends the link (A总统同B), or starts it before B's title (A同波兰总统B).
            let joiner = Self.joiners.first(where: { link.hasSuffix($0) })
                ?? Self.joiners.first(where: { j in link.hasPrefix(j) && link.count - j.count <= Self.maximumTitledLink
                    && Array(link.unicodeScalars).longestWord(endingAt: link.unicodeScalars.count, in: lexicon.titleWords, maxLength: 5) != nil })
            guard a.range.count >= 2, b.range.count >= 2, let joiner,
                  link.count - joiner.count <= (link.hasSuffix(joiner) ? 4 : Self.maximumTitledLink), tail.count <= 8,
                  !(link + tail).unicodeScalars.contains(where: SentenceView.clauseEnders.contains),
                  tail.isEmpty || tail.hasPrefix("举行") || lexicon.titleWords.contains(tail) || tail.hasSuffix("举行") || tail.hasSuffix("举行了")
                      || tail.hasSuffix("举行首次") || tail.hasSuffix("举行了首次")
            else { continue }
            add(a, b, at: verb.lowerBound)
        }
        return result
    }

    static let joiners = ["同", "与", "和", "跟"]
    /// How long the country and title before the second person may be (同波兰共和国总统).
    static let maximumTitledLink = 12
}
