/// A trie over Unicode scalars for longest-match lookups, forwards from a position or backwards from one.
/// ``WordSet`` and the number and date word tables are built on it.
struct ScalarTrie<Value: Sendable>: Sendable {
    private var children: [[Unicode.Scalar: Int32]] = [[:]]
    private var values: [Value?] = [nil]
    /// Longest word stored, in scalars.
    private(set) var longest = 0
    var isEmpty: Bool { values.count == 1 && values[0] == nil }

    init() {}

    /// Stores `word` (or, for a backward trie, the reversed word). A later insert of the same word wins.
    mutating func insert(_ word: [Unicode.Scalar], _ value: Value) {
        guard !word.isEmpty else { return }
        var node = 0
        for scalar in word {
            if let next = children[node][scalar] {
                node = Int(next)
            } else {
                children.append([:])
                values.append(nil)
                let next = children.count - 1
                children[node][scalar] = Int32(next)
                node = next
            }
        }
        values[node] = value
        longest = max(longest, word.count)
    }

    /// The longest stored word that starts at `start`: its value and the position after it.
    func longestMatch(in text: [Unicode.Scalar], at start: Int, maxLength: Int = .max) -> (value: Value, end: Int)? {
        var node = 0
        var best: (Value, Int)?
        var i = start
        let limit = maxLength >= text.count - start ? text.count : start + maxLength
        while i < limit, let next = children[node][text[i]] {
            node = Int(next)
            i += 1
            if let value = values[node] { best = (value, i) }
        }
        return best
    }

    /// For a trie of REVERSED words: the longest word that ends just before `end` and starts at or after
    /// `floor`: its value and its start.
    func longestMatch(in text: [Unicode.Scalar], endingAt end: Int, floor: Int = 0) -> (value: Value, start: Int)? {
        var node = 0
        var best: (Value, Int)?
        var i = min(end, text.count) - 1
        while i >= floor, i >= 0, let next = children[node][text[i]] {
            node = Int(next)
            if let value = values[node] { best = (value, i) }
            i -= 1
        }
        return best
    }
}
