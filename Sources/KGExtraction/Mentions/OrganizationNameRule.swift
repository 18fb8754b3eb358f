import KGModel

/// Organizations read by their grammar: name material (places, known names, proper nouns, nouns) ending
/// in an organization head (`委员会`, `部`, `局`, `大学`, `公司`, `银行`, `队`, …), read over the tokens of
/// the segmentation (`常州市公安局`, `香港旅游协会`, `美国财政部`, `哈佛大学`). The name is kept whole,
/// nested parts included. A name must start with a strong token (a place, a known organization, a
/// proper noun, or `国家`/`中央`/`全国`-like words), so generic classes (`有关部门`, `基层党组织`) are
/// not organizations.
struct OrganizationNameRule: MentionRule {
    let id = "organization.grammar"
    let summary = "Organizations: name material ending in an organization head, over the segmentation"
    static let maximumLength = 24

    var examples: [RuleExample] {
        [
            .positive("记者从杭州市公安局获悉。", "杭州市公安局"),
            .positive("他毕业于剑桥大学。", "剑桥大学"),
            .positive("代表团访问了法国外交部。", "法国外交部"),
            .positive("意大利队以二比一获胜。", "意大利队"),
            .positive("广东省旅游协会发布倡议。", "广东省旅游协会"),
            .positive("芬兰—中国友好协会会长出席。", "芬兰—中国友好协会"),
            .positive("演习由澳大利亚海军组织。", "澳大利亚海军"),
            .positive("湖北省宜昌市公安局破获此案。", "宜昌市公安局"),  // the higher place locates it
            .positive("民生银行发布公告。", "民生银行"),  // a rare dictionary organization with a noun stem
            .positive("他毕业于郑州大学，后来到兰州工作。", "郑州大学"),  // named after a Chinese city
            .positive("土地划拨给了江苏天合置业有限公司。", "江苏天合置业有限公司"),  // any word before a legal form
            .positive("据成都银行介绍，贷款增长较快。", "成都银行"),  // a bank named after a city
            .positive("大华银行（中国）有限公司宣布降息。", "大华银行（中国）有限公司"),
            .negative("美国银行业陷入危机。", forbidding: "美国银行业"),
            .negative("农民协会在各地纷纷成立。"),  // a stem as frequent as a class noun: a kind
            .positive("复旦大学亚洲研究中心举办讲座。", "复旦大学亚洲研究中心"),  // 研究 + 中心 is one head
            .negative("市文化执法局刘明副局长介绍情况。", forbidding: "市文化执法局刘明副局"),
            .negative("老将离队后，球队很难。"),
            .negative("他调往闻韶派出所工作。", forbidding: "韶派出所"),  // the end of a name the grammar cannot read
            .negative("两岸关系由国共两党主导。", forbidding: "国共两党"),  // two parties, not one
            .positive("中国—东盟经贸联委会举行会议。", "中国—东盟经贸联委会"),
            .negative("商业银行加强风险管理。"),
            .negative("全国政协常委出席会议。", forbidding: "全国政协常委"),  // 常委 is a title here
            .negative("中共中央政治局常委出席。", forbidding: "中共中央政治局常委"),  // one dictionary token
            .negative("有关部门加强监管。"),
            .positive("中国女排夺得冠军。", "中国女排"),  // a national side by its sport
            .positive("会见了来访的挪威渔业部长。", "挪威渔业部"),  // the head of 部长 ends the ministry's name
            .negative("他被任命为交通部代理部长。", forbidding: "交通部代理部"),
            .positive("巴西中央银行宣布降息。", "巴西中央银行"),  // a country has one central bank
            .negative("中央银行加强监管。"),
            .positive("少年儿童出版社出版了这本诗集。", "少年儿童出版社"),  // a rare dictionary organization: a name
            .negative("它只是众多经济合作组织之一。"),  // after a modifier and before 之一: a kind
            .positive("加拿大中国商会会长出席。", "加拿大中国商会"),  // two countries: the Chinese chamber in the United States
            .negative("原华星出版社社长兼天成影视有限公司董事长出席。", forbidding: "华星出版社社长兼天成影视有限公司"),
            .negative("今晚焦点：北京队vs上海队。", forbidding: "北京队vs上海队"),  // two sides of a match
            .negative("基层党组织发挥作用。"),
            .negative("这个委员会开会讨论。"),
            .negative("财政部门加强预算管理。"),
            .positive("省纪委会同市公安局查处此案。", "省纪委", "市公安局"),  // 会同 joins two organizations
            .negative("中宣部副部长王明代表中宣部讲话。", forbidding: "中宣部副部长王明代表中宣部"),
        ]
    }

