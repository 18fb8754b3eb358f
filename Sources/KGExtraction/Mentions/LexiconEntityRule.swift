import KGModel

/// Entities named in the lexicon (organizations, places, persons, events and their aliases),
/// longest match first.
struct LexiconEntityRule: MentionRule {
    let id = "lexicon"
    let summary = "Known names from the gazetteer files, longest match first"
    var examples: [RuleExample] {
        [
            .positive("中央组织部、财政部、农业农村部印发通知。", "中央组织部", "财政部", "农业农村部"),
            .positive("中组部部署工作。", "中组部 = 中央组织部"),
            .negative("财政收入稳定增长。"),
        ]
    }

    func mentions(in text: PreparedText, context: RuleContext) -> [Mention] {
        let lexicon = context.lexicon
        let s = text.scalars
        var result: [Mention] = []
        var i = 0
        while i < s.count {
            guard CharacterClass.isHan(s[i]) || CharacterClass.isASCIILetter(s[i]) else { i += 1; continue }
            var best: (Int, Lexicon.Entry)?
            var key = String.UnicodeScalarView()
            var j = i
            while j < s.count, j - i < lexicon.longestEntry {
                key.append(s[j])
                j += 1
                if let entry = lexicon.entries[String(key)] { best = (j, entry) }
            }
            if let (end, entry) = best, let type = MentionType(rawValue: entry.type.rawValue) {
                result.append(Mention(type: type, range: i..<end, value: entry.name, attributes: entry.attributes, rule: id))
                i = end
            } else {
                i += 1
            }
        }
        return result
    }
}
