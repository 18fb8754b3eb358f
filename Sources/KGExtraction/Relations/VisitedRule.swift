import Foundation
import KGModel

/// Persons who visit places and sites, dated by the sentence:
/// - a verb before the destinations: `习近平来到江西赣州于都县考察`, `抵达北京`, `访华`, `先后来到湛江、茂名`;
/// - a place or site before the verb: `在广东考察`, `在鞍钢视察`;
/// - a visit named as a noun: `结束对美国的国事访问`, `对法国、挪威进行正式友好访问`;
/// - a relative clause before the visitor: `正在芬兰访问的外长普里马科夫`.
///
/// The visitor is the nearest full name before the verb, in the same clause or the sentence's first name;
/// a person who accompanies (`陪同`), a surname alone (`江主席`), the host of an invitation (`应X的邀请`)
/// and future or modal visits (`即将访问`) give nothing. Each chain of places gives its most specific one.
/// Verbs and visit nouns are lexicon data (`trigger visited`, `trigger visitNoun` in people.tsv).
struct VisitedRule: RelationRule {
    let id = "relation.visited"
    let summary = "Persons who visit places and sites (来到, 抵达, 视察, 访问, 对X进行访问), dated by the sentence"
    /// How far after the destinations a visit noun may come (`对深圳为期两天的访问`).
    static let visitNounReach = 12
    var examples: [RuleExample] {
        [
            .positive("2019年5月,习近平总书记来到江西赣州于都县考察。", "习近平 -visited-> 于都县 @2019-05"),
            .positive("今年3月,王建国部长到福建宁德调研。", "王建国 -visited-> 宁德"),
            .positive("10月20日,习近平来到福建宁德考察。", "习近平 -visited-> 宁德 @2023-10-20", referenceDate: "2023-11-10"),
            .positive("4月上旬,习近平在广东考察,先后来到湛江、茂名等地。", "习近平 -visited-> 广东", "习近平 -visited-> 湛江", "习近平 -visited-> 茂名"),
            .positive("1995年,王建国总统对法国、意大利进行了国事访问。", "王建国 -visited-> 法国 @1995", "王建国 -visited-> 意大利 @1995"),
            .positive("王建国总统从5月2日起对欧洲三国法国、德国和意大利进行了正式访问。", "王建国 -visited-> 法国", "王建国 -visited-> 德国",
                      "王建国 -visited-> 意大利"),
            .positive("王建国总统今天结束对深圳为期三天的访问,乘专机飞往上海。", "王建国 -visited-> 深圳", "王建国 -visited-> 上海"),
            .positive("正在德国访问的王建国外长表示欢迎。", "王建国 -visited-> 德国"),
            .positive("李明华副总理视察了清华大学。", "李明华 -visited-> 清华大学"),
            .negative("习近平总书记强调,要加强基层党建。"),
            .negative("王建国总统即将访问法国。"),
            .negative("市长李明华对江主席访问纽约表示欢迎。"),
            .negative("陪同王建国访问的还有外交部长李明华。"),
            .negative("李明华离开北京回国。"),
            .negative("李明华副总理考察了清华大学开发的教学系统。"),
            .positive("李明华副总理考察了清华大学青年教师居住的宿舍。", "李明华 -visited-> 清华大学"),
            .positive("委员长王建国从3月25日起对中东欧三国波兰、捷克和匈牙利进行正式友好访问。", "王建国 -visited-> 波兰",
                      "王建国 -visited-> 捷克", "王建国 -visited-> 匈牙利"),
            .negative("部长表示,近日将派遣副部长李明华前往日本。"),
        ]
    }

