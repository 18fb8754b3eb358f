@testable import KGExtraction
import KGModel
import Testing

/// The Date mentions of a text, by surface (original text).
private func dates(_ text: String, reference: String? = nil) -> [String: Mention] {
    let prepared = PreparedText(documentID: "t", text: text)
    let context = RuleContext(referenceDate: reference.flatMap(CalendarDate.init(iso:)))
    var result: [String: Mention] = [:]
    for mention in DateRule().mentions(in: prepared, context: context) {
        result[prepared.originalSlice(prepared.originalRange(mention.range))] = mention
    }
    return result
}

/// `surface = value` strings, as rule examples write them.
private func findings(_ text: String, reference: String? = nil) -> [String] {
    dates(text, reference: reference).map { "\($0.key) = \($0.value.value ?? "nil")" }.sorted()
}

private let reference = "2022-09-15"

@Suite struct DateTests {
    // MARK: Absolute dates

    @Test(arguments: [
        ("2021年6月，文件印发。", "2021年6月", "2021-06"),
        ("2018年11月6日，他来到上海。", "2018年11月6日", "2018-11-06"),
        ("一九九八年一月，洪水退去。", "一九九八年一月", "1998-01"),
        ("１９９８年是关键的一年。", "１９９８年", "1998"),
        ("二〇〇二年的第一场雪来得早。", "二〇〇二年", "2002"),
        ("07年他去了南方。", "07年", "2007"),
        ("两千零四年八月十五，月亮很圆。", "两千零四年八月十五", "2004-08-15"),
        ("会议定于6月召开。", "6月", "XXXX-06"),
        ("29日，代表团抵达。", "29日", "XXXX-XX-29"),
        ("报告于2020年2月29日发布。", "2020年2月29日", "2020-02-29"),
        ("数据截止日期为2021-06-30。", "2021-06-30", "2021-06-30"),
        ("日期写作2015.5.13也可以。", "2015.5.13", "2015-05-13"),
        ("康熙二十年9月，平定三藩。", "康熙二十年9月", "1681-09"),
        ("民国三年，他出生于此。", "民国三年", "1914"),
        ("2021年度预算已经通过。", "2021年度", "2021"),
    ])
    func absoluteDates(text: String, surface: String, value: String) {
        let found = dates(text)
        #expect(found[surface]?.value == value, "\(findings(text))")
        #expect(found[surface]?.attributes["kind"] == "date")
    }

    @Test(arguments: [
        ("公司这个季度的订单翻了一番。", "这个季度", "2022-07/2022-09"),
        ("上一季度出口放缓。", "上一季度", "2022-04/2022-06"),  // the calendar quarter, not the three months before
        ("预计下季度末完工。", "下季度末", "2022-12"),
        ("第三季度初发布新品。", "第三季度初", "2022-07"),
        ("1季度经济开局良好。", "1季度", "2022-01/2022-03"),
        ("公司Q4利润增长。", "Q4", "2022-10/2022-12"),
        ("2021年第二季度末，存款余额增加。", "2021年第二季度末", "2021-06"),
    ])
    func quartersAreCalendarQuarters(text: String, surface: String, value: String) {
        let found = dates(text, reference: reference)
        #expect(found[surface]?.value == value, "\(findings(text, reference: reference))")
    }

    @Test(arguments: [
        ("2025年立春，气温开始回升。", "2025年立春", "2025-02-03"),
        ("2024年冬至那天下了雪。", "2024年冬至", "2024-12-21"),
        ("2024年复活节假期很长。", "2024年复活节", "2024-03-31"),  // Easter by the Gregorian computus
        ("2025年开斋节，市场十分热闹。", "2025年开斋节", "2025-03-30"),  // 1 Shawwal, Umm al-Qura
        ("2024年赎罪日当天。", "2024年赎罪日", "2024-10-12"),  // 10 Tishrei
        ("2023年腊月初9，全家团聚。", "2023年腊月初9", "2023-12-09"),
    ])
    func festivalsAndSolarTermsAreComputedForTheirYear(text: String, surface: String, value: String) {
        let found = dates(text, reference: reference)
        #expect(found[surface]?.value == value, "\(findings(text, reference: reference))")
    }

