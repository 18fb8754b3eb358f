import Foundation

/// Words matched at a position of a scalar array, longest first.
struct WordTable<Value: Sendable>: Sendable {
    /// Words grouped by first scalar; `keys` sorted, `buckets[k]` longest word first.
    private var keys: [UInt32] = []
    private var buckets: [[([Unicode.Scalar], Value)]] = []
    /// First scalars of the words, so that most positions are rejected at once.
    private var filter = ScalarSet("")

    init(_ pairs: [(String, Value)]) {
        var byFirst: [UInt32: [([Unicode.Scalar], Value)]] = [:]
        for (word, value) in pairs {
            let scalars = Array(word.unicodeScalars)
            byFirst[scalars[0].value, default: []].append((scalars, value))
            filter.insert(scalars[0])
        }
        keys = byFirst.keys.sorted()
        buckets = keys.map { key in byFirst[key]!.sorted { $0.0.count > $1.0.count } }
    }

    /// Whether some word may start with `s`.
    @inline(__always)
    func mayStart(_ s: Unicode.Scalar) -> Bool { filter.contains(s) }

    /// The longest word of the table starting at `i`, with the position after it.
    func match(_ text: [Unicode.Scalar], at i: Int) -> (value: Value, end: Int)? {
        guard i >= 0, i < text.count, mayStart(text[i]) else { return nil }
        let first = text[i].value
        var low = 0, high = keys.count
        while low < high {
            let mid = (low + high) / 2
            if keys[mid] < first { low = mid + 1 } else { high = mid }
        }
        guard low < keys.count, keys[low] == first else { return nil }
        outer: for (word, value) in buckets[low] {
            guard i + word.count <= text.count else { continue }
            for k in 1..<word.count where text[i + k] != word[k] { continue outer }
            return (value, i + word.count)
        }
        return nil
    }

    var firstScalars: [Unicode.Scalar] { keys.compactMap(Unicode.Scalar.init) }
}

/// A set of scalars (BMP as a bit set, others in a list), tested without hashing.
struct ScalarSet: Sendable {
    private var bits = [UInt64](repeating: 0, count: 1024)
    private var others: [Unicode.Scalar] = []

    init(_ scalars: String) { for s in scalars.unicodeScalars { insert(s) } }

    mutating func insert(_ s: Unicode.Scalar) {
        if s.value < 0x10000 { bits[Int(s.value >> 6)] |= 1 << UInt64(s.value & 63) } else { others.append(s) }
    }

    @inline(__always)
    func contains(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x10000 { return bits[Int(s.value >> 6)] & (1 << UInt64(s.value & 63)) != 0 }
        return others.contains(s)
    }
}

/// A holiday: a fixed day (Gregorian or Chinese lunisolar) or the n-th weekday of a month.
enum Holiday: Sendable {
    case fixed(month: Int, day: Int, lunar: Bool)
    /// `n`-th (`-1` last) `weekday` (1 = Monday) of `month`.
    case nthWeekday(month: Int, n: Int, weekday: Int)
    /// A day computed for each year: by the rule of its calendar, never from a list of years.
    case computed(ComputedHoliday)
}

/// Festivals of other calendars that news reports, and the solar terms.
enum ComputedHoliday: Sendable {
    case easter, eidAlFitr, eidAlAdha, roshHashanah, yomKippur, hanukkah
    /// One of the 24 solar terms, 0 = 小寒 … 23 = 冬至.
    case solarTerm(Int)

    /// The Gregorian day in `year`, or nil when the calendar gives none (solar terms outside 2000–2099).
    func date(in year: Int) -> CalendarDate? {
        switch self {
        case .easter: return Self.easter(year)
        case .eidAlFitr: return Self.firstInYear(year, calendar: .islamicUmmAlQura, month: 10, day: 1, offset: 579)
        case .eidAlAdha: return Self.firstInYear(year, calendar: .islamicUmmAlQura, month: 12, day: 10, offset: 579)
        case .roshHashanah: return Self.firstInYear(year, calendar: .hebrew, month: 1, day: 1, offset: 3760)
        case .yomKippur: return Self.firstInYear(year, calendar: .hebrew, month: 1, day: 10, offset: 3760)
        case .hanukkah: return Self.firstInYear(year, calendar: .hebrew, month: 3, day: 25, offset: 3760)
        case .solarTerm(let index): return Self.solarTerm(index, year: year)
        }
    }

