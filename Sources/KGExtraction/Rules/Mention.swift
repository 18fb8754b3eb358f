import KGModel

/// What a mention names. Entity types plus `Date`, which becomes a relation attribute, not a node.
public enum MentionType: String, Sendable, Hashable, CaseIterable, Comparable {
    case organization = "Organization"
    case document = "Document"
    case person = "Person"
    case place = "Place"
    case event = "Event"
    case date = "Date"
    case figure = "Figure"
    case concept = "Concept"

    /// The graph node type of the mention, `nil` for dates.
    public var entityType: EntityType? { EntityType(rawValue: rawValue) }

    /// When two mentions of the same length overlap, the one of higher precedence wins.
    var precedence: Int {
        switch self {
        case .document: 8
        case .date: 7
        case .event: 6
        case .organization: 5
        case .place: 4
        case .person: 3
        case .figure: 2
        case .concept: 1
        }
    }

    public static func < (lhs: MentionType, rhs: MentionType) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A span of a document that a mention rule recognized, with its normalized value.
///
/// `range` is in the normalized coordinates of ``PreparedText``; use
/// ``PreparedText/originalRange(_:)`` for offsets into the original text.
public struct Mention: Sendable, Hashable {
    public var type: MentionType
    public var range: Range<Int>
    /// Normalized value: EDTF for dates, a decimal string (or interval) for figures, the canonical name
    /// for named entities.
    public var value: String?
    /// Further typed values (`kind`, `unit`, `approximate`, `currency`, `documentType`, …).
    public var attributes: [String: String]
    /// Id of the rule that found it.
    public var rule: String
    /// The wider phrase the mention heads, when it has one: a figure with its classifier (`51.8万人`
    /// for the number `51.8万`). The graph names Figure nodes by it; `kgx mentions` reports `range`.
    public var phrase: Range<Int>?
    /// The part of `range` that writes the name when the mention takes in more: `全国人民代表大会` of
    /// `第九届全国人民代表大会`, whose term is part of the mention but not of the body's name. The graph and
    /// the relation rules name the entity by ``nameRange``.
    public var written: Range<Int>?
    /// The span that names the entity: ``written`` when set, else `range`.
    public var nameRange: Range<Int> { written ?? range }
    /// The span of the document title this mention is named in (`邓小平` in `《邓小平文选》`), when it is
    /// one: an entity the document names, not a participant of the sentence, so no relation rule reads it.
    public var container: Range<Int>?

    public init(
        type: MentionType, range: Range<Int>, value: String? = nil, attributes: [String: String] = [:],
        rule: String, phrase: Range<Int>? = nil, container: Range<Int>? = nil
    ) {
        self.type = type
        self.range = range
        self.value = value
        self.attributes = attributes
        self.rule = rule
        self.phrase = phrase
        self.container = container
    }
}

/// A calendar date without time zone, used as a document's reference date.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (also `YYYY-MM`, taken as the first of the month); `nil` when malformed.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts[0].count == 4,
            let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month)
        else { return nil }
        let day = parts.count == 3 ? Int(parts[2]) : 1
        guard let day, (1...CalendarDate.daysIn(year: year, month: month)).contains(day) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
