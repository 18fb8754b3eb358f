import KGModel

/// Japanese persons as Chinese news writes them: a Japanese family name and a given name
/// (`桥本龙太郎`, `佐佐木希`), or the family name alone before a title, an honorific or a verb of speech
/// (`桥本首相`, `小渊说`).
///
/// Neither the Chinese family-name model nor the transliteration characters read these names. The lists
/// are gimei's (`names-japanese.tsv`). Many Japanese family names are Chinese words or places as well
/// (`中山`, `山口`, `松本`): such a name is taken only whole and with context around it, never alone,
/// since `中山市长` is the mayor of a Chinese city.
struct JapaneseNameRule: MentionRule {
    let id = "person.japanese"
    let summary = "Japanese persons: a Japanese family name with a given name, or alone before a title or speech"

    /// A family name that the general dictionary has as another word at least this often is a word first.
    static let commonWordFrequency: UInt32 = 300

    var examples: [RuleExample] {
        [
            .positive("日本首相桥本龙太郎今天会见了代表团。", "桥本龙太郎"),
            .positive("桥本首相表示,日方愿意加强合作。", "桥本"),
            .positive("经济学家铃木正义说,日元将继续走强。", "铃木正义"),
            .positive("作家村上春树的新作出版。", "村上春树"),
            .negative("中山市长主持召开会议。"),  // 中山 is a city: its mayor is no Japanese person
            .negative("代表团访问了山口县和松本市。"),
            .negative("村民在田中劳动。"),
        ]
    }

    func mentions(in text: PreparedText, context: RuleContext) -> [Mention] {
        let lexicon = context.lexicon
        guard !lexicon.japaneseSurnames.isEmpty else { return [] }
        let s = text.scalars
        let analysis = context.analysis(of: text)
        let cues = context.names
        var result: [Mention] = []
        var i = 0
        while i < s.count {
            guard CharacterClass.isHan(s[i]), analysis.isBoundary(i),
                let surnameEnd = s.longestWord(startingAt: i, in: lexicon.japaneseSurnameWords, maxLength: 3), surnameEnd - i >= 2
            else {
                i += 1
                continue
            }
            let surnameWord = analysis.word(spanning: i..<surnameEnd)
            let surnameIsOtherWord = surnameWord.map { word in
                !PersonRule.nameTags.contains(lexicon.automaton.tag(word))
                    && (lexicon.automaton.frequency(word) >= Self.commonWordFrequency || lexicon.automaton.tag(word) == "ns"
                        || !lexicon.automaton.kinds(word).isDisjoint(with: [.place, .organization]))
            } ?? false
            var found: (Range<Int>, Range<Int>?)?
            // The whole name: a listed given name of two or more characters, ending where a word ends.
            if let givenEnd = s.longestWord(startingAt: surnameEnd, in: lexicon.japaneseGivenNameWords, maxLength: 4),
                givenEnd - surnameEnd >= 2, analysis.isBoundary(givenEnd),
                let (bonus, title) = cues.evidence(i..<givenEnd, s: s, analysis: analysis),
                !surnameIsOtherWord || bonus >= 2
            {
                found = (i..<givenEnd, title)
            } else if !surnameIsOtherWord, analysis.isBoundary(surnameEnd),
                let (bonus, title) = cues.evidence(i..<surnameEnd, s: s, analysis: analysis),
                // The family name alone: a title, an honorific or speech right after it.
                s.longestWord(startingAt: surnameEnd, in: cues.titles, maxLength: 5) != nil
                    || s.longestWord(startingAt: surnameEnd, in: cues.honorifics, maxLength: 2) != nil
                    || (bonus >= 2 && s.longestWord(startingAt: surnameEnd, in: cues.speech, maxLength: 2) != nil)
            {
                found = (i..<surnameEnd, title)
            }
            guard let (range, title) = found else {
                i += 1
                continue
            }
            var attributes: [String: String] = [:]
            if let title { attributes[AttributeKey.title] = s.text(title) }
            let name = s.text(range)
            result.append(Mention(type: .person, range: range, value: lexicon.canonicalName(of: name, type: .person), attributes: attributes, rule: id))
            i = range.upperBound
        }
        return result
    }
}
