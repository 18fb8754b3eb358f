import KGExtraction
import KGModel
import Testing

/// The name grammars on sentences written for these tests: what each must find, and the words that look
/// like names but are not.
@Suite struct NameGrammarTests {
    static let extractor = Extractor()

    /// The outermost mentions of one type, as surface text.
    func names(_ text: String, _ type: MentionType) -> [String] {
        let prepared = PreparedText(documentID: "t", text: text)
        return Self.extractor.mentions(in: prepared).filter { $0.type == type }.map { prepared.surface($0.range) }
    }

    @Test(arguments: [
        ("市长刘建华主持会议。", ["刘建华"]),
        ("部长孙晓梅指出,要抓好落实。", ["孙晓梅"]),
        ("陈志远说,今年的收成很好。", ["陈志远"]),
        ("会议由周丽娟同志主持。", ["周丽娟"]),
        ("司马文杰、欧阳丽华当选为理事。", ["司马文杰", "欧阳丽华"]),
        ("国务院总理李强来到保定考察。", ["李强"]),
        ("张伟副部长出席了开幕式。", ["张伟"]),
        ("法国总统希拉克会见了来访的客人。", ["希拉克"]),
    ])
    func personsWithTheirNameOnly(_ text: String, _ expected: [String]) {
        #expect(names(text, .person) == expected, "\(text)")
    }

    @Test(arguments: [
        "于是大家高高兴兴地回家了。",
        "工厂产量高达三万吨。",
        "庆祝建校五十周年。",
        "这是东道主的一番心意。",
        "谢谢大家的支持。",
        "文明城市创建工作稳步推进。",
        "大家要顾大局、识大体。",
    ])
    func wordsThatAreNotPersons(_ text: String) {
        #expect(names(text, .person).isEmpty, "\(text)")
    }

    @Test(arguments: [
        ("代表团访问了江苏省南京市。", ["江苏省", "南京市"]),
        ("他来自陕西绥德。", ["陕西", "绥德"]),
        ("中美两国元首通了电话。", ["中", "美"]),
        ("外国客人昨天抵京。", ["京"]),
        ("她在巴黎和伦敦举办了画展。", ["巴黎", "伦敦"]),
    ])
    func placesFromTheGazetteerAndAbbreviations(_ text: String, _ expected: [String]) {
        #expect(names(text, .place) == expected, "\(text)")
    }

    @Test(arguments: [
        "我国经济稳定增长。",
        "全省各地积极行动。",
        "沿海地区发展很快。",
        "要振兴海洋事业。",
        "他很中意这个方案。",
    ])
    func deicticAndGenericWordsAreNotPlaces(_ text: String) {
        #expect(names(text, .place).isEmpty, "\(text)")
    }

    @Test(arguments: [
        ("记者从杭州市公安局获悉。", ["杭州市公安局"]),
        ("他在剑桥大学读书。", ["剑桥大学"]),
        ("法国外交部发表声明。", ["法国外交部"]),
        ("意大利队以二比一获胜。", ["意大利队"]),
        ("联合国和欧盟发表联合声明。", ["联合国", "欧盟"]),
        ("美国财政部长出席会议。", ["美国财政部"]),
    ])
    func organizationsReadByTheirHead(_ text: String, _ expected: [String]) {
        #expect(names(text, .organization) == expected, "\(text)")
    }

    @Test(arguments: [
        "有关部门加强监管。",
        "基层党组织发挥作用。",
        "许多美国公司在此投资。",
        "他参加了这次会议的组织工作。",
        "各国政府高度重视。",
    ])
    func genericClassesAreNotOrganizations(_ text: String) {
        #expect(names(text, .organization).isEmpty, "\(text)")
    }
}

/// The lexical analysis every rule shares.
@Suite struct LexicalAnalysisTests {
    @Test func segmentsIntoDictionaryWordsAndJudgesCandidates() {
        let text = PreparedText(documentID: "t", text: "于是大家高高兴兴地回家了。")
        let analysis = LexicalAnalysis(scalars: text.scalars, automaton: Lexicon.standard.automaton)
        // 于是 is one token of the best path; a name cutting through it loses against the reading.
        #expect(analysis.tokenEnd(at: 0) == 2)
        #expect(!analysis.isBoundary(1))
        #expect(analysis.gain(of: 1..<3, logProbability: -15) < -5)
        // The words known at a position, shortest first.
        #expect(analysis.words(at: 0).map(\.end).contains(2))
    }

    @Test func everyKindOfWordIsInOneAutomaton() {
        let automaton = Lexicon.standard.automaton
        func kinds(_ word: String) -> WordKinds { automaton.id(of: word.unicodeScalars).map(automaton.kinds) ?? [] }
        #expect(kinds("陕西省").contains(.place))
        #expect(kinds("国务院").contains(.organization))
        #expect(kinds("部长").contains(.title))
        #expect(kinds("欧阳").contains(.surname))
        #expect(kinds("委员会").contains(.organizationHead))
        #expect(kinds("我国").contains(.notName))
        #expect(automaton.frequency(automaton.id(of: "中国".unicodeScalars)!) > 1000)
    }
}

