import KGModel

/// Messages of congratulation, condolence or business: `X致电Y`, `X致函Y总理` (the sender before the
/// verb, each named recipient after it). Triggers are lexicon data (`trigger sentMessage` in people.tsv).
struct SentMessageRule: RelationRule {
    let id = "relation.sentMessage"
    let summary = "Persons or organizations that send a message to another (致电, 致函, 致贺电)"
    var examples: [RuleExample] {
        [
            .positive("加勒比共同体秘书长王建国日前致电李明华主席,表示祝贺。", "王建国 -sentMessage-> 李明华"),
            .positive("中国足协致电北京国安俱乐部和上海申花俱乐部,要求说明情况。",
                      "中国足协 -sentMessage-> 北京国安俱乐部", "中国足协 -sentMessage-> 上海申花俱乐部"),
            .positive("王建国致函国际奥委会主席李明华。", "王建国 -sentMessage-> 李明华"),
            .negative("王建国表示将致电李明华。"),
            .negative("李明华宣读了贺电。"),
            .positive("加勒比共同体秘书长王建国给中共中央发来唁电。", "王建国 -sentMessage-> 党中央"),
            .negative("给李明华发来唁电的还有很多人。"),
        ]
    }

    func relations(in sentence: SentenceView, context: RuleContext) -> [RelationCandidate] {
        let lexicon = context.lexicon
        let irrealis = lexicon.triggerWords("irrealis")
        let s = sentence.text.scalars
        var result: [RelationCandidate] = []
        let parties: Set<MentionType> = [.person, .organization]
        func add(_ sender: Mention, _ recipient: Mention, at verb: Range<Int>) {
            var attributes: [String: String] = [:]
            if let date = sentence.relationDate(near: verb.lowerBound, context: context) { attributes[AttributeKey.date] = date }
            result.append(RelationCandidate(
                predicate: Predicate.sentMessage,
                subject: sentence.endpoint(sender, type: sender.type == .person ? .person : .organization),
                object: sentence.endpoint(recipient, type: recipient.type == .person ? .person : .organization),
                attributes: attributes, evidence: sentence.range, rule: id))
        }
        for verb in sentence.occurrences(of: lexicon.triggerWords(Predicate.sentMessage)) {
            guard !sentence.isIrrealis(before: verb.lowerBound, irrealis: irrealis),
                  let sender = sentence.agent(before: verb.lowerBound, types: parties, irrealis: irrealis, titles: lexicon.titleWords)
            else { continue }
            var recipients = sentence.namedObjects(after: verb.upperBound, types: parties, reach: 2)
            // 致函联合国秘书长X: a title (and its organization) may stand before a person.
            if recipients.isEmpty, let person = sentence.namedObjects(after: verb.upperBound, types: [.person], reach: 12).first,
               s.longestWord(endingAt: person.range.lowerBound, in: lexicon.titleWords, maxLength: 5) != nil
            {
                recipients = [person]
            }
            for named in recipients where named != sender {
                // 致电国际奥委会主席X: the recipient is the person the organization's title introduces.
                var recipient = named
                if named.type == .organization,
                   let person = sentence.mentions.first(where: { $0.type == .person && $0.range.lowerBound >= named.range.upperBound }),
                   lexicon.titleWords.contains(sentence.gap(named.range.upperBound, person.range.lowerBound))
                {
                    recipient = person
                }
                add(sender, recipient, at: verb)
            }
        }
        // SENDER 给 RECIPIENT (TITLE) 发来唁电.
        for verb in sentence.occurrences(of: lexicon.triggerWords("sentMessageTo")) {
            guard !sentence.isIrrealis(before: verb.lowerBound, irrealis: irrealis),
                let recipient = sentence.mentions.last(where: { parties.contains($0.type) && $0.range.upperBound <= verb.lowerBound }),
                recipient.range.lowerBound > sentence.range.lowerBound, s[recipient.range.lowerBound - 1] == "给",
                case let gap = sentence.gap(recipient.range.upperBound, verb.lowerBound),
                gap.isEmpty || lexicon.titleWords.contains(gap),
                let sender = sentence.agent(before: recipient.range.lowerBound - 1, types: parties, irrealis: irrealis, titles: lexicon.titleWords),
                sender != recipient
            else { continue }
            add(sender, recipient, at: verb)
        }
        return result
    }
}
