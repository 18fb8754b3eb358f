/// A filter over a graph's relations: by predicate, by the names of their ends and by date.
///
/// ```swift
/// let query = GraphQuery(predicate: "issued", subject: "中组部", from: "2021-01", to: "2021-12")
/// for relation in query.relations(in: graph) { print(graph[relation.object]!.name) }
/// ```
/// Names match an entity's canonical name or any of its aliases. Dates are EDTF (`2021`, `2021-06`,
/// `2021-06-14`, intervals `A/B` with open ends `..`); a relation matches a date range when its date
/// overlaps it, and a relation without a date or with an unknown year (`XXXX-06`) never does.
public struct GraphQuery: Sendable {
    public var predicate: String?
    public var subject: String?
    public var object: String?
    /// First day of the range, as `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (the start of that period).
    public var from: String?
    /// Last day of the range, as `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (the end of that period).
    public var to: String?

    public init(predicate: String? = nil, subject: String? = nil, object: String? = nil, from: String? = nil, to: String? = nil) {
        self.predicate = predicate
        self.subject = subject
        self.object = object
        self.from = from
        self.to = to
    }

    /// The matching relations, in the graph's order.
    public func relations(in graph: Graph) -> [Relation] {
        let low = from.flatMap { EDTFDay.bounds(of: $0)?.low }
        let high = to.flatMap { EDTFDay.bounds(of: $0)?.high }
        return graph.relations.filter { relation in
            if let predicate, relation.predicate != predicate { return false }
            if let subject, !(graph[relation.subject].map { $0.isNamed(subject) } ?? false) { return false }
            if let object, !(graph[relation.object].map { $0.isNamed(object) } ?? false) { return false }
            if from != nil || to != nil {
                guard let date = relation.date, let span = EDTFDay.bounds(of: date) else { return false }
                if let low, span.high < low { return false }
                if let high, span.low > high { return false }
            }
            return true
        }
    }

    /// Whether `date` can bound a range (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    public static func isRangeBound(_ date: String) -> Bool { !date.contains("/") && EDTFDay.bounds(of: date) != nil }
}

extension Entity {
    /// Whether `name` is this entity's canonical name or one of its aliases.
    public func isNamed(_ name: String) -> Bool { self.name == name || aliases.contains(name) }
}

extension Graph {
    /// The entities named `name` (canonical name or alias), optionally of one type.
    public func entities(named name: String, type: EntityType? = nil) -> [Entity] {
        entities.filter { $0.isNamed(name) && (type == nil || $0.type == type) }
    }

    /// Up to `limit` names of the graph close to `name`: names containing it or contained in it, then
    /// names within two edits, the closest first.
    public func names(closeTo name: String, limit: Int = 5) -> [String] {
        Self.names(closeTo: name, among: entities.flatMap { [$0.name] + $0.aliases.sorted() }, limit: limit)
    }

    /// ``names(closeTo:limit:)`` among `candidates` (a store's names).
    public static func names(closeTo name: String, among candidates: [String], limit: Int = 5) -> [String] {
        let target = Array(name.unicodeScalars)
        var scored: [(Int, String)] = []
        var seen = Set<String>()
        for candidate in candidates where !seen.contains(candidate) {
            seen.insert(candidate)
            if candidate.contains(name) || name.contains(candidate) {
                scored.append((0, candidate))
            } else {
                // One edit in a short name, two in a longer one: 郝家桥 is not close to 3家.
                let allowed = target.count <= 4 ? 1 : 2
                let distance = Self.editDistance(target, Array(candidate.unicodeScalars), limit: allowed)
                if distance <= allowed { scored.append((distance, candidate)) }
            }
        }
        return scored.sorted { $0 < $1 }.prefix(limit).map(\.1)
    }

    /// Levenshtein distance over scalars, or `limit + 1` when it exceeds `limit`.
    public static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return Swift.min(previous[b.count], limit + 1)
    }
}

