/// Splits normalized text into sentences: after sentence-final punctuation (with any closing quotes
/// that follow it) and at line breaks. Leading and trailing spaces are not part of a sentence.
enum SentenceSplitter {
    static func split(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        var start = 0
        var i = 0
        func close(_ end: Int) {
            var a = start, b = end
            while a < b && CharacterClass.isSpace(s[a]) { a += 1 }
            while b > a && CharacterClass.isSpace(s[b - 1]) { b -= 1 }
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
}
