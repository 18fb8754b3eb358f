import KGModel

/// Everything a rule may consult besides the text: the reference date and the lexicon.
public struct RuleContext: Sendable {
    /// The date relative expressions (`今年`, `去年8月`) resolve against; `nil` leaves them open.
    public var referenceDate: CalendarDate?
    /// Lexical knowledge: gazetteers, suffixes, trigger verbs, aliases.
    public var lexicon: Lexicon { didSet { names = NameContext(lexicon: lexicon) } }
    /// The document's lexical analysis, computed once by ``Extractor`` and shared by every rule.
    public var analysis: LexicalAnalysis?
    /// The lexicon's cues for person names, built once per lexicon rather than per document and rule.
    private(set) var names: NameContext

    public init(referenceDate: CalendarDate? = nil, lexicon: Lexicon = .standard, analysis: LexicalAnalysis? = nil) {
        self.init(referenceDate: referenceDate, lexicon: lexicon, analysis: analysis, names: NameContext(lexicon: lexicon))
    }

    init(referenceDate: CalendarDate?, lexicon: Lexicon, analysis: LexicalAnalysis?, names: NameContext) {
        self.referenceDate = referenceDate
        self.lexicon = lexicon
        self.analysis = analysis
        self.names = names
    }

    /// The shared analysis of `text`, or a new one when the rule runs on its own.
    public func analysis(of text: PreparedText) -> LexicalAnalysis {
        if let analysis, analysis.count == text.scalars.count { return analysis }
        return LexicalAnalysis(scalars: text.scalars, automaton: lexicon.automaton)
    }
}

/// One example of what a rule does, run by the test suite for every registered rule.
public struct RuleExample: Sendable, CustomStringConvertible {
    /// The input sentence.
    public var text: String
    /// Reference date for the example, `YYYY-MM-DD`.
    public var referenceDate: String?
    /// What the rule must find: for mention rules `surface` or `surface = value`; for relation rules
    /// `subject -predicate-> object` or `subject -predicate-> object @date`. Empty for negative examples.
    public var expected: [String]
    /// For negative examples: findings that must *not* appear. Empty means the rule finds nothing.
    public var forbidden: [String]
    /// Rule-file lines (`Schemas/rule-file.md`) loaded on top of the bundled lexicon for this example.
    public var rules: String?

    public var isNegative: Bool { expected.isEmpty }

    /// An example where the rule must find (at least) `expected`.
    public static func positive(_ text: String, _ expected: String..., referenceDate: String? = nil, rules: String? = nil) -> RuleExample {
        RuleExample(text: text, referenceDate: referenceDate, expected: expected, forbidden: [], rules: rules)
    }

    /// An example where the rule must find nothing, or, if `forbidden` is given, none of those findings.
    public static func negative(_ text: String, forbidding forbidden: String..., referenceDate: String? = nil, rules: String? = nil) -> RuleExample {
        RuleExample(text: text, referenceDate: referenceDate, expected: [], forbidden: forbidden, rules: rules)
    }

    public var description: String { text }
}

/// A rule that finds mentions in a document. One small type per file; register it in ``RuleRegistry``.
public protocol MentionRule: Sendable {
    /// Stable id, recorded in provenance (`document.quoted`, `date.absolute`, …).
    var id: String { get }
    /// One line on what the rule recognizes.
    var summary: String { get }
    /// Positive and negative examples, checked by the test suite.
    var examples: [RuleExample] { get }
    /// The mentions the rule finds in `text`.
    func mentions(in text: PreparedText, context: RuleContext) -> [Mention]
}

/// A rule that reads the mentions the other rules agreed on and adds mentions they imply: the name
/// in another script that follows a name in parentheses (`世界卫生组织(WHO)`). It runs after overlaps are
/// resolved, so it sees one reading of the text, and what it adds must not overlap that reading.
public protocol ApposedMentionRule: Sendable {
    var id: String { get }
    var summary: String { get }
    var examples: [RuleExample] { get }
    /// Mentions implied by `resolved` (the document's resolved mentions, in text order).
    func mentions(in text: PreparedText, resolved: [Mention], context: RuleContext) -> [Mention]
}

/// One end of a relation: an entity known by type and name, located at a span of the text.
public struct RelationEndpoint: Sendable, Hashable {
    public var type: EntityType
    /// Name (resolution maps it to the canonical name).
    public var name: String
    /// The form the text writes (`中科院`), or the name when the endpoint is not written in the sentence.
    public var surface: String
    /// Span in normalized coordinates.
    public var range: Range<Int>
    /// Attributes the entity gets from this mention.
    public var attributes: [String: String]
    /// Other names the entity gets from this mention (`22条政策措施` for the figure `22条`).
    public var aliases: Set<String>

    public init(type: EntityType, name: String, surface: String? = nil, range: Range<Int>, attributes: [String: String] = [:], aliases: Set<String> = []) {
        self.type = type
        self.name = name
        self.surface = surface ?? name
        self.range = range
        self.attributes = attributes
        self.aliases = aliases
    }
}

/// A relation a relation rule found, before entity resolution.
public struct RelationCandidate: Sendable, Hashable {
    public var predicate: String
    public var subject: RelationEndpoint
    public var object: RelationEndpoint
    /// `date` (EDTF) and other attributes.
    public var attributes: [String: String]
    /// The span the relation was read from (normalized coordinates), for provenance.
    public var evidence: Range<Int>
    public var rule: String

    public init(
        predicate: String, subject: RelationEndpoint, object: RelationEndpoint,
        attributes: [String: String] = [:], evidence: Range<Int>, rule: String
    ) {
        self.predicate = predicate
        self.subject = subject
        self.object = object
        self.attributes = attributes
        self.evidence = evidence
        self.rule = rule
    }
}

/// One sentence with the mentions found in it, as relation rules see it.
public struct SentenceView: Sendable {
    public let text: PreparedText
    /// The sentence's range in normalized coordinates.
    public let range: Range<Int>
    /// The resolved mentions inside the sentence, in text order.
    public let mentions: [Mention]

    /// The mentions of one type, in text order.
    public func mentions(of type: MentionType) -> [Mention] { mentions.filter { $0.type == type } }
}

/// A rule that finds relations between mentions of one sentence.
public protocol RelationRule: Sendable {
    var id: String { get }
    var summary: String { get }
    var examples: [RuleExample] { get }
    func relations(in sentence: SentenceView, context: RuleContext) -> [RelationCandidate]
}