    func relations(in sentence: SentenceView, context: RuleContext) -> [RelationCandidate] {
        let lexicon = context.lexicon
        let verbs = lexicon.triggerWords(Predicate.visited)
        let visitNouns = lexicon.triggerWords("visitNoun")
        let irrealis = lexicon.triggerWords("irrealis")
        let s = sentence.text.scalars
        var found: [(person: Mention, place: Mention, at: Int)] = []
        func add(_ person: Mention?, _ places: [Mention], at position: Int) {
            guard let person else { return }
            for place in places where !found.contains(where: { $0.person == person && $0.place == place }) {
                found.append((person, place, position))
            }
        }
        func visitor(before position: Int) -> Mention? {
            sentence.agent(before: position, irrealis: irrealis, titles: lexicon.titleWords)
        }
        let analysis = context.analysis(of: sentence.text)
        /// Whether the destinations end the verb's object: not a modifier of a noun after them (德黑兰机场,
        /// 泰国驻华使馆) nor the subject of a relative clause (考察了清华大学开发的系统).
        func endsObject(_ end: Int) -> Bool {
            guard end < sentence.range.upperBound, CharacterClass.isHan(s[end]) else { return true }
            if s[end] == "驻" { return false }
            if s.longestWord(startingAt: end, in: SentenceView.timeFollowers, maxLength: 2) != nil { return true }
            if let next = sentence.token(startingAt: end, analysis: analysis), next.isNominal, next.tag != "vn" { return false }
            var i = end
            while i < min(sentence.range.upperBound, end + 5), !CharacterClass.isPunctuation(s[i]) {
                if s[i] == "的" { return false }
                i += 1
            }
            return true
        }

        /// Whether the object after the destinations, up to the clause's end, is a part of them that
        /// visits go to (考察了清华大学青年教师居住的宿舍): the visit is to the named place.
        let sites = lexicon.triggerWords("visitSite")
        func endsInSite(_ end: Int) -> Bool {
            var stop = end
            while stop < sentence.range.upperBound, stop - end < 20, !CharacterClass.isPunctuation(s[stop]) { stop += 1 }
            guard stop > end, stop - end < 20, stop == sentence.range.upperBound || CharacterClass.isPunctuation(s[stop]) else { return false }
            guard let start = s.longestWord(endingAt: stop, in: sites, maxLength: 5), start >= end else { return false }
            return !sentence.mentions.contains { $0.range.lowerBound >= end && $0.range.upperBound <= stop && [.place, .organization, .person].contains($0.type) }
        }

        // PERSON … VERB PLACES (来到江西赣州于都县, 抵达北京, 访华, 视察了清华大学).
        for verb in sentence.occurrences(of: verbs) {
            // A verb inside a word is none (考察团), unless the word is the verb and its destination (访华).
            guard analysis.isBoundary(verb.lowerBound),
                  analysis.isBoundary(verb.upperBound) || sentence.mentions.contains(where: { $0.range.lowerBound == verb.upperBound })
            else { continue }
            let (destinations, end) = Self.destinations(in: sentence, from: verb.upperBound, allowing: ["了"])
            if destinations.isEmpty {
                // 在…大厦…,习近平来到他们中间: the verb names no place but people; the visit happened where
                // the sentence set its scene with 在.
                if verb.count >= 2, sentence.token(startingAt: verb.upperBound, analysis: analysis)?.tag.hasPrefix("r") == true,
                   let person = visitor(before: verb.lowerBound),
                   let scene = sentence.mentions.last(where: { $0.type == .place && $0.range.upperBound <= person.range.lowerBound }),
                   scene.range.lowerBound > sentence.range.lowerBound, s[scene.range.lowerBound - 1] == "在",
                   !Self.isAbbreviation(scene), scene.attributes[AttributeKey.placeType] != "国家"
                {
                    add(person, [scene], at: verb.lowerBound)
                }
                continue
            }
            guard endsObject(end) || endsInSite(end) else { continue }
            add(visitor(before: verb.lowerBound), destinations, at: verb.lowerBound)
        }
        // PERSON 在 PLACE VERB (在广东考察) and PERSON 对 PLACES 进行…访问 / 结束对 PLACES 的…访问.
        for (index, mention) in sentence.mentions.enumerated() where [.place, .organization].contains(mention.type) && mention.range.lowerBound > sentence.range.lowerBound {
            // 对欧亚四国法国、挪威: a region the lexicon does not know, counted, before the list.
            let marker = Self.followsCountedRegion(s, at: mention.range.lowerBound, lowerLimit: sentence.range.lowerBound)
                ? "对" : s[mention.range.lowerBound - 1]
            guard marker == "在" || marker == "对", index == 0 || sentence.mentions[index - 1].range.upperBound < mention.range.lowerBound else { continue }
            let (places, end) = Self.destinationList(in: sentence, from: mention.range.lowerBound)
            guard !places.isEmpty else { continue }
            if marker == "在" {
                // 在德国访问的外长王建国: the visitor follows the relative clause.
                if let visitNoun = s.longestWord(startingAt: end, in: visitNouns, maxLength: 4), visitNoun < s.count, s[visitNoun] == "的" {
                    if let person = sentence.mentions.first(where: {
                        $0.type == .person && $0.range.lowerBound > visitNoun && $0.range.lowerBound - visitNoun <= 10 && $0.range.count >= 2
                    }), !sentence.gap(visitNoun, person.range.lowerBound).unicodeScalars.contains(where: CharacterClass.isPunctuation) {
                        add(person, places, at: mention.range.lowerBound)
                    }
                    continue
                }
                guard let verbEnd = s.longestWord(startingAt: end, in: verbs, maxLength: 4) ?? s.longestWord(startingAt: end, in: visitNouns, maxLength: 4),
                      verbEnd - end >= 2
                else { continue }
                add(visitor(before: mention.range.lowerBound - 1), places, at: mention.range.lowerBound - 1)
            } else {
                // 对美国的国事访问, 对法国、挪威进行正式友好访问, 对深圳为期两天的访问.
                let reach = min(sentence.range.upperBound, end + Self.visitNounReach)
                guard let noun = (end..<reach).first(where: { s.longestWord(startingAt: $0, in: visitNouns, maxLength: 4) != nil }),
                      !sentence.gap(end, noun).unicodeScalars.contains(where: CharacterClass.isPunctuation),
                      sentence.gap(end, noun).hasPrefix("进行") || sentence.gap(end, noun).contains("的")
                else { continue }
                add(visitor(before: mention.range.lowerBound - 1), places, at: mention.range.lowerBound - 1)
            }
        }
        return found.map { person, place, position in
            var attributes: [String: String] = [:]
            if let value = sentence.relationDate(near: position, context: context) { attributes[AttributeKey.date] = value }
            return RelationCandidate(predicate: Predicate.visited, subject: sentence.endpoint(person, type: .person),
                                     object: sentence.endpoint(place, type: place.type == .organization ? .organization : .place,
                                                               attributeKeys: [AttributeKey.placeType]),
                                     attributes: attributes, evidence: sentence.range, rule: id)
        }
    }

