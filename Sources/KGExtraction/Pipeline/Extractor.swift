import KGModel

/// What the pipeline found in one document.
public struct DocumentExtraction: Sendable {
    public var text: PreparedText
    /// Resolved, non-overlapping mentions in text order.
    public var mentions: [Mention]
    /// Relations before entity resolution.
    public var relations: [RelationCandidate]
    /// The document's graph.
    public var graph: Graph
}

/// The kgx pipeline: preprocess → mention rules → relation rules → entity resolution → graph.
public struct Extractor: Sendable {
    public var mentionRules: [any MentionRule]
    /// Rules run on the resolved mentions (``ApposedMentionRule``).
    public var apposedMentionRules: [any ApposedMentionRule]
    public var relationRules: [any RelationRule]
    public var lexicon: Lexicon { didSet { names = NameContext(lexicon: lexicon) } }
    /// The lexicon's person-name cues, shared by every document.
    private var names: NameContext

    /// An extractor running the registered rules with `lexicon` (the bundled one by default).
    public init(
        lexicon: Lexicon = .standard,
        mentionRules: [any MentionRule] = RuleRegistry.mentionRules,
        apposedMentionRules: [any ApposedMentionRule] = RuleRegistry.apposedMentionRules,
        relationRules: [any RelationRule] = RuleRegistry.relationRules
    ) {
        self.lexicon = lexicon
        self.names = NameContext(lexicon: lexicon)
        self.mentionRules = mentionRules
        self.apposedMentionRules = apposedMentionRules
        self.relationRules = relationRules
    }

    /// The resolved mentions of a prepared document.
    public func mentions(in text: PreparedText, referenceDate: CalendarDate? = nil) -> [Mention] {
        mentions(in: text, context: context(for: text, referenceDate: referenceDate))
    }

    /// The context every rule of one document shares: its lexical analysis is computed once.
    private func context(for text: PreparedText, referenceDate: CalendarDate?) -> RuleContext {
        RuleContext(referenceDate: referenceDate, lexicon: lexicon,
                    analysis: LexicalAnalysis(scalars: text.scalars, automaton: lexicon.automaton), names: names)
    }

    private func mentions(in text: PreparedText, context: RuleContext) -> [Mention] {
        let resolved = MentionOverlapResolver.resolve(mentionRules.flatMap { $0.mentions(in: text, context: context) })
        let apposed = apposedMentionRules.flatMap { $0.mentions(in: text, resolved: resolved, context: context) }
        guard !apposed.isEmpty else { return resolved }
        var occupied = IntervalSet()
        for mention in resolved { occupied.insert(mention.range) }
        var result = resolved
        for mention in apposed where !occupied.overlaps(mention.range) {
            occupied.insert(mention.range)
            result.append(mention)
        }
        return result.sorted(by: MentionOverlapResolver.inTextOrder)
    }

    /// The resolved mentions of a text.
    public func mentions(in text: String, documentID: String = "text", referenceDate: CalendarDate? = nil) -> [Mention] {
        mentions(in: PreparedText(documentID: documentID, text: text), referenceDate: referenceDate)
    }

    /// The segmentation every rule reads: the best-path tokens of a prepared document with their part of
    /// speech (jieba's tag set; empty for a name or word known only to the gazetteer, `x` for an unknown
    /// character). Ranges are in ``PreparedText/scalars``.
    public func tokens(in text: PreparedText) -> [(range: Range<Int>, tag: String)] {
        let analysis = LexicalAnalysis(scalars: text.scalars, automaton: lexicon.automaton)
        return analysis.tokens.map { token in (token.range, token.word.map { lexicon.automaton.tag($0) } ?? "x") }
    }

    /// Runs the whole pipeline on one document.
    public func extract(documentID: String, text: String, referenceDate: CalendarDate? = nil) -> DocumentExtraction {
        let prepared = PreparedText(documentID: documentID, text: text)
        let context = context(for: prepared, referenceDate: referenceDate)
        let mentions = mentions(in: prepared, context: context)
        let relations = relationCandidates(prepared, mentions: mentions, context: context)
        let graph = EntityResolver(lexicon: lexicon).graph(for: prepared, mentions: mentions, relations: relations)
        return DocumentExtraction(text: prepared, mentions: mentions, relations: relations, graph: graph)
    }

    /// Runs the pipeline on several documents and merges their graphs.
    public func graph(for documents: [(id: String, text: String)], referenceDate: CalendarDate? = nil) -> Graph {
        var graph = Graph()
        for document in documents {
            graph.merge(extract(documentID: document.id, text: document.text, referenceDate: referenceDate).graph)
        }
        return graph
    }

    func relationCandidates(_ text: PreparedText, mentions: [Mention], context: RuleContext) -> [RelationCandidate] {
        var bySentence = [[Mention]](repeating: [], count: text.sentences.count)
        for mention in mentions where mention.container == nil {
            if let index = text.sentenceIndex(containing: mention.range.lowerBound) { bySentence[index].append(mention) }
        }
        var result: [RelationCandidate] = []
        for (index, range) in text.sentences.enumerated() {
            let view = SentenceView(text: text, range: range, mentions: bySentence[index])
            for rule in relationRules { result.append(contentsOf: rule.relations(in: view, context: context)) }
        }
        return result
    }
}
