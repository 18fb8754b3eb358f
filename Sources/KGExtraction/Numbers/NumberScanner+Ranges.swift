import Foundation

/// Ranges (X至Y, X-Y, 在X和Y之间), comparatives (超过N, N以上, 大于X小于Y) and approximation words around a
/// figure: the productions that combine figures or bound one.
extension NumberScanner {
    // MARK: - FigureDraft with ranges, comparatives and approximations

    func figure(at i: Int, floor: Int, parser: WrittenNumberParser) -> Outcome? {
        let outcome = core(at: i, parser: parser)
        guard case .figure(var figure)? = outcome else { return outcome }
        if let combined = between(figure, floor: floor, parser: parser) { return .figure(combined) }
        if let combined = connectedRange(figure, parser: parser) { figure = combined }
        if let compared = comparison(figure, floor: floor, parser: parser) { return .figure(compared) }
        applyApproximation(&figure, floor: floor)
        return .figure(figure)
    }

    /// 在第十和第十五之间, 10000与20000之间, 位于20和30之间: a closed range.
    func between(_ first: FigureDraft, floor: Int, parser: WrittenNumberParser) -> FigureDraft? {
        let afterFirst = first.unit != nil ? first.extent : first.range.upperBound
        guard let connector = matchSpaced([["和", "与", "與", "跟", "及", "至", "到", "-", "~", "—", "–", "～"]], at: afterFirst),
            case .figure(let second)? = core(at: skipSpaces(connector), parser: parser)
        else { return nil }
        var end: Int?
        for position in [second.range.upperBound, second.extent] {
            let afterSecond = skipSpaces(position)
            if matches("之间", at: afterSecond) || matches("之間", at: afterSecond) {
                end = afterSecond + 2
            } else if at(afterSecond) == "间" || at(afterSecond) == "間" {
                end = afterSecond + 1
            }
            if end != nil { break }
        }
        guard let end else { return nil }
        guard var combined = rangeOf(first, second) else { return nil }
        var start = first.range.lowerBound
        let before = backOverSpaces(start, floor: floor)
        if before - 1 >= floor, at(before - 1) == "在" {
            start = before - 1
        } else if before - 2 >= floor, matches("位于", at: before - 2) || matches("介于", at: before - 2) {
            start = before - 2
        }
        combined.range = start..<end
        combined.extent = end
        combined.phraseEnd = nil
        return combined
    }

    func backOverSpaces(_ i: Int, floor: Int) -> Int {
        var j = i
        while j > floor, at(j - 1) == " " { j -= 1 }
        return j
    }

    /// X至Y, X到Y, X-Y, X~Y.
    func connectedRange(_ first: FigureDraft, parser: WrittenNumberParser) -> FigureDraft? {
        guard first.interval == nil, first.kind != .fraction else { return nil }
        let afterFirst = first.unit != nil ? first.extent : first.range.upperBound
        var j = skipSpaces(afterFirst)
        guard let c = at(j) else { return nil }
        let isDash = c == "-" || c == "—" || c == "–" || c == "~" || c == "〜" || c == "～"
        guard isDash || c == "至" || c == "到" else { return nil }
        if !isDash && j != afterFirst { return nil }
        j += 1
        if c == "—" || c == "-", at(j) == c { j += 1 }  // —— and -- are one dash
        j = skipSpaces(j)
        guard case .figure(let second)? = core(at: j, parser: parser), second.interval == nil else { return nil }
        if c == "-" {
            // Hyphens join numbers written with Arabic digits (5-10, 2万-8万), not Chinese numerals, and
            // not in dates or codes (2021-06-01, 010-1234).
            func arabicLed(_ n: WrittenNumber) -> Bool { n.hasArabic && !n.negative && CharacterClass.isASCIIDigit(text[n.range.lowerBound]) }
            guard let a = first.numeral, let b = second.numeral, arabicLed(a), arabicLed(b) else { return nil }
            // (10-20万元/年 is a rate: a slash before a digit is a date or a code, before a unit it is "per".)
            if let next = at(second.range.upperBound), next == "-" || next == ":" || next == "."
                || (next == "/" && at(second.range.upperBound + 1).map(CharacterClass.isASCIIDigit) != false) { return nil }
            if first.range.lowerBound >= 2, at(first.range.lowerBound - 1) == "-" || at(first.range.lowerBound - 1) == "/" { return nil }
        }
        // Years (2019-2021, 2019至2021年) are dates, not figures.
        if let a = first.numeral, let b = second.numeral, a.isInteger, b.isInteger, a.arabicIntegerDigits == 4,
            a.value >= 1000, a.value <= 2100, second.unit == "年" || (b.value >= 1000 && b.value <= 2100 && second.unit == nil)
        {
            return nil
        }
        return rangeOf(first, second)
    }

