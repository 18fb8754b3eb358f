import KGModel

/// Places written one after another (`陕西榆林绥德县的郝家桥村`): each lies in the one before it.
struct LocatedInRule: RelationRule {
    let id = "relation.locatedIn"
    let summary = "Each place of an administrative chain is located in the place before it"
    var examples: [RuleExample] {
        [
            .positive("他来到四川成都武侯区的红牌楼村。", "红牌楼村 -locatedIn-> 武侯区", "武侯区 -locatedIn-> 成都", "成都 -locatedIn-> 四川"),
            .positive("活动在广州会展中心大楼举行。", "广州会展中心大楼 -locatedIn-> 广州"),
            .positive("论坛在泰国首都曼谷举行。", "曼谷 -locatedIn-> 泰国"),
            .negative("北京、上海、深圳开展试点。"),
            .negative("中美两国元首通了电话。"),
            .negative("纽约是一座大城市。"),
            .negative("美国的亚洲问题专家发表演讲。"),
        ]
    }

    /// The depth of a place in the administrative hierarchy, when the gazetteer knows it.
    static func rank(_ place: Mention) -> Int? {
        switch place.attributes["level"] {
        case "province": 1
        case "prefecture": 2
        case "county": 3
        case "township": 4
        // A continent or world region (亚洲, 中东) lies in no country.
        case "world" where place.attributes[AttributeKey.placeType] == "地区": -1
        default: place.attributes[AttributeKey.placeType] == "国家" ? 0 : nil
        }
    }

    func relations(in sentence: SentenceView, context: RuleContext) -> [RelationCandidate] {
        var result: [RelationCandidate] = []
        let mentions = sentence.mentions
        for (outer, inner) in zip(mentions, mentions.dropFirst()) where outer.type == .place && inner.type == .place {
            let between = sentence.gap(outer.range.upperBound, inner.range.lowerBound)
            // 马来西亚首都吉隆坡: a capital lies in its country.
            guard between.isEmpty || between == "的" || between == "首都" || between == "的首都", outer.value != inner.value else { continue }
            // Abbreviations in a run are partners (中美), not a chain; a country lies in no country.
            if outer.attributes["abbreviation"] != nil || inner.attributes["abbreviation"] != nil { continue }
            if let a = Self.rank(outer), let b = Self.rank(inner), b <= a { continue }
            result.append(RelationCandidate(predicate: Predicate.locatedIn,
                                            subject: sentence.endpoint(inner, type: .place, attributeKeys: [AttributeKey.placeType]),
                                            object: sentence.endpoint(outer, type: .place, attributeKeys: [AttributeKey.placeType]),
                                            evidence: sentence.range, rule: id))
        }
        // Buildings named with their city (上海中心大厦) lie in that city.
        // (Gazetteer places carry their parent too, but a relation needs the sentence to state it.)
        for building in mentions where building.type == .place && building.attributes[AttributeKey.placeType] == "建筑" {
            guard let city = building.attributes["partOf"] else { continue }
            result.append(RelationCandidate(predicate: Predicate.locatedIn,
                                            subject: sentence.endpoint(building, type: .place, attributeKeys: [AttributeKey.placeType]),
                                            object: RelationEndpoint(type: .place, name: city, range: building.range),
                                            evidence: sentence.range, rule: id))
        }
        return result
    }
}
