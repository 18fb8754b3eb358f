import Foundation

/// A date expression read at some position: its meaning and span, before rendering.
struct ParsedDate {
    var expr: DateExpr
    var range: Range<Int>
    /// The value depends on the reference date.
    var relative = false
    /// Month and day are in the Chinese lunisolar calendar (农历, 正月, 初一).
    var lunar = false
    /// `about` (左右, 前后, 约) or `more than` (多, 余).
    var approximate: String? = nil
    var shape: Shape = .plain
    /// A clock time read after an afternoon or evening word (下午5点): a range end inherits it.
    var afternoon = false

    enum Shape: Equatable { case plain, range, between, modified(Modifier) }
    enum Modifier: Equatable { case since, sinceQi, sinceKaishi, before, after, until, approximate, during, untilNow }

    var end: Int { range.upperBound }
}

/// A number read from the text.
struct Numeral {
    enum Style { case arabic, chineseDigits, chinese }
    var value: Int
    var end: Int
    var style: Style
    /// Digits written (Arabic digits, or Chinese digits read one by one).
    var count: Int
    var leadingZero: Bool
    /// Chinese digits read one by one (二〇〇二 → [2, 0, 0, 2]).
    var digits: [Int] = []
}

/// The date grammar over normalized scalars. Every `parse…(at:)` function returns the longest
/// reading at a position, or `nil`; none looks at more than a few scalars around it.
struct DateParser {
    let text: [Unicode.Scalar]
    let reference: CalendarDate?
    let lexicon: Lexicon

    /// The date relative expressions use; results that used it without a reference are unresolved.
    var ref: CalendarDate { reference ?? Self.placeholderReference }
    static let placeholderReference = CalendarDate(year: 2000, month: 6, day: 15)

    var n: Int { text.count }

    // MARK: - Scalars

    @inline(__always)
    func at(_ i: Int) -> Unicode.Scalar? { i >= 0 && i < text.count ? text[i] : nil }

    @inline(__always)
    func isAt(_ i: Int, _ s: Unicode.Scalar) -> Bool { i >= 0 && i < text.count && text[i] == s }

    /// The position after `word` when it starts at `i`.
    func lit(_ word: String, _ i: Int) -> Int? {
        guard i >= 0 else { return nil }
        var j = i
        // Compares UTF-8 bytes of the literal with the scalars encoded on the fly: no decoding of `word`.
        var bytes = word.utf8.makeIterator()
        while let b0 = bytes.next() {
            guard j < text.count else { return nil }
            let v = text[j].value
            if v < 0x80 {
                guard b0 == UInt8(v) else { return nil }
            } else if v < 0x800 {
                guard b0 == UInt8(0xC0 | (v >> 6)), bytes.next() == UInt8(0x80 | (v & 0x3F)) else { return nil }
            } else if v < 0x10000 {
                guard b0 == UInt8(0xE0 | (v >> 12)), bytes.next() == UInt8(0x80 | ((v >> 6) & 0x3F)),
                    bytes.next() == UInt8(0x80 | (v & 0x3F))
                else { return nil }
            } else {
                guard b0 == UInt8(0xF0 | (v >> 18)), bytes.next() == UInt8(0x80 | ((v >> 12) & 0x3F)),
                    bytes.next() == UInt8(0x80 | ((v >> 6) & 0x3F)), bytes.next() == UInt8(0x80 | (v & 0x3F))
                else { return nil }
            }
            j += 1
        }
        return j
    }

    /// The position after the longest of `words` starting at `i`.
    func lits(_ words: [String], _ i: Int) -> Int? {
        var best: Int?
        for w in words { if let e = lit(w, i), e > (best ?? -1) { best = e } }
        return best
    }

    /// Skips spaces (not line breaks).
    func spaces(_ i: Int) -> Int {
        var j = i
        while j < text.count, text[j] == " " || text[j] == "\t" { j += 1 }
        return j
    }

    func isDigit(_ i: Int) -> Bool { at(i).map(CharacterClass.isASCIIDigit) ?? false }

    // MARK: - Numbers

    /// Arabic digits or a Chinese numeral at `i` (not a decimal, no sign).
    func numeral(at i: Int) -> Numeral? {
        guard let c = at(i) else { return nil }
        if CharacterClass.isASCIIDigit(c) {
            var j = i, value = 0
            while j < n, CharacterClass.isASCIIDigit(text[j]), j - i < 9 {
                value = value * 10 + Int(text[j].value - 48)
                j += 1
            }
            if isDigit(j) { return nil }
            return Numeral(value: value, end: j, style: .arabic, count: j - i, leadingZero: c == "0" && j - i > 1)
        }
        guard DateWords.isChineseNumeral(c) else { return nil }
        // Digit-by-digit reading when the run has no unit character.
        var j = i
        var digits: [Int] = []
        while j < n, let d = DateWords.digit(text[j]) {
            // No date has more than eight numeral characters; a longer run is a number, and reading
            // it whole would overflow and make the scan quadratic.
            guard digits.count < 8 else { return nil }
            digits.append(d)
            j += 1
        }
        let unitFollows = j < n && (text[j] == "十" || text[j] == "百" || text[j] == "千" || text[j] == "万")
        if !digits.isEmpty && !unitFollows {
            // 两 and 俩 are no digits of a digit-by-digit number (二〇〇二); 两三 is an approximation.
            if digits.count > 2 && text[i..<j].contains(where: { $0 == "两" || $0 == "俩" }) { return nil }
            let value = digits.reduce(0) { $0 * 10 + $1 }
            return Numeral(value: value, end: j, style: digits.count > 1 ? .chineseDigits : .chinese, count: digits.count,
                           leadingZero: digits.count > 1 && digits[0] == 0, digits: digits)
        }
        return positional(at: i)
    }

