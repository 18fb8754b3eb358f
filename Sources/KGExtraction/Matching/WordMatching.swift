/// Word lookups on scalar arrays, shared by the rules.
extension Array where Element == Unicode.Scalar {
    /// The text of a range.
    func text(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: self[range.clamped(to: 0..<count)])
        return String(view)
    }

    /// The end of the longest word of `words` that starts at `start`.
    @inline(__always)
    func longestWord(startingAt start: Int, in words: WordSet, maxLength: Int = .max) -> Int? {
        guard start >= 0, start < count else { return nil }
        return words.longestMatch(in: self, startingAt: start, maxLength: maxLength)
    }

    /// The start of the longest word of `words` that ends at `end` (exclusive).
    @inline(__always)
    func longestWord(endingAt end: Int, in words: WordSet, maxLength: Int = .max) -> Int? {
        guard end > 0, end <= count else { return nil }
        return words.longestMatch(in: self, endingAt: end, maxLength: maxLength)
    }

    /// Whether all scalars of the range are Han characters.
    func isAllHan(_ range: Range<Int>) -> Bool {
        range.lowerBound >= 0 && range.upperBound <= count && self[range].allSatisfy(CharacterClass.isHan)
    }
}
