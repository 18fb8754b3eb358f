import Foundation

/// Core figures: a numeral and what follows it (ordinals, percentages, fractions, 成, 折, dozens), and the
/// forms that start with a word (第, 百分之, 零下, 半).
extension NumberScanner {
    // MARK: - Core figures

    /// A figure without ranges and comparatives, or nothing when an exception word covers it.
    func core(at i: Int, parser: WrittenNumberParser) -> Outcome? {
        guard i < text.count else { return nil }
        let outcome = bareCore(at: i, parser: parser)
        if case .figure(let figure)? = outcome,
            words.isException(in: text, start: figure.range.lowerBound, end: figure.range.upperBound,
                              unit: figure.unit != nil && figure.extent > figure.range.upperBound ? figure.range.upperBound..<figure.extent : nil)
        {
            return .skip(figure.range.upperBound)
        }
        return outcome
    }

    func bareCore(at i: Int, parser: WrittenNumberParser) -> Outcome? {
        let c = text[i]
        if let symbol = words.symbols.longestMatch(in: text, at: i) { return money(symbol: symbol.value, at: i, after: symbol.end, parser: parser) }
        switch c {
        case "第": return ordinal(at: i, parser: parser)
        case "百", "佰", "千", "仟", "万", "萬", "亿", "億":
            if let figure = perUnit(at: i, parser: parser) { return .figure(figure) }
            if let figure = bareUnit(at: i, parser: parser) { return .figure(figure) }
        case "半": return half(at: i)
        case "对", "對":
            if at(i - 1) == "打", at(i + 1) == "折" {
                var figure = FigureDraft(range: i..<(i + 2), kind: .percentage, value: 50)
                figure.unit = "%"
                return .figure(figure)
            }
            return nil
        case "零":
            if at(i + 1) == "下", let figure = belowZero(at: i, parser: parser) { return .figure(figure) }
        default: break
        }
        if let figure = discountPair(at: i) { return .figure(figure) }
        // 一A一B (一心一意, 一村一品, 一户一策): a fixed pattern, not two counts.
        if c == "一", at(i + 2) == "一", let a = at(i + 1), let b = at(i + 3), CharacterClass.isHan(a), CharacterClass.isHan(b),
            !NumberCharacters.isNumeral(a), !NumberCharacters.isNumeral(b), !isCurrency(at: i + 3)
        {
            return .skip(i + 4)
        }
        guard let read = parser.read(at: i) else { return nil }
        switch read {
        case .reject(let next): return .skip(next)
        case .numeral(let numeral): return afterNumeral(numeral, parser: parser)
        }
    }

    func isCurrency(at i: Int) -> Bool {
        if case .currency? = words.units.longestMatch(in: text, at: i)?.value.category { return true }
        return false
    }

    /// 第 + numeral: an ordinal (第二十次, 第3万). 第零十 is not one.
    func ordinal(at i: Int, parser: WrittenNumberParser) -> Outcome? {
        guard case .numeral(let numeral)? = parser.read(at: i + 1, allowSign: false), numeral.isInteger, !numeral.startsWithZero,
            numeral.value > 0
        else { return nil }
        if let next = at(numeral.range.upperBound), CharacterClass.isASCIILetter(next) { return .skip(skipIdentifier(at: numeral.range.upperBound)) }
        var figure = FigureDraft(range: i..<numeral.range.upperBound, kind: .ordinal, value: numeral.value)
        figure.numeral = numeral
        attachUnit(&figure, at: numeral.range.upperBound, allowMoney: false)
        return .figure(figure)
    }

