/// Where a fact came from: the document, the span in the *original* text, the sentence and the rule.
///
/// Offsets count Unicode scalars (code points) into the original document text; `end` is exclusive.
public struct Provenance: Hashable, Codable, Sendable, Comparable {
    /// Id of the source document (file name, JSON Lines id, or `stdin`).
    public var document: String
    /// First scalar of the span in the original text.
    public var start: Int
    /// One past the last scalar of the span in the original text.
    public var end: Int
    /// The sentence the span occurs in, as written (page breaks repaired); a sentence is at most 600
    /// characters, cut at a clause mark when longer, so evidence stays bounded on any input.
    public var sentence: String
    /// Id of the rule that produced the fact.
    public var rule: String

    public init(document: String, start: Int, end: Int, sentence: String, rule: String) {
        self.document = document
        self.start = start
        self.end = end
        self.sentence = sentence
        self.rule = rule
    }

    public static func < (lhs: Provenance, rhs: Provenance) -> Bool {
        (lhs.document, lhs.start, lhs.end, lhs.rule, lhs.sentence)
            < (rhs.document, rhs.start, rhs.end, rhs.rule, rhs.sentence)
    }
}

extension Provenance {
    /// Merges two sorted, duplicate-free lists into one. Linear, and constant-time per element in the
    /// common case where the new provenance comes after the old (documents are read in order).
    static func merge(_ b: [Provenance], into a: inout [Provenance]) {
        if b.isEmpty { return }
        if a.last.map({ $0 < b[0] }) ?? true {
            a.append(contentsOf: b)
        } else {
            a = mergeSorted(a, b)
        }
    }

    static func mergeSorted(_ a: [Provenance], _ b: [Provenance]) -> [Provenance] {
        var result: [Provenance] = []
        result.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            let next: Provenance
            if j == b.count || (i < a.count && a[i] < b[j]) {
                next = a[i]; i += 1
            } else if i == a.count || b[j] < a[i] {
                next = b[j]; j += 1
            } else {
                next = a[i]; i += 1; j += 1
            }
            if result.last != next { result.append(next) }
        }
        return result
    }

    /// Sorted and without duplicates.
    static func normalized(_ list: [Provenance]) -> [Provenance] {
        var sorted = list.sorted()
        var write = 0
        for read in sorted.indices where write == 0 || sorted[read] != sorted[write - 1] {
            sorted[write] = sorted[read]
            write += 1
        }
        sorted.removeLast(sorted.count - write)
        return sorted
    }
}
