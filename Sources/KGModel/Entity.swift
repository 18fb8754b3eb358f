/// A stable entity identifier such as `org-3f2a…`: derived from the entity's type and canonical key,
/// so the same entity gets the same id in every document and every run.
public struct EntityID: RawRepresentable, Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The id of the entity of `type` whose identity is `key` (usually the canonical name).
    public init(type: EntityType, key: String) {
        self.rawValue = "\(type.idPrefix)-\(StableHash.hex(type.rawValue + "\u{1F}" + key))"
    }

    public var description: String { rawValue }
    public static func < (lhs: EntityID, rhs: EntityID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Well-known attribute names of entities and relations, shared by the extractor and the writers.
public enum AttributeKey {
    /// Normalized value of a Figure (decimal string, or interval notation for ranges).
    public static let value = "value"
    /// Surface text of a Figure, e.g. `51.8万人`.
    public static let text = "text"
    /// `more than`, `less than` or `about`, when a Figure is approximate.
    public static let approximate = "approximate"
    /// Unit or classifier of a Figure (`人`, `个`, `%`, `元`).
    public static let unit = "unit"
    /// ISO 4217 currency of a money Figure.
    public static let currency = "currency"
    /// Kind of a Figure: number, percentage, ordinal, fraction, range, money.
    public static let kind = "kind"
    /// Type of a Document from its title suffix: 意见, 条例, 办法, 通知, …
    public static let documentType = "documentType"
    /// Type of a Place from its suffix: 省, 市, 县, 村, …
    public static let placeType = "placeType"
    /// EDTF date of a relation or an event.
    public static let date = "date"
    /// Ordinal of an event such as 党的十九大.
    public static let ordinal = "ordinal"
    /// A Person's title, e.g. 总书记.
    public static let title = "title"
}

/// A node of the knowledge graph: an organization, document, person, place, event, figure or concept.
public struct Entity: Hashable, Codable, Sendable {
    /// Stable id (see ``EntityID``).
    public var id: EntityID
    public var type: EntityType
    /// Canonical name, used as the display label.
    public var name: String
    /// Other names seen or known for the entity (never contains `name`).
    public var aliases: Set<String>
    /// Typed attributes, keyed by the names in ``AttributeKey``.
    public var attributes: [String: String]
    /// Every mention of the entity.
    public var mentions: [Provenance]

    public init(
        id: EntityID? = nil, type: EntityType, name: String, aliases: Set<String> = [],
        attributes: [String: String] = [:], mentions: [Provenance] = []
    ) {
        self.id = id ?? EntityID(type: type, key: name)
        self.type = type
        self.name = name
        self.aliases = aliases.subtracting([name])
        self.attributes = attributes
        self.mentions = mentions
    }

    /// Folds another record of the same entity into this one: aliases, missing attributes and mentions.
    public mutating func absorb(_ other: Entity) {
        aliases.formUnion(other.aliases)
        if other.name != name { aliases.insert(other.name) }
        aliases.remove(name)
        for (key, value) in other.attributes where attributes[key] == nil {
            attributes[key] = value
        }
        Provenance.merge(Provenance.normalized(other.mentions), into: &mentions)
    }
}