    /// The closed range from `first` to `second`, sharing the scale, unit and currency of `second`.
    func rangeOf(_ first: FigureDraft, _ second: FigureDraft) -> FigureDraft? {
        guard second.interval == nil else { return nil }
        var low = first
        // 20至30万: the first number takes the scale of the second.
        if let a = low.numeral, !a.hasBigUnit, a.soleScale == nil, let scale = second.numeral?.soleScale {
            let scaled = a.value * scale
            if scaled <= second.value { low.scale(by: scale) }
        }
        // 10-20k, 1-2w: a colloquial scale written after the second number is the first's too.
        if let a = low.numeral, let b = second.numeral, a.hasArabic, !a.hasChinese, b.hasArabic,
            let aLast = at(a.range.upperBound - 1), CharacterClass.isASCIIDigit(aLast),
            let bLast = at(b.range.upperBound - 1), bLast == "k" || bLast == "K" || bLast == "w" || bLast == "M"
        {
            let scale: Decimal = bLast == "w" ? 10_000 : bLast == "M" ? 1_000_000 : 1_000
            if a.value * scale <= second.value { low.scale(by: scale) }
        }
        var kind = second.kind
        switch (low.kind, second.kind) {
        case (.number, .percentage), (.number, .money):
            guard low.unit == nil else { return nil }
        case (.number, .number), (.percentage, .percentage), (.money, .money), (.ordinal, .ordinal):
            break
        case (.percentage, .number):
            guard second.unit == nil else { return nil }
            kind = .percentage
        default:
            return nil
        }
        if let unit = low.unit, unit != second.unit { return nil }
        // 1-6月, 3至5日: parts of dates.
        if second.unitCategory == .time, let unit = second.unit, ["月", "日", "号", "时", "点钟"].contains(unit) { return nil }
        if let a = low.currency, let b = second.currency, a != b { return nil }
        let lowValue = low.interval?.low ?? low.value
        let highValue = second.interval?.high ?? second.value
        guard lowValue < highValue else { return nil }
        var result = FigureDraft(range: first.range.lowerBound..<second.range.upperBound, kind: kind, value: lowValue)
        result.interval = .init(low: lowValue, lowClosed: true, high: highValue, highClosed: true)
        result.extent = max(second.extent, second.range.upperBound)
        result.unit = second.unit ?? (kind == .percentage ? "%" : low.unit)
        result.unitCategory = second.unitCategory
        result.currency = second.currency ?? low.currency
        result.phraseEnd = second.phraseEnd
        return result
    }

