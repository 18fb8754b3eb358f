import KGModel

/// The exact text of every span a graph's provenance points at (for the JSON-LD `TextQuoteSelector`),
/// kept instead of whole documents: memory grows with the graph, not with the corpus.
///
/// ```swift
/// var quotes = SpanQuotes()
/// quotes.record(result.graph, document: "news-1", text: text)   // after each document
/// try JSONLDWriter(quotes: quotes).write(graph, to: "corpus.jsonld")
/// ```
public struct SpanQuotes: Sendable {
    private struct Span: Hashable, Sendable {
        var document: String
        var start: Int
        var end: Int
    }

    private var texts: [Span: String] = [:]

    public init() {}

    /// Records the text of each span of `graph` in `document`, whose text is `text`; offsets count
    /// Unicode scalars of `text`, as ``Provenance`` does.
    public mutating func record(_ graph: Graph, document: String, text: String) {
        let spans = graph.entitiesByID.values.flatMap(\.mentions) + graph.relationsByID.values.flatMap(\.provenance)
        var scalars: [Unicode.Scalar]?
        for provenance in spans where provenance.document == document {
            let span = Span(document: document, start: provenance.start, end: provenance.end)
            guard texts[span] == nil else { continue }
            let all = scalars ?? Array(text.unicodeScalars)
            scalars = all
            guard 0 <= span.start, span.start <= span.end, span.end <= all.count else { continue }
            texts[span] = String(String.UnicodeScalarView(all[span.start..<span.end]))
        }
    }

    /// The text `provenance` spans, when it was recorded.
    /// Records the text of one span (as a store gives it back).
    public mutating func set(_ text: String, document: String, start: Int, end: Int) {
        texts[Span(document: document, start: start, end: end)] = text
    }

    public func text(of provenance: Provenance) -> String? {
        texts[Span(document: provenance.document, start: provenance.start, end: provenance.end)]
    }

    /// Whether nothing was recorded.
    public var isEmpty: Bool { texts.isEmpty }
}
