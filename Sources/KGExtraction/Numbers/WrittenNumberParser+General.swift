import Foundation

/// Chinese, Arabic and mixed numerals with units (三千五百万, 3万4000, 两千三点一, 十几, 数百), read token by
/// token. Each production is one function that takes a token into the reading or refuses it; refusing
/// ends the numeral. To read a new form, add a production and one line of ``general(at:skip:)``.
extension WrittenNumberParser {
    /// What has been read of one numeral so far.
    struct NumeralReading {
        let start: Int
        /// Only a whole number written in full with units (二十三, 两千零四, 一万零十): no decimals,
        /// approximate digits, digit ranges, abbreviations (一万三 is 10003), Arabic digits, spaces, or
        /// scales above one 万. What dates read.
        let wholeOnly: Bool
        /// Parts closed by a big unit (万, 亿), highest first, with the scale and its power of ten.
        var groups: [(value: Decimal, scale: Decimal, exponent: Int)] = []
        /// The sum below the current big unit (三千五百 in 三千五百万).
        var section = Decimal(0)
        /// A digit or Arabic number still waiting for its unit, and what it is.
        var pending: Decimal?
        var pendingKind = Pending.none
        var pendingDigit = 0
        var pendingStart = 0
        var pendingScalar: Unicode.Scalar = " "
        var tokenBeforePending = Token.none
        var last = Token.none
        /// The last small unit (十, 百, 千): they must come in descending order.
        var lastSmall = Int.max
        var lastUnit: Decimal?
        /// A 零 since the last unit (一千零五 is 1005, not the abbreviated 一千五).
        var zeroGap = false
        /// Decimal digits after the last unit (the .1 of 两千三点一).
        var tail = Decimal(0)
        var approximate = false
        var tokenBeforeMore = Token.none
        var end: Int
        var hasChinese = false, hasArabic = false
        var isInteger = true
        /// Where the second digit of an adjacent-digit range (三四十) stands.
        var pairAt: Int?
        /// The value of a lone 百 or 千 with nothing else.
        var onlyBareUnit: Int?
        var tokenCount = 0
        var startsWithZero = false
        var arabicDigits = 0
        /// A decimal tail was read after a unit: nothing may follow.
        var terminal = false
        /// Starts with 数 (数十亿): one order of magnitude, a range.
        var leadingShu = false

        init(start: Int, wholeOnly: Bool) {
            self.start = start
            self.wholeOnly = wholeOnly
            end = start
        }

        /// Counts a Chinese token that ends at `e`; returns where reading goes on.
        mutating func tookChinese(through e: Int) -> Int {
            hasChinese = true
            tokenCount += 1
            end = e
            return e
        }

        /// 几 and 数 stand for an unknown digit: 几十 (0 placeholder after a unit), 几百/数万 (1 before one).
        mutating func takeVagueDigit(_ value: Decimal, at k: Int) -> Int {
            pending = value
            pendingKind = .some
            approximate = true
            last = .digit
            pendingStart = k
            return tookChinese(through: k + 1)
        }
    }

    /// Reads a Chinese, Arabic or mixed numeral with units. `skip` is a position to ignore (used to read
    /// the low end of an adjacent-digit range: 三四十 read without 四 is 三十).
    func general(at start: Int, skip: Int, wholeOnly: Bool = false) -> WrittenNumberRead? {
        var r = NumeralReading(start: start, wholeOnly: wholeOnly)
        var j = start
        while j < text.count, !r.terminal {
            if j == skip {
                j += 1
                continue
            }
            var k = j
            if text[j] == " " {
                guard r.end > start, !wholeOnly else { break }
                while at(k) == " " { k += 1 }
                guard k < text.count, spaceContinues(at: k, after: r.last) else { break }
            }
            let c = text[k]
            if startsMeasureUnit(c, at: k, after: r.last) { break }
            let next: Int?
            if let d = NumberCharacters.digit(c) {
                next = readDigit(d, c, at: k, from: j, into: &r)
            } else if let tens = NumberCharacters.tensCharacter(c) {
                next = readTens(tens, at: k, into: &r)
            } else if let unit = NumberCharacters.smallUnit(c) {
                next = readSmallUnit(unit, at: k, into: &r)
            } else if let exponent = NumberCharacters.bigUnitExponent(c) {
                next = readBigUnit(exponent, at: k, into: &r)
            } else if wholeOnly {
                next = nil
            } else if CharacterClass.isASCIIDigit(c) || (c == "." && at(k + 1).map(CharacterClass.isASCIIDigit) == true && r.tokenCount == 0 && at(k - 1) != ".") {
                next = readArabic(at: k, from: j, into: &r)
            } else if NumberCharacters.isPoint(c) {
                next = readPoint(at: k, into: &r)
            } else if c == "多" || c == "余" || c == "餘" {
                next = readMore(at: k, into: &r)
            } else if c == "几" || c == "幾" {
                next = readJi(at: k, into: &r)
            } else if c == "数" || c == "數" {
                next = readShu(at: k, into: &r)
            } else {
                next = nil
            }
            guard let next else { break }
            j = next
        }
        return finish(r, skip: skip)
    }

