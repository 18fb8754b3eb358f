import KGModel

/// `ORG、ORG…印发《DOC》`: every organization in the subject list issued the document, dated by the
/// sentence's date when it has one.
struct IssuedRule: RelationRule {
    let id = "relation.issued"
    let summary = "Organizations that issue a document (印发, 出台, 发布), dated by the sentence"
    var examples: [RuleExample] {
        [
            .positive("2018年,中央组织部、财政部、农业农村部印发《关于扶持壮大村级集体经济的意见》。",
                      "中央组织部 -issued-> 关于扶持壮大村级集体经济的意见 @2018",
                      "财政部 -issued-> 关于扶持壮大村级集体经济的意见 @2018",
                      "农业农村部 -issued-> 关于扶持壮大村级集体经济的意见 @2018"),
            .positive("中央办公厅印发《关于加强城市基层党建的意见》。", "中央办公厅 -issued-> 关于加强城市基层党建的意见"),
            .positive("民政部和教育部联合印发加强社区教育工作的若干措施。",
                      "民政部 -issued-> 加强社区教育工作的若干措施", "教育部 -issued-> 加强社区教育工作的若干措施"),
            .positive("中共中央办公厅、国务院办公厅印发了《关于加强社区工作的意见》。",
                      "中央办公厅 -issued-> 关于加强社区工作的意见", "国务院办公厅 -issued-> 关于加强社区工作的意见"),
            .positive("国家发展改革委会同有关部门出台《关于恢复和扩大消费的措施》。", "国家发展和改革委员会 -issued-> 关于恢复和扩大消费的措施"),
            .positive("生态环境部、交通运输部等部门近日联合印发《关于推进港口绿色发展的意见》。",
                      "生态环境部 -issued-> 关于推进港口绿色发展的意见", "交通运输部 -issued-> 关于推进港口绿色发展的意见"),
            .negative("中央组织部学习《关于加强城市基层党建的意见》。"),
        ]
    }

    func relations(in sentence: SentenceView, context: RuleContext) -> [RelationCandidate] {
        let triggers = context.lexicon.triggerWords(Predicate.issued)
        let links = context.lexicon.triggerWords("issuedLink")
        var result: [RelationCandidate] = []
        let mentions = sentence.mentions
        for (index, document) in mentions.enumerated() where document.type == .document && index > 0 {
            guard let issuerIndex = mentions[..<index].lastIndex(where: { $0.type != .date }),
                mentions[issuerIndex].type == .organization
            else { continue }
            let issuer = mentions[issuerIndex]
            var gap = sentence.gap(issuer.range.upperBound, document.range.lowerBound)
            if gap.hasSuffix("《") { gap.removeLast() }
            if gap.hasSuffix("了") { gap.removeLast() }
            guard let trigger = triggers.words.first(where: { gap.hasSuffix($0) }),
                Self.isMadeOfLinks(Array(gap.dropLast(trigger.count).unicodeScalars), links: links)
            else { continue }
            var issuers = [issuer]
            var k = issuerIndex - 1
            while k >= 0, mentions[k].type == .organization,
                SentenceView.listSeparators.contains(sentence.gap(mentions[k].range.upperBound, issuers[0].range.lowerBound))
            {
                issuers.insert(mentions[k], at: 0)
                k -= 1
            }
            var attributes: [String: String] = [:]
            if let value = sentence.relationDate(near: document.range.lowerBound, context: context) { attributes[AttributeKey.date] = value }
            let object = sentence.endpoint(document, type: .document, attributeKeys: [AttributeKey.documentType])
            for issuer in issuers {
                result.append(RelationCandidate(predicate: Predicate.issued, subject: sentence.endpoint(issuer, type: .organization),
                                                object: object, attributes: attributes, evidence: sentence.range, rule: id))
            }
        }
        return result
    }

    /// Whether the words between the issuers and the verb are all link words (`等部门` `近日` `联合`).
    static func isMadeOfLinks(_ gap: [Unicode.Scalar], links: WordSet) -> Bool {
        var i = 0
        while i < gap.count {
            guard let end = gap.longestWord(startingAt: i, in: links) else { return false }
            i = end
        }
        return true
    }
}
