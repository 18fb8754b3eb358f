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

    var parser: WrittenNumberParser { WrittenNumberParser(text: text, words: words, isFullWidth: isFullWidth) }

    func at(_ i: Int) -> Unicode.Scalar? { i >= 0 && i < text.count ? text[i] : nil }

    @inline(__always)
    func mayStartFigure(_ c: Unicode.Scalar) -> Bool { NumberCharacters.mayStartFigure(c) || words.symbolStarts.contains(c) }

    enum Outcome {
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
    func skipIdentifier(at start: Int) -> Int {
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

    func matches(_ word: String, at start: Int) -> Bool {
        var j = start
        for scalar in word.unicodeScalars {
            guard at(j) == scalar else { return false }
            j += 1
        }
        return true
    }

    func skipSpaces(_ i: Int) -> Int {
        var j = i
        while at(j) == " " { j += 1 }
        return j
    }

    /// Matches a sequence of characters (each with alternatives) allowing spaces before each: 个 百 分 点.
    func matchSpaced(_ parts: [[Unicode.Scalar]], at start: Int) -> Int? {
        var j = start
        for alternatives in parts {
            j = skipSpaces(j)
            guard let c = at(j), alternatives.contains(c) else { return nil }
            j += 1
        }
        return j
    }
}
