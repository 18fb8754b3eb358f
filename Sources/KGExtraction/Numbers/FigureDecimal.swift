import Foundation

/// Decimal strings for figure values: plain notation, no exponent, no trailing zeros.
enum FigureDecimal {
    /// Significant digits kept for results of a division that does not terminate (1/3).
    static let divisionDigits = 16

    /// `value` as a plain decimal string (`518000`, `0.000000000000001`, `-40.5`).
    static func string(_ value: Decimal) -> String {
        if value.isZero { return "0" }
        var text = value.description
        if text.contains("e") || text.contains("E") { text = expand(text) }
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// `a / b`, rounded to ``divisionDigits`` significant digits when it does not terminate.
    static func divide(_ a: Decimal, _ b: Decimal) -> Decimal? {
        guard !b.isZero else { return nil }
        var quotient = a / b
        guard !quotient.isZero else { return quotient }
        // A terminating quotient has few significant digits; a repeating one fills the mantissa.
        let digits = significantDigits(quotient)
        if digits > 30 { quotient = rounded(quotient, significantDigits: divisionDigits) }
        return quotient
    }

    /// `value` rounded to `significantDigits` when it has more (a sum with a rounded quotient).
    static func rounded(_ value: Decimal, significantDigits: Int) -> Decimal {
        guard Self.significantDigits(value) > significantDigits else { return value }
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, significantDigits - integerDigits(value), .plain)
        return result
    }

    /// Number of significant digits in the mantissa.
    static func significantDigits(_ value: Decimal) -> Int {
        var text = string(value).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ".", with: "")
        while text.hasPrefix("0") { text.removeFirst() }
        return text.count
    }

    /// Position of the leading digit relative to the decimal point: 1234.5 → 4, 0.05 → -1.
    static func integerDigits(_ value: Decimal) -> Int {
        let text = string(value).replacingOccurrences(of: "-", with: "")
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let whole = parts[0].drop { $0 == "0" }
        if !whole.isEmpty { return whole.count }
        guard parts.count > 1 else { return 0 }
        let zeros = parts[1].prefix { $0 == "0" }.count
        return -zeros
    }

    /// Expands an exponent form (`5E-06`) into plain notation.
    private static func expand(_ text: String) -> String {
        let parts = text.uppercased().split(separator: "E")
        guard parts.count == 2, let exponent = Int(parts[1]) else { return text }
        var mantissa = String(parts[0])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        var digits = mantissa.replacingOccurrences(of: ".", with: "")
        var point = (mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) } ?? mantissa.count) + exponent
        if point <= 0 {
            digits = String(repeating: "0", count: -point + 1) + digits
            point = 1
        }
        if point >= digits.count { digits += String(repeating: "0", count: point - digits.count) }
        let index = digits.index(digits.startIndex, offsetBy: point)
        var result = String(digits[..<index])
        let fraction = digits[index...]
        if !fraction.isEmpty { result += "." + fraction }
        while result.hasPrefix("0") && result.count > 1 && !result.hasPrefix("0.") { result.removeFirst() }
        return (negative ? "-" : "") + result
    }
}
