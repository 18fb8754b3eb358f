import Foundation

/// A named day: a fixed day (Gregorian or Chinese lunisolar), the n-th weekday of a month, or a day
/// another calendar gives.
enum Holiday: Sendable {
    case fixed(month: Int, day: Int, lunar: Bool)
    /// `n`-th (`-1` last) `weekday` (1 = Monday) of `month`.
    case nthWeekday(month: Int, n: Int, weekday: Int)
    /// A day computed for each year: by the rule of its calendar, never from a list of years.
    case computed(ComputedHoliday)
}

/// Festivals of other calendars that news reports, and the solar terms.
enum ComputedHoliday: Sendable {
    /// Days from Western (Gregorian computus) or Orthodox (Julian computus) Easter Sunday.
    case easter(offset: Int, orthodox: Bool)
    /// A day of the Islamic calendar (Umm al-Qura), or a whole month when `day` is nil.
    case islamic(month: Int, day: Int?)
    /// A day of the Hebrew calendar, months numbered as Foundation does (Tishri = 1, Nisan = 8).
    case hebrew(month: Int, day: Int)
    /// One of the 24 solar terms, 0 = 小寒 … 23 = 冬至.
    case solarTerm(Int)

    /// The Gregorian day in `year` (the first day of a month-long festival), or nil when the calendar gives
    /// none (solar terms outside 2000–2099).
    func date(in year: Int) -> CalendarDate? {
        switch self {
        case .easter(let offset, let orthodox): return (orthodox ? Self.orthodoxEaster(year) : Self.easter(year)).adding(days: offset)
        case .islamic(let month, let day): return Self.firstInYear(year, calendar: .islamicUmmAlQura, month: month, day: day ?? 1)?.date
        case .hebrew(let month, let day): return Self.firstInYear(year, calendar: .hebrew, month: month, day: day)?.date
        case .solarTerm(let index): return Self.solarTerm(index, year: year)
        }
    }

    /// The last day of a month-long festival (斋月) that starts in `year`; nil for one-day festivals.
    func lastDay(in year: Int) -> CalendarDate? {
        guard case .islamic(let month, nil) = self, let start = Self.firstInYear(year, calendar: .islamicUmmAlQura, month: month, day: 1) else {
            return nil
        }
        var calendar = Calendar(identifier: .islamicUmmAlQura)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let days = calendar.range(of: .day, in: .month, for: start.instant)?.count else { return nil }
        return start.date.adding(days: days - 1)
    }

    /// Easter Sunday (the anonymous Gregorian algorithm, Meeus/Jones/Butcher).
    static func easter(_ year: Int) -> CalendarDate {
        let a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDate(year: year, month: month, day: day)
    }

    /// Orthodox Easter Sunday: Meeus's Julian algorithm, moved to the Gregorian calendar (13 days in
    /// 1900–2099, one more or less a century further).
    static func orthodoxEaster(_ year: Int) -> CalendarDate {
        let a = year % 4, b = year % 7, c = year % 19
        let d = (19 * c + 15) % 30, e = (2 * a + 4 * b - d + 34) % 7
        let month = (d + e + 114) / 31, day = (d + e + 114) % 31 + 1
        let julianShift = year / 100 - year / 400 - 2
        return CalendarDate(year: year, month: month, day: day).adding(days: julianShift)
    }

    /// The day `month`/`day` of another calendar that falls in Gregorian `year` (two candidates of its
    /// years cover a lunar year's drift), with its instant for further calendar arithmetic.
    static func firstInYear(_ year: Int, calendar identifier: Calendar.Identifier, month: Int, day: Int) -> (date: CalendarDate, instant: Date)? {
        var calendar = Calendar(identifier: identifier)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = calendar.timeZone
        let approximate = identifier == .hebrew ? year + 3760 : Int((Double(year - 622) * 33.0 / 32.0).rounded(.down))
        for other in (approximate - 1)...(approximate + 2) {
            guard let instant = calendar.date(from: DateComponents(year: other, month: month, day: day)),
                calendar.component(.month, from: instant) == month
            else { continue }
            let parts = gregorian.dateComponents([.year, .month, .day], from: instant)
            if parts.year == year, let m = parts.month, let d = parts.day { return (CalendarDate(year: year, month: m, day: d), instant) }
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
}

/// The named days and era names of the date grammar, read from `date-words.txt` (and from rule files
/// given with `--rules`); the format is described at the top of that file.
struct DateVocabulary: Sendable {
    /// Named days; `standalone` is false for names that need a year before them.
    private(set) var holidays = WordTable<(Holiday, standalone: Bool)>([])
    /// Era names with the Gregorian year of their first year.
    private(set) var eras = WordTable<Int>([])
    private var holidayList: [String: (Holiday, standalone: Bool)] = [:]
    private var eraList: [String: Int] = [:]

    init() {}

    /// The line kinds of a date-words file.
    static let kinds: Set<String> = ["holiday", "era"]

    /// The bundled vocabulary.
    static let standard: DateVocabulary = {
        guard let directory = Bundle.module.url(forResource: "lexicon", withExtension: nil) else {
            preconditionFailure("bundled lexicon directory missing")
        }
        let path = directory.appendingPathComponent("date-words.txt").path
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            preconditionFailure("cannot read \(path)")
        }
        var vocabulary = DateVocabulary()
        do {
            var lineNumber = 0
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                lineNumber += 1
                let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                try vocabulary.add(fields: trimmed.split(separator: "\t").map(String.init), file: path, line: lineNumber)
            }
        } catch {
            preconditionFailure("\(error)")
        }
        vocabulary.rebuild()
        return vocabulary
    }()