/// Calendar days as comparable `YYYYMMDD` integers, from the EDTF values kgx writes.
enum EDTFDay {
    /// The first and last day a value covers; nil for unknown years, seasons and anything else.
    static func bounds(of value: String) -> (low: Int, high: Int)? {
        if let slash = value.firstIndex(of: "/") {
            let a = String(value[..<slash]), b = String(value[value.index(after: slash)...])
            let low = a.isEmpty || a == ".." ? Int.min : bounds(of: a)?.low
            let high = b.isEmpty || b == ".." ? Int.max : bounds(of: b)?.high
            guard let low, let high else { return nil }
            return (low, high)
        }
        var day = value.prefix { $0 != "T" }  // a time of day narrows nothing at this grain
        while let last = day.last, "~?%".contains(last) { day = day.dropLast() }
        let parts = day.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]) else { return nil }
        guard parts.count > 1 else { return (year * 10000 + 101, year * 10000 + 1231) }
        guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return nil }
        guard parts.count > 2 else { return (year * 10000 + month * 100 + 1, year * 10000 + month * 100 + 31) }
        guard parts[2].count == 2, let day = Int(parts[2]), (1...31).contains(day) else { return nil }
        return (year * 10000 + month * 100 + day, year * 10000 + month * 100 + day)
    }
}

extension Graph {
    /// One step of a path: the relation and whether it was followed from subject to object.
    public struct Step: Sendable, Hashable {
        public var relation: Relation
        public var forward: Bool
    }

    /// The relations within `depth` steps of `start`, in either direction, optionally of one predicate,
    /// in breadth-first order.
    public func neighborhood(of start: EntityID, depth: Int = 1, predicate: String? = nil) -> [Relation] {
        let adjacency = self.adjacency()
        var seen: Set<EntityID> = [start]
        var frontier = [start]
        var result: [Relation] = []
        var taken = Set<String>()
        for _ in 0..<max(depth, 0) {
            var next: [EntityID] = []
            for id in frontier {
                for relation in adjacency[id, default: []] where predicate == nil || relation.predicate == predicate {
                    if taken.insert(relation.id).inserted { result.append(relation) }
                    let other = relation.subject == id ? relation.object : relation.subject
                    if seen.insert(other).inserted { next.append(other) }
                }
            }
            frontier = next
        }
        return result
    }

    /// A shortest chain of relations between two entities, following relations in either direction;
    /// nil when they are not connected. Ties go to the relations that sort first, so the answer is stable.
    public func shortestPath(from start: EntityID, to goal: EntityID) -> [Step]? {
        if start == goal { return [] }
        let adjacency = self.adjacency()
        var previous: [EntityID: (EntityID, Step)] = [:]
        var frontier = [start]
        var seen: Set<EntityID> = [start]
        while !frontier.isEmpty {
            var next: [EntityID] = []
            for id in frontier {
                for relation in adjacency[id, default: []] {
                    let forward = relation.subject == id
                    let other = forward ? relation.object : relation.subject
                    guard seen.insert(other).inserted else { continue }
                    previous[other] = (id, Step(relation: relation, forward: forward))
                    if other == goal {
                        var steps: [Step] = []
                        var cursor = goal
                        while let (before, step) = previous[cursor] {
                            steps.append(step)
                            cursor = before
                        }
                        return steps.reversed()
                    }
                    next.append(other)
                }
            }
            frontier = next
        }
        return nil
    }

    /// The relations touching each entity, in the graph's relation order; built once per question.
    private func adjacency() -> [EntityID: [Relation]] {
        var result: [EntityID: [Relation]] = [:]
        for relation in relations {
            result[relation.subject, default: []].append(relation)
            if relation.object != relation.subject { result[relation.object, default: []].append(relation) }
        }
        return result
    }

    /// How many relations touch each entity, highest first (ties by id).
    public func degrees() -> [(entity: Entity, degree: Int)] {
        var count: [EntityID: Int] = [:]
        for relation in relationsByID.values {
            count[relation.subject, default: 0] += 1
            if relation.object != relation.subject { count[relation.object, default: 0] += 1 }
        }
        return entities.map { ($0, count[$0.id] ?? 0) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.id < $1.0.id }
    }
}
