import KGExtraction
import KGTestSupport
import Testing

/// Every registered rule's own positive and negative examples.
@Suite struct RuleExampleTests {
    static let extractor = Extractor()

    @Test(arguments: RuleExampleCheck.allCases)
    func ruleExample(_ testCase: RuleExampleCheck.Case) {
        let problems = RuleExampleCheck.problems(of: testCase, extractor: Self.extractor)
        #expect(problems.isEmpty, "\(testCase.ruleID): \(testCase.example.text): \(problems.joined(separator: "; "))")
    }

    @Test func everyRuleHasAnIdASummaryAndBothKindsOfExample() {
        var ids = Set<String>()
        for rule in RuleRegistry.mentionRules {
            #expect(ids.insert(rule.id).inserted, "duplicate rule id \(rule.id)")
            #expect(!rule.summary.isEmpty)
            #expect(rule.examples.contains { !$0.isNegative } && rule.examples.contains(where: \.isNegative), "\(rule.id) needs positive and negative examples")
        }
        for rule in RuleRegistry.relationRules {
            #expect(ids.insert(rule.id).inserted, "duplicate rule id \(rule.id)")
            #expect(rule.examples.contains { !$0.isNegative } && rule.examples.contains(where: \.isNegative), "\(rule.id) needs positive and negative examples")
        }
    }
}
