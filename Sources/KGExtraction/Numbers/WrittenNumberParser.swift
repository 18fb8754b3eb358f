import Foundation

/// A number as written: Arabic, Chinese, capital, or mixed, with its exact value.
struct WrittenNumber: Sendable {
    /// Span of the numeral, sign included.
    var range: Range<Int>
    var value: Decimal
    /// The upper value of an adjacent-digit range (三四 → 3…4, 七八十万 → 700000…800000).
    var high: Decimal?
    /// `more than` when 多, 余, 几 or 数 stand in for digits.
    var approximate: String?
    var negative = false
    /// Contains Chinese numeral characters / Arabic digits.
    var hasChinese = false
    var hasArabic = false
    /// A string of digits read one by one (一九九八, 二〇〇二).
    var isDigitString = false
    /// Written with a decimal point, a fraction or an exponent.
    var isInteger = true
    /// The one character of a one-character Chinese numeral (一, 两, 叁).
    var loneCharacter: Unicode.Scalar?
    /// Starts with 零 (第零十 is not an ordinal).
    var startsWithZero = false
    /// The numeral is `mantissa × scale` with one big-unit scale (20万, 4.78万亿): the scale.
    var soleScale: Decimal?
    /// Number of Arabic integer digits, for 折 (75折) and years.
    var arabicIntegerDigits = 0
    /// Contains 万, 亿 or 兆.
    var hasBigUnit = false
}

/// The outcome of reading a numeral at a position.
enum WrittenNumberRead {
    case numeral(WrittenNumber)
    /// WrittenNumber characters that form no number (五四, 两两): skip them all.
    case reject(skipTo: Int)
}

/// Reads numerals: Chinese numerals with units and zero fillers, abbreviations (一万三), scales (10万万,
/// 4.78万亿), Arabic numbers (1,100.9, 2e5, 15k), mixed forms (3万4000, 2千零30万), decimals (点),
/// digit strings (一九九八), approximate digits (十几, 一千多万, 数百) and adjacent-digit ranges (三四).
struct WrittenNumberParser {
    let text: [Unicode.Scalar]
    let words: NumberWords
    /// Whether the original character at a normalized position was full width (for `，` as separator).
    var isFullWidth: ((Int) -> Bool)?

    /// The kind of the last token read of a general numeral.
    enum Token { case none, digit, arabic, small, big, zero, point, more }
    /// What the value waiting for a unit is.
    enum Pending { case none, chineseDigit, some, zero, arabicInteger, arabicFraction, decimal }

    func at(_ i: Int) -> Unicode.Scalar? { i >= 0 && i < text.count ? text[i] : nil }

    /// Reads the numeral starting at `start`, with an optional sign (负, -).
    func read(at start: Int, allowSign: Bool = true) -> WrittenNumberRead? {
        guard start < text.count else { return nil }
        var j = start
        var negative = false
        if allowSign {
            let c = text[j]
            if c == "负" || c == "負" {
                // 负 1,200,000: one space may follow the sign word.
                let k = at(j + 1) == " " ? j + 2 : j + 1
                guard let n = at(k), NumberCharacters.isNumeral(n) || CharacterClass.isASCIIDigit(n) || n == "." else { return nil }
                negative = true
                j = k
            } else if c == "-" || c == "−" || c == "+" {
                guard let n = at(j + 1), CharacterClass.isASCIIDigit(n) || (n == "." && at(j + 2).map(CharacterClass.isASCIIDigit) == true) else { return nil }
                if let p = at(j - 1), CharacterClass.isASCIIDigit(p) || CharacterClass.isASCIILetter(p) || p == "-" || p == "+" { return nil }
                negative = c != "+"
                j += 1
            }
        }
        let result: WrittenNumberRead?
        if let digits = digitRun(at: j) {
            result = digits
        } else {
            result = general(at: j, skip: -1)
        }
        guard case .numeral(var numeral)? = result else { return result }
        numeral.range = start..<numeral.range.upperBound
        if negative {
            numeral.negative = true
            numeral.value = -numeral.value
            if let high = numeral.high {
                numeral.high = numeral.value
                numeral.value = -high
            }
        }
        return .numeral(numeral)
    }

    // MARK: - Digit strings

