/// Chooses among overlapping mentions: the longest span wins, then the type of higher precedence,
/// then the earlier rule. The result has no overlaps and is in text order.
enum MentionOverlapResolver {
    static func resolve(_ candidates: [Mention]) -> [Mention] {
        let ranked = candidates.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.range.count != y.range.count { return x.range.count > y.range.count }
            if x.type.precedence != y.type.precedence { return x.type.precedence > y.type.precedence }
            if x.range.lowerBound != y.range.lowerBound { return x.range.lowerBound < y.range.lowerBound }
            return a.offset < b.offset
        }
        var taken: [Mention] = []
        var occupied = IntervalSet()
        for (_, mention) in ranked where !mention.range.isEmpty && !occupied.overlaps(mention.range) {
            occupied.insert(mention.range)
            taken.append(mention)
        }
        return taken.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
    }
}

/// Disjoint ranges kept sorted, for overlap tests in O(log n).
struct IntervalSet {
    private var ranges: [Range<Int>] = []

    func overlaps(_ range: Range<Int>) -> Bool {
        var low = 0, high = ranges.count
        while low < high {
            let mid = (low + high) / 2
            if ranges[mid].upperBound <= range.lowerBound { low = mid + 1 } else { high = mid }
        }
        return low < ranges.count && ranges[low].lowerBound < range.upperBound
    }

    mutating func insert(_ range: Range<Int>) {
        var low = 0, high = ranges.count
        while low < high {
            let mid = (low + high) / 2
            if ranges[mid].lowerBound < range.lowerBound { low = mid + 1 } else { high = mid }
        }
        ranges.insert(range, at: low)
    }
}
