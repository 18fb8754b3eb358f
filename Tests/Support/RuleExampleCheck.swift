import KGExtraction
import KGModel

/// Runs a rule's own examples; the test suite calls this for every registered rule.
public enum RuleExampleCheck {
    /// One example of one rule.
    public struct Case: Sendable, CustomStringConvertible {
        public var ruleID: String
        public var example: RuleExample
        public var description: String { "\(ruleID): \(example.text)" }
    }

    /// Every example of every registered rule.
    public static var allCases: [Case] {
        RuleRegistry.mentionRules.flatMap { rule in rule.examples.map { Case(ruleID: rule.id, example: $0) } }
            + RuleRegistry.apposedMentionRules.flatMap { rule in rule.examples.map { Case(ruleID: rule.id, example: $0) } }
            + RuleRegistry.relationRules.flatMap { rule in rule.examples.map { Case(ruleID: rule.id, example: $0) } }
    }

    /// What the rule finds in the example, written as the examples write expectations.
    public static func findings(of testCase: Case, extractor standard: Extractor = Extractor()) -> [String] {
        var extractor = standard
        if let rules = testCase.example.rules {
            var lexicon = extractor.lexicon
            do { try lexicon.load(text: rules, file: "example rules") } catch { return ["rules do not load: \(error)"] }
            extractor.lexicon = lexicon
        }
        let reference = testCase.example.referenceDate.flatMap(CalendarDate.init(iso:))
        let text = PreparedText(documentID: "example", text: testCase.example.text)
        if let rule = extractor.mentionRules.first(where: { $0.id == testCase.ruleID }) {
            let context = RuleContext(referenceDate: reference, lexicon: extractor.lexicon)
            return rule.mentions(in: text, context: context).flatMap { mention -> [String] in
                let surface = text.surface(mention.range)
                return [surface] + (mention.value.map { ["\(surface) = \($0)"] } ?? [])
            }
        }
        if extractor.apposedMentionRules.contains(where: { $0.id == testCase.ruleID }) {
            return extractor.mentions(in: text, referenceDate: reference).filter { $0.rule == testCase.ruleID }.flatMap { mention -> [String] in
                let surface = text.surface(mention.range)
                return [surface] + (mention.value.map { ["\(surface) = \($0)"] } ?? [])
            }
        }
        let extraction = extractor.extract(documentID: "example", text: testCase.example.text, referenceDate: reference)
        return extraction.relations.filter { $0.rule == testCase.ruleID }.flatMap { relation -> [String] in
            let subject = extractor.lexicon.canonicalName(of: relation.subject.name, type: relation.subject.type)
            let object = extractor.lexicon.canonicalName(of: relation.object.name, type: relation.object.type)
            let plain = "\(subject) -\(relation.predicate)-> \(object)"
            return [plain] + (relation.attributes[AttributeKey.date].map { ["\(plain) @\($0)"] } ?? [])
        }
    }

    /// The problems with a case: expectations not met, forbidden findings made. Empty when it passes.
    public static func problems(of testCase: Case, extractor: Extractor = Extractor()) -> [String] {
        let found = findings(of: testCase, extractor: extractor)
        let example = testCase.example
        if !example.isNegative {
            return example.expected.filter { !found.contains($0) }.map { "expected \($0), found \(found)" }
        }
        if example.forbidden.isEmpty { return found.isEmpty ? [] : ["expected nothing, found \(found)"] }
        return example.forbidden.filter(found.contains).map { "must not find \($0)" }
    }
}
