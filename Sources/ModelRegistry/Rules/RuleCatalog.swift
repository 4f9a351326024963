/// Every rule modelreg knows, in the order they are documented.
public enum RuleCatalog {
    /// Rules that check one file at a time, in the order they run.
    public static let documentRules: [any DocumentRule] = [
        SchemaRule(),
        FileNameMatchesIDRule(),
        PositiveDimensionsRule(),
        ProjectionConsistencyRule(),
        ContextWithinPositionsRule(),
        MatryoshkaConsistencyRule(),
        RoleCapabilitiesRule(),
        ArtifactPathsRule(),
        AggregateMatchesFilesRule(),
        LockConsistencyRule(),
    ]

    /// Rules that compare files.
    public static let registryRules: [any RegistryRule] = [
        IDUniqueRule(),
        HuggingFaceIDUniqueRule(),
        LineageReferenceRule(),
        LineageAcyclicRule(),
        ReplacementReferenceRule(),
    ]

    /// Rules that compare the registry before and after a change (run by `modelreg gate`).
    public static let changeRules: [any ChangeRule] = [
        LockedDriftRule(),
        LockRemovedRule(),
        LockedDeletionRule(),
    ]

    /// Rules checked by `verify --artifacts` against the files on disk (run by `ArtifactVerifier`).
    public static let artifactRules: [RuleDescription] = [
        ArtifactDriftRule.description,
        ArtifactsNotCheckedRule.description,
    ]

    /// Rules raised by the reader.
    public static let readerRules: [RuleDescription] = [
        YAMLSyntaxRule.description,
        YAMLDuplicateKeyRule.description,
        YAMLMultipleDocumentsRule.description,
        YAMLAliasRule.description,
        YAMLTagRule.description,
        YAMLEncodingRule.description,
        YAMLDepthRule.description,
        YAMLSizeRule.description,
        TopLevelMappingRule.description,
    ]

    /// All descriptions: reader rules, then document rules, then registry rules, then change rules, then artifact rules.
    public static var all: [RuleDescription] {
        readerRules + documentRules.map { type(of: $0).description } + registryRules.map { type(of: $0).description }
            + changeRules.map { type(of: $0).description } + artifactRules
    }

    /// The description with this id.
    public static func description(id: String) -> RuleDescription? {
        all.first { $0.id == id }
    }
}