    @Test func aSolarTermAloneIsAWord() {
        #expect(dates("窗外大雪纷飞。", reference: reference).isEmpty)
    }

    @Test func aQuarterCodeInsideAnIdentifierIsNoDate() {
        #expect(dates("型号ABQ3已停产。", reference: reference).isEmpty)
    }

    @Test func dateWithWeekdayAndTime() {
        let found = dates("2021年6月14日（星期一）上午9时，会议在京召开。")
        #expect(found["2021年6月14日（星期一）上午9时"]?.value == "2021-06-14T09:00", "\(found.keys)")
    }

    @Test func lunarDatesKeepTheirCalendar() {
        let found = dates("农历八月十五是中秋节。")
        #expect(found["农历八月十五"]?.value == "XXXX-08-15")
        #expect(found["农历八月十五"]?.attributes["calendar"] == "chinese")
        #expect(found["中秋节"]?.value == "XXXX-08-15")
        #expect(dates("正月初一，家家户户贴春联。")["正月初一"]?.value == "XXXX-01-01")
        #expect(dates("正月初一，家家户户贴春联。")["正月初一"]?.attributes["gregorian"] == nil, "no year, no Gregorian date")
    }

    @Test(arguments: [
        ("2023年春节，游客络绎不绝。", "2023年春节", "2023-01-22"),
        ("2024年除夕，全家团圆。", "2024年除夕", "2024-02-09"),
        ("农历2015年十月初一，村里举行庆典。", "农历2015年十月初一", "2015-11-12"),
        ("2023年春节前后，返乡人数增多。", "2023年春节前后", "2023-01-22~"),
    ])
    func lunarDaysWithAYearGetTheirGregorianDate(text: String, surface: String, gregorian: String) {
        let found = dates(text)
        #expect(found[surface]?.attributes["calendar"] == "chinese", "\(found.keys)")
        #expect(found[surface]?.attributes["gregorian"] == gregorian)
    }

    /// Festivals of other calendars are computed for any year (the dates are those the calendars' own
    /// authorities publish), never looked up in a list.
    @Test(arguments: [
        ("2019年耶稣受难日，教堂举行仪式。", "2019年耶稣受难日", "2019-04-19"),
        ("2030年圣灵降临节，游客增多。", "2030年圣灵降临节", "2030-06-09"),
        ("2023年东正教复活节，信众聚集。", "2023年东正教复活节", "2023-04-16"),
        ("2026年逾越节，以色列放假。", "2026年逾越节", "2026-04-02"),
        ("2024年普珥节，街头举行游行。", "2024年普珥节", "2024-03-24"),
        ("2026年圣纪节，清真寺举行活动。", "2026年圣纪节", "2026-08-25"),
        ("2024年斋月，商铺调整营业时间。", "2024年斋月", "2024-03-11/2024-04-09"),
        ("2025年清明节，市民踏青。", "2025年清明节", "2025-04-04"),
        ("2026年世界读书日，书店推出活动。", "2026年世界读书日", "2026-04-23"),
    ])
    func festivalsOfOtherCalendarsAreComputed(text: String, surface: String, value: String) {
        #expect(dates(text)[surface]?.value == value, "\(dates(text).keys)")
    }

    /// A range whose end comes earlier in the year or week than its start runs into the next one.
    @Test(arguments: [
        ("12月至1月是销售旺季。", "12月至1月", "2023-12/2024-01"),
        ("活动于11月20日至1月5日举行。", "11月20日至1月5日", "2023-11-20/2024-01-05"),
        ("展览从2022年10月至次年2月。", "从2022年10月至次年2月", "2022-10/2023-02"),
        ("下周六至周二闭馆。", "下周六至周二", "2024-02-24/2024-02-27"),
    ])
    func rangesDoNotRunBackwards(text: String, surface: String, value: String) {
        #expect(dates(text, reference: "2024-02-14")[surface]?.value == value, "\(dates(text, reference: "2024-02-14").mapValues(\.value))")
    }

