/// A knowledge graph: entities keyed by stable id and relations keyed by stable id.
///
/// Adding an entity or relation that is already present merges the two (aliases, attributes,
/// provenance), so graphs from several documents combine into one.
public struct Graph: Hashable, Codable, Sendable {
    public private(set) var entitiesByID: [EntityID: Entity] = [:]
    public private(set) var relationsByID: [String: Relation] = [:]

    public init() {}

    public init(entities: [Entity], relations: [Relation]) {
        for entity in entities { add(entity) }
        for relation in relations { add(relation) }
    }

    /// Entities sorted by id: the order writers emit.
    public var entities: [Entity] {
        // Sorting positions, not entities: moving an entity (names, attributes, mentions) costs far more
        // than comparing two ids.
        let all = Array(entitiesByID.values)
        return all.withUnsafeBufferPointer { items in
            items.indices.sorted { items[$0].id < items[$1].id }.map { items[$0] }
        }
    }

    /// Relations sorted by subject, predicate, object and id: the order writers emit.
    public var relations: [Relation] {
        let all = Array(relationsByID.values)
        return all.withUnsafeBufferPointer { items in
            items.indices.sorted { a, b in
                if items[a].subject != items[b].subject { return items[a].subject < items[b].subject }
                if items[a].predicate != items[b].predicate { return items[a].predicate < items[b].predicate }
                if items[a].object != items[b].object { return items[a].object < items[b].object }
                return items[a].id < items[b].id
            }.map { items[$0] }
        }
    }

    public subscript(id: EntityID) -> Entity? { entitiesByID[id] }

    /// Adds an entity, merging it with the one of the same id.
    public mutating func add(_ entity: Entity) {
        if entitiesByID[entity.id] != nil {
            // Mutate in place: copying the entity out would copy its mention list on every add.
            entitiesByID[entity.id]!.absorb(entity)
        } else {
            var fresh = entity
            fresh.mentions = Provenance.normalized(fresh.mentions)
            entitiesByID[entity.id] = fresh
        }
    }

    /// Adds a relation, merging its provenance with the one of the same id.
    public mutating func add(_ relation: Relation) {
        if relationsByID[relation.id] != nil {
            Provenance.merge(Provenance.normalized(relation.provenance), into: &relationsByID[relation.id]!.provenance)
            for (key, value) in relation.attributes where relationsByID[relation.id]!.attributes[key] == nil {
                relationsByID[relation.id]!.attributes[key] = value
            }
        } else {
            var fresh = relation
            fresh.provenance = Provenance.normalized(fresh.provenance)
            relationsByID[relation.id] = fresh
        }
    }

    /// Merges another graph into this one.
    public mutating func merge(_ other: Graph) {
        for entity in other.entitiesByID.values { add(entity) }
        for relation in other.relationsByID.values { add(relation) }
    }

    /// Relations whose subject or object is `id`.
    public func relations(touching id: EntityID) -> [Relation] {
        relations.filter { $0.subject == id || $0.object == id }
    }
}
