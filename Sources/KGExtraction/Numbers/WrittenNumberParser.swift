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

    private enum Token { case none, digit, arabic, small, big, zero, point, more }
    private enum Pending { case none, chineseDigit, some, zero, arabicInteger, arabicFraction, decimal }

    private func at(_ i: Int) -> Unicode.Scalar? { i >= 0 && i < text.count ? text[i] : nil }

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
    private func decimalDigits(at start: Int) -> (Decimal, Int)? {
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

    // MARK: - General numerals

    /// Reads a Chinese, Arabic or mixed numeral with units. `skip` is a position to ignore (used to read
    /// the low end of an adjacent-digit range: 三四十 read without 四 is 三十).
    func general(at start: Int, skip: Int) -> WrittenNumberRead? {
        var groups: [(value: Decimal, scale: Decimal, exponent: Int)] = []
        var section = Decimal(0)
        var pending: Decimal?
        var pendingKind = Pending.none
        var pendingDigit = 0
        var pendingStart = 0
        var pendingScalar: Unicode.Scalar = " "
        var tokenBeforePending = Token.none
        var last = Token.none
        var lastSmall = Int.max
        var lastUnit: Decimal?
        var zeroGap = false
        var tail = Decimal(0)
        var approximate = false
        var tokenBeforeMore = Token.none
        var end = start
        var hasChinese = false, hasArabic = false
        var isInteger = true
        var pairAt: Int?
        var onlyBareUnit: Int?  // the value of a lone 百/千 with nothing else
        var tokenCount = 0
        var startsWithZero = false
        var arabicDigits = 0
        var terminal = false
        var leadingShu = false  // 数十亿: a range of one order of magnitude
        /// 几 and 数 stand for an unknown digit: 几十 (0 placeholder after a unit), 几百/数万 (1 before one).
        func takeVagueDigit(_ value: Decimal, at k: Int) {
            pending = value
            pendingKind = .some
            approximate = true
            last = .digit
            pendingStart = k
            hasChinese = true
            tokenCount += 1
            end = k + 1
        }

        var j = start
        loop: while j < text.count, !terminal {
            if j == skip { j += 1; continue }
            var k = j
            if text[j] == " " {
                guard end > start else { break }
                while at(k) == " " { k += 1 }
                guard k < text.count, spaceContinues(at: k, after: last) else { break }
            }
            let c = text[k]
            // Units of measurement that begin with a numeral character: 千克, 千米, 兆字节.
            if NumberCharacters.smallUnit(c) != nil || NumberCharacters.bigUnitExponent(c) != nil,
                let unit = words.units.longestMatch(in: text, at: k), unit.value.category == .measure, unit.end - k >= 2,
                last == .arabic || last == .small || last == .big || (last == .digit && NumberCharacters.bigUnitExponent(c) != nil)
            {
                break
            }
            if let d = NumberCharacters.digit(c) {
                switch last {
                case .digit:
                    // An adjacent second digit: a range pair (三四, 十七八) or the end of the numeral.
                    if k == j, pairAt == nil, pendingKind == .chineseDigit, k == pendingStart + 1, Self.isRangePair(pendingDigit, d, c)
                    {
                        pairAt = k
                        pending = Decimal(d)
                        pendingDigit = d
                        pendingScalar = c
                        pendingStart = k
                        end = k + 1
                        j = k + 1
                        continue loop
                    }
                    break loop
                case .arabic, .point, .more:
                    break loop
                case .none, .small, .big, .zero:
                    if NumberCharacters.isZero(c) {
                        // 零 as a filler between units, or a leading zero (零点五, 零十).
                        if last == .none {
                            pending = 0
                            pendingKind = .zero
                            startsWithZero = true
                        }
                        zeroGap = true
                        last = .zero
                    } else {
                        tokenBeforePending = last
                        pending = Decimal(d)
                        pendingKind = .chineseDigit
                        pendingDigit = d
                        pendingScalar = c
                        pendingStart = k
                        last = .digit
                    }
                    hasChinese = true
                    tokenCount += 1
                    end = k + 1
                    j = k + 1
                    continue loop
                }
            }
            if let tens = NumberCharacters.tensCharacter(c) {
                // 廿 = 二十: a digit and 十 in one character.
                guard last == .none || last == .big || last == .zero else { break }
                section += Decimal(tens * 10)
                lastSmall = 10
                lastUnit = 10
                zeroGap = false
                last = .small
                hasChinese = true
                tokenCount += 1
                end = k + 1
                j = k + 1
                continue
            }
            if let u = NumberCharacters.smallUnit(c) {
                guard last != .more, last != .point, u < lastSmall else { break }
                if pendingKind == .arabicInteger || pendingKind == .arabicFraction || pendingKind == .decimal {
                    // 3千, 2.5千: fine; 1.5十 is not written.
                    guard u >= 100 || pendingKind == .arabicInteger else { break }
                }
                let multiplier: Decimal = (pending == nil || pendingKind == .zero) ? 1 : pending!
                if tokenCount == 0 && (u == 100 || u == 1000) { onlyBareUnit = u }
                section += multiplier * Decimal(u)
                pending = nil
                pendingKind = .none
                lastSmall = u
                lastUnit = Decimal(u)
                zeroGap = false
                last = .small
                hasChinese = true
                tokenCount += 1
                end = k + 1
                j = k + 1
                continue
            }
            if let exponent = NumberCharacters.bigUnitExponent(c) {
                let scale = NumberCharacters.power(exponent)
                let consecutive = last == .big || (last == .more && tokenBeforeMore == .big)
                if consecutive {
                    // 万亿, 万万, 三十万多亿: the scales multiply.
                    // No written number goes past 亿亿 (10^16); a longer run of scales is not one.
                    guard var top = groups.last, top.exponent + exponent <= 16 else { break }
                    groups.removeLast()
                    top.value *= scale
                    top.scale *= scale
                    top.exponent += exponent
                    groups.append(top)
                } else {
                    guard last != .point || pendingKind == .decimal else { break }
                    // 百三万 = 130万, 一千五亿 = 1500亿: the abbreviation below, before a scale.
                    if pendingKind == .chineseDigit, tokenBeforePending == .small, !zeroGap, let unit = lastUnit, unit >= 100,
                        !NumberCharacters.isTwoForm(pendingScalar), pairAt == nil
                    {
                        pending = pending! * unit / 10
                    }
                    var v = section + (pending ?? 0)
                    if v.isZero && pendingKind != .some { break }
                    while let top = groups.last, top.exponent < exponent {
                        v += top.value
                        groups.removeLast()
                    }
                    if let top = groups.last, top.exponent <= exponent { break }
                    groups.append((v * scale, scale, exponent))
                }
                section = 0
                pending = nil
                pendingKind = .none
                lastSmall = Int.max
                lastUnit = scale
                zeroGap = false
                last = .big
                hasChinese = true
                tokenCount += 1
                onlyBareUnit = nil
                end = k + 1
                j = k + 1
                continue
            }
            if CharacterClass.isASCIIDigit(c) || (c == "." && at(k + 1).map(CharacterClass.isASCIIDigit) == true && tokenCount == 0 && at(k - 1) != ".") {
                guard last == .none || last == .small || last == .big || last == .zero else { break }
                guard k == j || last == .small || last == .big else { break }
                guard let number = arabic(at: k) else { break }
                if last != .none, let unit = lastUnit, number.value >= unit { break }
                if last != .none && !number.isInteger { break }
                tokenBeforePending = last
                pending = number.value
                pendingKind = number.isInteger ? .arabicInteger : .arabicFraction
                if !number.isInteger { isInteger = false }
                if last == .none { arabicDigits = number.integerDigits }
                last = .arabic
                hasArabic = true
                tokenCount += 1
                end = number.end
                j = number.end
                continue
            }
            if NumberCharacters.isPoint(c) {
                guard last == .digit || last == .small || last == .big || last == .zero || (last == .arabic && pendingKind == .arabicInteger),
                    let (fraction, after) = decimalDigits(at: k + 1)
                else { break }
                // 三点二十 is a time of day, not 3.2 followed by 十.
                var n = after
                while at(n) == " " { n += 1 }
                if let next = at(n), NumberCharacters.smallUnit(next) != nil { break }
                if pendingKind == .chineseDigit, let unit = lastUnit, unit >= 100, !zeroGap, tokenBeforePending == .small || tokenBeforePending == .big {
                    // 两千三点一 = 2300.1: the abbreviated digit counts in tenths of the unit before it.
                    section += pending! * unit / 10
                    pending = nil
                    pendingKind = .none
                    tail = fraction
                    terminal = true
                } else if pending != nil && (pendingKind == .chineseDigit || pendingKind == .arabicInteger || pendingKind == .zero) {
                    pending = pending! + fraction
                    pendingKind = .decimal
                } else if pending == nil && (!section.isZero || !groups.isEmpty) {
                    tail = fraction
                    terminal = true
                } else {
                    break
                }
                isInteger = false
                last = .point
                tokenCount += 1
                end = after
                j = after
                continue
            }
            if c == "多" || c == "余" || c == "餘" {
                guard last == .small || last == .big || (last == .arabic && pendingKind == .arabicInteger) else { break }
                // 多 after 十/百/千 must not start a word such as 多样 in 三十多样: accept only when a unit,
                // classifier, big unit or a non-Han character follows.
                approximate = true
                tokenBeforeMore = last
                last = .more
                end = k + 1
                j = k + 1
                continue
            }
            if c == "几" || c == "幾" {
                if (last == .small || last == .big || last == .zero) && pending == nil {
                    takeVagueDigit(0, at: k)
                    j = k + 1
                    continue
                }
                if last == .none, let next = at(k + 1), NumberCharacters.smallUnit(next) != nil || NumberCharacters.bigUnitExponent(next) != nil {
                    takeVagueDigit(1, at: k)
                    j = k + 1
                    continue
                }
                break
            }
            if (c == "数" || c == "數") && last == .none, let next = at(k + 1),
                NumberCharacters.smallUnit(next) != nil || NumberCharacters.bigUnitExponent(next) != nil,
                !(at(k + 2) == "分" && at(k + 3) == "之")
            {
                takeVagueDigit(1, at: k)
                leadingShu = true
                j = k + 1
                continue
            }
            break
        }
        guard tokenCount > 0, end > start else { return nil }
        // A lone 百 or 千 is not a number (百姓, 千家万户); 百三, 百万, 百余 are.
        if let bare = onlyBareUnit, tokenCount == 1, !approximate, bare >= 100 { return nil }
        // Only 零s, or a 多 with nothing before it, is no number either.
        if last == .more && tokenCount == 0 { return nil }
        // Abbreviation: 一万三 = 13000, 两千四百五 = 2450: a final digit right after a unit counts in
        // tenths of that unit. A final 两 after a unit is the weight unit (三千两百两).
        if pendingKind == .chineseDigit, let unit = lastUnit, !zeroGap,
            tokenBeforePending == .small || tokenBeforePending == .big, unit >= 100 || NumberCharacters.isTwoForm(pendingScalar)
        {
            if NumberCharacters.isTwoForm(pendingScalar) && pairAt == nil {
                pending = nil
                end = pendingStart
                while end > start && text[end - 1] == " " { end -= 1 }
            } else {
                pending = pending! * unit / 10
            }
        }
        var value = section + (pending ?? 0) + tail
        for group in groups { value += group.value }
        var numeral = WrittenNumber(range: start..<end, value: value)
        numeral.hasChinese = hasChinese
        numeral.hasArabic = hasArabic
        numeral.isInteger = isInteger && tail.isZero
        numeral.approximate = approximate ? "more than" : nil
        numeral.startsWithZero = startsWithZero
        numeral.arabicIntegerDigits = hasChinese ? 0 : arabicDigits
        numeral.hasBigUnit = !groups.isEmpty
        if end - start == 1 && hasChinese { numeral.loneCharacter = text[start] }
        if groups.count == 1, section.isZero, pending == nil, tail.isZero { numeral.soleScale = groups[0].scale }
        // 数 + scales only (数十亿, 数百万): from one to ten of the scale, a range rather than a lower bound.
        if leadingShu, pairAt == nil, (start + 1..<end).allSatisfy({ NumberCharacters.smallUnit(text[$0]) != nil
            || NumberCharacters.bigUnitExponent(text[$0]) != nil || text[$0] == " " })
        {
            numeral.high = value * 10
            numeral.approximate = nil
        }
        if let pairAt, skip < 0, case .numeral(let low)? = general(at: start, skip: pairAt),
            low.range.upperBound == end || (low.range.upperBound == pairAt && pairAt == end - 1)
        {
            numeral.high = value
            numeral.value = low.value
        }
        return .numeral(numeral)
    }

    /// Whether spaces inside a numeral may be skipped to reach the token at `k` (7万 5千 4百, 三千 八百).
    private func spaceContinues(at k: Int, after last: Token) -> Bool {
        let c = text[k]
        if NumberCharacters.smallUnit(c) != nil || NumberCharacters.bigUnitExponent(c) != nil { return last != .none && last != .point }
        if NumberCharacters.isPoint(c) { return last == .digit || last == .small || last == .big || last == .arabic }
        if c == "多" || c == "余" || c == "餘" || c == "几" || c == "幾" { return last == .small || last == .big }
        if NumberCharacters.digit(c) != nil { return last == .small || last == .big || last == .zero }
        if CharacterClass.isASCIIDigit(c) { return last == .small || last == .big }
        return false
    }
}
