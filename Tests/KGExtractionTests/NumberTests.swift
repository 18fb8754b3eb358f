@testable import KGExtraction
import KGModel
import Testing

/// Numbers and figures: the grammar in Numbers/ and FigureRule, on sentences written for these tests.
@Suite struct NumberTests {
    /// The figures the rule finds in `text`, as `surface = value`.
    static func figures(_ text: String) -> [FigureMatch] {
        let prepared = PreparedText(documentID: "t", text: text)
        let original = prepared.original, index = prepared.originalIndex, scalars = prepared.scalars
        return NumberScanner(text: scalars) { original[index[$0]] != scalars[$0] }.scan()
    }

    static func surface(_ text: String, _ range: Range<Int>) -> String {
        let scalars = Array(text.unicodeScalars)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }

    /// `surface = value` for every figure.
    static func found(_ text: String) -> [String] {
        figures(text).map { "\(surface(text, $0.range)) = \($0.value)" }
    }

    /// The figure whose surface is `surface`.
    static func figure(_ text: String, _ surface: String) -> FigureMatch? {
        figures(text).first { Self.surface(text, $0.range) == surface }
    }

    static func check(_ text: String, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let found = Self.found(text)
        for item in expected {
            #expect(found.contains(item), "\(text): expected \(item), found \(found)", sourceLocation: sourceLocation)
        }
    }

    // MARK: - Numerals

    @Test func arabicDigitsWithSeparatorsDecimalsAndScales() {
        Self.check("该市常住人口1,234,567人，财政收入1,100.9亿元。", ["1,234,567 = 1234567", "1,100.9亿元 = 110090000000"])
        Self.check("出口额达到10.1万吨，比上年多2.5万吨。", ["10.1万 = 101000", "2.5万 = 25000"])
        Self.check("全年新增贷款4.78万亿元。", ["4.78万亿元 = 4780000000000"])
        Self.check("企业数量达到3千家，职工7万 5千 4百人。", ["3千 = 3000", "7万 5千 4百 = 75400"])
        Self.check("全省人口10万万。", ["10万万 = 1000000000"])
        Self.check("实验误差为0.000000000000001。", ["0.000000000000001 = 0.000000000000001"])
    }

    @Test func fullWidthDigitsAreReadAndReportedAtTheirOriginalSpan() {
        Self.check("库存共１２３４件，增长１１.５%。", ["１２３４ = 1234", "１１.５% = 11.5"])
        Self.check("合计１１１，１１１个百分点。", ["１１１，１１１个百分点 = 111111"])
        // A full-width comma between ASCII digits separates clauses.
        let found = Self.found("分为3，500两组")
        #expect(!found.contains("3，500 = 3500"))
    }

    @Test func chineseNumerals() {
        Self.check("大会共收到提案一千零十件。", ["一千零十 = 1010"])
        Self.check("全镇两万三千户居民用上自来水。", ["两万三千 = 23000"])
        Self.check("他今年二十岁。", ["二十 = 20"])
        Self.check("这里海拔四千零五米。", ["四千零五 = 4005"])
        Self.check("总人口四亿五千六百四十二万零一十五。", ["四亿五千六百四十二万零一十五 = 456420015"])
        Self.check("资产规模五兆六十二亿四万五千二。", ["五兆六十二亿四万五千二 = 5006200045200"])
        Self.check("一万三人报名，九十二万四人参观。", ["一万三 = 13000", "九十二万四 = 924000"])
        Self.check("四千五百六十九万八千三百一十一亿四千八百七十二万五千三百八十二",
                   ["四千五百六十九万八千三百一十一亿四千八百七十二万五千三百八十二 = 4569831148725382"])
    }

    @Test func rangesWrittenWithScalesAndDoubleDashes() {
        Self.check("每户补贴1万-3万元不等。", ["1万-3万元 = [10000,30000]"])
        Self.check("月租金在2千元--5千元。", ["2千元--5千元 = [2000,5000]"])
        // A hyphen still never joins Chinese numerals or the parts of a date.
        #expect(!Self.found("三-五人").contains { $0.contains("[") })
        #expect(!Self.found("截至2023-05-01。").contains { $0.contains("[") })
    }

