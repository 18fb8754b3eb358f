/// Predicates kgx emits. Relations may carry other predicates too; these are the documented ones.
public enum Predicate {
    public static let issued = "issued"
    public static let convened = "convened"
    public static let visited = "visited"
    public static let counts = "counts"
    public static let partOf = "partOf"
    public static let locatedIn = "locatedIn"
    public static let holdsTitle = "holdsTitle"
    public static let contains = "contains"
    public static let designated = "designated"
    public static let met = "met"
    public static let attended = "attended"
    public static let sentMessage = "sentMessage"
    public static let appointed = "appointed"
    public static let signed = "signed"
}

/// A directed, typed edge between two entities, with its provenance.
public struct Relation: Hashable, Codable, Sendable {
    /// Stable id derived from subject, predicate, object and date.
    public var id: String
    public var predicate: String
    public var subject: EntityID
    public var object: EntityID
    /// Attributes such as `date` (EDTF).
    public var attributes: [String: String]
    /// Every place the relation was stated.
    public var provenance: [Provenance]

    public init(
        predicate: String, subject: EntityID, object: EntityID,
        attributes: [String: String] = [:], provenance: [Provenance] = []
    ) {
        self.predicate = predicate
        self.subject = subject
        self.object = object
        self.attributes = attributes
        self.provenance = provenance
        let dateKey = attributes[AttributeKey.date] ?? ""
        self.id = "rel-" + StableHash.hex([subject.rawValue, predicate, object.rawValue, dateKey].joined(separator: "\u{1F}"))
    }

    /// The relation's date (EDTF), if it has one.
    public var date: String? { attributes[AttributeKey.date] }
}
