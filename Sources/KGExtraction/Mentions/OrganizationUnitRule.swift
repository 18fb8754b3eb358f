import KGModel

/// Units of known organizations (`国务院国资委党委`, `教育部党组`, `中宣部宣教局`) and party committees of
/// places (`中共绥德地委`, `陕西省委`). Each unit records the organization it is part of.
struct OrganizationUnitRule: MentionRule {
    let id = "organization.unit"
    let summary = "Sub-units of known organizations and party committees of places, with their parent"
    /// Characters that may not sit between an organization and a `局`/`司` unit: they start a clause.
    static let clauseCharacters: Set<Unicode.Scalar> = ["的", "和", "与", "及", "在", "对", "等", "将", "要", "把", "向", "为", "是"]
    var examples: [RuleExample] {
        [
            .positive("国务院国资委党委作出部署。", "国务院国资委党委"),
            .positive("教育部党组细化任务。", "教育部党组"),
            .positive("中宣部宣教局发布倡议。", "中宣部宣教局"),
            .positive("这里曾是中共延安地委所在地。", "中共延安地委"),
            .positive("广东省委召开会议。", "广东省委"),
            .positive("上海市政府办公厅印发通知。", "上海市政府办公厅"),
            .positive("新华社编委会发出倡议。", "新华社编委会"),
            .positive("中央电视台新闻中心播出专题片。", "中央电视台新闻中心"),
            .negative("财政部门加强监管。"),
            .negative("教育部和地方结合起来。"),
        ]
    }

    func mentions(in text: PreparedText, context: RuleContext) -> [Mention] {
        let s = text.scalars
        let lexicon = context.lexicon
        let committeeSuffixes = lexicon.suffixWords(.organization, subtype: "committee")
        let unitSuffixes = lexicon.suffixWords(.organization, subtype: "unit")
        let bureauSuffixes = lexicon.suffixWords(.organization, subtype: "bureau")
        var result: [Mention] = []
        var i = 0
        while i < s.count {
            // 中共 + place name + committee: 中共绥德地委.
            if s[i] == "中", i + 1 < s.count, s[i + 1] == "共" {
                var found = false
                for nameLength in 2...4 where i + 2 + nameLength < s.count {
                    let nameEnd = i + 2 + nameLength
                    guard s.isAllHan((i + 2)..<nameEnd), let end = s.longestWord(startingAt: nameEnd, in: committeeSuffixes, maxLength: 2) else { continue }
                    result.append(Mention(type: .organization, range: i..<end, value: s.text(i..<end), rule: id))
                    i = end
                    found = true
                    break
                }
                if found { continue }
            }
            guard let (end, entry) = lexicon.longestEntry(in: s, at: i), entry.type == .organization || entry.type == .place else {
                i += 1
                continue
            }
            if entry.type == .place {
                // A known place + committee: 陕西省委, 榆林市委.
                if let unitEnd = s.longestWord(startingAt: end, in: committeeSuffixes, maxLength: 6)
                    // The place's own ending may start the committee's: 上海市 + 市政府, 陕西省 + 省委.
                    ?? (end > i + 1 ? s.longestWord(startingAt: end - 1, in: committeeSuffixes, maxLength: 5) : nil)
                {
                    let committee = s.text(i..<unitEnd)
                    result.append(Mention(type: .organization, range: i..<unitEnd, value: committee, rule: id))
                    // 上海市政府办公厅: a unit of the committee or government just found.
                    if let officeEnd = s.longestWord(startingAt: unitEnd, in: unitSuffixes, maxLength: 4) {
                        result.append(unit(i..<officeEnd, parent: committee, text: s))
                        i = officeEnd
                    } else {
                        i = unitEnd
                    }
                    continue
                }
                i = end
                continue
            }
            if let unitEnd = s.longestWord(startingAt: end, in: unitSuffixes, maxLength: 5) {
                result.append(unit(i..<unitEnd, parent: entry.name, text: s))
                i = unitEnd
                continue
            }
            // A named bureau inside a known organization: 中宣部宣教局.
            var matched = false
            for middle in 1...3 where end + middle < s.count {
                let middleRange = end..<(end + middle)
                guard s.isAllHan(middleRange), !s[middleRange].contains(where: Self.clauseCharacters.contains) else { break }
                if let bureauEnd = s.longestWord(startingAt: end + middle, in: bureauSuffixes, maxLength: 4) {
                    result.append(unit(i..<bureauEnd, parent: entry.name, text: s))
                    i = bureauEnd
                    matched = true
                    break
                }
            }
            if !matched { i = end }
        }
        return result
    }

    private func unit(_ range: Range<Int>, parent: String, text s: [Unicode.Scalar]) -> Mention {
        Mention(type: .organization, range: range, value: s.text(range), attributes: ["partOf": parent], rule: id)
    }
}