    /// A Chinese numeral with units (二十三, 两千零四, 一百零五, 廿一), read by the figure grammar's numeral
    /// reader in its whole-number mode.
    private func positional(at i: Int) -> Numeral? {
        guard case .numeral(let read)? = WrittenNumberParser(text: text, words: lexicon.numberWords).general(at: i, skip: -1, wholeOnly: true),
            let value = Int(exactly: NSDecimalNumber(decimal: read.value).int64Value), read.value == Decimal(value)
        else { return nil }
        return Numeral(value: value, end: read.range.upperBound, style: .chinese, count: 0, leadingZero: false)
    }

    /// A decimal number (Arabic digits with an optional fraction) or a Chinese numeral.
    func amount(at i: Int) -> (value: Double, end: Int, numeral: Numeral)? {
        guard let num = numeral(at: i) else {
            // A decimal numeral's integer part can exceed `numeral`'s limits only in absurd cases; nothing to do.
            return nil
        }
        if num.style == .arabic, isAt(num.end, "."), isDigit(num.end + 1) {
            var j = num.end + 1
            var fraction = 0.0, scale = 0.1
            while j < n, CharacterClass.isASCIIDigit(text[j]) {
                fraction += Double(text[j].value - 48) * scale
                scale /= 10
                j += 1
            }
            let digits = j - num.end - 1
            let rounded = (Double(num.value) + fraction) * pow10(digits)
            return ((rounded.rounded()) / pow10(digits), j, num)
        }
        return (Double(num.value), num.end, num)
    }

    private func pow10(_ k: Int) -> Double { (0..<k).reduce(1.0) { r, _ in r * 10 } }

    /// A two-digit year: 00–30 → 2000s, 31–99 → 1900s.
    static func fullYear(twoDigit yy: Int) -> Int { yy <= 30 ? 2000 + yy : 1900 + yy }

    // MARK: - Year

    struct YearToken {
        var year: Int
        var end: Int
        /// A strong year is a year wherever it stands; a weak one (15年, 789年) only before a month or
        /// after 在/于/从/自.
        var strong: Bool
        var relative = false
    }

    /// A year: `2021年`, `二〇〇二年`, `07年`, `康熙二十年`, `今年`, `公元789年`.
    func yearToken(at i: Int) -> YearToken? {
        if let (offset, e) = DateWords.relativeYears.match(text, at: i) {
            return YearToken(year: ref.year + offset, end: e, strong: true, relative: true)
        }
        if let (first, e) = lexicon.dateWords.eras.match(text, at: i) {
            var k = spaces(e)
            var ordinal: Int?
            if isAt(k, "元") { ordinal = 1; k += 1 } else if let num = numeral(at: k), num.value >= 1 { ordinal = num.value; k = num.end }
            guard let ordinal else { return nil }
            k = spaces(k)
            guard isAt(k, "年") else { return nil }
            return YearToken(year: first + ordinal - 1, end: k + 1, strong: true)
        }
        var j = i
        var era = false
        if let e = lit("公元", i) { j = spaces(e); era = true }
        guard let num = numeral(at: j) else { return nil }
        var k = spaces(num.end)
        guard isAt(k, "年") else { return nil }
        k += 1
        if let next = at(k), next == "级" || next == "龄" || next == "纪" || next == "轻" { return nil }
        let afterYear = k
        if isAt(k, "度") { k += 1 }
        func durationFollows() -> Bool {
            guard let s = at(spaces(num.end)) , s == "年" else { return false }
            return lits(["多", "余", "之久", "历史"], afterYear) != nil
        }
        switch num.style {
        case .arabic:
            switch num.count {
            case 4:
                guard (1000...2100).contains(num.value), !durationFollows() else { return nil }
                return YearToken(year: num.value, end: k, strong: true)
            case 2:
                if num.leadingZero { return YearToken(year: 2000 + num.value, end: k, strong: true) }
                return YearToken(year: Self.fullYear(twoDigit: num.value), end: k, strong: era)
            case 3:
                return YearToken(year: num.value, end: k, strong: era)
            case 1 where era:
                return YearToken(year: num.value, end: k, strong: true)
            default:
                return nil
            }
        case .chineseDigits:
            switch num.count {
            case 4, 3: return YearToken(year: num.value, end: k, strong: true)
            case 2:
                let (a, b) = (num.digits[0], num.digits[1])
                if text[j] == "两" || text[j + 1] == "两" { return nil }
                if a != 0 && b == a + 1 { return nil }  // 三四年: three or four years
                return YearToken(year: a == 0 ? 2000 + b : Self.fullYear(twoDigit: num.value), end: k, strong: true)
            default:
                return nil
            }
        case .chinese:
            if (1900...2100).contains(num.value) { return YearToken(year: num.value, end: k, strong: true) }
            if era && num.value > 0 { return YearToken(year: num.value, end: k, strong: true) }
            return nil
        }
    }

