import KGModel

/// Clubs in match reports: a city or a transliterated name that plays (`罗马主场战平热那亚`, `切尔西 2-1
/// 阿森纳`, `米兰vs巴勒莫`) is the team named after it, an organization, not the place or a person.
///
/// Only in a sentence that reads as sport (a word such as `联赛`, `主场`, `进球`), and only at a match
/// word (`战胜`, `负于`, `主场`, `vs`) or a score: a city is a place everywhere else. Countries stay places
/// (news writes `巴西队` for the national side, and a bare `巴西` in a report is most often the country).
struct SportsTeamRule: MentionRule {
    let id = "organization.team"
    let summary = "Clubs named by a city or a foreign name next to a match word or a score, in sports text"

    var examples: [RuleExample] {
        [
            .positive("意甲联赛第十轮，罗马主场二比一战胜热那亚。", "罗马", "热那亚"),
            .positive("英超联赛中，切尔西2-1击败桑德兰。", "切尔西", "桑德兰"),
            .positive("本轮联赛焦点之战是米兰vs巴勒莫。", "米兰", "巴勒莫"),
            .positive("周末焦点：罗马vs热那亚。", "罗马", "热那亚"),  // vs is sport enough
            .negative("代表团访问了罗马和米兰。"),
            .negative("两国人民战胜了洪水。"),
            .negative("联赛期间，巴西主场迎战阿根廷。"),  // countries stay places
        ]
    }

