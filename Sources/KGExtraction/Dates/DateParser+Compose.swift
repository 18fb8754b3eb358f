import Foundation

extension DateParser {
    /// The longest date expression starting at `i`.
    func parseExpression(at i: Int) -> ParsedDate? {
        var best = parseCore(at: i)
        if let p = parsePrefixed(at: i), p.end > (best?.end ?? -1) { best = p }
        return best
    }

    /// Points and intervals: what ranges and modifiers combine.
    func parseAtom(at i: Int, lenient: Bool = false) -> ParsedDate? {
        guard let s = at(i) else { return nil }
        var best: ParsedDate?
        func consider(_ p: ParsedDate?) { if let p, p.end > (best?.end ?? -1) { best = p } }
        let digit = CharacterClass.isASCIIDigit(s)
        let numeral = digit || DateWords.isChineseNumeral(s)
        if digit {
            consider(parseNumericDate(at: i))
            consider(parseBareYearRange(at: i, bare: lenient))
        }
        consider(parseCalendar(at: i))
        if s == "十" { consider(planPeriod(at: i)) }
        if numeral || s == "上" || s == "本" || s == "这" || s == "這" { consider(parseDecade(at: i)) }
        if !digit { consider(parseRelativeDay(at: i)) }
        if numeral || DateWords.dayParts.mayStart(s) || s == "大" || s == "约" { consider(parseTime(at: i, standalone: !lenient)) }
        return best
    }

    /// An atom with its range or modifier, an event anchor, a duration or a set.
    func parseCore(at i: Int) -> ParsedDate? {
        guard let s = at(i) else { return nil }
        var best: ParsedDate?
        func consider(_ p: ParsedDate?) { if let p, p.end > (best?.end ?? -1) { best = p } }
        if let a = parseAtom(at: i) { consider(withTails(a)) }
        if CharacterClass.isASCIIDigit(s) || DateWords.isChineseNumeral(s) || Self.durationStarts.contains(s) {
            consider(parseDuration(at: i))
        }
        if s == "每" { consider(parseSet(at: i)) }
        if s == "几" || s == "十" || DateWords.isChineseNumeral(s) { consider(parseIndefiniteOffset(at: i)) }
        return best
    }

    static let durationStarts = ScalarSet("半近最过過前上未今后後下接往")
    static let partStarts = ScalarSet("上下前后後一二三四第首年月本这這当當Q1234")

    // MARK: - Ranges and modifiers

    /// `A至B`, `A和B之间`, `A至今`, `A以来`, `A之前`, `A或之后`, `A前后`, `A之后B之前`.
    func withTails(_ a: ParsedDate) -> ParsedDate {
        guard a.expr.isCalendar else { return a }
        var best = a
        let j = spaces(a.end)
        // A至B; the formal A起至B止.
        let formal = lit("起", j).flatMap { e in isAt(e, "至") ? e : nil }
        if a.shape != .range, let c = connector(at: formal ?? j), let b = rangeEnd(after: a, at: spaces(c)), b.expr.isCalendar,
            b.shape != .range, let r = makeRange(a, b, end: b.end)
        {
            best = r
            if let e = lits(["之间", "之間", "间", "間"], spaces(b.end)) { best.range = best.range.lowerBound..<e }
            if formal != nil, let e = lits(["止", "为止"], b.end) { best.range = best.range.lowerBound..<e }
        }
        // A和B之间
        if let e = lits(["和", "与", "與", "及", "跟"], j), let b = parseAtom(at: spaces(e), lenient: true), b.expr.isCalendar,
            let f = lits(["之间", "之間", "间", "間"], spaces(b.end)), var r = makeRange(a, b, end: f)
        {
            r.shape = .between
            if r.end > best.end { best = r }
        }
        // A至今, A起至今
        if let e = lits(["至今", "迄今", "到现在", "到目前", "到今天", "起至今", "以来至今"], j), let s = a.expr.start {
            var r = ParsedDate(expr: .interval(s, reference.map { .day($0) }), range: a.range.lowerBound..<e,
                               relative: a.relative, lunar: a.lunar, shape: .modified(.untilNow))
            if let f = lit("为止", e) { r.range = r.range.lowerBound..<f }
            if r.end > best.end { best = r }
        }
        if best.end == a.end, let m = modifier(after: a) {
            // A range takes no 前 or 后 (2020至2025年前 is up to 2025).
            switch (a.shape, m.shape) {
            case (.range, .modified(.before)), (.range, .modified(.after)), (.range, .modified(.until)): break
            default: best = m
            }
        }
        return best
    }