    func mentions(in text: PreparedText, context: RuleContext) -> [Mention] {
        let s = text.scalars
        let lexicon = context.lexicon
        let analysis = context.analysis(of: text)
        let automaton = lexicon.automaton
        let heads = lexicon.suffixWords(.organization, subtype: "head")
        let strongWords = lexicon.triggerWords("organizationStart")
        let materialVerbs = lexicon.triggerWords("organizationMaterial")
        let committees = lexicon.suffixWords(.organization, subtype: "committee")
        let titles = lexicon.titleWords
        let roles = lexicon.triggerWords("personRole")
        let breaks = lexicon.triggerWords("organizationBreak")
        let ranks = lexicon.triggerWords("titleRank")
        // Tokens of the best path, as ranges.
        var tokens: [Range<Int>] = []
        var i = 0
        while i < s.count {
            let end = analysis.tokenEnd(at: i) ?? (i + 1)
            // A head the best path cut in two (研究 + 中心 of 研究中心) is one token: the name ends at it.
            if let headStart = s.longestWord(endingAt: end, in: heads, maxLength: 5), headStart < i, end - headStart >= 3,
                let previous = tokens.last, previous.lowerBound == headStart, previous.upperBound == i
            {
                tokens[tokens.count - 1] = headStart..<end
            } else {
                tokens.append(i..<end)
            }
            i = end
        }
        func word(_ t: Range<Int>) -> Int32? { analysis.word(spanning: t) }
        func isMaterial(_ t: Range<Int>) -> Bool {
            // A dash joins two names inside one (奥地利—中国友好协会).
            if t.count == 1, s[t.lowerBound] == "—" || s[t.lowerBound] == "－", t.lowerBound > 0, t.upperBound < s.count,
                CharacterClass.isHan(s[t.lowerBound - 1]), CharacterClass.isHan(s[t.upperBound])
            {
                return true
            }
            if t.count == 1, !CharacterClass.isHan(s[t.lowerBound]) { return CharacterClass.isASCIIAlphanumeric(s[t.lowerBound]) }
            if !CharacterClass.isHan(s[t.lowerBound]) { return s[t].allSatisfy(CharacterClass.isASCIILetter) && !Self.isVersus(s[t]) }
            guard let id = word(t) else { return t.count == 1 && !Self.functionCharacters.contains(s[t.lowerBound]) }
            let kinds = automaton.kinds(id)
            if kinds.contains(.notName) || Self.functionCharacters.contains(s[t.lowerBound]) && t.count == 1 { return false }
            // A title, or a word that joins two agents (会同, 代表), is a person's or a clause's, not a name's.
            if kinds.contains(.title) || breaks.contains(s.text(t)) { return false }
            if !kinds.isDisjoint(with: [.place, .organization, .organizationHead, .person]) { return true }
            // 兼 joins two posts of one person (社长兼董事长), never two parts of a name.
            if s[t].contains("兼") { return false }
            return Self.materialTags.contains(automaton.tag(id)) || materialVerbs.contains(s.text(t))
        }
        /// A dictionary word that is a place and a generic head (`美国公司`). A university, college,
        /// hospital or bank named after a province, state or city is that institution's name (`郑州大学`,
        /// `东京大学`); named after a country it describes (`美国大学` are American universities).
        func isDescription(_ t: Range<Int>) -> Bool {
            guard let headStart = s.longestWord(endingAt: t.upperBound, in: heads, maxLength: 5), headStart > t.lowerBound,
                Self.descriptiveHeads.contains(s.text(headStart..<t.upperBound)),
                let place = lexicon.longestEntry(in: s, at: t.lowerBound, type: .place)
            else { return false }
            if Self.institutionHeads.contains(s.text(headStart..<t.upperBound)),
                let placeType = place.entry.attributes["placeType"], !Self.worldPlaceTypes.contains(placeType)
            {
                return false
            }
            return place.end == headStart
        }
        func isCountry(_ t: Range<Int>) -> Bool {
            guard let place = lexicon.longestEntry(in: s, at: t.lowerBound, type: .place), place.end == t.upperBound else { return false }
            return place.entry.attributes["placeType"].map(Self.worldPlaceTypes.contains) ?? false
        }
        func isPlace(_ t: Range<Int>) -> Bool {
            guard let id = word(t) else { return false }
            let kinds = automaton.kinds(id)
            return kinds.contains(.place) && !kinds.contains(.organization)
        }
        func isNonName(_ t: Range<Int>) -> Bool { s.longestWord(endingAt: t.upperBound, in: Self.nonNameEndings, maxLength: 6).map { $0 >= t.lowerBound } ?? false }
        func startsWithName(_ t: Range<Int>) -> Bool {
            for w in analysis.words(at: t.lowerBound).reversed() where w.end < t.upperBound {
                return isStrong(t.lowerBound..<w.end)
            }
            return false
        }
        /// A rare dictionary organization (`民生银行`, `民政厅`, `花旗集团`) whose stem is a noun or a name,
        /// not a place or a modifier; a frequent one is a class (`商业银行`), and so is a modifier before the
        /// head (`国有银行`).
        func hasNounStem(_ t: Range<Int>, headStart: Int) -> Bool {
            guard let id = word(t), automaton.frequency(id) <= Self.rareOrganizationFrequency, headStart - t.lowerBound >= 2,
                let stem = word(t.lowerBound..<headStart), automaton.kinds(stem).isDisjoint(with: [.place, .notName, .title])
            else { return false }
            // A stem as frequent as a class noun (农民 of 农民协会, 航空 of 航空学院) names a kind, not one body.
            return Self.stemTags.contains(automaton.tag(stem)) && automaton.frequency(stem) <= Self.classStemFrequency
        }
        /// A long dictionary organization the corpus hardly uses (少年儿童出版社): a name, not a class.
        /// After a modifier (…的, 全国性) or before 之一 it names a kind (众多经济合作组织之一).
        func isRareLongName(_ t: Range<Int>) -> Bool {
            guard t.count >= Self.rareNameLength, let id = word(t), automaton.frequency(id) <= Self.rareOrganizationFrequency else { return false }
            if t.lowerBound > 0, s[t.lowerBound - 1] == "的" || s[t.lowerBound - 1] == "性" { return false }
            return !(t.upperBound + 1 < s.count && s[t.upperBound] == "之" && s[t.upperBound + 1] == "一")
        }
        func isStrong(_ t: Range<Int>) -> Bool {
            if !CharacterClass.isHan(s[t.lowerBound]) { return CharacterClass.isASCIILetter(s[t.lowerBound]) && !Self.isVersus(s[t]) }
            if strongWords.contains(s.text(t)) { return true }
            guard let id = word(t) else { return false }
            let kinds = automaton.kinds(id)
            if kinds.contains(.notName) { return false }
            if !kinds.isDisjoint(with: [.place, .organization]) { return true }
            return Self.strongTags.contains(automaton.tag(id))
        }
        var result: [Mention] = []
        for (index, token) in tokens.enumerated() {
            // The name ends at a head: at the token's end, or before a title glued to it (协会会长, 财政部长).
            var end = token.upperBound
            var headStart = s.longestWord(endingAt: end, in: heads, maxLength: 5)
            // A head inside a title that ends the token (委 of 常委 in 中央政治局常委) is the title's.
            let tokenTitle = s.longestWord(endingAt: token.upperBound, in: titles, maxLength: 4)
            let headInTitle = headStart.map { h in tokenTitle.map { h >= $0 && $0 > token.lowerBound } ?? false } ?? false
            if headStart == nil || headStart! < token.lowerBound || headInTitle, token.count >= 3 {
                if headInTitle { headStart = nil }
                var ends: [Int] = []
                if let titleStart = s.longestWord(endingAt: token.upperBound, in: titles, maxLength: 4), titleStart > token.lowerBound { ends.append(titleStart) }
                if s[token.upperBound - 1] == "长" { ends.append(token.upperBound - 1) }
                // A deputy's title (副局长) holds no head: 副局 is no organization.
                for candidate in ends where s[token.lowerBound] != "副" {
                    if let start = s.longestWord(endingAt: candidate, in: heads, maxLength: 5), start >= token.lowerBound {
                        end = candidate
                        headStart = start
                        break
                    }
                }
            }
            // A head and 长 after the name's material is the head of that body's title (挪威渔业|部长: 挪威渔业部).
            if headStart == nil || headStart! < token.lowerBound, token.count == 2, s[token.upperBound - 1] == "长",
                heads.contains(s.text(token.lowerBound..<(token.lowerBound + 1))), index > 0, isMaterial(tokens[index - 1]),
                s.longestWord(endingAt: tokens[index - 1].upperBound, in: heads, maxLength: 5) == nil,
                !ranks.contains(s.text(tokens[index - 1])), !s.text(tokens[index - 1]).hasSuffix("副")
            {
                end = token.lowerBound + 1
                headStart = token.lowerBound
            }
            let tokenWord = word(token)
            let tokenKinds = tokenWord.map { automaton.kinds($0) } ?? []
            let tag = tokenWord.map { automaton.tag($0) } ?? ""
            if tokenKinds.contains(.notName) || (tokenKinds.contains(.place) && !tokenKinds.contains(.organization)) { continue }
            // A known organization: in the gazetteer, or a dictionary organization name (`nt`) that starts
            // with a name (`中国共产党`; not `社会科学`, `公共场所`).
            let known = end == token.upperBound && !isNonName(token)
                && (tokenKinds.contains(.organization)
                    || (tag == "nt" && token.count >= 3 && headStart.map { $0 >= token.lowerBound } == true
                        && (startsWithName(token) || hasNounStem(token, headStart: headStart!) || isRareLongName(token)) && !isDescription(token)))
            guard known || (headStart.map { $0 >= token.lowerBound } ?? false) else { continue }
            if !known {
                // A title is no head (中共中央政治局常委 is a member of 中共中央政治局).
                if end == token.upperBound, titles.contains(s.text(token)) { continue }
                // A verb, direction or adjective that ends like a head (`举办`, `北部`, `当局`) names nothing.
                // A listed head the dictionary tags as a verb is still a head (促进会, 研究会).
                if tokenWord != nil, end == token.upperBound, token.count > 1, !Self.headTags.contains(tag),
                    !(headStart == token.lowerBound && token.count >= 3) { continue }
                if let nonName = s.longestWord(endingAt: end, in: Self.nonNameEndings, maxLength: 6),
                    !(Self.nationalInstitutions.contains(s.text(nonName..<end)) && index > 0 && isCountry(tokens[index - 1]))
                {
                    continue
                }
            }
            let headRange = (headStart ?? token.lowerBound)..<end
            if Self.armedServices.contains(s.text(headRange)), s.longestWord(startingAt: end, in: roles, maxLength: 3) != nil { continue }
            // A bare head (`公司`, `政党`): the head is the whole token, or a two-character general word.
            let bare = !known && (headRange.lowerBound == token.lowerBound || token.count <= 2)
            // Extend left over name material; before a company's legal form (有限公司) any word but a
            // function word or a mark is part of the name (江苏天合置业有限公司, 华星拍卖有限公司).
            let legalForm = s.longestWord(endingAt: end, in: Self.legalForms, maxLength: 6) != nil
            func isNamePart(_ t: Range<Int>) -> Bool {
                if isMaterial(t) { return true }
                guard legalForm, s.isAllHan(t), !s[t].contains(where: Self.functionCharacters.contains) else { return false }
                return word(t).map { !automaton.kinds($0).contains(.title) && !breaks.contains(s.text(t)) } ?? true
            }
            var first = index
            while first > 0, isNamePart(tokens[first - 1]), end - tokens[first - 1].lowerBound <= Self.maximumLength {
                first -= 1
            }
            // Start at the leftmost strong token.
            while first < index, !isStrong(tokens[first]) { first += 1 }
            // Of a chain of places, the organization starts at the last (江苏省苏州…公司 is 苏州…公司 in
            // 江苏省): the higher places locate it and stay places.
            // Two countries are not such a chain: 加拿大中国商会 is the Chinese chamber in Canada.
            while first + 1 < index, isPlace(tokens[first]), isPlace(tokens[first + 1]), !(isCountry(tokens[first]) && isCountry(tokens[first + 1])) {
                first += 1
            }
            if first == index {
                // A lone token: a known organization, or a head with a name as its stem (`哈佛大学`).
                // A party committee or government named by its level alone (`县委`, `市政府`) is one too.
                guard known || committees.contains(s.text(token)) || (!bare && !isDescription(token) && isKnownStem(token.lowerBound..<headRange.lowerBound, analysis, automaton))
                else { continue }
            } else if bare, Self.descriptiveHeads.contains(s.text(headRange)),
                tokens[first..<index].allSatisfy({ t in word(t).map { automaton.kinds($0).contains(.place) || automaton.tag($0) == "ns" } ?? false }),
                // A bank or university after a city or region is its name (成都银行, 金城银行); after a country, a kind.
                !Self.institutionHeads.contains(s.text(headRange)) || tokens[first..<index].contains(where: isCountry)
            {
                // A place and a generic head (`美国公司`, `陕西工厂`) is a description, not a name.
                continue
            }
            // A name that starts with a lone character glued to another lone character (闻|韶派出所, 中|英联合
            // 联络小组, 十|国大东盟) is the end of a longer name or phrase the grammar could not read: leave it.
            if tokens[first].count == 1, first > 0, tokens[first - 1].count == 1, CharacterClass.isHan(s[tokens[first - 1].lowerBound]),
                !Self.functionCharacters.contains(s[tokens[first - 1].lowerBound])
            {
                continue
            }
            var range = tokens[first].lowerBound..<end
            // The company a group registers in one place: 大华银行（中国）有限公司.
            if end + 2 < s.count, s[end] == "(", let place = lexicon.longestEntry(in: s, at: end + 1, type: .place),
                place.end < s.count, s[place.end] == ")",
                let formEnd = s.longestWord(startingAt: place.end + 1, in: Self.legalForms, maxLength: 6)
            {
                range = range.lowerBound..<formEnd
            }
            result.append(Mention(type: .organization, range: range, value: lexicon.canonicalName(of: s.text(range), type: .organization), rule: id))
        }
        return result
    }