    /// A run of Chinese digits without units read digit by digit (一九九八 → 1998, 零零三 → 3), or a
    /// two-digit run that is neither a number nor a range (五四) to skip. `nil` leaves the run to
    /// ``general(at:skip:)`` (one digit, or an adjacent-digit range such as 三四).
    private func digitRun(at start: Int) -> WrittenNumberRead? {
        var j = start
        while let c = at(j), NumberCharacters.plainDigit(c) != nil { j += 1 }
        let count = j - start
        guard count >= 2 else { return nil }
        // Longer runs are codes, not numbers.
        if count > Self.maximumDigits { return .reject(skipTo: j) }
        let first = NumberCharacters.digit(text[start])!, second = NumberCharacters.digit(text[start + 1])!
        let hasZero = (start..<j).contains { NumberCharacters.isZero(text[$0]) || text[$0] == "幺" }
        let followedByPoint = at(j).map(NumberCharacters.isPoint) == true && at(j + 1).flatMap(NumberCharacters.plainDigit) != nil
        if count == 2 && !hasZero && !followedByPoint {
            if Self.isRangePair(first, second, text[start + 1]) { return nil }
            let before = at(start - 1), after = at(j)
            let bounded = !(before.map(CharacterClass.isHan) ?? false) && !(after.map(CharacterClass.isHan) ?? false)
            if !bounded { return .reject(skipTo: j) }
        }
        var value = Decimal(0)
        for k in start..<j { value = value * 10 + Decimal(NumberCharacters.digit(text[k])!) }
        var numeral = WrittenNumber(range: start..<j, value: value)
        numeral.hasChinese = true
        numeral.isDigitString = true
        numeral.startsWithZero = NumberCharacters.isZero(text[start])
        if followedByPoint, let (fraction, end) = decimalDigits(at: j + 1) {
            numeral.value += fraction
            numeral.isInteger = false
            numeral.range = start..<end
        }
        return .numeral(numeral)
    }

    /// The most digits a number may have (a Decimal holds 38).
    static let maximumDigits = 30

    /// Two adjacent digits that name a range: 三四, 七八, 一两, 两三, 三五.
    static func isRangePair(_ a: Int, _ b: Int, _ second: Unicode.Scalar) -> Bool {
        if b == a + 1 && a >= 1 && a <= 8 { return true }
        if a == 2 && b == 3 { return true }
        if a == 3 && b == 5 { return true }
        return false
    }

    /// Digits after a decimal point (Chinese or Arabic, spaces allowed after the point): the fraction
    /// and the position after the digits.
    func decimalDigits(at start: Int) -> (Decimal, Int)? {
        var j = start
        while at(j) == " " { j += 1 }
        var digits: [Int] = []
        while let c = at(j) {
            if let d = NumberCharacters.plainDigit(c) {
                digits.append(d)
            } else if CharacterClass.isASCIIDigit(c) {
                digits.append(Int(c.value - 48))
            } else {
                break
            }
            j += 1
        }
        guard !digits.isEmpty else { return nil }
        var fraction = Decimal(0)
        var scale = Decimal(1)
        for d in digits {
            scale /= 10
            fraction += Decimal(d) * scale
        }
        return (fraction, j)
    }

    // MARK: - Arabic numbers

