import KGModel

/// `《DOC》…提出22条政策措施`: a document and the measures it sets out, counted by a figure whose
/// classifier names parts of a text (条, 项, 个方面). The verbs and classifiers are lexicon data
/// (`trigger contains`, `trigger containedUnit` in documents.tsv).
struct ContainsRule: RelationRule {
    let id = "relation.contains"
    let summary = "A document and the numbered measures it sets out (提出22条政策措施)"
    var examples: [RuleExample] {
        [
            .positive("国务院办公厅印发《关于促进家政服务业提质扩容的意见》，提出10个方面36条具体措施。",
                      "关于促进家政服务业提质扩容的意见 -contains-> 36条"),
            .positive("《乡村振兴促进法》共分10章74条，自2021年6月1日起施行。", "乡村振兴促进法 -contains-> 74条"),
            .negative("《关于促进消费的意见》印发后，各地新开了36个服务中心。"),
            .negative("会议审议了《关于改革的意见》。全省提出20条措施。"),
        ]
    }

    func relations(in sentence: SentenceView, context: RuleContext) -> [RelationCandidate] {
        let verbs = context.lexicon.triggerWords(Predicate.contains)
        let units = context.lexicon.triggerWords("containedUnit")
        var result: [RelationCandidate] = []
        let mentions = sentence.mentions
        for (index, figure) in mentions.enumerated() where figure.type == .figure && index > 0 {
            guard let phrase = figure.phrase, let unit = figure.attributes[AttributeKey.unit], units.contains(unit),
                  [nil, "number"].contains(figure.attributes[AttributeKey.kind]),
                  let documentIndex = mentions[..<index].lastIndex(where: { $0.type == .document })
            else { continue }
            // The verb comes between the document and the figure, with no other figure of the same kind between.
            let document = mentions[documentIndex]
            let between = sentence.gap(document.range.upperBound, figure.range.lowerBound)
            guard verbs.words.contains(where: { between.contains($0) }),
                  !mentions[(documentIndex + 1)..<index].contains(where: { $0.type == .figure && $0.attributes[AttributeKey.unit] == unit })
            else { continue }
            result.append(RelationCandidate(
                predicate: Predicate.contains,
                subject: sentence.endpoint(document, type: .document),
                object: sentence.figureEndpoint(figure, phrase: phrase),
                evidence: sentence.range, rule: id))
        }
        return result
    }
}
