/// Splits normalized text into sentences: after sentence-final punctuation (with any closing quotes
/// that follow it) and at line breaks. Leading and trailing spaces are not part of a sentence.
///
/// A sentence is at most ``maximumLength`` scalars: a longer run without a full stop (a table, a list of
/// thousands of names, text without punctuation) is cut at the last clause mark before the bound, or at
/// the bound. Relation rules look at pairs of mentions in a sentence, and evidence repeats the sentence,
/// so without the bound both would grow with the square of such a run.
enum SentenceSplitter {
    /// Longer than all but a handful of news sentences (2 of 28,000 in the development sets); the bound
    /// on evidence in every output too, since evidence is the sentence.
    static let maximumLength = 600

    static func split(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        var start = 0
        var i = 0
        func close(_ end: Int) {
            var a = start, b = end
            while a < b && CharacterClass.isSpace(s[a]) { a += 1 }
            while b > a && CharacterClass.isSpace(s[b - 1]) { b -= 1 }
            while b - a > maximumLength {
                let cut = boundedCut(s, from: a)
                var e = cut
                while e > a && CharacterClass.isSpace(s[e - 1]) { e -= 1 }
                if a < e { sentences.append(a..<e) }
                a = cut
                while a < b && CharacterClass.isSpace(s[a]) { a += 1 }
            }
            if a < b { sentences.append(a..<b) }
            start = end
        }
        while i < s.count {
            let c = s[i]
            if CharacterClass.isLineBreak(c) {
                close(i)
                i += 1
                start = i
                continue
            }
            if CharacterClass.isSentenceFinal(c) {
                var j = i + 1
                while j < s.count && (CharacterClass.isSentenceFinal(s[j]) || CharacterClass.isClosingMark(s[j])) { j += 1 }
                close(j)
                i = j
                continue
            }
            i += 1
        }
        close(s.count)
        return sentences
    }

    /// Where to end a piece of an over-long sentence starting at `start`: after the last clause mark in
    /// the second half of the allowed length, else after the last space there, else at the bound.
    private static func boundedCut(_ s: [Unicode.Scalar], from start: Int) -> Int {
        let limit = start + maximumLength
        var space: Int?
        var i = limit
        while i > start + maximumLength / 2 {
            let c = s[i - 1]
            if CharacterClass.isClausePunctuation(c) { return i }
            if space == nil && CharacterClass.isSpace(c) { space = i }
            i -= 1
        }
        return space ?? limit
    }
}
