import KGModel

/// Dates, date ranges, durations and recurrences, normalized to EDTF / ISO 8601.
///
/// Values (attribute `kind`):
/// - `date`: an EDTF date at its precision (`2021`, `2021-06`, `2018-11-06`, `2021-06-14T09:00`), a
///   season (`1943-21`: 21 spring, 22 summer, 23 autumn, 24 winter), a decade or century (`198X`, `17XX`),
///   with `XXXX` for a year the text leaves out (`6月` → `XXXX-06`, `29日` → `XXXX-XX-29`) and `~` when
///   approximate (`2020年前后` → `2020~`). A bare time of day is `T15:00`.
/// - `interval`: `start/end`, both ends inclusive at their precision (`2021-06/2021-12`), `..` for an
///   open end (`2018年以来` → `2018/..`, `2015年前` → `../2014`, `2013年及以前` → `../2013`).
///   Halves, quarters and the start or end of a year are month intervals (`2021年上半年` →
///   `2021-01/2021-06`, `年底` → Nov–Dec), parts of a day hour intervals.
/// - `duration`: ISO 8601 (`5年来` → `P5Y`, `半个月` → `P0.5M`, `8天20小时` → `P8DT20H`), or a range of
///   durations (`3至5年` → `P3Y/P5Y`, `三年以上` → `P3Y/..`); `approximate` is `more than` for 多/余.
/// - `set`: an ISO 8601 repeating interval (`每年` → `R/P1Y`, `每周一` → `R/2022-09-12/P1W`).
///
/// Expressions relative to the document (`今年8月`, `上周`, `过去十年`, `5年前`) resolve against the
/// reference date. Without one their `value` is absent and `unresolved` says why: nothing is guessed.
/// With a reference date, a month and day without a year get the year news means (`9月10日` read on
/// 2022-09-15 → `2022-09-10`, attribute `yearFromReference`), in mentions and relations alike.
/// Lunar dates keep their lunar month and day and get `calendar = chinese` (`农历八月十五` → `XXXX-08-15`);
/// when the year is known they also get `gregorian` (`2023年春节` → `2023-01-01`, gregorian `2023-01-22`).
/// Five-year-plan periods are their years (`“十四五”时期` → `2021/2025`).
struct DateRule: MentionRule {
    let id = "date"
    let summary = "Dates (2021年6月, 1943年春, 今年8月), ranges, durations and recurrences, as EDTF / ISO 8601"
    var examples: [RuleExample] {
        [
            .positive("2021年6月，中央组织部印发文件。", "2021年6月 = 2021-06"),
            .positive("2018年11月6日，习近平来到上海。", "2018年11月6日 = 2018-11-06"),
            .positive("这个模范村是1943年春发现的，时隔78年后再获表彰。", "1943年春 = 1943-21", "78年后 = P78Y"),
            .positive("二〇〇二年的第一场雪比往年来得早。", "二〇〇二年 = 2002"),
            .positive("一九九八年一月，灾区开始重建。", "一九九八年一月 = 1998-01"),
            .positive("会议将在6月召开，29日公布议程。", "6月 = XXXX-06", "29日 = XXXX-XX-29"),
            .positive("2021年6月至12月，各地开展集中整顿。", "2021年6月至12月 = 2021-06/2021-12"),
            .positive("从2016年到2018年，这里的产量翻了一番。", "从2016年到2018年 = 2016/2018"),
            .positive("2018年以来，改革不断深化。", "2018年以来 = 2018/.."),
            .positive("2015年前，这里还是一片荒地。", "2015年前 = ../2014"),
            .positive("20世纪80年代，乡镇企业异军突起。", "20世纪80年代 = 198X"),
            .positive("2021年上半年，出口增长较快。", "2021年上半年 = 2021-01/2021-06"),
            .positive("5年来，各地持续优化组织设置。", "5年来 = P5Y"),
            .positive("开展为期三个月的专项行动。", "三个月 = P3M"),
            .positive("今年8月，总书记来到这里考察。", "今年8月 = 2022-08", referenceDate: "2022-09-15"),
            .positive("上周，专家组抵达灾区。", "上周 = 2022-09-05/2022-09-11", referenceDate: "2022-09-15"),
            .positive("过去十年，城乡面貌发生巨大变化。", "过去十年 = 2012-09-15/2022-09-14", referenceDate: "2022-09-15"),
            .positive("党的十九大以来，各级党委坚持问题导向。", "党的十九大以来 = 2017-10-18/..", referenceDate: "2022-09-15"),
            .positive("每年举办一次博览会。", "每年 = R/P1Y"),
            .positive("农历八月十五，家家户户赏月。", "农历八月十五 = XXXX-08-15"),
            .positive("冬至这天，北方人家家包饺子。", "冬至 = 2023-12-22", referenceDate: "2023-12-25"),
            .positive("今明两天有雨，十一假期还没结束，出行的人要注意。", "今明两天 = 2023-10-03/2023-10-04", "十一假期 = 2023-10-01", referenceDate: "2023-10-03"),
            .positive("这种家电在1980年代初走进城市家庭。", "1980年代初 = 1980/1982"),
            .positive("去年今天，大桥合龙；3月中下旬，主塔封顶。", "去年今天 = 2022-09-15", "3月中下旬 = 2023-03-11/2023-03-31", referenceDate: "2023-09-15"),
            .positive("截至5月底，全省万余名干部下沉一线；9日晚宴上，双方签约。", "截至5月底 = ../2023-05-31", "9日",
                      referenceDate: "2023-09-15"),
            .negative("9日晚宴上，双方签约。", forbidding: "9日晚"),
            .positive("5月20日下午，代表团抵达。", "5月20日下午 = 2023-05-20T12:00/2023-05-20T16:00", referenceDate: "2023-09-15"),
            .positive("11月下旬至1月上旬冬储菜集中上市，展馆周五至周一开放。", "11月下旬至1月上旬 = 2023-11-21/2024-01-10",
                      "周五至周一 = 2024-02-16/2024-02-19", referenceDate: "2024-02-14"),
            .positive("供暖季从2023年11月至次年3月，食堂星期一至五供应早餐。", "从2023年11月至次年3月 = 2023-11/2024-03",
                      "星期一至五 = 2024-02-12/2024-02-16", referenceDate: "2024-02-14"),
            .negative("一场大雪覆盖了整个山村，雨水冲毁了路基。", forbidding: "大雪", "雨水"),
            .positive("“十四五”时期，经济稳步增长；十三五期间，累计减税降费7.6万亿元。", "十四五 = 2021/2025", "十三五期间 = 2016/2020"),
            .positive("前5个月，全国固定资产投资增长4%。", "前5个月 = 2023-01/2023-05", referenceDate: "2023-06-15"),
            .positive("2022年12月31日24时，新系统正式上线。", "2022年12月31日24时 = 2023-01-01T00:00"),
            .negative("会议审议了“十四五”规划纲要。", forbidding: "十四五 = 2021/2025"),
            .positive("今年8月，总书记来到这里考察。", "今年8月"),
            .negative("今年8月，总书记来到这里考察。", forbidding: "今年8月 = XXXX-08"),
            .negative("一些同志统一了思想。"),
            .negative("一年一度的博览会如期举行。"),
            .negative("恐龙在6500万年前灭绝，2.5亿年前发生了生物大灭绝。"),
            .negative("全省一年级新生12万人，会议提出三点要求。"),
            .negative("要营造风清气正、政治清明的良好生态。"),
            .negative("地铁12号线开通，3号文件下发，比分定格在3:2。"),
            .negative("我们团结在党的周围，加强与周边国家合作。"),
            .negative("他今年18周岁了。", forbidding: "18周 = P18W", referenceDate: "2022-09-15"),
        ]
    }