    /// The end of a range after its connector: a date, `次年一月` (the year after the start's), or the
    /// bare weekday of `星期三至五`.
    func rangeEnd(after a: ParsedDate, at k: Int) -> ParsedDate? {
        // Without a year at the start, the open years are filled later, and an end earlier in the year
        // than the start goes to the next year anyway.
        if let e = lits(["次年", "翌年", "转年", "轉年"], k), var b = parseAtom(at: e, lenient: true), b.expr.isCalendar,
            case .point(let point) = b.expr, point.year == nil, point.firstDay != nil
        {
            if let year = a.expr.start?.year { b.expr = .point(point.filled(from: .year(year + 1))) }
            b.range = k..<b.end
            return b
        }
        if let b = parseAtom(at: k, lenient: true) { return b }
        // 星期三至五: the week word is shared.
        if bareWeekday(a) != nil, let (day, e) = DateWords.weekdayNames.match(text, at: k), day <= 7,
            !(at(e).map { DateWords.isChineseNumeral($0) || CharacterClass.isASCIIDigit($0) } ?? false),
            case .day(let y?, let m?, let d)? = a.expr.start
        {
            let monday = CalendarDate(year: y, month: m, day: d).mondayOfWeek
            return ParsedDate(expr: .point(.day(monday.adding(days: day - 1))), range: k..<e, relative: true)
        }
        return nil
    }

    /// The weekday (1 for Monday … 7 for Sunday) of a date written as a weekday alone (`周三`, `星期日`).
    func bareWeekday(_ p: ParsedDate) -> Int? {
        guard let (day, e) = weekdayToken(at: p.range.lowerBound), e == p.end, day <= 7 else { return nil }
        return day
    }

    /// A range from `a` to `b`; `b` takes the year, month and day `a` gives and it leaves out.
    func makeRange(_ a: ParsedDate, _ b: ParsedDate, end: Int) -> ParsedDate? {
        guard var start = a.expr.start, let last = b.expr.end else { return nil }
        var filled = last.filled(from: a.expr.end ?? start)
        // 周五至周一: a weekday alone after the start is the first such day not before it.
        if bareWeekday(b) != nil, case .day(let y?, let m?, let d) = filled, let first = start.firstDay {
            var day = CalendarDate(year: y, month: m, day: d)
            while day < first { day = day.adding(days: 7) }
            filled = .day(day)
        }
        if case .time(nil, _, _, _) = last, case .time(let on, let h, let m, let s) = filled, a.afternoon, !b.afternoon, h < 12,
            case .time(_, let h0, _, _) = start, h + 12 >= h0
        {
            filled = .time(on: on, hour: h + 12, minute: m, second: s)
        }
        // 2点-明天4点: a bare start time is on the reference day when the end is relative.
        if case .time(nil, let h, let m, let s) = start, b.relative, case .time(.some, _, _, _) = filled {
            start = .time(on: DatePoint.day(ref), hour: h, minute: m, second: s)
        }
        if last.year == nil, filled.year != nil, let fa = start.firstDay, let fb = filled.firstDay, fb < fa { filled = filled.nextYear }
        if start == filled, !start.isTime { return nil }
        return ParsedDate(expr: .interval(start, filled), range: a.range.lowerBound..<end, relative: a.relative || b.relative,
                          lunar: a.lunar || b.lunar, approximate: nil, shape: .range, afternoon: a.afternoon)
    }

