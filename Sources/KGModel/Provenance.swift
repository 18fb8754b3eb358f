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
    /// The sentence the span occurs in, as written (page breaks repaired).
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
