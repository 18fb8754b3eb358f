import Foundation

/// Units after a figure: currencies and their subunits (五元三角, 三块五, 两毛五), colloquial yuan (块),
/// classifiers, measures and time units, and currency signs before an amount.
extension NumberScanner {
    /// Attaches what follows the number: a currency (money; the span grows), a unit that belongs to the
    /// span (℃), or a classifier, measure or time unit (the `unit` attribute and the phrase).
    func attachUnit(_ figure: inout FigureDraft, at e: Int, allowMoney: Bool) {
        var unitMatch = words.units.longestMatch(in: text, at: e)
        if unitMatch == nil, at(e) == " ", let spaced = words.units.longestMatch(in: text, at: skipSpaces(e)),
            case .currency = spaced.value.category
        {
            unitMatch = spaced
        }
        // 五毛钱, 5分钱, 十美分, 两毛五: an amount in a subunit.
        if allowMoney, figure.kind == .number, let sub = words.subunits.longestMatch(in: text, at: e),
            var value = FigureDecimal.divide(figure.value, sub.value.divisor)
        {
            var end: Int?
            if at(sub.end) == "钱" {
                end = sub.end + 1
            } else if sub.end - e > 1 {
                // 美分, 欧分 name nothing else; 角, 毛 and 分 alone are also corners, hair and points.
                end = sub.end
            } else if sub.value.divisor == 10, let (tail, tailEnd) = trailingDigit(at: sub.end, in: sub.value.divisor * 10) {
                // 两毛五, 五角五: a last digit in the next subunit.
                value += tail
                end = tailEnd
            } else if sub.value.divisor == 10, case .numeral(let cents)? = parser.read(at: sub.end, allowSign: false), cents.isInteger,
                cents.value < 10, let next = words.subunits.longestMatch(in: text, at: cents.range.upperBound),
                next.value.currency == sub.value.currency, next.value.divisor == 100, let part = FigureDecimal.divide(cents.value, 100)
            {
                // 两角五分: tenths and hundredths together are money.
                value += part
                end = next.end + (at(next.end) == "钱" ? 1 : 0)
            } else if sub.value.divisor == 10, figure.numeral?.hasChinese == false, !(at(sub.end).map(CharacterClass.isHan) ?? false) {
                // 2角, 5毛: digits before 角 or 毛 at the end of a phrase are money (三角 is a triangle).
                end = sub.end
            }
            if let end {
                figure.kind = .money
                figure.currency = sub.value.currency
                figure.value = value
                figure.unit = String(String.UnicodeScalarView(text[e..<sub.end]))
                figure.range = figure.range.lowerBound..<end
                figure.extent = end
                return
            }
        }
        guard let unit = unitMatch else { return }
        // An ASCII unit must not run into more letters (5 m vs 5 min).
        if let last = at(unit.end - 1), CharacterClass.isASCIILetter(last), let next = at(unit.end), CharacterClass.isASCIILetter(next) { return }
        switch unit.value.category {
        case .currency(let code):
            guard allowMoney, figure.kind == .number else { return }
            figure.kind = .money
            figure.currency = code
            figure.unit = unit.value.word
            var end = unit.end
            end = subunits(&figure, currency: code, at: end)
            figure.range = figure.range.lowerBound..<end
            figure.extent = end
        case .spanned:
            figure.unit = unit.value.word
            figure.range = figure.range.lowerBound..<unit.end
            figure.extent = unit.end
        case .classifier where (unit.value.word == "块" || unit.value.word == "塊") && allowMoney && figure.kind == .number
            && (at(unit.end).map { !CharacterClass.isHan($0) || NumberCharacters.plainDigit($0) != nil } ?? true):
            // 三块, 三块五: colloquial yuan when no noun follows.
            figure.kind = .money
            figure.currency = "CNY"
            figure.unit = unit.value.word
            let end = subunits(&figure, currency: "CNY", at: unit.end)
            figure.range = figure.range.lowerBound..<end
            figure.extent = end
        case .classifier, .measure, .time:
            // A one-character classifier that begins a word is no classifier (3支持 → 支持).
            if unit.end - e == 1, let other = words.notClassifier.longestMatch(in: text, at: e), other.end > unit.end { return }
            figure.unit = unit.value.word
            figure.unitCategory = unit.value.category
            figure.extent = unit.end
            // A time unit makes a duration (a date rule's business), not a counted phrase.
            if unit.value.category != .time { figure.phraseEnd = unit.end }
        }
    }

