/// A date expression found in normalized text.
struct DateMatch: Sendable, Hashable {
    var range: Range<Int>
    /// EDTF date or interval, or ISO 8601 duration.
    var value: String
    /// `date`, `interval`, `duration` or `set`.
    var kind: String
}

/// Finds and normalizes date expressions. First version: absolute Arabic-digit dates.
struct DateScanner {
    let text: [Unicode.Scalar]
    let context: RuleContext
    var referenceDate: CalendarDate? { context.referenceDate }

    func scan() -> [DateMatch] {
        var result: [DateMatch] = []
        var i = 0
        while i < text.count {
            if let match = absoluteDate(at: i) {
                result.append(match)
                i = match.range.upperBound
            } else {
                i += 1
            }
        }
        return result
    }

    private func digits(at start: Int) -> (Int, Int)? {
        var i = start, value = 0
        while i < text.count, CharacterClass.isASCIIDigit(text[i]), i - start < 4 {
            value = value * 10 + Int(text[i].value - 48)
            i += 1
        }
        return i > start ? (value, i) : nil
    }

    private func absoluteDate(at start: Int) -> DateMatch? {
        guard start == 0 || !CharacterClass.isASCIIDigit(text[start - 1]) else { return nil }
        guard let (year, afterYear) = digits(at: start), afterYear - start == 4, afterYear < text.count, text[afterYear] == "年" else { return nil }
        var end = afterYear + 1
        var value = String(year)
        if let (month, afterMonth) = digits(at: end), afterMonth < text.count, text[afterMonth] == "月", (1...12).contains(month) {
            end = afterMonth + 1
            value += "-" + (month < 10 ? "0" : "") + String(month)
            if let (day, afterDay) = digits(at: end), afterDay < text.count, text[afterDay] == "日", (1...31).contains(day) {
                end = afterDay + 1
                value += "-" + (day < 10 ? "0" : "") + String(day)
            }
        }
        return DateMatch(range: start..<end, value: value, kind: "date")
    }
}
