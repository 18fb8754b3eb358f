/// A trie over Unicode scalars for longest-match lookups, forwards from a position or backwards from one.
/// ``WordSet`` and the number and date word tables are built on it.
///
/// Every node's edges sit sorted in one flat pool (a node whose edges outgrow their slot moves them to
/// the end of the pool with twice the room), so a lookup step is a binary search in a flat array: no
/// hashing and no nested arrays on the scanning path, and three arrays to retain when a table is copied.
struct ScalarTrie<Value: Sendable>: Sendable {
    /// A node's edges: where they start in the pool, how many there are and how many fit there.
    private struct Slot {
        var start: Int32
        var count: Int32
        var room: Int32
    }

    private var nodes: [Slot] = [Slot(start: 0, count: 0, room: 0)]
    /// Edges as `label << 32 | target`, so that sorting by label is sorting the integers.
    private var edges: [UInt64] = []
    private var values: [Value?] = [nil]
    /// Longest word stored, in scalars.
    private(set) var longest = 0
    var isEmpty: Bool { values.count == 1 && values[0] == nil }

    init() {}

    /// Where `label` is (or would be inserted) among the edges of `node`, and whether it is there.
    @inline(__always)
    private func search(_ node: Int, _ label: UInt32) -> (index: Int, found: Bool) {
        let slot = nodes[node]
        var low = Int(slot.start)
        var high = low + Int(slot.count)
        let key = UInt64(label) << 32
        while low < high {
            let mid = (low + high) >> 1
            let current = edges[mid] & 0xFFFF_FFFF_0000_0000
            if current == key { return (mid, true) }
            if current < key { low = mid + 1 } else { high = mid }
        }
        return (low, false)
    }

    @inline(__always)
    private func child(_ node: Int, _ scalar: Unicode.Scalar) -> Int? {
        let (index, found) = search(node, scalar.value)
        return found ? Int(truncatingIfNeeded: edges[index] & 0xFFFF_FFFF) : nil
    }

    /// Stores `word` (or, for a backward trie, the reversed word). A later insert of the same word wins.
    mutating func insert(_ word: [Unicode.Scalar], _ value: Value) {
        guard !word.isEmpty else { return }
        var node = 0
        for scalar in word {
            let (index, found) = search(node, scalar.value)
            if found {
                node = Int(truncatingIfNeeded: edges[index] & 0xFFFF_FFFF)
                continue
            }
            let next = values.count
            values.append(nil)
            nodes.append(Slot(start: Int32(edges.count), count: 0, room: 0))
            insertEdge(at: index, of: node, UInt64(scalar.value) << 32 | UInt64(next))
            node = next
        }
        values[node] = value
        longest = max(longest, word.count)
    }

    private mutating func insertEdge(at index: Int, of node: Int, _ edge: UInt64) {
        var index = index
        let slot = nodes[node]
        if slot.count == slot.room {
            // Full: move the edges to the end of the pool with twice the room.
            let start = Int(slot.start), count = Int(slot.count)
            let room = max(2, count * 2)
            let newStart = edges.count
            // Element by element: appending a slice of the array itself would copy the whole array.
            for k in start..<(start + count) { edges.append(edges[k]) }
            for _ in count..<room { edges.append(0) }
            nodes[node].start = Int32(newStart)
            nodes[node].room = Int32(room)
            index = newStart + (index - start)
        }
        var k = Int(nodes[node].start + nodes[node].count)
        while k > index {
            edges[k] = edges[k - 1]
            k -= 1
        }
        edges[index] = edge
        nodes[node].count += 1
    }

    /// The longest stored word that starts at `start`: its value and the position after it.
    func longestMatch(in text: [Unicode.Scalar], at start: Int, maxLength: Int = .max) -> (value: Value, end: Int)? {
        var node = 0
        var best: (Value, Int)?
        var i = start
        let limit = maxLength >= text.count - start ? text.count : start + maxLength
        while i < limit, let next = child(node, text[i]) {
            node = next
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
        while i >= floor, i >= 0, let next = child(node, text[i]) {
            node = next
            if let value = values[node] { best = (value, i) }
            i -= 1
        }
        return best
    }
}