    @Test func relationsAreDatedInTheGregorianCalendar() {
        let extractor = Extractor()
        let graph = extractor.extract(documentID: "t", text: "2023年端午节，国务院办公厅印发《关于加强龙舟文化保护的意见》。").graph
        let dates = graph.relations.compactMap { $0.attributes[AttributeKey.date] }
        #expect(dates.contains("2023-06-22"), "\(dates)")
        #expect(!dates.contains("2023-05-05"))
    }

    // MARK: Seasons, parts of a year, decades

    @Test(arguments: [
        ("1943年春，模范村被发现。", "1943年春", "1943-21"),
        ("2020年夏天格外炎热。", "2020年夏天", "2020-22"),
        ("1998年秋季开学。", "1998年秋季", "1998-23"),
        ("2021年冬，寒潮来袭。", "2021年冬", "2021-24"),
        ("2021年上半年，经济稳步恢复。", "2021年上半年", "2021-01/2021-06"),
        ("2021年下半年，出口增长。", "2021年下半年", "2021-07/2021-12"),
        ("2021年底，工程完工。", "2021年底", "2021-11/2021-12"),
        ("2021年初，项目启动。", "2021年初", "2021-01/2021-02"),
        ("2022年一季度，产量上升。", "2022年一季度", "2022-01/2022-03"),
        ("2022年第三季度，销量下降。", "2022年第三季度", "2022-07/2022-09"),
        ("2022年前三季度，投资增长。", "2022年前三季度", "2022-01/2022-09"),
        ("20世纪80年代，改革起步。", "20世纪80年代", "198X"),
        ("九十年代，下海潮兴起。", "九十年代", "XX9X"),
        ("18世纪，工业革命开始。", "18世纪", "17XX"),
        ("2021年6月上旬，雨水偏多。", "2021年6月上旬", "2021-06-01/2021-06-10"),
    ])
    func periods(text: String, surface: String, value: String) {
        #expect(dates(text)[surface]?.value == value, "\(findings(text))")
    }

    // MARK: Ranges and open intervals

    @Test(arguments: [
        ("2021年6月至12月，开展专项行动。", "2021年6月至12月", "2021-06/2021-12"),
        ("从2016年到2018年，产量翻番。", "从2016年到2018年", "2016/2018"),
        ("2019-2021年，该市年均增长6.5%。", "2019-2021年", "2019/2021"),
        ("2021—2025年规划编制完成。", "2021—2025年", "2021/2025"),
        ("展期为3月28日到4月15日。", "3月28日到4月15日", "XXXX-03-28/XXXX-04-15"),
        ("2019年4月12-19日举办展览。", "2019年4月12-19日", "2019-04-12/2019-04-19"),
        ("1-8月份，利润增长。", "1-8月份", "XXXX-01/XXXX-08"),
        ("从1月1日起至3月31日止，开展行动。", "从1月1日起至3月31日止", "XXXX-01-01/XXXX-03-31"),
        ("2007年与2009年之间，房价上涨。", "2007年与2009年之间", "2007/2009"),
        ("2021年11月至2月，供暖季。", "2021年11月至2月", "2021-11/2022-02"),
        ("2018至19年，产量翻了一番。", "2018至19年", "2018/2019"),
        ("1998到02年间，工厂改制。", "1998到02年", "1998/2002"),
        ("2019到20年12月，项目分三期建设。", "2019到20年12月", "2019/2020-12"),
    ])
    func ranges(text: String, surface: String, value: String) {
        let found = dates(text)
        #expect(found[surface]?.value == value, "\(findings(text))")
        #expect(found[surface]?.attributes["kind"] == "interval")
    }

