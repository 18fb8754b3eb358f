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
        ]
    }

    func mentions(in text: PreparedText, context: RuleContext) -> [Mention] {
        let lexicon = context.lexicon
        let s = text.scalars
        let analysis = context.analysis(of: text)
        var result: [Mention] = []
        var i = 0
        while i < s.count {
            guard CharacterClass.isHan(s[i]) || CharacterClass.isASCIILetter(s[i]) else { i += 1; continue }
            // Places are PlaceRule's: it reads the gazetteer too, and the chains that follow a known place.
            if let (end, entry) = lexicon.longestEntry(in: s, at: i), entry.type != .place, let type = MentionType(rawValue: entry.type.rawValue),
                !Self.isInsideStopWord(s, start: i, end: end, stops: lexicon.stops(entry.type)),
                // A known name must not cut through a better-explained word (村民进行 holds no 民进).
                end - i >= 4 || analysis.isAligned(i..<end)
            {
                result.append(Mention(type: type, range: i..<end, value: entry.name, attributes: entry.attributes, rule: id))
                i = end
            } else {
                i += 1
            }
        }
        return result
    }

    /// Whether a stop word (`财政部门`) starts at `start` and reaches past the entry's end.
    static func isInsideStopWord(_ s: [Unicode.Scalar], start: Int, end: Int, stops: WordSet) -> Bool {
        guard let stopEnd = s.longestWord(startingAt: start, in: stops, maxLength: 12) else { return false }
        return stopEnd > end
    }
}