    /// What a word after a date does to it.
    func modifier(after a: ParsedDate) -> ParsedDate? {
        let j = spaces(a.end)
        var result = a
        func apply(_ expr: DateExpr?, _ m: ParsedDate.Modifier, _ end: Int) -> ParsedDate? {
            guard let expr else { return nil }
            result.expr = expr
            result.range = a.range.lowerBound..<end
            result.shape = .modified(m)
            return result
        }
        let endsAtPeriodEnd = a.end > 0 && (text[a.end - 1] == "底" || text[a.end - 1] == "末")
        if let e = lits(["前后", "左右", "上下"], j) {
            if text[j] == "上", !(at(e).map { !CharacterClass.isHan($0) } ?? true) { return nil }
            result.approximate = "about"
            return apply(a.expr, .approximate, e)
        }
        if let e = lits(["以来"], j) { return apply(a.expr.since, .since, e) }
        if let e = lits(["开始", "開始"], j) { return apply(a.expr.since, .sinceKaishi, e) }
        if let e = lit("起", j), !(at(e).map { "草步义诉飞源伏色火跑因身码点".unicodeScalars.contains($0) } ?? false) {
            return apply(a.expr.since, .sinceQi, e)
        }
        if let e = lits(["或之前", "或以前", "及以前", "及之前", "以及之前", "或者之前", "或更早"], j) { return apply(a.expr.until, .until, e) }
        if let e = lits(["或之后", "或以后", "及以后", "及之后", "以及之后", "或者之后", "或更晚"], j) { return apply(a.expr.since, .since, e) }
        if let e = lits(["为止", "止"], j) { return apply(a.expr.until, .until, e) }
        if let e = lits(["期间", "期間"], j) { return apply(a.expr, .during, e) }
        if let e = lits(["之前", "以前", "前夕", "前"], j) {
            if e == j + 1, let next = at(e), "往进来景列沿线提行锋途程所身辈者述台面方排端置瞻卫哨缀额科奏言世任嫌车门院庭天期三两半十几".unicodeScalars.contains(next) {
                return nil
            }
            if e == j + 1, let next = at(e), DateWords.digit(next) != nil || CharacterClass.isASCIIDigit(next) { return nil }
            if endsAtPeriodEnd { return apply(a.expr.until, .until, e) }
            let before = apply(a.expr.before, .before, e)
            // A之后B之前 is handled from the 之后 side; a plain 之前 ends here.
            return before
        }
        if let e = lits(["之后", "以后", "之後", "後", "后"], j) {
            if e == j + 1, let next = at(e), "来续勤果劲盾代辈面方台端排卫悔退撤援备半期天三两十几".unicodeScalars.contains(next) {
                return nil
            }
            if e == j + 1, let next = at(e), DateWords.digit(next) != nil || CharacterClass.isASCIIDigit(next) { return nil }
            // A之后B之前: one range.
            if let b = parseAtom(at: spaces(e), lenient: true), b.expr.isCalendar, let f = lits(["之前", "以前"], spaces(b.end)),
                let s = a.expr.start, let bs = b.expr.start
            {
                let end = bs.filled(from: a.expr.end ?? s).previous
                return ParsedDate(expr: .interval(s, end), range: a.range.lowerBound..<f, relative: a.relative || b.relative, shape: .range)
            }
            return apply(a.expr.after, .after, e)
        }
        return nil
    }

    // MARK: - Prefixes

    private enum Prefix { case from, since, until, by, between }

    private static let prefixes = WordTable<Prefix>([
        ("从", .from), ("從", .from), ("由", .from), ("自", .since), ("自从", .since), ("自從", .since), ("打从", .since),
        ("自打", .since), ("截至", .until), ("截止", .until), ("截止到", .until), ("截止至", .until), ("截至到", .until),
        ("直到", .by), ("直至", .by), ("到", .by), ("至", .by), ("在", .between),
    ])

