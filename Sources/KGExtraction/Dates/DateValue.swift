/// One calendar unit, written as EDTF. A `nil` year is unspecified (`XXXX`), as when the text gives
/// only a month (`6月` → `XXXX-06`).
indirect enum DatePoint: Hashable, Sendable {
    case year(Int)
    case month(year: Int?, month: Int)
    /// `month == nil` only with `year == nil`: a bare day of the month (`29日` → `XXXX-XX-29`).
    case day(year: Int?, month: Int?, day: Int)
    /// EDTF season code: 21 spring, 22 summer, 23 autumn, 24 winter.
    case season(year: Int?, code: Int)
    /// A decade: `198X` (century 19, decade 8), or `XX8X` when the century is not given.
    case decade(century: Int?, decade: Int)
    /// A century by its hundreds: 19 → `19XX` (the 1900s, 20世纪).
    case century(Int)
    /// A time of day, on a day (`.day`) or alone (`T14:00`).
    case time(on: DatePoint?, hour: Int, minute: Int, second: Int?)

    /// Year of the point, when written or resolved.
    var year: Int? {
        switch self {
        case .year(let y): y
        case .month(let y, _), .day(let y, _, _), .season(let y, _): y
        case .time(let on, _, _, _): on?.year
        case .decade, .century: nil
        }
    }

    var isTime: Bool { if case .time = self { true } else { false } }

    /// The EDTF / ISO 8601 form.
    var edtf: String {
        switch self {
        case .year(let y): return Self.pad(y, 4)
        case .month(let y, let m): return "\(Self.yearString(y))-\(Self.pad(m, 2))"
        case .day(let y, let m, let d): return "\(Self.yearString(y))-\(m.map { Self.pad($0, 2) } ?? "XX")-\(Self.pad(d, 2))"
        case .season(let y, let code): return "\(Self.yearString(y))-\(code)"
        case .decade(let c, let d): return (c.map { Self.pad($0, 2) } ?? "XX") + "\(d)X"
        case .century(let c): return Self.pad(c, 2) + "XX"
        case .time(.day(let y?, let m?, let d)?, 24, _, _):
            let next = CalendarDate(year: y, month: m, day: d).adding(days: 1)
            return DatePoint.day(year: next.year, month: next.month, day: next.day).edtf + "T00:00"
        case .time(let on, let h, let m, let s):
            let clock = "T\(Self.pad(h, 2)):\(Self.pad(m, 2))" + (s.map { ":" + Self.pad($0, 2) } ?? "")
            return (on?.edtf ?? "") + clock
        }
    }

    static func yearString(_ y: Int?) -> String { y.map { pad($0, 4) } ?? "XXXX" }

    static func pad(_ n: Int, _ width: Int) -> String {
        if n < 0 { return "-" + pad(-n, width) }
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// The year used for arithmetic on points of unspecified year (a leap year, so 02-29 exists).
    static let placeholderYear = 2000

    /// First day of the point (placeholder year when unspecified), for ordering range ends.
    var firstDay: CalendarDate? {
        switch self {
        case .year(let y): CalendarDate(year: y, month: 1, day: 1)
        case .month(let y, let m): CalendarDate(year: y ?? Self.placeholderYear, month: m, day: 1)
        case .day(let y, let m, let d):
            m.map { CalendarDate(year: y ?? Self.placeholderYear, month: $0, day: min(d, CalendarDate.daysIn(year: y ?? Self.placeholderYear, month: $0))) }
        case .season(let y, let code): y.map { CalendarDate(year: $0, month: [3, 6, 9, 12][(code - 21) % 4], day: 1) }
        case .decade(let c, let d): c.map { CalendarDate(year: $0 * 100 + d * 10, month: 1, day: 1) }
        case .century(let c): CalendarDate(year: c * 100, month: 1, day: 1)
        case .time(let on, _, _, _): on?.firstDay
        }
    }

    /// The unit just before this one at the same precision (`2015` → `2014`, `2014-09-14` → `2014-09-13`).
    /// Times stay as they are: an interval end with a time is read as an exclusive instant.
    var previous: DatePoint { shifted(by: -1) }
    /// The unit just after this one.
    var next: DatePoint { shifted(by: 1) }

    func shifted(by n: Int) -> DatePoint {
        switch self {
        case .year(let y): return .year(y + n)
        case .month(let y, let m):
            let date = CalendarDate(year: y ?? Self.placeholderYear, month: m, day: 1).adding(months: n)
            return .month(year: y == nil ? nil : date.year, month: date.month)
        case .day(let y, let m, let d):
            guard let m else { return (1...31).contains(d + n) ? .day(year: nil, month: nil, day: d + n) : self }
            let base = y ?? Self.placeholderYear
            guard d <= CalendarDate.daysIn(year: base, month: m) else { return self }
            let date = CalendarDate(year: base, month: m, day: d).adding(days: n)
            return .day(year: y == nil ? nil : date.year, month: date.month, day: date.day)
        case .season(let y, let code):
            let index = (code - 21) + n
            let wrapped = ((index % 4) + 4) % 4
            let yearShift = index >= 0 ? index / 4 : (index - 3) / 4
            return .season(year: y.map { $0 + yearShift }, code: 21 + wrapped)
        case .decade(let c, let d):
            guard let c else { return self }
            let total = c * 10 + d + n
            return .decade(century: total / 10, decade: total % 10)
        case .century(let c): return .century(c + n)
        case .time: return self
        }
    }

    /// Fills the fields the text left out from an earlier point of the same expression
    /// (`2021年6月至12月`: `12月` takes the year 2021).
    func filled(from context: DatePoint) -> DatePoint {
        switch (self, context) {
        case (.month(nil, let m), _):
            return .month(year: context.year, month: m)
        case (.day(nil, nil, let d), .day(let y, let m, _)):
            return .day(year: y, month: m, day: d)
        case (.day(nil, nil, let d), .time(.some(.day(let y, let m, _)), _, _, _)):
            return .day(year: y, month: m, day: d)
        case (.day(nil, .some(let m), let d), _):
            return .day(year: context.year, month: m, day: d)
        case (.season(nil, let code), _):
            return .season(year: context.year, code: code)
        case (.time(nil, let h, let mi, let s), .time(let on, _, _, _)):
            return .time(on: on, hour: h, minute: mi, second: s)
        case (.time(nil, let h, let mi, let s), .day):
            return .time(on: context, hour: h, minute: mi, second: s)
        case (.time(.some(let on), let h, let mi, let s), _):
            return .time(on: on.filled(from: context), hour: h, minute: mi, second: s)
        default:
            return self
        }
    }

    /// Whether `filled(from:)` took the year from the context.
    func tookYear(from context: DatePoint) -> Bool { year == nil && context.year != nil }

    /// The same point one year later (used when a filled range end falls before its start).
    var nextYear: DatePoint {
        switch self {
        case .month(let y?, let m): .month(year: y + 1, month: m)
        case .day(let y?, let m, let d): .day(year: y + 1, month: m, day: d)
        case .season(let y?, let c): .season(year: y + 1, code: c)
        case .time(let on?, let h, let m, let s): .time(on: on.nextYear, hour: h, minute: m, second: s)
        default: self
        }
    }

    /// Day precision of a concrete date.
    static func day(_ date: CalendarDate) -> DatePoint { .day(year: date.year, month: date.month, day: date.day) }
}

/// An ISO 8601 duration.
struct Duration: Hashable, Sendable {
    var years = 0.0, months = 0.0, weeks = 0.0, days = 0.0
    var hours = 0.0, minutes = 0.0, seconds = 0.0

    enum Unit: Sendable { case century, year, quarter, month, week, day, hour, minute, second }

    init() {}

    init(_ amount: Double, _ unit: Unit) { add(amount, unit) }

    mutating func add(_ amount: Double, _ unit: Unit) {
        switch unit {
        case .century: years += 100 * amount
        case .year: years += amount
        case .quarter: months += 3 * amount
        case .month: months += amount
        case .week: weeks += amount
        case .day: days += amount
        case .hour: hours += amount
        case .minute: minutes += amount
        case .second: seconds += amount
        }
    }

    var iso: String {
        var s = "P"
        for (v, u) in [(years, "Y"), (months, "M"), (weeks, "W"), (days, "D")] where v != 0 { s += Self.number(v) + u }
        var t = ""
        for (v, u) in [(hours, "H"), (minutes, "M"), (seconds, "S")] where v != 0 { t += Self.number(v) + u }
        if !t.isEmpty { s += "T" + t }
        return s == "P" ? "PT0S" : s
    }

    static func number(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) }
        return String(v)
    }
}