    func mentions(in text: PreparedText, context: RuleContext) -> [Mention] {
        DateScanner(text: text.scalars, context: context).scan().map {
            var attributes = $0.attributes
            attributes[AttributeKey.kind] = $0.kind
            var value = $0.value
            // A month and day without a year are read as news means them, the latest such day not after
            // the reference date, the same year that relations get; the Chinese calendar keeps its own.
            if let written = value, written.hasPrefix("XXXX-") || written.hasPrefix("../XXXX-"), let reference = context.referenceDate,
               attributes[DateAttribute.calendar] == nil, $0.kind == "date" || $0.kind == "interval" {
                let filled = reference.fillingYear(of: written)
                if filled != written {
                    value = filled
                    attributes[DateAttribute.yearFromReference] = "true"
                }
            } else if let written = value, written.hasPrefix("XXXX-"), let reference = context.referenceDate,
                      attributes[DateAttribute.calendar] == "chinese", attributes[DateAttribute.gregorian] == nil, $0.kind == "date",
                      let gregorian = reference.latestGregorian(ofLunar: written) {
                // 春节, 农历八月十五: the lunar value keeps its open year; the Gregorian reading is the latest
                // such day not after the reference date, as for a month and day of the Gregorian calendar.
                attributes[DateAttribute.gregorian] = gregorian
                attributes[DateAttribute.yearFromReference] = "true"
            }
            return Mention(type: .date, range: $0.range, value: value, attributes: attributes, rule: id)
        }
    }
}