    /// Easter Sunday (the anonymous Gregorian algorithm, Meeus/Jones/Butcher).
    static func easter(_ year: Int) -> CalendarDate {
        let a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDate(year: year, month: month, day: day)
    }

    /// The day `month`/`day` of another calendar that falls in Gregorian `year` (its years are offset by
    /// about `offset`; two candidates cover a lunar year's drift).
    static func firstInYear(_ year: Int, calendar identifier: Calendar.Identifier, month: Int, day: Int, offset: Int) -> CalendarDate? {
        var calendar = Calendar(identifier: identifier)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = calendar.timeZone
        let approximate = identifier == .hebrew ? year + offset : Int((Double(year - 622) * 33.0 / 32.0).rounded(.down))
        for other in (approximate - 1)...(approximate + 2) {
            guard let date = calendar.date(from: DateComponents(year: other, month: month, day: day)) else { continue }
            let parts = gregorian.dateComponents([.year, .month, .day], from: date)
            if parts.year == year, let m = parts.month, let d = parts.day { return CalendarDate(year: year, month: m, day: d) }
        }
        return nil
    }

    /// The 21st-century solar-term formula (寿星公式): day = ⌊Y·0.2422 + C⌋ − ⌊L/4⌋, Y the year in the century,
    /// L = Y − 1 for the terms of January and February.
    static func solarTerm(_ index: Int, year: Int) -> CalendarDate? {
        guard (2000...2099).contains(year), (0..<24).contains(index) else { return nil }
        let constants = [5.4055, 20.12, 3.87, 18.73, 5.63, 20.646, 4.81, 20.1, 5.52, 21.04, 5.678, 21.37,
                         7.108, 22.83, 7.5, 23.13, 7.646, 23.042, 8.318, 23.438, 7.438, 22.36, 7.18, 21.94]
        let y = year % 100
        let leap = index < 4 ? y - 1 : y
        let day = Int(Double(y) * 0.2422 + constants[index]) - (leap >= 0 ? leap / 4 : -1)
        return CalendarDate(year: year, month: index / 2 + 1, day: day)
    }

    static let solarTermNames = ["小寒", "大寒", "立春", "雨水", "惊蛰", "春分", "清明", "谷雨", "立夏", "小满", "芒种", "夏至",
                                 "小暑", "大暑", "立秋", "处暑", "白露", "秋分", "寒露", "霜降", "立冬", "小雪", "大雪", "冬至"]
}

/// A part of the day: its hours (end exclusive) and how a clock hour read after it shifts.
struct DayPart: Sendable {
    enum Shift: Sendable { case none, afternoon, noon, night }
    var startHour: Int
    var endHour: Int
    var shift: Shift

    func hour(_ h: Int) -> Int {
        switch shift {
        case .none: return h
        case .afternoon: return h < 12 ? h + 12 : h
        case .noon: return h <= 5 ? h + 12 : h
        case .night: return (6..<12).contains(h) ? h + 12 : h == 12 ? 0 : h
        }
    }
}

/// The vocabulary of the date grammar.
enum DateWords {
    /// Year offsets from the reference year.
    static let relativeYears = WordTable<Int>([
        ("今年", 0), ("本年", 0), ("本年度", 0), ("今年度", 0), ("去年", -1), ("上年", -1), ("上一年", -1),
        ("上年度", -1), ("前年", -2), ("大前年", -3), ("明年", 1), ("来年", 1), ("下一年", 1), ("明年度", 1),
        ("后年", 2), ("後年", 2), ("大后年", 3), ("大後年", 3),
    ])

