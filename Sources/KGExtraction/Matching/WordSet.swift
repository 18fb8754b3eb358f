/// A set of words with tries in both directions, so rules can ask "which word starts here" and "which
/// word ends here" in time proportional to the word, without building strings.
public struct WordSet: Sendable, ExpressibleByArrayLiteral {
    public private(set) var words: Set<String>
    private var forward = ScalarTrie<Bool>()
    /// Words stored reversed, for matches that end at a position.
    private var backward = ScalarTrie<Bool>()
    /// Length in scalars of the longest word.
    public private(set) var longest = 0

    public init<S: Sequence>(_ words: S) where S.Element == String {
        self.words = []
        for word in words { insert(word) }
    }

    public init(arrayLiteral elements: String...) { self.init(elements) }

    public mutating func insert(_ word: String) {
        guard !word.isEmpty, words.insert(word).inserted else { return }
        let scalars = Array(word.unicodeScalars)
        forward.insert(scalars, true)
        backward.insert(scalars.reversed(), true)
        longest = max(longest, scalars.count)
    }

    public func contains(_ word: String) -> Bool { words.contains(word) }

    public var isEmpty: Bool { words.isEmpty }

    /// The words not in `other`.
    public func subtracting(_ other: Set<String>) -> WordSet { WordSet(words.subtracting(other)) }

    public func union(_ other: WordSet) -> WordSet { WordSet(words.union(other.words)) }

    /// The end of the longest word that starts at `start` and is at most `maxLength` long.
    public func longestMatch(in s: [Unicode.Scalar], startingAt start: Int, maxLength: Int = .max) -> Int? {
        forward.longestMatch(in: s, at: start, maxLength: maxLength)?.end
    }

    /// The start of the longest word that ends at `end` (exclusive) and is at most `maxLength` long.
    public func longestMatch(in s: [Unicode.Scalar], endingAt end: Int, maxLength: Int = .max) -> Int? {
        backward.longestMatch(in: s, endingAt: end, floor: maxLength >= end ? 0 : end - maxLength)?.start
    }
}