extension CalendarDate {
    /// The Gregorian day of a lunar month and day with an open year (`XXXX-08-15`): the latest such day
    /// not after this date, or nil when the value names no day.
    func latestGregorian(ofLunar value: String) -> String? {
        let parts = value.dropFirst(5).split(separator: "-")
        guard parts.count == 2, let month = Int(parts[0]), let day = Int(parts[1]) else { return nil }
        let today = description
        for year in [self.year + 1, self.year, self.year - 1] {
            if let date = LunarCalendar.gregorianDate(year: year, month: month, day: day), date <= today { return date }
        }
        return nil
    }

    /// `value` (EDTF) with an open year (`XXXX-10-20`, `XXXX-04-10/XXXX-04-13`) filled as news text
    /// means it: the latest such month and day not after this date. Values without a month stay open.
    public func fillingYear(of value: String) -> String {
        // 截至5月底: an interval open at the start ends on that day of the year.
        if value.hasPrefix("../XXXX-") {
            let end = fillingYear(of: String(value.dropFirst(3)))
            return end.hasPrefix("XXXX") ? value : "../" + end
        }
        guard value.hasPrefix("XXXX-") else { return value }
        // The year comes from the first month and day; an interval's other end shares it.
        let first = value.dropFirst(5).prefix { $0 != "/" && $0 != "T" }.split(separator: "-")
        guard let month = first.first.flatMap({ Int($0) }), (1...12).contains(month), first.allSatisfy({ Int($0) != nil }) else {
            return value
        }
        let day = first.count > 1 ? Int(first[1]) ?? 1 : 1
        let year = (month, day) <= (self.month, self.day) ? self.year : self.year - 1
        // A day that year does not have (2月29日 in 2017, 2月30日) stays a day of no particular year.
        for end in value.split(separator: "/") where end.hasPrefix("XXXX-") {
            let parts = end.dropFirst(5).prefix { $0 != "T" }.split(separator: "-").compactMap { Int($0) }
            if parts.count == 2, !(1...12).contains(parts[0]) || !(1...CalendarDate.daysIn(year: year, month: parts[0])).contains(parts[1]) {
                return value
            }
        }
        // An interval that ends earlier in the year than it starts runs into the next year (12月至1月).
        let ends = value.split(separator: "/", omittingEmptySubsequences: false)
        if ends.count == 2, ends[1].hasPrefix("XXXX-"),
            let startKey = Self.monthDay(ends[0]), let endKey = Self.monthDay(ends[1]), endKey < startKey
        {
            return ends[0].replacingOccurrences(of: "XXXX", with: String(year)) + "/"
                + ends[1].replacingOccurrences(of: "XXXX", with: String(year + 1))
        }
        return value.replacingOccurrences(of: "XXXX", with: String(year))
    }

    /// Month and day (1 when absent) of an EDTF value with an open year, for ordering interval ends.
    private static func monthDay(_ value: Substring) -> (month: Int, day: Int)? {
        let parts = value.dropFirst(5).prefix { $0 != "T" }.split(separator: "-").map { Int($0) }
        guard let month = parts.first ?? nil, (1...12).contains(month), !parts.contains(nil) else { return nil }
        return (month, parts.count > 1 ? parts[1] ?? 1 : 1)
    }
}