    @Test func boundsThatIncludeTheirNumber() {
        Self.check("年收入10万元（含）以下的家庭可以申请。", ["10万元（含）以下 = (,100000]"])
        Self.check("面积500平方米（含）以上的项目。", ["500平方米（含）以上 = [500,)"])
    }

    @Test func aMiddleDotBeforeAScaleIsADecimalPoint() {
        Self.check("全市约４·５万棵树被刮倒。", ["４·５万 = 45000"])
        Self.check("增长了３·８%。", ["３·８% = 3.8"])
        // Without a scale or percent sign after it, the dot joins the names of events and dates.
        #expect(!Self.found("纪念“９·１８”事变。").contains { $0.contains("9.18") || $0.contains("= 9.") })
    }

    @Test func colloquialScales() {
        Self.check("他的年薪是30w。", ["30w = 300000"])
        Self.check("百三万人口的城市。", ["百三万 = 1300000"])
        Self.check("投资一千二亿元。", ["一千二亿元 = 120000000000"])
        #expect(Self.found("一台2000W的电暖器。").allSatisfy { !$0.hasPrefix("2000W") })
    }

    @Test func shuBeforeAScaleIsOneOrderOfMagnitude() {
        Self.check("项目吸引投资数十亿元。", ["数十亿元 = [1000000000,10000000000]"])
        Self.check("数百名志愿者参加。", ["数百 = [100,1000]"])
        // 几 keeps its lower bound: 二十几万 is more than 200000.
        #expect(Self.figure("二十几万人", "二十几万")?.attributes["approximate"] == "more than")
    }

    @Test func scalesMultiplyUpToTenToTheSixteenth() {
        Self.check("全国存款余额达三百万亿元。", ["三百万亿元 = 300000000000000"])
        Self.check("这笔钱是一亿亿。", ["一亿亿 = 10000000000000000"])
        // A run of scales past 亿亿 is no number; each scale is read once, so a long run stays linear.
        #expect(Self.found(String(repeating: "亿", count: 3_000)).isEmpty)
        #expect(Self.found("上" + String(repeating: "万", count: 3_000)).isEmpty)
        Self.check("参观者上百万人次。", ["百万 = 1000000"])
    }

    @Test func digitStringsAndZero() {
        Self.check("编号为零零三的档案。", ["零零三 = 3"])
        Self.check("数值一二点三零", ["一二点三零 = 12.3"])
        Self.check("气温为零。", ["零 = 0"])
    }

    @Test func capitalAndTraditionalNumerals() {
        Self.check("收到捐款壹佰贰拾叁元。", ["壹佰贰拾叁元 = 123"])
        Self.check("合计拾万柒仟捌佰伍拾肆。", ["拾万柒仟捌佰伍拾肆 = 107854"])
        Self.check("該項目投資四十五億四千零四萬。", ["四十五億四千零四萬 = 4540040000"])
        Self.check("增長率為三點五。", ["三點五 = 3.5"])
        Self.check("全年虧損負四百零五億。", ["負四百零五億 = -40500000000"])
        Self.check("兩千人參加。", ["兩千 = 2000"])
    }

    @Test func mixedArabicAndChinese() {
        Self.check("投资3万4000元。", ["3万4000元 = 34000"])
        Self.check("预算为2千零30万元。", ["2千零30万元 = 20300000"])
        Self.check("共有25万6千人。", ["25万6千 = 256000"])
        Self.check("规模达200亿零四千230元。", ["200亿零四千230元 = 20000004230"])
    }

    @Test func decimalsWithChinesePoint() {
        Self.check("增长了两千万点五五四四。", ["两千万点五五四四 = 20000000.5544"])
        Self.check("指数为一百零五点三。", ["一百零五点三 = 105.3"])
        // 三点二十 is a time of day: the decimal stops before 十.
        #expect(!Self.found("下午三点二十分开会").contains("三点二 = 3.2"))
    }

