import KGModel

/// `习近平总书记`, `国务院总理李强`: a person holds the title written right before or after the name,
/// without the organization before it (`江苏省委书记` → `书记`) and with its rank (`常务副校长`).
/// Titles joined by `、` or `兼` before one name all belong to it (`中宣部副部长、文化部部长刘忠德`),
/// and a title before a list of names belongs to each (`副校长刘胜玉、刘海藩`). Former titles (`前总理`),
/// surname-only references (`江主席`) and honorifics give nothing. Rank and former-title words are lexicon
/// data (`trigger titleRank`, `trigger formerTitle` in people.tsv).
struct HoldsTitleRule: RelationRule {
    let id = "relation.holdsTitle"
    let summary = "Titles written next to a person's name, with their rank, shared by lists and chains"
    /// How far back the organization of a chained title may reach (`中央社会治安综合治理委员会主任`).
    static let maximumOrganizationLength = 18
    var examples: [RuleExample] {
        [
            .positive("习近平总书记强调,要抓好基层党建。", "习近平 -holdsTitle-> 总书记"),
            .positive("王建国部长主持会议。", "王建国 -holdsTitle-> 部长"),
            .positive("国务院总理李强主持会议。", "李强 -holdsTitle-> 总理"),
            .positive("大学常务副校长王建国、副校长李明华、张志强出席。",
                      "王建国 -holdsTitle-> 常务副校长", "李明华 -holdsTitle-> 副校长", "张志强 -holdsTitle-> 副校长"),
            .positive("省委常委、市委书记王建国和副市长李明华出席。",
                      "王建国 -holdsTitle-> 常委", "王建国 -holdsTitle-> 书记", "李明华 -holdsTitle-> 副市长"),
            .positive("国务院副总理兼外交部长王建国会见了客人。", "王建国 -holdsTitle-> 副总理", "王建国 -holdsTitle-> 外交部长"),
            .negative("习近平在会上强调。"),
            .negative("王建国主席李明华总统致贺辞。", forbidding: "李明华 -holdsTitle-> 主席"),
            .negative("江主席和王部长出席了会议。"),
            .negative("该国前总理王建国访华。"),
            .negative("市长王建国、秘书李明华出席。", forbidding: "李明华 -holdsTitle-> 市长"),
        ]
    }

    func relations(in sentence: SentenceView, context: RuleContext) -> [RelationCandidate] {
        let titles = context.lexicon.titleWords
        let ranks = context.lexicon.triggerWords("titleRank")
        let former = context.lexicon.triggerWords("formerTitle")
        let s = sentence.text.scalars
        let persons = sentence.mentions(of: .person)

        /// The title ending at `end`, extended over its rank words, unless it is a former title.
        func title(endingAt end: Int) -> Range<Int>? {
            guard let found = sentence.title(endingAt: end, from: sentence.range.lowerBound, titles: titles, ranks: ranks),
                  s.longestWord(endingAt: found.lowerBound, in: former, maxLength: 2) == nil
            else { return nil }
            return found
        }
        func title(startingAt start: Int) -> Range<Int>? {
            var end = start
            while let rank = s.longestWord(startingAt: end, in: ranks, maxLength: 3), rank < sentence.range.upperBound { end = rank }
            guard let titleEnd = s.longestWord(startingAt: end, in: titles, maxLength: 5), titleEnd <= sentence.range.upperBound else { return nil }
            return start..<titleEnd
        }
        func isSeparator(_ c: Unicode.Scalar) -> Bool { c == "、" || c == "兼" }

        var held: [(person: Mention, title: Range<Int>)] = []
        var sharedTitles: [Range<Int>] = []
        for (index, person) in persons.enumerated() {
            // 江主席: a family name alone names nobody the graph can hold.
            guard person.range.count >= 2 else { sharedTitles = []; continue }
            var found: [Range<Int>] = []
            // 江泽民主席叶利钦总统: a title right after another name is that name's.
            if let first = title(endingAt: person.range.lowerBound),
               !persons.contains(where: { $0.range.upperBound == first.lowerBound && $0.range.count >= 2 })
            {
                found.append(first)
                // Chained titles: [organization] title 、/兼 [organization] title NAME.
                var cursor = first.lowerBound
                while true {
                    var k = cursor
                    while k > sentence.range.lowerBound, cursor - k < Self.maximumOrganizationLength, !isSeparator(s[k - 1]),
                          !CharacterClass.isPunctuation(s[k - 1]) { k -= 1 }
                    guard k > sentence.range.lowerBound, isSeparator(s[k - 1]), let next = title(endingAt: k - 1),
                          !persons.contains(where: { $0.range.overlaps(next.lowerBound..<cursor) || $0.range.upperBound == next.lowerBound })
                    else { break }
                    found.append(next)
                    cursor = next.lowerBound
                }
                sharedTitles = found
            } else if index > 0, sentence.gap(persons[index - 1].range.upperBound, person.range.lowerBound) == "、" {
                // 副校长刘胜玉、刘海藩: each name of the list holds the title before the first.
                found = sharedTitles
            } else {
                sharedTitles = []
            }
            // A title right after the name (王建国部长), unless it introduces the next name (市长王明副市长李华).
            if let after = title(startingAt: person.range.upperBound),
               !persons.contains(where: { $0.range.lowerBound == after.upperBound })
            {
                found.append(after)
            }
            held += found.map { (person, $0) }
        }
        return held.map { person, range in
            RelationCandidate(predicate: Predicate.holdsTitle, subject: sentence.endpoint(person, type: .person),
                              object: RelationEndpoint(type: .concept, name: s.text(range), range: range),
                              evidence: sentence.range, rule: id)
        }
    }
}
