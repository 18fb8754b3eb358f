/// A set of words with tries in both directions, so rules can ask "which word starts here" and "which
/// word ends here" in time proportional to the word, without building strings.
///
/// The words and tries live in one object shared by copies (copy-on-write), so that handing a set to a
/// rule, or a lexicon full of them to every document, costs one reference count.
public struct WordSet: Sendable, ExpressibleByArrayLiteral {
    private final class Storage: @unchecked Sendable {
        // Mutated only through a uniquely referenced storage while a set is built, so the accesses
        // need no dynamic exclusivity checks.
        @exclusivity(unchecked) var words: Set<String> = []
        @exclusivity(unchecked) var forward = ScalarTrie<Bool>()
        /// Words stored reversed, for matches that end at a position.
        @exclusivity(unchecked) var backward = ScalarTrie<Bool>()
        @exclusivity(unchecked) var longest = 0

        init() {}

        init(copying other: Storage) {
            words = other.words
            forward = other.forward
            backward = other.backward
            longest = other.longest
        }
    }

    private var storage = Storage()

    /// The words of the set.
    public var words: Set<String> { storage.words }
    /// Length in scalars of the longest word.
    public var longest: Int { storage.longest }

    public init<S: Sequence>(_ words: S) where S.Element == String {
        for word in words { insert(word) }
    }

    public init(arrayLiteral elements: String...) { self.init(elements) }

    public mutating func insert(_ word: String) {
        guard !word.isEmpty, !storage.words.contains(word) else { return }
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(copying: storage) }
        let storage = self.storage
        storage.words.insert(word)
        let scalars = Array(word.unicodeScalars)
        storage.forward.insert(scalars, true)
        storage.backward.insert(scalars.reversed(), true)
        storage.longest = max(storage.longest, scalars.count)
    }

    public func contains(_ word: String) -> Bool { storage.words.contains(word) }

    public var isEmpty: Bool { storage.words.isEmpty }

    /// The words not in `other`.
    public func subtracting(_ other: Set<String>) -> WordSet { WordSet(words.subtracting(other)) }

    public func union(_ other: WordSet) -> WordSet { WordSet(words.union(other.words)) }

    /// The end of the longest word that starts at `start` and is at most `maxLength` long.
    public func longestMatch(in s: [Unicode.Scalar], startingAt start: Int, maxLength: Int = .max) -> Int? {
        storage.forward.longestMatch(in: s, at: start, maxLength: maxLength)?.end
    }

    /// The start of the longest word that ends at `end` (exclusive) and is at most `maxLength` long.
    public func longestMatch(in s: [Unicode.Scalar], endingAt end: Int, maxLength: Int = .max) -> Int? {
        storage.backward.longestMatch(in: s, endingAt: end, floor: maxLength >= end ? 0 : end - maxLength)?.start
    }
}
