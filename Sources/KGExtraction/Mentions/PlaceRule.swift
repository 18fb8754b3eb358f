import KGModel

/// Places: known places and the chains of names that follow them (`陕西榆林绥德县的郝家桥村`,
/// `辽宁沈阳皇姑区三台子街道牡丹社区`, `上海中心大厦`), names with a place ending after words such as
/// 来到 or 在, and later repetitions of names found earlier in the document.
struct PlaceRule: MentionRule {
    let id = "place"
    let summary = "Places: gazetteer names, administrative chains read by their endings, and their repetitions"
    /// Longest name (ending included) read by its ending alone.
    static let maximumNameLength = 7
    /// Characters that cannot occur inside a place name read by its ending.
    static let nonNameCharacters: Set<Unicode.Scalar> = ["的", "和", "与", "及", "在", "是", "了", "等", "对", "把", "将", "各", "全", "本", "该", "每", "从", "向", "为", "到"]

    var examples: [RuleExample] {
        [
            .positive("他出生在四川成都武侯区的红牌楼村。", "四川 = 四川", "成都 = 成都", "武侯区", "红牌楼村"),
            .positive("总书记来到兰考县考察。", "兰考县"),
            .positive("代表团访问了日本神奈川县和印度马哈拉施特拉邦。", "神奈川县", "马哈拉施特拉邦"),
            .positive("他常住美国芝加哥市。", "芝加哥市 = 芝加哥"),
            .negative("中部省份的粮食产量稳定增长。"),
            .negative("中国赞赏并支持东盟发挥积极作用。", forbidding: "赞赏并支持东盟"),
            .positive("活动在广州塔下广场举行,广州各界参加。", "广州"),
            .positive("广东省深圳市南山区粤海街道开展活动。", "南山区", "粤海街道"),
            .positive("代表团抵达开罗国际机场。", "开罗国际机场"),
            .positive("颁奖仪式在北京人民大会堂隆重举行。", "北京", "人民大会堂"),  // a building with a name of its own
            .negative("他在机场接受采访。"),
            .negative("全市各区县开展示范市创建。"),
            .negative("从机关单位到城市乡村,党的组织覆盖更广。"),
            .negative("城市社区和农村地区同步推进。"),
        ]
    }