    @Test func negatives() {
        Self.check("利润为负三十二万元。", ["负三十二万元 = -320000"])
        Self.check("温差是-10.5。", ["-10.5 = -10.5"])
        Self.check("同比增长－3%。", ["－3% = -3"])
    }

    // MARK: - Figures

    @Test func classifierIsTheUnitAndThePhraseNotTheSpan() throws {
        let text = "全国累计选派驻村第一书记51.8万人。"
        let match = try #require(Self.figure(text, "51.8万"))
        #expect(match.value == "518000")
        #expect(match.attributes[AttributeKey.unit] == "人")
        #expect(match.kind == "number")
        #expect(match.phrase.map { Self.surface(text, $0) } == "51.8万人")
    }

    @Test func approximateMoreThanFromDuo() throws {
        let text = "全国490多万个基层党组织参与其中。"
        let match = try #require(Self.figure(text, "490多万"))
        #expect(match.value == "4900000")
        #expect(match.attributes[AttributeKey.approximate] == "more than")
        #expect(match.attributes[AttributeKey.unit] == "个")
        #expect(match.phrase.map { Self.surface(text, $0) } == "490多万个")
        Self.check("发展党员9600多万名，五百多个村，一千多万人，十余万人。",
                   ["9600多万 = 96000000", "五百多 = 500", "一千多万 = 10000000", "十余万 = 100000"])
    }

    @Test func approximationWordsAreAFlagOutsideTheSpan() throws {
        let text = "约2000人到场，近千名志愿者，100人左右，5万人上下，一个多月。"
        #expect(try #require(Self.figure(text, "2000")).attributes[AttributeKey.approximate] == "about")
        #expect(try #require(Self.figure(text, "千")).attributes[AttributeKey.approximate] == "less than")
        #expect(try #require(Self.figure(text, "100")).attributes[AttributeKey.approximate] == "about")
        #expect(try #require(Self.figure(text, "5万")).attributes[AttributeKey.approximate] == "about")
        #expect(try #require(Self.figure(text, "一")).attributes[AttributeKey.approximate] == "more than")
        // 近3年 is "the last three years", not "nearly three years".
        #expect(try #require(Self.figure("近3年来成效明显", "3")).attributes[AttributeKey.approximate] == nil)
    }

    @Test func unitsWithoutDigitsAfterShangAndJin() throws {
        let text = "上千名群众参加，近万人观看。"
        let more = try #require(Self.figure(text, "千"))
        #expect(more.value == "1000")
        #expect(more.attributes[AttributeKey.approximate] == "more than")
        let less = try #require(Self.figure(text, "万"))
        #expect(less.value == "10000")
        #expect(less.attributes[AttributeKey.approximate] == "less than")
    }

    @Test func severalAndAFew() throws {
        let text = "十几万人口，几十个村，数百万元资金，二十几万亩。"
        for (surface, value) in [("十几万", "100000"), ("几十", "10"), ("二十几万", "200000")] {
            let match = try #require(Self.figure(text, surface))
            #expect(match.value == value)
            #expect(match.attributes[AttributeKey.approximate] == "more than")
        }
        // 数 + scales is one to ten of the scale (see shuBeforeAScaleIsOneOrderOfMagnitude).
        #expect(Self.figure(text, "数百万元")?.value == "[1000000,10000000]")
    }

    @Test func percentages() throws {
        Self.check("贫困发生率降至百分之三十。", ["百分之三十 = 30"])
        Self.check("增速为30%，另一项是-2.5%。", ["30% = 30", "-2.5% = -2.5"])
        Self.check("约三成企业，三成半的村，七成六的人。", ["三成 = 30", "三成半 = 35", "七成六 = 76"])
        Self.check("商品打九折，会员八五折，再来一个7.5折。", ["九折 = 90", "八五折 = 85", "7.5折 = 75"])
        Self.check("比上年提高20个百分点，下降0.3个百分点。", ["20个百分点 = 20", "0.3个百分点 = 0.3"])
        Self.check("千分之五的误差，万分之三的概率，百分之百完成。", ["千分之五 = 0.5", "万分之三 = 0.03", "百分之百 = 100"])
        Self.check("下降了百分之负三点八。", ["百分之负三点八 = -3.8"])
        let match = try #require(Self.figure("覆盖率为百分之6。", "百分之6"))
        #expect(match.kind == "percentage")
        #expect(match.attributes[AttributeKey.unit] == "%")
    }

