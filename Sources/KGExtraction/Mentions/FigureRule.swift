import KGModel

/// Figures: numbers with their classifier or unit (`51.8万人`, `490多万个`, `30%`, `1200亿美元`).
struct FigureRule: MentionRule {
    let id = "figure"
    let summary = "Figures: Arabic and Chinese numbers with 万/亿 scales, classifiers, percentages, money"
    var examples: [RuleExample] {
        [
            .positive("全国累计选派驻村第一书记51.8万人。", "51.8万人 = 518000"),
            .negative("一些同志统一了思想。"),
        ]
    }

    func mentions(in text: PreparedText, context: RuleContext) -> [Mention] {
        NumberScanner(text: text.scalars).scan().map { match in
            var attributes = match.attributes
            attributes[AttributeKey.kind] = match.kind
            return Mention(type: .figure, range: match.range, value: match.value, attributes: attributes, rule: id, phrase: match.phrase)
        }
    }
}