    /// Institutions a country has one of: after the country's name, that institution (巴西中央银行).
    static let nationalInstitutions: Set<String> = ["中央银行"]
    /// Heads that after a bare place describe rather than name (`美国公司` are American companies).
    static let descriptiveHeads: Set<String> = ["公司", "工厂", "厂", "企业", "组织", "政党", "党", "学校", "大学", "银行", "医院", "球队", "部门", "机构",
                                                 "电子", "娱乐", "影视", "传媒", "证券", "地产", "实业"]
    /// Heads that make a name after a Chinese place's (郑州大学), not a description.
    static let institutionHeads: Set<String> = ["大学", "学院", "医院", "银行"]
    /// Legal forms of companies: what stands before one, up to a strong start, is the company's name.
    static let legalForms = WordSet(["有限公司", "有限责任公司", "股份有限公司", "股份公司"])
    /// Place types of countries and continents, whose institutions a place and a head describe.
    static let worldPlaceTypes: Set<String> = ["国家", "大洲"]
    /// Services of armed forces, which also begin ranks (海军少将 is a rank, not a navy).
    static let armedServices: Set<String> = ["海军", "陆军", "空军"]

    /// `vs` between two sides of a match or a comparison (米兰vs巴勒莫): two names, never one.
    static func isVersus(_ letters: ArraySlice<Unicode.Scalar>) -> Bool {
        letters.count <= 2 && letters.first.map { $0 == "v" || $0 == "V" } == true && letters.dropFirst().allSatisfy { $0 == "s" || $0 == "S" || $0 == "." }
    }

