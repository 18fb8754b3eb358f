extension DateParser {
    struct DurationRead {
        var duration: Duration
        var end: Int
        /// 多, 余: more than the amount.
        var moreThan = false
        /// The only part is `N日` with N a possible day of the month (`15日`).
        var dayOfMonthLike = false
        /// Single unit of the duration, for ranges (`3至5年`).
        var unit: Duration.Unit
        var components = 0
    }

    /// A duration: `三年`, `5 小时`, `三个多月`, `一年半`, `8天20小时`, `一年多三个月又20天8小时余50分钟20秒`.
    func durationCore(at i: Int) -> DurationRead? {
        var read: DurationRead?
        var j = i
        var lastUnit: Duration.Unit?
        while true {
            guard let (amount, afterNumber, numeral) = durationAmount(at: j) else { break }
            var k = spaces(afterNumber)
            var moreThan = false
            if let s = at(k), s == "多" || s == "余" { moreThan = true; k += 1 }
            var counter = false
            var half = 0.0
            if text[afterNumber - 1] == "俩" {
                counter = true  // 俩 is 两个
            } else if let e = lits(["个", "個"], k) {
                counter = true
                k = e
                if isAt(k, "多") { moreThan = true; k += 1 }
                if isAt(k, "半") { half = 0.5; k += 1 }
            }
            k = spaces(k)
            guard let (unit, e, factor) = durationUnit(at: k, counter: counter, after: lastUnit) else { break }
            // 2009年 is a year, not 2009 years (2000多年 is a duration).
            if unit == .year, numeral.style == .arabic, numeral.count == 4, (1000...2100).contains(numeral.value), !moreThan,
                !(at(e).map { $0 == "多" || $0 == "余" } ?? false)
            {
                break
            }
            // 一个星期一, 一个周三 are weekdays (一周三次 is three times a week).
            if unit == .week, let next = at(e), DateWords.weekdayNames.match(text, at: e) != nil, !CharacterClass.isASCIIDigit(next),
                text[e - 1] != "周" && text[e - 1] != "週" || counter && !isAt(e + 1, "次")
            {
                break
            }
            if let next = at(e) {
                if unit == .year && "级龄纪轻一四到头复".unicodeScalars.contains(next) { break }
                if unit == .week && next == "岁" { break }
                if unit == .day && "一天到千比三之游".unicodeScalars.contains(next) && numeral.value == 1 && numeral.style != .arabic { break }
            }
            if let previous = lastUnit, previous == unit { break }
            var d = read?.duration ?? Duration()
            d.add((amount + half) * factor, unit)
            var end = e
            if isAt(end, "半") && half == 0 && !isAt(end + 1, "年") && !isAt(end + 1, "月") { d.add(0.5, unit); end += 1 }
            if read == nil {
                let ambiguousDay = unit == .day && text[k] == "日" && numeral.value <= 31 && numeral.value >= 1
                    && !(numeral.style == .chinese && text[i] == "两") && half == 0
                read = DurationRead(duration: d, end: end, moreThan: moreThan, dayOfMonthLike: ambiguousDay, unit: unit, components: 1)
            } else {
                read!.duration = d
                read!.end = end
                read!.moreThan = read!.moreThan || moreThan
                read!.dayOfMonthLike = false
                read!.components += 1
            }
            lastUnit = unit
            // Trailing 多/余 (一年多), then an optional joiner before the next part.
            var next = end
            if let s = at(next), s == "多" || s == "余" { read!.moreThan = true; next += 1; read!.end = next }
            if let s = at(next), s == "又" || s == "零" || s == "余" { next += 1 }
            j = spaces(next)
            if durationAmount(at: j) == nil { break }
        }
        return read
    }

    /// The number of a duration part: digits, a decimal, a Chinese numeral, 半 or 一刻.
    private func durationAmount(at j: Int) -> (Double, Int, Numeral)? {
        if isAt(j, "半") {
            return (0.5, j + 1, Numeral(value: 0, end: j + 1, style: .chinese, count: 0, leadingZero: false))
        }
        guard let a = amount(at: j), a.value > 0 else { return nil }
        if a.numeral.style == .chineseDigits && a.numeral.count > 1 { return nil }
        if a.numeral.style == .arabic && a.numeral.count > 1 && a.numeral.leadingZero { return nil }
        // Round or indefinite numbers are left alone: 百年, 千年 (as a whole word), 几年.
        if a.numeral.style == .chinese, a.numeral.end == j + 1, text[j] == "百" || text[j] == "千" || text[j] == "万" { return nil }
        if let s = at(a.end), s == "万" || s == "亿" || s == "几" { return nil }
        return (a.value, a.end, a.numeral)
    }

    /// A duration unit at `k`; `counter` says 个 came before it (`三个月`, not the month `三月`).
    private func durationUnit(at k: Int, counter: Bool, after previous: Duration.Unit?) -> (Duration.Unit, Int, Double)? {
        if let e = lits(["刻钟", "刻鐘"], k) { return (.minute, e, 15) }
        return durationUnit1(at: k, counter: counter, after: previous).map { ($0.0, $0.1, 1) }
    }

    private func durationUnit1(at k: Int, counter: Bool, after previous: Duration.Unit?) -> (Duration.Unit, Int)? {
        guard let s = at(k) else { return nil }
        switch s {
        case "年":
            if counter { return nil }
            return (.year, k + 1)
        case "月":
            return counter ? (.month, k + 1) : nil
        case "周", "週":
            if isAt(k + 1, "年") { return (.year, k + 2) }
            return (.week, k + 1)
        case "星", "礼", "禮":
            if let e = lits(["星期", "礼拜", "禮拜"], k) { return (.week, e) }
            return nil
        case "天":
            return counter ? nil : (.day, k + 1)
        case "日":
            if counter { return nil }
            return (.day, k + 1)
        case "小", "钟", "鐘":
            if let e = lits(["小时", "小時", "钟头", "鐘頭", "钟点"], k) { return (.hour, e) }
            return nil
        case "时", "時":
            return previous == .day || previous == .week ? (.hour, k + 1) : nil
        case "分":
            if let e = lits(["分钟", "分鐘"], k) { return (.minute, e) }
            return previous == .hour ? (.minute, k + 1) : nil
        case "秒":
            return (.second, lit("秒钟", k) ?? k + 1)
        case "季":
            return lit("季度", k).map { (.quarter, $0) }
        case "世":
            return lits(["世纪", "世紀"], k).map { (.century, $0) }
        default:
            return nil
        }
    }

    /// Durations with what may come around them:
    /// `近三年` / `过去十年` / `未来两天` (windows ending or starting at the reference date),
    /// `5年来` (a duration), `5年前` / `3天后` (dates counted from the reference),
    /// `时隔78年后` (a duration again: 78年后 after an earlier date), `3年以上` (a duration range),
    /// `3至5年`, `两三年` (duration ranges).
    func parseDuration(at i: Int) -> ParsedDate? {
        // Windows: 近, 最近, 过去(的), 前, 上 look back; 未来, 今后, 后, 下, 接下来 look ahead.
        var window: Int = 0  // -1 back, +1 ahead
        var j = i
        if let e = lits(["近", "最近", "过去", "过去的", "過去", "前", "上"], i) {
            window = -1
            j = spaces(e)
        } else if let e = lits(["未来", "未來", "今后", "今後", "后", "後", "下", "接下来", "接下来的", "往后"], i) {
            window = 1
            j = spaces(e)
        }
        if window != 0, j < n, text[j] == "的" { j = spaces(j + 1) }
        // 最后一个星期, 之前三年, 此后两年: the one-scalar prefixes are part of another word there.
        if window != 0, j == i + 1 || spaces(i + 1) == j, let p = at(i - 1), "最之以然此其今日年月天周前后事战午向往饭会节随马接将附靠".unicodeScalars.contains(p) {
            window = 0
            j = i
        }
        if window != 0, let core = durationCore(at: j), core.components == 1,
            core.duration.years + core.duration.months + core.duration.weeks + core.duration.days > 0
        {
            // 前年, 上月, 下周 are words of their own; a window needs a number.
            var end = core.end
            if window < 0, let e = lits(["来", "以来", "里", "内", "以内"], end) { end = e }
            let span: DateExpr
            if window < 0 {
                // The N units just before the reference day.
                let start = offset(ref, by: core.duration, sign: -1)
                span = .interval(.day(start), .day(ref.adding(days: -1)))
            } else {
                let first = ref.adding(days: 1)
                let last = offset(ref, by: core.duration, sign: 1)
                span = .interval(.day(first), .day(max(first, last)))
            }
            return ParsedDate(expr: span, range: i..<end, relative: true, approximate: core.moreThan ? "more than" : nil)
        }
        if window != 0 { return nil }
        if let r = durationRange(at: i) { return rangeBackOrAhead(r) ?? r }
        guard let core = durationCore(at: i) else { return nil }
        if let p = at(i - 1), p == "第" || p == "每" || p == "隔" && !isAt(i - 2, "时") && !isAt(i - 2, "相") && !isAt(i - 2, "间") { return nil }
        // 这一天, 那一年, 同一天: a particular day or year, not an amount of time.
        if core.components == 1, core.duration.iso == Duration(1, core.unit).iso, let p = at(i - 1), "这那哪某同当每".unicodeScalars.contains(p) {
            return nil
        }
        let d = core.duration
        let approximate = core.moreThan ? "more than" : nil
        var end = core.end
        // Suffixes. `15日` alone is a day of the month; only 内 and 之久 make it a duration.
        if core.dayOfMonthLike {
            if let e = lits(["以内", "之内", "内"], end) { return ParsedDate(expr: .durationRange(nil, d), range: i..<e) }
            if let e = lit("之久", end) { return ParsedDate(expr: .duration(d), range: i..<e) }
            return nil
        }
        if let e = lits(["以来", "来"], end) {
            // With a reference date, 5年来 is the time from five years back up to it; without one, the
            // amount of time is all the text says.
            if reference != nil, core.components >= 1 {
                let start = offset(ref, by: d, sign: -1)
                return ParsedDate(expr: .interval(.day(start), .day(ref)), range: i..<e, relative: true, approximate: approximate)
            }
            return ParsedDate(expr: .duration(d), range: i..<e, approximate: approximate)
        }
        if let e = lits(["之久", "间", "期间"], end) {
            return ParsedDate(expr: .duration(d), range: i..<e, approximate: approximate)
        }
        if let e = lits(["以上", "及以上"], end) {
            // 3年以上7年以下
            if let upper = durationCore(at: spaces(e)), let f = lits(["以下", "及以下"], upper.end) {
                return ParsedDate(expr: .durationRange(d, upper.duration), range: i..<f)
            }
            return ParsedDate(expr: .durationRange(d, nil), range: i..<e)
        }
        if let e = lits(["以下", "以内", "之内", "内", "及以下"], end) {
            return ParsedDate(expr: .durationRange(nil, d), range: i..<e)
        }
        let interval = lits(["时隔", "相隔", "间隔", "阔别", "隔了"], i - 2) == i
        if let (e, sign) = backOrAhead(at: end) {
            if interval { return ParsedDate(expr: .duration(d), range: i..<e, approximate: approximate) }
            // The date has the grain of its unit: 五年前 is a year, 三个月后 a month, 十天前 a day. 以前 after
            // whole years is the open time up to then (4年以前 = ../2020).
            let grain = wholeGrain(of: d)
            let point = self.point(offset(ref, by: d, sign: sign), grain: grain ?? .day)
            let openBefore = grain == .year && lits(["以前"], end) == e
            var p = ParsedDate(expr: openBefore ? .interval(nil, point) : .point(point), range: i..<e, relative: true)
            if core.moreThan { p.approximate = "about" }
            return p
        }
        if let e = lits(["左右"], end) { end = e }
        return ParsedDate(expr: .duration(d), range: i..<end, approximate: approximate ?? (end > core.end ? "about" : nil))
    }

    /// `几年前`, `三十几年前`, `十几天后`: an indefinite count of units back or ahead is a range of dates at the
    /// grain of the unit (几 is two to nine: 几年前 read on 2024-06-14 is 2015/2022, 三十几年前 1985/1993).
    func parseIndefiniteOffset(at i: Int) -> ParsedDate? {
        var j = i
        var tens = 0
        if let tensNumeral = numeral(at: i), tensNumeral.style == .chinese, tensNumeral.value % 10 == 0, tensNumeral.value < 100 {
            tens = tensNumeral.value
            j = tensNumeral.end
        }
        guard isAt(j, "几") else { return nil }
        j += 1
        let unit: Duration.Unit
        if isAt(j, "年") {
            unit = .year
            j += 1
        } else if let e = lits(["个月", "個月"], j) {
            unit = .month
            j = e
        } else if isAt(j, "天") {
            unit = .day
            j += 1
        } else {
            return nil
        }
        guard let (e, sign) = backOrAhead(at: j) else { return nil }
        let (low, high) = tens == 0 ? (2, 9) : (tens + 1, tens + 9)
        return offsetRange(Duration(Double(low), unit), Duration(Double(high), unit), grain: unit, sign: sign,
                           range: i..<e, approximate: "about")
    }

    /// `三至五年前`, `两三个月后`: a range of whole years or months back or ahead is a range of dates at that grain.
    func rangeBackOrAhead(_ r: ParsedDate) -> ParsedDate? {
        guard case let .durationRange(low?, high?) = r.expr, let (e, sign) = backOrAhead(at: r.end),
            let grain = wholeGrain(of: low), wholeGrain(of: high) == grain
        else { return nil }
        return offsetRange(low, high, grain: grain, sign: sign, range: r.range.lowerBound..<e, approximate: r.approximate)
    }

    /// 前/之前/以前 (sign -1) or 后/之后/以后 (+1) ending a count of time at `i`, unless the scalar after
    /// a one-scalar 前/后 makes it a word (前夕, 后来, 前景): the end and the sign.
    func backOrAhead(at i: Int) -> (end: Int, sign: Int)? {
        guard let e = lits(["前", "之前", "以前", "后", "之后", "以后", "後", "之後", "以後"], i),
            !(e == i + 1 && at(e).map { "夕往进来景天期面方续勤果劲盾代辈".unicodeScalars.contains($0) } ?? false)
        else { return nil }
        return (e, text[e - 1] == "前" ? -1 : 1)
    }

    /// `.year` for whole years, `.month` for whole months, nil for anything finer or mixed.
    func wholeGrain(of d: Duration) -> Duration.Unit? {
        let finer = d.weeks + d.days + d.hours + d.minutes + d.seconds
        if finer == 0, d.months == 0, d.years > 0, d.years == d.years.rounded() { return .year }
        if finer == 0, d.years == 0, d.months > 0, d.months == d.months.rounded() { return .month }
        return nil
    }

    /// A date at the grain of a unit: its year, its month or the day itself.
    func point(_ date: CalendarDate, grain: Duration.Unit) -> DatePoint {
        switch grain {
        case .year: .year(date.year)
        case .month: .month(year: date.year, month: date.month)
        default: .day(date)
        }
    }

    /// The dates `low` and `high` back (sign -1) or ahead of the reference, as one interval in time order.
    private func offsetRange(_ low: Duration, _ high: Duration, grain: Duration.Unit, sign: Int, range: Range<Int>, approximate: String?) -> ParsedDate {
        let near = point(offset(ref, by: low, sign: sign), grain: grain), far = point(offset(ref, by: high, sign: sign), grain: grain)
        return ParsedDate(expr: sign < 0 ? .interval(far, near) : .interval(near, far), range: range, relative: true, approximate: approximate)
    }

    /// `3至5年`, `30~90日`, `三到五年`, `两三年`, `一两个月`.
    func durationRange(at i: Int) -> ParsedDate? {
        guard let a = numeral(at: i) else { return nil }
        var low: Int
        var j: Int
        if a.style == .chineseDigits, a.count == 2, a.digits[0] != 0, a.digits[1] == a.digits[0] + 1 || (a.digits == [1, 2] && text[i + 1] == "两") {
            // 两三年, 三四个月, 一两天
            low = a.digits[0]
            guard let core = durationCore(at: i + 1), core.components == 1 else { return nil }
            var lo = Duration()
            lo.add(Double(low), core.unit)
            return ParsedDate(expr: .durationRange(lo, core.duration), range: i..<core.end, approximate: "about")
        }
        guard a.style != .chineseDigits, a.value < 1000 else { return nil }
        low = a.value
        guard let c = connector(at: spaces(a.end)) else { return nil }
        j = spaces(c)
        guard let core = durationCore(at: j), core.components == 1, !core.dayOfMonthLike || core.duration.days > 31 else {
            return nil
        }
        var lo = Duration()
        lo.add(Double(low), core.unit)
        guard lo.iso != core.duration.iso else { return nil }
        return ParsedDate(expr: .durationRange(lo, core.duration), range: i..<core.end)
    }

    /// The reference moved by a duration (whole units; hours and less leave the day as it is).
    func offset(_ date: CalendarDate, by d: Duration, sign: Int) -> CalendarDate {
        var result = date
        let months = d.years * 12 + d.months
        if months != 0 {
            let whole = months.rounded(.towardZero)
            result = result.adding(months: sign * Int(whole))
            let fraction = months - whole
            if fraction != 0 { result = result.adding(days: sign * Int((fraction * 30.4375).rounded())) }
        }
        let days = d.weeks * 7 + d.days
        if days != 0 { result = result.adding(days: sign * Int(days.rounded())) }
        let hours = d.hours + d.minutes / 60 + d.seconds / 3600
        if hours >= 24 { result = result.adding(days: sign * Int(hours / 24)) }
        return result
    }

    // MARK: - Sets

    /// `每年`, `每个月`, `每周一`, `每天晚上8点`, `每两周`, `每月15日`, `每年3月`.
    func parseSet(at i: Int) -> ParsedDate? {
        guard let e = lit("每", i) else { return nil }
        var j = e
        let sub = { (k: Int) -> Int in
            let k = self.spaces(k)
            return self.isAt(k, "的") ? self.spaces(k + 1) : k
        }
        if isAt(j, "隔") { j += 1 }
        var count = 1
        if let num = numeral(at: j), num.value >= 1, !isAt(num.end, "次"), num.style != .chineseDigits {
            count = num.value
            j = num.end
        }
        if let f = lits(["个", "個"], j) { j = f }
        // 每周一, 每星期三
        if count == 1, let (day, f) = weekdayToken(at: j), day <= 7 {
            let anchor: String
            if reference != nil {
                let date = ref.mondayOfWeek.adding(days: day - 1)
                anchor = DatePoint.day(date).edtf
            } else {
                anchor = "XXXX-WXX-\(day)"
            }
            var end = f
            var value = "R/\(anchor)/P1W"
            if let t = clockTime(at: spaces(f), standalone: false) {
                value = "R/\(anchor)T\(DatePoint.pad(t.hour, 2)):\(DatePoint.pad(t.minute, 2))/P1W"
                end = t.end
            }
            return ParsedDate(expr: .set(value), range: i..<end)
        }
        let unit: String
        var f: Int
        if let g = lits(["年", "年度"], j) { unit = "Y"; f = g } else if let g = lit("月", j) { unit = "M"; f = g } else if let g = lits(["周", "週", "星期", "礼拜", "禮拜"], j) {
            unit = "W"
            f = g
        } else if let g = lits(["天", "日"], j) { unit = "D"; f = g } else if let g = lits(["小时", "小時", "个小时"], j) { unit = "H"; f = g } else if let g = lit("季度", j) {
            unit = "Q"
            f = g
        } else { return nil }
        let period = unit == "H" ? "PT\(count)H" : unit == "Q" ? "P\(3 * count)M" : "P\(count)\(unit)"
        var value = "R/\(period)"
        // 每月15日, 每年3月, 每天8点
        if count == 1 {
            let k = sub(f)
            if unit == "M", let d = dayToken(at: k, afterMonth: true) {
                let anchor = reference.map { DatePoint.day(year: $0.year, month: $0.month, day: d.day).edtf } ?? "XXXX-XX-\(DatePoint.pad(d.day, 2))"
                value = "R/\(anchor)/P1M"
                f = d.end
            } else if unit == "Y", let m = monthToken(at: k), m.offset == nil {
                var point = DatePoint.month(year: reference?.year, month: m.month)
                var end = m.end
                if let d = dayToken(at: spaces(m.end), afterMonth: true) {
                    point = .day(year: reference?.year, month: m.month, day: d.day)
                    end = d.end
                }
                value = "R/\(point.edtf)/P1Y"
                f = end
            } else if unit == "D", let t = clockTime(at: k, standalone: false) {
                let clock = "T\(DatePoint.pad(t.hour, 2)):\(DatePoint.pad(t.minute, 2))"
                value = "R/\(reference.map { DatePoint.day($0).edtf } ?? "")\(clock)/P1D"
                f = t.end
            }
        }
        return ParsedDate(expr: .set(value), range: i..<f)
    }
}
