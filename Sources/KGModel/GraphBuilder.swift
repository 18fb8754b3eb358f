/// Builds one graph from the graphs of many documents in time that grows as n log n with the number of
/// mentions, whatever order the documents come in.
///
/// ``Graph/merge(_:)`` keeps every provenance list sorted after each merge: cheap when documents arrive in
/// id order, a full copy of the list per merge when they do not (`doc:10` before `doc:2`). A builder
/// appends and sorts each list once, in ``graph()``; the result is the graph the merges would give.
///
/// ```swift
/// var builder = GraphBuilder()
/// for document in documents { builder.add(extractor.extract(documentID: document.id, text: document.text).graph) }
/// let graph = builder.graph()
/// ```
public struct GraphBuilder: Sendable {
    private var entities: [EntityID: Entity] = [:]
    private var relations: [String: Relation] = [:]

    public init() {}

    /// Entities and relations so far.
    public var entityCount: Int { entities.count }
    public var relationCount: Int { relations.count }

    /// Adds a graph: names, aliases and attributes merge now (the first value of an attribute stays, as
    /// with ``Graph/merge(_:)``), provenance is sorted once at the end.
    public mutating func add(_ graph: Graph) {
        for entity in graph.entitiesByID.values {
            if entities[entity.id] != nil {
                entities[entity.id]!.absorbNames(entity)
                entities[entity.id]!.mentions.append(contentsOf: entity.mentions)
            } else {
                entities[entity.id] = entity
            }
        }
        for relation in graph.relationsByID.values {
            if relations[relation.id] != nil {
                relations[relation.id]!.provenance.append(contentsOf: relation.provenance)
                for (key, value) in relation.attributes where relations[relation.id]!.attributes[key] == nil {
                    relations[relation.id]!.attributes[key] = value
                }
            } else {
                relations[relation.id] = relation
            }
        }
    }

    /// The graph, every provenance list sorted and without duplicates.
    public func graph() -> Graph {
        Graph(entities: entities.values.map { entity in
            var entity = entity
            entity.mentions = Provenance.normalized(entity.mentions)
            return entity
        }, relations: relations.values.map { relation in
            var relation = relation
            relation.provenance = Provenance.normalized(relation.provenance)
            return relation
        })
    }
}
