import KGModel

/// Entities named in the lexicon (organizations, persons, events and their aliases), longest match
/// first. Known places are found by ``PlaceRule``.
struct LexiconEntityRule: MentionRule {
    let id = "lexicon"
    let summary = "Known names from the gazetteer files, longest match first"
    var examples: [RuleExample] {
        [
            .positive("中央组织部、财政部、农业农村部印发通知。", "中央组织部", "财政部", "农业农村部"),
            .positive("中组部部署工作。", "中组部 = 中央组织部"),
            .negative("财政收入稳定增长。"),
            .negative("财政部门加强预算管理。"),
            .positive("毛泽东的诗词流传很广。", "毛泽东"),
            .negative("游客参观了毛泽东故居。", forbidding: "毛泽东"),  // a thing named after the person
            .negative("出席的有陈云杰、王建国。", forbidding: "陈云"),  // the start of a longer name
            // The term of a body is part of its name (the ninth National People's Congress), not a figure.
            .positive("选举第九届全国人民代表大会代表。", "第九届全国人民代表大会 = 全国人大"),
        ]
    }

    func mentions(in text: PreparedText, context: RuleContext) -> [Mention] {
        let lexicon = context.lexicon
        let s = text.scalars
        let analysis = context.analysis(of: text)
        let names = context.names
        var result: [Mention] = []
        var i = 0
        while i < s.count {
            guard CharacterClass.isHan(s[i]) || CharacterClass.isASCIILetter(s[i]) else { i += 1; continue }
            // Places are PlaceRule's: it reads the gazetteer too, and the chains that follow a known place.
            if let (end, entry) = lexicon.longestEntry(in: s, at: i, analysis: analysis), entry.type != .place, let type = MentionType(rawValue: entry.type.rawValue),
                !Self.isInsideStopWord(s, start: i, end: end, stops: lexicon.stops(entry.type)),
                // A known name must not cut through a better-explained word (村民进行 holds no 民进).
                end - i >= 4 || analysis.isAligned(i..<end),
                // A person's name before a thing named after them (鲁迅故居, 丘吉尔公园) modifies it.
                type != .person || !(names.isPartOfAnotherName(i..<end, s: s, analysis: analysis) || names.startsLongerName(i..<end, s: s, analysis: analysis))
            {
                var mention = Mention(type: type, range: i..<end, value: entry.name, attributes: entry.attributes, rule: id)
                // The mention takes in the term; the node stays the body, whose terms share one identity.
                if type == .organization, let start = Self.termStart(endingAt: i, in: s) {
                    mention.range = start..<end
                    mention.written = i..<end
                }
                result.append(mention)
                i = end
            } else {
                i += 1
            }
        }
        return result
    }

    /// Where the term written before a body starts (`第九届`, `八届`, `第12届`, `第二十届`), if one is.
    static func termStart(endingAt end: Int, in s: [Unicode.Scalar]) -> Int? {
        guard end >= 2, s[end - 1] == "届" else { return nil }
        var start = end - 1
        while start > 0, end - start <= 4, termDigit(s[start - 1]) != nil || s[start - 1] == "十" { start -= 1 }
        guard start < end - 1 else { return nil }
        if start > 0, s[start - 1] == "第" { return start - 1 }
        // 新一届, 上一届 count terms rather than name one.
        return end - start == 2 && s[start] == "一" ? nil : start
    }

    private static func termDigit(_ c: Unicode.Scalar) -> Int? { ("0"..."9").contains(c) ? Int(c.value) - 48 : NumberCharacters.plainDigit(c) }

    /// Whether a stop word (`财政部门`) starts at `start` and reaches past the entry's end.
    static func isInsideStopWord(_ s: [Unicode.Scalar], start: Int, end: Int, stops: WordSet) -> Bool {
        guard let stopEnd = s.longestWord(startingAt: start, in: stops, maxLength: 12) else { return false }
        return stopEnd > end
    }
}
