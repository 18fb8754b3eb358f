import KGModel

/// Named activities in quotes followed by an activity noun: `开展“我与金融城共成长”主题党日`,
/// `“光盘行动”`. The name inside the quotes is the event.
struct QuotedEventRule: MentionRule {
    let id = "event.quoted"
    let summary = "Activities named in quotes before 主题党日, 主题活动, 专项行动, … (or ending in 行动 inside the quotes)"
    static let maximumNameLength = 20
    var examples: [RuleExample] {
        [
            .positive("社区开展“红色记忆进万家”主题党日活动。", "红色记忆进万家"),
            .positive("请参与“光盘行动”。", "光盘行动"),
            .negative("他说“好好干”就行。"),
        ]
    }

    func mentions(in text: PreparedText, context: RuleContext) -> [Mention] {
        let s = text.scalars
        let activityNouns = context.lexicon.triggerWords("activity")
        var result: [Mention] = []
        var i = 0
        while i < s.count {
            guard s[i] == "“" else { i += 1; continue }
            var close = i + 1
            while close < s.count, close - i <= Self.maximumNameLength + 1, s[close] != "”", !CharacterClass.isLineBreak(s[close]) { close += 1 }
            guard close < s.count, s[close] == "”", close > i + 2 else { i += 1; continue }
            let name = (i + 1)..<close
            let followedByActivity = s.longestWord(startingAt: close + 1, in: activityNouns, maxLength: 4) != nil
            let endsInActivity = s.longestWord(endingAt: close, in: activityNouns, maxLength: 4).map { $0 > name.lowerBound } ?? false
            if followedByActivity || endsInActivity {
                result.append(Mention(type: .event, range: name, value: s.text(name), attributes: ["eventType": "活动"], rule: id))
            }
            i = close + 1
        }
        return result
    }
}
