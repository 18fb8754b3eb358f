/// A set of words with tries in both directions, so rules can ask "which word starts here" and "which
/// word ends here" in time proportional to the word, without building strings.
public struct WordSet: Sendable, ExpressibleByArrayLiteral {
    public private(set) var words: Set<String>
    private var forward = ScalarTrie()
    private var backward = ScalarTrie()
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
        forward.insert(scalars)
        backward.insert(scalars.reversed())
        longest = max(longest, scalars.count)
    }

    public func contains(_ word: String) -> Bool { words.contains(word) }

    public var isEmpty: Bool { words.isEmpty }

    /// The words not in `other`.
    public func subtracting(_ other: Set<String>) -> WordSet { WordSet(words.subtracting(other)) }

    public func union(_ other: WordSet) -> WordSet { WordSet(words.union(other.words)) }

    /// The end of the longest word that starts at `start` and is at most `maxLength` long.
    public func longestMatch(in s: [Unicode.Scalar], startingAt start: Int, maxLength: Int = .max) -> Int? {
        forward.longestMatch(length: min(maxLength, s.count - start)) { s[start + $0] }.map { start + $0 }
    }

    /// The start of the longest word that ends at `end` (exclusive) and is at most `maxLength` long.
    public func longestMatch(in s: [Unicode.Scalar], endingAt end: Int, maxLength: Int = .max) -> Int? {
        backward.longestMatch(length: min(maxLength, end)) { s[end - 1 - $0] }.map { end - $0 }
    }
}

/// A trie over Unicode scalars: one dictionary of children per node.
struct ScalarTrie: Sendable {
    private var children: [[Unicode.Scalar: Int32]] = [[:]]
    private var isWord: [Bool] = [false]

    mutating func insert<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        var node = 0
        for scalar in scalars {
            if let next = children[node][scalar] {
                node = Int(next)
            } else {
                children.append([:])
                isWord.append(false)
                let next = children.count - 1
                children[node][scalar] = Int32(next)
                node = next
            }
        }
        isWord[node] = true
    }

    /// The length of the longest word among the first `length` scalars given by `scalar(i)`.
    @inline(__always)
    func longestMatch(length: Int, _ scalar: (Int) -> Unicode.Scalar) -> Int? {
        var node = 0
        var best: Int?
        var i = 0
        while i < length, let next = children[node][scalar(i)] {
            node = Int(next)
            i += 1
            if isWord[node] { best = i }
        }
        return best
    }
}