/// The rule-file loader accepts every documented kind and names the line of anything else.
@Suite struct LexiconLoaderTests {
    func error(_ text: String) -> String? {
        var lexicon = Lexicon()
        do { try lexicon.load(text: text, file: "user.tsv") } catch { return "\(error)" }
        return nil
    }

    @Test(arguments: [
        ("entity\tPlace\t某某县\n\nfrobnicate\tX\n", "user.tsv:3: unknown kind 'frobnicate'"),
        ("trigger\tvisitd\t考察\n", "user.tsv:1: unknown trigger role 'visitd'"),
        ("entity\tPlanet\t火星\n", "user.tsv:1: unknown entity type 'Planet'"),
        ("surname\t王\tmany\n", "user.tsv:1: surname frequency 'many' is not a number"),
        ("given\t明明\t3\n", "user.tsv:1: given needs one CHARACTER and a COUNT"),
        ("word\t新词\n", "user.tsv:1: word needs WORD and FREQUENCY"),
        ("abbreviation\t美\t美国\tsometimes\n", "user.tsv:1: abbreviation use 'sometimes' is not run, verb or both"),
        ("japaneseSurname\tTanaka\n", "user.tsv:1: japaneseSurname needs a NAME of Chinese characters"),
        ("holiday\t丰收日\tgregorian 13-40\n", "user.tsv:1: 'gregorian 13-40'"),
        ("holiday\t丰收日\tlunar 08-15\n", "user.tsv:1: unknown holiday rule 'lunar 08-15'"),
        ("holiday\t丰收日\teaster -2\tsometimes\n", "user.tsv:1: the fourth field of a holiday is `year`"),
        ("era\t大化\tlong ago\n", "user.tsv:1: era needs NAME and YEAR"),
        ("subunit\tCNY\tten\t角\n", "user.tsv:1: subunit divisor 'ten' is not a number"),
    ])
    func rejectsWhatItDoesNotKnowWithTheLine(_ text: String, _ prefix: String) {
        let message = error(text)
        #expect(message?.hasPrefix(prefix) == true, "\(message ?? "no error")")
    }

    @Test func userFilesAddToEveryKind() throws {
        var lexicon = Lexicon.standard
        try lexicon.load(text: """
            surname\t禤\t5
            given\t燚\t10
            translit\t喆
            word\t碳汇\t500\tn
            notname\t本单位
            abbreviation\t蒙\t蒙古\trun
            title\t首席科学家
            japaneseSurname\t绫小路
            japaneseGiven\t清隆
            """, file: "user.tsv")
        #expect(lexicon.surnames["禤"] == 5)
        #expect(lexicon.givenNameCounts["燚"] == 10)
        #expect(lexicon.transliterationCharacters.contains("喆"))
        #expect(lexicon.automaton.id(of: "碳汇".unicodeScalars).map(lexicon.automaton.frequency) == 500)
        #expect(lexicon.automaton.id(of: "本单位".unicodeScalars).map { lexicon.automaton.kinds($0).contains(.notName) } == true)
        #expect(lexicon.placeAbbreviations["蒙"] == "蒙古")
        let extractor = Extractor(lexicon: lexicon)
        let text = PreparedText(documentID: "t", text: "首席科学家禤燚燚介绍了情况。")
        #expect(extractor.mentions(in: text).contains { $0.type == .person && text.surface($0.range) == "禤燚燚" })
        let japanese = PreparedText(documentID: "t", text: "社长绫小路清隆表示,公司将扩大投资。")
        #expect(extractor.mentions(in: japanese).contains { $0.type == .person && japanese.surface($0.range) == "绫小路清隆" })
    }

    @Test func userFilesAddNamedDaysAndUnits() throws {
        var lexicon = Lexicon.standard
        try lexicon.load(text: """
            holiday\t茶叶节\tgregorian 04-20
            holiday\t开渔节\tweekday 09 1 6\tyear
            era\t大化\t645
            measure\t担
            """, file: "user.tsv")
        let extractor = Extractor(lexicon: lexicon)
        let text = PreparedText(documentID: "t", text: "2023年茶叶节上，茶农卖出三十担新茶；2024年开渔节也在筹备。大化元年改革开始。")
        let found = Dictionary(extractor.mentions(in: text).map { (text.surface($0.range), $0) }, uniquingKeysWith: { a, _ in a })
        #expect(found["2023年茶叶节"]?.value == "2023-04-20", "\(found.keys.sorted())")
        #expect(found["2024年开渔节"]?.value == "2024-09-07")
        #expect(found["大化元年"]?.value == "0645")
        #expect(found["三十"]?.attributes["unit"] == "担")
        // The standard lexicon is untouched by the copy that loaded more.
        #expect(!Extractor().mentions(in: text).contains { text.surface($0.range) == "2023年茶叶节" })
    }
}