    func mentions(in text: PreparedText, context: RuleContext) -> [Mention] {
        let s = text.scalars
        let lexicon = context.lexicon
        let sport = lexicon.triggerWords("matchContext")
        guard text.sentences.contains(where: { sentence in sentence.contains { s.longestWord(startingAt: $0, in: sport, maxLength: 4) != nil } }) else { return [] }
        let analysis = context.analysis(of: text)
        let before = lexicon.triggerWords("teamBefore")
        let after = lexicon.triggerWords("teamAfter")
        var result: [Mention] = []
        var taken = IntervalSet()
        func add(_ range: Range<Int>?) {
            guard let range, !taken.overlaps(range) else { return }
            taken.insert(range)
            result.append(Mention(type: .organization, range: range, value: s.text(range), rule: id))
        }
        for sentence in text.sentences where sentence.contains(where: { s.longestWord(startingAt: $0, in: sport, maxLength: 4) != nil }) {
            var i = sentence.lowerBound
            while i < sentence.upperBound {
                // A score between two teams: 2-1, 2：1, 二比一.
                if let scoreEnd = Self.score(in: s, at: i, limit: sentence.upperBound) {
                    add(team(endingAt: i, s: s, lexicon: lexicon, analysis: analysis, bounds: sentence))
                    add(team(startingAt: scoreEnd, s: s, lexicon: lexicon, analysis: analysis, bounds: sentence))
                    i = scoreEnd
                    continue
                }
                if let end = s.longestWord(startingAt: i, in: after, maxLength: 4), end <= sentence.upperBound {
                    add(team(endingAt: i, s: s, lexicon: lexicon, analysis: analysis, bounds: sentence))
                }
                if let end = s.longestWord(startingAt: i, in: before, maxLength: 4), end <= sentence.upperBound {
                    add(team(startingAt: end, s: s, lexicon: lexicon, analysis: analysis, bounds: sentence))
                    i = end
                    continue
                }
                i += 1
            }
        }
        return result.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The span of a score (`2-1`, `2：1`, `二比一`) starting at `i`, if one does.
    static func score(in s: [Unicode.Scalar], at i: Int, limit: Int) -> Int? {
        func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) || NumberCharacters.digit(c) != nil }
        func digits(_ j: Int) -> Int {
            var k = j
            while k < limit, k - j < 2, isDigit(s[k]) { k += 1 }
            return k
        }
        guard i < limit, i == 0 || !isDigit(s[i - 1]) else { return nil }
        let first = digits(i)
        guard first > i, first < limit, ["-", "－", ":", "：", "比"].contains(s[first]) else { return nil }
        let second = digits(first + 1)
        guard second > first + 1, second == limit || !isDigit(s[second]) else { return nil }
        return second
    }

    /// A city that is not a country, or a run of transliteration characters, ending at `end`.
    private func team(endingAt end: Int, s: [Unicode.Scalar], lexicon: Lexicon, analysis: LexicalAnalysis, bounds: Range<Int>) -> Range<Int>? {
        var best: Range<Int>?
        for start in stride(from: end - 2, through: max(bounds.lowerBound, end - 6), by: -1) {
            if let (placeEnd, entry) = lexicon.longestEntry(in: s, at: start, type: .place), placeEnd == end, isCity(entry) { best = start..<end }
        }
        if let best { return best }
        for start in stride(from: max(bounds.lowerBound, end - 6), through: end - 2, by: 1) where isNameToken(start..<end, s: s, lexicon: lexicon, analysis: analysis) {
            return start..<end
        }
        var start = end
        while start > bounds.lowerBound, end - start < 7, lexicon.nameCharacters.isTransliteration(s[start - 1]) { start -= 1 }
        return isNameRun(start..<end, s: s, lexicon: lexicon, analysis: analysis, bounds: bounds) ? start..<end : nil
    }

    /// A city that is not a country, or a run of transliteration characters, starting at `start`.
    private func team(startingAt start: Int, s: [Unicode.Scalar], lexicon: Lexicon, analysis: LexicalAnalysis, bounds: Range<Int>) -> Range<Int>? {
        if let (end, entry) = lexicon.longestEntry(in: s, at: start, type: .place), end <= bounds.upperBound, isCity(entry) { return start..<end }
        if let end = analysis.tokenEnd(at: start), end <= bounds.upperBound, isNameToken(start..<end, s: s, lexicon: lexicon, analysis: analysis) { return start..<end }
        var end = start
        while end < bounds.upperBound, end - start < 7, lexicon.nameCharacters.isTransliteration(s[end]) { end += 1 }
        return isNameRun(start..<end, s: s, lexicon: lexicon, analysis: analysis, bounds: bounds) ? start..<end : nil
    }

    /// A whole run of transliteration characters (no longer than six, not cut at either end) whose tokens
    /// are single characters or names (not 赛季 or 比赛), and not a country.
    private func isNameRun(_ run: Range<Int>, s: [Unicode.Scalar], lexicon: Lexicon, analysis: LexicalAnalysis, bounds: Range<Int>) -> Bool {
        let table = lexicon.nameCharacters
        guard (2...6).contains(run.count),
            run.lowerBound == bounds.lowerBound || !table.isTransliteration(s[run.lowerBound - 1]),
            run.upperBound == bounds.upperBound || !table.isTransliteration(s[run.upperBound]),
            analysis.isBoundary(run.lowerBound), analysis.isBoundary(run.upperBound)
        else { return false }
        var i = run.lowerBound
        while i < run.upperBound {
            guard let end = analysis.tokenEnd(at: i), end <= run.upperBound else { return false }
            if end - i >= 2 {
                guard let word = analysis.word(spanning: i..<end), Self.nameTags.contains(lexicon.automaton.tag(word)) else { return false }
            }
            i = end
        }
        return !isOtherPlace(run.lowerBound, s: s, lexicon: lexicon)
    }

    static let nameTags: Set<String> = ["nr", "nrt", "nrfg", "ns"]

    /// A token of the segmentation that the dictionary files as a foreign name, a place or another proper
    /// noun (切尔西, 拜仁), not a country.
    private func isNameToken(_ range: Range<Int>, s: [Unicode.Scalar], lexicon: Lexicon, analysis: LexicalAnalysis) -> Bool {
        guard range.count >= 2, analysis.isBoundary(range.lowerBound), analysis.tokenEnd(at: range.lowerBound) == range.upperBound,
            s.isAllHan(range), let word = analysis.word(spanning: range),
            ["nrt", "ns"].contains(lexicon.automaton.tag(word)) || (["nz", "j"].contains(lexicon.automaton.tag(word)) && s[range].allSatisfy(lexicon.nameCharacters.isTransliteration)),
            !lexicon.triggerWords("matchContext").contains(s.text(range))
        else { return false }
        return !isOtherPlace(range.lowerBound, s: s, lexicon: lexicon)
    }

    /// Whether a known place other than a city (a country, a region) starts at `start`.
    private func isOtherPlace(_ start: Int, s: [Unicode.Scalar], lexicon: Lexicon) -> Bool {
        guard let (_, entry) = lexicon.longestEntry(in: s, at: start, type: .place) else { return false }
        return !isCity(entry)
    }

    private func isCity(_ entry: Lexicon.Entry) -> Bool {
        entry.attributes["placeType"] == "城市" && entry.attributes["level"] == "world"
    }
}
