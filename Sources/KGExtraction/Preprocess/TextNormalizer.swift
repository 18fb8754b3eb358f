/// Normalizes scalars for matching and repairs page breaks, keeping a map back to the original.
enum TextNormalizer {
    /// Maps one scalar to its matching form: full-width ASCII to ASCII, ideographic space to space.
    @inline(__always)
    static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        let v = s.value
        if v >= 0xFF01 && v <= 0xFF5E { return Unicode.Scalar(v - 0xFEE0)! }
        if v == 0x3000 { return " " }
        if v == 0x2014 || v == 0x2015 { return "—" }
        return s
    }

    /// Returns the normalized scalars and, for each, its index in `original`.
    static func normalize(_ original: [Unicode.Scalar]) -> ([Unicode.Scalar], [Int]) {
        var scalars: [Unicode.Scalar] = []
        var index: [Int] = []
        scalars.reserveCapacity(original.count)
        index.reserveCapacity(original.count)
        let joins = PageBreakRepair.breaksToRemove(in: original)
        var nextJoin = 0
        var i = 0
        while i < original.count {
            if nextJoin < joins.count && joins[nextJoin].lowerBound == i {
                i = joins[nextJoin].upperBound
                nextJoin += 1
                continue
            }
            scalars.append(fold(original[i]))
            index.append(i)
            i += 1
        }
        return (scalars, index)
    }
}

/// Finds paragraph breaks that a newspaper page cut put inside a word (`加强对乡` ⏎⏎ `村振兴`).
///
/// A body paragraph (it has clause punctuation) that does not end in sentence-final punctuation
/// continues in the next paragraph when both sides of the break are Han characters. Headlines have no
/// clause punctuation, so they are never joined to the paragraph below.
enum PageBreakRepair {
    static let minimumParagraphLength = 12

    static func breaksToRemove(in text: [Unicode.Scalar]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var lineStart = 0
        var i = 0
        while i < text.count {
            guard CharacterClass.isLineBreak(text[i]) else { i += 1; continue }
            let lineEnd = i
            var j = i
            while j < text.count && CharacterClass.isSpace(text[j]) { j += 1 }
            if shouldJoin(text, paragraph: lineStart..<lineEnd, nextStart: j) {
                var breakStart = lineEnd
                while breakStart > lineStart && CharacterClass.isSpace(text[breakStart - 1]) { breakStart -= 1 }
                result.append(breakStart..<j)
            }
            lineStart = j
            i = j
        }
        return result
    }

    private static func shouldJoin(_ text: [Unicode.Scalar], paragraph: Range<Int>, nextStart: Int) -> Bool {
        guard nextStart < text.count, CharacterClass.isHan(text[nextStart]) else { return false }
        var last = paragraph.upperBound - 1
        while last >= paragraph.lowerBound && CharacterClass.isSpace(text[last]) { last -= 1 }
        guard last >= paragraph.lowerBound, CharacterClass.isHan(text[last]) else { return false }
        guard paragraph.count >= minimumParagraphLength else { return false }
        return text[paragraph].contains { CharacterClass.isClausePunctuation(TextNormalizer.fold($0)) || $0 == "。" }
    }
}