    // MARK: - Productions (each returns where reading goes on, or nil to end the numeral)

    /// Units of measurement that begin with a numeral character end the numeral: 千克, 千米, 兆字节.
    private func startsMeasureUnit(_ c: Unicode.Scalar, at k: Int, after last: Token) -> Bool {
        guard NumberCharacters.smallUnit(c) != nil || NumberCharacters.bigUnitExponent(c) != nil,
            let unit = words.units.longestMatch(in: text, at: k), unit.value.category == .measure, unit.end - k >= 2
        else { return false }
        return last == .arabic || last == .small || last == .big || (last == .digit && NumberCharacters.bigUnitExponent(c) != nil)
    }

    /// A Chinese digit: the start of a part, a 零 filler, or the second digit of a range pair (三四, 十七八).
    private func readDigit(_ d: Int, _ c: Unicode.Scalar, at k: Int, from j: Int, into r: inout NumeralReading) -> Int? {
        switch r.last {
        case .digit:
            guard !r.wholeOnly, k == j, r.pairAt == nil, r.pendingKind == .chineseDigit, k == r.pendingStart + 1, Self.isRangePair(r.pendingDigit, d, c) else {
                return nil
            }
            r.pairAt = k
            r.pending = Decimal(d)
            r.pendingDigit = d
            r.pendingScalar = c
            r.pendingStart = k
            r.end = k + 1
            return k + 1
        case .arabic, .point, .more:
            return nil
        case .none, .small, .big, .zero:
            if NumberCharacters.isZero(c) {
                // 零 as a filler between units, or a leading zero (零点五, 零十).
                if r.last == .none {
                    r.pending = 0
                    r.pendingKind = .zero
                    r.startsWithZero = true
                }
                r.zeroGap = true
                r.last = .zero
                if r.wholeOnly {
                    // A 零 counts only when something follows it (二十零 is 二十).
                    r.hasChinese = true
                    r.tokenCount += 1
                    return k + 1
                }
            } else {
                r.tokenBeforePending = r.last
                r.pending = Decimal(d)
                r.pendingKind = .chineseDigit
                r.pendingDigit = d
                r.pendingScalar = c
                r.pendingStart = k
                r.last = .digit
            }
            return r.tookChinese(through: k + 1)
        }
    }

    /// 廿 = 二十: a digit and 十 in one character.
    private func readTens(_ tens: Int, at k: Int, into r: inout NumeralReading) -> Int? {
        guard r.last == .none || r.last == .big || r.last == .zero else { return nil }
        r.section += Decimal(tens * 10)
        r.lastSmall = 10
        r.lastUnit = 10
        r.zeroGap = false
        r.last = .small
        return r.tookChinese(through: k + 1)
    }

    /// 十, 百, 千 (and their capitals): multiply the pending digit, in descending order.
    private func readSmallUnit(_ u: Int, at k: Int, into r: inout NumeralReading) -> Int? {
        guard r.last != .more, r.last != .point, u < r.lastSmall else { return nil }
        if r.pendingKind == .arabicInteger || r.pendingKind == .arabicFraction || r.pendingKind == .decimal {
            // 3千, 2.5千: fine; 1.5十 is not written.
            guard u >= 100 || r.pendingKind == .arabicInteger else { return nil }
        }
        if r.wholeOnly, r.pending == nil || r.pendingKind == .zero {
            // Only 十 stands without a digit, at the start of a part (十五, 一万零十; not 百三, 零十).
            guard u == 10, r.section.isZero, !(r.zeroGap && r.groups.isEmpty) else { return nil }
        }
        let multiplier: Decimal = (r.pending == nil || r.pendingKind == .zero) ? 1 : r.pending!
        if r.tokenCount == 0 && (u == 100 || u == 1000) { r.onlyBareUnit = u }
        r.section += multiplier * Decimal(u)
        r.pending = nil
        r.pendingKind = .none
        r.lastSmall = u
        r.lastUnit = Decimal(u)
        r.zeroGap = false
        r.last = .small
        return r.tookChinese(through: k + 1)
    }