    /// Whether `对`, a region of at most four characters and a count of countries (`四国`) come right
    /// before `start`.
    static func followsCountedRegion(_ s: [Unicode.Scalar], at start: Int, lowerLimit: Int) -> Bool {
        var i = start - 1
        guard i > lowerLimit, s[i] == "国" else { return false }
        i -= 1
        var digits = 0
        while i > lowerLimit, NumberCharacters.digit(s[i]) != nil || CharacterClass.isASCIIDigit(s[i]) { digits += 1; i -= 1 }
        guard (1...2).contains(digits) else { return false }
        var region = 0
        while i > lowerLimit, region < 4, s[i] != "对", CharacterClass.isHan(s[i]) { region += 1; i -= 1 }
        return i >= lowerLimit && s[i] == "对"
    }

    private static func isAbbreviation(_ place: Mention) -> Bool { place.attributes["abbreviation"] != nil }

    /// `三国`, `四国`, `5国`: a count of countries between a region and the list of its members.
    static func isCountOfCountries(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 2, scalars.count <= 3, scalars.last == "国" else { return false }
        return scalars.dropLast().allSatisfy { NumberCharacters.digit($0) != nil || CharacterClass.isASCIIDigit($0) }
    }

    /// The destinations right after a verb: the most specific place or site of each chain in a list
    /// (`湛江、茂名等地`, `江西赣州于都县`), with only the given words between the verb and the first.
    static func destinations(in sentence: SentenceView, from position: Int, allowing words: Set<String>) -> (places: [Mention], end: Int) {
        guard let first = sentence.mentions.first(where: { $0.range.lowerBound >= position }),
              [.place, .organization].contains(first.type)
        else { return ([], position) }
        let gap = sentence.gap(position, first.range.lowerBound)
        guard gap.isEmpty || words.contains(gap) else { return ([], position) }
        return destinationList(in: sentence, from: first.range.lowerBound)
    }

    /// The list of place chains starting at `position`, as their most specific members, and where it ends.
    /// Places directly following each other (or joined by 的) form a chain; chains are separated by 、,
    /// 和, 与, 及 or commas.
    static func destinationList(in sentence: SentenceView, from position: Int) -> (places: [Mention], end: Int) {
        var places: [Mention] = []
        var last: Mention?
        var cursor = position
        for mention in sentence.mentions where mention.range.lowerBound >= cursor {
            guard [.place, .organization].contains(mention.type) else {
                // The figure of 欧洲三国 is part of the count read below.
                if last != nil, mention.type == .figure, isCountOfCountries(sentence.gap(cursor, mention.range.upperBound + 1)) { continue }
                break
            }
            let between = sentence.gap(cursor, mention.range.lowerBound)
            if between.isEmpty || (between == "的" && last != nil) || (last != nil && Self.isCountOfCountries(between)) {
                // 欧洲三国法国、德国: the count names the list that follows; its members are the destinations.
                last = mention
            } else if let previous = last, SentenceView.listSeparators.contains(between), between != "," {
                places.append(previous)
                last = mention
            } else {
                break
            }
            cursor = mention.range.upperBound
        }
        if let last { places.append(last) }
        return (places, cursor)
    }
}