    func mentions(in text: PreparedText, context: RuleContext) -> [Mention] {
        let s = text.scalars
        let lexicon = context.lexicon
        let suffixes = lexicon.suffixes[.place] ?? [:]
        let suffixWords = lexicon.suffixWords(.place)
        let stops = lexicon.stops(.place)
        let starters = lexicon.triggerWords("locatedAt")
        let sites = lexicon.triggerWords("siteHead")
        let analysis = context.analysis(of: text)
        let automaton = lexicon.automaton
        /// A gazetteer name must not cut through a better-explained word (`振兴海洋` holds no 兴海).
        /// Whether `position` is inside a token that is two known places written together (辽宁沈阳).
        func insidePlaceWord(_ position: Int) -> Bool {
            let tokenStart = analysis.tokenStart(containing: position)
            guard let tokenEnd = analysis.tokenEnd(at: tokenStart), let first = lexicon.longestEntry(in: s, at: tokenStart, type: .place),
                first.end < tokenEnd, let second = lexicon.longestEntry(in: s, at: first.end, type: .place)
            else { return false }
            return second.end == tokenEnd
        }
        func aligned(_ start: Int, _ end: Int) -> Bool {
            // A boundary, or inside a word that is itself a place chain (辽宁沈阳).
            guard analysis.isBoundary(start) || insidePlaceWord(start) else { return false }
            if analysis.isBoundary(end) || insidePlaceWord(end - 1) && insidePlaceWord(end) { return true }
            // Its own ending may follow inside the token: 淮阴 + 市.
            return s.longestWord(startingAt: end, in: suffixWords, maxLength: 3) != nil && analysis.tokenEnd(at: start).map { $0 > end } ?? false
        }
        /// The stem of a name read by its ending must itself look like a name: unknown characters or
        /// proper-noun words, not common words or numbers (`港口城市`, `六县`, `民族地区`).
        /// After a known place (`沈阳皇姑区…牡丹社区`, `上海中心大厦`) the chain itself is the evidence, and
        /// common nouns may name a unit; words of other classes (`西北部`, `三个`, `这`) still may not.
        func nameLikeStem(_ stem: Range<Int>, inChain: Bool = false) -> Bool {
            var p = stem.lowerBound
            while p < stem.upperBound {
                let tokenEnd = min(analysis.tokenEnd(at: p) ?? (p + 1), stem.upperBound)
                if let id = analysis.word(spanning: p..<tokenEnd) {
                    let kinds = automaton.kinds(id)
                    let tag = automaton.tag(id)
                    if kinds.contains(.notName) || (tokenEnd - p > 1 && Self.nonNameTags.contains(tag)) { return false }
                    // In a chain a common noun may name a unit, but not a frequent word on its own (沿海, 贫困).
                    if inChain, p == stem.lowerBound, tokenEnd == stem.upperBound, automaton.frequency(id) >= 1000, !Self.nameTags.contains(tag) {
                        return false
                    }
                    if !inChain, kinds.isDisjoint(with: [.place, .organization, .person]), !Self.nameTags.contains(tag) {
                        if tokenEnd - p > 1 || (NumberCharacters.digit(s[p]) != nil || NumberCharacters.isTwoForm(s[p])) { return false }
                    }
                } else if tokenEnd - p == 1, (NumberCharacters.digit(s[p]) != nil || NumberCharacters.isTwoForm(s[p])) {
                    return false
                }
                // A conjunction or preposition joins words of a clause, not parts of a name (赞赏并支持).
                if tokenEnd - p == 1, p > stem.lowerBound, let id = analysis.word(spanning: p..<tokenEnd), ["c", "p"].contains(automaton.tag(id)) {
                    return false
                }
                p = tokenEnd
            }
            return true
        }
        /// Whether a name read by its ending ends in an organization the segmentation reads there
        /// (支持东盟: 东盟 is the League, not a 盟 named 支持东).
        func endsInOrganization(_ name: Mention) -> Bool {
            let start = analysis.tokenStart(containing: name.range.upperBound - 1)
            guard start > name.range.lowerBound, analysis.tokenEnd(at: start) == name.range.upperBound,
                  let id = analysis.word(spanning: start..<name.range.upperBound)
            else { return false }
            return automaton.kinds(id).contains(.organization)
        }
        /// The short form of a county or township that is also a frequent word (友谊 for 友谊县, 白云 for
        /// 白云区, 长安 for 长安区) names the place only inside a chain of places.
        func isAmbiguousShortForm(_ range: Range<Int>, _ entry: Lexicon.Entry) -> Bool {
            // A word listed as never a name (我国, 小城镇) is not a place either, even if a unit bears it.
            if let id = analysis.word(spanning: range), automaton.kinds(id).contains(.notName) { return true }
            guard ["county", "township"].contains(entry.attributes["level"] ?? ""), let id = analysis.word(spanning: range),
                automaton.frequency(id) >= Self.ambiguousFrequency, s.text(range) != entry.name
            else { return false }
            return true
        }
        /// A dictionary name (人民大会堂, 国际会议中心), not a description (中心大厦).
        func isOwnName(_ range: Range<Int>) -> Bool {
            lexicon.automaton.id(of: s[range]).map { ["nt", "ns", "nz"].contains(lexicon.automaton.tag($0)) } ?? false
        }
        var result: [Mention] = []
        var i = 0
        while i < s.count {
            var chainEnd: Int?
            if let (end, entry) = lexicon.longestEntry(in: s, at: i, type: .place, analysis: analysis), aligned(i, end), !isAmbiguousShortForm(i..<end, entry),
                !LexiconEntityRule.isInsideStopWord(s, start: i, end: end, stops: lexicon.stops(.organization))
            {
                result.append(Mention(type: .place, range: i..<end, value: entry.name, attributes: entry.attributes, rule: id))
                chainEnd = end
            } else if i > 0, s.longestWord(endingAt: i, in: starters, maxLength: 3) != nil,
                let name = suffixName(s, at: i, suffixes: suffixes, suffixWords: suffixWords, stops: stops, minimumLength: 3),
                analysis.isBoundary(i), nameLikeStem(i..<(name.range.upperBound - 1)), !endsInOrganization(name)
            {
                // 北京人民大会堂: a known place, then a building with a dictionary name of its own in it.
                if name.attributes[AttributeKey.placeType] == "建筑", let (placeEnd, entry) = lexicon.longestEntry(in: s, at: i, type: .place),
                   placeEnd < name.range.upperBound - 2, isOwnName(placeEnd..<name.range.upperBound)
                {
                    result.append(Mention(type: .place, range: i..<placeEnd, value: entry.name, attributes: entry.attributes, rule: id))
                    var building = name
                    building.range = placeEnd..<name.range.upperBound
                    building.value = s.text(building.range)
                    result.append(building)
                } else {
                    result.append(name)
                }
                chainEnd = name.range.upperBound
            }
            guard var end = chainEnd else { i += 1; continue }
            // Follow the chain: names read by their ending, directly or after 的.
            while true {
                // A site the place names (德黑兰机场) ends the chain: the airport of that city. The name
                // states no separate place, so it carries its city but gives no locatedIn edge.
                if let previous = result.last, previous.range.upperBound == end,
                    let siteEnd = s.longestWord(startingAt: end, in: sites, maxLength: sites.longest), analysis.isBoundary(siteEnd)
                {
                    let range = previous.range.lowerBound..<siteEnd
                    result.append(Mention(type: .place, range: range, value: s.text(range),
                                          attributes: [AttributeKey.placeType: "场站", "partOf": previous.value ?? s.text(previous.range)], rule: id))
                    end = siteEnd
                    break
                }
                let start = end < s.count && s[end] == "的" ? end + 1 : end
                let known = lexicon.longestEntry(in: s, at: start, type: .place).flatMap({
                    aligned(start, $0.end) ? Mention(type: .place, range: start..<$0.end, value: $0.entry.name, attributes: $0.entry.attributes, rule: id) : nil
                })
                let byEnding = suffixName(s, at: start, suffixes: suffixes, suffixWords: suffixWords, stops: stops, minimumLength: 2).flatMap({
                    nameLikeStem(start..<($0.range.upperBound - 1), inChain: true) && !endsInOrganization($0) ? $0 : nil
                })
                // The longer reading: 牡丹社区 rather than the county alias 牡丹.
                let endingOnly = known.flatMap { k in byEnding.map { suffixWords.contains(s.text(k.range.upperBound..<$0.range.upperBound)) } } ?? false
                guard var next = known == nil || endingOnly ? byEnding ?? known : known else { break }
                // A building named by a proper name of its own (人民大会堂, 国际会议中心: a dictionary name)
                // stands in the place before it; 上海中心大厦 is named with its city.
                if next.attributes[AttributeKey.placeType] == "建筑", start == end, !isOwnName(start..<next.range.upperBound), let previous = result.last {
                    // A building is named with its city: 上海中心大厦.
                    next.range = previous.range.lowerBound..<next.range.upperBound
                    next.value = s.text(next.range)
                    next.attributes["partOf"] = previous.value
                }
                result.append(next)
                end = next.range.upperBound
            }
            i = end
        }
        return result + repetitions(of: result, in: s)
    }

