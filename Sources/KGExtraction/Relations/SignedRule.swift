import KGModel

/// Parties that sign a document: `俄罗斯和北约在巴黎正式签署了《…基本文件》`. The parties are the
/// persons, organizations or countries listed before the verb (a place after 在 is where, not who), the
/// objects each document right after it. Triggers are lexicon data (`trigger signed` in documents.tsv).
struct SignedRule: RelationRule {
    let id = "relation.signed"
    let summary = "Persons, organizations or countries that sign a document or agreement (签署, 签订)"
    /// How far the last party may stand before the verb.
    static let maximumPartyReach = 14
    var examples: [RuleExample] {
        [
            .positive("1997年5月27日,俄罗斯和北约在巴黎正式签署了《相互关系基本文件》。",
                      "俄罗斯 -signed-> 相互关系基本文件 @1997-05-27", "北大西洋公约组织 -signed-> 相互关系基本文件 @1997-05-27"),
            .positive("国家发展改革委与世界银行签订了《贷款合作协议》。",
                      "国家发展和改革委员会 -signed-> 贷款合作协议", "世界银行 -signed-> 贷款合作协议"),
            .negative("国际社会应敦促各国签署《不扩散核武器条约》。"),
            .negative("两国将签署《自由贸易协定》。"),
            .positive("外交部副部长王建国与东盟某国政府代表签署了《建交联合公报》。", "王建国 -signed-> 建交联合公报"),
            .negative("王建国与东盟某国政府代表签署了《建交联合公报》。", forbidding: "东南亚国家联盟 -signed-> 建交联合公报"),
        ]
    }

    func relations(in sentence: SentenceView, context: RuleContext) -> [RelationCandidate] {
        let lexicon = context.lexicon
        let irrealis = lexicon.triggerWords("irrealis")
        let s = sentence.text.scalars
        var result: [RelationCandidate] = []
        let partyTypes: Set<MentionType> = [.person, .organization, .place]
        for verb in sentence.occurrences(of: lexicon.triggerWords(Predicate.signed)) {
            guard !sentence.isIrrealis(before: verb.lowerBound, irrealis: irrealis) else { continue }
            let documents = sentence.namedObjects(after: verb.upperBound, types: [.document], reach: 1)
            guard !documents.isEmpty else { continue }
            // The last party before the verb, passing over dates and a place after 在 (在巴黎).
            var index = sentence.mentions.lastIndex { $0.range.upperBound <= verb.lowerBound }
            while let i = index, sentence.mentions[i].type == .date
                || (sentence.mentions[i].type == .place && sentence.mentions[i].range.lowerBound > sentence.range.lowerBound
                    && s[sentence.mentions[i].range.lowerBound - 1] == "在")
            {
                index = i > 0 ? i - 1 : nil
            }
            guard let last = index, partyTypes.contains(sentence.mentions[last].type) else { continue }
            let gap = sentence.gap(sentence.mentions[last].range.upperBound, verb.lowerBound)
            guard verb.lowerBound - sentence.mentions[last].range.upperBound <= Self.maximumPartyReach,
                  !gap.unicodeScalars.contains(where: SentenceView.clauseEnders.contains),
                  !Self.calls.contains(where: { gap.contains($0) })
            else { continue }
            // 加勒比地区某国政府代表签署: the place only locates a signer the sentence does not name (某国);
            // the parties listed before it still sign.
            var lastParty = last
            if sentence.mentions[last].type != .person, gap.contains("某") {
                guard last > 0, partyTypes.contains(sentence.mentions[last - 1].type),
                      SentenceView.listSeparators.contains(sentence.gap(sentence.mentions[last - 1].range.upperBound, sentence.mentions[last].range.lowerBound))
                else { continue }
                lastParty = last - 1
            }
            var parties = [sentence.mentions[lastParty]]
            var k = lastParty - 1
            while k >= 0, partyTypes.contains(sentence.mentions[k].type),
                  SentenceView.listSeparators.contains(sentence.gap(sentence.mentions[k].range.upperBound, parties[0].range.lowerBound)),
                  sentence.gap(sentence.mentions[k].range.upperBound, parties[0].range.lowerBound) != ","
            {
                parties.insert(sentence.mentions[k], at: 0)
                k -= 1
            }
            // A party named by a surname alone names nobody; an urging verb before it makes the signing wished-for.
            if parties.contains(where: { $0.type == .person && $0.range.count < 2 }) { continue }
            let lead = sentence.gap(max(sentence.range.lowerBound, parties[0].range.lowerBound - 4), parties[0].range.lowerBound)
            if Self.calls.contains(where: { lead.contains($0) }) { continue }
            var attributes: [String: String] = [:]
            if let date = sentence.relationDate(near: verb.lowerBound, context: context) { attributes[AttributeKey.date] = date }
            for party in parties {
                let type: EntityType = party.type == .person ? .person : party.type == .place ? .place : .organization
                for document in documents {
                    result.append(RelationCandidate(predicate: Predicate.signed, subject: sentence.endpoint(party, type: type),
                                                    object: sentence.endpoint(document, type: .document), attributes: attributes,
                                                    evidence: sentence.range, rule: id))
                }
            }
        }
        return result
    }

    /// Words that make a signing demanded rather than done (`敦促…签署`, `呼吁…签订`).
    static let calls = ["敦促", "呼吁", "要求", "希望", "促使", "推动"]
}
