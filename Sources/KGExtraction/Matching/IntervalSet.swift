/// Positions taken by disjoint ranges, as a bitmap: an overlap test or an insert costs the length of
/// the range, whatever the number of ranges already taken (a sorted array of ranges pays a shift per
/// insert, quadratic on a long document).
struct IntervalSet {
    private var taken: [Bool] = []

    func overlaps(_ range: Range<Int>) -> Bool {
        let upper = min(range.upperBound, taken.count)
        var i = max(range.lowerBound, 0)
        while i < upper {
            if taken[i] { return true }
            i += 1
        }
        return false
    }

    mutating func insert(_ range: Range<Int>) {
        guard !range.isEmpty, range.lowerBound >= 0 else { return }
        if taken.count < range.upperBound { taken.append(contentsOf: repeatElement(false, count: range.upperBound - taken.count)) }
        for i in range { taken[i] = true }
    }
}

/// Ranges (possibly overlapping) sorted by start, with the running maximum of their ends, for
/// overlap and containment questions in O(log n).
struct RangeIndex {
    private let ranges: [Range<Int>]
    private let maximumEnd: [Int]

    init(_ ranges: [Range<Int>]) {
        self.ranges = ranges.sorted { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
        var running = Int.min
        self.maximumEnd = self.ranges.map { running = max(running, $0.upperBound); return running }
    }

    /// Index of the last range starting at or before `position` (or before it, when `strictlyBefore`).
    private func lastStarting(before position: Int, inclusive: Bool) -> Int? {
        var low = 0, high = ranges.count
        while low < high {
            let mid = (low + high) / 2
            if inclusive ? ranges[mid].lowerBound <= position : ranges[mid].lowerBound < position { low = mid + 1 } else { high = mid }
        }
        return low > 0 ? low - 1 : nil
    }

    /// Whether any range shares a position with `range`.
    func overlapsAny(_ range: Range<Int>) -> Bool {
        guard let last = lastStarting(before: range.upperBound, inclusive: false) else { return false }
        return maximumEnd[last] > range.lowerBound
    }

    /// Whether a range contains `range` (and, if `strictly`, is longer than it). The strict test is exact
    /// for disjoint ranges, which is what the resolver asks it about.
    func containsRange(containing range: Range<Int>, strictly: Bool) -> Bool {
        guard let last = lastStarting(before: range.lowerBound, inclusive: true) else { return false }
        if !strictly { return maximumEnd[last] >= range.upperBound }
        let candidate = ranges[last]
        return candidate.upperBound >= range.upperBound && candidate.count > range.count
    }
}