    /// Month offsets from the reference month.
    static let relativeMonths = WordTable<Int>([
        ("本月", 0), ("这个月", 0), ("這個月", 0), ("上月", -1), ("上个月", -1), ("上個月", -1), ("上一个月", -1),
        ("下月", 1), ("下个月", 1), ("下個月", 1), ("下一个月", 1), ("上上个月", -2), ("上上個月", -2),
        ("下下个月", 2), ("下下個月", 2),
    ])

    /// Day offsets from the reference date, with the part of the day some words name (今晚).
    static let relativeDays = WordTable<(Int, String?)>([
        ("今天", (0, nil)), ("今日", (0, nil)), ("今儿", (0, nil)), ("明天", (1, nil)), ("明日", (1, nil)),
        ("明儿", (1, nil)), ("昨天", (-1, nil)), ("昨日", (-1, nil)), ("昨儿", (-1, nil)), ("前天", (-2, nil)),
        ("后天", (2, nil)), ("後天", (2, nil)), ("大前天", (-3, nil)), ("大后天", (3, nil)), ("大後天", (3, nil)),
        ("今早", (0, "早上")), ("今晨", (0, "早上")), ("今晚", (0, "晚上")), ("今夜", (0, "夜里")),
        ("昨晚", (-1, "晚上")), ("昨夜", (-1, "夜里")), ("明早", (1, "早上")), ("明晚", (1, "晚上")),
    ])

    /// Words for "week".
    static let weekWords = WordTable<Void>([("周", ()), ("週", ()), ("星期", ()), ("礼拜", ()), ("禮拜", ())])

    /// Day names after a week word: 1 = Monday … 7 = Sunday, 8 = the weekend.
    static let weekdayNames = WordTable<Int>([
        ("一", 1), ("二", 2), ("三", 3), ("四", 4), ("五", 5), ("六", 6), ("日", 7), ("天", 7), ("末", 8),
        ("1", 1), ("2", 2), ("3", 3), ("4", 4), ("5", 5), ("6", 6), ("7", 7),
    ])

    /// Quarters named from the reference date's: the offset in quarters (本季度 0, 上季度 -1, 下季度 +1).
    static let relativeQuarters = WordTable<Int>(
        ["本季度", "这个季度", "這個季度", "这一季度", "这季度", "当季度", "当前季度", "本季"].map { ($0, 0) }
            + ["上季度", "上个季度", "上個季度", "上一季度", "上一个季度", "上一個季度"].map { ($0, -1) }
            + ["下季度", "下个季度", "下個季度", "下一季度", "下一个季度", "下一個季度"].map { ($0, 1) })

    /// Seasons as EDTF codes.
    static let seasons = WordTable<Int>([
        ("春", 21), ("夏", 22), ("秋", 23), ("冬", 24),
        ("春天", 21), ("夏天", 22), ("秋天", 23), ("冬天", 24), ("春季", 21), ("夏季", 22), ("秋季", 23), ("冬季", 24),
    ])

