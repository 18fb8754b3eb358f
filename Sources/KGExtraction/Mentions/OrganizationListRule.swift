import KGModel

/// Unknown organizations listed next to known ones (`教育部、财政部、国家乡村振兴局联合印发`): an item of a
/// 、-separated list that holds a known organization is an organization too when it ends like one.
struct OrganizationListRule: MentionRule {
    let id = "organization.list"
    let summary = "List items next to known organizations that end in an organization ending (部, 局, 委员会, …)"
    static let maximumItemLength = 14
    var examples: [RuleExample] {
        [
            .positive("教育部、国家乡村振兴局、全国老龄委联合印发通知。", "国家乡村振兴局", "全国老龄委"),
            .positive("省农业农村厅、财政部联合部署。", "省农业农村厅"),
            .negative("教育部、学校和家庭要形成合力。"),
            .negative("会上,代表们回顾了各级统战部、工商联的工作。", forbidding: "代表们回顾了各级统战部"),
        ]
    }

    func mentions(in text: PreparedText, context: RuleContext) -> [Mention] {
        let s = text.scalars
        let lexicon = context.lexicon
        let endings = lexicon.suffixWords(.organization, subtype: "generic")
        let stops = lexicon.triggerWords("listEnd")
        let analysis = context.analysis(of: text)
        var known: [Range<Int>] = []
        var i = 0
        while i < s.count {
            if let (end, entry) = lexicon.longestEntry(in: s, at: i, type: .organization), entry.type == .organization {
                known.append(i..<end)
                i = end
            } else {
                i += 1
            }
        }
        var result: [Mention] = []
        var covered = Set(known.map(\.lowerBound))
        for range in known {
            // Rightwards: 、ITEM、ITEM…
            var cursor = range.upperBound
            while cursor < s.count, s[cursor] == "、" {
                var end = cursor + 1
                while end < s.count, CharacterClass.isHan(s[end]), end - cursor <= Self.maximumItemLength,
                    s.longestWord(startingAt: end, in: stops, maxLength: 3) == nil || end == cursor + 1
                {
                    end += 1
                }
                let item = (cursor + 1)..<end
                guard accept(item, s: s, endings: endings, lexicon: lexicon) else { break }
                if covered.insert(item.lowerBound).inserted {
                    result.append(Mention(type: .organization, range: item, value: s.text(item), rule: id))
                }
                cursor = end
            }
            // Leftwards: ITEM、known, over whole words of name material (not 与会者回顾了…各级统战部).
            cursor = range.lowerBound
            while cursor > 0, s[cursor - 1] == "、" {
                var start = cursor - 1
                while start > 0, CharacterClass.isHan(s[start - 1]) {
                    let wordStart = analysis.tokenStart(containing: start - 1)
                    guard cursor - wordStart <= Self.maximumItemLength, isMaterial(wordStart..<start, s: s, lexicon: lexicon, analysis: analysis) else { break }
                    start = wordStart
                }
                let item = start..<(cursor - 1)
                guard accept(item, s: s, endings: endings, lexicon: lexicon) else { break }
                if covered.insert(item.lowerBound).inserted {
                    result.append(Mention(type: .organization, range: item, value: s.text(item), rule: id))
                }
                cursor = start
            }
        }
        return result
    }

    /// Whether a word may be inside an organization name: a name, a noun, a verb used as a noun.
    private func isMaterial(_ word: Range<Int>, s: [Unicode.Scalar], lexicon: Lexicon, analysis: LexicalAnalysis) -> Bool {
        guard word.lowerBound >= 0, !word.isEmpty, s[word].allSatisfy(CharacterClass.isHan) else { return false }
        guard let id = analysis.word(spanning: word) else {
            return word.count == 1 && !OrganizationNameRule.functionCharacters.contains(s[word.lowerBound])
        }
        let kinds = lexicon.automaton.kinds(id)
        if kinds.contains(.notName) || kinds.contains(.title) { return false }
        if !kinds.isDisjoint(with: [.place, .organization, .organizationHead]) { return true }
        return OrganizationNameRule.materialTags.contains(lexicon.automaton.tag(id)) || lexicon.triggerWords("organizationMaterial").contains(s.text(word))
    }

    private func accept(_ item: Range<Int>, s: [Unicode.Scalar], endings: WordSet, lexicon: Lexicon) -> Bool {
        guard item.count >= 3, item.count <= Self.maximumItemLength,
            let suffixStart = s.longestWord(endingAt: item.upperBound, in: endings, maxLength: 4), suffixStart > item.lowerBound
        else { return false }
        return s.longestWord(startingAt: item.lowerBound, in: lexicon.stops(.organization)) == nil
    }
}
