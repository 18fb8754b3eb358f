/// Chooses among overlapping mentions. Within a layer the longest span wins, then the type of higher
/// precedence, then the earlier rule.
///
/// Named entities form one layer. Dates form their own: a date may be anchored on a named entity
/// (`党的十九大以来`), but a date inside a document title is part of the title, not a date of the
/// sentence. Figures come last and give way to both (`2021年` is a date; `十九大` in `党的十九大` is an
/// event), except that a figure strictly containing a date-like span wins (`八点五成` is 85%, not 8:05).
/// The result is in text order.
enum MentionOverlapResolver {
    private static let namedTypes: Set<MentionType> = [.document, .event, .organization, .person, .place]

    static func resolve(_ candidates: [Mention]) -> [Mention] {
        let named = resolveLayer(candidates.filter { namedTypes.contains($0.type) })
        let documents = RangeIndex(named.filter { $0.type == .document }.map(\.range))
        let figureCandidates = resolveLayer(candidates.filter { $0.type == .figure || $0.type == .concept })
        let figureRanges = RangeIndex(figureCandidates.map(\.range))
        let dates = resolveLayer(candidates.filter { $0.type == .date }).filter { date in
            !documents.containsRange(containing: date.range, strictly: false)
                // A figure that strictly contains a date-like span (八点五成, 百分之一点五七) is the reading.
                && !figureRanges.containsRange(containing: date.range, strictly: true)
        }
        let blocking = RangeIndex((named + dates).map(\.range))
        let figures = figureCandidates.filter { !blocking.overlapsAny($0.range) }
        return (named + dates + figures).sorted {
            ($0.range.lowerBound, $0.range.upperBound, $0.type) < ($1.range.lowerBound, $1.range.upperBound, $1.type)
        }
    }

    private static func resolveLayer(_ candidates: [Mention]) -> [Mention] {
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
        return taken
    }
}

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