    /// `从A到B`, `从A开始`, `自A起`, `自从A`, `截至A`, `到A`, `在A与B之间`.
    func parsePrefixed(at i: Int) -> ParsedDate? {
        guard i < n, Self.prefixes.mayStart(text[i]), let (kind, e) = Self.prefixes.match(text, at: i) else { return nil }
        let j = spaces(e)
        var core: ParsedDate?
        if kind == .from, let r = parseBareYearRange(at: j, bare: true) { core = r } else { core = parseCore(at: j) }
        guard var core, core.expr.isCalendar else { return nil }
        func extended(_ expr: DateExpr? = nil) -> ParsedDate? {
            if let expr { core.expr = expr }
            core.range = i..<core.range.upperBound
            return core
        }
        // 从 and 自 before a start (开始, 起) belong to the expression when they open the clause (or
        // follow 或, 和, 及, 并, 且); after a verb (排列从2015年2月1日开始发货) the expression is the date
        // and its 开始. Ranges (从A到B) always take their 从.
        let opensClause = at(i - 1).map { !CharacterClass.isHan($0) || "或和及并且而".unicodeScalars.contains($0) } ?? true
        if !opensClause, core.shape != .range, core.shape != .between, kind == .from || kind == .since { return nil }
        switch kind {
        case .from:
            switch core.shape {
            case .plain, .modified(.sinceQi), .modified(.approximate), .modified(.during): return nil
            default: return extended()
            }
        case .since:
            if core.shape == .plain { return extended(core.expr.since) }
            return extended()
        case .until, .by:
            if kind == .by, let p = at(i - 1), CharacterClass.isHan(p), !"争计将要期望是等".unicodeScalars.contains(p) { return nil }
            guard core.shape == .plain else { return kind == .until ? extended() : nil }
            let precise: Bool
            switch core.expr.end {
            case .day, .time: precise = true
            default: precise = false
            }
            let periodEnd = core.end > 0 && (text[core.end - 1] == "底" || text[core.end - 1] == "末")
            if kind == .by || precise || periodEnd { return extended(core.expr.until) }
            return extended(core.expr.before)
        case .between:
            return core.shape == .between ? extended() : nil
        }
    }

    /// `1995-1997年`, `2010 年至 2018 年`-style year ranges whose first year has no 年; with `bare`
    /// also `2016到2018` (after 从).
    func parseBareYearRange(at i: Int, bare: Bool) -> ParsedDate? {
        guard let a = numeral(at: i), a.style == .arabic, a.count == 4, (1000...2100).contains(a.value) else { return nil }
        guard let c = connector(at: spaces(a.end)) else { return nil }
        let j = spaces(c)
        let endYear: Int
        let end: Int
        if let y = yearToken(at: j), y.strong, !y.relative {
            endYear = y.year
            end = y.end
        } else if let b = numeral(at: j), b.style == .arabic, b.count == 2, isAt(spaces(b.end), "年") {
            // 2019到20年, 1998至02年: the second year written with its last two digits, in the century of
            // the first (or the next one when it would come earlier).
            var year = a.value / 100 * 100 + b.value
            if year <= a.value { year += 100 }
            endYear = year
            end = spaces(b.end) + 1
        } else if bare, let b = numeral(at: j), b.style == .arabic, b.count == 4 {
            endYear = b.value
            end = b.end
        } else { return nil }
        guard endYear > a.value, endYear - a.value <= 100 else { return nil }
        // A month after the second year ends the range there (2019到20年12月).
        if let m = monthToken(at: spaces(end)), m.offset == nil, !m.lunar, dayToken(at: spaces(m.end), afterMonth: true) == nil {
            return ParsedDate(expr: .interval(.year(a.value), .month(year: endYear, month: m.month)), range: i..<m.end, shape: .range)
        }
        return ParsedDate(expr: .interval(.year(a.value), .year(endYear)), range: i..<end, shape: .range)
    }