    /// Holidays; `standalone` is false for names that need a year before them to be read as dates
    /// (清明 alone is also 'clear and honest', as in 政治清明).
    private static let holidayWords: [(String, (Holiday, standalone: Bool))] = [
        ("元旦", (.fixed(month: 1, day: 1, lunar: false), true)), ("元旦节", (.fixed(month: 1, day: 1, lunar: false), true)),
        ("新年", (.fixed(month: 1, day: 1, lunar: false), true)),
        ("春节", (.fixed(month: 1, day: 1, lunar: true), true)), ("除夕", (.fixed(month: 12, day: 30, lunar: true), true)),
        ("元宵", (.fixed(month: 1, day: 15, lunar: true), false)), ("元宵节", (.fixed(month: 1, day: 15, lunar: true), true)),
        ("端午", (.fixed(month: 5, day: 5, lunar: true), true)), ("端午节", (.fixed(month: 5, day: 5, lunar: true), true)),
        ("七夕", (.fixed(month: 7, day: 7, lunar: true), true)), ("七夕节", (.fixed(month: 7, day: 7, lunar: true), true)),
        ("中秋", (.fixed(month: 8, day: 15, lunar: true), true)), ("中秋节", (.fixed(month: 8, day: 15, lunar: true), true)),
        ("重阳", (.fixed(month: 9, day: 9, lunar: true), false)), ("重阳节", (.fixed(month: 9, day: 9, lunar: true), true)),
        ("腊八", (.fixed(month: 12, day: 8, lunar: true), false)), ("腊八节", (.fixed(month: 12, day: 8, lunar: true), true)),
        ("清明", (.fixed(month: 4, day: 4, lunar: false), false)), ("清明节", (.fixed(month: 4, day: 4, lunar: false), true)),
        ("国庆", (.fixed(month: 10, day: 1, lunar: false), true)), ("国庆节", (.fixed(month: 10, day: 1, lunar: false), true)),
        // 十一 alone is eleven; with a holiday word it is National Day.
        ("十一假期", (.fixed(month: 10, day: 1, lunar: false), true)), ("十一长假", (.fixed(month: 10, day: 1, lunar: false), true)),
        ("十一黄金周", (.fixed(month: 10, day: 1, lunar: false), true)),
        ("劳动节", (.fixed(month: 5, day: 1, lunar: false), true)), ("五一", (.fixed(month: 5, day: 1, lunar: false), true)),
        ("五一劳动节", (.fixed(month: 5, day: 1, lunar: false), true)), ("国际劳动节", (.fixed(month: 5, day: 1, lunar: false), true)),
        ("青年节", (.fixed(month: 5, day: 4, lunar: false), true)), ("五四青年节", (.fixed(month: 5, day: 4, lunar: false), true)),
        ("儿童节", (.fixed(month: 6, day: 1, lunar: false), true)), ("六一儿童节", (.fixed(month: 6, day: 1, lunar: false), true)),
        ("建党节", (.fixed(month: 7, day: 1, lunar: false), true)), ("建军节", (.fixed(month: 8, day: 1, lunar: false), true)),
        ("八一建军节", (.fixed(month: 8, day: 1, lunar: false), true)),
        ("教师节", (.fixed(month: 9, day: 10, lunar: false), true)), ("妇女节", (.fixed(month: 3, day: 8, lunar: false), true)),
        ("三八妇女节", (.fixed(month: 3, day: 8, lunar: false), true)), ("国际妇女节", (.fixed(month: 3, day: 8, lunar: false), true)),
        ("植树节", (.fixed(month: 3, day: 12, lunar: false), true)), ("情人节", (.fixed(month: 2, day: 14, lunar: false), true)),
        ("愚人节", (.fixed(month: 4, day: 1, lunar: false), true)), ("万圣节", (.fixed(month: 10, day: 31, lunar: false), true)),
        ("圣诞节", (.fixed(month: 12, day: 25, lunar: false), true)), ("圣诞", (.fixed(month: 12, day: 25, lunar: false), true)),
        ("平安夜", (.fixed(month: 12, day: 24, lunar: false), true)), ("光棍节", (.fixed(month: 11, day: 11, lunar: false), true)),
        ("双十一", (.fixed(month: 11, day: 11, lunar: false), true)), ("双11", (.fixed(month: 11, day: 11, lunar: false), true)),
        ("女生节", (.fixed(month: 3, day: 7, lunar: false), true)),
        ("母亲节", (.nthWeekday(month: 5, n: 2, weekday: 7), true)), ("父亲节", (.nthWeekday(month: 6, n: 3, weekday: 7), true)),
        ("感恩节", (.nthWeekday(month: 11, n: 4, weekday: 4), true)),
        ("复活节", (.computed(.easter), true)), ("开斋节", (.computed(.eidAlFitr), true)),
        ("古尔邦节", (.computed(.eidAlAdha), true)), ("宰牲节", (.computed(.eidAlAdha), true)),
        ("犹太新年", (.computed(.roshHashanah), true)), ("赎罪日", (.computed(.yomKippur), true)),
        ("光明节", (.computed(.hanukkah), true)),
    ]