    /// 万, 亿, 兆: close the part below and scale it; consecutive scales multiply (万亿).
    private func readBigUnit(_ exponent: Int, at k: Int, into r: inout NumeralReading) -> Int? {
        if r.wholeOnly, exponent != 4 || !r.groups.isEmpty { return nil }
        let scale = NumberCharacters.power(exponent)
        if r.last == .big || (r.last == .more && r.tokenBeforeMore == .big) {
            // 万亿, 万万, 三十万多亿: the scales multiply.
            // No written number goes past 亿亿 (10^16); a longer run of scales is not one.
            guard var top = r.groups.last, top.exponent + exponent <= 16 else { return nil }
            r.groups.removeLast()
            top.value *= scale
            top.scale *= scale
            top.exponent += exponent
            r.groups.append(top)
        } else {
            guard r.last != .point || r.pendingKind == .decimal else { return nil }
            // 百三万 = 130万, 一千五亿 = 1500亿: the abbreviation below, before a scale.
            if !r.wholeOnly, r.pendingKind == .chineseDigit, r.tokenBeforePending == .small, !r.zeroGap, let unit = r.lastUnit, unit >= 100,
                !NumberCharacters.isTwoForm(r.pendingScalar), r.pairAt == nil
            {
                r.pending = r.pending! * unit / 10
            }
            var v = r.section + (r.pending ?? 0)
            if v.isZero && r.pendingKind != .some { return nil }
            while let top = r.groups.last, top.exponent < exponent {
                v += top.value
                r.groups.removeLast()
            }
            if let top = r.groups.last, top.exponent <= exponent { return nil }
            r.groups.append((v * scale, scale, exponent))
        }
        r.section = 0
        r.pending = nil
        r.pendingKind = .none
        r.lastSmall = Int.max
        r.lastUnit = scale
        r.zeroGap = false
        r.last = .big
        r.onlyBareUnit = nil
        return r.tookChinese(through: k + 1)
    }

    /// An Arabic number, alone or after a unit (3万4000, 2千零30万).
    private func readArabic(at k: Int, from j: Int, into r: inout NumeralReading) -> Int? {
        guard r.last == .none || r.last == .small || r.last == .big || r.last == .zero,
            k == j || r.last == .small || r.last == .big,
            let number = arabic(at: k)
        else { return nil }
        if r.last != .none, let unit = r.lastUnit, number.value >= unit { return nil }
        if r.last != .none && !number.isInteger { return nil }
        r.tokenBeforePending = r.last
        r.pending = number.value
        r.pendingKind = number.isInteger ? .arabicInteger : .arabicFraction
        if !number.isInteger { r.isInteger = false }
        if r.last == .none { r.arabicDigits = number.integerDigits }
        r.last = .arabic
        r.hasArabic = true
        r.tokenCount += 1
        r.end = number.end
        return number.end
    }

    /// 点 and its digits: a decimal (三点一四, 两千三点一).
    private func readPoint(at k: Int, into r: inout NumeralReading) -> Int? {
        guard r.last == .digit || r.last == .small || r.last == .big || r.last == .zero || (r.last == .arabic && r.pendingKind == .arabicInteger),
            let (fraction, after) = decimalDigits(at: k + 1)
        else { return nil }
        // 三点二十 is a time of day, not 3.2 followed by 十.
        var n = after
        while at(n) == " " { n += 1 }
        if let next = at(n), NumberCharacters.smallUnit(next) != nil { return nil }
        if r.pendingKind == .chineseDigit, let unit = r.lastUnit, unit >= 100, !r.zeroGap,
            r.tokenBeforePending == .small || r.tokenBeforePending == .big
        {
            // 两千三点一 = 2300.1: the abbreviated digit counts in tenths of the unit before it.
            r.section += r.pending! * unit / 10
            r.pending = nil
            r.pendingKind = .none
            r.tail = fraction
            r.terminal = true
        } else if r.pending != nil && (r.pendingKind == .chineseDigit || r.pendingKind == .arabicInteger || r.pendingKind == .zero) {
            r.pending = r.pending! + fraction
            r.pendingKind = .decimal
        } else if r.pending == nil && (!r.section.isZero || !r.groups.isEmpty) {
            r.tail = fraction
            r.terminal = true
        } else {
            return nil
        }
        r.isInteger = false
        r.last = .point
        r.tokenCount += 1
        r.end = after
        return after
    }