    @Test(arguments: [
        ("2018年以来，改革不断深化。", "2018年以来", "2018/.."),
        ("自2018年以来，改革不断深化。", "自2018年以来", "2018/.."),
        ("2015年前，这里很落后。", "2015年前", "../2014"),
        ("2020年之后，情况好转。", "2020年之后", "2021/.."),
        ("2013年及以前的数据已归档。", "2013年及以前", "../2013"),
        ("2019年9月9日或之后发货的商品。", "2019年9月9日或之后", "2019-09-09/.."),
        ("2010年1月10日或之前登记的车辆。", "2010年1月10日或之前", "../2010-01-10"),
        ("2022年1月1日起施行。", "2022年1月1日起", "2022-01-01/.."),
        ("从2016年3月1日开始执行。", "从2016年3月1日开始", "2016-03-01/.."),
        ("截至2021年底，党员总数增加。", "截至2021年底", "../2021-12"),
        ("到2035年，基本实现现代化。", "到2035年", "../2035"),
        ("2020年前后，市场饱和。", "2020年前后", "2020~"),
    ])
    func openIntervals(text: String, surface: String, value: String) {
        #expect(dates(text)[surface]?.value == value, "\(findings(text))")
    }

    @Test func eventAnchors() {
        let found = dates("党的十九大以来，各级党委坚持问题导向。", reference: reference)
        #expect(found["党的十九大以来"]?.value == "2017-10-18/..", "\(found.keys)")
        #expect(dates("十八大之前，这里还是荒地。")["十八大之前"]?.value == "../2012-11-07")
    }

    // MARK: Relative to the reference date

    @Test(arguments: [
        ("今年，粮食丰收。", "今年", "2022"),
        ("去年，粮食丰收。", "去年", "2021"),
        ("明年将继续推进。", "明年", "2023"),
        ("前年的数据偏低。", "前年", "2020"),
        ("今年8月，总书记来到这里。", "今年8月", "2022-08"),
        ("去年5月，我们见过。", "去年5月", "2021-05"),
        ("上月的销量下降。", "上月", "2022-08"),
        ("本月十日召开大会。", "本月十日", "2022-09-10"),
        ("下个月完工。", "下个月", "2022-10"),
        ("上周，专家组到达。", "上周", "2022-09-05/2022-09-11"),
        ("下周三开会。", "下周三", "2022-09-21"),
        ("昨天，暴雨来袭。", "昨天", "2022-09-14"),
        ("今天上午，会议开幕。", "今天上午", "2022-09-15T08:00/2022-09-15T12:00"),
        ("今晚8点，晚会开始。", "今晚8点", "2022-09-15T20:00"),
        ("过去十年，变化巨大。", "过去十年", "2012-09-15/2022-09-14"),
        ("近三年，犯罪数量下降。", "近三年", "2019-09-15/2022-09-14"),
        ("未来两天有雨。", "未来两天", "2022-09-16/2022-09-17"),
        ("5年前，这里很落后。", "5年前", "2017"),  // the grain of the unit: a year
        ("三个月后，工程完工。", "三个月后", "2022-12"),
        ("4年以前，这里是农田。", "4年以前", "../2018"),
        ("十天前，他来过。", "十天前", "2022-09-05"),
        ("5年来，各地持续优化。", "5年来", "2017-09-15/2022-09-15"),  // up to the reference date
        ("2年半以来，工程进展顺利。", "2年半以来", "2020-03-15/2022-09-15"),
        ("几年前，这里是农田。", "几年前", "2013/2020"),
        ("三十几年前，他来到深圳。", "三十几年前", "1983/1991"),
        ("十几天后结果公布。", "十几天后", "2022-09-26/2022-10-04"),
        ("三至五年前，这里还是荒地。", "三至五年前", "2017/2019"),
        ("两三个月后，新厂投产。", "两三个月后", "2022-11/2022-12"),
        ("3天后出结果。", "3天后", "2022-09-18"),
        ("上半年，收入增长。", "上半年", "2022-01/2022-06"),
        ("一季度，产量上升。", "一季度", "2022-01/2022-03"),
        ("年底前完成任务。", "年底前", "../2022-12"),
        ("今年夏天很热。", "今年夏天", "2022-22"),
        ("今年圣诞节在周日。", "今年圣诞节", "2022-12-25"),
        ("上世纪90年代，企业改制。", "上世纪90年代", "199X"),
        ("明年寒假，学生们去农村调研。", "明年寒假", "2023-01/2023-02"),
        ("今年暑假期间，博物馆延长开放。", "今年暑假期间", "2022-07/2022-08"),
        ("上月最后三天，全市降雨。", "上月最后三天", "2022-08-29/2022-08-31"),
        ("上个月的最后一周，工厂停产检修。", "上个月的最后一周", "2022-08-25/2022-08-31"),
        ("本月前两周，订单增加。", "本月前两周", "2022-09-01/2022-09-14"),
    ])
    func relativeDates(text: String, surface: String, value: String) {
        #expect(dates(text, reference: reference)[surface]?.value == value, "\(findings(text, reference: reference))")
    }

