import Foundation
import KGModel

/// A figure found in normalized text.
struct FigureMatch: Sendable, Hashable {
    var range: Range<Int>
    /// Decimal string, or interval notation for ranges.
    var value: String
    /// `number`, `percentage`, `ordinal`, `fraction`, `range` or `money`.
    var kind: String
    /// `unit`, `approximate`, `currency`.
    var attributes: [String: String]
    /// The number with its classifier (`51.8万人`), when a classifier follows.
    var phrase: Range<Int>? = nil
}

/// A figure while it is being assembled.
struct FigureDraft {
    enum Kind: String { case number, percentage, ordinal, fraction, money, range }

    /// Bounds of a range; `nil` is open-ended.
    struct Interval {
        var low: Decimal?
        var lowClosed: Bool
        var high: Decimal?
        var highClosed: Bool

        var text: String {
            (lowClosed ? "[" : "(") + (low.map(FigureDecimal.string) ?? "") + "," + (high.map(FigureDecimal.string) ?? "")
                + (highClosed ? "]" : ")")
        }
    }

    /// The span the suites score: the number, plus 第, %, 成, a currency, comparatives.
    var range: Range<Int>
    /// End of everything the figure consumed, its classifier included.
    var extent: Int
    var kind: Kind
    var value: Decimal
    /// A range's bounds (三四个, 20至35, 超过10万).
    var interval: Interval?
    var unit: String?
    var unitCategory: NumberWords.UnitCategory?
    var currency: String?
    var approximate: String?
    /// End of number + classifier, when a classifier follows the span.
    var phraseEnd: Int?
    /// The numeral of a plain number, for the checks that need its form.
    var numeral: WrittenNumber?

    init(range: Range<Int>, kind: Kind, value: Decimal, numeral: WrittenNumber? = nil) {
        self.range = range
        self.extent = range.upperBound
        self.kind = kind
        self.value = value
        self.numeral = numeral
        if let numeral {
            approximate = numeral.approximate
            if let high = numeral.high { interval = Interval(low: numeral.value, lowClosed: true, high: high, highClosed: true) }
        }
    }

    /// Multiplies the value (and the bounds) by `factor`.
    mutating func scale(by factor: Decimal) {
        value *= factor
        if let i = interval {
            interval = Interval(low: i.low.map { $0 * factor }, lowClosed: i.lowClosed, high: i.high.map { $0 * factor }, highClosed: i.highClosed)
        }
    }

    var match: FigureMatch {
        var attributes: [String: String] = [:]
        if let unit { attributes[AttributeKey.unit] = unit }
        if let currency { attributes[AttributeKey.currency] = currency }
        let valueText: String
        let kindText: String
        if let interval {
            valueText = interval.text
            kindText = Kind.range.rawValue
        } else {
            valueText = FigureDecimal.string(value)
            kindText = kind.rawValue
            if let approximate { attributes[AttributeKey.approximate] = approximate }
        }
        let phrase = phraseEnd.flatMap { $0 > range.upperBound ? range.lowerBound..<$0 : nil }
        return FigureMatch(range: range, value: valueText, kind: kindText, attributes: attributes, phrase: phrase)
    }
}

/// Finds numbers and figures in normalized text, in one left-to-right pass over the scalars.
///
/// Grammar (each step tries the longest reading; see the tests for examples):
/// - numeral: Arabic (1,100.9, 2e5, 15k), Chinese (一千零十, 两万三千), capital (壹佰), traditional
///   (萬, 億, 點, 負), mixed (10.1万, 3万4000, 2千零30万), digit strings (一九九八), with 多/余/几/数 for
///   unknown digits (approximate `more than`) and adjacent digits as ranges (三四, 七八十万);
/// - figure: 第 + numeral (ordinal), numeral + 届 / N大 / N中全会 (ordinals), 百分之N, 千分之N, N%, N‰,
///   N个百分点, N成, N折 (percentages), X分之Y and N又X分之Y, a/b (fractions), numeral + currency or
///   currency sign + numeral (money, with 角/分), numeral + classifier or unit (the `unit`; the span stays
///   the number and the phrase adds the classifier);
/// - ranges: X至Y, X到Y, X-Y, X~Y (with the scale and unit of Y shared: 20至30万人), 在X和Y之间, and
///   comparatives (超过N, N以上, 大于X小于Y) as intervals;
/// - approximations outside the span (约, 近, 左右, 上下, 一个多月) as the `approximate` attribute.
/// Exception words (data: number-words.txt) and context rules keep 一些, 统一, 十分, 两岸 out.
struct NumberScanner {
    let text: [Unicode.Scalar]
    var words: NumberWords = .standard
    /// Whether the original character at a normalized position was full width (`，` vs `,`).
    var isFullWidth: ((Int) -> Bool)? = nil