    @Test func fractions() throws {
        Self.check("三分之一的村，3分之1的人。", ["三分之一 = 0.3333333333333333", "3分之1 = 0.3333333333333333"])
        Self.check("合计一千零十又3分之1。", ["一千零十又3分之1 = 1010.333333333333"])
        Self.check("约占五分之二，3/4的农户。", ["五分之二 = 0.4", "3/4 = 0.75"])
        #expect(try #require(Self.figure("约占五分之二", "五分之二")).kind == "fraction")
    }

    @Test func ordinals() throws {
        Self.check("他第三次来到这里，参加第二十次会议，获得第２５０名。", ["第三 = 3", "第二十 = 20", "第２５０ = 250"])
        let match = try #require(Self.figure("这是第二十次会议。", "第二十"))
        #expect(match.kind == "ordinal")
        #expect(match.attributes[AttributeKey.unit] == "次")
        // Party congress and plenary ordinals.
        let congress = try #require(Self.figure("党的十九大以来", "十九"))
        #expect(congress.kind == "ordinal")
        #expect(congress.value == "19")
        #expect(try #require(Self.figure("二十大报告指出", "二十")).kind == "ordinal")
        #expect(try #require(Self.figure("十八届三中全会", "十八")).kind == "ordinal")
    }

    @Test func money() throws {
        let text = "项目总投资1200亿美元，其中36.57亿元来自国内，另有5亿欧元、20亿港元和3000万日元。"
        for (surface, value, currency) in [("1200亿美元", "120000000000", "USD"), ("36.57亿元", "3657000000", "CNY"),
                                           ("5亿欧元", "500000000", "EUR"), ("20亿港元", "2000000000", "HKD"),
                                           ("3000万日元", "30000000", "JPY")] {
            let match = try #require(Self.figure(text, surface))
            #expect(match.kind == "money")
            #expect(match.value == value)
            #expect(match.attributes[AttributeKey.currency] == currency)
        }
        Self.check("单价五元三毛，合计50元6角3分。", ["五元三毛 = 5.3", "50元6角3分 = 50.63"])
        Self.check("售价$20，折合￥140，人民币300元。", ["$20 = 20", "￥140 = 140", "人民币300元 = 300"])
        Self.check("一瓶水卖三块五，另一瓶两块钱，五毛钱也行。", ["三块五 = 3.5", "两块钱 = 2", "五毛钱 = 0.5"])
        // 块 before a noun is a classifier.
        let land = try #require(Self.figure("村里有一块试验田。", "一"))
        #expect(land.kind == "number")
        #expect(land.attributes[AttributeKey.unit] == "块")
    }

    @Test func ranges() throws {
        Self.check("青年年龄在20至35之间，每人补贴3000至5000元。", ["3000至5000元 = [3000,5000]"])
        Self.check("参与人数20至30万人。", ["20至30万 = [200000,300000]"])
        Self.check("酒精度为5-20%。", ["5-20% = [5,20]"])
        Self.check("有三四个人，七八十万人围观，一两家企业。", ["三四 = [3,4]", "七八十万 = [700000,800000]", "一两 = [1,2]"])
        Self.check("排名在第十和第十五之间。", ["在第十和第十五之间 = [10,15]"])
        let match = try #require(Self.figure("每人补贴3000至5000元", "3000至5000元"))
        #expect(match.kind == "range")
        #expect(match.attributes[AttributeKey.currency] == "CNY")
        // Years are dates, not ranges.
        #expect(Self.found("2019-2021年间").allSatisfy { !$0.contains("[") })
    }

