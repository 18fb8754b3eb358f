import KGModel

/// Meetings and other named events, read by their ending (`座谈会`, `工作会议`, `全会`) back to the
/// punctuation or verb before them: `召开全国互联网企业党建工作座谈会`.
struct MeetingRule: MentionRule {
    let id = "event.meeting"
    let summary = "Named meetings and events ending in 会议, 座谈会, 大会, 全会, 论坛, … after a verb or punctuation"
    static let minimumLength = 4
    static let maximumLength = 30
    var examples: [RuleExample] {
        [
            .positive("省委召开全省农村工作会议,部署全年任务。", "全省农村工作会议"),
            .positive("贯彻落实全国组织工作会议精神。", "全国组织工作会议"),
            .positive("中央组织部召开电视电话会议。", "电视电话会议"),
            .positive("第十四届全国人民代表大会第一次会议在北京开幕。", "第十四届全国人民代表大会第一次会议"),
            .positive("第二届中国—中亚峰会在西安举行。", "第二届中国—中亚峰会"),
            .negative("会议强调,要抓好落实。"),
            .negative("他参加了会议。"),
            .negative("论坛在厦门国际会议中心开幕。"),  // a building, not a meeting
            .negative("他出席了这次会议。"),
            .negative("联合国召开了一次高级别研讨会。"),
            .negative("报全国人民代表大会常务委员会备案。"),
            .negative("由全国人民代表大会常务委员会委托秘书长负责选举第九届全国人民代表大会代表。"),
            .positive("由省人大常委会主持召开第九届全国人民代表大会第一次会议。", "第九届全国人民代表大会第一次会议"),
        ]
    }

    func mentions(in text: PreparedText, context: RuleContext) -> [Mention] {
        let s = text.scalars
        let lexicon = context.lexicon
        let suffixes = lexicon.suffixes[.event] ?? [:]
        let suffixWords = lexicon.suffixWords(.event)
        let boundaries = lexicon.triggerWords("eventBoundary")
        let analysis = context.analysis(of: text)
        let automaton = lexicon.automaton
        /// A preposition, pronoun or adverb of the segmentation ends the name (由全国…大会 starts after 由),
        /// and so does a title (秘书长负责…大会); conjunctions do not (全国发展和改革工作会议).
        func isFunctionWord(endingAt position: Int) -> Bool {
            guard analysis.isBoundary(position) else { return false }
            let start = analysis.tokenStart(containing: position - 1)
            guard let word = analysis.word(spanning: start..<position) else { return false }
            if automaton.kinds(word).contains(.title) { return true }
            guard let tag = automaton.tag(word).unicodeScalars.first else { return false }
            return tag == "p" || tag == "r" || tag == "d"
        }
        var result: [Mention] = []
        var lastEnd = 0
        var end = 1
        while end <= s.count {
            guard let suffixStart = s.longestWord(endingAt: end, in: suffixWords, maxLength: 6),
                end == s.count || !CharacterClass.isHan(s[end]) || !Self.continuesName(s[end]),
                !(end + 1 < s.count && s[end] == "中" && s[end + 1] == "心")
            else { end += 1; continue }
            var start = suffixStart
            while start > lastEnd, end - start < Self.maximumLength {
                let c = s[start - 1]
                // Dashes join names inside a title (中国—中亚峰会) when Han characters stand on both sides.
                let joinsNames = (c == "—" || c == "-" || c == "·") && start >= 2 && CharacterClass.isHan(s[start - 2]) && CharacterClass.isHan(s[start])
                guard CharacterClass.isHan(c) || CharacterClass.isASCIIDigit(c) || c == "“" || c == "”" || joinsNames else { break }
                if s.longestWord(endingAt: start, in: boundaries, maxLength: 4) != nil || isFunctionWord(endingAt: start) { break }
                start -= 1
            }
            // A modifier clause before the name ends at its 的 (举世瞩目的第十五次全国代表大会), except the
            // 党的 of names (党的建设工作会议); leading particles and demonstratives are no part of it.
            if let de = s[start..<suffixStart].lastIndex(of: "的"), de > start, s[de - 1] != "党" { start = de + 1 }
            while start < suffixStart, let lead = s.longestWord(startingAt: start, in: Self.leadingWords, maxLength: 2) { start = lead }
            // 全国人民代表大会 alone is the body, not one of its sessions (第九届全国人民代表大会), and so is
            // the start of a longer body's name (全国人民代表大会常务委员会).
            let isBody = lexicon.canonical[lexicon.canonicalName(of: s.text(start..<end), type: .organization)]?.type == .organization
                || (start..<end).contains { p in analysis.words(at: p).contains { $0.end > end && automaton.kinds($0.id).contains(.organization) } }
            // 一次高级别研讨会: an indefinite meeting has no name.
            let indefinite = s.longestWord(startingAt: start, in: Self.indefiniteWords, maxLength: 2) != nil
            if end - start >= Self.minimumLength, end - start <= Self.maximumLength, start < suffixStart, !isBody, !indefinite {
                // A session of a named meeting is one event: 第十四届全国人民代表大会 + 第一次会议.
                if let previous = result.last, previous.range.upperBound == start { start = previous.range.lowerBound; result.removeLast() }
                result.append(Mention(type: .event, range: start..<end, value: s.text(start..<end),
                                      attributes: ["eventType": suffixes[s.text(suffixStart..<end)] ?? "会议"], rule: id))
                lastEnd = end
            }
            end += 1
        }
        return result
    }

    /// Words that make a meeting indefinite (`一次研讨会`).
    static let indefiniteWords: WordSet = ["一次", "一个", "一场", "一届", "一系列", "某次"]

    /// Words before a meeting's name that are not part of it.
    static let leadingWords: WordSet = ["了", "的", "这次", "此次", "本次", "该", "这", "那次", "上次", "下次"]

    /// Characters that make the ending part of a longer word (`会议室`, `大会堂`, `大会代表`, `议会议长`,
    /// `会议中心`, `会议楼`, `会展馆`).
    static func continuesName(_ c: Unicode.Scalar) -> Bool {
        c == "室" || c == "堂" || c == "厅" || c == "场" || c == "代" || c == "长" || c == "楼" || c == "馆"
    }
}
