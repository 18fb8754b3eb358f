extension DateParser {
    // MARK: - Calendar expressions

    /// Years, months, days and their parts, seasons and holidays, with or without a year:
    /// `2021年6月`, `1943年春`, `农历2015年十月初一`, `今年8月`, `2017年上半年`, `去年本月十日`, `6日`.
    func parseCalendar(at i: Int) -> ParsedDate? {
        guard let s = at(i), Self.calendarStarts[Int(s.value & 0xFFFF)] || lexicon.dateWords.holidays.mayStart(s) || lexicon.dateWords.eras.mayStart(s)
        else { return nil }
        var j = i
        var lunar = false
        if let e = lits(["农历", "阴历"], i) { lunar = true; j = spaces(e) }
        var best: ParsedDate?
        func consider(_ p: ParsedDate?) {
            guard var p else { return }
            p.range = i..<p.range.upperBound
            p.lunar = p.lunar || lunar
            if best == nil || p.end > best!.end { best = p }
        }
        if let y = yearToken(at: j) {
            var k = spaces(y.end)
            if let e = lit("的", k) { k = spaces(e) }
            if let e = lits(["农历", "阴历"], k) { lunar = true; k = spaces(e) }
            let yearKnown = y.strong || yearContextBefore(j) || lunar
            consider(yearPart(year: y.year, at: k).map { p in var p = p; p.relative = y.relative || p.relative; return p })
            consider(monthAndDay(year: y.year, yearRelative: y.relative, at: k))
            consider(holiday(year: y.year, at: k).map { p in var p = p; p.relative = y.relative; return p })
            consider(monthRange(year: y.year, at: k).map { p in var p = p; p.relative = y.relative; return p })
            // 去年今天, 明年的今天: this month and day in that year.
            if y.relative, let e = lits(["今天", "今日", "同日", "同一天"], k),
               (1...CalendarDate.daysIn(year: y.year, month: ref.month)).contains(ref.day) {
                consider(ParsedDate(expr: .point(.day(year: y.year, month: ref.month, day: ref.day)), range: j..<e, relative: true))
            }
            // A weak year (15年, 789年) stands alone only after 在, 从, 自…; before a month or a part it is a year anyway.
            if best == nil && yearKnown {
                consider(ParsedDate(expr: .point(.year(y.year)), range: j..<y.end, relative: y.relative))
            }
            return best
        }
        consider(monthAndDay(year: nil, yearRelative: false, at: j))
        consider(monthRange(year: nil, at: j))
        consider(holiday(year: nil, at: j))
        consider(standaloneDay(at: j))
        consider(standalonePart(at: j))
        consider(firstMonthsOfYear(at: j))
        return best
    }

    /// `前5个月` without a year: the first months of the current year, as economic reports mean it
    /// (of the year before when the reference date has not got that far).
    func firstMonthsOfYear(at k: Int) -> ParsedDate? {
        guard text[k] == "前" || text[k] == "头", let (which, count, unit, e) = ordinalUnits(at: k), which == .first, unit == .month,
              (1...11).contains(count)
        else { return nil }
        let year = count <= ref.month ? ref.year : ref.year - 1
        return ParsedDate(expr: .interval(.month(year: year, month: 1), .month(year: year, month: count)), range: k..<e, relative: true)
    }

    /// Scalars a calendar expression can start with.
    static let calendarStarts: [Bool] = {
        var table = [Bool](repeating: false, count: 0x10000)
        for s in "0123456789〇零一二两兩三四五六七八九十廿卅农阴公正腊冬元大上下前后後第首年月本这這当當Q".unicodeScalars { table[Int(s.value)] = true }
        for s in DateWords.relativeYears.firstScalars + DateWords.relativeMonths.firstScalars where s.value < 0x10000 {
            table[Int(s.value)] = true
        }
        return table
    }()

    /// What follows a year: halves, quarters, seasons, year start and end, weeks and months by number.
    func yearPart(year y: Int, at k: Int) -> ParsedDate? {
        func months(_ a: Int, _ b: Int, _ end: Int) -> ParsedDate {
            ParsedDate(expr: a == b ? .point(.month(year: y, month: a)) : .interval(.month(year: y, month: a), .month(year: y, month: b)), range: k..<end)
        }
        func days(_ a: CalendarDate, _ b: CalendarDate, _ end: Int) -> ParsedDate {
            ParsedDate(expr: .interval(.day(a), .day(b)), range: k..<end)
        }
        if let e = lits(["上半年", "前半年"], k) { return months(1, 6, e) }
        if let e = lits(["下半年", "后半年", "後半年"], k) { return months(7, 12, e) }
        if let e = lits(["年初", "年头"], k) ?? (lit("初", k).flatMap { notFollowedByWord($0) ? $0 : nil }) { return months(1, 2, e) }
        if let e = lits(["年底", "年末", "年终"], k) ?? lits(["底", "末"], k).flatMap({ notFollowedByWord($0) ? $0 : nil }) {
            return months(11, 12, e)
        }
        if let e = lits(["伊始", "年伊始"], k) { return months(1, 1, e) }
        // School holidays, as news dates them: the winter one in January and February of the year named,
        // the summer one in July and August (明年寒假, 今年暑假).
        if let e = lit("寒假", k) { return months(1, 2, e) }
        if let e = lit("暑假", k) { return months(7, 8, e) }
        if let e = lit("全年", k) { return ParsedDate(expr: .point(.year(y)), range: k..<e) }
        if let q = quarter(at: k) { return quarterDates(year: y, q, from: k, relative: false) }
        if let (code, e) = DateWords.seasons.match(text, at: k) {
            if let next = at(e), e == k + 1, next == "节" || next == "运" || next == "联" { return nil }
            return ParsedDate(expr: .point(.season(year: y, code: code)), range: k..<e)
        }
        // 第N周, 前N周, 最后N周 (ISO weeks of the year).
        if let (which, count, unit, e) = ordinalUnits(at: k) {
            switch unit {
            case .week:
                let weeks = CalendarDate.isoWeeksIn(year: y)
                let (a, b): (Int, Int) = which == .nth ? (count, count) : which == .first ? (1, count) : (weeks - count + 1, weeks)
                guard a >= 1, b <= weeks, a <= b else { return nil }
                return days(CalendarDate.mondayOfISOWeek(year: y, week: a), CalendarDate.mondayOfISOWeek(year: y, week: b).adding(days: 6), e)
            case .month:
                let (a, b): (Int, Int) = which == .nth ? (count, count) : which == .first ? (1, count) : (13 - count, 12)
                guard a >= 1, b <= 12, a <= b else { return nil }
                return months(a, b, e)
            case .day:
                let first = CalendarDate(year: y, month: 1, day: 1), last = CalendarDate(year: y, month: 12, day: 31)
                switch which {
                case .nth: return ParsedDate(expr: .point(.day(first.adding(days: count - 1))), range: k..<e)
                case .first: return days(first, first.adding(days: count - 1), e)
                case .last: return days(last.adding(days: 1 - count), last, e)
                }
            default:
                return nil
            }
        }
        return nil
    }

    /// Whether the scalar at `e` does not continue a word that makes the part before it something else
    /// (`2021年初步`, `年底线`).
    func notFollowedByWord(_ e: Int) -> Bool {
        guard let next = at(e) else { return true }
        return !"步中级期次心衷见创稿审赛选试始线端尾梢日".unicodeScalars.contains(next)
    }

    /// The months of quarters `q.first…q.last` of `year`; one quarter with 初 or 末/底 after it is its
    /// first or last month (第三季度初, 季度末).
    func quarterDates(year: Int, _ q: (first: Int, last: Int, end: Int), from start: Int, relative: Bool) -> ParsedDate {
        var (a, b, end) = (3 * q.first - 2, 3 * q.last, q.end)
        if q.first == q.last, let e = lit("初", end), notFollowedByWord(e) {
            (b, end) = (a, e)
        } else if q.first == q.last, let e = lits(["末", "底"], end), notFollowedByWord(e) {
            (a, end) = (b, e)
        }
        let expr: DateExpr = a == b ? .point(.month(year: year, month: a)) : .interval(.month(year: year, month: a), .month(year: year, month: b))
        return ParsedDate(expr: expr, range: start..<end, relative: relative)
    }

    /// `第一季度`, `一季度`, `首季度`, `Q1`, `前三季度`, `第二个季度`.
    func quarter(at k: Int) -> (first: Int, last: Int, end: Int)? {
        if isAt(k, "Q"), let d = at(k + 1), ("1"..."4").contains(d), !isDigit(k + 2) {
            let q = Int(d.value - 48)
            return (q, q, k + 2)
        }
        var j = k
        var upTo = false
        if let e = lit("第", j) { j = e } else if let e = lit("前", j) { j = e; upTo = true }
        let q: Int
        var e: Int
        if let f = lit("首", j) { q = 1; e = f } else if let num = numeral(at: j), (1...4).contains(num.value), num.style != .chineseDigits {
            q = num.value
            e = spaces(num.end)
        } else { return nil }
        if let g = lits(["个", "個"], e) { e = g }
        guard let end = lit("季度", e) else { return nil }
        return upTo ? (1, q, end) : (q, q, end)
    }

    enum Which { case nth, first, last }

    /// `第N周`, `前N个月`, `最后N天`, `最後 3 週` — a unit counted inside a year or month.
    func ordinalUnits(at k: Int) -> (Which, Int, Duration.Unit, Int)? {
        var which: Which
        var j: Int
        if let e = lit("第", k) { which = .nth; j = e } else if let e = lits(["前", "头", "頭"], k) { which = .first; j = e } else if let e = lits(["最后", "最後", "后", "後", "末"], k) {
            which = .last
            j = e
        } else if let e = lit("首", k) {
            j = e
            if let f = lit("月", j) { return (.nth, 1, .month, f) }
            if let f = lits(["周", "週"], j) { return (.nth, 1, .week, f) }
            return nil
        } else { return nil }
        j = spaces(j)
        guard let num = numeral(at: j), num.value >= 1 else { return nil }
        j = spaces(num.end)
        var counter = false
        if let e = lits(["个", "個"], j) { j = e; counter = true }
        if let e = lits(["周", "週", "星期", "礼拜", "禮拜"], j) { return (which, num.value, .week, e) }
        if let e = lit("月", j) {
            if which == .nth && !counter { return nil }  // 第三月 is rare; 三月 alone is March
            return (which, num.value, .month, e)
        }
        if !counter, let e = lit("天", j) { return (which, num.value, .day, e) }
        return nil
    }

    /// A month with an optional day, time, or part of the month.
    func monthAndDay(year: Int?, yearRelative: Bool, at k: Int) -> ParsedDate? {
        guard let m = monthToken(at: k) else { return nil }
        var relative = yearRelative || m.offset != nil
        var y = year
        if let offset = m.offset, year == nil { y = ref.adding(months: offset).year; relative = true }
        var result = ParsedDate(expr: .point(.month(year: y, month: m.month)), range: k..<m.end, relative: relative, lunar: m.lunar)
        let j = spaces(m.end)
        // 十月的第一周, 6月第3个星期日, 四月的最后一个星期一.
        if let week = weekOfMonth(year: y, month: m.month, at: j) {
            result.expr = week.expr
            result.range = k..<week.end
            result.relative = result.relative || week.relative
            return result
        }
        let day = dayToken(at: j, afterMonth: true)
        // Parts of the month.
        if let part = monthPart(year: y, month: m.month, at: j), part.end > day?.end ?? 0 {
            result.expr = part.expr
            result.range = k..<part.end
            return result
        }
        // 12-19日: a range of days inside the month.
        if let r = numberRange(at: j, unit: ["日", "号"], valid: 1...31) {
            result.expr = .interval(.day(year: y, month: m.month, day: r.a), .day(year: y, month: m.month, day: r.b))
            result.range = k..<r.end
            result.shape = .range
            return result
        }
        if let d = day {
            result.expr = .point(.day(year: y, month: m.month, day: d.day))
            result.range = k..<d.end
            result.lunar = result.lunar || d.lunar
            extendDay(&result)
        }
        return result
    }

    /// `第N周` (the week from the N-th Monday), `第N个星期X`, `最后一个周X` after a month; a month
    /// without a year takes the reference year.
    func weekOfMonth(year: Int?, month m: Int, at j: Int) -> (expr: DateExpr, end: Int, relative: Bool)? {
        var k = j
        if let e = lit("的", k) { k = spaces(e) }
        if let e = lit("份", k) { k = e }
        let nth: Int
        if let e = lits(["最后一个", "最後一個", "最后一", "最后"], k) {
            nth = -1
            k = e
        } else if let e = lit("第", k), let num = numeral(at: e), (1...5).contains(num.value) {
            nth = num.value
            k = num.end
            if let f = lits(["个", "個"], k) { k = f }
        } else { return nil }
        if let e = lit("的", k) { k = e }
        guard let (_, weekEnd) = DateWords.weekWords.match(text, at: k) else { return nil }
        let y = year ?? ref.year
        let relative = year == nil
        if let (day, e) = weekdayToken(at: k), day <= 7 {
            let date = CalendarDate.nthWeekday(nth, day, year: y, month: m)
            guard date.month == m else { return nil }
            return (.point(.day(date)), e, relative)
        }
        guard nth > 0, !(at(weekEnd).map { "年岁期边围".unicodeScalars.contains($0) } ?? false) else { return nil }
        let monday = CalendarDate.nthWeekday(nth, 1, year: y, month: m)
        guard monday.month == m else { return nil }
        return (.interval(.day(monday), .day(monday.adding(days: 6))), weekEnd, relative)
    }

    /// 上旬, 中旬, 下旬, 初, 底, 末, 上半月, 下半月 after a month.
    func monthPart(year y: Int?, month m: Int, at j: Int) -> (expr: DateExpr, end: Int)? {
        let last = CalendarDate.daysIn(year: y ?? DatePoint.placeholderYear, month: m)
        func span(_ a: Int, _ b: Int, _ end: Int) -> (DateExpr, Int) {
            (.interval(.day(year: y, month: m, day: a), .day(year: y, month: m, day: b)), end)
        }
        if let e = lit("上中旬", j) { return span(1, 20, e) }
        if let e = lit("中下旬", j) { return span(11, last, e) }
        if let e = lit("上旬", j) { return span(1, 10, e) }
        if let e = lit("中旬", j) { return span(11, 20, e) }
        if let e = lit("下旬", j) { return span(21, last, e) }
        if let e = lits(["上半月", "前半月"], j) { return span(1, 15, e) }
        if let e = lits(["下半月", "后半月", "後半月"], j) { return span(16, last, e) }
        if let e = lits(["初", "月初"], j), notFollowedByWord(e) { return span(1, 5, e) }
        if let e = lits(["底", "末", "月底", "月末"], j), notFollowedByWord(e) { return span(last - 6, last, e) }
        // The first or last days or weeks of the month (上月最后三天, 本月前两周, 上个月的最后一周); 后 alone
        // after a month reads as "after" (3月后三天), so only 最后 counts the last ones.
        let k = lit("的", j) ?? j
        if lits(["后", "後", "末"], k) == nil, let (which, count, unit, e) = ordinalUnits(at: k), which != .nth {
            let days = unit == .day ? count : unit == .week ? 7 * count : 0
            guard days >= 1, days <= last else { return nil }
            return which == .first ? span(1, days, e) : span(last - days + 1, last, e)
        }
        return nil
    }

    /// `1-9月`, `1至8月份` (the unit given once, at the end).
    func monthRange(year: Int?, at k: Int) -> ParsedDate? {
        guard let r = numberRange(at: k, unit: ["月"], valid: 1...12) else { return nil }
        var end = r.end
        if isAt(end, "份") { end += 1 }
        return ParsedDate(expr: .interval(.month(year: year, month: r.a), .month(year: year, month: r.b)), range: k..<end, shape: .range)
    }

    /// `a–b<unit>` with one unit for both numbers, a < b.
    func numberRange(at k: Int, unit: [String], valid: ClosedRange<Int>) -> (a: Int, b: Int, end: Int)? {
        guard let a = numeral(at: k), valid.contains(a.value), a.style != .chineseDigits else { return nil }
        guard let c = connector(at: spaces(a.end)) else { return nil }
        let j = spaces(c)
        guard let b = numeral(at: j), valid.contains(b.value), b.value > a.value, b.style != .chineseDigits else { return nil }
        guard let e = lits(unit, spaces(b.end)) else { return nil }
        return (a.value, b.value, e)
    }

    /// A range connector: 至, 到, -, –, —, ——, ~.
    func connector(at j: Int) -> Int? {
        guard let s = at(j) else { return nil }
        switch s {
        case "至", "到", "-", "–", "~", "〜":
            if s == "至" && isAt(j + 1, "今") { return nil }
            return j + 1
        case "—": return isAt(j + 1, "—") ? j + 2 : j + 1
        default: return nil
        }
    }

    /// A day alone: `29日`, `十五日` (not `12号`, which names too many other things).
    func standaloneDay(at k: Int) -> ParsedDate? {
        guard let d = dayToken(at: k, afterMonth: false) else { return nil }
        if let p = at(k - 1), "第个周".unicodeScalars.contains(p) { return nil }
        var result = ParsedDate(expr: .point(.day(year: nil, month: nil, day: d.day)), range: k..<d.end)
        extendDay(&result)
        return result
    }

    /// Parts of the current year, month or week without a year: `上半年`, `一季度`, `年底`, `上半月`, `下半周`.
    func standalonePart(at k: Int) -> ParsedDate? {
        guard let first = at(k), Self.partStarts.contains(first) else { return nil }
        let y = ref.year
        if let e = lits(["上半年", "下半年", "前半年", "后半年", "後半年"], k) {
            let first = text[k] == "上" || text[k] == "前"
            return ParsedDate(expr: .interval(.month(year: y, month: first ? 1 : 7), .month(year: y, month: first ? 6 : 12)), range: k..<e, relative: true)
        }
        if let e = lits(["上个半年", "上個半年"], k) {
            let firstHalf = ref.month > 6
            let year = firstHalf ? y : y - 1
            return ParsedDate(expr: .interval(.month(year: year, month: firstHalf ? 1 : 7), .month(year: year, month: firstHalf ? 6 : 12)), range: k..<e, relative: true)
        }
        if let q = quarter(at: k), !(isAt(k, "Q") && at(k - 1).map(CharacterClass.isASCIIAlphanumeric) == true) {
            return quarterDates(year: y, q, from: k, relative: true)
        }
        if let (offset, e) = DateWords.relativeQuarters.match(text, at: k) {
            // 上季度 is the calendar quarter before the reference's, not the three months before it.
            let index = y * 4 + (ref.month - 1) / 3 + offset
            let (year, q) = (index >= 0 ? index / 4 : (index - 3) / 4, ((index % 4) + 4) % 4 + 1)
            return quarterDates(year: year, (q, q, e), from: k, relative: true)
        }
        if let e = lits(["年初", "年底", "年末"], k), notFollowedByWord(e) {
            let early = text[k + 1] == "初"
            return ParsedDate(expr: .interval(.month(year: y, month: early ? 1 : 11), .month(year: y, month: early ? 2 : 12)), range: k..<e, relative: true)
        }
        if let e = lits(["上半月", "下半月"], k) {
            let last = CalendarDate.daysIn(year: y, month: ref.month)
            let first = text[k] == "上"
            return ParsedDate(expr: .interval(.day(year: y, month: ref.month, day: first ? 1 : 16), .day(year: y, month: ref.month, day: first ? 15 : last)), range: k..<e, relative: true)
        }
        if let e = lits(["月初", "月底", "月末"], k), notFollowedByWord(e) {
            let last = CalendarDate.daysIn(year: y, month: ref.month)
            let early = text[k + 1] == "初"
            return ParsedDate(expr: .interval(.day(year: y, month: ref.month, day: early ? 1 : last - 6), .day(year: y, month: ref.month, day: early ? 5 : last)), range: k..<e, relative: true)
        }
        if let e = lits(["上半周", "下半周", "上半週", "下半週"], k) {
            let monday = ref.mondayOfWeek
            let first = text[k] == "上"
            return ParsedDate(expr: .interval(.day(monday.adding(days: first ? 0 : 3)), .day(monday.adding(days: first ? 2 : 6))), range: k..<e, relative: true)
        }
        return nil
    }

    /// A holiday, in a given year or alone.
    func holiday(year: Int?, at k: Int) -> ParsedDate? {
        guard let ((h, standalone), e) = lexicon.dateWords.holidays.match(text, at: k) else { return nil }
        if year == nil && !standalone {
            // 清明 alone is the festival unless it is 'clear and honest' (政治清明, 风清气正).
            guard text[k] == "清", !(at(k - 1).map { "治政风吏廉更开昌".unicodeScalars.contains($0) } ?? false) else { return nil }
        }
        if year == nil, text[k] == "新", let next = at(e), "闻华区型冠兴生时".unicodeScalars.contains(next) { return nil }
        var end = e
        if let f = lit("节", end), !isAt(end - 1, "节") { end = f }
        switch h {
        case .fixed(let m, let d, let lunar):
            return ParsedDate(expr: .point(.day(year: year, month: m, day: d)), range: k..<end, lunar: lunar)
        case .nthWeekday(let m, let nth, let wd):
            let y = year ?? ref.year
            let date = CalendarDate.nthWeekday(nth, wd, year: y, month: m)
            return ParsedDate(expr: .point(.day(date)), range: k..<end, relative: year == nil)
        case .computed(let festival):
            guard let date = festival.date(in: year ?? ref.year) else { return nil }
            if let last = festival.lastDay(in: year ?? ref.year) {
                return ParsedDate(expr: .interval(.day(date), .day(last)), range: k..<end, relative: year == nil)
            }
            return ParsedDate(expr: .point(.day(date)), range: k..<end, relative: year == nil)
        }
    }

    /// After a day: `，星期一`, `（周一）` (kept in the span), a time or a part of the day.
    func extendDay(_ p: inout ParsedDate) {
        var j = spaces(p.end)
        var open = false
        if isAt(j, ",") || isAt(j, "、") { j = spaces(j + 1) } else if isAt(j, "(") { j += 1; open = true }
        if let (_, e) = weekdayToken(at: j) {
            if open {
                if isAt(e, ")") { p.range = p.range.lowerBound..<(e + 1) }
            } else {
                p.range = p.range.lowerBound..<e
            }
        }
        // A time of day or a part of the day right after the day.
        guard case .point(let day) = p.expr else { return }
        let k = spaces(p.end)
        if let r = hourRange(at: k), case .interval(.time(nil, let h0, let m0, let s0)?, .time(nil, let h1, let m1, let s1)?) = r.expr {
            p.expr = .interval(.time(on: day, hour: h0, minute: m0, second: s0), .time(on: day, hour: h1, minute: m1, second: s1))
            p.range = p.range.lowerBound..<r.end
        } else if let t = clockTime(at: k, standalone: false) {
            p.expr = .point(.time(on: day, hour: t.hour, minute: t.minute, second: t.second))
            p.range = p.range.lowerBound..<t.end
            p.afternoon = t.afternoon
        } else if let (part, e) = DateWords.dayParts.match(text, at: k), !isAt(e, "餐"), !isAt(e, "饭"), !isAt(e, "报"), !isAt(e, "盘"), !isAt(e, "市"),
            e - k > 1 || e >= n || lexicon.automaton.id(of: text[k...e]) == nil
        {
            // 早 and 晚 alone start words too (早盘 the morning session, 晚宴 a dinner): only a part of the day
            // when they do not.
            p.expr = partOfDay(part, on: day)
            p.range = p.range.lowerBound..<e
        }
    }

    /// A part of the day on a day, as an interval of hours.
    func partOfDay(_ part: DayPart, on day: DatePoint) -> DateExpr {
        let endHour = min(part.endHour, 23)
        return .interval(.time(on: day, hour: part.startHour, minute: 0, second: nil),
                         .time(on: day, hour: endHour, minute: part.endHour == 24 ? 59 : 0, second: nil))
    }

    // MARK: - Relative days and weeks

    /// `今天`, `明天上午`, `昨晚6点`, `上周`, `下周三`, `这个星期一`, `上上個週三`, `下周末`, `周三`.
    func parseRelativeDay(at i: Int) -> ParsedDate? {
        // 今明两天, 昨今两日, 今明两年: two neighbouring days or years.
        if let e = lits(["今明两天", "今明二天", "今明两日", "今明兩天", "今明兩日"], i) {
            return ParsedDate(expr: .interval(.day(ref), .day(ref.adding(days: 1))), range: i..<e, relative: true)
        }
        if let e = lits(["昨今两天", "昨今两日", "昨今兩天", "昨今兩日"], i) {
            return ParsedDate(expr: .interval(.day(ref.adding(days: -1)), .day(ref)), range: i..<e, relative: true)
        }
        if let e = lits(["今明两年", "今明兩年"], i) {
            return ParsedDate(expr: .interval(.year(ref.year), .year(ref.year + 1)), range: i..<e, relative: true)
        }
        if let ((offset, partWord), e) = DateWords.relativeDays.match(text, at: i) {
            // 今日头条, 《明日之后》: names, not dates.
            if text[i + 1] == "日", let next = at(e), next == "头" || next == "之" { return nil }
            let day = DatePoint.day(ref.adding(days: offset))
            var p = ParsedDate(expr: .point(day), range: i..<e, relative: true)
            if let partWord, let (part, _) = DateWords.dayParts.match(Array(partWord.unicodeScalars), at: 0) {
                p.expr = partOfDay(part, on: day)
                if let t = clockTime(at: spaces(e), standalone: false, part: part) {
                    p.expr = .point(.time(on: day, hour: t.hour, minute: t.minute, second: t.second))
                    p.range = i..<t.end
                    p.afternoon = t.afternoon
                }
                return p
            }
            extendDay(&p)
            return p
        }
        // Weeks: (上|下)* 个? 周 [weekday], 本周, 这周, 这个星期.
        var j = i
        var offset = 0
        var sawPrefix = false
        while let s = at(j), s == "上" || s == "下" {
            offset += s == "上" ? -1 : 1
            j += 1
            sawPrefix = true
        }
        if !sawPrefix, let e = lits(["本", "这个", "這個", "这", "這", "本个"], j) { j = e; sawPrefix = true }
        if sawPrefix, let e = lits(["个", "個", "一个", "一個"], j) { j = e }
        guard let (_, weekEnd) = DateWords.weekWords.match(text, at: j) else { return nil }
        let monday = ref.mondayOfWeek.adding(days: 7 * offset)
        if let (day, e) = weekdayToken(at: j) {
            if day == 8 {
                guard sawPrefix else { return nil }
                return ParsedDate(expr: .interval(.day(monday.adding(days: 5)), .day(monday.adding(days: 6))), range: i..<e, relative: true)
            }
            var p = ParsedDate(expr: .point(.day(monday.adding(days: day - 1))), range: i..<e, relative: true)
            extendDay(&p)
            return p
        }
        guard sawPrefix else { return nil }
        if let next = at(weekEnd), next == "年" || next == "期" || next == "边" || next == "围" || next == "岁" { return nil }
        return ParsedDate(expr: .interval(.day(monday), .day(monday.adding(days: 6))), range: i..<weekEnd, relative: true)
    }

    // MARK: - Decades and centuries

    /// `20世纪80年代`, `上世纪90年代`, `八十年代`, `18世纪`, `九十年代末`, `21世纪初`.
    func parseDecade(at i: Int) -> ParsedDate? {
        var j = i
        var century: Int?
        var relative = false
        if let e = lits(["上世纪", "上个世纪", "上個世紀", "上世紀"], j) {
            century = ref.year / 100 - 1
            relative = true
            j = e
        } else if let e = lits(["本世纪", "这个世纪", "本世紀"], j) {
            century = ref.year / 100
            relative = true
            j = e
        } else if let num = numeral(at: j), (1...30).contains(num.value), num.style != .chineseDigits, let e = lits(["世纪", "世紀"], spaces(num.end)) {
            century = num.value - 1
            j = e
        }
        let afterCentury = j
        var k = spaces(j)
        if century != nil, let e = lit("的", k) { k = spaces(e) }
        // 1990年代: the century written into the decade.
        if century == nil, let num = numeral(at: k), num.style == .arabic, num.count == 4, num.value % 10 == 0,
            (1000...2090).contains(num.value), lits(["年代"], spaces(num.end)) != nil
        {
            century = num.value / 100
        }
        if let num = numeral(at: k), num.value % 10 == 0, num.style == .arabic ? num.count == 2 || (num.count == 4 && century == num.value / 100) : num.value < 100,
            let e = lits(["年代"], spaces(num.end))
        {
            if num.count != 4, century == nil, let p = at(i - 1), CharacterClass.isASCIIDigit(p) { return nil }
            let decade = num.value % 100 / 10
            var p = ParsedDate(expr: .point(.decade(century: century, decade: decade)), range: i..<e, relative: relative)
            if let c = century, let (a, b, f) = periodPart(at: e, length: 10) {
                let first = c * 100 + decade * 10
                p.expr = .interval(.year(first + a), .year(first + b))
                p.range = i..<f
            }
            return p
        }
        guard let c = century else { return nil }
        var p = ParsedDate(expr: .point(.century(c)), range: i..<afterCentury, relative: relative)
        if let (a, b, f) = periodPart(at: afterCentury, length: 100) {
            p.expr = .interval(.year(c * 100 + a), .year(c * 100 + b))
            p.range = i..<f
        }
        return p
    }

    /// The early, middle or late part of a decade or century, as year offsets.
    func periodPart(at e: Int, length: Int) -> (Int, Int, Int)? {
        let span = length == 10 ? 3 : 20
        if let f = lits(["初", "初期", "前期", "早期"], e), f > e + 1 || notFollowedByWord(f) { return (0, span - 1, f) }
        if let f = lits(["中期", "中叶", "中葉"], e) { return length == 10 ? (3, 6, f) : (40, 59, f) }
        if let f = lits(["末", "末期", "后期", "後期", "晚期"], e), f > e + 1 || notFollowedByWord(f) { return (length - span, length - 1, f) }
        return nil
    }

    // MARK: - Numeric dates

    /// `2010-01-29`, `2010.01.29`, `2010/1/29`, `13.5.2015`, `1/2/2020`, `12-11-10`, `1995-1997`.
    func parseNumericDate(at i: Int) -> ParsedDate? {
        guard let a = numeral(at: i), a.style == .arabic else { return nil }
        guard let sep = at(a.end), sep == "-" || sep == "/" || sep == "." else { return nil }
        guard let b = numeral(at: a.end + 1), b.style == .arabic else { return nil }
        var c: Numeral?
        if isAt(b.end, sep), let third = numeral(at: b.end + 1), third.style == .arabic { c = third }
        if let c {
            if isAt(c.end, sep) && isDigit(c.end + 1) { return nil }
            if sep == "." && isAt(c.end, ".") { return nil }
            var date: (Int, Int, Int)?
            if a.count == 4, (1...12).contains(b.value), (1...31).contains(c.value), b.count <= 2, c.count <= 2 {
                date = (a.value, b.value, c.value)
            } else if c.count == 4, (1...31).contains(a.value), (1...12).contains(b.value), a.count <= 2, b.count <= 2 {
                date = (c.value, b.value, a.value)
            } else if sep != ".", a.count == 2, b.count <= 2, c.count <= 2 {
                if (1...12).contains(b.value), (1...31).contains(c.value) {
                    date = (Self.fullYear(twoDigit: a.value), b.value, c.value)
                } else if c.count == 2, (1...31).contains(a.value), (1...12).contains(b.value) {
                    date = (Self.fullYear(twoDigit: c.value), b.value, a.value)
                }
            } else if sep != ".", a.count == 1, c.count == 2, (1...12).contains(b.value) {
                date = (Self.fullYear(twoDigit: c.value), b.value, a.value)
            }
            guard let (y, m, d) = date, (1000...2100).contains(y) else { return nil }
            var p = ParsedDate(expr: .point(.day(year: y, month: m, day: d)), range: i..<c.end)
            extendDay(&p)
            return p
        }
        // 1995-1997: two years (with 年 at the end, after 从, or plainly four digits each).
        guard sep == "-", a.count == 4, b.count == 4, (1000...2100).contains(a.value), (1000...2100).contains(b.value),
            b.value > a.value, b.value - a.value <= 100, !isAt(b.end, ".")
        else { return nil }
        return ParsedDate(expr: .interval(.year(a.value), .year(b.value)), range: i..<b.end, shape: .range)
    }
}

