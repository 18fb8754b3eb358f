extension DateParser {
    struct ClockTime {
        var hour: Int
        var minute: Int
        var second: Int?
        var end: Int
        /// Read after an afternoon or evening word, or with pm.
        var afternoon: Bool
    }

    /// A clock time: `下午5:00`, `晚上9:30`, `凌晨2点半`, `15时20分`, `九点二十`, `11:30:10 p.m.`.
    ///
    /// `standalone` asks for more evidence (a part of the day, minutes, 整/半/刻, or Arabic digits
    /// before 点 not followed by a word), since `三点` and `一时` are also 'three points' and 'for a while'.
    func clockTime(at i: Int, standalone: Bool, part given: DayPart? = nil) -> ClockTime? {
        var j = i
        var part = given
        var hedged = false
        if standalone, let e = lits(["大约", "大概", "约"], j) { j = spaces(e); hedged = true }
        if let (p, e) = DateWords.dayParts.match(text, at: j) { part = p; j = spaces(e) }
        guard let h = numeral(at: j), h.value <= 24 else { return nil }
        if h.style == .chineseDigits && h.count > 1 { return nil }
        if h.style == .arabic && h.count > 2 { return nil }
        // hh:mm[:ss] [am|pm]
        if h.style == .arabic, isAt(h.end, ":"), let m = numeral(at: h.end + 1), m.style == .arabic, m.count == 2, m.value < 60 {
            if let p = at(i - 1), p == ":" || CharacterClass.isASCIIDigit(p) { return nil }
            // 比例1:30, 比分3:2 are ratios.
            if standalone && part == nil, (max(0, i - 4)..<i).contains(where: { text[$0] == "比" }) { return nil }
            var e = m.end
            var second: Int?
            if isAt(e, ":"), let s = numeral(at: e + 1), s.style == .arabic, s.count == 2, s.value < 60 { second = s.value; e = s.end }
            if isAt(e, ":") || isAt(e, ".") && isDigit(e + 1) { return nil }
            var hour = h.value
            var afternoon = false
            let k = spaces(e)
            if let f = lits(["pm", "PM", "p.m.", "P.M.", "p.m", "P.M"], k) {
                if hour < 12 { hour += 12 }
                afternoon = true
                e = f
            } else if let f = lits(["am", "AM", "a.m.", "A.M.", "a.m", "A.M"], k) {
                if hour == 12 { hour = 0 }
                e = f
            } else if let part {
                hour = part.hour(hour)
                afternoon = part.shift != .none && hour >= 12
            }
            guard hour <= 24 else { return nil }
            return ClockTime(hour: Self.clockHour(hour, minute: m.value, second: second), minute: m.value, second: second, end: e, afternoon: afternoon)
        }
        var k = spaces(h.end)
        guard let unit = at(k), unit == "点" || unit == "點" || unit == "时" || unit == "時" else { return nil }
        let isDian = unit == "点" || unit == "點"
        k += 1
        var minute = 0
        var second: Int?
        var precise = false
        if let e = lits(["钟", "鐘"], k) { k = e; precise = isDian }
        if let e = lit("整", k) {
            k = e
            precise = true
        } else if let e = lit("半", k) {
            minute = 30
            k = e
            precise = true
        } else if let e = lits(["一刻", "1刻"], k) {
            minute = 15
            k = e
            precise = true
        } else if let e = lits(["三刻", "3刻"], k) {
            minute = 45
            k = e
            precise = true
        } else {
            var start = k
            if let e = lit("零", k), let next = at(e), DateWords.digit(next) != nil { start = e }
            // Digits read one by one after 点 are decimals (三点一四 is 3.14), except after 零 (八点零五).
            if let m = numeral(at: spaces(start)), m.value < 60, m.style != .chineseDigits || (start != k && m.count == 1) {
                var e = m.end
                let fen = lits(["分", "分钟"], spaces(e))
                if let fen { e = fen }
                // Bare minutes after 点 read as a clock only when they look like minutes (九点二十,
                // 八点零五, 8点05); 八点五 and 零点一 are the decimals 8.5 and 0.1.
                let looksLikeMinutes = m.value >= 10 || start != k || (m.style == .arabic && m.count == 2)
                let bareOK = isDian && looksLikeMinutes && (at(e).map { !"个万亿元人%分秒年月日天岁次届名位项条件家所".unicodeScalars.contains($0) && !CharacterClass.isASCIIDigit($0) } ?? true)
                if fen != nil || bareOK {
                    minute = m.value
                    k = e
                    precise = true
                    if fen != nil, let s = numeral(at: spaces(k)), s.value < 60, let f = lit("秒", spaces(s.end)) {
                        second = s.value
                        k = f
                    }
                }
            }
        }
        if standalone && part == nil && !hedged {
            if h.style == .arabic {
                if !precise, let next = at(k), CharacterClass.isHan(next), !"的前后左以之到至开起整钟".unicodeScalars.contains(next) {
                    return nil
                }
                if !precise && !isDian && h.count < 2 { return nil }
            } else if !precise {
                // 零点 alone; 十二点之后, 十点左右.
                let zero = h.value == 0 && (at(k).map { !CharacterClass.isHan($0) } ?? true)
                guard isDian, zero || lits(["之后", "以后", "之前", "以前", "左右", "前后", "钟"], k) != nil else { return nil }
            }
        }
        if let e = lits(["左右"], k) { k = e }
        let hour = part?.hour(h.value) ?? h.value
        guard hour <= 24 else { return nil }
        return ClockTime(hour: Self.clockHour(hour, minute: minute, second: second), minute: minute, second: second, end: k,
                         afternoon: part.map { $0.shift != .none && hour >= 12 } ?? false)
    }

    /// A time of day on its own: `下午5:00`, `凌晨2点半`, `13点`; `早上五到六点` (one unit for both
    /// hours); a part of the day alone (`上午` → `T08:00/T12:00`).
    func parseTime(at i: Int, standalone: Bool = true) -> ParsedDate? {
        if let r = hourRange(at: i) { return r }
        guard let t = clockTime(at: i, standalone: standalone) else {
            guard let (part, e) = DateWords.dayParts.match(text, at: i), e - i >= 2 else { return nil }
            if let next = at(e), "饭餐茶好报场班间市".unicodeScalars.contains(next) { return nil }
            let endHour = min(part.endHour, 23)
            return ParsedDate(expr: .interval(.time(on: nil, hour: part.startHour, minute: 0, second: nil),
                                              .time(on: nil, hour: endHour, minute: part.endHour == 24 ? 59 : 0, second: nil)),
                              range: i..<e)
        }
        var p = ParsedDate(expr: .point(.time(on: nil, hour: t.hour, minute: t.minute, second: t.second)), range: i..<t.end)
        p.afternoon = t.afternoon
        return p
    }

    /// `早上五到六点`, `凌晨四到六点`, `9~11点`: two hours sharing the unit of the second.
    func hourRange(at i: Int) -> ParsedDate? {
        var j = i
        var part: DayPart?
        if let (p, e) = DateWords.dayParts.match(text, at: j) { part = p; j = spaces(e) }
        guard let a = numeral(at: j), a.value <= 24, a.style != .chineseDigits, let c = connector(at: spaces(a.end)) else { return nil }
        guard let b = clockTime(at: spaces(c), standalone: false, part: part), b.hour >= (part?.hour(a.value) ?? a.value) else { return nil }
        if part == nil && a.style != .arabic { return nil }
        let start = part?.hour(a.value) ?? a.value
        return ParsedDate(expr: .interval(.time(on: nil, hour: start, minute: 0, second: nil), .time(on: nil, hour: b.hour, minute: b.minute, second: b.second)),
                          range: i..<b.end, shape: .range, afternoon: b.afternoon)
    }

    /// 24时 is the end of the day and stays 24 (written as the next day's 00:00); other hours wrap.
    static func clockHour(_ hour: Int, minute: Int, second: Int?) -> Int {
        hour == 24 && minute == 0 && (second ?? 0) == 0 ? 24 : hour % 24
    }
}
