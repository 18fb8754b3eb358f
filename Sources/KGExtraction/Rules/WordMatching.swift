/// Word lookups on scalar arrays, shared by the rules. Word lists are small sets of short strings, so
/// trying every length up to the longest word is cheaper than building automata.
extension Array where Element == Unicode.Scalar {
    /// The text of a range.
    func text(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: self[range.clamped(to: 0..<count)])
        return String(view)
    }

    /// The end of the longest word of `words` that starts at `start`.
    func longestWord(startingAt start: Int, in words: Set<String>, maxLength: Int = 8) -> Int? {
        var best: Int?
        var key = String.UnicodeScalarView()
        var j = start
        while j < count, j - start < maxLength {
            key.append(self[j])
            j += 1
            if words.contains(String(key)) { best = j }
        }
        return best
    }

    /// The start of the longest word of `words` that ends at `end` (exclusive).
    func longestWord(endingAt end: Int, in words: Set<String>, maxLength: Int = 8) -> Int? {
        var best: Int?
        var start = end - 1
        while start >= 0, end - start <= maxLength {
            if words.contains(text(start..<end)) { best = start }
            start -= 1
        }
        return best
    }

    /// Whether all scalars of the range are Han characters.
    func isAllHan(_ range: Range<Int>) -> Bool {
        range.lowerBound >= 0 && range.upperBound <= count && self[range].allSatisfy(CharacterClass.isHan)
    }
}

extension Lexicon {
    /// Suffix words of a type, as a set.
    func suffixWords(_ type: EntityType) -> Set<String> { Set((suffixes[type] ?? [:]).keys) }
}

import KGModel