    init(text: [Unicode.Scalar], words: NumberWords = .standard, isFullWidth: ((Int) -> Bool)? = nil) {
        self.text = text
        self.words = words
        self.isFullWidth = isFullWidth
    }

    private var parser: WrittenNumberParser { WrittenNumberParser(text: text, words: words, isFullWidth: isFullWidth) }

    private func at(_ i: Int) -> Unicode.Scalar? { i >= 0 && i < text.count ? text[i] : nil }

    @inline(__always)
    private func mayStartFigure(_ c: Unicode.Scalar) -> Bool { NumberCharacters.mayStartFigure(c) || words.symbolStarts.contains(c) }

    private enum Outcome {
        case figure(FigureDraft)
        case skip(Int)
    }

    func scan() -> [FigureMatch] {
        var result: [FigureMatch] = []
        let parser = self.parser
        var floor = 0
        var i = 0
        while i < text.count {
            let c = text[i]
            if c.value < 0x80 && CharacterClass.isASCIILetter(c) {
                if words.symbols.longestMatch(in: text, at: i) == nil {
                    i = skipIdentifier(at: i)
                    continue
                }
            } else if !mayStartFigure(c) {
                i += 1
                continue
            } else if i > 0, CharacterClass.isASCIIDigit(text[i - 1]), CharacterClass.isASCIIDigit(c) || c == "." {
                // Never inside a run of digits.
                i += 1
                continue
            }
            switch figure(at: i, floor: floor, parser: parser) {
            case .figure(let figure)?:
                result.append(figure.match)
                floor = max(figure.extent, figure.range.upperBound)
                i = max(floor, i + 1)
            case .skip(let next)?:
                i = max(next, i + 1)
            case nil:
                i += 1
            }
        }
        return result
    }

    /// Skips a run of letters and digits (G20, COVID-19, 5G, a URL): numbers inside identifiers are
    /// not figures.
    private func skipIdentifier(at start: Int) -> Int {
        var j = start
        let isURL = matches("http", at: j) || matches("www.", at: j)
        while let c = at(j) {
            if isURL {
                if CharacterClass.isSpace(c) || CharacterClass.isHan(c) || c == "\"" || c == "”" || c == ")" { break }
            } else if !(CharacterClass.isASCIILetter(c) || CharacterClass.isASCIIDigit(c) || c == "_"
                || ((c == "-" || c == ".") && at(j + 1).map { CharacterClass.isASCIILetter($0) || CharacterClass.isASCIIDigit($0) } == true))
            {
                break
            }
            j += 1
        }
        return max(j, start + 1)
    }

    private func matches(_ word: String, at start: Int) -> Bool {
        var j = start
        for scalar in word.unicodeScalars {
            guard at(j) == scalar else { return false }
            j += 1
        }
        return true
    }

    private func skipSpaces(_ i: Int) -> Int {
        var j = i
        while at(j) == " " { j += 1 }
        return j
    }

    /// Matches a sequence of characters (each with alternatives) allowing spaces before each: 个 百 分 点.
    private func matchSpaced(_ parts: [[Unicode.Scalar]], at start: Int) -> Int? {
        var j = start
        for alternatives in parts {
            j = skipSpaces(j)
            guard let c = at(j), alternatives.contains(c) else { return nil }
            j += 1
        }
        return j
    }

    // MARK: - FigureDraft with ranges, comparatives and approximations

    private func figure(at i: Int, floor: Int, parser: WrittenNumberParser) -> Outcome? {
        let outcome = core(at: i, parser: parser)
        guard case .figure(var figure)? = outcome else { return outcome }
        if let combined = between(figure, floor: floor, parser: parser) { return .figure(combined) }
        if let combined = connectedRange(figure, parser: parser) { figure = combined }
        if let compared = comparison(figure, floor: floor, parser: parser) { return .figure(compared) }
        applyApproximation(&figure, floor: floor)
        return .figure(figure)
    }