    /// An Arabic number: digits with thousands separators, a decimal part, an exponent (2e5, 2^5) and a
    /// k/M suffix. Returns the value, its end, whether it is an integer, and its integer digit count.
    func arabic(at start: Int) -> (value: Decimal, end: Int, isInteger: Bool, integerDigits: Int)? {
        var j = start
        var integerText = ""
        var groups = 0
        var firstGroup = 0
        while let c = at(j), CharacterClass.isASCIIDigit(c) {
            integerText.unicodeScalars.append(c)
            j += 1
            firstGroup += 1
        }
        // Thousands separators: every group after the first has exactly three digits.
        if firstGroup >= 1 && firstGroup <= 3 {
            while let c = at(j), c == ",", isSeparatorComma(at: j),
                let d1 = at(j + 1), CharacterClass.isASCIIDigit(d1), let d2 = at(j + 2), CharacterClass.isASCIIDigit(d2),
                let d3 = at(j + 3), CharacterClass.isASCIIDigit(d3), !(at(j + 4).map(CharacterClass.isASCIIDigit) ?? false)
            {
                integerText.unicodeScalars.append(contentsOf: [d1, d2, d3])
                j += 4
                groups += 1
            }
        }
        var fractionText = ""
        if at(j) == "." || isMiddleDotDecimalPoint(at: j), let d = at(j + 1), CharacterClass.isASCIIDigit(d) {
            j += 1
            while let c = at(j), CharacterClass.isASCIIDigit(c) {
                fractionText.unicodeScalars.append(c)
                j += 1
            }
        }
        guard !integerText.isEmpty || !fractionText.isEmpty,
            integerText.count + fractionText.count <= Self.maximumDigits
        else { return nil }
        let integerDigits = integerText.count
        guard var value = Decimal(string: (integerText.isEmpty ? "0" : integerText) + (fractionText.isEmpty ? "" : "." + fractionText)) else { return nil }
        var isInteger = fractionText.isEmpty
        // Exponent: 2e5, -12e-1, 2.7890e-1.
        if let e = at(j), e == "e" || e == "E" {
            var k = j + 1
            var negativeExponent = false
            if let s = at(k), s == "-" || s == "+" {
                negativeExponent = s == "-"
                k += 1
            }
            var exponentText = ""
            while let c = at(k), CharacterClass.isASCIIDigit(c) {
                exponentText.unicodeScalars.append(c)
                k += 1
            }
            if let exponent = Int(exponentText), exponent <= 40, !(at(k).map(CharacterClass.isASCIILetter) ?? false) {
                value *= NumberCharacters.power(negativeExponent ? -exponent : exponent)
                j = k
                isInteger = false
            }
        }
        // Power: 2^5, 2.5^-1, 1.1^+23.
        if at(j) == "^" {
            var k = j + 1
            var minus = 0
            while let s = at(k), s == "-" || s == "+" {
                if s == "-" { minus += 1 }
                k += 1
            }
            var exponentText = ""
            while let c = at(k), CharacterClass.isASCIIDigit(c) {
                exponentText.unicodeScalars.append(c)
                k += 1
            }
            if let exponent = Int(exponentText), exponent <= 60 {
                var result = Decimal(1)
                for _ in 0..<exponent { result *= value }
                if minus % 2 == 1 {
                    guard let inverse = FigureDecimal.divide(1, result) else { return nil }
                    result = inverse
                }
                value = result
                j = k
                isInteger = false
            }
        }
        // k / M / w suffix (15k, 2.5 M, 50w), only when no letter follows.
        var k = j
        while at(k) == " " { k += 1 }
        if let s = at(k), s == "k" || s == "K" || s == "M", !(at(k + 1).map(CharacterClass.isASCIILetter) ?? false) {
            value *= s == "M" ? 1_000_000 : 1000
            j = k + 1
        } else if at(j) == "w", !(at(j + 1).map(CharacterClass.isASCIILetter) ?? false) {
            // 50w: the colloquial 万, lower case and right after the digits (100W is a hundred watts).
            value *= 10_000
            j += 1
        }
        return (value, j, isInteger, integerDigits)
    }

    /// Older newspaper text writes the decimal point as a middle dot (４·５万棵, 3·8%). It is one only when
    /// a scale or a percent sign follows the digits after it: 9·11 and 12·5 name events and dates.
    private func isMiddleDotDecimalPoint(at j: Int) -> Bool {
        guard let dot = at(j), dot == "·" || dot == "・" || dot == "•", j > 0, CharacterClass.isASCIIDigit(text[j - 1]) else { return false }
        var k = j + 1
        while let c = at(k), CharacterClass.isASCIIDigit(c) { k += 1 }
        guard k > j + 1, let next = at(k) else { return false }
        return NumberCharacters.bigUnitExponent(next) != nil || next == "千" || next == "%" || next == "‰"
    }

    /// A comma between digit groups; a full-width comma counts only after full-width digits (`１１１，１１１`),
    /// since in Chinese text it usually separates clauses.
    private func isSeparatorComma(at j: Int) -> Bool {
        guard let isFullWidth else { return true }
        if !isFullWidth(j) { return true }
        return j > 0 && isFullWidth(j - 1)
    }

    /// Whether spaces inside a numeral may be skipped to reach the token at `k` (7万 5千 4百, 三千 八百).
    func spaceContinues(at k: Int, after last: Token) -> Bool {
        let c = text[k]
        if NumberCharacters.smallUnit(c) != nil || NumberCharacters.bigUnitExponent(c) != nil { return last != .none && last != .point }
        if NumberCharacters.isPoint(c) { return last == .digit || last == .small || last == .big || last == .arabic }
        if c == "多" || c == "余" || c == "餘" || c == "几" || c == "幾" { return last == .small || last == .big }
        if NumberCharacters.digit(c) != nil { return last == .small || last == .big || last == .zero }
        if CharacterClass.isASCIIDigit(c) { return last == .small || last == .big }
        return false
    }
}