    /// 百分之N, 千分之N, 万分之N, 百万分之N: percentages (value in percent).
    func perUnit(at i: Int, parser: WrittenNumberParser) -> FigureDraft? {
        var j = i
        var exponent = 0  // of the denominator; Decimal arithmetic waits until 分之 is found
        var units = 0
        while true {
            let k = units == 0 ? j : skipSpaces(j)
            guard let c = at(k) else { break }
            if let u = NumberCharacters.smallUnit(c), u >= 100 {
                exponent += u == 100 ? 2 : 3
            } else if let e = NumberCharacters.bigUnitExponent(c), e <= 8 {
                exponent += e
            } else {
                break
            }
            units += 1
            j = k + 1
            // 百万分之 has two scales; a longer run is not a denominator, and reading it all at every
            // position of the run would make the scan quadratic.
            if units > 3 { return nil }
        }
        guard units > 0, let after = matchSpaced([["分"], ["之"]], at: j) else { return nil }
        let denominator = NumberCharacters.power(exponent)
        let start = skipSpaces(after)
        let numerator: WrittenNumber
        if case .numeral(let n)? = parser.read(at: start) {
            numerator = n
        } else if let c = at(start), c == "百" || c == "佰" {
            numerator = WrittenNumber(range: start..<(start + 1), value: 100)  // 百分之百
        } else {
            return nil
        }
        var figure = FigureDraft(range: i..<numerator.range.upperBound, kind: .percentage, value: numerator.value, numeral: numerator)
        figure.numeral = nil
        if denominator != 100, let factor = FigureDecimal.divide(100, denominator) { figure.scale(by: factor) }
        figure.unit = "%"
        return figure
    }

    /// Scales without digits after 上, 近, 逾, 过, 超, 破 (上千名: more than 1000, 近万人: nearly 10000),
    /// 约 (about), and 足, 达, 至 (不足千元, 达万人), where the word before says the rest.
    /// A big scale alone followed by 余 is "more than" it too (万余名).
    func bareUnit(at i: Int, parser: WrittenNumberParser) -> FigureDraft? {
        let before = at(i - 1).flatMap { "上近逾过超破足达至约".unicodeScalars.contains($0) ? $0 : nil }
        let scaleThenYu = at(i).flatMap(NumberCharacters.bigUnitExponent) != nil && (at(i + 1) == "余" || at(i + 1) == "餘")
        guard before != nil || scaleThenYu, parser.read(at: i) == nil else { return nil }
        // A run of scales multiplies: 破万亿 is 10^12, 上百万 10^6.
        var value = Decimal(1)
        var end = i
        while let c = at(end) {
            if let u = NumberCharacters.smallUnit(c), end == i {
                value *= Decimal(u)
            } else if let e = NumberCharacters.bigUnitExponent(c), e <= 8 {
                value *= NumberCharacters.power(e)
            } else {
                break
            }
            end += 1
            // 上百万亿 at most: a longer run is no number, and the bound keeps the scan of one linear.
            if end - i > 3 { return nil }
        }
        guard end > i else { return nil }
        var figure = FigureDraft(range: i..<end, kind: .number, value: value)
        if before == nil {
            guard at(end) == "余" || at(end) == "餘" else { return nil }
            figure.range = i..<(end + 1)
            figure.extent = end + 1
            figure.approximate = "more than"
            attachUnit(&figure, at: end + 1, allowMoney: true)
            return figure
        }
        switch before {
        case "近": figure.approximate = "less than"
        case "约": figure.approximate = "about"
        case "足", "达", "至": break
        default: figure.approximate = "more than"
        }
        attachUnit(&figure, at: end, allowMoney: true)
        return figure
    }

    /// 半: 半成 (5%), 半折 (50%), 半百 (50), 半 + classifier (半个, 半斤).
    func half(at i: Int) -> Outcome? {
        guard let next = at(i + 1) else { return nil }
        var figure: FigureDraft
        switch next {
        case "成":
            figure = FigureDraft(range: i..<(i + 2), kind: .percentage, value: 5)
            figure.unit = "%"
        case "折":
            figure = FigureDraft(range: i..<(i + 2), kind: .percentage, value: 50)
            figure.unit = "%"
        case "百":
            figure = FigureDraft(range: i..<(i + 2), kind: .number, value: 50)
        default:
            figure = FigureDraft(range: i..<(i + 1), kind: .number, value: Decimal(string: "0.5")!)
            attachUnit(&figure, at: i + 1, allowMoney: true)
            guard figure.unit != nil else { return nil }
        }
        return .figure(figure)
    }