    /// 在第十和第十五之间, 10000与20000之间, 位于20和30之间: a closed range.
    private func between(_ first: FigureDraft, floor: Int, parser: WrittenNumberParser) -> FigureDraft? {
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

    private func backOverSpaces(_ i: Int, floor: Int) -> Int {
        var j = i
        while j > floor, at(j - 1) == " " { j -= 1 }
        return j
    }

    /// X至Y, X到Y, X-Y, X~Y.
    private func connectedRange(_ first: FigureDraft, parser: WrittenNumberParser) -> FigureDraft? {
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
    private func rangeOf(_ first: FigureDraft, _ second: FigureDraft) -> FigureDraft? {
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
    private func comparison(_ figure: FigureDraft, floor: Int, parser: WrittenNumberParser) -> FigureDraft? {
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
    private func secondBound(at j: Int, parser: WrittenNumberParser) -> (relation: NumberWords.Comparison, figure: FigureDraft, end: Int)? {
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
    private func applyApproximation(_ figure: inout FigureDraft, floor: Int) {
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

    // MARK: - Core figures

    /// A figure without ranges and comparatives, or nothing when an exception word covers it.
    private func core(at i: Int, parser: WrittenNumberParser) -> Outcome? {
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

    private func bareCore(at i: Int, parser: WrittenNumberParser) -> Outcome? {
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

    private func isCurrency(at i: Int) -> Bool {
        if case .currency? = words.units.longestMatch(in: text, at: i)?.value.category { return true }
        return false
    }

    /// 第 + numeral: an ordinal (第二十次, 第3万). 第零十 is not one.
    private func ordinal(at i: Int, parser: WrittenNumberParser) -> Outcome? {
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
    private func perUnit(at i: Int, parser: WrittenNumberParser) -> FigureDraft? {
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
    private func bareUnit(at i: Int, parser: WrittenNumberParser) -> FigureDraft? {
        guard let before = at(i - 1), "上近逾过超破足达至约".unicodeScalars.contains(before), parser.read(at: i) == nil else { return nil }
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
    private func half(at i: Int) -> Outcome? {
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
    private func belowZero(at i: Int, parser: WrittenNumberParser) -> FigureDraft? {
        guard case .numeral(let numeral)? = parser.read(at: i + 2, allowSign: false),
            let unit = words.units.longestMatch(in: text, at: numeral.range.upperBound),
            unit.value.category == .spanned || unit.value.word == "度"
        else { return nil }
        var figure = FigureDraft(range: i..<unit.end, kind: .number, value: -numeral.value)
        figure.unit = unit.value.word
        return figure
    }

    /// Two single digits before 折 (三八折, 九 九 折, 7 2 折): a two-digit discount.
    private func discountPair(at i: Int) -> FigureDraft? {
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

    private func afterNumeral(_ numeral: WrittenNumber, parser: WrittenNumberParser) -> Outcome? {
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
    private func fraction(denominator: WrittenNumber, numeratorAt j: Int, parser: WrittenNumberParser) -> FigureDraft? {
        guard case .numeral(let numerator)? = parser.read(at: j), !denominator.value.isZero,
            let value = FigureDecimal.divide(numerator.value, denominator.value)
        else { return nil }
        return FigureDraft(range: denominator.range.lowerBound..<numerator.range.upperBound, kind: .fraction, value: value)
    }

    /// a/b with Arabic integers, and the mixed form `1 3/5`.
    private func arabicFraction(_ numeral: WrittenNumber) -> FigureDraft? {
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
    private func tenths(_ numeral: WrittenNumber, at e: Int) -> FigureDraft? {
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
    private func discount(_ numeral: WrittenNumber, at s: Int) -> FigureDraft? {
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
    private func bareOrdinal(_ figure: inout FigureDraft, _ numeral: WrittenNumber) -> Outcome? {
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

    /// Attaches what follows the number: a currency (money; the span grows), a unit that belongs to the
    /// span (℃), or a classifier, measure or time unit (the `unit` attribute and the phrase).
    private func attachUnit(_ figure: inout FigureDraft, at e: Int, allowMoney: Bool) {
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
    private func subunits(_ figure: inout FigureDraft, currency: String, at start: Int) -> Int {
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
    private func trailingDigit(at k: Int, in divisor: Decimal) -> (Decimal, Int)? {
        guard let c = at(k), let d = NumberCharacters.plainDigit(c) ?? CharacterClass.asciiDigitValue(c), d > 0,
            !(at(k + 1).map { NumberCharacters.isNumeral($0) || CharacterClass.isASCIIAlphanumeric($0) || NumberCharacters.isPoint($0) } ?? false),
            words.units.longestMatch(in: text, at: k + 1) == nil || at(k + 1) == "钱",
            let value = FigureDecimal.divide(Decimal(d), divisor)
        else { return nil }
        return (value, k + 1 + (at(k + 1) == "钱" ? 1 : 0))
    }

    /// Money written with a sign first: $20, ￥300, US$5亿.
    private func money(symbol code: String, at i: Int, after: Int, parser: WrittenNumberParser) -> Outcome? {
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
