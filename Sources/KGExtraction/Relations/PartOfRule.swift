import KGModel

/// Organizations that are part of another. A composite name points to its written prefix when that
/// prefix is itself an organization, one relation per level (`全国人大常委会办公厅` → `全国人大常委会` →
/// `全国人大`, `苏州大学法学院` → `苏州大学`); a place is not an organization (`湖北省水产研究所`), and
/// `中央` names are atomic (`中共中央`, `中央军委`). Without a written prefix, the lexicon's hierarchy
/// gives the parent (`国资委` → `国务院国资委` → `国务院`).
struct PartOfRule: RelationRule {
    let id = "relation.partOf"
    let summary = "Units of organizations: written prefixes and known parents"
    var examples: [RuleExample] {
        [
            .positive("教育部党组细化工作任务。", "教育部党组 -partOf-> 教育部"),
            .positive("国资委发布通知。", "国务院国资委 -partOf-> 国务院"),
            .positive("国务院国资委党委作出部署。", "国务院国资委党委 -partOf-> 国务院国资委", "国务院国资委 -partOf-> 国务院"),
            .positive("南京大学文学院举办讲座。", "南京大学文学院 -partOf-> 南京大学"),
            .positive("全国人大常委会办公厅发出通知。", "全国人大常委会办公厅 -partOf-> 全国人大常委会", "全国人大常委会 -partOf-> 全国人大"),
            .positive("交通部综治办受到表彰。", "交通部综治办 -partOf-> 交通部"),
            .negative("教育部细化工作任务。"),
            .negative("湖北省水产研究所开展试验。"),
            .negative("村党支部领办合作社。", forbidding: "党支部领办合作社 -partOf-> 党支部领办"),
            .negative("中共中央、中央军委发出通知。"),
            .negative("中央社会治安综合治理委员会作出决定。", forbidding: "中央社会治安综合治理委员会 -partOf-> 中央社"),
        ]
    }

    func relations(in sentence: SentenceView, context: RuleContext) -> [RelationCandidate] {
        let lexicon = context.lexicon
        let analysis = context.analysis(of: sentence.text)
        let s = sentence.text.scalars
        let heads = lexicon.suffixWords(.organization)
        var result: [RelationCandidate] = []

        /// Whether the written text is an organization name of its own: a known organization, or a name
        /// ending in an organization head that is not a place or a generic class.
        func isOrganization(_ range: Range<Int>) -> Bool {
            let text = s.text(range)
            if text == "中央" { return false }
            if let entry = lexicon.canonical[lexicon.canonicalName(of: text, type: .organization)], entry.type == .organization { return true }
            if let word = lexicon.automaton.id(of: s[range]) {
                let kinds = lexicon.automaton.kinds(word)
                if kinds.contains(.organization) { return true }
                if !kinds.isDisjoint(with: [.place, .notName]) { return false }
                // A dictionary organization name (jieba's nt: 铁道部) stands on its own where the segmentation
                // ends a word after it (not 中央社 in 中央社会治安综合治理委员会).
                if lexicon.automaton.tag(word) == "nt", analysis.isBoundary(range.lowerBound), analysis.isBoundary(range.upperBound) { return true }
            }
            // A name read from its head must end where a word of the segmentation ends (法国社会党 holds
            // no 法国社) and be more than a place before the head.
            // A one-character head (办, 部) is too common an ending to make an unknown prefix a name.
            guard analysis.isBoundary(range.upperBound), let head = s.longestWord(endingAt: range.upperBound, in: heads, maxLength: 5),
                  head > range.lowerBound, range.upperBound - head >= 2
            else { return false }
            if let stem = lexicon.automaton.id(of: s[range.lowerBound..<head]), lexicon.automaton.kinds(stem).contains(.place),
               range.upperBound - head == 1
            {
                return false
            }
            return true
        }
        /// The longest written prefix of `range` that is an organization, leaving a unit after it.
        func parent(of range: Range<Int>) -> Range<Int>? {
            var end = range.upperBound - 2
            while end >= range.lowerBound + 2 {
                let unit = end..<range.upperBound
                // The unit ends in a head of its own; after a one-character head it is more than a word (综治办, not 部署).
                if s.text(unit) != "中央", let unitHead = s.longestWord(endingAt: range.upperBound, in: heads, maxLength: 5),
                   unitHead >= end, range.upperBound - unitHead >= 2 || unit.count >= 3, isOrganization(range.lowerBound..<end)
                {
                    return range.lowerBound..<end
                }
                end -= 1
            }
            return nil
        }
        func endpoint(_ range: Range<Int>) -> RelationEndpoint {
            RelationEndpoint(type: .organization, name: lexicon.canonicalName(of: s.text(range), type: .organization),
                             surface: sentence.text.surface(range), range: range)
        }

        for unit in sentence.mentions(of: .organization) {
            var child = sentence.endpoint(unit, type: .organization)
            var seen: Set<String> = [child.name]
            // Written prefixes first: 全国人大常委会办公厅 → 全国人大常委会 → 全国人大.
            var range = unit.nameRange
            while let prefix = parent(of: range) {
                let parentEndpoint = endpoint(prefix)
                guard seen.insert(parentEndpoint.name).inserted else { break }
                result.append(RelationCandidate(predicate: Predicate.partOf, subject: child, object: parentEndpoint,
                                                evidence: sentence.range, rule: id))
                child = parentEndpoint
                range = prefix
            }
            // Then the known hierarchy: 国务院国资委党委 → 国务院国资委 → 国务院.
            var parentName = range == unit.nameRange ? unit.attributes["partOf"] ?? lexicon.canonical[child.name]?.attributes["partOf"]
                : lexicon.canonical[child.name]?.attributes["partOf"]
            while let name = parentName, seen.insert(name).inserted {
                let parent = RelationEndpoint(type: .organization, name: name, range: unit.range)
                result.append(RelationCandidate(predicate: Predicate.partOf, subject: child, object: parent,
                                                evidence: sentence.range, rule: id))
                child = parent
                parentName = lexicon.canonical[name]?.attributes["partOf"]
            }
        }
        return result
    }
}
