import Foundation

/// Converts lunisolar (农历) month-day dates to the Gregorian calendar through Foundation's Chinese
/// calendar, so that `2023年春节` also says 2023-01-22 and not only the lunar `2023-01-01`.
enum LunarCalendar {
    private static let chinese: Calendar = {
        var calendar = Calendar(identifier: .chinese)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    private static let gregorian: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// The Gregorian `YYYY-MM-DD` of lunar `month`-`day` in the lunar year that begins in Gregorian
    /// `year`. The twelfth month (腊月, 除夕) is the one that ends early in `year`, as 2024年除夕 is the
    /// eve of the 2024 Spring Festival. A 30th day in a 29-day month is read as the month's last day.
    static func gregorianDate(year: Int, month: Int, day: Int) -> String? {
        guard (1...12).contains(month), (1...30).contains(day), (1...9999).contains(year) else { return nil }
        let lunarYearStart = month == 12 ? year - 1 : year
        // 1 June always lies after the lunar new year, so it names the lunar year that began in `lunarYearStart`.
        guard let june = gregorian.date(from: DateComponents(year: lunarYearStart, month: 6, day: 1)) else { return nil }
        let era = chinese.component(.era, from: june)
        let lunarYear = chinese.component(.year, from: june)
        for candidate in stride(from: day, through: max(day - 1, 1), by: -1) {
            guard let date = chinese.date(from: DateComponents(era: era, year: lunarYear, month: month, day: candidate)) else { continue }
            let check = chinese.dateComponents([.month, .day], from: date)
            guard check.month == month, check.day == candidate, check.isLeapMonth != true else { continue }
            let g = gregorian.dateComponents([.year, .month, .day], from: date)
            guard let y = g.year, let m = g.month, let d = g.day else { return nil }
            return DatePoint.day(year: y, month: m, day: d).edtf
        }
        return nil
    }

    /// The Gregorian form of a lunar EDTF value that names a day (`2023-01-01`, `2015-10-01T09:20`):
    /// the date converted, the time of day and an EDTF `~` kept. `nil` for anything without a known year and day.
    static func gregorianValue(ofLunar value: String) -> String? {
        let scalars = Array(value.unicodeScalars)
        guard scalars.count >= 10, scalars[4] == "-", scalars[7] == "-",
              let year = Int(String(value.prefix(4))), let month = Int(String(String.UnicodeScalarView(scalars[5..<7]))),
              let day = Int(String(String.UnicodeScalarView(scalars[8..<10])))
        else { return nil }
        let rest = String(String.UnicodeScalarView(scalars[10...]))
        guard rest.isEmpty || rest.hasPrefix("T") || rest == "~" else { return nil }
        return gregorianDate(year: year, month: month, day: day).map { $0 + rest }
    }
}