    @Test func relativeDatesWithoutAReferenceStayUnresolved() {
        let found = dates("今年8月，总书记来到这里。昨天下了雨。")
        let mention = found["今年8月"]
        #expect(mention != nil)
        #expect(mention?.value == nil)
        #expect(mention?.attributes["unresolved"] != nil)
        #expect(found["昨天"]?.value == nil)
        // Absolute dates do not need one.
        #expect(dates("2021年6月，文件印发。")["2021年6月"]?.attributes["unresolved"] == nil)
    }

    // MARK: Durations and sets

    @Test(arguments: [
        ("开展为期三个月的专项行动。", "三个月", "P3M"),
        ("这个饭店已经营业半年了。", "半年", "P0.5Y"),
        ("他在国外待了一年半。", "一年半", "P1.5Y"),
        ("还剩8天20小时。", "8天20小时", "P8DT20H"),
        ("实施三年行动计划。", "三年", "P3Y"),
        ("刑期3至5年。", "3至5年", "P3Y/P5Y"),
        ("处三年以上七年以下有期徒刑。", "三年以上七年以下", "P3Y/P7Y"),
        ("已经过了半个钟头。", "半个钟头", "PT0.5H"),
        ("建党100周年。", "100周年", "P100Y"),
    ])
    func durations(text: String, surface: String, value: String) {
        let found = dates(text, reference: reference)
        #expect(found[surface]?.value == value, "\(findings(text, reference: reference))")
        #expect(found[surface]?.attributes["kind"] == "duration")
    }

    @Test func timeUpToAnUnknownReferenceIsADuration() {
        #expect(dates("5年来，各地持续优化。")["5年来"]?.value == "P5Y")
    }

    @Test func intervalBeforeOffsetMakesADuration() {
        let found = dates("1943年春发现的模范村，时隔78年后再获表彰。", reference: reference)
        #expect(found["78年后"]?.value == "P78Y", "\(found.keys)")
        #expect(found["1943年春"]?.value == "1943-21")
    }

    @Test func approximateDurations() {
        let found = dates("用了二十多年时间，又花了两三年。")
        #expect(found["二十多年"]?.value == "P20Y")
        #expect(found["二十多年"]?.attributes["approximate"] == "more than")
        #expect(found["两三年"]?.value == "P2Y/P3Y")
    }

    @Test(arguments: [
        ("事件每年都发生。", "每年", "R/P1Y"),
        ("每个月检查一次。", "每个月", "R/P1M"),
        ("每周一举行升旗仪式。", "每周一", "R/2022-09-12/P1W"),
        ("每年的3月12日是植树节。", "每年的3月12日", "R/2022-03-12/P1Y"),
    ])
    func sets(text: String, surface: String, value: String) {
        let found = dates(text, reference: reference)
        #expect(found[surface]?.value == value, "\(findings(text, reference: reference))")
        #expect(found[surface]?.attributes["kind"] == "set")
    }

    // MARK: Times of day

