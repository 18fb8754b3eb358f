/// Proleptic Gregorian day arithmetic on ``CalendarDate``, without Foundation.
extension CalendarDate {
    /// Days since 1970-01-01 (negative before).
    var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    init(dayNumber: Int) {
        let z = dayNumber + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    /// Adds months, clamping the day to the target month's length (01-31 + 1 month = 02-28).
    func adding(months: Int) -> CalendarDate {
        let total = year * 12 + (month - 1) + months
        let y = total >= 0 ? total / 12 : (total - 11) / 12
        let m = total - y * 12 + 1
        return CalendarDate(year: y, month: m, day: min(day, CalendarDate.daysIn(year: y, month: m)))
    }

    func adding(years: Int) -> CalendarDate { adding(months: 12 * years) }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    var weekday: Int {
        let w = (dayNumber + 3) % 7  // 1970-01-01 was a Thursday (3 with Monday = 0)
        return (w < 0 ? w + 7 : w) + 1
    }

    /// Monday of the ISO week containing this date.
    var mondayOfWeek: CalendarDate { adding(days: 1 - weekday) }

    /// ISO week-numbering year and week of this date.
    var isoWeek: (year: Int, week: Int) {
        let thursday = adding(days: 4 - weekday)
        let firstOfYear = CalendarDate(year: thursday.year, month: 1, day: 1)
        return (thursday.year, (thursday.dayNumber - firstOfYear.dayNumber) / 7 + 1)
    }

    /// Monday of ISO week `week` of ISO year `year`.
    static func mondayOfISOWeek(year: Int, week: Int) -> CalendarDate {
        let jan4 = CalendarDate(year: year, month: 1, day: 4)
        return jan4.mondayOfWeek.adding(days: 7 * (week - 1))
    }

    /// Number of ISO weeks (52 or 53) in an ISO year.
    static func isoWeeksIn(year: Int) -> Int {
        CalendarDate(year: year, month: 12, day: 28).isoWeek.week
    }

    /// The `n`-th (1-based; -1 = last) `weekday` of a month.
    static func nthWeekday(_ n: Int, _ weekday: Int, year: Int, month: Int) -> CalendarDate {
        if n > 0 {
            let first = CalendarDate(year: year, month: month, day: 1)
            let offset = (weekday - first.weekday + 7) % 7
            return first.adding(days: offset + 7 * (n - 1))
        }
        let last = CalendarDate(year: year, month: month, day: daysIn(year: year, month: month))
        return last.adding(days: -((last.weekday - weekday + 7) % 7))
    }
}
