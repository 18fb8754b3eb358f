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

/// Finds numbers and figures. First version: Arabic digits with 万/亿 and a classifier.
struct NumberScanner {
    let text: [Unicode.Scalar]

    func scan() -> [FigureMatch] {
        var result: [FigureMatch] = []
        var i = 0
        while i < text.count {
            guard CharacterClass.isASCIIDigit(text[i]), i == 0 || !CharacterClass.isASCIIDigit(text[i - 1]) else { i += 1; continue }
            var j = i
            var digits = ""
            while j < text.count, CharacterClass.isASCIIDigit(text[j]) || (text[j] == "." && j + 1 < text.count && CharacterClass.isASCIIDigit(text[j + 1])) {
                digits.unicodeScalars.append(text[j])
                j += 1
            }
            var attributes: [String: String] = [:]
            if j < text.count, text[j] == "多" || text[j] == "余" { attributes[AttributeKey.approximate] = "more than"; j += 1 }
            var scale = 1.0
            while j < text.count, text[j] == "万" || text[j] == "亿" { scale *= text[j] == "万" ? 1e4 : 1e8; j += 1 }
            if attributes[AttributeKey.approximate] == nil, j < text.count, text[j] == "多" || text[j] == "余" { attributes[AttributeKey.approximate] = "more than"; j += 1 }
            if j < text.count, "人个名条家项次元".unicodeScalars.contains(text[j]) { attributes[AttributeKey.unit] = String(text[j]); j += 1 }
            let value = (Double(digits) ?? 0) * scale
            result.append(FigureMatch(range: i..<j, value: String(format: "%.0f", value), kind: "number", attributes: attributes))
            i = j
        }
        return result
    }
}