extension DateParser {
    /// A five-year-plan period (`“十四五”时期`, `十三五期间`, `十四五末`): the plan's five years, or its last
    /// year after 末. Unquoted it needs a period word, so that 十四五 alone stays a plain word.
    func planPeriod(at k: Int) -> ParsedDate? {
        guard text[k] == "十", let ordinal = at(k + 1).flatMap(NumberCharacters.plainDigit), ordinal >= 1, isAt(k + 2, "五") else { return nil }
        let plan = 10 + ordinal
        let first = 1966 + 5 * (plan - 3)
        let quoted = isAt(k - 1, "“") && isAt(k + 3, "”")
        let after = quoted ? k + 4 : k + 3
        if let e = lits(["末期", "末"], after) {
            return ParsedDate(expr: .point(.year(first + 4)), range: k..<(quoted ? k + 3 : e))
        }
        let period = lits(["时期", "期间", "规划期", "期"], after)
        // “十四五”规划 names the plan, a document, not its years.
        if period == nil, lits(["规划", "计划", "規劃", "計劃"], after) != nil { return nil }
        let since = lits(["以来", "以來"], after) != nil
        guard quoted || period != nil || since else { return nil }
        return ParsedDate(expr: .interval(.year(first), .year(first + 4)), range: k..<(quoted || since ? k + 3 : period!))
    }
}