    /// Whether the scalar before `i` makes a weak year a year (在789年, 从15年).
    func yearContextBefore(_ i: Int) -> Bool {
        guard let p = at(i - 1) else { return false }
        return "在于从自到至是(".unicodeScalars.contains(p)
    }

    // MARK: - Month and day

    struct MonthToken {
        var month: Int
        var end: Int
        var lunar = false
        /// Month offset from the reference (本月 0, 上个月 -1).
        var offset: Int? = nil
    }

    /// A month: `6月`, `十二月`, `6月份`, `正月`, `腊月`, `本月`, `上个月`.
    func monthToken(at i: Int) -> MonthToken? {
        guard let first = at(i) else { return nil }
        if let (offset, e) = DateWords.relativeMonths.match(text, at: i) {
            let m = ref.adding(months: offset).month
            return MonthToken(month: m, end: e, offset: offset)
        }
        // 大年 reads as 正月, as Recognizers-Text does (大年初一); so 大年三十 is 正月三十, not New Year's Eve.
        switch first {
        case "正", "大", "腊", "冬", "元":
            if let e = lit("正月", i) ?? lit("大年", i).flatMap({ e in lit("初", e) != nil || lit("三十", e) != nil ? e : nil }) {
                return MonthToken(month: 1, end: e, lunar: true)
            }
            if let e = lit("腊月", i) { return MonthToken(month: 12, end: e, lunar: true) }
            if let e = lit("冬月", i) { return MonthToken(month: 11, end: e, lunar: true) }
            if let e = lit("元月", i) { return MonthToken(month: 1, end: e) }
            return nil
        default:
            break
        }
        guard let num = numeral(at: i), (1...12).contains(num.value), num.style != .chineseDigits || num.count == 1 else { return nil }
        if num.style == .arabic && num.count > 2 { return nil }
        var k = spaces(num.end)
        guard isAt(k, "月") else { return nil }
        k += 1
        if isAt(k, "份"), !isAt(k + 1, "额") { k += 1 }
        return MonthToken(month: num.value, end: k)
    }

    struct DayToken {
        var day: Int
        var end: Int
        var lunar = false
    }

    /// A day of the month: `6日`, `6号`, after a month also `十五`, `初一`, `廿二`.
    func dayToken(at i: Int, afterMonth: Bool) -> DayToken? {
        // 初一 … 初十, also with digits (腊月初9), but not 月初10日 (the 10th, after 初 'early').
        if afterMonth, let e = lit("初", i), let num = numeral(at: e), (1...10).contains(num.value),
           num.style != .arabic || !(at(num.end).map { $0 == "日" || $0 == "号" } ?? false)
        {
            return DayToken(day: num.value, end: num.end, lunar: true)
        }
        guard let num = numeral(at: i), (1...31).contains(num.value) else { return nil }
        if num.style == .chineseDigits && num.count > 1 { return nil }
        if text[i] == "两" || text[i] == "俩" { return nil }  // 两日 is two days
        if num.style == .arabic && num.count > 2 { return nil }
        let k = spaces(num.end)
        if let s = at(k), s == "日" || s == "号" || s == "號" {
            if let next = at(k + 1) {
                if s == "日" && next == "游" { return nil }
                if s != "日" && "线楼院令码机房文人车窗台位".unicodeScalars.contains(next) { return nil }
            }
            if s != "日" && !afterMonth { return nil }
            return DayToken(day: num.value, end: k + 1)
        }
        // 八月十五, 正月初八, 五月廿二: a Chinese day right after the month.
        guard afterMonth, num.style == .chinese, k == num.end else { return nil }
        if let next = at(num.end), "个年月天日号点时分秒周岁多余万亿元%".unicodeScalars.contains(next) || CharacterClass.isASCIIDigit(next) {
            return nil
        }
        return DayToken(day: num.value, end: num.end, lunar: text[i] == "廿")
    }

    /// A weekday name: `星期一`, `周三`, `礼拜天`, `周末` (8).
    func weekdayToken(at i: Int) -> (weekday: Int, end: Int)? {
        guard let (_, e) = DateWords.weekWords.match(text, at: i), let (day, end) = DateWords.weekdayNames.match(text, at: e) else {
            return nil
        }
        if day != 8, let next = at(end), next == "年" || next == "岁" || next == "期" || CharacterClass.isASCIIDigit(next) { return nil }
        if text[i] == "周" || text[i] == "週", day == 8, let next = at(end), next == "年" { return nil }
        return (day, end)
    }
}
