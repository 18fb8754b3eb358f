import KGModel

/// Dates, date ranges and durations, normalized to EDTF / ISO 8601.
struct DateRule: MentionRule {
    let id = "date"
    let summary = "Dates (2021年6月, 1943年春, 今年8月), ranges and durations, as EDTF"
    var examples: [RuleExample] {
        [
            .positive("2021年6月，中央组织部印发文件。", "2021年6月 = 2021-06"),
            .positive("2018年11月6日，习近平来到上海。", "2018年11月6日 = 2018-11-06"),
            .negative("一些同志统一了思想。"),
        ]
    }

    func mentions(in text: PreparedText, context: RuleContext) -> [Mention] {
        DateScanner(text: text.scalars, context: context).scan().map {
            var attributes = $0.attributes
            attributes[AttributeKey.kind] = $0.kind
            return Mention(type: .date, range: $0.range, value: $0.value, attributes: attributes, rule: id)
        }
    }
}