    @Test(arguments: [
        ("下午3点开会。", "下午3点", "T15:00"),
        ("晚上9:30出发。", "晚上9:30", "T21:30"),
        ("凌晨2点半发生地震。", "凌晨2点半", "T02:30"),
        ("15时20分列车进站。", "15时20分", "T15:20"),
        ("会议时间为10:00-12:00。", "10:00-12:00", "T10:00/T12:00"),
        ("下午5点到7点有空。", "下午5点到7点", "T17:00/T19:00"),
    ])
    func times(text: String, surface: String, value: String) {
        #expect(dates(text)[surface]?.value == value, "\(findings(text))")
    }

    // MARK: What is not a date

    @Test(arguments: [
        "一年一度的两会召开。",
        "恐龙在6500万年前灭绝，2.5亿年前发生了大灭绝。",
        "全省一年级学生12万人。",
        "会议提出三点要求。",
        "营造政治清明的良好生态。",
        "12号线地铁通车，3号文件下发。",
        "比分为3:2，比例为1:30。",
        "我们要一天天进步，一年四季不停歇。",
        "他说快一点，再快一点。",
        "终于等到了这一天。",
        "加强对周边国家的了解，团结在党的周围。",
        "今日头条发布了新版本。",
    ])
    func notDates(text: String) {
        #expect(dates(text, reference: reference).isEmpty, "\(findings(text, reference: reference))")
    }

    @Test func ageIsNotADuration() {
        let found = dates("我今年18周岁了。", reference: reference)
        #expect(Set(found.keys) == ["今年"])
    }

    // MARK: Offsets and speed

    @Test func offsetsPointIntoTheOriginalText() {
        let text = "他说：２０２１年６月１４日，会议召开。"
        let prepared = PreparedText(documentID: "t", text: text)
        let mention = DateRule().mentions(in: prepared, context: RuleContext()).first
        #expect(mention.map { prepared.originalSlice(prepared.originalRange($0.range)) } == "２０２１年６月１４日")
        #expect(mention?.value == "2021-06-14")
    }

    @Test func calendarArithmetic() {
        let date = CalendarDate(year: 2024, month: 11, day: 15)
        #expect(date.weekday == 5)
        #expect(CalendarDate(dayNumber: date.dayNumber) == date)
        #expect(date.isoWeek.week == 46)
        #expect(CalendarDate.mondayOfISOWeek(year: 2021, week: 1) == CalendarDate(year: 2021, month: 1, day: 4))
        #expect(CalendarDate(year: 2021, month: 1, day: 31).adding(months: 1) == CalendarDate(year: 2021, month: 2, day: 28))
        #expect(CalendarDate.nthWeekday(4, 4, year: 2019, month: 11) == CalendarDate(year: 2019, month: 11, day: 28))
        #expect(CalendarDate.isoWeeksIn(year: 2020) == 53)
    }

    /// Speed is measured by `kgx-benchmark`; this checks that a long text yields every repeated date.
    @Test func scansRepeatedParagraphs() {
        let paragraph = "2021年6月，中央组织部印发通知。党的十九大以来，各地持续优化基层组织设置，5年来成效显著。今年8月，总书记来到这里考察。"
        let text = String(repeating: paragraph, count: 200)
        let prepared = PreparedText(documentID: "t", text: text)
        let context = RuleContext(referenceDate: CalendarDate(year: 2022, month: 9, day: 15))
        #expect(DateRule().mentions(in: prepared, context: context).count == 800)
    }
}

@Test("a month and day the reference year lacks keep an open year", arguments: [
    ("2017-03-22", "XXXX-02-29"), ("2016-03-22", "2016-02-29"), ("2020-03-22", "2020-02-29"),
])
func dayTheYearLacks(reference: String, value: String) {
    let date = CalendarDate(iso: reference)!
    #expect(date.fillingYear(of: "XXXX-02-29") == value)
    #expect(date.fillingYear(of: "XXXX-02-30") == "XXXX-02-30")
    #expect(date.fillingYear(of: "XXXX-09-10") == "\(date.year - 1)-09-10")  // not yet that day: the year before
}
