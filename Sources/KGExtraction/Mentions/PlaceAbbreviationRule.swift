import KGModel

/// One-character abbreviations of countries and provinces, read only where news uses them: in runs of
/// such abbreviations (`中美关系`, `中日韩`, `港澳台`, `京津冀`) and after a verb of going or staying (`访华`,
/// `来京`, `赴港`). Each character is its own place, valued with the full name.
struct PlaceAbbreviationRule: MentionRule {
    let id = "place.abbreviation"
    let summary = "One-character place abbreviations in runs (中美, 港澳台) and after 访/来/驻/赴 (访华, 来京)"

    var examples: [RuleExample] {
        [
            .positive("中法两国签署协议。", "中 = 中国", "法 = 法国"),
            .positive("港澳台同胞欢聚一堂。", "港 = 香港", "澳 = 澳门", "台 = 台湾"),
            .positive("代表团下月访华。", "华 = 中国"),
            .positive("他昨天抵京。", "京 = 北京"),
            .negative("他很中意这个方案。"),
            .negative("他在中国工作。"),
            .negative("美好的生活。"),
        ]
    }

    func mentions(in text: PreparedText, context: RuleContext) -> [Mention] {
        let s = text.scalars
        let lexicon = context.lexicon
        let abbreviations = lexicon.placeAbbreviations
        guard !abbreviations.isEmpty else { return [] }
        let analysis = context.analysis(of: text)
        let automaton = lexicon.automaton
        let verbs = lexicon.triggerWords("placeAbbreviationContext")
        var result: [Mention] = []
        func add(_ i: Int) {
            result.append(Mention(type: .place, range: i..<(i + 1), value: abbreviations[s[i]], attributes: ["abbreviation": "1"], rule: id))
        }
        var i = 0
        while i < s.count {
            // A run of abbreviations that the segmentation reads as one name word or as single characters.
            var end = i
            while end < s.count, lexicon.runAbbreviations.contains(s[end]) { end += 1 }
            if end - i >= 2, analysis.isAligned(i..<end), wellFormedRun(i..<end, analysis: analysis, automaton: automaton) {
                for k in i..<end { add(k) }
                // Next to Hong Kong, 澳 is Macao, not Australia (港澳, 港澳台).
                if s[i..<end].contains("港"), let k = s[i..<end].firstIndex(of: "澳") { result[result.count - (end - k)].value = "澳门" }
                i = end
                continue
            }
            // 访华, 来京: a verb, then one abbreviation that ends a token.
            if end <= i + 1, i > 0, lexicon.verbAbbreviations.contains(s[i]), analysis.isBoundary(i + 1), let verbStart = s.longestWord(endingAt: i, in: verbs, maxLength: 2),
                analysis.isBoundary(verbStart), analysis.isBoundary(i) || analysis.tokenEnd(at: verbStart) == i + 1
            {
                add(i)
            }
            i = max(end, i + 1)
        }
        return result
    }

    /// Whether each token inside the run is a single character or a word read as a place name.
    private func wellFormedRun(_ run: Range<Int>, analysis: LexicalAnalysis, automaton: WordAutomaton) -> Bool {
        // A whole place name made of such characters is the gazetteer's; a word they spell is that word (美德).
        if let id = analysis.word(spanning: run) {
            if automaton.kinds(id).contains(.place) { return false }
            if run.count == 2, !["ns", "j", "nz", "nt", ""].contains(automaton.tag(id)) { return false }
        }
        var p = run.lowerBound
        while p < run.upperBound {
            guard let end = analysis.tokenEnd(at: p), end <= run.upperBound else { return false }
            if end - p > 1 {
                // Two abbreviations may spell an ordinary word (中意 "to like"); three rarely do (港澳台).
                guard let id = analysis.word(spanning: p..<end) else { return false }
                let tag = automaton.tag(id)
                if end - p == 2 ? !["ns", "j", "nz", "nt", ""].contains(tag) : ["v", "a", "d", "ad", "vd"].contains(tag) { return false }
            }
            p = end
        }
        return true
    }
}