    /// Comparatives: 超过N, 不少于N, N以上, 大于X小于Y, 比N大. The words join the span.
    func comparison(_ figure: FigureDraft, floor: Int, parser: WrittenNumberParser) -> FigureDraft? {
        guard figure.interval == nil, figure.kind != .ordinal else { return nil }
        var start = figure.range.lowerBound
        var relation: NumberWords.Comparison?
        var end = figure.range.upperBound
        let before = backOverSpaces(figure.range.lowerBound, floor: floor)
        if let prefix = words.comparisonPrefixes.longestMatch(in: text, endingAt: before, floor: floor) {
            relation = prefix.value
            start = prefix.start
        } else if before - 1 >= floor, at(before - 1) == "比" {
            let j = skipSpaces(figure.unit != nil ? figure.extent : figure.range.upperBound)
            switch at(j) {
            case "大", "高", "多": relation = .gt
            case "小", "低", "少": relation = .lt
            default: break
            }
            if relation != nil {
                start = before - 1
                end = j + 1
            }
        }
        var extent = max(figure.extent, end)
        if relation == nil {
            let j = skipSpaces(figure.unit != nil ? figure.extent : figure.range.upperBound)
            if let suffix = words.comparisonSuffixes.longestMatch(in: text, at: j) {
                relation = suffix.value
                end = suffix.end
                extent = suffix.end
            }
        }
        guard let relation else { return nil }
        var result = figure
        result.range = start..<end
        result.extent = extent
        result.approximate = nil
        if figure.unit != nil && end > figure.extent { result.phraseEnd = nil }
        let v = figure.value
        switch relation {
        case .gt: result.interval = .init(low: v, lowClosed: false, high: nil, highClosed: false)
        case .ge: result.interval = .init(low: v, lowClosed: true, high: nil, highClosed: false)
        case .lt: result.interval = .init(low: nil, lowClosed: false, high: v, highClosed: false)
        case .le: result.interval = .init(low: nil, lowClosed: false, high: v, highClosed: true)
        }
        if result.kind == .percentage && result.unit == nil { result.unit = "%" }
        // 大于X小于Y, X以上Y以下, 最多X最少Y: two bounds.
        var k = extent
        while let c = at(k), c == " " || c == "," || c == "、" { k += 1 }
        if let joiner = ["并且", "而且", "的同时", "同时", "并", "且", "而"].first(where: { matches($0, at: k) }) {
            k = skipSpaces(k + joiner.unicodeScalars.count)
        }
        if let other = secondBound(at: k, parser: parser), other.relation.isLowerBound != relation.isLowerBound,
            other.figure.kind == figure.kind
        {
            let (lowRelation, lowValue, highRelation, highValue) = relation.isLowerBound
                ? (relation, v, other.relation, other.figure.value) : (other.relation, other.figure.value, relation, v)
            if lowValue < highValue {
                result.interval = .init(low: lowValue, lowClosed: lowRelation == .ge, high: highValue, highClosed: highRelation == .le)
                result.range = start..<other.end
                result.extent = max(other.end, other.figure.extent)
                result.unit = other.figure.unit ?? result.unit
                result.phraseEnd = nil
            }
        }
        return result
    }

    /// A comparative bound starting at `j` (小于20, 20以下): its relation, figure and end.
    func secondBound(at j: Int, parser: WrittenNumberParser) -> (relation: NumberWords.Comparison, figure: FigureDraft, end: Int)? {
        // 比N大 / 比N小.
        if at(j) == "比", case .figure(let figure)? = core(at: skipSpaces(j + 1), parser: parser) {
            let k = skipSpaces(figure.unit != nil ? figure.extent : figure.range.upperBound)
            switch at(k) {
            case "大", "高", "多": return (.gt, figure, k + 1)
            case "小", "低", "少": return (.lt, figure, k + 1)
            default: return nil
            }
        }
        // Prefix comparative: the longest word in the reversed trie that ends where a number starts.
        var k = j
        while k < text.count && k - j <= words.comparisonPrefixes.longest + 1 {
            if mayStartFigure(text[k]),
                let prefix = words.comparisonPrefixes.longestMatch(in: text, endingAt: backOverSpaces(k, floor: j), floor: j),
                prefix.start == j, case .figure(let figure)? = core(at: k, parser: parser)
            {
                return (prefix.value, figure, figure.range.upperBound)
            }
            k += 1
        }
        if case .figure(let figure)? = core(at: j, parser: parser) {
            let s = skipSpaces(figure.unit != nil ? figure.extent : figure.range.upperBound)
            if let suffix = words.comparisonSuffixes.longestMatch(in: text, at: s) { return (suffix.value, figure, suffix.end) }
        }
        return nil
    }

    /// 约, 近, 左右, 上下, 一个多月: the `approximate` attribute, outside the span.
    func applyApproximation(_ figure: inout FigureDraft, floor: Int) {
        guard figure.interval == nil, figure.approximate == nil else { return }
        if let prefix = words.approximationPrefixes.longestMatch(in: text, endingAt: figure.range.lowerBound, floor: floor) {
            // 近3年 is "the last three years", not "nearly".
            if !(prefix.value == "less than" && figure.unitCategory == .time) {
                figure.approximate = prefix.value
                return
            }
        }
        let j = figure.unit != nil ? figure.extent : figure.range.upperBound
        if let suffix = words.approximationSuffixes.longestMatch(in: text, at: j) {
            // 多/余 after a classifier (一个多月); 左右/上下/前后 after any figure.
            if suffix.value != "more than" || figure.unit != nil {
                figure.approximate = suffix.value
                figure.extent = max(figure.extent, suffix.end)
            }
        }
    }
}
