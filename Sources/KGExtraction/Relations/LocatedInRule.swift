import KGModel

/// Places written one after another (`陕西榆林绥德县的郝家桥村`): each lies in the one before it.
struct LocatedInRule: RelationRule {
    let id = "relation.locatedIn"
    let summary = "Each place of an administrative chain is located in the place before it"
    var examples: [RuleExample] {
        [
            .positive("他来到四川成都武侯区的红牌楼村。", "红牌楼村 -locatedIn-> 武侯区", "武侯区 -locatedIn-> 成都", "成都 -locatedIn-> 四川"),
            .positive("活动在广州会展中心大楼举行。", "广州会展中心大楼 -locatedIn-> 广州"),
            .negative("北京、上海、深圳开展试点。"),
        ]
    }

    func relations(in sentence: SentenceView, context: RuleContext) -> [RelationCandidate] {
        var result: [RelationCandidate] = []
        let mentions = sentence.mentions
        for (outer, inner) in zip(mentions, mentions.dropFirst()) where outer.type == .place && inner.type == .place {
            let between = sentence.gap(outer.range.upperBound, inner.range.lowerBound)
            guard between.isEmpty || between == "的", outer.value != inner.value else { continue }
            result.append(RelationCandidate(predicate: Predicate.locatedIn,
                                            subject: sentence.endpoint(inner, type: .place, attributeKeys: [AttributeKey.placeType]),
                                            object: sentence.endpoint(outer, type: .place, attributeKeys: [AttributeKey.placeType]),
                                            evidence: sentence.range, rule: id))
        }
        // Buildings named with their city (上海中心大厦) lie in that city.
        for building in mentions where building.type == .place {
            guard let city = building.attributes["partOf"] else { continue }
            result.append(RelationCandidate(predicate: Predicate.locatedIn,
                                            subject: sentence.endpoint(building, type: .place, attributeKeys: [AttributeKey.placeType]),
                                            object: RelationEndpoint(type: .place, name: city, range: building.range),
                                            evidence: sentence.range, rule: id))
        }
        return result
    }
}
