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
