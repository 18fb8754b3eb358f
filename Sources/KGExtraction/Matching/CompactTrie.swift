/// A read-only trie over Unicode scalars stored as sorted edge arrays: no dictionary per node, no hashing
/// per character. Built in one linear pass from keys in code-point order; the root's edges are a direct
/// table over the Basic Multilingual Plane, deeper edges are found by binary search among a node's few
/// children.
struct CompactTrie: Sendable {
    /// Root edges for scalars below 0x10000: the child node, or -1.
    private var rootTable: [Int32]
    /// `edgeStart[n]..<edgeStart[n + 1]` are the edges of node `n`, sorted by label.
    private var edgeStart: [Int32]
    private var edgeLabel: [UInt32]
    private var edgeTarget: [Int32]
    /// The value of the key ending at a node, or -1.
    private var terminal: [Int32]

    /// Builds the trie from keys that are sorted by code point and unique. `keys` is a flat buffer of
    /// scalar values, key `k` spans `offsets[k]..<offsets[k + 1]`, and its value is `values[k]`.
    init(scalars: [UInt32], offsets: [Int32], values: [Int32]) {
        let keyCount = offsets.count - 1
        rootTable = [Int32](repeating: -1, count: 0x10000)
        edgeStart = []
        edgeLabel = []
        edgeTarget = []
        terminal = [-1]
        edgeLabel.reserveCapacity(scalars.count)
        edgeTarget.reserveCapacity(scalars.count)
        terminal.reserveCapacity(scalars.count + 1)
        // Breadth-first: node ids are given in the order nodes are processed, so each node's edges are
        // appended contiguously.
        var queue: [(low: Int32, high: Int32, depth: Int32)] = [(0, Int32(keyCount), 0)]
        var head = 0
        while head < queue.count {
            let (low, high, depth) = queue[head]
            let node = head
            head += 1
            edgeStart.append(Int32(edgeLabel.count))
            var j = Int(low)
            let d = Int(depth)
            if j < Int(high), Int(offsets[j + 1] - offsets[j]) == d {
                terminal[node] = values[j]
                j += 1
            }
            while j < Int(high) {
                let label = scalars[Int(offsets[j]) + d]
                var k = j + 1
                while k < Int(high), scalars[Int(offsets[k]) + d] == label { k += 1 }
                let child = Int32(terminal.count)
                terminal.append(-1)
                edgeLabel.append(label)
                edgeTarget.append(child)
                if node == 0, label < 0x10000 { rootTable[Int(label)] = child }
                queue.append((Int32(j), Int32(k), depth + 1))
                j = k
            }
        }
        edgeStart.append(Int32(edgeLabel.count))
    }

    /// An empty trie.
    init() { self.init(scalars: [], offsets: [0], values: []) }

    /// The child of `node` along `scalar`, or nil.
    @inline(__always)
    func child(of node: Int32, _ scalar: UInt32) -> Int32? {
        if node == 0, scalar < 0x10000 {
            let next = rootTable[Int(scalar)]
            return next >= 0 ? next : nil
        }
        var low = Int(edgeStart[Int(node)]), high = Int(edgeStart[Int(node) + 1])
        while low < high {
            let mid = (low + high) >> 1
            let label = edgeLabel[mid]
            if label == scalar { return edgeTarget[mid] }
            if label < scalar { low = mid + 1 } else { high = mid }
        }
        return nil
    }

    /// The value stored at `node`, if a key ends there.
    @inline(__always)
    func value(at node: Int32) -> Int32? {
        let value = terminal[Int(node)]
        return value >= 0 ? value : nil
    }

    /// Calls `body(end, value)` for every key that starts at `start` in `text`, shortest first.
    @inline(__always)
    func forEachPrefix(in text: [Unicode.Scalar], from start: Int, limit: Int? = nil, _ body: (Int, Int32) -> Void) {
        var node: Int32 = 0
        var i = start
        let end = min(limit ?? text.count, text.count)
        while i < end, let next = child(of: node, text[i].value) {
            node = next
            i += 1
            if let value = value(at: node) { body(i, value) }
        }
    }

    /// The value of exactly `key`, if stored.
    func value(of key: some Sequence<Unicode.Scalar>) -> Int32? {
        var node: Int32 = 0
        for scalar in key {
            guard let next = child(of: node, scalar.value) else { return nil }
            node = next
        }
        return value(at: node)
    }
}
