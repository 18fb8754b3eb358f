import KGModel

/// Party congresses by their short form: a party and an ordinal with 大 (`中共十五大`, `党的十四大`,
/// `致公党十一大`, `民建七大`), an event. The party is written before the ordinal: a known party, or
/// `党的`/`中共` for the Communist Party of China, whose congresses are named as `events.tsv` names them
/// (`党的十五大`).
struct PartyCongressRule: MentionRule {
    let id = "event.congress"
    let summary = "Party congresses written short: a party, an ordinal and 大 (中共十五大, 民建七大)"

    /// Characters after 大 that make another word of it (十大关系, 五大洲, 三大战役).
    static let continuations: Set<Unicode.Scalar> = ["学", "使", "型", "量", "概", "约", "多", "小", "家", "都", "批", "部", "力", "街", "道", "楼", "厦", "桥", "洲", "队", "关", "战", "类", "块", "项", "件", "板", "区", "片", "奖", "气", "门", "庆", "典", "国", "城", "赛", "要", "成", "体"]
    /// Writings of the Communist Party of China before the ordinal.
    static let communistParty = WordSet(["党的", "中共", "中国共产党"])

    var examples: [RuleExample] {
        [
            .positive("认真学习贯彻中共十五大精神。", "中共十五大 = 党的十五大"),
            .positive("中共中央致民建七大的贺词。", "民建七大"),
            .positive("党的十九大以来,各项事业取得进展。", "党的十九大"),
            .negative("致公党十大关系的论述。"),  // 十大关系 is another word
            .negative("民建今年发展了一大批新会员。"),
        ]
    }

    func mentions(in text: PreparedText, context: RuleContext) -> [Mention] {
        let s = text.scalars
        let lexicon = context.lexicon
        var result: [Mention] = []
        var k = 1
        while k < s.count {
            guard s[k] == "大", isOrdinal(s[k - 1]), k + 1 == s.count || !Self.continuations.contains(s[k + 1]) else {
                k += 1
                continue
            }
            var numeralStart = k - 1
            while numeralStart > 0, k - numeralStart < 3, isOrdinal(s[numeralStart - 1]) { numeralStart -= 1 }
            let ordinal = s.text(numeralStart..<k)
            if let partyStart = s.longestWord(endingAt: numeralStart, in: Self.communistParty, maxLength: 5) {
                let name = lexicon.canonicalName(of: "党的" + ordinal + "大", type: .event)
                result.append(Mention(type: .event, range: partyStart..<(k + 1), value: name, attributes: ["eventType": "代表大会"], rule: id))
            } else if let (partyStart, party) = party(endingAt: numeralStart, s: s, lexicon: lexicon) {
                result.append(Mention(type: .event, range: partyStart..<(k + 1), value: party + ordinal + "大", attributes: ["eventType": "代表大会"], rule: id))
            }
            k += 1
        }
        return result
    }

    private func isOrdinal(_ c: Unicode.Scalar) -> Bool { c == "十" || (NumberCharacters.plainDigit(c) ?? 0) > 0 }

    /// A known party (`orgType=政党` in the lexicon) that ends at `end`, and its canonical name.
    private func party(endingAt end: Int, s: [Unicode.Scalar], lexicon: Lexicon) -> (Int, String)? {
        for start in max(0, end - lexicon.longestEntry)..<end {
            if let (entryEnd, entry) = lexicon.longestEntry(in: s, at: start, type: .organization), entryEnd == end,
                entry.attributes["orgType"] == "政党"
            {
                return (start, entry.name)
            }
        }
        return nil
    }
}
