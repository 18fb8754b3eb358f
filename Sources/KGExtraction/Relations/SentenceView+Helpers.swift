import KGModel

extension SentenceView {
    /// The normalized text between two positions.
    func gap(_ from: Int, _ to: Int) -> String { text.scalars.text(from..<max(from, to)) }

    /// Positions in the sentence where a word of `words` starts, with its end.
    func occurrences(of words: WordSet, maxLength: Int = 6) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var i = range.lowerBound
        while i < range.upperBound {
            if let end = text.scalars.longestWord(startingAt: i, in: words, maxLength: maxLength), end <= range.upperBound {
                result.append(i..<end)
                i = end
            } else {
                i += 1
            }
        }
        return result
    }

    /// The last date mention before `position` in the sentence, else the first one after it.
    func date(near position: Int) -> Mention? {
        let dates = mentions(of: .date).filter { $0.attributes[AttributeKey.kind] != "duration" }
        return dates.last { $0.range.upperBound <= position } ?? dates.first
    }

    /// An endpoint for a mention, named by its canonical value.
    func endpoint(_ mention: Mention, type: EntityType, attributeKeys: Set<String> = []) -> RelationEndpoint {
        RelationEndpoint(type: type, name: mention.value ?? text.normalizedString(mention.range), range: mention.range,
                         attributes: mention.attributes.filter { attributeKeys.contains($0.key) })
    }

    /// The mentions of `type` that follow `position` as a list joined by 、, 和, 及 or commas.
    func list(of type: MentionType, after position: Int) -> [Mention] {
        var result: [Mention] = []
        var cursor = position
        for mention in mentions where mention.range.lowerBound >= cursor {
            let between = gap(cursor, mention.range.lowerBound)
            if mention.type == type, result.isEmpty ? between.isEmpty || between == "了" : SentenceView.listSeparators.contains(between) {
                result.append(mention)
                cursor = mention.range.upperBound
            } else {
                break
            }
        }
        return result
    }

    static let listSeparators: Set<String> = ["、", "和", "与", "及", "以及", ",", "、以及"]
}