    /// 零下N度: a negative temperature, unit in the span.
    func belowZero(at i: Int, parser: WrittenNumberParser) -> FigureDraft? {
        guard case .numeral(let numeral)? = parser.read(at: i + 2, allowSign: false),
            let unit = words.units.longestMatch(in: text, at: numeral.range.upperBound),
            unit.value.category == .spanned || unit.value.word == "度"
        else { return nil }
        var figure = FigureDraft(range: i..<unit.end, kind: .number, value: -numeral.value)
        figure.unit = unit.value.word
        return figure
    }

    /// Two single digits before 折 (三八折, 九 九 折, 7 2 折): a two-digit discount.
    func discountPair(at i: Int) -> FigureDraft? {
        func single(_ k: Int) -> Int? {
            guard let c = at(k) else { return nil }
            if let d = NumberCharacters.plainDigit(c), !NumberCharacters.isZero(c) { return d }
            if CharacterClass.isASCIIDigit(c), c != "0", !(at(k + 1).map(CharacterClass.isASCIIDigit) ?? false) { return Int(c.value - 48) }
            return nil
        }
        guard let a = single(i), !(at(i - 1).map { CharacterClass.isASCIIDigit($0) || NumberCharacters.isNumeral($0) } ?? false) else { return nil }
        let j = skipSpaces(i + 1)
        // 三八折 and 九 九 折; Arabic digits need the space (7 2 折), since 72折 is one numeral.
        guard let b = single(j), !(CharacterClass.isASCIIDigit(text[i]) && j == i + 1) else { return nil }
        let k = skipSpaces(j + 1)
        guard at(k) == "折", words.notZhe.longestMatch(in: text, at: k + 1) == nil else { return nil }
        var figure = FigureDraft(range: i..<(k + 1), kind: .percentage, value: Decimal(a * 10 + b))
        figure.unit = "%"
        return figure
    }

    // MARK: - What follows a numeral

