/// The rules kgx runs, in one place. Adding a rule: write its type in one file, add one line here.
public enum RuleRegistry {
    /// Mention rules, run on every document.
    public static let mentionRules: [any MentionRule] = [
        QuotedDocumentRule(),
        DateRule(),
        FigureRule(),
        LexiconEntityRule(),
    ]

    /// Relation rules, run on every sentence after mentions are resolved.
    public static let relationRules: [any RelationRule] = [
        IssuedRule(),
    ]
}
