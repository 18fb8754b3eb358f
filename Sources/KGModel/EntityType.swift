/// The kinds of node a kgx graph holds.
public enum EntityType: String, Codable, CaseIterable, Sendable, Comparable {
    case organization = "Organization"
    case document = "Document"
    case person = "Person"
    case place = "Place"
    case event = "Event"
    case figure = "Figure"
    case concept = "Concept"

    /// Short, stable prefix used in entity ids and IRIs (`org`, `doc`, …).
    public var idPrefix: String {
        switch self {
        case .organization: "org"
        case .document: "doc"
        case .person: "person"
        case .place: "place"
        case .event: "event"
        case .figure: "figure"
        case .concept: "concept"
        }
    }

    public static func < (lhs: EntityType, rhs: EntityType) -> Bool { lhs.rawValue < rhs.rawValue }
}