/// What a date expression means.
enum DateExpr: Hashable, Sendable {
    case point(DatePoint)
    /// Inclusive ends at their precision; `nil` = open (`..`).
    case interval(DatePoint?, DatePoint?)
    case duration(Duration)
    /// A duration between bounds (`3年以上` → `P3Y/..`).
    case durationRange(Duration?, Duration?)
    /// An ISO 8601 repeating interval (`R/P1Y`).
    case set(String)

    var kind: String {
        switch self {
        case .point: "date"
        case .interval: "interval"
        case .duration, .durationRange: "duration"
        case .set: "set"
        }
    }

    var start: DatePoint? {
        switch self {
        case .point(let p): p
        case .interval(let a, _): a
        default: nil
        }
    }

    var end: DatePoint? {
        switch self {
        case .point(let p): p
        case .interval(_, let b): b
        default: nil
        }
    }

    var isCalendar: Bool {
        switch self {
        case .point, .interval: true
        default: false
        }
    }

    func value(approximate: Bool) -> String {
        switch self {
        case .point(let p): return p.edtf + (approximate ? "~" : "")
        case .interval(let a, let b): return (a?.edtf ?? "..") + "/" + (b?.edtf ?? "..")
        case .duration(let d): return d.iso
        case .durationRange(let lo, let hi): return (lo?.iso ?? "..") + "/" + (hi?.iso ?? "..")
        case .set(let s): return s
        }
    }

    /// `since X`: from the start of X on.
    var since: DateExpr? { start.map { .interval($0, nil) } }
    /// `until X`: up to the end of X, inclusive.
    var until: DateExpr? { end.map { .interval(nil, $0) } }
    /// `before X`: up to the unit before X.
    var before: DateExpr? { start.map { .interval(nil, $0.previous) } }
    /// `after X`: from the unit after X on.
    var after: DateExpr? { end.map { .interval($0.next, nil) } }
}