    /// A stem that is itself a name: a known place or organization, or a proper noun.
    private func isKnownStem(_ stem: Range<Int>, _ analysis: LexicalAnalysis, _ automaton: WordAutomaton) -> Bool {
        guard let id = analysis.word(spanning: stem) else { return false }
        return !automaton.kinds(id).isDisjoint(with: [.place, .organization]) || Self.strongTags.contains(automaton.tag(id))
    }

    /// Parts of speech that may be inside an organization name.
    static let materialTags: Set<String> = ["n", "nt", "ns", "nz", "nr", "nrt", "nrfg", "j", "vn", "an", "ng", "eng", "l"]
    /// Parts of speech of a token that ends in a head and may end a name.
    static let headTags: Set<String> = ["n", "nt", "nz", "j", "ng", "nr", "nrt", "l", "vn", ""]
    /// Parts of speech of the stem of a rare dictionary organization (花旗 of 花旗集团, 民政 of 民政厅).
    static let stemTags: Set<String> = ["n", "nz", "nr", "nrt", "nrfg", "j", "nt"]
    /// The dictionary frequency above which an organization word is a class rather than a name (商业银行).
    static let rareOrganizationFrequency: UInt32 = 100
    /// Characters from which a rare dictionary organization is a name whatever its stem.
    static let rareNameLength = 5
    /// The dictionary frequency above which the stem of such a word is a class noun (农民, 航空, 妇女).
    static let classStemFrequency: UInt32 = 5000
    /// Parts of speech that may start one.
    static let strongTags: Set<String> = ["ns", "nt", "nz", "nrt", "j"]
    /// Single characters that never sit inside a name.
    static let functionCharacters: Set<Unicode.Scalar> = ["的", "和", "与", "及", "在", "是", "了", "等", "对", "把", "将", "从", "向", "为", "到", "由", "被", "也", "都", "就", "又", "并", "而", "或", "之", "其", "这", "那", "该", "各", "本", "我", "你", "他", "她", "它", "电", "讯", "兼"]
    /// Words ending in a head that name no organization.
    static let nonNameEndings: WordSet = [
        "部门", "两党", "三党", "各党", "多党", "全部", "内部", "外部", "局部", "干部", "部分", "大部", "全会", "大会", "会议", "社会", "机会", "体会", "晚会",
        "宴会", "聚会", "舞会", "约会", "开会", "总部", "当局", "格局", "布局", "结局", "大局", "全局", "政局", "时局", "邮局", "部队",
        "军队", "强队", "团队", "离队", "归队", "入队", "带队", "率队", "领队", "组队", "建队", "排队", "列队", "整队", "上市公司", "政府", "关系", "场所", "部委", "东部", "西部", "南部", "北部", "中部", "中南部", "东南部", "西南部", "东北部", "西北部", "中央银行", "通讯社", "党委会", "子公司", "母公司", "国际组织", "恐怖组织", "人道主义组织", "救援组织",
    ]
}
