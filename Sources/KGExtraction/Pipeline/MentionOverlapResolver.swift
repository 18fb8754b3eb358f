/// Chooses among overlapping mentions. Within a layer the longest span wins, then the type of higher
/// precedence, then the earlier rule.
///
/// Named entities form one layer. Dates form their own: a date may be anchored on a named entity
/// (`党的十九大以来`), but a date inside a document title or a name is part of it, not a date of the
/// sentence, and a person inside a date is a festival's name read as a person's. Figures come last and give way to both (`2021年` is a date; `十九大` in `党的十九大` is an
/// event), except that a figure strictly containing a date-like span wins (`八点五成` is 85%, not 8:05).
/// Persons, places and organizations named inside a document title (`《邓小平文选》`) form a nested layer
/// under it: the title stays one document, and what it names is still found.
/// The result is in text order.
enum MentionOverlapResolver {
    private static let namedTypes: Set<MentionType> = [.document, .event, .organization, .person, .place]
    private static let nestableTypes: Set<MentionType> = [.organization, .person, .place]

    static func resolve(_ candidates: [Mention]) -> [Mention] {
        let dateLayer = resolveLayer(candidates.filter { $0.type == .date })
        let dateRanges = RangeIndex(dateLayer.map(\.range))
        // A festival is no person (万圣节 is Halloween, not a Mr 万).
        let named = resolveLayer(candidates.filter { namedTypes.contains($0.type) })
            .filter { $0.type != .person || !dateRanges.containsRange(containing: $0.range, strictly: false) }
        // A date word inside a name is part of the name (明日 in 光明日报, 五一 in 五一广场).
        let names = RangeIndex(named.filter { nestableTypes.contains($0.type) }.map(\.range))
        let documentRanges = named.filter { $0.type == .document }.map(\.range)
        let documents = RangeIndex(documentRanges)
        let nested = resolveLayer(candidates.filter { candidate in
            nestableTypes.contains(candidate.type) && documents.containsRange(containing: candidate.range, strictly: true)
        }).map { mention in
            var mention = mention
            mention.container = documentRanges.first { $0.contains(mention.range.lowerBound) && mention.range.upperBound <= $0.upperBound }
            return mention
        }
        let figureCandidates = resolveLayer(candidates.filter { $0.type == .figure || $0.type == .concept })
        let figureRanges = RangeIndex(figureCandidates.map(\.range))
        let dates = dateLayer.filter { date in
            !documents.containsRange(containing: date.range, strictly: false)
                && !names.containsRange(containing: date.range, strictly: true)
                // A figure that strictly contains a date-like span (八点五成, 百分之一点五七) is the reading.
                && !figureRanges.containsRange(containing: date.range, strictly: true)
        }
        let blocking = RangeIndex((named + dates).map(\.range))
        let figures = figureCandidates.filter { !blocking.overlapsAny($0.range) }
        return (named + nested + dates + figures).sorted(by: inTextOrder)
    }

    /// The order of resolved mentions: by start, end, then type.
    static func inTextOrder(_ a: Mention, _ b: Mention) -> Bool {
        (a.range.lowerBound, a.range.upperBound, a.type) < (b.range.lowerBound, b.range.upperBound, b.type)
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