    /// 多, 余 after a unit or an Arabic integer: more than (三十多, 1000余).
    private func readMore(at k: Int, into r: inout NumeralReading) -> Int? {
        guard r.last == .small || r.last == .big || (r.last == .arabic && r.pendingKind == .arabicInteger) else { return nil }
        r.approximate = true
        r.tokenBeforeMore = r.last
        r.last = .more
        r.end = k + 1
        return k + 1
    }

    /// 几 after a unit (十几) or before one (几百): an unknown digit.
    private func readJi(at k: Int, into r: inout NumeralReading) -> Int? {
        if (r.last == .small || r.last == .big || r.last == .zero) && r.pending == nil { return r.takeVagueDigit(0, at: k) }
        if r.last == .none, let next = at(k + 1), NumberCharacters.smallUnit(next) != nil || NumberCharacters.bigUnitExponent(next) != nil {
            return r.takeVagueDigit(1, at: k)
        }
        return nil
    }

    /// 数 before a unit (数十, 数百万), not in 数十分之一.
    private func readShu(at k: Int, into r: inout NumeralReading) -> Int? {
        guard r.last == .none, let next = at(k + 1), NumberCharacters.smallUnit(next) != nil || NumberCharacters.bigUnitExponent(next) != nil,
            !(at(k + 2) == "分" && at(k + 3) == "之")
        else { return nil }
        r.leadingShu = true
        return r.takeVagueDigit(1, at: k)
    }

    // MARK: - The value

    /// The numeral a finished reading stands for, or nil when it is none.
    private func finish(_ reading: NumeralReading, skip: Int) -> WrittenNumberRead? {
        var r = reading
        let start = r.start
        guard r.tokenCount > 0, r.end > start else { return nil }
        // A lone 百 or 千 is not a number (百姓, 千家万户); 百三, 百万, 百余 are.
        if let bare = r.onlyBareUnit, r.tokenCount == 1, !r.approximate, bare >= 100 { return nil }
        // Abbreviation: 一万三 = 13000, 两千四百五 = 2450: a final digit right after a unit counts in
        // tenths of that unit. A final 两 after a unit is the weight unit (三千两百两).
        if !r.wholeOnly, r.pendingKind == .chineseDigit, let unit = r.lastUnit, !r.zeroGap,
            r.tokenBeforePending == .small || r.tokenBeforePending == .big, unit >= 100 || NumberCharacters.isTwoForm(r.pendingScalar)
        {
            if NumberCharacters.isTwoForm(r.pendingScalar) && r.pairAt == nil {
                r.pending = nil
                r.end = r.pendingStart
                while r.end > start && text[r.end - 1] == " " { r.end -= 1 }
            } else {
                r.pending = r.pending! * unit / 10
            }
        }
        var value = r.section + (r.pending ?? 0) + r.tail
        for group in r.groups { value += group.value }
        var numeral = WrittenNumber(range: start..<r.end, value: value)
        numeral.hasChinese = r.hasChinese
        numeral.hasArabic = r.hasArabic
        numeral.isInteger = r.isInteger && r.tail.isZero
        numeral.approximate = r.approximate ? "more than" : nil
        numeral.startsWithZero = r.startsWithZero
        numeral.arabicIntegerDigits = r.hasChinese ? 0 : r.arabicDigits
        numeral.hasBigUnit = !r.groups.isEmpty
        if r.end - start == 1 && r.hasChinese { numeral.loneCharacter = text[start] }
        if r.groups.count == 1, r.section.isZero, r.pending == nil, r.tail.isZero { numeral.soleScale = r.groups[0].scale }
        // 数 + scales only (数十亿, 数百万): from one to ten of the scale, a range rather than a lower bound.
        if r.leadingShu, r.pairAt == nil, (start + 1..<r.end).allSatisfy({ NumberCharacters.smallUnit(text[$0]) != nil
            || NumberCharacters.bigUnitExponent(text[$0]) != nil || text[$0] == " " })
        {
            numeral.high = value * 10
            numeral.approximate = nil
        }
        if let pairAt = r.pairAt, skip < 0, case .numeral(let low)? = general(at: start, skip: pairAt),
            low.range.upperBound == r.end || (low.range.upperBound == pairAt && pairAt == r.end - 1)
        {
            numeral.high = value
            numeral.value = low.value
        }
        return .numeral(numeral)
    }
}