    /// Builds the word tables from the lines added; call after adding.
    mutating func rebuild() {
        holidays = WordTable(holidayList.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        eras = WordTable(eraList.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    /// Adds one line, cut into its tab-separated fields; a name given again takes its new meaning.
    /// The word tables change only at ``rebuild()``.
    mutating func add(fields: [String], file: String, line: Int) throws {
        func fail(_ message: String) -> LexiconError { LexiconError(file: file, line: line, message: message) }
        let names = fields.count > 1 ? fields[1].split(separator: "|").map(String.init).filter { !$0.isEmpty } : []
        switch fields[0] {
        case "holiday":
            guard fields.count >= 3, !names.isEmpty else { throw fail("holiday needs NAMES and RULE") }
            let holiday = try Self.holiday(rule: fields[2], fail: fail)
            let standalone: Bool
            switch fields.count > 3 ? fields[3] : "" {
            case "": standalone = true
            case "year": standalone = false
            default: throw fail("the fourth field of a holiday is `year` or nothing, not '\(fields[3])'")
            }
            for name in names { holidayList[name] = (holiday, standalone) }
        case "era":
            guard fields.count >= 3, names.count == 1, let year = Int(fields[2]) else { throw fail("era needs NAME and YEAR") }
            eraList[names[0]] = year
        default:
            throw fail("unknown kind '\(fields[0])' (expected holiday or era)")
        }
    }

    private static func holiday(rule: String, fail: (String) -> LexiconError) throws -> Holiday {
        let parts = rule.split(separator: " ").map(String.init)
        func monthDay(_ text: String?) throws -> (Int, Int?) {
            let numbers = (text ?? "").split(separator: "-").map { Int($0) }
            guard let month = numbers.first ?? nil, (1...13).contains(month), numbers.count <= 2, !numbers.contains(nil) else {
                throw fail("'\(rule)': expected MM-DD")
            }
            let day = numbers.count == 2 ? numbers[1]! : nil
            if let day, !(1...31).contains(day) { throw fail("'\(rule)': day \(day) out of range") }
            return (month, day)
        }
        func integer(_ index: Int) throws -> Int {
            guard index < parts.count, let value = Int(parts[index].replacingOccurrences(of: "+", with: "")) else {
                throw fail("'\(rule)': expected a number in place \(index)")
            }
            return value
        }
        switch parts.first {
        case "gregorian", "chinese":
            let (month, day) = try monthDay(parts.count == 2 ? parts[1] : nil)
            guard let day, month <= 12 else { throw fail("'\(rule)': expected MM-DD") }
            return .fixed(month: month, day: day, lunar: parts[0] == "chinese")
        case "weekday":
            let month = try integer(1), n = try integer(2), weekday = try integer(3)
            guard (1...12).contains(month), (1...5).contains(n) || n == -1, (1...7).contains(weekday) else { throw fail("'\(rule)': out of range") }
            return .nthWeekday(month: month, n: n, weekday: weekday)
        case "easter", "orthodox-easter":
            return .computed(.easter(offset: try integer(1), orthodox: parts[0] == "orthodox-easter"))
        case "islamic":
            let (month, day) = try monthDay(parts.count == 2 ? parts[1] : nil)
            guard month <= 12 else { throw fail("'\(rule)': the Islamic calendar has 12 months") }
            return .computed(.islamic(month: month, day: day))
        case "hebrew":
            let (month, day) = try monthDay(parts.count == 2 ? parts[1] : nil)
            guard let day else { throw fail("'\(rule)': expected MM-DD") }
            return .computed(.hebrew(month: month, day: day))
        case "solarterm":
            let index = try integer(1)
            guard (0..<24).contains(index) else { throw fail("'\(rule)': solar terms are numbered 0 to 23") }
            return .computed(.solarTerm(index))
        default:
            throw fail("unknown holiday rule '\(rule)' (expected gregorian, chinese, weekday, easter, orthodox-easter, islamic, hebrew or solarterm)")
        }
    }
}
