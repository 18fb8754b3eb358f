/// The rules kgx runs, in one place. Adding a rule: write its type in one file, add one line here.
public enum RuleRegistry {
    /// Mention rules, run on every document.
    public static let mentionRules: [any MentionRule] = [
        QuotedDocumentRule(),
        UnquotedDocumentRule(),
        DateRule(),
        FigureRule(),
        LexiconEntityRule(),
        OrganizationUnitRule(),
        OrganizationListRule(),
        OrganizationNameRule(),
        PlaceRule(),
        SportsTeamRule(),
        PlaceAbbreviationRule(),
        PersonRule(),
        JapaneseNameRule(),
        MeetingRule(),
        PartyCongressRule(),
        QuotedEventRule(),
    ]

    /// Rules that add what the resolved mentions imply, run after overlaps are resolved.
    public static let apposedMentionRules: [any ApposedMentionRule] = [
        OriginalNameRule(),
    ]

    /// Relation rules, run on every sentence after mentions are resolved.
    public static let relationRules: [any RelationRule] = [
        IssuedRule(),
        ConvenedRule(),
        VisitedRule(),
        HoldsTitleRule(),
        PartOfRule(),
        LocatedInRule(),
        CountsRule(),
        ContainsRule(),
        DesignatedRule(),
        MetRule(),
        AttendedRule(),
        SentMessageRule(),
        AppointedRule(),
        SignedRule(),
        VerbRelationRule(),
    ]
}
