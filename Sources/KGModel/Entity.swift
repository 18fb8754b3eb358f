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
    /// Canonical name: the identity the lexicon gives the entity (`中国科学院` for `中科院`).
    public var name: String
    /// Other names seen or known for the entity (never contains `name`).
    public var aliases: Set<String>
    /// Typed attributes, keyed by the names in ``AttributeKey``.
    public var attributes: [String: String]
    /// Every mention of the entity.
    public var mentions: [Provenance]
    /// How many times each written form names the entity in the text; the display label is the most frequent.
    public var writtenForms: [String: Int]

    /// The display label: the form the text writes most often (the canonical name on a tie or when nothing
    /// was read), so that a graph of one document names things as that document does.
    public var label: String {
        let best = writtenForms.max { a, b in
            if a.value != b.value { return a.value < b.value }
            if a.key == name { return false }
            if b.key == name { return true }
            return b.key.utf8.lexicographicallyPrecedes(a.key.utf8)
        }
        return best?.key ?? name
    }

    public init(
        id: EntityID? = nil, type: EntityType, name: String, aliases: Set<String> = [],
        attributes: [String: String] = [:], mentions: [Provenance] = [], writtenForms: [String: Int] = [:]
    ) {
        self.id = id ?? EntityID(type: type, key: name)
        self.type = type
        self.name = name
        self.aliases = aliases.subtracting([name])
        self.attributes = attributes
        self.mentions = mentions
        self.writtenForms = writtenForms
    }

    /// Folds another record of the same entity into this one: aliases, missing attributes, mentions and
    /// written forms.
    public mutating func absorb(_ other: Entity) {
        absorbNames(other)
        Provenance.merge(Provenance.normalized(other.mentions), into: &mentions)
    }

    /// Everything of ``absorb(_:)`` but the mentions.
    mutating func absorbNames(_ other: Entity) {
        writtenForms.merge(other.writtenForms, uniquingKeysWith: +)
        aliases.formUnion(other.aliases)
        if other.name != name { aliases.insert(other.name) }
        aliases.remove(name)
        for (key, value) in other.attributes where attributes[key] == nil {
            attributes[key] = value
        }
    }
}