    /// 五元三毛, 50元6角三分, 两美元又三美分, 壹拾壹元整: amounts in the currency's subunits.
    func subunits(_ figure: inout FigureDraft, currency: String, at start: Int) -> Int {
        var end = start
        var j = start
        if at(j) == "又" { j += 1 }
        var previousDivisor = Decimal(1)
        let parser = self.parser
        while case .numeral(let numeral)? = parser.read(at: j, allowSign: false), numeral.isInteger, numeral.value < 10,
            let unit = words.subunits.longestMatch(in: text, at: numeral.range.upperBound),
            unit.value.currency == currency, unit.value.divisor > previousDivisor,
            (words.units.longestMatch(in: text, at: numeral.range.upperBound)?.end ?? 0) <= unit.end,
            let part = FigureDecimal.divide(numeral.value, unit.value.divisor)
        {
            figure.value += part
            previousDivisor = unit.value.divisor
            end = unit.end + (at(unit.end) == "钱" ? 1 : 0)
            j = end
        }
        // 三块五, 两元八, 一块五毛五: a last digit in the next subunit (tenths, then hundredths).
        if end == start || previousDivisor == 10, currency == "CNY", let (tail, tailEnd) = trailingDigit(at: end, in: previousDivisor * 10) {
            figure.value += tail
            end = tailEnd
        } else if end == start, currency == "CNY", at(end) == "零", let (tail, tailEnd) = trailingDigit(at: end + 1, in: 100) {
            // 三块零四: no tenths, four hundredths.
            figure.value += tail
            end = tailEnd
        }
        // 元整, 圆正 on cheques: amounts in capital numerals, or at the end of a clause.
        if end == start, let c = at(end), c == "整" || c == "正",
            !(at(end + 1).map(CharacterClass.isHan) ?? false) || text[figure.range].contains(where: NumberCharacters.isCapital)
        {
            end += 1
        }
        return end
    }

    /// A lone digit after an amount that stands for the next subunit (the 五 of 三块五 and 两毛五): its value
    /// in the currency (`digit / divisor`) and where it ends (钱 included). Nil when more digits, a point,
    /// a letter or a unit follow: then it starts a number of its own.
    func trailingDigit(at k: Int, in divisor: Decimal) -> (Decimal, Int)? {
        guard let c = at(k), let d = NumberCharacters.plainDigit(c) ?? CharacterClass.asciiDigitValue(c), d > 0,
            !(at(k + 1).map { NumberCharacters.isNumeral($0) || CharacterClass.isASCIIAlphanumeric($0) || NumberCharacters.isPoint($0) } ?? false),
            words.units.longestMatch(in: text, at: k + 1) == nil || at(k + 1) == "钱",
            let value = FigureDecimal.divide(Decimal(d), divisor)
        else { return nil }
        return (value, k + 1 + (at(k + 1) == "钱" ? 1 : 0))
    }

    /// Money written with a sign first: $20, ￥300, US$5亿.
    func money(symbol code: String, at i: Int, after: Int, parser: WrittenNumberParser) -> Outcome? {
        let j = skipSpaces(after)
        guard case .numeral(let numeral)? = parser.read(at: j), !numeral.isDigitString else { return nil }
        var figure = FigureDraft(range: i..<numeral.range.upperBound, kind: .money, value: numeral.value, numeral: numeral)
        figure.currency = code
        figure.unit = String(String.UnicodeScalarView(text[i..<after]))
        // ￥300元: a currency word after the amount joins the span.
        if let unit = words.units.longestMatch(in: text, at: numeral.range.upperBound), case .currency = unit.value.category {
            figure.range = i..<unit.end
            figure.extent = unit.end
        }
        return .figure(figure)
    }
}