    /// The solar terms; 清明 is read above. Terms that are also words (大雪 heavy snow, 雨水 rainwater, 小满,
    /// 白露) need a year before them; the others are read alone, in the reference year.
    private static let solarTermWords: [(String, (Holiday, standalone: Bool))] = ComputedHoliday.solarTermNames.enumerated()
        .filter { $0.element != "清明" }
        .map { term -> (String, (Holiday, standalone: Bool)) in
            (term.element, (.computed(.solarTerm(term.offset)), standaloneSolarTerms.contains(term.element)))
        }

    private static let standaloneSolarTerms: Set<String> = ["立春", "惊蛰", "春分", "谷雨", "立夏", "芒种", "夏至", "处暑", "立秋",
                                                            "秋分", "寒露", "霜降", "立冬", "冬至"]

    static let holidays = WordTable<(Holiday, standalone: Bool)>(holidayWords + solarTermWords)

    /// Reign and era names with the Gregorian year of their first year (元年).
    static let eras = WordTable<Int>([
        ("贞观", 627), ("永徽", 650), ("神龙", 705), ("开元", 713), ("天宝", 742), ("建隆", 960), ("熙宁", 1068),
        ("靖康", 1126), ("洪武", 1368), ("建文", 1399), ("永乐", 1403), ("宣德", 1426), ("正统", 1436), ("成化", 1465),
        ("弘治", 1488), ("正德", 1506), ("嘉靖", 1522), ("隆庆", 1567), ("万历", 1573), ("天启", 1621), ("崇祯", 1628),
        ("顺治", 1644), ("康熙", 1662), ("雍正", 1723), ("乾隆", 1736), ("嘉庆", 1796), ("道光", 1821), ("咸丰", 1851),
        ("同治", 1862), ("光绪", 1875), ("宣统", 1909), ("民国", 1912),
    ])

    /// Parts of the day. Hours follow Recognizers-Text: morning 08–12, afternoon 12–16, evening 16–20, night 20–24.
    static let dayParts = WordTable<DayPart>([
        ("凌晨", DayPart(startHour: 0, endHour: 6, shift: .none)), ("清晨", DayPart(startHour: 5, endHour: 8, shift: .none)),
        ("早上", DayPart(startHour: 8, endHour: 12, shift: .none)), ("早晨", DayPart(startHour: 8, endHour: 12, shift: .none)),
        ("早间", DayPart(startHour: 8, endHour: 12, shift: .none)), ("早", DayPart(startHour: 8, endHour: 12, shift: .none)),
        ("上午", DayPart(startHour: 8, endHour: 12, shift: .none)), ("中午", DayPart(startHour: 11, endHour: 13, shift: .noon)),
        ("午后", DayPart(startHour: 12, endHour: 16, shift: .afternoon)), ("下午", DayPart(startHour: 12, endHour: 16, shift: .afternoon)),
        ("傍晚", DayPart(startHour: 16, endHour: 20, shift: .afternoon)), ("晚上", DayPart(startHour: 16, endHour: 20, shift: .afternoon)),
        ("晚间", DayPart(startHour: 16, endHour: 20, shift: .afternoon)), ("晚", DayPart(startHour: 16, endHour: 20, shift: .afternoon)),
        ("夜里", DayPart(startHour: 20, endHour: 24, shift: .night)), ("夜间", DayPart(startHour: 20, endHour: 24, shift: .night)),
        ("夜晚", DayPart(startHour: 20, endHour: 24, shift: .night)), ("深夜", DayPart(startHour: 20, endHour: 24, shift: .night)),
        ("半夜", DayPart(startHour: 0, endHour: 3, shift: .night)), ("午夜", DayPart(startHour: 0, endHour: 1, shift: .night)),
    ])

    /// Chinese digits (两 and 〇 included).
    @inline(__always)
    static func digit(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "〇", "零": 0
        case "一": 1
        case "二", "两", "兩", "俩": 2
        case "三": 3
        case "四": 4
        case "五": 5
        case "六": 6
        case "七": 7
        case "八": 8
        case "九": 9
        default: nil
        }
    }

    @inline(__always)
    static func isChineseNumeral(_ s: Unicode.Scalar) -> Bool {
        digit(s) != nil || s == "十" || s == "百" || s == "千" || s == "万" || s == "廿" || s == "卅"
    }
}
