import Foundation
import KGModel

/// `ORG、ORG…印发《DOC》`: every organization in the subject list issued the document, dated by the
/// sentence's date when it has one.
struct IssuedRule: RelationRule {
    let id = "relation.issued"
    let summary = "Organizations that issue a document (印发, 出台, 发布), dated by the sentence"
    var examples: [RuleExample] {
        [
            .positive("2018年，中央组织部、财政部、农业农村部印发《关于扶持壮大村级集体经济的意见》。",
                      "中央组织部 -issued-> 关于扶持壮大村级集体经济的意见 @2018",
                      "财政部 -issued-> 关于扶持壮大村级集体经济的意见 @2018",
                      "农业农村部 -issued-> 关于扶持壮大村级集体经济的意见 @2018"),
            .positive("中央办公厅印发《关于加强城市基层党建的意见》。", "中央办公厅 -issued-> 关于加强城市基层党建的意见"),
            .negative("中央组织部学习《关于加强城市基层党建的意见》。"),
        ]
    }

    func relations(in sentence: SentenceView, context: RuleContext) -> [RelationCandidate] {
        let s = sentence.text.scalars
        let triggers = context.lexicon.triggerWords(Predicate.issued)
        var result: [RelationCandidate] = []
        let mentions = sentence.mentions
        for (index, document) in mentions.enumerated() where document.type == .document {
            guard index > 0 else { continue }
            // The trigger sits between the last issuer and the title (allowing the 《 of the title).
            var issuerIndex = index - 1
            while issuerIndex >= 0, mentions[issuerIndex].type == .date { issuerIndex -= 1 }
            guard issuerIndex >= 0, mentions[issuerIndex].type == .organization else { continue }
            let gap = String(String.UnicodeScalarView(s[mentions[issuerIndex].range.upperBound..<document.range.lowerBound]))
                .trimmingCharacters(in: ["《", " "])
            guard triggers.contains(gap) else { continue }
            var issuers: [Mention] = [mentions[issuerIndex]]
            var k = issuerIndex - 1
            while k >= 0, mentions[k].type == .organization {
                let between = String(String.UnicodeScalarView(s[mentions[k].range.upperBound..<issuers[0].range.lowerBound]))
                guard between == "、" || between == "和" || between == "," else { break }
                issuers.insert(mentions[k], at: 0)
                k -= 1
            }
            let date = mentions.last { $0.type == .date && $0.range.upperBound <= issuers[0].range.lowerBound }
            var attributes: [String: String] = [:]
            if let value = date?.value { attributes[AttributeKey.date] = value }
            let object = RelationEndpoint(type: .document, name: document.value ?? sentence.text.normalizedString(document.range),
                                          range: document.range, attributes: document.attributes.filter { $0.key == AttributeKey.documentType })
            for issuer in issuers {
                let subject = RelationEndpoint(type: .organization, name: issuer.value ?? sentence.text.normalizedString(issuer.range), range: issuer.range)
                result.append(RelationCandidate(predicate: Predicate.issued, subject: subject, object: object,
                                                attributes: attributes, evidence: sentence.range, rule: id))
            }
        }
        return result
    }
}
