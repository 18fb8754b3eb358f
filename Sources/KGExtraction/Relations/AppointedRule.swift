import KGModel

/// Appointments and elections: `X当选国际足联主席`, `任命X为首席法官`, `X被任命为部长`, `X出任行长`.
/// The object is the title without its organization (as for ``HoldsTitleRule``), and the organization,
/// when the sentence names it, is the relation's `organization` attribute. Triggers are lexicon data
/// (`trigger appointed` for verbs after the person, `trigger appoints` for verbs before the person).
struct AppointedRule: RelationRule {
    let id = "relation.appointed"
    let summary = "Persons appointed or elected to a title (当选, 出任, 任命…为), with the organization when stated"
    /// How far after the verb the title may end.
    static let maximumTitleReach = 20
    var examples: [RuleExample] {
        [
            .positive("在这次大会上,王建国当选中国作家协会主席。", "王建国 -appointed-> 主席"),
            .positive("会议一致同意任命李明华为省高级人民法院院长。", "李明华 -appointed-> 院长"),
            .positive("1991年,张志强出任省政府副秘书长。", "张志强 -appointed-> 副秘书长 @1991"),
            .negative("王建国有望当选主席。"),
            .negative("李明华将出任部长。"),
            .negative("王建国当选后发表讲话。"),
        ]
    }

    func relations(in sentence: SentenceView, context: RuleContext) -> [RelationCandidate] {
        let lexicon = context.lexicon
        let irrealis = lexicon.triggerWords("irrealis")
        let ranks = lexicon.triggerWords("titleRank")
        let titles = lexicon.titleWords
        let s = sentence.text.scalars
        var result: [RelationCandidate] = []

        /// The title that ends the phrase after `start`: the last title before punctuation, a verb-free
        /// end of the clause, with its rank words; the organization mention inside the phrase, if any.
        func title(after start: Int) -> (title: Range<Int>, organization: Mention?)? {
            var end = start
            let limit = min(sentence.range.upperBound, start + Self.maximumTitleReach)
            while end < limit, CharacterClass.isHan(s[end]) || CharacterClass.isASCIIAlphanumeric(s[end]) { end += 1 }
            // The phrase may go on with a time word (当选主席后).
            var phraseEnd = end
            if let follower = s.longestWord(endingAt: end, in: SentenceView.timeFollowers, maxLength: 2), follower > start { phraseEnd = follower }
            guard let found = sentence.title(endingAt: phraseEnd, from: start, titles: titles, ranks: ranks) else { return nil }
            let organization = sentence.mentions.last { $0.type == .organization && $0.range.lowerBound >= start && $0.range.upperBound <= found.lowerBound }
            return (found, organization)
        }
        func add(_ person: Mention, _ found: (title: Range<Int>, organization: Mention?), at position: Int) {
            var attributes: [String: String] = [:]
            if let date = sentence.relationDate(near: position, context: context) { attributes[AttributeKey.date] = date }
            if let organization = found.organization { attributes["organization"] = organization.value ?? s.text(organization.range) }
            result.append(RelationCandidate(predicate: Predicate.appointed, subject: sentence.endpoint(person, type: .person),
                                            object: RelationEndpoint(type: .concept, name: s.text(found.title), range: found.title),
                                            attributes: attributes, evidence: sentence.range, rule: id))
        }

        // PERSON (再次)当选/出任/被任命为 (ORG) TITLE.
        for verb in sentence.occurrences(of: lexicon.triggerWords(Predicate.appointed)) {
            guard !sentence.isIrrealis(before: verb.lowerBound, irrealis: irrealis),
                  let person = sentence.agent(before: verb.lowerBound, irrealis: irrealis, titles: titles),
                  let found = title(after: verb.upperBound)
            else { continue }
            add(person, found, at: verb.lowerBound)
        }
        // 任命/选举 PERSON 为 (ORG) TITLE.
        for verb in sentence.occurrences(of: lexicon.triggerWords("appoints")) {
            guard !sentence.isIrrealis(before: verb.lowerBound, irrealis: irrealis),
                  let person = sentence.mentions.first(where: { $0.type == .person && $0.range.lowerBound >= verb.upperBound }),
                  person.range.count >= 2, sentence.gap(verb.upperBound, person.range.lowerBound).isEmpty,
                  person.range.upperBound < s.count, s[person.range.upperBound] == "为",
                  let found = title(after: person.range.upperBound + 1)
            else { continue }
            add(person, found, at: verb.lowerBound)
        }
        return result
    }
}