    @Test func comparativesMakeOpenRanges() {
        Self.check("超过10万人参加。", ["超过10万 = (100000,)"])
        Self.check("人口10万以上的城市，不足1万元的家庭，不少于三十人。",
                   ["10万以上 = (100000,)", "不足1万元 = (,10000)", "不少于三十 = [30,)"])
        Self.check("数值大于10小于20。", ["大于10小于20 = (10,20)"])
    }

    @Test func colloquialHundredMillionsAndDozens() {
        Self.check("总投资两个亿元，另有十几个亿的贷款，买了五十打。", ["两个亿元 = 200000000", "十几个亿 = 1000000000", "五十打 = 600"])
    }

    @Test func scaleWordsRangeAfterBigUnits() {
        Self.check("三十万多亿，500万余亿", ["三十万多亿 = 30000000000000", "500万余亿 = 500000000000000"])
    }

    @Test func temperaturesKeepTheirUnit() {
        Self.check("气温降至零下十五摄氏度，最高39℃。", ["零下十五摄氏度 = -15", "39℃ = 39"])
    }

    // MARK: - Not numbers

    @Test(arguments: [
        "一些同志统一了思想。", "大家一致同意。", "他一直在基层工作。", "这件事十分重要。", "万一出了问题怎么办。",
        "千万不要掉以轻心。", "不能三心二意。", "我们一起努力。", "一定要完成任务。", "一般来说是这样。",
        "两岸关系持续改善。", "四川省召开会议。", "零售额持续增长。", "陆续出台政策。", "加强队伍建设。",
        "他拾起纸屑，收拾房间。", "这是其中之一。", "全国累计选派驻村第一书记。", "第一时间赶到现场。",
        "G20峰会期间，5G网络覆盖园区。", "COVID-19疫情", "一是加强领导，二是完善制度。", "进一步加强管理。",
        "在全国上下形成合力。", "百姓安居乐业。", "千家万户都受益。", "他一看就明白了。", "一成不变的做法。",
        "办成了一件件实事。", "做到一心一意，推行一村一品。", "五四运动爆发。", "万亿元级产业集群。",
    ])
    func wordsWithNumeralCharactersAreNotNumbers(_ text: String) {
        #expect(Self.found(text).isEmpty, "\(text): \(Self.found(text))")
    }

    @Test func yearsAndClockTimesAreNotFigures() {
        #expect(Self.found("2021年6月起实施").allSatisfy { !$0.hasPrefix("2021") })
        #expect(Self.found("一九九八年的洪水").isEmpty)
        #expect(Self.found("会议于14:30开始").isEmpty)
    }

    @Test func exceptionWordsDoNotHideLongerFigures() {
        Self.check("用了十分钟，占十分之一。", ["十分之一 = 0.1"])
        #expect(Self.found("用了十分钟").contains("十 = 10"))
        Self.check("增长一点五倍。", ["一点五 = 1.5"])
    }

    // MARK: - Values

    @Test func decimalStrings() {
        #expect(FigureDecimal.string(Decimal(string: "518000.000")!) == "518000")
        #expect(FigureDecimal.string(Decimal(string: "5E-6")!) == "0.000005")
        #expect(FigureDecimal.string(Decimal(string: "-40.50")!) == "-40.5")
        #expect(FigureDecimal.divide(1, 3).map(FigureDecimal.string) == "0.3333333333333333")
        #expect(FigureDecimal.divide(5, 16).map(FigureDecimal.string) == "0.3125")
    }

    @Test func theRuleReportsFiguresAsMentions() throws {
        let mentions = Extractor(mentionRules: [FigureRule()], relationRules: []).mentions(in: "全村共有党员一百二十三名。")
        let mention = try #require(mentions.first)
        #expect(mention.type == .figure)
        #expect(mention.value == "123")
        #expect(mention.attributes[AttributeKey.kind] == "number")
        #expect(mention.attributes[AttributeKey.unit] == "名")
    }
}

import Foundation
