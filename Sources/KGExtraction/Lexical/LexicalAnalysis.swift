/// One lexical analysis of a document, shared by every rule: the lattice of known words at each position
/// and the most probable segmentation over it (a unigram model from word frequencies, the way dictionary
/// segmenters work).
///
/// Name rules ask how a candidate name compares with the best reading of the text around it:
/// ``gain(of:logProbability:)`` is the log-probability difference between the best segmentation that
/// keeps the candidate as one token and the best segmentation overall. A candidate that cuts through a
/// better-explained word (`于是`, `高达`, `周年`) has a large negative gain.
public struct LexicalAnalysis: Sendable {
    public let automaton: WordAutomaton
    /// Words starting at position `i` are `words[wordStart[i]..<wordStart[i + 1]]`, shortest first.
    private let wordStart: [Int32]
    private let words: [WordAutomaton.Word]
    /// Best log probability of the text before position `i` (forward Viterbi).
    private let forward: [Float]
    /// Best log probability of the text from position `i` on (backward Viterbi).
    private let backward: [Float]
    /// End of the token that starts at `i` on the best path, or -1 when `i` is inside a token.
    private let tokenEnd: [Int32]
    /// Length of the text in scalars.
    public let count: Int

    public init(scalars s: [Unicode.Scalar], automaton: WordAutomaton) {
        self.automaton = automaton
        let n = s.count
        count = n
        var wordStart = [Int32](repeating: 0, count: n + 1)
        var words: [WordAutomaton.Word] = []
        words.reserveCapacity(n * 2)
        for i in 0..<n {
            wordStart[i] = Int32(words.count)
            if CharacterClass.isHan(s[i]) || !CharacterClass.isASCIIAlphanumeric(s[i]) {
                automaton.words(in: s, at: i, into: &words)
            }
        }
        wordStart[n] = Int32(words.count)
        // Runs of ASCII letters and digits are one token each (`WTO`, `2024`).
        var asciiRunEnd = [Int32](repeating: -1, count: n)
        var i = n - 1
        var runEnd = n
        while i >= 0 {
            if CharacterClass.isASCIIAlphanumeric(s[i]) {
                if i == n - 1 || !CharacterClass.isASCIIAlphanumeric(s[i + 1]) { runEnd = i + 1 }
                asciiRunEnd[i] = Int32(runEnd)
            }
            i -= 1
        }
        let unknown = automaton.unknownLogProbability
        let lp = automaton.logProbabilities
        // Backward pass: best reading of s[i...], and the token that starts it.
        var backward = [Float](repeating: 0, count: n + 1)
        var bestEnd = [Int32](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var bestScore: Float, end: Int
            if asciiRunEnd[i] >= 0 {
                end = Int(asciiRunEnd[i])
                bestScore = unknown + backward[end]
            } else {
                end = i + 1
                bestScore = unknown + backward[i + 1]
            }
            for k in Int(wordStart[i])..<Int(wordStart[i + 1]) {
                let word = words[k]
                let score = lp[Int(word.id)] + backward[word.end]
                if score > bestScore || (score == bestScore && word.end > end) { bestScore = score; end = word.end }
            }
            backward[i] = bestScore
            bestEnd[i] = Int32(end)
        }
        // Forward pass: best reading of s[..<i].
        var forward = [Float](repeating: -Float.infinity, count: n + 1)
        forward[0] = 0
        for i in 0..<n where forward[i] > -Float.infinity {
            let base = forward[i]
            if asciiRunEnd[i] >= 0 {
                let end = Int(asciiRunEnd[i])
                forward[end] = max(forward[end], base + unknown)
            } else {
                forward[i + 1] = max(forward[i + 1], base + unknown)
            }
            for k in Int(wordStart[i])..<Int(wordStart[i + 1]) {
                let word = words[k]
                forward[word.end] = max(forward[word.end], base + lp[Int(word.id)])
            }
        }
        var tokenEnd = [Int32](repeating: -1, count: n)
        var position = 0
        while position < n {
            tokenEnd[position] = bestEnd[position]
            position = Int(bestEnd[position])
        }
        self.wordStart = wordStart
        self.words = words
        self.forward = forward
        self.backward = backward
        self.tokenEnd = tokenEnd
    }

    /// The known words that start at `position`, shortest first.
    public func words(at position: Int) -> ArraySlice<WordAutomaton.Word> {
        guard position >= 0, position < count else { return [] }
        return words[Int(wordStart[position])..<Int(wordStart[position + 1])]
    }

    /// The known word exactly spanning `range`, if any.
    public func word(spanning range: Range<Int>) -> Int32? {
        words(at: range.lowerBound).first { $0.end == range.upperBound }?.id
    }

    /// Whether a token of the best path starts at `position` (the text's end counts as a boundary).
    public func isBoundary(_ position: Int) -> Bool { position <= 0 || position >= count || tokenEnd[position] >= 0 }

    /// Whether `range` starts and ends on token boundaries: it cuts through no word of the best path.
    public func isAligned(_ range: Range<Int>) -> Bool { isBoundary(range.lowerBound) && isBoundary(range.upperBound) }

    /// The end of the best-path token that starts at `position`, or nil inside a token.
    public func tokenEnd(at position: Int) -> Int? {
        guard position >= 0, position < count, tokenEnd[position] >= 0 else { return nil }
        return Int(tokenEnd[position])
    }

    /// The tokens of the best path in text order, each with the dictionary word it is (nil for a
    /// character or run the dictionary does not know).
    public var tokens: [(range: Range<Int>, word: Int32?)] {
        var result: [(range: Range<Int>, word: Int32?)] = []
        var i = 0
        while i < count {
            let end = tokenEnd(at: i) ?? (i + 1)
            result.append((i..<end, word(spanning: i..<end)))
            i = end
        }
        return result
    }

    /// The start of the best-path token that contains `position`.
    public func tokenStart(containing position: Int) -> Int {
        var p = min(position, count - 1)
        while p > 0, tokenEnd[p] < 0 { p -= 1 }
        return p
    }

    /// How much better (positive) or worse (negative), in natural log units, the best reading of the
    /// text is when `range` is one token of the given log probability.
    public func gain(of range: Range<Int>, logProbability: Float) -> Float {
        guard range.lowerBound >= 0, range.upperBound <= count, !range.isEmpty else { return -.infinity }
        return forward[range.lowerBound] + logProbability + backward[range.upperBound] - backward[0]
    }
}