    func afterNumeral(_ numeral: WrittenNumber, parser: WrittenNumberParser) -> Outcome? {
        let e = numeral.range.upperBound
        let start = numeral.range.lowerBound
        // A number glued to letters is part of an identifier (5G, 3D), unless the letters are a unit.
        if let next = at(e), CharacterClass.isASCIILetter(next), numeral.hasArabic {
            if let unit = words.units.longestMatch(in: text, at: e), !(at(unit.end).map(CharacterClass.isASCIILetter) ?? false) {
                // 168cm, 20kg: fall through to the unit below.
            } else {
                return .skip(skipIdentifier(at: e))
            }
        }
        if at(e) == "-", let next = at(e + 1), CharacterClass.isASCIILetter(next) { return .skip(skipIdentifier(at: e + 1)) }
        // Clock times (2:00, 14:30:05) are not figures.
        if numeral.hasArabic, numeral.isInteger, at(e) == ":", let d1 = at(e + 1), CharacterClass.isASCIIDigit(d1),
            let d2 = at(e + 2), CharacterClass.isASCIIDigit(d2)
        {
            var k = e + 3
            while at(k) == ":" || at(k).map(CharacterClass.isASCIIDigit) == true { k += 1 }
            return .skip(k)
        }
        let s = skipSpaces(e)
        // N% and N‰.
        if let c = at(s), c == "%" || c == "‰" {
            var figure = FigureDraft(range: start..<(s + 1), kind: .percentage, value: numeral.value, numeral: numeral)
            if c == "‰" { figure.scale(by: Decimal(string: "0.1")!) }
            figure.unit = "%"
            return .figure(figure)
        }
        // N个百分点.
        if let end = matchSpaced([["个", "個"], ["百"], ["分"], ["点", "點"]], at: e) ?? matchSpaced([["百"], ["分"], ["点", "點"]], at: e) {
            var figure = FigureDraft(range: start..<end, kind: .percentage, value: numeral.value, numeral: numeral)
            figure.unit = "%"
            return .figure(figure)
        }
        // X分之Y.
        if let after = matchSpaced([["分"], ["之"]], at: e), let fraction = fraction(denominator: numeral, numeratorAt: skipSpaces(after), parser: parser) {
            return .figure(fraction)
        }
        // N又X分之Y.
        if let after = matchSpaced([["又"]], at: e), case .numeral(let denominator)? = parser.read(at: skipSpaces(after)),
            let of = matchSpaced([["分"], ["之"]], at: denominator.range.upperBound),
            var fraction = fraction(denominator: denominator, numeratorAt: skipSpaces(of), parser: parser)
        {
            fraction.value = numeral.negative ? numeral.value - fraction.value : numeral.value + fraction.value
            fraction.value = FigureDecimal.rounded(fraction.value, significantDigits: FigureDecimal.divisionDigits)
            fraction.range = start..<fraction.range.upperBound
            return .figure(fraction)
        }
        // 2019/2020, 2019/20 (a season, a school year): two consecutive years, no fraction.
        if numeral.hasArabic, !numeral.hasChinese, numeral.isInteger, numeral.range.count == 4, at(e) == "/", (1000...2100).contains(numeral.value),
            case .numeral(let next)? = parser.read(at: e + 1, allowSign: false), next.hasArabic, next.isInteger,
            next.range.count == 4 ? next.value == numeral.value + 1 : next.range.count == 2 && next.value == Decimal((NSDecimalNumber(decimal: numeral.value).intValue + 1) % 100)
        {
            return .skip(next.range.upperBound)
        }
        // Arabic fractions: 3/5, -3/2, 1 3/5.
        if let figure = arabicFraction(numeral) { return .figure(figure) }
        // N成, N成半, 七成六.
        if at(s) == "成", let figure = tenths(numeral, at: s) { return .figure(figure) }
        // N折.
        if at(s) == "折", let figure = discount(numeral, at: s) { return .figure(figure) }
        // Years are dates (2021年, 一九九八年).
        if at(e) == "年", numeral.isInteger, numeral.arabicIntegerDigits == 4 || (numeral.isDigitString && numeral.range.count == 4) {
            return .skip(e + 1)
        }
        var figure = FigureDraft(range: numeral.range, kind: .number, value: numeral.value, numeral: numeral)
        // 两个亿, 十几个亿: a colloquial hundred million.
        if at(e) == "个" || at(e) == "個", at(e + 1) == "亿" || at(e + 1) == "億" {
            figure.scale(by: NumberCharacters.power(8))
            figure.range = start..<(e + 2)
            figure.extent = e + 2
            figure.numeral?.soleScale = NumberCharacters.power(8)
            attachUnit(&figure, at: e + 2, allowMoney: true)
            return .figure(figure)
        }
        // 一打, 五十打: dozens.
        if at(e) == "打", numeral.isInteger, numeral.approximate == nil, !numeral.negative,
            at(e + 1).map({ !CharacterClass.isHan($0) }) ?? true
                || (numeral.loneCharacter != "一" && words.notDozen.longestMatch(in: text, at: e + 1) == nil)
        {
            figure.scale(by: 12)
            figure.range = start..<(e + 1)
            figure.extent = e + 1
            figure.unit = "打"
            return .figure(figure)
        }
        // Ordinals without 第: 十八届, 十九大, 三中全会.
        if numeral.hasChinese, !numeral.hasArabic, numeral.isInteger, numeral.high == nil, let ordinal = bareOrdinal(&figure, numeral) {
            return ordinal
        }
        // 二十来岁, 200来块: 来 between a round number and its unit means "about".
        if at(e) == "来", numeral.isInteger, numeral.approximate == nil, let last = at(e - 1), "十百千万0".unicodeScalars.contains(last),
            words.units.longestMatch(in: text, at: e + 1) != nil
        {
            attachUnit(&figure, at: e + 1, allowMoney: true)
            if figure.unit != nil || figure.kind == .money {
                figure.approximate = "about"
                return .figure(figure)
            }
        }
        // 80后, 00后: a generation, not a number.
        if numeral.hasArabic, !numeral.hasChinese, numeral.isInteger, numeral.range.count == 2, at(e) == "后" || at(e) == "後" { return .skip(e + 1) }
        attachUnit(&figure, at: e, allowMoney: true)
        // 一件件, 一个个: a repeated classifier means "one after another", not one.
        if numeral.loneCharacter == "一", figure.unit != nil, figure.extent == e + 1, at(e + 1) == at(e) { return .skip(e + 2) }
        // 这一天, 下一步, 每一个: after a demonstrative, 一 and its classifier are an article, not a count.
        if numeral.loneCharacter == "一", figure.kind == .number, figure.interval == nil, let next = at(e), CharacterClass.isHan(next),
            words.articleContexts.longestMatch(in: text, endingAt: start) != nil
        {
            return .skip(e)
        }
        // A lone 一, 两, 零 or capital numeral followed by another Han character is part of a word
        // (一看, 两岸, 零售, 陆续) unless a classifier follows or 是/为 comes before it.
        if let lone = numeral.loneCharacter, figure.unit == nil, figure.kind == .number, figure.interval == nil,
            NumberCharacters.needsContextAlone(lone), let next = at(e), CharacterClass.isHan(next),
            words.loneContexts.longestMatch(in: text, endingAt: start) == nil,
            !((next == "到" || next == "至") && at(e + 1).map(NumberCharacters.isNumeral) == true),
            words.comparisonSuffixes.longestMatch(in: text, at: e) == nil
        {
            return .skip(e)
        }
        return .figure(figure)
    }

