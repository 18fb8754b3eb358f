/// Character classes the scanners share. Everything works on `Unicode.Scalar`, never `Character`.
public enum CharacterClass {
    /// CJK unified ideographs (BMP block and extension A) plus 〇.
    @inline(__always)
    public static func isHan(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || v == 0x3007
    }

    @inline(__always)
    public static func isASCIIDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    /// The value of an ASCII digit.
    @inline(__always)
    public static func asciiDigitValue(_ s: Unicode.Scalar) -> Int? { isASCIIDigit(s) ? Int(s.value - 0x30) : nil }

    @inline(__always)
    public static func isASCIILetter(_ s: Unicode.Scalar) -> Bool {
        (s.value >= 0x41 && s.value <= 0x5A) || (s.value >= 0x61 && s.value <= 0x7A)
    }

    /// ASCII letters and digits.
    @inline(__always)
    public static func isASCIIAlphanumeric(_ s: Unicode.Scalar) -> Bool { isASCIIDigit(s) || isASCIILetter(s) }

    /// Whitespace including the ideographic space and line breaks.
    @inline(__always)
    public static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x3000, 0xA0: true
        default: false
        }
    }

    @inline(__always)
    public static func isLineBreak(_ s: Unicode.Scalar) -> Bool { s.value == 0x0A || s.value == 0x0D }

    /// Punctuation that ends a sentence (after normalization: ASCII `!`, `?` too).
    @inline(__always)
    public static func isSentenceFinal(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "。", "!", "?", "…", "．": true
        default: false
        }
    }

    /// Closing marks that stay with the sentence before them (`。”`).
    @inline(__always)
    public static func isClosingMark(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "”", "’", "」", "』", ")", "》", "\"", "'": true
        default: false
        }
    }

    /// Punctuation that separates clauses inside a sentence.
    @inline(__always)
    public static func isClausePunctuation(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case ",", "、", ";", ":", "，", "；", "：": true
        default: false
        }
    }

    /// Any punctuation or symbol that cannot be part of a Chinese name.
    public static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        if isSentenceFinal(s) || isClausePunctuation(s) || isClosingMark(s) { return true }
        switch s {
        case "“", "‘", "「", "『", "(", "《", "—", "-", "·", "[", "]", "{", "}", "<", ">", "/", "|", "~": return true
        default: return s.properties.generalCategory.isPunctuationLike
        }
    }
}

extension Unicode.GeneralCategory {
    fileprivate var isPunctuationLike: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation, .mathSymbol, .otherSymbol:
            true
        default: false
        }
    }
}