    static let nameTags: Set<String> = ["ns", "nr", "nrt", "nz", "j", "nt", "nrfg"]
    /// Corpus frequency above which a county's short form is more often a word than the county.
    static let ambiguousFrequency: UInt32 = 300
    /// Parts of speech never inside a place name: directions, numerals, pronouns, function words.
    static let nonNameTags: Set<String> = ["f", "m", "mq", "r", "p", "c", "u", "uj", "ul", "ud", "uz", "d", "q", "y", "e", "o"]

    /// A name of 2…7 Han characters ending in a place ending (`绥德县`, `三台子街道`), or nil.
    private func suffixName(
        _ s: [Unicode.Scalar], at start: Int, suffixes: [String: String], suffixWords: WordSet, stops: WordSet, minimumLength: Int
    ) -> Mention? {
        guard start < s.count, CharacterClass.isHan(s[start]), !Self.nonNameCharacters.contains(s[start]) else { return nil }
        var end = start + 1
        while end <= min(s.count, start + Self.maximumNameLength) {
            guard CharacterClass.isHan(s[end - 1]) else { return nil }
            if end - start >= minimumLength, let suffixStart = s.longestWord(endingAt: end, in: suffixWords, maxLength: 3),
                suffixStart > start
            {
                let range = start..<end
                let name = s.text(range)
                let stem = start..<suffixStart
                let suffixLength = end - suffixStart
                if stops.contains(name) || stops.contains(s.text(stem)) || s[stem].contains(where: Self.nonNameCharacters.contains)
                    || endsInStopWord(s, end: end, suffixLength: suffixLength, stops: stops)
                    || (end < s.count && CharacterClass.isHan(s[end]) && suffixes[s.text(suffixStart..<(end + 1))] == nil && continuesWord(s, at: end))
                {
                    end += 1
                    continue
                }
                return Mention(type: .place, range: range, value: name,
                               attributes: [AttributeKey.placeType: suffixes[s.text(suffixStart..<end)] ?? ""], rule: id)
            }
            end += 1
        }
        return nil
    }

    /// `城市乡村`, `沿海地区`: a name ending in a stop word longer than its ending names a kind of place.
    private func endsInStopWord(_ s: [Unicode.Scalar], end: Int, suffixLength: Int, stops: WordSet) -> Bool {
        guard let stopStart = s.longestWord(endingAt: end, in: stops) else { return false }
        return end - stopStart > suffixLength
    }

    /// Whether the character after a candidate ending glues to it (`区域`, `市场`, `村民`), making the
    /// ending part of another word.
    private func continuesWord(_ s: [Unicode.Scalar], at index: Int) -> Bool {
        Self.gluingCharacters.contains(s[index])
    }

    static let gluingCharacters: Set<Unicode.Scalar> = ["域", "场", "民", "长", "委", "级", "情", "容", "貌", "务", "间", "治", "属", "内", "外", "里", "政", "区", "道"]

    /// Later mentions of names found by their ending (郝家桥村 … 来到郝家桥村).
    private func repetitions(of found: [Mention], in s: [Unicode.Scalar]) -> [Mention] {
        let names = WordSet(found.filter { $0.rule == id && $0.attributes[AttributeKey.placeType] != nil }.compactMap(\.value))
        guard !names.isEmpty else { return [] }
        let taken = Set(found.map(\.range.lowerBound))
        let longest = names.longest
        var result: [Mention] = []
        var i = 0
        while i < s.count {
            if !taken.contains(i), let end = s.longestWord(startingAt: i, in: names, maxLength: longest) {
                let name = s.text(i..<end)
                let type = found.first { $0.value == name }?.attributes ?? [:]
                result.append(Mention(type: .place, range: i..<end, value: name, attributes: type, rule: id))
                i = end
            } else {
                i += 1
            }
        }
        return result
    }
}