    // MARK: - Event anchors

    /// Words after an event name that make it a date anchor (`党的十九大以来`).
    static let anchorSuffixes = WordTable<Void>([
        ("以来", ()), ("之前", ()), ("以前", ()), ("之后", ()), ("以后", ()), ("期间", ()), ("召开", ()), ("胜利召开", ()),
        ("开幕", ()), ("闭幕", ()), ("前夕", ()),
    ])

    /// `党的十九大以来`, `十八大之前`, `改革开放以来`: an event of the lexicon with a date, then a word
    /// placing a time relative to it. `p` is where the word after the name starts.
    func parseEventAnchor(endingAt p: Int, index: EventIndex) -> ParsedDate? {
        guard p >= 2, index.lastScalars.contains(text[p - 1]), DateParser.anchorSuffixes.match(text, at: p) != nil else { return nil }
        let longest = min(index.longest, p)
        guard longest >= 2 else { return nil }
        for length in stride(from: longest, through: 2, by: -1) {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: text[(p - length)..<p])
            guard let entry = lexicon.entries[String(view)], entry.type == .event, let edtf = entry.attributes["date"],
                let date = DateExpr(edtf: edtf)
            else { continue }
            var j = p
            if let e = lits(["召开", "胜利召开", "开幕", "闭幕", "实施", "提出"], j) { j = e }
            let anchor = ParsedDate(expr: date, range: (p - length)..<j)
            if let m = modifier(after: anchor), m.shape != .modified(.approximate) { return m }
            return nil
        }
        return nil
    }
}

extension DateExpr {
    /// Reads the EDTF the lexicon gives events: `2017-10-18`, `1978-12`, `2017-10-18/2017-10-24`.
    init?(edtf: String) {
        func point(_ s: Substring) -> DatePoint? {
            let parts = s.split(separator: "-").map { Int($0) }
            guard !parts.isEmpty, !parts.contains(nil) else { return nil }
            switch parts.count {
            case 1: return .year(parts[0]!)
            case 2: return .month(year: parts[0]!, month: parts[1]!)
            case 3: return .day(year: parts[0]!, month: parts[1]!, day: parts[2]!)
            default: return nil
            }
        }
        let halves = edtf.split(separator: "/", omittingEmptySubsequences: false)
        if halves.count == 2 {
            guard let a = point(halves[0]), let b = point(halves[1]) else { return nil }
            self = .interval(a, b)
        } else {
            guard let a = point(Substring(edtf)) else { return nil }
            self = .point(a)
        }
    }
}

/// What the event-anchor search needs from the lexicon: the last scalars and the longest length of
/// the names of events with a date. Computed once per lexicon.
struct EventIndex: Sendable {
    var lastScalars = ScalarSet("")
    var longest = 0

    init(_ lexicon: Lexicon) {
        for entry in lexicon.allEntries where entry.type == .event && entry.attributes["date"] != nil {
            for surface in [entry.name] + entry.aliases {
                guard lexicon.entries[surface] == entry, let last = surface.unicodeScalars.last else { continue }
                lastScalars.insert(last)
                longest = max(longest, surface.unicodeScalars.count)
            }
        }
    }

    private static let cache = EventIndexCache()

    /// The index of a lexicon, from a one-entry cache keyed by the lexicon's sizes.
    static func of(_ lexicon: Lexicon) -> EventIndex { cache.index(for: lexicon) }
}

private final class EventIndexCache: @unchecked Sendable {
    private let lock = NSLock()
    private var key: [Int] = []
    private var value: EventIndex?

    func index(for lexicon: Lexicon) -> EventIndex {
        let key = [lexicon.entries.count, lexicon.canonical.count, lexicon.longestEntry]
        lock.lock()
        defer { lock.unlock() }
        if let value, key == self.key { return value }
        let index = EventIndex(lexicon)
        self.key = key
        value = index
        return index
    }
}
