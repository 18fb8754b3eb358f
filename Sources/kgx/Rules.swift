import ArgumentParser
import Foundation
import KGExtraction

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the rules and the lexicon, so that rule files can be written without the source.",
        discussion: """
            Each rule prints its id (the `rule` of every fact it finds), what it recognizes and, with \
            --examples, its own positive (+) and negative (-) example sentences. Then the lexicon: entries \
            by type, endings, titles and each trigger role with its number of words (Schemas/rule-file.md \
            says how to add to them with --rules).

            Examples:
              kgx rules
              kgx rules --examples --rules my-lexicon.tsv
            """)

    @Flag(help: "Print each rule's example sentences too.")
    var examples = false

    @OptionGroup var options: ExtractionOptions

    func run() throws {
        try reportingErrors {
            let extractor = try options.extractor()
            var lines: [String] = ["# mention rules"]
            func describe(id: String, summary: String, examples ruleExamples: [RuleExample]) {
                lines.append("\(id)\t\(summary)")
                guard examples else { return }
                for example in ruleExamples {
                    let outcome = example.isNegative
                        ? (example.forbidden.isEmpty ? "nothing" : "not " + example.forbidden.joined(separator: "; "))
                        : example.expected.joined(separator: "; ")
                    lines.append("  \(example.isNegative ? "-" : "+") \(example.text)  →  \(outcome)")
                }
            }
            for rule in extractor.mentionRules { describe(id: rule.id, summary: rule.summary, examples: rule.examples) }
            for rule in extractor.apposedMentionRules { describe(id: rule.id, summary: rule.summary, examples: rule.examples) }
            lines.append("# relation rules")
            for rule in extractor.relationRules { describe(id: rule.id, summary: rule.summary, examples: rule.examples) }
            let lexicon = extractor.lexicon
            lines.append("# lexicon")
            let byType = Dictionary(grouping: lexicon.allEntries, by: \.type.rawValue).mapValues(\.count)
            for (type, count) in byType.sorted(by: { $0.key < $1.key }) { lines.append("entity\t\(type)\t\(count)") }
            for (type, endings) in lexicon.suffixes.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                lines.append("suffix\t\(type.rawValue)\t\(endings.count)")
            }
            lines.append("title\t\(lexicon.titles.count)")
            lines.append("surname\t\(lexicon.surnames.count)")
            for (role, words) in lexicon.triggers.sorted(by: { $0.key < $1.key }) { lines.append("trigger\t\(role)\t\(words.count)") }
            for pattern in lexicon.relationPatterns {
                lines.append("relation\t\(pattern.predicate)\t\(pattern.subjectTypes.map(\.rawValue).sorted().joined(separator: "|"))"
                    + "\t\(pattern.objectTypes.map(\.rawValue).sorted().joined(separator: "|"))")
            }
            lines.append("words\t\(lexicon.automaton.count)")
            try StandardOutput.shared.write(lines.map { $0 + "\n" }.joined())
        }
    }
}