    /// Y ÷ X for X分之Y (spaces allowed, Y may be negative). Kind fraction.
    func fraction(denominator: WrittenNumber, numeratorAt j: Int, parser: WrittenNumberParser) -> FigureDraft? {
        guard case .numeral(let numerator)? = parser.read(at: j), !denominator.value.isZero,
            let value = FigureDecimal.divide(numerator.value, denominator.value)
        else { return nil }
        return FigureDraft(range: denominator.range.lowerBound..<numerator.range.upperBound, kind: .fraction, value: value)
    }

    /// a/b with Arabic integers, and the mixed form `1 3/5`.
    func arabicFraction(_ numeral: WrittenNumber) -> FigureDraft? {
        guard numeral.hasArabic, !numeral.hasChinese else { return nil }
        let e = numeral.range.upperBound
        func integer(at k: Int) -> (Decimal, Int)? {
            var j = k
            var digits = ""
            while let c = at(j), CharacterClass.isASCIIDigit(c) {
                digits.unicodeScalars.append(c)
                j += 1
            }
            guard !digits.isEmpty, let value = Decimal(string: digits) else { return nil }
            return (value, j)
        }
        func notDate(_ end: Int) -> Bool {
            !(at(end) == "/" || at(end) == "." || at(end).map(CharacterClass.isASCIIDigit) == true)
        }
        let previous = at(numeral.range.lowerBound - 1)
        if previous == "/" { return nil }
        if at(e) == "/", numeral.isInteger, let (b, end) = integer(at: e + 1), notDate(end), !b.isZero {
            guard let value = FigureDecimal.divide(numeral.value, b) else { return nil }
            return FigureDraft(range: numeral.range.lowerBound..<end, kind: .fraction, value: value)
        }
        // 1 3/5: a whole number, one or more spaces, a fraction.
        if at(e) == " ", numeral.isInteger {
            let k = skipSpaces(e)
            if let (a, slash) = integer(at: k), at(slash) == "/", let (b, end) = integer(at: slash + 1), notDate(end), !b.isZero,
                let part = FigureDecimal.divide(a, b)
            {
                let value = FigureDecimal.rounded(numeral.negative ? numeral.value - part : numeral.value + part,
                                                  significantDigits: FigureDecimal.divisionDigits)
                return FigureDraft(range: numeral.range.lowerBound..<end, kind: .fraction, value: value)
            }
        }
        return nil
    }

