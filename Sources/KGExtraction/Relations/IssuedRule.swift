import Foundation
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
            .positive("教育部、民政部等五部委前不久联合下发了《关于做好学生资助工作的通知》。",
                      "教育部 -issued-> 关于做好学生资助工作的通知", "民政部 -issued-> 关于做好学生资助工作的通知"),
            .positive("国家统计局发布的《统计工作规定》和《统计调查办法》已经施行。",
                      "国家统计局 -issued-> 统计工作规定", "国家统计局 -issued-> 统计调查办法"),
        ]
    }

    func relations(in sentence: SentenceView, context: RuleContext) -> [RelationCandidate] {
        let triggers = context.lexicon.triggerWords(Predicate.issued)
        let links = context.lexicon.triggerWords("issuedLink")
        let groups = context.lexicon.triggerWords("issuerGroup")
        let irrealis = context.lexicon.triggerWords("irrealis")
        let s = sentence.text.scalars
        var result: [RelationCandidate] = []
        let mentions = sentence.mentions
        for (index, listed) in mentions.enumerated() where listed.type == .document && index > 0 {
            // 《宣传提纲》和《宣传口号》: documents of one list share the verb and the issuers of the first.
            var documentIndex = index
            while documentIndex > 0, mentions[documentIndex - 1].type == .document,
                  SentenceView.listSeparators.contains(sentence.gap(mentions[documentIndex - 1].range.upperBound, mentions[documentIndex].range.lowerBound)
                      .trimmingCharacters(in: ["《", "》", "“", "”"]))
            {
                documentIndex -= 1
            }
            let document = mentions[documentIndex]
            guard let issuerIndex = mentions[..<documentIndex].lastIndex(where: { $0.type != .date && $0.type != .figure }),
                mentions[issuerIndex].type == .organization
            else { continue }
            let issuer = mentions[issuerIndex]
            var gap = sentence.gap(issuer.range.upperBound, document.range.lowerBound)
            if gap.hasSuffix("《") { gap.removeLast() }
            // 发布的《…》: a relative clause states the issuing as well; 了 marks it done.
            if gap.hasSuffix("了") || gap.hasSuffix("的") { gap.removeLast() }
            guard let triggerWord = triggers.words.first(where: { gap.hasSuffix($0) }),
                Self.isMadeOfLinks(Array(gap.dropLast(triggerWord.count).unicodeScalars), links: links, groups: groups)
            else { continue }
            let trigger = (issuer.range.upperBound + gap.unicodeScalars.count - triggerWord.unicodeScalars.count)..<(issuer.range.upperBound + gap.unicodeScalars.count)
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
            if s.longestWord(endingAt: trigger.lowerBound, in: irrealis, maxLength: 2) != nil { continue }
            let object = sentence.endpoint(listed, type: .document, attributeKeys: [AttributeKey.documentType])
            for issuer in issuers {
                result.append(RelationCandidate(predicate: Predicate.issued, subject: sentence.endpoint(issuer, type: .organization),
                                                object: object, attributes: attributes, evidence: sentence.range, rule: id))
            }
        }
        return result
    }

    /// Whether the words between the issuers and the verb are all link words (`等部门` `近日` `联合`), or a
    /// group the issuers belong to (`等十部委`, `等5个部门`).
    static func isMadeOfLinks(_ gap: [Unicode.Scalar], links: WordSet, groups: WordSet) -> Bool {
        var i = 0
        while i < gap.count {
            if gap[i] == "等" {
                var j = i + 1
                while j < gap.count, NumberCharacters.isNumeral(gap[j]) || CharacterClass.isASCIIDigit(gap[j]) { j += 1 }
                if j < gap.count, gap[j] == "个" || gap[j] == "家" { j += 1 }
                if let end = gap.longestWord(startingAt: j, in: groups) {
                    i = end
                    continue
                }
            }
            guard let end = gap.longestWord(startingAt: i, in: links) else { return false }
            i = end
        }
        return true
    }
}