    /// N成 = N × 10%, with 成半 (+5) and 七成六 (+6).
    func tenths(_ numeral: WrittenNumber, at e: Int) -> FigureDraft? {
        guard numeral.value > 0, numeral.value <= 10, words.notCheng.longestMatch(in: text, at: e + 1) == nil else { return nil }
        var figure = FigureDraft(range: numeral.range.lowerBound..<(e + 1), kind: .percentage, value: numeral.value, numeral: numeral)
        figure.scale(by: 10)
        figure.unit = "%"
        if at(e + 1) == "半" {
            figure.value += 5
            figure.range = figure.range.lowerBound..<(e + 2)
        } else {
            let k = skipSpaces(e + 1)
            // 七成六: a digit for the percent, when nothing but 的 or a non-Han character follows it.
            if let c = at(k), let d = NumberCharacters.plainDigit(c) ?? (CharacterClass.isASCIIDigit(c) ? Int(c.value - 48) : nil), d > 0,
                figure.interval == nil, numeral.isInteger, numeral.value < 10,
                at(k + 1).map({ !(CharacterClass.isHan($0) || CharacterClass.isASCIIDigit($0)) || $0 == "的" }) ?? true
            {
                figure.value += Decimal(d)
                figure.range = figure.range.lowerBound..<(k + 1)
            }
        }
        figure.extent = figure.range.upperBound
        return figure
    }

    /// N折: a discount in percent (九折 90%, 9.9折 99%, 75折 75%). 十折 is not one.
    func discount(_ numeral: WrittenNumber, at s: Int) -> FigureDraft? {
        guard words.notZhe.longestMatch(in: text, at: s + 1) == nil, numeral.value > 0, !numeral.negative else { return nil }
        var percent: Decimal
        if numeral.value < 10 {
            percent = numeral.value * 10
        } else if numeral.isInteger, numeral.value < 100, numeral.arabicIntegerDigits == 2 {
            percent = numeral.value
        } else {
            return nil
        }
        var figure = FigureDraft(range: numeral.range.lowerBound..<(s + 1), kind: .percentage, value: percent)
        if let high = numeral.high, high < 10 { figure.interval = .init(low: percent, lowClosed: true, high: high * 10, highClosed: true) }
        figure.unit = "%"
        return figure
    }

    /// 十八届 (the 18th), 十九大 (the 19th party congress), 三中全会 (third plenary session).
    func bareOrdinal(_ figure: inout FigureDraft, _ numeral: WrittenNumber) -> Outcome? {
        let e = numeral.range.upperBound
        let start = numeral.range.lowerBound
        guard numeral.value >= 1, numeral.value <= 99, !numeral.isDigitString else { return nil }
        var unitEnd: Int?
        var unit = ""
        if at(e) == "届" || at(e) == "屆" {
            unitEnd = e + 1
            unit = "届"
        } else if matches("中全会", at: e) {
            unitEnd = e + 3
            unit = "中全会"
        } else if at(e) == "大" {
            let context = words.congressContexts.longestMatch(in: text, endingAt: start) != nil
            let written = numeral.range.count >= 2 && numeral.value >= 11 && numeral.value <= 30
            let follower = at(e + 1).map { !CharacterClass.isHan($0) } ?? true
                || words.congressFollowers.longestMatch(in: text, at: e + 1) != nil
            if context || (written && follower), !(at(e + 1).map { NumberCharacters.isNumeral($0) } ?? false) {
                unitEnd = e + 1
                unit = "大"
            }
        }
        guard let unitEnd else { return nil }
        figure.kind = .ordinal
        figure.unit = unit
        figure.unitCategory = .classifier
        figure.extent = unitEnd
        figure.phraseEnd = unitEnd
        figure.approximate = nil
        return .figure(figure)
    }
}
